/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-chart-builder-analysis.c — the analysis charts of the sample
 * workbook: compare, tornado, breakeven map, histogram and fan hold what
 * their analyses computed, with people's names, and draw a plot, or the
 * reason they have none */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "bk-chart-builder-analysis.h"
#include "bk-chart-export.h"
#include "bk-chart-private.h"
#include "bk-json.h"
#include "bk-test-chart.h"

#define SAMPLE_RESOURCE RESOURCE_BASE "/data/sample.json"

GResource *bk_data_get_resource (void);

static BkWorkbook *
load_sample (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_resource_lookup_data (bk_data_get_resource (), SAMPLE_RESOURCE,
                                                    G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  BkWorkbook *workbook;
  gsize length;
  const char *data;

  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &length);
  workbook = bk_json_read_workbook (data, (gssize) length, &error);
  g_assert_no_error (error);
  g_assert_nonnull (workbook);

  return workbook;
}

/* The chart draws a plot and something other than the background in it */
static void
assert_renders_plot (BkChart *chart)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1000, 600);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(BkChartHits) hits = NULL;
  cairo_rectangle_t area;
  guint32 first, *pixels;
  gboolean varied = FALSE;
  int stride;

  hits = bk_chart_render (chart, cr, 1000, 600);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  g_assert_true (bk_chart_hits_get_plot_area (hits, &area));
  g_assert_cmpfloat (area.width, >, 100);
  g_assert_cmpfloat (area.height, >, 100);

  cairo_surface_flush (surface);
  pixels = (guint32 *) cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface) / 4;
  first = pixels[(int) (area.y + area.height / 2) * stride + (int) area.x + 1];
  for (int y = (int) area.y + 2; y < (int) (area.y + area.height) - 2 && !varied; y += 3)
    for (int x = (int) area.x + 2; x < (int) (area.x + area.width) - 2 && !varied; x += 3)
      varied = pixels[y * stride + x] != first;
  g_assert_true (varied);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static guint
scenario_index (BkWorkbook *workbook,
                const char *name)
{
  /* The sample's names go on: "Bear — short GPU life, price war" */
  for (guint s = 1; s <= bk_workbook_get_n_scenarios (workbook); s++)
    if (g_str_has_prefix (bk_workbook_get_scenario_name (workbook, s), name))
      return s;
  g_assert_not_reached ();
}

static void
test_units (void)
{
  g_assert_cmpint (bk_chart_unit_for_metric (BK_METRIC_NPV), ==, BK_CHART_UNIT_USD_BILLIONS);
  g_assert_cmpint (bk_chart_unit_for_metric (BK_METRIC_IRR), ==, BK_CHART_UNIT_PERCENT);
  g_assert_cmpint (bk_chart_unit_for_metric (BK_METRIC_PAYBACK), ==, BK_CHART_UNIT_YEARS);
  g_assert_cmpint (bk_chart_unit_for_driver (BK_ASSUMPTION_UTILIZATION), ==, BK_CHART_UNIT_PERCENT);
  g_assert_cmpint (bk_chart_unit_for_driver (BK_ASSUMPTION_IT_LIFE_YEARS), ==, BK_CHART_UNIT_YEARS);
  g_assert_cmpint (bk_chart_unit_for_driver (BK_ASSUMPTION_PRICE_PER_MTOK), ==, BK_CHART_UNIT_NUMBER);
}

static void
test_compare (void)
{
  g_autoptr(BkWorkbook) workbook = load_sample ();
  g_autoptr(BkComparison) comparison = bk_comparison_new (workbook);
  g_autoptr(BkChart) chart = bk_chart_build_compare (workbook, comparison, BK_METRIC_NPV);
  guint n_companies = bk_workbook_get_n_companies (workbook);

  g_assert_cmpint (chart->kind, ==, BK_CHART_KIND_BAR);
  g_assert_cmpint (chart->unit, ==, BK_CHART_UNIT_USD_BILLIONS);
  g_assert_cmpstr (chart->title, ==, "NPV by scenario");
  g_assert_cmpuint (chart->categories->len, ==, n_companies + 1);
  g_assert_cmpstr (g_ptr_array_index (chart->categories, 0), ==,
                   bk_workbook_get_company_name (workbook, 0));
  g_assert_cmpstr (g_ptr_array_index (chart->categories, n_companies), ==, "Total");
  g_assert_cmpuint (chart->series->len, ==, bk_workbook_get_n_scenarios (workbook) + 1);
  g_assert_cmpuint (chart->series->len, >=, 2);

  for (guint s = 0; s < chart->series->len; s++)
    {
      BkChartSeries *series = g_ptr_array_index (chart->series, s);

      g_assert_cmpstr (series->name, ==, bk_workbook_get_scenario_name (workbook, s));
      g_assert_cmpuint (series->n_values, ==, n_companies + 1);
      for (guint r = 0; r <= n_companies; r++)
        {
          int company = r < n_companies ? (int) r : -1;
          double expected = bk_comparison_get (comparison, s, company, BK_METRIC_NPV)->value;

          g_assert_cmpfloat (series->values[r], ==, expected);
        }
    }
  /* The scenarios differ, or the chart would not be worth drawing */
  g_assert_cmpfloat (((BkChartSeries *) g_ptr_array_index (chart->series, 0))->values[n_companies], !=,
                     ((BkChartSeries *) g_ptr_array_index (chart->series, 1))->values[n_companies]);
  assert_renders_plot (chart);

  {
    g_autoptr(BkChart) roi = bk_chart_build_compare (workbook, comparison, BK_METRIC_ROI);

    g_assert_cmpint (roi->unit, ==, BK_CHART_UNIT_PERCENT);
    g_assert_cmpstr (roi->title, ==, "ROI by scenario");
  }
}

