/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-chart.h — a chart description and its renderer (cairo + pango only) */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "bk-chart-axis.h"
#include "bk-chart-hits.h"

G_BEGIN_DECLS

typedef enum
{
  BK_CHART_KIND_LINE,
  BK_CHART_KIND_BAR,           /* grouped bars: one group per category */
  BK_CHART_KIND_STACKED_BAR,
  BK_CHART_KIND_STACKED_AREA,
  BK_CHART_KIND_DONUT,         /* one slice per series, sized by its first value */
  BK_CHART_KIND_WATERFALL,     /* the steps, not the series */
} BkChartKind;

typedef enum
{
  BK_CHART_LEGEND_RIGHT,
  BK_CHART_LEGEND_BOTTOM,
  BK_CHART_LEGEND_NONE,
} BkChartLegendPosition;

typedef enum
{
  BK_CHART_THEME_LIGHT,
  BK_CHART_THEME_DARK,
} BkChartTheme;

/* Components 0..1. */
typedef struct
{
  double red;
  double green;
  double blue;
} BkChartColor;

#define BK_TYPE_CHART_KIND (bk_chart_kind_get_type ())
#define BK_TYPE_CHART_UNIT (bk_chart_unit_get_type ())
#define BK_TYPE_CHART_LEGEND_POSITION (bk_chart_legend_position_get_type ())
#define BK_TYPE_CHART_THEME (bk_chart_theme_get_type ())

GType bk_chart_kind_get_type            (void) G_GNUC_CONST;
GType bk_chart_unit_get_type            (void) G_GNUC_CONST;
GType bk_chart_legend_position_get_type (void) G_GNUC_CONST;
GType bk_chart_theme_get_type           (void) G_GNUC_CONST;

#define BK_TYPE_CHART (bk_chart_get_type ())

G_DECLARE_FINAL_TYPE (BkChart, bk_chart, BK, CHART, GObject)

/* Every change to the description emits BkChart::changed once. */
BkChart              *bk_chart_new                    (BkChartKind            kind);

BkChartKind           bk_chart_get_kind               (BkChart               *chart);
void                  bk_chart_set_kind               (BkChart               *chart,
                                                       BkChartKind            kind);
/* Texts are shown as given: the caller translates them. */
const char           *bk_chart_get_title              (BkChart               *chart);
void                  bk_chart_set_title              (BkChart               *chart,
                                                       const char            *title);
const char           *bk_chart_get_subtitle           (BkChart               *chart);
void                  bk_chart_set_subtitle           (BkChart               *chart,
                                                       const char            *subtitle);
/* The source line at the bottom, "Source: company filings". */
const char           *bk_chart_get_source             (BkChart               *chart);
void                  bk_chart_set_source             (BkChart               *chart,
                                                       const char            *source);
/* The text in the hole of a donut. */
const char           *bk_chart_get_center_label       (BkChart               *chart);
void                  bk_chart_set_center_label       (BkChart               *chart,
                                                       const char            *label);
BkChartUnit           bk_chart_get_unit               (BkChart               *chart);
void                  bk_chart_set_unit               (BkChart               *chart,
                                                       BkChartUnit            unit);
BkChartLegendPosition bk_chart_get_legend_position    (BkChart               *chart);
void                  bk_chart_set_legend_position    (BkChart               *chart,
                                                       BkChartLegendPosition  position);
BkChartTheme          bk_chart_get_theme              (BkChart               *chart);
void                  bk_chart_set_theme              (BkChart               *chart,
                                                       BkChartTheme           theme);

/* Category labels along the x axis (periods or companies), NULL-terminated.
 * The axis has as many categories as the longest series, or as labels. */
void                  bk_chart_set_categories         (BkChart               *chart,
                                                       const char * const    *labels);
guint                 bk_chart_get_n_categories       (BkChart               *chart);

/* Series: @values are copied; NAN is a gap (a break in a line, no bar; zero
 * in a stack).  Returns the series index.
 * Colours come from the palette by index unless set. */
