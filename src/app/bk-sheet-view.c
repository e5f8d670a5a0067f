/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-sheet-view.c — the spreadsheet grid: draws a BkTableModel, edits its cells
 *
 * This file is the grid's geometry, scrolling, measure and allocate, its
 * snapshot, following the model, and the public API.  One widget draws
 * every visible cell in snapshot() with a handful of reused Pango layouts;
 * nothing is allocated per row or per column.  Its other jobs live next
 * door, sharing bk-sheet-view-private.h, the way Gnumeric splits its grid:
 *   bk-sheet-view-draw.c       painting cells and headers (item-grid);
 *   bk-sheet-selection.c       the active cell and selection (item-cursor),
 *                              a plain GObject tested without a display;
 *   bk-sheet-editor.c          the in-place editor and error popover (item-edit);
 *   bk-sheet-view-input.c      keys, actions and the pointer (the pane);
 *   bk-sheet-view-clipboard.c  copy, cut, paste, clear and fill, as
 *                              tab-separated text from bk-delimited.c
 *                              (clipboard.c).
 * Every change is one bk_table_model_set_range() call per user action.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bk-sheet-view-private.h"

static void bk_sheet_view_scrollable_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BkSheetView, bk_sheet_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE,
                                                      bk_sheet_view_scrollable_init))

enum {
  PROP_0,
  PROP_MODEL,
  PROP_CONTEXT_MENU,
  PROP_CURSOR_ROW,
  PROP_CURSOR_COLUMN,
  PROP_EDITING,
  N_PROPS,

  /* GtkScrollable */
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

enum {
  CURSOR_MOVED,
  SELECTION_CHANGED,
  ACTIVATE_CELL,
  ERROR_SIGNAL,
  ERROR_CLEARED,
  COLUMN_RESIZED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char * const block_actions[] = {
  "sheet.copy", "sheet.cut", "sheet.paste", "sheet.clear",
  "sheet.fill-down", "sheet.fill-right", "sheet.select-all",
};

/* ------------------------------------------------------------------------ */
/* Geometry                                                                  */

static void
invalidate_metrics (BkSheetView *self)
{
  self->metrics_valid = FALSE;
  for (guint i = 0; i < N_LAYOUTS; i++)
    g_clear_object (&self->layouts[i]);
}

static void
update_column_x (BkSheetView *self)
{
  self->column_x[0] = 0;
  for (guint c = 0; c < self->n_columns; c++)
    self->column_x[c + 1] = self->column_x[c] + self->column_widths[c];
}

static void
ensure_layouts (BkSheetView *self)
{
  if (self->layouts[0] != NULL)
    return;

  for (guint i = 0; i < N_LAYOUTS; i++)
    {
      PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
      PangoAttrList *attrs = pango_attr_list_new ();

      /* Tabular figures keep the digits of a column lined up. */
      pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
      if (i & LAYOUT_BOLD)
        pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      if (i & LAYOUT_ITALIC)
        pango_attr_list_insert (attrs, pango_attr_style_new (PANGO_STYLE_ITALIC));
      pango_layout_set_attributes (layout, attrs);
      pango_layout_set_single_paragraph_mode (layout, TRUE);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_attr_list_unref (attrs);

      self->layouts[i] = layout;
    }
}

int
bk_sheet_view_measure_text (BkSheetView *self,
                            guint        layout_index,
                            const char  *text,
                            int          len)
{
  PangoLayout *layout = self->layouts[layout_index];
  int width;

  pango_layout_set_width (layout, -1);
  pango_layout_set_text (layout, text, len);
  pango_layout_get_pixel_size (layout, &width, NULL);

  return width;
}

static void
ensure_row_header_width (BkSheetView *self)
{
  int widest = 0;
  guint n;

  if (self->row_header_valid)
    return;

  self->row_header_valid = TRUE;

  if (self->user_row_header_width > 0)
    {
      self->row_header_width = self->user_row_header_width;
      return;
    }

  /* Row headers are names: measure the first rows (all of them in any real
   * workbook) in bold, as a selected row's header is drawn; names past the
   * limit, or further down, are ellipsized and shown whole in a tooltip. */
  n = MIN (self->n_rows, MAX_MEASURED_HEADERS);
  for (guint r = 0; r < n; r++)
    {
      bk_table_model_get_row_header (self->model, r, self->scratch);
      widest = MAX (widest, bk_sheet_view_measure_text (self, LAYOUT_BOLD, self->scratch->str,
                                                        self->scratch->len));
    }

  self->row_header_width = CLAMP (widest + 2 * CELL_PAD_X + 2,
                                  6 * self->digit_width,
                                  MAX_ROW_HEADER_CHARS * self->digit_width);
}

static void
ensure_column_widths (BkSheetView *self)
{
  if (self->widths_valid)
    return;

  self->widths_valid = TRUE;

  for (guint c = 0; c < self->n_columns; c++)
    {
      guint chars = self->model ? bk_table_model_get_column_width_hint (self->model, c) : 0;

      if (chars == 0)
        chars = DEFAULT_WIDTH_CHARS;
      self->column_widths[c] = MAX (MIN_COLUMN_WIDTH,
                                    (int) chars * self->digit_width + 2 * CELL_PAD_X);
    }
  bk_sheet_view_fit_column_headers (self);
  update_column_x (self);
}

void
bk_sheet_view_ensure_metrics (BkSheetView *self)
{
  if (!self->metrics_valid)
    {
      PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
      PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);
      int text_height, digit_width;

      ensure_layouts (self);

      text_height = PANGO_PIXELS_CEIL (pango_font_metrics_get_ascent (metrics) +
                                       pango_font_metrics_get_descent (metrics));
      digit_width = MAX (1, PANGO_PIXELS_CEIL (pango_font_metrics_get_approximate_digit_width (metrics)));
      pango_font_metrics_unref (metrics);

      /* The layout's logical height is what gets centred in a row. */
      pango_layout_set_text (self->layouts[0], "0", 1);
      pango_layout_get_pixel_size (self->layouts[0], NULL, &text_height);
      self->hash_width = MAX (1, bk_sheet_view_measure_text (self, 0, "#", 1));

      self->metrics_valid = TRUE;

      if (text_height != self->text_height || digit_width != self->digit_width)
        {
          self->text_height = text_height;
          self->digit_width = digit_width;
          self->row_height = text_height + 2 * CELL_PAD_Y;
          self->header_height = self->row_height + 2;
          self->widths_valid = FALSE;
          self->row_header_valid = FALSE;
          gtk_widget_queue_resize (GTK_WIDGET (self));
        }
    }

