/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-document.c — a workbook kept in a SQLite file.
 *
 * Every user action becomes a list of row images ("this row of this table
 * now holds these values", or "is gone").  Applying an action opens one
 * transaction, records each row's old and new image in `history` under one
 * `actions` row, writes the new image, and commits.  Undo writes the old
 * images back in reverse order; redo writes the new ones again.  Because
 * images are plain values (never SQL text), history is generic over the
 * tables and every statement binds its parameters.
 *
 * After the commit the in-memory workbook is updated: cells, notes,
 * assumptions and the title incrementally; anything structural (periods,
 * rows, scenarios) by reading the workbook again from the file. */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "bk-document.h"
#include "bk-workbook-private.h"

#define HISTORY_LIMIT 1000

struct _BkDocument
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  gboolean    read_only;
  gboolean    temporary;
  int         opened_version;
  BkWorkbook *workbook;
  GHashTable *statements;  /* SQL text (static) → sqlite3_stmt */
};

G_DEFINE_FINAL_TYPE (BkDocument, bk_document, G_TYPE_OBJECT)

/* The schema, version 1.  See docs/file-format.md. */
static const char schema_v1[] =
  "CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);\n"
  "CREATE TABLE markets (id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL,"
  " position INTEGER NOT NULL);\n"
  "CREATE TABLE companies (id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL,"
  " market TEXT NOT NULL, position INTEGER NOT NULL);\n"
  "CREATE TABLE scenarios (id INTEGER PRIMARY KEY, name TEXT NOT NULL,"
  " position INTEGER NOT NULL);\n"
  "CREATE TABLE cells (scenario INTEGER NOT NULL, tbl TEXT NOT NULL, row TEXT NOT NULL,"
  " period TEXT NOT NULL, value REAL, formula TEXT,"
  " PRIMARY KEY (scenario, tbl, row, period)) WITHOUT ROWID;\n"
  "CREATE TABLE notes (tbl TEXT NOT NULL, row TEXT NOT NULL, period TEXT NOT NULL,"
  " text TEXT NOT NULL, PRIMARY KEY (tbl, row, period)) WITHOUT ROWID;\n"
  "CREATE TABLE assumptions (scenario INTEGER NOT NULL, company TEXT NOT NULL,"
  " key TEXT NOT NULL, value REAL NOT NULL,"
  " PRIMARY KEY (scenario, company, key)) WITHOUT ROWID;\n"
  "CREATE TABLE actions (id INTEGER PRIMARY KEY, label TEXT NOT NULL,"
  " undone INTEGER NOT NULL DEFAULT 0, time TEXT NOT NULL);\n"
  "CREATE TABLE history (action INTEGER NOT NULL, seq INTEGER NOT NULL, tbl TEXT NOT NULL,"
  " k1 BLOB, k2 BLOB, k3 BLOB, k4 BLOB, old_present INTEGER NOT NULL, o1 BLOB, o2 BLOB, o3 BLOB,"
  " new_present INTEGER NOT NULL, n1 BLOB, n2 BLOB, n3 BLOB,"
  " PRIMARY KEY (action, seq)) WITHOUT ROWID;\n";

/* Version 0 was the pre-release format: base cells only (no scenario
 * column), workbook-level assumptions only, no notes, scenarios or history.
 * Migrating keeps every value. */
static const char migrate_0_to_1[] =
  "ALTER TABLE cells RENAME TO cells_v0;\n"
  "CREATE TABLE cells (scenario INTEGER NOT NULL, tbl TEXT NOT NULL, row TEXT NOT NULL,"
  " period TEXT NOT NULL, value REAL, formula TEXT,"
  " PRIMARY KEY (scenario, tbl, row, period)) WITHOUT ROWID;\n"
  "INSERT INTO cells SELECT 0, tbl, row, period, value, formula FROM cells_v0;\n"
  "DROP TABLE cells_v0;\n"
  "ALTER TABLE assumptions RENAME TO assumptions_v0;\n"
  "CREATE TABLE assumptions (scenario INTEGER NOT NULL, company TEXT NOT NULL,"
  " key TEXT NOT NULL, value REAL NOT NULL,"
  " PRIMARY KEY (scenario, company, key)) WITHOUT ROWID;\n"
  "INSERT INTO assumptions SELECT 0, '', key, value FROM assumptions_v0;\n"
  "DROP TABLE assumptions_v0;\n"
  "CREATE TABLE scenarios (id INTEGER PRIMARY KEY, name TEXT NOT NULL,"
  " position INTEGER NOT NULL);\n"
  "CREATE TABLE notes (tbl TEXT NOT NULL, row TEXT NOT NULL, period TEXT NOT NULL,"
  " text TEXT NOT NULL, PRIMARY KEY (tbl, row, period)) WITHOUT ROWID;\n"
  "CREATE TABLE actions (id INTEGER PRIMARY KEY, label TEXT NOT NULL,"
  " undone INTEGER NOT NULL DEFAULT 0, time TEXT NOT NULL);\n"
  "CREATE TABLE history (action INTEGER NOT NULL, seq INTEGER NOT NULL, tbl TEXT NOT NULL,"
  " k1 BLOB, k2 BLOB, k3 BLOB, k4 BLOB, old_present INTEGER NOT NULL, o1 BLOB, o2 BLOB, o3 BLOB,"
  " new_present INTEGER NOT NULL, n1 BLOB, n2 BLOB, n3 BLOB,"
  " PRIMARY KEY (action, seq)) WITHOUT ROWID;\n";

/* Row images */

typedef enum
{
  T_META,
  T_MARKETS,
  T_COMPANIES,
  T_SCENARIOS,
  T_CELLS,
  T_NOTES,
  T_ASSUMPTIONS,
  N_TABLE_DESCS
} TableId;

typedef struct
{
  const char *name;
  guint       n_keys;
  const char *keys[4];
  guint       n_values;
  const char *values[3];
  /* SQL, built once from the names above */
  const char *select_sql;
  const char *replace_sql;
  const char *delete_sql;
} TableDesc;

static TableDesc descs[N_TABLE_DESCS] = {
  { "meta", 1, { "key" }, 1, { "value" } },
  { "markets", 1, { "id" }, 2, { "name", "position" } },
  { "companies", 1, { "id" }, 3, { "name", "market", "position" } },
  { "scenarios", 1, { "id" }, 2, { "name", "position" } },
  { "cells", 4, { "scenario", "tbl", "row", "period" }, 2, { "value", "formula" } },
  { "notes", 3, { "tbl", "row", "period" }, 1, { "text" } },
  { "assumptions", 3, { "scenario", "company", "key" }, 1, { "value" } },
};

static void
descs_init (void)
{
  static gsize initialized = 0;

  if (!g_once_init_enter (&initialized))
    return;

  for (guint d = 0; d < N_TABLE_DESCS; d++)
    {
      TableDesc *desc = &descs[d];
      GString *where = g_string_new (NULL);
      GString *cols = g_string_new (NULL);
      GString *marks = g_string_new (NULL);
      GString *vals = g_string_new (NULL);

      for (guint k = 0; k < desc->n_keys; k++)
        {
          g_string_append_printf (where, "%s%s = ?%u", k ? " AND " : "", desc->keys[k], k + 1);
          g_string_append_printf (cols, "%s%s", k ? ", " : "", desc->keys[k]);
          g_string_append_printf (marks, "%s?%u", k ? ", " : "", k + 1);
        }
      for (guint v = 0; v < desc->n_values; v++)
        {
          g_string_append_printf (vals, "%s%s", v ? ", " : "", desc->values[v]);
          g_string_append_printf (cols, ", %s", desc->values[v]);
          g_string_append_printf (marks, ", ?%u", v + 5);
        }

      desc->select_sql = g_strdup_printf ("SELECT %s FROM %s WHERE %s", vals->str, desc->name, where->str);
      desc->replace_sql = g_strdup_printf ("INSERT OR REPLACE INTO %s (%s) VALUES (%s)",
                                           desc->name, cols->str, marks->str);
      desc->delete_sql = g_strdup_printf ("DELETE FROM %s WHERE %s", desc->name, where->str);

      g_string_free (where, TRUE);
      g_string_free (cols, TRUE);
      g_string_free (marks, TRUE);
      g_string_free (vals, TRUE);
    }

  g_once_init_leave (&initialized, 1);
}

static TableId
desc_from_name (const char *name)
{
  for (guint d = 0; d < N_TABLE_DESCS; d++)
    if (g_strcmp0 (descs[d].name, name) == 0)
      return (TableId) d;
  return N_TABLE_DESCS;
}

/* A value as SQLite stores it. */
typedef struct
{
  int     type;  /* SQLITE_NULL, SQLITE_INTEGER, SQLITE_FLOAT or SQLITE_TEXT */
  gint64  i;
  double  d;
  char   *s;
} Val;

typedef struct
{
  TableId  table;
  Val      keys[4];
  gboolean present;
  Val      values[3];
} Image;

static Val
val_null (void)
{
  return (Val) { SQLITE_NULL, 0, 0, NULL };
}

static Val
val_int (gint64 i)
{
  return (Val) { SQLITE_INTEGER, i, 0, NULL };
}

static Val
val_double (double d)
{
  /* Blank and invalid values are NULL: non-finite numbers are never written. */
  if (!isfinite (d))
    return val_null ();
  return (Val) { SQLITE_FLOAT, 0, d, NULL };
}

static Val
val_text (const char *s)
{
  if (s == NULL)
    return val_null ();
  return (Val) { SQLITE_TEXT, 0, 0, g_strdup (s) };
}

static Val
val_from_sqlite (sqlite3_value *value)
{
  switch (sqlite3_value_type (value))
    {
    case SQLITE_INTEGER: return val_int (sqlite3_value_int64 (value));
    case SQLITE_FLOAT:   return (Val) { SQLITE_FLOAT, 0, sqlite3_value_double (value), NULL };
    case SQLITE_TEXT:    return val_text ((const char *) sqlite3_value_text (value));
    default:             return val_null ();
    }
}

static double
val_get_double (const Val *val)
{
  switch (val->type)
    {
    case SQLITE_INTEGER: return (double) val->i;
    case SQLITE_FLOAT:   return val->d;
    default:             return NAN;
    }
}

static void
image_clear (gpointer data)
{
  Image *image = data;

  for (guint i = 0; i < 4; i++)
    g_free (image->keys[i].s);
  for (guint i = 0; i < 3; i++)
    g_free (image->values[i].s);
}

static GArray *
images_new (void)
{
  GArray *images = g_array_new (FALSE, TRUE, sizeof (Image));

  g_array_set_clear_func (images, image_clear);
  return images;
}

static Image *
images_add (GArray   *images,
            TableId   table,
            gboolean  present)
{
  Image image = { 0, };

  image.table = table;
  image.present = present;
  for (guint i = 0; i < 4; i++)
    image.keys[i] = val_null ();
  for (guint i = 0; i < 3; i++)
    image.values[i] = val_null ();
  g_array_append_val (images, image);

  return &g_array_index (images, Image, images->len - 1);
}

static void
bind_val (sqlite3_stmt *stmt,
          int           index,
          const Val    *val)
{
  switch (val->type)
    {
    case SQLITE_INTEGER: sqlite3_bind_int64 (stmt, index, val->i); break;
    case SQLITE_FLOAT:   sqlite3_bind_double (stmt, index, val->d); break;
    case SQLITE_TEXT:    sqlite3_bind_text (stmt, index, val->s, -1, SQLITE_TRANSIENT); break;
    default:             sqlite3_bind_null (stmt, index); break;
    }
}

