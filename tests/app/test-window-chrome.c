/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window-chrome.c — what surrounds the sheet, as a person meets it:
 * name dialogs, the header bar's menus and where focus goes after them,
 * the context menu, names that must not be cut
 *
 * Real windows under Xvfb, driven with real X key and pointer events
 * (xdotool, bk-test-ui.c).  The header's widgets come from the window's
 * template struct (bk-window-private.h): the test presses what a person
 * would press. */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "bk-application.h"
#include "bk-test-app.h"
#include "bk-test-ui.h"
#include "bk-window-private.h"

typedef struct
{
  BkWindow         *window;
  AdwMessageDialog *dialog;  /* weak: the one ask() opened */
} Fixture;

static BkApplication *app;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->window = bk_test_app_present_window (app, NULL, 0, 0);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  bk_test_app_close_window (f->window);
}

/* Widgets */

typedef gboolean (*WidgetMatch) (GtkWidget  *widget,
                                 const char *data);

static GtkWidget *
find_widget (GtkWidget   *root,
             WidgetMatch  match,
             const char  *data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_type_named (GtkWidget  *widget,
               const char *type_name)
{
  return g_str_equal (G_OBJECT_TYPE_NAME (widget), type_name);
}

static gboolean
is_visible_type_named (GtkWidget  *widget,
                       const char *type_name)
{
  return is_type_named (widget, type_name) && gtk_widget_get_visible (widget);
}

/* A menu item: GtkModelButton's "text" is its label without the mnemonic */
static gboolean
is_menu_item (GtkWidget  *widget,
              const char *text)
{
  g_autofree char *label = NULL;

  if (!is_type_named (widget, "GtkModelButton"))
    return FALSE;
  g_object_get (widget, "text", &label, NULL);
  return label != NULL && g_str_equal (label, text);
}

static char *
dup_item_accel (GtkWidget  *popover,
                const char *text)
{
  GtkWidget *item = find_widget (popover, is_menu_item, text);
  char *accel = NULL;

  g_assert_nonnull (item);
  g_object_get (item, "accel", &accel, NULL);
  return accel;
}

/* A tooltip on screen anywhere in @window */
static gboolean
tooltip_shown (GtkWidget *window)
{
  return find_widget (window, is_visible_type_named, "GtkTooltipWindow") != NULL;
}

static void
iterate_for (guint msec)
{
  gint64 end = g_get_monotonic_time () + msec * 1000;
  guint wake = g_timeout_add (20, bk_test_wake_up_cb, NULL);

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
}

static GtkWidget *
sheet_popover (BkSheetView *sheet)
{
  return find_widget (GTK_WIDGET (sheet), is_type_named, "GtkPopoverMenu");
}

/* Clicks @button at (@x, @y) of @widget; the caller waits for what the
 * click does (a popover's events do not pass the window's key watch) */
static void
click_button (GtkWidget  *widget,
              double      x,
              double      y,
              const char *button)
{
  const char *click[] = { "click", button, NULL };

  bk_test_move_pointer (widget, x, y);
  bk_test_run_xdotool (click);
}

static void
right_click (GtkWidget *widget,
             double     x,
             double     y)
{
  click_button (widget, x, y, "3");
}

static void
monitor_geometry (GtkWidget    *widget,
                  GdkRectangle *geometry)
{
  GdkMonitor *monitor = gdk_display_get_monitor_at_surface (gtk_widget_get_display (widget),
                                                            gtk_native_get_surface (gtk_widget_get_native (widget)));

  g_assert_nonnull (monitor);
  gdk_monitor_get_geometry (monitor, geometry);
}

/* Item 9: the context menu shows the keys a person uses, and opened in the
 * middle of a window as tall as the screen (maximised) it stays on screen
 * with every item reachable. */
static void
test_context_menu (Fixture       *f,
                   gconstpointer  data)
{
  BkSheetView *sheet = bk_window_get_sheet (f->window);
  BkWorkbook *wb = bk_document_get_workbook (bk_window_get_document (f->window));
  guint n_periods = bk_workbook_get_n_periods (wb);
  GtkWidget *popover, *scroller, *item;
  GdkRectangle screen;
  GdkSurface *surface;
  graphene_point_t top = GRAPHENE_POINT_INIT (0, 0), at;
  graphene_rect_t bounds;
  GtkAdjustment *adjustment;
  int y;

  BK_TEST_REQUIRE_XDOTOOL ();
  monitor_geometry (GTK_WIDGET (f->window), &screen);
  bk_test_resize_window (GTK_WINDOW (f->window), screen.width, screen.height);
  bk_test_wait_frames (GTK_WIDGET (f->window), 1);

  /* Halfway down the screen: the menu fits neither above nor below */
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (sheet), GTK_WIDGET (f->window), &top, &at));
  right_click (GTK_WIDGET (sheet), 300, screen.height / 2.0 - at.y);
  BK_WAIT_FOR ((popover = sheet_popover (sheet)) != NULL && gtk_widget_get_mapped (popover));
  bk_test_wait_frames (popover, 2);

  /* The primary shortcuts, not the legacy ones */
  {
    static const struct { const char *item; const char *accel; } expected[] = {
      { "Cut", "<Control>x" },
      { "Copy", "<Control>c" },
      { "Paste", "<Control>v" },
      { "Clear", "Delete" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      {
        g_autofree char *accel = dup_item_accel (popover, expected[i].item);

        g_assert_cmpstr (accel, ==, expected[i].accel);
      }
  }

  /* On screen: the window is at the screen's origin (no window manager) */
  surface = gtk_native_get_surface (GTK_NATIVE (popover));
  y = gdk_popup_get_position_y (GDK_POPUP (surface));
  g_test_message ("menu at y %d, %d high, on a screen %d high", y, gdk_surface_get_height (surface), screen.height);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (y + gdk_surface_get_height (surface), <=, screen.height);
  g_assert_cmpint (gdk_popup_get_position_x (GDK_POPUP (surface)), >=, 0);
  g_assert_cmpint (gdk_popup_get_position_x (GDK_POPUP (surface)) + gdk_surface_get_width (surface), <=, screen.width);

  /* The last item is reachable: scrolled to, it is inside the menu and a
   * click on it works */
  scroller = gtk_popover_get_child (GTK_POPOVER (popover));
  g_assert_true (GTK_IS_SCROLLED_WINDOW (scroller));
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  bk_test_wait_frames (popover, 2);
  item = find_widget (popover, is_menu_item, "Remove Last Period");
  g_assert_nonnull (item);
  g_assert_true (gtk_widget_compute_bounds (item, scroller, &bounds));
  g_assert_cmpfloat (bounds.origin.y, >=, 0);
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (scroller));
  click_button (item, bounds.size.width / 2, bounds.size.height / 2, "1");
  BK_WAIT_FOR (bk_workbook_get_n_periods (wb) == n_periods - 1);
  BK_WAIT_FOR (!gtk_widget_get_visible (popover));
}

