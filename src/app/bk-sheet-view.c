/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-sheet-view.c — the spreadsheet grid: draws a BkTableModel, edits its cells
 *
 * One widget draws every visible cell in snapshot() with a handful of reused
 * Pango layouts; nothing is allocated per row or per column.  Editing places
 * one shared GtkText over the active cell (the way Gnumeric's item-grid and
 * item-edit work together) and commits through bk_table_model_set_range(),
 * one call per user action.
 *
 * The clipboard holds tab-separated text, rows separated by "\n", cells that
 * contain a tab, a newline or start with a quote written in double quotes
 * with inner quotes doubled (as LibreOffice, Gnumeric and Excel do).  Each
 * cell is its *edit text*: numbers as typed/stored in plain form (so they
 * round-trip at full precision), formulas as formulas ("=prev*1.39", relative
 * by construction).  Pasting accepts \n, \r\n and \r line ends, a trailing
 * newline, ragged rows (missing cells keep their content) and quoted cells.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bk-sheet-view.h"

#define CELL_PAD_X           6
#define CELL_PAD_Y           4
#define MIN_COLUMN_WIDTH     24
#define RESIZE_HANDLE        4
#define DEFAULT_WIDTH_CHARS  10
#define MAX_MEASURED_HEADERS 2000
#define NOTE_MARK_SIZE       7

typedef enum
{
  DRAG_NONE,
  DRAG_CELLS,
  DRAG_ROWS,
  DRAG_COLUMNS,
  DRAG_RESIZE_COLUMN,
  DRAG_RESIZE_HEADER,
} DragMode;

typedef enum
{
  HIT_NONE,
  HIT_CORNER,
  HIT_COLUMN_HEADER,
  HIT_ROW_HEADER,
  HIT_CELL,
  HIT_COLUMN_BORDER,
  HIT_HEADER_BORDER,
} HitKind;

typedef enum
{
  MOVE_CELLS,       /* by rows/columns */
  MOVE_PAGES,       /* by visible pages of rows */
  MOVE_ROW_ENDS,    /* Home/End: first/last column */
  MOVE_TABLE_ENDS,  /* Ctrl+Home/End: first/last cell */
  MOVE_EDGES,       /* Ctrl+arrows: first/last row or column */
} MoveKind;

enum {
  LAYOUT_BOLD   = 1 << 0,
  LAYOUT_ITALIC = 1 << 1,
  N_LAYOUTS     = 4
};

typedef struct
{
  GdkRGBA fg;
  GdkRGBA dim;
  GdkRGBA header_fg;
  GdkRGBA accent;
  GdkRGBA accent_bg;
  GdkRGBA selection;
  GdkRGBA header_selection;
  GdkRGBA border;
  GdkRGBA header_bg;
  GdkRGBA view_bg;
  GdkRGBA error;
  GdkRGBA error_tint;
  GdkRGBA override_tint;
  GdkRGBA read_only_tint;
  GdkRGBA total_tint;
  GdkRGBA cursor_unfocused;
} Palette;

struct _BkSheetView
{
  GtkWidget      parent_instance;

  BkTableModel  *model;
  GSignalGroup  *model_signals;
  GMenuModel    *context_menu;

  GtkAdjustment *hadjustment;
  GtkAdjustment *vadjustment;
  guint          hscroll_policy : 1;
  guint          vscroll_policy : 1;

  /* Shape (cached from the model, refreshed on ::reset) and geometry */
  guint          n_rows;
  guint          n_columns;
  int           *column_widths;   /* n_columns */
  int           *column_x;        /* n_columns + 1 prefix sums */
  int            row_height;
  int            header_height;
  int            row_header_width;
  int            user_row_header_width;  /* > 0 once resized by hand */
  int            digit_width;
  int            text_height;
  int            hash_width;
  PangoLayout   *layouts[N_LAYOUTS];
  GString       *scratch;
  guint          metrics_valid : 1;
  guint          widths_valid : 1;
  guint          row_header_valid : 1;
  guint          in_allocate : 1;
  guint          scroll_pending : 1;
  guint          has_focus_within : 1;

  /* Active cell and selection: the block spanned by anchor and corner */
  int            cursor_row;
  int            cursor_column;
  int            anchor_row;
  int            anchor_column;
  int            corner_row;
  int            corner_column;
  int            tab_origin_column;

  /* Editing */
  GtkWidget     *editor;
  GdkRectangle   editor_area;
  int            edit_row;
  int            edit_column;
  guint          editing : 1;
  guint          enter_mode : 1;  /* started by typing: Up/Down commit and move */
  guint          preedit : 1;
  guint          commit_idle_id;

  GtkWidget     *error_popover;
  GtkWidget     *error_label;
  int            error_row;
  int            error_column;

  GtkWidget     *context_popover;
  GdkRectangle   context_point;

  /* Pointer */
  DragMode       drag_mode;
  int            resize_column;
  int            resize_start_width;
  guint32        last_press_time;
  int            last_press_row;
  int            last_press_column;
  double         pointer_x;
  double         pointer_y;
  guint          autoscroll_id;
  const char    *cursor_name;

  guint          n_drawn_cells;
};

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

static int
measure_text (BkSheetView *self,
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
   * workbook); longer names further down are ellipsized. */
  n = MIN (self->n_rows, MAX_MEASURED_HEADERS);
  for (guint r = 0; r < n; r++)
    {
      bk_table_model_get_row_header (self->model, r, self->scratch);
      widest = MAX (widest, measure_text (self, 0, self->scratch->str, self->scratch->len));
    }

  self->row_header_width = CLAMP (widest + 2 * CELL_PAD_X + 2,
                                  6 * self->digit_width,
                                  30 * self->digit_width);
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
  update_column_x (self);
}

static void
ensure_metrics (BkSheetView *self)
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
      self->hash_width = MAX (1, measure_text (self, 0, "#", 1));

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

static int
cells_height (BkSheetView *self)
{
  return MAX (0, gtk_widget_get_height (GTK_WIDGET (self)) - self->header_height);
}

static int
h_offset (BkSheetView *self)
{
  return (int) round (gtk_adjustment_get_value (self->hadjustment));
}

static int
v_offset (BkSheetView *self)
{
  return (int) round (gtk_adjustment_get_value (self->vadjustment));
}

