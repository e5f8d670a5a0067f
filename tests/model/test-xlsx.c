/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-xlsx.c — bk_xlsx_export() in-process: all or nothing on disk, its
 * errors, and a file in the user's language (zh_CN, with the build tree's
 * catalogues) that Gnumeric still recalculates to the engine's NPV */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libintl.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "bk-engine.h"
#include "bk-json.h"
#include "bk-xlsx.h"

static char *tmp_dir;

static BkWorkbook *
worked_example (void)
{
  g_autofree char *path = g_build_filename (TOP_SRCDIR, "tests", "data", "worked-example.json", NULL);
  g_autoptr(GError) error = NULL;
  BkWorkbook *workbook = bk_json_read_workbook_file (path, &error);

  g_assert_no_error (error);
  return workbook;
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (d);
  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static char *
fresh_dir (const char *stem)
{
  static guint counter;
  char *dir = g_strdup_printf ("%s/%s-%u", tmp_dir, stem, ++counter);

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  return dir;
}

static char *
run_tool (const char *command,
          const char *arg1,
          const char *arg2)
{
  const char *argv[] = { PYTHON3, XLSX_TOOL, command, arg1, arg2, NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* The file appears whole, replaces an older one, and nothing else is left */
static void
test_atomic (void)
{
  g_autoptr(BkWorkbook) workbook = worked_example ();
  g_autofree char *dir = fresh_dir ("atomic");
  g_autofree char *path = g_build_filename (dir, "model.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_true (bk_xlsx_export (workbook, BK_SCENARIO_BASE, FALSE, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_entries (dir), ==, 1);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (memcmp (contents, "PK", 2) == 0);
}

static void
test_errors (void)
{
  g_autoptr(BkWorkbook) workbook = worked_example ();
  g_autofree char *dir = fresh_dir ("errors");
  g_autofree char *missing = g_build_filename (dir, "missing", "model.xlsx", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (bk_xlsx_export (workbook, BK_SCENARIO_BASE, FALSE, missing, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "model.xlsx"));
  g_clear_error (&error);

  /* A folder in the way: the temporary file goes again */
  g_assert_false (bk_xlsx_export (workbook, BK_SCENARIO_BASE, FALSE, dir, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_IO);
  g_assert_cmpuint (count_entries (dir), ==, 0);
}

static void
test_too_large (void)
{
  g_autoptr(GString) json = g_string_new ("{\"format\":\"breakeven-workbook\",\"version\":1,"
                                          "\"granularity\":\"year\",\"first_period\":\"2024\",\"periods\":1,"
                                          "\"markets\":[{\"id\":\"m\",\"name\":\"M\"}],\"companies\":[");
  g_autoptr(BkWorkbook) workbook = NULL;
  g_autofree char *dir = fresh_dir ("large");
  g_autofree char *path = g_build_filename (dir, "model.xlsx", NULL);
  g_autoptr(GError) error = NULL;

  for (guint c = 0; c < 8191; c++)
    g_string_append_printf (json, "%s{\"id\":\"c%u\",\"name\":\"C%u\",\"market\":\"m\"}", c > 0 ? "," : "", c, c);
  g_string_append (json, "],\"series\":{\"capex\":{},\"backlog\":{},\"share\":{},\"tokens\":{}}}");
  workbook = bk_json_read_workbook (json->str, -1, &error);
  g_assert_no_error (error);

  /* 4 + 2 × 8191 = 16,386 columns on the Assumptions sheet */
  g_assert_false (bk_xlsx_export (workbook, BK_SCENARIO_BASE, FALSE, path, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_OUT_OF_RANGE);
  g_assert_nonnull (strstr (error->message, "16386"));
  g_assert_cmpuint (count_entries (dir), ==, 0);
}

/* Sheet titles and labels in Chinese; the formulas are the same */
static void
test_chinese (void)
{
  g_autoptr(BkWorkbook) workbook = worked_example ();
  g_autoptr(BkResults) results = bk_engine_compute (workbook, BK_SCENARIO_BASE);
  g_autofree char *dir = fresh_dir ("zh");
  g_autofree char *path = g_build_filename (dir, "model.xlsx", NULL);
  g_autofree char *stripped = g_build_filename (dir, "stripped.xlsx", NULL);
  g_autofree char *pattern = g_build_filename (dir, "%n.csv", NULL);
  g_autofree char *results_csv = g_build_filename (dir, "0.csv", NULL);
  g_autofree char *sheets = NULL;
  g_autofree char *metrics = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *ssconvert_argv[] = { SSCONVERT, "--recalc", "-S", stripped, pattern, NULL };
  JsonArray *acme;
  int status;

  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  g_assert_nonnull (setlocale (LC_ALL, "zh_CN.UTF-8"));
  g_assert_true (bk_xlsx_export (workbook, BK_SCENARIO_BASE, FALSE, path, &error));
  g_assert_no_error (error);
  setlocale (LC_ALL, "C.UTF-8");
  g_unsetenv ("LANGUAGE");

  sheets = run_tool ("sheets", path, NULL);
  g_assert_true (g_str_has_prefix (sheets, "[\"结果\", \"假设\""));

  g_free (run_tool ("strip", path, stripped));
  g_spawn_sync (NULL, (char **) ssconvert_argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  g_assert_true (g_file_get_contents (results_csv, &csv, NULL, NULL));
  g_assert_nonnull (strstr (csv, "全部公司"));
  metrics = run_tool ("results", results_csv, NULL);
  json_parser_load_from_data (parser, metrics, -1, &error);
  g_assert_no_error (error);
  acme = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "acme");
  g_assert_cmpfloat_with_epsilon (json_array_get_double_element (acme, 0),
                                  bk_results_get_company (results, 0)->npv, 1e-9);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_test_init (&argc, &argv, NULL);

  tmp_dir = g_dir_make_tmp ("test-xlsx-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/xlsx/atomic", test_atomic);
  g_test_add_func ("/xlsx/errors", test_errors);
  g_test_add_func ("/xlsx/too-large", test_too_large);
  g_test_add_func ("/xlsx/chinese", test_chinese);

  status = g_test_run ();

  {
    const char *argv_rm[] = { "rm", "-rf", tmp_dir, NULL };

    g_spawn_sync (NULL, (char **) argv_rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
  }
  g_free (tmp_dir);
  return status;
}
