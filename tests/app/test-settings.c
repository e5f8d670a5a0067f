/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-settings.c — settings, window state, style, Preferences, About, shortcuts
 *
 * Real windows under Xvfb.  Each test gets a BkSettings over its own memory
 * backend, so tests start from the schema's defaults and do not see each
 * other's changes.  Without a window manager nothing maximizes a mapped X11
 * window, so the maximize test plays the window manager, setting the
 * window's _NET_WM_STATE as one does; it is skipped without X11.
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>
#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#ifdef GDK_WINDOWING_X11
#include <dlfcn.h>
#include <gdk/x11/gdkx.h>
#include <X11/Xatom.h>
#endif

#include "bk-about.h"
#include "bk-preferences-window.h"
#include "bk-settings.h"
#include "bk-test-ui.h"

/* Iterates the main context for @msec, for checks that something does
 * *not* happen within a time it would take to happen. */
static void
run_main_context_for (guint msec)
{
  gint64 end = g_get_monotonic_time () + msec * G_TIME_SPAN_MILLISECOND;
  guint wake = g_timeout_add (10, bk_test_wake_up_cb, NULL);

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
}

/* A BkSettings over a private memory backend, at the schema's defaults. */
static BkSettings *
new_test_settings (void)
{
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();
  g_autoptr(GSettings) gsettings = g_settings_new_with_backend (APPLICATION_ID, backend);

  return bk_settings_new (gsettings);
}

static void
destroy_window_and_wait (GtkWidget **window)
{
  GtkWidget *watched = *window;

  g_object_add_weak_pointer (G_OBJECT (watched), (gpointer *) window);
  gtk_window_destroy (GTK_WINDOW (watched));
  BK_WAIT_FOR (*window == NULL);
}

static void
unref_and_assert_finalized (gpointer object)
{
  gpointer watched = object;

  g_object_add_weak_pointer (G_OBJECT (object), &watched);
  g_object_unref (object);
  g_assert_null (watched);
}

static GtkWidget *
present_window (GtkWidget *window)
{
  gtk_window_present (GTK_WINDOW (window));
  BK_WAIT_FOR (gtk_widget_get_mapped (window) &&
            gtk_widget_get_width (window) > 0);
  bk_test_flush ();

  return window;
}

