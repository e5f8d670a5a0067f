/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window-analysis.c — the Analysis page (issue 10): the scenarios
 * compared, a metric by scenario, the tornado and the breakeven map, live
 * as the person edits
 *
 * Real windows under Xvfb with the bundled sample; keys are real X events
 * sent with xdotool. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "bk-analysis-page.h"
#include "bk-application.h"
#include "bk-chart.h"
#include "bk-chart-view.h"
#include "bk-compare.h"
#include "bk-format.h"
#include "bk-table-page.h"
#include "bk-test-app.h"
#include "bk-test-chart.h"
#include "bk-test-ui.h"
#include "bk-window.h"

typedef BkTestAppWindow Fixture;

static const BkTestAppWindowSize large = { 1200, 800 };

static BkWorkbook *
workbook (Fixture *f)
{
  return bk_document_get_workbook (bk_window_get_document (f->window));
}

static BkAnalysisPage *
analysis (Fixture *f)
{
  return BK_ANALYSIS_PAGE (bk_window_get_page_widget (f->window, "analysis"));
}

static BkComparison *
shown (Fixture *f)
{
  return bk_compare_table_model_get_comparison (bk_analysis_page_get_compare_model (analysis (f)));
}

static void
show_analysis (Fixture *f)
{
  bk_window_set_page (f->window, "analysis");
  bk_test_wait_frames (GTK_WIDGET (f->window), 1);
  g_assert_nonnull (shown (f));
}

/* The scenario whose name starts with @prefix */
static guint
find_scenario (Fixture    *f,
               const char *prefix)
{
  for (guint s = 1; s <= bk_workbook_get_n_scenarios (workbook (f)); s++)
    if (g_str_has_prefix (bk_workbook_get_scenario_name (workbook (f), s), prefix))
      return s;
  g_assert_not_reached ();
}

static gboolean
same_double (double a,
             double b)
{
  return a == b || (isnan (a) && isnan (b));
}

/* What the page shows is what bk_comparison_new() computes now */
static void
assert_current (Fixture *f)
{
  g_autoptr(BkComparison) expected = bk_comparison_new (workbook (f));
  BkComparison *comparison = shown (f);

  g_assert_nonnull (comparison);
  g_assert_cmpuint (comparison->n_scenarios, ==, expected->n_scenarios);
  g_assert_cmpuint (comparison->n_companies, ==, expected->n_companies);
  for (guint s = 0; s < expected->n_scenarios; s++)
    for (int c = -1; c < (int) expected->n_companies; c++)
      for (guint m = 0; m < BK_N_METRICS; m++)
        {
          const BkComparisonCell *a = bk_comparison_get (comparison, s, c, m);
          const BkComparisonCell *b = bk_comparison_get (expected, s, c, m);

          g_assert_true (same_double (a->value, b->value));
          g_assert_true (same_double (a->diff, b->diff));
          g_assert_cmpint (a->has_fraction, ==, b->has_fraction);
          if (b->has_fraction)
            g_assert_cmpfloat (a->diff_fraction, ==, b->diff_fraction);
        }
}

/* The row of the table with the total NPV: the NPV rows come first, the
 * total last among them */
static guint
total_npv_row (Fixture *f)
{
  return bk_workbook_get_n_companies (workbook (f));
}

