/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window-companies.c — adding a company in a chosen market, moving it
 * to another market, and colours that stay with each company
 *
 * Real windows under Xvfb; the name is typed and Enter pressed with real
 * key events (xdotool). */
#include "config.h"

#include <stdlib.h>

#include "bk-application.h"
#include "bk-chart.h"
#include "bk-chart-builder.h"
#include "bk-engine.h"
#include "bk-table-page.h"
#include "bk-test-app.h"
#include "bk-test-ui.h"
#include "bk-window.h"

static BkApplication *app;

/* The dialog the window opened over itself, if any */
static AdwMessageDialog *
find_dialog (BkWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* GTK's own */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_window_get_transient_for (w) == GTK_WINDOW (window) &&
          gtk_widget_get_visible (GTK_WIDGET (w)))
        return ADW_MESSAGE_DIALOG (w);
    }
  return NULL;
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The dialog, shown and taking the keys (no window manager gives it focus) */
static AdwMessageDialog *
wait_for_dialog (BkWindow *window)
{
  AdwMessageDialog *dialog;

  BK_WAIT_FOR ((dialog = find_dialog (window)) != NULL && gtk_widget_get_mapped (GTK_WIDGET (dialog)));
  bk_test_wait_frames (GTK_WIDGET (dialog), 1);
  bk_test_watch_keys (GTK_WINDOW (dialog));
  bk_test_focus_window (GTK_WINDOW (dialog));
  return dialog;
}

/* Each company's colour in the window's capex chart, by name */
static GHashTable *
colours (BkChart *chart)
{
  GHashTable *by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint s = 0; s < bk_chart_get_n_series (chart); s++)
    {
      BkChartColor *color = g_new (BkChartColor, 1);

      bk_chart_get_series_color (chart, s, color);
      g_hash_table_insert (by_name, g_strdup (bk_chart_get_series_name (chart, s)), color);
    }
  return by_name;
}

static void
assert_same_colours (GHashTable *before,
                     GHashTable *after)
{
  GHashTableIter iter;
  gpointer name, color;

  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, &name, &color))
    {
      BkChartColor *now = g_hash_table_lookup (after, name);

      if (now == NULL)
        continue;
      if (memcmp (now, color, sizeof *now) != 0)
        g_error ("%s changed colour", (const char *) name);
    }
}

static BkChart *
capex_chart (BkWindow *window)
{
  bk_test_wait_frames (GTK_WIDGET (window), 1);
  return BK_CHART (bk_window_get_chart (window, "capex"));
}

/* Insert Row asks for the name and the market; Enter adds and closes, and
 * no other company changes colour, on screen or in an export */