/* ------------------------------------------------------------------------ */
/* Properties                                                                */

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_properties (void)
{
  BkSettings *settings = new_test_settings ();
  GSettings *gsettings = bk_settings_get_gsettings (settings);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autofree char *granularity = NULL;
  guint n_scheme_notifies = 0;
  BkGranularity value;

  g_object_get (gsettings, "settings-schema", &schema, NULL);
  g_assert_cmpstr (g_settings_schema_get_id (schema), ==, APPLICATION_ID);

  /* The schema's defaults */
  g_assert_cmpint (bk_settings_get_window_width (settings), ==, 1280);
  g_assert_cmpint (bk_settings_get_window_height (settings), ==, 820);
  g_assert_false (bk_settings_get_window_maximized (settings));
  g_assert_cmpstr (bk_settings_get_color_scheme (settings), ==, "default");
  g_assert_cmpstr (bk_settings_get_last_document (settings), ==, "");
  g_assert_cmpint (bk_settings_get_default_granularity (settings), ==, BK_GRANULARITY_YEAR);

  /* GSettings → properties, with notification */
  g_signal_connect (settings, "notify::color-scheme", G_CALLBACK (count_notify_cb), &n_scheme_notifies);
  g_settings_set_int (gsettings, "window-width", 1001);
  g_settings_set_int (gsettings, "window-height", 702);
  g_settings_set_boolean (gsettings, "window-maximized", TRUE);
  g_settings_set_string (gsettings, "color-scheme", "dark");
  g_settings_set_string (gsettings, "last-document", "/tmp/a workbook.breakeven");
  g_settings_set_string (gsettings, "default-granularity", "quarter");
  g_assert_cmpint (bk_settings_get_window_width (settings), ==, 1001);
  g_assert_cmpint (bk_settings_get_window_height (settings), ==, 702);
  g_assert_true (bk_settings_get_window_maximized (settings));
  g_assert_cmpstr (bk_settings_get_color_scheme (settings), ==, "dark");
  g_assert_cmpuint (n_scheme_notifies, ==, 1);
  g_assert_cmpstr (bk_settings_get_last_document (settings), ==, "/tmp/a workbook.breakeven");
  g_assert_cmpint (bk_settings_get_default_granularity (settings), ==, BK_GRANULARITY_QUARTER);

  /* Properties → GSettings */
  bk_settings_set_window_width (settings, 640);
  bk_settings_set_window_height (settings, 480);
  bk_settings_set_window_maximized (settings, FALSE);
  bk_settings_set_color_scheme (settings, "light");
  bk_settings_set_last_document (settings, NULL);
  bk_settings_set_default_granularity (settings, BK_GRANULARITY_HALF);
  g_assert_cmpint (g_settings_get_int (gsettings, "window-width"), ==, 640);
  g_assert_cmpint (g_settings_get_int (gsettings, "window-height"), ==, 480);
  g_assert_false (g_settings_get_boolean (gsettings, "window-maximized"));
  g_assert_cmpuint (n_scheme_notifies, ==, 2);
  {
    g_autofree char *scheme = g_settings_get_string (gsettings, "color-scheme");
    g_autofree char *last = g_settings_get_string (gsettings, "last-document");

    g_assert_cmpstr (scheme, ==, "light");
    g_assert_cmpstr (last, ==, "");
  }
  granularity = g_settings_get_string (gsettings, "default-granularity");
  g_assert_cmpstr (granularity, ==, "half");

  /* Setting the same value again notifies nothing */
  bk_settings_set_color_scheme (settings, "light");
  g_assert_cmpuint (n_scheme_notifies, ==, 2);

  /* The enum property, through GObject */
  g_object_set (settings, "default-granularity", BK_GRANULARITY_QUARTER, NULL);
  g_object_get (settings, "default-granularity", &value, NULL);
  g_assert_cmpint (value, ==, BK_GRANULARITY_QUARTER);
  g_clear_pointer (&granularity, g_free);
  granularity = g_settings_get_string (gsettings, "default-granularity");
  g_assert_cmpstr (granularity, ==, "quarter");

  unref_and_assert_finalized (settings);
}

/* NULL uses the default GSettings for the application (memory-backed here). */
static void
test_default_gsettings (void)
{
  BkSettings *settings = bk_settings_new (NULL);
  GSettings *gsettings = bk_settings_get_gsettings (settings);
  g_autoptr(GSettingsSchema) schema = NULL;

  g_assert_nonnull (gsettings);
  g_object_get (gsettings, "settings-schema", &schema, NULL);
  g_assert_cmpstr (g_settings_schema_get_id (schema), ==, APPLICATION_ID);

  bk_settings_set_window_width (settings, 777);
  {
    g_autoptr(GSettings) other = g_settings_new (APPLICATION_ID);

    g_assert_cmpint (g_settings_get_int (other, "window-width"), ==, 777);
    g_settings_reset (other, "window-width");
  }
  g_assert_cmpint (bk_settings_get_window_width (settings), ==, 1280);

  unref_and_assert_finalized (settings);
}

/* ------------------------------------------------------------------------ */
/* Window state                                                              */

