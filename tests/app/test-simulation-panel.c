/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-simulation-panel.c — the Monte Carlo panel in a real window: a run
 * that completes, one that is cancelled, one restarted by an edit
 *
 * The panel shows the sample document (a real file) through a live
 * engine, as the window's pages do.  Simulate and Cancel are clicked with
 * real X events (xdotool, see bk-test-ui.h); edits go through the
 * document, as the sheet's do.  Every wait is on a condition with a
 * timeout, never for a fixed time.  What the panel shows is compared with
 * bk_monte_carlo_run() called directly with the same seed and trials on
 * one thread (the panel runs on one per processor: the same numbers). */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "bk-chart-view.h"
#include "bk-document.h"
#include "bk-engine.h"
#include "bk-format.h"
#include "bk-json.h"
#include "bk-simulation-panel.h"
#include "bk-test-simulation.h"
#include "bk-test-ui.h"

typedef struct
{
  char              *dir;
  char              *path;
  BkDocument        *document;
  BkEngine          *engine;
  GtkWidget         *window;
  BkSimulationPanel *panel;
  BkSimulation      *simulation;
  guint              n_finished;
  GError            *finished_error;
  /* the edit made while a run is in progress */
  gboolean           edit_during_run;
  gboolean           edited;
  gboolean           running_when_edited;
  /* the company removed while a run is in progress */
  char              *remove_id;
} Fixture;

static void
finished_cb (BkSimulation *simulation,
             const GError *error,
             Fixture      *f)
{
  f->n_finished++;
  g_clear_error (&f->finished_error);
  if (error != NULL)
    f->finished_error = g_error_copy (error);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BkWorkbook) sample = bk_json_read_sample (&error);

  g_assert_no_error (error);
  f->dir = g_dir_make_tmp ("breakeven-test-simulation-panel-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "sample.breakeven", NULL);
  f->document = bk_document_create (f->path, sample, FALSE, &error);
  g_assert_no_error (error);
  f->engine = bk_engine_new (bk_document_get_workbook (f->document));

  f->panel = bk_simulation_panel_new ();
  bk_simulation_panel_set_engine (f->panel, f->engine);
  f->simulation = bk_simulation_panel_get_simulation (f->panel);
  g_signal_connect (f->simulation, "finished", G_CALLBACK (finished_cb), f);

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 640);
  gtk_widget_set_margin_start (GTK_WIDGET (f->panel), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (f->panel), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (f->panel), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (f->panel), 12);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->panel));
  bk_test_watch_keys (GTK_WINDOW (f->window));
  gtk_window_present (GTK_WINDOW (f->window));
  bk_test_wait_frames (f->window, 2);
  bk_test_focus_window (GTK_WINDOW (f->window));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_signal_handlers_disconnect_by_data (f->simulation, f);
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->engine);
  bk_document_close (f->document);
  g_clear_object (&f->document);
  g_clear_error (&f->finished_error);
  g_clear_pointer (&f->remove_id, g_free);
  bk_test_flush ();

  g_assert_no_errno (g_remove (f->path));
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static GtkWidget *
part (Fixture    *f,
      const char *name)
{
  GtkWidget *widget = bk_simulation_panel_get_part (f->panel, name);

  g_assert_nonnull (widget);
  return widget;
}

/* Clicks a button in the middle, for real */
static void
click (Fixture    *f,
       const char *name)
{
  GtkWidget *button = part (f, name);

  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  bk_test_click (button, gtk_widget_get_width (button) / 2.0, gtk_widget_get_height (button) / 2.0, 1);
}

/* What the panel's run should give: a direct run on the document as it
 * is now, in Base, on one thread */
