/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-table-page.h — one page of the window: a formula bar over a sheet, and
 * a chart (or anything else) beside it */
#pragma once

#include <gtk/gtk.h>

#include "bk-sheet-view.h"

G_BEGIN_DECLS

#define BK_TYPE_TABLE_PAGE (bk_table_page_get_type ())

G_DECLARE_FINAL_TYPE (BkTablePage, bk_table_page, BK, TABLE_PAGE, GtkWidget)

GtkWidget    *bk_table_page_new              (void);
BkSheetView  *bk_table_page_get_sheet        (BkTablePage  *self);
BkTableModel *bk_table_page_get_model        (BkTablePage  *self);
void          bk_table_page_set_model        (BkTablePage  *self,
                                              BkTableModel *model);
/* What the numbers are in, shown at the end of the formula bar. */
void          bk_table_page_set_unit         (BkTablePage  *self,
                                              const char   *unit);
/* What the formula bar says when the cell is blank. */
void          bk_table_page_set_placeholder  (BkTablePage  *self,
                                              const char   *text);
/* The widget beside the sheet (the table's chart); NULL for none. */
void          bk_table_page_set_side         (BkTablePage  *self,
                                              GtkWidget    *side);
/* Shows why an edit was refused, over the foot of the sheet, until it no
 * longer applies: Escape, a successful edit or paste, a cursor move, another
 * scenario. */
void          bk_table_page_show_error       (BkTablePage  *self,
                                              const char   *message);
const char   *bk_table_page_get_error        (BkTablePage  *self);
/* For tests: the formula bar's parts. */
const char   *bk_table_page_get_address      (BkTablePage  *self);
GtkEditable  *bk_table_page_get_formula_entry (BkTablePage *self);
const char   *bk_table_page_get_note         (BkTablePage  *self);
/* The table's warning shown in the formula bar (shares past 100 %), or NULL */
const char   *bk_table_page_get_warning      (BkTablePage  *self);

/* The divider between the sheet and its chart */
GtkPaned     *bk_table_page_get_paned          (BkTablePage  *self);

G_END_DECLS
