/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-csv.c — one input table as CSV (FORMATS.md section 4)
 *
 * Writing follows RFC 4180: UTF-8, fields separated by ',', records ending
 * in CRLF, a field quoted when it holds ',', '"', CR or LF, with its quotes
 * doubled.  The header is `id,name,<period labels…>`; values are the base
 * values in the table's canonical unit (US$ billion, trillion tokens a day,
 * share as a fraction 0..1) in the shortest text that reads back as the same
 * double (bk_number_format_shortest()); blank and invalid cells are empty.  A
 * formula cell is written as its value.
 *
 * Reading accepts what spreadsheets write:
 *   - UTF-8, with or without a byte order mark;
 *   - records ending in CRLF, LF or a lone CR, the last one with or without
 *     a line end; empty lines are skipped;
 *   - quoted fields holding ',', line breaks and doubled quotes.  A quote in
 *     an unquoted field, text after a closing quote and a quote that is
 *     never closed are errors.
 * Line numbers in messages are lines of the text, counted from 1: a row's
 * is the line where its record starts, a cell's the line where its field
 * starts (they differ only after a quoted field with a line break).
 * The quoting and the splitting into records are bk-delimited.c's, shared
 * with the grid's clipboard.
 *
 * The header must start with the columns id and name (any case, white space
 * around a field is ignored); every further column is a period label of the
 * workbook, at most once, in any order; the periods not named keep their
 * values.  Every further record is one row: its id must be a row of the
 * table (a company; a market for tokens), at most once; rows not named keep
 * their values.  The name column is not read: CSV import changes values,
 * not names.  Every record has as many fields as the header.
 *
 * Each cell goes through bk_input_parse() in the C locale (so "1.234" is
 * 1.234 whatever the user's locale, and "1,234.5" is 1234.5); scale
 * suffixes, currency signs, formulas and growth shorthand work as in the
 * grid, an empty cell clears the cell, and numbers are checked with
 * bk_table_check_value().  A formula must give a valid value along its row
 * as it will be after the import, as when it is typed.
 *
 * The share table.  The grid takes percent ("47" is 0.47), but CSV holds
 * fractions, as export writes them and as other programs expect of a
 * column of fractions.  So in CSV a plain number in the share table is the
 * fraction itself: "0.47" is 0.47 and "47" is rejected as out of range.
 * A number followed by '%' is a percentage as in the grid: "47%" is 0.47.
 * Formulas are read as in the grid, where no number is implicitly a
 * percentage ("=0.47" is 0.47).
 *
 * The first problem found, reading the text from the top, is reported and
 * nothing changes.  Otherwise the values are handed to
 * bk_document_set_cells() as canonical text that the parser reads back to
 * exactly the same double (for share an exponent shifted by two, "0.47"
 * becomes "0.47e2", which the parser reads as percent).  The rectangle
 * spanning every row and period named is set with one call — one
 * transaction and one undo step — filling the cells the CSV does not name
 * with their current contents.  That is not possible in a scenario for a
 * cell it does not override (writing it would create an override), nor for
 * a formula cell that gives no valid value (the document refuses to take it
 * as typed); then each run of named periods of each named row is one call.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bk-csv.h"
#include "bk-delimited.h"
#include "bk-number.h"
#include "bk-workbook-private.h"

/* ---------------------------------------------------------------------- */
/* Writing                                                                 */

char *
bk_csv_write_table (BkWorkbook *workbook,
                    BkTable     table)
{
  g_autoptr(GPtrArray) cells = NULL;
  guint n_periods;
  guint n_rows;

  g_return_val_if_fail (BK_IS_WORKBOOK (workbook), NULL);
  g_return_val_if_fail (table < BK_N_TABLES, NULL);

  n_periods = bk_workbook_get_n_periods (workbook);
  n_rows = bk_workbook_get_n_rows (workbook, table);
  cells = g_ptr_array_new_full ((n_rows + 1) * (n_periods + 2), g_free);

  g_ptr_array_add (cells, g_strdup ("id"));
  g_ptr_array_add (cells, g_strdup ("name"));
  for (guint p = 0; p < n_periods; p++)
    g_ptr_array_add (cells, bk_workbook_dup_period_label (workbook, p));

  for (guint r = 0; r < n_rows; r++)
    {
      const double *values = bk_workbook_get_row_values (workbook, table, r);

      g_ptr_array_add (cells, g_strdup (bk_workbook_get_row_id (workbook, table, r)));
      g_ptr_array_add (cells, g_strdup (bk_workbook_get_row_name (workbook, table, r)));

      for (guint p = 0; p < n_periods; p++)
        {
          char buf[BK_NUMBER_BUF_SIZE] = "";

          if (isfinite (values[p]))
            bk_number_format_shortest (buf, values[p]);
          g_ptr_array_add (cells, g_strdup (buf));
        }
    }

  return bk_delimited_write (BK_DELIMITED_CSV, (const char * const *) cells->pdata,
                             n_rows + 1, n_periods + 2);
}

/* ---------------------------------------------------------------------- */
/* Reading: cells                                                          */

static char *
strip_field (const char *text)
{
  return g_strstrip (g_strdup (text));
}

/* Text that bk_input_parse() reads back as exactly @value in @table. */
static char *
canonical_text (BkTable table,
                double  value)
{
  char buf[BK_NUMBER_BUF_SIZE];
  const char *e;

  bk_number_format_shortest (buf, value);

  if (table != BK_TABLE_SHARE)
    return g_strdup (buf);

  /* The parser reads a share as percent: multiply the decimal text by 100
   * by raising its exponent, so that no rounding happens. */
  e = strchr (buf, 'e');
  if (e == NULL)
    return g_strconcat (buf, "e2", NULL);

  return g_strdup_printf ("%.*se%d", (int) (e - buf), buf, atoi (e + 1) + 2);
}

/* The text of a cell as bk_document_set_cells() should receive it, or NULL
 * when the CSV text is not acceptable. */
static char *
convert_cell (BkTable               table,
              const char           *text,
              const BkNumberLocale *locale,
              GError              **error)
{
  BkInput input;
  double value;
  char *result;

  if (!bk_input_parse (text, table, locale, &input, error))
    return NULL;

  switch (input.kind)
    {
    case BK_INPUT_BLANK:
      return g_strdup ("");

    case BK_INPUT_FORMULA:
      result = g_steal_pointer (&input.formula);
      bk_input_clear (&input);
      return result;

    case BK_INPUT_NUMBER:
    default:
      value = input.value;
      bk_input_clear (&input);
      break;
    }

  if (table == BK_TABLE_SHARE && strchr (text, '%') == NULL)
    {
      BkInput plain;

      /* A fraction.  The share table accepted the text, so it is a signed
       * number without a currency, a suffix or '%', which the tokens table
       * reads unscaled. */
      if (!bk_input_parse (text, BK_TABLE_TOKENS, locale, &plain, error))
        return NULL;
      g_assert (plain.kind == BK_INPUT_NUMBER);
      value = plain.value;
      bk_input_clear (&plain);
    }

  if (!bk_table_check_value (table, value, error))
    return NULL;

  return canonical_text (table, value);
}

/* The current contents of a cell as text for bk_document_set_cells(), or
 * NULL when writing it back would change something or fail: a cell the
 * scenario does not override, or a formula that gives no valid value
 * (@invalid: after the import), which bk_document_set_cells() refuses to
 * take as typed. */
static char *
current_cell_text (BkWorkbook *workbook,
                   guint       scenario,
                   BkTable     table,
                   guint       row,
                   guint       period,
                   gboolean    invalid)
{
  BkCell cell;

  bk_workbook_get_cell (workbook, scenario, table, row, period, &cell);

  if (scenario != BK_SCENARIO_BASE && !(cell.flags & BK_CELL_OVERRIDDEN))
    return NULL;

  if (cell.formula != NULL)
    return invalid ? NULL : g_strdup (cell.formula);

  if (!isfinite (cell.value))
    return g_strdup ("");

  return canonical_text (table, cell.value);
}

/* Evaluates the formulas of one row as it will be after the import, with
 * @texts (n_periods, NULL where the CSV names no cell) in place, like
 * bk_document_set_cells() does.  A formula the CSV brings that gives no
 * valid value is an error at its field; @invalid (n_periods) tells which
 * cells will be invalid. */
static gboolean
check_row_formulas (BkWorkbook              *workbook,
                    guint                    scenario,
                    BkTable                  table,
                    guint                    row,
                    char * const            *texts,
                    const BkNumberLocale    *locale,
                    const BkDelimitedRecord *record,
                    const int               *column_period,
                    gboolean                *invalid,
                    GError                 **error)
{
  guint n = bk_workbook_get_n_periods (workbook);
  g_autoptr(GPtrArray) compiled = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_formula_free);
  g_autofree double *values = g_new (double, n);
  g_autofree double *out = g_new (double, n);
  g_autofree BkFormula **formulas = g_new0 (BkFormula *, n);
  /* sparse (NULL where a period has no error): not a GStrv */
  g_autoptr(GPtrArray) error_texts = g_ptr_array_new_full (n, g_free);
  char **errors;
  gboolean any_formula = FALSE;

  g_ptr_array_set_size (error_texts, (gint) n);
  errors = (char **) error_texts->pdata;

  for (guint p = 0; p < n; p++)
    {
      const char *formula = NULL;

      values[p] = NAN;

      if (texts[p] != NULL)
        {
          BkInput input;

          if (texts[p][0] == '=')
            formula = texts[p];
          else if (bk_input_parse (texts[p], table, locale, &input, NULL))
            {
              if (input.kind == BK_INPUT_NUMBER)
                values[p] = input.value;
              bk_input_clear (&input);
            }
        }
      else
        {
          BkCell cell;

          bk_workbook_get_cell (workbook, scenario, table, row, p, &cell);
          formula = cell.formula;
          if (formula == NULL)
            values[p] = cell.value;
        }

      if (formula != NULL)
        {
          formulas[p] = bk_formula_compile (formula, table, NULL);
          if (formulas[p] != NULL)
            {
              g_ptr_array_add (compiled, formulas[p]);
              any_formula = TRUE;
            }
        }
    }

  if (!any_formula)
    {
      memset (invalid, 0, n * sizeof (gboolean));
      return TRUE;
    }

  bk_row_evaluate_with_base (table, n, values, formulas,
                             scenario != BK_SCENARIO_BASE ? bk_workbook_get_row_values (workbook, table, row) : NULL,
                             out, errors);

  for (guint p = 0; p < n; p++)
    invalid[p] = errors[p] != NULL;

  for (guint c = 2; c < record->fields->len; c++)
    {
      guint p = (guint) column_period[c];
      g_autoptr(GError) local_error = NULL;

      if (scenario == BK_SCENARIO_BASE && texts[p] != NULL && formulas[p] != NULL &&
          !bk_formula_check_in_base (formulas[p], &local_error))
        {
          g_autofree char *label = bk_workbook_dup_period_label (workbook, p);

          g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                      _("line %u, column %s: "),
                                      g_array_index (record->lines, guint, c), label);
          return FALSE;
        }

      if (texts[p] != NULL && formulas[p] != NULL && errors[p] != NULL)
        {
          g_autofree char *label = bk_workbook_dup_period_label (workbook, p);

          g_set_error (error, BK_ERROR, BK_ERROR_FORMULA,
                       _("line %u, column %s: %s: %s"),
                       g_array_index (record->lines, guint, c), label,
                       bk_formula_get_text (formulas[p]), errors[p]);
          return FALSE;
        }
    }

  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Reading: the table                                                      */

