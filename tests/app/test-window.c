/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window.c — the document window as a person uses it
 *
 * Real windows under Xvfb; keys are real X events sent with xdotool where
 * the test is about the keyboard, actions elsewhere.  The document on disk
 * is read back through a second connection after each edit. */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bk-application.h"
#include "bk-chart.h"
#include "bk-chart-view.h"
#include "bk-document-table-model.h"
#include "bk-input-table-model.h"
#include "bk-json.h"
#include "bk-test-app.h"
#include "bk-test-ui.h"
#include "bk-window.h"

typedef BkTestAppWindow Fixture;

static BkApplication *app;

static char *
doc_path (Fixture *f)
{
  return g_strdup (bk_document_get_path (bk_window_get_document (f->window)));
}

/* A cell as another program reading the file sees it. */
static double
disk_value (Fixture *f,
            guint    scenario,
            BkTable  table,
            guint    row,
            guint    period)
{
  g_autofree char *path = doc_path (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(BkDocument) reader = bk_document_open (path, &error);
  BkCell cell;

  g_assert_no_error (error);
  bk_workbook_get_cell (bk_document_get_workbook (reader), scenario, table, row, period, &cell);
  return cell.value;
}

static double
shown_value (Fixture *f,
             BkTable  table,
             guint    row,
             guint    period)
{
  BkCell cell;

  bk_workbook_get_cell (bk_document_get_workbook (bk_window_get_document (f->window)),
                        bk_window_get_scenario (f->window), table, row, period, &cell);
  return cell.value;
}

static BkTablePage *
page (Fixture    *f,
      const char *name)
{
  return BK_TABLE_PAGE (bk_window_get_page_widget (f->window, name));
}

static void
test_opens_on_sample (Fixture       *f,
                      gconstpointer  data)
{
  BkSheetView *sheet = bk_window_get_sheet (f->window);
  BkWorkbook *wb = bk_document_get_workbook (bk_window_get_document (f->window));
  g_autofree char *path = doc_path (f);
  g_autofree char *drafts = bk_application_dup_drafts_dir ();

  g_assert_cmpstr (bk_window_get_page (f->window), ==, "capex");
  g_assert_cmpint (bk_sheet_view_get_cursor_row (sheet), ==, 0);
  g_assert_cmpint (bk_sheet_view_get_cursor_column (sheet), ==, 0);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (sheet)));
  g_assert_cmpstr (bk_workbook_get_company_id (wb, 0), ==, "msft");

  /* A fresh copy of the sample, kept as a draft until saved elsewhere */
  g_assert_true (g_str_has_prefix (path, drafts));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  /* The formula bar shows the cursor cell; the KPI strip shows figures */
  g_assert_nonnull (strstr (bk_table_page_get_address (page (f, "capex")), "Microsoft"));
  g_assert_cmpstr (gtk_editable_get_text (bk_table_page_get_formula_entry (page (f, "capex"))), !=, "");
  g_assert_cmpstr (bk_kpi_strip_get_text (bk_window_get_kpi_strip (f->window), TRUE, 0), !=, "—");
  g_assert_cmpstr (bk_kpi_strip_get_text (bk_window_get_kpi_strip (f->window), FALSE, 0), !=, "—");
  g_assert_nonnull (bk_window_get_chart (f->window, "capex"));
}