static BkMonteCarloResult *
direct_run (Fixture *f,
            guint    trials,
            guint64  seed,
            int      company)
{
  BkWorkbook *wb = bk_document_get_workbook (f->document);
  g_autoptr(BkEngineInputs) inputs = bk_engine_inputs_new (wb, BK_SCENARIO_BASE);
  g_autoptr(GHashTable) distributions = bk_workbook_dup_distributions (wb);
  g_autoptr(GError) error = NULL;
  BkMonteCarloParams params;
  BkMonteCarloResult *result;

  bk_monte_carlo_params_init (&params);
  params.trials = trials;
  params.seed = seed;
  params.threads = 1;
  params.company = company;
  result = bk_monte_carlo_run (inputs, distributions, &params, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

/* The summary shows @expected, formatted as the app formats money */
static void
assert_summary (Fixture                  *f,
                const BkMonteCarloResult *expected)
{
  const double money[] = {
    expected->mean, expected->sd, expected->npv[BK_PERCENTILE_5],
    expected->npv[BK_PERCENTILE_50], expected->npv[BK_PERCENTILE_95],
  };
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (money); i++)
    {
      g_string_truncate (text, 0);
      bk_format_money (text, money[i]);
      g_assert_cmpstr (bk_simulation_panel_get_figure_text (f->panel, i), ==, text->str);
    }
  g_string_truncate (text, 0);
  bk_format_percent (text, expected->prob_positive, 1);
  g_assert_cmpstr (bk_simulation_panel_get_figure_text (f->panel, BK_SIMULATION_FIGURE_PROB_POSITIVE),
                   ==, text->str);
}

/* Back at rest: Simulate can be clicked, no progress bar, no Cancel */
static void
assert_idle (Fixture *f)
{
  g_assert_false (bk_simulation_get_running (f->simulation));
  g_assert_true (gtk_widget_is_sensitive (part (f, "simulate")));
  g_assert_true (gtk_widget_get_sensitive (part (f, "trials")));
  g_assert_false (gtk_widget_get_mapped (part (f, "progress")));
  g_assert_false (gtk_widget_get_mapped (part (f, "cancel")));
}

static void
test_completes (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(BkMonteCarloResult) expected = NULL;
  g_autoptr(BkMonteCarloResult) company = NULL;
  GtkWidget *histogram = part (f, "histogram");
  GtkWidget *fan = part (f, "fan");
  const char *before;

  BK_TEST_REQUIRE_XDOTOOL ();

  g_assert_cmpuint (bk_simulation_panel_get_trials (f->panel), ==, BK_SIMULATION_PANEL_DEFAULT_TRIALS);
  g_assert_cmpstr (bk_simulation_panel_get_figure_text (f->panel, BK_SIMULATION_FIGURE_MEAN), ==, "—");
  g_assert_false (gtk_widget_get_mapped (histogram));
  assert_idle (f);

  bk_simulation_panel_set_trials (f->panel, 3000);
  bk_simulation_panel_set_seed (f->panel, 7);
  click (f, "simulate");
  BK_WAIT_FOR (f->n_finished == 1);

  g_assert_no_error (f->finished_error);
  expected = direct_run (f, 3000, 7, -1);
  g_assert_nonnull (bk_simulation_get_result (f->simulation));
  bk_test_assert_same_simulation (bk_simulation_get_result (f->simulation), expected);
  assert_summary (f, expected);
  g_assert_cmpfloat (bk_simulation_get_progress (f->simulation), ==, 1.0);
  g_assert_false (bk_simulation_panel_get_stale (f->panel));
  assert_idle (f);

  /* Both charts show this run */
  BK_WAIT_FOR (gtk_widget_get_mapped (histogram) && gtk_widget_get_mapped (fan));
  g_assert_nonnull (bk_chart_view_get_chart (BK_CHART_VIEW (histogram)));
  g_assert_nonnull (bk_chart_view_get_chart (BK_CHART_VIEW (fan)));
  g_assert_cmpint (bk_chart_get_kind (bk_chart_view_get_chart (BK_CHART_VIEW (histogram))), ==, BK_CHART_KIND_HISTOGRAM);
  g_assert_cmpint (bk_chart_get_kind (bk_chart_view_get_chart (BK_CHART_VIEW (fan))), ==, BK_CHART_KIND_FAN);
  BK_WAIT_FOR (bk_chart_view_get_n_renders (BK_CHART_VIEW (histogram)) > 0
               && bk_chart_view_get_n_renders (BK_CHART_VIEW (fan)) > 0);

  /* An edit after the run: the result stays, marked stale, until the
   * next run */
  before = g_intern_string (gtk_label_get_text (GTK_LABEL (part (f, "status"))));
  g_assert_true (bk_document_set_assumption (f->document, BK_SCENARIO_BASE, -1,
                                             BK_ASSUMPTION_DISCOUNT_RATE, 0.15, NULL));
  g_assert_true (bk_simulation_panel_get_stale (f->panel));
  g_assert_nonnull (bk_simulation_get_result (f->simulation));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (part (f, "status"))), !=, before);
  assert_summary (f, expected);
  g_assert_cmpuint (bk_simulation_get_n_starts (f->simulation), ==, 1);

  /* The first company, chosen in the dropdown, simulated again */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (part (f, "company")), 1);
  g_assert_cmpint (bk_simulation_panel_get_company (f->panel), ==, 0);
  click (f, "simulate");
  g_assert_false (bk_simulation_panel_get_stale (f->panel));
  BK_WAIT_FOR (f->n_finished == 2);
  g_assert_no_error (f->finished_error);
  company = direct_run (f, 3000, 7, 0);
  bk_test_assert_same_simulation (bk_simulation_get_result (f->simulation), company);
  assert_summary (f, company);
  g_assert_cmpfloat (company->mean, !=, expected->mean);
  assert_idle (f);
}

