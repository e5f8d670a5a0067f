/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-chart-grid.h — charts side by side in as many columns as fit */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BK_TYPE_CHART_GRID (bk_chart_grid_get_type ())

G_DECLARE_FINAL_TYPE (BkChartGrid, bk_chart_grid, BK, CHART_GRID, GtkWidget)

GtkWidget *bk_chart_grid_new          (void);
void       bk_chart_grid_append       (BkChartGrid *self,
                                       GtkWidget   *child);
/* How many columns the last allocation used: 1, 2 or 4 (3 for three charts) */
guint      bk_chart_grid_get_n_columns (BkChartGrid *self);

/* Where @row of the last allocation lies, in the grid's coordinates;
 * FALSE past the last row */
gboolean   bk_chart_grid_get_row_area  (BkChartGrid *self,
                                        guint        row,
                                        int         *y,
                                        int         *height);

/* The height of the view the grid scrolls in (-1: it does not scroll):
 * when its rows do not all fit, they are sized so a whole number of them
 * fills the view.  Set by its holder before the view is allocated. */
void       bk_chart_grid_set_view_height (BkChartGrid *self,
                                          int          height);
/* The least height of a row of charts at @width (-1: any) */
int        bk_chart_grid_get_row_minimum (BkChartGrid *self,
                                          int          width);

G_END_DECLS
