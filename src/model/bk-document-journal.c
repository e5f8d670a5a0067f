/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-document-journal.c — the document's persistent undo journal.
 *
 * Every user action becomes a list of row images ("this row of this table
 * now holds these values", or "is gone").  Running an action opens one
 * transaction, records each row's old and new image in `history` under one
 * `actions` row, writes the new image, and commits.  Undo writes the old
 * images back in reverse order; redo writes the new ones again.  Because
 * images are plain values (never SQL text), history is generic over the
 * tables and every statement binds its parameters.
 *
 * After the commit the in-memory workbook is updated: cells, notes,
 * assumptions and the title incrementally; anything structural (periods,
 * rows, scenarios) by reading the workbook again from the file. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "bk-document-journal.h"

#define HISTORY_LIMIT 1000

/* The tables: their names and columns, and the statements that read,
 * write and delete one row of each */

typedef struct
{
  const char *name;
  guint       n_keys;
  const char *keys[4];
  guint       n_values;
  const char *values[3];
  /* SQL, built once from the names above */
  const char *select_sql;
  const char *replace_sql;
  const char *delete_sql;
} TableDesc;

static TableDesc descs[BK_JOURNAL_N_TABLES] = {
  { "meta", 1, { "key" }, 1, { "value" } },
  { "markets", 1, { "id" }, 2, { "name", "position" } },
  { "companies", 1, { "id" }, 3, { "name", "market", "position" } },
  { "scenarios", 1, { "id" }, 2, { "name", "position" } },
  { "cells", 4, { "scenario", "tbl", "row", "period" }, 2, { "value", "formula" } },
  { "notes", 3, { "tbl", "row", "period" }, 1, { "text" } },
  { "assumptions", 3, { "scenario", "company", "key" }, 1, { "value" } },
  { "distributions", 1, { "key" }, 1, { "spec" } },
};

void
bk_journal_init (void)
{
  static gsize initialized = 0;

  if (!g_once_init_enter (&initialized))
    return;

  for (guint d = 0; d < BK_JOURNAL_N_TABLES; d++)
    {
      TableDesc *desc = &descs[d];
      GString *where = g_string_new (NULL);
      GString *cols = g_string_new (NULL);
      GString *marks = g_string_new (NULL);
      GString *vals = g_string_new (NULL);

      for (guint k = 0; k < desc->n_keys; k++)
        {
          g_string_append_printf (where, "%s%s = ?%u", k ? " AND " : "", desc->keys[k], k + 1);
          g_string_append_printf (cols, "%s%s", k ? ", " : "", desc->keys[k]);
          g_string_append_printf (marks, "%s?%u", k ? ", " : "", k + 1);
        }
      for (guint v = 0; v < desc->n_values; v++)
        {
          g_string_append_printf (vals, "%s%s", v ? ", " : "", desc->values[v]);
          g_string_append_printf (cols, ", %s", desc->values[v]);
          g_string_append_printf (marks, ", ?%u", v + 5);
        }

      desc->select_sql = g_strdup_printf ("SELECT %s FROM %s WHERE %s", vals->str, desc->name, where->str);
      desc->replace_sql = g_strdup_printf ("INSERT OR REPLACE INTO %s (%s) VALUES (%s)",
                                           desc->name, cols->str, marks->str);
      desc->delete_sql = g_strdup_printf ("DELETE FROM %s WHERE %s", desc->name, where->str);

      g_string_free (where, TRUE);
      g_string_free (cols, TRUE);
      g_string_free (marks, TRUE);
      g_string_free (vals, TRUE);
    }

  g_once_init_leave (&initialized, 1);
}

static BkJournalTable
desc_from_name (const char *name)
{
  for (guint d = 0; d < BK_JOURNAL_N_TABLES; d++)
    if (g_strcmp0 (descs[d].name, name) == 0)
      return (BkJournalTable) d;
  return BK_JOURNAL_N_TABLES;
}

/* Values and images */

static BkDbValue
db_value_null (void)
{
  return (BkDbValue) { SQLITE_NULL, 0, 0, NULL, 0 };
}

BkDbValue
bk_db_value_int (gint64 i)
{
  return (BkDbValue) { SQLITE_INTEGER, i, 0, NULL, 0 };
}

BkDbValue
bk_db_value_double (double d)
{
  /* Blank and invalid values are NULL: non-finite numbers are never written. */
  if (!isfinite (d))
    return db_value_null ();
  return (BkDbValue) { SQLITE_FLOAT, 0, d, NULL, 0 };
}

BkDbValue
bk_db_value_text (const char *s)
{
  if (s == NULL)
    return db_value_null ();
  return (BkDbValue) { SQLITE_TEXT, 0, 0, g_strdup (s), -1 };
}

static char *
dup_bytes (const char *bytes,
           gsize       n)
{
  char *copy = g_malloc (n + 1);

  memcpy (copy, bytes, n);
  copy[n] = '\0';
  return copy;
}

BkDbValue
bk_db_value_from_sqlite (sqlite3_value *value)
{
  switch (sqlite3_value_type (value))
    {
    case SQLITE_INTEGER: return bk_db_value_int (sqlite3_value_int64 (value));
    case SQLITE_FLOAT:   return (BkDbValue) { SQLITE_FLOAT, 0, sqlite3_value_double (value), NULL, 0 };
    case SQLITE_TEXT:
      {
        const char *text = (const char *) sqlite3_value_text (value);
        int n = sqlite3_value_bytes (value);

        /* The bytes as stored, NUL characters and all, so the checks see them */
        return (BkDbValue) { SQLITE_TEXT, 0, 0, text ? dup_bytes (text, (gsize) n) : g_strdup (""), n };
      }
    case SQLITE_BLOB:    return (BkDbValue) { SQLITE_BLOB, 0, 0, NULL, 0 };
    default:             return db_value_null ();
    }
}

static double
db_value_get_double (const BkDbValue *val)
{
  switch (val->type)
    {
    case SQLITE_INTEGER: return (double) val->i;
    case SQLITE_FLOAT:   return val->d;
    default:             return NAN;
    }
}

static void
image_clear (gpointer data)
{
  BkRowImage *image = data;

  for (guint i = 0; i < 4; i++)
    g_free (image->keys[i].s);
  for (guint i = 0; i < 3; i++)
    g_free (image->values[i].s);
}

GArray *
bk_row_images_new (void)
{
  GArray *images = g_array_new (FALSE, TRUE, sizeof (BkRowImage));

  g_array_set_clear_func (images, image_clear);
  return images;
}

BkRowImage *
bk_row_images_add (GArray         *images,
                   BkJournalTable  table,
                   gboolean        present)
{
  BkRowImage image = { 0, };

  image.table = table;
  image.present = present;
  for (guint i = 0; i < 4; i++)
    image.keys[i] = db_value_null ();
  for (guint i = 0; i < 3; i++)
    image.values[i] = db_value_null ();
  g_array_append_val (images, image);

  return &g_array_index (images, BkRowImage, images->len - 1);
}

static void
bind_val (sqlite3_stmt    *stmt,
          int              index,
          const BkDbValue *val)
{
  switch (val->type)
    {
    case SQLITE_INTEGER: sqlite3_bind_int64 (stmt, index, val->i); break;
    case SQLITE_FLOAT:   sqlite3_bind_double (stmt, index, val->d); break;
    case SQLITE_TEXT:    sqlite3_bind_text (stmt, index, val->s, (int) val->n, SQLITE_TRANSIENT); break;
    default:             sqlite3_bind_null (stmt, index); break;
    }
}

/* Building images */

void
bk_row_images_add_meta (GArray     *images,
                        const char *key,
                        const char *value)
{
  BkRowImage *image = bk_row_images_add (images, BK_JOURNAL_META, TRUE);

  image->keys[0] = bk_db_value_text (key);
  image->values[0] = bk_db_value_text (value);
}

void
bk_row_images_add_cell (GArray     *images,
                        gint64      scenario_id,
                        BkTable     table,
                        const char *row_id,
                        const char *label,
                        gboolean    present,
                        double      value,
                        const char *formula)
{
  BkRowImage *image = bk_row_images_add (images, BK_JOURNAL_CELLS, present);

  image->keys[0] = bk_db_value_int (scenario_id);
  image->keys[1] = bk_db_value_text (bk_table_to_string (table));
  image->keys[2] = bk_db_value_text (row_id);
  image->keys[3] = bk_db_value_text (label);
  if (present)
    {
      image->values[0] = bk_db_value_double (value);
      image->values[1] = bk_db_value_text (formula);
    }
}

void
bk_row_images_add_assumption (GArray       *images,
                              gint64        scenario_id,
                              const char   *company_id,
                              BkAssumption  assumption,
                              double        value)
{
  BkRowImage *image = bk_row_images_add (images, BK_JOURNAL_ASSUMPTIONS, !isnan (value));

  image->keys[0] = bk_db_value_int (scenario_id);
  image->keys[1] = bk_db_value_text (company_id ? company_id : "");
  image->keys[2] = bk_db_value_text (bk_assumption_get_key (assumption));
  image->values[0] = bk_db_value_double (value);
}

void
bk_row_images_add_distribution (GArray       *images,
                                BkAssumption  assumption,
                                const char   *spec)
{
  BkRowImage *image = bk_row_images_add (images, BK_JOURNAL_DISTRIBUTIONS, spec != NULL);

  image->keys[0] = bk_db_value_text (bk_assumption_get_key (assumption));
  if (spec != NULL)
    image->values[0] = bk_db_value_text (spec);
}

void
bk_row_images_add_assumption_layers (GArray     *images,
                                     BkWorkbook *wb,
                                     guint       scenario,
                                     gint64      to)
{
  for (guint k = 0; k < BK_N_ASSUMPTIONS; k++)
    {
      double v = bk_workbook_get_assumption_layer (wb, scenario, -1, (BkAssumption) k);

      if (!isnan (v))
        bk_row_images_add_assumption (images, to, NULL, (BkAssumption) k, v);
      for (guint c = 0; c < bk_workbook_get_n_companies (wb); c++)
        {
          v = bk_workbook_get_assumption_layer (wb, scenario, (int) c, (BkAssumption) k);
          if (!isnan (v))
            bk_row_images_add_assumption (images, to, bk_workbook_get_company_id (wb, c), (BkAssumption) k, v);
        }
    }
}

gboolean
bk_row_images_add_deletions (BkDocument      *self,
                             GArray          *images,
                             BkJournalTable   table,
                             const char      *sql,
                             const char      *param,
                             GError         **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = bk_document_get_statement (self, sql, error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, param, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BkRowImage *image = bk_row_images_add (images, table, FALSE);

      for (guint k = 0; k < descs[table].n_keys; k++)
        image->keys[k] = bk_db_value_from_sqlite (sqlite3_column_value (stmt, (int) k));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return bk_document_sqlite_error (self->db, rc, error);
  return TRUE;
}

/* Recording */

gboolean
bk_journal_write_image (BkDocument        *self,
                        const BkRowImage  *image,
                        GError           **error)
{
  const TableDesc *desc = &descs[image->table];
  sqlite3_stmt *stmt;

  if (!(stmt = bk_document_get_statement (self, image->present ? desc->replace_sql : desc->delete_sql, error)))
    return FALSE;
  for (guint k = 0; k < desc->n_keys; k++)
    bind_val (stmt, (int) k + 1, &image->keys[k]);
  if (image->present)
    for (guint v = 0; v < desc->n_values; v++)
      bind_val (stmt, (int) v + 5, &image->values[v]);

  return bk_document_step_done (self, stmt, error);
}

static gboolean
sqlite_values_equal (sqlite3_value   *a,
                     const BkDbValue *b)
{
  int type = sqlite3_value_type (a);

  if (b->type == SQLITE_NULL || type == SQLITE_NULL)
    return b->type == type;
  if (b->type == SQLITE_TEXT || type == SQLITE_TEXT)
    return b->type == type && g_strcmp0 ((const char *) sqlite3_value_text (a), b->s) == 0;
  return sqlite3_value_double (a) == db_value_get_double (b);
}

/* Writes one image with its history row, counted in *seq, when the row
 * really changes (an image equal to what is stored is skipped). */
static gboolean
record_image (BkDocument        *self,
              gint64             action,
              guint             *seq,
              const BkRowImage  *image,
              GError           **error)
{
  const TableDesc *desc = &descs[image->table];
  sqlite3_stmt *select, *insert;
  gboolean old_present, same;
  int rc;

  if (!(select = bk_document_get_statement (self, desc->select_sql, error)))
    return FALSE;
  for (guint k = 0; k < desc->n_keys; k++)
    bind_val (select, (int) k + 1, &image->keys[k]);

  rc = sqlite3_step (select);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      sqlite3_reset (select);
      return bk_document_sqlite_error (self->db, rc, error);
    }
  old_present = rc == SQLITE_ROW;

  same = old_present == image->present;
  if (same && old_present)
    for (guint v = 0; v < desc->n_values; v++)
      same &= sqlite_values_equal (sqlite3_column_value (select, (int) v), &image->values[v]);

  if (same)
    {
      sqlite3_reset (select);
      return TRUE;
    }

  insert = bk_document_get_statement (self,
                                      "INSERT INTO history (action, seq, tbl, k1, k2, k3, k4, old_present, o1, o2, o3,"
                                      " new_present, n1, n2, n3) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,"
                                      " ?12, ?13, ?14, ?15)",
                                      error);
  if (insert == NULL)
    {
      sqlite3_reset (select);
      return FALSE;
    }

  sqlite3_bind_int64 (insert, 1, action);
  sqlite3_bind_int (insert, 2, (int) (*seq)++);
  sqlite3_bind_text (insert, 3, desc->name, -1, SQLITE_STATIC);
  for (guint k = 0; k < desc->n_keys; k++)
    bind_val (insert, (int) k + 4, &image->keys[k]);
  sqlite3_bind_int (insert, 8, old_present);
  if (old_present)
    for (guint v = 0; v < desc->n_values; v++)
      sqlite3_bind_value (insert, (int) v + 9, sqlite3_column_value (select, (int) v));
  sqlite3_bind_int (insert, 12, image->present);
  if (image->present)
    for (guint v = 0; v < desc->n_values; v++)
      bind_val (insert, (int) v + 13, &image->values[v]);

  rc = sqlite3_step (insert);
  sqlite3_reset (insert);
  sqlite3_reset (select);
  if (rc != SQLITE_DONE)
    return bk_document_sqlite_error (self->db, rc, error);

  return bk_journal_write_image (self, image, error);
}

static gboolean
begin_action (BkDocument  *self,
              const char  *label,
              gint64      *action,
              GError     **error)
{
  sqlite3_stmt *stmt;

  if (!bk_document_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  if (!(stmt = bk_document_get_statement (self, "INSERT INTO actions (label, undone, time) VALUES (?1, 0, ?2)", error)))
    return FALSE;
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    g_autofree char *time = g_date_time_format_iso8601 (now);

    sqlite3_bind_text (stmt, 1, label, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 2, time, -1, SQLITE_TRANSIENT);
  }
  if (!bk_document_step_done (self, stmt, error))
    return FALSE;

  *action = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

static gboolean
finish_action (BkDocument  *self,
               gint64       action,
               guint        n_recorded,
               GError     **error)
{
  sqlite3_stmt *stmt;

  if (n_recorded == 0)
    {
      /* Nothing changed: leave no empty step in the history. */
      if (!(stmt = bk_document_get_statement (self, "DELETE FROM actions WHERE id = ?1", error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, action);
      if (!bk_document_step_done (self, stmt, error))
        return FALSE;
    }
  else
    {
      /* A new action discards whatever was undone (a no-op keeps it). */
      if (!bk_document_exec (self,
                             "DELETE FROM history WHERE action IN (SELECT id FROM actions WHERE undone = 1);"
                             "DELETE FROM actions WHERE undone = 1;",
                             error))
        return FALSE;
      if (!(stmt = bk_document_get_statement (self,
                                              "DELETE FROM history WHERE action <= ?1 - " G_STRINGIFY (HISTORY_LIMIT) ";",
                                              error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, action);
      if (!bk_document_step_done (self, stmt, error))
        return FALSE;
      if (!(stmt = bk_document_get_statement (self, "DELETE FROM actions WHERE id <= ?1 - " G_STRINGIFY (HISTORY_LIMIT), error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, action);
      if (!bk_document_step_done (self, stmt, error))
        return FALSE;
    }

  return bk_document_exec (self, "COMMIT", error);
}

/* Applying */

/* Whether every image can go into the in-memory workbook as it is now
 * (cells, notes, assumptions and the title, each passing the checks a
 * stored row passes on load). */
static gboolean
check_images (BkWorkbook  *wb,
              GArray      *images,
              GError     **error)
{
  for (guint i = 0; i < images->len; i++)
    {
      const BkRowImage *image = &g_array_index (images, BkRowImage, i);
      BkStoredRow row;
      gboolean ok;

      ok = bk_document_check_stored_row (wb, image->table, image->keys, image->present, image->values, &row, error);
      bk_stored_row_clear (&row);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

/* Applies checked images to the in-memory workbook. */
static void
apply_images (BkWorkbook    *wb,
              GArray        *images,
              BkChangeFlags *flags,
              GHashTable    *touched_rows)
{
  for (guint i = 0; i < images->len; i++)
    {
      const BkRowImage *image = &g_array_index (images, BkRowImage, i);
      BkStoredRow row;

      if (!bk_document_check_stored_row (wb, image->table, image->keys, image->present, image->values, &row, NULL))
        g_assert_not_reached ();  /* checked before the commit */
      bk_document_put_stored_row (wb, image->table, image->present, &row);
      switch (image->table)
        {
        case BK_JOURNAL_CELLS:
          if (row.scenario == BK_SCENARIO_BASE)
            {
              g_hash_table_add (touched_rows, GUINT_TO_POINTER ((row.table << 24) | row.row));
              *flags |= BK_CHANGE_CELLS;
            }
          else
            *flags |= BK_CHANGE_OVERRIDES;
          break;
        case BK_JOURNAL_NOTES:       *flags |= BK_CHANGE_NOTES; break;
        case BK_JOURNAL_ASSUMPTIONS: *flags |= BK_CHANGE_ASSUMPTIONS; break;
        case BK_JOURNAL_META:        *flags |= BK_CHANGE_TITLE; break;
        case BK_JOURNAL_DISTRIBUTIONS: *flags |= BK_CHANGE_DISTRIBUTIONS; break;
        case BK_JOURNAL_MARKETS:
        case BK_JOURNAL_COMPANIES:
        case BK_JOURNAL_SCENARIOS:
        case BK_JOURNAL_N_TABLES:
        default:
          g_assert_not_reached ();
        }
      bk_stored_row_clear (&row);
    }
}

/* Whether the images change only what apply_images() can change in place;
 * anything else (periods, rows, scenarios) means reading the workbook
 * again. */
static gboolean
images_are_incremental (GArray *images)
{
  for (guint i = 0; i < images->len; i++)
    {
      const BkRowImage *image = &g_array_index (images, BkRowImage, i);

      if (image->table == BK_JOURNAL_MARKETS || image->table == BK_JOURNAL_COMPANIES ||
          image->table == BK_JOURNAL_SCENARIOS ||
          (image->table == BK_JOURNAL_META && g_strcmp0 (image->keys[0].s, "title") != 0))
        return FALSE;
    }
  return TRUE;
}

/* After images are applied in memory: recompute touched rows and tell. */
static void
announce (BkDocument    *self,
          BkChangeFlags  flags,
          GHashTable    *touched_rows,
          int            table,
          int            row,
          int            period,
          int            n_rows,
          int            n_periods)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, touched_rows);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint packed = GPOINTER_TO_UINT (key);

      bk_workbook_recompute_row (self->workbook, (BkTable) (packed >> 24), packed & 0xffffff);
    }

  bk_workbook_emit_changed (self->workbook, flags, table, row, period, n_rows, n_periods);
}

gboolean
bk_journal_run_action (BkDocument  *self,
                       const char  *label,
                       GArray      *images,
                       gboolean     structural,
                       int          table,
                       int          row,
                       int          period,
                       int          n_rows,
                       int          n_periods,
                       GError     **error)
{
  g_autoptr(BkWorkbook) loaded = NULL;
  g_autoptr(GHashTable) touched = NULL;
  BkChangeFlags flags = 0;
  gboolean ok;
  gint64 action;
  guint seq = 0;

  if (!bk_document_check_writable (self, error))
    return FALSE;

  if (!begin_action (self, label, &action, error))
    goto failed;

  for (guint i = 0; i < images->len; i++)
    if (!record_image (self, action, &seq, &g_array_index (images, BkRowImage, i), error))
      goto failed;

  if (structural && seq > 0)
    {
      g_autoptr(GArray) values = bk_row_images_new ();
      guint n;

      if (!(loaded = bk_document_load_workbook (self, error)))
        goto failed;

      /* Formulas may see other `prev` values now (a period removed at the
       * start, say): store what they compute now, in the same action. */
      n = bk_workbook_get_n_periods (loaded);
      for (guint t = 0; t < BK_N_TABLES; t++)
        for (guint r = 0; r < bk_workbook_get_n_rows (loaded, (BkTable) t); r++)
          for (guint p = 0; p < n; p++)
            {
              BkCell cell;

              bk_workbook_get_cell (loaded, BK_SCENARIO_BASE, (BkTable) t, r, p, &cell);
              if (cell.formula != NULL)
                {
                  g_autofree char *label_p = bk_workbook_dup_period_label (loaded, p);

                  bk_row_images_add_cell (values, 0, (BkTable) t, bk_workbook_get_row_id (loaded, (BkTable) t, r),
                                          label_p, TRUE, cell.value, cell.formula);
                }
            }
      for (guint i = 0; i < values->len; i++)
        if (!record_image (self, action, &seq, &g_array_index (values, BkRowImage, i), error))
          goto failed;
    }

  if (!finish_action (self, action, seq, error))
    goto failed;

  /* The history is final: the getters answer for it while ::changed runs,
   * and the properties notify after that. */
  g_object_freeze_notify (G_OBJECT (self));
  bk_document_update_history (self);

  if (seq == 0)
    ok = TRUE;  /* nothing changed, and no step was recorded */
  else if (structural)
    {
      bk_workbook_take_contents (self->workbook, loaded);
      ok = TRUE;
    }
  else if (!images_are_incremental (images) || !check_images (self->workbook, images, NULL))
    ok = bk_document_reload (self, error);
  else
    {
      touched = g_hash_table_new (g_direct_hash, g_direct_equal);
      apply_images (self->workbook, images, &flags, touched);
      announce (self, flags, touched, table, row, period, n_rows, n_periods);
      ok = TRUE;
    }

  g_object_thaw_notify (G_OBJECT (self));
  return ok;

failed:
  bk_document_rollback (self);
  return FALSE;
}

/* Stepping through history */

gint64
bk_journal_find_action (BkDocument  *self,
                        gboolean     undo,
                        char       **label)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  if (self->db == NULL)
    return 0;

  stmt = bk_document_get_statement (self,
                                    undo ? "SELECT id, label FROM actions WHERE undone = 0 ORDER BY id DESC LIMIT 1"
                                         : "SELECT id, label FROM actions WHERE undone = 1 ORDER BY id ASC LIMIT 1",
                                    NULL);
  if (stmt == NULL)
    return 0;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      if (label)
        *label = bk_document_dup_column_text (stmt, 1);
    }
  sqlite3_reset (stmt);

  return id;
}

gboolean
bk_journal_step (BkDocument  *self,
                 gboolean     undo,
                 GError     **error)
{
  g_autoptr(GArray) images = bk_row_images_new ();
  g_autoptr(GHashTable) touched = NULL;
  sqlite3_stmt *stmt;
  BkChangeFlags flags = 0;
  gboolean incremental;
  gint64 action;
  int rc;

  if (!bk_document_check_writable (self, error))
    return FALSE;

  if (!bk_document_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  action = bk_journal_find_action (self, undo, NULL);
  if (action == 0)
    {
      bk_document_rollback (self);
      g_set_error (error, BK_ERROR, BK_ERROR_NOTHING_TO_DO,
                   undo ? _("There is nothing to undo") : _("There is nothing to redo"));
      return FALSE;
    }

  stmt = bk_document_get_statement (self,
                                    undo ? "SELECT tbl, k1, k2, k3, k4, old_present, o1, o2, o3 FROM history"
                                           " WHERE action = ?1 ORDER BY seq DESC"
                                         : "SELECT tbl, k1, k2, k3, k4, new_present, n1, n2, n3 FROM history"
                                           " WHERE action = ?1 ORDER BY seq ASC",
                                    error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, action);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BkJournalTable table = desc_from_name ((const char *) sqlite3_column_text (stmt, 0));
      BkRowImage *image;

      if (table == BK_JOURNAL_N_TABLES)
        {
          sqlite3_reset (stmt);
          bk_document_damaged (error, _("the history names an unknown table"));
          goto failed;
        }

      image = bk_row_images_add (images, table, sqlite3_column_int (stmt, 5) != 0);
      for (guint k = 0; k < descs[table].n_keys; k++)
        image->keys[k] = bk_db_value_from_sqlite (sqlite3_column_value (stmt, (int) k + 1));
      if (image->present)
        for (guint v = 0; v < descs[table].n_values; v++)
          image->values[v] = bk_db_value_from_sqlite (sqlite3_column_value (stmt, (int) v + 6));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      bk_document_sqlite_error (self->db, rc, error);
      goto failed;
    }

  /* What can change in place is checked against the workbook before
   * anything is written; the rest by reading the result back below. */
  incremental = images_are_incremental (images);
  if (incremental && !check_images (self->workbook, images, error))
    goto refused;

  for (guint i = 0; i < images->len; i++)
    if (!bk_journal_write_image (self, &g_array_index (images, BkRowImage, i), error))
      goto failed;

  if (!(stmt = bk_document_get_statement (self, "UPDATE actions SET undone = ?2 WHERE id = ?1", error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, action);
  sqlite3_bind_int (stmt, 2, undo ? 1 : 0);
  if (!bk_document_step_done (self, stmt, error))
    goto failed;

  /* Check what the history restores, inside the transaction, the way the
   * file is checked on load: a step that would leave a document that does
   * not open, or values typed input could not hold, is refused with the
   * file and the workbook as they were. */
  {
    g_autoptr(BkWorkbook) check = NULL;

    if (!incremental && !(check = bk_document_load_workbook (self, error)))
      goto refused;

    if (!bk_document_exec (self, "COMMIT", error))
      goto failed;

    g_object_freeze_notify (G_OBJECT (self));
    bk_document_update_history (self);

    if (check != NULL)
      bk_workbook_take_contents (self->workbook, check);
    else
      {
        touched = g_hash_table_new (g_direct_hash, g_direct_equal);
        apply_images (self->workbook, images, &flags, touched);
        announce (self, flags, touched, -1, -1, -1, -1, -1);
      }
  }

  g_object_thaw_notify (G_OBJECT (self));
  return TRUE;

refused:
  g_prefix_error (error, undo ? _("Cannot undo: ") : _("Cannot redo: "));
failed:
  bk_document_rollback (self);
  return FALSE;
}
