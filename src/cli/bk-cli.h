/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-cli.h — what the commands of breakeven-cli share */
#pragma once

#include <stdio.h>

#include "bk-assumptions.h"
#include "bk-document.h"
#include "bk-metric.h"
#include "bk-types.h"
#include "bk-workbook.h"

G_BEGIN_DECLS

/* Exit statuses (FORMATS.md section 6) */
#define BK_CLI_OK     0  /* success */
#define BK_CLI_FAILED 1  /* bad input or a failed operation */
#define BK_CLI_USAGE  2  /* wrong usage */

typedef struct
{
  const char *long_name;    /* "scenario" for --scenario */
  char        short_name;   /* 'o' for -o, or 0 */
  const char *arg_name;     /* "NAME" when the option takes a value, or NULL */
  const char *description;  /* N_() */
} BkCliOption;

typedef struct _BkCliArgs BkCliArgs;

typedef struct
{
  const char        *name;
  const char        *synopsis;     /* the arguments: "FILE TABLE ROW PERIOD" */
  const char        *summary;      /* N_(), one line */
  const char        *description;  /* N_(), a paragraph, or NULL */
  const BkCliOption *options;      /* ends with a zeroed entry */
  guint              min_args;
  guint              max_args;
  int              (*run)          (BkCliArgs *args);
} BkCliCommand;

struct _BkCliArgs
{
  const BkCliCommand  *command;
  const char         **positional;   /* n_positional entries */
  guint                n_positional;
  const char         **values;       /* per option: its value, "" for a flag, NULL if absent */
};

/* An option's value: NULL when not given, "" for a flag that was given. */
const char *bk_cli_args_get_option    (BkCliArgs          *args,
                                       const char         *long_name);
gboolean    bk_cli_args_has_flag      (BkCliArgs          *args,
                                       const char         *long_name);

/* "breakeven-cli: <message>" on stderr; returns BK_CLI_FAILED. */
int         bk_cli_fail               (const char         *format,
                                       ...) G_GNUC_PRINTF (1, 2);
/* The message and the command's usage on stderr; returns BK_CLI_USAGE. */
int         bk_cli_usage_error        (const BkCliCommand *command,
                                       const char         *format,
                                       ...) G_GNUC_PRINTF (2, 3);
void        bk_cli_print_command_help (const BkCliCommand *command,
                                       FILE               *stream);

/* Prints a GError as a failure and returns BK_CLI_FAILED. */
int         bk_cli_fail_error         (const char         *subject,
                                       const GError       *error);

/* Opens an existing document; on failure prints why and returns NULL. */
BkDocument *bk_cli_open_document      (const char         *path);
/* For the commands that only read: the file is never changed. */
BkDocument *bk_cli_open_document_read_only (const char    *path);
/* TABLE arguments: an unknown name is wrong usage. */
gboolean    bk_cli_parse_table        (const BkCliCommand *command,
                                       const char         *name,
                                       BkTable            *table);
/* --scenario NAME (NULL: the base); prints why on failure. */
gboolean    bk_cli_find_scenario      (BkWorkbook         *workbook,
                                       const char         *name,
                                       guint              *scenario);
/* --company ID: an id, else a name, both ignoring case; NULL is the total
 * (-1).  Prints why on failure. */
gboolean    bk_cli_find_company       (BkWorkbook         *workbook,
                                       const char         *id,
                                       int                *company);
/* A driver key ("price_per_mtok"); prints why on failure. */
gboolean    bk_cli_parse_driver       (const char         *key,
                                       BkAssumption       *driver);
/* --metric NAME (NULL: NPV); prints why on failure. */
gboolean    bk_cli_parse_metric       (const char         *name,
                                       BkMetric           *metric);
/* A plain number or a percentage ("0.25", "25%") for the option or
 * argument @what; prints why on failure. */
gboolean    bk_cli_parse_number       (const char         *what,
                                       const char         *text,
                                       double             *value);
/* A value of @driver: a plain number, or for a fraction also a percentage
 * ("0.6", "60%"), inside the driver's valid range; prints why on failure. */
gboolean    bk_cli_parse_driver_value (BkAssumption        driver,
                                       const char         *text,
                                       double             *value);
/* A metric for a person: NPV and paybacks with 2 decimals, IRR and ROI in
 * percent, "—" where it does not exist. */
char       *bk_cli_format_metric      (BkMetric            metric,
                                       double              value);
