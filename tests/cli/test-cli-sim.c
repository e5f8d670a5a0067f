/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-sim.c — breakeven-cli uncertainty and simulate, relative
 * scenario overrides through `set`, chart --kind histogram against
 * simulate's numbers, and every rejection: exit status,
 * message, and the file left byte for byte as it was */

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "bk-test-files.h"

static char *tmp_dir;

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
  const char *data = g_bytes_get_data (bytes, &size);

  return size > 0 ? g_strndup (data, size) : g_strdup ("");
}

static Run *
run_cli_v (const char **args)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) line = g_string_new ("breakeven-cli");
  Run *run = g_new0 (Run, 1);

  g_ptr_array_add (argv, (char *) CLI_PATH);
  for (guint i = 0; args[i] != NULL; i++)
    {
      g_ptr_array_add (argv, (char *) args[i]);
      g_string_append_printf (line, " '%s'", args[i]);
    }
  g_ptr_array_add (argv, NULL);
  g_test_message ("$ %s", line->str);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_cwd (launcher, tmp_dir);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
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

#define run_cli(...) run_cli_v ((const char *[]) { __VA_ARGS__, NULL })

#define assert_ok(run) \
  G_STMT_START { \
    g_assert_cmpstr ((run)->err, ==, ""); \
    g_assert_cmpint ((run)->status, ==, 0); \
  } G_STMT_END

static GBytes *
read_bytes (const char *name)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static char *
export_json (const char *doc)
{
  g_autoptr(Run) run = run_cli ("export-json", doc);

  assert_ok (run);
  return g_steal_pointer (&run->out);
}

static char *
new_document (const char *stem)
{
  static guint counter;
  char *name = g_strdup_printf ("%s-%u.breakeven", stem, ++counter);
  g_autoptr(Run) run = run_cli ("new", "--sample", name);

  assert_ok (run);
  return name;
}

/* The command fails with @status, a message that holds @needle, no output,
 * and the document stays the same, byte for byte and as JSON. */
static void
assert_refused (const char  *doc,
                int          status,
                const char  *needle,
                const char **args)
{
  g_autoptr(GBytes) before = read_bytes (doc);
  g_autofree char *json_before = export_json (doc);
  g_autoptr(GBytes) after = NULL;
  g_autofree char *json_after = NULL;
  g_autoptr(Run) run = run_cli_v (args);

  g_assert_cmpint (run->status, ==, status);
  g_assert_true (g_str_has_prefix (run->err, "breakeven-cli: "));
  if (needle != NULL && strstr (run->err, needle) == NULL)
    g_error ("“%s” is not in the message: %s", needle, run->err);
  g_assert_cmpstr (run->out, ==, "");

  after = read_bytes (doc);
  g_assert_true (g_bytes_equal (before, after));
  json_after = export_json (doc);
  g_assert_cmpstr (json_after, ==, json_before);
}

#define assert_refused_cli(doc, status, needle, ...) \
  assert_refused ((doc), (status), (needle), (const char *[]) { __VA_ARGS__, NULL })

/* ---------------------------------------------------------------------- */

static void
test_uncertainty (void)
{
  g_autofree char *doc = new_document ("uncertainty");
  g_autofree char *json = NULL;

  {
    g_autoptr(Run) run = run_cli ("uncertainty", doc, "price_decline", "0.10 to 0.60");

    assert_ok (run);
    g_assert_cmpstr (run->out, ==, "");
  }
  json = export_json (doc);
  g_assert_nonnull (strstr (json, "\"price_decline\": \"0.1 to 0.6\""));

  /* one undo step */
  {
    g_autoptr(Run) run = run_cli ("undo", doc);
    g_autofree char *undone = NULL;

    assert_ok (run);
    undone = export_json (doc);
    g_assert_null (strstr (undone, "\"price_decline\": \"0.1 to 0.6\""));
  }
  {
    g_autoptr(Run) run = run_cli ("redo", doc);
    g_autofree char *redone = NULL;

    assert_ok (run);
    redone = export_json (doc);
    g_assert_cmpstr (redone, ==, json);
  }
  {
    /* a driver the sample leaves certain: set, then removed again */
    g_autoptr(Run) run = run_cli ("uncertainty", doc, "power_price", "U(60, 100)");

    assert_ok (run);
  }
  {
    g_autoptr(Run) run = run_cli ("uncertainty", doc, "power_price", "none");
    g_autofree char *removed = NULL;

    assert_ok (run);
    removed = export_json (doc);
    g_assert_cmpstr (removed, ==, json);
  }

  assert_refused_cli (doc, 1, "no_such_driver", "uncertainty", doc, "no_such_driver", "0 to 1");
  assert_refused_cli (doc, 1, "price_decline", "uncertainty", doc, "price_decline", "0.6 to 0.1");
  assert_refused_cli (doc, 1, "utilization", "uncertainty", doc, "utilization", "N(0.5, -0.1)");
  assert_refused_cli (doc, 1, "utilization", "uncertainty", doc, "utilization", "U(0.5, 1.5)");
  assert_refused_cli (doc, 1, "extra_years", "uncertainty", doc, "extra_years", "1 to 3");
  assert_refused_cli (doc, 1, NULL, "uncertainty", doc, "price_decline", "maybe");
  assert_refused_cli (doc, 2, "Usage:", "uncertainty", doc, "price_decline");
  {
    g_autoptr(Run) run = run_cli ("uncertainty", "missing.breakeven", "price_decline", "0 to 1");

    g_assert_cmpint (run->status, ==, 1);
  }
}

