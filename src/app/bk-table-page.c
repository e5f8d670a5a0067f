/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-table-page.c — formula bar, sheet and chart of one table
 *
 * The formula bar follows the sheet's cursor: the cell's address, its raw
 * input or formula (editable: Enter commits through the same model call as
 * an in-place edit), and its note.  A refused edit's reason is shown over
 * the foot of the sheet (an overlay: the cells do not move) as well as next
 * to the cell, and goes when it no longer applies: Escape, another cell, a
 * later edit or paste that worked, another scenario. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bk-pane-memory.h"
#include "bk-table-page.h"

struct _BkTablePage
{
  GtkWidget     parent_instance;

  BkTableModel *model;
  gulong        cells_changed_id;
  gulong        reset_id;

  GtkWidget    *box;
  GtkWidget    *address;
  GtkWidget    *entry;
  GtkWidget    *note;
  GtkWidget    *unit;
  GtkWidget    *warning;        /* the table's warning, in the bar */
  GtkWidget    *warning_label;
  GtkWidget    *error_revealer;
  GtkWidget    *error_label;
  GtkWidget    *paned;
  GtkWidget    *scroller;
  BkSheetView  *sheet;

  GString      *scratch;
  guint         updating : 1;
};

G_DEFINE_FINAL_TYPE (BkTablePage, bk_table_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MODEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_error (BkTablePage *self)
{
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->error_revealer), FALSE);
  gtk_label_set_text (GTK_LABEL (self->error_label), "");
  gtk_widget_remove_css_class (self->entry, "error");
}

/* The model's warning about the whole table (shares past 100 %): its first
 * line in the formula bar, every line in the tooltip */
static void
update_warning (BkTablePage *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *shown = NULL;
  guint n_lines = 1;
  char *newline;

  if (self->model != NULL)
    bk_table_model_get_warning (self->model, text);
  gtk_widget_set_visible (self->warning, text->len > 0);
  /* The warning goes first: the note makes room (its tooltip keeps it all) */
  gtk_label_set_max_width_chars (GTK_LABEL (self->note), text->len > 0 ? 20 : 40);
  if (text->len == 0)
    {
      gtk_label_set_text (GTK_LABEL (self->warning_label), "");
      gtk_widget_set_tooltip_text (self->warning, NULL);
      return;
    }

  for (const char *p = text->str; (p = strchr (p, '\n')) != NULL; p++)
    n_lines++;
  newline = strchr (text->str, '\n');
  if (newline == NULL)
    shown = g_strdup (text->str);
  else
    /* Translators: the first of several warnings, then how many more */
    shown = g_strdup_printf (_("%.*s (and %u more)"), (int) (newline - text->str), text->str, n_lines - 1);
  gtk_label_set_text (GTK_LABEL (self->warning_label), shown);
  gtk_widget_set_tooltip_text (self->warning, text->str);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->warning),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text->str, -1);
}

static void
update_formula_bar (BkTablePage *self)
{
  int row = bk_sheet_view_get_cursor_row (self->sheet);
  int column = bk_sheet_view_get_cursor_column (self->sheet);
  g_autofree char *address = NULL;
  g_autofree char *text = NULL;
  gboolean editable;

  if (self->model == NULL || row < 0 || column < 0)
    {
      gtk_label_set_text (GTK_LABEL (self->address), "");
      self->updating = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
      self->updating = FALSE;
      gtk_label_set_text (GTK_LABEL (self->note), "");
      gtk_widget_set_sensitive (self->entry, FALSE);
      return;
    }

  g_string_truncate (self->scratch, 0);
  bk_table_model_get_row_header (self->model, (guint) row, self->scratch);
  address = g_strdup (self->scratch->str);
  g_string_truncate (self->scratch, 0);
  bk_table_model_get_column_header (self->model, (guint) column, self->scratch);
  {
    /* Translators: a cell's address in the formula bar: row · column */
    g_autofree char *full = g_strdup_printf (_("%s · %s"), address, self->scratch->str);

    gtk_label_set_text (GTK_LABEL (self->address), full);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, full, -1);
  }

  text = bk_table_model_dup_edit_text (self->model, (guint) row, (guint) column);
  editable = (bk_table_model_get_cell (self->model, (guint) row, (guint) column, NULL) & BK_TABLE_CELL_READ_ONLY) == 0;
  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
  self->updating = FALSE;
  gtk_editable_set_editable (GTK_EDITABLE (self->entry), editable);
  gtk_widget_set_sensitive (self->entry, TRUE);

  g_string_truncate (self->scratch, 0);
  bk_table_model_get_tooltip (self->model, (guint) row, (guint) column, self->scratch);
  /* One line in the bar; the whole text as its tooltip */
  {
    char *newline = strchr (self->scratch->str, '\n');
    g_autofree char *first = newline ? g_strndup (self->scratch->str, (gsize) (newline - self->scratch->str))
                                     : g_strdup (self->scratch->str);

    gtk_label_set_text (GTK_LABEL (self->note), first);
    gtk_widget_set_tooltip_text (self->note, self->scratch->len > 0 ? self->scratch->str : NULL);
  }
}

