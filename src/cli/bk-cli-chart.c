/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-cli-chart.c — chart: one of the app's charts of a document, exported
 * as PNG, SVG or PDF with the same builder and renderer as the window
 *
 * Wrong usage (exit 2): a missing --kind or -o, an unknown kind, format or
 * theme, a size or scale that is not a whole number, an OUT whose
 * extension does not tell the format.  Bad input (exit 1): sizes out of
 * range, a FILE that is not a document, an unknown scenario, company or
 * period, an OUT that cannot be written.  The export goes through a
 * temporary file renamed into place, so a failure writes nothing. */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "bk-chart-builder.h"
#include "bk-chart-export.h"
#include "bk-cli-chart.h"
#include "bk-cli-chart-analysis.h"
#include "bk-engine.h"

#define DEFAULT_WIDTH  1200
#define DEFAULT_HEIGHT 700

const BkCliOption bk_cli_chart_options[] = {
  { "kind", 0, "KIND", N_("The chart to draw, one of the kinds above") },
  { "output", 'o', "OUT", N_("Write the chart to OUT, replaced atomically") },
  { "format", 0, "FORMAT", N_("png, svg or pdf (default: from the extension of OUT)") },
  { "width", 0, "PX", N_("Width in pixels, points in PDF (default: 1200)") },
  { "height", 0, "PX", N_("Height in pixels, points in PDF (default: 700)") },
  { "scale", 0, "N", N_("PNG pixels per unit, 1 to 3 (default: 1)") },
  { "theme", 0, "THEME", N_("light or dark (default: light)") },
  { "scenario", 0, "NAME", N_("Chart the scenario NAME instead of the base") },
  { "company", 0, "ID", N_("The company of revenue and waterfall, or whose market share shows") },
  { "period", 0, "LABEL", N_("The period of share and waterfall") },
  { "metric", 0, "METRIC", N_("Tornado and breakeven map: npv, irr, roi, payback or discounted_payback (default: npv)") },
  { "swing", 0, "FRACTION", N_("Tornado: how far each driver moves down and up (default: 0.2)") },
  { "x", 0, "KEY", N_("Breakeven map: the driver along the x axis") },
  { "y", 0, "KEY", N_("Breakeven map: the driver up the y axis") },
  { "x-range", 0, "LOW:HIGH", N_("Breakeven map: the range of --x (default: around its value)") },
  { "y-range", 0, "LOW:HIGH", N_("Breakeven map: the range of --y (default: around its value)") },
  { "steps", 0, "N", N_("Breakeven map: points per axis, 2 to 1000 (default: 21)") },
  { "target", 0, "X", N_("Breakeven map: the metric's value the contour follows (default: 0)") },
  { "trials", 0, "N", N_("Fan and histogram: Monte Carlo trials (default: 10000)") },
  { "seed", 0, "S", N_("Fan and histogram: the random seed (default: 0)") },
  { NULL }
};

static char *
kind_list (void)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < BK_N_CHART_SPECS; i++)
    {
      if (i > 0)
        g_string_append (list, ", ");
      g_string_append (list, bk_chart_spec_to_string (i));
    }
  bk_cli_chart_analysis_list (list);

  return g_string_free (g_steal_pointer (&list), FALSE);
}

/* A whole number option.  Returns BK_CLI_OK, or the status of the error
 * it printed: not a number is wrong usage, out of range is bad input. */
static int
parse_size (BkCliArgs  *args,
            const char *option,
            int         fallback,
            int         min,
            int         max,
            int        *out)
{
  const char *text = bk_cli_args_get_option (args, option);
  g_autoptr(GError) error = NULL;
  gint64 value;

  if (text == NULL)
    {
      *out = fallback;
      return BK_CLI_OK;
    }

  if (!g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &value, &error))
    {
      g_autofree char *valid = g_utf8_make_valid (text, -1);

      if (g_error_matches (error, G_NUMBER_PARSER_ERROR, G_NUMBER_PARSER_ERROR_OUT_OF_BOUNDS))
        return bk_cli_fail (_("--%s must be between %d and %d, not %s"), option, min, max, valid);

      return bk_cli_usage_error (args->command, _("--%s takes a whole number, not “%s”"),
                                 option, valid);
    }

  if (value < min || value > max)
    return bk_cli_fail (_("--%s must be between %d and %d, not %lld"),
                        option, min, max, (long long) value);

  *out = (int) value;
  return BK_CLI_OK;
}

