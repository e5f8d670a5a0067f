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
};

/* Renders, recording the hit geometry into @hits unless it is NULL
 * (export, which needs none), keeping the top right @corner_width ×
 * @corner_height free of text (see bk_chart_render_around()). */
void          bk_chart_render_full     (BkChart     *chart,
                                        cairo_t     *cr,
                                        double       width,
                                        double       height,
                                        double       corner_width,
                                        double       corner_height,
                                        BkChartHits *hits);

/* 0xRRGGBB as a colour (bk-chart-theme.c). */
BkChartColor  bk_chart_color_from_hex  (guint32      hex);

G_END_DECLS
