/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c — starts Breakeven */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <signal.h>

#include "bk-application.h"
#include "bk-renderer.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(BkApplication) app = NULL;
  const char *localedir = g_getenv ("BREAKEVEN_LOCALEDIR");

  /* BREAKEVEN_LOCALEDIR: the build tree's catalogues, for running uninstalled */
  /* Past a file-size limit (ulimit -f) a write fails with EFBIG, which is
   * reported like a full disk, instead of the signal killing us mid-write. */
  signal (SIGXFSZ, SIG_IGN);
  /* Without a GPU, cairo and no OpenGL at all: 130 MB less (bk-renderer.c) */
  bk_renderer_choose ();
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = bk_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
