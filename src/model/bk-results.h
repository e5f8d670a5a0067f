/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-results.h — what the ROI engine computes: per-period series as plain
 * double arrays (M = input periods + extra periods) and the metrics, for
 * every company and the total. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  BK_SERIES_PRICE,            /* US$ per million tokens */
  BK_SERIES_CAPACITY_MW,      /* MW of IT power in service */
  BK_SERIES_CAPACITY_TOKENS,  /* trillion tokens the capacity can serve in the period */
  BK_SERIES_DEMAND_TOKENS,    /* trillion tokens demanded from the company in the period */
  BK_SERIES_REVENUE,          /* US$ billion */
  BK_SERIES_UTILIZATION,      /* reported: revenue / capacity value */
  BK_SERIES_POWER_COST,
  BK_SERIES_DEPRECIATION,
  BK_SERIES_OTHER_OPEX,
  BK_SERIES_EBIT,
  BK_SERIES_TAX,
  BK_SERIES_NOPAT,
  BK_SERIES_CAPEX,
  BK_SERIES_FCF,
  BK_SERIES_CUM_FCF,
  BK_N_SERIES
} BkSeries;

/* One company, or the total.  Metrics that do not exist are NAN. */
typedef struct
{
  double    npv;
  double    irr;                  /* yearly */
  gboolean  irr_multiple;
  double    roi;
  double    payback_years;
  double    discounted_payback_years;
  double   *series[BK_N_SERIES];  /* each n_periods (M) long */
} BkMetrics;

#define BK_TYPE_RESULTS (bk_results_get_type ())

typedef struct _BkResults BkResults;

GType             bk_results_get_type         (void) G_GNUC_CONST;
BkResults        *bk_results_ref              (BkResults *self);
void              bk_results_unref            (BkResults *self);

/* M, the number of modelled periods */
guint             bk_results_get_n_periods    (BkResults *self);
/* Number of input periods N (the first N of the M) */
guint             bk_results_get_n_input_periods (BkResults *self);
guint             bk_results_get_n_companies  (BkResults *self);
guint             bk_results_get_scenario     (BkResults *self);
const BkMetrics  *bk_results_get_company      (BkResults *self,
                                               guint      company);
const BkMetrics  *bk_results_get_total        (BkResults *self);
const char       *bk_series_to_string         (BkSeries   series);
/* Translated title: "Revenue", "Cumulative FCF", … */
const char       *bk_series_get_title         (BkSeries   series);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkResults, bk_results_unref)

G_END_DECLS
