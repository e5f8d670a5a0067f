/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-test-layout.h — asserting that a page of the window shows its text
 * whole: sheet headers, the last column, chart headings clear of the
 * chart's menu button */
#pragma once

#include "bk-chart-grid.h"
#include "bk-window.h"

G_BEGIN_DECLS

/* Shows @page in @window (already presented) and asserts, for every sheet
 * on it, that each column header fits and that its last column can be
 * scrolled fully into the window, and for every chart, that no heading
 * (title, subtitle, source line) is cut short or lies under the chart's
 * ⋮ button.  @page's cursor is left in the last column. */
void  bk_test_assert_page_fits      (BkWindow   *window,
                                     const char *page);
/* Whether the last column of @sheet lies within @window without
 * scrolling: the whole table is in view */
gboolean bk_test_sheet_fully_shown  (BkWindow    *window,
                                     BkSheetView *sheet);
/* Asserts that @sheet shows its column headers and whole rows: its last
 * visible row ends where the sheet does, or all @n_rows are in view.
 * @what names the case in the messages. */
void  bk_test_assert_whole_rows     (BkSheetView *sheet,
                                     guint        n_rows,
                                     const char  *what);
/* Asserts that every chart of @page_name that lies in its scroller's view
 * is in it whole (none cut through its text by the view's edge) and that
 * at least one is; @n_charts, unless 0, is how many the page has. */
void  bk_test_assert_whole_charts   (BkWindow    *window,
                                     const char  *page_name,
                                     guint        n_charts,
                                     const char  *what);
/* The scroller of @page_name's chart grid, which is put in @grid */
GtkScrolledWindow *bk_test_chart_scroller (BkWindow    *window,
                                           const char  *page_name,
                                           BkChartGrid **grid);
/* Moves @scroller's view to @value as a scroll would (a snap must then be
 * pending), waits for it to come to rest and returns where it rests */
double bk_test_scroll_and_rest      (BkWindow          *window,
                                     GtkScrolledWindow *scroller,
                                     double             value);

G_END_DECLS
