/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-test-layout.c — asserting that a page of the window shows its text
 * whole */
#include "config.h"

#include "bk-chart-view.h"
#include "bk-scroll-snap.h"
#include "bk-test-layout.h"
#include "bk-test-ui.h"

/* Layout, then a frame painted with it: each frame waited for on its own,
 * as one queued draw makes one frame */
static void
settle (BkWindow *window)
{
  for (guint i = 0; i < 3; i++)
    bk_test_wait_frames (GTK_WIDGET (window), 1);
}

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

/* @sheet's cell (0, @column) in @window's coordinates */
static void
cell_in_window (BkWindow    *window,
                BkSheetView *sheet,
                guint        column,
                graphene_rect_t *out)
{
  GdkRectangle area;
  graphene_point_t origin;

  bk_sheet_view_get_cell_area (sheet, 0, column, &area);
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (sheet), GTK_WIDGET (window),
                                           &GRAPHENE_POINT_INIT (area.x, area.y), &origin));
  graphene_rect_init (out, origin.x, origin.y, area.width, area.height);
}

gboolean
bk_test_sheet_fully_shown (BkWindow    *window,
                           BkSheetView *sheet)
{
  BkTableModel *model = bk_sheet_view_get_model (sheet);
  guint last = bk_table_model_get_n_columns (model) - 1;
  GdkRectangle area;
  graphene_rect_t rect;

  bk_sheet_view_get_cell_area (sheet, 0, last, &area);
  cell_in_window (window, sheet, last, &rect);
  return area.x + area.width <= gtk_widget_get_width (GTK_WIDGET (sheet)) &&
         rect.origin.x + rect.size.width <= gtk_widget_get_width (GTK_WIDGET (window));
}

static void
assert_sheet_fits (BkWindow    *window,
                   const char  *page,
                   BkSheetView *sheet)
{
  BkTableModel *model = bk_sheet_view_get_model (sheet);
  guint n = bk_table_model_get_n_columns (model);
  GdkRectangle area;
  graphene_rect_t rect;

  for (guint c = 0; c < n; c++)
    if (!bk_sheet_view_column_header_fits (sheet, c))
      {
        g_autoptr(GString) header = g_string_new (NULL);

        bk_table_model_get_column_header (model, c, header);
        g_error ("%s: the header “%s” does not fit its column", page, header->str);
      }

  /* The last column scrolls into view, all of it, inside the window */
  bk_sheet_view_set_cursor (sheet, 0, (int) n - 1);
  settle (window);
  g_assert_true (bk_sheet_view_get_cell_area (sheet, 0, n - 1, &area));
  g_assert_cmpint (area.x, >=, 0);
  g_assert_cmpint (area.x + area.width, <=, gtk_widget_get_width (GTK_WIDGET (sheet)));
  cell_in_window (window, sheet, n - 1, &rect);
  g_assert_cmpfloat (rect.origin.x + rect.size.width, <=, gtk_widget_get_width (GTK_WIDGET (window)));
  g_assert_cmpfloat (rect.origin.y + rect.size.height, <=, gtk_widget_get_height (GTK_WIDGET (window)));
}

static void
assert_chart_fits (const char *page,
                   GtkWidget  *view)
{
  BkChartHits *hits = bk_chart_view_get_hits (BK_CHART_VIEW (view));
  GtkWidget *button = NULL;
  graphene_rect_t menu;

  g_assert_nonnull (hits);
  for (GtkWidget *w = gtk_widget_get_first_child (gtk_widget_get_parent (view)); w; w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_MENU_BUTTON (w))
      button = w;
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_compute_bounds (button, view, &menu));

  g_assert_cmpuint (bk_chart_hits_get_n_texts (hits), >=, 2);
  for (guint i = 0; i < bk_chart_hits_get_n_texts (hits); i++)
    {
      cairo_rectangle_t area;
      gboolean cut = TRUE;
      graphene_rect_t text;

      g_assert_true (bk_chart_hits_get_text (hits, i, &area, &cut));
      if (cut)
        g_error ("%s: a heading of the chart “%s” is cut short at %d × %d", page,
                 bk_chart_get_title (bk_chart_view_get_chart (BK_CHART_VIEW (view))),
                 gtk_widget_get_width (view), gtk_widget_get_height (view));
      graphene_rect_init (&text, area.x, area.y, area.width, area.height);
      if (graphene_rect_intersection (&text, &menu, NULL))
        g_error ("%s: the ⋮ button lies over a heading of “%s”", page,
                 bk_chart_get_title (bk_chart_view_get_chart (BK_CHART_VIEW (view))));
    }
}

