/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-xlsx.c — XLSX export: the file, its sheets and the cell helpers
 *
 * This file owns the export as a whole: it checks that the workbook fits
 * in Excel's sheets, names the sheets after the user's names (at most 31
 * characters, none of []:*?/\ nor the ! that would confuse defined
 * names, an apostrophe inside turned into ’ since Gnumeric misreads the
 * doubled one of a quoted name, unique regardless of case), sets up the
 * number formats, writes through libxlsxwriter into a temporary file in
 * the destination folder and renames it into place, so a failed export
 * leaves nothing behind.  The sheets themselves are written by
 * bk-xlsx-inputs.c (input tables and assumptions), bk-xlsx-model-sheet.c
 * (one model sheet per company), bk-xlsx-results.c and
 * bk-xlsx-cashflow.c; docs/xlsx.md describes the layout. */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "bk-engine.h"
#include "bk-file-write.h"
#include "bk-xlsx.h"
#include "bk-xlsx-private.h"

#define SHEET_NAME_MAX LXW_SHEETNAME_MAX

void
bk_xlsx_track (BkXlsx    *x,
               lxw_error  status)
{
  if (x->status == LXW_NO_ERROR)
    x->status = status;
}

void
bk_xlsx_cell (BkXlsx        *x,
              lxw_worksheet *sheet,
              guint          row,
              guint          col,
              const char    *formula,
              double         value,
              BkXlsxFormat   format)
{
  lxw_format *f = x->formats[format];
  lxw_error status;

  if (formula != NULL && !x->values_only)
    {
      if (isfinite (value))
        status = worksheet_write_formula_num (sheet, row, (lxw_col_t) col, formula, f, value);
      else
        status = worksheet_write_formula_str (sheet, row, (lxw_col_t) col, formula, f, "");
    }
  else if (isfinite (value))
    status = worksheet_write_number (sheet, row, (lxw_col_t) col, value, f);
  else
    status = worksheet_write_blank (sheet, row, (lxw_col_t) col, f);

  bk_xlsx_track (x, status);
}

void
bk_xlsx_text (BkXlsx        *x,
              lxw_worksheet *sheet,
              guint          row,
              guint          col,
              const char    *text,
              BkXlsxFormat   format)
{
  lxw_error status = LXW_NO_ERROR;

  if (text != NULL && text[0] != '\0')
    status = worksheet_write_string (sheet, row, (lxw_col_t) col, text, x->formats[format]);
  bk_xlsx_track (x, status);
}

char *
bk_xlsx_ref (const char *sheet_ref,
             guint       row,
             guint       col,
             gboolean    absolute)
{
  char cell[LXW_MAX_CELL_NAME_LENGTH];

  if (absolute)
    lxw_rowcol_to_cell_abs (cell, row, (lxw_col_t) col, 1, 1);
  else
    lxw_rowcol_to_cell (cell, row, (lxw_col_t) col);

  if (sheet_ref == NULL)
    return g_strdup (cell);
  return g_strdup_printf ("%s!%s", sheet_ref, cell);
}

char *
bk_xlsx_row_range (guint row,
                   guint col,
                   guint n)
{
  g_autofree char *first = bk_xlsx_ref (NULL, row, col, TRUE);
  g_autofree char *last = bk_xlsx_ref (NULL, row, col + MAX (n, 1) - 1, TRUE);

  return g_strdup_printf ("%s:%s", first, last);
}

void
bk_xlsx_period_header (BkXlsx        *x,
                       lxw_worksheet *sheet,
                       guint          row,
                       guint          n_periods,
                       const char    *first,
                       const char    *second)
{
  bk_xlsx_text (x, sheet, row, 0, first, BK_XLSX_FORMAT_HEADER);
  bk_xlsx_text (x, sheet, row, 1, second, BK_XLSX_FORMAT_HEADER);
  for (guint t = 0; t < n_periods; t++)
    {
      g_autofree char *label = bk_workbook_dup_period_label (x->workbook, t);

      bk_xlsx_text (x, sheet, row, BK_XLSX_PERIOD_COL + t, label, BK_XLSX_FORMAT_HEADER);
    }

  worksheet_set_column (sheet, 0, 0, 34, NULL);
  worksheet_set_column (sheet, 1, 1, 16, NULL);
  if (n_periods > 0)
    worksheet_set_column (sheet, BK_XLSX_PERIOD_COL,
                          (lxw_col_t) (BK_XLSX_PERIOD_COL + n_periods - 1), 12, NULL);
  worksheet_freeze_panes (sheet, row + 1, BK_XLSX_PERIOD_COL);
}

