/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-chart-layout.c — every chart of the sample, of every kind, laid out
 * at a small export size (400 × 250) and a large one (1600 × 1000): its
 * title, subtitle, source line, legend and plot (with its axes and labels)
 * each lie inside the canvas and none overlaps another; their category
 * labels, headings, legend entries and the map's point labels are whole,
 * in English and in Chinese
 *
 * The boxes are what the render recorded of each part
 * (bk_chart_hits_get_part()): the ink of every text it drew, the legend's
 * swatches, the plot's rectangle. */

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "bk-chart-builder-analysis.h"
#include "bk-chart-builder.h"
#include "bk-engine.h"
#include "bk-json.h"

/* Sub-pixel touching is not overlapping */
#define SLACK 0.5

static const char *const part_names[BK_CHART_N_PARTS] = {
  [BK_CHART_PART_TITLE] = "title",
  [BK_CHART_PART_SUBTITLE] = "subtitle",
  [BK_CHART_PART_SOURCE] = "source",
  [BK_CHART_PART_LEGEND] = "legend",
  [BK_CHART_PART_PLOT] = "plot",
};

static const struct
{
  int width;
  int height;
} sizes[] = {
  { 400, 250 },
  { 640, 400 },
  { 1600, 1000 },
};

static BkMonteCarloResult *
simulate (BkWorkbook *workbook)
{
  g_autoptr(BkEngineInputs) inputs = bk_engine_inputs_new (workbook, 0);
  g_autoptr(GHashTable) distributions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                               (GDestroyNotify) bk_distribution_free);
  g_autoptr(GError) error = NULL;
  BkDistribution *distribution = NULL;
  BkMonteCarloParams params;
  BkMonteCarloResult *result;

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

  return result;
}

/* Every chart the app and the CLI draw of the sample: the nine of the
 * pages (the share donut of both markets) and the analyses' */
static GPtrArray *
sample_charts (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BkWorkbook) workbook = bk_json_read_sample (&error);
  g_autoptr(BkResults) results = NULL;
  g_autoptr(BkComparison) comparison = NULL;
  g_autoptr(BkEngineInputs) inputs = NULL;
  g_autoptr(GArray) bars = NULL;
  g_autoptr(BkBreakevenMap) map = NULL;
  g_autoptr(BkMonteCarloResult) simulated = NULL;
  GPtrArray *charts = g_ptr_array_new_with_free_func (g_object_unref);
  BkBreakevenMapParams params;
  double base = NAN;
  int other_market = -1;

  g_assert_no_error (error);
  results = bk_engine_compute (workbook, 0);

  for (BkChartSpec spec = 0; spec < BK_N_CHART_SPECS; spec++)
    {
      g_ptr_array_add (charts, bk_chart_build (spec, workbook, results, -1, -1, &error));
      g_assert_no_error (error);
    }
  for (guint c = 0; c < bk_workbook_get_n_companies (workbook) && other_market < 0; c++)
    if (bk_workbook_get_company_market (workbook, c) != bk_workbook_get_company_market (workbook, 0))
      other_market = (int) c;
  g_assert_cmpint (other_market, >, 0);
  g_ptr_array_add (charts, bk_chart_build (BK_CHART_SPEC_SHARE, workbook, results,
                                           other_market, -1, &error));
  g_assert_no_error (error);

  comparison = bk_comparison_new (workbook);
  g_ptr_array_add (charts, bk_chart_build_compare (workbook, comparison, BK_METRIC_NPV));

  inputs = bk_engine_inputs_new (workbook, 0);
  bars = bk_sensitivity_run (inputs, BK_METRIC_NPV, -1, 0.2, &base, &error);
  g_assert_no_error (error);
  g_ptr_array_add (charts, bk_chart_build_tornado (workbook, 0,
                                                   BK_METRIC_NPV, -1, bars, base));

  bk_breakeven_map_params_init (&params, BK_ASSUMPTION_PRICE_PER_MTOK, BK_ASSUMPTION_UTILIZATION);
  params.steps = 11;
  map = bk_breakeven_map_new (inputs, &params, &error);
  g_assert_no_error (error);
  g_ptr_array_add (charts, bk_chart_build_breakeven_map (workbook, 0, map));

  simulated = simulate (workbook);
  g_ptr_array_add (charts, bk_chart_build_histogram (workbook, 0, simulated));
  g_ptr_array_add (charts, bk_chart_build_fan (workbook, 0, simulated));

  return charts;
}

static gboolean
inside (const cairo_rectangle_t *r,
        int                      width,
        int                      height)
{
  return r->x >= -SLACK && r->y >= -SLACK &&
         r->x + r->width <= width + SLACK && r->y + r->height <= height + SLACK;
}

static gboolean
overlap (const cairo_rectangle_t *a,
         const cairo_rectangle_t *b)
{
  double w = MIN (a->x + a->width, b->x + b->width) - MAX (a->x, b->x);
  double h = MIN (a->y + a->height, b->y + b->height) - MAX (a->y, b->y);

  return w > SLACK && h > SLACK;
}