  ensure_column_widths (self);
  if (self->model != NULL)
    ensure_row_header_width (self);
  else
    self->row_header_width = 0;
}

static int
cells_width (BkSheetView *self)
{
  return MAX (0, gtk_widget_get_width (GTK_WIDGET (self)) - self->row_header_width);
}

int
bk_sheet_view_cells_height (BkSheetView *self)
{
  return MAX (0, gtk_widget_get_height (GTK_WIDGET (self)) - self->header_height);
}

int
bk_sheet_view_h_offset (BkSheetView *self)
{
  return (int) round (gtk_adjustment_get_value (self->hadjustment));
}

int
bk_sheet_view_v_offset (BkSheetView *self)
{
  return (int) round (gtk_adjustment_get_value (self->vadjustment));
}

/* The column containing content x @x (clamped). */
int
bk_sheet_view_column_at_offset (BkSheetView *self,
                                double       x)
{
  guint lo = 0, hi;

  g_assert (self->n_columns > 0);

  hi = self->n_columns - 1;
  while (lo < hi)
    {
      guint mid = (lo + hi + 1) / 2;

      if (self->column_x[mid] <= x)
        lo = mid;
      else
        hi = mid - 1;
    }

  return lo;
}

int
bk_sheet_view_row_at_offset (BkSheetView *self,
                             double       y)
{
  g_assert (self->n_rows > 0);

  if (y < 0)
    return 0;

  return MIN ((guint) (y / self->row_height), self->n_rows - 1);
}

void
bk_sheet_view_cell_rect (BkSheetView  *self,
                         int           row,
                         int           column,
                         GdkRectangle *rect)
{
  rect->x = self->row_header_width + self->column_x[column] - bk_sheet_view_h_offset (self);
  rect->y = self->header_height + row * self->row_height - bk_sheet_view_v_offset (self);
  rect->width = self->column_widths[column];
  rect->height = self->row_height;
}

HitKind
bk_sheet_view_hit_test (BkSheetView *self,
                        double       x,
                        double       y,
                        int         *row,
                        int         *column)
{
  int hw = self->row_header_width;
  int hh = self->header_height;

  *row = *column = -1;

  if (self->model == NULL || self->n_rows == 0 || self->n_columns == 0)
    return HIT_NONE;

  if (y < hh)
    {
      if (fabs (x - hw) <= RESIZE_HANDLE)
        return HIT_HEADER_BORDER;

      if (x < hw)
        return HIT_CORNER;

      /* The right edge of a column resizes it. */
      *column = bk_sheet_view_column_at_offset (self, x - hw + bk_sheet_view_h_offset (self));
      {
        int right = hw + self->column_x[*column + 1] - bk_sheet_view_h_offset (self);
        int left = hw + self->column_x[*column] - bk_sheet_view_h_offset (self);

        if (fabs (x - right) <= RESIZE_HANDLE)
          return HIT_COLUMN_BORDER;
        if (*column > 0 && fabs (x - left) <= RESIZE_HANDLE && left > hw + RESIZE_HANDLE)
          {
            *column -= 1;
            return HIT_COLUMN_BORDER;
          }
      }
      return HIT_COLUMN_HEADER;
    }

  *row = bk_sheet_view_row_at_offset (self, y - hh + bk_sheet_view_v_offset (self));

  if (x < hw)
    return HIT_ROW_HEADER;

  *column = bk_sheet_view_column_at_offset (self, x - hw + bk_sheet_view_h_offset (self));

  return HIT_CELL;
}

void
bk_sheet_view_clamp_point_to_view (BkSheetView  *self,
                                   GdkRectangle *rect,
                                   int           width,
                                   int           height)
{
  rect->x = CLAMP (rect->x, self->row_header_width, MAX (self->row_header_width, width - 1));
  rect->y = CLAMP (rect->y, self->header_height, MAX (self->header_height, height - 1));
}

/* ------------------------------------------------------------------------ */
/* Scrolling                                                                 */

static void
configure_adjustments (BkSheetView *self)
{
  double content_w = self->n_columns ? self->column_x[self->n_columns] : 0;
  double content_h = (double) self->n_rows * self->row_height;
  double page_w = cells_width (self);
  double page_h = bk_sheet_view_cells_height (self);

  gtk_adjustment_configure (self->hadjustment,
                            CLAMP (gtk_adjustment_get_value (self->hadjustment),
                                   0, MAX (0, content_w - page_w)),
                            0, MAX (content_w, page_w),
                            self->digit_width * 4, page_w * 0.9, page_w);
  gtk_adjustment_configure (self->vadjustment,
                            CLAMP (gtk_adjustment_get_value (self->vadjustment),
                                   0, MAX (0, content_h - page_h)),
                            0, MAX (content_h, page_h),
                            self->row_height, MAX (self->row_height, page_h - self->row_height),
                            page_h);
}

static void
scroll_to_cell_now (BkSheetView *self,
                    int          row,
                    int          column)
{
  double page_w = gtk_adjustment_get_page_size (self->hadjustment);
  double page_h = gtk_adjustment_get_page_size (self->vadjustment);
  double left, right, top, bottom, value;

  if (row < 0 || column < 0 || page_w <= 0 || page_h <= 0)
    return;

  left = self->column_x[column];
  right = self->column_x[column + 1];
  value = gtk_adjustment_get_value (self->hadjustment);
  if (right - left > page_w || left < value)
    gtk_adjustment_set_value (self->hadjustment, left);
  else if (right > value + page_w)
    gtk_adjustment_set_value (self->hadjustment, right - page_w);

  top = (double) row * self->row_height;
  bottom = top + self->row_height;
  value = gtk_adjustment_get_value (self->vadjustment);
  if (top < value)
    gtk_adjustment_set_value (self->vadjustment, top);
  else if (bottom > value + page_h)
    gtk_adjustment_set_value (self->vadjustment, MIN (top, bottom - page_h));
}

void
bk_sheet_view_scroll_to (BkSheetView *self,
                         int          row,
                         int          column)
{
  /* Before the first allocation the adjustments know nothing: do it then. */
  if (!self->metrics_valid || gtk_adjustment_get_page_size (self->vadjustment) <= 0)
    {
      self->scroll_pending = TRUE;
      gtk_widget_queue_allocate (GTK_WIDGET (self));
      return;
    }

  scroll_to_cell_now (self, row, column);
}

void
bk_sheet_view_scroll_to_corner (BkSheetView *self)
{
  int row, column;

  if (bk_sheet_selection_get_corner (self->selection, &row, &column))
    bk_sheet_view_scroll_to (self, row, column);
}

static void
adjustment_value_changed_cb (BkSheetView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (!self->in_allocate &&
      (self->editing ||
       bk_sheet_editor_error_is_visible (self) ||
       (self->context_popover && gtk_widget_get_visible (self->context_popover))))
    gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
set_adjustment (BkSheetView    *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment)
{
  if (adjustment != NULL && *slot == adjustment)
    return;

  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_func (*slot, adjustment_value_changed_cb, self);
      g_clear_object (slot);
    }

  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);

