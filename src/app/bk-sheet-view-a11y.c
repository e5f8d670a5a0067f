/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-sheet-view-a11y.c — what a screen reader hears of the grid's active cell
 *
 * The grid draws its cells itself and has no child per cell (GTK 4.8 has
 * no public way to give a custom widget accessible children that are not
 * widgets; GtkAccessible can be implemented outside GtkWidget only from
 * GTK 4.10).  So the grid, a `grid` with its row and column counts, says
 * the active cell in its accessible description, updated on every cursor
 * move and whenever that cell's value changes: row, period, table, value
 * with unit, and the cell's note or warning.  Its name is the table's.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bk-sheet-view-private.h"

char *
bk_sheet_view_dup_cell_announcement (BkSheetView *self)
{
  g_autoptr(GString) column = NULL;
  g_autoptr(GString) row = NULL;
  g_autoptr(GString) value = NULL;
  g_autoptr(GString) note = NULL;
  BkTableCellFlags flags;
  GString *text;
  int cursor_row, cursor_column;

  g_return_val_if_fail (BK_IS_SHEET_VIEW (self), NULL);

  if (self->model == NULL ||
      !bk_sheet_selection_get_cursor (self->selection, &cursor_row, &cursor_column))
    return NULL;

  column = g_string_new (NULL);
  row = g_string_new (NULL);
  value = g_string_new (NULL);
  note = g_string_new (NULL);
  bk_table_model_get_column_header (self->model, cursor_column, column);
  bk_table_model_get_row_header (self->model, cursor_row, row);
  flags = bk_table_model_get_cell (self->model, cursor_row, cursor_column, value);
  if (flags & (BK_TABLE_CELL_NOTE | BK_TABLE_CELL_WARNING | BK_TABLE_CELL_INVALID))
    bk_table_model_get_tooltip (self->model, cursor_row, cursor_column, note);

  text = g_string_new (NULL);
  if (value->len == 0)
    g_string_assign (value, _("empty"));
  else if (self->unit != NULL && *self->unit != '\0' && !(flags & BK_TABLE_CELL_TEXT) &&
           !g_str_has_suffix (value->str, self->unit))
    /* "30.0%" says its unit already */
    g_string_append_printf (value, " %s", self->unit);
  if (self->title != NULL)
    /* Translators: the active cell for a screen reader: row, period (or
     * column), table and value, e.g. "Microsoft, 2025, CapEx: 80.0 US$ B" */
    g_string_printf (text, _("%s, %s, %s: %s"), row->str, column->str, self->title, value->str);
  else
    /* Translators: the active cell for a screen reader: row, period (or
     * column) and value, e.g. "Microsoft, 2025: 80.0 US$ B" */
    g_string_printf (text, _("%s, %s: %s"), row->str, column->str, value->str);
  if (note->len > 0)
    /* Translators: after the active cell, its note or warning */
    g_string_append_printf (text, _(". Note: %s"), note->str);
  return g_string_free (text, FALSE);
}

void
bk_sheet_view_update_accessible_cell (BkSheetView *self)
{
  g_autofree char *description = bk_sheet_view_dup_cell_announcement (self);

  self->accessible_cell_stale = FALSE;
  if (description == NULL)
    return;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

void
bk_sheet_view_set_unit (BkSheetView *self,
                        const char  *unit)
{
  g_return_if_fail (BK_IS_SHEET_VIEW (self));

  if (g_strcmp0 (unit, self->unit) == 0)
    return;
  g_free (self->unit);
  self->unit = g_strdup (unit);
  bk_sheet_view_update_accessible_cell (self);
}

void
bk_sheet_view_set_title (BkSheetView *self,
                         const char  *title)
{
  g_return_if_fail (BK_IS_SHEET_VIEW (self));

  if (g_strcmp0 (title, self->title) == 0)
    return;
  g_free (self->title);
  self->title = g_strdup (title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title != NULL ? title : _("Table"),
                                  -1);
  bk_sheet_view_update_accessible_cell (self);
}
