/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sheet-view-demo.c — a window with a sheet view, to look at it (not a test)
 *
 *   sheet-view-demo [--dark] [--rows N] [--columns N] [--edit TEXT] [--error]
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bk-sheet-view.h"
#include "bk-test-table-model.h"

static gboolean opt_dark;
static int opt_rows = 40;
static int opt_columns = 14;
static char *opt_edit;
static gboolean opt_error;

static const char *names[] = {
  "Microsoft", "Alphabet", "Amazon", "Meta", "Oracle", "CoreWeave", "Apple", "Tesla",
};

static void
fill_demo (BkTestTableModel *model)
{
  const char *texts[3] = { "42.5", "=prev*1.39", "=prev+3" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    bk_test_table_model_set_row_name (model, i, names[i]);
  bk_test_table_model_set_row_name (model, 8, "Total");

  bk_table_model_set_range (BK_TABLE_MODEL (model), 1, 3, 1, 3, texts, NULL);
  bk_test_table_model_set_note (model, 0, 2, "Guidance from the Q3 call");
  bk_test_table_model_set_flags (model, 2, 4, BK_TABLE_CELL_OVERRIDDEN);
  bk_test_table_model_set_flags (model, 2, 5, BK_TABLE_CELL_OVERRIDDEN);
  bk_test_table_model_set_flags (model, 3, 6, BK_TABLE_CELL_INHERITED);
  bk_test_table_model_set_flags (model, 3, 7, BK_TABLE_CELL_INHERITED);
  for (int c = 0; c < opt_columns; c++)
    bk_test_table_model_set_flags (model, 8, c, BK_TABLE_CELL_TOTAL | BK_TABLE_CELL_READ_ONLY);
  texts[0] = "=oops";
  bk_table_model_set_range (BK_TABLE_MODEL (model), 4, 2, 1, 1, texts, NULL);
  texts[0] = "";
  bk_table_model_set_range (BK_TABLE_MODEL (model), 5, 1, 1, 1, texts, NULL);
}

static void
activate_cb (GtkApplication *app)
{
  g_autoptr(BkTestTableModel) model = bk_test_table_model_new (opt_rows, opt_columns, TRUE);
  g_autoptr(GMenu) menu = g_menu_new ();
  GtkWidget *window, *box, *scrolled, *view;

  if (opt_dark)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                        ADW_COLOR_SCHEME_FORCE_DARK);

  fill_demo (model);

  window = adw_application_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 620);
  gtk_window_set_title (GTK_WINDOW (window), "Sheet view");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());

  scrolled = gtk_scrolled_window_new ();
  gtk_widget_set_vexpand (scrolled, TRUE);
  view = bk_sheet_view_new (BK_TABLE_MODEL (model));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);

  g_menu_append (menu, "Copy", "sheet.copy");
  g_menu_append (menu, "Paste", "sheet.paste");
  g_menu_append (menu, "Fill Down", "sheet.fill-down");
  bk_sheet_view_set_context_menu (BK_SHEET_VIEW (view), G_MENU_MODEL (menu));

  bk_sheet_view_set_cursor (BK_SHEET_VIEW (view), 1, 2);
  bk_sheet_view_select_range (BK_SHEET_VIEW (view), 6, 1, 2, 3);
  bk_sheet_view_set_cursor (BK_SHEET_VIEW (view), 1, 2);
  if (!opt_edit)
    bk_sheet_view_select_range (BK_SHEET_VIEW (view), 1, 2, 3, 2);

  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_grab_focus (view);

  if (opt_edit != NULL)
    {
      bk_sheet_view_start_editing (BK_SHEET_VIEW (view), opt_edit);
      if (opt_error)
        bk_sheet_view_commit_edit (BK_SHEET_VIEW (view));
    }
}

int
main (int   argc,
      char *argv[])
{
  const GOptionEntry entries[] = {
    { "dark", 0, 0, G_OPTION_ARG_NONE, &opt_dark, "Dark style", NULL },
    { "rows", 0, 0, G_OPTION_ARG_INT, &opt_rows, "Rows", "N" },
    { "columns", 0, 0, G_OPTION_ARG_INT, &opt_columns, "Columns", "N" },
    { "edit", 0, 0, G_OPTION_ARG_STRING, &opt_edit, "Edit the active cell", "TEXT" },
    { "error", 0, 0, G_OPTION_ARG_NONE, &opt_error, "Commit the edit (to show an error)", NULL },
    { NULL }
  };
  g_autoptr(AdwApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  app = adw_application_new ("io.github.breakeven.SheetViewDemo", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);

  return g_application_run (G_APPLICATION (app), 1, argv);
}
