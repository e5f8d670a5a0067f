/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-metric.c — the ROI metrics by name, and reading one from results */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "bk-metric.h"

static const char * const metric_names[BK_N_METRICS] = {
  "npv", "irr", "roi", "payback", "discounted_payback",
};

const char *
bk_metric_to_string (BkMetric metric)
{
  g_return_val_if_fail (metric < BK_N_METRICS, NULL);
  return metric_names[metric];
}

gboolean
bk_metric_from_string (const char *name,
                       BkMetric   *metric)
{
  g_return_val_if_fail (metric != NULL, FALSE);

  if (name == NULL)
    return FALSE;

  for (guint i = 0; i < BK_N_METRICS; i++)
    {
      if (g_ascii_strcasecmp (name, metric_names[i]) == 0)
        {
          *metric = (BkMetric) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
bk_metric_get_title (BkMetric metric)
{
  switch (metric)
    {
    case BK_METRIC_NPV:                return _("NPV");
    case BK_METRIC_IRR:                return _("IRR");
    case BK_METRIC_ROI:                return _("ROI");
    case BK_METRIC_PAYBACK:            return _("Payback");
    case BK_METRIC_DISCOUNTED_PAYBACK: return _("Discounted payback");
    case BK_N_METRICS:
    default:
      g_return_val_if_reached (NULL);
    }
}

double
bk_metric_get (const BkMetrics *metrics,
               BkMetric         metric)
{
  g_return_val_if_fail (metrics != NULL, NAN);

  switch (metric)
    {
    case BK_METRIC_NPV:                return metrics->npv;
    case BK_METRIC_IRR:                return metrics->irr;
    case BK_METRIC_ROI:                return metrics->roi;
    case BK_METRIC_PAYBACK:            return metrics->payback_years;
    case BK_METRIC_DISCOUNTED_PAYBACK: return metrics->discounted_payback_years;
    case BK_N_METRICS:
    default:
      g_return_val_if_reached (NAN);
    }
}

const BkMetrics *
bk_metric_get_row (BkResults *results,
                   int        company)
{
  g_return_val_if_fail (results != NULL, NULL);

  if (company < 0)
    return bk_results_get_total (results);
  return bk_results_get_company (results, (guint) company);
}
