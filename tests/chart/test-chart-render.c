/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-chart-render.c — what a person sees in a rendered chart, by pixels */

#include <glib.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "bk-chart.h"
#include "bk-test-chart.h"

#define W 800
#define H 500

static const char * const years[] = { "2025", "2026", "2027", "2028", NULL };

/* Pixels */

static guint32
pixel (cairo_surface_t *surface,
       int              x,
       int              y)
{
  unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  return *(guint32 *) (data + y * stride + x * 4) & 0xffffff;
}

static gboolean
near (guint32 a,
      guint32 b,
      int     tolerance)
{
  for (int shift = 0; shift <= 16; shift += 8)
    if (ABS ((int) ((a >> shift) & 0xff) - (int) ((b >> shift) & 0xff)) > tolerance)
      return FALSE;
  return TRUE;
}

typedef struct
{
  int x0, y0, x1, y1;  /* inclusive */
} Box;

static Box
whole (void)
{
  Box b = { 0, 0, W - 1, H - 1 };
  return b;
}

/* Where the last render() drew what */
static BkChartHits *last_hits;

static Box
plot_box (void)
{
  cairo_rectangle_t r;
  Box b;

  g_assert_true (bk_chart_hits_get_plot_area (last_hits, &r));
  b.x0 = (int) floor (r.x);
  b.y0 = (int) floor (r.y);
  b.x1 = (int) ceil (r.x + r.width);
  b.y1 = (int) ceil (r.y + r.height);
  return b;
}

static guint
count_color (cairo_surface_t *surface,
             guint32          rgb,
             Box              box)
{
  guint n = 0;

  for (int y = box.y0; y <= box.y1; y++)
    for (int x = box.x0; x <= box.x1; x++)
      if (near (pixel (surface, x, y), rgb, 2))
        n++;
  return n;
}

/* Runs of columns holding @rgb inside @box, as bars: x0..x1, top..bottom. */
static GArray *
find_bars (cairo_surface_t *surface,
           guint32          rgb,
           Box              box)
{
  GArray *bars = g_array_new (FALSE, FALSE, sizeof (Box));
  Box bar = { -1, 0, 0, 0 };

  for (int x = box.x0; x <= box.x1 + 1; x++)
    {
      int top = -1, bottom = -1;

      if (x <= box.x1)
        for (int y = box.y0; y <= box.y1; y++)
          if (near (pixel (surface, x, y), rgb, 2))
            {
              if (top < 0)
                top = y;
              bottom = y;
            }

      if (top >= 0)
        {
          if (bar.x0 < 0)
            {
              bar.x0 = x;
              bar.y0 = top;
              bar.y1 = bottom;
            }
          bar.x1 = x;
          bar.y0 = MIN (bar.y0, top);
          bar.y1 = MAX (bar.y1, bottom);
        }
      else if (bar.x0 >= 0)
        {
          g_array_append_val (bars, bar);
          bar.x0 = -1;
        }
    }

  return bars;
}

