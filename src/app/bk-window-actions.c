/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-window-actions.c — the window's actions ("win.*"), their dialogs and
 * when each is enabled */
#include "config.h"

#include <glib/gi18n.h>

#include "bk-chart-slots.h"
#include "bk-chart-view.h"
#include "bk-company-dialog.h"
#include "bk-goal-seek-dialog.h"
#include "bk-note-dialog.h"
#include "bk-window-private.h"
#include "bk-window-report.h"

/* Asking for a name */

/* Does what the text asks; FALSE with an error to show under the
 * request's failure heading */
typedef gboolean (*NameCallback) (BkWindow    *self,
                                  const char  *text,
                                  gpointer     data,
                                  GError     **error);

/* NULL when the (stripped) text can be applied; else why not, shown in the
 * dialog ("" to refuse without a word, as for an empty name) */
typedef char *(*NameCheck) (BkWindow   *self,
                            const char *text,
                            gpointer    data);

typedef struct
{
  BkWindow     *self;
  GtkWidget    *dialog;
  GtkWidget    *entry;
  GtkWidget    *reason;    /* why the text cannot be applied */
  char         *initial;
  NameCallback  callback;
  NameCheck     check;
  const char   *failure;  /* untranslated */
  gpointer      data;
  GDestroyNotify destroy;
} NameRequest;

/* Freed with the dialog, which goes with its window: the request only
 * watches the window, so an open dialog never keeps a closed window alive. */
static void
name_request_free (NameRequest *request)
{
  if (request->destroy)
    request->destroy (request->data);
  g_clear_weak_pointer (&request->self);
  g_free (request->initial);
  g_free (request);
}

static char *
dup_request_text (NameRequest *request)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (request->entry))));
}

/* The dialog closes on either response (AdwMessageDialog does that for its
 * buttons); only "accept" does anything, and only with a changed text */
static void
name_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  NameRequest      *request)
{
  g_autofree char *text = dup_request_text (request);
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "accept") || request->self == NULL ||
      g_strcmp0 (text, request->initial) == 0)
    return;
  if (!request->callback (request->self, text, request->data, &error))
    bk_window_report_error (request->self, _(request->failure), error);
}

/* Enter is the default response: the same as clicking its button, which
 * applies and closes; nothing while the text is refused */
static void
name_entry_activate_cb (GtkEntry    *entry,
                        NameRequest *request)
{
  GtkWidget *button = gtk_window_get_default_widget (GTK_WINDOW (request->dialog));

  if (button != NULL && adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (request->dialog), "accept"))
    gtk_widget_activate (button);
}

static void
name_entry_changed_cb (GtkEditable *entry,
                       NameRequest *request)
{
  g_autofree char *text = dup_request_text (request);
  g_autofree char *reason = NULL;

  if (request->check != NULL && request->self != NULL)
    reason = request->check (request->self, text, request->data);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (request->dialog), "accept", reason == NULL);
  gtk_label_set_text (GTK_LABEL (request->reason), reason != NULL ? reason : "");
  gtk_widget_set_visible (request->reason, reason != NULL && *reason != '\0');
  if (reason != NULL && *reason != '\0')
    gtk_widget_add_css_class (request->entry, "error");
  else
    gtk_widget_remove_css_class (request->entry, "error");
}

static void
ask_text (BkWindow       *self,
          const char     *heading,
          const char     *body,
          const char     *initial,
          const char     *accept_label,
          NameCallback    callback,
          NameCheck       check,
          const char     *failure,
          gpointer        data,
          GDestroyNotify  destroy)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  NameRequest *request = g_new0 (NameRequest, 1);

  g_set_weak_pointer (&request->self, self);
  request->dialog = dialog;
  request->initial = g_strstrip (g_strdup (initial ? initial : ""));
  request->callback = callback;
  request->check = check;
  request->failure = failure;
  request->data = data;
  request->destroy = destroy;
  request->entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (request->entry), initial ? initial : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (request->entry), GTK_ACCESSIBLE_PROPERTY_LABEL, heading, -1);
  request->reason = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (request->reason), TRUE);
  gtk_label_set_xalign (GTK_LABEL (request->reason), 0);
  gtk_widget_add_css_class (request->reason, "error");
  gtk_widget_add_css_class (request->reason, "caption");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (request->entry),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, request->reason, NULL,
                                  -1);
  gtk_box_append (GTK_BOX (box), request->entry);
  gtk_box_append (GTK_BOX (box), request->reason);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "accept", accept_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "accept", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "accept");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (request->entry, "activate", G_CALLBACK (name_entry_activate_cb), request);
  g_signal_connect (request->entry, "changed", G_CALLBACK (name_entry_changed_cb), request);
  name_entry_changed_cb (GTK_EDITABLE (request->entry), request);
  g_signal_connect (dialog, "response", G_CALLBACK (name_response_cb), request);
  g_object_set_data_full (G_OBJECT (dialog), "bk-name-request", request, (GDestroyNotify) name_request_free);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (request->entry);
}