static gboolean
parse_format (const char    *name,
              BkChartFormat *format)
{
  static const struct {
    const char    *name;
    BkChartFormat  format;
  } formats[] = {
    { "png", BK_CHART_FORMAT_PNG },
    { "svg", BK_CHART_FORMAT_SVG },
    { "pdf", BK_CHART_FORMAT_PDF },
  };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_ascii_strcasecmp (name, formats[i].name) == 0)
      {
        *format = formats[i].format;
        return TRUE;
      }

  return FALSE;
}

/* --period LABEL: a period the chart can show.  Share shows the input
 * periods; the others every modelled period. */
static gboolean
find_period (BkWorkbook *workbook,
             const char *label,
             guint       n_periods,
             gboolean    inputs_only,
             int        *period)
{
  g_autofree char *upper = g_ascii_strup (label, -1);
  g_autofree char *valid = g_utf8_make_valid (label, -1);
  gint64 ordinal;

  if (bk_period_parse (bk_workbook_get_granularity (workbook), upper, &ordinal))
    {
      gint64 index = ordinal - bk_workbook_get_first_period (workbook);

      if (index >= 0 && index < (gint64) n_periods)
        {
          *period = (int) index;
          return TRUE;
        }
    }

  if (n_periods == 0)
    bk_cli_fail (_("“%s” is not a period of this workbook, which has none"), valid);
  else
    {
      g_autofree char *first = bk_workbook_dup_period_label (workbook, 0);
      g_autofree char *last = bk_workbook_dup_period_label (workbook, n_periods - 1);

      if (inputs_only)
        bk_cli_fail (_("“%s” is not an input period of this workbook (%s to %s)"),
                     valid, first, last);
      else
        bk_cli_fail (_("“%s” is not a modelled period of this workbook (%s to %s)"),
                     valid, first, last);
    }

  return FALSE;
}

static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf sa, sb;

  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0
         && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

static int
write_chart (BkChart       *chart,
             const char    *output,
             BkChartFormat  format,
             int            width,
             int            height,
             int            scale)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  if (strcmp (output, "-") == 0)
    {
      g_autoptr(GBytes) bytes = bk_chart_export_bytes (chart, format, width, height, scale, &error);
      gsize size;
      const void *data;

      if (bytes == NULL)
        return bk_cli_fail_error (NULL, error);

      data = g_bytes_get_data (bytes, &size);
      if (fwrite (data, 1, size, stdout) != size || fflush (stdout) != 0)
        return bk_cli_fail (_("Cannot write to standard output: %s"), g_strerror (errno));

      return BK_CLI_OK;
    }

  name = g_filename_display_name (output);
  {
    g_autofree char *folder = g_path_get_dirname (output);

    /* Said plainly, rather than through the temporary file's name */
    if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
      {
        g_autofree char *folder_name = g_filename_display_name (folder);

        return bk_cli_fail (_("Cannot write %s: there is no folder %s"), name, folder_name);
      }
  }

  if (!bk_chart_export (chart, output, format, width, height, scale, &error))
    {
      /* A file error names @output and says why already */
      if (error->domain == G_FILE_ERROR)
        return bk_cli_fail_error (NULL, error);
      return bk_cli_fail (_("Cannot write %s: %s"), name, error->message);
    }

  return BK_CLI_OK;
}

