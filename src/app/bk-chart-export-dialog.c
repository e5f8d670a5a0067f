/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-chart-export-dialog.c — export a chart view's chart as PNG, SVG or PDF
 *
 * Format, size, scale (PNG only) and theme, then Export asks for a file
 * with a native file chooser and writes it through bk_chart_view_export():
 * a copy of the chart at that size and in that theme, written to a
 * temporary file renamed over the chosen one, so a failure leaves nothing
 * behind.  A failure is shown in the dialog, which stays open; a success
 * closes it, and the view's ::exported tells the window.
 *
 * The widgets hold the settings; the getters and setters read and write
 * them, so tests drive the same state a person does.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bk-chart-export-dialog.h"

struct _BkChartExportDialog
{
  AdwWindow             parent_instance;

  BkChartView          *view;     /* weak */

  AdwWindowTitle       *title;
  GtkWidget            *error_label;
  AdwComboRow          *format_row;
  GtkSpinButton        *width_spin;
  GtkSpinButton        *height_spin;
  AdwComboRow          *scale_row;
  AdwComboRow          *theme_row;
  GtkWidget            *export_button;

  GtkFileChooserNative *chooser;
  char                 *error;
};

G_DEFINE_FINAL_TYPE (BkChartExportDialog, bk_chart_export_dialog, ADW_TYPE_WINDOW)

static const struct {
  const char *extension;
  const char *mime_type;
} formats[] = {
  [BK_CHART_FORMAT_PNG] = { ".png", "image/png" },
  [BK_CHART_FORMAT_SVG] = { ".svg", "image/svg+xml" },
  [BK_CHART_FORMAT_PDF] = { ".pdf", "application/pdf" },
};

static const char *
format_name (BkChartFormat format)
{
  switch (format)
    {
    case BK_CHART_FORMAT_PNG:
      return _("PNG image");
    case BK_CHART_FORMAT_SVG:
      return _("SVG image");
    case BK_CHART_FORMAT_PDF:
      return _("PDF document");
    default:
      g_assert_not_reached ();
    }
}

static void
set_error (BkChartExportDialog *self,
           const char          *message)
{
  g_free (self->error);
  self->error = g_strdup (message);

  gtk_label_set_text (GTK_LABEL (self->error_label), message != NULL ? message : "");
  gtk_widget_set_visible (self->error_label, message != NULL);
}

/* The final size in the scale row's subtitle, and the scale only for PNG */
static void
update_scale_row (BkChartExportDialog *self)
{
  BkChartFormat format = bk_chart_export_dialog_get_format (self);
  int width, height, scale = bk_chart_export_dialog_get_scale (self);

  bk_chart_export_dialog_get_size (self, &width, &height);

  gtk_widget_set_sensitive (GTK_WIDGET (self->scale_row), format == BK_CHART_FORMAT_PNG);
  if (format == BK_CHART_FORMAT_PNG)
    {
      /* Translators: the size of the exported image, "2400 × 1400 pixels" */
      g_autofree char *size = g_strdup_printf (_("%d × %d pixels"), width * scale, height * scale);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->scale_row), size);
    }
  else
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->scale_row), _("PNG images only"));
    }
}

static void
settings_changed_cb (BkChartExportDialog *self)
{
  set_error (self, NULL);
  update_scale_row (self);
}

static void
update_from_view (BkChartExportDialog *self)
{
  BkChart *chart = self->view != NULL ? bk_chart_view_get_chart (self->view) : NULL;
  const char *title = chart != NULL ? bk_chart_get_title (chart) : NULL;

  adw_window_title_set_subtitle (self->title, title != NULL ? title : "");
  gtk_widget_set_sensitive (self->export_button, chart != NULL);
}

static void
chooser_response_cb (GtkNativeDialog     *chooser,
                     int                  response,
                     BkChartExportDialog *self)
{
  g_autoptr(GtkFileChooserNative) owned = g_steal_pointer (&self->chooser);
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  path = file != NULL ? g_file_get_path (file) : NULL;
  if (path == NULL)
    {
      set_error (self, _("Charts can only be exported to files on this computer"));
      return;
    }

  if (bk_chart_export_dialog_export_to (self, path, NULL))
    gtk_window_close (GTK_WINDOW (self));
}

