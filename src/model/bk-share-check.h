/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-share-check.h — where a market's shares add up past 100 %, in the
 * scenario shown: the validation `breakeven-cli check` reports
 * (bk_workbook_get_warnings()), as places the window can mark */
#pragma once

#include "bk-workbook.h"

G_BEGIN_DECLS

/* Shares may add up to this much over 1 before it counts as "past 100 %"
 * (the same slack as bk_workbook_get_warnings()) */
#define BK_SHARE_SLACK 1e-9

typedef struct
{
  guint  market;
  guint  period;
  double sum;     /* the market's shares added up, as a fraction (1.55) */
} BkShareExcess;

/* The sum of the effective shares (blank cells carry forward, 0 before the
 * first value) of the companies of @market in @period, as @scenario sees
 * them. */
double  bk_share_check_sum      (BkWorkbook *workbook,
                                 guint       scenario,
                                 guint       market,
                                 guint       period);
/* Every market and input period whose shares add up past 100 %, market by
 * market, period by period: a GArray of BkShareExcess. */
GArray *bk_share_check_excesses (BkWorkbook *workbook,
                                 guint       scenario);

G_END_DECLS
