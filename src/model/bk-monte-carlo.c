/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-monte-carlo.c — Monte Carlo simulation of NPV and cumulative FCF over
 * the drivers' uncertainties, on a thread pool.
 *
 * One pool item per thread; each worker owns its results and overrides and
 * takes chunks of trials from a shared counter until none are left or the
 * run is cancelled.  Trial i writes only its own slots (NPV i, cumulative
 * FCF row i), so which thread ran it does not matter.  The caller's thread
 * waits on a condition, reports progress, and afterwards reduces the
 * per-trial values in trial order. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "bk-engine.h"
#include "bk-metric.h"
#include "bk-monte-carlo.h"

#define CHUNK       64
#define MAX_BINS    50

static const double levels[BK_N_PERCENTILES] = { 0.05, 0.25, 0.5, 0.75, 0.95 };
static const char * const level_names[BK_N_PERCENTILES] = { "p5", "p25", "p50", "p75", "p95" };

double
bk_percentile_get_level (BkPercentile percentile)
{
  g_return_val_if_fail (percentile < BK_N_PERCENTILES, NAN);
  return levels[percentile];
}

const char *
bk_percentile_to_string (BkPercentile percentile)
{
  g_return_val_if_fail (percentile < BK_N_PERCENTILES, NULL);
  return level_names[percentile];
}

void
bk_monte_carlo_params_init (BkMonteCarloParams *params)
{
  g_return_if_fail (params != NULL);

  params->trials = 10000;
  params->seed = 0;
  params->threads = 0;
  params->company = -1;
  params->n_bins = 0;
}

typedef struct
{
  BkEngineInputs   *inputs;
  int               company;
  guint             trials;
  guint64           seed;
  guint             m;
  BkAssumption      drivers[BK_N_ASSUMPTIONS];
  const BkDistribution *dists[BK_N_ASSUMPTIONS];
  double            current[BK_N_ASSUMPTIONS];
  guint             n_drivers;
  GCancellable     *cancellable;
  double           *npv;       /* trials */
  double           *cum_fcf;   /* trials × m */

  GMutex            mutex;
  GCond             cond;
  guint             next;      /* atomic: first trial of the next chunk */
  guint             done;      /* under mutex */
  guint             finished;  /* workers that returned, under mutex */
} Run;

static void
run_trial (Run              *run,
           BkResults       **results,
           BkDriverOverride *overrides,
           guint             trial)
{
  const BkMetrics *m;
  BkRng rng;

  bk_rng_init (&rng, run->seed, trial);
  for (guint k = 0; k < run->n_drivers; k++)
    {
      overrides[k].driver = run->drivers[k];
      overrides[k].change = BK_DRIVER_SET;
      overrides[k].value = bk_distribution_sample (run->dists[k], run->drivers[k], run->current[k], &rng);
    }

  *results = bk_engine_compute_inputs_into (*results, run->inputs, overrides, run->n_drivers, BK_ENGINE_NO_IRR);
  m = bk_metric_get_row (*results, run->company);
  run->npv[trial] = m->npv;
  memcpy (&run->cum_fcf[(gsize) trial * run->m], m->series[BK_SERIES_CUM_FCF], sizeof (double) * run->m);
}

