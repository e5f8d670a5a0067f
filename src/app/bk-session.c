/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-session.c — the document a window shows and how documents come and go
 *
 * Opening a file, the sample or a new workbook, importing a workbook, Save
 * As, importing and exporting tables and workbooks, the recent documents
 * and the drafts (documents never saved by name, kept in the drafts folder
 * so that no edit is lost).  Every decision about drafts goes through
 * new_draft() and is_draft(); nothing here shows a widget (pattern: GNOME
 * Text Editor's editor-session.c). */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "bk-application.h"
#include "bk-csv.h"
#include "bk-file-write.h"
#include "bk-json.h"
#include "bk-session.h"
#include "bk-workbook-private.h"
#include "bk-xlsx.h"

#define MAX_RECENT 10

struct _BkSession
{
  GObject           parent_instance;

  BkSettings       *settings;
  GtkRecentManager *recent;
  GMenu            *recent_menu;
  BkDocument       *document;
};

G_DEFINE_FINAL_TYPE (BkSession, bk_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_RECENT_MANAGER,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Drafts are the document's own mechanism (bk_document_new_draft): a
 * document file in the drafts folder, marked as a draft inside the file and
 * removed by Save As. */

static BkDocument *
new_draft (BkWorkbook  *workbook,
           GError     **error)
{
  g_autofree char *dir = bk_application_dup_drafts_dir ();

  return bk_document_new_draft (dir, workbook, error);
}

static gboolean
is_draft (BkDocument *document)
{
  return document != NULL && bk_document_is_draft (document);
}

/* An untouched draft is not worth keeping */
static void
forget_draft_if_untouched (BkSession *self)
{
  g_autofree char *doomed = NULL;

  if (!is_draft (self->document) || bk_document_can_undo (self->document))
    return;

  doomed = g_strdup (bk_document_get_path (self->document));
  bk_document_close (self->document);
  g_unlink (doomed);
  if (self->settings != NULL && g_strcmp0 (bk_settings_get_last_document (self->settings), doomed) == 0)
    bk_settings_set_last_document (self->settings, "");
}

/* Recent documents */

static void
remember (BkSession *self)
{
  const char *path = bk_document_get_path (self->document);
  g_autofree char *uri = NULL;
  GtkRecentData data = { 0 };

  if (self->settings != NULL)
    bk_settings_set_last_document (self->settings, path);
  if (self->recent == NULL || is_draft (self->document))
    return;
  uri = g_filename_to_uri (path, NULL, NULL);
  if (uri == NULL)
    return;
  data.display_name = NULL;
  data.mime_type = (char *) "application/x-breakeven";
  data.app_name = (char *) g_get_application_name ();
  data.app_exec = (char *) "breakeven %u";
  gtk_recent_manager_add_full (self->recent, uri, &data);
}

static void
rebuild_recent (BkSession *self)
{
  GList *items;
  guint n = 0;

  g_menu_remove_all (self->recent_menu);
  if (self->recent == NULL)
    return;

  items = gtk_recent_manager_get_items (self->recent);
  for (GList *l = items; l != NULL && n < MAX_RECENT; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);
      g_autoptr(GMenuItem) item = NULL;

      if (!g_str_has_suffix (uri, ".breakeven") || !gtk_recent_info_exists (info))
        continue;
      item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);
      g_menu_item_set_action_and_target_value (item, "app.open-recent", g_variant_new_string (uri));
      g_menu_append_item (self->recent_menu, item);
      n++;
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

/* New documents */

static gboolean
show_as_draft (BkSession   *self,
               BkWorkbook  *workbook,
               GError     **error)
{
  g_autoptr(BkDocument) document = new_draft (workbook, error);

  if (document == NULL)
    return FALSE;
  bk_session_set_document (self, document);
  return TRUE;
}

static BkWorkbook *
new_blank_workbook (BkGranularity granularity)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  guint per_year = bk_granularity_per_year (granularity);
  gint64 first = (gint64) (g_date_time_get_year (now) - 1) * per_year;
  BkWorkbook *wb = bk_workbook_new (granularity, first, 6 * per_year);

  bk_workbook_set_title (wb, _("Untitled workbook"));
  /* One market to put companies in */
  bk_workbook_add_market (wb, "global", _("Global"));
  bk_workbook_recompute_all (wb);
  return wb;
}

static gboolean
write_file (const char  *path,
            const char  *contents,
            GError     **error)
{
  /* All or nothing, and an error names @path rather than a temporary file */
  return bk_file_write_atomic (path, contents, strlen (contents), error);
}

static gboolean
have_document (BkSession   *self,
               const char  *message,
               GError     **error)
{
  if (self->document != NULL)
    return TRUE;
  g_set_error_literal (error, BK_ERROR, BK_ERROR_NOTHING_TO_DO, message);
  return FALSE;
}

/* GObject */

static void
bk_session_constructed (GObject *object)
{
  BkSession *self = BK_SESSION (object);

  G_OBJECT_CLASS (bk_session_parent_class)->constructed (object);

  if (self->recent != NULL)
    g_signal_connect_object (self->recent, "changed", G_CALLBACK (rebuild_recent), self, G_CONNECT_SWAPPED);
  rebuild_recent (self);
}

static void
bk_session_dispose (GObject *object)
{
  BkSession *self = BK_SESSION (object);

  g_clear_object (&self->document);
  g_clear_object (&self->recent);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (bk_session_parent_class)->dispose (object);
}

static void
bk_session_finalize (GObject *object)
{
  BkSession *self = BK_SESSION (object);

  g_clear_object (&self->recent_menu);

  G_OBJECT_CLASS (bk_session_parent_class)->finalize (object);
}

static void
bk_session_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  BkSession *self = BK_SESSION (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_RECENT_MANAGER:
      g_value_set_object (value, self->recent);
      break;
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_session_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  BkSession *self = BK_SESSION (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_RECENT_MANAGER:
      self->recent = g_value_dup_object (value);
      break;
    case PROP_DOCUMENT:
      bk_session_set_document (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_session_class_init (BkSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = bk_session_constructed;
  object_class->dispose = bk_session_dispose;
  object_class->finalize = bk_session_finalize;
  object_class->get_property = bk_session_get_property;
  object_class->set_property = bk_session_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, BK_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECENT_MANAGER] =
    g_param_spec_object ("recent-manager", NULL, NULL, GTK_TYPE_RECENT_MANAGER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, BK_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bk_session_init (BkSession *self)
{
  self->recent_menu = g_menu_new ();
}

/* Public API */

BkSession *
bk_session_new (BkSettings       *settings,
                GtkRecentManager *recent)
{
  g_return_val_if_fail (settings == NULL || BK_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (recent == NULL || GTK_IS_RECENT_MANAGER (recent), NULL);

  return g_object_new (BK_TYPE_SESSION,
                       "settings", settings,
                       "recent-manager", recent,
                       NULL);
}

BkDocument *
bk_session_get_document (BkSession *self)
{
  g_return_val_if_fail (BK_IS_SESSION (self), NULL);

  return self->document;
}

void
bk_session_set_document (BkSession  *self,
                         BkDocument *document)
{
  g_return_if_fail (BK_IS_SESSION (self));
  g_return_if_fail (BK_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  g_object_ref (document);
  forget_draft_if_untouched (self);
  g_clear_object (&self->document);
  self->document = document;
  remember (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

gboolean
bk_session_open_file (BkSession  *self,
                      GFile      *file,
                      GError    **error)
{
  g_autofree char *path = NULL;
  g_autoptr(BkDocument) document = NULL;

  g_return_val_if_fail (BK_IS_SESSION (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_IO, _("Only local files can be opened"));
      return FALSE;
    }
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, BK_ERROR, BK_ERROR_NOT_FOUND,
                   _("The file no longer exists: it may have been moved or deleted."));
      return FALSE;
    }

  if (g_str_has_suffix (path, ".json") || g_str_has_suffix (path, ".JSON"))
    return bk_session_import_json (self, path, error);

  document = bk_document_open (path, error);
  if (document == NULL)
    return FALSE;
  bk_session_set_document (self, document);
  return TRUE;
}

gboolean
bk_session_open_sample (BkSession  *self,
                        GError    **error)
{
  g_autoptr(BkWorkbook) wb = NULL;

  g_return_val_if_fail (BK_IS_SESSION (self), FALSE);

  wb = bk_json_read_sample (error);
  return wb != NULL && show_as_draft (self, wb, error);
}

gboolean
bk_session_new_workbook (BkSession  *self,
                         GError    **error)
{
  g_autoptr(BkWorkbook) wb = NULL;

  g_return_val_if_fail (BK_IS_SESSION (self), FALSE);

  wb = new_blank_workbook (self->settings != NULL ? bk_settings_get_default_granularity (self->settings)
                                                  : BK_GRANULARITY_YEAR);
  return show_as_draft (self, wb, error);
}

gboolean
bk_session_import_json (BkSession   *self,
                        const char  *path,
                        GError     **error)
{
  g_autoptr(BkWorkbook) wb = NULL;

  g_return_val_if_fail (BK_IS_SESSION (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  wb = bk_json_read_workbook_file (path, error);
  return wb != NULL && show_as_draft (self, wb, error);
}

gboolean
bk_session_save_as (BkSession   *self,
                    const char  *path,
                    GError     **error)
{
  g_autofree char *target = NULL;

  g_return_val_if_fail (BK_IS_SESSION (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!have_document (self, _("There is no document to save"), error))
    return FALSE;

  target = g_str_has_suffix (path, ".breakeven") ? g_strdup (path) : g_strconcat (path, ".breakeven", NULL);
  if (g_strcmp0 (bk_document_get_path (self->document), target) == 0)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_EXISTS, _("The document is already saved there"));
      return FALSE;
    }

  /* Saving a draft removes the draft file: nothing is left behind. */
  if (!bk_document_save_as (self->document, target, error))
    return FALSE;

  remember (self);
  return TRUE;
}

gboolean
bk_session_import_csv (BkSession   *self,
                       guint        scenario,
                       BkTable      table,
                       const char  *path,
                       GError     **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (BK_IS_SESSION (self), FALSE);
  g_return_val_if_fail (table < BK_N_TABLES, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!have_document (self, _("There is no document"), error))
    return FALSE;
  if (!g_file_get_contents (path, &data, &length, error))
    return FALSE;
  return bk_csv_import_table (self->document, scenario, table, data, (gssize) length, error);
}

gboolean
bk_session_export_json (BkSession   *self,
                        const char  *path,
                        GError     **error)
{
  g_autofree char *json = NULL;

  g_return_val_if_fail (BK_IS_SESSION (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!have_document (self, _("There is no document to export"), error))
    return FALSE;
  json = bk_json_write_workbook (bk_document_get_workbook (self->document));
  return write_file (path, json, error);
}

gboolean
bk_session_export_csv (BkSession   *self,
                       BkTable      table,
                       const char  *path,
                       GError     **error)
{
  g_autofree char *csv = NULL;

  g_return_val_if_fail (BK_IS_SESSION (self), FALSE);
  g_return_val_if_fail (table < BK_N_TABLES, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!have_document (self, _("There is no document to export"), error))
    return FALSE;
  csv = bk_csv_write_table (bk_document_get_workbook (self->document), table);
  return write_file (path, csv, error);
}

gboolean
bk_session_export_xlsx (BkSession   *self,
                        guint        scenario,
                        const char  *path,
                        GError     **error)
{
  g_return_val_if_fail (BK_IS_SESSION (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!have_document (self, _("There is no document to export"), error))
    return FALSE;
  return bk_xlsx_export (bk_document_get_workbook (self->document), scenario, FALSE, path, error);
}

gboolean
bk_session_is_draft (BkSession *self)
{
  g_return_val_if_fail (BK_IS_SESSION (self), FALSE);

  return is_draft (self->document);
}

gboolean
bk_session_is_replaceable (BkSession *self)
{
  g_return_val_if_fail (BK_IS_SESSION (self), FALSE);

  return self->document == NULL ||
         (is_draft (self->document) && !bk_document_can_undo (self->document));
}

void
bk_session_close (BkSession *self)
{
  g_return_if_fail (BK_IS_SESSION (self));

  forget_draft_if_untouched (self);
}

GMenuModel *
bk_session_get_recent_menu (BkSession *self)
{
  g_return_val_if_fail (BK_IS_SESSION (self), NULL);

  return G_MENU_MODEL (self->recent_menu);
}