static void
test_cancelled (Fixture       *f,
                gconstpointer  data)
{
  BK_TEST_REQUIRE_XDOTOOL ();

  /* Long enough that Cancel comes first */
  bk_simulation_panel_set_trials (f->panel, 400000);
  click (f, "simulate");
  g_assert_true (bk_simulation_get_running (f->simulation));
  g_assert_false (gtk_widget_is_sensitive (part (f, "simulate")));
  BK_WAIT_FOR (gtk_widget_get_mapped (part (f, "cancel")));
  BK_WAIT_FOR (bk_simulation_get_progress (f->simulation) > 0 || !bk_simulation_get_running (f->simulation));
  g_assert_true (bk_simulation_get_running (f->simulation));
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (part (f, "progress"))), ==,
                     bk_simulation_get_progress (f->simulation));

  click (f, "cancel");
  g_assert_cmpuint (f->n_finished, ==, 1);
  g_assert_error (f->finished_error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (bk_simulation_get_result (f->simulation));
  g_assert_cmpstr (bk_simulation_panel_get_figure_text (f->panel, BK_SIMULATION_FIGURE_MEAN), ==, "—");
  bk_test_flush ();
  assert_idle (f);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (part (f, "simulate"))), ==, "_Simulate");

  /* The cancelled run never delivers: a short run afterwards is the only
   * result, and the only other ::finished */
  bk_simulation_panel_set_trials (f->panel, 500);
  click (f, "simulate");
  BK_WAIT_FOR (f->n_finished == 2);
  g_assert_no_error (f->finished_error);
  g_assert_cmpuint (bk_simulation_get_result (f->simulation)->params.trials, ==, 500);
  BK_WAIT_FOR (bk_chart_view_get_n_renders (BK_CHART_VIEW (part (f, "histogram"))) > 0);
  bk_test_flush ();
  g_assert_cmpuint (f->n_finished, ==, 2);
}

/* Edits the discount rate from the first progress report of a run */
static void
progress_cb (BkSimulation *simulation,
             GParamSpec   *pspec,
             Fixture      *f)
{
  g_autoptr(GError) error = NULL;

  if (!f->edit_during_run || f->edited || bk_simulation_get_progress (simulation) >= 1.0)
    return;

  f->edited = TRUE;
  f->running_when_edited = bk_simulation_get_running (simulation);
  bk_document_set_assumption (f->document, BK_SCENARIO_BASE, -1,
                              BK_ASSUMPTION_DISCOUNT_RATE, 0.15, &error);
  g_assert_no_error (error);
}