static void
test_window_size_restored (void)
{
  BkSettings *settings = new_test_settings ();
  GtkWidget *window = gtk_window_new ();
  gpointer settings_watch = settings;
  int width, height;

  bk_settings_set_window_width (settings, 900);
  bk_settings_set_window_height (settings, 640);
  bk_settings_attach_window (settings, GTK_WINDOW (window));
  present_window (window);

  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);
  BK_WAIT_FOR (gtk_widget_get_width (window) == 900 && gtk_widget_get_height (window) == 640);
  g_assert_false (gtk_window_is_maximized (GTK_WINDOW (window)));

  /* The window keeps the settings alive; both go when it does. */
  g_object_add_weak_pointer (G_OBJECT (settings), &settings_watch);
  g_object_unref (settings);
  g_assert_nonnull (settings_watch);
  destroy_window_and_wait (&window);
  g_assert_null (settings_watch);
}

static void
test_window_size_saved (void)
{
  g_autoptr(BkSettings) settings = new_test_settings ();
  GSettings *gsettings = bk_settings_get_gsettings (settings);
  GtkWidget *window = gtk_window_new ();

  bk_settings_set_window_width (settings, 900);
  bk_settings_set_window_height (settings, 640);
  bk_settings_attach_window (settings, GTK_WINDOW (window));
  present_window (window);

  /* Resized while open: saved once the resize settles */
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  BK_WAIT_FOR (gtk_widget_get_width (window) == 1000 && gtk_widget_get_height (window) == 700);
  BK_WAIT_FOR (g_settings_get_int (gsettings, "window-width") == 1000);
  g_assert_cmpint (g_settings_get_int (gsettings, "window-height"), ==, 700);
  g_assert_cmpint (bk_settings_get_window_width (settings), ==, 1000);
  g_assert_cmpint (bk_settings_get_window_height (settings), ==, 700);

  /* Resized and closed at once: saved on close-request */
  gtk_window_set_default_size (GTK_WINDOW (window), 820, 610);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_cmpint (g_settings_get_int (gsettings, "window-width"), ==, 820);
  g_assert_cmpint (g_settings_get_int (gsettings, "window-height"), ==, 610);
  g_assert_false (g_settings_get_boolean (gsettings, "window-maximized"));
  BK_WAIT_FOR (window == NULL);

  /* A new window opens at the saved size */
  window = gtk_window_new ();
  bk_settings_attach_window (settings, GTK_WINDOW (window));
  present_window (window);
  BK_WAIT_FOR (gtk_widget_get_width (window) == 820 && gtk_widget_get_height (window) == 610);
  destroy_window_and_wait (&window);
}

static void
test_window_maximized_restored (void)
{
  g_autoptr(BkSettings) settings = new_test_settings ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *other;
  int width, height;

  bk_settings_set_window_width (settings, 700);
  bk_settings_set_window_height (settings, 500);
  bk_settings_set_window_maximized (settings, TRUE);
  bk_settings_attach_window (settings, GTK_WINDOW (window));
  present_window (window);

  BK_WAIT_FOR (gtk_window_is_maximized (GTK_WINDOW (window)));
  /* The unmaximized size is kept to return to */
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 700);
  g_assert_cmpint (height, ==, 500);
  g_assert_true (bk_settings_get_window_maximized (settings));

  /* Not maximized in the settings: not maximized */
  bk_settings_set_window_maximized (settings, FALSE);
  other = gtk_window_new ();
  bk_settings_attach_window (settings, GTK_WINDOW (other));
  present_window (other);
  run_main_context_for (100);
  g_assert_false (gtk_window_is_maximized (GTK_WINDOW (other)));

  destroy_window_and_wait (&other);
  destroy_window_and_wait (&window);
}

#ifdef GDK_WINDOWING_X11
/* libX11 is loaded (GDK uses it) but not linked to the test: look the two
 * Xlib calls up at run time. */
typedef int (*XChangePropertyFunc) (Display *, Window, Atom, Atom, int, int,
                                    const unsigned char *, int);
typedef int (*XDeletePropertyFunc) (Display *, Window, Atom);

static gboolean
have_x11 (void)
{
  return GDK_IS_X11_DISPLAY (gdk_display_get_default ()) &&
         dlsym (RTLD_DEFAULT, "XChangeProperty") != NULL &&
         dlsym (RTLD_DEFAULT, "XDeleteProperty") != NULL;
}

