/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-simulation-panel.c — the Monte Carlo panel: what a person sees of a
 * BkSimulation
 *
 * Simulate takes a snapshot of the engine's workbook in its scenario and
 * the workbook's uncertainties, on the main thread, and hands it to the
 * BkSimulation, which runs it off the UI thread.  The panel follows the
 * engine (::invalidated: cells, assumptions, the scenario) and the
 * workbook (::changed: uncertainties, companies): while a run is in
 * progress a change restarts it on a fresh snapshot at once, so its
 * result always reflects the inputs as they are; once a run has finished
 * a change only marks its result stale, as rerunning thousands of trials
 * on every keystroke would be.  The company simulated is followed by its
 * id, so removing or moving another company keeps it, and removing it
 * falls back to the total. */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bk-chart-builder-analysis.h"
#include "bk-chart-view.h"
#include "bk-format.h"
#include "bk-simulation-panel.h"

struct _BkSimulationPanel
{
  GtkBox         parent_instance;

  BkEngine      *engine;
  GSignalGroup  *engine_signals;
  GSignalGroup  *workbook_signals;
  BkSimulation  *simulation;
  int            company;
  char          *company_id;  /* of company, NULL for the total */
  gboolean       stale;
  gboolean       rebuilding;  /* the company list is being refilled */

  GtkWidget     *company_dropdown;
  GtkStringList *companies;
  GtkWidget     *trials;
  GtkWidget     *seed;
  GtkWidget     *simulate;
  GtkWidget     *running_box;
  GtkWidget     *progress;
  GtkWidget     *cancel;
  GtkWidget     *status;
  GtkWidget     *figures[BK_SIMULATION_N_FIGURES];
  GtkWidget     *charts;
  GtkWidget     *histogram;
  GtkWidget     *fan;
};

G_DEFINE_FINAL_TYPE (BkSimulationPanel, bk_simulation_panel, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_ENGINE,
  PROP_COMPANY,
  PROP_STALE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
figure_caption (BkSimulationFigure figure)
{
  switch (figure)
    {
    case BK_SIMULATION_FIGURE_MEAN: return _("Mean");
    /* Translators: standard deviation, short */
    case BK_SIMULATION_FIGURE_SD: return _("Std. dev.");
    case BK_SIMULATION_FIGURE_P5: return _("P5");
    case BK_SIMULATION_FIGURE_P50: return _("P50");
    case BK_SIMULATION_FIGURE_P95: return _("P95");
    case BK_SIMULATION_FIGURE_PROB_POSITIVE: return _("P(NPV > 0)");
    case BK_SIMULATION_N_FIGURES:
    default: g_assert_not_reached ();
    }
}

static const char *
figure_tooltip (BkSimulationFigure figure)
{
  switch (figure)
    {
    case BK_SIMULATION_FIGURE_MEAN: return _("Mean NPV over all trials");
    case BK_SIMULATION_FIGURE_SD: return _("Standard deviation of NPV over the trials");
    case BK_SIMULATION_FIGURE_P5: return _("5 trials in 100 have a lower NPV");
    case BK_SIMULATION_FIGURE_P50: return _("The median NPV: half the trials are lower");
    case BK_SIMULATION_FIGURE_P95: return _("95 trials in 100 have a lower NPV");
    case BK_SIMULATION_FIGURE_PROB_POSITIVE: return _("Share of the trials in which the investment pays off (NPV above 0)");
    case BK_SIMULATION_N_FIGURES:
    default: g_assert_not_reached ();
    }
}

static BkWorkbook *
workbook (BkSimulationPanel *self)
{
  return self->engine != NULL ? bk_engine_get_workbook (self->engine) : NULL;
}

static gboolean
can_simulate (BkSimulationPanel *self)
{
  BkWorkbook *wb = workbook (self);

  return wb != NULL && bk_workbook_get_n_distributions (wb) > 0;
}

static const char *
scenario_name (BkWorkbook *wb,
               guint       scenario)
{
  return scenario == BK_SCENARIO_BASE ? _("Base") : bk_workbook_get_scenario_name (wb, scenario);
}

static void
set_figures (BkSimulationPanel        *self,
             const BkMonteCarloResult *result)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint f = 0; f < BK_SIMULATION_N_FIGURES; f++)
    {
      double value = NAN;

      g_string_truncate (text, 0);
      if (result != NULL)
        switch ((BkSimulationFigure) f)
          {
          case BK_SIMULATION_FIGURE_MEAN: value = result->mean; break;
          case BK_SIMULATION_FIGURE_SD: value = result->sd; break;
          case BK_SIMULATION_FIGURE_P5: value = result->npv[BK_PERCENTILE_5]; break;
          case BK_SIMULATION_FIGURE_P50: value = result->npv[BK_PERCENTILE_50]; break;
          case BK_SIMULATION_FIGURE_P95: value = result->npv[BK_PERCENTILE_95]; break;
          case BK_SIMULATION_FIGURE_PROB_POSITIVE: value = result->prob_positive; break;
          case BK_SIMULATION_N_FIGURES:
          default: g_assert_not_reached ();
          }

      if (f == BK_SIMULATION_FIGURE_PROB_POSITIVE)
        bk_format_percent (text, value, 1);
      else
        bk_format_money (text, value);
      gtk_label_set_text (GTK_LABEL (self->figures[f]), text->str);

      if (f != BK_SIMULATION_FIGURE_SD && f != BK_SIMULATION_FIGURE_PROB_POSITIVE
          && !isnan (value) && value < 0)
        gtk_widget_add_css_class (self->figures[f], "error");
      else
        gtk_widget_remove_css_class (self->figures[f], "error");
      gtk_widget_set_opacity (self->figures[f], self->stale ? 0.55 : 1.0);
    }
}

