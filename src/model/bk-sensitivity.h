/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-sensitivity.h — the tornado: each driver moved down and up by a swing,
 * one at a time, ranked by how much a metric moves */
#pragma once

#include "bk-engine-inputs.h"
#include "bk-metric.h"

G_BEGIN_DECLS

#define BK_SENSITIVITY_DEFAULT_SWING 0.2

typedef struct
{
  BkAssumption  driver;
  double        low_value;       /* the driver moved down: the company's value, or the workbook level's for the total */
  double        high_value;      /* the driver moved up */
  double        metric_at_low;   /* NAN when the metric does not exist there */
  double        metric_at_high;
  double        swing;           /* |metric_at_high − metric_at_low|; NAN when either is NAN */
} BkSensitivityBar;

/* Every driver but extra_years, each multiplied by 1 − @swing and 1 + @swing
 * for every company (clamped to its valid range), the others unchanged.
 * Returns a GArray of BkSensitivityBar sorted by swing, largest first;
 * drivers whose swing does not exist come last, ties in the drivers' order.
 * @company -1 is the total; *@base_value (may be NULL) receives the metric
 * unchanged.  Fails when @swing is not in (0, 1]. */
GArray *bk_sensitivity_run (BkEngineInputs  *inputs,
                            BkMetric         metric,
                            int              company,
                            double           swing,
                            double          *base_value,
                            GError         **error);

G_END_DECLS
