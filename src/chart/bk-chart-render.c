/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-chart-render.c — rendering a chart: the background, title, subtitle,
 * source line and legend laid out around the room for the plot, and the
 * kind's painter called to fill it
 *
 * Each kind draws in its own file (bk-chart-line.c, bk-chart-bar.c,
 * bk-chart-stacked.c, bk-chart-donut.c, bk-chart-waterfall.c,
 * bk-chart-tornado.c, bk-chart-map.c, bk-chart-fan.c,
 * bk-chart-histogram.c); the kinds with category axes are drawn on the
 * plot of bk-chart-axes.c, those with a numeric x axis lay out their own
 * with bk-chart-plot.c.  What was drawn where
 * goes into a BkChartHits (bk-chart-hits.c), never into the chart.
 */

#include "config.h"

#include "bk-chart-canvas-private.h"

static const BkChartPainter *const painters[] = {
  [BK_CHART_KIND_LINE] = &bk_chart_line_painter,
  [BK_CHART_KIND_BAR] = &bk_chart_bar_painter,
  [BK_CHART_KIND_STACKED_BAR] = &bk_chart_stacked_bar_painter,
  [BK_CHART_KIND_STACKED_AREA] = &bk_chart_stacked_area_painter,
  [BK_CHART_KIND_DONUT] = &bk_chart_donut_painter,
  [BK_CHART_KIND_WATERFALL] = &bk_chart_waterfall_painter,
  [BK_CHART_KIND_TORNADO] = &bk_chart_tornado_painter,
  [BK_CHART_KIND_BREAKEVEN_MAP] = &bk_chart_map_painter,
  [BK_CHART_KIND_FAN] = &bk_chart_fan_painter,
  [BK_CHART_KIND_HISTOGRAM] = &bk_chart_histogram_painter,
};

/* A line of text at the top (shrinking the room from above) or the
 * bottom (from below); nothing for an empty text. */
static void
draw_heading (BkCanvas           *c,
              BkFontRole          role,
              const char         *text,
              const BkChartColor *color,
              gboolean            at_bottom)
{
  PangoLayout *layout;
  double w, h;

  if (text == NULL || *text == '\0')
    return;

  layout = bk_canvas_text (c, role, text, c->right - c->left, &w, &h);
  if (at_bottom)
    {
      bk_canvas_show (c, layout, c->left, c->bottom - h, color);
      c->bottom -= h + 8;
    }
  else
    {
      bk_canvas_show (c, layout, c->left, c->top, color);
      c->top += role == BK_FONT_TITLE ? h + 2 : h;
    }
}

void
bk_chart_render_full (BkChart     *chart,
                      cairo_t     *cr,
                      double       width,
                      double       height,
                      BkChartHits *hits)
{
  BkCanvas c;
  double pad = CLAMP (MIN (width, height) * 0.03, 8.0, 20.0);

  g_assert (BK_IS_CHART (chart));
  g_assert (chart->kind < G_N_ELEMENTS (painters));

  bk_canvas_init (&c, chart, cr, width, height, hits);
  c.painter = painters[chart->kind];
  c.left = pad;
  c.top = pad;
  c.right = width - pad;
  c.bottom = height - pad;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  bk_canvas_set_color (&c, &c.background);
  cairo_paint (cr);

  if (width < 2 * pad + 20 || height < 2 * pad + 20)
    {
      cairo_restore (cr);
      return;
    }

  bk_canvas_setup_text (&c);

  /* Title and subtitle top left, the source line bottom left */
  draw_heading (&c, BK_FONT_TITLE, chart->title, &c.text, FALSE);
  draw_heading (&c, BK_FONT_SUBTITLE, chart->subtitle, &c.secondary, FALSE);
  if (c.top > pad)
    c.top += 10;
  draw_heading (&c, BK_FONT_SMALL, chart->source, &c.secondary, TRUE);

  bk_chart_legend_draw (&c);

  if (c.right - c.left > 20 && c.bottom - c.top > 20)
    {
      if (c.painter->axes)
        bk_chart_axes_draw (&c);
      else
        c.painter->draw (&c);
    }

  bk_canvas_clear (&c);
  cairo_restore (cr);
}

BkChartHits *
bk_chart_render (BkChart *chart,
                 cairo_t *cr,
                 double   width,
                 double   height)
{
  BkChartHits *hits;

  g_return_val_if_fail (BK_IS_CHART (chart), NULL);
  g_return_val_if_fail (cr != NULL, NULL);
  g_return_val_if_fail (width >= 0 && height >= 0, NULL);

  hits = bk_chart_hits_new (width, height);
  bk_chart_render_full (chart, cr, width, height, hits);
  return hits;
}