/* The column containing content x @x (clamped). */
static int
column_at_offset (BkSheetView *self,
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

static int
row_at_offset (BkSheetView *self,
               double       y)
{
  g_assert (self->n_rows > 0);

  if (y < 0)
    return 0;

  return MIN ((guint) (y / self->row_height), self->n_rows - 1);
}

static int
page_rows (BkSheetView *self)
{
  return MAX (1, cells_height (self) / MAX (1, self->row_height) - 1);
}

static void
cell_rect (BkSheetView  *self,
           int           row,
           int           column,
           GdkRectangle *rect)
{
  rect->x = self->row_header_width + self->column_x[column] - h_offset (self);
  rect->y = self->header_height + row * self->row_height - v_offset (self);
  rect->width = self->column_widths[column];
  rect->height = self->row_height;
}

static HitKind
hit_test (BkSheetView *self,
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
      *column = column_at_offset (self, x - hw + h_offset (self));
      {
        int right = hw + self->column_x[*column + 1] - h_offset (self);
        int left = hw + self->column_x[*column] - h_offset (self);

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

  *row = row_at_offset (self, y - hh + v_offset (self));

  if (x < hw)
    return HIT_ROW_HEADER;

  *column = column_at_offset (self, x - hw + h_offset (self));

  return HIT_CELL;
}

/* ------------------------------------------------------------------------ */
/* Scrolling                                                                 */

static void
configure_adjustments (BkSheetView *self)
{
  double content_w = self->n_columns ? self->column_x[self->n_columns] : 0;
  double content_h = (double) self->n_rows * self->row_height;
  double page_w = cells_width (self);
  double page_h = cells_height (self);

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

static void
scroll_to_cell (BkSheetView *self,
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

static void
adjustment_value_changed_cb (BkSheetView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (!self->in_allocate &&
      (self->editing ||
       gtk_widget_get_visible (self->error_popover) ||
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
/* Cursor and selection                                                      */

static void
get_selection_bounds (BkSheetView *self,
                      int         *r0,
                      int         *c0,
                      int         *r1,
                      int         *c1)
{
  *r0 = MIN (self->anchor_row, self->corner_row);
  *r1 = MAX (self->anchor_row, self->corner_row);
  *c0 = MIN (self->anchor_column, self->corner_column);
  *c1 = MAX (self->anchor_column, self->corner_column);
}

static void
hide_error (BkSheetView *self)
{
  if (gtk_widget_get_visible (self->error_popover))
    gtk_popover_popdown (GTK_POPOVER (self->error_popover));
}

static void
update_accessible_cell (BkSheetView *self)
{
  g_autoptr(GString) column = NULL;
  g_autoptr(GString) row = NULL;
  g_autoptr(GString) value = NULL;
  g_autofree char *description = NULL;

  if (self->model == NULL || self->cursor_row < 0)
    return;

  column = g_string_new (NULL);
  row = g_string_new (NULL);
  value = g_string_new (NULL);
  bk_table_model_get_column_header (self->model, self->cursor_column, column);
  bk_table_model_get_row_header (self->model, self->cursor_row, row);
  bk_table_model_get_cell (self->model, self->cursor_row, self->cursor_column, value);

  /* Translators: the active cell, e.g. "2025, Microsoft: 80.0" */
  description = g_strdup_printf (_("%s, %s: %s"), column->str, row->str,
                                 value->len ? value->str : _("empty"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

/* Sets cursor and selection (clamped); emits what changed. */
static void
update_selection (BkSheetView *self,
                  int          cursor_row,
                  int          cursor_column,
                  int          anchor_row,
                  int          anchor_column,
                  int          corner_row,
                  int          corner_column)
{
  gboolean row_changed, column_changed, cursor_changed, selection_changed;
  int max_row = (int) self->n_rows - 1;
  int max_column = (int) self->n_columns - 1;

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
  cursor_changed = row_changed || column_changed;
  selection_changed = cursor_changed ||
                      anchor_row != self->anchor_row || anchor_column != self->anchor_column ||
                      corner_row != self->corner_row || corner_column != self->corner_column;

  if (!selection_changed)
    return;

  self->cursor_row = cursor_row;
  self->cursor_column = cursor_column;
  self->anchor_row = anchor_row;
  self->anchor_column = anchor_column;
  self->corner_row = corner_row;
  self->corner_column = corner_column;

  hide_error (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (cursor_changed)
    {
      g_object_freeze_notify (G_OBJECT (self));
      if (row_changed)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURSOR_ROW]);
      if (column_changed)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURSOR_COLUMN]);
      g_object_thaw_notify (G_OBJECT (self));
      update_accessible_cell (self);
      g_signal_emit (self, signals[CURSOR_MOVED], 0, cursor_row, cursor_column);
    }

  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

static void
move_cursor_to (BkSheetView *self,
                int          row,
                int          column,
                gboolean     extend)
{
  if (extend)
    {
      update_selection (self,
                        self->cursor_row, self->cursor_column,
                        self->anchor_row, self->anchor_column,
                        row, column);
      scroll_to_cell (self, self->corner_row, self->corner_column);
    }
  else
    {
      update_selection (self, row, column, row, column, row, column);
      scroll_to_cell (self, self->cursor_row, self->cursor_column);
    }
}

static void
move (BkSheetView *self,
      MoveKind     kind,
      int          d_row,
      int          d_column,
      gboolean     extend)
{
  int row, column;

  if (self->cursor_row < 0)
    return;

  self->tab_origin_column = -1;

  row = extend ? self->corner_row : self->cursor_row;
  column = extend ? self->corner_column : self->cursor_column;

  switch (kind)
    {
    case MOVE_CELLS:
      row += d_row;
      column += d_column;
      break;

    case MOVE_PAGES:
      {
        int delta = d_row * page_rows (self);
        double value = gtk_adjustment_get_value (self->vadjustment);

        /* Scroll the page with the cursor, as spreadsheets do. */
        gtk_adjustment_set_value (self->vadjustment,
                                  value + (double) delta * self->row_height);
        row += delta;
      }
      break;

    case MOVE_ROW_ENDS:
      column = d_column < 0 ? 0 : (int) self->n_columns - 1;
      break;

    case MOVE_TABLE_ENDS:
      row = d_row < 0 ? 0 : (int) self->n_rows - 1;
      column = d_column < 0 ? 0 : (int) self->n_columns - 1;
      break;

    case MOVE_EDGES:
      if (d_row != 0)
        row = d_row < 0 ? 0 : (int) self->n_rows - 1;
      if (d_column != 0)
        column = d_column < 0 ? 0 : (int) self->n_columns - 1;
      break;

    default:
      g_assert_not_reached ();
    }

  move_cursor_to (self, row, column, extend);
}

/* Tab and Enter: Enter after a run of Tabs goes back to the column where the
 * run started, one row down (as spreadsheets do for row-wise entry). */
static void
move_tab (BkSheetView *self,
          gboolean     backwards)
{
  int origin;

  if (self->cursor_row < 0)
    return;

  origin = self->tab_origin_column >= 0 ? self->tab_origin_column : self->cursor_column;
  move_cursor_to (self, self->cursor_row, self->cursor_column + (backwards ? -1 : 1), FALSE);
  self->tab_origin_column = origin;
}

static void
move_enter (BkSheetView *self,
            gboolean     backwards)
{
  int column;

  if (self->cursor_row < 0)
    return;

  column = self->tab_origin_column >= 0 ? self->tab_origin_column : self->cursor_column;
  self->tab_origin_column = -1;
  move_cursor_to (self, self->cursor_row + (backwards ? -1 : 1), column, FALSE);
}

/* ------------------------------------------------------------------------ */
/* Errors and editing                                                        */

static void
show_error (BkSheetView *self,
            int          row,
            int          column,
            const char  *message)
{
  self->error_row = row;
  self->error_column = column;
  gtk_label_set_text (GTK_LABEL (self->error_label), message);
  gtk_widget_error_bell (GTK_WIDGET (self));
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      gtk_popover_popup (GTK_POPOVER (self->error_popover));
      gtk_widget_queue_allocate (GTK_WIDGET (self));
    }

  g_signal_emit (self, signals[ERROR_SIGNAL], 0, message);
}

static void
update_block_actions (BkSheetView *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (block_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), block_actions[i],
                                   !self->editing && self->model != NULL);
}

static gboolean
cell_is_editable (BkSheetView *self,
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

static void
stop_editing (BkSheetView *self)
{
  gboolean had_focus;

  if (!self->editing)
    return;

  g_clear_handle_id (&self->commit_idle_id, g_source_remove);

  had_focus = gtk_widget_has_focus (self->editor);
  self->editing = FALSE;
  self->preedit = FALSE;

  /* Take the focus back before hiding the editor so it stays in the view. */
  if (had_focus)
    gtk_widget_grab_focus (GTK_WIDGET (self));
  gtk_widget_set_visible (self->editor, FALSE);
  hide_error (self);

  update_block_actions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITING]);
}

/* ------------------------------------------------------------------------ */
/* Snapshot                                                                  */

static void
lookup_color (GtkStyleContext *context,
              const char      *name,
              const GdkRGBA   *fallback,
              GdkRGBA         *color)
{
  if (!gtk_style_context_lookup_color (context, name, color))
    *color = *fallback;
}

static GdkRGBA
with_alpha (const GdkRGBA *color,
            float          alpha)
{
  GdkRGBA result = *color;

  result.alpha *= alpha;

  return result;
}

static void
load_palette (BkSheetView *self,
              Palette     *pal)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  const GdkRGBA blue = { 0.21f, 0.52f, 0.89f, 1.f };
  const GdkRGBA red = { 0.75f, 0.11f, 0.16f, 1.f };
  const GdkRGBA yellow = { 0.96f, 0.76f, 0.07f, 1.f };
  GdkRGBA fallback, warning;

  /* Named colours of the current style (libadwaita defines them for light
   * and dark), so the grid follows the style manager; the fallbacks are for
   * plain GTK themes. */
  gtk_style_context_get_color (context, &pal->fg);
  fallback = with_alpha (&pal->fg, 0.15f);
  lookup_color (context, "borders", &fallback, &pal->border);
  if (!gtk_style_context_lookup_color (context, "view_bg_color", &pal->view_bg) &&
      !gtk_style_context_lookup_color (context, "theme_base_color", &pal->view_bg))
    pal->view_bg = (GdkRGBA) { 1.f - pal->fg.red, 1.f - pal->fg.green, 1.f - pal->fg.blue, 1.f };
  lookup_color (context, "accent_bg_color", &blue, &pal->accent_bg);
  lookup_color (context, "accent_color", &pal->accent_bg, &pal->accent);
  lookup_color (context, "error_color", &red, &pal->error);
  lookup_color (context, "warning_bg_color", &yellow, &warning);

  pal->dim = with_alpha (&pal->fg, 0.5f);
  pal->header_fg = with_alpha (&pal->fg, 0.75f);
  pal->selection = with_alpha (&pal->accent_bg, 0.18f);
  pal->header_selection = with_alpha (&pal->accent_bg, 0.25f);
  pal->header_bg = with_alpha (&pal->fg, 0.05f);
  pal->error_tint = with_alpha (&pal->error, 0.12f);
  pal->override_tint = with_alpha (&warning, 0.22f);
  pal->read_only_tint = with_alpha (&pal->fg, 0.035f);
  pal->total_tint = with_alpha (&pal->fg, 0.06f);
  pal->cursor_unfocused = with_alpha (&pal->fg, 0.45f);
}

static inline void
fill_rect (GtkSnapshot   *snapshot,
           const GdkRGBA *color,
           int            x,
           int            y,
           int            width,
           int            height)
{
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y, width, height));
}

/* Draws @text in a cell box; numbers right-aligned ("###" when too narrow),
 * text left-aligned and ellipsized, headers centred. */
static void
draw_text (BkSheetView   *self,
           GtkSnapshot   *snapshot,
           guint          layout_index,
           const char    *text,
           int            len,
           int            x,
           int            y,
           int            width,
           PangoAlignment align,
           gboolean       is_number,
           const GdkRGBA *color)
{
  static const char hashes[] = "################################";
  PangoLayout *layout = self->layouts[layout_index];
  int avail = width - 2 * CELL_PAD_X;
  int text_width, tx;

  if (avail <= 0 || len == 0)
    return;

  if (is_number)
    {
      pango_layout_set_width (layout, -1);
      pango_layout_set_text (layout, text, len);
      pango_layout_get_pixel_size (layout, &text_width, NULL);
      if (text_width > avail)
        {
          int n = MIN ((int) sizeof hashes - 1, MAX (1, avail / self->hash_width));

          pango_layout_set_text (layout, hashes, n);
          text_width = n * self->hash_width;
        }
    }
  else
    {
      pango_layout_set_width (layout, avail * PANGO_SCALE);
      pango_layout_set_text (layout, text, len);
      if (align == PANGO_ALIGN_LEFT)
        text_width = 0;
      else
        pango_layout_get_pixel_size (layout, &text_width, NULL);
    }

  switch (align)
    {
    case PANGO_ALIGN_RIGHT:
      tx = x + width - CELL_PAD_X - text_width;
      break;
    case PANGO_ALIGN_CENTER:
      tx = x + (width - text_width) / 2;
      break;
    case PANGO_ALIGN_LEFT:
    default:
      tx = x + CELL_PAD_X;
      break;
    }

  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (tx, y + CELL_PAD_Y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (-tx, -(y + CELL_PAD_Y)));
}

/* A small triangle in the top-right corner: a square turned 45° around the
 * corner, clipped to the cell. */
static void
draw_note_mark (GtkSnapshot   *snapshot,
                const GdkRGBA *color,
                int            x,
                int            y,
                int            width)
{
  float half = NOTE_MARK_SIZE * (float) G_SQRT2 / 2.f;

  gtk_snapshot_push_clip (snapshot,
                          &GRAPHENE_RECT_INIT (x + width - NOTE_MARK_SIZE - 1, y,
                                               NOTE_MARK_SIZE, NOTE_MARK_SIZE));
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x + width - 1, y));
  gtk_snapshot_rotate (snapshot, 45.f);
  gtk_snapshot_append_color (snapshot, color,
                             &GRAPHENE_RECT_INIT (-half, -half, 2 * half, 2 * half));
  gtk_snapshot_restore (snapshot);
  gtk_snapshot_pop (snapshot);
}

