/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-chart-board.h — the live charts beside one page of the window */
#pragma once

#include <gtk/gtk.h>

#include "bk-chart.h"
#include "bk-engine.h"
#include "bk-sheet-view.h"

G_BEGIN_DECLS

#define BK_TYPE_CHART_BOARD (bk_chart_board_get_type ())

G_DECLARE_FINAL_TYPE (BkChartBoard, bk_chart_board, BK, CHART_BOARD, GtkWidget)

/* The charts of @page: "capex", "backlog", "tokens" and "share" have their
 * table's chart, "assumptions" the NPV by company, "results" four charts
 * (cumulative free cash flow, revenue, ROI or NPV, waterfall). */
GtkWidget   *bk_chart_board_new            (const char   *page);
const char  *bk_chart_board_get_page       (BkChartBoard *self);

/* What the charts show: the engine's workbook and results, refreshed once
 * in the next frame after the workbook changes or the results go stale.
 * Setting an engine builds the charts anew. */
BkEngine    *bk_chart_board_get_engine     (BkChartBoard *self);
void         bk_chart_board_set_engine     (BkChartBoard *self,
                                            BkEngine     *engine);
/* The page's sheet: a block of rows selected in it highlights their
 * series; in Share the cursor chooses the market and the period. */
void         bk_chart_board_set_sheet      (BkChartBoard *self,
                                            BkSheetView  *sheet);
/* The company of the revenue and waterfall charts ("company"; -1: the
 * first). */
void         bk_chart_board_set_company    (BkChartBoard *self,
                                            int           company);
/* Refreshes the charts in the next frame (now when not on screen). */
void         bk_chart_board_queue_update   (BkChartBoard *self);

/* Charts by key: "capex", "backlog", "tokens", "share", "npv",
 * "cumulative-fcf", "revenue", "roi", "waterfall"; NULL for the board's
 * first.  NULL when the board has no such chart (or none yet). */
BkChart     *bk_chart_board_get_chart      (BkChartBoard *self,
                                            const char   *key);
GtkWidget   *bk_chart_board_get_chart_view (BkChartBoard *self,
                                            const char   *key);

/* @view (a BkChartView) in the frame every live chart has: the ⋮ menu
 * with Export Chart… and Copy Chart (the window's win.export-chart and
 * win.copy-chart for @key) over a corner the chart keeps free.  For
 * charts shown outside a board, such as the Analysis page's. */
GtkWidget   *bk_chart_frame_get_menu_button (GtkWidget *frame);
GtkWidget   *bk_chart_frame_new            (GtkWidget    *view,
                                            const char   *key);

G_END_DECLS
