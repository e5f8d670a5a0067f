/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-window.c — a document window
 *
 * The window owns one BkDocument, one BkEngine following it in the current
 * scenario, a table model per page and the live charts.  Views never write
 * to the document except through the models' one call per user action; the
 * workbook's "changed" and the engine's "invalidated" signals bring the
 * news back, and the KPI strip and the charts pull fresh results once in
 * the next frame's update phase, before it is laid out and painted. */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "bk-application.h"
#include "bk-chart-view.h"
#include "bk-csv.h"
#include "bk-json.h"
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
  int         table;  /* BkTable, or -1 */
} pages[] = {
  { "capex", N_("CapEx"), BK_TABLE_CAPEX },
  { "backlog", N_("Backlog"), BK_TABLE_BACKLOG },
  { "tokens", N_("Tokens"), BK_TABLE_TOKENS },
  { "share", N_("Share"), BK_TABLE_SHARE },
  { "assumptions", N_("Assumptions"), -1 },
  { "results", N_("Results"), -1 },
};
/* The page icons are ours (ui/icons), named bk-<page>-symbolic. */

static const struct
{
  const char  *key;
  BkChartSpec  spec;
} chart_slots[N_CHARTS] = {
  [CHART_CAPEX] = { "capex", BK_CHART_SPEC_CAPEX },
  [CHART_BACKLOG] = { "backlog", BK_CHART_SPEC_BACKLOG },
  [CHART_TOKENS] = { "tokens", BK_CHART_SPEC_TOKENS },
  [CHART_SHARE] = { "share", BK_CHART_SPEC_SHARE },
  [CHART_ASSUMPTIONS] = { "assumptions", BK_CHART_SPEC_NPV },
  [CHART_CUMULATIVE_FCF] = { "cumulative-fcf", BK_CHART_SPEC_CUMULATIVE_FCF },
  [CHART_REVENUE] = { "revenue", BK_CHART_SPEC_REVENUE },
  [CHART_ROI] = { "roi", BK_CHART_SPEC_ROI },
  [CHART_WATERFALL] = { "waterfall", BK_CHART_SPEC_WATERFALL },
};

/* Helpers */

static int
page_index (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    if (g_strcmp0 (pages[i].name, name) == 0)
      return (int) i;
  return -1;
}

int
bk_window_get_current_table (BkWindow *self)
{
  int i = page_index (bk_window_get_page (self));

  return i >= 0 ? pages[i].table : -1;
}