void
bk_test_assert_page_fits (BkWindow   *window,
                          const char *page)
{
  GtkWidget *widget = bk_window_get_page_widget (window, page);
  g_autoptr(GPtrArray) sheets = g_ptr_array_new ();
  g_autoptr(GPtrArray) views = g_ptr_array_new ();

  bk_window_set_page (window, page);
  settle (window);

  collect (widget, BK_TYPE_SHEET_VIEW, sheets);
  collect (widget, BK_TYPE_CHART_VIEW, views);
  g_assert_cmpuint (sheets->len, >=, 1);
  g_assert_cmpuint (views->len, >=, 1);

  for (guint i = 0; i < views->len; i++)
    {
      GtkWidget *view = g_ptr_array_index (views, i);

      /* A chart scrolled out of view is drawn for the test */
      if (bk_chart_view_get_hits (BK_CHART_VIEW (view)) == NULL)
        {
          g_autoptr(GdkTexture) drawn = bk_test_render_widget (view);

          g_assert_nonnull (drawn);
        }
      assert_chart_fits (page, view);
    }
  for (guint i = 0; i < sheets->len; i++)
    assert_sheet_fits (window, page, g_ptr_array_index (sheets, i));
}

void
bk_test_assert_whole_rows (BkSheetView *sheet,
                           guint        n_rows,
                           const char  *what)
{
  GdkRectangle first, last = { 0 };
  int height = gtk_widget_get_height (GTK_WIDGET (sheet));
  int rows_room;

  g_assert_true (bk_sheet_view_get_cell_area (sheet, 0, 0, &first));
  bk_sheet_view_get_cell_area (sheet, n_rows - 1, 0, &last);
  g_test_message ("%s: sheet %d tall, rows of %d from %d", what, height, first.height, first.y);
  if (last.y + last.height <= height)
    return;
  rows_room = height - first.y;
  g_assert_cmpint (rows_room, >=, first.height);
  if (rows_room % first.height != 0)
    g_error ("%s: the sheet ends %d px into a row", what, rows_room % first.height);
}

static void
collect_charts_in (GtkWidget *widget,
                GPtrArray *charts)
{
  if (BK_IS_CHART_VIEW (widget))
    g_ptr_array_add (charts, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    collect_charts_in (child, charts);
}

void
bk_test_assert_whole_charts (BkWindow   *window,
                             const char *page_name,
                             guint       n_charts,
                             const char *what)
{
  GtkWidget *page = bk_window_get_page_widget (window, page_name);
  g_autoptr(GPtrArray) charts = g_ptr_array_new ();
  GtkWidget *viewport = NULL;
  guint whole = 0;

  collect_charts_in (page, charts);
  if (n_charts > 0)
    g_assert_cmpuint (charts->len, ==, n_charts);
  g_assert_cmpuint (charts->len, >, 0);
  viewport = gtk_widget_get_ancestor (g_ptr_array_index (charts, 0), GTK_TYPE_VIEWPORT);
  g_assert_nonnull (viewport);

  for (guint i = 0; i < charts->len; i++)
    {
      GtkWidget *chart = g_ptr_array_index (charts, i);
      graphene_rect_t bounds;
      double top, bottom;

      g_assert_true (gtk_widget_compute_bounds (chart, viewport, &bounds));
      top = bounds.origin.y;
      bottom = top + bounds.size.height;
      g_test_message ("%s: chart %u from %.0f to %.0f in a view %d tall", what, i, top, bottom,
                      gtk_widget_get_height (viewport));
      /* Above or below the view (a scroll away), or in it whole */
      if (top >= gtk_widget_get_height (viewport) || bottom <= 0)
        continue;
      if (top < 0 || bottom > gtk_widget_get_height (viewport) + 0.5)
        g_error ("%s: chart %u (%.0f to %.0f) is cut by a view %d tall", what, i, top, bottom,
                 gtk_widget_get_height (viewport));
      whole++;
    }
  g_assert_cmpuint (whole, >, 0);
}

GtkScrolledWindow *
bk_test_chart_scroller (BkWindow     *window,
                        const char   *page_name,
                        BkChartGrid **grid)
{
  g_autoptr(GPtrArray) charts = g_ptr_array_new ();
  GtkWidget *found;

  collect_charts_in (bk_window_get_page_widget (window, page_name), charts);
  g_assert_cmpuint (charts->len, >, 0);
  found = gtk_widget_get_ancestor (g_ptr_array_index (charts, 0), BK_TYPE_CHART_GRID);
  g_assert_nonnull (found);
  *grid = BK_CHART_GRID (found);
  found = gtk_widget_get_ancestor (found, GTK_TYPE_SCROLLED_WINDOW);
  g_assert_nonnull (found);
  return GTK_SCROLLED_WINDOW (found);
}

double
bk_test_scroll_and_rest (BkWindow          *window,
                         GtkScrolledWindow *scroller,
                         double             value)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  guint frames = 0;

  gtk_adjustment_set_value (adjustment, value);
  g_assert_true (bk_scroll_snap_is_pending (scroller));
  while (bk_scroll_snap_is_pending (scroller))
    {
      g_assert_cmpuint (++frames, <, 600);
      bk_test_wait_frames (GTK_WIDGET (window), 1);
    }
  return gtk_adjustment_get_value (adjustment);
}
