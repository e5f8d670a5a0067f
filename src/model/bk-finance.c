/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-finance.c — pure finance functions on arrays of cash flows
 *
 * IRR works on the discount factor per period d = (1 + r)^(−Δ), in which the
 * NPV is a polynomial, Σ flows[t] d^(t+1).  Its positive roots are the IRRs.
 * The solver itself runs on x = ln(1 + r), so the search range
 * (−0.99, 1000] becomes (ln 0.01, ln 1001] and a grid uniform in x is
 * log-spaced in 1 + r.
 *
 * The polynomial is evaluated with Horner's rule (a running product, no pow()):
 * in d when d ≤ 1 and in 1/d when d > 1, on coefficients scaled by a power of
 * two so the largest has magnitude in [0.5, 1).  The value then never exceeds
 * n in magnitude, whatever the flows' size or the series' length, and it has
 * the sign of the NPV (the two forms differ by the positive factor d^(hi−lo),
 * which is 1 at d = 1, so the function stays continuous).
 */

#include "config.h"

#include <float.h>
#include <math.h>

#include "bk-finance.h"

/* Range of x = ln(1 + r): r in (−0.99, 1000]. */
#define IRR_X_LO       (-4.605170185988091368)  /* ln 0.01 (excluded) */
#define IRR_X_HI       (6.908754779315221345)   /* ln 1001 (included) */
/* Grid intervals used to find roots when there are several sign changes;
 * x = 0 (r = 0) is always a grid point. */
#define IRR_GRID_BELOW 160
#define IRR_GRID_ABOVE 240
/* Absolute tolerance on x, i.e. about 1e-13 relative on 1 + r. */
#define IRR_X_TOL      1e-13
#define IRR_MAX_ITER   200
/* Scaled coefficients kept on the stack up to this many periods. */
#define IRR_STACK_N    256

double
bk_finance_npv (double        rate,
                const double *flows,
                gsize         n)
{
  double v;
  double acc = 0.0;

  g_return_val_if_fail (flows != NULL || n == 0, NAN);

  /* Horner: v·(f0 + v·(f1 + v·(f2 + …))) with v = 1 / (1 + rate). */
  v = 1.0 / (1.0 + rate);
  for (gsize i = n; i > 0; i--)
    acc = (acc + flows[i - 1]) * v;

  return acc;
}

/* The NPV polynomial on scaled coefficients c[0 … m−1] (c[0] and c[m−1]
 * non-zero) as a function of x = ln(1 + r).  @side picks the form: > 0 the
 * polynomial in d (for x ≥ 0), < 0 the one in w = 1/d (for x ≤ 0), 0 by the
 * sign of x.  A grid scan keeps one form per half so that slopes match. */
typedef struct
{
  const double *c;
  gsize         m;
  double        delta;
  int           side;
  gboolean      slope;   /* irr_solve() looks for a zero of the slope */
} IrrPoly;

/* Value at @x; with @slope, also its derivative in x. */
static double
irr_eval (const IrrPoly *p,
          double         x,
          double        *slope)
{
  const double *c = p->c;
  gsize m = p->m;
  double acc, dacc = 0.0;

  if (p->side > 0 || (p->side == 0 && x >= 0.0))
    {
      /* Σ c[t] d^t, d = e^(−Δx) ≤ 1 */
      double d = exp (-p->delta * x);

      acc = c[m - 1];
      for (gsize t = m - 1; t > 0; t--)
        {
          dacc = dacc * d + acc;
          acc = acc * d + c[t - 1];
        }
      if (slope != NULL)
        *slope = dacc * -p->delta * d;
    }
  else
    {
      /* Σ c[t] w^(m−1−t), w = e^(Δx) < 1 */
      double w = exp (p->delta * x);

      acc = c[0];
      for (gsize t = 1; t < m; t++)
        {
          dacc = dacc * w + acc;
          acc = acc * w + c[t];
        }
      if (slope != NULL)
        *slope = dacc * p->delta * w;
    }

  return acc;
}

static inline double
irr_eval_target (const IrrPoly *p,
                 double         x)
{
  double slope;
  double value = irr_eval (p, x, &slope);

  return p->slope ? slope : value;
}

static inline gboolean
same_sign (double a,
           double b)
{
  return (a > 0.0 && b > 0.0) || (a < 0.0 && b < 0.0);
}

/* Brent's method (zeroin) on [a, b] with fa, fb of opposite signs, for a
 * zero of the value, or of the slope when p->slope is set. */
