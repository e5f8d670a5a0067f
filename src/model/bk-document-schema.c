/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-document-schema.c — the document's schema: the tables a new file gets
 * with its first contents, migrating older schemas, and the checks a file
 * passes before it is used (the header pragmas, a quick check, and the
 * full integrity check on request). */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "bk-document-journal.h"

/* The tables of schema version 1, one statement each (docs/file-format.md) */
#define CREATE_META \
  "CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);\n"
#define CREATE_MARKETS \
  "CREATE TABLE markets (id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL," \
  " position INTEGER NOT NULL);\n"
#define CREATE_COMPANIES \
  "CREATE TABLE companies (id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL," \
  " market TEXT NOT NULL, position INTEGER NOT NULL);\n"
#define CREATE_SCENARIOS \
  "CREATE TABLE scenarios (id INTEGER PRIMARY KEY, name TEXT NOT NULL," \
  " position INTEGER NOT NULL);\n"
#define CREATE_CELLS \
  "CREATE TABLE cells (scenario INTEGER NOT NULL, tbl TEXT NOT NULL, row TEXT NOT NULL," \
  " period TEXT NOT NULL, value REAL, formula TEXT," \
  " PRIMARY KEY (scenario, tbl, row, period)) WITHOUT ROWID;\n"
#define CREATE_NOTES \
  "CREATE TABLE notes (tbl TEXT NOT NULL, row TEXT NOT NULL, period TEXT NOT NULL," \
  " text TEXT NOT NULL, PRIMARY KEY (tbl, row, period)) WITHOUT ROWID;\n"
#define CREATE_ASSUMPTIONS \
  "CREATE TABLE assumptions (scenario INTEGER NOT NULL, company TEXT NOT NULL," \
  " key TEXT NOT NULL, value REAL NOT NULL," \
  " PRIMARY KEY (scenario, company, key)) WITHOUT ROWID;\n"
#define CREATE_ACTIONS \
  "CREATE TABLE actions (id INTEGER PRIMARY KEY, label TEXT NOT NULL," \
  " undone INTEGER NOT NULL DEFAULT 0, time TEXT NOT NULL);\n"
#define CREATE_HISTORY \
  "CREATE TABLE history (action INTEGER NOT NULL, seq INTEGER NOT NULL, tbl TEXT NOT NULL," \
  " k1 BLOB, k2 BLOB, k3 BLOB, k4 BLOB, old_present INTEGER NOT NULL, o1 BLOB, o2 BLOB, o3 BLOB," \
  " new_present INTEGER NOT NULL, n1 BLOB, n2 BLOB, n3 BLOB," \
  " PRIMARY KEY (action, seq)) WITHOUT ROWID;\n"

/* Version 2 adds the drivers' uncertainties, one spec text per driver key */
#define CREATE_DISTRIBUTIONS \
  "CREATE TABLE distributions (key TEXT PRIMARY KEY NOT NULL, spec TEXT NOT NULL) WITHOUT ROWID;\n"

/* The schema, version 2 */
static const char schema_v2[] =
  CREATE_META CREATE_MARKETS CREATE_COMPANIES CREATE_SCENARIOS CREATE_CELLS CREATE_NOTES
  CREATE_ASSUMPTIONS CREATE_ACTIONS CREATE_HISTORY CREATE_DISTRIBUTIONS;

/* Version 0 was the pre-release format: base cells only (no scenario
 * column), workbook-level assumptions only, no notes, scenarios or history.
 * Migrating keeps every value. */
static const char migrate_0_to_1[] =
  "ALTER TABLE cells RENAME TO cells_v0;\n"
  CREATE_CELLS
  "INSERT INTO cells SELECT 0, tbl, row, period, value, formula FROM cells_v0;\n"
  "DROP TABLE cells_v0;\n"
  "ALTER TABLE assumptions RENAME TO assumptions_v0;\n"
  CREATE_ASSUMPTIONS
  "INSERT INTO assumptions SELECT 0, '', key, value FROM assumptions_v0;\n"
  "DROP TABLE assumptions_v0;\n"
  CREATE_SCENARIOS CREATE_NOTES CREATE_ACTIONS CREATE_HISTORY;

/* Version 1 to 2 only adds a table: everything else stays as it is. */
static const char migrate_1_to_2[] =
  CREATE_DISTRIBUTIONS;

