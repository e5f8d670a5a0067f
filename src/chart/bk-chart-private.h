/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-chart-private.h — the chart description shared by the chart's files */
#pragma once

#include "bk-chart.h"

G_BEGIN_DECLS

typedef struct
{
  char         *name;
  double       *values;
  guint         n_values;
  gboolean      has_color;
  BkChartColor  color;
  gboolean      hidden;
  gboolean      highlighted;
} BkChartSeries;

typedef struct
{
  guint   series;
  double  x;
  char   *label;
} BkChartMarker;

typedef struct
{
  char     *label;
  double    value;
  gboolean  is_total;
} BkChartStep;

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

typedef struct
{
  double x, y, w, h;
  guint  series;
} BkChartLegendItem;

struct _BkChart
{
  GObject               parent_instance;

  BkChartKind           kind;
  char                 *title;
  char                 *subtitle;
  char                 *source;
  char                 *center_label;
  BkChartUnit           unit;
  BkChartLegendPosition legend_position;
  BkChartTheme          theme;

  GPtrArray            *categories;  /* char * */
  GPtrArray            *series;      /* BkChartSeries * */
  GArray               *markers;     /* BkChartMarker */
  GArray               *steps;       /* BkChartStep */

  /* Geometry of the last render */
  gboolean              has_plot;
  cairo_rectangle_t     plot;
  GArray               *hits;        /* BkChartHitItem */
  GArray               *legend_hits; /* BkChartLegendItem */
};

/* Renders; with @record_geometry FALSE the hit-test geometry is kept. */
void  bk_chart_render_full (BkChart *chart,
                            cairo_t *cr,
                            double   width,
                            double   height,
                            gboolean record_geometry);

G_END_DECLS
