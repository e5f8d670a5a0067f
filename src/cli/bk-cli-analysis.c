/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-cli-analysis.c — compare, sensitivity, goal-seek and map: the model's
 * scenario analyses as readable text or JSON
 *
 * The analyses themselves live in src/model (bk-compare.c,
 * bk-sensitivity.c, bk-goal-seek.c, bk-breakeven-map.c); this file reads
 * the options, runs one and writes what it found.  JSON numbers are in the
 * shortest form that reads back exactly, null where a value does not
 * exist; the shapes are documented in docs/cli.md. */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "bk-breakeven-map.h"
#include "bk-cli.h"
#include "bk-compare.h"
#include "bk-engine-inputs.h"
#include "bk-goal-seek.h"
#include "bk-goal-seek-apply.h"
#include "bk-json.h"
#include "bk-sensitivity.h"

#define MAX_MAP_STEPS 500

const BkCliOption bk_cli_compare_options[] = {
  { "json", 0, NULL, N_("Print JSON instead of tables") },
  { NULL }
};

const BkCliOption bk_cli_sensitivity_options[] = {
  { "metric", 0, "METRIC", N_("npv (the default), irr, roi, payback or discounted_payback") },
  { "company", 0, "ID", N_("The metric of one company instead of the total") },
  { "scenario", 0, "NAME", N_("Work on the scenario NAME instead of the base") },
  { "swing", 0, "FRACTION", N_("Move each driver down and up by this fraction (default 0.2)") },
  { "json", 0, NULL, N_("Print JSON instead of a table") },
  { NULL }
};

const BkCliOption bk_cli_goal_seek_options[] = {
  { "metric", 0, "METRIC", N_("npv, irr, roi, payback or discounted_payback") },
  { "target", 0, "X", N_("The value the metric should reach") },
  { "vary", 0, "KEY", N_("The driver to change") },
  { "company", 0, "ID", N_("The metric of one company instead of the total") },
  { "scenario", 0, "NAME", N_("Work on the scenario NAME instead of the base") },
  { "apply", 0, NULL, N_("Store the value found in the scenario, one undo step") },
  { NULL }
};

const BkCliOption bk_cli_map_options[] = {
  { "x", 0, "KEY", N_("The driver along the horizontal axis") },
  { "y", 0, "KEY", N_("The driver along the vertical axis") },
  { "x-range", 0, "LOW:HIGH", N_("The values of x (default: half to one and a half times the current value)") },
  { "y-range", 0, "LOW:HIGH", N_("The values of y (default: half to one and a half times the current value)") },
  { "steps", 0, "N", N_("Points per axis, 2 to 500 (default 21)") },
  { "metric", 0, "METRIC", N_("npv (the default), irr, roi, payback or discounted_payback") },
  { "target", 0, "X", N_("Where the contour runs (default 0)") },
  { "company", 0, "ID", N_("The metric of one company instead of the total") },
  { "scenario", 0, "NAME", N_("Work on the scenario NAME instead of the base") },
  { "json", 0, NULL, N_("Print JSON instead of a summary") },
  { NULL }
};

/* ---------------------------------------------------------------------- */
/* Shared                                                                  */

/* The metric's name with its unit, as in recalc's table */
static const char *
metric_heading (BkMetric metric)
{
  switch (metric)
    {
    case BK_METRIC_NPV:                return _("NPV (US$ B)");
    case BK_METRIC_IRR:                return _("IRR");
    case BK_METRIC_ROI:                return _("ROI");
    case BK_METRIC_PAYBACK:            return _("Payback (years)");
    case BK_METRIC_DISCOUNTED_PAYBACK: return _("Discounted payback (years)");
    case BK_N_METRICS:
    default:
      g_assert_not_reached ();
    }
}

static char *
company_display_name (BkWorkbook *workbook,
                      int         company)
{
  char *name = g_utf8_make_valid (company < 0 ? _("All companies")
                                              : bk_workbook_get_company_name (workbook, (guint) company), -1);

  g_strdelimit (name, "\t\r\n", ' ');
  return name;
}

static void
append_company_id (GString    *out,
                   BkWorkbook *workbook,
                   int         company)
{
  if (company < 0)
    g_string_append (out, "null");
  else
    bk_json_append_string (out, bk_workbook_get_company_id (workbook, (guint) company));
}

/* The document, its scenario (--scenario) and company (--company) */
typedef struct
{
  BkDocument *document;
  BkWorkbook *workbook;
  guint       scenario;
  int         company;
  BkMetric    metric;
} Target;

