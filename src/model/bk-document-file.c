/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-document-file.c — where a document lives: opening a file, creating
 * one, drafts (never saved documents, marked as such in the file), Save As
 * and closing.  New files are built beside their destination and moved into
 * place, so a failure never leaves a half-written file. */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "bk-document-private.h"

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

/* What the 100-byte SQLite header says about the file of @size bytes:
 * a file that is not a whole number of its pages was cut short, and a
 * write-ahead-log document (bytes 18 and 19) is not one Breakeven wrote.
 * Files too short for a header are left to SQLite's own checks. */
static gboolean
check_file_shape (const char    *name,
                  const guint8  *header,
                  gsize          header_length,
                  goffset        size,
                  gboolean      *wal,
                  GError       **error)
{
  guint page_size;

  *wal = FALSE;
  if (header_length < 100 || memcmp (header, "SQLite format 3", 16) != 0)
    return TRUE;

  page_size = ((guint) header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  if (page_size < 512 || (page_size & (page_size - 1)) != 0 || size % page_size != 0)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_DAMAGED,
                   _("“%s” is damaged: it is not a whole number of pages (it was cut short)"), name);
      return FALSE;
    }
  *wal = header[18] == 2 || header[19] == 2;
  return TRUE;
}

static BkDocument *
open_document (const char  *path,
               gboolean     read_only,
               GError     **error)
{
  g_autoptr(BkDocument) self = NULL;
  g_autoptr(BkWorkbook) wb = NULL;
  g_autofree char *name = NULL;
  g_autofree char *data = NULL;
  guint8 header[100];
  gsize length = 0;
  gboolean wal = FALSE;

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

  if (read_only)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *journal = g_strconcat (path, "-journal", NULL);
      GStatBuf st;

      /* A rollback journal beside the file means a write is under way or
       * was interrupted: the file alone may be half written, and only
       * opening it for editing finishes the recovery. */
      if (g_stat (journal, &st) == 0 && st.st_size > 0)
        {
          g_set_error (error, BK_ERROR, BK_ERROR_IO,
                       _("“%s” is being written, or a write to it was interrupted; try again, or open it for editing to recover it"),
                       name);
          return NULL;
        }
      if (!g_file_get_contents (path, &data, &length, &local_error))
        {
          g_set_error (error, BK_ERROR, BK_ERROR_IO, _("“%s” cannot be read: %s"), name, local_error->message);
          return NULL;
        }
      if (!check_file_shape (name, (const guint8 *) data, length, (goffset) length, &wal, error))
        return NULL;
      if (wal)
        {
          g_set_error (error, BK_ERROR, BK_ERROR_FOREIGN,
                       _("“%s” uses a write-ahead log, which Breakeven documents do not; open it for editing to convert it"),
                       name);
          return NULL;
        }
      /* The copy is private: a migration changes only the copy. */
      if (!bk_document_open_db_copy (self, (const guint8 *) data, length, error))
        return NULL;
      g_clear_pointer (&data, g_free);
    }
  else
    {
      GStatBuf st;
      int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
      gssize n = fd >= 0 ? read (fd, header, sizeof header) : -1;

      if (fd >= 0)
        close (fd);
      if (n >= 0 && g_stat (path, &st) == 0 &&
          !check_file_shape (name, header, (gsize) n, (goffset) st.st_size, &wal, error))
        return NULL;

      self->read_only = !is_writable (path);
      if (!bk_document_open_db (self, path, FALSE, error))
        return NULL;
      wal &= n >= 0;
    }

  if (!bk_document_check_header (self, error) ||
      !bk_document_quick_check (self, error))
    return NULL;
  /* Breakeven writes with a rollback journal; a document of ours someone
   * put in WAL mode goes back to it, its log checkpointed into the file
   * (read-only, it is refused above). */
  if (wal && !self->read_only && !bk_document_exec (self, "PRAGMA journal_mode = DELETE", error))
    return NULL;
  if (!bk_document_migrate (self, error))
    return NULL;

  if (!(wb = bk_document_load_workbook (self, error)) ||
      !bk_document_load_draft_mark (self, &self->draft, error))
    {
      g_prefix_error (error, "%s: ", name);
      return NULL;
    }

  self->read_only |= read_only;
  bk_workbook_take_contents (self->workbook, wb);
  bk_document_update_history (self);
  return g_steal_pointer (&self);
}

