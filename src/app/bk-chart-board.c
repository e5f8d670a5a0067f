/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-chart-board.c — the live charts beside one page of the window
 *
 * A board owns its charts (BkChart descriptions and the BkChartView that
 * shows each one, with its export and copy menu) and keeps them current:
 * the workbook's ::changed, the engine's ::invalidated, the sheet's
 * selection and the chosen company only mark the board dirty, and one
 * update in the window's next frame, before layout and paint, pulls the
 * fresh results (bk_engine_get_results() recomputes once) into every chart.
 * A chart that no longer fits (a company or a period gone) is built anew. */
#include "config.h"

#include <glib/gi18n.h>

#include "bk-a11y.h"
#include "bk-chart-board.h"
#include "bk-chart-builder.h"
#include "bk-chart-grid.h"
#include "bk-chart-view.h"
#include "bk-scroll-snap.h"

typedef enum
{
  CHART_CAPEX,
  CHART_BACKLOG,
  CHART_TOKENS,
  CHART_SHARE,
  CHART_NPV,             /* beside the assumptions */
  CHART_CUMULATIVE_FCF,
  CHART_REVENUE,
  CHART_ROI,             /* or NPV, as the switch above it says */
  CHART_WATERFALL,
  N_CHARTS
} ChartSlot;

static const struct
{
  const char  *page;
  const char  *key;
  BkChartSpec  spec;
  int          table;  /* whose selection highlights series, or -1 */
} chart_slots[N_CHARTS] = {
  [CHART_CAPEX] = { "capex", "capex", BK_CHART_SPEC_CAPEX, BK_TABLE_CAPEX },
  [CHART_BACKLOG] = { "backlog", "backlog", BK_CHART_SPEC_BACKLOG, BK_TABLE_BACKLOG },
  [CHART_TOKENS] = { "tokens", "tokens", BK_CHART_SPEC_TOKENS, BK_TABLE_TOKENS },
  [CHART_SHARE] = { "share", "share", BK_CHART_SPEC_SHARE, -1 },
  [CHART_NPV] = { "assumptions", "npv", BK_CHART_SPEC_NPV, -1 },
  [CHART_CUMULATIVE_FCF] = { "results", "cumulative-fcf", BK_CHART_SPEC_CUMULATIVE_FCF, -1 },
  [CHART_REVENUE] = { "results", "revenue", BK_CHART_SPEC_REVENUE, -1 },
  [CHART_ROI] = { "results", "roi", BK_CHART_SPEC_ROI, -1 },
  [CHART_WATERFALL] = { "results", "waterfall", BK_CHART_SPEC_WATERFALL, -1 },
};

#define MAX_BOARD_CHARTS 4

/* The ⋮ button's margin, and the corner of the chart kept free for it:
 * a circular button is 34 px */
#define MENU_MARGIN 4
#define MENU_CORNER (34 + 2 * MENU_MARGIN)

typedef struct
{
  ChartSlot  slot;
  BkChart   *chart;
  GtkWidget *view;
  GtkWidget *menu_button;
  char      *menu_label;  /* its accessible name, for the chart's title */
} LiveChart;

struct _BkChartBoard
{
  GtkWidget     parent_instance;

  char         *page;
  LiveChart     charts[MAX_BOARD_CHARTS];
  guint         n_charts;
  GtkWidget    *child;
  BkChartGrid  *grid;         /* Results: the scrolled charts, or NULL */

  BkEngine     *engine;
  GSignalGroup *engine_signals;
  GSignalGroup *workbook_signals;
  GSignalGroup *sheet_signals;
  BkSheetView  *sheet;
  int           company;
  gboolean      show_npv;

  GtkWidget    *tick_widget;  /* weak: the window whose frame clock updates us */
  guint         tick_id;
};

