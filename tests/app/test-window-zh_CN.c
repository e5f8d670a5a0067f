/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window-zh_CN.c — the window in Simplified Chinese
 *
 * Run with LANGUAGE=zh_CN and the build tree's message catalogues: every
 * label a person reads first (pages, header buttons, KPI captions, the
 * formula bar, chart titles) must be in Chinese. */
#include "config.h"

#include <string.h>

#include "bk-analysis-page.h"
#include "bk-application.h"
#include "bk-chart.h"
#include "bk-chart-axis.h"
#include "bk-format.h"
#include "bk-test-app.h"
#include "bk-results-page.h"
#include "bk-test-layout.h"
#include "bk-test-ui.h"
#include "bk-window.h"

static gboolean
has_cjk (const char *text)
{
  for (const char *p = text; p && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0x4E00 && c <= 0x9FFF)
        return TRUE;
    }
  return FALSE;
}

/* Collects the texts of every label and button under @widget. */
static void
collect_texts (GtkWidget *widget,
               GPtrArray *texts)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    g_ptr_array_add (texts, (gpointer) gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_texts (child, texts);
}

/* One application for the tests: GLib names the program once */
static BkApplication *app;

static void
test_chinese_labels (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  g_autoptr(GListModel) pages = NULL;
  BkWindow *window;
  GtkWidget *stack_widget;
  guint n_chinese = 0;

  window = bk_test_app_present_window (app, NULL, 0, 0);
  bk_test_wait_frames (GTK_WIDGET (window), 1);

  /* The pages of the view switcher */
  stack_widget = gtk_widget_get_parent (bk_window_get_page_widget (window, "capex"));
  pages = G_LIST_MODEL (adw_view_stack_get_pages (ADW_VIEW_STACK (stack_widget)));
  g_assert_cmpuint (g_list_model_get_n_items (pages), ==, 7);
  for (guint i = 0; i < 7; i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (pages, i);

      g_assert_true (has_cjk (adw_view_stack_page_get_title (page)));
    }
  {
    g_autoptr(AdwViewStackPage) first = g_list_model_get_item (pages, 0);

    g_assert_cmpstr (adw_view_stack_page_get_title (first), ==, "资本开支");
  }

  /* The window title, the charts, the KPI strip */
  g_assert_true (has_cjk (gtk_window_get_title (GTK_WINDOW (window))) ||
                 g_str_has_suffix (gtk_window_get_title (GTK_WINDOW (window)), "Breakeven"));
  g_assert_true (has_cjk (bk_chart_get_title (BK_CHART (bk_window_get_chart (window, "capex")))));
  g_assert_true (has_cjk (bk_chart_get_title (BK_CHART (bk_window_get_chart (window, "cumulative-fcf")))));

  collect_texts (GTK_WIDGET (window), texts);
  for (guint i = 0; i < texts->len; i++)
    if (has_cjk (g_ptr_array_index (texts, i)))
      n_chinese++;
  /* Header buttons, KPI captions and names, the draft subtitle, … */
  g_assert_cmpuint (n_chinese, >=, 12);
  g_assert_true (g_ptr_array_find_with_equal_func (texts, "净现值", g_str_equal, NULL));
  {
    gboolean import_found = FALSE;

    /* The header bar's Import button ("导入(I)" once the mnemonic is parsed) */
    for (guint i = 0; i < texts->len; i++)
      if (g_str_has_prefix (g_ptr_array_index (texts, i), "导入"))
        import_found = TRUE;
    g_assert_true (import_found);
  }

  /* Money in the language's units, the same on chart axes and bars, in
   * chart tooltips and in the KPI strip (issue 11: "$250B" under a
   * "十亿美元" subtitle) */
  {
    g_autofree char *tick = bk_chart_format_value (BK_CHART_UNIT_USD_BILLIONS, 250, 50);
    g_autofree char *bar = bk_chart_format_short (BK_CHART_UNIT_USD_BILLIONS, 250);
    g_autofree char *trillion = bk_chart_format_short (BK_CHART_UNIT_USD_BILLIONS, 1200);
    g_autofree char *exact = bk_chart_format_exact (BK_CHART_UNIT_USD_BILLIONS, 12.34);
    g_autofree char *negative = bk_chart_format_exact (BK_CHART_UNIT_USD_BILLIONS, -1.5);
    BkChart *capex = BK_CHART (bk_window_get_chart (window, "capex"));
    const char *npv = bk_kpi_strip_get_text (bk_window_get_kpi_strip (window), TRUE, 0);
    g_autoptr(GString) money = g_string_new (NULL);

    g_assert_true (bk_chart_money_in_yi ());
    g_assert_cmpstr (tick, ==, "2500亿美元");
    g_assert_cmpstr (bar, ==, "2500亿美元");
    g_assert_cmpstr (trillion, ==, "1.2万亿美元");
    g_assert_cmpstr (exact, ==, "123.4亿美元");
    g_assert_cmpstr (negative, ==, "\xe2\x88\x92" "15亿美元");
    g_test_message ("KPI NPV: %s", npv);
    g_assert_true (g_str_has_suffix (npv, "亿美元"));
    g_assert_null (strchr (npv, '$'));
    bk_format_money (money, 306.4);
    g_assert_cmpstr (money->str, ==, "3,064亿美元");
    g_string_truncate (money, 0);
    bk_format_money (money, -1678.9);
    g_assert_cmpstr (money->str, ==, "-1.68万亿美元");
    g_assert_null (strstr (bk_chart_get_subtitle (capex), "十亿"));
    g_assert_true (g_str_has_prefix (bk_chart_get_subtitle (capex), "亿美元"));
  }

  /* A new workbook gets a Chinese title and market name */
  g_assert_true (bk_window_new_workbook (window, &error));
  g_assert_no_error (error);
  g_assert_true (has_cjk (bk_workbook_get_title (bk_document_get_workbook (bk_window_get_document (window)))));
  g_assert_true (has_cjk (bk_workbook_get_market_name (bk_document_get_workbook (bk_window_get_document (window)), 0)));

  bk_test_app_close_window (window);
}