/* SQLite plumbing */

static gboolean
set_sqlite_error (BkDocument  *self,
                  sqlite3     *db,
                  int          rc,
                  GError     **error)
{
  int primary = rc & 0xff;
  const char *message = db ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  switch (primary)
    {
    case SQLITE_READONLY:
      g_set_error (error, BK_ERROR, BK_ERROR_READ_ONLY,
                   _("The document is read-only; use Save As to keep your changes in another file"));
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, BK_ERROR, BK_ERROR_DAMAGED,
                   _("The document is damaged (%s)"), message);
      break;
    case SQLITE_FULL:
      g_set_error (error, BK_ERROR, BK_ERROR_IO, _("The disk is full"));
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, BK_ERROR, BK_ERROR_IO,
                   _("Another program is writing to the document; try again"));
      break;
    default:
      g_set_error (error, BK_ERROR, BK_ERROR_IO, _("Could not access the document: %s"), message);
    }

  return FALSE;
}

static sqlite3_stmt *
get_statement (BkDocument  *self,
               const char  *sql,
               GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      /* A statement on our own tables that does not prepare means the
       * tables are not what this version wrote. */
      g_set_error (error, BK_ERROR, BK_ERROR_DAMAGED,
                   _("The document is damaged or incomplete (%s)"), sqlite3_errmsg (self->db));
      return NULL;
    }

  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

static gboolean
exec (BkDocument  *self,
      const char  *sql,
      GError     **error)
{
  char *message = NULL;
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, &message);

  sqlite3_free (message);
  if (rc != SQLITE_OK)
    return set_sqlite_error (self, self->db, rc, error);
  return TRUE;
}

static gboolean
step_done (BkDocument    *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return set_sqlite_error (self, self->db, rc, error);
  return TRUE;
}

static void
rollback (BkDocument *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

static gboolean
get_pragma_int (BkDocument  *self,
                const char  *sql,
                int         *value,
                GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *value = sqlite3_column_int (stmt, 0);
      sqlite3_finalize (stmt);
      return TRUE;
    }

  sqlite3_finalize (stmt);
  return set_sqlite_error (self, self->db, rc, error);
}

/* GObject */

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
bk_document_close_db (BkDocument *self)
{
  g_hash_table_remove_all (self->statements);
  if (self->db != NULL)
    {
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
}

static void
bk_document_finalize (GObject *object)
{
  BkDocument *self = BK_DOCUMENT (object);

  bk_document_close_db (self);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_object (&self->workbook);
  g_free (self->path);

  G_OBJECT_CLASS (bk_document_parent_class)->finalize (object);
}

static void
bk_document_class_init (BkDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bk_document_finalize;
}

static void
bk_document_init (BkDocument *self)
{
  descs_init ();
  self->statements = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, finalize_statement);
  self->workbook = bk_workbook_new (BK_GRANULARITY_YEAR, 2024 , 1);
}

/* Opening */

static gboolean
open_db (BkDocument  *self,
         const char  *path,
         gboolean     create,
         GError     **error)
{
  int flags = SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_EXRESCODE;
  int rc;

  if (create)
    flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  else if (self->read_only)
    flags |= SQLITE_OPEN_READONLY;
  else
    flags |= SQLITE_OPEN_READWRITE;

  rc = sqlite3_open_v2 (path, &self->db, flags, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, self->db, rc, error);
      sqlite3_close_v2 (self->db);
      self->db = NULL;
      return FALSE;
    }

  /* Treat every file as untrusted (sqlite.org/security.html). */
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, NULL);
  sqlite3_limit (self->db, SQLITE_LIMIT_LENGTH, 1000000);
  sqlite3_limit (self->db, SQLITE_LIMIT_SQL_LENGTH, 100000);
  sqlite3_limit (self->db, SQLITE_LIMIT_ATTACHED, 0);
  sqlite3_busy_timeout (self->db, 5000);
  sqlite3_exec (self->db, "PRAGMA cell_size_check = ON", NULL, NULL, NULL);
  if (!self->read_only)
    sqlite3_exec (self->db, "PRAGMA synchronous = FULL", NULL, NULL, NULL);

  return TRUE;
}

static const char *
get_meta (GHashTable *meta,
          const char *key)
{
  return g_hash_table_lookup (meta, key);
}

G_GNUC_PRINTF (2, 3)
static gboolean
damaged (GError    **error,
         const char *format,
         ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, BK_ERROR, BK_ERROR_DAMAGED, _("The document is damaged: %s"), message);
  return FALSE;
}

static gboolean
lookup_cell (BkWorkbook  *wb,
             const char  *table_name,
             const char  *row_id,
             const char  *period_label,
             BkTable     *table,
             guint       *row,
             guint       *period)
{
  int r, p;

  if (!bk_table_from_string (table_name, table))
    return FALSE;
  r = bk_workbook_find_row (wb, *table, row_id);
  p = bk_workbook_find_period (wb, period_label);
  if (r < 0 || p < 0)
    return FALSE;
  *row = (guint) r;
  *period = (guint) p;
  return TRUE;
}

static int
scenario_index (BkWorkbook *wb,
                gint64      id)
{
  if (id == 0)
    return BK_SCENARIO_BASE;
  return bk_workbook_find_scenario_by_id (wb, id);
}

static char *
dup_column_text (sqlite3_stmt *stmt,
                 int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return text ? g_strdup ((const char *) text) : NULL;
}

