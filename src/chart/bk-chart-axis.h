/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-chart-axis.h — nice axis ticks and unit-aware number labels */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What the values of a chart measure; decides how labels read. */
typedef enum
{
  BK_CHART_UNIT_NUMBER,          /* plain number: "1.5" */
  BK_CHART_UNIT_USD_BILLIONS,    /* US$ billion: "$120B", "$1.5T" from 1000 on */
  BK_CHART_UNIT_TOKENS_PER_DAY,  /* trillion tokens a day: "40T/day" */
  BK_CHART_UNIT_PERCENT,         /* a fraction shown as percent: 0.35 → "35%" */
  BK_CHART_UNIT_YEARS,           /* years: "2.5 y" */
} BkChartUnit;

/* Evenly spaced ticks min, min + step, …, max with step = 1, 2 or 5 × 10^k. */
typedef struct
{
  double min;
  double max;
  double step;
  guint  n_ticks;  /* (max − min) / step + 1 */
} BkChartTicks;

/* Ticks covering [@lo, @hi] in about @target intervals (clamped to 1..20).
 * Zero is a tick whenever the range spans it.  An empty range is widened;
 * non-finite bounds give 0..1. */
void   bk_chart_ticks_compute (double        lo,
                               double        hi,
                               guint         target,
                               BkChartTicks *ticks);

/* Whether the user's language counts money in 亿 (10⁸) and 万亿 (10¹²), as
 * Chinese does (its translation says so): US$ 250 billion is then
 * "2500亿美元" on axes, on bars and in tooltips (and the KPI strip), not
 * "$250B". */
gboolean bk_chart_money_in_yi (void);

/* The label of @value on an axis whose ticks are @step apart: as many
 * decimals as @step needs, a minus sign (U+2212) for negatives, the decimal
 * point of the current locale.  @step ≤ 0 picks three significant digits. */
char  *bk_chart_format_value  (BkChartUnit   unit,
                               double        value,
                               double        step);

/* A value label on a bar or slice: three significant digits, trailing
 * zeros dropped: "$142B", "−$18.5B", "31%". */
char  *bk_chart_format_short  (BkChartUnit   unit,
                               double        value);

/* The exact value for a tooltip: up to two decimals (percent: of the
 * percentage), trailing zeros dropped: "$123.45B", "35.25%". */
char  *bk_chart_format_exact  (BkChartUnit   unit,
                               double        value);

G_END_DECLS
