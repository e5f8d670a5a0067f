/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-chart-view.c — the chart view in a real window, and its export dialog
 *
 * The window shows the sample workbook's capex chart.  What the view drew
 * is read back as pixels (the widget's last render node, through a widget
 * paintable, rendered by the window's renderer) and compared with the
 * chart's own rendering at the same size, so a view that draws nothing, a
 * stale picture or the wrong theme fails.  Pointer moves and clicks are
 * real X events sent with xdotool (see bk-test-ui.h); every step waits
 * for a condition with a timeout, never for a fixed time.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "bk-chart-builder.h"
#include "bk-chart-export-dialog.h"
#include "bk-chart-view.h"
#include "bk-engine.h"
#include "bk-json.h"
#include "bk-test-ui.h"

#define WINDOW_WIDTH      600
#define WINDOW_HEIGHT     440

/* Pixels whose channels differ by more than this count as different */
#define CHANNEL_TOLERANCE 48

typedef struct
{
  GtkWidget   *window;
  GtkWidget   *label;
  BkChartView *view;
  BkChart     *chart;
  guint        n_exported;
  char        *exported_path;
  guint        n_copied;
  guint        n_errors;
  char        *tmpdir;
} Fixture;

typedef struct
{
  int      width;
  int      height;
  guint32 *pixels;  /* 0xRRGGBB */
} Image;

/* Pixels */

static void
image_free (Image *image)
{
  g_free (image->pixels);
  g_free (image);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Image, image_free)

static Image *
image_from_texture (GdkTexture *texture)
{
  Image *image = g_new0 (Image, 1);

  image->width = gdk_texture_get_width (texture);
  image->height = gdk_texture_get_height (texture);
  image->pixels = g_new (guint32, (gsize) image->width * image->height);
  /* Cairo's ARGB32 in native order; everything drawn here is opaque */
  gdk_texture_download (texture, (guchar *) image->pixels, image->width * 4);
  for (gsize i = 0; i < (gsize) image->width * image->height; i++)
    image->pixels[i] &= 0xffffff;

  return image;
}

/* What the window last drew of the view. */
static Image *
view_image (Fixture *f)
{
  g_autoptr(GdkTexture) texture = bk_test_render_widget (GTK_WIDGET (f->view));

  g_assert_nonnull (texture);
  return image_from_texture (texture);
}

/* The chart as it draws itself at the view's size. */
static Image *
reference_image (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  png = bk_chart_export_bytes (f->chart, BK_CHART_FORMAT_PNG,
                               gtk_widget_get_width (GTK_WIDGET (f->view)),
                               gtk_widget_get_height (GTK_WIDGET (f->view)),
                               1, &error);
  g_assert_no_error (error);
  texture = gdk_texture_new_from_bytes (png, &error);
  g_assert_no_error (error);

  return image_from_texture (texture);
}

static gboolean
near (guint32 a,
      guint32 b)
{
  for (int shift = 0; shift <= 16; shift += 8)
    if (ABS ((int) ((a >> shift) & 0xff) - (int) ((b >> shift) & 0xff)) > CHANNEL_TOLERANCE)
      return FALSE;
  return TRUE;
}

/* The share of pixels (0..1) that differ, leaving out a 4 px frame where a
 * focus ring could be drawn. */
static double
difference (const Image *a,
            const Image *b)
{
  guint n = 0, n_different = 0;

  g_assert_cmpint (a->width, ==, b->width);
  g_assert_cmpint (a->height, ==, b->height);

  for (int y = 4; y < a->height - 4; y++)
    for (int x = 4; x < a->width - 4; x++)
      {
        n++;
        if (!near (a->pixels[y * a->width + x], b->pixels[y * b->width + x]))
          n_different++;
      }

  return (double) n_different / n;
}

static guint32
rgb_of (const BkChartColor *c)
{
  return ((guint32) (c->red * 255 + 0.5) << 16) |
         ((guint32) (c->green * 255 + 0.5) << 8) |
         (guint32) (c->blue * 255 + 0.5);
}

static guint
count_color (const Image *image,
             guint32      color)
{
  guint n = 0;

  for (gsize i = 0; i < (gsize) image->width * image->height; i++)
    if (near (image->pixels[i], color) &&
        ABS ((int) (image->pixels[i] & 0xff) - (int) (color & 0xff)) <= 8)
      n++;
  return n;
}

/* Where things are */

/* The middle of the region of the view where @test holds. */
static gboolean
find_point (Fixture  *f,
            gboolean (*test) (Fixture *f, double x, double y, gpointer data),
            gpointer  data,
            double   *x,
            double   *y)
{
  int width = gtk_widget_get_width (GTK_WIDGET (f->view));
  int height = gtk_widget_get_height (GTK_WIDGET (f->view));
  double sx = 0, sy = 0;
  guint n = 0;

  for (int py = 0; py < height; py++)
    for (int px = 0; px < width; px++)
      if (test (f, px + 0.5, py + 0.5, data))
        {
          sx += px + 0.5;
          sy += py + 0.5;
          n++;
        }

  if (n == 0)
    return FALSE;
  *x = sx / n;
  *y = sy / n;
  return test (f, *x, *y, data);
}

static gboolean
is_legend_entry (Fixture  *f,
                 double    x,
                 double    y,
                 gpointer  data)
{
  guint series;

  return bk_chart_hits_lookup_legend (bk_chart_view_get_hits (f->view), x, y, &series) &&
         series == GPOINTER_TO_UINT (data);
}

typedef struct
{
  guint series;
  guint index;
} Point;

static gboolean
is_point (Fixture  *f,
          double    x,
          double    y,
          gpointer  data)
{
  const Point *point = data;
  BkChartHit hit;

  return bk_chart_hits_lookup (bk_chart_view_get_hits (f->view), x, y, &hit) &&
         hit.series == point->series && hit.index == point->index;
}

/* Fixture */

static void
exported_cb (BkChartView *view,
             const char  *path,
             Fixture     *f)
{
  f->n_exported++;
  g_free (f->exported_path);
  f->exported_path = g_strdup (path);
}

static void
count_cb (guint *counter)
{
  (*counter)++;
}

/* Waits until the view has drawn the chart anew and the frame is done. */
static void
wait_for_render (Fixture *f,
                 guint    n_renders)
{
  BK_WAIT_FOR (bk_chart_view_get_n_renders (f->view) > n_renders);
  bk_test_flush ();
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BkWorkbook) workbook = NULL;
  g_autoptr(BkResults) results = NULL;
  GtkWidget *box;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);

  workbook = bk_json_read_sample (&error);
  g_assert_no_error (error);
  results = bk_engine_compute (workbook, 0);
  f->chart = bk_chart_build (BK_CHART_SPEC_CAPEX, workbook, results, -1, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bk_chart_get_n_series (f->chart), >=, 2);

  f->tmpdir = g_dir_make_tmp ("test-chart-view-XXXXXX", &error);
  g_assert_no_error (error);

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), WINDOW_WIDTH, WINDOW_HEIGHT);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  /* Somewhere for the pointer to be that is not the chart */
  f->label = gtk_label_new ("Capex");
  gtk_widget_set_size_request (f->label, -1, 30);
  gtk_box_append (GTK_BOX (box), f->label);
  f->view = bk_chart_view_new ();
  gtk_widget_set_vexpand (GTK_WIDGET (f->view), TRUE);
  bk_chart_view_set_chart (f->view, f->chart);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->view));
  gtk_window_set_child (GTK_WINDOW (f->window), box);

  g_signal_connect (f->view, "exported", G_CALLBACK (exported_cb), f);
  g_signal_connect_swapped (f->view, "copied", G_CALLBACK (count_cb), &f->n_copied);
  g_signal_connect_swapped (f->view, "error", G_CALLBACK (count_cb), &f->n_errors);

  bk_test_watch_keys (GTK_WINDOW (f->window));

  gtk_window_present (GTK_WINDOW (f->window));
  BK_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (f->view)) &&
            bk_chart_view_get_n_renders (f->view) > 0);
  bk_test_flush ();

  /* The pointer stays where the last test left it: off the chart, so that
   * no hover highlight changes the picture */
  if (bk_test_have_xdotool ())
    {
      bk_test_move_pointer (f->label, 5, 5);
      bk_test_flush ();
    }
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gpointer view = f->view;
  gpointer chart = f->chart;

  g_object_add_weak_pointer (G_OBJECT (view), &view);
  g_object_add_weak_pointer (G_OBJECT (chart), &chart);

  /* The view lets go of the window's chart when it goes */
  gtk_window_destroy (GTK_WINDOW (f->window));
  BK_WAIT_FOR (view == NULL);
  g_object_unref (f->chart);
  g_assert_null (chart);

  g_rmdir (f->tmpdir);
  g_free (f->tmpdir);
  g_free (f->exported_path);
}

