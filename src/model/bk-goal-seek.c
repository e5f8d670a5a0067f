/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-goal-seek.c — the value of one driver at which a metric reaches a target
 *
 * f(x) = metric(driver = x) − target.  An outward scan from the current
 * value brackets the nearest sign change; Brent's method (zeroin: inverse
 * quadratic interpolation, secant and bisection, R. P. Brent, "Algorithms for
 * Minimization without Derivatives", 1973, ch. 4) narrows it until the
 * bracket is two ulps wide. */

#include "config.h"

#include <float.h>
#include <glib/gi18n-lib.h>
#include <math.h>

#include "bk-engine.h"
#include "bk-goal-seek.h"

/* Scan points per side: the k-th is at a fraction 2^(k − SCAN_STEPS) of the
 * way from the current value to the bound. */
#define SCAN_STEPS    24
#define MAX_ITER      200
#define UNBOUNDED_SPAN 100

typedef struct
{
  BkEngineInputs *inputs;
  BkResults      *results;
  BkMetric        metric;
  int             company;
  double          target;
  BkAssumption    driver;
} Seek;

static double
seek_eval (Seek   *seek,
           double  x)
{
  BkDriverOverride o = { seek->driver, BK_DRIVER_SET, x };
  BkEngineFlags flags = seek->metric == BK_METRIC_IRR ? BK_ENGINE_FLAGS_NONE : BK_ENGINE_NO_IRR;
  double v;

  seek->results = bk_engine_compute_inputs_into (seek->results, seek->inputs, &o, 1, flags);
  v = bk_metric_get (bk_metric_get_row (seek->results, seek->company), seek->metric);

  /* A payback that never comes is longer than any. */
  if (isnan (v) && (seek->metric == BK_METRIC_PAYBACK || seek->metric == BK_METRIC_DISCOUNTED_PAYBACK))
    v = INFINITY;

  return v - seek->target;
}

static gboolean
opposite (double fa,
          double fb)
{
  return (fa < 0 && fb > 0) || (fa > 0 && fb < 0);
}

/* Brent's zeroin on a bracket with opposite signs at its ends. */
static gboolean
brent (Seek   *seek,
       double  a,
       double  fa,
       double  b,
       double  fb,
       double *root)
{
  double c = a, fc = fa, d = b - a, e = d;

  for (guint iter = 0; iter < MAX_ITER; iter++)
    {
      double tol, xm;

      if (opposite (fb, fc) == FALSE)
        {
          c = a;
          fc = fa;
          d = e = b - a;
        }
      if (fabs (fc) < fabs (fb))
        {
          a = b; b = c; c = a;
          fa = fb; fb = fc; fc = fa;
        }

      tol = 2 * DBL_EPSILON * fabs (b) + DBL_MIN;
      xm = 0.5 * (c - b);
      if (fabs (xm) <= tol || fb == 0)
        {
          *root = b;
          return TRUE;
        }

      if (fabs (e) >= tol && fabs (fa) > fabs (fb))
        {
          double s = fb / fa, p, q, r;

          if (a == c)
            {
              p = 2 * xm * s;
              q = 1 - s;
            }
          else
            {
              q = fa / fc;
              r = fb / fc;
              p = s * (2 * xm * q * (q - r) - (b - a) * (r - 1));
              q = (q - 1) * (r - 1) * (s - 1);
            }
          if (p > 0)
            q = -q;
          p = fabs (p);
          if (2 * p < MIN (3 * xm * q - fabs (tol * q), fabs (e * q)))
            {
              e = d;
              d = p / q;
            }
          else
            {
              d = xm;
              e = d;
            }
        }
      else
        {
          d = xm;
          e = d;
        }

      a = b;
      fa = fb;
      b += fabs (d) > tol ? d : (xm > 0 ? tol : -tol);
      fb = seek_eval (seek, b);
      if (isnan (fb))
        {
          /* No value there (an IRR that does not exist): bisect instead. */
          b = a + xm;
          fb = seek_eval (seek, b);
          if (isnan (fb))
            return FALSE;
        }
    }

  *root = fabs (fb) <= fabs (fc) ? b : c;
  return TRUE;
}