static char *
cell_text (Fixture *f,
           guint    row,
           guint    column)
{
  BkTableModel *model = BK_TABLE_MODEL (bk_analysis_page_get_compare_model (analysis (f)));
  g_autoptr(GString) text = g_string_new (NULL);

  bk_table_model_get_cell (model, row, column, text);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
column_header (Fixture *f,
               guint    column)
{
  BkTableModel *model = BK_TABLE_MODEL (bk_analysis_page_get_compare_model (analysis (f)));
  g_autoptr(GString) text = g_string_new (NULL);

  bk_table_model_get_column_header (model, column, text);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* A scenario's value column: Base first, then value, − Base, % for each */
static guint
value_column (guint scenario)
{
  return scenario == BK_SCENARIO_BASE ? 0 : 1 + 3 * (scenario - 1);
}

/* Alt+7, a real key, shows the page with its table drawn */
static void
test_alt_7 (Fixture       *f,
            gconstpointer  data)
{
  BkSheetView *sheet;

  BK_TEST_REQUIRE_XDOTOOL ();
  g_assert_cmpstr (bk_window_get_page (f->window), ==, "capex");
  bk_test_send_keys (GTK_WINDOW (f->window), "alt+7", NULL);
  g_assert_cmpstr (bk_window_get_page (f->window), ==, "analysis");
  bk_test_wait_frames (GTK_WIDGET (f->window), 1);

  sheet = bk_analysis_page_get_compare_sheet (analysis (f));
  g_assert_true (bk_window_get_sheet (f->window) == sheet);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (sheet)));
  BK_WAIT_FOR (bk_sheet_view_get_n_drawn_cells (sheet) > 0);
  g_assert_nonnull (bk_analysis_page_get_chart (analysis (f), "compare"));
  g_assert_nonnull (bk_analysis_page_get_chart (analysis (f), "tornado"));
  g_assert_nonnull (bk_analysis_page_get_chart (analysis (f), "breakeven-map"));
  /* The window's chart menus reach the page's charts */
  g_assert_true (bk_window_get_chart (f->window, "tornado")
                 == G_OBJECT (bk_analysis_page_get_chart (analysis (f), "tornado")));
}

/* The sample's four scenarios side by side: Bull pays off, Bear does not */
static void
test_compare_table (Fixture       *f,
                    gconstpointer  data)
{
  BkTableModel *model = BK_TABLE_MODEL (bk_analysis_page_get_compare_model (analysis (f)));
  BkComparison *comparison;
  guint bull = find_scenario (f, "Bull");
  guint bear = find_scenario (f, "Bear");
  guint n_companies = bk_workbook_get_n_companies (workbook (f));

  show_analysis (f);
  comparison = shown (f);
  g_assert_cmpuint (comparison->n_scenarios, ==, 4);
  g_assert_cmpuint (bk_workbook_get_n_scenarios (workbook (f)), ==, 3);
  assert_current (f);

  g_assert_cmpfloat (bk_comparison_get (comparison, bull, -1, BK_METRIC_NPV)->value, >, 0);
  g_assert_cmpfloat (bk_comparison_get (comparison, bear, -1, BK_METRIC_NPV)->value, <, 0);

  /* Every metric for every company and the total; a value, a difference
   * and a percentage for each scenario but Base */
  g_assert_cmpuint (bk_table_model_get_n_rows (model), ==, BK_N_METRICS * (n_companies + 1));
  g_assert_cmpuint (bk_table_model_get_n_columns (model), ==, 1 + 3 * 3);
  for (guint s = 0; s <= 3; s++)
    {
      g_autofree char *header = column_header (f, value_column (s));

      g_assert_cmpstr (header, ==, bk_workbook_get_scenario_name (workbook (f), s));
    }
  {
    g_autofree char *header = column_header (f, value_column (bull) + 1);
    g_autofree char *expected = g_strdup_printf ("%s − Base", bk_workbook_get_scenario_name (workbook (f), bull));

    g_assert_cmpstr (header, ==, expected);
  }

  /* The total NPV of Bull and Bear, as the app writes money */
  for (guint k = 0; k < 2; k++)
    {
      guint s = k == 0 ? bull : bear;
      g_autoptr(GString) expected = g_string_new (NULL);
      g_autofree char *text = cell_text (f, total_npv_row (f), value_column (s));

      bk_format_money (expected, bk_comparison_get (comparison, s, -1, BK_METRIC_NPV)->value);
      g_assert_cmpstr (text, ==, expected->str);
      g_assert_true (bk_table_model_get_cell (model, total_npv_row (f), value_column (s), NULL)
                     & BK_TABLE_CELL_TOTAL);
    }
}

/* Typing into CapEx while the page is away changes nothing there; coming
 * back shows the new numbers at once.  Edits while it is on screen show
 * in the next frame, two edits in one recalculation. */