static char *
tmp_path (Fixture    *f,
          const char *name)
{
  return g_build_filename (f->tmpdir, name, NULL);
}

/* Tests */

static void
test_draws_chart (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(Image) shown = view_image (f);
  g_autoptr(Image) expected = reference_image (f);
  BkChartColor background, first;

  g_assert_cmpint (shown->width, >=, 320);
  g_assert_cmpint (shown->height, >=, 240);
  g_assert_cmpfloat (difference (shown, expected), <, 0.01);

  /* Not just any picture: the light background and the first company's
   * bars are there */
  bk_chart_theme_background (BK_CHART_THEME_LIGHT, &background);
  bk_chart_palette_color (BK_CHART_THEME_LIGHT, 0, &first);
  g_assert_cmpuint (count_color (shown, rgb_of (&background)), >, shown->width * shown->height / 3);
  g_assert_cmpuint (count_color (shown, rgb_of (&first)), >, 100);
  g_assert_cmpint (bk_chart_get_theme (f->chart), ==, BK_CHART_THEME_LIGHT);

  /* Accessible as an image named by the chart's title */
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (f->view)), ==,
                   GTK_ACCESSIBLE_ROLE_IMG);
  gtk_test_accessible_assert_property (f->view, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       bk_chart_get_title (f->chart));
  bk_chart_set_title (f->chart, "Hyperscaler capex");
  gtk_test_accessible_assert_property (f->view, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Hyperscaler capex");
}

