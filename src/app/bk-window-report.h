/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-window-report.h — the window's exports of the whole model (XLSX
 * workbook, PDF report) and printing the report */
#pragma once

#include <gtk/gtk.h>

#include "bk-report.h"
#include "bk-window.h"

G_BEGIN_DECLS

/* The paper of the locale (GTK's default paper size): letter where that is
 * the custom, else A4 */
BkReportPaper  bk_window_get_report_paper   (void);

/* The report of the window's document in its current scenario, made by
 * bk_report_new_async(): its analyses (the Monte Carlo trials above all)
 * run in a worker thread while the window stays responsive.  Meanwhile
 * the window is busy: Export → Report and Print… are disabled, the
 * pointer shows progress, and another report is refused with
 * G_IO_ERROR_PENDING.  Closing the window cancels it
 * (G_IO_ERROR_CANCELLED).  Export → Report and both ways of printing go
 * through it. */
void           bk_window_report_async       (BkWindow             *self,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
/* Without the window, which may be gone */
BkReport      *bk_window_report_finish      (GAsyncResult         *result,
                                             GError              **error);
gboolean       bk_window_get_report_busy    (BkWindow             *self);

/* What the file choosers of Export → Workbook (XLSX) and Export → Report
 * (PDF) end in, for the window's document in its current scenario; a toast
 * names the file.  For tests too.  The report is written once it is
 * ready (see bk_window_report_async()): this returns TRUE when it is on
 * its way (a failure then is reported by the window), FALSE at once when
 * there is no document, the report is busy or the folder is missing. */
gboolean       bk_window_export_xlsx_path   (BkWindow      *self,
                                             const char    *path,
                                             GError       **error);
gboolean       bk_window_export_report_path (BkWindow      *self,
                                             const char    *path,
                                             GError       **error);

/* A print operation for the report's pages, drawn by bk_report_draw_page()
 * on the whole paper the operation chose (the report keeps its own
 * margins).  The operation holds a reference to @report. */
GtkPrintOperation *bk_report_print_operation_new (BkReport *report);

/* win.print: the print dialog (with GTK's preview) for the report of the
 * window's document in its current scenario */
void           bk_window_print              (BkWindow      *self);
/* The same operation run with GTK_PRINT_OPERATION_ACTION_EXPORT into the
 * PDF file @path: no dialog.  For tests.  As bk_window_export_report_path(),
 * it prints once the report is ready. */
gboolean       bk_window_print_to_file      (BkWindow      *self,
                                             const char    *path,
                                             GError       **error);

G_END_DECLS