LiveChart *
bk_window_find_chart (BkWindow   *self,
                      const char *key)
{
  for (guint i = 0; i < N_CHARTS; i++)
    if (g_strcmp0 (self->charts[i].key, key) == 0)
      return &self->charts[i];
  return NULL;
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

void
bk_window_show_toast (BkWindow   *self,
                      const char *title)
{
  AdwToast *toast;

  g_return_if_fail (BK_IS_WINDOW (self));

  g_free (self->last_toast);
  self->last_toast = g_strdup (title);
  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, 4);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
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
  const char *kept = self->document != NULL
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

static int
cursor_company (BkWindow *self)
{
  BkSheetView *sheet = bk_table_page_get_sheet (self->table_pages[BK_TABLE_SHARE]);
  int row = bk_sheet_view_get_cursor_row (sheet);

  return row;
}

static void
chart_args (BkWindow  *self,
            ChartSlot  slot,
            int       *company,
            int       *period)
{
  *company = -1;
  *period = -1;
  switch (slot)
    {
    case CHART_SHARE:
      *company = cursor_company (self);
      *period = bk_sheet_view_get_cursor_column (bk_table_page_get_sheet (self->table_pages[BK_TABLE_SHARE]));
      break;
    case CHART_REVENUE:
    case CHART_WATERFALL:
      *company = bk_results_page_get_company (self->results_page);
      break;
    case CHART_CAPEX:
    case CHART_BACKLOG:
    case CHART_TOKENS:
    case CHART_ASSUMPTIONS:
    case CHART_CUMULATIVE_FCF:
    case CHART_ROI:
    case N_CHARTS:
    default:
      break;
    }
}

static void
highlight_selection (BkWindow *self,
                     BkTable   table)
{
  LiveChart *live = &self->charts[table];  /* the table charts come first, in table order */
  BkSheetView *sheet = bk_table_page_get_sheet (self->table_pages[table]);
  BkWorkbook *wb;
  guint row, column, n_rows, n_columns;
  gboolean any;

  if (live->chart == NULL || self->document == NULL || table == BK_TABLE_SHARE)
    return;

  wb = bk_document_get_workbook (self->document);
  any = bk_sheet_view_get_selection (sheet, &row, &column, &n_rows, &n_columns);
  /* The cursor alone highlights nothing, nor does a selection of every row:
   * only a chosen block of cells or rows does */
  if (any && ((n_rows == 1 && n_columns == 1) || n_rows == bk_workbook_get_n_rows (wb, table)))
    any = FALSE;
  for (guint s = 0; s < bk_chart_get_n_series (live->chart); s++)
    {
      const char *name = bk_chart_get_series_name (live->chart, s);
      gboolean on = FALSE;

      for (guint r = row; any && r < row + n_rows; r++)
        if (g_strcmp0 (name, bk_workbook_get_row_name (wb, table, r)) == 0)
          on = TRUE;
      if (bk_chart_get_series_highlighted (live->chart, s) != on)
        bk_chart_set_series_highlighted (live->chart, s, on);
    }
}

static void
update_charts (BkWindow *self)
{
  BkWorkbook *wb;
  BkResults *results;

  if (self->document == NULL)
    return;

  wb = bk_document_get_workbook (self->document);
  results = bk_engine_get_results (self->engine);
  for (guint i = 0; i < N_CHARTS; i++)
    {
      LiveChart *live = &self->charts[i];
      BkChartSpec spec = live->spec;
      int company, period;
      g_autoptr(GError) error = NULL;

      if (i == CHART_ROI)
        spec = self->show_npv ? BK_CHART_SPEC_NPV : BK_CHART_SPEC_ROI;
      chart_args (self, i, &company, &period);

      if (live->chart == NULL || !bk_chart_update (live->chart, spec, wb, results, company, period, &error))
        {
          g_autoptr(BkChart) chart = NULL;

          g_clear_error (&error);
          /* Out of range after a structural change: fall back to defaults */
          chart = bk_chart_build (spec, wb, results, company, period, &error);
          if (chart == NULL)
            {
              g_clear_error (&error);
              chart = bk_chart_build (spec, wb, results, -1, -1, &error);
            }
          if (chart == NULL)
            {
              g_warning ("Chart %s: %s", live->key, error->message);
              continue;
            }
          g_set_object (&live->chart, chart);
          bk_chart_view_set_chart (BK_CHART_VIEW (live->view), chart);
        }
    }
  for (guint t = 0; t < BK_N_TABLES; t++)
    highlight_selection (self, t);
}

static gboolean
charts_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  BkWindow *self = BK_WINDOW (widget);

  self->charts_tick_id = 0;
  update_charts (self);
  return G_SOURCE_REMOVE;
}

void
bk_window_queue_charts (BkWindow *self)
{
  if (self->charts_tick_id != 0)
    return;
  if (!gtk_widget_get_realized (GTK_WIDGET (self)))
    {
      update_charts (self);
      return;
    }
  self->charts_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), charts_tick_cb, NULL, NULL);
}

static void
chart_exported_cb (GtkWidget  *view,
                   const char *path,
                   BkWindow   *self)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *title = g_strdup_printf (_("Chart exported to “%s”"), name);

  bk_window_show_toast (self, title);
}

static void
chart_copied_cb (GtkWidget *view,
                 BkWindow  *self)
{
  bk_window_show_toast (self, _("Chart copied to the clipboard"));
}

static void
chart_error_cb (GtkWidget  *view,
                const char *message,
                BkWindow   *self)
{
  bk_window_show_error (self, _("Could not export the chart"), message);
}