static void
export_clicked_cb (BkChartExportDialog *self)
{
  BkChartFormat format = bk_chart_export_dialog_get_format (self);
  g_autofree char *name = NULL;
  g_autoptr(GtkFileFilter) filter = NULL;
  GtkFileChooserNative *chooser;

  if (self->chooser != NULL)
    return;

  set_error (self, NULL);

  chooser = gtk_file_chooser_native_new (_("Export Chart"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, format_name (format));
  gtk_file_filter_add_mime_type (filter, formats[format].mime_type);
  gtk_file_filter_add_suffix (filter, formats[format].extension + 1);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), filter);

  name = bk_chart_export_dialog_dup_suggested_name (self);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  self->chooser = chooser;
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Public API */

BkChartExportDialog *
bk_chart_export_dialog_new (BkChartView *view)
{
  BkChartExportDialog *self;
  GtkRoot *root;

  g_return_val_if_fail (BK_IS_CHART_VIEW (view), NULL);

  self = g_object_new (BK_TYPE_CHART_EXPORT_DIALOG, NULL);
  g_set_weak_pointer (&self->view, view);

  root = gtk_widget_get_root (GTK_WIDGET (view));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (self), GTK_WINDOW (root));

  update_from_view (self);

  return self;
}

BkChartView *
bk_chart_export_dialog_get_view (BkChartExportDialog *self)
{
  g_return_val_if_fail (BK_IS_CHART_EXPORT_DIALOG (self), NULL);

  return self->view;
}

BkChartFormat
bk_chart_export_dialog_get_format (BkChartExportDialog *self)
{
  g_return_val_if_fail (BK_IS_CHART_EXPORT_DIALOG (self), BK_CHART_FORMAT_PNG);

  return (BkChartFormat) adw_combo_row_get_selected (self->format_row);
}

void
bk_chart_export_dialog_set_format (BkChartExportDialog *self,
                                   BkChartFormat        format)
{
  g_return_if_fail (BK_IS_CHART_EXPORT_DIALOG (self));
  g_return_if_fail (format <= BK_CHART_FORMAT_PDF);

  adw_combo_row_set_selected (self->format_row, format);
}

void
bk_chart_export_dialog_get_size (BkChartExportDialog *self,
                                 int                 *width,
                                 int                 *height)
{
  g_return_if_fail (BK_IS_CHART_EXPORT_DIALOG (self));

  if (width != NULL)
    *width = gtk_spin_button_get_value_as_int (self->width_spin);
  if (height != NULL)
    *height = gtk_spin_button_get_value_as_int (self->height_spin);
}

void
bk_chart_export_dialog_set_size (BkChartExportDialog *self,
                                 int                  width,
                                 int                  height)
{
  g_return_if_fail (BK_IS_CHART_EXPORT_DIALOG (self));

  /* The spin buttons clamp to 1..BK_CHART_EXPORT_MAX_SIZE */
  gtk_spin_button_set_value (self->width_spin, width);
  gtk_spin_button_set_value (self->height_spin, height);
}

int
bk_chart_export_dialog_get_scale (BkChartExportDialog *self)
{
  g_return_val_if_fail (BK_IS_CHART_EXPORT_DIALOG (self), 1);

  return (int) adw_combo_row_get_selected (self->scale_row) + 1;
}

void
bk_chart_export_dialog_set_scale (BkChartExportDialog *self,
                                  int                  scale)
{
  g_return_if_fail (BK_IS_CHART_EXPORT_DIALOG (self));
  g_return_if_fail (scale >= 1 && scale <= BK_CHART_EXPORT_MAX_SCALE);

  adw_combo_row_set_selected (self->scale_row, scale - 1);
}

