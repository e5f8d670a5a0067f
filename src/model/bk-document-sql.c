/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-document-sql.c — the document's SQLite plumbing: opening a connection
 * defensively, the cache of prepared statements, executing and stepping,
 * and translating SQLite's result codes into BK_ERROR errors. */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "bk-document-private.h"

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

GHashTable *
bk_document_statements_new (void)
{
  return g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, finalize_statement);
}

gboolean
bk_document_sqlite_error (sqlite3  *db,
                          int       rc,
                          GError  **error)
{
  int primary = rc & 0xff;
  /* The connection's message is about its last call, which may not be the
   * one that failed ("not an error"): then the code's own text. */
  const char *message = db && sqlite3_errcode (db) == rc ? sqlite3_errmsg (db) : sqlite3_errstr (rc);
  /* A write past the file-size limit (EFBIG) or the quota fails like one
   * to a full disk; SQLite does not always keep the errno, but nothing has
   * run since that would change it. */
  int system_errno = db && sqlite3_system_errno (db) != 0 ? sqlite3_system_errno (db) : errno;

  if (primary == SQLITE_IOERR && (system_errno == ENOSPC || system_errno == EFBIG || system_errno == EDQUOT))
    primary = SQLITE_FULL;

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
    case SQLITE_TOOBIG:
      g_set_error (error, BK_ERROR, BK_ERROR_DAMAGED,
                   _("The document is damaged: it holds a text or value too large to read"));
      break;
    case SQLITE_FULL:
      g_set_error (error, BK_ERROR, BK_ERROR_IO, _("The disk is full or the file is too large"));
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

gboolean
bk_document_damaged (GError    **error,
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

sqlite3_stmt *
bk_document_get_statement (BkDocument  *self,
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

gboolean
bk_document_exec (BkDocument  *self,
                  const char  *sql,
                  GError     **error)
{
  char *message = NULL;
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, &message);

  sqlite3_free (message);
  if (rc != SQLITE_OK)
    return bk_document_sqlite_error (self->db, rc, error);
  return TRUE;
}

gboolean
bk_document_step_done (BkDocument    *self,
                       sqlite3_stmt  *stmt,
                       GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return bk_document_sqlite_error (self->db, rc, error);
  return TRUE;
}

void
bk_document_rollback (BkDocument *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

gboolean
bk_document_get_pragma_int (BkDocument  *self,
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
  return bk_document_sqlite_error (self->db, rc, error);
}

char *
bk_document_dup_column_text (sqlite3_stmt *stmt,
                             int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return text ? g_strdup ((const char *) text) : NULL;
}

static void configure_db (BkDocument *self);

gboolean
bk_document_open_db (BkDocument  *self,
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
      bk_document_sqlite_error (self->db, rc, error);
      sqlite3_close_v2 (self->db);
      self->db = NULL;
      return FALSE;
    }

  configure_db (self);
  return TRUE;
}

gboolean
bk_document_open_db_copy (BkDocument    *self,
                          const guint8  *data,
                          gsize          length,
                          GError       **error)
{
  unsigned char *copy;
  int rc;

  rc = sqlite3_open_v2 (":memory:", &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc == SQLITE_OK)
    {
      if ((copy = sqlite3_malloc64 (length)) == NULL)
        rc = SQLITE_NOMEM;
      else
        {
          memcpy (copy, data, length);
          rc = sqlite3_deserialize (self->db, "main", copy, (sqlite3_int64) length, (sqlite3_int64) length,
                                    SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE);
        }
    }
  if (rc != SQLITE_OK)
    {
      bk_document_sqlite_error (self->db, rc, error);
      sqlite3_close_v2 (self->db);
      self->db = NULL;
      return FALSE;
    }

  configure_db (self);
  return TRUE;
}

static void
configure_db (BkDocument *self)
{
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
}

void
bk_document_close_db (BkDocument *self)
{
  g_hash_table_remove_all (self->statements);
  if (self->db != NULL)
    {
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
}

gboolean
bk_document_check_writable (BkDocument  *self,
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
