/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-document-load.c — reading a document's file into a workbook: the meta
 * rows, markets, companies, scenarios, cells, notes and assumptions, each
 * checked as it is read, so a damaged or hand-edited file is refused with
 * the reason instead of being half loaded. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "bk-document-journal.h"
#include "bk-text.h"

static const char *
get_meta (GHashTable *meta,
          const char *key)
{
  return g_hash_table_lookup (meta, key);
}

gboolean
bk_document_lookup_cell (BkWorkbook *wb,
                         const char *table_name,
                         const char *row_id,
                         const char *period_label,
                         BkTable    *table,
                         guint      *row,
                         guint      *period)
{
  int r, p;

  if (!bk_table_from_string (table_name, table))
    return FALSE;
  r = bk_workbook_find_row (wb, *table, row_id);
  p = bk_workbook_find_period (wb, period_label);
  if (r < 0 || p < 0)
    return FALSE;
  *row = (guint) r;
  *period = (guint) p;
  return TRUE;
}

gboolean
bk_document_parse_distribution (BkAssumption     assumption,
                                const char      *spec,
                                BkDistribution **distribution,
                                GError         **error)
{
  BkNumberLocale c_locale;

  bk_number_locale_init_c (&c_locale);
  if (spec != NULL && !bk_distribution_parse (spec, assumption, &c_locale, distribution, error))
    return FALSE;
  if (spec == NULL || *distribution == NULL)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT, _("an empty uncertainty"));
      return FALSE;
    }
  return TRUE;
}

int
bk_document_scenario_index (BkWorkbook *wb,
                            gint64      id)
{
  if (id == 0)
    return BK_SCENARIO_BASE;
  return bk_workbook_find_scenario_by_id (wb, id);
}

static gboolean
check_text_column (const char  *text,
                   gssize       len,
                   BkTextKind   kind,
                   GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!bk_text_check_stored (text, len, kind, &local_error))
    return bk_document_damaged (error, "%s", local_error->message);
  return TRUE;
}

/* The id and name columns of a market, company or scenario row: every
 * TEXT column of the row is a name. */
static gboolean
check_name_columns (sqlite3_stmt  *stmt,
                    GError       **error)
{
  for (int c = 0; c < sqlite3_column_count (stmt); c++)
    if (sqlite3_column_type (stmt, c) == SQLITE_TEXT &&
        !check_text_column ((const char *) sqlite3_column_text (stmt, c), sqlite3_column_bytes (stmt, c),
                            BK_TEXT_NAME, error))
      return FALSE;
  return TRUE;
}

/* A stored text column: TEXT, valid UTF-8, within its bound. */
static gboolean
check_text (const BkDbValue  *val,
            BkTextKind        kind,
            GError          **error)
{
  if (val->type != SQLITE_TEXT || val->s == NULL)
    return bk_document_damaged (error, _("a text column holds another kind of value"));
  return check_text_column (val->s, val->n, kind, error);
}

/* A stored number column: REAL or INTEGER (NULL too when @blank_ok). */
static gboolean
get_number (const BkDbValue  *val,
            gboolean          blank_ok,
            double           *number,
            GError          **error)
{
  switch (val->type)
    {
    case SQLITE_INTEGER: *number = (double) val->i; return TRUE;
    case SQLITE_FLOAT:   *number = val->d; return TRUE;
    case SQLITE_NULL:
      if (blank_ok)
        {
          *number = NAN;
          return TRUE;
        }
      G_GNUC_FALLTHROUGH;
    default:
      return bk_document_damaged (error, _("a number column holds another kind of value"));
    }
}

static gboolean
get_scenario (BkWorkbook       *wb,
              const BkDbValue  *val,
              int              *scenario)
{
  *scenario = val->type == SQLITE_INTEGER ? bk_document_scenario_index (wb, val->i) : -1;
  return *scenario >= 0;
}

void
bk_stored_row_clear (BkStoredRow *row)
{
  g_clear_pointer (&row->formula, bk_formula_free);
  g_clear_pointer (&row->distribution, bk_distribution_free);
}

