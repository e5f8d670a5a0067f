/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli.c — runs the built breakeven-cli on temporary files */

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/resource.h>

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

/* Runs breakeven-cli with the NULL-terminated arguments, in the temporary
 * folder, feeding @input (or nothing) to its standard input.  It must exit
 * normally: a crash fails the test. */
/* When not 0, the file-size limit (ulimit -f) of the next runs, in bytes */
static rlim_t file_size_limit;
/* When not NULL, NAME, VALUE, …, NULL: variables set for the next runs */
static const char * const *run_env;

static void
limit_file_size (gpointer data)
{
  struct rlimit limit = { file_size_limit, file_size_limit };

  if (file_size_limit != 0)
    setrlimit (RLIMIT_FSIZE, &limit);
}

static Run *
run_cli_v (const char  *input,
           const char **args)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GBytes) stdin_bytes = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;
  g_autoptr(GError) error = NULL;
  Run *run = g_new0 (Run, 1);
  g_autoptr(GString) line = g_string_new ("breakeven-cli");

  g_ptr_array_add (argv, (char *) CLI_PATH);
  for (guint i = 0; args[i] != NULL; i++)
    {
      g_autofree char *shown = g_utf8_make_valid (args[i], -1);

      /* The TAP log must stay valid UTF-8 even for the invalid-input cases. */
      g_ptr_array_add (argv, (char *) args[i]);
      g_string_append_printf (line, " '%s'", shown);
    }
  g_ptr_array_add (argv, NULL);
  g_test_message ("$ %s", line->str);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE
                                        | G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                        | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_cwd (launcher, tmp_dir);
  g_subprocess_launcher_set_child_setup (launcher, limit_file_size, NULL, NULL);
  for (guint i = 0; run_env != NULL && run_env[i] != NULL; i += 2)
    g_subprocess_launcher_setenv (launcher, run_env[i], run_env[i + 1], TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);

  stdin_bytes = g_bytes_new (input ? input : "", input ? strlen (input) : 0);
  g_subprocess_communicate (process, stdin_bytes, NULL, &out, &err, &error);
  g_assert_no_error (error);

  /* Never a crash, whatever the input */
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
  run->out = bytes_to_string (out);
  run->err = bytes_to_string (err);

  if (run->err[0] != '\0')
    g_test_message ("stderr: %s", run->err);
  g_test_message ("exit %d", run->status);

  return run;
}

#define run_cli(...) run_cli_v (NULL, (const char *[]) { __VA_ARGS__, NULL })
#define run_cli_input(input, ...) run_cli_v ((input), (const char *[]) { __VA_ARGS__, NULL })

/* Exit status 0 and nothing on stderr */
#define assert_ok(run) \
  G_STMT_START { \
    g_assert_cmpstr ((run)->err, ==, ""); \
    g_assert_cmpint ((run)->status, ==, 0); \
  } G_STMT_END

/* A failure: the status, a "breakeven-cli: " message and no output */
#define assert_fails(run, expected_status) \
  G_STMT_START { \
    g_assert_cmpint ((run)->status, ==, (expected_status)); \
    g_assert_true (g_str_has_prefix ((run)->err, "breakeven-cli: ")); \
    g_assert_cmpstr ((run)->out, ==, ""); \
  } G_STMT_END

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

/* A fresh file name in the temporary folder */
static char *
new_name (const char *stem,
          const char *extension)
{
  static guint counter;

  return g_strdup_printf ("%s-%u.%s", stem, ++counter, extension);
}

static gboolean
file_exists (const char *name)
{
  g_autofree char *path = tmp_path (name);

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static char *
read_file (const char *name)
{
  g_autofree char *path = tmp_path (name);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

static GBytes *
read_bytes (const char *name)
{
  g_autofree char *path = tmp_path (name);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static void
write_file (const char *name,
            const char *contents)
{
  g_autofree char *path = tmp_path (name);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

/* A document made from workbook JSON; returns its name. */
static char *
new_document (const char *json)
{
  g_autofree char *json_name = new_name ("workbook", "json");
  char *name = new_name ("doc", "breakeven");
  g_autoptr(Run) run = NULL;

  write_file (json_name, json);
  run = run_cli ("new", "--from", json_name, name);
  assert_ok (run);

  return name;
}

static char *
worked_example_json (void)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (CLI_TEST_DIR "/worked-example.json", &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

static char *
export_json (const char *document)
{
  g_autoptr(Run) run = run_cli ("export-json", document);

  assert_ok (run);
  return g_steal_pointer (&run->out);
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

static char *
get_cell (const char *document,
          const char *table,
          const char *row,
          const char *period)
{
  g_autoptr(Run) run = run_cli ("get", document, table, row, period);

  assert_ok (run);
  return g_steal_pointer (&run->out);
}

#define assert_cell(document, table, row, period, expected) \
  G_STMT_START { \
    g_autofree char *value_ = get_cell ((document), (table), (row), (period)); \
    g_assert_cmpstr (value_, ==, (expected)); \
  } G_STMT_END

/* ---------------------------------------------------------------------- */
/* Usage                                                                   */

static void
test_usage (void)
{
  static const char * const usage_errors[][8] = {
    { NULL },
    { "bogus", NULL },
    { "--bogus", NULL },
    { "get", NULL },
    { "get", "a.breakeven", "capex", "msft", NULL },
    { "get", "a.breakeven", "capex", "msft", "2024", "extra", NULL },
    { "new", "--bogus", "a.breakeven", NULL },
    { "new", "-x", "a.breakeven", NULL },
    { "new", "--force=yes", "a.breakeven", NULL },
    { "new", NULL },
    { "recalc", "a.breakeven", "--scenario", NULL },
    { "recalc", "a.breakeven", "--json", "--csv", NULL },
    { "export-json", "a.breakeven", "-o", NULL },
    { "export-csv", "a.breakeven", "nosuchtable", NULL },
    { "get", "a.breakeven", "revenue", "msft", "2024", NULL },
    { "set", "a.breakeven", "capex", "msft", "2024", NULL },
    { "undo", NULL },
    { "check", "a.breakeven", "b.breakeven", NULL },
    { "help", "bogus", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (usage_errors); i++)
    {
      g_autoptr(Run) run = run_cli_v (NULL, (const char **) usage_errors[i]);

      g_assert_cmpint (run->status, ==, 2);
      g_assert_true (g_str_has_prefix (run->err, "breakeven-cli: "));
      g_assert_nonnull (strstr (run->err, "Usage:"));
      g_assert_cmpstr (run->out, ==, "");
    }

  /* --sample and --from together: wrong usage, and no file */
  {
    g_autoptr(Run) run = run_cli ("new", "--sample", "--from", "x.json", "both.breakeven");

    g_assert_cmpint (run->status, ==, 2);
    g_assert_false (file_exists ("both.breakeven"));
  }

  /* Help goes to standard output with status 0 */
  {
    static const char * const helps[][4] = {
      { "--help", NULL },
      { "-h", NULL },
      { "help", NULL },
      { "help", "recalc", NULL },
      { "get", "--help", NULL },
      { "set", "-h", NULL },
      { "new", "x.breakeven", "--help", NULL },
    };

    for (guint i = 0; i < G_N_ELEMENTS (helps); i++)
      {
        g_autoptr(Run) run = run_cli_v (NULL, (const char **) helps[i]);

        assert_ok (run);
        g_assert_nonnull (strstr (run->out, "Usage:"));
      }
  }

  {
    g_autoptr(Run) run = run_cli ("--help");

    for (guint i = 0; i < 10; i++)
      {
        static const char * const names[] = {
          "new", "export-json", "export-csv", "import-csv", "get", "set",
          "undo", "redo", "recalc", "check",
        };

        g_assert_nonnull (strstr (run->out, names[i]));
      }
  }

  {
    g_autoptr(Run) run = run_cli ("--version");

    assert_ok (run);
    g_assert_true (g_str_has_prefix (run->out, "breakeven-cli "));
  }
}

/* ---------------------------------------------------------------------- */
/* new, export-json                                                        */

static void
test_new (void)
{
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *json = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  /* Empty */
  {
    g_autoptr(Run) run = run_cli ("new", "empty.breakeven");

    assert_ok (run);
    g_assert_cmpstr (run->out, ==, "");
    g_assert_true (file_exists ("empty.breakeven"));
  }

  json = export_json ("empty.breakeven");
  root = parse_json (json);
  object = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (object, "format"), ==, "breakeven-workbook");
  g_assert_cmpint (json_object_get_int_member (object, "version"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (object, "granularity"), ==, "year");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "companies")), ==, 0);
  g_clear_pointer (&root, json_node_unref);
  g_clear_pointer (&json, g_free);

  /* No overwriting without --force: the file stays as it was */
  before = read_bytes ("empty.breakeven");
  {
    g_autoptr(Run) run = run_cli ("new", "--sample", "empty.breakeven");

    assert_fails (run, 1);
    g_assert_nonnull (strstr (run->err, "--force"));
  }
  after = read_bytes ("empty.breakeven");
  g_assert_true (g_bytes_equal (before, after));

  /* With --force: the sample */
  {
    g_autoptr(Run) run = run_cli ("new", "--force", "--sample", "empty.breakeven");

    assert_ok (run);
  }
  json = export_json ("empty.breakeven");
  root = parse_json (json);
  object = json_node_get_object (root);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "companies")), ==, 9);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "markets")), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (object, "first_period"), ==, "2023");

  /* The sample is the same from any folder */
  {
    g_autoptr(Run) run = run_cli ("new", "--sample", "sample.breakeven");
    g_autofree char *again = NULL;

    assert_ok (run);
    again = export_json ("sample.breakeven");
    g_assert_cmpstr (again, ==, json);
  }

  /* Options after the file, "--from=" form, "-" for standard input */
  {
    g_autofree char *worked = worked_example_json ();
    g_autoptr(Run) run = run_cli_input (worked, "new", "stdin.breakeven", "--from=-");
    g_autofree char *exported = NULL;

    assert_ok (run);
    exported = export_json ("stdin.breakeven");
    g_assert_nonnull (strstr (exported, "\"acme\""));
  }
}