static void
test_type_and_commit (Fixture       *f,
                      gconstpointer  data)
{
  BkSheetView *sheet;
  BkKpiStrip *kpi = bk_window_get_kpi_strip (f->window);
  g_autofree char *npv_before = NULL;
  g_autofree char *company_npv_before = NULL;
  g_autoptr(GdkTexture) chart_before = NULL;
  g_autoptr(GdkTexture) chart_after = NULL;
  GtkWidget *chart_view = bk_window_get_chart_view (f->window, "capex");

  BK_TEST_REQUIRE_XDOTOOL ();
  sheet = bk_window_get_sheet (f->window);
  npv_before = g_strdup (bk_kpi_strip_get_text (kpi, TRUE, 0));
  company_npv_before = g_strdup (bk_kpi_strip_get_text (kpi, FALSE, 0));
  bk_test_wait_frames (chart_view, 1);
  chart_before = bk_test_render_widget (chart_view);
  g_assert_nonnull (chart_before);

  /* Typing replaces, Enter commits and moves down */
  bk_test_type_text (GTK_WINDOW (f->window), "123");
  g_assert_true (bk_sheet_view_get_editing (sheet));
  g_assert_cmpfloat (disk_value (f, 0, BK_TABLE_CAPEX, 0, 0), !=, 123);
  bk_test_send_keys (GTK_WINDOW (f->window), "Return", NULL);
  g_assert_false (bk_sheet_view_get_editing (sheet));
  g_assert_cmpint (bk_sheet_view_get_cursor_row (sheet), ==, 1);
  g_assert_cmpint (bk_sheet_view_get_cursor_column (sheet), ==, 0);

  /* On disk at once, for any other reader */
  g_assert_cmpfloat (disk_value (f, 0, BK_TABLE_CAPEX, 0, 0), ==, 123);

  /* The KPI strip and the chart follow in the next frame */
  bk_test_wait_frames (GTK_WIDGET (f->window), 1);
  g_assert_cmpstr (bk_kpi_strip_get_text (kpi, TRUE, 0), !=, npv_before);
  chart_after = bk_test_render_widget (chart_view);
  g_assert_true (bk_test_textures_differ (chart_before, chart_after));

  /* Tab commits and moves right; Escape cancels */
  bk_test_type_text (GTK_WINDOW (f->window), "77");
  bk_test_send_keys (GTK_WINDOW (f->window), "Tab", NULL);
  g_assert_cmpint (bk_sheet_view_get_cursor_row (sheet), ==, 1);
  g_assert_cmpint (bk_sheet_view_get_cursor_column (sheet), ==, 1);
  g_assert_cmpfloat (disk_value (f, 0, BK_TABLE_CAPEX, 1, 0), ==, 77);

  {
    double before = disk_value (f, 0, BK_TABLE_CAPEX, 1, 1);

    bk_test_type_text (GTK_WINDOW (f->window), "999");
    bk_test_send_keys (GTK_WINDOW (f->window), "Escape", NULL);
    g_assert_false (bk_sheet_view_get_editing (sheet));
    g_assert_cmpfloat (disk_value (f, 0, BK_TABLE_CAPEX, 1, 1), ==, before);
  }
}

static void
test_paste_block_and_undo (Fixture       *f,
                           gconstpointer  data)
{
  BkSheetView *sheet;
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (f->window));
  double before[4];

  BK_TEST_REQUIRE_XDOTOOL ();
  sheet = bk_window_get_sheet (f->window);
  for (guint i = 0; i < 4; i++)
    before[i] = disk_value (f, 0, BK_TABLE_CAPEX, i / 2, i % 2);

  /* A block as LibreOffice puts it on the clipboard */
  gdk_clipboard_set_text (clipboard, "1\t2\n3\t4\n");
  bk_test_flush ();
  bk_sheet_view_set_cursor (sheet, 0, 0);
  bk_test_send_keys (GTK_WINDOW (f->window), "ctrl+v", NULL);
  BK_WAIT_FOR (shown_value (f, BK_TABLE_CAPEX, 1, 1) == 4);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpfloat (disk_value (f, 0, BK_TABLE_CAPEX, i / 2, i % 2), ==, i + 1);

  /* One undo step takes back all four */
  bk_test_send_keys (GTK_WINDOW (f->window), "ctrl+z", NULL);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpfloat (disk_value (f, 0, BK_TABLE_CAPEX, i / 2, i % 2), ==, before[i]);

  /* and redo puts them back */
  bk_test_send_keys (GTK_WINDOW (f->window), "ctrl+shift+z", NULL);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpfloat (disk_value (f, 0, BK_TABLE_CAPEX, i / 2, i % 2), ==, i + 1);
  bk_test_send_keys (GTK_WINDOW (f->window), "ctrl+z", NULL);
  bk_test_send_keys (GTK_WINDOW (f->window), "ctrl+y", NULL);
  g_assert_cmpfloat (disk_value (f, 0, BK_TABLE_CAPEX, 0, 0), ==, 1);
}

