/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-window.c — a document window: its pages, title, scenario and messages
 *
 * The window shows the document of its BkSession (bk-session.c: opening,
 * saving, drafts, import and export) through a BkEngine in the window's
 * scenario, a table model per input page and a BkChartBoard beside each
 * page.  The scenario has one owner, the "scenario" property: the engine
 * follows it both ways (so a scenario the workbook loses falls back to the
 * base through the engine) and the input models follow it.  Signal and
 * binding groups follow the workbook, the engine and the visible sheet
 * (pattern: GNOME Text Editor's page_signals and page_bindings).  Actions
 * live in bk-window-actions.c, drag and drop in bk-window-dnd.c. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bk-a11y.h"
#include "bk-file-write.h"
#include "bk-pane-memory.h"
#include "bk-text.h"
#include "bk-window-private.h"

G_DEFINE_FINAL_TYPE (BkWindow, bk_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_PAGE,
  PROP_SCENARIO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct
{
  const char *name;
  const char *title;
} pages[N_PAGES] = {
  [BK_TABLE_CAPEX] = { "capex", N_("CapEx") },
  [BK_TABLE_BACKLOG] = { "backlog", N_("Backlog") },
  [BK_TABLE_TOKENS] = { "tokens", N_("Tokens") },
  [BK_TABLE_SHARE] = { "share", N_("Share") },
  [PAGE_ASSUMPTIONS] = { "assumptions", N_("Assumptions") },
  [PAGE_RESULTS] = { "results", N_("Results") },
  [PAGE_ANALYSIS] = { "analysis", N_("Analysis") },
};
/* The page icons are ours (ui/icons), named bk-<page>-symbolic. */

/* Helpers */

static int
page_index (const char *name)
{
  for (guint i = 0; i < N_PAGES; i++)
    if (g_strcmp0 (pages[i].name, name) == 0)
      return (int) i;
  return -1;
}

int
bk_window_get_current_table (BkWindow *self)
{
  int i = page_index (bk_window_get_page (self));

  return i >= 0 && i < BK_N_TABLES ? i : -1;
}

BkChartBoard *
bk_window_get_current_board (BkWindow *self)
{
  int i = page_index (bk_window_get_page (self));

  return i >= 0 ? self->boards[i] : NULL;
}

static BkDocument *
document (BkWindow *self)
{
  return self->session != NULL ? bk_session_get_document (self->session) : NULL;
}

static char *
display_folder (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  const char *home = g_get_home_dir ();

  if (g_str_has_prefix (dir, home) && (dir[strlen (home)] == '/' || dir[strlen (home)] == '\0'))
    return g_strconcat ("~", dir + strlen (home), NULL);
  return g_steal_pointer (&dir);
}

/* Messages */

static void
add_toast (BkWindow   *self,
           const char *title,
           gboolean    with_undo)
{
  AdwToast *toast = adw_toast_new (title);

  g_free (self->last_toast);
  self->last_toast = g_strdup (title);
  if (with_undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
    }
  adw_toast_set_timeout (toast, with_undo ? 6 : 4);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
bk_window_show_toast (BkWindow   *self,
                      const char *title)
{
  g_return_if_fail (BK_IS_WINDOW (self));

  add_toast (self, title, FALSE);
}

void
bk_window_show_undo_toast (BkWindow   *self,
                           const char *title)
{
  add_toast (self, title, TRUE);
}

void
bk_window_show_error (BkWindow   *self,
                      const char *heading,
                      const char *body)
{
  GtkWidget *dialog;

  g_return_if_fail (BK_IS_WINDOW (self));

  g_free (self->last_error);
  self->last_error = g_strdup_printf ("%s\n%s", heading, body ? body : "");
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
bk_window_report_error (BkWindow     *self,
                        const char   *heading,
                        const GError *error)
{
  bk_window_show_error (self, heading, error ? error->message : NULL);
}

void
bk_window_show_open_error (BkWindow     *self,
                           GFile        *file,
                           const GError *error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *heading = g_strdup_printf (_("Could not open “%s”"), name);
  g_autofree char *body = NULL;
  const char *kept = document (self) != NULL
                     ? _("The document that was open is unchanged.") : "";

  /* bk_window_open_file() already says why, a vanished file included */
  body = g_strdup_printf ("%s\n\n%s", error ? error->message : "", kept);
  bk_window_show_error (self, heading, g_strstrip (body));
}

const char *
bk_window_get_last_toast (BkWindow *self)
{
  g_return_val_if_fail (BK_IS_WINDOW (self), NULL);

  return self->last_toast;
}

gboolean
bk_window_get_read_only_banner_visible (BkWindow *self)
{
  g_return_val_if_fail (BK_IS_WINDOW (self), FALSE);

  return gtk_revealer_get_reveal_child (self->read_only_revealer);
}

const char *
bk_window_get_last_error (BkWindow *self)
{
  g_return_val_if_fail (BK_IS_WINDOW (self), NULL);

  return self->last_error;
}

/* Charts */

/* Exported, copied and error come from a chart board or a chart view */
static void
chart_exported_cb (gpointer      emitter,
                   const char   *path,
                   BkWindow     *self)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *title = g_strdup_printf (_("Chart exported to “%s”"), name);

  bk_window_show_toast (self, title);
}

static void
chart_copied_cb (gpointer      emitter,
                 BkWindow     *self)
{
  bk_window_show_toast (self, _("Chart copied to the clipboard"));
}

static void
chart_error_cb (gpointer      emitter,
                const char   *message,
                BkWindow     *self)
{
  bk_window_show_error (self, _("Could not export the chart"), message);
}

static void
follow_charts (BkWindow  *self,
               GtkWidget *emitter)
{
  g_signal_connect_object (emitter, "exported", G_CALLBACK (chart_exported_cb), self, 0);
  g_signal_connect_object (emitter, "copied", G_CALLBACK (chart_copied_cb), self, 0);
  g_signal_connect_object (emitter, "error", G_CALLBACK (chart_error_cb), self, 0);
}

static GtkWidget *
new_board (BkWindow    *self,
           guint        page,
           BkSheetView *sheet)
{
  GtkWidget *board = bk_chart_board_new (pages[page].name);

  self->boards[page] = BK_CHART_BOARD (board);
  bk_chart_board_set_sheet (self->boards[page], sheet);
  follow_charts (self, board);
  return board;
}

GObject *
bk_window_get_chart (BkWindow   *self,
                     const char *key)
{
  g_return_val_if_fail (BK_IS_WINDOW (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  for (guint i = 0; i < N_PAGES; i++)
    if (self->boards[i] != NULL && bk_chart_board_get_chart_view (self->boards[i], key) != NULL)
      return G_OBJECT (bk_chart_board_get_chart (self->boards[i], key));
  if (bk_analysis_page_get_chart_view (self->analysis_page, key) != NULL)
    return G_OBJECT (bk_analysis_page_get_chart (self->analysis_page, key));
  return NULL;
}

GtkWidget *
bk_window_get_chart_view (BkWindow   *self,
                          const char *key)
{
  g_return_val_if_fail (BK_IS_WINDOW (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  for (guint i = 0; i < N_PAGES; i++)
    {
      GtkWidget *view = self->boards[i] != NULL ? bk_chart_board_get_chart_view (self->boards[i], key) : NULL;

      if (view != NULL)
        return view;
    }
  return bk_analysis_page_get_chart_view (self->analysis_page, key);
}

/* Scenarios */

void
bk_window_rebuild_scenarios (BkWindow *self)
{
  BkWorkbook *wb;

  g_menu_remove_all (self->scenario_section);
  if (document (self) == NULL)
    return;

  wb = bk_document_get_workbook (document (self));
  for (guint s = 0; s <= bk_workbook_get_n_scenarios (wb); s++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (s == BK_SCENARIO_BASE ? _("Base")
                                                                          : bk_workbook_get_scenario_name (wb, s),
                                                   NULL);

      g_menu_item_set_action_and_target_value (item, "win.scenario", g_variant_new_uint32 (s));
      g_menu_append_item (self->scenario_section, item);
    }

  /* The whole name, or a readable short form with the whole one in the
   * tooltip: never cut by the header bar */
  {
    const char *name = self->scenario == BK_SCENARIO_BASE ? _("Base")
                                                          : bk_workbook_get_scenario_name (wb, self->scenario);
    g_autofree char *shown = bk_text_shorten (name, BK_TEXT_SHORT_COLUMNS);
    g_autofree char *tooltip = g_strdup_printf (_("Scenario: %s"), name);

    gtk_label_set_text (self->scenario_label, shown);
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->scenario_button), tooltip);
    /* A screen reader hears the whole name (GTK would read the tooltip) */
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->scenario_button),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, name, -1);
  }
}

guint
bk_window_get_scenario (BkWindow *self)
{
  g_return_val_if_fail (BK_IS_WINDOW (self), 0);

  return self->scenario;
}

void
bk_window_set_scenario (BkWindow *self,
                        guint     scenario)
{
  g_return_if_fail (BK_IS_WINDOW (self));

  if (document (self) != NULL)
    scenario = MIN (scenario, bk_workbook_get_n_scenarios (bk_document_get_workbook (document (self))));
  else
    scenario = BK_SCENARIO_BASE;
  if (self->scenario == scenario)
    return;

  self->scenario = scenario;
  bk_window_rebuild_scenarios (self);
  bk_window_update_actions (self);
  /* The engine and the input models follow through their bindings */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCENARIO]);
}

/* Document */

static void
update_title (BkWindow *self)
{
  BkWorkbook *wb;
  const char *path;
  g_autofree char *subtitle = NULL;
  g_autofree char *window_title = NULL;
  g_autofree char *tooltip = NULL;

  if (document (self) == NULL)
    {
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->window_title), NULL);
      adw_window_title_set_title (self->window_title, _("Breakeven"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Breakeven"));
      return;
    }

  wb = bk_document_get_workbook (document (self));
  path = bk_document_get_path (document (self));
  if (bk_session_is_draft (self->session))
    subtitle = g_strdup (_("Draft — use Save As to keep it in a folder"));
  else
    subtitle = display_folder (path);
  if (bk_document_is_read_only (document (self)))
    {
      g_autofree char *ro = g_strdup_printf (_("%s (read-only)"), subtitle);

      g_free (subtitle);
      subtitle = g_steal_pointer (&ro);
    }

  adw_window_title_set_title (self->window_title, bk_workbook_get_title (wb));
  adw_window_title_set_subtitle (self->window_title, subtitle);
  /* A narrow header bar ellipsizes a long title: the whole of it, and
   * the subtitle, in the tooltip */
  tooltip = g_strdup_printf ("%s\n%s", bk_workbook_get_title (wb), subtitle);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->window_title), tooltip);
  /* Translators: the window title: document title — application */
  window_title = g_strdup_printf (_("%s — Breakeven"), bk_workbook_get_title (wb));
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