/* The row inside the plot most covered by @rgb: the zero line. */
static int
find_row (cairo_surface_t *surface,
          guint32          rgb,
          Box              box)
{
  int best = -1;
  guint best_n = 0;

  for (int y = box.y0; y <= box.y1; y++)
    {
      guint n = 0;
      for (int x = box.x0; x <= box.x1; x++)
        if (near (pixel (surface, x, y), rgb, 2))
          n++;
      if (n > best_n)
        {
          best_n = n;
          best = y;
        }
    }
  g_assert_cmpuint (best_n, >, (guint) (box.x1 - box.x0) / 2);
  return best;
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

static BkChart *
make_bars (BkChartKind kind)
{
  BkChart *chart = bk_chart_new (kind);
  double a[] = { 20, 80, 40, 60 };
  double b[] = { 50, 10, 30, 70 };
  double c[] = { 30, 30, 60, 20 };

  bk_chart_set_title (chart, "Capex by company");
  bk_chart_set_unit (chart, BK_CHART_UNIT_USD_BILLIONS);
  bk_chart_set_categories (chart, years);
  bk_chart_add_series (chart, "Microsoft", a, G_N_ELEMENTS (a));
  bk_chart_add_series (chart, "Alphabet", b, G_N_ELEMENTS (b));
  bk_chart_add_series (chart, "Amazon", c, G_N_ELEMENTS (c));
  bk_chart_set_source (chart, "Source: filings");
  return chart;
}

/* Tests */

static void
test_bar_heights (void)
{
  g_autoptr(BkChart) chart = make_bars (BK_CHART_KIND_BAR);
  cairo_surface_t *surface = render (chart, W, H);
  Box plot = plot_box ();
  double values[3][4] = { { 20, 80, 40, 60 }, { 50, 10, 30, 70 }, { 30, 30, 60, 20 } };

  for (guint s = 0; s < 3; s++)
    {
      g_autoptr(GArray) bars = find_bars (surface, bk_test_chart_palette (BK_CHART_THEME_LIGHT, s), plot);
      int tallest = 0;
      double max_v = 0;
      guint max_i = 0;

      g_assert_cmpuint (bars->len, ==, 4);
      for (guint i = 0; i < 4; i++)
        {
          Box *bar = &g_array_index (bars, Box, i);
          Box *first = &g_array_index (bars, Box, 0);
          double ratio = (bar->y1 - bar->y0 + 1.0) / (first->y1 - first->y0 + 1.0);

          /* Heights proportional to values, bars standing on one baseline */
          g_assert_cmpfloat (fabs (ratio - values[s][i] / values[s][0]), <, 0.05 * values[s][i] / values[s][0] + 0.03);
          g_assert_cmpint (ABS (bar->y1 - first->y1), <=, 1);
          if (bar->y1 - bar->y0 > tallest)
            tallest = bar->y1 - bar->y0;
          if (values[s][i] > max_v)
            {
              max_v = values[s][i];
              max_i = i;
            }
        }
      g_assert_cmpint (g_array_index (bars, Box, max_i).y1 - g_array_index (bars, Box, max_i).y0, ==, tallest);

      /* Groups in category order, series in order inside a group */
      if (s > 0)
        {
          g_autoptr(GArray) prev = find_bars (surface, bk_test_chart_palette (BK_CHART_THEME_LIGHT, s - 1), plot);
          for (guint i = 0; i < 4; i++)
            g_assert_cmpint (g_array_index (prev, Box, i).x1, <, g_array_index (bars, Box, i).x0);
        }
    }

  cairo_surface_destroy (surface);
}

static void
test_negative_below_zero (void)
{
  g_autoptr(BkChart) chart = bk_chart_new (BK_CHART_KIND_BAR);
  const char *companies[] = { "Microsoft", "Meta", "Oracle", NULL };
  double npv[] = { 40, -30, 20 };
  cairo_surface_t *surface;
  g_autoptr(GArray) bars = NULL;
  Box plot;
  int zero;

  bk_chart_set_unit (chart, BK_CHART_UNIT_USD_BILLIONS);
  bk_chart_set_categories (chart, companies);
  bk_chart_add_series (chart, "NPV", npv, G_N_ELEMENTS (npv));
  surface = render (chart, W, H);
  plot = plot_box ();

  zero = find_row (surface, 0x707070, plot);
  bars = find_bars (surface, bk_test_chart_palette (BK_CHART_THEME_LIGHT, 0), plot);
  g_assert_cmpuint (bars->len, ==, 3);

  /* Positive bars end at the zero line, the negative one hangs below it */
  g_assert_cmpint (g_array_index (bars, Box, 0).y1, <, zero);
  g_assert_cmpint (g_array_index (bars, Box, 0).y1, >=, zero - 1);
  g_assert_cmpint (g_array_index (bars, Box, 2).y1, <, zero);
  g_assert_cmpint (g_array_index (bars, Box, 1).y0, >, zero);
  g_assert_cmpint (g_array_index (bars, Box, 1).y0, <=, zero + 1);
  /* 30 against 40 */
  g_assert_cmpfloat_with_epsilon ((g_array_index (bars, Box, 1).y1 - zero) /
                                  (double) (zero - g_array_index (bars, Box, 0).y0),
                                  0.75, 0.03);

  cairo_surface_destroy (surface);
}

static void
test_themes (void)
{
  g_autoptr(BkChart) chart = make_bars (BK_CHART_KIND_BAR);
  BkChartTheme themes[] = { BK_CHART_THEME_LIGHT, BK_CHART_THEME_DARK };

  for (guint t = 0; t < G_N_ELEMENTS (themes); t++)
    {
      cairo_surface_t *surface;
      guint32 corners[4];

      bk_chart_set_theme (chart, themes[t]);
      surface = render (chart, W, H);
      corners[0] = pixel (surface, 0, 0);
      corners[1] = pixel (surface, W - 1, 0);
      corners[2] = pixel (surface, 0, H - 1);
      corners[3] = pixel (surface, W - 1, H - 1);

      for (guint i = 0; i < 4; i++)
        {
          guint32 c = corners[i];
          double luma = (0.2126 * ((c >> 16) & 0xff) + 0.7152 * ((c >> 8) & 0xff) +
                         0.0722 * (c & 0xff)) / 255.0;

          g_assert_cmphex (c, ==, bk_test_chart_background (themes[t]));
          if (themes[t] == BK_CHART_THEME_DARK)
            g_assert_cmpfloat (luma, <, 0.2);
          else
            g_assert_cmpfloat (luma, >, 0.9);
        }

      /* The title is readable: light text on dark, dark on light */
      {
        guint contrast = 0;
        for (int y = 0; y < 50; y++)
          for (int x = 0; x < W / 2; x++)
            {
              guint32 c = pixel (surface, x, y);
              int g = (c >> 8) & 0xff;
              if (themes[t] == BK_CHART_THEME_DARK ? g > 200 : g < 60)
                contrast++;
            }
        g_assert_cmpuint (contrast, >, 100);
      }

      cairo_surface_destroy (surface);
    }
}

static void
test_hidden_series (void)
{
  BkChartKind kinds[] = { BK_CHART_KIND_LINE, BK_CHART_KIND_BAR, BK_CHART_KIND_STACKED_BAR,
                          BK_CHART_KIND_STACKED_AREA };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(BkChart) chart = make_bars (kinds[k]);
      guint32 orange = bk_test_chart_palette (BK_CHART_THEME_LIGHT, 1);
      cairo_surface_t *surface = render (chart, W, H);

      g_assert_cmpuint (count_color (surface, orange, whole ()), >, 100);
      cairo_surface_destroy (surface);

      bk_chart_set_series_hidden (chart, 1, TRUE);
      g_assert_true (bk_chart_get_series_hidden (chart, 1));
      surface = render (chart, W, H);
      g_assert_cmpuint (count_color (surface, orange, whole ()), ==, 0);
      /* …while the others stay */
      g_assert_cmpuint (count_color (surface, bk_test_chart_palette (BK_CHART_THEME_LIGHT, 0), whole ()), >, 100);
      cairo_surface_destroy (surface);
    }
}

