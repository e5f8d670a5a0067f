/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-results-table-model.h — the engine's metrics as a read-only BkTableModel:
 * one row per company and a Total row, one column per metric. */
#pragma once

#include <glib-object.h>

#include "bk-document-table-model.h"

G_BEGIN_DECLS

/* The columns, in order */
typedef enum
{
  BK_RESULTS_COLUMN_NPV,
  BK_RESULTS_COLUMN_IRR,
  BK_RESULTS_COLUMN_ROI,
  BK_RESULTS_COLUMN_PAYBACK,
  BK_RESULTS_COLUMN_DISCOUNTED_PAYBACK,
  BK_RESULTS_COLUMN_CAPEX,    /* Σ capex over the M modelled periods */
  BK_RESULTS_COLUMN_REVENUE,  /* Σ revenue over the M modelled periods */
  BK_RESULTS_N_COLUMNS
} BkResultsColumn;

#define BK_TYPE_RESULTS_TABLE_MODEL (bk_results_table_model_get_type ())

G_DECLARE_FINAL_TYPE (BkResultsTableModel, bk_results_table_model, BK, RESULTS_TABLE_MODEL, BkDocumentTableModel)

BkResultsTableModel *bk_results_table_model_new         (BkEngine            *engine);

/* The company of a row, or -1 for the Total row. */
int                  bk_results_table_model_get_company (BkResultsTableModel *self,
                                                         guint                row);

G_END_DECLS