/* How many series' legend entries a render drew (and can be clicked) */
static guint
count_legend_entries (BkChartHits             *hits,
                      const cairo_rectangle_t *legend,
                      guint                    n_series)
{
  g_autofree gboolean *seen = g_new0 (gboolean, MAX (n_series, 1));
  guint n = 0;

  for (double y = legend->y; y < legend->y + legend->height; y += 1)
    for (double x = legend->x; x < legend->x + legend->width; x += 1)
      {
        guint series;

        if (bk_chart_hits_lookup_legend (hits, x, y, &series) && series < n_series && !seen[series])
          {
            seen[series] = TRUE;
            n++;
          }
      }
  return n;
}

/* @all_entries: every series must have its legend entry */
static void
check_layout (BkChart  *chart,
              int       width,
              int       height,
              gboolean  all_entries)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(BkChartHits) hits = bk_chart_render (chart, cr, width, height);
  cairo_rectangle_t boxes[BK_CHART_N_PARTS];
  gboolean has[BK_CHART_N_PARTS];

  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  g_test_message ("%s at %d x %d", bk_chart_get_title (chart), width, height);

  for (guint p = 0; p < BK_CHART_N_PARTS; p++)
    {
      has[p] = bk_chart_hits_get_part (hits, p, &boxes[p]);
      if (has[p])
        g_test_message ("  %s: %.1f, %.1f, %.1f x %.1f", part_names[p],
                        boxes[p].x, boxes[p].y, boxes[p].width, boxes[p].height);
    }

  /* What a chart must show at any export size: its title, its data, and
   * the legend when it has more than one series to tell apart */
  g_assert_true (has[BK_CHART_PART_TITLE]);
  g_assert_true (has[BK_CHART_PART_PLOT]);
  g_assert_true (bk_chart_hits_get_plot_area (hits, NULL));
  if (bk_chart_get_n_series (chart) > 1 && bk_chart_get_kind (chart) != BK_CHART_KIND_TORNADO)
    g_assert_true (has[BK_CHART_PART_LEGEND]);

  /* Every series keeps its legend entry: none is dropped for want of room */
  if (all_entries && has[BK_CHART_PART_LEGEND] && bk_chart_get_kind (chart) <= BK_CHART_KIND_DONUT)
    g_assert_cmpuint (count_legend_entries (hits, &boxes[BK_CHART_PART_LEGEND],
                                            bk_chart_get_n_series (chart)),
                      ==, bk_chart_get_n_series (chart));

  for (guint p = 0; p < BK_CHART_N_PARTS; p++)
    {
      if (!has[p])
        continue;
      if (!inside (&boxes[p], width, height))
        g_error ("%s at %d x %d: the %s (%.1f, %.1f, %.1f x %.1f) is not inside the canvas",
                 bk_chart_get_title (chart), width, height, part_names[p],
                 boxes[p].x, boxes[p].y, boxes[p].width, boxes[p].height);
      for (guint q = p + 1; q < BK_CHART_N_PARTS; q++)
        if (has[q] && overlap (&boxes[p], &boxes[q]))
          g_error ("%s at %d x %d: the %s and the %s overlap",
                   bk_chart_get_title (chart), width, height, part_names[p], part_names[q]);
    }

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_sample_charts (void)
{
  g_autoptr(GPtrArray) charts = sample_charts ();
  gboolean kinds[BK_CHART_KIND_HISTOGRAM + 1] = { FALSE };

  for (guint i = 0; i < charts->len; i++)
    {
      BkChart *chart = g_ptr_array_index (charts, i);

      kinds[bk_chart_get_kind (chart)] = TRUE;
      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        check_layout (chart, sizes[s].width, sizes[s].height, TRUE);
    }

  /* Every kind but the stacked bars (which no chart of the app uses) */
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    if (k != BK_CHART_KIND_STACKED_BAR)
      g_assert_true (kinds[k]);
}

/* The tornado's rows, one a driver with its name on the left, are never
 * closer than a line of their names (12 px type): at a small size it
 * shows the drivers that move the metric most, not every one on top of
 * each other */
static void
test_tornado_rows (void)
{
  g_autoptr(GPtrArray) charts = sample_charts ();
  BkChart *tornado = NULL;

  for (guint i = 0; i < charts->len; i++)
    if (bk_chart_get_kind (g_ptr_array_index (charts, i)) == BK_CHART_KIND_TORNADO)
      tornado = g_ptr_array_index (charts, i);
  g_assert_nonnull (tornado);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, sizes[s].width,
                                                             sizes[s].height);
      cairo_t *cr = cairo_create (surface);
      g_autoptr(BkChartHits) hits = bk_chart_render (tornado, cr, sizes[s].width, sizes[s].height);
      g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (double));
      cairo_rectangle_t plot;
      double last_y = -G_MAXDOUBLE;
      guint n_rows = 0;

      g_assert_true (bk_chart_hits_get_plot_area (hits, &plot));
      /* Where each row's bars are: their hit's anchor is the row's middle */
      for (double y = plot.y; y < plot.y + plot.height; y += 1)
        for (double x = plot.x; x < plot.x + plot.width; x += 2)
          {
            BkChartHit hit;

            if (bk_chart_hits_lookup (hits, x, y, &hit) && hit.y != last_y)
              {
                gboolean seen = FALSE;

                for (guint r = 0; r < rows->len; r++)
                  seen |= g_array_index (rows, double, r) == hit.y;
                if (!seen)
                  g_array_append_val (rows, hit.y);
                last_y = hit.y;
              }
          }
      n_rows = rows->len;
      g_test_message ("%d x %d: %u rows", sizes[s].width, sizes[s].height, n_rows);
      g_assert_cmpuint (n_rows, >, 0);
      for (guint r = 1; r < rows->len; r++)
        g_assert_cmpfloat (fabs (g_array_index (rows, double, r) - g_array_index (rows, double, r - 1)), >=, 14);
      /* Large, every driver */
      if (sizes[s].height >= 1000)
        g_assert_cmpuint (n_rows, ==, bk_chart_get_n_swings (tornado));

      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