/* export → new --from → export gives the same JSON */
static void
test_json_round_trip (void)
{
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;

  {
    g_autoptr(Run) run = run_cli ("new", "--sample", "rt.breakeven");

    assert_ok (run);
  }

  /* Make it richer first: a formula, an override */
  {
    g_autoptr(Run) run = run_cli ("set", "rt.breakeven", "capex", "msft", "2027", "=prev*1.3");

    assert_ok (run);
  }

  first = export_json ("rt.breakeven");
  {
    g_autoptr(Run) run = run_cli ("export-json", "rt.breakeven", "-o", "rt.json");

    assert_ok (run);
    g_assert_cmpstr (run->out, ==, "");
    second = read_file ("rt.json");
    g_assert_cmpstr (second, ==, first);
  }
  {
    g_autoptr(Run) run = run_cli ("new", "--from", "rt.json", "rt2.breakeven");

    assert_ok (run);
  }
  third = export_json ("rt2.breakeven");
  g_assert_cmpstr (third, ==, first);
}

/* ---------------------------------------------------------------------- */
/* get, set, undo, redo                                                    */

static void
test_get_set (void)
{
  g_autofree char *worked = worked_example_json ();
  g_autofree char *doc = new_document (worked);
  g_autofree char *before = NULL;

  assert_cell (doc, "capex", "acme", "2024", "10\n");
  assert_cell (doc, "CapEx", "acme", "2025", "20\n");
  assert_cell (doc, "share", "acme", "2026", "0.4\n");
  assert_cell (doc, "tokens", "global", "2026", "800\n");
  /* A blank prints nothing at all */
  assert_cell (doc, "capex", "acme", "2026", "");
  assert_cell (doc, "backlog", "acme", "2025", "");

  /* The share table takes percent; get prints the fraction */
  {
    g_autoptr(Run) run = run_cli ("set", doc, "share", "acme", "2025", "47");

    assert_ok (run);
    g_assert_cmpstr (run->out, ==, "");
  }
  assert_cell (doc, "share", "acme", "2025", "0.47\n");
  {
    g_autoptr(Run) run = run_cli ("set", doc, "share", "acme", "2025", "12.5%");

    assert_ok (run);
  }
  assert_cell (doc, "share", "acme", "2025", "0.125\n");

  /* Suffixes convert to the table's unit */
  {
    g_autoptr(Run) run = run_cli ("set", doc, "capex", "acme", "2025", "1.2T");

    assert_ok (run);
  }
  assert_cell (doc, "capex", "acme", "2025", "1200\n");
  {
    g_autoptr(Run) run = run_cli ("set", doc, "tokens", "global", "2024", "500B");

    assert_ok (run);
  }
  assert_cell (doc, "tokens", "global", "2024", "0.5\n");
  {
    g_autoptr(Run) run = run_cli ("set", doc, "backlog", "acme", "2025", "1,234.5");

    assert_ok (run);
  }
  assert_cell (doc, "backlog", "acme", "2025", "1234.5\n");

  /* Growth shorthand, a negative one even without "--" */
  {
    g_autoptr(Run) run = run_cli ("set", doc, "capex", "acme", "2026", "+10%");

    assert_ok (run);
  }
  assert_cell (doc, "capex", "acme", "2026", "1320\n");
  {
    g_autoptr(Run) run = run_cli ("set", doc, "capex", "acme", "2026", "-10%");

    assert_ok (run);
  }
  assert_cell (doc, "capex", "acme", "2026", "1080\n");
  {
    g_autoptr(Run) run = run_cli ("set", "--", doc, "capex", "acme", "2026", "=prev/2");

    assert_ok (run);
  }
  assert_cell (doc, "capex", "acme", "2026", "600\n");

  /* Clearing */
  {
    g_autoptr(Run) run = run_cli ("set", doc, "capex", "acme", "2026", "");

    assert_ok (run);
  }
  assert_cell (doc, "capex", "acme", "2026", "");

  /* Rejected values: status 1, a message, the file unchanged */
  before = export_json (doc);
  {
    static const char * const rejected[][2] = {
      { "capex", "-5" },
      { "capex", "abc" },
      { "capex", "5%" },
      { "capex", "1e999" },
      { "capex", "nan" },
      { "capex", "=1/0" },
      { "capex", "=prev-1e6" },
      { "capex", "=(" },
      { "share", "150" },
      { "share", "-1" },
      { "share", "5B" },
      { "tokens", "$5" },
      { "backlog", "\xff" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (rejected); i++)
      {
        const char *row = strcmp (rejected[i][0], "tokens") == 0 ? "global" : "acme";
        g_autoptr(Run) run = run_cli ("set", doc, rejected[i][0], row, "2025", rejected[i][1]);
        g_autofree char *after = NULL;

        assert_fails (run, 1);
        after = export_json (doc);
        g_assert_cmpstr (after, ==, before);
      }
  }

  /* Unknown rows and periods: 1; unknown tables: 2 */
  {
    static const char * const wrong[][4] = {
      { "capex", "nobody", "2025" },
      { "tokens", "acme", "2025" },
      { "capex", "global", "2025" },
      { "capex", "acme", "2031" },
      { "capex", "acme", "2025Q1" },
      { "capex", "acme", "" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (wrong); i++)
      {
        g_autoptr(Run) get = run_cli ("get", doc, wrong[i][0], wrong[i][1], wrong[i][2]);
        g_autoptr(Run) set = run_cli ("set", doc, wrong[i][0], wrong[i][1], wrong[i][2], "1");

        assert_fails (get, 1);
        assert_fails (set, 1);
      }
  }
  {
    g_autoptr(Run) run = run_cli ("set", doc, "profit", "acme", "2025", "1");

    g_assert_cmpint (run->status, ==, 2);
  }

  /* A formula that stops giving a value: get fails and says why */
  {
    g_autofree char *worked_again = worked_example_json ();
    g_autofree char *other = new_document (worked_again);
    g_autoptr(Run) formula = run_cli ("set", other, "backlog", "acme", "2026", "=prev-10");
    g_autoptr(Run) lower = NULL;
    g_autoptr(Run) get = NULL;

    assert_ok (formula);
    assert_cell (other, "backlog", "acme", "2026", "20\n");
    lower = run_cli ("set", other, "backlog", "acme", "2025", "5");
    assert_ok (lower);
    get = run_cli ("get", other, "backlog", "acme", "2026");
    assert_fails (get, 1);
    g_assert_nonnull (strstr (get->err, "=prev-10"));
  }

  {
    g_autofree char *after = export_json (doc);

    g_assert_cmpstr (after, ==, before);
  }
}

/* set and get name the cell once, in the user's words: "CapEx, Acme Cloud,
 * 2025", never "capex acme 2025: capex acme 2025: …" */
static void
test_messages_name_cells (void)
{
  g_autofree char *worked = worked_example_json ();
  g_autofree char *doc = new_document (worked);

  {
    g_autoptr(Run) run = run_cli ("set", doc, "capex", "acme", "2025", "-5");

    assert_fails (run, 1);
    g_assert_cmpstr (run->err, ==, "breakeven-cli: CapEx, Acme Cloud, 2025: CapEx cannot be negative (got -5)\n");
  }
  {
    g_autoptr(Run) run = run_cli ("set", doc, "capex", "acme", "2025", "=1/0");

    assert_fails (run, 1);
    g_assert_cmpstr (run->err, ==, "breakeven-cli: CapEx, Acme Cloud, 2025: Division by zero in “=1/0”\n");
  }
  {
    g_autoptr(Run) formula = run_cli ("set", doc, "backlog", "acme", "2026", "=1/(prev-5)");
    g_autoptr(Run) lower = NULL;
    g_autoptr(Run) get = NULL;

    assert_ok (formula);
    lower = run_cli ("set", doc, "backlog", "acme", "2025", "5");
    assert_ok (lower);
    get = run_cli ("get", doc, "backlog", "acme", "2026");
    assert_fails (get, 1);
    g_assert_cmpstr (get->err, ==, "breakeven-cli: Backlog, Acme Cloud, 2026: Division by zero in “=1/(prev-5)”\n");
  }
  {
    /* A result out of range says which formula gave it, once */
    g_autoptr(Run) higher = run_cli ("set", doc, "backlog", "acme", "2025", "30");
    g_autoptr(Run) formula = run_cli ("set", doc, "backlog", "acme", "2026", "=prev-10");
    g_autoptr(Run) lower = NULL;
    g_autoptr(Run) get = NULL;

    assert_ok (higher);
    assert_ok (formula);
    lower = run_cli ("set", doc, "backlog", "acme", "2025", "5");
    assert_ok (lower);
    get = run_cli ("get", doc, "backlog", "acme", "2026");
    assert_fails (get, 1);
    g_assert_cmpstr (get->err, ==, "breakeven-cli: Backlog, Acme Cloud, 2026: “=prev-10” gives no valid value: Backlog cannot be negative (got -5)\n");
  }
}

static void
test_scenario_cells (void)
{
  static const char json[] =
    "{\"format\":\"breakeven-workbook\",\"version\":1,\"title\":\"S\",\"granularity\":\"year\","
    " \"first_period\":\"2024\",\"periods\":3,"
    " \"markets\":[{\"id\":\"global\",\"name\":\"Global\"}],"
    " \"companies\":[{\"id\":\"acme\",\"name\":\"Acme\",\"market\":\"global\"}],"
    " \"series\":{\"capex\":{\"acme\":[10,20,30]}},"
    " \"scenarios\":[{\"name\":\"Bear\",\"cells\":[{\"table\":\"capex\",\"row\":\"acme\",\"period\":1,\"value\":5}]}]}";
  g_autofree char *doc = new_document (json);

  {
    g_autoptr(Run) run = run_cli ("get", doc, "capex", "acme", "2025", "--scenario", "Bear");

    assert_ok (run);
    g_assert_cmpstr (run->out, ==, "5\n");
  }
  {
    g_autoptr(Run) run = run_cli ("set", "--scenario", "bear", doc, "capex", "acme", "2026", "7");

    assert_ok (run);
  }
  {
    g_autoptr(Run) run = run_cli ("get", doc, "capex", "acme", "2026", "--scenario=Bear");

    assert_ok (run);
    g_assert_cmpstr (run->out, ==, "7\n");
  }
  /* The base is untouched */
  assert_cell (doc, "capex", "acme", "2026", "30\n");
  {
    g_autoptr(Run) run = run_cli ("get", doc, "capex", "acme", "2026", "--scenario", "Base");

    assert_ok (run);
    g_assert_cmpstr (run->out, ==, "30\n");
  }
  {
    g_autoptr(Run) get = run_cli ("get", doc, "capex", "acme", "2026", "--scenario", "Bull");
    g_autoptr(Run) set = run_cli ("set", doc, "capex", "acme", "2026", "1", "--scenario", "Bull");

    assert_fails (get, 1);
    assert_fails (set, 1);
    g_assert_nonnull (strstr (get->err, "Bull"));
  }
}

static void
test_undo_redo (void)
{
  g_autofree char *worked = worked_example_json ();
  g_autofree char *doc = new_document (worked);
  g_autofree char *original = export_json (doc);

  /* A new document has no history */
  {
    g_autoptr(Run) undo = run_cli ("undo", doc);
    g_autoptr(Run) redo = run_cli ("redo", doc);

    assert_fails (undo, 1);
    assert_fails (redo, 1);
  }

  {
    g_autoptr(Run) run = run_cli ("set", doc, "capex", "acme", "2024", "15");

    assert_ok (run);
  }
  {
    g_autoptr(Run) run = run_cli ("set", doc, "capex", "acme", "2024", "25");

    assert_ok (run);
  }
  assert_cell (doc, "capex", "acme", "2024", "25\n");

  {
    g_autoptr(Run) run = run_cli ("undo", doc);

    assert_ok (run);
  }
  assert_cell (doc, "capex", "acme", "2024", "15\n");
  {
    g_autoptr(Run) run = run_cli ("undo", doc);

    assert_ok (run);
  }
  assert_cell (doc, "capex", "acme", "2024", "10\n");
  {
    g_autofree char *json = export_json (doc);

    g_assert_cmpstr (json, ==, original);
  }
  {
    g_autoptr(Run) run = run_cli ("undo", doc);

    assert_fails (run, 1);
  }
  {
    g_autoptr(Run) run = run_cli ("redo", doc);

    assert_ok (run);
  }
  assert_cell (doc, "capex", "acme", "2024", "15\n");
  {
    g_autoptr(Run) run = run_cli ("redo", doc);

    assert_ok (run);
  }
  assert_cell (doc, "capex", "acme", "2024", "25\n");
  {
    g_autoptr(Run) run = run_cli ("redo", doc);

    assert_fails (run, 1);
  }
}

/* ---------------------------------------------------------------------- */
/* export-csv, import-csv                                                  */

static void
test_csv (void)
{
  g_autoptr(Run) sample = run_cli ("new", "--sample", "csv.breakeven");
  g_autoptr(Run) blank = NULL;
  g_autofree char *blank_json = NULL;
  static const char * const tables[] = { "capex", "backlog", "tokens", "share" };

  assert_ok (sample);

  /* A copy of the sample without values, made by editing its JSON */
  {
    g_autofree char *json = export_json ("csv.breakeven");
    g_autoptr(JsonNode) root = parse_json (json);
    JsonObject *object = json_node_get_object (root);
    g_autoptr(JsonGenerator) generator = json_generator_new ();

    json_object_set_object_member (object, "series", json_object_new ());
    json_object_remove_member (object, "formulas");
    json_object_remove_member (object, "notes");
    json_generator_set_root (generator, root);
    blank_json = json_generator_to_data (generator, NULL);
  }
  write_file ("blank.json", blank_json);
  blank = run_cli ("new", "--from", "blank.json", "blank.breakeven");
  assert_ok (blank);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autoptr(Run) out = run_cli ("export-csv", "csv.breakeven", tables[i]);
      g_autoptr(Run) to_file = NULL;
      g_autoptr(Run) import = NULL;
      g_autoptr(Run) again = NULL;
      g_autofree char *csv_name = new_name (tables[i], "csv");
      g_autofree char *file = NULL;

      assert_ok (out);
      g_assert_true (g_str_has_prefix (out->out, "id,name,2023,2024,2025,2026,2027\r\n"));

      to_file = run_cli ("export-csv", "csv.breakeven", tables[i], "-o", csv_name);
      assert_ok (to_file);
      g_assert_cmpstr (to_file->out, ==, "");
      file = read_file (csv_name);
      g_assert_cmpstr (file, ==, out->out);

      import = run_cli ("import-csv", "blank.breakeven", tables[i], csv_name);
      assert_ok (import);
      again = run_cli ("export-csv", "blank.breakeven", tables[i]);
      assert_ok (again);
      g_assert_cmpstr (again->out, ==, out->out);
    }

  /* Share is written as fractions */
  {
    g_autoptr(Run) run = run_cli ("export-csv", "csv.breakeven", "share");

    g_assert_nonnull (strstr (run->out, "\r\nmsft,Microsoft,0.3,"));
  }

  /* Standard input, one undo step for the whole import */
  {
    g_autofree char *before = export_json ("blank.breakeven");
    g_autoptr(Run) run = run_cli_input ("id,name,2025,2024\nmsft,Microsoft,1.2T,\nbidu,Baidu,3,4\n",
                                        "import-csv", "blank.breakeven", "capex", "-");
    g_autoptr(Run) undo = NULL;
    g_autofree char *after = NULL;

    assert_ok (run);
    assert_cell ("blank.breakeven", "capex", "msft", "2025", "1200\n");
    assert_cell ("blank.breakeven", "capex", "msft", "2024", "");
    assert_cell ("blank.breakeven", "capex", "bidu", "2024", "4\n");
    undo = run_cli ("undo", "blank.breakeven");
    assert_ok (undo);
    after = export_json ("blank.breakeven");
    g_assert_cmpstr (after, ==, before);
  }

  /* Bad CSV: status 1, the line and column, nothing changed */
  {
    static const char * const bad[][3] = {
      { "capex", "id,name,2025\nmsft,x,1\nbidu,y,abc\n", "bad.csv: line 3, column 2025: " },
      { "capex", "id,name,2031\nmsft,x,1\n", "line 1, column \"2031\": not a period of this workbook" },
      { "capex", "id,name,2025,2025\nmsft,x,1,2\n", "line 1, column \"2025\": " },
      { "capex", "id,name,2025\nmsft,x,1\nnobody,y,2\n", "line 3: unknown company \"nobody\"" },
      { "tokens", "id,name,2025\nmsft,x,1\n", "line 2: unknown market \"msft\"" },
      { "capex", "id,name,2025\nmsft,x,1,2\n", "line 2: " },
      { "capex", "name,id,2025\n", "line 1: " },
      { "capex", "id,name,2025\nmsft,x,-1\n", "line 2, column 2025: " },
      { "share", "id,name,2025\nmsft,x,47\n", "line 2, column 2025: " },
      { "capex", "", "line 1: " },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autofree char *before = export_json ("blank.breakeven");
        g_autofree char *after = NULL;
        g_autoptr(Run) run = NULL;

        write_file ("bad.csv", bad[i][1]);
        run = run_cli ("import-csv", "blank.breakeven", bad[i][0], "bad.csv");
        assert_fails (run, 1);
        g_assert_nonnull (strstr (run->err, bad[i][2]));
        after = export_json ("blank.breakeven");
        g_assert_cmpstr (after, ==, before);
      }
  }

  /* A missing input, an unknown table */
  {
    g_autoptr(Run) run = run_cli ("import-csv", "blank.breakeven", "capex", "missing.csv");

    assert_fails (run, 1);
  }
  {
    g_autoptr(Run) run = run_cli ("import-csv", "blank.breakeven", "nosuch", "bad.csv");

    g_assert_cmpint (run->status, ==, 2);
  }
}

/* -o writes all or nothing, and never over the document */
static void
test_output_files (void)
{
  g_autoptr(Run) made = run_cli ("new", "--sample", "out.breakeven");
  g_autofree char *before = NULL;

  assert_ok (made);
  before = export_json ("out.breakeven");

  {
    g_autoptr(Run) run = run_cli ("export-json", "out.breakeven", "-o", "no-such-folder/out.json");

    assert_fails (run, 1);
    g_assert_false (file_exists ("no-such-folder"));
  }
  {
    g_autoptr(Run) run = run_cli ("export-csv", "out.breakeven", "capex", "--output", "out.breakeven");
    g_autofree char *after = NULL;

    assert_fails (run, 1);
    after = export_json ("out.breakeven");
    g_assert_cmpstr (after, ==, before);
  }
  /* Replacing an existing output file */
  {
    g_autoptr(Run) run = NULL;
    g_autofree char *contents = NULL;

    write_file ("old.json", "old");
    run = run_cli ("export-json", "out.breakeven", "-oold.json");
    assert_ok (run);
    contents = read_file ("old.json");
    g_assert_cmpstr (contents, ==, before);
  }
  /* A failed export leaves no output file */
  {
    g_autoptr(Run) run = run_cli ("export-json", "missing.breakeven", "-o", "never.json");

    assert_fails (run, 1);
    g_assert_false (file_exists ("never.json"));
  }
}

/* A folder the user may not write in (the EACCES shim, since the tests
 * may run as root, whom chmod does not stop): every command that writes
 * -o exits 1 with a message that names the file asked for and says why
 * (never the temporary file beside it: ".out.json.XXXXXX: Permission
 * denied"), and the folder holds what it held before, unchanged */
static void
test_output_permission (void)
{
  g_autofree char *document = new_name ("permission", "breakeven");
  g_autofree char *denied = tmp_path ("denied");
  g_autofree char *kept = g_build_filename (denied, "kept.json", NULL);
  g_autofree char *asan = bk_test_preload_asan_options ();
  const char * const env[] = { "LD_PRELOAD", EACCES_SHIM, "BK_EACCES_DIR", denied,
                               "ASAN_OPTIONS", asan, NULL };
  /* The output's name, the command and what goes after the document */
  static const struct {
    const char *output;
    const char *args[4];
  } cases[] = {
    { "out.json", { "export-json" } },
    { "kept.json", { "export-json" } },
    { "out.csv", { "export-csv", "capex" } },
    { "results.csv", { "export-csv", "results" } },
    { "out.svg", { "chart", "--kind", "capex" } },
    { "out.png", { "chart", "--kind", "npv" } },
    { "out.pdf", { "chart", "--kind", "tornado" } },
    { "report.pdf", { "report" } },
    { "out.xlsx", { "export-xlsx" } },
  };
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(Run) run = run_cli ("new", "--sample", document);

    assert_ok (run);
  }
  g_assert_cmpint (g_mkdir (denied, 0755), ==, 0);
  g_file_set_contents (kept, "kept as it was", -1, &error);
  g_assert_no_error (error);

  run_env = env;
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *output = g_build_filename (denied, cases[i].output, NULL);
      g_autofree char *expected = g_strdup_printf ("breakeven-cli: Cannot write %s: "
                                                   "there is no permission to write in the folder %s\n",
                                                   output, denied);
      g_autofree char *temporary = g_strdup_printf (".%s.", cases[i].output);
      g_autofree char *contents = NULL;
      g_autoptr(Run) run = NULL;
      const char *argv[8] = { cases[i].args[0], document, NULL, };
      guint n = 2;

      for (guint a = 1; a < G_N_ELEMENTS (cases[i].args) && cases[i].args[a] != NULL; a++)
        argv[n++] = cases[i].args[a];
      argv[n++] = "-o";
      argv[n++] = output;

      run = run_cli_v (NULL, argv);
      assert_fails (run, 1);
      g_assert_cmpstr (run->err, ==, expected);
      g_assert_null (strstr (run->err, temporary));
      g_assert_null (strstr (run->err, "XXXXXX"));
      /* Nothing left behind, and the file that was there is as it was */
      {
        g_autoptr(GDir) dir = g_dir_open (denied, 0, &error);

        g_assert_no_error (error);
        g_assert_cmpstr (g_dir_read_name (dir), ==, "kept.json");
        g_assert_null (g_dir_read_name (dir));
      }
      g_assert_true (g_file_get_contents (kept, &contents, NULL, NULL));
      g_assert_cmpstr (contents, ==, "kept as it was");
    }

  /* The shim refuses only that folder: beside it each is written */
  {
    g_autoptr(Run) run = run_cli ("export-json", document, "-o", "allowed.json");

    assert_ok (run);
    g_assert_true (file_exists ("allowed.json"));
  }
  {
    g_autoptr(Run) run = run_cli ("chart", document, "--kind", "capex", "-o", "allowed.svg");

    assert_ok (run);
    g_assert_true (file_exists ("allowed.svg"));
  }
  run_env = NULL;
}

