/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-kpi-strip.c — total and per-company NPV, IRR, ROI and payback
 *
 * The engine says "invalidated" once per change; the strip then asks for a
 * frame and pulls the results in the frame clock's update phase, so the new
 * figures are laid out and painted in the same frame as the edit that
 * changed them, and several changes within one frame cost one recompute. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bk-format.h"
#include "bk-kpi-strip.h"
#include "bk-text.h"

#define N_METRICS 4

typedef struct
{
  GtkWidget *box;
  GtkWidget *name;
  GtkWidget *values[N_METRICS];
} Group;

struct _BkKpiStrip
{
  GtkWidget   parent_instance;

  BkEngine   *engine;
  gulong      invalidated_id;
  int         company;
  guint       tick_id;
  guint       n_updates;

  Group       total;
  Group       selected;
  GtkWidget  *separator;
};

G_DEFINE_FINAL_TYPE (BkKpiStrip, bk_kpi_strip, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ENGINE,
  PROP_COMPANY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
metric_caption (guint metric)
{
  switch (metric)
    {
    case 0: return _("NPV");
    case 1: return _("IRR");
    case 2: return _("ROI");
    case 3: return _("Payback");
    default: g_assert_not_reached ();
    }
}

static const char *
metric_tooltip (guint metric)
{
  switch (metric)
    {
    case 0: return _("Net present value of the free cash flows, discounted at the discount rate");
    case 1: return _("Internal rate of return of the free cash flows, per year");
    case 2: return _("Return on investment: cumulative free cash flow over cumulative capex");
    case 3: return _("Years until cumulative free cash flow turns positive");
    default: g_assert_not_reached ();
    }
}

static void
group_init (BkKpiStrip *self,
            Group      *group)
{
  group->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  gtk_widget_set_parent (group->box, GTK_WIDGET (self));

  /* Names are shortened to be shown whole (bk_text_shorten()), the whole
   * name in the tooltip; "Total · scenario" wraps between words onto two
   * lines beside the metrics' two */
  group->name = gtk_label_new (NULL);
  if (group == &self->total)
    {
      gtk_label_set_wrap (GTK_LABEL (group->name), TRUE);
      gtk_label_set_lines (GTK_LABEL (group->name), 2);
      gtk_label_set_ellipsize (GTK_LABEL (group->name), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (group->name), 16);
      gtk_label_set_xalign (GTK_LABEL (group->name), 0);
    }
  gtk_widget_add_css_class (group->name, "heading");
  gtk_widget_set_valign (group->name, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (group->box), group->name);

  for (guint i = 0; i < N_METRICS; i++)
    {
      GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *caption = gtk_label_new (metric_caption (i));

      gtk_widget_add_css_class (caption, "caption");
      gtk_widget_add_css_class (caption, "dim-label");
      gtk_label_set_xalign (GTK_LABEL (caption), 0);
      group->values[i] = gtk_label_new ("—");
      gtk_label_set_xalign (GTK_LABEL (group->values[i]), 0);
      gtk_label_set_width_chars (GTK_LABEL (group->values[i]), 8);
      gtk_widget_add_css_class (group->values[i], "numeric");
      gtk_widget_add_css_class (group->values[i], "bk-kpi-value");
      gtk_box_append (GTK_BOX (cell), caption);
      gtk_box_append (GTK_BOX (cell), group->values[i]);
      gtk_widget_set_tooltip_text (cell, metric_tooltip (i));
      gtk_box_append (GTK_BOX (group->box), cell);
    }
}

static void
set_metrics (Group           *group,
             const BkMetrics *metrics)
{
  g_autoptr(GString) text = g_string_new (NULL);
  double values[N_METRICS];

  values[0] = metrics ? metrics->npv : NAN;
  values[1] = metrics ? metrics->irr : NAN;
  values[2] = metrics ? metrics->roi : NAN;
  values[3] = metrics ? metrics->payback_years : NAN;

  for (guint i = 0; i < N_METRICS; i++)
    {
      g_string_truncate (text, 0);
      switch (i)
        {
        case 0: bk_format_money (text, values[i]); break;
        case 1: bk_format_percent (text, values[i], 1); break;
        case 2: bk_format_percent (text, values[i], 0); break;
        case 3: bk_format_years (text, values[i]); break;
        default: g_assert_not_reached ();
        }
      if (i == 1 && metrics != NULL && metrics->irr_multiple)
        g_string_append (text, "*");
      /* Skip unchanged labels: a new text means a new layout. */
      if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (group->values[i])), text->str) != 0)
        gtk_label_set_text (GTK_LABEL (group->values[i]), text->str);

      gtk_widget_remove_css_class (group->values[i], "error");
      if (i != 3 && !isnan (values[i]) && values[i] < 0)
        gtk_widget_add_css_class (group->values[i], "error");
    }
}

