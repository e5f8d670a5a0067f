/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-goal-seek.h — the value of one driver at which a metric reaches a target */
#pragma once

#include "bk-engine-inputs.h"
#include "bk-metric.h"

G_BEGIN_DECLS

/* Where bk_goal_seek() looks by default: the driver's valid range (open
 * bounds just inside), and where it is unbounded, 100 × max (1, |current|)
 * beyond the current value of @company (-1: the workbook level). */
void      bk_goal_seek_get_default_range (BkEngineInputs  *inputs,
                                          int              company,
                                          BkAssumption     driver,
                                          double          *min,
                                          double          *max);

/* Finds a value of @driver, set for every company, in [@min, @max] (NAN:
 * the default range) at which @metric of @company (-1: the total) equals
 * @target, and stores it in *@value.
 *
 * The search starts at the current value and steps outward to both bounds
 * (geometrically, finer near the current value) until the metric crosses
 * the target, then narrows that bracket to full double precision with
 * Brent's method: of several crossings it finds the nearest.  A payback that
 * never comes counts as longer than any.  Drivers the model rounds to whole
 * periods (the lives, the online lag) give step functions: there the answer
 * is where the metric jumps past the target.
 *
 * Fails with BK_ERROR_OUT_OF_RANGE when no value in the range reaches the
 * target, or the range is not valid; BK_ERROR_INVALID_INPUT for extra_years. */
gboolean  bk_goal_seek                   (BkEngineInputs  *inputs,
                                          BkMetric         metric,
                                          int              company,
                                          double           target,
                                          BkAssumption     driver,
                                          double           min,
                                          double           max,
                                          double          *value,
                                          GError         **error);

G_END_DECLS
