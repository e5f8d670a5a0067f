/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-json.h — workbook JSON (import/export) and results JSON (FORMATS.md) */
#pragma once

#include "bk-results.h"
#include "bk-workbook.h"

G_BEGIN_DECLS

/* Reads and validates a whole workbook.  Nothing is returned unless every
 * field is valid; the error names the JSON path of the first problem, e.g.
 * "series.share.baba[2]: 1.7 is not a fraction between 0 and 1". */
BkWorkbook *bk_json_read_workbook      (const char  *data,
                                        gssize       length,
                                        GError     **error);
BkWorkbook *bk_json_read_workbook_file (const char  *path,
                                        GError     **error);

/* The bundled sample workbook (compiled into the programs). */
BkWorkbook *bk_json_read_sample        (GError     **error);

/* Every field, numbers in the shortest form that reads back exactly. */
char       *bk_json_write_workbook     (BkWorkbook  *workbook);

/* Results JSON for the scenario the results were computed for. */
char       *bk_json_write_results      (BkWorkbook  *workbook,
                                        BkResults   *results);

/* For other JSON writers: a number in the shortest form that reads back
 * exactly (null when not finite), a string quoted and escaped. */
void        bk_json_append_number      (GString     *out,
                                        double       value);
void        bk_json_append_string      (GString     *out,
                                        const char  *str);

G_END_DECLS
