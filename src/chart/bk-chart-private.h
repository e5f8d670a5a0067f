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
  gboolean      reference;  /* a reference line (a ceiling): drawn over the others, thin and dashed */
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

typedef struct
{
  char   *label;
  double  low;        /* the metric at the driver's low value */
  double  high;
  char   *low_label;  /* the driver's values as text, or NULL */
  char   *high_label;
} BkChartSwing;

typedef struct
{
  double    x, y;
  char     *label;
  gboolean  is_current;
} BkChartPoint;

typedef struct
{
  double  value;
  char   *label;
} BkChartValueMarker;

typedef struct
{
  char        *title;
  BkChartUnit  unit;
} BkChartAxisInfo;

/* The data of the analysis kinds (bk-chart-analysis.c) */
typedef struct
{
  BkChartAxisInfo  axes[2];       /* BkChartAxis */

  double           base_value;    /* tornado; NAN: none */
  GArray          *swings;        /* BkChartSwing */

  guint            n_x, n_y;      /* map */
  double          *grid_x;
  double          *grid_y;
  double          *grid;          /* n_y rows of n_x */
  double           target;
  char            *target_label;
  GArray          *contour;       /* double x, y pairs; NAN breaks */
  GArray          *points;        /* BkChartPoint */

  guint            n_fan;         /* fan */
  double          *fan[BK_CHART_N_PERCENTILES];

  guint            n_bins;        /* histogram */
  double          *edges;         /* n_bins + 1 */
  double          *counts;
  GArray          *value_markers; /* BkChartValueMarker */
} BkChartAnalysis;

struct _BkChart
{
  GObject               parent_instance;

  BkChartKind           kind;
  char                 *title;
  char                 *subtitle;
  char                 *source;
  char                 *center_label;
  char                 *empty_text;   /* why nothing is drawn, or NULL */
  BkChartUnit           unit;
  BkChartLegendPosition legend_position;
  BkChartTheme          theme;

  GPtrArray            *categories;  /* char * */
  GPtrArray            *series;      /* BkChartSeries * */
  GArray               *markers;     /* BkChartMarker */
  GArray               *steps;       /* BkChartStep */
  BkChartAnalysis       analysis;
};

/* bk-chart-analysis.c: the analysis kinds' data, from bk_chart_init() and
 * bk_chart_finalize(), and the words for their hits */
void          bk_chart_analysis_init     (BkChartAnalysis *analysis);
void          bk_chart_analysis_clear    (BkChartAnalysis *analysis);
char         *bk_chart_analysis_describe (BkChart         *chart,
                                          const BkChartHit *hit);
void          bk_chart_emit_changed      (BkChart         *chart);

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
