/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-chart-hits.h — where one render drew what: the hit geometry of a chart */
#pragma once

#include <cairo.h>
#include <glib-object.h>

G_BEGIN_DECLS

/* What lies under the pointer. */
typedef struct
{
  guint  series;  /* series index; waterfall, map, fan, histogram: 0;
                   * tornado: 0 the low bar, 1 the high bar */
  guint  index;   /* category index; waterfall: step; donut: 0; tornado:
                   * row; map: cell (bk_chart_get_grid_cell()); fan:
                   * category; histogram: bin */
  double value;   /* the value as given (waterfall: the step's value;
                   * tornado: the metric; fan: the median; histogram:
                   * the count) */
  double x;       /* where a tooltip should point, render coordinates */
  double y;
} BkChartHit;

/* The parts of a chart's layout: its texts around the plot, its legend,
 * and what the kind drew in the room they left (the plot or the ring, with
 * its axes, tick and category labels, axis titles and value labels). */
typedef enum
{
  BK_CHART_PART_TITLE,
  BK_CHART_PART_SUBTITLE,
  BK_CHART_PART_SOURCE,
  BK_CHART_PART_LEGEND,
  BK_CHART_PART_PLOT,
  BK_CHART_N_PARTS
} BkChartPart;

#define BK_TYPE_CHART_HITS (bk_chart_hits_get_type ())

G_DECLARE_FINAL_TYPE (BkChartHits, bk_chart_hits, BK, CHART_HITS, GObject)

/* The size the render was made at, as given to bk_chart_render(). */
double    bk_chart_hits_get_width       (BkChartHits       *self);
double    bk_chart_hits_get_height      (BkChartHits       *self);

/* The data point, bar, band or slice under (@x, @y), in the render's
 * coordinates; the nearest point when several are in reach.  FALSE where
 * there is none. */
gboolean  bk_chart_hits_lookup          (BkChartHits       *self,
                                         double             x,
                                         double             y,
                                         BkChartHit        *hit);
/* The series whose legend entry is under (@x, @y). */
gboolean  bk_chart_hits_lookup_legend   (BkChartHits       *self,
                                         double             x,
                                         double             y,
                                         guint             *series);
/* The plot rectangle (a donut: the ring's square); FALSE when the render
 * had no plot (too small, no data). */
gboolean  bk_chart_hits_get_plot_area   (BkChartHits       *self,
                                         cairo_rectangle_t *area);
/* The title, subtitle and source line as drawn: the box of the @i-th
 * (the ink may be narrower) and whether it had to be cut short with "…"
 * for want of room.  FALSE past the last. */
guint     bk_chart_hits_get_n_texts     (BkChartHits       *self);
gboolean  bk_chart_hits_get_text        (BkChartHits       *self,
                                         guint              i,
                                         cairo_rectangle_t *area,
                                         gboolean          *cut);
/* The labels of the markers as drawn: of the value markers (the
 * histogram's P5, Mean, …) or of the markers on series (a line's
 * paybacks; markers of equal text share one label, given as the first of
 * them): the @i-th label's marker (its index among the chart's value
 * markers, or its markers) and its box.  FALSE past the last. */
guint     bk_chart_hits_get_n_labels    (BkChartHits       *self);
gboolean  bk_chart_hits_get_label       (BkChartHits       *self,
                                         guint              i,
                                         guint             *marker,
                                         cairo_rectangle_t *area);
/* The category labels along the x axis as drawn (a waterfall's steps):
 * the @i-th label's category, the box around its ink (rotated labels:
 * around the rotated box) and whether it had to be cut short with "…".
 * Labels thinned out for want of room are not drawn and not here.  FALSE
 * past the last. */
guint     bk_chart_hits_get_n_categories (BkChartHits      *self);
gboolean  bk_chart_hits_get_category    (BkChartHits       *self,
                                         guint              i,
                                         guint             *index,
                                         cairo_rectangle_t *area,
                                         gboolean          *cut);
/* The @i-th category label's ink box as drawn, rotated or not: the x, y
 * of its four corners, going round.  FALSE past the last. */
gboolean  bk_chart_hits_get_category_corners (BkChartHits *self,
                                              guint        i,
                                              double       corners[8]);
/* The names drawn for series and points (legend entries, the map's point
 * labels): the @i-th one's text as given, the box it was drawn in, and
 * whether it had to be cut short with "…" for want of room.  FALSE past
 * the last. */
guint     bk_chart_hits_get_n_names     (BkChartHits       *self);
gboolean  bk_chart_hits_get_name        (BkChartHits       *self,
                                         guint              i,
                                         const char       **text,
                                         cairo_rectangle_t *area,
                                         gboolean          *cut);
/* The marks drawn at points that carry a name (the breakeven map's
 * scenarios): the box around the @i-th.  FALSE past the last. */
guint     bk_chart_hits_get_n_marks     (BkChartHits       *self);
gboolean  bk_chart_hits_get_mark        (BkChartHits       *self,
                                         guint              i,
                                         cairo_rectangle_t *area);
/* The box around everything the render drew of @part (the ink of its
 * texts, its swatches; for the plot also its rectangle), in the render's
 * coordinates; FALSE when nothing of it was drawn. */
gboolean  bk_chart_hits_get_part        (BkChartHits       *self,
                                         BkChartPart        part,
                                         cairo_rectangle_t *area);

G_END_DECLS
