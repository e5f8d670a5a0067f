/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-csv.c — one table as CSV: writing, reading, round trips, rejections */

#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "bk-csv.h"
#include "bk-document.h"
#include "bk-json.h"

static char *tmp_dir;

/* Names with a comma, quotes, LF and CRLF; values that need 17 digits,
 * tiny and huge ones, blanks; a formula that gives no value. */
static const char workbook_json[] =
  "{\"format\":\"breakeven-workbook\",\"version\":1,\"title\":\"CSV test\","
  " \"granularity\":\"year\",\"first_period\":\"2023\",\"periods\":3,"
  " \"markets\":[{\"id\":\"global\",\"name\":\"Global, ex-China\"},"
  "              {\"id\":\"china\",\"name\":\"China \\\"PRC\\\"\"}],"
  " \"companies\":[{\"id\":\"msft\",\"name\":\"Microsoft, Inc.\",\"market\":\"global\"},"
  "               {\"id\":\"q\",\"name\":\"Quote \\\"Q\\\" Corp\",\"market\":\"global\"},"
  "               {\"id\":\"nl\",\"name\":\"Line\\nBreak\",\"market\":\"china\"},"
  "               {\"id\":\"crlf\",\"name\":\"Windows\\r\\nLine\",\"market\":\"china\"}],"
  " \"series\":{"
  "  \"capex\":{\"msft\":[0.30000000000000004,null,1e-300],\"q\":[123456789.123,3.3333333333333335,null],"
  "            \"nl\":[null,null,null],\"crlf\":[1e21,0,5]},"
  "  \"backlog\":{\"msft\":[1,2,3],\"nl\":[null,7.25,null]},"
  "  \"share\":{\"msft\":[0.3333333333333333,0.47,1],\"q\":[0,1e-07,null],"
  "            \"nl\":[0.1,0.2,0.30000000000000004],\"crlf\":[null,0.5,0.123456789012345]},"
  "  \"tokens\":{\"global\":[1.5,8,60],\"china\":[null,0.001,2.5e-05]}},"
  " \"scenarios\":[{\"name\":\"Bear\",\"assumptions\":{},\"company_assumptions\":{},"
  "                \"cells\":[{\"table\":\"capex\",\"row\":\"msft\",\"period\":2,\"value\":90}]}]"
  "}";

/* The same calendar and rows with no values at all */
static const char empty_json[] =
  "{\"format\":\"breakeven-workbook\",\"version\":1,\"title\":\"CSV test\","
  " \"granularity\":\"year\",\"first_period\":\"2023\",\"periods\":3,"
  " \"markets\":[{\"id\":\"global\",\"name\":\"Global, ex-China\"},"
  "              {\"id\":\"china\",\"name\":\"China \\\"PRC\\\"\"}],"
  " \"companies\":[{\"id\":\"msft\",\"name\":\"Microsoft, Inc.\",\"market\":\"global\"},"
  "               {\"id\":\"q\",\"name\":\"Quote \\\"Q\\\" Corp\",\"market\":\"global\"},"
  "               {\"id\":\"nl\",\"name\":\"Line\\nBreak\",\"market\":\"china\"},"
  "               {\"id\":\"crlf\",\"name\":\"Windows\\r\\nLine\",\"market\":\"china\"}],"
  " \"series\":{},"
  " \"scenarios\":[{\"name\":\"Bear\",\"assumptions\":{},\"company_assumptions\":{},"
  "                \"cells\":[{\"table\":\"capex\",\"row\":\"msft\",\"period\":2,\"value\":90}]}]"
  "}";

static BkDocument *
make_document (const char *json)
{
  static guint counter;
  g_autoptr(GError) error = NULL;
  g_autoptr(BkWorkbook) wb = NULL;
  g_autofree char *name = g_strdup_printf ("doc-%u.breakeven", ++counter);
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  BkDocument *doc;

  wb = bk_json_read_workbook (json, -1, &error);
  g_assert_no_error (error);
  doc = bk_document_create (path, wb, FALSE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);

  return doc;
}

static char *
doc_json (BkDocument *doc)
{
  return bk_json_write_workbook (bk_document_get_workbook (doc));
}

static double
base_value (BkDocument *doc,
            BkTable     table,
            const char *row,
            const char *period)
{
  BkWorkbook *wb = bk_document_get_workbook (doc);
  int r = bk_workbook_find_row (wb, table, row);
  int p = bk_workbook_find_period (wb, period);
  BkCell cell;

  g_assert_cmpint (r, >=, 0);
  g_assert_cmpint (p, >=, 0);
  bk_workbook_get_cell (wb, BK_SCENARIO_BASE, table, (guint) r, (guint) p, &cell);

  return cell.value;
}