static void
draw_cells (BkSheetView   *self,
            GtkSnapshot   *snapshot,
            const Palette *pal,
            int            first_row,
            int            last_row,
            int            first_column,
            int            last_column)
{
  int hw = self->row_header_width;
  int hh = self->header_height;
  int hoff = h_offset (self);
  int voff = v_offset (self);
  GString *text = self->scratch;

  for (int r = first_row; r <= last_row; r++)
    {
      int y = hh + r * self->row_height - voff;

      for (int c = first_column; c <= last_column; c++)
        {
          int x = hw + self->column_x[c] - hoff;
          int w = self->column_widths[c];
          BkTableCellFlags flags = bk_table_model_get_cell (self->model, r, c, text);
          const GdkRGBA *color = &pal->fg;
          guint layout_index = 0;

          self->n_drawn_cells++;

          if (flags & BK_TABLE_CELL_INVALID)
            fill_rect (snapshot, &pal->error_tint, x, y, w, self->row_height);
          else if (flags & BK_TABLE_CELL_OVERRIDDEN)
            fill_rect (snapshot, &pal->override_tint, x, y, w, self->row_height);
          else if (flags & BK_TABLE_CELL_TOTAL)
            fill_rect (snapshot, &pal->total_tint, x, y, w, self->row_height);
          else if (flags & BK_TABLE_CELL_READ_ONLY)
            fill_rect (snapshot, &pal->read_only_tint, x, y, w, self->row_height);

          if (flags & BK_TABLE_CELL_NOTE)
            draw_note_mark (snapshot, &pal->accent_bg, x, y, w);

          if (text->len == 0 || (self->editing && r == self->edit_row && c == self->edit_column))
            continue;

          if (flags & BK_TABLE_CELL_INVALID)
            color = &pal->error;
          else if (flags & (BK_TABLE_CELL_INHERITED | BK_TABLE_CELL_BLANK))
            color = &pal->dim;

          if (flags & BK_TABLE_CELL_TOTAL)
            layout_index |= LAYOUT_BOLD;
          if (flags & BK_TABLE_CELL_FORMULA)
            layout_index |= LAYOUT_ITALIC;

          if (flags & BK_TABLE_CELL_TEXT)
            draw_text (self, snapshot, layout_index, text->str, text->len,
                       x, y, w, PANGO_ALIGN_LEFT, FALSE, color);
          else
            draw_text (self, snapshot, layout_index, text->str, text->len,
                       x, y, w, PANGO_ALIGN_RIGHT, TRUE, color);
        }
    }
}

static void
draw_headers (BkSheetView   *self,
              GtkSnapshot   *snapshot,
              const Palette *pal,
              int            width,
              int            height,
              int            first_row,
              int            last_row,
              int            first_column,
              int            last_column)
{
  int hw = self->row_header_width;
  int hh = self->header_height;
  int hoff = h_offset (self);
  int voff = v_offset (self);
  int r0, c0, r1, c1;
  gboolean have_cells = first_row >= 0 && first_column >= 0;

  get_selection_bounds (self, &r0, &c0, &r1, &c1);

  /* Opaque backgrounds so cells scrolled underneath do not show. */
  fill_rect (snapshot, &pal->view_bg, 0, 0, width, hh);
  fill_rect (snapshot, &pal->view_bg, 0, hh, hw, height - hh);
  fill_rect (snapshot, &pal->header_bg, 0, 0, width, hh);
  fill_rect (snapshot, &pal->header_bg, 0, hh, hw, height - hh);

  if (have_cells)
    {
      gboolean whole_columns = r0 == 0 && r1 == (int) self->n_rows - 1;
      gboolean whole_rows = c0 == 0 && c1 == (int) self->n_columns - 1;

      /* Column headers: period labels, centred */
      gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (hw, 0, MAX (0, width - hw), hh));
      for (int c = first_column; c <= last_column; c++)
        {
          int x = hw + self->column_x[c] - hoff;
          int w = self->column_widths[c];
          gboolean selected = c >= c0 && c <= c1;

          if (selected)
            fill_rect (snapshot, &pal->header_selection, x, 0, w, hh);
          bk_table_model_get_column_header (self->model, c, self->scratch);
          draw_text (self, snapshot, selected && whole_columns ? LAYOUT_BOLD : 0,
                     self->scratch->str, self->scratch->len,
                     x, 1, w, PANGO_ALIGN_CENTER, FALSE,
                     selected ? &pal->accent : &pal->header_fg);
          fill_rect (snapshot, &pal->border, x + w - 1, 0, 1, hh);
        }
      gtk_snapshot_pop (snapshot);

      /* Row headers: names, left-aligned */
      gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, hh, hw, MAX (0, height - hh)));
      for (int r = first_row; r <= last_row; r++)
        {
          int y = hh + r * self->row_height - voff;
          gboolean selected = r >= r0 && r <= r1;

          if (selected)
            fill_rect (snapshot, &pal->header_selection, 0, y, hw, self->row_height);
          bk_table_model_get_row_header (self->model, r, self->scratch);
          draw_text (self, snapshot, selected && whole_rows ? LAYOUT_BOLD : 0,
                     self->scratch->str, self->scratch->len,
                     0, y, hw, PANGO_ALIGN_LEFT, FALSE,
                     selected ? &pal->accent : &pal->header_fg);
          fill_rect (snapshot, &pal->border, 0, y + self->row_height - 1, hw, 1);
        }
      gtk_snapshot_pop (snapshot);
    }

  fill_rect (snapshot, &pal->border, 0, hh - 1, width, 1);
  fill_rect (snapshot, &pal->border, hw - 1, 0, 1, height);
}

static void
bk_sheet_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  BkSheetView *self = BK_SHEET_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int first_row = -1, last_row = -1, first_column = -1, last_column = -1;
  int hw, hh, cw, ch, hoff, voff;
  Palette pal;

  self->n_drawn_cells = 0;

  if (self->model == NULL || width <= 0 || height <= 0)
    return;

  ensure_metrics (self);
  load_palette (self, &pal);

  hw = self->row_header_width;
  hh = self->header_height;
  cw = cells_width (self);
  ch = cells_height (self);
  hoff = h_offset (self);
  voff = v_offset (self);

  if (self->n_rows > 0 && self->n_columns > 0 && cw > 0 && ch > 0)
    {
      int r0, c0, r1, c1, x, y, right, bottom;
      int sx = 0, sy = 0, ex = 0, ey = 0;
      gboolean focused = self->has_focus_within;
      gboolean have_selection;

      first_row = row_at_offset (self, voff);
      last_row = row_at_offset (self, voff + ch - 1);
      first_column = column_at_offset (self, hoff);
      last_column = column_at_offset (self, hoff + cw - 1);

      gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (hw, hh, cw, ch));

      /* Selection: one tinted rectangle under the text, clipped to what is
       * visible; the active cell inside it keeps the plain background. */
      get_selection_bounds (self, &r0, &c0, &r1, &c1);
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
          fill_rect (snapshot, &pal.selection, sx, sy, ex - sx, ey - sy);

          cell_rect (self, self->cursor_row, self->cursor_column, &cursor);
          fill_rect (snapshot, &pal.view_bg, cursor.x, cursor.y, cursor.width, cursor.height);
        }

      draw_cells (self, snapshot, &pal, first_row, last_row, first_column, last_column);

      /* Grid lines: one rectangle per visible row and column */
      right = MIN (width, hw + self->column_x[last_column + 1] - hoff);
      bottom = MIN (height, hh + (last_row + 1) * self->row_height - voff);
      for (int c = first_column; c <= last_column; c++)
        fill_rect (snapshot, &pal.border,
                   hw + self->column_x[c + 1] - hoff - 1, hh, 1, bottom - hh);
      for (int r = first_row; r <= last_row; r++)
        fill_rect (snapshot, &pal.border,
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

          fill_rect (snapshot, &pal.view_bg, a->x, a->y, a->width, a->height);
          gtk_widget_snapshot_child (widget, self->editor, snapshot);
        }

      /* The active cell: a 2 px border, accent coloured while focused */
      if (self->cursor_row >= 0)
        {
          GdkRectangle rect;
          GskRoundedRect outline;
          const GdkRGBA *edge = focused ? &pal.accent_bg : &pal.cursor_unfocused;

          if (self->editing)
            rect = self->editor_area;
          else
            cell_rect (self, self->cursor_row, self->cursor_column, &rect);
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

  draw_headers (self, snapshot, &pal, width, height,
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

  ensure_metrics (self);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int content = self->n_columns ? self->column_x[self->n_columns] : 0;
      int one = self->n_columns ? self->column_widths[0] : 0;

      *minimum = self->row_header_width + one;
      *natural = self->row_header_width +
                 MIN (content, 8 * (DEFAULT_WIDTH_CHARS * self->digit_width + 2 * CELL_PAD_X));
    }
  else
    {
      *minimum = self->header_height + self->row_height;
      *natural = self->header_height + (int) MIN (self->n_rows, 12) * self->row_height;
    }
}

