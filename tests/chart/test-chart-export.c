/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-chart-export.c — PNG, SVG and PDF exports and their failures */

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "bk-chart.h"
#include "bk-chart-export.h"

static BkChart *
make_chart (const char *title)
{
  BkChart *chart = bk_chart_new (BK_CHART_KIND_BAR);
  const char *companies[] = { "Microsoft", "Alphabet", "Amazon", NULL };
  double npv[] = { 120, -40, 75 };
  double fcf[] = { 90, -10, 60 };

  bk_chart_set_title (chart, title);
  bk_chart_set_subtitle (chart, "Base case");
  bk_chart_set_source (chart, "Source: company filings");
  bk_chart_set_unit (chart, BK_CHART_UNIT_USD_BILLIONS);
  bk_chart_set_categories (chart, companies);
  bk_chart_add_series (chart, "NPV", npv, G_N_ELEMENTS (npv));
  bk_chart_add_series (chart, "Cumulative FCF", fcf, G_N_ELEMENTS (fcf));
  return chart;
}

static char *
make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("bk-chart-export-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_tree (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (d);
  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

/* PNG */

typedef struct
{
  const guint8 *data;
  gsize         len;
  gsize         pos;
} Reader;

static cairo_status_t
read_bytes (void          *closure,
            unsigned char *data,
            unsigned int   length)
{
  Reader *r = closure;

  if (r->pos + length > r->len)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, r->data + r->pos, length);
  r->pos += length;
  return CAIRO_STATUS_SUCCESS;
}

static void
test_png_sizes (void)
{
  g_autoptr(BkChart) chart = make_chart ("ROI by company");
  g_autofree char *dir = make_tmp_dir ();

  for (int scale = 1; scale <= 3; scale++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *path = g_strdup_printf ("%s/chart@%dx.png", dir, scale);
      cairo_surface_t *image;
      Reader reader = { 0 };

      /* From a file */
      g_assert_true (bk_chart_export (chart, path, BK_CHART_FORMAT_PNG, 640, 360, scale, &error));
      g_assert_no_error (error);
      image = cairo_image_surface_create_from_png (path);
      g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_width (image), ==, 640 * scale);
      g_assert_cmpint (cairo_image_surface_get_height (image), ==, 360 * scale);
      /* Drawn, not blank: the corner is the background, the middle is not all of it */
      {
        unsigned char *data = cairo_image_surface_get_data (image);
        int stride = cairo_image_surface_get_stride (image);
        guint ink = 0;

        g_assert_cmphex (*(guint32 *) data, ==, 0xffffffff);
        for (int y = 0; y < 360 * scale; y++)
          for (int x = 0; x < 640 * scale; x++)
            if ((*(guint32 *) (data + y * stride + x * 4) & 0xffffff) != 0xffffff)
              ink++;
        g_assert_cmpuint (ink, >, 5000u * scale * scale);
      }
      cairo_surface_destroy (image);

      /* As bytes, for the clipboard */
      bytes = bk_chart_export_bytes (chart, BK_CHART_FORMAT_PNG, 300, 200, scale, &error);
      g_assert_no_error (error);
      reader.data = g_bytes_get_data (bytes, &reader.len);
      g_assert_cmpmem (reader.data, 8, "\x89PNG\r\n\x1a\n", 8);
      image = cairo_image_surface_create_from_png_stream (read_bytes, &reader);
      g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_width (image), ==, 300 * scale);
      g_assert_cmpint (cairo_image_surface_get_height (image), ==, 200 * scale);
      cairo_surface_destroy (image);
    }

  remove_tree (dir);
}

/* SVG */

typedef struct
{
  guint paths;
  guint images;
  guint elements;
  char *width;
} SvgCount;

static void
svg_start (GMarkupParseContext  *context,
           const char           *element,
           const char          **names,
           const char          **values,
           gpointer              data,
           GError              **error)
{
  SvgCount *count = data;

  count->elements++;
  if (g_str_equal (element, "path"))
    count->paths++;
  if (g_str_equal (element, "image"))
    count->images++;
  if (g_str_equal (element, "svg"))
    for (guint i = 0; names[i] != NULL; i++)
      if (g_str_equal (names[i], "width"))
        count->width = g_strdup (values[i]);
}