/* A name must say something; an empty one is refused without a word */
static char *
check_not_empty (const char *text)
{
  return *text == '\0' ? g_strdup ("") : NULL;
}

/* File choosers */

typedef gboolean (*PathFunc) (BkWindow    *self,
                              const char  *path,
                              GError     **error);

typedef struct
{
  BkWindow   *self;
  PathFunc    func;
  const char *failure;  /* heading of the error dialog */
} ChooserRequest;

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     ChooserRequest  *request)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;
      g_autoptr(GError) error = NULL;

      if (path == NULL)
        bk_window_show_error (request->self, _(request->failure), _("Only local files can be used"));
      else if (!request->func (request->self, path, &error))
        bk_window_report_error (request->self, _(request->failure), error);
    }
  g_object_unref (chooser);
  g_object_unref (request->self);
  g_free (request);
}

static void
choose_file (BkWindow             *self,
             GtkFileChooserAction  action,
             const char           *title,
             const char           *accept,
             const char           *filter_name,
             const char           *suffix,
             const char           *suggested_name,
             PathFunc              func,
             const char           *failure)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  ChooserRequest *request = g_new0 (ChooserRequest, 1);
  g_autofree char *pattern = g_strdup_printf ("*.%s", suffix);

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, filter_name);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (suggested_name != NULL)
    {
      g_autofree char *name = g_strdup_printf ("%s.%s", suggested_name, suffix);

      /* '/' cannot be in a file name */
      g_strdelimit (name, "/", '-');
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }

  request->self = g_object_ref (self);
  request->func = func;
  request->failure = failure;
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static const char *
workbook_title (BkWindow *self)
{
  return bk_window_get_document (self) ? bk_workbook_get_title (bk_document_get_workbook (bk_window_get_document (self))) : NULL;
}

/* The actions that end in a file chooser and a bk_window_*_path() call */
static const struct
{
  const char           *action;
  GtkFileChooserAction  mode;
  const char           *title;
  const char           *accept;
  const char           *filter;
  const char           *suffix;
  gboolean              suggest;  /* suggest the workbook's title as the name */
  PathFunc              func;
  const char           *failure;
} file_actions[] = {
  { "win.save-as", GTK_FILE_CHOOSER_ACTION_SAVE, N_("Save Document As"), N_("_Save"),
    N_("Breakeven Documents"), "breakeven", TRUE, bk_window_save_as_path, N_("Could not save the document") },
  { "win.import-json", GTK_FILE_CHOOSER_ACTION_OPEN, N_("Import a Workbook"), N_("_Import"),
    N_("Workbooks (JSON)"), "json", FALSE, bk_window_import_json_path, N_("Could not import the workbook") },
  { "win.import-csv", GTK_FILE_CHOOSER_ACTION_OPEN, N_("Import a Table"), N_("_Import"),
    N_("CSV Tables"), "csv", FALSE, bk_window_import_csv_path, N_("Could not import the table") },
  { "win.export-json", GTK_FILE_CHOOSER_ACTION_SAVE, N_("Export the Workbook"), N_("_Export"),
    N_("Workbooks (JSON)"), "json", TRUE, bk_window_export_json_path, N_("Could not export the workbook") },
  { "win.export-xlsx", GTK_FILE_CHOOSER_ACTION_SAVE, N_("Export the Workbook"), N_("_Export"),
    N_("Spreadsheets (XLSX)"), "xlsx", TRUE, bk_window_export_xlsx_path, N_("Could not export the workbook") },
  { "win.export-report", GTK_FILE_CHOOSER_ACTION_SAVE, N_("Export the Report"), N_("_Export"),
    N_("Reports (PDF)"), "pdf", TRUE, bk_window_export_report_path, N_("Could not export the report") },
};

static void
file_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  BkWindow *self = BK_WINDOW (widget);

  for (guint i = 0; i < G_N_ELEMENTS (file_actions); i++)
    if (g_str_equal (file_actions[i].action, name))
      choose_file (self, file_actions[i].mode, _(file_actions[i].title), _(file_actions[i].accept),
                   _(file_actions[i].filter), file_actions[i].suffix,
                   file_actions[i].suggest ? workbook_title (self) : NULL,
                   file_actions[i].func, file_actions[i].failure);
}