/* Texts far too long for a small chart: a title, subtitle and source of
 * many words, long series names, in Latin and Chinese script */
static void
test_long_texts (void)
{
  const BkChartKind kinds[] = {
    BK_CHART_KIND_LINE, BK_CHART_KIND_BAR, BK_CHART_KIND_STACKED_BAR,
    BK_CHART_KIND_STACKED_AREA, BK_CHART_KIND_DONUT,
  };
  const char *const categories[] = { "2023", "2024", "2025", "2026", "2027", NULL };
  const double values[] = { 10, 40, 90, 160, 250 };
  const char *const titles[] = {
    "Capital expenditure by company, every hyperscaler and Chinese cloud provider, 2023 to 2027",
    "按公司划分的资本支出：所有超大规模云服务商与中国云服务商，二〇二三年至二〇二七年",
  };

  for (guint t = 0; t < G_N_ELEMENTS (titles); t++)
    for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
      {
        g_autoptr(BkChart) chart = bk_chart_new (kinds[k]);

        bk_chart_set_title (chart, titles[t]);
        bk_chart_set_subtitle (chart, titles[t]);
        bk_chart_set_source (chart, titles[t]);
        bk_chart_set_categories (chart, categories);
        for (guint s = 0; s < 7; s++)
          {
            g_autofree char *name = g_strdup_printf ("%s %u", t == 0 ? "A company with a long name" : "一家名字很长的公司", s);

            bk_chart_add_series (chart, name, values, G_N_ELEMENTS (values));
          }
        for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
          check_layout (chart, sizes[s].width, sizes[s].height, FALSE);
      }
}

/* The payback labels as recorded: inside the plot, none over another,
 * none over a marker's point (@dots, cairo_rectangle_t); returns how many */
static guint
check_marker_labels (BkChartHits *hits,
                     GArray      *dots,
                     const char  *what)
{
  guint n = bk_chart_hits_get_n_labels (hits);
  cairo_rectangle_t plot;

  g_assert_true (bk_chart_hits_get_plot_area (hits, &plot));
  for (guint i = 0; i < n; i++)
    {
      cairo_rectangle_t a;

      g_assert_true (bk_chart_hits_get_label (hits, i, NULL, &a));
      g_test_message ("%s: label %u at %.1f, %.1f, %.1f x %.1f", what, i, a.x, a.y, a.width, a.height);
      /* Labels may rise half a line above the plot, never leave its sides */
      g_assert_cmpfloat (a.x, >=, plot.x - SLACK);
      g_assert_cmpfloat (a.x + a.width, <=, plot.x + plot.width + SLACK);
      g_assert_cmpfloat (a.y + a.height, <=, plot.y + plot.height + SLACK);
      for (guint j = i + 1; j < n; j++)
        {
          cairo_rectangle_t b;

          g_assert_true (bk_chart_hits_get_label (hits, j, NULL, &b));
          if (overlap (&a, &b))
            g_error ("%s: labels %u and %u overlap", what, i, j);
        }
      for (guint d = 0; dots != NULL && d < dots->len; d++)
        if (overlap (&a, &g_array_index (dots, cairo_rectangle_t, d)))
          g_error ("%s: label %u covers the point of marker %u", what, i, d);
    }
  return n;
}

/* The sample's cumulative free cash flow: a label per payback, equal
 * paybacks (Microsoft's and Alibaba's 6.1 years) sharing one */
static void
test_payback_labels (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BkWorkbook) workbook = bk_json_read_sample (&error);
  g_autoptr(BkResults) results = NULL;
  g_autoptr(BkChart) chart = NULL;
  g_autoptr(GHashTable) paybacks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert_no_error (error);
  results = bk_engine_compute (workbook, 0);
  chart = bk_chart_build (BK_CHART_SPEC_CUMULATIVE_FCF, workbook, results, -1, -1, &error);
  g_assert_no_error (error);
  for (guint c = 0; c < bk_results_get_n_companies (results); c++)
    {
      double payback = bk_results_get_company (results, c)->payback_years;

      if (isfinite (payback) && payback > 0)
        g_hash_table_add (paybacks, g_strdup_printf ("%.1f", payback));
    }
  /* Two companies share a payback, or the merging is not tested */
  g_assert_cmpuint (g_hash_table_size (paybacks), >=, 2);
  g_assert_cmpuint (g_hash_table_size (paybacks), <, bk_chart_get_n_series (chart));

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, sizes[s].width,
                                                             sizes[s].height);
      cairo_t *cr = cairo_create (surface);
      g_autoptr(BkChartHits) hits = bk_chart_render (chart, cr, sizes[s].width, sizes[s].height);
      g_autofree char *what = g_strdup_printf ("payback at %d x %d", sizes[s].width, sizes[s].height);
      guint n = check_marker_labels (hits, NULL, what);

      /* Small, what fits; else one label per distinct payback */
      g_assert_cmpuint (n, >, 0);
      if (sizes[s].width >= 640)
        g_assert_cmpuint (n, ==, g_hash_table_size (paybacks));
      g_assert_cmpuint (n, <=, g_hash_table_size (paybacks));

      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

