/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-chart-hits.c — the hit geometry a render returns: what is at x, y */

#include <glib.h>
#include <locale.h>
#include <math.h>

#include "bk-chart.h"
#include "bk-chart-export.h"

#define W 800
#define H 500

static const char * const years[] = { "2025", "2026", "2027", "2028", NULL };
static const double capex[] = { 20, 80, 40, 60 };
static const double opex[] = { 50, 10, 30, 70 };

static BkChart *
make_chart (BkChartKind kind)
{
  BkChart *chart = bk_chart_new (kind);

  bk_chart_set_title (chart, "Spend");
  bk_chart_set_unit (chart, BK_CHART_UNIT_USD_BILLIONS);
  bk_chart_set_categories (chart, years);
  bk_chart_add_series (chart, "Capex", capex, G_N_ELEMENTS (capex));
  bk_chart_add_series (chart, "Opex", opex, G_N_ELEMENTS (opex));
  return chart;
}

static BkChartHits *
render (BkChart *chart,
        int      width,
        int      height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);
  BkChartHits *hits = bk_chart_render (chart, cr, width, height);

  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  g_assert_true (BK_IS_CHART_HITS (hits));
  return hits;
}

/* Just above the zero line (the plot's bottom: all values are positive)
 * in the middle of category @i's band: inside its bars */
static void
band_foot (BkChartHits *hits,
           guint        i,
           double      *x,
           double      *y)
{
  cairo_rectangle_t plot;

  g_assert_true (bk_chart_hits_get_plot_area (hits, &plot));
  *x = plot.x + (i + 0.5) * plot.width / G_N_ELEMENTS (capex);
  *y = plot.y + plot.height - 3;
}

static void
test_bar (void)
{
  g_autoptr(BkChart) chart = make_chart (BK_CHART_KIND_STACKED_BAR);
  g_autoptr(BkChartHits) hits = render (chart, W, H);
  cairo_rectangle_t plot;

  g_assert_cmpfloat (bk_chart_hits_get_width (hits), ==, W);
  g_assert_cmpfloat (bk_chart_hits_get_height (hits), ==, H);
  g_assert_true (bk_chart_hits_get_plot_area (hits, &plot));
  g_assert_cmpfloat (plot.x, >, 0);
  g_assert_cmpfloat (plot.x + plot.width, <, W);

  /* At the foot of each column: the first series, its value there; the
   * tooltip points at that segment's top, above the pointer */
  for (guint i = 0; i < G_N_ELEMENTS (capex); i++)
    {
      BkChartHit hit = { 0 };
      double x, y;

      band_foot (hits, i, &x, &y);
      g_assert_true (bk_chart_hits_lookup (hits, x, y, &hit));
      g_assert_cmpuint (hit.series, ==, 0);
      g_assert_cmpuint (hit.index, ==, i);
      g_assert_cmpfloat (hit.value, ==, capex[i]);
      g_assert_cmpfloat (fabs (hit.x - x), <, 1);
      g_assert_cmpfloat (hit.y, <, y);

      /* Just above that segment's top: the second series */
      g_assert_true (bk_chart_hits_lookup (hits, x, hit.y - 2, &hit));
      g_assert_cmpuint (hit.series, ==, 1);
      g_assert_cmpuint (hit.index, ==, i);
      g_assert_cmpfloat (hit.value, ==, opex[i]);
    }

  /* Outside the bars, nothing: a corner, between columns, above them,
   * outside the render */
  {
    BkChartHit hit = { 7, 7, 7, 7, 7 };
    double x, y;

    band_foot (hits, 0, &x, &y);
    g_assert_false (bk_chart_hits_lookup (hits, 1, 1, &hit));
    g_assert_false (bk_chart_hits_lookup (hits, plot.x + plot.width / 4, y, &hit));
    g_assert_false (bk_chart_hits_lookup (hits, x, plot.y + 1, &hit));
    g_assert_false (bk_chart_hits_lookup (hits, -50, -50, NULL));
    g_assert_false (bk_chart_hits_lookup (hits, W + 50, y, NULL));
    /* …and the hit is left alone */
    g_assert_cmpuint (hit.series, ==, 7);
    g_assert_cmpfloat (hit.value, ==, 7);
  }

  /* The plot is not a legend entry; the legend's entries name their series */
  {
    guint found = 0;

    g_assert_false (bk_chart_hits_lookup_legend (hits, plot.x + plot.width / 2,
                                                 plot.y + plot.height / 2, NULL));
    for (int y = 0; y < H; y += 2)
      for (int x = (int) (plot.x + plot.width); x < W; x += 2)
        {
          guint series = G_MAXUINT;

          if (bk_chart_hits_lookup_legend (hits, x, y, &series))
            {
              g_assert_cmpuint (series, <, 2);
              found |= 1u << series;
            }
        }
    g_assert_cmphex (found, ==, 0x3);
  }
}

