/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-chart-builder-analysis.c — the charts of the analyses, built from
 * compare, sensitivity, breakeven map and Monte Carlo results
 *
 * Choices an analyst would notice:
 * - Compare puts the total last, after the companies, so the groups read
 *   like the compare table's rows.
 * - The tornado's bar ends are labelled with the driver's low and high
 *   values as the Assumptions page shows them.
 * - Every scenario of the workbook appears on the breakeven map, at its
 *   own effective values of the two drivers, so the frontier can be read
 *   against all of them; the current one stands out.
 * - The histogram marks NPV = 0 (the breakeven), the mean, P5 and P95. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "bk-chart-builder-analysis.h"

BkChartUnit
bk_chart_unit_for_metric (BkMetric metric)
{
  g_return_val_if_fail (metric < BK_N_METRICS, BK_CHART_UNIT_NUMBER);

  switch (metric)
    {
    case BK_METRIC_NPV:
      return BK_CHART_UNIT_USD_BILLIONS;
    case BK_METRIC_IRR:
    case BK_METRIC_ROI:
      return BK_CHART_UNIT_PERCENT;
    case BK_METRIC_PAYBACK:
    case BK_METRIC_DISCOUNTED_PAYBACK:
      return BK_CHART_UNIT_YEARS;
    case BK_N_METRICS:
    default:
      g_assert_not_reached ();
    }
}

BkChartUnit
bk_chart_unit_for_driver (BkAssumption driver)
{
  g_return_val_if_fail (driver < BK_N_ASSUMPTIONS, BK_CHART_UNIT_NUMBER);

  switch (bk_assumption_get_kind (driver))
    {
    case BK_ASSUMPTION_KIND_FRACTION:
      return BK_CHART_UNIT_PERCENT;
    case BK_ASSUMPTION_KIND_YEARS:
    case BK_ASSUMPTION_KIND_INTEGER_YEARS:
      return BK_CHART_UNIT_YEARS;
    case BK_ASSUMPTION_KIND_NUMBER:
    default:
      return BK_CHART_UNIT_NUMBER;
    }
}

/* The company's name, or "Total" */
static const char *
company_name (BkWorkbook *workbook,
              int         company)
{
  if (company < 0)
    return _("Total");
  return bk_workbook_get_company_name (workbook, (guint) company);
}

/* A new chart with the source line every analysis chart shares */
static BkChart *
new_chart (BkWorkbook  *workbook,
           BkChartKind  kind,
           BkChartUnit  unit)
{
  BkChart *chart = bk_chart_new (kind);
  const char *title = bk_workbook_get_title (workbook);

  bk_chart_set_unit (chart, unit);
  if (title != NULL && *title != '\0')
    {
      g_autofree char *source = g_strdup_printf (_("Source: %s; Breakeven model"), title);

      bk_chart_set_source (chart, source);
    }
  else
    bk_chart_set_source (chart, _("Source: Breakeven model"));

  return chart;
}

BkChart *
bk_chart_build_compare (BkWorkbook   *workbook,
                        BkComparison *comparison,
                        BkMetric      metric)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autofree double *values = NULL;
  g_autofree char *title = NULL;
  BkChart *chart;
  guint n_rows;

  g_return_val_if_fail (BK_IS_WORKBOOK (workbook), NULL);
  g_return_val_if_fail (comparison != NULL, NULL);
  g_return_val_if_fail (metric < BK_N_METRICS, NULL);

  chart = new_chart (workbook, BK_CHART_KIND_BAR, bk_chart_unit_for_metric (metric));
  /* TRANSLATORS: %s is a metric, "NPV" */
  title = g_strdup_printf (_("%s by scenario"), bk_metric_get_title (metric));
  bk_chart_set_title (chart, title);
  bk_chart_set_subtitle (chart, _("Each company and the total, one bar per scenario"));

  n_rows = comparison->n_companies + 1;
  for (guint c = 0; c < comparison->n_companies; c++)
    g_ptr_array_add (labels, g_strdup (company_name (workbook, (int) c)));
  g_ptr_array_add (labels, g_strdup (_("Total")));
  g_ptr_array_add (labels, NULL);
  bk_chart_set_categories (chart, (const char * const *) labels->pdata);

  values = g_new (double, n_rows);
  for (guint s = 0; s < comparison->n_scenarios; s++)
    {
      for (guint r = 0; r < n_rows; r++)
        {
          int company = r < comparison->n_companies ? (int) r : -1;

          values[r] = bk_comparison_get (comparison, s, company, metric)->value;
        }
      bk_chart_add_series (chart, bk_workbook_get_scenario_name (workbook, s), values, n_rows);
    }

  return chart;
}