/* Reads the whole workbook from the file. */
static BkWorkbook *
load_workbook (BkDocument  *self,
               GError     **error)
{
  g_autoptr(GHashTable) meta = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(BkWorkbook) wb = NULL;
  sqlite3_stmt *stmt;
  BkGranularity granularity;
  gint64 first, periods = 0;
  const char *value;
  int rc;

  if (!(stmt = get_statement (self, "SELECT key, value FROM meta", error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (meta, dup_column_text (stmt, 0), dup_column_text (stmt, 1));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return (set_sqlite_error (self, self->db, rc, error), NULL);

  value = get_meta (meta, "granularity");
  if (!bk_granularity_from_string (value, &granularity))
    return (damaged (error, _("unknown granularity \"%s\""), value ? value : ""), NULL);
  value = get_meta (meta, "first_period");
  if (!bk_period_parse (granularity, value, &first))
    return (damaged (error, _("bad first period \"%s\""), value ? value : ""), NULL);
  value = get_meta (meta, "periods");
  if (value == NULL || !g_ascii_string_to_signed (value, 10, 1, 1000, &periods, NULL))
    return (damaged (error, _("bad number of periods \"%s\""), value ? value : ""), NULL);

  wb = bk_workbook_new (granularity, first, (guint) periods);
  bk_workbook_set_title (wb, get_meta (meta, "title"));

  if (!(stmt = get_statement (self, "SELECT id, name FROM markets ORDER BY position, id", error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *id = (const char *) sqlite3_column_text (stmt, 0);

      if (id == NULL || bk_workbook_find_market (wb, id) >= 0)
        {
          sqlite3_reset (stmt);
          return (damaged (error, _("duplicate or missing market id")), NULL);
        }
      bk_workbook_add_market (wb, id, (const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return (set_sqlite_error (self, self->db, rc, error), NULL);

  if (!(stmt = get_statement (self, "SELECT id, name, market FROM companies ORDER BY position, id", error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *id = (const char *) sqlite3_column_text (stmt, 0);
      const char *market = (const char *) sqlite3_column_text (stmt, 2);

      if (id == NULL || bk_workbook_find_company (wb, id) >= 0 || bk_workbook_find_market (wb, market) < 0)
        {
          sqlite3_reset (stmt);
          return (damaged (error, _("a company with a duplicate id or an unknown market")), NULL);
        }
      bk_workbook_add_company (wb, id, (const char *) sqlite3_column_text (stmt, 1), market);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return (set_sqlite_error (self, self->db, rc, error), NULL);

  if (!(stmt = get_statement (self, "SELECT id, name FROM scenarios ORDER BY position, id", error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 1);

      if (name == NULL || bk_workbook_find_scenario (wb, name) >= 0 || sqlite3_column_int64 (stmt, 0) <= 0)
        {
          sqlite3_reset (stmt);
          return (damaged (error, _("a scenario with a duplicate name")), NULL);
        }
      bk_workbook_add_scenario (wb, sqlite3_column_int64 (stmt, 0), name);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return (set_sqlite_error (self, self->db, rc, error), NULL);

  if (!(stmt = get_statement (self, "SELECT scenario, tbl, row, period, value, formula FROM cells", error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GError) local_error = NULL;
      BkFormula *formula = NULL;
      const char *formula_text = (const char *) sqlite3_column_text (stmt, 5);
      int scenario = scenario_index (wb, sqlite3_column_int64 (stmt, 0));
      double number = sqlite3_column_type (stmt, 4) == SQLITE_NULL ? NAN : sqlite3_column_double (stmt, 4);
      BkTable table;
      guint row, period;

      if (scenario < 0 ||
          !lookup_cell (wb, (const char *) sqlite3_column_text (stmt, 1),
                        (const char *) sqlite3_column_text (stmt, 2),
                        (const char *) sqlite3_column_text (stmt, 3), &table, &row, &period))
        {
          sqlite3_reset (stmt);
          return (damaged (error, _("a cell of an unknown row, period or scenario")), NULL);
        }

      if (formula_text != NULL &&
          !(formula = bk_formula_compile (formula_text, table, &local_error)))
        {
          sqlite3_reset (stmt);
          return (damaged (error, _("a cell holds a bad formula: %s"), local_error->message), NULL);
        }
      if (formula == NULL && !isnan (number) && !bk_table_check_value (table, number, &local_error))
        {
          sqlite3_reset (stmt);
          return (damaged (error, "%s", local_error->message), NULL);
        }

      if (scenario == BK_SCENARIO_BASE)
        bk_workbook_put_cell (wb, table, row, period, number, formula);
      else
        bk_workbook_put_override (wb, (guint) scenario, table, row, period, TRUE, number, formula);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return (set_sqlite_error (self, self->db, rc, error), NULL);

  if (!(stmt = get_statement (self, "SELECT tbl, row, period, text FROM notes", error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BkTable table;
      guint row, period;

      if (!lookup_cell (wb, (const char *) sqlite3_column_text (stmt, 0),
                        (const char *) sqlite3_column_text (stmt, 1),
                        (const char *) sqlite3_column_text (stmt, 2), &table, &row, &period))
        {
          sqlite3_reset (stmt);
          return (damaged (error, _("a note on an unknown cell")), NULL);
        }
      bk_workbook_put_note (wb, table, row, period, (const char *) sqlite3_column_text (stmt, 3));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return (set_sqlite_error (self, self->db, rc, error), NULL);

  if (!(stmt = get_statement (self, "SELECT scenario, company, key, value FROM assumptions", error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GError) local_error = NULL;
      int scenario = scenario_index (wb, sqlite3_column_int64 (stmt, 0));
      const char *company_id = (const char *) sqlite3_column_text (stmt, 1);
      int company = (company_id == NULL || *company_id == '\0') ? -1 : bk_workbook_find_company (wb, company_id);
      BkAssumption assumption;
      double number = sqlite3_column_double (stmt, 3);

      if (scenario < 0 || (company < 0 && company_id != NULL && *company_id != '\0') ||
          !bk_assumption_from_key ((const char *) sqlite3_column_text (stmt, 2), &assumption) ||
          !bk_assumption_check (assumption, number, &local_error))
        {
          sqlite3_reset (stmt);
          return (damaged (error, _("an unknown or invalid assumption")), NULL);
        }
      bk_workbook_put_assumption (wb, (guint) scenario, company, assumption, number);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return (set_sqlite_error (self, self->db, rc, error), NULL);

  bk_workbook_recompute_all (wb);

  return g_steal_pointer (&wb);
}

static gboolean
check_header (BkDocument  *self,
              GError     **error)
{
  g_autofree char *name = g_filename_display_basename (self->path);
  g_autoptr(GError) local_error = NULL;
  int application_id = 0, version = 0;

  if (!get_pragma_int (self, "PRAGMA application_id", &application_id, &local_error) ||
      !get_pragma_int (self, "PRAGMA user_version", &version, &local_error))
    {
      if (g_error_matches (local_error, BK_ERROR, BK_ERROR_DAMAGED))
        g_set_error (error, BK_ERROR, BK_ERROR_FOREIGN,
                     _("“%s” is not a Breakeven document, or it is damaged"), name);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if ((guint32) application_id != BK_DOCUMENT_APPLICATION_ID)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_FOREIGN,
                   _("“%s” is not a Breakeven document"), name);
      return FALSE;
    }

  if (version > BK_DOCUMENT_SCHEMA_VERSION)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_NEWER,
                   _("“%s” was written by a newer version of Breakeven (format %d; this version reads up to %d)"),
                   name, version, BK_DOCUMENT_SCHEMA_VERSION);
      return FALSE;
    }

  self->opened_version = version;
  return TRUE;
}

static gboolean
migrate (BkDocument  *self,
         GError     **error)
{
  g_autofree char *name = g_filename_display_basename (self->path);
  g_autofree char *sql = NULL;

  if (self->opened_version == BK_DOCUMENT_SCHEMA_VERSION)
    return TRUE;

  if (self->read_only)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_READ_ONLY,
                   _("“%s” is in an older format and is read-only, so it cannot be upgraded"), name);
      return FALSE;
    }

  /* One transaction: the file is either fully migrated or untouched. */
  sql = g_strdup_printf ("BEGIN IMMEDIATE;\n%sPRAGMA user_version = %d;\nCOMMIT;",
                         migrate_0_to_1, BK_DOCUMENT_SCHEMA_VERSION);
  if (!exec (self, sql, error))
    {
      rollback (self);
      g_prefix_error (error, _("Could not upgrade “%s”: "), name);
      return FALSE;
    }

  return TRUE;
}

/* Damage anywhere in the file (an index nobody reads at load, say) is found
 * now, before anything is written to it. */
static gboolean
quick_check (BkDocument  *self,
             GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *first = NULL;
  int rc = sqlite3_prepare_v2 (self->db, "PRAGMA quick_check(1)", -1, &stmt, NULL);

  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    first = dup_column_text (stmt, 0);
  sqlite3_finalize (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return set_sqlite_error (self, self->db, rc, error);
  if (g_strcmp0 (first, "ok") != 0)
    return damaged (error, "%s", first ? first : _("the integrity check failed"));
  return TRUE;
}

static gboolean
is_writable (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  GStatBuf st;

  /* A file nobody may write is read-only even for root, who passes every
   * access() check.  SQLite also needs to create its journal next to it. */
  if (g_stat (path, &st) != 0 || (st.st_mode & 0222) == 0)
    return FALSE;
  return g_access (path, W_OK) == 0 && g_access (dir, W_OK) == 0;
}

/* The mode a new file gets: the one it replaces, else 0666 less the umask. */
static void
set_new_file_mode (const char *tmp,
                   const char *path)
{
  GStatBuf st;
  mode_t mask;

  if (g_stat (path, &st) == 0)
    {
      g_chmod (tmp, st.st_mode & 0777);
      return;
    }

  mask = umask (0);
  umask (mask);
  g_chmod (tmp, 0666 & ~mask);
}

BkDocument *
bk_document_open (const char  *path,
                  GError     **error)
{
  g_autoptr(BkDocument) self = NULL;
  g_autoptr(BkWorkbook) wb = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  name = g_filename_display_basename (path);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, BK_ERROR, BK_ERROR_NOT_FOUND, _("“%s” does not exist"), name);
      return NULL;
    }
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, BK_ERROR, BK_ERROR_FOREIGN, _("“%s” is not a file"), name);
      return NULL;
    }
  if (g_access (path, R_OK) != 0)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_IO, _("“%s” cannot be read: %s"), name, g_strerror (errno));
      return NULL;
    }

  self = g_object_new (BK_TYPE_DOCUMENT, NULL);
  self->path = g_strdup (path);
  self->read_only = !is_writable (path);

  if (!open_db (self, path, FALSE, error) ||
      !check_header (self, error) ||
      !quick_check (self, error) ||
      !migrate (self, error))
    return NULL;

  if (!(wb = load_workbook (self, error)))
    {
      g_prefix_error (error, "%s: ", name);
      return NULL;
    }

  bk_workbook_take_contents (self->workbook, wb);
  return g_steal_pointer (&self);
}

/* Writing a whole workbook (new documents) */

static gboolean
write_image (BkDocument   *self,
             const Image  *image,
             GError      **error)
{
  const TableDesc *desc = &descs[image->table];
  sqlite3_stmt *stmt;

  if (!(stmt = get_statement (self, image->present ? desc->replace_sql : desc->delete_sql, error)))
    return FALSE;
  for (guint k = 0; k < desc->n_keys; k++)
    bind_val (stmt, (int) k + 1, &image->keys[k]);
  if (image->present)
    for (guint v = 0; v < desc->n_values; v++)
      bind_val (stmt, (int) v + 5, &image->values[v]);

  return step_done (self, stmt, error);
}

static void
add_meta (GArray     *images,
          const char *key,
          const char *value)
{
  Image *image = images_add (images, T_META, TRUE);

  image->keys[0] = val_text (key);
  image->values[0] = val_text (value);
}

static void
add_cell_image (GArray      *images,
                gint64       scenario_id,
                BkTable      table,
                const char  *row_id,
                const char  *label,
                gboolean     present,
                double       value,
                const char  *formula)
{
  Image *image = images_add (images, T_CELLS, present);

  image->keys[0] = val_int (scenario_id);
  image->keys[1] = val_text (bk_table_to_string (table));
  image->keys[2] = val_text (row_id);
  image->keys[3] = val_text (label);
  if (present)
    {
      image->values[0] = val_double (value);
      image->values[1] = val_text (formula);
    }
}

static void
add_assumption_image (GArray       *images,
                      gint64        scenario_id,
                      const char   *company_id,
                      BkAssumption  assumption,
                      double        value)
{
  Image *image = images_add (images, T_ASSUMPTIONS, !isnan (value));

  image->keys[0] = val_int (scenario_id);
  image->keys[1] = val_text (company_id ? company_id : "");
  image->keys[2] = val_text (bk_assumption_get_key (assumption));
  image->values[0] = val_double (value);
}

/* Images of every assumption @scenario sets, workbook level and per company,
 * written under the scenario id @to (a scenario's own id, or a new one's). */
static void
add_assumption_layer_images (GArray     *images,
                             BkWorkbook *wb,
                             guint       scenario,
                             gint64      to)
{
  for (guint k = 0; k < BK_N_ASSUMPTIONS; k++)
    {
      double v = bk_workbook_get_assumption_layer (wb, scenario, -1, (BkAssumption) k);

      if (!isnan (v))
        add_assumption_image (images, to, NULL, (BkAssumption) k, v);
      for (guint c = 0; c < bk_workbook_get_n_companies (wb); c++)
        {
          v = bk_workbook_get_assumption_layer (wb, scenario, (int) c, (BkAssumption) k);
          if (!isnan (v))
            add_assumption_image (images, to, bk_workbook_get_company_id (wb, c), (BkAssumption) k, v);
        }
    }
}

static void
workbook_images (BkWorkbook *wb,
                 GArray     *images)
{
  guint n = bk_workbook_get_n_periods (wb);
  g_autofree char *first = bk_workbook_dup_period_label (wb, 0);
  g_autofree char *periods = g_strdup_printf ("%u", n);
  g_auto(GStrv) labels = g_new0 (char *, n + 1);

  for (guint p = 0; p < n; p++)
    labels[p] = bk_workbook_dup_period_label (wb, p);

  add_meta (images, "title", bk_workbook_get_title (wb));
  add_meta (images, "granularity", bk_granularity_to_string (bk_workbook_get_granularity (wb)));
  add_meta (images, "first_period", first);
  add_meta (images, "periods", periods);

  for (guint i = 0; i < bk_workbook_get_n_markets (wb); i++)
    {
      Image *image = images_add (images, T_MARKETS, TRUE);

      image->keys[0] = val_text (bk_workbook_get_market_id (wb, i));
      image->values[0] = val_text (bk_workbook_get_market_name (wb, i));
      image->values[1] = val_int (i);
    }

  for (guint i = 0; i < bk_workbook_get_n_companies (wb); i++)
    {
      Image *image = images_add (images, T_COMPANIES, TRUE);

      image->keys[0] = val_text (bk_workbook_get_company_id (wb, i));
      image->values[0] = val_text (bk_workbook_get_company_name (wb, i));
      image->values[1] = val_text (bk_workbook_get_market_id (wb, bk_workbook_get_company_market (wb, i)));
      image->values[2] = val_int (i);
    }

  for (guint s = 1; s <= bk_workbook_get_n_scenarios (wb); s++)
    {
      Image *image = images_add (images, T_SCENARIOS, TRUE);

      bk_workbook_get_scenario (wb, s)->id = s;
      image->keys[0] = val_int (s);
      image->values[0] = val_text (bk_workbook_get_scenario_name (wb, s));
      image->values[1] = val_int (s);
    }

  for (guint s = 0; s <= bk_workbook_get_n_scenarios (wb); s++)
    {
      add_assumption_layer_images (images, wb, s, s);

      for (guint t = 0; t < BK_N_TABLES; t++)
        for (guint r = 0; r < bk_workbook_get_n_rows (wb, (BkTable) t); r++)
          {
            const char *row_id = bk_workbook_get_row_id (wb, (BkTable) t, r);

            if (s != BK_SCENARIO_BASE && !bk_workbook_scenario_overrides_row (wb, s, (BkTable) t, r))
              continue;

            for (guint p = 0; p < n; p++)
              {
                BkCell cell;

                bk_workbook_get_cell (wb, s, (BkTable) t, r, p, &cell);
                if (s == BK_SCENARIO_BASE)
                  {
                    if (cell.formula != NULL || !isnan (cell.value))
                      add_cell_image (images, 0, (BkTable) t, row_id, labels[p], TRUE, cell.value, cell.formula);
                    if (cell.note != NULL)
                      {
                        Image *image = images_add (images, T_NOTES, TRUE);

                        image->keys[0] = val_text (bk_table_to_string ((BkTable) t));
                        image->keys[1] = val_text (row_id);
                        image->keys[2] = val_text (labels[p]);
                        image->values[0] = val_text (cell.note);
                      }
                  }
                else if (cell.flags & BK_CELL_OVERRIDDEN)
                  add_cell_image (images, s, (BkTable) t, row_id, labels[p], TRUE, cell.value, cell.formula);
              }
          }
    }
}

static gboolean
write_new_document (BkDocument  *self,
                    BkWorkbook  *wb,
                    GError     **error)
{
  g_autoptr(GArray) images = images_new ();
  g_autofree char *pragmas = NULL;

  workbook_images (wb, images);

  pragmas = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                             (int) BK_DOCUMENT_APPLICATION_ID, BK_DOCUMENT_SCHEMA_VERSION);

  if (!exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!exec (self, pragmas, error) || !exec (self, schema_v1, error))
    goto failed;
  for (guint i = 0; i < images->len; i++)
    if (!write_image (self, &g_array_index (images, Image, i), error))
      goto failed;
  if (!exec (self, "COMMIT", error))
    goto failed;

  return TRUE;

failed:
  rollback (self);
  return FALSE;
}

static BkDocument *
create_at (const char  *path,
           BkWorkbook  *workbook,
           GError     **error)
{
  g_autoptr(BkDocument) self = g_object_new (BK_TYPE_DOCUMENT, NULL);
  g_autoptr(BkWorkbook) empty = NULL;
  g_autoptr(BkWorkbook) loaded = NULL;

  if (workbook == NULL)
    {
      empty = bk_workbook_new (BK_GRANULARITY_YEAR, 2024, 5);
      bk_workbook_set_title (empty, _("Untitled workbook"));
      workbook = empty;
    }

  self->path = g_strdup (path);
  if (!open_db (self, path, TRUE, error))
    return NULL;

  if (!write_new_document (self, workbook, error) ||
      !(loaded = load_workbook (self, error)))
    {
      bk_document_close_db (self);
      g_unlink (path);
      return NULL;
    }

  self->opened_version = BK_DOCUMENT_SCHEMA_VERSION;
  bk_workbook_take_contents (self->workbook, loaded);
  return g_steal_pointer (&self);
}

BkDocument *
bk_document_create (const char  *path,
                    BkWorkbook  *workbook,
                    gboolean     overwrite,
                    GError     **error)
{
  g_autofree char *name = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *tmp = NULL;
  g_autoptr(BkDocument) self = NULL;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (workbook == NULL || BK_IS_WORKBOOK (workbook), NULL);

  name = g_filename_display_basename (path);
  if (!overwrite && g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, BK_ERROR, BK_ERROR_EXISTS,
                   _("“%s” already exists; choose another name or allow overwriting"), name);
      return NULL;
    }

  /* Build the document next to its destination and move it into place, so
   * a failure never leaves a half-written file or harms an existing one. */
  dir = g_path_get_dirname (path);
  tmp = g_build_filename (dir, ".breakeven-new-XXXXXX", NULL);
  fd = g_mkstemp (tmp);
  if (fd < 0)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_IO, _("Cannot create a file in “%s”: %s"), dir, g_strerror (errno));
      return NULL;
    }
  close (fd);

  if (!(self = create_at (tmp, workbook, error)))
    {
      g_unlink (tmp);
      return NULL;
    }

  bk_document_close_db (self);
  set_new_file_mode (tmp, path);
  if (g_rename (tmp, path) != 0)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_IO, _("Cannot write “%s”: %s"), name, g_strerror (errno));
      g_unlink (tmp);
      return NULL;
    }

  g_free (self->path);
  self->path = g_strdup (path);
  if (!open_db (self, path, FALSE, error))
    return NULL;

  return g_steal_pointer (&self);
}

BkDocument *
bk_document_new_temporary (BkWorkbook  *workbook,
                           GError     **error)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "breakeven", "unsaved", NULL);
  g_autofree char *path = NULL;
  BkDocument *self;
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_IO, _("Cannot create “%s”: %s"), dir, g_strerror (errno));
      return NULL;
    }

  path = g_build_filename (dir, "Untitled-XXXXXX.breakeven", NULL);
  fd = g_mkstemp (path);
  if (fd < 0)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_IO, _("Cannot create a file in “%s”: %s"), dir, g_strerror (errno));
      return NULL;
    }
  close (fd);

  self = create_at (path, workbook, error);
  if (self == NULL)
    {
      g_unlink (path);
      return NULL;
    }

  self->temporary = TRUE;
  return self;
}

