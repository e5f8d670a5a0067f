/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-report-content.c — what the report says: the title page, key figures,
 * scenario comparison, charts, input tables, assumptions and sources of a
 * workbook, as blocks for the page layout (the Analysis section, after the
 * comparison, is bk-report-analysis.c's) */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "bk-chart-builder.h"
#include "bk-chart-builder-analysis.h"
#include "bk-format.h"
#include "bk-metric.h"
#include "bk-report-private.h"

/* The metrics of the key figures and the comparison, as the KPI strip shows
 * them, and discounted payback */
static const BkMetric report_metrics[] = {
  BK_METRIC_NPV, BK_METRIC_IRR, BK_METRIC_ROI, BK_METRIC_PAYBACK, BK_METRIC_DISCOUNTED_PAYBACK,
};

/* The charts of the window, in the order of its pages */
static const BkChartSpec report_charts[] = {
  BK_CHART_SPEC_CAPEX, BK_CHART_SPEC_BACKLOG, BK_CHART_SPEC_TOKENS, BK_CHART_SPEC_SHARE,
  BK_CHART_SPEC_NPV, BK_CHART_SPEC_CUMULATIVE_FCF, BK_CHART_SPEC_REVENUE, BK_CHART_SPEC_ROI,
  BK_CHART_SPEC_WATERFALL,
};

void
bk_block_free (gpointer data)
{
  BkBlock *block = data;

  g_free (block->text);
  g_clear_pointer (&block->table, bk_report_table_free);
  g_clear_object (&block->chart);
  g_free (block);
}

BkBlock *
bk_report_add_block (GPtrArray   *blocks,
                     BkBlockKind  kind)
{
  BkBlock *block = g_new0 (BkBlock, 1);

  block->kind = kind;
  g_ptr_array_add (blocks, block);
  return block;
}

void
bk_report_add_text (GPtrArray   *blocks,
                    BkTextStyle  style,
                    const char  *text)
{
  BkBlock *block = bk_report_add_block (blocks, BK_BLOCK_TEXT);

  block->style = style;
  block->text = g_strdup (text);
}

void
bk_report_add_table (GPtrArray     *blocks,
                     BkReportTable *table,
                     PangoContext  *context,
                     double         width,
                     guint          n_key)
{
  g_autoptr(GPtrArray) parts = bk_report_table_split_columns (table, context, width, n_key);

  for (guint i = 0; i < parts->len; i++)
    bk_report_add_block (blocks, BK_BLOCK_TABLE)->table = g_ptr_array_index (parts, i);
  bk_report_table_free (table);
}

/* As the KPI strip shows it: NPV in $B, IRR with one decimal, ROI without
 * decimals, paybacks in years. */
static void
format_metric (GString  *out,
               BkMetric  metric,
               double    value)
{
  switch (metric)
    {
    case BK_METRIC_NPV:
      bk_format_money (out, value);
      break;
    case BK_METRIC_IRR:
      bk_format_percent (out, value, 1);
      break;
    case BK_METRIC_ROI:
      bk_format_percent (out, value, 0);
      break;
    case BK_METRIC_PAYBACK:
    case BK_METRIC_DISCOUNTED_PAYBACK:
      bk_format_years (out, value);
      break;
    case BK_N_METRICS:
    default:
      g_assert_not_reached ();
    }
}

static const char *
company_label (BkWorkbook *workbook,
               int         company)
{
  return company < 0 ? _("Total") : bk_workbook_get_company_name (workbook, (guint) company);
}

static void
add_title_page (GPtrArray      *blocks,
                BkReportSource *source)
{
  BkWorkbook *workbook = source->workbook;
  const char *title = bk_workbook_get_title (workbook);
  g_autofree char *scenario = g_strdup_printf (_("Scenario: %s"),
                                               source->scenario == BK_SCENARIO_BASE
                                               ? _("Base")
                                               : bk_workbook_get_scenario_name (workbook, source->scenario));
  /* Translators: the report's date, a g_date_time_format() format */
  g_autofree char *day = g_date_time_format (source->date, _("%-d %B %Y"));
  g_autofree char *date = g_strdup_printf (_("Report of %s"), day);
  guint n_periods = bk_workbook_get_n_periods (workbook);

  bk_report_add_text (blocks, BK_TEXT_TITLE, title != NULL && title[0] != '\0' ? title : _("Untitled workbook"));
  bk_report_add_text (blocks, BK_TEXT_SUBTITLE, scenario);
  bk_report_add_text (blocks, BK_TEXT_BODY, date);
  if (n_periods > 0)
    {
      g_autofree char *first = bk_workbook_dup_period_label (workbook, 0);
      g_autofree char *last = bk_workbook_dup_period_label (workbook, n_periods - 1);
      guint n_companies = bk_workbook_get_n_companies (workbook);
      guint n_markets = bk_workbook_get_n_markets (workbook);
      g_autofree char *companies = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u company", "%u companies",
                                                                 n_companies), n_companies);
      g_autofree char *markets = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u market", "%u markets",
                                                               n_markets), n_markets);
      /* Translators: "9 companies in 2 markets, input periods 2023 to 2027" */
      g_autofree char *text = g_strdup_printf (_("%s in %s, input periods %s to %s"),
                                               companies, markets, first, last);

      bk_report_add_text (blocks, BK_TEXT_BODY, text);
    }
  bk_report_add_text (blocks, BK_TEXT_BODY,
            _("Drawn by Breakeven from the workbook’s inputs and assumptions; "
              "the model is described in MODEL.md."));
  bk_report_add_block (blocks, BK_BLOCK_PAGE_BREAK);
}

