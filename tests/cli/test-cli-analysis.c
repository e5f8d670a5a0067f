/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-analysis.c — runs `breakeven-cli scenario`, `compare`,
 * `sensitivity`, `goal-seek` and `map` on the bundled sample and the worked
 * example, checks every answer against plain recalculations of the same
 * assumptions set with `scenario set`, and every rejection with its exit
 * status and the document unchanged */

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

static char *tmp_dir;

typedef struct
{
  int   status;
  char *out;
  gsize out_len;
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

/* Runs breakeven-cli with @args in the temporary folder; it must exit
 * normally, whatever the arguments. */
static Run *
run_cli_v (const char **args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) line = g_string_new (NULL);
  Run *run = g_new0 (Run, 1);
  const char *data;
  gsize size;

  g_ptr_array_add (argv, (char *) CLI_PATH);
  for (guint i = 0; args[i] != NULL; i++)
    {
      g_ptr_array_add (argv, (char *) args[i]);
      g_string_append_printf (line, " '%s'", args[i]);
    }
  g_ptr_array_add (argv, NULL);
  g_test_message ("$ breakeven-cli%s", line->str);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                        | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_cwd (launcher, tmp_dir);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);

  /* Never a crash */
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
  data = g_bytes_get_data (out, &size);
  run->out = g_strndup (size > 0 ? data : "", size);
  run->out_len = size;
  data = g_bytes_get_data (err, &size);
  run->err = g_strndup (size > 0 ? data : "", size);

  if (run->err[0] != '\0')
    g_test_message ("stderr: %s", run->err);
  g_test_message ("exit %d", run->status);

  return run;
}

#define run_cli(...) run_cli_v ((const char *[]) { __VA_ARGS__, NULL })

/* Exit status 0, nothing on stderr */
#define assert_success(run) \
  G_STMT_START { \
    g_assert_cmpstr ((run)->err, ==, ""); \
    g_assert_cmpint ((run)->status, ==, 0); \
  } G_STMT_END

/* Like assert_success, and nothing printed */
#define assert_ok(run) \
  G_STMT_START { \
    assert_success (run); \
    g_assert_cmpuint ((run)->out_len, ==, 0); \
  } G_STMT_END

static char *
export_json (const char *document)
{
  g_autoptr(Run) run = run_cli ("export-json", document);

  assert_success (run);
  return g_steal_pointer (&run->out);
}

/* Runs @args, which must fail with @status, one "breakeven-cli: " message
 * (containing @message when not NULL), no output, and @document unchanged. */
static void
assert_rejected_v (const char  *document,
                   int          status,
                   const char  *message,
                   const char **args)
{
  g_autofree char *before = export_json (document);
  g_autofree char *after = NULL;
  g_autoptr(Run) run = run_cli_v (args);

  g_assert_cmpint (run->status, ==, status);
  g_assert_true (g_str_has_prefix (run->err, "breakeven-cli: "));
  if (message != NULL)
    g_assert_nonnull (strstr (run->err, message));
  g_assert_cmpuint (run->out_len, ==, 0);

  after = export_json (document);
  g_assert_cmpstr (after, ==, before);
}

#define assert_rejected(document, status, message, ...) \
  assert_rejected_v ((document), (status), (message), (const char *[]) { __VA_ARGS__, NULL })

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

static JsonNode *
export_tree (const char *document)
{
  g_autofree char *json = export_json (document);

  return parse_json (json);
}

/* A number or null (NAN) */
static double
get_number (JsonNode *node)
{
  if (JSON_NODE_HOLDS_NULL (node))
    return NAN;
  return json_node_get_double (node);
}

/* Exactly equal, or both missing */
static void
assert_equal_number (double a,
                     double b)
{
  if (isnan (a) || isnan (b))
    g_assert_true (isnan (a) && isnan (b));
  else
    g_assert_cmpfloat (a, ==, b);
}

static void
assert_same_number (double a,
                    double b)
{
  if (isnan (a) || isnan (b))
    g_assert_true (isnan (a) && isnan (b));
  else
    g_assert_cmpfloat_with_epsilon (a, b, 1e-9 * MAX (1.0, fabs (b)));
}

/* A fresh copy of the sample, or of the worked example */
static char *
new_sample (const char *name)
{
  g_autoptr(Run) run = run_cli ("new", "--sample", "--force", name);

  assert_ok (run);
  return g_strdup (name);
}

static char *
new_worked_example (const char *name)
{
  g_autoptr(Run) run = run_cli ("new", "--from", CLI_TEST_DIR "/worked-example.json", "--force", name);

  assert_ok (run);
  return g_strdup (name);
}

static void
scenario_set (const char *document,
              const char *scenario,
              const char *key,
              const char *value)
{
  g_autoptr(Run) run = run_cli ("scenario", "set", document, scenario, key, value);

  assert_ok (run);
}

static void
scenario_add (const char *document,
              const char *scenario)
{
  g_autoptr(Run) run = run_cli ("scenario", "add", document, scenario);

  assert_ok (run);
}

/* recalc --json of @scenario */
static JsonNode *
recalc (const char *document,
        const char *scenario)
{
  g_autoptr(Run) run = run_cli ("recalc", document, "--scenario", scenario, "--json");

  assert_success (run);
  return parse_json (run->out);
}

static double
recalc_total_npv (const char *document,
                  const char *scenario)
{
  g_autoptr(JsonNode) results = recalc (document, scenario);

  return json_object_get_double_member (json_object_get_object_member (json_node_get_object (results),
                                                                       "total"), "npv");
}

