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
  BK_CHART_KIND_TORNADO,       /* the swings: a row a driver, from the base value */
  BK_CHART_KIND_BREAKEVEN_MAP, /* the grid as a heat map, the contour, the points */
  BK_CHART_KIND_FAN,           /* the percentile bands over the categories */
  BK_CHART_KIND_HISTOGRAM,     /* the bins on a value axis, the value markers */
} BkChartKind;

/* The two axes of a plot: x along the bottom, y up the left side. */
typedef enum
{
  BK_CHART_AXIS_X,
  BK_CHART_AXIS_Y,
} BkChartAxis;

/* The percentiles of a fan chart's bands (bk_chart_set_fan()). */
typedef enum
{
  BK_CHART_P5,
  BK_CHART_P25,
  BK_CHART_P50,
  BK_CHART_P75,
  BK_CHART_P95,
  BK_CHART_N_PERCENTILES
} BkChartPercentile;

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
/* Why there is nothing to draw ("Meta never pays back in “Base”…"):
 * when set, the plot's room shows this text instead of the data and the
 * legend, and the summary says it; NULL (or "") draws the data. */
const char           *bk_chart_get_empty_text         (BkChart               *chart);
void                  bk_chart_set_empty_text         (BkChart               *chart,
                                                       const char            *text);
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

/* The data of the analysis kinds (tornado, breakeven map, fan,
 * histogram); each kind draws only its own, and the others keep theirs.
 * Values are in the chart's unit unless said otherwise. */

/* An axis title: "Price per million tokens" under the x axis, "Trials"
 * up the y axis (any kind with axes; NULL or "" for none).  @unit labels
 * the ticks of the breakeven map's axes, whose values are drivers; the
 * other kinds label their value axis in the chart's unit and counts as
 * plain numbers, and ignore it. */
void                  bk_chart_set_axis               (BkChart               *chart,
                                                       BkChartAxis            axis,
                                                       const char            *title,
                                                       BkChartUnit            unit);
const char           *bk_chart_get_axis_title         (BkChart               *chart,
                                                       BkChartAxis            axis);

/* Tornado: the metric at the base case, where every bar starts (a
 * vertical line); NAN, the default, for none (bars start at zero). */
void                  bk_chart_set_base_value         (BkChart               *chart,
                                                       double                 value);
double                bk_chart_get_base_value         (BkChart               *chart);
/* Tornado: one row, top to bottom in the order added (largest swing
 * first): @label is the driver's name as people read it, @metric_at_low
 * and @metric_at_high the metric with the driver at its low and its high
 * value.  @low_label and @high_label (NULL: none) are the driver's low
 * and high values as text ("$1.60", "48%"), shown at the bars' ends.
 * Returns the row's index. */
guint                 bk_chart_add_swing              (BkChart               *chart,
                                                       const char            *label,
                                                       double                 metric_at_low,
                                                       double                 metric_at_high,
                                                       const char            *low_label,
                                                       const char            *high_label);
void                  bk_chart_clear_swings           (BkChart               *chart);
guint                 bk_chart_get_n_swings           (BkChart               *chart);

/* Breakeven map: the metric at @n_x × @n_y points, @values row by row,
 * rows following @y_values (values[j * n_x + i] is at x_values[i],
 * y_values[j]); @x_values and @y_values ascend.  NAN cells are left blank.
 * Everything is copied; @n_x or @n_y 0 clears the grid. */
void                  bk_chart_set_grid               (BkChart               *chart,
                                                       guint                  n_x,
                                                       const double          *x_values,
                                                       guint                  n_y,
                                                       const double          *y_values,
                                                       const double          *values);
/* The point and value of grid cell @index (j * n_x + i, the index of a
 * hit on the map); FALSE when there is no such cell. */
gboolean              bk_chart_get_grid_cell          (BkChart               *chart,
                                                       guint                  index,
                                                       double                *x,
                                                       double                *y,
                                                       double                *value);
/* Breakeven map: the metric's target, where the diverging colour scale
 * turns from below (red) to above (blue), and the name of its contour
 * for the legend ("NPV = 0"; NULL: none).  The default target is 0. */
void                  bk_chart_set_target             (BkChart               *chart,
                                                       double                 target,
                                                       const char            *label);
/* Breakeven map: a polyline of the contour metric = target through
 * @n_points points, @xy = { x0, y0, x1, y1, … } in the grid's values; a
 * point with a NAN coordinate breaks the line, so a list of segments can
 * be given at once. */
void                  bk_chart_add_contour            (BkChart               *chart,
                                                       gsize                  n_points,
                                                       const double          *xy);
void                  bk_chart_clear_contours         (BkChart               *chart);
/* Breakeven map: a labelled point (a scenario at its drivers' values);
 * the current scenario's stands out. */
void                  bk_chart_add_point              (BkChart               *chart,
                                                       double                 x,
                                                       double                 y,
                                                       const char            *label,
                                                       gboolean               is_current);
void                  bk_chart_clear_points           (BkChart               *chart);

/* Fan: the percentiles of each category (period), @n_values each: P5–P95
 * and P25–P75 are drawn as bands, P50 as the median line.  A category
 * with a NAN in any of them breaks the bands.  @n_values 0 clears. */
void                  bk_chart_set_fan                (BkChart               *chart,
                                                       gsize                  n_values,
                                                       const double          *p5,
                                                       const double          *p25,
                                                       const double          *p50,
                                                       const double          *p75,
                                                       const double          *p95);
/* The percentile @p of category @index; NAN when there is none. */
double                bk_chart_get_fan_value          (BkChart               *chart,
                                                       BkChartPercentile      p,
                                                       guint                  index);

/* Histogram: @n_bins contiguous bins, bin i from @edges[i] to
 * @edges[i + 1] (@n_bins + 1 ascending edges) holding @counts[i] (≥ 0).
 * @n_bins 0 clears. */
void                  bk_chart_set_bins               (BkChart               *chart,
                                                       gsize                  n_bins,
                                                       const double          *edges,
                                                       const double          *counts);
guint                 bk_chart_get_n_bins             (BkChart               *chart);
/* Histogram: a labelled vertical line at @value ("NPV = 0", "Mean",
 * "P5"); @label NULL for none. */
void                  bk_chart_add_value_marker       (BkChart               *chart,
                                                       double                 value,
                                                       const char            *label);
void                  bk_chart_clear_value_markers    (BkChart               *chart);

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

/* The chart in a few sentences, for screen readers (bk-chart-summary.c):
 * "Net present value by company: Microsoft $272B, Alphabet $180B.
 * US$ billion, Base" — each series' value (or its first and last), the
 * highest and the lowest, then the subtitle. */
char                 *bk_chart_dup_summary            (BkChart               *chart);

/* The colour-blind-safe (Okabe–Ito) palette, cycling. */
void                  bk_chart_palette_color          (BkChartTheme           theme,
                                                       guint                  index,
                                                       BkChartColor          *color);
/* The background the theme paints (libadwaita's view background). */
void                  bk_chart_theme_background       (BkChartTheme           theme,
                                                       BkChartColor          *color);

G_END_DECLS
