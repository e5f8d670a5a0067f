/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-series-table-model.h — the engine's series of one company (or the
 * total) as a read-only BkTableModel: one row per BkSeries, one column per
 * modelled period. */
#pragma once

#include <glib-object.h>

#include "bk-document-table-model.h"

G_BEGIN_DECLS

#define BK_TYPE_SERIES_TABLE_MODEL (bk_series_table_model_get_type ())

G_DECLARE_FINAL_TYPE (BkSeriesTableModel, bk_series_table_model, BK, SERIES_TABLE_MODEL, BkDocumentTableModel)

/* Shows the total ("company" -1) until told otherwise. */
BkSeriesTableModel *bk_series_table_model_new         (BkEngine           *engine);

/* A company index, or -1 for the total. */
int                 bk_series_table_model_get_company (BkSeriesTableModel *self);
/* Emits BkTableModel::reset. */
void                bk_series_table_model_set_company (BkSeriesTableModel *self,
                                                       int                 company);

G_END_DECLS