static GtkWidget *
chart_frame (BkWindow  *self,
             LiveChart *live)
{
  GtkWidget *overlay = gtk_overlay_new ();
  GtkWidget *button = gtk_menu_button_new ();
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) export_item = g_menu_item_new (_("_Export Chart…"), NULL);
  g_autoptr(GMenuItem) copy_item = g_menu_item_new (_("Co_py Chart"), NULL);

  live->view = GTK_WIDGET (bk_chart_view_new ());
  gtk_widget_set_hexpand (live->view, TRUE);
  gtk_widget_set_vexpand (live->view, TRUE);
  g_signal_connect (live->view, "exported", G_CALLBACK (chart_exported_cb), self);
  g_signal_connect (live->view, "copied", G_CALLBACK (chart_copied_cb), self);
  g_signal_connect (live->view, "error", G_CALLBACK (chart_error_cb), self);
  gtk_overlay_set_child (GTK_OVERLAY (overlay), live->view);

  g_menu_item_set_action_and_target_value (export_item, "win.export-chart", g_variant_new_string (live->key));
  g_menu_item_set_action_and_target_value (copy_item, "win.copy-chart", g_variant_new_string (live->key));
  g_menu_append_item (menu, export_item);
  g_menu_append_item (menu, copy_item);
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_widget_set_tooltip_text (button, _("Export or Copy the Chart"));
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  gtk_widget_add_css_class (button, "bk-chart-menu");
  /* Bottom right, over the end of the source line: chart titles use the
   * whole width at the top */
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_set_valign (button, GTK_ALIGN_END);
  gtk_widget_set_margin_bottom (button, 2);
  gtk_widget_set_margin_end (button, 6);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), button);

  gtk_widget_add_css_class (overlay, "bk-chart-frame");
  live->frame = overlay;
  return overlay;
}

static void
npv_toggled_cb (GtkToggleButton *button,
                BkWindow        *self)
{
  self->show_npv = gtk_toggle_button_get_active (button);
  g_clear_object (&self->charts[CHART_ROI].chart);
  update_charts (self);
}

static GtkWidget *
results_side (BkWindow *self)
{
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *roi_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *switcher = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *roi = gtk_toggle_button_new_with_label (_("ROI"));
  GtkWidget *npv = gtk_toggle_button_new_with_label (_("NPV"));

  gtk_grid_set_row_homogeneous (GTK_GRID (grid), TRUE);
  gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 6);

  gtk_widget_add_css_class (switcher, "linked");
  gtk_widget_set_halign (switcher, GTK_ALIGN_CENTER);
  gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (npv), GTK_TOGGLE_BUTTON (roi));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (roi), TRUE);
  gtk_widget_set_tooltip_text (roi, _("Show return on investment per company"));
  gtk_widget_set_tooltip_text (npv, _("Show net present value per company"));
  g_signal_connect (npv, "toggled", G_CALLBACK (npv_toggled_cb), self);
  gtk_box_append (GTK_BOX (switcher), roi);
  gtk_box_append (GTK_BOX (switcher), npv);
  gtk_box_append (GTK_BOX (roi_box), switcher);
  gtk_box_append (GTK_BOX (roi_box), chart_frame (self, &self->charts[CHART_ROI]));

  gtk_grid_attach (GTK_GRID (grid), chart_frame (self, &self->charts[CHART_CUMULATIVE_FCF]), 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), chart_frame (self, &self->charts[CHART_REVENUE]), 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), roi_box, 0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), chart_frame (self, &self->charts[CHART_WATERFALL]), 1, 1, 1, 1);
  gtk_widget_set_size_request (grid, 480, -1);
  return grid;
}

/* Scenarios */

