/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-chart-kinds.c — the analysis kinds (tornado, breakeven map, fan,
 * histogram) by pixels, hits, SVG and their data API, empty and
 * degenerate data included */

#include <glib.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "bk-chart.h"
#include "bk-test-chart.h"
#include "bk-chart-export.h"

#define W 800
#define H 500

static const char * const years[] = { "2025", "2026", "2027", "2028", "2029", NULL };

/* Pixels */

static int
channel (guint32 rgb,
         int     shift)
{
  return (int) ((rgb >> shift) & 0xff);
}

#define RED(rgb)   channel (rgb, 16)
#define BLUE(rgb)  channel (rgb, 0)

static guint32
pixel (cairo_surface_t *surface,
       double           x,
       double           y)
{
  unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int ix = (int) floor (x), iy = (int) floor (y);

  g_assert_cmpint (ix, >=, 0);
  g_assert_cmpint (iy, >=, 0);
  g_assert_cmpint (ix, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (iy, <, cairo_image_surface_get_height (surface));
  return *(guint32 *) (data + iy * stride + ix * 4) & 0xffffff;
}

static gboolean
near (guint32 a,
      guint32 b,
      int     tolerance)
{
  for (int shift = 0; shift <= 16; shift += 8)
    if (ABS (channel (a, shift) - channel (b, shift)) > tolerance)
      return FALSE;
  return TRUE;
}

/* Where the last render() drew what */
static BkChartHits *last_hits;

static cairo_rectangle_t
plot_area (void)
{
  cairo_rectangle_t r;

  g_assert_true (bk_chart_hits_get_plot_area (last_hits, &r));
  return r;
}

static cairo_surface_t *
render (BkChart *chart,
        int      width,
        int      height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);

  g_clear_object (&last_hits);
  last_hits = bk_chart_render (chart, cr, width, height);
  g_assert_nonnull (last_hits);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  if (g_test_verbose ())
    {
      static guint counter;
      g_autofree char *name = g_strdup_printf ("test%s-%u.png", g_test_get_path (), ++counter);
      g_autofree char *path = g_build_filename (g_get_tmp_dir (), g_strdelimit (name, "/", '-'), NULL);
      cairo_surface_write_to_png (surface, path);
      g_test_message ("wrote %s", path);
    }

  return surface;
}

/* The run of @rgb along row @y inside the plot: first and last column */
static gboolean
find_run (cairo_surface_t *surface,
          guint32          rgb,
          double           y,
          int             *x0,
          int             *x1)
{
  cairo_rectangle_t plot = plot_area ();

  *x0 = -1;
  for (int x = (int) plot.x; x < (int) (plot.x + plot.width); x++)
    if (near (pixel (surface, x, y), rgb, 2))
      {
        if (*x0 < 0)
          *x0 = x;
        *x1 = x;
      }
  return *x0 >= 0;
}

/* Ink that is not the background in the box */
static guint
count_ink (cairo_surface_t *surface,
           guint32          bg,
           int              x0,
           int              y0,
           int              x1,
           int              y1)
{
  guint n = 0;

  for (int y = y0; y <= y1; y++)
    for (int x = x0; x <= x1; x++)
      if (!near (pixel (surface, x, y), bg, 40))
        n++;
  return n;
}

/* Charts of each kind */

static BkChart *
make_tornado (void)
{
  BkChart *chart = bk_chart_new (BK_CHART_KIND_TORNADO);

  bk_chart_set_title (chart, "What moves NPV");
  bk_chart_set_unit (chart, BK_CHART_UNIT_USD_BILLIONS);
  bk_chart_set_base_value (chart, 10);
  bk_chart_add_swing (chart, "Price per M tokens", -30, 60, "$1.60", "$2.40");
  bk_chart_add_swing (chart, "Price decline", 40, -10, "24%", "36%");
  bk_chart_add_swing (chart, "GPU life", 0, 20, NULL, NULL);
  bk_chart_set_axis (chart, BK_CHART_AXIS_X, "Total NPV", BK_CHART_UNIT_USD_BILLIONS);
  return chart;
}

enum { GRID_N = 21 };