/* Item 9: a cell's tooltip never covers the open context menu. */
static void
test_context_menu_hides_tooltips (Fixture       *f,
                                  gconstpointer  data)
{
  BkSheetView *sheet = bk_window_get_sheet (f->window);
  GtkWidget *popover;
  GdkRectangle cell;

  BK_TEST_REQUIRE_XDOTOOL ();
  /* Microsoft 2023 has a note: its tooltip says where the figure is from */
  g_assert_true (bk_sheet_view_get_cell_area (sheet, 0, 0, &cell));
  bk_test_move_pointer (GTK_WIDGET (sheet), cell.x + cell.width / 2.0, cell.y + cell.height / 2.0);
  BK_WAIT_FOR (tooltip_shown (GTK_WIDGET (f->window)));

  right_click (GTK_WIDGET (sheet), cell.x + cell.width / 2.0, cell.y + cell.height / 2.0);
  BK_WAIT_FOR ((popover = sheet_popover (sheet)) != NULL && gtk_widget_get_mapped (popover));
  /* Longer than the tooltip's delay: none comes back while the menu is open */
  for (guint i = 0; i < 15; i++)
    {
      iterate_for (100);
      g_assert_false (tooltip_shown (GTK_WIDGET (f->window)));
    }
  gtk_popover_popdown (GTK_POPOVER (popover));
}

