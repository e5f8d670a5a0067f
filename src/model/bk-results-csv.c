/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-results-csv.c — the engine's results as CSV
 *
 * The same numbers as results JSON (FORMATS.md section 3), laid out as the
 * two sheets of the Results page: metrics by company, and the per-period
 * series of one company.  Keys, not translated titles, name the columns and
 * series, so that a script reads the file the same in every language.
 * Quoting is bk-delimited.c's. */

#include "config.h"

#include <math.h>

#include "bk-delimited.h"
#include "bk-number.h"
#include "bk-results-csv.h"

static const char *metric_columns[] = {
  "id", "name", "npv", "irr", "irr_multiple", "roi", "payback_years",
  "discounted_payback_years", "capex", "revenue",
};

static char *
dup_number (double value)
{
  char buf[BK_NUMBER_BUF_SIZE] = "";

  if (isfinite (value))
    bk_number_format_shortest (buf, value);
  return g_strdup (buf);
}

static double
sum (const double *values,
     guint         n)
{
  double total = 0;

  for (guint i = 0; i < n; i++)
    total += values[i];
  return total;
}

static void
add_metrics (GPtrArray       *cells,
             const char      *id,
             const char      *name,
             const BkMetrics *metrics,
             guint            n_periods)
{
  g_ptr_array_add (cells, g_strdup (id));
  g_ptr_array_add (cells, g_strdup (name));
  g_ptr_array_add (cells, dup_number (metrics->npv));
  g_ptr_array_add (cells, dup_number (metrics->irr));
  g_ptr_array_add (cells, g_strdup (metrics->irr_multiple && isfinite (metrics->irr) ? "TRUE" : "FALSE"));
  g_ptr_array_add (cells, dup_number (metrics->roi));
  g_ptr_array_add (cells, dup_number (metrics->payback_years));
  g_ptr_array_add (cells, dup_number (metrics->discounted_payback_years));
  g_ptr_array_add (cells, dup_number (sum (metrics->series[BK_SERIES_CAPEX], n_periods)));
  g_ptr_array_add (cells, dup_number (sum (metrics->series[BK_SERIES_REVENUE], n_periods)));
}

char *
bk_results_csv_write_metrics (BkWorkbook *workbook,
                              BkResults  *results)
{
  g_autoptr(GPtrArray) cells = NULL;
  guint n_companies, n_periods;

  g_return_val_if_fail (BK_IS_WORKBOOK (workbook), NULL);
  g_return_val_if_fail (results != NULL, NULL);

  n_companies = bk_results_get_n_companies (results);
  n_periods = bk_results_get_n_periods (results);
  g_return_val_if_fail (n_companies == bk_workbook_get_n_companies (workbook), NULL);

  cells = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < G_N_ELEMENTS (metric_columns); i++)
    g_ptr_array_add (cells, g_strdup (metric_columns[i]));

  for (guint c = 0; c < n_companies; c++)
    add_metrics (cells, bk_workbook_get_company_id (workbook, c),
                 bk_workbook_get_company_name (workbook, c),
                 bk_results_get_company (results, c), n_periods);
  add_metrics (cells, BK_RESULTS_CSV_TOTAL_ID, "All companies",
               bk_results_get_total (results), n_periods);

  return bk_delimited_write (BK_DELIMITED_CSV, (const char * const *) cells->pdata,
                             n_companies + 2, G_N_ELEMENTS (metric_columns));
}

char *
bk_results_csv_write_series (BkWorkbook *workbook,
                             BkResults  *results,
                             int         company)
{
  g_autoptr(GPtrArray) cells = NULL;
  const BkMetrics *metrics;
  guint n_periods;

  g_return_val_if_fail (BK_IS_WORKBOOK (workbook), NULL);
  g_return_val_if_fail (results != NULL, NULL);
  g_return_val_if_fail (company >= -1 && company < (int) bk_results_get_n_companies (results), NULL);

  n_periods = bk_results_get_n_periods (results);
  metrics = company >= 0 ? bk_results_get_company (results, (guint) company)
                         : bk_results_get_total (results);

  cells = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (cells, g_strdup ("series"));
  /* Labels continue past the input periods: 2029, 2030, … */
  for (guint p = 0; p < n_periods; p++)
    g_ptr_array_add (cells, bk_workbook_dup_period_label (workbook, p));

  for (guint s = 0; s < BK_N_SERIES; s++)
    {
      g_ptr_array_add (cells, g_strdup (bk_series_to_string ((BkSeries) s)));
      for (guint p = 0; p < n_periods; p++)
        g_ptr_array_add (cells, dup_number (metrics->series[s][p]));
    }

  return bk_delimited_write (BK_DELIMITED_CSV, (const char * const *) cells->pdata,
                             BK_N_SERIES + 1, n_periods + 1);
}