static void
export_csv_action (GtkWidget  *widget,
                   const char *name,
                   GVariant   *param)
{
  BkWindow *self = BK_WINDOW (widget);
  int table = bk_window_get_current_table (self);
  g_autofree char *suggested = NULL;

  if (g_strcmp0 (bk_window_get_page (self), "results") == 0 && bk_window_get_document (self) != NULL)
    suggested = g_strdup_printf ("%s — %s", workbook_title (self),
                                 bk_results_page_get_series_active (self->results_page) ? "series" : "results");
  else if (table < 0)
    return;
  else
    suggested = g_strdup_printf ("%s — %s", workbook_title (self), bk_table_to_string (table));
  choose_file (self, GTK_FILE_CHOOSER_ACTION_SAVE, _("Export the Table"), _("_Export"),
               _("CSV Tables"), "csv", suggested,
               bk_window_export_csv_path, N_("Could not export the table"));
}

static void
print_action (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  bk_window_print (BK_WINDOW (widget));
}

/* Charts */

/* The chart a menu names, or the visible page's first chart for "" */
static GtkWidget *
chart_view_for_param (BkWindow *self,
                      GVariant *param)
{
  const char *key = g_variant_get_string (param, NULL);
  BkChartBoard *board = bk_window_get_current_board (self);

  if (*key != '\0')
    {
      GtkWidget *view = bk_window_get_chart_view (self, key);

      return view != NULL && bk_window_get_chart (self, key) != NULL ? view : NULL;
    }
  if (board == NULL || bk_chart_board_get_chart (board, NULL) == NULL)
    return NULL;
  return bk_chart_board_get_chart_view (board, NULL);
}

static void
export_chart_action (GtkWidget  *widget,
                     const char *name,
                     GVariant   *param)
{
  GtkWidget *view = chart_view_for_param (BK_WINDOW (widget), param);

  if (view != NULL)
    gtk_widget_activate_action (view, "chart.export", NULL);
}

static void
copy_chart_action (GtkWidget  *widget,
                   const char *name,
                   GVariant   *param)
{
  GtkWidget *view = chart_view_for_param (BK_WINDOW (widget), param);

  if (view != NULL)
    gtk_widget_activate_action (view, "chart.copy", NULL);
}

/* History */

static void
undo_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  BkWindow *self = BK_WINDOW (widget);
  BkSheetView *sheet = bk_window_get_sheet (self);
  g_autoptr(GError) error = NULL;

  if (bk_window_get_document (self) == NULL)
    return;
  if (sheet != NULL && bk_sheet_view_get_editing (sheet))
    bk_sheet_view_cancel_edit (sheet);
  if (!bk_document_undo (bk_window_get_document (self), &error) && !g_error_matches (error, BK_ERROR, BK_ERROR_NOTHING_TO_DO))
    bk_window_report_error (self, _("Could not undo"), error);
}

static void
redo_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  BkWindow *self = BK_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (bk_window_get_document (self) == NULL)
    return;
  if (!bk_document_redo (bk_window_get_document (self), &error) && !g_error_matches (error, BK_ERROR, BK_ERROR_NOTHING_TO_DO))
    bk_window_report_error (self, _("Could not redo"), error);
}

static void
close_action (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* Scenarios */

gboolean
bk_window_add_scenario (BkWindow    *self,
                        const char  *name,
                        GError     **error)
{
  BkWorkbook *wb;

  g_return_val_if_fail (BK_IS_WINDOW (self), FALSE);

  if (bk_window_get_document (self) == NULL)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_NOTHING_TO_DO, _("There is no document"));
      return FALSE;
    }
  if (!bk_document_add_scenario (bk_window_get_document (self), name, self->scenario, error))
    return FALSE;
  wb = bk_document_get_workbook (bk_window_get_document (self));
  bk_window_set_scenario (self, (guint) bk_workbook_find_scenario (wb, name));
  return TRUE;
}

gboolean
bk_window_rename_scenario (BkWindow    *self,
                           const char  *name,
                           GError     **error)
{
  g_return_val_if_fail (BK_IS_WINDOW (self), FALSE);

  if (bk_window_get_document (self) == NULL || self->scenario == BK_SCENARIO_BASE)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_NOTHING_TO_DO, _("The base case cannot be renamed"));
      return FALSE;
    }
  if (!bk_document_rename_scenario (bk_window_get_document (self), self->scenario, name, error))
    return FALSE;
  bk_window_rebuild_scenarios (self);
  return TRUE;
}

gboolean
bk_window_remove_scenario (BkWindow  *self,
                           GError   **error)
{
  guint scenario;

  g_return_val_if_fail (BK_IS_WINDOW (self), FALSE);

  if (bk_window_get_document (self) == NULL || self->scenario == BK_SCENARIO_BASE)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_NOTHING_TO_DO, _("The base case cannot be deleted"));
      return FALSE;
    }
  scenario = self->scenario;
  bk_window_set_scenario (self, BK_SCENARIO_BASE);
  if (!bk_document_remove_scenario (bk_window_get_document (self), scenario, error))
    {
      bk_window_set_scenario (self, scenario);
      return FALSE;
    }
  return TRUE;
}