static void
import_ok (BkDocument *doc,
           guint       scenario,
           BkTable     table,
           const char *csv)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (bk_csv_import_table (doc, scenario, table, csv, -1, &error));
  g_assert_no_error (error);
}

/* ---------------------------------------------------------------------- */

static void
test_write_quoting (void)
{
  g_autoptr(BkDocument) doc = make_document (workbook_json);
  BkWorkbook *wb = bk_document_get_workbook (doc);
  g_autofree char *capex = bk_csv_write_table (wb, BK_TABLE_CAPEX);
  g_autofree char *share = bk_csv_write_table (wb, BK_TABLE_SHARE);
  g_autofree char *tokens = bk_csv_write_table (wb, BK_TABLE_TOKENS);
  g_autofree char *backlog = bk_csv_write_table (wb, BK_TABLE_BACKLOG);

  g_assert_cmpstr (capex, ==,
                   "id,name,2023,2024,2025\r\n"
                   "msft,\"Microsoft, Inc.\",0.30000000000000004,,1e-300\r\n"
                   "q,\"Quote \"\"Q\"\" Corp\",123456789.123,3.3333333333333335,\r\n"
                   "nl,\"Line\nBreak\",,,\r\n"
                   "crlf,\"Windows\r\nLine\",1e+21,0,5\r\n");
  /* Share as fractions */
  g_assert_cmpstr (share, ==,
                   "id,name,2023,2024,2025\r\n"
                   "msft,\"Microsoft, Inc.\",0.3333333333333333,0.47,1\r\n"
                   "q,\"Quote \"\"Q\"\" Corp\",0,1e-07,\r\n"
                   "nl,\"Line\nBreak\",0.1,0.2,0.30000000000000004\r\n"
                   "crlf,\"Windows\r\nLine\",,0.5,0.123456789012345\r\n");
  /* Tokens: one row per market */
  g_assert_cmpstr (tokens, ==,
                   "id,name,2023,2024,2025\r\n"
                   "global,\"Global, ex-China\",1.5,8,60\r\n"
                   "china,\"China \"\"PRC\"\"\",,0.001,2.5e-05\r\n");
  g_assert_true (g_str_has_prefix (backlog, "id,name,2023,2024,2025\r\nmsft,\"Microsoft, Inc.\",1,2,3\r\n"));
}

static void
test_write_formula (void)
{
  g_autoptr(BkDocument) doc = make_document (workbook_json);
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  const char *texts[] = { "=prev*2" };

  /* backlog msft 2024 */
  g_assert_true (bk_document_set_cells (doc, BK_SCENARIO_BASE, BK_TABLE_BACKLOG, 0, 1, 1, 1,
                                        texts, NULL, &error));
  g_assert_no_error (error);
  csv = bk_csv_write_table (bk_document_get_workbook (doc), BK_TABLE_BACKLOG);
  g_assert_true (g_str_has_prefix (csv, "id,name,2023,2024,2025\r\nmsft,\"Microsoft, Inc.\",1,2,3\r\n"));
  g_clear_pointer (&csv, g_free);

  {
    const char *bad[] = { "=prev*2", "5" };

    g_assert_true (bk_document_set_cells (doc, BK_SCENARIO_BASE, BK_TABLE_BACKLOG, 0, 1, 1, 2,
                                          bad, NULL, &error));
    g_assert_no_error (error);
  }
  csv = bk_csv_write_table (bk_document_get_workbook (doc), BK_TABLE_BACKLOG);
  /* The formula's value, not its text */
  g_assert_true (g_str_has_prefix (csv, "id,name,2023,2024,2025\r\nmsft,\"Microsoft, Inc.\",1,2,5\r\n"));
}

/* Export every table of one document, import into a document with the same
 * rows and no values: the documents are then the same, and export again
 * gives the same text. */