/* metric = x − y over 0..1 × 0..1, target 0: the contour is the diagonal */
static BkChart *
make_map (void)
{
  BkChart *chart = bk_chart_new (BK_CHART_KIND_BREAKEVEN_MAP);
  double xs[GRID_N], ys[GRID_N], grid[GRID_N * GRID_N];
  const double diagonal[] = { 0, 0, 1, 1 };

  for (guint i = 0; i < GRID_N; i++)
    xs[i] = ys[i] = i / (double) (GRID_N - 1);
  for (guint j = 0; j < GRID_N; j++)
    for (guint i = 0; i < GRID_N; i++)
      grid[j * GRID_N + i] = xs[i] - ys[j];

  bk_chart_set_title (chart, "Breakeven");
  bk_chart_set_unit (chart, BK_CHART_UNIT_USD_BILLIONS);
  bk_chart_set_axis (chart, BK_CHART_AXIS_X, "Price", BK_CHART_UNIT_NUMBER);
  bk_chart_set_axis (chart, BK_CHART_AXIS_Y, "Utilization", BK_CHART_UNIT_PERCENT);
  bk_chart_set_grid (chart, GRID_N, xs, GRID_N, ys, grid);
  bk_chart_set_target (chart, 0, "NPV = 0");
  bk_chart_add_contour (chart, 2, diagonal);
  bk_chart_add_point (chart, 0.5, 0.25, "Base", TRUE);
  bk_chart_add_point (chart, 0.2, 0.9, "Bear", FALSE);
  return chart;
}

static const double fan_p[BK_CHART_N_PERCENTILES][5] = {
  { -50, -60, -40, -20, 0 },
  { -30, -30, -10, 10, 30 },
  { -20, -15, 5, 30, 50 },
  { -10, 0, 20, 50, 70 },
  { 10, 30, 50, 80, 100 },
};

static BkChart *
make_fan (void)
{
  BkChart *chart = bk_chart_new (BK_CHART_KIND_FAN);

  bk_chart_set_title (chart, "Cumulative FCF");
  bk_chart_set_unit (chart, BK_CHART_UNIT_USD_BILLIONS);
  bk_chart_set_categories (chart, years);
  bk_chart_set_fan (chart, 5, fan_p[0], fan_p[1], fan_p[2], fan_p[3], fan_p[4]);
  return chart;
}

static BkChart *
make_histogram (void)
{
  BkChart *chart = bk_chart_new (BK_CHART_KIND_HISTOGRAM);
  const double edges[] = { -20, -10, 0, 10, 20, 30 };
  const double counts[] = { 1, 3, 5, 2, 0 };

  bk_chart_set_title (chart, "NPV over 11 trials");
  bk_chart_set_unit (chart, BK_CHART_UNIT_USD_BILLIONS);
  bk_chart_set_axis (chart, BK_CHART_AXIS_Y, "Trials", BK_CHART_UNIT_NUMBER);
  bk_chart_set_bins (chart, 5, edges, counts);
  bk_chart_add_value_marker (chart, 0, "NPV = 0");
  bk_chart_add_value_marker (chart, 7, "Mean");
  return chart;
}

static BkChart *
make_kind (BkChartKind kind)
{
  switch (kind)
    {
    case BK_CHART_KIND_TORNADO:
      return make_tornado ();
    case BK_CHART_KIND_BREAKEVEN_MAP:
      return make_map ();
    case BK_CHART_KIND_FAN:
      return make_fan ();
    case BK_CHART_KIND_HISTOGRAM:
      return make_histogram ();
    default:
      g_assert_not_reached ();
    }
}

static const BkChartKind kinds[] = {
  BK_CHART_KIND_TORNADO, BK_CHART_KIND_BREAKEVEN_MAP, BK_CHART_KIND_FAN, BK_CHART_KIND_HISTOGRAM,
};

/* Tornado */