void
bk_window_rebuild_scenarios (BkWindow *self)
{
  BkWorkbook *wb;

  g_menu_remove_all (self->scenario_section);
  if (self->document == NULL)
    return;

  wb = bk_document_get_workbook (self->document);
  for (guint s = 0; s <= bk_workbook_get_n_scenarios (wb); s++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (s == BK_SCENARIO_BASE ? _("Base")
                                                                          : bk_workbook_get_scenario_name (wb, s),
                                                   NULL);

      g_menu_item_set_action_and_target_value (item, "win.scenario", g_variant_new_uint32 (s));
      g_menu_append_item (self->scenario_section, item);
    }

  gtk_label_set_text (self->scenario_label,
                      self->scenario == BK_SCENARIO_BASE ? _("Base")
                                                         : bk_workbook_get_scenario_name (wb, self->scenario));
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

  if (self->document != NULL)
    scenario = MIN (scenario, bk_workbook_get_n_scenarios (bk_document_get_workbook (self->document)));
  else
    scenario = 0;
  if (self->scenario == scenario)
    return;

  self->scenario = scenario;
  if (self->engine != NULL)
    bk_engine_set_scenario (self->engine, scenario);
  for (guint t = 0; t < BK_N_TABLES; t++)
    if (self->table_models[t] != NULL)
      bk_input_table_model_set_scenario (self->table_models[t], scenario);
  if (self->assumptions_model != NULL)
    bk_assumptions_table_model_set_scenario (self->assumptions_model, scenario);

  bk_window_rebuild_scenarios (self);
  bk_window_queue_charts (self);
  bk_window_update_actions (self);
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

  if (self->document == NULL)
    {
      adw_window_title_set_title (self->window_title, _("Breakeven"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Breakeven"));
      return;
    }

  wb = bk_document_get_workbook (self->document);
  path = bk_document_get_path (self->document);
  if (bk_application_is_draft_path (path))
    subtitle = g_strdup (_("Draft — use Save As to keep it in a folder"));
  else
    subtitle = display_folder (path);
  if (bk_document_is_read_only (self->document))
    {
      g_autofree char *ro = g_strdup_printf (_("%s (read-only)"), subtitle);

      g_free (subtitle);
      subtitle = g_steal_pointer (&ro);
    }

  adw_window_title_set_title (self->window_title, bk_workbook_get_title (wb));
  adw_window_title_set_subtitle (self->window_title, subtitle);
  /* Translators: the window title: document title — application */
  window_title = g_strdup_printf (_("%s — Breakeven"), bk_workbook_get_title (wb));
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

static void
update_kpi_company (BkWindow *self)
{
  int table = bk_window_get_current_table (self);
  const char *page = bk_window_get_page (self);
  int company = bk_kpi_strip_get_company (self->kpi_strip);

  if (self->document == NULL)
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

  if (company >= (int) bk_workbook_get_n_companies (bk_document_get_workbook (self->document)))
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
      if (self->scenario > bk_workbook_get_n_scenarios (wb))
        bk_window_set_scenario (self, BK_SCENARIO_BASE);
      bk_window_rebuild_scenarios (self);
      update_kpi_company (self);
    }
  bk_window_queue_charts (self);
  bk_window_update_actions (self);
}

static void
engine_invalidated_cb (BkEngine *engine,
                       BkWindow *self)
{
  bk_window_queue_charts (self);
}

static void
forget_draft_if_untouched (BkWindow *self)
{
  const char *path;

  if (self->document == NULL)
    return;
  path = bk_document_get_path (self->document);
  if (bk_application_is_draft_path (path) && !bk_document_can_undo (self->document))
    {
      g_autofree char *doomed = g_strdup (path);

      bk_document_close (self->document);
      g_unlink (doomed);
      if (self->settings != NULL && g_strcmp0 (bk_settings_get_last_document (self->settings), doomed) == 0)
        bk_settings_set_last_document (self->settings, "");
    }
}

static void
add_to_recent (BkWindow *self)
{
  const char *path = bk_document_get_path (self->document);
  g_autofree char *uri = NULL;
  GtkRecentData data = { 0 };

  if (bk_application_is_draft_path (path))
    return;
  uri = g_filename_to_uri (path, NULL, NULL);
  if (uri == NULL)
    return;
  data.display_name = NULL;
  data.mime_type = (char *) "application/x-breakeven";
  data.app_name = (char *) g_get_application_name ();
  data.app_exec = (char *) "breakeven %u";
  gtk_recent_manager_add_full (self->recent, uri, &data);
}

void
bk_window_set_document (BkWindow   *self,
                        BkDocument *document)
{
  BkWorkbook *wb;

  g_return_if_fail (BK_IS_WINDOW (self));
  g_return_if_fail (BK_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  g_object_ref (document);
  forget_draft_if_untouched (self);
  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_id, bk_document_get_workbook (self->document));
  if (self->engine != NULL)
    g_clear_signal_handler (&self->invalidated_id, self->engine);
  g_clear_object (&self->engine);
  g_clear_object (&self->document);
  if (self->charts_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->charts_tick_id);
      self->charts_tick_id = 0;
    }

  self->document = document;
  wb = bk_document_get_workbook (document);
  self->scenario = BK_SCENARIO_BASE;
  self->engine = bk_engine_new (wb);
  self->changed_id = g_signal_connect (wb, "changed", G_CALLBACK (workbook_changed_cb), self);
  self->invalidated_id = g_signal_connect (self->engine, "invalidated", G_CALLBACK (engine_invalidated_cb), self);

  for (guint t = 0; t < BK_N_TABLES; t++)
    {
      g_clear_object (&self->table_models[t]);
      self->table_models[t] = bk_input_table_model_new (document, t);
      bk_table_page_set_model (self->table_pages[t], BK_TABLE_MODEL (self->table_models[t]));
    }
  g_clear_object (&self->assumptions_model);
  self->assumptions_model = bk_assumptions_table_model_new (document);
  bk_table_page_set_model (self->assumptions_page, BK_TABLE_MODEL (self->assumptions_model));
  bk_results_page_set_engine (self->results_page, self->engine);
  bk_kpi_strip_set_engine (self->kpi_strip, self->engine);

  for (guint i = 0; i < N_CHARTS; i++)
    {
      g_clear_object (&self->charts[i].chart);
      bk_chart_view_set_chart (BK_CHART_VIEW (self->charts[i].view), NULL);
    }
  update_charts (self);

  gtk_revealer_set_reveal_child (self->read_only_revealer, bk_document_is_read_only (document));
  update_title (self);
  bk_window_rebuild_scenarios (self);
  add_to_recent (self);
  if (self->settings != NULL)
    bk_settings_set_last_document (self->settings, bk_document_get_path (document));

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

BkDocument *
bk_window_get_document (BkWindow *self)
{
  g_return_val_if_fail (BK_IS_WINDOW (self), NULL);

  return self->document;
}

BkEngine *
bk_window_get_engine (BkWindow *self)
{
  g_return_val_if_fail (BK_IS_WINDOW (self), NULL);

  return self->engine;
}

gboolean
bk_window_is_disposable (BkWindow *self)
{
  g_return_val_if_fail (BK_IS_WINDOW (self), FALSE);

  return self->document == NULL ||
         (bk_application_is_draft_path (bk_document_get_path (self->document)) &&
          !bk_document_can_undo (self->document));
}

static gboolean
open_workbook_as_draft (BkWindow   *self,
                        BkWorkbook *workbook,
                        GError    **error)
{
  g_autofree char *path = bk_application_new_draft_path ();
  g_autoptr(BkDocument) doc = bk_document_create (path, workbook, FALSE, error);

  if (doc == NULL)
    return FALSE;
  bk_window_set_document (self, doc);
  return TRUE;
}

gboolean
bk_window_open_file (BkWindow  *self,
                     GFile     *file,
                     GError   **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (BK_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_IO, _("Only local files can be opened"));
      return FALSE;
    }
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, BK_ERROR, BK_ERROR_NOT_FOUND,
                   _("The file no longer exists: it may have been moved or deleted."));
      return FALSE;
    }

  if (g_str_has_suffix (path, ".json") || g_str_has_suffix (path, ".JSON"))
    return bk_window_import_json_path (self, path, error);

  {
    g_autoptr(BkDocument) doc = bk_document_open (path, error);

    if (doc == NULL)
      return FALSE;
    bk_window_set_document (self, doc);
  }
  return TRUE;
}

