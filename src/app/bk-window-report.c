/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-window-report.c — the whole model out of the window: Export →
 * Workbook (XLSX), Export → Report (PDF) and Print…, the report's pages
 * through GtkPrintOperation (which goes through the print portal in the
 * Flatpak and offers GTK's preview); the report is prepared off the main
 * thread for all three */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>

#include "bk-file-write.h"

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

/* Preparing the report: the one path of Export → Report, Print… and
 * printing to a file.  bk_report_new_async() runs the analyses (10,000
 * Monte Carlo trials above all) in a worker thread; meanwhile the window
 * keeps drawing and answering, both actions are disabled and the pointer
 * shows progress.  Closing the window cancels it. */

gboolean
bk_window_get_report_busy (BkWindow *self)
{
  g_return_val_if_fail (BK_IS_WINDOW (self), FALSE);

  return self->report_cancellable != NULL;
}

void
bk_window_cancel_report (BkWindow *self)
{
  g_assert (BK_IS_WINDOW (self));

  if (self->report_cancellable != NULL)
    g_cancellable_cancel (self->report_cancellable);
}

static void
set_report_busy (BkWindow     *self,
                 GCancellable *cancellable)
{
  g_set_object (&self->report_cancellable, cancellable);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), cancellable != NULL ? "progress" : NULL);
  bk_window_update_actions (self);
}

/* The window asking, weakly: the preparation must not keep a closed
 * window alive, or it would never be disposed and cancel it */
typedef struct
{
  GWeakRef      window;
  GCancellable *cancellable;
} Preparation;

static void
preparation_free (Preparation *preparation)
{
  g_weak_ref_clear (&preparation->window);
  g_clear_object (&preparation->cancellable);
  g_free (preparation);
}

static void
report_ready_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Preparation *preparation = g_task_get_task_data (task);
  g_autoptr(BkWindow) self = g_weak_ref_get (&preparation->window);
  GError *error = NULL;
  BkReport *report = bk_report_new_finish (result, &error);

  /* Cancelled: the window is closing, its widgets are left alone */
  if (self != NULL && self->report_cancellable == preparation->cancellable)
    {
      if (g_cancellable_is_cancelled (preparation->cancellable))
        g_clear_object (&self->report_cancellable);
      else
        set_report_busy (self, NULL);
    }

  if (report == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, report, g_object_unref);
}

void
bk_window_report_async (BkWindow            *self,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  Preparation *preparation;
  BkDocument *document;
  GTask *task;

  g_return_if_fail (BK_IS_WINDOW (self));

  task = g_task_new (NULL, NULL, callback, user_data);
  g_task_set_source_tag (task, bk_window_report_async);
  document = bk_window_get_document (self);
  if (document == NULL)
    {
      g_task_return_new_error (task, BK_ERROR, BK_ERROR_NOTHING_TO_DO, _("There is no document to export"));
      g_object_unref (task);
      return;
    }
  if (bk_window_get_report_busy (self))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING,
                               _("The report is still being prepared"));
      g_object_unref (task);
      return;
    }

  preparation = g_new0 (Preparation, 1);
  g_weak_ref_init (&preparation->window, self);
  preparation->cancellable = g_cancellable_new ();
  g_task_set_task_data (task, preparation, (GDestroyNotify) preparation_free);
  set_report_busy (self, preparation->cancellable);
  bk_report_new_async (bk_document_get_workbook (document), self->scenario,
                       BK_REPORT_DEFAULT_TRIALS, BK_REPORT_DEFAULT_SEED,
                       preparation->cancellable, report_ready_cb, task);
}

BkReport *
bk_window_report_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == bk_window_report_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* What to do with the report once it is ready */
typedef enum
{
  REPORT_EXPORT,
  REPORT_PRINT,
  REPORT_PRINT_TO_FILE,
} ReportUse;

typedef struct
{
  GWeakRef       window;
  ReportUse      use;
  char          *path;    /* REPORT_EXPORT, REPORT_PRINT_TO_FILE */
  BkReportPaper  paper;   /* REPORT_EXPORT: the locale's when asked */
} ReportRequest;

static void
report_request_free (ReportRequest *request)
{
  g_weak_ref_clear (&request->window);
  g_free (request->path);
  g_free (request);
}

static void print_report (BkWindow      *self,
                          BkReport      *report,
                          ReportRequest *request);

static void
use_report_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  ReportRequest *request = user_data;
  g_autoptr(BkWindow) self = g_weak_ref_get (&request->window);
  g_autoptr(GError) error = NULL;
  g_autoptr(BkReport) report = bk_window_report_finish (result, &error);
  const char *failure = request->use == REPORT_EXPORT ? _("Could not export the report")
                                                      : _("Could not print the report");

  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    ;  /* the window closed */
  else if (report == NULL)
    bk_window_report_error (self, failure, error);
  else if (request->use == REPORT_EXPORT)
    {
      if (bk_report_save_pdf (report, request->paper, request->path, &error))
        bk_window_toast_exported (self, request->path);
      else
        bk_window_report_error (self, failure, error);
    }
  else
    print_report (self, report, request);

  report_request_free (request);
}

static gboolean
start_report (BkWindow      *self,
              ReportUse      use,
              const char    *path,
              GError       **error)
{
  ReportRequest *request;

  if (bk_window_get_document (self) == NULL)
    {
      g_set_error_literal (error, BK_ERROR, BK_ERROR_NOTHING_TO_DO,
                           use == REPORT_EXPORT ? _("There is no document to export")
                                                : _("There is no document to print"));
      return FALSE;
    }
  if (bk_window_get_report_busy (self))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PENDING, _("The report is still being prepared"));
      return FALSE;
    }
  /* Said now rather than after the trials */
  if (path != NULL)
    {
      g_autofree char *folder = g_path_get_dirname (path);

      if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
        {
          bk_file_set_write_error (error, path, ENOENT);
          return FALSE;
        }
    }

  request = g_new0 (ReportRequest, 1);
  g_weak_ref_init (&request->window, self);
  request->use = use;
  request->path = g_strdup (path);
  request->paper = bk_window_get_report_paper ();
  bk_window_report_async (self, use_report_cb, request);
  return TRUE;
}

gboolean
bk_window_export_report_path (BkWindow    *self,
                              const char  *path,
                              GError     **error)
{
  g_return_val_if_fail (BK_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return start_report (self, REPORT_EXPORT, path, error);
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

static void
print_report (BkWindow      *self,
              BkReport      *report,
              ReportRequest *request)
{
  g_autoptr(GtkPrintOperation) operation = bk_report_print_operation_new (report);
  g_autoptr(GError) error = NULL;
  GtkPrintOperationAction action = GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG;

  if (request->use == REPORT_PRINT_TO_FILE)
    {
      gtk_print_operation_set_export_filename (operation, request->path);
      action = GTK_PRINT_OPERATION_ACTION_EXPORT;
    }
  else
    {
      gtk_print_operation_set_allow_async (operation, TRUE);
      g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);
    }
  if (gtk_print_operation_run (operation, action, GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    bk_window_report_error (self, _("Could not print the report"), error);
}

void
bk_window_print (BkWindow *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (BK_IS_WINDOW (self));

  if (!start_report (self, REPORT_PRINT, NULL, &error))
    bk_window_report_error (self, _("Could not print the report"), error);
}

gboolean
bk_window_print_to_file (BkWindow    *self,
                         const char  *path,
                         GError     **error)
{
  g_return_val_if_fail (BK_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return start_report (self, REPORT_PRINT_TO_FILE, path, error);
}