gboolean
bk_window_reset_to_base (BkWindow  *self,
                         GError   **error)
{
  BkSheetView *sheet;
  int table;
  guint row, column, n_rows, n_columns;

  g_return_val_if_fail (BK_IS_WINDOW (self), FALSE);

  sheet = bk_window_get_sheet (self);
  table = bk_window_get_current_table (self);
  if (bk_window_get_document (self) == NULL || self->scenario == BK_SCENARIO_BASE || sheet == NULL ||
      !bk_sheet_view_get_selection (sheet, &row, &column, &n_rows, &n_columns))
    {
      g_set_error (error, BK_ERROR, BK_ERROR_NOTHING_TO_DO, _("Choose a scenario other than Base to reset cells"));
      return FALSE;
    }
  if (table >= 0)
    return bk_input_table_model_reset_range (self->table_models[table], row, column, n_rows, n_columns, error);
  if (g_strcmp0 (bk_window_get_page (self), "assumptions") == 0)
    return bk_assumptions_table_model_reset_range (self->assumptions_model, row, column, n_rows, n_columns, error);

  g_set_error (error, BK_ERROR, BK_ERROR_NOTHING_TO_DO, _("Results cannot be reset"));
  return FALSE;
}

static gboolean
add_scenario_cb (BkWindow    *self,
                 const char  *text,
                 gpointer     data,
                 GError     **error)
{
  return bk_window_add_scenario (self, text, error);
}

/* A scenario's name is its handle: unique, and not the base case's */
static char *
check_scenario_name (BkWindow   *self,
                     const char *text,
                     int         except)
{
  BkWorkbook *wb = bk_document_get_workbook (bk_window_get_document (self));
  int found;

  if (*text == '\0')
    return g_strdup ("");
  found = bk_workbook_find_scenario (wb, text);
  if (found == BK_SCENARIO_BASE)
    return g_strdup_printf (_("“%s” is the base case: choose another name"), text);
  if (found >= 0 && found != except)
    return g_strdup_printf (_("There is already a scenario called “%s”"), bk_workbook_get_scenario_name (wb, (guint) found));
  return NULL;
}

static char *
check_new_scenario_cb (BkWindow   *self,
                       const char *text,
                       gpointer    data)
{
  return check_scenario_name (self, text, -1);
}

static char *
check_renamed_scenario_cb (BkWindow   *self,
                           const char *text,
                           gpointer    data)
{
  return check_scenario_name (self, text, (int) self->scenario);
}

static void
add_scenario_action (GtkWidget  *widget,
                     const char *name,
                     GVariant   *param)
{
  BkWindow *self = BK_WINDOW (widget);
  BkWorkbook *wb = bk_document_get_workbook (bk_window_get_document (self));
  g_autofree char *body = g_strdup_printf (_("The new scenario starts as a copy of “%s”."),
                                           self->scenario == BK_SCENARIO_BASE
                                             ? _("Base") : bk_workbook_get_scenario_name (wb, self->scenario));

  ask_text (self, _("New Scenario"), body, "", _("_Add"), add_scenario_cb, check_new_scenario_cb,
            N_("Could not add the scenario"), NULL, NULL);
}

static gboolean
rename_scenario_cb (BkWindow    *self,
                    const char  *text,
                    gpointer     data,
                    GError     **error)
{
  return bk_window_rename_scenario (self, text, error);
}

static void
rename_scenario_action (GtkWidget  *widget,
                        const char *name,
                        GVariant   *param)
{
  BkWindow *self = BK_WINDOW (widget);
  BkWorkbook *wb = bk_document_get_workbook (bk_window_get_document (self));

  ask_text (self, _("Rename Scenario"), NULL, bk_workbook_get_scenario_name (wb, self->scenario),
            _("_Rename"), rename_scenario_cb, check_renamed_scenario_cb,
            N_("Could not rename the scenario"), NULL, NULL);
}

static void
remove_scenario_action (GtkWidget  *widget,
                        const char *name,
                        GVariant   *param)
{
  BkWindow *self = BK_WINDOW (widget);
  g_autofree char *scenario = g_strdup (bk_workbook_get_scenario_name (bk_document_get_workbook (bk_window_get_document (self)),
                                                                       self->scenario));
  g_autoptr(GError) error = NULL;

  if (!bk_window_remove_scenario (self, &error))
    bk_window_report_error (self, _("Could not delete the scenario"), error);
  else
    {
      g_autofree char *title = g_strdup_printf (_("Scenario “%s” deleted"), scenario);

      bk_window_show_undo_toast (self, title);
    }
}

