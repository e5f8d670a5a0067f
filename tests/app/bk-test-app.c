/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-test-app.c — the application a window test runs its windows in, in a
 * private home of its own, and the windows themselves (see bk-test-app.h) */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>

#include "bk-test-app.h"
#include "bk-test-ui.h"

static char *home;
static BkApplication *the_app;  /* not a reference */

void
bk_test_app_use_chinese (const char *localedir)
{
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  if (setlocale (LC_ALL, "zh_CN.UTF-8") == NULL)
    g_error ("the zh_CN.UTF-8 locale is not installed (build-aux/test sets it up)");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  gtk_disable_setlocale ();  /* before gtk_init() in bk_test_app_init() */
}

BkApplication *
bk_test_app_init (int          *argc,
                  char       ***argv,
                  const char   *name)
{
  static const char *vars[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME" };
  g_autofree char *template = g_strdup_printf ("%s-home-XXXXXX", name);
  g_autoptr(GError) error = NULL;
  BkApplication *app;

  g_assert_null (home);
  home = g_dir_make_tmp (template, &error);
  g_assert_no_error (error);
  g_setenv ("HOME", home, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (vars); i++)
    {
      g_autofree char *dir = g_build_filename (home, vars[i], NULL);

      g_mkdir_with_parents (dir, 0700);
      g_setenv (vars[i], dir, TRUE);
    }

  g_test_init (argc, argv, NULL);
  gtk_init ();
  adw_init ();

  app = bk_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  the_app = app;
  return app;
}

int
bk_test_app_run (BkApplication *app)
{
  g_autofree char *cmd = NULL;
  int status;

  g_assert_nonnull (home);
  status = g_test_run ();
  the_app = NULL;
  g_object_unref (app);

  cmd = g_strdup_printf ("rm -rf '%s'", home);
  if (system (cmd) != 0)
    g_printerr ("could not remove %s\n", home);
  g_clear_pointer (&home, g_free);
  return status;
}

char *
bk_test_app_make_dir (const char *name)
{
  g_autofree char *template = NULL;
  char *dir;

  g_assert_nonnull (home);
  template = g_strdup_printf ("%s/%s-XXXXXX", home, name);
  dir = g_mkdtemp (g_steal_pointer (&template));
  g_assert_nonnull (dir);
  return dir;
}

static gboolean
drawn (GtkWidget *widget)
{
  BkSheetView *sheet;

  if (BK_IS_WINDOW (widget))
    sheet = bk_window_get_sheet (BK_WINDOW (widget));
  else
    sheet = BK_SHEET_VIEW (widget);
  return gtk_widget_get_mapped (widget) && sheet != NULL &&
         gtk_widget_get_mapped (GTK_WIDGET (sheet)) && bk_sheet_view_get_n_drawn_cells (sheet) > 0;
}

void
bk_test_app_wait_drawn (GtkWidget *widget)
{
  g_assert_true (BK_IS_WINDOW (widget) || BK_IS_SHEET_VIEW (widget));
  BK_WAIT_FOR (drawn (widget));
  g_assert_true (drawn (widget));
}

BkWindow *
bk_test_app_present_window (BkApplication *app,
                            const char    *path,
                            int            width,
                            int            height)
{
  g_autoptr(GError) error = NULL;
  BkWindow *window = bk_window_new (app, bk_application_get_settings (app));

  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  bk_test_watch_keys (GTK_WINDOW (window));
  if (path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);

      g_assert_true (bk_window_open_file (window, file, &error));
    }
  else
    g_assert_true (bk_window_load_sample (window, &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  bk_test_app_wait_drawn (GTK_WIDGET (window));
  if (bk_test_have_xdotool ())
    bk_test_focus_window (GTK_WINDOW (window));
  return window;
}

void
bk_test_app_close_window (BkWindow *window)
{
  gpointer weak = window;

  g_assert_true (BK_IS_WINDOW (window));
  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_destroy (GTK_WINDOW (window));
  BK_WAIT_FOR (weak == NULL);
}

void
bk_test_app_window_setup (BkTestAppWindow *f,
                          gconstpointer    size)
{
  const BkTestAppWindowSize *wanted = size;

  g_assert_nonnull (the_app);
  f->dir = bk_test_app_make_dir ("window-test");
  f->window = bk_test_app_present_window (the_app, NULL, wanted ? wanted->width : 0, wanted ? wanted->height : 0);
}

void
bk_test_app_window_teardown (BkTestAppWindow *f,
                             gconstpointer    size)
{
  bk_test_app_close_window (f->window);
  g_clear_pointer (&f->dir, g_free);
}

BkDocument *
bk_test_app_reopen_document (BkWindow *window)
{
  g_autoptr(GError) error = NULL;
  BkDocument *reader = bk_document_open (bk_document_get_path (bk_window_get_document (window)), &error);

  g_assert_no_error (error);
  g_assert_nonnull (reader);
  return reader;
}