/* Markers crowded on one category, two with the same label: the labels
 * keep off each other and off every marker's point */
static void
test_crowded_markers (void)
{
  const char *const categories[] = { "2023", "2024", "2025", "2026", "2027", "2028", NULL };
  const double values[][6] = {
    { -50, -30, -10, 0, 20, 60 },
    { -40, -20, -5, 5, 25, 50 },
    { -60, -35, -12, 2, 30, 40 },
    { -20, -10, -2, 8, 15, 20 },
  };
  const char *const labels[] = { "Payback 4.0 y", "Payback 4.0 y", "Payback 4.1 y", "Payback 3.9 y" };
  g_autoptr(BkChart) chart = bk_chart_new (BK_CHART_KIND_LINE);

  bk_chart_set_title (chart, "Crowded");
  bk_chart_set_categories (chart, categories);
  for (guint s = 0; s < G_N_ELEMENTS (values); s++)
    {
      g_autofree char *name = g_strdup_printf ("Company %u", s);

      bk_chart_add_series (chart, name, values[s], G_N_ELEMENTS (values[s]));
      /* On a category, where the line's own hit point is */
      bk_chart_add_marker (chart, s, 3, labels[s]);
    }

  for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, sizes[z].width,
                                                             sizes[z].height);
      cairo_t *cr = cairo_create (surface);
      g_autoptr(BkChartHits) hits = bk_chart_render (chart, cr, sizes[z].width, sizes[z].height);
      g_autoptr(GArray) dots = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
      g_autofree char *what = g_strdup_printf ("crowded at %d x %d", sizes[z].width, sizes[z].height);
      gboolean found[G_N_ELEMENTS (values)] = { FALSE };
      cairo_rectangle_t plot;

      /* The markers' points: the hits of category 3 */
      g_assert_true (bk_chart_hits_get_plot_area (hits, &plot));
      for (double y = plot.y; y < plot.y + plot.height; y += 1)
        for (double x = plot.x; x < plot.x + plot.width; x += 1)
          {
            BkChartHit hit;

            if (bk_chart_hits_lookup (hits, x, y, &hit) && hit.index == 3 &&
                hit.series < G_N_ELEMENTS (values) && !found[hit.series])
              {
                cairo_rectangle_t dot = { hit.x - 5.5, hit.y - 5.5, 11, 11 };

                found[hit.series] = TRUE;
                g_array_append_val (dots, dot);
              }
          }
      g_assert_cmpuint (dots->len, ==, G_N_ELEMENTS (values));

      /* Three texts, three labels where there is room */
      if (sizes[z].width >= 640)
        g_assert_cmpuint (check_marker_labels (hits, dots, what), ==, 3);
      else
        g_assert_cmpuint (check_marker_labels (hits, dots, what), <=, 3);

      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

/* Every category label of @chart at @width × @height is drawn whole (no
 * "…", none thinned out) and none overlaps another */
static void
check_whole_categories (BkChart    *chart,
                        guint       n_categories,
                        int         width,
                        int         height,
                        const char *what)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(BkChartHits) hits = bk_chart_render (chart, cr, width, height);
  guint n = bk_chart_hits_get_n_categories (hits);

  g_assert_cmpuint (n, ==, n_categories);
  for (guint i = 0; i < n; i++)
    {
      cairo_rectangle_t a;
      guint index;
      gboolean cut;

      g_assert_true (bk_chart_hits_get_category (hits, i, &index, &a, &cut));
      g_test_message ("%s at %d x %d: category %u at %.1f, %.1f, %.1f x %.1f%s", what, width, height,
                      index, a.x, a.y, a.width, a.height, cut ? ", cut" : "");
      g_assert_cmpuint (index, ==, i);
      if (cut)
        g_error ("%s at %d x %d: category %u is cut short", what, width, height, index);
      g_assert_true (inside (&a, width, height));
      for (guint j = i + 1; j < n; j++)
        {
          cairo_rectangle_t b;

          g_assert_true (bk_chart_hits_get_category (hits, j, NULL, &b, NULL));
          /* Rotated labels' boxes are their bounding boxes: compare the
           * ones side by side only */
          if (a.y == b.y && overlap (&a, &b))
            g_error ("%s at %d x %d: categories %u and %u overlap", what, width, height, i, j);
        }
    }

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The category labels of the company bars and the waterfall's steps, in
 * English and Chinese, are drawn whole at 640 × 400: wrapped onto two
 * lines or rotated before they are cut short */