/* In Chinese too, at 1024 × 600 and large: every header, column and
 * chart heading whole */
static void
test_pages_fit (void)
{
  static const char * const names[] = { "capex", "backlog", "tokens", "share", "assumptions", "results",
                                        "analysis" };
  static const int sizes[][2] = { { 1024, 600 }, { 1920, 1080 } };

  for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
    {
      BkWindow *window = bk_test_app_present_window (app, NULL, sizes[k][0], sizes[k][1]);

      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        bk_test_assert_page_fits (window, names[i]);
      bk_test_app_close_window (window);
    }
}

/* At 1440 × 900 in Chinese (taller rows and headers) the Analysis page's
 * table still opens with the NPV of every company and the total whole,
 * and the charts below keep 300 px */
static void
test_analysis_split (void)
{
  BkWindow *window = bk_test_app_present_window (app, NULL, 1440, 900);
  BkAnalysisPage *page;
  BkSheetView *sheet;
  guint every, shown = 0;
  GdkRectangle area;

  bk_window_set_page (window, "analysis");
  bk_test_wait_frames (GTK_WIDGET (window), 1);
  bk_test_wait_frames (GTK_WIDGET (window), 1);

  page = BK_ANALYSIS_PAGE (bk_window_get_page_widget (window, "analysis"));
  sheet = bk_analysis_page_get_compare_sheet (page);
  every = bk_workbook_get_n_companies (bk_document_get_workbook (bk_window_get_document (window))) + 1;
  while (bk_sheet_view_get_cell_area (sheet, shown, 0, &area) &&
         area.y + area.height <= gtk_widget_get_height (GTK_WIDGET (sheet)))
    shown++;
  g_assert_cmpuint (shown, >=, every);
  g_assert_cmpint (gtk_widget_get_height (gtk_paned_get_end_child (bk_analysis_page_get_paned (page))), >=, 300);

  bk_test_app_close_window (window);
}

/* The Results headers break where a reader would: the unit in
 * parentheses whole on its own line ("净现值" / "（十亿美元）"), a short
 * term on one line ("投资回报率", not "投资回报" / "率") */
static void
test_results_headers (void)
{
  BkWindow *window = bk_test_app_present_window (app, NULL, 1024, 600);
  BkSheetView *sheet;
  BkTableModel *model;
  guint n_units = 0;

  bk_window_set_page (window, "results");
  bk_test_wait_frames (GTK_WIDGET (window), 1);
  bk_test_wait_frames (GTK_WIDGET (window), 1);
  sheet = bk_results_page_get_metrics_sheet (BK_RESULTS_PAGE (bk_window_get_page_widget (window, "results")));
  model = bk_sheet_view_get_model (sheet);

  for (guint c = 0; c < bk_table_model_get_n_columns (model); c++)
    {
      g_autoptr(GString) header = g_string_new (NULL);
      g_autofree char *drawn = bk_sheet_view_dup_column_header_lines (sheet, c);
      g_auto(GStrv) lines = g_strsplit (drawn, "\n", -1);
      const char *paren;

      bk_table_model_get_column_header (model, c, header);
      g_test_message ("column %u: %s drawn as %s", c, header->str, drawn);
      g_assert_true (bk_sheet_view_column_header_fits (sheet, c));
      paren = strstr (header->str, "（");
      if (paren != NULL && paren > header->str)
        {
          /* On one line, or the name, then the unit whole */
          n_units++;
          if (g_strv_length (lines) == 1)
            continue;
          g_assert_cmpuint (g_strv_length (lines), ==, 2);
          g_assert_true (g_str_has_prefix (lines[1], "（"));
          g_assert_cmpuint (strlen (lines[0]), ==, (gsize) (paren - header->str));
        }
      else if (strchr (header->str, ' ') == NULL)
        g_assert_cmpuint (g_strv_length (lines), ==, 1);
    }
  /* NPV, the paybacks, CapEx and revenue carry units */
  g_assert_cmpuint (n_units, >=, 3);

  bk_test_app_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  bk_test_app_use_chinese (BUILD_LOCALEDIR);
  app = bk_test_app_init (&argc, &argv, "test-window-zh_CN");

  g_test_add_func ("/window-zh_CN/chinese-labels", test_chinese_labels);
  g_test_add_func ("/window-zh_CN/pages-fit", test_pages_fit);
  g_test_add_func ("/window-zh_CN/analysis-split", test_analysis_split);
  g_test_add_func ("/window-zh_CN/results-headers", test_results_headers);
  return bk_test_app_run (app);
}