static void
test_rejected_value (Fixture       *f,
                     gconstpointer  data)
{
  BkSheetView *sheet;
  double before;

  BK_TEST_REQUIRE_XDOTOOL ();
  sheet = bk_window_get_sheet (f->window);
  before = disk_value (f, 0, BK_TABLE_CAPEX, 0, 0);

  bk_test_type_text (GTK_WINDOW (f->window), "abc");
  bk_test_send_keys (GTK_WINDOW (f->window), "Return", NULL);

  /* Nothing changed; the editor stays open; the formula bar says why */
  g_assert_true (bk_sheet_view_get_editing (sheet));
  g_assert_cmpint (bk_sheet_view_get_cursor_row (sheet), ==, 0);
  g_assert_cmpfloat (disk_value (f, 0, BK_TABLE_CAPEX, 0, 0), ==, before);
  g_assert_nonnull (bk_table_page_get_error (page (f, "capex")));
  g_assert_false (bk_document_can_undo (bk_window_get_document (f->window)));

  bk_test_send_keys (GTK_WINDOW (f->window), "Escape", NULL);
  g_assert_false (bk_sheet_view_get_editing (sheet));
  g_assert_cmpfloat (disk_value (f, 0, BK_TABLE_CAPEX, 0, 0), ==, before);
}

static void
test_formula_bar (Fixture       *f,
                  gconstpointer  data)
{
  BkTablePage *capex = page (f, "capex");
  GtkEditable *entry = bk_table_page_get_formula_entry (capex);

  gtk_editable_set_text (entry, "=prev*2");
  bk_sheet_view_set_cursor (bk_table_page_get_sheet (capex), 0, 1);
  gtk_editable_set_text (entry, "=prev*2");
  g_signal_emit_by_name (entry, "activate");
  g_assert_null (bk_table_page_get_error (capex));
  g_assert_cmpfloat (disk_value (f, 0, BK_TABLE_CAPEX, 0, 1), ==, 2 * disk_value (f, 0, BK_TABLE_CAPEX, 0, 0));
  /* moved down, and the bar shows the new cell */
  g_assert_cmpint (bk_sheet_view_get_cursor_row (bk_table_page_get_sheet (capex)), ==, 1);

  /* A refused text leaves the cell alone and says why */
  bk_sheet_view_set_cursor (bk_table_page_get_sheet (capex), 0, 1);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "=prev*2");
  gtk_editable_set_text (entry, "=nonsense(");
  g_signal_emit_by_name (entry, "activate");
  g_assert_nonnull (bk_table_page_get_error (capex));
  g_assert_cmpfloat (disk_value (f, 0, BK_TABLE_CAPEX, 0, 1), ==, 2 * disk_value (f, 0, BK_TABLE_CAPEX, 0, 0));
}

static void
test_kpi_same_frame (Fixture       *f,
                     gconstpointer  data)
{
  BkKpiStrip *kpi = bk_window_get_kpi_strip (f->window);
  BkTableModel *model = bk_table_page_get_model (page (f, "capex"));
  const char *texts[] = { "400" };
  g_autofree char *before = g_strdup (bk_kpi_strip_get_text (kpi, TRUE, 0));
  guint updates;
  g_autoptr(GError) error = NULL;

  bk_test_wait_frames (GTK_WIDGET (f->window), 1);
  updates = bk_kpi_strip_get_n_updates (kpi);
  g_assert_true (bk_table_model_set_range (model, 0, 0, 1, 1, texts, &error));
  g_assert_no_error (error);
  /* Nothing recomputed yet: that happens once, in the next frame */
  g_assert_cmpuint (bk_kpi_strip_get_n_updates (kpi), ==, updates);
  g_assert_true (bk_table_model_set_range (model, 1, 0, 1, 1, texts, &error));
  bk_test_wait_frames (GTK_WIDGET (f->window), 1);
  g_assert_cmpuint (bk_kpi_strip_get_n_updates (kpi), ==, updates + 1);
  g_assert_cmpstr (bk_kpi_strip_get_text (kpi, TRUE, 0), !=, before);
}

