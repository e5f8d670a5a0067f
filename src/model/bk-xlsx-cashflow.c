/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-xlsx-cashflow.c — XLSX export: from a free-cash-flow row to the
 * metrics, as MODEL.md defines them
 *
 * Below a row of free cash flow (on a company's model sheet, and for the
 * total on the Results sheet) come the cumulative flow, the discount
 * factor 1/(1+period_rate)^(t+1), the discounted and cumulative
 * discounted flow, and for both paybacks a row that is 1 where the
 * cumulative flow climbs from below 0 to ≥ 0 and a row with the
 * interpolated time (t + −cum_{t−1}/fcf_t) × Δ there.  The payback is
 * then 0 when the cumulative flow is never negative, else the time at the
 * first crossing (INDEX/MATCH), else empty; NPV and IRR are the
 * spreadsheet functions on the period rate, IRR turned into a yearly
 * rate. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "bk-xlsx-private.h"

const char *
bk_xlsx_metric_title (BkXlsxMetric metric)
{
  switch (metric)
    {
    case BK_XLSX_METRIC_NPV:                return _("NPV");
    case BK_XLSX_METRIC_IRR:                return _("IRR (yearly)");
    case BK_XLSX_METRIC_ROI:                return _("ROI");
    case BK_XLSX_METRIC_PAYBACK:            return _("Payback (years)");
    case BK_XLSX_METRIC_DISCOUNTED_PAYBACK: return _("Discounted payback (years)");
    case BK_XLSX_N_METRICS:
    default:
      g_return_val_if_reached (NULL);
    }
}

BkXlsxFormat
bk_xlsx_metric_format (BkXlsxMetric metric)
{
  switch (metric)
    {
    case BK_XLSX_METRIC_NPV: return BK_XLSX_FORMAT_MONEY;
    case BK_XLSX_METRIC_IRR:
    case BK_XLSX_METRIC_ROI: return BK_XLSX_FORMAT_PERCENT;
    case BK_XLSX_METRIC_PAYBACK:
    case BK_XLSX_METRIC_DISCOUNTED_PAYBACK:
    case BK_XLSX_N_METRICS:
    default:                 return BK_XLSX_FORMAT_YEARS;
    }
}

double
bk_xlsx_metric_value (const BkMetrics *metrics,
                      BkXlsxMetric     metric)
{
  switch (metric)
    {
    case BK_XLSX_METRIC_NPV:                return metrics->npv;
    case BK_XLSX_METRIC_IRR:                return metrics->irr;
    case BK_XLSX_METRIC_ROI:                return metrics->roi;
    case BK_XLSX_METRIC_PAYBACK:            return metrics->payback_years;
    case BK_XLSX_METRIC_DISCOUNTED_PAYBACK: return metrics->discounted_payback_years;
    case BK_XLSX_N_METRICS:
    default:
      g_return_val_if_reached (NAN);
    }
}