int
bk_cli_cmd_chart (BkCliArgs *args)
{
  const char *path = args->positional[0];
  const char *kind = bk_cli_args_get_option (args, "kind");
  const char *output = bk_cli_args_get_option (args, "output");
  const char *format_name = bk_cli_args_get_option (args, "format");
  const char *theme_name = bk_cli_args_get_option (args, "theme");
  const char *company_id = bk_cli_args_get_option (args, "company");
  const char *period_label = bk_cli_args_get_option (args, "period");
  g_autoptr(BkDocument) document = NULL;
  g_autoptr(BkResults) results = NULL;
  g_autoptr(BkChart) chart = NULL;
  g_autoptr(GError) error = NULL;
  BkChartTheme theme = BK_CHART_THEME_LIGHT;
  BkChartFormat format;
  BkChartSpec spec = BK_CHART_SPEC_CAPEX;
  BkChartKind analysis = BK_CHART_KIND_TORNADO;
  gboolean is_analysis;
  BkWorkbook *workbook;
  int width, height, scale, status;
  int company = -1, period = -1;
  guint scenario;

  /* Wrong usage first, before any file is touched */
  if (kind == NULL)
    {
      g_autofree char *kinds = kind_list ();

      return bk_cli_usage_error (args->command, _("Missing --kind; KIND is one of %s"), kinds);
    }
  is_analysis = bk_cli_chart_analysis_from_string (kind, &analysis);
  if (!is_analysis && !bk_chart_spec_from_string (kind, &spec))
    {
      g_autofree char *kinds = kind_list ();
      g_autofree char *valid = g_utf8_make_valid (kind, -1);

      return bk_cli_usage_error (args->command, _("Unknown chart kind “%s”; KIND is one of %s"),
                                 valid, kinds);
    }

  if (output == NULL || *output == '\0')
    return bk_cli_usage_error (args->command, _("Missing -o OUT, the file to write"));

  if (is_analysis && (status = bk_cli_chart_analysis_check_usage (args, analysis)) != BK_CLI_OK)
    return status;

  if (format_name != NULL)
    {
      if (!parse_format (format_name, &format))
        {
          g_autofree char *valid = g_utf8_make_valid (format_name, -1);

          return bk_cli_usage_error (args->command, _("Unknown format “%s”; FORMAT is one of %s, %s, %s"),
                                     valid, "png", "svg", "pdf");
        }
    }
  else if (strcmp (output, "-") == 0)
    return bk_cli_usage_error (args->command, _("Standard output has no extension; give --format png, svg or pdf"));
  else if (!bk_chart_format_from_path (output, &format))
    {
      g_autofree char *name = g_filename_display_name (output);

      return bk_cli_usage_error (args->command,
                                 _("Cannot tell the format of %s from its extension; "
                                   "use .png, .svg or .pdf, or give --format"), name);
    }

  if (theme_name != NULL)
    {
      if (g_ascii_strcasecmp (theme_name, "light") == 0)
        theme = BK_CHART_THEME_LIGHT;
      else if (g_ascii_strcasecmp (theme_name, "dark") == 0)
        theme = BK_CHART_THEME_DARK;
      else
        {
          g_autofree char *valid = g_utf8_make_valid (theme_name, -1);

          return bk_cli_usage_error (args->command, _("Unknown theme “%s”; THEME is light or dark"),
                                     valid);
        }
    }

  /* Numbers: not a number is wrong usage, out of range bad input */
  status = parse_size (args, "width", DEFAULT_WIDTH, 1, BK_CHART_EXPORT_MAX_SIZE, &width);
  if (status == BK_CLI_OK)
    status = parse_size (args, "height", DEFAULT_HEIGHT, 1, BK_CHART_EXPORT_MAX_SIZE, &height);
  if (status == BK_CLI_OK)
    status = parse_size (args, "scale", 1, 1, BK_CHART_EXPORT_MAX_SCALE, &scale);
  if (status != BK_CLI_OK)
    return status;

  if (strcmp (output, "-") != 0 && g_file_test (output, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *name = g_filename_display_name (output);

      return bk_cli_fail (_("%s is a folder; give a file name for the chart"), name);
    }

  /* The document and what to show of it */
  document = bk_cli_open_document_read_only (path);
  if (document == NULL)
    return BK_CLI_FAILED;

  if (strcmp (output, "-") != 0 && same_file (output, path))
    {
      g_autofree char *name = g_filename_display_name (output);

      return bk_cli_fail (_("%s is the document itself; choose another output file"), name);
    }

  workbook = bk_document_get_workbook (document);
  if (!bk_cli_find_scenario (workbook, bk_cli_args_get_option (args, "scenario"), &scenario))
    return BK_CLI_FAILED;

  if (company_id != NULL && !bk_cli_find_company (workbook, company_id, &company))
    return BK_CLI_FAILED;

  if (is_analysis)
    {
      status = bk_cli_chart_analysis_build (args, analysis, workbook, scenario, company, &chart);
      if (status != BK_CLI_OK)
        return status;
      bk_chart_set_theme (chart, theme);

      return write_chart (chart, output, format, width, height, scale);
    }

  results = bk_engine_compute (workbook, scenario);

  if (period_label != NULL)
    {
      guint n_periods = bk_chart_spec_get_n_periods (spec, results);

      if (!find_period (workbook, period_label, n_periods, spec == BK_CHART_SPEC_SHARE, &period))
        return BK_CLI_FAILED;
    }

  chart = bk_chart_build (spec, workbook, results, company, period, &error);
  if (chart == NULL)
    return bk_cli_fail_error (NULL, error);
  bk_chart_set_theme (chart, theme);

  return write_chart (chart, output, format, width, height, scale);
}