/* ---------------------------------------------------------------------- */
/* recalc                                                                  */

static JsonObject *
find_company (JsonObject *results,
              const char *id)
{
  JsonArray *companies = json_object_get_array_member (results, "companies");

  for (guint i = 0; i < json_array_get_length (companies); i++)
    {
      JsonObject *company = json_array_get_object_element (companies, i);

      if (g_strcmp0 (json_object_get_string_member (company, "id"), id) == 0)
        return company;
    }

  g_assert_not_reached ();
}

static void
assert_metric (JsonObject *metrics,
               const char *name,
               double      expected,
               double      tolerance)
{
  JsonNode *node = json_object_get_member (metrics, name);

  g_assert_nonnull (node);
  g_assert_false (JSON_NODE_HOLDS_NULL (node));
  g_test_message ("%s = %.9g (expected %.9g)", name, json_node_get_double (node), expected);
  g_assert_cmpfloat_with_epsilon (json_node_get_double (node), expected, tolerance);
}

static void
test_recalc_worked_example (void)
{
  static const double revenue[] = { 0, 19.5191, 51.9209, 36.3446, 25.4412, 17.8089 };
  g_autofree char *worked = worked_example_json ();
  g_autofree char *doc = new_document (worked);
  g_autoptr(Run) run = run_cli ("recalc", doc, "--json");
  g_autoptr(JsonNode) root = NULL;
  JsonObject *results, *acme, *total;
  JsonArray *periods, *series;

  assert_ok (run);
  root = parse_json (run->out);
  results = json_node_get_object (root);

  g_assert_cmpstr (json_object_get_string_member (results, "scenario"), ==, "Base");
  periods = json_object_get_array_member (results, "periods");
  g_assert_cmpuint (json_array_get_length (periods), ==, 6);
  g_assert_cmpstr (json_array_get_string_element (periods, 0), ==, "2024");
  g_assert_cmpstr (json_array_get_string_element (periods, 5), ==, "2029");

  acme = find_company (results, "acme");
  g_assert_cmpstr (json_object_get_string_member (acme, "name"), ==, "Acme Cloud");
  /* MODEL.md gives these rounded to six decimals */
  assert_metric (acme, "npv", 48.765118, 1e-6);
  assert_metric (acme, "irr", 1.002390, 1e-6);
  assert_metric (acme, "roi", 2.442894, 1e-6);
  assert_metric (acme, "payback_years", 2.474542, 1e-6);
  assert_metric (acme, "discounted_payback_years", 2.545044, 1e-6);
  g_assert_false (json_object_get_boolean_member (acme, "irr_multiple"));

  series = json_object_get_array_member (json_object_get_object_member (acme, "series"), "revenue");
  g_assert_cmpuint (json_array_get_length (series), ==, G_N_ELEMENTS (revenue));
  for (guint t = 0; t < G_N_ELEMENTS (revenue); t++)
    g_assert_cmpfloat_with_epsilon (json_array_get_double_element (series, t), revenue[t], 1e-4);

  /* One company: the total is the same */
  total = json_object_get_object_member (results, "total");
  assert_metric (total, "npv", 48.765118, 1e-6);
  assert_metric (total, "irr", 1.002390, 1e-6);
  assert_metric (total, "payback_years", 2.474542, 1e-6);

  /* The readable table */
  {
    g_autoptr(Run) table = run_cli ("recalc", doc);
    g_auto(GStrv) lines = NULL;
    const char *acme_line = NULL, *total_line = NULL;

    assert_ok (table);
    g_assert_true (g_str_has_prefix (table->out, "Worked example\n"));
    g_assert_nonnull (strstr (table->out, "Base"));
    lines = g_strsplit (table->out, "\n", -1);
    for (guint i = 0; lines[i] != NULL; i++)
      {
        if (g_str_has_prefix (lines[i], "Acme Cloud"))
          acme_line = lines[i];
        if (g_str_has_prefix (lines[i], "All companies"))
          total_line = lines[i];
      }
    g_assert_nonnull (acme_line);
    g_assert_nonnull (total_line);
    g_assert_nonnull (strstr (acme_line, "48.77"));
    g_assert_nonnull (strstr (acme_line, "100.2%"));
    g_assert_nonnull (strstr (acme_line, "2.47"));
    g_assert_nonnull (strstr (acme_line, "2.55"));
    /* aligned: the company and total lines are equally long */
    g_assert_cmpuint (g_utf8_strlen (acme_line, -1), ==, g_utf8_strlen (total_line, -1));
  }

  /* Unknown scenario */
  {
    g_autoptr(Run) bad = run_cli ("recalc", doc, "--scenario", "Nope");
    g_autoptr(Run) bad_json = run_cli ("recalc", doc, "--scenario", "Nope", "--json");

    assert_fails (bad, 1);
    assert_fails (bad_json, 1);
  }
  {
    g_autoptr(Run) base = run_cli ("recalc", doc, "--json", "--scenario", "base");

    assert_ok (base);
    g_assert_cmpstr (base->out, ==, run->out);
  }
}

