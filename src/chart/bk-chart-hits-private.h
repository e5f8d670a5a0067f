/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-chart-hits-private.h — how the renderer records its hit geometry */
#pragma once

#include "bk-chart-hits.h"

G_BEGIN_DECLS

typedef enum
{
  BK_CHART_HIT_RECT,   /* x, y, w, h */
  BK_CHART_HIT_POINT,  /* x, y */
  BK_CHART_HIT_BAND,   /* the column x ± w between y and y + h */
  BK_CHART_HIT_SLICE,  /* centre x, y; radii w (inner) .. h (outer); angles */
} BkChartHitShape;

typedef struct
{
  BkChartHitShape shape;
  guint           series;
  guint           index;
  double          value;
  double          x, y, w, h;
  double          start, end;  /* clockwise from 12 o'clock, radians */
  double          anchor_x, anchor_y;
} BkChartHitItem;

BkChartHits *bk_chart_hits_new        (double                   width,
                                       double                   height);
void         bk_chart_hits_add        (BkChartHits             *self,
                                       const BkChartHitItem    *item);
void         bk_chart_hits_add_legend (BkChartHits             *self,
                                       guint                    series,
                                       double                   x,
                                       double                   y,
                                       double                   w,
                                       double                   h);
void         bk_chart_hits_add_name   (BkChartHits             *self,
                                       const char              *text,
                                       double                   x,
                                       double                   y,
                                       double                   w,
                                       double                   h,
                                       gboolean                 cut);
void         bk_chart_hits_add_mark   (BkChartHits             *self,
                                       double                   x,
                                       double                   y,
                                       double                   w,
                                       double                   h);
void         bk_chart_hits_add_text   (BkChartHits             *self,
                                       double                   x,
                                       double                   y,
                                       double                   w,
                                       double                   h,
                                       gboolean                 cut);
void         bk_chart_hits_add_label  (BkChartHits             *self,
                                       guint                    marker,
                                       double                   x,
                                       double                   y,
                                       double                   w,
                                       double                   h);
/* @corners: the label's ink box as drawn, rotated or not (x, y of each
 * corner, going round) */
void         bk_chart_hits_add_category (BkChartHits           *self,
                                         guint                  index,
                                         const double           corners[8],
                                         gboolean               cut);
/* The box around @corners (x, y of four points) */
void         bk_chart_corners_box     (const double             corners[8],
                                       cairo_rectangle_t       *box);
/* Grows @part's box to take in the rectangle */
void         bk_chart_hits_add_to_part (BkChartHits            *self,
                                        BkChartPart             part,
                                        double                  x,
                                        double                  y,
                                        double                  w,
                                        double                  h);
void         bk_chart_hits_set_plot   (BkChartHits             *self,
                                       double                   x,
                                       double                   y,
                                       double                   w,
                                       double                   h);

G_END_DECLS
