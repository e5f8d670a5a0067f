/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-scenario-base.c — relative scenario overrides: `base` in a scenario's
 * formula follows the Base cell through edits and undo, survives the file
 * and JSON, and is refused in Base at every entry point. */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <sqlite3.h>
#include <string.h>

#include "bk-csv.h"
#include "bk-document.h"
#include "bk-engine.h"
#include "bk-formula.h"
#include "bk-json.h"
#include "bk-results.h"
#include "bk-workbook.h"

static char *tmp_dir;

static const char workbook_json[] =
  "{\"format\": \"breakeven-workbook\", \"version\": 1, \"title\": \"t\","
  " \"granularity\": \"year\", \"first_period\": \"2024\", \"periods\": 3,"
  " \"markets\": [{\"id\": \"global\", \"name\": \"Global\"}],"
  " \"companies\": [{\"id\": \"acme\", \"name\": \"Acme\", \"market\": \"global\"}],"
  " \"series\": {\"capex\": {\"acme\": [10, 20, 30]}, \"backlog\": {\"acme\": [30, null, 60]},"
  "             \"share\": {\"acme\": [0.5, null, 0.4]}, \"tokens\": {\"global\": [50, 200, 800]}},"
  " \"assumptions\": {\"extra_years\": 3, \"tokens_per_joule\": 4, \"price_per_mtok\": 2},"
  " \"scenarios\": [{\"name\": \"Up\"}]}";

