/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-cli-chart-analysis.h — the analysis kinds of breakeven-cli chart
 * (tornado, breakeven-map, fan, histogram): their options, the analysis
 * they run and the chart it gives */

#pragma once

#include "bk-chart.h"
#include "bk-cli.h"

G_BEGIN_DECLS

/* Whether @name (any case) is an analysis kind, and which. */
gboolean  bk_cli_chart_analysis_from_string (const char   *name,
                                             BkChartKind  *kind);

/* ", tornado, breakeven-map, fan, histogram" appended to @list */
void      bk_cli_chart_analysis_list        (GString      *list);

/* Checks the analysis options of @kind in @args before any file is
 * touched: a missing --x or --y of the map is wrong usage.  Returns
 * BK_CLI_OK or the status of the error it printed. */
int       bk_cli_chart_analysis_check_usage (BkCliArgs    *args,
                                             BkChartKind   kind);

/* Runs the analysis of @kind on @workbook in @scenario for @company (-1:
 * the total) with the options of @args and builds its chart into *@chart.
 * Returns BK_CLI_OK or the status of the error it printed (bad input:
 * an unknown metric or driver, a bad range, steps, swing or trials). */
int       bk_cli_chart_analysis_build       (BkCliArgs    *args,
                                             BkChartKind   kind,
                                             BkWorkbook   *workbook,
                                             guint         scenario,
                                             int           company,
                                             BkChart     **chart);

G_END_DECLS
