/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window-trust.c — what a spreadsheet user trusts the window with
 * (issue 11): pastes that never drop data, messages that go when they no
 * longer apply, warnings where the analyst works, no made-up payback, and
 * numbers that come out of Results at full precision.
 *
 * Real windows under Xvfb with the bundled sample; keys are real X events
 * sent with xdotool where the test is about the keyboard. */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bk-application.h"
#include "bk-chart.h"
#include "bk-note-dialog.h"
#include "bk-results-csv.h"
#include "bk-results-page.h"
#include "bk-results-table-model.h"
#include "bk-test-app.h"
#include "bk-test-ui.h"
#include "bk-window.h"

typedef BkTestAppWindow Fixture;

static const BkTestAppWindowSize large = { 1200, 800 };

static BkWorkbook *
workbook (Fixture *f)
{
  return bk_document_get_workbook (bk_window_get_document (f->window));
}

static BkTablePage *
page (Fixture    *f,
      const char *name)
{
  return BK_TABLE_PAGE (bk_window_get_page_widget (f->window, name));
}

/* Every value of a table, as the document has it */
static GArray *
table_values (Fixture *f,
              BkTable  table)
{
  GArray *values = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint r = 0; r < bk_workbook_get_n_rows (workbook (f), table); r++)
    for (guint p = 0; p < bk_workbook_get_n_periods (workbook (f)); p++)
      {
        BkCell cell;

        bk_workbook_get_cell (workbook (f), BK_SCENARIO_BASE, table, r, p, &cell);
        g_array_append_val (values, cell.value);
      }
  return values;
}

static void
assert_same_values (GArray *a,
                    GArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      double x = g_array_index (a, double, i), y = g_array_index (b, double, i);

      g_assert_true (x == y || (isnan (x) && isnan (y)));
    }
}

/* Item 2: a 2 × 3 block at the last row and period used to store one value
 * and drop five; now it is refused whole, saying what did not fit. */
static void
test_paste_past_edge (Fixture       *f,
                      gconstpointer  data)
{
  BkTablePage *capex = page (f, "capex");
  BkSheetView *sheet = bk_table_page_get_sheet (capex);
  guint last_row = bk_workbook_get_n_companies (workbook (f)) - 1;
  guint last_period = bk_workbook_get_n_periods (workbook (f)) - 1;
  g_autoptr(GArray) before = table_values (f, BK_TABLE_CAPEX);
  g_autoptr(GArray) after = NULL;
  const char *error;

  BK_TEST_REQUIRE_XDOTOOL ();

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (f->window)), "1\t2\t3\n4\t5\t6\n");
  bk_test_flush ();
  bk_sheet_view_set_cursor (sheet, (int) last_row, (int) last_period);
  bk_test_send_keys (GTK_WINDOW (f->window), "ctrl+v", NULL);
  BK_WAIT_FOR (bk_table_page_get_error (capex) != NULL);

  error = bk_table_page_get_error (capex);
  g_test_message ("%s", error);
  g_assert_nonnull (strstr (error, "2 × 3"));
  g_assert_nonnull (strstr (error, "1 row and 2 columns"));
  g_assert_nonnull (strstr (error, "company"));
  g_assert_nonnull (strstr (error, "2 periods"));
  after = table_values (f, BK_TABLE_CAPEX);
  assert_same_values (before, after);
  g_assert_false (bk_document_can_undo (bk_window_get_document (f->window)));

  /* Into the last period only: the columns are what does not fit */
  bk_sheet_view_set_cursor (sheet, 0, (int) last_period);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (f->window)), "7\t8\n");
  bk_test_flush ();
  bk_test_send_keys (GTK_WINDOW (f->window), "Escape", "ctrl+v", NULL);
  BK_WAIT_FOR (bk_table_page_get_error (capex) != NULL);
  g_assert_nonnull (strstr (bk_table_page_get_error (capex), "by 1 column."));
  g_assert_false (bk_document_can_undo (bk_window_get_document (f->window)));

  /* A block that fits still pastes, as one undo step */
  bk_sheet_view_set_cursor (sheet, 0, (int) last_period - 1);
  bk_test_send_keys (GTK_WINDOW (f->window), "ctrl+v", NULL);
  BK_WAIT_FOR (bk_document_can_undo (bk_window_get_document (f->window)));
  g_assert_null (bk_table_page_get_error (capex));
}

