/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-analysis-page.c — the Analysis page: the scenarios compared, a metric
 * by scenario, the tornado and the breakeven map, kept live
 *
 * The compare table sits above the charts, split by a handle the person
 * can move (and the window remembers); the three charts below share a
 * chart grid, each under the dropdowns that choose what it shows, and an
 * empty box under them takes the simulation panel.
 *
 * Every analysis reruns the engine many times (the tornado twice per
 * driver, the map once per grid point), so the page never recomputes on a
 * signal: the workbook's ::changed, the engine's ::invalidated and
 * ::notify::scenario only mark it dirty.  While the page is on screen one
 * tick callback then recomputes everything once in the next frame, before
 * layout and paint, however many edits came in between; off screen it
 * waits until it is mapped again. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bk-analysis-page.h"
#include "bk-breakeven-map.h"
#include "bk-chart-board.h"
#include "bk-chart-builder-analysis.h"
#include "bk-chart-grid.h"
#include "bk-chart-view.h"
#include "bk-compare.h"
#include "bk-engine-inputs.h"
#include "bk-pane-memory.h"
#include "bk-scroll-snap.h"
#include "bk-sensitivity.h"

typedef enum
{
  ANALYSIS_COMPARE,
  ANALYSIS_TORNADO,
  ANALYSIS_MAP,
  N_ANALYSIS_CHARTS
} AnalysisChart;

static const char *const chart_keys[N_ANALYSIS_CHARTS] = {
  [ANALYSIS_COMPARE] = "compare",
  [ANALYSIS_TORNADO] = "tornado",
  [ANALYSIS_MAP] = "breakeven-map",
};

/* The charts' least heights: where the view has the room, and where it
 * is small (a 1024 × 600 screen), the least at which a chart still draws
 * its text whole (bk_chart_view's own minimum) */
#define CHART_HEIGHT       300
#define SMALL_CHART_HEIGHT 200

typedef enum
{
  DROPDOWN_COMPARE_METRIC,
  DROPDOWN_TORNADO_METRIC,
  DROPDOWN_TORNADO_COMPANY,
  DROPDOWN_MAP_X,
  DROPDOWN_MAP_Y,
  N_DROPDOWNS
} Dropdown;

static const char *const dropdown_names[N_DROPDOWNS] = {
  [DROPDOWN_COMPARE_METRIC] = "compare-metric",
  [DROPDOWN_TORNADO_METRIC] = "tornado-metric",
  [DROPDOWN_TORNADO_COMPANY] = "tornado-company",
  [DROPDOWN_MAP_X] = "map-x",
  [DROPDOWN_MAP_Y] = "map-y",
};

struct _BkAnalysisPage
{
  GtkWidget            parent_instance;

  GtkWidget           *paned;
  BkSheetView         *compare_sheet;
  BkCompareTableModel *compare_model;
  GtkWidget           *simulation_slot;
  BkChartGrid         *chart_grid;
  GtkWidget           *views[N_ANALYSIS_CHARTS];
  int                  chart_height;   /* the views' size request */
  BkChart             *charts[N_ANALYSIS_CHARTS];
  GtkDropDown         *dropdowns[N_DROPDOWNS];
  GtkStringList       *companies;        /* "Total", then each company */

  /* The drivers the map offers, in the dropdowns' order */
  BkAssumption         drivers[BK_N_ASSUMPTIONS];
  guint                n_drivers;

  BkMetric             compare_metric;
  BkMetric             tornado_metric;
  int                  tornado_company;  /* -1: the total */
  BkAssumption         map_x;
  BkAssumption         map_y;

  BkEngine            *engine;
  GSignalGroup        *engine_signals;
  GSignalGroup        *workbook_signals;

  gboolean             dirty;
  guint                tick_id;
  guint                n_updates;
  gboolean             syncing;          /* setting the dropdowns from code */
};

G_DEFINE_FINAL_TYPE (BkAnalysisPage, bk_analysis_page, GTK_TYPE_WIDGET)

/* Dropdowns */

static int
driver_index (BkAnalysisPage *self,
              BkAssumption    driver)
{
  for (guint i = 0; i < self->n_drivers; i++)
    if (self->drivers[i] == driver)
      return (int) i;
  return -1;
}