/* Does what a window manager does when it (un)maximizes a window: sets the
 * window's _NET_WM_STATE, which GDK watches. */
static void
set_wm_maximized (GtkWidget *window,
                  gboolean   maximized)
{
  GdkDisplay *display = gtk_widget_get_display (window);
  Display *xdisplay = gdk_x11_display_get_xdisplay (display);
  Window xid = gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window)));
  Atom state = gdk_x11_get_xatom_by_name_for_display (display, "_NET_WM_STATE");

  if (maximized)
    {
      XChangePropertyFunc change_property = (XChangePropertyFunc) dlsym (RTLD_DEFAULT, "XChangeProperty");
      Atom atoms[2];

      atoms[0] = gdk_x11_get_xatom_by_name_for_display (display, "_NET_WM_STATE_MAXIMIZED_VERT");
      atoms[1] = gdk_x11_get_xatom_by_name_for_display (display, "_NET_WM_STATE_MAXIMIZED_HORZ");
      change_property (xdisplay, xid, state, XA_ATOM, 32, PropModeReplace,
                       (const unsigned char *) atoms, G_N_ELEMENTS (atoms));
    }
  else
    {
      XDeletePropertyFunc delete_property = (XDeletePropertyFunc) dlsym (RTLD_DEFAULT, "XDeleteProperty");

      delete_property (xdisplay, xid, state);
    }
  gdk_display_flush (display);
}
#endif

static void
test_window_maximized_saved (void)
{
#ifdef GDK_WINDOWING_X11
  g_autoptr(BkSettings) settings = NULL;
  GSettings *gsettings;
  GtkWidget *window;

  if (!have_x11 ())
    {
      g_test_skip ("Needs X11");
      return;
    }

  settings = new_test_settings ();
  gsettings = bk_settings_get_gsettings (settings);
  window = gtk_window_new ();
  bk_settings_set_window_width (settings, 760);
  bk_settings_set_window_height (settings, 540);
  bk_settings_attach_window (settings, GTK_WINDOW (window));
  present_window (window);
  g_assert_false (g_settings_get_boolean (gsettings, "window-maximized"));

  set_wm_maximized (window, TRUE);
  BK_WAIT_FOR (gtk_window_is_maximized (GTK_WINDOW (window)));
  g_assert_true (g_settings_get_boolean (gsettings, "window-maximized"));

  /* A size set while maximized is not the size to return to... */
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 880);
  run_main_context_for (500);
  g_assert_cmpint (g_settings_get_int (gsettings, "window-width"), ==, 760);
  g_assert_cmpint (g_settings_get_int (gsettings, "window-height"), ==, 540);

  set_wm_maximized (window, FALSE);
  BK_WAIT_FOR (!gtk_window_is_maximized (GTK_WINDOW (window)));
  g_assert_false (g_settings_get_boolean (gsettings, "window-maximized"));

  set_wm_maximized (window, TRUE);
  BK_WAIT_FOR (gtk_window_is_maximized (GTK_WINDOW (window)));

  /* ...nor on close, when the window is still maximized */
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (g_settings_get_boolean (gsettings, "window-maximized"));
  g_assert_cmpint (g_settings_get_int (gsettings, "window-width"), ==, 760);
  g_assert_cmpint (g_settings_get_int (gsettings, "window-height"), ==, 540);
  BK_WAIT_FOR (window == NULL);
#else
  g_test_skip ("Needs X11");
#endif
}

/* ------------------------------------------------------------------------ */
/* Style                                                                     */

