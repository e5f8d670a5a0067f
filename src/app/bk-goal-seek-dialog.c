/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-goal-seek-dialog.c — Goal Seek: the value of a driver at which a
 * metric reaches a target, found and applied to the current scenario
 *
 * An AdwWindow like the chart export dialog: Cancel and Apply in the header
 * bar, the scenario in its subtitle, a boxed list of the four fields, and
 * under it Find with the answer beside it.  The search runs on a snapshot
 * of the window's workbook in the scenario (bk_engine_inputs_new()), on the
 * main thread: it is a few hundred recalculations, well inside a frame on
 * the sample.  The dialog only watches its window (a weak pointer), so an
 * open dialog never keeps a closed window alive. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bk-format.h"
#include "bk-goal-seek-apply.h"
#include "bk-goal-seek-dialog.h"

struct _BkGoalSeekDialog
{
  AdwWindow      parent_instance;

  BkWindow      *window;   /* weak */
  guint          scenario;

  AdwWindowTitle *title;
  AdwComboRow   *metric_row;
  AdwComboRow   *company_row;
  AdwEntryRow   *target_row;
  GtkLabel      *unit_label;
  AdwComboRow   *driver_row;
  GtkWidget     *find_button;
  GtkWidget     *apply_button;
  GtkLabel      *message_label;

  /* The drivers offered, in the row's order */
  BkAssumption   drivers[BK_N_ASSUMPTIONS];
  guint          n_drivers;

  double         value;    /* NAN: nothing found for the fields as they are */
};

G_DEFINE_FINAL_TYPE (BkGoalSeekDialog, bk_goal_seek_dialog, ADW_TYPE_WINDOW)

static BkDocument *
dialog_document (BkGoalSeekDialog *self)
{
  return self->window != NULL ? bk_window_get_document (self->window) : NULL;
}

static void
show_message (BkGoalSeekDialog *self,
              const char       *text,
              gboolean          is_error)
{
  gtk_label_set_text (self->message_label, text);
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "error");
}

static void
update_apply (BkGoalSeekDialog *self)
{
  gtk_widget_set_sensitive (self->apply_button, bk_goal_seek_dialog_can_apply (self));
  gtk_window_set_default_widget (GTK_WINDOW (self),
                                 gtk_widget_get_sensitive (self->apply_button) ? self->apply_button : NULL);
}

/* A field changed: the answer no longer answers it */
static void
forget_answer (BkGoalSeekDialog *self)
{
  self->value = NAN;
  show_message (self, "", FALSE);
  update_apply (self);
}

/* What the target is typed in */
static void
update_unit (BkGoalSeekDialog *self)
{
  const char *unit;

  switch (bk_goal_seek_dialog_get_metric (self))
    {
    case BK_METRIC_NPV:
      unit = _("US$ billion");
      break;
    case BK_METRIC_IRR:
    case BK_METRIC_ROI:
      /* Translators: the unit of an IRR or ROI target */
      unit = _("a fraction or a percentage");
      break;
    case BK_METRIC_PAYBACK:
    case BK_METRIC_DISCOUNTED_PAYBACK:
    case BK_N_METRICS:
    default:
      unit = _("years");
      break;
    }
  gtk_label_set_text (self->unit_label, unit);
}

static void
field_changed_cb (BkGoalSeekDialog *self)
{
  update_unit (self);
  forget_answer (self);
}

/* An amount in US$ billion as a money cell reads it (scales and currency),
 * but not a formula */
static gboolean
parse_money (const char *text,
             double     *value)
{
  BkInput input = { 0 };
  gboolean ok;

  if (!bk_input_parse (text, BK_TABLE_CAPEX, NULL, &input, NULL))
    return FALSE;
  ok = input.kind == BK_INPUT_NUMBER;
  *value = input.value;
  bk_input_clear (&input);
  return ok;
}

