/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-chart-view.h — a live BkChart on screen: hover values, legend toggles,
 * copy and export */
#pragma once

#include <gtk/gtk.h>

#include "bk-chart.h"
#include "bk-chart-export.h"

G_BEGIN_DECLS

#define BK_TYPE_CHART_VIEW (bk_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (BkChartView, bk_chart_view, BK, CHART_VIEW, GtkWidget)

BkChartView *bk_chart_view_new                (void);

/* The view follows the chart's ::changed, and sets the chart's theme to
 * match libadwaita's (light or dark) for as long as it shows it (so
 * adw_init() must have run). */
BkChart     *bk_chart_view_get_chart          (BkChartView   *self);
void         bk_chart_view_set_chart          (BkChartView   *self,
                                               BkChart       *chart);

/* Keeps the top right @width × @height of the view free of text, for a
 * button laid over it (bk_chart_render_around()); exports ignore it. */
void         bk_chart_view_set_corner         (BkChartView   *self,
                                               int            width,
                                               int            height);

/* The "chart.copy" action: PNG (at twice the on-screen size), a texture and
 * SVG on the clipboard.  Emits ::copied, or ::error. */
void         bk_chart_view_copy               (BkChartView   *self);

/* Writes the chart as it would look at @width × @height in @theme, without
 * the pointer's hover highlight.  The chart on screen is left as it was.
 * Nothing is written on failure.  Emits ::exported on success. */
gboolean     bk_chart_view_export             (BkChartView   *self,
                                               const char    *path,
                                               BkChartFormat  format,
                                               int            width,
                                               int            height,
                                               int            scale,
                                               BkChartTheme   theme,
                                               GError       **error);

/* The tooltip at (@x, @y) in widget coordinates: series, period and exact
 * value over a data point, what a click does over a legend entry, NULL
 * elsewhere. */
char        *bk_chart_view_dup_tooltip_text   (BkChartView   *self,
                                               double         x,
                                               double         y);

/* What a click at (@x, @y) does: toggles the series whose legend entry is
 * there.  FALSE if there is none. */
gboolean     bk_chart_view_toggle_series_at   (BkChartView   *self,
                                               double         x,
                                               double         y);

/* Where the last drawing put what (hover and clicks query it); NULL before
 * the first drawing of the current chart. */
BkChartHits *bk_chart_view_get_hits           (BkChartView   *self);

/* For tests and benchmarks: how many times the chart was drawn anew, and
 * how many frames showed it (a frame reuses the last drawing when nothing
 * changed). */
guint        bk_chart_view_get_n_renders      (BkChartView   *self);
guint        bk_chart_view_get_n_snapshots    (BkChartView   *self);

G_END_DECLS
