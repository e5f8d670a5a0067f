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
/* How many columns the last allocation used: 1, 2 or 4 */
guint      bk_chart_grid_get_n_columns (BkChartGrid *self);

G_END_DECLS