static void
target_clear (Target *target)
{
  g_clear_object (&target->document);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Target, target_clear)

static gboolean
open_target (BkCliArgs *args,
             Target    *target)
{
  /* Only goal-seek --apply writes; everything else reads the file as it is */
  target->document = strcmp (args->command->name, "goal-seek") == 0 && bk_cli_args_has_flag (args, "apply")
                     ? bk_cli_open_document (args->positional[0])
                     : bk_cli_open_document_read_only (args->positional[0]);
  if (target->document == NULL)
    return FALSE;

  target->workbook = bk_document_get_workbook (target->document);

  return bk_cli_find_scenario (target->workbook, bk_cli_args_get_option (args, "scenario"),
                               &target->scenario)
         && bk_cli_find_company (target->workbook, bk_cli_args_get_option (args, "company"),
                                 &target->company)
         && bk_cli_parse_metric (bk_cli_args_get_option (args, "metric"), &target->metric);
}

/* A driver that analyses may vary: known and not extra_years */
static gboolean
parse_analysis_driver (const char   *key,
                       BkAssumption *driver)
{
  g_autoptr(GError) error = NULL;

  if (!bk_cli_parse_driver (key, driver))
    return FALSE;

  if (!bk_driver_check (*driver, &error))
    {
      bk_cli_fail_error (NULL, error);
      return FALSE;
    }

  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* compare                                                                 */

static void
append_compare_metrics (GString      *out,
                        BkComparison *comparison,
                        int           company)
{
  g_string_append (out, "\"metrics\": {");
  for (guint m = 0; m < BK_N_METRICS; m++)
    {
      g_string_append (out, m ? ",\n        " : "\n        ");
      bk_json_append_string (out, bk_metric_to_string ((BkMetric) m));
      for (guint field = 0; field < 3; field++)
        {
          static const char * const names[] = { "values", "diff", "diff_fraction" };

          g_string_append_printf (out, "%s\"%s\": [", field == 0 ? ": {" : ", ", names[field]);
          for (guint s = 0; s < comparison->n_scenarios; s++)
            {
              const BkComparisonCell *cell = bk_comparison_get (comparison, s, company, (BkMetric) m);

              if (s)
                g_string_append (out, ", ");
              bk_json_append_number (out, field == 0 ? cell->value
                                          : field == 1 ? cell->diff
                                          : cell->has_fraction ? cell->diff_fraction : NAN);
            }
          g_string_append_c (out, ']');
        }
      g_string_append_c (out, '}');
    }
  g_string_append (out, "\n      }");
}

static char *
compare_json (BkWorkbook   *workbook,
              BkComparison *comparison)
{
  GString *out = g_string_new ("{\n  \"scenarios\": [");

  for (guint s = 0; s < comparison->n_scenarios; s++)
    {
      if (s)
        g_string_append (out, ", ");
      bk_json_append_string (out, s == BK_SCENARIO_BASE ? "Base"
                                  : bk_workbook_get_scenario_name (workbook, s));
    }
  g_string_append (out, "],\n  \"companies\": [");

  for (guint c = 0; c <= comparison->n_companies; c++)
    {
      /* The total is the last entry, with id and name null */
      int company = c < comparison->n_companies ? (int) c : -1;

      g_string_append (out, c ? ",\n    {\"id\": " : "\n    {\"id\": ");
      append_company_id (out, workbook, company);
      g_string_append (out, ", \"name\": ");
      if (company < 0)
        g_string_append (out, "null");
      else
        bk_json_append_string (out, bk_workbook_get_company_name (workbook, c));
      g_string_append (out, ",\n      ");
      append_compare_metrics (out, comparison, company);
      g_string_append_c (out, '}');
    }
  g_string_append (out, "\n  ]\n}\n");

  return g_string_free (out, FALSE);
}

static char *
format_signed (BkMetric metric,
               double   value)
{
  g_autofree char *text = bk_cli_format_metric (metric, value);

  if (isfinite (value) && value > 0)
    return g_strconcat ("+", text, NULL);
  return g_steal_pointer (&text);
}

static char *
compare_text (BkWorkbook   *workbook,
              BkComparison *comparison)
{
  GString *out = g_string_new (NULL);
  guint n_columns = 2 + 3 * (comparison->n_scenarios - 1);

  g_string_append (out, bk_workbook_get_title (workbook));
  g_string_append_c (out, '\n');

  for (guint m = 0; m < BK_N_METRICS; m++)
    {
      g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
      char **header = g_new0 (char *, n_columns + 1);

      g_string_append_c (out, '\n');
      g_string_append (out, metric_heading ((BkMetric) m));
      g_string_append_c (out, '\n');

      header[0] = g_strdup (_("Company"));
      for (guint s = 0; s < comparison->n_scenarios; s++)
        {
          char *name = g_utf8_make_valid (bk_workbook_get_scenario_name (workbook, s), -1);

          g_strdelimit (name, "\t\r\n", ' ');
          if (s == 0)
            header[1] = name;
          else
            {
              header[3 * s - 1] = name;
              /* Translators: the difference against Base, in the metric's unit */
              header[3 * s] = g_strdup (_("Δ"));
              /* Translators: the difference against Base, in percent of Base */
              header[3 * s + 1] = g_strdup (_("Δ %"));
            }
        }
      g_ptr_array_add (lines, header);

      for (guint c = 0; c <= comparison->n_companies; c++)
        {
          int company = c < comparison->n_companies ? (int) c : -1;
          char **cells = g_new0 (char *, n_columns + 1);

          cells[0] = company_display_name (workbook, company);
          for (guint s = 0; s < comparison->n_scenarios; s++)
            {
              const BkComparisonCell *cell = bk_comparison_get (comparison, s, company, (BkMetric) m);

              if (s == 0)
                cells[1] = bk_cli_format_metric ((BkMetric) m, cell->value);
              else
                {
                  cells[3 * s - 1] = bk_cli_format_metric ((BkMetric) m, cell->value);
                  cells[3 * s] = format_signed ((BkMetric) m, cell->diff);
                  cells[3 * s + 1] = cell->has_fraction
                                     ? g_strdup_printf ("%+.1f%%", cell->diff_fraction * 100)
                                     : g_strdup ("—");
                }
            }
          g_ptr_array_add (lines, cells);
        }

      bk_cli_append_table (out, lines, n_columns, TRUE);
    }

  return g_string_free (out, FALSE);
}

int
bk_cli_cmd_compare (BkCliArgs *args)
{
  g_autoptr(BkDocument) document = NULL;
  g_autoptr(BkComparison) comparison = NULL;
  g_autofree char *text = NULL;
  BkWorkbook *workbook;

  document = bk_cli_open_document_read_only (args->positional[0]);
  if (document == NULL)
    return BK_CLI_FAILED;

  workbook = bk_document_get_workbook (document);
  comparison = bk_comparison_new (workbook);

  if (bk_cli_args_has_flag (args, "json"))
    text = compare_json (workbook, comparison);
  else
    text = compare_text (workbook, comparison);

  return bk_cli_write_output (NULL, NULL, text, strlen (text));
}

/* ---------------------------------------------------------------------- */
/* sensitivity                                                             */

static char *
sensitivity_json (GArray *bars)
{
  GString *out = g_string_new ("[");

  for (guint i = 0; i < bars->len; i++)
    {
      const BkSensitivityBar *bar = &g_array_index (bars, BkSensitivityBar, i);

      g_string_append (out, i ? ",\n  {\"driver\": " : "\n  {\"driver\": ");
      bk_json_append_string (out, bk_assumption_get_key (bar->driver));
      g_string_append (out, ", \"low_value\": ");
      bk_json_append_number (out, bar->low_value);
      g_string_append (out, ", \"high_value\": ");
      bk_json_append_number (out, bar->high_value);
      g_string_append (out, ", \"metric_at_low\": ");
      bk_json_append_number (out, bar->metric_at_low);
      g_string_append (out, ", \"metric_at_high\": ");
      bk_json_append_number (out, bar->metric_at_high);
      g_string_append (out, ", \"swing\": ");
      bk_json_append_number (out, bar->swing);
      g_string_append_c (out, '}');
    }
  g_string_append (out, bars->len ? "\n]\n" : "]\n");

  return g_string_free (out, FALSE);
}

static char *
sensitivity_text (Target *target,
                  GArray *bars,
                  double  swing,
                  double  base_value)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autofree char *company = company_display_name (target->workbook, target->company);
  g_autofree char *unchanged = bk_cli_format_metric (target->metric, base_value);
  GString *out = g_string_new (NULL);
  char **header = g_new0 (char *, 7);

  /* Translators: "NPV (US$ B) of All companies in Base, each driver ±20%" */
  g_string_append_printf (out, _("%s of %s in %s, each driver ±%g%%"),
                          metric_heading (target->metric), company,
                          bk_workbook_get_scenario_name (target->workbook, target->scenario),
                          swing * 100);
  g_string_append_c (out, '\n');
  g_string_append_printf (out, _("Unchanged: %s"), unchanged);
  g_string_append (out, "\n\n");

  header[0] = g_strdup (_("Driver"));
  header[1] = g_strdup (_("Low"));
  header[2] = g_strdup (_("High"));
  header[3] = g_strdup (_("At low"));
  header[4] = g_strdup (_("At high"));
  header[5] = g_strdup (_("Swing"));
  g_ptr_array_add (lines, header);

  for (guint i = 0; i < bars->len; i++)
    {
      const BkSensitivityBar *bar = &g_array_index (bars, BkSensitivityBar, i);
      char **cells = g_new0 (char *, 7);

      cells[0] = g_strdup (bk_assumption_get_key (bar->driver));
      cells[1] = bk_assumption_format (bar->driver, bar->low_value);
      cells[2] = bk_assumption_format (bar->driver, bar->high_value);
      cells[3] = bk_cli_format_metric (target->metric, bar->metric_at_low);
      cells[4] = bk_cli_format_metric (target->metric, bar->metric_at_high);
      cells[5] = bk_cli_format_metric (target->metric, bar->swing);
      g_ptr_array_add (lines, cells);
    }

  bk_cli_append_table (out, lines, 6, FALSE);

  return g_string_free (out, FALSE);
}

