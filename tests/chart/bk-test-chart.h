/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-test-chart.h — colours as the chart tests compare them with pixels */
#pragma once

#include "bk-chart.h"

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

G_END_DECLS
