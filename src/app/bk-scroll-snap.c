/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-scroll-snap.c — scrolling a grid of charts comes to rest on a whole
 * row
 *
 * The grid sizes its rows so that a whole number of them fills the view
 * (bk-chart-grid.c), but a wheel, a touchpad or a dragged scroll bar can
 * leave the view anywhere.  Here every change of the view's position
 * starts a short wait; when the person has stopped (no change for
 * REST_MS, no finger on the touchpad, no button held on the scroll bar),
 * a view whose top edge lies inside a row glides on to the start of the
 * next row in the direction it was going (so that one turn of the wheel
 * moves on by a row instead of snapping back), or to what follows the
 * grid, or to the end of what scrolls.  Rows taller than the view, and whatever lies below the grid,
 * scroll freely. */
#include "config.h"

#include <math.h>

#include "bk-scroll-snap.h"

#define SNAP_DATA  "bk-scroll-snap"
#define REST_MS    160
#define GLIDE_US   (180 * G_TIME_SPAN_MILLISECOND)

typedef struct
{
  GtkScrolledWindow *scroller;    /* unowned: the snap goes with it */
  BkChartGrid       *grid;        /* unowned, inside the scroller */
  GtkAdjustment     *adjustment;
  gulong             value_id;
  double             last_value;
  int                direction;   /* the last move: 1 down, -1 up, 0 none */
  gboolean           touching;    /* fingers on the touchpad */
  gboolean           setting;     /* our own gtk_adjustment_set_value () */
  guint              rest_id;
  guint              tick_id;
  gint64             glide_start; /* frame time, 0 before the first frame */
  double             glide_from;
  double             glide_to;
} Snap;

static void
stop_glide (Snap *snap)
{
  if (snap->tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (snap->scroller), snap->tick_id);
  snap->tick_id = 0;
}

static void
snap_free (Snap *snap)
{
  /* The scroller is being finalized: its tick callbacks went with it */
  g_clear_handle_id (&snap->rest_id, g_source_remove);
  g_clear_signal_handler (&snap->value_id, snap->adjustment);
  g_clear_object (&snap->adjustment);
  g_free (snap);
}

static void
set_value (Snap   *snap,
           double  value)
{
  snap->setting = TRUE;
  gtk_adjustment_set_value (snap->adjustment, value);
  snap->setting = FALSE;
  snap->last_value = gtk_adjustment_get_value (snap->adjustment);
}

/* Where the view should come to rest from @value, or FALSE to stay */
static gboolean
rest_target (Snap   *snap,
             double  value,
             double *target)
{
  GtkWidget *content = gtk_scrolled_window_get_child (snap->scroller);
  double page = gtk_adjustment_get_page_size (snap->adjustment);
  double end = gtk_adjustment_get_upper (snap->adjustment) - page;
  graphene_point_t origin;
  int y, height;

  if (GTK_IS_VIEWPORT (content) && gtk_viewport_get_child (GTK_VIEWPORT (content)) != NULL)
    content = gtk_viewport_get_child (GTK_VIEWPORT (content));
  if (end <= 0 || content == NULL ||
      !gtk_widget_compute_point (GTK_WIDGET (snap->grid), content, &GRAPHENE_POINT_INIT (0, 0), &origin))
    return FALSE;

  for (guint row = 0; bk_chart_grid_get_row_area (snap->grid, row, &y, &height); row++)
    {
      double top = origin.y + y, next;
      int next_y;

      /* A row taller than the view is read by scrolling through it */
      if (height > page + 0.5)
        return FALSE;
      /* The next row, or what follows the grid */
      next = origin.y + (bk_chart_grid_get_row_area (snap->grid, row + 1, &next_y, NULL)
                         ? next_y : gtk_widget_get_height (GTK_WIDGET (snap->grid)));
      if (value < top - 0.5)
        return FALSE;  /* above the grid, or in the gap above this row */
      if (value <= top + 0.5)
        return FALSE;  /* at a row's start already */
      if (value < next - 0.5 && value < top + height)
        {
          /* On by a row the way it was going, or back to its start */
          *target = snap->direction < 0 ? top : MIN (next, end);
          return fabs (*target - value) > 0.5;
        }
    }
  /* Below the grid, or above it: not ours */
  return FALSE;
}

static gboolean
glide_cb (GtkWidget     *widget,
          GdkFrameClock *clock,
          gpointer       data)
{
  Snap *snap = data;
  gint64 now = gdk_frame_clock_get_frame_time (clock);
  double t;

  if (snap->glide_start == 0)
    snap->glide_start = now;
  t = CLAMP ((double) (now - snap->glide_start) / GLIDE_US, 0, 1);
  /* Ease out: quick at first, settling gently */
  set_value (snap, snap->glide_from + (snap->glide_to - snap->glide_from) * (1 - pow (1 - t, 3)));
  if (t < 1)
    return G_SOURCE_CONTINUE;
  snap->tick_id = 0;
  return G_SOURCE_REMOVE;
}

