/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-test-simulation.h — asserting that two Monte Carlo runs are the same */
#pragma once

#include "bk-monte-carlo.h"

G_BEGIN_DECLS

/* @a and @b are the same run: the same parameters (trials, seed, company)
 * and, to the bit, the same trials, summary, percentile paths and
 * histogram */
void bk_test_assert_same_simulation (const BkMonteCarloResult *a,
                                     const BkMonteCarloResult *b);

G_END_DECLS
