/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-test-big-workbook.h — a workbook far larger than the sample, for the
 * scale test and its benchmark */
#pragma once

#include "bk-document.h"

G_BEGIN_DECLS

/* @companies companies in 4 markets over @quarters quarters from 2020,
 * every capex, backlog and share cell filled (seeded, so the same every
 * time) and a growth formula in every tenth capex cell.  Company i is
 * "c0000" + i, named "Company 1" … */
BkWorkbook *bk_test_big_workbook_new      (guint        companies,
                                           guint        quarters);
/* The same, written to a new document at @path */
BkDocument *bk_test_big_document_create   (const char  *path,
                                           guint        companies,
                                           guint        quarters,
                                           GError     **error);

G_END_DECLS