static void
test_tornado (void)
{
  g_autoptr(BkChart) chart = make_tornado ();
  guint32 low = bk_test_chart_palette (BK_CHART_THEME_LIGHT, 0), high = bk_test_chart_palette (BK_CHART_THEME_LIGHT, 1);
  cairo_surface_t *surface = render (chart, W, H);
  cairo_rectangle_t plot = plot_area ();
  double rh = plot.height / 3;
  int l0, l1, h0, h1;
  BkChartHit hit;
  g_autofree char *text = NULL;

  /* Row 1: low to the left of the base, high to the right, 40 : 50 */
  g_assert_true (find_run (surface, low, plot.y + rh / 2, &l0, &l1));
  g_assert_true (find_run (surface, high, plot.y + rh / 2, &h0, &h1));
  g_assert_cmpint (l1, <, h0);
  g_assert_cmpint (h0 - l1, <=, 3);  /* the base line between them */
  g_assert_cmpfloat_with_epsilon ((l1 - l0 + 1.0) / (h1 - h0 + 1.0), 40.0 / 50.0, 0.05);

  /* Row 2 the other way round: the high value lowers the metric */
  {
    int m0, m1, n0, n1;

    g_assert_true (find_run (surface, low, plot.y + rh * 1.5, &m0, &m1));
    g_assert_true (find_run (surface, high, plot.y + rh * 1.5, &n0, &n1));
    g_assert_cmpint (n1, <, m0);
    g_assert_cmpint (ABS (n1 - l1), <=, 2);  /* both start at the base */
    g_assert_cmpfloat_with_epsilon ((m1 - m0 + 1.0) / (l1 - l0 + 1.0), 30.0 / 40.0, 0.05);
  }

  /* Hover over the first row's low bar: the driver and the metric */
  g_assert_true (bk_chart_hits_lookup (last_hits, (l0 + l1) / 2.0, plot.y + rh / 2, &hit));
  g_assert_cmpuint (hit.series, ==, 0);
  g_assert_cmpuint (hit.index, ==, 0);
  g_assert_cmpfloat (hit.value, ==, -30);
  text = bk_chart_describe_hit (chart, &hit);
  g_assert_nonnull (strstr (text, "Price per M tokens"));
  g_assert_nonnull (strstr (text, "$1.60"));
  g_assert_nonnull (strstr (text, "$30B"));
  g_clear_pointer (&text, g_free);

  g_assert_true (bk_chart_hits_lookup (last_hits, (h0 + h1) / 2.0, plot.y + rh / 2, &hit));
  g_assert_cmpuint (hit.series, ==, 1);
  g_assert_cmpfloat (hit.value, ==, 60);

  /* Without input labels, the tooltip names the side */
  g_assert_true (find_run (surface, high, plot.y + rh * 2.5, &h0, &h1));
  g_assert_true (bk_chart_hits_lookup (last_hits, (h0 + h1) / 2.0, plot.y + rh * 2.5, &hit));
  g_assert_cmpuint (hit.index, ==, 2);
  text = bk_chart_describe_hit (chart, &hit);
  g_assert_nonnull (strstr (text, "GPU life"));
  g_assert_nonnull (strstr (text, "$20B"));

  /* The driver names stand left of the plot */
  g_assert_cmpuint (count_ink (surface, 0xffffff, 0, (int) plot.y, (int) plot.x - 12,
                               (int) (plot.y + plot.height)), >, 200);
  cairo_surface_destroy (surface);
}

/* Map */

/* The pixel of data point (x, y) of make_map(): cells reach half a step
 * past the first and last points */
static void
map_pixel (double  x,
           double  y,
           double *px,
           double *py)
{
  cairo_rectangle_t plot = plot_area ();
  double half = 0.5 / (GRID_N - 1);

  *px = plot.x + plot.width * (x + half) / (1 + 2 * half);
  *py = plot.y + plot.height * (1 + half - y) / (1 + 2 * half);
}

static void
check_map (BkChartTheme theme)
{
  g_autoptr(BkChart) chart = make_map ();
  guint32 ink = theme == BK_CHART_THEME_LIGHT ? 0x1e1e1e : 0xffffff;
  cairo_surface_t *surface;
  double px, py;

  bk_chart_set_theme (chart, theme);
  surface = render (chart, W, H);

  /* The contour runs along the diagonal */
  for (double t = 0.1; t < 0.95; t += 0.2)
    {
      map_pixel (t, t, &px, &py);
      g_assert_true (near (pixel (surface, px, py), ink, 60));
    }

  /* Above the target (x > y) blue, below it red, near it pale or dark */
  map_pixel (0.9, 0.1, &px, &py);
  g_assert_cmpint (BLUE (pixel (surface, px, py)), >, RED (pixel (surface, px, py)) + 60);
  map_pixel (0.1, 0.6, &px, &py);
  g_assert_cmpint (RED (pixel (surface, px, py)), >, BLUE (pixel (surface, px, py)) + 60);
  map_pixel (0.5, 0.45, &px, &py);
  g_assert_cmpint (ABS (RED (pixel (surface, px, py)) - BLUE (pixel (surface, px, py))), <, 40);

  /* The current scenario's point is filled with ink */
  map_pixel (0.5, 0.25, &px, &py);
  g_assert_true (near (pixel (surface, px, py), ink, 10));

  /* Hover over a cell: its x, y and metric */
  {
    BkChartHit hit;
    g_autofree char *text = NULL;
    double x, y, v;

    map_pixel (0.8, 0.2, &px, &py);
    g_assert_true (bk_chart_hits_lookup (last_hits, px, py, &hit));
    g_assert_cmpuint (hit.index, ==, 4 * GRID_N + 16);
    g_assert_cmpfloat_with_epsilon (hit.value, 0.6, 1e-12);
    g_assert_true (bk_chart_get_grid_cell (chart, hit.index, &x, &y, &v));
    g_assert_cmpfloat (x, ==, 0.8);
    g_assert_cmpfloat (y, ==, 0.2);
    g_assert_cmpfloat (v, ==, hit.value);
    text = bk_chart_describe_hit (chart, &hit);
    g_assert_nonnull (strstr (text, "Price: 0.8"));
    g_assert_nonnull (strstr (text, "Utilization: 20%"));
    g_assert_nonnull (strstr (text, "$0.6B"));
    g_assert_false (bk_chart_get_grid_cell (chart, GRID_N * GRID_N, NULL, NULL, NULL));
  }

  /* Beside the plot, the colour scale: blue at its top, red at its foot */
  {
    cairo_rectangle_t plot = plot_area ();
    double bx = plot.x + plot.width + 25;
    guint32 top = pixel (surface, bx, plot.y + 3);
    guint32 foot = pixel (surface, bx, plot.y + plot.height - 3);

    g_assert_cmpint (BLUE (top), >, RED (top) + 60);
    g_assert_cmpint (RED (foot), >, BLUE (foot) + 60);
  }

  cairo_surface_destroy (surface);
}

