/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-report-analysis.c — the report's Analysis section: the tornado of the
 * total NPV, the breakeven map and the Monte Carlo simulation of the
 * report's scenario, run once when the report is made (on any thread: a
 * BkReportJob works on a snapshot), as blocks
 *
 * The section shows what the Analysis page shows by default: NPV of the
 * total, each driver moved by BK_SENSITIVITY_DEFAULT_SWING, the map of
 * price_per_mtok across and utilization up over their default ranges, and
 * the simulation panel's histogram and fan.  The simulation has a fixed
 * number of trials and seed (BK_REPORT_DEFAULT_TRIALS, _SEED unless the
 * caller says otherwise), so the same workbook gives the same report, and
 * its figures are those `breakeven-cli simulate --json` prints for the
 * same trials and seed. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "bk-chart-builder-analysis.h"
#include "bk-distribution.h"
#include "bk-format.h"
#include "bk-report.h"
#include "bk-report-private.h"
#include "bk-sensitivity.h"

/* The drivers of the sensitivity table, and of its chart: enough to see
 * what matters, few enough for a bar and its input labels each */
#define TABLE_DRIVERS 5  /* the text says "five" */
#define CHART_DRIVERS 12
/* The tornado's height, a share of the page's content area */
#define TORNADO_SHARE 0.75

/* The Analysis page's default map */
#define MAP_X BK_ASSUMPTION_PRICE_PER_MTOK
#define MAP_Y BK_ASSUMPTION_UTILIZATION

struct _BkReportJob
{
  BkEngineInputs     *inputs;         /* NULL: no company, nothing to do */
  GHashTable         *distributions;  /* NULL: no uncertain driver */
  guint               trials;
  guint64             seed;

  GArray             *tornado;
  double              tornado_base;
  BkBreakevenMap     *map;
  BkMonteCarloResult *simulation;
};

BkReportJob *
bk_report_job_new (BkWorkbook *workbook,
                   guint       scenario,
                   guint       trials,
                   guint64     seed)
{
  BkReportJob *job = g_new0 (BkReportJob, 1);

  g_assert (BK_IS_WORKBOOK (workbook));

  job->trials = trials;
  job->seed = seed;
  job->tornado_base = NAN;
  if (bk_workbook_get_n_companies (workbook) == 0)
    return job;

  job->inputs = bk_engine_inputs_new (workbook, scenario);
  if (bk_workbook_get_n_distributions (workbook) > 0 && trials > 0)
    job->distributions = bk_workbook_dup_distributions (workbook);
  return job;
}