static void
test_scenario_override (Fixture       *f,
                        gconstpointer  data)
{
  BkTablePage *capex = page (f, "capex");
  BkTableModel *model = bk_table_page_get_model (capex);
  const char *texts[] = { "7" };
  BkWorkbook *wb = bk_document_get_workbook (bk_window_get_document (f->window));
  double base = disk_value (f, 0, BK_TABLE_CAPEX, 0, 0);
  g_autoptr(GError) error = NULL;
  int scenario;

  g_assert_true (bk_window_add_scenario (f->window, "Stress test", &error));
  g_assert_no_error (error);
  scenario = bk_workbook_find_scenario (wb, "Stress test");
  g_assert_cmpint (scenario, >, 0);
  g_assert_cmpuint (bk_window_get_scenario (f->window), ==, (guint) scenario);

  g_assert_true (bk_table_model_set_range (model, 0, 0, 1, 1, texts, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (disk_value (f, (guint) scenario, BK_TABLE_CAPEX, 0, 0), ==, 7);
  g_assert_cmpfloat (disk_value (f, 0, BK_TABLE_CAPEX, 0, 0), ==, base);
  g_assert_true (bk_table_model_get_cell (model, 0, 0, NULL) & BK_TABLE_CELL_OVERRIDDEN);

  /* Switching to Base shows the base value, unhighlighted */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.scenario", "u", 0);
  g_assert_cmpuint (bk_window_get_scenario (f->window), ==, 0);
  g_assert_false (bk_table_model_get_cell (model, 0, 0, NULL) & BK_TABLE_CELL_OVERRIDDEN);
  g_assert_cmpfloat (shown_value (f, BK_TABLE_CAPEX, 0, 0), ==, base);

  /* Reset to Base removes the override */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.scenario", "u", (guint) scenario);
  bk_sheet_view_set_cursor (bk_table_page_get_sheet (capex), 0, 0);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.reset-to-base", NULL);
  g_assert_false (bk_table_model_get_cell (model, 0, 0, NULL) & BK_TABLE_CELL_OVERRIDDEN);
  g_assert_cmpfloat (disk_value (f, (guint) scenario, BK_TABLE_CAPEX, 0, 0), ==, base);

  /* Rename and delete */
  g_assert_true (bk_window_rename_scenario (f->window, "Stress", &error));
  g_assert_cmpint (bk_workbook_find_scenario (wb, "Stress"), ==, scenario);
  g_assert_true (bk_window_remove_scenario (f->window, &error));
  g_assert_cmpint (bk_workbook_find_scenario (wb, "Stress"), <, 0);
  g_assert_cmpuint (bk_window_get_scenario (f->window), ==, 0);
}

static void
count_cb (gpointer  object,
          guint    *count)
{
  (*count)++;
}

static void
notify_count_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

/* The button whose action is @action, anywhere in @root */
static GtkWidget *
find_action_button (GtkWidget  *root,
                    const char *action)
{
  if (GTK_IS_ACTIONABLE (root) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Undo and Redo follow the document's history: enabled when there is a
 * step, and named after it, through every way a step comes and goes. */
static void
test_history_buttons (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *undo = find_action_button (GTK_WIDGET (f->window), "win.undo");
  GtkWidget *redo = find_action_button (GTK_WIDGET (f->window), "win.redo");
  BkDocument *doc = bk_window_get_document (f->window);
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;

  g_assert_nonnull (undo);
  g_assert_nonnull (redo);
  g_assert_false (bk_document_can_undo (doc));
  g_assert_false (gtk_widget_is_sensitive (undo));
  g_assert_false (gtk_widget_is_sensitive (redo));

  /* A step made straight through the document, as a CSV import or a
   * second view would, reaches the buttons too */
  g_assert_true (bk_document_set_title (doc, "History buttons", &error));
  g_assert_no_error (error);
  label = bk_document_dup_undo_label (doc);
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_is_sensitive (undo));
  g_assert_false (gtk_widget_is_sensitive (redo));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (undo), label));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_false (gtk_widget_is_sensitive (undo));
  g_assert_true (gtk_widget_is_sensitive (redo));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (redo), label));
  g_assert_null (strstr (gtk_widget_get_tooltip_text (undo), label));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL);
  g_assert_true (gtk_widget_is_sensitive (undo));
  g_assert_false (gtk_widget_is_sensitive (redo));
}

/* The window's "scenario" is the one the engine computes and every input
 * page shows; a scenario that goes away falls back to Base everywhere. */
