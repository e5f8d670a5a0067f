/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-cli-recalc.c — recalc: the ROI metrics as a table or results JSON
 *
 * The table has one line per company and a total line, with NPV in US$
 * billion, IRR and ROI in percent, payback and discounted payback in years,
 * and "—" where a metric does not exist.  An IRR marked "*" is one of
 * several; the one nearest the discount rate is shown.  Numbers use the
 * user's locale; use --json for machine-readable output. */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "bk-cli.h"
#include "bk-engine.h"
#include "bk-json.h"

enum
{
  COL_NAME,
  COL_NPV,
  COL_IRR,
  COL_ROI,
  COL_PAYBACK,
  COL_DISCOUNTED_PAYBACK,
  N_COLUMNS
};

static void
add_line (GPtrArray       *lines,
          const char      *name,
          const BkMetrics *metrics,
          gboolean        *any_multiple)
{
  char **cells = g_new0 (char *, N_COLUMNS + 1);

  /* One line per company, whatever the name holds */
  cells[COL_NAME] = g_strdup (name);
  g_strdelimit (cells[COL_NAME], "\t\r\n", ' ');
  {
    char *shown = bk_cli_escape_controls (cells[COL_NAME]);

    g_free (cells[COL_NAME]);
    cells[COL_NAME] = shown;
  }
  cells[COL_NPV] = bk_cli_format_metric (BK_METRIC_NPV, metrics->npv);
  cells[COL_IRR] = bk_cli_format_metric (BK_METRIC_IRR, metrics->irr);
  if (metrics->irr_multiple && isfinite (metrics->irr))
    {
      char *marked = g_strconcat (cells[COL_IRR], "*", NULL);

      g_free (cells[COL_IRR]);
      cells[COL_IRR] = marked;
      *any_multiple = TRUE;
    }
  cells[COL_ROI] = bk_cli_format_metric (BK_METRIC_ROI, metrics->roi);
  cells[COL_PAYBACK] = bk_cli_format_metric (BK_METRIC_PAYBACK, metrics->payback_years);
  cells[COL_DISCOUNTED_PAYBACK] = bk_cli_format_metric (BK_METRIC_DISCOUNTED_PAYBACK, metrics->discounted_payback_years);

  g_ptr_array_add (lines, cells);
}

static char *
format_table (BkWorkbook *workbook,
              BkResults  *results,
              guint       scenario)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GString) out = g_string_new (NULL);
  guint n_periods = bk_results_get_n_periods (results);
  guint n_input = bk_results_get_n_input_periods (results);
  gboolean any_multiple = FALSE;
  char **header = g_new0 (char *, N_COLUMNS + 1);
  const char *granularity;

  header[COL_NAME] = g_strdup (_("Company"));
  header[COL_NPV] = g_strdup (_("NPV (US$ B)"));
  header[COL_IRR] = g_strdup (_("IRR"));
  header[COL_ROI] = g_strdup (_("ROI"));
  header[COL_PAYBACK] = g_strdup (_("Payback (years)"));
  header[COL_DISCOUNTED_PAYBACK] = g_strdup (_("Discounted payback (years)"));
  g_ptr_array_add (lines, header);

  for (guint c = 0; c < bk_results_get_n_companies (results); c++)
    add_line (lines, bk_workbook_get_company_name (workbook, c),
              bk_results_get_company (results, c), &any_multiple);
  add_line (lines, _("All companies"), bk_results_get_total (results), &any_multiple);

  /* The title, the scenario and the time axis */
  g_string_append (out, bk_workbook_get_title (workbook));
  g_string_append_c (out, '\n');

  switch (bk_workbook_get_granularity (workbook))
    {
    case BK_GRANULARITY_HALF:    granularity = _("half-yearly"); break;
    case BK_GRANULARITY_QUARTER: granularity = _("quarterly"); break;
    case BK_GRANULARITY_YEAR:
    default:                     granularity = _("yearly"); break;
    }

  g_string_append_printf (out, _("Scenario: %s"),
                          bk_workbook_get_scenario_name (workbook, scenario));
  g_string_append_c (out, '\n');
  if (n_periods > 0)
    {
      g_autofree char *first = bk_workbook_dup_period_label (workbook, 0);
      g_autofree char *last = bk_workbook_dup_period_label (workbook, n_periods - 1);

      g_string_append_printf (out, _("Periods: %s to %s, %s (%u input, %u modelled after)"),
                              first, last, granularity, n_input, n_periods - n_input);
      g_string_append_c (out, '\n');
    }
  g_string_append_c (out, '\n');

  bk_cli_append_table (out, lines, N_COLUMNS, TRUE);

  if (any_multiple)
    {
      g_string_append (out, _("* several IRRs exist; the one nearest the discount rate is shown"));
      g_string_append_c (out, '\n');
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

int
bk_cli_cmd_recalc (BkCliArgs *args)
{
  g_autoptr(BkDocument) document = NULL;
  g_autoptr(BkResults) results = NULL;
  BkWorkbook *workbook;
  guint scenario;

  document = bk_cli_open_document_read_only (args->positional[0]);
  if (document == NULL)
    return BK_CLI_FAILED;

  workbook = bk_document_get_workbook (document);
  if (!bk_cli_find_scenario (workbook, bk_cli_args_get_option (args, "scenario"), &scenario))
    return BK_CLI_FAILED;

  results = bk_engine_compute (workbook, scenario);

  if (bk_cli_args_has_flag (args, "json"))
    {
      g_autofree char *json = bk_json_write_results (workbook, results);

      return bk_cli_write_output (NULL, NULL, json, strlen (json));
    }
  else
    {
      g_autofree char *table = format_table (workbook, results, scenario);

      bk_cli_print_text (table);
      return BK_CLI_OK;
    }
}
