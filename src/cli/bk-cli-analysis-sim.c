/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-cli-analysis-sim.c — uncertainty and simulate: the drivers'
 * uncertainties, and Monte Carlo on them, as text or JSON
 *
 * `uncertainty FILE KEY SPEC` sets (or with "none" removes) one driver's
 * uncertainty, one undo step.  `simulate` runs bk_monte_carlo_run() on the
 * document's uncertainties.  Every number is printed in the shortest form
 * that reads back exactly, and nothing depends on the number of threads,
 * so the same seed prints the same text with any --threads. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bk-cli.h"
#include "bk-engine-inputs.h"
#include "bk-json.h"
#include "bk-monte-carlo.h"
#include "bk-number.h"

const BkCliOption bk_cli_simulate_options[] = {
  { "trials", 0, "N", N_("Run N trials (1 to 10000000)") },
  { "seed", 0, "S", N_("Seed the random streams with S, a whole number from 0 (the default)") },
  { "threads", 0, "T", N_("Run on T threads (1 to 64; default: one per processor)") },
  { "company", 0, "ID", N_("Simulate the company ID instead of the total") },
  { "scenario", 0, "NAME", N_("Simulate the scenario NAME instead of the base") },
  { "json", 0, NULL, N_("Print JSON instead of text") },
  { NULL }
};

int
bk_cli_cmd_uncertainty (BkCliArgs *args)
{
  g_autoptr(BkDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  BkAssumption assumption;

  document = bk_cli_open_document (args->positional[0]);
  if (document == NULL)
    return BK_CLI_FAILED;

  if (!bk_cli_parse_driver (args->positional[1], &assumption))
    return BK_CLI_FAILED;

  if (!bk_document_set_distribution (document, assumption, args->positional[2], &error))
    return bk_cli_fail_error (bk_assumption_get_key (assumption), error);

  return BK_CLI_OK;
}

/* simulate */

gboolean
bk_cli_parse_count (const char *text,
                    const char *option,
                    guint64     min,
                    guint64     max,
                    guint64    *value)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  char min_text[32], max_text[32];

  if (g_ascii_string_to_unsigned (text, 10, min, max, value, NULL))
    return TRUE;

  g_snprintf (min_text, sizeof min_text, "%" G_GUINT64_FORMAT, min);
  g_snprintf (max_text, sizeof max_text, "%" G_GUINT64_FORMAT, max);
  /* Translators: --trials “0”: expected a whole number from 1 to 10000000 */
  bk_cli_fail (_("--%s “%s”: expected a whole number from %s to %s"), option, valid, min_text, max_text);
  return FALSE;
}

static void
append_number (GString *out,
               double   value)
{
  char buf[BK_NUMBER_BUF_SIZE];

  bk_number_format_shortest (buf, value);
  g_string_append (out, buf);
}

/* "LABEL: VALUE" on a line of its own */
static void
append_line (GString    *out,
             const char *label,
             double      value)
{
  g_string_append (out, label);
  g_string_append_c (out, ' ');
  append_number (out, value);
  g_string_append_c (out, '\n');
}