static void
test_highlight_dims_others (void)
{
  BkChartKind kinds[] = { BK_CHART_KIND_LINE, BK_CHART_KIND_BAR };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(BkChart) chart = make_bars (kinds[k]);
      guint32 white = bk_test_chart_background (BK_CHART_THEME_LIGHT);
      cairo_surface_t *surface;

      bk_chart_set_series_highlighted (chart, 2, TRUE);
      surface = render (chart, W, H);

      g_assert_cmpuint (count_color (surface, bk_test_chart_palette (BK_CHART_THEME_LIGHT, 2), whole ()), >, 100);
      for (guint s = 0; s < 2; s++)
        {
          guint32 full = bk_test_chart_palette (BK_CHART_THEME_LIGHT, s);
          guint32 dim = bk_test_chart_mix (white, full, 0.25);

          g_assert_cmpuint (count_color (surface, full, whole ()), ==, 0);
          g_assert_cmpuint (count_color (surface, dim, whole ()), >, 50);
        }
      cairo_surface_destroy (surface);

      /* Unhighlighted again: full colour back */
      bk_chart_set_series_highlighted (chart, 2, FALSE);
      surface = render (chart, W, H);
      g_assert_cmpuint (count_color (surface, bk_test_chart_palette (BK_CHART_THEME_LIGHT, 0), whole ()), >, 100);
      cairo_surface_destroy (surface);
    }
}

static void
test_stacked (void)
{
  g_autoptr(BkChart) chart = make_bars (BK_CHART_KIND_STACKED_BAR);
  cairo_surface_t *surface = render (chart, W, H);
  Box plot = plot_box ();
  g_autoptr(GArray) a = find_bars (surface, bk_test_chart_palette (BK_CHART_THEME_LIGHT, 0), plot);
  g_autoptr(GArray) b = find_bars (surface, bk_test_chart_palette (BK_CHART_THEME_LIGHT, 1), plot);
  g_autoptr(GArray) c = find_bars (surface, bk_test_chart_palette (BK_CHART_THEME_LIGHT, 2), plot);
  double totals[] = { 100, 120, 130, 150 };

  g_assert_cmpuint (a->len, ==, 4);
  g_assert_cmpuint (b->len, ==, 4);
  g_assert_cmpuint (c->len, ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      Box *ba = &g_array_index (a, Box, i), *bb = &g_array_index (b, Box, i), *bc = &g_array_index (c, Box, i);

      /* One column: the same x, series stacked upwards in order */
      g_assert_cmpint (ABS (ba->x0 - bb->x0), <=, 1);
      g_assert_cmpint (ABS (ba->x0 - bc->x0), <=, 1);
      g_assert_cmpint (bb->y1, <, ba->y0);
      g_assert_cmpint (bc->y1, <, bb->y0);
      g_assert_cmpint (ba->y0 - bb->y1, <=, 3);
      /* Column height follows the total */
      g_assert_cmpfloat_with_epsilon ((ba->y1 - bc->y0) / (double) (g_array_index (a, Box, 0).y1 - g_array_index (c, Box, 0).y0),
                                      totals[i] / totals[0], 0.04);
    }
  cairo_surface_destroy (surface);

  /* Stacked area: the second series' band lies above the first */
  bk_chart_set_kind (chart, BK_CHART_KIND_STACKED_AREA);
  surface = render (chart, W, H);
  {
    Box p = plot_box ();
    int x = (p.x0 + p.x1) / 2;
    int ya = -1, yb = -1, yc = -1;

    for (int y = p.y1; y >= p.y0; y--)
      {
        guint32 px = pixel (surface, x, y);
        if (ya < 0 && near (px, bk_test_chart_mix (0xffffff, bk_test_chart_palette (BK_CHART_THEME_LIGHT, 0), 0.8), 2))
          ya = y;
        if (yb < 0 && near (px, bk_test_chart_mix (0xffffff, bk_test_chart_palette (BK_CHART_THEME_LIGHT, 1), 0.8), 2))
          yb = y;
        if (yc < 0 && near (px, bk_test_chart_mix (0xffffff, bk_test_chart_palette (BK_CHART_THEME_LIGHT, 2), 0.8), 2))
          yc = y;
      }
    g_assert_cmpint (ya, >, 0);
    g_assert_cmpint (yb, >, 0);
    g_assert_cmpint (yc, >, 0);
    g_assert_cmpint (ya, >, yb);
    g_assert_cmpint (yb, >, yc);
  }
  cairo_surface_destroy (surface);
}

