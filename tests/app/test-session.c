/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-session.c — the session: new workbooks, drafts, Save As, the recent
 * documents and the last document, without a window
 *
 * Every test runs with its own data folder (G_TEST_OPTION_ISOLATE_DIRS), so
 * the drafts folder starts empty. */
#include "config.h"

#include <glib/gstdio.h>

#include "bk-application.h"
#include "bk-session.h"
#include "bk-test-ui.h"

typedef struct
{
  char             *dir;
  BkSettings       *settings;
  GtkRecentManager *recent;
  BkSession        *session;
  guint             n_documents;  /* notify::document */
} Fixture;

static void
document_cb (BkSession  *session,
             GParamSpec *pspec,
             Fixture    *f)
{
  f->n_documents++;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *recent_file = NULL;

  f->dir = g_dir_make_tmp ("test-session-XXXXXX", &error);
  g_assert_no_error (error);
  recent_file = g_build_filename (f->dir, "recently-used.xbel", NULL);
  f->settings = bk_settings_new (NULL);
  f->recent = g_object_new (GTK_TYPE_RECENT_MANAGER, "filename", recent_file, NULL);
  f->session = bk_session_new (f->settings, f->recent);
  g_signal_connect (f->session, "notify::document", G_CALLBACK (document_cb), f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", f->dir);

  g_assert_finalize_object (f->session);
  g_clear_object (&f->recent);
  g_clear_object (&f->settings);
  g_assert_cmpint (system (cmd), ==, 0);
  g_free (f->dir);
}

static char *
path_of (Fixture *f)
{
  return g_strdup (bk_document_get_path (bk_session_get_document (f->session)));
}

static void
edit (Fixture *f)
{
  const char *texts[] = { "42" };
  g_autoptr(GError) error = NULL;

  g_assert_true (bk_document_set_cells (bk_session_get_document (f->session), 0, BK_TABLE_CAPEX, 0, 0, 1, 1,
                                        texts, NULL, &error));
  g_assert_no_error (error);
}

static void
test_new_workbook (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *drafts = bk_application_dup_drafts_dir ();
  g_autofree char *first = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  BkWorkbook *wb;

  g_assert_null (bk_session_get_document (f->session));
  g_assert_true (bk_session_is_replaceable (f->session));
  g_assert_false (bk_session_is_draft (f->session));

  /* Six years from last year, one market, no companies, in a draft */
  g_assert_true (bk_session_new_workbook (f->session, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->n_documents, ==, 1);
  wb = bk_document_get_workbook (bk_session_get_document (f->session));
  g_assert_cmpstr (bk_workbook_get_title (wb), ==, "Untitled workbook");
  g_assert_cmpint (bk_workbook_get_granularity (wb), ==, BK_GRANULARITY_YEAR);
  g_assert_cmpuint (bk_workbook_get_n_periods (wb), ==, 6);
  first = bk_workbook_dup_period_label (wb, 0);
  expected = g_strdup_printf ("%d", g_date_time_get_year (now) - 1);
  g_assert_cmpstr (first, ==, expected);
  g_assert_cmpuint (bk_workbook_get_n_markets (wb), ==, 1);
  g_assert_cmpstr (bk_workbook_get_market_id (wb, 0), ==, "global");
  g_assert_cmpstr (bk_workbook_get_market_name (wb, 0), ==, "Global");
  g_assert_cmpuint (bk_workbook_get_n_companies (wb), ==, 0);
  path = path_of (f);
  g_assert_true (g_str_has_prefix (path, drafts));
  g_assert_true (bk_session_is_draft (f->session));
  g_assert_true (bk_session_is_replaceable (f->session));
  g_assert_cmpstr (bk_settings_get_last_document (f->settings), ==, path);

  /* In the granularity the preferences ask for */
  bk_settings_set_default_granularity (f->settings, BK_GRANULARITY_QUARTER);
  g_assert_true (bk_session_new_workbook (f->session, &error));
  g_assert_no_error (error);
  wb = bk_document_get_workbook (bk_session_get_document (f->session));
  g_assert_cmpuint (bk_workbook_get_n_periods (wb), ==, 24);
  g_clear_pointer (&first, g_free);
  g_clear_pointer (&expected, g_free);
  first = bk_workbook_dup_period_label (wb, 0);
  expected = g_strdup_printf ("%dQ1", g_date_time_get_year (now) - 1);
  g_assert_cmpstr (first, ==, expected);
  /* The untouched draft before it is gone */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_drafts (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *edited = NULL;
  g_autofree char *untouched = NULL;
  g_autofree char *last = NULL;
  g_autoptr(GError) error = NULL;

  /* An edited draft is kept when another document comes */
  g_assert_true (bk_session_open_sample (f->session, &error));
  g_assert_no_error (error);
  edited = path_of (f);
  g_assert_true (bk_session_is_replaceable (f->session));
  edit (f);
  g_assert_true (bk_session_is_draft (f->session));
  g_assert_false (bk_session_is_replaceable (f->session));
  g_assert_true (bk_session_new_workbook (f->session, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (edited, G_FILE_TEST_EXISTS));

  /* An untouched one is not */
  untouched = path_of (f);
  g_assert_true (bk_session_open_sample (f->session, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (untouched, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (f->n_documents, ==, 3);

  /* Nor when the window closes, and it is no longer the last document */
  last = path_of (f);
  g_assert_cmpstr (bk_settings_get_last_document (f->settings), ==, last);
  bk_session_close (f->session);
  g_assert_false (g_file_test (last, G_FILE_TEST_EXISTS));
  g_assert_cmpstr (bk_settings_get_last_document (f->settings), ==, "");
}

static void
test_save_as (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *target = g_build_filename (f->dir, "mine", NULL);
  g_autofree char *saved = g_build_filename (f->dir, "mine.breakeven", NULL);
  g_autofree char *uri = g_filename_to_uri (saved, NULL, NULL);
  g_autofree char *draft = NULL;
  g_autofree char *draft_uri = NULL;
  g_autoptr(GError) error = NULL;
  GMenuModel *menu = bk_session_get_recent_menu (f->session);

  g_assert_false (bk_session_save_as (f->session, target, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_NOTHING_TO_DO);
  g_clear_error (&error);

  g_assert_true (bk_session_open_sample (f->session, &error));
  g_assert_no_error (error);
  draft = path_of (f);
  draft_uri = g_filename_to_uri (draft, NULL, NULL);
  edit (f);

  /* A draft saved elsewhere leaves no file behind and is a draft no more */
  g_assert_true (bk_session_save_as (f->session, target, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (bk_document_get_path (bk_session_get_document (f->session)), ==, saved);
  g_assert_false (g_file_test (draft, G_FILE_TEST_EXISTS));
  g_assert_false (bk_session_is_draft (f->session));
  g_assert_false (bk_session_is_replaceable (f->session));
  g_assert_cmpstr (bk_settings_get_last_document (f->settings), ==, saved);
  g_assert_cmpuint (f->n_documents, ==, 1);

  /* It is a recent document, the draft never was */
  g_assert_true (gtk_recent_manager_has_item (f->recent, uri));
  g_assert_false (gtk_recent_manager_has_item (f->recent, draft_uri));
  BK_WAIT_FOR (g_menu_model_get_n_items (menu) == 1);
  {
    g_autoptr(GVariant) action = g_menu_model_get_item_attribute_value (menu, 0, G_MENU_ATTRIBUTE_ACTION,
                                                                        G_VARIANT_TYPE_STRING);
    g_autoptr(GVariant) target_uri = g_menu_model_get_item_attribute_value (menu, 0, G_MENU_ATTRIBUTE_TARGET,
                                                                            G_VARIANT_TYPE_STRING);

    g_assert_cmpstr (g_variant_get_string (action, NULL), ==, "app.open-recent");
    g_assert_cmpstr (g_variant_get_string (target_uri, NULL), ==, uri);
  }

  /* Saving where it already is changes nothing */
  g_assert_false (bk_session_save_as (f->session, saved, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_EXISTS);
  g_clear_error (&error);

  /* A saved document stays when the window closes */
  bk_session_close (f->session);
  g_assert_true (g_file_test (saved, G_FILE_TEST_EXISTS));
}

static void
test_open_and_exports (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (f->dir, "gone.breakeven", NULL);
  g_autofree char *json = g_build_filename (f->dir, "out.json", NULL);
  g_autofree char *csv = g_build_filename (f->dir, "capex.csv", NULL);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(GFile) json_file = g_file_new_for_path (json);
  g_autoptr(GError) error = NULL;
  BkDocument *sample;
  g_autofree char *sample_path = NULL;

  g_assert_false (bk_session_export_json (f->session, json, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_NOTHING_TO_DO);
  g_clear_error (&error);

  g_assert_true (bk_session_open_sample (f->session, &error));
  g_assert_no_error (error);
  sample = bk_session_get_document (f->session);
  sample_path = path_of (f);
  edit (f);

  /* A file that is gone changes nothing */
  g_assert_false (bk_session_open_file (f->session, missing_file, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (bk_session_get_document (f->session) == sample);

  /* Exports write files; a workbook opened from JSON becomes a new draft */
  g_assert_true (bk_session_export_csv (f->session, BK_TABLE_CAPEX, csv, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (csv, G_FILE_TEST_EXISTS));
  g_assert_true (bk_session_export_json (f->session, json, &error));
  g_assert_no_error (error);
  g_assert_true (bk_session_open_file (f->session, json_file, &error));
  g_assert_no_error (error);
  g_assert_true (bk_session_get_document (f->session) != sample);
  g_assert_true (bk_session_is_draft (f->session));
  {
    BkCell cell;

    bk_workbook_get_cell (bk_document_get_workbook (bk_session_get_document (f->session)),
                          0, BK_TABLE_CAPEX, 0, 0, &cell);
    g_assert_cmpfloat (cell.value, ==, 42);
  }

  /* The CSV goes back in as one undoable action */
  g_assert_true (bk_session_import_csv (f->session, 0, BK_TABLE_CAPEX, csv, &error));
  g_assert_no_error (error);
  /* The edited sample draft was kept */
  g_assert_true (g_file_test (sample_path, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();

#define ADD(path, func) \
  g_test_add ("/session/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("new-workbook", test_new_workbook);
  ADD ("drafts", test_drafts);
  ADD ("save-as", test_save_as);
  ADD ("open-and-exports", test_open_and_exports);
#undef ADD

  return g_test_run ();
}