static void
reset_to_base_action (GtkWidget  *widget,
                      const char *name,
                      GVariant   *param)
{
  BkWindow *self = BK_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!bk_window_reset_to_base (self, &error) && !g_error_matches (error, BK_ERROR, BK_ERROR_NOTHING_TO_DO))
    bk_window_report_error (self, _("Could not reset to Base"), error);
}

/* Notes */

typedef struct
{
  BkTable table;
  guint   row;
  guint   period;
} CellRef;

static void
note_save_cb (BkNoteDialog *dialog,
              const char   *text,
              CellRef      *ref)
{
  BkWindow *self = BK_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)));
  g_autoptr(GError) error = NULL;

  if (self == NULL || bk_window_get_document (self) == NULL)
    return;
  if (!bk_document_set_note (bk_window_get_document (self), ref->table, ref->row, ref->period, text, &error))
    bk_window_report_error (self, _("Could not change the note"), error);
}

static void
edit_note_action (GtkWidget  *widget,
                  const char *name,
                  GVariant   *param)
{
  BkWindow *self = BK_WINDOW (widget);
  int table = bk_window_get_current_table (self);
  BkSheetView *sheet;
  CellRef *ref;
  BkCell cell;
  GtkWidget *dialog;
  g_autofree char *heading = NULL;

  if (table < 0 || bk_window_get_document (self) == NULL)
    return;
  sheet = bk_table_page_get_sheet (self->table_pages[table]);
  if (bk_sheet_view_get_cursor_row (sheet) < 0)
    return;

  ref = g_new0 (CellRef, 1);
  ref->table = table;
  ref->row = (guint) bk_sheet_view_get_cursor_row (sheet);
  ref->period = (guint) bk_sheet_view_get_cursor_column (sheet);
  bk_workbook_get_cell (bk_document_get_workbook (bk_window_get_document (self)), BK_SCENARIO_BASE,
                        table, ref->row, ref->period, &cell);
  {
    g_autofree char *label = bk_workbook_dup_period_label (bk_document_get_workbook (bk_window_get_document (self)), ref->period);

    heading = g_strdup_printf (_("Note for %s, %s"),
                               bk_workbook_get_row_name (bk_document_get_workbook (bk_window_get_document (self)), table, ref->row),
                               label);
  }
  /* Multi-line, as a spreadsheet's comment (bk-note-dialog.c) */
  dialog = bk_note_dialog_new (GTK_WINDOW (self), heading, cell.note);
  g_signal_connect_data (dialog, "save", G_CALLBACK (note_save_cb), ref, (GClosureNotify) (void (*) (void)) g_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Rows and periods */

static gboolean
current_row (BkWindow   *self,
             BkTable    *table,
             guint      *row,
             const char **id)
{
  int t = bk_window_get_current_table (self);
  int r;
  BkWorkbook *wb;

  if (t < 0 || bk_window_get_document (self) == NULL)
    return FALSE;
  wb = bk_document_get_workbook (bk_window_get_document (self));
  r = bk_sheet_view_get_cursor_row (bk_table_page_get_sheet (self->table_pages[t]));
  *table = t;
  if (r < 0 || (guint) r >= bk_workbook_get_n_rows (wb, t))
    {
      *row = 0;
      *id = NULL;
      return TRUE;
    }
  *row = (guint) r;
  *id = bk_workbook_get_row_id (wb, t, (guint) r);
  return TRUE;
}

/* A new market's id, whose chart colour no other market holds */
static char *
new_market_id (BkWorkbook *wb)
{
  guint n = bk_workbook_get_n_markets (wb);
  g_autofree const char **ids = g_new0 (const char *, MAX (n, 1));

  for (guint m = 0; m < n; m++)
    ids[m] = bk_workbook_get_market_id (wb, m);
  return bk_chart_slots_choose_id (ids, n, "market");
}

static gboolean
rename_row_cb (BkWindow    *self,
               const char  *text,
               gpointer     data,
               GError     **error)
{
  BkTable table;
  guint row;
  const char *id;

  /* The row went while the dialog was open: nothing to rename */
  if (!current_row (self, &table, &row, &id) || id == NULL)
    return TRUE;
  return bk_document_rename_row (bk_window_get_document (self), bk_table_rows_are_markets (table), id, text, error);
}

/* Two companies (or markets) of one name could not be told apart in a
 * chart's legend or a menu */
static char *
check_row_name_cb (BkWindow   *self,
                   const char *text,
                   gpointer    data)
{
  BkWorkbook *wb = bk_document_get_workbook (bk_window_get_document (self));
  g_autofree char *folded = g_utf8_casefold (text, -1);
  BkTable table;
  guint row;
  const char *id;

  if (*text == '\0' || !current_row (self, &table, &row, &id))
    return check_not_empty (text);
  for (guint r = 0; r < bk_workbook_get_n_rows (wb, table); r++)
    {
      const char *name = bk_workbook_get_row_name (wb, table, r);
      g_autofree char *other = g_utf8_casefold (name, -1);

      if (r != row && g_str_equal (other, folded))
        return g_strdup_printf (bk_table_rows_are_markets (table)
                                  ? _("There is already a market called “%s”")
                                  : _("There is already a company called “%s”"),
                                name);
    }
  return NULL;
}

static void
rename_row_action (GtkWidget  *widget,
                   const char *name,
                   GVariant   *param)
{
  BkWindow *self = BK_WINDOW (widget);
  BkTable table;
  guint row;
  const char *id;

  if (!current_row (self, &table, &row, &id) || id == NULL)
    return;
  ask_text (self, bk_table_rows_are_markets (table) ? _("Rename Market") : _("Rename Company"), NULL,
            bk_workbook_get_row_name (bk_document_get_workbook (bk_window_get_document (self)), table, row),
            _("_Rename"), rename_row_cb, check_row_name_cb, N_("Could not rename the row"), NULL, NULL);
}

static void
insert_row_action (GtkWidget  *widget,
                   const char *name,
                   GVariant   *param)
{
  BkWindow *self = BK_WINDOW (widget);
  BkWorkbook *wb;
  BkTable table;
  guint row;
  const char *id;
  g_autofree char *new_id = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (!current_row (self, &table, &row, &id))
    return;
  wb = bk_document_get_workbook (bk_window_get_document (self));

  if (bk_table_rows_are_markets (table))
    {
      new_id = new_market_id (wb);
      ok = bk_document_add_market (bk_window_get_document (self), new_id, _("New market"), row, &error);
    }
  else
    {
      if (bk_workbook_get_n_markets (wb) == 0)
        {
          bk_window_show_error (self, _("Could not add a company"),
                                _("A company belongs to a market: add a market on the Tokens page first."));
          return;
        }
      /* Name and market first; the neighbour's market is only the guess */
      bk_company_dialog_add (self, bk_table_page_get_sheet (self->table_pages[table]), row,
                             id != NULL ? bk_workbook_get_company_market (wb, row) : 0);
      return;
    }
  if (!ok)
    {
      bk_window_report_error (self, _("Could not add the row"), error);
      return;
    }

  bk_sheet_view_set_cursor (bk_table_page_get_sheet (self->table_pages[table]),
                            bk_workbook_find_row (wb, table, new_id), 0);
  rename_row_action (widget, NULL, NULL);
}

static void
change_market_action (GtkWidget  *widget,
                      const char *name,
                      GVariant   *param)
{
  BkWindow *self = BK_WINDOW (widget);
  BkTable table;
  guint row;
  const char *id;

  if (!current_row (self, &table, &row, &id) || id == NULL || bk_table_rows_are_markets (table))
    return;
  bk_company_dialog_change_market (self, id);
}

static void
move_row (BkWindow *self,
          int       delta)
{
  BkTable table;
  guint row;
  const char *id;
  int target;
  g_autoptr(GError) error = NULL;

  if (!current_row (self, &table, &row, &id) || id == NULL)
    return;
  target = (int) row + delta;
  if (target < 0 || target >= (int) bk_workbook_get_n_rows (bk_document_get_workbook (bk_window_get_document (self)), table))
    return;
  if (!bk_document_move_row (bk_window_get_document (self), bk_table_rows_are_markets (table), id, (guint) target, &error))
    {
      bk_window_report_error (self, _("Could not move the row"), error);
      return;
    }
  bk_sheet_view_set_cursor (bk_table_page_get_sheet (self->table_pages[table]), target,
                            bk_sheet_view_get_cursor_column (bk_table_page_get_sheet (self->table_pages[table])));
}

static void
move_row_up_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  move_row (BK_WINDOW (widget), -1);
}

static void
move_row_down_action (GtkWidget  *widget,
                      const char *name,
                      GVariant   *param)
{
  move_row (BK_WINDOW (widget), 1);
}

static void
remove_row_action (GtkWidget  *widget,
                   const char *name,
                   GVariant   *param)
{
  BkWindow *self = BK_WINDOW (widget);
  BkTable table;
  guint row;
  const char *id;
  g_autofree char *row_name = NULL;
  g_autoptr(GError) error = NULL;

  if (!current_row (self, &table, &row, &id) || id == NULL)
    return;
  row_name = g_strdup (bk_workbook_get_row_name (bk_document_get_workbook (bk_window_get_document (self)), table, row));
  if (!bk_document_remove_row (bk_window_get_document (self), bk_table_rows_are_markets (table), id, &error))
    {
      bk_window_report_error (self, _("Could not remove the row"), error);
      return;
    }
  {
    g_autofree char *title = g_strdup_printf (_("“%s” removed"), row_name);

    bk_window_show_undo_toast (self, title);
  }
}

static void
period_action (BkWindow *self,
               gboolean  add,
               gboolean  at_start)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (bk_window_get_document (self) == NULL)
    return;
  ok = add ? bk_document_add_period (bk_window_get_document (self), at_start, &error)
           : bk_document_remove_period (bk_window_get_document (self), at_start, &error);
  if (!ok)
    bk_window_report_error (self, add ? _("Could not add the period") : _("Could not remove the period"), error);
  else if (!add)
    bk_window_show_undo_toast (self, _("Period removed"));
  else
    /* Even an empty period moves the appended years (docs/model.md, "Time") */
    bk_window_show_undo_toast (self, _("Period added: the modelled years after the inputs move one period later, so results change"));
}

