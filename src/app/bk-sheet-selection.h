/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-sheet-selection.h — the grid's active cell and selected block, without GTK */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define BK_TYPE_SHEET_SELECTION (bk_sheet_selection_get_type ())

G_DECLARE_FINAL_TYPE (BkSheetSelection, bk_sheet_selection, BK, SHEET_SELECTION, GObject)

typedef enum
{
  BK_SHEET_MOVE_CELLS,       /* by rows and columns */
  BK_SHEET_MOVE_PAGES,       /* by pages of rows (see page-rows) */
  BK_SHEET_MOVE_ROW_ENDS,    /* Home/End: the first/last column */
  BK_SHEET_MOVE_TABLE_ENDS,  /* Ctrl+Home/End: the first/last cell */
  BK_SHEET_MOVE_EDGES,       /* Ctrl+arrows: the first/last row or column */
} BkSheetMove;

BkSheetSelection *bk_sheet_selection_new               (void);

/* The table's shape.  Everything is clamped to it; an empty table has no
 * active cell (-1), a table that gains cells starts at the first one. */
void              bk_sheet_selection_set_shape         (BkSheetSelection *self,
                                                        guint             n_rows,
                                                        guint             n_columns);
guint             bk_sheet_selection_get_n_rows        (BkSheetSelection *self);
guint             bk_sheet_selection_get_n_columns     (BkSheetSelection *self);
/* How many rows Page Up/Down move (at least 1). */
void              bk_sheet_selection_set_page_rows     (BkSheetSelection *self,
                                                        guint             page_rows);
guint             bk_sheet_selection_get_page_rows     (BkSheetSelection *self);

/* FALSE (and -1) when the table is empty. */
gboolean          bk_sheet_selection_get_cursor        (BkSheetSelection *self,
                                                        int              *row,
                                                        int              *column);
/* The cell a Shift-extension moves: the selection's far corner. */
gboolean          bk_sheet_selection_get_corner        (BkSheetSelection *self,
                                                        int              *row,
                                                        int              *column);
/* The selected block, inclusive; FALSE (and -1) when the table is empty. */
gboolean          bk_sheet_selection_get_bounds        (BkSheetSelection *self,
                                                        int              *first_row,
                                                        int              *first_column,
                                                        int              *last_row,
                                                        int              *last_column);
gboolean          bk_sheet_selection_contains          (BkSheetSelection *self,
                                                        int               row,
                                                        int               column);
gboolean          bk_sheet_selection_is_whole_rows     (BkSheetSelection *self);
gboolean          bk_sheet_selection_is_whole_columns  (BkSheetSelection *self);

/* Everything at once (clamped): the active cell and the block spanned by
 * the anchor and the corner. */
void              bk_sheet_selection_set               (BkSheetSelection *self,
                                                        int               cursor_row,
                                                        int               cursor_column,
                                                        int               anchor_row,
                                                        int               anchor_column,
                                                        int               corner_row,
                                                        int               corner_column);
/* The active cell moves to (@row, @column) and the selection collapses onto
 * it; a run of Tabs ends. */
void              bk_sheet_selection_set_cursor        (BkSheetSelection *self,
                                                        int               row,
                                                        int               column);
/* Shift-click and drag: the corner moves, the active cell stays. */
void              bk_sheet_selection_extend_to         (BkSheetSelection *self,
                                                        int               row,
                                                        int               column);
/* A block (clamped, at least one cell) with the active cell at its
 * top-left; a run of Tabs ends. */
void              bk_sheet_selection_select_range      (BkSheetSelection *self,
                                                        guint             row,
                                                        guint             column,
                                                        guint             n_rows,
                                                        guint             n_columns);
void              bk_sheet_selection_select_all        (BkSheetSelection *self);
/* Whole columns (rows) from the header; @extend keeps the anchor's. */
void              bk_sheet_selection_select_columns    (BkSheetSelection *self,
                                                        int               column,
                                                        gboolean          extend);
void              bk_sheet_selection_select_rows       (BkSheetSelection *self,
                                                        int               row,
                                                        gboolean          extend);
/* The selection becomes the active cell alone. */
void              bk_sheet_selection_collapse          (BkSheetSelection *self);

/* Keyboard moves.  @extend (Shift) moves the corner instead of the active
 * cell.  Tab moves one column and remembers where a run of Tabs started;
 * Enter then goes one row down in that column (as spreadsheets do for
 * entering a row); any other move ends the run. */
void              bk_sheet_selection_move              (BkSheetSelection *self,
                                                        BkSheetMove       kind,
                                                        int               d_row,
                                                        int               d_column,
                                                        gboolean          extend);
void              bk_sheet_selection_move_tab          (BkSheetSelection *self,
                                                        gboolean          backwards);
void              bk_sheet_selection_move_enter        (BkSheetSelection *self,
                                                        gboolean          backwards);
void              bk_sheet_selection_end_tab_run       (BkSheetSelection *self);

G_END_DECLS