static void
test_whole_categories (void)
{
  const char *const companies[][10] = {
    { "Microsoft", "Alphabet", "Amazon", "Meta", "Oracle", "Alibaba", "Tencent", "ByteDance", "Baidu", NULL },
    { "微软", "谷歌母公司", "亚马逊", "元平台", "甲骨文", "阿里巴巴", "腾讯", "字节跳动", "百度", NULL },
  };
  const char *const steps[][9] = {
    { "Revenue", "Power", "Other opex", "Depreciation", "EBIT", "Tax", "Depreciation added back",
      "CapEx", "Free cash flow" },
    { "收入", "电力", "其他运营成本", "折旧", "息税前利润", "税费", "加回折旧", "资本开支", "自由现金流" },
  };
  const double values[] = { 1.44, 0.34, -0.22, -0.63, 2.38, 1.54, -0.53, -0.25, 1.03 };
  const double moves[] = { 1570, -42, -235, -355, NAN, -197, 355, -449, NAN };

  for (guint l = 0; l < G_N_ELEMENTS (companies); l++)
    {
      g_autoptr(BkChart) bars = bk_chart_new (BK_CHART_KIND_BAR);
      g_autoptr(BkChart) waterfall = bk_chart_new (BK_CHART_KIND_WATERFALL);

      bk_chart_set_title (bars, "Return on investment by company");
      bk_chart_set_subtitle (bars, "Free cash flow as a percentage of capital expenditure, 2023–2033, Base");
      bk_chart_set_source (bars, "Source: AI CapEx — sample (hyperscalers and Chinese cloud, 2023–2027)");
      bk_chart_set_unit (bars, BK_CHART_UNIT_PERCENT);
      bk_chart_set_categories (bars, companies[l]);
      bk_chart_add_series (bars, "ROI", values, G_N_ELEMENTS (values));
      check_whole_categories (bars, G_N_ELEMENTS (values), 640, 400, companies[l][0]);

      bk_chart_set_title (waterfall, "From revenue to free cash flow: Microsoft");
      bk_chart_set_subtitle (waterfall, "US$ billion, sum of 2023–2033, Base");
      bk_chart_set_source (waterfall, "Source: AI CapEx — sample (hyperscalers and Chinese cloud, 2023–2027)");
      bk_chart_set_unit (waterfall, BK_CHART_UNIT_USD_BILLIONS);
      for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
        bk_chart_add_step (waterfall, steps[l][i], moves[i], isnan (moves[i]));
      check_whole_categories (waterfall, G_N_ELEMENTS (moves), 640, 400, steps[l][0]);
      check_whole_categories (waterfall, G_N_ELEMENTS (moves), 1600, 1000, steps[l][0]);
    }
}

/* Whether two convex quadrilaterals (x, y of four corners going round,
 * such as rotated labels' ink boxes) overlap by more than SLACK: no edge
 * of either separates them */
static gboolean
quads_overlap (const double a[8],
               const double b[8])
{
  const double *quads[] = { a, b };

  for (guint q = 0; q < 2; q++)
    for (guint e = 0; e < 4; e++)
      {
        const double *p = quads[q];
        double nx = -(p[(2 * e + 3) % 8] - p[2 * e + 1]), ny = p[(2 * e + 2) % 8] - p[2 * e];
        double len = hypot (nx, ny), lo[2] = { G_MAXDOUBLE, G_MAXDOUBLE }, hi[2] = { -G_MAXDOUBLE, -G_MAXDOUBLE };

        if (len == 0)
          continue;
        for (guint k = 0; k < 2; k++)
          for (guint v = 0; v < 4; v++)
            {
              double t = (quads[k][2 * v] * nx + quads[k][2 * v + 1] * ny) / len;

              lo[k] = MIN (lo[k], t);
              hi[k] = MAX (hi[k], t);
            }
        if (MIN (hi[0], hi[1]) - MAX (lo[0], lo[1]) <= SLACK)
          return FALSE;
      }
  return TRUE;
}

/* The kinds whose categories are bands, one label under each bar */
static gboolean
has_bands (BkChart *chart)
{
  BkChartKind kind = bk_chart_get_kind (chart);

  return kind == BK_CHART_KIND_BAR || kind == BK_CHART_KIND_STACKED_BAR ||
         kind == BK_CHART_KIND_WATERFALL;
}

/* The kinds that label their categories: along the x axis, or the
 * tornado's rows with their drivers' names */
static gboolean
has_categories (BkChart *chart)
{
  BkChartKind kind = bk_chart_get_kind (chart);

  return has_bands (chart) || kind == BK_CHART_KIND_LINE || kind == BK_CHART_KIND_STACKED_AREA ||
         kind == BK_CHART_KIND_FAN || kind == BK_CHART_KIND_TORNADO;
}

/* Every category label @chart draws at @width × @height is whole (no
 * "…"), inside the canvas, off the title, subtitle, source and legend and
 * off the other labels beside it; bars label every category */
