/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window-goal-seek.c — the Goal Seek dialog (issue 10): Ctrl+G, Find,
 * Apply as one undo step, no solution, Escape
 *
 * Real windows under Xvfb with the bundled sample; keys are real X events
 * sent with xdotool. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "bk-application.h"
#include "bk-format.h"
#include "bk-goal-seek-dialog.h"
#include "bk-json.h"
#include "bk-kpi-strip.h"
#include "bk-test-app.h"
#include "bk-test-ui.h"
#include "bk-window.h"

typedef BkTestAppWindow Fixture;

static const BkTestAppWindowSize large = { 1200, 800 };

static BkDocument *
document (Fixture *f)
{
  return bk_window_get_document (f->window);
}

static BkWorkbook *
workbook (Fixture *f)
{
  return bk_document_get_workbook (document (f));
}

/* The Goal Seek dialog on screen, or NULL */
static BkGoalSeekDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* not ours */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (BK_IS_GOAL_SEEK_DIALOG (window) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        return BK_GOAL_SEEK_DIALOG (window);
    }
  return NULL;
}

/* Ctrl+G in the window opens the dialog, which takes the keys */
static BkGoalSeekDialog *
open_dialog (Fixture *f)
{
  BkGoalSeekDialog *dialog;

  g_assert_null (find_dialog ());
  bk_test_send_keys (GTK_WINDOW (f->window), "ctrl+g", NULL);
  BK_WAIT_FOR (find_dialog () != NULL);
  dialog = find_dialog ();
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (f->window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  bk_test_watch_keys (GTK_WINDOW (dialog));
  bk_test_focus_window (GTK_WINDOW (dialog));
  return dialog;
}

/* Replaces the target with @text, typed */
static void
type_target (BkGoalSeekDialog *dialog,
             const char       *text)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (dialog));

  g_assert_nonnull (focus);
  g_assert_true (GTK_IS_EDITABLE (focus));
  bk_test_send_keys (GTK_WINDOW (dialog), "ctrl+a", "BackSpace", NULL);
  bk_test_type_text (GTK_WINDOW (dialog), text);
}

static double
engine_total_npv (Fixture *f)
{
  BkResults *results = bk_engine_get_results (bk_window_get_engine (f->window));

  return bk_metric_get (bk_metric_get_row (results, -1), BK_METRIC_NPV);
}

/* Ctrl+G, NPV of the total to 0 by the token price, Find, Apply: the
 * window's engine then gives NPV 0, and one Ctrl+Z restores the workbook
 * exactly.  Microsoft has its own price, which the answer must replace. */