static void
test_redraws_on_change (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(Image) before = view_image (f);
  g_autoptr(Image) after = NULL;
  g_autoptr(Image) expected = NULL;
  guint n_categories = bk_chart_get_n_categories (f->chart);
  g_autofree double *values = g_new (double, n_categories);
  guint n_renders = bk_chart_view_get_n_renders (f->view);
  guint n_snapshots = bk_chart_view_get_n_snapshots (f->view);

  /* A frame with nothing changed reuses the drawing */
  gtk_widget_queue_draw (GTK_WIDGET (f->view));
  BK_WAIT_FOR (bk_chart_view_get_n_snapshots (f->view) > n_snapshots);
  g_assert_cmpuint (bk_chart_view_get_n_renders (f->view), ==, n_renders);

  /* The first company's capex becomes ten times the largest value */
  for (guint i = 0; i < n_categories; i++)
    values[i] = 2000 + 100 * i;
  bk_chart_set_series_values (f->chart, 0, values, n_categories);
  wait_for_render (f, n_renders);

  after = view_image (f);
  expected = reference_image (f);
  g_assert_cmpfloat (difference (after, before), >, 0.02);
  g_assert_cmpfloat (difference (after, expected), <, 0.01);

  /* A new size is drawn anew, at that size */
  {
    int height = gtk_widget_get_height (GTK_WIDGET (f->view));
    g_autoptr(Image) smaller = NULL;
    g_autoptr(Image) smaller_expected = NULL;

    n_renders = bk_chart_view_get_n_renders (f->view);
    gtk_widget_set_size_request (f->label, -1, 90);
    BK_WAIT_FOR (gtk_widget_get_height (GTK_WIDGET (f->view)) == height - 60);
    wait_for_render (f, n_renders);
    smaller = view_image (f);
    smaller_expected = reference_image (f);
    g_assert_cmpint (smaller->height, ==, height - 60);
    g_assert_cmpfloat (difference (smaller, smaller_expected), <, 0.01);
  }
}

static void
test_dark_style (Fixture       *f,
                 gconstpointer  data)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  BkChartColor dark, light;
  guint n_renders = bk_chart_view_get_n_renders (f->view);

  bk_chart_theme_background (BK_CHART_THEME_DARK, &dark);
  bk_chart_theme_background (BK_CHART_THEME_LIGHT, &light);

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (manager));
  g_assert_cmpint (bk_chart_get_theme (f->chart), ==, BK_CHART_THEME_DARK);
  wait_for_render (f, n_renders);
  {
    g_autoptr(Image) shown = view_image (f);
    g_autoptr(Image) expected = reference_image (f);

    g_assert_cmpuint (count_color (shown, rgb_of (&dark)), >, shown->width * shown->height / 3);
    /* (the dark theme's text is near white) */
    g_assert_cmpuint (count_color (shown, rgb_of (&light)), <, shown->width * shown->height / 100);
    g_assert_cmpfloat (difference (shown, expected), <, 0.01);
  }

  n_renders = bk_chart_view_get_n_renders (f->view);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_cmpint (bk_chart_get_theme (f->chart), ==, BK_CHART_THEME_LIGHT);
  wait_for_render (f, n_renders);
  {
    g_autoptr(Image) shown = view_image (f);

    g_assert_cmpuint (count_color (shown, rgb_of (&light)), >, shown->width * shown->height / 3);
  }

  /* A chart given to the view takes the current style */
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  {
    g_autoptr(BkChart) other = bk_chart_new (BK_CHART_KIND_LINE);

    g_assert_cmpint (bk_chart_get_theme (other), ==, BK_CHART_THEME_LIGHT);
    bk_chart_view_set_chart (f->view, other);
    g_assert_cmpint (bk_chart_get_theme (other), ==, BK_CHART_THEME_DARK);
    bk_chart_view_set_chart (f->view, f->chart);
  }
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
}

