/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-settings.c — the application's settings as a GObject, injected into windows
 *
 * Every key of the io.github.breakeven.Breakeven schema is a property bound
 * to GSettings with g_settings_bind(), so widgets bind to (and tests drive)
 * a plain object; with GSETTINGS_BACKEND=memory nothing touches dconf.
 *
 * Window state follows GNOME apps: the default size and the maximized flag
 * are restored before the window is shown; the maximized flag is saved when
 * it changes, the size shortly after a resize settles (so that the size of a
 * window being maximized or tiled is never taken for its own) and again on
 * close-request, and only while the window is neither maximized nor
 * fullscreen, so the size saved is the one to return to.
 *
 * Run straight from the build tree with no schema installed (and no
 * GSETTINGS_SCHEMA_DIR), the program does not abort: it takes the schema
 * compiled into it and keeps the settings in memory until it quits, and
 * says so once on stderr.
 */

#include "config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gio.h>
#include <gio/gsettingsbackend.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "bk-settings.h"

#define BUNDLED_SCHEMA RESOURCE_BASE "/schema/gschemas.compiled"

#define SAVE_SIZE_DELAY_MS 250
#define WINDOW_TRACKER_KEY "bk-settings-window-tracker"

struct _BkSettings
{
  GObject        parent_instance;

  GSettings     *settings;

  int            window_width;
  int            window_height;
  char          *color_scheme;
  char          *last_document;
  BkGranularity  default_granularity;
  guint          window_maximized : 1;
};

G_DEFINE_FINAL_TYPE (BkSettings, bk_settings, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_WINDOW_WIDTH,
  PROP_WINDOW_HEIGHT,
  PROP_WINDOW_MAXIMIZED,
  PROP_COLOR_SCHEME,
  PROP_LAST_DOCUMENT,
  PROP_DEFAULT_GRANULARITY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_color_scheme (const char *name)
{
  return g_strcmp0 (name, "default") == 0 ||
         g_strcmp0 (name, "light") == 0 ||
         g_strcmp0 (name, "dark") == 0;
}

static gboolean
granularity_get_mapping (GValue   *value,
                         GVariant *variant,
                         gpointer  user_data)
{
  BkGranularity granularity;

  if (!bk_granularity_from_string (g_variant_get_string (variant, NULL), &granularity))
    return FALSE;

  g_value_set_enum (value, granularity);

  return TRUE;
}

static GVariant *
granularity_set_mapping (const GValue       *value,
                         const GVariantType *expected_type,
                         gpointer            user_data)
{
  const char *name = bk_granularity_to_string (g_value_get_enum (value));

  return name != NULL ? g_variant_new_string (name) : NULL;
}

/* The schema compiled into the program: GSettings reads schemas only from
 * a directory, so the copy goes through a private one for a moment. */
static GSettingsSchema *
lookup_bundled_schema (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GSettingsSchemaSource) source = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  GSettingsSchema *schema = NULL;

  bytes = g_resources_lookup_data (BUNDLED_SCHEMA, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL || (dir = g_dir_make_tmp ("breakeven-schema-XXXXXX", error)) == NULL)
    return NULL;
  path = g_build_filename (dir, "gschemas.compiled", NULL);
  if (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), error))
    source = g_settings_schema_source_new_from_directory (dir, NULL, FALSE, error);
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, FALSE);
  /* The source has read (mapped) the file: the directory can go */
  g_unlink (path);
  g_rmdir (dir);
  if (source != NULL && schema == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "%s is not in %s", APPLICATION_ID, BUNDLED_SCHEMA);
  return schema;
}

/* The installed schema (or GSETTINGS_SCHEMA_DIR's) with the usual backend;
 * without one, the bundled schema over memory. */
