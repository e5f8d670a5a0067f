/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-xlsx.c — breakeven-cli export-xlsx, checked by a spreadsheet
 * that no one here wrote
 *
 * The worked example, the bundled sample in each of its scenarios and
 * generated yearly, half-yearly and quarterly workbooks (blanks, formulas,
 * notes, company overrides, a scenario) are exported.  Every file has the
 * cached results of its formulas stripped (xlsx-tool.py strip) and is
 * recalculated by Gnumeric's
 * `ssconvert --recalc`; every company's and the total's NPV, IRR, ROI and
 * paybacks on its Results sheet must be `breakeven-cli recalc --json`'s to
 * 1e-9 relative (IRR and paybacks 1e-6 absolute).  Then one capex cell of
 * the XLSX is changed and the spreadsheet must follow it as Breakeven
 * follows `set` on a copy of the document.  A missing ssconvert fails
 * (build-aux/test installs gnumeric). */

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bk-test-files.h"

#define N_METRICS 5

static const char * const metric_keys[N_METRICS] = {
  "npv", "irr", "roi", "payback_years", "discounted_payback_years",
};

static char *tmp_dir;
static double max_relative[N_METRICS];
static double max_absolute[N_METRICS];

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_free (Run *run)
{
  g_free (run->out);
  g_free (run->err);
  g_free (run);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Run, run_free)

static char *
bytes_to_string (GBytes *bytes)
{
  gsize size = 0;
  const char *data = bytes != NULL ? g_bytes_get_data (bytes, &size) : NULL;

  return size > 0 ? g_strndup (data, size) : g_strdup ("");
}

/* Runs a program in the temporary folder, in @locale (or the test's);
 * it must exit normally. */
static Run *
run_argv_in (const char * const *argv,
             const char         *locale)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = g_strjoinv ("' '", (char **) argv);
  Run *run = g_new0 (Run, 1);

  g_test_message ("$ '%s'", line);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_cwd (launcher, tmp_dir);
  if (locale != NULL)
    g_subprocess_launcher_setenv (launcher, "LC_ALL", locale, TRUE);
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  g_subprocess_communicate (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));

  run->status = g_subprocess_get_exit_status (process);
  run->out = bytes_to_string (out);
  run->err = bytes_to_string (err);
  if (run->err[0] != '\0')
    g_test_message ("stderr: %s", run->err);

  return run;
}

static Run *
run_argv (const char * const *argv)
{
  return run_argv_in (argv, NULL);
}

#define run(...) run_argv ((const char * const []) { __VA_ARGS__, NULL })
#define run_cli(...) run (CLI_PATH, __VA_ARGS__)
#define run_tool(...) run (PYTHON3, XLSX_TOOL, __VA_ARGS__)

#define assert_ok(r) \
  G_STMT_START { \
    g_assert_cmpint ((r)->status, ==, 0); \
  } G_STMT_END

