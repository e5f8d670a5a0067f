/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-cli-common.c — messages, arguments and files shared by the commands */

#include "config.h"

#include <errno.h>
#include <math.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdarg.h>
#include <string.h>

#include "bk-cli.h"
#include "bk-file-write.h"
#include "bk-format.h"
#include "bk-input.h"
#include "bk-number.h"

int
bk_cli_fail (const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  {
    g_autofree char *shown = bk_cli_escape_controls (message);

    g_printerr ("breakeven-cli: %s\n", shown);
  }

  return BK_CLI_FAILED;
}

int
bk_cli_fail_error (const char   *subject,
                   const GError *error)
{
  if (subject != NULL)
    return bk_cli_fail ("%s: %s", subject, error->message);
  else
    return bk_cli_fail ("%s", error->message);
}

int
bk_cli_usage_error (const BkCliCommand *command,
                    const char         *format,
                    ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("breakeven-cli: %s\n", message);
  g_printerr (_("Usage: %s %s %s"), "breakeven-cli", command->name, command->synopsis);
  g_printerr ("\n");
  g_printerr (_("Run “%s %s --help” for more information."), "breakeven-cli", command->name);
  g_printerr ("\n");

  return BK_CLI_USAGE;
}

static BkDocument *
open_document (const char *path,
               gboolean    read_only)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_filename_display_name (path);
  BkDocument *document;

  /* Checked here so that a missing file is never created. */
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      bk_cli_fail (_("%s: No such file"), name);
      return NULL;
    }

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      bk_cli_fail (_("%s is a folder, not a Breakeven document"), name);
      return NULL;
    }

  document = read_only ? bk_document_open_read_only (path, &error) : bk_document_open (path, &error);
  if (document == NULL)
    {
      if (strstr (error->message, name) != NULL)
        bk_cli_fail_error (NULL, error);
      else
        bk_cli_fail_error (name, error);
    }

  return document;
}

BkDocument *
bk_cli_open_document (const char *path)
{
  return open_document (path, FALSE);
}

BkDocument *
bk_cli_open_document_read_only (const char *path)
{
  return open_document (path, TRUE);
}

gboolean
bk_cli_parse_table (const BkCliCommand *command,
                    const char         *name,
                    BkTable            *table)
{
  if (!bk_table_from_string (name, table))
    {
      g_autofree char *valid = g_utf8_make_valid (name, -1);

      bk_cli_usage_error (command, _("Unknown table “%s”; TABLE is one of %s, %s, %s, %s"),
                          valid, "capex", "backlog", "tokens", "share");
      return FALSE;
    }

  return TRUE;
}

gboolean
bk_cli_find_scenario (BkWorkbook *workbook,
                      const char *name,
                      guint      *scenario)
{
  g_autoptr(GString) names = NULL;
  g_autofree char *valid = NULL;
  int index;

  if (name == NULL)
    {
      *scenario = BK_SCENARIO_BASE;
      return TRUE;
    }

  index = bk_workbook_find_scenario (workbook, name);
  if (index >= 0)
    {
      *scenario = (guint) index;
      return TRUE;
    }

  names = g_string_new (NULL);
  for (guint i = 0; i <= bk_workbook_get_n_scenarios (workbook); i++)
    {
      if (i > 0)
        g_string_append (names, ", ");
      g_string_append_printf (names, "“%s”", bk_workbook_get_scenario_name (workbook, i));
    }

  valid = g_utf8_make_valid (name, -1);
  bk_cli_fail (_("Unknown scenario “%s”; the workbook has %s"), valid, names->str);
  return FALSE;
}

gboolean
bk_cli_find_company (BkWorkbook *workbook,
                     const char *id,
                     int        *company)
{
  guint n = bk_workbook_get_n_companies (workbook);
  g_autoptr(GString) ids = NULL;
  g_autofree char *valid = NULL;

  if (id == NULL)
    {
      *company = -1;
      return TRUE;
    }

  *company = bk_workbook_find_company (workbook, id);
  if (*company >= 0)
    return TRUE;

  for (guint c = 0; c < n; c++)
    if (g_ascii_strcasecmp (bk_workbook_get_company_id (workbook, c), id) == 0
        || g_utf8_collate (bk_workbook_get_company_name (workbook, c), id) == 0)
      {
        *company = (int) c;
        return TRUE;
      }

  valid = g_utf8_make_valid (id, -1);
  if (n == 0)
    {
      bk_cli_fail (_("Unknown company “%s”; the workbook has no companies"), valid);
      return FALSE;
    }

  ids = g_string_new (NULL);
  for (guint c = 0; c < n; c++)
    {
      if (c > 0)
        g_string_append (ids, ", ");
      g_string_append (ids, bk_workbook_get_company_id (workbook, c));
    }
  bk_cli_fail (_("Unknown company “%s”; the workbook has %s"), valid, ids->str);
  return FALSE;
}

/* "a, b, c": the @n names @get gives */
typedef const char *(*NameFunc) (guint index);

static char *
join_names (NameFunc get,
            guint    n)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (names, ", ");
      g_string_append (names, get (i));
    }

  return g_string_free (names, FALSE);
}