static void
test_donut (void)
{
  g_autoptr(BkChart) chart = bk_chart_new (BK_CHART_KIND_DONUT);
  double shares[] = { 0.4, 0.3, 0.2, 0.1 };
  const char *names[] = { "Microsoft", "Alphabet", "Amazon", "Meta" };
  guint counts[4];
  cairo_surface_t *surface;
  Box plot;

  bk_chart_set_unit (chart, BK_CHART_UNIT_PERCENT);
  bk_chart_set_center_label (chart, "Chat");
  for (guint i = 0; i < 4; i++)
    bk_chart_add_series (chart, names[i], &shares[i], 1);

  surface = render (chart, W, H);
  plot = plot_box ();
  for (guint i = 0; i < 4; i++)
    {
      counts[i] = count_color (surface, bk_test_chart_palette (BK_CHART_THEME_LIGHT, i), plot);
      g_assert_cmpuint (counts[i], >, 500);
    }
  /* Slice areas follow the shares (labels inside take a little) */
  for (guint i = 1; i < 4; i++)
    g_assert_cmpfloat_with_epsilon (counts[i] / (double) counts[0], shares[i] / shares[0], 0.06);

  /* The hole is the background; the centre label is drawn in it */
  {
    int cx = (plot.x0 + plot.x1) / 2, cy = (plot.y0 + plot.y1) / 2;
    guint ink = 0;

    g_assert_cmphex (pixel (surface, cx, plot.y0 + (plot.y1 - plot.y0) / 4 + 5), ==, 0xffffff);
    for (int y = cy - 10; y <= cy + 10; y++)
      for (int x = cx - 30; x <= cx + 30; x++)
        if (!near (pixel (surface, x, y), 0xffffff, 40))
          ink++;
    g_assert_cmpuint (ink, >, 20);
  }

  /* Hover over a slice: the top-right quarter belongs to the first (40 %) */
  {
    double cx = (plot.x0 + plot.x1) / 2.0, cy = (plot.y0 + plot.y1) / 2.0;
    double r = (plot.x1 - plot.x0) / 2.0 * 0.8;
    BkChartHit hit;
    g_autofree char *text = NULL;

    g_assert_true (bk_chart_hits_lookup (last_hits, cx + r * 0.7071, cy - r * 0.7071, &hit));
    g_assert_cmpuint (hit.series, ==, 0);
    g_assert_cmpfloat (hit.value, ==, 0.4);
    text = bk_chart_describe_hit (chart, &hit);
    g_assert_nonnull (strstr (text, "Microsoft"));
    g_assert_nonnull (strstr (text, "40%"));
    /* At 80 % of the turn (288°, upper left) lies Amazon (70..90 %) */
    g_assert_true (bk_chart_hits_lookup (last_hits, cx - r * 0.9511, cy - r * 0.3090, &hit));
    g_assert_cmpuint (hit.series, ==, 2);
    /* Straight down, half a turn: Alphabet (40..70 %); at 95 %: Meta */
    g_assert_true (bk_chart_hits_lookup (last_hits, cx, cy + r, &hit));
    g_assert_cmpuint (hit.series, ==, 1);
    g_assert_true (bk_chart_hits_lookup (last_hits, cx - r * 0.3090, cy - r * 0.9511, &hit));
    g_assert_cmpuint (hit.series, ==, 3);
    /* Nothing in the hole */
    g_assert_false (bk_chart_hits_lookup (last_hits, cx, cy, &hit));
  }

  cairo_surface_destroy (surface);

  /* A hidden company leaves the donut */
  bk_chart_set_series_hidden (chart, 3, TRUE);
  surface = render (chart, W, H);
  g_assert_cmpuint (count_color (surface, bk_test_chart_palette (BK_CHART_THEME_LIGHT, 3), plot_box ()), ==, 0);
  cairo_surface_destroy (surface);
}

