/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-edit.c — from a committed edit to the redrawn KPI strip and charts
 *
 * Opens the window on the sample (run under xvfb-run), then commits edits
 * to CapEx cells the way the sheet does (one BkTableModel set_range call
 * each) and times, per edit:
 *   commit   the synchronous cost of the edit: parse, SQLite transaction
 *            with its undo record, the workbook's change signal;
 *   frame    the next frame's own work: recalculation (once), the KPI
 *            strip, every chart updated, layout and paint;
 *   total    commit + frame: the time a person waits for the new figures,
 *            not counting the frame clock's wait for the next frame slot.
 * Prints median, 95th percentile and maximum in milliseconds.
 *
 * With --analysis the Analysis page is on screen instead: the frame then
 * recomputes every scenario, the tornado and the breakeven map, and
 * redraws their table and charts. */
#include "config.h"

#include <stdlib.h>

#include "bk-analysis-page.h"
#include "bk-application.h"
#include "bk-bench-frames.h"
#include "bk-window.h"

#define N_EDITS 120

int
main (int   argc,
      char *argv[])
{
  g_autoptr(BkApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *home = g_dir_make_tmp ("bench-edit-XXXXXX", NULL);
  BkWindow *window;
  BkTableModel *model;
  BkBenchFrames times;
  g_autoptr(GArray) commit = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) frame = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) total = g_array_new (FALSE, FALSE, sizeof (double));
  BkKpiStrip *kpi;
  BkAnalysisPage *analysis = NULL;

  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_init ();
  adw_init ();

  app = bk_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("%s", error->message);

  window = bk_window_new (app, bk_application_get_settings (app));
  if (!bk_window_load_sample (window, &error))
    g_error ("%s", error->message);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);

  bk_bench_frames_watch (&times, GTK_WIDGET (window));
  model = bk_table_page_get_model (BK_TABLE_PAGE (bk_window_get_page_widget (window, "capex")));
  kpi = bk_window_get_kpi_strip (window);
  if (argc > 1 && g_str_equal (argv[1], "--analysis"))
    {
      bk_window_set_page (window, "analysis");
      analysis = BK_ANALYSIS_PAGE (bk_window_get_page_widget (window, "analysis"));
    }

  /* Settle: first frames build caches */
  for (guint i = 0; i < 5; i++)
    {
      gtk_widget_queue_draw (GTK_WIDGET (window));
      bk_bench_frames_wait_next (&times);
    }

  for (guint i = 0; i < N_EDITS; i++)
    {
      g_autofree char *value = g_strdup_printf ("%u", 50 + i);
      const char *texts[] = { value };
      guint updates = analysis != NULL ? bk_analysis_page_get_n_updates (analysis)
                                       : bk_kpi_strip_get_n_updates (kpi);
      gint64 t0, t1;
      double ms;

      t0 = g_get_monotonic_time ();
      if (!bk_table_model_set_range (model, i % 8, i % 5, 1, 1, texts, &error))
        g_error ("%s", error->message);
      t1 = g_get_monotonic_time ();

      /* Wait for the frame that shows the new figures */
      while ((analysis != NULL ? bk_analysis_page_get_n_updates (analysis)
                               : bk_kpi_strip_get_n_updates (kpi)) == updates ||
             !bk_bench_frames_ended_after (&times, t1))
        g_main_context_iteration (NULL, TRUE);

      ms = (t1 - t0) / 1000.0;
      g_array_append_val (commit, ms);
      ms += bk_bench_frames_last_ms (&times);
      g_array_append_val (total, ms);
      ms = bk_bench_frames_last_ms (&times);
      g_array_append_val (frame, ms);
    }

  if (analysis != NULL)
    g_print ("Edit to redrawn Analysis page (compare, tornado, %d × %d map), sample workbook, %d edits\n",
             BK_ANALYSIS_MAP_STEPS, BK_ANALYSIS_MAP_STEPS, N_EDITS);
  else
    g_print ("Edit to redrawn KPI strip and charts, sample workbook, %d edits\n", N_EDITS);
  bk_bench_report ("commit", commit);
  bk_bench_report ("frame", frame);
  bk_bench_report ("total", total);

  gtk_window_destroy (GTK_WINDOW (window));
  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", home);

    if (system (cmd) != 0)
      g_printerr ("could not remove %s\n", home);
  }
  return 0;
}
