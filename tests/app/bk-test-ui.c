/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-test-ui.c — see bk-test-ui.h */
#include "config.h"

#include <string.h>

#include "bk-test-ui.h"

#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

static guint n_key_presses;
static guint n_button_releases;

gint64
bk_test_wait_usec (void)
{
  static gint64 usec;

  if (usec == 0)
    {
      const char *slowdown = g_getenv ("BK_TEST_SLOWDOWN");
      guint64 factor = 1;

      if (slowdown != NULL && !g_ascii_string_to_unsigned (slowdown, 10, 1, 100, &factor, NULL))
        g_error ("BK_TEST_SLOWDOWN=%s: not a whole number from 1 to 100", slowdown);
      usec = (gint64) factor * 20 * G_USEC_PER_SEC;
    }
  return usec;
}

gboolean
bk_test_wake_up_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

void
bk_test_flush (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

gboolean
bk_test_have_xdotool (void)
{
#ifdef GDK_WINDOWING_X11
  g_autofree char *path = g_find_program_in_path ("xdotool");

  return path != NULL && GDK_IS_X11_DISPLAY (gdk_display_get_default ());
#else
  return FALSE;
#endif
}

static gboolean
key_event_cb (GtkEventControllerLegacy *controller,
              GdkEvent                 *event,
              gpointer                  data)
{
  switch ((int) gdk_event_get_event_type (event))
    {
    case GDK_KEY_PRESS:
      if (!gdk_key_event_is_modifier (event))
        n_key_presses++;
      break;
    case GDK_BUTTON_RELEASE:
      n_button_releases++;
      break;
    default:
      break;
    }
  return GDK_EVENT_PROPAGATE;
}

void
bk_test_watch_keys (GtkWindow *window)
{
  GtkEventController *controller = gtk_event_controller_legacy_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "event", G_CALLBACK (key_event_cb), NULL);
  gtk_widget_add_controller (GTK_WIDGET (window), controller);
}

static void
xdotool_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_subprocess_wait_check_finish (G_SUBPROCESS (source), result, &error))
    g_error ("xdotool failed: %s", error->message);
  *done = TRUE;
}

void
bk_test_run_xdotool (const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  gboolean done = FALSE;

  g_ptr_array_add (argv, (gpointer) "xdotool");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata, G_SUBPROCESS_FLAGS_NONE, &error);
  if (process == NULL)
    g_error ("Cannot run xdotool: %s", error->message);
  g_subprocess_wait_check_async (process, NULL, xdotool_done_cb, &done);
  BK_WAIT_FOR (done);
}

/* The X window of @native, as xdotool takes it. */
static char *
dup_xid (GtkNative *native)
{
#ifdef GDK_WINDOWING_X11
  return g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (gtk_native_get_surface (native)));
#else
  return g_strdup ("0");
#endif
}

void
bk_test_focus_window (GtkWindow *window)
{
#ifdef GDK_WINDOWING_X11
  g_autofree char *xid = dup_xid (GTK_NATIVE (window));
  const char *args[] = { "windowfocus", "--sync", xid, NULL };

  bk_test_run_xdotool (args);
  BK_WAIT_FOR (gtk_window_is_active (window));
#endif
}

void
bk_test_send_keys (GtkWindow  *window,
                   const char *first,
                   ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  guint expected = n_key_presses;
  va_list ap;

  g_ptr_array_add (args, (gpointer) "key");
  va_start (ap, first);
  for (const char *key = first; key != NULL; key = va_arg (ap, const char *))
    {
      g_ptr_array_add (args, (gpointer) key);
      expected++;
    }
  va_end (ap);
  g_ptr_array_add (args, NULL);

  bk_test_run_xdotool ((const char * const *) args->pdata);
  BK_WAIT_FOR (n_key_presses >= expected);
  bk_test_flush ();
}

void
bk_test_type_text (GtkWindow  *window,
                   const char *text)
{
  const char *args[] = { "type", "--delay", "5", text, NULL };
  guint expected = n_key_presses + (guint) strlen (text);

  bk_test_run_xdotool (args);
  BK_WAIT_FOR (n_key_presses >= expected);
  bk_test_flush ();
}

