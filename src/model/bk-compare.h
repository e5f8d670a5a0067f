/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-compare.h — every metric of every company and the total, one column
 * per scenario, with the difference against Base */
#pragma once

#include "bk-metric.h"
#include "bk-workbook.h"

G_BEGIN_DECLS

typedef struct
{
  double    value;          /* NAN when the metric does not exist */
  double    diff;           /* value − Base value; NAN when either is NAN */
  double    diff_fraction;  /* diff / |Base value| (0.25 = +25 %); NAN unless has_fraction */
  gboolean  has_fraction;   /* FALSE when Base is 0 or either value is NAN */
} BkComparisonCell;

typedef struct
{
  guint             n_scenarios;  /* Base included: column 0 is Base */
  guint             n_companies;  /* rows; row n_companies is the total */
  BkComparisonCell *cells;        /* use bk_comparison_get() */
} BkComparison;

/* Computes every scenario of @workbook (Base and the named ones). */
BkComparison           *bk_comparison_new  (BkWorkbook   *workbook);
void                    bk_comparison_free (BkComparison *self);
/* @company -1 is the total. */
const BkComparisonCell *bk_comparison_get  (BkComparison *self,
                                            guint         scenario,
                                            int           company,
                                            BkMetric      metric);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkComparison, bk_comparison_free)

G_END_DECLS
