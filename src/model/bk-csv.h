/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-csv.h — one input table as CSV (FORMATS.md section 4) */
#pragma once

#include "bk-document.h"
#include "bk-workbook.h"

G_BEGIN_DECLS

/* RFC 4180 text of the base values of @table: a header
 * `id,name,<period labels…>`, then one row per company (per market for
 * tokens), values in the table's canonical unit (share as a fraction) in the
 * shortest form that reads back exactly, blank for a blank or invalid cell.
 * Lines end in CRLF. */
char     *bk_csv_write_table  (BkWorkbook   *workbook,
                               BkTable       table);

/* Reads CSV text for @table and sets its cells in @scenario.  Everything is
 * checked before anything changes; the error names the first problem, like
 * `line 4, column 2025: …`.  Columns may be any subset of the workbook's
 * periods in any order, rows any subset of the table's rows.  The change is
 * one bk_document_set_cells() call, so one undo step, whenever the cells
 * that are not mentioned can be written back as they are (always in the
 * base; in a scenario only cells it already overrides). */
gboolean  bk_csv_import_table (BkDocument   *document,
                               guint         scenario,
                               BkTable       table,
                               const char   *data,
                               gssize        length,
                               GError      **error);

G_END_DECLS