static void
worker (gpointer data,
        gpointer user_data)
{
  Run *run = user_data;
  BkResults *results = NULL;
  BkDriverOverride overrides[BK_N_ASSUMPTIONS];

  for (;;)
    {
      guint first, last;

      if (g_cancellable_is_cancelled (run->cancellable))
        break;
      first = (guint) g_atomic_int_add ((gint *) &run->next, CHUNK);
      if (first >= run->trials)
        break;
      last = MIN (first + CHUNK, run->trials);
      for (guint t = first; t < last; t++)
        run_trial (run, &results, overrides, t);

      g_mutex_lock (&run->mutex);
      run->done += last - first;
      g_cond_signal (&run->cond);
      g_mutex_unlock (&run->mutex);
    }

  g_clear_pointer (&results, bk_results_unref);

  g_mutex_lock (&run->mutex);
  run->finished++;
  g_cond_signal (&run->cond);
  g_mutex_unlock (&run->mutex);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* @sorted n values, ascending; linear between order statistics. */
static double
percentile (const double *sorted,
            guint         n,
            double        level)
{
  double h = (n - 1) * level;
  guint lo = (guint) floor (h);

  if (lo + 1 >= n)
    return sorted[n - 1];
  return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
}

static gboolean
collect_drivers (Run         *run,
                 GHashTable  *distributions,
                 GError     **error)
{
  GHashTableIter iter;
  gpointer key;

  if (distributions == NULL)
    return TRUE;

  g_hash_table_iter_init (&iter, distributions);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      BkAssumption a;

      if (!bk_assumption_from_key (key, &a))
        {
          g_set_error (error, BK_ERROR, BK_ERROR_NOT_FOUND,
                       _("Unknown driver “%s”"), (const char *) key);
          return FALSE;
        }
      if (!bk_driver_check (a, error))
        return FALSE;
    }

  /* In the drivers' order, whatever the table's. */
  for (guint k = 0; k < BK_N_ASSUMPTIONS; k++)
    {
      const BkDistribution *d = g_hash_table_lookup (distributions, bk_assumption_get_key ((BkAssumption) k));

      if (d == NULL)
        continue;
      run->drivers[run->n_drivers] = (BkAssumption) k;
      run->dists[run->n_drivers] = d;
      run->current[run->n_drivers] = bk_engine_inputs_get_assumption (run->inputs, run->company, (BkAssumption) k);
      run->n_drivers++;
    }

  return TRUE;
}

static void
reduce (Run                *run,
        BkMonteCarloResult *result)
{
  guint n = run->trials, m = run->m, positive = 0;
  g_autofree double *sorted = g_memdup2 (run->npv, sizeof (double) * n);
  g_autofree double *column = g_new (double, n);
  double sum = 0, squares = 0, x0 = run->npv[0], lo, hi, width;

  /* Offsets from the first trial: exact when all trials are equal. */
  for (guint t = 0; t < n; t++)
    {
      sum += run->npv[t] - x0;
      positive += run->npv[t] > 0;
    }
  result->mean = x0 + sum / n;
  for (guint t = 0; t < n; t++)
    squares += (run->npv[t] - result->mean) * (run->npv[t] - result->mean);
  result->sd = n > 1 ? sqrt (squares / (n - 1)) : 0;
  result->prob_positive = (double) positive / n;

  qsort (sorted, n, sizeof (double), compare_doubles);
  for (guint p = 0; p < BK_N_PERCENTILES; p++)
    result->npv[p] = percentile (sorted, n, levels[p]);

  /* Histogram over [min, max] */
  lo = sorted[0];
  hi = sorted[n - 1];
  result->n_bins = lo < hi ? result->params.n_bins : 1;
  result->histogram = g_new0 (BkHistogramBin, result->n_bins);
  width = (hi - lo) / result->n_bins;
  for (guint b = 0; b < result->n_bins; b++)
    {
      result->histogram[b].from = lo + b * width;
      result->histogram[b].to = b + 1 == result->n_bins ? hi : lo + (b + 1) * width;
    }
  for (guint t = 0; t < n; t++)
    {
      guint b = width > 0 ? (guint) floor ((sorted[t] - lo) / width) : 0;

      result->histogram[MIN (b, result->n_bins - 1)].count++;
    }

  result->n_periods = m;
  for (guint p = 0; p < BK_N_PERCENTILES; p++)
    result->cum_fcf[p] = g_new (double, MAX (m, 1));
  for (guint i = 0; i < m; i++)
    {
      for (guint t = 0; t < n; t++)
        column[t] = run->cum_fcf[(gsize) t * m + i];
      qsort (column, n, sizeof (double), compare_doubles);
      for (guint p = 0; p < BK_N_PERCENTILES; p++)
        result->cum_fcf[p][i] = percentile (column, n, levels[p]);
    }

  result->trial_npv = g_steal_pointer (&run->npv);
}