static void
check_sample_categories (BkChart    *chart,
                         int         width,
                         int         height,
                         const char *language)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(BkChartHits) hits = bk_chart_render (chart, cr, width, height);
  guint n = bk_chart_hits_get_n_categories (hits);
  const char *title = bk_chart_get_title (chart);

  g_test_message ("%s (%s) at %d x %d: %u category labels", title, language, width, height, n);
  if (!has_categories (chart))
    g_assert_cmpuint (n, ==, 0);
  else if (has_bands (chart))
    g_assert_cmpuint (n, ==, bk_chart_get_kind (chart) == BK_CHART_KIND_WATERFALL
                               ? bk_chart_get_n_steps (chart)
                               : bk_chart_get_n_categories (chart));
  else if (bk_chart_get_kind (chart) == BK_CHART_KIND_TORNADO)
    g_assert_cmpuint (n, >=, 3);
  else
    g_assert_cmpuint (n, >=, 2);

  for (guint i = 0; i < n; i++)
    {
      cairo_rectangle_t a;
      guint index;
      gboolean cut;

      g_assert_true (bk_chart_hits_get_category (hits, i, &index, &a, &cut));
      if (cut)
        g_error ("%s (%s) at %d x %d: category %u is cut short", title, language, width, height, index);
      if (!inside (&a, width, height))
        g_error ("%s (%s) at %d x %d: category %u (%.1f, %.1f, %.1f x %.1f) is not inside the canvas",
                 title, language, width, height, index, a.x, a.y, a.width, a.height);
      for (guint p = 0; p < BK_CHART_N_PARTS; p++)
        {
          cairo_rectangle_t part;

          if (p != BK_CHART_PART_PLOT && bk_chart_hits_get_part (hits, p, &part) && overlap (&a, &part))
            g_error ("%s (%s) at %d x %d: category %u overlaps the %s", title, language, width, height,
                     index, part_names[p]);
        }
      for (guint j = i + 1; j < n; j++)
        {
          double ca[8], cb[8];

          g_assert_true (bk_chart_hits_get_category_corners (hits, i, ca));
          g_assert_true (bk_chart_hits_get_category_corners (hits, j, cb));
          if (quads_overlap (ca, cb))
            g_error ("%s (%s) at %d x %d: categories %u and %u overlap", title, language, width, height,
                     i, j);
        }
    }

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

typedef void (*SampleCheck) (BkChart    *chart,
                             int         width,
                             int         height,
                             const char *language);

/* @check on every chart of the sample at every export size, in English
 * and then in Chinese (the build tree's catalogues); @counts[0] and [1]
 * say how many charts of each language @count holds for */
static void
check_sample_in_both_languages (SampleCheck  check,
                                gboolean   (*count) (BkChart *chart),
                                guint        counts[2])
{
  const char *const languages[] = { "en", "zh_CN" };

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      g_autoptr(GPtrArray) charts = NULL;

      counts[l] = 0;
      if (l > 0)
        {
          g_setenv ("LANGUAGE", languages[l], TRUE);
          g_assert_nonnull (setlocale (LC_ALL, "zh_CN.UTF-8"));
        }
      charts = sample_charts ();
      for (guint i = 0; i < charts->len; i++)
        {
          BkChart *chart = g_ptr_array_index (charts, i);

          counts[l] += count (chart);
          for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
            check (chart, sizes[s].width, sizes[s].height, languages[l]);
        }
      /* The charts are in the language asked for */
      g_assert_cmpint (g_unichar_iswide (g_utf8_get_char (bk_chart_get_title (g_ptr_array_index (charts, 0)))),
                       ==, l > 0);
      setlocale (LC_ALL, "C.UTF-8");
      g_unsetenv ("LANGUAGE");
    }
}

/* The category labels of every chart of the sample, of every kind (the
 * tornado's drivers' names too), at every export size, in English and in
 * Chinese: whole, never cut with "…" ("Depreciati…", "其他运营…", "Price
 * per million …" once at 400 × 250) */
static void
test_sample_categories (void)
{
  guint n_kinds[2];

  check_sample_in_both_languages (check_sample_categories, has_categories, n_kinds);
  g_assert_cmpuint (n_kinds[0], >=, 10);
  g_assert_cmpuint (n_kinds[1], >=, 10);
}

/* Labels too long for one line and too close for two lines each side by
 * side: every other one (or every 5th…) is shown, whole, rather than all
 * of them cut with "…" */