static void
test_map (void)
{
  check_map (BK_CHART_THEME_LIGHT);
  check_map (BK_CHART_THEME_DARK);
}

/* The colour at the middle of each of the three cells of a 3 × 1 map */
static void
cell_colors (BkChart *chart,
             guint32  colors[3])
{
  cairo_surface_t *surface = render (chart, W, H);
  cairo_rectangle_t plot = plot_area ();
  gboolean seen[3] = { FALSE, FALSE, FALSE };

  for (double x = plot.x + 1; x < plot.x + plot.width; x += 2)
    {
      BkChartHit hit;

      if (bk_chart_hits_lookup (last_hits, x, plot.y + plot.height * 0.4, &hit) && !seen[hit.index])
        {
          g_assert_cmpuint (hit.index, <, 3);
          seen[hit.index] = TRUE;
          colors[hit.index] = pixel (surface, hit.x, hit.y);
        }
    }
  g_assert_true (seen[0] && seen[1] && seen[2]);
  cairo_surface_destroy (surface);
}

/* Evenly spaced grids are drawn as a scaled image on raster surfaces,
 * others (and every grid on SVG and PDF) as paths: the same colours */
static void
test_map_paths_and_image (void)
{
  g_autoptr(BkChart) chart = bk_chart_new (BK_CHART_KIND_BREAKEVEN_MAP);
  const double even[] = { 0, 0.5, 1 }, uneven[] = { 0, 0.1, 1 }, y[] = { 0 };
  const double values[] = { -1, 0.5, 1 };
  guint32 a[3], b[3];

  bk_chart_set_grid (chart, 3, even, 1, y, values);
  cell_colors (chart, a);
  bk_chart_set_grid (chart, 3, uneven, 1, y, values);
  cell_colors (chart, b);
  for (guint i = 0; i < 3; i++)
    g_assert_true (near (a[i], b[i], 1));
  g_assert_cmpint (RED (a[0]), >, BLUE (a[0]) + 60);
  g_assert_cmpint (BLUE (a[2]), >, RED (a[2]) + 60);
  /* Halfway to the top of the scale: paler than the top */
  g_assert_cmpint (RED (a[1]), >, RED (a[2]) + 40);
}

/* Blank cells, one cell, an all-equal grid */
static void
test_map_degenerate (void)
{
  g_autoptr(BkChart) chart = make_map ();
  double xs[3] = { 1, 2, 3 }, ys[2] = { 10, 20 };
  double values[6] = { 1, NAN, 3, 4, 5, NAN };
  double same[6] = { 7, 7, 7, 7, 7, 7 };
  cairo_surface_t *surface;
  cairo_rectangle_t plot;
  BkChartHit hit;

  bk_chart_clear_contours (chart);
  bk_chart_clear_points (chart);
  bk_chart_set_grid (chart, 3, xs, 2, ys, values);
  surface = render (chart, W, H);
  plot = plot_area ();
  /* The blank cell (2, 10) shows the background, and no hit (off the
   * grid lines at 2.0 and 10) */
  {
    double px = plot.x + plot.width * 0.55, py = plot.y + plot.height * 0.7;

    g_assert_cmphex (pixel (surface, px, py), ==, 0xffffff);
    g_assert_false (bk_chart_hits_lookup (last_hits, px, py, &hit));
    g_assert_true (bk_chart_hits_lookup (last_hits, plot.x + plot.width / 6, py, &hit));
    g_assert_cmpfloat (hit.value, ==, 1);
  }
  cairo_surface_destroy (surface);

  bk_chart_set_grid (chart, 3, xs, 2, ys, same);
  cairo_surface_destroy (render (chart, W, H));
  g_assert_true (bk_chart_hits_lookup (last_hits, plot.x + plot.width / 2, plot.y + plot.height / 2, &hit));
  g_assert_cmpfloat (hit.value, ==, 7);

  bk_chart_set_grid (chart, 1, xs, 1, ys, same);
  cairo_surface_destroy (render (chart, W, H));
  g_assert_true (bk_chart_get_grid_cell (chart, 0, NULL, NULL, NULL));

  /* All blank: nothing to show */
  {
    double blank[1] = { NAN };

    bk_chart_set_grid (chart, 1, xs, 1, ys, blank);
    cairo_surface_destroy (render (chart, W, H));
    g_assert_false (bk_chart_hits_get_plot_area (last_hits, NULL));
  }

  /* Axes that do not ascend are refused */
  {
    double down[3] = { 3, 2, 1 };

    g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*ascending*");
    bk_chart_set_grid (chart, 3, down, 2, ys, values);
    g_test_assert_expected_messages ();
    g_assert_true (bk_chart_get_grid_cell (chart, 0, NULL, NULL, NULL));
  }
}

