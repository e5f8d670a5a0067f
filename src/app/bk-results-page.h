/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-results-page.h — the Results page: metrics per company and the total,
 * the per-period series of the selected company, and the results charts */
#pragma once

#include <gtk/gtk.h>

#include "bk-engine.h"
#include "bk-sheet-view.h"

G_BEGIN_DECLS

#define BK_TYPE_RESULTS_PAGE (bk_results_page_get_type ())

G_DECLARE_FINAL_TYPE (BkResultsPage, bk_results_page, BK, RESULTS_PAGE, GtkWidget)

GtkWidget   *bk_results_page_new              (void);
void         bk_results_page_set_engine       (BkResultsPage *self,
                                               BkEngine      *engine);
/* The company selected in the metrics sheet; -1 for the total. */
int          bk_results_page_get_company      (BkResultsPage *self);
BkSheetView *bk_results_page_get_metrics_sheet (BkResultsPage *self);
BkSheetView *bk_results_page_get_series_sheet (BkResultsPage *self);
void         bk_results_page_set_side         (BkResultsPage *self,
                                               GtkWidget     *side);
/* Whether the per-period sheet (rather than the metrics) had the focus last:
 * the table "Export This Table" writes. */
gboolean     bk_results_page_get_series_active (BkResultsPage *self);
/* That table as CSV (bk-results-csv.h): the metrics of every company, or
 * the per-period results of the selected company (or the total). */
char        *bk_results_page_dup_csv          (BkResultsPage *self);

/* The divider between the sheets and the charts below them, or
 * (@sheets) between the two sheets */
GtkPaned      *bk_results_page_get_paned         (BkResultsPage *self,
                                                  gboolean       sheets);

G_END_DECLS
