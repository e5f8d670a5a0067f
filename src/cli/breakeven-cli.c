/* SPDX-License-Identifier: GPL-3.0-or-later */
/* breakeven-cli.c — the command line: main, the command table and the
 * option parser (FORMATS.md section 6)
 *
 * Options are parsed by hand so that the exit statuses are exact and so
 * that a negative VALUE ("-10%", growth shorthand) is an argument, not an
 * option: only '-' followed by a letter starts a short option, and "--"
 * ends the options.  Options may come before, between or after the
 * arguments; a long option takes its value as "--from=X" or "--from X".
 * Every command takes -h/--help.  A new command is one entry in
 * `commands` and one bk_cli_cmd_*() function. */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <signal.h>
#include <string.h>

#include "bk-cli.h"
#include "bk-cli-chart.h"

static const BkCliOption no_options[] = {
  { NULL }
};

static const BkCliOption new_options[] = {
  { "sample", 0, NULL, N_("Start from the bundled sample workbook") },
  { "from", 0, "WORKBOOK.json", N_("Start from workbook JSON (“-” reads standard input)") },
  { "force", 0, NULL, N_("Replace FILE if it exists") },
  { NULL }
};

static const BkCliOption export_options[] = {
  { "output", 'o', "OUT", N_("Write to OUT, replaced atomically, instead of standard output") },
  { NULL }
};

static const BkCliOption export_csv_options[] = {
  { "output", 'o', "OUT", N_("Write to OUT, replaced atomically, instead of standard output") },
  { "scenario", 0, "NAME", N_("Compute results in the scenario NAME instead of the base") },
  { "company", 0, "ID", N_("The company whose per-period results “series” prints") },
  { NULL }
};

static const BkCliOption scenario_options[] = {
  { "scenario", 0, "NAME", N_("Work on the scenario NAME instead of the base") },
  { NULL }
};

static const BkCliOption recalc_options[] = {
  { "scenario", 0, "NAME", N_("Compute the scenario NAME instead of the base") },
  { "json", 0, NULL, N_("Print results JSON instead of a table") },
  { NULL }
};