static char *
new_name (const char *stem,
          const char *extension)
{
  static guint counter;

  return g_strdup_printf ("%s/%s-%u%s", tmp_dir, stem, ++counter, extension);
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

/* A document made from workbook JSON */
static char *
make_document (const char *json)
{
  g_autofree char *json_path = new_name ("workbook", ".json");
  char *doc = new_name ("doc", ".breakeven");
  g_autoptr(GError) error = NULL;
  g_autoptr(Run) r = NULL;

  g_file_set_contents (json_path, json, -1, &error);
  g_assert_no_error (error);
  r = run_cli ("new", "--from", json_path, doc);
  assert_ok (r);

  return doc;
}

/* {id: [npv, irr, roi, payback, discounted payback], "*total*": …} from
 * recalc --json; NAN for null */
static GHashTable *
engine_metrics (const char *doc,
                const char *scenario)
{
  g_autoptr(Run) r = scenario != NULL ? run_cli ("recalc", doc, "--json", "--scenario", scenario)
                                      : run_cli ("recalc", doc, "--json");
  g_autoptr(JsonNode) root = NULL;
  GHashTable *metrics = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  JsonArray *companies;

  assert_ok (r);
  root = parse_json (r->out);
  companies = json_object_get_array_member (json_node_get_object (root), "companies");

  for (guint i = 0; i <= json_array_get_length (companies); i++)
    {
      JsonObject *object = i < json_array_get_length (companies)
        ? json_array_get_object_element (companies, i)
        : json_object_get_object_member (json_node_get_object (root), "total");
      double *values = g_new (double, N_METRICS);

      for (guint k = 0; k < N_METRICS; k++)
        {
          JsonNode *node = json_object_get_member (object, metric_keys[k]);

          values[k] = JSON_NODE_HOLDS_NULL (node) ? NAN : json_node_get_double (node);
        }
      g_hash_table_insert (metrics,
                           g_strdup (i < json_array_get_length (companies)
                                     ? json_object_get_string_member (object, "id") : "*total*"),
                           values);
    }

  return metrics;
}

/* The Results sheet as Gnumeric computes it from the formulas alone */
static GHashTable *
spreadsheet_metrics (const char *xlsx,
                     gboolean    strip)
{
  g_autofree char *stripped = new_name ("stripped", ".xlsx");
  g_autofree char *out_dir = new_name ("sheets", "");
  g_autofree char *pattern = g_build_filename (out_dir, "%n.csv", NULL);
  g_autofree char *results_csv = g_build_filename (out_dir, "0.csv", NULL);
  g_autoptr(Run) converted = NULL;
  g_autoptr(Run) parsed = NULL;
  g_autoptr(JsonNode) root = NULL;
  GHashTable *metrics = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  JsonObjectIter iter;
  const char *key;
  JsonNode *node;

  if (strip)
    {
      g_autoptr(Run) r = run_tool ("strip", xlsx, stripped);

      assert_ok (r);
    }
  g_assert_cmpint (g_mkdir (out_dir, 0700), ==, 0);
  converted = run (SSCONVERT, "--recalc", "-S", strip ? stripped : xlsx, pattern);
  assert_ok (converted);
  parsed = run_tool ("results", results_csv);
  assert_ok (parsed);
  root = parse_json (parsed->out);

  json_object_iter_init (&iter, json_node_get_object (root));
  while (json_object_iter_next (&iter, &key, &node))
    {
      JsonArray *array = json_node_get_array (node);
      double *values = g_new (double, N_METRICS);

      for (guint k = 0; k < N_METRICS; k++)
        {
          JsonNode *element = json_array_get_element (array, k);

          values[k] = JSON_NODE_HOLDS_NULL (element) ? NAN : json_node_get_double (element);
        }
      g_hash_table_insert (metrics, g_strdup (key), values);
    }

  return metrics;
}

/* Every company and the total: NPV and ROI to 1e-9 relative, IRR and
 * paybacks to 1e-6 absolute, a missing metric missing in both. */
static void
assert_same_metrics (GHashTable *engine,
                     GHashTable *sheet)
{
  GHashTableIter iter;
  gpointer key, value;

  g_assert_cmpuint (g_hash_table_size (engine), ==, g_hash_table_size (sheet));
  g_hash_table_iter_init (&iter, engine);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const double *expected = value;
      const double *got = g_hash_table_lookup (sheet, key);

      g_assert_nonnull (got);
      for (guint k = 0; k < N_METRICS; k++)
        {
          gboolean relative = k == 0 || k == 2;
          double diff;

          g_test_message ("%s %s: engine %.17g, spreadsheet %.17g",
                          (char *) key, metric_keys[k], expected[k], got[k]);
          if (isnan (expected[k]) || isnan (got[k]))
            {
              g_assert_true (isnan (expected[k]) && isnan (got[k]));
              continue;
            }
          diff = fabs (expected[k] - got[k]);
          if (relative)
            {
              double scale = MAX (fabs (expected[k]), fabs (got[k]));

              g_assert_cmpfloat (diff, <=, 1e-9 * scale + 1e-12);
              if (scale > 0)
                max_relative[k] = MAX (max_relative[k], diff / scale);
            }
          else
            {
              g_assert_cmpfloat (diff, <=, 1e-6);
              max_absolute[k] = MAX (max_absolute[k], diff);
            }
        }
    }
}