static void
place_editor (BkSheetView *self,
              int          width)
{
  GdkRectangle cell;
  int min_w, nat_w, min_h, nat_h, text_w, x_end;
  const char *text;

  cell_rect (self, self->edit_row, self->edit_column, &cell);

  /* Grow to the right with the text, up to the view's edge. */
  text = gtk_editable_get_text (GTK_EDITABLE (self->editor));
  text_w = measure_text (self, 0, text, -1) + 2 * self->digit_width;
  x_end = MAX (cell.x + cell.width, MIN (width, cell.x + text_w + 2 * CELL_PAD_X));

  self->editor_area.x = cell.x;
  self->editor_area.y = cell.y;
  self->editor_area.width = x_end - cell.x - 1;
  self->editor_area.height = cell.height - 1;

  gtk_widget_measure (self->editor, GTK_ORIENTATION_HORIZONTAL, -1,
                      &min_w, &nat_w, NULL, NULL);
  gtk_widget_measure (self->editor, GTK_ORIENTATION_VERTICAL, -1,
                      &min_h, &nat_h, NULL, NULL);

  gtk_widget_size_allocate (self->editor,
                            &(GtkAllocation) {
                              cell.x + CELL_PAD_X,
                              cell.y + (cell.height - nat_h) / 2,
                              MAX (min_w, self->editor_area.width - 2 * CELL_PAD_X),
                              nat_h,
                            }, -1);
}

static void
clamp_point_to_view (BkSheetView  *self,
                     GdkRectangle *rect,
                     int           width,
                     int           height)
{
  rect->x = CLAMP (rect->x, self->row_header_width, MAX (self->row_header_width, width - 1));
  rect->y = CLAMP (rect->y, self->header_height, MAX (self->header_height, height - 1));
}

static void
bk_sheet_view_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  BkSheetView *self = BK_SHEET_VIEW (widget);

  ensure_metrics (self);

  self->in_allocate = TRUE;
  configure_adjustments (self);
  if (self->scroll_pending)
    {
      self->scroll_pending = FALSE;
      if (self->editing)
        scroll_to_cell_now (self, self->edit_row, self->edit_column);
      else
        scroll_to_cell_now (self, self->corner_row, self->corner_column);
    }
  self->in_allocate = FALSE;

  if (self->editing)
    place_editor (self, width);

  if (gtk_widget_get_visible (self->error_popover))
    {
      GdkRectangle rect;

      if (self->editing)
        rect = self->editor_area;
      else if (self->error_row >= 0 && self->error_row < (int) self->n_rows &&
               self->error_column >= 0 && self->error_column < (int) self->n_columns)
        cell_rect (self, self->error_row, self->error_column, &rect);
      else
        rect = (GdkRectangle) { self->row_header_width, self->header_height, 1, 1 };

      /* Keep pointing into the visible cells when the cell scrolls away. */
      if (rect.x < self->row_header_width || rect.y < self->header_height ||
          rect.x >= width || rect.y >= height)
        {
          clamp_point_to_view (self, &rect, width, height);
          rect.width = rect.height = 1;
        }
      gtk_popover_set_pointing_to (GTK_POPOVER (self->error_popover), &rect);
      gtk_popover_present (GTK_POPOVER (self->error_popover));
    }

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
  if (self->cursor_row >= (int) row && self->cursor_row < (int) (row + n_rows) &&
      self->cursor_column >= (int) column && self->cursor_column < (int) (column + n_columns))
    update_accessible_cell (self);

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
    {
      stop_editing (self);
    }

  gtk_accessible_update_relation (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_RELATION_ROW_COUNT, (int) n_rows,
                                  GTK_ACCESSIBLE_RELATION_COL_COUNT, (int) n_columns,
                                  -1);

  if (n_rows == 0 || n_columns == 0)
    update_selection (self, -1, -1, -1, -1, -1, -1);
  else if (self->cursor_row < 0)
    update_selection (self, 0, 0, 0, 0, 0, 0);
  else
    update_selection (self,
                      self->cursor_row, self->cursor_column,
                      self->anchor_row, self->anchor_column,
                      self->corner_row, self->corner_column);

  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
model_reset_cb (BkSheetView *self)
{
  reload_shape (self);
}

/* ------------------------------------------------------------------------ */
/* Block operations                                                          */

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
      show_error (self, self->cursor_row, self->cursor_column, error->message);
      return FALSE;
    }

  hide_error (self);

  return TRUE;
}

/* Block operations act on cells, not on the editor's text: finish the edit. */
static gboolean
prepare_block_operation (BkSheetView *self)
{
  if (self->model == NULL || self->cursor_row < 0)
    return FALSE;

  if (self->editing && !bk_sheet_view_commit_edit (self))
    return FALSE;

  return TRUE;
}

static void
append_tsv_cell (GString    *out,
                 const char *text,
                 gsize       len)
{
  if (len > 0 && (text[0] == '"' || memchr (text, '\t', len) || memchr (text, '\n', len) ||
                  memchr (text, '\r', len)))
    {
      g_string_append_c (out, '"');
      for (gsize i = 0; i < len; i++)
        {
          if (text[i] == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, text[i]);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append_len (out, text, len);
}

/* Parses tab-separated text into rows of cells.  Returns a GPtrArray of
 * GPtrArray of strings. */
static GPtrArray *
parse_tsv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = NULL;
  const char *p = text;

  while (*p != '\0')
    {
      GString *cell = g_string_new (NULL);
      const char *end = NULL;

      if (row == NULL)
        {
          row = g_ptr_array_new_with_free_func (g_free);
          g_ptr_array_add (rows, row);
        }

      /* A quoted cell, if its closing quote ends the cell */
      if (*p == '"')
        {
          const char *q = p + 1;

          while (*q != '\0')
            {
              if (q[0] == '"' && q[1] == '"')
                q += 2;
              else if (q[0] == '"')
                break;
              else
                q++;
            }
          if (q[0] == '"' && (q[1] == '\0' || q[1] == '\t' || q[1] == '\n' || q[1] == '\r'))
            {
              for (const char *s = p + 1; s < q; s++)
                {
                  g_string_append_c (cell, *s);
                  if (s[0] == '"')
                    s++;
                }
              end = q + 1;
            }
        }

      if (end == NULL)
        {
          end = p;
          while (*end != '\0' && *end != '\t' && *end != '\n' && *end != '\r')
            end++;
          g_string_append_len (cell, p, end - p);
        }

      g_ptr_array_add (row, g_string_free (cell, FALSE));

      p = end;
      if (*p == '\t')
        {
          p++;
          if (*p == '\0')
            g_ptr_array_add (row, g_strdup (""));
        }
      else if (*p == '\r' || *p == '\n')
        {
          if (p[0] == '\r' && p[1] == '\n')
            p++;
          p++;
          row = NULL;
        }
    }

  return rows;
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

  if (self->editing)
    stop_editing (self);
  hide_error (self);

  g_set_object (&self->model, model);
  g_signal_group_set_target (self->model_signals, model);

  self->widths_valid = FALSE;
  self->user_row_header_width = 0;
  update_selection (self, -1, -1, -1, -1, -1, -1);
  reload_shape (self);
  update_block_actions (self);
  gtk_adjustment_set_value (self->hadjustment, 0);
  gtk_adjustment_set_value (self->vadjustment, 0);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
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

  if (self->context_popover == NULL && menu != NULL)
    {
      self->context_popover = gtk_popover_menu_new_from_model (menu);
      gtk_widget_set_parent (self->context_popover, GTK_WIDGET (self));
      gtk_popover_set_has_arrow (GTK_POPOVER (self->context_popover), FALSE);
      gtk_widget_set_halign (self->context_popover, GTK_ALIGN_START);
      gtk_popover_set_position (GTK_POPOVER (self->context_popover), GTK_POS_BOTTOM);
    }
  else if (self->context_popover != NULL)
    gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->context_popover), menu);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT_MENU]);
}

int
bk_sheet_view_get_cursor_row (BkSheetView *self)
{
  g_return_val_if_fail (BK_IS_SHEET_VIEW (self), -1);

  return self->cursor_row;
}

int
bk_sheet_view_get_cursor_column (BkSheetView *self)
{
  g_return_val_if_fail (BK_IS_SHEET_VIEW (self), -1);

  return self->cursor_column;
}

void
bk_sheet_view_set_cursor (BkSheetView *self,
                          int          row,
                          int          column)
{
  g_return_if_fail (BK_IS_SHEET_VIEW (self));

  if (self->cursor_row < 0)
    return;

  /* Moving away finishes an edit, as clicking another cell does. */
  if (self->editing && !bk_sheet_view_commit_edit (self))
    return;

  self->tab_origin_column = -1;
  move_cursor_to (self, row, column, FALSE);
}

