/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-chart-stacked.c — stacked bars and stacked areas: visible series
 * piled up a category, positive values upwards and negative ones down */

#include "config.h"

#include "bk-chart-canvas-private.h"

#define AREA_STRENGTH 0.80     /* fill of stacked areas against the background */

/* Puts @v on the positive or the negative pile; returns where it starts. */
static double
pile (double  v,
      double *pos,
      double *neg)
{
  double base;

  if (v >= 0)
    {
      base = *pos;
      *pos += v;
    }
  else
    {
      base = *neg;
      *neg += v;
    }
  return base;
}

static void
stacked_range (BkCanvas *c,
               double   *lo,
               double   *hi)
{
  *lo = 0.0;
  *hi = 0.0;
  for (guint i = 0; i < c->n_cat; i++)
    {
      double pos = 0, neg = 0;

      for (guint j = 0; j < c->chart->series->len; j++)
        {
          BkChartSeries *s = bk_canvas_series (c, j);
          double v = bk_chart_series_value (s, i);

          if (!s->hidden && isfinite (v))
            pile (v, &pos, &neg);
        }
      *lo = MIN (*lo, neg);
      *hi = MAX (*hi, pos);
    }
}

static void
draw_stacked_bars (BkCanvas *c)
{
  cairo_t *cr = c->cr;
  double bar_w = bk_canvas_spacing (c) * 0.6;

  for (guint i = 0; i < c->n_cat; i++)
    {
      double pos = 0, neg = 0;
      double x = bk_canvas_x (c, i) - bar_w / 2;

      for (guint si = 0; si < c->chart->series->len; si++)
        {
          BkChartSeries *s = bk_canvas_series (c, si);
          double v = bk_chart_series_value (s, i);
          double base, top, bottom;
          BkChartColor color;

          if (s->hidden || !isfinite (v) || v == 0)
            continue;

          base = pile (v, &pos, &neg);
          if (v > 0)
            {
              top = bk_canvas_y (c, base + v);
              bottom = bk_canvas_y (c, base);
              if (base > 0 && bottom - top > 3)
                bottom -= 1;  /* a hairline between segments */
            }
          else
            {
              top = bk_canvas_y (c, base);
              bottom = bk_canvas_y (c, base + v);
              if (base < 0 && bottom - top > 3)
                top += 1;
            }

          color = bk_canvas_series_color (c, si);
          bk_canvas_set_color (c, &color);
          cairo_rectangle (cr, x, top, bar_w, bottom - top);
          cairo_fill (cr);
          bk_canvas_hit_rect (c, si, i, v, x, top, bar_w, bottom, v > 0 ? top : bottom);
        }
    }
}

/* One series' band between @lower and @upper */
static void
fill_band (BkCanvas           *c,
           const double       *lower,
           const double       *upper,
           const BkChartColor *color)
{
  cairo_t *cr = c->cr;
  guint n = c->n_cat;
  double half = bk_canvas_spacing (c) / 2;
  BkChartColor fill = bk_chart_color_mix (&c->background, color, AREA_STRENGTH);

  if (n == 1)
    {
      /* One period: a column rather than an invisible sliver */
      cairo_rectangle (cr, bk_canvas_x (c, 0) - half / 2, bk_canvas_y (c, MAX (upper[0], lower[0])),
                       half, fabs (bk_canvas_y (c, upper[0]) - bk_canvas_y (c, lower[0])));
      bk_canvas_set_color (c, &fill);
      cairo_fill (cr);
      return;
    }

  for (guint i = 0; i < n; i++)
    cairo_line_to (cr, bk_canvas_x (c, i), bk_canvas_y (c, upper[i]));
  for (guint i = n; i-- > 0;)
    cairo_line_to (cr, bk_canvas_x (c, i), bk_canvas_y (c, lower[i]));
  cairo_close_path (cr);
  bk_canvas_set_color (c, &fill);
  cairo_fill (cr);

  for (guint i = 0; i < n; i++)
    cairo_line_to (cr, bk_canvas_x (c, i), bk_canvas_y (c, upper[i]));
  bk_canvas_set_color (c, color);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);
}

static void
draw_stacked_areas (BkCanvas *c)
{
  guint n = c->n_cat;
  g_autofree double *pos = g_new0 (double, n);
  g_autofree double *neg = g_new0 (double, n);
  g_autofree double *lower = g_new0 (double, n);
  g_autofree double *upper = g_new0 (double, n);
  double half = bk_canvas_spacing (c) / 2;

  cairo_set_line_join (c->cr, CAIRO_LINE_JOIN_ROUND);

  for (guint si = 0; si < c->chart->series->len; si++)
    {
      BkChartSeries *s = bk_canvas_series (c, si);
      BkChartColor color;

      if (s->hidden)
        continue;

      for (guint i = 0; i < n; i++)
        {
          double v = bk_chart_series_value (s, i);

          if (!isfinite (v))
            v = 0;
          lower[i] = pile (v, &pos[i], &neg[i]);
          upper[i] = lower[i] + v;
        }

      color = bk_canvas_series_color (c, si);
      fill_band (c, lower, upper, &color);

      for (guint i = 0; i < n; i++)
        {
          BkChartHitItem item = { 0 };
          double a = bk_canvas_y (c, upper[i]), b = bk_canvas_y (c, lower[i]);

          if (!isfinite (bk_chart_series_value (s, i)))
            continue;
          item.shape = BK_CHART_HIT_BAND;
          item.series = si;
          item.index = i;
          item.value = bk_chart_series_value (s, i);
          item.x = bk_canvas_x (c, i);
          item.w = half;
          item.y = MIN (a, b);
          item.h = fabs (a - b);
          item.anchor_x = item.x;
          item.anchor_y = a;
          bk_canvas_hit (c, &item);
        }
    }
}

const BkChartPainter bk_chart_stacked_bar_painter = {
  .axes = TRUE,
  .bands = TRUE,
  .range = stacked_range,
  .draw = draw_stacked_bars,
};

const BkChartPainter bk_chart_stacked_area_painter = {
  .axes = TRUE,
  .range = stacked_range,
  .draw = draw_stacked_areas,
};