static void
test_relative_set (void)
{
  g_autofree char *doc = new_document ("relative");

  {
    g_autoptr(Run) run = run_cli ("set", doc, "capex", "msft", "2027", "=base*1.3", "--scenario", "FOMO CapEx");

    assert_ok (run);
  }
  {
    g_autoptr(Run) run = run_cli ("set", doc, "capex", "msft", "2027", "100");

    assert_ok (run);
  }
  {
    g_autoptr(Run) run = run_cli ("get", doc, "capex", "msft", "2027", "--scenario", "FOMO CapEx");

    assert_ok (run);
    g_assert_cmpstr (run->out, ==, "130\n");
  }
  {
    g_autofree char *json = export_json (doc);

    g_assert_nonnull (strstr (json, "\"formula\": \"=base*1.3\""));
  }

  assert_refused_cli (doc, 1, "base", "set", doc, "capex", "msft", "2027", "=base*1.3");
}

/* The sample's drivers with an uncertainty, which @doc then loses */
static void
remove_sample_uncertainties (const char *doc)
{
  static const char * const keys[] = {
    "it_life_years", "price_decline", "utilization", "tail_growth", "price_per_mtok",
  };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autoptr(Run) run = run_cli ("uncertainty", doc, keys[i], "none");

      assert_ok (run);
    }
}

static void
test_simulate_rejections (void)
{
  g_autofree char *doc = new_document ("reject");

  /* without any uncertainty (the sample's removed) there is nothing to draw */
  remove_sample_uncertainties (doc);
  assert_refused_cli (doc, 1, "uncertainty", "simulate", doc, "--trials", "100");

  {
    g_autoptr(Run) run = run_cli ("uncertainty", doc, "price_decline", "0.1 to 0.6");

    assert_ok (run);
  }

  assert_refused_cli (doc, 2, "--trials", "simulate", doc);
  assert_refused_cli (doc, 1, "--trials", "simulate", doc, "--trials", "0");
  assert_refused_cli (doc, 1, "--trials", "simulate", doc, "--trials", "-5");
  assert_refused_cli (doc, 1, "--trials", "simulate", doc, "--trials", "many");
  assert_refused_cli (doc, 1, "--trials", "simulate", doc, "--trials", "10000001");
  assert_refused_cli (doc, 1, "--seed", "simulate", doc, "--trials", "10", "--seed", "-1");
  assert_refused_cli (doc, 1, "--seed", "simulate", doc, "--trials", "10", "--seed", "seven");
  assert_refused_cli (doc, 1, "--threads", "simulate", doc, "--trials", "10", "--threads", "0");
  assert_refused_cli (doc, 1, "--threads", "simulate", doc, "--trials", "10", "--threads", "-2");
  assert_refused_cli (doc, 1, "--threads", "simulate", doc, "--trials", "10", "--threads", "65");
  assert_refused_cli (doc, 1, "nosuch", "simulate", doc, "--trials", "10", "--company", "nosuch");
  assert_refused_cli (doc, 1, "Nowhere", "simulate", doc, "--trials", "10", "--scenario", "Nowhere");
}

static JsonObject *
parse_object (const char *text,
              JsonParser *parser)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static void