/* The dropdowns show what the page's fields say */
static void
sync_dropdowns (BkAnalysisPage *self)
{
  guint company = self->tornado_company < 0 ? 0 : (guint) self->tornado_company + 1;

  self->syncing = TRUE;
  gtk_drop_down_set_selected (self->dropdowns[DROPDOWN_COMPARE_METRIC], self->compare_metric);
  gtk_drop_down_set_selected (self->dropdowns[DROPDOWN_TORNADO_METRIC], self->tornado_metric);
  gtk_drop_down_set_selected (self->dropdowns[DROPDOWN_TORNADO_COMPANY], company);
  gtk_drop_down_set_selected (self->dropdowns[DROPDOWN_MAP_X], (guint) driver_index (self, self->map_x));
  gtk_drop_down_set_selected (self->dropdowns[DROPDOWN_MAP_Y], (guint) driver_index (self, self->map_y));
  self->syncing = FALSE;
}

/* "Total" and every company of the workbook, keeping the list (and the
 * choice) when the names are the same */
static void
sync_companies (BkAnalysisPage *self,
                BkWorkbook     *wb)
{
  guint n = bk_workbook_get_n_companies (wb);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  gboolean same = g_list_model_get_n_items (G_LIST_MODEL (self->companies)) == n + 1;

  g_ptr_array_add (names, (gpointer) _("Total"));
  for (guint c = 0; c < n; c++)
    {
      const char *name = bk_workbook_get_company_name (wb, c);

      g_ptr_array_add (names, (gpointer) name);
      if (same && g_strcmp0 (gtk_string_list_get_string (self->companies, c + 1), name) != 0)
        same = FALSE;
    }
  g_ptr_array_add (names, NULL);
  if (same)
    return;

  if (self->tornado_company >= (int) n)
    self->tornado_company = -1;
  self->syncing = TRUE;
  gtk_string_list_splice (self->companies, 0, g_list_model_get_n_items (G_LIST_MODEL (self->companies)),
                          (const char * const *) names->pdata);
  self->syncing = FALSE;
  sync_dropdowns (self);
}

/* Updating */

/* The series of @chart hidden as they were in @old (legend toggles stay) */
static void
keep_hidden_series (BkChart *chart,
                    BkChart *old)
{
  if (old == NULL)
    return;
  for (guint s = 0; s < bk_chart_get_n_series (chart); s++)
    for (guint o = 0; o < bk_chart_get_n_series (old); o++)
      if (g_strcmp0 (bk_chart_get_series_name (chart, s), bk_chart_get_series_name (old, o)) == 0
          && bk_chart_get_series_hidden (old, o))
        bk_chart_set_series_hidden (chart, s, TRUE);
}

static void
show_chart (BkAnalysisPage *self,
            AnalysisChart   which,
            BkChart        *chart)
{
  if (chart != NULL)
    keep_hidden_series (chart, self->charts[which]);
  g_set_object (&self->charts[which], chart);
  bk_chart_view_set_chart (BK_CHART_VIEW (self->views[which]), chart);
}

static void
update_tornado (BkAnalysisPage *self,
                BkWorkbook     *wb,
                BkEngineInputs *inputs,
                guint           scenario)
{
  g_autoptr(GArray) bars = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BkChart) chart = NULL;
  double base = NAN;

  bars = bk_sensitivity_run (inputs, self->tornado_metric, self->tornado_company,
                             BK_SENSITIVITY_DEFAULT_SWING, &base, &error);
  /* A failure is drawn as its reason, never as a blank chart */
  if (bars == NULL)
    chart = bk_chart_build_tornado_failed (wb, scenario, self->tornado_metric, self->tornado_company,
                                           error->message);
  else
    chart = bk_chart_build_tornado (wb, scenario, self->tornado_metric, self->tornado_company, bars, base);
  show_chart (self, ANALYSIS_TORNADO, chart);
}

static void
update_map (BkAnalysisPage *self,
            BkWorkbook     *wb,
            BkEngineInputs *inputs,
            guint           scenario)
{
  g_autoptr(BkBreakevenMap) map = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BkChart) chart = NULL;
  BkBreakevenMapParams params;

  bk_breakeven_map_params_init (&params, self->map_x, self->map_y);
  params.steps = BK_ANALYSIS_MAP_STEPS;
  map = bk_breakeven_map_new (inputs, &params, &error);
  if (map == NULL)
    chart = bk_chart_build_breakeven_map_failed (wb, scenario, &params, error->message);
  else
    chart = bk_chart_build_breakeven_map (wb, scenario, map);
  show_chart (self, ANALYSIS_MAP, chart);
}