gboolean
bk_document_save_as (BkDocument  *self,
                     const char  *path,
                     GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *name = NULL;
  g_autofree char *old_path = NULL;
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  gboolean was_temporary;
  int fd, rc;

  g_return_val_if_fail (BK_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->db == NULL)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_IO, _("The document is closed"));
      return FALSE;
    }

  name = g_filename_display_basename (path);
  dir = g_path_get_dirname (path);
  tmp = g_build_filename (dir, ".breakeven-save-XXXXXX", NULL);
  fd = g_mkstemp (tmp);
  if (fd < 0)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_IO, _("Cannot save in “%s”: %s"), dir, g_strerror (errno));
      return FALSE;
    }
  close (fd);

  rc = sqlite3_open_v2 (tmp, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", self->db, "main");
      if (backup != NULL)
        {
          sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
        }
      rc = sqlite3_errcode (dest);
    }
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, dest, rc, error);
      g_prefix_error (error, _("Cannot save “%s”: "), name);
      sqlite3_close_v2 (dest);
      g_unlink (tmp);
      return FALSE;
    }
  sqlite3_close_v2 (dest);

  set_new_file_mode (tmp, path);
  if (g_rename (tmp, path) != 0)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_IO, _("Cannot save “%s”: %s"), name, g_strerror (errno));
      g_unlink (tmp);
      return FALSE;
    }

  /* Continue on the copy. */
  bk_document_close_db (self);
  old_path = g_steal_pointer (&self->path);
  was_temporary = self->temporary;
  self->path = g_strdup (path);
  self->temporary = FALSE;
  self->read_only = FALSE;
  if (!open_db (self, path, FALSE, error))
    return FALSE;

  if (was_temporary)
    g_unlink (old_path);

  return TRUE;
}

void
bk_document_close (BkDocument *self)
{
  g_return_if_fail (BK_IS_DOCUMENT (self));
  bk_document_close_db (self);
}

BkWorkbook *
bk_document_get_workbook (BkDocument *self)
{
  g_return_val_if_fail (BK_IS_DOCUMENT (self), NULL);
  return self->workbook;
}

const char *
bk_document_get_path (BkDocument *self)
{
  g_return_val_if_fail (BK_IS_DOCUMENT (self), NULL);
  return self->path;
}

gboolean
bk_document_is_read_only (BkDocument *self)
{
  g_return_val_if_fail (BK_IS_DOCUMENT (self), TRUE);
  return self->read_only;
}

gboolean
bk_document_is_temporary (BkDocument *self)
{
  g_return_val_if_fail (BK_IS_DOCUMENT (self), FALSE);
  return self->temporary;
}

int
bk_document_get_opened_version (BkDocument *self)
{
  g_return_val_if_fail (BK_IS_DOCUMENT (self), -1);
  return self->opened_version;
}

/* Actions */

static gboolean
check_writable (BkDocument  *self,
                GError     **error)
{
  if (self->db == NULL)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_IO, _("The document is closed"));
      return FALSE;
    }
  if (self->read_only)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_READ_ONLY,
                   _("The document is read-only; use Save As to keep your changes in another file"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
sqlite_values_equal (sqlite3_value *a,
                     const Val     *b)
{
  int type = sqlite3_value_type (a);

  if (b->type == SQLITE_NULL || type == SQLITE_NULL)
    return b->type == type;
  if (b->type == SQLITE_TEXT || type == SQLITE_TEXT)
    return b->type == type && g_strcmp0 ((const char *) sqlite3_value_text (a), b->s) == 0;
  return sqlite3_value_double (a) == val_get_double (b);
}

/* Writes one image with its history row.  Sets *changed when the row really
 * changed (an image equal to what is stored is skipped). */
static gboolean
record_image (BkDocument   *self,
              gint64        action,
              guint        *seq,
              const Image  *image,
              GError      **error)
{
  const TableDesc *desc = &descs[image->table];
  sqlite3_stmt *select, *insert;
  gboolean old_present, same;
  int rc;

  if (!(select = get_statement (self, desc->select_sql, error)))
    return FALSE;
  for (guint k = 0; k < desc->n_keys; k++)
    bind_val (select, (int) k + 1, &image->keys[k]);

  rc = sqlite3_step (select);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      sqlite3_reset (select);
      return set_sqlite_error (self, self->db, rc, error);
    }
  old_present = rc == SQLITE_ROW;

  same = old_present == image->present;
  if (same && old_present)
    for (guint v = 0; v < desc->n_values; v++)
      same &= sqlite_values_equal (sqlite3_column_value (select, (int) v), &image->values[v]);

  if (same)
    {
      sqlite3_reset (select);
      return TRUE;
    }

  insert = get_statement (self,
                          "INSERT INTO history (action, seq, tbl, k1, k2, k3, k4, old_present, o1, o2, o3,"
                          " new_present, n1, n2, n3) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,"
                          " ?12, ?13, ?14, ?15)",
                          error);
  if (insert == NULL)
    {
      sqlite3_reset (select);
      return FALSE;
    }

  sqlite3_bind_int64 (insert, 1, action);
  sqlite3_bind_int (insert, 2, (int) (*seq)++);
  sqlite3_bind_text (insert, 3, desc->name, -1, SQLITE_STATIC);
  for (guint k = 0; k < desc->n_keys; k++)
    bind_val (insert, (int) k + 4, &image->keys[k]);
  sqlite3_bind_int (insert, 8, old_present);
  if (old_present)
    for (guint v = 0; v < desc->n_values; v++)
      sqlite3_bind_value (insert, (int) v + 9, sqlite3_column_value (select, (int) v));
  sqlite3_bind_int (insert, 12, image->present);
  if (image->present)
    for (guint v = 0; v < desc->n_values; v++)
      bind_val (insert, (int) v + 13, &image->values[v]);

  rc = sqlite3_step (insert);
  sqlite3_reset (insert);
  sqlite3_reset (select);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (self, self->db, rc, error);

  return write_image (self, image, error);
}

