/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-sheet-view.h — the spreadsheet grid: draws a BkTableModel, edits its cells */
#pragma once

#include <gtk/gtk.h>

#include "bk-table-model.h"

G_BEGIN_DECLS

#define BK_TYPE_SHEET_VIEW (bk_sheet_view_get_type ())

G_DECLARE_FINAL_TYPE (BkSheetView, bk_sheet_view, BK, SHEET_VIEW, GtkWidget)

GtkWidget    *bk_sheet_view_new                (BkTableModel  *model);

BkTableModel *bk_sheet_view_get_model          (BkSheetView   *self);
void          bk_sheet_view_set_model          (BkSheetView   *self,
                                                BkTableModel  *model);
GMenuModel   *bk_sheet_view_get_context_menu   (BkSheetView   *self);
void          bk_sheet_view_set_context_menu   (BkSheetView   *self,
                                                GMenuModel    *menu);

/* The active cell; -1 when the table is empty. */
int           bk_sheet_view_get_cursor_row     (BkSheetView   *self);
int           bk_sheet_view_get_cursor_column  (BkSheetView   *self);
/* Moves the active cell (clamped to the table), collapses the selection onto
 * it and scrolls it into view. */
void          bk_sheet_view_set_cursor         (BkSheetView   *self,
                                                int            row,
                                                int            column);
/* The selected block; FALSE (and zeros) when the table is empty. */
gboolean      bk_sheet_view_get_selection      (BkSheetView   *self,
                                                guint         *row,
                                                guint         *column,
                                                guint         *n_rows,
                                                guint         *n_columns);
/* Selects a block (clamped) with the active cell at its top-left corner. */
void          bk_sheet_view_select_range       (BkSheetView   *self,
                                                guint          row,
                                                guint          column,
                                                guint          n_rows,
                                                guint          n_columns);
void          bk_sheet_view_select_all         (BkSheetView   *self);
void          bk_sheet_view_scroll_to_cell     (BkSheetView   *self,
                                                guint          row,
                                                guint          column);

/* Editing the active cell.  @initial_text NULL edits the cell's current edit
 * text (F2); otherwise the content is replaced (type-to-replace).  FALSE if
 * the cell cannot be edited.  commit_edit() returns FALSE, keeps the editor
 * open and emits ::error when the model rejects the text. */
gboolean      bk_sheet_view_get_editing        (BkSheetView   *self);
gboolean      bk_sheet_view_start_editing      (BkSheetView   *self,
                                                const char    *initial_text);
gboolean      bk_sheet_view_commit_edit        (BkSheetView   *self);
void          bk_sheet_view_cancel_edit        (BkSheetView   *self);

/* Clipboard and block operations on the selection, each one set_range call.
 * The clipboard holds tab-separated edit texts (see
 * bk-sheet-view-clipboard.c).  They return FALSE (and emit ::error) when
 * the model rejects the change. */
void          bk_sheet_view_copy               (BkSheetView   *self);
gboolean      bk_sheet_view_cut                (BkSheetView   *self);
void          bk_sheet_view_paste              (BkSheetView   *self);
gboolean      bk_sheet_view_paste_text         (BkSheetView   *self,
                                                const char    *text);
gboolean      bk_sheet_view_clear              (BkSheetView   *self);
gboolean      bk_sheet_view_fill_down          (BkSheetView   *self);
gboolean      bk_sheet_view_fill_right         (BkSheetView   *self);
/* The text copy() puts on the clipboard. */
char         *bk_sheet_view_dup_selection_text (BkSheetView   *self);

/* The unit of the table's values ("US$ B"), said after the active cell's
 * value to screen readers; NULL for none (the headers name it). */
void          bk_sheet_view_set_unit           (BkSheetView   *self,
                                                const char    *unit);
/* The table's title: the grid's accessible name, and said with the
 * active cell; NULL names it "Table". */
void          bk_sheet_view_set_title          (BkSheetView   *self,
                                                const char    *title);
/* What a screen reader hears of the active cell: "Microsoft, 2023, CapEx:
 * 28.10 US$ B", and its note; NULL without a cursor. */
char         *bk_sheet_view_dup_cell_announcement (BkSheetView *self);

guint         bk_sheet_view_get_column_width   (BkSheetView   *self,
                                                guint          column);
void          bk_sheet_view_set_column_width   (BkSheetView   *self,
                                                guint          column,
                                                guint          width);
/* The cell's rectangle in widget coordinates; FALSE if it is not visible. */
gboolean      bk_sheet_view_get_cell_area      (BkSheetView   *self,
                                                guint          row,
                                                guint          column,
                                                GdkRectangle  *area);

/* For tests and benchmarks: cells visited by the last snapshot. */
guint         bk_sheet_view_get_n_drawn_cells  (BkSheetView   *self);
/* Whether @column's header shows whole (on one line, or wrapped onto the
 * header row's two) */
gboolean      bk_sheet_view_column_header_fits (BkSheetView   *self,
                                                guint          column);
/* The lines the column headers need: 1, or 2 when one wraps (whatever
 * bk_sheet_view_set_min_header_lines() asks for) */
guint         bk_sheet_view_get_needed_header_lines (BkSheetView *self);
/* The header row is at least @lines lines tall: two sheets side by side
 * keep their rows level */
void          bk_sheet_view_set_min_header_lines (BkSheetView *self,
                                                  guint        lines);
/* For tests: @column's header as drawn, its lines joined by "\n" */
char         *bk_sheet_view_dup_column_header_lines (BkSheetView *self,
                                                     guint        column);
/* The tooltip of @row's header: its whole name when it does not fit, in
 * bold as when its row is selected; NULL when it shows whole */
char         *bk_sheet_view_dup_row_header_tooltip (BkSheetView *self,
                                                    guint        row);

G_END_DECLS
