/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-chart-builder.c — the charts of the bundled sample workbook: what
 * they show, that they follow the results, and cheap refreshes */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "bk-chart-builder.h"
#include "bk-chart-private.h"
#include "bk-document.h"
#include "bk-engine.h"
#include "bk-json.h"

#define SAMPLE_RESOURCE RESOURCE_BASE "/data/sample.json"

/* Generated into the model library (data/meson.build) */
GResource *bk_data_get_resource (void);

static char *tmp_dir;

/* Helpers */

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

static BkChart *
build_ok (BkChartSpec  spec,
          BkWorkbook  *workbook,
          BkResults   *results,
          int          company,
          int          period)
{
  g_autoptr(GError) error = NULL;
  BkChart *chart = bk_chart_build (spec, workbook, results, company, period, &error);

  g_assert_no_error (error);
  g_assert_nonnull (chart);

  return chart;
}

static guint
scenario_index (BkWorkbook *workbook,
                const char *name)
{
  int index = bk_workbook_find_scenario (workbook, name);

  g_assert_cmpint (index, >=, 0);
  return (guint) index;
}

static BkChartSeries *
series (BkChart *chart,
        guint    i)
{
  g_assert_cmpuint (i, <, chart->series->len);
  return g_ptr_array_index (chart->series, i);
}

static int
find_series (BkChart    *chart,
             const char *name)
{
  for (guint i = 0; i < chart->series->len; i++)
    if (g_strcmp0 (series (chart, i)->name, name) == 0)
      return (int) i;
  return -1;
}

static const char *
category (BkChart *chart,
          guint    i)
{
  g_assert_cmpuint (i, <, chart->categories->len);
  return g_ptr_array_index (chart->categories, i);
}

static BkChartStep *
step (BkChart *chart,
      guint    i)
{
  g_assert_cmpuint (i, <, chart->steps->len);
  return &g_array_index (chart->steps, BkChartStep, i);
}

/* The chart draws a plot (not "No data to show") at 1200 × 700 */
static gboolean
renders_plot (BkChart *chart)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1200, 700);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(BkChartHits) hits = NULL;
  cairo_rectangle_t area;
  gboolean plot;

  hits = bk_chart_render (chart, cr, 1200, 700);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  plot = bk_chart_hits_get_plot_area (hits, &area);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  return plot;
}

static void
count_changed (BkChart *chart,
               guint   *counter)
{
  (*counter)++;
}

static guint32
hex_of (const BkChartColor *c)
{
  return ((guint32) lround (c->red * 255) << 16) |
         ((guint32) lround (c->green * 255) << 8) |
         (guint32) lround (c->blue * 255);
}

static guint32
color_of (BkChart *chart,
          guint    i)
{
  BkChartColor c;

  bk_chart_get_series_color (chart, i, &c);
  return hex_of (&c);
}

/* Tests */

static void
test_spec_names (void)
{
  static const char * const names[] = {
    "capex", "backlog", "tokens", "share", "cumulative-fcf", "revenue", "roi", "npv", "waterfall",
  };
  BkChartSpec spec;

  G_STATIC_ASSERT (G_N_ELEMENTS (names) == BK_N_CHART_SPECS);

  for (guint i = 0; i < BK_N_CHART_SPECS; i++)
    {
      g_assert_cmpstr (bk_chart_spec_to_string (i), ==, names[i]);
      g_assert_true (bk_chart_spec_from_string (names[i], &spec));
      g_assert_cmpint (spec, ==, i);
      g_assert_nonnull (bk_chart_spec_get_title (i));
    }

  g_assert_true (bk_chart_spec_from_string ("CapEx", &spec));
  g_assert_cmpint (spec, ==, BK_CHART_SPEC_CAPEX);

  spec = BK_CHART_SPEC_NPV;
  g_assert_false (bk_chart_spec_from_string ("pie", &spec));
  g_assert_false (bk_chart_spec_from_string ("", &spec));
  g_assert_false (bk_chart_spec_from_string ("cumulative", &spec));
  g_assert_false (bk_chart_spec_from_string (NULL, &spec));
  g_assert_cmpint (spec, ==, BK_CHART_SPEC_NPV);

  /* The enum type carries the same names, for settings and drop-downs */
  {
    GEnumClass *klass = g_type_class_ref (BK_TYPE_CHART_SPEC);

    for (guint i = 0; i < BK_N_CHART_SPECS; i++)
      g_assert_cmpstr (g_enum_get_value (klass, (int) i)->value_nick, ==, names[i]);
    g_type_class_unref (klass);
  }
}