static void
test_edit_updates (Fixture       *f,
                   gconstpointer  data)
{
  BkAnalysisPage *page = analysis (f);
  BkTablePage *capex = BK_TABLE_PAGE (bk_window_get_page_widget (f->window, "capex"));
  BkTableModel *model = bk_table_page_get_model (capex);
  const char *texts[] = { "950" };
  g_autoptr(GError) error = NULL;
  g_autofree char *total_before = NULL;
  g_autofree char *total_after = NULL;
  double npv_before, tornado_before;
  guint n_updates;

  BK_TEST_REQUIRE_XDOTOOL ();
  show_analysis (f);
  npv_before = bk_comparison_get (shown (f), BK_SCENARIO_BASE, -1, BK_METRIC_NPV)->value;
  tornado_before = bk_chart_get_base_value (bk_analysis_page_get_chart (page, "tornado"));
  g_assert_cmpfloat (tornado_before, ==, npv_before);
  total_before = cell_text (f, total_npv_row (f), 0);

  /* Through the CapEx sheet with real keys, the page away */
  bk_test_send_keys (GTK_WINDOW (f->window), "alt+1", NULL);
  g_assert_cmpstr (bk_window_get_page (f->window), ==, "capex");
  bk_test_wait_frames (GTK_WIDGET (f->window), 1);
  n_updates = bk_analysis_page_get_n_updates (page);
  bk_sheet_view_set_cursor (bk_table_page_get_sheet (capex), 0, 0);
  bk_test_type_text (GTK_WINDOW (f->window), "900");
  bk_test_send_keys (GTK_WINDOW (f->window), "Return", NULL);
  bk_test_wait_frames (GTK_WIDGET (f->window), 2);
  g_assert_cmpuint (bk_analysis_page_get_n_updates (page), ==, n_updates);

  bk_test_send_keys (GTK_WINDOW (f->window), "alt+7", NULL);
  bk_test_wait_frames (GTK_WIDGET (f->window), 1);
  g_assert_cmpuint (bk_analysis_page_get_n_updates (page), ==, n_updates + 1);
  assert_current (f);
  g_assert_cmpfloat (bk_comparison_get (shown (f), BK_SCENARIO_BASE, -1, BK_METRIC_NPV)->value, !=, npv_before);
  total_after = cell_text (f, total_npv_row (f), 0);
  g_assert_cmpstr (total_after, !=, total_before);
  g_assert_cmpfloat (bk_chart_get_base_value (bk_analysis_page_get_chart (page, "tornado")), !=, tornado_before);
  g_assert_cmpfloat (bk_chart_get_base_value (bk_analysis_page_get_chart (page, "tornado")), ==,
                     bk_comparison_get (shown (f), BK_SCENARIO_BASE, -1, BK_METRIC_NPV)->value);

  /* On screen: two edits through the sheet's model, one recalculation in
   * the next frame */
  npv_before = bk_comparison_get (shown (f), BK_SCENARIO_BASE, -1, BK_METRIC_NPV)->value;
  n_updates = bk_analysis_page_get_n_updates (page);
  g_assert_true (bk_table_model_set_range (model, 0, 1, 1, 1, texts, &error));
  g_assert_no_error (error);
  g_assert_true (bk_table_model_set_range (model, 1, 1, 1, 1, texts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bk_analysis_page_get_n_updates (page), ==, n_updates);
  bk_test_wait_frames (GTK_WIDGET (f->window), 1);
  g_assert_cmpuint (bk_analysis_page_get_n_updates (page), ==, n_updates + 1);
  assert_current (f);
  g_assert_cmpfloat (bk_comparison_get (shown (f), BK_SCENARIO_BASE, -1, BK_METRIC_NPV)->value, !=, npv_before);
  g_assert_cmpfloat (bk_chart_get_base_value (bk_analysis_page_get_chart (page, "tornado")), ==,
                     bk_comparison_get (shown (f), BK_SCENARIO_BASE, -1, BK_METRIC_NPV)->value);

  /* Undo follows too */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  bk_test_wait_frames (GTK_WIDGET (f->window), 1);
  assert_current (f);
}

/* The metric dropdown chooses what the bars show */
static void
test_metric_dropdown (Fixture       *f,
                      gconstpointer  data)
{
  BkAnalysisPage *page = analysis (f);
  GtkDropDown *dropdown = bk_analysis_page_get_dropdown (page, "compare-metric");
  g_autofree char *irr_title = g_strdup_printf ("%s by scenario", bk_metric_get_title (BK_METRIC_IRR));
  BkChart *chart;

  show_analysis (f);
  chart = bk_analysis_page_get_chart (page, "compare");
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, BK_METRIC_NPV);
  g_assert_cmpint (bk_chart_get_unit (chart), ==, BK_CHART_UNIT_USD_BILLIONS);
  g_assert_cmpuint (bk_chart_get_n_series (chart), ==, 4);

  gtk_drop_down_set_selected (dropdown, BK_METRIC_IRR);
  bk_test_wait_frames (GTK_WIDGET (f->window), 1);
  g_assert_cmpint (bk_analysis_page_get_compare_metric (page), ==, BK_METRIC_IRR);
  chart = bk_analysis_page_get_chart (page, "compare");
  g_assert_cmpstr (bk_chart_get_title (chart), ==, irr_title);
  g_assert_cmpint (bk_chart_get_unit (chart), ==, BK_CHART_UNIT_PERCENT);
  g_assert_cmpuint (bk_chart_get_n_series (chart), ==, 4);
  g_assert_cmpstr (bk_chart_get_series_name (chart, 0), ==, bk_workbook_get_scenario_name (workbook (f), 0));
  /* The tornado keeps its own metric */
  g_assert_cmpint (bk_chart_get_unit (bk_analysis_page_get_chart (page, "tornado")), ==,
                   BK_CHART_UNIT_USD_BILLIONS);
}