static const char *
driver_key (guint index)
{
  return bk_assumption_get_key ((BkAssumption) index);
}

static const char *
metric_name (guint index)
{
  return bk_metric_to_string ((BkMetric) index);
}

gboolean
bk_cli_parse_driver (const char   *key,
                     BkAssumption *driver)
{
  g_autofree char *keys = NULL;
  g_autofree char *valid = NULL;

  if (bk_assumption_from_key (key, driver))
    return TRUE;

  keys = join_names (driver_key, BK_N_ASSUMPTIONS);
  valid = g_utf8_make_valid (key, -1);
  bk_cli_fail (_("Unknown driver “%s”; the drivers are %s"), valid, keys);
  return FALSE;
}

gboolean
bk_cli_parse_metric (const char *name,
                     BkMetric   *metric)
{
  g_autofree char *names = NULL;
  g_autofree char *valid = NULL;

  if (name == NULL)
    {
      *metric = BK_METRIC_NPV;
      return TRUE;
    }

  if (bk_metric_from_string (name, metric))
    return TRUE;

  names = join_names (metric_name, BK_N_METRICS);
  valid = g_utf8_make_valid (name, -1);
  bk_cli_fail (_("Unknown metric “%s”; the metrics are %s"), valid, names);
  return FALSE;
}

gboolean
bk_cli_parse_number (const char *what,
                     const char *text,
                     double     *value)
{
  g_autofree char *valid = NULL;

  if (bk_input_parse_plain_number (text, NULL, value))
    return TRUE;

  valid = g_utf8_make_valid (text, -1);
  /* Translators: "--target: “abc” is not a number; type a number like 0.25 or 25%" */
  bk_cli_fail (_("%s: “%s” is not a number; type a number like 0.25 or 25%%"), what, valid);
  return FALSE;
}

gboolean
bk_cli_parse_driver_value (BkAssumption  driver,
                           const char   *text,
                           double       *value)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  gboolean fraction = bk_assumption_get_kind (driver) == BK_ASSUMPTION_KIND_FRACTION;

  if ((!fraction && strchr (text, '%') != NULL)
      || !bk_input_parse_plain_number (text, NULL, value))
    {
      if (fraction)
        bk_cli_fail (_("%s: “%s” is not a number; type a fraction like 0.6 or a percentage like 60%%"),
                     bk_assumption_get_key (driver), valid);
      else
        bk_cli_fail (_("%s: “%s” is not a number; type a plain number without a unit or a K, M, B or T suffix"),
                     bk_assumption_get_key (driver), valid);
      return FALSE;
    }

  if (!bk_assumption_check (driver, *value, &error))
    {
      bk_cli_fail (_("“%s” is out of range: %s"), valid, error->message);
      return FALSE;
    }

  return TRUE;
}

char *
bk_cli_format_metric (BkMetric metric,
                      double   value)
{
  GString *text = g_string_new (NULL);

  bk_format_metric_plain (text, metric, value);
  return g_string_free (text, FALSE);
}

void
bk_cli_append_padded (GString    *out,
                      const char *text,
                      guint       width,
                      gboolean    right)
{
  guint text_width = bk_cli_text_width (text);
  guint pad = width > text_width ? width - text_width : 0;

  if (!right)
    g_string_append (out, text);
  for (guint i = 0; i < pad; i++)
    g_string_append_c (out, ' ');
  if (right)
    g_string_append (out, text);
}

void
bk_cli_append_table (GString   *out,
                     GPtrArray *lines,
                     guint      n_columns,
                     gboolean   rule_above_last)
{
  g_autofree guint *widths = g_new0 (guint, n_columns);

  for (guint i = 0; i < lines->len; i++)
    {
      char **cells = lines->pdata[i];

      for (guint k = 0; k < n_columns; k++)
        widths[k] = MAX (widths[k], bk_cli_text_width (cells[k]));
    }

  for (guint i = 0; i < lines->len; i++)
    {
      char **cells = lines->pdata[i];

      if (rule_above_last && i > 0 && i == lines->len - 1)
        {
          guint total = 0;

          for (guint k = 0; k < n_columns; k++)
            total += widths[k] + (k > 0 ? 2 : 0);
          for (guint k = 0; k < total; k++)
            g_string_append (out, "─");
          g_string_append_c (out, '\n');
        }

      for (guint k = 0; k < n_columns; k++)
        {
          if (k > 0)
            g_string_append (out, "  ");
          /* The first column left-aligned, numbers right-aligned */
          bk_cli_append_padded (out, cells[k], widths[k], k != 0);
        }
      g_string_append_c (out, '\n');
    }
}

char *
bk_cli_format_shortest (double value)
{
  char buf[BK_NUMBER_BUF_SIZE];

  bk_number_format_shortest (buf, value);
  return g_strdup (buf);
}