static void
test_scenario_property (Fixture       *f,
                        gconstpointer  data)
{
  static const char *names[] = { "capex", "backlog", "tokens", "share", "assumptions" };
  BkEngine *engine = bk_window_get_engine (f->window);
  guint notified = 0;
  guint scenario;
  g_autoptr(GError) error = NULL;

  g_object_set (f->window, "scenario", 2, NULL);
  g_assert_cmpuint (bk_engine_get_scenario (engine), ==, 2);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      BkTableModel *model = bk_table_page_get_model (page (f, names[i]));

      g_assert_cmpuint (bk_document_table_model_get_scenario (BK_DOCUMENT_TABLE_MODEL (model)), ==, 2);
    }

  /* A new scenario, then its creation undone */
  g_assert_true (bk_window_add_scenario (f->window, "Short-lived", &error));
  g_assert_no_error (error);
  scenario = bk_window_get_scenario (f->window);
  g_assert_cmpuint (scenario, >, 2);
  g_assert_cmpuint (bk_engine_get_scenario (engine), ==, scenario);
  g_signal_connect (f->window, "notify::scenario", G_CALLBACK (notify_count_cb), &notified);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_cmpint (bk_workbook_find_scenario (bk_document_get_workbook (bk_window_get_document (f->window)),
                                              "Short-lived"), <, 0);
  g_assert_cmpuint (bk_window_get_scenario (f->window), ==, BK_SCENARIO_BASE);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpuint (bk_engine_get_scenario (engine), ==, BK_SCENARIO_BASE);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      BkTableModel *model = bk_table_page_get_model (page (f, names[i]));

      g_assert_cmpuint (bk_document_table_model_get_scenario (BK_DOCUMENT_TABLE_MODEL (model)), ==,
                        BK_SCENARIO_BASE);
    }
  g_signal_handlers_disconnect_by_data (f->window, &notified);

  /* A scenario the window does not have is the last one it has */
  g_object_set (f->window, "scenario", 99, NULL);
  g_assert_cmpuint (bk_window_get_scenario (f->window), ==, 3);
  g_assert_cmpuint (bk_engine_get_scenario (engine), ==, 3);
}

static void
test_pages (Fixture       *f,
            gconstpointer  data)
{
  static const char *names[] = { "capex", "backlog", "tokens", "share", "assumptions", "results", "analysis" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *target = g_strdup (names[i]);

      gtk_widget_activate_action (GTK_WIDGET (f->window), "win.page", "s", target);
      g_assert_cmpstr (bk_window_get_page (f->window), ==, names[i]);
      bk_test_wait_frames (GTK_WIDGET (f->window), 1);
      g_assert_nonnull (bk_window_get_sheet (f->window));
      g_assert_cmpuint (bk_sheet_view_get_n_drawn_cells (bk_window_get_sheet (f->window)), >, 0);
    }
}

static void
test_charts_follow (Fixture       *f,
                    gconstpointer  data)
{
  BkTablePage *capex = page (f, "capex");
  BkTableModel *model = bk_table_page_get_model (capex);
  BkChart *capex_chart = BK_CHART (bk_window_get_chart (f->window, "capex"));
  BkChart *fcf = BK_CHART (bk_window_get_chart (f->window, "cumulative-fcf"));
  BkChart *waterfall = BK_CHART (bk_window_get_chart (f->window, "waterfall"));
  const char *texts[] = { "250" };
  guint fcf_changes = 0, waterfall_changes = 0;
  g_autoptr(GError) error = NULL;

  /* An edit in CapEx reaches the Results charts in the next frame */
  g_signal_connect (fcf, "changed", G_CALLBACK (count_cb), &fcf_changes);
  g_signal_connect (waterfall, "changed", G_CALLBACK (count_cb), &waterfall_changes);
  g_assert_true (bk_table_model_set_range (model, 0, 2, 1, 1, texts, &error));
  bk_test_wait_frames (GTK_WIDGET (f->window), 1);
  g_assert_cmpuint (fcf_changes, >, 0);
  g_assert_cmpuint (waterfall_changes, >, 0);
  g_signal_handlers_disconnect_by_data (fcf, &fcf_changes);
  g_signal_handlers_disconnect_by_data (waterfall, &waterfall_changes);

  /* Selecting two rows highlights their series, and only theirs */
  bk_sheet_view_select_range (bk_table_page_get_sheet (capex), 1, 0, 2, 3);
  bk_test_wait_frames (GTK_WIDGET (f->window), 1);
  for (guint i = 0; i < bk_chart_get_n_series (capex_chart); i++)
    {
      const char *name = bk_chart_get_series_name (capex_chart, i);
      gboolean selected = g_str_equal (name, "Alphabet") || g_str_equal (name, "Amazon");

      g_assert_cmpint (bk_chart_get_series_highlighted (capex_chart, i), ==, selected);
    }
  /* The cursor alone highlights nothing */
  bk_sheet_view_set_cursor (bk_table_page_get_sheet (capex), 0, 0);
  bk_test_wait_frames (GTK_WIDGET (f->window), 1);
  for (guint i = 0; i < bk_chart_get_n_series (capex_chart); i++)
    g_assert_false (bk_chart_get_series_highlighted (capex_chart, i));

  /* Charts follow the scenario */
  g_assert_true (bk_window_add_scenario (f->window, "Chart check", &error));
  bk_test_wait_frames (GTK_WIDGET (f->window), 1);
  capex_chart = BK_CHART (bk_window_get_chart (f->window, "capex"));
  g_assert_nonnull (strstr (bk_chart_get_subtitle (capex_chart), "Chart check"));
  fcf = BK_CHART (bk_window_get_chart (f->window, "cumulative-fcf"));
  g_assert_nonnull (strstr (bk_chart_get_subtitle (fcf), "Chart check"));
}