static gboolean
begin_action (BkDocument  *self,
              const char  *label,
              gint64      *action,
              GError     **error)
{
  sqlite3_stmt *stmt;

  if (!exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  if (!(stmt = get_statement (self, "INSERT INTO actions (label, undone, time) VALUES (?1, 0, ?2)", error)))
    return FALSE;
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    g_autofree char *time = g_date_time_format_iso8601 (now);

    sqlite3_bind_text (stmt, 1, label, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 2, time, -1, SQLITE_TRANSIENT);
  }
  if (!step_done (self, stmt, error))
    return FALSE;

  *action = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

static gboolean
finish_action (BkDocument  *self,
               gint64       action,
               guint        n_recorded,
               GError     **error)
{
  sqlite3_stmt *stmt;

  if (n_recorded == 0)
    {
      /* Nothing changed: leave no empty step in the history. */
      if (!(stmt = get_statement (self, "DELETE FROM actions WHERE id = ?1", error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, action);
      if (!step_done (self, stmt, error))
        return FALSE;
    }
  else
    {
      /* A new action discards whatever was undone (a no-op keeps it). */
      if (!exec (self,
                 "DELETE FROM history WHERE action IN (SELECT id FROM actions WHERE undone = 1);"
                 "DELETE FROM actions WHERE undone = 1;",
                 error))
        return FALSE;
      if (!(stmt = get_statement (self,
                                  "DELETE FROM history WHERE action <= ?1 - " G_STRINGIFY (HISTORY_LIMIT) ";",
                                  error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, action);
      if (!step_done (self, stmt, error))
        return FALSE;
      if (!(stmt = get_statement (self, "DELETE FROM actions WHERE id <= ?1 - " G_STRINGIFY (HISTORY_LIMIT), error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, action);
      if (!step_done (self, stmt, error))
        return FALSE;
    }

  return exec (self, "COMMIT", error);
}

/* Applies images to the in-memory workbook.  Returns FALSE when an image is
 * structural (or does not fit), in which case the caller reloads. */
static gboolean
apply_images (BkWorkbook    *wb,
              GArray        *images,
              BkChangeFlags *flags,
              GHashTable    *touched_rows)
{
  for (guint i = 0; i < images->len; i++)
    {
      const Image *image = &g_array_index (images, Image, i);

      switch (image->table)
        {
        case T_CELLS:
          {
            int scenario = scenario_index (wb, image->keys[0].i);
            const char *formula_text = image->present ? image->values[1].s : NULL;
            BkFormula *formula = NULL;
            BkTable table;
            guint row, period;

            if (scenario < 0 || !lookup_cell (wb, image->keys[1].s, image->keys[2].s, image->keys[3].s,
                                              &table, &row, &period))
              return FALSE;
            if (formula_text != NULL && !(formula = bk_formula_compile (formula_text, table, NULL)))
              return FALSE;

            if (scenario == BK_SCENARIO_BASE)
              {
                bk_workbook_put_cell (wb, table, row, period,
                                      image->present ? val_get_double (&image->values[0]) : NAN, formula);
                g_hash_table_add (touched_rows, GUINT_TO_POINTER ((table << 24) | row));
                *flags |= BK_CHANGE_CELLS;
              }
            else
              {
                bk_workbook_put_override (wb, (guint) scenario, table, row, period, image->present,
                                          image->present ? val_get_double (&image->values[0]) : NAN, formula);
                *flags |= BK_CHANGE_OVERRIDES;
              }
          }
          break;

        case T_NOTES:
          {
            BkTable table;
            guint row, period;

            if (!lookup_cell (wb, image->keys[0].s, image->keys[1].s, image->keys[2].s, &table, &row, &period))
              return FALSE;
            bk_workbook_put_note (wb, table, row, period, image->present ? image->values[0].s : NULL);
            *flags |= BK_CHANGE_NOTES;
          }
          break;

        case T_ASSUMPTIONS:
          {
            int scenario = scenario_index (wb, image->keys[0].i);
            int company = -1;
            BkAssumption assumption;

            if (image->keys[1].s != NULL && *image->keys[1].s != '\0')
              company = bk_workbook_find_company (wb, image->keys[1].s);
            if (scenario < 0 || (company < 0 && image->keys[1].s && *image->keys[1].s) ||
                !bk_assumption_from_key (image->keys[2].s, &assumption))
              return FALSE;
            bk_workbook_put_assumption (wb, (guint) scenario, company, assumption,
                                        image->present ? val_get_double (&image->values[0]) : NAN);
            *flags |= BK_CHANGE_ASSUMPTIONS;
          }
          break;

        case T_META:
          if (g_strcmp0 (image->keys[0].s, "title") != 0)
            return FALSE;
          bk_workbook_set_title (wb, image->present ? image->values[0].s : "");
          *flags |= BK_CHANGE_TITLE;
          break;

        case T_MARKETS:
        case T_COMPANIES:
        case T_SCENARIOS:
        case N_TABLE_DESCS:
        default:
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
reload (BkDocument  *self,
        GError     **error)
{
  g_autoptr(BkWorkbook) wb = load_workbook (self, error);

  if (wb == NULL)
    return FALSE;
  bk_workbook_take_contents (self->workbook, wb);
  return TRUE;
}

/* After images are applied in memory: recompute touched rows and tell. */
static void
announce (BkDocument    *self,
          BkChangeFlags  flags,
          GHashTable    *touched_rows,
          int            table,
          int            row,
          int            period,
          int            n_rows,
          int            n_periods)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, touched_rows);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint packed = GPOINTER_TO_UINT (key);

      bk_workbook_recompute_row (self->workbook, (BkTable) (packed >> 24), packed & 0xffffff);
    }

  bk_workbook_emit_changed (self->workbook, flags, table, row, period, n_rows, n_periods);
}

/* Runs one action made of images.  @structural: the workbook is reread from
 * the file inside the transaction, formula values recomputed and written as
 * part of the same action, and the new contents swapped in. */
static gboolean
run_action (BkDocument  *self,
            const char  *label,
            GArray      *images,
            gboolean     structural,
            int          table,
            int          row,
            int          period,
            int          n_rows,
            int          n_periods,
            GError     **error)
{
  g_autoptr(BkWorkbook) loaded = NULL;
  g_autoptr(GHashTable) touched = NULL;
  BkChangeFlags flags = 0;
  gint64 action;
  guint seq = 0;

  if (!check_writable (self, error))
    return FALSE;

  if (!begin_action (self, label, &action, error))
    goto failed;

  for (guint i = 0; i < images->len; i++)
    if (!record_image (self, action, &seq, &g_array_index (images, Image, i), error))
      goto failed;

  if (structural && seq > 0)
    {
      g_autoptr(GArray) values = images_new ();
      guint n;

      if (!(loaded = load_workbook (self, error)))
        goto failed;

      /* Formulas may see other `prev` values now (a period removed at the
       * start, say): store what they compute now, in the same action. */
      n = bk_workbook_get_n_periods (loaded);
      for (guint t = 0; t < BK_N_TABLES; t++)
        for (guint r = 0; r < bk_workbook_get_n_rows (loaded, (BkTable) t); r++)
          for (guint p = 0; p < n; p++)
            {
              BkCell cell;

              bk_workbook_get_cell (loaded, BK_SCENARIO_BASE, (BkTable) t, r, p, &cell);
              if (cell.formula != NULL)
                {
                  g_autofree char *label_p = bk_workbook_dup_period_label (loaded, p);

                  add_cell_image (values, 0, (BkTable) t, bk_workbook_get_row_id (loaded, (BkTable) t, r),
                                  label_p, TRUE, cell.value, cell.formula);
                }
            }
      for (guint i = 0; i < values->len; i++)
        if (!record_image (self, action, &seq, &g_array_index (values, Image, i), error))
          goto failed;
    }

  if (!finish_action (self, action, seq, error))
    goto failed;

  if (seq == 0)
    return TRUE;

  if (structural)
    {
      bk_workbook_take_contents (self->workbook, loaded);
      return TRUE;
    }

  touched = g_hash_table_new (g_direct_hash, g_direct_equal);
  if (!apply_images (self->workbook, images, &flags, touched))
    return reload (self, error);

  announce (self, flags, touched, table, row, period, n_rows, n_periods);
  return TRUE;

failed:
  rollback (self);
  return FALSE;
}

/* Cells */

static char *
cell_name (BkWorkbook *wb,
           BkTable     table,
           guint       row,
           guint       period)
{
  g_autofree char *label = bk_workbook_dup_period_label (wb, period);

  return g_strdup_printf ("%s %s %s", bk_table_to_string (table),
                          bk_workbook_get_row_id (wb, table, row), label);
}

static gboolean
check_range (BkWorkbook  *wb,
             BkTable      table,
             guint        row,
             guint        period,
             guint        n_rows,
             guint        n_periods,
             GError     **error)
{
  if (table >= BK_N_TABLES)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_NOT_FOUND, _("No such table"));
      return FALSE;
    }
  if (n_rows == 0 || n_periods == 0 ||
      row >= bk_workbook_get_n_rows (wb, table) || n_rows > bk_workbook_get_n_rows (wb, table) - row ||
      period >= bk_workbook_get_n_periods (wb) || n_periods > bk_workbook_get_n_periods (wb) - period)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_NOT_FOUND, _("The cells are outside the table"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
same_double (double a,
             double b)
{
  return (isnan (a) && isnan (b)) || a == b;
}

gboolean
bk_document_set_cells (BkDocument            *self,
                       guint                  scenario,
                       BkTable                table,
                       guint                  row,
                       guint                  period,
                       guint                  n_rows,
                       guint                  n_periods,
                       const char * const    *texts,
                       const BkNumberLocale  *locale,
                       GError               **error)
{
  BkWorkbook *wb;
  g_autoptr(GArray) images = images_new ();
  g_autofree double *values = NULL;
  g_autofree double *out = NULL;
  g_autofree BkFormula **formulas = NULL;
  g_autofree char **errors = NULL;
  g_autoptr(GPtrArray) compiled = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_formula_free);
  g_autofree char *label = NULL;
  gint64 scenario_id;
  guint n;

  g_return_val_if_fail (BK_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (texts != NULL, FALSE);

  wb = self->workbook;
  if (!check_writable (self, error) ||
      !check_range (wb, table, row, period, n_rows, n_periods, error))
    return FALSE;
  if (scenario > bk_workbook_get_n_scenarios (wb))
    {
      g_set_error (error, BK_ERROR, BK_ERROR_NOT_FOUND, _("No such scenario"));
      return FALSE;
    }

  n = bk_workbook_get_n_periods (wb);
  scenario_id = scenario == BK_SCENARIO_BASE ? 0 : bk_workbook_get_scenario (wb, scenario)->id;
  values = g_new (double, n);
  out = g_new (double, n);
  formulas = g_new (BkFormula *, n);
  errors = g_new0 (char *, n);

  for (guint r = row; r < row + n_rows; r++)
    {
      BkEntity *entity = bk_workbook_get_entity (wb, table, r);
      BkRow *base = &entity->rows[table];

      /* The row's inputs as this scenario has them … */
      for (guint p = 0; p < n; p++)
        {
          BkScenario *s = scenario != BK_SCENARIO_BASE ? bk_workbook_get_scenario (wb, scenario) : NULL;
          guint64 key = bk_override_key (table, r, p);
          BkOverride *override = s ? g_hash_table_lookup (s->cells, &key) : NULL;

          values[p] = override ? override->value : base->values[p];
          formulas[p] = override ? override->formula : (base->formulas ? base->formulas[p] : NULL);
          if (formulas[p] != NULL && !override)
            values[p] = NAN;
        }

      /* … with the typed texts in place */
      for (guint p = period; p < period + n_periods; p++)
        {
          const char *text = texts[(r - row) * n_periods + (p - period)];
          g_autoptr(GError) local_error = NULL;
          BkInput input = { 0, };

          if (!bk_input_parse (text ? text : "", table, locale, &input, &local_error) ||
              (input.kind == BK_INPUT_NUMBER && !bk_table_check_value (table, input.value, &local_error)))
            {
              g_autofree char *where = cell_name (wb, table, r, p);

              bk_input_clear (&input);
              for (guint i = 0; i < n; i++)
                g_free (errors[i]);
              g_set_error (error, BK_ERROR, local_error->code, "%s: %s", where, local_error->message);
              return FALSE;
            }

          values[p] = input.kind == BK_INPUT_NUMBER ? input.value : NAN;
          formulas[p] = NULL;
          if (input.kind == BK_INPUT_FORMULA)
            {
              formulas[p] = bk_formula_compile (input.formula, table, &local_error);
              if (formulas[p] == NULL)
                {
                  g_autofree char *where = cell_name (wb, table, r, p);

                  bk_input_clear (&input);
                  g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT, "%s: %s", where, local_error->message);
                  return FALSE;
                }
              g_ptr_array_add (compiled, formulas[p]);
            }
          bk_input_clear (&input);
        }

      bk_row_evaluate (table, n, values, formulas, out, errors);

      /* A formula typed now must work now; one further along the row that
       * stops working is kept and shown as invalid. */
      for (guint p = period; p < period + n_periods; p++)
        if (errors[p] != NULL && formulas[p] != NULL)
          {
            g_autofree char *where = cell_name (wb, table, r, p);

            g_set_error (error, BK_ERROR, BK_ERROR_FORMULA, "%s: %s: %s", where,
                         bk_formula_get_text (formulas[p]), errors[p]);
            for (guint i = 0; i < n; i++)
              g_free (errors[i]);
            return FALSE;
          }
      for (guint i = 0; i < n; i++)
        g_clear_pointer (&errors[i], g_free);

      for (guint p = 0; p < n; p++)
        {
          g_autofree char *period_label = bk_workbook_dup_period_label (wb, p);
          const char *formula = formulas[p] ? bk_formula_get_text (formulas[p]) : NULL;
          gboolean typed = p >= period && p < period + n_periods;

          if (scenario == BK_SCENARIO_BASE)
            {
              const char *old_formula = (base->formulas && base->formulas[p])
                ? bk_formula_get_text (base->formulas[p]) : NULL;

              if (!typed && same_double (out[p], base->values[p]) && g_strcmp0 (formula, old_formula) == 0)
                continue;
              add_cell_image (images, 0, table, entity->id, period_label,
                              formula != NULL || !isnan (out[p]), out[p], formula);
            }
          else if (typed)
            add_cell_image (images, scenario_id, table, entity->id, period_label, TRUE, out[p], formula);
        }
    }

  if (n_rows * n_periods == 1)
    {
      g_autofree char *where = cell_name (wb, table, row, period);
      label = g_strdup_printf (_("Edit %s"), where);
    }
  else
    label = g_strdup_printf (_("Edit %u cells"), n_rows * n_periods);

  return run_action (self, label, images, FALSE, (int) table, (int) row, (int) period,
                     (int) n_rows, (int) n_periods, error);
}

gboolean
bk_document_reset_cells (BkDocument  *self,
                         guint        scenario,
                         BkTable      table,
                         guint        row,
                         guint        period,
                         guint        n_rows,
                         guint        n_periods,
                         GError     **error)
{
  BkWorkbook *wb;
  BkScenario *s;
  g_autoptr(GArray) images = images_new ();

  g_return_val_if_fail (BK_IS_DOCUMENT (self), FALSE);

  wb = self->workbook;
  if (!check_writable (self, error) ||
      !check_range (wb, table, row, period, n_rows, n_periods, error))
    return FALSE;
  if (scenario == BK_SCENARIO_BASE || scenario > bk_workbook_get_n_scenarios (wb))
    {
      g_set_error (error, BK_ERROR, BK_ERROR_NOT_FOUND, _("Choose a scenario other than Base to reset cells to Base"));
      return FALSE;
    }

  s = bk_workbook_get_scenario (wb, scenario);
  for (guint r = row; r < row + n_rows; r++)
    for (guint p = period; p < period + n_periods; p++)
      {
        guint64 key = bk_override_key (table, r, p);

        if (g_hash_table_contains (s->cells, &key))
          {
            g_autofree char *label = bk_workbook_dup_period_label (wb, p);

            add_cell_image (images, s->id, table, bk_workbook_get_row_id (wb, table, r), label, FALSE, NAN, NULL);
          }
      }

  if (images->len == 0)
    return TRUE;

  return run_action (self, _("Reset to Base"), images, FALSE, (int) table, (int) row, (int) period,
                     (int) n_rows, (int) n_periods, error);
}

gboolean
bk_document_set_note (BkDocument  *self,
                      BkTable      table,
                      guint        row,
                      guint        period,
                      const char  *text,
                      GError     **error)
{
  g_autoptr(GArray) images = images_new ();
  g_autofree char *label = NULL;
  gboolean present;
  Image *image;

  g_return_val_if_fail (BK_IS_DOCUMENT (self), FALSE);

  if (!check_writable (self, error) ||
      !check_range (self->workbook, table, row, period, 1, 1, error))
    return FALSE;
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT, _("The note is not valid text"));
      return FALSE;
    }

  present = text != NULL && *text != '\0';
  label = bk_workbook_dup_period_label (self->workbook, period);
  image = images_add (images, T_NOTES, present);
  image->keys[0] = val_text (bk_table_to_string (table));
  image->keys[1] = val_text (bk_workbook_get_row_id (self->workbook, table, row));
  image->keys[2] = val_text (label);
  if (present)
    image->values[0] = val_text (text);

  return run_action (self, _("Edit note"), images, FALSE, (int) table, (int) row, (int) period, 1, 1, error);
}

gboolean
bk_document_set_assumption (BkDocument    *self,
                            guint          scenario,
                            int            company,
                            BkAssumption   assumption,
                            double         value,
                            GError       **error)
{
  g_return_val_if_fail (BK_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (assumption < BK_N_ASSUMPTIONS, FALSE);

  /* A block of one: the same checks, the same "Change …" label */
  return bk_document_set_assumptions (self, scenario, 1, &company, &assumption, &value, error);
}

gboolean
bk_document_set_assumptions (BkDocument          *self,
                             guint                scenario,
                             guint                n,
                             const int           *companies,
                             const BkAssumption  *assumptions,
                             const double        *values,
                             GError             **error)
{
  BkWorkbook *wb;
  g_autoptr(GArray) images = images_new ();
  g_autofree char *label = NULL;
  gint64 scenario_id;

  g_return_val_if_fail (BK_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (n == 0 || (companies != NULL && assumptions != NULL && values != NULL), FALSE);

  wb = self->workbook;
  if (!check_writable (self, error))
    return FALSE;
  if (n == 0)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_NOTHING_TO_DO, _("Nothing to change"));
      return FALSE;
    }
  if (scenario > bk_workbook_get_n_scenarios (wb))
    {
      g_set_error (error, BK_ERROR, BK_ERROR_NOT_FOUND, _("No such scenario or company"));
      return FALSE;
    }

  scenario_id = scenario == BK_SCENARIO_BASE ? 0 : bk_workbook_get_scenario (wb, scenario)->id;
  for (guint i = 0; i < n; i++)
    {
      if (assumptions[i] >= BK_N_ASSUMPTIONS ||
          companies[i] < -1 || companies[i] >= (int) bk_workbook_get_n_companies (wb))
        {
          g_set_error (error, BK_ERROR, BK_ERROR_NOT_FOUND, _("No such scenario or company"));
          return FALSE;
        }
      if (companies[i] >= 0 && bk_assumption_is_workbook_only (assumptions[i]))
        {
          g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                       _("%s can only be set for the workbook or a scenario, not for one company"),
                       bk_assumption_get_key (assumptions[i]));
          return FALSE;
        }
      if (!isnan (values[i]) && !bk_assumption_check (assumptions[i], values[i], error))
        return FALSE;
      add_assumption_image (images, scenario_id,
                            companies[i] >= 0 ? bk_workbook_get_company_id (wb, (guint) companies[i]) : NULL,
                            assumptions[i], values[i]);
    }

  if (n == 1)
    label = g_strdup_printf (_("Change %s"), bk_assumption_get_name (assumptions[0]));
  else
    label = g_strdup (_("Change assumptions"));

  return run_action (self, label, images, FALSE, -1, -1, -1, -1, -1, error);
}

gboolean
bk_document_set_title (BkDocument  *self,
                       const char  *title,
                       GError     **error)
{
  g_autoptr(GArray) images = images_new ();

  g_return_val_if_fail (BK_IS_DOCUMENT (self), FALSE);

  if (title == NULL || !g_utf8_validate (title, -1, NULL))
    {
      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT, _("The title is not valid text"));
      return FALSE;
    }

  add_meta (images, "title", title);
  return run_action (self, _("Rename workbook"), images, FALSE, -1, -1, -1, -1, -1, error);
}

/* Rows */

static gboolean
check_id (const char  *id,
          GError     **error)
{
  if (id == NULL || *id == '\0' || strlen (id) > 64 || !g_utf8_validate (id, -1, NULL))
    {
      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT, _("An id must be 1 to 64 characters long"));
      return FALSE;
    }
  for (const char *p = id; *p; p++)
    if (g_ascii_iscntrl (*p) || g_ascii_isspace (*p) || *p == ',' || *p == '"')
      {
        g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                     _("“%s” is not a valid id: use letters, digits, '-', '_' or '.', without spaces"), id);
        return FALSE;
      }
  return TRUE;
}