static const BkCliCommand commands[] = {
  { "new", "[--sample | --from WORKBOOK.json] [--force] FILE",
    N_("Create a document: empty, the bundled sample, or from workbook JSON"),
    N_("Without --sample or --from the document is an empty yearly workbook. "
       "An existing FILE is only replaced with --force. Invalid JSON is "
       "reported with the path of the first problem and no file is written."),
    new_options, 1, 1, bk_cli_cmd_new },
  { "export-json", "FILE [-o OUT]",
    N_("Print the workbook as JSON"),
    NULL,
    export_options, 1, 1, bk_cli_cmd_export_json },
  { "export-csv", "FILE TABLE [-o OUT] [--scenario NAME] [--company ID]",
    N_("Print one table, the results or a company's per-period results as CSV"),
    N_("TABLE is an input table (capex, backlog, tokens, share), “results” "
       "(NPV, IRR, ROI, paybacks, capex and revenue of every company and "
       "the total) or “series” (every per-period result of the company "
       "given with --company, or of the total without it). Values are in "
       "the table's unit (share, IRR and ROI as fractions) at full "
       "precision; blank cells and metrics that do not exist are empty. "
       "--scenario computes results in that scenario."),
    export_csv_options, 2, 2, bk_cli_cmd_export_csv },
  { "import-csv", "FILE TABLE IN [--scenario NAME]",
    N_("Set one table's cells from CSV"),
    N_("IN is a CSV file (“-” reads standard input) with the header "
       "id,name,<period labels>. Share values are fractions, or percent "
       "with “%”. Nothing changes unless every cell is valid; the import "
       "is one undo step."),
    scenario_options, 3, 3, bk_cli_cmd_import_csv },
  { "get", "FILE TABLE ROW PERIOD [--scenario NAME]",
    N_("Print one cell's value"),
    N_("The value is printed in the table's unit (share as a fraction) in "
       "the shortest form that reads back exactly; a blank cell prints "
       "nothing."),
    scenario_options, 4, 4, bk_cli_cmd_get },
  { "set", "FILE TABLE ROW PERIOD VALUE [--scenario NAME]",
    N_("Set one cell as if typed into the grid"),
    N_("VALUE is read like a typed cell in the current locale: numbers, "
       "suffixes K M B bn T, currency, percent in the share table, growth "
       "like +39%, formulas starting with “=”; an empty VALUE clears the "
       "cell. With --scenario the value overrides the base in that "
       "scenario. Use “--” before a VALUE that starts with “-” and a letter."),
    scenario_options, 5, 5, bk_cli_cmd_set },
  { "undo", "FILE",
    N_("Undo the last change stored in the document"),
    NULL,
    no_options, 1, 1, bk_cli_cmd_undo },
  { "redo", "FILE",
    N_("Redo the last undone change"),
    NULL,
    no_options, 1, 1, bk_cli_cmd_redo },
  { "recalc", "FILE [--scenario NAME] [--json]",
    N_("Compute NPV, IRR, ROI and payback for every company"),
    NULL,
    recalc_options, 1, 1, bk_cli_cmd_recalc },
  { "check", "FILE",
    N_("Check the file's integrity and show validation warnings"),
    N_("Exits with 0 when the file is healthy, even with warnings, and 1 "
       "when it cannot be opened or fails the integrity check."),
    no_options, 1, 1, bk_cli_cmd_check },
  { "chart", BK_CLI_CHART_SYNOPSIS, BK_CLI_CHART_SUMMARY, BK_CLI_CHART_DESCRIPTION,
    bk_cli_chart_options, 1, 1, bk_cli_cmd_chart },
  { "export-xlsx", "FILE -o OUT.xlsx [--scenario NAME] [--values-only]",
    N_("Write the whole model as an XLSX workbook with live formulas"),
    N_("The sheets hold the input tables, the assumptions, one model sheet "
       "per company and the results, as formulas that recalculate in any "
       "spreadsheet to the numbers of recalc; --values-only writes the "
       "values instead. Nothing is written unless the whole file is."),
    bk_cli_xlsx_options, 1, 1, bk_cli_cmd_export_xlsx },
  { "report", "FILE -o OUT.pdf [--scenario NAME] [--paper a4|letter] [--trials N] [--seed S]",
    N_("Write a PDF report of the workbook"),
    N_("The report holds the key figures, the scenario comparison, the "
       "analyses (the tornado of NPV, the breakeven map and, when drivers "
       "are uncertain, a Monte Carlo simulation of --trials trials from "
       "--seed, as simulate runs it), every chart, the input tables, the "
       "assumptions in effect and the notes as numbered sources, on A4 or "
       "letter paper. Nothing is written unless the whole file is."),
    bk_cli_report_options, 1, 1, bk_cli_cmd_report },
  { "scenario", "list|add|rename|remove|set|unset FILE …",
    N_("List, add, rename and remove scenarios and set their assumptions"),
    N_("scenario list FILE prints the scenario names, Base first, one per "
       "line. scenario add FILE NAME [--from NAME] adds a scenario, empty or "
       "a copy of another. scenario rename FILE OLD NEW and scenario remove "
       "FILE NAME rename and remove one; Base cannot be renamed or removed. "
       "scenario set FILE NAME KEY VALUE [--company ID] sets the driver KEY "
       "in the scenario NAME (in Base: the workbook's value), for one "
       "company with --company; VALUE is a plain number, fractions also as "
       "percent (0.6 or 60%). scenario unset FILE NAME KEY [--company ID] "
       "removes that value again. Each change is one undo step."),
    bk_cli_scenario_options, 2, 5, bk_cli_cmd_scenario },
  { "compare", "FILE [--json]",
    N_("Compare every metric of every company across the scenarios"),
    N_("One column per scenario, Base first, with each scenario's "
       "difference against Base in the metric's unit and in percent of "
       "Base's magnitude, so an improvement is positive even when Base is "
       "negative."),
    bk_cli_compare_options, 1, 1, bk_cli_cmd_compare },
  { "sensitivity", "FILE [--metric METRIC] [--company ID] [--scenario NAME] [--swing FRACTION] [--json]",
    N_("Rank the drivers by how much they move a metric (tornado)"),
    N_("Each driver but extra_years is multiplied by 1 − FRACTION and "
       "1 + FRACTION for every company, one at a time and kept inside its "
       "valid range, and the drivers are ranked by how far the metric "
       "moves between the two."),
    bk_cli_sensitivity_options, 1, 1, bk_cli_cmd_sensitivity },
  { "goal-seek", "FILE --metric METRIC --target X --vary KEY [--company ID] [--scenario NAME] [--apply]",
    N_("Find the value of a driver at which a metric reaches a target"),
    N_("The driver is set for every company and searched for inside its "
       "valid range; the value found is printed alone on one line in the "
       "shortest form that reads back exactly. When no value reaches the "
       "target the command says so and exits with 1. With --apply the value "
       "is stored in the scenario so that a recalculation reaches the "
       "target, in one undo step: with --company as that company's value, "
       "otherwise as the scenario's value and in place of every company "
       "value of the driver that would win over it."),
    bk_cli_goal_seek_options, 1, 1, bk_cli_cmd_goal_seek },
  { "map", "FILE --x KEY --y KEY [--x-range LOW:HIGH] [--y-range LOW:HIGH] [--steps N] [--metric METRIC] [--target X] [--company ID] [--scenario NAME] [--json]",
    N_("Compute a metric over a grid of two drivers and where it breaks even"),
    N_("Each grid point sets both drivers for every company. The summary "
       "shows the ranges, the current point and the contour where the "
       "metric equals the target (NPV = 0 by default); --json prints the "
       "whole grid as well."),
    bk_cli_map_options, 1, 1, bk_cli_cmd_map },
  { "uncertainty", "FILE KEY SPEC",
    N_("Set the uncertainty of one driver for Monte Carlo"),
    N_("SPEC is “LOW to HIGH” (triangular, its mode at the driver's current "
       "value), “N(MEAN, SD)” (normal, truncated to the driver's valid range) "
       "or “U(LOW, HIGH)” (uniform), in the driver's unit and the current "
       "locale; “none” removes it. One undo step; a bad SPEC changes nothing."),
    no_options, 3, 3, bk_cli_cmd_uncertainty },
  { "simulate", "FILE --trials N [--seed S] [--threads T] [--company ID] [--scenario NAME] [--json]",
    N_("Run a Monte Carlo simulation of NPV over the drivers' uncertainties"),
    N_("Every trial draws every uncertain driver from its own random stream "
       "(the seed and the trial's number), so the same seed gives the same "
       "numbers with any number of threads. Prints NPV's mean, standard "
       "deviation, percentiles, the probability that NPV > 0, a histogram "
       "and the percentiles of cumulative FCF per period, for the total or "
       "one company; numbers read back exactly."),
    bk_cli_simulate_options, 1, 1, bk_cli_cmd_simulate },
};

