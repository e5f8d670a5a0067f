/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-test-ui.h — driving real windows in UI tests: waiting on the main
 * loop, real key and pointer events through xdotool, frames
 *
 * Keys and clicks are real X events: xdotool injects them through the
 * XTEST extension into the (Xvfb) server, so they travel the same path as
 * a person's: X server → GDK → GtkWindow → capture/bubble through the
 * controllers.  Every step waits for a condition (with a timeout), never a
 * fixed time: a capture-phase controller on the window counts the key
 * presses and button releases GTK has delivered, so a test knows its input
 * was handled. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* How long one step may take: 20 s, times BK_TEST_SLOWDOWN when that is
 * set (a whole number: build-aux/test --sanitize sets it, where the
 * program runs several times slower) */
gint64   bk_test_wait_usec          (void);
#define BK_TEST_WAIT_USEC (bk_test_wait_usec ())

gboolean bk_test_wake_up_cb (gpointer data);

/* Iterates the main context until @cond holds, failing after a timeout. */
#define BK_WAIT_FOR(cond)                                                    \
  G_STMT_START {                                                             \
    gint64 deadline_ = g_get_monotonic_time () + BK_TEST_WAIT_USEC;          \
    guint wake_ = g_timeout_add (20, bk_test_wake_up_cb, NULL);              \
    while (!(cond) && g_get_monotonic_time () < deadline_)                   \
      g_main_context_iteration (NULL, TRUE);                                 \
    g_source_remove (wake_);                                                 \
    if (!(cond))                                                             \
      g_error ("Timed out waiting for: %s", #cond);                          \
  } G_STMT_END

/* Lets everything already queued (redraws, idles) run. */
void     bk_test_flush              (void);
/* Whether real X key events can be sent; the UI tests need them, and
 * build-aux/test provides both Xvfb and xdotool, so without them a test
 * fails rather than skips. */
gboolean bk_test_have_xdotool       (void);

/* In a test that sends real input: fails it without xdotool and returns. */
#define BK_TEST_REQUIRE_XDOTOOL()                                            \
  G_STMT_START {                                                             \
    if (!bk_test_have_xdotool ())                                            \
      {                                                                      \
        g_test_message ("needs an X11 display and xdotool");                 \
        g_test_fail ();                                                      \
        return;                                                              \
      }                                                                      \
  } G_STMT_END

/* Counts the key presses and button releases reaching @window, so the key
 * and pointer helpers can wait for them; once per window. */
void     bk_test_watch_keys         (GtkWindow  *window);
/* Gives @window the X input focus (there is no window manager on Xvfb). */
void     bk_test_focus_window       (GtkWindow  *window);
void     bk_test_run_xdotool        (const char * const *args);
/* Presses keys (xdotool names: "Return", "shift+Tab", "ctrl+z"), NULL
 * terminated, and waits until GTK has delivered them. */
void     bk_test_send_keys          (GtkWindow  *window,
                                     const char *first,
                                     ...) G_GNUC_NULL_TERMINATED;
/* Types ASCII text, one key per character. */
void     bk_test_type_text          (GtkWindow  *window,
                                     const char *text);
/* Moves the pointer to (@x, @y) of @widget, in @widget's coordinates. */
void     bk_test_move_pointer       (GtkWidget  *widget,
                                     double      x,
                                     double      y);
/* Clicks the primary button @n_clicks times (40 ms apart) at (@x, @y) of
 * @widget and waits until GTK has delivered the button releases; the
 * window must be watched (bk_test_watch_keys()). */
void     bk_test_click              (GtkWidget  *widget,
                                     double      x,
                                     double      y,
                                     guint       n_clicks);
/* Drags with the primary button from (@x0, @y0) to (@x1, @y1) of @widget
 * and waits for the release, likewise. */
void     bk_test_drag               (GtkWidget  *widget,
                                     double      x0,
                                     double      y0,
                                     double      x1,
                                     double      y1);
/* Resizes @window (there is no window manager on Xvfb to maximise it) and
 * waits until it has the size. */
void     bk_test_resize_window      (GtkWindow  *window,
                                     int         width,
                                     int         height);
/* Waits until @widget has been painted @n more times… or rather until the
 * frame clock has finished @n more frames. */
void     bk_test_wait_frames        (GtkWidget  *widget,
                                     guint       n);
/* The widget as the screen shows it, as a texture (NULL if not drawn). */
GdkTexture *bk_test_render_widget   (GtkWidget  *widget);
/* Whether two textures differ in any pixel. */
gboolean bk_test_textures_differ    (GdkTexture *a,
                                     GdkTexture *b);

G_END_DECLS
