/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-cli-chart-analysis.c — the analysis kinds of breakeven-cli chart:
 * reading their options, running the sensitivity, map or simulation, and
 * building the chart with the same builders as the window
 *
 * Options: --metric (npv, irr, roi, payback, discounted_payback; default
 * npv) for the tornado and the map; --swing FRACTION (default 0.2) for the
 * tornado; --x KEY and --y KEY (required), --x-range and --y-range
 * LOW:HIGH, --steps N and --target X for the map; --trials N (default
 * 10000) and --seed S (default 0) for fan and histogram, which draw the
 * workbook's uncertainties exactly as simulate does (and, like it, refuse
 * a workbook without any).  Options that a kind does not use are ignored,
 * as the other kinds ignore --period. */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "bk-breakeven-map.h"
#include "bk-chart-builder-analysis.h"
#include "bk-cli-chart-analysis.h"
#include "bk-monte-carlo.h"
#include "bk-sensitivity.h"

#define DEFAULT_TRIALS 10000

static const struct {
  const char  *name;
  BkChartKind  kind;
} analysis_kinds[] = {
  { "tornado", BK_CHART_KIND_TORNADO },
  { "breakeven-map", BK_CHART_KIND_BREAKEVEN_MAP },
  { "fan", BK_CHART_KIND_FAN },
  { "histogram", BK_CHART_KIND_HISTOGRAM },
};

gboolean
bk_cli_chart_analysis_from_string (const char  *name,
                                   BkChartKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (analysis_kinds); i++)
    if (g_ascii_strcasecmp (name, analysis_kinds[i].name) == 0)
      {
        *kind = analysis_kinds[i].kind;
        return TRUE;
      }
  return FALSE;
}

void
bk_cli_chart_analysis_list (GString *list)
{
  for (guint i = 0; i < G_N_ELEMENTS (analysis_kinds); i++)
    g_string_append_printf (list, ", %s", analysis_kinds[i].name);
}

int
bk_cli_chart_analysis_check_usage (BkCliArgs   *args,
                                   BkChartKind  kind)
{
  if (kind != BK_CHART_KIND_BREAKEVEN_MAP)
    return BK_CLI_OK;

  if (bk_cli_args_get_option (args, "x") == NULL || bk_cli_args_get_option (args, "y") == NULL)
    return bk_cli_usage_error (args->command, _("The breakeven map needs --x KEY and --y KEY, the two drivers"));

  return BK_CLI_OK;
}

/* A finite number, all of @text */
static gboolean
parse_double (const char *text,
              double     *value)
{
  char *end = NULL;

  if (text == NULL || *text == '\0' || g_ascii_isspace (*text))
    return FALSE;
  *value = g_ascii_strtod (text, &end);
  return end != text && *end == '\0' && isfinite (*value);
}

/* --OPTION as a number: the fallback when absent */
static gboolean
option_double (BkCliArgs  *args,
               const char *option,
               double      fallback,
               double     *value)
{
  const char *text = bk_cli_args_get_option (args, option);
  g_autofree char *valid = NULL;

  if (text == NULL)
    {
      *value = fallback;
      return TRUE;
    }
  if (parse_double (text, value))
    return TRUE;

  valid = g_utf8_make_valid (text, -1);
  bk_cli_fail (_("--%s takes a number, not “%s”"), option, valid);
  return FALSE;
}

/* --OPTION as a whole number in [min, max] */
static gboolean
option_uint (BkCliArgs  *args,
             const char *option,
             guint64     fallback,
             guint64     min,
             guint64     max,
             guint64    *value)
{
  const char *text = bk_cli_args_get_option (args, option);
  g_autofree char *valid = NULL;

  if (text == NULL)
    {
      *value = fallback;
      return TRUE;
    }
  if (g_ascii_string_to_unsigned (text, 10, min, max, value, NULL))
    return TRUE;

  valid = g_utf8_make_valid (text, -1);
  {
    /* The bounds as text: a format macro inside _() would cut the msgid */
    g_autofree char *min_text = g_strdup_printf ("%" G_GUINT64_FORMAT, min);
    g_autofree char *max_text = g_strdup_printf ("%" G_GUINT64_FORMAT, max);

    /* Translators: --steps takes a whole number from 2 to 1000, not “x” */
    bk_cli_fail (_("--%s takes a whole number from %s to %s, not “%s”"), option, min_text, max_text, valid);
  }
  return FALSE;
}

static gboolean
option_metric (BkCliArgs *args,
               BkMetric  *metric)
{
  const char *text = bk_cli_args_get_option (args, "metric");
  g_autofree char *valid = NULL;

  *metric = BK_METRIC_NPV;
  if (text == NULL || bk_metric_from_string (text, metric))
    return TRUE;

  valid = g_utf8_make_valid (text, -1);
  bk_cli_fail (_("Unknown metric “%s”; METRIC is one of npv, irr, roi, payback, discounted_payback"),
               valid);
  return FALSE;
}

static gboolean
option_driver (BkCliArgs    *args,
               const char   *option,
               BkAssumption *driver)
{
  const char *text = bk_cli_args_get_option (args, option);
  g_autoptr(GError) error = NULL;

  if (!bk_assumption_from_key (text, driver))
    {
      g_autofree char *valid = g_utf8_make_valid (text, -1);

      bk_cli_fail (_("--%s: unknown driver “%s”"), option, valid);
      return FALSE;
    }
  if (!bk_driver_check (*driver, &error))
    {
      bk_cli_fail_error (NULL, error);
      return FALSE;
    }
  return TRUE;
}

