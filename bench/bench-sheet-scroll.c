/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-sheet-scroll.c — scrolling a 100,000 × 60 sheet, frame by frame
 *
 * Run under a display, e.g.
 *   xvfb-run -a -s "-screen 0 1280x800x24" bench/bench-sheet-scroll
 *
 * A window with a sheet view is scrolled programmatically, one step per
 * frame clock tick, through several passes (small steps, whole pages,
 * sideways).  For every frame it prints nothing; at the end, per pass:
 *   frame: the frame clock's before-paint → after-paint time (layout,
 *          snapshot of the window and rendering by GSK, i.e. the CPU cost of
 *          a frame; on Xvfb rendering is software GL or cairo)
 *   snapshot: the sheet view's own snapshot() at the same positions, timed
 *          alone (what the widget adds to a frame)
 * as average, p95 and max in milliseconds, and the cells drawn per frame.
 * A last row, for scale, times frames of the same window showing only a
 * plain colour that changes every frame (the cost of presenting a frame).
 */

#include "config.h"

#include <gtk/gtk.h>
#include <stdlib.h>

#include "bk-sheet-view.h"
#include "bk-test-table-model.h"

typedef enum
{
  PASS_SMALL_STEPS,  /* 3 rows a frame, as a fast wheel/touchpad scroll */
  PASS_PAGES,        /* a page a frame: every visible cell is new */
  PASS_SIDEWAYS,     /* half a page sideways a frame, bouncing */
  N_PASSES
} Pass;

static const char *pass_names[N_PASSES] = {
  "down, 3 rows/frame",
  "down, 1 page/frame",
  "sideways, 1/2 page/frame",
};

typedef struct
{
  BkSheetView *view;
  GtkWidget   *plain;
  GArray      *plain_ms;
  int          plain_frames;
  GArray      *frame_ms[N_PASSES];
  GArray      *cells[N_PASSES];
  Pass         pass;
  int          frame;
  int          frames_per_pass;
  gint64       paint_start;
  gboolean     measuring;
  gboolean     done;
  double       direction;
} Bench;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
summarize (GArray *values,
           double *avg,
           double *p95,
           double *max)
{
  double sum = 0;

  *avg = *p95 = *max = 0;
  if (values->len == 0)
    return;

  g_array_sort (values, compare_doubles);
  for (guint i = 0; i < values->len; i++)
    sum += g_array_index (values, double, i);
  *avg = sum / values->len;
  *p95 = g_array_index (values, double, MIN (values->len - 1, (guint) (values->len * 0.95)));
  *max = g_array_index (values, double, values->len - 1);
}

static void
scroll_step (Bench *bench,
             Pass   pass)
{
  GtkAdjustment *h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (bench->view));
  GtkAdjustment *v = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (bench->view));

  switch (pass)
    {
    case PASS_SMALL_STEPS:
      gtk_adjustment_set_value (v, gtk_adjustment_get_value (v) +
                                3 * gtk_adjustment_get_step_increment (v));
      break;

    case PASS_PAGES:
      gtk_adjustment_set_value (v, gtk_adjustment_get_value (v) +
                                gtk_adjustment_get_page_size (v));
      break;

    case PASS_SIDEWAYS:
      {
        double value = gtk_adjustment_get_value (h) +
                       bench->direction * gtk_adjustment_get_page_size (h) / 2;

        if (value <= 0 || value >= gtk_adjustment_get_upper (h) - gtk_adjustment_get_page_size (h))
          bench->direction = -bench->direction;
        gtk_adjustment_set_value (h, value);
        /* and a little down, so rows change too */
        gtk_adjustment_set_value (v, gtk_adjustment_get_value (v) +
                                  gtk_adjustment_get_step_increment (v));
      }
      break;

    case N_PASSES:
    default:
      g_assert_not_reached ();
    }
}

static void
draw_plain (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  Bench *bench = user_data;

  cairo_set_source_rgb (cr, 0.5 + 0.5 * (bench->plain_frames % 2), 0.5, 0.5);
  cairo_paint (cr);
}

static gboolean
plain_tick_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       user_data)
{
  Bench *bench = user_data;

  if (++bench->plain_frames > bench->frames_per_pass)
    {
      bench->measuring = FALSE;
      bench->done = TRUE;
      return G_SOURCE_REMOVE;
    }

  bench->measuring = TRUE;
  gtk_widget_queue_draw (widget);

  return G_SOURCE_CONTINUE;
}

static void
before_paint_cb (GdkFrameClock *clock,
                 Bench         *bench)
{
  bench->paint_start = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                Bench         *bench)
{
  double ms;

  if (!bench->measuring)
    return;

  ms = (g_get_monotonic_time () - bench->paint_start) / 1000.0;
  if (bench->plain_frames > 0)
    {
      g_array_append_val (bench->plain_ms, ms);
      return;
    }
  g_array_append_val (bench->frame_ms[bench->pass], ms);
  {
    double cells = bk_sheet_view_get_n_drawn_cells (bench->view);

    g_array_append_val (bench->cells[bench->pass], cells);
  }
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  Bench *bench = user_data;

  if (bench->frame == bench->frames_per_pass)
    {
      bench->frame = 0;
      bench->pass++;
      gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (widget)), 0);
      gtk_adjustment_set_value (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (widget)), 0);
    }

  if (bench->pass == N_PASSES)
    {
      bench->measuring = FALSE;
      bench->done = TRUE;
      return G_SOURCE_REMOVE;
    }

  bench->measuring = TRUE;
  scroll_step (bench, bench->pass);
  bench->frame++;

  return G_SOURCE_CONTINUE;
}

