/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-delimited.c — CSV and clipboard TSV: quoting, splitting, blocks, tiling */

#include "config.h"

#include <glib.h>
#include <string.h>

#include "bk-delimited.h"

static char *
quote (BkDelimitedFormat  format,
       const char        *text)
{
  GString *out = g_string_new ("<");

  bk_delimited_append_field (out, format, text, -1);
  g_string_append_c (out, '>');

  return g_string_free (out, FALSE);
}

static void
assert_quoted (BkDelimitedFormat  format,
               const char        *text,
               const char        *expected)
{
  g_autofree char *quoted = quote (format, text);
  g_autofree char *wanted = g_strdup_printf ("<%s>", expected);

  g_assert_cmpstr (quoted, ==, wanted);
}

/* The records of @text as "a|b\nc|d" (fields joined by '|', records by '\n'). */
static char *
flatten (GPtrArray *records)
{
  GString *out = g_string_new (NULL);

  for (guint r = 0; r < records->len; r++)
    {
      BkDelimitedRecord *record = records->pdata[r];

      if (r > 0)
        g_string_append_c (out, '\n');
      for (guint f = 0; f < record->fields->len; f++)
        {
          if (f > 0)
            g_string_append_c (out, '|');
          g_string_append (out, record->fields->pdata[f]);
        }
    }

  return g_string_free (out, FALSE);
}

static void
assert_parsed (BkDelimitedFormat  format,
               const char        *text,
               const char        *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = bk_delimited_parse (format, text, -1, &error);
  g_autofree char *flat = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (records);
  flat = flatten (records);
  g_assert_cmpstr (flat, ==, expected);
}

static void
assert_refused (const char *text,
                const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = bk_delimited_parse (BK_DELIMITED_CSV, text, -1, &error);

  g_assert_null (records);
  g_assert_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT);
  g_assert_true (g_str_has_prefix (error->message, message));
}

static void
test_quote_csv (void)
{
  assert_quoted (BK_DELIMITED_CSV, "", "");
  assert_quoted (BK_DELIMITED_CSV, "plain 1.5", "plain 1.5");
  assert_quoted (BK_DELIMITED_CSV, "tab\there", "tab\there");
  assert_quoted (BK_DELIMITED_CSV, "Microsoft, Inc.", "\"Microsoft, Inc.\"");
  assert_quoted (BK_DELIMITED_CSV, "5\" disk", "\"5\"\" disk\"");
  assert_quoted (BK_DELIMITED_CSV, "\"q\"", "\"\"\"q\"\"\"");
  assert_quoted (BK_DELIMITED_CSV, "Line\nBreak", "\"Line\nBreak\"");
  assert_quoted (BK_DELIMITED_CSV, "Windows\r\nLine", "\"Windows\r\nLine\"");
  assert_quoted (BK_DELIMITED_CSV, "cr\r", "\"cr\r\"");
}

static void
test_quote_tsv (void)
{
  g_autoptr(GString) out = g_string_new (NULL);

  assert_quoted (BK_DELIMITED_TSV, "", "");
  assert_quoted (BK_DELIMITED_TSV, "=prev*2", "=prev*2");
  /* A comma and a quote inside are plain text on the clipboard */
  assert_quoted (BK_DELIMITED_TSV, "Microsoft, Inc.", "Microsoft, Inc.");
  assert_quoted (BK_DELIMITED_TSV, "5\" disk", "5\" disk");
  /* A leading quote, a tab, a line break are quoted */
  assert_quoted (BK_DELIMITED_TSV, "\"q\" Corp", "\"\"\"q\"\" Corp\"");
  assert_quoted (BK_DELIMITED_TSV, "a\tb", "\"a\tb\"");
  assert_quoted (BK_DELIMITED_TSV, "a\nb", "\"a\nb\"");
  assert_quoted (BK_DELIMITED_TSV, "a\rb", "\"a\rb\"");

  /* An explicit length: only those bytes */
  bk_delimited_append_field (out, BK_DELIMITED_TSV, "a\tb", 1);
  g_assert_cmpstr (out->str, ==, "a");
}