/* Sheet names */

static char *
quote_sheet_name (const char *name)
{
  g_autoptr(GString) quoted = g_string_new ("'");

  for (const char *p = name; *p != '\0'; p++)
    {
      if (*p == '\'')
        g_string_append_c (quoted, '\'');
      g_string_append_c (quoted, *p);
    }
  g_string_append_c (quoted, '\'');

  return g_string_free (g_steal_pointer (&quoted), FALSE);
}

/* @name with Excel's forbidden characters replaced, no apostrophe or
 * white space at either end, at most @max characters; @fallback when
 * nothing is left. */
static char *
clean_sheet_name (const char *name,
                  const char *fallback,
                  guint       max)
{
  g_autoptr(GString) clean = g_string_new (NULL);
  g_autofree char *valid = g_utf8_make_valid (name != NULL ? name : "", -1);
  const char *start, *end;
  guint n = 0;

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || (c < 0x80 && strchr ("[]:*?/\\!", (int) c) != NULL))
        c = '_';
      else if (c == '\'' && p != valid)
        c = 0x2019;  /* ’: Gnumeric misreads a quoted name with '' in it */
      g_string_append_unichar (clean, c);
    }

  start = clean->str;
  while (*start == '\'' || g_ascii_isspace (*start))
    start++;
  end = clean->str + clean->len;
  while (end > start && (end[-1] == '\'' || g_ascii_isspace (end[-1])))
    end--;

  {
    g_autoptr(GString) out = g_string_new (NULL);

    for (const char *p = start; p < end && n < max; p = g_utf8_next_char (p), n++)
      g_string_append_unichar (out, g_utf8_get_char (p));
    /* Cut short, it may end in an apostrophe again. */
    while (out->len > 0 && (out->str[out->len - 1] == '\'' || g_ascii_isspace (out->str[out->len - 1])))
      g_string_truncate (out, out->len - 1);

    if (out->len == 0)
      return fallback != NULL ? clean_sheet_name (fallback, NULL, max) : g_strdup ("_");
    return g_string_free (g_steal_pointer (&out), FALSE);
  }
}

/* A name not in @taken (compared without case), which it joins. */
static char *
unique_sheet_name (GHashTable *taken,
                   const char *name,
                   const char *fallback)
{
  for (guint k = 1; ; k++)
    {
      g_autofree char *suffix = k == 1 ? g_strdup ("") : g_strdup_printf (" (%u)", k);
      g_autofree char *base = clean_sheet_name (name, fallback, SHEET_NAME_MAX - (guint) strlen (suffix));
      g_autofree char *candidate = g_strconcat (base, suffix, NULL);
      char *key = g_utf8_casefold (candidate, -1);

      if (!g_hash_table_contains (taken, key))
        {
          g_hash_table_add (taken, key);
          return g_steal_pointer (&candidate);
        }
      g_free (key);
    }
}

static lxw_worksheet *
add_sheet (BkXlsx     *x,
           GHashTable *taken,
           const char *name,
           const char *fallback,
           char      **name_out,
           char      **ref_out)
{
  g_autofree char *unique = unique_sheet_name (taken, name, fallback);
  lxw_worksheet *sheet = workbook_add_worksheet (x->book, unique);

  if (sheet == NULL && x->status == LXW_NO_ERROR)
    x->status = LXW_ERROR_SHEETNAME_ALREADY_USED;
  if (ref_out != NULL)
    *ref_out = quote_sheet_name (unique);
  if (name_out != NULL)
    *name_out = g_steal_pointer (&unique);

  return sheet;
}

/* Formats */