static void
print_usage (FILE *stream)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append_printf (text, _("Usage: %s COMMAND [OPTION…] ARGUMENT…"), "breakeven-cli");
  g_string_append (text, "\n\n");
  g_string_append (text, _("Commands:"));
  g_string_append_c (text, '\n');
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (text, "  %-12s %s\n", commands[i].name, _(commands[i].summary));
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("TABLE is one of %s, %s, %s, %s."),
                          "capex", "backlog", "tokens", "share");
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Run “%s COMMAND --help” for the options of a command."),
                          "breakeven-cli");
  g_string_append_c (text, '\n');
  g_string_append (text, _("Exit status: 0 on success, 1 on bad input or a failed operation, 2 on wrong usage."));
  g_string_append_c (text, '\n');

  if (stream == stderr)
    g_printerr ("%s", text->str);
  else
    g_print ("%s", text->str);
}

static const BkCliCommand *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (commands[i].name, name) == 0)
      return &commands[i];

  return NULL;
}

static int
find_long_option (const BkCliCommand *command,
                  const char         *name,
                  gsize               length)
{
  for (int i = 0; command->options[i].long_name != NULL; i++)
    if (strlen (command->options[i].long_name) == length
        && strncmp (command->options[i].long_name, name, length) == 0)
      return i;

  return -1;
}