gboolean
bk_sheet_view_get_selection (BkSheetView *self,
                             guint       *row,
                             guint       *column,
                             guint       *n_rows,
                             guint       *n_columns)
{
  int r0 = 0, c0 = 0, r1 = -1, c1 = -1;

  g_return_val_if_fail (BK_IS_SHEET_VIEW (self), FALSE);

  if (self->cursor_row >= 0)
    get_selection_bounds (self, &r0, &c0, &r1, &c1);

  if (row)
    *row = r0;
  if (column)
    *column = c0;
  if (n_rows)
    *n_rows = r1 - r0 + 1;
  if (n_columns)
    *n_columns = c1 - c0 + 1;

  return self->cursor_row >= 0;
}

void
bk_sheet_view_select_range (BkSheetView *self,
                            guint        row,
                            guint        column,
                            guint        n_rows,
                            guint        n_columns)
{
  g_return_if_fail (BK_IS_SHEET_VIEW (self));
  g_return_if_fail (n_rows > 0 && n_columns > 0);

  if (self->cursor_row < 0)
    return;

  row = MIN (row, self->n_rows - 1);
  column = MIN (column, self->n_columns - 1);
  n_rows = MIN (n_rows, self->n_rows - row);
  n_columns = MIN (n_columns, self->n_columns - column);

  self->tab_origin_column = -1;
  update_selection (self, row, column, row, column, row + n_rows - 1, column + n_columns - 1);
  scroll_to_cell (self, row, column);
}

void
bk_sheet_view_select_all (BkSheetView *self)
{
  g_return_if_fail (BK_IS_SHEET_VIEW (self));

  if (self->cursor_row < 0)
    return;

  update_selection (self, self->cursor_row, self->cursor_column,
                    0, 0, self->n_rows - 1, self->n_columns - 1);
}

void
bk_sheet_view_scroll_to_cell (BkSheetView *self,
                              guint        row,
                              guint        column)
{
  g_return_if_fail (BK_IS_SHEET_VIEW (self));

  if (row >= self->n_rows || column >= self->n_columns)
    return;

  scroll_to_cell (self, row, column);
}

gboolean
bk_sheet_view_get_editing (BkSheetView *self)
{
  g_return_val_if_fail (BK_IS_SHEET_VIEW (self), FALSE);

  return self->editing;
}

gboolean
bk_sheet_view_start_editing (BkSheetView *self,
                             const char  *initial_text)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (BK_IS_SHEET_VIEW (self), FALSE);

  if (self->editing)
    {
      if (initial_text != NULL)
        {
          gtk_editable_set_text (GTK_EDITABLE (self->editor), initial_text);
          gtk_editable_set_position (GTK_EDITABLE (self->editor), -1);
        }
      return TRUE;
    }

  if (!cell_is_editable (self, self->cursor_row, self->cursor_column))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return FALSE;
    }

  if (initial_text == NULL)
    text = bk_table_model_dup_edit_text (self->model, self->cursor_row, self->cursor_column);

  /* Editing is about one cell: collapse the selection onto it. */
  update_selection (self, self->cursor_row, self->cursor_column,
                    self->cursor_row, self->cursor_column,
                    self->cursor_row, self->cursor_column);
  hide_error (self);

  self->editing = TRUE;
  self->enter_mode = initial_text != NULL;
  self->edit_row = self->cursor_row;
  self->edit_column = self->cursor_column;

  gtk_editable_set_text (GTK_EDITABLE (self->editor), text ? text : initial_text);
  gtk_widget_set_visible (self->editor, TRUE);
  gtk_text_grab_focus_without_selecting (GTK_TEXT (self->editor));
  gtk_editable_set_position (GTK_EDITABLE (self->editor), -1);

  scroll_to_cell (self, self->edit_row, self->edit_column);
  update_block_actions (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITING]);

  return TRUE;
}

gboolean
bk_sheet_view_commit_edit (BkSheetView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *texts[1];

  g_return_val_if_fail (BK_IS_SHEET_VIEW (self), FALSE);

  if (!self->editing)
    return TRUE;

  g_clear_handle_id (&self->commit_idle_id, g_source_remove);

  text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->editor)));
  texts[0] = text;

  if (!bk_table_model_set_range (self->model, self->edit_row, self->edit_column,
                                 1, 1, texts, &error))
    {
      show_error (self, self->edit_row, self->edit_column, error->message);
      return FALSE;
    }

  stop_editing (self);

  return TRUE;
}

void
bk_sheet_view_cancel_edit (BkSheetView *self)
{
  g_return_if_fail (BK_IS_SHEET_VIEW (self));

  stop_editing (self);
}

char *
bk_sheet_view_dup_selection_text (BkSheetView *self)
{
  GString *out;
  int r0, c0, r1, c1;

  g_return_val_if_fail (BK_IS_SHEET_VIEW (self), NULL);

  if (self->model == NULL || self->cursor_row < 0)
    return g_strdup ("");

  get_selection_bounds (self, &r0, &c0, &r1, &c1);

  out = g_string_new (NULL);
  for (int r = r0; r <= r1; r++)
    {
      if (r > r0)
        g_string_append_c (out, '\n');
      for (int c = c0; c <= c1; c++)
        {
          if (c > c0)
            g_string_append_c (out, '\t');
          bk_table_model_get_edit_text (self->model, r, c, self->scratch);
          append_tsv_cell (out, self->scratch->str, self->scratch->len);
        }
    }

  return g_string_free (out, FALSE);
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

  get_selection_bounds (self, &r0, &c0, &r1, &c1);
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
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) owned = NULL;
  g_autofree const char **texts = NULL;
  guint block_rows, block_columns = 0;
  guint row, column, n_rows, n_columns;
  int r0, c0, r1, c1;

  g_return_val_if_fail (BK_IS_SHEET_VIEW (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (!prepare_block_operation (self))
    return FALSE;

  rows = parse_tsv (text);
  block_rows = rows->len;
  for (guint i = 0; i < rows->len; i++)
    block_columns = MAX (block_columns, ((GPtrArray *) g_ptr_array_index (rows, i))->len);

  if (block_rows == 0 || block_columns == 0)
    return TRUE;

  get_selection_bounds (self, &r0, &c0, &r1, &c1);
  row = r0;
  column = c0;

  /* A selection that is a whole multiple of the block (a single value into
   * a larger selection included) is filled with copies; otherwise the block
   * goes at the selection's corner, clipped to the table. */
  if ((r1 - r0 + 1) % block_rows == 0 && (c1 - c0 + 1) % block_columns == 0)
    {
      n_rows = r1 - r0 + 1;
      n_columns = c1 - c0 + 1;
    }
  else
    {
      n_rows = MIN (block_rows, self->n_rows - row);
      n_columns = MIN (block_columns, self->n_columns - column);
    }

  owned = g_ptr_array_new_with_free_func (g_free);
  texts = g_new (const char *, (gsize) n_rows * n_columns);
  for (guint r = 0; r < n_rows; r++)
    {
      GPtrArray *src = g_ptr_array_index (rows, r % block_rows);

      for (guint c = 0; c < n_columns; c++)
        {
          guint bc = c % block_columns;
          const char **slot = &texts[(gsize) r * n_columns + c];

          if (bc < src->len)
            *slot = g_ptr_array_index (src, bc);
          else
            {
              /* A short row leaves the rest of its cells as they are. */
              char *keep = bk_table_model_dup_edit_text (self->model, row + r, column + c);

              g_ptr_array_add (owned, keep);
              *slot = keep;
            }
        }
    }

  if (!apply_range (self, row, column, n_rows, n_columns, texts))
    return FALSE;

  update_selection (self, row, column, row, column, row + n_rows - 1, column + n_columns - 1);

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
  int r0, c0, r1, c1;
  int row, column, n_rows, n_columns;

  if (!prepare_block_operation (self))
    return FALSE;

  get_selection_bounds (self, &r0, &c0, &r1, &c1);

  if (down)
    {
      int source_row = r0 == r1 ? r0 - 1 : r0;

      if (source_row < 0)
        {
          gtk_widget_error_bell (GTK_WIDGET (self));
          return FALSE;
        }
      row = source_row + 1;
      column = c0;
      n_rows = r1 - source_row;
      n_columns = c1 - c0 + 1;

      sources = g_ptr_array_new_with_free_func (g_free);
      for (int c = c0; c <= c1; c++)
        g_ptr_array_add (sources, bk_table_model_dup_edit_text (self->model, source_row, c));
    }
  else
    {
      int source_column = c0 == c1 ? c0 - 1 : c0;

      if (source_column < 0)
        {
          gtk_widget_error_bell (GTK_WIDGET (self));
          return FALSE;
        }
      row = r0;
      column = source_column + 1;
      n_rows = r1 - r0 + 1;
      n_columns = c1 - source_column;

      sources = g_ptr_array_new_with_free_func (g_free);
      for (int r = r0; r <= r1; r++)
        g_ptr_array_add (sources, bk_table_model_dup_edit_text (self->model, r, source_column));
    }

  texts = g_new (const char *, (gsize) n_rows * n_columns);
  for (int r = 0; r < n_rows; r++)
    for (int c = 0; c < n_columns; c++)
      texts[(gsize) r * n_columns + c] = g_ptr_array_index (sources, down ? c : r);

  if (!apply_range (self, row, column, n_rows, n_columns, texts))
    return FALSE;

  /* The filled block, with its source, stays selected. */
  if (r0 == r1 && down)
    update_selection (self, self->cursor_row, self->cursor_column, r0 - 1, c0, r1, c1);
  else if (c0 == c1 && !down)
    update_selection (self, self->cursor_row, self->cursor_column, r0, c0 - 1, r1, c1);

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

guint
bk_sheet_view_get_column_width (BkSheetView *self,
                                guint        column)
{
  g_return_val_if_fail (BK_IS_SHEET_VIEW (self), 0);
  g_return_val_if_fail (column < self->n_columns, 0);

  ensure_metrics (self);

  return self->column_widths[column];
}

void
bk_sheet_view_set_column_width (BkSheetView *self,
                                guint        column,
                                guint        width)
{
  g_return_if_fail (BK_IS_SHEET_VIEW (self));
  g_return_if_fail (column < self->n_columns);

  ensure_metrics (self);

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

  ensure_metrics (self);
  cell_rect (self, row, column, &rect);
  *area = rect;

  width = gtk_widget_get_width (GTK_WIDGET (self));
  height = gtk_widget_get_height (GTK_WIDGET (self));

  return rect.x + rect.width > self->row_header_width && rect.x < width &&
         rect.y + rect.height > self->header_height && rect.y < height;
}

guint
bk_sheet_view_get_n_drawn_cells (BkSheetView *self)
{
  g_return_val_if_fail (BK_IS_SHEET_VIEW (self), 0);

  return self->n_drawn_cells;
}

/* ------------------------------------------------------------------------ */
/* Context menu                                                              */

static void
popup_context_menu (BkSheetView *self,
                    double       x,
                    double       y)
{
  if (self->context_popover == NULL)
    return;

  self->context_point = (GdkRectangle) { (int) x, (int) y, 1, 1 };
  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_popover), &self->context_point);
  gtk_popover_popup (GTK_POPOVER (self->context_popover));
}

