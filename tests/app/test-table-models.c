/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-table-models.c — the table models over a document and the engine,
 * and the number formatting the app shares.  No display needed.
 *
 * Every test works on a fresh document made from the bundled sample in a
 * temporary directory, and checks what a person would see in the grid or
 * find in the file.  The locale tests need en_US.UTF-8, de_DE.UTF-8 and
 * zh_CN.UTF-8 (build-aux/deps.sh generates them): a missing one fails.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <sqlite3.h>
#include <string.h>

#include "bk-assumptions-table-model.h"
#include "bk-engine.h"
#include "bk-format.h"
#include "bk-input-table-model.h"
#include "bk-json.h"
#include "bk-results-table-model.h"
#include "bk-series-table-model.h"

/* Sample rows and columns used below */
#define ROW_MSFT   0
#define ROW_ORCL   4
#define ROW_BABA   5
#define ROW_BIDU   8
#define COL_2023   0
#define COL_2024   1
#define COL_2025   2
#define COL_2026   3
#define COL_2027   4
#define SCENARIO_BEAR 1
#define SCENARIO_FOMO 3

/* Assumption table columns */
#define COL_ALL        0
#define COL_MICROSOFT  1
#define COL_ALPHABET   2

/* ---------------------------------------------------------------------- */
/* Helpers                                                                 */

typedef struct
{
  char       *dir;
  char       *path;
  BkDocument *document;
  BkWorkbook *workbook;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BkWorkbook) sample = bk_json_read_sample (&error);

  g_assert_no_error (error);

  f->dir = g_dir_make_tmp ("breakeven-test-table-models-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "sample.breakeven", NULL);
  f->document = bk_document_create (f->path, sample, FALSE, &error);
  g_assert_no_error (error);
  f->workbook = bk_document_get_workbook (f->document);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *journal = g_strconcat (f->path, "-journal", NULL);
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);

  bk_document_close (f->document);
  g_assert_finalize_object (f->document);
  g_remove (f->path);
  g_remove (journal);
  g_remove (wal);
  g_remove (shm);
  g_assert_cmpint (g_rmdir (f->dir), ==, 0);
  g_free (f->path);
  g_free (f->dir);
}

/* Switches LC_NUMERIC; FALSE (and the test fails) when the locale is missing. */
static gboolean
use_locale (const char *name)
{
  if (setlocale (LC_NUMERIC, name) != NULL)
    return TRUE;

  g_test_message ("%s is not installed (build-aux/deps.sh generates it)", name);
  g_test_fail ();
  return FALSE;
}

static void
restore_locale (void)
{
  g_assert_nonnull (setlocale (LC_NUMERIC, "C.UTF-8"));
}

static char *
display (BkTableModel     *model,
         guint             row,
         guint             column,
         BkTableCellFlags *flags)
{
  GString *text = g_string_new ("garbage");
  BkTableCellFlags f = bk_table_model_get_cell (model, row, column, text);

  if (flags != NULL)
    *flags = f;

  return g_string_free (text, FALSE);
}

static char *
tooltip (BkTableModel *model,
         guint         row,
         guint         column)
{
  GString *text = g_string_new ("garbage");

  bk_table_model_get_tooltip (model, row, column, text);

  return g_string_free (text, FALSE);
}

static char *
row_header (BkTableModel *model,
            guint         row)
{
  GString *text = g_string_new ("garbage");

  bk_table_model_get_row_header (model, row, text);

  return g_string_free (text, FALSE);
}

static char *
column_header (BkTableModel *model,
               guint         column)
{
  GString *text = g_string_new ("garbage");

  bk_table_model_get_column_header (model, column, text);

  return g_string_free (text, FALSE);
}

#define assert_display(model, row, column, expected)                     \
  G_STMT_START {                                                         \
    g_autofree char *text_ = display ((model), (row), (column), NULL);   \
    g_assert_cmpstr (text_, ==, (expected));                             \
  } G_STMT_END

#define assert_flags(model, row, column, mask, expected)                 \
  G_STMT_START {                                                         \
    BkTableCellFlags f_ = bk_table_model_get_cell ((model), (row), (column), NULL); \
    g_assert_cmphex (f_ & (mask), ==, (expected));                       \
  } G_STMT_END

#define assert_edit_text(model, row, column, expected)                   \
  G_STMT_START {                                                         \
    g_autofree char *text_ = bk_table_model_dup_edit_text ((model), (row), (column)); \
    g_assert_cmpstr (text_, ==, (expected));                             \
  } G_STMT_END

static double
cell_value (BkWorkbook *workbook,
            guint       scenario,
            BkTable     table,
            guint       row,
            guint       period)
{
  BkCell cell;

  bk_workbook_get_cell (workbook, scenario, table, row, period, &cell);
  return cell.value;
}

/* What a second connection finds in the file: the value of a base cell, or
 * NAN when there is no row for it. */