static double
sheet_top (Fixture     *f,
           BkSheetView *sheet)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (sheet), GTK_WIDGET (f->window), &bounds));
  return bounds.origin.y;
}

static gboolean
entry_is_tinted (BkTablePage *page)
{
  return gtk_widget_has_css_class (GTK_WIDGET (bk_table_page_get_formula_entry (page)), "error");
}

/* Item 6: the red bar and the tinted formula bar go when the refusal no
 * longer applies, and showing them does not move the cells. */
static void
test_error_bar_goes (Fixture       *f,
                     gconstpointer  data)
{
  BkTablePage *capex = page (f, "capex");
  BkSheetView *sheet = bk_table_page_get_sheet (capex);
  GtkEditable *entry = bk_table_page_get_formula_entry (capex);
  double top;

  BK_TEST_REQUIRE_XDOTOOL ();

  top = sheet_top (f, sheet);

  /* A refused value shows the bar; the cells stay where they were */
  bk_test_type_text (GTK_WINDOW (f->window), "abc");
  bk_test_send_keys (GTK_WINDOW (f->window), "Return", NULL);
  g_assert_nonnull (bk_table_page_get_error (capex));
  g_assert_true (entry_is_tinted (capex));
  for (guint i = 0; i < 3; i++)
    bk_test_wait_frames (GTK_WIDGET (f->window), 1);
  g_assert_cmpfloat (sheet_top (f, sheet), ==, top);

  /* Escape takes the refused text and its message away */
  bk_test_send_keys (GTK_WINDOW (f->window), "Escape", NULL);
  g_assert_false (bk_sheet_view_get_editing (sheet));
  g_assert_null (bk_table_page_get_error (capex));
  g_assert_false (entry_is_tinted (capex));

  /* Refused in the formula bar, then a paste that works in the sheet */
  gtk_editable_set_text (entry, "=nonsense(");
  g_signal_emit_by_name (entry, "activate");
  g_assert_nonnull (bk_table_page_get_error (capex));
  gtk_widget_grab_focus (GTK_WIDGET (sheet));
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (f->window)), "42\n");
  bk_test_flush ();
  bk_test_send_keys (GTK_WINDOW (f->window), "ctrl+v", NULL);
  BK_WAIT_FOR (bk_document_can_undo (bk_window_get_document (f->window)));
  g_assert_null (bk_table_page_get_error (capex));
  g_assert_false (entry_is_tinted (capex));

  /* Refused in the cell, then another scenario: the message is moot */
  bk_test_type_text (GTK_WINDOW (f->window), "xyz");
  bk_test_send_keys (GTK_WINDOW (f->window), "Tab", NULL);
  g_assert_nonnull (bk_table_page_get_error (capex));
  bk_test_send_keys (GTK_WINDOW (f->window), "Escape", NULL);
  gtk_editable_set_text (entry, "-5");
  g_signal_emit_by_name (entry, "activate");
  g_assert_nonnull (bk_table_page_get_error (capex));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.scenario", "u", 1);
  g_assert_null (bk_table_page_get_error (capex));
  g_assert_false (entry_is_tinted (capex));

  /* A later edit that works, typed in the sheet */
  gtk_widget_grab_focus (GTK_WIDGET (sheet));
  bk_test_type_text (GTK_WINDOW (f->window), "bad");
  bk_test_send_keys (GTK_WINDOW (f->window), "Return", NULL);
  g_assert_nonnull (bk_table_page_get_error (capex));
  bk_test_send_keys (GTK_WINDOW (f->window), "BackSpace", "BackSpace", "BackSpace", NULL);
  bk_test_type_text (GTK_WINDOW (f->window), "12");
  bk_test_send_keys (GTK_WINDOW (f->window), "Return", NULL);
  g_assert_false (bk_sheet_view_get_editing (sheet));
  g_assert_null (bk_table_page_get_error (capex));
  g_assert_cmpfloat (sheet_top (f, sheet), ==, top);
}