static void
test_find_and_apply (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BkEngineInputs) inputs = NULL;
  g_autoptr(GString) formatted = g_string_new (NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *undo_label = NULL;
  g_autofree char *label_after = NULL;
  g_autofree char *kpi_before = NULL;
  BkGoalSeekDialog *dialog;
  int msft;
  double expected = NAN, npv_before;

  BK_TEST_REQUIRE_XDOTOOL ();

  msft = bk_workbook_find_company (workbook (f), "msft");
  g_assert_true (bk_document_set_assumption (document (f), BK_SCENARIO_BASE, msft,
                                             BK_ASSUMPTION_PRICE_PER_MTOK, 4.5, &error));
  g_assert_no_error (error);
  before = bk_json_write_workbook (workbook (f));
  undo_label = bk_document_dup_undo_label (document (f));
  npv_before = engine_total_npv (f);
  g_assert_cmpfloat (fabs (npv_before), >, 1);
  bk_test_wait_frames (GTK_WIDGET (f->window), 1);
  kpi_before = g_strdup (bk_kpi_strip_get_text (bk_window_get_kpi_strip (f->window), TRUE, 0));

  /* What the model finds */
  inputs = bk_engine_inputs_new (workbook (f), BK_SCENARIO_BASE);
  g_assert_true (bk_goal_seek (inputs, BK_METRIC_NPV, -1, 0, BK_ASSUMPTION_PRICE_PER_MTOK,
                               NAN, NAN, &expected, &error));
  g_assert_no_error (error);
  bk_format_assumption_with_unit (formatted, BK_ASSUMPTION_PRICE_PER_MTOK, expected);

  dialog = open_dialog (f);
  bk_goal_seek_dialog_set_metric (dialog, BK_METRIC_NPV);
  bk_goal_seek_dialog_set_company (dialog, -1);
  bk_goal_seek_dialog_set_driver (dialog, BK_ASSUMPTION_PRICE_PER_MTOK);
  g_assert_false (bk_goal_seek_dialog_can_apply (dialog));
  type_target (dialog, "0");

  /* Enter: Find */
  bk_test_send_keys (GTK_WINDOW (dialog), "Return", NULL);
  g_assert_cmpfloat (bk_goal_seek_dialog_get_value (dialog), ==, expected);
  g_assert_nonnull (strstr (bk_goal_seek_dialog_get_message (dialog), formatted->str));
  g_assert_nonnull (strstr (bk_goal_seek_dialog_get_message (dialog),
                            bk_assumption_get_name (BK_ASSUMPTION_PRICE_PER_MTOK)));
  g_assert_true (bk_goal_seek_dialog_can_apply (dialog));
  /* Nothing is stored yet */
  after = bk_json_write_workbook (workbook (f));
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);

  /* A field that changes forgets the answer; Find again finds it */
  bk_goal_seek_dialog_set_driver (dialog, BK_ASSUMPTION_UTILIZATION);
  g_assert_false (bk_goal_seek_dialog_can_apply (dialog));
  g_assert_true (isnan (bk_goal_seek_dialog_get_value (dialog)));
  g_assert_cmpstr (bk_goal_seek_dialog_get_message (dialog), ==, "");
  bk_goal_seek_dialog_set_driver (dialog, BK_ASSUMPTION_PRICE_PER_MTOK);
  bk_test_send_keys (GTK_WINDOW (dialog), "Return", NULL);
  g_assert_cmpfloat (bk_goal_seek_dialog_get_value (dialog), ==, expected);

  /* Enter again: Apply, and the dialog closes */
  bk_test_send_keys (GTK_WINDOW (dialog), "Return", NULL);
  BK_WAIT_FOR (find_dialog () == NULL);

  g_assert_cmpfloat (fabs (engine_total_npv (f)), <=, 1e-6 * fabs (npv_before));
  g_assert_cmpfloat (bk_workbook_get_assumption (workbook (f), BK_SCENARIO_BASE, msft,
                                                 BK_ASSUMPTION_PRICE_PER_MTOK), ==, expected);
  g_assert_cmpfloat (bk_workbook_get_assumption (workbook (f), BK_SCENARIO_BASE, -1,
                                                 BK_ASSUMPTION_PRICE_PER_MTOK), ==, expected);
  /* … and the key figures show it */
  bk_test_wait_frames (GTK_WIDGET (f->window), 1);
  {
    g_autoptr(GString) zero = g_string_new (NULL);

    bk_format_money (zero, engine_total_npv (f));
    g_assert_cmpstr (bk_kpi_strip_get_text (bk_window_get_kpi_strip (f->window), TRUE, 0), ==, zero->str);
    g_assert_cmpstr (zero->str, !=, kpi_before);
  }

  /* One Ctrl+Z: every layer as it was, and the step before is next */
  bk_test_focus_window (GTK_WINDOW (f->window));
  bk_test_send_keys (GTK_WINDOW (f->window), "ctrl+z", NULL);
  after = bk_json_write_workbook (workbook (f));
  g_assert_cmpstr (after, ==, before);
  label_after = bk_document_dup_undo_label (document (f));
  g_assert_cmpstr (label_after, ==, undo_label);
  g_assert_cmpfloat (engine_total_npv (f), ==, npv_before);
}

/* No value reaches the target: the model's message, in the dialog, and
 * Apply stays off; Escape then closes it and nothing has changed */
