/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window-units.c — in Chinese, the units a person reads are the ones
 * they can type: 亿 and 万亿 into the tables kept in US$ billion, and the
 * Uncertainty column's "0.1 至 0.6" typed back
 *
 * Run with LANGUAGE=zh_CN and the build tree's message catalogues.  Real
 * windows under Xvfb with the bundled sample (the shared fixture); the
 * text goes in through the sheet's editor and is committed with a real
 * Return key.  What is stored is read back from the file through a second
 * connection, and what is shown through the page's table model. */
#include "config.h"

#include <string.h>

#include "bk-application.h"
#include "bk-table-page.h"
#include "bk-test-app.h"
#include "bk-test-ui.h"
#include "bk-window.h"

typedef BkTestAppWindow Fixture;

/* A fraction the sample gives no uncertainty */
#define DRIVER BK_ASSUMPTION_INFERENCE_SHARE

static const BkTestAppWindowSize large = { 1200, 800 };

static BkTablePage *
page (Fixture    *f,
      const char *name)
{
  return BK_TABLE_PAGE (bk_window_get_page_widget (f->window, name));
}

static BkDocument *
document (Fixture *f)
{
  return bk_window_get_document (f->window);
}

/* A cell as another program reading the file sees it */
static void
disk_cell (Fixture *f,
           BkTable  table,
           guint    row,
           guint    period,
           double  *value,
           char   **formula)
{
  g_autoptr(BkDocument) reader = bk_test_app_reopen_document (f->window);
  BkCell cell;

  bk_workbook_get_cell (bk_document_get_workbook (reader), BK_SCENARIO_BASE, table, row, period, &cell);
  *value = cell.value;
  if (formula != NULL)
    *formula = g_strdup (cell.formula);
}

/* The driver's uncertainty in the file is @expected (NULL for none) */
static void
assert_on_disk (Fixture    *f,
                const char *expected)
{
  g_autoptr(BkDocument) reader = bk_test_app_reopen_document (f->window);

  g_assert_cmpstr (bk_workbook_get_distribution (bk_document_get_workbook (reader), DRIVER), ==, expected);
}

/* Opens the editor of the cursor's cell on @text, as typing it would, and
 * presses Return */
static void
enter (Fixture     *f,
       BkSheetView *sheet,
       const char  *text)
{
  gtk_widget_grab_focus (GTK_WIDGET (sheet));
  g_assert_true (bk_sheet_view_start_editing (sheet, text));
  g_assert_true (bk_sheet_view_get_editing (sheet));
  bk_test_send_keys (GTK_WINDOW (f->window), "Return", NULL);
}

static void
test_capex_in_yi (Fixture       *f,
                  gconstpointer  data)
{
  BkTablePage *capex = page (f, "capex");
  BkSheetView *sheet = bk_table_page_get_sheet (capex);
  g_autofree char *formula = NULL;
  double value, first;

  BK_TEST_REQUIRE_XDOTOOL ();

  bk_window_set_page (f->window, "capex");
  bk_test_app_wait_drawn (GTK_WIDGET (sheet));

  /* 2500亿 (US$ 250 billion, as the charts write it) is 250 */
  bk_sheet_view_set_cursor (sheet, 0, 0);
  enter (f, sheet, "2500亿");
  g_assert_false (bk_sheet_view_get_editing (sheet));
  g_assert_null (bk_table_page_get_error (capex));
  disk_cell (f, BK_TABLE_CAPEX, 0, 0, &first, NULL);
  g_assert_cmpfloat (first, ==, 250);
  /* and the cursor moved down, as after any entry */
  g_assert_cmpint (bk_sheet_view_get_cursor_row (sheet), ==, 1);

  /* 1.2万亿美元 is 1200 */
  bk_sheet_view_set_cursor (sheet, 1, 0);
  enter (f, sheet, "1.2万亿美元");
  disk_cell (f, BK_TABLE_CAPEX, 1, 0, &value, NULL);
  g_assert_cmpfloat (value, ==, 1200);

  /* A formula with 亿 is kept in the table's unit */
  bk_sheet_view_set_cursor (sheet, 0, 1);
  enter (f, sheet, "=prev+500亿");
  g_assert_null (bk_table_page_get_error (capex));
  disk_cell (f, BK_TABLE_CAPEX, 0, 1, &value, &formula);
  g_assert_cmpstr (formula, ==, "=prev+50");
  g_assert_cmpfloat (value, ==, 300);

  /* 元 is another currency: refused, saying 亿 works; nothing changes */
  bk_sheet_view_set_cursor (sheet, 0, 0);
  enter (f, sheet, "2500亿元");
  g_assert_true (bk_sheet_view_get_editing (sheet));
  g_assert_nonnull (bk_table_page_get_error (capex));
  g_assert_nonnull (strstr (bk_table_page_get_error (capex), "1800亿"));
  g_assert_nonnull (strstr (bk_table_page_get_error (capex), "十亿美元"));
  bk_test_send_keys (GTK_WINDOW (f->window), "Escape", NULL);
  disk_cell (f, BK_TABLE_CAPEX, 0, 0, &value, NULL);
  g_assert_cmpfloat (value, ==, first);
}