/* Item 4: a company with nothing invested has no payback: "—", not "0.0" */
static void
test_empty_company_payback (Fixture       *f,
                            gconstpointer  data)
{
  BkKpiStrip *kpi = bk_window_get_kpi_strip (f->window);
  BkSheetView *sheet = bk_table_page_get_sheet (page (f, "capex"));
  BkWorkbook *wb = workbook (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  BkResultsPage *results;
  BkTableModel *metrics;
  int row;

  g_assert_true (bk_document_add_company (bk_window_get_document (f->window), "empty", "Empty Co",
                                          bk_workbook_get_market_id (wb, 0), 0, &error));
  g_assert_no_error (error);
  row = bk_workbook_find_company (wb, "empty");
  bk_sheet_view_set_cursor (sheet, row, 0);
  for (guint i = 0; i < 3; i++)
    bk_test_wait_frames (GTK_WIDGET (f->window), 1);

  g_assert_cmpstr (bk_kpi_strip_get_text (kpi, FALSE, 0), ==, "$0.0B");
  g_assert_cmpstr (bk_kpi_strip_get_text (kpi, FALSE, 3), ==, "—");

  bk_window_set_page (f->window, "results");
  results = BK_RESULTS_PAGE (bk_window_get_page_widget (f->window, "results"));
  metrics = bk_sheet_view_get_model (bk_results_page_get_metrics_sheet (results));
  bk_table_model_get_cell (metrics, (guint) row, BK_RESULTS_COLUMN_PAYBACK, text);
  g_assert_cmpstr (text->str, ==, "—");
  bk_table_model_get_cell (metrics, (guint) row, BK_RESULTS_COLUMN_DISCOUNTED_PAYBACK, text);
  g_assert_cmpstr (text->str, ==, "—");
  bk_table_model_get_tooltip (metrics, (guint) row, BK_RESULTS_COLUMN_PAYBACK, text);
  g_assert_nonnull (strstr (text->str, "nothing is invested"));
}

/* Item 3: shares past 100 % are marked where the analyst works: the cells
 * of that market and period, the formula bar, and the donut */
static void
test_share_warning (Fixture       *f,
                    gconstpointer  data)
{
  BkTablePage *share = page (f, "share");
  BkSheetView *sheet = bk_table_page_get_sheet (share);
  BkTableModel *model = bk_table_page_get_model (share);
  int baba = bk_workbook_find_company (workbook (f), "baba");
  int tencent = bk_workbook_find_company (workbook (f), "tcehy");
  int msft = bk_workbook_find_company (workbook (f), "msft");
  g_autoptr(GString) tooltip = g_string_new (NULL);
  BkChart *chart;

  BK_TEST_REQUIRE_XDOTOOL ();

  bk_window_set_page (f->window, "share");
  BK_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (sheet)));
  gtk_widget_grab_focus (GTK_WIDGET (sheet));
  g_assert_null (bk_table_page_get_warning (share));
  g_assert_false (bk_table_model_get_cell (model, (guint) tencent, 2, NULL) & BK_TABLE_CELL_WARNING);

  /* Alibaba takes the whole Chinese market in 2025: 100 + 7 + 14.8 + 6.1 */
  bk_sheet_view_set_cursor (sheet, baba, 2);
  bk_test_type_text (GTK_WINDOW (f->window), "100");
  bk_test_send_keys (GTK_WINDOW (f->window), "Return", NULL);
  g_assert_false (bk_sheet_view_get_editing (sheet));

  g_assert_nonnull (bk_table_page_get_warning (share));
  g_test_message ("%s", bk_table_page_get_warning (share));
  g_assert_cmpstr (bk_table_page_get_warning (share), ==, "China 2025: shares add up to 127.9%");

  /* Every company of that market in that period is marked, nobody else */
  g_assert_true (bk_table_model_get_cell (model, (guint) tencent, 2, NULL) & BK_TABLE_CELL_WARNING);
  g_assert_true (bk_table_model_get_cell (model, (guint) baba, 2, NULL) & BK_TABLE_CELL_WARNING);
  g_assert_false (bk_table_model_get_cell (model, (guint) tencent, 1, NULL) & BK_TABLE_CELL_WARNING);
  g_assert_false (bk_table_model_get_cell (model, (guint) msft, 2, NULL) & BK_TABLE_CELL_WARNING);
  bk_table_model_get_tooltip (model, (guint) tencent, 2, tooltip);
  g_assert_nonnull (strstr (tooltip->str, "more than the whole market"));

  /* The donut of that market and period says so too */
  bk_sheet_view_set_cursor (sheet, baba, 2);
  for (guint i = 0; i < 3; i++)
    bk_test_wait_frames (GTK_WIDGET (f->window), 1);
  chart = BK_CHART (bk_window_get_chart (f->window, "share"));
  g_assert_nonnull (chart);
  g_test_message ("%s", bk_chart_get_subtitle (chart));
  g_assert_nonnull (strstr (bk_chart_get_subtitle (chart), "128%"));

  /* Undone, the warning goes everywhere */
  bk_test_send_keys (GTK_WINDOW (f->window), "ctrl+z", NULL);
  g_assert_null (bk_table_page_get_warning (share));
  g_assert_false (bk_table_model_get_cell (model, (guint) tencent, 2, NULL) & BK_TABLE_CELL_WARNING);
  for (guint i = 0; i < 3; i++)
    bk_test_wait_frames (GTK_WIDGET (f->window), 1);
  g_assert_null (strstr (bk_chart_get_subtitle (BK_CHART (bk_window_get_chart (f->window, "share"))), "⚠"));
}