/* A tornado's chart without its bars: title, subtitle and axis */
static BkChart *
new_tornado (BkWorkbook *workbook,
             guint       scenario,
             BkMetric    metric,
             int         company)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  BkChart *chart;

  chart = new_chart (workbook, BK_CHART_KIND_TORNADO, bk_chart_unit_for_metric (metric));
  /* TRANSLATORS: %s is a metric, "NPV" */
  title = g_strdup_printf (_("What moves %s most"), bk_metric_get_title (metric));
  bk_chart_set_title (chart, title);
  /* TRANSLATORS: the first %s is a company or "Total", the second a scenario */
  subtitle = g_strdup_printf (_("%s, %s; each driver moved down and up alone"),
                              company_name (workbook, company),
                              bk_workbook_get_scenario_name (workbook, scenario));
  bk_chart_set_subtitle (chart, subtitle);
  bk_chart_set_axis (chart, BK_CHART_AXIS_X, bk_metric_get_title (metric),
                     bk_chart_unit_for_metric (metric));
  return chart;
}

/* Why no bar of a tornado has a length: the metric has no value at all
 * (@any_value FALSE: a payback that never comes, an IRR of cash flows
 * that never turn), or no driver changes it (a company without capex) */
static char *
still_tornado_reason (BkWorkbook *workbook,
                      guint       scenario,
                      BkMetric    metric,
                      int         company,
                      gboolean    any_value)
{
  const char *who = company_name (workbook, company);
  const char *where = bk_workbook_get_scenario_name (workbook, scenario);

  if (any_value)
    /* TRANSLATORS: why a tornado is empty: a metric ("NPV"), a company
     * (or "Total") and a scenario */
    return g_strdup_printf (_("No driver moves the %s of %s in “%s”: give it capex and a market share first"),
                            bk_metric_get_title (metric), who, where);

  switch (metric)
    {
    case BK_METRIC_PAYBACK:
      /* TRANSLATORS: why a tornado is empty: a company (or "Total") and a scenario */
      return g_strdup_printf (_("%s never pays back in “%s”, whichever driver moves"), who, where);
    case BK_METRIC_DISCOUNTED_PAYBACK:
      /* TRANSLATORS: why a tornado is empty: a company (or "Total") and a scenario */
      return g_strdup_printf (_("%s never pays back once discounted in “%s”, whichever driver moves"),
                              who, where);
    case BK_METRIC_IRR:
      /* TRANSLATORS: why a tornado is empty: a company (or "Total") and a scenario */
      return g_strdup_printf (_("%s has no IRR in “%s”, whichever driver moves: its cash flows "
                                "never turn positive"), who, where);
    case BK_METRIC_NPV:
    case BK_METRIC_ROI:
    case BK_N_METRICS:
    default:
      /* TRANSLATORS: why a chart is empty: a metric ("NPV"), a company
       * (or "Total") and a scenario */
      return g_strdup_printf (_("The %s of %s cannot be computed in “%s”"),
                              bk_metric_get_title (metric), who, where);
    }
}