G_DEFINE_FINAL_TYPE (BkChartBoard, bk_chart_board, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PAGE,
  PROP_ENGINE,
  PROP_SHEET,
  PROP_COMPANY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  EXPORTED,
  COPIED,
  ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static LiveChart *
find_chart (BkChartBoard *self,
            const char   *key)
{
  if (key == NULL)
    return self->n_charts > 0 ? &self->charts[0] : NULL;
  for (guint i = 0; i < self->n_charts; i++)
    if (g_str_equal (chart_slots[self->charts[i].slot].key, key))
      return &self->charts[i];
  return NULL;
}

/* Updating */

/* Which company and period a chart shows (-1: its default) */
static void
chart_args (BkChartBoard *self,
            ChartSlot     slot,
            int          *company,
            int          *period)
{
  *company = -1;
  *period = -1;
  switch (slot)
    {
    case CHART_SHARE:
      /* The market of the company under the cursor, in the cursor's period */
      if (self->sheet != NULL)
        {
          *company = bk_sheet_view_get_cursor_row (self->sheet);
          *period = bk_sheet_view_get_cursor_column (self->sheet);
        }
      break;
    case CHART_REVENUE:
    case CHART_WATERFALL:
      *company = self->company;
      break;
    case CHART_CAPEX:
    case CHART_BACKLOG:
    case CHART_TOKENS:
    case CHART_NPV:
    case CHART_CUMULATIVE_FCF:
    case CHART_ROI:
    case N_CHARTS:
    default:
      break;
    }
}

/* A chosen block of rows in the sheet highlights their series */
static void
highlight_selection (BkChartBoard *self,
                     LiveChart    *live)
{
  int table = chart_slots[live->slot].table;
  BkWorkbook *wb = bk_engine_get_workbook (self->engine);
  guint row = 0, column, n_rows = 0, n_columns = 0;
  gboolean any;

  if (table < 0 || live->chart == NULL || self->sheet == NULL)
    return;

  any = bk_sheet_view_get_selection (self->sheet, &row, &column, &n_rows, &n_columns);
  /* The cursor alone highlights nothing, nor does a selection of every row:
   * only a chosen block of cells or rows does */
  if (any && ((n_rows == 1 && n_columns == 1) || n_rows == bk_workbook_get_n_rows (wb, table)))
    any = FALSE;
  for (guint s = 0; s < bk_chart_get_n_series (live->chart); s++)
    {
      const char *name = bk_chart_get_series_name (live->chart, s);
      gboolean on = FALSE;

      for (guint r = row; any && r < row + n_rows; r++)
        if (g_strcmp0 (name, bk_workbook_get_row_name (wb, table, r)) == 0)
          on = TRUE;
      if (bk_chart_get_series_highlighted (live->chart, s) != on)
        bk_chart_set_series_highlighted (live->chart, s, on);
    }
}

/* The ⋮ button is named for its chart: "Chart options: CapEx by company" */
static void
label_menu_button (LiveChart *live)
{
  const char *title = live->chart != NULL ? bk_chart_get_title (live->chart) : NULL;
  g_autofree char *label = NULL;

  if (title == NULL || *title == '\0')
    label = g_strdup (_("Chart options"));
  else
    /* Translators: the accessible name of a chart's ⋮ menu button */
    label = g_strdup_printf (_("Chart options: %s"), title);
  if (g_strcmp0 (label, live->menu_label) == 0)
    return;
  bk_a11y_set_label (live->menu_button, label);
  g_free (live->menu_label);
  live->menu_label = g_steal_pointer (&label);
}

static void
update_chart (BkChartBoard *self,
              LiveChart    *live,
              BkWorkbook   *wb,
              BkResults    *results)
{
  BkChartSpec spec = chart_slots[live->slot].spec;
  g_autoptr(BkChart) chart = NULL;
  g_autoptr(GError) error = NULL;
  int company, period;

  if (live->slot == CHART_ROI && self->show_npv)
    spec = BK_CHART_SPEC_NPV;
  chart_args (self, live->slot, &company, &period);

  if (live->chart != NULL && bk_chart_update (live->chart, spec, wb, results, company, period, &error))
    {
      label_menu_button (live);
      return;
    }

  g_clear_error (&error);
  /* Out of range after a structural change: fall back to defaults */
  chart = bk_chart_build (spec, wb, results, company, period, &error);
  if (chart == NULL)
    {
      g_clear_error (&error);
      chart = bk_chart_build (spec, wb, results, -1, -1, &error);
    }
  if (chart == NULL)
    {
      g_warning ("Chart %s: %s", chart_slots[live->slot].key, error->message);
      return;
    }
  g_set_object (&live->chart, chart);
  bk_chart_view_set_chart (BK_CHART_VIEW (live->view), chart);
  label_menu_button (live);
}

static void
cancel_tick (BkChartBoard *self)
{
  if (self->tick_id != 0 && self->tick_widget != NULL)
    gtk_widget_remove_tick_callback (self->tick_widget, self->tick_id);
  self->tick_id = 0;
  g_clear_weak_pointer (&self->tick_widget);
}

static void
update_now (BkChartBoard *self)
{
  BkWorkbook *wb;
  BkResults *results;

  cancel_tick (self);
  if (self->engine == NULL)
    return;

  wb = bk_engine_get_workbook (self->engine);
  results = bk_engine_get_results (self->engine);
  for (guint i = 0; i < self->n_charts; i++)
    {
      update_chart (self, &self->charts[i], wb, results);
      highlight_selection (self, &self->charts[i]);
    }
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  BkChartBoard *self = BK_CHART_BOARD (user_data);

  /* The callback goes once we return */
  self->tick_id = 0;
  update_now (self);
  return G_SOURCE_REMOVE;
}

void
bk_chart_board_queue_update (BkChartBoard *self)
{
  GtkWidget *native;

  g_return_if_fail (BK_IS_CHART_BOARD (self));

  if (self->tick_id != 0)
    return;

  /* The window's frame clock, so that a board on a hidden page keeps up too
   * (the sheet's page may be on screen), once a frame */
  native = GTK_WIDGET (gtk_widget_get_native (GTK_WIDGET (self)));
  if (native == NULL || !gtk_widget_get_realized (native))
    {
      update_now (self);
      return;
    }
  g_set_weak_pointer (&self->tick_widget, native);
  self->tick_id = gtk_widget_add_tick_callback (native, tick_cb, self, NULL);
}

static void
queue_update_cb (BkChartBoard *self)
{
  bk_chart_board_queue_update (self);
}

static void
sheet_cursor_cb (BkChartBoard *self)
{
  /* Only the share chart follows the cursor */
  if (find_chart (self, "share") != NULL)
    bk_chart_board_queue_update (self);
}

/* Building */

static void
chart_exported_cb (BkChartBoard *self,
                   const char   *path)
{
  g_signal_emit (self, signals[EXPORTED], 0, path);
}

static void
chart_copied_cb (BkChartBoard *self)
{
  g_signal_emit (self, signals[COPIED], 0);
}

static void
chart_error_cb (BkChartBoard *self,
                const char   *message)
{
  g_signal_emit (self, signals[ERROR], 0, message);
}

/* The ⋮ button of a frame made by bk_chart_frame_new() */
GtkWidget *
bk_chart_frame_get_menu_button (GtkWidget *frame)
{
  g_return_val_if_fail (GTK_IS_OVERLAY (frame), NULL);

  return g_object_get_data (G_OBJECT (frame), "bk-chart-menu-button");
}

/* The ⋮ menu is built when it first opens: a window has a dozen charts
 * and a built menu costs about 100 kB */
static void
create_chart_menu (GtkMenuButton *button,
                   gpointer       menu)
{
  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
}

GtkWidget *
bk_chart_frame_new (GtkWidget  *view,
                    const char *key)
{
  GtkWidget *overlay = gtk_overlay_new ();
  GtkWidget *button = gtk_menu_button_new ();
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) export_item = g_menu_item_new (_("_Export Chart…"), NULL);
  g_autoptr(GMenuItem) copy_item = g_menu_item_new (_("Co_py Chart"), NULL);

  g_return_val_if_fail (BK_IS_CHART_VIEW (view), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  gtk_overlay_set_child (GTK_OVERLAY (overlay), view);

  g_menu_item_set_action_and_target_value (export_item, "win.export-chart", g_variant_new_string (key));
  g_menu_item_set_action_and_target_value (copy_item, "win.copy-chart", g_variant_new_string (key));
  g_menu_append_item (menu, export_item);
  g_menu_append_item (menu, copy_item);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), create_chart_menu,
                                         g_object_ref (menu), g_object_unref);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  g_object_set_data (G_OBJECT (overlay), "bk-chart-menu-button", button);
  bk_a11y_set_label (button, _("Chart options"));
  gtk_widget_set_tooltip_text (button, _("Export or Copy the Chart"));
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  gtk_widget_add_css_class (button, "bk-chart-menu");
  /* Top right, in a corner the chart keeps free: its title and subtitle
   * wrap before it, so the button never covers text */
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_widget_set_margin_top (button, MENU_MARGIN);
  gtk_widget_set_margin_end (button, MENU_MARGIN);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), button);
  bk_chart_view_set_corner (BK_CHART_VIEW (view), MENU_CORNER, MENU_CORNER);

  gtk_widget_add_css_class (overlay, "bk-chart-frame");
  return overlay;
}