static void
test_write (void)
{
  const char *cells[] = { "id", "name", "2023",
                          "msft", "Microsoft, Inc.", NULL,
                          "q", "say \"hi\"", "1e-7" };
  const char *grid[] = { "1.5", "=prev*2", NULL, "a\tb" };
  g_autofree char *csv = bk_delimited_write (BK_DELIMITED_CSV, cells, 3, 3);
  g_autofree char *tsv = bk_delimited_write (BK_DELIMITED_TSV, grid, 2, 2);
  g_autofree char *none = bk_delimited_write (BK_DELIMITED_TSV, NULL, 0, 0);
  g_autofree char *one = bk_delimited_write (BK_DELIMITED_CSV, grid, 1, 1);

  /* CSV: every record ends in CRLF; TSV: rows separated by "\n" */
  g_assert_cmpstr (csv, ==,
                   "id,name,2023\r\n"
                   "msft,\"Microsoft, Inc.\",\r\n"
                   "q,\"say \"\"hi\"\"\",1e-7\r\n");
  g_assert_cmpstr (tsv, ==, "1.5\t=prev*2\n\t\"a\tb\"");
  g_assert_cmpstr (none, ==, "");
  g_assert_cmpstr (one, ==, "1.5\r\n");
}

static void
test_parse_csv (void)
{
  g_autoptr(GPtrArray) records = NULL;
  BkDelimitedRecord *record;

  assert_parsed (BK_DELIMITED_CSV, "", "");
  assert_parsed (BK_DELIMITED_CSV, "a,b\r\nc,d\r\n", "a|b\nc|d");
  /* LF, a lone CR, no final line end, empty lines skipped */
  assert_parsed (BK_DELIMITED_CSV, "a,b\nc,d\re,f", "a|b\nc|d\ne|f");
  assert_parsed (BK_DELIMITED_CSV, "\r\n\na\n\r\n\nb\n\n", "a\nb");
  /* Empty fields, a trailing delimiter, ragged records */
  assert_parsed (BK_DELIMITED_CSV, ",a,\nb\n,,", "|a|\nb\n||");
  /* Quoted fields: delimiters, line breaks and doubled quotes inside */
  assert_parsed (BK_DELIMITED_CSV, "\"a,b\",\"say \"\"hi\"\"\",\"\"\r\n", "a,b|say \"hi\"|");
  assert_parsed (BK_DELIMITED_CSV, "\"x\ny\",\"\tz\"", "x\ny|\tz");
  /* A tab is plain text in CSV */
  assert_parsed (BK_DELIMITED_CSV, "a\tb,c", "a\tb|c");

  /* Lines: where each record and each field starts */
  records = bk_delimited_parse (BK_DELIMITED_CSV, "h1,h2\r\n\r\n\"a\r\nb\nc\",d\n\"e\re\",f\n", -1, NULL);
  g_assert_nonnull (records);
  g_assert_cmpuint (records->len, ==, 3);
  record = records->pdata[0];
  g_assert_cmpuint (record->line, ==, 1);
  record = records->pdata[1];
  g_assert_cmpuint (record->line, ==, 3);
  g_assert_cmpuint (g_array_index (record->lines, guint, 0), ==, 3);
  g_assert_cmpuint (g_array_index (record->lines, guint, 1), ==, 5);
  g_assert_cmpstr (record->fields->pdata[0], ==, "a\r\nb\nc");
  record = records->pdata[2];
  g_assert_cmpuint (record->line, ==, 6);
  g_assert_cmpuint (g_array_index (record->lines, guint, 1), ==, 7);

  /* An explicit length stops the text there */
  g_clear_pointer (&records, g_ptr_array_unref);
  records = bk_delimited_parse (BK_DELIMITED_CSV, "a,b,c", 3, NULL);
  g_assert_cmpuint (records->len, ==, 1);
  record = records->pdata[0];
  g_assert_cmpuint (record->fields->len, ==, 2);
  g_assert_cmpstr (record->fields->pdata[1], ==, "b");
}