static GSettings *
new_gsettings (void)
{
  static gboolean told;
  GSettingsSchemaSource *installed = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettingsBackend) backend = NULL;
  g_autoptr(GError) error = NULL;

  if (installed != NULL)
    schema = g_settings_schema_source_lookup (installed, APPLICATION_ID, TRUE);
  if (schema != NULL)
    return g_settings_new (APPLICATION_ID);

  schema = lookup_bundled_schema (&error);
  if (schema == NULL)
    g_error ("The settings schema %s is neither installed nor bundled: %s", APPLICATION_ID, error->message);
  if (!told)
    {
      told = TRUE;
      g_printerr (_("Breakeven: the settings schema %s is not installed, so settings are kept "
                    "in memory and forgotten on quit. Install Breakeven, or set "
                    "GSETTINGS_SCHEMA_DIR to a folder with the compiled schema, to keep them.\n"),
                  APPLICATION_ID);
    }
  backend = g_memory_settings_backend_new ();
  return g_settings_new_full (schema, backend, NULL);
}

static void
bk_settings_constructed (GObject *object)
{
  BkSettings *self = (BkSettings *)object;

  G_OBJECT_CLASS (bk_settings_parent_class)->constructed (object);

  if (self->settings == NULL)
    self->settings = new_gsettings ();

  g_settings_bind (self->settings, "window-width", self, "window-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "window-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "window-maximized", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "color-scheme", self, "color-scheme", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "last-document", self, "last-document", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "default-granularity",
                                self, "default-granularity",
                                G_SETTINGS_BIND_DEFAULT,
                                granularity_get_mapping,
                                granularity_set_mapping,
                                NULL, NULL);
}

static void
bk_settings_finalize (GObject *object)
{
  BkSettings *self = (BkSettings *)object;

  g_clear_object (&self->settings);
  g_clear_pointer (&self->color_scheme, g_free);
  g_clear_pointer (&self->last_document, g_free);

  G_OBJECT_CLASS (bk_settings_parent_class)->finalize (object);
}

static void
bk_settings_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  BkSettings *self = BK_SETTINGS (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_WINDOW_WIDTH:
      g_value_set_int (value, self->window_width);
      break;

    case PROP_WINDOW_HEIGHT:
      g_value_set_int (value, self->window_height);
      break;

    case PROP_WINDOW_MAXIMIZED:
      g_value_set_boolean (value, self->window_maximized);
      break;

    case PROP_COLOR_SCHEME:
      g_value_set_string (value, bk_settings_get_color_scheme (self));
      break;

    case PROP_LAST_DOCUMENT:
      g_value_set_string (value, bk_settings_get_last_document (self));
      break;

    case PROP_DEFAULT_GRANULARITY:
      g_value_set_enum (value, self->default_granularity);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_settings_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  BkSettings *self = BK_SETTINGS (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_WINDOW_WIDTH:
      bk_settings_set_window_width (self, g_value_get_int (value));
      break;

    case PROP_WINDOW_HEIGHT:
      bk_settings_set_window_height (self, g_value_get_int (value));
      break;

    case PROP_WINDOW_MAXIMIZED:
      bk_settings_set_window_maximized (self, g_value_get_boolean (value));
      break;

    case PROP_COLOR_SCHEME:
      bk_settings_set_color_scheme (self, g_value_get_string (value));
      break;

    case PROP_LAST_DOCUMENT:
      bk_settings_set_last_document (self, g_value_get_string (value));
      break;

    case PROP_DEFAULT_GRANULARITY:
      bk_settings_set_default_granularity (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_settings_class_init (BkSettingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = bk_settings_constructed;
  object_class->finalize = bk_settings_finalize;
  object_class->get_property = bk_settings_get_property;
  object_class->set_property = bk_settings_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_WINDOW_WIDTH] =
    g_param_spec_int ("window-width", NULL, NULL,
                      G_MININT, G_MAXINT, 1280,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_WINDOW_HEIGHT] =
    g_param_spec_int ("window-height", NULL, NULL,
                      G_MININT, G_MAXINT, 820,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_WINDOW_MAXIMIZED] =
    g_param_spec_boolean ("window-maximized", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_COLOR_SCHEME] =
    g_param_spec_string ("color-scheme", NULL, NULL,
                         "default",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_LAST_DOCUMENT] =
    g_param_spec_string ("last-document", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DEFAULT_GRANULARITY] =
    g_param_spec_enum ("default-granularity", NULL, NULL,
                       BK_TYPE_GRANULARITY,
                       BK_GRANULARITY_YEAR,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bk_settings_init (BkSettings *self)
{
  self->window_width = 1280;
  self->window_height = 820;
  self->default_granularity = BK_GRANULARITY_YEAR;
}

BkSettings *
bk_settings_new (GSettings *settings)
{
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  return g_object_new (BK_TYPE_SETTINGS,
                       "settings", settings,
                       NULL);
}

GSettings *
bk_settings_get_gsettings (BkSettings *self)
{
  g_return_val_if_fail (BK_IS_SETTINGS (self), NULL);

  return self->settings;
}

int
bk_settings_get_window_width (BkSettings *self)
{
  g_return_val_if_fail (BK_IS_SETTINGS (self), 0);

  return self->window_width;
}

void
bk_settings_set_window_width (BkSettings *self,
                              int         width)
{
  g_return_if_fail (BK_IS_SETTINGS (self));

  if (self->window_width != width)
    {
      self->window_width = width;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WINDOW_WIDTH]);
    }
}

int
bk_settings_get_window_height (BkSettings *self)
{
  g_return_val_if_fail (BK_IS_SETTINGS (self), 0);

  return self->window_height;
}

void
bk_settings_set_window_height (BkSettings *self,
                               int         height)
{
  g_return_if_fail (BK_IS_SETTINGS (self));

  if (self->window_height != height)
    {
      self->window_height = height;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WINDOW_HEIGHT]);
    }
}