gboolean
bk_window_load_sample (BkWindow  *self,
                       GError   **error)
{
  g_autoptr(BkWorkbook) wb = bk_json_read_sample (error);

  g_return_val_if_fail (BK_IS_WINDOW (self), FALSE);

  return wb != NULL && open_workbook_as_draft (self, wb, error);
}

gboolean
bk_window_new_workbook (BkWindow  *self,
                        GError   **error)
{
  BkGranularity granularity = self->settings ? bk_settings_get_default_granularity (self->settings)
                                             : BK_GRANULARITY_YEAR;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int year = g_date_time_get_year (now) - 1;
  guint per_year = bk_granularity_per_year (granularity);
  g_autofree char *first = bk_period_label (granularity, (gint64) year * per_year);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;
  g_autoptr(BkWorkbook) wb = NULL;

  g_return_val_if_fail (BK_IS_WINDOW (self), FALSE);

  /* An empty workbook in workbook JSON: six years from last year, one
   * market to put companies in.  The builder encodes translated names. */
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "breakeven-workbook");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, _("Untitled workbook"));
  json_builder_set_member_name (builder, "granularity");
  json_builder_add_string_value (builder, bk_granularity_to_string (granularity));
  json_builder_set_member_name (builder, "first_period");
  json_builder_add_string_value (builder, first);
  json_builder_set_member_name (builder, "periods");
  json_builder_add_int_value (builder, 6 * per_year);
  json_builder_set_member_name (builder, "markets");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, "global");
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, _("Global"));
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "companies");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "series");
  json_builder_begin_object (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json = json_to_string (root, FALSE);
  wb = bk_json_read_workbook (json, -1, error);
  return wb != NULL && open_workbook_as_draft (self, wb, error);
}

