/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-sheet-view-input.c — the grid's keys, actions and pointer (Gnumeric's pane)
 *
 * Key bindings turn arrows, Tab, Enter, Home/End and Page keys into moves
 * of the BkSheetSelection; typing a printable key starts editing with it
 * (through the editor's input method, so compose keys work).  While
 * editing, a capture-phase controller sees Enter, Tab, Escape and (after
 * typing) Up/Down before the GtkText does.  The sheet.* actions are the
 * clipboard, fill, select-all, edit and the context menu.  The pointer
 * selects cells, whole rows and columns (dragging extends, and scrolls at
 * the edges), double-click edits, and the header borders resize columns
 * and the row header (double-click fits a column to its visible cells).
 */

#include "config.h"

#include "bk-sheet-view-private.h"

/* ------------------------------------------------------------------------ */
/* Moving                                                                    */

static void
move (BkSheetView *self,
      BkSheetMove  kind,
      int          d_row,
      int          d_column,
      gboolean     extend)
{
  if (!bk_sheet_selection_get_cursor (self->selection, NULL, NULL))
    return;

  if (kind == BK_SHEET_MOVE_PAGES)
    {
      int rows = MAX (1, bk_sheet_view_cells_height (self) / MAX (1, self->row_height) - 1);
      double value = gtk_adjustment_get_value (self->vadjustment);

      /* Scroll the page with the cursor, as spreadsheets do. */
      bk_sheet_selection_set_page_rows (self->selection, rows);
      gtk_adjustment_set_value (self->vadjustment,
                                value + (double) d_row * rows * self->row_height);
    }

  bk_sheet_selection_move (self->selection, kind, d_row, d_column, extend);
  bk_sheet_view_scroll_to_corner (self);
}

static void
move_tab (BkSheetView *self,
          gboolean     backwards)
{
  bk_sheet_selection_move_tab (self->selection, backwards);
  bk_sheet_view_scroll_to_corner (self);
}

static void
move_enter (BkSheetView *self,
            gboolean     backwards)
{
  bk_sheet_selection_move_enter (self->selection, backwards);
  bk_sheet_view_scroll_to_corner (self);
}

/* ------------------------------------------------------------------------ */
/* Context menu                                                              */

/* Room the menu needs around its items (padding, shadow) */
#define MENU_CHROME 48
#define MENU_MIN_HEIGHT 160

/* GTK 4.8 only flips a menu that does not fit below the point to above
 * it, never shrinks it, so a menu taller than the room on either side
 * runs off the screen.  Cap its height (its items then scroll) at the
 * larger of the room above and below the point within the window and half
 * the monitor: one side of the point always has that much room, so the
 * flip always finds a place on screen. */
static void
fit_context_menu (BkSheetView *self,
                  double       y)
{
  GtkWidget *scroller = gtk_popover_get_child (GTK_POPOVER (self->context_popover));
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
  graphene_point_t point = GRAPHENE_POINT_INIT (0, (float) y), in_window;
  GdkMonitor *monitor;
  int room = 0;

  /* GtkPopoverMenu puts its items in a scrolled window */
  if (!GTK_IS_SCROLLED_WINDOW (scroller) || native == NULL)
    return;

  if (gtk_widget_compute_point (GTK_WIDGET (self), GTK_WIDGET (native), &point, &in_window))
    room = MAX ((int) in_window.y, gtk_widget_get_height (GTK_WIDGET (native)) - (int) in_window.y);
  monitor = gdk_display_get_monitor_at_surface (gtk_widget_get_display (GTK_WIDGET (self)),
                                                gtk_native_get_surface (native));
  if (monitor != NULL)
    {
      GdkRectangle geometry;

      gdk_monitor_get_geometry (monitor, &geometry);
      room = MAX (room, geometry.height / 2);
    }
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller),
                                              MAX (room - MENU_CHROME, MENU_MIN_HEIGHT));
}