static double
irr_solve (const IrrPoly *p,
           double         a,
           double         fa,
           double         b,
           double         fb)
{
  double cc = a, fc = fa;
  double d = b - a, e = d;

  g_assert (!same_sign (fa, fb));

  for (guint iter = 0; iter < IRR_MAX_ITER; iter++)
    {
      double tol, xm;

      if (same_sign (fb, fc))
        {
          cc = a;
          fc = fa;
          d = e = b - a;
        }

      if (fabs (fc) < fabs (fb))
        {
          a = b;   b = cc;   cc = a;
          fa = fb; fb = fc;  fc = fa;
        }

      tol = 2.0 * DBL_EPSILON * fabs (b) + 0.5 * IRR_X_TOL;
      xm = 0.5 * (cc - b);

      if (fabs (xm) <= tol || fb == 0.0)
        return b;

      if (fabs (e) >= tol && fabs (fa) > fabs (fb))
        {
          double pp, q, s = fb / fa;

          if (a == cc)
            {
              /* Secant step. */
              pp = 2.0 * xm * s;
              q = 1.0 - s;
            }
          else
            {
              /* Inverse quadratic interpolation. */
              double qa = fa / fc, r = fb / fc;

              pp = s * (2.0 * xm * qa * (qa - r) - (b - a) * (r - 1.0));
              q = (qa - 1.0) * (r - 1.0) * (s - 1.0);
            }

          if (pp > 0.0)
            q = -q;
          else
            pp = -pp;

          if (2.0 * pp < 3.0 * xm * q - fabs (tol * q) &&
              pp < fabs (0.5 * e * q))
            {
              e = d;
              d = pp / q;
            }
          else
            {
              d = e = xm;
            }
        }
      else
        {
          d = e = xm;
        }

      a = b;
      fa = fb;
      if (fabs (d) > tol)
        b += d;
      else
        b += xm > 0.0 ? tol : -tol;
      fb = irr_eval_target (p, b);
    }

  return b;
}

typedef struct
{
  double   preferred;
  double   best;
  double   best_dist;
  guint    n_roots;
} IrrRoots;

static void
irr_roots_add (IrrRoots *roots,
               double    x)
{
  double r = expm1 (x);
  double dist = fabs (r - roots->preferred);

  /* Strictly nearer wins, so ties (and a NaN preference) keep the lower. */
  if (roots->n_roots == 0 || dist < roots->best_dist)
    {
      roots->best = r;
      roots->best_dist = dist;
    }
  roots->n_roots++;
}

/* [xa, xb] with fa, fb non-zero and of the same sign: if |value| has a
 * minimum inside (the slope turns from towards 0 to away from it), locate
 * it; when the value there has the other sign, there are two roots. */
static void
irr_scan_dip (IrrPoly  *p,
              double    xa,
              double    fa,
              double    ga,
              double    xb,
              double    fb,
              double    gb,
              IrrRoots *roots)
{
  double xm, fm;

  if (!(fa > 0.0 ? (ga < 0.0 && gb > 0.0) : (ga > 0.0 && gb < 0.0)))
    return;

  p->slope = TRUE;
  xm = irr_solve (p, xa, ga, xb, gb);
  p->slope = FALSE;
  fm = irr_eval (p, xm, NULL);

  if (fm == 0.0)
    irr_roots_add (roots, xm);          /* a double root */
  else if (!same_sign (fa, fm))
    {
      irr_roots_add (roots, irr_solve (p, xa, fa, xm, fm));
      irr_roots_add (roots, irr_solve (p, xm, fm, xb, fb));
    }
}

/* Scan x0 … x1 in @steps equal intervals for roots; x0 itself is not
 * counted (the caller has done so if it should be).  Returns the value at
 * x1, which is counted. */
static double
irr_scan (IrrPoly  *p,
          double    x0,
          double    x1,
          guint     steps,
          IrrRoots *roots)
{
  double h = (x1 - x0) / steps;
  double xa = x0, fa, ga;

  fa = irr_eval (p, x0, &ga);

  for (guint k = 1; k <= steps; k++)
    {
      double xb = k == steps ? x1 : x0 + k * h;
      double gb;
      double fb = irr_eval (p, xb, &gb);

      if (fb == 0.0)
        irr_roots_add (roots, xb);
      else if (fa != 0.0 && !same_sign (fa, fb))
        irr_roots_add (roots, irr_solve (p, xa, fa, xb, fb));
      else if (fa != 0.0)
        irr_scan_dip (p, xa, fa, ga, xb, fb, gb, roots);

      xa = xb;
      fa = fb;
      ga = gb;
    }

  return fa;
}

