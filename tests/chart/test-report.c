/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-report.c — the report's pagination: every table row placed once, in
 * order, whole inside one page's content area under a header on that page,
 * for A4, letter and a narrow page, and every page drawn */

#include <cairo.h>
#include <glib.h>

#include "bk-json.h"
#include "bk-report.h"

static void
assert_pagination (BkReport *report,
                   double    width,
                   double    height)
{
  GArray *placements;
  guint n_tables, n_pages, table = 0, next_row = 0;
  int header_page = -1;

  bk_report_set_page_size (report, width, height);
  placements = bk_report_get_row_placements (report);
  n_tables = bk_report_get_n_tables (report);
  n_pages = bk_report_get_n_pages (report);
  g_assert_cmpuint (n_tables, >, 3);
  g_assert_cmpuint (placements->len, >, 0);

  for (guint i = 0; i < placements->len; i++)
    {
      const BkReportRowPlacement *place = &g_array_index (placements, BkReportRowPlacement, i);

      g_assert_cmpuint (place->page, <, n_pages);
      /* Inside the content area, never across its bottom edge */
      g_assert_cmpfloat (place->top, >=, BK_REPORT_MARGIN - 0.01);
      g_assert_cmpfloat (place->bottom, <=, height - BK_REPORT_MARGIN + 0.01);
      g_assert_cmpfloat (place->bottom, >, place->top);

      if (place->table != table)
        {
          /* The previous table was placed whole */
          g_assert_cmpuint (next_row, ==, bk_report_get_table_n_rows (report, table));
          g_assert_cmpuint (place->table, ==, table + 1);
          table = place->table;
          next_row = 0;
          header_page = -1;
        }

      if (place->row == G_MAXUINT)
        {
          header_page = (int) place->page;
          continue;
        }
      /* In order, each once, below a header on the same page */
      g_assert_cmpuint (place->row, ==, next_row);
      g_assert_cmpint (header_page, ==, (int) place->page);
      next_row++;
    }
  g_assert_cmpuint (table, ==, n_tables - 1);

  /* Every table within the content's width on real paper (a page too
   * narrow for the key columns and one more may not hold them) */
  for (guint t = 0; t < n_tables && width >= 500; t++)
    g_assert_cmpfloat (bk_report_get_table_width (report, t), <=, width - 2 * BK_REPORT_MARGIN + 0.01);
  g_assert_cmpuint (next_row, ==, bk_report_get_table_n_rows (report, table));
}

static void
draw_every_page (BkReport *report,
                 double    width,
                 double    height)
{
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);

  for (guint p = 0; p < bk_report_get_n_pages (report); p++)
    {
      bk_report_draw_page (report, cr, p, width, height);
      cairo_show_page (cr);
    }
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_sample (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BkWorkbook) workbook = bk_json_read_sample (&error);
  g_autoptr(BkReport) report = NULL;
  guint a4, letter;

  g_assert_no_error (error);
  report = bk_report_new (workbook, 0);
  g_assert_cmpstr (bk_report_get_title (report), ==, bk_workbook_get_title (workbook));

  assert_pagination (report, 595, 842);
  a4 = bk_report_get_n_pages (report);
  draw_every_page (report, 595, 842);
  assert_pagination (report, 612, 792);
  letter = bk_report_get_n_pages (report);
  g_assert_cmpuint (a4, >=, 5);
  g_assert_cmpuint (letter, >=, a4);

  /* A narrow, short page: more pages, still no row split */
  assert_pagination (report, 300, 400);
  g_assert_cmpuint (bk_report_get_n_pages (report), >, letter);
  draw_every_page (report, 300, 400);
}

static void
test_many_companies (void)
{
  g_autoptr(GString) json = g_string_new ("{\"format\":\"breakeven-workbook\",\"version\":1,\"title\":\"Many\","
                                          "\"granularity\":\"quarter\",\"first_period\":\"2024Q1\",\"periods\":12,"
                                          "\"markets\":[{\"id\":\"m\",\"name\":\"Market\"}],\"companies\":[");
  g_autoptr(GError) error = NULL;
  g_autoptr(BkWorkbook) workbook = NULL;
  g_autoptr(BkReport) report = NULL;

  for (guint c = 0; c < 80; c++)
    g_string_append_printf (json, "%s{\"id\":\"c%u\",\"name\":\"Company %u\",\"market\":\"m\"}",
                            c > 0 ? "," : "", c, c);
  g_string_append (json, "],\"series\":{\"capex\":{");
  for (guint c = 0; c < 80; c++)
    g_string_append_printf (json, "%s\"c%u\":[%u,2,3,4,5,6,7,8,9,10,11,12]", c > 0 ? "," : "", c, c + 1);
  g_string_append (json, "}}}");

  workbook = bk_json_read_workbook (json->str, -1, &error);
  g_assert_no_error (error);
  report = bk_report_new (workbook, 0);
  assert_pagination (report, 595, 842);
  g_assert_cmpuint (bk_report_get_n_pages (report), >, 8);
  assert_pagination (report, 612, 792);
}

/* Notes too long for one page (words, and Chinese without spaces) are
 * numbered once and continued over whole rows, every word kept */
static void
test_long_notes (void)
{
  g_autoptr(GString) words = g_string_new ("Begin");
  g_autoptr(GString) han = g_string_new (NULL);
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BkWorkbook) workbook = NULL;
  g_autoptr(BkReport) report = NULL;

  while (words->len < 9000)
    g_string_append (words, " source");
  g_string_append (words, " End");
  for (guint i = 0; i < 3000; i++)
    g_string_append (han, "长");
  g_string_printf (json, "{\"format\":\"breakeven-workbook\",\"version\":1,\"title\":\"Long notes\","
                   "\"granularity\":\"year\",\"first_period\":\"2024\",\"periods\":2,"
                   "\"markets\":[{\"id\":\"m\",\"name\":\"Market\"}],"
                   "\"companies\":[{\"id\":\"a\",\"name\":\"A\",\"market\":\"m\"}],"
                   "\"series\":{\"capex\":{\"a\":[1,2]}},"
                   "\"notes\":[{\"table\":\"capex\",\"row\":\"a\",\"period\":0,\"text\":\"%s\"},"
                   "{\"table\":\"capex\",\"row\":\"a\",\"period\":1,\"text\":\"%s\"}]}",
                   words->str, han->str);

  workbook = bk_json_read_workbook (json->str, -1, &error);
  g_assert_no_error (error);
  report = bk_report_new (workbook, 0);
  assert_pagination (report, 595, 842);
  assert_pagination (report, 612, 792);
  /* The sources: several rows for the two notes */
  g_assert_cmpuint (bk_report_get_table_n_rows (report, bk_report_get_n_tables (report) - 1), >, 4);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/sample", test_sample);
  g_test_add_func ("/report/many-companies", test_many_companies);
  g_test_add_func ("/report/long-notes", test_long_notes);

  return g_test_run ();
}