gboolean
bk_goal_seek_dialog_find (BkGoalSeekDialog *self)
{
  BkDocument *document;
  g_autoptr(BkEngineInputs) inputs = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  const char *target_text;
  BkAssumption driver;
  double target, value = NAN;

  g_return_val_if_fail (BK_IS_GOAL_SEEK_DIALOG (self), FALSE);

  forget_answer (self);
  document = dialog_document (self);
  if (document == NULL)
    return FALSE;

  target_text = gtk_editable_get_text (GTK_EDITABLE (self->target_row));
  if (bk_goal_seek_dialog_get_metric (self) == BK_METRIC_NPV)
    {
      /* Money as a cell takes it: 50, $50B, 0.05T (or 500亿), in US$ billion */
      if (!parse_money (target_text, &target))
        {
          g_autofree char *message = NULL;

          /* Translators: the NPV target typed in Goal Seek is not an
           * amount; in Chinese, say 500亿 works too */
          message = g_strdup_printf (_("“%s” is not a number; type US$ billion like 0, 50 or 1.2T"),
                                     target_text);
          show_message (self, message, TRUE);
          return FALSE;
        }
    }
  else if (!bk_input_parse_plain_number (target_text, NULL, &target))
    {
      g_autofree char *message = NULL;

      /* Translators: the target typed in Goal Seek is not a number */
      message = g_strdup_printf (_("“%s” is not a number; type a number like 0, 0.25 or 25%%"), target_text);
      show_message (self, message, TRUE);
      return FALSE;
    }

  driver = bk_goal_seek_dialog_get_driver (self);
  inputs = bk_engine_inputs_new (bk_document_get_workbook (document), self->scenario);
  if (!bk_goal_seek (inputs, bk_goal_seek_dialog_get_metric (self), bk_goal_seek_dialog_get_company (self),
                     target, driver, NAN, NAN, &value, &error))
    {
      show_message (self, error->message, TRUE);
      return FALSE;
    }

  self->value = value;
  bk_format_assumption_with_unit (text, driver, value);
  {
    /* Translators: Goal Seek's answer, "Price per million tokens: 3.442 US$" */
    g_autofree char *answer = g_strdup_printf (_("%s: %s"), bk_assumption_get_name (driver), text->str);

    show_message (self, answer, FALSE);
  }
  update_apply (self);
  return TRUE;
}