static char *
export (const char *doc,
        const char *scenario,
        gboolean    values_only)
{
  char *xlsx = new_name ("model", ".xlsx");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(Run) r = NULL;

  g_ptr_array_add (argv, (char *) CLI_PATH);
  g_ptr_array_add (argv, (char *) "export-xlsx");
  g_ptr_array_add (argv, (char *) doc);
  g_ptr_array_add (argv, (char *) "-o");
  g_ptr_array_add (argv, xlsx);
  if (scenario != NULL)
    {
      g_ptr_array_add (argv, (char *) "--scenario");
      g_ptr_array_add (argv, (char *) scenario);
    }
  if (values_only)
    g_ptr_array_add (argv, (char *) "--values-only");
  g_ptr_array_add (argv, NULL);

  r = run_argv ((const char * const *) argv->pdata);
  assert_ok (r);
  g_assert_cmpstr (r->err, ==, "");
  g_assert_true (g_file_test (xlsx, G_FILE_TEST_IS_REGULAR));

  return xlsx;
}

/* Exports, recalculates with Gnumeric and compares with the engine */
static void
check_recalculates (const char *doc,
                    const char *scenario)
{
  g_autofree char *xlsx = export (doc, scenario, FALSE);
  g_autoptr(GHashTable) engine = engine_metrics (doc, scenario);
  g_autoptr(GHashTable) sheet = spreadsheet_metrics (xlsx, TRUE);

  assert_same_metrics (engine, sheet);
}

/* Changes a capex cell in the XLSX and in a copy of the document: the
 * spreadsheet's NPVs follow Breakeven's. */
static void
check_follows_capex_edit (const char *doc,
                          const char *scenario,
                          const char *company,
                          const char *period,
                          const char *cell,
                          const char *value)
{
  g_autofree char *xlsx = export (doc, scenario, FALSE);
  g_autofree char *edited = new_name ("edited", ".xlsx");
  g_autofree char *copy = new_name ("copy", ".breakeven");
  g_autofree char *contents = NULL;
  g_autoptr(GHashTable) before = engine_metrics (doc, scenario);
  g_autoptr(GHashTable) engine = NULL;
  g_autoptr(GHashTable) sheet = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(Run) tool = NULL;
  g_autoptr(Run) set = NULL;
  gsize length;

  tool = run_tool ("set", xlsx, edited, "CapEx", cell, value);
  assert_ok (tool);

  g_file_get_contents (doc, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (copy, contents, (gssize) length, &error);
  g_assert_no_error (error);
  set = scenario != NULL ? run_cli ("set", copy, "capex", company, period, value, "--scenario", scenario)
                         : run_cli ("set", copy, "capex", company, period, value);
  assert_ok (set);

  engine = engine_metrics (copy, scenario);
  sheet = spreadsheet_metrics (edited, TRUE);
  /* The edit moves the NPV, and the spreadsheet moves with it */
  g_assert_cmpfloat (fabs (((double *) g_hash_table_lookup (engine, company))[0]
                           - ((double *) g_hash_table_lookup (before, company))[0]), >, 1e-3);
  assert_same_metrics (engine, sheet);
}

static char *
read_worked_example (void)
{
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, "worked-example.json", NULL);
  g_autoptr(GError) error = NULL;
  char *json = NULL;

  g_file_get_contents (path, &json, NULL, &error);
  g_assert_no_error (error);

  return json;
}

