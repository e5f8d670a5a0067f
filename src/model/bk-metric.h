/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-metric.h — the ROI metrics by name, and reading one from results */
#pragma once

#include "bk-results.h"

G_BEGIN_DECLS

typedef enum
{
  BK_METRIC_NPV,
  BK_METRIC_IRR,
  BK_METRIC_ROI,
  BK_METRIC_PAYBACK,
  BK_METRIC_DISCOUNTED_PAYBACK,
  BK_N_METRICS
} BkMetric;

/* "npv", "irr", "roi", "payback", "discounted_payback" */
const char *bk_metric_to_string   (BkMetric          metric);
gboolean    bk_metric_from_string (const char       *name,
                                   BkMetric         *metric);
/* Translated: "NPV", "IRR", "ROI", "Payback", "Discounted payback" */
const char *bk_metric_get_title   (BkMetric          metric);
/* The metric's value in @metrics; NAN when it does not exist. */
double      bk_metric_get         (const BkMetrics  *metrics,
                                   BkMetric          metric);
/* The metrics of @company, or of the total when @company is -1. */
const BkMetrics *bk_metric_get_row (BkResults       *results,
                                   int               company);

G_END_DECLS
