/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-simulation.c — one Monte Carlo run at a time in a GTask thread, its
 * progress marshalled to the main loop
 *
 * A run is a refcounted record shared by the worker and the main loop.
 * The worker's progress callback stores the count and, at most about 30
 * times a second and never while one is still pending, schedules an idle
 * on the starting thread's main context to report it, so a fast run does
 * not flood the main loop.  Each start makes a new record; idles and the
 * completion of an older run see that they are no longer current and
 * change nothing, so a restart never shows a stale number. */

#include "config.h"

#include <glib/gi18n.h>

#include "bk-simulation.h"

/* Shortest time between two progress reports */
#define PROGRESS_INTERVAL_USEC (G_USEC_PER_SEC / 30)

typedef struct
{
  gatomicrefcount      ref;
  GWeakRef             owner;
  GMainContext        *context;
  BkEngineInputs      *inputs;
  GHashTable          *distributions;
  BkMonteCarloParams   params;
  GCancellable        *cancellable;
  gint64               last_report;   /* the worker's own */
  guint                done;          /* atomic */
  gint                 idle_pending;  /* atomic */
} Run;

struct _BkSimulation
{
  GObject              parent_instance;

  Run                 *run;      /* current, or NULL */
  BkEngineInputs      *inputs;   /* of the current or last run */
  BkMonteCarloParams   params;   /* likewise */
  gboolean             running;
  double               progress;
  BkMonteCarloResult  *result;
  GError              *error;
  guint                n_starts;
};

G_DEFINE_FINAL_TYPE (BkSimulation, bk_simulation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_RUNNING,
  PROP_PROGRESS,
  PROP_RESULT,
  N_PROPS
};

enum {
  FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static Run *
run_ref (Run *run)
{
  g_atomic_ref_count_inc (&run->ref);
  return run;
}

static void
run_unref (Run *run)
{
  if (!g_atomic_ref_count_dec (&run->ref))
    return;
  g_weak_ref_clear (&run->owner);
  g_clear_pointer (&run->context, g_main_context_unref);
  g_clear_pointer (&run->inputs, bk_engine_inputs_unref);
  g_clear_pointer (&run->distributions, g_hash_table_unref);
  g_clear_object (&run->cancellable);
  g_free (run);
}

static void
set_running (BkSimulation *self,
             gboolean      running)
{
  if (self->running == running)
    return;
  self->running = running;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

static void
set_progress (BkSimulation *self,
              double        progress)
{
  if (self->progress == progress)
    return;
  self->progress = progress;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

static void
clear_result (BkSimulation *self)
{
  g_clear_error (&self->error);
  if (self->result == NULL)
    return;
  g_clear_pointer (&self->result, bk_monte_carlo_result_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESULT]);
}

/* Main loop */
static gboolean
progress_idle (gpointer data)
{
  Run *run = data;
  g_autoptr(BkSimulation) self = g_weak_ref_get (&run->owner);

  g_atomic_int_set (&run->idle_pending, 0);
  /* A handler of :progress may restart: nothing of @run is read after */
  if (self != NULL && self->run == run && !g_cancellable_is_cancelled (run->cancellable))
    set_progress (self, (double) g_atomic_int_get (&run->done) / run->params.trials);

  return G_SOURCE_REMOVE;
}

/* The worker: called on its thread, never concurrently */
static void
progress_cb (guint    done,
             guint    total,
             gpointer data)
{
  Run *run = data;
  gint64 now = g_get_monotonic_time ();
  g_autoptr(GSource) source = NULL;

  g_atomic_int_set (&run->done, done);
  if (run->last_report != 0 && now - run->last_report < PROGRESS_INTERVAL_USEC)
    return;
  if (!g_atomic_int_compare_and_exchange (&run->idle_pending, 0, 1))
    return;

  run->last_report = now;
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, progress_idle, run_ref (run), (GDestroyNotify) run_unref);
  g_source_set_static_name (source, "[breakeven] simulation progress");
  g_source_attach (source, run->context);
}

static void
thread_func (GTask        *task,
             gpointer      source,
             gpointer      data,
             GCancellable *cancellable)
{
  Run *run = data;
  GError *error = NULL;
  BkMonteCarloResult *result;

  result = bk_monte_carlo_run (run->inputs, run->distributions, &run->params,
                               cancellable, progress_cb, run, &error);
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify) bk_monte_carlo_result_free);
}

static void
done_cb (GObject      *source,
         GAsyncResult *res,
         gpointer      data)
{
  BkSimulation *self = BK_SIMULATION (source);
  Run *run = g_task_get_task_data (G_TASK (res));
  g_autoptr(GError) error = NULL;
  BkMonteCarloResult *result = g_task_propagate_pointer (G_TASK (res), &error);

  /* A run that was cancelled or replaced already said so */
  if (self->run != run)
    {
      g_clear_pointer (&result, bk_monte_carlo_result_free);
      return;
    }

  g_clear_pointer (&self->run, run_unref);

  /* Handlers of these notifications may start a new run: they are all
   * emitted at once, and ::finished only if none did. */
  g_object_freeze_notify (G_OBJECT (self));
  clear_result (self);
  if (result != NULL)
    {
      self->result = result;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESULT]);
      set_progress (self, 1.0);
    }
  else
    self->error = g_steal_pointer (&error);
  set_running (self, FALSE);
  g_object_thaw_notify (G_OBJECT (self));

  if (self->run == NULL)
    g_signal_emit (self, signals[FINISHED], 0, self->error);
}

