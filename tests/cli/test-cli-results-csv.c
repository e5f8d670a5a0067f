/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-results-csv.c — breakeven-cli export-csv FILE results|series:
 * the numbers of recalc --json at full precision, with headers, blank where
 * a metric does not exist, and read back by Gnumeric (ssconvert) into the
 * same doubles and texts */

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bk-delimited.h"

static char *tmp_dir;

/* Runs @argv (NULL-terminated) in the temporary folder; returns stdout and
 * sets @status (the exit status) and @err (stderr). */
static char *
run (const char * const *argv,
     int                *status,
     char              **err)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *errors = NULL;
  int wait_status = 0;

  g_spawn_sync (tmp_dir, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &out, &errors, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  *status = WEXITSTATUS (wait_status);
  if (errors[0] != '\0')
    g_test_message ("stderr: %s", errors);
  if (err != NULL)
    *err = g_steal_pointer (&errors);
  return g_steal_pointer (&out);
}

static char *
cli_ok (const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *err = NULL;
  char *out;
  int status;

  g_ptr_array_add (argv, (char *) CLI_PATH);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  out = run ((const char * const *) argv->pdata, &status, &err);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (status, ==, 0);
  return out;
}

#define CLI(...) cli_ok ((const char *[]) { __VA_ARGS__, NULL })

static const char *document = "results.breakeven";

static void
make_document (void)
{
  static gboolean done;
  g_autofree char *out = NULL;

  if (done)
    return;
  /* The sample has companies that never pay back and an IRR that does not
   * exist: blank cells */
  out = CLI ("new", "--force", "--sample", document);
  done = TRUE;
}

/* Parsed CSV: a block of n_rows × n_columns texts */
typedef struct
{
  GPtrArray   *records;
  const char **cells;
  guint        n_rows;
  guint        n_columns;
} Table;

static void
table_clear (Table *t)
{
  g_free (t->cells);
  g_clear_pointer (&t->records, g_ptr_array_unref);
}

static void
parse_csv (const char *text,
           Table      *t)
{
  g_autoptr(GError) error = NULL;

  t->records = bk_delimited_parse (BK_DELIMITED_CSV, text, -1, &error);
  g_assert_no_error (error);
  t->cells = bk_delimited_to_block (t->records, &t->n_rows, &t->n_columns);
  g_assert_nonnull (t->cells);
}

static const char *
cell (Table *t,
      guint  row,
      guint  column)
{
  const char *text;

  g_assert_cmpuint (row, <, t->n_rows);
  g_assert_cmpuint (column, <, t->n_columns);
  text = t->cells[row * t->n_columns + column];
  return text ? text : "";
}

static double
json_metric (JsonObject *object,
             const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return JSON_NODE_HOLDS_NULL (node) ? NAN : json_node_get_double (node);
}

static void
assert_number (const char *text,
               double      expected)
{
  if (isnan (expected))
    g_assert_cmpstr (text, ==, "");
  else
    {
      char *end = NULL;
      double value = g_ascii_strtod (text, &end);

      g_assert_true (end != text && *end == '\0');
      /* Full precision: exactly the double recalc computed */
      g_assert_cmpfloat (value, ==, expected);
    }
}

static JsonObject *
recalc_json (JsonParser *parser)
{
  g_autofree char *json = CLI ("recalc", document, "--json");
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static void
test_metrics (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *csv = NULL;
  JsonObject *root;
  JsonArray *companies;
  Table t = { 0 };
  static const char *metrics[] = { "npv", "irr", NULL, "roi", "payback_years", "discounted_payback_years" };

  make_document ();
  root = recalc_json (parser);
  companies = json_object_get_array_member (root, "companies");
  csv = CLI ("export-csv", document, "results");
  parse_csv (csv, &t);

  g_assert_cmpuint (t.n_columns, ==, 10);
  g_assert_cmpuint (t.n_rows, ==, json_array_get_length (companies) + 2);
  g_assert_cmpstr (cell (&t, 0, 0), ==, "id");
  g_assert_cmpstr (cell (&t, 0, 2), ==, "npv");
  g_assert_cmpstr (cell (&t, 0, 6), ==, "payback_years");
  g_assert_cmpstr (cell (&t, 0, 9), ==, "revenue");

  for (guint r = 0; r <= json_array_get_length (companies); r++)
    {
      JsonObject *company = r < json_array_get_length (companies)
                            ? json_array_get_object_element (companies, r)
                            : json_object_get_object_member (root, "total");

      g_assert_cmpstr (cell (&t, r + 1, 0), ==,
                       r < json_array_get_length (companies) ? json_object_get_string_member (company, "id")
                                                             : "total");
      for (guint m = 0; m < G_N_ELEMENTS (metrics); m++)
        if (metrics[m] != NULL)
          assert_number (cell (&t, r + 1, 2 + m), json_metric (company, metrics[m]));
      g_assert_cmpstr (cell (&t, r + 1, 4), ==,
                       json_object_get_boolean_member (company, "irr_multiple") ? "TRUE" : "FALSE");
    }
  table_clear (&t);
}

static void
test_series (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *csv = NULL;
  JsonObject *root, *company, *series;
  JsonArray *periods;
  Table t = { 0 };

  make_document ();
  root = recalc_json (parser);
  company = json_array_get_object_element (json_object_get_array_member (root, "companies"), 1);
  series = json_object_get_object_member (company, "series");
  periods = json_object_get_array_member (root, "periods");
  csv = CLI ("export-csv", document, "series", "--company", json_object_get_string_member (company, "id"));
  parse_csv (csv, &t);

  g_assert_cmpuint (t.n_columns, ==, json_array_get_length (periods) + 1);
  g_assert_cmpstr (cell (&t, 0, 0), ==, "series");
  for (guint p = 0; p < json_array_get_length (periods); p++)
    g_assert_cmpstr (cell (&t, 0, p + 1), ==, json_array_get_string_element (periods, p));
  g_assert_cmpuint (t.n_rows, ==, json_object_get_size (series) + 1);
  for (guint r = 1; r < t.n_rows; r++)
    {
      JsonArray *values = json_object_get_array_member (series, cell (&t, r, 0));

      for (guint p = 0; p < json_array_get_length (values); p++)
        assert_number (cell (&t, r, p + 1), json_array_get_double_element (values, p));
    }
  table_clear (&t);
}

static void
test_usage (void)
{
  static const char *bad[][8] = {
    { CLI_PATH, "export-csv", "results.breakeven", "capex", "--company", "msft", NULL },
    { CLI_PATH, "export-csv", "results.breakeven", "results", "--company", "msft", NULL },
  };

  make_document ();
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *out = NULL;
      int status;

      out = run (bad[i], &status, NULL);
      g_assert_cmpint (status, ==, 2);
      g_assert_cmpstr (out, ==, "");
    }
  {
    const char *unknown[] = { CLI_PATH, "export-csv", "results.breakeven", "series", "--company", "nobody", NULL };
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    int status;

    out = run (unknown, &status, &err);
    g_assert_cmpint (status, ==, 1);
    g_assert_nonnull (strstr (err, "nobody"));
  }
}