static void
set_status (BkSimulationPanel *self,
            const char        *text)
{
  gtk_label_set_text (GTK_LABEL (self->status), text);
}

/* Everything but the charts, from the panel's and the run's state */
static void
update (BkSimulationPanel *self)
{
  BkSimulation *sim = self->simulation;
  const BkMonteCarloResult *result = bk_simulation_get_result (sim);
  const GError *error = bk_simulation_get_error (sim);
  gboolean running = bk_simulation_get_running (sim);
  BkWorkbook *wb = workbook (self);

  gtk_widget_set_visible (self->running_box, running);
  gtk_widget_set_sensitive (self->simulate, !running && can_simulate (self));
  gtk_widget_set_sensitive (self->trials, !running);
  gtk_widget_set_sensitive (self->seed, !running);
  gtk_widget_set_sensitive (self->company_dropdown, !running && wb != NULL);
  /* A new run keeps the last one's charts, dimmed, until its own come */
  gtk_widget_set_visible (self->charts, result != NULL
                                        || bk_chart_view_get_chart (BK_CHART_VIEW (self->histogram)) != NULL);
  gtk_widget_set_opacity (self->charts, running || self->stale ? 0.55 : 1.0);
  set_figures (self, result);

  if (wb == NULL)
    set_status (self, "");
  else if (running)
    set_status (self, _("Simulating… Every uncertain driver is drawn anew in each trial."));
  else if (result != NULL && self->stale)
    set_status (self, _("The inputs changed since this run: simulate again to update it."));
  else if (result != NULL)
    {
      BkEngineInputs *inputs = bk_simulation_get_inputs (sim);
      g_autoptr(GString) trials = g_string_new (NULL);
      g_autofree char *text = NULL;
      int company = result->params.company;

      bk_format_number (trials, result->params.trials, 0);
      /* Translators: "10,000 trials of NPV for Total in Base"; the
       * number of trials, a company name (or "Total") and a scenario */
      text = g_strdup_printf (_("%s trials of NPV for %s in %s"),
                              trials->str,
                              company >= 0 && (guint) company < bk_workbook_get_n_companies (wb)
                                ? bk_workbook_get_company_name (wb, (guint) company)
                                : _("Total"),
                              scenario_name (wb, bk_engine_inputs_get_scenario (inputs)));
      set_status (self, text);
    }
  else if (!can_simulate (self))
    set_status (self, _("No driver has an uncertainty yet. Type one in the Uncertainty column "
                        "of the Assumptions page, such as “0.1 to 0.6”."));
  else if (error != NULL)
    set_status (self, error->message);
  else
    set_status (self, _("Draws every uncertain driver in each trial and shows how NPV spreads."));
}