static void
test_color_scheme (void)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  BkSettings *settings = new_test_settings ();
  GSettings *gsettings = bk_settings_get_gsettings (settings);

  g_assert_false (adw_style_manager_get_dark (manager));

  /* Applied when attached */
  g_settings_set_string (gsettings, "color-scheme", "dark");
  g_assert_false (adw_style_manager_get_dark (manager));
  bk_settings_attach_style_manager (settings, manager);
  g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (manager));

  /* And whenever the setting changes */
  g_settings_set_string (gsettings, "color-scheme", "light");
  g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_false (adw_style_manager_get_dark (manager));

  bk_settings_set_color_scheme (settings, "dark");
  g_assert_true (adw_style_manager_get_dark (manager));

  bk_settings_set_color_scheme (settings, "default");
  g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==, ADW_COLOR_SCHEME_DEFAULT);
  /* No settings portal under Xvfb: the system prefers light */
  g_assert_false (adw_style_manager_get_dark (manager));

  /* The style manager does not keep the settings alive */
  bk_settings_set_color_scheme (settings, "dark");
  unref_and_assert_finalized (settings);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
  g_assert_false (adw_style_manager_get_dark (manager));
}

/* ------------------------------------------------------------------------ */
/* Preferences                                                               */

static AdwComboRow *
find_combo_row (GtkWidget  *widget,
                const char *title)
{
  if (ADW_IS_COMBO_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return ADW_COMBO_ROW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwComboRow *row = find_combo_row (child, title);

      if (row != NULL)
        return row;
    }

  return NULL;
}

static const char *
selected_string (AdwComboRow *row)
{
  GObject *item = adw_combo_row_get_selected_item (row);

  g_assert_true (GTK_IS_STRING_OBJECT (item));

  return gtk_string_object_get_string (GTK_STRING_OBJECT (item));
}

static char *
dup_setting (GSettings  *gsettings,
             const char *key)
{
  return g_settings_get_string (gsettings, key);
}

static void
assert_setting (GSettings  *gsettings,
                const char *key,
                const char *expected)
{
  g_autofree char *value = dup_setting (gsettings, key);

  g_assert_cmpstr (value, ==, expected);
}

static void
test_preferences_window (void)
{
  BkSettings *settings = new_test_settings ();
  GSettings *gsettings = bk_settings_get_gsettings (settings);
  GtkWidget *parent = gtk_window_new ();
  GtkWidget *prefs;
  AdwComboRow *style_row, *granularity_row;
  gpointer settings_watch = settings;

  g_settings_set_string (gsettings, "color-scheme", "dark");
  g_settings_set_string (gsettings, "default-granularity", "quarter");

  present_window (parent);
  prefs = bk_preferences_window_new (GTK_WINDOW (parent), settings);
  g_assert_true (ADW_IS_PREFERENCES_WINDOW (prefs));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (prefs)) == GTK_WINDOW (parent));
  g_assert_true (bk_preferences_window_get_settings (BK_PREFERENCES_WINDOW (prefs)) == settings);
  present_window (prefs);

  style_row = find_combo_row (prefs, "Style");
  granularity_row = find_combo_row (prefs, "Default Period Length");
  g_assert_nonnull (style_row);
  g_assert_nonnull (granularity_row);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (style_row)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (granularity_row)), ==, 3);

  /* Opened on the current settings */
  g_assert_cmpstr (selected_string (style_row), ==, "Dark");
  g_assert_cmpstr (selected_string (granularity_row), ==, "Quarter");

  /* A choice changes the setting at once */
  adw_combo_row_set_selected (style_row, 1);
  g_assert_cmpstr (selected_string (style_row), ==, "Light");
  assert_setting (gsettings, "color-scheme", "light");
  g_assert_cmpstr (bk_settings_get_color_scheme (settings), ==, "light");
  adw_combo_row_set_selected (style_row, 0);
  g_assert_cmpstr (selected_string (style_row), ==, "Follow System");
  assert_setting (gsettings, "color-scheme", "default");

  adw_combo_row_set_selected (granularity_row, 1);
  g_assert_cmpstr (selected_string (granularity_row), ==, "Half-year");
  assert_setting (gsettings, "default-granularity", "half");
  adw_combo_row_set_selected (granularity_row, 0);
  g_assert_cmpstr (selected_string (granularity_row), ==, "Year");
  assert_setting (gsettings, "default-granularity", "year");
  g_assert_cmpint (bk_settings_get_default_granularity (settings), ==, BK_GRANULARITY_YEAR);

  /* A change made elsewhere shows */
  g_settings_set_string (gsettings, "color-scheme", "dark");
  g_assert_cmpstr (selected_string (style_row), ==, "Dark");
  g_settings_set_string (gsettings, "default-granularity", "half");
  g_assert_cmpstr (selected_string (granularity_row), ==, "Half-year");

  /* The window holds the settings until it goes */
  g_object_add_weak_pointer (G_OBJECT (settings), &settings_watch);
  g_object_unref (settings);
  g_assert_nonnull (settings_watch);
  destroy_window_and_wait (&prefs);
  g_assert_null (settings_watch);
  destroy_window_and_wait (&parent);
}

