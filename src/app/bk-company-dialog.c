/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-company-dialog.c — asking for a new company's name and market, or
 * for a company's new market
 *
 * An AdwMessageDialog with a boxed list: a name row (when adding) and a
 * market row.  The dialog only watches its window (a weak pointer), so an
 * open dialog never keeps a closed window alive; it goes with its window. */
#include "config.h"

#include <glib/gi18n.h>

#include "bk-chart-slots.h"
#include "bk-company-dialog.h"

typedef struct
{
  BkWindow    *window;   /* weak */
  BkSheetView *sheet;    /* weak; adding only */
  GtkWidget   *dialog;
  GtkWidget   *name_row; /* NULL: changing the market */
  GtkWidget   *market_row;
  GtkWidget   *problem;
  char        *id;       /* the company whose market changes */
  guint        position;
} Request;

static void
request_free (Request *request)
{
  g_clear_weak_pointer (&request->window);
  g_clear_weak_pointer (&request->sheet);
  g_free (request->id);
  g_free (request);
}

static BkWorkbook *
request_workbook (Request *request)
{
  BkDocument *document = request->window ? bk_window_get_document (request->window) : NULL;

  return document != NULL ? bk_document_get_workbook (document) : NULL;
}

/* "CoreWeave Inc." → "coreweave-inc"; "company" when nothing is left */
static char *
id_stem (const char *name)
{
  GString *stem = g_string_new (NULL);

  for (const char *p = name; *p != '\0' && stem->len < 40; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (stem, g_ascii_tolower (*p));
    else if (stem->len > 0 && stem->str[stem->len - 1] != '-')
      g_string_append_c (stem, '-');
  while (stem->len > 0 && stem->str[stem->len - 1] == '-')
    g_string_truncate (stem, stem->len - 1);
  if (stem->len == 0)
    g_string_append (stem, "company");
  return g_string_free (stem, FALSE);
}

/* The name, trimmed */
static char *
request_name (Request *request)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (request->name_row))));
}

static gboolean
name_is_taken (BkWorkbook *wb,
               const char *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);

  for (guint c = 0; c < bk_workbook_get_n_companies (wb); c++)
    {
      g_autofree char *other = g_utf8_casefold (bk_workbook_get_company_name (wb, c), -1);

      if (g_strcmp0 (folded, other) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
validate (Request *request)
{
  BkWorkbook *wb = request_workbook (request);
  const char *problem = NULL;

  if (request->name_row != NULL && wb != NULL)
    {
      g_autofree char *name = request_name (request);

      if (*name == '\0')
        problem = "";
      else if (name_is_taken (wb, name))
        problem = _("A company with this name exists already");
    }
  if (wb == NULL)
    problem = "";

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (request->dialog), "apply", problem == NULL);
  gtk_label_set_text (GTK_LABEL (request->problem), problem ? problem : "");
  gtk_widget_set_visible (request->problem, problem != NULL && *problem != '\0');
  if (request->name_row != NULL)
    {
      if (problem != NULL && *problem != '\0')
        gtk_widget_add_css_class (request->name_row, "error");
      else
        gtk_widget_remove_css_class (request->name_row, "error");
    }
}

static void
apply (Request *request)
{
  BkWorkbook *wb = request_workbook (request);
  BkDocument *document;
  guint market = adw_combo_row_get_selected (ADW_COMBO_ROW (request->market_row));
  const char *market_id;
  g_autoptr(GError) error = NULL;

  if (wb == NULL || market >= bk_workbook_get_n_markets (wb))
    return;
  document = bk_window_get_document (request->window);
  market_id = bk_workbook_get_market_id (wb, market);

  if (request->name_row == NULL)
    {
      int company = bk_workbook_find_company (wb, request->id);

      /* The company went while the dialog was open, or stays where it is */
      if (company < 0 || bk_workbook_get_company_market (wb, (guint) company) == market)
        return;
      if (!bk_document_set_company_market (document, request->id, market_id, &error))
        bk_window_show_error (request->window, _("Could not change the market"), error->message);
      return;
    }

  {
    g_autofree char *name = request_name (request);
    g_autofree char *stem = id_stem (name);
    guint n = bk_workbook_get_n_companies (wb);
    g_autofree const char **ids = g_new0 (const char *, MAX (n, 1));
    g_autofree char *id = NULL;

    for (guint c = 0; c < n; c++)
      ids[c] = bk_workbook_get_company_id (wb, c);
    /* An id whose colour is free: adding it recolours no one */
    id = bk_chart_slots_choose_id (ids, n, stem);
    if (!bk_document_add_company (document, id, name, market_id, request->position, &error))
      {
        bk_window_show_error (request->window, _("Could not add the company"), error->message);
        return;
      }
    if (request->sheet != NULL)
      bk_sheet_view_set_cursor (request->sheet, bk_workbook_find_company (wb, id), 0);
  }
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             Request          *request)
{
  if (g_str_equal (response, "apply") && request->window != NULL)
    apply (request);
}

/* Enter in the name: the default response, and the dialog closes */
static void
activated_cb (Request *request)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (request->dialog);

  if (!adw_message_dialog_get_response_enabled (dialog, "apply"))
    return;
  adw_message_dialog_response (dialog, "apply");
  gtk_window_close (GTK_WINDOW (dialog));
}