static void
set_stale (BkSimulationPanel *self,
           gboolean           stale)
{
  if (self->stale == stale)
    return;
  self->stale = stale;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STALE]);
}

static void
update_charts (BkSimulationPanel *self)
{
  const BkMonteCarloResult *result = bk_simulation_get_result (self->simulation);
  BkWorkbook *wb = workbook (self);
  g_autoptr(BkChart) histogram = NULL;
  g_autoptr(BkChart) fan = NULL;

  if (result != NULL && wb != NULL)
    {
      guint scenario = bk_engine_inputs_get_scenario (bk_simulation_get_inputs (self->simulation));

      histogram = bk_chart_build_histogram (wb, scenario, result);
      fan = bk_chart_build_fan (wb, scenario, result);
    }
  bk_chart_view_set_chart (BK_CHART_VIEW (self->histogram), histogram);
  bk_chart_view_set_chart (BK_CHART_VIEW (self->fan), fan);
}

static void
params_init (BkSimulationPanel  *self,
             BkMonteCarloParams *params)
{
  bk_monte_carlo_params_init (params);
  params->trials = bk_simulation_panel_get_trials (self);
  params->seed = bk_simulation_panel_get_seed (self);
  params->company = self->company;
}

/* A fresh snapshot of what the panel simulates */
static BkEngineInputs *
snapshot (BkSimulationPanel  *self,
          GHashTable        **distributions)
{
  BkWorkbook *wb = workbook (self);

  *distributions = bk_workbook_dup_distributions (wb);
  return bk_engine_inputs_new (wb, bk_engine_get_scenario (self->engine));
}

/* The company's index in the workbook as it is now, found by its id: the
 * same company after others came, went or moved, the total when it went
 * itself.  An index set before there was a workbook is taken as it is
 * when it fits. */
static void
follow_company (BkSimulationPanel *self)
{
  BkWorkbook *wb = workbook (self);
  guint n = wb != NULL ? bk_workbook_get_n_companies (wb) : 0;
  int company = -1;

  if (wb == NULL)
    return;
  if (self->company_id != NULL)
    company = bk_workbook_find_company (wb, self->company_id);
  else if (self->company >= 0 && (guint) self->company < n)
    company = self->company;

  g_free (self->company_id);
  self->company_id = company >= 0 ? g_strdup (bk_workbook_get_company_id (wb, (guint) company)) : NULL;
  if (company != self->company)
    {
      self->company = company;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPANY]);
    }
}

/* Something the simulation reads changed */
static void
inputs_changed (BkSimulationPanel *self)
{
  if (bk_simulation_get_running (self->simulation))
    {
      g_autoptr(GHashTable) distributions = NULL;
      g_autoptr(BkEngineInputs) inputs = NULL;
      BkMonteCarloParams params;

      if (!can_simulate (self))
        {
          bk_simulation_cancel (self->simulation);
          return;
        }
      /* Companies may have gone: the run restarts with the same one */
      follow_company (self);
      params_init (self, &params);
      inputs = snapshot (self, &distributions);
      bk_simulation_restart (self->simulation, inputs, distributions, &params);
    }
  else if (bk_simulation_get_result (self->simulation) != NULL)
    set_stale (self, TRUE);

  update (self);
}