/* Name dialogs */

static AdwMessageDialog *
open_dialog (void)
{
  g_autoptr(GList) toplevels = NULL;

  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_mapped (l->data))
      return l->data;
  return NULL;
}

/* Runs @action, waits for its dialog and gives it the keyboard */
static AdwMessageDialog *
ask (Fixture    *f,
     const char *action)
{
  AdwMessageDialog *dialog;

  g_assert_null (open_dialog ());
  gtk_widget_activate_action (GTK_WIDGET (f->window), action, NULL);
  BK_WAIT_FOR ((dialog = open_dialog ()) != NULL);
  g_set_weak_pointer (&f->dialog, dialog);
  bk_test_watch_keys (GTK_WINDOW (dialog));
  bk_test_focus_window (GTK_WINDOW (dialog));
  return dialog;
}

static void
retype (AdwMessageDialog *dialog,
        const char       *text)
{
  bk_test_send_keys (GTK_WINDOW (dialog), "ctrl+a", "BackSpace", NULL);
  bk_test_type_text (GTK_WINDOW (dialog), text);
}

static gboolean
is_shown_error_label (GtkWidget  *widget,
                      const char *unused)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "error") &&
         gtk_widget_get_visible (widget) && *gtk_label_get_text (GTK_LABEL (widget)) != '\0';
}

/* The error under the entry, NULL when none shows */
static const char *
dialog_reason (AdwMessageDialog *dialog)
{
  GtkWidget *label = find_widget (GTK_WIDGET (dialog), is_shown_error_label, NULL);

  return label != NULL ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

/* Waits until ask()'s dialog is gone and gives the keyboard back to the
 * window */
static void
wait_closed (Fixture          *f,
             AdwMessageDialog *dialog)
{
  g_assert_true (f->dialog == NULL || f->dialog == dialog);
  BK_WAIT_FOR (f->dialog == NULL || !gtk_widget_get_visible (GTK_WIDGET (f->dialog)));
  g_clear_weak_pointer (&f->dialog);
  bk_test_focus_window (GTK_WINDOW (f->window));
}

/* Item 1: Enter applies and closes; a taken name is refused in the dialog
 * before anything is applied; Cancel (Escape) changes nothing. */
static void
test_scenario_dialogs (Fixture       *f,
                       gconstpointer  data)
{
  BkDocument *doc = bk_window_get_document (f->window);
  BkWorkbook *wb = bk_document_get_workbook (doc);
  guint n = bk_workbook_get_n_scenarios (wb);
  AdwMessageDialog *dialog;
  int stress;

  BK_TEST_REQUIRE_XDOTOOL ();
  dialog = ask (f, "win.add-scenario");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "accept"));
  bk_test_type_text (GTK_WINDOW (dialog), "Stress");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "accept"));
  bk_test_send_keys (GTK_WINDOW (dialog), "Return", NULL);
  wait_closed (f, dialog);
  stress = bk_workbook_find_scenario (wb, "Stress");
  g_assert_cmpint (stress, >, 0);
  g_assert_cmpuint (bk_workbook_get_n_scenarios (wb), ==, n + 1);
  g_assert_cmpuint (bk_window_get_scenario (f->window), ==, (guint) stress);

  /* Taken (in any case): refused with a reason, Enter does nothing */
  dialog = ask (f, "win.add-scenario");
  bk_test_type_text (GTK_WINDOW (dialog), "stress");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "accept"));
  g_assert_nonnull (dialog_reason (dialog));
  g_assert_nonnull (strstr (dialog_reason (dialog), "already"));
  bk_test_send_keys (GTK_WINDOW (dialog), "Return", NULL);
  iterate_for (200);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_cmpuint (bk_workbook_get_n_scenarios (wb), ==, n + 1);
  /* and the base case's name is not for a scenario */
  retype (dialog, "base");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "accept"));
  g_assert_nonnull (dialog_reason (dialog));
  /* A free name clears the refusal; Escape still changes nothing */
  retype (dialog, "Stress 2");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "accept"));
  g_assert_null (dialog_reason (dialog));
  bk_test_send_keys (GTK_WINDOW (dialog), "Escape", NULL);
  wait_closed (f, dialog);
  g_assert_cmpuint (bk_workbook_get_n_scenarios (wb), ==, n + 1);
  g_assert_cmpint (bk_workbook_find_scenario (wb, "Stress 2"), <, 0);

  /* Rename: another scenario's name is refused, its own is not */
  dialog = ask (f, "win.rename-scenario");
  retype (dialog, "FOMO CapEx");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "accept"));
  g_assert_nonnull (dialog_reason (dialog));
  retype (dialog, "STRESS");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "accept"));
  retype (dialog, "Stress test");
  bk_test_send_keys (GTK_WINDOW (dialog), "Return", NULL);
  wait_closed (f, dialog);
  g_assert_cmpint (bk_workbook_find_scenario (wb, "Stress test"), ==, stress);
}