static void
test_parse_csv_refused (void)
{
  assert_refused ("a,b\n\"never closed,c\n", "line 2: a quoted field is never closed");
  assert_refused ("a\n\"x\ny\"z,b\n", "line 3: unexpected text after the closing quote");
  assert_refused ("a\n\nb\"c\n", "line 3: a field that holds a quote must be enclosed in quotes");
  assert_refused ("\"a\"\"\n", "line 1: a quoted field is never closed");

  /* A NUL byte would cut a field short: CSV refuses it, naming its line. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) records = bk_delimited_parse (BK_DELIMITED_CSV, "a,b\r\nc\0d,e\r\n", 12, &error);

    g_assert_null (records);
    g_assert_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT);
    g_assert_true (g_str_has_prefix (error->message, "line 2: the text holds a NUL character"));
  }
}

static void
test_parse_tsv (void)
{
  g_autoptr(GPtrArray) records = NULL;

  assert_parsed (BK_DELIMITED_TSV, "", "");
  /* \n, \r\n and \r line ends; a trailing newline adds no row */
  assert_parsed (BK_DELIMITED_TSV, "1\t2\n3\t4\n", "1|2\n3|4");
  assert_parsed (BK_DELIMITED_TSV, "1\t2\r\n3\t4\r\n", "1|2\n3|4");
  assert_parsed (BK_DELIMITED_TSV, "1\r2\r", "1\n2");
  /* An empty line is a row of one empty cell; a trailing tab an empty cell */
  assert_parsed (BK_DELIMITED_TSV, "a\n\nb\t\n", "a\n\nb|");
  assert_parsed (BK_DELIMITED_TSV, "\t", "|");
  /* Commas are plain text; ragged rows stay ragged */
  assert_parsed (BK_DELIMITED_TSV, "a,b\tc\nd", "a,b|c\nd");
  /* Quoted cells as LibreOffice writes them */
  assert_parsed (BK_DELIMITED_TSV, "\"1\"\t\"=prev*2\"\r\n3\t4\r\n", "1|=prev*2\n3|4");
  assert_parsed (BK_DELIMITED_TSV, "\"a\tb\"\t\"say \"\"hi\"\"\"\n", "a\tb|say \"hi\"");
  assert_parsed (BK_DELIMITED_TSV, "\"x\r\ny\"\tz", "x\r\ny|z");
  /* Never an error: quotes that do not make a quoted cell are text */
  assert_parsed (BK_DELIMITED_TSV, "5\" disk\tb", "5\" disk|b");
  assert_parsed (BK_DELIMITED_TSV, "\"a\"b\tc", "\"a\"b|c");
  assert_parsed (BK_DELIMITED_TSV, "\"open\tc\nd", "\"open|c\nd");
  assert_parsed (BK_DELIMITED_TSV, "\"", "\"");

  /* Clipboard text ends at a NUL. */
  records = bk_delimited_parse (BK_DELIMITED_TSV, "a\tb\nc\0\td", 8, NULL);
  g_assert_nonnull (records);
  g_assert_cmpuint (records->len, ==, 2);
  g_assert_cmpuint (((BkDelimitedRecord *) records->pdata[1])->fields->len, ==, 1);
  g_assert_cmpstr (((BkDelimitedRecord *) records->pdata[1])->fields->pdata[0], ==, "c");
  g_clear_pointer (&records, g_ptr_array_unref);

  records = bk_delimited_parse (BK_DELIMITED_TSV, "\"never\nclosed", -1, NULL);
  g_assert_nonnull (records);
  g_assert_cmpuint (records->len, ==, 2);
}

