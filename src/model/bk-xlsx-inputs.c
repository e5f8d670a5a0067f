/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-xlsx-inputs.c — XLSX export: the four input tables and the
 * Assumptions sheet with the defined names of the drivers
 *
 * Input cells are the scenario's effective cells: a cell formula such as
 * =prev*1.3 becomes the same Excel formula on the cell to its left
 * (=C5*1.3), its numbers converted into the table's unit (=prev+5B in
 * capex becomes =C5+5); a cell whose formula cannot be evaluated is
 * blank, as the engine sees it.  Notes, scenario overrides and formula
 * errors are cell comments.
 *
 * On the Assumptions sheet each driver has the workbook-level value of
 * the scenario, and per company the override that applies to it (blank
 * when none) and the effective value, =IF(ISBLANK(override), workbook,
 * override).  Below them the derived values (period length, lag and lives
 * in periods, the rate per period).  Every value is a defined name:
 * global ones (price_per_mtok) point at the workbook column, and each
 * company sheet has local ones that point at its effective column, so a
 * formula on a company sheet reads like MODEL.md. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "bk-formula.h"
#include "bk-input.h"
#include "bk-xlsx-private.h"

#define COMMENT_MAX 32767

/* A number token of a normalised cell formula, in the table's unit */
static char *
number_in_unit (const char *token,
                BkTable     table)
{
  g_autofree char *text = g_strconcat ("=", token, NULL);
  g_autoptr(BkFormula) formula = bk_formula_compile (text, table, NULL);
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  double value;

  if (formula == NULL || !bk_formula_eval (formula, 0, &value, NULL))
    return g_strdup (token);

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.17g", value));
}

/* A normalised cell formula (bk-formula.c) as an Excel formula: `prev` is
 * the cell to the left, numbers with a scale suffix are converted, and the
 * operators mean the same in both with the same precedence. */