static BkNoteDialog *
find_note_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (BK_IS_NOTE_DIALOG (l->data) && gtk_widget_get_mapped (l->data))
      return l->data;
  return NULL;
}

/* Item 14: a note is several lines, as a spreadsheet's comment: Enter starts
 * a new line, Ctrl+Enter saves */
static void
test_multi_line_note (Fixture       *f,
                      gconstpointer  data)
{
  BkTablePage *capex = page (f, "capex");
  BkSheetView *sheet = bk_table_page_get_sheet (capex);
  BkCell cell;

  BK_TEST_REQUIRE_XDOTOOL ();

  gtk_widget_grab_focus (GTK_WIDGET (sheet));
  bk_sheet_view_set_cursor (sheet, 1, 0);
  bk_test_send_keys (GTK_WINDOW (f->window), "shift+F2", NULL);
  BK_WAIT_FOR (find_note_dialog () != NULL);
  bk_test_watch_keys (GTK_WINDOW (find_note_dialog ()));
  bk_test_focus_window (GTK_WINDOW (find_note_dialog ()));
  bk_test_send_keys (GTK_WINDOW (find_note_dialog ()), "ctrl+a", "Delete", NULL);
  bk_test_type_text (GTK_WINDOW (find_note_dialog ()), "10-K p. 42");
  bk_test_send_keys (GTK_WINDOW (find_note_dialog ()), "Return", NULL);
  bk_test_type_text (GTK_WINDOW (find_note_dialog ()), "cash PP&E only");
  /* Enter made a line, not a save */
  g_assert_nonnull (find_note_dialog ());
  bk_test_send_keys (GTK_WINDOW (find_note_dialog ()), "ctrl+Return", NULL);
  BK_WAIT_FOR (find_note_dialog () == NULL);

  bk_workbook_get_cell (workbook (f), BK_SCENARIO_BASE, BK_TABLE_CAPEX, 1, 0, &cell);
  g_assert_cmpstr (cell.note, ==, "10-K p. 42\ncash PP&E only");
  /* The formula bar shows its first line, the tooltip all of it */
  bk_test_focus_window (GTK_WINDOW (f->window));
  g_assert_cmpstr (bk_table_page_get_note (capex), ==, "10-K p. 42");
}

