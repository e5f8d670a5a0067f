/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-simulation.h — one Monte Carlo run at a time off the UI thread, with
 * its progress and result on the main loop */

#pragma once

#include <gio/gio.h>

#include "bk-monte-carlo.h"

G_BEGIN_DECLS

#define BK_TYPE_SIMULATION (bk_simulation_get_type ())
G_DECLARE_FINAL_TYPE (BkSimulation, bk_simulation, BK, SIMULATION, GObject)

BkSimulation             *bk_simulation_new          (void);

/* Starts bk_monte_carlo_run() on @inputs (a snapshot taken on the main
 * thread) in a GTask thread.  @distributions is copied.  A run in
 * progress is cancelled and forgotten (no ::finished for it), and the
 * result of the last run is dropped.  Progress, the result and ::finished
 * come on the thread-default main context of the caller. */
void                      bk_simulation_start        (BkSimulation             *self,
                                                      BkEngineInputs           *inputs,
                                                      GHashTable               *distributions,
                                                      const BkMonteCarloParams *params);
/* The inputs changed: when a run is in progress, starts it over on
 * @inputs and @distributions with @params (NULL: the same parameters;
 * the company's index may have moved with the companies) — the old run's
 * result is never delivered — and returns TRUE; otherwise does nothing
 * and returns FALSE. */
gboolean                  bk_simulation_restart      (BkSimulation             *self,
                                                      BkEngineInputs           *inputs,
                                                      GHashTable               *distributions,
                                                      const BkMonteCarloParams *params);
/* Stops the run in progress, if any: :running goes FALSE at once, no
 * result comes, ::finished is emitted with a G_IO_ERROR_CANCELLED error. */
void                      bk_simulation_cancel       (BkSimulation             *self);

/* Forgets everything: a run in progress is cancelled without a
 * ::finished, the result and the error are dropped (for new inputs that
 * have nothing to do with the old ones, such as another document). */
void                      bk_simulation_clear        (BkSimulation             *self);

/* :running; :progress, the share of the trials done (0 … 1), updated at
 * most about 30 times a second; :result, the result of the last run that
 * completed (NULL when none, or after a cancel or a new start). */
gboolean                  bk_simulation_get_running  (BkSimulation             *self);
double                    bk_simulation_get_progress (BkSimulation             *self);
const BkMonteCarloResult *bk_simulation_get_result   (BkSimulation             *self);
/* The snapshot the current run, or the last one, computes from (NULL
 * before the first start) */
BkEngineInputs           *bk_simulation_get_inputs   (BkSimulation             *self);
/* The error of the last run that failed or was cancelled, or NULL */
const GError             *bk_simulation_get_error    (BkSimulation             *self);
/* How many runs were started, restarts included (for tests) */
guint                     bk_simulation_get_n_starts (BkSimulation             *self);

G_END_DECLS