static void
add_key_figures (GPtrArray      *blocks,
                 BkReportSource *source,
                 PangoContext   *context,
                 double          width)
{
  BkWorkbook *workbook = source->workbook;
  guint n_companies = bk_workbook_get_n_companies (workbook);
  BkReportTable *table = bk_report_table_new (1 + G_N_ELEMENTS (report_metrics));
  g_autoptr(GString) text = g_string_new (NULL);

  bk_report_add_text (blocks, BK_TEXT_HEADING, _("Key figures"));
  bk_report_add_text (blocks, BK_TEXT_BODY,
            _("Net present value, internal rate of return, return on investment "
              "and paybacks of each company’s free cash flows. "
              "* The cash flows have more than one rate of return."));

  /* The headers and precision of breakeven-cli recalc and the Results page */
  bk_report_table_set_column (table, 0, _("Company"), BK_REPORT_COLUMN_TEXT);
  bk_report_table_set_column (table, 1, _("NPV (US$ B)"), BK_REPORT_COLUMN_NUMERIC);
  bk_report_table_set_column (table, 2, _("IRR"), BK_REPORT_COLUMN_NUMERIC);
  bk_report_table_set_column (table, 3, _("ROI"), BK_REPORT_COLUMN_NUMERIC);
  bk_report_table_set_column (table, 4, _("Payback (years)"), BK_REPORT_COLUMN_NUMERIC);
  bk_report_table_set_column (table, 5, _("Discounted payback (years)"), BK_REPORT_COLUMN_NUMERIC);

  for (int c = 0; c <= (int) n_companies; c++)
    {
      int company = c < (int) n_companies ? c : -1;
      const BkMetrics *metrics = bk_metric_get_row (source->results, company);
      guint row = bk_report_table_add_row (table, company < 0);

      bk_report_table_set_cell (table, row, 0, company_label (workbook, company));
      for (guint m = 0; m < G_N_ELEMENTS (report_metrics); m++)
        {
          double value = metrics != NULL ? bk_metric_get (metrics, report_metrics[m]) : NAN;

          g_string_truncate (text, 0);
          bk_format_metric_plain (text, report_metrics[m], value);
          if (report_metrics[m] == BK_METRIC_IRR && metrics != NULL && metrics->irr_multiple && isfinite (value))
            g_string_append (text, "*");
          bk_report_table_set_cell (table, row, 1 + m, text->str);
        }
    }
  bk_report_add_table (blocks, table, context, width, 1);
}