/* ------------------------------------------------------------------------ */
/* Keyboard                                                                  */

static gboolean
move_binding_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  BkSheetView *self = BK_SHEET_VIEW (widget);
  int kind, d_row, d_column;
  gboolean extend;

  if (self->editing)
    return FALSE;

  g_variant_get (args, "(iiib)", &kind, &d_row, &d_column, &extend);
  move (self, kind, d_row, d_column, extend);

  return TRUE;
}

static gboolean
tab_binding_cb (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  BkSheetView *self = BK_SHEET_VIEW (widget);
  gboolean backwards;

  if (self->editing)
    return FALSE;

  g_variant_get (args, "(b)", &backwards);
  move_tab (self, backwards);

  return TRUE;
}

static gboolean
enter_binding_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  BkSheetView *self = BK_SHEET_VIEW (widget);
  gboolean backwards;

  if (self->editing)
    return FALSE;

  g_variant_get (args, "(b)", &backwards);
  move_enter (self, backwards);

  return TRUE;
}

static gboolean
escape_binding_cb (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   user_data)
{
  BkSheetView *self = BK_SHEET_VIEW (widget);

  if (self->editing)
    {
      bk_sheet_view_cancel_edit (self);
      return TRUE;
    }

  if (gtk_widget_get_visible (self->error_popover))
    {
      hide_error (self);
      return TRUE;
    }

  return FALSE;
}

/* While editing (capture phase, before the GtkText sees the key): the keys
 * that finish an edit. */
static gboolean
editing_key_pressed_cb (GtkEventControllerKey *controller,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        BkSheetView           *self)
{
  GdkModifierType mods = state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK | GDK_ALT_MASK);
  gboolean shift = (mods & GDK_SHIFT_MASK) != 0;

  if (!self->editing || self->preedit)
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Escape:
      bk_sheet_view_cancel_edit (self);
      return GDK_EVENT_STOP;

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      if (mods & ~GDK_SHIFT_MASK)
        return GDK_EVENT_PROPAGATE;
      if (bk_sheet_view_commit_edit (self))
        move_enter (self, shift);
      return GDK_EVENT_STOP;

    case GDK_KEY_Tab:
    case GDK_KEY_KP_Tab:
    case GDK_KEY_ISO_Left_Tab:
      if (mods & ~GDK_SHIFT_MASK)
        return GDK_EVENT_PROPAGATE;
      if (bk_sheet_view_commit_edit (self))
        move_tab (self, shift || keyval == GDK_KEY_ISO_Left_Tab);
      return GDK_EVENT_STOP;

    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      /* Typing into a cell (not F2): Up/Down commit and move. */
      if (!self->enter_mode || mods != 0)
        return GDK_EVENT_PROPAGATE;
      if (bk_sheet_view_commit_edit (self))
        move (self, MOVE_CELLS,
              keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up ? -1 : 1, 0, FALSE);
      return GDK_EVENT_STOP;

    default:
      return GDK_EVENT_PROPAGATE;
    }
}

/* Not editing (bubble phase, after the key bindings): type-to-replace. */
static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                BkSheetView           *self)
{
  gunichar ch;
  gboolean dead_key;

  if (self->editing || self->cursor_row < 0)
    return GDK_EVENT_PROPAGATE;

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK | GDK_META_MASK))
    return GDK_EVENT_PROPAGATE;

  ch = gdk_keyval_to_unicode (keyval);
  dead_key = keyval >= GDK_KEY_dead_grave && keyval <= GDK_KEY_dead_greek;
  if (!dead_key && (ch == 0 || !g_unichar_isprint (ch)))
    return GDK_EVENT_PROPAGATE;

  if (!bk_sheet_view_start_editing (self, ""))
    return GDK_EVENT_STOP;

  /* Let the editor's input method see the key, so compose sequences and
   * input methods work from the first key; insert it by hand otherwise. */
  if (!gtk_event_controller_key_forward (controller, self->editor) ||
      (gtk_editable_get_text (GTK_EDITABLE (self->editor))[0] == '\0' && !self->preedit && !dead_key))
    {
      char buf[8] = { 0 };
      int pos = 0;

      if (ch != 0)
        {
          g_unichar_to_utf8 (ch, buf);
          gtk_editable_delete_text (GTK_EDITABLE (self->editor), 0, -1);
          gtk_editable_insert_text (GTK_EDITABLE (self->editor), buf, -1, &pos);
          gtk_editable_set_position (GTK_EDITABLE (self->editor), -1);
        }
    }

  return GDK_EVENT_STOP;
}

