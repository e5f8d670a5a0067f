/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-compare.c — every metric of every company and the total, one column
 * per scenario, with the difference against Base.
 *
 * The percent difference is relative to the magnitude of Base, so that an
 * improvement reads as positive even when Base is negative: Base NPV −10
 * and a scenario at −5 is +50 %.  It does not exist when Base is 0 or
 * either value does not exist. */

#include "config.h"

#include <math.h>

#include "bk-compare.h"
#include "bk-engine.h"

static gsize
cell_index (BkComparison *self,
            guint         scenario,
            guint         row,
            BkMetric      metric)
{
  return ((gsize) scenario * (self->n_companies + 1) + row) * BK_N_METRICS + metric;
}

BkComparison *
bk_comparison_new (BkWorkbook *workbook)
{
  BkComparison *self;
  BkResults *results = NULL;

  g_return_val_if_fail (BK_IS_WORKBOOK (workbook), NULL);

  self = g_new0 (BkComparison, 1);
  self->n_scenarios = bk_workbook_get_n_scenarios (workbook) + 1;
  self->n_companies = bk_workbook_get_n_companies (workbook);
  self->cells = g_new0 (BkComparisonCell, (gsize) self->n_scenarios * (self->n_companies + 1) * BK_N_METRICS);

  for (guint s = 0; s < self->n_scenarios; s++)
    {
      results = bk_engine_compute_into (results, workbook, s);

      for (guint row = 0; row <= self->n_companies; row++)
        {
          const BkMetrics *m = bk_metric_get_row (results, row < self->n_companies ? (int) row : -1);

          for (guint k = 0; k < BK_N_METRICS; k++)
            {
              BkComparisonCell *cell = &self->cells[cell_index (self, s, row, k)];
              double base;

              cell->value = bk_metric_get (m, (BkMetric) k);
              base = self->cells[cell_index (self, BK_SCENARIO_BASE, row, k)].value;
              cell->diff = cell->value - base;
              cell->has_fraction = isfinite (cell->diff) && base != 0;
              cell->diff_fraction = cell->has_fraction ? cell->diff / fabs (base) : NAN;
            }
        }
    }

  g_clear_pointer (&results, bk_results_unref);
  return self;
}

void
bk_comparison_free (BkComparison *self)
{
  if (self == NULL)
    return;

  g_free (self->cells);
  g_free (self);
}

const BkComparisonCell *
bk_comparison_get (BkComparison *self,
                   guint         scenario,
                   int           company,
                   BkMetric      metric)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (scenario < self->n_scenarios, NULL);
  g_return_val_if_fail (company < (int) self->n_companies, NULL);
  g_return_val_if_fail (metric < BK_N_METRICS, NULL);

  return &self->cells[cell_index (self, scenario, company < 0 ? self->n_companies : (guint) company, metric)];
}