/* The Uncertainty column's cell of DRIVER: what it shows and what F2 edits */
static void
assert_shown (BkSheetView *sheet,
              guint        column,
              const char  *expected)
{
  g_autoptr(GString) shown = g_string_new (NULL);
  g_autoptr(GString) edit = g_string_new (NULL);

  bk_table_model_get_cell (bk_sheet_view_get_model (sheet), DRIVER, column, shown);
  bk_table_model_get_edit_text (bk_sheet_view_get_model (sheet), DRIVER, column, edit);
  g_assert_cmpstr (shown->str, ==, expected);
  g_assert_cmpstr (edit->str, ==, expected);
}

static void
test_uncertainty_in_chinese (Fixture       *f,
                             gconstpointer  data)
{
  BkTablePage *assumptions = page (f, "assumptions");
  BkSheetView *sheet = bk_table_page_get_sheet (assumptions);
  BkWorkbook *wb = bk_document_get_workbook (document (f));
  guint column = bk_workbook_get_n_companies (wb) + 1;
  g_autoptr(GString) header = g_string_new (NULL);
  g_autoptr(GString) tooltip = g_string_new (NULL);
  const char *error;

  BK_TEST_REQUIRE_XDOTOOL ();

  bk_window_set_page (f->window, "assumptions");
  bk_test_app_wait_drawn (GTK_WIDGET (sheet));
  bk_table_model_get_column_header (bk_sheet_view_get_model (sheet), column, header);
  g_assert_cmpstr (header->str, ==, "不确定性");
  bk_table_model_get_tooltip (bk_sheet_view_get_model (sheet), DRIVER, column, tooltip);
  g_assert_nonnull (strstr (tooltip->str, "“0.1 至 0.6”"));
  g_assert_null (bk_workbook_get_distribution (wb, DRIVER));

  /* Typed the English way with real keys: the file keeps "to", the cell
   * shows 至 */
  bk_sheet_view_set_cursor (sheet, DRIVER, column);
  gtk_widget_grab_focus (GTK_WIDGET (sheet));
  bk_test_type_text (GTK_WINDOW (f->window), "0.1 to 0.6");
  g_assert_true (bk_sheet_view_get_editing (sheet));
  bk_test_send_keys (GTK_WINDOW (f->window), "Return", NULL);
  g_assert_null (bk_table_page_get_error (assumptions));
  assert_on_disk (f, "0.1 to 0.6");
  assert_shown (sheet, column, "0.1 至 0.6");

  /* What the cell shows, typed back: the same, so no new undo step (one
   * undo goes back to none) */
  bk_sheet_view_set_cursor (sheet, DRIVER, column);
  enter (f, sheet, "0.1 至 0.6");
  g_assert_false (bk_sheet_view_get_editing (sheet));
  g_assert_null (bk_table_page_get_error (assumptions));
  bk_document_undo (document (f), NULL);
  g_assert_null (bk_workbook_get_distribution (wb, DRIVER));
  bk_document_redo (document (f), NULL);
  g_assert_cmpstr (bk_workbook_get_distribution (wb, DRIVER), ==, "0.1 to 0.6");

  /* A new range in the shown form, and the forms a Chinese user types */
  bk_sheet_view_set_cursor (sheet, DRIVER, column);
  enter (f, sheet, "0.2 至 0.5");
  assert_on_disk (f, "0.2 to 0.5");
  assert_shown (sheet, column, "0.2 至 0.5");

  bk_sheet_view_set_cursor (sheet, DRIVER, column);
  enter (f, sheet, "30%到40%");
  assert_on_disk (f, "0.3 to 0.4");
  assert_shown (sheet, column, "0.3 至 0.4");

  bk_sheet_view_set_cursor (sheet, DRIVER, column);
  gtk_widget_grab_focus (GTK_WIDGET (sheet));
  bk_test_type_text (GTK_WINDOW (f->window), "0.1~0.3");
  bk_test_send_keys (GTK_WINDOW (f->window), "Return", NULL);
  assert_on_disk (f, "0.1 to 0.3");

  /* A half range is refused in Chinese, naming the driver as the row does */
  bk_sheet_view_set_cursor (sheet, DRIVER, column);
  enter (f, sheet, "0.1 至");
  g_assert_true (bk_sheet_view_get_editing (sheet));
  error = bk_table_page_get_error (assumptions);
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error, bk_assumption_get_name (DRIVER)));
  g_assert_nonnull (strstr (error, "不确定性"));
  g_assert_nonnull (strstr (error, "下限 至 上限"));
  bk_test_send_keys (GTK_WINDOW (f->window), "Escape", NULL);
  assert_on_disk (f, "0.1 to 0.3");

  /* 无, as shown for none, removes it */
  bk_sheet_view_set_cursor (sheet, DRIVER, column);
  enter (f, sheet, "无");
  assert_on_disk (f, NULL);
}

int
main (int   argc,
      char *argv[])
{
  BkApplication *app;

  bk_test_app_use_chinese (BUILD_LOCALEDIR);
  app = bk_test_app_init (&argc, &argv, "test-window-units");

  g_test_add ("/window-units/capex-in-yi", Fixture, &large,
              bk_test_app_window_setup, test_capex_in_yi, bk_test_app_window_teardown);
  g_test_add ("/window-units/uncertainty-in-chinese", Fixture, &large,
              bk_test_app_window_setup, test_uncertainty_in_chinese, bk_test_app_window_teardown);
  return bk_test_app_run (app);
}
