/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-uncertainty-store.c — the drivers' uncertainties kept by the
 * workbook, the document (one undo step each, schema 2 and its migration
 * from 1, damaged specs refused at load) and workbook JSON. */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <sqlite3.h>
#include <string.h>

#include "bk-distribution.h"
#include "bk-document.h"
#include "bk-json.h"
#include "bk-workbook.h"

static char *tmp_dir;

static const char workbook_json[] =
  "{\"format\": \"breakeven-workbook\", \"version\": 1, \"title\": \"t\","
  " \"granularity\": \"year\", \"first_period\": \"2024\", \"periods\": 3,"
  " \"markets\": [{\"id\": \"global\", \"name\": \"Global\"}],"
  " \"companies\": [{\"id\": \"acme\", \"name\": \"Acme\", \"market\": \"global\"}],"
  " \"series\": {\"capex\": {\"acme\": [10, 20, 30]}, \"share\": {\"acme\": [0.5]},"
  "             \"tokens\": {\"global\": [50, 200, 800]}}%s}";

static BkWorkbook *
read_json (const char  *extra,
           GError     **error)
{
  g_autofree char *json = g_strdup_printf (workbook_json, extra);

  return bk_json_read_workbook (json, -1, error);
}

static BkDocument *
create_doc (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BkWorkbook) wb = read_json ("", &error);
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  BkDocument *doc;

  g_assert_no_error (error);
  doc = bk_document_create (path, wb, TRUE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static void
sql_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static char *
sql_text (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return text;
}

static char *
export_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BkDocument) doc = bk_document_open (path, &error);

  g_assert_no_error (error);
  return bk_json_write_workbook (bk_document_get_workbook (doc));
}

static guint n_changed;
static guint last_flags;

static void
on_changed (BkWorkbook *wb,
            guint       flags)
{
  n_changed++;
  last_flags = flags;
}

/* ---------------------------------------------------------------------- */

