/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-chart-fan.c — the fan: per category (period) the P5–P95 and P25–P75
 * bands, one hue at two strengths, and the median line over them */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bk-chart-canvas-private.h"

#define FAN_COLOR     0     /* palette index */
#define OUTER_ALPHA   0.22  /* P5–P95 */
#define INNER_ALPHA   0.40  /* P25–P75, over the outer band */

static double
fan_value (BkCanvas          *c,
           BkChartPercentile  p,
           guint              i)
{
  return bk_chart_get_fan_value (c->chart, p, i);
}

/* Whether category @i has all five percentiles */
static gboolean
complete (BkCanvas *c,
          guint     i)
{
  for (guint p = 0; p < BK_CHART_N_PERCENTILES; p++)
    if (!isfinite (fan_value (c, p, i)))
      return FALSE;
  return TRUE;
}

static guint
fan_count (BkCanvas *c)
{
  guint n = c->chart->analysis.n_fan;

  return n == 0 ? 0 : MAX (n, c->chart->categories->len);
}

static void
fan_range (BkCanvas *c,
           double   *lo,
           double   *hi)
{
  *lo = 0.0;
  *hi = 0.0;
  for (guint i = 0; i < c->chart->analysis.n_fan; i++)
    for (guint p = 0; p < BK_CHART_N_PERCENTILES; p++)
      {
        double v = fan_value (c, p, i);

        if (isfinite (v))
          {
            *lo = MIN (*lo, v);
            *hi = MAX (*hi, v);
          }
      }
}

static BkChartColor
band_color (BkCanvas *c,
            gboolean  inner)
{
  BkChartColor hue = bk_chart_color_from_hex (c->theme->palette[FAN_COLOR]);
  BkChartColor outer = bk_chart_color_mix (&c->background, &hue, OUTER_ALPHA);

  return inner ? bk_chart_color_mix (&outer, &hue, INNER_ALPHA) : outer;
}

static void
fan_legend (BkCanvas *c,
            GArray   *entries)
{
  BkLegendEntry e = { 0 };

  if (c->chart->analysis.n_fan == 0)
    return;
  e.series = G_MAXUINT;
  e.name = _("5th–95th percentile");
  e.color = band_color (c, FALSE);
  g_array_append_val (entries, e);
  e.name = _("25th–75th percentile");
  e.color = band_color (c, TRUE);
  g_array_append_val (entries, e);
  e.name = _("Median");
  e.color = bk_chart_color_from_hex (c->theme->palette[FAN_COLOR]);
  e.line = TRUE;
  g_array_append_val (entries, e);
}

/* The band between @lower and @upper over the categories first..last */
static void
fill_band (BkCanvas          *c,
           guint              first,
           guint              last,
           BkChartPercentile  lower,
           BkChartPercentile  upper,
           double             alpha)
{
  cairo_t *cr = c->cr;
  BkChartColor hue = bk_chart_color_from_hex (c->theme->palette[FAN_COLOR]);

  cairo_new_path (cr);
  for (guint i = first; i <= last; i++)
    cairo_line_to (cr, bk_canvas_x (c, i), bk_canvas_y (c, fan_value (c, upper, i)));
  for (guint i = last + 1; i-- > first; )
    cairo_line_to (cr, bk_canvas_x (c, i), bk_canvas_y (c, fan_value (c, lower, i)));
  cairo_close_path (cr);
  cairo_set_source_rgba (cr, hue.red, hue.green, hue.blue, alpha);
  cairo_fill (cr);
}

/* One run of complete categories: its bands and median */
static void
draw_run (BkCanvas *c,
          guint     first,
          guint     last)
{
  cairo_t *cr = c->cr;
  BkChartColor hue = bk_chart_color_from_hex (c->theme->palette[FAN_COLOR]);

  fill_band (c, first, last, BK_CHART_P5, BK_CHART_P95, OUTER_ALPHA);
  fill_band (c, first, last, BK_CHART_P25, BK_CHART_P75, INNER_ALPHA);

  cairo_new_path (cr);
  for (guint i = first; i <= last; i++)
    cairo_line_to (cr, bk_canvas_x (c, i), bk_canvas_y (c, fan_value (c, BK_CHART_P50, i)));
  if (first == last)
    cairo_arc (cr, bk_canvas_x (c, first), bk_canvas_y (c, fan_value (c, BK_CHART_P50, first)),
               1.0, 0, 2 * G_PI);
  bk_canvas_set_color (c, &hue);
  cairo_set_line_width (cr, 2.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_stroke (cr);
}

static void
draw_fan (BkCanvas *c)
{
  guint n = c->chart->analysis.n_fan;
  double half = bk_canvas_spacing (c) / 2;
  guint first = G_MAXUINT;

  for (guint i = 0; i <= n; i++)
    {
      if (i < n && complete (c, i))
        {
          BkChartHitItem item = { 0 };

          if (first == G_MAXUINT)
            first = i;
          item.shape = BK_CHART_HIT_BAND;
          item.index = i;
          item.value = fan_value (c, BK_CHART_P50, i);
          item.x = item.anchor_x = bk_canvas_x (c, i);
          item.w = MAX (half, 4);
          item.y = c->py;
          item.h = c->ph;
          item.anchor_y = bk_canvas_y (c, item.value);
          bk_canvas_hit (c, &item);
          continue;
        }
      if (first != G_MAXUINT)
        draw_run (c, first, i - 1);
      first = G_MAXUINT;
    }
}

const BkChartPainter bk_chart_fan_painter = {
  .axes = TRUE,
  .line_swatch = TRUE,
  .count = fan_count,
  .range = fan_range,
  .legend = fan_legend,
  .draw = draw_fan,
};
