/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-chart-builder.c — the charts of a workbook, built from its inputs and
 * results
 *
 * Every chart is first described as plain data (ChartData: texts,
 * categories, series, markers, steps), then applied to a BkChart by
 * comparing it with what the chart already holds, so that a refresh only
 * emits ::changed for what really changed.
 *
 * Choices an analyst would notice:
 * - Input charts show the input periods as the scenario sees them (its
 *   overrides and formulas).  Backlog, tokens and share carry the last known
 *   value forward over blanks, as the model does; a blank before the first
 *   value is a gap (tokens) or zero (backlog, share).  Blank capex is no bar.
 * - Backlog shows only the companies that report a backlog at all.
 * - Share is one donut: the market of the selected company (by default the
 *   first market) in one input period (by default the last).  Companies without a share are left out, and what the listed
 *   companies do not cover is an "Others" slice, so the ring is the whole
 *   market.
 * - Cumulative FCF marks each company's payback where its line crosses
 *   zero: cum_fcf of period t is the value at the end of period t, so a
 *   payback of P years (from the start of the first period) sits at
 *   category P / Δ − 1.  A company that never goes below zero (payback 0)
 *   or never recovers (no payback) gets no marker.
 * - Revenue is drawn over capacity value (a grey ceiling), so where
 *   capacity caps revenue the line shows as revenue.
 * - The waterfall goes revenue − power − other opex − depreciation = EBIT,
 *   − tax + depreciation (it is not cash) − capex = free cash flow, for one
 *   modelled period, or by default summed over all modelled periods. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "bk-chart-builder.h"
#include "bk-share-check.h"
#include "bk-chart-private.h"
#include "bk-chart-slots.h"
#include "bk-types.h"

G_DEFINE_ENUM_TYPE (BkChartSpec, bk_chart_spec,
  G_DEFINE_ENUM_VALUE (BK_CHART_SPEC_CAPEX, "capex"),
  G_DEFINE_ENUM_VALUE (BK_CHART_SPEC_BACKLOG, "backlog"),
  G_DEFINE_ENUM_VALUE (BK_CHART_SPEC_TOKENS, "tokens"),
  G_DEFINE_ENUM_VALUE (BK_CHART_SPEC_SHARE, "share"),
  G_DEFINE_ENUM_VALUE (BK_CHART_SPEC_CUMULATIVE_FCF, "cumulative-fcf"),
  G_DEFINE_ENUM_VALUE (BK_CHART_SPEC_REVENUE, "revenue"),
  G_DEFINE_ENUM_VALUE (BK_CHART_SPEC_ROI, "roi"),
  G_DEFINE_ENUM_VALUE (BK_CHART_SPEC_NPV, "npv"),
  G_DEFINE_ENUM_VALUE (BK_CHART_SPEC_WATERFALL, "waterfall"))

static const char * const spec_names[BK_N_CHART_SPECS] = {
  [BK_CHART_SPEC_CAPEX] = "capex",
  [BK_CHART_SPEC_BACKLOG] = "backlog",
  [BK_CHART_SPEC_TOKENS] = "tokens",
  [BK_CHART_SPEC_SHARE] = "share",
  [BK_CHART_SPEC_CUMULATIVE_FCF] = "cumulative-fcf",
  [BK_CHART_SPEC_REVENUE] = "revenue",
  [BK_CHART_SPEC_ROI] = "roi",
  [BK_CHART_SPEC_NPV] = "npv",
  [BK_CHART_SPEC_WATERFALL] = "waterfall",
};

/* Colour keys of series: a company's or market's colour slot
 * (bk-chart-slots.h), or these */
#define KEY_PALETTE G_MAXUINT        /* the renderer's colour for the series' index */
#define KEY_OTHERS  (G_MAXUINT - 1)  /* the neutral "Others" slice */
#define KEY_LIMIT   (G_MAXUINT - 2)  /* a grey reference line, e.g. capacity value */

#define KEYS_DATA "bk-chart-builder-keys"
#define SPEC_DATA "bk-chart-builder-spec"

/* Okabe–Ito has eight colours; companies past them continue with these,
 * chosen to stay apart from the palette on both backgrounds. */
static const guint32 extra_colors[][4] = {
  [BK_CHART_THEME_LIGHT] = { 0x8c510a, 0x762a83, 0x01665e, 0x4d6a8a },
  [BK_CHART_THEME_DARK]  = { 0xd8b365, 0xc2a5cf, 0x5ab4ac, 0x92a8c4 },
};
static const guint32 others_color[] = {
  [BK_CHART_THEME_LIGHT] = 0xc4c4c4,
  [BK_CHART_THEME_DARK]  = 0x5c5c5c,
};
static const guint32 limit_color[] = {
  [BK_CHART_THEME_LIGHT] = 0x8c8c8c,
  [BK_CHART_THEME_DARK]  = 0x9e9e9e,
};