gboolean
bk_settings_get_window_maximized (BkSettings *self)
{
  g_return_val_if_fail (BK_IS_SETTINGS (self), FALSE);

  return self->window_maximized;
}

void
bk_settings_set_window_maximized (BkSettings *self,
                                  gboolean    maximized)
{
  g_return_if_fail (BK_IS_SETTINGS (self));

  maximized = !!maximized;

  if (self->window_maximized != maximized)
    {
      self->window_maximized = maximized;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WINDOW_MAXIMIZED]);
    }
}

const char *
bk_settings_get_color_scheme (BkSettings *self)
{
  g_return_val_if_fail (BK_IS_SETTINGS (self), NULL);

  return self->color_scheme != NULL ? self->color_scheme : "default";
}

void
bk_settings_set_color_scheme (BkSettings *self,
                              const char *color_scheme)
{
  g_return_if_fail (BK_IS_SETTINGS (self));
  g_return_if_fail (is_color_scheme (color_scheme));

  if (g_strcmp0 (self->color_scheme, color_scheme) != 0)
    {
      g_free (self->color_scheme);
      self->color_scheme = g_strdup (color_scheme);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR_SCHEME]);
    }
}

const char *
bk_settings_get_last_document (BkSettings *self)
{
  g_return_val_if_fail (BK_IS_SETTINGS (self), NULL);

  return self->last_document != NULL ? self->last_document : "";
}

void
bk_settings_set_last_document (BkSettings *self,
                               const char *last_document)
{
  g_return_if_fail (BK_IS_SETTINGS (self));

  if (last_document == NULL)
    last_document = "";

  if (g_strcmp0 (self->last_document, last_document) != 0)
    {
      g_free (self->last_document);
      self->last_document = g_strdup (last_document);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_DOCUMENT]);
    }
}

BkGranularity
bk_settings_get_default_granularity (BkSettings *self)
{
  g_return_val_if_fail (BK_IS_SETTINGS (self), BK_GRANULARITY_YEAR);

  return self->default_granularity;
}

void
bk_settings_set_default_granularity (BkSettings    *self,
                                     BkGranularity  granularity)
{
  g_return_if_fail (BK_IS_SETTINGS (self));
  g_return_if_fail (granularity <= BK_GRANULARITY_QUARTER);

  if (self->default_granularity != granularity)
    {
      self->default_granularity = granularity;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEFAULT_GRANULARITY]);
    }
}

/* ------------------------------------------------------------------------ */
/* Window state                                                              */

typedef struct
{
  BkSettings *settings;
  GtkWindow  *window;       /* unowned: the tracker is the window's data */
  guint       save_size_id;
} WindowTracker;