static void
test_worked_example (void)
{
  g_autofree char *json = read_worked_example ();
  g_autofree char *doc = make_document (json);
  g_autofree char *xlsx = export (doc, NULL, FALSE);
  g_autoptr(GHashTable) sheet = spreadsheet_metrics (xlsx, TRUE);
  const double *acme = g_hash_table_lookup (sheet, "acme");

  /* MODEL.md's worked example, as Gnumeric computes it */
  g_assert_nonnull (acme);
  g_assert_cmpfloat_with_epsilon (acme[0], 48.765118, 1e-6);
  g_assert_cmpfloat_with_epsilon (acme[1], 1.002390, 1e-6);
  g_assert_cmpfloat_with_epsilon (acme[2], 2.442894, 1e-6);
  g_assert_cmpfloat_with_epsilon (acme[3], 2.474542, 1e-6);
  g_assert_cmpfloat_with_epsilon (acme[4], 2.545044, 1e-6);

  check_recalculates (doc, NULL);

  /* A German user's file holds numbers as a spreadsheet reads them */
  {
    g_autofree char *german = new_name ("german", ".xlsx");
    g_autoptr(Run) r = run_argv_in ((const char * const []) { CLI_PATH, "export-xlsx", doc, "-o", german, NULL },
                                    "de_DE.UTF-8");
    g_autoptr(GHashTable) german_sheet = NULL;
    g_autoptr(GHashTable) engine = engine_metrics (doc, NULL);

    assert_ok (r);
    german_sheet = spreadsheet_metrics (german, FALSE);
    assert_same_metrics (engine, german_sheet);
  }

  /* CapEx of acme in 2025 is cell D3 of the CapEx sheet */
  check_follows_capex_edit (doc, NULL, "acme", "2025", "D3", "35");
}

static double
bk_per_year (const char *granularity)
{
  return strcmp (granularity, "year") == 0 ? 1 : strcmp (granularity, "half") == 0 ? 2 : 4;
}

/* The bundled sample in every scenario it has */
static void
test_sample (void)
{
  g_autofree char *doc = new_name ("sample", ".breakeven");
  g_autoptr(Run) created = run_cli ("new", "--sample", doc);
  g_autoptr(Run) exported = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *scenarios;

  assert_ok (created);
  exported = run_cli ("export-json", doc);
  assert_ok (exported);
  root = parse_json (exported->out);
  scenarios = json_object_get_array_member (json_node_get_object (root), "scenarios");
  g_assert_cmpuint (json_array_get_length (scenarios), >, 0);

  check_recalculates (doc, NULL);
  for (guint i = 0; i < json_array_get_length (scenarios); i++)
    check_recalculates (doc, json_object_get_string_member (json_array_get_object_element (scenarios, i),
                                                            "name"));

  /* The first company's capex in the fourth period is cell F3 */
  {
    JsonArray *companies = json_object_get_array_member (json_node_get_object (root), "companies");
    const char *first = json_object_get_string_member (json_array_get_object_element (companies, 0), "id");
    const char *first_period = json_object_get_string_member (json_node_get_object (root), "first_period");
    g_autofree char *period = g_strdup_printf ("%d", atoi (first_period) + 3);

    check_follows_capex_edit (doc, NULL, first, period, "F3", "250");
  }
}

/* A generated workbook: four companies in two markets (names that are not
 * valid sheet names as they stand), blanks in every table, growth
 * formulas, notes, company overrides and a scenario with its own
 * assumptions, company override and cell. */
