/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-sheet-selection.c — the grid's active cell and selected block, without GTK
 *
 * What Gnumeric's item-cursor and sheet-view selection keep, for one table:
 * the active cell (the cursor), and the selected block spanned by an anchor
 * (where a selection started) and a corner (what Shift and dragging move).
 * Every change is clamped to the table's shape.  The view owns one, turns
 * keys and clicks into the calls below, and redraws on ::changed; nothing
 * here knows about widgets, so its habits are tested without a display.
 */

#include "config.h"

#include "bk-sheet-selection.h"

struct _BkSheetSelection
{
  GObject parent_instance;

  guint   n_rows;
  guint   n_columns;
  guint   page_rows;

  int     cursor_row;
  int     cursor_column;
  int     anchor_row;
  int     anchor_column;
  int     corner_row;
  int     corner_column;
  int     tab_origin_column;  /* where a run of Tabs started, or -1 */
};

G_DEFINE_FINAL_TYPE (BkSheetSelection, bk_sheet_selection, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CURSOR_ROW,
  PROP_CURSOR_COLUMN,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
bk_sheet_selection_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  BkSheetSelection *self = BK_SHEET_SELECTION (object);

  switch (prop_id)
    {
    case PROP_CURSOR_ROW:
      g_value_set_int (value, self->cursor_row);
      break;

    case PROP_CURSOR_COLUMN:
      g_value_set_int (value, self->cursor_column);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_sheet_selection_class_init (BkSheetSelectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = bk_sheet_selection_get_property;

  properties[PROP_CURSOR_ROW] =
    g_param_spec_int ("cursor-row", NULL, NULL,
                      -1, G_MAXINT, -1,
                      (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CURSOR_COLUMN] =
    g_param_spec_int ("cursor-column", NULL, NULL,
                      -1, G_MAXINT, -1,
                      (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BkSheetSelection::changed:
   * @cursor_moved: whether the active cell moved (its notify:: came first)
   *
   * The active cell or the selected block changed.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
}

static void
bk_sheet_selection_init (BkSheetSelection *self)
{
  self->page_rows = 1;
  self->cursor_row = self->cursor_column = -1;
  self->anchor_row = self->anchor_column = -1;
  self->corner_row = self->corner_column = -1;
  self->tab_origin_column = -1;
}

BkSheetSelection *
bk_sheet_selection_new (void)
{
  return g_object_new (BK_TYPE_SHEET_SELECTION, NULL);
}

static gboolean
is_empty (BkSheetSelection *self)
{
  return self->cursor_row < 0;
}

void
bk_sheet_selection_set (BkSheetSelection *self,
                        int               cursor_row,
                        int               cursor_column,
                        int               anchor_row,
                        int               anchor_column,
                        int               corner_row,
                        int               corner_column)
{
  gboolean row_changed, column_changed;
  int max_row, max_column;

  g_return_if_fail (BK_IS_SHEET_SELECTION (self));

  max_row = (int) self->n_rows - 1;
  max_column = (int) self->n_columns - 1;

  if (max_row < 0 || max_column < 0)
    cursor_row = cursor_column = anchor_row = anchor_column = corner_row = corner_column = -1;
  else
    {
      cursor_row = CLAMP (cursor_row, 0, max_row);
      anchor_row = CLAMP (anchor_row, 0, max_row);
      corner_row = CLAMP (corner_row, 0, max_row);
      cursor_column = CLAMP (cursor_column, 0, max_column);
      anchor_column = CLAMP (anchor_column, 0, max_column);
      corner_column = CLAMP (corner_column, 0, max_column);
    }

  row_changed = cursor_row != self->cursor_row;
  column_changed = cursor_column != self->cursor_column;

  if (!row_changed && !column_changed &&
      anchor_row == self->anchor_row && anchor_column == self->anchor_column &&
      corner_row == self->corner_row && corner_column == self->corner_column)
    return;

  self->cursor_row = cursor_row;
  self->cursor_column = cursor_column;
  self->anchor_row = anchor_row;
  self->anchor_column = anchor_column;
  self->corner_row = corner_row;
  self->corner_column = corner_column;

  if (row_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURSOR_ROW]);
  if (column_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURSOR_COLUMN]);

  g_signal_emit (self, signals[CHANGED], 0, row_changed || column_changed);
}

void
bk_sheet_selection_set_shape (BkSheetSelection *self,
                              guint             n_rows,
                              guint             n_columns)
{
  g_return_if_fail (BK_IS_SHEET_SELECTION (self));

  self->n_rows = n_rows;
  self->n_columns = n_columns;

  if (n_rows == 0 || n_columns == 0)
    bk_sheet_selection_set (self, -1, -1, -1, -1, -1, -1);
  else if (is_empty (self))
    bk_sheet_selection_set (self, 0, 0, 0, 0, 0, 0);
  else
    bk_sheet_selection_set (self,
                            self->cursor_row, self->cursor_column,
                            self->anchor_row, self->anchor_column,
                            self->corner_row, self->corner_column);
}

guint
bk_sheet_selection_get_n_rows (BkSheetSelection *self)
{
  g_return_val_if_fail (BK_IS_SHEET_SELECTION (self), 0);

  return self->n_rows;
}

guint
bk_sheet_selection_get_n_columns (BkSheetSelection *self)
{
  g_return_val_if_fail (BK_IS_SHEET_SELECTION (self), 0);

  return self->n_columns;
}

void
bk_sheet_selection_set_page_rows (BkSheetSelection *self,
                                  guint             page_rows)
{
  g_return_if_fail (BK_IS_SHEET_SELECTION (self));

  self->page_rows = MAX (1, page_rows);
}

guint
bk_sheet_selection_get_page_rows (BkSheetSelection *self)
{
  g_return_val_if_fail (BK_IS_SHEET_SELECTION (self), 1);

  return self->page_rows;
}

static gboolean
get_cell (BkSheetSelection *self,
          int               cell_row,
          int               cell_column,
          int              *row,
          int              *column)
{
  if (row)
    *row = cell_row;
  if (column)
    *column = cell_column;

  return !is_empty (self);
}

gboolean
bk_sheet_selection_get_cursor (BkSheetSelection *self,
                               int              *row,
                               int              *column)
{
  g_return_val_if_fail (BK_IS_SHEET_SELECTION (self), FALSE);

  return get_cell (self, self->cursor_row, self->cursor_column, row, column);
}

gboolean
bk_sheet_selection_get_corner (BkSheetSelection *self,
                               int              *row,
                               int              *column)
{
  g_return_val_if_fail (BK_IS_SHEET_SELECTION (self), FALSE);

  return get_cell (self, self->corner_row, self->corner_column, row, column);
}

gboolean
bk_sheet_selection_get_bounds (BkSheetSelection *self,
                               int              *first_row,
                               int              *first_column,
                               int              *last_row,
                               int              *last_column)
{
  g_return_val_if_fail (BK_IS_SHEET_SELECTION (self), FALSE);

  if (first_row)
    *first_row = MIN (self->anchor_row, self->corner_row);
  if (last_row)
    *last_row = MAX (self->anchor_row, self->corner_row);
  if (first_column)
    *first_column = MIN (self->anchor_column, self->corner_column);
  if (last_column)
    *last_column = MAX (self->anchor_column, self->corner_column);

  return !is_empty (self);
}

gboolean
bk_sheet_selection_contains (BkSheetSelection *self,
                             int               row,
                             int               column)
{
  int r0, c0, r1, c1;

  g_return_val_if_fail (BK_IS_SHEET_SELECTION (self), FALSE);

  return bk_sheet_selection_get_bounds (self, &r0, &c0, &r1, &c1) &&
         row >= r0 && row <= r1 && column >= c0 && column <= c1;
}

gboolean
bk_sheet_selection_is_whole_rows (BkSheetSelection *self)
{
  g_return_val_if_fail (BK_IS_SHEET_SELECTION (self), FALSE);

  return !is_empty (self) &&
         MIN (self->anchor_column, self->corner_column) == 0 &&
         MAX (self->anchor_column, self->corner_column) == (int) self->n_columns - 1;
}

gboolean
bk_sheet_selection_is_whole_columns (BkSheetSelection *self)
{
  g_return_val_if_fail (BK_IS_SHEET_SELECTION (self), FALSE);

  return !is_empty (self) &&
         MIN (self->anchor_row, self->corner_row) == 0 &&
         MAX (self->anchor_row, self->corner_row) == (int) self->n_rows - 1;
}

/* Collapses onto (@row, @column), or with @extend moves the corner there. */
static void
move_to (BkSheetSelection *self,
         int               row,
         int               column,
         gboolean          extend)
{
  if (extend)
    bk_sheet_selection_set (self,
                            self->cursor_row, self->cursor_column,
                            self->anchor_row, self->anchor_column,
                            row, column);
  else
    bk_sheet_selection_set (self, row, column, row, column, row, column);
}

void
bk_sheet_selection_set_cursor (BkSheetSelection *self,
                               int               row,
                               int               column)
{
  g_return_if_fail (BK_IS_SHEET_SELECTION (self));

  if (is_empty (self))
    return;

  self->tab_origin_column = -1;
  move_to (self, row, column, FALSE);
}

void
bk_sheet_selection_extend_to (BkSheetSelection *self,
                              int               row,
                              int               column)
{
  g_return_if_fail (BK_IS_SHEET_SELECTION (self));

  if (is_empty (self))
    return;

  move_to (self, row, column, TRUE);
}

void
bk_sheet_selection_select_range (BkSheetSelection *self,
                                 guint             row,
                                 guint             column,
                                 guint             n_rows,
                                 guint             n_columns)
{
  g_return_if_fail (BK_IS_SHEET_SELECTION (self));
  g_return_if_fail (n_rows > 0 && n_columns > 0);

  if (is_empty (self))
    return;

  row = MIN (row, self->n_rows - 1);
  column = MIN (column, self->n_columns - 1);
  n_rows = MIN (n_rows, self->n_rows - row);
  n_columns = MIN (n_columns, self->n_columns - column);

  self->tab_origin_column = -1;
  bk_sheet_selection_set (self, row, column, row, column,
                          row + n_rows - 1, column + n_columns - 1);
}

void
bk_sheet_selection_select_all (BkSheetSelection *self)
{
  g_return_if_fail (BK_IS_SHEET_SELECTION (self));

  if (is_empty (self))
    return;

  bk_sheet_selection_set (self, self->cursor_row, self->cursor_column,
                          0, 0, self->n_rows - 1, self->n_columns - 1);
}

void
bk_sheet_selection_select_columns (BkSheetSelection *self,
                                   int               column,
                                   gboolean          extend)
{
  int last;

  g_return_if_fail (BK_IS_SHEET_SELECTION (self));

  if (is_empty (self))
    return;

  last = (int) self->n_rows - 1;
  if (extend)
    bk_sheet_selection_set (self, self->cursor_row, self->cursor_column,
                            0, self->anchor_column, last, column);
  else
    bk_sheet_selection_set (self, 0, column, 0, column, last, column);
}

void
bk_sheet_selection_select_rows (BkSheetSelection *self,
                                int               row,
                                gboolean          extend)
{
  int last;

  g_return_if_fail (BK_IS_SHEET_SELECTION (self));

  if (is_empty (self))
    return;

  last = (int) self->n_columns - 1;
  if (extend)
    bk_sheet_selection_set (self, self->cursor_row, self->cursor_column,
                            self->anchor_row, 0, row, last);
  else
    bk_sheet_selection_set (self, row, 0, row, 0, row, last);
}

void
bk_sheet_selection_collapse (BkSheetSelection *self)
{
  g_return_if_fail (BK_IS_SHEET_SELECTION (self));

  move_to (self, self->cursor_row, self->cursor_column, FALSE);
}

void
bk_sheet_selection_move (BkSheetSelection *self,
                         BkSheetMove       kind,
                         int               d_row,
                         int               d_column,
                         gboolean          extend)
{
  int row, column;

  g_return_if_fail (BK_IS_SHEET_SELECTION (self));

  if (is_empty (self))
    return;

  self->tab_origin_column = -1;

  row = extend ? self->corner_row : self->cursor_row;
  column = extend ? self->corner_column : self->cursor_column;

  switch (kind)
    {
    case BK_SHEET_MOVE_CELLS:
      row += d_row;
      column += d_column;
      break;

    case BK_SHEET_MOVE_PAGES:
      row += d_row * (int) self->page_rows;
      break;

    case BK_SHEET_MOVE_ROW_ENDS:
      column = d_column < 0 ? 0 : (int) self->n_columns - 1;
      break;

    case BK_SHEET_MOVE_TABLE_ENDS:
      row = d_row < 0 ? 0 : (int) self->n_rows - 1;
      column = d_column < 0 ? 0 : (int) self->n_columns - 1;
      break;

    case BK_SHEET_MOVE_EDGES:
      if (d_row != 0)
        row = d_row < 0 ? 0 : (int) self->n_rows - 1;
      if (d_column != 0)
        column = d_column < 0 ? 0 : (int) self->n_columns - 1;
      break;

    default:
      g_return_if_reached ();
    }

  move_to (self, row, column, extend);
}

void
bk_sheet_selection_move_tab (BkSheetSelection *self,
                             gboolean          backwards)
{
  int origin;

  g_return_if_fail (BK_IS_SHEET_SELECTION (self));

  if (is_empty (self))
    return;

  origin = self->tab_origin_column >= 0 ? self->tab_origin_column : self->cursor_column;
  move_to (self, self->cursor_row, self->cursor_column + (backwards ? -1 : 1), FALSE);
  self->tab_origin_column = origin;
}

void
bk_sheet_selection_move_enter (BkSheetSelection *self,
                               gboolean          backwards)
{
  int column;

  g_return_if_fail (BK_IS_SHEET_SELECTION (self));

  if (is_empty (self))
    return;

  column = self->tab_origin_column >= 0 ? self->tab_origin_column : self->cursor_column;
  self->tab_origin_column = -1;
  move_to (self, self->cursor_row + (backwards ? -1 : 1), column, FALSE);
}

void
bk_sheet_selection_end_tab_run (BkSheetSelection *self)
{
  g_return_if_fail (BK_IS_SHEET_SELECTION (self));

  self->tab_origin_column = -1;
}
