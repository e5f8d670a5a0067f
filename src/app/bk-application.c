/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-application.c — windows, app-wide actions and the command line */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "bk-about.h"
#include "bk-application.h"
#include "bk-json.h"
#include "bk-preferences-window.h"
#include "bk-window.h"

struct _BkApplication
{
  AdwApplication  parent_instance;

  BkSettings     *settings;
  gboolean        open_sample;
};

G_DEFINE_FINAL_TYPE (BkApplication, bk_application, ADW_TYPE_APPLICATION)

/* Drafts */

char *
bk_application_dup_drafts_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "breakeven", "drafts", NULL);
}

/* Windows */

static BkWindow *
new_window (BkApplication *self)
{
  BkWindow *window = bk_window_new (self, self->settings);

  return window;
}

/* The window a newly opened document goes to: the active one when what it
 * shows can be dropped (an untouched draft, or nothing), else a new one. */
static BkWindow *
target_window (BkApplication *self)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (BK_IS_WINDOW (active) && bk_window_is_replaceable (BK_WINDOW (active)))
    return BK_WINDOW (active);
  return new_window (self);
}

static BkWindow *
find_window_for (BkApplication *self,
                 GFile         *file)
{
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL)
    return NULL;
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      BkDocument *doc;

      if (!BK_IS_WINDOW (l->data))
        continue;
      doc = bk_window_get_document (BK_WINDOW (l->data));
      if (doc != NULL && g_strcmp0 (bk_document_get_path (doc), path) == 0)
        return BK_WINDOW (l->data);
    }
  return NULL;
}

void
bk_application_open_file (BkApplication *self,
                          GFile         *file)
{
  BkWindow *window;
  gboolean created;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (BK_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));

  window = find_window_for (self, file);
  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  window = target_window (self);
  created = bk_window_get_document (window) == NULL;
  if (!bk_window_open_file (window, file, &error))
    {
      /* A new window with nothing to show gets the sample, so the
       * message has a window to live in. */
      if (created)
        bk_window_load_sample (window, NULL);
      gtk_window_present (GTK_WINDOW (window));
      bk_window_show_open_error (window, file, error);
      return;
    }
  gtk_window_present (GTK_WINDOW (window));
}

void
bk_application_open_sample (BkApplication *self)
{
  BkWindow *window;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (BK_IS_APPLICATION (self));

  window = target_window (self);
  if (!bk_window_load_sample (window, &error))
    g_critical ("The bundled sample workbook does not load: %s", error->message);
  gtk_window_present (GTK_WINDOW (window));
}

/* Actions */

static void
new_action (GSimpleAction *action,
            GVariant      *param,
            gpointer       user_data)
{
  BkApplication *self = user_data;
  BkWindow *window = target_window (self);
  g_autoptr(GError) error = NULL;

  if (!bk_window_new_workbook (window, &error))
    {
      if (bk_window_get_document (window) == NULL)
        bk_window_load_sample (window, NULL);
      bk_window_show_error (window, _("Could not create a new workbook"), error->message);
    }
  gtk_window_present (GTK_WINDOW (window));
}

static void
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  gpointer         user_data)
{
  BkApplication *self = BK_APPLICATION (user_data);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        bk_application_open_file (self, file);
    }
  g_object_unref (dialog);
  g_application_release (G_APPLICATION (self));
}

static void
open_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  BkApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) docs = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) json = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Open a Document"), parent,
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_filter_set_name (all, _("Breakeven Documents and Workbooks"));
  gtk_file_filter_add_mime_type (all, "application/x-breakeven");
  gtk_file_filter_add_suffix (all, "breakeven");
  gtk_file_filter_add_suffix (all, "json");
  gtk_file_filter_set_name (docs, _("Breakeven Documents"));
  gtk_file_filter_add_mime_type (docs, "application/x-breakeven");
  gtk_file_filter_add_suffix (docs, "breakeven");
  gtk_file_filter_set_name (json, _("Workbooks (JSON)"));
  gtk_file_filter_add_suffix (json, "json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), docs);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), json);

  g_application_hold (G_APPLICATION (self));
  g_signal_connect (chooser, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_recent_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  BkApplication *self = user_data;
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));

  bk_application_open_file (self, file);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  BkApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *prefs = bk_preferences_window_new (parent, self->settings);

  gtk_window_present (GTK_WINDOW (prefs));
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  BkApplication *self = user_data;

  bk_about_show (gtk_application_get_active_window (GTK_APPLICATION (self)));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  BkApplication *self = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Closing each window saves its size; documents are already on disk. */
  for (GList *l = windows; l; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
  g_list_free (windows);
  g_application_quit (G_APPLICATION (self));
}

static const GActionEntry app_actions[] = {
  { "new", new_action },
  { "open", open_action },
  { "open-recent", open_recent_action, "s" },
  { "preferences", preferences_action },
  { "about", about_action },
  { "quit", quit_action },
};

