/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-document.h — documents for the fuzz targets that need one */
#pragma once

#include "bk-document.h"

/* A fresh document holding the bundled sample, in the scratch folder.
 * The same path every time: the previous copy is replaced. */
BkDocument  *bk_fuzz_open_sample_copy     (void);

/* Reopens @document's file with a second connection and asserts that it
 * reads back to the same workbook JSON as @document holds in memory. */
void         bk_fuzz_assert_file_matches  (BkDocument *document);

/* Every read-only thing a person can ask of an open document: integrity,
 * results of every scenario, JSON and CSV of every table, warnings,
 * undo labels.  Asserts only that each answers. */
void         bk_fuzz_read_everything      (BkDocument *document);