/* The tornado's company, and the map's drivers: price × utilization by
 * default, one driver never on both axes */
static void
test_tornado_and_map (Fixture       *f,
                      gconstpointer  data)
{
  BkAnalysisPage *page = analysis (f);
  GtkDropDown *company = bk_analysis_page_get_dropdown (page, "tornado-company");
  GtkDropDown *x = bk_analysis_page_get_dropdown (page, "map-x");
  GtkDropDown *y = bk_analysis_page_get_dropdown (page, "map-y");
  const char *name = bk_workbook_get_company_name (workbook (f), 1);
  BkChart *map;

  show_analysis (f);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (company)), ==,
                    bk_workbook_get_n_companies (workbook (f)) + 1);
  gtk_drop_down_set_selected (company, 2);
  bk_test_wait_frames (GTK_WIDGET (f->window), 1);
  g_assert_true (g_str_has_prefix (bk_chart_get_subtitle (bk_analysis_page_get_chart (page, "tornado")), name));
  g_assert_cmpfloat (bk_chart_get_base_value (bk_analysis_page_get_chart (page, "tornado")), ==,
                     bk_comparison_get (shown (f), BK_SCENARIO_BASE, 1, BK_METRIC_NPV)->value);

  map = bk_analysis_page_get_chart (page, "breakeven-map");
  g_assert_cmpint (bk_chart_get_kind (map), ==, BK_CHART_KIND_BREAKEVEN_MAP);
  g_assert_cmpstr (bk_chart_get_axis_title (map, BK_CHART_AXIS_X), ==,
                   bk_assumption_get_name (BK_ASSUMPTION_PRICE_PER_MTOK));
  g_assert_cmpstr (bk_chart_get_axis_title (map, BK_CHART_AXIS_Y), ==,
                   bk_assumption_get_name (BK_ASSUMPTION_UTILIZATION));

  /* Utilization across as well: the axes swap */
  gtk_drop_down_set_selected (x, gtk_drop_down_get_selected (y));
  bk_test_wait_frames (GTK_WIDGET (f->window), 1);
  map = bk_analysis_page_get_chart (page, "breakeven-map");
  g_assert_cmpstr (bk_chart_get_axis_title (map, BK_CHART_AXIS_X), ==,
                   bk_assumption_get_name (BK_ASSUMPTION_UTILIZATION));
  g_assert_cmpstr (bk_chart_get_axis_title (map, BK_CHART_AXIS_Y), ==,
                   bk_assumption_get_name (BK_ASSUMPTION_PRICE_PER_MTOK));
}

