/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window-scale.c — the window on 1,000 companies × 200 quarters
 *
 * A workbook of 200,000 cells per table (bk-test-big-workbook.c) opens in
 * the window; Ctrl+End (a real key press) takes the sheet to the
 * bottom-right cell and shows it; a number typed there is committed to
 * the file; the results follow: the engine recomputes, the Results page
 * shows the last company's new NPV and the KPI strip the new total.  No
 * timing is asserted: bench/bench-window-scale prints the times. */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "bk-application.h"
#include "bk-results-page.h"
#include "bk-results-table-model.h"
#include "bk-test-app.h"
#include "bk-test-big-workbook.h"
#include "bk-test-ui.h"
#include "bk-window.h"

#define N_COMPANIES 1000
#define N_QUARTERS  200

static BkApplication *app;
static char *doc_path;
static gint64 start_time;

/* Where the time goes, in the log (no assertion on it) */
static void
step (const char *what)
{
  g_test_message ("%.2f s: %s", (g_get_monotonic_time () - start_time) / 1e6, what);
}

/* The text the Results page shows for the last company's NPV */
static char *
dup_results_npv (BkWindow *window)
{
  BkResultsPage *results;
  BkSheetView *metrics;
  g_autoptr(GString) text = g_string_new (NULL);

  bk_window_set_page (window, "results");
  results = BK_RESULTS_PAGE (bk_window_get_page_widget (window, "results"));
  metrics = bk_results_page_get_metrics_sheet (results);
  /* scrolled to it, and drawn */
  bk_sheet_view_set_cursor (metrics, N_COMPANIES - 1, BK_RESULTS_COLUMN_NPV);
  bk_test_wait_frames (GTK_WIDGET (metrics), 2);
  g_assert_true (bk_sheet_view_get_cell_area (metrics, N_COMPANIES - 1, BK_RESULTS_COLUMN_NPV, &(GdkRectangle) { 0 }));
  g_assert_cmpuint (bk_sheet_view_get_n_drawn_cells (metrics), >, 0);
  bk_table_model_get_cell (bk_sheet_view_get_model (metrics), N_COMPANIES - 1, BK_RESULTS_COLUMN_NPV, text);
  g_assert_cmpstr (text->str, !=, "");
  g_assert_cmpstr (text->str, !=, "—");
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static double
disk_value (guint row,
            guint period)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BkDocument) reader = bk_document_open_read_only (doc_path, &error);
  BkCell cell;

  g_assert_no_error (error);
  bk_workbook_get_cell (bk_document_get_workbook (reader), 0, BK_TABLE_CAPEX, row, period, &cell);
  return cell.value;
}

