/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-assumptions-table-model.h — the driver assumptions of a document as a
 * BkTableModel: one row per assumption, column 0 for all companies (the
 * workbook level), then one column per company. */
#pragma once

#include <glib-object.h>

#include "bk-document-table-model.h"

G_BEGIN_DECLS

#define BK_TYPE_ASSUMPTIONS_TABLE_MODEL (bk_assumptions_table_model_get_type ())

G_DECLARE_FINAL_TYPE (BkAssumptionsTableModel, bk_assumptions_table_model, BK, ASSUMPTIONS_TABLE_MODEL, BkDocumentTableModel)

BkAssumptionsTableModel *bk_assumptions_table_model_new          (BkDocument              *document);

/* The assumption of a row, and the company of a column (-1: all companies). */
BkAssumption             bk_assumptions_table_model_get_assumption (BkAssumptionsTableModel *self,
                                                                    guint                    row);
int                      bk_assumptions_table_model_get_company  (BkAssumptionsTableModel *self,
                                                                  guint                    column);

/* Removes the values the scenario's layer sets in a block, so that the
 * cells inherit again (in a scenario: "Reset to Base").  One action. */
gboolean                 bk_assumptions_table_model_reset_range  (BkAssumptionsTableModel *self,
                                                                  guint                    row,
                                                                  guint                    column,
                                                                  guint                    n_rows,
                                                                  guint                    n_columns,
                                                                  GError                 **error);

G_END_DECLS