static char *
format_json (BkWorkbook               *workbook,
             guint                     scenario,
             const BkMonteCarloResult *result)
{
  GString *out = g_string_new ("{\n");
  int company = result->params.company;

  g_string_append_printf (out, "  \"trials\": %u,\n  \"seed\": %" G_GUINT64_FORMAT ",\n",
                          result->params.trials, result->params.seed);
  g_string_append (out, "  \"scenario\": ");
  bk_json_append_string (out, bk_workbook_get_scenario_name (workbook, scenario));
  g_string_append (out, ",\n  \"company\": ");
  if (company >= 0)
    bk_json_append_string (out, bk_workbook_get_company_id (workbook, (guint) company));
  else
    g_string_append (out, "null");

  g_string_append (out, ",\n  \"distributions\": {");
  for (guint k = 0, n = 0; k < BK_N_ASSUMPTIONS; k++)
    {
      const char *spec = bk_workbook_get_distribution (workbook, (BkAssumption) k);

      if (spec == NULL)
        continue;
      g_string_append (out, n++ ? ", " : "");
      bk_json_append_string (out, bk_assumption_get_key ((BkAssumption) k));
      g_string_append (out, ": ");
      bk_json_append_string (out, spec);
    }

  g_string_append (out, "},\n  \"deterministic_npv\": ");
  bk_json_append_number (out, result->deterministic_npv);
  g_string_append (out, ",\n  \"npv\": {\"mean\": ");
  bk_json_append_number (out, result->mean);
  g_string_append (out, ", \"sd\": ");
  bk_json_append_number (out, result->sd);
  for (guint p = 0; p < BK_N_PERCENTILES; p++)
    {
      g_string_append_printf (out, ", \"%s\": ", bk_percentile_to_string ((BkPercentile) p));
      bk_json_append_number (out, result->npv[p]);
    }
  g_string_append (out, ", \"prob_positive\": ");
  bk_json_append_number (out, result->prob_positive);
  g_string_append (out, "},\n  \"histogram\": [");
  for (guint b = 0; b < result->n_bins; b++)
    {
      g_string_append (out, b ? ",\n    {\"from\": " : "\n    {\"from\": ");
      bk_json_append_number (out, result->histogram[b].from);
      g_string_append (out, ", \"to\": ");
      bk_json_append_number (out, result->histogram[b].to);
      g_string_append_printf (out, ", \"count\": %u}", result->histogram[b].count);
    }
  g_string_append (out, result->n_bins ? "\n  ],\n" : "],\n");

  g_string_append (out, "  \"cum_fcf\": {\n    \"periods\": [");
  for (guint t = 0; t < result->n_periods; t++)
    {
      g_autofree char *label = bk_workbook_dup_period_label (workbook, t);

      g_string_append (out, t ? ", " : "");
      bk_json_append_string (out, label);
    }
  g_string_append (out, "]");
  for (guint p = 0; p < BK_N_PERCENTILES; p++)
    {
      g_string_append_printf (out, ",\n    \"%s\": [", bk_percentile_to_string ((BkPercentile) p));
      for (guint t = 0; t < result->n_periods; t++)
        {
          g_string_append (out, t ? ", " : "");
          bk_json_append_number (out, result->cum_fcf[p][t]);
        }
      g_string_append (out, "]");
    }
  g_string_append (out, "\n  }\n}\n");

  return g_string_free (out, FALSE);
}