static char *
generated_workbook (const char *granularity,
                    const char *first_period,
                    guint       n,
                    guint32     seed)
{
  static const char * const ids[] = { "alpha", "beta", "gamma", "delta" };
  static const char * const names[] = {
    "Alpha: Cloud/AI [US]", "Beta's Cloud", "Gamma Intelligent Computing Holdings International",
    "Gamma Intelligent Computing Holdings Asia",
  };
  static const char * const markets[] = { "global", "global", "china", "china" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GString) formulas = g_string_new (NULL);
  g_autoptr(GString) notes = g_string_new (NULL);
  const char *tables[] = { "capex", "backlog", "share" };

  g_string_append_printf (json,
                          "{\"format\":\"breakeven-workbook\",\"version\":1,\"title\":\"Generated %s\","
                          "\"granularity\":\"%s\",\"first_period\":\"%s\",\"periods\":%u,"
                          "\"markets\":[{\"id\":\"global\",\"name\":\"Global\"},{\"id\":\"china\",\"name\":\"China\"}],"
                          "\"companies\":[",
                          granularity, granularity, first_period, n);
  for (guint c = 0; c < G_N_ELEMENTS (ids); c++)
    g_string_append_printf (json, "%s{\"id\":\"%s\",\"name\":\"%s\",\"market\":\"%s\"}",
                            c > 0 ? "," : "", ids[c], names[c], markets[c]);
  g_string_append (json, "],\"series\":{");

  for (guint k = 0; k < G_N_ELEMENTS (tables); k++)
    {
      g_string_append_printf (json, "%s\"%s\":{", k > 0 ? "," : "", tables[k]);
      for (guint c = 0; c < G_N_ELEMENTS (ids); c++)
        {
          double prev = NAN;

          g_string_append_printf (json, "%s\"%s\":[", c > 0 ? "," : "", ids[c]);
          for (guint t = 0; t < n; t++)
            {
              /* beta's second capex is the cell the tests edit */
              gboolean blank = t > 0 && g_rand_double (rand) < 0.2 && !(k == 0 && c == 1 && t == 1);
              double value;

              if (k == 0 && t == n - 1)
                blank = TRUE;  /* capex stops before the tail */
              if (k == 0 && t > 1 && t % 5 == 2 && !isnan (prev))
                {
                  /* Growth on the cell to the left */
                  value = prev * 1.3;
                  g_string_append_printf (formulas, "%s{\"table\":\"capex\",\"row\":\"%s\",\"period\":%u,"
                                          "\"formula\":\"=prev*1.3\"}", formulas->len > 0 ? "," : "",
                                          ids[c], t);
                }
              else if (blank)
                value = NAN;
              else if (k == 0)
                value = g_rand_double_range (rand, 2, 40) / bk_per_year (granularity);
              else if (k == 1)
                value = g_rand_double_range (rand, 10, 120);
              else
                value = g_rand_double_range (rand, 0.02, 0.2);

              if (isnan (value))
                g_string_append_printf (json, "%snull", t > 0 ? "," : "");
              else
                g_string_append_printf (json, "%s%.17g", t > 0 ? "," : "", value);
              prev = value;
            }
          g_string_append (json, "]");
        }
      g_string_append (json, "}");
    }

  g_string_append (json, ",\"tokens\":{");
  for (guint m = 0; m < 2; m++)
    {
      double tokens = m == 0 ? 600 : 200;

      g_string_append_printf (json, "%s\"%s\":[", m > 0 ? "," : "", m == 0 ? "global" : "china");
      for (guint t = 0; t < n; t++)
        {
          tokens *= 1 + g_rand_double_range (rand, 0.1, 0.6) / bk_per_year (granularity);
          if (t > 0 && t % 4 == 1)
            g_string_append_printf (json, ",null");
          else
            g_string_append_printf (json, "%s%.17g", t > 0 ? "," : "", tokens);
        }
      g_string_append (json, "]");
    }
  g_string_append (json, "}}");

  g_string_append_printf (notes, "{\"table\":\"capex\",\"row\":\"alpha\",\"period\":0,\"text\":\"10-K, cash PP&E\"},"
                          "{\"table\":\"tokens\",\"row\":\"china\",\"period\":%u,\"text\":\"estimate\"}", n - 1);
  g_string_append_printf (json, ",\"formulas\":[%s],\"notes\":[%s]", formulas->str, notes->str);
  g_string_append (json,
                   ",\"assumptions\":{\"extra_years\":4,\"discount_rate\":0.08,\"online_lag_years\":0.5,"
                   "\"it_life_years\":5,\"tokens_per_joule\":3},"
                   "\"company_assumptions\":{\"beta\":{\"it_life_years\":4,\"price_per_mtok\":1.5},"
                   "\"gamma\":{\"discount_rate\":0.11,\"tail_growth\":0.1,\"utilization\":0.8}},"
                   "\"scenarios\":[{\"name\":\"Bear\",\"assumptions\":{\"price_decline\":0.5,\"it_life_years\":3},"
                   "\"company_assumptions\":{\"alpha\":{\"utilization\":0.5},\"beta\":{\"price_per_mtok\":1.2}},"
                   "\"cells\":[{\"table\":\"capex\",\"row\":\"alpha\",\"period\":1,\"value\":30}]}]}");

  return g_string_free (g_steal_pointer (&json), FALSE);
}