static GtkWidget *
find_entry_row (GtkWidget *widget)
{
  if (ADW_IS_ENTRY_ROW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_entry_row (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_new_workbook (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  BkWorkbook *wb;

  g_assert_true (bk_window_new_workbook (f->window, &error));
  g_assert_no_error (error);
  wb = bk_document_get_workbook (bk_window_get_document (f->window));
  g_assert_cmpstr (bk_workbook_get_title (wb), ==, "Untitled workbook");
  g_assert_cmpuint (bk_workbook_get_n_companies (wb), ==, 0);
  g_assert_cmpuint (bk_workbook_get_n_markets (wb), ==, 1);
  g_assert_cmpuint (bk_workbook_get_n_periods (wb), ==, 6);
  g_assert_cmpstr (bk_window_get_page (f->window), ==, "capex");

  /* The first company goes into the one market, and can be typed into;
   * Insert Row asks for its name first */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.insert-row", NULL);
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    AdwMessageDialog *dialog = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels) && dialog == NULL; i++)
      {
        g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

        if (ADW_IS_MESSAGE_DIALOG (w) && gtk_window_get_transient_for (w) == GTK_WINDOW (f->window))
          dialog = ADW_MESSAGE_DIALOG (w);
      }
    g_assert_nonnull (dialog);
    gtk_editable_set_text (GTK_EDITABLE (find_entry_row (GTK_WIDGET (dialog))), "First company");
    adw_message_dialog_response (dialog, "apply");
    gtk_window_destroy (GTK_WINDOW (dialog));
  }
  g_assert_cmpuint (bk_workbook_get_n_companies (wb), ==, 1);
  {
    const char *texts[] = { "12" };
    BkTableModel *model = bk_table_page_get_model (page (f, "capex"));

    g_assert_true (bk_table_model_set_range (model, 0, 0, 1, 1, texts, &error));
    g_assert_no_error (error);
    g_assert_cmpfloat (disk_value (f, 0, BK_TABLE_CAPEX, 0, 0), ==, 12);
  }
  bk_test_flush ();
}

static void
write_file (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static void
test_open_errors (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *damaged = g_build_filename (f->dir, "damaged.breakeven", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "missing.breakeven", NULL);
  g_autofree char *bad_json = g_build_filename (f->dir, "bad.json", NULL);
  g_autofree char *before = doc_path (f);
  const char *paths[] = { damaged, missing, bad_json };

  write_file (damaged, "SQLite format 3\nthis is not a database at all, just text that pretends to be one");
  write_file (bad_json, "{\"format\": \"breakeven-workbook\", \"version\": 1, \"periods\": -3}");

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths[i]);
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;

      g_assert_false (bk_window_open_file (f->window, file, &error));
      g_assert_nonnull (error);
      g_assert_cmpstr (error->message, !=, "");
      after = doc_path (f);
      g_assert_cmpstr (after, ==, before);
    }

  /* What a person sees for the missing one */
  {
    g_autoptr(GFile) file = g_file_new_for_path (missing);
    g_autoptr(GError) error = NULL;

    bk_window_open_file (f->window, file, &error);
    bk_window_show_open_error (f->window, file, error);
    g_assert_nonnull (strstr (bk_window_get_last_error (f->window), "missing.breakeven"));
    g_assert_nonnull (strstr (bk_window_get_last_error (f->window), "no longer exists"));
  }
}