/* Whether a mouse button is held: the scroll bar may be in a drag */
static gboolean
button_held (Snap *snap)
{
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (snap->scroller));
  GdkDevice *pointer = gdk_seat_get_pointer (gdk_display_get_default_seat (gtk_widget_get_display (GTK_WIDGET (snap->scroller))));
  GdkModifierType mask = 0;
  double x, y;

  if (native == NULL || pointer == NULL || gtk_native_get_surface (native) == NULL)
    return FALSE;
  gdk_surface_get_device_position (gtk_native_get_surface (native), pointer, &x, &y, &mask);
  return (mask & (GDK_BUTTON1_MASK | GDK_BUTTON2_MASK | GDK_BUTTON3_MASK)) != 0;
}

static gboolean
rest_cb (gpointer data)
{
  Snap *snap = data;
  GtkWidget *widget = GTK_WIDGET (snap->scroller);
  gboolean animate = FALSE;
  double value = gtk_adjustment_get_value (snap->adjustment), target;

  if (snap->touching || button_held (snap))
    return G_SOURCE_CONTINUE;  /* look again in a moment */
  snap->rest_id = 0;

  if (!gtk_widget_get_mapped (widget) || !rest_target (snap, value, &target))
    return G_SOURCE_REMOVE;

  g_object_get (gtk_widget_get_settings (widget), "gtk-enable-animations", &animate, NULL);
  if (!animate)
    {
      set_value (snap, target);
      return G_SOURCE_REMOVE;
    }
  snap->glide_from = value;
  snap->glide_to = target;
  snap->glide_start = 0;
  stop_glide (snap);
  snap->tick_id = gtk_widget_add_tick_callback (widget, glide_cb, snap, NULL);
  return G_SOURCE_REMOVE;
}

static void
wait_for_rest (Snap *snap)
{
  g_clear_handle_id (&snap->rest_id, g_source_remove);
  snap->rest_id = g_timeout_add (REST_MS, rest_cb, snap);
}

static void
value_changed_cb (GtkAdjustment *adjustment,
                  Snap          *snap)
{
  double value = gtk_adjustment_get_value (adjustment);

  if (snap->setting)
    return;
  /* The person (or a scroll to the focus) moved it: that wins */
  stop_glide (snap);
  if (value != snap->last_value)
    snap->direction = value > snap->last_value ? 1 : -1;
  snap->last_value = value;
  wait_for_rest (snap);
}

static void
scroll_begin_cb (GtkEventControllerScroll *controller,
                 Snap                     *snap)
{
  snap->touching = TRUE;
}

static void
scroll_end_cb (GtkEventControllerScroll *controller,
               Snap                     *snap)
{
  /* Fingers lifted: kinetic scrolling may follow, each step waiting on */
  snap->touching = FALSE;
  wait_for_rest (snap);
}

void
bk_scroll_snap_attach (GtkScrolledWindow *scroller,
                       BkChartGrid       *grid)
{
  GtkEventController *controller;
  Snap *snap;

  g_return_if_fail (GTK_IS_SCROLLED_WINDOW (scroller));
  g_return_if_fail (BK_IS_CHART_GRID (grid));
  g_return_if_fail (g_object_get_data (G_OBJECT (scroller), SNAP_DATA) == NULL);

  snap = g_new0 (Snap, 1);
  snap->scroller = scroller;
  snap->grid = grid;
  snap->adjustment = g_object_ref (gtk_scrolled_window_get_vadjustment (scroller));
  snap->last_value = gtk_adjustment_get_value (snap->adjustment);
  snap->value_id = g_signal_connect (snap->adjustment, "value-changed", G_CALLBACK (value_changed_cb), snap);
  g_object_set_data_full (G_OBJECT (scroller), SNAP_DATA, snap, (GDestroyNotify) snap_free);

  /* Only told of touchpad gestures: the scroller still scrolls */
  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "scroll-begin", G_CALLBACK (scroll_begin_cb), snap);
  g_signal_connect (controller, "scroll-end", G_CALLBACK (scroll_end_cb), snap);
  gtk_widget_add_controller (GTK_WIDGET (scroller), controller);
}

gboolean
bk_scroll_snap_is_pending (GtkScrolledWindow *scroller)
{
  Snap *snap;

  g_return_val_if_fail (GTK_IS_SCROLLED_WINDOW (scroller), FALSE);

  snap = g_object_get_data (G_OBJECT (scroller), SNAP_DATA);
  return snap != NULL && (snap->rest_id != 0 || snap->tick_id != 0);
}