static void
test_no_solution_and_escape (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) expected = NULL;
  g_autoptr(BkEngineInputs) inputs = NULL;
  g_autofree char *before = bk_json_write_workbook (workbook (f));
  g_autofree char *after = NULL;
  BkGoalSeekDialog *dialog;
  gboolean could_undo = bk_document_can_undo (document (f));
  double value = 42;

  BK_TEST_REQUIRE_XDOTOOL ();

  inputs = bk_engine_inputs_new (workbook (f), BK_SCENARIO_BASE);
  g_assert_false (bk_goal_seek (inputs, BK_METRIC_NPV, -1, 1e6, BK_ASSUMPTION_UTILIZATION,
                                NAN, NAN, &value, &expected));
  g_assert_error (expected, BK_ERROR, BK_ERROR_OUT_OF_RANGE);

  dialog = open_dialog (f);
  bk_goal_seek_dialog_set_driver (dialog, BK_ASSUMPTION_UTILIZATION);
  type_target (dialog, "1000000");
  bk_test_send_keys (GTK_WINDOW (dialog), "Return", NULL);
  g_assert_cmpstr (bk_goal_seek_dialog_get_message (dialog), ==, expected->message);
  g_assert_nonnull (strstr (bk_goal_seek_dialog_get_message (dialog), "reaches the target"));
  g_assert_true (isnan (bk_goal_seek_dialog_get_value (dialog)));
  g_assert_false (bk_goal_seek_dialog_can_apply (dialog));

  /* Enter again searches again, and applies nothing */
  bk_test_send_keys (GTK_WINDOW (dialog), "Return", NULL);
  g_assert_cmpstr (bk_goal_seek_dialog_get_message (dialog), ==, expected->message);
  g_assert_true (find_dialog () == dialog);

  /* Not a number: said in the dialog */
  type_target (dialog, "lots");
  bk_test_send_keys (GTK_WINDOW (dialog), "Return", NULL);
  g_assert_nonnull (strstr (bk_goal_seek_dialog_get_message (dialog), "not a number"));
  g_assert_false (bk_goal_seek_dialog_can_apply (dialog));

  /* A value found, then Escape: closed, nothing changed */
  type_target (dialog, "0");
  bk_goal_seek_dialog_set_driver (dialog, BK_ASSUMPTION_PRICE_PER_MTOK);
  bk_test_send_keys (GTK_WINDOW (dialog), "Return", NULL);
  g_assert_true (bk_goal_seek_dialog_can_apply (dialog));
  bk_test_send_keys (GTK_WINDOW (dialog), "Escape", NULL);
  BK_WAIT_FOR (find_dialog () == NULL);

  after = bk_json_write_workbook (workbook (f));
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (bk_document_can_undo (document (f)), ==, could_undo);
}

/* In a scenario, for one company: the subtitle names the scenario, and
 * Apply stores that company's value there alone */
static void
test_company_in_scenario (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BkEngineInputs) inputs = NULL;
  BkGoalSeekDialog *dialog;
  guint bear = (guint) bk_workbook_find_scenario (workbook (f), "Bear — short GPU life, price war");
  int googl = bk_workbook_find_company (workbook (f), "googl");
  double expected = NAN;
  const char *subtitle;

  BK_TEST_REQUIRE_XDOTOOL ();

  bk_window_set_scenario (f->window, bear);
  inputs = bk_engine_inputs_new (workbook (f), bear);
  g_assert_true (bk_goal_seek (inputs, BK_METRIC_NPV, googl, 0, BK_ASSUMPTION_PRICE_PER_MTOK,
                               NAN, NAN, &expected, &error));
  g_assert_no_error (error);

  dialog = open_dialog (f);
  subtitle = adw_window_title_get_subtitle (ADW_WINDOW_TITLE (adw_header_bar_get_title_widget (
    ADW_HEADER_BAR (gtk_widget_get_first_child (adw_window_get_content (ADW_WINDOW (dialog)))))));
  g_assert_nonnull (strstr (subtitle, "Bear — short GPU life, price war"));

  bk_goal_seek_dialog_set_company (dialog, googl);
  type_target (dialog, "0");
  bk_test_send_keys (GTK_WINDOW (dialog), "Return", NULL);
  g_assert_cmpfloat (bk_goal_seek_dialog_get_value (dialog), ==, expected);
  bk_test_send_keys (GTK_WINDOW (dialog), "Return", NULL);
  BK_WAIT_FOR (find_dialog () == NULL);

  g_assert_cmpfloat (bk_workbook_get_assumption_layer (workbook (f), bear, googl,
                                                       BK_ASSUMPTION_PRICE_PER_MTOK), ==, expected);
  g_assert_true (isnan (bk_workbook_get_assumption_layer (workbook (f), bear, -1,
                                                          BK_ASSUMPTION_PRICE_PER_MTOK)));
  g_assert_true (isnan (bk_workbook_get_assumption_layer (workbook (f), BK_SCENARIO_BASE, googl,
                                                          BK_ASSUMPTION_PRICE_PER_MTOK)));
  {
    BkResults *results = bk_engine_get_results (bk_window_get_engine (f->window));

    g_assert_cmpfloat (fabs (bk_metric_get (bk_metric_get_row (results, googl), BK_METRIC_NPV)), <, 1e-6);
  }
}