typedef struct
{
  char   *name;
  double *values;
  guint   n_values;
  guint   key;
} SeriesData;

/* A chart's description as plain data */
typedef struct
{
  BkChartKind            kind;
  BkChartUnit            unit;
  BkChartLegendPosition  legend;
  char                  *title;
  char                  *subtitle;
  char                  *source;
  char                  *center_label;
  GPtrArray             *categories;  /* char * */
  GPtrArray             *series;      /* SeriesData * */
  GArray                *markers;     /* BkChartMarker */
  GArray                *steps;       /* BkChartStep */
} ChartData;

/* What every chart reads */
typedef struct
{
  BkWorkbook  *workbook;
  BkResults   *results;
  guint        scenario;
  const char  *scenario_name;
  guint        n_input;      /* N */
  guint        n_periods;    /* M */
  guint        n_companies;
  int          company;      /* -1 only when there is no company */
  int          period;       /* -1: the chart's default */
  guint       *company_slots; /* colour slots by company index */
  guint       *market_slots;  /* and by market index */
} Source;

/* Specs */

const char *
bk_chart_spec_to_string (BkChartSpec spec)
{
  g_return_val_if_fail (spec < BK_N_CHART_SPECS, NULL);

  return spec_names[spec];
}

gboolean
bk_chart_spec_from_string (const char  *name,
                           BkChartSpec *spec)
{
  g_return_val_if_fail (spec != NULL, FALSE);

  if (name == NULL)
    return FALSE;

  for (guint i = 0; i < BK_N_CHART_SPECS; i++)
    if (g_ascii_strcasecmp (name, spec_names[i]) == 0)
      {
        *spec = (BkChartSpec) i;
        return TRUE;
      }

  return FALSE;
}

