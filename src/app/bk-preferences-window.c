/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-preferences-window.c — the Preferences window, a view of BkSettings
 *
 * Each combo row is bound both ways to a BkSettings property, so the rows
 * show the settings when the window opens, follow them if they change
 * elsewhere, and write a choice the moment it is made.  The rows' items are
 * in the same order as the values in the tables below.
 */

#include "config.h"

#include "bk-preferences-window.h"

struct _BkPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  BkSettings           *settings;

  AdwComboRow          *style_row;
  AdwComboRow          *granularity_row;
};

G_DEFINE_FINAL_TYPE (BkPreferencesWindow, bk_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* In the order of the style row's items */
static const char * const color_schemes[] = { "default", "light", "dark" };

static gboolean
color_scheme_to_selected (GBinding     *binding,
                          const GValue *from_value,
                          GValue       *to_value,
                          gpointer      user_data)
{
  const char *scheme = g_value_get_string (from_value);

  for (guint i = 0; i < G_N_ELEMENTS (color_schemes); i++)
    {
      if (g_strcmp0 (scheme, color_schemes[i]) == 0)
        {
          g_value_set_uint (to_value, i);
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
selected_to_color_scheme (GBinding     *binding,
                          const GValue *from_value,
                          GValue       *to_value,
                          gpointer      user_data)
{
  guint selected = g_value_get_uint (from_value);

  if (selected >= G_N_ELEMENTS (color_schemes))
    return FALSE;

  g_value_set_string (to_value, color_schemes[selected]);

  return TRUE;
}

/* The granularity row's items are in the enum's order. */
static gboolean
granularity_to_selected (GBinding     *binding,
                         const GValue *from_value,
                         GValue       *to_value,
                         gpointer      user_data)
{
  g_value_set_uint (to_value, (guint) g_value_get_enum (from_value));

  return TRUE;
}

static gboolean
selected_to_granularity (GBinding     *binding,
                         const GValue *from_value,
                         GValue       *to_value,
                         gpointer      user_data)
{
  guint selected = g_value_get_uint (from_value);

  if (selected > BK_GRANULARITY_QUARTER)
    return FALSE;

  g_value_set_enum (to_value, (BkGranularity) selected);

  return TRUE;
}

static void
bk_preferences_window_constructed (GObject *object)
{
  BkPreferencesWindow *self = (BkPreferencesWindow *)object;

  G_OBJECT_CLASS (bk_preferences_window_parent_class)->constructed (object);

  g_assert (BK_IS_SETTINGS (self->settings));

  g_object_bind_property_full (self->settings, "color-scheme",
                               self->style_row, "selected",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               color_scheme_to_selected,
                               selected_to_color_scheme,
                               NULL, NULL);
  g_object_bind_property_full (self->settings, "default-granularity",
                               self->granularity_row, "selected",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               granularity_to_selected,
                               selected_to_granularity,
                               NULL, NULL);
}

static void
bk_preferences_window_dispose (GObject *object)
{
  BkPreferencesWindow *self = (BkPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (bk_preferences_window_parent_class)->dispose (object);
}

static void
bk_preferences_window_finalize (GObject *object)
{
  BkPreferencesWindow *self = (BkPreferencesWindow *)object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (bk_preferences_window_parent_class)->finalize (object);
}

static void
bk_preferences_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  BkPreferencesWindow *self = BK_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_preferences_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  BkPreferencesWindow *self = BK_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_preferences_window_class_init (BkPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = bk_preferences_window_constructed;
  object_class->dispose = bk_preferences_window_dispose;
  object_class->finalize = bk_preferences_window_finalize;
  object_class->get_property = bk_preferences_window_get_property;
  object_class->set_property = bk_preferences_window_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         BK_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/bk-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BkPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, BkPreferencesWindow, granularity_row);
}

static void
bk_preferences_window_init (BkPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
bk_preferences_window_new (GtkWindow  *parent,
                           BkSettings *settings)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (BK_IS_SETTINGS (settings), NULL);

  return g_object_new (BK_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "settings", settings,
                       NULL);
}

BkSettings *
bk_preferences_window_get_settings (BkPreferencesWindow *self)
{
  g_return_val_if_fail (BK_IS_PREFERENCES_WINDOW (self), NULL);

  return self->settings;
}
