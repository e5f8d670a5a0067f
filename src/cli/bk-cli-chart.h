/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-cli-chart.h — breakeven-cli chart: a chart of a document as PNG, SVG
 * or PDF
 *
 * One entry in the command table of breakeven-cli.c:
 *
 *   { "chart", BK_CLI_CHART_SYNOPSIS, BK_CLI_CHART_SUMMARY,
 *     BK_CLI_CHART_DESCRIPTION, bk_cli_chart_options, 1, 1,
 *     bk_cli_cmd_chart },
 */
#pragma once

#include <glib/gi18n.h>

#include "bk-cli.h"

G_BEGIN_DECLS

#define BK_CLI_CHART_SYNOPSIS \
  "FILE --kind KIND -o OUT [--format png|svg|pdf] [--width PX] [--height PX] " \
  "[--scale N] [--theme light|dark] [--scenario NAME] [--company ID] [--period LABEL] " \
  "[--metric M] [--swing FRACTION] [--x KEY --y KEY] [--x-range LOW:HIGH] " \
  "[--y-range LOW:HIGH] [--steps N] [--target X] [--trials N] [--seed S]"

#define BK_CLI_CHART_SUMMARY \
  N_("Draw a chart of the document as PNG, SVG or PDF")

#define BK_CLI_CHART_DESCRIPTION \
  N_("KIND is one of capex, backlog, tokens, share, cumulative-fcf, revenue, " \
     "roi, npv, waterfall, or one of the analyses tornado, breakeven-map, fan, " \
     "histogram. The format comes from the extension of OUT " \
     "(.png, .svg, .pdf) unless --format is given; “-o -” writes to standard " \
     "output and needs --format. The chart is 1200 × 700 unless --width and " \
     "--height say otherwise (1 to 10000); a PNG has width × scale by " \
     "height × scale pixels. Revenue and waterfall show --company (by " \
     "default the first company); share shows the market of --company (by " \
     "default the first market) in the input period --period (by default the " \
     "last); the waterfall sums all modelled periods unless --period picks " \
     "one. The other charts show every company and period and ignore " \
     "--company and --period. The analyses are of the total unless --company " \
     "names a company: the tornado moves each driver by --swing; the " \
     "breakeven map needs two drivers --x and --y and draws --metric over " \
     "their ranges with the contour where it equals --target; fan and " \
     "histogram run --trials Monte Carlo trials from --seed over the " \
     "drivers' uncertainties. Nothing is written unless the whole chart is.")

/* Ends with a zeroed entry */
extern const BkCliOption bk_cli_chart_options[];

int         bk_cli_cmd_chart          (BkCliArgs          *args);

G_END_DECLS