/* Where the document's file is and whether it can change */
static void
update_location (BkWindow *self)
{
  gtk_revealer_set_reveal_child (self->read_only_revealer,
                                 document (self) != NULL && bk_document_is_read_only (document (self)));
  update_title (self);
  bk_window_update_history (self);
  bk_window_update_actions (self);
}

static void
update_kpi_company (BkWindow *self)
{
  int table = bk_window_get_current_table (self);
  const char *page = bk_window_get_page (self);
  int company = bk_kpi_strip_get_company (self->kpi_strip);

  if (document (self) == NULL)
    return;

  if (table >= 0 && !bk_table_rows_are_markets (table))
    company = bk_sheet_view_get_cursor_row (bk_table_page_get_sheet (self->table_pages[table]));
  else if (g_strcmp0 (page, "assumptions") == 0)
    {
      int column = bk_sheet_view_get_cursor_column (bk_table_page_get_sheet (self->assumptions_page));

      if (column >= 1)
        company = column - 1;
    }
  else if (g_strcmp0 (page, "results") == 0)
    company = bk_results_page_get_company (self->results_page);

  if (company >= (int) bk_workbook_get_n_companies (bk_document_get_workbook (document (self))))
    company = -1;
  bk_kpi_strip_set_company (self->kpi_strip, company);
}

