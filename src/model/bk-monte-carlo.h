/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-monte-carlo.h — Monte Carlo simulation of NPV and cumulative FCF over
 * the drivers' uncertainties, on a thread pool */
#pragma once

#include <gio/gio.h>

#include "bk-distribution.h"
#include "bk-engine-inputs.h"

G_BEGIN_DECLS

#define BK_MONTE_CARLO_MAX_TRIALS  10000000
#define BK_MONTE_CARLO_MAX_THREADS 64

typedef enum
{
  BK_PERCENTILE_5,
  BK_PERCENTILE_25,
  BK_PERCENTILE_50,
  BK_PERCENTILE_75,
  BK_PERCENTILE_95,
  BK_N_PERCENTILES
} BkPercentile;

/* 0.05, 0.25, 0.5, 0.75, 0.95 */
double      bk_percentile_get_level   (BkPercentile  percentile);
/* "p5", "p25", "p50", "p75", "p95" */
const char *bk_percentile_to_string   (BkPercentile  percentile);

typedef struct
{
  guint    trials;   /* 1 … BK_MONTE_CARLO_MAX_TRIALS */
  guint64  seed;
  guint    threads;  /* 0: one per processor; at most BK_MONTE_CARLO_MAX_THREADS */
  int      company;  /* -1: the total */
  guint    n_bins;   /* histogram bins; 0: √trials, at most 50 */
} BkMonteCarloParams;

typedef struct
{
  double from;
  double to;
  guint  count;  /* trials with from ≤ NPV < to (≤ to in the last bin) */
} BkHistogramBin;

typedef struct
{
  BkMonteCarloParams  params;          /* as run: threads and n_bins filled in */
  double              deterministic_npv;  /* without any uncertainty */
  double              mean;
  double              sd;              /* sample standard deviation (n − 1); 0 for one trial */
  double              npv[BK_N_PERCENTILES];
  double              prob_positive;   /* share of trials with NPV > 0 */
  BkHistogramBin     *histogram;
  guint               n_bins;
  guint               n_periods;       /* M */
  double             *cum_fcf[BK_N_PERCENTILES];  /* each n_periods: percentiles of cumulative FCF per period */
  double             *trial_npv;       /* trials, in trial order */
} BkMonteCarloResult;

/* Progress: @done of @total trials are finished. */
typedef void (*BkMonteCarloProgress) (guint    done,
                                      guint    total,
                                      gpointer user_data);

/* 10,000 trials, seed 0, a thread per processor, the total. */
void                bk_monte_carlo_params_init (BkMonteCarloParams   *params);

/* Runs params->trials trials on @inputs.  @distributions maps driver keys
 * (char *) to BkDistribution *; every trial draws every one of them, in the
 * drivers' order, from its own random stream (params->seed, trial index),
 * sets it for every company and recalculates.  The triangular mode is the
 * driver's current value for the company (the workbook level for the
 * total).  So the same seed gives the same result whatever the number of
 * threads, and distributions of zero width at the current values give the
 * deterministic result in every trial, exactly.  Percentiles interpolate
 * linearly between order statistics (as a spreadsheet's PERCENTILE.INC).
 *
 * Blocks until done: call it from a worker thread (in the app, a GTask's
 * thread; @inputs is a snapshot, so the workbook may change meanwhile).
 * The trials run on a GThreadPool of params->threads threads.  @progress
 * (may be NULL) is called on the calling thread, never concurrently, each
 * time more trials are done, and no more once cancelled; marshal it to
 * the main loop yourself.
 * Cancelling @cancellable (from any thread, @progress included) stops the
 * run within one chunk of trials per thread and fails with
 * G_IO_ERROR_CANCELLED.  Fails with BK_ERROR_NOT_FOUND for an unknown
 * driver key, BK_ERROR_INVALID_INPUT for extra_years and
 * BK_ERROR_OUT_OF_RANGE for bad parameters. */
BkMonteCarloResult *bk_monte_carlo_run         (BkEngineInputs       *inputs,
                                                GHashTable           *distributions,
                                                const BkMonteCarloParams *params,
                                                GCancellable         *cancellable,
                                                BkMonteCarloProgress  progress,
                                                gpointer              user_data,
                                                GError              **error);
void                bk_monte_carlo_result_free (BkMonteCarloResult   *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkMonteCarloResult, bk_monte_carlo_result_free)

G_END_DECLS
