/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-cli-report.c — report: the workbook as a PDF report
 *
 *   breakeven-cli report FILE -o OUT.pdf [--scenario NAME] [--paper a4|letter]
 *                        [--trials N] [--seed S]
 *
 * --trials and --seed are the Monte Carlo section's, read as simulate
 * reads them (default BK_REPORT_DEFAULT_TRIALS and _SEED), so the report
 * shows what `simulate --trials N --seed S` prints.
 * OUT must be a file (a PDF is binary, so not standard output) and not the
 * document itself.  An unknown scenario or paper, or an output that cannot
 * be written, exits 1 with a message and leaves no file behind
 * (bk_report_write_pdf() writes atomically). */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bk-cli.h"
#include "bk-monte-carlo.h"
#include "bk-report.h"

const BkCliOption bk_cli_report_options[] = {
  { "output", 'o', "OUT.pdf", N_("Write to OUT.pdf, replaced atomically") },
  { "scenario", 0, "NAME", N_("Report the scenario NAME instead of the base") },
  { "paper", 0, "a4|letter", N_("The paper size (default a4)") },
  { "trials", 0, "N", N_("Run N Monte Carlo trials (1 to 10000000; default 10000)") },
  { "seed", 0, "S", N_("Seed the Monte Carlo trials with S (default 0)") },
  { NULL }
};

int
bk_cli_cmd_report (BkCliArgs *args)
{
  g_autoptr(BkDocument) document = NULL;
  g_autoptr(BkReport) report = NULL;
  g_autoptr(GError) error = NULL;
  const char *trials_text = bk_cli_args_get_option (args, "trials");
  const char *seed_text = bk_cli_args_get_option (args, "seed");
  const char *output = bk_cli_args_get_option (args, "output");
  const char *paper_name = bk_cli_args_get_option (args, "paper");
  const char *path = args->positional[0];
  g_autofree char *name = NULL;
  g_autofree char *folder = NULL;
  BkReportPaper paper = BK_REPORT_PAPER_A4;
  guint64 trials = BK_REPORT_DEFAULT_TRIALS;
  guint64 seed = BK_REPORT_DEFAULT_SEED;
  BkWorkbook *workbook;
  guint scenario;

  if (output == NULL || output[0] == '\0' || strcmp (output, "-") == 0)
    return bk_cli_usage_error (args->command, _("report needs -o OUT.pdf, a file to write"));

  if (paper_name != NULL && !bk_report_paper_from_string (paper_name, &paper))
    return bk_cli_fail (_("Unknown paper size “%s”; use a4 or letter"), paper_name);
  if (trials_text != NULL && !bk_cli_parse_count (trials_text, "trials", 1, BK_MONTE_CARLO_MAX_TRIALS, &trials))
    return BK_CLI_FAILED;
  if (seed_text != NULL && !bk_cli_parse_count (seed_text, "seed", 0, G_MAXUINT64, &seed))
    return BK_CLI_FAILED;

  if (bk_cli_is_same_file (output, path))
    {
      g_autofree char *same = g_filename_display_name (output);

      return bk_cli_fail (_("%s is the document itself; choose another output file"), same);
    }

  document = bk_cli_open_document (path);
  if (document == NULL)
    return BK_CLI_FAILED;

  workbook = bk_document_get_workbook (document);
  if (!bk_cli_find_scenario (workbook, bk_cli_args_get_option (args, "scenario"), &scenario))
    return BK_CLI_FAILED;

  /* Said plainly, rather than through the temporary file's name */
  name = g_filename_display_name (output);
  folder = g_path_get_dirname (output);
  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *folder_name = g_filename_display_name (folder);

      return bk_cli_fail (_("Cannot write %s: there is no folder %s"), name, folder_name);
    }
  if (g_file_test (output, G_FILE_TEST_IS_DIR))
    return bk_cli_fail (_("Cannot write %s: it is a folder"), name);

  report = bk_report_new_full (workbook, scenario, (guint) trials, seed);
  if (!bk_report_save_pdf (report, paper, output, &error))
    {
      /* A file error names @output and says why already */
      if (error->domain == G_FILE_ERROR)
        return bk_cli_fail_error (NULL, error);
      return bk_cli_fail (_("Cannot write %s: %s"), name, error->message);
    }

  return BK_CLI_OK;
}