static void
rebuild_companies (BkSimulationPanel *self)
{
  BkWorkbook *wb = workbook (self);
  guint n = wb != NULL ? bk_workbook_get_n_companies (wb) : 0;
  guint old = g_list_model_get_n_items (G_LIST_MODEL (self->companies));
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  g_ptr_array_add (names, (gpointer) _("Total"));
  for (guint c = 0; c < n; c++)
    g_ptr_array_add (names, (gpointer) bk_workbook_get_company_name (wb, c));
  g_ptr_array_add (names, NULL);

  self->rebuilding = TRUE;
  gtk_string_list_splice (self->companies, 0, old, (const char * const *) names->pdata);
  follow_company (self);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->company_dropdown), (guint) (self->company + 1));
  self->rebuilding = FALSE;
}

static void
engine_invalidated_cb (BkSimulationPanel *self)
{
  inputs_changed (self);
}

static void
workbook_changed_cb (BkWorkbook        *wb,
                     BkChangeFlags      flags,
                     int                table,
                     int                row,
                     int                period,
                     int                n_rows,
                     int                n_periods,
                     BkSimulationPanel *self)
{
  if (flags & BK_CHANGE_STRUCTURE)
    rebuild_companies (self);
  /* The engine says so for everything else it reads */
  if (flags & BK_CHANGE_DISTRIBUTIONS)
    inputs_changed (self);
  else
    update (self);
}

static void
simulation_notify_cb (BkSimulationPanel *self)
{
  double progress = bk_simulation_get_progress (self->simulation);

  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->progress), progress);
  update (self);
}

static void
simulation_finished_cb (BkSimulationPanel *self,
                        const GError      *error)
{
  update_charts (self);
  update (self);
}

static void
company_selected_cb (BkSimulationPanel *self)
{
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->company_dropdown));

  if (self->rebuilding || selected == GTK_INVALID_LIST_POSITION)
    return;
  bk_simulation_panel_set_company (self, (int) selected - 1);
}

static void
bk_simulation_panel_dispose (GObject *object)
{
  BkSimulationPanel *self = BK_SIMULATION_PANEL (object);

  if (self->simulation != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->simulation, self);
      bk_simulation_cancel (self->simulation);
    }
  g_clear_object (&self->simulation);
  if (self->engine_signals != NULL)
    g_signal_group_set_target (self->engine_signals, NULL);
  if (self->workbook_signals != NULL)
    g_signal_group_set_target (self->workbook_signals, NULL);
  g_clear_object (&self->engine_signals);
  g_clear_object (&self->workbook_signals);
  g_clear_object (&self->engine);
  g_clear_object (&self->companies);
  g_clear_pointer (&self->company_id, g_free);

  G_OBJECT_CLASS (bk_simulation_panel_parent_class)->dispose (object);
}