static gboolean
check_name (const char  *name,
            GError     **error)
{
  g_autofree char *stripped = NULL;

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    {
      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT, _("The name is not valid text"));
      return FALSE;
    }
  stripped = g_strstrip (g_strdup (name));
  if (*stripped == '\0')
    {
      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT, _("A name cannot be empty"));
      return FALSE;
    }
  return TRUE;
}

/* Images that give the rows of @kind the positions of @order (ids). */
static void
position_images (GArray    *images,
                 BkWorkbook *wb,
                 gboolean   market,
                 GPtrArray *order,
                 const char *new_name,
                 const char *new_market)
{
  for (guint i = 0; i < order->len; i++)
    {
      const char *id = order->pdata[i];
      Image *image = images_add (images, market ? T_MARKETS : T_COMPANIES, TRUE);
      int index = market ? bk_workbook_find_market (wb, id) : bk_workbook_find_company (wb, id);

      image->keys[0] = val_text (id);
      if (index < 0)
        {
          image->values[0] = val_text (new_name);
          if (!market)
            image->values[1] = val_text (new_market);
        }
      else if (market)
        image->values[0] = val_text (bk_workbook_get_market_name (wb, (guint) index));
      else
        {
          image->values[0] = val_text (bk_workbook_get_company_name (wb, (guint) index));
          image->values[1] = val_text (bk_workbook_get_market_id (wb, bk_workbook_get_company_market (wb, (guint) index)));
        }
      image->values[market ? 1 : 2] = val_int (i);
    }
}

/* In row images made by position_images(), sets value @column of row @id. */
static void
set_row_value (GArray     *images,
               const char *id,
               guint       column,
               const char *text)
{
  for (guint i = 0; i < images->len; i++)
    {
      Image *image = &g_array_index (images, Image, i);

      if (g_str_equal (image->keys[0].s, id))
        {
          g_free (image->values[column].s);
          image->values[column] = val_text (text);
        }
    }
}

static GPtrArray *
current_order (BkWorkbook *wb,
               gboolean    market)
{
  GPtrArray *order = g_ptr_array_new ();
  guint n = market ? bk_workbook_get_n_markets (wb) : bk_workbook_get_n_companies (wb);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (order, (gpointer) (market ? bk_workbook_get_market_id (wb, i)
                                               : bk_workbook_get_company_id (wb, i)));
  return order;
}

static gboolean
add_row (BkDocument  *self,
         gboolean     market,
         const char  *id,
         const char  *name,
         const char  *market_id,
         guint        position,
         GError     **error)
{
  BkWorkbook *wb = self->workbook;
  g_autoptr(GArray) images = images_new ();
  g_autoptr(GPtrArray) order = NULL;
  g_autofree char *label = NULL;

  if (!check_writable (self, error) || !check_id (id, error))
    return FALSE;
  if (name == NULL || *name == '\0')
    name = id;
  if (!check_name (name, error))
    return FALSE;
  if ((market ? bk_workbook_find_market (wb, id) : bk_workbook_find_company (wb, id)) >= 0)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_EXISTS,
                   market ? _("There is already a market “%s”") : _("There is already a company “%s”"), id);
      return FALSE;
    }
  if (!market && bk_workbook_find_market (wb, market_id) < 0)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_NOT_FOUND, _("Unknown market “%s”"), market_id ? market_id : "");
      return FALSE;
    }

  order = current_order (wb, market);
  g_ptr_array_insert (order, (int) MIN (position, order->len), (gpointer) id);
  position_images (images, wb, market, order, name, market_id);

  label = g_strdup_printf (market ? _("Add market %s") : _("Add company %s"), name);
  return run_action (self, label, images, TRUE, -1, -1, -1, -1, -1, error);
}