static void
test_round_trip (void)
{
  g_autoptr(BkDocument) full = make_document (workbook_json);
  g_autoptr(BkDocument) empty = make_document (empty_json);
  g_autofree char *json_full = NULL;
  g_autofree char *json_empty = NULL;

  /* The invalid-formula-free part: drop nothing, the workbook has none. */
  for (guint t = 0; t < BK_N_TABLES; t++)
    {
      g_autofree char *csv = bk_csv_write_table (bk_document_get_workbook (full), (BkTable) t);
      g_autofree char *again = NULL;

      import_ok (empty, BK_SCENARIO_BASE, (BkTable) t, csv);
      again = bk_csv_write_table (bk_document_get_workbook (empty), (BkTable) t);
      g_assert_cmpstr (again, ==, csv);

      /* Importing the same text into the original changes nothing. */
      import_ok (full, BK_SCENARIO_BASE, (BkTable) t, csv);
    }

  json_full = doc_json (full);
  json_empty = doc_json (empty);
  g_assert_cmpstr (json_empty, ==, json_full);

  /* Every value exactly, share fractions included */
  g_assert_cmpfloat (base_value (empty, BK_TABLE_SHARE, "msft", "2023"), ==, 1.0 / 3.0);
  g_assert_cmpfloat (base_value (empty, BK_TABLE_SHARE, "q", "2024"), ==, 1e-07);
  g_assert_cmpfloat (base_value (empty, BK_TABLE_SHARE, "nl", "2025"), ==, 0.1 + 0.2);
  g_assert_cmpfloat (base_value (empty, BK_TABLE_CAPEX, "msft", "2023"), ==, 0.1 + 0.2);
  g_assert_cmpfloat (base_value (empty, BK_TABLE_CAPEX, "msft", "2025"), ==, 1e-300);
  g_assert_cmpfloat (base_value (empty, BK_TABLE_CAPEX, "crlf", "2023"), ==, 1e21);
  g_assert_true (isnan (base_value (empty, BK_TABLE_CAPEX, "msft", "2024")));
  g_assert_cmpfloat (base_value (empty, BK_TABLE_TOKENS, "china", "2025"), ==, 2.5e-05);
}

static void
test_round_trip_doubles (void)
{
  g_autoptr(BkDocument) doc = make_document (empty_json);
  g_autoptr(GRand) rand = g_rand_new_with_seed (4180);
  BkWorkbook *wb = bk_document_get_workbook (doc);

  /* Random fractions and amounts over many magnitudes */
  for (guint round = 0; round < 20; round++)
    {
      g_autoptr(GString) share = g_string_new ("id,name,2023,2024,2025\n");
      g_autoptr(GString) capex = g_string_new ("id,name,2023,2024,2025\n");
      double expect_share[4][3], expect_capex[4][3];

      for (guint r = 0; r < 4; r++)
        {
          const char *id = bk_workbook_get_company_id (wb, r);

          g_string_append_printf (share, "%s,x", id);
          g_string_append_printf (capex, "%s,x", id);
          for (guint p = 0; p < 3; p++)
            {
              char buf[G_ASCII_DTOSTR_BUF_SIZE];

              expect_share[r][p] = g_rand_double (rand) * pow (10, -g_rand_int_range (rand, 0, 12));
              expect_capex[r][p] = g_rand_double (rand) * pow (10, g_rand_int_range (rand, -20, 20));
              g_string_append_printf (share, ",%s", g_ascii_dtostr (buf, sizeof buf, expect_share[r][p]));
              g_string_append_printf (capex, ",%s", g_ascii_dtostr (buf, sizeof buf, expect_capex[r][p]));
            }
          g_string_append (share, "\n");
          g_string_append (capex, "\n");
        }

      import_ok (doc, BK_SCENARIO_BASE, BK_TABLE_SHARE, share->str);
      import_ok (doc, BK_SCENARIO_BASE, BK_TABLE_CAPEX, capex->str);

      for (guint r = 0; r < 4; r++)
        for (guint p = 0; p < 3; p++)
          {
            g_assert_cmpfloat (bk_workbook_get_row_values (wb, BK_TABLE_SHARE, r)[p], ==, expect_share[r][p]);
            g_assert_cmpfloat (bk_workbook_get_row_values (wb, BK_TABLE_CAPEX, r)[p], ==, expect_capex[r][p]);
          }

      /* and back out, in the shortest form */
      {
        g_autofree char *csv = bk_csv_write_table (wb, BK_TABLE_SHARE);
        g_autoptr(BkDocument) other = make_document (empty_json);
        g_autofree char *again = NULL;

        import_ok (other, BK_SCENARIO_BASE, BK_TABLE_SHARE, csv);
        again = bk_csv_write_table (bk_document_get_workbook (other), BK_TABLE_SHARE);
        g_assert_cmpstr (again, ==, csv);
      }
    }
}

/* RFC 4180 details: quoted fields with commas, line breaks and quotes,
 * quoted numbers, BOM, CRLF, LF and CR line ends, no final line end,
 * empty lines, white space around ids and labels. */