static GtkWidget *
chart_frame (BkChartBoard *self,
             ChartSlot     slot)
{
  LiveChart *live = &self->charts[self->n_charts++];
  GtkWidget *frame;

  g_assert (self->n_charts <= MAX_BOARD_CHARTS);

  live->slot = slot;
  live->view = GTK_WIDGET (bk_chart_view_new ());
  gtk_widget_set_hexpand (live->view, TRUE);
  gtk_widget_set_vexpand (live->view, TRUE);
  g_signal_connect_object (live->view, "exported", G_CALLBACK (chart_exported_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (live->view, "copied", G_CALLBACK (chart_copied_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (live->view, "error", G_CALLBACK (chart_error_cb), self, G_CONNECT_SWAPPED);
  frame = bk_chart_frame_new (live->view, chart_slots[slot].key);
  live->menu_button = bk_chart_frame_get_menu_button (frame);
  return frame;
}

static void
npv_toggled_cb (GtkToggleButton *button,
                BkChartBoard    *self)
{
  LiveChart *roi = find_chart (self, "roi");

  self->show_npv = gtk_toggle_button_get_active (button);
  if (roi != NULL)
    g_clear_object (&roi->chart);
  update_now (self);
}

/* Results: four charts in as many columns as fit (bk-chart-grid.c),
 * scrolling when the window is short, ROI or NPV as the switch says */
static GtkWidget *
results_grid (BkChartBoard *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *grid = bk_chart_grid_new ();
  GtkWidget *roi_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *switcher = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *roi = gtk_toggle_button_new_with_label (_("ROI"));
  GtkWidget *npv = gtk_toggle_button_new_with_label (_("NPV"));

  bk_a11y_name_scrollbars (scroller);
  gtk_widget_add_css_class (switcher, "linked");
  gtk_widget_set_halign (switcher, GTK_ALIGN_CENTER);
  gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (npv), GTK_TOGGLE_BUTTON (roi));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (roi), TRUE);
  gtk_widget_set_tooltip_text (roi, _("Show return on investment per company"));
  gtk_widget_set_tooltip_text (npv, _("Show net present value per company"));
  g_signal_connect (npv, "toggled", G_CALLBACK (npv_toggled_cb), self);
  gtk_box_append (GTK_BOX (switcher), roi);
  gtk_box_append (GTK_BOX (switcher), npv);

  bk_chart_grid_append (BK_CHART_GRID (grid), chart_frame (self, CHART_CUMULATIVE_FCF));
  bk_chart_grid_append (BK_CHART_GRID (grid), chart_frame (self, CHART_REVENUE));
  gtk_box_append (GTK_BOX (roi_box), switcher);
  gtk_box_append (GTK_BOX (roi_box), chart_frame (self, CHART_ROI));
  bk_chart_grid_append (BK_CHART_GRID (grid), roi_box);
  bk_chart_grid_append (BK_CHART_GRID (grid), chart_frame (self, CHART_WATERFALL));

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), grid);
  /* and comes to rest on a whole row */
  bk_scroll_snap_attach (GTK_SCROLLED_WINDOW (scroller), BK_CHART_GRID (grid));
  self->grid = BK_CHART_GRID (grid);
  return scroller;
}