static void
test_rename_row_dialog (Fixture       *f,
                        gconstpointer  data)
{
  BkDocument *doc = bk_window_get_document (f->window);
  BkWorkbook *wb = bk_document_get_workbook (doc);
  BkSheetView *sheet = bk_window_get_sheet (f->window);
  AdwMessageDialog *dialog;

  BK_TEST_REQUIRE_XDOTOOL ();
  bk_sheet_view_set_cursor (sheet, 0, 0);
  g_assert_false (bk_document_can_undo (doc));

  /* Cancel after typing: the name stays */
  dialog = ask (f, "win.rename-row");
  retype (dialog, "Microsoft Corp");
  bk_test_send_keys (GTK_WINDOW (dialog), "Escape", NULL);
  wait_closed (f, dialog);
  g_assert_cmpstr (bk_workbook_get_company_name (wb, 0), ==, "Microsoft");
  g_assert_false (bk_document_can_undo (doc));

  /* Another company's name is refused inside the dialog */
  dialog = ask (f, "win.rename-row");
  retype (dialog, "alphabet");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "accept"));
  g_assert_nonnull (dialog_reason (dialog));
  g_assert_nonnull (strstr (dialog_reason (dialog), "Alphabet"));
  bk_test_send_keys (GTK_WINDOW (dialog), "Return", NULL);
  iterate_for (200);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_cmpstr (bk_workbook_get_company_name (wb, 0), ==, "Microsoft");

  /* Enter applies once and closes */
  retype (dialog, "Microsoft Corp");
  bk_test_send_keys (GTK_WINDOW (dialog), "Return", NULL);
  wait_closed (f, dialog);
  g_assert_cmpstr (bk_workbook_get_company_name (wb, 0), ==, "Microsoft Corp");
  g_assert_true (bk_document_can_undo (doc));
  g_assert_true (bk_document_undo (doc, NULL));
  g_assert_false (bk_document_can_undo (doc));
  g_assert_cmpstr (bk_workbook_get_company_name (wb, 0), ==, "Microsoft");

  /* Enter on the unchanged name closes without an edit */
  dialog = ask (f, "win.rename-row");
  bk_test_send_keys (GTK_WINDOW (dialog), "Return", NULL);
  wait_closed (f, dialog);
  g_assert_false (bk_document_can_undo (doc));

  /* The keyboard is back in the sheet */
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (sheet)));
}

static gboolean
is_primary_menu_button (GtkWidget  *widget,
                        const char *unused)
{
  return GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget));
}