char *
bk_xlsx_metric_formula (BkXlsx               *x,
                        const BkXlsxCashRows *rows,
                        BkXlsxMetric          metric)
{
  g_autofree char *fcf = bk_xlsx_row_range (rows->fcf, BK_XLSX_PERIOD_COL, x->m);
  g_autofree char *capex = bk_xlsx_row_range (rows->capex, BK_XLSX_PERIOD_COL, x->m);
  gboolean discounted = metric == BK_XLSX_METRIC_DISCOUNTED_PAYBACK;
  g_autofree char *cum = NULL;
  g_autofree char *crossing = NULL;
  g_autofree char *years = NULL;

  switch (metric)
    {
    case BK_XLSX_METRIC_NPV:
      return g_strdup_printf ("=NPV(period_rate,%s)", fcf);
    case BK_XLSX_METRIC_IRR:
      return g_strdup_printf ("=IFERROR((1+IRR(%s,period_rate))^(1/period_years)-1,\"\")", fcf);
    case BK_XLSX_METRIC_ROI:
      return g_strdup_printf ("=IF(SUM(%s)=0,\"\",SUM(%s)/SUM(%s))", capex, fcf, capex);
    case BK_XLSX_METRIC_PAYBACK:
    case BK_XLSX_METRIC_DISCOUNTED_PAYBACK:
      cum = bk_xlsx_row_range (discounted ? rows->cum_discounted : rows->cum, BK_XLSX_PERIOD_COL, x->m);
      crossing = bk_xlsx_row_range (discounted ? rows->discounted_crossing : rows->crossing,
                                    BK_XLSX_PERIOD_COL, x->m);
      years = bk_xlsx_row_range (discounted ? rows->discounted_crossing_years : rows->crossing_years,
                                 BK_XLSX_PERIOD_COL, x->m);
      return g_strdup_printf ("=IF(MIN(%s)>=0,0,IFERROR(INDEX(%s,1,MATCH(1,%s,0)),\"\"))",
                              cum, years, crossing);
    case BK_XLSX_N_METRICS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
label_row (BkXlsx        *x,
           lxw_worksheet *sheet,
           guint          row,
           const char    *label,
           const char    *unit)
{
  bk_xlsx_text (x, sheet, row, 0, label, BK_XLSX_FORMAT_TEXT);
  bk_xlsx_text (x, sheet, row, 1, unit, BK_XLSX_FORMAT_TEXT);
}

/* The running sum of @flow_row into @cum_row; writes the sums to @cum. */
static void
write_cumulative (BkXlsx        *x,
                  lxw_worksheet *sheet,
                  guint          flow_row,
                  guint          cum_row,
                  const double  *flow,
                  double        *cum)
{
  double sum = 0;

  for (guint t = 0; t < x->m; t++)
    {
      guint col = BK_XLSX_PERIOD_COL + t;
      g_autofree char *here = bk_xlsx_ref (NULL, flow_row, col, FALSE);
      g_autofree char *left = t > 0 ? bk_xlsx_ref (NULL, cum_row, col - 1, FALSE) : NULL;
      g_autofree char *formula = t > 0 ? g_strdup_printf ("=%s+%s", left, here)
                                       : g_strdup_printf ("=%s", here);

      sum += flow[t];
      cum[t] = sum;
      bk_xlsx_cell (x, sheet, cum_row, col, formula, sum, BK_XLSX_FORMAT_MONEY);
    }
}

/* The crossing flags and the interpolated times at the crossing */
static void
write_crossings (BkXlsx        *x,
                 lxw_worksheet *sheet,
                 guint          t_row,
                 guint          flow_row,
                 guint          cum_row,
                 guint          flag_row,
                 guint          years_row,
                 const double  *flow,
                 const double  *cum)
{
  for (guint t = 0; t < x->m; t++)
    {
      guint col = BK_XLSX_PERIOD_COL + t;
      g_autofree char *prev = NULL;
      g_autofree char *here = NULL;
      g_autofree char *flag_ref = NULL;
      g_autofree char *t_ref = NULL;
      g_autofree char *flow_ref = NULL;
      g_autofree char *flag = NULL;
      g_autofree char *years = NULL;
      gboolean crosses;

      if (t == 0)
        {
          /* Nothing to climb from before the first period */
          bk_xlsx_cell (x, sheet, flag_row, col, NULL, 0, BK_XLSX_FORMAT_INTEGER);
          bk_xlsx_cell (x, sheet, years_row, col, NULL, NAN, BK_XLSX_FORMAT_YEARS);
          continue;
        }

      prev = bk_xlsx_ref (NULL, cum_row, col - 1, FALSE);
      here = bk_xlsx_ref (NULL, cum_row, col, FALSE);
      flag_ref = bk_xlsx_ref (NULL, flag_row, col, FALSE);
      flow_ref = bk_xlsx_ref (NULL, flow_row, col, FALSE);
      t_ref = bk_xlsx_ref (NULL, t_row, col, FALSE);
      flag = g_strdup_printf ("=IF(AND(%s<0,%s>=0),1,0)", prev, here);
      years = g_strdup_printf ("=IF(%s=1,(%s-%s/%s)*period_years,\"\")", flag_ref, t_ref, prev, flow_ref);
      crosses = cum[t - 1] < 0 && cum[t] >= 0;

      bk_xlsx_cell (x, sheet, flag_row, col, flag, crosses ? 1 : 0, BK_XLSX_FORMAT_INTEGER);
      bk_xlsx_cell (x, sheet, years_row, col, years,
                    crosses ? (t - cum[t - 1] / flow[t]) * x->delta : NAN, BK_XLSX_FORMAT_YEARS);
    }
}

void
bk_xlsx_write_cash_rows (BkXlsx         *x,
                         lxw_worksheet  *sheet,
                         BkXlsxCashRows *rows,
                         const double   *fcf,
                         double          period_rate)
{
  g_autofree double *cum = g_new (double, x->m);
  g_autofree double *discounted = g_new (double, x->m);
  g_autofree double *cum_discounted = g_new (double, x->m);
  guint row = rows->cum;

  g_assert (rows->t < rows->cum && rows->fcf < rows->cum);

  rows->factor = row + 1;
  rows->discounted = row + 2;
  rows->cum_discounted = row + 3;
  rows->crossing = row + 4;
  rows->crossing_years = row + 5;
  rows->discounted_crossing = row + 6;
  rows->discounted_crossing_years = row + 7;
  rows->next = row + 8;

  label_row (x, sheet, rows->cum, bk_series_get_title (BK_SERIES_CUM_FCF), _("US$ B"));
  label_row (x, sheet, rows->factor, _("Discount factor"), "1/(1+r_p)^(t+1)");
  label_row (x, sheet, rows->discounted, _("Discounted FCF"), _("US$ B"));
  label_row (x, sheet, rows->cum_discounted, _("Cumulative discounted FCF"), _("US$ B"));
  label_row (x, sheet, rows->crossing, _("Payback: cumulative FCF turns ≥ 0"), "1/0");
  label_row (x, sheet, rows->crossing_years, _("Payback if it turns here"), _("years"));
  label_row (x, sheet, rows->discounted_crossing, _("Discounted payback: turns ≥ 0"), "1/0");
  label_row (x, sheet, rows->discounted_crossing_years, _("Discounted payback if it turns here"), _("years"));

  write_cumulative (x, sheet, rows->fcf, rows->cum, fcf, cum);

  for (guint t = 0; t < x->m; t++)
    {
      guint col = BK_XLSX_PERIOD_COL + t;
      g_autofree char *t_ref = bk_xlsx_ref (NULL, rows->t, col, FALSE);
      g_autofree char *fcf_ref = bk_xlsx_ref (NULL, rows->fcf, col, FALSE);
      g_autofree char *factor_ref = bk_xlsx_ref (NULL, rows->factor, col, FALSE);
      g_autofree char *factor = g_strdup_printf ("=1/(1+period_rate)^(%s+1)", t_ref);
      g_autofree char *flow = g_strdup_printf ("=%s*%s", fcf_ref, factor_ref);
      double f = 1 / pow (1 + period_rate, t + 1);

      discounted[t] = fcf[t] * f;
      bk_xlsx_cell (x, sheet, rows->factor, col, factor, f, BK_XLSX_FORMAT_FACTOR);
      bk_xlsx_cell (x, sheet, rows->discounted, col, flow, discounted[t], BK_XLSX_FORMAT_MONEY);
    }

  write_cumulative (x, sheet, rows->discounted, rows->cum_discounted, discounted, cum_discounted);
  write_crossings (x, sheet, rows->t, rows->fcf, rows->cum, rows->crossing, rows->crossing_years, fcf, cum);
  write_crossings (x, sheet, rows->t, rows->discounted, rows->cum_discounted,
                   rows->discounted_crossing, rows->discounted_crossing_years,
                   discounted, cum_discounted);
}