/* Layout: the child fills the board; a scrolled grid is never shorter
 * than one row of charts, and knows the height of its view */

static void
bk_chart_board_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  BkChartBoard *self = BK_CHART_BOARD (widget);

  gtk_widget_measure (self->child, orientation, for_size, minimum, natural, NULL, NULL);
  if (self->grid != NULL && orientation == GTK_ORIENTATION_VERTICAL)
    {
      *minimum = MAX (*minimum, bk_chart_grid_get_row_minimum (self->grid, for_size));
      *natural = MAX (*natural, *minimum);
    }
}

static void
bk_chart_board_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  BkChartBoard *self = BK_CHART_BOARD (widget);

  if (self->grid != NULL)
    bk_chart_grid_set_view_height (self->grid, height);
  gtk_widget_allocate (self->child, width, height, baseline, NULL);
}

/* GObject */

static void
bk_chart_board_constructed (GObject *object)
{
  BkChartBoard *self = BK_CHART_BOARD (object);

  G_OBJECT_CLASS (bk_chart_board_parent_class)->constructed (object);

  if (g_strcmp0 (self->page, "results") == 0)
    self->child = results_grid (self);
  else
    for (guint i = 0; i < N_CHARTS && self->child == NULL; i++)
      if (g_strcmp0 (chart_slots[i].page, self->page) == 0)
        self->child = chart_frame (self, i);

  g_assert (self->child != NULL);
  gtk_widget_set_parent (self->child, GTK_WIDGET (self));
}