static void
bk_simulation_panel_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  BkSimulationPanel *self = BK_SIMULATION_PANEL (object);

  switch (prop_id)
    {
    case PROP_ENGINE:
      g_value_set_object (value, self->engine);
      break;
    case PROP_COMPANY:
      g_value_set_int (value, self->company);
      break;
    case PROP_STALE:
      g_value_set_boolean (value, self->stale);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_simulation_panel_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  BkSimulationPanel *self = BK_SIMULATION_PANEL (object);

  switch (prop_id)
    {
    case PROP_ENGINE:
      bk_simulation_panel_set_engine (self, g_value_get_object (value));
      break;
    case PROP_COMPANY:
      bk_simulation_panel_set_company (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_simulation_panel_class_init (BkSimulationPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bk_simulation_panel_dispose;
  object_class->get_property = bk_simulation_panel_get_property;
  object_class->set_property = bk_simulation_panel_set_property;

  properties[PROP_ENGINE] =
    g_param_spec_object ("engine", NULL, NULL, BK_TYPE_ENGINE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPANY] =
    g_param_spec_int ("company", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STALE] =
    g_param_spec_boolean ("stale", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static GtkWidget *
figure_cell (BkSimulationPanel  *self,
             BkSimulationFigure  figure)
{
  GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *caption = gtk_label_new (figure_caption (figure));

  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  self->figures[figure] = gtk_label_new ("—");
  gtk_label_set_xalign (GTK_LABEL (self->figures[figure]), 0);
  gtk_label_set_width_chars (GTK_LABEL (self->figures[figure]), 8);
  gtk_widget_add_css_class (self->figures[figure], "numeric");
  gtk_widget_add_css_class (self->figures[figure], "bk-kpi-value");
  gtk_box_append (GTK_BOX (cell), caption);
  gtk_box_append (GTK_BOX (cell), self->figures[figure]);
  gtk_widget_set_tooltip_text (cell, figure_tooltip (figure));

  return cell;
}

static void
bk_simulation_panel_init (BkSimulationPanel *self)
{
  GtkBox *box = GTK_BOX (self);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title = gtk_label_new (_("Monte Carlo simulation"));
  GtkWidget *trials_label = gtk_label_new_with_mnemonic (_("_Trials"));
  GtkWidget *figures = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  GtkWidget *seed_label;
  BkMonteCarloParams default_params;

  bk_monte_carlo_params_init (&default_params);
  self->company = -1;
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (box, 8);

  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_box_append (GTK_BOX (header), title);

  self->companies = gtk_string_list_new (NULL);
  self->company_dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->companies)), NULL);
  gtk_widget_set_tooltip_text (self->company_dropdown, _("The company simulated, or the total"));
  gtk_box_append (GTK_BOX (header), self->company_dropdown);

  gtk_box_append (GTK_BOX (header), trials_label);
  self->trials = gtk_spin_button_new_with_range (100, BK_SIMULATION_PANEL_MAX_TRIALS, 1000);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->trials), BK_SIMULATION_PANEL_DEFAULT_TRIALS);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (self->trials), TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->trials), 8);
  gtk_label_set_mnemonic_widget (GTK_LABEL (trials_label), self->trials);
  gtk_widget_set_tooltip_text (self->trials, _("How many times every uncertain driver is drawn"));
  gtk_box_append (GTK_BOX (header), self->trials);

  /* Translators: the seed of the random draws; the same seed gives the same numbers */
  seed_label = gtk_label_new_with_mnemonic (_("S_eed"));
  gtk_box_append (GTK_BOX (header), seed_label);
  self->seed = gtk_spin_button_new_with_range (0, BK_SIMULATION_PANEL_MAX_SEED, 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->seed), default_params.seed);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (self->seed), TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->seed), 6);
  gtk_label_set_mnemonic_widget (GTK_LABEL (seed_label), self->seed);
  gtk_widget_set_tooltip_text (self->seed, _("The seed of the random draws: the same seed gives the same numbers"));
  gtk_box_append (GTK_BOX (header), self->seed);

  self->simulate = gtk_button_new_with_mnemonic (_("_Simulate"));
  gtk_widget_set_tooltip_text (self->simulate, _("Run the simulation (F9)"));
  gtk_widget_add_css_class (self->simulate, "suggested-action");
  gtk_box_append (GTK_BOX (header), self->simulate);
  gtk_box_append (box, header);

  self->running_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  self->progress = gtk_progress_bar_new ();
  gtk_progress_bar_set_show_text (GTK_PROGRESS_BAR (self->progress), TRUE);
  gtk_widget_set_hexpand (self->progress, TRUE);
  gtk_widget_set_valign (self->progress, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (self->running_box), self->progress);
  self->cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_box_append (GTK_BOX (self->running_box), self->cancel);
  gtk_widget_set_visible (self->running_box, FALSE);
  gtk_box_append (box, self->running_box);

  self->status = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->status), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->status), 0);
  gtk_widget_add_css_class (self->status, "dim-label");
  gtk_box_append (box, self->status);

  for (guint f = 0; f < BK_SIMULATION_N_FIGURES; f++)
    gtk_box_append (GTK_BOX (figures), figure_cell (self, f));
  gtk_box_append (box, figures);

  self->charts = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_set_homogeneous (GTK_BOX (self->charts), TRUE);
  self->histogram = GTK_WIDGET (bk_chart_view_new ());
  self->fan = GTK_WIDGET (bk_chart_view_new ());
  gtk_widget_set_hexpand (self->histogram, TRUE);
  gtk_widget_set_hexpand (self->fan, TRUE);
  gtk_widget_set_vexpand (self->charts, TRUE);
  gtk_box_append (GTK_BOX (self->charts), self->histogram);
  gtk_box_append (GTK_BOX (self->charts), self->fan);
  gtk_box_append (box, self->charts);

  self->simulation = bk_simulation_new ();
  g_signal_connect_swapped (self->simulation, "notify::running", G_CALLBACK (simulation_notify_cb), self);
  g_signal_connect_swapped (self->simulation, "notify::progress", G_CALLBACK (simulation_notify_cb), self);
  g_signal_connect_swapped (self->simulation, "finished", G_CALLBACK (simulation_finished_cb), self);

  self->engine_signals = g_signal_group_new (BK_TYPE_ENGINE);
  g_signal_group_connect_swapped (self->engine_signals, "invalidated", G_CALLBACK (engine_invalidated_cb), self);
  self->workbook_signals = g_signal_group_new (BK_TYPE_WORKBOOK);
  g_signal_group_connect (self->workbook_signals, "changed", G_CALLBACK (workbook_changed_cb), self);

  g_signal_connect_swapped (self->simulate, "clicked", G_CALLBACK (bk_simulation_panel_simulate), self);
  g_signal_connect_swapped (self->cancel, "clicked", G_CALLBACK (bk_simulation_panel_cancel), self);
  g_signal_connect_swapped (self->company_dropdown, "notify::selected", G_CALLBACK (company_selected_cb), self);

  rebuild_companies (self);
  update (self);
}