gboolean
bk_document_add_company (BkDocument  *self,
                         const char  *id,
                         const char  *name,
                         const char  *market,
                         guint        position,
                         GError     **error)
{
  g_return_val_if_fail (BK_IS_DOCUMENT (self), FALSE);
  return add_row (self, FALSE, id, name, market, position, error);
}

gboolean
bk_document_add_market (BkDocument  *self,
                        const char  *id,
                        const char  *name,
                        guint        position,
                        GError     **error)
{
  g_return_val_if_fail (BK_IS_DOCUMENT (self), FALSE);
  return add_row (self, TRUE, id, name, NULL, position, error);
}

static int
find_row_or_fail (BkWorkbook  *wb,
                  gboolean     market,
                  const char  *id,
                  GError     **error)
{
  int index = market ? bk_workbook_find_market (wb, id) : bk_workbook_find_company (wb, id);

  if (index < 0)
    g_set_error (error, BK_ERROR, BK_ERROR_NOT_FOUND,
                 market ? _("Unknown market “%s”") : _("Unknown company “%s”"), id ? id : "");
  return index;
}

gboolean
bk_document_rename_row (BkDocument  *self,
                        gboolean     market,
                        const char  *id,
                        const char  *name,
                        GError     **error)
{
  BkWorkbook *wb;
  g_autoptr(GArray) images = images_new ();
  g_autoptr(GPtrArray) order = NULL;
  g_autofree char *stripped = NULL;
  int index;

  g_return_val_if_fail (BK_IS_DOCUMENT (self), FALSE);

  wb = self->workbook;
  if (!check_writable (self, error) ||
      (index = find_row_or_fail (wb, market, id, error)) < 0 ||
      !check_name (name, error))
    return FALSE;

  stripped = g_strstrip (g_strdup (name));
  order = current_order (wb, market);
  position_images (images, wb, market, order, NULL, NULL);
  set_row_value (images, id, 0, stripped);

  return run_action (self, _("Rename"), images, TRUE, -1, -1, -1, -1, -1, error);
}

gboolean
bk_document_set_company_market (BkDocument  *self,
                                const char  *id,
                                const char  *market,
                                GError     **error)
{
  BkWorkbook *wb;
  g_autoptr(GArray) images = images_new ();
  g_autoptr(GPtrArray) order = NULL;

  g_return_val_if_fail (BK_IS_DOCUMENT (self), FALSE);

  wb = self->workbook;
  if (!check_writable (self, error) ||
      find_row_or_fail (wb, FALSE, id, error) < 0 ||
      find_row_or_fail (wb, TRUE, market, error) < 0)
    return FALSE;

  order = current_order (wb, FALSE);
  position_images (images, wb, FALSE, order, NULL, NULL);
  set_row_value (images, id, 1, market);

  return run_action (self, _("Change market"), images, TRUE, -1, -1, -1, -1, -1, error);
}

gboolean
bk_document_move_row (BkDocument  *self,
                      gboolean     market,
                      const char  *id,
                      guint        position,
                      GError     **error)
{
  BkWorkbook *wb;
  g_autoptr(GArray) images = images_new ();
  g_autoptr(GPtrArray) order = NULL;
  int index;

  g_return_val_if_fail (BK_IS_DOCUMENT (self), FALSE);

  wb = self->workbook;
  if (!check_writable (self, error) ||
      (index = find_row_or_fail (wb, market, id, error)) < 0)
    return FALSE;

  order = current_order (wb, market);
  g_ptr_array_remove_index (order, (guint) index);
  g_ptr_array_insert (order, (int) MIN (position, order->len), (gpointer) (market ? bk_workbook_get_market_id (wb, (guint) index)
                                                                                 : bk_workbook_get_company_id (wb, (guint) index)));
  position_images (images, wb, market, order, NULL, NULL);

  return run_action (self, _("Move row"), images, TRUE, -1, -1, -1, -1, -1, error);
}

/* Images that delete every stored row a query returns (the query selects
 * the key columns of @table). */
static gboolean
delete_images_from_query (BkDocument  *self,
                          GArray      *images,
                          TableId      table,
                          const char  *sql,
                          const char  *param1,
                          const char  *param2,
                          GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = get_statement (self, sql, error)))
    return FALSE;
  if (param1)
    sqlite3_bind_text (stmt, 1, param1, -1, SQLITE_TRANSIENT);
  if (param2)
    sqlite3_bind_text (stmt, 2, param2, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Image *image = images_add (images, table, FALSE);

      for (guint k = 0; k < descs[table].n_keys; k++)
        image->keys[k] = val_from_sqlite (sqlite3_column_value (stmt, (int) k));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return set_sqlite_error (self, self->db, rc, error);
  return TRUE;
}

gboolean
bk_document_remove_row (BkDocument  *self,
                        gboolean     market,
                        const char  *id,
                        GError     **error)
{
  BkWorkbook *wb;
  g_autoptr(GArray) images = images_new ();
  g_autoptr(GPtrArray) order = NULL;
  g_autofree char *label = NULL;
  int index;

  g_return_val_if_fail (BK_IS_DOCUMENT (self), FALSE);

  wb = self->workbook;
  if (!check_writable (self, error) ||
      (index = find_row_or_fail (wb, market, id, error)) < 0)
    return FALSE;

  if (market)
    for (guint c = 0; c < bk_workbook_get_n_companies (wb); c++)
      if (bk_workbook_get_company_market (wb, c) == (guint) index)
        {
          g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                       _("The market “%s” still has companies; move or remove them first"), id);
          return FALSE;
        }

  if (market)
    {
      if (!delete_images_from_query (self, images, T_CELLS,
                                     "SELECT scenario, tbl, row, period FROM cells WHERE tbl = 'tokens' AND row = ?1",
                                     id, NULL, error) ||
          !delete_images_from_query (self, images, T_NOTES,
                                     "SELECT tbl, row, period FROM notes WHERE tbl = 'tokens' AND row = ?1",
                                     id, NULL, error))
        return FALSE;
    }
  else
    {
      if (!delete_images_from_query (self, images, T_CELLS,
                                     "SELECT scenario, tbl, row, period FROM cells WHERE tbl <> 'tokens' AND row = ?1",
                                     id, NULL, error) ||
          !delete_images_from_query (self, images, T_NOTES,
                                     "SELECT tbl, row, period FROM notes WHERE tbl <> 'tokens' AND row = ?1",
                                     id, NULL, error) ||
          !delete_images_from_query (self, images, T_ASSUMPTIONS,
                                     "SELECT scenario, company, key FROM assumptions WHERE company = ?1",
                                     id, NULL, error))
        return FALSE;
    }

  {
    Image *image = images_add (images, market ? T_MARKETS : T_COMPANIES, FALSE);
    image->keys[0] = val_text (id);
  }

  order = current_order (wb, market);
  g_ptr_array_remove_index (order, (guint) index);
  position_images (images, wb, market, order, NULL, NULL);

  label = g_strdup_printf (market ? _("Remove market %s") : _("Remove company %s"), id);
  return run_action (self, label, images, TRUE, -1, -1, -1, -1, -1, error);
}

/* Periods */

gboolean
bk_document_add_period (BkDocument  *self,
                        gboolean     at_start,
                        GError     **error)
{
  BkWorkbook *wb;
  g_autoptr(GArray) images = images_new ();
  g_autofree char *first = NULL;
  g_autofree char *periods = NULL;
  gint64 check;

  g_return_val_if_fail (BK_IS_DOCUMENT (self), FALSE);

  wb = self->workbook;
  if (!check_writable (self, error))
    return FALSE;
  if (bk_workbook_get_n_periods (wb) >= 1000)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT, _("A workbook can have at most 1000 periods"));
      return FALSE;
    }

  first = bk_period_label (bk_workbook_get_granularity (wb), bk_workbook_get_first_period (wb) - (at_start ? 1 : 0));
  {
    g_autofree char *last = bk_period_label (bk_workbook_get_granularity (wb),
                                             bk_workbook_get_first_period (wb) + bk_workbook_get_n_periods (wb));
    if (!bk_period_parse (bk_workbook_get_granularity (wb), at_start ? first : last, &check))
      {
        g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT, _("Periods must lie between 1900 and 2999"));
        return FALSE;
      }
  }
  periods = g_strdup_printf ("%u", bk_workbook_get_n_periods (wb) + 1);
  add_meta (images, "first_period", first);
  add_meta (images, "periods", periods);

  return run_action (self, _("Add period"), images, TRUE, -1, -1, -1, -1, -1, error);
}

gboolean
bk_document_remove_period (BkDocument  *self,
                           gboolean     at_start,
                           GError     **error)
{
  BkWorkbook *wb;
  g_autoptr(GArray) images = images_new ();
  g_autofree char *first = NULL;
  g_autofree char *periods = NULL;
  g_autofree char *label = NULL;
  guint n;

  g_return_val_if_fail (BK_IS_DOCUMENT (self), FALSE);

  wb = self->workbook;
  if (!check_writable (self, error))
    return FALSE;
  n = bk_workbook_get_n_periods (wb);
  if (n <= 1)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT, _("A workbook needs at least one period"));
      return FALSE;
    }

  label = bk_workbook_dup_period_label (wb, at_start ? 0 : n - 1);
  if (!delete_images_from_query (self, images, T_CELLS,
                                 "SELECT scenario, tbl, row, period FROM cells WHERE period = ?1",
                                 label, NULL, error) ||
      !delete_images_from_query (self, images, T_NOTES,
                                 "SELECT tbl, row, period FROM notes WHERE period = ?1",
                                 label, NULL, error))
    return FALSE;

  first = bk_workbook_dup_period_label (wb, at_start ? 1 : 0);
  periods = g_strdup_printf ("%u", n - 1);
  add_meta (images, "first_period", first);
  add_meta (images, "periods", periods);

  return run_action (self, _("Remove period"), images, TRUE, -1, -1, -1, -1, -1, error);
}

/* Scenarios */

static gboolean
check_scenario_name (BkWorkbook  *wb,
                     const char  *name,
                     int          except,
                     GError     **error)
{
  g_autofree char *stripped = NULL;
  int found;

  if (!check_name (name, error))
    return FALSE;

  stripped = g_strstrip (g_strdup (name));
  found = bk_workbook_find_scenario (wb, stripped);
  if (found >= 0 && found != except)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_EXISTS, _("There is already a scenario called “%s”"), stripped);
      return FALSE;
    }
  return TRUE;
}

static void
scenario_images (GArray     *images,
                 BkWorkbook *wb,
                 GPtrArray  *names,
                 GArray     *ids)
{
  for (guint i = 0; i < names->len; i++)
    {
      Image *image = images_add (images, T_SCENARIOS, TRUE);

      image->keys[0] = val_int (g_array_index (ids, gint64, i));
      image->values[0] = val_text (names->pdata[i]);
      image->values[1] = val_int (i + 1);
    }
}