guint                 bk_chart_add_series             (BkChart               *chart,
                                                       const char            *name,
                                                       const double          *values,
                                                       gsize                  n_values);
void                  bk_chart_set_series_values      (BkChart               *chart,
                                                       guint                  series,
                                                       const double          *values,
                                                       gsize                  n_values);
/* Also drops the markers, which belong to series. */
void                  bk_chart_clear_series           (BkChart               *chart);
guint                 bk_chart_get_n_series           (BkChart               *chart);
const char           *bk_chart_get_series_name        (BkChart               *chart,
                                                       guint                  series);
/* @color NULL goes back to the palette colour. */
void                  bk_chart_set_series_color       (BkChart               *chart,
                                                       guint                  series,
                                                       const BkChartColor    *color);
/* The colour drawn in the current theme (for swatches next to tables). */
void                  bk_chart_get_series_color       (BkChart               *chart,
                                                       guint                  series,
                                                       BkChartColor          *color);
/* Hidden series are left out of the plot and the axis range; their legend
 * entry stays, hollow, so a click can bring them back. */
void                  bk_chart_set_series_hidden      (BkChart               *chart,
                                                       guint                  series,
                                                       gboolean               hidden);
gboolean              bk_chart_get_series_hidden      (BkChart               *chart,
                                                       guint                  series);
/* While any series is highlighted, the others are drawn dimmed. */
void                  bk_chart_set_series_highlighted (BkChart               *chart,
                                                       guint                  series,
                                                       gboolean               highlighted);
gboolean              bk_chart_get_series_highlighted (BkChart               *chart,
                                                       guint                  series);

/* A labelled point on @series at fractional category position @x (2.4 is
 * 40 % of the way from category 2 to 3), e.g. a payback point. */
void                  bk_chart_add_marker             (BkChart               *chart,
                                                       guint                  series,
                                                       double                 x,
                                                       const char            *label);
void                  bk_chart_clear_markers          (BkChart               *chart);

/* Waterfall steps in order.  A total is a bar from zero to @value (NAN: to
 * the running sum) and restarts the sum there; other steps add @value. */
void                  bk_chart_add_step               (BkChart               *chart,
                                                       const char            *label,
                                                       double                 value,
                                                       gboolean               is_total);
void                  bk_chart_clear_steps            (BkChart               *chart);
guint                 bk_chart_get_n_steps            (BkChart               *chart);

/* Draws the chart into the rectangle (0, 0, @width, @height) of @cr's user
 * space.  Returns where it drew what, for hit tests (see bk-chart-hits.h);
 * the chart itself keeps nothing of the render. */
BkChartHits          *bk_chart_render                 (BkChart               *chart,
                                                       cairo_t               *cr,
                                                       double                 width,
                                                       double                 height) G_GNUC_WARN_UNUSED_RESULT;
/* The same, keeping the top right @corner_width × @corner_height free of
 * text (the title and subtitle wrap before it, the legend starts below
 * it), for a button laid over the chart on screen. */
BkChartHits          *bk_chart_render_around          (BkChart               *chart,
                                                       cairo_t               *cr,
                                                       double                 width,
                                                       double                 height,
                                                       double                 corner_width,
                                                       double                 corner_height) G_GNUC_WARN_UNUSED_RESULT;
/* Tooltip text for @hit (from a render of @chart): series, category and
 * exact value, one per line. */
char                 *bk_chart_describe_hit           (BkChart               *chart,
                                                       const BkChartHit      *hit);

/* The colour-blind-safe (Okabe–Ito) palette, cycling. */
void                  bk_chart_palette_color          (BkChartTheme           theme,
                                                       guint                  index,
                                                       BkChartColor          *color);
/* The background the theme paints (libadwaita's view background). */
void                  bk_chart_theme_background       (BkChartTheme           theme,
                                                       BkChartColor          *color);

G_END_DECLS