gboolean
bk_document_check_stored_row (BkWorkbook       *wb,
                              BkJournalTable    table,
                              const BkDbValue  *keys,
                              gboolean          present,
                              const BkDbValue  *values,
                              BkStoredRow      *out,
                              GError          **error)
{
  g_autoptr(GError) local_error = NULL;

  memset (out, 0, sizeof *out);
  out->value = NAN;
  out->company = -1;

  switch (table)
    {
    case BK_JOURNAL_CELLS:
      if (!get_scenario (wb, &keys[0], &out->scenario) ||
          keys[1].type != SQLITE_TEXT || keys[2].type != SQLITE_TEXT || keys[3].type != SQLITE_TEXT ||
          !bk_document_lookup_cell (wb, keys[1].s, keys[2].s, keys[3].s, &out->table, &out->row, &out->period))
        return bk_document_damaged (error, _("a cell of an unknown row, period or scenario"));
      if (!present)
        return TRUE;
      if (!get_number (&values[0], TRUE, &out->value, error))
        return FALSE;
      if (values[1].type != SQLITE_NULL)
        {
          if (!check_text (&values[1], BK_TEXT_FORMULA, error))
            return FALSE;
          if (!(out->formula = bk_formula_compile (values[1].s, out->table, &local_error)) ||
              (out->scenario == BK_SCENARIO_BASE && !bk_formula_check_in_base (out->formula, &local_error)))
            return bk_document_damaged (error, _("a cell holds a bad formula: %s"), local_error->message);
        }
      else if (!isnan (out->value) && !bk_table_check_value (out->table, out->value, &local_error))
        return bk_document_damaged (error, "%s", local_error->message);
      return TRUE;

    case BK_JOURNAL_NOTES:
      if (keys[0].type != SQLITE_TEXT || keys[1].type != SQLITE_TEXT || keys[2].type != SQLITE_TEXT ||
          !bk_document_lookup_cell (wb, keys[0].s, keys[1].s, keys[2].s, &out->table, &out->row, &out->period))
        return bk_document_damaged (error, _("a note on an unknown cell"));
      if (!present)
        return TRUE;
      if (!check_text (&values[0], BK_TEXT_NOTE, error))
        return FALSE;
      out->text = values[0].s;
      return TRUE;

    case BK_JOURNAL_ASSUMPTIONS:
      if (!get_scenario (wb, &keys[0], &out->scenario) || keys[1].type != SQLITE_TEXT ||
          keys[2].type != SQLITE_TEXT || !bk_assumption_from_key (keys[2].s, &out->assumption) ||
          (*keys[1].s != '\0' && (out->company = bk_workbook_find_company (wb, keys[1].s)) < 0))
        return bk_document_damaged (error, _("an unknown or invalid assumption"));
      if (!present)
        return TRUE;
      if (!get_number (&values[0], FALSE, &out->value, error))
        return FALSE;
      if (!bk_assumption_check (out->assumption, out->value, &local_error))
        return bk_document_damaged (error, "%s", local_error->message);
      return TRUE;

    case BK_JOURNAL_DISTRIBUTIONS:
      if (keys[0].type != SQLITE_TEXT || !bk_assumption_from_key (keys[0].s, &out->assumption))
        return bk_document_damaged (error, _("an uncertainty of an unknown driver \"%s\""),
                                    keys[0].type == SQLITE_TEXT && g_utf8_validate (keys[0].s, -1, NULL)
                                    ? keys[0].s : "");
      if (!present)
        return TRUE;
      if (!check_text (&values[0], BK_TEXT_FORMULA, error))
        return FALSE;
      if (!bk_document_parse_distribution (out->assumption, values[0].s, &out->distribution, &local_error))
        return bk_document_damaged (error, _("the uncertainty of %s is bad: %s"), keys[0].s, local_error->message);
      return TRUE;

    case BK_JOURNAL_META:
      if (keys[0].type != SQLITE_TEXT || g_strcmp0 (keys[0].s, "title") != 0)
        return bk_document_damaged (error, _("an unknown meta key"));
      if (!present)
        return TRUE;
      if (!check_text (&values[0], BK_TEXT_TITLE, error))
        return FALSE;
      out->text = values[0].s;
      return TRUE;

    case BK_JOURNAL_MARKETS:
    case BK_JOURNAL_COMPANIES:
    case BK_JOURNAL_SCENARIOS:
    case BK_JOURNAL_N_TABLES:
    default:
      g_return_val_if_reached (FALSE);
    }
}

