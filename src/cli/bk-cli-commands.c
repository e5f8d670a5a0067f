/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-cli-commands.c — new, export-json, export-csv, import-csv, get, set,
 * undo, redo and check */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "bk-cli.h"
#include "bk-csv.h"
#include "bk-engine.h"
#include "bk-input.h"
#include "bk-json.h"
#include "bk-number.h"
#include "bk-results-csv.h"

/* ---------------------------------------------------------------------- */
/* new                                                                     */

static BkWorkbook *
read_workbook_json (const char *from)
{
  g_autoptr(GError) error = NULL;
  BkWorkbook *workbook;

  if (strcmp (from, "-") == 0)
    {
      g_autofree char *data = NULL;
      gsize length;

      if (!bk_cli_read_input (from, &data, &length))
        return NULL;

      workbook = bk_json_read_workbook (data, (gssize) length, &error);
      if (workbook == NULL)
        bk_cli_fail_error (_("standard input"), error);
      return workbook;
    }

  /* The error names the file and the JSON path of the first problem. */
  workbook = bk_json_read_workbook_file (from, &error);
  if (workbook == NULL)
    bk_cli_fail_error (NULL, error);

  return workbook;
}

int
bk_cli_cmd_new (BkCliArgs *args)
{
  g_autoptr(BkWorkbook) workbook = NULL;
  g_autoptr(BkDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  const char *path = args->positional[0];
  const char *from = bk_cli_args_get_option (args, "from");
  gboolean sample = bk_cli_args_has_flag (args, "sample");
  gboolean force = bk_cli_args_has_flag (args, "force");
  g_autofree char *name = g_filename_display_name (path);
  gboolean existed;

  if (sample && from != NULL)
    return bk_cli_usage_error (args->command, _("--sample and --from cannot be used together"));

  existed = g_file_test (path, G_FILE_TEST_EXISTS);
  if (existed && !force)
    return bk_cli_fail (_("%s already exists; use --force to replace it"), name);

  if (existed && g_file_test (path, G_FILE_TEST_IS_DIR))
    return bk_cli_fail (_("%s is a folder"), name);

  if (sample)
    {
      workbook = bk_json_read_sample (&error);
      if (workbook == NULL)
        return bk_cli_fail_error (NULL, error);
    }
  else if (from != NULL)
    {
      workbook = read_workbook_json (from);
      if (workbook == NULL)
        return BK_CLI_FAILED;
    }

  /* The document is built in a temporary file and moved into place, so a
   * failure leaves no file behind and an existing one untouched. */
  document = bk_document_create (path, workbook, force, &error);
  if (document == NULL)
    {
      if (strstr (error->message, name) != NULL)
        return bk_cli_fail_error (NULL, error);
      return bk_cli_fail_error (name, error);
    }

  bk_document_close (document);
  return BK_CLI_OK;
}

/* ---------------------------------------------------------------------- */
/* export-json, export-csv, import-csv                                     */

int
bk_cli_cmd_export_json (BkCliArgs *args)
{
  g_autoptr(BkDocument) document = NULL;
  g_autofree char *json = NULL;
  const char *path = args->positional[0];

  document = bk_cli_open_document_read_only (path);
  if (document == NULL)
    return BK_CLI_FAILED;

  json = bk_json_write_workbook (bk_document_get_workbook (document));
  bk_document_close (document);

  return bk_cli_write_output (bk_cli_args_get_option (args, "output"), path,
                              json, strlen (json));
}

/* export-csv FILE results|series: what the Results page shows, as CSV */
static char *
results_csv (BkCliArgs  *args,
             BkWorkbook *workbook,
             gboolean    series)
{
  const char *company_id = bk_cli_args_get_option (args, "company");
  g_autoptr(BkResults) results = NULL;
  guint scenario;
  int company = -1;

  if (!bk_cli_find_scenario (workbook, bk_cli_args_get_option (args, "scenario"), &scenario))
    return NULL;
  if (company_id != NULL)
    {
      guint row;

      if (!bk_cli_find_row (workbook, BK_TABLE_CAPEX, company_id, &row))
        return NULL;
      company = (int) row;
    }

  results = bk_engine_compute (workbook, scenario);
  if (series)
    return bk_results_csv_write_series (workbook, results, company);
  return bk_results_csv_write_metrics (workbook, results);
}

int
bk_cli_cmd_export_csv (BkCliArgs *args)
{
  g_autoptr(BkDocument) document = NULL;
  g_autofree char *csv = NULL;
  const char *path = args->positional[0];
  const char *name = args->positional[1];
  gboolean results = g_str_equal (name, "results");
  gboolean series = g_str_equal (name, "series");
  BkTable table = BK_TABLE_CAPEX;

  if (!results && !series)
    {
      if (!bk_cli_parse_table (args->command, name, &table))
        return BK_CLI_USAGE;
      if (bk_cli_args_get_option (args, "scenario") != NULL ||
          bk_cli_args_get_option (args, "company") != NULL)
        return bk_cli_usage_error (args->command,
                                   _("--scenario and --company go with “results” and “series”, not an input table"));
    }
  else if (results && bk_cli_args_get_option (args, "company") != NULL)
    return bk_cli_usage_error (args->command, _("--company goes with “series”, not “results”"));

  document = bk_cli_open_document_read_only (path);
  if (document == NULL)
    return BK_CLI_FAILED;

  if (results || series)
    csv = results_csv (args, bk_document_get_workbook (document), series);
  else
    csv = bk_csv_write_table (bk_document_get_workbook (document), table);
  bk_document_close (document);
  if (csv == NULL)
    return BK_CLI_FAILED;

  return bk_cli_write_output (bk_cli_args_get_option (args, "output"), path,
                              csv, strlen (csv));
}

int
bk_cli_cmd_import_csv (BkCliArgs *args)
{
  g_autoptr(BkDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *input_name = NULL;
  const char *input = args->positional[2];
  gsize length;
  guint scenario;
  BkTable table;

  if (!bk_cli_parse_table (args->command, args->positional[1], &table))
    return BK_CLI_USAGE;

  if (!bk_cli_read_input (input, &data, &length))
    return BK_CLI_FAILED;

  document = bk_cli_open_document (args->positional[0]);
  if (document == NULL)
    return BK_CLI_FAILED;

  if (!bk_cli_find_scenario (bk_document_get_workbook (document),
                             bk_cli_args_get_option (args, "scenario"), &scenario))
    return BK_CLI_FAILED;

  if (!bk_csv_import_table (document, scenario, table, data, (gssize) length, &error))
    {
      input_name = strcmp (input, "-") == 0 ? g_strdup (_("standard input"))
                                            : g_filename_display_name (input);
      return bk_cli_fail_error (input_name, error);
    }

  bk_document_close (document);
  return BK_CLI_OK;
}

/* ---------------------------------------------------------------------- */
/* get, set                                                                */

/* Finds the cell named by FILE TABLE ROW PERIOD and --scenario. */
static BkDocument *
open_cell (BkCliArgs *args,
           BkTable   *table,
           guint     *scenario,
           guint     *row,
           guint     *period,
           gboolean   read_only,
           int       *status)
{
  g_autoptr(BkDocument) document = NULL;
  BkWorkbook *workbook;

  if (!bk_cli_parse_table (args->command, args->positional[1], table))
    {
      *status = BK_CLI_USAGE;
      return NULL;
    }

  *status = BK_CLI_FAILED;

  document = read_only ? bk_cli_open_document_read_only (args->positional[0])
                       : bk_cli_open_document (args->positional[0]);
  if (document == NULL)
    return NULL;

  workbook = bk_document_get_workbook (document);
  if (!bk_cli_find_scenario (workbook, bk_cli_args_get_option (args, "scenario"), scenario)
      || !bk_cli_find_row (workbook, *table, args->positional[2], row)
      || !bk_cli_find_period (workbook, args->positional[3], period))
    return NULL;

  *status = BK_CLI_OK;
  return g_steal_pointer (&document);
}

static char *
describe_cell (BkWorkbook *workbook,
               BkTable     table,
               guint       row,
               guint       period)
{
  g_autofree char *label = bk_workbook_dup_period_label (workbook, period);

  return g_strdup_printf ("%s %s %s", bk_table_to_string (table),
                          bk_workbook_get_row_id (workbook, table, row), label);
}

int
bk_cli_cmd_get (BkCliArgs *args)
{
  g_autoptr(BkDocument) document = NULL;
  BkWorkbook *workbook;
  BkTable table;
  BkCell cell;
  guint scenario, row, period;
  char buf[BK_NUMBER_BUF_SIZE + 1];
  gsize len;
  int status;

  document = open_cell (args, &table, &scenario, &row, &period, TRUE, &status);
  if (document == NULL)
    return status;

  workbook = bk_document_get_workbook (document);
  bk_workbook_get_cell (workbook, scenario, table, row, period, &cell);

  if (cell.flags & BK_CELL_INVALID)
    {
      g_autofree char *where = describe_cell (workbook, table, row, period);

      return bk_cli_fail (_("%s: the formula %s gives no valid value: %s"),
                          where, cell.formula ? cell.formula : "",
                          cell.error ? cell.error : "");
    }

  /* A blank cell prints nothing at all. */
  if (!isfinite (cell.value))
    return BK_CLI_OK;

  len = bk_number_format_shortest (buf, cell.value);
  buf[len++] = '\n';
  return bk_cli_write_output (NULL, NULL, buf, len);
}

int
bk_cli_cmd_set (BkCliArgs *args)
{
  g_autoptr(BkDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  const char *text = args->positional[4];
  BkWorkbook *workbook;
  BkInput input;
  BkTable table;
  BkCell cell;
  guint scenario, row, period;
  int status;

  document = open_cell (args, &table, &scenario, &row, &period, FALSE, &status);
  if (document == NULL)
    return status;

  workbook = bk_document_get_workbook (document);

  /* Checked here too so that the message names the cell; the document
   * checks again and changes nothing if it rejects the text. */
  if (!bk_input_parse (text, table, NULL, &input, &error))
    {
      g_autofree char *where = describe_cell (workbook, table, row, period);

      return bk_cli_fail_error (where, error);
    }

  if (input.kind == BK_INPUT_NUMBER && !bk_table_check_value (table, input.value, &error))
    {
      g_autofree char *where = describe_cell (workbook, table, row, period);

      bk_input_clear (&input);
      return bk_cli_fail_error (where, error);
    }
  bk_input_clear (&input);

  if (!bk_document_set_cells (document, scenario, table, row, period, 1, 1,
                              &text, NULL, &error))
    {
      g_autofree char *where = describe_cell (workbook, table, row, period);

      return bk_cli_fail_error (where, error);
    }

  /* A formula that compiles is kept even when it gives no value, as in the
   * grid; say so. */
  bk_workbook_get_cell (workbook, scenario, table, row, period, &cell);
  if (cell.flags & BK_CELL_INVALID)
    {
      g_autofree char *where = describe_cell (workbook, table, row, period);

      g_printerr ("breakeven-cli: ");
      g_printerr (_("warning: %s: the formula %s gives no valid value: %s"),
                  where, cell.formula ? cell.formula : "", cell.error ? cell.error : "");
      g_printerr ("\n");
    }

  bk_document_close (document);
  return BK_CLI_OK;
}

/* ---------------------------------------------------------------------- */
/* undo, redo                                                              */

static int
step_history (BkCliArgs *args,
              gboolean   redo)
{
  g_autoptr(BkDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  document = bk_cli_open_document (args->positional[0]);
  if (document == NULL)
    return BK_CLI_FAILED;

  if (redo ? !bk_document_can_redo (document) : !bk_document_can_undo (document))
    return bk_cli_fail (redo ? _("Nothing to redo") : _("Nothing to undo"));

  ok = redo ? bk_document_redo (document, &error) : bk_document_undo (document, &error);
  if (!ok)
    return bk_cli_fail_error (NULL, error);

  bk_document_close (document);
  return BK_CLI_OK;
}

int
bk_cli_cmd_undo (BkCliArgs *args)
{
  return step_history (args, FALSE);
}

int
bk_cli_cmd_redo (BkCliArgs *args)
{
  return step_history (args, TRUE);
}

/* ---------------------------------------------------------------------- */
/* check                                                                   */

int
bk_cli_cmd_check (BkCliArgs *args)
{
  g_autoptr(BkDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autofree char *report = NULL;
  g_autofree char *name = NULL;
  int version;

  document = bk_cli_open_document_read_only (args->positional[0]);
  if (document == NULL)
    return BK_CLI_FAILED;

  name = g_filename_display_name (args->positional[0]);

  if (!bk_document_check_integrity (document, &report, &error))
    {
      if (error != NULL)
        return bk_cli_fail (_("%s: the integrity check failed: %s"), name, error->message);
      return bk_cli_fail (_("%s: the integrity check failed: %s"), name,
                          report ? report : "");
    }

  if (report != NULL && strcmp (report, "ok") != 0)
    return bk_cli_fail (_("%s: the integrity check failed: %s"), name, report);

  version = bk_document_get_opened_version (document);

  {
    g_autofree char *shown = bk_cli_escape_controls (name);

    g_print (_("Document: %s"), shown);
    g_print ("\n");
  }
  g_print (_("Integrity check: ok"));
  g_print ("\n");
  if (version < BK_DOCUMENT_SCHEMA_VERSION)
    g_print (_("Schema version: %d (migrated to %d)"), version, BK_DOCUMENT_SCHEMA_VERSION);
  else
    g_print (_("Schema version: %d"), version);
  g_print ("\n");
  if (!bk_document_file_is_writable (args->positional[0]))
    {
      g_print (_("The file is read-only."));
      g_print ("\n");
    }

  warnings = bk_workbook_get_warnings (bk_document_get_workbook (document));
  if (warnings->len == 0)
    g_print ("%s\n", _("Warnings: none"));
  else
    {
      g_print (g_dngettext (NULL, "%u warning:", "%u warnings:", warnings->len), warnings->len);
      g_print ("\n");
      for (guint i = 0; i < warnings->len; i++)
        {
          g_autofree char *shown = bk_cli_escape_controls (warnings->pdata[i]);

          g_print ("  %s\n", shown);
        }
    }

  bk_document_close (document);
  return BK_CLI_OK;
}