BkChart *
bk_chart_build_tornado (BkWorkbook *workbook,
                        guint       scenario,
                        BkMetric    metric,
                        int         company,
                        GArray     *bars,
                        double      base_value)
{
  gboolean any_value = isfinite (base_value), any_swing = FALSE;
  BkChart *chart;

  g_return_val_if_fail (BK_IS_WORKBOOK (workbook), NULL);
  g_return_val_if_fail (bars != NULL, NULL);
  g_return_val_if_fail (metric < BK_N_METRICS, NULL);

  chart = new_tornado (workbook, scenario, metric, company);
  bk_chart_set_base_value (chart, base_value);

  for (guint i = 0; i < bars->len; i++)
    {
      const BkSensitivityBar *bar = &g_array_index (bars, BkSensitivityBar, i);
      g_autofree char *low = bk_assumption_format (bar->driver, bar->low_value);
      g_autofree char *high = bk_assumption_format (bar->driver, bar->high_value);

      bk_chart_add_swing (chart, bk_assumption_get_name (bar->driver),
                          bar->metric_at_low, bar->metric_at_high, low, high);
      any_value = any_value || isfinite (bar->metric_at_low) || isfinite (bar->metric_at_high);
      any_swing = any_swing || (isfinite (bar->swing) && bar->swing > 0);
    }

  if (!any_swing)
    {
      g_autofree char *reason = still_tornado_reason (workbook, scenario, metric, company, any_value);

      bk_chart_set_empty_text (chart, reason);
    }

  return chart;
}

BkChart *
bk_chart_build_tornado_failed (BkWorkbook *workbook,
                               guint       scenario,
                               BkMetric    metric,
                               int         company,
                               const char *reason)
{
  BkChart *chart;

  g_return_val_if_fail (BK_IS_WORKBOOK (workbook), NULL);
  g_return_val_if_fail (metric < BK_N_METRICS, NULL);
  g_return_val_if_fail (reason != NULL && *reason != '\0', NULL);

  chart = new_tornado (workbook, scenario, metric, company);
  bk_chart_set_base_value (chart, NAN);
  bk_chart_set_empty_text (chart, reason);
  return chart;
}

/* A breakeven map's chart without its grid: title, subtitle and axes */
static BkChart *
new_map (BkWorkbook                 *workbook,
         const BkBreakevenMapParams *params)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  BkChart *chart;

  chart = new_chart (workbook, BK_CHART_KIND_BREAKEVEN_MAP, bk_chart_unit_for_metric (params->metric));
  /* TRANSLATORS: %s is a metric, "NPV" */
  title = g_strdup_printf (_("Where %s breaks even"), bk_metric_get_title (params->metric));
  bk_chart_set_title (chart, title);
  /* TRANSLATORS: the first two %s are drivers, the third a company or "Total" */
  subtitle = g_strdup_printf (_("%s against %s, %s"),
                              bk_assumption_get_name (params->y),
                              bk_assumption_get_name (params->x),
                              company_name (workbook, params->company));
  bk_chart_set_subtitle (chart, subtitle);
  bk_chart_set_axis (chart, BK_CHART_AXIS_X, bk_assumption_get_name (params->x),
                     bk_chart_unit_for_driver (params->x));
  bk_chart_set_axis (chart, BK_CHART_AXIS_Y, bk_assumption_get_name (params->y),
                     bk_chart_unit_for_driver (params->y));
  return chart;
}

/* Why a map shows no frontier: the metric has no value on it, or is the
 * same everywhere; NULL when it varies */
static char *
still_map_reason (BkWorkbook           *workbook,
                  guint                 scenario,
                  const BkBreakevenMap *map)
{
  const BkBreakevenMapParams *params = &map->params;
  gsize n = (gsize) params->steps * params->steps;
  double first = NAN;
  gboolean varies = FALSE;

  for (gsize k = 0; k < n && !varies; k++)
    if (isfinite (map->grid[k]))
      {
        varies = isfinite (first) && map->grid[k] != first;
        first = isfinite (first) ? first : map->grid[k];
      }
  if (varies)
    return NULL;

  if (!isfinite (first))
    /* TRANSLATORS: why a breakeven map is empty: a metric ("NPV"), a
     * company (or "Total") and a scenario */
    return g_strdup_printf (_("The %s of %s has no value anywhere on this map in “%s”"),
                            bk_metric_get_title (params->metric),
                            company_name (workbook, params->company),
                            bk_workbook_get_scenario_name (workbook, scenario));

  /* TRANSLATORS: why a breakeven map is flat: two drivers, a metric
   * ("NPV"), a company (or "Total") and a scenario */
  return g_strdup_printf (_("Neither %s nor %s moves the %s of %s in “%s”"),
                          bk_assumption_get_name (params->x),
                          bk_assumption_get_name (params->y),
                          bk_metric_get_title (params->metric),
                          company_name (workbook, params->company),
                          bk_workbook_get_scenario_name (workbook, scenario));
}

