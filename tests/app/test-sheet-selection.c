/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sheet-selection.c — the grid's cursor and selection model, without a display */

#include "config.h"

#include <glib-object.h>

#include "bk-sheet-selection.h"

typedef struct
{
  BkSheetSelection *selection;
  guint             n_changed;
  guint             n_cursor_moved;
  guint             n_row_notify;
  guint             n_column_notify;
} Fixture;

static void
changed_cb (BkSheetSelection *selection,
            gboolean          cursor_moved,
            Fixture          *f)
{
  f->n_changed++;
  if (cursor_moved)
    f->n_cursor_moved++;
}

static void
notify_cb (BkSheetSelection *selection,
           GParamSpec       *pspec,
           Fixture          *f)
{
  if (g_str_equal (pspec->name, "cursor-row"))
    f->n_row_notify++;
  else
    f->n_column_notify++;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->selection = bk_sheet_selection_new ();
  g_signal_connect (f->selection, "changed", G_CALLBACK (changed_cb), f);
  g_signal_connect (f->selection, "notify::cursor-row", G_CALLBACK (notify_cb), f);
  g_signal_connect (f->selection, "notify::cursor-column", G_CALLBACK (notify_cb), f);
  /* 20 rows (companies) × 8 columns (periods) */
  bk_sheet_selection_set_shape (f->selection, 20, 8);
  f->n_changed = f->n_cursor_moved = f->n_row_notify = f->n_column_notify = 0;
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->selection);
}

#define assert_cursor(f, r, c) G_STMT_START {                       \
  int row_, column_;                                                \
  g_assert_true (bk_sheet_selection_get_cursor ((f)->selection,     \
                                                &row_, &column_));  \
  g_assert_cmpint (row_, ==, (r));                                  \
  g_assert_cmpint (column_, ==, (c));                               \
} G_STMT_END

#define assert_bounds(f, r0, c0, r1, c1) G_STMT_START {             \
  int r0_, c0_, r1_, c1_;                                           \
  g_assert_true (bk_sheet_selection_get_bounds ((f)->selection,     \
                                                &r0_, &c0_,         \
                                                &r1_, &c1_));       \
  g_assert_cmpint (r0_, ==, (r0));                                  \
  g_assert_cmpint (c0_, ==, (c0));                                  \
  g_assert_cmpint (r1_, ==, (r1));                                  \
  g_assert_cmpint (c1_, ==, (c1));                                  \
} G_STMT_END

static void
test_shape (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(BkSheetSelection) fresh = bk_sheet_selection_new ();
  int row = 5, column = 5;

  /* No table: no active cell */
  g_assert_false (bk_sheet_selection_get_cursor (fresh, &row, &column));
  g_assert_cmpint (row, ==, -1);
  g_assert_cmpint (column, ==, -1);
  g_assert_false (bk_sheet_selection_get_bounds (fresh, NULL, NULL, NULL, NULL));
  bk_sheet_selection_move (fresh, BK_SHEET_MOVE_CELLS, 1, 1, FALSE);
  bk_sheet_selection_select_all (fresh);
  g_assert_false (bk_sheet_selection_get_cursor (fresh, NULL, NULL));

  /* A table starts at its first cell */
  assert_cursor (f, 0, 0);
  assert_bounds (f, 0, 0, 0, 0);

  /* A smaller table clamps everything, cursor and block */
  bk_sheet_selection_set (f->selection, 15, 6, 10, 2, 18, 7);
  f->n_changed = f->n_cursor_moved = 0;
  bk_sheet_selection_set_shape (f->selection, 12, 5);
  assert_cursor (f, 11, 4);
  assert_bounds (f, 10, 2, 11, 4);
  g_assert_cmpuint (f->n_changed, ==, 1);
  g_assert_cmpuint (f->n_cursor_moved, ==, 1);

  /* The same shape again changes nothing */
  bk_sheet_selection_set_shape (f->selection, 12, 5);
  g_assert_cmpuint (f->n_changed, ==, 1);

  /* Empty, then cells again: back at the first cell */
  bk_sheet_selection_set_shape (f->selection, 0, 5);
  g_assert_false (bk_sheet_selection_get_cursor (f->selection, &row, &column));
  g_assert_cmpint (row, ==, -1);
  bk_sheet_selection_set_shape (f->selection, 3, 3);
  assert_cursor (f, 0, 0);
  g_assert_cmpuint (bk_sheet_selection_get_n_rows (f->selection), ==, 3);
  g_assert_cmpuint (bk_sheet_selection_get_n_columns (f->selection), ==, 3);
}