  *slot = g_object_ref_sink (adjustment);
  g_signal_connect_swapped (adjustment, "value-changed",
                            G_CALLBACK (adjustment_value_changed_cb), self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* ------------------------------------------------------------------------ */
/* Cursor and selection (bk-sheet-selection.c)                               */

static void
selection_changed_cb (BkSheetView      *self,
                      gboolean          cursor_moved,
                      BkSheetSelection *selection)
{
  bk_sheet_editor_hide_error (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (cursor_moved)
    {
      int row, column;

      bk_sheet_selection_get_cursor (selection, &row, &column);
      bk_sheet_view_update_accessible_cell (self);
      g_signal_emit (self, signals[CURSOR_MOVED], 0, row, column);
    }

  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

static void
selection_cursor_row_cb (BkSheetView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURSOR_ROW]);
}

static void
selection_cursor_column_cb (BkSheetView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURSOR_COLUMN]);
}

/* ------------------------------------------------------------------------ */
/* For the editor and input                                                  */

void
bk_sheet_view_update_block_actions (BkSheetView *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (block_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), block_actions[i],
                                   !self->editing && self->model != NULL);
}

gboolean
bk_sheet_view_cell_is_editable (BkSheetView *self,
                                int          row,
                                int          column)
{
  BkTableCellFlags flags;

  if (self->model == NULL || row < 0 || column < 0)
    return FALSE;

  if (BK_TABLE_MODEL_GET_IFACE (self->model)->set_range == NULL)
    return FALSE;

  flags = bk_table_model_get_cell (self->model, row, column, NULL);

  return (flags & BK_TABLE_CELL_READ_ONLY) == 0;
}

void
bk_sheet_view_notify_editing (BkSheetView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITING]);
}

void
bk_sheet_view_emit_error (BkSheetView *self,
                          const char  *message)
{
  g_signal_emit (self, signals[ERROR_SIGNAL], 0, message);
}

void
bk_sheet_view_emit_error_cleared (BkSheetView *self)
{
  g_signal_emit (self, signals[ERROR_CLEARED], 0);
}

void
bk_sheet_view_emit_activate_cell (BkSheetView *self,
                                  int          row,
                                  int          column)
{
  g_signal_emit (self, signals[ACTIVATE_CELL], 0, row, column);
}

void
bk_sheet_view_emit_column_resized (BkSheetView *self,
                                   guint        column)
{
  g_signal_emit (self, signals[COLUMN_RESIZED], 0, column);
}

/* ------------------------------------------------------------------------ */
/* Snapshot                                                                  */