/* Item 14: an empty added period moves the total NPV; the window says why */
static void
test_added_period_explained (Fixture       *f,
                             gconstpointer  data)
{
  BkKpiStrip *kpi = bk_window_get_kpi_strip (f->window);
  g_autofree char *before = NULL;

  bk_test_wait_frames (GTK_WIDGET (f->window), 1);
  before = g_strdup (bk_kpi_strip_get_text (kpi, TRUE, 0));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-period-end", NULL);
  for (guint i = 0; i < 3; i++)
    bk_test_wait_frames (GTK_WIDGET (f->window), 1);
  g_assert_cmpstr (bk_kpi_strip_get_text (kpi, TRUE, 0), !=, before);
  g_assert_nonnull (strstr (bk_window_get_last_toast (f->window), "move one period later"));
}

static void
read_text_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  char **text = data;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  if (*text == NULL)
    *text = g_strdup ("");
}

static char *
read_clipboard (Fixture *f)
{
  char *text = NULL;

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (f->window)), NULL,
                                 read_text_cb, &text);
  BK_WAIT_FOR (text != NULL);
  return text;
}

static BkResultsPage *
results_page (Fixture *f)
{
  bk_window_set_page (f->window, "results");
  return BK_RESULTS_PAGE (bk_window_get_page_widget (f->window, "results"));
}

/* Item 13: Copy on Results gives what a spreadsheet pastes: headers, every
 * digit, blank for a metric that does not exist (not "—") */
static void
test_results_copy (Fixture       *f,
                   gconstpointer  data)
{
  BkResultsPage *results = results_page (f);
  BkSheetView *metrics = bk_results_page_get_metrics_sheet (results);
  BkSheetView *series = bk_results_page_get_series_sheet (results);
  BkResults *computed = bk_engine_get_results (bk_window_get_engine (f->window));
  const BkMetrics *msft = bk_results_get_company (computed, 0);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) header = NULL;
  g_auto(GStrv) first = NULL;

  BK_TEST_REQUIRE_XDOTOOL ();

  gtk_widget_grab_focus (GTK_WIDGET (metrics));
  bk_sheet_view_set_cursor (metrics, 0, 0);
  bk_test_send_keys (GTK_WINDOW (f->window), "ctrl+a", "ctrl+c", NULL);
  text = read_clipboard (f);
  g_test_message ("%s", text);
  g_assert_null (strstr (text, "—"));
  lines = g_strsplit (text, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, bk_results_get_n_companies (computed) + 2);
  header = g_strsplit (lines[0], "\t", -1);
  g_assert_cmpuint (g_strv_length (header), ==, BK_RESULTS_N_COLUMNS + 1);
  g_assert_cmpstr (header[0], ==, "");
  g_assert_cmpstr (header[1 + BK_RESULTS_COLUMN_NPV], ==, "NPV (US$ B)");
  first = g_strsplit (lines[1], "\t", -1);
  g_assert_cmpstr (first[0], ==, "Microsoft");
  /* Full precision: the shortest text that reads back as the same double */
  g_assert_cmpfloat (g_ascii_strtod (first[1 + BK_RESULTS_COLUMN_NPV], NULL), ==, msft->npv);
  g_assert_cmpuint (strlen (first[1 + BK_RESULTS_COLUMN_NPV]), >, 8);
  /* Percent as a spreadsheet reads it, blank where there is none */
  g_assert_true (g_str_has_suffix (first[1 + BK_RESULTS_COLUMN_ROI], "%"));
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (first[1 + BK_RESULTS_COLUMN_ROI], NULL) / 100,
                                  msft->roi, 1e-15);
  /* Payback: full precision where there is one, blank where there is none */
  for (guint c = 0; c < bk_results_get_n_companies (computed); c++)
    {
      const BkMetrics *m = bk_results_get_company (computed, c);
      g_auto(GStrv) cells = g_strsplit (lines[1 + c], "\t", -1);
      const char *payback = cells[1 + BK_RESULTS_COLUMN_PAYBACK];

      if (isnan (m->payback_years))
        g_assert_cmpstr (payback, ==, "");
      else
        g_assert_cmpfloat (g_ascii_strtod (payback, NULL), ==, m->payback_years);
    }
  /* In Bear nobody pays back: every payback cell is blank */
  g_object_set (f->window, "scenario", 1, NULL);
  computed = bk_engine_get_results (bk_window_get_engine (f->window));
  msft = bk_results_get_company (computed, 0);
  g_assert_true (isnan (msft->payback_years));
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&lines, g_strfreev);
  g_clear_pointer (&first, g_strfreev);
  gtk_widget_grab_focus (GTK_WIDGET (metrics));
  bk_sheet_view_set_cursor (metrics, 0, 0);
  bk_test_send_keys (GTK_WINDOW (f->window), "ctrl+a", "ctrl+c", NULL);
  text = read_clipboard (f);
  lines = g_strsplit (text, "\n", -1);
  first = g_strsplit (lines[1], "\t", -1);
  g_assert_cmpstr (first[1 + BK_RESULTS_COLUMN_PAYBACK], ==, "");

  /* The per-period sheet: periods across, series down, with headers */
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&lines, g_strfreev);
  gtk_widget_grab_focus (GTK_WIDGET (series));
  bk_sheet_view_select_range (series, BK_SERIES_REVENUE, 0, 2, 2);
  bk_test_send_keys (GTK_WINDOW (f->window), "ctrl+c", NULL);
  text = read_clipboard (f);
  g_test_message ("%s", text);
  lines = g_strsplit (text, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_true (g_str_has_prefix (lines[0], "\t2023\t2024"));
  g_assert_true (g_str_has_prefix (lines[1], "Revenue (US$ B)\t"));
}

