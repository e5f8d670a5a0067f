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
