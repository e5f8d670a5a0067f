/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-analysis.c — how fast the analyses are on the sample: Monte Carlo
 * trials per second on 1 and 2 threads and the time for 10,000 trials,
 * the tornado, goal seek, a 50 × 50 breakeven map and the scenario
 * comparison.  Prints figures; asserts nothing (ARCHITECTURE.md:
 * benchmarks are not timed tests).  Each figure is the best of a few runs. */

#include "config.h"

#include <math.h>
#include <stdio.h>

#include "bk-breakeven-map.h"
#include "bk-compare.h"
#include "bk-goal-seek.h"
#include "bk-json.h"
#include "bk-monte-carlo.h"
#include "bk-sensitivity.h"

#define ROUNDS 5

static GHashTable *
sample_distributions (void)
{
  static const char * const specs[][2] = {
    { "it_life_years", "4 to 8" },
    { "price_decline", "0.1 to 0.6" },
    { "utilization", "N(0.7, 0.1)" },
    { "tail_growth", "U(0.05, 0.35)" },
  };
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) bk_distribution_free);

  for (guint i = 0; i < G_N_ELEMENTS (specs); i++)
    {
      BkDistribution *d = NULL;
      BkAssumption a;

      g_assert_true (bk_assumption_from_key (specs[i][0], &a));
      g_assert_true (bk_distribution_parse (specs[i][1], a, NULL, &d, NULL));
      g_hash_table_insert (table, g_strdup (specs[i][0]), d);
    }

  return table;
}

/* Best wall time of ROUNDS simulations, in seconds */
static double
time_simulation (BkEngineInputs *inputs,
                 GHashTable     *dists,
                 guint           trials,
                 guint           threads)
{
  double best = INFINITY;
  BkMonteCarloParams params;

  bk_monte_carlo_params_init (&params);
  params.trials = trials;
  params.seed = 7;
  params.threads = threads;

  for (guint r = 0; r < ROUNDS; r++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(BkMonteCarloResult) result = bk_monte_carlo_run (inputs, dists, &params, NULL, NULL, NULL, NULL);

      g_assert_nonnull (result);
      best = MIN (best, (g_get_monotonic_time () - start) / 1e6);
    }

  return best;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(BkWorkbook) wb = bk_json_read_sample (NULL);
  g_autoptr(BkEngineInputs) inputs = bk_engine_inputs_new (wb, BK_SCENARIO_BASE);
  g_autoptr(GHashTable) dists = sample_distributions ();
  double t1, t2, best;
  BkBreakevenMapParams map_params;

  printf ("Monte Carlo on the sample (4 uncertain drivers, total NPV):\n");
  t1 = time_simulation (inputs, dists, 10000, 1);
  t2 = time_simulation (inputs, dists, 10000, 2);
  printf ("  1 thread:  %8.0f trials/s   10,000 trials in %6.3f s\n", 10000 / t1, t1);
  printf ("  2 threads: %8.0f trials/s   10,000 trials in %6.3f s\n", 10000 / t2, t2);

  best = INFINITY;
  for (guint r = 0; r < ROUNDS; r++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GArray) bars = bk_sensitivity_run (inputs, BK_METRIC_NPV, -1, 0.2, NULL, NULL);

      best = MIN (best, (g_get_monotonic_time () - start) / 1e3);
    }
  printf ("Tornado (18 drivers × 2, NPV):       %7.2f ms\n", best);

  best = INFINITY;
  for (guint r = 0; r < ROUNDS; r++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GArray) bars = bk_sensitivity_run (inputs, BK_METRIC_IRR, -1, 0.2, NULL, NULL);

      best = MIN (best, (g_get_monotonic_time () - start) / 1e3);
    }
  printf ("Tornado (18 drivers × 2, IRR):       %7.2f ms\n", best);

  best = INFINITY;
  for (guint r = 0; r < ROUNDS; r++)
    {
      gint64 start = g_get_monotonic_time ();
      double price;

      g_assert_true (bk_goal_seek (inputs, BK_METRIC_NPV, -1, 0, BK_ASSUMPTION_PRICE_PER_MTOK,
                                   NAN, NAN, &price, NULL));
      best = MIN (best, (g_get_monotonic_time () - start) / 1e3);
    }
  printf ("Goal seek (price at NPV 0):          %7.2f ms\n", best);

  bk_breakeven_map_params_init (&map_params, BK_ASSUMPTION_PRICE_PER_MTOK, BK_ASSUMPTION_UTILIZATION);
  map_params.steps = 50;
  best = INFINITY;
  for (guint r = 0; r < ROUNDS; r++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(BkBreakevenMap) map = bk_breakeven_map_new (inputs, &map_params, NULL);

      g_assert_nonnull (map);
      best = MIN (best, (g_get_monotonic_time () - start) / 1e3);
    }
  printf ("Breakeven map 50 × 50 (NPV):         %7.2f ms\n", best);

  best = INFINITY;
  for (guint r = 0; r < ROUNDS; r++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(BkComparison) cmp = bk_comparison_new (wb);

      best = MIN (best, (g_get_monotonic_time () - start) / 1e3);
    }
  printf ("Compare (4 scenarios, all metrics):  %7.2f ms\n", best);

  return 0;
}