static void
window_tracker_save_size (WindowTracker *tracker)
{
  int width, height;

  g_clear_handle_id (&tracker->save_size_id, g_source_remove);

  if (gtk_window_is_maximized (tracker->window) ||
      gtk_window_is_fullscreen (tracker->window))
    return;

  gtk_window_get_default_size (tracker->window, &width, &height);
  if (width > 0 && height > 0)
    {
      bk_settings_set_window_width (tracker->settings, width);
      bk_settings_set_window_height (tracker->settings, height);
    }
}

static gboolean
window_tracker_save_size_cb (gpointer data)
{
  WindowTracker *tracker = data;

  tracker->save_size_id = 0;
  window_tracker_save_size (tracker);

  return G_SOURCE_REMOVE;
}

static void
window_tracker_free (gpointer data)
{
  WindowTracker *tracker = data;

  g_clear_handle_id (&tracker->save_size_id, g_source_remove);
  g_clear_object (&tracker->settings);
  g_free (tracker);
}

static void
window_size_changed_cb (GtkWindow     *window,
                        GParamSpec    *pspec,
                        WindowTracker *tracker)
{
  g_clear_handle_id (&tracker->save_size_id, g_source_remove);
  tracker->save_size_id = g_timeout_add (SAVE_SIZE_DELAY_MS, window_tracker_save_size_cb, tracker);
}

static void
window_maximized_changed_cb (GtkWindow     *window,
                             GParamSpec    *pspec,
                             WindowTracker *tracker)
{
  bk_settings_set_window_maximized (tracker->settings, gtk_window_is_maximized (window));
}

static gboolean
window_close_request_cb (GtkWindow     *window,
                         WindowTracker *tracker)
{
  window_tracker_save_size (tracker);
  bk_settings_set_window_maximized (tracker->settings, gtk_window_is_maximized (window));

  return GDK_EVENT_PROPAGATE;
}

void
bk_settings_attach_window (BkSettings *self,
                           GtkWindow  *window)
{
  WindowTracker *tracker;

  g_return_if_fail (BK_IS_SETTINGS (self));
  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (g_object_get_data (G_OBJECT (window), WINDOW_TRACKER_KEY) == NULL);

  if (self->window_width > 0 && self->window_height > 0)
    gtk_window_set_default_size (window, self->window_width, self->window_height);
  if (self->window_maximized)
    gtk_window_maximize (window);

  tracker = g_new0 (WindowTracker, 1);
  tracker->settings = g_object_ref (self);
  tracker->window = window;
  g_object_set_data_full (G_OBJECT (window), WINDOW_TRACKER_KEY,
                          tracker, window_tracker_free);

  g_signal_connect (window, "notify::default-width",
                    G_CALLBACK (window_size_changed_cb), tracker);
  g_signal_connect (window, "notify::default-height",
                    G_CALLBACK (window_size_changed_cb), tracker);
  g_signal_connect (window, "notify::maximized",
                    G_CALLBACK (window_maximized_changed_cb), tracker);
  g_signal_connect (window, "close-request",
                    G_CALLBACK (window_close_request_cb), tracker);
}

/* ------------------------------------------------------------------------ */
/* Style                                                                     */

static AdwColorScheme
color_scheme_from_string (const char *name)
{
  if (g_strcmp0 (name, "light") == 0)
    return ADW_COLOR_SCHEME_FORCE_LIGHT;
  if (g_strcmp0 (name, "dark") == 0)
    return ADW_COLOR_SCHEME_FORCE_DARK;

  return ADW_COLOR_SCHEME_DEFAULT;
}

static void
apply_color_scheme (BkSettings      *self,
                    GParamSpec      *pspec,
                    AdwStyleManager *manager)
{
  adw_style_manager_set_color_scheme (manager,
                                      color_scheme_from_string (bk_settings_get_color_scheme (self)));
}

void
bk_settings_attach_style_manager (BkSettings      *self,
                                  AdwStyleManager *manager)
{
  g_return_if_fail (BK_IS_SETTINGS (self));
  g_return_if_fail (ADW_IS_STYLE_MANAGER (manager));

  apply_color_scheme (self, NULL, manager);
  g_signal_connect_object (self, "notify::color-scheme",
                           G_CALLBACK (apply_color_scheme), manager, 0);
}