gboolean
bk_window_save_as_path (BkWindow    *self,
                        const char  *path,
                        GError     **error)
{
  g_autofree char *old = NULL;
  g_autofree char *target = NULL;
  gboolean was_draft;

  g_return_val_if_fail (BK_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->document == NULL)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_NOTHING_TO_DO, _("There is no document to save"));
      return FALSE;
    }

  target = g_str_has_suffix (path, ".breakeven") ? g_strdup (path) : g_strconcat (path, ".breakeven", NULL);
  old = g_strdup (bk_document_get_path (self->document));
  was_draft = bk_application_is_draft_path (old);
  if (g_strcmp0 (old, target) == 0)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_EXISTS, _("The document is already saved there"));
      return FALSE;
    }

  if (!bk_document_save_as (self->document, target, error))
    return FALSE;

  if (was_draft && g_strcmp0 (bk_document_get_path (self->document), old) != 0)
    g_unlink (old);

  gtk_revealer_set_reveal_child (self->read_only_revealer, bk_document_is_read_only (self->document));
  update_title (self);
  add_to_recent (self);
  if (self->settings != NULL)
    bk_settings_set_last_document (self->settings, bk_document_get_path (self->document));
  bk_window_update_actions (self);

  {
    g_autofree char *name = g_path_get_basename (target);
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
  g_autoptr(BkWorkbook) wb = bk_json_read_workbook_file (path, error);

  g_return_val_if_fail (BK_IS_WINDOW (self), FALSE);

  return wb != NULL && open_workbook_as_draft (self, wb, error);
}

gboolean
bk_window_import_csv_path (BkWindow    *self,
                           const char  *path,
                           GError     **error)
{
  int table = bk_window_get_current_table (self);
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (BK_IS_WINDOW (self), FALSE);

  if (self->document == NULL || table < 0)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_NOTHING_TO_DO,
                   _("Choose the CapEx, Backlog, Tokens or Share page to import a table"));
      return FALSE;
    }
  if (!g_file_get_contents (path, &data, &length, error))
    return FALSE;
  if (!bk_csv_import_table (self->document, self->scenario, table, data, (gssize) length, error))
    return FALSE;

  {
    g_autofree char *name = g_path_get_basename (path);
    g_autofree char *toast = g_strdup_printf (_("Imported “%s” into %s"), name, bk_table_get_title (table));

    bk_window_show_toast (self, toast);
  }
  return TRUE;
}

static gboolean
write_export (BkWindow    *self,
              const char  *path,
              const char  *contents,
              GError     **error)
{
  if (!g_file_set_contents (path, contents, -1, error))
    return FALSE;

  {
    g_autofree char *name = g_path_get_basename (path);
    g_autofree char *toast = g_strdup_printf (_("Exported “%s”"), name);

    bk_window_show_toast (self, toast);
  }
  return TRUE;
}

gboolean
bk_window_export_json_path (BkWindow    *self,
                            const char  *path,
                            GError     **error)
{
  g_autofree char *json = NULL;

  g_return_val_if_fail (BK_IS_WINDOW (self), FALSE);

  if (self->document == NULL)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_NOTHING_TO_DO, _("There is no document to export"));
      return FALSE;
    }
  json = bk_json_write_workbook (bk_document_get_workbook (self->document));
  return write_export (self, path, json, error);
}

gboolean
bk_window_export_csv_path (BkWindow    *self,
                           const char  *path,
                           GError     **error)
{
  int table = bk_window_get_current_table (self);
  g_autofree char *csv = NULL;

  g_return_val_if_fail (BK_IS_WINDOW (self), FALSE);

  if (self->document == NULL || table < 0)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_NOTHING_TO_DO,
                   _("Choose the CapEx, Backlog, Tokens or Share page to export a table"));
      return FALSE;
    }
  csv = bk_csv_write_table (bk_document_get_workbook (self->document), table);
  return write_export (self, path, csv, error);
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
  return NULL;
}