int
bk_cli_cmd_sensitivity (BkCliArgs *args)
{
  g_auto(Target) target = { 0, };
  g_autoptr(BkEngineInputs) inputs = NULL;
  g_autoptr(GArray) bars = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *swing_text = bk_cli_args_get_option (args, "swing");
  double swing = BK_SENSITIVITY_DEFAULT_SWING;
  double base_value;

  if (!open_target (args, &target))
    return BK_CLI_FAILED;

  if (swing_text != NULL && !bk_cli_parse_number ("--swing", swing_text, &swing))
    return BK_CLI_FAILED;

  inputs = bk_engine_inputs_new (target.workbook, target.scenario);
  bars = bk_sensitivity_run (inputs, target.metric, target.company, swing, &base_value, &error);
  if (bars == NULL)
    return bk_cli_fail_error ("--swing", error);

  if (bk_cli_args_has_flag (args, "json"))
    text = sensitivity_json (bars);
  else
    text = sensitivity_text (&target, bars, swing, base_value);

  return bk_cli_write_output (NULL, NULL, text, strlen (text));
}

/* ---------------------------------------------------------------------- */
/* goal-seek                                                               */

int
bk_cli_cmd_goal_seek (BkCliArgs *args)
{
  g_auto(Target) target = { 0, };
  g_autoptr(BkEngineInputs) inputs = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  const char *metric = bk_cli_args_get_option (args, "metric");
  const char *target_text = bk_cli_args_get_option (args, "target");
  const char *vary = bk_cli_args_get_option (args, "vary");
  BkAssumption driver;
  double goal, value;

  if (metric == NULL || target_text == NULL || vary == NULL)
    return bk_cli_usage_error (args->command, _("goal-seek needs --metric, --target and --vary"));

  if (!open_target (args, &target) ||
      !bk_cli_parse_number ("--target", target_text, &goal) ||
      !parse_analysis_driver (vary, &driver))
    return BK_CLI_FAILED;

  inputs = bk_engine_inputs_new (target.workbook, target.scenario);
  if (!bk_goal_seek (inputs, target.metric, target.company, goal, driver, NAN, NAN, &value, &error))
    return bk_cli_fail_error (NULL, error);

  if (bk_cli_args_has_flag (args, "apply") &&
      !bk_goal_seek_apply (target.document, target.scenario, target.company, driver, value, &error))
    return bk_cli_fail_error (NULL, error);

  bk_document_close (target.document);

  line = bk_cli_format_shortest (value);
  g_print ("%s\n", line);
  return BK_CLI_OK;
}