static const struct
{
  const char *action;
  const char *accels[3];
} accels[] = {
  { "app.new", { "<Control>n", NULL } },
  { "app.open", { "<Control>o", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
  { "app.quit", { "<Control>q", NULL } },
  { "win.close", { "<Control>w", NULL } },
  { "win.save-as", { "<Control><Shift>s", NULL } },
  { "win.import-csv", { "<Control>i", NULL } },
  { "win.export-csv", { "<Control><Shift>e", NULL } },
  { "win.print", { "<Control>p", NULL } },
  { "win.undo", { "<Control>z", NULL } },
  { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
  { "win.page::capex", { "<Alt>1", NULL } },
  { "win.page::backlog", { "<Alt>2", NULL } },
  { "win.page::tokens", { "<Alt>3", NULL } },
  { "win.page::share", { "<Alt>4", NULL } },
  { "win.page::assumptions", { "<Alt>5", NULL } },
  { "win.page::results", { "<Alt>6", NULL } },
  { "win.page::analysis", { "<Alt>7", NULL } },
  { "win.edit-note", { "<Shift>F2", NULL } },
  { "win.insert-row", { "<Control>plus", "<Control>KP_Add", NULL } },
  { "win.remove-row", { "<Control>minus", "<Control>KP_Subtract", NULL } },
  { "win.move-row-up", { "<Alt>Up", NULL } },
  { "win.move-row-down", { "<Alt>Down", NULL } },
  { "win.simulate", { "F9", NULL } },
  { "win.goal-seek", { "<Control>g", NULL } },
};

/* GApplication */

static void
bk_application_startup (GApplication *app)
{
  BkApplication *self = BK_APPLICATION (app);

  G_APPLICATION_CLASS (bk_application_parent_class)->startup (app);

  g_set_application_name (_("Breakeven"));
  gtk_window_set_default_icon_name (APPLICATION_ID);

  if (self->settings == NULL)
    self->settings = bk_settings_new (NULL);
  bk_settings_attach_style_manager (self->settings, adw_style_manager_get_default ());

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action, accels[i].accels);
}

static void
bk_application_activate (GApplication *app)
{
  BkApplication *self = BK_APPLICATION (app);
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autofree char *last = NULL;
  BkWindow *window;
  g_autoptr(GError) error = NULL;

  if (self->open_sample)
    {
      self->open_sample = FALSE;
      bk_application_open_sample (self);
      return;
    }

  if (active != NULL)
    {
      gtk_window_present (active);
      return;
    }

  last = g_strdup (bk_settings_get_last_document (self->settings));
  window = new_window (self);
  if (last != NULL && *last != '\0')
    {
      g_autoptr(GFile) file = g_file_new_for_path (last);

      if (bk_window_open_file (window, file, &error))
        {
          gtk_window_present (GTK_WINDOW (window));
          return;
        }
      bk_window_load_sample (window, NULL);
      gtk_window_present (GTK_WINDOW (window));
      bk_window_show_open_error (window, file, error);
      return;
    }

  bk_window_load_sample (window, NULL);
  gtk_window_present (GTK_WINDOW (window));
}

static void
bk_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  BkApplication *self = BK_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    bk_application_open_file (self, files[i]);
}

static int
bk_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("breakeven %s\n", PACKAGE_VERSION);
      return 0;
    }
  return -1;
}

static int
bk_application_command_line (GApplication            *app,
                             GApplicationCommandLine *cmdline)
{
  BkApplication *self = BK_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (cmdline);
  g_auto(GStrv) files = NULL;

  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^aay", &files);

  if (g_variant_dict_contains (options, "sample"))
    {
      if (files != NULL && files[0] != NULL)
        {
          g_application_command_line_printerr (cmdline, "%s\n",
                                               _("--sample opens the sample workbook: give no file with it"));
          return 2;
        }
      self->open_sample = TRUE;
      g_application_activate (app);
      return 0;
    }

  if (files == NULL || files[0] == NULL)
    {
      g_application_activate (app);
      return 0;
    }

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (cmdline, files[i]);

      bk_application_open_file (self, file);
    }
  return 0;
}

static void
bk_application_dispose (GObject *object)
{
  BkApplication *self = BK_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (bk_application_parent_class)->dispose (object);
}

static void
bk_application_class_init (BkApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = bk_application_dispose;
  app_class->startup = bk_application_startup;
  app_class->activate = bk_application_activate;
  app_class->open = bk_application_open;
  app_class->command_line = bk_application_command_line;
  app_class->handle_local_options = bk_application_handle_local_options;
}

static void
bk_application_init (BkApplication *self)
{
  static const GOptionEntry entries[] = {
    { "sample", 's', 0, G_OPTION_ARG_NONE, NULL, N_("Open a fresh copy of the sample workbook"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and quit"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[FILE…]") },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Open Breakeven documents (.breakeven) or workbooks (.json)."));
}

BkApplication *
bk_application_new (void)
{
  return g_object_new (BK_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}

BkSettings *
bk_application_get_settings (BkApplication *self)
{
  g_return_val_if_fail (BK_IS_APPLICATION (self), NULL);

  return self->settings;
}