static char *
number_text (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  /* %.17g: reads back exactly */
  return g_strdup (g_ascii_dtostr (buf, sizeof buf, value));
}

/* ---------------------------------------------------------------------- */
/* help and usage                                                          */

static void
test_help (void)
{
  static const char * const commands[] = { "scenario", "compare", "sensitivity", "goal-seek", "map" };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autoptr(Run) help = run_cli (commands[i], "--help");
      g_autoptr(Run) bare = run_cli (commands[i]);
      g_autofree char *usage = g_strdup_printf ("Usage: breakeven-cli %s ", commands[i]);

      assert_success (help);
      g_assert_true (g_str_has_prefix (help->out, usage));
      /* No FILE: wrong usage */
      g_assert_cmpint (bare->status, ==, 2);
      g_assert_cmpuint (bare->out_len, ==, 0);
    }

  {
    g_autoptr(Run) help = run_cli ("scenario", "--help");
    g_autoptr(Run) list = run_cli ("--help");

    g_assert_nonnull (strstr (help->out, "scenario unset FILE NAME KEY"));
    for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
      g_assert_nonnull (strstr (list->out, commands[i]));
  }
}

/* ---------------------------------------------------------------------- */
/* scenario                                                                */

static void
test_scenario_manage (void)
{
  g_autofree char *doc = new_sample ("manage.bk");
  g_autofree char *original = export_json (doc);
  g_autofree char *copy = NULL;

  {
    g_autoptr(Run) run = run_cli ("scenario", "list", doc);

    assert_success (run);
    g_assert_cmpstr (run->out, ==, "Base\nBear — short GPU life, price war\n"
                                   "Bull — demand keeps compounding\nFOMO CapEx\n");
  }

  /* add, with a copy of Bull's assumptions */
  {
    g_autoptr(Run) run = run_cli ("scenario", "add", doc, "Bull copy", "--from", "Bull — demand keeps compounding");
    g_autoptr(Run) list = NULL;
    g_autoptr(Run) a = NULL;
    g_autoptr(Run) b = NULL;

    assert_ok (run);
    list = run_cli ("scenario", "list", doc);
    g_assert_true (g_str_has_suffix (list->out, "FOMO CapEx\nBull copy\n"));
    a = run_cli ("compare", doc, "--json");
    assert_success (a);
    {
      g_autoptr(JsonNode) root = parse_json (a->out);
      JsonArray *companies = json_object_get_array_member (json_node_get_object (root), "companies");

      /* Columns 2 (Bull) and 4 (its copy) are equal everywhere */
      for (guint c = 0; c < json_array_get_length (companies); c++)
        {
          JsonObject *metrics = json_object_get_object_member (json_array_get_object_element (companies, c),
                                                               "metrics");
          JsonArray *values = json_object_get_array_member (json_object_get_object_member (metrics, "npv"),
                                                            "values");

          assert_same_number (get_number (json_array_get_element (values, 4)),
                              get_number (json_array_get_element (values, 2)));
        }
    }
  }

  {
    g_autoptr(Run) run = run_cli ("scenario", "rename", doc, "Bull copy", "Copy");
    g_autoptr(Run) list = NULL;

    assert_ok (run);
    list = run_cli ("scenario", "list", doc);
    g_assert_true (g_str_has_suffix (list->out, "FOMO CapEx\nCopy\n"));
  }

  /* Rejections: nothing changes */
  assert_rejected (doc, 1, "already", "scenario", "add", doc, "Copy");
  assert_rejected (doc, 1, "already", "scenario", "add", doc, "fomo capex");
  assert_rejected (doc, 1, NULL, "scenario", "add", doc, "");
  assert_rejected (doc, 1, NULL, "scenario", "add", doc, "   ");
  assert_rejected (doc, 1, "Unknown scenario", "scenario", "add", doc, "New", "--from", "Nope");
  assert_rejected (doc, 1, "cannot be renamed", "scenario", "rename", doc, "Base", "Foundation");
  assert_rejected (doc, 1, "already", "scenario", "rename", doc, "Copy", "FOMO CapEx");
  assert_rejected (doc, 1, NULL, "scenario", "rename", doc, "Copy", "");
  assert_rejected (doc, 1, "Unknown scenario", "scenario", "rename", doc, "Nope", "Other");
  assert_rejected (doc, 1, "cannot be removed", "scenario", "remove", doc, "Base");
  assert_rejected (doc, 1, "Unknown scenario", "scenario", "remove", doc, "Nope");
  assert_rejected (doc, 2, "Unknown scenario command", "scenario", "drop", doc, "Copy");
  assert_rejected (doc, 2, "Missing", "scenario", "rename", doc, "Copy");
  assert_rejected (doc, 2, "Too many", "scenario", "remove", doc, "Copy", "Other");
  assert_rejected (doc, 2, "--from", "scenario", "rename", doc, "Copy", "X", "--from", "Base");
  assert_rejected (doc, 2, "--company", "scenario", "add", doc, "X", "--company", "msft");

  {
    g_autoptr(Run) run = run_cli ("scenario", "remove", doc, "Copy");

    assert_ok (run);
  }
  copy = export_json (doc);
  g_assert_cmpstr (copy, ==, original);
}