gboolean
bk_document_check_header (BkDocument  *self,
                          GError     **error)
{
  g_autofree char *name = g_filename_display_basename (self->path);
  g_autoptr(GError) local_error = NULL;
  int application_id = 0, version = 0;

  if (!bk_document_get_pragma_int (self, "PRAGMA application_id", &application_id, &local_error) ||
      !bk_document_get_pragma_int (self, "PRAGMA user_version", &version, &local_error))
    {
      if (g_error_matches (local_error, BK_ERROR, BK_ERROR_DAMAGED))
        g_set_error (error, BK_ERROR, BK_ERROR_FOREIGN,
                     _("“%s” is not a Breakeven document, or it is damaged"), name);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if ((guint32) application_id != BK_DOCUMENT_APPLICATION_ID)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_FOREIGN,
                   _("“%s” is not a Breakeven document"), name);
      return FALSE;
    }

  if (version > BK_DOCUMENT_SCHEMA_VERSION)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_NEWER,
                   _("“%s” was written by a newer version of Breakeven (format %d; this version reads up to %d)"),
                   name, version, BK_DOCUMENT_SCHEMA_VERSION);
      return FALSE;
    }

  self->opened_version = version;
  return TRUE;
}

gboolean
bk_document_migrate (BkDocument  *self,
                     GError     **error)
{
  g_autofree char *name = g_filename_display_basename (self->path);
  g_autofree char *sql = NULL;

  if (self->opened_version == BK_DOCUMENT_SCHEMA_VERSION)
    return TRUE;

  if (self->read_only)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_READ_ONLY,
                   _("“%s” is in an older format and is read-only, so it cannot be upgraded"), name);
      return FALSE;
    }

  /* One transaction: the file is either fully migrated or untouched. */
  G_STATIC_ASSERT (BK_DOCUMENT_SCHEMA_VERSION == 2);
  sql = g_strdup_printf ("BEGIN IMMEDIATE;\n%s%sPRAGMA user_version = %d;\nCOMMIT;",
                         self->opened_version < 1 ? migrate_0_to_1 : "",
                         migrate_1_to_2, BK_DOCUMENT_SCHEMA_VERSION);
  if (!bk_document_exec (self, sql, error))
    {
      bk_document_rollback (self);
      g_prefix_error (error, _("Could not upgrade “%s”: "), name);
      return FALSE;
    }

  return TRUE;
}

/* Damage anywhere in the file (an index nobody reads at load, say) is found
 * now, before anything is written to it. */