BkKpiStrip *
bk_window_get_kpi_strip (BkWindow *self)
{
  g_return_val_if_fail (BK_IS_WINDOW (self), NULL);

  return self->kpi_strip;
}

GObject *
bk_window_get_chart (BkWindow   *self,
                     const char *key)
{
  LiveChart *live;

  g_return_val_if_fail (BK_IS_WINDOW (self), NULL);

  live = bk_window_find_chart (self, key);
  return live ? G_OBJECT (live->chart) : NULL;
}

GtkWidget *
bk_window_get_chart_view (BkWindow   *self,
                          const char *key)
{
  LiveChart *live;

  g_return_val_if_fail (BK_IS_WINDOW (self), NULL);

  live = bk_window_find_chart (self, key);
  return live ? live->view : NULL;
}

static void
visible_page_cb (BkWindow *self)
{
  GtkWidget *page = adw_view_stack_get_visible_child (self->stack);

  update_kpi_company (self);
  bk_window_update_actions (self);
  if (page != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_grab_focus (page);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

static void
sheet_cursor_cb (BkSheetView *sheet,
                 int          row,
                 int          column,
                 BkWindow    *self)
{
  update_kpi_company (self);
  if (sheet == bk_table_page_get_sheet (self->table_pages[BK_TABLE_SHARE]))
    bk_window_queue_charts (self);
  bk_window_update_actions (self);
}

static void
sheet_selection_cb (BkSheetView *sheet,
                    BkWindow    *self)
{
  bk_window_queue_charts (self);
  bk_window_update_actions (self);
}

static void
results_company_cb (BkWindow *self)
{
  update_kpi_company (self);
  bk_window_queue_charts (self);
}

/* Drag and drop */

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         BkWindow      *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  files = g_value_get_boxed (value);
  if (files == NULL)
    return FALSE;

  for (GSList *l = files; l; l = l->next)
    bk_application_open_file (BK_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))), l->data);
  return TRUE;
}

/* Recent documents */

static void
rebuild_recent (BkWindow *self)
{
  GList *items = gtk_recent_manager_get_items (self->recent);
  guint n = 0;

  g_menu_remove_all (self->recent_section);
  for (GList *l = items; l != NULL && n < 10; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);
      g_autoptr(GMenuItem) item = NULL;

      if (!g_str_has_suffix (uri, ".breakeven") || !gtk_recent_info_exists (info))
        continue;
      item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);
      g_menu_item_set_action_and_target_value (item, "app.open-recent", g_variant_new_string (uri));
      g_menu_append_item (self->recent_section, item);
      n++;
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

/* GObject */

static gboolean
bk_window_close_request (GtkWindow *window)
{
  BkWindow *self = BK_WINDOW (window);

  /* Every edit is on disk already; an untouched draft is not worth keeping */
  forget_draft_if_untouched (self);
  return GTK_WINDOW_CLASS (bk_window_parent_class)->close_request (window);
}

static void
bk_window_constructed (GObject *object)
{
  BkWindow *self = BK_WINDOW (object);

  G_OBJECT_CLASS (bk_window_parent_class)->constructed (object);

  if (self->settings != NULL)
    bk_settings_attach_window (self->settings, GTK_WINDOW (self));
}

static void
bk_window_dispose (GObject *object)
{
  BkWindow *self = BK_WINDOW (object);

  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_id, bk_document_get_workbook (self->document));
  if (self->engine != NULL)
    g_clear_signal_handler (&self->invalidated_id, self->engine);
  if (self->recent != NULL)
    g_clear_signal_handler (&self->recent_changed_id, self->recent);
  if (self->charts_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->charts_tick_id);
      self->charts_tick_id = 0;
    }

  /* The pages outlive nothing of ours once the template goes */
  for (guint t = 0; t < BK_N_TABLES; t++)
    if (self->table_pages[t] != NULL)
      g_signal_handlers_disconnect_by_data (bk_table_page_get_sheet (self->table_pages[t]), self);
  if (self->assumptions_page != NULL)
    g_signal_handlers_disconnect_by_data (bk_table_page_get_sheet (self->assumptions_page), self);
  if (self->results_page != NULL)
    g_signal_handlers_disconnect_by_data (self->results_page, self);
  if (self->stack != NULL)
    g_signal_handlers_disconnect_by_data (self->stack, self);
  for (guint i = 0; i < N_CHARTS; i++)
    if (self->charts[i].view != NULL)
      g_signal_handlers_disconnect_by_data (self->charts[i].view, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_WINDOW);
  memset (self->table_pages, 0, sizeof self->table_pages);
  self->assumptions_page = NULL;
  self->results_page = NULL;

  for (guint i = 0; i < N_CHARTS; i++)
    g_clear_object (&self->charts[i].chart);
  for (guint t = 0; t < BK_N_TABLES; t++)
    g_clear_object (&self->table_models[t]);
  g_clear_object (&self->assumptions_model);
  g_clear_object (&self->engine);
  g_clear_object (&self->document);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (bk_window_parent_class)->dispose (object);
}