BkChartTheme
bk_chart_export_dialog_get_theme (BkChartExportDialog *self)
{
  g_return_val_if_fail (BK_IS_CHART_EXPORT_DIALOG (self), BK_CHART_THEME_LIGHT);

  return adw_combo_row_get_selected (self->theme_row) == 1
         ? BK_CHART_THEME_DARK : BK_CHART_THEME_LIGHT;
}

void
bk_chart_export_dialog_set_theme (BkChartExportDialog *self,
                                  BkChartTheme         theme)
{
  g_return_if_fail (BK_IS_CHART_EXPORT_DIALOG (self));

  adw_combo_row_set_selected (self->theme_row, theme == BK_CHART_THEME_DARK ? 1 : 0);
}

char *
bk_chart_export_dialog_dup_suggested_name (BkChartExportDialog *self)
{
  BkChart *chart;
  const char *title = NULL;
  g_autofree char *base = NULL;

  g_return_val_if_fail (BK_IS_CHART_EXPORT_DIALOG (self), NULL);

  chart = self->view != NULL ? bk_chart_view_get_chart (self->view) : NULL;
  if (chart != NULL)
    title = bk_chart_get_title (chart);
  if (title == NULL || *title == '\0')
    /* Translators: the file name of an exported chart without a title */
    title = _("Chart");

  /* Titles such as "Revenue / capacity" must not name folders */
  base = g_strstrip (g_strdelimit (g_strdup (title), "/\\:", '-'));
  if (*base == '.' || *base == '\0')
    {
      g_free (base);
      base = g_strdup (_("Chart"));
    }

  return g_strconcat (base, formats[bk_chart_export_dialog_get_format (self)].extension, NULL);
}