static void
test_waterfall (void)
{
  g_autoptr(BkChart) chart = bk_chart_new (BK_CHART_KIND_WATERFALL);
  guint32 total = 0x0072b2, increase = 0x009e73, decrease = 0xd55e00;
  g_autoptr(GArray) totals = NULL;
  g_autoptr(GArray) ups = NULL;
  g_autoptr(GArray) downs = NULL;
  cairo_surface_t *surface;
  Box plot, *first, *last;
  BkChartHit hit;
  int zero;

  bk_chart_set_unit (chart, BK_CHART_UNIT_USD_BILLIONS);
  bk_chart_add_step (chart, "Revenue", 100, TRUE);
  bk_chart_add_step (chart, "Power", -20, FALSE);
  bk_chart_add_step (chart, "Opex", -30, FALSE);
  bk_chart_add_step (chart, "Other", 10, FALSE);
  bk_chart_add_step (chart, "FCF", NAN, TRUE);
  g_assert_cmpuint (bk_chart_get_n_steps (chart), ==, 5);

  surface = render (chart, W, H);
  plot = plot_box ();
  zero = find_row (surface, 0x707070, plot);

  totals = find_bars (surface, total, plot);
  ups = find_bars (surface, increase, plot);
  downs = find_bars (surface, decrease, plot);
  g_assert_cmpuint (totals->len, ==, 2);
  g_assert_cmpuint (ups->len, ==, 1);
  g_assert_cmpuint (downs->len, ==, 2);

  /* The final bar stands on zero and is 60 % of the first */
  first = &g_array_index (totals, Box, 0);
  last = &g_array_index (totals, Box, 1);
  g_assert_cmpint (last->y1, >=, zero - 1);
  g_assert_cmpint (last->y1, <, zero);
  g_assert_cmpfloat_with_epsilon ((zero - last->y0) / (double) (zero - first->y0), 0.6, 0.02);
  g_assert_cmpint (last->x0, >, g_array_index (ups, Box, 0).x1);

  /* Steps float: Power hangs from the revenue top and drops 20 % of it */
  g_assert_cmpint (ABS (g_array_index (downs, Box, 0).y0 - first->y0), <=, 1);
  g_assert_cmpfloat_with_epsilon ((g_array_index (downs, Box, 0).y1 - g_array_index (downs, Box, 0).y0) /
                                  (double) (zero - first->y0), 0.2, 0.02);

  /* Hover on the last bar: the total */
  g_assert_true (bk_chart_hits_lookup (last_hits, (last->x0 + last->x1) / 2.0, (last->y0 + last->y1) / 2.0, &hit));
  g_assert_cmpuint (hit.index, ==, 4);
  g_assert_cmpfloat_with_epsilon (hit.value, 60, 1e-9);
  g_assert_true (bk_chart_hits_lookup (last_hits, (g_array_index (downs, Box, 1).x0 + g_array_index (downs, Box, 1).x1) / 2.0,
                                           (g_array_index (downs, Box, 1).y0 + g_array_index (downs, Box, 1).y1) / 2.0, &hit));
  g_assert_cmpuint (hit.index, ==, 2);
  g_assert_cmpfloat (hit.value, ==, -30);

  cairo_surface_destroy (surface);
}

static void
test_hit_bars (void)
{
  g_autoptr(BkChart) chart = make_bars (BK_CHART_KIND_BAR);
  cairo_surface_t *surface = render (chart, W, H);
  double values[3][4] = { { 20, 80, 40, 60 }, { 50, 10, 30, 70 }, { 30, 30, 60, 20 } };
  gboolean seen[3][4] = { { FALSE } };

  for (int y = 0; y < H; y += 3)
    for (int x = 0; x < W; x += 3)
      {
        BkChartHit hit;

        if (!bk_chart_hits_lookup (last_hits, x + 0.5, y + 0.5, &hit))
          continue;
        g_assert_cmpuint (hit.series, <, 3);
        g_assert_cmpuint (hit.index, <, 4);
        g_assert_cmpfloat (hit.value, ==, values[hit.series][hit.index]);
        seen[hit.series][hit.index] = TRUE;
        /* What is under the pointer is that series' bar (or its anti-aliased edge) */
        {
          guint32 color = bk_test_chart_palette (BK_CHART_THEME_LIGHT, hit.series);
          g_assert_true (near (pixel (surface, x, y), color, 2) ||
                         near (pixel (surface, x - 1, y), color, 2) ||
                         near (pixel (surface, x + 1, y), color, 2) ||
                         near (pixel (surface, x, y - 1), color, 2) ||
                         near (pixel (surface, x, y + 1), color, 2));
        }
        /* The tooltip points at the bar's top */
        g_assert_true (near (pixel (surface, (int) hit.x, (int) hit.y + 2),
                             bk_test_chart_palette (BK_CHART_THEME_LIGHT, hit.series), 2));
      }

  for (guint s = 0; s < 3; s++)
    for (guint i = 0; i < 4; i++)
      g_assert_true (seen[s][i]);

  {
    BkChartHit hit = { 0 };
    g_autofree char *text = NULL;

    hit.series = 0;
    hit.index = 1;
    hit.value = 80.126;
    text = bk_chart_describe_hit (chart, &hit);
    g_assert_cmpstr (text, ==, "Microsoft\n2026: $80.13B");
  }

  g_assert_false (bk_chart_hits_lookup (last_hits, 1, 1, NULL));
  cairo_surface_destroy (surface);
}

