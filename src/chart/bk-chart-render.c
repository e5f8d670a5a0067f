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

/* Text at the top (shrinking the room from above) or the bottom (from
 * below), wrapped onto up to @max_lines lines before it is cut short, and
 * @inset narrower at the top while it is above @inset_bottom; nothing for
 * an empty text. */
static void
draw_heading (BkCanvas           *c,
              BkFontRole          role,
              const char         *text,
              const BkChartColor *color,
              gboolean            at_bottom,
              int                 max_lines,
              double              inset,
              double              inset_bottom)
{
  PangoLayout *layout = c->layouts[role];
  double room = c->right - c->left;
  double w, h;

  if (text == NULL || *text == '\0')
    return;

  if (!at_bottom && c->top < inset_bottom)
    room = MAX (room - inset, 1);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_height (layout, -max_lines);
  layout = bk_canvas_text (c, role, text, room, &w, &h);
  if (at_bottom)
    {
      bk_canvas_show (c, layout, c->left, c->bottom - h, color);
      if (c->hits != NULL)
        bk_chart_hits_add_text (c->hits, c->left, c->bottom - h, room, h, pango_layout_is_ellipsized (layout));
      c->bottom -= h + 8;
    }
  else
    {
      bk_canvas_show (c, layout, c->left, c->top, color);
      if (c->hits != NULL)
        bk_chart_hits_add_text (c->hits, c->left, c->top, room, h, pango_layout_is_ellipsized (layout));
      c->top += role == BK_FONT_TITLE ? h + 2 : h;
    }
  /* The layout is shared: one line again for whoever uses it next */
  pango_layout_set_height (layout, -1);
}

void
bk_chart_render_full (BkChart     *chart,
                      cairo_t     *cr,
                      double       width,
                      double       height,
                      double       corner_width,
                      double       corner_height,
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

  /* Title and subtitle top left, wrapping before the corner kept free;
   * the source line bottom left */
  corner_width = MAX (0, corner_width - pad);
  draw_heading (&c, BK_FONT_TITLE, chart->title, &c.text, FALSE, 2, corner_width, corner_height);
  draw_heading (&c, BK_FONT_SUBTITLE, chart->subtitle, &c.secondary, FALSE, 3, corner_width, corner_height);
  if (c.top > pad)
    c.top += 10;
  if (corner_width > 0)
    c.top = MAX (c.top, corner_height);
  draw_heading (&c, BK_FONT_SMALL, chart->source, &c.secondary, TRUE, 2, 0, 0);

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
  bk_chart_render_full (chart, cr, width, height, 0, 0, hits);
  return hits;
}

BkChartHits *
bk_chart_render_around (BkChart *chart,
                        cairo_t *cr,
                        double   width,
                        double   height,
                        double   corner_width,
                        double   corner_height)
{
  BkChartHits *hits;

  g_return_val_if_fail (BK_IS_CHART (chart), NULL);
  g_return_val_if_fail (cr != NULL, NULL);
  g_return_val_if_fail (width >= 0 && height >= 0, NULL);
  g_return_val_if_fail (corner_width >= 0 && corner_height >= 0, NULL);

  hits = bk_chart_hits_new (width, height);
  bk_chart_render_full (chart, cr, width, height, corner_width, corner_height, hits);
  return hits;
}