static void
add_comparison (GPtrArray      *blocks,
                BkReportSource *source,
                PangoContext   *context,
                double          width)
{
  BkWorkbook *workbook = source->workbook;
  BkComparison *comparison = source->comparison;
  guint n_companies = bk_workbook_get_n_companies (workbook);
  BkReportTable *table = bk_report_table_new (2 + comparison->n_scenarios);
  g_autoptr(GString) metrics_text = g_string_new (NULL);
  g_autoptr(GString) text = g_string_new (NULL);

  bk_report_add_text (blocks, BK_TEXT_HEADING, _("Scenario comparison"));
  if (comparison->n_scenarios < 2)
    bk_report_add_text (blocks, BK_TEXT_BODY, _("The workbook has no scenario besides Base."));
  else
    bk_report_add_text (blocks, BK_TEXT_BODY,
              _("Each metric in every scenario; in parentheses the difference against Base."));

  bk_report_table_set_column (table, 0, _("Company"), BK_REPORT_COLUMN_TEXT);
  bk_report_table_set_column (table, 1, _("Metric"), BK_REPORT_COLUMN_LABEL);
  for (guint s = 0; s < comparison->n_scenarios; s++)
    bk_report_table_set_column (table, 2 + s,
                                s == BK_SCENARIO_BASE ? _("Base") : bk_workbook_get_scenario_name (workbook, s),
                                BK_REPORT_COLUMN_NUMERIC);

  for (guint m = 0; m < G_N_ELEMENTS (report_metrics); m++)
    g_string_append_printf (metrics_text, "%s%s", m > 0 ? "\n" : "", bk_metric_get_title (report_metrics[m]));

  for (int c = 0; c <= (int) n_companies; c++)
    {
      int company = c < (int) n_companies ? c : -1;
      guint row = bk_report_table_add_row (table, company < 0);

      bk_report_table_set_cell (table, row, 0, company_label (workbook, company));
      bk_report_table_set_cell (table, row, 1, metrics_text->str);
      for (guint s = 0; s < comparison->n_scenarios; s++)
        {
          g_string_truncate (text, 0);
          for (guint m = 0; m < G_N_ELEMENTS (report_metrics); m++)
            {
              const BkComparisonCell *cell = bk_comparison_get (comparison, s, company, report_metrics[m]);

              if (m > 0)
                g_string_append_c (text, '\n');
              format_metric (text, report_metrics[m], cell->value);
              if (s != BK_SCENARIO_BASE && isfinite (cell->diff) && cell->diff != 0)
                {
                  g_string_append (text, " (");
                  if (cell->diff > 0)
                    g_string_append_c (text, '+');
                  format_metric (text, report_metrics[m], cell->diff);
                  g_string_append_c (text, ')');
                }
            }
          bk_report_table_set_cell (table, row, 2 + s, text->str);
        }
    }
  bk_report_add_table (blocks, table, context, width, 2);

  if (n_companies > 0)
    {
      BkChart *chart = bk_chart_build_compare (workbook, comparison, BK_METRIC_NPV);

      bk_chart_set_legend_position (chart, BK_CHART_LEGEND_BOTTOM);
      bk_report_add_block (blocks, BK_BLOCK_CHART)->chart = chart;
    }
}

static void
add_charts (GPtrArray      *blocks,
            BkReportSource *source)
{
  bk_report_add_block (blocks, BK_BLOCK_PAGE_BREAK);
  bk_report_add_text (blocks, BK_TEXT_HEADING, _("Charts"));
  for (guint i = 0; i < G_N_ELEMENTS (report_charts); i++)
    {
      g_autoptr(GError) error = NULL;
      BkChart *chart = bk_chart_build (report_charts[i], source->workbook, source->results, -1, -1, &error);

      if (chart == NULL)
        {
          g_debug ("No %s chart in the report: %s", bk_chart_spec_to_string (report_charts[i]), error->message);
          continue;
        }
      bk_chart_set_legend_position (chart, BK_CHART_LEGEND_BOTTOM);
      bk_report_add_block (blocks, BK_BLOCK_CHART)->chart = chart;
    }
}

