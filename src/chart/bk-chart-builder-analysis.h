/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-chart-builder-analysis.h — the charts of the analyses: compare,
 * tornado, breakeven map, histogram and fan, built from their results
 *
 * Each builder makes a new chart from a finished analysis; texts (titles,
 * subtitles naming the scenario and the company, driver names, period
 * labels, the source line) are translated.  The builders only read what
 * they are given and never run an analysis themselves. */

#pragma once

#include "bk-breakeven-map.h"
#include "bk-chart.h"
#include "bk-compare.h"
#include "bk-monte-carlo.h"
#include "bk-sensitivity.h"
#include "bk-workbook.h"

G_BEGIN_DECLS

/* The chart unit of @metric's values: US$ billion, percent or years. */
BkChartUnit  bk_chart_unit_for_metric        (BkMetric                  metric);
/* The chart unit of @driver's values, from its kind. */
BkChartUnit  bk_chart_unit_for_driver        (BkAssumption              driver);

/* Grouped bars: @metric by company (and the total, last), one series per
 * scenario of @comparison (Base first), named as the workbook names them. */
BkChart     *bk_chart_build_compare          (BkWorkbook               *workbook,
                                              BkComparison             *comparison,
                                              BkMetric                  metric);

/* The tornado of @bars (from bk_sensitivity_run(), largest swing first)
 * for @metric of @company (-1: the total) in @scenario, the bars starting
 * at @base_value.  When no bar has a length (the metric has no value, as
 * a payback that never comes, or no driver moves it, as for a company
 * without capex) the chart draws the reason instead
 * (bk_chart_get_empty_text()). */
BkChart     *bk_chart_build_tornado          (BkWorkbook               *workbook,
                                              guint                     scenario,
                                              BkMetric                  metric,
                                              int                       company,
                                              GArray                   *bars,
                                              double                    base_value);

/* The map as a heat map with its contour, and a point for every scenario
 * of @workbook at its effective values of the map's two drivers (for the
 * map's company, or the workbook level for the total); @scenario's point
 * is the current one, at map->current.  When the metric has no value on
 * the map, or the same everywhere, the chart draws the reason instead
 * (bk_chart_get_empty_text()). */
BkChart     *bk_chart_build_breakeven_map    (BkWorkbook               *workbook,
                                              guint                     scenario,
                                              const BkBreakevenMap     *map);

/* The tornado's or the map's chart, titled as the analysis would be, that
 * draws only @reason (translated, in the person's words: the analysis's
 * error message) because the analysis failed. */
BkChart     *bk_chart_build_tornado_failed   (BkWorkbook               *workbook,
                                              guint                     scenario,
                                              BkMetric                  metric,
                                              int                       company,
                                              const char               *reason);
BkChart     *bk_chart_build_breakeven_map_failed (BkWorkbook                 *workbook,
                                                  guint                       scenario,
                                                  const BkBreakevenMapParams *params,
                                                  const char                 *reason);

/* The NPV histogram of @result, with markers at NPV = 0, the mean, P5
 * and P95. */
BkChart     *bk_chart_build_histogram        (BkWorkbook               *workbook,
                                              guint                     scenario,
                                              const BkMonteCarloResult *result);

/* The percentiles of cumulative FCF per modelled period of @result. */
BkChart     *bk_chart_build_fan              (BkWorkbook               *workbook,
                                              guint                     scenario,
                                              const BkMonteCarloResult *result);

G_END_DECLS