/* Fan */

static void
check_fan (BkChartTheme theme)
{
  g_autoptr(BkChart) chart = make_fan ();
  guint32 hue = bk_test_chart_palette (theme, 0), bg = bk_test_chart_background (theme);
  guint32 outer = bk_test_chart_mix (bg, hue, 0.22), inner = bk_test_chart_mix (outer, hue, 0.40);
  cairo_surface_t *surface;
  cairo_rectangle_t plot;
  BkChartHit a, b;
  double x, scale, offset;

  bk_chart_set_theme (chart, theme);
  surface = render (chart, W, H);
  plot = plot_area ();

  /* The anchors of two periods give the value axis: y = offset − scale v */
  g_assert_true (bk_chart_hits_lookup (last_hits, plot.x + plot.width * 0.05, plot.y + 5, &a));
  g_assert_true (bk_chart_hits_lookup (last_hits, plot.x + plot.width * 0.95, plot.y + 5, &b));
  g_assert_cmpuint (a.index, ==, 0);
  g_assert_cmpuint (b.index, ==, 4);
  g_assert_cmpfloat (a.value, ==, -20);
  g_assert_cmpfloat (b.value, ==, 50);
  scale = (a.y - b.y) / (b.value - a.value);
  offset = a.y + scale * a.value;

  /* At the middle period (p5 −40, p25 −10, p50 5, p75 20, p95 50) */
  g_assert_true (bk_chart_hits_lookup (last_hits, (a.x + b.x) / 2, plot.y + 5, &a));
  g_assert_cmpuint (a.index, ==, 2);
  x = a.x;
  g_assert_true (near (pixel (surface, x, offset - scale * 35), outer, 3));
  g_assert_true (near (pixel (surface, x, offset - scale * -25), outer, 3));
  g_assert_true (near (pixel (surface, x, offset - scale * 14), inner, 3));
  g_assert_true (near (pixel (surface, x, offset - scale * -4), inner, 3));
  g_assert_true (near (pixel (surface, x, offset - scale * 5), hue, 10));
  g_assert_true (near (pixel (surface, x, offset - scale * 57), bg, 3));
  g_assert_false (near (pixel (surface, x, offset - scale * -48), outer, 3));

  /* The tooltip tells the bands */
  {
    g_autofree char *text = bk_chart_describe_hit (chart, &a);

    g_assert_nonnull (strstr (text, "2027"));
    g_assert_nonnull (strstr (text, "$5B"));
    g_assert_nonnull (strstr (text, "\xe2\x88\x92$40B"));
    g_assert_nonnull (strstr (text, "$50B"));
  }

  cairo_surface_destroy (surface);
}

static void
test_fan (void)
{
  check_fan (BK_CHART_THEME_LIGHT);
  check_fan (BK_CHART_THEME_DARK);
}

/* A period without percentiles breaks the bands; one period draws */
static void
test_fan_degenerate (void)
{
  g_autoptr(BkChart) chart = make_fan ();
  double p[BK_CHART_N_PERCENTILES][5];
  BkChartHit hit;
  cairo_rectangle_t plot;

  memcpy (p, fan_p, sizeof p);
  p[BK_CHART_P25][2] = NAN;
  bk_chart_set_fan (chart, 5, p[0], p[1], p[2], p[3], p[4]);
  cairo_surface_destroy (render (chart, W, H));
  plot = plot_area ();
  g_assert_true (bk_chart_hits_lookup (last_hits, plot.x + plot.width / 4, plot.y + 5, &hit));
  g_assert_cmpuint (hit.index, ==, 1);
  g_assert_false (bk_chart_hits_lookup (last_hits, plot.x + plot.width / 2, plot.y + 5, &hit));
  g_assert_true (isnan (bk_chart_get_fan_value (chart, BK_CHART_P25, 2)));
  g_assert_true (isnan (bk_chart_get_fan_value (chart, BK_CHART_P25, 9)));

  bk_chart_set_fan (chart, 1, p[0], p[1], p[2], p[3], p[4]);
  cairo_surface_destroy (render (chart, W, H));
  g_assert_true (bk_chart_hits_get_plot_area (last_hits, NULL));
}

/* Histogram */