static void
cursor_moved_cb (BkSheetView *sheet,
                 int          row,
                 int          column,
                 BkTablePage *self)
{
  clear_error (self);
  update_formula_bar (self);
}

static void
cells_changed_cb (BkTableModel *model,
                  guint         row,
                  guint         column,
                  guint         n_rows,
                  guint         n_columns,
                  BkTablePage  *self)
{
  int r = bk_sheet_view_get_cursor_row (self->sheet);
  int c = bk_sheet_view_get_cursor_column (self->sheet);

  /* An edit went through (here or anywhere): an earlier refusal is moot,
   * unless the sheet's editor still holds the refused text */
  if (!bk_sheet_view_get_editing (self->sheet))
    clear_error (self);
  update_warning (self);

  if (r >= (int) row && r < (int) (row + n_rows) && c >= (int) column && c < (int) (column + n_columns) &&
      !gtk_widget_has_focus (self->entry))
    update_formula_bar (self);
}

static void
model_reset_cb (BkTableModel *model,
                BkTablePage  *self)
{
  /* Another scenario or shape */
  if (!bk_sheet_view_get_editing (self->sheet))
    clear_error (self);
  update_warning (self);
  update_formula_bar (self);
}

static void
sheet_error_cleared_cb (BkSheetView *sheet,
                        BkTablePage *self)
{
  clear_error (self);
}

static void
sheet_error_cb (BkSheetView *sheet,
                const char  *message,
                BkTablePage *self)
{
  bk_table_page_show_error (self, message);
}

static void
entry_activate_cb (GtkEntry    *entry,
                   BkTablePage *self)
{
  int row = bk_sheet_view_get_cursor_row (self->sheet);
  int column = bk_sheet_view_get_cursor_column (self->sheet);
  const char *texts[1];
  g_autoptr(GError) error = NULL;

  if (self->model == NULL || row < 0 || column < 0)
    return;

  texts[0] = gtk_editable_get_text (GTK_EDITABLE (entry));
  if (!bk_table_model_set_range (self->model, (guint) row, (guint) column, 1, 1, texts, &error))
    {
      bk_table_page_show_error (self, error->message);
      return;
    }

  clear_error (self);
  /* Like Enter in the cell: move down, back in the sheet */
  bk_sheet_view_set_cursor (self->sheet, row + 1, column);
  gtk_widget_grab_focus (GTK_WIDGET (self->sheet));
}

static gboolean
entry_key_pressed_cb (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      BkTablePage           *self)
{
  if (keyval == GDK_KEY_Escape)
    {
      clear_error (self);
      update_formula_bar (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->sheet));
      return GDK_EVENT_STOP;
    }
  return GDK_EVENT_PROPAGATE;
}

static void
bk_table_page_dispose (GObject *object)
{
  BkTablePage *self = BK_TABLE_PAGE (object);

  bk_table_page_set_model (self, NULL);
  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (bk_table_page_parent_class)->dispose (object);
}

static void
bk_table_page_finalize (GObject *object)
{
  BkTablePage *self = BK_TABLE_PAGE (object);

  g_string_free (self->scratch, TRUE);

  G_OBJECT_CLASS (bk_table_page_parent_class)->finalize (object);
}