static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "locked.breakeven", NULL);
  g_autoptr(GError) error = NULL;
  BkTableModel *model;
  const char *texts[] = { "1" };

  g_assert_true (bk_window_save_as_path (f->window, path, &error));
  g_assert_no_error (error);
  g_chmod (path, 0444);

  {
    BkWindow *other = bk_test_app_present_window (app, path, 0, 0);

    g_assert_true (bk_document_is_read_only (bk_window_get_document (other)));
    {
      BkWorkbook *wb = bk_document_get_workbook (bk_window_get_document (other));
      guint n = bk_workbook_get_n_companies (wb);

      /* Row actions are off; the banner says why */
      gtk_widget_activate_action (GTK_WIDGET (other), "win.insert-row", NULL);
      gtk_widget_activate_action (GTK_WIDGET (other), "win.remove-row", NULL);
      g_assert_cmpuint (bk_workbook_get_n_companies (wb), ==, n);
      g_assert_true (bk_window_get_read_only_banner_visible (other));
    }

    model = bk_table_page_get_model (BK_TABLE_PAGE (bk_window_get_page_widget (other, "capex")));
    g_assert_false (bk_table_model_set_range (model, 0, 0, 1, 1, texts, &error));
    g_assert_error (error, BK_ERROR, BK_ERROR_READ_ONLY);
    bk_test_app_close_window (other);
  }
  g_chmod (path, 0644);
}