gboolean
bk_report_job_run (BkReportJob   *job,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  BkBreakevenMapParams map_params;

  g_assert (job != NULL);

  if (job->inputs == NULL)
    return !g_cancellable_set_error_if_cancelled (cancellable, error);

  job->tornado = bk_sensitivity_run (job->inputs, BK_METRIC_NPV, -1, BK_SENSITIVITY_DEFAULT_SWING,
                                     &job->tornado_base, &local_error);
  if (job->tornado == NULL)
    {
      g_debug ("No tornado in the report: %s", local_error->message);
      g_clear_error (&local_error);
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  bk_breakeven_map_params_init (&map_params, MAP_X, MAP_Y);
  map_params.steps = BK_BREAKEVEN_MAP_DEFAULT_STEPS;
  job->map = bk_breakeven_map_new (job->inputs, &map_params, &local_error);
  if (job->map == NULL)
    {
      g_debug ("No breakeven map in the report: %s", local_error->message);
      g_clear_error (&local_error);
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (job->distributions != NULL)
    {
      BkMonteCarloParams params;

      bk_monte_carlo_params_init (&params);
      params.trials = job->trials;
      params.seed = job->seed;
      job->simulation = bk_monte_carlo_run (job->inputs, job->distributions, &params,
                                            cancellable, NULL, NULL, &local_error);
      if (job->simulation == NULL)
        {
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          g_debug ("No simulation in the report: %s", local_error->message);
        }
    }

  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

void
bk_report_job_take (BkReportJob    *job,
                    BkReportSource *source)
{
  g_assert (job != NULL && source != NULL);

  bk_report_analysis_clear (source);
  source->tornado = g_steal_pointer (&job->tornado);
  source->tornado_base = job->tornado_base;
  source->map = g_steal_pointer (&job->map);
  source->simulation = g_steal_pointer (&job->simulation);
}

void
bk_report_job_free (BkReportJob *job)
{
  if (job == NULL)
    return;

  g_clear_pointer (&job->inputs, bk_engine_inputs_unref);
  g_clear_pointer (&job->distributions, g_hash_table_unref);
  g_clear_pointer (&job->tornado, g_array_unref);
  g_clear_pointer (&job->map, bk_breakeven_map_free);
  g_clear_pointer (&job->simulation, bk_monte_carlo_result_free);
  g_free (job);
}

void
bk_report_analysis_clear (BkReportSource *source)
{
  g_assert (source != NULL);

  g_clear_pointer (&source->tornado, g_array_unref);
  g_clear_pointer (&source->map, bk_breakeven_map_free);
  g_clear_pointer (&source->simulation, bk_monte_carlo_result_free);
}

static BkBlock *
add_chart (GPtrArray *blocks,
           BkChart   *chart)
{
  BkBlock *block = bk_report_add_block (blocks, BK_BLOCK_CHART);

  bk_chart_set_legend_position (chart, BK_CHART_LEGEND_BOTTOM);
  block->chart = chart;
  return block;
}

/* NPV as the key figures show it: "272.38" (US$ B) */
static void
append_npv (GString *out,
            double   value)
{
  bk_format_metric_plain (out, BK_METRIC_NPV, value);
}

static void
add_tornado (GPtrArray      *blocks,
             BkReportSource *source,
             PangoContext   *context,
             double          width)
{
  BkReportTable *table;
  g_autoptr(GString) swing = g_string_new (NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) top = NULL;
  g_autofree char *intro = NULL;
  guint n;

  bk_report_add_text (blocks, BK_TEXT_SUBHEADING, _("Sensitivity of NPV"));
  if (source->tornado == NULL || source->tornado->len == 0)
    {
      bk_report_add_text (blocks, BK_TEXT_BODY, _("No driver could be moved in this scenario."));
      return;
    }

  bk_format_percent (swing, BK_SENSITIVITY_DEFAULT_SWING, 0);
  g_string_truncate (text, 0);
  append_npv (text, source->tornado_base);
  /* Translators: the first %s is the swing ("20%"), the second the total
   * NPV in US$ billion ("272.38"); %u is how many drivers the chart shows */
  intro = g_strdup_printf (_("Each driver moved down and up by %s of its value for every company, "
                             "one at a time, the others unchanged (total NPV %s US$ B). "
                             "The five drivers that move it most, largest swing first; "
                             "the chart shows the %u that move it most."),
                           swing->str, text->str, MIN (source->tornado->len, CHART_DRIVERS));
  bk_report_add_text (blocks, BK_TEXT_BODY, intro);

  table = bk_report_table_new (6);
  /* Short names that never wrap: the columns share the room left, so the
   * headers wrap as little as they can */
  bk_report_table_set_column (table, 0, _("Driver"), BK_REPORT_COLUMN_LABEL);
  bk_report_table_set_column (table, 1, _("Low value"), BK_REPORT_COLUMN_NUMERIC);
  bk_report_table_set_column (table, 2, _("High value"), BK_REPORT_COLUMN_NUMERIC);
  bk_report_table_set_column (table, 3, _("NPV at low (US$ B)"), BK_REPORT_COLUMN_NUMERIC);
  bk_report_table_set_column (table, 4, _("NPV at high (US$ B)"), BK_REPORT_COLUMN_NUMERIC);
  bk_report_table_set_column (table, 5, _("Swing (US$ B)"), BK_REPORT_COLUMN_NUMERIC);

  n = MIN (source->tornado->len, TABLE_DRIVERS);
  for (guint i = 0; i < n; i++)
    {
      const BkSensitivityBar *bar = &g_array_index (source->tornado, BkSensitivityBar, i);
      guint row = bk_report_table_add_row (table, FALSE);
      const double npv[] = { bar->metric_at_low, bar->metric_at_high, bar->swing };

      bk_report_table_set_cell (table, row, 0, bk_assumption_get_name (bar->driver));
      g_string_truncate (text, 0);
      bk_format_assumption_with_unit (text, bar->driver, bar->low_value);
      bk_report_table_set_cell (table, row, 1, text->str);
      g_string_truncate (text, 0);
      bk_format_assumption_with_unit (text, bar->driver, bar->high_value);
      bk_report_table_set_cell (table, row, 2, text->str);
      for (guint k = 0; k < G_N_ELEMENTS (npv); k++)
        {
          g_string_truncate (text, 0);
          append_npv (text, npv[k]);
          bk_report_table_set_cell (table, row, 3 + k, text->str);
        }
    }
  bk_report_add_table (blocks, table, context, width, 1);

  n = MIN (source->tornado->len, CHART_DRIVERS);
  top = g_array_sized_new (FALSE, FALSE, sizeof (BkSensitivityBar), n);
  g_array_append_vals (top, source->tornado->data, n);
  add_chart (blocks, bk_chart_build_tornado (source->workbook, source->scenario, BK_METRIC_NPV, -1,
                                             top, source->tornado_base))->share = TORNADO_SHARE;
}

static void
add_map (GPtrArray      *blocks,
         BkReportSource *source)
{
  const BkBreakevenMapParams *params;
  g_autoptr(GString) x_min = g_string_new (NULL);
  g_autoptr(GString) x_max = g_string_new (NULL);
  g_autoptr(GString) y_min = g_string_new (NULL);
  g_autoptr(GString) y_max = g_string_new (NULL);
  g_autoptr(GString) npv = g_string_new (NULL);
  g_autofree char *intro = NULL;

  bk_report_add_text (blocks, BK_TEXT_SUBHEADING, _("Breakeven map"));
  if (source->map == NULL)
    {
      bk_report_add_text (blocks, BK_TEXT_BODY, _("No breakeven map could be drawn in this scenario."));
      return;
    }

  params = &source->map->params;
  bk_format_assumption_with_unit (x_min, params->x, params->x_min);
  bk_format_assumption_with_unit (x_max, params->x, params->x_max);
  bk_format_assumption_with_unit (y_min, params->y, params->y_min);
  bk_format_assumption_with_unit (y_max, params->y, params->y_max);
  append_npv (npv, source->map->current_metric);
  /* Translators: "The total NPV over Token price from 0.5 US$/Mtok to 1.5
   * US$/Mtok and Utilization from 30% to 90% …"; the last %s is the NPV in
   * US$ billion */
  intro = g_strdup_printf (_("The total NPV over %s from %s to %s and %s from %s to %s, "
                             "each set for every company; the line is where NPV is 0, "
                             "the points are the scenarios (this one stands out, at NPV %s US$ B)."),
                           bk_assumption_get_name (params->x), x_min->str, x_max->str,
                           bk_assumption_get_name (params->y), y_min->str, y_max->str, npv->str);
  bk_report_add_text (blocks, BK_TEXT_BODY, intro);
  add_chart (blocks, bk_chart_build_breakeven_map (source->workbook, source->scenario, source->map));
}

static void
add_simulation (GPtrArray      *blocks,
                BkReportSource *source,
                PangoContext   *context,
                double          width)
{
  const BkMonteCarloResult *result = source->simulation;
  BkWorkbook *workbook = source->workbook;
  static const BkPercentile percentiles[] = { BK_PERCENTILE_5, BK_PERCENTILE_50, BK_PERCENTILE_95 };
  BkReportTable *table;
  g_autoptr(GString) drivers = g_string_new (NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *intro = NULL;
  char number[32];
  guint row;

  bk_report_add_text (blocks, BK_TEXT_SUBHEADING, _("Monte Carlo simulation"));
  if (result == NULL)
    {
      bk_report_add_text (blocks, BK_TEXT_BODY, _("The simulation could not be run in this scenario."));
      return;
    }

  for (guint k = 0; k < BK_N_ASSUMPTIONS; k++)
    {
      const char *spec = bk_workbook_get_distribution (workbook, (BkAssumption) k);
      g_autofree char *shown = NULL;

      if (spec == NULL)
        continue;
      /* As the window shows it: "3 至 7" in Chinese (laid out on the main
       * thread, where the locale may be read) */
      shown = bk_distribution_spec_to_display (spec, (BkAssumption) k);
      if (drivers->len > 0)
        g_string_append (drivers, "; ");
      g_string_append_printf (drivers, "%s %s", bk_assumption_get_name ((BkAssumption) k), shown);
    }
  /* Translators: the uncertain drivers, "GPU life 4 to 7; Utilization N(0.6, 0.1)" */
  intro = g_strdup_printf (_("Every trial draws each uncertain driver (%s) and recalculates the model; "
                             "the total NPV of the trials, and cumulative free cash flow per period:"),
                           drivers->str);
  bk_report_add_text (blocks, BK_TEXT_BODY, intro);

  table = bk_report_table_new (7);
  bk_report_table_set_column (table, 0, _("Trials"), BK_REPORT_COLUMN_NUMERIC);
  bk_report_table_set_column (table, 1, _("Seed"), BK_REPORT_COLUMN_NUMERIC);
  bk_report_table_set_column (table, 2, _("NPV mean (US$ B)"), BK_REPORT_COLUMN_NUMERIC);
  bk_report_table_set_column (table, 3, _("P5"), BK_REPORT_COLUMN_NUMERIC);
  bk_report_table_set_column (table, 4, _("P50"), BK_REPORT_COLUMN_NUMERIC);
  bk_report_table_set_column (table, 5, _("P95"), BK_REPORT_COLUMN_NUMERIC);
  bk_report_table_set_column (table, 6, _("P(NPV > 0)"), BK_REPORT_COLUMN_NUMERIC);
  row = bk_report_table_add_row (table, FALSE);
  g_snprintf (number, sizeof number, "%u", result->params.trials);
  bk_report_table_set_cell (table, row, 0, number);
  g_snprintf (number, sizeof number, "%" G_GUINT64_FORMAT, result->params.seed);
  bk_report_table_set_cell (table, row, 1, number);
  append_npv (text, result->mean);
  bk_report_table_set_cell (table, row, 2, text->str);
  for (guint p = 0; p < G_N_ELEMENTS (percentiles); p++)
    {
      g_string_truncate (text, 0);
      append_npv (text, result->npv[percentiles[p]]);
      bk_report_table_set_cell (table, row, 3 + p, text->str);
    }
  g_string_truncate (text, 0);
  bk_format_percent (text, result->prob_positive, 1);
  bk_report_table_set_cell (table, row, 6, text->str);
  bk_report_add_table (blocks, table, context, width, 0);

  add_chart (blocks, bk_chart_build_histogram (workbook, source->scenario, result));
  add_chart (blocks, bk_chart_build_fan (workbook, source->scenario, result));
}

void
bk_report_analysis_build (GPtrArray      *blocks,
                          BkReportSource *source,
                          PangoContext   *context,
                          double          width)
{
  g_assert (blocks != NULL && source != NULL);

  bk_report_add_block (blocks, BK_BLOCK_PAGE_BREAK);
  bk_report_add_text (blocks, BK_TEXT_HEADING, _("Analysis"));
  if (bk_workbook_get_n_companies (source->workbook) == 0)
    {
      bk_report_add_text (blocks, BK_TEXT_BODY, _("The workbook has no company to analyse."));
      return;
    }

  add_tornado (blocks, source, context, width);
  add_map (blocks, source);
  if (bk_workbook_get_n_distributions (source->workbook) > 0)
    add_simulation (blocks, source, context, width);
}