static void
update (BkKpiStrip *self)
{
  BkResults *results;
  BkWorkbook *wb;
  guint scenario;
  const char *name;
  g_autofree char *shown = NULL;
  g_autofree char *total = NULL;

  self->n_updates++;

  if (self->engine == NULL)
    {
      set_metrics (&self->total, NULL);
      gtk_widget_set_visible (self->selected.box, FALSE);
      gtk_widget_set_visible (self->separator, FALSE);
      return;
    }

  wb = bk_engine_get_workbook (self->engine);
  results = bk_engine_get_results (self->engine);
  scenario = bk_engine_get_scenario (self->engine);

  name = scenario == BK_SCENARIO_BASE ? _("Base") : bk_workbook_get_scenario_name (wb, scenario);
  shown = bk_text_shorten (name, BK_TEXT_SHORT_COLUMNS);
  /* Translators: the KPI strip's label for the whole workbook, with the scenario */
  total = g_strdup_printf (_("Total · %s"), shown);
  gtk_label_set_text (GTK_LABEL (self->total.name), total);
  g_free (total);
  total = g_strdup_printf (_("Total · %s"), name);
  gtk_widget_set_tooltip_text (self->total.name, total);
  set_metrics (&self->total, bk_results_get_total (results));

  if (self->company >= 0 && (guint) self->company < bk_results_get_n_companies (results))
    {
      g_autofree char *company = bk_text_shorten (bk_workbook_get_company_name (wb, (guint) self->company),
                                                  BK_TEXT_SHORT_COLUMNS);

      gtk_label_set_text (GTK_LABEL (self->selected.name), company);
      gtk_widget_set_tooltip_text (self->selected.name, bk_workbook_get_company_name (wb, (guint) self->company));
      set_metrics (&self->selected, bk_results_get_company (results, (guint) self->company));
      gtk_widget_set_visible (self->selected.box, TRUE);
      gtk_widget_set_visible (self->separator, TRUE);
    }
  else
    {
      gtk_widget_set_visible (self->selected.box, FALSE);
      gtk_widget_set_visible (self->separator, FALSE);
    }
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  BkKpiStrip *self = BK_KPI_STRIP (widget);

  self->tick_id = 0;
  update (self);
  return G_SOURCE_REMOVE;
}

static void
queue_update (BkKpiStrip *self)
{
  if (self->tick_id != 0)
    return;
  if (!gtk_widget_get_realized (GTK_WIDGET (self)))
    {
      update (self);
      return;
    }
  self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), tick_cb, NULL, NULL);
}

static void
invalidated_cb (BkEngine   *engine,
                BkKpiStrip *self)
{
  queue_update (self);
}

static void
bk_kpi_strip_unrealize (GtkWidget *widget)
{
  BkKpiStrip *self = BK_KPI_STRIP (widget);

  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (widget, self->tick_id);
      self->tick_id = 0;
    }
  GTK_WIDGET_CLASS (bk_kpi_strip_parent_class)->unrealize (widget);
}