/* The longest piece of a note on one row of the sources, in characters:
 * about a third of a page in the note column, so that no row is taller
 * than a page */
#define NOTE_PIECE_CHARS 1200

/* Note @number of the cell @where as rows of @sources: one, or for a note
 * too long for a page, pieces broken at a space (or anywhere, in text
 * without spaces), the later ones marked as continued */
static void
add_source (BkReportTable *sources,
            guint          number,
            const char    *where,
            const char    *note)
{
  g_autofree char *num = g_strdup_printf ("%u", number);
  const char *rest = note;
  gboolean first = TRUE;

  while (*rest != '\0')
    {
      const char *end = rest;
      const char *space = NULL;
      guint row = bk_report_table_add_row (sources, FALSE);
      g_autofree char *piece = NULL;

      for (guint n = 0; *end != '\0' && n < NOTE_PIECE_CHARS; n++)
        {
          if (*end == ' ' || *end == '\n')
            space = end;
          end = g_utf8_next_char (end);
        }
      if (*end != '\0' && space != NULL && space > rest)
        end = space;
      piece = g_strndup (rest, end - rest);

      bk_report_table_set_cell (sources, row, 0, first ? num : "");
      if (first)
        bk_report_table_set_cell (sources, row, 1, where);
      else
        {
          /* Translators: the cell column of a long note's later rows in the report's sources */
          g_autofree char *continued = g_strdup_printf (_("%s (continued)"), where);

          bk_report_table_set_cell (sources, row, 1, continued);
        }
      bk_report_table_set_cell (sources, row, 2, piece);
      first = FALSE;
      rest = end;
      while (*rest == ' ' || *rest == '\n')
        rest++;
    }
}

/* One input table, in as many parts as its periods need to fit @width;
 * cells with a note get the note's number, and the note a row in @sources. */
static void
add_input_table (GPtrArray      *blocks,
                 BkReportSource *source,
                 BkTable         input,
                 BkReportTable  *sources,
                 guint          *n_sources,
                 PangoContext   *context,
                 double          width)
{
  BkWorkbook *workbook = source->workbook;
  guint n_rows = bk_workbook_get_n_rows (workbook, input);
  guint n_periods = bk_workbook_get_n_periods (workbook);
  BkReportTable *full;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *heading = g_strdup_printf (_("%s (%s)"), bk_table_get_title (input), bk_table_get_unit (input));

  bk_report_add_text (blocks, BK_TEXT_SUBHEADING, heading);
  if (n_rows == 0 || n_periods == 0)
    {
      bk_report_add_text (blocks, BK_TEXT_BODY, _("The table is empty."));
      return;
    }

  full = bk_report_table_new (1 + n_periods);
  bk_report_table_set_column (full, 0, bk_table_rows_are_markets (input) ? _("Market") : _("Company"),
                              BK_REPORT_COLUMN_TEXT);
  for (guint p = 0; p < n_periods; p++)
    {
      g_autofree char *label = bk_workbook_dup_period_label (workbook, p);

      bk_report_table_set_column (full, 1 + p, label, BK_REPORT_COLUMN_NUMERIC);
    }

  for (guint r = 0; r < n_rows; r++)
    {
      guint row = bk_report_table_add_row (full, FALSE);

      bk_report_table_set_cell (full, row, 0, bk_workbook_get_row_name (workbook, input, r));
      for (guint p = 0; p < n_periods; p++)
        {
          BkCell cell;

          bk_workbook_get_cell (workbook, source->scenario, input, r, p, &cell);
          g_string_truncate (text, 0);
          if (isfinite (cell.value))
            bk_format_cell_value (text, input, cell.value);
          if (cell.note != NULL && cell.note[0] != '\0')
            {
              guint number = ++*n_sources;
              g_autofree char *period = bk_workbook_dup_period_label (workbook, p);
              g_autofree char *where = g_strdup_printf ("%s · %s · %s", bk_table_get_title (input),
                                                        bk_workbook_get_row_name (workbook, input, r), period);

              g_string_append_printf (text, " [%u]", number);
              add_source (sources, number, where, cell.note);
            }
          bk_report_table_set_cell (full, row, 1 + p, text->str);
        }
    }

  /* As many periods a part as fit beside the names */
  bk_report_add_table (blocks, full, context, width, 1);
}