static void
test_tornado (void)
{
  g_autoptr(BkWorkbook) workbook = load_sample ();
  guint scenario = scenario_index (workbook, "Bear");
  g_autoptr(BkEngineInputs) inputs = bk_engine_inputs_new (workbook, scenario);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) bars = NULL;
  g_autoptr(BkChart) chart = NULL;
  double base = NAN;

  bars = bk_sensitivity_run (inputs, BK_METRIC_NPV, -1, 0.2, &base, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bars->len, >, 3);

  chart = bk_chart_build_tornado (workbook, scenario, BK_METRIC_NPV, -1, bars, base);
  g_assert_cmpint (chart->kind, ==, BK_CHART_KIND_TORNADO);
  g_assert_cmpfloat (chart->analysis.base_value, ==, base);
  g_assert_cmpuint (chart->analysis.swings->len, ==, bars->len);
  g_assert_nonnull (strstr (chart->subtitle, "Bear"));
  g_assert_nonnull (strstr (chart->subtitle, "Total"));

  for (guint i = 0; i < bars->len; i++)
    {
      const BkSensitivityBar *bar = &g_array_index (bars, BkSensitivityBar, i);
      const BkChartSwing *swing = &g_array_index (chart->analysis.swings, BkChartSwing, i);
      g_autofree char *low = bk_assumption_format (bar->driver, bar->low_value);

      g_assert_cmpstr (swing->label, ==, bk_assumption_get_name (bar->driver));
      g_assert_cmpfloat (swing->low, ==, bar->metric_at_low);
      g_assert_cmpfloat (swing->high, ==, bar->metric_at_high);
      g_assert_cmpstr (swing->low_label, ==, low);
    }
  assert_renders_plot (chart);
}

static void
test_breakeven_map (void)
{
  g_autoptr(BkWorkbook) workbook = load_sample ();
  guint bull = scenario_index (workbook, "Bull");
  g_autoptr(BkEngineInputs) inputs = bk_engine_inputs_new (workbook, bull);
  g_autoptr(BkBreakevenMap) map = NULL;
  g_autoptr(BkChart) chart = NULL;
  g_autoptr(GError) error = NULL;
  BkBreakevenMapParams params;
  guint n_current = 0, n_points, n_contour_points = 0;

  bk_breakeven_map_params_init (&params, BK_ASSUMPTION_PRICE_PER_MTOK, BK_ASSUMPTION_UTILIZATION);
  params.steps = 11;
  map = bk_breakeven_map_new (inputs, &params, &error);
  g_assert_no_error (error);

  chart = bk_chart_build_breakeven_map (workbook, bull, map);
  g_assert_cmpint (chart->kind, ==, BK_CHART_KIND_BREAKEVEN_MAP);
  g_assert_cmpuint (chart->analysis.n_x, ==, 11);
  g_assert_cmpuint (chart->analysis.n_y, ==, 11);
  for (guint k = 0; k < 121; k++)
    if (isfinite (map->grid[k]))
      g_assert_cmpfloat (chart->analysis.grid[k], ==, map->grid[k]);
  g_assert_cmpstr (chart->analysis.axes[BK_CHART_AXIS_X].title, ==,
                   bk_assumption_get_name (BK_ASSUMPTION_PRICE_PER_MTOK));
  g_assert_cmpint (chart->analysis.axes[BK_CHART_AXIS_Y].unit, ==, BK_CHART_UNIT_PERCENT);
  g_assert_cmpstr (chart->analysis.target_label, ==, "NPV = 0");

  /* Every contour point arrives, polylines separated by breaks */
  for (guint i = 0; i < chart->analysis.contour->len / 2; i++)
    if (isfinite (g_array_index (chart->analysis.contour, double, 2 * i)))
      n_contour_points++;
  g_assert_cmpuint (n_contour_points, ==, map->n_contour);

  /* A point for every scenario, at its own driver values; Bull is current */
  n_points = chart->analysis.points->len;
  g_assert_cmpuint (n_points, ==, bk_workbook_get_n_scenarios (workbook) + 1);
  for (guint s = 0; s < n_points; s++)
    {
      const BkChartPoint *point = &g_array_index (chart->analysis.points, BkChartPoint, s);

      g_assert_cmpstr (point->label, ==, bk_workbook_get_scenario_name (workbook, s));
      g_assert_cmpfloat (point->x, ==,
                         bk_workbook_get_assumption (workbook, s, -1, BK_ASSUMPTION_PRICE_PER_MTOK));
      g_assert_cmpfloat (point->y, ==,
                         bk_workbook_get_assumption (workbook, s, -1, BK_ASSUMPTION_UTILIZATION));
      if (point->is_current)
        {
          n_current++;
          g_assert_cmpuint (s, ==, bull);
        }
    }
  g_assert_cmpuint (n_current, ==, 1);
  assert_renders_plot (chart);
}