static void
test_edit_restarts (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(BkMonteCarloResult) expected = NULL;
  double npv_before = bk_results_get_total (bk_engine_get_results (f->engine))->npv;

  BK_TEST_REQUIRE_XDOTOOL ();

  f->edit_during_run = TRUE;
  g_signal_connect (f->simulation, "notify::progress", G_CALLBACK (progress_cb), f);
  bk_simulation_panel_set_trials (f->panel, 50000);
  bk_simulation_panel_set_seed (f->panel, 3);
  click (f, "simulate");
  BK_WAIT_FOR (f->n_finished == 1);

  g_assert_true (f->edited);
  g_assert_true (f->running_when_edited);
  g_assert_cmpuint (bk_simulation_get_n_starts (f->simulation), ==, 2);
  g_assert_no_error (f->finished_error);
  g_assert_false (bk_simulation_panel_get_stale (f->panel));

  /* The result is of the edited document, not the one Simulate saw */
  expected = direct_run (f, 50000, 3, -1);
  g_assert_cmpfloat (expected->deterministic_npv, ==,
                     bk_results_get_total (bk_engine_get_results (f->engine))->npv);
  g_assert_cmpfloat (expected->deterministic_npv, !=, npv_before);
  bk_test_assert_same_simulation (bk_simulation_get_result (f->simulation), expected);
  assert_summary (f, expected);
  assert_idle (f);

  /* The first run's result never arrives */
  bk_test_flush ();
  g_assert_cmpuint (f->n_finished, ==, 1);
  bk_test_assert_same_simulation (bk_simulation_get_result (f->simulation), expected);
}

/* Removes f->remove_id from the first progress report of a run */
static void
remove_cb (BkSimulation *simulation,
           GParamSpec   *pspec,
           Fixture      *f)
{
  g_autoptr(GError) error = NULL;

  if (f->edited || bk_simulation_get_progress (simulation) >= 1.0)
    return;

  f->edited = TRUE;
  f->running_when_edited = bk_simulation_get_running (simulation);
  bk_document_remove_row (f->document, FALSE, f->remove_id, &error);
  g_assert_no_error (error);
}

/* Simulates the second company and removes @removed (0 or 1) of the
 * sample's companies during the run; returns the second company's id */
static char *
run_removing (Fixture *f,
              guint    removed,
              guint64  seed)
{
  BkWorkbook *wb = bk_document_get_workbook (f->document);
  char *id = g_strdup (bk_workbook_get_company_id (wb, 1));

  g_assert_cmpuint (bk_workbook_get_n_companies (wb), >=, 3);
  f->remove_id = g_strdup (bk_workbook_get_company_id (wb, removed));
  g_signal_connect (f->simulation, "notify::progress", G_CALLBACK (remove_cb), f);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (part (f, "company")), 2);
  g_assert_cmpint (bk_simulation_panel_get_company (f->panel), ==, 1);
  bk_simulation_panel_set_trials (f->panel, 50000);
  bk_simulation_panel_set_seed (f->panel, seed);
  click (f, "simulate");
  BK_WAIT_FOR (f->n_finished == 1);

  g_assert_true (f->edited);
  g_assert_true (f->running_when_edited);
  g_assert_cmpint (bk_workbook_find_company (wb, f->remove_id), ==, -1);
  g_assert_cmpuint (bk_simulation_get_n_starts (f->simulation), ==, 2);
  g_assert_no_error (f->finished_error);
  return id;
}

/* Another company removed during a run: the run restarts with the same
 * company, now one place up, and the dropdown follows it */
static void
test_company_followed (Fixture       *f,
                       gconstpointer  data)
{
  BkWorkbook *wb = bk_document_get_workbook (f->document);
  g_autoptr(BkMonteCarloResult) expected = NULL;
  g_autofree char *id = NULL;
  guint selected;

  BK_TEST_REQUIRE_XDOTOOL ();

  id = run_removing (f, 0, 11);
  g_assert_cmpstr (bk_workbook_get_company_id (wb, 0), ==, id);
  g_assert_cmpint (bk_simulation_panel_get_company (f->panel), ==, 0);
  selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (part (f, "company")));
  g_assert_cmpuint (selected, ==, 1);
  g_assert_cmpint (bk_simulation_get_result (f->simulation)->params.company, ==, 0);
  expected = direct_run (f, 50000, 11, 0);
  bk_test_assert_same_simulation (bk_simulation_get_result (f->simulation), expected);
  assert_summary (f, expected);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (part (f, "status"))),
                            bk_workbook_get_company_name (wb, 0)));
  assert_idle (f);
}

/* The company simulated removed during its run: the run restarts on the
 * total, and the dropdown says so */