static void
bk_sheet_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  BkSheetView *self = BK_SHEET_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int first_row = -1, last_row = -1, first_column = -1, last_column = -1;
  int hw, hh, cw, ch, hoff, voff;
  int cursor_row, cursor_column;
  Palette pal;

  self->n_drawn_cells = 0;

  if (self->model == NULL || width <= 0 || height <= 0)
    return;

  bk_sheet_view_ensure_metrics (self);
  bk_sheet_view_load_palette (self, &pal);

  hw = self->row_header_width;
  hh = self->header_height;
  cw = cells_width (self);
  ch = bk_sheet_view_cells_height (self);
  hoff = bk_sheet_view_h_offset (self);
  voff = bk_sheet_view_v_offset (self);
  bk_sheet_selection_get_cursor (self->selection, &cursor_row, &cursor_column);

  if (self->n_rows > 0 && self->n_columns > 0 && cw > 0 && ch > 0)
    {
      int r0, c0, r1, c1, x, y, right, bottom;
      int sx = 0, sy = 0, ex = 0, ey = 0;
      gboolean focused = self->has_focus_within;
      gboolean have_selection;

      first_row = bk_sheet_view_row_at_offset (self, voff);
      last_row = bk_sheet_view_row_at_offset (self, voff + ch - 1);
      first_column = bk_sheet_view_column_at_offset (self, hoff);
      last_column = bk_sheet_view_column_at_offset (self, hoff + cw - 1);

      gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (hw, hh, cw, ch));

      /* Selection: one tinted rectangle under the text, clipped to what is
       * visible; the active cell inside it keeps the plain background. */
      bk_sheet_selection_get_bounds (self->selection, &r0, &c0, &r1, &c1);
      have_selection = (r0 != r1 || c0 != c1) &&
                       r1 >= first_row && r0 <= last_row &&
                       c1 >= first_column && c0 <= last_column;
      if (have_selection)
        {
          GdkRectangle cursor;

          sx = MAX (hw - 1, hw + self->column_x[MAX (c0, first_column)] - hoff);
          sy = MAX (hh - 1, hh + MAX (r0, first_row) * self->row_height - voff);
          ex = hw + self->column_x[MIN (c1, last_column) + 1] - hoff;
          ey = hh + (MIN (r1, last_row) + 1) * self->row_height - voff;
          bk_sheet_view_fill_rect (snapshot, &pal.selection, sx, sy, ex - sx, ey - sy);

          bk_sheet_view_cell_rect (self, cursor_row, cursor_column, &cursor);
          bk_sheet_view_fill_rect (snapshot, &pal.view_bg, cursor.x, cursor.y, cursor.width, cursor.height);
        }

      bk_sheet_view_draw_cells (self, snapshot, &pal, first_row, last_row, first_column, last_column);

      /* Grid lines: one rectangle per visible row and column */
      right = MIN (width, hw + self->column_x[last_column + 1] - hoff);
      bottom = MIN (height, hh + (last_row + 1) * self->row_height - voff);
      for (int c = first_column; c <= last_column; c++)
        bk_sheet_view_fill_rect (snapshot, &pal.border,
                                 hw + self->column_x[c + 1] - hoff - 1, hh, 1, bottom - hh);
      for (int r = first_row; r <= last_row; r++)
        bk_sheet_view_fill_rect (snapshot, &pal.border,
                                 hw, hh + (r + 1) * self->row_height - voff - 1, right - hw, 1);

      if (have_selection)
        {
          GskRoundedRect outline;
          const GdkRGBA *edge = focused ? &pal.accent_bg : &pal.cursor_unfocused;

          gsk_rounded_rect_init_from_rect (&outline,
                                           &GRAPHENE_RECT_INIT (sx - 1, sy - 1,
                                                                ex - sx + 1, ey - sy + 1),
                                           0);
          gtk_snapshot_append_border (snapshot, &outline,
                                      (float[4]) { 1, 1, 1, 1 },
                                      (GdkRGBA[4]) { *edge, *edge, *edge, *edge });
        }

      /* The editor, over its cell, on the view's background */
      if (self->editing && gtk_widget_get_visible (self->editor))
        {
          GdkRectangle *a = &self->editor_area;

          bk_sheet_view_fill_rect (snapshot, &pal.view_bg, a->x, a->y, a->width, a->height);
          gtk_widget_snapshot_child (widget, self->editor, snapshot);
        }

      /* The active cell: a 2 px border, accent coloured while focused */
      if (cursor_row >= 0)
        {
          GdkRectangle rect;
          GskRoundedRect outline;
          const GdkRGBA *edge = focused ? &pal.accent_bg : &pal.cursor_unfocused;

          if (self->editing)
            rect = self->editor_area;
          else
            bk_sheet_view_cell_rect (self, cursor_row, cursor_column, &rect);
          x = rect.x - 1;
          y = rect.y - 1;
          gsk_rounded_rect_init_from_rect (&outline,
                                           &GRAPHENE_RECT_INIT (x, y, rect.width + 1, rect.height + 1),
                                           0);
          gtk_snapshot_append_border (snapshot, &outline,
                                      (float[4]) { 2, 2, 2, 2 },
                                      (GdkRGBA[4]) { *edge, *edge, *edge, *edge });
        }

      gtk_snapshot_pop (snapshot);
    }

  bk_sheet_view_draw_headers (self, snapshot, &pal, width, height,
                              first_row, last_row, first_column, last_column);
}

/* ------------------------------------------------------------------------ */
/* Size                                                                      */

static void
bk_sheet_view_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  BkSheetView *self = BK_SHEET_VIEW (widget);

  bk_sheet_view_ensure_metrics (self);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int content = self->n_columns ? self->column_x[self->n_columns] : 0;
      int one = self->n_columns ? self->column_widths[0] : 0;

      *minimum = self->row_header_width + one;
      /* All the columns, up to a screenful: a parent (a paned) shares out
       * the room */
      *natural = self->row_header_width +
                 MIN (content, 24 * (DEFAULT_WIDTH_CHARS * self->digit_width + 2 * CELL_PAD_X));
    }
  else
    {
      *minimum = self->header_height + self->row_height;
      /* At least the minimum: an empty table still keeps a row's room */
      *natural = self->header_height + (int) CLAMP (self->n_rows, 1, 12) * self->row_height;
    }
}

