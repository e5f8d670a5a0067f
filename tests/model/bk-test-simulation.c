/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-test-simulation.c — asserting that two Monte Carlo runs are the same
 *
 * Shared by the model's, the simulation panel's and the report's tests,
 * which each compare a run with bk_monte_carlo_run()'s for the same seed. */
#include "config.h"

#include "bk-test-simulation.h"

void
bk_test_assert_same_simulation (const BkMonteCarloResult *a,
                                const BkMonteCarloResult *b)
{
  g_assert_nonnull (a);
  g_assert_nonnull (b);

  g_assert_cmpuint (a->params.trials, ==, b->params.trials);
  g_assert_cmpuint (a->params.seed, ==, b->params.seed);
  g_assert_cmpint (a->params.company, ==, b->params.company);
  g_assert_cmpmem (a->trial_npv, sizeof (double) * a->params.trials,
                   b->trial_npv, sizeof (double) * b->params.trials);

  g_assert_cmpfloat (a->deterministic_npv, ==, b->deterministic_npv);
  g_assert_cmpfloat (a->mean, ==, b->mean);
  g_assert_cmpfloat (a->sd, ==, b->sd);
  g_assert_cmpfloat (a->prob_positive, ==, b->prob_positive);
  g_assert_cmpmem (a->npv, sizeof a->npv, b->npv, sizeof b->npv);

  g_assert_cmpuint (a->n_bins, ==, b->n_bins);
  g_assert_cmpmem (a->histogram, sizeof (BkHistogramBin) * a->n_bins,
                   b->histogram, sizeof (BkHistogramBin) * b->n_bins);

  g_assert_cmpuint (a->n_periods, ==, b->n_periods);
  for (guint p = 0; p < BK_N_PERCENTILES; p++)
    g_assert_cmpmem (a->cum_fcf[p], sizeof (double) * a->n_periods,
                     b->cum_fcf[p], sizeof (double) * b->n_periods);
}