static int
find_short_option (const BkCliCommand *command,
                   char                name)
{
  for (int i = 0; command->options[i].long_name != NULL; i++)
    if (command->options[i].short_name == name)
      return i;

  return -1;
}

/* Returns BK_CLI_OK and fills @args, or an exit status.  -h/--help prints
 * the command's help and sets @done. */
static int
parse_args (const BkCliCommand  *command,
            int                  argc,
            char               **argv,
            BkCliArgs           *args,
            gboolean            *done)
{
  gboolean options_ended = FALSE;

  *done = FALSE;
  args->command = command;
  args->positional = g_new0 (const char *, (gsize) argc + 1);
  args->n_positional = 0;
  {
    guint n_options = 0;

    while (command->options[n_options].long_name != NULL)
      n_options++;
    args->values = g_new0 (const char *, n_options + 1);
  }

  for (int i = 0; i < argc; i++)
    {
      const char *arg = argv[i];
      int option = -1;
      const char *value = NULL;

      if (options_ended || arg[0] != '-'
          || (arg[1] != '-' && !g_ascii_isalpha (arg[1])))
        {
          args->positional[args->n_positional++] = arg;
          continue;
        }

      if (strcmp (arg, "--") == 0)
        {
          options_ended = TRUE;
          continue;
        }

      if (strcmp (arg, "--help") == 0 || strcmp (arg, "-h") == 0)
        {
          bk_cli_print_command_help (command, stdout);
          *done = TRUE;
          return BK_CLI_OK;
        }

      if (arg[1] == '-')
        {
          const char *name = arg + 2;
          const char *equals = strchr (name, '=');
          gsize length = equals ? (gsize) (equals - name) : strlen (name);

          option = find_long_option (command, name, length);
          if (option < 0)
            return bk_cli_usage_error (command, _("Unknown option “%.*s”"),
                                       (int) (length + 2), arg);
          if (equals != NULL)
            {
              if (command->options[option].arg_name == NULL)
                return bk_cli_usage_error (command, _("The option --%s takes no value"),
                                           command->options[option].long_name);
              value = equals + 1;
            }
        }
      else
        {
          option = find_short_option (command, arg[1]);
          if (option < 0)
            return bk_cli_usage_error (command, _("Unknown option “-%c”"), arg[1]);
          if (arg[2] != '\0')
            {
              if (command->options[option].arg_name == NULL)
                return bk_cli_usage_error (command, _("The option -%c takes no value"), arg[1]);
              value = arg + 2;
            }
        }

      if (command->options[option].arg_name == NULL)
        value = "";
      else if (value == NULL)
        {
          if (i + 1 >= argc)
            return bk_cli_usage_error (command, _("The option --%s needs a value %s"),
                                       command->options[option].long_name,
                                       command->options[option].arg_name);
          value = argv[++i];
        }

      args->values[option] = value;
    }

  if (args->n_positional < command->min_args)
    return bk_cli_usage_error (command, _("Missing arguments"));
  if (args->n_positional > command->max_args)
    return bk_cli_usage_error (command, _("Too many arguments"));

  return BK_CLI_OK;
}

const char *
bk_cli_args_get_option (BkCliArgs  *args,
                        const char *long_name)
{
  int option = find_long_option (args->command, long_name, strlen (long_name));

  g_assert (option >= 0);

  return args->values[option];
}

gboolean
bk_cli_args_has_flag (BkCliArgs  *args,
                      const char *long_name)
{
  return bk_cli_args_get_option (args, long_name) != NULL;
}