static void
editor_changed_cb (BkSheetView *self)
{
  if (!self->editing)
    return;

  hide_error (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
editor_preedit_changed_cb (BkSheetView *self,
                           const char  *preedit)
{
  self->preedit = preedit != NULL && preedit[0] != '\0';
}

static gboolean
commit_after_focus_left_cb (gpointer user_data)
{
  BkSheetView *self = user_data;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  self->commit_idle_id = 0;

  /* Focus moved to another widget (not a window switch, not the view):
   * clicking elsewhere commits, as in spreadsheets. */
  if (self->editing && focus != NULL &&
      focus != GTK_WIDGET (self) && !gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    bk_sheet_view_commit_edit (self);

  return G_SOURCE_REMOVE;
}

static void
focus_enter_cb (BkSheetView *self)
{
  self->has_focus_within = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
focus_leave_cb (BkSheetView *self)
{
  self->has_focus_within = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (self->editing && self->commit_idle_id == 0)
    self->commit_idle_id = g_idle_add (commit_after_focus_left_cb, self);
}

/* ------------------------------------------------------------------------ */
/* Actions                                                                   */

static void
action_copy (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  bk_sheet_view_copy (BK_SHEET_VIEW (widget));
}

static void
action_cut (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  bk_sheet_view_cut (BK_SHEET_VIEW (widget));
}

static void
action_paste (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  bk_sheet_view_paste (BK_SHEET_VIEW (widget));
}

static void
action_clear (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  bk_sheet_view_clear (BK_SHEET_VIEW (widget));
}

static void
action_fill_down (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  bk_sheet_view_fill_down (BK_SHEET_VIEW (widget));
}

static void
action_fill_right (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  bk_sheet_view_fill_right (BK_SHEET_VIEW (widget));
}

static void
action_select_all (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  bk_sheet_view_select_all (BK_SHEET_VIEW (widget));
}

static void
edit_or_activate (BkSheetView *self)
{
  if (self->cursor_row < 0)
    return;

  if (cell_is_editable (self, self->cursor_row, self->cursor_column))
    bk_sheet_view_start_editing (self, NULL);
  else
    g_signal_emit (self, signals[ACTIVATE_CELL], 0, self->cursor_row, self->cursor_column);
}

static void
action_edit (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BkSheetView *self = BK_SHEET_VIEW (widget);

  /* F2 while typing into a cell switches to editing the text (arrows move
   * the text cursor instead of committing). */
  if (self->editing)
    self->enter_mode = FALSE;
  else
    edit_or_activate (self);
}

static void
action_context_menu (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BkSheetView *self = BK_SHEET_VIEW (widget);
  GdkRectangle rect;

  if (self->cursor_row < 0 || self->editing)
    return;

  cell_rect (self, self->cursor_row, self->cursor_column, &rect);
  clamp_point_to_view (self, &rect,
                       gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  popup_context_menu (self, rect.x + rect.width / 2.0, rect.y + rect.height);
}

/* ------------------------------------------------------------------------ */
/* Pointer                                                                   */

static void
select_columns (BkSheetView *self,
                int          column,
                gboolean     extend)
{
  int last = (int) self->n_rows - 1;

  if (extend)
    update_selection (self, self->cursor_row, self->cursor_column,
                      0, self->anchor_column, last, column);
  else
    update_selection (self, 0, column, 0, column, last, column);
}

static void
select_rows (BkSheetView *self,
             int          row,
             gboolean     extend)
{
  int last = (int) self->n_columns - 1;

  if (extend)
    update_selection (self, self->cursor_row, self->cursor_column,
                      self->anchor_row, 0, row, last);
  else
    update_selection (self, row, 0, row, 0, row, last);
}

static void
autofit_column (BkSheetView *self,
                int          column)
{
  int voff = v_offset (self);
  int first = row_at_offset (self, voff);
  int last = row_at_offset (self, voff + cells_height (self) - 1);
  int widest;

  bk_table_model_get_column_header (self->model, column, self->scratch);
  widest = measure_text (self, 0, self->scratch->str, self->scratch->len);
  for (int r = first; r <= last; r++)
    {
      BkTableCellFlags flags = bk_table_model_get_cell (self->model, r, column, self->scratch);

      widest = MAX (widest, measure_text (self, flags & BK_TABLE_CELL_TOTAL ? LAYOUT_BOLD : 0,
                                          self->scratch->str, self->scratch->len));
    }

  bk_sheet_view_set_column_width (self, column, widest + 2 * CELL_PAD_X + 2);
  g_signal_emit (self, signals[COLUMN_RESIZED], 0, column);
}

/* GtkGestureClick (4.8) loses count when a double click follows a click
 * elsewhere within the double-click time (it forgets the button when it
 * restarts counting), so second presses are also recognised here. */
static gboolean
is_double_click (BkSheetView     *self,
                 GtkGestureClick *gesture,
                 int              n_press,
                 int              row,
                 int              column)
{
  GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (gesture));
  guint32 time = event ? gdk_event_get_time (event) : 0;
  gboolean is_double = n_press == 2;
  int double_click_time = 400;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)),
                "gtk-double-click-time", &double_click_time,
                NULL);

  if (n_press == 1 && self->last_press_time != 0 &&
      row == self->last_press_row && column == self->last_press_column &&
      time - self->last_press_time <= (guint32) double_click_time)
    is_double = TRUE;

  /* A third press starts over. */
  self->last_press_time = is_double ? 0 : time;
  self->last_press_row = row;
  self->last_press_column = column;

  return is_double;
}

static void
click_pressed_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  BkSheetView     *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  gboolean extend = (state & GDK_SHIFT_MASK) != 0;
  int row, column, r0, c0, r1, c1;
  HitKind hit;

  self->drag_mode = DRAG_NONE;

  hit = hit_test (self, x, y, &row, &column);
  if (hit == HIT_NONE)
    return;

  /* Clicking anywhere else in the grid commits the edit; if the model
   * refuses, the editor stays open with its message. */
  if (self->editing && !bk_sheet_view_commit_edit (self))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      return;
    }

  gtk_widget_grab_focus (GTK_WIDGET (self));
  self->tab_origin_column = -1;

  if (button == GDK_BUTTON_SECONDARY)
    {
      get_selection_bounds (self, &r0, &c0, &r1, &c1);
      if (hit == HIT_CELL && !(row >= r0 && row <= r1 && column >= c0 && column <= c1))
        move_cursor_to (self, row, column, FALSE);
      else if (hit == HIT_COLUMN_HEADER && !(column >= c0 && column <= c1 && r0 == 0 &&
                                             r1 == (int) self->n_rows - 1))
        select_columns (self, column, FALSE);
      else if (hit == HIT_ROW_HEADER && !(row >= r0 && row <= r1 && c0 == 0 &&
                                          c1 == (int) self->n_columns - 1))
        select_rows (self, row, FALSE);

      popup_context_menu (self, x, y);
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      return;
    }

  if (button != GDK_BUTTON_PRIMARY)
    return;

  switch (hit)
    {
    case HIT_CELL:
      if (is_double_click (self, gesture, n_press, row, column) && !extend &&
          row == self->cursor_row && column == self->cursor_column)
        {
          edit_or_activate (self);
          return;
        }
      move_cursor_to (self, row, column, extend);
      self->drag_mode = DRAG_CELLS;
      break;

    case HIT_COLUMN_HEADER:
      select_columns (self, column, extend);
      self->drag_mode = DRAG_COLUMNS;
      break;

    case HIT_ROW_HEADER:
      select_rows (self, row, extend);
      self->drag_mode = DRAG_ROWS;
      break;

    case HIT_CORNER:
      bk_sheet_view_select_all (self);
      break;

    case HIT_COLUMN_BORDER:
      if (n_press == 2)
        {
          autofit_column (self, column);
          return;
        }
      self->drag_mode = DRAG_RESIZE_COLUMN;
      self->resize_column = column;
      self->resize_start_width = self->column_widths[column];
      break;

    case HIT_HEADER_BORDER:
      self->drag_mode = DRAG_RESIZE_HEADER;
      self->resize_start_width = self->row_header_width;
      break;

    case HIT_NONE:
    default:
      break;
    }
}

static void
extend_to_pointer (BkSheetView *self)
{
  int hw = self->row_header_width;
  int hh = self->header_height;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double x = CLAMP (self->pointer_x, hw, MAX (hw, width - 1));
  double y = CLAMP (self->pointer_y, hh, MAX (hh, height - 1));
  int row = row_at_offset (self, y - hh + v_offset (self));
  int column = column_at_offset (self, x - hw + h_offset (self));

  switch (self->drag_mode)
    {
    case DRAG_CELLS:
      update_selection (self, self->cursor_row, self->cursor_column,
                        self->anchor_row, self->anchor_column, row, column);
      break;
    case DRAG_COLUMNS:
      select_columns (self, column, TRUE);
      break;
    case DRAG_ROWS:
      select_rows (self, row, TRUE);
      break;
    case DRAG_NONE:
    case DRAG_RESIZE_COLUMN:
    case DRAG_RESIZE_HEADER:
    default:
      break;
    }
}

static gboolean
autoscroll_cb (GtkWidget     *widget,
               GdkFrameClock *frame_clock,
               gpointer       user_data)
{
  BkSheetView *self = BK_SHEET_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double dx = 0, dy = 0;

  if (self->drag_mode != DRAG_CELLS && self->drag_mode != DRAG_ROWS &&
      self->drag_mode != DRAG_COLUMNS)
    {
      self->autoscroll_id = 0;
      return G_SOURCE_REMOVE;
    }

  if (self->drag_mode != DRAG_ROWS)
    {
      if (self->pointer_x < self->row_header_width)
        dx = self->pointer_x - self->row_header_width;
      else if (self->pointer_x > width)
        dx = self->pointer_x - width;
    }
  if (self->drag_mode != DRAG_COLUMNS)
    {
      if (self->pointer_y < self->header_height)
        dy = self->pointer_y - self->header_height;
      else if (self->pointer_y > height)
        dy = self->pointer_y - height;
    }

  if (dx == 0 && dy == 0)
    {
      self->autoscroll_id = 0;
      return G_SOURCE_REMOVE;
    }

  gtk_adjustment_set_value (self->hadjustment, gtk_adjustment_get_value (self->hadjustment) + dx / 2);
  gtk_adjustment_set_value (self->vadjustment, gtk_adjustment_get_value (self->vadjustment) + dy / 2);
  extend_to_pointer (self);

  return G_SOURCE_CONTINUE;
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          offset_x,
                double          offset_y,
                BkSheetView    *self)
{
  double start_x, start_y;

  gtk_gesture_drag_get_start_point (gesture, &start_x, &start_y);
  self->pointer_x = start_x + offset_x;
  self->pointer_y = start_y + offset_y;

  switch (self->drag_mode)
    {
    case DRAG_RESIZE_COLUMN:
      bk_sheet_view_set_column_width (self, self->resize_column,
                                      MAX (MIN_COLUMN_WIDTH, self->resize_start_width + (int) offset_x));
      break;

    case DRAG_RESIZE_HEADER:
      self->user_row_header_width = CLAMP (self->resize_start_width + (int) offset_x,
                                           MIN_COLUMN_WIDTH,
                                           MAX (MIN_COLUMN_WIDTH, gtk_widget_get_width (GTK_WIDGET (self)) / 2));
      self->row_header_valid = FALSE;
      gtk_widget_queue_allocate (GTK_WIDGET (self));
      gtk_widget_queue_draw (GTK_WIDGET (self));
      break;

    case DRAG_CELLS:
    case DRAG_ROWS:
    case DRAG_COLUMNS:
      extend_to_pointer (self);
      if (self->autoscroll_id == 0)
        self->autoscroll_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), autoscroll_cb, NULL, NULL);
      break;

    case DRAG_NONE:
    default:
      break;
    }
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          offset_x,
             double          offset_y,
             BkSheetView    *self)
{
  if (self->drag_mode == DRAG_RESIZE_COLUMN && offset_x != 0)
    g_signal_emit (self, signals[COLUMN_RESIZED], 0, self->resize_column);

  self->drag_mode = DRAG_NONE;
  if (self->autoscroll_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->autoscroll_id);
      self->autoscroll_id = 0;
    }
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           BkSheetView              *self)
{
  int row, column;
  HitKind hit = hit_test (self, x, y, &row, &column);
  const char *name = NULL;

  if (hit == HIT_COLUMN_BORDER || hit == HIT_HEADER_BORDER ||
      self->drag_mode == DRAG_RESIZE_COLUMN || self->drag_mode == DRAG_RESIZE_HEADER)
    name = "col-resize";

  if (name != self->cursor_name)
    {
      self->cursor_name = name;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), name);
    }
}

