/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-chart-line.c — the line chart: one line a series, dots on its
 * points when there is room, gaps where values are missing */

#include "config.h"

#include "bk-chart-canvas-private.h"

static void
trace (BkCanvas            *c,
       const BkChartSeries *s)
{
  gboolean down = FALSE;

  for (guint i = 0; i < s->n_values && i < c->n_cat; i++)
    {
      double v = s->values[i];

      if (!isfinite (v))
        {
          down = FALSE;
          continue;
        }
      if (down)
        cairo_line_to (c->cr, bk_canvas_x (c, i), bk_canvas_y (c, v));
      else
        cairo_move_to (c->cr, bk_canvas_x (c, i), bk_canvas_y (c, v));
      down = TRUE;
    }
}

/* Dots on the points (all, or only those without a neighbour), and the
 * points as hits */
static void
dot (BkCanvas            *c,
     guint                si,
     const BkChartSeries *s,
     gboolean             dots)
{
  for (guint i = 0; i < s->n_values && i < c->n_cat; i++)
    {
      double v = s->values[i];
      gboolean isolated;
      BkChartHitItem item = { 0 };

      if (!isfinite (v))
        continue;

      isolated = (i == 0 || !isfinite (s->values[i - 1])) &&
                 (i + 1 >= s->n_values || !isfinite (s->values[i + 1]));
      if (dots || isolated)
        {
          cairo_new_sub_path (c->cr);
          cairo_arc (c->cr, bk_canvas_x (c, i), bk_canvas_y (c, v), 3.5, 0, 2 * G_PI);
        }

      item.shape = BK_CHART_HIT_POINT;
      item.series = si;
      item.index = i;
      item.value = v;
      item.x = item.anchor_x = bk_canvas_x (c, i);
      item.y = item.anchor_y = bk_canvas_y (c, v);
      bk_canvas_hit (c, &item);
    }
}

static void
draw_lines (BkCanvas *c)
{
  cairo_t *cr = c->cr;
  g_autoptr(GArray) order = bk_canvas_drawing_order (c);
  gboolean dots = bk_canvas_spacing (c) >= 28;

  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  /* Reference lines (a ceiling) last, thin and dashed: over the lines they
   * limit, which still show through where the two meet */
  for (int pass = 0; pass < 2; pass++)
    for (guint o = 0; o < order->len; o++)
      {
        static const double dash[] = { 6.0, 4.0 };
        guint si = g_array_index (order, guint, o);
        BkChartSeries *s = bk_canvas_series (c, si);
        BkChartColor color = bk_canvas_series_color (c, si);

        if (s->reference != (pass == 1))
          continue;
        bk_canvas_set_color (c, &color);
        cairo_set_line_width (cr, s->reference ? 1.75 : 2.5);
        cairo_set_dash (cr, dash, s->reference ? G_N_ELEMENTS (dash) : 0, 0);
        trace (c, s);
        cairo_stroke (cr);
        cairo_set_dash (cr, NULL, 0, 0);

        dot (c, si, s, dots && !s->reference);
        cairo_fill (cr);
      }
}

const BkChartPainter bk_chart_line_painter = {
  .axes = TRUE,
  .line_swatch = TRUE,
  .draw = draw_lines,
};