/* ------------------------------------------------------------------------ */
/* Keyboard shortcuts                                                        */

static void
add_object (GObject   *object,
            GPtrArray *shortcuts,
            GPtrArray *group_titles)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (object))
    g_ptr_array_add (shortcuts, object);

  if (GTK_IS_SHORTCUTS_GROUP (object))
    {
      char *title = NULL;

      g_object_get (object, "title", &title, NULL);
      g_ptr_array_add (group_titles, title);
    }
}

/* What the file declares (the window adds copies of its own for search). */
static void
collect_from_builder (GtkBuilder *builder,
                      GPtrArray  *shortcuts,
                      GPtrArray  *group_titles)
{
  g_autoptr(GSList) objects = gtk_builder_get_objects (builder);

  for (GSList *l = objects; l != NULL; l = l->next)
    add_object (l->data, shortcuts, group_titles);
}

/* What a window shows, search copies included */
static void
collect_from_widget (GtkWidget *widget,
                     GPtrArray *shortcuts,
                     GPtrArray *group_titles)
{
  add_object (G_OBJECT (widget), shortcuts, group_titles);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_from_widget (child, shortcuts, group_titles);
}

static const struct {
  const char *action;
  const char *accelerator;
} action_shortcuts[] = {
  { "app.preferences",       "<Control>comma" },
  { "win.show-help-overlay", "<Control>question" },
  { "app.quit",              "<Control>q" },
  { "win.close",             "<Control>w" },
  { "app.new",               "<Control>n" },
  { "app.open",              "<Control>o" },
  { "win.save-as",           "<Control><Shift>s" },
  { "win.import-csv",        "<Control>i" },
  { "win.export-csv",        "<Control><Shift>e" },
  { "win.print",             "<Control>p" },
  { "win.undo",              "<Control>z" },
  { "win.redo",              "<Control><Shift>z <Control>y" },
  { "win.page::capex",       "<Alt>1" },
  { "win.page::backlog",     "<Alt>2" },
  { "win.page::tokens",      "<Alt>3" },
  { "win.page::share",       "<Alt>4" },
  { "win.page::assumptions", "<Alt>5" },
  { "win.page::results",     "<Alt>6" },
  { "win.page::analysis",    "<Alt>7" },
  { "win.goal-seek",         "<Control>g" },
  { "win.edit-note",         "<Shift>F2" },
  { "win.insert-row",        "<Control>plus" },
  { "win.remove-row",        "<Control>minus" },
  { "win.move-row-up",       "<Alt>Up" },
  { "win.move-row-down",     "<Alt>Down" },
};