static void
cancel_tick (BkAnalysisPage *self)
{
  if (self->tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
  self->tick_id = 0;
}

static void
update (BkAnalysisPage *self)
{
  BkWorkbook *wb;
  guint scenario;
  BkComparison *comparison;
  g_autoptr(BkEngineInputs) inputs = NULL;
  g_autoptr(BkChart) compare = NULL;

  cancel_tick (self);
  self->dirty = FALSE;
  if (self->engine == NULL)
    return;

  self->n_updates++;
  wb = bk_engine_get_workbook (self->engine);
  scenario = bk_engine_get_scenario (self->engine);
  sync_companies (self, wb);

  /* Every scenario, for the table and the bars */
  comparison = bk_comparison_new (wb);
  compare = bk_chart_build_compare (wb, comparison, self->compare_metric);
  show_chart (self, ANALYSIS_COMPARE, compare);
  bk_compare_table_model_set (self->compare_model, wb, comparison);

  /* The current scenario, for the tornado and the map */
  inputs = bk_engine_inputs_new (wb, scenario);
  update_tornado (self, wb, inputs, scenario);
  update_map (self, wb, inputs, scenario);
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  BkAnalysisPage *self = BK_ANALYSIS_PAGE (widget);

  /* The callback goes once we return */
  self->tick_id = 0;
  update (self);
  return G_SOURCE_REMOVE;
}

/* Something changed: recompute in the next frame if the page is on
 * screen, when it comes on screen otherwise */
static void
queue_update (BkAnalysisPage *self)
{
  self->dirty = TRUE;
  if (self->tick_id != 0 || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), tick_cb, NULL, NULL);
}

static void
dropdown_changed_cb (GtkDropDown    *dropdown,
                     GParamSpec     *pspec,
                     BkAnalysisPage *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->syncing || selected == GTK_INVALID_LIST_POSITION)
    return;

  if (dropdown == self->dropdowns[DROPDOWN_COMPARE_METRIC])
    self->compare_metric = (BkMetric) selected;
  else if (dropdown == self->dropdowns[DROPDOWN_TORNADO_METRIC])
    self->tornado_metric = (BkMetric) selected;
  else if (dropdown == self->dropdowns[DROPDOWN_TORNADO_COMPANY])
    self->tornado_company = (int) selected - 1;
  else if (dropdown == self->dropdowns[DROPDOWN_MAP_X] && selected < self->n_drivers)
    bk_analysis_page_set_map_drivers (self, self->drivers[selected], self->map_y);
  else if (dropdown == self->dropdowns[DROPDOWN_MAP_Y] && selected < self->n_drivers)
    bk_analysis_page_set_map_drivers (self, self->map_x, self->drivers[selected]);
  queue_update (self);
}

/* Building */

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 6);
  gtk_list_item_set_child (item, label);
}

static void
bind_label_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (string));
}

/* A dropdown whose button ellipsizes a long choice (the list shows it
 * whole), so that the controls above a chart fit a narrow column */
static GtkDropDown *
new_dropdown (BkAnalysisPage *self,
              Dropdown        which,
              GListModel     *model,
              const char     *label)
{
  GtkExpression *expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  GtkDropDown *dropdown = GTK_DROP_DOWN (gtk_drop_down_new (model, expression));
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) list_factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_label_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label_cb), NULL);
  g_signal_connect (list_factory, "setup", G_CALLBACK (setup_label_cb), NULL);
  g_signal_connect (list_factory, "bind", G_CALLBACK (bind_label_cb), NULL);
  gtk_drop_down_set_factory (dropdown, factory);
  gtk_drop_down_set_list_factory (dropdown, list_factory);
  gtk_widget_set_hexpand (GTK_WIDGET (dropdown), TRUE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (dropdown), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (dropdown_changed_cb), self);
  self->dropdowns[which] = dropdown;
  return dropdown;
}

static GListModel *
metric_list (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint m = 0; m < BK_N_METRICS; m++)
    gtk_string_list_append (list, bk_metric_get_title ((BkMetric) m));
  return G_LIST_MODEL (list);
}

static GListModel *
driver_list (BkAnalysisPage *self)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < self->n_drivers; i++)
    gtk_string_list_append (list, bk_assumption_get_name (self->drivers[i]));
  return G_LIST_MODEL (list);
}