static void
apply_clicked_cb (BkGoalSeekDialog *self)
{
  BkDocument *document = dialog_document (self);
  g_autoptr(GError) error = NULL;

  if (!bk_goal_seek_dialog_can_apply (self))
    return;
  if (!bk_goal_seek_apply (document, self->scenario, bk_goal_seek_dialog_get_company (self),
                           bk_goal_seek_dialog_get_driver (self), self->value, &error))
    {
      show_message (self, error->message, TRUE);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

/* Enter in the target: Find, and once found, Apply */
static void
target_activated_cb (BkGoalSeekDialog *self)
{
  if (bk_goal_seek_dialog_can_apply (self))
    apply_clicked_cb (self);
  else
    bk_goal_seek_dialog_find (self);
}

static void
bk_goal_seek_dialog_dispose (GObject *object)
{
  BkGoalSeekDialog *self = BK_GOAL_SEEK_DIALOG (object);

  g_clear_weak_pointer (&self->window);

  G_OBJECT_CLASS (bk_goal_seek_dialog_parent_class)->dispose (object);
}

static void
bk_goal_seek_dialog_class_init (BkGoalSeekDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_goal_seek_dialog_dispose;

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static AdwComboRow *
add_combo_row (GtkWidget  *list,
               const char *title,
               GListModel *model)
{
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_combo_row_set_model (row, model);
  g_object_unref (model);
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (row));

  return row;
}

static void
bk_goal_seek_dialog_init (BkGoalSeekDialog *self)
{
  GtkStringList *metrics = gtk_string_list_new (NULL);
  GtkStringList *drivers = gtk_string_list_new (NULL);
  GtkWidget *box, *header, *cancel, *content, *description, *list, *answer;

  self->value = NAN;
  for (guint a = 0; a < BK_N_ASSUMPTIONS; a++)
    if (bk_driver_check ((BkAssumption) a, NULL))
      {
        self->drivers[self->n_drivers++] = (BkAssumption) a;
        gtk_string_list_append (drivers, bk_assumption_get_name ((BkAssumption) a));
      }
  for (guint m = 0; m < BK_N_METRICS; m++)
    gtk_string_list_append (metrics, bk_metric_get_title ((BkMetric) m));

  gtk_window_set_title (GTK_WINDOW (self), _("Goal Seek"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 520, -1);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  /* Header bar: Cancel, the title with the scenario, Apply */
  header = adw_header_bar_new ();
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  self->title = ADW_WINDOW_TITLE (adw_window_title_new (_("Goal Seek"), NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));

  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);

  self->apply_button = gtk_button_new_with_mnemonic (_("_Apply"));
  gtk_widget_add_css_class (self->apply_button, "suggested-action");
  gtk_widget_set_tooltip_text (self->apply_button, _("Store the value found in this scenario"));
  g_signal_connect_swapped (self->apply_button, "clicked", G_CALLBACK (apply_clicked_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->apply_button);
  gtk_box_append (GTK_BOX (box), header);

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (content, 18);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_widget_set_margin_start (content, 18);
  gtk_widget_set_margin_end (content, 18);

  description = gtk_label_new (_("Find the value of a driver, set for the company or for every company, "
                                 "at which a metric reaches a target."));
  gtk_label_set_wrap (GTK_LABEL (description), TRUE);
  gtk_label_set_xalign (GTK_LABEL (description), 0);
  gtk_widget_add_css_class (description, "dim-label");
  gtk_box_append (GTK_BOX (content), description);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  self->metric_row = add_combo_row (list, _("_Metric"), G_LIST_MODEL (metrics));
  self->company_row = add_combo_row (list, _("_For"), G_LIST_MODEL (gtk_string_list_new (NULL)));

  self->target_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->target_row), _("_Target"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->target_row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->target_row), "0");
  self->unit_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->unit_label), "dim-label");
  adw_entry_row_add_suffix (self->target_row, GTK_WIDGET (self->unit_label));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (self->target_row));

  self->driver_row = add_combo_row (list, _("_By changing"), G_LIST_MODEL (drivers));
  gtk_box_append (GTK_BOX (content), list);

  /* Find, and the answer beside it */
  answer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  self->find_button = gtk_button_new_with_mnemonic (_("F_ind"));
  gtk_widget_set_valign (self->find_button, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (self->find_button, _("Search the driver’s valid range (Enter)"));
  g_signal_connect_swapped (self->find_button, "clicked", G_CALLBACK (bk_goal_seek_dialog_find), self);
  gtk_box_append (GTK_BOX (answer), self->find_button);
  self->message_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->message_label, TRUE);
  gtk_label_set_wrap_mode (self->message_label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (self->message_label, 0);
  gtk_label_set_selectable (self->message_label, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->message_label), TRUE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->find_button),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->message_label, NULL,
                                  -1);
  gtk_box_append (GTK_BOX (answer), GTK_WIDGET (self->message_label));
  gtk_box_append (GTK_BOX (content), answer);

  gtk_box_append (GTK_BOX (box), content);
  adw_window_set_content (ADW_WINDOW (self), box);

  g_signal_connect_swapped (self->metric_row, "notify::selected", G_CALLBACK (field_changed_cb), self);
  g_signal_connect_swapped (self->company_row, "notify::selected", G_CALLBACK (field_changed_cb), self);
  g_signal_connect_swapped (self->driver_row, "notify::selected", G_CALLBACK (field_changed_cb), self);
  g_signal_connect_swapped (self->target_row, "changed", G_CALLBACK (field_changed_cb), self);
  g_signal_connect_swapped (self->target_row, "entry-activated", G_CALLBACK (target_activated_cb), self);

  bk_goal_seek_dialog_set_driver (self, BK_ASSUMPTION_PRICE_PER_MTOK);
  field_changed_cb (self);
}