static void
test_thinned_categories (void)
{
  const char *const names[] = { "Depreciation added back", "折旧加回后的自由现金流" };

  for (guint l = 0; l < G_N_ELEMENTS (names); l++)
    {
      g_autoptr(BkChart) chart = bk_chart_new (BK_CHART_KIND_BAR);
      g_autoptr(GPtrArray) categories = g_ptr_array_new_with_free_func (g_free);
      double values[12];
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 250);
      cairo_t *cr = cairo_create (surface);
      g_autoptr(BkChartHits) hits = NULL;
      guint n, every = 0;

      for (guint i = 0; i < G_N_ELEMENTS (values); i++)
        {
          g_ptr_array_add (categories, g_strdup_printf ("%s %u", names[l], i + 1));
          values[i] = i + 1;
        }
      g_ptr_array_add (categories, NULL);
      bk_chart_set_title (chart, "Thinned");
      bk_chart_set_categories (chart, (const char *const *) categories->pdata);
      bk_chart_add_series (chart, "Value", values, G_N_ELEMENTS (values));
      hits = bk_chart_render (chart, cr, 400, 250);

      n = bk_chart_hits_get_n_categories (hits);
      g_test_message ("%s: %u of %u labels", names[l], n, (guint) G_N_ELEMENTS (values));
      g_assert_cmpuint (n, >=, 2);
      g_assert_cmpuint (n, <, G_N_ELEMENTS (values));
      for (guint i = 0; i < n; i++)
        {
          guint index;
          gboolean cut;

          g_assert_true (bk_chart_hits_get_category (hits, i, &index, NULL, &cut));
          g_assert_false (cut);
          /* Every k-th, from the first */
          if (i == 1)
            every = index;
          g_assert_cmpuint (index, ==, i * every);
          for (guint j = i + 1; j < n; j++)
            {
              double ca[8], cb[8];

              g_assert_true (bk_chart_hits_get_category_corners (hits, i, ca));
              g_assert_true (bk_chart_hits_get_category_corners (hits, j, cb));
              g_assert_false (quads_overlap (ca, cb));
            }
        }
      g_assert_cmpuint (every, >, 1);

      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

/* The record of @name among the names @hits drew: whole, or cut with "…" */
static gboolean
find_name (BkChartHits *hits,
           const char  *name,
           gboolean    *cut)
{
  for (guint i = 0; i < bk_chart_hits_get_n_names (hits); i++)
    {
      const char *text;

      g_assert_true (bk_chart_hits_get_name (hits, i, &text, NULL, cut));
      if (g_strcmp0 (text, name) == 0)
        return TRUE;
    }
  return FALSE;
}

/* The sample's scenarios by the names given (NULL: as they are) */
static BkWorkbook *
sample_named (const char *const *names)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BkWorkbook) sample = bk_json_read_sample (&error);
  g_autofree char *json = NULL;
  g_autoptr(GString) text = NULL;
  BkWorkbook *workbook;

  g_assert_no_error (error);
  if (names == NULL)
    return g_steal_pointer (&sample);

  json = bk_json_write_workbook (sample);
  text = g_string_new (json);
  for (guint s = 1; s <= bk_workbook_get_n_scenarios (sample); s++)
    {
      g_autofree char *from = g_strdup_printf ("\"%s\"", bk_workbook_get_scenario_name (sample, s));
      g_autofree char *to = g_strdup_printf ("\"%s\"", names[s - 1]);

      g_assert_cmpuint (g_string_replace (text, from, to, 0), >, 0);
    }
  workbook = bk_json_read_workbook (text->str, (gssize) text->len, &error);
  g_assert_no_error (error);
  return workbook;
}

/* The scenarios' names are long ("Bear — short GPU life, price war"): the
 * compare chart's legend and the breakeven map's point labels show them
 * whole, wrapping or placed where they fit, in English and in Chinese,
 * at every export size from 400 × 250 up */
static void
test_names_whole (void)
{
  const char *const chinese[] = {
    "熊市——GPU 寿命短，价格战", "牛市——需求持续复合增长", "错失恐惧式资本开支",
  };
  const struct { int width, height; } whole_sizes[] = { { 400, 250 }, { 640, 400 }, { 1600, 1000 } };

  for (guint l = 0; l < 2; l++)
    {
      g_autoptr(BkWorkbook) workbook = sample_named (l == 0 ? NULL : chinese);
      g_autoptr(BkComparison) comparison = bk_comparison_new (workbook);
      g_autoptr(BkEngineInputs) inputs = bk_engine_inputs_new (workbook, 0);
      g_autoptr(BkBreakevenMap) map = NULL;
      g_autoptr(BkChart) compare = NULL;
      g_autoptr(BkChart) map_chart = NULL;
      g_autoptr(GError) error = NULL;
      BkBreakevenMapParams params;

      g_assert_cmpuint (bk_workbook_get_n_scenarios (workbook), ==, G_N_ELEMENTS (chinese));
      bk_breakeven_map_params_init (&params, BK_ASSUMPTION_PRICE_PER_MTOK, BK_ASSUMPTION_UTILIZATION);
      params.steps = 11;
      map = bk_breakeven_map_new (inputs, &params, &error);
      g_assert_no_error (error);
      compare = bk_chart_build_compare (workbook, comparison, BK_METRIC_NPV);
      map_chart = bk_chart_build_breakeven_map (workbook, 0, map);

      for (guint z = 0; z < G_N_ELEMENTS (whole_sizes); z++)
        for (guint k = 0; k < 2; k++)
          {
            BkChart *chart = k == 0 ? compare : map_chart;
            cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, whole_sizes[z].width,
                                                                   whole_sizes[z].height);
            cairo_t *cr = cairo_create (surface);
            g_autoptr(BkChartHits) hits = bk_chart_render (chart, cr, whole_sizes[z].width,
                                                           whole_sizes[z].height);
            guint drawn = 0;

            for (guint s = 0; s <= bk_workbook_get_n_scenarios (workbook); s++)
              {
                const char *name = bk_workbook_get_scenario_name (workbook, s);
                gboolean cut = TRUE;

                g_test_message ("%s at %d x %d: %s", k == 0 ? "compare" : "map",
                                whole_sizes[z].width, whole_sizes[z].height, name);
                if (!find_name (hits, name, &cut))
                  continue;
                g_assert_false (cut);
                drawn++;
              }
            /* The legend names every scenario; the sample's scenarios all
             * lie on the map */
            g_assert_cmpuint (drawn, ==, bk_workbook_get_n_scenarios (workbook) + 1);
            for (guint i = 0; i < bk_chart_hits_get_n_names (hits); i++)
              {
                gboolean cut;

                g_assert_true (bk_chart_hits_get_name (hits, i, NULL, NULL, &cut));
                g_assert_false (cut);
              }
            cairo_destroy (cr);
            cairo_surface_destroy (surface);
          }
    }
}

/* The boxes of the texts @hits recorded: the title, subtitle and source
 * line (@n_texts of them), then every name (legend entries, the map's
 * point labels); each whole, or the test fails */
