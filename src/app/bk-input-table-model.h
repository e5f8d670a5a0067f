/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-input-table-model.h — one input table of a document as a BkTableModel */
#pragma once

#include <glib-object.h>

#include "bk-document-table-model.h"

G_BEGIN_DECLS

#define BK_TYPE_INPUT_TABLE_MODEL (bk_input_table_model_get_type ())

G_DECLARE_FINAL_TYPE (BkInputTableModel, bk_input_table_model, BK, INPUT_TABLE_MODEL, BkDocumentTableModel)

/* Rows are the table's companies (markets for tokens), columns the input
 * periods.  Shows and edits @table as the scenario of the base class
 * (bk_document_table_model_set_scenario()) sees it; edits in a scenario
 * other than the base become its overrides. */
BkInputTableModel *bk_input_table_model_new              (BkDocument        *document,
                                                          BkTable            table);

BkTable            bk_input_table_model_get_table        (BkInputTableModel *self);

/* "Reset to Base": removes the scenario's overrides in a block, one action. */
gboolean           bk_input_table_model_reset_range      (BkInputTableModel *self,
                                                          guint              row,
                                                          guint              column,
                                                          guint              n_rows,
                                                          guint              n_columns,
                                                          GError           **error);

/* "Microsoft · 2024", for the formula bar. */
char              *bk_input_table_model_dup_cell_address (BkInputTableModel *self,
                                                          guint              row,
                                                          guint              column);

G_END_DECLS
