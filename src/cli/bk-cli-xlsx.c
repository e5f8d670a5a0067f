/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-cli-xlsx.c — export-xlsx: the whole model as an XLSX workbook
 *
 *   breakeven-cli export-xlsx FILE -o OUT.xlsx [--scenario NAME] [--values-only]
 *
 * OUT must be a file (an XLSX file is binary, so not standard output) and
 * not the document itself.  An unknown scenario, a workbook too large for
 * a sheet or an output that cannot be written exits 1 with a message and
 * leaves no file behind (bk_xlsx_export() writes atomically). */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bk-cli.h"
#include "bk-xlsx.h"

const BkCliOption bk_cli_xlsx_options[] = {
  { "output", 'o', "OUT.xlsx", N_("Write to OUT.xlsx, replaced atomically") },
  { "scenario", 0, "NAME", N_("Export the scenario NAME instead of the base") },
  { "values-only", 0, NULL, N_("Write the computed values instead of formulas") },
  { NULL }
};

int
bk_cli_cmd_export_xlsx (BkCliArgs *args)
{
  g_autoptr(BkDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  const char *output = bk_cli_args_get_option (args, "output");
  const char *path = args->positional[0];
  BkWorkbook *workbook;
  guint scenario;

  if (output == NULL || output[0] == '\0' || strcmp (output, "-") == 0)
    return bk_cli_usage_error (args->command, _("export-xlsx needs -o OUT.xlsx, a file to write"));

  if (bk_cli_is_same_file (output, path))
    {
      g_autofree char *name = g_filename_display_name (output);

      return bk_cli_fail (_("%s is the document itself; choose another output file"), name);
    }

  document = bk_cli_open_document_read_only (path);
  if (document == NULL)
    return BK_CLI_FAILED;

  workbook = bk_document_get_workbook (document);
  if (!bk_cli_find_scenario (workbook, bk_cli_args_get_option (args, "scenario"), &scenario))
    return BK_CLI_FAILED;

  if (!bk_xlsx_export (workbook, scenario, bk_cli_args_has_flag (args, "values-only"), output, &error))
    return bk_cli_fail_error (NULL, error);

  return BK_CLI_OK;
}
