/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-sheet-view-clipboard.c — copy, cut, paste, clear and fill on the grid's selection
 *
 * Each operation is one bk_table_model_set_range() call, so one undo step;
 * a refused one changes nothing and shows the model's message.  A pasted
 * block reaching past the table's edge is refused whole, never clipped.  The
 * clipboard holds tab-separated edit texts (BK_DELIMITED_TSV): numbers in
 * plain form, so that they round-trip at full precision, and formulas as
 * formulas ("=prev*1.39", relative by construction).  Quoting, parsing and
 * tiling a pasted block are bk-delimited.c's, tested without a display.
 */

#include "config.h"

#include "bk-delimited.h"
#include "bk-sheet-view-private.h"

static gboolean
apply_range (BkSheetView        *self,
             guint               row,
             guint               column,
             guint               n_rows,
             guint               n_columns,
             const char * const *texts)
{
  g_autoptr(GError) error = NULL;

  if (!bk_table_model_set_range (self->model, row, column, n_rows, n_columns, texts, &error))
    {
      int cursor_row, cursor_column;

      bk_sheet_selection_get_cursor (self->selection, &cursor_row, &cursor_column);
      bk_sheet_editor_show_error (self, cursor_row, cursor_column, error->message);
      return FALSE;
    }

  bk_sheet_editor_hide_error (self);

  return TRUE;
}

/* Block operations act on cells, not on the editor's text: finish the edit. */
static gboolean
prepare_block_operation (BkSheetView *self)
{
  if (self->model == NULL || !bk_sheet_selection_get_cursor (self->selection, NULL, NULL))
    return FALSE;

  if (self->editing && !bk_sheet_view_commit_edit (self))
    return FALSE;

  return TRUE;
}

static char *
dup_header (BkSheetView *self,
            gboolean     row,
            guint        index)
{
  GString *out = g_string_new (NULL);

  if (row)
    bk_table_model_get_row_header (self->model, index, out);
  else
    bk_table_model_get_column_header (self->model, index, out);
  return g_string_free (out, FALSE);
}

/* A read-only table (results) is copied to be read elsewhere, not pasted
 * back: with its row and column headers, as a spreadsheet copies a block
 * with its labels.  Its edit texts are full-precision numbers, blank for
 * none.  An input table copies its edit texts alone, to paste back. */
char *
bk_sheet_view_dup_selection_text (BkSheetView *self)
{
  g_autoptr(GPtrArray) cells = NULL;
  int r0, c0, r1, c1;
  guint headers;

  g_return_val_if_fail (BK_IS_SHEET_VIEW (self), NULL);

  if (self->model == NULL ||
      !bk_sheet_selection_get_bounds (self->selection, &r0, &c0, &r1, &c1))
    return g_strdup ("");

  headers = bk_table_model_is_read_only (self->model) ? 1 : 0;
  cells = g_ptr_array_new_full ((guint) ((r1 - r0 + 1 + headers) * (c1 - c0 + 1 + headers)), g_free);
  if (headers)
    {
      g_ptr_array_add (cells, g_strdup (""));
      for (int c = c0; c <= c1; c++)
        g_ptr_array_add (cells, dup_header (self, FALSE, c));
    }
  for (int r = r0; r <= r1; r++)
    {
      if (headers)
        g_ptr_array_add (cells, dup_header (self, TRUE, r));
      for (int c = c0; c <= c1; c++)
        g_ptr_array_add (cells, bk_table_model_dup_edit_text (self->model, r, c));
    }

  return bk_delimited_write (BK_DELIMITED_TSV, (const char * const *) cells->pdata,
                             r1 - r0 + 1 + headers, c1 - c0 + 1 + headers);
}

void
bk_sheet_view_copy (BkSheetView *self)
{
  g_autofree char *text = NULL;

  g_return_if_fail (BK_IS_SHEET_VIEW (self));

  if (!prepare_block_operation (self))
    return;

  text = bk_sheet_view_dup_selection_text (self);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
}

gboolean
bk_sheet_view_clear (BkSheetView *self)
{
  g_autofree const char **texts = NULL;
  int r0, c0, r1, c1;
  gsize n;

  g_return_val_if_fail (BK_IS_SHEET_VIEW (self), FALSE);

  if (!prepare_block_operation (self))
    return FALSE;

  bk_sheet_selection_get_bounds (self->selection, &r0, &c0, &r1, &c1);
  n = (gsize) (r1 - r0 + 1) * (c1 - c0 + 1);
  texts = g_new (const char *, n);
  for (gsize i = 0; i < n; i++)
    texts[i] = "";

  return apply_range (self, r0, c0, r1 - r0 + 1, c1 - c0 + 1, texts);
}

gboolean
bk_sheet_view_cut (BkSheetView *self)
{
  g_return_val_if_fail (BK_IS_SHEET_VIEW (self), FALSE);

  if (!prepare_block_operation (self))
    return FALSE;

  bk_sheet_view_copy (self);

  return bk_sheet_view_clear (self);
}

