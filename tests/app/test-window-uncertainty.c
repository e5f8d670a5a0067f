/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window-uncertainty.c — the Uncertainty column of the Assumptions
 * page as a person uses it: typed, refused, undone, removed, pasted, and
 * simulated with F9
 *
 * Real windows under Xvfb with the bundled sample; keys are real X events
 * sent with xdotool.  What is stored is read back from the file through a
 * second connection, and what is shown through the page's table model. */
#include "config.h"

#include <string.h>

#include "bk-application.h"
#include "bk-analysis-page.h"
#include "bk-distribution.h"
#include "bk-simulation-panel.h"
#include "bk-table-page.h"
#include "bk-test-app.h"
#include "bk-test-ui.h"
#include "bk-window.h"

/* A fraction the sample gives no uncertainty, so "0.1 to 0.6" fits it */
#define DRIVER BK_ASSUMPTION_INFERENCE_SHARE

typedef struct
{
  BkWindow    *window;
  BkSheetView *sheet;
  guint        column;   /* the Uncertainty column */
} Fixture;

static BkApplication *app;

static BkDocument *
document (Fixture *f)
{
  return bk_window_get_document (f->window);
}

static BkTablePage *
assumptions_page (Fixture *f)
{
  return BK_TABLE_PAGE (bk_window_get_page_widget (f->window, "assumptions"));
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  BkWorkbook *wb;

  f->window = bk_test_app_present_window (app, NULL, 1200, 800);

  bk_window_set_page (f->window, "assumptions");
  f->sheet = bk_table_page_get_sheet (assumptions_page (f));
  bk_test_app_wait_drawn (GTK_WIDGET (f->sheet));
  g_assert_true (bk_window_get_sheet (f->window) == f->sheet);

  wb = bk_document_get_workbook (document (f));
  f->column = bk_workbook_get_n_companies (wb) + 1;
  {
    g_autoptr(GString) header = g_string_new (NULL);

    bk_table_model_get_column_header (bk_sheet_view_get_model (f->sheet), f->column, header);
    g_assert_cmpstr (header->str, ==, "Uncertainty");
  }
  /* The sample leaves this driver certain, and nothing to undo yet */
  g_assert_null (bk_workbook_get_distribution (wb, DRIVER));
  g_assert_false (bk_document_can_undo (document (f)));
  bk_sheet_view_set_cursor (f->sheet, DRIVER, f->column);
  gtk_widget_grab_focus (GTK_WIDGET (f->sheet));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  bk_test_app_close_window (f->window);
}

/* The driver's uncertainty as another program reading the file sees it
 * (NULL for none) */
static char *
disk_spec (Fixture *f)
{
  g_autoptr(BkDocument) reader = bk_test_app_reopen_document (f->window);

  return g_strdup (bk_workbook_get_distribution (bk_document_get_workbook (reader), DRIVER));
}

/* The spec in the window's workbook, in the file and in the cell all say
 * @expected (NULL: no uncertainty, a blank cell) */
static void
assert_stored (Fixture    *f,
               const char *expected)
{
  g_autofree char *on_disk = disk_spec (f);
  g_autoptr(GHashTable) all = bk_workbook_dup_distributions (bk_document_get_workbook (document (f)));
  g_autoptr(GString) shown = g_string_new (NULL);
  BkTableCellFlags flags;

  g_assert_cmpstr (bk_workbook_get_distribution (bk_document_get_workbook (document (f)), DRIVER), ==, expected);
  g_assert_cmpstr (on_disk, ==, expected);
  g_assert_true (g_hash_table_contains (all, bk_assumption_get_key (DRIVER)) == (expected != NULL));

  flags = bk_table_model_get_cell (bk_sheet_view_get_model (f->sheet), DRIVER, f->column, shown);
  if (expected != NULL)
    {
      g_assert_false (flags & BK_TABLE_CELL_BLANK);
      g_assert_cmpstr (shown->str, ==, expected);
    }
  else
    g_assert_true (flags & BK_TABLE_CELL_BLANK);
}

/* Types @text into the cursor's cell and presses Enter */
static void
type_and_commit (Fixture    *f,
                 const char *text)
{
  bk_test_type_text (GTK_WINDOW (f->window), text);
  g_assert_true (bk_sheet_view_get_editing (f->sheet));
  bk_test_send_keys (GTK_WINDOW (f->window), "Return", NULL);
}

