/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-chart-canvas-private.h — one render in progress, shared by the
 * renderer's files: the cairo context, theme colours, fonts, the plot
 * rectangle and the table entry of each chart kind */
#pragma once

#include <math.h>
#include <pango/pangocairo.h>

#include "bk-chart-hits-private.h"
#include "bk-chart-private.h"

G_BEGIN_DECLS

/* The colours of a theme (bk-chart-theme.c), 0xRRGGBB */
typedef struct
{
  guint32 background;
  guint32 text;
  guint32 secondary;
  guint32 grid;
  guint32 axis;
  guint32 increase;
  guint32 decrease;
  guint32 total;
  guint32 palette[8];
} BkChartThemeColors;

typedef enum
{
  BK_FONT_TITLE,
  BK_FONT_SUBTITLE,
  BK_FONT_LABEL,
  BK_FONT_SMALL,
  BK_FONT_SMALL_BOLD,
  BK_FONT_CENTER,
  BK_FONT_WRAP,     /* BK_FONT_LABEL on up to two centred lines */
  BK_FONT_SMALL_WRAP, /* BK_FONT_SMALL on up to two centred lines */
  BK_FONT_TINY,       /* a step below BK_FONT_SMALL, where room is short */
  BK_FONT_TINY_BOLD,
  BK_N_FONTS
} BkFontRole;

typedef enum
{
  BK_LABELS_HORIZONTAL,
  BK_LABELS_WRAPPED,
  BK_LABELS_ROTATED,
} BkLabelMode;

typedef struct _BkCanvas BkCanvas;

/* A numeric axis of a plot (bk-chart-plot.c): the values at its ends
 * and its ticks */
typedef struct
{
  double        lo, hi;     /* in: the values to show */
  gboolean      exact;      /* in: the plot ends at lo and hi, not at ticks */
  BkChartUnit   unit;       /* in: of the tick labels */
  double        min, max;   /* out: the values at the plot's two ends */
  BkChartTicks  ticks;      /* out: ticks outside min..max are not drawn */
} BkScale;

/* One chart kind in the renderer's table (bk-chart-render.c); each kind's
 * file defines its entry. */
typedef struct
{
  gboolean   axes;         /* drawn on a plot with a value axis; else draw
                            * fills the canvas' room itself */
  gboolean   bands;        /* categories are bands (bars), not points */
  gboolean   steps;        /* the categories are the chart's steps */
  gboolean   line_swatch;  /* legend swatches are lines, not squares */
  gboolean   key_in_plot;  /* a legend at the right is a key the kind
                            * places itself (bk_chart_legend_key) */
  /* The value range to show; NULL: the range of the visible values */
  void     (*range)  (BkCanvas *c,
                      double   *lo,
                      double   *hi);
  /* How many categories there are; NULL: as many as labels or values,
   * and none without a visible series (for kinds with axes) */
  guint    (*count)  (BkCanvas *c);
  /* Legend entries (BkLegendEntry); NULL: one per series */
  void     (*legend) (BkCanvas *c,
                      GArray   *entries);
  void     (*draw)   (BkCanvas *c);
} BkChartPainter;

extern const BkChartPainter bk_chart_line_painter;
extern const BkChartPainter bk_chart_bar_painter;
extern const BkChartPainter bk_chart_stacked_bar_painter;
extern const BkChartPainter bk_chart_stacked_area_painter;
extern const BkChartPainter bk_chart_donut_painter;
extern const BkChartPainter bk_chart_waterfall_painter;
extern const BkChartPainter bk_chart_tornado_painter;
extern const BkChartPainter bk_chart_map_painter;
extern const BkChartPainter bk_chart_fan_painter;
extern const BkChartPainter bk_chart_histogram_painter;

typedef struct
{
  const char   *name;
  BkChartColor  color;
  gboolean      hidden;
  gboolean      line;    /* a line swatch rather than a square */
  guint         series;  /* G_MAXUINT: not clickable */
  double        text_width;
} BkLegendEntry;

struct _BkCanvas
{
  BkChart                  *chart;
  const BkChartPainter     *painter;
  cairo_t                  *cr;
  BkChartHits              *hits;        /* NULL: not recorded */
  const BkChartThemeColors *theme;
  BkChartColor              background;
  BkChartColor              text;
  BkChartColor              secondary;
  PangoContext             *pango;
  PangoLayout              *layouts[BK_N_FONTS];
  double                    width;
  double                    height;
  gboolean                  any_highlight;
  int                       part;         /* BkChartPart being drawn, -1 */
  cairo_matrix_t            base;         /* the caller's user space */
  double                    line_height;  /* of BK_FONT_LABEL */

