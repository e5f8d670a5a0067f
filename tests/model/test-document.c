/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-document.c — the SQLite document: write-through, history, scenarios,
 * assumptions, structure, migration, refusing bad files, read-only files,
 * drafts and the history properties (FORMATS.md section 1). */

#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <glib/gstdio.h>
#include <math.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bk-document.h"
#include "bk-json.h"
#include "bk-workbook.h"

static char *tmp_dir;

/* Helpers */

static char *
sample_path (void)
{
  return g_build_filename (TEST_DATA_DIR, "..", "..", "..", "data", "sample.json", NULL);
}

static char *
test_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static BkWorkbook *
load_sample (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = sample_path ();
  BkWorkbook *wb = bk_json_read_workbook_file (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (wb);
  return wb;
}

static BkDocument *
create_sample (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BkWorkbook) wb = load_sample ();
  g_autofree char *path = test_path (name);
  BkDocument *doc = bk_document_create (path, wb, TRUE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static BkDocument *
open_ok (const char *path)
{
  g_autoptr(GError) error = NULL;
  BkDocument *doc = bk_document_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static char *
export (BkDocument *doc)
{
  return bk_json_write_workbook (bk_document_get_workbook (doc));
}

/* The workbook as a fresh program would read it from the file. */
static char *
export_file (const char *path)
{
  g_autoptr(BkDocument) doc = open_ok (path);

  return export (doc);
}

static char *sql_text (const char *path, const char *sql);

/* The file passes PRAGMA integrity_check (read with a separate connection;
 * bk_document_check_integrity() itself is tested in test_check_integrity). */
/* Compares two exports, showing where they differ (they are long). */
#define assert_same_json(a, b) assert_same_json_at (__FILE__, __LINE__, (a), (b))
static void
assert_same_json_at (const char *file,
                     int         line,
                     const char *a,
                     const char *b)
{
  gsize i = 0;

  if (g_strcmp0 (a, b) == 0)
    return;
  if (a == NULL || b == NULL)
    g_error ("%s:%d: one export is NULL", file, line);
  while (a[i] && a[i] == b[i])
    i++;
  {
    gsize from = i > 120 ? i - 120 : 0;
    g_autofree char *ca = g_strndup (a + from, 240);
    g_autofree char *cb = g_strndup (b + from, 240);

    g_error ("%s:%d: workbooks differ at byte %" G_GSIZE_FORMAT ":\n--- got:\n%s\n--- expected:\n%s",
             file, line, i, ca, cb);
  }
}

static void
assert_integrity (BkDocument *doc)
{
  g_autofree char *report = sql_text (bk_document_get_path (doc), "PRAGMA integrity_check");

  g_assert_cmpstr (report, ==, "ok");
}

static sqlite3 *
sql_open (const char *path)
{
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);

  g_assert_cmpint (rc, ==, SQLITE_OK);
  return db;
}

static void
sql_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = sql_open (path);
  char *message = NULL;
  int rc = sqlite3_exec (db, sql, NULL, NULL, &message);

  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_free (message);
  sqlite3_close (db);
}

/* First column of the first row; NAN when there is no row or it is NULL. */
static double
sql_double (const char *path,
            const char *sql)
{
  sqlite3 *db = sql_open (path);
  sqlite3_stmt *stmt = NULL;
  double value = NAN;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  g_assert_cmpint (rc, ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    value = sqlite3_column_double (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static gint64
sql_int (const char *path,
         const char *sql)
{
  sqlite3 *db = sql_open (path);
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  g_assert_cmpint (rc, ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static char *
sql_text (const char *path,
          const char *sql)
{
  sqlite3 *db = sql_open (path);
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  g_assert_cmpint (rc, ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static GBytes *
file_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize length = 0;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (data, length);
}

static void
assert_same_bytes (GBytes *a,
                   GBytes *b)
{
  g_assert_true (g_bytes_equal (a, b));
}

static int
row_of (BkDocument *doc,
        BkTable     table,
        const char *id)
{
  int row = bk_workbook_find_row (bk_document_get_workbook (doc), table, id);

  g_assert_cmpint (row, >=, 0);
  return row;
}

static int
period_of (BkDocument *doc,
           const char *label)
{
  int period = bk_workbook_find_period (bk_document_get_workbook (doc), label);

  g_assert_cmpint (period, >=, 0);
  return period;
}

static int
scenario_of (BkDocument *doc,
             const char *name)
{
  int scenario = bk_workbook_find_scenario (bk_document_get_workbook (doc), name);

  g_assert_cmpint (scenario, >=, 0);
  return scenario;
}

static gboolean
set1 (BkDocument  *doc,
      guint        scenario,
      BkTable      table,
      const char  *row,
      const char  *label,
      const char  *text,
      GError     **error)
{
  const char *texts[] = { text };
  BkNumberLocale locale;

  bk_number_locale_init_c (&locale);
  return bk_document_set_cells (doc, scenario, table, (guint) row_of (doc, table, row),
                                (guint) period_of (doc, label), 1, 1, texts, &locale, error);
}

static void
set1_ok (BkDocument *doc,
         guint       scenario,
         BkTable     table,
         const char *row,
         const char *label,
         const char *text)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = set1 (doc, scenario, table, row, label, text, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
  assert_integrity (doc);
}

static BkCell
get_cell (BkDocument *doc,
          guint       scenario,
          BkTable     table,
          const char *row,
          const char *label)
{
  BkCell cell;

  bk_workbook_get_cell (bk_document_get_workbook (doc), scenario, table,
                        (guint) row_of (doc, table, row), (guint) period_of (doc, label), &cell);
  return cell;
}

static double
get_value (BkDocument *doc,
           guint       scenario,
           BkTable     table,
           const char *row,
           const char *label)
{
  return get_cell (doc, scenario, table, row, label).value;
}

static void
undo_ok (BkDocument *doc)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = bk_document_undo (doc, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
  assert_integrity (doc);
}

static void
redo_ok (BkDocument *doc)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = bk_document_redo (doc, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
  assert_integrity (doc);
}

/* sqlite3_mprintf() into GLib-owned memory */
static char *
mprintf_dup (const char *format,
             ...)
{
  va_list args;
  char *s, *copy;

  va_start (args, format);
  s = sqlite3_vmprintf (format, args);
  va_end (args);
  copy = g_strdup (s);
  sqlite3_free (s);
  return copy;
}

/* A stored cell value read with a plain sqlite3 connection. */
static double
stored_value (const char *path,
              gint64      scenario,
              const char *table,
              const char *row,
              const char *period)
{
  g_autofree char *sql = mprintf_dup ("SELECT value FROM cells WHERE scenario = %lld AND tbl = %Q"
                                      " AND row = %Q AND period = %Q",
                                      (long long) scenario, table, row, period);

  return sql_double (path, sql);
}

static gint64
count_rows (const char *path,
            const char *sql)
{
  return sql_int (path, sql);
}

/* An undoable action: checks that undo gives back exactly the workbook
 * before, redo exactly the one after, and the file stays healthy. */
static void
check_undo_redo (BkDocument *doc,
                 const char *before,
                 const char *after)
{
  g_autofree char *now = export (doc);
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  g_autofree char *undone_file = NULL;
  g_autofree char *redone_file = NULL;

  assert_same_json (now, after);
  assert_integrity (doc);
  g_assert_true (bk_document_can_undo (doc));

  undo_ok (doc);
  undone = export (doc);
  assert_same_json (undone, before);
  undone_file = export_file (bk_document_get_path (doc));
  assert_same_json (undone_file, before);
  g_assert_true (bk_document_can_redo (doc));

  redo_ok (doc);
  redone = export (doc);
  assert_same_json (redone, after);
  redone_file = export_file (bk_document_get_path (doc));
  assert_same_json (redone_file, after);
  g_assert_false (bk_document_can_redo (doc));
}

/* Creating */

static void
test_create_sample (void)
{
  g_autoptr(BkWorkbook) wb = load_sample ();
  g_autoptr(BkDocument) doc = create_sample ("create.breakeven");
  g_autoptr(GError) error = NULL;
  g_autoptr(BkDocument) again = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) bytes_after = NULL;
  g_autofree char *path = test_path ("create.breakeven");
  g_autofree char *expected = bk_json_write_workbook (wb);
  g_autofree char *got = export (doc);
  g_autofree char *from_file = NULL;

  g_assert_cmpuint ((guint32) sql_int (path, "PRAGMA application_id"), ==, 0x42524B56);
  g_assert_cmpint (sql_int (path, "PRAGMA application_id"), ==, 1112689494);
  g_assert_cmpint (sql_int (path, "PRAGMA user_version"), ==, BK_DOCUMENT_SCHEMA_VERSION);
  g_assert_cmpstr (bk_document_get_path (doc), ==, path);
  g_assert_false (bk_document_is_read_only (doc));
  g_assert_false (bk_document_is_draft (doc));

  /* The document holds exactly the workbook it was made from, and a new
   * document has no history. */
  assert_same_json (got, expected);
  from_file = export_file (path);
  assert_same_json (from_file, expected);
  g_assert_false (bk_document_can_undo (doc));
  g_assert_false (bk_document_can_redo (doc));
  g_assert_null (bk_document_dup_undo_label (doc));
  assert_integrity (doc);

  /* The schema is readable with the plain sqlite3 shell */
  g_assert_cmpfloat (stored_value (path, 0, "capex", "msft", "2023"), ==, 28.1);
  g_assert_cmpint (count_rows (path, "SELECT count(*) FROM companies"), ==, 9);
  g_assert_cmpint (count_rows (path, "SELECT count(*) FROM scenarios"), ==, 3);

  /* Refuses an existing file unless told to overwrite, and leaves it alone */
  bytes = file_bytes (path);
  again = bk_document_create (path, NULL, FALSE, &error);
  g_assert_error (error, BK_ERROR, BK_ERROR_EXISTS);
  g_assert_null (again);
  bytes_after = file_bytes (path);
  assert_same_bytes (bytes, bytes_after);

  /* A new document is in the current format (nothing was migrated) */
  g_assert_cmpint (bk_document_get_opened_version (doc), ==, BK_DOCUMENT_SCHEMA_VERSION);
}

static void
test_create_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_path ("empty-new.breakeven");
  g_autoptr(BkDocument) doc = bk_document_create (path, NULL, TRUE, &error);
  BkWorkbook *wb;

  g_assert_no_error (error);
  wb = bk_document_get_workbook (doc);
  g_assert_cmpint (bk_workbook_get_granularity (wb), ==, BK_GRANULARITY_YEAR);
  g_assert_cmpuint (bk_workbook_get_n_companies (wb), ==, 0);
  g_assert_cmpuint (bk_workbook_get_n_scenarios (wb), ==, 0);
  g_assert_cmpint (sql_int (path, "PRAGMA user_version"), ==, BK_DOCUMENT_SCHEMA_VERSION);
  assert_integrity (doc);
}

/* A new document is an ordinary file: readable by others as the umask
 * allows, like any file a program saves (not 0600 like a temporary file). */
static void
test_create_mode (void)
{
  g_autoptr(BkDocument) doc = create_sample ("mode.breakeven");
  g_autofree char *path = test_path ("mode.breakeven");
  g_autofree char *copy = test_path ("mode-copy.breakeven");
  g_autoptr(GError) error = NULL;
  mode_t mask = umask (022);
  GStatBuf st;

  umask (mask);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0666 & ~mask);

  g_assert_true (bk_document_save_as (doc, copy, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (copy, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0666 & ~mask);
}

/* Write-through */

static void
count_change_cb (BkWorkbook    *wb,
                 BkChangeFlags  flags,
                 int            table,
                 int            row,
                 int            period,
                 int            n_rows,
                 int            n_periods,
                 BkChangeFlags *seen)
{
  *seen |= flags;
}

/* Period labels like "2024" look like numbers: the history must keep them
 * as text, or undo cannot tell which cell to touch and rereads everything. */
static void
test_history_keeps_types (void)
{
  g_autoptr(BkDocument) doc = create_sample ("types.breakeven");
  g_autofree char *path = test_path ("types.breakeven");
  g_autofree char *type = NULL;
  g_autoptr(GError) error = NULL;
  BkChangeFlags seen = 0;

  set1_ok (doc, BK_SCENARIO_BASE, BK_TABLE_CAPEX, "msft", "2024", "50");
  type = sql_text (path, "SELECT typeof (k4) FROM history WHERE tbl = 'cells' LIMIT 1");
  g_assert_cmpstr (type, ==, "text");

  g_signal_connect (bk_document_get_workbook (doc), "changed", G_CALLBACK (count_change_cb), &seen);
  g_assert_true (bk_document_undo (doc, &error));
  g_assert_no_error (error);
  g_assert_true (seen & BK_CHANGE_CELLS);
  g_assert_false (seen & BK_CHANGE_STRUCTURE);
  g_assert_cmpfloat (get_value (doc, 0, BK_TABLE_CAPEX, "msft", "2024"), ==, 44.5);
}

static void
test_write_through (void)
{
  g_autoptr(BkDocument) doc = create_sample ("write.breakeven");
  g_autoptr(BkDocument) reopened = NULL;
  g_autofree char *path = test_path ("write.breakeven");
  g_autofree char *formula = NULL;
  BkCell cell;

  set1_ok (doc, BK_SCENARIO_BASE, BK_TABLE_CAPEX, "msft", "2023", "30.5");
  g_assert_cmpfloat (get_value (doc, 0, BK_TABLE_CAPEX, "msft", "2023"), ==, 30.5);
  /* … visible at once to another connection … */
  g_assert_cmpfloat (stored_value (path, 0, "capex", "msft", "2023"), ==, 30.5);

  /* … and to the program next time */
  reopened = open_ok (path);
  g_assert_cmpfloat (get_value (reopened, 0, BK_TABLE_CAPEX, "msft", "2023"), ==, 30.5);
  g_clear_object (&reopened);

  /* A formula downstream is recomputed and stored */
  g_assert_cmpfloat_with_epsilon (get_value (doc, 0, BK_TABLE_CAPEX, "msft", "2027"), 145 * 1.15, 1e-9);
  set1_ok (doc, BK_SCENARIO_BASE, BK_TABLE_CAPEX, "msft", "2026", "150");
  cell = get_cell (doc, 0, BK_TABLE_CAPEX, "msft", "2027");
  g_assert_cmpstr (cell.formula, ==, "=prev*1.15");
  g_assert_true (cell.flags & BK_CELL_FORMULA);
  g_assert_cmpfloat_with_epsilon (cell.value, 150 * 1.15, 1e-9);
  g_assert_cmpfloat_with_epsilon (stored_value (path, 0, "capex", "msft", "2027"), 150 * 1.15, 1e-9);
  formula = sql_text (path, "SELECT formula FROM cells WHERE scenario = 0 AND tbl = 'capex'"
                            " AND row = 'msft' AND period = '2027'");
  g_assert_cmpstr (formula, ==, "=prev*1.15");

  reopened = open_ok (path);
  g_assert_cmpfloat_with_epsilon (get_value (reopened, 0, BK_TABLE_CAPEX, "msft", "2027"), 150 * 1.15, 1e-9);
  g_clear_object (&reopened);

  /* Typed formulas and growth shorthand are stored as formulas */
  set1_ok (doc, BK_SCENARIO_BASE, BK_TABLE_CAPEX, "googl", "2024", "+10%");
  cell = get_cell (doc, 0, BK_TABLE_CAPEX, "googl", "2024");
  g_assert_nonnull (cell.formula);
  g_assert_cmpfloat_with_epsilon (cell.value, 32.3 * 1.1, 1e-9);
  g_assert_cmpfloat_with_epsilon (stored_value (path, 0, "capex", "googl", "2024"), 32.3 * 1.1, 1e-9);

  /* Share is typed in percent and stored as a fraction */
  set1_ok (doc, BK_SCENARIO_BASE, BK_TABLE_SHARE, "msft", "2025", "47");
  g_assert_cmpfloat_with_epsilon (stored_value (path, 0, "share", "msft", "2025"), 0.47, 1e-12);

  /* Clearing removes the value */
  set1_ok (doc, BK_SCENARIO_BASE, BK_TABLE_BACKLOG, "msft", "2025", "");
  g_assert_true (isnan (get_value (doc, 0, BK_TABLE_BACKLOG, "msft", "2025")));
  g_assert_true (isnan (stored_value (path, 0, "backlog", "msft", "2025")));

  /* Notes and the title are written through too */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *note = NULL;
    g_autofree char *title = NULL;

    g_assert_true (bk_document_set_note (doc, BK_TABLE_CAPEX, 0, 0, "checked \"twice\"", &error));
    g_assert_no_error (error);
    note = sql_text (path, "SELECT text FROM notes WHERE tbl = 'capex' AND row = 'msft' AND period = '2023'");
    g_assert_cmpstr (note, ==, "checked \"twice\"");
    g_assert_true (bk_document_set_title (doc, "Renamed — ü", &error));
    g_assert_no_error (error);
    title = sql_text (path, "SELECT value FROM meta WHERE key = 'title'");
    g_assert_cmpstr (title, ==, "Renamed — ü");
    g_assert_cmpstr (bk_workbook_get_title (bk_document_get_workbook (doc)), ==, "Renamed — ü");
    assert_integrity (doc);
  }
}

/* Setting a cell to what it already holds leaves no step in the history. */
static void
test_no_op_edit (void)
{
  g_autoptr(BkDocument) doc = create_sample ("noop.breakeven");
  g_autofree char *path = test_path ("noop.breakeven");
  gint64 actions;

  set1_ok (doc, BK_SCENARIO_BASE, BK_TABLE_CAPEX, "msft", "2023", "30");
  actions = count_rows (path, "SELECT count(*) FROM actions");
  set1_ok (doc, BK_SCENARIO_BASE, BK_TABLE_CAPEX, "msft", "2023", "30");
  g_assert_cmpint (count_rows (path, "SELECT count(*) FROM actions"), ==, actions);

  /* … and, not being an action, does not throw away what can be redone */
  set1_ok (doc, BK_SCENARIO_BASE, BK_TABLE_CAPEX, "msft", "2024", "40");
  undo_ok (doc);
  g_assert_true (bk_document_can_redo (doc));
  set1_ok (doc, BK_SCENARIO_BASE, BK_TABLE_CAPEX, "msft", "2023", "30");
  g_assert_true (bk_document_can_redo (doc));
  redo_ok (doc);
  g_assert_cmpfloat (get_value (doc, 0, BK_TABLE_CAPEX, "msft", "2024"), ==, 40);
}

/* History */

static void
test_paste_block (void)
{
  g_autoptr(BkDocument) doc = create_sample ("paste.breakeven");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_path ("paste.breakeven");
  g_autofree char *before = export (doc);
  g_autofree char *after = NULL;
  g_autofree char *label = NULL;
  const char *texts[] = { "1", "2", "3", "4" };
  BkNumberLocale locale;
  gint64 actions = count_rows (path, "SELECT count(*) FROM actions");

  bk_number_locale_init_c (&locale);
  /* rows msft, googl × periods 2024, 2025 */
  g_assert_true (bk_document_set_cells (doc, BK_SCENARIO_BASE, BK_TABLE_CAPEX,
                                        (guint) row_of (doc, BK_TABLE_CAPEX, "msft"),
                                        (guint) period_of (doc, "2024"), 2, 2, texts, &locale, &error));
  g_assert_no_error (error);
  assert_integrity (doc);

  g_assert_cmpfloat (get_value (doc, 0, BK_TABLE_CAPEX, "msft", "2024"), ==, 1);
  g_assert_cmpfloat (get_value (doc, 0, BK_TABLE_CAPEX, "msft", "2025"), ==, 2);
  g_assert_cmpfloat (get_value (doc, 0, BK_TABLE_CAPEX, "googl", "2024"), ==, 3);
  g_assert_cmpfloat (get_value (doc, 0, BK_TABLE_CAPEX, "googl", "2025"), ==, 4);
  g_assert_cmpfloat (stored_value (path, 0, "capex", "googl", "2025"), ==, 4);

  /* one undo step */
  g_assert_cmpint (count_rows (path, "SELECT count(*) FROM actions"), ==, actions + 1);
  label = bk_document_dup_undo_label (doc);
  g_assert_nonnull (label);
  g_assert_nonnull (strstr (label, "4"));

  after = export (doc);
  undo_ok (doc);
  {
    g_autofree char *now = export (doc);
    assert_same_json (now, before);
  }
  g_assert_cmpfloat (stored_value (path, 0, "capex", "msft", "2024"), ==, 44.5);
  g_assert_cmpfloat (stored_value (path, 0, "capex", "googl", "2025"), ==, 91.4);
  g_assert_false (bk_document_can_undo (doc));
  redo_ok (doc);
  {
    g_autofree char *now = export (doc);
    assert_same_json (now, after);
  }

  /* One bad cell in a block: nothing changes */
  {
    const char *bad[] = { "5", "6", "7", "lots" };
    g_autoptr(GError) block_error = NULL;

    g_assert_false (bk_document_set_cells (doc, BK_SCENARIO_BASE, BK_TABLE_CAPEX, 0, 1, 2, 2, bad,
                                           &locale, &block_error));
    g_assert_nonnull (block_error);
    g_assert_true (block_error->domain == BK_ERROR);
    /* the error names the cell */
    g_assert_nonnull (strstr (block_error->message, "googl"));
    g_assert_nonnull (strstr (block_error->message, "2025"));
    {
      g_autofree char *now = export (doc);
      assert_same_json (now, after);
    }
    g_assert_cmpint (count_rows (path, "SELECT count(*) FROM actions"), ==, actions + 1);
  }
}

static void
test_history_persists (void)
{
  g_autofree char *path = test_path ("history.breakeven");
  g_autoptr(BkDocument) doc = create_sample ("history.breakeven");
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;

  /* nothing to undo or redo in a new document */
  g_assert_false (bk_document_undo (doc, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_NOTHING_TO_DO);
  g_clear_error (&error);
  g_assert_false (bk_document_redo (doc, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_NOTHING_TO_DO);
  g_clear_error (&error);

  set1_ok (doc, BK_SCENARIO_BASE, BK_TABLE_CAPEX, "msft", "2023", "11");
  set1_ok (doc, BK_SCENARIO_BASE, BK_TABLE_CAPEX, "msft", "2023", "22");
  g_clear_object (&doc);

  /* undo after closing and reopening */
  doc = open_ok (path);
  g_assert_true (bk_document_can_undo (doc));
  g_assert_false (bk_document_can_redo (doc));
  label = bk_document_dup_undo_label (doc);
  g_assert_nonnull (label);
  g_assert_nonnull (strstr (label, "msft"));
  undo_ok (doc);
  g_assert_cmpfloat (get_value (doc, 0, BK_TABLE_CAPEX, "msft", "2023"), ==, 11);
  g_assert_cmpfloat (stored_value (path, 0, "capex", "msft", "2023"), ==, 11);
  g_clear_object (&doc);

  /* redo after closing and reopening */
  doc = open_ok (path);
  g_assert_cmpfloat (get_value (doc, 0, BK_TABLE_CAPEX, "msft", "2023"), ==, 11);
  g_assert_true (bk_document_can_redo (doc));
  redo_ok (doc);
  g_assert_cmpfloat (get_value (doc, 0, BK_TABLE_CAPEX, "msft", "2023"), ==, 22);

  /* undo twice back to the start, then nothing left */
  undo_ok (doc);
  undo_ok (doc);
  g_assert_cmpfloat (get_value (doc, 0, BK_TABLE_CAPEX, "msft", "2023"), ==, 28.1);
  g_assert_false (bk_document_can_undo (doc));
  g_assert_false (bk_document_undo (doc, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_NOTHING_TO_DO);
  g_clear_error (&error);
  g_assert_true (bk_document_can_redo (doc));

  /* a new action discards the redo */
  set1_ok (doc, BK_SCENARIO_BASE, BK_TABLE_CAPEX, "msft", "2024", "33");
  g_assert_false (bk_document_can_redo (doc));
  g_assert_null (bk_document_dup_redo_label (doc));
  g_assert_false (bk_document_redo (doc, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_NOTHING_TO_DO);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (path, "SELECT count(*) FROM actions"), ==, 1);
  undo_ok (doc);
  g_assert_cmpfloat (get_value (doc, 0, BK_TABLE_CAPEX, "msft", "2024"), ==, 44.5);
  g_assert_cmpfloat (get_value (doc, 0, BK_TABLE_CAPEX, "msft", "2023"), ==, 28.1);
}

/* Undoing a change of a cell that a formula depends on recomputes the
 * formula (in memory and in the file). */
static void
test_undo_recomputes (void)
{
  g_autofree char *path = test_path ("undo-formula.breakeven");
  g_autoptr(BkDocument) doc = create_sample ("undo-formula.breakeven");

  set1_ok (doc, BK_SCENARIO_BASE, BK_TABLE_CAPEX, "msft", "2026", "200");
  g_assert_cmpfloat_with_epsilon (get_value (doc, 0, BK_TABLE_CAPEX, "msft", "2027"), 200 * 1.15, 1e-9);
  undo_ok (doc);
  g_assert_cmpfloat_with_epsilon (get_value (doc, 0, BK_TABLE_CAPEX, "msft", "2027"), 145 * 1.15, 1e-9);
  g_assert_cmpfloat_with_epsilon (stored_value (path, 0, "capex", "msft", "2027"), 145 * 1.15, 1e-9);
  redo_ok (doc);
  g_assert_cmpfloat_with_epsilon (get_value (doc, 0, BK_TABLE_CAPEX, "msft", "2027"), 200 * 1.15, 1e-9);
  g_assert_cmpfloat_with_epsilon (stored_value (path, 0, "capex", "msft", "2027"), 200 * 1.15, 1e-9);
}

/* Rejected values */

static void
check_rejected (BkDocument *doc,
                guint       scenario,
                BkTable     table,
                const char *row,
                const char *label,
                const char *text,
                int         code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = export (doc);
  g_autofree char *before_file = export_file (bk_document_get_path (doc));
  g_autofree char *undo_label = bk_document_dup_undo_label (doc);
  g_autofree char *redo_label = bk_document_dup_redo_label (doc);
  gboolean could_undo = bk_document_can_undo (doc);
  gboolean could_redo = bk_document_can_redo (doc);
  g_autofree char *after = NULL;
  g_autofree char *after_file = NULL;
  g_autofree char *undo_after = NULL;
  g_autofree char *redo_after = NULL;

  g_assert_false (set1 (doc, scenario, table, row, label, text, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == BK_ERROR);
  if (code >= 0)
    g_assert_cmpint (error->code, ==, code);
  /* the message names the cell */
  g_assert_nonnull (strstr (error->message, row));
  g_assert_nonnull (strstr (error->message, label));

  after = export (doc);
  after_file = export_file (bk_document_get_path (doc));
  assert_same_json (after, before);
  assert_same_json (after_file, before_file);
  g_assert_cmpint (bk_document_can_undo (doc), ==, could_undo);
  g_assert_cmpint (bk_document_can_redo (doc), ==, could_redo);
  undo_after = bk_document_dup_undo_label (doc);
  redo_after = bk_document_dup_redo_label (doc);
  g_assert_cmpstr (undo_after, ==, undo_label);
  g_assert_cmpstr (redo_after, ==, redo_label);
  assert_integrity (doc);
}

/* A history row rewritten by someone else (values typed input could never
 * hold, names of things that do not exist, the wrong SQLite types) is
 * refused by undo and redo, with the file and the workbook unchanged and
 * the document still opening. */
typedef enum { EDIT_CELL, EDIT_SHARE, EDIT_NOTE, EDIT_ASSUMPTION, EDIT_TITLE } CraftedEdit;

static void
crafted_step (CraftedEdit  edit,
              gboolean     undo,
              const char  *set)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("crafted-%d-%d.breakeven", edit, undo);
  g_autoptr(BkDocument) doc = create_sample (name);
  g_autofree char *path = g_strdup (bk_document_get_path (doc));
  g_autofree char *sql = NULL;
  g_autofree char *before_json = NULL, *after_json = NULL, *reopened = NULL;
  g_autoptr(GBytes) before = NULL, after = NULL;
  gboolean ok;

  switch (edit)
    {
    case EDIT_CELL:
      set1_ok (doc, BK_SCENARIO_BASE, BK_TABLE_CAPEX, "msft", "2024", "50");
      break;
    case EDIT_SHARE:
      set1_ok (doc, BK_SCENARIO_BASE, BK_TABLE_SHARE, "msft", "2025", "47");
      break;
    case EDIT_NOTE:
      g_assert_true (bk_document_set_note (doc, BK_TABLE_CAPEX, 0, 0, "a note", &error));
      break;
    case EDIT_ASSUMPTION:
      g_assert_true (bk_document_set_assumption (doc, BK_SCENARIO_BASE, -1, BK_ASSUMPTION_TAX_RATE, 0.2, &error));
      break;
    case EDIT_TITLE:
    default:
      g_assert_true (bk_document_set_title (doc, "Crafted", &error));
      break;
    }
  g_assert_no_error (error);
  if (!undo)
    {
      g_assert_true (bk_document_undo (doc, &error));
      g_assert_no_error (error);
    }

  /* Someone else rewrites the step undo or redo takes next. */
  sql = g_strdup_printf ("UPDATE history SET %s WHERE action = (SELECT max(id) FROM actions)", set);
  sql_exec (path, sql);

  before = file_bytes (path);
  before_json = export (doc);
  ok = undo ? bk_document_undo (doc, &error) : bk_document_redo (doc, &error);
  g_test_message ("%s %s: %s", undo ? "undo" : "redo", set, error ? error->message : "(applied)");
  g_assert_false (ok);
  g_assert_error (error, BK_ERROR, BK_ERROR_DAMAGED);
  g_assert_true (g_str_has_prefix (error->message, undo ? "Cannot undo: " : "Cannot redo: "));
  after = file_bytes (path);
  assert_same_bytes (before, after);
  after_json = export (doc);
  assert_same_json (after_json, before_json);
  /* the step is still offered, and the file still opens as it was */
  g_assert_true (undo ? bk_document_can_undo (doc) : bk_document_can_redo (doc));
  reopened = export_file (path);
  assert_same_json (reopened, before_json);
}

static void
test_history_crafted (void)
{
  static const struct { CraftedEdit edit; const char *set; } cases[] = {
    { EDIT_CELL, "old_present = 1, o1 = -5.0, o2 = NULL" },           /* negative capex */
    { EDIT_CELL, "old_present = 1, o1 = 'text', o2 = NULL" },         /* text in a number column */
    { EDIT_CELL, "old_present = 1, o1 = x'00', o2 = NULL" },          /* a blob */
    { EDIT_CELL, "old_present = 1, o1 = NULL, o2 = '=prev*'" },       /* a bad formula */
    { EDIT_CELL, "old_present = 1, o1 = NULL, o2 = 42" },             /* a formula that is a number */
    { EDIT_CELL, "k3 = 'nosuch'" },                                   /* unknown row */
    { EDIT_CELL, "k4 = '1900'" },                                     /* unknown period */
    { EDIT_CELL, "k2 = 'nosuch'" },                                   /* unknown table */
    { EDIT_CELL, "k1 = 99" },                                         /* unknown scenario */
    { EDIT_CELL, "k1 = '0'" },                                        /* a scenario id as text */
    { EDIT_SHARE, "old_present = 1, o1 = 7.0, o2 = NULL" },           /* a share of 7 */
    { EDIT_NOTE, "old_present = 1, o1 = 42" },                        /* a note that is a number */
    { EDIT_NOTE, "old_present = 1, o1 = printf('%.20000c', 'x')" },   /* a huge note */
    { EDIT_NOTE, "old_present = 1, o1 = CAST(x'41ff42' AS TEXT)" },   /* invalid UTF-8 */
    { EDIT_NOTE, "k2 = 'nosuch'" },                                   /* a note on an unknown row */
    { EDIT_ASSUMPTION, "old_present = 1, o1 = 7.0" },                 /* a tax rate of 700 % */
    { EDIT_ASSUMPTION, "old_present = 1, o1 = 'high'" },              /* text */
    { EDIT_ASSUMPTION, "k3 = 'nosuch'" },                             /* unknown assumption */
    { EDIT_ASSUMPTION, "k2 = 'nosuch'" },                             /* unknown company */
    { EDIT_ASSUMPTION, "k1 = 99" },                                   /* unknown scenario */
    { EDIT_TITLE, "o1 = printf('%.600c', 'x')" },                     /* a huge title */
    { EDIT_TITLE, "o1 = 42" },                                        /* a title that is a number */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *redo_set = NULL;
      GString *redo = g_string_new (cases[i].set);

      crafted_step (cases[i].edit, TRUE, cases[i].set);
      /* the same damage in the redo images */
      g_string_replace (redo, "old_present", "new_present", 0);
      g_string_replace (redo, "o1 =", "n1 =", 0);
      g_string_replace (redo, "o2 =", "n2 =", 0);
      redo_set = g_string_free (redo, FALSE);
      crafted_step (cases[i].edit, FALSE, redo_set);
    }
}

static void
test_rejected (void)
{
  g_autoptr(BkDocument) doc = create_sample ("rejected.breakeven");
  int bear = scenario_of (doc, "Bear — short GPU life, price war");

  set1_ok (doc, BK_SCENARIO_BASE, BK_TABLE_CAPEX, "msft", "2023", "30");
  set1_ok (doc, BK_SCENARIO_BASE, BK_TABLE_CAPEX, "msft", "2024", "40");
  g_assert_true (bk_document_undo (doc, NULL));  /* leave something to redo */

  check_rejected (doc, 0, BK_TABLE_CAPEX, "msft", "2023", "abc", BK_ERROR_INVALID_INPUT);
  check_rejected (doc, 0, BK_TABLE_CAPEX, "msft", "2023", "-5", BK_ERROR_OUT_OF_RANGE);
  check_rejected (doc, 0, BK_TABLE_BACKLOG, "orcl", "2024", "-1", BK_ERROR_OUT_OF_RANGE);
  check_rejected (doc, 0, BK_TABLE_TOKENS, "global", "2024", "-0.5", BK_ERROR_OUT_OF_RANGE);
  check_rejected (doc, 0, BK_TABLE_SHARE, "baba", "2025", "150", BK_ERROR_OUT_OF_RANGE);
  check_rejected (doc, 0, BK_TABLE_SHARE, "baba", "2025", "150%", BK_ERROR_OUT_OF_RANGE);
  check_rejected (doc, 0, BK_TABLE_CAPEX, "msft", "2024", "=1/0", -1);
  check_rejected (doc, 0, BK_TABLE_CAPEX, "msft", "2024", "=prev-1000", -1);
  check_rejected (doc, 0, BK_TABLE_CAPEX, "msft", "2024", "=(1+", -1);
  check_rejected (doc, (guint) bear, BK_TABLE_CAPEX, "msft", "2023", "-5", BK_ERROR_OUT_OF_RANGE);
  check_rejected (doc, (guint) bear, BK_TABLE_SHARE, "msft", "2023", "abc", BK_ERROR_INVALID_INPUT);

  /* still redoable after all that */
  g_assert_true (bk_document_can_redo (doc));
}

static void
test_bad_ranges (void)
{
  g_autoptr(BkDocument) doc = create_sample ("ranges.breakeven");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = export (doc);
  g_autofree char *after = NULL;
  const char *texts[] = { "1", "2", "3", "4" };

  g_assert_false (bk_document_set_cells (doc, 0, BK_TABLE_CAPEX, 9, 0, 1, 1, texts, NULL, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (bk_document_set_cells (doc, 0, BK_TABLE_CAPEX, 8, 0, 2, 1, texts, NULL, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (bk_document_set_cells (doc, 0, BK_TABLE_CAPEX, 0, 4, 1, 2, texts, NULL, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (bk_document_set_cells (doc, 0, BK_TABLE_TOKENS, 2, 0, 1, 1, texts, NULL, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (bk_document_set_cells (doc, 99, BK_TABLE_CAPEX, 0, 0, 1, 1, texts, NULL, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (bk_document_set_cells (doc, 0, BK_TABLE_CAPEX, 0, 0, 0, 1, texts, NULL, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (bk_document_set_note (doc, BK_TABLE_CAPEX, 0, 5, "x", &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_NOT_FOUND);
  g_clear_error (&error);

  after = export (doc);
  assert_same_json (after, before);
  g_assert_false (bk_document_can_undo (doc));
}

/* Scenarios' cells */

static void
test_scenario_overrides (void)
{
  g_autofree char *path = test_path ("overrides.breakeven");
  g_autoptr(BkDocument) doc = create_sample ("overrides.breakeven");
  g_autoptr(GError) error = NULL;
  BkWorkbook *wb = bk_document_get_workbook (doc);
  int bear = scenario_of (doc, "bear — SHORT gpu life, price war");
  int bull = scenario_of (doc, "Bull — demand keeps compounding");
  gint64 bear_id;
  g_autofree char *start = export (doc);
  g_autofree char *overridden = NULL;
  g_autofree char *sql = NULL;
  BkCell cell;

  g_assert_cmpint (bear, >, 0);
  g_assert_cmpuint (bk_workbook_get_n_overrides (wb, (guint) bear), ==, 0);
  bear_id = sql_int (path, "SELECT id FROM scenarios WHERE name LIKE 'Bear%'");

  set1_ok (doc, (guint) bear, BK_TABLE_CAPEX, "msft", "2026", "100");
  cell = get_cell (doc, (guint) bear, BK_TABLE_CAPEX, "msft", "2026");
  g_assert_cmpfloat (cell.value, ==, 100);
  g_assert_true (cell.flags & BK_CELL_OVERRIDDEN);
  /* the formula after it follows the scenario's value */
  g_assert_cmpfloat_with_epsilon (get_value (doc, (guint) bear, BK_TABLE_CAPEX, "msft", "2027"), 115, 1e-9);
  /* base and the other scenarios are untouched */
  cell = get_cell (doc, BK_SCENARIO_BASE, BK_TABLE_CAPEX, "msft", "2026");
  g_assert_cmpfloat (cell.value, ==, 145);
  g_assert_false (cell.flags & BK_CELL_OVERRIDDEN);
  g_assert_cmpfloat_with_epsilon (get_value (doc, 0, BK_TABLE_CAPEX, "msft", "2027"), 145 * 1.15, 1e-9);
  g_assert_cmpfloat (get_value (doc, (guint) bull, BK_TABLE_CAPEX, "msft", "2026"), ==, 145);
  g_assert_cmpuint (bk_workbook_get_n_overrides (wb, (guint) bear), ==, 1);
  /* in the file: one row for the scenario, the base row unchanged */
  g_assert_cmpfloat (stored_value (path, bear_id, "capex", "msft", "2026"), ==, 100);
  g_assert_cmpfloat (stored_value (path, 0, "capex", "msft", "2026"), ==, 145);
  sql = mprintf_dup ("SELECT count(*) FROM cells WHERE scenario = %lld", (long long) bear_id);
  g_assert_cmpint (count_rows (path, sql), ==, 1);

  overridden = export (doc);
  check_undo_redo (doc, start, overridden);

  /* a change of the base is seen by the scenario where it does not override */
  set1_ok (doc, BK_SCENARIO_BASE, BK_TABLE_CAPEX, "msft", "2025", "70");
  g_assert_cmpfloat (get_value (doc, (guint) bear, BK_TABLE_CAPEX, "msft", "2025"), ==, 70);
  g_assert_cmpfloat (get_value (doc, (guint) bear, BK_TABLE_CAPEX, "msft", "2026"), ==, 100);
  undo_ok (doc);

  /* it survives reopening */
  {
    g_autoptr(BkDocument) again = open_ok (path);
    int b = scenario_of (again, "Bear — short GPU life, price war");

    cell = get_cell (again, (guint) b, BK_TABLE_CAPEX, "msft", "2026");
    g_assert_cmpfloat (cell.value, ==, 100);
    g_assert_true (cell.flags & BK_CELL_OVERRIDDEN);
  }

  /* Reset to Base removes the override; undoable */
  g_assert_true (bk_document_reset_cells (doc, (guint) bear, BK_TABLE_CAPEX,
                                          (guint) row_of (doc, BK_TABLE_CAPEX, "msft"), 0, 1, 5, &error));
  g_assert_no_error (error);
  cell = get_cell (doc, (guint) bear, BK_TABLE_CAPEX, "msft", "2026");
  g_assert_cmpfloat (cell.value, ==, 145);
  g_assert_false (cell.flags & BK_CELL_OVERRIDDEN);
  g_assert_cmpuint (bk_workbook_get_n_overrides (wb, (guint) bear), ==, 0);
  g_assert_true (isnan (stored_value (path, bear_id, "capex", "msft", "2026")));
  g_assert_cmpint (count_rows (path, sql), ==, 0);
  {
    g_autofree char *reset = export (doc);

    assert_same_json (reset, start);
    check_undo_redo (doc, overridden, reset);
  }

  /* resetting the base is refused */
  g_assert_false (bk_document_reset_cells (doc, BK_SCENARIO_BASE, BK_TABLE_CAPEX, 0, 0, 1, 1, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A formula typed into a scenario uses the scenario's prev */
  set1_ok (doc, (guint) bear, BK_TABLE_CAPEX, "msft", "2025", "10");
  set1_ok (doc, (guint) bear, BK_TABLE_CAPEX, "msft", "2026", "=prev*3");
  g_assert_cmpfloat_with_epsilon (get_value (doc, (guint) bear, BK_TABLE_CAPEX, "msft", "2026"), 30, 1e-9);
  g_assert_cmpfloat_with_epsilon (get_value (doc, (guint) bear, BK_TABLE_CAPEX, "msft", "2027"), 34.5, 1e-9);
  g_assert_cmpfloat (get_value (doc, 0, BK_TABLE_CAPEX, "msft", "2026"), ==, 145);
  {
    g_autoptr(BkDocument) again = open_ok (path);
    int b = scenario_of (again, "Bear — short GPU life, price war");

    cell = get_cell (again, (guint) b, BK_TABLE_CAPEX, "msft", "2026");
    g_assert_cmpstr (cell.formula, ==, "=prev*3");
    g_assert_cmpfloat_with_epsilon (cell.value, 30, 1e-9);
  }
}

/* Assumptions */

static void
set_assumption_ok (BkDocument   *doc,
                   guint         scenario,
                   int           company,
                   BkAssumption  assumption,
                   double        value)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = bk_document_set_assumption (doc, scenario, company, assumption, value, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
  assert_integrity (doc);
}

static void
check_assumption_rejected (BkDocument   *doc,
                           guint         scenario,
                           int           company,
                           BkAssumption  assumption,
                           double        value,
                           int           code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = export (doc);
  g_autofree char *after = NULL;
  g_autofree char *label_before = bk_document_dup_undo_label (doc);
  g_autofree char *label_after = NULL;

  g_assert_false (bk_document_set_assumption (doc, scenario, company, assumption, value, &error));
  g_assert_error (error, BK_ERROR, code);
  after = export (doc);
  assert_same_json (after, before);
  label_after = bk_document_dup_undo_label (doc);
  g_assert_cmpstr (label_after, ==, label_before);
}

static void
test_assumptions (void)
{
  g_autofree char *path = test_path ("assumptions.breakeven");
  g_autoptr(BkDocument) doc = create_sample ("assumptions.breakeven");
  BkWorkbook *wb = bk_document_get_workbook (doc);
  int bear = scenario_of (doc, "Bear — short GPU life, price war");
  int msft = bk_workbook_find_company (wb, "msft");
  int googl = bk_workbook_find_company (wb, "googl");
  const BkAssumption life = BK_ASSUMPTION_IT_LIFE_YEARS;
  g_autofree char *start = export (doc);

  /* default → workbook → company → scenario → scenario company */
  g_assert_cmpfloat (bk_workbook_get_assumption (wb, 0, msft, life), ==, 6);
  g_assert_cmpfloat (bk_workbook_get_assumption (wb, (guint) bear, msft, life), ==, 3);

  set_assumption_ok (doc, 0, -1, life, 5);
  g_assert_cmpfloat (bk_workbook_get_assumption_layer (wb, 0, -1, life), ==, 5);
  g_assert_cmpfloat (bk_workbook_get_assumption (wb, 0, msft, life), ==, 5);
  g_assert_cmpfloat (bk_workbook_get_assumption (wb, (guint) bear, msft, life), ==, 3);
  g_assert_cmpfloat (sql_double (path, "SELECT value FROM assumptions WHERE scenario = 0 AND company = ''"
                                       " AND key = 'it_life_years'"), ==, 5);

  set_assumption_ok (doc, 0, msft, life, 4);
  g_assert_cmpfloat (bk_workbook_get_assumption (wb, 0, msft, life), ==, 4);
  g_assert_cmpfloat (bk_workbook_get_assumption (wb, 0, googl, life), ==, 5);
  g_assert_cmpfloat (bk_workbook_get_assumption (wb, 0, -1, life), ==, 5);
  g_assert_cmpfloat (bk_workbook_get_assumption (wb, (guint) bear, msft, life), ==, 3);
  g_assert_cmpfloat (sql_double (path, "SELECT value FROM assumptions WHERE scenario = 0 AND company = 'msft'"
                                       " AND key = 'it_life_years'"), ==, 4);

  set_assumption_ok (doc, (guint) bear, msft, life, 2);
  g_assert_cmpfloat (bk_workbook_get_assumption (wb, (guint) bear, msft, life), ==, 2);
  g_assert_cmpfloat (bk_workbook_get_assumption (wb, (guint) bear, googl, life), ==, 3);
  g_assert_cmpfloat (bk_workbook_get_assumption (wb, 0, msft, life), ==, 4);

  /* it is all in the file */
  {
    g_autoptr(BkDocument) again = open_ok (path);
    BkWorkbook *wb2 = bk_document_get_workbook (again);

    g_assert_cmpfloat (bk_workbook_get_assumption (wb2, (guint) bear, msft, life), ==, 2);
    g_assert_cmpfloat (bk_workbook_get_assumption (wb2, 0, msft, life), ==, 4);
    g_assert_cmpfloat (bk_workbook_get_assumption (wb2, 0, googl, life), ==, 5);
  }

  /* NAN clears a layer */
  set_assumption_ok (doc, (guint) bear, msft, life, NAN);
  g_assert_true (isnan (bk_workbook_get_assumption_layer (wb, (guint) bear, msft, life)));
  g_assert_cmpfloat (bk_workbook_get_assumption (wb, (guint) bear, msft, life), ==, 3);
  set_assumption_ok (doc, 0, msft, life, NAN);
  g_assert_cmpfloat (bk_workbook_get_assumption (wb, 0, msft, life), ==, 5);
  set_assumption_ok (doc, 0, -1, life, NAN);
  g_assert_cmpfloat (bk_workbook_get_assumption (wb, 0, msft, life), ==, 6);
  g_assert_cmpint (count_rows (path, "SELECT count(*) FROM assumptions WHERE key = 'it_life_years'"
                                     " AND scenario = 0"), ==, 0);
  {
    g_autofree char *cleared = export (doc);
    assert_same_json (cleared, start);
  }

  /* each step is undoable: undo all six back, then one redo */
  for (guint i = 0; i < 3; i++)
    undo_ok (doc);
  g_assert_cmpfloat (bk_workbook_get_assumption (wb, (guint) bear, msft, life), ==, 2);
  for (guint i = 0; i < 3; i++)
    undo_ok (doc);
  g_assert_false (bk_document_can_undo (doc));
  {
    g_autofree char *back = export (doc);
    assert_same_json (back, start);
  }
  redo_ok (doc);
  g_assert_cmpfloat (bk_workbook_get_assumption (wb, 0, msft, life), ==, 5);

  /* a scenario-level extra_years is allowed */
  set_assumption_ok (doc, (guint) bear, -1, BK_ASSUMPTION_EXTRA_YEARS, 10);
  g_assert_cmpfloat (bk_workbook_get_assumption (wb, (guint) bear, msft, BK_ASSUMPTION_EXTRA_YEARS), ==, 10);
  set_assumption_ok (doc, 0, -1, BK_ASSUMPTION_EXTRA_YEARS, 0);
  set_assumption_ok (doc, 0, -1, BK_ASSUMPTION_EXTRA_YEARS, 50);

  /* invalid values are refused and change nothing */
  check_assumption_rejected (doc, 0, -1, BK_ASSUMPTION_UTILIZATION, 1.5, BK_ERROR_OUT_OF_RANGE);
  check_assumption_rejected (doc, 0, msft, BK_ASSUMPTION_UTILIZATION, -0.1, BK_ERROR_OUT_OF_RANGE);
  check_assumption_rejected (doc, (guint) bear, -1, BK_ASSUMPTION_EXTRA_YEARS, 2.5, BK_ERROR_OUT_OF_RANGE);
  check_assumption_rejected (doc, 0, -1, BK_ASSUMPTION_EXTRA_YEARS, 51, BK_ERROR_OUT_OF_RANGE);
  check_assumption_rejected (doc, 0, -1, BK_ASSUMPTION_EXTRA_YEARS, -1, BK_ERROR_OUT_OF_RANGE);
  check_assumption_rejected (doc, 0, msft, BK_ASSUMPTION_EXTRA_YEARS, 5, BK_ERROR_INVALID_INPUT);
  check_assumption_rejected (doc, (guint) bear, msft, BK_ASSUMPTION_EXTRA_YEARS, 5, BK_ERROR_INVALID_INPUT);
  check_assumption_rejected (doc, 0, -1, BK_ASSUMPTION_CAPEX_PER_MW, 0, BK_ERROR_OUT_OF_RANGE);
  check_assumption_rejected (doc, 0, -1, BK_ASSUMPTION_PUE, 0.9, BK_ERROR_OUT_OF_RANGE);
  check_assumption_rejected (doc, 0, -1, BK_ASSUMPTION_PRICE_DECLINE, 1, BK_ERROR_OUT_OF_RANGE);
  check_assumption_rejected (doc, 0, -1, BK_ASSUMPTION_DISCOUNT_RATE, -1, BK_ERROR_OUT_OF_RANGE);
  check_assumption_rejected (doc, 0, -1, BK_ASSUMPTION_DISCOUNT_RATE, INFINITY, BK_ERROR_OUT_OF_RANGE);
  check_assumption_rejected (doc, 0, 99, BK_ASSUMPTION_UTILIZATION, 0.5, BK_ERROR_NOT_FOUND);
  check_assumption_rejected (doc, 99, -1, BK_ASSUMPTION_UTILIZATION, 0.5, BK_ERROR_NOT_FOUND);
  assert_integrity (doc);
}

/* Structure */

/* Runs @action and checks it is one undoable, redoable step. */
static void
check_structural (BkDocument *doc,
                  gboolean  (*action) (BkDocument *, gconstpointer, GError **),
                  gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = export (doc);
  g_autofree char *after = NULL;
  gboolean ok = action (doc, data, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
  after = export (doc);
  g_assert_cmpstr (after, !=, before);
  check_undo_redo (doc, before, after);
}

static gboolean
do_add_company (BkDocument *doc, gconstpointer data, GError **error)
{
  return bk_document_add_company (doc, "nvda", "Nvidia", "global", 1, error);
}

static gboolean
do_add_company_end (BkDocument *doc, gconstpointer data, GError **error)
{
  return bk_document_add_company (doc, "xai", NULL, "china", G_MAXUINT, error);
}

static gboolean
do_rename_company (BkDocument *doc, gconstpointer data, GError **error)
{
  return bk_document_rename_row (doc, FALSE, "msft", "  Microsoft Corp.  ", error);
}

static gboolean
do_move_company (BkDocument *doc, gconstpointer data, GError **error)
{
  return bk_document_move_row (doc, FALSE, "msft", 5, error);
}

static gboolean
do_change_market (BkDocument *doc, gconstpointer data, GError **error)
{
  return bk_document_set_company_market (doc, "orcl", "china", error);
}

static gboolean
do_remove_company (BkDocument *doc, gconstpointer data, GError **error)
{
  return bk_document_remove_row (doc, FALSE, "googl", error);
}

static gboolean
do_add_market (BkDocument *doc, gconstpointer data, GError **error)
{
  return bk_document_add_market (doc, "eu", "Europe", 0, error);
}

static gboolean
do_rename_market (BkDocument *doc, gconstpointer data, GError **error)
{
  return bk_document_rename_row (doc, TRUE, "china", "PRC", error);
}

static gboolean
do_move_market (BkDocument *doc, gconstpointer data, GError **error)
{
  return bk_document_move_row (doc, TRUE, "china", 0, error);
}

static gboolean
do_remove_market (BkDocument *doc, gconstpointer data, GError **error)
{
  return bk_document_remove_row (doc, TRUE, "eu", error);
}

static gboolean
do_add_period_start (BkDocument *doc, gconstpointer data, GError **error)
{
  return bk_document_add_period (doc, TRUE, error);
}

static gboolean
do_add_period_end (BkDocument *doc, gconstpointer data, GError **error)
{
  return bk_document_add_period (doc, FALSE, error);
}

static gboolean
do_remove_period_start (BkDocument *doc, gconstpointer data, GError **error)
{
  return bk_document_remove_period (doc, TRUE, error);
}

static gboolean
do_remove_period_end (BkDocument *doc, gconstpointer data, GError **error)
{
  return bk_document_remove_period (doc, FALSE, error);
}

static gboolean
do_add_scenario (BkDocument *doc, gconstpointer data, GError **error)
{
  BkWorkbook *wb = bk_document_get_workbook (doc);

  return bk_document_add_scenario (doc, "Copy of FOMO", (guint) bk_workbook_find_scenario (wb, "FOMO CapEx"),
                                   error);
}

static gboolean
do_add_scenario_base (BkDocument *doc, gconstpointer data, GError **error)
{
  return bk_document_add_scenario (doc, " Plain ", BK_SCENARIO_BASE, error);
}

static gboolean
do_rename_scenario (BkDocument *doc, gconstpointer data, GError **error)
{
  BkWorkbook *wb = bk_document_get_workbook (doc);

  return bk_document_rename_scenario (doc, (guint) bk_workbook_find_scenario (wb, "Copy of FOMO"),
                                      "FOMO 2", error);
}

static gboolean
do_remove_scenario (BkDocument *doc, gconstpointer data, GError **error)
{
  BkWorkbook *wb = bk_document_get_workbook (doc);

  return bk_document_remove_scenario (doc, (guint) bk_workbook_find_scenario (wb, "FOMO CapEx"), error);
}

static gboolean
do_remove_scenario_first (BkDocument *doc, gconstpointer data, GError **error)
{
  return bk_document_remove_scenario (doc, 1, error);
}

static void
test_assumptions_block (void)
{
  g_autofree char *path = test_path ("assumptions-block.breakeven");
  g_autoptr(BkDocument) doc = create_sample ("assumptions-block.breakeven");
  g_autoptr(GError) error = NULL;
  BkWorkbook *wb = bk_document_get_workbook (doc);
  int msft = bk_workbook_find_company (wb, "msft");
  const BkAssumption life = BK_ASSUMPTION_IT_LIFE_YEARS;
  const BkAssumption rate = BK_ASSUMPTION_DISCOUNT_RATE;
  g_autofree char *start = export (doc);
  g_autofree char *label = NULL;
  int companies[] = { -1, msft };
  BkAssumption keys[] = { life, life };
  double values[] = { 5, 4 };
  BkAssumption bad_keys[] = { life, rate };
  double bad_values[] = { 7, -3 };

  /* two layers in one action: one undo step takes both back */
  g_assert_true (bk_document_set_assumptions (doc, 0, 2, companies, keys, values, &error));
  g_assert_no_error (error);
  assert_integrity (doc);
  g_assert_cmpfloat (bk_workbook_get_assumption_layer (wb, 0, -1, life), ==, 5);
  g_assert_cmpfloat (bk_workbook_get_assumption_layer (wb, 0, msft, life), ==, 4);
  g_assert_cmpfloat (sql_double (path, "SELECT value FROM assumptions WHERE scenario = 0 AND company = ''"
                                       " AND key = 'it_life_years'"), ==, 5);
  label = bk_document_dup_undo_label (doc);
  g_assert_cmpstr (label, ==, "Change assumptions");

  /* one bad value rejects the whole block */
  {
    g_autofree char *before = export (doc);
    g_autofree char *after = NULL;

    g_assert_false (bk_document_set_assumptions (doc, 0, 2, companies, bad_keys, bad_values, &error));
    g_assert_error (error, BK_ERROR, BK_ERROR_OUT_OF_RANGE);
    g_clear_error (&error);
    after = export (doc);
    assert_same_json (after, before);
  }

  g_assert_true (bk_document_undo (doc, &error));
  g_assert_no_error (error);
  {
    g_autofree char *after = export (doc);
    assert_same_json (after, start);
  }
}

static void
test_rows (void)
{
  g_autoptr(BkDocument) doc = create_sample ("rows.breakeven");
  g_autoptr(GError) error = NULL;
  BkWorkbook *wb = bk_document_get_workbook (doc);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  check_structural (doc, do_add_company, NULL);
  g_assert_cmpstr (bk_workbook_get_company_id (wb, 1), ==, "nvda");
  g_assert_cmpstr (bk_workbook_get_company_name (wb, 1), ==, "Nvidia");
  g_assert_cmpuint (bk_workbook_get_n_companies (wb), ==, 10);
  g_assert_true (isnan (get_value (doc, 0, BK_TABLE_CAPEX, "nvda", "2023")));
  /* the new row takes values */
  set1_ok (doc, 0, BK_TABLE_CAPEX, "nvda", "2024", "5");
  g_assert_cmpfloat (stored_value (bk_document_get_path (doc), 0, "capex", "nvda", "2024"), ==, 5);

  check_structural (doc, do_add_company_end, NULL);
  g_assert_cmpstr (bk_workbook_get_company_id (wb, bk_workbook_get_n_companies (wb) - 1), ==, "xai");
  g_assert_cmpstr (bk_workbook_get_company_name (wb, bk_workbook_get_n_companies (wb) - 1), ==, "xai");

  check_structural (doc, do_rename_company, NULL);
  g_assert_cmpstr (bk_workbook_get_company_name (wb, (guint) bk_workbook_find_company (wb, "msft")), ==,
                   "Microsoft Corp.");

  check_structural (doc, do_move_company, NULL);
  g_assert_cmpint (bk_workbook_find_company (wb, "msft"), ==, 5);
  /* values moved with the row */
  g_assert_cmpfloat (get_value (doc, 0, BK_TABLE_CAPEX, "msft", "2023"), ==, 28.1);

  check_structural (doc, do_change_market, NULL);
  g_assert_cmpstr (bk_workbook_get_market_id (wb, bk_workbook_get_company_market (wb, (guint) bk_workbook_find_company (wb, "orcl"))), ==, "china");

  /* remove a company with values, formulas, notes and assumptions */
  set_assumption_ok (doc, 0, bk_workbook_find_company (wb, "googl"), BK_ASSUMPTION_PUE, 1.4);
  set1_ok (doc, 1, BK_TABLE_CAPEX, "googl", "2023", "1");
  check_structural (doc, do_remove_company, NULL);
  g_assert_cmpint (bk_workbook_find_company (wb, "googl"), <, 0);
  g_assert_cmpint (count_rows (bk_document_get_path (doc), "SELECT count(*) FROM cells WHERE row = 'googl'"), ==, 0);
  g_assert_cmpint (count_rows (bk_document_get_path (doc), "SELECT count(*) FROM notes WHERE row = 'googl'"), ==, 0);
  g_assert_cmpint (count_rows (bk_document_get_path (doc), "SELECT count(*) FROM assumptions WHERE company = 'googl'"), ==, 0);

  /* duplicate and bad ids, unknown market */
  before = export (doc);
  g_assert_false (bk_document_add_company (doc, "msft", "Again", "global", 0, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_false (bk_document_add_company (doc, "new co", "New", "global", 0, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_false (bk_document_add_company (doc, "", "New", "global", 0, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_false (bk_document_add_company (doc, "newco", "New", "mars", 0, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (bk_document_rename_row (doc, FALSE, "msft", "   ", &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_false (bk_document_rename_row (doc, FALSE, "nope", "Name", &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (bk_document_remove_row (doc, FALSE, "nope", &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (bk_document_set_company_market (doc, "msft", "mars", &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* markets */
  check_structural (doc, do_add_market, NULL);
  g_assert_cmpstr (bk_workbook_get_market_id (wb, 0), ==, "eu");
  g_assert_false (bk_document_add_market (doc, "eu", "Europe", 0, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_EXISTS);
  g_clear_error (&error);
  check_structural (doc, do_rename_market, NULL);
  g_assert_cmpstr (bk_workbook_get_market_name (wb, (guint) bk_workbook_find_market (wb, "china")), ==, "PRC");
  check_structural (doc, do_move_market, NULL);
  g_assert_cmpint (bk_workbook_find_market (wb, "china"), ==, 0);

  /* a market with companies cannot go */
  g_clear_pointer (&before, g_free);
  before = export (doc);
  g_assert_false (bk_document_remove_row (doc, TRUE, "global", &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  after = export (doc);
  assert_same_json (after, before);

  /* an empty one with token values can */
  set1_ok (doc, 0, BK_TABLE_TOKENS, "eu", "2024", "3");
  check_structural (doc, do_remove_market, NULL);
  g_assert_cmpint (bk_workbook_find_market (wb, "eu"), <, 0);
  g_assert_cmpint (count_rows (bk_document_get_path (doc), "SELECT count(*) FROM cells WHERE row = 'eu'"), ==, 0);
  assert_integrity (doc);
}

static void
test_periods (void)
{
  g_autoptr(BkDocument) doc = create_sample ("periods.breakeven");
  g_autoptr(GError) error = NULL;
  BkWorkbook *wb = bk_document_get_workbook (doc);
  g_autofree char *label = NULL;
  BkCell cell;

  check_structural (doc, do_add_period_end, NULL);
  g_assert_cmpuint (bk_workbook_get_n_periods (wb), ==, 6);
  label = bk_workbook_dup_period_label (wb, 5);
  g_assert_cmpstr (label, ==, "2028");
  g_clear_pointer (&label, g_free);
  g_assert_true (isnan (get_value (doc, 0, BK_TABLE_CAPEX, "msft", "2028")));
  set1_ok (doc, 0, BK_TABLE_CAPEX, "msft", "2028", "=prev*2");
  g_assert_cmpfloat_with_epsilon (get_value (doc, 0, BK_TABLE_CAPEX, "msft", "2028"), 145 * 1.15 * 2, 1e-9);

  check_structural (doc, do_add_period_start, NULL);
  g_assert_cmpuint (bk_workbook_get_n_periods (wb), ==, 7);
  label = bk_workbook_dup_period_label (wb, 0);
  g_assert_cmpstr (label, ==, "2022");
  g_clear_pointer (&label, g_free);
  /* values keep their periods */
  g_assert_cmpfloat (get_value (doc, 0, BK_TABLE_CAPEX, "msft", "2023"), ==, 28.1);
  g_assert_cmpint (period_of (doc, "2023"), ==, 1);

  check_structural (doc, do_remove_period_start, NULL);
  check_structural (doc, do_remove_period_end, NULL);
  g_assert_cmpuint (bk_workbook_get_n_periods (wb), ==, 5);

  /* Removing the first period: labels shift, formulas still evaluate */
  check_structural (doc, do_remove_period_start, NULL);
  g_assert_cmpuint (bk_workbook_get_n_periods (wb), ==, 4);
  label = bk_workbook_dup_period_label (wb, 0);
  g_assert_cmpstr (label, ==, "2024");
  g_clear_pointer (&label, g_free);
  g_assert_cmpint (bk_workbook_find_period (wb, "2023"), ==, -1);
  g_assert_cmpfloat (get_value (doc, 0, BK_TABLE_CAPEX, "msft", "2024"), ==, 44.5);
  cell = get_cell (doc, 0, BK_TABLE_CAPEX, "msft", "2027");
  g_assert_cmpstr (cell.formula, ==, "=prev*1.15");
  g_assert_false (cell.flags & BK_CELL_INVALID);
  g_assert_cmpfloat_with_epsilon (cell.value, 145 * 1.15, 1e-9);
  g_assert_cmpint (count_rows (bk_document_get_path (doc), "SELECT count(*) FROM cells WHERE period = '2023'"), ==, 0);
  g_assert_cmpint (count_rows (bk_document_get_path (doc), "SELECT count(*) FROM notes WHERE period = '2023'"), ==, 0);

  /* A formula that becomes the first period sees prev = 0 */
  set1_ok (doc, 0, BK_TABLE_CAPEX, "bidu", "2025", "=prev+1");
  g_assert_cmpfloat_with_epsilon (get_value (doc, 0, BK_TABLE_CAPEX, "bidu", "2025"), 2.13, 1e-9);
  check_structural (doc, do_remove_period_start, NULL);
  cell = get_cell (doc, 0, BK_TABLE_CAPEX, "bidu", "2025");
  g_assert_false (cell.flags & BK_CELL_INVALID);
  g_assert_cmpfloat_with_epsilon (cell.value, 1, 1e-9);
  /* stored as well, so other readers of the file see it */
  g_assert_cmpfloat_with_epsilon (stored_value (bk_document_get_path (doc), 0, "capex", "bidu", "2025"), 1, 1e-9);
  g_assert_cmpfloat_with_epsilon (get_value (doc, 0, BK_TABLE_CAPEX, "bidu", "2026"), 1.1, 1e-9);

  /* down to one period, and no further */
  while (bk_workbook_get_n_periods (wb) > 1)
    {
      g_assert_true (bk_document_remove_period (doc, FALSE, &error));
      g_assert_no_error (error);
    }
  g_assert_false (bk_document_remove_period (doc, TRUE, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  assert_integrity (doc);
}

static void
test_scenarios (void)
{
  g_autoptr(BkDocument) doc = create_sample ("scenarios.breakeven");
  g_autoptr(GError) error = NULL;
  BkWorkbook *wb = bk_document_get_workbook (doc);
  int fomo = scenario_of (doc, "FOMO CapEx");
  guint fomo_overrides = bk_workbook_get_n_overrides (wb, (guint) fomo);
  int copy;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_cmpuint (fomo_overrides, >, 0);

  check_structural (doc, do_add_scenario, NULL);
  copy = scenario_of (doc, "Copy of FOMO");
  g_assert_cmpuint (bk_workbook_get_n_scenarios (wb), ==, 4);
  g_assert_cmpuint (bk_workbook_get_n_overrides (wb, (guint) copy), ==, fomo_overrides);
  g_assert_cmpfloat (bk_workbook_get_assumption_layer (wb, (guint) copy, -1, BK_ASSUMPTION_UTILIZATION), ==, 0.5);
  g_assert_cmpfloat (get_value (doc, (guint) copy, BK_TABLE_CAPEX, "msft", "2026"), ==, 188.5);
  /* the copy is independent */
  set1_ok (doc, (guint) copy, BK_TABLE_CAPEX, "msft", "2026", "1");
  g_assert_cmpfloat (get_value (doc, (guint) fomo, BK_TABLE_CAPEX, "msft", "2026"), ==, 188.5);
  undo_ok (doc);

  check_structural (doc, do_add_scenario_base, NULL);
  g_assert_cmpint (bk_workbook_find_scenario (wb, "Plain"), >, 0);
  g_assert_cmpuint (bk_workbook_get_n_overrides (wb, (guint) scenario_of (doc, "Plain")), ==, 0);

  /* names: duplicates (any case), "Base" and empty names are refused */
  before = export (doc);
  g_assert_false (bk_document_add_scenario (doc, "fomo capex", 0, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_false (bk_document_add_scenario (doc, "Base", 0, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (bk_document_add_scenario (doc, "  ", 0, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_false (bk_document_rename_scenario (doc, (guint) copy, "FOMO CapEx", &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_false (bk_document_rename_scenario (doc, BK_SCENARIO_BASE, "Other", &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (bk_document_remove_scenario (doc, BK_SCENARIO_BASE, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (bk_document_add_scenario (doc, "From nowhere", 99, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_NOT_FOUND);
  g_clear_error (&error);
  after = export (doc);
  assert_same_json (after, before);

  check_structural (doc, do_rename_scenario, NULL);
  g_assert_cmpint (bk_workbook_find_scenario (wb, "FOMO 2"), ==, copy);
  g_assert_cmpint (bk_workbook_find_scenario (wb, "Copy of FOMO"), ==, -1);
  /* renaming to itself with another case is fine */
  g_assert_true (bk_document_rename_scenario (doc, (guint) copy, "fomo 2", &error));
  g_assert_no_error (error);

  check_structural (doc, do_remove_scenario, NULL);
  g_assert_cmpint (bk_workbook_find_scenario (wb, "FOMO CapEx"), ==, -1);
  /* the scenario after it still has its overrides */
  g_assert_cmpfloat (get_value (doc, (guint) scenario_of (doc, "fomo 2"), BK_TABLE_CAPEX, "msft", "2026"), ==, 188.5);
  check_structural (doc, do_remove_scenario_first, NULL);
  g_assert_cmpint (bk_workbook_find_scenario (wb, "Bear — short GPU life, price war"), ==, -1);

  /* a scenario added after removing one does not take over its history */
  g_assert_true (bk_document_add_scenario (doc, "Later", 0, &error));
  g_assert_no_error (error);
  set1_ok (doc, (guint) scenario_of (doc, "Later"), BK_TABLE_CAPEX, "msft", "2023", "1");
  for (guint i = 0; i < 4; i++)
    undo_ok (doc);
  g_assert_cmpint (bk_workbook_find_scenario (wb, "Later"), ==, -1);
  g_assert_cmpint (bk_workbook_find_scenario (wb, "FOMO CapEx"), >, 0);
  g_assert_cmpfloat (get_value (doc, (guint) scenario_of (doc, "FOMO CapEx"), BK_TABLE_CAPEX, "msft", "2026"), ==, 188.5);
  assert_integrity (doc);
}

/* Many actions, then everything undone: the original workbook again. */
static void
test_undo_everything (void)
{
  g_autoptr(BkDocument) doc = create_sample ("undo-all.breakeven");
  g_autofree char *start = export (doc);
  g_autofree char *end = NULL;
  g_autofree char *now = NULL;
  g_autoptr(GError) error = NULL;
  guint steps = 0;

  g_assert_true (do_add_company (doc, NULL, &error)); steps++;
  set1_ok (doc, 0, BK_TABLE_CAPEX, "nvda", "2025", "3"); steps++;
  g_assert_true (do_add_scenario (doc, NULL, &error)); steps++;
  set1_ok (doc, (guint) scenario_of (doc, "Copy of FOMO"), BK_TABLE_SHARE, "nvda", "2025", "10%"); steps++;
  g_assert_true (do_remove_period_start (doc, NULL, &error)); steps++;
  g_assert_true (do_add_period_end (doc, NULL, &error)); steps++;
  set_assumption_ok (doc, 0, 1, BK_ASSUMPTION_TAX_RATE, 0.3); steps++;
  g_assert_true (bk_document_set_note (doc, BK_TABLE_CAPEX, 1, 1, "new note", &error)); steps++;
  g_assert_true (do_remove_scenario_first (doc, NULL, &error)); steps++;
  g_assert_true (bk_document_remove_row (doc, FALSE, "nvda", &error)); steps++;
  g_assert_no_error (error);
  end = export (doc);

  for (guint i = 0; i < steps; i++)
    undo_ok (doc);
  g_assert_false (bk_document_can_undo (doc));
  now = export (doc);
  assert_same_json (now, start);

  for (guint i = 0; i < steps; i++)
    redo_ok (doc);
  g_clear_pointer (&now, g_free);
  now = export (doc);
  assert_same_json (now, end);
  g_clear_pointer (&now, g_free);
  now = export_file (bk_document_get_path (doc));
  assert_same_json (now, end);
}

/* Migration */

static char *
make_v0 (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql_path = g_build_filename (TEST_DATA_DIR, "v0.sql", NULL);
  g_autofree char *sql = NULL;
  char *path = test_path (name);
  sqlite3 *db = NULL;
  char *message = NULL;
  int rc;

  g_file_get_contents (sql_path, &sql, NULL, &error);
  g_assert_no_error (error);
  g_unlink (path);
  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  g_assert_cmpint (rc, ==, SQLITE_OK);
  rc = sqlite3_exec (db, sql, NULL, NULL, &message);
  if (rc != SQLITE_OK)
    g_error ("v0.sql: %s", message);
  sqlite3_close (db);
  return path;
}

static void
test_migrate_v0 (void)
{
  g_autofree char *path = make_v0 ("v0.breakeven");
  g_autoptr(BkDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  BkWorkbook *wb;
  int acme;
  BkCell cell;

  g_assert_cmpint (sql_int (path, "PRAGMA user_version"), ==, 0);

  doc = open_ok (path);
  wb = bk_document_get_workbook (doc);
  g_assert_cmpint (bk_document_get_opened_version (doc), ==, 0);
  g_assert_cmpint (sql_int (path, "PRAGMA user_version"), ==, BK_DOCUMENT_SCHEMA_VERSION);
  g_assert_cmpint (sql_int (path, "PRAGMA application_id"), ==, 1112689494);
  assert_integrity (doc);
  g_assert_false (bk_document_is_read_only (doc));

  /* everything intact */
  g_assert_cmpstr (bk_workbook_get_title (wb), ==, "Old workbook");
  g_assert_cmpuint (bk_workbook_get_n_periods (wb), ==, 3);
  g_assert_cmpuint (bk_workbook_get_n_companies (wb), ==, 2);
  g_assert_cmpstr (bk_workbook_get_company_name (wb, 1), ==, "Beta Corp");
  g_assert_cmpuint (bk_workbook_get_n_scenarios (wb), ==, 0);
  g_assert_cmpfloat (get_value (doc, 0, BK_TABLE_CAPEX, "acme", "2025"), ==, 20);
  cell = get_cell (doc, 0, BK_TABLE_CAPEX, "acme", "2026");
  g_assert_cmpstr (cell.formula, ==, "=prev*1.5");
  g_assert_cmpfloat_with_epsilon (cell.value, 30, 1e-9);
  g_assert_cmpfloat (get_value (doc, 0, BK_TABLE_SHARE, "beta", "2025"), ==, 0.25);
  g_assert_cmpfloat (get_value (doc, 0, BK_TABLE_TOKENS, "global", "2026"), ==, 800);
  g_assert_cmpfloat (get_value (doc, 0, BK_TABLE_BACKLOG, "acme", "2026"), ==, 60);
  acme = bk_workbook_find_company (wb, "acme");
  g_assert_cmpfloat (bk_workbook_get_assumption_layer (wb, 0, -1, BK_ASSUMPTION_EXTRA_YEARS), ==, 3);
  g_assert_cmpfloat (bk_workbook_get_assumption (wb, 0, acme, BK_ASSUMPTION_TOKENS_PER_JOULE), ==, 4);
  g_assert_cmpfloat (bk_workbook_get_assumption (wb, 0, acme, BK_ASSUMPTION_PRICE_PER_MTOK), ==, 2);
  g_assert_cmpint (count_rows (path, "SELECT count(*) FROM cells WHERE scenario = 0"), ==, 10);
  g_assert_false (bk_document_can_undo (doc));

  /* editing, undo and the new features work afterwards */
  set1_ok (doc, 0, BK_TABLE_CAPEX, "acme", "2025", "40");
  g_assert_cmpfloat_with_epsilon (get_value (doc, 0, BK_TABLE_CAPEX, "acme", "2026"), 60, 1e-9);
  g_assert_true (bk_document_can_undo (doc));
  undo_ok (doc);
  g_assert_cmpfloat (get_value (doc, 0, BK_TABLE_CAPEX, "acme", "2025"), ==, 20);
  g_assert_cmpfloat (stored_value (path, 0, "capex", "acme", "2025"), ==, 20);
  g_assert_true (bk_document_add_scenario (doc, "New", 0, &error));
  g_assert_no_error (error);
  g_assert_true (bk_document_set_note (doc, BK_TABLE_CAPEX, 0, 0, "a note", &error));
  g_assert_no_error (error);
  assert_integrity (doc);
  g_clear_object (&doc);

  /* opening again: already the current version */
  doc = open_ok (path);
  g_assert_cmpint (bk_document_get_opened_version (doc), ==, BK_DOCUMENT_SCHEMA_VERSION);
  g_assert_cmpuint (bk_workbook_get_n_scenarios (bk_document_get_workbook (doc)), ==, 1);
  g_assert_true (bk_document_can_undo (doc));
}

/* Refusing files */

static void
check_refused_full (const char *path,
                    const char *what,
                    gboolean    may_open_if_checked,
                    const int  *codes,
                    guint       n_codes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BkDocument) doc = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  gboolean exists = g_file_test (path, G_FILE_TEST_IS_REGULAR);
  gboolean matched = FALSE;

  if (exists)
    before = file_bytes (path);

  doc = bk_document_open (path, &error);
  if (doc != NULL && may_open_if_checked)
    {
      g_autofree char *report = NULL;
      g_autoptr(GError) check_error = NULL;

      /* Damage the program never reads (an index, say) may go unnoticed
       * on opening, but the integrity check must report it. */
      g_assert_false (bk_document_check_integrity (doc, &report, &check_error));
      g_assert_true (check_error != NULL || (report != NULL && strcmp (report, "ok") != 0));
      g_clear_object (&doc);
      after = file_bytes (path);
      assert_same_bytes (before, after);
      return;
    }
  if (doc != NULL)
    g_error ("%s: opened without an error (%s)", path, what);
  g_assert_nonnull (error);
  g_assert_true (error->domain == BK_ERROR);
  for (guint i = 0; i < n_codes; i++)
    matched |= error->code == codes[i];
  if (!matched)
    g_error ("%s (%s): unexpected error %d: %s", path, what, error->code, error->message);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_cmpstr (error->message, !=, "");

  if (exists)
    {
      after = file_bytes (path);
      assert_same_bytes (before, after);
    }
}

static void
check_refused (const char *path,
               const char *what,
               const int  *codes,
               guint       n_codes)
{
  check_refused_full (path, what, FALSE, codes, n_codes);
}

static void
write_file (const char *path,
            const void *data,
            gsize       length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, (gssize) length, &error);
  g_assert_no_error (error);
}

static void
test_refuse_foreign (void)
{
  static const int foreign[] = { BK_ERROR_FOREIGN };
  static const int foreign_or_damaged[] = { BK_ERROR_FOREIGN, BK_ERROR_DAMAGED };
  g_autofree char *other = test_path ("other.sqlite");
  g_autofree char *text = test_path ("text.breakeven");
  g_autofree char *empty = test_path ("empty.breakeven");
  g_autofree char *missing = test_path ("missing.breakeven");
  g_autofree char *dir = test_path ("a-directory.breakeven");
  g_autofree char *other_id = test_path ("other-id.breakeven");
  g_autoptr(GError) error = NULL;
  g_autoptr(BkDocument) doc = NULL;

  /* another program's SQLite file */
  g_unlink (other);
  sql_exec (other, "CREATE TABLE t (a, b); INSERT INTO t VALUES (1, 2);");
  check_refused (other, "foreign sqlite", foreign, 1);

  /* another application_id, but tables like ours */
  {
    g_autoptr(BkDocument) made = create_sample ("other-id.breakeven");
  }
  sql_exec (other_id, "PRAGMA application_id = 1234");
  check_refused (other_id, "other application_id", foreign, 1);

  write_file (text, "Hello, this is not a database.\n", 31);
  check_refused (text, "text file", foreign_or_damaged, 2);

  write_file (empty, "", 0);
  check_refused (empty, "empty file", foreign, 1);

  g_unlink (missing);
  doc = bk_document_open (missing, &error);
  g_assert_null (doc);
  g_assert_error (error, BK_ERROR, BK_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  g_mkdir_with_parents (dir, 0700);
  check_refused (dir, "directory", foreign, 1);
}

static void
test_refuse_newer (void)
{
  static const int newer[] = { BK_ERROR_NEWER };
  g_autofree char *path = test_path ("newer.breakeven");

  {
    g_autoptr(BkDocument) doc = create_sample ("newer.breakeven");
  }
  sql_exec (path, "PRAGMA user_version = 99");
  check_refused (path, "user_version 99", newer, 1);
}

/* Stored rows of the wrong SQLite type, naming what does not exist, or
 * holding texts no view could lay out, are damage: the document is
 * refused with what is wrong, never read as 0 or as another cell. */
static void
test_refuse_stored (void)
{
  static const struct { const char *sql; const char *needle; } cases[] = {
    { "UPDATE cells SET value = 'abc', formula = NULL WHERE (scenario, tbl, row, period) = (SELECT scenario, tbl, row, period FROM cells WHERE formula IS NULL LIMIT 1)", NULL },
    { "INSERT INTO cells SELECT 'x', tbl, row, period, 999, NULL FROM cells WHERE scenario = 0 LIMIT 1", NULL },
    { "INSERT INTO cells SELECT 99, tbl, row, period, 999, NULL FROM cells WHERE scenario = 0 LIMIT 1", NULL },
    { "INSERT INTO cells SELECT 0.5, tbl, row, period, 999, NULL FROM cells WHERE scenario = 0 LIMIT 1", NULL },
    { "UPDATE cells SET value = x'01' WHERE (scenario, tbl, row, period) = (SELECT scenario, tbl, row, period FROM cells WHERE formula IS NULL LIMIT 1)", NULL },
    { "UPDATE assumptions SET value = 'high' WHERE key = 'tax_rate'", NULL },
    { "INSERT OR REPLACE INTO notes SELECT tbl, row, period, printf('%.20000c', 'x') FROM cells LIMIT 1", "10000" },
    { "UPDATE companies SET name = CAST(x'41ff42' AS TEXT) WHERE position = 0", "UTF-8" },
    { "UPDATE companies SET name = printf('%.300c', 'x') WHERE position = 0", "200" },
    { "UPDATE markets SET name = CAST(x'410042' AS TEXT) WHERE position = 0", "NUL" },
    { "UPDATE meta SET value = printf('%.600c', 'x') WHERE key = 'title'", "500" },
  };
  static const int damaged[] = { BK_ERROR_DAMAGED };
  g_autofree char *good = test_path ("stored-good.breakeven");
  g_autofree char *path = test_path ("stored.breakeven");
  g_autoptr(GBytes) bytes = NULL;

  {
    g_autoptr(BkDocument) doc = create_sample ("stored-good.breakeven");

    /* the sample has no assumption rows of its own */
    g_autoptr(GError) error = NULL;
    g_assert_true (bk_document_set_assumption (doc, BK_SCENARIO_BASE, -1, BK_ASSUMPTION_TAX_RATE, 0.2, &error));
    g_assert_no_error (error);
    bk_document_close (doc);
  }
  bytes = file_bytes (good);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BkDocument) doc = NULL;

      write_file (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      sql_exec (path, cases[i].sql);
      check_refused (path, cases[i].sql, damaged, G_N_ELEMENTS (damaged));
      doc = bk_document_open (path, &error);
      g_assert_null (doc);
      g_test_message ("%s: %s", cases[i].sql, error->message);
      if (cases[i].needle != NULL)
        g_assert_nonnull (strstr (error->message, cases[i].needle));
    }
}

/* bk_document_open_read_only() never changes the file: not by migrating,
 * not by applying a -wal file planted beside a rollback-journal document,
 * not by changing the journal mode.  A file cut short by one byte is
 * damaged, whichever way it is opened. */
static void
test_open_read_only (void)
{
  static const int damaged[] = { BK_ERROR_DAMAGED };
  g_autofree char *v0 = make_v0 ("ro-v0.breakeven");
  g_autofree char *path = test_path ("ro.breakeven");
  g_autofree char *other = test_path ("ro-other.breakeven");
  g_autofree char *other_wal = g_strconcat (other, "-wal", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *cut = test_path ("ro-cut.breakeven");
  g_autoptr(GBytes) before = NULL;
  double value;

  /* an older schema is read, and the file stays as it was */
  before = file_bytes (v0);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(BkDocument) doc = bk_document_open_read_only (v0, &error);
    g_autoptr(GBytes) after = NULL;

    g_assert_no_error (error);
    g_assert_true (bk_document_is_read_only (doc));
    g_assert_cmpfloat (get_value (doc, 0, BK_TABLE_CAPEX, "acme", "2025"), ==, 20);
    g_assert_false (set1 (doc, BK_SCENARIO_BASE, BK_TABLE_CAPEX, "acme", "2025", "1", &error));
    g_assert_error (error, BK_ERROR, BK_ERROR_READ_ONLY);
    bk_document_close (doc);
    after = file_bytes (v0);
    assert_same_bytes (before, after);
    g_assert_cmpint (sql_int (v0, "PRAGMA user_version"), ==, 0);
  }
  g_clear_pointer (&before, g_bytes_unref);

  /* a -wal file from another copy, planted beside a rollback document */
  {
    g_autoptr(BkDocument) doc = create_sample ("ro.breakeven");

    value = get_value (doc, 0, BK_TABLE_CAPEX, "msft", "2024");
  }
  {
    g_autoptr(GBytes) bytes = file_bytes (path);
    sqlite3 *db;
    g_autofree char *wal_data = NULL;
    gsize wal_length;

    write_file (other, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
    db = sql_open (other);
    g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0;"
                                       "UPDATE cells SET value = 12345 WHERE scenario = 0 AND tbl = 'capex'"
                                       " AND row = 'msft' AND period = '2024'", NULL, NULL, NULL), ==, SQLITE_OK);
    g_assert_true (g_file_get_contents (other_wal, &wal_data, &wal_length, NULL));
    write_file (wal, wal_data, wal_length);
    sqlite3_close (db);
  }
  before = file_bytes (path);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(BkDocument) doc = bk_document_open_read_only (path, &error);
    g_autoptr(GBytes) after = NULL;

    g_assert_no_error (error);
    g_assert_cmpfloat (get_value (doc, 0, BK_TABLE_CAPEX, "msft", "2024"), ==, value);
    bk_document_close (doc);
    after = file_bytes (path);
    assert_same_bytes (before, after);
    g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  }
  g_unlink (wal);

  /* a document in WAL mode: refused read-only, unchanged; opened for
   * writing it goes back to a rollback journal with its log in the file */
  {
    sqlite3 *db = sql_open (other);

    g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }
  g_clear_pointer (&before, g_bytes_unref);
  before = file_bytes (other);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(BkDocument) doc = bk_document_open_read_only (other, &error);
    g_autoptr(GBytes) after = file_bytes (other);

    g_assert_null (doc);
    g_assert_error (error, BK_ERROR, BK_ERROR_FOREIGN);
    g_assert_nonnull (strstr (error->message, "write-ahead log"));
    assert_same_bytes (before, after);
  }
  {
    g_autoptr(BkDocument) doc = open_ok (other);

    g_assert_cmpfloat (get_value (doc, 0, BK_TABLE_CAPEX, "msft", "2024"), ==, 12345);
    bk_document_close (doc);
    g_assert_cmpint (sql_int (other, "SELECT 1"), ==, 1);
    g_assert_false (g_file_test (other_wal, G_FILE_TEST_EXISTS));
  }

  /* one byte short */
  {
    gsize length;
    const guint8 *data = g_bytes_get_data (before, &length);
    g_autoptr(GError) error = NULL;
    g_autoptr(BkDocument) doc = NULL;

    write_file (cut, data, length - 1);
    check_refused (cut, "one byte short", damaged, G_N_ELEMENTS (damaged));
    doc = bk_document_open_read_only (cut, &error);
    g_assert_null (doc);
    g_assert_error (error, BK_ERROR, BK_ERROR_DAMAGED);
    g_assert_nonnull (strstr (error->message, "whole number of pages"));
  }
}

/* Texts past their bounds are refused as they are typed, so none reaches
 * the file (where it would be damage) */
static void
test_text_bounds (void)
{
  g_autoptr(BkDocument) doc = create_sample ("bounds.breakeven");
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strnfill (201, 'n');
  g_autofree char *title = g_strnfill (501, 't');
  g_autofree char *note = g_strnfill (10001, 'x');
  g_autofree char *longest = g_strnfill (10000, 'x');
  g_autoptr(GBytes) before = NULL, after = NULL;

  before = file_bytes (bk_document_get_path (doc));
  g_assert_false (bk_document_set_note (doc, BK_TABLE_CAPEX, 0, 0, note, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_OUT_OF_RANGE);
  g_assert_nonnull (strstr (error->message, "10000"));
  g_clear_error (&error);
  g_assert_false (bk_document_set_title (doc, title, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  g_assert_false (bk_document_rename_row (doc, FALSE, bk_workbook_get_company_id (bk_document_get_workbook (doc), 0),
                                          name, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  g_assert_false (bk_document_add_scenario (doc, name, BK_SCENARIO_BASE, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  after = file_bytes (bk_document_get_path (doc));
  assert_same_bytes (before, after);

  /* at the bound is fine, and opens again */
  g_assert_true (bk_document_set_note (doc, BK_TABLE_CAPEX, 0, 0, longest, &error));
  g_assert_no_error (error);
  {
    g_autoptr(BkDocument) again = open_ok (bk_document_get_path (doc));
  }
}

static void
test_refuse_damaged (void)
{
  static const int damaged[] = { BK_ERROR_DAMAGED, BK_ERROR_FOREIGN };
  g_autofree char *path = test_path ("damaged.breakeven");
  g_autofree char *good = test_path ("good.breakeven");
  g_autoptr(GBytes) bytes = NULL;
  const guint8 *data;
  gsize length;
  gsize page_size;
  gsize cuts[] = { 50, 99, 100, 101, 1000, 0, 0, 0 };

  {
    g_autoptr(BkDocument) doc = create_sample ("good.breakeven");
  }
  bytes = file_bytes (good);
  data = g_bytes_get_data (bytes, &length);
  page_size = (gsize) sql_int (good, "PRAGMA page_size");
  g_assert_cmpuint (length, >, 4 * page_size);
  cuts[5] = page_size;
  cuts[6] = length / 2;
  cuts[7] = length - page_size;

  /* truncated */
  for (guint i = 0; i < G_N_ELEMENTS (cuts); i++)
    {
      g_autofree char *what = g_strdup_printf ("truncated to %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT " bytes",
                                               cuts[i], length);

      write_file (path, data, cuts[i]);
      check_refused (path, what, damaged, 2);
    }

  /* a trashed page header on each of the first pages (page 1's b-tree
   * header starts at 100, the others at the start of the page) */
  for (gsize page = 1; page <= length / page_size && page <= 12; page++)
    {
      g_autofree guint8 *copy = g_memdup2 (data, length);
      gsize offset = page == 1 ? 100 : (page - 1) * page_size;

      g_autofree char *what = g_strdup_printf ("page %" G_GSIZE_FORMAT " header trashed", page);

      memset (copy + offset, 0xa5, 12);
      write_file (path, copy, length);
      check_refused_full (path, what, TRUE, damaged, 2);
    }

  /* a damaged magic string */
  {
    g_autofree guint8 *copy = g_memdup2 (data, length);

    copy[3] = 'X';
    write_file (path, copy, length);
    check_refused (path, "damaged magic", damaged, 2);
  }

  /* a readable file whose tables are not ours */
  {
    g_autoptr(BkDocument) doc = create_sample ("damaged.breakeven");
  }
  sql_exec (path, "DROP TABLE cells");
  check_refused (path, "cells dropped", damaged, 2);

  /* stored values the model rejects */
  {
    g_autoptr(BkDocument) doc = create_sample ("damaged.breakeven");
  }
  sql_exec (path, "UPDATE cells SET value = -5 WHERE tbl = 'capex' AND row = 'msft' AND period = '2023'");
  check_refused (path, "negative capex", damaged, 2);
  {
    g_autoptr(BkDocument) doc = create_sample ("damaged.breakeven");
  }
  sql_exec (path, "UPDATE meta SET value = 'decade' WHERE key = 'granularity'");
  check_refused (path, "bad granularity", damaged, 2);
  {
    g_autoptr(BkDocument) doc = create_sample ("damaged.breakeven");
  }
  sql_exec (path, "INSERT INTO cells VALUES (0, 'capex', 'nobody', '2023', 1, NULL)");
  check_refused (path, "cell of unknown row", damaged, 2);
  {
    g_autoptr(BkDocument) doc = create_sample ("damaged.breakeven");
  }
  sql_exec (path, "UPDATE cells SET formula = '=prev*' WHERE tbl = 'capex' AND row = 'msft' AND period = '2027'");
  check_refused (path, "bad formula", damaged, 2);
  {
    g_autoptr(BkDocument) doc = create_sample ("damaged.breakeven");
  }
  sql_exec (path, "INSERT INTO assumptions VALUES (0, '', 'utilization', 7)");
  check_refused (path, "utilization 7", damaged, 2);
}

/* Read-only files */

static void
test_read_only (void)
{
  g_autofree char *path = test_path ("read-only.breakeven");
  g_autoptr(BkDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *exported_after = NULL;

  {
    g_autoptr(BkDocument) made = create_sample ("read-only.breakeven");

    set1_ok (made, 0, BK_TABLE_CAPEX, "msft", "2023", "30");
  }
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  before = file_bytes (path);

  /* Note: when the tests run as root, access(W_OK) succeeds even on a
   * 0444 file; a document whose file has no write permission bits must
   * still open read-only, so a person (even root) does not change a file
   * they marked read-only by accident. */
  doc = open_ok (path);
  g_assert_true (bk_document_is_read_only (doc));
  g_assert_false (bk_document_can_undo (doc));
  g_assert_false (bk_document_can_redo (doc));
  exported = export (doc);

  g_assert_false (set1 (doc, 0, BK_TABLE_CAPEX, "msft", "2023", "31", &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (bk_document_undo (doc, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (bk_document_set_assumption (doc, 0, -1, BK_ASSUMPTION_PUE, 1.3, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (bk_document_add_company (doc, "x", "X", "global", 0, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (bk_document_remove_period (doc, TRUE, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_READ_ONLY);
  g_clear_error (&error);

  exported_after = export (doc);
  assert_same_json (exported_after, exported);
  g_assert_cmpfloat (get_value (doc, 0, BK_TABLE_CAPEX, "msft", "2023"), ==, 30);
  g_clear_object (&doc);
  after = file_bytes (path);
  assert_same_bytes (before, after);

  /* Save As makes a writable copy */
  doc = open_ok (path);
  {
    g_autofree char *copy = test_path ("read-only-copy.breakeven");

    g_assert_true (bk_document_save_as (doc, copy, &error));
    g_assert_no_error (error);
    g_assert_false (bk_document_is_read_only (doc));
    set1_ok (doc, 0, BK_TABLE_CAPEX, "msft", "2023", "32");
    g_assert_cmpfloat (stored_value (copy, 0, "capex", "msft", "2023"), ==, 32);
  }
  g_clear_object (&doc);
  g_clear_pointer (&after, g_bytes_unref);
  after = file_bytes (path);
  assert_same_bytes (before, after);

  g_chmod (path, 0644);
}

/* Drafts and Save As */

static char *
drafts_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "breakeven", "drafts", NULL);
}

static void
test_draft (void)
{
  g_autoptr(BkWorkbook) wb = load_sample ();
  g_autoptr(GError) error = NULL;
  g_autofree char *unsaved_dir = drafts_dir ();
  g_autoptr(BkDocument) doc = NULL;
  g_autofree char *temp_path = NULL;
  g_autofree char *saved = test_path ("saved.breakeven");
  g_autofree char *nowhere = g_build_filename (tmp_dir, "no", "such", "dir", "x.breakeven", NULL);
  g_autofree char *expected = bk_json_write_workbook (wb);
  g_autofree char *got = NULL;
  GStatBuf st;

  /* The folder is made when missing, for this user only */
  g_assert_false (g_file_test (unsaved_dir, G_FILE_TEST_EXISTS));
  doc = bk_document_new_draft (unsaved_dir, wb, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_cmpint (g_stat (unsaved_dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_true (bk_document_is_draft (doc));
  g_assert_false (bk_document_is_read_only (doc));
  temp_path = g_strdup (bk_document_get_path (doc));
  g_assert_true (g_str_has_prefix (temp_path, tmp_dir));
  g_assert_true (g_str_has_prefix (temp_path, unsaved_dir));
  g_assert_true (g_file_test (temp_path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (sql_int (temp_path, "PRAGMA application_id"), ==, 1112689494);
  got = export (doc);
  assert_same_json (got, expected);

  set1_ok (doc, 0, BK_TABLE_CAPEX, "msft", "2023", "30");
  g_assert_cmpfloat (stored_value (temp_path, 0, "capex", "msft", "2023"), ==, 30);

  /* Save As into a directory that does not exist: an error, and the
   * document carries on where it was */
  g_assert_false (bk_document_save_as (doc, nowhere, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (bk_document_is_draft (doc));
  g_assert_cmpstr (bk_document_get_path (doc), ==, temp_path);
  set1_ok (doc, 0, BK_TABLE_CAPEX, "msft", "2024", "40");
  g_assert_cmpfloat (stored_value (temp_path, 0, "capex", "msft", "2024"), ==, 40);

  /* Save As: a copy, and the document continues on it */
  g_assert_true (bk_document_save_as (doc, saved, &error));
  g_assert_no_error (error);
  g_assert_false (bk_document_is_draft (doc));
  g_assert_cmpstr (bk_document_get_path (doc), ==, saved);
  g_assert_false (g_file_test (temp_path, G_FILE_TEST_EXISTS));
  g_assert_cmpint (sql_int (saved, "PRAGMA application_id"), ==, 1112689494);
  g_assert_cmpint (sql_int (saved, "PRAGMA user_version"), ==, BK_DOCUMENT_SCHEMA_VERSION);
  g_assert_cmpfloat (stored_value (saved, 0, "capex", "msft", "2024"), ==, 40);
  assert_integrity (doc);

  set1_ok (doc, 0, BK_TABLE_CAPEX, "msft", "2025", "50");
  g_assert_cmpfloat (stored_value (saved, 0, "capex", "msft", "2025"), ==, 50);

  /* the history came along */
  g_assert_true (bk_document_can_undo (doc));
  undo_ok (doc);
  undo_ok (doc);
  g_assert_cmpfloat (stored_value (saved, 0, "capex", "msft", "2024"), ==, 44.5);
  redo_ok (doc);

  /* Save As again: the previous (real) file stays */
  {
    g_autofree char *second = test_path ("saved-2.breakeven");

    g_assert_true (bk_document_save_as (doc, second, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_test (saved, G_FILE_TEST_IS_REGULAR));
    set1_ok (doc, 0, BK_TABLE_CAPEX, "msft", "2026", "1");
    g_assert_cmpfloat (stored_value (second, 0, "capex", "msft", "2026"), ==, 1);
    g_assert_cmpfloat (stored_value (saved, 0, "capex", "msft", "2026"), ==, 145);
  }

  /* no stray files left next to the saved ones */
  {
    g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      g_assert_false (g_str_has_prefix (name, ".breakeven-"));
  }
}

static void
test_draft_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = drafts_dir ();
  g_autoptr(BkDocument) doc = bk_document_new_draft (dir, NULL, &error);
  g_autofree char *path = NULL;

  g_assert_no_error (error);
  g_assert_true (bk_document_is_draft (doc));
  g_assert_cmpuint (bk_workbook_get_n_periods (bk_document_get_workbook (doc)), >, 0);
  path = g_strdup (bk_document_get_path (doc));
  assert_integrity (doc);
  g_assert_true (bk_document_add_market (doc, "m", "M", 0, &error));
  g_assert_no_error (error);
  g_assert_true (bk_document_add_company (doc, "c", "C", "m", 0, &error));
  g_assert_no_error (error);
  set1_ok (doc, 0, BK_TABLE_CAPEX, "c", "2024", "1");
  g_assert_cmpfloat (stored_value (path, 0, "capex", "c", "2024"), ==, 1);
  g_assert_cmpint (bk_document_get_opened_version (doc), ==, BK_DOCUMENT_SCHEMA_VERSION);
}

/* A draft stays a draft when it is opened again: the mark is in the file,
 * outside the history, so undo does not take it away. */
static void
test_draft_reopen (void)
{
  g_autoptr(BkWorkbook) wb = load_sample ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = drafts_dir ();
  g_autoptr(BkDocument) doc = bk_document_new_draft (dir, wb, &error);
  g_autofree char *path = NULL;
  g_autofree char *mark = NULL;

  g_assert_no_error (error);
  path = g_strdup (bk_document_get_path (doc));
  set1_ok (doc, 0, BK_TABLE_CAPEX, "msft", "2023", "30");
  g_clear_object (&doc);

  mark = sql_text (path, "SELECT value FROM meta WHERE key = 'draft'");
  g_assert_cmpstr (mark, ==, "1");

  doc = open_ok (path);
  g_assert_true (bk_document_is_draft (doc));
  g_assert_cmpfloat (get_value (doc, 0, BK_TABLE_CAPEX, "msft", "2023"), ==, 30);
  g_assert_true (bk_document_can_undo (doc));
  undo_ok (doc);
  g_assert_false (bk_document_can_undo (doc));
  g_clear_object (&doc);

  doc = open_ok (path);
  g_assert_true (bk_document_is_draft (doc));
  g_assert_cmpfloat (get_value (doc, 0, BK_TABLE_CAPEX, "msft", "2023"), ==, 28.1);

  /* An ordinary document is not a draft */
  {
    g_autoptr(BkDocument) plain = create_sample ("not-a-draft.breakeven");
    g_autofree char *plain_path = test_path ("not-a-draft.breakeven");
    g_autoptr(BkDocument) again = NULL;

    g_assert_false (bk_document_is_draft (plain));
    g_assert_cmpint (sql_int (plain_path, "SELECT count(*) FROM meta WHERE key = 'draft'"), ==, 0);
    again = open_ok (plain_path);
    g_assert_false (bk_document_is_draft (again));
  }
}

/* Save As of a (reopened) draft: the copy carries no mark, holds the same
 * workbook and history, and the draft's file is gone. */
static void
test_draft_save_as_clears (void)
{
  g_autoptr(BkWorkbook) wb = load_sample ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = drafts_dir ();
  g_autoptr(BkDocument) doc = bk_document_new_draft (dir, wb, &error);
  g_autofree char *path = NULL;
  g_autofree char *saved = test_path ("saved-draft.breakeven");
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;

  g_assert_no_error (error);
  path = g_strdup (bk_document_get_path (doc));
  set1_ok (doc, 0, BK_TABLE_CAPEX, "msft", "2023", "30");
  g_clear_object (&doc);
  doc = open_ok (path);
  g_assert_true (bk_document_is_draft (doc));
  expected = export (doc);

  g_assert_true (bk_document_save_as (doc, saved, &error));
  g_assert_no_error (error);
  g_assert_false (bk_document_is_draft (doc));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpint (sql_int (saved, "SELECT count(*) FROM meta WHERE key = 'draft'"), ==, 0);
  g_assert_true (bk_document_can_undo (doc));
  assert_integrity (doc);
  g_clear_object (&doc);

  doc = open_ok (saved);
  g_assert_false (bk_document_is_draft (doc));
  got = export (doc);
  assert_same_json (got, expected);
  g_assert_true (bk_document_can_undo (doc));
  undo_ok (doc);
  g_assert_cmpfloat (stored_value (saved, 0, "capex", "msft", "2023"), ==, 28.1);
  g_assert_false (bk_document_is_draft (doc));
}

/* Drafts made in the same second get files of their own. */
static void
test_draft_unique (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = drafts_dir ();
  g_autoptr(BkDocument) a = bk_document_new_draft (dir, NULL, &error);
  g_autoptr(BkDocument) b = NULL;
  g_autofree char *inside = g_build_filename (tmp_dir, "no-such-dir", "drafts", NULL);

  g_assert_no_error (error);
  b = bk_document_new_draft (dir, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bk_document_get_path (a), !=, bk_document_get_path (b));
  g_assert_true (g_str_has_suffix (bk_document_get_path (b), ".breakeven"));
  g_assert_true (bk_document_is_draft (a));
  g_assert_true (bk_document_is_draft (b));
  assert_integrity (a);
  assert_integrity (b);

  /* Missing parents are made too; a folder that cannot be made is an error */
  g_clear_object (&a);
  a = bk_document_new_draft (inside, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (bk_document_is_draft (a));
  g_clear_object (&a);
  {
    g_autofree char *file = test_path ("a-file");
    g_autofree char *under_file = g_build_filename (file, "drafts", NULL);

    g_assert_true (g_file_set_contents (file, "x", 1, NULL));
    a = bk_document_new_draft (under_file, NULL, &error);
    g_assert_error (error, BK_ERROR, BK_ERROR_IO);
    g_assert_null (a);
  }
}

/* The history properties: how many times each was notified */
typedef struct
{
  guint can_undo, can_redo, undo_label, redo_label;
} Notified;

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    data)
{
  Notified *n = data;

  if (g_str_equal (pspec->name, "can-undo"))
    n->can_undo++;
  else if (g_str_equal (pspec->name, "can-redo"))
    n->can_redo++;
  else if (g_str_equal (pspec->name, "undo-label"))
    n->undo_label++;
  else if (g_str_equal (pspec->name, "redo-label"))
    n->redo_label++;
}

#define assert_notified(n, cu, cr, ul, rl) G_STMT_START { \
    g_assert_cmpuint ((n)->can_undo, ==, (cu));           \
    g_assert_cmpuint ((n)->can_redo, ==, (cr));           \
    g_assert_cmpuint ((n)->undo_label, ==, (ul));         \
    g_assert_cmpuint ((n)->redo_label, ==, (rl));         \
  } G_STMT_END

/* What a ::changed handler saw of the history */
typedef struct
{
  BkDocument *doc;
  Notified   *notified;
  guint       n_changed;
  gboolean    can_redo;
  char       *undo_label;
  guint       undo_label_notified;
  guint       redo_label_notified;
} ChangedSeen;

static void
changed_seen (BkWorkbook    *wb,
              BkChangeFlags  flags,
              int            table,
              int            row,
              int            period,
              int            n_rows,
              int            n_periods,
              gpointer       data)
{
  ChangedSeen *seen = data;

  seen->n_changed++;
  seen->can_redo = bk_document_can_redo (seen->doc);
  g_free (seen->undo_label);
  seen->undo_label = bk_document_dup_undo_label (seen->doc);
  seen->undo_label_notified = seen->notified->undo_label;
  seen->redo_label_notified = seen->notified->redo_label;
}

/* The properties hold what the getters return */
static void
assert_history (BkDocument *doc,
                gboolean    can_undo,
                gboolean    can_redo,
                const char *undo_label,
                const char *redo_label)
{
  g_autofree char *undo = NULL;
  g_autofree char *redo = NULL;
  g_autofree char *undo_get = bk_document_dup_undo_label (doc);
  g_autofree char *redo_get = bk_document_dup_redo_label (doc);
  gboolean cu, cr;

  g_object_get (doc, "can-undo", &cu, "can-redo", &cr, "undo-label", &undo, "redo-label", &redo, NULL);
  g_assert_cmpint (cu, ==, can_undo);
  g_assert_cmpint (cr, ==, can_redo);
  g_assert_cmpstr (undo, ==, undo_label);
  g_assert_cmpstr (redo, ==, redo_label);
  g_assert_cmpint (bk_document_can_undo (doc), ==, can_undo);
  g_assert_cmpint (bk_document_can_redo (doc), ==, can_redo);
  g_assert_cmpstr (undo_get, ==, undo_label);
  g_assert_cmpstr (redo_get, ==, redo_label);
}

/* Notified exactly when they change: after edits, undo and redo, not after
 * a rejected or no-op edit, and on closing. */
static void
test_history_properties (void)
{
  g_autoptr(BkDocument) doc = create_sample ("properties.breakeven");
  g_autoptr(GError) error = NULL;
  Notified n = { 0, };

  g_signal_connect (doc, "notify", G_CALLBACK (count_notify), &n);
  assert_history (doc, FALSE, FALSE, NULL, NULL);

  set1_ok (doc, 0, BK_TABLE_CAPEX, "msft", "2023", "30");
  assert_notified (&n, 1, 0, 1, 0);
  assert_history (doc, TRUE, FALSE, "Edit capex msft 2023", NULL);

  /* Another step with the same label: nothing the window shows changes */
  set1_ok (doc, 0, BK_TABLE_CAPEX, "msft", "2023", "31");
  assert_notified (&n, 1, 0, 1, 0);

  set1_ok (doc, 0, BK_TABLE_CAPEX, "msft", "2024", "40");
  assert_notified (&n, 1, 0, 2, 0);
  assert_history (doc, TRUE, FALSE, "Edit capex msft 2024", NULL);

  /* A no-op and a rejected edit record nothing */
  set1_ok (doc, 0, BK_TABLE_CAPEX, "msft", "2024", "40");
  g_assert_false (set1 (doc, 0, BK_TABLE_CAPEX, "msft", "2024", "abc", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  assert_notified (&n, 1, 0, 2, 0);

  undo_ok (doc);
  assert_notified (&n, 1, 1, 3, 1);
  assert_history (doc, TRUE, TRUE, "Edit capex msft 2023", "Edit capex msft 2024");

  undo_ok (doc);
  assert_notified (&n, 1, 1, 3, 2);
  assert_history (doc, TRUE, TRUE, "Edit capex msft 2023", "Edit capex msft 2023");

  undo_ok (doc);
  assert_notified (&n, 2, 1, 4, 2);
  assert_history (doc, FALSE, TRUE, NULL, "Edit capex msft 2023");

  /* Nothing left to undo: an error, and no notification */
  g_assert_false (bk_document_undo (doc, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_NOTHING_TO_DO);
  g_clear_error (&error);
  assert_notified (&n, 2, 1, 4, 2);

  redo_ok (doc);
  assert_notified (&n, 3, 1, 5, 2);
  assert_history (doc, TRUE, TRUE, "Edit capex msft 2023", "Edit capex msft 2023");

  /* A new action discards what was undone */
  g_assert_true (bk_document_add_period (doc, FALSE, &error));
  g_assert_no_error (error);
  assert_notified (&n, 3, 2, 6, 3);
  assert_history (doc, TRUE, FALSE, "Add period", NULL);

  undo_ok (doc);
  assert_notified (&n, 3, 3, 7, 4);
  assert_history (doc, TRUE, TRUE, "Edit capex msft 2023", "Add period");

  /* While ::changed runs the getters already answer for the new history,
   * for a window that reads them there; the properties notify after it */
  {
    ChangedSeen seen = { doc, &n, 0, };
    gulong id = g_signal_connect (bk_document_get_workbook (doc), "changed", G_CALLBACK (changed_seen), &seen);

    redo_ok (doc);
    g_assert_cmpuint (seen.n_changed, ==, 1);
    g_assert_false (seen.can_redo);
    g_assert_cmpstr (seen.undo_label, ==, "Add period");
    g_assert_cmpuint (seen.redo_label_notified, ==, 4);
    assert_notified (&n, 3, 4, 8, 5);
    assert_history (doc, TRUE, FALSE, "Add period", NULL);

    set1_ok (doc, 0, BK_TABLE_CAPEX, "msft", "2025", "1");
    g_assert_cmpuint (seen.n_changed, ==, 2);
    g_assert_cmpstr (seen.undo_label, ==, "Edit capex msft 2025");
    g_assert_cmpuint (seen.undo_label_notified, ==, 8);
    assert_notified (&n, 3, 4, 9, 5);
    g_signal_handler_disconnect (bk_document_get_workbook (doc), id);
    g_free (seen.undo_label);
  }

  /* Closing: nothing to undo or redo any more */
  bk_document_close (doc);
  assert_notified (&n, 4, 4, 10, 5);
  assert_history (doc, FALSE, FALSE, NULL, NULL);
}

/* Read-only: the history is there but cannot be used; Save As makes it
 * usable, and says so. */
static void
test_history_properties_read_only (void)
{
  g_autofree char *path = test_path ("properties-ro.breakeven");
  g_autofree char *copy = test_path ("properties-ro-copy.breakeven");
  g_autoptr(BkDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  Notified n = { 0, };

  {
    g_autoptr(BkDocument) made = create_sample ("properties-ro.breakeven");

    set1_ok (made, 0, BK_TABLE_CAPEX, "msft", "2023", "30");
  }
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);

  doc = open_ok (path);
  assert_history (doc, FALSE, FALSE, "Edit capex msft 2023", NULL);

  g_signal_connect (doc, "notify", G_CALLBACK (count_notify), &n);
  g_assert_true (bk_document_save_as (doc, copy, &error));
  g_assert_no_error (error);
  assert_notified (&n, 1, 0, 0, 0);
  assert_history (doc, TRUE, FALSE, "Edit capex msft 2023", NULL);

  g_chmod (path, 0644);
}

static void
test_check_integrity (void)
{
  g_autoptr(BkDocument) doc = create_sample ("integrity.breakeven");
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  gboolean ok;

  ok = bk_document_check_integrity (doc, &report, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpstr (report, ==, "ok");

  set1_ok (doc, 0, BK_TABLE_CAPEX, "msft", "2023", "1");
  g_clear_pointer (&report, g_free);
  ok = bk_document_check_integrity (doc, &report, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpstr (report, ==, "ok");
  g_assert_true (bk_document_check_integrity (doc, NULL, NULL));
}

/* A closed document can be read but refuses changes. */
static void
test_closed (void)
{
  g_autoptr(BkDocument) doc = create_sample ("closed.breakeven");
  g_autoptr(GError) error = NULL;

  bk_document_close (doc);
  g_assert_cmpfloat (get_value (doc, 0, BK_TABLE_CAPEX, "msft", "2023"), ==, 28.1);
  g_assert_false (set1 (doc, 0, BK_TABLE_CAPEX, "msft", "2023", "1", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (bk_document_can_undo (doc));
  g_assert_false (bk_document_check_integrity (doc, NULL, &error));
  g_assert_nonnull (error);
}

/* Another program reading the file while it is open (nothing is held). */
static void
test_concurrent_reader (void)
{
  g_autofree char *path = test_path ("concurrent.breakeven");
  g_autoptr(BkDocument) doc = create_sample ("concurrent.breakeven");
  g_autoptr(BkDocument) other = open_ok (path);

  set1_ok (doc, 0, BK_TABLE_CAPEX, "msft", "2023", "12");
  g_assert_cmpfloat (stored_value (path, 0, "capex", "msft", "2023"), ==, 12);
  /* a second document on the same file can write too */
  set1_ok (other, 0, BK_TABLE_CAPEX, "msft", "2024", "13");
  g_assert_cmpfloat (stored_value (path, 0, "capex", "msft", "2024"), ==, 13);
  assert_integrity (doc);
}

static void
rm_rf (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);

  if (dir != NULL)
    {
      const char *name;

      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          rm_rf (child);
        }
      g_dir_close (dir);
    }
  g_chmod (path, 0700);
  g_remove (path);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = NULL;
  int ret;

  tmp_dir = g_dir_make_tmp ("breakeven-test-document-XXXXXX", &error);
  g_assert_no_error (error);
  data_home = g_build_filename (tmp_dir, "data-home", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/document/create/sample", test_create_sample);
  g_test_add_func ("/document/create/empty", test_create_empty);
  g_test_add_func ("/document/create/mode", test_create_mode);
  g_test_add_func ("/document/write-through", test_write_through);
  g_test_add_func ("/document/history/keeps-types", test_history_keeps_types);
  g_test_add_func ("/document/no-op-edit", test_no_op_edit);
  g_test_add_func ("/document/history/paste-block", test_paste_block);
  g_test_add_func ("/document/history/persists", test_history_persists);
  g_test_add_func ("/document/history/recomputes", test_undo_recomputes);
  g_test_add_func ("/document/history/everything", test_undo_everything);
  g_test_add_func ("/document/history/crafted", test_history_crafted);
  g_test_add_func ("/document/rejected/values", test_rejected);
  g_test_add_func ("/document/rejected/ranges", test_bad_ranges);
  g_test_add_func ("/document/scenario-overrides", test_scenario_overrides);
  g_test_add_func ("/document/assumptions", test_assumptions);
  g_test_add_func ("/document/assumptions-block", test_assumptions_block);
  g_test_add_func ("/document/structure/rows", test_rows);
  g_test_add_func ("/document/structure/periods", test_periods);
  g_test_add_func ("/document/structure/scenarios", test_scenarios);
  g_test_add_func ("/document/migrate/v0", test_migrate_v0);
  g_test_add_func ("/document/refuse/foreign", test_refuse_foreign);
  g_test_add_func ("/document/refuse/newer", test_refuse_newer);
  g_test_add_func ("/document/refuse/damaged", test_refuse_damaged);
  g_test_add_func ("/document/refuse/stored", test_refuse_stored);
  g_test_add_func ("/document/open-read-only", test_open_read_only);
  g_test_add_func ("/document/text-bounds", test_text_bounds);
  g_test_add_func ("/document/read-only", test_read_only);
  g_test_add_func ("/document/draft/save-as", test_draft);
  g_test_add_func ("/document/draft/empty", test_draft_empty);
  g_test_add_func ("/document/draft/reopen", test_draft_reopen);
  g_test_add_func ("/document/draft/save-as-clears", test_draft_save_as_clears);
  g_test_add_func ("/document/draft/unique", test_draft_unique);
  g_test_add_func ("/document/history/properties", test_history_properties);
  g_test_add_func ("/document/history/properties-read-only", test_history_properties_read_only);
  g_test_add_func ("/document/check-integrity", test_check_integrity);
  g_test_add_func ("/document/closed", test_closed);
  g_test_add_func ("/document/concurrent-reader", test_concurrent_reader);

  ret = g_test_run ();

  /* leave the files for inspection when something failed */
  if (ret == 0)
    rm_rf (tmp_dir);
  g_free (tmp_dir);
  return ret;
}