void
bk_goal_seek_get_default_range (BkEngineInputs *inputs,
                                int             company,
                                BkAssumption    driver,
                                double         *min,
                                double         *max)
{
  double lo, hi, current, span;

  g_return_if_fail (inputs != NULL);
  g_return_if_fail (driver < BK_N_ASSUMPTIONS);
  g_return_if_fail (min != NULL && max != NULL);

  current = bk_engine_inputs_get_assumption (inputs, company, driver);
  span = UNBOUNDED_SPAN * MAX (1, fabs (current));
  bk_assumption_get_range (driver, &lo, &hi, NULL, NULL);
  *min = bk_assumption_clamp (driver, isfinite (lo) ? lo : current - span);
  *max = bk_assumption_clamp (driver, isfinite (hi) ? hi : current + span);
}

static void
set_no_solution (GError       **error,
                 BkAssumption   driver,
                 double         min,
                 double         max,
                 double         target)
{
  g_autofree char *lo = bk_assumption_format (driver, min);
  g_autofree char *hi = bk_assumption_format (driver, max);
  g_autofree char *goal = g_strdup_printf ("%.6g", target);

  g_set_error (error, BK_ERROR, BK_ERROR_OUT_OF_RANGE,
               /* Translators: "Price per million tokens: no value in [0, 101] reaches the target 0" */
               _("%s: no value in [%s, %s] reaches the target %s"),
               bk_assumption_get_name (driver), lo, hi, goal);
}

gboolean
bk_goal_seek (BkEngineInputs  *inputs,
              BkMetric         metric,
              int              company,
              double           target,
              BkAssumption     driver,
              double           min,
              double           max,
              double          *value,
              GError         **error)
{
  Seek seek = { inputs, NULL, metric, company, target, driver };
  double x0, f0, def_min, def_max, root = NAN;
  double prev[2], fprev[2], bound[2];
  gboolean found = FALSE;

  g_return_val_if_fail (inputs != NULL, FALSE);
  g_return_val_if_fail (metric < BK_N_METRICS, FALSE);
  g_return_val_if_fail (company < (int) bk_engine_inputs_get_n_companies (inputs), FALSE);
  g_return_val_if_fail (driver < BK_N_ASSUMPTIONS, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!bk_driver_check (driver, error))
    return FALSE;

  bk_goal_seek_get_default_range (inputs, company, driver, &def_min, &def_max);
  if (isnan (min))
    min = def_min;
  if (isnan (max))
    max = def_max;
  if (!isfinite (target) || !(min < max) ||
      bk_assumption_clamp (driver, min) != min || bk_assumption_clamp (driver, max) != max)
    {
      g_autofree char *lo = bk_assumption_format (driver, min);
      g_autofree char *hi = bk_assumption_format (driver, max);

      g_set_error (error, BK_ERROR, BK_ERROR_OUT_OF_RANGE,
                   /* Translators: "Utilization: [0.5, 1.2] is not a range of valid values" */
                   _("%s: [%s, %s] is not a range of valid values"),
                   bk_assumption_get_name (driver), lo, hi);
      return FALSE;
    }

  x0 = CLAMP (bk_engine_inputs_get_assumption (inputs, company, driver), min, max);
  f0 = seek_eval (&seek, x0);
  if (f0 == 0)
    {
      root = x0;
      found = TRUE;
    }

  bound[0] = min;
  bound[1] = max;
  for (guint side = 0; side < 2; side++)
    {
      prev[side] = x0;
      fprev[side] = f0;
    }

  /* Outward, both sides in turn, so the first crossing is the nearest. */
  for (guint k = 0; k <= SCAN_STEPS && !found; k++)
    for (guint side = 0; side < 2 && !found; side++)
      {
        double x = k == SCAN_STEPS ? bound[side] : x0 + (bound[side] - x0) * ldexp (1, (int) k - SCAN_STEPS);
        double fx;

        if (x == prev[side])
          continue;
        fx = seek_eval (&seek, x);
        if (isnan (fx))
          continue;
        if (fx == 0)
          {
            root = x;
            found = TRUE;
          }
        else if (!isnan (fprev[side]) && opposite (fprev[side], fx))
          found = brent (&seek, prev[side], fprev[side], x, fx, &root);
        prev[side] = x;
        fprev[side] = fx;
      }

  g_clear_pointer (&seek.results, bk_results_unref);

  if (!found)
    {
      set_no_solution (error, driver, min, max, target);
      return FALSE;
    }

  *value = root;
  return TRUE;
}
