/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-window-scale.c — the window on 1,000 companies × 200 quarters: open, scroll, edit
 *
 * Run under a display, e.g.
 *   xvfb-run -a -s "-screen 0 1920x1080x24" build/bench/bench-window-scale
 * (GSK_RENDERER=cairo for GTK's cairo renderer).  Writes the workbook of
 * tests/app/bk-test-big-workbook.c (200,000 cells per table) to a
 * temporary document, then times, in one process:
 *   open     from bk_window_open_file() to the end of the first frame
 *            that drew cells of the sheet (reading the file into the
 *            workbook, the pages and their models, the first layout,
 *            recalculation and paint);
 *   page     Page Down through all 1,000 companies, then Page Right
 *            through all 200 quarters, one page at a time: from moving the
 *            cursor a page to the end of the frame that shows it;
 *   edit     a number committed to a visible CapEx cell (one table-model
 *            call, as the sheet's editor makes) to the end of the frame
 *            that shows the redrawn cell and the new results (the engine
 *            recomputes all 1,000 companies, the KPI strip and charts
 *            follow); and its two parts: the commit (parse, SQLite
 *            transaction, undo record) and the frame's own work.
 * Each time runs to the end of the frame, so it includes the frame
 * clock's wait for its next slot (up to 1/60 s).  Prints median, 95th
 * percentile and maximum in milliseconds. */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "bk-application.h"
#include "bk-bench-frames.h"
#include "bk-test-big-workbook.h"
#include "bk-window.h"

#define N_COMPANIES 1000
#define N_QUARTERS  200
#define N_EDITS     40

/* Moves the cursor a page at a time (@rows, @columns a step) until it
 * reaches the last row and column, timing each step to its frame */
static void
page_through (BkSheetView   *sheet,
              BkBenchFrames *times,
              int            rows,
              int            columns,
              GArray        *ms)
{
  BkTableModel *model = bk_sheet_view_get_model (sheet);
  int last_row = (int) bk_table_model_get_n_rows (model) - 1;
  int last_column = (int) bk_table_model_get_n_columns (model) - 1;

  for (;;)
    {
      int row = bk_sheet_view_get_cursor_row (sheet);
      int column = bk_sheet_view_get_cursor_column (sheet);
      gint64 t0;
      double elapsed;

      if ((rows > 0 && row >= last_row) || (columns > 0 && column >= last_column))
        break;
      t0 = g_get_monotonic_time ();
      bk_sheet_view_set_cursor (sheet, MIN (row + rows, last_row), MIN (column + columns, last_column));
      bk_bench_frames_wait_after (times, t0);
      if (bk_sheet_view_get_n_drawn_cells (sheet) == 0)
        g_error ("a page drew no cells");
      elapsed = (times->frame_end - t0) / 1000.0;
      g_array_append_val (ms, elapsed);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(BkApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GArray) down = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) right = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) edit = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) commit = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) frame = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *home = g_dir_make_tmp ("bench-window-scale-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (home, "scale.breakeven", NULL);
  BkWindow *window;
  BkSheetView *sheet;
  BkTableModel *model;
  BkKpiStrip *kpi;
  BkBenchFrames times;
  GdkRectangle first, below;
  gint64 t0, t_opened, t_drawn;
  int page_rows, page_columns;

  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_init ();
  adw_init ();
  {
    g_autoptr(BkDocument) doc = bk_test_big_document_create (path, N_COMPANIES, N_QUARTERS, &error);

    if (doc == NULL)
      g_error ("%s", error->message);
  }
  file = g_file_new_for_path (path);

  app = bk_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("%s", error->message);

  window = bk_window_new (app, bk_application_get_settings (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 1440, 900);
  t0 = g_get_monotonic_time ();
  if (!bk_window_open_file (window, file, &error))
    g_error ("%s", error->message);
  t_opened = g_get_monotonic_time ();
  gtk_window_present (GTK_WINDOW (window));
  sheet = bk_window_get_sheet (window);
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)) || bk_sheet_view_get_n_drawn_cells (sheet) == 0)
    g_main_context_iteration (NULL, TRUE);
  bk_bench_frames_watch (&times, GTK_WIDGET (window));
  /* the end of the frame that drew the cells */
  t_drawn = g_get_monotonic_time ();
  g_print ("Window on %u companies × %u quarters (%s renderer)\n", N_COMPANIES, N_QUARTERS,
           g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "default");
  g_print ("%-12s %7.0f ms (reading the document %.0f ms)\n", "open",
           (t_drawn - t0) / 1000.0, (t_opened - t0) / 1000.0);

  /* A page is as many rows and columns as show at once */
  model = bk_sheet_view_get_model (sheet);
  gtk_widget_grab_focus (GTK_WIDGET (sheet));
  bk_sheet_view_set_cursor (sheet, 0, 0);
  bk_bench_frames_wait_after (&times, g_get_monotonic_time ());
  if (!bk_sheet_view_get_cell_area (sheet, 0, 0, &first) ||
      !bk_sheet_view_get_cell_area (sheet, 1, 1, &below))
    g_error ("the first cells are not on screen");
  page_rows = MAX (1, (gtk_widget_get_height (GTK_WIDGET (sheet)) - first.y) / (below.y - first.y) - 1);
  page_columns = MAX (1, (gtk_widget_get_width (GTK_WIDGET (sheet)) - first.x) / (below.x - first.x) - 1);

  page_through (sheet, &times, page_rows, 0, down);
  page_through (sheet, &times, 0, page_columns, right);
  g_print ("%-12s %d rows a page\n", "", page_rows);
  bk_bench_report ("page down", down);
  g_print ("%-12s %d columns a page\n", "", page_columns);
  bk_bench_report ("page right", right);

  /* Edits in the last company's last quarter, on screen after the pages */
  kpi = bk_window_get_kpi_strip (window);
  for (guint i = 0; i < N_EDITS; i++)
    {
      g_autofree char *value = g_strdup_printf ("%u", 50 + i);
      const char *texts[] = { value };
      guint updates = bk_kpi_strip_get_n_updates (kpi);
      double elapsed;
      gint64 t1;

      t0 = g_get_monotonic_time ();
      if (!bk_table_model_set_range (model, N_COMPANIES - 1 - i % 5, N_QUARTERS - 1 - i % 8, 1, 1, texts, &error))
        g_error ("%s", error->message);
      t1 = g_get_monotonic_time ();
      elapsed = (t1 - t0) / 1000.0;
      g_array_append_val (commit, elapsed);
      while (bk_kpi_strip_get_n_updates (kpi) == updates || !bk_bench_frames_ended_after (&times, t0))
        g_main_context_iteration (NULL, TRUE);
      elapsed = bk_bench_frames_last_ms (&times);
      g_array_append_val (frame, elapsed);
      elapsed = (times.frame_end - t0) / 1000.0;
      g_array_append_val (edit, elapsed);
    }
  bk_bench_report ("edit", edit);
  bk_bench_report ("  commit", commit);
  bk_bench_report ("  frame", frame);

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", home);

    if (system (cmd) != 0)
      g_printerr ("could not remove %s\n", home);
  }
  return 0;
}