/* Why the parser refuses @text for the driver */
static char *
parser_reason (const char *text)
{
  g_autoptr(GError) error = NULL;
  BkDistribution *distribution = NULL;

  g_assert_false (bk_distribution_parse (text, DRIVER, NULL, &distribution, &error));
  g_assert_null (distribution);
  g_assert_nonnull (error);
  return g_strdup (error->message);
}

static void
test_typed_and_undone (Fixture       *f,
                       gconstpointer  data)
{
  BK_TEST_REQUIRE_XDOTOOL ();

  type_and_commit (f, "0.1 to 0.6");
  g_assert_false (bk_sheet_view_get_editing (f->sheet));
  assert_stored (f, "0.1 to 0.6");
  g_assert_null (bk_table_page_get_error (assumptions_page (f)));
  g_assert_true (bk_document_can_undo (document (f)));

  /* One Ctrl+Z takes it back, and that was the only step */
  bk_test_send_keys (GTK_WINDOW (f->window), "ctrl+z", NULL);
  assert_stored (f, NULL);
  g_assert_false (bk_document_can_undo (document (f)));

  /* Redo brings it back */
  bk_test_send_keys (GTK_WINDOW (f->window), "ctrl+shift+z", NULL);
  assert_stored (f, "0.1 to 0.6");
}

static void
test_bad_spec_refused (Fixture       *f,
                       gconstpointer  data)
{
  const char *bad[] = { "0.6 to 0.1", "N(1)" };

  BK_TEST_REQUIRE_XDOTOOL ();

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *reason = parser_reason (bad[i]);
      const char *shown;

      type_and_commit (f, bad[i]);
      /* The editor stays open on the text; the page says why, in the
       * parser's words; nothing is stored and nothing can be undone */
      g_assert_true (bk_sheet_view_get_editing (f->sheet));
      g_assert_cmpint (bk_sheet_view_get_cursor_row (f->sheet), ==, DRIVER);
      shown = bk_table_page_get_error (assumptions_page (f));
      g_assert_nonnull (shown);
      g_assert_nonnull (strstr (shown, reason));
      assert_stored (f, NULL);
      g_assert_false (bk_document_can_undo (document (f)));

      bk_test_send_keys (GTK_WINDOW (f->window), "Escape", NULL);
      g_assert_false (bk_sheet_view_get_editing (f->sheet));
      assert_stored (f, NULL);
    }
}

static void
test_removed (Fixture       *f,
              gconstpointer  data)
{
  BK_TEST_REQUIRE_XDOTOOL ();

  /* "none" removes it, as one undo step */
  type_and_commit (f, "0.1 to 0.6");
  assert_stored (f, "0.1 to 0.6");
  bk_sheet_view_set_cursor (f->sheet, DRIVER, f->column);
  type_and_commit (f, "none");
  assert_stored (f, NULL);
  bk_test_send_keys (GTK_WINDOW (f->window), "ctrl+z", NULL);
  assert_stored (f, "0.1 to 0.6");

  /* and so does Delete on the cell */
  bk_sheet_view_set_cursor (f->sheet, DRIVER, f->column);
  bk_test_send_keys (GTK_WINDOW (f->window), "Delete", NULL);
  assert_stored (f, NULL);
  bk_test_send_keys (GTK_WINDOW (f->window), "ctrl+z", NULL);
  assert_stored (f, "0.1 to 0.6");
}

static void
test_paste_refused (Fixture       *f,
                    gconstpointer  data)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (f->window));
  BkWorkbook *wb = bk_document_get_workbook (document (f));
  g_autoptr(GHashTable) before = bk_workbook_dup_distributions (wb);
  g_autoptr(GHashTable) after = NULL;

  BK_TEST_REQUIRE_XDOTOOL ();

  /* Two rows of uncertainties at once: refused, nothing stored */
  gdk_clipboard_set_text (clipboard, "0.1 to 0.6\n0.2 to 0.3\n");
  bk_test_flush ();
  bk_sheet_view_set_cursor (f->sheet, DRIVER, f->column);
  bk_test_send_keys (GTK_WINDOW (f->window), "ctrl+v", NULL);
  BK_WAIT_FOR (bk_table_page_get_error (assumptions_page (f)) != NULL);
  g_assert_cmpstr (bk_table_page_get_error (assumptions_page (f)), ==, "Set one uncertainty at a time");
  assert_stored (f, NULL);
  g_assert_false (bk_document_can_undo (document (f)));
  /* nor in the row below it */
  after = bk_workbook_dup_distributions (wb);
  g_assert_cmpuint (g_hash_table_size (after), ==, g_hash_table_size (before));
  for (guint k = 0; k < BK_N_ASSUMPTIONS; k++)
    {
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;
      BkDistribution *d;

      if ((d = g_hash_table_lookup (before, bk_assumption_get_key (k))) != NULL)
        a = bk_distribution_to_string (d);
      if ((d = g_hash_table_lookup (after, bk_assumption_get_key (k))) != NULL)
        b = bk_distribution_to_string (d);
      g_assert_cmpstr (a, ==, b);
    }
}