/* An NPV target is money as a cell takes it: scales and currency, in
 * US$ billion ("0.05T", "$50B" and "500亿" are 50), never a formula */
static void
test_money_target (Fixture       *f,
                   gconstpointer  data)
{
  const char *const same[] = { "50", "$50B", "0.05T", "US$ 50bn", "500亿", "500亿美元" };
  g_autoptr(GError) error = NULL;
  g_autoptr(BkEngineInputs) inputs = NULL;
  BkGoalSeekDialog *dialog;
  double expected = NAN;

  BK_TEST_REQUIRE_XDOTOOL ();

  inputs = bk_engine_inputs_new (workbook (f), BK_SCENARIO_BASE);
  g_assert_true (bk_goal_seek (inputs, BK_METRIC_NPV, -1, 50, BK_ASSUMPTION_PRICE_PER_MTOK,
                               NAN, NAN, &expected, &error));
  g_assert_no_error (error);

  dialog = open_dialog (f);
  bk_goal_seek_dialog_set_metric (dialog, BK_METRIC_NPV);
  bk_goal_seek_dialog_set_driver (dialog, BK_ASSUMPTION_PRICE_PER_MTOK);
  for (guint i = 0; i < G_N_ELEMENTS (same); i++)
    {
      /* Keys for ASCII; 亿, which xdotool cannot type as keys, set as
       * an input method would leave it */
      if (g_str_is_ascii (same[i]))
        type_target (dialog, same[i]);
      else
        gtk_editable_set_text (GTK_EDITABLE (gtk_window_get_focus (GTK_WINDOW (dialog))), same[i]);
      bk_test_send_keys (GTK_WINDOW (dialog), "Return", NULL);
      if (bk_goal_seek_dialog_get_value (dialog) != expected)
        g_error ("“%s”: %s", same[i], bk_goal_seek_dialog_get_message (dialog));
      /* Found: Apply is offered */
      g_assert_true (bk_goal_seek_dialog_can_apply (dialog));
    }

  /* A formula is not a target */
  type_target (dialog, "=25*2");
  bk_test_send_keys (GTK_WINDOW (dialog), "Return", NULL);
  g_assert_nonnull (strstr (bk_goal_seek_dialog_get_message (dialog), "not a number"));
  g_assert_false (bk_goal_seek_dialog_can_apply (dialog));
  bk_test_send_keys (GTK_WINDOW (dialog), "Escape", NULL);
  BK_WAIT_FOR (find_dialog () == NULL);
}

int
main (int   argc,
      char *argv[])
{
  BkApplication *app = bk_test_app_init (&argc, &argv, "test-window-goal-seek");

#define ADD(path, func) \
  g_test_add ("/goal-seek/" path, Fixture, &large, bk_test_app_window_setup, func, \
              bk_test_app_window_teardown)
  ADD ("find-and-apply", test_find_and_apply);
  ADD ("no-solution-and-escape", test_no_solution_and_escape);
  ADD ("company-in-scenario", test_company_in_scenario);
  ADD ("money-target", test_money_target);
#undef ADD

  return bk_test_app_run (app);
}