  /* The room left for the plot (or the donut) by title, legend and source */
  double                    left, top, right, bottom;
  double                    legend_room;  /* the height a bottom legend may take */
  gboolean                  compact;      /* legend rows and the gaps around
                                           * the source line drawn tighter */

  /* The plot, for the kinds with axes (bk-chart-axes.c) */
  double                    px, py, pw, ph;
  guint                     n_cat;
  double                    inset;        /* points: from the plot's sides */
  BkChartTicks              ticks;
  BkLabelMode               label_mode;
  guint                     label_every;
  double                    label_cap;    /* rotated labels: widest */
  guint                     label_lines;  /* rotated labels: 1 or 2 */
  BkFontRole                label_font;   /* rotated labels: LABEL or SMALL */
  double                    label_lh;     /* and its line height */
  double                    wrap_width;   /* wrapped labels: line width */

  /* Axis titles' places (bk-chart-plot.c), 0 for none */
  double                    x_title_y;
  double                    y_title_x;
};

/* bk-chart-theme.c */
const BkChartThemeColors *bk_chart_theme_colors (BkChartTheme        theme);
BkChartColor              bk_chart_color_mix    (const BkChartColor *from,
                                                 const BkChartColor *to,
                                                 double              amount);
double                    bk_chart_color_luminance (const BkChartColor *c);

/* bk-chart-canvas.c: setting up, text, series, hits */
void           bk_canvas_init          (BkCanvas           *c,
                                        BkChart            *chart,
                                        cairo_t            *cr,
                                        double              width,
                                        double              height,
                                        BkChartHits        *hits);
void           bk_canvas_setup_text    (BkCanvas           *c);
void           bk_canvas_clear         (BkCanvas           *c);
void           bk_canvas_set_color     (BkCanvas           *c,
                                        const BkChartColor *color);
/* @layout's logical size in user units; either pointer may be NULL */
void           bk_canvas_layout_size   (PangoLayout        *layout,
                                        double             *width,
                                        double             *height);
/* The layout of @role holding @text, at most @max_width wide (0: any) */
PangoLayout   *bk_canvas_text          (BkCanvas           *c,
                                        BkFontRole          role,
                                        const char         *text,
                                        double              max_width,
                                        double             *width,
                                        double             *height);
/* A new layout of @role holding @text on at most @lines lines of at most
 * @max_width, wrapped at words (or characters, where a word is wider), cut
 * with "…" only past the last line; the caller unrefs it */
PangoLayout   *bk_canvas_text_wrapped  (BkCanvas           *c,
                                        BkFontRole          role,
                                        const char         *text,
                                        double              max_width,
                                        int                 lines,
                                        double             *width,
                                        double             *height);
void           bk_canvas_show          (BkCanvas           *c,
                                        PangoLayout        *layout,
                                        double              x,
                                        double              y,
                                        const BkChartColor *color);
/* "No data to show", centred in the room for the plot */
void           bk_canvas_no_data       (BkCanvas           *c);
/* The colour series @i is drawn in: dimmed while others are highlighted */
BkChartColor   bk_canvas_series_color  (BkCanvas           *c,
                                        guint               i);
guint          bk_canvas_count_visible (BkCanvas           *c);
/* Visible series, dimmed ones first so highlighted ones are drawn on top */
GArray        *bk_canvas_drawing_order (BkCanvas           *c);
/* A bar from @top to @bottom as a hit, at least 6 px tall */
void           bk_canvas_hit_rect      (BkCanvas           *c,
                                        guint               series,
                                        guint               index,
                                        double              value,
                                        double              x,
                                        double              top,
                                        double              w,
                                        double              bottom,
                                        double              anchor_y);
void           bk_canvas_hit           (BkCanvas           *c,
                                        const BkChartHitItem *item);
/* The rectangle, in the current user space (rotated or not), as its four
 * corners in the caller's user space (x, y of each, going round) */
gboolean       bk_canvas_user_corners  (BkCanvas           *c,
                                        double              x,
                                        double              y,
                                        double              w,
                                        double              h,
                                        double              corners[8]);
/* The rectangle, in the current user space (rotated or not), as a box in
 * the caller's user space */
gboolean       bk_canvas_user_box      (BkCanvas           *c,
                                        double              x,
                                        double              y,
                                        double              w,
                                        double              h,
                                        cairo_rectangle_t  *box);
/* Records the rectangle, in the current user space (rotated or not), as
 * drawn for the part being drawn (c->part) */
void           bk_canvas_mark_part     (BkCanvas           *c,
                                        double              x,
                                        double              y,
                                        double              w,
                                        double              h);