/* A row of "Label [dropdown]" pairs above a chart */
static void
add_control (GtkWidget   *row,
             const char  *mnemonic,
             GtkDropDown *dropdown)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);

  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (dropdown));
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (dropdown));
}

/* One chart under its controls, in its frame with the ⋮ menu */
static GtkWidget *
chart_cell (BkAnalysisPage *self,
            AnalysisChart   which,
            GtkWidget      *controls)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *view = GTK_WIDGET (bk_chart_view_new ());

  gtk_widget_add_css_class (controls, "bk-analysis-controls");
  gtk_box_append (GTK_BOX (box), controls);
  gtk_widget_set_hexpand (view, TRUE);
  gtk_widget_set_vexpand (view, TRUE);
  /* Below its height a chart gives its chrome way to the plot and the
   * tornado shows as many drivers as fit; the grid makes whole rows of
   * charts fill the view */
  gtk_widget_set_size_request (view, -1, self->chart_height);
  self->views[which] = view;
  gtk_box_append (GTK_BOX (box), bk_chart_frame_new (view, chart_keys[which]));
  return box;
}

static GtkWidget *
controls_row (void)
{
  return gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
}

static GtkWidget *
build_charts (BkAnalysisPage *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *grid = bk_chart_grid_new ();
  GtkWidget *row;

  self->chart_grid = BK_CHART_GRID (grid);

  row = controls_row ();
  add_control (row, _("_Metric"),
               new_dropdown (self, DROPDOWN_COMPARE_METRIC, metric_list (), _("Metric by scenario")));
  bk_chart_grid_append (BK_CHART_GRID (grid), chart_cell (self, ANALYSIS_COMPARE, row));

  row = controls_row ();
  add_control (row, _("Me_tric"),
               new_dropdown (self, DROPDOWN_TORNADO_METRIC, metric_list (), _("Metric of the tornado")));
  g_object_ref (self->companies);
  add_control (row, _("_For"),
               new_dropdown (self, DROPDOWN_TORNADO_COMPANY, G_LIST_MODEL (self->companies),
                             _("Company of the tornado, or the total")));
  bk_chart_grid_append (BK_CHART_GRID (grid), chart_cell (self, ANALYSIS_TORNADO, row));

  row = controls_row ();
  add_control (row, _("_Across"),
               new_dropdown (self, DROPDOWN_MAP_X, driver_list (self), _("Driver across the map")));
  add_control (row, _("_Up"),
               new_dropdown (self, DROPDOWN_MAP_Y, driver_list (self), _("Driver up the map")));
  bk_chart_grid_append (BK_CHART_GRID (grid), chart_cell (self, ANALYSIS_MAP, row));

  /* The charts take the room the table leaves; they scroll below their
   * least height */
  gtk_widget_set_vexpand (grid, TRUE);
  gtk_box_append (GTK_BOX (box), grid);
  self->simulation_slot = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_name (self->simulation_slot, "simulation_slot");
  /* Scrolled to the end, the panel's last figures keep clear of the KPI
   * strip instead of ending flush against it */
  gtk_widget_set_margin_bottom (self->simulation_slot, 12);
  gtk_box_append (GTK_BOX (box), self->simulation_slot);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  /* Scrolling comes to rest on a whole row of charts */
  bk_scroll_snap_attach (GTK_SCROLLED_WINDOW (scroller), BK_CHART_GRID (grid));
  return scroller;
}

static GtkWidget *
build_table (BkAnalysisPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *heading = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (_("Scenarios compared"));
  GtkWidget *goal_seek = gtk_button_new_with_mnemonic (_("_Goal Seek…"));
  GtkWidget *scroller = gtk_scrolled_window_new ();

  self->compare_model = bk_compare_table_model_new ();
  self->compare_sheet = BK_SHEET_VIEW (bk_sheet_view_new (BK_TABLE_MODEL (self->compare_model)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->compare_sheet),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Scenarios compared"), -1);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (label, "bk-section-title");
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (heading), label);
  /* The window's dialog, for the scenario on screen */
  gtk_actionable_set_action_name (GTK_ACTIONABLE (goal_seek), "win.goal-seek");
  gtk_widget_set_tooltip_text (goal_seek, _("Find the driver value at which a metric reaches a target (Ctrl+G)"));
  gtk_widget_set_valign (goal_seek, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_end (goal_seek, 6);
  gtk_widget_set_name (goal_seek, "goal_seek_button");
  gtk_box_append (GTK_BOX (heading), goal_seek);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->compare_sheet));
  /* The divider starts where the sheet's rows end */
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_widget_set_size_request (scroller, 200, 80);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (box), scroller);
  return box;
}