static void
test_histogram (void)
{
  g_autoptr(BkChart) chart = make_histogram ();
  guint32 bin = bk_test_chart_palette (BK_CHART_THEME_LIGHT, 0);
  cairo_surface_t *surface = render (chart, W, H);
  cairo_rectangle_t plot = plot_area ();
  double base_y = plot.y + plot.height - 2;
  int x0, x1, tops[4];
  BkChartHit hit[4];

  /* Four bars (the empty bin has none) side by side */
  g_assert_true (find_run (surface, bin, base_y, &x0, &x1));
  for (guint i = 0; i < 4; i++)
    {
      double x = x0 + (x1 - x0) * (i + 0.5) / 4;

      g_assert_true (bk_chart_hits_lookup (last_hits, x, plot.y + 5, &hit[i]));
      g_assert_cmpuint (hit[i].index, ==, i);
      tops[i] = (int) plot.y;
      while (!near (pixel (surface, x, tops[i]), bin, 2))
        tops[i]++;
    }
  /* Heights follow the counts 1, 3, 5, 2 */
  for (guint i = 0; i < 4; i++)
    g_assert_cmpfloat_with_epsilon ((base_y - tops[i]) / (base_y - tops[2]), hit[i].value / 5.0, 0.03);

  /* Contiguous: from −$20B to $20B over a quarter of the x axis each */
  g_assert_cmpfloat_with_epsilon ((hit[1].x - hit[0].x) * 4, x1 - x0 + 1, 4);

  /* The zero marker: a dashed line of ink between bins 1 and 2 */
  {
    double mx = (hit[1].x + hit[2].x) / 2;
    guint ink = 0;

    for (int y = (int) plot.y; y < (int) (plot.y + plot.height); y++)
      for (int dx = -1; dx <= 1; dx++)
        if (near (pixel (surface, mx + dx, y), 0x1e1e1e, 60))
          ink++;
    g_assert_cmpuint (ink, >, plot.height / 4);
  }

  {
    g_autofree char *text = bk_chart_describe_hit (chart, &hit[2]);

    g_assert_nonnull (strstr (text, "$0 to $10B"));
    g_assert_nonnull (strstr (text, "Trials: 5"));
  }
  cairo_surface_destroy (surface);
}

static void
test_histogram_degenerate (void)
{
  g_autoptr(BkChart) chart = bk_chart_new (BK_CHART_KIND_HISTOGRAM);
  const double edges[] = { 4.5, 4.5000001 };
  const double one[] = { 10000 };
  const double zero[] = { 0, 0 };
  const double two_edges[] = { -1, 0, 1 };
  BkChartHit hit;
  cairo_rectangle_t plot;

  /* One narrow bin, a marker far from it */
  bk_chart_set_bins (chart, 1, edges, one);
  bk_chart_add_value_marker (chart, -100, "P5");
  cairo_surface_destroy (render (chart, W, H));
  plot = plot_area ();
  g_assert_cmpuint (bk_chart_get_n_bins (chart), ==, 1);
  bk_chart_clear_value_markers (chart);

  /* Every count zero */
  bk_chart_set_bins (chart, 2, two_edges, zero);
  cairo_surface_destroy (render (chart, W, H));
  plot = plot_area ();
  g_assert_true (bk_chart_hits_lookup (last_hits, plot.x + plot.width / 2 - 5, plot.y + 5, &hit));
  g_assert_cmpfloat (hit.value, ==, 0);
  cairo_surface_destroy (render (chart, 60, 40));
}

/* Markers close together (P5, the mean, P95 of a narrow run): every one
 * keeps its label, none over another */
static void
test_histogram_close_labels (void)
{
  g_autoptr(BkChart) chart = make_histogram ();
  const char *names[] = { "NPV = 0", "Mean", "P5", "P95" };
  gboolean seen[4] = { FALSE };

  bk_chart_clear_value_markers (chart);
  bk_chart_add_value_marker (chart, 0, names[0]);
  bk_chart_add_value_marker (chart, 7, names[1]);
  bk_chart_add_value_marker (chart, 6.5, names[2]);
  bk_chart_add_value_marker (chart, 7.5, names[3]);
  cairo_surface_destroy (render (chart, W, H));

  g_assert_cmpuint (bk_chart_hits_get_n_labels (last_hits), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      cairo_rectangle_t a, b;
      guint marker;

      g_assert_true (bk_chart_hits_get_label (last_hits, i, &marker, &a));
      g_assert_cmpuint (marker, <, 4);
      seen[marker] = TRUE;
      g_assert_cmpfloat (a.width, >, 0);
      g_assert_cmpfloat (a.y, >=, 0);
      for (guint j = 0; j < i; j++)
        {
          g_assert_true (bk_chart_hits_get_label (last_hits, j, NULL, &b));
          g_assert_true (a.x + a.width <= b.x || b.x + b.width <= a.x
                         || a.y + a.height <= b.y || b.y + b.height <= a.y);
        }
    }
  for (guint i = 0; i < 4; i++)
    g_assert_true (seen[i]);
}

