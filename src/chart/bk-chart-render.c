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

/* The least height the plot keeps: chrome (title, subtitle, source line,
 * legend) gives way before the data does */
#define MIN_PLOT_SHARE  0.45
#define MIN_PLOT_HEIGHT 90.0

/* The width a heading may take: @inset narrower at the top while the top
 * is above @inset_bottom */
static double
heading_room (BkCanvas *c,
              gboolean  at_bottom,
              double    inset,
              double    inset_bottom)
{
  double room = c->right - c->left;

  if (!at_bottom && c->top < inset_bottom)
    room = MAX (room - inset, 1);
  return room;
}

/* The layout of @role holding @text wrapped onto up to @max_lines lines
 * of @room before it is cut short; its height into @height. */
static PangoLayout *
heading_layout (BkCanvas   *c,
                BkFontRole  role,
                const char *text,
                int         max_lines,
                double      room,
                double     *height)
{
  PangoLayout *layout = c->layouts[role];

  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_height (layout, -max_lines);
  return bk_canvas_text (c, role, text, room, NULL, height);
}

/* Between the source line and what is above it */
static double
source_gap (BkCanvas *c)
{
  return c->compact ? 4 : 8;
}

/* How much of the height a heading takes, with its gap; 0 for none.
 * *cut (if given) TRUE when it would be cut short with "…". */
static double
heading_height (BkCanvas   *c,
                BkFontRole  role,
                const char *text,
                int         max_lines,
                double      room,
                gboolean   *cut)
{
  PangoLayout *layout;
  double h;

  if (text == NULL || *text == '\0' || max_lines == 0)
    return 0;
  layout = heading_layout (c, role, text, max_lines, room, &h);
  if (cut != NULL)
    *cut = *cut || pango_layout_is_ellipsized (layout);
  /* The layout is shared: one line again for whoever uses it next */
  pango_layout_set_height (layout, -1);
  return h + (role == BK_FONT_TITLE ? 2 : role == BK_FONT_SMALL || role == BK_FONT_TINY ? source_gap (c) : 0);
}

/* Text at the top (shrinking the room from above) or the bottom (from
 * below), wrapped onto up to @max_lines lines before it is cut short, and
 * @inset narrower at the top while it is above @inset_bottom; nothing for
 * an empty text or no lines. */