/* Reads the columns of one row of @table: keys, then values. */
static void
read_row (sqlite3_stmt *stmt,
          guint         n_keys,
          guint         n_values,
          BkDbValue    *keys,
          BkDbValue    *values)
{
  for (guint k = 0; k < n_keys; k++)
    keys[k] = bk_db_value_from_sqlite (sqlite3_column_value (stmt, (int) k));
  for (guint v = 0; v < n_values; v++)
    values[v] = bk_db_value_from_sqlite (sqlite3_column_value (stmt, (int) (n_keys + v)));
}

static void
clear_row (BkDbValue *vals,
           guint      n)
{
  for (guint i = 0; i < n; i++)
    g_clear_pointer (&vals[i].s, g_free);
}

/* Loads every row of cells, notes or assumptions through the one check. */
static gboolean
load_rows (BkDocument      *self,
           BkWorkbook      *wb,
           BkJournalTable   table,
           const char      *sql,
           guint            n_keys,
           guint            n_values,
           GError         **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = bk_document_get_statement (self, sql, error)))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BkDbValue keys[4] = { { 0, }, }, values[3] = { { 0, }, };
      BkStoredRow row;
      gboolean ok;

      read_row (stmt, n_keys, n_values, keys, values);
      ok = bk_document_check_stored_row (wb, table, keys, TRUE, values, &row, error);
      if (ok)
        bk_document_put_stored_row (wb, table, TRUE, &row);
      bk_stored_row_clear (&row);
      clear_row (keys, n_keys);
      clear_row (values, n_values);
      if (!ok)
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return bk_document_sqlite_error (self->db, rc, error);
  return TRUE;
}

void
bk_document_put_stored_row (BkWorkbook     *wb,
                            BkJournalTable  table,
                            gboolean        present,
                            BkStoredRow    *row)
{
  switch (table)
    {
    case BK_JOURNAL_CELLS:
      if (row->scenario == BK_SCENARIO_BASE)
        bk_workbook_put_cell (wb, row->table, row->row, row->period, present ? row->value : NAN,
                              g_steal_pointer (&row->formula));
      else
        bk_workbook_put_override (wb, (guint) row->scenario, row->table, row->row, row->period, present,
                                  present ? row->value : NAN, g_steal_pointer (&row->formula));
      break;
    case BK_JOURNAL_NOTES:
      bk_workbook_put_note (wb, row->table, row->row, row->period, present ? row->text : NULL);
      break;
    case BK_JOURNAL_ASSUMPTIONS:
      bk_workbook_put_assumption (wb, (guint) row->scenario, row->company, row->assumption,
                                  present ? row->value : NAN);
      break;
    case BK_JOURNAL_DISTRIBUTIONS:
      bk_workbook_put_distribution (wb, row->assumption, present ? row->distribution : NULL);
      break;
    case BK_JOURNAL_META:
      bk_workbook_set_title (wb, present ? row->text : "");
      break;
    case BK_JOURNAL_MARKETS:
    case BK_JOURNAL_COMPANIES:
    case BK_JOURNAL_SCENARIOS:
    case BK_JOURNAL_N_TABLES:
    default:
      g_return_if_reached ();
    }
}

