/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-hostile.c — crafted .breakeven files: each is refused with a
 * message or opened safely, never a crash, and opening it read-only never
 * changes a byte of it. */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "bk-document.h"
#include "bk-json.h"

static char *tmp_dir;
static GBytes *sample_bytes;

static char *
hostile_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static void
write_bytes (const char *path,
             const void *data,
             gsize       length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, (gssize) length, &error);
  g_assert_no_error (error);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize length = 0;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (data, length);
}

static void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

/* Read-only: refused with a message, or opened; the bytes never change.
 * Then for editing: refused with a message, or opened and still readable. */
static void
assert_survives (const char *path,
                 const char *what)
{
  g_autoptr(GBytes) before = read_bytes (path);
  g_autoptr(GBytes) after = NULL;

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(BkDocument) doc = bk_document_open_read_only (path, &error);

    g_test_message ("%s, read-only: %s", what, doc ? "opened" : error->message);
    if (doc == NULL)
      g_assert_true (error != NULL && error->message[0] != '\0');
    else
      {
        g_autofree char *json = bk_json_write_workbook (bk_document_get_workbook (doc));

        g_assert_true (bk_document_is_read_only (doc));
        g_assert_nonnull (json);
      }
  }
  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(BkDocument) doc = bk_document_open (path, &error);

    g_test_message ("%s: %s", what, doc ? "opened" : error->message);
    if (doc == NULL)
      g_assert_true (error != NULL && error->message[0] != '\0');
  }
}

static char *
fresh_copy (const char *name)
{
  char *path = hostile_path (name);

  write_bytes (path, g_bytes_get_data (sample_bytes, NULL), g_bytes_get_size (sample_bytes));
  return path;
}

static void
test_crafted_sql (void)
{
  static const char *const crafted[] = {
    /* code someone else put in the file: never run */
    "CREATE TABLE pwned (x); CREATE TRIGGER t AFTER UPDATE ON cells BEGIN INSERT INTO pwned VALUES (1); END;",
    "CREATE VIEW v AS SELECT * FROM cells",
    /* wrong types, non-finite numbers and huge texts */
    "UPDATE cells SET value = 9e999 WHERE formula IS NULL",
    "UPDATE cells SET value = -9e999 WHERE formula IS NULL",
    "UPDATE cells SET formula = printf('=%.5000c', '1')",
    "UPDATE companies SET name = printf('%.1200000c', 'x')",
    "UPDATE markets SET id = 42 WHERE position = 0",
    "UPDATE meta SET value = 'x' WHERE key = 'periods'",
    "INSERT INTO assumptions VALUES (0, '', 'tax_rate', 9e999)",
    /* history that does not hold together */
    "INSERT INTO history VALUES (999, 0, 'nosuch', 1, 2, 3, 4, 1, 5, 6, 7, 1, 8, 9, 10)",
    /* the header */
    "PRAGMA user_version = 99",
    "PRAGMA application_id = 1234",
    "DROP TABLE notes",
  };

  for (guint i = 0; i < G_N_ELEMENTS (crafted); i++)
    {
      g_autofree char *path = fresh_copy ("crafted.breakeven");

      exec_sql (path, crafted[i]);
      assert_survives (path, crafted[i]);
    }
}

static void
test_truncated (void)
{
  gsize length;
  const guint8 *data = g_bytes_get_data (sample_bytes, &length);
  g_autofree char *path = hostile_path ("truncated.breakeven");

  for (gsize cut = 0; cut < length; cut += cut < 200 ? 17 : 997)
    {
      g_autofree char *what = g_strdup_printf ("cut to %" G_GSIZE_FORMAT " bytes", cut);

      write_bytes (path, data, cut);
      assert_survives (path, what);
    }
}

static void
test_planted_files (void)
{
  g_autofree char *path = fresh_copy ("planted.breakeven");
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  /* garbage beside the document */
  write_bytes (wal, "garbage garbage garbage", 23);
  assert_survives (path, "a garbage -wal");
  g_unlink (wal);
  write_bytes (journal, "garbage garbage garbage", 23);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(BkDocument) doc = bk_document_open_read_only (path, &error);

    /* a journal means a write under way: not read half written */
    g_assert_null (doc);
    g_assert_error (error, BK_ERROR, BK_ERROR_IO);
  }
  g_unlink (journal);
}

static void
test_locked (void)
{
  g_autofree char *path = fresh_copy ("locked.breakeven");
  g_autoptr(GBytes) before = read_bytes (path);
  g_autoptr(GBytes) after = NULL;
  sqlite3 *db = NULL;

  /* another program holds the write lock */
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(BkDocument) doc = bk_document_open_read_only (path, &error);

    if (doc == NULL)
      g_assert_true (error != NULL && error->message[0] != '\0');
  }
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (db);
  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BkWorkbook) wb = NULL;
  g_autofree char *sample = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);

  tmp_dir = g_dir_make_tmp ("breakeven-test-hostile-XXXXXX", &error);
  g_assert_no_error (error);
  wb = bk_json_read_sample (&error);
  g_assert_no_error (error);
  sample = hostile_path ("sample.breakeven");
  {
    g_autoptr(BkDocument) doc = bk_document_create (sample, wb, TRUE, &error);

    g_assert_no_error (error);
    bk_document_close (doc);
  }
  sample_bytes = read_bytes (sample);

  g_test_add_func ("/hostile/crafted-sql", test_crafted_sql);
  g_test_add_func ("/hostile/truncated", test_truncated);
  g_test_add_func ("/hostile/planted-files", test_planted_files);
  g_test_add_func ("/hostile/locked", test_locked);

  ret = g_test_run ();
  g_bytes_unref (sample_bytes);
  return ret;
}
