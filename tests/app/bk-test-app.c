/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-test-app.c — the application a window test runs its windows in, in a
 * private home of its own */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdlib.h>

#include "bk-test-app.h"

static char *home;

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
  return app;
}

int
bk_test_app_run (BkApplication *app)
{
  g_autofree char *cmd = NULL;
  int status;

  g_assert_nonnull (home);
  status = g_test_run ();
  g_object_unref (app);

  cmd = g_strdup_printf ("rm -rf '%s'", home);
  if (system (cmd) != 0)
    g_printerr ("could not remove %s\n", home);
  g_clear_pointer (&home, g_free);
  return status;
}
