/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-sheet-editor.c — the grid's in-place editor and its error popover (Gnumeric's item-edit)
 *
 * One shared GtkText is placed over the active cell while editing: F2 and
 * double-click edit the cell's edit text, typing replaces it (and then
 * Up/Down commit and move, as Enter and Tab do).  It grows to the right
 * with its text, up to the view's edge.  Committing hands the text to
 * bk_table_model_set_range(); when the model refuses it, the editor stays
 * open and a popover under the cell says why.  Focus leaving the view
 * commits, as clicking elsewhere does in spreadsheets.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bk-sheet-view-private.h"

/* ------------------------------------------------------------------------ */
/* The error popover                                                         */

void
bk_sheet_editor_show_error (BkSheetView *self,
                            int          row,
                            int          column,
                            const char  *message)
{
  self->error_row = row;
  self->error_column = column;
  self->error_shown = TRUE;
  gtk_label_set_text (GTK_LABEL (self->error_label), message);
  gtk_widget_error_bell (GTK_WIDGET (self));
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      gtk_popover_popup (GTK_POPOVER (self->error_popover));
      gtk_widget_queue_allocate (GTK_WIDGET (self));
    }

  bk_sheet_view_emit_error (self, message);
}

/* The error no longer applies (Escape, an edit or paste that worked, the
 * cursor moved, the text changed): the popover goes, and whoever shows the
 * message elsewhere (the formula bar) hears ::error-cleared. */
void
bk_sheet_editor_hide_error (BkSheetView *self)
{
  if (bk_sheet_editor_error_is_visible (self))
    gtk_popover_popdown (GTK_POPOVER (self->error_popover));
  if (self->error_shown)
    {
      self->error_shown = FALSE;
      bk_sheet_view_emit_error_cleared (self);
    }
}

gboolean
bk_sheet_editor_error_is_visible (BkSheetView *self)
{
  return self->error_popover != NULL && gtk_widget_get_visible (self->error_popover);
}

/* Points the popover at the cell it is about, or into the visible cells
 * when that cell has scrolled away. */
static void
place_error (BkSheetView *self,
             int          width,
             int          height)
{
  GdkRectangle rect;

  if (self->editing)
    rect = self->editor_area;
  else if (self->error_row >= 0 && self->error_row < (int) self->n_rows &&
           self->error_column >= 0 && self->error_column < (int) self->n_columns)
    bk_sheet_view_cell_rect (self, self->error_row, self->error_column, &rect);
  else
    rect = (GdkRectangle) { self->row_header_width, self->header_height, 1, 1 };

  if (rect.x < self->row_header_width || rect.y < self->header_height ||
      rect.x >= width || rect.y >= height)
    {
      bk_sheet_view_clamp_point_to_view (self, &rect, width, height);
      rect.width = rect.height = 1;
    }
  gtk_popover_set_pointing_to (GTK_POPOVER (self->error_popover), &rect);
  gtk_popover_present (GTK_POPOVER (self->error_popover));
}

/* ------------------------------------------------------------------------ */
/* The editor                                                                */

void
bk_sheet_editor_stop (BkSheetView *self)
{
  gboolean had_focus;

  if (!self->editing)
    return;

  g_clear_handle_id (&self->commit_idle_id, g_source_remove);

  had_focus = gtk_widget_has_focus (self->editor);
  self->editing = FALSE;
  self->preedit = FALSE;

  /* Take the focus back before hiding the editor so it stays in the view. */
  if (had_focus)
    gtk_widget_grab_focus (GTK_WIDGET (self));
  gtk_widget_set_visible (self->editor, FALSE);
  bk_sheet_editor_hide_error (self);

  bk_sheet_view_update_block_actions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  bk_sheet_view_notify_editing (self);
}

static void
place_editor (BkSheetView *self,
              int          width)
{
  GdkRectangle cell;
  int min_w, nat_w, min_h, nat_h, text_w, x_end;
  const char *text;

  bk_sheet_view_cell_rect (self, self->edit_row, self->edit_column, &cell);

  /* Grow to the right with the text, up to the view's edge. */
  text = gtk_editable_get_text (GTK_EDITABLE (self->editor));
  text_w = bk_sheet_view_measure_text (self, 0, text, -1) + 2 * self->digit_width;
  x_end = MAX (cell.x + cell.width, MIN (width, cell.x + text_w + 2 * CELL_PAD_X));

  self->editor_area.x = cell.x;
  self->editor_area.y = cell.y;
  self->editor_area.width = x_end - cell.x - 1;
  self->editor_area.height = cell.height - 1;

  gtk_widget_measure (self->editor, GTK_ORIENTATION_HORIZONTAL, -1,
                      &min_w, &nat_w, NULL, NULL);
  gtk_widget_measure (self->editor, GTK_ORIENTATION_VERTICAL, -1,
                      &min_h, &nat_h, NULL, NULL);

  gtk_widget_size_allocate (self->editor,
                            &(GtkAllocation) {
                              cell.x + CELL_PAD_X,
                              cell.y + (cell.height - nat_h) / 2,
                              MAX (min_w, self->editor_area.width - 2 * CELL_PAD_X),
                              nat_h,
                            }, -1);
}

void
bk_sheet_editor_allocate (BkSheetView *self,
                          int          width,
                          int          height)
{
  if (self->editing)
    place_editor (self, width);

  if (bk_sheet_editor_error_is_visible (self))
    place_error (self, width, height);
}