static void
workbook_changed_cb (BkWorkbook    *wb,
                     BkChangeFlags  flags,
                     int            table,
                     int            row,
                     int            period,
                     int            n_rows,
                     int            n_periods,
                     BkWindow      *self)
{
  if (flags & (BK_CHANGE_TITLE | BK_CHANGE_STRUCTURE))
    update_title (self);
  if (flags & BK_CHANGE_STRUCTURE)
    {
      bk_window_rebuild_scenarios (self);
      update_kpi_company (self);
    }
  bk_window_update_actions (self);
}

/* The session brought another document */
static void
document_changed_cb (BkWindow *self)
{
  BkDocument *doc = document (self);
  BkWorkbook *wb = bk_document_get_workbook (doc);
  g_autoptr(BkEngine) engine = bk_engine_new (wb);

  /* A document opens in its base case: the new models follow from there */
  self->scenario = BK_SCENARIO_BASE;
  for (guint t = 0; t < BK_N_TABLES; t++)
    {
      g_clear_object (&self->table_models[t]);
      self->table_models[t] = bk_input_table_model_new (doc, t);
      g_object_bind_property (self, "scenario", self->table_models[t], "scenario", G_BINDING_SYNC_CREATE);
      bk_table_page_set_model (self->table_pages[t], BK_TABLE_MODEL (self->table_models[t]));
    }
  g_clear_object (&self->assumptions_model);
  self->assumptions_model = bk_assumptions_table_model_new (doc);
  g_object_bind_property (self, "scenario", self->assumptions_model, "scenario", G_BINDING_SYNC_CREATE);
  bk_table_page_set_model (self->assumptions_page, BK_TABLE_MODEL (self->assumptions_model));

  g_set_object (&self->engine, engine);
  g_binding_group_set_source (self->engine_bindings, engine);
  g_signal_group_set_target (self->workbook_signals, wb);
  g_signal_group_set_target (self->document_signals, doc);
  bk_results_page_set_engine (self->results_page, engine);
  bk_kpi_strip_set_engine (self->kpi_strip, engine);
  bk_analysis_page_set_engine (self->analysis_page, engine);
  bk_simulation_panel_set_engine (self->simulation_panel, engine);
  for (guint i = 0; i < N_PAGES; i++)
    if (self->boards[i] != NULL)
      bk_chart_board_set_engine (self->boards[i], engine);

  bk_window_rebuild_scenarios (self);
  update_location (self);

  /* A document opens on CapEx, first company, first period, keys in the sheet */
  bk_window_set_page (self, "capex");
  for (guint t = 0; t < BK_N_TABLES; t++)
    bk_sheet_view_set_cursor (bk_table_page_get_sheet (self->table_pages[t]), 0, 0);
  bk_sheet_view_set_cursor (bk_table_page_get_sheet (self->assumptions_page), 0, 0);
  update_kpi_company (self);
  gtk_widget_grab_focus (GTK_WIDGET (bk_table_page_get_sheet (self->table_pages[BK_TABLE_CAPEX])));

  bk_window_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCENARIO]);
}

