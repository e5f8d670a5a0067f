/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-cli-scenario.c — scenario: list, add, rename and remove scenarios and
 * set or unset their assumption overrides
 *
 * `scenario` is one entry of the command table; the word after it picks a
 * sub-command from the small table below, which says how many arguments it
 * takes and which options it accepts.  Every change is one document
 * command (one undo step); a rejected one changes nothing. */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "bk-cli.h"

const BkCliOption bk_cli_scenario_options[] = {
  { "from", 0, "NAME", N_("add: copy the assumptions and overrides of the scenario NAME") },
  { "company", 0, "ID", N_("set, unset: the override of one company instead of the whole workbook") },
  { NULL }
};

typedef struct
{
  const char *name;
  guint       n_args;        /* after the sub-command's word, FILE included */
  gboolean    takes_from;
  gboolean    takes_company;
  int       (*run)           (BkDocument *document,
                              BkCliArgs  *args);
} SubCommand;

/* args->positional[0] is the sub-command, [1] FILE, [2…] its arguments */

static int
run_list (BkDocument *document,
          BkCliArgs  *args)
{
  BkWorkbook *workbook = bk_document_get_workbook (document);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i <= bk_workbook_get_n_scenarios (workbook); i++)
    {
      g_autofree char *name = g_utf8_make_valid (bk_workbook_get_scenario_name (workbook, i), -1);

      /* One line per scenario, whatever the name holds */
      g_strdelimit (name, "\r\n", ' ');
      g_string_append_printf (out, "%s\n", name);
    }

  return bk_cli_write_output (NULL, NULL, out->str, out->len);
}

static int
run_add (BkDocument *document,
         BkCliArgs  *args)
{
  g_autoptr(GError) error = NULL;
  guint from;

  if (!bk_cli_find_scenario (bk_document_get_workbook (document),
                             bk_cli_args_get_option (args, "from"), &from))
    return BK_CLI_FAILED;

  if (!bk_document_add_scenario (document, args->positional[2], from, &error))
    return bk_cli_fail_error (NULL, error);

  return BK_CLI_OK;
}

static int
run_rename (BkDocument *document,
            BkCliArgs  *args)
{
  g_autoptr(GError) error = NULL;
  guint scenario;

  if (!bk_cli_find_scenario (bk_document_get_workbook (document), args->positional[2], &scenario))
    return BK_CLI_FAILED;

  if (!bk_document_rename_scenario (document, scenario, args->positional[3], &error))
    return bk_cli_fail_error (NULL, error);

  return BK_CLI_OK;
}

static int
run_remove (BkDocument *document,
            BkCliArgs  *args)
{
  g_autoptr(GError) error = NULL;
  guint scenario;

  if (!bk_cli_find_scenario (bk_document_get_workbook (document), args->positional[2], &scenario))
    return BK_CLI_FAILED;

  if (!bk_document_remove_scenario (document, scenario, &error))
    return bk_cli_fail_error (NULL, error);

  return BK_CLI_OK;
}

/* set and unset: @text NULL removes the override. */
static int
set_override (BkDocument *document,
              BkCliArgs  *args,
              const char *text)
{
  BkWorkbook *workbook = bk_document_get_workbook (document);
  g_autoptr(GError) error = NULL;
  BkAssumption driver;
  guint scenario;
  int company;
  double value = NAN;

  if (!bk_cli_find_scenario (workbook, args->positional[2], &scenario) ||
      !bk_cli_parse_driver (args->positional[3], &driver) ||
      !bk_cli_find_company (workbook, bk_cli_args_get_option (args, "company"), &company))
    return BK_CLI_FAILED;

  if (company >= 0 && bk_assumption_is_workbook_only (driver))
    return bk_cli_fail (_("%s is set for the whole workbook, not for one company"),
                        bk_assumption_get_key (driver));

  if (text != NULL && !bk_cli_parse_driver_value (driver, text, &value))
    return BK_CLI_FAILED;

  if (!bk_document_set_assumption (document, scenario, company, driver, value, &error))
    return bk_cli_fail_error (NULL, error);

  return BK_CLI_OK;
}

static int
run_set (BkDocument *document,
         BkCliArgs  *args)
{
  return set_override (document, args, args->positional[4]);
}

static int
run_unset (BkDocument *document,
           BkCliArgs  *args)
{
  return set_override (document, args, NULL);
}

static const SubCommand sub_commands[] = {
  { "list",   1, FALSE, FALSE, run_list },
  { "add",    2, TRUE,  FALSE, run_add },
  { "rename", 3, FALSE, FALSE, run_rename },
  { "remove", 2, FALSE, FALSE, run_remove },
  { "set",    4, FALSE, TRUE,  run_set },
  { "unset",  3, FALSE, TRUE,  run_unset },
};

int
bk_cli_cmd_scenario (BkCliArgs *args)
{
  g_autoptr(BkDocument) document = NULL;
  const SubCommand *sub = NULL;
  int status;

  for (guint i = 0; i < G_N_ELEMENTS (sub_commands); i++)
    if (strcmp (args->positional[0], sub_commands[i].name) == 0)
      sub = &sub_commands[i];

  if (sub == NULL)
    {
      g_autofree char *valid = g_utf8_make_valid (args->positional[0], -1);

      return bk_cli_usage_error (args->command,
                                 _("Unknown scenario command “%s”; it is one of %s"), valid,
                                 "list, add, rename, remove, set, unset");
    }

  if (args->n_positional - 1 < sub->n_args)
    return bk_cli_usage_error (args->command, _("Missing arguments"));
  if (args->n_positional - 1 > sub->n_args)
    return bk_cli_usage_error (args->command, _("Too many arguments"));
  if (!sub->takes_from && bk_cli_args_get_option (args, "from") != NULL)
    return bk_cli_usage_error (args->command, _("The option --%s does not apply to “%s”"),
                               "from", sub->name);
  if (!sub->takes_company && bk_cli_args_get_option (args, "company") != NULL)
    return bk_cli_usage_error (args->command, _("The option --%s does not apply to “%s”"),
                               "company", sub->name);

  document = strcmp (sub->name, "list") == 0 ? bk_cli_open_document_read_only (args->positional[1])
                                             : bk_cli_open_document (args->positional[1]);
  if (document == NULL)
    return BK_CLI_FAILED;

  status = sub->run (document, args);
  bk_document_close (document);

  return status;
}