/* Item 13: Export This Table (CSV) works on Results, for either sheet */
static void
test_results_export_csv (Fixture       *f,
                         gconstpointer  data)
{
  BkResultsPage *results = results_page (f);
  BkResults *computed = bk_engine_get_results (bk_window_get_engine (f->window));
  g_autofree char *path = g_build_filename (f->dir, "results.csv", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *written = NULL;
  g_autoptr(GError) error = NULL;
  gboolean exported;

  gtk_widget_grab_focus (GTK_WIDGET (bk_results_page_get_metrics_sheet (results)));
  g_assert_false (bk_results_page_get_series_active (results));
  exported = bk_window_export_csv_path (f->window, path, &error);
  g_assert_no_error (error);
  g_assert_true (exported);
  expected = bk_results_csv_write_metrics (workbook (f), computed);
  g_assert_true (g_file_get_contents (path, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, expected);

  /* The per-period sheet of the selected company */
  bk_sheet_view_set_cursor (bk_results_page_get_metrics_sheet (results), 1, 0);
  gtk_widget_grab_focus (GTK_WIDGET (bk_results_page_get_series_sheet (results)));
  g_assert_true (bk_results_page_get_series_active (results));
  g_assert_true (bk_window_export_csv_path (f->window, path, &error));
  g_clear_pointer (&expected, g_free);
  g_clear_pointer (&written, g_free);
  expected = bk_results_csv_write_series (workbook (f), computed, 1);
  g_assert_true (g_file_get_contents (path, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, expected);
}

int
main (int   argc,
      char *argv[])
{
  BkApplication *app = bk_test_app_init (&argc, &argv, "test-window-trust");

#define ADD(path, func) \
  g_test_add ("/trust/" path, Fixture, &large, bk_test_app_window_setup, func, \
              bk_test_app_window_teardown)
  ADD ("paste-past-edge", test_paste_past_edge);
  ADD ("error-bar-goes", test_error_bar_goes);
  ADD ("empty-company-payback", test_empty_company_payback);
  ADD ("share-warning", test_share_warning);
  ADD ("multi-line-note", test_multi_line_note);
  ADD ("added-period-explained", test_added_period_explained);
  ADD ("results-copy", test_results_copy);
  ADD ("results-export-csv", test_results_export_csv);
#undef ADD

  return bk_test_app_run (app);
}