void
bk_window_set_document (BkWindow   *self,
                        BkDocument *document)
{
  g_return_if_fail (BK_IS_WINDOW (self));
  g_return_if_fail (BK_IS_DOCUMENT (document));

  bk_session_set_document (self->session, document);
}

BkDocument *
bk_window_get_document (BkWindow *self)
{
  g_return_val_if_fail (BK_IS_WINDOW (self), NULL);

  return document (self);
}

BkEngine *
bk_window_get_engine (BkWindow *self)
{
  g_return_val_if_fail (BK_IS_WINDOW (self), NULL);

  return self->engine;
}

BkSession *
bk_window_get_session (BkWindow *self)
{
  g_return_val_if_fail (BK_IS_WINDOW (self), NULL);

  return self->session;
}

gboolean
bk_window_is_replaceable (BkWindow *self)
{
  g_return_val_if_fail (BK_IS_WINDOW (self), FALSE);

  return bk_session_is_replaceable (self->session);
}

gboolean
bk_window_open_file (BkWindow  *self,
                     GFile     *file,
                     GError   **error)
{
  g_return_val_if_fail (BK_IS_WINDOW (self), FALSE);

  return bk_session_open_file (self->session, file, error);
}

gboolean
bk_window_load_sample (BkWindow  *self,
                       GError   **error)
{
  g_return_val_if_fail (BK_IS_WINDOW (self), FALSE);

  return bk_session_open_sample (self->session, error);
}