static void
test_scenario_set (void)
{
  g_autofree char *doc = new_sample ("set.bk");
  g_autofree char *original = export_json (doc);
  g_autofree char *as_percent = NULL;
  g_autofree char *as_fraction = NULL;
  g_autofree char *after = NULL;

  /* The same value typed two ways */
  scenario_set (doc, "FOMO CapEx", "utilization", "60%");
  as_percent = export_json (doc);
  g_assert_cmpstr (as_percent, !=, original);
  scenario_set (doc, "FOMO CapEx", "utilization", "0.6");
  as_fraction = export_json (doc);
  g_assert_cmpstr (as_fraction, ==, as_percent);
  {
    g_autoptr(JsonNode) root = parse_json (as_fraction);
    JsonArray *scenarios = json_object_get_array_member (json_node_get_object (root), "scenarios");
    JsonObject *fomo = json_array_get_object_element (scenarios, 2);

    g_assert_cmpstr (json_object_get_string_member (fomo, "name"), ==, "FOMO CapEx");
    g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (fomo, "assumptions"),
                                                      "utilization"), ==, 0.6);
  }

  /* Back to the sample's own 50 % */
  scenario_set (doc, "FOMO CapEx", "utilization", "50%");
  after = export_json (doc);
  g_assert_cmpstr (after, ==, original);

  /* A company override, set and unset */
  {
    g_autoptr(Run) set = run_cli ("scenario", "set", doc, "Bear — short GPU life, price war",
                                  "pue", "1.4", "--company", "msft");
    g_autoptr(Run) unset = NULL;
    g_autofree char *with = NULL;
    g_autofree char *without = NULL;

    assert_ok (set);
    with = export_json (doc);
    g_assert_nonnull (strstr (with, "\"pue\": 1.4"));
    unset = run_cli ("scenario", "unset", doc, "Bear — short GPU life, price war", "pue",
                     "--company", "msft");
    assert_ok (unset);
    without = export_json (doc);
    g_assert_cmpstr (without, ==, original);
  }

  /* In Base: the workbook's own value */
  {
    g_autoptr(Run) unset = NULL;
    g_autofree char *with = NULL;
    g_autofree char *without = NULL;

    scenario_set (doc, "Base", "discount_rate", "8%");
    with = export_json (doc);
    {
      g_autoptr(JsonNode) root = parse_json (with);
      JsonObject *assumptions = json_object_get_object_member (json_node_get_object (root), "assumptions");

      g_assert_cmpfloat (json_object_get_double_member (assumptions, "discount_rate"), ==, 0.08);
    }
    unset = run_cli ("scenario", "unset", doc, "Base", "discount_rate");
    assert_ok (unset);
    without = export_json (doc);
    g_assert_cmpstr (without, ==, original);
  }

  assert_rejected (doc, 1, "Unknown driver", "scenario", "set", doc, "FOMO CapEx", "gpu_magic", "1");
  assert_rejected (doc, 1, "Unknown driver", "scenario", "unset", doc, "FOMO CapEx", "gpu_magic");
  assert_rejected (doc, 1, "not a number", "scenario", "set", doc, "FOMO CapEx", "utilization", "lots");
  assert_rejected (doc, 1, "not a number", "scenario", "set", doc, "FOMO CapEx", "pue", "140%");
  assert_rejected (doc, 1, "not a number", "scenario", "set", doc, "FOMO CapEx", "price_per_mtok", "$2");
  assert_rejected (doc, 1, "not a number", "scenario", "set", doc, "FOMO CapEx", "price_per_mtok", "=2");
  assert_rejected (doc, 1, "out of range", "scenario", "set", doc, "FOMO CapEx", "utilization", "150%");
  assert_rejected (doc, 1, "out of range", "scenario", "set", doc, "FOMO CapEx", "price_per_mtok", "-1");
  assert_rejected (doc, 1, "Unknown company", "scenario", "set", doc, "FOMO CapEx", "pue", "1.2",
                   "--company", "nope");
  assert_rejected (doc, 1, "whole workbook", "scenario", "set", doc, "FOMO CapEx", "extra_years", "4",
                   "--company", "msft");
  assert_rejected (doc, 1, "Unknown scenario", "scenario", "set", doc, "Nope", "pue", "1.2");
  assert_rejected (doc, 2, "Missing", "scenario", "set", doc, "FOMO CapEx", "pue");
  assert_rejected (doc, 1, "No such file", "scenario", "set", "missing.bk", "Base", "pue", "1.2");
}

/* ---------------------------------------------------------------------- */
/* compare                                                                 */

static const char * const metric_keys[] = { "npv", "irr", "roi", "payback", "discounted_payback" };
static const char * const result_keys[] = { "npv", "irr", "roi", "payback_years", "discounted_payback_years" };

/* compare --json equals recalc --scenario NAME --json for every scenario,
 * and the diffs are against column 0 */