static void
add_period_start_action (GtkWidget *widget, const char *name, GVariant *param)
{
  period_action (BK_WINDOW (widget), TRUE, TRUE);
}

static void
add_period_end_action (GtkWidget *widget, const char *name, GVariant *param)
{
  period_action (BK_WINDOW (widget), TRUE, FALSE);
}

static void
remove_period_start_action (GtkWidget *widget, const char *name, GVariant *param)
{
  period_action (BK_WINDOW (widget), FALSE, TRUE);
}

static void
remove_period_end_action (GtkWidget *widget, const char *name, GVariant *param)
{
  period_action (BK_WINDOW (widget), FALSE, FALSE);
}

/* F9, as a spreadsheet recalculates: the Analysis page's simulation,
 * from any page */
static void
simulate_action (GtkWidget *widget, const char *name, GVariant *param)
{
  BkWindow *self = BK_WINDOW (widget);

  if (self->simulation_panel == NULL)
    return;
  bk_window_set_page (self, "analysis");
  bk_simulation_panel_simulate (self->simulation_panel);
}

/* Ctrl+G, as a spreadsheet's Goal Seek: for the scenario on screen */
static void
goal_seek_action (GtkWidget *widget, const char *name, GVariant *param)
{
  BkWindow *self = BK_WINDOW (widget);

  if (bk_window_get_document (self) == NULL)
    return;
  gtk_window_present (GTK_WINDOW (bk_goal_seek_dialog_new (self)));
}