static BkSimulationPanel *
simulation_panel (Fixture *f)
{
  BkAnalysisPage *page = BK_ANALYSIS_PAGE (bk_window_get_page_widget (f->window, "analysis"));
  GtkWidget *panel = gtk_widget_get_first_child (bk_analysis_page_get_simulation_slot (page));

  g_assert_true (BK_IS_SIMULATION_PANEL (panel));
  return BK_SIMULATION_PANEL (panel);
}

/* F9, from the page where the uncertainty was typed: the Analysis page
 * shows, and the simulation runs with that uncertainty */
static void
test_f9_simulates (Fixture       *f,
                   gconstpointer  data)
{
  BkSimulationPanel *panel = simulation_panel (f);
  BkSimulation *simulation = bk_simulation_panel_get_simulation (panel);
  BkWorkbook *wb = bk_document_get_workbook (document (f));
  g_autoptr(GHashTable) distributions = NULL;
  g_autoptr(BkEngineInputs) inputs = NULL;
  g_autoptr(BkMonteCarloResult) expected = NULL;
  g_autoptr(GError) error = NULL;
  BkMonteCarloParams params;

  BK_TEST_REQUIRE_XDOTOOL ();

  type_and_commit (f, "0.1 to 0.6");
  assert_stored (f, "0.1 to 0.6");
  g_assert_null (bk_simulation_get_result (simulation));
  g_assert_cmpuint (bk_simulation_get_n_starts (simulation), ==, 0);
  bk_simulation_panel_set_trials (panel, 1000);
  bk_simulation_panel_set_seed (panel, 9);

  bk_test_send_keys (GTK_WINDOW (f->window), "F9", NULL);
  g_assert_cmpstr (bk_window_get_page (f->window), ==, "analysis");
  g_assert_cmpuint (bk_simulation_get_n_starts (simulation), ==, 1);
  BK_WAIT_FOR (bk_simulation_get_result (simulation) != NULL);

  /* The same numbers as a direct run on the document with the new
   * uncertainty (it counts: without it the numbers differ) */
  distributions = bk_workbook_dup_distributions (wb);
  g_assert_true (g_hash_table_contains (distributions, bk_assumption_get_key (DRIVER)));
  inputs = bk_engine_inputs_new (wb, BK_SCENARIO_BASE);
  bk_monte_carlo_params_init (&params);
  params.trials = 1000;
  params.seed = 9;
  params.threads = 1;
  expected = bk_monte_carlo_run (inputs, distributions, &params, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (bk_simulation_get_result (simulation)->mean, ==, expected->mean);
  g_assert_cmpfloat (bk_simulation_get_result (simulation)->sd, ==, expected->sd);
  g_assert_cmpuint (bk_simulation_get_result (simulation)->params.seed, ==, 9);
  {
    g_autoptr(BkMonteCarloResult) without = NULL;

    g_hash_table_remove (distributions, bk_assumption_get_key (DRIVER));
    without = bk_monte_carlo_run (inputs, distributions, &params, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpfloat (without->mean, !=, expected->mean);
  }
}

int
main (int   argc,
      char *argv[])
{
  app = bk_test_app_init (&argc, &argv, "test-window-uncertainty");

#define ADD(path, func) \
  g_test_add ("/window/uncertainty/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("typed-and-undone", test_typed_and_undone);
  ADD ("bad-spec-refused", test_bad_spec_refused);
  ADD ("removed", test_removed);
  ADD ("paste-refused", test_paste_refused);
  ADD ("f9-simulates", test_f9_simulates);
#undef ADD

  return bk_test_app_run (app);
}