BkGoalSeekDialog *
bk_goal_seek_dialog_new (BkWindow *window)
{
  BkGoalSeekDialog *self;
  BkWorkbook *wb;
  GtkStringList *companies;
  g_autofree char *subtitle = NULL;
  guint n;

  g_return_val_if_fail (BK_IS_WINDOW (window), NULL);
  g_return_val_if_fail (bk_window_get_document (window) != NULL, NULL);

  self = g_object_new (BK_TYPE_GOAL_SEEK_DIALOG, "transient-for", window, NULL);
  g_set_weak_pointer (&self->window, window);
  self->scenario = bk_window_get_scenario (window);

  wb = bk_document_get_workbook (bk_window_get_document (window));
  /* Translators: the Goal Seek dialog's subtitle, with the scenario's name */
  subtitle = g_strdup_printf (_("Scenario: %s"), self->scenario == BK_SCENARIO_BASE ? _("Base")
                                          : bk_workbook_get_scenario_name (wb, self->scenario));
  adw_window_title_set_subtitle (self->title, subtitle);

  companies = GTK_STRING_LIST (adw_combo_row_get_model (self->company_row));
  gtk_string_list_append (companies, _("Total"));
  n = bk_workbook_get_n_companies (wb);
  for (guint c = 0; c < n; c++)
    gtk_string_list_append (companies, bk_workbook_get_company_name (wb, c));
  adw_combo_row_set_selected (self->company_row, 0);

  forget_answer (self);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->target_row));
  return self;
}

void
bk_goal_seek_dialog_set_metric (BkGoalSeekDialog *self,
                                BkMetric          metric)
{
  g_return_if_fail (BK_IS_GOAL_SEEK_DIALOG (self));
  g_return_if_fail (metric < BK_N_METRICS);

  adw_combo_row_set_selected (self->metric_row, metric);
}

BkMetric
bk_goal_seek_dialog_get_metric (BkGoalSeekDialog *self)
{
  guint selected;

  g_return_val_if_fail (BK_IS_GOAL_SEEK_DIALOG (self), BK_METRIC_NPV);

  selected = adw_combo_row_get_selected (self->metric_row);
  return selected < BK_N_METRICS ? (BkMetric) selected : BK_METRIC_NPV;
}

void
bk_goal_seek_dialog_set_company (BkGoalSeekDialog *self,
                                 int               company)
{
  g_return_if_fail (BK_IS_GOAL_SEEK_DIALOG (self));
  g_return_if_fail (company >= -1);
  g_return_if_fail ((guint) (company + 1) < g_list_model_get_n_items (adw_combo_row_get_model (self->company_row)));

  adw_combo_row_set_selected (self->company_row, (guint) (company + 1));
}

int
bk_goal_seek_dialog_get_company (BkGoalSeekDialog *self)
{
  guint selected;

  g_return_val_if_fail (BK_IS_GOAL_SEEK_DIALOG (self), -1);

  selected = adw_combo_row_get_selected (self->company_row);
  return selected == GTK_INVALID_LIST_POSITION ? -1 : (int) selected - 1;
}

void
bk_goal_seek_dialog_set_driver (BkGoalSeekDialog *self,
                                BkAssumption      driver)
{
  g_return_if_fail (BK_IS_GOAL_SEEK_DIALOG (self));

  for (guint i = 0; i < self->n_drivers; i++)
    if (self->drivers[i] == driver)
      {
        adw_combo_row_set_selected (self->driver_row, i);
        return;
      }
  g_return_if_reached ();
}

BkAssumption
bk_goal_seek_dialog_get_driver (BkGoalSeekDialog *self)
{
  guint selected;

  g_return_val_if_fail (BK_IS_GOAL_SEEK_DIALOG (self), BK_ASSUMPTION_PRICE_PER_MTOK);

  selected = adw_combo_row_get_selected (self->driver_row);
  return selected < self->n_drivers ? self->drivers[selected] : self->drivers[0];
}

double
bk_goal_seek_dialog_get_value (BkGoalSeekDialog *self)
{
  g_return_val_if_fail (BK_IS_GOAL_SEEK_DIALOG (self), NAN);

  return self->value;
}

const char *
bk_goal_seek_dialog_get_message (BkGoalSeekDialog *self)
{
  g_return_val_if_fail (BK_IS_GOAL_SEEK_DIALOG (self), NULL);

  return gtk_label_get_text (self->message_label);
}

gboolean
bk_goal_seek_dialog_can_apply (BkGoalSeekDialog *self)
{
  BkDocument *document;

  g_return_val_if_fail (BK_IS_GOAL_SEEK_DIALOG (self), FALSE);

  document = dialog_document (self);
  return !isnan (self->value) && document != NULL && !bk_document_is_read_only (document);
}