static void
add_assumptions (GPtrArray      *blocks,
                 BkReportSource *source,
                 PangoContext   *context,
                 double          width)
{
  BkWorkbook *workbook = source->workbook;
  guint n_companies = bk_workbook_get_n_companies (workbook);
  BkReportTable *table = bk_report_table_new (3);
  g_autoptr(GString) text = g_string_new (NULL);

  bk_report_add_text (blocks, BK_TEXT_HEADING, _("Assumptions in effect"));
  bk_report_add_text (blocks, BK_TEXT_BODY,
            _("The drivers of the model in this scenario, and the companies that override them."));
  bk_report_table_set_column (table, 0, _("Driver"), BK_REPORT_COLUMN_TEXT);
  bk_report_table_set_column (table, 1, _("Value"), BK_REPORT_COLUMN_NUMERIC);
  bk_report_table_set_column (table, 2, _("Company overrides"), BK_REPORT_COLUMN_TEXT);

  for (guint a = 0; a < BK_N_ASSUMPTIONS; a++)
    {
      double value = bk_workbook_get_assumption (workbook, source->scenario, -1, a);
      guint row = bk_report_table_add_row (table, FALSE);

      bk_report_table_set_cell (table, row, 0, bk_assumption_get_name (a));
      g_string_truncate (text, 0);
      bk_format_assumption_with_unit (text, a, value);
      bk_report_table_set_cell (table, row, 1, text->str);

      g_string_truncate (text, 0);
      if (!bk_assumption_is_workbook_only (a))
        for (guint c = 0; c < n_companies; c++)
          {
            double own = bk_workbook_get_assumption (workbook, source->scenario, (int) c, a);

            if (own == value || (isnan (own) && isnan (value)))
              continue;
            if (text->len > 0)
              g_string_append (text, "; ");
            g_string_append_printf (text, "%s: ", bk_workbook_get_company_name (workbook, c));
            bk_format_assumption_with_unit (text, a, own);
          }
      bk_report_table_set_cell (table, row, 2, text->str);
    }
  bk_report_add_table (blocks, table, context, width, 1);
}

void
bk_report_content_build (GPtrArray      *blocks,
                         BkReportSource *source,
                         PangoContext   *context,
                         double          width)
{
  BkReportTable *sources = bk_report_table_new (3);
  guint n_sources = 0;

  g_return_if_fail (blocks != NULL);
  g_return_if_fail (source != NULL);

  bk_report_table_set_column (sources, 0, _("No."), BK_REPORT_COLUMN_NUMERIC);
  bk_report_table_set_column (sources, 1, _("Cell"), BK_REPORT_COLUMN_TEXT);
  bk_report_table_set_column (sources, 2, _("Note"), BK_REPORT_COLUMN_TEXT);

  add_title_page (blocks, source);
  add_key_figures (blocks, source, context, width);
  add_comparison (blocks, source, context, width);
  bk_report_analysis_build (blocks, source, context, width);
  add_charts (blocks, source);

  bk_report_add_block (blocks, BK_BLOCK_PAGE_BREAK);
  bk_report_add_text (blocks, BK_TEXT_HEADING, _("Input tables"));
  bk_report_add_text (blocks, BK_TEXT_BODY,
            _("The inputs as the scenario sees them; [n] refers to the numbered sources."));
  for (BkTable input = BK_TABLE_CAPEX; input <= BK_TABLE_SHARE; input++)
    add_input_table (blocks, source, input, sources, &n_sources, context, width);

  add_assumptions (blocks, source, context, width);

  bk_report_add_text (blocks, BK_TEXT_HEADING, _("Sources"));
  if (bk_report_table_get_n_rows (sources) == 0)
    {
      bk_report_add_text (blocks, BK_TEXT_BODY, _("No cell carries a note."));
      bk_report_table_free (sources);
    }
  else
    bk_report_add_table (blocks, sources, context, width, 1);
}