static void
assert_compare_matches_recalc (const char *doc)
{
  g_autoptr(Run) run = run_cli ("compare", doc, "--json");
  g_autoptr(JsonNode) root = NULL;
  JsonArray *scenarios;
  JsonArray *companies;

  assert_success (run);
  root = parse_json (run->out);
  scenarios = json_object_get_array_member (json_node_get_object (root), "scenarios");
  companies = json_object_get_array_member (json_node_get_object (root), "companies");
  g_assert_cmpstr (json_array_get_string_element (scenarios, 0), ==, "Base");

  for (guint s = 0; s < json_array_get_length (scenarios); s++)
    {
      g_autoptr(JsonNode) results = recalc (doc, json_array_get_string_element (scenarios, s));
      JsonObject *r = json_node_get_object (results);
      JsonArray *result_companies = json_object_get_array_member (r, "companies");

      /* The companies, then the total (id null) */
      g_assert_cmpuint (json_array_get_length (companies), ==, json_array_get_length (result_companies) + 1);
      for (guint c = 0; c < json_array_get_length (companies); c++)
        {
          JsonObject *row = json_array_get_object_element (companies, c);
          JsonObject *metrics = json_object_get_object_member (row, "metrics");
          gboolean total = c == json_array_get_length (result_companies);
          JsonObject *expected = total ? json_object_get_object_member (r, "total")
                                       : json_array_get_object_element (result_companies, c);

          if (total)
            {
              g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (row, "id")));
              g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (row, "name")));
            }
          else
            {
              g_assert_cmpstr (json_object_get_string_member (row, "id"), ==,
                               json_object_get_string_member (expected, "id"));
              g_assert_cmpstr (json_object_get_string_member (row, "name"), ==,
                               json_object_get_string_member (expected, "name"));
            }

          for (guint m = 0; m < G_N_ELEMENTS (metric_keys); m++)
            {
              JsonObject *metric = json_object_get_object_member (metrics, metric_keys[m]);
              JsonArray *values = json_object_get_array_member (metric, "values");
              JsonArray *diffs = json_object_get_array_member (metric, "diff");
              JsonArray *fractions = json_object_get_array_member (metric, "diff_fraction");
              double value = get_number (json_array_get_element (values, s));
              double base = get_number (json_array_get_element (values, 0));
              double diff = get_number (json_array_get_element (diffs, s));
              double fraction = get_number (json_array_get_element (fractions, s));

              /* Exactly what recalc computes */
              assert_equal_number (value, get_number (json_object_get_member (expected, result_keys[m])));
              if (isnan (value) || isnan (base))
                g_assert_true (isnan (diff) && isnan (fraction));
              else
                {
                  assert_same_number (diff, value - base);
                  if (base != 0)
                    assert_same_number (fraction, (value - base) / fabs (base));
                }
            }
        }
    }
}

static void
test_compare_hand_set (void)
{
  g_autofree char *doc = new_worked_example ("compare.bk");

  scenario_add (doc, "Dear tokens");
  scenario_set (doc, "Dear tokens", "price_per_mtok", "3");
  scenario_add (doc, "Idle");
  scenario_set (doc, "Idle", "utilization", "40%");
  scenario_set (doc, "Idle", "discount_rate", "0.12");

  assert_compare_matches_recalc (doc);

  /* A dearer token earns more: positive difference */
  {
    g_autoptr(Run) run = run_cli ("compare", doc, "--json");
    g_autoptr(JsonNode) root = parse_json (run->out);
    JsonArray *companies = json_object_get_array_member (json_node_get_object (root), "companies");
    JsonObject *total = json_array_get_object_element (companies, 1);
    JsonObject *npv = json_object_get_object_member (json_object_get_object_member (total, "metrics"), "npv");

    g_assert_cmpfloat (get_number (json_array_get_element (json_object_get_array_member (npv, "diff"), 1)), >, 0);
    g_assert_cmpfloat (get_number (json_array_get_element (json_object_get_array_member (npv, "diff"), 0)), ==, 0);
  }

  /* The table names the company, the total and the scenarios */
  {
    g_autoptr(Run) run = run_cli ("compare", doc);

    assert_success (run);
    g_assert_nonnull (strstr (run->out, "Acme Cloud"));
    g_assert_nonnull (strstr (run->out, "All companies"));
    g_assert_nonnull (strstr (run->out, "Dear tokens"));
    g_assert_nonnull (strstr (run->out, "Idle"));
    g_assert_nonnull (strstr (run->out, "NPV (US$ B)"));
    g_assert_nonnull (strstr (run->out, "Discounted payback"));
  }
}

static void
test_compare_sample (void)
{
  g_autofree char *doc = new_sample ("compare-sample.bk");
  g_autoptr(Run) run = NULL;

  assert_compare_matches_recalc (doc);

  run = run_cli ("compare", doc);
  assert_success (run);
  g_assert_nonnull (strstr (run->out, "Microsoft"));
  g_assert_nonnull (strstr (run->out, "Bull — demand keeps compounding"));

  assert_rejected (doc, 2, "Too many", "compare", doc, "extra");
  assert_rejected (doc, 1, "No such file", "compare", "missing.bk");
}

/* ---------------------------------------------------------------------- */
/* sensitivity                                                             */

/* Every bar's metric at low and high equals a recalculation with the
 * driver set to that value, and the bars are sorted by swing; so the
 * ranking is the one plain recalculations give. */