static void
test_hit_lines_and_legend (void)
{
  g_autoptr(BkChart) chart = make_bars (BK_CHART_KIND_LINE);
  cairo_surface_t *surface = render (chart, W, H);
  Box plot = plot_box ();
  guint found = 0;

  for (int y = plot.y0; y <= plot.y1; y += 2)
    for (int x = plot.x0; x <= plot.x1; x += 2)
      {
        BkChartHit hit;

        if (!bk_chart_hits_lookup (last_hits, x, y, &hit))
          continue;
        found |= 1u << (hit.series * 4 + hit.index);
        /* The tooltip anchor is the point, and a dot of that colour is drawn there */
        g_assert_true (near (pixel (surface, (int) hit.x, (int) hit.y),
                             bk_test_chart_palette (BK_CHART_THEME_LIGHT, hit.series), 2) ||
                       hit.series < 2);  /* a later line may pass over it */
        g_assert_cmpfloat (hypot (hit.x - x, hit.y - y), <=, 16.01);
      }
  g_assert_cmphex (found, ==, 0xfff);

  /* The legend: each entry's swatch is clickable and names its series */
  {
    Box legend = { plot.x1 + 1, 0, W - 1, H - 1 };

    for (guint s = 0; s < 3; s++)
      {
        g_autoptr(GArray) swatch = find_bars (surface, bk_test_chart_palette (BK_CHART_THEME_LIGHT, s), legend);
        Box *b;
        guint series = G_MAXUINT;

        g_assert_cmpuint (swatch->len, ==, 1);
        b = &g_array_index (swatch, Box, 0);
        g_assert_true (bk_chart_hits_lookup_legend (last_hits, (b->x0 + b->x1) / 2.0,
                                                        (b->y0 + b->y1) / 2.0, &series));
        g_assert_cmpuint (series, ==, s);
        /* The name next to it is part of the entry too */
        g_assert_true (bk_chart_hits_lookup_legend (last_hits, b->x1 + 20, (b->y0 + b->y1) / 2.0, &series));
        g_assert_cmpuint (series, ==, s);
      }
    g_assert_false (bk_chart_hits_lookup_legend (last_hits, (plot.x0 + plot.x1) / 2.0,
                                                     (plot.y0 + plot.y1) / 2.0, NULL));
  }
  cairo_surface_destroy (surface);

  /* A legend at the bottom: one row under the category labels, above the source */
  bk_chart_set_kind (chart, BK_CHART_KIND_BAR);
  bk_chart_set_legend_position (chart, BK_CHART_LEGEND_BOTTOM);
  surface = render (chart, W, H);
  plot = plot_box ();
  g_assert_cmpint (plot.x1, >=, W - 30);
  {
    Box legend = { 0, plot.y1 + 2, W - 1, H - 1 };
    int row = -1;

    for (guint s = 0; s < 3; s++)
      {
        g_autoptr(GArray) swatch = find_bars (surface, bk_test_chart_palette (BK_CHART_THEME_LIGHT, s), legend);
        Box *b;
        guint series = G_MAXUINT;

        g_assert_cmpuint (swatch->len, ==, 1);
        b = &g_array_index (swatch, Box, 0);
        g_assert_cmpint (b->y0, >, plot.y1 + 15);
        g_assert_cmpint (b->y1, <, H - 25);
        if (row < 0)
          row = b->y0;
        g_assert_cmpint (b->y0, ==, row);
        g_assert_true (bk_chart_hits_lookup_legend (last_hits, (b->x0 + b->x1) / 2.0,
                                                        (b->y0 + b->y1) / 2.0, &series));
        g_assert_cmpuint (series, ==, s);
      }
  }
  cairo_surface_destroy (surface);
}

static void
test_markers (void)
{
  g_autoptr(BkChart) chart = bk_chart_new (BK_CHART_KIND_LINE);
  double cum[] = { -100, -60, -10, 50 };
  guint32 blue = bk_test_chart_palette (BK_CHART_THEME_LIGHT, 0);
  cairo_surface_t *before, *after;
  Box plot, dot = { W, H, -1, -1 };
  guint n_dot = 0, n_text = 0;
  int zero;

  bk_chart_set_unit (chart, BK_CHART_UNIT_USD_BILLIONS);
  bk_chart_set_categories (chart, years);
  bk_chart_add_series (chart, "Microsoft", cum, G_N_ELEMENTS (cum));
  bk_chart_set_legend_position (chart, BK_CHART_LEGEND_NONE);
  before = render (chart, W, H);

  /* Payback between 2027 and 2028, where the line crosses zero */
  bk_chart_add_marker (chart, 0, 2 + 10.0 / 60.0, "Payback 3.2 y");
  after = render (chart, W, H);
  plot = plot_box ();
  zero = find_row (after, 0x707070, plot);

  for (int y = 0; y < H; y++)
    for (int x = 0; x < W; x++)
      {
        guint32 a = pixel (after, x, y), b = pixel (before, x, y);

        if (near (a, b, 2))
          continue;
        if (near (a, blue, 2) && ABS (y - zero) <= 9)
          {
            dot.x0 = MIN (dot.x0, x);
            dot.y0 = MIN (dot.y0, y);
            dot.x1 = MAX (dot.x1, x);
            dot.y1 = MAX (dot.y1, y);
            n_dot++;
          }
        else if (!near (a, blue, 2) && near (a, 0x1e1e1e, 40))
          n_text++;
      }

  /* A dot centred on the zero line, between the 2027 and 2028 points */
  g_assert_cmpuint (n_dot, >=, 20);
  g_assert_cmpint (dot.y1 - dot.y0, >=, 6);
  g_assert_cmpint (dot.y1 - dot.y0, <=, 12);
  g_assert_cmpfloat (fabs ((dot.y0 + dot.y1) / 2.0 - zero), <=, 1.5);
  g_assert_cmpint (dot.x0, >, plot.x0 + (plot.x1 - plot.x0) / 2);
  /* …and its label */
  g_assert_cmpuint (n_text, >, 30);
  cairo_surface_destroy (before);
  cairo_surface_destroy (after);

  /* Markers of hidden series are not drawn */
  bk_chart_set_series_hidden (chart, 0, TRUE);
  after = render (chart, W, H);
  g_assert_cmpuint (count_color (after, blue, whole ()), ==, 0);
  cairo_surface_destroy (after);
}

/* Runs of text pixels below the plot along a projection; TRUE when runs
 * are separated (labels that do not overlap).  @diagonal projects on x + y
 * (labels rising at 45°), otherwise on x. */