static BkMonteCarloResult *
simulate (BkWorkbook *workbook,
          guint       scenario)
{
  g_autoptr(BkEngineInputs) inputs = bk_engine_inputs_new (workbook, scenario);
  g_autoptr(GHashTable) distributions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                               (GDestroyNotify) bk_distribution_free);
  g_autoptr(GError) error = NULL;
  BkMonteCarloParams params;
  BkMonteCarloResult *result;

  BkDistribution *distribution = NULL;

  g_assert_true (bk_distribution_parse ("U(0.5, 3)", BK_ASSUMPTION_PRICE_PER_MTOK, NULL,
                                        &distribution, &error));
  g_assert_no_error (error);
  g_hash_table_insert (distributions, g_strdup ("price_per_mtok"), distribution);
  bk_monte_carlo_params_init (&params);
  params.trials = 400;
  params.seed = 7;
  params.threads = 1;
  result = bk_monte_carlo_run (inputs, distributions, &params, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);

  return result;
}

static void
test_histogram (void)
{
  g_autoptr(BkWorkbook) workbook = load_sample ();
  g_autoptr(BkMonteCarloResult) result = simulate (workbook, 0);
  g_autoptr(BkChart) chart = bk_chart_build_histogram (workbook, 0, result);
  const BkChartAnalysis *a = &chart->analysis;
  double total = 0;

  g_assert_cmpint (chart->kind, ==, BK_CHART_KIND_HISTOGRAM);
  g_assert_cmpuint (a->n_bins, ==, result->n_bins);
  g_assert_cmpuint (a->n_bins, >, 1);
  for (guint i = 0; i < a->n_bins; i++)
    {
      g_assert_cmpfloat (a->edges[i], ==, result->histogram[i].from);
      g_assert_cmpfloat (a->edges[i + 1], ==, result->histogram[i].to);
      g_assert_cmpfloat (a->counts[i], ==, result->histogram[i].count);
      total += a->counts[i];
    }
  g_assert_cmpfloat (total, ==, 400);

  g_assert_cmpuint (a->value_markers->len, ==, 4);
  g_assert_cmpfloat (g_array_index (a->value_markers, BkChartValueMarker, 0).value, ==, 0);
  g_assert_cmpstr (g_array_index (a->value_markers, BkChartValueMarker, 0).label, ==, "NPV = 0");
  g_assert_cmpfloat (g_array_index (a->value_markers, BkChartValueMarker, 1).value, ==, result->mean);
  g_assert_cmpfloat (g_array_index (a->value_markers, BkChartValueMarker, 2).value, ==,
                     result->npv[BK_PERCENTILE_5]);
  g_assert_cmpfloat (g_array_index (a->value_markers, BkChartValueMarker, 3).value, ==,
                     result->npv[BK_PERCENTILE_95]);
  g_assert_nonnull (strstr (chart->subtitle, "400"));
  assert_renders_plot (chart);
}

