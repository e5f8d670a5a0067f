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
  int     type;  /* SQLITE_NULL, SQLITE_INTEGER, SQLITE_FLOAT, SQLITE_TEXT or SQLITE_BLOB */
  gint64  i;
  double  d;
  char   *s;     /* TEXT: the bytes, NUL-terminated (BLOB: NULL) */
  gssize  n;     /* TEXT: the number of bytes (-1: up to the NUL) */
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
/* A copy of what SQLite holds; a BLOB keeps only its type. */
BkDbValue   bk_db_value_from_sqlite          (sqlite3_value  *value);

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

/* bk-document-load.c: one stored cell, note, assumption, uncertainty or
 * title row,
 * checked against the workbook it goes into, the same way whether it comes
 * from the file or from the history */
typedef struct
{
  int           scenario;   /* cells, assumptions */
  BkTable       table;      /* cells, notes */
  guint         row;
  guint         period;
  int           company;    /* assumptions: -1 is the workbook level */
  BkAssumption  assumption;
  double        value;      /* NAN: blank */
  BkFormula    *formula;    /* owned */
  const char   *text;       /* notes and the title: borrowed from the values */
  BkDistribution *distribution;  /* distributions: owned */
} BkStoredRow;

/* Everything the row names exists, and its values (when @present) have the
 * right SQLite types and pass the checks typed input passes; otherwise
 * FALSE with BK_ERROR_DAMAGED.  Clear @out with bk_stored_row_clear(). */
gboolean    bk_document_check_stored_row     (BkWorkbook      *wb,
                                              BkJournalTable   table,
                                              const BkDbValue *keys,
                                              gboolean         present,
                                              const BkDbValue *values,
                                              BkStoredRow     *out,
                                              GError         **error);
/* Puts a checked row into @wb (taking its formula). */
void        bk_document_put_stored_row       (BkWorkbook      *wb,
                                              BkJournalTable   table,
                                              gboolean         present,
                                              BkStoredRow     *row);
void        bk_stored_row_clear              (BkStoredRow     *row);

G_END_DECLS