static void
bk_kpi_strip_dispose (GObject *object)
{
  BkKpiStrip *self = BK_KPI_STRIP (object);

  bk_kpi_strip_set_engine (self, NULL);
  g_clear_pointer (&self->total.box, gtk_widget_unparent);
  g_clear_pointer (&self->separator, gtk_widget_unparent);
  g_clear_pointer (&self->selected.box, gtk_widget_unparent);

  G_OBJECT_CLASS (bk_kpi_strip_parent_class)->dispose (object);
}

static void
bk_kpi_strip_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  BkKpiStrip *self = BK_KPI_STRIP (object);

  switch (prop_id)
    {
    case PROP_ENGINE:
      g_value_set_object (value, self->engine);
      break;
    case PROP_COMPANY:
      g_value_set_int (value, self->company);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_kpi_strip_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  BkKpiStrip *self = BK_KPI_STRIP (object);

  switch (prop_id)
    {
    case PROP_ENGINE:
      bk_kpi_strip_set_engine (self, g_value_get_object (value));
      break;
    case PROP_COMPANY:
      bk_kpi_strip_set_company (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_kpi_strip_class_init (BkKpiStripClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_kpi_strip_dispose;
  object_class->get_property = bk_kpi_strip_get_property;
  object_class->set_property = bk_kpi_strip_set_property;
  widget_class->unrealize = bk_kpi_strip_unrealize;

  properties[PROP_ENGINE] =
    g_param_spec_object ("engine", NULL, NULL, BK_TYPE_ENGINE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPANY] =
    g_param_spec_int ("company", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kpistrip");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_STATUS);
}

static void
bk_kpi_strip_init (BkKpiStrip *self)
{
  GtkBoxLayout *layout = GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self)));

  self->company = -1;
  gtk_box_layout_set_spacing (layout, 24);
  gtk_widget_add_css_class (GTK_WIDGET (self), "toolbar");

  group_init (self, &self->total);
  self->separator = gtk_separator_new (GTK_ORIENTATION_VERTICAL);
  gtk_widget_set_parent (self->separator, GTK_WIDGET (self));
  group_init (self, &self->selected);
  update (self);
  self->n_updates = 0;
}

GtkWidget *
bk_kpi_strip_new (void)
{
  return g_object_new (BK_TYPE_KPI_STRIP, NULL);
}

BkEngine *
bk_kpi_strip_get_engine (BkKpiStrip *self)
{
  g_return_val_if_fail (BK_IS_KPI_STRIP (self), NULL);

  return self->engine;
}

void
bk_kpi_strip_set_engine (BkKpiStrip *self,
                         BkEngine   *engine)
{
  g_return_if_fail (BK_IS_KPI_STRIP (self));
  g_return_if_fail (engine == NULL || BK_IS_ENGINE (engine));

  if (self->engine == engine)
    return;

  if (self->engine != NULL)
    g_clear_signal_handler (&self->invalidated_id, self->engine);
  g_set_object (&self->engine, engine);
  if (engine != NULL)
    self->invalidated_id = g_signal_connect (engine, "invalidated", G_CALLBACK (invalidated_cb), self);

  queue_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENGINE]);
}

int
bk_kpi_strip_get_company (BkKpiStrip *self)
{
  g_return_val_if_fail (BK_IS_KPI_STRIP (self), -1);

  return self->company;
}

void
bk_kpi_strip_set_company (BkKpiStrip *self,
                          int         company)
{
  g_return_if_fail (BK_IS_KPI_STRIP (self));

  company = MAX (company, -1);
  if (self->company == company)
    return;

  self->company = company;
  queue_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPANY]);
}

const char *
bk_kpi_strip_get_text (BkKpiStrip *self,
                       gboolean    total,
                       guint       metric)
{
  g_return_val_if_fail (BK_IS_KPI_STRIP (self), NULL);
  g_return_val_if_fail (metric < N_METRICS, NULL);

  return gtk_label_get_text (GTK_LABEL (total ? self->total.values[metric]
                                              : self->selected.values[metric]));
}

guint
bk_kpi_strip_get_n_updates (BkKpiStrip *self)
{
  g_return_val_if_fail (BK_IS_KPI_STRIP (self), 0);

  return self->n_updates;
}
