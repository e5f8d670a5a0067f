/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-chart-builder.h — the charts of a workbook: chart descriptions built
 * from a BkWorkbook and its BkResults, for the window and the command line
 *
 * A chart is built once with bk_chart_build() and then refreshed in place
 * with bk_chart_update() whenever the workbook or the results change.  An
 * update only touches what changed (a keystroke in one cell changes the
 * values of a series or two), so it is cheap enough for every keystroke,
 * and it keeps what the person did to the chart: hidden and highlighted
 * series, the theme, the legend position.
 *
 * Companies keep one colour across all charts and all changes to the other
 * rows (a colour slot from their id: bk-chart-slots.h), and markets likewise
 * in the tokens chart; the colours follow bk_chart_set_theme() on their own. */
#pragma once

#include "bk-chart.h"
#include "bk-results.h"
#include "bk-workbook.h"

G_BEGIN_DECLS

/* The charts of a workbook.  Input charts show the N input periods as the
 * scenario sees them; results charts show all M modelled periods. */
typedef enum
{
  BK_CHART_SPEC_CAPEX,           /* grouped bars: one per company, grouped by period */
  BK_CHART_SPEC_BACKLOG,         /* stacked area of the companies that report a backlog */
  BK_CHART_SPEC_TOKENS,          /* one line per market */
  BK_CHART_SPEC_SHARE,           /* a donut of one market's shares in one period */
  BK_CHART_SPEC_CUMULATIVE_FCF,  /* one line per company, payback points marked */
  BK_CHART_SPEC_REVENUE,         /* one company: revenue against capacity value */
  BK_CHART_SPEC_ROI,             /* a bar per company, percent */
  BK_CHART_SPEC_NPV,             /* a bar per company, US$ billion */
  BK_CHART_SPEC_WATERFALL,       /* one company: revenue down to free cash flow */
  BK_N_CHART_SPECS
} BkChartSpec;

#define BK_TYPE_CHART_SPEC (bk_chart_spec_get_type ())

GType        bk_chart_spec_get_type     (void) G_GNUC_CONST;

/* "capex", "backlog", "tokens", "share", "cumulative-fcf", "revenue", "roi",
 * "npv", "waterfall" (the enum's nicks, also the command line's --kind). */
const char  *bk_chart_spec_to_string    (BkChartSpec   spec);
gboolean     bk_chart_spec_from_string  (const char   *name,
                                         BkChartSpec  *spec);
/* Translated, short, for a menu: "CapEx", "Cumulative FCF", … */
const char  *bk_chart_spec_get_title    (BkChartSpec   spec);

/* Whether the chart is about one company (revenue, waterfall) or one
 * company's market (share).  Other charts ignore the company. */
gboolean     bk_chart_spec_uses_company (BkChartSpec   spec);
/* Whether the chart shows one period (share, waterfall).  Other charts show
 * every period and ignore it. */
gboolean     bk_chart_spec_uses_period  (BkChartSpec   spec);
/* How many periods @period may index: the input periods for share, the
 * modelled periods of @results for the others. */
guint        bk_chart_spec_get_n_periods (BkChartSpec  spec,
                                         BkResults    *results);

/* Builds the chart @spec of @workbook in the scenario @results were
 * computed for.
 *
 * @company: a company index, or -1.  Revenue and waterfall show that
 *   company (-1: the first); share shows the market of that company (-1:
 *   the first market).
 * @period: a period index, or -1 for the default.  Share: an input period,
 *   by default the last one.  Waterfall: a modelled period, by default the
 *   sum over all modelled periods.
 *
 * Titles, subtitles (unit and scenario name) and the source line
 * ("Source: <workbook title>; Breakeven model") are translated.  A company
 * or period out of range fails with BK_ERROR_NOT_FOUND.  A workbook with
 * nothing to show gives a chart that says so. */
BkChart     *bk_chart_build             (BkChartSpec   spec,
                                         BkWorkbook   *workbook,
                                         BkResults    *results,
                                         int           company,
                                         int           period,
                                         GError      **error);

/* Refreshes @chart (from bk_chart_build(), or any BkChart) to show @spec of
 * @workbook and @results: series whose values did not change are left
 * alone, so an unchanged chart emits no ::changed at all.  When the set of
 * series changes (a company added, a backlog typed for a new company) the
 * series are made anew and keep their hidden state by name.  On error the
 * chart is left as it was. */
gboolean     bk_chart_update            (BkChart      *chart,
                                         BkChartSpec   spec,
                                         BkWorkbook   *workbook,
                                         BkResults    *results,
                                         int           company,
                                         int           period,
                                         GError      **error);

G_END_DECLS