/* Item 7: after a header menu closes, the keys are the sheet's again. */
static void
test_focus_after_header_menus (Fixture       *f,
                               gconstpointer  data)
{
  BkSheetView *sheet = bk_window_get_sheet (f->window);
  BkWorkbook *wb = bk_document_get_workbook (bk_window_get_document (f->window));
  GtkWidget *button = f->window->scenario_button;
  GtkPopover *popover;
  GtkWidget *item;
  BkCell cell;
  int bull;

  BK_TEST_REQUIRE_XDOTOOL ();
  bull = bk_workbook_find_scenario (wb, "Bull — demand keeps compounding");
  g_assert_cmpint (bull, >, 0);
  bk_sheet_view_set_cursor (sheet, 0, 0);

  /* Choose a scenario with the pointer, then type */
  bk_test_click (button, gtk_widget_get_width (button) / 2.0, gtk_widget_get_height (button) / 2.0, 1);
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  BK_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  bk_test_wait_frames (GTK_WIDGET (popover), 1);
  item = find_widget (GTK_WIDGET (popover), is_menu_item, "Bull — demand keeps compounding");
  g_assert_nonnull (item);
  click_button (item, gtk_widget_get_width (item) / 2.0, gtk_widget_get_height (item) / 2.0, "1");
  BK_WAIT_FOR (bk_window_get_scenario (f->window) == (guint) bull);
  BK_WAIT_FOR (!gtk_widget_get_visible (GTK_WIDGET (popover)));
  bk_test_type_text (GTK_WINDOW (f->window), "100");
  bk_test_send_keys (GTK_WINDOW (f->window), "Return", NULL);
  bk_workbook_get_cell (wb, (guint) bull, BK_TABLE_CAPEX, 0, 0, &cell);
  g_assert_cmpfloat (cell.value, ==, 100);
  g_assert_cmpint (bk_sheet_view_get_cursor_row (sheet), ==, 1);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (f->window->scenario_button)))));

  /* The main menu opened with F10 and closed with Escape */
  button = find_widget (GTK_WIDGET (f->window->header_bar), is_primary_menu_button, NULL);
  g_assert_nonnull (button);
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  bk_test_send_keys (GTK_WINDOW (f->window), "F10", NULL);
  BK_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  bk_test_wait_frames (GTK_WIDGET (popover), 1);
  bk_test_run_xdotool ((const char *[]) { "key", "Escape", NULL });
  BK_WAIT_FOR (!gtk_widget_get_visible (GTK_WIDGET (popover)));
  bk_test_flush ();
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (sheet)));
  bk_test_type_text (GTK_WINDOW (f->window), "7");
  bk_test_send_keys (GTK_WINDOW (f->window), "Return", NULL);
  bk_workbook_get_cell (wb, (guint) bull, BK_TABLE_CAPEX, 1, 0, &cell);
  g_assert_cmpfloat (cell.value, ==, 7);
}

static gboolean
is_label_starting (GtkWidget  *widget,
                   const char *prefix)
{
  return GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix);
}

/* The window's surface, its frame included, is what the screen gets */
static int
surface_width (BkWindow *window)
{
  return gdk_surface_get_width (gtk_native_get_surface (GTK_NATIVE (window)));
}

/* @label shows its whole text: pango cut nothing, and the label was given
 * the width its text needs */
static void
assert_label_whole (GtkLabel *label)
{
  PangoLayout *layout = gtk_label_get_layout (label);
  int width;

  g_test_message ("label “%s”", gtk_label_get_text (label));
  g_assert_false (pango_layout_is_ellipsized (layout));
  pango_layout_get_pixel_size (layout, &width, NULL);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (label)), >=, width);
}

/* Item 10: at 1024 × 600 the header's scenario control and the KPI strip
 * show the whole scenario name or a readable short form with the whole one
 * in a tooltip (never "Bear — …"), and a new company's row header shows its
 * name whole, even in bold (never "CoreWe…"). */