static void
test_legend_click (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(Image) before = NULL;
  g_autoptr(Image) hidden = NULL;
  BkChartColor first;
  guint n_renders;
  double x = 0.0, y = 0.0;  /* set by find_point () when it returns TRUE */

  BK_TEST_REQUIRE_XDOTOOL ();

  /* The first series' colour (a company's colour comes from its id) */
  bk_chart_get_series_color (f->chart, 0, &first);
  before = view_image (f);
  g_assert_true (find_point (f, is_legend_entry, GUINT_TO_POINTER (0), &x, &y));
  g_assert_false (bk_chart_get_series_hidden (f->chart, 0));

  n_renders = bk_chart_view_get_n_renders (f->view);
  bk_test_click (GTK_WIDGET (f->view), x, y, 1);
  g_assert_true (bk_chart_get_series_hidden (f->chart, 0));
  g_assert_false (bk_chart_get_series_hidden (f->chart, 1));
  wait_for_render (f, n_renders);

  /* The first company's bars are gone; its legend swatch is hollow */
  hidden = view_image (f);
  g_assert_cmpuint (count_color (hidden, rgb_of (&first)), <, count_color (before, rgb_of (&first)) / 4);
  {
    g_autofree char *tip = bk_chart_view_dup_tooltip_text (f->view, x, y);

    g_assert_cmpstr (tip, ==, "Click to show this series");
  }

  /* And back */
  n_renders = bk_chart_view_get_n_renders (f->view);
  bk_test_click (GTK_WIDGET (f->view), x, y, 1);
  g_assert_false (bk_chart_get_series_hidden (f->chart, 0));
  wait_for_render (f, n_renders);
  {
    g_autoptr(Image) shown = view_image (f);

    g_assert_cmpfloat (difference (shown, before), <, 0.01);
  }

  /* A click elsewhere hides nothing */
  bk_test_click (GTK_WIDGET (f->view), 5, 5, 1);
  for (guint i = 0; i < bk_chart_get_n_series (f->chart); i++)
    g_assert_false (bk_chart_get_series_hidden (f->chart, i));
}

static void
test_hover (Fixture       *f,
            gconstpointer  data)
{
  guint n_categories = bk_chart_get_n_categories (f->chart);
  g_autofree double *values = g_new (double, n_categories);
  g_autofree char *tip = NULL;
  g_autofree char *exact = NULL;
  g_autoptr(Image) before = NULL;
  Point point = { 1, n_categories - 1 };
  guint n_renders;
  double x = 0.0, y = 0.0;  /* set by find_point () when it returns TRUE */

  BK_TEST_REQUIRE_XDOTOOL ();

  /* A value to recognise in the tooltip */
  for (guint i = 0; i < n_categories; i++)
    values[i] = 100 + i + 0.25;
  n_renders = bk_chart_view_get_n_renders (f->view);
  bk_chart_set_series_values (f->chart, 1, values, n_categories);
  wait_for_render (f, n_renders);

  g_assert_true (find_point (f, is_point, &point, &x, &y));
  tip = bk_chart_view_dup_tooltip_text (f->view, x, y);
  exact = bk_chart_format_exact (bk_chart_get_unit (f->chart), values[n_categories - 1]);
  g_assert_nonnull (tip);
  g_assert_nonnull (strstr (tip, bk_chart_get_series_name (f->chart, 1)));
  g_assert_nonnull (strstr (tip, exact));
  {
    g_autofree char *digits = g_strdup_printf ("%.2f", values[n_categories - 1]);

    g_assert_nonnull (strstr (exact, digits));
  }

  /* Nothing under the pointer, no tooltip */
  g_assert_null (bk_chart_view_dup_tooltip_text (f->view, 1, 1));

  /* The pointer on the bar highlights its company (the others are drawn
   * dimmed), and leaving ends it */
  before = view_image (f);
  n_renders = bk_chart_view_get_n_renders (f->view);
  bk_test_move_pointer (GTK_WIDGET (f->view), x, y);
  BK_WAIT_FOR (bk_chart_get_series_highlighted (f->chart, 1));
  g_assert_false (bk_chart_get_series_highlighted (f->chart, 0));
  wait_for_render (f, n_renders);
  {
    g_autoptr(Image) shown = view_image (f);
    g_autoptr(Image) expected = reference_image (f);

    g_assert_cmpfloat (difference (shown, before), >, 0.005);
    g_assert_cmpfloat (difference (shown, expected), <, 0.01);
  }

  n_renders = bk_chart_view_get_n_renders (f->view);
  bk_test_move_pointer (f->label, 5, 5);
  BK_WAIT_FOR (!bk_chart_get_series_highlighted (f->chart, 1));
  wait_for_render (f, n_renders);
  {
    g_autoptr(Image) shown = view_image (f);

    g_assert_cmpfloat (difference (shown, before), <, 0.01);
  }
}