gboolean
bk_document_quick_check (BkDocument  *self,
                         GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *first = NULL;
  int rc = sqlite3_prepare_v2 (self->db, "PRAGMA quick_check(1)", -1, &stmt, NULL);

  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    first = bk_document_dup_column_text (stmt, 0);
  sqlite3_finalize (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return bk_document_sqlite_error (self->db, rc, error);
  if (g_strcmp0 (first, "ok") != 0)
    return bk_document_damaged (error, "%s", first ? first : _("the integrity check failed"));
  return TRUE;
}

/* A new document */

/* The whole of @wb as row images: what a new document's file holds. */
static void
workbook_images (BkWorkbook *wb,
                 GArray     *images)
{
  guint n = bk_workbook_get_n_periods (wb);
  g_autofree char *first = bk_workbook_dup_period_label (wb, 0);
  g_autofree char *periods = g_strdup_printf ("%u", n);
  g_auto(GStrv) labels = g_new0 (char *, n + 1);

  for (guint p = 0; p < n; p++)
    labels[p] = bk_workbook_dup_period_label (wb, p);

  bk_row_images_add_meta (images, "title", bk_workbook_get_title (wb));
  bk_row_images_add_meta (images, "granularity", bk_granularity_to_string (bk_workbook_get_granularity (wb)));
  bk_row_images_add_meta (images, "first_period", first);
  bk_row_images_add_meta (images, "periods", periods);

  for (guint i = 0; i < bk_workbook_get_n_markets (wb); i++)
    {
      BkRowImage *image = bk_row_images_add (images, BK_JOURNAL_MARKETS, TRUE);

      image->keys[0] = bk_db_value_text (bk_workbook_get_market_id (wb, i));
      image->values[0] = bk_db_value_text (bk_workbook_get_market_name (wb, i));
      image->values[1] = bk_db_value_int (i);
    }

  for (guint i = 0; i < bk_workbook_get_n_companies (wb); i++)
    {
      BkRowImage *image = bk_row_images_add (images, BK_JOURNAL_COMPANIES, TRUE);

      image->keys[0] = bk_db_value_text (bk_workbook_get_company_id (wb, i));
      image->values[0] = bk_db_value_text (bk_workbook_get_company_name (wb, i));
      image->values[1] = bk_db_value_text (bk_workbook_get_market_id (wb, bk_workbook_get_company_market (wb, i)));
      image->values[2] = bk_db_value_int (i);
    }

  for (guint s = 1; s <= bk_workbook_get_n_scenarios (wb); s++)
    {
      BkRowImage *image = bk_row_images_add (images, BK_JOURNAL_SCENARIOS, TRUE);

      bk_workbook_get_scenario (wb, s)->id = s;
      image->keys[0] = bk_db_value_int (s);
      image->values[0] = bk_db_value_text (bk_workbook_get_scenario_name (wb, s));
      image->values[1] = bk_db_value_int (s);
    }

  for (guint k = 0; k < BK_N_ASSUMPTIONS; k++)
    if (bk_workbook_get_distribution (wb, (BkAssumption) k) != NULL)
      bk_row_images_add_distribution (images, (BkAssumption) k, bk_workbook_get_distribution (wb, (BkAssumption) k));

  for (guint s = 0; s <= bk_workbook_get_n_scenarios (wb); s++)
    {
      bk_row_images_add_assumption_layers (images, wb, s, s);

      for (guint t = 0; t < BK_N_TABLES; t++)
        for (guint r = 0; r < bk_workbook_get_n_rows (wb, (BkTable) t); r++)
          {
            const char *row_id = bk_workbook_get_row_id (wb, (BkTable) t, r);

            if (s != BK_SCENARIO_BASE && !bk_workbook_scenario_overrides_row (wb, s, (BkTable) t, r))
              continue;

            for (guint p = 0; p < n; p++)
              {
                BkCell cell;

                bk_workbook_get_cell (wb, s, (BkTable) t, r, p, &cell);
                if (s == BK_SCENARIO_BASE)
                  {
                    if (cell.formula != NULL || !isnan (cell.value))
                      bk_row_images_add_cell (images, 0, (BkTable) t, row_id, labels[p], TRUE, cell.value, cell.formula);
                    if (cell.note != NULL)
                      {
                        BkRowImage *image = bk_row_images_add (images, BK_JOURNAL_NOTES, TRUE);

                        image->keys[0] = bk_db_value_text (bk_table_to_string ((BkTable) t));
                        image->keys[1] = bk_db_value_text (row_id);
                        image->keys[2] = bk_db_value_text (labels[p]);
                        image->values[0] = bk_db_value_text (cell.note);
                      }
                  }
                else if (cell.flags & BK_CELL_OVERRIDDEN)
                  bk_row_images_add_cell (images, s, (BkTable) t, row_id, labels[p], TRUE, cell.value, cell.formula);
              }
          }
    }
}

gboolean
bk_document_write_new (BkDocument  *self,
                       BkWorkbook  *wb,
                       gboolean     draft,
                       GError     **error)
{
  g_autoptr(GArray) images = bk_row_images_new ();
  g_autofree char *pragmas = NULL;

  workbook_images (wb, images);
  if (draft)
    bk_row_images_add_meta (images, BK_DOCUMENT_DRAFT_KEY, "1");

  pragmas = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                             (int) BK_DOCUMENT_APPLICATION_ID, BK_DOCUMENT_SCHEMA_VERSION);

  if (!bk_document_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!bk_document_exec (self, pragmas, error) || !bk_document_exec (self, schema_v2, error))
    goto failed;
  for (guint i = 0; i < images->len; i++)
    if (!bk_journal_write_image (self, &g_array_index (images, BkRowImage, i), error))
      goto failed;
  if (!bk_document_exec (self, "COMMIT", error))
    goto failed;

  return TRUE;

failed:
  bk_document_rollback (self);
  return FALSE;
}

/* On request */

gboolean
bk_document_check_integrity (BkDocument  *self,
                             char       **report,
                             GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  GString *text = g_string_new (NULL);
  gboolean ok = TRUE;
  int rc;

  g_return_val_if_fail (BK_IS_DOCUMENT (self), FALSE);

  if (self->db == NULL)
    {
      g_string_free (text, TRUE);
      g_set_error (error, BK_ERROR, BK_ERROR_IO, _("The document is closed"));
      return FALSE;
    }

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA integrity_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  for (; rc == SQLITE_ROW; rc = sqlite3_step (stmt))
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);

      if (text->len)
        g_string_append_c (text, '\n');
      g_string_append (text, line ? line : "");
      if (g_strcmp0 (line, "ok") != 0)
        ok = FALSE;
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      g_string_free (text, TRUE);
      return bk_document_sqlite_error (self->db, rc, error);
    }

  if (report)
    *report = g_string_free (text, FALSE);
  else
    g_string_free (text, TRUE);

  return ok;
}