static void
test_company_removed (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(BkMonteCarloResult) expected = NULL;
  g_autofree char *id = NULL;

  BK_TEST_REQUIRE_XDOTOOL ();

  id = run_removing (f, 1, 12);
  g_assert_cmpint (bk_workbook_find_company (bk_document_get_workbook (f->document), id), ==, -1);
  g_assert_cmpint (bk_simulation_panel_get_company (f->panel), ==, -1);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (part (f, "company"))), ==, 0);
  g_assert_cmpint (bk_simulation_get_result (f->simulation)->params.company, ==, -1);
  expected = direct_run (f, 50000, 12, -1);
  bk_test_assert_same_simulation (bk_simulation_get_result (f->simulation), expected);
  assert_summary (f, expected);
  assert_idle (f);
}

/* The seed field: typed with real keys, it is the seed of the run, and
 * the same seed gives the same numbers again */
static void
test_seed_field (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *seed = part (f, "seed");
  g_autoptr(BkMonteCarloResult) expected = NULL;
  g_autoptr(BkMonteCarloResult) other = NULL;
  BkMonteCarloParams defaults;

  BK_TEST_REQUIRE_XDOTOOL ();

  /* It opens on the default seed, breakeven-cli simulate's */
  bk_monte_carlo_params_init (&defaults);
  g_assert_cmpuint (bk_simulation_panel_get_seed (f->panel), ==, defaults.seed);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (seed)), ==, (double) defaults.seed);

  bk_simulation_panel_set_trials (f->panel, 2000);
  gtk_widget_grab_focus (seed);
  BK_WAIT_FOR (gtk_widget_has_focus (GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (seed))))
               || gtk_widget_has_focus (seed));
  gtk_editable_select_region (GTK_EDITABLE (seed), 0, -1);
  bk_test_type_text (GTK_WINDOW (f->window), "4242");
  /* not committed with Enter: Simulate takes what is typed */
  click (f, "simulate");
  BK_WAIT_FOR (f->n_finished == 1);
  g_assert_no_error (f->finished_error);
  g_assert_cmpuint (bk_simulation_panel_get_seed (f->panel), ==, 4242);
  g_assert_cmpuint (bk_simulation_get_result (f->simulation)->params.seed, ==, 4242);
  expected = direct_run (f, 2000, 4242, -1);
  bk_test_assert_same_simulation (bk_simulation_get_result (f->simulation), expected);
  assert_summary (f, expected);

  /* Another seed, other numbers */
  bk_simulation_panel_set_seed (f->panel, 4243);
  click (f, "simulate");
  BK_WAIT_FOR (f->n_finished == 2);
  other = direct_run (f, 2000, 4243, -1);
  bk_test_assert_same_simulation (bk_simulation_get_result (f->simulation), other);
  g_assert_cmpfloat (other->mean, !=, expected->mean);

  /* The first seed again, the first numbers again */
  bk_simulation_panel_set_seed (f->panel, 4242);
  click (f, "simulate");
  BK_WAIT_FOR (f->n_finished == 3);
  bk_test_assert_same_simulation (bk_simulation_get_result (f->simulation), expected);
  assert_summary (f, expected);
}

/* Without an uncertain driver there is nothing to simulate, and the panel
 * says where to give one */
static void
test_no_uncertainty (Fixture       *f,
                     gconstpointer  data)
{
  BkWorkbook *wb = bk_document_get_workbook (f->document);
  g_autoptr(GError) error = NULL;

  g_assert_true (gtk_widget_is_sensitive (part (f, "simulate")));
  for (guint k = 0; k < BK_N_ASSUMPTIONS; k++)
    if (bk_workbook_get_distribution (wb, k) != NULL)
      {
        bk_document_set_distribution (f->document, k, "none", &error);
        g_assert_no_error (error);
      }
  g_assert_cmpuint (bk_workbook_get_n_distributions (wb), ==, 0);
  g_assert_false (gtk_widget_is_sensitive (part (f, "simulate")));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (part (f, "status"))), "Uncertainty"));
  bk_simulation_panel_simulate (f->panel);
  g_assert_false (bk_simulation_get_running (f->simulation));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/simulation-panel/completes", test_completes);
  ADD ("/simulation-panel/cancelled", test_cancelled);
  ADD ("/simulation-panel/edit-restarts", test_edit_restarts);
  ADD ("/simulation-panel/no-uncertainty", test_no_uncertainty);
  ADD ("/simulation-panel/company-followed", test_company_followed);
  ADD ("/simulation-panel/company-removed", test_company_removed);
  ADD ("/simulation-panel/seed-field", test_seed_field);

#undef ADD

  return g_test_run ();
}
