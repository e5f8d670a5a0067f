/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window-layout.c — the window at the sizes people use: 1024 × 600
 * (the smallest common laptop screen), a large screen, a divider the
 * person moved, and the Analysis page's table and charts sharing the
 * height
 *
 * Real windows under Xvfb; the divider is dragged with real pointer
 * events (xdotool). */
#include "config.h"

#include <stdlib.h>

#include "bk-analysis-page.h"
#include "bk-application.h"
#include "bk-pane-memory.h"
#include "bk-results-page.h"
#include "bk-simulation-panel.h"
#include "bk-table-page.h"
#include "bk-test-layout.h"
#include "bk-test-app.h"
#include "bk-test-ui.h"
#include "bk-window.h"

static const char * const page_names[] = {
  "capex", "backlog", "tokens", "share", "assumptions", "results", "analysis",
};

static BkApplication *app;

/* The window at @width × @height, drawn, its panes settled */
static BkWindow *
open_window (int width,
             int height)
{
  BkWindow *window = bk_test_app_present_window (app, NULL, width, height);

  bk_test_wait_frames (GTK_WIDGET (window), 1);
  bk_test_wait_frames (GTK_WIDGET (window), 1);
  return window;
}

static int
surface_width (BkWindow *window)
{
  return gdk_surface_get_width (gtk_native_get_surface (GTK_NATIVE (window)));
}

static int
surface_height (BkWindow *window)
{
  return gdk_surface_get_height (gtk_native_get_surface (GTK_NATIVE (window)));
}

/* 1024 × 600 can be had, and every page shows its text whole there */
static void
test_small_window (void)
{
  BkWindow *window = open_window (1024, 600);

  /* The window's surface, its frame included, is what the screen gets */
  g_assert_cmpint (surface_width (window), ==, 1024);
  g_assert_cmpint (surface_height (window), ==, 600);
  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    bk_test_assert_page_fits (window, page_names[i]);
  bk_test_app_close_window (window);
}

static guint
visible_columns (BkSheetView *sheet)
{
  guint n = bk_table_model_get_n_columns (bk_sheet_view_get_model (sheet));
  guint shown = 0;

  for (guint c = 0; c < n; c++)
    {
      GdkRectangle area;

      if (bk_sheet_view_get_cell_area (sheet, 0, c, &area) &&
          area.x + area.width <= gtk_widget_get_width (GTK_WIDGET (sheet)))
        shown++;
    }
  return shown;
}

/* On a large screen the tables are shown whole, not squeezed beside the
 * charts */
static void
test_large_window (void)
{
  BkWindow *window = open_window (1920, 1080);
  BkResultsPage *results = BK_RESULTS_PAGE (bk_window_get_page_widget (window, "results"));
  BkTablePage *assumptions = BK_TABLE_PAGE (bk_window_get_page_widget (window, "assumptions"));

  g_assert_cmpint (surface_width (window), ==, 1920);

  bk_window_set_page (window, "results");
  bk_test_wait_frames (GTK_WIDGET (window), 1);
  bk_test_wait_frames (GTK_WIDGET (window), 1);
  g_assert_true (bk_test_sheet_fully_shown (window, bk_results_page_get_metrics_sheet (results)));
  /* Beside it, most of the periods (the rest a scroll away) */
  g_assert_cmpuint (visible_columns (bk_results_page_get_series_sheet (results)), >=, 8);

  bk_window_set_page (window, "assumptions");
  bk_test_wait_frames (GTK_WIDGET (window), 1);
  bk_test_wait_frames (GTK_WIDGET (window), 1);
  g_assert_true (bk_test_sheet_fully_shown (window, bk_table_page_get_sheet (assumptions)));

  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    bk_test_assert_page_fits (window, page_names[i]);
  bk_test_app_close_window (window);
}

static int
stored_position (const char *name)
{
  GSettings *settings = bk_settings_get_gsettings (bk_application_get_settings (app));
  g_autoptr(GVariant) positions = g_settings_get_value (settings, "pane-positions");
  int position = -1;

  g_variant_lookup (positions, name, "i", &position);
  return position;
}

/* A divider dragged by the person stays there, in this window and the
 * next one */
