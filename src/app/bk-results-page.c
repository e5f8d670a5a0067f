/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-results-page.c — read-only sheets of what the engine computed
 *
 * The metrics sheet lists every company and the total; moving its cursor
 * selects the company whose series fill the sheet beside it.  The two
 * sheets sit side by side above the charts, each pair split by a handle
 * the person can move (and the window remembers); by default each sheet
 * gets the room its columns ask for, the charts the rest. */
#include "config.h"

#include <glib/gi18n.h>

#include "bk-a11y.h"
#include "bk-results-csv.h"
#include "bk-pane-memory.h"
#include "bk-results-page.h"
#include "bk-results-table-model.h"
#include "bk-series-table-model.h"

struct _BkResultsPage
{
  GtkWidget               parent_instance;

  GtkWidget              *paned;
  GtkWidget              *sheets;
  GtkWidget              *series_title;
  BkSheetView            *metrics_sheet;
  BkSheetView            *series_sheet;
  BkResultsTableModel    *metrics;
  BkSeriesTableModel     *series;
  BkEngine               *engine;
  int                     company;
  gboolean                series_active;  /* the per-period sheet had the focus last */
};

G_DEFINE_FINAL_TYPE (BkResultsPage, bk_results_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_COMPANY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_series_title (BkResultsPage *self)
{
  g_autofree char *title = NULL;

  if (self->engine == NULL)
    return;
  if (self->company < 0)
    title = g_strdup (_("Per-period results: all companies"));
  else
    title = g_strdup_printf (_("Per-period results: %s"),
                             bk_workbook_get_company_name (bk_engine_get_workbook (self->engine),
                                                           (guint) self->company));
  gtk_label_set_text (GTK_LABEL (self->series_title), title);
}

static void
metrics_cursor_cb (BkSheetView   *sheet,
                   int            cursor_row,
                   int            cursor_column,
                   BkResultsPage *self)
{
  int row = bk_sheet_view_get_cursor_row (sheet);
  int company;

  if (self->metrics == NULL || row < 0)
    return;
  company = bk_results_table_model_get_company (self->metrics, (guint) row);
  if (company == self->company)
    return;

  self->company = company;
  bk_series_table_model_set_company (self->series, company);
  update_series_title (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPANY]);
}

static void
sheet_focus_enter_cb (GtkEventControllerFocus *controller,
                      BkResultsPage           *self)
{
  self->series_active = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller))
                        == GTK_WIDGET (self->series_sheet);
}

static void
follow_focus (BkResultsPage *self,
              BkSheetView   *sheet)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect (focus, "enter", G_CALLBACK (sheet_focus_enter_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (sheet), focus);
}

static void
bk_results_page_dispose (GObject *object)
{
  BkResultsPage *self = BK_RESULTS_PAGE (object);

  g_clear_pointer (&self->paned, gtk_widget_unparent);
  g_clear_object (&self->metrics);
  g_clear_object (&self->series);
  g_clear_object (&self->engine);

  G_OBJECT_CLASS (bk_results_page_parent_class)->dispose (object);
}

static void
bk_results_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BkResultsPage *self = BK_RESULTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_COMPANY:
      g_value_set_int (value, self->company);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
bk_results_page_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (BK_RESULTS_PAGE (widget)->metrics_sheet));
}

static void
bk_results_page_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  gtk_widget_measure (BK_RESULTS_PAGE (widget)->paned, orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

/* The sheets stop after a whole row: their title and column headers, then
 * rows of the metrics sheet's height */
static void
set_row_steps (BkResultsPage *self)
{
  GtkWidget *box = gtk_paned_get_start_child (GTK_PANED (self->sheets));

  bk_pane_memory_set_sheet_steps (GTK_PANED (self->paned),
                                  box != NULL ? gtk_widget_get_first_child (box) : NULL,
                                  self->metrics_sheet, -1);
}

/* The dividers fit the sheets before the paneds are allocated */
static void
bk_results_page_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  BkResultsPage *self = BK_RESULTS_PAGE (widget);
  guint lines;

  /* Sheets above charts, across the page; the two sheets side by side,
   * their header rows equally tall so that their rows are level (and the
   * divider, stopping after a whole row of one, does so for both) */
  lines = MAX (bk_sheet_view_get_needed_header_lines (self->metrics_sheet),
               bk_sheet_view_get_needed_header_lines (self->series_sheet));
  bk_sheet_view_set_min_header_lines (self->metrics_sheet, lines);
  bk_sheet_view_set_min_header_lines (self->series_sheet, lines);
  set_row_steps (self);
  bk_pane_memory_fit (GTK_PANED (self->paned), height, width);
  bk_pane_memory_fit (GTK_PANED (self->sheets), width, -1);
  gtk_widget_allocate (self->paned, width, height, baseline, NULL);
}

static void
bk_results_page_class_init (BkResultsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_results_page_dispose;
  object_class->get_property = bk_results_page_get_property;
  widget_class->grab_focus = bk_results_page_grab_focus;

  properties[PROP_COMPANY] =
    g_param_spec_int ("company", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  widget_class->measure = bk_results_page_measure;
  widget_class->size_allocate = bk_results_page_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "resultspage");
}

static GtkWidget *
titled (const char *title,
        GtkWidget  *child,
        GtkWidget **label_out)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *scroller = gtk_scrolled_window_new ();

  bk_a11y_name_scrollbars (scroller);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (label, "bk-section-title");
  gtk_box_append (GTK_BOX (box), label);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), child);
  /* The divider starts where the sheet's columns and rows end */
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_widget_set_size_request (scroller, 200, -1);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (box), scroller);
  if (label_out)
    *label_out = label;
  return box;
}

