/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window-results.c — the Results page at 1024 × 600, 1440 × 900 and
 * on a large screen: the charts' scroller shows whole charts, never one
 * cut through its text, and the sheets above end after a whole row
 *
 * Real windows under Xvfb. */
#include "config.h"

#include "bk-application.h"
#include "bk-chart-view.h"
#include "bk-results-page.h"
#include "bk-test-app.h"
#include "bk-test-layout.h"
#include "bk-test-ui.h"
#include "bk-window.h"

static BkApplication *app;

/* The window at @width × @height on the Results page, its chart rows
 * settled */
static BkWindow *
open_window (int width,
             int height)
{
  BkWindow *window = bk_test_app_present_window (app, NULL, width, height);

  bk_window_set_page (window, "results");
  /* The scroller's least height follows its rows a frame later */
  for (guint i = 0; i < 4; i++)
    bk_test_wait_frames (GTK_WIDGET (window), 1);
  return window;
}

static void
collect_charts (GtkWidget *widget,
                GPtrArray *charts)
{
  if (BK_IS_CHART_VIEW (widget))
    g_ptr_array_add (charts, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    collect_charts (child, charts);
}

/* Every chart in the scroller's view is in it whole; at least one is */
static void
assert_whole_charts (BkWindow   *window,
                     const char *what)
{
  GtkWidget *page = bk_window_get_page_widget (window, "results");
  g_autoptr(GPtrArray) charts = g_ptr_array_new ();
  GtkWidget *viewport = NULL;
  guint whole = 0;

  collect_charts (page, charts);
  g_assert_cmpuint (charts->len, ==, 4);
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
      /* Below the view (a scroll away), or in it whole */
      if (top >= gtk_widget_get_height (viewport))
        continue;
      if (top < 0 || bottom > gtk_widget_get_height (viewport) + 0.5)
        g_error ("%s: chart %u (%.0f to %.0f) is cut by a view %d tall", what, i, top, bottom,
                 gtk_widget_get_height (viewport));
      whole++;
    }
  g_assert_cmpuint (whole, >, 0);
}

static void
check_size (int width,
            int height)
{
  BkWindow *window = open_window (width, height);
  BkResultsPage *results = BK_RESULTS_PAGE (bk_window_get_page_widget (window, "results"));
  g_autofree char *what = g_strdup_printf ("%d x %d", width, height);

  assert_whole_charts (window, what);
  /* The sample's nine companies and the total */
  bk_test_assert_whole_rows (bk_results_page_get_metrics_sheet (results), 10, what);
  bk_test_app_close_window (window);
}

static void
test_small (void)
{
  check_size (1024, 600);
}

static void
test_medium (void)
{
  check_size (1440, 900);
}

static void
test_large (void)
{
  check_size (1920, 1080);
}

int
main (int   argc,
      char *argv[])
{
  app = bk_test_app_init (&argc, &argv, "test-window-results");

  g_test_add_func ("/window-results/1024x600", test_small);
  g_test_add_func ("/window-results/1440x900", test_medium);
  g_test_add_func ("/window-results/1920x1080", test_large);

  return bk_test_app_run (app);
}