static void
test_signals (Fixture       *f,
              gconstpointer  data)
{
  int row = -1;

  /* A move along the row notifies the column only, and changes once */
  bk_sheet_selection_move (f->selection, BK_SHEET_MOVE_CELLS, 0, 1, FALSE);
  g_assert_cmpuint (f->n_changed, ==, 1);
  g_assert_cmpuint (f->n_cursor_moved, ==, 1);
  g_assert_cmpuint (f->n_row_notify, ==, 0);
  g_assert_cmpuint (f->n_column_notify, ==, 1);

  /* Shift-extending changes the block, not the active cell */
  bk_sheet_selection_move (f->selection, BK_SHEET_MOVE_CELLS, 1, 0, TRUE);
  g_assert_cmpuint (f->n_changed, ==, 2);
  g_assert_cmpuint (f->n_cursor_moved, ==, 1);
  g_assert_cmpuint (f->n_row_notify, ==, 0);

  /* Running into the edge changes nothing */
  bk_sheet_selection_set_cursor (f->selection, 0, 0);
  f->n_changed = 0;
  bk_sheet_selection_move (f->selection, BK_SHEET_MOVE_CELLS, -1, 0, FALSE);
  bk_sheet_selection_move (f->selection, BK_SHEET_MOVE_CELLS, 0, -1, FALSE);
  bk_sheet_selection_collapse (f->selection);
  g_assert_cmpuint (f->n_changed, ==, 0);

  /* The properties follow */
  bk_sheet_selection_set_cursor (f->selection, 7, 3);
  g_object_get (f->selection, "cursor-row", &row, NULL);
  g_assert_cmpint (row, ==, 7);
}

static void
test_moves (Fixture       *f,
            gconstpointer  data)
{
  bk_sheet_selection_set_cursor (f->selection, 5, 3);

  bk_sheet_selection_move (f->selection, BK_SHEET_MOVE_CELLS, 1, 0, FALSE);
  assert_cursor (f, 6, 3);
  bk_sheet_selection_move (f->selection, BK_SHEET_MOVE_CELLS, 0, -1, FALSE);
  assert_cursor (f, 6, 2);

  /* Clamped at the table's edges */
  bk_sheet_selection_move (f->selection, BK_SHEET_MOVE_CELLS, -100, 100, FALSE);
  assert_cursor (f, 0, 7);
  bk_sheet_selection_set_cursor (f->selection, 99, -4);
  assert_cursor (f, 19, 0);

  /* Home/End: the row's ends */
  bk_sheet_selection_set_cursor (f->selection, 4, 3);
  bk_sheet_selection_move (f->selection, BK_SHEET_MOVE_ROW_ENDS, 0, 1, FALSE);
  assert_cursor (f, 4, 7);
  bk_sheet_selection_move (f->selection, BK_SHEET_MOVE_ROW_ENDS, 0, -1, FALSE);
  assert_cursor (f, 4, 0);

  /* Ctrl+Home/End: the table's ends */
  bk_sheet_selection_move (f->selection, BK_SHEET_MOVE_TABLE_ENDS, 1, 1, FALSE);
  assert_cursor (f, 19, 7);
  bk_sheet_selection_move (f->selection, BK_SHEET_MOVE_TABLE_ENDS, -1, -1, FALSE);
  assert_cursor (f, 0, 0);

  /* Ctrl+arrows: one edge, the other coordinate stays */
  bk_sheet_selection_set_cursor (f->selection, 4, 3);
  bk_sheet_selection_move (f->selection, BK_SHEET_MOVE_EDGES, 1, 0, FALSE);
  assert_cursor (f, 19, 3);
  bk_sheet_selection_move (f->selection, BK_SHEET_MOVE_EDGES, 0, 1, FALSE);
  assert_cursor (f, 19, 7);

  /* Page Down/Up by the page's rows, clamped */
  g_assert_cmpuint (bk_sheet_selection_get_page_rows (f->selection), ==, 1);
  bk_sheet_selection_set_page_rows (f->selection, 0);
  g_assert_cmpuint (bk_sheet_selection_get_page_rows (f->selection), ==, 1);
  bk_sheet_selection_set_page_rows (f->selection, 6);
  bk_sheet_selection_set_cursor (f->selection, 2, 1);
  bk_sheet_selection_move (f->selection, BK_SHEET_MOVE_PAGES, 1, 0, FALSE);
  assert_cursor (f, 8, 1);
  bk_sheet_selection_move (f->selection, BK_SHEET_MOVE_PAGES, 1, 0, FALSE);
  bk_sheet_selection_move (f->selection, BK_SHEET_MOVE_PAGES, 1, 0, FALSE);
  assert_cursor (f, 19, 1);
  bk_sheet_selection_move (f->selection, BK_SHEET_MOVE_PAGES, -1, 0, FALSE);
  assert_cursor (f, 13, 1);
  bk_sheet_selection_move (f->selection, BK_SHEET_MOVE_PAGES, -1, 0, TRUE);
  assert_cursor (f, 13, 1);
  assert_bounds (f, 7, 1, 13, 1);
}