BkWorkbook *
bk_document_load_workbook (BkDocument  *self,
                           GError     **error)
{
  g_autoptr(GHashTable) meta = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(BkWorkbook) wb = NULL;
  sqlite3_stmt *stmt;
  BkGranularity granularity;
  gint64 first, periods = 0;
  const char *value;
  int rc;

  if (!(stmt = bk_document_get_statement (self, "SELECT key, value FROM meta", error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (meta, bk_document_dup_column_text (stmt, 0), bk_document_dup_column_text (stmt, 1));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return (bk_document_sqlite_error (self->db, rc, error), NULL);

  value = get_meta (meta, "granularity");
  if (!bk_granularity_from_string (value, &granularity))
    return (bk_document_damaged (error, _("unknown granularity \"%s\""), value ? value : ""), NULL);
  value = get_meta (meta, "first_period");
  if (!bk_period_parse (granularity, value, &first))
    return (bk_document_damaged (error, _("bad first period \"%s\""), value ? value : ""), NULL);
  value = get_meta (meta, "periods");
  if (value == NULL || !g_ascii_string_to_signed (value, 10, 1, 1000, &periods, NULL))
    return (bk_document_damaged (error, _("bad number of periods \"%s\""), value ? value : ""), NULL);

  value = get_meta (meta, "title");
  if (value != NULL && !check_text_column (value, -1, BK_TEXT_TITLE, error))
    return NULL;
  wb = bk_workbook_new (granularity, first, (guint) periods);
  bk_workbook_set_title (wb, value);

  if (!(stmt = bk_document_get_statement (self, "SELECT id, name FROM markets ORDER BY position, id", error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *id = (const char *) sqlite3_column_text (stmt, 0);

      if (!check_name_columns (stmt, error))
        {
          sqlite3_reset (stmt);
          return NULL;
        }
      if (id == NULL || bk_workbook_find_market (wb, id) >= 0)
        {
          sqlite3_reset (stmt);
          return (bk_document_damaged (error, _("duplicate or missing market id")), NULL);
        }
      bk_workbook_add_market (wb, id, (const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return (bk_document_sqlite_error (self->db, rc, error), NULL);

  if (!(stmt = bk_document_get_statement (self, "SELECT id, name, market FROM companies ORDER BY position, id", error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *id = (const char *) sqlite3_column_text (stmt, 0);
      const char *market = (const char *) sqlite3_column_text (stmt, 2);

      if (!check_name_columns (stmt, error))
        {
          sqlite3_reset (stmt);
          return NULL;
        }
      if (id == NULL || bk_workbook_find_company (wb, id) >= 0 || bk_workbook_find_market (wb, market) < 0)
        {
          sqlite3_reset (stmt);
          return (bk_document_damaged (error, _("a company with a duplicate id or an unknown market")), NULL);
        }
      bk_workbook_add_company (wb, id, (const char *) sqlite3_column_text (stmt, 1), market);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return (bk_document_sqlite_error (self->db, rc, error), NULL);

  if (!(stmt = bk_document_get_statement (self, "SELECT id, name FROM scenarios ORDER BY position, id", error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 1);

      if (!check_name_columns (stmt, error))
        {
          sqlite3_reset (stmt);
          return NULL;
        }
      if (name == NULL || bk_workbook_find_scenario (wb, name) >= 0 || sqlite3_column_int64 (stmt, 0) <= 0)
        {
          sqlite3_reset (stmt);
          return (bk_document_damaged (error, _("a scenario with a duplicate name")), NULL);
        }
      bk_workbook_add_scenario (wb, sqlite3_column_int64 (stmt, 0), name);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return (bk_document_sqlite_error (self->db, rc, error), NULL);

  if (!load_rows (self, wb, BK_JOURNAL_CELLS, "SELECT scenario, tbl, row, period, value, formula FROM cells", 4, 2, error) ||
      !load_rows (self, wb, BK_JOURNAL_NOTES, "SELECT tbl, row, period, text FROM notes", 3, 1, error) ||
      !load_rows (self, wb, BK_JOURNAL_ASSUMPTIONS, "SELECT scenario, company, key, value FROM assumptions", 3, 1, error))
    return NULL;
  if (!load_rows (self, wb, BK_JOURNAL_DISTRIBUTIONS, "SELECT key, spec FROM distributions", 1, 1, error))
    return NULL;

  bk_workbook_recompute_all (wb);

  return g_steal_pointer (&wb);
}

gboolean
bk_document_reload (BkDocument  *self,
                    GError     **error)
{
  g_autoptr(BkWorkbook) wb = bk_document_load_workbook (self, error);

  if (wb == NULL)
    return FALSE;
  bk_workbook_take_contents (self->workbook, wb);
  return TRUE;
}

gboolean
bk_document_load_draft_mark (BkDocument  *self,
                             gboolean    *draft,
                             GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = bk_document_get_statement (self, "SELECT value FROM meta WHERE key = ?1", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, BK_DOCUMENT_DRAFT_KEY, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  *draft = rc == SQLITE_ROW && g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "1") == 0;
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return bk_document_sqlite_error (self->db, rc, error);
  return TRUE;
}