static void
bk_table_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  BkTablePage *self = BK_TABLE_PAGE (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_table_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  BkTablePage *self = BK_TABLE_PAGE (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      bk_table_page_set_model (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
bk_table_page_grab_focus (GtkWidget *widget)
{
  BkTablePage *self = BK_TABLE_PAGE (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->sheet));
}

static void
bk_table_page_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  gtk_widget_measure (BK_TABLE_PAGE (widget)->box, orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

/* The dividers fit the sheets before the paneds are allocated */
static void
bk_table_page_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  BkTablePage *self = BK_TABLE_PAGE (widget);

  /* The paned spans the page's width */
  bk_pane_memory_fit (GTK_PANED (self->paned), width, -1);
  gtk_widget_allocate (self->box, width, height, baseline, NULL);
}

static void
bk_table_page_class_init (BkTablePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_table_page_dispose;
  object_class->finalize = bk_table_page_finalize;
  object_class->get_property = bk_table_page_get_property;
  object_class->set_property = bk_table_page_set_property;
  widget_class->grab_focus = bk_table_page_grab_focus;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, BK_TYPE_TABLE_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  widget_class->measure = bk_table_page_measure;
  widget_class->size_allocate = bk_table_page_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "tablepage");
}

static void
bk_table_page_init (BkTablePage *self)
{
  GtkWidget *bar, *overlay;
  GtkEventController *keys;

  self->scratch = g_string_new (NULL);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  /* Formula bar */
  bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_widget_add_css_class (bar, "bk-formula-bar");
  gtk_box_append (GTK_BOX (self->box), bar);

  self->address = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->address), 0);
  gtk_label_set_width_chars (GTK_LABEL (self->address), 22);
  gtk_label_set_max_width_chars (GTK_LABEL (self->address), 30);
  /* Long names wrap onto a second line rather than lose their end */
  gtk_label_set_wrap (GTK_LABEL (self->address), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->address), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (self->address), 2);
  gtk_label_set_ellipsize (GTK_LABEL (self->address), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (self->address, "bk-address");
  gtk_box_append (GTK_BOX (bar), self->address);

  self->entry = gtk_entry_new ();
  gtk_widget_set_hexpand (self->entry, TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry), _("Value or formula, e.g. 120 or =prev*1.3"));
  gtk_widget_set_tooltip_text (self->entry, _("The cell's value or formula: edit it and press Enter"));
  g_signal_connect (self->entry, "activate", G_CALLBACK (entry_activate_cb), self);
  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (entry_key_pressed_cb), self);
  gtk_widget_add_controller (self->entry, keys);
  gtk_box_append (GTK_BOX (bar), self->entry);

  self->note = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->note), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->note), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (self->note), 2);
  gtk_label_set_ellipsize (GTK_LABEL (self->note), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (self->note), 40);
  gtk_label_set_xalign (GTK_LABEL (self->note), 0);
  gtk_widget_add_css_class (self->note, "dim-label");
  gtk_box_append (GTK_BOX (bar), self->note);

  self->warning = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  gtk_widget_add_css_class (self->warning, "warning");
  gtk_widget_add_css_class (self->warning, "bk-table-warning");
  gtk_box_append (GTK_BOX (self->warning), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
  self->warning_label = gtk_label_new (NULL);
  gtk_label_set_ellipsize (GTK_LABEL (self->warning_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (self->warning_label), 60);
  gtk_label_set_xalign (GTK_LABEL (self->warning_label), 0);
  gtk_box_append (GTK_BOX (self->warning), self->warning_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->warning),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Warning"), -1);
  gtk_widget_set_visible (self->warning, FALSE);
  gtk_box_append (GTK_BOX (bar), self->warning);

  self->unit = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->unit, "dim-label");
  gtk_widget_add_css_class (self->unit, "caption");
  gtk_box_append (GTK_BOX (bar), self->unit);

  /* The refusal's message floats over the foot of the sheet, so showing
   * it never moves the cells under the pointer */
  self->error_revealer = gtk_revealer_new ();
  gtk_revealer_set_transition_type (GTK_REVEALER (self->error_revealer),
                                    GTK_REVEALER_TRANSITION_TYPE_SLIDE_UP);
  gtk_widget_set_valign (self->error_revealer, GTK_ALIGN_END);
  gtk_widget_set_can_target (self->error_revealer, FALSE);
  self->error_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->error_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->error_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->error_label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (self->error_label, "bk-formula-error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->error_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Error"), -1);
  gtk_revealer_set_child (GTK_REVEALER (self->error_revealer), self->error_label);

  /* Sheet and side */
  /* The sheet gets the room its columns ask for, the chart the rest, until
   * the person moves the handle */
  self->paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  gtk_widget_set_vexpand (self->paned, TRUE);
  gtk_paned_set_wide_handle (GTK_PANED (self->paned), TRUE);
  gtk_paned_set_shrink_start_child (GTK_PANED (self->paned), FALSE);
  gtk_paned_set_shrink_end_child (GTK_PANED (self->paned), FALSE);
  gtk_paned_set_resize_start_child (GTK_PANED (self->paned), FALSE);
  gtk_paned_set_resize_end_child (GTK_PANED (self->paned), TRUE);
  gtk_box_append (GTK_BOX (self->box), self->paned);

  self->sheet = BK_SHEET_VIEW (bk_sheet_view_new (NULL));
  g_signal_connect (self->sheet, "cursor-moved", G_CALLBACK (cursor_moved_cb), self);
  g_signal_connect (self->sheet, "error", G_CALLBACK (sheet_error_cb), self);
  g_signal_connect (self->sheet, "error-cleared", G_CALLBACK (sheet_error_cleared_cb), self);
  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (self->scroller), TRUE);
  gtk_widget_set_size_request (self->scroller, 240, -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), GTK_WIDGET (self->sheet));
  overlay = gtk_overlay_new ();
  gtk_overlay_set_child (GTK_OVERLAY (overlay), self->scroller);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), self->error_revealer);
  gtk_paned_set_start_child (GTK_PANED (self->paned), overlay);
}