BkSimulationPanel *
bk_simulation_panel_new (void)
{
  return g_object_new (BK_TYPE_SIMULATION_PANEL, NULL);
}

BkEngine *
bk_simulation_panel_get_engine (BkSimulationPanel *self)
{
  g_return_val_if_fail (BK_IS_SIMULATION_PANEL (self), NULL);

  return self->engine;
}

void
bk_simulation_panel_set_engine (BkSimulationPanel *self,
                                BkEngine          *engine)
{
  g_return_if_fail (BK_IS_SIMULATION_PANEL (self));
  g_return_if_fail (engine == NULL || BK_IS_ENGINE (engine));

  if (self->engine == engine)
    return;

  /* A run and a result belong to the old workbook */
  bk_simulation_clear (self->simulation);
  set_stale (self, FALSE);
  g_set_object (&self->engine, engine);
  g_signal_group_set_target (self->engine_signals, engine);
  g_signal_group_set_target (self->workbook_signals, workbook (self));
  rebuild_companies (self);
  update_charts (self);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENGINE]);
}

int
bk_simulation_panel_get_company (BkSimulationPanel *self)
{
  g_return_val_if_fail (BK_IS_SIMULATION_PANEL (self), -1);

  return self->company;
}

void
bk_simulation_panel_set_company (BkSimulationPanel *self,
                                 int                company)
{
  g_return_if_fail (BK_IS_SIMULATION_PANEL (self));
  g_return_if_fail (company >= -1);

  if (self->company == company)
    return;

  self->company = company;
  g_clear_pointer (&self->company_id, g_free);
  if (company >= 0 && workbook (self) != NULL
      && (guint) company < bk_workbook_get_n_companies (workbook (self)))
    self->company_id = g_strdup (bk_workbook_get_company_id (workbook (self), (guint) company));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->company_dropdown), (guint) (company + 1));
  /* The run in progress is of the other company: start it over */
  if (bk_simulation_get_running (self->simulation))
    bk_simulation_panel_simulate (self);
  else if (bk_simulation_get_result (self->simulation) != NULL)
    set_stale (self, TRUE);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPANY]);
}

