/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-document-table-model.h — the base of the table models that show a
 * document (or the engine following it): the document, the engine, the
 * workbook, the scenario shown and the news from the workbook and the engine */
#pragma once

#include <glib-object.h>

#include "bk-document.h"
#include "bk-engine.h"
#include "bk-table-model.h"

G_BEGIN_DECLS

#define BK_TYPE_DOCUMENT_TABLE_MODEL (bk_document_table_model_get_type ())

G_DECLARE_DERIVABLE_TYPE (BkDocumentTableModel, bk_document_table_model, BK, DOCUMENT_TABLE_MODEL, GObject)

/*
 * A subclass is built with "document" (input tables) or "engine" (results),
 * or both, and implements BkTableModel.  The base follows the workbook's
 * ::changed and the engine's ::invalidated and hands them to the vfuncs.
 * Before workbook_changed runs, a scenario the change removed has already
 * fallen back to the base (and "scenario" was notified).  With an engine
 * and no document, "scenario" follows the engine's.
 */
struct _BkDocumentTableModelClass
{
  GObjectClass parent_class;

  void (* workbook_changed)   (BkDocumentTableModel *self,
                               BkChangeFlags         flags,
                               int                   table,
                               int                   row,
                               int                   period,
                               int                   n_rows,
                               int                   n_periods);
  void (* engine_invalidated) (BkDocumentTableModel *self);
  /* After "scenario" changed; the default resets the table. */
  void (* scenario_changed)   (BkDocumentTableModel *self);

  gpointer padding[4];
};

BkDocument *bk_document_table_model_get_document (BkDocumentTableModel *self);
BkEngine   *bk_document_table_model_get_engine   (BkDocumentTableModel *self);
BkWorkbook *bk_document_table_model_get_workbook (BkDocumentTableModel *self);

/* The scenario shown: 0 (the base) by default.  Edits in another scenario
 * become its overrides.  Changing it emits BkTableModel::reset. */
guint       bk_document_table_model_get_scenario (BkDocumentTableModel *self);
void        bk_document_table_model_set_scenario (BkDocumentTableModel *self,
                                                  guint                 scenario);

G_END_DECLS
