/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-chart-donut.c — the donut: a slice a visible series sized by its
 * first value, values inside the ring where they fit, a label in the hole */

#include "config.h"

#include "bk-chart-canvas-private.h"

typedef struct
{
  double cx, cy, inner, outer;
} Ring;

static void
draw_slice (BkCanvas   *c,
            const Ring *ring,
            guint       si,
            double      v,
            double      angle,
            double      sweep,
            gboolean    outlined)
{
  cairo_t *cr = c->cr;
  BkChartColor color = bk_canvas_series_color (c, si), ink;
  double mid = angle + sweep / 2;
  double rm = (ring->outer + ring->inner) / 2;
  BkChartHitItem item = { 0 };
  g_autofree char *label = NULL;
  PangoLayout *layout;
  double tw, th;

  cairo_new_path (cr);
  cairo_arc (cr, ring->cx, ring->cy, ring->outer, angle, angle + sweep);
  cairo_arc_negative (cr, ring->cx, ring->cy, ring->inner, angle + sweep, angle);
  cairo_close_path (cr);
  bk_canvas_set_color (c, &color);
  if (outlined)
    {
      cairo_fill_preserve (cr);
      bk_canvas_set_color (c, &c->background);
      cairo_set_line_width (cr, 1.5);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_BEVEL);
      cairo_stroke (cr);
    }
  else
    cairo_fill (cr);

  item.shape = BK_CHART_HIT_SLICE;
  item.series = si;
  item.index = 0;
  item.value = v;
  item.x = ring->cx;
  item.y = ring->cy;
  item.w = ring->inner;
  item.h = ring->outer;
  item.start = angle + G_PI / 2;
  item.end = angle + G_PI / 2 + sweep;
  item.anchor_x = ring->cx + rm * cos (mid);
  item.anchor_y = ring->cy + rm * sin (mid);
  bk_canvas_hit (c, &item);

  /* The value inside the ring when there is room */
  label = bk_chart_format_short (c->chart->unit, v);
  layout = bk_canvas_text (c, BK_FONT_SMALL_BOLD, label, 0, &tw, &th);
  if (sweep * rm > tw + 8 && ring->outer - ring->inner > th + 4 &&
      (sweep > 0.5 || sweep * rm > 2 * tw))
    {
      ink = bk_chart_color_luminance (&color) > 0.55 ? bk_chart_color_from_hex (0x1e1e1e)
                                                     : bk_chart_color_from_hex (0xffffff);
      bk_canvas_show (c, layout, item.anchor_x - tw / 2, item.anchor_y - th / 2, &ink);
    }
}

static void
draw_donut (BkCanvas *c)
{
  BkChart *chart = c->chart;
  Ring ring;
  double total = 0, angle = -G_PI / 2;
  guint n_slices = 0;

  ring.cx = (c->left + c->right) / 2;
  ring.cy = (c->top + c->bottom) / 2;
  ring.outer = MIN (c->right - c->left, c->bottom - c->top) / 2 - 4;
  ring.inner = ring.outer * 0.58;

  for (guint si = 0; si < chart->series->len; si++)
    {
      BkChartSeries *s = bk_canvas_series (c, si);
      double v = bk_chart_series_value (s, 0);

      if (!s->hidden && isfinite (v) && v > 0)
        {
          total += v;
          n_slices++;
        }
    }

  if (total <= 0 || ring.outer < 20)
    {
      bk_canvas_no_data (c);
      return;
    }

  if (c->hits != NULL)
    bk_chart_hits_set_plot (c->hits, ring.cx - ring.outer, ring.cy - ring.outer,
                            2 * ring.outer, 2 * ring.outer);

  for (guint si = 0; si < chart->series->len; si++)
    {
      BkChartSeries *s = bk_canvas_series (c, si);
      double v = bk_chart_series_value (s, 0);
      double sweep;

      if (s->hidden || !isfinite (v) || v <= 0)
        continue;

      sweep = 2 * G_PI * v / total;
      draw_slice (c, &ring, si, v, angle, sweep, n_slices > 1);
      angle += sweep;
    }

  if (chart->center_label != NULL && *chart->center_label != '\0')
    {
      PangoLayout *layout;
      double w = ring.inner * 1.5, tw, th;

      layout = bk_canvas_text (c, BK_FONT_CENTER, chart->center_label, w, &tw, &th);
      bk_canvas_show (c, layout, ring.cx - w / 2, ring.cy - th / 2, &c->text);
    }
}

const BkChartPainter bk_chart_donut_painter = {
  .draw = draw_donut,
};
