/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-bench-frames.h — the window benchmarks' frame timing: when the frame
 * clock's last frame began and ended, and a line of median, 95th
 * percentile and maximum */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The last frame of a widget's frame clock, in g_get_monotonic_time():
 * from its "update" phase (layout, snapshot and paint follow) to the end
 * of its "after-paint" phase */
typedef struct
{
  gint64 frame_start;
  gint64 frame_end;
  guint  frames;      /* frames ended since bk_bench_frames_watch() */
} BkBenchFrames;

/* Follows the frame clock of @widget (mapped) into @frames, zeroed first */
void     bk_bench_frames_watch      (BkBenchFrames *frames,
                                     GtkWidget     *widget);
/* Whether a frame that began at or after @since has ended */
gboolean bk_bench_frames_ended_after (const BkBenchFrames *frames,
                                      gint64               since);
/* Iterates the main context until bk_bench_frames_ended_after() */
void     bk_bench_frames_wait_after (BkBenchFrames *frames,
                                     gint64         since);
/* Iterates the main context until one more frame has ended */
void     bk_bench_frames_wait_next  (BkBenchFrames *frames);
/* The last frame's own work, in milliseconds */
double   bk_bench_frames_last_ms    (const BkBenchFrames *frames);

/* Sorts @values (milliseconds, at least one) and prints
 * "NAME  median … ms   p95 … ms   max … ms   (N)" */
void     bk_bench_report            (const char    *name,
                                     GArray        *values);

G_END_DECLS
