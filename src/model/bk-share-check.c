/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-share-check.c — where a market's shares add up past 100 %
 *
 * A company's share is a fraction of its market's token demand, so the
 * shares of one market's companies cannot sensibly add up to more than the
 * whole market.  The check uses the values the model uses: blank cells
 * carry the last value forward, and a scenario's overrides count. */

#include "config.h"

#include <math.h>

#include "bk-share-check.h"

/* The effective share of @company in @period: the last value up to it */
static double
effective_share (const double *row,
                 guint         period)
{
  for (guint p = period + 1; p-- > 0;)
    if (!isnan (row[p]))
      return row[p];
  return 0;
}

static double
market_sum (BkWorkbook *workbook,
            guint       scenario,
            guint       market,
            guint       period,
            double     *row)
{
  double sum = 0;

  for (guint c = 0; c < bk_workbook_get_n_companies (workbook); c++)
    {
      if (bk_workbook_get_company_market (workbook, c) != market)
        continue;
      bk_workbook_get_scenario_row (workbook, scenario, BK_TABLE_SHARE, c, row);
      sum += effective_share (row, period);
    }
  return sum;
}

double
bk_share_check_sum (BkWorkbook *workbook,
                    guint       scenario,
                    guint       market,
                    guint       period)
{
  g_autofree double *row = NULL;

  g_return_val_if_fail (BK_IS_WORKBOOK (workbook), NAN);
  g_return_val_if_fail (market < bk_workbook_get_n_markets (workbook), NAN);
  g_return_val_if_fail (period < bk_workbook_get_n_periods (workbook), NAN);

  row = g_new (double, bk_workbook_get_n_periods (workbook));
  return market_sum (workbook, scenario, market, period, row);
}

GArray *
bk_share_check_excesses (BkWorkbook *workbook,
                         guint       scenario)
{
  GArray *excesses = g_array_new (FALSE, FALSE, sizeof (BkShareExcess));
  g_autofree double *row = NULL;
  guint n_periods;

  g_return_val_if_fail (BK_IS_WORKBOOK (workbook), excesses);

  n_periods = bk_workbook_get_n_periods (workbook);
  row = g_new (double, MAX (n_periods, 1));
  for (guint m = 0; m < bk_workbook_get_n_markets (workbook); m++)
    for (guint p = 0; p < n_periods; p++)
      {
        BkShareExcess excess = { m, p, market_sum (workbook, scenario, m, p, row) };

        if (excess.sum > 1 + BK_SHARE_SLACK)
          g_array_append_val (excesses, excess);
      }

  return excesses;
}