/* Enabling */

void
bk_window_update_actions (BkWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean have = bk_window_get_document (self) != NULL;
  gboolean writable = have && !bk_document_is_read_only (bk_window_get_document (self));
  int table = have ? bk_window_get_current_table (self) : -1;
  const char *page = bk_window_get_page (self);
  gboolean on_table = table >= 0;
  gboolean has_row = FALSE;
  guint n_rows = 0, row = 0;
  gboolean in_scenario = have && self->scenario != BK_SCENARIO_BASE;

  if (on_table)
    {
      BkSheetView *sheet = bk_table_page_get_sheet (self->table_pages[table]);
      int r = bk_sheet_view_get_cursor_row (sheet);

      n_rows = bk_workbook_get_n_rows (bk_document_get_workbook (bk_window_get_document (self)), table);
      has_row = r >= 0 && (guint) r < n_rows;
      row = has_row ? (guint) r : 0;
    }

  gtk_widget_action_set_enabled (widget, "win.save-as", have);
  gtk_widget_action_set_enabled (widget, "win.import-json", TRUE);
  gtk_widget_action_set_enabled (widget, "win.import-csv", writable && on_table);
  gtk_widget_action_set_enabled (widget, "win.export-json", have);
  gtk_widget_action_set_enabled (widget, "win.export-xlsx", have);
  /* Busy while a report is being prepared for either */
  gtk_widget_action_set_enabled (widget, "win.export-report", have && !bk_window_get_report_busy (self));
  gtk_widget_action_set_enabled (widget, "win.print", have && !bk_window_get_report_busy (self));
  gtk_widget_action_set_enabled (widget, "win.export-csv", have && (on_table || g_strcmp0 (page, "results") == 0));
  gtk_widget_action_set_enabled (widget, "win.export-chart", have);
  gtk_widget_action_set_enabled (widget, "win.copy-chart", have);
  gtk_widget_action_set_enabled (widget, "win.add-scenario", writable);
  gtk_widget_action_set_enabled (widget, "win.rename-scenario", writable && in_scenario);
  gtk_widget_action_set_enabled (widget, "win.remove-scenario", writable && in_scenario);
  gtk_widget_action_set_enabled (widget, "win.reset-to-base",
                                 writable && in_scenario && (on_table || g_strcmp0 (page, "assumptions") == 0));
  gtk_widget_action_set_enabled (widget, "win.edit-note", writable && has_row);
  gtk_widget_action_set_enabled (widget, "win.insert-row", writable && on_table);
  gtk_widget_action_set_enabled (widget, "win.rename-row", writable && has_row);
  gtk_widget_action_set_enabled (widget, "win.change-market",
                                 writable && has_row && !bk_table_rows_are_markets (table));
  gtk_widget_action_set_enabled (widget, "win.move-row-up", writable && has_row && row > 0);
  gtk_widget_action_set_enabled (widget, "win.move-row-down", writable && has_row && row + 1 < n_rows);
  gtk_widget_action_set_enabled (widget, "win.remove-row", writable && has_row);
  gtk_widget_action_set_enabled (widget, "win.add-period-start", writable && on_table);
  gtk_widget_action_set_enabled (widget, "win.add-period-end", writable && on_table);
  gtk_widget_action_set_enabled (widget, "win.remove-period-start", writable && on_table);
  gtk_widget_action_set_enabled (widget, "win.remove-period-end", writable && on_table);
  gtk_widget_action_set_enabled (widget, "win.simulate", have);
  gtk_widget_action_set_enabled (widget, "win.goal-seek", have);

}