static gboolean
header_starts_with_id_name (BkDelimitedRecord *header)
{
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;

  if (header->fields->len < 2)
    return FALSE;

  id = strip_field (header->fields->pdata[0]);
  name = strip_field (header->fields->pdata[1]);

  return g_ascii_strcasecmp (id, "id") == 0 && g_ascii_strcasecmp (name, "name") == 0;
}

gboolean
bk_csv_import_table (BkDocument  *document,
                     guint        scenario,
                     BkTable      table,
                     const char  *data,
                     gssize       length,
                     GError     **error)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autofree int *column_period = NULL;
  g_autofree guint *row_line = NULL;
  g_autofree gboolean *period_used = NULL;
  g_autoptr(GPtrArray) cells = NULL;
  g_autofree gboolean *invalid = NULL;
  BkNumberLocale c_locale;
  BkWorkbook *workbook;
  const char *valid_end;
  BkDelimitedRecord *header;
  guint n_periods;
  guint n_rows;
  guint n_columns;
  guint first_row = G_MAXUINT, last_row = 0;
  guint first_period = G_MAXUINT, last_period = 0;
  gboolean fillable = TRUE;

  g_return_val_if_fail (BK_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (table < BK_N_TABLES, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  workbook = bk_document_get_workbook (document);

  if (scenario > bk_workbook_get_n_scenarios (workbook))
    {
      g_set_error (error, BK_ERROR, BK_ERROR_NOT_FOUND,
                   _("There is no scenario %u in this workbook"), scenario);
      return FALSE;
    }

  if (data == NULL)
    data = "";
  if (length < 0)
    length = (gssize) strlen (data);

  /* g_utf8_validate() also refuses NUL bytes within @length. */
  if (!g_utf8_validate (data, length, &valid_end))
    {
      guint line = 1;

      for (const char *p = data; p < valid_end; p++)
        if (*p == '\n' || (*p == '\r' && (p + 1 >= valid_end || p[1] != '\n')))
          line++;

      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                   _("line %u: the text is not valid UTF-8; save the CSV as UTF-8"),
                   line);
      return FALSE;
    }

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  records = bk_delimited_parse (BK_DELIMITED_CSV, data, length, error);
  if (records == NULL)
    return FALSE;

  if (records->len == 0)
    {
      g_set_error_literal (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                           _("line 1: the CSV is empty; it needs a header id,name followed by period labels"));
      return FALSE;
    }

  /* The header */
  n_periods = bk_workbook_get_n_periods (workbook);
  n_rows = bk_workbook_get_n_rows (workbook, table);
  header = records->pdata[0];
  n_columns = header->fields->len;

  if (!header_starts_with_id_name (header))
    {
      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                   _("line %u: the header must start with the columns id,name followed by period labels"),
                   header->line);
      return FALSE;
    }

  column_period = g_new0 (int, n_columns);
  period_used = g_new0 (gboolean, MAX (n_periods, 1));

  for (guint c = 2; c < n_columns; c++)
    {
      g_autofree char *label = strip_field (header->fields->pdata[c]);
      g_autofree char *upper = g_ascii_strup (label, -1);
      int period = bk_workbook_find_period (workbook, upper);

      if (period < 0)
        {
          g_set_error (error, BK_ERROR, BK_ERROR_NOT_FOUND,
                       _("line %u, column \"%s\": not a period of this workbook"),
                       g_array_index (header->lines, guint, c), label);
          return FALSE;
        }

      if (period_used[period])
        {
          g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                       _("line %u, column \"%s\": the period appears twice in the header"),
                       g_array_index (header->lines, guint, c), label);
          return FALSE;
        }

      period_used[period] = TRUE;
      column_period[c] = period;
      first_period = MIN (first_period, (guint) period);
      last_period = MAX (last_period, (guint) period);
    }

  /* The rows, checked and converted before anything changes.  @cells holds
   * the text for every cell of the table, NULL where the CSV names none. */
  row_line = g_new0 (guint, MAX (n_rows, 1));
  cells = g_ptr_array_new_full (n_rows * n_periods, g_free);
  g_ptr_array_set_size (cells, (int) (n_rows * n_periods));
  invalid = g_new0 (gboolean, MAX (n_rows * n_periods, 1));

  bk_number_locale_init_c (&c_locale);

  for (guint i = 1; i < records->len; i++)
    {
      BkDelimitedRecord *record = records->pdata[i];
      g_autofree char *id = NULL;
      int row;

      if (record->fields->len != n_columns)
        {
          g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                       _("line %u: %u fields where the header has %u; every row needs one field per column"),
                       record->line, record->fields->len, n_columns);
          return FALSE;
        }

      id = strip_field (record->fields->pdata[0]);
      row = bk_workbook_find_row (workbook, table, id);
      if (row < 0)
        {
          if (bk_table_rows_are_markets (table))
            g_set_error (error, BK_ERROR, BK_ERROR_NOT_FOUND,
                         _("line %u: unknown market \"%s\""), record->line, id);
          else
            g_set_error (error, BK_ERROR, BK_ERROR_NOT_FOUND,
                         _("line %u: unknown company \"%s\""), record->line, id);
          return FALSE;
        }

      if (row_line[row] != 0)
        {
          if (bk_table_rows_are_markets (table))
            g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                         _("line %u: market \"%s\" appears twice (first on line %u)"),
                         record->line, id, row_line[row]);
          else
            g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                         _("line %u: company \"%s\" appears twice (first on line %u)"),
                         record->line, id, row_line[row]);
          return FALSE;
        }
      row_line[row] = record->line;

      for (guint c = 2; c < n_columns; c++)
        {
          g_autoptr(GError) local_error = NULL;
          char *text = convert_cell (table, record->fields->pdata[c], &c_locale, &local_error);

          if (text == NULL)
            {
              g_autofree char *label = bk_workbook_dup_period_label (workbook, (guint) column_period[c]);

              g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                          /* Translators: "line 4, column 2025: " */
                                          _("line %u, column %s: "),
                                          g_array_index (record->lines, guint, c), label);
              return FALSE;
            }

          cells->pdata[(guint) row * n_periods + (guint) column_period[c]] = text;
        }

      if (!check_row_formulas (workbook, scenario, table, (guint) row,
                               (char * const *) &cells->pdata[(guint) row * n_periods],
                               &c_locale, record, column_period,
                               &invalid[(guint) row * n_periods], error))
        return FALSE;

      first_row = MIN (first_row, (guint) row);
      last_row = MAX (last_row, (guint) row);
    }

  /* Nothing named: nothing to do. */
  if (first_row > last_row || first_period > last_period)
    return TRUE;

  /* Fill the gaps of the rectangle with what the cells hold now. */
  for (guint r = first_row; r <= last_row && fillable; r++)
    for (guint p = first_period; p <= last_period && fillable; p++)
      {
        guint k = r * n_periods + p;

        if (cells->pdata[k] == NULL)
          {
            BkCell cell;
            gboolean cell_invalid;

            /* Rows the CSV does not name keep their formulas' state. */
            bk_workbook_get_cell (workbook, scenario, table, r, p, &cell);
            cell_invalid = row_line[r] != 0 ? invalid[k] : (cell.flags & BK_CELL_INVALID) != 0;
            cells->pdata[k] = current_cell_text (workbook, scenario, table, r, p, cell_invalid);
            fillable = cells->pdata[k] != NULL;
          }
      }

  if (fillable)
    {
      guint block_rows = last_row - first_row + 1;
      guint block_periods = last_period - first_period + 1;
      g_autofree const char **texts = g_new (const char *, block_rows * block_periods);

      for (guint r = 0; r < block_rows; r++)
        for (guint p = 0; p < block_periods; p++)
          texts[r * block_periods + p] = cells->pdata[(first_row + r) * n_periods + first_period + p];

      return bk_document_set_cells (document, scenario, table,
                                    first_row, first_period,
                                    block_rows, block_periods,
                                    texts, &c_locale, error);
    }

  /* Gaps that cannot be written back: one call per run of named periods of
   * each named row.  Only the cells the CSV names are written,
   * so drop what the filling above added. */
  for (guint r = first_row; r <= last_row; r++)
    for (guint p = first_period; p <= last_period; p++)
      if (!period_used[p] || row_line[r] == 0)
        g_clear_pointer (&cells->pdata[r * n_periods + p], g_free);

  for (guint r = first_row; r <= last_row; r++)
    {
      guint p = first_period;

      if (row_line[r] == 0)
        continue;

      while (p <= last_period)
        {
          guint run = 0;

          while (p + run <= last_period && period_used[p + run])
            run++;

          if (run > 0
              && !bk_document_set_cells (document, scenario, table, r, p, 1, run,
                                         (const char * const *) &cells->pdata[r * n_periods + p],
                                         &c_locale, error))
            return FALSE;

          p += run + 1;
        }
    }

  return TRUE;
}