static void
editor_changed_cb (BkSheetView *self)
{
  if (!self->editing)
    return;

  bk_sheet_editor_hide_error (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
editor_preedit_changed_cb (BkSheetView *self,
                           const char  *preedit)
{
  self->preedit = preedit != NULL && preedit[0] != '\0';
}

static gboolean
commit_after_focus_left_cb (gpointer user_data)
{
  BkSheetView *self = user_data;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  self->commit_idle_id = 0;

  /* Focus moved to another widget (not a window switch, not the view):
   * clicking elsewhere commits, as in spreadsheets. */
  if (self->editing && focus != NULL &&
      focus != GTK_WIDGET (self) && !gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    bk_sheet_view_commit_edit (self);

  return G_SOURCE_REMOVE;
}

void
bk_sheet_editor_commit_later (BkSheetView *self)
{
  if (self->editing && self->commit_idle_id == 0)
    self->commit_idle_id = g_idle_add (commit_after_focus_left_cb, self);
}

void
bk_sheet_editor_init (BkSheetView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  /* The one editor, shown over the active cell while editing */
  self->editor = gtk_text_new ();
  gtk_widget_set_visible (self->editor, FALSE);
  gtk_widget_set_parent (self->editor, widget);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->editor),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Cell editor"),
                                  -1);
  g_signal_connect_swapped (self->editor, "changed", G_CALLBACK (editor_changed_cb), self);
  g_signal_connect_swapped (self->editor, "preedit-changed",
                            G_CALLBACK (editor_preedit_changed_cb), self);

  /* Where a refused value's message is shown */
  self->error_popover = gtk_popover_new ();
  gtk_popover_set_autohide (GTK_POPOVER (self->error_popover), FALSE);
  gtk_popover_set_position (GTK_POPOVER (self->error_popover), GTK_POS_BOTTOM);
  gtk_widget_set_can_target (self->error_popover, FALSE);
  gtk_widget_set_focusable (self->error_popover, FALSE);
  self->error_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->error_label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->error_label), 48);
  gtk_widget_add_css_class (self->error_label, "error");
  gtk_popover_set_child (GTK_POPOVER (self->error_popover), self->error_label);
  gtk_widget_set_parent (self->error_popover, widget);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->error_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Error"),
                                  -1);
}

void
bk_sheet_editor_dispose (BkSheetView *self)
{
  g_clear_handle_id (&self->commit_idle_id, g_source_remove);
  g_clear_pointer (&self->editor, gtk_widget_unparent);
  g_clear_pointer (&self->error_popover, gtk_widget_unparent);
}

/* ------------------------------------------------------------------------ */
/* Public API (bk-sheet-view.h)                                              */

gboolean
bk_sheet_view_get_editing (BkSheetView *self)
{
  g_return_val_if_fail (BK_IS_SHEET_VIEW (self), FALSE);

  return self->editing;
}

gboolean
bk_sheet_view_start_editing (BkSheetView *self,
                             const char  *initial_text)
{
  g_autofree char *text = NULL;
  int row, column;

  g_return_val_if_fail (BK_IS_SHEET_VIEW (self), FALSE);

  if (self->editing)
    {
      if (initial_text != NULL)
        {
          gtk_editable_set_text (GTK_EDITABLE (self->editor), initial_text);
          gtk_editable_set_position (GTK_EDITABLE (self->editor), -1);
        }
      return TRUE;
    }

  bk_sheet_selection_get_cursor (self->selection, &row, &column);
  if (!bk_sheet_view_cell_is_editable (self, row, column))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return FALSE;
    }

  if (initial_text == NULL)
    text = bk_table_model_dup_edit_text (self->model, row, column);

  /* Editing is about one cell: collapse the selection onto it. */
  bk_sheet_selection_collapse (self->selection);
  bk_sheet_editor_hide_error (self);

  self->editing = TRUE;
  self->enter_mode = initial_text != NULL;
  self->edit_row = row;
  self->edit_column = column;

  gtk_editable_set_text (GTK_EDITABLE (self->editor), text ? text : initial_text);
  gtk_widget_set_visible (self->editor, TRUE);
  gtk_text_grab_focus_without_selecting (GTK_TEXT (self->editor));
  gtk_editable_set_position (GTK_EDITABLE (self->editor), -1);

  bk_sheet_view_scroll_to (self, self->edit_row, self->edit_column);
  bk_sheet_view_update_block_actions (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  bk_sheet_view_notify_editing (self);

  return TRUE;
}

gboolean
bk_sheet_view_commit_edit (BkSheetView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *texts[1];

  g_return_val_if_fail (BK_IS_SHEET_VIEW (self), FALSE);

  if (!self->editing)
    return TRUE;

  g_clear_handle_id (&self->commit_idle_id, g_source_remove);

  text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->editor)));
  texts[0] = text;

  if (!bk_table_model_set_range (self->model, self->edit_row, self->edit_column,
                                 1, 1, texts, &error))
    {
      bk_sheet_editor_show_error (self, self->edit_row, self->edit_column, error->message);
      return FALSE;
    }

  bk_sheet_editor_stop (self);

  return TRUE;
}

void
bk_sheet_view_cancel_edit (BkSheetView *self)
{
  g_return_if_fail (BK_IS_SHEET_VIEW (self));

  bk_sheet_editor_stop (self);
}