BkChart *
bk_chart_build_breakeven_map (BkWorkbook           *workbook,
                              guint                 scenario,
                              const BkBreakevenMap *map)
{
  const BkBreakevenMapParams *params;
  g_autofree char *target = NULL;
  g_autofree char *reason = NULL;
  BkChart *chart;

  g_return_val_if_fail (BK_IS_WORKBOOK (workbook), NULL);
  g_return_val_if_fail (map != NULL, NULL);

  params = &map->params;
  chart = new_map (workbook, params);
  bk_chart_set_grid (chart, params->steps, map->x_values, params->steps, map->y_values, map->grid);

  {
    g_autofree char *value = g_strdup_printf ("%g", params->target);

    /* TRANSLATORS: the contour's name, "NPV = 0" */
    target = g_strdup_printf (_("%s = %s"), bk_metric_get_title (params->metric), value);
  }
  bk_chart_set_target (chart, params->target, target);

  for (guint k = 0; k < map->n_polylines; k++)
    {
      guint start = map->starts[k];
      guint end = map->starts[k + 1];
      g_autofree double *xy = g_new (double, 2 * (end - start) + 1);

      for (guint p = start; p < end; p++)
        {
          xy[2 * (p - start)] = map->contour[p].x;
          xy[2 * (p - start) + 1] = map->contour[p].y;
        }
      bk_chart_add_contour (chart, end - start, xy);
    }

  for (guint s = 0; s <= bk_workbook_get_n_scenarios (workbook); s++)
    {
      const char *name = bk_workbook_get_scenario_name (workbook, s);

      if (s == scenario)
        bk_chart_add_point (chart, map->current.x, map->current.y, name, TRUE);
      else
        bk_chart_add_point (chart,
                            bk_workbook_get_assumption (workbook, s, params->company, params->x),
                            bk_workbook_get_assumption (workbook, s, params->company, params->y),
                            name, FALSE);
    }

  reason = still_map_reason (workbook, scenario, map);
  bk_chart_set_empty_text (chart, reason);

  return chart;
}

BkChart *
bk_chart_build_breakeven_map_failed (BkWorkbook                 *workbook,
                                     guint                       scenario,
                                     const BkBreakevenMapParams *params,
                                     const char                 *reason)
{
  BkChart *chart;

  g_return_val_if_fail (BK_IS_WORKBOOK (workbook), NULL);
  g_return_val_if_fail (params != NULL, NULL);
  g_return_val_if_fail (params->x < BK_N_ASSUMPTIONS && params->y < BK_N_ASSUMPTIONS, NULL);
  g_return_val_if_fail (params->metric < BK_N_METRICS, NULL);
  g_return_val_if_fail (reason != NULL && *reason != '\0', NULL);

  chart = new_map (workbook, params);
  bk_chart_set_empty_text (chart, reason);
  return chart;
}

/* "Total, Base; 10,000 trials" */
static char *
simulation_subtitle (BkWorkbook               *workbook,
                     guint                     scenario,
                     const BkMonteCarloResult *result)
{
  /* TRANSLATORS: the first %s is a company or "Total", the second a
   * scenario; %u is the number of trials */
  return g_strdup_printf (_("%s, %s; trials: %u"),
                          company_name (workbook, result->params.company),
                          bk_workbook_get_scenario_name (workbook, scenario),
                          result->params.trials);
}