/* The xdotool arguments that move the pointer to (@x, @y) of @widget:
 * "mousemove --window XID X Y", in the X surface's coordinates. */
static GStrv
mousemove_args (GtkWidget *widget,
                double     x,
                double     y)
{
  GtkNative *native = gtk_widget_get_native (widget);
  graphene_point_t p = GRAPHENE_POINT_INIT (x, y), q;
  double sx, sy;
  GStrv args = g_new0 (char *, 6);

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native), &p, &q));
  gtk_native_get_surface_transform (native, &sx, &sy);
  args[0] = g_strdup ("mousemove");
  args[1] = g_strdup ("--window");
  args[2] = dup_xid (native);
  args[3] = g_strdup_printf ("%d", (int) (q.x + sx));
  args[4] = g_strdup_printf ("%d", (int) (q.y + sy));
  return args;
}

void
bk_test_move_pointer (GtkWidget *widget,
                      double     x,
                      double     y)
{
  g_auto(GStrv) move = mousemove_args (widget, x, y);

  bk_test_run_xdotool ((const char * const *) move);
}

void
bk_test_click (GtkWidget *widget,
               double     x,
               double     y,
               guint      n_clicks)
{
  g_autofree char *repeat = g_strdup_printf ("%u", n_clicks);
  /* A separate command: chained after "mousemove --window", xdotool would
   * send the clicks to that window with XSendEvent instead of XTEST */
  const char *click[] = { "click", "--repeat", repeat, "--delay", "40", "1", NULL };
  guint expected = n_button_releases + n_clicks;

  bk_test_move_pointer (widget, x, y);
  bk_test_run_xdotool (click);
  BK_WAIT_FOR (n_button_releases >= expected);
  bk_test_flush ();
}

void
bk_test_drag (GtkWidget *widget,
              double     x0,
              double     y0,
              double     x1,
              double     y1)
{
  /* Both points before the press moves anything */
  g_auto(GStrv) move0 = mousemove_args (widget, x0, y0);
  g_auto(GStrv) move1 = mousemove_args (widget, x1, y1);
  const char *down[] = { "mousedown", "1", NULL };
  const char *up[] = { "mouseup", "1", NULL };
  guint expected = n_button_releases + 1;

  bk_test_run_xdotool ((const char * const *) move0);
  bk_test_run_xdotool (down);
  bk_test_run_xdotool ((const char * const *) move1);
  bk_test_run_xdotool (up);
  BK_WAIT_FOR (n_button_releases >= expected);
  bk_test_flush ();
}

void
bk_test_resize_window (GtkWindow *window,
                       int        width,
                       int        height)
{
  g_autofree char *xid = dup_xid (GTK_NATIVE (window));
  g_autofree char *w = g_strdup_printf ("%d", width);
  g_autofree char *h = g_strdup_printf ("%d", height);
  const char *args[] = { "windowsize", "--sync", xid, w, h, NULL };
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  bk_test_run_xdotool (args);
  BK_WAIT_FOR (gdk_surface_get_width (surface) == width && gdk_surface_get_height (surface) == height);
  bk_test_flush ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                guint         *count)
{
  (*count)++;
}

void
bk_test_wait_frames (GtkWidget *widget,
                     guint      n)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  guint count = 0;
  gulong id;

  g_assert_nonnull (clock);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &count);
  gtk_widget_queue_draw (widget);
  BK_WAIT_FOR (count >= n);
  g_signal_handler_disconnect (clock, id);
}

GdkTexture *
bk_test_render_widget (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (width <= 0 || height <= 0)
    return NULL;
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return NULL;
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

gboolean
bk_test_textures_differ (GdkTexture *a,
                         GdkTexture *b)
{
  int width = gdk_texture_get_width (a);
  int height = gdk_texture_get_height (a);
  gsize stride = (gsize) width * 4;
  g_autofree guchar *pa = NULL;
  g_autofree guchar *pb = NULL;

  if (width != gdk_texture_get_width (b) || height != gdk_texture_get_height (b))
    return TRUE;
  pa = g_malloc (stride * (gsize) height);
  pb = g_malloc (stride * (gsize) height);
  gdk_texture_download (a, pa, stride);
  gdk_texture_download (b, pb, stride);
  return memcmp (pa, pb, stride * (gsize) height) != 0;
}