static void
stop (BkSimulation *self)
{
  if (self->run == NULL)
    return;
  g_cancellable_cancel (self->run->cancellable);
  g_clear_pointer (&self->run, run_unref);
}

static void
launch (BkSimulation   *self,
        BkEngineInputs *inputs,
        GHashTable     *distributions)
{
  g_autoptr(GTask) task = NULL;
  GHashTableIter iter;
  gpointer key, value;
  Run *run;

  stop (self);

  run = g_new0 (Run, 1);
  g_atomic_ref_count_init (&run->ref);
  g_weak_ref_init (&run->owner, self);
  run->context = g_main_context_ref_thread_default ();
  run->inputs = bk_engine_inputs_ref (inputs);
  run->distributions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify) bk_distribution_free);
  g_hash_table_iter_init (&iter, distributions);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (run->distributions, g_strdup (key), bk_distribution_copy (value));
  run->params = self->params;
  run->cancellable = g_cancellable_new ();
  self->run = run;
  self->n_starts++;

  if (self->inputs != inputs)
    {
      g_clear_pointer (&self->inputs, bk_engine_inputs_unref);
      self->inputs = bk_engine_inputs_ref (inputs);
    }

  task = g_task_new (self, run->cancellable, done_cb, NULL);
  g_task_set_source_tag (task, bk_simulation_start);
  g_task_set_name (task, "[breakeven] simulation");
  g_task_set_task_data (task, run_ref (run), (GDestroyNotify) run_unref);
  g_task_run_in_thread (task, thread_func);

  clear_result (self);
  set_progress (self, 0.0);
  set_running (self, TRUE);
}

static void
bk_simulation_dispose (GObject *object)
{
  BkSimulation *self = BK_SIMULATION (object);

  stop (self);
  g_clear_pointer (&self->inputs, bk_engine_inputs_unref);
  g_clear_pointer (&self->result, bk_monte_carlo_result_free);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (bk_simulation_parent_class)->dispose (object);
}

static void
bk_simulation_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  BkSimulation *self = BK_SIMULATION (object);

  switch (prop_id)
    {
    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;
    case PROP_PROGRESS:
      g_value_set_double (value, self->progress);
      break;
    case PROP_RESULT:
      g_value_set_pointer (value, self->result);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_simulation_class_init (BkSimulationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bk_simulation_dispose;
  object_class->get_property = bk_simulation_get_property;

  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* const BkMonteCarloResult *, owned by the simulation */
  properties[PROP_RESULT] =
    g_param_spec_pointer ("result", NULL, NULL,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* ::finished (const GError *error): a run completed (error NULL, the
   * result in :result), failed or was cancelled.  Not emitted for a run
   * that a start or restart replaced. */
  signals[FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
}

static void
bk_simulation_init (BkSimulation *self)
{
  bk_monte_carlo_params_init (&self->params);
}

BkSimulation *
bk_simulation_new (void)
{
  return g_object_new (BK_TYPE_SIMULATION, NULL);
}

void
bk_simulation_start (BkSimulation             *self,
                     BkEngineInputs           *inputs,
                     GHashTable               *distributions,
                     const BkMonteCarloParams *params)
{
  g_return_if_fail (BK_IS_SIMULATION (self));
  g_return_if_fail (inputs != NULL);
  g_return_if_fail (distributions != NULL);
  g_return_if_fail (params != NULL);

  self->params = *params;
  launch (self, inputs, distributions);
}

gboolean
bk_simulation_restart (BkSimulation             *self,
                       BkEngineInputs           *inputs,
                       GHashTable               *distributions,
                       const BkMonteCarloParams *params)
{
  g_return_val_if_fail (BK_IS_SIMULATION (self), FALSE);
  g_return_val_if_fail (inputs != NULL, FALSE);
  g_return_val_if_fail (distributions != NULL, FALSE);

  if (self->run == NULL)
    return FALSE;

  if (params != NULL)
    self->params = *params;
  launch (self, inputs, distributions);
  return TRUE;
}

void
bk_simulation_cancel (BkSimulation *self)
{
  g_return_if_fail (BK_IS_SIMULATION (self));

  if (self->run == NULL)
    return;

  stop (self);
  clear_result (self);
  self->error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                     _("The simulation was cancelled"));
  set_running (self, FALSE);
  g_signal_emit (self, signals[FINISHED], 0, self->error);
}

void
bk_simulation_clear (BkSimulation *self)
{
  g_return_if_fail (BK_IS_SIMULATION (self));

  stop (self);
  clear_result (self);
  set_progress (self, 0.0);
  set_running (self, FALSE);
}

gboolean
bk_simulation_get_running (BkSimulation *self)
{
  g_return_val_if_fail (BK_IS_SIMULATION (self), FALSE);

  return self->running;
}

double
bk_simulation_get_progress (BkSimulation *self)
{
  g_return_val_if_fail (BK_IS_SIMULATION (self), 0.0);

  return self->progress;
}

const BkMonteCarloResult *
bk_simulation_get_result (BkSimulation *self)
{
  g_return_val_if_fail (BK_IS_SIMULATION (self), NULL);

  return self->result;
}

BkEngineInputs *
bk_simulation_get_inputs (BkSimulation *self)
{
  g_return_val_if_fail (BK_IS_SIMULATION (self), NULL);

  return self->inputs;
}

const GError *
bk_simulation_get_error (BkSimulation *self)
{
  g_return_val_if_fail (BK_IS_SIMULATION (self), NULL);

  return self->error;
}

guint
bk_simulation_get_n_starts (BkSimulation *self)
{
  g_return_val_if_fail (BK_IS_SIMULATION (self), 0);

  return self->n_starts;
}