guint
bk_simulation_panel_get_trials (BkSimulationPanel *self)
{
  g_return_val_if_fail (BK_IS_SIMULATION_PANEL (self), 0);

  return (guint) gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->trials));
}

void
bk_simulation_panel_set_trials (BkSimulationPanel *self,
                                guint              trials)
{
  g_return_if_fail (BK_IS_SIMULATION_PANEL (self));

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->trials), trials);
}

guint64
bk_simulation_panel_get_seed (BkSimulationPanel *self)
{
  g_return_val_if_fail (BK_IS_SIMULATION_PANEL (self), 0);

  return (guint64) gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->seed));
}

void
bk_simulation_panel_set_seed (BkSimulationPanel *self,
                              guint64            seed)
{
  g_return_if_fail (BK_IS_SIMULATION_PANEL (self));
  g_return_if_fail (seed <= BK_SIMULATION_PANEL_MAX_SEED);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->seed), (double) seed);
}

void
bk_simulation_panel_simulate (BkSimulationPanel *self)
{
  g_autoptr(GHashTable) distributions = NULL;
  g_autoptr(BkEngineInputs) inputs = NULL;
  BkMonteCarloParams params;

  g_return_if_fail (BK_IS_SIMULATION_PANEL (self));

  if (!can_simulate (self))
    return;

  /* A value typed but not yet committed with Enter counts */
  gtk_spin_button_update (GTK_SPIN_BUTTON (self->trials));
  gtk_spin_button_update (GTK_SPIN_BUTTON (self->seed));
  params_init (self, &params);
  inputs = snapshot (self, &distributions);
  set_stale (self, FALSE);
  bk_simulation_start (self->simulation, inputs, distributions, &params);
  update (self);
}

void
bk_simulation_panel_cancel (BkSimulationPanel *self)
{
  g_return_if_fail (BK_IS_SIMULATION_PANEL (self));

  bk_simulation_cancel (self->simulation);
  update (self);
}

BkSimulation *
bk_simulation_panel_get_simulation (BkSimulationPanel *self)
{
  g_return_val_if_fail (BK_IS_SIMULATION_PANEL (self), NULL);

  return self->simulation;
}

gboolean
bk_simulation_panel_get_stale (BkSimulationPanel *self)
{
  g_return_val_if_fail (BK_IS_SIMULATION_PANEL (self), FALSE);

  return self->stale;
}

const char *
bk_simulation_panel_get_figure_text (BkSimulationPanel  *self,
                                     BkSimulationFigure  figure)
{
  g_return_val_if_fail (BK_IS_SIMULATION_PANEL (self), NULL);
  g_return_val_if_fail (figure < BK_SIMULATION_N_FIGURES, NULL);

  return gtk_label_get_text (GTK_LABEL (self->figures[figure]));
}

GtkWidget *
bk_simulation_panel_get_part (BkSimulationPanel *self,
                              const char        *name)
{
  const struct { const char *name; gsize offset; } parts[] = {
    { "simulate", G_STRUCT_OFFSET (BkSimulationPanel, simulate) },
    { "cancel", G_STRUCT_OFFSET (BkSimulationPanel, cancel) },
    { "trials", G_STRUCT_OFFSET (BkSimulationPanel, trials) },
    { "seed", G_STRUCT_OFFSET (BkSimulationPanel, seed) },
    { "progress", G_STRUCT_OFFSET (BkSimulationPanel, progress) },
    { "company", G_STRUCT_OFFSET (BkSimulationPanel, company_dropdown) },
    { "status", G_STRUCT_OFFSET (BkSimulationPanel, status) },
    { "histogram", G_STRUCT_OFFSET (BkSimulationPanel, histogram) },
    { "fan", G_STRUCT_OFFSET (BkSimulationPanel, fan) },
  };

  g_return_val_if_fail (BK_IS_SIMULATION_PANEL (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (g_str_equal (parts[i].name, name))
      return G_STRUCT_MEMBER (GtkWidget *, self, parts[i].offset);

  return NULL;
}