static void
test_extend (Fixture       *f,
             gconstpointer  data)
{
  int row, column;

  bk_sheet_selection_set_cursor (f->selection, 5, 3);

  /* Shift moves the corner; the active cell stays */
  bk_sheet_selection_move (f->selection, BK_SHEET_MOVE_CELLS, 1, 0, TRUE);
  bk_sheet_selection_move (f->selection, BK_SHEET_MOVE_CELLS, 0, 1, TRUE);
  assert_cursor (f, 5, 3);
  assert_bounds (f, 5, 3, 6, 4);
  g_assert_true (bk_sheet_selection_get_corner (f->selection, &row, &column));
  g_assert_cmpint (row, ==, 6);
  g_assert_cmpint (column, ==, 4);
  g_assert_true (bk_sheet_selection_contains (f->selection, 6, 3));
  g_assert_false (bk_sheet_selection_contains (f->selection, 7, 3));

  /* ...past the anchor, the block turns round it */
  bk_sheet_selection_move (f->selection, BK_SHEET_MOVE_CELLS, -3, -3, TRUE);
  assert_cursor (f, 5, 3);
  assert_bounds (f, 3, 1, 5, 3);

  /* Shift+End extends to the row's end from the corner */
  bk_sheet_selection_move (f->selection, BK_SHEET_MOVE_ROW_ENDS, 0, 1, TRUE);
  assert_bounds (f, 3, 3, 5, 7);

  /* A plain move collapses it */
  bk_sheet_selection_move (f->selection, BK_SHEET_MOVE_CELLS, 1, 0, FALSE);
  assert_cursor (f, 6, 3);
  assert_bounds (f, 6, 3, 6, 3);

  /* Dragging: the corner goes where the pointer is */
  bk_sheet_selection_extend_to (f->selection, 2, 0);
  assert_cursor (f, 6, 3);
  assert_bounds (f, 2, 0, 6, 3);
  bk_sheet_selection_collapse (f->selection);
  assert_bounds (f, 6, 3, 6, 3);
}

