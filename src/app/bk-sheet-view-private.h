/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-sheet-view-private.h — the sheet view's struct, shared by its files only
 *
 * bk-sheet-view.c says which file holds which of the grid's jobs; each
 * section below names the file that defines its functions.
 */
#pragma once

#include "bk-sheet-selection.h"
#include "bk-sheet-view.h"

G_BEGIN_DECLS

#define CELL_PAD_X           6
#define CELL_PAD_Y           4
#define MIN_COLUMN_WIDTH     24
#define RESIZE_HANDLE        4
#define DEFAULT_WIDTH_CHARS  10
#define MAX_MEASURED_HEADERS 2000
#define MAX_ROW_HEADER_CHARS 30    /* digit widths; longer names get a tooltip */
#define MAX_HEADER_LINES     2
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
  GdkRGBA warning;
  GdkRGBA override_tint;
  GdkRGBA read_only_tint;
  GdkRGBA total_tint;
  GdkRGBA cursor_unfocused;
} Palette;

struct _BkSheetView
{
  GtkWidget         parent_instance;

  BkTableModel     *model;
  GSignalGroup     *model_signals;
  GMenuModel       *context_menu;
  BkSheetSelection *selection;

  GtkAdjustment    *hadjustment;
  GtkAdjustment    *vadjustment;
  guint             hscroll_policy : 1;
  guint             vscroll_policy : 1;

  /* Shape (cached from the model, refreshed on ::reset) and geometry */
  guint             n_rows;
  guint             n_columns;
  int              *column_widths;   /* n_columns */
  int              *column_x;        /* n_columns + 1 prefix sums */
  int               row_height;
  int               header_height;
  int               header_lines;  /* 1, or 2 when a column header wraps */
  int               needed_header_lines;  /* header_lines without min_header_lines */
  int               min_header_lines;     /* bk_sheet_view_set_min_header_lines() */
  int               row_header_width;
  int               user_row_header_width;  /* > 0 once resized by hand */
  int               digit_width;
  int               text_height;
  int               hash_width;
  PangoLayout      *layouts[N_LAYOUTS];
  GString          *scratch;
  guint             metrics_valid : 1;
  guint             widths_valid : 1;
  guint             row_header_valid : 1;
  guint             in_allocate : 1;
  guint             scroll_pending : 1;
  guint             has_focus_within : 1;

  /* Editing (bk-sheet-editor.c) */
  GtkWidget        *editor;
  GdkRectangle      editor_area;
  int               edit_row;
  int               edit_column;
  guint             editing : 1;
  guint             enter_mode : 1;  /* started by typing: Up/Down commit and move */
  guint             preedit : 1;
  guint             commit_idle_id;

  GtkWidget        *error_popover;
  GtkWidget        *error_label;
  guint             error_shown : 1;  /* until hidden: ::error-cleared then */
  int               error_row;
  int               error_column;

  GtkWidget        *context_popover;
  GdkRectangle      context_point;

  /* Pointer (bk-sheet-view-input.c) */
  DragMode          drag_mode;
  int               resize_column;
  int               resize_start_width;
  guint32           last_press_time;
  int               last_press_row;
  int               last_press_column;
  double            pointer_x;
  double            pointer_y;
  guint             autoscroll_id;
  const char       *cursor_name;

  guint             n_drawn_cells;

  /* Accessibility (bk-sheet-view-a11y.c) */
  char             *unit;
  char             *title;
  /* The active cell changed while the sheet was not on screen: said
   * again when it is mapped */
  guint             accessible_cell_stale : 1;
};

/* bk-sheet-view-a11y.c: what a screen reader hears of the active cell */
void     bk_sheet_view_update_accessible_cell (BkSheetView *self);

/* bk-sheet-view.c: the context menu's popover, built when first opened */
GtkWidget *bk_sheet_view_ensure_context_popover (BkSheetView *self);
/* bk-sheet-view.c: geometry (content offsets are before scrolling) */
void     bk_sheet_view_ensure_metrics        (BkSheetView  *self);
/* bk-sheet-view-draw.c: how many lines @text needs as a column header
 * @width wide (wrapped at words, CJK between characters); widening the
 * columns whose headers need more than two, and the header row's height */