static void
test_divider_remembered (void)
{
  BkWindow *window;
  GtkPaned *paned;
  int before, target;

  BK_TEST_REQUIRE_XDOTOOL ();

  window = open_window (1280, 800);
  bk_test_focus_window (GTK_WINDOW (window));
  paned = bk_table_page_get_paned (BK_TABLE_PAGE (bk_window_get_page_widget (window, "capex")));
  g_assert_true (bk_pane_memory_is_automatic (paned));
  g_assert_cmpint (stored_position ("capex"), ==, -1);

  /* The handle sits just after the position: drag it 120 px left */
  before = gtk_paned_get_position (paned);
  target = before - 120;
  bk_test_drag (GTK_WIDGET (paned), before + 3, 200, target + 3, 200);
  BK_WAIT_FOR (stored_position ("capex") >= 0);
  g_assert_false (bk_pane_memory_is_automatic (paned));
  g_assert_cmpint (ABS (gtk_paned_get_position (paned) - target), <=, 4);
  g_assert_cmpint (stored_position ("capex"), ==, gtk_paned_get_position (paned));
  /* Only the page whose divider moved */
  g_assert_cmpint (stored_position ("backlog"), ==, -1);
  target = gtk_paned_get_position (paned);
  bk_test_app_close_window (window);

  window = open_window (1280, 800);
  paned = bk_table_page_get_paned (BK_TABLE_PAGE (bk_window_get_page_widget (window, "capex")));
  g_assert_false (bk_pane_memory_is_automatic (paned));
  g_assert_cmpint (gtk_paned_get_position (paned), ==, target);
  g_assert_true (bk_pane_memory_is_automatic (bk_table_page_get_paned (BK_TABLE_PAGE (bk_window_get_page_widget (window, "backlog")))));
  bk_test_app_close_window (window);
}

/* Rows of @sheet shown whole, from the first */
static guint
rows_shown (BkSheetView *sheet)
{
  guint n = bk_table_model_get_n_rows (bk_sheet_view_get_model (sheet));
  guint shown = 0;
  GdkRectangle area;

  while (shown < n && bk_sheet_view_get_cell_area (sheet, shown, 0, &area) &&
         area.y + area.height <= gtk_widget_get_height (GTK_WIDGET (sheet)))
    shown++;
  return shown;
}

/* The Analysis page's compare table opens with the NPV of every company
 * and the total in view (@rows 0), or at least @rows rows where the
 * screen is too small for that, and the charts keep @chart_room pixels
 * below it */
static void
assert_analysis_split (int   width,
                       int   height,
                       guint rows,
                       int   chart_room)
{
  BkWindow *window = open_window (width, height);
  BkAnalysisPage *page = BK_ANALYSIS_PAGE (bk_window_get_page_widget (window, "analysis"));
  BkSheetView *sheet = bk_analysis_page_get_compare_sheet (page);
  GtkPaned *paned = bk_analysis_page_get_paned (page);
  GtkWidget *charts = gtk_paned_get_end_child (paned);

  if (rows == 0)
    rows = bk_workbook_get_n_companies (bk_document_get_workbook (bk_window_get_document (window))) + 1;
  bk_window_set_page (window, "analysis");
  bk_test_wait_frames (GTK_WIDGET (window), 1);
  bk_test_wait_frames (GTK_WIDGET (window), 1);
  g_assert_true (bk_pane_memory_is_automatic (paned));
  g_test_message ("%d × %d: %u rows shown, charts %d px high", width, height, rows_shown (sheet),
                  gtk_widget_get_height (charts));
  g_assert_cmpuint (rows_shown (sheet), >=, rows);
  /* and no row cut by the divider */
  bk_test_assert_whole_rows (sheet, bk_table_model_get_n_rows (bk_sheet_view_get_model (sheet)),
                             "analysis");
  g_assert_cmpint (gtk_widget_get_height (charts), >=, chart_room);
  /* A row of charts is whole in the view, never cut by its edge */
  bk_test_assert_whole_charts (window, "analysis", 0, "analysis");
  bk_test_assert_page_fits (window, "analysis");
  bk_test_app_close_window (window);
}