BkDocument *
bk_document_open (const char  *path,
                  GError     **error)
{
  return open_document (path, FALSE, error);
}

gboolean
bk_document_file_is_writable (const char *path)
{
  g_return_val_if_fail (path != NULL, FALSE);

  return is_writable (path);
}

BkDocument *
bk_document_open_read_only (const char  *path,
                            GError     **error)
{
  return open_document (path, TRUE, error);
}

/* Writes a new document into the (new, empty) file @path. */
static BkDocument *
create_at (const char  *path,
           BkWorkbook  *workbook,
           gboolean     draft,
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
  if (!bk_document_open_db (self, path, TRUE, error))
    return NULL;

  if (!bk_document_write_new (self, workbook, draft, error) ||
      !(loaded = bk_document_load_workbook (self, error)))
    {
      bk_document_close_db (self);
      g_unlink (path);
      return NULL;
    }

  self->opened_version = BK_DOCUMENT_SCHEMA_VERSION;
  self->draft = draft;
  bk_workbook_take_contents (self->workbook, loaded);
  bk_document_update_history (self);
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

  if (!(self = create_at (tmp, workbook, FALSE, error)))
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
  if (!bk_document_open_db (self, path, FALSE, error))
    return NULL;

  bk_document_update_history (self);
  return g_steal_pointer (&self);
}

/* A new file in @dir named like "Untitled-20250101-120000-1.breakeven",
 * created (empty, 0600) so that no other document can take the name. */
static char *
create_draft_file (const char  *dir,
                   GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_IO, _("Cannot create “%s”: %s"), dir, g_strerror (errno));
      return NULL;
    }

  for (guint i = 1; ; i++)
    {
      g_autofree char *name = g_strdup_printf ("Untitled-%s-%u.breakeven", stamp, i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL, 0600);

      if (fd >= 0)
        {
          close (fd);
          return g_steal_pointer (&path);
        }
      if (errno != EEXIST)
        {
          g_set_error (error, BK_ERROR, BK_ERROR_IO, _("Cannot create a file in “%s”: %s"), dir, g_strerror (errno));
          return NULL;
        }
    }
}

BkDocument *
bk_document_new_draft (const char  *drafts_dir,
                       BkWorkbook  *workbook,
                       GError     **error)
{
  g_autofree char *path = NULL;
  BkDocument *self;

  g_return_val_if_fail (drafts_dir != NULL, NULL);
  g_return_val_if_fail (workbook == NULL || BK_IS_WORKBOOK (workbook), NULL);

  if (!(path = create_draft_file (drafts_dir, error)))
    return NULL;

  self = create_at (path, workbook, TRUE, error);
  if (self == NULL)
    g_unlink (path);
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
  gboolean was_draft, ok;
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
  /* The copy is a saved document, not a draft */
  if (rc == SQLITE_OK && self->draft)
    rc = sqlite3_exec (dest, "DELETE FROM meta WHERE key = '" BK_DOCUMENT_DRAFT_KEY "'", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      bk_document_sqlite_error (dest, rc, error);
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
  was_draft = self->draft;
  self->path = g_strdup (path);
  self->draft = FALSE;
  self->read_only = FALSE;
  ok = bk_document_open_db (self, path, FALSE, error);

  /* The draft is saved now: it goes */
  if (ok && was_draft && g_strcmp0 (old_path, path) != 0)
    g_unlink (old_path);

  bk_document_update_history (self);
  return ok;
}

void
bk_document_close (BkDocument *self)
{
  g_return_if_fail (BK_IS_DOCUMENT (self));
  bk_document_close_db (self);
  bk_document_update_history (self);
}