static guint
label_runs (cairo_surface_t *surface,
            Box              box,
            gboolean         diagonal,
            int             *widest)
{
  int n_bins = W + H + 2;
  g_autofree guint *bins = g_new0 (guint, n_bins);
  guint runs = 0;
  int run_start = -1;

  for (int y = box.y0; y <= box.y1; y++)
    for (int x = box.x0; x <= box.x1; x++)
      if (!near (pixel (surface, x, y), 0xffffff, 60))
        bins[diagonal ? x + y : x]++;

  /* Glyphs of one label are a few pixels apart at most: close those gaps */
  for (int i = 1; i < n_bins - 4; i++)
    if (bins[i] == 0 && bins[i - 1] > 0)
      for (int j = i + 1; j <= i + 3; j++)
        if (bins[j] > 0)
          {
            for (int k = i; k < j; k++)
              bins[k] = 1;
            break;
          }

  *widest = 0;
  for (int i = 0; i <= n_bins - 1; i++)
    {
      gboolean ink = i < n_bins - 1 && bins[i] > 0;

      if (ink && run_start < 0)
        run_start = i;
      else if (!ink && run_start >= 0)
        {
          runs++;
          *widest = MAX (*widest, i - run_start);
          run_start = -1;
        }
    }
  return runs;
}

static void
test_labels_never_overlap (void)
{
  /* Forty years along a line at 600 px: thinned, none overlapping */
  {
    g_autoptr(BkChart) chart = bk_chart_new (BK_CHART_KIND_LINE);
    g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
    double values[40];
    cairo_surface_t *surface;
    Box plot, below;
    guint runs;
    int widest;

    for (guint i = 0; i < 40; i++)
      {
        g_ptr_array_add (labels, g_strdup_printf ("%u", 2020 + i));
        values[i] = i * i;
      }
    g_ptr_array_add (labels, NULL);
    bk_chart_set_categories (chart, (const char * const *) labels->pdata);
    bk_chart_add_series (chart, "Demand", values, 40);
    bk_chart_set_legend_position (chart, BK_CHART_LEGEND_NONE);
    surface = render (chart, 600, H);
    plot = plot_box ();
    below = (Box) { 0, plot.y1 + 10, 599, H - 1 };

    runs = label_runs (surface, below, FALSE, &widest);
    g_assert_cmpuint (runs, >=, 4);
    g_assert_cmpuint (runs, <, 40);
    g_assert_cmpint (widest, <, 50);  /* one "2031" is ~28 px */
    cairo_surface_destroy (surface);
  }

  /* Long company names under bars in a narrow chart: rotated, apart */
  {
    g_autoptr(BkChart) chart = bk_chart_new (BK_CHART_KIND_BAR);
    const char *names[] = { "Microsoft Corporation", "Alphabet Inc.", "Amazon.com Inc.",
                            "Meta Platforms", "Oracle Corporation", "CoreWeave Inc.",
                            "Nvidia Corporation", "Tesla Inc.", NULL };
    double v[] = { 1, 2, 3, 4, 5, 6, 7, 8 };
    cairo_surface_t *surface;
    Box plot, below;
    guint runs;
    int widest;

    bk_chart_set_categories (chart, names);
    bk_chart_add_series (chart, "Capex", v, 8);
    bk_chart_set_legend_position (chart, BK_CHART_LEGEND_NONE);
    surface = render (chart, 420, 400);
    plot = plot_box ();
    below = (Box) { 0, plot.y1 + 10, 419, 399 };

    runs = label_runs (surface, below, TRUE, &widest);
    g_assert_cmpuint (runs, ==, 8);
    g_assert_cmpint (widest, <, 40);  /* a line of text is ~17 px across, ×√2 */
    cairo_surface_destroy (surface);
  }

  /* Wide enough: horizontal, all shown */
  {
    g_autoptr(BkChart) chart = make_bars (BK_CHART_KIND_BAR);
    cairo_surface_t *surface;
    Box plot, below;
    int widest;

    bk_chart_set_source (chart, NULL);
    bk_chart_set_legend_position (chart, BK_CHART_LEGEND_NONE);
    surface = render (chart, W, H);
    plot = plot_box ();
    below = (Box) { 0, plot.y1 + 10, W - 1, H - 1 };
    g_assert_cmpuint (label_runs (surface, below, FALSE, &widest), ==, 4);
    cairo_surface_destroy (surface);
  }
}

static void
test_cjk_title (void)
{
  g_autoptr(BkChart) chart = make_bars (BK_CHART_KIND_BAR);
  cairo_surface_t *surface;
  guint ink = 0;

  bk_chart_set_title (chart, "数据中心资本支出回报");
  surface = render (chart, W, H);
  for (int y = 0; y < 45; y++)
    for (int x = 0; x < W; x++)
      if (!near (pixel (surface, x, y), 0xffffff, 60))
        ink++;
  g_assert_cmpuint (ink, >, 300);
  cairo_surface_destroy (surface);
}