gboolean
bk_window_new_workbook (BkWindow  *self,
                        GError   **error)
{
  g_return_val_if_fail (BK_IS_WINDOW (self), FALSE);

  return bk_session_new_workbook (self->session, error);
}

/* What the file choosers end in */

void
bk_window_toast_exported (BkWindow   *self,
                          const char *path)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *toast = g_strdup_printf (_("Exported “%s”"), name);

  bk_window_show_toast (self, toast);
}

gboolean
bk_window_save_as_path (BkWindow    *self,
                        const char  *path,
                        GError     **error)
{
  g_return_val_if_fail (BK_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!bk_session_save_as (self->session, path, error))
    return FALSE;

  update_location (self);
  {
    g_autofree char *name = g_path_get_basename (bk_document_get_path (document (self)));
    g_autofree char *toast = g_strdup_printf (_("Saved as “%s”"), name);

    bk_window_show_toast (self, toast);
  }
  return TRUE;
}

gboolean
bk_window_import_json_path (BkWindow    *self,
                            const char  *path,
                            GError     **error)
{
  g_return_val_if_fail (BK_IS_WINDOW (self), FALSE);

  return bk_session_import_json (self->session, path, error);
}

/* The table of the visible page, or -1 with @message as the error */
static int
table_to_use (BkWindow    *self,
              const char  *message,
              GError     **error)
{
  int table = bk_window_get_current_table (self);

  if (document (self) == NULL || table < 0)
    {
      g_set_error_literal (error, BK_ERROR, BK_ERROR_NOTHING_TO_DO, message);
      return -1;
    }
  return table;
}

gboolean
bk_window_import_csv_path (BkWindow    *self,
                           const char  *path,
                           GError     **error)
{
  int table;

  g_return_val_if_fail (BK_IS_WINDOW (self), FALSE);

  table = table_to_use (self, _("Choose the CapEx, Backlog, Tokens or Share page to import a table"), error);
  if (table < 0 || !bk_session_import_csv (self->session, self->scenario, table, path, error))
    return FALSE;

  {
    g_autofree char *name = g_path_get_basename (path);
    g_autofree char *toast = g_strdup_printf (_("Imported “%s” into %s"), name, bk_table_get_title (table));

    bk_window_show_toast (self, toast);
  }
  return TRUE;
}

gboolean
bk_window_export_json_path (BkWindow    *self,
                            const char  *path,
                            GError     **error)
{
  g_return_val_if_fail (BK_IS_WINDOW (self), FALSE);

  if (!bk_session_export_json (self->session, path, error))
    return FALSE;

  bk_window_toast_exported (self, path);
  return TRUE;
}

gboolean
bk_window_export_csv_path (BkWindow    *self,
                           const char  *path,
                           GError     **error)
{
  int table;

  g_return_val_if_fail (BK_IS_WINDOW (self), FALSE);

  /* Results: the metrics or the per-period sheet, whichever had the focus */
  if (document (self) != NULL && g_strcmp0 (bk_window_get_page (self), "results") == 0)
    {
      g_autofree char *csv = bk_results_page_dup_csv (self->results_page);

      if (!bk_file_write_atomic (path, csv, strlen (csv), error))
        return FALSE;
      bk_window_toast_exported (self, path);
      return TRUE;
    }

  table = table_to_use (self, _("Choose the CapEx, Backlog, Tokens, Share or Results page to export a table"), error);
  if (table < 0 || !bk_session_export_csv (self->session, table, path, error))
    return FALSE;

  bk_window_toast_exported (self, path);
  return TRUE;
}

/* Pages */

const char *
bk_window_get_page (BkWindow *self)
{
  g_return_val_if_fail (BK_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->stack);
}

void
bk_window_set_page (BkWindow   *self,
                    const char *page)
{
  g_return_if_fail (BK_IS_WINDOW (self));

  if (page_index (page) < 0 || g_strcmp0 (page, bk_window_get_page (self)) == 0)
    return;
  adw_view_stack_set_visible_child_name (self->stack, page);
}