static void
test_analysis_split (void)
{
  GSettings *settings = bk_settings_get_gsettings (bk_application_get_settings (app));

  assert_analysis_split (1440, 900, 0, 300);
  assert_analysis_split (1920, 1080, 0, 400);
  /* Small: some of the table, and a chart's height below it */
  assert_analysis_split (1024, 600, 4, 200);

  /* A position the person chose wins */
  g_settings_set_value (settings, "pane-positions", g_variant_new_parsed ("{'analysis': 200}"));
  {
    BkWindow *window = open_window (1440, 900);
    GtkPaned *paned = bk_analysis_page_get_paned (BK_ANALYSIS_PAGE (bk_window_get_page_widget (window, "analysis")));

    bk_window_set_page (window, "analysis");
    bk_test_wait_frames (GTK_WIDGET (window), 1);
    g_assert_false (bk_pane_memory_is_automatic (paned));
    g_assert_cmpint (gtk_paned_get_position (paned), ==, 200);
    bk_test_app_close_window (window);
  }
  g_settings_reset (settings, "pane-positions");
}

/* Scrolling the Analysis page's charts comes to rest on a whole row, and
 * going on down from the last row, on what follows the grid (the Monte
 * Carlo panel) or the end of the page, whichever comes first */
static void
test_analysis_scroll (void)
{
  BkWindow *window = open_window (1024, 600);
  BkChartGrid *grid;
  GtkScrolledWindow *scroller;
  GtkAdjustment *adjustment;
  BkSimulationPanel *panel;
  int second, height, after;

  bk_window_set_page (window, "analysis");
  for (guint i = 0; i < 3; i++)
    bk_test_wait_frames (GTK_WIDGET (window), 1);
  scroller = bk_test_chart_scroller (window, "analysis", &grid);
  adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  /* Three charts in two columns: two rows, then the panel */
  g_assert_cmpuint (bk_chart_grid_get_n_columns (grid), ==, 2);
  g_assert_true (bk_chart_grid_get_row_area (grid, 1, &second, &height));
  g_assert_false (bk_chart_grid_get_row_area (grid, 2, NULL, NULL));
  g_assert_cmpint (height, <=, gtk_adjustment_get_page_size (adjustment));
  /* What follows the grid, or the end of the page if that comes first */
  after = MIN (gtk_widget_get_height (GTK_WIDGET (grid)),
               gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));
  g_assert_cmpint (after, >, second + 30);

  g_assert_cmpfloat (bk_test_scroll_and_rest (window, scroller, 30), ==, second);
  bk_test_assert_whole_charts (window, "analysis", 0, "second row");
  g_assert_cmpfloat (bk_test_scroll_and_rest (window, scroller, second + 30), ==, after);
  g_assert_cmpfloat (bk_test_scroll_and_rest (window, scroller, after - 30), ==, second);

  /* Simulated, the panel below shows its charts: the page goes on past
   * the grid, and the view stops where the panel starts */
  panel = BK_SIMULATION_PANEL (gtk_widget_get_first_child (bk_analysis_page_get_simulation_slot (
    BK_ANALYSIS_PAGE (bk_window_get_page_widget (window, "analysis")))));
  g_assert_nonnull (panel);
  gtk_widget_activate (bk_simulation_panel_get_part (panel, "simulate"));
  BK_WAIT_FOR (bk_simulation_get_result (bk_simulation_panel_get_simulation (panel)) != NULL);
  for (guint i = 0; i < 3; i++)
    bk_test_wait_frames (GTK_WIDGET (window), 1);
  after = gtk_widget_get_height (GTK_WIDGET (grid));
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment), >, after);
  g_assert_cmpfloat (bk_test_scroll_and_rest (window, scroller, second + 30), ==, after);
  g_assert_cmpfloat (bk_test_scroll_and_rest (window, scroller, after - 30), ==, second);
  bk_test_app_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  app = bk_test_app_init (&argc, &argv, "test-window-layout");

  g_test_add_func ("/window-layout/small-window", test_small_window);
  g_test_add_func ("/window-layout/large-window", test_large_window);
  g_test_add_func ("/window-layout/divider-remembered", test_divider_remembered);
  g_test_add_func ("/window-layout/analysis-split", test_analysis_split);
  g_test_add_func ("/window-layout/analysis-scroll", test_analysis_scroll);

  return bk_test_app_run (app);
}