/* Every kind from the sample: the right shape, texts and a drawn plot */
static void
test_kinds (void)
{
  g_autoptr(BkWorkbook) workbook = load_sample ();
  g_autoptr(BkResults) results = bk_engine_compute (workbook, BK_SCENARIO_BASE);
  guint n = bk_workbook_get_n_periods (workbook);
  guint m = bk_results_get_n_periods (results);
  g_autofree char *source = g_strdup_printf ("Source: %s; Breakeven model",
                                             bk_workbook_get_title (workbook));
  const struct {
    BkChartSpec  spec;
    BkChartKind  kind;
    BkChartUnit  unit;
    guint        n_series;
    guint        n_categories;
    guint        n_steps;
    const char  *title;
  } kinds[] = {
    { BK_CHART_SPEC_CAPEX, BK_CHART_KIND_BAR, BK_CHART_UNIT_USD_BILLIONS, 9, n, 0,
      "Capital expenditure by company" },
    /* Only Microsoft, Alphabet, Amazon and Oracle report a backlog */
    { BK_CHART_SPEC_BACKLOG, BK_CHART_KIND_STACKED_AREA, BK_CHART_UNIT_USD_BILLIONS, 4, n, 0,
      "Contracted backlog by company" },
    { BK_CHART_SPEC_TOKENS, BK_CHART_KIND_LINE, BK_CHART_UNIT_TOKENS_PER_DAY, 2, n, 0,
      "AI token demand by market" },
    /* The five global companies and the rest of the market */
    { BK_CHART_SPEC_SHARE, BK_CHART_KIND_DONUT, BK_CHART_UNIT_PERCENT, 6, 0, 0,
      "Share of token demand: Global (ex-China)" },
    { BK_CHART_SPEC_CUMULATIVE_FCF, BK_CHART_KIND_LINE, BK_CHART_UNIT_USD_BILLIONS, 9, m, 0,
      "Cumulative free cash flow by company" },
    { BK_CHART_SPEC_REVENUE, BK_CHART_KIND_LINE, BK_CHART_UNIT_USD_BILLIONS, 2, m, 0,
      "Revenue against capacity value: Microsoft" },
    { BK_CHART_SPEC_ROI, BK_CHART_KIND_BAR, BK_CHART_UNIT_PERCENT, 1, 9, 0,
      "Return on investment by company" },
    { BK_CHART_SPEC_NPV, BK_CHART_KIND_BAR, BK_CHART_UNIT_USD_BILLIONS, 1, 9, 0,
      "Net present value by company" },
    { BK_CHART_SPEC_WATERFALL, BK_CHART_KIND_WATERFALL, BK_CHART_UNIT_USD_BILLIONS, 0, 0, 9,
      "From revenue to free cash flow: Microsoft" },
  };

  g_assert_cmpuint (n, ==, 5);
  g_assert_cmpuint (m, >, n);
  G_STATIC_ASSERT (G_N_ELEMENTS (kinds) == BK_N_CHART_SPECS);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(BkChart) chart = build_ok (kinds[k].spec, workbook, results, -1, -1);

      g_test_message ("%s", bk_chart_spec_to_string (kinds[k].spec));
      g_assert_cmpint (bk_chart_get_kind (chart), ==, kinds[k].kind);
      g_assert_cmpint (bk_chart_get_unit (chart), ==, kinds[k].unit);
      g_assert_cmpuint (bk_chart_get_n_series (chart), ==, kinds[k].n_series);
      g_assert_cmpuint (chart->categories->len, ==, kinds[k].n_categories);
      g_assert_cmpuint (bk_chart_get_n_steps (chart), ==, kinds[k].n_steps);
      g_assert_cmpstr (bk_chart_get_title (chart), ==, kinds[k].title);
      g_assert_nonnull (strstr (bk_chart_get_subtitle (chart), "Base"));
      g_assert_cmpstr (bk_chart_get_source (chart), ==, source);
      for (guint i = 0; i < bk_chart_get_n_series (chart); i++)
        if (kinds[k].kind != BK_CHART_KIND_DONUT)
          g_assert_cmpuint (series (chart, i)->n_values, ==,
                            kinds[k].n_categories);
      g_assert_true (renders_plot (chart));
    }
}

/* Periods are the category labels; companies are the series, in order */
static void
test_capex_values (void)
{
  g_autoptr(BkWorkbook) workbook = load_sample ();
  g_autoptr(BkResults) results = bk_engine_compute (workbook, BK_SCENARIO_BASE);
  g_autoptr(BkChart) chart = build_ok (BK_CHART_SPEC_CAPEX, workbook, results, -1, -1);
  double row[5];

  g_assert_cmpstr (category (chart, 0), ==, "2023");
  g_assert_cmpstr (category (chart, 4), ==, "2027");
  g_assert_cmpstr (bk_chart_get_subtitle (chart), ==, "US$ billion, Base");

  for (guint c = 0; c < bk_workbook_get_n_companies (workbook); c++)
    {
      BkChartSeries *s = series (chart, c);

      g_assert_cmpstr (s->name, ==, bk_workbook_get_company_name (workbook, c));
      bk_workbook_get_scenario_row (workbook, BK_SCENARIO_BASE, BK_TABLE_CAPEX, c, row);
      for (guint t = 0; t < 5; t++)
        if (isnan (row[t]))
          g_assert_true (isnan (s->values[t]));
        else
          g_assert_cmpfloat (s->values[t], ==, row[t]);
    }

  /* Microsoft 2025: US$ 64.55 billion (cash PP&E) */
  g_assert_cmpfloat_with_epsilon (series (chart, 0)->values[2], 64.55, 1e-9);
}

/* Backlog and tokens carry the last value forward, as the model does */
static void
test_carry_forward (void)
{
  g_autoptr(BkWorkbook) workbook = load_sample ();
  g_autoptr(BkResults) results = bk_engine_compute (workbook, BK_SCENARIO_BASE);
  g_autoptr(BkChart) backlog = build_ok (BK_CHART_SPEC_BACKLOG, workbook, results, -1, -1);
  g_autoptr(BkChart) tokens = build_ok (BK_CHART_SPEC_TOKENS, workbook, results, -1, -1);
  int msft = find_series (backlog, "Microsoft");
  int orcl = find_series (backlog, "Oracle");
  BkChartSeries *china;

  g_assert_cmpint (msft, >=, 0);
  g_assert_cmpint (orcl, >=, 0);
  g_assert_cmpint (find_series (backlog, "Meta"), ==, -1);
  g_assert_cmpfloat (series (backlog, msft)->values[2], ==, 625);
  g_assert_cmpfloat (series (backlog, msft)->values[4], ==, 625);
  g_assert_cmpfloat (series (backlog, orcl)->values[1], ==, 138);
  g_assert_cmpfloat (series (backlog, orcl)->values[3], ==, 523);

  /* China: no figure for 2023 (a gap), 2.2T a day in 2024 */
  china = series (tokens, (guint) find_series (tokens, "China"));
  g_assert_true (isnan (china->values[0]));
  g_assert_cmpfloat (china->values[1], ==, 2.2);
}