typedef struct
{
  const char *granularity;
  const char *first_period;
  guint       n;
  guint32     seed;
} Generated;

static const Generated generated[] = {
  { "year", "2023", 6, 11 },
  { "half", "2023H2", 9, 22 },
  { "quarter", "2024Q1", 14, 33 },
};

static void
test_generated (gconstpointer data)
{
  const Generated *g = data;
  g_autofree char *json = generated_workbook (g->granularity, g->first_period, g->n, g->seed);
  g_autofree char *doc = make_document (json);
  g_autofree char *first_label = NULL;

  check_recalculates (doc, NULL);
  check_recalculates (doc, "Bear");

  /* beta's capex in the second period (column D); its right neighbour may
   * be a =prev*1.3 formula, which must follow in both */
  if (strcmp (g->granularity, "year") == 0)
    first_label = g_strdup ("2024");
  else if (strcmp (g->granularity, "half") == 0)
    first_label = g_strdup ("2024H1");
  else
    first_label = g_strdup ("2024Q2");
  check_follows_capex_edit (doc, NULL, "beta", first_label, "D4", "55");
  check_follows_capex_edit (doc, "Bear", "beta", first_label, "D4", "55");
}

/* --values-only: the same sheets and numbers, and no formula anywhere */
static void
test_values_only (void)
{
  g_autofree char *json = generated_workbook ("quarter", "2024Q1", 10, 44);
  g_autofree char *doc = make_document (json);
  g_autofree char *values = export (doc, "Bear", TRUE);
  g_autofree char *formulas = export (doc, "Bear", FALSE);
  g_autoptr(Run) values_f = run_tool ("formulas", values);
  g_autoptr(Run) formulas_f = run_tool ("formulas", formulas);
  g_autoptr(Run) values_sheets = run_tool ("sheets", values);
  g_autoptr(Run) formulas_sheets = run_tool ("sheets", formulas);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GHashTable) engine = engine_metrics (doc, "Bear");
  g_autoptr(GHashTable) sheet = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;
  guint n_formulas = 0;

  assert_ok (values_f);
  assert_ok (formulas_f);
  assert_ok (values_sheets);
  g_assert_cmpstr (values_sheets->out, ==, formulas_sheets->out);

  root = parse_json (values_f->out);
  json_object_iter_init (&iter, json_node_get_object (root));
  while (json_object_iter_next (&iter, &name, &node))
    g_assert_cmpuint (json_array_get_length (json_node_get_array (node)), ==, 0);
  g_clear_pointer (&root, json_node_unref);

  /* The formula export has formulas on every sheet but the input
   * tables without formulas, and reads like MODEL.md */
  root = parse_json (formulas_f->out);
  json_object_iter_init (&iter, json_node_get_object (root));
  while (json_object_iter_next (&iter, &name, &node))
    n_formulas += json_array_get_length (json_node_get_array (node));
  g_assert_cmpuint (n_formulas, >, 1000);
  g_assert_true (strstr (formulas_f->out, "price_per_mtok*(1-price_decline)^(C$3*period_years)") != NULL);
  g_assert_true (strstr (formulas_f->out, "SUMPRODUCT(") != NULL);
  g_assert_true (strstr (formulas_f->out, "NPV(period_rate,") != NULL);
  /* =prev*1.3 on the cell to its left */
  g_assert_true (g_regex_match_simple ("\"[D-Z][3-6]\\*1\\.3\"", formulas_f->out, 0, 0));

  /* The values are the engine's, as a spreadsheet reads them */
  sheet = spreadsheet_metrics (values, FALSE);
  assert_same_metrics (engine, sheet);
}

