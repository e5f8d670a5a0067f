/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-format.h — how the app shows numbers: the current LC_NUMERIC locale's
 * decimal point and digit grouping, and one precision per unit.
 *
 * Every function *appends* to @out.  A NAN (or infinite) value appends "—";
 * a caller that wants a blank cell to look empty does not call at all. */
#pragma once

#include <glib.h>

#include "bk-assumptions.h"
#include "bk-metric.h"
#include "bk-results.h"
#include "bk-types.h"

G_BEGIN_DECLS

gboolean bk_format_money_in_yi (void);

/* 1234.5 with 1 decimal: "1,234.5" (en_US, zh_CN, and C.UTF-8, which has
 * no grouping of its own), "1.234,5" (de_DE). */
void  bk_format_number               (GString      *out,
                                      double        value,
                                      int           decimals);
/* A plain number a person can type back: every digit needed to read back the
 * same double, the locale's decimal point, no grouping ("1234,5" in de_DE).
 * The cell input parser reads it back exactly. */
void  bk_format_number_exact         (GString      *out,
                                      double        value);
/* A fraction as a percentage a spreadsheet reads back: every digit of
 * @fraction × 100 and "%" ("100.23901234567%"), the locale's decimal point,
 * no grouping. */
void  bk_format_percent_exact        (GString      *out,
                                      double        fraction);
/* A cell of an input table, in the table's unit (bk_table_get_unit()):
 * CapEx and Backlog in US$ billion and Tokens in trillion tokens/day with
 * 1 decimal from 10 up ("55.7", "480.0"), 2 below 10 ("1.25") and 3 below
 * 0.1 ("0.045"); Share as a percentage with 1 decimal ("47.0%" for 0.47). */
void  bk_format_cell_value           (GString      *out,
                                      BkTable       table,
                                      double        value);
/* How many decimals bk_format_cell_value() gives @value on its own (1, 2
 * or 3; 1 for share), and the same format with a column's @decimals: a
 * column shows one number of decimals, as a spreadsheet's number format
 * does ("131.80" over "3.30"), the most any of its values needs. */
int   bk_format_cell_decimals        (BkTable       table,
                                      double        value);
void  bk_format_cell_value_decimals  (GString      *out,
                                      BkTable       table,
                                      double        value,
                                      int           decimals);
/* US$ billion for key figures: "$123.4B", "-$12.3B", "$850M" under a billion;
 * "1,234亿美元", "1.23万亿美元" where money counts in 亿 (bk_format_money_in_yi()). */
void  bk_format_money                (GString      *out,
                                      double        billions);
/* A fraction as a percentage: 0.123 with 1 decimal is "12.3%". */
void  bk_format_percent              (GString      *out,
                                      double        fraction,
                                      int           decimals);
/* A duration: "4.2 years" (translated, zh_CN "4.2年"). */
void  bk_format_years                (GString      *out,
                                      double        years);
/* An assumption as the assumptions table shows it, without its unit (the row
 * header names it): fractions as percentages ("60%", "8.5%"), other numbers
 * with at most 3 decimals and no trailing zeros ("38", "1.2"), whole years
 * without decimals. */
void  bk_format_assumption           (GString      *out,
                                      BkAssumption  assumption,
                                      double        value);
/* The same followed by its unit, for labels: "38 US$ M/MW", "40%/year",
 * "15% of revenue", "6 years", "1.2×". */
void  bk_format_assumption_with_unit (GString      *out,
                                      BkAssumption  assumption,
                                      double        value);
/* A value of an engine series in its unit (see bk-results.h): money in
 * US$ billion and tokens and MW like input cells, the price in US$ per
 * million tokens with 2 to 4 decimals, utilization as a percentage. */
void  bk_format_series_value         (GString      *out,
                                      BkSeries      series,
                                      double        value);

/* @metric as breakeven-cli recalc and the report's key figures print it,
 * without grouping: NPV in US$ billion and paybacks in years with 2
 * decimals ("272.38", "6.13"), IRR and ROI as percentages with 1 ("34.4%");
 * a value that rounds to zero has no sign. */
void  bk_format_metric_plain         (GString      *out,
                                      BkMetric      metric,
                                      double        value);

G_END_DECLS