/* ---------------------------------------------------------------------- */
/* map                                                                     */

/* --x-range LOW:HIGH; NULL leaves the default range (NAN) */
static gboolean
parse_range (const char   *option,
             const char   *text,
             BkAssumption  driver,
             double       *min,
             double       *max)
{
  g_auto(GStrv) ends = NULL;
  g_autofree char *valid = NULL;

  *min = *max = NAN;
  if (text == NULL)
    return TRUE;

  ends = g_strsplit (text, ":", 2);
  valid = g_utf8_make_valid (text, -1);
  if (g_strv_length (ends) != 2)
    {
      bk_cli_fail (_("%s: “%s” is not a range; type LOW:HIGH, like 0.4:0.9"), option, valid);
      return FALSE;
    }

  if (!bk_cli_parse_driver_value (driver, ends[0], min) ||
      !bk_cli_parse_driver_value (driver, ends[1], max))
    return FALSE;

  if (!(*min < *max))
    {
      bk_cli_fail (_("%s: “%s” is empty; LOW must be less than HIGH"), option, valid);
      return FALSE;
    }

  return TRUE;
}

static void
append_point (GString *out,
              BkPoint  point)
{
  g_string_append_c (out, '[');
  bk_json_append_number (out, point.x);
  g_string_append (out, ", ");
  bk_json_append_number (out, point.y);
  g_string_append_c (out, ']');
}