static void
bk_chart_board_dispose (GObject *object)
{
  BkChartBoard *self = BK_CHART_BOARD (object);

  cancel_tick (self);
  g_signal_group_set_target (self->engine_signals, NULL);
  g_signal_group_set_target (self->workbook_signals, NULL);
  g_signal_group_set_target (self->sheet_signals, NULL);
  g_clear_weak_pointer (&self->sheet);
  g_clear_object (&self->engine);
  self->grid = NULL;
  g_clear_pointer (&self->child, gtk_widget_unparent);
  for (guint i = 0; i < self->n_charts; i++)
    {
      g_clear_object (&self->charts[i].chart);
      g_clear_pointer (&self->charts[i].menu_label, g_free);
      self->charts[i].view = NULL;
      self->charts[i].menu_button = NULL;
    }

  G_OBJECT_CLASS (bk_chart_board_parent_class)->dispose (object);
}

static void
bk_chart_board_finalize (GObject *object)
{
  BkChartBoard *self = BK_CHART_BOARD (object);

  g_clear_object (&self->engine_signals);
  g_clear_object (&self->workbook_signals);
  g_clear_object (&self->sheet_signals);
  g_free (self->page);

  G_OBJECT_CLASS (bk_chart_board_parent_class)->finalize (object);
}