/* A marker per company that pays back, where its line crosses zero */
static void
test_cumulative_fcf_markers (void)
{
  g_autoptr(BkWorkbook) workbook = load_sample ();
  /* In the bear case nobody pays back; in the base case some do */
  g_autoptr(BkResults) bear = bk_engine_compute (workbook, scenario_index (workbook, "Bear — short GPU life, price war"));
  g_autoptr(BkResults) results = bk_engine_compute (workbook, BK_SCENARIO_BASE);
  g_autoptr(BkChart) bear_chart = build_ok (BK_CHART_SPEC_CUMULATIVE_FCF, workbook, bear, -1, -1);
  g_autoptr(BkChart) chart = build_ok (BK_CHART_SPEC_CUMULATIVE_FCF, workbook, results, -1, -1);
  guint n_companies = bk_workbook_get_n_companies (workbook);
  guint m = bk_results_get_n_periods (results);
  guint expected = 0, found = 0;

  g_assert_cmpstr (category (chart, m - 1), ==, "2033");

  for (guint c = 0; c < n_companies; c++)
    {
      const BkMetrics *metrics = bk_results_get_company (results, c);
      BkChartSeries *s = series (chart, c);

      for (guint t = 0; t < m; t++)
        g_assert_cmpfloat (s->values[t], ==, metrics->series[BK_SERIES_CUM_FCF][t]);
      if (isfinite (metrics->payback_years) && metrics->payback_years > 0)
        expected++;
    }
  /* The sample must exercise the markers */
  g_assert_cmpuint (expected, >, 0);
  g_assert_cmpuint (expected, <, n_companies);
  for (guint c = 0; c < n_companies; c++)
    g_assert_false (isfinite (bk_results_get_company (bear, c)->payback_years));
  g_assert_cmpuint (bear_chart->markers->len, ==, 0);
  g_assert_cmpuint (chart->markers->len, ==, expected);

  for (guint i = 0; i < chart->markers->len; i++)
    {
      BkChartMarker *marker = &g_array_index (chart->markers, BkChartMarker, i);
      const BkMetrics *metrics = bk_results_get_company (results, marker->series);
      BkChartSeries *s = series (chart, marker->series);
      guint i0 = (guint) floor (marker->x);
      double f = marker->x - i0, y;
      g_autofree char *label = NULL;

      /* Yearly: payback P years is the end of period P − 1 */
      g_assert_cmpfloat_with_epsilon (marker->x, metrics->payback_years - 1, 1e-9);
      g_assert_cmpuint (i0 + 1, <, m);
      /* The line, interpolated as drawn, is at zero there */
      y = s->values[i0] + (s->values[i0 + 1] - s->values[i0]) * f;
      g_assert_cmpfloat (fabs (y), <, 1e-6);
      g_assert_cmpfloat (s->values[i0], <, 0);

      label = g_strdup_printf ("Payback %.1f y", metrics->payback_years);
      g_assert_cmpstr (marker->label, ==, label);
      found++;
    }
  g_assert_cmpuint (found, ==, expected);
}

/* The MODEL.md worked example: payback 2.474542 years.  Half-yearly and
 * quarterly, a payback of P years is at category P / Δ − 1 just the same:
 * where the drawn line crosses zero. */
static void
test_payback_granularities (void)
{
  static const char * const granularities[][2] = {
    { "year", "2024" }, { "half", "2024H1" }, { "quarter", "2024Q1" },
  };

  for (guint g = 0; g < G_N_ELEMENTS (granularities); g++)
    {
      g_autofree char *json = g_strdup_printf (
        "{\"format\": \"breakeven-workbook\", \"version\": 1, \"title\": \"Worked example\","
        " \"granularity\": \"%s\", \"first_period\": \"%s\", \"periods\": 3,"
        " \"markets\": [{\"id\": \"global\", \"name\": \"Global\"}],"
        " \"companies\": [{\"id\": \"acme\", \"name\": \"Acme Cloud\", \"market\": \"global\"}],"
        " \"series\": {\"capex\": {\"acme\": [10, 20, null]}, \"backlog\": {\"acme\": [30, null, 60]},"
        " \"share\": {\"acme\": [0.5, 0.5, 0.4]}, \"tokens\": {\"global\": [50, 200, 800]}},"
        " \"assumptions\": {\"extra_years\": 3, \"tokens_per_joule\": 4, \"price_per_mtok\": 2.0}}",
        granularities[g][0], granularities[g][1]);
      g_autoptr(GError) error = NULL;
      g_autoptr(BkWorkbook) workbook = bk_json_read_workbook (json, -1, &error);
      g_autoptr(BkResults) results = NULL;
      g_autoptr(BkChart) chart = NULL;
      const BkMetrics *metrics;
      BkChartMarker *marker;
      BkChartSeries *s;
      double delta, y;
      guint i0;

      g_assert_no_error (error);
      results = bk_engine_compute (workbook, BK_SCENARIO_BASE);
      chart = build_ok (BK_CHART_SPEC_CUMULATIVE_FCF, workbook, results, -1, -1);
      metrics = bk_results_get_company (results, 0);
      delta = bk_granularity_delta (bk_workbook_get_granularity (workbook));
      g_test_message ("%s: payback %g years", granularities[g][0], metrics->payback_years);

      if (g == 0)
        g_assert_cmpfloat_with_epsilon (metrics->payback_years, 2.474542, 1e-6);
      g_assert_true (isfinite (metrics->payback_years));
      g_assert_cmpuint (chart->markers->len, ==, 1);

      marker = &g_array_index (chart->markers, BkChartMarker, 0);
      s = series (chart, 0);
      g_assert_cmpfloat_with_epsilon (marker->x, metrics->payback_years / delta - 1, 1e-9);
      i0 = (guint) floor (marker->x);
      g_assert_cmpuint (i0 + 1, <, s->n_values);
      y = s->values[i0] + (s->values[i0 + 1] - s->values[i0]) * (marker->x - i0);
      g_assert_cmpfloat (fabs (y), <, 1e-9);
    }
}

