/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-xlsx.h — the whole model as an XLSX workbook with live formulas
 * (docs/xlsx.md describes the layout) */
#pragma once

#include "bk-workbook.h"

G_BEGIN_DECLS

/* Writes @workbook as seen in @scenario to @path: the four input tables,
 * the assumptions, one model sheet per company and the results, as Excel
 * formulas that recalculate to the engine's numbers, or, with
 * @values_only, as the engine's values.  Sheet titles and labels are in
 * the user's language.  The file is written to a temporary file beside
 * @path and renamed on success: on failure nothing is left behind.
 * Fails with BK_ERROR_OUT_OF_RANGE when the workbook does not fit in a
 * sheet (16,384 columns, 1,048,576 rows) and BK_ERROR_IO when the file
 * cannot be written. */
gboolean  bk_xlsx_export  (BkWorkbook  *workbook,
                           guint        scenario,
                           gboolean     values_only,
                           const char  *path,
                           GError     **error);

G_END_DECLS
