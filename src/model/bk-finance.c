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
 *
 * Where the roots are: r > 0 (x > 0) are the roots of the polynomial in d on
 * (0, 1), r < 0 the roots of the one in w = 1/d on (0, 1).  On each side,
 * the number of roots (with multiplicity) is at most the number of sign
 * changes of the coefficients' partial sums — Descartes' rule on the power
 * series P(y)/(1 − y), whose coefficients they are (Norström's criterion).
 * Where that bound is at most one, the side has one root exactly when the
 * NPV changes sign over it, and a bracketed Newton iteration from a guess
 * finds it in a few steps.  Only a side that may hold several roots is
 * scanned on a grid, as before.
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

/* A zero of the value on [a, b] (fa, fb of opposite signs) by Newton's
 * method from @guess, kept inside the shrinking bracket: a step that would
 * leave it, or that does not halve the error fast enough, is a bisection
 * instead (rtsafe).  Converges to the same tolerance as irr_solve(). */
static double
irr_newton (const IrrPoly *p,
            double         a,
            double         fa,
            double         b,
            double         fb,
            double         guess)
{
  double neg = fa < 0.0 ? a : b;   /* f(neg) < 0 < f(pos) */
  double pos = fa < 0.0 ? b : a;
  double x, f, g;
  double dx = fabs (b - a), dx_old = dx;

  g_assert (!same_sign (fa, fb) && fa != 0.0 && fb != 0.0);

  x = guess > MIN (a, b) && guess < MAX (a, b) ? guess : 0.5 * (a + b);
  f = irr_eval (p, x, &g);

  for (guint iter = 0; iter < IRR_MAX_ITER && f != 0.0; iter++)
    {
      double tol;

      if (((x - pos) * g - f) * ((x - neg) * g - f) > 0.0 ||
          fabs (2.0 * f) > fabs (dx_old * g))
        {
          dx_old = dx;
          dx = 0.5 * (pos - neg);
          x = neg + dx;
        }
      else
        {
          dx_old = dx;
          dx = f / g;
          x -= dx;
        }

      tol = 2.0 * DBL_EPSILON * fabs (x) + 0.5 * IRR_X_TOL;
      if (fabs (dx) <= tol)
        break;

      f = irr_eval (p, x, &g);
      if (f < 0.0)
        neg = x;
      else
        pos = x;
    }

  return x;
}

/* Sign changes of the partial sums of c[0 … m−1] (taken from the end when
 * @reverse), an upper bound on the roots in (0, 1) of Σ c[t] y^t (of
 * Σ c[t] y^(m−1−t) when @reverse).  G_MAXUINT when a partial sum is too
 * close to 0 for its computed sign to be trusted. */
static guint
irr_partial_sum_changes (const double *c,
                         gsize         m,
                         gboolean      reverse)
{
  double sum = 0.0, abs_sum = 0.0, last = 0.0;
  guint changes = 0;

  for (gsize k = 0; k < m; k++)
    {
      double v = c[reverse ? m - 1 - k : k];

      sum += v;
      abs_sum += fabs (v);
      /* Rounding in the running sum is below (k + 1) ε Σ|c| */
      if (fabs (sum) <= 4.0 * (k + 1) * DBL_EPSILON * abs_sum)
        return G_MAXUINT;
      if (last != 0.0 && !same_sign (last, sum))
        changes++;
      last = sum;
    }

  return changes;
}

/* A first guess at x = ln(1 + r) for flows that are costs first and
 * returns later (or the reverse): the x at which the two groups' values,
 * each concentrated at its flow-weighted mean time, are equal.  Exact for
 * one cost and one return.  NAN when there is nothing to go on. */
static double
irr_guess (const IrrPoly *p)
{
  double pos = 0.0, neg = 0.0, t_pos = 0.0, t_neg = 0.0;

  for (gsize t = 0; t < p->m; t++)
    {
      if (p->c[t] > 0.0)
        {
          pos += p->c[t];
          t_pos += t * p->c[t];
        }
      else
        {
          neg -= p->c[t];
          t_neg -= t * p->c[t];
        }
    }
  if (pos == 0.0 || neg == 0.0 || t_pos / pos == t_neg / neg)
    return NAN;

  return log (pos / neg) / (p->delta * (t_pos / pos - t_neg / neg));
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

/* The roots on one side of x = 0: (x_lo, 0] for @side < 0, (0, x_hi]
 * for @side > 0 (x = 0 belongs to the lower side).  @f0 is the value at
 * 0.  With at most one root on the side (@bound ≤ 1) it is solved
 * directly; otherwise the side is scanned on its grid. */
static void
irr_side (IrrPoly  *p,
          int       side,
          guint     bound,
          double    f0,
          double    guess,
          IrrRoots *roots)
{
  double x_end = side < 0 ? IRR_X_LO : IRR_X_HI;
  double f_end;

  p->side = side;
  if (bound > 1)
    {
      if (side < 0)
        irr_scan (p, IRR_X_LO, 0.0, IRR_GRID_BELOW, roots);
      else
        irr_scan (p, 0.0, IRR_X_HI, IRR_GRID_ABOVE, roots);
      return;
    }

  /* At most one root, so it lies inside exactly when the value changes
   * sign; x_lo is excluded, x_hi and 0 are included. */
  f_end = irr_eval (p, x_end, NULL);
  if (side < 0 && f0 == 0.0)
    irr_roots_add (roots, 0.0);
  else if (side > 0 && f_end == 0.0)
    irr_roots_add (roots, x_end);
  else if (f0 != 0.0 && f_end != 0.0 && !same_sign (f0, f_end))
    irr_roots_add (roots, irr_newton (p, x_end, f_end, 0.0, f0, guess));
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
  IrrRoots roots = { preferred_rate, NAN, INFINITY, 0 };
  guint below, above;
  double f0, guess;
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

  /* One sign change of the flows: one root in d, so one on one side
   * at most.  Otherwise bound each side by its partial sums. */
  if (sign_changes == 1)
    below = above = 1;
  else
    {
      below = irr_partial_sum_changes (poly.c, poly.m, TRUE);
      above = irr_partial_sum_changes (poly.c, poly.m, FALSE);
    }

  /* The value at r = 0 is the same in both forms. */
  poly.side = -1;
  f0 = irr_eval (&poly, 0.0, NULL);
  guess = irr_guess (&poly);
  if (isnan (guess))
    guess = log1p (preferred_rate);

  irr_side (&poly, -1, below, f0, guess, &roots);
  irr_side (&poly, 1, above, f0, guess, &roots);

  if (roots.n_roots == 0)
    return FALSE;

  *irr = roots.best;
  if (multiple != NULL)
    *multiple = roots.n_roots > 1;

  return TRUE;
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