BkChart *
bk_chart_build_histogram (BkWorkbook               *workbook,
                          guint                     scenario,
                          const BkMonteCarloResult *result)
{
  g_autofree double *edges = NULL;
  g_autofree double *counts = NULL;
  g_autofree char *subtitle = NULL;
  BkChart *chart;

  g_return_val_if_fail (BK_IS_WORKBOOK (workbook), NULL);
  g_return_val_if_fail (result != NULL, NULL);

  chart = new_chart (workbook, BK_CHART_KIND_HISTOGRAM, BK_CHART_UNIT_USD_BILLIONS);
  bk_chart_set_title (chart, _("Distribution of NPV"));
  subtitle = simulation_subtitle (workbook, scenario, result);
  bk_chart_set_subtitle (chart, subtitle);
  bk_chart_set_axis (chart, BK_CHART_AXIS_X, _("NPV"), BK_CHART_UNIT_USD_BILLIONS);
  bk_chart_set_axis (chart, BK_CHART_AXIS_Y, _("Trials"), BK_CHART_UNIT_NUMBER);

  if (result->n_bins > 0
      && !(result->histogram[result->n_bins - 1].to > result->histogram[0].from))
    {
      /* Every trial gave the same NPV (no driver is uncertain): one bar
       * around it, a hundredth of its size wide either way */
      double value = result->histogram[0].from;
      double half = MAX (fabs (value) * 0.01, 1e-3);
      double one_edges[2] = { value - half, value + half };
      double one_count = result->params.trials;

      bk_chart_set_bins (chart, 1, one_edges, &one_count);
    }
  else if (result->n_bins > 0)
    {
      edges = g_new (double, result->n_bins + 1);
      counts = g_new (double, result->n_bins);
      for (guint i = 0; i < result->n_bins; i++)
        {
          edges[i] = result->histogram[i].from;
          counts[i] = result->histogram[i].count;
        }
      edges[result->n_bins] = result->histogram[result->n_bins - 1].to;
      bk_chart_set_bins (chart, result->n_bins, edges, counts);
    }

  bk_chart_add_value_marker (chart, 0.0, _("NPV = 0"));
  bk_chart_add_value_marker (chart, result->mean, _("Mean"));
  bk_chart_add_value_marker (chart, result->npv[BK_PERCENTILE_5], _("P5"));
  bk_chart_add_value_marker (chart, result->npv[BK_PERCENTILE_95], _("P95"));

  return chart;
}

BkChart *
bk_chart_build_fan (BkWorkbook               *workbook,
                    guint                     scenario,
                    const BkMonteCarloResult *result)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *subtitle = NULL;
  BkChart *chart;

  g_return_val_if_fail (BK_IS_WORKBOOK (workbook), NULL);
  g_return_val_if_fail (result != NULL, NULL);

  chart = new_chart (workbook, BK_CHART_KIND_FAN, BK_CHART_UNIT_USD_BILLIONS);
  bk_chart_set_title (chart, _("Cumulative free cash flow, P5 to P95"));
  subtitle = simulation_subtitle (workbook, scenario, result);
  bk_chart_set_subtitle (chart, subtitle);
  bk_chart_set_axis (chart, BK_CHART_AXIS_Y, _("Cumulative FCF"), BK_CHART_UNIT_USD_BILLIONS);

  for (guint i = 0; i < result->n_periods; i++)
    g_ptr_array_add (labels, bk_workbook_dup_period_label (workbook, i));
  g_ptr_array_add (labels, NULL);
  bk_chart_set_categories (chart, (const char * const *) labels->pdata);

  bk_chart_set_fan (chart, result->n_periods,
                    result->cum_fcf[BK_PERCENTILE_5], result->cum_fcf[BK_PERCENTILE_25],
                    result->cum_fcf[BK_PERCENTILE_50], result->cum_fcf[BK_PERCENTILE_75],
                    result->cum_fcf[BK_PERCENTILE_95]);

  return chart;
}
