/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-results.c — what the engine computed, as a reference-counted boxed
 * type: the per-company and total series and metrics, and the names and
 * titles of the series.  The engine (bk-engine.c) fills it. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bk-results-private.h"

G_DEFINE_BOXED_TYPE (BkResults, bk_results, bk_results_ref, bk_results_unref)

BkResults *
bk_results_new (guint n_companies,
                guint n_periods)
{
  BkResults *self = g_new0 (BkResults, 1);
  double *p;

  g_atomic_ref_count_init (&self->ref_count);
  self->n_periods = n_periods;
  self->n_companies = n_companies;
  self->companies = g_new0 (BkMetrics, MAX (n_companies, 1));
  self->block = g_new0 (double, (gsize) (n_companies + 1) * BK_N_SERIES * MAX (n_periods, 1));

  p = self->block;
  for (guint c = 0; c <= n_companies; c++)
    {
      BkMetrics *m = c < n_companies ? &self->companies[c] : &self->total;

      for (guint s = 0; s < BK_N_SERIES; s++)
        {
          m->series[s] = p;
          p += MAX (n_periods, 1);
        }
    }

  return self;
}

gboolean
bk_results_can_reuse (BkResults *self,
                      guint      n_companies,
                      guint      n_periods)
{
  g_assert (self != NULL);

  return self->n_companies == n_companies
         && self->n_periods == n_periods
         && g_atomic_ref_count_compare (&self->ref_count, 1);
}

BkResults *
bk_results_ref (BkResults *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
bk_results_unref (BkResults *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_free (self->companies);
      g_free (self->block);
      g_free (self);
    }
}

guint
bk_results_get_n_periods (BkResults *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_periods;
}

guint
bk_results_get_n_input_periods (BkResults *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_input_periods;
}

guint
bk_results_get_n_companies (BkResults *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_companies;
}

guint
bk_results_get_scenario (BkResults *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->scenario;
}

const BkMetrics *
bk_results_get_company (BkResults *self,
                        guint      company)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (company < self->n_companies, NULL);
  return &self->companies[company];
}

const BkMetrics *
bk_results_get_total (BkResults *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->total;
}

static const char * const series_names[BK_N_SERIES] = {
  "price", "capacity_mw", "capacity_tokens", "demand_tokens", "revenue",
  "utilization", "power_cost", "depreciation", "other_opex", "ebit", "tax",
  "nopat", "capex", "fcf", "cum_fcf",
};

const char *
bk_series_to_string (BkSeries series)
{
  g_return_val_if_fail (series < BK_N_SERIES, NULL);
  return series_names[series];
}

const char *
bk_series_get_title (BkSeries series)
{
  switch (series)
    {
    case BK_SERIES_PRICE:           return _("Price per million tokens");
    case BK_SERIES_CAPACITY_MW:     return _("Capacity (MW)");
    case BK_SERIES_CAPACITY_TOKENS: return _("Capacity (T tokens)");
    case BK_SERIES_DEMAND_TOKENS:   return _("Demand (T tokens)");
    case BK_SERIES_REVENUE:         return _("Revenue");
    case BK_SERIES_UTILIZATION:     return _("Utilization");
    case BK_SERIES_POWER_COST:      return _("Power cost");
    case BK_SERIES_DEPRECIATION:    return _("Depreciation");
    case BK_SERIES_OTHER_OPEX:      return _("Other opex");
    case BK_SERIES_EBIT:            return _("EBIT");
    case BK_SERIES_TAX:             return _("Tax");
    case BK_SERIES_NOPAT:           return _("NOPAT");
    case BK_SERIES_CAPEX:           return _("CapEx");
    case BK_SERIES_FCF:             return _("Free cash flow");
    case BK_SERIES_CUM_FCF:         return _("Cumulative FCF");
    case BK_N_SERIES:
    default:
      g_return_val_if_reached (NULL);
    }
}