/* The chart's highlighted series, -1 for none; fails if there are more */
static int
highlighted_series (BkChart *chart)
{
  int found = -1;

  for (guint i = 0; i < bk_chart_get_n_series (chart); i++)
    if (bk_chart_get_series_highlighted (chart, i))
      {
        g_assert_cmpint (found, ==, -1);
        found = (int) i;
      }
  return found;
}

/* Somewhere on the view where a shape of @series is, trying its values
 * from the last */
static gboolean
find_series (Fixture *f,
             BkChart *chart,
             guint    series,
             double  *x,
             double  *y)
{
  guint n = MAX (bk_chart_get_n_categories (chart), 1);

  for (guint i = n; i-- > 0;)
    {
      Point point = { series, bk_chart_get_kind (chart) == BK_CHART_KIND_DONUT ? 0 : i };

      if (find_point (f, is_point, &point, x, y))
        return TRUE;
    }
  return FALSE;
}

static BkChart *
show_chart (Fixture     *f,
            BkChartSpec  spec,
            BkWorkbook  *workbook,
            BkResults   *results,
            int          company)
{
  g_autoptr(GError) error = NULL;
  BkChart *chart = bk_chart_build (spec, workbook, results, company, -1, &error);
  guint n_renders = bk_chart_view_get_n_renders (f->view);

  g_assert_no_error (error);
  bk_chart_view_set_chart (f->view, chart);
  wait_for_render (f, n_renders);
  return chart;
}

/* Every kind that lights the series under the pointer puts it out when the
 * pointer leaves the chart */
static void
test_hover_leave (Fixture       *f,
                  gconstpointer  data)
{
  const BkChartSpec specs[] = {
    BK_CHART_SPEC_SHARE,          /* donut */
    BK_CHART_SPEC_CAPEX,          /* bars */
    BK_CHART_SPEC_BACKLOG,        /* stacked area */
    BK_CHART_SPEC_TOKENS,         /* lines */
    BK_CHART_SPEC_ROI,            /* a bar per company */
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(BkWorkbook) workbook = NULL;
  g_autoptr(BkResults) results = NULL;

  BK_TEST_REQUIRE_XDOTOOL ();

  workbook = bk_json_read_sample (&error);
  g_assert_no_error (error);
  results = bk_engine_compute (workbook, 0);

  for (guint k = 0; k < G_N_ELEMENTS (specs); k++)
    {
      g_autoptr(BkChart) chart = show_chart (f, specs[k], workbook, results, -1);
      guint series = bk_chart_get_n_series (chart) - 1;
      double x = 0, y = 0;

      g_test_message ("chart %s", bk_chart_get_title (chart));
      g_assert_true (find_series (f, chart, series, &x, &y));
      bk_test_move_pointer (GTK_WIDGET (f->view), x, y);
      BK_WAIT_FOR (highlighted_series (chart) == (int) series);

      bk_test_move_pointer (f->label, 5, 5);
      BK_WAIT_FOR (highlighted_series (chart) == -1);
      bk_chart_view_set_chart (f->view, f->chart);
    }
}

/* The donut follows the sheet's cursor: moved with the keyboard from one
 * market to another while the pointer rests on the "Others" slice, the
 * chart's series are made anew and "Others" keeps its highlight.  The
 * pointer leaving must still put it out. */
static void
test_hover_leave_after_update (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BkWorkbook) workbook = NULL;
  g_autoptr(BkResults) results = NULL;
  g_autoptr(BkChart) chart = NULL;
  int other_market = -1;
  guint others, n_renders;
  double x = 0, y = 0;

  BK_TEST_REQUIRE_XDOTOOL ();

  workbook = bk_json_read_sample (&error);
  g_assert_no_error (error);
  results = bk_engine_compute (workbook, 0);
  for (guint c = 0; c < bk_workbook_get_n_companies (workbook) && other_market < 0; c++)
    if (bk_workbook_get_company_market (workbook, c) != bk_workbook_get_company_market (workbook, 0))
      other_market = (int) c;
  g_assert_cmpint (other_market, >, 0);

  chart = show_chart (f, BK_CHART_SPEC_SHARE, workbook, results, 0);
  others = bk_chart_get_n_series (chart) - 1;
  g_assert_cmpstr (bk_chart_get_series_name (chart, others), ==, "Others");
  g_assert_true (find_series (f, chart, others, &x, &y));
  bk_test_move_pointer (GTK_WIDGET (f->view), x, y);
  BK_WAIT_FOR (highlighted_series (chart) == (int) others);

  /* The other market: other companies, and "Others" again */
  n_renders = bk_chart_view_get_n_renders (f->view);
  g_assert_true (bk_chart_update (chart, BK_CHART_SPEC_SHARE, workbook, results,
                                  other_market, -1, &error));
  g_assert_no_error (error);
  wait_for_render (f, n_renders);
  /* What is lit is what the pointer is on, if anything */
  {
    BkChartHit hit;
    int under = bk_chart_hits_lookup (bk_chart_view_get_hits (f->view), x, y, &hit)
                ? (int) hit.series : -1;

    BK_WAIT_FOR (highlighted_series (chart) == under);
  }

  bk_test_move_pointer (f->label, 5, 5);
  BK_WAIT_FOR (highlighted_series (chart) == -1);
  bk_chart_view_set_chart (f->view, f->chart);
}