static void
present (BkWindow    *window,
         BkSheetView *sheet,
         const char  *heading,
         const char  *apply_label,
         gboolean     with_name,
         guint        market,
         const char  *id,
         guint        position)
{
  BkWorkbook *wb = bk_document_get_workbook (bk_window_get_document (window));
  Request *request = g_new0 (Request, 1);
  g_autoptr(GtkStringList) markets = gtk_string_list_new (NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *list = gtk_list_box_new ();

  g_set_weak_pointer (&request->window, window);
  g_set_weak_pointer (&request->sheet, sheet);
  request->id = g_strdup (id);
  request->position = position;
  request->dialog = adw_message_dialog_new (GTK_WINDOW (window), heading,
                                            _("A company belongs to one market: its share is a share of that market’s token demand."));

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  if (with_name)
    {
      request->name_row = adw_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (request->name_row), _("Name"));
      g_signal_connect_swapped (request->name_row, "changed", G_CALLBACK (validate), request);
      g_signal_connect_swapped (request->name_row, "entry-activated", G_CALLBACK (activated_cb), request);
      gtk_list_box_append (GTK_LIST_BOX (list), request->name_row);
    }
  for (guint m = 0; m < bk_workbook_get_n_markets (wb); m++)
    gtk_string_list_append (markets, bk_workbook_get_market_name (wb, m));
  request->market_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (request->market_row), _("Market"));
  adw_combo_row_set_model (ADW_COMBO_ROW (request->market_row), G_LIST_MODEL (markets));
  adw_combo_row_set_selected (ADW_COMBO_ROW (request->market_row),
                              MIN (market, bk_workbook_get_n_markets (wb) - 1));
  gtk_list_box_append (GTK_LIST_BOX (list), request->market_row);
  gtk_box_append (GTK_BOX (box), list);

  request->problem = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (request->problem), TRUE);
  gtk_label_set_xalign (GTK_LABEL (request->problem), 0);
  gtk_widget_add_css_class (request->problem, "error");
  gtk_widget_set_visible (request->problem, FALSE);
  gtk_box_append (GTK_BOX (box), request->problem);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (request->dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (request->dialog),
                                    "cancel", _("_Cancel"),
                                    "apply", apply_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (request->dialog), "apply", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (request->dialog), "apply");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (request->dialog), "cancel");
  g_signal_connect (request->dialog, "response", G_CALLBACK (response_cb), request);
  g_object_set_data_full (G_OBJECT (request->dialog), "bk-company-request", request, (GDestroyNotify) request_free);
  validate (request);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (request->dialog), TRUE);
  gtk_window_present (GTK_WINDOW (request->dialog));
  if (request->name_row != NULL)
    gtk_widget_grab_focus (request->name_row);
  else
    gtk_widget_grab_focus (request->market_row);
}

void
bk_company_dialog_add (BkWindow    *window,
                       BkSheetView *sheet,
                       guint        position,
                       guint        market)
{
  g_return_if_fail (BK_IS_WINDOW (window));
  g_return_if_fail (sheet == NULL || BK_IS_SHEET_VIEW (sheet));
  g_return_if_fail (bk_window_get_document (window) != NULL);

  present (window, sheet, _("Add Company"), _("_Add"), TRUE, market, NULL, position);
}

void
bk_company_dialog_change_market (BkWindow   *window,
                                 const char *id)
{
  BkWorkbook *wb;
  int company;
  g_autofree char *heading = NULL;

  g_return_if_fail (BK_IS_WINDOW (window));
  g_return_if_fail (id != NULL);
  g_return_if_fail (bk_window_get_document (window) != NULL);

  wb = bk_document_get_workbook (bk_window_get_document (window));
  company = bk_workbook_find_company (wb, id);
  g_return_if_fail (company >= 0);

  /* Translators: a dialog's heading, with the company's name */
  heading = g_strdup_printf (_("Market of %s"), bk_workbook_get_company_name (wb, (guint) company));
  present (window, NULL, heading, _("_Move"), FALSE,
           bk_workbook_get_company_market (wb, (guint) company), id, 0);
}