static void
test_fan (void)
{
  g_autoptr(BkWorkbook) workbook = load_sample ();
  g_autoptr(BkMonteCarloResult) result = simulate (workbook, 0);
  g_autoptr(BkChart) chart = bk_chart_build_fan (workbook, 0, result);
  const BkChartAnalysis *a = &chart->analysis;
  g_autofree char *first = bk_workbook_dup_period_label (workbook, 0);

  g_assert_cmpint (chart->kind, ==, BK_CHART_KIND_FAN);
  g_assert_cmpuint (a->n_fan, ==, result->n_periods);
  g_assert_cmpuint (chart->categories->len, ==, result->n_periods);
  g_assert_cmpstr (g_ptr_array_index (chart->categories, 0), ==, first);
  for (guint p = 0; p < BK_CHART_N_PERCENTILES; p++)
    for (guint i = 0; i < a->n_fan; i++)
      g_assert_cmpfloat (bk_chart_get_fan_value (chart, p, i), ==, result->cum_fcf[p][i]);
  /* The bands are ordered, and widen away from the start */
  g_assert_cmpfloat (a->fan[BK_CHART_P5][a->n_fan - 1], <, a->fan[BK_CHART_P95][a->n_fan - 1]);
  assert_renders_plot (chart);
}

/* @text, its words apart as it may wrap, in a PDF export of @chart: the
 * reason reaches a report as words a reader can find and copy */
static void
assert_pdf_says (BkChart    *chart,
                 const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = bk_chart_export_bytes (chart, BK_CHART_FORMAT_PDF, 640, 400, 1, &error);
  g_autofree char *dir = g_dir_make_tmp ("breakeven-reason-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) want = g_strsplit_set (text, " \n", -1);
  g_auto(GStrv) got = NULL;
  g_autoptr(GString) words = g_string_new (NULL);
  g_autoptr(GString) expected = g_string_new (NULL);
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", NULL, "-", NULL };
  int status = -1;

  g_assert_no_error (error);
  g_assert_nonnull (pdf);
  path = g_build_filename (dir, "reason.pdf", NULL);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (pdf, NULL), (gssize) g_bytes_get_size (pdf), &error));
  g_assert_no_error (error);
  argv[3] = path;
  /* poppler-utils is a test dependency: missing is a failure */
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  got = g_strsplit_set (out, " \n\f", -1);
  for (guint i = 0; got[i] != NULL; i++)
    if (*got[i] != '\0')
      g_string_append_printf (words, "%s ", got[i]);
  for (guint i = 0; want[i] != NULL; i++)
    if (*want[i] != '\0')
      g_string_append_printf (expected, "%s ", want[i]);
  if (strstr (words->str, expected->str) == NULL)
    g_error ("the PDF does not say “%s”: %s", text, words->str);

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* The chart draws @reason (and nothing else) where its plot would be,
 * whole, and its summary says it */
static void
assert_renders_reason (BkChart    *chart,
                       const char *reason)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1000, 600);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(BkChartHits) hits = NULL;
  g_autofree char *summary = bk_chart_dup_summary (chart);
  cairo_rectangle_t plot, area;

  g_assert_cmpstr (bk_chart_get_empty_text (chart), ==, reason);
  g_assert_nonnull (strstr (summary, reason));

  hits = bk_chart_render (chart, cr, 1000, 600);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  g_assert_false (bk_chart_hits_get_plot_area (hits, &area));
  g_assert_true (bk_chart_hits_get_part (hits, BK_CHART_PART_PLOT, &plot));
  g_assert_false (bk_chart_hits_get_part (hits, BK_CHART_PART_LEGEND, &area));
  bk_test_chart_assert_plot_text (hits);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  assert_pdf_says (chart, reason);
}

/* A tornado or map with nothing to draw says why, in people's words; a
 * failed analysis's chart draws its error */