static void
create_formats (BkXlsx *x)
{
  static const char * const number_formats[BK_XLSX_N_FORMATS] = {
    [BK_XLSX_FORMAT_MONEY] = "$#,##0.00\"B\"",
    [BK_XLSX_FORMAT_PERCENT] = "0.0%",
    [BK_XLSX_FORMAT_TOKENS] = "#,##0.0\" T\"",
    [BK_XLSX_FORMAT_MW] = "#,##0.0\" MW\"",
    [BK_XLSX_FORMAT_PRICE] = "$0.0000",
    [BK_XLSX_FORMAT_NUMBER] = "#,##0.00",
    [BK_XLSX_FORMAT_FACTOR] = "0.000000",
    [BK_XLSX_FORMAT_INTEGER] = "0",
    [BK_XLSX_FORMAT_YEARS] = "0.00",
  };

  for (guint k = 0; k < BK_XLSX_N_FORMATS; k++)
    {
      lxw_format *format = workbook_add_format (x->book);

      if (number_formats[k] != NULL)
        format_set_num_format (format, number_formats[k]);
      x->formats[k] = format;
    }

  format_set_bold (x->formats[BK_XLSX_FORMAT_TITLE]);
  format_set_font_size (x->formats[BK_XLSX_FORMAT_TITLE], 14);
  format_set_bold (x->formats[BK_XLSX_FORMAT_HEADER]);
  format_set_bottom (x->formats[BK_XLSX_FORMAT_HEADER], LXW_BORDER_THIN);
  format_set_bg_color (x->formats[BK_XLSX_FORMAT_HEADER], 0xEDEDED);
}

/* Fitting into sheets */

static gboolean
fits (guint64   needed,
      guint     limit,
      gboolean  columns,
      GError  **error)
{
  g_autofree char *text = NULL;

  if (needed <= limit)
    return TRUE;

  text = g_strdup_printf ("%" G_GUINT64_FORMAT, needed);
  if (columns)
    g_set_error (error, BK_ERROR, BK_ERROR_OUT_OF_RANGE,
                 _("The workbook is too large for a spreadsheet: it needs %s columns in a "
                   "sheet, and a sheet has at most %u"), text, limit);
  else
    g_set_error (error, BK_ERROR, BK_ERROR_OUT_OF_RANGE,
                 _("The workbook is too large for a spreadsheet: it needs %s rows in a "
                   "sheet, and a sheet has at most %u"), text, limit);
  return FALSE;
}

static gboolean
check_size (BkXlsx  *x,
            GError **error)
{
  guint n_markets = bk_workbook_get_n_markets (x->workbook);
  guint64 columns = MAX (x->n, x->m) + BK_XLSX_PERIOD_COL;
  guint64 rows = (guint64) MAX (x->n_companies, n_markets) + BK_XLSX_INPUT_ROW;

  /* The Assumptions sheet: columns A–D, then two a company */
  columns = MAX (columns, (guint64) BK_XLSX_OVERRIDE_COL ((guint64) x->n_companies));
  rows = MAX (rows, bk_xlsx_results_n_rows (x->n_companies));

  if (x->n == 0 || x->m == 0)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                   _("The workbook has no periods to export"));
      return FALSE;
    }
  return fits (columns, BK_XLSX_MAX_COLUMNS, TRUE, error)
         && fits (rows, BK_XLSX_MAX_ROWS, FALSE, error);
}

static void
write_sheets (BkXlsx *x)
{
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* Excel reserves this name. */
  g_hash_table_add (taken, g_utf8_casefold ("History", -1));

  create_formats (x);

  x->results_sheet = add_sheet (x, taken, _("Results"), "Results", NULL, NULL);
  x->assumptions_sheet = add_sheet (x, taken, _("Assumptions"), "Assumptions", NULL, &x->assumptions_ref);
  for (guint k = 0; k < BK_N_TABLES; k++)
    x->input_sheets[k] = add_sheet (x, taken, bk_table_get_title (k), bk_table_to_string (k),
                                    NULL, &x->input_refs[k]);

  x->company_sheets = g_new0 (lxw_worksheet *, MAX (x->n_companies, 1));
  x->company_names = g_new0 (char *, x->n_companies + 1);
  x->company_refs = g_new0 (char *, x->n_companies + 1);
  for (guint c = 0; c < x->n_companies; c++)
    x->company_sheets[c] = add_sheet (x, taken,
                                      bk_workbook_get_company_name (x->workbook, c),
                                      bk_workbook_get_company_id (x->workbook, c),
                                      &x->company_names[c], &x->company_refs[c]);

  if (x->status != LXW_NO_ERROR)
    return;

  bk_xlsx_write_inputs (x);
  bk_xlsx_write_assumptions (x);
  for (guint c = 0; c < x->n_companies; c++)
    bk_xlsx_write_model_sheet (x, c);
  bk_xlsx_write_results (x);
}