/* Sheet names from the user's names: at most 31 characters, no []:*?/\,
 * unique without regard to case */
static void
test_sheet_names (void)
{
  g_autofree char *json = generated_workbook ("year", "2023", 4, 55);
  g_autofree char *doc = make_document (json);
  g_autofree char *xlsx = export (doc, NULL, FALSE);
  g_autoptr(Run) r = run_tool ("sheets", xlsx);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonArray *sheets;

  assert_ok (r);
  root = parse_json (r->out);
  sheets = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (sheets), ==, 6 + 4);
  g_assert_cmpstr (json_array_get_string_element (sheets, 0), ==, "Results");
  g_assert_cmpstr (json_array_get_string_element (sheets, 1), ==, "Assumptions");
  g_assert_cmpstr (json_array_get_string_element (sheets, 2), ==, "CapEx");
  g_assert_cmpstr (json_array_get_string_element (sheets, 6), ==, "Alpha_ Cloud_AI _US_");
  g_assert_cmpstr (json_array_get_string_element (sheets, 7), ==, "Beta’s Cloud");
  g_assert_cmpstr (json_array_get_string_element (sheets, 8), ==, "Gamma Intelligent Computing Hol");
  g_assert_cmpstr (json_array_get_string_element (sheets, 9), ==, "Gamma Intelligent Computing (2)");

  for (guint i = 0; i < json_array_get_length (sheets); i++)
    {
      const char *name = json_array_get_string_element (sheets, i);

      g_assert_cmpint (g_utf8_strlen (name, -1), <=, 31);
      g_assert_null (strpbrk (name, "[]:*?/\\"));
      g_assert_true (g_hash_table_add (seen, g_utf8_casefold (name, -1)));
    }
}

/* Nothing in @dir but @expected entries */
static void
assert_dir_has (const char *dir,
                guint       expected)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (d);
  while (g_dir_read_name (d) != NULL)
    n++;
  g_assert_cmpuint (n, ==, expected);
}

static void
assert_fails (Run *r)
{
  g_assert_cmpint (r->status, ==, 1);
  g_assert_true (g_str_has_prefix (r->err, "breakeven-cli: "));
  g_assert_cmpstr (r->out, ==, "");
}