static void
check_waterfall (BkChart         *chart,
                 const BkMetrics *metrics,
                 guint            first,
                 guint            last)
{
  double revenue = 0, ebit = 0, fcf = 0, capex = 0, running = 0;

  for (guint t = first; t <= last; t++)
    {
      revenue += metrics->series[BK_SERIES_REVENUE][t];
      ebit += metrics->series[BK_SERIES_EBIT][t];
      fcf += metrics->series[BK_SERIES_FCF][t];
      capex += metrics->series[BK_SERIES_CAPEX][t];
    }

  g_assert_cmpuint (bk_chart_get_n_steps (chart), ==, 9);
  g_assert_cmpstr (step (chart, 0)->label, ==, "Revenue");
  g_assert_cmpfloat_with_epsilon (step (chart, 0)->value, revenue, 1e-9);
  g_assert_cmpstr (step (chart, 7)->label, ==, "CapEx");
  g_assert_cmpfloat_with_epsilon (step (chart, 7)->value, -capex, 1e-9);

  for (guint i = 0; i < 9; i++)
    {
      BkChartStep *s = step (chart, i);

      if (!s->is_total)
        {
          running += s->value;
          continue;
        }
      /* EBIT, then free cash flow: each total is the running sum */
      g_assert_cmpfloat_with_epsilon (s->value, running, 1e-9 * MAX (1, fabs (running)));
      g_assert_cmpfloat_with_epsilon (s->value, i == 4 ? ebit : fcf, 1e-9 * MAX (1, fabs (fcf)));
    }
  g_assert_true (step (chart, 4)->is_total);
  g_assert_true (step (chart, 8)->is_total);
  g_assert_cmpfloat_with_epsilon (running, fcf, 1e-9 * MAX (1, fabs (fcf)));
}

/* The steps add up to free cash flow, summed or for one period */
static void
test_waterfall (void)
{
  g_autoptr(BkWorkbook) workbook = load_sample ();
  g_autoptr(BkResults) results = bk_engine_compute (workbook, BK_SCENARIO_BASE);
  guint m = bk_results_get_n_periods (results);
  int orcl = bk_workbook_find_company (workbook, "orcl");

  {
    g_autoptr(BkChart) chart = build_ok (BK_CHART_SPEC_WATERFALL, workbook, results, -1, -1);

    check_waterfall (chart, bk_results_get_company (results, 0), 0, m - 1);
    g_assert_cmpstr (bk_chart_get_subtitle (chart), ==, "US$ billion, sum of 2023–2033, Base");
  }

  /* Oracle in 2030, a modelled period past the inputs */
  {
    int period = 7;
    g_autoptr(BkChart) chart = build_ok (BK_CHART_SPEC_WATERFALL, workbook, results, orcl, period);

    check_waterfall (chart, bk_results_get_company (results, (guint) orcl), 7, 7);
    g_assert_cmpstr (bk_chart_get_title (chart), ==, "From revenue to free cash flow: Oracle");
    g_assert_cmpstr (bk_chart_get_subtitle (chart), ==, "US$ billion, 2030, Base");
    g_assert_cmpfloat (step (chart, 0)->value, >, 0);
  }

  for (guint t = 0; t < m; t++)
    {
      g_autoptr(BkChart) chart = build_ok (BK_CHART_SPEC_WATERFALL, workbook, results, 2, (int) t);

      check_waterfall (chart, bk_results_get_company (results, 2), t, t);
    }
}

/* ROI and NPV bars are the results' figures */
static void
test_roi_npv (void)
{
  g_autoptr(BkWorkbook) workbook = load_sample ();
  g_autoptr(BkResults) results = bk_engine_compute (workbook, BK_SCENARIO_BASE);
  g_autoptr(BkChart) roi = build_ok (BK_CHART_SPEC_ROI, workbook, results, -1, -1);
  g_autoptr(BkChart) npv = build_ok (BK_CHART_SPEC_NPV, workbook, results, -1, -1);

  g_assert_cmpint (bk_chart_get_legend_position (roi), ==, BK_CHART_LEGEND_NONE);
  for (guint c = 0; c < bk_workbook_get_n_companies (workbook); c++)
    {
      const BkMetrics *metrics = bk_results_get_company (results, c);

      g_assert_cmpstr (category (roi, c), ==, bk_workbook_get_company_name (workbook, c));
      g_assert_cmpstr (category (npv, c), ==, bk_workbook_get_company_name (workbook, c));
      g_assert_cmpfloat (series (roi, 0)->values[c], ==, metrics->roi);
      g_assert_cmpfloat (series (npv, 0)->values[c], ==, metrics->npv);
    }
}

