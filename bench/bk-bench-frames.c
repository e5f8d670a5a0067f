/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-bench-frames.c — the window benchmarks' frame timing: when the frame
 * clock's last frame began and ended, and a line of median, 95th
 * percentile and maximum
 *
 * Shared by bench-edit and bench-window-scale.  (bench-sheet-scroll times
 * the paint phase alone, per pass, as averages: another measure.) */
#include "config.h"

#include "bk-bench-frames.h"

static void
update_cb (GdkFrameClock *clock,
           BkBenchFrames *frames)
{
  frames->frame_start = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                BkBenchFrames *frames)
{
  frames->frame_end = g_get_monotonic_time ();
  frames->frames++;
}

void
bk_bench_frames_watch (BkBenchFrames *frames,
                       GtkWidget     *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  g_assert (clock != NULL);
  *frames = (BkBenchFrames) { 0, };
  g_signal_connect (clock, "update", G_CALLBACK (update_cb), frames);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), frames);
}

gboolean
bk_bench_frames_ended_after (const BkBenchFrames *frames,
                             gint64               since)
{
  return frames->frame_start >= since && frames->frame_end >= frames->frame_start;
}

void
bk_bench_frames_wait_after (BkBenchFrames *frames,
                            gint64         since)
{
  while (!bk_bench_frames_ended_after (frames, since))
    g_main_context_iteration (NULL, TRUE);
}

void
bk_bench_frames_wait_next (BkBenchFrames *frames)
{
  guint ended = frames->frames;

  while (frames->frames == ended)
    g_main_context_iteration (NULL, TRUE);
}

double
bk_bench_frames_last_ms (const BkBenchFrames *frames)
{
  return (frames->frame_end - frames->frame_start) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

void
bk_bench_report (const char *name,
                 GArray     *values)
{
  const double *v;
  guint n = values->len;

  g_assert (n > 0);
  g_array_sort (values, compare_doubles);
  v = (const double *) values->data;
  g_print ("%-12s median %7.2f ms   p95 %7.2f ms   max %7.2f ms   (%u)\n",
           name, v[n / 2], v[(n * 95) / 100], v[n - 1], n);
}