const char *
bk_chart_spec_get_title (BkChartSpec spec)
{
  switch (spec)
    {
    case BK_CHART_SPEC_CAPEX:          return _("CapEx");
    case BK_CHART_SPEC_BACKLOG:        return _("Backlog");
    case BK_CHART_SPEC_TOKENS:         return _("Tokens");
    case BK_CHART_SPEC_SHARE:          return _("Share");
    case BK_CHART_SPEC_CUMULATIVE_FCF: return _("Cumulative FCF");
    case BK_CHART_SPEC_REVENUE:        return _("Revenue and capacity");
    case BK_CHART_SPEC_ROI:            return _("ROI");
    case BK_CHART_SPEC_NPV:            return _("NPV");
    case BK_CHART_SPEC_WATERFALL:      return _("FCF waterfall");
    case BK_N_CHART_SPECS:
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
bk_chart_spec_uses_company (BkChartSpec spec)
{
  return spec == BK_CHART_SPEC_SHARE || spec == BK_CHART_SPEC_REVENUE
         || spec == BK_CHART_SPEC_WATERFALL;
}

gboolean
bk_chart_spec_uses_period (BkChartSpec spec)
{
  return spec == BK_CHART_SPEC_SHARE || spec == BK_CHART_SPEC_WATERFALL;
}

guint
bk_chart_spec_get_n_periods (BkChartSpec  spec,
                             BkResults   *results)
{
  g_return_val_if_fail (spec < BK_N_CHART_SPECS, 0);
  g_return_val_if_fail (results != NULL, 0);

  if (spec == BK_CHART_SPEC_SHARE)
    return bk_results_get_n_input_periods (results);

  return bk_results_get_n_periods (results);
}

/* Chart data */

static void
series_data_free (gpointer data)
{
  SeriesData *series = data;

  g_free (series->name);
  g_free (series->values);
  g_free (series);
}

static void
marker_clear (gpointer data)
{
  g_clear_pointer (&((BkChartMarker *) data)->label, g_free);
}

static void
step_clear (gpointer data)
{
  g_clear_pointer (&((BkChartStep *) data)->label, g_free);
}

static ChartData *
chart_data_new (void)
{
  ChartData *data = g_new0 (ChartData, 1);

  data->legend = BK_CHART_LEGEND_RIGHT;
  data->categories = g_ptr_array_new_with_free_func (g_free);
  data->series = g_ptr_array_new_with_free_func (series_data_free);
  data->markers = g_array_new (FALSE, TRUE, sizeof (BkChartMarker));
  g_array_set_clear_func (data->markers, marker_clear);
  data->steps = g_array_new (FALSE, TRUE, sizeof (BkChartStep));
  g_array_set_clear_func (data->steps, step_clear);

  return data;
}

static void
chart_data_free (ChartData *data)
{
  g_free (data->title);
  g_free (data->subtitle);
  g_free (data->source);
  g_free (data->center_label);
  g_ptr_array_unref (data->categories);
  g_ptr_array_unref (data->series);
  g_array_unref (data->markers);
  g_array_unref (data->steps);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChartData, chart_data_free)

static void
add_series (ChartData    *data,
            const char   *name,
            const double *values,
            guint         n_values,
            guint         key)
{
  SeriesData *series = g_new0 (SeriesData, 1);

  series->name = g_strdup (name);
  series->values = n_values > 0 ? g_memdup2 (values, n_values * sizeof (double)) : NULL;
  series->n_values = n_values;
  series->key = key;
  g_ptr_array_add (data->series, series);
}

static void
add_step (ChartData  *data,
          const char *label,
          double      value,
          gboolean    is_total)
{
  BkChartStep step = { 0 };

  step.label = g_strdup (label);
  /* A step must be a number; a total may be NAN (the running sum) */
  step.value = isfinite (value) || is_total ? value : 0.0;
  step.is_total = is_total;
  g_array_append_val (data->steps, step);
}

static void
add_period_categories (ChartData  *data,
                       BkWorkbook *workbook,
                       guint       n_periods)
{
  for (guint i = 0; i < n_periods; i++)
    g_ptr_array_add (data->categories, bk_workbook_dup_period_label (workbook, i));
}

/* "2023–2033", the modelled periods */
static char *
range_label (Source *src)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  if (src->n_periods == 0)
    return g_strdup ("");

  first = bk_workbook_dup_period_label (src->workbook, 0);
  if (src->n_periods == 1)
    return g_steal_pointer (&first);
  last = bk_workbook_dup_period_label (src->workbook, src->n_periods - 1);

  return g_strdup_printf ("%s–%s", first, last);
}

/* One input row as the scenario sees it (n_input values), blanks carried
 * forward where the model carries them; a blank before the first value
 * stays NAN.  Returns whether the row has any value. */
static gboolean
input_row (Source  *src,
           BkTable  table,
           guint    row,
           double  *out)
{
  gboolean any = FALSE;
  double last = NAN;

  if (src->n_input == 0)
    return FALSE;

  bk_workbook_get_scenario_row (src->workbook, src->scenario, table, row, out);
  for (guint i = 0; i < src->n_input; i++)
    {
      if (isfinite (out[i]))
        {
          last = out[i];
          any = TRUE;
        }
      else if (bk_table_carries_forward (table))
        out[i] = last;
    }

  return any;
}

/* The kinds */

static void
fill_capex (ChartData *data,
            Source    *src)
{
  g_autofree double *values = g_new0 (double, MAX (src->n_input, 1));

  data->kind = BK_CHART_KIND_BAR;
  data->unit = BK_CHART_UNIT_USD_BILLIONS;
  data->title = g_strdup (_("Capital expenditure by company"));
  data->subtitle = g_strdup_printf (_("US$ billion, %s"), src->scenario_name);
  add_period_categories (data, src->workbook, src->n_input);

  for (guint c = 0; c < src->n_companies; c++)
    {
      input_row (src, BK_TABLE_CAPEX, c, values);
      add_series (data, bk_workbook_get_company_name (src->workbook, c),
                  values, src->n_input, src->company_slots[c]);
    }
}

static void
fill_backlog (ChartData *data,
              Source    *src)
{
  g_autofree double *values = g_new0 (double, MAX (src->n_input, 1));

  data->kind = BK_CHART_KIND_STACKED_AREA;
  data->unit = BK_CHART_UNIT_USD_BILLIONS;
  data->title = g_strdup (_("Contracted backlog by company"));
  data->subtitle = g_strdup_printf (_("US$ billion at period end, %s; a blank period keeps the last reported value"),
                                    src->scenario_name);
  add_period_categories (data, src->workbook, src->n_input);

  for (guint c = 0; c < src->n_companies; c++)
    if (input_row (src, BK_TABLE_BACKLOG, c, values))
      add_series (data, bk_workbook_get_company_name (src->workbook, c),
                  values, src->n_input, src->company_slots[c]);
}

static void
fill_tokens (ChartData *data,
             Source    *src)
{
  guint n_markets = bk_workbook_get_n_markets (src->workbook);
  g_autofree double *values = g_new0 (double, MAX (src->n_input, 1));

  data->kind = BK_CHART_KIND_LINE;
  data->unit = BK_CHART_UNIT_TOKENS_PER_DAY;
  data->title = g_strdup (_("AI token demand by market"));
  data->subtitle = g_strdup_printf (_("Trillion tokens per day, period average, %s"),
                                    src->scenario_name);
  add_period_categories (data, src->workbook, src->n_input);

  for (guint m = 0; m < n_markets; m++)
    {
      input_row (src, BK_TABLE_TOKENS, m, values);
      add_series (data, bk_workbook_get_market_name (src->workbook, m),
                  values, src->n_input, src->market_slots[m]);
    }
}

static void
fill_share (ChartData *data,
            Source    *src)
{
  BkWorkbook *workbook = src->workbook;
  guint n_markets = bk_workbook_get_n_markets (workbook);
  g_autofree double *values = g_new0 (double, MAX (src->n_input, 1));
  g_autofree char *period_label = NULL;
  double covered = 0;
  guint market, period;

  data->kind = BK_CHART_KIND_DONUT;
  data->unit = BK_CHART_UNIT_PERCENT;

  if (n_markets == 0 || src->n_input == 0)
    {
      data->title = g_strdup (_("Share of token demand"));
      data->subtitle = g_strdup (src->scenario_name);
      return;
    }

  market = src->company >= 0 ? bk_workbook_get_company_market (workbook, (guint) src->company) : 0;
  period = src->period >= 0 ? (guint) src->period : src->n_input - 1;
  period_label = bk_workbook_dup_period_label (workbook, period);

  data->title = g_strdup_printf (_("Share of token demand: %s"),
                                 bk_workbook_get_market_name (workbook, market));
  data->subtitle = g_strdup_printf (_("Percent of the market in %s, %s"),
                                    period_label, src->scenario_name);
  data->center_label = g_strdup (period_label);

  for (guint c = 0; c < src->n_companies; c++)
    {
      double share;

      if (bk_workbook_get_company_market (workbook, c) != market)
        continue;
      input_row (src, BK_TABLE_SHARE, c, values);
      share = values[period];
      if (!isfinite (share) || share <= 0)
        continue;
      add_series (data, bk_workbook_get_company_name (workbook, c), &share, 1, src->company_slots[c]);
      covered += share;
    }

  /* The rest of the market, so that the ring is the whole market */
  if (covered < 1 - 1e-9)
    {
      double rest = 1 - covered;

      add_series (data, _("Others"), &rest, 1, KEY_OTHERS);
    }
  else if (covered > 1 + BK_SHARE_SLACK)
    {
      /* A ring cannot hold more than the whole market: the slices are drawn
       * in proportion, and the subtitle says the shares do not add up */
      g_free (data->subtitle);
      /* Translators: the share donut's subtitle when the shares of a market
       * add up past 100% (more than the whole market), e.g. "⚠ Shares add
       * up to 155% in 2025, Base"; keep it short, it is one line */
      data->subtitle = g_strdup_printf (_("⚠ Shares add up to %.0f%% in %s, %s"),
                                        covered * 100, period_label, src->scenario_name);
    }
}

static void
fill_cumulative_fcf (ChartData *data,
                     Source    *src)
{
  double delta = bk_granularity_delta (bk_workbook_get_granularity (src->workbook));

  data->kind = BK_CHART_KIND_LINE;
  data->unit = BK_CHART_UNIT_USD_BILLIONS;
  data->title = g_strdup (_("Cumulative free cash flow by company"));
  data->subtitle = g_strdup_printf (_("US$ billion, %s"), src->scenario_name);
  add_period_categories (data, src->workbook, src->n_periods);

  for (guint c = 0; c < src->n_companies; c++)
    {
      const BkMetrics *metrics = bk_results_get_company (src->results, c);
      double payback = metrics->payback_years;

      add_series (data, bk_workbook_get_company_name (src->workbook, c),
                  metrics->series[BK_SERIES_CUM_FCF], src->n_periods, src->company_slots[c]);

      /* Where the line crosses zero: cum_fcf[t] is at the end of period t */
      if (isfinite (payback) && payback > 0)
        {
          BkChartMarker marker = { 0 };
          g_autofree char *years = bk_chart_format_value (BK_CHART_UNIT_YEARS, payback, 0.1);

          marker.series = data->series->len - 1;
          marker.x = payback / delta - 1;
          /* Translators: a marker on a chart, "Payback 2.5 y" */
          marker.label = g_strdup_printf (_("Payback %s"), years);
          g_array_append_val (data->markers, marker);
        }
    }
}

static void
fill_revenue (ChartData *data,
              Source    *src)
{
  const BkMetrics *metrics;
  g_autofree double *capacity_value = NULL;

  data->kind = BK_CHART_KIND_LINE;
  data->unit = BK_CHART_UNIT_USD_BILLIONS;
  data->subtitle = g_strdup_printf (_("US$ billion, %s; capacity value is the token capacity sold at the period’s price"),
                                    src->scenario_name);

  if (src->company < 0)
    {
      data->title = g_strdup (_("Revenue against capacity value"));
      return;
    }

  data->title = g_strdup_printf (_("Revenue against capacity value: %s"),
                                 bk_workbook_get_company_name (src->workbook, (guint) src->company));
  add_period_categories (data, src->workbook, src->n_periods);

  metrics = bk_results_get_company (src->results, (guint) src->company);
  capacity_value = g_new0 (double, MAX (src->n_periods, 1));
  for (guint t = 0; t < src->n_periods; t++)
    capacity_value[t] = metrics->series[BK_SERIES_CAPACITY_TOKENS][t]
                        * metrics->series[BK_SERIES_PRICE][t] / 1000;

  /* The ceiling in grey, drawn over revenue as a dashed reference line
   * (apply_colors()), so both show where capacity limits revenue */
  add_series (data, _("Capacity value"), capacity_value, src->n_periods, KEY_LIMIT);
  add_series (data, _("Revenue"), metrics->series[BK_SERIES_REVENUE], src->n_periods,
              src->company_slots[src->company]);
}

/* ROI and NPV: a bar per company */
static void
fill_metric (ChartData *data,
             Source    *src,
             gboolean   roi)
{
  g_autofree double *values = g_new0 (double, MAX (src->n_companies, 1));
  g_autofree char *range = range_label (src);

  data->kind = BK_CHART_KIND_BAR;
  data->legend = BK_CHART_LEGEND_NONE;

  if (roi)
    {
      data->unit = BK_CHART_UNIT_PERCENT;
      data->title = g_strdup (_("Return on investment by company"));
      data->subtitle = g_strdup_printf (_("Free cash flow as a percentage of capital expenditure, %s, %s"),
                                        range, src->scenario_name);
    }
  else
    {
      data->unit = BK_CHART_UNIT_USD_BILLIONS;
      data->title = g_strdup (_("Net present value by company"));
      data->subtitle = g_strdup_printf (_("US$ billion, free cash flow %s discounted, %s"),
                                        range, src->scenario_name);
    }

  for (guint c = 0; c < src->n_companies; c++)
    {
      const BkMetrics *metrics = bk_results_get_company (src->results, c);

      g_ptr_array_add (data->categories,
                       g_strdup (bk_workbook_get_company_name (src->workbook, c)));
      values[c] = roi ? metrics->roi : metrics->npv;
    }

  if (src->n_companies > 0)
    add_series (data, roi ? _("ROI") : _("NPV"), values, src->n_companies, KEY_PALETTE);
}

static void
fill_waterfall (ChartData *data,
                Source    *src)
{
  enum { REVENUE, POWER, OTHER, DEPRECIATION, EBIT, TAX, CAPEX, FCF, N_SUMS };
  static const BkSeries summed[N_SUMS] = {
    BK_SERIES_REVENUE, BK_SERIES_POWER_COST, BK_SERIES_OTHER_OPEX,
    BK_SERIES_DEPRECIATION, BK_SERIES_EBIT, BK_SERIES_TAX, BK_SERIES_CAPEX,
    BK_SERIES_FCF,
  };
  const BkMetrics *metrics;
  double sum[N_SUMS] = { 0 };
  guint first, last;

  data->kind = BK_CHART_KIND_WATERFALL;
  data->unit = BK_CHART_UNIT_USD_BILLIONS;

  if (src->company < 0 || src->n_periods == 0)
    {
      data->title = g_strdup (_("From revenue to free cash flow"));
      data->subtitle = g_strdup_printf (_("US$ billion, %s"), src->scenario_name);
      return;
    }

  data->title = g_strdup_printf (_("From revenue to free cash flow: %s"),
                                 bk_workbook_get_company_name (src->workbook, (guint) src->company));
  if (src->period >= 0)
    {
      g_autofree char *label = bk_workbook_dup_period_label (src->workbook, (guint) src->period);

      first = last = (guint) src->period;
      data->subtitle = g_strdup_printf (_("US$ billion, %s, %s"), label, src->scenario_name);
    }
  else
    {
      g_autofree char *range = range_label (src);

      first = 0;
      last = src->n_periods - 1;
      data->subtitle = g_strdup_printf (_("US$ billion, sum of %s, %s"), range, src->scenario_name);
    }

  metrics = bk_results_get_company (src->results, (guint) src->company);
  for (guint t = first; t <= last; t++)
    for (guint k = 0; k < N_SUMS; k++)
      sum[k] += metrics->series[summed[k]][t];

  add_step (data, _("Revenue"), sum[REVENUE], FALSE);
  add_step (data, _("Power"), -sum[POWER], FALSE);
  add_step (data, _("Other opex"), -sum[OTHER], FALSE);
  add_step (data, _("Depreciation"), -sum[DEPRECIATION], FALSE);
  add_step (data, _("EBIT"), sum[EBIT], TRUE);
  add_step (data, _("Tax"), -sum[TAX], FALSE);
  /* Depreciation is not cash: it comes back before capex goes out */
  add_step (data, _("Depreciation added back"), sum[DEPRECIATION], FALSE);
  add_step (data, _("CapEx"), -sum[CAPEX], FALSE);
  add_step (data, _("Free cash flow"), sum[FCF], TRUE);
}

static ChartData *
describe (BkChartSpec  spec,
          Source      *src)
{
  g_autoptr(ChartData) data = chart_data_new ();
  const char *title = bk_workbook_get_title (src->workbook);

  switch (spec)
    {
    case BK_CHART_SPEC_CAPEX:
      fill_capex (data, src);
      break;
    case BK_CHART_SPEC_BACKLOG:
      fill_backlog (data, src);
      break;
    case BK_CHART_SPEC_TOKENS:
      fill_tokens (data, src);
      break;
    case BK_CHART_SPEC_SHARE:
      fill_share (data, src);
      break;
    case BK_CHART_SPEC_CUMULATIVE_FCF:
      fill_cumulative_fcf (data, src);
      break;
    case BK_CHART_SPEC_REVENUE:
      fill_revenue (data, src);
      break;
    case BK_CHART_SPEC_ROI:
      fill_metric (data, src, TRUE);
      break;
    case BK_CHART_SPEC_NPV:
      fill_metric (data, src, FALSE);
      break;
    case BK_CHART_SPEC_WATERFALL:
      fill_waterfall (data, src);
      break;
    case BK_N_CHART_SPECS:
    default:
      g_assert_not_reached ();
    }

  if (title != NULL && *title != '\0')
    data->source = g_strdup_printf (_("Source: %s; Breakeven model"), title);
  else
    data->source = g_strdup (_("Source: Breakeven model"));

  return g_steal_pointer (&data);
}

/* Colours */

static guint
palette_size (void)
{
  BkChartColor first, color;
  guint n;

  bk_chart_palette_color (BK_CHART_THEME_LIGHT, 0, &first);
  for (n = 1; n < 64; n++)
    {
      bk_chart_palette_color (BK_CHART_THEME_LIGHT, n, &color);
      if (memcmp (&color, &first, sizeof color) == 0)
        break;
    }

  return n;
}

/* FALSE for KEY_PALETTE: the renderer's own colour */
static gboolean
key_color (BkChartTheme  theme,
           guint         key,
           guint         n_palette,
           BkChartColor *color)
{
  g_assert (theme <= BK_CHART_THEME_DARK);

  if (key == KEY_PALETTE)
    return FALSE;
  if (key == KEY_OTHERS)
    *color = bk_chart_color_from_hex (others_color[theme]);
  else if (key == KEY_LIMIT)
    *color = bk_chart_color_from_hex (limit_color[theme]);
  else if (key < n_palette)
    bk_chart_palette_color (theme, key, color);
  else
    *color = bk_chart_color_from_hex (extra_colors[theme][(key - n_palette) % G_N_ELEMENTS (extra_colors[theme])]);

  return TRUE;
}

static void
apply_colors (BkChart *chart)
{
  GArray *keys = g_object_get_data (G_OBJECT (chart), KEYS_DATA);
  guint n_palette = palette_size ();

  if (keys == NULL)
    return;

  for (guint i = 0; i < chart->series->len && i < keys->len; i++)
    {
      BkChartSeries *s = g_ptr_array_index (chart->series, i);
      BkChartColor color;
      gboolean pinned = key_color (chart->theme, g_array_index (keys, guint, i), n_palette, &color);

      /* A limit (capacity value) is drawn over what it limits, dashed, so
       * neither hides the other where they meet */
      s->reference = g_array_index (keys, guint, i) == KEY_LIMIT;

      if (!pinned && s->has_color)
        bk_chart_set_series_color (chart, i, NULL);
      else if (pinned && (!s->has_color || memcmp (&s->color, &color, sizeof color) != 0))
        bk_chart_set_series_color (chart, i, &color);
    }
}

static void
theme_changed (BkChart    *chart,
               GParamSpec *pspec,
               gpointer    user_data)
{
  apply_colors (chart);
}

/* Applying */

static gboolean
values_equal (const double *a,
              guint         n_a,
              const double *b,
              guint         n_b)
{
  if (n_a != n_b)
    return FALSE;

  for (guint i = 0; i < n_a; i++)
    if (!(a[i] == b[i] || (isnan (a[i]) && isnan (b[i]))))
      return FALSE;

  return TRUE;
}

static gboolean
same_value (double a,
            double b)
{
  return a == b || (isnan (a) && isnan (b));
}

static void
apply_categories (BkChart   *chart,
                  ChartData *data)
{
  gboolean same = chart->categories->len == data->categories->len;

  for (guint i = 0; same && i < data->categories->len; i++)
    same = g_strcmp0 (g_ptr_array_index (chart->categories, i),
                      g_ptr_array_index (data->categories, i)) == 0;

  if (!same)
    {
      g_autofree const char **labels = g_new0 (const char *, data->categories->len + 1);

      for (guint i = 0; i < data->categories->len; i++)
        labels[i] = g_ptr_array_index (data->categories, i);
      bk_chart_set_categories (chart, labels);
    }
}

static void
apply_series (BkChart   *chart,
              ChartData *data)
{
  gboolean same = chart->series->len == data->series->len;
  GArray *keys;

  for (guint i = 0; same && i < data->series->len; i++)
    {
      BkChartSeries *s = g_ptr_array_index (chart->series, i);
      SeriesData *d = g_ptr_array_index (data->series, i);

      same = g_strcmp0 (s->name, d->name) == 0;
    }

  if (same)
    {
      for (guint i = 0; i < data->series->len; i++)
        {
          BkChartSeries *s = g_ptr_array_index (chart->series, i);
          SeriesData *d = g_ptr_array_index (data->series, i);

          if (!values_equal (s->values, s->n_values, d->values, d->n_values))
            bk_chart_set_series_values (chart, i, d->values, d->n_values);
        }
    }
  else
    {
      /* New series keep the hidden and highlighted state of their name */
      g_autoptr(GHashTable) hidden = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autoptr(GHashTable) highlighted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      for (guint i = 0; i < chart->series->len; i++)
        {
          BkChartSeries *s = g_ptr_array_index (chart->series, i);

          if (s->hidden)
            g_hash_table_add (hidden, g_strdup (s->name));
          if (s->highlighted)
            g_hash_table_add (highlighted, g_strdup (s->name));
        }

      bk_chart_clear_series (chart);
      for (guint i = 0; i < data->series->len; i++)
        {
          SeriesData *d = g_ptr_array_index (data->series, i);
          guint index = bk_chart_add_series (chart, d->name, d->values, d->n_values);

          if (g_hash_table_contains (hidden, d->name))
            bk_chart_set_series_hidden (chart, index, TRUE);
          if (g_hash_table_contains (highlighted, d->name))
            bk_chart_set_series_highlighted (chart, index, TRUE);
        }
    }

  keys = g_array_sized_new (FALSE, FALSE, sizeof (guint), data->series->len);
  for (guint i = 0; i < data->series->len; i++)
    g_array_append_val (keys, ((SeriesData *) g_ptr_array_index (data->series, i))->key);

  if (g_object_get_data (G_OBJECT (chart), KEYS_DATA) == NULL)
    g_signal_connect (chart, "notify::theme", G_CALLBACK (theme_changed), NULL);
  g_object_set_data_full (G_OBJECT (chart), KEYS_DATA, keys, (GDestroyNotify) g_array_unref);

  apply_colors (chart);
}

static void
apply_markers (BkChart   *chart,
               ChartData *data)
{
  gboolean same = chart->markers->len == data->markers->len;

  for (guint i = 0; same && i < data->markers->len; i++)
    {
      BkChartMarker *a = &g_array_index (chart->markers, BkChartMarker, i);
      BkChartMarker *b = &g_array_index (data->markers, BkChartMarker, i);

      same = a->series == b->series && a->x == b->x && g_strcmp0 (a->label, b->label) == 0;
    }

  if (same)
    return;

  bk_chart_clear_markers (chart);
  for (guint i = 0; i < data->markers->len; i++)
    {
      BkChartMarker *m = &g_array_index (data->markers, BkChartMarker, i);

      bk_chart_add_marker (chart, m->series, m->x, m->label);
    }
}

static void
apply_steps (BkChart   *chart,
             ChartData *data)
{
  gboolean same = chart->steps->len == data->steps->len;

  for (guint i = 0; same && i < data->steps->len; i++)
    {
      BkChartStep *a = &g_array_index (chart->steps, BkChartStep, i);
      BkChartStep *b = &g_array_index (data->steps, BkChartStep, i);

      same = a->is_total == b->is_total && same_value (a->value, b->value)
             && g_strcmp0 (a->label, b->label) == 0;
    }

  if (same)
    return;

  bk_chart_clear_steps (chart);
  for (guint i = 0; i < data->steps->len; i++)
    {
      BkChartStep *s = &g_array_index (data->steps, BkChartStep, i);

      bk_chart_add_step (chart, s->label, s->value, s->is_total);
    }
}

static void
apply (BkChart     *chart,
       BkChartSpec  spec,
       ChartData   *data)
{
  gpointer tag = GUINT_TO_POINTER (spec + 1);

  /* The legend's place is the spec's default until someone moves it */
  if (g_object_get_data (G_OBJECT (chart), SPEC_DATA) != tag)
    {
      bk_chart_set_legend_position (chart, data->legend);
      g_object_set_data (G_OBJECT (chart), SPEC_DATA, tag);
    }

  bk_chart_set_kind (chart, data->kind);
  bk_chart_set_unit (chart, data->unit);
  bk_chart_set_title (chart, data->title);
  bk_chart_set_subtitle (chart, data->subtitle);
  bk_chart_set_source (chart, data->source);
  bk_chart_set_center_label (chart, data->center_label);
  apply_categories (chart, data);
  apply_series (chart, data);
  apply_markers (chart, data);
  apply_steps (chart, data);
}

/* Public */

static guint *
row_slots (BkWorkbook *workbook,
           gboolean    markets)
{
  guint n = markets ? bk_workbook_get_n_markets (workbook) : bk_workbook_get_n_companies (workbook);
  g_autofree const char **ids = g_new0 (const char *, MAX (n, 1));
  guint *slots = g_new0 (guint, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    ids[i] = markets ? bk_workbook_get_market_id (workbook, i) : bk_workbook_get_company_id (workbook, i);
  /* Slots stay for as long as the workbook lives, whatever rows come
   * and go (a chart built afresh from the same rows agrees) */
  bk_chart_slots_assign_remembered (workbook, markets ? "bk-chart-slots-markets" : "bk-chart-slots-companies",
                                    ids, n, slots);
  return slots;
}

static gboolean
prepare_source (BkChartSpec   spec,
                BkWorkbook   *workbook,
                BkResults    *results,
                int           company,
                int           period,
                Source       *src,
                GError      **error)
{
  src->workbook = workbook;
  src->results = results;
  src->scenario = bk_results_get_scenario (results);
  src->scenario_name = bk_workbook_get_scenario_name (workbook, src->scenario);
  src->n_input = bk_workbook_get_n_periods (workbook);
  src->n_periods = bk_results_get_n_periods (results);
  src->n_companies = bk_workbook_get_n_companies (workbook);

  if (bk_chart_spec_uses_company (spec))
    {
      if (company < -1 || (company >= 0 && (guint) company >= src->n_companies))
        {
          g_set_error (error, BK_ERROR, BK_ERROR_NOT_FOUND,
                       _("There is no company %d; the workbook has %u"),
                       company, src->n_companies);
          return FALSE;
        }
      /* Share without a company is the first market's */
      if (company >= 0 || spec == BK_CHART_SPEC_SHARE)
        src->company = company;
      else
        src->company = src->n_companies > 0 ? 0 : -1;
    }
  else
    src->company = -1;

  if (bk_chart_spec_uses_period (spec))
    {
      guint n = bk_chart_spec_get_n_periods (spec, results);

      if (period < -1 || (period >= 0 && (guint) period >= n))
        {
          g_set_error (error, BK_ERROR, BK_ERROR_NOT_FOUND,
                       _("There is no period %d in this chart; it has %u"), period, n);
          return FALSE;
        }
      src->period = period;
    }
  else
    src->period = -1;

  return TRUE;
}

gboolean
bk_chart_update (BkChart      *chart,
                 BkChartSpec   spec,
                 BkWorkbook   *workbook,
                 BkResults    *results,
                 int           company,
                 int           period,
                 GError      **error)
{
  g_autoptr(ChartData) data = NULL;
  Source src = { 0 };

  g_return_val_if_fail (BK_IS_CHART (chart), FALSE);
  g_return_val_if_fail (spec < BK_N_CHART_SPECS, FALSE);
  g_return_val_if_fail (BK_IS_WORKBOOK (workbook), FALSE);
  g_return_val_if_fail (results != NULL, FALSE);
  g_return_val_if_fail (bk_results_get_n_companies (results) == bk_workbook_get_n_companies (workbook), FALSE);
  g_return_val_if_fail (bk_results_get_n_input_periods (results) == bk_workbook_get_n_periods (workbook), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!prepare_source (spec, workbook, results, company, period, &src, error))
    return FALSE;

  src.company_slots = row_slots (workbook, FALSE);
  src.market_slots = row_slots (workbook, TRUE);
  data = describe (spec, &src);
  apply (chart, spec, data);
  g_free (src.company_slots);
  g_free (src.market_slots);

  return TRUE;
}

BkChart *
bk_chart_build (BkChartSpec   spec,
                BkWorkbook   *workbook,
                BkResults    *results,
                int           company,
                int           period,
                GError      **error)
{
  g_autoptr(BkChart) chart = NULL;

  g_return_val_if_fail (spec < BK_N_CHART_SPECS, NULL);
  g_return_val_if_fail (BK_IS_WORKBOOK (workbook), NULL);
  g_return_val_if_fail (results != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  chart = bk_chart_new (BK_CHART_KIND_LINE);
  if (!bk_chart_update (chart, spec, workbook, results, company, period, error))
    return NULL;

  return g_steal_pointer (&chart);
}
