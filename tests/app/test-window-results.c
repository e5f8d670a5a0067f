/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window-results.c — the Results page at 1024 × 600, 1440 × 900 and
 * on a large screen: the charts' scroller shows whole charts, never one
 * cut through its text, and the two sheets above, their rows level, end
 * after a whole row
 *
 * Real windows under Xvfb. */
#include "config.h"

#include "bk-application.h"
#include "bk-chart-view.h"
#include "bk-results-page.h"
#include "bk-test-app.h"
#include "bk-test-layout.h"
#include "bk-test-ui.h"
#include "bk-window.h"

static BkApplication *app;

/* The window at @width × @height on the Results page, its chart rows
 * settled */
static BkWindow *
open_window (int width,
             int height)
{
  BkWindow *window = bk_test_app_present_window (app, NULL, width, height);

  bk_window_set_page (window, "results");
  /* The scroller's least height follows its rows a frame later */
  for (guint i = 0; i < 4; i++)
    bk_test_wait_frames (GTK_WIDGET (window), 1);
  return window;
}

static void
check_size (int width,
            int height)
{
  BkWindow *window = open_window (width, height);
  BkResultsPage *results = BK_RESULTS_PAGE (bk_window_get_page_widget (window, "results"));
  g_autofree char *what = g_strdup_printf ("%d x %d", width, height);
  GdkRectangle metrics_cell, series_cell;
  BkSheetView *series;

  bk_test_assert_whole_charts (window, "results", 4, what);
  /* The sample's nine companies and the total */
  bk_test_assert_whole_rows (bk_results_page_get_metrics_sheet (results), 10, what);
  /* and the per-period sheet beside it, its rows level with the metrics' */
  series = bk_results_page_get_series_sheet (results);
  bk_test_assert_whole_rows (series, bk_table_model_get_n_rows (bk_sheet_view_get_model (series)), what);
  bk_sheet_view_get_cell_area (bk_results_page_get_metrics_sheet (results), 0, 0, &metrics_cell);
  bk_sheet_view_get_cell_area (series, 0, 0, &series_cell);
  g_assert_cmpint (series_cell.y, ==, metrics_cell.y);
  bk_test_app_close_window (window);
}

static void
test_small (void)
{
  check_size (1024, 600);
}

static void
test_medium (void)
{
  check_size (1440, 900);
}

static void
test_large (void)
{
  check_size (1920, 1080);
}

/* Let go part-way into a row, the view comes to rest on the next row's
 * start going down, on that row's start going up: no chart is left cut */
static void
test_scroll_snap (void)
{
  BkWindow *window = open_window (1024, 600);
  BkChartGrid *grid;
  GtkScrolledWindow *scroller = bk_test_chart_scroller (window, "results", &grid);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  double end = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
  int second, height;

  g_assert_true (bk_chart_grid_get_row_area (grid, 1, &second, &height));
  g_assert_cmpint (height, <=, gtk_adjustment_get_page_size (adjustment));
  g_assert_cmpfloat (end, >, 60);

  g_assert_cmpfloat (bk_test_scroll_and_rest (window, scroller, 60), ==, MIN (second, end));
  bk_test_assert_whole_charts (window, "results", 4, "scrolled down");
  g_assert_cmpfloat (bk_test_scroll_and_rest (window, scroller, MIN (second, end) - 40), ==, 0);
  bk_test_assert_whole_charts (window, "results", 4, "scrolled up");
  /* At a row's start it stays */
  gtk_adjustment_set_value (adjustment, 0);
  g_assert_cmpfloat (bk_test_scroll_and_rest (window, scroller, MIN (second, end)), ==, MIN (second, end));
  bk_test_app_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  app = bk_test_app_init (&argc, &argv, "test-window-results");

  g_test_add_func ("/window-results/1024x600", test_small);
  g_test_add_func ("/window-results/1440x900", test_medium);
  g_test_add_func ("/window-results/1920x1080", test_large);
  g_test_add_func ("/window-results/scroll-snap", test_scroll_snap);

  return bk_test_app_run (app);
}