typedef struct
{
  GBytes     *bytes;
  GdkTexture *texture;
} ClipboardRead;

static void
splice_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  ClipboardRead *read = user_data;
  g_autoptr(GError) error = NULL;

  g_output_stream_splice_finish (G_OUTPUT_STREAM (source), result, &error);
  g_assert_no_error (error);
  read->bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (source));
}

/* The clipboard writes from the main loop: read without blocking it */
static void
read_png_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  const char *mime_type = NULL;

  stream = gdk_clipboard_read_finish (GDK_CLIPBOARD (source), result, &mime_type, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mime_type, ==, "image/png");
  g_output_stream_splice_async (out, stream,
                                G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE |
                                G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                G_PRIORITY_DEFAULT, NULL, splice_done_cb, user_data);
}

static void
read_texture_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  ClipboardRead *read = user_data;
  g_autoptr(GError) error = NULL;

  read->texture = gdk_clipboard_read_texture_finish (GDK_CLIPBOARD (source), result, &error);
  g_assert_no_error (error);
}

static void
test_copy (Fixture       *f,
           gconstpointer  data)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (f->view));
  const char *png_types[] = { "image/png", NULL };
  ClipboardRead read = { NULL, NULL };
  GdkContentFormats *formats;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  int width = gtk_widget_get_width (GTK_WIDGET (f->view));
  int height = gtk_widget_get_height (GTK_WIDGET (f->view));

  gdk_clipboard_set_text (clipboard, "not a chart");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "chart.copy", NULL));
  g_assert_cmpuint (f->n_copied, ==, 1);
  g_assert_cmpuint (f->n_errors, ==, 0);

  formats = gdk_clipboard_get_formats (clipboard);
  g_assert_true (gdk_content_formats_contain_mime_type (formats, "image/png"));
  g_assert_true (gdk_content_formats_contain_mime_type (formats, "image/svg+xml"));
  g_assert_true (gdk_content_formats_contain_gtype (formats, GDK_TYPE_TEXTURE));

  /* The PNG: twice the on-screen size, showing the chart */
  gdk_clipboard_read_async (clipboard, png_types, G_PRIORITY_DEFAULT, NULL, read_png_cb, &read);
  BK_WAIT_FOR (read.bytes != NULL);
  g_assert_cmpuint (g_bytes_get_size (read.bytes), >, 8);
  g_assert_cmpmem (g_bytes_get_data (read.bytes, NULL), 8, "\x89PNG\r\n\x1a\n", 8);
  texture = gdk_texture_new_from_bytes (read.bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 2 * width);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 2 * height);
  {
    g_autoptr(Image) image = image_from_texture (texture);
    BkChartColor first;

    bk_chart_palette_color (BK_CHART_THEME_LIGHT, 0, &first);
    g_assert_cmpuint (count_color (image, rgb_of (&first)), >, 400);
  }
  g_bytes_unref (read.bytes);

  /* And as a texture, for applications that paste images */
  gdk_clipboard_read_texture_async (clipboard, NULL, read_texture_cb, &read);
  BK_WAIT_FOR (read.texture != NULL);
  g_assert_cmpint (gdk_texture_get_width (read.texture), ==, 2 * width);
  g_object_unref (read.texture);
}