/* bk-chart-legend.c: draws the legend and shrinks the room it took from */
void           bk_chart_legend_draw    (BkCanvas           *c);
/* The height a legend at the bottom would take (at most three rows) of a
 * room @room_height tall; 0 when it goes to the right or there is none */
double         bk_chart_legend_height  (BkCanvas           *c,
                                        double              room_height);
/* A kind with key_in_plot: the width its key's entries want (0: no key),
 * and the key in a column @w wide from (@x, @y) down, drawn if @draw, as
 * a part of the plot (it lies among the plot's scales); the height it
 * takes */
double         bk_chart_legend_key_width (BkCanvas         *c);
double         bk_chart_legend_key     (BkCanvas           *c,
                                        double              x,
                                        double              y,
                                        double              w,
                                        gboolean            draw);

/* bk-chart-axes.c: draws a plot with axes in the room left, and the
 * kind's data on it */
void           bk_chart_axes_draw      (BkCanvas           *c);

/* bk-chart-plot.c: the parts of plots that kinds share: tick labels,
 * grid lines, axis titles, and the plot of the kinds with a numeric x
 * axis (tornado, map, histogram) */
double         bk_canvas_ticks_width   (BkCanvas           *c,
                                        const BkChartTicks *ticks,
                                        BkChartUnit         unit);
/* Ticks for @s->lo..hi in about @target intervals; sets min and max */
void           bk_scale_compute        (BkScale            *s,
                                        guint               target);
/* How many intervals a value axis @length px long should have */
guint          bk_plot_tick_target     (double              length);
/* Takes the room of the axis titles from the canvas' room */
void           bk_plot_reserve_titles  (BkCanvas           *c);
/* Draws them along the plot */
void           bk_plot_draw_titles     (BkCanvas           *c);
/* Horizontal grid lines at @y's ticks (but zero, if @skip_zero) and
 * their labels left of the plot */
void           bk_plot_draw_y_grid     (BkCanvas           *c,
                                        const BkScale      *y,
                                        gboolean            skip_zero);
/* Vertical grid lines at @x's ticks and their labels below the plot */
void           bk_plot_draw_x_grid     (BkCanvas           *c,
                                        const BkScale      *x);
/* Lays out a plot with @x along the bottom and @y up the left side, or,
 * @y NULL, row labels @label_width wide; sets c->px, py, pw, ph.  FALSE
 * when there is no room. */
gboolean       bk_plot_layout          (BkCanvas           *c,
                                        BkScale            *x,
                                        BkScale            *y,
                                        double              label_width);
/* A 1 px line at @x from @top down to the plot's bottom, dashed or not */
void           bk_plot_vertical_line   (BkCanvas           *c,
                                        double              x,
                                        double              top,
                                        const BkChartColor *color,
                                        gboolean            dashed);

/* bk-chart-markers.c: labelled points on series (payback) */
void           bk_chart_markers_draw   (BkCanvas           *c);

static inline BkChartSeries *
bk_canvas_series (BkCanvas *c,
                  guint     i)
{
  return g_ptr_array_index (c->chart->series, i);
}

static inline double
bk_chart_series_value (const BkChartSeries *s,
                       guint                i)
{
  return i < s->n_values ? s->values[i] : NAN;
}

/* Half-pixel positions for crisp 1 px lines */
static inline double
bk_canvas_snap (double v)
{
  return floor (v) + 0.5;
}

/* Value to y in the plot */
static inline double
bk_canvas_y (BkCanvas *c,
             double    v)
{
  return c->py + c->ph * (c->ticks.max - v) / (c->ticks.max - c->ticks.min);
}

/* A value to x or y in the plot, on a numeric axis */
static inline double
bk_scale_x (BkCanvas      *c,
            const BkScale *s,
            double         v)
{
  return c->px + c->pw * (v - s->min) / (s->max - s->min);
}

static inline double
bk_scale_y (BkCanvas      *c,
            const BkScale *s,
            double         v)
{
  return c->py + c->ph * (s->max - v) / (s->max - s->min);
}

/* The distance between two categories */
static inline double
bk_canvas_spacing (BkCanvas *c)
{
  if (c->painter->bands || c->n_cat <= 1)
    return c->pw / MAX (c->n_cat, 1);
  return (c->pw - 2 * c->inset) / (c->n_cat - 1);
}

/* Category (fractional: 2.4 is 40 % of the way to 3) to x in the plot */
static inline double
bk_canvas_x (BkCanvas *c,
             double    i)
{
  if (c->painter->bands || c->n_cat <= 1)
    return c->px + (i + 0.5) * c->pw / MAX (c->n_cat, 1);
  return c->px + c->inset + i * bk_canvas_spacing (c);
}

G_END_DECLS