int      bk_sheet_view_header_lines          (BkSheetView  *self,
                                              const char   *text,
                                              int           len,
                                              int           width);
void     bk_sheet_view_fit_column_headers    (BkSheetView  *self);
void     bk_sheet_view_set_header_height     (BkSheetView  *self);
int      bk_sheet_view_measure_text          (BkSheetView  *self,
                                              guint         layout_index,
                                              const char   *text,
                                              int           len);
int      bk_sheet_view_cells_height          (BkSheetView  *self);
int      bk_sheet_view_h_offset              (BkSheetView  *self);
int      bk_sheet_view_v_offset              (BkSheetView  *self);
int      bk_sheet_view_column_at_offset      (BkSheetView  *self,
                                              double        x);
int      bk_sheet_view_row_at_offset         (BkSheetView  *self,
                                              double        y);
void     bk_sheet_view_cell_rect             (BkSheetView  *self,
                                              int           row,
                                              int           column,
                                              GdkRectangle *rect);
HitKind  bk_sheet_view_hit_test              (BkSheetView  *self,
                                              double        x,
                                              double        y,
                                              int          *row,
                                              int          *column);
void     bk_sheet_view_clamp_point_to_view   (BkSheetView  *self,
                                              GdkRectangle *rect,
                                              int           width,
                                              int           height);
/* Scrolls the cell into view, after the first allocation if need be. */
void     bk_sheet_view_scroll_to             (BkSheetView  *self,
                                              int           row,
                                              int           column);
/* Scrolls the selection's corner into view: where a move went. */
void     bk_sheet_view_scroll_to_corner      (BkSheetView  *self);
gboolean bk_sheet_view_cell_is_editable      (BkSheetView  *self,
                                              int           row,
                                              int           column);
void     bk_sheet_view_update_block_actions  (BkSheetView  *self);
void     bk_sheet_view_notify_editing        (BkSheetView  *self);
void     bk_sheet_view_emit_error            (BkSheetView  *self,
                                              const char   *message);
void     bk_sheet_view_emit_error_cleared    (BkSheetView  *self);
void     bk_sheet_view_emit_activate_cell    (BkSheetView  *self,
                                              int           row,
                                              int           column);
void     bk_sheet_view_emit_column_resized   (BkSheetView  *self,
                                              guint         column);

static inline void
bk_sheet_view_fill_rect (GtkSnapshot   *snapshot,
                         const GdkRGBA *color,
                         int            x,
                         int            y,
                         int            width,
                         int            height)
{
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y, width, height));
}

/* bk-sheet-view-draw.c */
void     bk_sheet_view_load_palette          (BkSheetView   *self,
                                              Palette       *pal);
void     bk_sheet_view_draw_cells            (BkSheetView   *self,
                                              GtkSnapshot   *snapshot,
                                              const Palette *pal,
                                              int            first_row,
                                              int            last_row,
                                              int            first_column,
                                              int            last_column);
void     bk_sheet_view_draw_headers          (BkSheetView   *self,
                                              GtkSnapshot   *snapshot,
                                              const Palette *pal,
                                              int            width,
                                              int            height,
                                              int            first_row,
                                              int            last_row,
                                              int            first_column,
                                              int            last_column);

/* bk-sheet-editor.c */
void     bk_sheet_editor_init                (BkSheetView  *self);
void     bk_sheet_editor_dispose             (BkSheetView  *self);
void     bk_sheet_editor_stop                (BkSheetView  *self);
void     bk_sheet_editor_commit_later        (BkSheetView  *self);
void     bk_sheet_editor_allocate            (BkSheetView  *self,
                                              int           width,
                                              int           height);
void     bk_sheet_editor_show_error          (BkSheetView  *self,
                                              int           row,
                                              int           column,
                                              const char   *message);
void     bk_sheet_editor_hide_error          (BkSheetView  *self);
gboolean bk_sheet_editor_error_is_visible    (BkSheetView  *self);

/* bk-sheet-view-input.c */
void     bk_sheet_view_input_class_init      (GtkWidgetClass *widget_class);
void     bk_sheet_view_input_init            (BkSheetView  *self);
void     bk_sheet_view_input_stop_drag       (BkSheetView  *self);

G_END_DECLS