/* Yearly, half-yearly and quarterly workbooks with blanks, company
 * overrides and a scenario all compute. */
static void
test_recalc_granularities (void)
{
  static const struct {
    const char *granularity;
    const char *first;
    guint       n_periods;  /* input periods */
    guint       m;          /* modelled: n + extra_years (2) / Δ */
    const char *last;
  } cases[] = {
    { "year", "2024", 4, 6, "2029" },
    { "half", "2024H2", 4, 8, "2028H1" },
    { "quarter", "2024Q3", 4, 12, "2027Q2" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *json = g_strdup_printf (
        "{\"format\":\"breakeven-workbook\",\"version\":1,\"title\":\"G\","
        " \"granularity\":\"%s\",\"first_period\":\"%s\",\"periods\":%u,"
        " \"markets\":[{\"id\":\"m\",\"name\":\"M\"},{\"id\":\"n\",\"name\":\"N\"}],"
        " \"companies\":[{\"id\":\"a\",\"name\":\"Alpha\",\"market\":\"m\"},"
        "                {\"id\":\"b\",\"name\":\"Beta\",\"market\":\"m\"},"
        "                {\"id\":\"c\",\"name\":\"Gamma\",\"market\":\"n\"}],"
        " \"series\":{\"capex\":{\"a\":[5,null,10,null],\"b\":[1,2],\"c\":[null,3]},"
        "            \"backlog\":{\"a\":[null,20]},"
        "            \"share\":{\"a\":[0.3,null,0.4],\"b\":[0.2],\"c\":[null,0.5]},"
        "            \"tokens\":{\"m\":[100,null,300,null],\"n\":[null,50]}},"
        " \"assumptions\":{\"extra_years\":2,\"tokens_per_joule\":4},"
        " \"company_assumptions\":{\"b\":{\"it_life_years\":4,\"price_per_mtok\":3}},"
        " \"scenarios\":[{\"name\":\"Bear\",\"assumptions\":{\"price_decline\":0.6},"
        "                 \"company_assumptions\":{\"a\":{\"utilization\":0.5}},"
        "                 \"cells\":[{\"table\":\"capex\",\"row\":\"a\",\"period\":1,\"value\":7}]}]}",
        cases[i].granularity, cases[i].first, cases[i].n_periods);
      g_autofree char *doc = new_document (json);
      g_autoptr(Run) base = run_cli ("recalc", doc, "--json");
      g_autoptr(Run) bear = run_cli ("recalc", doc, "--json", "--scenario", "Bear");
      g_autoptr(Run) table = run_cli ("recalc", doc, "--scenario", "Bear");
      g_autoptr(JsonNode) base_root = NULL;
      g_autoptr(JsonNode) bear_root = NULL;
      JsonObject *base_results, *bear_results;
      JsonArray *periods;

      g_test_message ("granularity %s", cases[i].granularity);
      assert_ok (base);
      assert_ok (bear);
      assert_ok (table);
      g_assert_nonnull (strstr (table->out, "Bear"));
      g_assert_nonnull (strstr (table->out, "Gamma"));

      base_root = parse_json (base->out);
      bear_root = parse_json (bear->out);
      base_results = json_node_get_object (base_root);
      bear_results = json_node_get_object (bear_root);
      g_assert_cmpstr (json_object_get_string_member (bear_results, "scenario"), ==, "Bear");

      periods = json_object_get_array_member (base_results, "periods");
      g_assert_cmpuint (json_array_get_length (periods), ==, cases[i].m);
      g_assert_cmpstr (json_array_get_string_element (periods, 0), ==, cases[i].first);
      g_assert_cmpstr (json_array_get_string_element (periods, cases[i].m - 1), ==, cases[i].last);

      for (guint c = 0; c < 3; c++)
        {
          static const char * const ids[] = { "a", "b", "c" };
          JsonObject *company = find_company (base_results, ids[c]);
          JsonObject *series = json_object_get_object_member (company, "series");

          g_assert_true (isfinite (json_object_get_double_member (company, "npv")));
          g_assert_cmpuint (json_array_get_length (json_object_get_array_member (series, "revenue")), ==, cases[i].m);
          g_assert_cmpuint (json_array_get_length (json_object_get_array_member (series, "cum_fcf")), ==, cases[i].m);
        }

      /* The scenario's changes show */
      g_assert_cmpfloat (json_object_get_double_member (find_company (base_results, "a"), "npv"), !=,
                         json_object_get_double_member (find_company (bear_results, "a"), "npv"));
      /* capex a in period 1 is 7 in the scenario */
      {
        JsonObject *series = json_object_get_object_member (find_company (bear_results, "a"), "series");

        g_assert_cmpfloat (json_array_get_double_element (json_object_get_array_member (series, "capex"), 1), ==, 7);
      }
    }
}

/* ---------------------------------------------------------------------- */
/* check                                                                   */

static void
test_check (void)
{
  static const char json[] =
    "{\"format\":\"breakeven-workbook\",\"version\":1,\"title\":\"Too much\",\"granularity\":\"year\","
    " \"first_period\":\"2024\",\"periods\":2,"
    " \"markets\":[{\"id\":\"global\",\"name\":\"Global\"}],"
    " \"companies\":[{\"id\":\"a\",\"name\":\"A\",\"market\":\"global\"},"
    "                {\"id\":\"b\",\"name\":\"B\",\"market\":\"global\"}],"
    " \"series\":{\"share\":{\"a\":[0.6,0.3],\"b\":[0.5,0.5]}}}";
  g_autofree char *worked = worked_example_json ();
  g_autofree char *healthy = new_document (worked);
  g_autofree char *crowded = new_document (json);

  {
    g_autoptr(Run) run = run_cli ("check", healthy);

    assert_ok (run);
    g_assert_nonnull (strstr (run->out, "Schema version: 2"));
    g_assert_nonnull (strstr (run->out, "ok"));
  }
  {
    g_autoptr(Run) run = run_cli ("check", crowded);

    /* Healthy even with warnings */
    assert_ok (run);
    g_assert_nonnull (strstr (run->out, "Market Global, 2024: market shares add up to 110.0%"));
    g_assert_nonnull (strstr (run->out, "110.0%"));
    g_assert_null (strstr (run->out, "80.0%"));
  }
}

/* ---------------------------------------------------------------------- */
/* Bad input                                                               */

/* Workbook JSON that `new --from` refuses: status 1, a message naming the
 * problem, and no file. */
static void
test_bad_json (void)
{
  static const struct {
    const char *json;
    const char *message;  /* part of the message */
  } cases[] = {
    { "", NULL },
    { "not json", NULL },
    { "[1, 2]", NULL },
    { "{\"format\":\"breakeven-workbook\",\"version\":1", NULL },
    { "{\"format\":\"spreadsheet\",\"version\":1,\"granularity\":\"year\",\"first_period\":\"2024\","
      "\"periods\":1,\"markets\":[],\"companies\":[],\"series\":{}}", "format" },
    { "{\"format\":\"breakeven-workbook\",\"version\":2,\"granularity\":\"year\",\"first_period\":\"2024\","
      "\"periods\":1,\"markets\":[],\"companies\":[],\"series\":{}}", "version" },
    { "{\"format\":\"breakeven-workbook\",\"version\":1,\"granularity\":\"year\",\"first_period\":\"2024\","
      "\"periods\":1,\"markets\":[],\"companies\":[]}", "series" },
    { "{\"format\":\"breakeven-workbook\",\"version\":1,\"granularity\":\"week\",\"first_period\":\"2024\","
      "\"periods\":1,\"markets\":[],\"companies\":[],\"series\":{}}", "granularity" },
    { "{\"format\":\"breakeven-workbook\",\"version\":1,\"granularity\":\"half\",\"first_period\":\"2024Q1\","
      "\"periods\":1,\"markets\":[],\"companies\":[],\"series\":{}}", "first_period" },
    /* unknown and duplicate ids */
    { "{\"format\":\"breakeven-workbook\",\"version\":1,\"granularity\":\"year\",\"first_period\":\"2024\","
      "\"periods\":1,\"markets\":[{\"id\":\"m\",\"name\":\"M\"}],"
      "\"companies\":[{\"id\":\"a\",\"name\":\"A\",\"market\":\"m\"}],"
      "\"series\":{\"capex\":{\"zz\":[1]}}}", "series.capex" },
    { "{\"format\":\"breakeven-workbook\",\"version\":1,\"granularity\":\"year\",\"first_period\":\"2024\","
      "\"periods\":1,\"markets\":[{\"id\":\"m\",\"name\":\"M\"}],"
      "\"companies\":[{\"id\":\"a\",\"name\":\"A\",\"market\":\"elsewhere\"}],"
      "\"series\":{}}", "companies" },
    { "{\"format\":\"breakeven-workbook\",\"version\":1,\"granularity\":\"year\",\"first_period\":\"2024\","
      "\"periods\":1,\"markets\":[{\"id\":\"m\",\"name\":\"M\"}],"
      "\"companies\":[{\"id\":\"a\",\"name\":\"A\",\"market\":\"m\"},{\"id\":\"a\",\"name\":\"B\",\"market\":\"m\"}],"
      "\"series\":{}}", "companies" },
    /* non-finite and out-of-range values */
    { "{\"format\":\"breakeven-workbook\",\"version\":1,\"granularity\":\"year\",\"first_period\":\"2024\","
      "\"periods\":1,\"markets\":[{\"id\":\"m\",\"name\":\"M\"}],"
      "\"companies\":[{\"id\":\"a\",\"name\":\"A\",\"market\":\"m\"}],"
      "\"series\":{\"capex\":{\"a\":[1e999]}}}", "series.capex.a[0]" },
    { "{\"format\":\"breakeven-workbook\",\"version\":1,\"granularity\":\"year\",\"first_period\":\"2024\","
      "\"periods\":1,\"markets\":[{\"id\":\"m\",\"name\":\"M\"}],"
      "\"companies\":[{\"id\":\"a\",\"name\":\"A\",\"market\":\"m\"}],"
      "\"series\":{\"share\":{\"a\":[1.7]}}}", "series.share.a[0]" },
    { "{\"format\":\"breakeven-workbook\",\"version\":1,\"granularity\":\"year\",\"first_period\":\"2024\","
      "\"periods\":1,\"markets\":[{\"id\":\"m\",\"name\":\"M\"}],"
      "\"companies\":[{\"id\":\"a\",\"name\":\"A\",\"market\":\"m\"}],"
      "\"series\":{\"capex\":{\"a\":[-1]}}}", "series.capex.a[0]" },
    { "{\"format\":\"breakeven-workbook\",\"version\":1,\"granularity\":\"year\",\"first_period\":\"2024\","
      "\"periods\":1,\"markets\":[{\"id\":\"m\",\"name\":\"M\"}],"
      "\"companies\":[{\"id\":\"a\",\"name\":\"A\",\"market\":\"m\"}],"
      "\"series\":{\"capex\":{\"a\":[1,2]}}}", "series.capex.a" },
    /* assumptions */
    { "{\"format\":\"breakeven-workbook\",\"version\":1,\"granularity\":\"year\",\"first_period\":\"2024\","
      "\"periods\":1,\"markets\":[],\"companies\":[],\"series\":{},"
      "\"assumptions\":{\"warp_factor\":9}}", "warp_factor" },
    { "{\"format\":\"breakeven-workbook\",\"version\":1,\"granularity\":\"year\",\"first_period\":\"2024\","
      "\"periods\":1,\"markets\":[],\"companies\":[],\"series\":{},"
      "\"assumptions\":{\"pue\":0.5}}", "assumptions.pue" },
    { "{\"format\":\"breakeven-workbook\",\"version\":1,\"granularity\":\"year\",\"first_period\":\"2024\","
      "\"periods\":1,\"markets\":[{\"id\":\"m\",\"name\":\"M\"}],"
      "\"companies\":[{\"id\":\"a\",\"name\":\"A\",\"market\":\"m\"}],\"series\":{},"
      "\"company_assumptions\":{\"zz\":{\"pue\":1.5}}}", "company_assumptions" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *json_name = new_name ("bad", "json");
      g_autofree char *doc = new_name ("bad", "breakeven");
      g_autoptr(Run) run = NULL;

      write_file (json_name, cases[i].json);
      run = run_cli ("new", "--from", json_name, doc);
      assert_fails (run, 1);
      if (cases[i].message != NULL)
        g_assert_nonnull (strstr (run->err, cases[i].message));
      g_assert_false (file_exists (doc));

      /* --force over an existing document leaves it untouched */
      {
        g_autoptr(Run) made = run_cli ("new", doc);
        g_autoptr(Run) forced = NULL;
        g_autofree char *before = NULL;
        g_autofree char *after = NULL;

        assert_ok (made);
        before = export_json (doc);
        forced = run_cli ("new", "--force", "--from", json_name, doc);
        assert_fails (forced, 1);
        after = export_json (doc);
        g_assert_cmpstr (after, ==, before);
      }
    }

  /* A missing JSON file */
  {
    g_autoptr(Run) run = run_cli ("new", "--from", "missing.json", "never.breakeven");

    assert_fails (run, 1);
    g_assert_false (file_exists ("never.breakeven"));
  }
}

static void
make_foreign_sqlite (const char *name)
{
  g_autofree char *path = tmp_path (name);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (x); INSERT INTO t VALUES (42);", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* Files that are not Breakeven documents: every command says so with
 * status 1 and leaves the file as it was (or missing). */
static void
test_bad_files (void)
{
  static const char * const names[] = {
    "foreign.sqlite", "text.txt", "empty.breakeven", "missing.breakeven", "folder",
  };
  g_autofree char *folder = tmp_path ("folder");

  make_foreign_sqlite ("foreign.sqlite");
  write_file ("text.txt", "This is not a database.\n");
  write_file ("empty.breakeven", "");
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const char *name = names[i];
      g_autofree char *path = tmp_path (name);
      g_autofree char *before = NULL;
      gsize before_length = 0;
      const char * const commands[][7] = {
        { "export-json", name, NULL },
        { "export-csv", name, "capex", NULL },
        { "import-csv", name, "capex", "text.txt", NULL },
        { "get", name, "capex", "msft", "2024", NULL },
        { "set", name, "capex", "msft", "2024", "1", NULL },
        { "undo", name, NULL },
        { "redo", name, NULL },
        { "recalc", name, NULL },
        { "recalc", name, "--json", NULL },
        { "check", name, NULL },
      };

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_file_get_contents (path, &before, &before_length, NULL);

      for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
        {
          g_autoptr(Run) run = run_cli_v (NULL, (const char **) commands[c]);

          assert_fails (run, 1);
        }

      if (before != NULL)
        {
          g_autofree char *after = NULL;
          gsize after_length = 0;

          g_file_get_contents (path, &after, &after_length, NULL);
          g_assert_cmpuint (after_length, ==, before_length);
          g_assert_true (memcmp (after, before, before_length) == 0);
        }
      else if (strcmp (name, "missing.breakeven") == 0)
        g_assert_false (file_exists (name));
    }

  /* A newer document is refused too */
  {
    g_autoptr(Run) made = run_cli ("new", "newer.breakeven");
    g_autofree char *path = tmp_path ("newer.breakeven");
    sqlite3 *db = NULL;

    assert_ok (made);
    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);

    {
      g_autoptr(Run) check = run_cli ("check", "newer.breakeven");
      g_autoptr(Run) get = run_cli ("get", "newer.breakeven", "capex", "a", "2024");

      assert_fails (check, 1);
      assert_fails (get, 1);
    }
  }
}

/* ---------------------------------------------------------------------- */

/* A document's texts cannot drive the terminal, and hostile JSON is
 * refused with a message rather than a crash */
static void
test_hostile_text (void)
{
  static const char json[] =
    "{\"format\": \"breakeven-workbook\", \"version\": 1, \"title\": \"T\\u001b]0;pwned\\u0007\","
    " \"granularity\": \"year\", \"first_period\": \"2024\", \"periods\": 2,"
    " \"markets\": [{\"id\": \"global\", \"name\": \"Global\"}],"
    " \"companies\": [{\"id\": \"evil\", \"name\": \"Evil\\u001b[2J\\u009b31m\", \"market\": \"global\"}],"
    " \"series\": {\"capex\": {\"evil\": [10, 0]}, \"backlog\": {\"evil\": [0, 30]}}}";
  g_autofree char *document = new_document (json);
  g_autofree char *deep_name = new_name ("deep", "json");
  g_autofree char *deep_doc = new_name ("deep", "breakeven");
  GString *deep = g_string_new (NULL);

  {
    g_autoptr(Run) run = run_cli ("recalc", document);

    assert_ok (run);
    for (const char *p = run->out; *p; p++)
      g_assert_true (*p == '\n' || !g_ascii_iscntrl (*p));
    g_assert_null (strstr (run->out, "\xc2\x9b"));
    g_assert_nonnull (strstr (run->out, "Evil\\x1B[2J\\u009B31m"));
    g_assert_nonnull (strstr (run->out, "T\\x1B]0;pwned\\x07"));
  }

  /* 100,000 levels of nesting overflowed the parser's stack */
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  write_file (deep_name, deep->str);
  g_string_free (deep, TRUE);
  {
    g_autoptr(Run) run = run_cli ("new", "--from", deep_name, deep_doc);

    assert_fails (run, 1);
    g_assert_nonnull (strstr (run->err, "64 levels"));
    g_assert_false (file_exists (deep_doc));
  }
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The names in the test folder, sorted, as one string */
static char *
list_tmp_dir (void)
{
  g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv ("\n", (char **) names->pdata);
}

/* Under a file-size limit every writing command exits 1 with a message
 * (SIGXFSZ killed them), the document is unchanged and no temporary file
 * is left behind */
static void
test_file_size_limit (void)
{
  g_autofree char *sample = g_build_filename (CLI_TEST_DIR, "..", "..", "data", "sample.json", NULL);
  g_autofree char *document = new_name ("limited", "breakeven");
  g_autofree char *other = new_name ("limited-other", "breakeven");
  g_autofree char *csv = new_name ("limited", "csv");
  g_autofree char *fresh = new_name ("limited-fresh", "breakeven");
  g_autofree char *out = new_name ("limited", "json");
  g_autofree char *listing = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) other_before = NULL;
  const char *const commands[][8] = {
    { "set", document, "capex", "msft", "2024", "77", NULL },
    { "import-csv", document, "capex", csv, NULL },
    { "new", fresh, NULL },
    { "new", "--from", sample, fresh, NULL },
    { "new", "--force", "--from", sample, other, NULL },
    { "export-json", "-o", out, document, NULL },
  };

  {
    g_autoptr(Run) run = run_cli ("new", "--from", sample, document);

    assert_ok (run);
  }
  {
    g_autoptr(Run) run = run_cli ("new", "--from", sample, other);

    assert_ok (run);
  }
  write_file (csv, "id,name,2024\nmsft,Microsoft,123\n");
  before = read_bytes (document);
  other_before = read_bytes (other);
  listing = list_tmp_dir ();

  file_size_limit = 8192;
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autoptr(Run) run = run_cli_v (NULL, (const char **) commands[i]);
      g_autoptr(GBytes) after = read_bytes (document);
      g_autoptr(GBytes) other_after = read_bytes (other);
      g_autofree char *listing_after = list_tmp_dir ();

      assert_fails (run, 1);
      g_assert_nonnull (strstr (run->err, "isk is full or the file is too large"));
      g_assert_true (g_bytes_equal (before, after));
      g_assert_true (g_bytes_equal (other_before, other_after));
      g_assert_cmpstr (listing_after, ==, listing);
    }
  file_size_limit = 0;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  tmp_dir = g_dir_make_tmp ("test-cli-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/cli/usage", test_usage);
  g_test_add_func ("/cli/new", test_new);
  g_test_add_func ("/cli/export-json/round-trip", test_json_round_trip);
  g_test_add_func ("/cli/get-set", test_get_set);
  g_test_add_func ("/cli/get-set/scenario", test_scenario_cells);
  g_test_add_func ("/cli/get-set/messages", test_messages_name_cells);
  g_test_add_func ("/cli/undo-redo", test_undo_redo);
  g_test_add_func ("/cli/csv", test_csv);
  g_test_add_func ("/cli/output-files", test_output_files);
  g_test_add_func ("/cli/output-files/permission", test_output_permission);
  g_test_add_func ("/cli/recalc/worked-example", test_recalc_worked_example);
  g_test_add_func ("/cli/recalc/granularities", test_recalc_granularities);
  g_test_add_func ("/cli/check", test_check);
  g_test_add_func ("/cli/bad-input/json", test_bad_json);
  g_test_add_func ("/cli/bad-input/files", test_bad_files);
  g_test_add_func ("/cli/bad-input/hostile-text", test_hostile_text);
  g_test_add_func ("/cli/file-size-limit", test_file_size_limit);

  status = g_test_run ();

  bk_test_remove_tree (tmp_dir);
  g_free (tmp_dir);

  return status;
}