/* The shortest text that reads back exactly (C locale). */
char       *bk_cli_format_shortest    (double              value);
/* @text padded with spaces to @width display columns, on the left when
 * @right (right-aligned). */
void        bk_cli_append_padded      (GString            *out,
                                       const char         *text,
                                       guint               width,
                                       gboolean            right);
/* @lines (each a char ** of @n_columns cells; line 0 the header) as
 * aligned columns, the first left-aligned, with a rule above the last line
 * when @rule_above_last (a total). */
void        bk_cli_append_table       (GString            *out,
                                       GPtrArray          *lines,
                                       guint               n_columns,
                                       gboolean            rule_above_last);
/* ROW and PERIOD arguments; print why on failure. */
gboolean    bk_cli_find_row           (BkWorkbook         *workbook,
                                       BkTable             table,
                                       const char         *id,
                                       guint              *row);
gboolean    bk_cli_find_period        (BkWorkbook         *workbook,
                                       const char         *label,
                                       guint              *period);
/* Reads a file, or standard input for "-". */
gboolean    bk_cli_read_input         (const char         *path,
                                       char              **contents,
                                       gsize              *length);
/* Writes @data to standard output (@path NULL or "-") or atomically to
 * @path, refusing to replace @document_path.  Returns an exit status. */
int         bk_cli_write_output       (const char         *path,
                                       const char         *document_path,
                                       const char         *data,
                                       gsize               length);

/* Display columns of UTF-8 text (wide characters count 2). */
guint       bk_cli_text_width         (const char         *text);
/* @text for a terminal: control characters (but the newline) as \xNN or
 * \uNNNN, invalid UTF-8 replaced, so a document's names cannot drive it. */
char       *bk_cli_escape_controls    (const char         *text);
/* Prints @text to stdout through bk_cli_escape_controls(). */
void        bk_cli_print_text         (const char         *text);

int         bk_cli_cmd_new            (BkCliArgs          *args);
int         bk_cli_cmd_export_json    (BkCliArgs          *args);
int         bk_cli_cmd_export_csv     (BkCliArgs          *args);
int         bk_cli_cmd_import_csv     (BkCliArgs          *args);
int         bk_cli_cmd_get            (BkCliArgs          *args);
int         bk_cli_cmd_set            (BkCliArgs          *args);
int         bk_cli_cmd_undo           (BkCliArgs          *args);
int         bk_cli_cmd_redo           (BkCliArgs          *args);
int         bk_cli_cmd_recalc         (BkCliArgs          *args);
int         bk_cli_cmd_check          (BkCliArgs          *args);

/* uncertainty and simulate (bk-cli-analysis-sim.c) */
extern const BkCliOption bk_cli_simulate_options[];
int         bk_cli_cmd_uncertainty    (BkCliArgs          *args);
int         bk_cli_cmd_simulate       (BkCliArgs          *args);
/* --@option's @text as a whole number in [@min, @max], else FALSE after
 * a message that names the option (simulate's --trials and --seed, and
 * report's) */
gboolean    bk_cli_parse_count        (const char         *text,
                                       const char         *option,
                                       guint64             min,
                                       guint64             max,
                                       guint64            *value);

/* TRUE when @a and @b name the same existing file */
gboolean    bk_cli_is_same_file       (const char         *a,
                                       const char         *b);

/* export-xlsx (bk-cli-xlsx.c) */
extern const BkCliOption bk_cli_xlsx_options[];
int         bk_cli_cmd_export_xlsx    (BkCliArgs          *args);

/* report (bk-cli-report.c) */
extern const BkCliOption bk_cli_report_options[];
int         bk_cli_cmd_report         (BkCliArgs          *args);

/* scenario (bk-cli-scenario.c) */
extern const BkCliOption bk_cli_scenario_options[];
int         bk_cli_cmd_scenario       (BkCliArgs          *args);

/* compare, sensitivity, goal-seek, map (bk-cli-analysis.c) */
extern const BkCliOption bk_cli_compare_options[];
extern const BkCliOption bk_cli_sensitivity_options[];
extern const BkCliOption bk_cli_goal_seek_options[];
extern const BkCliOption bk_cli_map_options[];
int         bk_cli_cmd_compare        (BkCliArgs          *args);
int         bk_cli_cmd_sensitivity    (BkCliArgs          *args);
int         bk_cli_cmd_goal_seek      (BkCliArgs          *args);
int         bk_cli_cmd_map            (BkCliArgs          *args);

G_END_DECLS