static void
test_tab_enter (Fixture       *f,
                gconstpointer  data)
{
  /* Row-wise entry: Tab, Tab, Enter goes back to where the Tabs started */
  bk_sheet_selection_set_cursor (f->selection, 2, 1);
  bk_sheet_selection_move_tab (f->selection, FALSE);
  bk_sheet_selection_move_tab (f->selection, FALSE);
  bk_sheet_selection_move_tab (f->selection, FALSE);
  assert_cursor (f, 2, 4);
  bk_sheet_selection_move_enter (f->selection, FALSE);
  assert_cursor (f, 3, 1);

  /* Enter without Tabs stays in the column; Shift+Enter goes up */
  bk_sheet_selection_move_enter (f->selection, FALSE);
  assert_cursor (f, 4, 1);
  bk_sheet_selection_move_enter (f->selection, TRUE);
  assert_cursor (f, 3, 1);

  /* Shift+Tab goes back, and the run still starts where it started */
  bk_sheet_selection_move_tab (f->selection, FALSE);
  bk_sheet_selection_move_tab (f->selection, FALSE);
  bk_sheet_selection_move_tab (f->selection, TRUE);
  assert_cursor (f, 3, 2);
  bk_sheet_selection_move_enter (f->selection, FALSE);
  assert_cursor (f, 4, 1);

  /* An arrow key ends the run */
  bk_sheet_selection_move_tab (f->selection, FALSE);
  bk_sheet_selection_move (f->selection, BK_SHEET_MOVE_CELLS, 0, 1, FALSE);
  bk_sheet_selection_move_enter (f->selection, FALSE);
  assert_cursor (f, 5, 3);

  /* So do setting the cursor, selecting a range, and a click */
  bk_sheet_selection_move_tab (f->selection, FALSE);
  bk_sheet_selection_set_cursor (f->selection, 5, 6);
  bk_sheet_selection_move_enter (f->selection, FALSE);
  assert_cursor (f, 6, 6);

  bk_sheet_selection_move_tab (f->selection, TRUE);
  bk_sheet_selection_select_range (f->selection, 6, 5, 1, 1);
  bk_sheet_selection_move_enter (f->selection, FALSE);
  assert_cursor (f, 7, 5);

  bk_sheet_selection_move_tab (f->selection, FALSE);
  bk_sheet_selection_end_tab_run (f->selection);
  bk_sheet_selection_move_enter (f->selection, FALSE);
  assert_cursor (f, 8, 6);

  /* Selecting everything keeps the run (Enter still goes back) */
  bk_sheet_selection_move_tab (f->selection, FALSE);
  bk_sheet_selection_select_all (f->selection);
  bk_sheet_selection_move_enter (f->selection, FALSE);
  assert_cursor (f, 9, 6);

  /* Tab stops at the last column */
  bk_sheet_selection_set_cursor (f->selection, 0, 7);
  bk_sheet_selection_move_tab (f->selection, FALSE);
  assert_cursor (f, 0, 7);
}

static void
test_blocks (Fixture       *f,
             gconstpointer  data)
{
  bk_sheet_selection_set_cursor (f->selection, 4, 4);

  /* A range: active cell at its top-left, clamped to the table */
  bk_sheet_selection_select_range (f->selection, 17, 6, 10, 10);
  assert_cursor (f, 17, 6);
  assert_bounds (f, 17, 6, 19, 7);
  bk_sheet_selection_select_range (f->selection, 99, 99, 1, 1);
  assert_bounds (f, 19, 7, 19, 7);

  /* Everything: the active cell stays */
  bk_sheet_selection_set_cursor (f->selection, 4, 4);
  bk_sheet_selection_select_all (f->selection);
  assert_cursor (f, 4, 4);
  assert_bounds (f, 0, 0, 19, 7);
  g_assert_true (bk_sheet_selection_is_whole_rows (f->selection));
  g_assert_true (bk_sheet_selection_is_whole_columns (f->selection));

  /* Columns from the header, extended with Shift */
  bk_sheet_selection_select_columns (f->selection, 2, FALSE);
  assert_cursor (f, 0, 2);
  assert_bounds (f, 0, 2, 19, 2);
  g_assert_true (bk_sheet_selection_is_whole_columns (f->selection));
  g_assert_false (bk_sheet_selection_is_whole_rows (f->selection));
  bk_sheet_selection_select_columns (f->selection, 5, TRUE);
  assert_cursor (f, 0, 2);
  assert_bounds (f, 0, 2, 19, 5);

  /* Rows */
  bk_sheet_selection_select_rows (f->selection, 3, FALSE);
  assert_cursor (f, 3, 0);
  assert_bounds (f, 3, 0, 3, 7);
  g_assert_true (bk_sheet_selection_is_whole_rows (f->selection));
  bk_sheet_selection_select_rows (f->selection, 1, TRUE);
  assert_bounds (f, 1, 0, 3, 7);
  g_assert_false (bk_sheet_selection_is_whole_columns (f->selection));

  /* Editing collapses the selection onto the active cell */
  bk_sheet_selection_collapse (f->selection);
  assert_cursor (f, 3, 0);
  assert_bounds (f, 3, 0, 3, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/sheet-selection/shape", test_shape);
  ADD ("/sheet-selection/signals", test_signals);
  ADD ("/sheet-selection/moves", test_moves);
  ADD ("/sheet-selection/extend", test_extend);
  ADD ("/sheet-selection/tab-enter", test_tab_enter);
  ADD ("/sheet-selection/blocks", test_blocks);

#undef ADD

  return g_test_run ();
}
