/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-test-app.h — the application a window test runs its windows in, in a
 * private home of its own, and the windows themselves: opened on a
 * document, shown, drawn, and closed
 *
 * How a window test uses it: one window a test, on the bundled sample,
 * through the shared GTest fixture BkTestAppWindow:
 *
 *   typedef BkTestAppWindow Fixture;     // f->window, f->dir
 *
 *   static const BkTestAppWindowSize large = { 1200, 800 };
 *
 *   static void
 *   test_bar (Fixture *f, gconstpointer data)
 *   {
 *     bk_test_send_keys (GTK_WINDOW (f->window), "Return", NULL);  // at once
 *     …
 *   }
 *
 *   int
 *   main (int argc, char *argv[])
 *   {
 *     BkApplication *app = bk_test_app_init (&argc, &argv, "test-window-foo");
 *
 *     g_test_add ("/foo/bar", Fixture, &large,   // or NULL: the settings' size
 *                 bk_test_app_window_setup, test_bar, bk_test_app_window_teardown);
 *     return bk_test_app_run (app);
 *   }
 *
 * A test whose fixture holds more than the window (a dialog, a page's
 * sheet) keeps its own struct and calls bk_test_app_present_window() and
 * bk_test_app_close_window() from its setup and teardown; a test that
 * opens windows as it goes (several sizes, a second window on a file)
 * calls them directly.  bk_test_app_present_window() returns once the
 * window is mapped, its sheet has drawn cells and (where xdotool can send
 * keys) it has the X input focus, so a test may press keys at once.  A
 * test that builds its window another way (its own file opened step by
 * step, a bare GtkWindow around a BkSheetView) waits with
 * bk_test_app_wait_drawn(). */
#pragma once

#include "bk-application.h"
#include "bk-window.h"

G_BEGIN_DECLS

/* Before bk_test_app_init(): the run in Simplified Chinese, messages
 * from the catalogues under @localedir (the build tree's), and GTK told
 * not to set the locale again */
void           bk_test_app_use_chinese    (const char   *localedir);

/* g_test_init(), GTK and libadwaita, with HOME and the XDG data, config
 * and cache folders in a new temporary home for the whole run (the
 * recent-files manager is a singleton that keeps the data folder it first
 * saw), and a registered, non-unique BkApplication.  @name names the
 * temporary home.  A test that needs its own locale sets it (and calls
 * gtk_disable_setlocale()) before, as bk_test_app_use_chinese() does. */
BkApplication *bk_test_app_init           (int          *argc,
                                           char       ***argv,
                                           const char   *name);

/* Runs the tests, then drops @app and removes the private home (and the
 * folders bk_test_app_make_dir() made in it). */
int            bk_test_app_run            (BkApplication *app);

/* A new empty folder for a test's files, inside the private home (removed
 * with it by bk_test_app_run()); @name prefixes its name.  Free with
 * g_free(). */
char          *bk_test_app_make_dir       (const char    *name);

/* A new window of @app on the document at @path (NULL: the bundled
 * sample), at @width × @height (0 × 0: the size the settings give), its
 * keys counted (bk_test_watch_keys()), presented, waited on until drawn
 * (bk_test_app_wait_drawn()) and, where xdotool can send keys, given the
 * X input focus.  Close it with bk_test_app_close_window(). */
BkWindow      *bk_test_app_present_window (BkApplication *app,
                                           const char    *path,
                                           int            width,
                                           int            height);

/* Waits until @widget is mapped and has drawn its first frame of cells:
 * for a BkWindow, the sheet it shows; for a BkSheetView, itself. */
void           bk_test_app_wait_drawn     (GtkWidget     *widget);

/* Destroys @window and waits until it is finalised. */
void           bk_test_app_close_window   (BkWindow      *window);

/* @window's document as another program reading its file sees it: opened
 * afresh from the file (the caller unrefs it) */
BkDocument    *bk_test_app_reopen_document (BkWindow *window);

/* The shared GTest fixture: a window of the application bk_test_app_init()
 * made, on the bundled sample (bk_test_app_present_window()), and a folder
 * of the test's own (bk_test_app_make_dir()). */
typedef struct
{
  BkWindow *window;
  char     *dir;
} BkTestAppWindow;

/* The window size a test's data gives bk_test_app_window_setup() */
typedef struct
{
  int width;
  int height;
} BkTestAppWindowSize;

/* @size: NULL (the size the settings give) or a BkTestAppWindowSize */
void           bk_test_app_window_setup    (BkTestAppWindow *f,
                                            gconstpointer    size);
void           bk_test_app_window_teardown (BkTestAppWindow *f,
                                            gconstpointer    size);

G_END_DECLS