/* The sheet view's own bindings, listed without an action */
static const char * const sheet_accelerators[] = {
  "Return", "<Shift>Return", "Tab", "<Shift>Tab", "Escape", "F2",
  "Delete", "<Control>c", "<Control>x", "<Control>v", "<Control>d", "<Control>r",
  "Up Down Left Right", "<Shift>Up <Shift>Down <Shift>Left <Shift>Right",
  "<Control>a", "Home", "End", "<Control>Home", "<Control>End", "Page_Up",
  "Page_Down", "<Control>Up <Control>Down <Control>Left <Control>Right",
};

static GtkShortcutsShortcut *
find_shortcut (GPtrArray  *shortcuts,
               const char *property,
               const char *value)
{
  for (guint i = 0; i < shortcuts->len; i++)
    {
      g_autofree char *v = NULL;

      g_object_get (shortcuts->pdata[i], property, &v, NULL);
      if (g_strcmp0 (v, value) == 0)
        return shortcuts->pdata[i];
    }

  return NULL;
}

static void
test_help_overlay (void)
{
  static const char * const groups[] = {
    "General", "Documents", "Pages", "Analysis", "Editing",
    "Selection & Navigation", "Rows & Periods",
  };
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GPtrArray) shortcuts = g_ptr_array_new ();
  g_autoptr(GPtrArray) group_titles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  GtkWidget *overlay;

  builder = gtk_builder_new ();
  gtk_builder_add_from_resource (builder, RESOURCE_BASE "/gtk/help-overlay.ui", &error);
  g_assert_no_error (error);
  overlay = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));

  collect_from_builder (builder, shortcuts, group_titles);
  g_assert_cmpuint (group_titles->len, ==, G_N_ELEMENTS (groups));
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    g_assert_true (g_ptr_array_find_with_equal_func (group_titles, groups[i], g_str_equal, NULL));

  g_assert_cmpuint (shortcuts->len, ==, G_N_ELEMENTS (action_shortcuts) + G_N_ELEMENTS (sheet_accelerators));

  for (guint i = 0; i < G_N_ELEMENTS (action_shortcuts); i++)
    {
      GtkShortcutsShortcut *shortcut = find_shortcut (shortcuts, "action-name", action_shortcuts[i].action);
      g_autofree char *accelerator = NULL;

      g_assert_nonnull (shortcut);
      g_object_get (shortcut, "accelerator", &accelerator, NULL);
      g_assert_cmpstr (accelerator, ==, action_shortcuts[i].accelerator);
    }

  for (guint i = 0; i < G_N_ELEMENTS (sheet_accelerators); i++)
    g_assert_nonnull (find_shortcut (shortcuts, "accelerator", sheet_accelerators[i]));

  /* Every shortcut has a title and accelerators GTK understands */
  for (guint i = 0; i < shortcuts->len; i++)
    {
      g_autofree char *title = NULL;
      g_autofree char *accelerator = NULL;
      g_auto(GStrv) accels = NULL;

      g_object_get (shortcuts->pdata[i], "title", &title, "accelerator", &accelerator, NULL);
      g_assert_nonnull (title);
      g_assert_cmpstr (title, !=, "");
      accels = g_strsplit (accelerator, " ", -1);
      g_assert_cmpuint (g_strv_length (accels), >, 0);
      for (guint j = 0; accels[j] != NULL; j++)
        {
          guint key = 0;

          g_assert_true (gtk_accelerator_parse (accels[j], &key, NULL));
          g_assert_cmpuint (key, !=, 0);
        }
    }

  present_window (overlay);
  g_clear_object (&builder);
  destroy_window_and_wait (&overlay);
}