static GArray *
whole_texts (BkChartHits *hits,
             const char  *what,
             guint       *n_texts)
{
  GArray *boxes = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));

  *n_texts = bk_chart_hits_get_n_texts (hits);
  for (guint i = 0; i < *n_texts; i++)
    {
      cairo_rectangle_t area;
      gboolean cut = TRUE;

      g_assert_true (bk_chart_hits_get_text (hits, i, &area, &cut));
      if (cut)
        g_error ("%s: heading %u (title, subtitle, source) is cut short", what, i);
      g_array_append_val (boxes, area);
    }
  for (guint i = 0; i < bk_chart_hits_get_n_names (hits); i++)
    {
      cairo_rectangle_t area;
      const char *text = NULL;
      gboolean cut = TRUE;

      g_assert_true (bk_chart_hits_get_name (hits, i, &text, &area, &cut));
      if (cut)
        g_error ("%s: the name “%s” is cut short", what, text);
      g_array_append_val (boxes, area);
    }
  return boxes;
}

/* Every heading and name of @chart at @width × @height whole, inside the
 * canvas and off each other; the map's point labels inside the plot, off
 * the points, one for each point */
static void
check_whole_chrome (BkChart    *chart,
                    int         width,
                    int         height,
                    const char *language)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(BkChartHits) hits = bk_chart_render (chart, cr, width, height);
  g_autofree char *what = g_strdup_printf ("%s (%s) at %d x %d", bk_chart_get_title (chart),
                                           language, width, height);
  guint n_texts;
  g_autoptr(GArray) boxes = whole_texts (hits, what, &n_texts);
  gboolean map = bk_chart_get_kind (chart) == BK_CHART_KIND_BREAKEVEN_MAP;
  cairo_rectangle_t plot;
  guint n_labels = 0;

  g_test_message ("%s: %u headings, %u names", what, n_texts, boxes->len - n_texts);
  /* The title, subtitle and source line are all there */
  g_assert_cmpuint (n_texts, ==, 3);
  g_assert_true (bk_chart_hits_get_plot_area (hits, &plot));

  for (guint i = 0; i < boxes->len; i++)
    {
      const cairo_rectangle_t *a = &g_array_index (boxes, cairo_rectangle_t, i);

      if (!inside (a, width, height))
        g_error ("%s: text %u (%.1f, %.1f, %.1f x %.1f) is not inside the canvas", what, i,
                 a->x, a->y, a->width, a->height);
      for (guint j = i + 1; j < boxes->len; j++)
        if (overlap (a, &g_array_index (boxes, cairo_rectangle_t, j)))
          g_error ("%s: texts %u and %u overlap", what, i, j);

      /* The map's point labels: the names in the plot */
      if (!map || i < n_texts || !overlap (a, &plot))
        continue;
      n_labels++;
      if (a->x < plot.x - SLACK || a->y < plot.y - SLACK || a->x + a->width > plot.x + plot.width + SLACK ||
          a->y + a->height > plot.y + plot.height + SLACK)
        g_error ("%s: point label %u is not inside the plot", what, i);
      for (guint m = 0; m < bk_chart_hits_get_n_marks (hits); m++)
        {
          cairo_rectangle_t mark;

          g_assert_true (bk_chart_hits_get_mark (hits, m, &mark));
          if (overlap (a, &mark))
            g_error ("%s: point label %u lies over point %u", what, i, m);
        }
    }
  /* A label for each scenario on the map, the base one's too */
  if (map)
    {
      g_assert_cmpuint (bk_chart_hits_get_n_marks (hits), ==, 4);
      g_assert_cmpuint (n_labels, ==, bk_chart_hits_get_n_marks (hits));
    }

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static gboolean
is_map (BkChart *chart)
{
  return bk_chart_get_kind (chart) == BK_CHART_KIND_BREAKEVEN_MAP;
}

/* Every chart of the sample, of every kind, at every export size, in
 * English and in Chinese: its title, subtitle, source line, legend
 * entries and the map's point labels whole, never cut with "…" (the
 * source line "…(hyperscalers and Chinese cloud, 2023–2027); Br…" and
 * "Bull — demand…" once at 400 × 250), and off each other */
static void
test_sample_chrome (void)
{
  guint n_maps[2];

  check_sample_in_both_languages (check_whole_chrome, is_map, n_maps);
  g_assert_cmpuint (n_maps[0], ==, 1);
  g_assert_cmpuint (n_maps[1], ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/layout/sample-charts", test_sample_charts);
  g_test_add_func ("/chart/layout/long-texts", test_long_texts);
  g_test_add_func ("/chart/layout/tornado-rows", test_tornado_rows);
  g_test_add_func ("/chart/layout/payback-labels", test_payback_labels);
  g_test_add_func ("/chart/layout/crowded-markers", test_crowded_markers);
  g_test_add_func ("/chart/layout/whole-categories", test_whole_categories);
  g_test_add_func ("/chart/layout/names-whole", test_names_whole);
  g_test_add_func ("/chart/layout/sample-categories", test_sample_categories);
  g_test_add_func ("/chart/layout/thinned-categories", test_thinned_categories);
  g_test_add_func ("/chart/layout/sample-chrome", test_sample_chrome);

  return g_test_run ();
}
