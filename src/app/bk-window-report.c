/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-window-report.c — the whole model out of the window: Export →
 * Workbook (XLSX), Export → Report (PDF) and Print…, the report's pages
 * through GtkPrintOperation (which goes through the print portal in the
 * Flatpak and offers GTK's preview) */

#include "config.h"

#include <glib/gi18n.h>

#include "bk-window-private.h"
#include "bk-window-report.h"

BkReportPaper
bk_window_get_report_paper (void)
{
  g_autoptr(GtkPaperSize) paper = gtk_paper_size_new (NULL);

  return g_str_has_prefix (gtk_paper_size_get_name (paper), "na_letter")
         ? BK_REPORT_PAPER_LETTER : BK_REPORT_PAPER_A4;
}

gboolean
bk_window_export_xlsx_path (BkWindow    *self,
                            const char  *path,
                            GError     **error)
{
  g_return_val_if_fail (BK_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!bk_session_export_xlsx (self->session, self->scenario, path, error))
    return FALSE;
  bk_window_toast_exported (self, path);
  return TRUE;
}

gboolean
bk_window_export_report_path (BkWindow    *self,
                              const char  *path,
                              GError     **error)
{
  g_return_val_if_fail (BK_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!bk_session_export_report (self->session, self->scenario, bk_window_get_report_paper (), path, error))
    return FALSE;
  bk_window_toast_exported (self, path);
  return TRUE;
}

/* Printing */

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                BkReport          *report)
{
  bk_report_set_page_size (report, gtk_print_context_get_width (context),
                           gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, (int) bk_report_get_n_pages (report));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              BkReport          *report)
{
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);

  bk_report_set_page_size (report, width, height);
  if (page >= 0 && (guint) page < bk_report_get_n_pages (report))
    bk_report_draw_page (report, gtk_print_context_get_cairo_context (context), (guint) page, width, height);
}

GtkPrintOperation *
bk_report_print_operation_new (BkReport *report)
{
  GtkPrintOperation *operation;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = NULL;

  g_return_val_if_fail (BK_IS_REPORT (report), NULL);

  /* The locale's paper to start with; the dialog may change it */
  paper = gtk_paper_size_new (bk_window_get_report_paper () == BK_REPORT_PAPER_LETTER
                              ? GTK_PAPER_NAME_LETTER : GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size_and_default_margins (setup, paper);

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_job_name (operation, bk_report_get_title (report));
  /* Points on the whole sheet: the report draws its own margins */
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_n_pages (operation, (int) bk_report_get_n_pages (report));
  gtk_print_operation_set_embed_page_setup (operation, TRUE);

  g_signal_connect_data (operation, "begin-print", G_CALLBACK (begin_print_cb),
                         g_object_ref (report), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (draw_page_cb),
                         g_object_ref (report), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  return operation;
}

static BkReport *
window_report (BkWindow  *self,
               GError   **error)
{
  BkDocument *document = bk_window_get_document (self);

  if (document == NULL)
    {
      g_set_error_literal (error, BK_ERROR, BK_ERROR_NOTHING_TO_DO, _("There is no document to print"));
      return NULL;
    }
  return bk_report_new (bk_document_get_workbook (document), self->scenario);
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               BkWindow                *self)
{
  g_autoptr(GError) error = NULL;

  if (result != GTK_PRINT_OPERATION_RESULT_ERROR)
    return;
  gtk_print_operation_get_error (operation, &error);
  bk_window_report_error (self, _("Could not print the report"), error);
}

void
bk_window_print (BkWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BkReport) report = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;

  g_return_if_fail (BK_IS_WINDOW (self));

  report = window_report (self, &error);
  if (report == NULL)
    {
      bk_window_report_error (self, _("Could not print the report"), error);
      return;
    }

  operation = bk_report_print_operation_new (report);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    bk_window_report_error (self, _("Could not print the report"), error);
}

gboolean
bk_window_print_to_file (BkWindow    *self,
                         const char  *path,
                         GError     **error)
{
  g_autoptr(BkReport) report = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  GtkPrintOperationResult result;

  g_return_val_if_fail (BK_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  report = window_report (self, error);
  if (report == NULL)
    return FALSE;

  operation = bk_report_print_operation_new (report);
  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, GTK_WINDOW (self), error);
  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}