static void
test_save_as_and_exports (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *draft = doc_path (f);
  g_autofree char *path = g_build_filename (f->dir, "mine", NULL);
  g_autofree char *saved = g_build_filename (f->dir, "mine.breakeven", NULL);
  g_autofree char *json = g_build_filename (f->dir, "out.json", NULL);
  g_autofree char *csv = g_build_filename (f->dir, "capex.csv", NULL);
  g_autofree char *csv_in = g_build_filename (f->dir, "in.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BkWorkbook) reread = NULL;
  BkTableModel *model;
  const char *texts[] = { "321" };

  model = bk_table_page_get_model (page (f, "capex"));
  g_assert_true (bk_table_model_set_range (model, 0, 0, 1, 1, texts, &error));

  /* Save As moves the draft to a real file, with its history */
  g_assert_true (bk_window_save_as_path (f->window, path, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (bk_document_get_path (bk_window_get_document (f->window)), ==, saved);
  g_assert_false (g_file_test (draft, G_FILE_TEST_EXISTS));
  g_assert_true (bk_document_can_undo (bk_window_get_document (f->window)));
  g_assert_nonnull (strstr (bk_window_get_last_toast (f->window), "mine.breakeven"));
  {
    /* A saved document is a recent one; a draft was not */
    g_autofree char *uri = g_filename_to_uri (saved, NULL, NULL);
    g_autofree char *draft_uri = g_filename_to_uri (draft, NULL, NULL);

    g_assert_true (gtk_recent_manager_has_item (gtk_recent_manager_get_default (), uri));
    g_assert_false (gtk_recent_manager_has_item (gtk_recent_manager_get_default (), draft_uri));
  }
  g_assert_cmpfloat (disk_value (f, 0, BK_TABLE_CAPEX, 0, 0), ==, 321);

  /* Export JSON reads back as the same workbook */
  g_assert_true (bk_window_export_json_path (f->window, json, &error));
  g_assert_no_error (error);
  reread = bk_json_read_workbook_file (json, &error);
  g_assert_no_error (error);
  {
    BkCell cell;

    bk_workbook_get_cell (reread, 0, BK_TABLE_CAPEX, 0, 0, &cell);
    g_assert_cmpfloat (cell.value, ==, 321);
  }

  /* CSV of the current table out, and a CSV in as one undo step */
  g_assert_true (bk_window_export_csv_path (f->window, csv, &error));
  g_assert_no_error (error);
  {
    g_autofree char *text = NULL;

    g_file_get_contents (csv, &text, NULL, &error);
    g_assert_true (g_str_has_prefix (text, "id,name,"));
    g_assert_nonnull (strstr (text, "msft,Microsoft,321"));
  }
  write_file (csv_in, "id,name,2023\nmsft,Microsoft,5\ngoogl,Alphabet,6\n");
  bk_window_import_csv_path (f->window, csv_in, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (disk_value (f, 0, BK_TABLE_CAPEX, 0, 0), ==, 5);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_cmpfloat (disk_value (f, 0, BK_TABLE_CAPEX, 0, 0), ==, 321);

  /* A bad CSV changes nothing */
  write_file (csv_in, "id,name,2023\nmsft,Microsoft,lots\n");
  g_assert_false (bk_window_import_csv_path (f->window, csv_in, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpfloat (disk_value (f, 0, BK_TABLE_CAPEX, 0, 0), ==, 321);
}

static void
test_rows_and_periods (Fixture       *f,
                       gconstpointer  data)
{
  BkDocument *doc = bk_window_get_document (f->window);
  BkWorkbook *wb = bk_document_get_workbook (doc);
  BkSheetView *sheet = bk_table_page_get_sheet (page (f, "capex"));
  guint n_companies = bk_workbook_get_n_companies (wb);
  guint n_periods = bk_workbook_get_n_periods (wb);
  g_autofree char *first = g_strdup (bk_workbook_get_company_id (wb, 0));
  g_autofree char *second = g_strdup (bk_workbook_get_company_id (wb, 1));

  /* Move the first company down, and back with undo */
  bk_sheet_view_set_cursor (sheet, 0, 0);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.move-row-down", NULL);
  g_assert_cmpstr (bk_workbook_get_company_id (wb, 1), ==, first);
  g_assert_cmpstr (bk_workbook_get_company_id (wb, 0), ==, second);
  g_assert_cmpint (bk_sheet_view_get_cursor_row (sheet), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_cmpstr (bk_workbook_get_company_id (wb, 0), ==, first);

  /* Remove a row: one undo step brings it back with its values */
  bk_sheet_view_set_cursor (sheet, 0, 0);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.remove-row", NULL);
  g_assert_cmpuint (bk_workbook_get_n_companies (wb), ==, n_companies - 1);
  g_assert_nonnull (strstr (bk_window_get_last_toast (f->window), "Microsoft"));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_cmpuint (bk_workbook_get_n_companies (wb), ==, n_companies);

  /* Periods at the end */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-period-end", NULL);
  g_assert_cmpuint (bk_workbook_get_n_periods (wb), ==, n_periods + 1);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.remove-period-end", NULL);
  g_assert_cmpuint (bk_workbook_get_n_periods (wb), ==, n_periods);
  bk_test_wait_frames (GTK_WIDGET (f->window), 1);
}

int
main (int   argc,
      char *argv[])
{
  app = bk_test_app_init (&argc, &argv, "test-window");

#define ADD(path, func) \
  g_test_add ("/window/" path, Fixture, NULL, bk_test_app_window_setup, func, \
              bk_test_app_window_teardown)
  ADD ("opens-on-sample", test_opens_on_sample);
  ADD ("type-and-commit", test_type_and_commit);
  ADD ("paste-block-and-undo", test_paste_block_and_undo);
  ADD ("rejected-value", test_rejected_value);
  ADD ("formula-bar", test_formula_bar);
  ADD ("kpi-same-frame", test_kpi_same_frame);
  ADD ("scenario-override", test_scenario_override);
  ADD ("scenario-property", test_scenario_property);
  ADD ("history-buttons", test_history_buttons);
  ADD ("pages", test_pages);
  ADD ("charts-follow", test_charts_follow);
  ADD ("open-errors", test_open_errors);
  ADD ("read-only", test_read_only);
  ADD ("save-as-and-exports", test_save_as_and_exports);
  ADD ("rows-and-periods", test_rows_and_periods);
  ADD ("new-workbook", test_new_workbook);
#undef ADD

  return bk_test_app_run (app);
}