/* The tornado and the map are the current scenario's: choosing another
 * in the header shows it in the next frame */
static void
test_scenario_follows (Fixture       *f,
                       gconstpointer  data)
{
  BkAnalysisPage *page = analysis (f);
  guint bull = find_scenario (f, "Bull");
  const char *name = bk_workbook_get_scenario_name (workbook (f), bull);
  BkChart *tornado;

  show_analysis (f);
  bk_window_set_scenario (f->window, bull);
  bk_test_wait_frames (GTK_WIDGET (f->window), 1);
  tornado = bk_analysis_page_get_chart (page, "tornado");
  g_assert_nonnull (strstr (bk_chart_get_subtitle (tornado), name));
  g_assert_cmpfloat (bk_chart_get_base_value (tornado), ==,
                     bk_comparison_get (shown (f), bull, -1, BK_METRIC_NPV)->value);
  /* The table still has every scenario, Base first */
  g_assert_cmpuint (shown (f)->n_scenarios, ==, 4);
}

/* A new workbook has only Base: one column; a scenario added while the
 * page is on screen brings its three */
static void
test_new_workbook (Fixture       *f,
                   gconstpointer  data)
{
  BkAnalysisPage *page = analysis (f);
  BkTableModel *model = BK_TABLE_MODEL (bk_analysis_page_get_compare_model (page));
  g_autoptr(GError) error = NULL;

  g_assert_true (bk_window_new_workbook (f->window, &error));
  g_assert_no_error (error);
  show_analysis (f);
  assert_current (f);
  g_assert_cmpuint (shown (f)->n_scenarios, ==, 1);
  g_assert_cmpuint (bk_table_model_get_n_columns (model), ==, 1);
  g_assert_cmpuint (bk_table_model_get_n_rows (model), ==,
                    BK_N_METRICS * (bk_workbook_get_n_companies (workbook (f)) + 1));
  g_assert_nonnull (bk_analysis_page_get_chart (page, "compare"));
  g_assert_nonnull (bk_analysis_page_get_chart (page, "tornado"));

  g_assert_true (bk_window_add_scenario (f->window, "Upside", &error));
  g_assert_no_error (error);
  bk_test_wait_frames (GTK_WIDGET (f->window), 1);
  assert_current (f);
  g_assert_cmpuint (bk_table_model_get_n_columns (model), ==, 4);
  {
    g_autofree char *header = column_header (f, 1);

    g_assert_cmpstr (header, ==, "Upside");
  }
}

/* The company's index by name */
static int
find_company (Fixture    *f,
              const char *name)
{
  for (guint c = 0; c < bk_workbook_get_n_companies (workbook (f)); c++)
    if (g_strcmp0 (bk_workbook_get_company_name (workbook (f), c), name) == 0)
      return (int) c;
  g_assert_not_reached ();
}

/* The page's @key chart draws @needle, whole, where its plot would be,
 * and its view says the same to screen readers */