test_simulate (void)
{
  static const char * const percentiles[] = { "p5", "p25", "p50", "p75", "p95" };
  g_autofree char *doc = new_document ("simulate");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  JsonObject *root, *npv, *fan;
  JsonArray *histogram, *periods;
  gint64 total = 0;

  {
    g_autoptr(Run) a = run_cli ("uncertainty", doc, "price_decline", "0.1 to 0.6");
    g_autoptr(Run) b = run_cli ("uncertainty", doc, "utilization", "N(0.7, 0.1)");

    assert_ok (a);
    assert_ok (b);
  }
  before = read_bytes (doc);

  /* the same seed: the same text and JSON on 1 and 2 threads */
  {
    g_autoptr(Run) one = run_cli ("simulate", doc, "--trials", "10000", "--seed", "7", "--threads", "1");
    g_autoptr(Run) two = run_cli ("simulate", doc, "--trials", "10000", "--seed", "7", "--threads", "2");
    g_autoptr(Run) other = run_cli ("simulate", doc, "--trials", "10000", "--seed", "8", "--threads", "2");

    assert_ok (one);
    assert_ok (two);
    assert_ok (other);
    g_assert_cmpstr (one->out, ==, two->out);
    g_assert_cmpstr (one->out, !=, other->out);
    g_assert_nonnull (strstr (one->out, "10000"));
    g_assert_nonnull (strstr (one->out, "price_decline  0.1 to 0.6"));
  }
  {
    g_autoptr(Run) one = run_cli ("simulate", doc, "--trials", "10000", "--seed", "7", "--threads", "1", "--json");
    g_autoptr(Run) two = run_cli ("simulate", "--json", doc, "--threads=2", "--seed=7", "--trials=10000");

    assert_ok (one);
    assert_ok (two);
    g_assert_cmpstr (one->out, ==, two->out);

    root = parse_object (one->out, parser);
    g_assert_cmpint (json_object_get_int_member (root, "trials"), ==, 10000);
    g_assert_cmpint (json_object_get_int_member (root, "seed"), ==, 7);
    g_assert_true (json_object_get_null_member (root, "company"));
    g_assert_cmpstr (json_object_get_string_member (root, "scenario"), ==, "Base");

    npv = json_object_get_object_member (root, "npv");
    g_assert_true (json_object_has_member (npv, "mean"));
    g_assert_cmpfloat (json_object_get_double_member (npv, "sd"), >, 0);
    for (guint p = 1; p < G_N_ELEMENTS (percentiles); p++)
      g_assert_cmpfloat (json_object_get_double_member (npv, percentiles[p - 1]), <=,
                         json_object_get_double_member (npv, percentiles[p]));
    g_assert_cmpfloat (json_object_get_double_member (npv, "prob_positive"), >=, 0);
    g_assert_cmpfloat (json_object_get_double_member (npv, "prob_positive"), <=, 1);

    histogram = json_object_get_array_member (root, "histogram");
    g_assert_cmpuint (json_array_get_length (histogram), >, 1);
    for (guint b = 0; b < json_array_get_length (histogram); b++)
      {
        JsonObject *bin = json_array_get_object_element (histogram, b);

        g_assert_cmpfloat (json_object_get_double_member (bin, "from"), <, json_object_get_double_member (bin, "to"));
        total += json_object_get_int_member (bin, "count");
      }
    g_assert_cmpint (total, ==, 10000);

    fan = json_object_get_object_member (root, "cum_fcf");
    periods = json_object_get_array_member (fan, "periods");
    g_assert_cmpstr (json_array_get_string_element (periods, 0), ==, "2023");
    g_assert_cmpuint (json_array_get_length (periods), >, 5);
    for (guint p = 0; p < G_N_ELEMENTS (percentiles); p++)
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (fan, percentiles[p])), ==,
                        json_array_get_length (periods));
  }

  /* one company, another scenario */
  {
    g_autoptr(Run) run = run_cli ("simulate", doc, "--trials", "200", "--company", "MSFT",
                                  "--scenario", "FOMO CapEx", "--json");
    g_autoptr(JsonParser) company_parser = json_parser_new ();

    assert_ok (run);
    root = parse_object (run->out, company_parser);
    g_assert_cmpstr (json_object_get_string_member (root, "company"), ==, "msft");
    g_assert_cmpstr (json_object_get_string_member (root, "scenario"), ==, "FOMO CapEx");
  }

  /* a zero-width uncertainty at the current value: every trial is the
   * deterministic result, exactly */
  {
    g_autofree char *flat = new_document ("flat");
    g_autoptr(Run) set = NULL;
    g_autoptr(Run) run = NULL;
    g_autoptr(JsonParser) flat_parser = json_parser_new ();
    g_autofree char *spec = NULL;
    g_autofree char *json = export_json (flat);
    g_autoptr(JsonParser) wb_parser = json_parser_new ();
    JsonObject *assumptions = json_object_get_object_member (parse_object (json, wb_parser), "assumptions");
    double current = json_object_has_member (assumptions, "utilization")
      ? json_object_get_double_member (assumptions, "utilization") : 0.7;
    char buf[G_ASCII_DTOSTR_BUF_SIZE];

    remove_sample_uncertainties (flat);
    g_ascii_dtostr (buf, sizeof buf, current);
    spec = g_strdup_printf ("U(%s, %s)", buf, buf);
    set = run_cli ("uncertainty", flat, "utilization", spec);
    assert_ok (set);
    run = run_cli ("simulate", flat, "--trials", "50", "--json");
    assert_ok (run);
    root = parse_object (run->out, flat_parser);
    npv = json_object_get_object_member (root, "npv");
    for (guint p = 0; p < G_N_ELEMENTS (percentiles); p++)
      g_assert_cmpfloat (json_object_get_double_member (npv, percentiles[p]), ==,
                         json_object_get_double_member (root, "deterministic_npv"));
    g_assert_cmpfloat (json_object_get_double_member (npv, "prob_positive"), ==,
                       json_object_get_double_member (root, "deterministic_npv") > 0 ? 1 : 0);
  }

  /* simulating never changes the file */
  after = read_bytes (doc);
  g_assert_true (g_bytes_equal (before, after));
}

