/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-sensitivity.c — the tornado: each driver moved down and up by a swing,
 * one at a time, ranked by how much a metric moves.
 *
 * 2 × 18 recalculations; IRR is only computed when it is the metric. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "bk-engine.h"
#include "bk-sensitivity.h"

static int
compare_bars (gconstpointer a,
              gconstpointer b)
{
  const BkSensitivityBar *x = a, *y = b;
  gboolean x_nan = isnan (x->swing), y_nan = isnan (y->swing);

  if (x_nan != y_nan)
    return x_nan ? 1 : -1;
  if (!x_nan && x->swing != y->swing)
    return x->swing > y->swing ? -1 : 1;
  return (int) x->driver - (int) y->driver;
}

static double
metric_with (BkEngineInputs         *inputs,
             BkResults             **results,
             const BkDriverOverride *override,
             BkMetric                metric,
             int                     company)
{
  BkEngineFlags flags = metric == BK_METRIC_IRR ? BK_ENGINE_FLAGS_NONE : BK_ENGINE_NO_IRR;

  *results = bk_engine_compute_inputs_into (*results, inputs, override, override ? 1 : 0, flags);
  return bk_metric_get (bk_metric_get_row (*results, company), metric);
}

GArray *
bk_sensitivity_run (BkEngineInputs  *inputs,
                    BkMetric         metric,
                    int              company,
                    double           swing,
                    double          *base_value,
                    GError         **error)
{
  g_autoptr(BkResults) results = NULL;
  GArray *bars;

  g_return_val_if_fail (inputs != NULL, NULL);
  g_return_val_if_fail (metric < BK_N_METRICS, NULL);
  g_return_val_if_fail (company < (int) bk_engine_inputs_get_n_companies (inputs), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(swing > 0 && swing <= 1))
    {
      g_set_error_literal (error, BK_ERROR, BK_ERROR_OUT_OF_RANGE,
                           /* xgettext:no-c-format */
                           _("The swing must be more than 0 and at most 1 (100%)"));
      return NULL;
    }

  bars = g_array_sized_new (FALSE, FALSE, sizeof (BkSensitivityBar), BK_N_ASSUMPTIONS);

  if (base_value != NULL)
    *base_value = metric_with (inputs, &results, NULL, metric, company);

  for (guint k = 0; k < BK_N_ASSUMPTIONS; k++)
    {
      BkAssumption driver = (BkAssumption) k;
      BkDriverOverride low = { driver, BK_DRIVER_SCALE, 1 - swing };
      BkDriverOverride high = { driver, BK_DRIVER_SCALE, 1 + swing };
      BkSensitivityBar bar = { driver, };
      double values[BK_N_ASSUMPTIONS];

      if (driver == BK_ASSUMPTION_EXTRA_YEARS)
        continue;

      bk_engine_inputs_get_assumptions (inputs, company, &low, 1, values);
      bar.low_value = values[driver];
      bk_engine_inputs_get_assumptions (inputs, company, &high, 1, values);
      bar.high_value = values[driver];
      bar.metric_at_low = metric_with (inputs, &results, &low, metric, company);
      bar.metric_at_high = metric_with (inputs, &results, &high, metric, company);
      bar.swing = fabs (bar.metric_at_high - bar.metric_at_low);
      g_array_append_val (bars, bar);
    }

  g_array_sort (bars, compare_bars);
  return bars;
}