static void
draw_heading (BkCanvas           *c,
              BkChartPart         part,
              BkFontRole          role,
              const char         *text,
              const BkChartColor *color,
              gboolean            at_bottom,
              int                 max_lines,
              double              inset,
              double              inset_bottom)
{
  double room = heading_room (c, at_bottom, inset, inset_bottom);
  PangoLayout *layout;
  double h;

  if (text == NULL || *text == '\0' || max_lines == 0)
    return;

  c->part = part;
  layout = heading_layout (c, role, text, max_lines, room, &h);
  if (at_bottom)
    {
      bk_canvas_show (c, layout, c->left, c->bottom - h, color);
      if (c->hits != NULL)
        bk_chart_hits_add_text (c->hits, c->left, c->bottom - h, room, h, pango_layout_is_ellipsized (layout));
      c->bottom -= h + source_gap (c);
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
  c->part = -1;
}

/* How many lines the title, the subtitle and the source line get (0: left
 * out) and the source line's font, so that they, one row of legend and
 * the plot's least height fit.  First the steps that show every heading
 * whole: the source line on two lines, else a font step smaller; then
 * (truly small sizes) the first of the steps that cut or drop headings
 * that fits, the last if none does.  The title always shows, on one line
 * at least. */
typedef struct
{
  int        title, subtitle, source;
  BkFontRole source_font;
  gboolean   whole;    /* taken only if nothing is cut */
  gboolean   compact;  /* the legend's rows and the gaps tighter */
} HeadingStep;

static const HeadingStep heading_steps[] = {
  { 2, 3, 2, BK_FONT_SMALL, TRUE, FALSE },
  { 2, 3, 2, BK_FONT_TINY, TRUE, FALSE },
  { 2, 3, 2, BK_FONT_TINY, TRUE, TRUE },
  { 2, 3, 2, BK_FONT_SMALL, FALSE, FALSE },
  { 2, 3, 1, BK_FONT_SMALL, FALSE, FALSE },
  { 2, 2, 1, BK_FONT_SMALL, FALSE, FALSE },
  { 2, 1, 1, BK_FONT_SMALL, FALSE, FALSE },
  { 1, 1, 1, BK_FONT_SMALL, FALSE, FALSE },
  { 1, 1, 0, BK_FONT_SMALL, FALSE, FALSE },  /* no source line */
  { 1, 0, 0, BK_FONT_SMALL, FALSE, FALSE },  /* nor subtitle */
};

/* The least height the plot keeps of a room @room tall */
static double
min_plot_height (double room)
{
  return MAX (MIN_PLOT_HEIGHT, room * MIN_PLOT_SHARE);
}

static const HeadingStep *
budget_headings (BkCanvas *c,
                 double    inset,
                 double    inset_bottom)
{
  BkChart *chart = c->chart;
  double room = c->bottom - c->top;
  double top_room = heading_room (c, FALSE, inset, inset_bottom);
  double bottom_room = heading_room (c, TRUE, 0, 0);
  guint i;

  for (i = 0; i + 1 < G_N_ELEMENTS (heading_steps); i++)
    {
      const HeadingStep *step = &heading_steps[i];
      gboolean cut = FALSE;
      double used, legend;

      c->compact = step->compact;
      used = heading_height (c, BK_FONT_TITLE, chart->title, step->title, top_room, &cut) +
             heading_height (c, BK_FONT_SUBTITLE, chart->subtitle, step->subtitle, top_room, &cut) +
             heading_height (c, step->source_font, chart->source, step->source, bottom_room, &cut) + 10;
      /* In the room the headings leave: at the right if it fits there */
      legend = bk_chart_legend_height (c, room - used);
      used += legend;
      if (room - used >= min_plot_height (room) && !(step->whole && cut))
        break;
    }
  c->compact = heading_steps[i].compact;
  return &heading_steps[i];
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
  const HeadingStep *step;

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
   * the source line bottom left; as many lines of each as leave the plot
   * its room */
  corner_width = MAX (0, corner_width - pad);
  step = budget_headings (&c, corner_width, corner_height);
  draw_heading (&c, BK_CHART_PART_TITLE, BK_FONT_TITLE, chart->title, &c.text, FALSE,
                step->title, corner_width, corner_height);
  draw_heading (&c, BK_CHART_PART_SUBTITLE, BK_FONT_SUBTITLE, chart->subtitle, &c.secondary, FALSE,
                step->subtitle, corner_width, corner_height);
  if (c.top > pad)
    c.top += 10;
  if (corner_width > 0)
    c.top = MAX (c.top, corner_height);
  draw_heading (&c, BK_CHART_PART_SOURCE, step->source_font, chart->source, &c.secondary, TRUE,
                step->source, 0, 0);

  /* Nothing to draw: the reason, in the plot's room, and no legend */
  if (chart->empty_text != NULL)
    {
      c.part = BK_CHART_PART_PLOT;
      bk_canvas_no_data (&c);
    }

  /* The legend: as many rows as leave the plot its room, one at least */
  c.legend_room = MAX (c.bottom - c.top - min_plot_height (height - 2 * pad), 0);
  c.part = BK_CHART_PART_LEGEND;
  if (chart->empty_text == NULL)
    bk_chart_legend_draw (&c);

  if (chart->empty_text == NULL && c.right - c.left > 20 && c.bottom - c.top > 20)
    {
      cairo_rectangle_t plot;

      c.part = BK_CHART_PART_PLOT;
      if (c.painter->axes)
        bk_chart_axes_draw (&c);
      else
        c.painter->draw (&c);
      if (hits != NULL && bk_chart_hits_get_plot_area (hits, &plot))
        bk_chart_hits_add_to_part (hits, BK_CHART_PART_PLOT, plot.x, plot.y, plot.width, plot.height);
    }
  c.part = -1;

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