/* Revenue against capacity value for the selected company */
static void
test_revenue (void)
{
  g_autoptr(BkWorkbook) workbook = load_sample ();
  g_autoptr(BkResults) results = bk_engine_compute (workbook, BK_SCENARIO_BASE);
  int amzn = bk_workbook_find_company (workbook, "amzn");
  g_autoptr(BkChart) chart = build_ok (BK_CHART_SPEC_REVENUE, workbook, results, amzn, -1);
  const BkMetrics *metrics = bk_results_get_company (results, (guint) amzn);
  gboolean any_revenue = FALSE;

  g_assert_cmpstr (bk_chart_get_title (chart), ==, "Revenue against capacity value: Amazon");
  int revenue_series = find_series (chart, "Revenue");
  int value_series = find_series (chart, "Capacity value");

  g_assert_cmpuint (bk_chart_get_n_series (chart), ==, 2);
  /* Revenue is drawn last, over the capacity it is capped by */
  g_assert_cmpint (revenue_series, ==, 1);
  g_assert_cmpint (value_series, ==, 0);
  /* The ceiling is drawn over revenue, dashed, so it never disappears behind
   * it where capacity limits revenue (issue 11) */
  g_assert_true (series (chart, (guint) value_series)->reference);
  g_assert_false (series (chart, (guint) revenue_series)->reference);
  g_assert_cmpuint (color_of (chart, 0), !=, color_of (chart, 1));

  for (guint t = 0; t < bk_results_get_n_periods (results); t++)
    {
      double revenue = series (chart, (guint) revenue_series)->values[t];
      double value = series (chart, (guint) value_series)->values[t];

      g_assert_cmpfloat (revenue, ==, metrics->series[BK_SERIES_REVENUE][t]);
      g_assert_cmpfloat_with_epsilon (value,
                                      metrics->series[BK_SERIES_CAPACITY_TOKENS][t]
                                      * metrics->series[BK_SERIES_PRICE][t] / 1000,
                                      1e-9);
      /* Revenue never exceeds what the capacity can earn */
      g_assert_cmpfloat (revenue, <=, value + 1e-9);
      any_revenue |= revenue > 0;
    }
  g_assert_true (any_revenue);
}

static double
carried_share (BkWorkbook *workbook,
               guint       company,
               guint       period)
{
  double row[16];
  double last = 0;

  g_assert_cmpuint (bk_workbook_get_n_periods (workbook), <=, G_N_ELEMENTS (row));
  bk_workbook_get_scenario_row (workbook, BK_SCENARIO_BASE, BK_TABLE_SHARE, company, row);
  for (guint t = 0; t <= period; t++)
    if (isfinite (row[t]))
      last = row[t];
  return last;
}

/* A donut per market and period: its slices are the market's shares */
static void
test_share (void)
{
  g_autoptr(BkWorkbook) workbook = load_sample ();
  g_autoptr(BkResults) results = bk_engine_compute (workbook, BK_SCENARIO_BASE);
  int baba = bk_workbook_find_company (workbook, "baba");
  int china = bk_workbook_find_market (workbook, "china");

  for (guint period = 0; period < bk_workbook_get_n_periods (workbook); period++)
    {
      g_autoptr(BkChart) chart = build_ok (BK_CHART_SPEC_SHARE, workbook, results, baba, (int) period);
      g_autofree char *label = bk_workbook_dup_period_label (workbook, period);
      double expected = 0, companies = 0, total = 0;
      guint n_companies = 0;

      g_assert_cmpstr (bk_chart_get_title (chart), ==, "Share of token demand: China");
      g_assert_cmpstr (bk_chart_get_center_label (chart), ==, label);

      for (guint c = 0; c < bk_workbook_get_n_companies (workbook); c++)
        if ((int) bk_workbook_get_company_market (workbook, c) == china)
          {
            expected += carried_share (workbook, c, period);
            if (carried_share (workbook, c, period) > 0)
              n_companies++;
          }

      for (guint i = 0; i < bk_chart_get_n_series (chart); i++)
        {
          BkChartSeries *s = series (chart, i);
          int c;

          g_assert_cmpuint (s->n_values, ==, 1);
          total += s->values[0];
          if (strcmp (s->name, "Others") == 0)
            continue;
          /* Every slice is a China company's share in that period */
          for (c = 0; c < (int) bk_workbook_get_n_companies (workbook); c++)
            if (strcmp (bk_workbook_get_company_name (workbook, (guint) c), s->name) == 0)
              break;
          g_assert_cmpint (c, <, (int) bk_workbook_get_n_companies (workbook));
          g_assert_cmpint (bk_workbook_get_company_market (workbook, (guint) c), ==, china);
          g_assert_cmpfloat (s->values[0], ==, carried_share (workbook, (guint) c, period));
          companies += s->values[0];
        }

      g_assert_cmpfloat (expected, >, 0);
      g_assert_cmpfloat_with_epsilon (companies, expected, 1e-12);
      /* The rest of the market is "Others": the ring is the whole market */
      g_assert_cmpuint (bk_chart_get_n_series (chart), ==, n_companies + 1);
      g_assert_cmpfloat_with_epsilon (total, 1.0, 1e-12);
    }

  /* The default period is the last input period */
  {
    g_autoptr(BkChart) chart = build_ok (BK_CHART_SPEC_SHARE, workbook, results, baba, -1);

    g_assert_cmpstr (bk_chart_get_center_label (chart), ==, "2027");
    g_assert_cmpstr (bk_chart_get_subtitle (chart), ==, "Percent of the market in 2027, Base");
  }
}