gboolean
bk_chart_export_dialog_export_to (BkChartExportDialog  *self,
                                  const char           *path,
                                  GError              **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *message = NULL;
  int width, height;

  g_return_val_if_fail (BK_IS_CHART_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bk_chart_export_dialog_get_size (self, &width, &height);

  if (self->view == NULL)
    g_set_error_literal (&local_error, G_IO_ERROR, G_IO_ERROR_CLOSED,
                         _("The chart is no longer open"));
  else if (bk_chart_view_export (self->view, path,
                                 bk_chart_export_dialog_get_format (self),
                                 width, height,
                                 bk_chart_export_dialog_get_scale (self),
                                 bk_chart_export_dialog_get_theme (self),
                                 &local_error))
    {
      set_error (self, NULL);
      return TRUE;
    }

  /* Translators: %s says why, e.g. "Permission denied" */
  message = g_strdup_printf (_("Could not export the chart: %s"), local_error->message);
  set_error (self, message);
  g_propagate_error (error, g_steal_pointer (&local_error));

  return FALSE;
}

const char *
bk_chart_export_dialog_get_error (BkChartExportDialog *self)
{
  g_return_val_if_fail (BK_IS_CHART_EXPORT_DIALOG (self), NULL);

  return self->error;
}

/* GObject */

static void
bk_chart_export_dialog_dispose (GObject *object)
{
  BkChartExportDialog *self = BK_CHART_EXPORT_DIALOG (object);

  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  g_clear_weak_pointer (&self->view);

  G_OBJECT_CLASS (bk_chart_export_dialog_parent_class)->dispose (object);
}

static void
bk_chart_export_dialog_finalize (GObject *object)
{
  BkChartExportDialog *self = BK_CHART_EXPORT_DIALOG (object);

  g_free (self->error);

  G_OBJECT_CLASS (bk_chart_export_dialog_parent_class)->finalize (object);
}

static void
bk_chart_export_dialog_class_init (BkChartExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_chart_export_dialog_dispose;
  object_class->finalize = bk_chart_export_dialog_finalize;

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static AdwComboRow *
add_combo_row (AdwPreferencesGroup *group,
               const char          *title,
               const char * const  *items)
{
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
  g_autoptr(GtkStringList) model = gtk_string_list_new (items);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (row, G_LIST_MODEL (model));
  adw_preferences_group_add (group, GTK_WIDGET (row));

  return row;
}

static GtkSpinButton *
add_spin_row (AdwPreferencesGroup *group,
              const char          *title,
              int                  value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (1, BK_CHART_EXPORT_MAX_SIZE, 10);

  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 0);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  adw_preferences_group_add (group, row);

  return GTK_SPIN_BUTTON (spin);
}

static void
bk_chart_export_dialog_init (BkChartExportDialog *self)
{
  const char *format_items[] = {
    format_name (BK_CHART_FORMAT_PNG),
    format_name (BK_CHART_FORMAT_SVG),
    format_name (BK_CHART_FORMAT_PDF),
    NULL
  };
  const char *scale_items[] = { "1×", "2×", "3×", NULL };
  const char *theme_items[] = { _("Light"), _("Dark"), NULL };
  GtkWidget *box, *header, *cancel, *page, *group;

  G_STATIC_ASSERT (BK_CHART_EXPORT_MAX_SCALE == G_N_ELEMENTS (scale_items) - 1);

  gtk_window_set_title (GTK_WINDOW (self), _("Export Chart"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 440, -1);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  /* Header bar: Cancel, the title (with the chart's), Export */
  header = adw_header_bar_new ();
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  self->title = ADW_WINDOW_TITLE (adw_window_title_new (_("Export Chart"), NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));

  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);

  self->export_button = gtk_button_new_with_mnemonic (_("_Export…"));
  gtk_widget_add_css_class (self->export_button, "suggested-action");
  g_signal_connect_swapped (self->export_button, "clicked", G_CALLBACK (export_clicked_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->export_button);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->export_button);
  gtk_box_append (GTK_BOX (box), header);

  /* Why the last export failed */
  self->error_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->error_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->error_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (self->error_label), 0);
  gtk_label_set_selectable (GTK_LABEL (self->error_label), TRUE);
  gtk_widget_add_css_class (self->error_label, "error");
  /* Lined up with the rows below */
  gtk_widget_set_margin_top (self->error_label, 12);
  gtk_widget_set_margin_start (self->error_label, 18);
  gtk_widget_set_margin_end (self->error_label, 18);
  gtk_widget_set_visible (self->error_label, FALSE);
  gtk_box_append (GTK_BOX (box), self->error_label);

  page = adw_preferences_page_new ();
  gtk_widget_set_vexpand (page, TRUE);
  group = adw_preferences_group_new ();
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Sizes are in pixels; in PDF, in points."));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  gtk_box_append (GTK_BOX (box), page);

  self->format_row = add_combo_row (ADW_PREFERENCES_GROUP (group), _("Format"), format_items);
  self->width_spin = add_spin_row (ADW_PREFERENCES_GROUP (group), _("Width"),
                                   BK_CHART_EXPORT_DEFAULT_WIDTH);
  self->height_spin = add_spin_row (ADW_PREFERENCES_GROUP (group), _("Height"),
                                    BK_CHART_EXPORT_DEFAULT_HEIGHT);
  self->scale_row = add_combo_row (ADW_PREFERENCES_GROUP (group), _("Scale"), scale_items);
  self->theme_row = add_combo_row (ADW_PREFERENCES_GROUP (group), _("Theme"), theme_items);

  g_signal_connect_swapped (self->format_row, "notify::selected",
                            G_CALLBACK (settings_changed_cb), self);
  g_signal_connect_swapped (self->scale_row, "notify::selected",
                            G_CALLBACK (settings_changed_cb), self);
  g_signal_connect_swapped (self->theme_row, "notify::selected",
                            G_CALLBACK (settings_changed_cb), self);
  g_signal_connect_swapped (self->width_spin, "value-changed",
                            G_CALLBACK (settings_changed_cb), self);
  g_signal_connect_swapped (self->height_spin, "value-changed",
                            G_CALLBACK (settings_changed_cb), self);

  adw_window_set_content (ADW_WINDOW (self), box);
  update_scale_row (self);
}