static BkDocument *
create_doc (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BkWorkbook) wb = bk_json_read_workbook (workbook_json, -1, &error);
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  BkDocument *doc;

  g_assert_no_error (error);
  doc = bk_document_create (path, wb, TRUE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static gboolean
set1 (BkDocument  *doc,
      guint        scenario,
      BkTable      table,
      guint        period,
      const char  *text,
      GError     **error)
{
  const char *texts[] = { text };
  BkNumberLocale locale;

  bk_number_locale_init_c (&locale);
  return bk_document_set_cells (doc, scenario, table, 0, period, 1, 1, texts, &locale, error);
}

static void
set1_ok (BkDocument *doc,
         guint       scenario,
         BkTable     table,
         guint       period,
         const char *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (set1 (doc, scenario, table, period, text, &error));
  g_assert_no_error (error);
}

static BkCell
get_cell (BkDocument *doc,
          guint       scenario,
          BkTable     table,
          guint       period)
{
  BkCell cell;

  bk_workbook_get_cell (bk_document_get_workbook (doc), scenario, table, 0, period, &cell);
  return cell;
}

static char *
stored_formula (const char *path,
                int         scenario,
                const char *period)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT formula FROM cells WHERE scenario = ?1 AND tbl = 'capex'"
                                       " AND row = 'acme' AND period = ?2", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int (stmt, 1, scenario);
  sqlite3_bind_text (stmt, 2, period, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return text;
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

/* ---------------------------------------------------------------------- */

static void
test_formula_base (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BkFormula) formula = bk_formula_compile ("= BASE * 1.3", BK_TABLE_CAPEX, &error);
  g_autoptr(BkFormula) plain = bk_formula_compile ("=prev*2", BK_TABLE_CAPEX, &error);
  g_autoptr(BkFormula) bad = NULL;
  double result = 0;

  g_assert_no_error (error);
  g_assert_cmpstr (bk_formula_get_text (formula), ==, "=base*1.3");
  g_assert_true (bk_formula_uses_base (formula));
  g_assert_false (bk_formula_uses_prev (formula));
  g_assert_false (bk_formula_uses_base (plain));

  g_assert_true (bk_formula_eval_with_base (formula, 2, 10, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (result, ==, 10 * 1.3);

  /* without a Base value it cannot be evaluated */
  g_assert_false (bk_formula_eval (formula, 2, &result, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_FORMULA);
  g_clear_error (&error);

  g_assert_true (bk_formula_check_in_base (plain, &error));
  g_assert_no_error (error);
  g_assert_false (bk_formula_check_in_base (formula, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "=base*1.3"));
  g_assert_nonnull (strstr (error->message, "scenario"));
  g_clear_error (&error);

  /* other names are still unknown */
  bad = bk_formula_compile ("=based*2", BK_TABLE_CAPEX, &error);
  g_assert_null (bad);
  g_assert_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "prev and base"));
}

static guint n_changed;

static void
count_changed (void)
{
  n_changed++;
}

static void
test_follows_base (void)
{
  g_autoptr(BkDocument) doc = create_doc ("follows.breakeven");
  g_autoptr(BkEngine) engine = NULL;
  g_autoptr(GError) error = NULL;
  BkWorkbook *wb = bk_document_get_workbook (doc);
  const char *path = bk_document_get_path (doc);
  BkCell cell;
  double row[3];
  double npv_before;

  engine = bk_engine_new (wb);
  bk_engine_set_scenario (engine, 1);
  npv_before = bk_results_get_total (bk_engine_get_results (engine))->npv;

  set1_ok (doc, 1, BK_TABLE_CAPEX, 1, "=base*1.3");
  cell = get_cell (doc, 1, BK_TABLE_CAPEX, 1);
  g_assert_cmpfloat (cell.value, ==, 20 * 1.3);
  g_assert_cmpstr (cell.formula, ==, "=base*1.3");
  g_assert_true (cell.flags & BK_CELL_OVERRIDDEN);
  g_assert_true (cell.flags & BK_CELL_FORMULA);
  g_assert_true (bk_engine_is_stale (engine));
  g_assert_cmpfloat (bk_results_get_total (bk_engine_get_results (engine))->npv, !=, npv_before);

  /* the Base cell changes: the scenario follows, and the engine is told */
  g_signal_connect_swapped (wb, "changed", G_CALLBACK (count_changed), NULL);
  n_changed = 0;
  npv_before = bk_results_get_total (bk_engine_get_results (engine))->npv;
  set1_ok (doc, BK_SCENARIO_BASE, BK_TABLE_CAPEX, 1, "40");
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_true (bk_engine_is_stale (engine));
  g_assert_cmpfloat (get_cell (doc, 1, BK_TABLE_CAPEX, 1).value, ==, 40 * 1.3);
  bk_workbook_get_scenario_row (wb, 1, BK_TABLE_CAPEX, 0, row);
  g_assert_cmpfloat (row[1], ==, 40 * 1.3);
  g_assert_cmpfloat (row[2], ==, 30);
  g_assert_cmpfloat (bk_results_get_total (bk_engine_get_results (engine))->npv, !=, npv_before);

  /* undo and redo of the Base edit carry the scenario along */
  g_assert_true (bk_document_undo (doc, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (get_cell (doc, 1, BK_TABLE_CAPEX, 1).value, ==, 20 * 1.3);
  g_assert_true (bk_document_redo (doc, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (get_cell (doc, 1, BK_TABLE_CAPEX, 1).value, ==, 40 * 1.3);

  /* a Base formula is followed too: base is the Base cell's value */
  set1_ok (doc, BK_SCENARIO_BASE, BK_TABLE_CAPEX, 1, "=prev*3");
  g_assert_cmpfloat (get_cell (doc, 1, BK_TABLE_CAPEX, 1).value, ==, 30 * 1.3);

  /* stored as the formula text, and read back from the file */
  {
    g_autofree char *text = stored_formula (path, 1, "2025");
    g_autoptr(BkDocument) again = NULL;

    g_assert_cmpstr (text, ==, "=base*1.3");
    again = bk_document_open (path, &error);
    g_assert_no_error (error);
    cell = get_cell (again, 1, BK_TABLE_CAPEX, 1);
    g_assert_cmpstr (cell.formula, ==, "=base*1.3");
    g_assert_cmpfloat (cell.value, ==, 30 * 1.3);
  }

  g_signal_handlers_disconnect_by_func (wb, count_changed, NULL);
}

static void
test_carried_base (void)
{
  g_autoptr(BkDocument) doc = create_doc ("carried.breakeven");

  /* share is blank in 2025 in Base: the model carries 0.5 forward */
  set1_ok (doc, 1, BK_TABLE_SHARE, 1, "=base+10%");
  g_assert_cmpfloat_with_epsilon (get_cell (doc, 1, BK_TABLE_SHARE, 1).value, 0.6, 1e-12);
  /* and a scenario cell after it may say prev */
  set1_ok (doc, 1, BK_TABLE_SHARE, 2, "=prev*0.5+base*0");
  g_assert_cmpfloat_with_epsilon (get_cell (doc, 1, BK_TABLE_SHARE, 2).value, 0.3, 1e-12);
}

static void
assert_unchanged (BkDocument *doc,
                  const char *before)
{
  g_autofree char *after = bk_json_write_workbook (bk_document_get_workbook (doc));
  g_autoptr(BkDocument) reopened = NULL;
  g_autofree char *after_file = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (after, ==, before);
  reopened = bk_document_open (bk_document_get_path (doc), &error);
  g_assert_no_error (error);
  after_file = bk_json_write_workbook (bk_document_get_workbook (reopened));
  g_assert_cmpstr (after_file, ==, before);
}

static void
test_refused_in_base (void)
{
  g_autoptr(BkDocument) doc = create_doc ("refused.breakeven");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = bk_json_write_workbook (bk_document_get_workbook (doc));
  gboolean could_undo = bk_document_can_undo (doc);

  /* set_cells (the sheet, the formula bar and the CLI's set) */
  g_assert_false (set1 (doc, BK_SCENARIO_BASE, BK_TABLE_CAPEX, 1, "=base*1.3", &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "CapEx, Acme, 2025: "));
  g_assert_nonnull (strstr (error->message, "base"));
  g_clear_error (&error);
  g_assert_cmpint (bk_document_can_undo (doc), ==, could_undo);
  assert_unchanged (doc, before);

  /* CSV import into Base */
  g_assert_false (bk_csv_import_table (doc, BK_SCENARIO_BASE, BK_TABLE_CAPEX,
                                       "id,name,2024,2025\nacme,Acme,10,=base*2\n", -1, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "line 2, column 2025"));
  g_assert_nonnull (strstr (error->message, "base"));
  g_clear_error (&error);
  assert_unchanged (doc, before);

  /* … while a scenario takes it */
  g_assert_true (bk_csv_import_table (doc, 1, BK_TABLE_CAPEX,
                                      "id,name,2025\nacme,Acme,=base*2\n", -1, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (get_cell (doc, 1, BK_TABLE_CAPEX, 1).value, ==, 40);
  g_assert_cmpstr (get_cell (doc, 1, BK_TABLE_CAPEX, 1).formula, ==, "=base*2");
}

static void
test_refused_in_file (void)
{
  g_autoptr(BkDocument) doc = create_doc ("damaged.breakeven");
  g_autofree char *path = g_strdup (bk_document_get_path (doc));
  g_autoptr(BkDocument) again = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_object (&doc);
  sql_exec (path, "UPDATE cells SET formula = '=base*2' WHERE scenario = 0 AND tbl = 'capex' AND period = '2025'");
  again = bk_document_open (path, &error);
  g_assert_null (again);
  g_assert_error (error, BK_ERROR, BK_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "base"));
}

static void
test_json (void)
{
  g_autoptr(BkDocument) doc = create_doc ("json.breakeven");
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *again = NULL;
  g_autoptr(BkWorkbook) wb = NULL;
  g_autoptr(BkWorkbook) bad = NULL;
  g_autofree char *bad_json = NULL;
  BkCell cell;

  set1_ok (doc, 1, BK_TABLE_CAPEX, 2, "=base*1.3");
  json = bk_json_write_workbook (bk_document_get_workbook (doc));
  g_assert_nonnull (strstr (json, "\"formula\": \"=base*1.3\""));

  wb = bk_json_read_workbook (json, -1, &error);
  g_assert_no_error (error);
  bk_workbook_get_cell (wb, 1, BK_TABLE_CAPEX, 0, 2, &cell);
  g_assert_cmpstr (cell.formula, ==, "=base*1.3");
  g_assert_cmpfloat (cell.value, ==, 30 * 1.3);
  again = bk_json_write_workbook (wb);
  g_assert_cmpstr (again, ==, json);

  /* a Base formula naming base is refused, with its path */
  bad_json = g_strconcat ("{\"formulas\": [{\"table\": \"capex\", \"row\": \"acme\", \"period\": 1,"
                          " \"formula\": \"=base*2\"}],", strchr (workbook_json, '{') + 1, NULL);
  bad = bk_json_read_workbook (bad_json, -1, &error);
  g_assert_null (bad);
  g_assert_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "formulas[0].formula"));
  g_assert_nonnull (strstr (error->message, "base"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("bk-test-scenario-base-XXXXXX", NULL);

  g_test_add_func ("/scenario-base/formula", test_formula_base);
  g_test_add_func ("/scenario-base/follows-base", test_follows_base);
  g_test_add_func ("/scenario-base/carried", test_carried_base);
  g_test_add_func ("/scenario-base/refused-in-base", test_refused_in_base);
  g_test_add_func ("/scenario-base/refused-in-file", test_refused_in_file);
  g_test_add_func ("/scenario-base/json", test_json);

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
