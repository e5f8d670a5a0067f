/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-test-chart.h — what the chart tests share: colours as they are
 * compared with pixels, and the text a chart draws in its plot's place */
#pragma once

#include "bk-chart.h"
#include "bk-chart-hits.h"

G_BEGIN_DECLS

/* 0xRRGGBB of a chart colour, each channel rounded to 8 bits */
guint32  bk_test_chart_rgb        (const BkChartColor *color);
/* The palette's @i-th series colour and the background of @theme */
guint32  bk_test_chart_palette    (BkChartTheme        theme,
                                   guint               i);
guint32  bk_test_chart_background (BkChartTheme        theme);
/* @amount of @to over @from, channel by channel, as the renderer dims */
guint32  bk_test_chart_mix        (guint32             from,
                                   guint32             to,
                                   double              amount);
/* A chart with nothing to draw: one text, uncut, fills its plot's room
 * (bk_chart_set_empty_text()) */
void     bk_test_chart_assert_plot_text (BkChartHits *hits);

G_END_DECLS