static void
bk_chart_board_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BkChartBoard *self = BK_CHART_BOARD (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      g_value_set_string (value, self->page);
      break;
    case PROP_ENGINE:
      g_value_set_object (value, self->engine);
      break;
    case PROP_SHEET:
      g_value_set_object (value, self->sheet);
      break;
    case PROP_COMPANY:
      g_value_set_int (value, self->company);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_chart_board_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  BkChartBoard *self = BK_CHART_BOARD (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      self->page = g_value_dup_string (value);
      break;
    case PROP_ENGINE:
      bk_chart_board_set_engine (self, g_value_get_object (value));
      break;
    case PROP_SHEET:
      bk_chart_board_set_sheet (self, g_value_get_object (value));
      break;
    case PROP_COMPANY:
      bk_chart_board_set_company (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_chart_board_class_init (BkChartBoardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = bk_chart_board_constructed;
  object_class->dispose = bk_chart_board_dispose;
  object_class->finalize = bk_chart_board_finalize;
  object_class->get_property = bk_chart_board_get_property;
  object_class->set_property = bk_chart_board_set_property;

  properties[PROP_PAGE] =
    g_param_spec_string ("page", NULL, NULL, "capex",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENGINE] =
    g_param_spec_object ("engine", NULL, NULL, BK_TYPE_ENGINE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHEET] =
    g_param_spec_object ("sheet", NULL, NULL, BK_TYPE_SHEET_VIEW,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* A company index, -1 for the first */
  properties[PROP_COMPANY] =
    g_param_spec_int ("company", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A chart's view wrote the chart to @path */
  signals[EXPORTED] =
    g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /* A chart went to the clipboard */
  signals[COPIED] =
    g_signal_new ("copied", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* Exporting or copying a chart failed: why */
  signals[ERROR] =
    g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  widget_class->measure = bk_chart_board_measure;
  widget_class->size_allocate = bk_chart_board_size_allocate;
}

static void
bk_chart_board_init (BkChartBoard *self)
{
  self->company = -1;

  self->engine_signals = g_signal_group_new (BK_TYPE_ENGINE);
  g_signal_group_connect_swapped (self->engine_signals, "invalidated", G_CALLBACK (queue_update_cb), self);
  self->workbook_signals = g_signal_group_new (BK_TYPE_WORKBOOK);
  g_signal_group_connect_swapped (self->workbook_signals, "changed", G_CALLBACK (queue_update_cb), self);
  self->sheet_signals = g_signal_group_new (BK_TYPE_SHEET_VIEW);
  g_signal_group_connect_swapped (self->sheet_signals, "cursor-moved", G_CALLBACK (sheet_cursor_cb), self);
  g_signal_group_connect_swapped (self->sheet_signals, "selection-changed", G_CALLBACK (queue_update_cb), self);
}

/* Public API */

GtkWidget *
bk_chart_board_new (const char *page)
{
  g_return_val_if_fail (page != NULL, NULL);

  return g_object_new (BK_TYPE_CHART_BOARD, "page", page, NULL);
}

const char *
bk_chart_board_get_page (BkChartBoard *self)
{
  g_return_val_if_fail (BK_IS_CHART_BOARD (self), NULL);

  return self->page;
}

BkEngine *
bk_chart_board_get_engine (BkChartBoard *self)
{
  g_return_val_if_fail (BK_IS_CHART_BOARD (self), NULL);

  return self->engine;
}

void
bk_chart_board_set_engine (BkChartBoard *self,
                           BkEngine     *engine)
{
  g_return_if_fail (BK_IS_CHART_BOARD (self));
  g_return_if_fail (engine == NULL || BK_IS_ENGINE (engine));

  if (!g_set_object (&self->engine, engine))
    return;

  g_signal_group_set_target (self->engine_signals, engine);
  g_signal_group_set_target (self->workbook_signals, engine ? bk_engine_get_workbook (engine) : NULL);
  for (guint i = 0; i < self->n_charts; i++)
    {
      g_clear_object (&self->charts[i].chart);
      bk_chart_view_set_chart (BK_CHART_VIEW (self->charts[i].view), NULL);
    }
  update_now (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENGINE]);
}

void
bk_chart_board_set_sheet (BkChartBoard *self,
                          BkSheetView  *sheet)
{
  g_return_if_fail (BK_IS_CHART_BOARD (self));
  g_return_if_fail (sheet == NULL || BK_IS_SHEET_VIEW (sheet));

  if (self->sheet == sheet)
    return;

  g_set_weak_pointer (&self->sheet, sheet);
  g_signal_group_set_target (self->sheet_signals, sheet);
  bk_chart_board_queue_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHEET]);
}

void
bk_chart_board_set_company (BkChartBoard *self,
                            int           company)
{
  g_return_if_fail (BK_IS_CHART_BOARD (self));

  if (self->company == company)
    return;

  self->company = company;
  bk_chart_board_queue_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPANY]);
}

BkChart *
bk_chart_board_get_chart (BkChartBoard *self,
                          const char   *key)
{
  LiveChart *live;

  g_return_val_if_fail (BK_IS_CHART_BOARD (self), NULL);

  live = find_chart (self, key);
  return live != NULL ? live->chart : NULL;
}

GtkWidget *
bk_chart_board_get_chart_view (BkChartBoard *self,
                               const char   *key)
{
  LiveChart *live;

  g_return_val_if_fail (BK_IS_CHART_BOARD (self), NULL);

  live = find_chart (self, key);
  return live != NULL ? live->view : NULL;
}