/* GtkWidget */

static void
bk_analysis_page_map (GtkWidget *widget)
{
  BkAnalysisPage *self = BK_ANALYSIS_PAGE (widget);

  GTK_WIDGET_CLASS (bk_analysis_page_parent_class)->map (widget);
  /* Coming on screen: whatever changed meanwhile, in the first frame */
  if (self->dirty)
    update (self);
}

static void
bk_analysis_page_unmap (GtkWidget *widget)
{
  BkAnalysisPage *self = BK_ANALYSIS_PAGE (widget);

  /* Still dirty if a tick was pending: the update waits for the next map */
  cancel_tick (self);
  GTK_WIDGET_CLASS (bk_analysis_page_parent_class)->unmap (widget);
}

static gboolean
bk_analysis_page_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (BK_ANALYSIS_PAGE (widget)->compare_sheet));
}

static void
bk_analysis_page_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  gtk_widget_measure (BK_ANALYSIS_PAGE (widget)->paned, orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

/* The table stops after a whole row: its heading (which wraps: at the
 * page's @width) and column headers, then rows of the compare sheet's
 * height */
static void
set_row_steps (BkAnalysisPage *self,
               int             width)
{
  GtkWidget *box = gtk_paned_get_start_child (GTK_PANED (self->paned));

  bk_pane_memory_set_sheet_steps (GTK_PANED (self->paned),
                                  box != NULL ? gtk_widget_get_first_child (box) : NULL,
                                  self->compare_sheet, width);
}

/* The height the paned will give the charts below its divider, when the
 * page is @height tall */
static int
charts_height (BkAnalysisPage *self,
               int             height)
{
  GtkPaned *paned = GTK_PANED (self->paned);
  int handle = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (self->paned); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (child != gtk_paned_get_start_child (paned) && child != gtk_paned_get_end_child (paned))
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, -1, &handle, NULL, NULL, NULL);
  return MAX (height - gtk_paned_get_position (paned) - handle, 0);
}

static void
set_chart_height (BkAnalysisPage *self,
                  int             height)
{
  if (height == self->chart_height)
    return;
  self->chart_height = height;
  for (guint i = 0; i < N_ANALYSIS_CHARTS; i++)
    gtk_widget_set_size_request (self->views[i], -1, height);
}

/* The divider fits the table before the paned is allocated (no layout
 * manager: with one, GTK would allocate through it and never call this) */
static void
bk_analysis_page_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  BkAnalysisPage *self = BK_ANALYSIS_PAGE (widget);

  int chrome = bk_chart_grid_get_row_minimum (self->chart_grid, width) - self->chart_height;
  int charts;

  set_row_steps (self, width);
  /* The table leaves room for a row of charts, if only of small ones */
  bk_pane_memory_set_end_room (GTK_PANED (self->paned), chrome + SMALL_CHART_HEIGHT);
  bk_pane_memory_fit (GTK_PANED (self->paned), height, width);
  charts = charts_height (self, height);
  /* A row of charts fits the view whole where it can: the charts give
   * way down to the least height at which their text is whole */
  set_chart_height (self, CLAMP (charts - chrome, SMALL_CHART_HEIGHT, CHART_HEIGHT));
  /* Scrolled, the charts come in whole rows of the view's height: a
   * chart at the top is never cut through its text.  Told before the
   * paned is allocated, so that the grid is measured with it. */
  bk_chart_grid_set_view_height (self->chart_grid, charts);
  gtk_widget_allocate (self->paned, width, height, baseline, NULL);
}

/* GObject */