static void
test_sensitivity_ranking (void)
{
  g_autofree char *doc = new_worked_example ("sensitivity.bk");
  g_autoptr(Run) run = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *bars;
  double previous = INFINITY;
  gboolean found_tax = FALSE;

  /* No tax: ±20 % of nothing moves nothing, so tax_rate ranks below every
   * driver that moves NPV */
  scenario_set (doc, "Base", "tax_rate", "0");
  scenario_add (doc, "Probe");

  run = run_cli ("sensitivity", doc, "--json");
  assert_success (run);
  root = parse_json (run->out);
  bars = json_node_get_array (root);
  /* Every driver but extra_years */
  g_assert_cmpuint (json_array_get_length (bars), ==, 18);

  for (guint i = 0; i < json_array_get_length (bars); i++)
    {
      JsonObject *bar = json_array_get_object_element (bars, i);
      const char *key = json_object_get_string_member (bar, "driver");
      double low = json_object_get_double_member (bar, "low_value");
      double high = json_object_get_double_member (bar, "high_value");
      double at_low = get_number (json_object_get_member (bar, "metric_at_low"));
      double at_high = get_number (json_object_get_member (bar, "metric_at_high"));
      double swing = fabs (at_high - at_low);
      g_autofree char *low_text = number_text (low);
      g_autofree char *high_text = number_text (high);

      g_assert_cmpstr (key, !=, "extra_years");
      g_assert_cmpfloat (low, <=, high);

      /* Sorted by swing, largest first */
      if (!isnan (swing))
        {
          g_assert_cmpfloat (swing, <=, previous);
          previous = swing;
        }

      if (strcmp (key, "tax_rate") == 0)
        {
          found_tax = TRUE;
          g_assert_cmpfloat (swing, ==, 0);
        }
      else if (strcmp (key, "price_per_mtok") == 0)
        {
          /* ±20 % of the worked example's 2.0 */
          g_assert_cmpfloat_with_epsilon (low, 1.6, 1e-12);
          g_assert_cmpfloat_with_epsilon (high, 2.4, 1e-12);
          g_assert_cmpfloat (swing, >, 0);
        }

      scenario_set (doc, "Probe", key, low_text);
      assert_same_number (at_low, recalc_total_npv (doc, "Probe"));
      scenario_set (doc, "Probe", key, high_text);
      assert_same_number (at_high, recalc_total_npv (doc, "Probe"));
      {
        g_autoptr(Run) unset = run_cli ("scenario", "unset", doc, "Probe", key);

        assert_ok (unset);
      }
    }
  g_assert_true (found_tax);
}

static void
test_sensitivity_options (void)
{
  g_autofree char *doc = new_sample ("sensitivity-sample.bk");

  /* A company's ROI in a scenario, a wider swing: the text table */
  {
    g_autoptr(Run) run = run_cli ("sensitivity", doc, "--metric", "roi", "--company", "msft",
                                  "--scenario", "Bull — demand keeps compounding", "--swing", "0.3");

    assert_success (run);
    g_assert_nonnull (strstr (run->out, "Microsoft"));
    g_assert_nonnull (strstr (run->out, "price_per_mtok"));
    g_assert_nonnull (strstr (run->out, "±30%"));
  }

  /* A larger swing moves price_per_mtok further */
  {
    g_autoptr(Run) narrow = run_cli ("sensitivity", doc, "--json", "--swing", "10%");
    g_autoptr(Run) wide = run_cli ("sensitivity", doc, "--json", "--swing", "0.4");
    g_autoptr(JsonNode) a = parse_json (narrow->out);
    g_autoptr(JsonNode) b = parse_json (wide->out);
    double low_a = NAN, low_b = NAN;

    for (guint i = 0; i < 18; i++)
      {
        JsonObject *bar_a = json_array_get_object_element (json_node_get_array (a), i);
        JsonObject *bar_b = json_array_get_object_element (json_node_get_array (b), i);

        if (strcmp (json_object_get_string_member (bar_a, "driver"), "price_per_mtok") == 0)
          low_a = json_object_get_double_member (bar_a, "low_value");
        if (strcmp (json_object_get_string_member (bar_b, "driver"), "price_per_mtok") == 0)
          low_b = json_object_get_double_member (bar_b, "low_value");
      }
    g_assert_cmpfloat (low_b, <, low_a);
  }

  assert_rejected (doc, 1, "swing", "sensitivity", doc, "--swing", "0");
  assert_rejected (doc, 1, "swing", "sensitivity", doc, "--swing", "1.5");
  assert_rejected (doc, 1, "not a number", "sensitivity", doc, "--swing", "wide");
  assert_rejected (doc, 1, "Unknown metric", "sensitivity", doc, "--metric", "ebitda");
  assert_rejected (doc, 1, "Unknown company", "sensitivity", doc, "--company", "nope");
  assert_rejected (doc, 1, "Unknown scenario", "sensitivity", doc, "--scenario", "Nope");
  assert_rejected (doc, 2, "Unknown option", "sensitivity", doc, "--driver", "pue");
}

/* ---------------------------------------------------------------------- */
/* goal-seek                                                               */

static double
parse_answer (Run *run)
{
  char *end = NULL;
  double value;

  assert_success (run);
  /* The value alone on one line */
  g_assert_true (g_str_has_suffix (run->out, "\n"));
  g_assert_null (strchr (run->out, ' '));
  value = g_ascii_strtod (run->out, &end);
  g_assert_cmpstr (end, ==, "\n");

  return value;
}