static void
test_svg_vectors (void)
{
  g_autoptr(BkChart) chart = make_chart ("ROI by company");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GMarkupParseContext) context = NULL;
  GMarkupParser parser = { svg_start, NULL, NULL, NULL, NULL };
  SvgCount count = { 0 };
  const char *text;
  gsize len;

  /* Hidden and dimmed series and the dark theme must not force bitmaps either */
  bk_chart_set_series_highlighted (chart, 0, TRUE);
  bk_chart_set_theme (chart, BK_CHART_THEME_DARK);
  bk_chart_add_marker (chart, 0, 1.5, "Payback");

  bytes = bk_chart_export_bytes (chart, BK_CHART_FORMAT_SVG, 800, 450, 1, &error);
  g_assert_no_error (error);
  text = g_bytes_get_data (bytes, &len);

  /* Well-formed XML */
  context = g_markup_parse_context_new (&parser, 0, &count, NULL);
  g_assert_true (g_markup_parse_context_parse (context, text, len, &error));
  g_assert_no_error (error);
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (count.paths, >, 20);
  g_assert_cmpuint (count.images, ==, 0);
  g_assert_null (g_strstr_len (text, len, "<image"));
  g_assert_nonnull (count.width);
  g_assert_true (g_str_has_prefix (count.width, "800"));
  g_free (count.width);
}

/* PDF */