static void
bk_results_page_init (BkResultsPage *self)
{
  GtkWidget *sheets;

  self->company = -1;

  /* Sheets above, charts below */
  self->paned = gtk_paned_new (GTK_ORIENTATION_VERTICAL);
  gtk_paned_set_wide_handle (GTK_PANED (self->paned), TRUE);
  gtk_paned_set_resize_start_child (GTK_PANED (self->paned), FALSE);
  gtk_paned_set_shrink_start_child (GTK_PANED (self->paned), FALSE);
  gtk_paned_set_shrink_end_child (GTK_PANED (self->paned), FALSE);
  gtk_widget_set_parent (self->paned, GTK_WIDGET (self));

  sheets = self->sheets = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  gtk_paned_set_wide_handle (GTK_PANED (sheets), TRUE);
  gtk_paned_set_shrink_start_child (GTK_PANED (sheets), FALSE);
  gtk_paned_set_shrink_end_child (GTK_PANED (sheets), FALSE);

  self->metrics_sheet = BK_SHEET_VIEW (bk_sheet_view_new (NULL));
  bk_sheet_view_set_title (self->metrics_sheet, _("Results by company"));
  g_signal_connect (self->metrics_sheet, "cursor-moved", G_CALLBACK (metrics_cursor_cb), self);
  gtk_paned_set_start_child (GTK_PANED (sheets),
                             titled (_("Results by company"), GTK_WIDGET (self->metrics_sheet), NULL));

  self->series_sheet = BK_SHEET_VIEW (bk_sheet_view_new (NULL));
  bk_sheet_view_set_title (self->series_sheet, _("Per-period results"));
  gtk_paned_set_end_child (GTK_PANED (sheets),
                           titled (_("Per-period results: all companies"), GTK_WIDGET (self->series_sheet),
                                   &self->series_title));
  follow_focus (self, self->metrics_sheet);
  follow_focus (self, self->series_sheet);

  gtk_paned_set_start_child (GTK_PANED (self->paned), sheets);
}

GtkWidget *
bk_results_page_new (void)
{
  return g_object_new (BK_TYPE_RESULTS_PAGE, NULL);
}

void
bk_results_page_set_engine (BkResultsPage *self,
                            BkEngine      *engine)
{
  g_return_if_fail (BK_IS_RESULTS_PAGE (self));
  g_return_if_fail (engine == NULL || BK_IS_ENGINE (engine));

  bk_sheet_view_set_model (self->metrics_sheet, NULL);
  bk_sheet_view_set_model (self->series_sheet, NULL);
  g_clear_object (&self->metrics);
  g_clear_object (&self->series);
  g_set_object (&self->engine, engine);

  if (engine != NULL)
    {
      self->metrics = bk_results_table_model_new (engine);
      self->series = bk_series_table_model_new (engine);
      bk_sheet_view_set_model (self->metrics_sheet, BK_TABLE_MODEL (self->metrics));
      bk_sheet_view_set_model (self->series_sheet, BK_TABLE_MODEL (self->series));
    }

  {
    int row = bk_sheet_view_get_cursor_row (self->metrics_sheet);

    self->company = self->metrics != NULL && row >= 0
                    ? bk_results_table_model_get_company (self->metrics, (guint) row) : -1;
    if (self->series != NULL)
      bk_series_table_model_set_company (self->series, self->company);
  }
  update_series_title (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPANY]);
}

int
bk_results_page_get_company (BkResultsPage *self)
{
  g_return_val_if_fail (BK_IS_RESULTS_PAGE (self), -1);

  return self->company;
}

BkSheetView *
bk_results_page_get_metrics_sheet (BkResultsPage *self)
{
  g_return_val_if_fail (BK_IS_RESULTS_PAGE (self), NULL);

  return self->metrics_sheet;
}

BkSheetView *
bk_results_page_get_series_sheet (BkResultsPage *self)
{
  g_return_val_if_fail (BK_IS_RESULTS_PAGE (self), NULL);

  return self->series_sheet;
}

void
bk_results_page_set_side (BkResultsPage *self,
                          GtkWidget     *side)
{
  g_return_if_fail (BK_IS_RESULTS_PAGE (self));

  gtk_paned_set_end_child (GTK_PANED (self->paned), side);
}

GtkPaned *
bk_results_page_get_paned (BkResultsPage *self,
                           gboolean       sheets)
{
  g_return_val_if_fail (BK_IS_RESULTS_PAGE (self), NULL);

  return GTK_PANED (sheets ? self->sheets : self->paned);
}

gboolean
bk_results_page_get_series_active (BkResultsPage *self)
{
  g_return_val_if_fail (BK_IS_RESULTS_PAGE (self), FALSE);

  return self->series_active;
}

char *
bk_results_page_dup_csv (BkResultsPage *self)
{
  BkWorkbook *wb;

  g_return_val_if_fail (BK_IS_RESULTS_PAGE (self), NULL);

  if (self->engine == NULL)
    return NULL;
  wb = bk_engine_get_workbook (self->engine);
  if (self->series_active)
    return bk_results_csv_write_series (wb, bk_engine_get_results (self->engine), self->company);
  return bk_results_csv_write_metrics (wb, bk_engine_get_results (self->engine));
}