/* Every kind */

static void
test_themes (void)
{
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (BkChartTheme theme = BK_CHART_THEME_LIGHT; theme <= BK_CHART_THEME_DARK; theme++)
      {
        g_autoptr(BkChart) chart = make_kind (kinds[k]);
        guint32 bg = bk_test_chart_background (theme);
        cairo_surface_t *surface;
        cairo_rectangle_t plot;

        bk_chart_set_theme (chart, theme);
        surface = render (chart, W, H);
        plot = plot_area ();
        g_assert_cmphex (pixel (surface, 2, 2), ==, bg);
        g_assert_cmphex (pixel (surface, W - 3, H - 3), ==, bg);
        /* The title in the theme's text colour */
        g_assert_cmpuint (count_ink (surface, bg, 0, 0, W / 2, 40), >, 100);
        /* Data inside the plot */
        g_assert_cmpuint (count_ink (surface, bg, (int) plot.x, (int) plot.y,
                                     (int) (plot.x + plot.width) - 1,
                                     (int) (plot.y + plot.height) - 1), >, 2000);
        cairo_surface_destroy (surface);
      }
}

static void
test_empty (void)
{
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(BkChart) chart = bk_chart_new (kinds[k]);
      /* Another kind's data does not count */
      double v[] = { 1, 2, 3 };
      cairo_surface_t *surface;

      bk_chart_add_series (chart, "Series", v, 3);
      bk_chart_set_categories (chart, years);
      surface = render (chart, W, H);
      g_assert_cmpuint (count_ink (surface, 0xffffff, W / 4, H / 2 - 20, 3 * W / 4, H / 2 + 20), >, 50);
      g_assert_false (bk_chart_hits_get_plot_area (last_hits, NULL));
      g_assert_false (bk_chart_hits_lookup (last_hits, W / 2.0, H / 2.0, NULL));
      cairo_surface_destroy (surface);
    }

  /* …and the same notice as an empty line chart */
  {
    g_autoptr(BkChart) line = bk_chart_new (BK_CHART_KIND_LINE);
    g_autoptr(BkChart) fan = bk_chart_new (BK_CHART_KIND_FAN);
    cairo_surface_t *a = render (line, W, H);
    cairo_surface_t *b = render (fan, W, H);

    g_assert_cmpmem (cairo_image_surface_get_data (a), cairo_image_surface_get_stride (a) * H,
                     cairo_image_surface_get_data (b), cairo_image_surface_get_stride (b) * H);
    cairo_surface_destroy (a);
    cairo_surface_destroy (b);
  }
}

/* Odd data and odd sizes never crash */
static void
test_degenerate (void)
{
  g_autoptr(BkChart) tornado = bk_chart_new (BK_CHART_KIND_TORNADO);
  const int sizes[][2] = { { 1, 1 }, { 30, 20 }, { 120, 80 }, { 400, 250 }, { 2000, 60 } };

  /* No base, a NAN, a zero swing */
  bk_chart_add_swing (tornado, "A", NAN, 5, "lo", "hi");
  bk_chart_add_swing (tornado, "B", 0, 0, NULL, NULL);
  cairo_surface_destroy (render (tornado, W, H));
  g_assert_true (bk_chart_hits_get_plot_area (last_hits, NULL));
  g_assert_cmpuint (bk_chart_get_n_swings (tornado), ==, 2);
  g_assert_true (isnan (bk_chart_get_base_value (tornado)));

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      {
        g_autoptr(BkChart) chart = make_kind (kinds[k]);

        bk_chart_set_legend_position (chart, s % 2 ? BK_CHART_LEGEND_BOTTOM : BK_CHART_LEGEND_RIGHT);
        cairo_surface_destroy (render (chart, sizes[s][0], sizes[s][1]));
      }
}

static void
test_svg (void)
{
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(BkChart) chart = make_kind (kinds[k]);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = bk_chart_export_bytes (chart, BK_CHART_FORMAT_SVG, W, H, 1, &error);
      g_autofree char *text = NULL;
      guint paths = 0;

      g_assert_no_error (error);
      text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      g_assert_true (g_str_has_prefix (text, "<?xml"));
      g_assert_nonnull (strstr (text, "<svg"));
      g_assert_nonnull (strstr (text, "width=\"800\""));
      g_assert_nonnull (strstr (text, "</svg>"));
      /* Vectors only */
      g_assert_null (strstr (text, "<image"));
      for (const char *p = text; (p = strstr (p, "<path")) != NULL; p++)
        paths++;
      g_assert_cmpuint (paths, >, 10);
    }

  /* The map fills its cells a colour at a time, not a path a cell */
  {
    g_autoptr(BkChart) chart = make_map ();
    g_autoptr(GBytes) bytes = bk_chart_export_bytes (chart, BK_CHART_FORMAT_SVG, W, H, 1, NULL);

    g_assert_cmpuint (g_bytes_get_size (bytes), <, 400 * 1024);
  }
}

