/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-finance.h — pure finance functions on arrays of cash flows */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Spreadsheet NPV: Σ flows[i] / (1 + rate)^(i + 1), i = 0 … n−1. */
double    bk_finance_npv                (double        rate,
                                         const double *flows,
                                         gsize         n);

/* Yearly IRR r with Σ flows[t] (1 + r)^(−(t+1)·period_years) = 0, searched in
 * (−0.99, 1000].  Returns FALSE when the flows have no sign change or no root
 * in that range.  With several roots, *irr is the one nearest to
 * @preferred_rate and *multiple is set to TRUE. */
gboolean  bk_finance_irr                (const double *flows,
                                         gsize         n,
                                         double        period_years,
                                         double        preferred_rate,
                                         double       *irr,
                                         gboolean     *multiple);

/* Years from the start of period 0 until the cumulative sum of @flows first
 * climbs from below 0 to ≥ 0, interpolated linearly inside the period:
 * (t + −cum[t−1] / flows[t]) × period_years.  0 when the cumulative sum is
 * never negative; FALSE when it never recovers. */
gboolean  bk_finance_payback            (const double *flows,
                                         gsize         n,
                                         double        period_years,
                                         double       *years);

/* The same on flows[t] / (1 + period_rate)^(t + 1). */
gboolean  bk_finance_discounted_payback (const double *flows,
                                         gsize         n,
                                         double        period_years,
                                         double        period_rate,
                                         double       *years);

G_END_DECLS