/* Gnumeric reads the CSV back into the same doubles and texts: what an
 * analyst gets when they open it in a spreadsheet */
static void
test_gnumeric_round_trip (void)
{
  const char *kinds[] = { "results", "series" };

  if (SSCONVERT[0] == '\0')
    {
      g_test_skip ("ssconvert (Gnumeric) is not installed");
      return;
    }

  make_document ();
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autofree char *csv_name = g_strdup_printf ("%s.csv", kinds[k]);
      g_autofree char *gnumeric_name = g_strdup_printf ("%s.gnumeric", kinds[k]);
      g_autofree char *gnumeric_path = g_build_filename (tmp_dir, gnumeric_name, NULL);
      const char *ssconvert[] = { SSCONVERT, csv_name, gnumeric_name, NULL };
      g_autofree char *out = NULL;
      g_autofree char *csv = NULL;
      g_autofree char *csv_path = g_build_filename (tmp_dir, csv_name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (gnumeric_path);
      g_autoptr(GInputStream) raw = NULL;
      g_autoptr(GConverter) gunzip = G_CONVERTER (g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP));
      g_autoptr(GInputStream) stream = NULL;
      g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
      g_autoptr(GRegex) regex = NULL;
      g_autoptr(GMatchInfo) match = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *xml = NULL;
      Table t = { 0 };
      guint n_numbers = 0, n_texts = 0, n_cells = 0;
      int status;

      g_free (CLI ("export-csv", document, kinds[k], "-o", csv_name));
      g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
      parse_csv (csv, &t);

      out = run (ssconvert, &status, NULL);
      g_assert_cmpint (status, ==, 0);
      raw = G_INPUT_STREAM (g_file_read (file, NULL, &error));
      g_assert_no_error (error);
      stream = g_converter_input_stream_new (raw, gunzip);
      g_output_stream_splice (memory, stream, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, &error);
      g_assert_no_error (error);
      xml = g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (memory)),
                       g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (memory)));

      regex = g_regex_new ("<gnm:Cell Row=\"(\\d+)\" Col=\"(\\d+)\" ValueType=\"(\\d+)\"[^>]*>([^<]*)</gnm:Cell>",
                           0, 0, &error);
      g_assert_no_error (error);
      g_regex_match (regex, xml, 0, &match);
      while (g_match_info_matches (match))
        {
          g_autofree char *row = g_match_info_fetch (match, 1);
          g_autofree char *column = g_match_info_fetch (match, 2);
          g_autofree char *type = g_match_info_fetch (match, 3);
          g_autofree char *value = g_match_info_fetch (match, 4);
          const char *expected = cell (&t, (guint) atoi (row), (guint) atoi (column));

          g_assert_cmpstr (expected, !=, "");
          if (g_str_equal (type, "40"))
            {
              g_assert_cmpfloat (g_ascii_strtod (value, NULL), ==, g_ascii_strtod (expected, NULL));
              n_numbers++;
            }
          else if (g_str_equal (type, "60") || g_str_equal (type, "20"))
            {
              g_assert_cmpstr (value, ==, expected);
              n_texts++;
            }
          n_cells++;
          g_match_info_next (match, NULL);
        }

      /* Every non-blank cell came back, the headers as texts */
      {
        guint non_blank = 0;

        for (guint i = 0; i < t.n_rows * t.n_columns; i++)
          if (t.cells[i] != NULL && t.cells[i][0] != '\0')
            non_blank++;
        g_assert_cmpuint (n_cells, ==, non_blank);
      }
      g_assert_cmpuint (n_numbers, >, 20);
      g_assert_cmpuint (n_texts, >=, t.n_columns);
      table_clear (&t);
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("test-cli-results-csv-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);

  g_test_add_func ("/cli/results-csv/metrics", test_metrics);
  g_test_add_func ("/cli/results-csv/series", test_series);
  g_test_add_func ("/cli/results-csv/usage", test_usage);
  g_test_add_func ("/cli/results-csv/gnumeric-round-trip", test_gnumeric_round_trip);

  status = g_test_run ();
  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", tmp_dir);

    if (system (cmd) != 0)
      g_printerr ("could not remove %s\n", tmp_dir);
  }
  g_free (tmp_dir);
  return status;
}