/* The data API */

static void
count_signal (gpointer  object,
              gpointer  data)
{
  (*(guint *) data)++;
}

static void
test_api (void)
{
  g_autoptr(BkChart) chart = bk_chart_new (BK_CHART_KIND_TORNADO);
  GEnumClass *klass = g_type_class_ref (BK_TYPE_CHART_KIND);
  const char *nicks[] = { "tornado", "breakeven-map", "fan", "histogram" };
  guint changed = 0;

  for (guint k = 0; k < G_N_ELEMENTS (nicks); k++)
    g_assert_cmpint (g_enum_get_value_by_nick (klass, nicks[k])->value, ==, kinds[k]);
  g_type_class_unref (klass);

  g_signal_connect (chart, "changed", G_CALLBACK (count_signal), &changed);
  bk_chart_set_axis (chart, BK_CHART_AXIS_X, "NPV", BK_CHART_UNIT_USD_BILLIONS);
  bk_chart_set_axis (chart, BK_CHART_AXIS_X, "NPV", BK_CHART_UNIT_USD_BILLIONS);
  g_assert_cmpstr (bk_chart_get_axis_title (chart, BK_CHART_AXIS_X), ==, "NPV");
  g_assert_null (bk_chart_get_axis_title (chart, BK_CHART_AXIS_Y));
  bk_chart_set_axis (chart, BK_CHART_AXIS_X, "", BK_CHART_UNIT_USD_BILLIONS);
  g_assert_null (bk_chart_get_axis_title (chart, BK_CHART_AXIS_X));
  g_assert_cmpuint (changed, ==, 2);

  bk_chart_set_base_value (chart, 3);
  bk_chart_set_base_value (chart, 3);
  g_assert_cmpfloat (bk_chart_get_base_value (chart), ==, 3);
  g_assert_cmpuint (bk_chart_add_swing (chart, "A", 1, 2, NULL, NULL), ==, 0);
  g_assert_cmpuint (bk_chart_add_swing (chart, "B", 1, 2, NULL, NULL), ==, 1);
  bk_chart_clear_swings (chart);
  bk_chart_clear_swings (chart);
  g_assert_cmpuint (bk_chart_get_n_swings (chart), ==, 0);
  g_assert_cmpuint (changed, ==, 6);

  bk_chart_clear_contours (chart);
  bk_chart_clear_points (chart);
  bk_chart_clear_value_markers (chart);
  g_assert_cmpuint (changed, ==, 6);

  /* Bins must ascend */
  {
    const double edges[] = { 0, 1, 1 };
    const double counts[] = { 1, 2 };

    g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*ascending*");
    bk_chart_set_bins (chart, 2, edges, counts);
    g_test_assert_expected_messages ();
    g_assert_cmpuint (bk_chart_get_n_bins (chart), ==, 0);
  }

  /* Kinds past the last are refused */
  g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*kind <= BK_CHART_KIND_HISTOGRAM*");
  bk_chart_set_kind (chart, (BkChartKind) (BK_CHART_KIND_HISTOGRAM + 1));
  g_test_assert_expected_messages ();
  g_assert_cmpint (bk_chart_get_kind (chart), ==, BK_CHART_KIND_TORNADO);
}

int
main (int    argc,
      char **argv)
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/kinds/tornado", test_tornado);
  g_test_add_func ("/chart/kinds/map", test_map);
  g_test_add_func ("/chart/kinds/map-degenerate", test_map_degenerate);
  g_test_add_func ("/chart/kinds/map-paths-and-image", test_map_paths_and_image);
  g_test_add_func ("/chart/kinds/fan", test_fan);
  g_test_add_func ("/chart/kinds/fan-degenerate", test_fan_degenerate);
  g_test_add_func ("/chart/kinds/histogram", test_histogram);
  g_test_add_func ("/chart/kinds/histogram-degenerate", test_histogram_degenerate);
  g_test_add_func ("/chart/kinds/histogram-close-labels", test_histogram_close_labels);
  g_test_add_func ("/chart/kinds/themes", test_themes);
  g_test_add_func ("/chart/kinds/empty", test_empty);
  g_test_add_func ("/chart/kinds/degenerate", test_degenerate);
  g_test_add_func ("/chart/kinds/svg", test_svg);
  g_test_add_func ("/chart/kinds/api", test_api);

  status = g_test_run ();
  g_clear_object (&last_hits);
  return status;
}