static char *
pdf_to_text (const char *path)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  /* CI installs poppler-utils: without it this test must not pass quietly */
  if (pdftotext == NULL)
    g_error ("pdftotext (poppler-utils) is needed to check PDF text");

  {
    const char *argv[] = { pdftotext, "-enc", "UTF-8", path, "-", NULL };
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, &out, NULL, &status, &error));
  }
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
test_pdf_text (void)
{
  g_autoptr(BkChart) chart = make_chart ("ROI by company");
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "chart.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *data = NULL;
  gsize len;

  g_assert_true (bk_chart_export (chart, path, BK_CHART_FORMAT_PDF, 800, 450, 1, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  g_assert_true (g_str_has_prefix (data, "%PDF-"));
  /* Vector: no embedded bitmap */
  g_assert_null (g_strstr_len (data, len, "/Subtype /Image"));

  text = pdf_to_text (path);
  g_assert_nonnull (strstr (text, "ROI by company"));
  g_assert_nonnull (strstr (text, "Base case"));
  g_assert_nonnull (strstr (text, "Microsoft"));
  g_assert_nonnull (strstr (text, "$100B"));
  g_assert_nonnull (strstr (text, "\xe2\x88\x92$50B"));
  g_assert_nonnull (strstr (text, "Cumulative FCF"));
  g_assert_nonnull (strstr (text, "Source: company filings"));

  remove_tree (dir);
}

static void
test_pdf_cjk (void)
{
  const char *title = "数据中心资本支出回报";
  g_autoptr(BkChart) chart = make_chart (title);
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "图表.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (bk_chart_export (chart, path, BK_CHART_FORMAT_PDF, 800, 450, 1, &error));
  g_assert_no_error (error);
  /* Real CJK glyphs, not hex boxes: the text comes back out */
  text = pdf_to_text (path);
  g_assert_nonnull (strstr (text, title));

  remove_tree (dir);
}

/* Failures */

static void
test_invalid_arguments (void)
{
  g_autoptr(BkChart) chart = make_chart ("ROI");
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "chart.png", NULL);
  struct {
    BkChartFormat format;
    int           width, height, scale;
  } bad[] = {
    { BK_CHART_FORMAT_PNG, 0, 100, 1 },
    { BK_CHART_FORMAT_PNG, 100, 0, 1 },
    { BK_CHART_FORMAT_PNG, -5, 100, 1 },
    { BK_CHART_FORMAT_PNG, 10001, 100, 1 },
    { BK_CHART_FORMAT_PNG, 100, 10001, 1 },
    { BK_CHART_FORMAT_PNG, 100, 100, 0 },
    { BK_CHART_FORMAT_PNG, 100, 100, 4 },
    { BK_CHART_FORMAT_SVG, 100, 100, -1 },
    { BK_CHART_FORMAT_PDF, 0, 0, 1 },
    { (BkChartFormat) 42, 100, 100, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;

      g_assert_false (bk_chart_export (chart, path, bad[i].format, bad[i].width,
                                       bad[i].height, bad[i].scale, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
      g_clear_error (&error);

      bytes = bk_chart_export_bytes (chart, bad[i].format, bad[i].width,
                                     bad[i].height, bad[i].scale, &error);
      g_assert_null (bytes);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
    }

  /* Nothing was written */
  g_assert_cmpuint (count_entries (dir), ==, 0);

  /* The limits themselves are fine */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) bytes = bk_chart_export_bytes (chart, BK_CHART_FORMAT_PNG, 1, 1, 3, &error);
    g_assert_no_error (error);
    g_assert_nonnull (bytes);
    g_clear_pointer (&bytes, g_bytes_unref);
    bytes = bk_chart_export_bytes (chart, BK_CHART_FORMAT_SVG, 10000, 1, 1, &error);
    g_assert_no_error (error);
    g_assert_nonnull (bytes);
  }

  remove_tree (dir);
}

static void
test_unwritable_path (void)
{
  g_autoptr(BkChart) chart = make_chart ("ROI");
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "chart.png", NULL);
  g_autofree char *folder = g_build_filename (dir, "a-folder.png", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (bk_chart_export (chart, missing, BK_CHART_FORMAT_PNG, 200, 100, 1, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpuint (count_entries (dir), ==, 0);

  /* A folder in the way: the export fails and leaves no temporary file */
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_false (bk_chart_export (chart, folder, BK_CHART_FORMAT_SVG, 200, 100, 1, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (count_entries (dir), ==, 1);
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));

  remove_tree (dir);
}

static void
test_replace_existing (void)
{
  g_autoptr(BkChart) chart = make_chart ("ROI");
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "chart.svg", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_true (bk_chart_export (chart, path, BK_CHART_FORMAT_SVG, 300, 200, 1, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  g_assert_nonnull (strstr (data, "<svg"));
  g_assert_cmpuint (count_entries (dir), ==, 1);

  remove_tree (dir);
}

static void
test_format_from_path (void)
{
  BkChartFormat format = BK_CHART_FORMAT_PDF;

  g_assert_true (bk_chart_format_from_path ("/tmp/a.png", &format));
  g_assert_cmpint (format, ==, BK_CHART_FORMAT_PNG);
  g_assert_true (bk_chart_format_from_path ("Report.SVG", &format));
  g_assert_cmpint (format, ==, BK_CHART_FORMAT_SVG);
  g_assert_true (bk_chart_format_from_path ("x.y.Pdf", &format));
  g_assert_cmpint (format, ==, BK_CHART_FORMAT_PDF);
  g_assert_false (bk_chart_format_from_path ("chart.jpeg", &format));
  g_assert_false (bk_chart_format_from_path ("png", &format));
  g_assert_false (bk_chart_format_from_path (NULL, &format));
}

static void
test_export_keeps_hit_geometry (void)
{
  g_autoptr(BkChart) chart = make_chart ("ROI");
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 400, 300);
  cairo_t *cr = cairo_create (surface);
  cairo_rectangle_t before, after;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(BkChartHits) hits = NULL;

  hits = bk_chart_render (chart, cr, 400, 300);
  g_assert_true (bk_chart_hits_get_plot_area (hits, &before));

  bytes = bk_chart_export_bytes (chart, BK_CHART_FORMAT_PNG, 1200, 700, 2, NULL);
  g_assert_nonnull (bytes);
  g_assert_true (bk_chart_hits_get_plot_area (hits, &after));
  g_assert_cmpfloat (before.x, ==, after.x);
  g_assert_cmpfloat (before.width, ==, after.width);
  g_assert_cmpfloat (before.height, ==, after.height);
  g_assert_true (after.x + after.width <= 400);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/export/png-sizes", test_png_sizes);
  g_test_add_func ("/chart/export/svg-vectors", test_svg_vectors);
  g_test_add_func ("/chart/export/pdf-text", test_pdf_text);
  g_test_add_func ("/chart/export/pdf-cjk", test_pdf_cjk);
  g_test_add_func ("/chart/export/invalid-arguments", test_invalid_arguments);
  g_test_add_func ("/chart/export/unwritable-path", test_unwritable_path);
  g_test_add_func ("/chart/export/replace-existing", test_replace_existing);
  g_test_add_func ("/chart/export/format-from-path", test_format_from_path);
  g_test_add_func ("/chart/export/keeps-hit-geometry", test_export_keeps_hit_geometry);

  return g_test_run ();
}
