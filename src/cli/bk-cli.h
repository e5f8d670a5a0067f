/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-cli.h — what the commands of breakeven-cli share */
#pragma once

#include <stdio.h>

#include "bk-document.h"
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

/* export-xlsx (bk-cli-xlsx.c) */
extern const BkCliOption bk_cli_xlsx_options[];
int         bk_cli_cmd_export_xlsx    (BkCliArgs          *args);

G_END_DECLS