static void
test_goal_seek_sample (void)
{
  g_autofree char *doc = new_sample ("goal.bk");
  g_autofree char *before = export_json (doc);
  g_autofree char *after = NULL;
  g_autofree char *price_text = NULL;
  double price;

  /* The token price at which the total NPV is 0 */
  {
    g_autoptr(Run) run = run_cli ("goal-seek", doc, "--metric", "npv", "--target", "0",
                                  "--vary", "price_per_mtok");

    price = parse_answer (run);
    g_assert_cmpfloat (price, >, 0);
    price_text = g_strndup (run->out, run->out_len - 1);
  }
  after = export_json (doc);
  g_assert_cmpstr (after, ==, before);

  /* Fed back as printed, it gives NPV 0 */
  scenario_add (doc, "At breakeven");
  scenario_set (doc, "At breakeven", "price_per_mtok", price_text);
  g_assert_cmpfloat (fabs (recalc_total_npv (doc, "At breakeven")), <, 1e-6);

  /* --apply in a named scenario: its workbook-level value */
  {
    g_autoptr(Run) run = run_cli ("goal-seek", doc, "--metric", "npv", "--target", "-1400",
                                  "--vary", "utilization", "--scenario", "FOMO CapEx", "--apply");
    double utilization = parse_answer (run);
    g_autoptr(JsonNode) root = export_tree (doc);
    JsonArray *scenarios = json_object_get_array_member (json_node_get_object (root), "scenarios");
    JsonObject *fomo = json_array_get_object_element (scenarios, 2);

    g_assert_cmpfloat (fabs (recalc_total_npv (doc, "FOMO CapEx") + 1400), <, 1e-6);
    g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (fomo, "assumptions"),
                                                      "utilization"), ==, utilization);
  }

  /* One undo step takes it back */
  {
    g_autoptr(Run) undo = run_cli ("undo", doc);
    g_autoptr(JsonNode) root = NULL;
    JsonObject *fomo;

    assert_ok (undo);
    root = export_tree (doc);
    fomo = json_array_get_object_element (json_object_get_array_member (json_node_get_object (root),
                                                                        "scenarios"), 2);
    g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (fomo, "assumptions"),
                                                      "utilization"), ==, 0.5);
  }

  /* --apply in Base sets the workbook's value */
  {
    g_autoptr(Run) run = run_cli ("goal-seek", doc, "--metric", "roi", "--target", "0",
                                  "--vary", "price_per_mtok", "--company", "msft", "--apply");
    g_autoptr(JsonNode) results = NULL;
    double value = parse_answer (run);
    JsonObject *msft;

    results = recalc (doc, "Base");
    msft = json_array_get_object_element (json_object_get_array_member (json_node_get_object (results),
                                                                        "companies"), 0);
    g_assert_cmpstr (json_object_get_string_member (msft, "id"), ==, "msft");
    g_assert_cmpfloat (fabs (json_object_get_double_member (msft, "roi")), <, 1e-6);
    {
      /* With --company: that company's value, the workbook's stays */
      g_autoptr(JsonNode) root = export_tree (doc);
      JsonObject *object = json_node_get_object (root);
      JsonObject *assumptions = json_object_get_object_member (object, "assumptions");
      JsonObject *companies = json_object_get_object_member (object, "company_assumptions");

      g_assert_cmpfloat (json_object_get_double_member (assumptions, "price_per_mtok"), ==, 3.4);
      g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (companies, "msft"),
                                                        "price_per_mtok"), ==, value);
    }
  }

  /* No solution, and the rejections */
  assert_rejected (doc, 1, "reaches the target", "goal-seek", doc, "--metric", "npv",
                   "--target", "1e6", "--vary", "utilization", "--apply");
  assert_rejected (doc, 1, "Unknown driver", "goal-seek", doc, "--metric", "npv",
                   "--target", "0", "--vary", "gpu_magic");
  assert_rejected (doc, 1, "extra_years", "goal-seek", doc, "--metric", "npv",
                   "--target", "0", "--vary", "extra_years", "--apply");
  assert_rejected (doc, 1, "Unknown metric", "goal-seek", doc, "--metric", "ebitda",
                   "--target", "0", "--vary", "pue");
  assert_rejected (doc, 1, "not a number", "goal-seek", doc, "--metric", "npv",
                   "--target", "zero", "--vary", "pue");
  assert_rejected (doc, 1, "Unknown company", "goal-seek", doc, "--metric", "npv",
                   "--target", "0", "--vary", "pue", "--company", "nope");
  assert_rejected (doc, 1, "Unknown scenario", "goal-seek", doc, "--metric", "npv",
                   "--target", "0", "--vary", "pue", "--scenario", "Nope", "--apply");
  assert_rejected (doc, 2, "--target", "goal-seek", doc, "--metric", "npv", "--vary", "pue");
  assert_rejected (doc, 2, "--vary", "goal-seek", doc, "--metric", "npv", "--target", "0");
}

static void
test_goal_seek_worked_example (void)
{
  g_autofree char *doc = new_worked_example ("goal-worked.bk");
  g_autoptr(Run) run = run_cli ("goal-seek", doc, "--metric", "npv", "--target", "1.5",
                                "--vary", "tokens_per_joule", "--company", "acme", "--apply");
  double value = parse_answer (run);
  g_autoptr(JsonNode) results = recalc (doc, "Base");
  JsonObject *acme = json_array_get_object_element (json_object_get_array_member (json_node_get_object (results),
                                                                                  "companies"), 0);

  g_assert_cmpfloat (value, >, 0);
  g_assert_cmpfloat (fabs (json_object_get_double_member (acme, "npv") - 1.5), <, 1e-6);
}

/* --apply where companies have their own value of the driver: a
 * recalculation still reaches the target, and one undo takes it all back */
