/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-xlsx-results.c — XLSX export: the Results sheet
 *
 * At the top, one line per company and the "All companies" line with NPV,
 * IRR, ROI, payback and discounted payback: a company's are links to the
 * metrics on its model sheet; the total NPV is the sum of the companies'
 * NPVs, and the other total metrics are computed on the summed free cash
 * flow with the workbook-level discount rate, as MODEL.md says.  Below,
 * the free cash flow and the capex of every company per period with their
 * totals, and the total's cash rows (bk-xlsx-cashflow.c). */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "bk-xlsx-private.h"

#define KPI_ROW 2

/* Where the blocks start for @n companies */
static guint
fcf_header_row (guint n)
{
  return KPI_ROW + n + 2;
}

static guint
capex_header_row (guint n)
{
  /* The FCF heading, the period index, the companies and the total */
  return fcf_header_row (n) + 2 + n + 2;
}

static guint
cash_row (guint n)
{
  return capex_header_row (n) + 1 + n + 1;
}

guint64
bk_xlsx_results_n_rows (guint n_companies)
{
  /* The eight cash rows */
  return (guint64) cash_row (n_companies) + 8;
}

static void
write_period_labels (BkXlsx     *x,
                     guint       row,
                     const char *title,
                     const char *unit)
{
  bk_xlsx_text (x, x->results_sheet, row, 0, title, BK_XLSX_FORMAT_HEADER);
  bk_xlsx_text (x, x->results_sheet, row, 1, unit, BK_XLSX_FORMAT_HEADER);
  for (guint t = 0; t < x->m; t++)
    {
      g_autofree char *label = bk_workbook_dup_period_label (x->workbook, t);

      bk_xlsx_text (x, x->results_sheet, row, BK_XLSX_PERIOD_COL + t, label, BK_XLSX_FORMAT_HEADER);
    }
}

/* One company's series linked from its sheet, one line per company, and
 * their sum; returns the row of the sum. */
static guint
write_by_company (BkXlsx   *x,
                  guint     first_row,
                  BkSeries  series,
                  guint     company_row)
{
  lxw_worksheet *sheet = x->results_sheet;
  const BkMetrics *total = bk_results_get_total (x->results);
  guint total_row = first_row + x->n_companies;

  for (guint c = 0; c < x->n_companies; c++)
    {
      const BkMetrics *metrics = bk_results_get_company (x->results, c);

      bk_xlsx_text (x, sheet, first_row + c, 0, bk_workbook_get_company_id (x->workbook, c), BK_XLSX_FORMAT_TEXT);
      bk_xlsx_text (x, sheet, first_row + c, 1, bk_workbook_get_company_name (x->workbook, c), BK_XLSX_FORMAT_TEXT);
      for (guint t = 0; t < x->m; t++)
        {
          g_autofree char *ref = bk_xlsx_ref (x->company_refs[c], company_row, BK_XLSX_PERIOD_COL + t, FALSE);
          g_autofree char *formula = g_strconcat ("=", ref, NULL);

          bk_xlsx_cell (x, sheet, first_row + c, BK_XLSX_PERIOD_COL + t, formula,
                        metrics->series[series][t], BK_XLSX_FORMAT_MONEY);
        }
    }

  bk_xlsx_text (x, sheet, total_row, 1, _("All companies"), BK_XLSX_FORMAT_HEADER);
  for (guint t = 0; t < x->m; t++)
    {
      g_autofree char *first = bk_xlsx_ref (NULL, first_row, BK_XLSX_PERIOD_COL + t, FALSE);
      g_autofree char *last = bk_xlsx_ref (NULL, first_row + MAX (x->n_companies, 1) - 1,
                                           BK_XLSX_PERIOD_COL + t, FALSE);
      g_autofree char *formula = x->n_companies > 0 ? g_strdup_printf ("=SUM(%s:%s)", first, last)
                                                    : g_strdup ("=0");

      bk_xlsx_cell (x, sheet, total_row, BK_XLSX_PERIOD_COL + t, formula,
                    total->series[series][t], BK_XLSX_FORMAT_MONEY);
    }

  return total_row;
}