/* Shares past 100 %: the donut cannot show more than the whole market, so
 * its subtitle says so (issue 11: 155 % was drawn as a plain full ring) */
static void
test_share_past_whole_market (void)
{
  static const char *json =
    "{\"format\": \"breakeven-workbook\", \"version\": 1, \"granularity\": \"year\","
    " \"first_period\": \"2024\", \"periods\": 2,"
    " \"markets\": [{\"id\": \"cn\", \"name\": \"China\"}],"
    " \"companies\": [{\"id\": \"a\", \"name\": \"A\", \"market\": \"cn\"},"
    "                {\"id\": \"b\", \"name\": \"B\", \"market\": \"cn\"}],"
    " \"series\": {\"capex\": {}, \"backlog\": {}, \"tokens\": {},"
    "            \"share\": {\"a\": [0.5, 0.8], \"b\": [0.3, 0.75]}}}";
  g_autoptr(GError) error = NULL;
  g_autoptr(BkWorkbook) workbook = bk_json_read_workbook (json, -1, &error);
  g_autoptr(BkResults) results = NULL;
  g_autoptr(BkChart) within = NULL;
  g_autoptr(BkChart) past = NULL;

  g_assert_no_error (error);
  results = bk_engine_compute (workbook, BK_SCENARIO_BASE);
  within = build_ok (BK_CHART_SPEC_SHARE, workbook, results, 0, 0);
  g_assert_cmpstr (bk_chart_get_subtitle (within), ==, "Percent of the market in 2024, Base");

  past = build_ok (BK_CHART_SPEC_SHARE, workbook, results, 0, 1);
  g_test_message ("%s", bk_chart_get_subtitle (past));
  g_assert_cmpstr (bk_chart_get_subtitle (past), ==, "⚠ Shares add up to 155% in 2025, Base");
  /* No "Others" slice: nothing is left of the market */
  g_assert_cmpuint (bk_chart_get_n_series (past), ==, 2);
}

/* Charts follow the scenario the results were computed for */
static void
test_scenario (void)
{
  g_autoptr(BkWorkbook) workbook = load_sample ();
  guint fomo = scenario_index (workbook, "FOMO CapEx");
  guint bear = scenario_index (workbook, "Bear — short GPU life, price war");
  g_autoptr(BkResults) base = bk_engine_compute (workbook, BK_SCENARIO_BASE);
  g_autoptr(BkResults) fomo_results = bk_engine_compute (workbook, fomo);
  g_autoptr(BkResults) bear_results = bk_engine_compute (workbook, bear);
  int msft = bk_workbook_find_company (workbook, "msft");

  /* FOMO raises 2026 capex by 30 % for the US hyperscalers */
  {
    g_autoptr(BkChart) a = build_ok (BK_CHART_SPEC_CAPEX, workbook, base, -1, -1);
    g_autoptr(BkChart) b = build_ok (BK_CHART_SPEC_CAPEX, workbook, fomo_results, -1, -1);

    g_assert_cmpfloat_with_epsilon (series (b, (guint) msft)->values[3],
                                    series (a, (guint) msft)->values[3] * 1.3, 1e-9);
    g_assert_cmpstr (bk_chart_get_subtitle (b), ==, "US$ billion, FOMO CapEx");
  }

  /* Bear: a shorter GPU life and a price war cut cash flows */
  {
    g_autoptr(BkChart) a = build_ok (BK_CHART_SPEC_CUMULATIVE_FCF, workbook, base, -1, -1);
    g_autoptr(BkChart) b = build_ok (BK_CHART_SPEC_CUMULATIVE_FCF, workbook, bear_results, -1, -1);
    g_autoptr(BkChart) npv_a = build_ok (BK_CHART_SPEC_NPV, workbook, base, -1, -1);
    g_autoptr(BkChart) npv_b = build_ok (BK_CHART_SPEC_NPV, workbook, bear_results, -1, -1);
    guint m = bk_results_get_n_periods (base);

    g_assert_cmpfloat (series (b, (guint) msft)->values[m - 1], <,
                       series (a, (guint) msft)->values[m - 1]);
    g_assert_cmpfloat (series (npv_b, 0)->values[msft], <, series (npv_a, 0)->values[msft]);
    g_assert_nonnull (strstr (bk_chart_get_subtitle (b), "Bear — short GPU life, price war"));
  }
}