BkMonteCarloResult *
bk_monte_carlo_run (BkEngineInputs           *inputs,
                    GHashTable               *distributions,
                    const BkMonteCarloParams *params,
                    GCancellable             *cancellable,
                    BkMonteCarloProgress      progress,
                    gpointer                  user_data,
                    GError                  **error)
{
  g_autoptr(BkMonteCarloResult) result = NULL;
  g_autoptr(BkResults) plain = NULL;
  Run run = { 0, };
  GThreadPool *pool;
  guint threads, reported = 0;

  g_return_val_if_fail (inputs != NULL, NULL);
  g_return_val_if_fail (params != NULL, NULL);
  g_return_val_if_fail (params->company < (int) bk_engine_inputs_get_n_companies (inputs), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (params->trials < 1 || params->trials > BK_MONTE_CARLO_MAX_TRIALS)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_OUT_OF_RANGE,
                   _("A simulation has from 1 to %d trials, not %u"),
                   BK_MONTE_CARLO_MAX_TRIALS, params->trials);
      return NULL;
    }
  if (params->threads > BK_MONTE_CARLO_MAX_THREADS)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_OUT_OF_RANGE,
                   _("A simulation runs on at most %d threads, not %u"),
                   BK_MONTE_CARLO_MAX_THREADS, params->threads);
      return NULL;
    }

  run.inputs = inputs;
  run.company = params->company;
  run.trials = params->trials;
  run.seed = params->seed;
  run.m = bk_engine_inputs_get_n_periods (inputs);
  run.cancellable = cancellable;
  if (!collect_drivers (&run, distributions, error))
    return NULL;

  result = g_new0 (BkMonteCarloResult, 1);
  result->params = *params;
  threads = params->threads != 0 ? params->threads : MIN (g_get_num_processors (), BK_MONTE_CARLO_MAX_THREADS);
  threads = MIN (threads, (params->trials + CHUNK - 1) / CHUNK);
  result->params.threads = threads;
  if (result->params.n_bins == 0)
    result->params.n_bins = CLAMP ((guint) ceil (sqrt (params->trials)), 1, MAX_BINS);

  plain = bk_engine_compute_inputs_into (NULL, inputs, NULL, 0, BK_ENGINE_NO_IRR);
  result->deterministic_npv = bk_metric_get_row (plain, params->company)->npv;

  run.npv = g_new (double, params->trials);
  run.cum_fcf = g_new (double, (gsize) params->trials * MAX (run.m, 1));
  g_mutex_init (&run.mutex);
  g_cond_init (&run.cond);

  pool = g_thread_pool_new (worker, &run, (int) threads, FALSE, NULL);
  for (guint i = 0; i < threads; i++)
    g_thread_pool_push (pool, GUINT_TO_POINTER (i + 1), NULL);

  g_mutex_lock (&run.mutex);
  while (run.finished < threads)
    {
      guint done = run.done;

      if (done != reported && progress != NULL && !g_cancellable_is_cancelled (cancellable))
        {
          g_mutex_unlock (&run.mutex);
          progress (done, run.trials, user_data);
          g_mutex_lock (&run.mutex);
          reported = done;
          continue;
        }
      g_cond_wait (&run.cond, &run.mutex);
    }
  g_mutex_unlock (&run.mutex);

  g_thread_pool_free (pool, FALSE, TRUE);
  g_mutex_clear (&run.mutex);
  g_cond_clear (&run.cond);

  if (run.done < run.trials || g_cancellable_is_cancelled (cancellable))
    {
      g_free (run.npv);
      g_free (run.cum_fcf);
      if (!g_cancellable_set_error_if_cancelled (cancellable, error))
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The simulation was cancelled"));
      return NULL;
    }

  if (progress != NULL && reported != run.trials)
    progress (run.trials, run.trials, user_data);

  reduce (&run, result);
  g_free (run.npv);
  g_free (run.cum_fcf);

  return g_steal_pointer (&result);
}

void
bk_monte_carlo_result_free (BkMonteCarloResult *self)
{
  if (self == NULL)
    return;

  g_free (self->histogram);
  for (guint p = 0; p < BK_N_PERCENTILES; p++)
    g_free (self->cum_fcf[p]);
  g_free (self->trial_npv);
  g_free (self);
}