static char *
format_text (BkWorkbook               *workbook,
             guint                     scenario,
             const BkMonteCarloResult *result)
{
  GString *out = g_string_new (NULL);
  int company = result->params.company;
  char seed[32];

  g_snprintf (seed, sizeof seed, "%" G_GUINT64_FORMAT, result->params.seed);
  g_string_append_printf (out, _("Monte Carlo: %u trials, seed %s"), result->params.trials, seed);
  g_string_append_c (out, '\n');
  g_string_append_printf (out, _("Scenario: %s"), bk_workbook_get_scenario_name (workbook, scenario));
  g_string_append_c (out, '\n');
  g_string_append_printf (out, _("Company: %s"),
                          company >= 0 ? bk_workbook_get_company_name (workbook, (guint) company)
                                       : _("All companies"));
  g_string_append (out, "\n\n");

  g_string_append (out, _("Uncertain drivers:"));
  g_string_append_c (out, '\n');
  for (guint k = 0; k < BK_N_ASSUMPTIONS; k++)
    {
      const char *spec = bk_workbook_get_distribution (workbook, (BkAssumption) k);

      if (spec != NULL)
        g_string_append_printf (out, "  %s  %s\n", bk_assumption_get_key ((BkAssumption) k), spec);
    }
  g_string_append_c (out, '\n');

  append_line (out, _("NPV (US$ B) without uncertainty:"), result->deterministic_npv);
  append_line (out, _("NPV (US$ B) mean:"), result->mean);
  append_line (out, _("NPV (US$ B) standard deviation:"), result->sd);
  for (guint p = 0; p < BK_N_PERCENTILES; p++)
    {
      /* Translators: "NPV (US$ B) P5:", the 5th percentile of NPV */
      g_autofree char *label = g_strdup_printf (_("NPV (US$ B) P%u:"),
                                                (guint) (bk_percentile_get_level ((BkPercentile) p) * 100 + 0.5));

      append_line (out, label, result->npv[p]);
    }
  append_line (out, _("Probability that NPV > 0:"), result->prob_positive);
  g_string_append_c (out, '\n');

  g_string_append (out, _("Histogram of NPV (US$ B): from, to, trials"));
  g_string_append_c (out, '\n');
  for (guint b = 0; b < result->n_bins; b++)
    {
      g_string_append (out, "  ");
      append_number (out, result->histogram[b].from);
      g_string_append (out, "  ");
      append_number (out, result->histogram[b].to);
      g_string_append_printf (out, "  %u\n", result->histogram[b].count);
    }
  g_string_append_c (out, '\n');

  g_string_append (out, _("Cumulative FCF (US$ B) by period: P5, P25, P50, P75, P95"));
  g_string_append_c (out, '\n');
  for (guint t = 0; t < result->n_periods; t++)
    {
      g_autofree char *label = bk_workbook_dup_period_label (workbook, t);

      g_string_append_printf (out, "  %s", label);
      for (guint p = 0; p < BK_N_PERCENTILES; p++)
        {
          g_string_append (out, "  ");
          append_number (out, result->cum_fcf[p][t]);
        }
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

int
bk_cli_cmd_simulate (BkCliArgs *args)
{
  g_autoptr(BkDocument) document = NULL;
  g_autoptr(BkEngineInputs) inputs = NULL;
  g_autoptr(GHashTable) distributions = NULL;
  g_autoptr(BkMonteCarloResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  const char *trials = bk_cli_args_get_option (args, "trials");
  const char *seed = bk_cli_args_get_option (args, "seed");
  const char *threads = bk_cli_args_get_option (args, "threads");
  const char *company_id = bk_cli_args_get_option (args, "company");
  BkMonteCarloParams params;
  BkWorkbook *workbook;
  guint64 value;
  guint scenario;

  if (trials == NULL)
    return bk_cli_usage_error (args->command, _("simulate needs --trials N"));

  bk_monte_carlo_params_init (&params);
  if (!bk_cli_parse_count (trials, "trials", 1, BK_MONTE_CARLO_MAX_TRIALS, &value))
    return BK_CLI_FAILED;
  params.trials = (guint) value;
  if (seed != NULL && !bk_cli_parse_count (seed, "seed", 0, G_MAXUINT64, &params.seed))
    return BK_CLI_FAILED;
  if (threads != NULL)
    {
      if (!bk_cli_parse_count (threads, "threads", 1, BK_MONTE_CARLO_MAX_THREADS, &value))
        return BK_CLI_FAILED;
      params.threads = (guint) value;
    }

  document = bk_cli_open_document_read_only (args->positional[0]);
  if (document == NULL)
    return BK_CLI_FAILED;

  workbook = bk_document_get_workbook (document);
  if (!bk_cli_find_scenario (workbook, bk_cli_args_get_option (args, "scenario"), &scenario))
    return BK_CLI_FAILED;
  if (company_id != NULL && !bk_cli_find_company (workbook, company_id, &params.company))
    return BK_CLI_FAILED;
  if (bk_workbook_get_n_distributions (workbook) == 0)
    return bk_cli_fail (_("No driver has an uncertainty; give one with “breakeven-cli uncertainty FILE KEY SPEC”"));

  inputs = bk_engine_inputs_new (workbook, scenario);
  distributions = bk_workbook_dup_distributions (workbook);
  result = bk_monte_carlo_run (inputs, distributions, &params, NULL, NULL, NULL, &error);
  if (result == NULL)
    return bk_cli_fail_error (NULL, error);

  if (bk_cli_args_has_flag (args, "json"))
    output = format_json (workbook, scenario, result);
  else
    output = format_text (workbook, scenario, result);

  return bk_cli_write_output (NULL, NULL, output, strlen (output));
}