static void
test_line (void)
{
  g_autoptr(BkChart) chart = make_chart (BK_CHART_KIND_LINE);
  g_autoptr(BkChartHits) hits = render (chart, W, H);
  guint found = 0;

  /* Every point is found near it, and only there; at its anchor the
   * lookup gives that point itself */
  for (int y = 0; y < H; y += 3)
    for (int x = 0; x < W; x += 3)
      {
        BkChartHit hit, again;

        if (!bk_chart_hits_lookup (hits, x, y, &hit))
          continue;
        g_assert_cmpuint (hit.series, <, 2);
        g_assert_cmpuint (hit.index, <, 4);
        g_assert_cmpfloat (hit.value, ==, (hit.series == 0 ? capex : opex)[hit.index]);
        g_assert_cmpfloat (hypot (hit.x - x, hit.y - y), <=, 16.01);
        found |= 1u << (hit.series * 4 + hit.index);

        g_assert_true (bk_chart_hits_lookup (hits, hit.x, hit.y, &again));
        g_assert_cmpuint (again.series, ==, hit.series);
        g_assert_cmpuint (again.index, ==, hit.index);
      }
  g_assert_cmphex (found, ==, 0xff);
}

static void
test_donut (void)
{
  g_autoptr(BkChart) chart = bk_chart_new (BK_CHART_KIND_DONUT);
  double a = 0.75, b = 0.25;
  g_autoptr(BkChartHits) hits = NULL;
  cairo_rectangle_t ring;
  BkChartHit hit;
  double cx, cy, r;

  bk_chart_set_unit (chart, BK_CHART_UNIT_PERCENT);
  bk_chart_add_series (chart, "Chat", &a, 1);
  bk_chart_add_series (chart, "Code", &b, 1);
  hits = render (chart, W, H);

  g_assert_true (bk_chart_hits_get_plot_area (hits, &ring));
  g_assert_cmpfloat (ring.width, ==, ring.height);
  cx = ring.x + ring.width / 2;
  cy = ring.y + ring.height / 2;
  r = ring.width / 2 * 0.8;

  /* Clockwise from 12 o'clock: three quarters Chat, then Code */
  g_assert_true (bk_chart_hits_lookup (hits, cx + r, cy, &hit));
  g_assert_cmpuint (hit.series, ==, 0);
  g_assert_cmpfloat (hit.value, ==, 0.75);
  g_assert_true (bk_chart_hits_lookup (hits, cx - r * 0.7071, cy - r * 0.7071, &hit));
  g_assert_cmpuint (hit.series, ==, 1);
  g_assert_cmpfloat (hit.value, ==, 0.25);
  /* Not in the hole, not outside the ring */
  g_assert_false (bk_chart_hits_lookup (hits, cx, cy, NULL));
  g_assert_false (bk_chart_hits_lookup (hits, cx + ring.width, cy, NULL));
}

/* The hits are a snapshot of one render: the chart keeps none of it, and
 * later changes, renders elsewhere and exports leave it as it was. */