gboolean
bk_sheet_view_paste_text (BkSheetView *self,
                          const char  *text)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) kept = NULL;
  g_autofree const char **block = NULL;
  g_autofree const char **texts = NULL;
  guint block_rows, block_columns;
  guint row, column, n_rows, n_columns;
  int r0, c0, r1, c1;

  g_return_val_if_fail (BK_IS_SHEET_VIEW (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (!prepare_block_operation (self))
    return FALSE;

  records = bk_delimited_parse (BK_DELIMITED_TSV, text, -1, NULL);
  block = bk_delimited_to_block (records, &block_rows, &block_columns);
  if (block == NULL)
    return TRUE;

  bk_sheet_selection_get_bounds (self->selection, &r0, &c0, &r1, &c1);
  row = r0;
  column = c0;
  /* Not clipped to the table: a block that does not fit is refused whole
   * by bk_table_model_set_range(), saying how much is left over. */
  bk_delimited_paste_size (block_rows, block_columns, r1 - r0 + 1, c1 - c0 + 1,
                           G_MAXUINT, G_MAXUINT, &n_rows, &n_columns);
  texts = bk_delimited_tile (block, block_rows, block_columns, n_rows, n_columns);

  /* A short row leaves the rest of its cells as they are. */
  kept = g_ptr_array_new_with_free_func (g_free);
  for (guint r = 0; r < n_rows; r++)
    for (guint c = 0; c < n_columns; c++)
      {
        const char **slot = &texts[(gsize) r * n_columns + c];

        if (*slot == NULL && row + r < self->n_rows && column + c < self->n_columns)
          {
            char *keep = bk_table_model_dup_edit_text (self->model, row + r, column + c);

            g_ptr_array_add (kept, keep);
            *slot = keep;
          }
      }

  if (!apply_range (self, row, column, n_rows, n_columns, texts))
    return FALSE;

  /* The pasted block stays selected. */
  bk_sheet_selection_set (self->selection, row, column, row, column,
                          row + n_rows - 1, column + n_columns - 1);

  return TRUE;
}

static void
paste_read_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(BkSheetView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, &error);
  if (text == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  if (self->model != NULL)
    bk_sheet_view_paste_text (self, text);
}

void
bk_sheet_view_paste (BkSheetView *self)
{
  g_return_if_fail (BK_IS_SHEET_VIEW (self));

  if (!prepare_block_operation (self))
    return;

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (self)),
                                 NULL, paste_read_cb, g_object_ref (self));
}

/* Fill down / right: the first row (column) of the selection is copied over
 * the rest of it; with a single row (column) selected, the one above (to the
 * left) is copied into it.  Edit texts are copied, so formulas stay formulas
 * (they are relative by construction: "prev" means the previous period). */
static gboolean
fill (BkSheetView *self,
      gboolean     down)
{
  g_autoptr(GPtrArray) sources = NULL;
  g_autofree const char **texts = NULL;
  int r0, c0, r1, c1, cursor_row, cursor_column;
  int source, row, column, n_rows, n_columns;

  if (!prepare_block_operation (self))
    return FALSE;

  bk_sheet_selection_get_cursor (self->selection, &cursor_row, &cursor_column);
  bk_sheet_selection_get_bounds (self->selection, &r0, &c0, &r1, &c1);

  if (down)
    source = r0 == r1 ? r0 - 1 : r0;
  else
    source = c0 == c1 ? c0 - 1 : c0;

  if (source < 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return FALSE;
    }

  row = down ? source + 1 : r0;
  column = down ? c0 : source + 1;
  n_rows = r1 - row + 1;
  n_columns = c1 - column + 1;

  sources = g_ptr_array_new_with_free_func (g_free);
  if (down)
    for (int c = c0; c <= c1; c++)
      g_ptr_array_add (sources, bk_table_model_dup_edit_text (self->model, source, c));
  else
    for (int r = r0; r <= r1; r++)
      g_ptr_array_add (sources, bk_table_model_dup_edit_text (self->model, r, source));

  /* One row tiled down, or one column tiled right */
  texts = bk_delimited_tile ((const char * const *) sources->pdata,
                             down ? 1 : sources->len, down ? sources->len : 1,
                             n_rows, n_columns);

  if (!apply_range (self, row, column, n_rows, n_columns, texts))
    return FALSE;

  /* The filled block, with its source, stays selected. */
  if (r0 == r1 && down)
    bk_sheet_selection_set (self->selection, cursor_row, cursor_column, r0 - 1, c0, r1, c1);
  else if (c0 == c1 && !down)
    bk_sheet_selection_set (self->selection, cursor_row, cursor_column, r0, c0 - 1, r1, c1);

  return TRUE;
}

gboolean
bk_sheet_view_fill_down (BkSheetView *self)
{
  g_return_val_if_fail (BK_IS_SHEET_VIEW (self), FALSE);

  return fill (self, TRUE);
}

gboolean
bk_sheet_view_fill_right (BkSheetView *self)
{
  g_return_val_if_fail (BK_IS_SHEET_VIEW (self), FALSE);

  return fill (self, FALSE);
}