/* pdftotext -layout of @name in tmp_dir: poppler-utils must be there
 * (build-aux/deps.sh installs it); missing is a failure, never a skip */
static char *
pdf_text (const char *name)
{
  g_autofree char *program = g_find_program_in_path ("pdftotext");
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status = 0;

  if (program == NULL)
    g_error ("pdftotext is needed to read the charts; install poppler-utils");
  g_spawn_sync (NULL, (char *[]) { program, (char *) "-layout", path, (char *) "-", NULL }, NULL,
                G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

/* The largest of the lines of @text that are a whole number alone (the
 * value axis's ticks; grouping commas allowed), 0 if none */
static guint64
largest_tick (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint64 largest = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GString) digits = g_string_new (NULL);
      gboolean number = TRUE;

      for (const char *c = lines[i]; *c != '\0' && number; c++)
        if (g_ascii_isdigit (*c))
          g_string_append_c (digits, *c);
        else if (*c != ',' && *c != ' ')
          number = FALSE;
      if (number && digits->len > 0)
        largest = MAX (largest, g_ascii_strtoull (digits->str, NULL, 10));
    }
  return largest;
}

/* chart --kind histogram draws what simulate prints for the same seed and
 * trials: the workbook's uncertainties, not the deterministic NPV alone
 * (which once gave one bar of every trial at the Base NPV); and without
 * any uncertainty it is refused as simulate is */
static void
test_chart_matches_simulate (void)
{
  g_autofree char *doc = new_document ("chart");
  g_autofree char *flat = new_document ("chart-flat");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(Run) sim = run_cli ("simulate", doc, "--trials", "2000", "--seed", "7", "--json");
  g_autoptr(Run) chart = run_cli ("chart", doc, "--kind", "histogram", "--trials", "2000",
                                  "--seed", "7", "-o", "histogram.pdf");
  g_autofree char *text = NULL;
  JsonObject *root;
  JsonArray *bins;
  guint64 most = 0, top;

  assert_ok (sim);
  assert_ok (chart);
  root = parse_object (sim->out, parser);
  bins = json_object_get_array_member (root, "histogram");
  g_assert_cmpuint (json_array_get_length (bins), >, 1);
  for (guint b = 0; b < json_array_get_length (bins); b++)
    most = MAX (most, (guint64) json_object_get_int_member (json_array_get_object_element (bins, b), "count"));
  g_assert_cmpuint (most, <, 2000);

  /* The count axis ends at the first nice tick above the fullest bin of
   * simulate's histogram, not at the trials of one bar */
  text = pdf_text ("histogram.pdf");
  top = largest_tick (text);
  g_test_message ("fullest bin %" G_GUINT64_FORMAT ", top tick %" G_GUINT64_FORMAT, most, top);
  g_assert_cmpuint (top, >=, most);
  g_assert_cmpuint (top, <, 2 * most);

  /* No uncertainty: refused, with the same reason, and nothing written */
  remove_sample_uncertainties (flat);
  assert_refused_cli (flat, 1, "uncertainty", "chart", flat, "--kind", "histogram", "-o", "flat.pdf");
  assert_refused_cli (flat, 1, "uncertainty", "chart", flat, "--kind", "fan", "-o", "flat.pdf");
  {
    g_autofree char *path = g_build_filename (tmp_dir, "flat.pdf", NULL);

    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("bk-test-cli-sim-XXXXXX", NULL);

  g_test_add_func ("/cli-sim/uncertainty", test_uncertainty);
  g_test_add_func ("/cli-sim/relative-set", test_relative_set);
  g_test_add_func ("/cli-sim/simulate-rejections", test_simulate_rejections);
  g_test_add_func ("/cli-sim/simulate", test_simulate);
  g_test_add_func ("/cli-sim/chart-matches-simulate", test_chart_matches_simulate);

  status = g_test_run ();

  bk_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