static void
assert_shows_reason (Fixture    *f,
                     const char *key,
                     const char *needle)
{
  BkAnalysisPage *page = analysis (f);
  GtkWidget *view = bk_analysis_page_get_chart_view (page, key);
  BkChart *chart = bk_analysis_page_get_chart (page, key);
  g_autofree char *summary = NULL;
  g_autofree char *wrong = NULL;
  BkChartHits *hits;

  g_assert_nonnull (chart);
  g_assert_true (bk_chart_view_get_chart (BK_CHART_VIEW (view)) == chart);
  g_assert_nonnull (bk_chart_get_empty_text (chart));
  if (strstr (bk_chart_get_empty_text (chart), needle) == NULL)
    g_error ("“%s” is not in the reason: %s", needle, bk_chart_get_empty_text (chart));

  summary = bk_chart_dup_summary (chart);
  g_assert_nonnull (strstr (summary, bk_chart_get_empty_text (chart)));
  wrong = gtk_test_accessible_check_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                              summary);
  g_assert_null (wrong);

  /* Drawn on screen: the plot's room holds one uncut text, the reason */
  BK_WAIT_FOR ((hits = bk_chart_view_get_hits (BK_CHART_VIEW (view))) != NULL);
  bk_test_chart_assert_plot_text (hits);
}

/* A tornado with nothing to draw says why, in the person's words: Meta
 * never pays back in Base (chosen with the dropdowns), and once its
 * capex is cleared no driver moves its NPV; a choice that draws again
 * drops the reason */
static void
test_tornado_reason (Fixture       *f,
                     gconstpointer  data)
{
  BkAnalysisPage *page = analysis (f);
  BkTablePage *capex = BK_TABLE_PAGE (bk_window_get_page_widget (f->window, "capex"));
  BkTableModel *model = bk_table_page_get_model (capex);
  GtkDropDown *metric = bk_analysis_page_get_dropdown (page, "tornado-metric");
  GtkDropDown *company = bk_analysis_page_get_dropdown (page, "tornado-company");
  int meta = find_company (f, "Meta");
  guint n_periods = bk_table_model_get_n_columns (model);
  g_autoptr(GPtrArray) blanks = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  show_analysis (f);
  g_assert_null (bk_chart_get_empty_text (bk_analysis_page_get_chart (page, "tornado")));

  gtk_drop_down_set_selected (metric, BK_METRIC_PAYBACK);
  gtk_drop_down_set_selected (company, (guint) meta + 1);
  bk_test_wait_frames (GTK_WIDGET (f->window), 2);
  assert_shows_reason (f, "tornado", "Meta never pays back in “Base”");

  /* NPV again: bars, no reason */
  gtk_drop_down_set_selected (metric, BK_METRIC_NPV);
  bk_test_wait_frames (GTK_WIDGET (f->window), 1);
  g_assert_null (bk_chart_get_empty_text (bk_analysis_page_get_chart (page, "tornado")));

  /* Meta's capex cleared, every period, in one edit */
  for (guint p = 0; p < n_periods; p++)
    g_ptr_array_add (blanks, (gpointer) "");
  g_assert_true (bk_table_model_set_range (model, (guint) meta, 0, 1, n_periods,
                                           (const char * const *) blanks->pdata, &error));
  g_assert_no_error (error);
  bk_test_wait_frames (GTK_WIDGET (f->window), 2);
  g_assert_cmpfloat (bk_comparison_get (shown (f), BK_SCENARIO_BASE, meta, BK_METRIC_NPV)->value, ==, 0);
  assert_shows_reason (f, "tornado", "No driver moves the NPV of Meta in “Base”");

  /* Undone: bars again */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  bk_test_wait_frames (GTK_WIDGET (f->window), 1);
  g_assert_null (bk_chart_get_empty_text (bk_analysis_page_get_chart (page, "tornado")));
}

int
main (int   argc,
      char *argv[])
{
  BkApplication *app = bk_test_app_init (&argc, &argv, "test-window-analysis");

#define ADD(path, func) \
  g_test_add ("/analysis/" path, Fixture, &large, bk_test_app_window_setup, func, \
              bk_test_app_window_teardown)
  ADD ("alt-7", test_alt_7);
  ADD ("compare-table", test_compare_table);
  ADD ("edit-updates", test_edit_updates);
  ADD ("metric-dropdown", test_metric_dropdown);
  ADD ("tornado-and-map", test_tornado_and_map);
  ADD ("scenario-follows", test_scenario_follows);
  ADD ("new-workbook", test_new_workbook);
  ADD ("tornado-reason", test_tornado_reason);
#undef ADD

  return bk_test_app_run (app);
}
