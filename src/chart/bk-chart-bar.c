/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-chart-bar.c — grouped bars: a group a category, a bar a visible
 * series, negative values hanging below the zero line */

#include "config.h"

#include "bk-chart-canvas-private.h"

static void
draw_bars (BkCanvas *c)
{
  cairo_t *cr = c->cr;
  guint n_visible = bk_canvas_count_visible (c);
  double band = bk_canvas_spacing (c);
  double group = band * (n_visible > 1 ? 0.78 : 0.6);
  double bar_w = group / MAX (n_visible, 1);
  double gap = bar_w > 8 ? 2 : 0;
  guint slot = 0;

  for (guint si = 0; si < c->chart->series->len; si++)
    {
      BkChartSeries *s = bk_canvas_series (c, si);
      BkChartColor color;

      if (s->hidden)
        continue;

      color = bk_canvas_series_color (c, si);
      bk_canvas_set_color (c, &color);
      for (guint i = 0; i < s->n_values && i < c->n_cat; i++)
        {
          double v = s->values[i];
          double x = bk_canvas_x (c, i) - group / 2 + slot * bar_w + gap / 2;
          double top, bottom;

          if (!isfinite (v))
            continue;
          top = bk_canvas_y (c, MAX (v, 0));
          bottom = bk_canvas_y (c, MIN (v, 0));
          cairo_rectangle (cr, x, top, bar_w - gap, bottom - top);
          bk_canvas_hit_rect (c, si, i, v, x, top, bar_w - gap, bottom, v >= 0 ? top : bottom);
        }
      cairo_fill (cr);
      slot++;
    }
}

const BkChartPainter bk_chart_bar_painter = {
  .axes = TRUE,
  .bands = TRUE,
  .draw = draw_bars,
};