static void
bk_xlsx_clear (BkXlsx *x)
{
  g_clear_pointer (&x->results, bk_results_unref);
  g_clear_pointer (&x->assumptions_ref, g_free);
  for (guint k = 0; k < BK_N_TABLES; k++)
    g_clear_pointer (&x->input_refs[k], g_free);
  g_clear_pointer (&x->company_sheets, g_free);
  g_clear_pointer (&x->company_names, g_strfreev);
  g_clear_pointer (&x->company_refs, g_strfreev);
}

static gboolean
set_io_error (GError    **error,
              const char *path,
              const char *reason)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, BK_ERROR, BK_ERROR_IO, _("Cannot write “%s”: %s"), name, reason);
  return FALSE;
}

/* A write that failed with @errsv, said as every export says it (the
 * folder, the disk, …: bk_file_set_write_error()), in BK_ERROR_IO */
static gboolean
set_errno_error (GError    **error,
                 const char *path,
                 int         errsv)
{
  g_autoptr(GError) local = NULL;

  bk_file_set_write_error (&local, path, errsv);
  g_set_error_literal (error, BK_ERROR, BK_ERROR_IO, local->message);
  return FALSE;
}

gboolean
bk_xlsx_export (BkWorkbook  *workbook,
                guint        scenario,
                gboolean     values_only,
                const char  *path,
                GError     **error)
{
  BkXlsx x = { 0, };
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_path = NULL;
  g_autofree char *title = NULL;
  lxw_doc_properties properties = { 0, };
  lxw_error status;
  locale_t c_numeric, old_locale;
  int fd, write_errno;

  g_return_val_if_fail (BK_IS_WORKBOOK (workbook), FALSE);
  g_return_val_if_fail (scenario <= bk_workbook_get_n_scenarios (workbook), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  x.workbook = workbook;
  x.scenario = scenario;
  x.values_only = values_only;
  x.results = bk_engine_compute (workbook, scenario);
  x.n = bk_workbook_get_n_periods (workbook);
  x.m = bk_results_get_n_periods (x.results);
  x.delta = bk_granularity_delta (bk_workbook_get_granularity (workbook));
  x.n_companies = bk_workbook_get_n_companies (workbook);

  if (!check_size (&x, error))
    {
      bk_xlsx_clear (&x);
      return FALSE;
    }

  /* A temporary file beside the destination, so the rename is atomic */
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp_path = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      int saved = errno;

      bk_xlsx_clear (&x);
      return set_errno_error (error, path, saved);
    }
  close (fd);

  x.book = workbook_new (tmp_path);
  if (x.book == NULL)
    {
      g_unlink (tmp_path);
      bk_xlsx_clear (&x);
      return set_io_error (error, path, g_strerror (ENOMEM));
    }

  title = g_strdup (bk_workbook_get_title (workbook));
  properties.title = title;
  properties.comments = (char *) "Breakeven " PACKAGE_VERSION;
  workbook_set_properties (x.book, &properties);

  /* libxlsxwriter prints numbers with the C library's printf: in the C
   * locale, or a German user's file would hold 0,5 */
  c_numeric = newlocale (LC_NUMERIC_MASK, "C", duplocale (uselocale ((locale_t) 0)));
  old_locale = uselocale (c_numeric);

  write_sheets (&x);

  /* Writes the file, and frees the book whatever happens */
  status = workbook_close (x.book);
  write_errno = errno;
  x.book = NULL;

  uselocale (old_locale);
  if (c_numeric != (locale_t) 0)
    freelocale (c_numeric);
  bk_xlsx_track (&x, status);
  bk_xlsx_clear (&x);

  if (x.status != LXW_NO_ERROR)
    {
      g_unlink (tmp_path);
      /* libxlsxwriter says only "Zip generic error ZIP_ERRNO" */
      if (write_errno == ENOSPC || write_errno == EFBIG)
        return set_errno_error (error, path, write_errno);
      return set_io_error (error, path, lxw_strerror (x.status));
    }

  if (g_rename (tmp_path, path) != 0)
    {
      int saved = errno;

      g_unlink (tmp_path);
      return set_errno_error (error, path, saved);
    }

  return TRUE;
}