static char *
excel_formula (const char *formula,
               BkTable     table,
               const char *prev_ref)
{
  g_autoptr(GString) out = g_string_new ("=");
  const char *p = formula[0] == '=' ? formula + 1 : formula;

  while (*p != '\0')
    {
      if (g_str_has_prefix (p, "prev"))
        {
          g_string_append (out, prev_ref);
          p += 4;
        }
      else if (g_ascii_isdigit (*p) || *p == '.')
        {
          const char *start = p;
          g_autofree char *token = NULL;
          g_autofree char *number = NULL;

          while (g_ascii_isdigit (*p) || *p == '.')
            p++;
          if ((*p == 'e' || *p == 'E') &&
              (g_ascii_isdigit (p[1]) || ((p[1] == '+' || p[1] == '-') && g_ascii_isdigit (p[2]))))
            {
              p += 2;
              while (g_ascii_isdigit (*p))
                p++;
            }
          while (g_ascii_isalpha (*p))
            p++;

          token = g_strndup (start, (gsize) (p - start));
          number = number_in_unit (token, table);
          g_string_append (out, number);
        }
      else
        {
          g_string_append_c (out, *p);
          p++;
        }
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static BkXlsxFormat
table_format (BkTable table)
{
  switch (table)
    {
    case BK_TABLE_SHARE:  return BK_XLSX_FORMAT_PERCENT;
    case BK_TABLE_TOKENS: return BK_XLSX_FORMAT_TOKENS;
    case BK_TABLE_CAPEX:
    case BK_TABLE_BACKLOG:
    case BK_N_TABLES:
    default:              return BK_XLSX_FORMAT_MONEY;
    }
}

static void
write_input_cell (BkXlsx        *x,
                  lxw_worksheet *sheet,
                  BkTable        table,
                  guint          row,
                  guint          period)
{
  BkCell cell;
  guint r = BK_XLSX_INPUT_ROW + row, col = BK_XLSX_PERIOD_COL + period;
  g_autoptr(GString) comment = g_string_new (NULL);

  bk_workbook_get_cell (x->workbook, x->scenario, table, row, period, &cell);

  if (cell.note != NULL)
    g_string_append (comment, cell.note);
  if (cell.flags & BK_CELL_OVERRIDDEN)
    {
      if (comment->len > 0)
        g_string_append_c (comment, '\n');
      g_string_append_printf (comment, _("Set by the scenario “%s”"),
                              bk_workbook_get_scenario_name (x->workbook, x->scenario));
    }

  if (cell.flags & BK_CELL_INVALID)
    {
      /* Blank, as the engine sees it, with the reason */
      if (comment->len > 0)
        g_string_append_c (comment, '\n');
      g_string_append_printf (comment, _("%s cannot be used: %s"),
                              cell.formula != NULL ? cell.formula : "", cell.error);
      bk_xlsx_cell (x, sheet, r, col, NULL, NAN, table_format (table));
    }
  else if (cell.formula != NULL && period > 0 && strstr (cell.formula, "base") == NULL)
    {
      g_autofree char *prev = bk_xlsx_ref (NULL, r, col - 1, FALSE);
      g_autofree char *formula = excel_formula (cell.formula, table, prev);

      bk_xlsx_cell (x, sheet, r, col, formula, cell.value, table_format (table));
    }
  else if (!(cell.flags & BK_CELL_BLANK))
    bk_xlsx_cell (x, sheet, r, col, NULL, cell.value, table_format (table));

  if (comment->len > 0)
    {
      /* Excel keeps at most 32,767 characters of a comment */
      if (g_utf8_strlen (comment->str, -1) > COMMENT_MAX)
        {
          const char *end = g_utf8_offset_to_pointer (comment->str, COMMENT_MAX - 1);

          g_string_truncate (comment, (gsize) (end - comment->str));
          g_string_append (comment, "…");
        }
      bk_xlsx_track (x, worksheet_write_comment (sheet, r, (lxw_col_t) col, comment->str));
    }
}

static void
write_input_sheet (BkXlsx  *x,
                   BkTable  table)
{
  lxw_worksheet *sheet = x->input_sheets[table];
  g_autofree char *title = NULL;
  guint n_rows = bk_workbook_get_n_rows (x->workbook, table);

  /* Translators: an input table's title, its unit and the scenario, as
   * the first line of its sheet in an exported XLSX file */
  title = g_strdup_printf (_("%s (%s), scenario “%s”"),
                           bk_table_get_title (table), bk_table_get_unit (table),
                           bk_workbook_get_scenario_name (x->workbook, x->scenario));
  bk_xlsx_text (x, sheet, BK_XLSX_TITLE_ROW, 0, title, BK_XLSX_FORMAT_TITLE);
  bk_xlsx_period_header (x, sheet, BK_XLSX_HEADER_ROW, x->n, _("ID"), _("Name"));

  for (guint row = 0; row < n_rows; row++)
    {
      bk_xlsx_text (x, sheet, BK_XLSX_INPUT_ROW + row, 0,
                    bk_workbook_get_row_id (x->workbook, table, row), BK_XLSX_FORMAT_TEXT);
      bk_xlsx_text (x, sheet, BK_XLSX_INPUT_ROW + row, 1,
                    bk_workbook_get_row_name (x->workbook, table, row), BK_XLSX_FORMAT_TEXT);
      for (guint t = 0; t < x->n; t++)
        write_input_cell (x, sheet, table, row, t);
    }
}

void
bk_xlsx_write_inputs (BkXlsx *x)
{
  for (guint k = 0; k < BK_N_TABLES; k++)
    write_input_sheet (x, k);
}

/* Assumptions */

static BkXlsxFormat
assumption_format (BkAssumption a)
{
  switch (bk_assumption_get_kind (a))
    {
    case BK_ASSUMPTION_KIND_FRACTION:      return BK_XLSX_FORMAT_PERCENT;
    case BK_ASSUMPTION_KIND_YEARS:         return BK_XLSX_FORMAT_YEARS;
    case BK_ASSUMPTION_KIND_INTEGER_YEARS: return BK_XLSX_FORMAT_INTEGER;
    case BK_ASSUMPTION_KIND_NUMBER:
    default:                               return BK_XLSX_FORMAT_NUMBER;
    }
}

/* The value set for @company above the workbook level in the scenario,
 * NAN when none: later wins, so a scenario's workbook-level value hides
 * the base's company override. */
static double
company_override (BkXlsx       *x,
                  guint         company,
                  BkAssumption  a)
{
  BkWorkbook *wb = x->workbook;
  double value;

  if (bk_assumption_is_workbook_only (a))
    return NAN;
  if (x->scenario != BK_SCENARIO_BASE)
    {
      value = bk_workbook_get_assumption_layer (wb, x->scenario, (int) company, a);
      if (!isnan (value))
        return value;
      if (!isnan (bk_workbook_get_assumption_layer (wb, x->scenario, -1, a)))
        return NAN;
    }

  return bk_workbook_get_assumption_layer (wb, BK_SCENARIO_BASE, (int) company, a);
}

static const char *
derived_key (BkXlsxDerived d)
{
  static const char * const keys[BK_XLSX_N_DERIVED] = {
    "period_years", "lag_periods", "it_life_periods", "facility_life_periods",
    "period_rate", "seconds_per_period",
  };

  return keys[d];
}

static const char *
derived_title (BkXlsxDerived d)
{
  switch (d)
    {
    case BK_XLSX_DERIVED_PERIOD_YEARS:          return _("Period length (Δ)");
    case BK_XLSX_DERIVED_LAG_PERIODS:           return _("Online lag in periods (L)");
    case BK_XLSX_DERIVED_IT_LIFE_PERIODS:       return _("IT life in periods (n_it)");
    case BK_XLSX_DERIVED_FACILITY_LIFE_PERIODS: return _("Facility life in periods (n_fac)");
    case BK_XLSX_DERIVED_PERIOD_RATE:           return _("Discount rate per period (r_p)");
    case BK_XLSX_DERIVED_SECONDS_PER_PERIOD:    return _("Seconds per period (S)");
    case BK_XLSX_N_DERIVED:
    default:
      g_return_val_if_reached (NULL);
    }
}

static const char *
derived_unit (BkXlsxDerived d)
{
  switch (d)
    {
    case BK_XLSX_DERIVED_PERIOD_YEARS:       return _("years");
    case BK_XLSX_DERIVED_PERIOD_RATE:        return "%";
    case BK_XLSX_DERIVED_SECONDS_PER_PERIOD: return _("seconds");
    case BK_XLSX_DERIVED_LAG_PERIODS:
    case BK_XLSX_DERIVED_IT_LIFE_PERIODS:
    case BK_XLSX_DERIVED_FACILITY_LIFE_PERIODS:
    case BK_XLSX_N_DERIVED:
    default:                                 return _("periods");
    }
}

/* A derived value computed from the drivers in column @col (the same
 * formula and value in the workbook column and each company's). */
static void
write_derived (BkXlsx        *x,
               BkXlsxDerived  d,
               guint          col,
               const double  *a)
{
  lxw_worksheet *sheet = x->assumptions_sheet;
  guint row = BK_XLSX_DERIVED_ROW + d;
  g_autofree char *formula = NULL;
  g_autofree char *source = NULL;
  double value;

#define DRIVER_REF(assumption) bk_xlsx_ref (NULL, BK_XLSX_ASSUMPTION_ROW + (assumption), col, FALSE)
  switch (d)
    {
    case BK_XLSX_DERIVED_PERIOD_YEARS:
      value = x->delta;
      if (col != BK_XLSX_WORKBOOK_COL)
        {
          g_autofree char *ref = bk_xlsx_ref (NULL, row, BK_XLSX_WORKBOOK_COL, TRUE);

          formula = g_strconcat ("=", ref, NULL);
        }
      bk_xlsx_cell (x, sheet, row, col, formula, value, BK_XLSX_FORMAT_NUMBER);
      return;
    case BK_XLSX_DERIVED_LAG_PERIODS:
      source = DRIVER_REF (BK_ASSUMPTION_ONLINE_LAG_YEARS);
      value = round (a[BK_ASSUMPTION_ONLINE_LAG_YEARS] / x->delta);
      formula = g_strdup_printf ("=ROUND(%s/period_years,0)", source);
      break;
    case BK_XLSX_DERIVED_IT_LIFE_PERIODS:
      source = DRIVER_REF (BK_ASSUMPTION_IT_LIFE_YEARS);
      value = MAX (1, round (a[BK_ASSUMPTION_IT_LIFE_YEARS] / x->delta));
      formula = g_strdup_printf ("=MAX(1,ROUND(%s/period_years,0))", source);
      break;
    case BK_XLSX_DERIVED_FACILITY_LIFE_PERIODS:
      source = DRIVER_REF (BK_ASSUMPTION_FACILITY_LIFE_YEARS);
      value = MAX (1, round (a[BK_ASSUMPTION_FACILITY_LIFE_YEARS] / x->delta));
      formula = g_strdup_printf ("=MAX(1,ROUND(%s/period_years,0))", source);
      break;
    case BK_XLSX_DERIVED_PERIOD_RATE:
      source = DRIVER_REF (BK_ASSUMPTION_DISCOUNT_RATE);
      value = pow (1 + a[BK_ASSUMPTION_DISCOUNT_RATE], x->delta) - 1;
      formula = g_strdup_printf ("=(1+%s)^period_years-1", source);
      bk_xlsx_cell (x, sheet, row, col, formula, value, BK_XLSX_FORMAT_PERCENT);
      return;
    case BK_XLSX_DERIVED_SECONDS_PER_PERIOD:
      value = 365 * x->delta * 86400;
      formula = g_strdup ("=365*period_years*86400");
      break;
    case BK_XLSX_N_DERIVED:
    default:
      g_assert_not_reached ();
    }
#undef DRIVER_REF

  bk_xlsx_cell (x, sheet, row, col, formula, value, BK_XLSX_FORMAT_INTEGER);
}

/* Global names point at the workbook column, a company sheet's local
 * names at its effective column. */
static void
define_names (BkXlsx     *x,
              const char *key,
              guint       row,
              gboolean    per_company)
{
  g_autofree char *global = bk_xlsx_ref (x->assumptions_ref, row, BK_XLSX_WORKBOOK_COL, TRUE);
  g_autofree char *global_formula = g_strconcat ("=", global, NULL);

  bk_xlsx_track (x, workbook_define_name (x->book, key, global_formula));
  if (!per_company)
    return;

  for (guint c = 0; c < x->n_companies; c++)
    {
      g_autofree char *local = g_strdup_printf ("%s!%s", x->company_names[c], key);
      g_autofree char *ref = bk_xlsx_ref (x->assumptions_ref, row, BK_XLSX_EFFECTIVE_COL (c), TRUE);
      g_autofree char *formula = g_strconcat ("=", ref, NULL);

      bk_xlsx_track (x, workbook_define_name (x->book, local, formula));
    }
}

static void
write_assumption_row (BkXlsx       *x,
                      BkAssumption  a)
{
  lxw_worksheet *sheet = x->assumptions_sheet;
  guint row = BK_XLSX_ASSUMPTION_ROW + a;
  BkXlsxFormat format = assumption_format (a);

  bk_xlsx_text (x, sheet, row, 0, bk_assumption_get_name (a), BK_XLSX_FORMAT_TEXT);
  bk_xlsx_text (x, sheet, row, 1, bk_assumption_get_key (a), BK_XLSX_FORMAT_TEXT);
  bk_xlsx_text (x, sheet, row, 2, bk_assumption_get_unit (a), BK_XLSX_FORMAT_TEXT);
  bk_xlsx_cell (x, sheet, row, BK_XLSX_WORKBOOK_COL, NULL,
                bk_workbook_get_assumption (x->workbook, x->scenario, -1, a), format);

  for (guint c = 0; c < x->n_companies; c++)
    {
      guint override_col = BK_XLSX_OVERRIDE_COL (c);
      double override = company_override (x, c, a);
      double effective = bk_workbook_get_assumption (x->workbook, x->scenario, (int) c, a);
      g_autofree char *override_ref = bk_xlsx_ref (NULL, row, override_col, FALSE);
      g_autofree char *formula = NULL;
      char workbook_col[LXW_MAX_COL_NAME_LENGTH];

      lxw_col_to_name (workbook_col, BK_XLSX_WORKBOOK_COL, 1);
      if (bk_assumption_is_workbook_only (a))
        formula = g_strdup_printf ("=%s%u", workbook_col, row + 1);
      else
        formula = g_strdup_printf ("=IF(ISBLANK(%s),%s%u,%s)",
                                   override_ref, workbook_col, row + 1, override_ref);

      bk_xlsx_cell (x, sheet, row, override_col, NULL, override, format);
      bk_xlsx_cell (x, sheet, row, BK_XLSX_EFFECTIVE_COL (c), formula, effective, format);
    }

  define_names (x, bk_assumption_get_key (a), row, !bk_assumption_is_workbook_only (a));
}

void
bk_xlsx_write_assumptions (BkXlsx *x)
{
  lxw_worksheet *sheet = x->assumptions_sheet;
  g_autofree char *title = NULL;
  guint header_row = BK_XLSX_ASSUMPTION_ROW - 1;
  double a[BK_N_ASSUMPTIONS];

  title = g_strdup_printf (_("Assumptions, scenario “%s”"),
                           bk_workbook_get_scenario_name (x->workbook, x->scenario));
  bk_xlsx_text (x, sheet, BK_XLSX_TITLE_ROW, 0, title, BK_XLSX_FORMAT_TITLE);

  bk_xlsx_text (x, sheet, header_row, 0, _("Driver"), BK_XLSX_FORMAT_HEADER);
  bk_xlsx_text (x, sheet, header_row, 1, _("Name in formulas"), BK_XLSX_FORMAT_HEADER);
  bk_xlsx_text (x, sheet, header_row, 2, _("Unit"), BK_XLSX_FORMAT_HEADER);
  bk_xlsx_text (x, sheet, header_row, BK_XLSX_WORKBOOK_COL, _("Workbook"), BK_XLSX_FORMAT_HEADER);
  for (guint c = 0; c < x->n_companies; c++)
    {
      bk_xlsx_track (x, worksheet_merge_range (sheet, BK_XLSX_HEADER_ROW, BK_XLSX_OVERRIDE_COL (c),
                                               BK_XLSX_HEADER_ROW, BK_XLSX_EFFECTIVE_COL (c),
                                               bk_workbook_get_company_name (x->workbook, c),
                                               x->formats[BK_XLSX_FORMAT_HEADER]));
      bk_xlsx_text (x, sheet, header_row, BK_XLSX_OVERRIDE_COL (c), _("Override"), BK_XLSX_FORMAT_HEADER);
      bk_xlsx_text (x, sheet, header_row, BK_XLSX_EFFECTIVE_COL (c), _("Effective"), BK_XLSX_FORMAT_HEADER);
    }

  for (guint k = 0; k < BK_N_ASSUMPTIONS; k++)
    write_assumption_row (x, k);

  bk_xlsx_text (x, sheet, BK_XLSX_DERIVED_ROW - 1, 0, _("Derived from the drivers"), BK_XLSX_FORMAT_HEADER);
  for (guint d = 0; d < BK_XLSX_N_DERIVED; d++)
    {
      guint row = BK_XLSX_DERIVED_ROW + d;
      gboolean per_company = d != BK_XLSX_DERIVED_PERIOD_YEARS && d != BK_XLSX_DERIVED_SECONDS_PER_PERIOD;

      bk_xlsx_text (x, sheet, row, 0, derived_title (d), BK_XLSX_FORMAT_TEXT);
      bk_xlsx_text (x, sheet, row, 1, derived_key (d), BK_XLSX_FORMAT_TEXT);
      bk_xlsx_text (x, sheet, row, 2, derived_unit (d), BK_XLSX_FORMAT_TEXT);
      bk_workbook_get_assumptions (x->workbook, x->scenario, -1, a);
      write_derived (x, d, BK_XLSX_WORKBOOK_COL, a);
      for (guint c = 0; c < x->n_companies; c++)
        {
          bk_workbook_get_assumptions (x->workbook, x->scenario, (int) c, a);
          write_derived (x, d, BK_XLSX_EFFECTIVE_COL (c), a);
        }
      define_names (x, derived_key (d), row, per_company);
    }

  worksheet_set_column (sheet, 0, 0, 40, NULL);
  worksheet_set_column (sheet, 1, 1, 22, NULL);
  worksheet_set_column (sheet, 2, 2, 14, NULL);
  worksheet_set_column (sheet, BK_XLSX_WORKBOOK_COL,
                        (lxw_col_t) BK_XLSX_EFFECTIVE_COL (MAX (x->n_companies, 1) - 1), 12, NULL);
  worksheet_freeze_panes (sheet, BK_XLSX_ASSUMPTION_ROW, BK_XLSX_WORKBOOK_COL);
}