/* GtkApplication loads the overlay from the resource base by itself. */
static void
test_help_overlay_in_application (void)
{
  const char * const preferences_accels[] = { "<Control>comma", NULL };
  g_autoptr(AdwApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) accels = NULL;
  GtkShortcutsWindow *overlay;
  GtkWidget *window;
  g_autoptr(GPtrArray) shortcuts = g_ptr_array_new ();
  g_autoptr(GPtrArray) group_titles = g_ptr_array_new_with_free_func (g_free);
  guint n_preferences = 0;

  app = adw_application_new (APPLICATION_ID, G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay");
  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>question"));

  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", preferences_accels);
  window = gtk_application_window_new (GTK_APPLICATION (app));
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (overlay);

  collect_from_widget (GTK_WIDGET (overlay), shortcuts, group_titles);
  g_assert_nonnull (find_shortcut (shortcuts, "title", "Fill Down"));

  /* Accelerators come from the application where it has some for the action */
  for (guint i = 0; i < shortcuts->len; i++)
    {
      g_autofree char *action = NULL;
      g_autofree char *accelerator = NULL;

      g_object_get (shortcuts->pdata[i], "action-name", &action, "accelerator", &accelerator, NULL);
      if (g_strcmp0 (action, "app.preferences") == 0)
        {
          g_assert_cmpstr (accelerator, ==, "<Control>comma");
          n_preferences++;
        }
    }
  g_assert_cmpuint (n_preferences, >, 0);

  destroy_window_and_wait (&window);
}

/* ------------------------------------------------------------------------ */
/* About                                                                     */

static AdwAboutWindow *
find_about_window (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_ABOUT_WINDOW (window) && gtk_window_get_transient_for (window) == parent)
        return ADW_ABOUT_WINDOW (window);
    }

  return NULL;
}

static void
test_about (void)
{
  GtkWidget *parent = gtk_window_new ();
  AdwAboutWindow *about;
  GtkWidget *about_widget;

  present_window (parent);
  g_assert_null (find_about_window (GTK_WINDOW (parent)));

  bk_about_show (GTK_WINDOW (parent));
  about = find_about_window (GTK_WINDOW (parent));
  g_assert_nonnull (about);
  BK_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (about)));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (about)));

  g_assert_cmpstr (adw_about_window_get_application_name (about), ==, "Breakeven");
  g_assert_cmpstr (adw_about_window_get_application_icon (about), ==, APPLICATION_ID);
  g_assert_cmpstr (adw_about_window_get_version (about), ==, PACKAGE_VERSION);
  g_assert_cmpstr (adw_about_window_get_developer_name (about), ==, "The Breakeven developers");
  g_assert_cmpstr (adw_about_window_get_website (about), ==, "https://github.com/breakeven/breakeven");
  g_assert_cmpstr (adw_about_window_get_issue_url (about), ==, "https://github.com/breakeven/breakeven/issues");
  g_assert_cmpint (adw_about_window_get_license_type (about), ==, GTK_LICENSE_GPL_3_0);
  g_assert_cmpstr (adw_about_window_get_copyright (about), ==, "© 2026 The Breakeven developers");
  g_assert_nonnull (strstr (adw_about_window_get_comments (about), "not investment advice"));
  g_assert_cmpstr (adw_about_window_get_release_notes_version (about), ==, "0.1.0");
  g_assert_nonnull (strstr (adw_about_window_get_release_notes (about), "<li>"));

  about_widget = GTK_WIDGET (about);
  destroy_window_and_wait (&about_widget);
  destroy_window_and_wait (&parent);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/settings/properties", test_properties);
  g_test_add_func ("/settings/default-gsettings", test_default_gsettings);
  g_test_add_func ("/settings/window-size-restored", test_window_size_restored);
  g_test_add_func ("/settings/window-size-saved", test_window_size_saved);
  g_test_add_func ("/settings/window-maximized-restored", test_window_maximized_restored);
  g_test_add_func ("/settings/window-maximized-saved", test_window_maximized_saved);
  g_test_add_func ("/settings/color-scheme", test_color_scheme);
  g_test_add_func ("/settings/preferences-window", test_preferences_window);
  g_test_add_func ("/settings/help-overlay", test_help_overlay);
  g_test_add_func ("/settings/help-overlay-in-application", test_help_overlay_in_application);
  g_test_add_func ("/settings/about", test_about);

  return g_test_run ();
}
