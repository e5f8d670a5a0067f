/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-report.h — the PDF report of a workbook: pages laid out for a page
 * size and drawn with cairo and pango, for a PDF file or a printer
 *
 * The report holds the workbook's title, date and scenario, the key
 * figures, the scenario comparison, the analyses (tornado, breakeven map
 * and, when a driver is uncertain, Monte Carlo), every chart of the
 * window, the input
 * tables, the assumptions in effect and the cell notes as numbered
 * sources.  Tables break between rows, never inside one, and repeat their
 * header row on each page.  Text is real text (pango), charts are vectors
 * (bk_chart_render()). */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "bk-monte-carlo.h"
#include "bk-workbook.h"

G_BEGIN_DECLS

typedef enum
{
  BK_REPORT_PAPER_A4,      /* 595 × 842 pt */
  BK_REPORT_PAPER_LETTER,  /* 612 × 792 pt */
} BkReportPaper;

/* The margin around the page's content, in points; the header and the page
 * number are drawn inside it. */
#define BK_REPORT_MARGIN 54.0

/* "a4", "letter" (any case) */
gboolean  bk_report_paper_from_string (const char     *name,
                                       BkReportPaper  *paper);
/* In points */
void      bk_report_paper_get_size    (BkReportPaper   paper,
                                       double         *width,
                                       double         *height);

/* The Monte Carlo simulation of a report, unless told otherwise: fixed, so
 * that a workbook always gives the same report (the seed is also
 * `breakeven-cli simulate`'s default) */
#define BK_REPORT_DEFAULT_TRIALS 10000
#define BK_REPORT_DEFAULT_SEED   0

#define BK_TYPE_REPORT (bk_report_get_type ())

G_DECLARE_FINAL_TYPE (BkReport, bk_report, BK, REPORT, GObject)

/* The report of @workbook in @scenario as it is now (a later change to the
 * workbook is not followed), laid out for A4.  Strings are translated when
 * it is made. */
BkReport   *bk_report_new             (BkWorkbook    *workbook,
                                       guint          scenario);
/* The same with its simulation (when the workbook has uncertainties) run
 * for @trials trials (1 … BK_MONTE_CARLO_MAX_TRIALS) from @seed */
BkReport   *bk_report_new_full        (BkWorkbook    *workbook,
                                       guint          scenario,
                                       guint          trials,
                                       guint64        seed);
/* bk_report_new_full() with its analyses (the tornado, the breakeven map
 * and the Monte Carlo trials, which take the time) run in a worker
 * thread: what needs the workbook is read now, on the calling thread (the
 * workbook may change while the worker runs, the analyses do not follow),
 * and @callback is called on the calling thread's main context.  Call
 * bk_report_new_finish() there, on the same thread: the report lays its
 * pages out then.  Cancelling @cancellable ends it with
 * G_IO_ERROR_CANCELLED, within one chunk of Monte Carlo trials. */
void        bk_report_new_async       (BkWorkbook          *workbook,
                                       guint                scenario,
                                       guint                trials,
                                       guint64              seed,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
BkReport   *bk_report_new_finish      (GAsyncResult        *result,
                                       GError             **error);
/* The report's Monte Carlo simulation, or NULL when it has none (no
 * uncertain driver, or no company) */
const BkMonteCarloResult *bk_report_get_simulation (BkReport *report);
/* Lays the pages out again for @width × @height points (the paper, the
 * margins are BK_REPORT_MARGIN), unless they already are. */
void        bk_report_set_page_size   (BkReport      *report,
                                       double         width,
                                       double         height);
guint       bk_report_get_n_pages     (BkReport      *report);
/* Draws page @page (from 0) into (0, 0, @width, @height) of @cr's user
 * space, in points; lays the report out for that size first if needed. */
void        bk_report_draw_page       (BkReport      *report,
                                       cairo_t       *cr,
                                       guint          page,
                                       double         width,
                                       double         height);
/* The document title, for the PDF's metadata and a print job */
const char *bk_report_get_title       (BkReport      *report);

/* Where each table row was laid out: @row is G_MAXUINT for a header row. */
typedef struct
{
  guint  table;   /* the report's tables in order, from 0 */
  guint  row;
  guint  page;
  double top;     /* points from the top of the page */
  double bottom;
} BkReportRowPlacement;

/* The placements of the last layout, in page order: of BkReportRowPlacement */
GArray     *bk_report_get_row_placements (BkReport   *report);
guint       bk_report_get_n_tables    (BkReport      *report);
guint       bk_report_get_table_n_rows (BkReport     *report,
                                       guint          table);
/* In points, as laid out last */
double      bk_report_get_table_width (BkReport      *report,
                                       guint          table);

/* Writes @report on @paper to @path as PDF, through a temporary file
 * beside it that is renamed over it: a failure leaves no file behind.  A
 * write that fails does so in the G_FILE_ERROR domain with a message that
 * names @path and says why (bk_file_set_write_error()), never the
 * temporary file. */
gboolean    bk_report_save_pdf        (BkReport      *report,
                                       BkReportPaper  paper,
                                       const char    *path,
                                       GError       **error);
/* bk_report_new() and bk_report_save_pdf() */
gboolean    bk_report_write_pdf       (BkWorkbook    *workbook,
                                       guint          scenario,
                                       BkReportPaper  paper,
                                       const char    *path,
                                       GError       **error);

G_END_DECLS
