/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-analysis-page.h — the Analysis page: scenarios compared, a metric by
 * scenario, the tornado and the breakeven map, live */

#pragma once

#include <gtk/gtk.h>

#include "bk-assumptions.h"
#include "bk-chart.h"
#include "bk-compare-table-model.h"
#include "bk-engine.h"
#include "bk-metric.h"
#include "bk-sheet-view.h"

G_BEGIN_DECLS

/* Points per axis of the page's breakeven map */
#define BK_ANALYSIS_MAP_STEPS 21

#define BK_TYPE_ANALYSIS_PAGE (bk_analysis_page_get_type ())
G_DECLARE_FINAL_TYPE (BkAnalysisPage, bk_analysis_page, BK, ANALYSIS_PAGE, GtkWidget)

GtkWidget           *bk_analysis_page_new                (void);
/* What the page analyses: the engine's workbook, the tornado and the map
 * in the engine's scenario.  Every change of either is drawn in the next
 * frame (once, however many changes came) while the page is on screen,
 * and when the page comes on screen otherwise. */
void                 bk_analysis_page_set_engine         (BkAnalysisPage *self,
                                                          BkEngine       *engine);

BkSheetView         *bk_analysis_page_get_compare_sheet  (BkAnalysisPage *self);
BkCompareTableModel *bk_analysis_page_get_compare_model  (BkAnalysisPage *self);

/* The page's charts by key: "compare", "tornado", "breakeven-map"; NULL
 * for another key or before the first update. */
BkChart             *bk_analysis_page_get_chart          (BkAnalysisPage *self,
                                                          const char     *key);
GtkWidget           *bk_analysis_page_get_chart_view     (BkAnalysisPage *self,
                                                          const char     *key);

/* The choices the page's dropdowns make.  The metric of the by-scenario
 * chart; the tornado's metric and company (-1: the total); the map's
 * drivers (price_per_mtok across, utilization up by default; x and y
 * differ: choosing one as the other swaps them). */
GtkDropDown         *bk_analysis_page_get_dropdown       (BkAnalysisPage *self,
                                                          const char     *name);
BkMetric             bk_analysis_page_get_compare_metric (BkAnalysisPage *self);
void                 bk_analysis_page_set_compare_metric (BkAnalysisPage *self,
                                                          BkMetric        metric);
void                 bk_analysis_page_set_tornado        (BkAnalysisPage *self,
                                                          BkMetric        metric,
                                                          int             company);
void                 bk_analysis_page_set_map_drivers    (BkAnalysisPage *self,
                                                          BkAssumption    x,
                                                          BkAssumption    y);

/* An empty vertical box at the bottom of the page, under the charts, for a
 * panel that belongs on it (the Monte Carlo simulation):
 * gtk_box_append (GTK_BOX (bk_analysis_page_get_simulation_slot (page)), panel) */
GtkWidget           *bk_analysis_page_get_simulation_slot (BkAnalysisPage *self);

/* For tests and benchmarks: how many times the page recalculated (once
 * per frame at most). */
guint                bk_analysis_page_get_n_updates      (BkAnalysisPage *self);
/* Recalculates now if anything changed since the last update. */
void                 bk_analysis_page_update_now         (BkAnalysisPage *self);
/* The divider between the table and the charts */
GtkPaned            *bk_analysis_page_get_paned          (BkAnalysisPage *self);

G_END_DECLS