GtkWidget *
bk_table_page_new (void)
{
  return g_object_new (BK_TYPE_TABLE_PAGE, NULL);
}

BkSheetView *
bk_table_page_get_sheet (BkTablePage *self)
{
  g_return_val_if_fail (BK_IS_TABLE_PAGE (self), NULL);

  return self->sheet;
}

BkTableModel *
bk_table_page_get_model (BkTablePage *self)
{
  g_return_val_if_fail (BK_IS_TABLE_PAGE (self), NULL);

  return self->model;
}

void
bk_table_page_set_model (BkTablePage  *self,
                         BkTableModel *model)
{
  g_return_if_fail (BK_IS_TABLE_PAGE (self));
  g_return_if_fail (model == NULL || BK_IS_TABLE_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    {
      g_clear_signal_handler (&self->cells_changed_id, self->model);
      g_clear_signal_handler (&self->reset_id, self->model);
    }
  g_set_object (&self->model, model);
  if (model != NULL)
    {
      self->cells_changed_id = g_signal_connect (model, "cells-changed", G_CALLBACK (cells_changed_cb), self);
      self->reset_id = g_signal_connect_after (model, "reset", G_CALLBACK (model_reset_cb), self);
    }

  if (self->sheet != NULL)
    bk_sheet_view_set_model (self->sheet, model);
  clear_error (self);
  update_warning (self);
  update_formula_bar (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

void
bk_table_page_set_unit (BkTablePage *self,
                        const char  *unit)
{
  g_return_if_fail (BK_IS_TABLE_PAGE (self));

  gtk_label_set_text (GTK_LABEL (self->unit), unit ? unit : "");
}

void
bk_table_page_set_placeholder (BkTablePage *self,
                               const char  *text)
{
  g_return_if_fail (BK_IS_TABLE_PAGE (self));

  gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry), text);
}

void
bk_table_page_set_side (BkTablePage *self,
                        GtkWidget   *side)
{
  g_return_if_fail (BK_IS_TABLE_PAGE (self));

  gtk_paned_set_end_child (GTK_PANED (self->paned), side);
}

GtkPaned *
bk_table_page_get_paned (BkTablePage *self)
{
  g_return_val_if_fail (BK_IS_TABLE_PAGE (self), NULL);

  return GTK_PANED (self->paned);
}

void
bk_table_page_show_error (BkTablePage *self,
                          const char  *message)
{
  g_return_if_fail (BK_IS_TABLE_PAGE (self));

  if (message == NULL || *message == '\0')
    {
      clear_error (self);
      return;
    }
  gtk_label_set_text (GTK_LABEL (self->error_label), message);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->error_revealer), TRUE);
  gtk_widget_add_css_class (self->entry, "error");
}

const char *
bk_table_page_get_error (BkTablePage *self)
{
  g_return_val_if_fail (BK_IS_TABLE_PAGE (self), NULL);

  return gtk_revealer_get_reveal_child (GTK_REVEALER (self->error_revealer))
         ? gtk_label_get_text (GTK_LABEL (self->error_label)) : NULL;
}

const char *
bk_table_page_get_address (BkTablePage *self)
{
  g_return_val_if_fail (BK_IS_TABLE_PAGE (self), NULL);

  return gtk_label_get_text (GTK_LABEL (self->address));
}

GtkEditable *
bk_table_page_get_formula_entry (BkTablePage *self)
{
  g_return_val_if_fail (BK_IS_TABLE_PAGE (self), NULL);

  return GTK_EDITABLE (self->entry);
}

const char *
bk_table_page_get_note (BkTablePage *self)
{
  g_return_val_if_fail (BK_IS_TABLE_PAGE (self), NULL);

  return gtk_label_get_text (GTK_LABEL (self->note));
}

const char *
bk_table_page_get_warning (BkTablePage *self)
{
  g_return_val_if_fail (BK_IS_TABLE_PAGE (self), NULL);

  return gtk_widget_get_visible (self->warning) ? gtk_label_get_text (GTK_LABEL (self->warning_label)) : NULL;
}