/* --OPTION LOW:HIGH; both NAN when absent (the default range) */
static gboolean
option_range (BkCliArgs  *args,
              const char *option,
              double     *low,
              double     *high)
{
  const char *text = bk_cli_args_get_option (args, option);
  g_auto(GStrv) parts = NULL;
  g_autofree char *valid = NULL;

  *low = *high = NAN;
  if (text == NULL)
    return TRUE;

  parts = g_strsplit (text, ":", -1);
  if (g_strv_length (parts) == 2 && parse_double (parts[0], low) && parse_double (parts[1], high)
      && *low < *high)
    return TRUE;

  valid = g_utf8_make_valid (text, -1);
  bk_cli_fail (_("--%s takes LOW:HIGH with LOW below HIGH, not “%s”"), option, valid);
  return FALSE;
}

static int
build_tornado (BkCliArgs      *args,
               BkWorkbook     *workbook,
               BkEngineInputs *inputs,
               guint           scenario,
               int             company,
               BkChart       **chart)
{
  g_autoptr(GArray) bars = NULL;
  g_autoptr(GError) error = NULL;
  BkMetric metric;
  double swing, base = NAN;

  if (!option_metric (args, &metric)
      || !option_double (args, "swing", BK_SENSITIVITY_DEFAULT_SWING, &swing))
    return BK_CLI_FAILED;

  bars = bk_sensitivity_run (inputs, metric, company, swing, &base, &error);
  if (bars == NULL)
    return bk_cli_fail_error (NULL, error);

  *chart = bk_chart_build_tornado (workbook, scenario, metric, company, bars, base);
  return BK_CLI_OK;
}

static int
build_map (BkCliArgs      *args,
           BkWorkbook     *workbook,
           BkEngineInputs *inputs,
           guint           scenario,
           int             company,
           BkChart       **chart)
{
  g_autoptr(BkBreakevenMap) map = NULL;
  g_autoptr(GError) error = NULL;
  BkBreakevenMapParams params;
  BkAssumption x, y;
  guint64 steps;

  if (!option_driver (args, "x", &x) || !option_driver (args, "y", &y))
    return BK_CLI_FAILED;

  bk_breakeven_map_params_init (&params, x, y);
  params.company = company;
  if (!option_range (args, "x-range", &params.x_min, &params.x_max)
      || !option_range (args, "y-range", &params.y_min, &params.y_max)
      || !option_uint (args, "steps", BK_BREAKEVEN_MAP_DEFAULT_STEPS, 2, BK_BREAKEVEN_MAP_MAX_STEPS, &steps)
      || !option_metric (args, &params.metric)
      || !option_double (args, "target", 0.0, &params.target))
    return BK_CLI_FAILED;
  params.steps = (guint) steps;

  map = bk_breakeven_map_new (inputs, &params, &error);
  if (map == NULL)
    return bk_cli_fail_error (NULL, error);

  *chart = bk_chart_build_breakeven_map (workbook, scenario, map);
  return BK_CLI_OK;
}

static int
build_simulation (BkCliArgs      *args,
                  BkChartKind     kind,
                  BkWorkbook     *workbook,
                  BkEngineInputs *inputs,
                  guint           scenario,
                  int             company,
                  BkChart       **chart)
{
  g_autoptr(GHashTable) distributions = NULL;
  g_autoptr(BkMonteCarloResult) result = NULL;
  g_autoptr(GError) error = NULL;
  BkMonteCarloParams params;
  guint64 trials, seed;

  if (!option_uint (args, "trials", DEFAULT_TRIALS, 1, BK_MONTE_CARLO_MAX_TRIALS, &trials)
      || !option_uint (args, "seed", 0, 0, G_MAXUINT64, &seed))
    return BK_CLI_FAILED;

  /* The workbook's uncertainties, as simulate draws them: the same seed
   * and trials give the same numbers in the chart as in simulate's */
  if (bk_workbook_get_n_distributions (workbook) == 0)
    return bk_cli_fail (_("No driver has an uncertainty; give one with “breakeven-cli uncertainty FILE KEY SPEC”"));
  distributions = bk_workbook_dup_distributions (workbook);

  bk_monte_carlo_params_init (&params);
  params.trials = (guint) trials;
  params.seed = seed;
  params.company = company;

  result = bk_monte_carlo_run (inputs, distributions, &params, NULL, NULL, NULL, &error);
  if (result == NULL)
    return bk_cli_fail_error (NULL, error);

  if (kind == BK_CHART_KIND_FAN)
    *chart = bk_chart_build_fan (workbook, scenario, result);
  else
    *chart = bk_chart_build_histogram (workbook, scenario, result);
  return BK_CLI_OK;
}

int
bk_cli_chart_analysis_build (BkCliArgs   *args,
                             BkChartKind  kind,
                             BkWorkbook  *workbook,
                             guint        scenario,
                             int          company,
                             BkChart    **chart)
{
  g_autoptr(BkEngineInputs) inputs = bk_engine_inputs_new (workbook, scenario);

  switch (kind)
    {
    case BK_CHART_KIND_TORNADO:
      return build_tornado (args, workbook, inputs, scenario, company, chart);
    case BK_CHART_KIND_BREAKEVEN_MAP:
      return build_map (args, workbook, inputs, scenario, company, chart);
    case BK_CHART_KIND_FAN:
    case BK_CHART_KIND_HISTOGRAM:
      return build_simulation (args, kind, workbook, inputs, scenario, company, chart);
    case BK_CHART_KIND_LINE:
    case BK_CHART_KIND_BAR:
    case BK_CHART_KIND_STACKED_BAR:
    case BK_CHART_KIND_STACKED_AREA:
    case BK_CHART_KIND_DONUT:
    case BK_CHART_KIND_WATERFALL:
    default:
      g_assert_not_reached ();
    }
}