/* Appends @paragraph broken into lines of at most @width columns. */
static void
append_wrapped (GString    *out,
                const char *paragraph,
                guint       width)
{
  g_auto(GStrv) words = g_strsplit (paragraph, " ", -1);
  guint column = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      guint word_width = bk_cli_text_width (words[i]);

      if (word_width == 0)
        continue;

      if (column > 0 && column + 1 + word_width > width)
        {
          g_string_append_c (out, '\n');
          column = 0;
        }
      else if (column > 0)
        {
          g_string_append_c (out, ' ');
          column++;
        }

      g_string_append (out, words[i]);
      column += word_width;
    }

  g_string_append_c (out, '\n');
}

void
bk_cli_print_command_help (const BkCliCommand *command,
                           FILE               *stream)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append_printf (text, _("Usage: %s %s %s"), "breakeven-cli",
                          command->name, command->synopsis);
  g_string_append (text, "\n\n");
  g_string_append (text, _(command->summary));
  g_string_append (text, ".\n");
  if (command->description != NULL)
    {
      g_string_append_c (text, '\n');
      append_wrapped (text, _(command->description), 78);
    }

  g_string_append_c (text, '\n');
  g_string_append (text, _("Options:"));
  g_string_append_c (text, '\n');
  for (guint i = 0; command->options[i].long_name != NULL; i++)
    {
      const BkCliOption *option = &command->options[i];
      g_autofree char *left = NULL;

      if (option->short_name != 0)
        left = g_strdup_printf ("-%c, --%s%s%s", option->short_name, option->long_name,
                                option->arg_name ? " " : "",
                                option->arg_name ? option->arg_name : "");
      else
        left = g_strdup_printf ("--%s%s%s", option->long_name,
                                option->arg_name ? " " : "",
                                option->arg_name ? option->arg_name : "");
      g_string_append_printf (text, "  %-26s %s\n", left, _(option->description));
    }
  g_string_append_printf (text, "  %-26s %s\n", "-h, --help", _("Show this help"));

  if (stream == stderr)
    g_printerr ("%s", text->str);
  else
    g_print ("%s", text->str);
}

int
main (int    argc,
      char **argv)
{
  const BkCliCommand *command;
  BkCliArgs args = { 0 };
  const char *localedir;
  gboolean done = FALSE;
  int status;

  /* Past a file-size limit (ulimit -f) a write fails with EFBIG, which is
   * reported like a full disk, instead of the signal killing us mid-write. */
  signal (SIGXFSZ, SIG_IGN);
  setlocale (LC_ALL, "");
  /* BREAKEVEN_LOCALEDIR: the build tree's catalogues, for running uninstalled */
  localedir = g_getenv ("BREAKEVEN_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("breakeven-cli");

  if (argc < 2)
    {
      g_printerr ("breakeven-cli: %s\n", _("Missing command"));
      print_usage (stderr);
      return BK_CLI_USAGE;
    }

  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0
      || strcmp (argv[1], "help") == 0)
    {
      if (argc > 2 && strcmp (argv[1], "help") == 0)
        {
          command = find_command (argv[2]);
          if (command == NULL)
            {
              g_autofree char *name = g_utf8_make_valid (argv[2], -1);

              g_printerr ("breakeven-cli: ");
              g_printerr (_("Unknown command “%s”"), name);
              g_printerr ("\n");
              print_usage (stderr);
              return BK_CLI_USAGE;
            }
          bk_cli_print_command_help (command, stdout);
          return BK_CLI_OK;
        }

      print_usage (stdout);
      return BK_CLI_OK;
    }

  if (strcmp (argv[1], "--version") == 0)
    {
      g_print ("breakeven-cli %s\n", PACKAGE_VERSION);
      return BK_CLI_OK;
    }

  command = find_command (argv[1]);
  if (command == NULL)
    {
      g_autofree char *name = g_utf8_make_valid (argv[1], -1);

      g_printerr ("breakeven-cli: ");
      g_printerr (_("Unknown command “%s”"), name);
      g_printerr ("\n");
      print_usage (stderr);
      return BK_CLI_USAGE;
    }

  status = parse_args (command, argc - 2, argv + 2, &args, &done);
  if (status == BK_CLI_OK && !done)
    status = command->run (&args);

  g_free (args.positional);
  g_free (args.values);

  return status;
}