static void
test_goal_seek_apply_overrides (void)
{
  static const char * const scenarios[] = { "Base", "Bear — short GPU life, price war" };
  g_autofree char *doc = new_sample ("goal-overrides.bk");

  {
    g_autoptr(Run) base = run_cli ("scenario", "set", doc, "Base", "price_per_mtok", "4.5", "--company", "msft");
    g_autoptr(Run) bear = run_cli ("scenario", "set", doc, scenarios[1], "price_per_mtok", "2.5", "--company", "googl");

    assert_ok (base);
    assert_ok (bear);
  }

  for (guint i = 0; i < G_N_ELEMENTS (scenarios); i++)
    {
      g_autofree char *before = export_json (doc);
      g_autofree char *after = NULL;
      double npv = recalc_total_npv (doc, scenarios[i]);

      g_assert_cmpfloat (fabs (npv), >, 1);
      {
        g_autoptr(Run) run = run_cli ("goal-seek", doc, "--metric", "npv", "--target", "0",
                                      "--vary", "price_per_mtok", "--scenario", scenarios[i], "--apply");

        parse_answer (run);
      }
      g_assert_cmpfloat (fabs (recalc_total_npv (doc, scenarios[i])), <, 1e-6 * fabs (npv));

      {
        g_autoptr(Run) undo = run_cli ("undo", doc);

        assert_ok (undo);
      }
      after = export_json (doc);
      g_assert_cmpstr (after, ==, before);
    }
}

/* ---------------------------------------------------------------------- */
/* map                                                                     */

static double *
axis_values (JsonObject *root,
             const char *name,
             const char *key,
             guint      *n)
{
  JsonObject *axis = json_object_get_object_member (root, name);
  JsonArray *values = json_object_get_array_member (axis, "values");
  double *out = g_new (double, json_array_get_length (values));

  g_assert_cmpstr (json_object_get_string_member (axis, "key"), ==, key);
  *n = json_array_get_length (values);
  for (guint i = 0; i < *n; i++)
    out[i] = json_array_get_double_element (values, i);

  return out;
}

/* TRUE when @v lies between @a and @b (either order) */
static gboolean
between (double v,
         double a,
         double b)
{
  double eps = 1e-9 * MAX (1.0, MAX (fabs (a), fabs (b)));

  return v >= MIN (a, b) - eps && v <= MAX (a, b) + eps;
}

static void
test_map (void)
{
  g_autofree char *doc = new_sample ("map.bk");
  g_autoptr(Run) run = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree double *xs = NULL;
  g_autofree double *ys = NULL;
  JsonObject *root;
  JsonArray *grid;
  JsonArray *contour;
  JsonArray *current;
  guint nx, ny;

  run = run_cli ("map", doc, "--x", "price_per_mtok", "--y", "utilization", "--x-range", "1:8",
                 "--y-range", "40%:0.9", "--steps", "4", "--json");
  assert_success (run);
  node = parse_json (run->out);
  root = json_node_get_object (node);
  xs = axis_values (root, "x", "price_per_mtok", &nx);
  ys = axis_values (root, "y", "utilization", &ny);
  g_assert_cmpuint (nx, ==, 4);
  g_assert_cmpuint (ny, ==, 4);
  g_assert_cmpfloat (xs[0], ==, 1);
  g_assert_cmpfloat (xs[3], ==, 8);
  g_assert_cmpfloat (ys[0], ==, 0.4);
  g_assert_cmpfloat (ys[3], ==, 0.9);
  g_assert_cmpstr (json_object_get_string_member (root, "metric"), ==, "npv");
  g_assert_cmpfloat (json_object_get_double_member (root, "target"), ==, 0);
  current = json_object_get_array_member (root, "current");
  g_assert_cmpfloat (json_array_get_double_element (current, 0), ==, 3.4);
  g_assert_cmpfloat (json_array_get_double_element (current, 1), ==, 0.7);

  /* Each grid point is a recalculation with both drivers set */
  grid = json_object_get_array_member (root, "grid");
  g_assert_cmpuint (json_array_get_length (grid), ==, ny);
  scenario_add (doc, "Point");
  for (guint j = 0; j < ny; j++)
    {
      JsonArray *row = json_array_get_array_element (grid, j);
      g_autofree char *y = number_text (ys[j]);

      g_assert_cmpuint (json_array_get_length (row), ==, nx);
      scenario_set (doc, "Point", "utilization", y);
      for (guint i = 0; i < nx; i++)
        {
          g_autofree char *x = number_text (xs[i]);

          scenario_set (doc, "Point", "price_per_mtok", x);
          assert_same_number (get_number (json_array_get_element (row, i)), recalc_total_npv (doc, "Point"));
        }
    }

  /* The contour lies on cell edges where the grid crosses 0, at the
   * linear interpolation between the edge's ends */
  contour = json_object_get_array_member (root, "contour");
  g_assert_cmpuint (json_array_get_length (contour), >, 0);
  for (guint k = 0; k < json_array_get_length (contour); k++)
    {
      JsonArray *point = json_array_get_array_element (contour, k);
      double px = json_array_get_double_element (point, 0);
      double py = json_array_get_double_element (point, 1);
      gboolean on_edge = FALSE;

      for (guint j = 0; j < ny; j++)
        for (guint i = 0; i < nx; i++)
          {
            double g = get_number (json_array_get_element (json_array_get_array_element (grid, j), i));

            /* A horizontal edge: y = ys[j], x between xs[i] and xs[i + 1] */
            if (i + 1 < nx && py == ys[j])
              {
                double h = get_number (json_array_get_element (json_array_get_array_element (grid, j), i + 1));

                if (between (0, g, h) && between (px, xs[i], xs[i + 1]) && g != h)
                  {
                    double expected = xs[i] + (xs[i + 1] - xs[i]) * (0 - g) / (h - g);

                    g_assert_cmpfloat_with_epsilon (px, expected, 1e-9 * MAX (1.0, fabs (expected)));
                    on_edge = TRUE;
                  }
              }
            /* A vertical edge: x = xs[i], y between ys[j] and ys[j + 1] */
            if (j + 1 < ny && px == xs[i])
              {
                double v = get_number (json_array_get_element (json_array_get_array_element (grid, j + 1), i));

                if (between (0, g, v) && between (py, ys[j], ys[j + 1]) && g != v)
                  {
                    double expected = ys[j] + (ys[j + 1] - ys[j]) * (0 - g) / (v - g);

                    g_assert_cmpfloat_with_epsilon (py, expected, 1e-9 * MAX (1.0, fabs (expected)));
                    on_edge = TRUE;
                  }
              }
          }
      g_assert_true (on_edge);
    }

  /* The summary names the drivers and lists the contour */
  {
    g_autoptr(Run) text = run_cli ("map", doc, "--x", "price_per_mtok", "--y", "utilization",
                                   "--x-range", "1:8", "--steps", "5");

    assert_success (text);
    g_assert_nonnull (strstr (text->out, "price_per_mtok"));
    g_assert_nonnull (strstr (text->out, "utilization"));
    g_assert_nonnull (strstr (text->out, "contour"));
  }
}

