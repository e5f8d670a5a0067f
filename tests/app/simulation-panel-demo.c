/* SPDX-License-Identifier: GPL-3.0-or-later */
/* simulation-panel-demo.c — the Monte Carlo panel on the sample in a
 * window, to look at it (not a test)
 *
 *   simulation-panel-demo [--dark] [--trials N] [--no-run]
 *
 * BREAKEVEN_LOCALEDIR names the build tree's catalogues, as for the app
 * (LANGUAGE=zh_CN for the Chinese panel). */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "bk-document.h"
#include "bk-json.h"
#include "bk-simulation-panel.h"

static gboolean opt_dark;
static gboolean opt_no_run;
static int opt_trials = BK_SIMULATION_PANEL_DEFAULT_TRIALS;
static BkDocument *document;
static BkEngine *engine;

static void
activate_cb (GtkApplication *app)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BkWorkbook) sample = bk_json_read_sample (&error);
  g_autofree char *dir = g_dir_make_tmp ("breakeven-simulation-demo-XXXXXX", &error);
  g_autofree char *path = NULL;
  BkSimulationPanel *panel;
  GtkWidget *window, *box;

  g_assert_no_error (error);
  path = g_build_filename (dir, "sample.breakeven", NULL);
  document = bk_document_create (path, sample, FALSE, &error);
  g_assert_no_error (error);
  engine = bk_engine_new (bk_document_get_workbook (document));

  if (opt_dark)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                        ADW_COLOR_SCHEME_FORCE_DARK);

  window = adw_application_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 640);
  gtk_window_set_title (GTK_WINDOW (window), "Simulation panel");
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());

  panel = bk_simulation_panel_new ();
  gtk_widget_set_margin_start (GTK_WIDGET (panel), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (panel), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (panel), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (panel), 12);
  gtk_widget_set_vexpand (GTK_WIDGET (panel), TRUE);
  bk_simulation_panel_set_engine (panel, engine);
  bk_simulation_panel_set_trials (panel, (guint) opt_trials);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (panel));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));

  if (!opt_no_run)
    bk_simulation_panel_simulate (panel);
}

int
main (int   argc,
      char *argv[])
{
  const GOptionEntry entries[] = {
    { "dark", 0, 0, G_OPTION_ARG_NONE, &opt_dark, "Dark style", NULL },
    { "trials", 0, 0, G_OPTION_ARG_INT, &opt_trials, "Trials", "N" },
    { "no-run", 0, 0, G_OPTION_ARG_NONE, &opt_no_run, "Do not simulate at start", NULL },
    { NULL }
  };
  const char *localedir = g_getenv ("BREAKEVEN_LOCALEDIR");
  g_autoptr(AdwApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  app = adw_application_new ("io.github.breakeven.SimulationPanelDemo", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  status = g_application_run (G_APPLICATION (app), 1, argv);

  g_clear_object (&engine);
  if (document != NULL)
    {
      g_autofree char *path = g_strdup (bk_document_get_path (document));
      g_autofree char *dir = g_path_get_dirname (path);

      bk_document_close (document);
      g_clear_object (&document);
      g_remove (path);
      g_rmdir (dir);
    }
  return status;
}