/* The widget's own snapshot(), alone, at the same scroll positions. */
static void
time_snapshots (Bench  *bench,
                Pass    pass,
                GArray *out)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_GET_CLASS (bench->view);
  GtkAdjustment *h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (bench->view));
  GtkAdjustment *v = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (bench->view));

  gtk_adjustment_set_value (h, 0);
  gtk_adjustment_set_value (v, 0);
  bench->direction = 1;

  for (int i = 0; i < bench->frames_per_pass; i++)
    {
      GtkSnapshot *snapshot;
      GskRenderNode *node;
      gint64 start;
      double ms;

      scroll_step (bench, pass);

      start = g_get_monotonic_time ();
      snapshot = gtk_snapshot_new ();
      widget_class->snapshot (GTK_WIDGET (bench->view), snapshot);
      node = gtk_snapshot_free_to_node (snapshot);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_clear_pointer (&node, gsk_render_node_unref);
      g_array_append_val (out, ms);
    }
}

static gboolean
wake_up_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(BkTestTableModel) model = NULL;
  GtkWidget *window, *scrolled;
  GdkFrameClock *clock;
  Bench bench = { 0 };
  int rows = 100000, columns = 60;
  guint wake;

  bench.frames_per_pass = 300;
  if (argc > 1)
    bench.frames_per_pass = MAX (10, atoi (argv[1]));

  gtk_init ();

  model = bk_test_table_model_new (rows, columns, TRUE);
  for (guint i = 0; i < N_PASSES; i++)
    {
      bench.frame_ms[i] = g_array_new (FALSE, FALSE, sizeof (double));
      bench.cells[i] = g_array_new (FALSE, FALSE, sizeof (double));
    }
  bench.direction = 1;

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 740);
  scrolled = gtk_scrolled_window_new ();
  bench.view = BK_SHEET_VIEW (bk_sheet_view_new (BK_TABLE_MODEL (model)));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (bench.view));
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  gtk_window_present (GTK_WINDOW (window));

  wake = g_timeout_add (20, wake_up_cb, NULL);
  while (!gtk_widget_get_mapped (GTK_WIDGET (bench.view)) ||
         bk_sheet_view_get_n_drawn_cells (bench.view) == 0)
    g_main_context_iteration (NULL, TRUE);

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (bench.view));
  g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), &bench);
  g_signal_connect_after (clock, "after-paint", G_CALLBACK (after_paint_cb), &bench);
  gtk_widget_add_tick_callback (GTK_WIDGET (bench.view), tick_cb, &bench, NULL);

  while (!bench.done)
    g_main_context_iteration (NULL, TRUE);

  /* For scale: the same window showing a plain colour, redrawn every frame */
  bench.plain_ms = g_array_new (FALSE, FALSE, sizeof (double));
  bench.plain = gtk_drawing_area_new ();
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (bench.plain), draw_plain, &bench, NULL);
  gtk_widget_set_size_request (bench.plain,
                               gtk_widget_get_width (GTK_WIDGET (bench.view)),
                               gtk_widget_get_height (GTK_WIDGET (bench.view)));
  g_object_ref (scrolled);
  gtk_window_set_child (GTK_WINDOW (window), bench.plain);
  bench.done = FALSE;
  gtk_widget_add_tick_callback (bench.plain, plain_tick_cb, &bench, NULL);
  while (!bench.done)
    g_main_context_iteration (NULL, TRUE);
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  g_object_unref (scrolled);
  g_source_remove (wake);

  g_print ("Sheet view scrolling: %d rows × %d columns, %d×%d px, %d frames a pass, renderer %s\n",
           rows, columns,
           gtk_widget_get_width (GTK_WIDGET (bench.view)),
           gtk_widget_get_height (GTK_WIDGET (bench.view)),
           bench.frames_per_pass,
           G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))));
  g_print ("%-26s %28s %28s %8s\n", "", "frame ms (avg / p95 / max)",
           "snapshot ms (avg / p95 / max)", "cells");

  for (Pass pass = 0; pass < N_PASSES; pass++)
    {
      g_autoptr(GArray) snapshots = g_array_new (FALSE, FALSE, sizeof (double));
      double f_avg, f_p95, f_max, s_avg, s_p95, s_max, c_avg, c_p95, c_max;

      time_snapshots (&bench, pass, snapshots);
      summarize (bench.frame_ms[pass], &f_avg, &f_p95, &f_max);
      summarize (snapshots, &s_avg, &s_p95, &s_max);
      summarize (bench.cells[pass], &c_avg, &c_p95, &c_max);

      g_print ("%-26s %8.2f / %7.2f / %7.2f %8.2f / %7.2f / %7.2f %8.0f\n",
               pass_names[pass], f_avg, f_p95, f_max, s_avg, s_p95, s_max, c_avg);
    }

  {
    double avg, p95, max;

    summarize (bench.plain_ms, &avg, &p95, &max);
    g_print ("%-26s %8.2f / %7.2f / %7.2f\n", "plain colour (for scale)", avg, p95, max);
    g_array_unref (bench.plain_ms);
  }

  for (guint i = 0; i < N_PASSES; i++)
    {
      g_array_unref (bench.frame_ms[i]);
      g_array_unref (bench.cells[i]);
    }
  gtk_window_destroy (GTK_WINDOW (window));

  return 0;
}