void
bk_window_update_history (BkWindow *self)
{
  BkDocument *doc = bk_window_get_document (self);
  gboolean writable = doc != NULL && !bk_document_is_read_only (doc);
  g_autofree char *undo = doc ? bk_document_dup_undo_label (doc) : NULL;
  g_autofree char *redo = doc ? bk_document_dup_redo_label (doc) : NULL;
  g_autofree char *undo_tip = NULL;
  g_autofree char *redo_tip = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", writable && bk_document_can_undo (doc));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", writable && bk_document_can_redo (doc));

  /* Name what Undo and Redo would do */
  undo_tip = undo ? g_strdup_printf (_("Undo “%s” (Ctrl+Z)"), undo) : g_strdup (_("Undo (Ctrl+Z)"));
  redo_tip = redo ? g_strdup_printf (_("Redo “%s” (Ctrl+Shift+Z)"), redo) : g_strdup (_("Redo (Ctrl+Shift+Z)"));
  gtk_widget_set_tooltip_text (self->undo_button, undo_tip);
  gtk_widget_set_tooltip_text (self->redo_button, redo_tip);
}

void
bk_window_class_init_actions (BkWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  for (guint i = 0; i < G_N_ELEMENTS (file_actions); i++)
    gtk_widget_class_install_action (widget_class, file_actions[i].action, NULL, file_action);
  gtk_widget_class_install_action (widget_class, "win.export-csv", NULL, export_csv_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.export-chart", "s", export_chart_action);
  gtk_widget_class_install_action (widget_class, "win.copy-chart", "s", copy_chart_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_property_action (widget_class, "win.page", "page");
  gtk_widget_class_install_property_action (widget_class, "win.scenario", "scenario");
  gtk_widget_class_install_action (widget_class, "win.add-scenario", NULL, add_scenario_action);
  gtk_widget_class_install_action (widget_class, "win.rename-scenario", NULL, rename_scenario_action);
  gtk_widget_class_install_action (widget_class, "win.remove-scenario", NULL, remove_scenario_action);
  gtk_widget_class_install_action (widget_class, "win.reset-to-base", NULL, reset_to_base_action);
  gtk_widget_class_install_action (widget_class, "win.edit-note", NULL, edit_note_action);
  gtk_widget_class_install_action (widget_class, "win.insert-row", NULL, insert_row_action);
  gtk_widget_class_install_action (widget_class, "win.rename-row", NULL, rename_row_action);
  gtk_widget_class_install_action (widget_class, "win.change-market", NULL, change_market_action);
  gtk_widget_class_install_action (widget_class, "win.move-row-up", NULL, move_row_up_action);
  gtk_widget_class_install_action (widget_class, "win.move-row-down", NULL, move_row_down_action);
  gtk_widget_class_install_action (widget_class, "win.remove-row", NULL, remove_row_action);
  gtk_widget_class_install_action (widget_class, "win.add-period-start", NULL, add_period_start_action);
  gtk_widget_class_install_action (widget_class, "win.add-period-end", NULL, add_period_end_action);
  gtk_widget_class_install_action (widget_class, "win.remove-period-start", NULL, remove_period_start_action);
  gtk_widget_class_install_action (widget_class, "win.remove-period-end", NULL, remove_period_end_action);
  gtk_widget_class_install_action (widget_class, "win.simulate", NULL, simulate_action);
  gtk_widget_class_install_action (widget_class, "win.goal-seek", NULL, goal_seek_action);
}