static void
bk_analysis_page_dispose (GObject *object)
{
  BkAnalysisPage *self = BK_ANALYSIS_PAGE (object);

  cancel_tick (self);
  if (self->engine_signals != NULL)
    g_signal_group_set_target (self->engine_signals, NULL);
  if (self->workbook_signals != NULL)
    g_signal_group_set_target (self->workbook_signals, NULL);
  g_clear_pointer (&self->paned, gtk_widget_unparent);
  for (guint i = 0; i < N_ANALYSIS_CHARTS; i++)
    {
      g_clear_object (&self->charts[i]);
      self->views[i] = NULL;
    }
  g_clear_object (&self->compare_model);
  g_clear_object (&self->companies);
  g_clear_object (&self->engine);

  G_OBJECT_CLASS (bk_analysis_page_parent_class)->dispose (object);
}

static void
bk_analysis_page_finalize (GObject *object)
{
  BkAnalysisPage *self = BK_ANALYSIS_PAGE (object);

  g_clear_object (&self->engine_signals);
  g_clear_object (&self->workbook_signals);

  G_OBJECT_CLASS (bk_analysis_page_parent_class)->finalize (object);
}

static void
bk_analysis_page_class_init (BkAnalysisPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_analysis_page_dispose;
  object_class->finalize = bk_analysis_page_finalize;
  widget_class->map = bk_analysis_page_map;
  widget_class->unmap = bk_analysis_page_unmap;
  widget_class->grab_focus = bk_analysis_page_grab_focus;
  /* The paned measures the page; allocating, the divider fits first */
  widget_class->measure = bk_analysis_page_measure;
  widget_class->size_allocate = bk_analysis_page_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "analysispage");
}

static void
bk_analysis_page_init (BkAnalysisPage *self)
{
  self->compare_metric = BK_METRIC_NPV;
  self->tornado_metric = BK_METRIC_NPV;
  self->tornado_company = -1;
  self->chart_height = CHART_HEIGHT;
  self->map_x = BK_ASSUMPTION_PRICE_PER_MTOK;
  self->map_y = BK_ASSUMPTION_UTILIZATION;
  for (guint a = 0; a < BK_N_ASSUMPTIONS; a++)
    if (bk_driver_check ((BkAssumption) a, NULL))
      self->drivers[self->n_drivers++] = (BkAssumption) a;
  self->companies = gtk_string_list_new (NULL);
  gtk_string_list_append (self->companies, _("Total"));

  self->engine_signals = g_signal_group_new (BK_TYPE_ENGINE);
  g_signal_group_connect_swapped (self->engine_signals, "invalidated", G_CALLBACK (queue_update), self);
  g_signal_group_connect_swapped (self->engine_signals, "notify::scenario", G_CALLBACK (queue_update), self);
  self->workbook_signals = g_signal_group_new (BK_TYPE_WORKBOOK);
  g_signal_group_connect_swapped (self->workbook_signals, "changed", G_CALLBACK (queue_update), self);

  /* The table above, the charts below */
  self->paned = gtk_paned_new (GTK_ORIENTATION_VERTICAL);
  gtk_paned_set_wide_handle (GTK_PANED (self->paned), TRUE);
  gtk_paned_set_resize_start_child (GTK_PANED (self->paned), FALSE);
  gtk_paned_set_shrink_start_child (GTK_PANED (self->paned), FALSE);
  gtk_paned_set_shrink_end_child (GTK_PANED (self->paned), FALSE);
  gtk_widget_set_parent (self->paned, GTK_WIDGET (self));
  gtk_paned_set_start_child (GTK_PANED (self->paned), build_table (self));
  gtk_paned_set_end_child (GTK_PANED (self->paned), build_charts (self));
  sync_dropdowns (self);
}

/* Public API */

GtkWidget *
bk_analysis_page_new (void)
{
  return g_object_new (BK_TYPE_ANALYSIS_PAGE, NULL);
}

void
bk_analysis_page_set_engine (BkAnalysisPage *self,
                             BkEngine       *engine)
{
  g_return_if_fail (BK_IS_ANALYSIS_PAGE (self));
  g_return_if_fail (engine == NULL || BK_IS_ENGINE (engine));

  if (!g_set_object (&self->engine, engine))
    return;

  g_signal_group_set_target (self->engine_signals, engine);
  g_signal_group_set_target (self->workbook_signals, engine != NULL ? bk_engine_get_workbook (engine) : NULL);
  self->tornado_company = -1;
  for (guint i = 0; i < N_ANALYSIS_CHARTS; i++)
    show_chart (self, i, NULL);
  bk_compare_table_model_set (self->compare_model, NULL, NULL);
  sync_dropdowns (self);
  queue_update (self);
}