static void
test_set_undo (void)
{
  g_autoptr(BkDocument) doc = create_doc ("set.breakeven");
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) table = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *label = NULL;
  BkWorkbook *wb = bk_document_get_workbook (doc);
  const char *path = bk_document_get_path (doc);
  const BkDistribution *distribution;

  g_assert_null (bk_workbook_get_distribution (wb, BK_ASSUMPTION_PRICE_DECLINE));
  g_assert_cmpuint (bk_workbook_get_n_distributions (wb), ==, 0);
  g_signal_connect (wb, "changed", G_CALLBACK (on_changed), NULL);

  n_changed = 0;
  g_assert_true (bk_document_set_distribution (doc, BK_ASSUMPTION_PRICE_DECLINE, " 0.10 TO 60% ", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_cmpuint (last_flags, ==, BK_CHANGE_DISTRIBUTIONS);
  g_assert_cmpstr (bk_workbook_get_distribution (wb, BK_ASSUMPTION_PRICE_DECLINE), ==, "0.1 to 0.6");
  g_assert_cmpuint (bk_workbook_get_n_distributions (wb), ==, 1);
  stored = sql_text (path, "SELECT spec FROM distributions WHERE key = 'price_decline'");
  g_assert_cmpstr (stored, ==, "0.1 to 0.6");
  label = bk_document_dup_undo_label (doc);
  g_assert_nonnull (label);
  g_assert_nonnull (strstr (label, bk_assumption_get_name (BK_ASSUMPTION_PRICE_DECLINE)));

  table = bk_workbook_dup_distributions (wb);
  g_assert_cmpuint (g_hash_table_size (table), ==, 1);
  distribution = g_hash_table_lookup (table, "price_decline");
  g_assert_nonnull (distribution);
  g_assert_cmpint (distribution->kind, ==, BK_DISTRIBUTION_TRIANGULAR);
  g_assert_cmpfloat (distribution->a, ==, 0.1);
  g_assert_cmpfloat (distribution->b, ==, 0.6);

  g_assert_true (bk_document_set_distribution (doc, BK_ASSUMPTION_UTILIZATION, "N(0.7, 0.1)", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (bk_workbook_get_distribution (wb, BK_ASSUMPTION_UTILIZATION), ==, "N(0.7, 0.1)");

  /* one undo step each */
  g_assert_true (bk_document_undo (doc, &error));
  g_assert_no_error (error);
  g_assert_null (bk_workbook_get_distribution (wb, BK_ASSUMPTION_UTILIZATION));
  g_assert_cmpstr (bk_workbook_get_distribution (wb, BK_ASSUMPTION_PRICE_DECLINE), ==, "0.1 to 0.6");
  g_assert_cmpuint (last_flags, ==, BK_CHANGE_DISTRIBUTIONS);
  g_assert_true (bk_document_undo (doc, &error));
  g_assert_no_error (error);
  g_assert_null (bk_workbook_get_distribution (wb, BK_ASSUMPTION_PRICE_DECLINE));
  g_clear_pointer (&stored, g_free);
  stored = sql_text (path, "SELECT count(*) FROM distributions");
  g_assert_cmpstr (stored, ==, "0");
  g_assert_true (bk_document_redo (doc, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (bk_workbook_get_distribution (wb, BK_ASSUMPTION_PRICE_DECLINE), ==, "0.1 to 0.6");

  /* "none" removes, in one step */
  g_assert_true (bk_document_set_distribution (doc, BK_ASSUMPTION_PRICE_DECLINE, "none", &error));
  g_assert_no_error (error);
  g_assert_null (bk_workbook_get_distribution (wb, BK_ASSUMPTION_PRICE_DECLINE));
  g_assert_true (bk_document_undo (doc, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (bk_workbook_get_distribution (wb, BK_ASSUMPTION_PRICE_DECLINE), ==, "0.1 to 0.6");

  g_signal_handlers_disconnect_by_func (wb, on_changed, NULL);
}

static void
test_refused (void)
{
  static const struct { BkAssumption driver; const char *spec; } cases[] = {
    { BK_ASSUMPTION_PRICE_DECLINE, "0.6 to 0.1" },     /* LOW > HIGH */
    { BK_ASSUMPTION_UTILIZATION, "U(0.5, 1.5)" },      /* out of the valid range */
    { BK_ASSUMPTION_UTILIZATION, "N(0.5, -1)" },       /* SD < 0 */
    { BK_ASSUMPTION_EXTRA_YEARS, "1 to 5" },           /* not a sampled driver */
    { BK_ASSUMPTION_PRICE_DECLINE, "somewhere" },
  };
  g_autoptr(BkDocument) doc = create_doc ("refused.breakeven");
  BkWorkbook *wb = bk_document_get_workbook (doc);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;

  g_assert_true (bk_document_set_distribution (doc, BK_ASSUMPTION_PRICE_DECLINE, "0.2 to 0.4", &error));
  g_assert_no_error (error);
  before = bk_json_write_workbook (wb);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *label = bk_document_dup_undo_label (doc);
      g_autofree char *after = NULL;
      g_autofree char *after_file = NULL;
      g_autofree char *label_after = NULL;

      g_assert_false (bk_document_set_distribution (doc, cases[i].driver, cases[i].spec, &error));
      g_assert_nonnull (error);
      g_assert_true (error->domain == BK_ERROR);
      g_assert_cmpstr (error->message, !=, "");
      g_clear_error (&error);

      after = bk_json_write_workbook (wb);
      g_assert_cmpstr (after, ==, before);
      after_file = export_file (bk_document_get_path (doc));
      g_assert_cmpstr (after_file, ==, before);
      label_after = bk_document_dup_undo_label (doc);
      g_assert_cmpstr (label_after, ==, label);
    }
}

static void
test_reopen_and_damage (void)
{
  g_autoptr(BkDocument) doc = create_doc ("reopen.breakeven");
  g_autofree char *path = g_strdup (bk_document_get_path (doc));
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *json_file = NULL;
  BkDocument *again;

  g_assert_true (bk_document_set_distribution (doc, BK_ASSUMPTION_IT_LIFE_YEARS, "U(3, 7)", &error));
  g_assert_no_error (error);
  json = bk_json_write_workbook (bk_document_get_workbook (doc));
  g_clear_object (&doc);

  json_file = export_file (path);
  g_assert_cmpstr (json_file, ==, json);
  g_assert_nonnull (strstr (json_file, "\"it_life_years\": \"U(3, 7)\""));

  /* undo works after reopening: the history has the step */
  again = bk_document_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (bk_document_can_undo (again));
  g_object_unref (again);

  /* a damaged spec is refused at load with the reason */
  sql_exec (path, "UPDATE distributions SET spec = 'U(7, 3)' WHERE key = 'it_life_years'");
  again = bk_document_open (path, &error);
  g_assert_null (again);
  g_assert_error (error, BK_ERROR, BK_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "it_life_years"));
  g_clear_error (&error);

  sql_exec (path, "UPDATE distributions SET spec = 'U(3, 7)', key = 'no_such_driver'");
  again = bk_document_open (path, &error);
  g_assert_null (again);
  g_assert_error (error, BK_ERROR, BK_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "no_such_driver"));
  g_clear_error (&error);

  sql_exec (path, "UPDATE distributions SET spec = 'none', key = 'it_life_years'");
  again = bk_document_open (path, &error);
  g_assert_null (again);
  g_assert_error (error, BK_ERROR, BK_ERROR_DAMAGED);
}

static void
test_migrate_v1 (void)
{
  g_autoptr(BkDocument) doc = create_doc ("v1.breakeven");
  g_autofree char *path = g_strdup (bk_document_get_path (doc));
  g_autofree char *before = bk_json_write_workbook (bk_document_get_workbook (doc));
  g_autofree char *after = NULL;
  g_autofree char *version = NULL;
  g_autofree char *count = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_object (&doc);
  /* what a version 1 file looks like */
  sql_exec (path, "DROP TABLE distributions; PRAGMA user_version = 1;");

  doc = bk_document_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bk_document_get_opened_version (doc), ==, 1);
  version = sql_text (path, "PRAGMA user_version");
  g_assert_cmpstr (version, ==, "2");
  after = bk_json_write_workbook (bk_document_get_workbook (doc));
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (bk_workbook_get_n_distributions (bk_document_get_workbook (doc)), ==, 0);

  g_assert_true (bk_document_set_distribution (doc, BK_ASSUMPTION_TAIL_GROWTH, "0 to 0.4", &error));
  g_assert_no_error (error);
  count = sql_text (path, "SELECT count(*) FROM distributions");
  g_assert_cmpstr (count, ==, "1");
}

static void
test_json (void)
{
  static const struct { const char *extra; const char *path; } bad[] = {
    { ", \"distributions\": {\"price_decline\": \"0.9 to 0.1\"}", "distributions.price_decline" },
    { ", \"distributions\": {\"nope\": \"0.1 to 0.2\"}", "distributions.nope" },
    { ", \"distributions\": {\"price_decline\": 0.5}", "distributions.price_decline" },
    { ", \"distributions\": [\"price_decline\"]", "distributions" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(BkWorkbook) wb = read_json (", \"distributions\": {\"price_decline\": \"0.1 to 0.6\","
                                        " \"utilization\": \"N(0.7, 0.05)\"}", &error);
  g_autoptr(BkWorkbook) back = NULL;
  g_autoptr(BkWorkbook) empty = NULL;
  g_autofree char *json = NULL;
  g_autofree char *again = NULL;
  g_autofree char *empty_json = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (bk_workbook_get_distribution (wb, BK_ASSUMPTION_PRICE_DECLINE), ==, "0.1 to 0.6");
  g_assert_cmpstr (bk_workbook_get_distribution (wb, BK_ASSUMPTION_UTILIZATION), ==, "N(0.7, 0.05)");

  json = bk_json_write_workbook (wb);
  g_assert_nonnull (strstr (json, "\"distributions\": {\n    \"utilization\": \"N(0.7, 0.05)\",\n"
                                  "    \"price_decline\": \"0.1 to 0.6\"\n  }"));
  back = bk_json_read_workbook (json, -1, &error);
  g_assert_no_error (error);
  again = bk_json_write_workbook (back);
  g_assert_cmpstr (again, ==, json);

  /* absent is empty, and export writes the field anyway */
  empty = read_json ("", &error);
  g_assert_no_error (error);
  empty_json = bk_json_write_workbook (empty);
  g_assert_nonnull (strstr (empty_json, "\"distributions\": {},"));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(BkWorkbook) refused = read_json (bad[i].extra, &error);

      g_assert_null (refused);
      g_assert_nonnull (error);
      g_assert_true (g_str_has_prefix (error->message, bad[i].path));
      g_clear_error (&error);
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("bk-test-uncertainty-XXXXXX", NULL);

  g_test_add_func ("/uncertainty-store/set-undo", test_set_undo);
  g_test_add_func ("/uncertainty-store/refused", test_refused);
  g_test_add_func ("/uncertainty-store/reopen-damage", test_reopen_and_damage);
  g_test_add_func ("/uncertainty-store/migrate-v1", test_migrate_v1);
  g_test_add_func ("/uncertainty-store/json", test_json);

  status = g_test_run ();

  {
    g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
    const char *name;

    while (dir && (name = g_dir_read_name (dir)))
      {
        g_autofree char *file = g_build_filename (tmp_dir, name, NULL);
        g_unlink (file);
      }
    g_rmdir (tmp_dir);
  }
  g_free (tmp_dir);
  return status;
}