static void
test_read_syntax (void)
{
  struct {
    const char *csv;
    double      msft_2024;
    double      q_2025;
  } cases[] = {
    { "id,name,2024,2025\r\nmsft,\"A, \"\"B\"\"\r\nC\",\"1,234.5\",\r\nq,,,\"7\"\r\n", 1234.5, 7 },
    { "\xEF\xBB\xBFid,name,2024,2025\nmsft,x,1,2\nq,y,3,4\n", 1, 4 },
    { "\xEF\xBB\xBF" "id,name,2024,2025\r\nmsft,x,1,2\r\nq,y,3,4", 1, 4 },
    { "id,name,2024,2025\rmsft,x,1,2\rq,y,3,4\r", 1, 4 },
    { "id,name,2024,2025\n\nmsft,x,1,2\n\r\n\nq,y,3,4\n\n\n", 1, 4 },
    { "ID, Name ,2024 , 2025\nmsft ,x, 1 ,2\n q,y,3,  4  \n", 1, 4 },
    { "\"id\",\"name\",\"2024\",\"2025\"\n\"msft\",\"x\",\"1\",\"2\"\n\"q\",\"\",\"3\",\"4\"\n", 1, 4 },
    /* suffixes, currency and the thousands separator of the C locale */
    { "id,name,2024,2025\nmsft,x,1.2T,$500M\nq,y,US$ 3B,\"4,000\"\n", 1200, 4000 },
    /* a growth formula and a plain formula */
    { "id,name,2023,2024,2025\nmsft,x,10,+10%,\nq,y,1,2,=prev*2+1\n", 11, 5 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(BkDocument) doc = make_document (empty_json);

      g_test_message ("case %u", i);
      import_ok (doc, BK_SCENARIO_BASE, BK_TABLE_CAPEX, cases[i].csv);
      g_assert_cmpfloat_with_epsilon (base_value (doc, BK_TABLE_CAPEX, "msft", "2024"), cases[i].msft_2024, 1e-12);
      g_assert_cmpfloat_with_epsilon (base_value (doc, BK_TABLE_CAPEX, "q", "2025"), cases[i].q_2025, 1e-12);
    }

  /* The growth shorthand became a formula */
  {
    g_autoptr(BkDocument) doc = make_document (empty_json);
    BkCell cell;

    import_ok (doc, BK_SCENARIO_BASE, BK_TABLE_CAPEX, cases[8].csv);
    bk_workbook_get_cell (bk_document_get_workbook (doc), BK_SCENARIO_BASE,
                          BK_TABLE_CAPEX, 0, 1, &cell);
    g_assert_cmpstr (cell.formula, ==, "=prev*1.1");
  }
}

/* CSV holds share as fractions; '%' still means percent. */
static void
test_read_share (void)
{
  g_autoptr(BkDocument) doc = make_document (empty_json);

  import_ok (doc, BK_SCENARIO_BASE, BK_TABLE_SHARE,
             "id,name,2023,2024,2025\n"
             "msft,x,0.47,47%,1\n"
             "q,y,0,\" 12.5 % \",=0.25\n"
             "nl,z,1e-7,+0.5,.5\n");
  g_assert_cmpfloat (base_value (doc, BK_TABLE_SHARE, "msft", "2023"), ==, 0.47);
  g_assert_cmpfloat (base_value (doc, BK_TABLE_SHARE, "msft", "2024"), ==, 0.47);
  g_assert_cmpfloat (base_value (doc, BK_TABLE_SHARE, "msft", "2025"), ==, 1);
  g_assert_cmpfloat (base_value (doc, BK_TABLE_SHARE, "q", "2023"), ==, 0);
  g_assert_cmpfloat (base_value (doc, BK_TABLE_SHARE, "q", "2024"), ==, 0.125);
  g_assert_cmpfloat (base_value (doc, BK_TABLE_SHARE, "q", "2025"), ==, 0.25);
  g_assert_cmpfloat (base_value (doc, BK_TABLE_SHARE, "nl", "2023"), ==, 1e-7);
  g_assert_cmpfloat (base_value (doc, BK_TABLE_SHARE, "nl", "2024"), ==, 0.5);
  g_assert_cmpfloat (base_value (doc, BK_TABLE_SHARE, "nl", "2025"), ==, 0.5);
}

/* Columns in any order and a subset of rows; blanks clear; the rest stays. */
static void
test_read_subset (void)
{
  g_autoptr(BkDocument) doc = make_document (workbook_json);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = doc_json (doc);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;

  g_assert_false (bk_document_can_undo (doc));
  import_ok (doc, BK_SCENARIO_BASE, BK_TABLE_CAPEX,
             "id,name,2025,2023\n"
             "crlf,whatever,,42\n");
  g_assert_cmpfloat (base_value (doc, BK_TABLE_CAPEX, "crlf", "2023"), ==, 42);
  g_assert_true (isnan (base_value (doc, BK_TABLE_CAPEX, "crlf", "2025")));
  g_assert_cmpfloat (base_value (doc, BK_TABLE_CAPEX, "crlf", "2024"), ==, 0);
  g_assert_cmpfloat (base_value (doc, BK_TABLE_CAPEX, "msft", "2023"), ==, 0.1 + 0.2);
  g_assert_cmpfloat (base_value (doc, BK_TABLE_CAPEX, "q", "2023"), ==, 123456789.123);
  /* Names are not changed by CSV */
  g_assert_cmpstr (bk_workbook_get_company_name (bk_document_get_workbook (doc), 3), ==, "Windows\r\nLine");

  /* One undo step brings everything back */
  after = doc_json (doc);
  g_assert_true (bk_document_undo (doc, &error));
  g_assert_no_error (error);
  g_assert_false (bk_document_can_undo (doc));
  undone = doc_json (doc);
  g_assert_cmpstr (undone, ==, before);
  g_clear_pointer (&undone, g_free);
  g_assert_true (bk_document_redo (doc, &error));
  g_assert_no_error (error);
  undone = doc_json (doc);
  g_assert_cmpstr (undone, ==, after);

  /* Header only: nothing changes and nothing is recorded */
  import_ok (doc, BK_SCENARIO_BASE, BK_TABLE_CAPEX, "id,name,2023\r\n");
  import_ok (doc, BK_SCENARIO_BASE, BK_TABLE_CAPEX, "id,name\nmsft,x\n");
  g_clear_pointer (&undone, g_free);
  undone = doc_json (doc);
  g_assert_cmpstr (undone, ==, after);
}

/* A whole-table import is one undo step; rows and periods in between keep
 * their formulas, even one that gives no value. */
static void
test_one_undo_step (void)
{
  g_autoptr(BkDocument) doc = make_document (workbook_json);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *json = NULL;
  const char *formulas[] = { "=prev*2", "7" };
  BkCell cell;

  g_assert_true (bk_document_set_cells (doc, BK_SCENARIO_BASE, BK_TABLE_CAPEX, 1, 1, 1, 2,
                                        formulas, NULL, &error));
  g_assert_no_error (error);
  before = doc_json (doc);

  import_ok (doc, BK_SCENARIO_BASE, BK_TABLE_CAPEX,
             "id,name,2023,2025\n"
             "msft,x,1,2\n"
             "crlf,y,3,4\n");
  /* q's formula in the gap is kept and follows the new values */
  bk_workbook_get_cell (bk_document_get_workbook (doc), BK_SCENARIO_BASE, BK_TABLE_CAPEX, 1, 1, &cell);
  g_assert_cmpstr (cell.formula, ==, "=prev*2");
  g_assert_cmpfloat (cell.value, ==, 2 * 123456789.123);
  g_assert_cmpfloat (base_value (doc, BK_TABLE_CAPEX, "msft", "2023"), ==, 1);
  g_assert_cmpfloat (base_value (doc, BK_TABLE_CAPEX, "crlf", "2025"), ==, 4);
  g_assert_cmpfloat (base_value (doc, BK_TABLE_CAPEX, "q", "2025"), ==, 7);
  after = doc_json (doc);

  g_assert_true (bk_document_undo (doc, &error));
  g_assert_no_error (error);
  json = doc_json (doc);
  g_assert_cmpstr (json, ==, before);
  g_clear_pointer (&json, g_free);

  g_assert_true (bk_document_redo (doc, &error));
  g_assert_no_error (error);
  json = doc_json (doc);
  g_assert_cmpstr (json, ==, after);
}

/* A formula that gives no value in a gap does not block the import. */
static void
test_invalid_formula_in_gap (void)
{
  g_autoptr(BkDocument) doc = make_document (workbook_json);
  g_autoptr(GError) error = NULL;
  BkWorkbook *wb = bk_document_get_workbook (doc);
  const char *texts[] = { "=prev*2" };
  BkCell cell;

  /* backlog nl: [blank, 7.25, blank]; 2025 = prev*2, then 2024 cleared is
   * still fine (backlog carries forward); make it fail with a huge prev. */
  g_assert_true (bk_document_set_cells (doc, BK_SCENARIO_BASE, BK_TABLE_BACKLOG, 2, 2, 1, 1,
                                        texts, NULL, &error));
  g_assert_no_error (error);
  import_ok (doc, BK_SCENARIO_BASE, BK_TABLE_BACKLOG, "id,name,2024\nnl,x,1e308\n");
  bk_workbook_get_cell (wb, BK_SCENARIO_BASE, BK_TABLE_BACKLOG, 2, 2, &cell);
  g_assert_cmpstr (cell.formula, ==, "=prev*2");
  g_assert_true (cell.flags & BK_CELL_INVALID);

  /* Now the invalid formula sits in the gap between two named rows */
  import_ok (doc, BK_SCENARIO_BASE, BK_TABLE_BACKLOG,
             "id,name,2023,2025\nmsft,x,5,6\ncrlf,y,7,8\n");
  g_assert_cmpfloat (base_value (doc, BK_TABLE_BACKLOG, "msft", "2023"), ==, 5);
  g_assert_cmpfloat (base_value (doc, BK_TABLE_BACKLOG, "msft", "2024"), ==, 2);
  g_assert_cmpfloat (base_value (doc, BK_TABLE_BACKLOG, "crlf", "2025"), ==, 8);
  bk_workbook_get_cell (wb, BK_SCENARIO_BASE, BK_TABLE_BACKLOG, 2, 2, &cell);
  g_assert_cmpstr (cell.formula, ==, "=prev*2");
  g_assert_true (cell.flags & BK_CELL_INVALID);
}

/* In a scenario the CSV becomes overrides of exactly the cells it names. */
static void
test_scenario (void)
{
  g_autoptr(BkDocument) doc = make_document (workbook_json);
  g_autoptr(GError) error = NULL;
  BkWorkbook *wb = bk_document_get_workbook (doc);
  g_autofree char *before = doc_json (doc);
  g_autofree char *json = NULL;
  g_autofree char *base_csv = bk_csv_write_table (wb, BK_TABLE_CAPEX);
  g_autofree char *base_again = NULL;
  BkCell cell;

  g_assert_cmpuint (bk_workbook_get_n_overrides (wb, 1), ==, 1);
  import_ok (doc, 1, BK_TABLE_CAPEX,
             "id,name,2023,2025\n"
             "q,x,1,2\n"
             "crlf,y,3,\n");
  g_assert_cmpuint (bk_workbook_get_n_overrides (wb, 1), ==, 5);

  bk_workbook_get_cell (wb, 1, BK_TABLE_CAPEX, 1, 0, &cell);
  g_assert_cmpfloat (cell.value, ==, 1);
  g_assert_true (cell.flags & BK_CELL_OVERRIDDEN);
  bk_workbook_get_cell (wb, 1, BK_TABLE_CAPEX, 1, 1, &cell);
  g_assert_false (cell.flags & BK_CELL_OVERRIDDEN);
  bk_workbook_get_cell (wb, 1, BK_TABLE_CAPEX, 3, 2, &cell);
  g_assert_true (cell.flags & BK_CELL_OVERRIDDEN);
  g_assert_true (cell.flags & BK_CELL_BLANK);

  /* The base is untouched */
  base_again = bk_csv_write_table (wb, BK_TABLE_CAPEX);
  g_assert_cmpstr (base_again, ==, base_csv);

  /* A whole table in a scenario is one undo step */
  while (bk_document_can_undo (doc))
    g_assert_true (bk_document_undo (doc, NULL));
  json = doc_json (doc);
  g_assert_cmpstr (json, ==, before);
  g_assert_false (bk_document_can_undo (doc));

  import_ok (doc, 1, BK_TABLE_CAPEX, base_csv);
  g_assert_cmpuint (bk_workbook_get_n_overrides (wb, 1), ==, 12);
  g_assert_true (bk_document_undo (doc, &error));
  g_assert_no_error (error);
  g_assert_false (bk_document_can_undo (doc));
  g_clear_pointer (&json, g_free);
  json = doc_json (doc);
  g_assert_cmpstr (json, ==, before);
}

/* Every rejection names the first problem and changes nothing. */
static void
test_rejections (void)
{
  static const struct {
    BkTable     table;
    const char *csv;
    int         length;   /* -1: NUL-terminated */
    const char *message;  /* the whole message, or its start when it ends in ": " */
  } cases[] = {
    { BK_TABLE_CAPEX, "", -1, "line 1: " },
    { BK_TABLE_CAPEX, "\n\n", -1, "line 1: " },
    { BK_TABLE_CAPEX, "\xEF\xBB\xBF", -1, "line 1: " },
    { BK_TABLE_CAPEX, "name,id,2023\nmsft,x,1\n", -1, "line 1: " },
    { BK_TABLE_CAPEX, "id\nmsft\n", -1, "line 1: " },
    { BK_TABLE_CAPEX, "company,name,2023\nmsft,x,1\n", -1, "line 1: " },
    { BK_TABLE_CAPEX, "id,name,2023,2031\nmsft,x,1,2\n", -1,
      "line 1, column \"2031\": not a period of this workbook" },
    { BK_TABLE_CAPEX, "id,name,2023,2023Q1\nmsft,x,1,2\n", -1,
      "line 1, column \"2023Q1\": not a period of this workbook" },
    { BK_TABLE_CAPEX, "id,name,2023,\nmsft,x,1,2\n", -1, "line 1, column \"\": " },
    { BK_TABLE_CAPEX, "id,name,2024,2023,2024\nmsft,x,1,2,3\n", -1, "line 1, column \"2024\": " },
    { BK_TABLE_CAPEX, "id,name,2023\nmsft,x,1\nx,y,2\n", -1, "line 3: unknown company \"x\"" },
    { BK_TABLE_TOKENS, "id,name,2023\nglobal,x,1\nmsft,y,2\n", -1, "line 3: unknown market \"msft\"" },
    { BK_TABLE_CAPEX, "id,name,2023\nmsft,x,1\nq,y,2\nmsft,z,3\n", -1, "line 4: " },
    { BK_TABLE_CAPEX, "id,name,2023,2024\nmsft,x,1,2\nq,y,3\n", -1, "line 3: " },
    { BK_TABLE_CAPEX, "id,name,2023,2024\nmsft,x,1,2\nq,y,3,4,5\n", -1, "line 3: " },
    { BK_TABLE_CAPEX, "id,name,2023,2024\nmsft,x,1,2\nq,y,3,4,\n", -1, "line 3: " },
    /* the first bad cell, in reading order, with its label */
    { BK_TABLE_CAPEX, "id,name,2024,2025\nmsft,x,1,2\nq,y,3,4\nnl,z,5,abc\ncrlf,w,xyz,1\n", -1,
      "line 4, column 2025: " },
    { BK_TABLE_CAPEX, "id,name,2025,2024\nmsft,x,1,2\nq,y,3,4\nnl,z,5,1.2.3\n", -1,
      "line 4, column 2024: " },
    /* a line break inside a quoted name moves the lines on */
    { BK_TABLE_CAPEX, "id,name,2024,2025\nmsft,\"two\nlines\",1,2\nq,y,3,nope\n", -1,
      "line 4, column 2025: " },
    { BK_TABLE_CAPEX, "id,name,2025\nmsft,x,-1\n", -1, "line 2, column 2025: " },
    { BK_TABLE_CAPEX, "id,name,2025\nmsft,x,1e999\n", -1, "line 2, column 2025: " },
    { BK_TABLE_CAPEX, "id,name,2025\nmsft,x,nan\n", -1, "line 2, column 2025: " },
    { BK_TABLE_CAPEX, "id,name,2025\nmsft,x,inf\n", -1, "line 2, column 2025: " },
    { BK_TABLE_CAPEX, "id,name,2025\nmsft,x,1,5\n", -1, "line 2: " },
    { BK_TABLE_CAPEX, "id,name,2025\nmsft,x,5%\n", -1, "line 2, column 2025: " },
    { BK_TABLE_CAPEX, "id,name,2025\nmsft,x,=1/0\n", -1, "line 2, column 2025: " },
    { BK_TABLE_CAPEX, "id,name,2025\nmsft,x,=prev-1000\n", -1, "line 2, column 2025: " },
    { BK_TABLE_CAPEX, "id,name,2025\nmsft,x,=(1\n", -1, "line 2, column 2025: " },
    { BK_TABLE_SHARE, "id,name,2025\nmsft,x,47\n", -1, "line 2, column 2025: " },
    { BK_TABLE_SHARE, "id,name,2025\nmsft,x,1.5\n", -1, "line 2, column 2025: " },
    { BK_TABLE_SHARE, "id,name,2025\nmsft,x,-0.1\n", -1, "line 2, column 2025: " },
    { BK_TABLE_SHARE, "id,name,2025\nmsft,x,101%\n", -1, "line 2, column 2025: " },
    { BK_TABLE_SHARE, "id,name,2025\nmsft,x,5B\n", -1, "line 2, column 2025: " },
    { BK_TABLE_TOKENS, "id,name,2025\nglobal,x,$5\n", -1, "line 2, column 2025: " },
    /* quoting errors */
    { BK_TABLE_CAPEX, "id,name,2025\nmsft,\"x,1\n", -1, "line 2: " },
    { BK_TABLE_CAPEX, "id,name,2025\nmsft,\"x\"y,1\n", -1, "line 2: " },
    { BK_TABLE_CAPEX, "id,name,2025\nmsft,x\"y,1\n", -1, "line 2: " },
    /* not UTF-8, and a NUL byte */
    { BK_TABLE_CAPEX, "id,name,2025\nmsft,\xff,1\n", -1, "line 2: " },
    { BK_TABLE_CAPEX, "id,name,2025\nmsft,x,1\0\n", 23, "line 2: " },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(BkDocument) doc = make_document (workbook_json);
      g_autoptr(GError) error = NULL;
      g_autofree char *before = doc_json (doc);
      g_autofree char *after = NULL;
      gboolean ok;

      {
        g_autofree char *escaped = g_strescape (cases[i].csv, NULL);

        g_test_message ("case %u: %s", i, escaped);
      }
      ok = bk_csv_import_table (doc, BK_SCENARIO_BASE, cases[i].table,
                                cases[i].csv, cases[i].length, &error);
      g_assert_false (ok);
      g_assert_nonnull (error);
      g_assert_true (error->domain == BK_ERROR);
      g_test_message ("-> %s", error->message);

      if (g_str_has_suffix (cases[i].message, ": "))
        {
          g_assert_true (g_str_has_prefix (error->message, cases[i].message));
          g_assert_cmpuint (strlen (error->message), >, strlen (cases[i].message));
        }
      else
        g_assert_cmpstr (error->message, ==, cases[i].message);

      after = doc_json (doc);
      g_assert_cmpstr (after, ==, before);
      g_assert_false (bk_document_can_undo (doc));

      /* The same in a scenario */
      g_clear_error (&error);
      g_assert_false (bk_csv_import_table (doc, 1, cases[i].table,
                                           cases[i].csv, cases[i].length, &error));
      g_assert_nonnull (error);
      g_clear_pointer (&after, g_free);
      after = doc_json (doc);
      g_assert_cmpstr (after, ==, before);
    }
}

/* The exact messages the contract shows */
static void
test_rejection_messages (void)
{
  g_autoptr(BkDocument) doc = make_document (workbook_json);
  g_autoptr(GError) error = NULL;

  g_assert_false (bk_csv_import_table (doc, BK_SCENARIO_BASE, BK_TABLE_CAPEX,
                                       "id,name,2025\nmsft,x,1\nq,y,-5\n", -1, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_OUT_OF_RANGE);
  g_assert_cmpstr (error->message, ==, "line 3, column 2025: CapEx cannot be negative (got -5)");
  g_clear_error (&error);

  g_assert_false (bk_csv_import_table (doc, BK_SCENARIO_BASE, BK_TABLE_CAPEX,
                                       "id,name,2025\nmsft,x,1\nq,y,abc\n", -1, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT);
  g_assert_true (g_str_has_prefix (error->message, "line 3, column 2025: “abc” is not a number"));
  g_clear_error (&error);

  g_assert_false (bk_csv_import_table (doc, BK_SCENARIO_BASE, BK_TABLE_SHARE,
                                       "id,name,2025\nmsft,x,1.7\n", -1, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_OUT_OF_RANGE);
  g_assert_true (g_str_has_prefix (error->message, "line 2, column 2025: 1.7 is not a fraction between 0 and 1"));
  g_clear_error (&error);
}

/* Half-yearly and quarterly labels */
static void
test_sub_year_periods (void)
{
  static const char json[] =
    "{\"format\":\"breakeven-workbook\",\"version\":1,\"granularity\":\"quarter\","
    " \"first_period\":\"2024Q3\",\"periods\":4,"
    " \"markets\":[{\"id\":\"m\",\"name\":\"M\"}],"
    " \"companies\":[{\"id\":\"c\",\"name\":\"C\",\"market\":\"m\"}],"
    " \"series\":{\"capex\":{\"c\":[1,2,3,4]}}}";
  g_autoptr(BkDocument) doc = make_document (json);
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = bk_csv_write_table (bk_document_get_workbook (doc), BK_TABLE_CAPEX);

  g_assert_cmpstr (csv, ==, "id,name,2024Q3,2024Q4,2025Q1,2025Q2\r\nc,C,1,2,3,4\r\n");
  import_ok (doc, BK_SCENARIO_BASE, BK_TABLE_CAPEX, "id,name,2025q1\nc,C,9\n");
  g_assert_cmpfloat (base_value (doc, BK_TABLE_CAPEX, "c", "2025Q1"), ==, 9);
  g_assert_false (bk_csv_import_table (doc, BK_SCENARIO_BASE, BK_TABLE_CAPEX,
                                       "id,name,2024Q2\nc,C,9\n", -1, &error));
  g_assert_cmpstr (error->message, ==, "line 1, column \"2024Q2\": not a period of this workbook");
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        g_unlink (child);
      }
  g_rmdir (path);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  tmp_dir = g_dir_make_tmp ("test-csv-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/csv/write/quoting", test_write_quoting);
  g_test_add_func ("/csv/write/formula", test_write_formula);
  g_test_add_func ("/csv/round-trip/tables", test_round_trip);
  g_test_add_func ("/csv/round-trip/doubles", test_round_trip_doubles);
  g_test_add_func ("/csv/read/syntax", test_read_syntax);
  g_test_add_func ("/csv/read/share", test_read_share);
  g_test_add_func ("/csv/read/subset", test_read_subset);
  g_test_add_func ("/csv/read/one-undo-step", test_one_undo_step);
  g_test_add_func ("/csv/read/invalid-formula-in-gap", test_invalid_formula_in_gap);
  g_test_add_func ("/csv/read/scenario", test_scenario);
  g_test_add_func ("/csv/read/rejections", test_rejections);
  g_test_add_func ("/csv/read/rejection-messages", test_rejection_messages);
  g_test_add_func ("/csv/read/sub-year-periods", test_sub_year_periods);

  status = g_test_run ();

  remove_tree (tmp_dir);
  g_free (tmp_dir);

  return status;
}