/* A refresh changes only what changed and keeps what the person did */
static void
test_update_in_place (void)
{
  g_autoptr(BkWorkbook) sample = load_sample ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "update.breakeven", NULL);
  g_autoptr(BkDocument) document = bk_document_create (path, sample, TRUE, &error);
  BkWorkbook *workbook;
  g_autoptr(BkResults) results = NULL;
  g_autoptr(BkChart) chart = NULL;
  g_autoptr(BkChart) backlog = NULL;
  const char *text[] = { "100" };
  guint changed = 0;
  int meta;

  g_assert_no_error (error);
  workbook = bk_document_get_workbook (document);
  meta = bk_workbook_find_company (workbook, "meta");
  results = bk_engine_compute (workbook, BK_SCENARIO_BASE);
  chart = build_ok (BK_CHART_SPEC_CAPEX, workbook, results, -1, -1);
  backlog = build_ok (BK_CHART_SPEC_BACKLOG, workbook, results, -1, -1);
  g_signal_connect (chart, "changed", G_CALLBACK (count_changed), &changed);

  /* Nothing changed: no signal at all */
  g_assert_true (bk_chart_update (chart, BK_CHART_SPEC_CAPEX, workbook, results, -1, -1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 0);

  bk_chart_set_series_hidden (chart, 1, TRUE);
  bk_chart_set_theme (chart, BK_CHART_THEME_DARK);
  bk_chart_set_legend_position (chart, BK_CHART_LEGEND_BOTTOM);
  changed = 0;

  /* Meta's 2024 capex typed as 100: one series changes, in place */
  g_assert_true (bk_document_set_cells (document, BK_SCENARIO_BASE, BK_TABLE_CAPEX, (guint) meta, 1,
                                        1, 1, text, NULL, &error));
  g_assert_no_error (error);
  results = bk_engine_compute_into (results, workbook, BK_SCENARIO_BASE);
  g_assert_true (bk_chart_update (chart, BK_CHART_SPEC_CAPEX, workbook, results, -1, -1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpfloat (series (chart, (guint) meta)->values[1], ==, 100);
  g_assert_true (bk_chart_get_series_hidden (chart, 1));
  g_assert_cmpint (bk_chart_get_theme (chart), ==, BK_CHART_THEME_DARK);
  g_assert_cmpint (bk_chart_get_legend_position (chart), ==, BK_CHART_LEGEND_BOTTOM);

  /* Meta reports a backlog: a new series, the hidden state kept by name */
  bk_chart_set_series_hidden (backlog, (guint) find_series (backlog, "Oracle"), TRUE);
  g_assert_true (bk_document_set_cells (document, BK_SCENARIO_BASE, BK_TABLE_BACKLOG, (guint) meta, 2,
                                        1, 1, text, NULL, &error));
  g_assert_no_error (error);
  results = bk_engine_compute_into (results, workbook, BK_SCENARIO_BASE);
  g_assert_true (bk_chart_update (backlog, BK_CHART_SPEC_BACKLOG, workbook, results, -1, -1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bk_chart_get_n_series (backlog), ==, 5);
  g_assert_cmpint (find_series (backlog, "Meta"), >=, 0);
  g_assert_true (bk_chart_get_series_hidden (backlog, (guint) find_series (backlog, "Oracle")));
  g_assert_false (bk_chart_get_series_hidden (backlog, (guint) find_series (backlog, "Meta")));

  /* The same object turns into another chart */
  changed = 0;
  g_assert_true (bk_chart_update (chart, BK_CHART_SPEC_WATERFALL, workbook, results, meta, -1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, >, 0);
  g_assert_cmpint (bk_chart_get_kind (chart), ==, BK_CHART_KIND_WATERFALL);
  g_assert_cmpuint (bk_chart_get_n_series (chart), ==, 0);
  g_assert_cmpuint (bk_chart_get_n_steps (chart), ==, 9);
  g_assert_cmpstr (bk_chart_get_title (chart), ==, "From revenue to free cash flow: Meta");
  /* Another chart starts from its own legend place */
  g_assert_cmpint (bk_chart_get_legend_position (chart), ==, BK_CHART_LEGEND_RIGHT);

  bk_document_close (document);
}

/* A company has one colour in every chart, in both themes */
static void
test_colors (void)
{
  g_autoptr(BkWorkbook) workbook = load_sample ();
  g_autoptr(BkResults) results = bk_engine_compute (workbook, BK_SCENARIO_BASE);
  g_autoptr(BkChart) capex = build_ok (BK_CHART_SPEC_CAPEX, workbook, results, -1, -1);
  g_autoptr(BkChart) backlog = build_ok (BK_CHART_SPEC_BACKLOG, workbook, results, -1, -1);
  g_autoptr(BkChart) share = build_ok (BK_CHART_SPEC_SHARE, workbook, results,
                                       bk_workbook_find_company (workbook, "tcehy"), -1);
  guint n = bk_workbook_get_n_companies (workbook);
  BkChartColor background;

  for (int theme = BK_CHART_THEME_LIGHT; theme <= BK_CHART_THEME_DARK; theme++)
    {
      bk_chart_set_theme (capex, theme);
      bk_chart_set_theme (backlog, theme);
      bk_chart_set_theme (share, theme);
      bk_chart_theme_background (theme, &background);

      /* Nine companies, nine colours, none the background */
      for (guint a = 0; a < n; a++)
        {
          g_assert_cmpuint (color_of (capex, a), !=, hex_of (&background));
          for (guint b = a + 1; b < n; b++)
            g_assert_cmpuint (color_of (capex, a), !=, color_of (capex, b));
        }

      /* Oracle, Alibaba and Baidu look the same wherever they appear */
      g_assert_cmpuint (color_of (backlog, (guint) find_series (backlog, "Oracle")), ==,
                        color_of (capex, (guint) bk_workbook_find_company (workbook, "orcl")));
      g_assert_cmpuint (color_of (share, (guint) find_series (share, "Alibaba")), ==,
                        color_of (capex, (guint) bk_workbook_find_company (workbook, "baba")));
      g_assert_cmpuint (color_of (share, (guint) find_series (share, "Baidu")), ==,
                        color_of (capex, (guint) bk_workbook_find_company (workbook, "bidu")));
      /* "Others" is none of the companies */
      for (guint c = 0; c < n; c++)
        g_assert_cmpuint (color_of (share, (guint) find_series (share, "Others")), !=,
                          color_of (capex, c));
    }
}

/* Out-of-range selections fail and leave the chart alone */
static void
test_errors (void)
{
  g_autoptr(BkWorkbook) workbook = load_sample ();
  g_autoptr(BkResults) results = bk_engine_compute (workbook, BK_SCENARIO_BASE);
  g_autoptr(BkChart) chart = build_ok (BK_CHART_SPEC_CAPEX, workbook, results, -1, -1);
  guint n = bk_workbook_get_n_periods (workbook);
  guint m = bk_results_get_n_periods (results);
  guint changed = 0;

  g_signal_connect (chart, "changed", G_CALLBACK (count_changed), &changed);

  {
    g_autoptr(GError) error = NULL;

    g_assert_null (bk_chart_build (BK_CHART_SPEC_REVENUE, workbook, results, 9, -1, &error));
    g_assert_error (error, BK_ERROR, BK_ERROR_NOT_FOUND);
  }
  {
    g_autoptr(GError) error = NULL;

    g_assert_null (bk_chart_build (BK_CHART_SPEC_WATERFALL, workbook, results, 0, (int) m, &error));
    g_assert_error (error, BK_ERROR, BK_ERROR_NOT_FOUND);
  }
  {
    g_autoptr(GError) error = NULL;

    /* Share is about inputs: modelled periods past them are not there */
    g_assert_null (bk_chart_build (BK_CHART_SPEC_SHARE, workbook, results, 0, (int) n, &error));
    g_assert_error (error, BK_ERROR, BK_ERROR_NOT_FOUND);
  }
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (bk_chart_update (chart, BK_CHART_SPEC_WATERFALL, workbook, results, -7, -1, &error));
    g_assert_error (error, BK_ERROR, BK_ERROR_NOT_FOUND);
    g_assert_cmpuint (changed, ==, 0);
    g_assert_cmpint (bk_chart_get_kind (chart), ==, BK_CHART_KIND_BAR);
  }

  g_assert_cmpuint (bk_chart_spec_get_n_periods (BK_CHART_SPEC_SHARE, results), ==, n);
  g_assert_cmpuint (bk_chart_spec_get_n_periods (BK_CHART_SPEC_WATERFALL, results), ==, m);
  g_assert_true (bk_chart_spec_uses_company (BK_CHART_SPEC_REVENUE));
  g_assert_false (bk_chart_spec_uses_company (BK_CHART_SPEC_CAPEX));
  g_assert_false (bk_chart_spec_uses_period (BK_CHART_SPEC_CUMULATIVE_FCF));

  /* Charts that take no company or period ignore them */
  {
    g_autoptr(BkChart) other = build_ok (BK_CHART_SPEC_NPV, workbook, results, 99, 99);

    g_assert_cmpuint (bk_chart_get_n_series (other), ==, 1);
  }
}

/* A workbook with nothing in it gives charts that say so */
static void
test_empty_workbook (void)
{
  static const char json[] =
    "{\"format\": \"breakeven-workbook\", \"version\": 1, \"title\": \"\","
    " \"granularity\": \"year\", \"first_period\": \"2024\", \"periods\": 3,"
    " \"markets\": [], \"companies\": [], \"series\": {}}";
  g_autoptr(GError) error = NULL;
  g_autoptr(BkWorkbook) workbook = bk_json_read_workbook (json, -1, &error);
  g_autoptr(BkResults) results = NULL;

  g_assert_no_error (error);
  results = bk_engine_compute (workbook, BK_SCENARIO_BASE);

  for (guint k = 0; k < BK_N_CHART_SPECS; k++)
    {
      g_autoptr(BkChart) chart = build_ok (k, workbook, results, -1, -1);

      g_test_message ("%s", bk_chart_spec_to_string (k));
      g_assert_cmpstr (bk_chart_get_source (chart), ==, "Source: Breakeven model");
      g_assert_false (renders_plot (chart));
    }
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  tmp_dir = g_dir_make_tmp ("test-chart-builder-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/chart/builder/spec-names", test_spec_names);
  g_test_add_func ("/chart/builder/kinds", test_kinds);
  g_test_add_func ("/chart/builder/capex-values", test_capex_values);
  g_test_add_func ("/chart/builder/carry-forward", test_carry_forward);
  g_test_add_func ("/chart/builder/cumulative-fcf-markers", test_cumulative_fcf_markers);
  g_test_add_func ("/chart/builder/payback-granularities", test_payback_granularities);
  g_test_add_func ("/chart/builder/waterfall", test_waterfall);
  g_test_add_func ("/chart/builder/roi-npv", test_roi_npv);
  g_test_add_func ("/chart/builder/revenue", test_revenue);
  g_test_add_func ("/chart/builder/share", test_share);
  g_test_add_func ("/chart/builder/share-past-whole-market", test_share_past_whole_market);
  g_test_add_func ("/chart/builder/scenario", test_scenario);
  g_test_add_func ("/chart/builder/update-in-place", test_update_in_place);
  g_test_add_func ("/chart/builder/colors", test_colors);
  g_test_add_func ("/chart/builder/errors", test_errors);
  g_test_add_func ("/chart/builder/empty-workbook", test_empty_workbook);

  status = g_test_run ();

  remove_tree (tmp_dir);
  g_free (tmp_dir);

  return status;
}