/* Whatever a cell holds, writing and reading it back gives it again. */
static void
test_round_trip (void)
{
  static const char *awkward[] = {
    "", "plain", "1.5", "=prev*1.39", "Microsoft, Inc.", "say \"hi\"", "\"",
    "\"\"", "\"quoted\"", "tab\tinside", "line\nbreak", "crlf\r\nbreak",
    "lone\rcr", "\t", "\n", ",", " spaced ", "\"a\"b", "trailing\"",
  };
  const guint n = G_N_ELEMENTS (awkward);

  for (guint format = BK_DELIMITED_CSV; format <= BK_DELIMITED_TSV; format++)
    for (guint shift = 0; shift < n; shift++)
      {
        const char *cells[6];
        g_autofree char *text = NULL;
        g_autoptr(GPtrArray) records = NULL;
        g_autoptr(GError) error = NULL;

        for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
          cells[i] = awkward[(shift + i * 7) % n];

        text = bk_delimited_write (format, cells, 2, 3);
        records = bk_delimited_parse (format, text, -1, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (records->len, ==, 2);
        for (guint r = 0; r < 2; r++)
          {
            BkDelimitedRecord *record = records->pdata[r];

            g_assert_cmpuint (record->fields->len, ==, 3);
            for (guint c = 0; c < 3; c++)
              g_assert_cmpstr (record->fields->pdata[c], ==, cells[r * 3 + c]);
          }
      }
}

static void
test_block (void)
{
  g_autoptr(GPtrArray) records = bk_delimited_parse (BK_DELIMITED_TSV, "a\tb\tc\nd\n\te", -1, NULL);
  g_autoptr(GPtrArray) none = bk_delimited_parse (BK_DELIMITED_TSV, "", -1, NULL);
  g_autofree const char **block = NULL;
  g_autofree const char **empty = NULL;
  guint n_rows = 99, n_columns = 99;

  block = bk_delimited_to_block (records, &n_rows, &n_columns);
  g_assert_cmpuint (n_rows, ==, 3);
  g_assert_cmpuint (n_columns, ==, 3);
  g_assert_cmpstr (block[0], ==, "a");
  g_assert_cmpstr (block[2], ==, "c");
  /* A short row: NULL where it has no cell (the cell keeps its content) */
  g_assert_cmpstr (block[3], ==, "d");
  g_assert_null (block[4]);
  g_assert_null (block[5]);
  g_assert_cmpstr (block[6], ==, "");
  g_assert_cmpstr (block[7], ==, "e");
  g_assert_null (block[8]);

  empty = bk_delimited_to_block (none, &n_rows, &n_columns);
  g_assert_null (empty);
  g_assert_cmpuint (n_rows, ==, 0);
  g_assert_cmpuint (n_columns, ==, 0);
}

static void
test_paste_size (void)
{
  guint n_rows, n_columns;

  /* A multiple of the block: the whole selection, with copies */
  bk_delimited_paste_size (1, 1, 3, 4, 10, 10, &n_rows, &n_columns);
  g_assert_cmpuint (n_rows, ==, 3);
  g_assert_cmpuint (n_columns, ==, 4);
  bk_delimited_paste_size (2, 2, 4, 6, 4, 6, &n_rows, &n_columns);
  g_assert_cmpuint (n_rows, ==, 4);
  g_assert_cmpuint (n_columns, ==, 6);

  /* Not a multiple: the block once, at the corner */
  bk_delimited_paste_size (2, 3, 3, 3, 10, 10, &n_rows, &n_columns);
  g_assert_cmpuint (n_rows, ==, 2);
  g_assert_cmpuint (n_columns, ==, 3);
  bk_delimited_paste_size (2, 2, 1, 1, 10, 10, &n_rows, &n_columns);
  g_assert_cmpuint (n_rows, ==, 2);
  g_assert_cmpuint (n_columns, ==, 2);

  /* ...clipped to the table */
  bk_delimited_paste_size (5, 4, 1, 1, 2, 3, &n_rows, &n_columns);
  g_assert_cmpuint (n_rows, ==, 2);
  g_assert_cmpuint (n_columns, ==, 3);
}

static void
test_tile (void)
{
  const char *block[] = { "a", "b", "c", NULL };
  const char *row[] = { "x", "y", "z" };
  g_autofree const char **tiled = bk_delimited_tile (block, 2, 2, 4, 3);
  g_autofree const char **clipped = bk_delimited_tile (block, 2, 2, 1, 1);
  g_autofree const char **down = bk_delimited_tile (row, 1, 3, 3, 3);
  g_autofree const char **right = bk_delimited_tile (row, 3, 1, 3, 2);
  const char *expected[] = { "a", "b", "a",
                             "c", NULL, "c",
                             "a", "b", "a",
                             "c", NULL, "c" };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (tiled[i], ==, expected[i]);
  g_assert_cmpstr (clipped[0], ==, "a");

  /* Fill down: one row copied into every row; fill right: one column */
  for (guint r = 0; r < 3; r++)
    {
      for (guint c = 0; c < 3; c++)
        g_assert_true (down[r * 3 + c] == row[c]);
      for (guint c = 0; c < 2; c++)
        g_assert_true (right[r * 2 + c] == row[r]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/delimited/quote/csv", test_quote_csv);
  g_test_add_func ("/delimited/quote/tsv", test_quote_tsv);
  g_test_add_func ("/delimited/write", test_write);
  g_test_add_func ("/delimited/parse/csv", test_parse_csv);
  g_test_add_func ("/delimited/parse/csv-refused", test_parse_csv_refused);
  g_test_add_func ("/delimited/parse/tsv", test_parse_tsv);
  g_test_add_func ("/delimited/round-trip", test_round_trip);
  g_test_add_func ("/delimited/block", test_block);
  g_test_add_func ("/delimited/paste-size", test_paste_size);
  g_test_add_func ("/delimited/tile", test_tile);

  return g_test_run ();
}