static void
test_map_options (void)
{
  g_autofree char *doc = new_worked_example ("map-worked.bk");

  /* Default ranges and steps, a company, another metric and target */
  {
    g_autoptr(Run) run = run_cli ("map", doc, "--x", "tokens_per_joule", "--y", "discount_rate",
                                  "--metric", "roi", "--target", "10%", "--company", "acme", "--json");
    g_autoptr(JsonNode) node = NULL;
    JsonObject *root;

    assert_success (run);
    node = parse_json (run->out);
    root = json_node_get_object (node);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "grid")), ==, 21);
    g_assert_cmpstr (json_object_get_string_member (root, "metric"), ==, "roi");
    g_assert_cmpstr (json_object_get_string_member (root, "company"), ==, "acme");
    g_assert_cmpfloat (json_object_get_double_member (root, "target"), ==, 0.1);
  }

  assert_rejected (doc, 1, "Unknown driver", "map", doc, "--x", "gpu_magic", "--y", "pue");
  assert_rejected (doc, 1, "extra_years", "map", doc, "--x", "extra_years", "--y", "pue");
  assert_rejected (doc, 1, "different", "map", doc, "--x", "pue", "--y", "pue");
  assert_rejected (doc, 1, "LOW", "map", doc, "--x", "pue", "--y", "utilization", "--x-range", "1.5:1.2");
  assert_rejected (doc, 1, "LOW", "map", doc, "--x", "pue", "--y", "utilization", "--x-range", "1.2:1.2");
  assert_rejected (doc, 1, "out of range", "map", doc, "--x", "pue", "--y", "utilization",
                   "--y-range", "0.5:1.5");
  assert_rejected (doc, 1, "not a number", "map", doc, "--x", "pue", "--y", "utilization",
                   "--y-range", "low:high");
  assert_rejected (doc, 1, "not a range", "map", doc, "--x", "pue", "--y", "utilization",
                   "--x-range", "1.2");
  assert_rejected (doc, 1, "--steps", "map", doc, "--x", "pue", "--y", "utilization", "--steps", "1");
  assert_rejected (doc, 1, "--steps", "map", doc, "--x", "pue", "--y", "utilization", "--steps", "501");
  assert_rejected (doc, 1, "--steps", "map", doc, "--x", "pue", "--y", "utilization", "--steps", "many");
  assert_rejected (doc, 1, "Unknown metric", "map", doc, "--x", "pue", "--y", "utilization",
                   "--metric", "ebitda");
  assert_rejected (doc, 1, "not a number", "map", doc, "--x", "pue", "--y", "utilization",
                   "--target", "zero");
  assert_rejected (doc, 1, "Unknown company", "map", doc, "--x", "pue", "--y", "utilization",
                   "--company", "nope");
  assert_rejected (doc, 1, "Unknown scenario", "map", doc, "--x", "pue", "--y", "utilization",
                   "--scenario", "Nope");
  assert_rejected (doc, 2, "--x and --y", "map", doc, "--x", "pue");
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  tmp_dir = g_dir_make_tmp ("test-cli-analysis-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/cli/analysis/help", test_help);
  g_test_add_func ("/cli/scenario/manage", test_scenario_manage);
  g_test_add_func ("/cli/scenario/set", test_scenario_set);
  g_test_add_func ("/cli/compare/hand-set", test_compare_hand_set);
  g_test_add_func ("/cli/compare/sample", test_compare_sample);
  g_test_add_func ("/cli/sensitivity/ranking", test_sensitivity_ranking);
  g_test_add_func ("/cli/sensitivity/options", test_sensitivity_options);
  g_test_add_func ("/cli/goal-seek/sample", test_goal_seek_sample);
  g_test_add_func ("/cli/goal-seek/worked-example", test_goal_seek_worked_example);
  g_test_add_func ("/cli/goal-seek/apply-overrides", test_goal_seek_apply_overrides);
  g_test_add_func ("/cli/map/grid-and-contour", test_map);
  g_test_add_func ("/cli/map/options", test_map_options);

  status = g_test_run ();

  {
    g_autoptr(GFile) dir = g_file_new_for_path (tmp_dir);
    g_autoptr(GFileEnumerator) children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                     G_FILE_QUERY_INFO_NONE, NULL, NULL);
    GFileInfo *info;

    while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
      {
        g_autoptr(GFile) child = g_file_get_child (dir, g_file_info_get_name (info));

        g_file_delete (child, NULL, NULL);
        g_object_unref (info);
      }
    g_file_delete (dir, NULL, NULL);
  }
  g_free (tmp_dir);

  return status;
}