static void
popup_context_menu (BkSheetView *self,
                    double       x,
                    double       y)
{
  if (bk_sheet_view_ensure_context_popover (self) == NULL)
    return;

  self->context_point = (GdkRectangle) { (int) x, (int) y, 1, 1 };
  fit_context_menu (self, y);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_popover), &self->context_point);
  gtk_popover_popup (GTK_POPOVER (self->context_popover));
  /* A cell's tooltip, shown or on its way, would cover the menu */
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
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

  if (bk_sheet_editor_error_is_visible (self) || self->error_shown)
    {
      bk_sheet_editor_hide_error (self);
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
        move (self, BK_SHEET_MOVE_CELLS,
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

  if (self->editing || !bk_sheet_selection_get_cursor (self->selection, NULL, NULL))
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

  bk_sheet_editor_commit_later (self);
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
  int row, column;

  if (!bk_sheet_selection_get_cursor (self->selection, &row, &column))
    return;

  if (bk_sheet_view_cell_is_editable (self, row, column))
    bk_sheet_view_start_editing (self, NULL);
  else
    bk_sheet_view_emit_activate_cell (self, row, column);
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
  int row, column;

  if (!bk_sheet_selection_get_cursor (self->selection, &row, &column) || self->editing)
    return;

  bk_sheet_view_cell_rect (self, row, column, &rect);
  bk_sheet_view_clamp_point_to_view (self, &rect,
                                     gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  popup_context_menu (self, rect.x + rect.width / 2.0, rect.y + rect.height);
}

/* ------------------------------------------------------------------------ */
/* Pointer                                                                   */

static void
autofit_column (BkSheetView *self,
                int          column)
{
  int voff = bk_sheet_view_v_offset (self);
  int first = bk_sheet_view_row_at_offset (self, voff);
  int last = bk_sheet_view_row_at_offset (self, voff + bk_sheet_view_cells_height (self) - 1);
  int widest;

  bk_table_model_get_column_header (self->model, column, self->scratch);
  widest = bk_sheet_view_measure_text (self, 0, self->scratch->str, self->scratch->len);
  for (int r = first; r <= last; r++)
    {
      BkTableCellFlags flags = bk_table_model_get_cell (self->model, r, column, self->scratch);

      widest = MAX (widest, bk_sheet_view_measure_text (self, flags & BK_TABLE_CELL_TOTAL ? LAYOUT_BOLD : 0,
                                                        self->scratch->str, self->scratch->len));
    }

  bk_sheet_view_set_column_width (self, column, widest + 2 * CELL_PAD_X + 2);
  bk_sheet_view_emit_column_resized (self, column);
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
  int row, column, cursor_row, cursor_column;
  HitKind hit;

  self->drag_mode = DRAG_NONE;

  hit = bk_sheet_view_hit_test (self, x, y, &row, &column);
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
  bk_sheet_selection_end_tab_run (self->selection);

  if (button == GDK_BUTTON_SECONDARY)
    {
      BkSheetSelection *selection = self->selection;

      if (hit == HIT_CELL && !bk_sheet_selection_contains (selection, row, column))
        {
          bk_sheet_selection_set_cursor (selection, row, column);
          bk_sheet_view_scroll_to_corner (self);
        }
      else if (hit == HIT_COLUMN_HEADER &&
               !(bk_sheet_selection_contains (selection, 0, column) &&
                 bk_sheet_selection_is_whole_columns (selection)))
        bk_sheet_selection_select_columns (selection, column, FALSE);
      else if (hit == HIT_ROW_HEADER &&
               !(bk_sheet_selection_contains (selection, row, 0) &&
                 bk_sheet_selection_is_whole_rows (selection)))
        bk_sheet_selection_select_rows (selection, row, FALSE);

      popup_context_menu (self, x, y);
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      return;
    }

  if (button != GDK_BUTTON_PRIMARY)
    return;

  bk_sheet_selection_get_cursor (self->selection, &cursor_row, &cursor_column);

  switch (hit)
    {
    case HIT_CELL:
      if (is_double_click (self, gesture, n_press, row, column) && !extend &&
          row == cursor_row && column == cursor_column)
        {
          edit_or_activate (self);
          return;
        }
      if (extend)
        bk_sheet_selection_extend_to (self->selection, row, column);
      else
        bk_sheet_selection_set_cursor (self->selection, row, column);
      bk_sheet_view_scroll_to_corner (self);
      self->drag_mode = DRAG_CELLS;
      break;

    case HIT_COLUMN_HEADER:
      bk_sheet_selection_select_columns (self->selection, column, extend);
      self->drag_mode = DRAG_COLUMNS;
      break;

    case HIT_ROW_HEADER:
      bk_sheet_selection_select_rows (self->selection, row, extend);
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
  int row = bk_sheet_view_row_at_offset (self, y - hh + bk_sheet_view_v_offset (self));
  int column = bk_sheet_view_column_at_offset (self, x - hw + bk_sheet_view_h_offset (self));

  switch (self->drag_mode)
    {
    case DRAG_CELLS:
      bk_sheet_selection_extend_to (self->selection, row, column);
      break;
    case DRAG_COLUMNS:
      bk_sheet_selection_select_columns (self->selection, column, TRUE);
      break;
    case DRAG_ROWS:
      bk_sheet_selection_select_rows (self->selection, row, TRUE);
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
    bk_sheet_view_emit_column_resized (self, self->resize_column);

  bk_sheet_view_input_stop_drag (self);
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           BkSheetView              *self)
{
  int row, column;
  HitKind hit = bk_sheet_view_hit_test (self, x, y, &row, &column);
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
query_tooltip (GtkWidget  *widget,
               int         x,
               int         y,
               gboolean    keyboard_mode,
               GtkTooltip *tooltip)
{
  BkSheetView *self = BK_SHEET_VIEW (widget);
  g_autoptr(GString) text = NULL;
  GdkRectangle rect;
  HitKind hit;
  int row, column;

  if (keyboard_mode)
    bk_sheet_selection_get_cursor (self->selection, &row, &column);
  else if ((hit = bk_sheet_view_hit_test (self, x, y, &row, &column)) == HIT_ROW_HEADER)
    {
      g_autofree char *name = row >= 0 ? bk_sheet_view_dup_row_header_tooltip (self, (guint) row) : NULL;

      /* A name too long for the row headers, whole */
      if (name == NULL)
        return FALSE;
      gtk_tooltip_set_text (tooltip, name);
      gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) {
                                  0, self->header_height + row * self->row_height - bk_sheet_view_v_offset (self),
                                  self->row_header_width, self->row_height });
      return TRUE;
    }
  else if (hit != HIT_CELL)
    return FALSE;

  /* Never over the open context menu */
  if (row < 0 || column < 0 || self->editing ||
      (self->context_popover != NULL && gtk_widget_get_visible (self->context_popover)))
    return FALSE;

  text = g_string_new (NULL);
  bk_table_model_get_tooltip (self->model, row, column, text);
  if (text->len == 0)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text->str);
  bk_sheet_view_cell_rect (self, row, column, &rect);
  gtk_tooltip_set_tip_area (tooltip, &rect);

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Setting up                                                                */

void
bk_sheet_view_input_stop_drag (BkSheetView *self)
{
  self->drag_mode = DRAG_NONE;
  if (self->autoscroll_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->autoscroll_id);
      self->autoscroll_id = 0;
    }
}

static void
add_move_bindings (GtkWidgetClass  *widget_class,
                   guint            keyval,
                   guint            kp_keyval,
                   GdkModifierType  mods,
                   BkSheetMove      kind,
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

void
bk_sheet_view_input_class_init (GtkWidgetClass *widget_class)
{
  widget_class->query_tooltip = query_tooltip;

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
  add_move_bindings (widget_class, GDK_KEY_Up, GDK_KEY_KP_Up, 0, BK_SHEET_MOVE_CELLS, -1, 0);
  add_move_bindings (widget_class, GDK_KEY_Down, GDK_KEY_KP_Down, 0, BK_SHEET_MOVE_CELLS, 1, 0);
  add_move_bindings (widget_class, GDK_KEY_Left, GDK_KEY_KP_Left, 0, BK_SHEET_MOVE_CELLS, 0, -1);
  add_move_bindings (widget_class, GDK_KEY_Right, GDK_KEY_KP_Right, 0, BK_SHEET_MOVE_CELLS, 0, 1);
  add_move_bindings (widget_class, GDK_KEY_Up, GDK_KEY_KP_Up, GDK_CONTROL_MASK, BK_SHEET_MOVE_EDGES, -1, 0);
  add_move_bindings (widget_class, GDK_KEY_Down, GDK_KEY_KP_Down, GDK_CONTROL_MASK, BK_SHEET_MOVE_EDGES, 1, 0);
  add_move_bindings (widget_class, GDK_KEY_Left, GDK_KEY_KP_Left, GDK_CONTROL_MASK, BK_SHEET_MOVE_EDGES, 0, -1);
  add_move_bindings (widget_class, GDK_KEY_Right, GDK_KEY_KP_Right, GDK_CONTROL_MASK, BK_SHEET_MOVE_EDGES, 0, 1);
  add_move_bindings (widget_class, GDK_KEY_Page_Up, GDK_KEY_KP_Page_Up, 0, BK_SHEET_MOVE_PAGES, -1, 0);
  add_move_bindings (widget_class, GDK_KEY_Page_Down, GDK_KEY_KP_Page_Down, 0, BK_SHEET_MOVE_PAGES, 1, 0);
  add_move_bindings (widget_class, GDK_KEY_Home, GDK_KEY_KP_Home, 0, BK_SHEET_MOVE_ROW_ENDS, 0, -1);
  add_move_bindings (widget_class, GDK_KEY_End, GDK_KEY_KP_End, 0, BK_SHEET_MOVE_ROW_ENDS, 0, 1);
  add_move_bindings (widget_class, GDK_KEY_Home, GDK_KEY_KP_Home, GDK_CONTROL_MASK, BK_SHEET_MOVE_TABLE_ENDS, -1, -1);
  add_move_bindings (widget_class, GDK_KEY_End, GDK_KEY_KP_End, GDK_CONTROL_MASK, BK_SHEET_MOVE_TABLE_ENDS, 1, 1);

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

  /* Editing and blocks.  An action's last binding is the one its menu
   * item shows, so the legacy keys (BackSpace, Ctrl+Insert, Shift+Delete,
   * Shift+Insert) come before the primary ones. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "sheet.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_BackSpace, 0, "sheet.clear", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "sheet.clear", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "sheet.clear", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Insert, GDK_CONTROL_MASK, "sheet.copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "sheet.copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_SHIFT_MASK, "sheet.cut", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_x, GDK_CONTROL_MASK, "sheet.cut", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Insert, GDK_SHIFT_MASK, "sheet.paste", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK, "sheet.paste", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "sheet.fill-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "sheet.fill-right", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK, "sheet.select-all", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "sheet.context-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "sheet.context-menu", NULL);
}

void
bk_sheet_view_input_init (BkSheetView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkEventController *controller;
  GtkGesture *gesture;

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
}
