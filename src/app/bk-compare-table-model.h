/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-compare-table-model.h — a scenario comparison as a read-only
 * BkTableModel: a row per metric and company (and the total), a column
 * per scenario, then each scenario's difference against Base */

#pragma once

#include "bk-compare.h"
#include "bk-table-model.h"

G_BEGIN_DECLS

#define BK_TYPE_COMPARE_TABLE_MODEL (bk_compare_table_model_get_type ())
G_DECLARE_FINAL_TYPE (BkCompareTableModel, bk_compare_table_model, BK, COMPARE_TABLE_MODEL, GObject)

BkCompareTableModel *bk_compare_table_model_new  (void);

/* Shows @comparison (taken over; NULL: nothing) of @workbook, whose names
 * the headers use.  Announces changed cells, or a reset when the shape
 * changed. */
void                 bk_compare_table_model_set  (BkCompareTableModel *self,
                                                  BkWorkbook          *workbook,
                                                  BkComparison        *comparison);

BkComparison        *bk_compare_table_model_get_comparison (BkCompareTableModel *self);

G_END_DECLS