GtkWidget *
bk_window_get_page_widget (BkWindow   *self,
                           const char *page)
{
  g_return_val_if_fail (BK_IS_WINDOW (self), NULL);

  return adw_view_stack_get_child_by_name (self->stack, page);
}

BkSheetView *
bk_window_get_sheet (BkWindow *self)
{
  GtkWidget *page;

  g_return_val_if_fail (BK_IS_WINDOW (self), NULL);

  page = adw_view_stack_get_visible_child (self->stack);
  if (BK_IS_TABLE_PAGE (page))
    return bk_table_page_get_sheet (BK_TABLE_PAGE (page));
  if (BK_IS_RESULTS_PAGE (page))
    return bk_results_page_get_metrics_sheet (BK_RESULTS_PAGE (page));
  if (BK_IS_ANALYSIS_PAGE (page))
    return bk_analysis_page_get_compare_sheet (BK_ANALYSIS_PAGE (page));
  return NULL;
}

BkKpiStrip *
bk_window_get_kpi_strip (BkWindow *self)
{
  g_return_val_if_fail (BK_IS_WINDOW (self), NULL);

  return self->kpi_strip;
}

static void
visible_page_cb (BkWindow *self)
{
  GtkWidget *page = adw_view_stack_get_visible_child (self->stack);

  g_signal_group_set_target (self->sheet_signals, bk_window_get_sheet (self));
  update_kpi_company (self);
  bk_window_update_actions (self);
  if (page != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_grab_focus (page);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

/* A header menu or popover closed, with a choice or without: the keys go
 * back to the sheet, so that typing after choosing a scenario edits the
 * active cell (GTK would leave them on the header button). */
static void
header_popover_closed_cb (BkWindow *self)
{
  BkSheetView *sheet = bk_window_get_sheet (self);
  GtkWidget *target = sheet != NULL ? GTK_WIDGET (sheet) : adw_view_stack_get_visible_child (self->stack);

  if (target != NULL && gtk_widget_get_mapped (target))
    gtk_widget_grab_focus (target);
}

/* Every menu button in the header bar, the split button's included */
static void
watch_header_menus (BkWindow  *self,
                    GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget))
    {
      GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (widget));

      if (popover != NULL)
        g_signal_connect_object (popover, "closed", G_CALLBACK (header_popover_closed_cb), self,
                                 G_CONNECT_SWAPPED);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    watch_header_menus (self, child);
}

/* The visible sheet's cursor moved */
static void
sheet_cursor_cb (BkWindow *self)
{
  update_kpi_company (self);
  bk_window_update_actions (self);
}

/* GObject */

static gboolean
bk_window_close_request (GtkWindow *window)
{
  BkWindow *self = BK_WINDOW (window);

  /* Every edit is on disk already; an untouched draft is not worth keeping */
  bk_session_close (self->session);
  return GTK_WINDOW_CLASS (bk_window_parent_class)->close_request (window);
}