static void
write_kpis (BkXlsx               *x,
            const BkXlsxCashRows *total_rows)
{
  lxw_worksheet *sheet = x->results_sheet;
  const BkMetrics *total = bk_results_get_total (x->results);
  guint total_row = KPI_ROW + x->n_companies;

  bk_xlsx_text (x, sheet, BK_XLSX_HEADER_ROW, 0, _("ID"), BK_XLSX_FORMAT_HEADER);
  bk_xlsx_text (x, sheet, BK_XLSX_HEADER_ROW, 1, _("Company"), BK_XLSX_FORMAT_HEADER);
  for (guint k = 0; k < BK_XLSX_N_METRICS; k++)
    bk_xlsx_text (x, sheet, BK_XLSX_HEADER_ROW, BK_XLSX_PERIOD_COL + k, bk_xlsx_metric_title (k),
                  BK_XLSX_FORMAT_HEADER);

  for (guint c = 0; c < x->n_companies; c++)
    {
      const BkMetrics *metrics = bk_results_get_company (x->results, c);

      bk_xlsx_text (x, sheet, KPI_ROW + c, 0, bk_workbook_get_company_id (x->workbook, c), BK_XLSX_FORMAT_TEXT);
      bk_xlsx_text (x, sheet, KPI_ROW + c, 1, bk_workbook_get_company_name (x->workbook, c), BK_XLSX_FORMAT_TEXT);
      for (guint k = 0; k < BK_XLSX_N_METRICS; k++)
        {
          g_autofree char *ref = bk_xlsx_ref (x->company_refs[c], bk_xlsx_model_metric_row (k),
                                              BK_XLSX_PERIOD_COL, TRUE);
          /* A metric that does not exist is empty text there, and here */
          g_autofree char *formula = g_strconcat ("=", ref, NULL);

          bk_xlsx_cell (x, sheet, KPI_ROW + c, BK_XLSX_PERIOD_COL + k, formula,
                        bk_xlsx_metric_value (metrics, k), bk_xlsx_metric_format (k));
        }
    }

  bk_xlsx_text (x, sheet, total_row, 1, _("All companies"), BK_XLSX_FORMAT_HEADER);
  for (guint k = 0; k < BK_XLSX_N_METRICS; k++)
    {
      g_autofree char *formula = NULL;

      if (k == BK_XLSX_METRIC_NPV)
        {
          g_autofree char *first = bk_xlsx_ref (NULL, KPI_ROW, BK_XLSX_PERIOD_COL, FALSE);
          g_autofree char *last = bk_xlsx_ref (NULL, KPI_ROW + MAX (x->n_companies, 1) - 1,
                                               BK_XLSX_PERIOD_COL, FALSE);

          formula = x->n_companies > 0 ? g_strdup_printf ("=SUM(%s:%s)", first, last) : g_strdup ("=0");
        }
      else
        formula = bk_xlsx_metric_formula (x, total_rows, k);

      bk_xlsx_cell (x, sheet, total_row, BK_XLSX_PERIOD_COL + k, formula,
                    bk_xlsx_metric_value (total, k), bk_xlsx_metric_format (k));
    }
}

void
bk_xlsx_write_results (BkXlsx *x)
{
  lxw_worksheet *sheet = x->results_sheet;
  const BkMetrics *total = bk_results_get_total (x->results);
  guint n = x->n_companies;
  g_autofree char *title = NULL;
  BkXlsxCashRows rows = { 0, };
  double discount_rate;

  title = g_strdup_printf (_("%s: results, scenario “%s”"),
                           bk_workbook_get_title (x->workbook),
                           bk_workbook_get_scenario_name (x->workbook, x->scenario));
  bk_xlsx_text (x, sheet, BK_XLSX_TITLE_ROW, 0, title, BK_XLSX_FORMAT_TITLE);

  /* The period index, then free cash flow and capex by company */
  write_period_labels (x, fcf_header_row (n), _("Free cash flow by company"), _("US$ B"));
  rows.t = fcf_header_row (n) + 1;
  bk_xlsx_text (x, sheet, rows.t, 0, _("Period index (t)"), BK_XLSX_FORMAT_TEXT);
  for (guint t = 0; t < x->m; t++)
    bk_xlsx_cell (x, sheet, rows.t, BK_XLSX_PERIOD_COL + t, NULL, t, BK_XLSX_FORMAT_INTEGER);

  rows.fcf = write_by_company (x, rows.t + 1, BK_SERIES_FCF, bk_xlsx_model_fcf_row ());
  write_period_labels (x, capex_header_row (n), _("CapEx by company"), _("US$ B"));
  rows.capex = write_by_company (x, capex_header_row (n) + 1, BK_SERIES_CAPEX, bk_xlsx_model_capex_row ());
  rows.cum = cash_row (n);
  g_assert (rows.capex + 1 == rows.cum);

  discount_rate = bk_workbook_get_assumption (x->workbook, x->scenario, -1, BK_ASSUMPTION_DISCOUNT_RATE);
  bk_xlsx_write_cash_rows (x, sheet, &rows, total->series[BK_SERIES_FCF],
                           pow (1 + discount_rate, x->delta) - 1);
  g_assert (rows.next == bk_xlsx_results_n_rows (n));

  write_kpis (x, &rows);

  worksheet_set_column (sheet, 0, 0, 30, NULL);
  worksheet_set_column (sheet, 1, 1, 24, NULL);
  worksheet_set_column (sheet, BK_XLSX_PERIOD_COL, (lxw_col_t) (BK_XLSX_PERIOD_COL + MAX (x->m, BK_XLSX_N_METRICS) - 1),
                        14, NULL);
  worksheet_freeze_panes (sheet, KPI_ROW, BK_XLSX_PERIOD_COL);
  worksheet_activate (sheet);
}
