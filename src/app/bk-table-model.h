/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-table-model.h — the small interface the sheet view reads cells through */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What the view needs to know to draw a cell.  Flags combine. */
typedef enum
{
  BK_TABLE_CELL_NONE       = 0,
  BK_TABLE_CELL_BLANK      = 1 << 0,  /* nothing entered; the display text may show a carried value */
  BK_TABLE_CELL_FORMULA    = 1 << 1,  /* the edit text is a formula ("=…") */
  BK_TABLE_CELL_NOTE       = 1 << 2,  /* has a note: corner mark, tooltip from get_tooltip */
  BK_TABLE_CELL_INVALID    = 1 << 3,  /* the value is invalid or its formula failed: shown in red */
  BK_TABLE_CELL_OVERRIDDEN = 1 << 4,  /* a scenario overrides the base value: tinted background */
  BK_TABLE_CELL_READ_ONLY  = 1 << 5,  /* cannot be edited (results, computed rows) */
  BK_TABLE_CELL_INHERITED  = 1 << 6,  /* value comes from elsewhere (carried forward, base scenario): greyed */
  BK_TABLE_CELL_TOTAL      = 1 << 7,  /* a total or subtotal: bold */
  BK_TABLE_CELL_TEXT       = 1 << 8,  /* the display text is text, not a number: left-aligned */
  BK_TABLE_CELL_WARNING    = 1 << 9,  /* valid but questionable (shares past 100 %): corner mark, tooltip says why */
} BkTableCellFlags;

#define BK_TYPE_TABLE_MODEL (bk_table_model_get_type ())

G_DECLARE_INTERFACE (BkTableModel, bk_table_model, BK, TABLE_MODEL, GObject)

/*
 * All text getters *append* to @out; the public wrappers truncate @out first,
 * so a caller reusing one GString for every cell of a frame allocates nothing.
 */
struct _BkTableModelInterface
{
  GTypeInterface parent_iface;

  guint        (* get_n_rows)            (BkTableModel  *self);
  guint        (* get_n_columns)         (BkTableModel  *self);
  void         (* get_row_header)        (BkTableModel  *self,
                                          guint          row,
                                          GString       *out);
  void         (* get_column_header)     (BkTableModel  *self,
                                          guint          column,
                                          GString       *out);
  /* Display text, formatted in the table's unit; @display may be NULL. */
  BkTableCellFlags  (* get_cell)              (BkTableModel  *self,
                                          guint          row,
                                          guint          column,
                                          GString       *display);
  /* Raw input or formula: what the editor and the formula bar show. */
  void         (* get_edit_text)         (BkTableModel  *self,
                                          guint          row,
                                          guint          column,
                                          GString       *out);
  /* Optional: note or explanation; appends nothing when there is none. */
  void         (* get_tooltip)           (BkTableModel  *self,
                                          guint          row,
                                          guint          column,
                                          GString       *out);
  /* Optional: preferred width of a column in characters, 0 for the default. */
  guint        (* get_column_width_hint) (BkTableModel  *self,
                                          guint          column);
  /* Optional: a warning about the table as a whole (shares past 100 %
   * somewhere), for a banner; appends nothing when all is well. */
  void         (* get_warning)           (BkTableModel  *self,
                                          GString       *out);
  /* Optional: what to do about a block that does not fit (@rows_over rows
   * and @columns_over columns past the table's end), e.g. "Add the
   * companies first"; appends nothing when there is no advice. */
  void         (* get_overflow_hint)     (BkTableModel  *self,
                                          guint          rows_over,
                                          guint          columns_over,
                                          GString       *out);
  /* Optional (NULL: the table is read-only).  All or nothing. */
  gboolean     (* set_range)             (BkTableModel       *self,
                                          guint               row,
                                          guint               column,
                                          guint               n_rows,
                                          guint               n_columns,
                                          const char * const *texts,
                                          GError            **error);
};

guint        bk_table_model_get_n_rows            (BkTableModel       *self);
guint        bk_table_model_get_n_columns         (BkTableModel       *self);
void         bk_table_model_get_row_header        (BkTableModel       *self,
                                                   guint               row,
                                                   GString            *out);
void         bk_table_model_get_column_header     (BkTableModel       *self,
                                                   guint               column,
                                                   GString            *out);
BkTableCellFlags  bk_table_model_get_cell              (BkTableModel       *self,
                                                   guint               row,
                                                   guint               column,
                                                   GString            *display);
void         bk_table_model_get_edit_text         (BkTableModel       *self,
                                                   guint               row,
                                                   guint               column,
                                                   GString            *out);
char        *bk_table_model_dup_edit_text         (BkTableModel       *self,
                                                   guint               row,
                                                   guint               column);
void         bk_table_model_get_tooltip           (BkTableModel       *self,
                                                   guint               row,
                                                   guint               column,
                                                   GString            *out);
guint        bk_table_model_get_column_width_hint (BkTableModel       *self,
                                                   guint               column);
void         bk_table_model_get_warning           (BkTableModel       *self,
                                                   GString            *out);

/* Whether the table takes no edits at all (no set_range: results). */
gboolean     bk_table_model_is_read_only          (BkTableModel       *self);

/* Changes a block of cells from what a person typed, pasted or filled: one
 * call per user action.  @texts holds @n_rows × @n_columns strings, row-major;
 * "" clears a cell.  On failure returns FALSE with an error whose message can
 * be shown as is, and nothing changed.  A block reaching past the table's
 * last row or column is refused as a whole (BK_ERROR_OUT_OF_RANGE), with a
 * message that counts the rows and columns that do not fit: no part of it is
 * kept quietly. */
gboolean     bk_table_model_set_range             (BkTableModel       *self,
                                                   guint               row,
                                                   guint               column,
                                                   guint               n_rows,
                                                   guint               n_columns,
                                                   const char * const *texts,
                                                   GError            **error);

/* For implementations: announce changes.  cells-changed names the block whose
 * contents changed; reset means anything may have changed, shape included. */
void         bk_table_model_cells_changed         (BkTableModel       *self,
                                                   guint               row,
                                                   guint               column,
                                                   guint               n_rows,
                                                   guint               n_columns);
void         bk_table_model_reset                 (BkTableModel       *self);

G_END_DECLS