static void
test_bad_input (void)
{
  g_autofree char *json = read_worked_example ();
  g_autofree char *doc = make_document (json);
  g_autofree char *out_dir = new_name ("out", "");
  g_autofree char *out = g_build_filename (out_dir, "model.xlsx", NULL);
  g_autofree char *missing = g_build_filename (out_dir, "no-such-folder", "model.xlsx", NULL);
  g_autofree char *sub_dir = g_build_filename (out_dir, "model-dir.xlsx", NULL);

  g_assert_cmpint (g_mkdir (out_dir, 0700), ==, 0);

  /* An unknown scenario */
  {
    g_autoptr(Run) r = run_cli ("export-xlsx", doc, "-o", out, "--scenario", "Nope");

    assert_fails (r);
    g_assert_true (strstr (r->err, "Nope") != NULL);
    assert_dir_has (out_dir, 0);
  }

  /* An output in a folder that does not exist, or that is a folder */
  {
    g_autoptr(Run) r = run_cli ("export-xlsx", doc, "-o", missing);

    assert_fails (r);
    g_assert_true (strstr (r->err, "model.xlsx") != NULL);
    assert_dir_has (out_dir, 0);
  }
  g_assert_cmpint (g_mkdir (sub_dir, 0700), ==, 0);
  {
    g_autoptr(Run) r = run_cli ("export-xlsx", doc, "-o", sub_dir);

    assert_fails (r);
    assert_dir_has (out_dir, 1);
    assert_dir_has (sub_dir, 0);
  }

  /* The document itself */
  {
    g_autoptr(Run) r = run_cli ("export-xlsx", doc, "-o", doc);
    g_autoptr(Run) check = NULL;

    assert_fails (r);
    check = run_cli ("check", doc);
    assert_ok (check);
  }

  /* No -o: wrong usage */
  {
    g_autoptr(Run) r = run_cli ("export-xlsx", doc);

    g_assert_cmpint (r->status, ==, 2);
  }

  /* Too many companies for the Assumptions sheet's 16,384 columns */
  {
    g_autoptr(GString) big = g_string_new ("{\"format\":\"breakeven-workbook\",\"version\":1,"
                                           "\"granularity\":\"year\",\"first_period\":\"2024\",\"periods\":1,"
                                           "\"markets\":[{\"id\":\"m\",\"name\":\"M\"}],\"companies\":[");
    g_autofree char *big_doc = NULL;
    g_autoptr(Run) r = NULL;

    for (guint c = 0; c < 8200; c++)
      g_string_append_printf (big, "%s{\"id\":\"c%u\",\"name\":\"C%u\",\"market\":\"m\"}", c > 0 ? "," : "", c, c);
    g_string_append (big, "],\"series\":{\"capex\":{},\"backlog\":{},\"share\":{},\"tokens\":{}}}");
    big_doc = make_document (big->str);

    r = run_cli ("export-xlsx", big_doc, "-o", out);
    assert_fails (r);
    g_assert_true (strstr (r->err, "16384") != NULL);
    assert_dir_has (out_dir, 1);
  }
}

static void
report_max_differences (void)
{
  for (guint k = 0; k < N_METRICS; k++)
    g_test_message ("largest difference in %s: %.3g %s", metric_keys[k],
                    k == 0 || k == 2 ? max_relative[k] : max_absolute[k],
                    k == 0 || k == 2 ? "relative" : "absolute");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  tmp_dir = g_dir_make_tmp ("test-cli-xlsx-XXXXXX", &error);
  g_assert_no_error (error);

  /* Gnumeric is the spreadsheet no one here wrote: without it, fail */
  if (SSCONVERT[0] == '\0' || !g_file_test (SSCONVERT, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_printerr ("ssconvert (Gnumeric) is missing: install gnumeric (build-aux/deps.sh)\n");
      return 1;
    }

  g_test_add_func ("/cli/xlsx/worked-example", test_worked_example);
  g_test_add_func ("/cli/xlsx/sample", test_sample);
  for (guint i = 0; i < G_N_ELEMENTS (generated); i++)
    {
      g_autofree char *name = g_strdup_printf ("/cli/xlsx/generated/%s", generated[i].granularity);

      g_test_add_data_func (name, &generated[i], test_generated);
    }
  g_test_add_func ("/cli/xlsx/values-only", test_values_only);
  g_test_add_func ("/cli/xlsx/sheet-names", test_sheet_names);
  g_test_add_func ("/cli/xlsx/bad-input", test_bad_input);

  status = g_test_run ();
  report_max_differences ();

  bk_test_remove_tree (tmp_dir);
  g_free (tmp_dir);

  return status;
}
