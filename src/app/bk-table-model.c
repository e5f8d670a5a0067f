/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-table-model.c — the small interface the sheet view reads cells through */

#include "config.h"

#include <glib/gi18n.h>

#include "bk-table-model.h"
#include "bk-types.h"

enum {
  CELLS_CHANGED,
  RESET,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_INTERFACE (BkTableModel, bk_table_model, G_TYPE_OBJECT)

static void
bk_table_model_default_init (BkTableModelInterface *iface)
{
  /**
   * BkTableModel::cells-changed:
   * @row: first changed row
   * @column: first changed column
   * @n_rows: number of rows
   * @n_columns: number of columns
   *
   * The contents (display text, edit text or flags) of a block changed.
   * The shape of the table did not.
   */
  signals[CELLS_CHANGED] =
    g_signal_new ("cells-changed",
                  G_TYPE_FROM_INTERFACE (iface),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 4,
                  G_TYPE_UINT, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_UINT);

  /**
   * BkTableModel::reset:
   *
   * Anything may have changed: number of rows and columns, headers, cells.
   */
  signals[RESET] =
    g_signal_new ("reset",
                  G_TYPE_FROM_INTERFACE (iface),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

guint
bk_table_model_get_n_rows (BkTableModel *self)
{
  g_return_val_if_fail (BK_IS_TABLE_MODEL (self), 0);

  return BK_TABLE_MODEL_GET_IFACE (self)->get_n_rows (self);
}

guint
bk_table_model_get_n_columns (BkTableModel *self)
{
  g_return_val_if_fail (BK_IS_TABLE_MODEL (self), 0);

  return BK_TABLE_MODEL_GET_IFACE (self)->get_n_columns (self);
}

void
bk_table_model_get_row_header (BkTableModel *self,
                               guint         row,
                               GString      *out)
{
  BkTableModelInterface *iface;

  g_return_if_fail (BK_IS_TABLE_MODEL (self));
  g_return_if_fail (out != NULL);

  g_string_truncate (out, 0);
  iface = BK_TABLE_MODEL_GET_IFACE (self);
  if (iface->get_row_header != NULL)
    iface->get_row_header (self, row, out);
  else
    g_string_append_printf (out, "%u", row + 1);
}

void
bk_table_model_get_column_header (BkTableModel *self,
                                  guint         column,
                                  GString      *out)
{
  BkTableModelInterface *iface;

  g_return_if_fail (BK_IS_TABLE_MODEL (self));
  g_return_if_fail (out != NULL);

  g_string_truncate (out, 0);
  iface = BK_TABLE_MODEL_GET_IFACE (self);
  if (iface->get_column_header != NULL)
    iface->get_column_header (self, column, out);
  else
    g_string_append_printf (out, "%u", column + 1);
}

BkTableCellFlags
bk_table_model_get_cell (BkTableModel *self,
                         guint         row,
                         guint         column,
                         GString      *display)
{
  g_return_val_if_fail (BK_IS_TABLE_MODEL (self), BK_TABLE_CELL_NONE);

  if (display != NULL)
    g_string_truncate (display, 0);

  return BK_TABLE_MODEL_GET_IFACE (self)->get_cell (self, row, column, display);
}

void
bk_table_model_get_edit_text (BkTableModel *self,
                              guint         row,
                              guint         column,
                              GString      *out)
{
  BkTableModelInterface *iface;

  g_return_if_fail (BK_IS_TABLE_MODEL (self));
  g_return_if_fail (out != NULL);

  g_string_truncate (out, 0);
  iface = BK_TABLE_MODEL_GET_IFACE (self);
  if (iface->get_edit_text != NULL)
    iface->get_edit_text (self, row, column, out);
  else
    iface->get_cell (self, row, column, out);
}

char *
bk_table_model_dup_edit_text (BkTableModel *self,
                              guint         row,
                              guint         column)
{
  GString *out;

  g_return_val_if_fail (BK_IS_TABLE_MODEL (self), NULL);

  out = g_string_new (NULL);
  bk_table_model_get_edit_text (self, row, column, out);

  return g_string_free (out, FALSE);
}

void
bk_table_model_get_tooltip (BkTableModel *self,
                            guint         row,
                            guint         column,
                            GString      *out)
{
  BkTableModelInterface *iface;

  g_return_if_fail (BK_IS_TABLE_MODEL (self));
  g_return_if_fail (out != NULL);

  g_string_truncate (out, 0);
  iface = BK_TABLE_MODEL_GET_IFACE (self);
  if (iface->get_tooltip != NULL)
    iface->get_tooltip (self, row, column, out);
}

guint
bk_table_model_get_column_width_hint (BkTableModel *self,
                                      guint         column)
{
  BkTableModelInterface *iface;

  g_return_val_if_fail (BK_IS_TABLE_MODEL (self), 0);

  iface = BK_TABLE_MODEL_GET_IFACE (self);
  if (iface->get_column_width_hint == NULL)
    return 0;

  return iface->get_column_width_hint (self, column);
}

void
bk_table_model_get_warning (BkTableModel *self,
                            GString      *out)
{
  BkTableModelInterface *iface;

  g_return_if_fail (BK_IS_TABLE_MODEL (self));
  g_return_if_fail (out != NULL);

  g_string_truncate (out, 0);
  iface = BK_TABLE_MODEL_GET_IFACE (self);
  if (iface->get_warning != NULL)
    iface->get_warning (self, out);
}

gboolean
bk_table_model_is_read_only (BkTableModel *self)
{
  g_return_val_if_fail (BK_IS_TABLE_MODEL (self), TRUE);

  return BK_TABLE_MODEL_GET_IFACE (self)->set_range == NULL;
}

static guint
past_end (guint start,
          guint count,
          guint size)
{
  if (start >= size)
    return count;
  return count > size - start ? count - (size - start) : 0;
}

/* All or nothing: a block past the table's edge is refused with the count of
 * what does not fit, never clipped. */
static gboolean
check_fits (BkTableModel           *self,
            BkTableModelInterface  *iface,
            guint                   row,
            guint                   column,
            guint                   n_rows,
            guint                   n_columns,
            GError                **error)
{
  guint rows_over = past_end (row, n_rows, iface->get_n_rows (self));
  guint columns_over = past_end (column, n_columns, iface->get_n_columns (self));
  g_autofree char *rows = NULL;
  g_autofree char *columns = NULL;
  g_autofree char *by = NULL;
  g_autoptr(GString) message = NULL;

  if (rows_over == 0 && columns_over == 0)
    return TRUE;

  /* Translators: part of "the block does not fit by 2 rows and 1 column" */
  rows = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row", "%u rows", rows_over), rows_over);
  /* Translators: part of "the block does not fit by 2 rows and 1 column" */
  columns = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u column", "%u columns", columns_over),
                             columns_over);
  if (rows_over > 0 && columns_over > 0)
    /* Translators: "2 rows and 1 column" */
    by = g_strdup_printf (_("%s and %s"), rows, columns);
  else
    by = g_strdup (rows_over > 0 ? rows : columns);

  message = g_string_new (NULL);
  /* Translators: %u × %u is the size of the block (rows × columns), %s how
   * much of it falls past the table's edge, e.g. "2 rows and 1 column" */
  g_string_printf (message, _("Nothing was changed: the %u × %u block does not fit the table by %s."),
                   n_rows, n_columns, by);
  if (iface->get_overflow_hint != NULL)
    {
      g_autoptr(GString) hint = g_string_new (NULL);

      iface->get_overflow_hint (self, rows_over, columns_over, hint);
      if (hint->len > 0)
        g_string_append_printf (message, " %s", hint->str);
    }

  g_set_error_literal (error, BK_ERROR, BK_ERROR_OUT_OF_RANGE, message->str);
  return FALSE;
}

gboolean
bk_table_model_set_range (BkTableModel       *self,
                          guint               row,
                          guint               column,
                          guint               n_rows,
                          guint               n_columns,
                          const char * const *texts,
                          GError            **error)
{
  BkTableModelInterface *iface;

  g_return_val_if_fail (BK_IS_TABLE_MODEL (self), FALSE);
  g_return_val_if_fail (n_rows == 0 || n_columns == 0 || texts != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_rows == 0 || n_columns == 0)
    return TRUE;

  iface = BK_TABLE_MODEL_GET_IFACE (self);
  if (iface->set_range == NULL)
    {
      g_set_error_literal (error, BK_ERROR, BK_ERROR_READ_ONLY,
                           _("This table is read-only"));
      return FALSE;
    }

  if (!check_fits (self, iface, row, column, n_rows, n_columns, error))
    return FALSE;

  return iface->set_range (self, row, column, n_rows, n_columns, texts, error);
}

void
bk_table_model_cells_changed (BkTableModel *self,
                              guint         row,
                              guint         column,
                              guint         n_rows,
                              guint         n_columns)
{
  g_return_if_fail (BK_IS_TABLE_MODEL (self));

  g_signal_emit (self, signals[CELLS_CHANGED], 0, row, column, n_rows, n_columns);
}

void
bk_table_model_reset (BkTableModel *self)
{
  g_return_if_fail (BK_IS_TABLE_MODEL (self));

  g_signal_emit (self, signals[RESET], 0);
}