static void
test_snapshot (void)
{
  g_autoptr(BkChart) chart = make_chart (BK_CHART_KIND_BAR);
  g_autoptr(BkChartHits) first = render (chart, W, H);
  g_autoptr(BkChartHits) small = NULL;
  g_autoptr(BkChartHits) empty = NULL;
  g_autoptr(GBytes) png = NULL;
  cairo_rectangle_t before, after;
  BkChartHit hit;
  double x, y;

  g_assert_true (bk_chart_hits_get_plot_area (first, &before));
  band_foot (first, 1, &x, &y);

  small = render (chart, 300, 200);
  g_assert_true (small != first);
  g_assert_cmpfloat (bk_chart_hits_get_width (small), ==, 300);
  png = bk_chart_export_bytes (chart, BK_CHART_FORMAT_PNG, 1200, 700, 1, NULL);
  g_assert_nonnull (png);
  bk_chart_clear_series (chart);
  empty = render (chart, W, H);

  /* The first render's geometry is unchanged */
  g_assert_true (bk_chart_hits_get_plot_area (first, &after));
  g_assert_cmpfloat (after.x, ==, before.x);
  g_assert_cmpfloat (after.width, ==, before.width);
  g_assert_cmpfloat (after.height, ==, before.height);
  g_assert_true (bk_chart_hits_lookup (first, x - 10, y, &hit) ||
                 bk_chart_hits_lookup (first, x + 10, y, &hit));
  g_assert_cmpuint (hit.index, ==, 1);

  /* …while the chart without data has none */
  g_assert_false (bk_chart_hits_get_plot_area (empty, NULL));
  g_assert_false (bk_chart_hits_lookup (empty, x, y, NULL));
  g_assert_false (bk_chart_hits_lookup_legend (empty, W - 30, 40, NULL));
}

/* A category label's corners: level ones are their box, rotated ones go
 * round a rectangle at 45° inside it, touching each of its sides */
static void
test_category_corners (void)
{
  const char *const names[] = { "Revenue", "Depreciation added back", "Tax", NULL };
  const double values[] = { 10, 30, 20 };
  const int widths[] = { W, 160 };

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      g_autoptr(BkChart) chart = bk_chart_new (BK_CHART_KIND_BAR);
      g_autoptr(BkChartHits) hits = NULL;

      bk_chart_set_categories (chart, names);
      bk_chart_add_series (chart, "Value", values, G_N_ELEMENTS (values));
      hits = render (chart, widths[w], H);
      g_assert_cmpuint (bk_chart_hits_get_n_categories (hits), ==, 3);
      for (guint i = 0; i < 3; i++)
        {
          cairo_rectangle_t box;
          double p[8], x0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y0 = G_MAXDOUBLE, y1 = -G_MAXDOUBLE;

          g_assert_true (bk_chart_hits_get_category (hits, i, NULL, &box, NULL));
          g_assert_true (bk_chart_hits_get_category_corners (hits, i, p));
          for (guint k = 0; k < 4; k++)
            {
              double dx = p[(2 * k + 2) % 8] - p[2 * k], dy = p[(2 * k + 3) % 8] - p[2 * k + 1];

              x0 = MIN (x0, p[2 * k]);
              x1 = MAX (x1, p[2 * k]);
              y0 = MIN (y0, p[2 * k + 1]);
              y1 = MAX (y1, p[2 * k + 1]);
              /* Level (wide) or at 45° (narrow) */
              if (w == 0)
                g_assert_true (fabs (dx) < 1e-6 || fabs (dy) < 1e-6);
              else
                g_assert_cmpfloat (fabs (fabs (dx) - fabs (dy)), <, 1e-6);
            }
          g_assert_cmpfloat (fabs (box.x - x0), <, 1e-6);
          g_assert_cmpfloat (fabs (box.y - y0), <, 1e-6);
          g_assert_cmpfloat (fabs (box.x + box.width - x1), <, 1e-6);
          g_assert_cmpfloat (fabs (box.y + box.height - y1), <, 1e-6);
        }
      g_assert_false (bk_chart_hits_get_category_corners (hits, 3, (double[8]) { 0 }));
    }
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/hits/bar", test_bar);
  g_test_add_func ("/chart/hits/line", test_line);
  g_test_add_func ("/chart/hits/donut", test_donut);
  g_test_add_func ("/chart/hits/snapshot", test_snapshot);
  g_test_add_func ("/chart/hits/category-corners", test_category_corners);

  return g_test_run ();
}