static void
test_open_scroll_edit (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (doc_path);
  BkWindow *window;
  BkSheetView *sheet;
  BkTableModel *model;
  BkWorkbook *wb;
  BkEngine *engine;
  BkKpiStrip *kpi;
  g_autoptr(GString) header = g_string_new (NULL);
  g_autofree char *npv_text_before = NULL;
  g_autofree char *npv_text_after = NULL;
  g_autofree char *total_before = NULL;
  double npv_before, npv_after;
  GdkRectangle area;

  BK_TEST_REQUIRE_XDOTOOL ();
  window = bk_window_new (app, bk_application_get_settings (app));
  bk_test_watch_keys (GTK_WINDOW (window));
  step ("window made");
  g_assert_true (bk_window_open_file (window, file, &error));
  step ("document opened");
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  bk_test_app_wait_drawn (GTK_WIDGET (window));
  step ("window drawn");
  bk_test_focus_window (GTK_WINDOW (window));

  wb = bk_document_get_workbook (bk_window_get_document (window));
  engine = bk_window_get_engine (window);
  kpi = bk_window_get_kpi_strip (window);
  g_assert_cmpuint (bk_workbook_get_n_companies (wb), ==, N_COMPANIES);
  g_assert_cmpuint (bk_workbook_get_n_periods (wb), ==, N_QUARTERS);

  npv_text_before = dup_results_npv (window);
  npv_before = bk_results_get_company (bk_engine_get_results (engine), N_COMPANIES - 1)->npv;
  g_assert_true (isfinite (npv_before));
  total_before = g_strdup (bk_kpi_strip_get_text (kpi, TRUE, 0));
  step ("results shown");

  /* Ctrl+End: the last company's last quarter, scrolled into view */
  bk_window_set_page (window, "capex");
  sheet = bk_window_get_sheet (window);
  model = bk_sheet_view_get_model (sheet);
  g_assert_cmpuint (bk_table_model_get_n_rows (model), ==, N_COMPANIES);
  g_assert_cmpuint (bk_table_model_get_n_columns (model), ==, N_QUARTERS);
  gtk_widget_grab_focus (GTK_WIDGET (sheet));
  bk_test_send_keys (GTK_WINDOW (window), "ctrl+End", NULL);
  g_assert_cmpint (bk_sheet_view_get_cursor_row (sheet), ==, N_COMPANIES - 1);
  g_assert_cmpint (bk_sheet_view_get_cursor_column (sheet), ==, N_QUARTERS - 1);
  bk_test_wait_frames (GTK_WIDGET (sheet), 2);
  step ("bottom-right shown");
  g_assert_true (bk_sheet_view_get_cell_area (sheet, N_COMPANIES - 1, N_QUARTERS - 1, &area));
  g_assert_cmpint (area.x + area.width, <=, gtk_widget_get_width (GTK_WIDGET (sheet)));
  g_assert_cmpint (area.y + area.height, <=, gtk_widget_get_height (GTK_WIDGET (sheet)));
  g_assert_cmpuint (bk_sheet_view_get_n_drawn_cells (sheet), >, 0);
  bk_table_model_get_row_header (model, N_COMPANIES - 1, header);
  g_assert_cmpstr (header->str, ==, "Company 1000");

  /* An edit there, typed: in the file at once */
  bk_test_type_text (GTK_WINDOW (window), "4242");
  bk_test_send_keys (GTK_WINDOW (window), "Return", NULL);
  g_assert_false (bk_sheet_view_get_editing (sheet));
  step ("edit committed");
  g_assert_cmpfloat (disk_value (N_COMPANIES - 1, N_QUARTERS - 1), ==, 4242);
  step ("edit read back from the file");

  /* The next frame recomputes; Results and the KPI strip follow */
  bk_test_wait_frames (GTK_WIDGET (window), 2);
  g_assert_false (bk_engine_is_stale (engine));
  npv_after = bk_results_get_company (bk_engine_get_results (engine), N_COMPANIES - 1)->npv;
  g_assert_cmpfloat (npv_after, !=, npv_before);
  /* 4,242 M of capex in the last quarter lowers the NPV */
  g_assert_cmpfloat (npv_after, <, npv_before);
  npv_text_after = dup_results_npv (window);
  g_assert_cmpstr (npv_text_after, !=, npv_text_before);
  g_assert_cmpstr (bk_kpi_strip_get_text (kpi, TRUE, 0), !=, total_before);
  step ("results followed");

  bk_test_app_close_window (window);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  int status;

  app = bk_test_app_init (&argc, &argv, "test-window-scale");
  start_time = g_get_monotonic_time ();
  dir = g_dir_make_tmp ("test-window-scale-XXXXXX", &error);
  g_assert_no_error (error);
  doc_path = g_build_filename (dir, "scale.breakeven", NULL);
  {
    g_autoptr(BkDocument) doc = bk_test_big_document_create (doc_path, N_COMPANIES, N_QUARTERS, &error);

    g_assert_no_error (error);
  }
  step ("document created");

  g_test_add_func ("/window-scale/open-scroll-edit", test_open_scroll_edit);
  start_time = g_get_monotonic_time ();
  status = bk_test_app_run (app);

  g_unlink (doc_path);
  g_rmdir (dir);
  g_free (doc_path);
  return status;
}