static void
test_add_in_market (void)
{
  BkWindow *window;
  BkWorkbook *wb;
  AdwMessageDialog *dialog;
  GtkWidget *market_row;
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) after = NULL;
  guint n, china;
  int added;

  BK_TEST_REQUIRE_XDOTOOL ();

  window = bk_test_app_present_window (app, NULL, 0, 0);
  wb = bk_document_get_workbook (bk_window_get_document (window));
  n = bk_workbook_get_n_companies (wb);
  china = (guint) bk_workbook_find_market (wb, "china");
  before = colours (capex_chart (window));

  /* On Microsoft (global): the dialog offers its market, the person
   * chooses China */
  bk_sheet_view_set_cursor (bk_table_page_get_sheet (BK_TABLE_PAGE (bk_window_get_page_widget (window, "capex"))), 0, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.insert-row", NULL);
  dialog = wait_for_dialog (window);
  g_assert_cmpuint (bk_workbook_get_n_companies (wb), ==, n);
  market_row = find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW);
  g_assert_nonnull (market_row);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (market_row)), ==,
                    bk_workbook_get_company_market (wb, 0));
  adw_combo_row_set_selected (ADW_COMBO_ROW (market_row), china);
  bk_test_wait_frames (GTK_WIDGET (dialog), 1);

  /* A taken name is refused in the dialog */
  bk_test_type_text (GTK_WINDOW (dialog), "Baidu");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "apply"));
  bk_test_send_keys (GTK_WINDOW (dialog), "BackSpace", "BackSpace", "BackSpace", "BackSpace", "BackSpace", NULL);

  bk_test_type_text (GTK_WINDOW (dialog), "CoreWeave");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "apply"));
  bk_test_send_keys (GTK_WINDOW (dialog), "Return", NULL);
  BK_WAIT_FOR (find_dialog (window) == NULL);

  g_assert_cmpuint (bk_workbook_get_n_companies (wb), ==, n + 1);
  /* Where the cursor was, and the cursor on it */
  added = 0;
  g_assert_cmpstr (bk_workbook_get_company_name (wb, (guint) added), ==, "CoreWeave");
  g_assert_cmpuint (bk_workbook_get_company_market (wb, (guint) added), ==, china);
  g_assert_cmpint (bk_sheet_view_get_cursor_row (bk_table_page_get_sheet (BK_TABLE_PAGE (bk_window_get_page_widget (window, "capex")))), ==, added);

  /* Every other company kept its colour; the new one has one of its own */
  after = colours (capex_chart (window));
  assert_same_colours (before, after);
  {
    BkChartColor *mine = g_hash_table_lookup (after, "CoreWeave");
    GHashTableIter iter;
    gpointer name, color;

    g_assert_nonnull (mine);
    g_hash_table_iter_init (&iter, before);
    while (g_hash_table_iter_next (&iter, &name, &color))
      g_assert_true (memcmp (mine, color, sizeof *mine) != 0);
  }

  /* The file read afresh, as the command line's export does, agrees */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(BkDocument) reader = bk_test_app_reopen_document (window);
    BkWorkbook *read = bk_document_get_workbook (reader);
    g_autoptr(BkResults) results = bk_engine_compute (read, BK_SCENARIO_BASE);
    g_autoptr(BkChart) fresh = bk_chart_build (BK_CHART_SPEC_CAPEX, read, results, -1, -1, &error);
    g_autoptr(GHashTable) exported = NULL;

    g_assert_no_error (error);
    exported = colours (fresh);
    assert_same_colours (after, exported);
  }

  /* Removing a company recolours no one either */
  g_clear_pointer (&before, g_hash_table_unref);
  before = colours (capex_chart (window));
  bk_sheet_view_set_cursor (bk_table_page_get_sheet (BK_TABLE_PAGE (bk_window_get_page_widget (window, "capex"))),
                            (int) bk_workbook_find_company (wb, "msft"), 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.remove-row", NULL);
  g_assert_cmpuint (bk_workbook_get_n_companies (wb), ==, n);
  g_clear_pointer (&after, g_hash_table_unref);
  after = colours (capex_chart (window));
  assert_same_colours (before, after);

  bk_test_app_close_window (window);
}

/* The row's context menu moves a company to another market */
static void
test_change_market (void)
{
  BkWindow *window;
  BkWorkbook *wb;
  AdwMessageDialog *dialog;
  GtkWidget *market_row;
  int baidu;
  guint global;

  BK_TEST_REQUIRE_XDOTOOL ();

  window = bk_test_app_present_window (app, NULL, 0, 0);
  wb = bk_document_get_workbook (bk_window_get_document (window));
  baidu = bk_workbook_find_company (wb, "bidu");
  global = (guint) bk_workbook_find_market (wb, "global");
  g_assert_cmpuint (bk_workbook_get_company_market (wb, (guint) baidu), !=, global);

  /* Not for markets: the Tokens page's rows are markets */
  bk_window_set_page (window, "tokens");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.change-market", NULL);
  bk_test_flush ();
  g_assert_null (find_dialog (window));

  bk_window_set_page (window, "share");
  bk_sheet_view_set_cursor (bk_table_page_get_sheet (BK_TABLE_PAGE (bk_window_get_page_widget (window, "share"))), baidu, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.change-market", NULL);
  dialog = wait_for_dialog (window);
  market_row = find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (market_row)), ==,
                    bk_workbook_get_company_market (wb, (guint) baidu));

  /* Cancel changes nothing */
  bk_test_send_keys (GTK_WINDOW (dialog), "Escape", NULL);
  BK_WAIT_FOR (find_dialog (window) == NULL);
  g_assert_cmpuint (bk_workbook_get_company_market (wb, (guint) baidu), !=, global);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.change-market", NULL);
  dialog = wait_for_dialog (window);
  market_row = find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW);
  adw_combo_row_set_selected (ADW_COMBO_ROW (market_row), global);
  adw_message_dialog_response (dialog, "apply");
  gtk_window_close (GTK_WINDOW (dialog));
  BK_WAIT_FOR (find_dialog (window) == NULL);
  g_assert_cmpuint (bk_workbook_get_company_market (wb, (guint) baidu), ==, global);

  /* One undo step */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpuint (bk_workbook_get_company_market (wb, (guint) baidu), !=, global);
  bk_test_app_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  app = bk_test_app_init (&argc, &argv, "test-window-companies");

  g_test_add_func ("/window-companies/add-in-market", test_add_in_market);
  g_test_add_func ("/window-companies/change-market", test_change_market);

  return bk_test_app_run (app);
}