gboolean
bk_finance_irr (const double *flows,
                gsize         n,
                double        period_years,
                double        preferred_rate,
                double       *irr,
                gboolean     *multiple)
{
  double stack_buf[IRR_STACK_N];
  g_autofree double *heap_buf = NULL;
  double *c;
  double max_abs = 0.0;
  gsize lo = 0, hi = 0;
  gboolean seen = FALSE;
  guint sign_changes = 0;
  double last = 0.0;
  IrrPoly poly;
  int exponent;

  g_return_val_if_fail (flows != NULL || n == 0, FALSE);
  g_return_val_if_fail (period_years > 0.0 && isfinite (period_years), FALSE);
  g_return_val_if_fail (irr != NULL, FALSE);

  *irr = NAN;
  if (multiple != NULL)
    *multiple = FALSE;

  for (gsize t = 0; t < n; t++)
    {
      if (!isfinite (flows[t]))
        return FALSE;
      max_abs = MAX (max_abs, fabs (flows[t]));
    }
  if (max_abs == 0.0)
    return FALSE;

  /* Scale by a power of two (exact) so that |c| < 1; drop leading and
   * trailing zeros, which only multiply the polynomial by a power of d. */
  frexp (max_abs, &exponent);
  c = n <= IRR_STACK_N ? stack_buf : (heap_buf = g_new (double, n));
  for (gsize t = 0; t < n; t++)
    {
      double v = ldexp (flows[t], -exponent);

      c[t] = v;
      if (v == 0.0)
        continue;
      if (!seen)
        lo = t;
      seen = TRUE;
      hi = t;
      if (last != 0.0 && !same_sign (last, v))
        sign_changes++;
      last = v;
    }

  /* Descartes: no sign change, no positive root in d. */
  if (sign_changes == 0)
    return FALSE;

  poly.c = c + lo;
  poly.m = hi - lo + 1;
  poly.delta = period_years;
  poly.side = 0;
  poly.slope = FALSE;

  if (sign_changes == 1)
    {
      /* Exactly one positive root in d: inside the range or not at all. */
      double f_lo = irr_eval (&poly, IRR_X_LO, NULL);
      double f_hi = irr_eval (&poly, IRR_X_HI, NULL);

      if (f_hi == 0.0)
        *irr = expm1 (IRR_X_HI);
      else if (f_lo != 0.0 && !same_sign (f_lo, f_hi))
        *irr = expm1 (irr_solve (&poly, IRR_X_LO, f_lo, IRR_X_HI, f_hi));
      else
        return FALSE;

      return TRUE;
    }
  else
    {
      IrrRoots roots = { preferred_rate, NAN, INFINITY, 0 };

      /* Several sign changes: scan a grid for sign changes, and for dips
       * of |NPV| through 0 between grid points, and solve each.  Misses
       * only three or more roots within one grid step (about 3 % in 1 + r)
       * and roots that touch 0 without crossing, unless on the grid. */
      poly.side = -1;
      irr_scan (&poly, IRR_X_LO, 0.0, IRR_GRID_BELOW, &roots);
      poly.side = 1;
      irr_scan (&poly, 0.0, IRR_X_HI, IRR_GRID_ABOVE, &roots);

      if (roots.n_roots == 0)
        return FALSE;

      *irr = roots.best;
      if (multiple != NULL)
        *multiple = roots.n_roots > 1;

      return TRUE;
    }
}

/* Payback on flows[t] · v^(t+1) (v = 1 for the undiscounted one). */
static gboolean
payback (const double *flows,
         gsize         n,
         double        period_years,
         double        v,
         double       *years)
{
  double cum = 0.0;
  double factor = 1.0;
  gboolean went_negative = FALSE;

  *years = NAN;

  for (gsize t = 0; t < n; t++)
    {
      double f, prev;

      if (!isfinite (flows[t]))
        return FALSE;

      factor *= v;
      f = flows[t] * factor;
      prev = cum;
      cum += f;

      if (cum < 0.0)
        went_negative = TRUE;
      else if (prev < 0.0)
        {
          /* prev < 0 ≤ cum, so f > 0. */
          *years = (t + (-prev) / f) * period_years;
          return TRUE;
        }
    }

  if (went_negative)
    return FALSE;

  *years = 0.0;
  return TRUE;
}

gboolean
bk_finance_payback (const double *flows,
                    gsize         n,
                    double        period_years,
                    double       *years)
{
  g_return_val_if_fail (flows != NULL || n == 0, FALSE);
  g_return_val_if_fail (period_years > 0.0 && isfinite (period_years), FALSE);
  g_return_val_if_fail (years != NULL, FALSE);

  return payback (flows, n, period_years, 1.0, years);
}

gboolean
bk_finance_discounted_payback (const double *flows,
                               gsize         n,
                               double        period_years,
                               double        period_rate,
                               double       *years)
{
  g_return_val_if_fail (flows != NULL || n == 0, FALSE);
  g_return_val_if_fail (period_years > 0.0 && isfinite (period_years), FALSE);
  g_return_val_if_fail (period_rate > -1.0 && isfinite (period_rate), FALSE);
  g_return_val_if_fail (years != NULL, FALSE);

  return payback (flows, n, period_years, 1.0 / (1.0 + period_rate), years);
}