static void
test_reasons (void)
{
  g_autoptr(BkWorkbook) workbook = load_sample ();
  g_autoptr(BkEngineInputs) inputs = bk_engine_inputs_new (workbook, BK_SCENARIO_BASE);
  g_autoptr(GError) error = NULL;
  BkBreakevenMapParams params;
  int meta = -1;

  for (guint c = 0; c < bk_workbook_get_n_companies (workbook); c++)
    if (g_strcmp0 (bk_workbook_get_company_name (workbook, c), "Meta") == 0)
      meta = (int) c;
  g_assert_cmpint (meta, >=, 0);

  /* Drawn as usual when there is something to draw */
  {
    g_autoptr(GArray) bars = NULL;
    g_autoptr(BkChart) chart = NULL;
    double base = NAN;

    bars = bk_sensitivity_run (inputs, BK_METRIC_NPV, meta, 0.2, &base, &error);
    g_assert_no_error (error);
    chart = bk_chart_build_tornado (workbook, BK_SCENARIO_BASE, BK_METRIC_NPV, meta, bars, base);
    g_assert_null (bk_chart_get_empty_text (chart));
  }

  /* Meta never pays back in Base, whatever moves: no bar, and why */
  {
    g_autoptr(GArray) bars = NULL;
    g_autoptr(BkChart) chart = NULL;
    double base = 0;

    bars = bk_sensitivity_run (inputs, BK_METRIC_PAYBACK, meta, 0.2, &base, &error);
    g_assert_no_error (error);
    g_assert_true (isnan (base));
    chart = bk_chart_build_tornado (workbook, BK_SCENARIO_BASE, BK_METRIC_PAYBACK, meta, bars, base);
    g_assert_cmpstr (bk_chart_get_empty_text (chart), ==, "Meta never pays back in “Base”, whichever driver moves");
    assert_renders_reason (chart, bk_chart_get_empty_text (chart));
  }

  /* …nor anywhere on the map of price and utilization */
  {
    g_autoptr(BkBreakevenMap) map = NULL;
    g_autoptr(BkChart) chart = NULL;

    bk_breakeven_map_params_init (&params, BK_ASSUMPTION_PRICE_PER_MTOK, BK_ASSUMPTION_UTILIZATION);
    params.steps = 5;
    params.metric = BK_METRIC_PAYBACK;
    params.company = meta;
    map = bk_breakeven_map_new (inputs, &params, &error);
    g_assert_no_error (error);
    chart = bk_chart_build_breakeven_map (workbook, BK_SCENARIO_BASE, map);
    g_assert_cmpstr (bk_chart_get_empty_text (chart), ==,
                     "The Payback of Meta has no value anywhere on this map in “Base”");
    assert_renders_reason (chart, bk_chart_get_empty_text (chart));

    /* The NPV of the total varies over it: no reason */
    params.metric = BK_METRIC_NPV;
    params.company = -1;
    g_clear_pointer (&map, bk_breakeven_map_free);
    g_clear_object (&chart);
    map = bk_breakeven_map_new (inputs, &params, &error);
    g_assert_no_error (error);
    chart = bk_chart_build_breakeven_map (workbook, BK_SCENARIO_BASE, map);
    g_assert_null (bk_chart_get_empty_text (chart));
  }

  /* A failed map: its title, its drivers' names, and the error */
  {
    g_autoptr(BkBreakevenMap) map = NULL;
    g_autoptr(BkChart) chart = NULL;

    bk_breakeven_map_params_init (&params, BK_ASSUMPTION_PRICE_PER_MTOK, BK_ASSUMPTION_UTILIZATION);
    params.x_min = params.x_max = 3;
    map = bk_breakeven_map_new (inputs, &params, &error);
    g_assert_null (map);
    g_assert_error (error, BK_ERROR, BK_ERROR_OUT_OF_RANGE);
    chart = bk_chart_build_breakeven_map_failed (workbook, BK_SCENARIO_BASE, &params, error->message);
    g_assert_cmpstr (bk_chart_get_title (chart), ==, "Where NPV breaks even");
    g_assert_cmpstr (bk_chart_get_axis_title (chart, BK_CHART_AXIS_X), ==,
                     bk_assumption_get_name (BK_ASSUMPTION_PRICE_PER_MTOK));
    g_assert_true (g_str_has_prefix (error->message, bk_assumption_get_name (BK_ASSUMPTION_PRICE_PER_MTOK)));
    assert_renders_reason (chart, error->message);
    g_clear_error (&error);
  }

  /* A failed tornado */
  {
    g_autoptr(GArray) bars = NULL;
    g_autoptr(BkChart) chart = NULL;

    bars = bk_sensitivity_run (inputs, BK_METRIC_NPV, -1, 2, NULL, &error);
    g_assert_null (bars);
    g_assert_error (error, BK_ERROR, BK_ERROR_OUT_OF_RANGE);
    chart = bk_chart_build_tornado_failed (workbook, BK_SCENARIO_BASE, BK_METRIC_NPV, -1, error->message);
    g_assert_cmpstr (bk_chart_get_title (chart), ==, "What moves NPV most");
    assert_renders_reason (chart, error->message);
  }
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/builder-analysis/units", test_units);
  g_test_add_func ("/chart/builder-analysis/compare", test_compare);
  g_test_add_func ("/chart/builder-analysis/tornado", test_tornado);
  g_test_add_func ("/chart/builder-analysis/breakeven-map", test_breakeven_map);
  g_test_add_func ("/chart/builder-analysis/histogram", test_histogram);
  g_test_add_func ("/chart/builder-analysis/fan", test_fan);
  g_test_add_func ("/chart/builder-analysis/reasons", test_reasons);

  return g_test_run ();
}