static void
test_names_shown_whole (Fixture       *f,
                        gconstpointer  data)
{
  static const char bear_name[] = "Bear — short GPU life, price war";
  BkDocument *doc = bk_window_get_document (f->window);
  BkWorkbook *wb = bk_document_get_workbook (doc);
  BkSheetView *sheet = bk_window_get_sheet (f->window);
  g_autoptr(GError) error = NULL;
  const char *tooltip;
  GtkWidget *total;
  GdkRectangle area;
  int bear, fomo, row;

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1024, 600);
  BK_WAIT_FOR (surface_width (f->window) == 1024);
  bear = bk_workbook_find_scenario (wb, bear_name);
  fomo = bk_workbook_find_scenario (wb, "FOMO CapEx");
  g_assert_cmpint (bear, >, 0);
  g_assert_cmpint (fomo, >, 0);

  /* A name that fits shows whole */
  bk_window_set_scenario (f->window, (guint) fomo);
  bk_test_wait_frames (GTK_WIDGET (f->window), 2);
  g_assert_cmpstr (gtk_label_get_text (f->window->scenario_label), ==, "FOMO CapEx");
  assert_label_whole (f->window->scenario_label);

  /* A long one: the words before its last part, the whole name in the
   * tooltip; the window stays 1024 wide */
  bk_window_set_scenario (f->window, (guint) bear);
  bk_test_wait_frames (GTK_WIDGET (f->window), 2);
  g_assert_cmpstr (gtk_label_get_text (f->window->scenario_label), ==, "Bear — short GPU life");
  assert_label_whole (f->window->scenario_label);
  tooltip = gtk_widget_get_tooltip_text (f->window->scenario_button);
  g_assert_nonnull (strstr (tooltip, bear_name));
  g_assert_cmpint (surface_width (f->window), ==, 1024);

  total = find_widget (GTK_WIDGET (bk_window_get_kpi_strip (f->window)), is_label_starting, "Total · ");
  g_assert_nonnull (total);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (total)), ==, "Total · Bear — short GPU life");
  assert_label_whole (GTK_LABEL (total));
  tooltip = gtk_widget_get_tooltip_text (total);
  g_assert_nonnull (strstr (tooltip, bear_name));

  /* A new company's row header, bold when its row is selected */
  g_assert_true (bk_document_add_company (doc, "crwv", "CoreWeave", "global", G_MAXUINT, &error));
  g_assert_no_error (error);
  row = bk_workbook_find_row (wb, BK_TABLE_CAPEX, "crwv");
  g_assert_cmpint (row, >=, 0);
  bk_sheet_view_select_range (sheet, (guint) row, 0, 1, G_MAXUINT);
  bk_test_wait_frames (GTK_WIDGET (sheet), 2);
  g_assert_null (bk_sheet_view_dup_row_header_tooltip (sheet, (guint) row));
  g_assert_true (bk_sheet_view_get_cell_area (sheet, (guint) row, 0, &area));
  {
    g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (sheet), "CoreWeave");
    PangoAttrList *attrs = pango_attr_list_new ();
    int width;

    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
    pango_layout_set_attributes (layout, attrs);
    pango_attr_list_unref (attrs);
    pango_layout_get_pixel_size (layout, &width, NULL);
    g_assert_cmpint (area.x, >=, width);
  }
}

/* A long document title is ellipsized in a narrow header bar (as
 * AdwWindowTitle does): the whole title, and the subtitle, are in the
 * title's tooltip */
static void
test_title_tooltip (Fixture       *f,
                    gconstpointer  data)
{
  BkWorkbook *wb = bk_document_get_workbook (bk_window_get_document (f->window));
  const char *title = bk_workbook_get_title (wb);
  const char *tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (f->window->window_title));

  g_assert_cmpuint (strlen (title), >, 40);
  g_assert_nonnull (tooltip);
  g_assert_true (g_str_has_prefix (tooltip, title));
  g_assert_nonnull (strstr (tooltip, adw_window_title_get_subtitle (f->window->window_title)));
}

int
main (int   argc,
      char *argv[])
{
  app = bk_test_app_init (&argc, &argv, "test-window-chrome");

#define ADD(path, func) \
  g_test_add ("/window-chrome/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("context-menu", test_context_menu);
  ADD ("context-menu-hides-tooltips", test_context_menu_hides_tooltips);
  ADD ("scenario-dialogs", test_scenario_dialogs);
  ADD ("rename-row-dialog", test_rename_row_dialog);
  ADD ("focus-after-header-menus", test_focus_after_header_menus);
  ADD ("names-shown-whole", test_names_shown_whole);
  ADD ("title-tooltip", test_title_tooltip);
#undef ADD

  return bk_test_app_run (app);
}