static gboolean
bk_sheet_view_query_tooltip (GtkWidget  *widget,
                             int         x,
                             int         y,
                             gboolean    keyboard_mode,
                             GtkTooltip *tooltip)
{
  BkSheetView *self = BK_SHEET_VIEW (widget);
  g_autoptr(GString) text = NULL;
  GdkRectangle rect;
  int row, column;

  if (keyboard_mode)
    {
      row = self->cursor_row;
      column = self->cursor_column;
    }
  else if (hit_test (self, x, y, &row, &column) != HIT_CELL)
    return FALSE;

  if (row < 0 || column < 0 || self->editing)
    return FALSE;

  text = g_string_new (NULL);
  bk_table_model_get_tooltip (self->model, row, column, text);
  if (text->len == 0)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text->str);
  cell_rect (self, row, column, &rect);
  gtk_tooltip_set_tip_area (tooltip, &rect);

  return TRUE;
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
bk_sheet_view_unmap (GtkWidget *widget)
{
  BkSheetView *self = BK_SHEET_VIEW (widget);

  if (self->autoscroll_id != 0)
    {
      gtk_widget_remove_tick_callback (widget, self->autoscroll_id);
      self->autoscroll_id = 0;
    }
  self->drag_mode = DRAG_NONE;

  GTK_WIDGET_CLASS (bk_sheet_view_parent_class)->unmap (widget);
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                   */

static void
bk_sheet_view_dispose (GObject *object)
{
  BkSheetView *self = BK_SHEET_VIEW (object);

  g_clear_handle_id (&self->commit_idle_id, g_source_remove);

  if (self->model_signals != NULL)
    g_signal_group_set_target (self->model_signals, NULL);
  g_clear_object (&self->model_signals);
  g_clear_object (&self->model);
  g_clear_object (&self->context_menu);

  g_clear_pointer (&self->editor, gtk_widget_unparent);
  g_clear_pointer (&self->error_popover, gtk_widget_unparent);
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
      g_value_set_int (value, self->cursor_row);
      break;

    case PROP_CURSOR_COLUMN:
      g_value_set_int (value, self->cursor_column);
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
      bk_sheet_view_set_cursor (self, g_value_get_int (value), self->cursor_column);
      break;

    case PROP_CURSOR_COLUMN:
      bk_sheet_view_set_cursor (self, self->cursor_row, g_value_get_int (value));
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

  ensure_metrics (self);
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
add_move_bindings (GtkWidgetClass  *widget_class,
                   guint            keyval,
                   guint            kp_keyval,
                   GdkModifierType  mods,
                   MoveKind         kind,
                   int              d_row,
                   int              d_column)
{
  guint keyvals[2] = { keyval, kp_keyval };

  for (guint i = 0; i < G_N_ELEMENTS (keyvals); i++)
    {
      if (keyvals[i] == 0)
        continue;
      gtk_widget_class_add_binding (widget_class, keyvals[i], mods,
                                    move_binding_cb, "(iiib)", kind, d_row, d_column, FALSE);
      gtk_widget_class_add_binding (widget_class, keyvals[i], mods | GDK_SHIFT_MASK,
                                    move_binding_cb, "(iiib)", kind, d_row, d_column, TRUE);
    }
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
  widget_class->query_tooltip = bk_sheet_view_query_tooltip;
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
   * BkSheetView::column-resized:
   * @column: the column whose width the user changed
   */
  signals[COLUMN_RESIZED] =
    g_signal_new ("column-resized",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_install_action (widget_class, "sheet.copy", NULL, action_copy);
  gtk_widget_class_install_action (widget_class, "sheet.cut", NULL, action_cut);
  gtk_widget_class_install_action (widget_class, "sheet.paste", NULL, action_paste);
  gtk_widget_class_install_action (widget_class, "sheet.clear", NULL, action_clear);
  gtk_widget_class_install_action (widget_class, "sheet.fill-down", NULL, action_fill_down);
  gtk_widget_class_install_action (widget_class, "sheet.fill-right", NULL, action_fill_right);
  gtk_widget_class_install_action (widget_class, "sheet.select-all", NULL, action_select_all);
  gtk_widget_class_install_action (widget_class, "sheet.edit", NULL, action_edit);
  gtk_widget_class_install_action (widget_class, "sheet.context-menu", NULL, action_context_menu);

  /* Movement */
  add_move_bindings (widget_class, GDK_KEY_Up, GDK_KEY_KP_Up, 0, MOVE_CELLS, -1, 0);
  add_move_bindings (widget_class, GDK_KEY_Down, GDK_KEY_KP_Down, 0, MOVE_CELLS, 1, 0);
  add_move_bindings (widget_class, GDK_KEY_Left, GDK_KEY_KP_Left, 0, MOVE_CELLS, 0, -1);
  add_move_bindings (widget_class, GDK_KEY_Right, GDK_KEY_KP_Right, 0, MOVE_CELLS, 0, 1);
  add_move_bindings (widget_class, GDK_KEY_Up, GDK_KEY_KP_Up, GDK_CONTROL_MASK, MOVE_EDGES, -1, 0);
  add_move_bindings (widget_class, GDK_KEY_Down, GDK_KEY_KP_Down, GDK_CONTROL_MASK, MOVE_EDGES, 1, 0);
  add_move_bindings (widget_class, GDK_KEY_Left, GDK_KEY_KP_Left, GDK_CONTROL_MASK, MOVE_EDGES, 0, -1);
  add_move_bindings (widget_class, GDK_KEY_Right, GDK_KEY_KP_Right, GDK_CONTROL_MASK, MOVE_EDGES, 0, 1);
  add_move_bindings (widget_class, GDK_KEY_Page_Up, GDK_KEY_KP_Page_Up, 0, MOVE_PAGES, -1, 0);
  add_move_bindings (widget_class, GDK_KEY_Page_Down, GDK_KEY_KP_Page_Down, 0, MOVE_PAGES, 1, 0);
  add_move_bindings (widget_class, GDK_KEY_Home, GDK_KEY_KP_Home, 0, MOVE_ROW_ENDS, 0, -1);
  add_move_bindings (widget_class, GDK_KEY_End, GDK_KEY_KP_End, 0, MOVE_ROW_ENDS, 0, 1);
  add_move_bindings (widget_class, GDK_KEY_Home, GDK_KEY_KP_Home, GDK_CONTROL_MASK, MOVE_TABLE_ENDS, -1, -1);
  add_move_bindings (widget_class, GDK_KEY_End, GDK_KEY_KP_End, GDK_CONTROL_MASK, MOVE_TABLE_ENDS, 1, 1);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Tab, 0, tab_binding_cb, "(b)", FALSE);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Tab, 0, tab_binding_cb, "(b)", FALSE);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Tab, GDK_SHIFT_MASK, tab_binding_cb, "(b)", TRUE);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Tab, GDK_SHIFT_MASK, tab_binding_cb, "(b)", TRUE);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK, tab_binding_cb, "(b)", TRUE);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_ISO_Left_Tab, 0, tab_binding_cb, "(b)", TRUE);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Return, 0, enter_binding_cb, "(b)", FALSE);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Enter, 0, enter_binding_cb, "(b)", FALSE);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_ISO_Enter, 0, enter_binding_cb, "(b)", FALSE);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Return, GDK_SHIFT_MASK, enter_binding_cb, "(b)", TRUE);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Enter, GDK_SHIFT_MASK, enter_binding_cb, "(b)", TRUE);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_binding_cb, NULL);

  /* Editing and blocks */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "sheet.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "sheet.clear", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "sheet.clear", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_BackSpace, 0, "sheet.clear", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "sheet.copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Insert, GDK_CONTROL_MASK, "sheet.copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_x, GDK_CONTROL_MASK, "sheet.cut", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_SHIFT_MASK, "sheet.cut", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK, "sheet.paste", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Insert, GDK_SHIFT_MASK, "sheet.paste", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "sheet.fill-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "sheet.fill-right", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK, "sheet.select-all", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "sheet.context-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "sheet.context-menu", NULL);

  gtk_widget_class_set_css_name (widget_class, "sheetview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
bk_sheet_view_init (BkSheetView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkEventController *controller;
  GtkGesture *gesture;

  self->scratch = g_string_sized_new (64);
  self->cursor_row = self->cursor_column = -1;
  self->anchor_row = self->anchor_column = -1;
  self->corner_row = self->corner_column = -1;
  self->tab_origin_column = -1;
  self->error_row = self->error_column = -1;
  self->resize_column = -1;
  self->column_x = g_new0 (int, 1);

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (widget, TRUE);
  gtk_widget_add_css_class (widget, "view");

  set_adjustment (self, &self->hadjustment, NULL);
  set_adjustment (self, &self->vadjustment, NULL);

  self->model_signals = g_signal_group_new (BK_TYPE_TABLE_MODEL);
  g_signal_group_connect_object (self->model_signals, "cells-changed",
                                 G_CALLBACK (model_cells_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->model_signals, "reset",
                                 G_CALLBACK (model_reset_cb), self, G_CONNECT_SWAPPED);

  /* The one editor, shown over the active cell while editing */
  self->editor = gtk_text_new ();
  gtk_widget_set_visible (self->editor, FALSE);
  gtk_widget_set_parent (self->editor, widget);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->editor),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Cell editor"),
                                  -1);
  g_signal_connect_swapped (self->editor, "changed", G_CALLBACK (editor_changed_cb), self);
  g_signal_connect_swapped (self->editor, "preedit-changed",
                            G_CALLBACK (editor_preedit_changed_cb), self);

  /* Where a refused value's message is shown */
  self->error_popover = gtk_popover_new ();
  gtk_popover_set_autohide (GTK_POPOVER (self->error_popover), FALSE);
  gtk_popover_set_position (GTK_POPOVER (self->error_popover), GTK_POS_BOTTOM);
  gtk_widget_set_can_target (self->error_popover, FALSE);
  gtk_widget_set_focusable (self->error_popover, FALSE);
  self->error_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->error_label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->error_label), 48);
  gtk_widget_add_css_class (self->error_label, "error");
  gtk_popover_set_child (GTK_POPOVER (self->error_popover), self->error_label);
  gtk_widget_set_parent (self->error_popover, widget);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->error_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Error"),
                                  -1);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (editing_key_pressed_cb), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (focus_enter_cb), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (widget, controller);

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), 0);
  g_signal_connect (gesture, "pressed", G_CALLBACK (click_pressed_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (motion_cb), self);
  gtk_widget_add_controller (widget, controller);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Table"),
                                  -1);

  update_block_actions (self);
}
