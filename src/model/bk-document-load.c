/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-document-load.c — reading a document's file into a workbook: the meta
 * rows, markets, companies, scenarios, cells, notes and assumptions, each
 * checked as it is read, so a damaged or hand-edited file is refused with
 * the reason instead of being half loaded. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "bk-document-private.h"

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

  wb = bk_workbook_new (granularity, first, (guint) periods);
  bk_workbook_set_title (wb, get_meta (meta, "title"));

  if (!(stmt = bk_document_get_statement (self, "SELECT id, name FROM markets ORDER BY position, id", error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *id = (const char *) sqlite3_column_text (stmt, 0);

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

  if (!(stmt = bk_document_get_statement (self, "SELECT scenario, tbl, row, period, value, formula FROM cells", error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GError) local_error = NULL;
      BkFormula *formula = NULL;
      const char *formula_text = (const char *) sqlite3_column_text (stmt, 5);
      int scenario = bk_document_scenario_index (wb, sqlite3_column_int64 (stmt, 0));
      double number = sqlite3_column_type (stmt, 4) == SQLITE_NULL ? NAN : sqlite3_column_double (stmt, 4);
      BkTable table;
      guint row, period;

      if (scenario < 0 ||
          !bk_document_lookup_cell (wb, (const char *) sqlite3_column_text (stmt, 1),
                                    (const char *) sqlite3_column_text (stmt, 2),
                                    (const char *) sqlite3_column_text (stmt, 3), &table, &row, &period))
        {
          sqlite3_reset (stmt);
          return (bk_document_damaged (error, _("a cell of an unknown row, period or scenario")), NULL);
        }

      if (formula_text != NULL &&
          !(formula = bk_formula_compile (formula_text, table, &local_error)))
        {
          sqlite3_reset (stmt);
          return (bk_document_damaged (error, _("a cell holds a bad formula: %s"), local_error->message), NULL);
        }
      if (formula != NULL && scenario == BK_SCENARIO_BASE && !bk_formula_check_in_base (formula, &local_error))
        {
          bk_formula_free (formula);
          sqlite3_reset (stmt);
          return (bk_document_damaged (error, _("a cell holds a bad formula: %s"), local_error->message), NULL);
        }
      if (formula == NULL && !isnan (number) && !bk_table_check_value (table, number, &local_error))
        {
          sqlite3_reset (stmt);
          return (bk_document_damaged (error, "%s", local_error->message), NULL);
        }

      if (scenario == BK_SCENARIO_BASE)
        bk_workbook_put_cell (wb, table, row, period, number, formula);
      else
        bk_workbook_put_override (wb, (guint) scenario, table, row, period, TRUE, number, formula);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return (bk_document_sqlite_error (self->db, rc, error), NULL);

  if (!(stmt = bk_document_get_statement (self, "SELECT tbl, row, period, text FROM notes", error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BkTable table;
      guint row, period;

      if (!bk_document_lookup_cell (wb, (const char *) sqlite3_column_text (stmt, 0),
                                    (const char *) sqlite3_column_text (stmt, 1),
                                    (const char *) sqlite3_column_text (stmt, 2), &table, &row, &period))
        {
          sqlite3_reset (stmt);
          return (bk_document_damaged (error, _("a note on an unknown cell")), NULL);
        }
      bk_workbook_put_note (wb, table, row, period, (const char *) sqlite3_column_text (stmt, 3));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return (bk_document_sqlite_error (self->db, rc, error), NULL);

  if (!(stmt = bk_document_get_statement (self, "SELECT scenario, company, key, value FROM assumptions", error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GError) local_error = NULL;
      int scenario = bk_document_scenario_index (wb, sqlite3_column_int64 (stmt, 0));
      const char *company_id = (const char *) sqlite3_column_text (stmt, 1);
      int company = (company_id == NULL || *company_id == '\0') ? -1 : bk_workbook_find_company (wb, company_id);
      BkAssumption assumption;
      double number = sqlite3_column_double (stmt, 3);

      if (scenario < 0 || (company < 0 && company_id != NULL && *company_id != '\0') ||
          !bk_assumption_from_key ((const char *) sqlite3_column_text (stmt, 2), &assumption) ||
          !bk_assumption_check (assumption, number, &local_error))
        {
          sqlite3_reset (stmt);
          return (bk_document_damaged (error, _("an unknown or invalid assumption")), NULL);
        }
      bk_workbook_put_assumption (wb, (guint) scenario, company, assumption, number);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return (bk_document_sqlite_error (self->db, rc, error), NULL);

  if (!(stmt = bk_document_get_statement (self, "SELECT key, spec FROM distributions", error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(BkDistribution) distribution = NULL;
      g_autofree char *key = bk_document_dup_column_text (stmt, 0);
      const char *spec = (const char *) sqlite3_column_text (stmt, 1);
      BkAssumption assumption;

      if (!bk_assumption_from_key (key, &assumption))
        {
          sqlite3_reset (stmt);
          return (bk_document_damaged (error, _("an uncertainty of an unknown driver \"%s\""), key ? key : ""), NULL);
        }
      if (!bk_document_parse_distribution (assumption, spec, &distribution, &local_error))
        {
          sqlite3_reset (stmt);
          return (bk_document_damaged (error, _("the uncertainty of %s is bad: %s"), key, local_error->message), NULL);
        }
      bk_workbook_put_distribution (wb, assumption, distribution);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return (bk_document_sqlite_error (self->db, rc, error), NULL);

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
