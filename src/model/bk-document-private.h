/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-document-private.h — the BkDocument struct and the helpers its files
 * share: the SQLite plumbing (bk-document-sql.c), the schema and checks
 * (bk-document-schema.c), loading (bk-document-load.c) and the file itself
 * (bk-document-file.c).  Only the bk-document*.c files include this; the
 * undo journal has its own header, bk-document-journal.h. */
#pragma once

#include <sqlite3.h>

#include "bk-document.h"
#include "bk-workbook-private.h"

G_BEGIN_DECLS

struct _BkDocument
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  gboolean    read_only;
  gboolean    draft;           /* the file carries the draft mark */
  int         opened_version;
  BkWorkbook *workbook;
  GHashTable *statements;      /* SQL text (static) → sqlite3_stmt */

  /* What the history offers, as last announced (the properties) */
  gboolean    can_undo;
  gboolean    can_redo;
  char       *undo_label;
  char       *redo_label;
};

/* The meta key that marks a draft (docs/file-format.md) */
#define BK_DOCUMENT_DRAFT_KEY "draft"

/* bk-document.c */

/* Reads what undo and redo offer now and notifies the properties that
 * changed.  Called after every change to the file or the connection. */
void          bk_document_update_history   (BkDocument    *self);

/* bk-document-sql.c: SQLite plumbing */

/* The cache of prepared statements, keyed by their (static) SQL text */
GHashTable   *bk_document_statements_new   (void);
/* Translates a SQLite result code into a BK_ERROR; always returns FALSE. */
gboolean      bk_document_sqlite_error     (sqlite3       *db,
                                            int            rc,
                                            GError       **error);
G_GNUC_PRINTF (2, 3)
gboolean      bk_document_damaged          (GError       **error,
                                            const char    *format,
                                            ...);
/* A cached statement, reset and unbound; a statement that does not prepare
 * means the file's tables are not ours (BK_ERROR_DAMAGED). */
sqlite3_stmt *bk_document_get_statement    (BkDocument    *self,
                                            const char    *sql,
                                            GError       **error);
gboolean      bk_document_exec             (BkDocument    *self,
                                            const char    *sql,
                                            GError       **error);
/* Steps @stmt once (a row or done is success) and resets it. */
gboolean      bk_document_step_done        (BkDocument    *self,
                                            sqlite3_stmt  *stmt,
                                            GError       **error);
/* Rolls back the open transaction, if any. */
void          bk_document_rollback         (BkDocument    *self);
gboolean      bk_document_get_pragma_int   (BkDocument    *self,
                                            const char    *sql,
                                            int           *value,
                                            GError       **error);
char         *bk_document_dup_column_text  (sqlite3_stmt  *stmt,
                                            int            column);
/* Opens self->db on @path defensively (@create: read-write, creating). */
gboolean      bk_document_open_db          (BkDocument    *self,
                                            const char    *path,
                                            gboolean       create,
                                            GError       **error);
/* Opens self->db on a private in-memory copy of @data (a read-only
 * document: nothing done to it ever reaches the file). */
gboolean      bk_document_open_db_copy     (BkDocument    *self,
                                            const guint8  *data,
                                            gsize          length,
                                            GError       **error);
void          bk_document_close_db         (BkDocument    *self);
/* The document is open and may be written. */
gboolean      bk_document_check_writable   (BkDocument    *self,
                                            GError       **error);

/* bk-document-schema.c: the schema, migration and checks */

/* Refuses a foreign or newer file; sets self->opened_version. */
gboolean      bk_document_check_header     (BkDocument    *self,
                                            GError       **error);
/* Brings an older schema up to BK_DOCUMENT_SCHEMA_VERSION, all or nothing. */
gboolean      bk_document_migrate          (BkDocument    *self,
                                            GError       **error);
/* PRAGMA quick_check: damage anywhere is found before anything is written. */
gboolean      bk_document_quick_check      (BkDocument    *self,
                                            GError       **error);
/* Writes the schema and all of @workbook into the new, empty file, in one
 * transaction; @draft also writes the draft mark. */
gboolean      bk_document_write_new        (BkDocument    *self,
                                            BkWorkbook    *workbook,
                                            gboolean       draft,
                                            GError       **error);

/* bk-document-load.c: reading the file into a workbook */

/* Reads the whole workbook from the file, checking everything. */
BkWorkbook   *bk_document_load_workbook    (BkDocument    *self,
                                            GError       **error);
/* Reads the workbook again and swaps it into self->workbook. */
gboolean      bk_document_reload           (BkDocument    *self,
                                            GError       **error);
/* Whether the file carries the draft mark. */
gboolean      bk_document_load_draft_mark  (BkDocument    *self,
                                            gboolean      *draft,
                                            GError       **error);
/* Reads a stored uncertainty spec (C locale) of @assumption; a spec that
 * does not parse, or parses to none, is an error. */
gboolean      bk_document_parse_distribution (BkAssumption    assumption,
                                            const char     *spec,
                                            BkDistribution **distribution,
                                            GError        **error);
/* Index of the scenario with document id @id (0: the base), or -1. */
int           bk_document_scenario_index   (BkWorkbook    *wb,
                                            gint64         id);
/* Finds a stored cell's table, row and period; FALSE when unknown. */
gboolean      bk_document_lookup_cell      (BkWorkbook    *wb,
                                            const char    *table_name,
                                            const char    *row_id,
                                            const char    *period_label,
                                            BkTable       *table,
                                            guint         *row,
                                            guint         *period);

G_END_DECLS