gboolean
bk_cli_find_row (BkWorkbook *workbook,
                 BkTable     table,
                 const char *id,
                 guint      *row)
{
  g_autofree char *valid = NULL;
  int index = bk_workbook_find_row (workbook, table, id);

  if (index >= 0)
    {
      *row = (guint) index;
      return TRUE;
    }

  valid = g_utf8_make_valid (id, -1);
  if (bk_table_rows_are_markets (table))
    bk_cli_fail (_("Unknown market “%s”; rows of %s are market ids"),
                 valid, bk_table_to_string (table));
  else
    bk_cli_fail (_("Unknown company “%s”; rows of %s are company ids"),
                 valid, bk_table_to_string (table));
  return FALSE;
}

gboolean
bk_cli_find_period (BkWorkbook *workbook,
                    const char *label,
                    guint      *period)
{
  g_autofree char *upper = g_ascii_strup (label, -1);
  g_autofree char *valid = NULL;
  guint n_periods = bk_workbook_get_n_periods (workbook);
  int index = bk_workbook_find_period (workbook, upper);

  if (index >= 0)
    {
      *period = (guint) index;
      return TRUE;
    }

  valid = g_utf8_make_valid (label, -1);
  if (n_periods == 0)
    bk_cli_fail (_("“%s” is not a period of this workbook, which has none"), valid);
  else
    {
      g_autofree char *first = bk_workbook_dup_period_label (workbook, 0);
      g_autofree char *last = bk_workbook_dup_period_label (workbook, n_periods - 1);

      bk_cli_fail (_("“%s” is not a period of this workbook (%s to %s)"), valid, first, last);
    }
  return FALSE;
}

gboolean
bk_cli_read_input (const char  *path,
                   char       **contents,
                   gsize       *length)
{
  g_autoptr(GError) error = NULL;

  if (strcmp (path, "-") == 0)
    {
      g_autoptr(GByteArray) bytes = g_byte_array_new ();
      guint8 buf[65536];
      size_t n;

      while ((n = fread (buf, 1, sizeof buf, stdin)) > 0)
        g_byte_array_append (bytes, buf, (guint) n);

      if (ferror (stdin))
        {
          bk_cli_fail (_("Cannot read standard input: %s"), g_strerror (errno));
          return FALSE;
        }

      *length = bytes->len;
      g_byte_array_append (bytes, (const guint8 *) "", 1);
      *contents = (char *) g_byte_array_free (g_steal_pointer (&bytes), FALSE);
      return TRUE;
    }

  if (!g_file_get_contents (path, contents, length, &error))
    {
      bk_cli_fail_error (NULL, error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf sa, sb;

  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0
         && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

int
bk_cli_write_output (const char *path,
                     const char *document_path,
                     const char *data,
                     gsize       length)
{
  g_autoptr(GError) error = NULL;

  if (path == NULL || strcmp (path, "-") == 0)
    {
      if (fwrite (data, 1, length, stdout) != length || fflush (stdout) != 0)
        return bk_cli_fail (_("Cannot write to standard output: %s"), g_strerror (errno));
      return BK_CLI_OK;
    }

  if (document_path != NULL && same_file (path, document_path))
    {
      g_autofree char *name = g_filename_display_name (path);

      return bk_cli_fail (_("%s is the document itself; choose another output file"), name);
    }

  /* Written to a temporary file and renamed: all or nothing.  The
   * message names @path and says why. */
  if (!bk_file_write_atomic (path, data, length, &error))
    return bk_cli_fail_error (NULL, error);

  return BK_CLI_OK;
}

guint
bk_cli_text_width (const char *text)
{
  guint width = 0;

  if (!g_utf8_validate (text, -1, NULL))
    return (guint) strlen (text);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }

  return width;
}

/* TRUE when @a and @b name the same existing file */
gboolean
bk_cli_is_same_file (const char *a,
                     const char *b)
{
  g_autoptr(GFile) file_a = g_file_new_for_commandline_arg (a);
  g_autoptr(GFile) file_b = g_file_new_for_commandline_arg (b);
  g_autoptr(GFileInfo) info_a = NULL;
  g_autoptr(GFileInfo) info_b = NULL;
  const char *id_a, *id_b;

  info_a = g_file_query_info (file_a, G_FILE_ATTRIBUTE_ID_FILE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  info_b = g_file_query_info (file_b, G_FILE_ATTRIBUTE_ID_FILE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info_a == NULL || info_b == NULL)
    return FALSE;

  id_a = g_file_info_get_attribute_string (info_a, G_FILE_ATTRIBUTE_ID_FILE);
  id_b = g_file_info_get_attribute_string (info_b, G_FILE_ATTRIBUTE_ID_FILE);
  return id_a != NULL && id_b != NULL && strcmp (id_a, id_b) == 0;
}

char *
bk_cli_escape_controls (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n')
        g_string_append_c (out, '\n');
      else if (c < 0x20 || c == 0x7f)
        g_string_append_printf (out, "\\x%02X", c);
      else if (c >= 0x80 && c <= 0x9f)
        g_string_append_printf (out, "\\u%04X", c);
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

void
bk_cli_print_text (const char *text)
{
  g_autofree char *shown = bk_cli_escape_controls (text);

  g_print ("%s", shown);
}