static void
append_axis (GString      *out,
             const char   *name,
             BkAssumption  driver,
             const double *values,
             guint         steps)
{
  g_string_append_printf (out, "  \"%s\": {\"key\": ", name);
  bk_json_append_string (out, bk_assumption_get_key (driver));
  g_string_append (out, ", \"values\": [");
  for (guint i = 0; i < steps; i++)
    {
      if (i)
        g_string_append (out, ", ");
      bk_json_append_number (out, values[i]);
    }
  g_string_append (out, "]},\n");
}

static char *
map_json (Target         *target,
          BkBreakevenMap *map)
{
  guint steps = map->params.steps;
  GString *out = g_string_new ("{\n");

  append_axis (out, "x", map->params.x, map->x_values, steps);
  append_axis (out, "y", map->params.y, map->y_values, steps);
  g_string_append (out, "  \"metric\": ");
  bk_json_append_string (out, bk_metric_to_string (map->params.metric));
  g_string_append (out, ",\n  \"target\": ");
  bk_json_append_number (out, map->params.target);
  g_string_append (out, ",\n  \"company\": ");
  append_company_id (out, target->workbook, target->company);
  g_string_append (out, ",\n  \"scenario\": ");
  bk_json_append_string (out, target->scenario == BK_SCENARIO_BASE ? "Base"
                              : bk_workbook_get_scenario_name (target->workbook, target->scenario));
  g_string_append (out, ",\n  \"grid\": [");
  for (guint j = 0; j < steps; j++)
    {
      g_string_append (out, j ? ",\n    [" : "\n    [");
      for (guint i = 0; i < steps; i++)
        {
          if (i)
            g_string_append (out, ", ");
          bk_json_append_number (out, map->grid[j * steps + i]);
        }
      g_string_append_c (out, ']');
    }
  g_string_append (out, "\n  ],\n  \"contour\": [");
  for (guint k = 0; k < map->n_contour; k++)
    {
      if (k)
        g_string_append (out, ", ");
      append_point (out, map->contour[k]);
    }
  g_string_append (out, "],\n  \"contour_lines\": [");
  for (guint l = 0; l < map->n_polylines; l++)
    {
      g_string_append (out, l ? ", [" : "[");
      for (guint k = map->starts[l]; k < map->starts[l + 1]; k++)
        {
          if (k > map->starts[l])
            g_string_append (out, ", ");
          append_point (out, map->contour[k]);
        }
      g_string_append_c (out, ']');
    }
  g_string_append (out, "],\n  \"current\": ");
  append_point (out, map->current);
  g_string_append (out, ",\n  \"current_metric\": ");
  bk_json_append_number (out, map->current_metric);
  g_string_append (out, "\n}\n");

  return g_string_free (out, FALSE);
}

static void
append_axis_summary (GString      *out,
                     const char   *name,
                     BkAssumption  driver,
                     double        min,
                     double        max,
                     guint         steps)
{
  g_autofree char *low = bk_assumption_format (driver, min);
  g_autofree char *high = bk_assumption_format (driver, max);

  /* Translators: "x: price_per_mtok from 0.5 to 1.5, 21 points" */
  g_string_append_printf (out, _("%s: %s from %s to %s, %u points"), name,
                          bk_assumption_get_key (driver), low, high, steps);
  g_string_append_c (out, '\n');
}