static double
value_on_disk (const char *path,
               const char *query)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  double value = NAN;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  g_assert_cmpint (rc, ==, SQLITE_OK);
  rc = sqlite3_prepare_v2 (db, query, -1, &stmt, NULL);
  g_assert_cmpint (rc, ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    value = sqlite3_column_double (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

/* Records what a model announces. */
typedef struct
{
  guint n_cells_changed;
  guint n_resets;
  guint row, column, n_rows, n_columns;
} Recorder;

static void
cells_changed_cb (BkTableModel *model,
                  guint         row,
                  guint         column,
                  guint         n_rows,
                  guint         n_columns,
                  Recorder     *rec)
{
  rec->n_cells_changed++;
  rec->row = row;
  rec->column = column;
  rec->n_rows = n_rows;
  rec->n_columns = n_columns;
}

static void
reset_cb (BkTableModel *model,
          Recorder     *rec)
{
  rec->n_resets++;
}

static void
record (BkTableModel *model,
        Recorder     *rec)
{
  memset (rec, 0, sizeof *rec);
  g_signal_connect (model, "cells-changed", G_CALLBACK (cells_changed_cb), rec);
  g_signal_connect (model, "reset", G_CALLBACK (reset_cb), rec);
}

static void
stop_recording (BkTableModel *model,
                Recorder     *rec)
{
  g_assert_cmpuint (g_signal_handlers_disconnect_by_data (model, rec), ==, 2);
}

/* Whether @data has a handler on @signal of @instance (@data is only
 * compared, never used: it may be a finalized object). */
static gboolean
has_handler (gpointer    instance,
             const char *signal,
             gpointer    data)
{
  guint id = g_signal_lookup (signal, G_OBJECT_TYPE (instance));

  return g_signal_handler_find (instance, G_SIGNAL_MATCH_ID | G_SIGNAL_MATCH_DATA,
                                id, 0, NULL, NULL, data) != 0;
}

static gboolean
has_any_handler (gpointer    instance,
                 const char *signal)
{
  return g_signal_has_handler_pending (instance, g_signal_lookup (signal, G_OBJECT_TYPE (instance)),
                                       0, FALSE);
}

static void
assert_error_mentions (const GError *error,
                       const char   *a,
                       const char   *b)
{
  g_assert_nonnull (error);
  g_test_message ("error: %s", error->message);
  g_assert_nonnull (strstr (error->message, a));
  if (b != NULL)
    g_assert_nonnull (strstr (error->message, b));
}

/* ---------------------------------------------------------------------- */
/* bk-format                                                               */

static char *
fmt_number (double value,
            int    decimals)
{
  GString *out = g_string_new ("x");

  bk_format_number (out, value, decimals);
  /* appends: the "x" stays in front */
  g_assert_true (out->str[0] == 'x');
  g_string_erase (out, 0, 1);

  return g_string_free (out, FALSE);
}

#define assert_number(value, decimals, expected)                         \
  G_STMT_START {                                                         \
    g_autofree char *text_ = fmt_number ((value), (decimals));           \
    g_assert_cmpstr (text_, ==, (expected));                             \
  } G_STMT_END

#define assert_format(call, expected)                                    \
  G_STMT_START {                                                         \
    g_autoptr(GString) out_ = g_string_new (NULL);                       \
    call;                                                                \
    g_assert_cmpstr (out_->str, ==, (expected));                         \
  } G_STMT_END

static void
test_format_number_locales (void)
{
  if (use_locale ("en_US.UTF-8"))
    {
      assert_number (1234.5, 1, "1,234.5");
      assert_number (-1234567.891, 2, "-1,234,567.89");
      assert_number (999.96, 1, "1,000.0");
      assert_number (123, 0, "123");
      assert_number (0.5, 3, "0.500");
      assert_number (-0.04, 1, "0.0");
      assert_number (NAN, 1, "—");
      assert_format (bk_format_number_exact (out_, 1234.5), "1234.5");
      assert_format (bk_format_number_exact (out_, 0.1 + 0.2), "0.30000000000000004");
    }

  if (use_locale ("de_DE.UTF-8"))
    {
      assert_number (1234.5, 1, "1.234,5");
      assert_number (-1234567.891, 2, "-1.234.567,89");
      assert_number (12.25, 2, "12,25");
      assert_format (bk_format_number_exact (out_, 1234.5), "1234,5");
      assert_format (bk_format_cell_value (out_, BK_TABLE_CAPEX, 55.7), "55,7");
      assert_format (bk_format_percent (out_, 0.123, 1), "12,3%");
      assert_format (bk_format_money (out_, 1234.56), "$1.234,6B");
      assert_format (bk_format_assumption (out_, BK_ASSUMPTION_PUE, 1.2), "1,2");

      /* What the grid shows, the parser reads back the same */
      {
        g_autoptr(GString) out = g_string_new (NULL);
        g_autoptr(GError) error = NULL;
        BkInput input;

        bk_format_number_exact (out, 166.75);
        g_assert_true (bk_input_parse (out->str, BK_TABLE_CAPEX, NULL, &input, &error));
        g_assert_no_error (error);
        g_assert_cmpfloat (input.value, ==, 166.75);
      }
    }

  if (use_locale ("zh_CN.UTF-8"))
    {
      assert_number (1234.5, 1, "1,234.5");
      assert_number (1234567, 0, "1,234,567");
      assert_format (bk_format_cell_value (out_, BK_TABLE_SHARE, 0.47), "47.0%");
    }

  /* A locale without grouping still groups thousands (issue 11: the KPI
   * strip said "-$1149.5B" under C.UTF-8) */
  if (use_locale ("C.UTF-8"))
    {
      assert_number (1234.5, 1, "1,234.5");
      assert_number (-1149.49, 1, "-1,149.5");
      assert_number (999.5, 0, "1,000");
      assert_format (bk_format_money (out_, -1149.49), "-$1,149.5B");
    }

  restore_locale ();
}

static void
test_format_units (void)
{
  if (!use_locale ("en_US.UTF-8"))
    return;

  /* Input cells, in the table's unit */
  assert_format (bk_format_cell_value (out_, BK_TABLE_CAPEX, 55.7), "55.7");
  assert_format (bk_format_cell_value (out_, BK_TABLE_CAPEX, 1234.5), "1,234.5");
  assert_format (bk_format_cell_value (out_, BK_TABLE_BACKLOG, 1.13), "1.13");
  assert_format (bk_format_cell_value (out_, BK_TABLE_TOKENS, 480), "480.0");
  assert_format (bk_format_cell_value (out_, BK_TABLE_TOKENS, 1.25), "1.25");
  assert_format (bk_format_cell_value (out_, BK_TABLE_TOKENS, 0.045), "0.045");
  assert_format (bk_format_cell_value (out_, BK_TABLE_TOKENS, 0), "0.0");
  assert_format (bk_format_cell_value (out_, BK_TABLE_SHARE, 0.47), "47.0%");
  assert_format (bk_format_cell_value (out_, BK_TABLE_SHARE, 0.061), "6.1%");

  /* Key figures */
  assert_format (bk_format_money (out_, 123.44), "$123.4B");
  assert_format (bk_format_money (out_, -12.3), "-$12.3B");
  assert_format (bk_format_money (out_, 0.85), "$850M");
  assert_format (bk_format_money (out_, -0.0042), "-$4.2M");
  assert_format (bk_format_money (out_, 0.99999), "$1.0B");
  assert_format (bk_format_money (out_, NAN), "—");
  assert_format (bk_format_percent (out_, 0.123, 1), "12.3%");
  assert_format (bk_format_percent (out_, -0.5, 0), "-50%");
  assert_format (bk_format_percent (out_, NAN, 1), "—");
  assert_format (bk_format_years (out_, 4.24), "4.2 years");
  assert_format (bk_format_years (out_, NAN), "—");

  /* Assumptions as the assumptions table shows them */
  assert_format (bk_format_assumption (out_, BK_ASSUMPTION_UTILIZATION, 0.7), "70%");
  assert_format (bk_format_assumption (out_, BK_ASSUMPTION_DISCOUNT_RATE, 0.085), "8.5%");
  assert_format (bk_format_assumption (out_, BK_ASSUMPTION_CAPEX_PER_MW, 38), "38");
  assert_format (bk_format_assumption (out_, BK_ASSUMPTION_CAPEX_PER_MW, 1250), "1,250");
  assert_format (bk_format_assumption (out_, BK_ASSUMPTION_PUE, 1.2), "1.2");
  assert_format (bk_format_assumption (out_, BK_ASSUMPTION_IT_LIFE_YEARS, 4.5), "4.5");
  assert_format (bk_format_assumption (out_, BK_ASSUMPTION_EXTRA_YEARS, 6), "6");
  assert_format (bk_format_assumption_with_unit (out_, BK_ASSUMPTION_EFFICIENCY_GROWTH, 0.4), "40%/year");
  assert_format (bk_format_assumption_with_unit (out_, BK_ASSUMPTION_OTHER_OPEX_SHARE, 0.15), "15% of revenue");
  assert_format (bk_format_assumption_with_unit (out_, BK_ASSUMPTION_IT_LIFE_YEARS, 6), "6 years");
  assert_format (bk_format_assumption_with_unit (out_, BK_ASSUMPTION_PUE, 1.2), "1.2×");

  /* Engine series */
  assert_format (bk_format_series_value (out_, BK_SERIES_UTILIZATION, 0.25), "25.0%");
  assert_format (bk_format_series_value (out_, BK_SERIES_PRICE, 0.343), "0.343");
  assert_format (bk_format_series_value (out_, BK_SERIES_REVENUE, 12345.67), "12,345.7");

  restore_locale ();
}

/* ---------------------------------------------------------------------- */
/* BkInputTableModel                                                       */

static void
test_input_headers (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(BkInputTableModel) capex = bk_input_table_model_new (f->document, BK_TABLE_CAPEX);
  g_autoptr(BkInputTableModel) tokens = bk_input_table_model_new (f->document, BK_TABLE_TOKENS);
  BkTableModel *model = BK_TABLE_MODEL (capex);
  g_autofree char *first = row_header (model, 0);
  g_autofree char *last = row_header (model, 8);
  g_autofree char *period0 = column_header (model, 0);
  g_autofree char *period4 = column_header (model, 4);
  g_autofree char *market = row_header (BK_TABLE_MODEL (tokens), 1);
  g_autofree char *address = bk_input_table_model_dup_cell_address (capex, ROW_MSFT, COL_2024);

  g_assert_cmpuint (bk_table_model_get_n_rows (model), ==, 9);
  g_assert_cmpuint (bk_table_model_get_n_columns (model), ==, 5);
  g_assert_cmpstr (first, ==, "Microsoft");
  g_assert_cmpstr (last, ==, "Baidu");
  g_assert_cmpstr (period0, ==, "2023");
  g_assert_cmpstr (period4, ==, "2027");

  g_assert_cmpuint (bk_table_model_get_n_rows (BK_TABLE_MODEL (tokens)), ==, 2);
  g_assert_cmpstr (market, ==, "China");

  g_assert_cmpstr (address, ==, "Microsoft · 2024");
  g_assert_true (bk_document_table_model_get_document (BK_DOCUMENT_TABLE_MODEL (capex)) == f->document);
  g_assert_cmpint (bk_input_table_model_get_table (tokens), ==, BK_TABLE_TOKENS);
  g_assert_cmpuint (bk_document_table_model_get_scenario (BK_DOCUMENT_TABLE_MODEL (capex)), ==, BK_SCENARIO_BASE);
}

static void
test_input_display (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(BkInputTableModel) capex = bk_input_table_model_new (f->document, BK_TABLE_CAPEX);
  g_autoptr(BkInputTableModel) backlog = bk_input_table_model_new (f->document, BK_TABLE_BACKLOG);
  g_autoptr(BkInputTableModel) share = bk_input_table_model_new (f->document, BK_TABLE_SHARE);
  g_autoptr(BkInputTableModel) tokens = bk_input_table_model_new (f->document, BK_TABLE_TOKENS);
  BkTableModel *m = BK_TABLE_MODEL (capex);
  BkTableCellFlags all = ~(BkTableCellFlags) 0;
  g_autofree char *note = tooltip (m, ROW_MSFT, COL_2025);
  g_autofree char *carried_tip = tooltip (BK_TABLE_MODEL (backlog), ROW_MSFT, COL_2026);

  /* Plain values, in US$ billion, with one number of decimals a column
   * (the most any of its values needs: Baidu's 1.56 in 2023), as a
   * spreadsheet's number format (issue 11: 28.1 over 3.30 over 1.56) */
  assert_display (m, ROW_MSFT, COL_2023, "28.10");
  assert_display (m, ROW_BIDU, COL_2023, "1.56");
  assert_display (m, ROW_BIDU, COL_2024, "1.13");
  for (guint p = 0; p < bk_table_model_get_n_columns (m); p++)
    {
      int decimals = -1;

      for (guint r = 0; r < bk_table_model_get_n_rows (m); r++)
        {
          g_autofree char *text = display (m, r, p, NULL);
          const char *point = strchr (text, '.');

          if (text[0] == '\0')
            continue;
          g_assert_nonnull (point);
          if (decimals < 0)
            decimals = (int) strlen (point + 1);
          g_assert_cmpint ((int) strlen (point + 1), ==, decimals);
        }
    }
  assert_edit_text (m, ROW_MSFT, COL_2025, "64.55");

  /* A note: flag and tooltip */
  assert_flags (m, ROW_MSFT, COL_2025, all, BK_TABLE_CELL_NOTE);
  g_assert_nonnull (strstr (note, "10-K"));

  /* A formula: its value, its text for the editor */
  assert_display (m, ROW_MSFT, COL_2027, "166.75");
  assert_flags (m, ROW_MSFT, COL_2027, BK_TABLE_CELL_FORMULA, BK_TABLE_CELL_FORMULA);
  assert_edit_text (m, ROW_MSFT, COL_2027, "=prev*1.15");

  /* A blank capex cell is empty: it counts as nothing spent */
  assert_display (m, ROW_ORCL, COL_2023, "");
  assert_flags (m, ROW_ORCL, COL_2023, all, BK_TABLE_CELL_BLANK);
  assert_edit_text (m, ROW_ORCL, COL_2023, "");

  /* A blank backlog cell shows the value carried forward, greyed */
  assert_display (BK_TABLE_MODEL (backlog), ROW_MSFT, COL_2026, "625.0");
  assert_flags (BK_TABLE_MODEL (backlog), ROW_MSFT, COL_2026,
                BK_TABLE_CELL_BLANK | BK_TABLE_CELL_INHERITED,
                BK_TABLE_CELL_BLANK | BK_TABLE_CELL_INHERITED);
  assert_edit_text (BK_TABLE_MODEL (backlog), ROW_MSFT, COL_2026, "");
  g_assert_nonnull (strstr (carried_tip, "625.0"));
  g_assert_nonnull (strstr (carried_tip, "2025"));
  /* … but not before the first value */
  assert_display (BK_TABLE_MODEL (backlog), ROW_MSFT, COL_2023, "");
  assert_flags (BK_TABLE_MODEL (backlog), ROW_MSFT, COL_2023,
                BK_TABLE_CELL_BLANK | BK_TABLE_CELL_INHERITED, BK_TABLE_CELL_BLANK);

  /* Share shows and takes percent */
  assert_display (BK_TABLE_MODEL (share), ROW_BABA, COL_2025, "47.0%");
  assert_edit_text (BK_TABLE_MODEL (share), ROW_BABA, COL_2025, "47");
  assert_edit_text (BK_TABLE_MODEL (share), ROW_BIDU, COL_2025, "6.1");

  /* Tokens in trillion per day */
  assert_display (BK_TABLE_MODEL (tokens), 0, COL_2027, "480.0");
  assert_display (BK_TABLE_MODEL (tokens), 1, COL_2024, "2.20");
}

static void
test_input_invalid (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(BkInputTableModel) capex = bk_input_table_model_new (f->document, BK_TABLE_CAPEX);
  BkTableModel *m = BK_TABLE_MODEL (capex);
  const char *zero[] = { "0" };
  g_autoptr(GError) error = NULL;
  g_autofree char *tip = NULL;
  BkTableCellFlags flags;
  g_autofree char *text = NULL;

  /* A formula dividing by the previous period, which then becomes 0: the
   * formula is kept and shown as invalid */
  {
    const char *formula[] = { "=10/prev" };

    g_assert_true (bk_table_model_set_range (m, ROW_BIDU, COL_2027, 1, 1, formula, &error));
    g_assert_no_error (error);
  }
  g_assert_true (bk_table_model_set_range (m, ROW_BIDU, COL_2026, 1, 1, zero, &error));
  g_assert_no_error (error);

  text = display (m, ROW_BIDU, COL_2027, &flags);
  g_assert_cmpstr (text, ==, "#ERR");
  g_assert_cmphex (flags & (BK_TABLE_CELL_INVALID | BK_TABLE_CELL_FORMULA),
                   ==, BK_TABLE_CELL_INVALID | BK_TABLE_CELL_FORMULA);
  assert_edit_text (m, ROW_BIDU, COL_2027, "=10/prev");
  tip = tooltip (m, ROW_BIDU, COL_2027);
  g_test_message ("tooltip: %s", tip);
  g_assert_cmpstr (tip, !=, "");
}

static void
test_input_write_through (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(BkInputTableModel) capex = bk_input_table_model_new (f->document, BK_TABLE_CAPEX);
  g_autoptr(BkInputTableModel) share = bk_input_table_model_new (f->document, BK_TABLE_SHARE);
  const char *text[] = { "50" };
  const char *growth[] = { "+10%" };
  const char *percent[] = { "12.5" };
  g_autoptr(GError) error = NULL;

  g_assert_cmpfloat (value_on_disk (f->path, "SELECT value FROM cells WHERE scenario = 0"
                                    " AND tbl = 'capex' AND row = 'msft' AND period = '2024'"), ==, 44.5);

  g_assert_true (bk_table_model_set_range (BK_TABLE_MODEL (capex), ROW_MSFT, COL_2024, 1, 1, text, &error));
  g_assert_no_error (error);
  assert_display (BK_TABLE_MODEL (capex), ROW_MSFT, COL_2024, "50.00");

  /* In the file at once, for another connection */
  g_assert_cmpfloat (value_on_disk (f->path, "SELECT value FROM cells WHERE scenario = 0"
                                    " AND tbl = 'capex' AND row = 'msft' AND period = '2024'"), ==, 50);

  /* … and for another document on the same file */
  {
    g_autoptr(BkDocument) again = bk_document_open (f->path, &error);

    g_assert_no_error (error);
    g_assert_cmpfloat (cell_value (bk_document_get_workbook (again), 0, BK_TABLE_CAPEX,
                                   ROW_MSFT, COL_2024), ==, 50);
    bk_document_close (again);
  }

  /* Growth shorthand becomes a formula */
  g_assert_true (bk_table_model_set_range (BK_TABLE_MODEL (capex), ROW_MSFT, COL_2025, 1, 1, growth, &error));
  g_assert_no_error (error);
  assert_edit_text (BK_TABLE_MODEL (capex), ROW_MSFT, COL_2025, "=prev*1.1");
  assert_display (BK_TABLE_MODEL (capex), ROW_MSFT, COL_2025, "55.00");

  /* Share takes percent */
  g_assert_true (bk_table_model_set_range (BK_TABLE_MODEL (share), ROW_BABA, COL_2023, 1, 1, percent, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (cell_value (f->workbook, 0, BK_TABLE_SHARE, ROW_BABA, COL_2023), ==, 0.125);
  assert_display (BK_TABLE_MODEL (share), ROW_BABA, COL_2023, "12.5%");
  assert_edit_text (BK_TABLE_MODEL (share), ROW_BABA, COL_2023, "12.5");
}

static void
test_input_locale_round_trip (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(BkInputTableModel) capex = bk_input_table_model_new (f->document, BK_TABLE_CAPEX);
  BkTableModel *m = BK_TABLE_MODEL (capex);
  const char *typed[] = { "1.234,5" };
  g_autoptr(GError) error = NULL;
  g_autofree char *edit = NULL;

  if (!use_locale ("de_DE.UTF-8"))
    return;

  g_assert_true (bk_table_model_set_range (m, ROW_MSFT, COL_2024, 1, 1, typed, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (cell_value (f->workbook, 0, BK_TABLE_CAPEX, ROW_MSFT, COL_2024), ==, 1234.5);
  assert_display (m, ROW_MSFT, COL_2024, "1.234,50");

  /* The edit text reads back as the same value */
  edit = bk_table_model_dup_edit_text (m, ROW_MSFT, COL_2025);
  g_assert_cmpstr (edit, ==, "64,55");
  {
    const char *again[] = { edit };

    g_assert_true (bk_table_model_set_range (m, ROW_MSFT, COL_2025, 1, 1, again, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpfloat (cell_value (f->workbook, 0, BK_TABLE_CAPEX, ROW_MSFT, COL_2025), ==, 64.55);

  restore_locale ();
}

static void
test_input_block_undo (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(BkInputTableModel) capex = bk_input_table_model_new (f->document, BK_TABLE_CAPEX);
  BkTableModel *m = BK_TABLE_MODEL (capex);
  const char *block[] = { "1", "2",
                          "3", "" };
  double before[4];
  g_autoptr(GError) error = NULL;
  Recorder rec;

  for (guint i = 0; i < 4; i++)
    before[i] = cell_value (f->workbook, 0, BK_TABLE_CAPEX, i / 2, COL_2024 + i % 2);
  g_assert_false (isnan (before[3]));

  g_assert_true (bk_table_model_set_range (m, 0, COL_2024, 2, 2, block, &error));
  g_assert_no_error (error);
  assert_display (m, 0, COL_2024, "1.00");
  assert_display (m, 0, COL_2025, "2.00");
  assert_display (m, 1, COL_2024, "3.00");
  assert_display (m, 1, COL_2025, "");
  g_assert_true (isnan (cell_value (f->workbook, 0, BK_TABLE_CAPEX, 1, COL_2025)));

  /* One undo step restores all four, and the view hears of it */
  record (m, &rec);
  g_assert_true (bk_document_undo (f->document, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpfloat (cell_value (f->workbook, 0, BK_TABLE_CAPEX, i / 2, COL_2024 + i % 2), ==, before[i]);
  /* (an undo names no range: the whole table, or a reset when the
   * document rereads the file) */
  if (rec.n_resets == 0)
    {
      g_assert_cmpuint (rec.n_cells_changed, ==, 1);
      g_assert_cmpuint (rec.row, ==, 0);
      g_assert_cmpuint (rec.column, ==, 0);
      g_assert_cmpuint (rec.n_rows, ==, 9);
      g_assert_cmpuint (rec.n_columns, ==, 5);
    }
  assert_display (m, 0, COL_2024, "44.50");
  assert_display (m, 1, COL_2025, "91.40");
  stop_recording (m, &rec);

  /* … and only one: the undo before was the document's creation, none */
  g_assert_false (bk_document_can_undo (f->document));
}

static void
test_input_rejected (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(BkInputTableModel) capex = bk_input_table_model_new (f->document, BK_TABLE_CAPEX);
  BkTableModel *m = BK_TABLE_MODEL (capex);
  const char *block[] = { "12", "lots" };
  const char *negative[] = { "-5" };
  g_autoptr(GError) error = NULL;
  Recorder rec;

  record (m, &rec);

  g_assert_false (bk_table_model_set_range (m, ROW_MSFT, COL_2024, 1, 2, block, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT);
  /* The message names the cell that was refused, as the user sees it */
  assert_error_mentions (error, "Microsoft", "2025");
  g_clear_error (&error);

  g_assert_false (bk_table_model_set_range (m, ROW_BIDU, COL_2023, 1, 1, negative, &error));
  assert_error_mentions (error, "Baidu", "2023");
  g_clear_error (&error);

  /* Nothing changed, not even the valid first cell */
  assert_display (m, ROW_MSFT, COL_2024, "44.50");
  assert_display (m, ROW_MSFT, COL_2025, "64.55");
  assert_display (m, ROW_BIDU, COL_2023, "1.56");
  g_assert_false (bk_document_can_undo (f->document));
  g_assert_cmpuint (rec.n_cells_changed, ==, 0);
  stop_recording (m, &rec);
}

static void
test_input_signals (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(BkInputTableModel) capex = bk_input_table_model_new (f->document, BK_TABLE_CAPEX);
  g_autoptr(BkInputTableModel) backlog = bk_input_table_model_new (f->document, BK_TABLE_BACKLOG);
  BkTableModel *m = BK_TABLE_MODEL (capex);
  const char *block[] = { "10", "20", "30", "40" };
  g_autoptr(GError) error = NULL;
  Recorder rec, other;

  record (m, &rec);
  record (BK_TABLE_MODEL (backlog), &other);

  /* A 2×2 block at Alphabet/Amazon 2024–2025: the block and, because
   * formulas and carried values follow, the rest of those rows */
  g_assert_true (bk_table_model_set_range (m, 1, COL_2024, 2, 2, block, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rec.n_cells_changed, ==, 1);
  g_assert_cmpuint (rec.row, ==, 1);
  g_assert_cmpuint (rec.column, ==, COL_2024);
  g_assert_cmpuint (rec.n_rows, ==, 2);
  g_assert_cmpuint (rec.n_columns, ==, 4);
  g_assert_cmpuint (rec.n_resets, ==, 0);

  /* Another table's model stays quiet */
  g_assert_cmpuint (other.n_cells_changed, ==, 0);
  g_assert_cmpuint (other.n_resets, ==, 0);

  /* A note changes only its cell */
  g_assert_true (bk_document_set_note (f->document, BK_TABLE_CAPEX, ROW_BIDU, COL_2026, "hello", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rec.n_cells_changed, ==, 2);
  g_assert_cmpuint (rec.row, ==, ROW_BIDU);
  g_assert_cmpuint (rec.column, ==, COL_2026);
  g_assert_cmpuint (rec.n_rows, ==, 1);
  g_assert_cmpuint (rec.n_columns, ==, 1);
  assert_flags (m, ROW_BIDU, COL_2026, BK_TABLE_CELL_NOTE, BK_TABLE_CELL_NOTE);

  /* Assumptions are not this table's business */
  g_assert_true (bk_document_set_assumption (f->document, 0, -1, BK_ASSUMPTION_PUE, 1.5, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rec.n_cells_changed, ==, 2);

  /* A new period is a new shape */
  g_assert_true (bk_document_add_period (f->document, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rec.n_resets, ==, 1);
  g_assert_cmpuint (bk_table_model_get_n_columns (m), ==, 6);

  /* The scenario shown is a reset too */
  bk_document_table_model_set_scenario (BK_DOCUMENT_TABLE_MODEL (capex), SCENARIO_BEAR);
  g_assert_cmpuint (rec.n_resets, ==, 2);
  bk_document_table_model_set_scenario (BK_DOCUMENT_TABLE_MODEL (capex), SCENARIO_BEAR);
  g_assert_cmpuint (rec.n_resets, ==, 2);

  stop_recording (m, &rec);
  stop_recording (BK_TABLE_MODEL (backlog), &other);

  /* No handler is left on the workbook once the models are gone */
  {
    gpointer capex_address = capex;
    gpointer backlog_address = backlog;

    g_assert_true (has_handler (f->workbook, "changed", capex_address));
    g_assert_true (has_handler (f->workbook, "changed", backlog_address));
    g_clear_object (&capex);
    g_clear_object (&backlog);
    g_assert_false (has_handler (f->workbook, "changed", capex_address));
    g_assert_false (has_handler (f->workbook, "changed", backlog_address));
  }
  g_assert_true (bk_document_set_cells (f->document, 0, BK_TABLE_CAPEX, 0, 0, 1, 1,
                                        (const char * const *) block, NULL, &error));
  g_assert_no_error (error);
}

static void
test_input_scenario (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(BkInputTableModel) base = bk_input_table_model_new (f->document, BK_TABLE_CAPEX);
  g_autoptr(BkInputTableModel) bear = bk_input_table_model_new (f->document, BK_TABLE_CAPEX);
  g_autoptr(BkInputTableModel) fomo = bk_input_table_model_new (f->document, BK_TABLE_CAPEX);
  BkTableModel *m = BK_TABLE_MODEL (bear);
  const char *text[] = { "99" };
  g_autoptr(GError) error = NULL;
  g_autofree char *tip = NULL;
  g_autofree char *fomo_tip = NULL;
  Recorder rec;

  bk_document_table_model_set_scenario (BK_DOCUMENT_TABLE_MODEL (bear), SCENARIO_BEAR);
  bk_document_table_model_set_scenario (BK_DOCUMENT_TABLE_MODEL (fomo), SCENARIO_FOMO);

  /* The sample's FOMO scenario overrides Microsoft 2026 */
  assert_display (BK_TABLE_MODEL (fomo), ROW_MSFT, COL_2026, "188.50");
  assert_flags (BK_TABLE_MODEL (fomo), ROW_MSFT, COL_2026, BK_TABLE_CELL_OVERRIDDEN, BK_TABLE_CELL_OVERRIDDEN);
  fomo_tip = tooltip (BK_TABLE_MODEL (fomo), ROW_MSFT, COL_2026);
  g_assert_nonnull (strstr (fomo_tip, "Base: 145.0"));

  /* Bear inherits the base */
  assert_display (m, ROW_MSFT, COL_2024, "44.50");
  assert_flags (m, ROW_MSFT, COL_2024, BK_TABLE_CELL_OVERRIDDEN, 0);

  record (m, &rec);
  g_assert_true (bk_table_model_set_range (m, ROW_MSFT, COL_2024, 1, 1, text, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rec.n_cells_changed, ==, 1);

  /* Overridden in the scenario, unchanged in the base */
  assert_display (m, ROW_MSFT, COL_2024, "99.00");
  assert_flags (m, ROW_MSFT, COL_2024, BK_TABLE_CELL_OVERRIDDEN, BK_TABLE_CELL_OVERRIDDEN);
  tip = tooltip (m, ROW_MSFT, COL_2024);
  g_assert_nonnull (strstr (tip, "Base: 44.5"));
  assert_display (BK_TABLE_MODEL (base), ROW_MSFT, COL_2024, "44.50");
  assert_flags (BK_TABLE_MODEL (base), ROW_MSFT, COL_2024, BK_TABLE_CELL_OVERRIDDEN, 0);
  g_assert_cmpfloat (cell_value (f->workbook, 0, BK_TABLE_CAPEX, ROW_MSFT, COL_2024), ==, 44.5);

  /* Reset to Base removes the override */
  g_assert_true (bk_input_table_model_reset_range (bear, ROW_MSFT, COL_2023, 1, 3, &error));
  g_assert_no_error (error);
  assert_display (m, ROW_MSFT, COL_2024, "44.50");
  assert_flags (m, ROW_MSFT, COL_2024, BK_TABLE_CELL_OVERRIDDEN, 0);
  g_assert_cmpuint (rec.n_cells_changed, ==, 2);
  stop_recording (m, &rec);

  /* In the base there is nothing to reset to */
  g_assert_false (bk_input_table_model_reset_range (base, 0, 0, 1, 1, &error));
  g_assert_nonnull (error);
}

/* ---------------------------------------------------------------------- */
/* BkAssumptionsTableModel                                                 */

static void
test_assumptions_headers (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(BkAssumptionsTableModel) model = bk_assumptions_table_model_new (f->document);
  BkTableModel *m = BK_TABLE_MODEL (model);
  g_autofree char *all = column_header (m, COL_ALL);
  g_autofree char *msft = column_header (m, COL_MICROSOFT);
  g_autofree char *utilization = row_header (m, BK_ASSUMPTION_UTILIZATION);
  g_autofree char *capex_per_mw = row_header (m, BK_ASSUMPTION_CAPEX_PER_MW);
  g_autofree char *tip = tooltip (m, BK_ASSUMPTION_UTILIZATION, COL_MICROSOFT);

  g_assert_cmpuint (bk_table_model_get_n_rows (m), ==, BK_N_ASSUMPTIONS);
  g_assert_cmpuint (bk_table_model_get_n_columns (m), ==, 11);  /* all, each company, the uncertainty */
  g_assert_cmpstr (all, ==, "All companies");
  g_assert_cmpstr (msft, ==, "Microsoft");
  g_assert_cmpstr (utilization, ==, "Utilization (%)");
  g_assert_cmpstr (capex_per_mw, ==, "CapEx per MW (US$ M/MW)");
  g_assert_cmpint (bk_assumptions_table_model_get_company (model, COL_ALL), ==, -1);
  g_assert_cmpint (bk_assumptions_table_model_get_company (model, COL_ALPHABET), ==, 1);

  /* Names fit */
  g_assert_cmpuint (bk_table_model_get_column_width_hint (m, COL_ALL), >=, strlen ("All companies"));

  /* The tooltip describes the driver */
  g_assert_nonnull (strstr (tip, bk_assumption_get_description (BK_ASSUMPTION_UTILIZATION)));

  /* Extra years is for all companies only */
  assert_display (m, BK_ASSUMPTION_EXTRA_YEARS, COL_ALL, "6");
  assert_display (m, BK_ASSUMPTION_EXTRA_YEARS, COL_MICROSOFT, "");
  assert_flags (m, BK_ASSUMPTION_EXTRA_YEARS, COL_MICROSOFT, BK_TABLE_CELL_READ_ONLY, BK_TABLE_CELL_READ_ONLY);
  assert_flags (m, BK_ASSUMPTION_EXTRA_YEARS, COL_ALL, BK_TABLE_CELL_READ_ONLY, 0);
}

static void
test_assumptions_inherit (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(BkAssumptionsTableModel) model = bk_assumptions_table_model_new (f->document);
  BkTableModel *m = BK_TABLE_MODEL (model);
  const BkTableCellFlags mask = BK_TABLE_CELL_BLANK | BK_TABLE_CELL_INHERITED | BK_TABLE_CELL_OVERRIDDEN;
  const char *all[] = { "65" };
  const char *msft[] = { "80%" };
  const char *clear[] = { "" };
  g_autoptr(GError) error = NULL;
  Recorder rec;

  /* The sample sets no assumption: defaults everywhere, greyed */
  assert_display (m, BK_ASSUMPTION_UTILIZATION, COL_ALL, "70%");
  assert_flags (m, BK_ASSUMPTION_UTILIZATION, COL_ALL, mask, BK_TABLE_CELL_BLANK | BK_TABLE_CELL_INHERITED);
  assert_edit_text (m, BK_ASSUMPTION_UTILIZATION, COL_ALL, "");

  record (m, &rec);

  /* Set for all companies … */
  g_assert_true (bk_table_model_set_range (m, BK_ASSUMPTION_UTILIZATION, COL_ALL, 1, 1, all, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rec.n_cells_changed, ==, 1);
  assert_display (m, BK_ASSUMPTION_UTILIZATION, COL_ALL, "65%");
  assert_flags (m, BK_ASSUMPTION_UTILIZATION, COL_ALL, mask, 0);
  assert_edit_text (m, BK_ASSUMPTION_UTILIZATION, COL_ALL, "65");
  g_assert_cmpfloat (value_on_disk (f->path, "SELECT value FROM assumptions WHERE scenario = 0"
                                    " AND company = '' AND key = 'utilization'"), ==, 0.65);

  /* … a company's blank layer shows it, greyed */
  assert_display (m, BK_ASSUMPTION_UTILIZATION, COL_MICROSOFT, "65%");
  assert_flags (m, BK_ASSUMPTION_UTILIZATION, COL_MICROSOFT, mask, BK_TABLE_CELL_BLANK | BK_TABLE_CELL_INHERITED);
  {
    g_autofree char *tip = tooltip (m, BK_ASSUMPTION_UTILIZATION, COL_MICROSOFT);

    g_assert_nonnull (strstr (tip, "all companies"));
  }

  /* Typing a value overrides it for that company */
  g_assert_true (bk_table_model_set_range (m, BK_ASSUMPTION_UTILIZATION, COL_MICROSOFT, 1, 1, msft, &error));
  g_assert_no_error (error);
  assert_display (m, BK_ASSUMPTION_UTILIZATION, COL_MICROSOFT, "80%");
  assert_flags (m, BK_ASSUMPTION_UTILIZATION, COL_MICROSOFT, mask, 0);
  g_assert_cmpfloat (bk_workbook_get_assumption (f->workbook, 0, 0, BK_ASSUMPTION_UTILIZATION), ==, 0.8);
  g_assert_cmpfloat (bk_workbook_get_assumption (f->workbook, 0, 1, BK_ASSUMPTION_UTILIZATION), ==, 0.65);

  /* Clearing it inherits again */
  g_assert_true (bk_table_model_set_range (m, BK_ASSUMPTION_UTILIZATION, COL_MICROSOFT, 1, 1, clear, &error));
  g_assert_no_error (error);
  assert_display (m, BK_ASSUMPTION_UTILIZATION, COL_MICROSOFT, "65%");
  g_assert_true (isnan (bk_workbook_get_assumption_layer (f->workbook, 0, 0, BK_ASSUMPTION_UTILIZATION)));

  /* A structural change resets */
  g_assert_true (bk_document_add_company (f->document, "nvda", "NVIDIA", "global", G_MAXUINT, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rec.n_resets, ==, 1);
  g_assert_cmpuint (bk_table_model_get_n_columns (m), ==, 12);
  stop_recording (m, &rec);
}

static void
test_assumptions_block_undo (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(BkAssumptionsTableModel) model = bk_assumptions_table_model_new (f->document);
  BkTableModel *m = BK_TABLE_MODEL (model);
  /* rows: IT share (%), IT useful life (years); columns: Microsoft, Alphabet */
  const char *block[] = { "50", "55%",
                          "4", "4.5" };
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (BK_ASSUMPTION_IT_LIFE_YEARS, ==, BK_ASSUMPTION_IT_SHARE + 1);

  g_assert_true (bk_table_model_set_range (m, BK_ASSUMPTION_IT_SHARE, COL_MICROSOFT, 2, 2, block, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (bk_workbook_get_assumption_layer (f->workbook, 0, 0, BK_ASSUMPTION_IT_SHARE), ==, 0.5);
  g_assert_cmpfloat (bk_workbook_get_assumption_layer (f->workbook, 0, 1, BK_ASSUMPTION_IT_SHARE), ==, 0.55);
  g_assert_cmpfloat (bk_workbook_get_assumption_layer (f->workbook, 0, 0, BK_ASSUMPTION_IT_LIFE_YEARS), ==, 4);
  g_assert_cmpfloat (bk_workbook_get_assumption_layer (f->workbook, 0, 1, BK_ASSUMPTION_IT_LIFE_YEARS), ==, 4.5);
  assert_display (m, BK_ASSUMPTION_IT_LIFE_YEARS, COL_ALPHABET, "4.5");

  /* One undo step removes all four */
  g_assert_true (bk_document_undo (f->document, &error));
  g_assert_no_error (error);
  for (int c = 0; c < 2; c++)
    {
      g_assert_true (isnan (bk_workbook_get_assumption_layer (f->workbook, 0, c, BK_ASSUMPTION_IT_SHARE)));
      g_assert_true (isnan (bk_workbook_get_assumption_layer (f->workbook, 0, c, BK_ASSUMPTION_IT_LIFE_YEARS)));
    }
  g_assert_false (bk_document_can_undo (f->document));
  assert_display (m, BK_ASSUMPTION_IT_LIFE_YEARS, COL_ALPHABET, "6");
}

static void
test_assumptions_rejected (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(BkAssumptionsTableModel) model = bk_assumptions_table_model_new (f->document);
  BkTableModel *m = BK_TABLE_MODEL (model);
  const char *bad_text[] = { "50", "lots" };
  const char *out_of_range[] = { "150" };
  const char *suffix[] = { "38M" };
  const char *read_only[] = { "3" };
  g_autoptr(GError) error = NULL;

  g_assert_false (bk_table_model_set_range (m, BK_ASSUMPTION_UTILIZATION, COL_ALL, 1, 2, bad_text, &error));
  assert_error_mentions (error, "Utilization", "Microsoft");
  g_assert_nonnull (strstr (error->message, "lots"));
  g_clear_error (&error);

  g_assert_false (bk_table_model_set_range (m, BK_ASSUMPTION_UTILIZATION, COL_ALL, 1, 1, out_of_range, &error));
  assert_error_mentions (error, "Utilization", "150");
  g_clear_error (&error);

  g_assert_false (bk_table_model_set_range (m, BK_ASSUMPTION_CAPEX_PER_MW, COL_ALL, 1, 1, suffix, &error));
  assert_error_mentions (error, "CapEx per MW", "38M");
  g_clear_error (&error);

  g_assert_false (bk_table_model_set_range (m, BK_ASSUMPTION_EXTRA_YEARS, COL_MICROSOFT, 1, 1, read_only, &error));
  assert_error_mentions (error, "Extra years", "Microsoft");
  g_clear_error (&error);

  /* Nothing changed, not even the valid first cell */
  g_assert_true (isnan (bk_workbook_get_assumption_layer (f->workbook, 0, -1, BK_ASSUMPTION_UTILIZATION)));
  assert_display (m, BK_ASSUMPTION_UTILIZATION, COL_ALL, "70%");
  g_assert_false (bk_document_can_undo (f->document));
}

/* A driver takes a plain number: the Chinese scales are refused as K M B T
 * are, though the money tables take them */
static void
test_assumptions_chinese_scale (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(BkAssumptionsTableModel) model = bk_assumptions_table_model_new (f->document);
  BkTableModel *m = BK_TABLE_MODEL (model);
  const char *texts[][1] = { { "38亿" }, { "1万" }, { "2万亿美元" } };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (bk_table_model_set_range (m, BK_ASSUMPTION_POWER_PRICE, COL_ALL, 1, 1, texts[i], &error));
      assert_error_mentions (error, "Power price", texts[i][0]);
      g_assert_nonnull (strstr (error->message, "plain number"));
    }
  {
    const char *percent[] = { "7亿" };
    g_autoptr(GError) error = NULL;

    g_assert_false (bk_table_model_set_range (m, BK_ASSUMPTION_UTILIZATION, COL_ALL, 1, 1, percent, &error));
    assert_error_mentions (error, "Utilization", "7亿");
  }
  g_assert_false (bk_document_can_undo (f->document));
}

static void
test_assumptions_scenario (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(BkAssumptionsTableModel) model = bk_assumptions_table_model_new (f->document);
  BkTableModel *m = BK_TABLE_MODEL (model);
  const BkTableCellFlags mask = BK_TABLE_CELL_BLANK | BK_TABLE_CELL_INHERITED | BK_TABLE_CELL_OVERRIDDEN;
  const char *typed[] = { "5" };
  g_autoptr(GError) error = NULL;
  Recorder rec;

  record (m, &rec);
  bk_document_table_model_set_scenario (BK_DOCUMENT_TABLE_MODEL (model), SCENARIO_BEAR);
  g_assert_cmpuint (rec.n_resets, ==, 1);
  g_assert_cmpuint (bk_document_table_model_get_scenario (BK_DOCUMENT_TABLE_MODEL (model)), ==, SCENARIO_BEAR);

  /* The Bear scenario sets utilization 55% for all companies */
  assert_display (m, BK_ASSUMPTION_UTILIZATION, COL_ALL, "55%");
  assert_flags (m, BK_ASSUMPTION_UTILIZATION, COL_ALL, mask, BK_TABLE_CELL_OVERRIDDEN);
  {
    g_autofree char *tip = tooltip (m, BK_ASSUMPTION_UTILIZATION, COL_ALL);

    g_assert_nonnull (strstr (tip, "Base: 70%"));
  }
  assert_display (m, BK_ASSUMPTION_UTILIZATION, COL_MICROSOFT, "55%");
  assert_flags (m, BK_ASSUMPTION_UTILIZATION, COL_MICROSOFT, mask, BK_TABLE_CELL_BLANK | BK_TABLE_CELL_INHERITED);
  {
    g_autofree char *tip = tooltip (m, BK_ASSUMPTION_UTILIZATION, COL_MICROSOFT);

    g_assert_nonnull (strstr (tip, "scenario"));
  }

  /* An edit in the scenario stays in the scenario */
  g_assert_true (bk_table_model_set_range (m, BK_ASSUMPTION_IT_LIFE_YEARS, COL_MICROSOFT, 1, 1, typed, &error));
  g_assert_no_error (error);
  assert_flags (m, BK_ASSUMPTION_IT_LIFE_YEARS, COL_MICROSOFT, mask, BK_TABLE_CELL_OVERRIDDEN);
  g_assert_cmpfloat (bk_workbook_get_assumption (f->workbook, SCENARIO_BEAR, 0, BK_ASSUMPTION_IT_LIFE_YEARS), ==, 5);
  g_assert_cmpfloat (bk_workbook_get_assumption (f->workbook, 0, 0, BK_ASSUMPTION_IT_LIFE_YEARS), ==, 6);

  /* Reset to Base over a block, one step */
  g_assert_true (bk_assumptions_table_model_reset_range (model, BK_ASSUMPTION_UTILIZATION, COL_ALL, 1, 3, &error));
  g_assert_no_error (error);
  assert_display (m, BK_ASSUMPTION_UTILIZATION, COL_ALL, "70%");
  assert_flags (m, BK_ASSUMPTION_UTILIZATION, COL_ALL, mask, BK_TABLE_CELL_BLANK | BK_TABLE_CELL_INHERITED);
  g_assert_true (bk_document_undo (f->document, &error));
  g_assert_no_error (error);
  assert_display (m, BK_ASSUMPTION_UTILIZATION, COL_ALL, "55%");
  stop_recording (m, &rec);
}

/* ---------------------------------------------------------------------- */
/* BkResultsTableModel and BkSeriesTableModel                              */

static void
test_results (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(BkEngine) engine = bk_engine_new (f->workbook);
  g_autoptr(BkResultsTableModel) results = bk_results_table_model_new (engine);
  g_autoptr(BkInputTableModel) capex = bk_input_table_model_new (f->document, BK_TABLE_CAPEX);
  BkTableModel *m = BK_TABLE_MODEL (results);
  guint total = 9;
  const char *more[] = { "500" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autofree char *total_header = row_header (m, total);
  g_autofree char *npv_header = column_header (m, BK_RESULTS_COLUMN_NPV);
  g_autofree char *npv_before = NULL;
  g_autofree char *npv_after = NULL;
  double npv;
  Recorder rec;

  g_assert_cmpuint (bk_table_model_get_n_rows (m), ==, 10);
  g_assert_cmpuint (bk_table_model_get_n_columns (m), ==, BK_RESULTS_N_COLUMNS);
  g_assert_cmpstr (total_header, ==, "Total");
  g_assert_cmpstr (npv_header, ==, "NPV (US$ B)");
  g_assert_cmpint (bk_results_table_model_get_company (results, 0), ==, 0);
  g_assert_cmpint (bk_results_table_model_get_company (results, total), ==, -1);

  /* The Total row is bold; nothing is editable */
  assert_flags (m, total, BK_RESULTS_COLUMN_NPV, BK_TABLE_CELL_TOTAL, BK_TABLE_CELL_TOTAL);
  assert_flags (m, 0, BK_RESULTS_COLUMN_NPV, BK_TABLE_CELL_TOTAL, 0);
  assert_flags (m, 0, BK_RESULTS_COLUMN_NPV, BK_TABLE_CELL_READ_ONLY, BK_TABLE_CELL_READ_ONLY);
  {
    const char *text[] = { "1" };

    g_assert_false (bk_table_model_set_range (m, 0, 0, 1, 1, text, &error));
    g_assert_error (error, BK_ERROR, BK_ERROR_READ_ONLY);
    g_clear_error (&error);
  }

  /* What the engine computed, formatted */
  npv = bk_results_get_total (bk_engine_get_results (engine))->npv;
  bk_format_number (expected, npv, 1);
  npv_before = display (m, total, BK_RESULTS_COLUMN_NPV, NULL);
  g_assert_cmpstr (npv_before, ==, expected->str);

  /* Capex summed over the modelled periods */
  {
    BkResults *r = bk_engine_get_results (engine);
    const BkMetrics *msft = bk_results_get_company (r, 0);
    double sum = 0;
    g_autofree char *text = display (m, 0, BK_RESULTS_COLUMN_CAPEX, NULL);

    for (guint i = 0; i < bk_results_get_n_periods (r); i++)
      sum += msft->series[BK_SERIES_CAPEX][i];
    g_string_truncate (expected, 0);
    bk_format_number (expected, sum, 1);
    g_assert_cmpstr (text, ==, expected->str);
    g_assert_cmpfloat_with_epsilon (sum, 28.1 + 44.5 + 64.55 + 145 + 166.75, 1e-9);
  }

  /* A capex edit reaches the results through the engine */
  record (m, &rec);
  g_assert_true (bk_table_model_set_range (BK_TABLE_MODEL (capex), ROW_MSFT, COL_2026, 1, 1, more, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rec.n_cells_changed, >=, 1);
  g_assert_cmpuint (rec.n_rows, ==, 10);
  g_assert_cmpuint (rec.n_columns, ==, BK_RESULTS_N_COLUMNS);
  g_assert_true (bk_engine_is_stale (engine));
  npv_after = display (m, total, BK_RESULTS_COLUMN_NPV, NULL);
  g_assert_false (bk_engine_is_stale (engine));
  g_assert_cmpstr (npv_after, !=, npv_before);
  g_assert_cmpfloat (bk_results_get_total (bk_engine_get_results (engine))->npv, !=, npv);

  /* Another scenario: the engine says so, the table follows */
  bk_engine_set_scenario (engine, SCENARIO_BEAR);
  g_assert_cmpuint (rec.n_cells_changed, >=, 2);

  /* A new company is a new row */
  g_assert_true (bk_document_add_company (f->document, "nvda", "NVIDIA", "global", G_MAXUINT, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rec.n_resets, >=, 1);
  g_assert_cmpuint (bk_table_model_get_n_rows (m), ==, 11);
  g_assert_cmpint (bk_results_table_model_get_company (results, 10), ==, -1);
  {
    g_autofree char *name = row_header (m, 9);

    g_assert_cmpstr (name, ==, "NVIDIA");
  }
  stop_recording (m, &rec);

  /* Gone with the model: its handlers and its reference to the engine */
  g_assert_true (has_any_handler (engine, "invalidated"));
  g_clear_object (&results);
  g_assert_false (has_any_handler (engine, "invalidated"));
  g_clear_object (&capex);
  g_assert_finalize_object (g_steal_pointer (&engine));
}

static void
test_results_missing_metric (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(BkEngine) engine = bk_engine_new (f->workbook);
  g_autoptr(BkResultsTableModel) results = bk_results_table_model_new (engine);
  g_autoptr(BkInputTableModel) capex = bk_input_table_model_new (f->document, BK_TABLE_CAPEX);
  BkTableModel *m = BK_TABLE_MODEL (results);
  const char *zeros[] = { "0", "0", "0", "0", "0" };
  g_autoptr(GError) error = NULL;
  g_autofree char *roi = NULL;
  g_autofree char *tip = NULL;

  /* Baidu spends nothing: there is no ROI */
  g_assert_true (bk_table_model_set_range (BK_TABLE_MODEL (capex), ROW_BIDU, 0, 1, 5, zeros, &error));
  g_assert_no_error (error);
  g_assert_true (isnan (bk_results_get_company (bk_engine_get_results (engine), ROW_BIDU)->roi));

  roi = display (m, ROW_BIDU, BK_RESULTS_COLUMN_ROI, NULL);
  g_assert_cmpstr (roi, ==, "—");
  tip = tooltip (m, ROW_BIDU, BK_RESULTS_COLUMN_ROI);
  g_assert_cmpstr (tip, !=, "");

  /* A company that spends shows a number and no explanation */
  {
    g_autofree char *msft = display (m, ROW_MSFT, BK_RESULTS_COLUMN_ROI, NULL);
    g_autofree char *msft_tip = tooltip (m, ROW_MSFT, BK_RESULTS_COLUMN_ROI);

    g_assert_true (g_str_has_suffix (msft, "%"));
    g_assert_cmpstr (msft_tip, ==, "");
  }
}

static void
test_series (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(BkEngine) engine = bk_engine_new (f->workbook);
  g_autoptr(BkSeriesTableModel) series = bk_series_table_model_new (engine);
  g_autoptr(BkAssumptionsTableModel) assumptions = bk_assumptions_table_model_new (f->document);
  BkTableModel *m = BK_TABLE_MODEL (series);
  BkResults *results = bk_engine_get_results (engine);
  guint n_periods = bk_results_get_n_periods (results);
  g_autofree char *first = column_header (m, 0);
  g_autofree char *after_inputs = column_header (m, 5);
  g_autofree char *last = column_header (m, n_periods - 1);
  g_autofree char *revenue = row_header (m, BK_SERIES_REVENUE);
  g_autofree char *mw = row_header (m, BK_SERIES_CAPACITY_MW);
  g_autoptr(GString) expected = g_string_new (NULL);
  const char *three[] = { "3" };
  g_autoptr(GError) error = NULL;
  Recorder rec;

  /* 5 input years and 6 extra years */
  g_assert_cmpuint (n_periods, ==, 11);
  g_assert_cmpuint (bk_table_model_get_n_columns (m), ==, n_periods);
  g_assert_cmpuint (bk_table_model_get_n_rows (m), ==, BK_N_SERIES);
  g_assert_cmpstr (first, ==, "2023");
  g_assert_cmpstr (after_inputs, ==, "2028");
  g_assert_cmpstr (last, ==, "2033");
  g_assert_cmpstr (revenue, ==, "Revenue (US$ B)");
  g_assert_cmpstr (mw, ==, "Capacity (MW)");

  /* The total until told otherwise; modelled periods greyed */
  g_assert_cmpint (bk_series_table_model_get_company (series), ==, -1);
  bk_format_series_value (expected, BK_SERIES_REVENUE, bk_results_get_total (results)->series[BK_SERIES_REVENUE][3]);
  assert_display (m, BK_SERIES_REVENUE, 3, expected->str);
  assert_flags (m, BK_SERIES_REVENUE, 4, BK_TABLE_CELL_INHERITED | BK_TABLE_CELL_READ_ONLY, BK_TABLE_CELL_READ_ONLY);
  assert_flags (m, BK_SERIES_REVENUE, 5, BK_TABLE_CELL_INHERITED, BK_TABLE_CELL_INHERITED);

  /* Switching company is a reset and shows that company */
  record (m, &rec);
  bk_series_table_model_set_company (series, ROW_MSFT);
  g_assert_cmpuint (rec.n_resets, ==, 1);
  bk_series_table_model_set_company (series, ROW_MSFT);
  g_assert_cmpuint (rec.n_resets, ==, 1);
  results = bk_engine_get_results (engine);
  g_string_truncate (expected, 0);
  bk_format_series_value (expected, BK_SERIES_CAPEX, bk_results_get_company (results, ROW_MSFT)->series[BK_SERIES_CAPEX][0]);
  g_assert_cmpstr (expected->str, ==, "28.1");
  assert_display (m, BK_SERIES_CAPEX, 0, "28.1");

  /* Fewer extra years: fewer columns, announced as a reset */
  g_assert_true (bk_table_model_set_range (BK_TABLE_MODEL (assumptions), BK_ASSUMPTION_EXTRA_YEARS, COL_ALL,
                                           1, 1, three, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rec.n_resets, ==, 2);
  g_assert_cmpuint (bk_table_model_get_n_columns (m), ==, 8);
  g_assert_cmpuint (bk_results_get_n_periods (bk_engine_get_results (engine)), ==, 8);

  /* Any other change: every cell */
  {
    g_autoptr(BkInputTableModel) capex = bk_input_table_model_new (f->document, BK_TABLE_CAPEX);
    const char *more[] = { "100" };

    g_assert_true (bk_table_model_set_range (BK_TABLE_MODEL (capex), ROW_MSFT, COL_2023, 1, 1, more, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (rec.n_resets, ==, 2);
    g_assert_cmpuint (rec.n_rows, ==, BK_N_SERIES);
    g_assert_cmpuint (rec.n_columns, ==, 8);
    assert_display (m, BK_SERIES_CAPEX, 0, "100.0");
  }
  stop_recording (m, &rec);

  g_assert_true (has_any_handler (engine, "invalidated"));
  g_clear_object (&series);
  g_assert_false (has_any_handler (engine, "invalidated"));
  g_assert_finalize_object (g_steal_pointer (&engine));
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          guint      *count)
{
  (*count)++;
}

/* One base class follows the document for every model: a scenario that goes
 * away falls back to the base, once, for input, assumptions and results. */
static void
test_scenario_removed (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(BkInputTableModel) base = bk_input_table_model_new (f->document, BK_TABLE_CAPEX);
  g_autoptr(BkInputTableModel) capex = bk_input_table_model_new (f->document, BK_TABLE_CAPEX);
  g_autoptr(BkInputTableModel) bear = bk_input_table_model_new (f->document, BK_TABLE_CAPEX);
  g_autoptr(BkAssumptionsTableModel) assumptions = bk_assumptions_table_model_new (f->document);
  g_autoptr(BkEngine) engine = bk_engine_new (f->workbook);
  g_autoptr(BkResultsTableModel) results = bk_results_table_model_new (engine);
  BkDocumentTableModel *models[] = {
    BK_DOCUMENT_TABLE_MODEL (capex), BK_DOCUMENT_TABLE_MODEL (assumptions), BK_DOCUMENT_TABLE_MODEL (results),
  };
  guint notified[G_N_ELEMENTS (models)] = { 0, };
  g_autofree char *base_text = NULL;
  g_autofree char *fomo_text = NULL;
  g_autofree char *after_text = NULL;
  g_autoptr(GError) error = NULL;
  Recorder rec;

  g_assert_true (bk_document_table_model_get_document (BK_DOCUMENT_TABLE_MODEL (capex)) == f->document);
  g_assert_true (bk_document_table_model_get_engine (BK_DOCUMENT_TABLE_MODEL (results)) == engine);
  g_assert_true (bk_document_table_model_get_workbook (BK_DOCUMENT_TABLE_MODEL (results)) == f->workbook);

  bk_document_table_model_set_scenario (BK_DOCUMENT_TABLE_MODEL (capex), SCENARIO_FOMO);
  bk_document_table_model_set_scenario (BK_DOCUMENT_TABLE_MODEL (assumptions), SCENARIO_FOMO);
  bk_document_table_model_set_scenario (BK_DOCUMENT_TABLE_MODEL (bear), SCENARIO_BEAR);
  /* Results show the engine's scenario */
  bk_engine_set_scenario (engine, SCENARIO_FOMO);
  g_assert_cmpuint (bk_document_table_model_get_scenario (BK_DOCUMENT_TABLE_MODEL (results)), ==, SCENARIO_FOMO);

  /* FOMO overrides Microsoft 2026 */
  base_text = display (BK_TABLE_MODEL (base), ROW_MSFT, COL_2026, NULL);
  fomo_text = display (BK_TABLE_MODEL (capex), ROW_MSFT, COL_2026, NULL);
  g_assert_cmpstr (base_text, !=, fomo_text);

  for (guint i = 0; i < G_N_ELEMENTS (models); i++)
    g_signal_connect (models[i], "notify::scenario", G_CALLBACK (count_cb), &notified[i]);
  record (BK_TABLE_MODEL (capex), &rec);

  g_assert_true (bk_document_remove_scenario (f->document, SCENARIO_FOMO, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (models); i++)
    {
      g_assert_cmpuint (bk_document_table_model_get_scenario (models[i]), ==, BK_SCENARIO_BASE);
      g_assert_cmpuint (notified[i], ==, 1);
      g_signal_handlers_disconnect_by_data (models[i], &notified[i]);
    }
  /* The cells are the base's again, announced */
  g_assert_cmpuint (rec.n_resets, >=, 1);
  after_text = display (BK_TABLE_MODEL (capex), ROW_MSFT, COL_2026, NULL);
  g_assert_cmpstr (after_text, ==, base_text);
  stop_recording (BK_TABLE_MODEL (capex), &rec);

  /* A scenario that is still there stays */
  g_assert_cmpuint (bk_document_table_model_get_scenario (BK_DOCUMENT_TABLE_MODEL (bear)), ==, SCENARIO_BEAR);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  g_test_add_func ("/format/number-locales", test_format_number_locales);
  g_test_add_func ("/format/units", test_format_units);
  ADD ("/input/headers", test_input_headers);
  ADD ("/input/display", test_input_display);
  ADD ("/input/invalid", test_input_invalid);
  ADD ("/input/write-through", test_input_write_through);
  ADD ("/input/locale-round-trip", test_input_locale_round_trip);
  ADD ("/input/block-undo", test_input_block_undo);
  ADD ("/input/rejected", test_input_rejected);
  ADD ("/input/signals", test_input_signals);
  ADD ("/input/scenario", test_input_scenario);
  ADD ("/assumptions/headers", test_assumptions_headers);
  ADD ("/assumptions/inherit", test_assumptions_inherit);
  ADD ("/assumptions/block-undo", test_assumptions_block_undo);
  ADD ("/assumptions/rejected", test_assumptions_rejected);
  ADD ("/assumptions/chinese-scale", test_assumptions_chinese_scale);
  ADD ("/assumptions/scenario", test_assumptions_scenario);
  ADD ("/results/total", test_results);
  ADD ("/results/missing-metric", test_results_missing_metric);
  ADD ("/series/shape", test_series);
  ADD ("/document-model/scenario-removed", test_scenario_removed);

#undef ADD

  return g_test_run ();
}