static void
test_empty (void)
{
  g_autoptr(BkChart) chart = bk_chart_new (BK_CHART_KIND_LINE);
  cairo_surface_t *surface;
  guint ink = 0;

  surface = render (chart, W, H);
  /* A notice in the middle, nothing to hover */
  for (int y = H / 2 - 20; y < H / 2 + 20; y++)
    for (int x = W / 4; x < 3 * W / 4; x++)
      if (!near (pixel (surface, x, y), 0xffffff, 60))
        ink++;
  g_assert_cmpuint (ink, >, 50);
  g_assert_false (bk_chart_hits_lookup (last_hits, W / 2.0, H / 2.0, NULL));
  g_assert_false (bk_chart_hits_get_plot_area (last_hits, NULL));
  cairo_surface_destroy (surface);

  /* Tiny sizes draw without trouble */
  {
    g_autoptr(BkChart) bars = make_bars (BK_CHART_KIND_BAR);
    int sizes[][2] = { { 1, 1 }, { 30, 20 }, { 120, 80 }, { 2000, 40 } };

    for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
      cairo_surface_destroy (render (bars, sizes[i][0], sizes[i][1]));
  }
}

/* Every kind of series or steps draws a plot; the analysis kinds
 * (tornado, breakeven map, fan, histogram: test-chart-kinds.c) draw
 * their own data, never series, so bars in them are no data to show. */
static void
test_unknown_kinds_refused (void)
{
  GEnumClass *klass = g_type_class_ref (BK_TYPE_CHART_KIND);
  const char *analysis[] = { "tornado", "breakeven-map", "fan", "histogram" };
  g_autoptr(BkChart) chart = make_bars (BK_CHART_KIND_BAR);

  for (guint i = 0; i < G_N_ELEMENTS (analysis); i++)
    g_assert_cmpint (g_enum_get_value_by_nick (klass, analysis[i])->value, >=, BK_CHART_KIND_TORNADO);

  for (guint v = 0; v < klass->n_values; v++)
    {
      g_autoptr(BkChart) kind = make_bars (klass->values[v].value);

      if (klass->values[v].value == BK_CHART_KIND_WATERFALL)
        {
          bk_chart_add_step (kind, "Revenue", 100, TRUE);
          bk_chart_add_step (kind, "Power", -20, FALSE);
        }
      cairo_surface_destroy (render (kind, W, H));
      g_assert_cmpint (bk_chart_hits_get_plot_area (last_hits, NULL), ==,
                       klass->values[v].value < BK_CHART_KIND_TORNADO);
      g_assert_false (bk_chart_hits_lookup (last_hits, 0, 0, NULL));
    }

  /* A kind past the last is refused, and the chart keeps its kind */
  g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*kind <= BK_CHART_KIND_HISTOGRAM*");
  bk_chart_set_kind (chart, (BkChartKind) (BK_CHART_KIND_HISTOGRAM + 1));
  g_test_assert_expected_messages ();
  g_assert_cmpint (bk_chart_get_kind (chart), ==, BK_CHART_KIND_BAR);

  g_type_class_unref (klass);
}

static void
count_signal (gpointer  object,
              gpointer  data)
{
  (*(guint *) data)++;
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    data)
{
  (*(guint *) data)++;
}

static void
test_changed_signal (void)
{
  g_autoptr(BkChart) chart = bk_chart_new (BK_CHART_KIND_LINE);
  double v[] = { 1, 2, 3 };
  guint changed = 0, notified = 0;

  g_signal_connect (chart, "changed", G_CALLBACK (count_signal), &changed);
  g_signal_connect (chart, "notify::title", G_CALLBACK (count_notify), &notified);

  bk_chart_set_title (chart, "A");
  bk_chart_set_title (chart, "A");
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (notified, ==, 1);

  bk_chart_add_series (chart, "S", v, 3);
  bk_chart_set_series_highlighted (chart, 0, TRUE);
  bk_chart_set_series_highlighted (chart, 0, TRUE);
  g_object_set (chart, "theme", BK_CHART_THEME_DARK, NULL);
  g_assert_cmpuint (changed, ==, 4);
  g_assert_cmpint (bk_chart_get_theme (chart), ==, BK_CHART_THEME_DARK);
  g_assert_cmpuint (bk_chart_get_n_categories (chart), ==, 3);
}

int
main (int    argc,
      char **argv)
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/render/bar-heights", test_bar_heights);
  g_test_add_func ("/chart/render/negative-below-zero", test_negative_below_zero);
  g_test_add_func ("/chart/render/themes", test_themes);
  g_test_add_func ("/chart/render/hidden-series", test_hidden_series);
  g_test_add_func ("/chart/render/highlight-dims-others", test_highlight_dims_others);
  g_test_add_func ("/chart/render/stacked", test_stacked);
  g_test_add_func ("/chart/render/donut", test_donut);
  g_test_add_func ("/chart/render/waterfall", test_waterfall);
  g_test_add_func ("/chart/render/markers", test_markers);
  g_test_add_func ("/chart/render/labels-never-overlap", test_labels_never_overlap);
  g_test_add_func ("/chart/render/cjk-title", test_cjk_title);
  g_test_add_func ("/chart/render/empty", test_empty);
  g_test_add_func ("/chart/render/unknown-kinds-refused", test_unknown_kinds_refused);
  g_test_add_func ("/chart/hit/bars", test_hit_bars);
  g_test_add_func ("/chart/hit/lines-and-legend", test_hit_lines_and_legend);
  g_test_add_func ("/chart/object/changed-signal", test_changed_signal);

  status = g_test_run ();
  g_clear_object (&last_hits);
  return status;
}
