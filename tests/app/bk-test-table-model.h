/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-test-table-model.h — an in-memory BkTableModel for tests, demos and benchmarks */
#pragma once

#include "bk-table-model.h"

G_BEGIN_DECLS

#define BK_TYPE_TEST_TABLE_MODEL (bk_test_table_model_get_type ())

G_DECLARE_FINAL_TYPE (BkTestTableModel, bk_test_table_model, BK, TEST_TABLE_MODEL, GObject)

/* A table of numbers.  With @filled, every cell starts with a number derived
 * from its position; otherwise all cells are blank.  Cells accept numbers in
 * the C locale, "" (clear) and formulas "=…" where "prev" is the cell to the
 * left (only "=prev", "=prev*K", "=prev+K" and "=K" are evaluated; other
 * formulas show as invalid).  Anything else is refused with an error. */
BkTestTableModel *bk_test_table_model_new            (guint               n_rows,
                                                      guint               n_columns,
                                                      gboolean            filled);

/* Extra flags drawn for a cell (READ_ONLY cells also refuse changes). */
void              bk_test_table_model_set_flags      (BkTestTableModel   *self,
                                                      guint               row,
                                                      guint               column,
                                                      BkTableCellFlags         flags);
void              bk_test_table_model_set_note       (BkTestTableModel   *self,
                                                      guint               row,
                                                      guint               column,
                                                      const char         *note);
void              bk_test_table_model_set_row_name   (BkTestTableModel   *self,
                                                      guint               row,
                                                      const char         *name);
void              bk_test_table_model_set_shape      (BkTestTableModel   *self,
                                                      guint               n_rows,
                                                      guint               n_columns);

/* What the last set_range() call asked for. */
guint             bk_test_table_model_get_n_set_range_calls (BkTestTableModel *self);
void              bk_test_table_model_get_last_range (BkTestTableModel   *self,
                                                      guint              *row,
                                                      guint              *column,
                                                      guint              *n_rows,
                                                      guint              *n_columns);
const char * const *bk_test_table_model_get_last_texts (BkTestTableModel *self);

G_END_DECLS