static char *
map_text (Target         *target,
          BkBreakevenMap *map)
{
  const BkBreakevenMapParams *p = &map->params;
  g_autofree char *company = company_display_name (target->workbook, target->company);
  g_autofree char *goal = bk_cli_format_metric (p->metric, p->target);
  g_autofree char *current_x = bk_assumption_format (p->x, map->current.x);
  g_autofree char *current_y = bk_assumption_format (p->y, map->current.y);
  g_autofree char *current_metric = bk_cli_format_metric (p->metric, map->current_metric);
  GString *out = g_string_new (NULL);

  /* Translators: "Where NPV (US$ B) of All companies is 0.00 in Base" */
  g_string_append_printf (out, _("Where %s of %s is %s in %s"), metric_heading (p->metric),
                          company, goal,
                          bk_workbook_get_scenario_name (target->workbook, target->scenario));
  g_string_append_c (out, '\n');
  append_axis_summary (out, "x", p->x, p->x_min, p->x_max, p->steps);
  append_axis_summary (out, "y", p->y, p->y_min, p->y_max, p->steps);
  /* Translators: "Now: x 1.2, y 60%, metric −12.34" */
  g_string_append_printf (out, _("Now: x %s, y %s, metric %s"), current_x, current_y, current_metric);
  g_string_append_c (out, '\n');

  if (map->n_contour == 0)
    {
      g_string_append (out, _("The metric does not reach the target anywhere on the map"));
      g_string_append_c (out, '\n');
      return g_string_free (out, FALSE);
    }

  g_string_append_printf (out, ngettext ("The contour: %u point (x, y)",
                                  "The contour: %u points (x, y)", map->n_contour),
                          map->n_contour);
  g_string_append_c (out, '\n');
  for (guint l = 0; l < map->n_polylines; l++)
    {
      if (l > 0)
        g_string_append_c (out, '\n');
      for (guint k = map->starts[l]; k < map->starts[l + 1]; k++)
        {
          g_autofree char *x = bk_assumption_format (p->x, map->contour[k].x);
          g_autofree char *y = bk_assumption_format (p->y, map->contour[k].y);

          g_string_append_printf (out, "  %s  %s\n", x, y);
        }
    }

  return g_string_free (out, FALSE);
}

int
bk_cli_cmd_map (BkCliArgs *args)
{
  g_auto(Target) target = { 0, };
  g_autoptr(BkEngineInputs) inputs = NULL;
  g_autoptr(BkBreakevenMap) map = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *x_key = bk_cli_args_get_option (args, "x");
  const char *y_key = bk_cli_args_get_option (args, "y");
  const char *steps_text = bk_cli_args_get_option (args, "steps");
  const char *target_text = bk_cli_args_get_option (args, "target");
  BkBreakevenMapParams params;
  BkAssumption x, y;

  if (x_key == NULL || y_key == NULL)
    return bk_cli_usage_error (args->command, _("map needs --x and --y"));

  if (!open_target (args, &target) ||
      !parse_analysis_driver (x_key, &x) ||
      !parse_analysis_driver (y_key, &y))
    return BK_CLI_FAILED;

  if (x == y)
    return bk_cli_fail (_("--x and --y are both %s; choose two different drivers"),
                        bk_assumption_get_key (x));

  bk_breakeven_map_params_init (&params, x, y);
  params.metric = target.metric;
  params.company = target.company;

  if (!parse_range ("--x-range", bk_cli_args_get_option (args, "x-range"), x,
                    &params.x_min, &params.x_max) ||
      !parse_range ("--y-range", bk_cli_args_get_option (args, "y-range"), y,
                    &params.y_min, &params.y_max))
    return BK_CLI_FAILED;

  if (target_text != NULL && !bk_cli_parse_number ("--target", target_text, &params.target))
    return BK_CLI_FAILED;

  if (steps_text != NULL)
    {
      guint64 steps;

      if (!g_ascii_string_to_unsigned (steps_text, 10, 2, MAX_MAP_STEPS, &steps, NULL))
        {
          g_autofree char *valid = g_utf8_make_valid (steps_text, -1);

          return bk_cli_fail (_("--steps: “%s” is not a whole number from %u to %u"),
                              valid, 2, MAX_MAP_STEPS);
        }
      params.steps = (guint) steps;
    }

  inputs = bk_engine_inputs_new (target.workbook, target.scenario);
  map = bk_breakeven_map_new (inputs, &params, &error);
  if (map == NULL)
    return bk_cli_fail_error (NULL, error);

  if (bk_cli_args_has_flag (args, "json"))
    text = map_json (&target, map);
  else
    text = map_text (&target, map);

  return bk_cli_write_output (NULL, NULL, text, strlen (text));
}