static void
bk_window_constructed (GObject *object)
{
  BkWindow *self = BK_WINDOW (object);

  G_OBJECT_CLASS (bk_window_parent_class)->constructed (object);

  self->session = bk_session_new (self->settings, gtk_recent_manager_get_default ());
  g_signal_connect_object (self->session, "notify::document", G_CALLBACK (document_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_menu_append_section (self->recent_menu, NULL, bk_session_get_recent_menu (self->session));

  if (self->settings != NULL)
    bk_settings_attach_window (self->settings, GTK_WINDOW (self));

  /* Each page's divider fits its sheet, or stays where the person put it */
  {
    GSettings *gsettings = self->settings ? bk_settings_get_gsettings (self->settings) : NULL;

    for (guint t = 0; t < BK_N_TABLES; t++)
      bk_pane_memory_attach (bk_table_page_get_paned (self->table_pages[t]), gsettings, pages[t].name, 1.0);
    bk_pane_memory_attach (bk_table_page_get_paned (self->assumptions_page), gsettings, "assumptions", 1.0);
    /* Results: room for the charts below and the series beside */
    bk_pane_memory_attach (bk_results_page_get_paned (self->results_page, FALSE), gsettings, "results", 0.55);
    bk_pane_memory_attach (bk_results_page_get_paned (self->results_page, TRUE), gsettings, "results-sheets", 0.5);
    /* Analysis: the compare table above, at most half the page: at
     * 1440 × 900 the NPV of every company and the total, in Chinese too */
    bk_pane_memory_attach (bk_analysis_page_get_paned (self->analysis_page), gsettings, "analysis", 0.5);
  }

  update_title (self);
  bk_window_update_history (self);
  bk_window_update_actions (self);
}

static void
bk_window_dispose (GObject *object)
{
  BkWindow *self = BK_WINDOW (object);

  if (self->workbook_signals != NULL)
    g_signal_group_set_target (self->workbook_signals, NULL);
  if (self->document_signals != NULL)
    g_signal_group_set_target (self->document_signals, NULL);
  if (self->sheet_signals != NULL)
    g_signal_group_set_target (self->sheet_signals, NULL);
  if (self->engine_bindings != NULL)
    g_binding_group_set_source (self->engine_bindings, NULL);
  if (self->stack != NULL)
    g_signal_handlers_disconnect_by_data (self->stack, self);
  bk_window_cancel_report (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_WINDOW);
  memset (self->table_pages, 0, sizeof self->table_pages);
  memset (self->boards, 0, sizeof self->boards);
  self->assumptions_page = NULL;
  self->results_page = NULL;
  self->analysis_page = NULL;
  self->simulation_panel = NULL;

  for (guint t = 0; t < BK_N_TABLES; t++)
    g_clear_object (&self->table_models[t]);
  g_clear_object (&self->assumptions_model);
  g_clear_object (&self->engine);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (bk_window_parent_class)->dispose (object);
}

static void
bk_window_finalize (GObject *object)
{
  BkWindow *self = BK_WINDOW (object);

  g_clear_object (&self->workbook_signals);
  g_clear_object (&self->document_signals);
  g_clear_object (&self->sheet_signals);
  g_clear_object (&self->engine_bindings);
  g_free (self->last_toast);
  g_free (self->last_error);
  g_clear_object (&self->report_cancellable);

  G_OBJECT_CLASS (bk_window_parent_class)->finalize (object);
}

static void
bk_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  BkWindow *self = BK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_PAGE:
      g_value_set_string (value, bk_window_get_page (self));
      break;
    case PROP_SCENARIO:
      g_value_set_uint (value, self->scenario);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  BkWindow *self = BK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_PAGE:
      bk_window_set_page (self, g_value_get_string (value));
      break;
    case PROP_SCENARIO:
      bk_window_set_scenario (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_window_class_init (BkWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = bk_window_constructed;
  object_class->dispose = bk_window_dispose;
  object_class->finalize = bk_window_finalize;
  object_class->get_property = bk_window_get_property;
  object_class->set_property = bk_window_set_property;
  window_class->close_request = bk_window_close_request;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, BK_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAGE] =
    g_param_spec_string ("page", NULL, NULL, "capex",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The scenario shown and edited: 0 is the base */
  properties[PROP_SCENARIO] =
    g_param_spec_uint ("scenario", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BK_TYPE_KPI_STRIP);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/bk-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BkWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, scenario_button);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, scenario_label);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, read_only_revealer);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, kpi_strip);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, recent_menu);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, scenario_section);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, sheet_menu);

  bk_window_class_init_actions (klass);
}

/* A table page, or the assumptions page: a sheet and its chart board */
static GtkWidget *
new_sheet_page (BkWindow   *self,
                guint       page,
                const char *label)
{
  GtkWidget *widget = bk_table_page_new ();
  BkSheetView *sheet = bk_table_page_get_sheet (BK_TABLE_PAGE (widget));

  bk_table_page_set_side (BK_TABLE_PAGE (widget), new_board (self, page, sheet));
  bk_sheet_view_set_title (sheet, label);
  bk_sheet_view_set_context_menu (sheet, self->sheet_menu);
  return widget;
}

static const char *const analysis_charts[] = { "compare", "tornado", "breakeven-map" };