BkSheetView *
bk_analysis_page_get_compare_sheet (BkAnalysisPage *self)
{
  g_return_val_if_fail (BK_IS_ANALYSIS_PAGE (self), NULL);

  return self->compare_sheet;
}

BkCompareTableModel *
bk_analysis_page_get_compare_model (BkAnalysisPage *self)
{
  g_return_val_if_fail (BK_IS_ANALYSIS_PAGE (self), NULL);

  return self->compare_model;
}

static int
chart_index (const char *key)
{
  for (guint i = 0; i < N_ANALYSIS_CHARTS; i++)
    if (g_strcmp0 (chart_keys[i], key) == 0)
      return (int) i;
  return -1;
}

BkChart *
bk_analysis_page_get_chart (BkAnalysisPage *self,
                            const char     *key)
{
  int i;

  g_return_val_if_fail (BK_IS_ANALYSIS_PAGE (self), NULL);

  i = chart_index (key);
  return i >= 0 ? self->charts[i] : NULL;
}

GtkWidget *
bk_analysis_page_get_chart_view (BkAnalysisPage *self,
                                 const char     *key)
{
  int i;

  g_return_val_if_fail (BK_IS_ANALYSIS_PAGE (self), NULL);

  i = chart_index (key);
  return i >= 0 ? self->views[i] : NULL;
}

GtkDropDown *
bk_analysis_page_get_dropdown (BkAnalysisPage *self,
                               const char     *name)
{
  g_return_val_if_fail (BK_IS_ANALYSIS_PAGE (self), NULL);

  for (guint i = 0; i < N_DROPDOWNS; i++)
    if (g_strcmp0 (dropdown_names[i], name) == 0)
      return self->dropdowns[i];
  return NULL;
}

BkMetric
bk_analysis_page_get_compare_metric (BkAnalysisPage *self)
{
  g_return_val_if_fail (BK_IS_ANALYSIS_PAGE (self), BK_METRIC_NPV);

  return self->compare_metric;
}

void
bk_analysis_page_set_compare_metric (BkAnalysisPage *self,
                                     BkMetric        metric)
{
  g_return_if_fail (BK_IS_ANALYSIS_PAGE (self));
  g_return_if_fail (metric < BK_N_METRICS);

  self->compare_metric = metric;
  sync_dropdowns (self);
  queue_update (self);
}

void
bk_analysis_page_set_tornado (BkAnalysisPage *self,
                              BkMetric        metric,
                              int             company)
{
  g_return_if_fail (BK_IS_ANALYSIS_PAGE (self));
  g_return_if_fail (metric < BK_N_METRICS);
  g_return_if_fail (company >= -1);

  self->tornado_metric = metric;
  self->tornado_company = company + 1 < (int) g_list_model_get_n_items (G_LIST_MODEL (self->companies))
                          ? company : -1;
  sync_dropdowns (self);
  queue_update (self);
}

void
bk_analysis_page_set_map_drivers (BkAnalysisPage *self,
                                  BkAssumption    x,
                                  BkAssumption    y)
{
  g_return_if_fail (BK_IS_ANALYSIS_PAGE (self));
  g_return_if_fail (driver_index (self, x) >= 0 && driver_index (self, y) >= 0);

  /* One driver on both axes is no map: the other axis takes the old one */
  if (x == y && x == self->map_y)
    y = self->map_x;
  else if (x == y)
    x = self->map_y;
  self->map_x = x;
  self->map_y = y;
  sync_dropdowns (self);
  queue_update (self);
}

GtkWidget *
bk_analysis_page_get_simulation_slot (BkAnalysisPage *self)
{
  g_return_val_if_fail (BK_IS_ANALYSIS_PAGE (self), NULL);

  return self->simulation_slot;
}

guint
bk_analysis_page_get_n_updates (BkAnalysisPage *self)
{
  g_return_val_if_fail (BK_IS_ANALYSIS_PAGE (self), 0);

  return self->n_updates;
}

void
bk_analysis_page_update_now (BkAnalysisPage *self)
{
  g_return_if_fail (BK_IS_ANALYSIS_PAGE (self));

  if (self->dirty)
    update (self);
}

GtkPaned *
bk_analysis_page_get_paned (BkAnalysisPage *self)
{
  g_return_val_if_fail (BK_IS_ANALYSIS_PAGE (self), NULL);

  return GTK_PANED (self->paned);
}