static char *
read_file (const char *path,
           gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(BkChartExportDialog) dialog = g_object_ref_sink (bk_chart_export_dialog_new (f->view));
  g_autoptr(GError) error = NULL;
  g_autofree char *png_path = tmp_path (f, "chart.png");
  g_autofree char *dark_path = tmp_path (f, "dark.png");
  g_autofree char *svg_path = tmp_path (f, "chart.svg");
  g_autofree char *pdf_path = tmp_path (f, "chart.pdf");
  g_autofree char *name = NULL;
  guint n_renders = bk_chart_view_get_n_renders (f->view);
  BkChartColor dark, light;
  int width, height;

  bk_chart_theme_background (BK_CHART_THEME_DARK, &dark);
  bk_chart_theme_background (BK_CHART_THEME_LIGHT, &light);

  /* Defaults: a light PNG, 1200 × 700, named after the chart */
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (f->window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_cmpint (bk_chart_export_dialog_get_format (dialog), ==, BK_CHART_FORMAT_PNG);
  bk_chart_export_dialog_get_size (dialog, &width, &height);
  g_assert_cmpint (width, ==, 1200);
  g_assert_cmpint (height, ==, 700);
  g_assert_cmpint (bk_chart_export_dialog_get_scale (dialog), ==, 1);
  g_assert_cmpint (bk_chart_export_dialog_get_theme (dialog), ==, BK_CHART_THEME_LIGHT);
  bk_chart_set_title (f->chart, "Capex / quarter");
  wait_for_render (f, n_renders);
  name = bk_chart_export_dialog_dup_suggested_name (dialog);
  g_assert_cmpstr (name, ==, "Capex - quarter.png");

  /* The size is limited to what export accepts */
  bk_chart_export_dialog_set_size (dialog, 0, 20000);
  bk_chart_export_dialog_get_size (dialog, &width, &height);
  g_assert_cmpint (width, ==, 1);
  g_assert_cmpint (height, ==, BK_CHART_EXPORT_MAX_SIZE);

  /* PNG: width × scale by height × scale pixels */
  n_renders = bk_chart_view_get_n_renders (f->view);
  bk_chart_export_dialog_set_size (dialog, 300, 200);
  bk_chart_export_dialog_set_scale (dialog, 2);
  g_assert_true (bk_chart_export_dialog_export_to (dialog, png_path, &error));
  g_assert_no_error (error);
  g_assert_null (bk_chart_export_dialog_get_error (dialog));
  g_assert_cmpuint (f->n_exported, ==, 1);
  g_assert_cmpstr (f->exported_path, ==, png_path);
  {
    g_autoptr(GdkTexture) texture = gdk_texture_new_from_filename (png_path, &error);
    g_autoptr(Image) image = NULL;

    g_assert_no_error (error);
    g_assert_cmpint (gdk_texture_get_width (texture), ==, 600);
    g_assert_cmpint (gdk_texture_get_height (texture), ==, 400);
    image = image_from_texture (texture);
    g_assert_cmpuint (count_color (image, rgb_of (&light)), >, 600 * 400 / 3);
  }

  /* Dark on request, while the chart on screen stays light and keeps its
   * drawing */
  bk_chart_export_dialog_set_theme (dialog, BK_CHART_THEME_DARK);
  g_assert_true (bk_chart_export_dialog_export_to (dialog, dark_path, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GdkTexture) texture = gdk_texture_new_from_filename (dark_path, &error);
    g_autoptr(Image) image = NULL;

    g_assert_no_error (error);
    image = image_from_texture (texture);
    g_assert_cmpuint (count_color (image, rgb_of (&dark)), >, 600 * 400 / 3);
    g_assert_cmpuint (count_color (image, rgb_of (&light)), <, 600 * 400 / 20);
  }
  g_assert_cmpint (bk_chart_get_theme (f->chart), ==, BK_CHART_THEME_LIGHT);
  gtk_widget_queue_draw (GTK_WIDGET (f->view));
  {
    guint n_snapshots = bk_chart_view_get_n_snapshots (f->view);

    BK_WAIT_FOR (bk_chart_view_get_n_snapshots (f->view) > n_snapshots);
  }
  g_assert_cmpuint (bk_chart_view_get_n_renders (f->view), ==, n_renders);
  {
    g_autoptr(Image) shown = view_image (f);

    g_assert_cmpuint (count_color (shown, rgb_of (&light)), >, shown->width * shown->height / 3);
  }
  bk_chart_export_dialog_set_theme (dialog, BK_CHART_THEME_LIGHT);

  /* SVG: vectors, and no scale */
  bk_chart_export_dialog_set_format (dialog, BK_CHART_FORMAT_SVG);
  {
    GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (dialog));
    GtkWidget *scale_row = NULL;

    /* Find the scale row the way a person does: by its title */
    while (child != NULL && scale_row == NULL)
      {
        if (ADW_IS_COMBO_ROW (child) &&
            g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), "Scale") == 0)
          scale_row = child;
        else if (gtk_widget_get_first_child (child) != NULL)
          child = gtk_widget_get_first_child (child);
        else
          {
            while (child != NULL && gtk_widget_get_next_sibling (child) == NULL)
              child = child == GTK_WIDGET (dialog) ? NULL : gtk_widget_get_parent (child);
            if (child != NULL && child != GTK_WIDGET (dialog))
              child = gtk_widget_get_next_sibling (child);
            else
              child = NULL;
          }
      }
    g_assert_nonnull (scale_row);
    g_assert_false (gtk_widget_get_sensitive (scale_row));
    bk_chart_export_dialog_set_format (dialog, BK_CHART_FORMAT_PNG);
    g_assert_true (gtk_widget_get_sensitive (scale_row));
    bk_chart_export_dialog_set_format (dialog, BK_CHART_FORMAT_SVG);
  }
  name = (g_free (name), bk_chart_export_dialog_dup_suggested_name (dialog));
  g_assert_cmpstr (name, ==, "Capex - quarter.svg");
  g_assert_true (bk_chart_export_dialog_export_to (dialog, svg_path, &error));
  g_assert_no_error (error);
  {
    g_autofree char *svg = read_file (svg_path, NULL);

    g_assert_nonnull (strstr (svg, "<svg"));
    g_assert_nonnull (strstr (svg, "<path"));
    g_assert_null (strstr (svg, "<image"));
    g_assert_nonnull (strstr (svg, "width=\"300"));
  }

  /* PDF */
  bk_chart_export_dialog_set_format (dialog, BK_CHART_FORMAT_PDF);
  g_assert_true (bk_chart_export_dialog_export_to (dialog, pdf_path, &error));
  g_assert_no_error (error);
  {
    gsize length;
    g_autofree char *pdf = read_file (pdf_path, &length);

    g_assert_cmpuint (length, >, 5);
    g_assert_cmpmem (pdf, 5, "%PDF-", 5);
  }
  g_assert_cmpuint (f->n_exported, ==, 4);

  g_unlink (png_path);
  g_unlink (dark_path);
  g_unlink (svg_path);
  g_unlink (pdf_path);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_export_failure (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(BkChartExportDialog) dialog = g_object_ref_sink (bk_chart_export_dialog_new (f->view));
  g_autoptr(GError) error = NULL;
  g_autofree char *file = tmp_path (f, "not-a-folder");
  g_autofree char *path = g_build_filename (file, "chart.png", NULL);
  g_autoptr(GDir) dir = NULL;
  guint n_files = 0;

  /* A file where the folder should be: no one can write there, root
   * included */
  g_file_set_contents (file, "", 0, &error);
  g_assert_no_error (error);

  g_assert_false (bk_chart_export_dialog_export_to (dialog, path, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (f->n_exported, ==, 0);
  g_assert_nonnull (bk_chart_export_dialog_get_error (dialog));
  g_assert_nonnull (strstr (bk_chart_export_dialog_get_error (dialog), "Could not export the chart"));
  g_assert_nonnull (strstr (bk_chart_export_dialog_get_error (dialog), error->message));

  /* Nothing left behind in the folder either */
  dir = g_dir_open (f->tmpdir, 0, NULL);
  while (g_dir_read_name (dir) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 1);

  /* Changing a setting clears the message */
  bk_chart_export_dialog_set_scale (dialog, 3);
  g_assert_null (bk_chart_export_dialog_get_error (dialog));

  g_unlink (file);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static BkChartExportDialog *
find_export_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* (transfer none) */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (BK_IS_CHART_EXPORT_DIALOG (window))
        return BK_CHART_EXPORT_DIALOG (window);
    }
  return NULL;
}

static void
test_export_action (Fixture       *f,
                    gconstpointer  data)
{
  BkChartExportDialog *dialog;

  BK_TEST_REQUIRE_XDOTOOL ();

  g_assert_null (find_export_dialog ());
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "chart.export", NULL));
  dialog = find_export_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (bk_chart_export_dialog_get_view (dialog) == f->view);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (f->window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  BK_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (dialog)));

  /* Escape closes it */
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  {
    const char *escape[] = { "key", "Escape", NULL };

    bk_test_focus_window (GTK_WINDOW (dialog));
    bk_test_run_xdotool (escape);
  }
  BK_WAIT_FOR (dialog == NULL);

  /* And it goes with the window */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "chart.export", NULL));
  dialog = find_export_dialog ();
  g_assert_nonnull (dialog);
  BK_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (dialog)));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_destroy (GTK_WINDOW (f->window));
  BK_WAIT_FOR (dialog == NULL);

  /* (a window and view for the fixture's teardown to destroy) */
  f->window = gtk_window_new ();
  f->view = bk_chart_view_new ();
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->view));
  g_signal_connect_swapped (f->view, "copied", G_CALLBACK (count_cb), &f->n_copied);

  /* With no chart there is nothing to export or copy */
  gtk_widget_activate_action (GTK_WIDGET (f->view), "chart.export", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "chart.copy", NULL);
  g_assert_null (find_export_dialog ());
  g_assert_cmpuint (f->n_copied, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/chart-view/draws-chart", test_draws_chart);
  ADD ("/chart-view/redraws-on-change", test_redraws_on_change);
  ADD ("/chart-view/dark-style", test_dark_style);
  ADD ("/chart-view/legend-click", test_legend_click);
  ADD ("/chart-view/hover", test_hover);
  ADD ("/chart-view/hover-leave", test_hover_leave);
  ADD ("/chart-view/hover-leave-after-update", test_hover_leave_after_update);
  ADD ("/chart-view/copy", test_copy);
  ADD ("/chart-view/export", test_export);
  ADD ("/chart-view/export-failure", test_export_failure);
  ADD ("/chart-view/export-action", test_export_action);

#undef ADD

  return g_test_run ();
}