static const char *const history_properties[] = {
  "notify::can-undo", "notify::can-redo", "notify::undo-label", "notify::redo-label",
};

static void
bk_window_init (BkWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Controls named for screen readers after what they show (bk-a11y.c) */
  bk_a11y_name_controls (GTK_WIDGET (self));

  self->workbook_signals = g_signal_group_new (BK_TYPE_WORKBOOK);
  g_signal_group_connect (self->workbook_signals, "changed", G_CALLBACK (workbook_changed_cb), self);
  /* Undo and Redo follow the document's history properties, which change
   * only when a step is made, undone or redone */
  self->document_signals = g_signal_group_new (BK_TYPE_DOCUMENT);
  for (guint i = 0; i < G_N_ELEMENTS (history_properties); i++)
    g_signal_group_connect_swapped (self->document_signals, history_properties[i],
                                    G_CALLBACK (bk_window_update_history), self);
  self->sheet_signals = g_signal_group_new (BK_TYPE_SHEET_VIEW);
  g_signal_group_connect_swapped (self->sheet_signals, "cursor-moved", G_CALLBACK (sheet_cursor_cb), self);
  g_signal_group_connect_swapped (self->sheet_signals, "selection-changed",
                                  G_CALLBACK (bk_window_update_actions), self);
  /* The engine computes in the window's scenario, and a scenario that the
   * workbook loses (deleted, or undone) falls back to the base there */
  self->engine_bindings = g_binding_group_new ();
  g_binding_group_bind (self->engine_bindings, "scenario", self, "scenario",
                        G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  for (guint i = 0; i < N_PAGES; i++)
    {
      GtkWidget *page;
      AdwViewStackPage *stack_page;
      g_autofree char *icon = g_strdup_printf ("bk-%s-symbolic", pages[i].name);

      if (i < BK_N_TABLES)
        {
          page = new_sheet_page (self, i, bk_table_get_title (i));
          self->table_pages[i] = BK_TABLE_PAGE (page);
          bk_table_page_set_unit (self->table_pages[i], bk_table_get_unit (i));
        }
      else if (i == PAGE_ASSUMPTIONS)
        {
          page = new_sheet_page (self, i, _("Assumptions"));
          self->assumptions_page = BK_TABLE_PAGE (page);
          bk_table_page_set_placeholder (self->assumptions_page,
                                         _("Blank: the value is inherited. Type a value to set it here."));
        }
      else if (i == PAGE_ANALYSIS)
        {
          page = bk_analysis_page_new ();
          self->analysis_page = BK_ANALYSIS_PAGE (page);
          for (guint k = 0; k < G_N_ELEMENTS (analysis_charts); k++)
            follow_charts (self, bk_analysis_page_get_chart_view (self->analysis_page, analysis_charts[k]));
          self->simulation_panel = bk_simulation_panel_new ();
          gtk_box_append (GTK_BOX (bk_analysis_page_get_simulation_slot (self->analysis_page)),
                          GTK_WIDGET (self->simulation_panel));
          bk_a11y_name_controls (page);
        }
      else
        {
          page = bk_results_page_new ();
          self->results_page = BK_RESULTS_PAGE (page);
          bk_results_page_set_side (self->results_page, new_board (self, i, NULL));
          g_object_bind_property (page, "company", self->boards[i], "company", G_BINDING_SYNC_CREATE);
          g_signal_connect_object (page, "notify::company", G_CALLBACK (update_kpi_company), self,
                                   G_CONNECT_SWAPPED);
        }

      stack_page = adw_view_stack_add_titled (self->stack, page, pages[i].name, _(pages[i].title));
      adw_view_stack_page_set_icon_name (stack_page, icon);
    }
  g_signal_connect_swapped (self->stack, "notify::visible-child", G_CALLBACK (visible_page_cb), self);
  watch_header_menus (self, GTK_WIDGET (self->header_bar));
  g_signal_group_set_target (self->sheet_signals, bk_window_get_sheet (self));

  bk_window_init_dnd (self);
}

BkWindow *
bk_window_new (BkApplication *app,
               BkSettings    *settings)
{
  return g_object_new (BK_TYPE_WINDOW,
                       "application", app,
                       "settings", settings,
                       NULL);
}
