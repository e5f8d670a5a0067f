/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-document-journal.h — the document's persistent undo journal: row
 * images, running an action made of them, and stepping through history.
 * Private to the bk-document*.c files. */
#pragma once

#include "bk-document-private.h"

G_BEGIN_DECLS

/* The document's tables that row images can describe */
typedef enum
{
  BK_JOURNAL_META,
  BK_JOURNAL_MARKETS,
  BK_JOURNAL_COMPANIES,
  BK_JOURNAL_SCENARIOS,
  BK_JOURNAL_CELLS,
  BK_JOURNAL_NOTES,
  BK_JOURNAL_ASSUMPTIONS,
  BK_JOURNAL_DISTRIBUTIONS,
  BK_JOURNAL_N_TABLES
} BkJournalTable;

/* A value as SQLite stores it. */
typedef struct
{
  int     type;  /* SQLITE_NULL, SQLITE_INTEGER, SQLITE_FLOAT or SQLITE_TEXT */
  gint64  i;
  double  d;
  char   *s;
} BkDbValue;

/* "This row of this table now holds these values", or "is gone": the keys
 * and values in the order of the table's primary key and value columns. */
typedef struct
{
  BkJournalTable table;
  BkDbValue      keys[4];
  gboolean       present;
  BkDbValue      values[3];
} BkRowImage;

/* Builds the tables' statements; before any other call. */
void        bk_journal_init                  (void);

BkDbValue   bk_db_value_int                  (gint64          i);
/* Non-finite numbers are NULL: they are never written. */
BkDbValue   bk_db_value_double               (double          d);
/* NULL is SQL NULL */
BkDbValue   bk_db_value_text                 (const char     *s);

/* An array of BkRowImage that frees what they hold */
GArray     *bk_row_images_new                (void);
/* A new image with every key and value NULL, owned by @images (the pointer
 * is good until the next addition). */
BkRowImage *bk_row_images_add                (GArray         *images,
                                              BkJournalTable  table,
                                              gboolean        present);
void        bk_row_images_add_meta           (GArray         *images,
                                              const char     *key,
                                              const char     *value);
void        bk_row_images_add_cell           (GArray         *images,
                                              gint64          scenario_id,
                                              BkTable         table,
                                              const char     *row_id,
                                              const char     *period_label,
                                              gboolean        present,
                                              double          value,
                                              const char     *formula);
/* @value NAN: the layer does not set the assumption (the row is gone) */
void        bk_row_images_add_assumption     (GArray         *images,
                                              gint64          scenario_id,
                                              const char     *company_id,
                                              BkAssumption    assumption,
                                              double          value);
/* The uncertainty of @assumption: @spec (C locale) or NULL (the row is gone) */
void        bk_row_images_add_distribution   (GArray         *images,
                                              BkAssumption    assumption,
                                              const char     *spec);
/* Every assumption @scenario sets, workbook level and per company, under
 * the scenario id @to (the scenario's own id, or a new one's). */
void        bk_row_images_add_assumption_layers (GArray      *images,
                                              BkWorkbook     *wb,
                                              guint           scenario,
                                              gint64          to);
/* Images that delete every stored row @sql returns (it selects the key
 * columns of @table; @param is bound to ?1 as text). */
gboolean    bk_row_images_add_deletions      (BkDocument     *self,
                                              GArray         *images,
                                              BkJournalTable  table,
                                              const char     *sql,
                                              const char     *param,
                                              GError        **error);

/* Writes one image to its table (no history): for new documents. */
gboolean    bk_journal_write_image           (BkDocument     *self,
                                              const BkRowImage *image,
                                              GError        **error);

/* Runs one user action made of @images: one transaction that records each
 * changed row's old and new image under an `actions` row labelled @label,
 * then updates the workbook and emits ::changed once (@table … @n_periods
 * are the range it names, or -1).  @structural: the workbook is reread from
 * the file inside the transaction, formula values recomputed and written as
 * part of the same action, and the new contents swapped in. */
gboolean    bk_journal_run_action            (BkDocument     *self,
                                              const char     *label,
                                              GArray         *images,
                                              gboolean        structural,
                                              int             table,
                                              int             row,
                                              int             period,
                                              int             n_rows,
                                              int             n_periods,
                                              GError        **error);
/* Id of the action undo (@undo) or redo would step over, 0 when none; its
 * label in @label when not NULL. */
gint64      bk_journal_find_action           (BkDocument     *self,
                                              gboolean        undo,
                                              char          **label);
/* Undoes or redoes one action. */
gboolean    bk_journal_step                  (BkDocument     *self,
                                              gboolean        undo,
                                              GError        **error);

G_END_DECLS