static void
current_scenarios (BkWorkbook *wb,
                   GPtrArray  *names,
                   GArray     *ids)
{
  for (guint s = 1; s <= bk_workbook_get_n_scenarios (wb); s++)
    {
      gint64 id = bk_workbook_get_scenario (wb, s)->id;

      g_ptr_array_add (names, (gpointer) bk_workbook_get_scenario_name (wb, s));
      g_array_append_val (ids, id);
    }
}

gboolean
bk_document_add_scenario (BkDocument  *self,
                          const char  *name,
                          guint        copy_from,
                          GError     **error)
{
  BkWorkbook *wb;
  g_autoptr(GArray) images = images_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *stripped = NULL;
  g_autofree char *label = NULL;
  gint64 id = 1;

  g_return_val_if_fail (BK_IS_DOCUMENT (self), FALSE);

  wb = self->workbook;
  if (!check_writable (self, error) || !check_scenario_name (wb, name, -1, error))
    return FALSE;
  if (copy_from > bk_workbook_get_n_scenarios (wb))
    {
      g_set_error (error, BK_ERROR, BK_ERROR_NOT_FOUND, _("No such scenario"));
      return FALSE;
    }

  stripped = g_strstrip (g_strdup (name));
  current_scenarios (wb, names, ids);
  for (guint i = 0; i < ids->len; i++)
    id = MAX (id, g_array_index (ids, gint64, i) + 1);
  g_ptr_array_add (names, stripped);
  g_array_append_val (ids, id);
  scenario_images (images, wb, names, ids);

  if (copy_from != BK_SCENARIO_BASE)
    {
      BkScenario *source = bk_workbook_get_scenario (wb, copy_from);
      guint n = bk_workbook_get_n_periods (wb);

      add_assumption_layer_images (images, wb, copy_from, id);

      for (guint t = 0; t < BK_N_TABLES; t++)
        for (guint r = 0; r < bk_workbook_get_n_rows (wb, (BkTable) t); r++)
          for (guint p = 0; p < n; p++)
            {
              guint64 key = bk_override_key ((BkTable) t, r, p);
              BkOverride *override = g_hash_table_lookup (source->cells, &key);

              if (override != NULL)
                {
                  g_autofree char *period_label = bk_workbook_dup_period_label (wb, p);

                  add_cell_image (images, id, (BkTable) t, bk_workbook_get_row_id (wb, (BkTable) t, r),
                                  period_label, TRUE, override->value,
                                  override->formula ? bk_formula_get_text (override->formula) : NULL);
                }
            }
    }

  label = g_strdup_printf (_("Add scenario %s"), stripped);
  return run_action (self, label, images, TRUE, -1, -1, -1, -1, -1, error);
}

gboolean
bk_document_rename_scenario (BkDocument  *self,
                             guint        scenario,
                             const char  *name,
                             GError     **error)
{
  BkWorkbook *wb;
  g_autoptr(GArray) images = images_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (BK_IS_DOCUMENT (self), FALSE);

  wb = self->workbook;
  if (!check_writable (self, error))
    return FALSE;
  if (scenario == BK_SCENARIO_BASE || scenario > bk_workbook_get_n_scenarios (wb))
    {
      g_set_error (error, BK_ERROR, BK_ERROR_NOT_FOUND, _("The base scenario cannot be renamed"));
      return FALSE;
    }
  if (!check_scenario_name (wb, name, (int) scenario, error))
    return FALSE;

  stripped = g_strstrip (g_strdup (name));
  current_scenarios (wb, names, ids);
  names->pdata[scenario - 1] = stripped;
  scenario_images (images, wb, names, ids);

  return run_action (self, _("Rename scenario"), images, TRUE, -1, -1, -1, -1, -1, error);
}

gboolean
bk_document_remove_scenario (BkDocument  *self,
                             guint        scenario,
                             GError     **error)
{
  BkWorkbook *wb;
  g_autoptr(GArray) images = images_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *id_text = NULL;
  g_autofree char *label = NULL;
  gint64 id;

  g_return_val_if_fail (BK_IS_DOCUMENT (self), FALSE);

  wb = self->workbook;
  if (!check_writable (self, error))
    return FALSE;
  if (scenario == BK_SCENARIO_BASE || scenario > bk_workbook_get_n_scenarios (wb))
    {
      g_set_error (error, BK_ERROR, BK_ERROR_NOT_FOUND, _("The base scenario cannot be removed"));
      return FALSE;
    }

  id = bk_workbook_get_scenario (wb, scenario)->id;
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  label = g_strdup_printf (_("Remove scenario %s"), bk_workbook_get_scenario_name (wb, scenario));

  if (!delete_images_from_query (self, images, T_CELLS,
                                 "SELECT scenario, tbl, row, period FROM cells WHERE scenario = CAST(?1 AS INTEGER)",
                                 id_text, NULL, error) ||
      !delete_images_from_query (self, images, T_ASSUMPTIONS,
                                 "SELECT scenario, company, key FROM assumptions WHERE scenario = CAST(?1 AS INTEGER)",
                                 id_text, NULL, error))
    return FALSE;

  {
    Image *image = images_add (images, T_SCENARIOS, FALSE);
    image->keys[0] = val_int (id);
  }

  current_scenarios (wb, names, ids);
  g_ptr_array_remove_index (names, scenario - 1);
  g_array_remove_index (ids, scenario - 1);
  scenario_images (images, wb, names, ids);

  return run_action (self, label, images, TRUE, -1, -1, -1, -1, -1, error);
}

/* History */

static gint64
find_action (BkDocument *self,
             gboolean    undo,
             char      **label)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  if (self->db == NULL)
    return 0;

  stmt = get_statement (self,
                        undo ? "SELECT id, label FROM actions WHERE undone = 0 ORDER BY id DESC LIMIT 1"
                             : "SELECT id, label FROM actions WHERE undone = 1 ORDER BY id ASC LIMIT 1",
                        NULL);
  if (stmt == NULL)
    return 0;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      if (label)
        *label = dup_column_text (stmt, 1);
    }
  sqlite3_reset (stmt);

  return id;
}

gboolean
bk_document_can_undo (BkDocument *self)
{
  g_return_val_if_fail (BK_IS_DOCUMENT (self), FALSE);
  return !self->read_only && find_action (self, TRUE, NULL) != 0;
}

gboolean
bk_document_can_redo (BkDocument *self)
{
  g_return_val_if_fail (BK_IS_DOCUMENT (self), FALSE);
  return !self->read_only && find_action (self, FALSE, NULL) != 0;
}

char *
bk_document_dup_undo_label (BkDocument *self)
{
  char *label = NULL;

  g_return_val_if_fail (BK_IS_DOCUMENT (self), NULL);
  find_action (self, TRUE, &label);
  return label;
}

char *
bk_document_dup_redo_label (BkDocument *self)
{
  char *label = NULL;

  g_return_val_if_fail (BK_IS_DOCUMENT (self), NULL);
  find_action (self, FALSE, &label);
  return label;
}

static gboolean
step_history (BkDocument  *self,
              gboolean     undo,
              GError     **error)
{
  g_autoptr(GArray) images = images_new ();
  g_autoptr(GHashTable) touched = NULL;
  sqlite3_stmt *stmt;
  BkChangeFlags flags = 0;
  gint64 action;
  int rc;

  if (!check_writable (self, error))
    return FALSE;

  if (!exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  action = find_action (self, undo, NULL);
  if (action == 0)
    {
      rollback (self);
      g_set_error (error, BK_ERROR, BK_ERROR_NOTHING_TO_DO,
                   undo ? _("There is nothing to undo") : _("There is nothing to redo"));
      return FALSE;
    }

  stmt = get_statement (self,
                        undo ? "SELECT tbl, k1, k2, k3, k4, old_present, o1, o2, o3 FROM history"
                               " WHERE action = ?1 ORDER BY seq DESC"
                             : "SELECT tbl, k1, k2, k3, k4, new_present, n1, n2, n3 FROM history"
                               " WHERE action = ?1 ORDER BY seq ASC",
                        error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, action);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TableId table = desc_from_name ((const char *) sqlite3_column_text (stmt, 0));
      Image *image;

      if (table == N_TABLE_DESCS)
        {
          sqlite3_reset (stmt);
          damaged (error, _("the history names an unknown table"));
          goto failed;
        }

      image = images_add (images, table, sqlite3_column_int (stmt, 5) != 0);
      for (guint k = 0; k < descs[table].n_keys; k++)
        image->keys[k] = val_from_sqlite (sqlite3_column_value (stmt, (int) k + 1));
      if (image->present)
        for (guint v = 0; v < descs[table].n_values; v++)
          image->values[v] = val_from_sqlite (sqlite3_column_value (stmt, (int) v + 6));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, self->db, rc, error);
      goto failed;
    }

  for (guint i = 0; i < images->len; i++)
    if (!write_image (self, &g_array_index (images, Image, i), error))
      goto failed;

  if (!(stmt = get_statement (self, "UPDATE actions SET undone = ?2 WHERE id = ?1", error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, action);
  sqlite3_bind_int (stmt, 2, undo ? 1 : 0);
  if (!step_done (self, stmt, error))
    goto failed;

  /* Check that what the history restores is a workbook we can read before
   * making it permanent. */
  {
    g_autoptr(BkWorkbook) check = NULL;
    gboolean incremental;

    touched = g_hash_table_new (g_direct_hash, g_direct_equal);
    incremental = TRUE;
    for (guint i = 0; i < images->len; i++)
      {
        TableId t = g_array_index (images, Image, i).table;

        if (t == T_MARKETS || t == T_COMPANIES || t == T_SCENARIOS ||
            (t == T_META && g_strcmp0 (g_array_index (images, Image, i).keys[0].s, "title") != 0))
          incremental = FALSE;
      }

    if (!incremental)
      {
        if (!(check = load_workbook (self, error)))
          goto failed;
      }

    if (!exec (self, "COMMIT", error))
      goto failed;

    if (check != NULL)
      bk_workbook_take_contents (self->workbook, check);
    else if (!apply_images (self->workbook, images, &flags, touched))
      return reload (self, error);
    else
      announce (self, flags, touched, -1, -1, -1, -1, -1);
  }

  return TRUE;

failed:
  rollback (self);
  return FALSE;
}

gboolean
bk_document_undo (BkDocument  *self,
                  GError     **error)
{
  g_return_val_if_fail (BK_IS_DOCUMENT (self), FALSE);
  return step_history (self, TRUE, error);
}

gboolean
bk_document_redo (BkDocument  *self,
                  GError     **error)
{
  g_return_val_if_fail (BK_IS_DOCUMENT (self), FALSE);
  return step_history (self, FALSE, error);
}

gboolean
bk_document_check_integrity (BkDocument  *self,
                             char       **report,
                             GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  GString *text = g_string_new (NULL);
  gboolean ok = TRUE;
  int rc;

  g_return_val_if_fail (BK_IS_DOCUMENT (self), FALSE);

  if (self->db == NULL)
    {
      g_string_free (text, TRUE);
      g_set_error (error, BK_ERROR, BK_ERROR_IO, _("The document is closed"));
      return FALSE;
    }

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA integrity_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  for (; rc == SQLITE_ROW; rc = sqlite3_step (stmt))
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);

      if (text->len)
        g_string_append_c (text, '\n');
      g_string_append (text, line ? line : "");
      if (g_strcmp0 (line, "ok") != 0)
        ok = FALSE;
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      g_string_free (text, TRUE);
      return set_sqlite_error (self, self->db, rc, error);
    }

  if (report)
    *report = g_string_free (text, FALSE);
  else
    g_string_free (text, TRUE);

  return ok;
}