static void
bk_sheet_view_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  BkSheetView *self = BK_SHEET_VIEW (widget);

  bk_sheet_view_ensure_metrics (self);

  self->in_allocate = TRUE;
  configure_adjustments (self);
  if (self->scroll_pending)
    {
      int row, column;

      self->scroll_pending = FALSE;
      if (self->editing)
        scroll_to_cell_now (self, self->edit_row, self->edit_column);
      else if (bk_sheet_selection_get_corner (self->selection, &row, &column))
        scroll_to_cell_now (self, row, column);
    }
  self->in_allocate = FALSE;

  bk_sheet_editor_allocate (self, width, height);

  if (self->context_popover != NULL && gtk_widget_get_visible (self->context_popover))
    {
      gtk_popover_set_pointing_to (GTK_POPOVER (self->context_popover), &self->context_point);
      gtk_popover_present (GTK_POPOVER (self->context_popover));
    }
}

/* ------------------------------------------------------------------------ */
/* Model                                                                     */

static void
model_cells_changed_cb (BkSheetView *self,
                        guint        row,
                        guint        column,
                        guint        n_rows,
                        guint        n_columns)
{
  int cursor_row, cursor_column;

  if (bk_sheet_selection_get_cursor (self->selection, &cursor_row, &cursor_column) &&
      cursor_row >= (int) row && cursor_row < (int) (row + n_rows) &&
      cursor_column >= (int) column && cursor_column < (int) (column + n_columns))
    {
      /* A sheet on another page says its cell when it is shown again: a
       * result sheet's cell would recompute the engine inside the edit
       * that changed it, for a description no one hears */
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        bk_sheet_view_update_accessible_cell (self);
      else
        self->accessible_cell_stale = TRUE;
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
reload_shape (BkSheetView *self)
{
  guint n_rows = self->model ? bk_table_model_get_n_rows (self->model) : 0;
  guint n_columns = self->model ? bk_table_model_get_n_columns (self->model) : 0;

  if (n_columns != self->n_columns || self->column_widths == NULL)
    {
      g_free (self->column_widths);
      g_free (self->column_x);
      self->column_widths = g_new0 (int, MAX (1, n_columns));
      self->column_x = g_new0 (int, n_columns + 1);
      self->widths_valid = FALSE;
    }

  self->n_rows = n_rows;
  self->n_columns = n_columns;
  self->row_header_valid = FALSE;

  if (self->editing &&
      (self->edit_row >= (int) n_rows || self->edit_column >= (int) n_columns))
    bk_sheet_editor_stop (self);

  gtk_accessible_update_relation (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_RELATION_ROW_COUNT, (int) n_rows,
                                  GTK_ACCESSIBLE_RELATION_COL_COUNT, (int) n_columns,
                                  -1);

  bk_sheet_selection_set_shape (self->selection, n_rows, n_columns);

  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
model_reset_cb (BkSheetView *self)
{
  /* Another scenario, another shape: a refused value's message is moot */
  if (!self->editing)
    bk_sheet_editor_hide_error (self);
  reload_shape (self);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                                */

GtkWidget *
bk_sheet_view_new (BkTableModel *model)
{
  g_return_val_if_fail (model == NULL || BK_IS_TABLE_MODEL (model), NULL);

  return g_object_new (BK_TYPE_SHEET_VIEW, "model", model, NULL);
}

BkTableModel *
bk_sheet_view_get_model (BkSheetView *self)
{
  g_return_val_if_fail (BK_IS_SHEET_VIEW (self), NULL);

  return self->model;
}

void
bk_sheet_view_set_model (BkSheetView  *self,
                         BkTableModel *model)
{
  g_return_if_fail (BK_IS_SHEET_VIEW (self));
  g_return_if_fail (model == NULL || BK_IS_TABLE_MODEL (model));

  if (self->model == model)
    return;

  bk_sheet_editor_stop (self);
  bk_sheet_editor_hide_error (self);

  g_set_object (&self->model, model);
  g_signal_group_set_target (self->model_signals, model);

  self->widths_valid = FALSE;
  self->user_row_header_width = 0;
  bk_sheet_selection_set_shape (self->selection, 0, 0);
  reload_shape (self);
  bk_sheet_view_update_block_actions (self);
  gtk_adjustment_set_value (self->hadjustment, 0);
  gtk_adjustment_set_value (self->vadjustment, 0);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

/* The context menu's popover, built the first time it is needed; NULL
 * while the sheet has no menu */
GtkWidget *
bk_sheet_view_ensure_context_popover (BkSheetView *self)
{
  g_assert (BK_IS_SHEET_VIEW (self));

  if (self->context_popover == NULL && self->context_menu != NULL)
    {
      self->context_popover = gtk_popover_menu_new_from_model (self->context_menu);
      gtk_widget_set_parent (self->context_popover, GTK_WIDGET (self));
      gtk_popover_set_has_arrow (GTK_POPOVER (self->context_popover), FALSE);
      gtk_widget_set_halign (self->context_popover, GTK_ALIGN_START);
      gtk_popover_set_position (GTK_POPOVER (self->context_popover), GTK_POS_BOTTOM);
    }
  return self->context_popover;
}

GMenuModel *
bk_sheet_view_get_context_menu (BkSheetView *self)
{
  g_return_val_if_fail (BK_IS_SHEET_VIEW (self), NULL);

  return self->context_menu;
}

void
bk_sheet_view_set_context_menu (BkSheetView *self,
                                GMenuModel  *menu)
{
  g_return_if_fail (BK_IS_SHEET_VIEW (self));
  g_return_if_fail (menu == NULL || G_IS_MENU_MODEL (menu));

  if (!g_set_object (&self->context_menu, menu))
    return;

  /* The popover itself is built when the menu first opens
   * (bk_sheet_view_ensure_context_popover()): a window has a sheet per
   * page, and a built menu costs about 250 kB */
  if (self->context_popover != NULL)
    gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->context_popover), menu);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT_MENU]);
}

int
bk_sheet_view_get_cursor_row (BkSheetView *self)
{
  int row;

  g_return_val_if_fail (BK_IS_SHEET_VIEW (self), -1);

  bk_sheet_selection_get_cursor (self->selection, &row, NULL);

  return row;
}

int
bk_sheet_view_get_cursor_column (BkSheetView *self)
{
  int column;

  g_return_val_if_fail (BK_IS_SHEET_VIEW (self), -1);

  bk_sheet_selection_get_cursor (self->selection, NULL, &column);

  return column;
}

void
bk_sheet_view_set_cursor (BkSheetView *self,
                          int          row,
                          int          column)
{
  g_return_if_fail (BK_IS_SHEET_VIEW (self));

  if (!bk_sheet_selection_get_cursor (self->selection, NULL, NULL))
    return;

  /* Moving away finishes an edit, as clicking another cell does. */
  if (self->editing && !bk_sheet_view_commit_edit (self))
    return;

  bk_sheet_selection_set_cursor (self->selection, row, column);
  bk_sheet_view_scroll_to_corner (self);
}

gboolean
bk_sheet_view_get_selection (BkSheetView *self,
                             guint       *row,
                             guint       *column,
                             guint       *n_rows,
                             guint       *n_columns)
{
  int r0 = 0, c0 = 0, r1 = -1, c1 = -1;
  gboolean any;

  g_return_val_if_fail (BK_IS_SHEET_VIEW (self), FALSE);

  any = bk_sheet_selection_get_cursor (self->selection, NULL, NULL);
  if (any)
    bk_sheet_selection_get_bounds (self->selection, &r0, &c0, &r1, &c1);

  if (row)
    *row = r0;
  if (column)
    *column = c0;
  if (n_rows)
    *n_rows = r1 - r0 + 1;
  if (n_columns)
    *n_columns = c1 - c0 + 1;

  return any;
}

void
bk_sheet_view_select_range (BkSheetView *self,
                            guint        row,
                            guint        column,
                            guint        n_rows,
                            guint        n_columns)
{
  int cursor_row, cursor_column;

  g_return_if_fail (BK_IS_SHEET_VIEW (self));
  g_return_if_fail (n_rows > 0 && n_columns > 0);

  if (!bk_sheet_selection_get_cursor (self->selection, NULL, NULL))
    return;

  bk_sheet_selection_select_range (self->selection, row, column, n_rows, n_columns);
  bk_sheet_selection_get_cursor (self->selection, &cursor_row, &cursor_column);
  bk_sheet_view_scroll_to (self, cursor_row, cursor_column);
}

void
bk_sheet_view_select_all (BkSheetView *self)
{
  g_return_if_fail (BK_IS_SHEET_VIEW (self));

  bk_sheet_selection_select_all (self->selection);
}

void
bk_sheet_view_scroll_to_cell (BkSheetView *self,
                              guint        row,
                              guint        column)
{
  g_return_if_fail (BK_IS_SHEET_VIEW (self));

  if (row >= self->n_rows || column >= self->n_columns)
    return;

  bk_sheet_view_scroll_to (self, row, column);
}

guint
bk_sheet_view_get_column_width (BkSheetView *self,
                                guint        column)
{
  g_return_val_if_fail (BK_IS_SHEET_VIEW (self), 0);
  g_return_val_if_fail (column < self->n_columns, 0);

  bk_sheet_view_ensure_metrics (self);

  return self->column_widths[column];
}

void
bk_sheet_view_set_column_width (BkSheetView *self,
                                guint        column,
                                guint        width)
{
  g_return_if_fail (BK_IS_SHEET_VIEW (self));
  g_return_if_fail (column < self->n_columns);

  bk_sheet_view_ensure_metrics (self);

  width = MAX (width, MIN_COLUMN_WIDTH);
  if (self->column_widths[column] == (int) width)
    return;

  self->column_widths[column] = width;
  update_column_x (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
bk_sheet_view_get_cell_area (BkSheetView  *self,
                             guint         row,
                             guint         column,
                             GdkRectangle *area)
{
  GdkRectangle rect;
  int width, height;

  g_return_val_if_fail (BK_IS_SHEET_VIEW (self), FALSE);
  g_return_val_if_fail (area != NULL, FALSE);

  if (row >= self->n_rows || column >= self->n_columns)
    return FALSE;

  bk_sheet_view_ensure_metrics (self);
  bk_sheet_view_cell_rect (self, row, column, &rect);
  *area = rect;

  width = gtk_widget_get_width (GTK_WIDGET (self));
  height = gtk_widget_get_height (GTK_WIDGET (self));

  return rect.x + rect.width > self->row_header_width && rect.x < width &&
         rect.y + rect.height > self->header_height && rect.y < height;
}

gboolean
bk_sheet_view_column_header_fits (BkSheetView *self,
                                  guint        column)
{
  g_return_val_if_fail (BK_IS_SHEET_VIEW (self), FALSE);
  g_return_val_if_fail (column < self->n_columns, FALSE);

  bk_sheet_view_ensure_metrics (self);
  g_string_truncate (self->scratch, 0);
  bk_table_model_get_column_header (self->model, column, self->scratch);
  return bk_sheet_view_header_lines (self, self->scratch->str, (int) self->scratch->len,
                                     self->column_widths[column]) <= self->header_lines;
}

guint
bk_sheet_view_get_needed_header_lines (BkSheetView *self)
{
  g_return_val_if_fail (BK_IS_SHEET_VIEW (self), 1);

  bk_sheet_view_ensure_metrics (self);
  return (guint) MAX (self->needed_header_lines, 1);
}

void
bk_sheet_view_set_min_header_lines (BkSheetView *self,
                                    guint        lines)
{
  g_return_if_fail (BK_IS_SHEET_VIEW (self));

  lines = MIN (lines, MAX_HEADER_LINES);
  if (self->min_header_lines == (int) lines)
    return;
  self->min_header_lines = (int) lines;
  /* Until the widths are fitted, that fitting sets the height */
  if (self->widths_valid)
    {
      bk_sheet_view_set_header_height (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

guint
bk_sheet_view_get_n_drawn_cells (BkSheetView *self)
{
  g_return_val_if_fail (BK_IS_SHEET_VIEW (self), 0);

  return self->n_drawn_cells;
}

/* ------------------------------------------------------------------------ */
/* GtkWidget                                                                 */

static gboolean
bk_sheet_view_focus (GtkWidget        *widget,
                     GtkDirectionType  direction)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  /* The grid is one tab stop: keyboard focus moves through it, not into
   * its cells (Tab moves the active cell; Ctrl+Tab leaves). */
  if (focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget)))
    return FALSE;

  /* grab_focus() puts it in the editor while editing. */
  return gtk_widget_grab_focus (widget);
}

static gboolean
bk_sheet_view_grab_focus (GtkWidget *widget)
{
  BkSheetView *self = BK_SHEET_VIEW (widget);

  /* While editing, the focus belongs in the editor. */
  if (self->editing)
    return gtk_widget_grab_focus (self->editor);

  return GTK_WIDGET_CLASS (bk_sheet_view_parent_class)->grab_focus (widget);
}

static void
bk_sheet_view_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  BkSheetView *self = BK_SHEET_VIEW (widget);

  GTK_WIDGET_CLASS (bk_sheet_view_parent_class)->css_changed (widget, change);

  /* The font may have changed; ensure_metrics() resizes only if it did. */
  invalidate_metrics (self);
  gtk_widget_queue_draw (widget);
}

static void
bk_sheet_view_system_setting_changed (GtkWidget        *widget,
                                      GtkSystemSetting  setting)
{
  BkSheetView *self = BK_SHEET_VIEW (widget);

  GTK_WIDGET_CLASS (bk_sheet_view_parent_class)->system_setting_changed (widget, setting);

  invalidate_metrics (self);
  self->widths_valid = FALSE;
  self->row_header_valid = FALSE;
  gtk_widget_queue_resize (widget);
}

static void
bk_sheet_view_map (GtkWidget *widget)
{
  BkSheetView *self = BK_SHEET_VIEW (widget);

  GTK_WIDGET_CLASS (bk_sheet_view_parent_class)->map (widget);

  if (self->accessible_cell_stale)
    bk_sheet_view_update_accessible_cell (self);
}

static void
bk_sheet_view_unmap (GtkWidget *widget)
{
  bk_sheet_view_input_stop_drag (BK_SHEET_VIEW (widget));

  GTK_WIDGET_CLASS (bk_sheet_view_parent_class)->unmap (widget);
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                   */

static void
bk_sheet_view_dispose (GObject *object)
{
  BkSheetView *self = BK_SHEET_VIEW (object);

  if (self->model_signals != NULL)
    g_signal_group_set_target (self->model_signals, NULL);
  g_clear_object (&self->model_signals);
  g_clear_object (&self->model);
  g_clear_object (&self->context_menu);
  /* The selection stays until finalize: the getters still answer. */
  g_signal_handlers_disconnect_by_data (self->selection, self);

  bk_sheet_editor_dispose (self);
  g_clear_pointer (&self->context_popover, gtk_widget_unparent);

  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, adjustment_value_changed_cb, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, adjustment_value_changed_cb, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);

  for (guint i = 0; i < N_LAYOUTS; i++)
    g_clear_object (&self->layouts[i]);

  G_OBJECT_CLASS (bk_sheet_view_parent_class)->dispose (object);
}

static void
bk_sheet_view_finalize (GObject *object)
{
  BkSheetView *self = BK_SHEET_VIEW (object);

  g_clear_object (&self->selection);
  g_clear_pointer (&self->unit, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->column_widths, g_free);
  g_clear_pointer (&self->column_x, g_free);
  g_string_free (self->scratch, TRUE);

  G_OBJECT_CLASS (bk_sheet_view_parent_class)->finalize (object);
}

static void
bk_sheet_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  BkSheetView *self = BK_SHEET_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    case PROP_CONTEXT_MENU:
      g_value_set_object (value, self->context_menu);
      break;

    case PROP_CURSOR_ROW:
      g_value_set_int (value, bk_sheet_view_get_cursor_row (self));
      break;

    case PROP_CURSOR_COLUMN:
      g_value_set_int (value, bk_sheet_view_get_cursor_column (self));
      break;

    case PROP_EDITING:
      g_value_set_boolean (value, self->editing);
      break;

    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;

    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;

    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;

    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_sheet_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  BkSheetView *self = BK_SHEET_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      bk_sheet_view_set_model (self, g_value_get_object (value));
      break;

    case PROP_CONTEXT_MENU:
      bk_sheet_view_set_context_menu (self, g_value_get_object (value));
      break;

    case PROP_CURSOR_ROW:
      bk_sheet_view_set_cursor (self, g_value_get_int (value),
                                bk_sheet_view_get_cursor_column (self));
      break;

    case PROP_CURSOR_COLUMN:
      bk_sheet_view_set_cursor (self, bk_sheet_view_get_cursor_row (self),
                                g_value_get_int (value));
      break;

    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;

    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;

    case PROP_HSCROLL_POLICY:
      if (self->hscroll_policy != (guint) g_value_get_enum (value))
        {
          self->hscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_VSCROLL_POLICY:
      if (self->vscroll_policy != (guint) g_value_get_enum (value))
        {
          self->vscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
bk_sheet_view_get_border (GtkScrollable *scrollable,
                          GtkBorder     *border)
{
  BkSheetView *self = BK_SHEET_VIEW (scrollable);

  bk_sheet_view_ensure_metrics (self);
  border->top = self->header_height;
  border->left = self->row_header_width;

  return TRUE;
}

static void
bk_sheet_view_scrollable_init (GtkScrollableInterface *iface)
{
  iface->get_border = bk_sheet_view_get_border;
}

static void
bk_sheet_view_class_init (BkSheetViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_sheet_view_dispose;
  object_class->finalize = bk_sheet_view_finalize;
  object_class->get_property = bk_sheet_view_get_property;
  object_class->set_property = bk_sheet_view_set_property;

  widget_class->snapshot = bk_sheet_view_snapshot;
  widget_class->measure = bk_sheet_view_measure;
  widget_class->size_allocate = bk_sheet_view_size_allocate;
  widget_class->focus = bk_sheet_view_focus;
  widget_class->grab_focus = bk_sheet_view_grab_focus;
  widget_class->css_changed = bk_sheet_view_css_changed;
  widget_class->system_setting_changed = bk_sheet_view_system_setting_changed;
  widget_class->map = bk_sheet_view_map;
  widget_class->unmap = bk_sheet_view_unmap;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL,
                         BK_TYPE_TABLE_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CONTEXT_MENU] =
    g_param_spec_object ("context-menu", NULL, NULL,
                         G_TYPE_MENU_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CURSOR_ROW] =
    g_param_spec_int ("cursor-row", NULL, NULL,
                      -1, G_MAXINT, -1,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CURSOR_COLUMN] =
    g_param_spec_int ("cursor-column", NULL, NULL,
                      -1, G_MAXINT, -1,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_EDITING] =
    g_param_spec_boolean ("editing", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /**
   * BkSheetView::cursor-moved:
   * @row: the active cell's row
   * @column: the active cell's column
   */
  signals[CURSOR_MOVED] =
    g_signal_new ("cursor-moved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_INT);

  /**
   * BkSheetView::selection-changed:
   *
   * The selected block or the active cell changed.
   */
  signals[SELECTION_CHANGED] =
    g_signal_new ("selection-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * BkSheetView::activate-cell:
   *
   * F2 or a double click on a cell that cannot be edited (result tables
   * can use it to show where a number comes from).
   */
  signals[ACTIVATE_CELL] =
    g_signal_new ("activate-cell",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_INT);

  /**
   * BkSheetView::error:
   * @message: why the model refused the change, for people
   *
   * An edit, paste, fill or clear was refused; nothing changed.
   */
  signals[ERROR_SIGNAL] =
    g_signal_new ("error",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * BkSheetView::error-cleared:
   *
   * The last ::error no longer applies: Escape, a later edit, paste or
   * fill that worked, another cell, new text in the editor.
   */
  signals[ERROR_CLEARED] =
    g_signal_new ("error-cleared",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * BkSheetView::column-resized:
   * @column: the column whose width the user changed
   */
  signals[COLUMN_RESIZED] =
    g_signal_new ("column-resized",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  bk_sheet_view_input_class_init (widget_class);

  gtk_widget_class_set_css_name (widget_class, "sheetview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
bk_sheet_view_init (BkSheetView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  self->scratch = g_string_sized_new (64);
  self->error_row = self->error_column = -1;
  self->resize_column = -1;
  self->column_x = g_new0 (int, 1);

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (widget, TRUE);
  gtk_widget_add_css_class (widget, "view");

  set_adjustment (self, &self->hadjustment, NULL);
  set_adjustment (self, &self->vadjustment, NULL);

  self->selection = bk_sheet_selection_new ();
  g_signal_connect_swapped (self->selection, "notify::cursor-row",
                            G_CALLBACK (selection_cursor_row_cb), self);
  g_signal_connect_swapped (self->selection, "notify::cursor-column",
                            G_CALLBACK (selection_cursor_column_cb), self);
  g_signal_connect_swapped (self->selection, "changed",
                            G_CALLBACK (selection_changed_cb), self);

  self->model_signals = g_signal_group_new (BK_TYPE_TABLE_MODEL);
  g_signal_group_connect_object (self->model_signals, "cells-changed",
                                 G_CALLBACK (model_cells_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->model_signals, "reset",
                                 G_CALLBACK (model_reset_cb), self, G_CONNECT_SWAPPED);

  bk_sheet_editor_init (self);
  bk_sheet_view_input_init (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Table"),
                                  -1);

  bk_sheet_view_update_block_actions (self);
}