static void
bk_window_finalize (GObject *object)
{
  BkWindow *self = BK_WINDOW (object);

  g_free (self->last_toast);
  g_free (self->last_error);

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
  gtk_widget_class_bind_template_child (widget_class, BkWindow, recent_section);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, scenario_section);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, sheet_menu);

  bk_window_class_init_actions (klass);
}

static void
bk_window_init (BkWindow *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < N_CHARTS; i++)
    {
      self->charts[i].key = chart_slots[i].key;
      self->charts[i].spec = chart_slots[i].spec;
    }

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkWidget *page;
      AdwViewStackPage *stack_page;

      if (pages[i].table >= 0)
        {
          BkTable table = pages[i].table;
          BkSheetView *sheet;

          page = bk_table_page_new ();
          self->table_pages[table] = BK_TABLE_PAGE (page);
          bk_table_page_set_unit (self->table_pages[table], bk_table_get_unit (table));
          bk_table_page_set_side (self->table_pages[table], chart_frame (self, &self->charts[table]));
          sheet = bk_table_page_get_sheet (self->table_pages[table]);
          gtk_accessible_update_property (GTK_ACCESSIBLE (sheet), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          bk_table_get_title (table), -1);
          bk_sheet_view_set_context_menu (sheet, self->sheet_menu);
          g_signal_connect (sheet, "cursor-moved", G_CALLBACK (sheet_cursor_cb), self);
          g_signal_connect (sheet, "selection-changed", G_CALLBACK (sheet_selection_cb), self);
        }
      else if (g_str_equal (pages[i].name, "assumptions"))
        {
          BkSheetView *sheet;

          page = bk_table_page_new ();
          self->assumptions_page = BK_TABLE_PAGE (page);
          bk_table_page_set_placeholder (self->assumptions_page,
                                         _("Blank: the value is inherited. Type a value to set it here."));
          bk_table_page_set_side (self->assumptions_page, chart_frame (self, &self->charts[CHART_ASSUMPTIONS]));
          sheet = bk_table_page_get_sheet (self->assumptions_page);
          gtk_accessible_update_property (GTK_ACCESSIBLE (sheet), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Assumptions"), -1);
          bk_sheet_view_set_context_menu (sheet, self->sheet_menu);
          g_signal_connect (sheet, "cursor-moved", G_CALLBACK (sheet_cursor_cb), self);
          g_signal_connect (sheet, "selection-changed", G_CALLBACK (sheet_selection_cb), self);
        }
      else
        {
          page = bk_results_page_new ();
          self->results_page = BK_RESULTS_PAGE (page);
          bk_results_page_set_side (self->results_page, results_side (self));
          g_signal_connect_swapped (page, "notify::company", G_CALLBACK (results_company_cb), self);
        }

      stack_page = adw_view_stack_add_titled (self->stack, page, pages[i].name, _(pages[i].title));
      {
        g_autofree char *icon = g_strdup_printf ("bk-%s-symbolic", pages[i].name);

        adw_view_stack_page_set_icon_name (stack_page, icon);
      }
    }
  g_signal_connect_swapped (self->stack, "notify::visible-child", G_CALLBACK (visible_page_cb), self);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  self->recent = gtk_recent_manager_get_default ();
  self->recent_changed_id = g_signal_connect_swapped (self->recent, "changed", G_CALLBACK (rebuild_recent), self);
  rebuild_recent (self);

  update_title (self);
  bk_window_update_actions (self);
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
