/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-finance.c — NPV, IRR and payback against independent references
 *
 * Reference values marked "mpmath" were computed with Python's mpmath at 50
 * significant digits: NPV by direct summation, IRR by 300 bisection steps on
 * Σ f_t (1 + r)^(−(t+1)Δ).  Values marked "MODEL.md" are the rounded figures
 * of the worked example in shared/design/MODEL.md.
 */

#include "config.h"

#include <math.h>

#include "bk-finance.h"

#define IRR_TOL 1e-6
#define NPV_REL 1e-9

/* The worked example's fcf as printed (rounded to 4 decimals) in MODEL.md. */
static const double worked_fcf[] = { -10, -6.7493, 35.2957, 24.8363, 17.5146, 12.3895 };

/* The IRR example of the Excel / LibreOffice IRR documentation. */
static const double excel_irr_flows[] = { -100, 39, 59, 55, 20 };
#define EXCEL_IRR 0.2809484211599611

#define assert_rel(a, b, rel)                                            \
  G_STMT_START {                                                         \
    double a_ = (a), b_ = (b);                                           \
    if (!(fabs (a_ - b_) <= (rel) * fabs (b_)))                          \
      g_error ("%s = %.17g, expected %.17g (relative %g)", #a, a_, b_,   \
               (double) (rel));                                          \
  } G_STMT_END

static gboolean
irr_of (const double *flows,
        gsize         n,
        double        period_years,
        double        preferred,
        double       *irr,
        gboolean     *multiple)
{
  return bk_finance_irr (flows, n, period_years, preferred, irr, multiple);
}

static void
test_npv_spreadsheet (void)
{
  /* Excel NPV documentation example ($1,188.44); full digits from mpmath. */
  const double a[] = { -10000, 3000, 4200, 6800 };
  /* mpmath, with a negative last flow. */
  const double b[] = { -250, 40, 60, 80, 90, 100, -20 };
  /* mpmath, negative rate. */
  const double c[] = { 5, -2, 1.5, 7 };

  assert_rel (bk_finance_npv (0.1, a, G_N_ELEMENTS (a)), 1188.4434123352230, NPV_REL);
  assert_rel (bk_finance_npv (0.07, b, G_N_ELEMENTS (b)), 29.650162592587083, NPV_REL);
  assert_rel (bk_finance_npv (-0.3, c, G_N_ELEMENTS (c)), 36.588921282798834, NPV_REL);
}

static void
test_npv_edge (void)
{
  const double a[] = { 1, 2, 3 };
  const double one[] = { 110 };

  g_assert_cmpfloat (bk_finance_npv (0.1, NULL, 0), ==, 0.0);
  /* Rate 0: the plain sum. */
  g_assert_cmpfloat (bk_finance_npv (0.0, a, 3), ==, 6.0);
  /* The first flow is discounted one whole period. */
  assert_rel (bk_finance_npv (0.1, one, 1), 100.0, 1e-15);
}

static void
test_npv_worked_example (void)
{
  /* MODEL.md: NPV = 48.765118 at 9 %; the rounded fcf give 48.7650971. */
  double npv = bk_finance_npv (0.09, worked_fcf, G_N_ELEMENTS (worked_fcf));

  g_assert_cmpfloat_with_epsilon (npv, 48.765118, 1e-4);
  /* mpmath on the rounded fcf. */
  assert_rel (npv, 48.7650971264, 1e-11);
}

static void
test_irr_spreadsheet (void)
{
  double irr = 0;
  gboolean multiple = TRUE;

  g_assert_true (irr_of (excel_irr_flows, G_N_ELEMENTS (excel_irr_flows),
                         1.0, 0.09, &irr, &multiple));
  g_assert_cmpfloat_with_epsilon (irr, EXCEL_IRR, IRR_TOL);
  g_assert_cmpfloat_with_epsilon (irr, EXCEL_IRR, 1e-12);
  g_assert_false (multiple);

  /* @multiple is optional. */
  g_assert_true (irr_of (excel_irr_flows, G_N_ELEMENTS (excel_irr_flows),
                         1.0, 0.09, &irr, NULL));
  g_assert_cmpfloat_with_epsilon (irr, EXCEL_IRR, 1e-12);
}

static void
test_irr_worked_example (void)
{
  double irr = 0;
  gboolean multiple = TRUE;

  g_assert_true (irr_of (worked_fcf, G_N_ELEMENTS (worked_fcf),
                         1.0, 0.09, &irr, &multiple));
  /* MODEL.md: 1.002390; mpmath on the rounded fcf: 1.00238987478. */
  g_assert_cmpfloat_with_epsilon (irr, 1.002390, 1e-4);
  g_assert_cmpfloat_with_epsilon (irr, 1.00238987478, 1e-9);
  g_assert_false (multiple);
}

static void
test_irr_sub_yearly (void)
{
  double periodic = 0, irr = 0;
  gboolean multiple = TRUE;
  gsize n = G_N_ELEMENTS (excel_irr_flows);

  g_assert_true (irr_of (excel_irr_flows, n, 1.0, 0.0, &periodic, NULL));

  /* Half-yearly: (1 + periodic)^2 − 1; mpmath 0.64082885767219709. */
  g_assert_true (irr_of (excel_irr_flows, n, 0.5, 0.09, &irr, &multiple));
  g_assert_false (multiple);
  g_assert_cmpfloat_with_epsilon (irr, pow (1 + periodic, 2.0) - 1, IRR_TOL);
  g_assert_cmpfloat_with_epsilon (irr, 0.64082885767219709, 1e-11);

  /* Quarterly: (1 + periodic)^4 − 1; mpmath 1.6923193401698472. */
  g_assert_true (irr_of (excel_irr_flows, n, 0.25, 0.09, &irr, &multiple));
  g_assert_false (multiple);
  g_assert_cmpfloat_with_epsilon (irr, pow (1 + periodic, 4.0) - 1, IRR_TOL);
  g_assert_cmpfloat_with_epsilon (irr, 1.6923193401698472, 1e-11);
}

/* Random conventional projects: NPV at the IRR is 0, and an IRR exists in
 * (0, 1000] whenever the undiscounted sum is positive. */
static void
test_irr_npv_zero (void)
{
  for (guint i = 0; i < 500; i++)
    {
      double flows[40];
      double abs_flows[40];
      gsize n = g_test_rand_int_range (2, 40);
      gsize n_neg = g_test_rand_int_range (1, n);
      double sum = 0, irr = NAN, npv, scale;
      gboolean multiple = TRUE;

      for (gsize t = 0; t < n; t++)
        {
          flows[t] = t < n_neg ? -g_test_rand_double_range (0.5, 50)
                               : g_test_rand_double_range (0, 30);
          abs_flows[t] = fabs (flows[t]);
          sum += flows[t];
        }

      if (!irr_of (flows, n, 1.0, 0.09, &irr, &multiple))
        {
          g_assert_cmpfloat (sum, <=, 0);
          g_assert_true (isnan (irr));
          continue;
        }

      g_assert_false (multiple);
      g_assert_cmpfloat (irr, >, -0.99);
      g_assert_cmpfloat (irr, <=, 1000);
      if (sum > 0)
        g_assert_cmpfloat (irr, >, 0);

      npv = bk_finance_npv (irr, flows, n);
      scale = bk_finance_npv (irr, abs_flows, n);
      if (!(fabs (npv) <= 1e-9 * scale))
        g_error ("NPV at IRR %.17g is %g (scale %g)", irr, npv, scale);
    }
}

static void
test_irr_no_sign_change (void)
{
  const double pos[] = { 1, 2, 3 };
  const double neg[] = { -1, -2, 0, -3 };
  const double zero[] = { 0, 0, 0 };
  const double one[] = { -5 };
  double irr = 0;
  gboolean multiple = TRUE;

  g_assert_false (irr_of (pos, 3, 1.0, 0.09, &irr, &multiple));
  g_assert_true (isnan (irr));
  g_assert_false (multiple);
  g_assert_false (irr_of (neg, 4, 1.0, 0.09, &irr, &multiple));
  g_assert_false (irr_of (zero, 3, 1.0, 0.09, &irr, &multiple));
  g_assert_false (irr_of (one, 1, 1.0, 0.09, &irr, &multiple));
  g_assert_false (irr_of (NULL, 0, 1.0, 0.09, &irr, &multiple));
}

static void
test_irr_multiple (void)
{
  /* −1 + 6d − 11d² + 6d³ = (d − 1)(2d − 1)(3d − 1): periodic IRRs 0, 1, 2. */
  const double flows[] = { -1, 6, -11, 6 };
  static const struct { double dt, preferred, expected; } cases[] = {
    { 1.0, 0.09, 0.0 },
    { 1.0, -0.5, 0.0 },
    { 1.0, 0.9, 1.0 },
    { 1.0, 1.4, 1.0 },
    { 1.0, 1.6, 2.0 },
    { 1.0, 50, 2.0 },
    /* Half-yearly: yearly (1 + r)² − 1 = 0, 3, 8. */
    { 0.5, 0.09, 0.0 },
    { 0.5, 4.0, 3.0 },
    { 0.5, 6.0, 8.0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double irr = NAN;
      gboolean multiple = FALSE;

      g_assert_true (irr_of (flows, 4, cases[i].dt, cases[i].preferred,
                             &irr, &multiple));
      g_assert_true (multiple);
      g_assert_cmpfloat_with_epsilon (irr, cases[i].expected, 1e-9);
    }
}

static void
test_irr_multiple_in_range (void)
{
  /* −(d − 1/1.1)(d − 1/1501): roots r = 0.1 and r = 1500, the latter out
   * of range, so one IRR and no "multiple". */
  double a = 1 / 1.1, b = 1 / 1501.0;
  const double flows[] = { -a * b, a + b, -1 };
  /* −1 + d − d² has no real root at all. */
  const double none[] = { -1, 1, -1 };
  double irr = NAN;
  gboolean multiple = TRUE;

  g_assert_true (irr_of (flows, 3, 1.0, 0.09, &irr, &multiple));
  g_assert_false (multiple);
  g_assert_cmpfloat_with_epsilon (irr, 0.1, 1e-9);

  g_assert_false (irr_of (none, 3, 1.0, 0.09, &irr, &multiple));
  g_assert_false (multiple);
  g_assert_true (isnan (irr));
}

static void
test_irr_close_roots (void)
{
  /* −(d − 1/1.10)(d − 1/1.12): IRRs 10 % and 12 %, closer together than
   * any coarse grid step, so they are only found through the dip of |NPV|
   * between them. */
  double a = 1 / 1.10, b = 1 / 1.12;
  const double flows[] = { -a * b, a + b, -1 };
  double irr = NAN;
  gboolean multiple = FALSE;

  g_assert_true (irr_of (flows, 3, 1.0, 0.09, &irr, &multiple));
  g_assert_true (multiple);
  g_assert_cmpfloat_with_epsilon (irr, 0.10, 1e-9);

  multiple = FALSE;
  g_assert_true (irr_of (flows, 3, 1.0, 0.2, &irr, &multiple));
  g_assert_true (multiple);
  g_assert_cmpfloat_with_epsilon (irr, 0.12, 1e-9);
}

static void
test_irr_out_of_range (void)
{
  const double too_high[] = { -1, 2000 };      /* r = 1999 */
  const double high[] = { -1, 1000.5 };        /* r = 999.5 */
  const double too_low[] = { -1, 0.0099 };     /* r = −0.9901 */
  const double low[] = { -1, 0.0101 };         /* r = −0.9899 */
  double irr = NAN;

  g_assert_false (irr_of (too_high, 2, 1.0, 0.09, &irr, NULL));
  g_assert_true (irr_of (high, 2, 1.0, 0.09, &irr, NULL));
  g_assert_cmpfloat_with_epsilon (irr, 999.5, 1e-9);
  g_assert_false (irr_of (too_low, 2, 1.0, 0.09, &irr, NULL));
  g_assert_true (irr_of (low, 2, 1.0, 0.09, &irr, NULL));
  g_assert_cmpfloat_with_epsilon (irr, -0.9899, 1e-12);

  /* Half-yearly: −1 + 2000 d² gives yearly r = 1999 again. */
  {
    const double half[] = { -1, 0, 2000 };
    g_assert_false (irr_of (half, 3, 0.5, 0.09, &irr, NULL));
  }
}

static void
test_irr_zeros (void)
{
  /* Leading zeros shift every flow by whole periods: same IRR. */
  const double flows[] = { 0, 0, -100, 39, 59, 55, 20, 0, 0 };
  double irr = NAN;
  gboolean multiple = TRUE;

  g_assert_true (irr_of (flows, G_N_ELEMENTS (flows), 1.0, 0.09, &irr, &multiple));
  g_assert_false (multiple);
  g_assert_cmpfloat_with_epsilon (irr, EXCEL_IRR, 1e-12);
}

static void
test_irr_non_finite (void)
{
  double flows[] = { -100, 39, 59, 55, 20 };
  double irr = 0;
  gboolean multiple = TRUE;

  flows[2] = NAN;
  g_assert_false (irr_of (flows, 5, 1.0, 0.09, &irr, &multiple));
  g_assert_true (isnan (irr));
  g_assert_false (multiple);

  flows[2] = INFINITY;
  g_assert_false (irr_of (flows, 5, 1.0, 0.09, &irr, &multiple));
  flows[2] = -INFINITY;
  g_assert_false (irr_of (flows, 5, 1.0, 0.09, &irr, &multiple));
}

static void
test_irr_extreme (void)
{
  double flows[G_N_ELEMENTS (excel_irr_flows)];
  double *lng;
  double irr = NAN;
  gboolean multiple = FALSE;

  /* Scale does not matter, however large or small. */
  for (guint i = 0; i < G_N_ELEMENTS (flows); i++)
    flows[i] = excel_irr_flows[i] * 1e300;
  g_assert_true (irr_of (flows, G_N_ELEMENTS (flows), 1.0, 0.09, &irr, NULL));
  g_assert_cmpfloat_with_epsilon (irr, EXCEL_IRR, 1e-12);

  for (guint i = 0; i < G_N_ELEMENTS (flows); i++)
    flows[i] = excel_irr_flows[i] * 1e-300;
  g_assert_true (irr_of (flows, G_N_ELEMENTS (flows), 1.0, 0.09, &irr, NULL));
  g_assert_cmpfloat_with_epsilon (irr, EXCEL_IRR, 1e-12);

  /* 401 yearly periods (longer than any stack buffer): with u = d^200,
   * −(u − 2)(u − 10⁻⁶).  Terms reach 100^400 near r = −0.99, beyond the
   * range of a double, and a pow()-based sum gives inf − inf.  Roots
   * (mpmath): r = 2^(−1/200) − 1 and 10^(6/200) − 1. */
  lng = g_new0 (double, 401);
  lng[0] = -2e-6;
  lng[200] = 2.000001;
  lng[400] = -1;

  g_assert_true (irr_of (lng, 401, 1.0, 0.09, &irr, &multiple));
  g_assert_true (multiple);
  g_assert_cmpfloat_with_epsilon (irr, 0.071519305237606417, 1e-10);

  g_assert_true (irr_of (lng, 401, 1.0, -0.01, &irr, &multiple));
  g_assert_true (multiple);
  g_assert_cmpfloat_with_epsilon (irr, -0.0034597371721321658, 1e-10);

  g_free (lng);
}

/* Flows with several sign changes whose partial sums still show where the
 * roots are (Norström's criterion): each side of r = 0 holds at most one. */
static void
test_irr_sign_changes_one_root (void)
{
  /* Partial sums −100 −40 −50 30 60: one IRR above 0, none below
   * (mpmath: 0.22033103298679391933). */
  const double up[] = { -100, 60, -10, 80, 30 };
  /* −1 + 0.5d − 2d² + d³ = (d − 2)(d² + 0.5): d = 2, r = −50 %. */
  const double down[] = { -1, 0.5, -2, 1 };
  double irr = NAN;
  gboolean multiple = TRUE;

  g_assert_true (irr_of (up, G_N_ELEMENTS (up), 1.0, 0.09, &irr, &multiple));
  g_assert_false (multiple);
  g_assert_cmpfloat_with_epsilon (irr, 0.22033103298679391933, 1e-12);

  multiple = TRUE;
  g_assert_true (irr_of (down, G_N_ELEMENTS (down), 1.0, 0.09, &irr, &multiple));
  g_assert_false (multiple);
  g_assert_cmpfloat_with_epsilon (irr, -0.5, 1e-12);
  /* Quarterly: the same root in d, yearly (1/2)^4 − 1. */
  g_assert_true (irr_of (down, G_N_ELEMENTS (down), 0.25, 0.09, &irr, &multiple));
  g_assert_cmpfloat_with_epsilon (irr, pow (0.5, 4.0) - 1, 1e-12);
}

static void
test_irr_sign_changes_no_root (void)
{
  /* 0.004d³ − d² + 0.5d − 1: three sign changes, one positive root in d
   * near 249, i.e. r ≈ −0.996, outside (−0.99, 1000]. */
  const double beyond[] = { -1, 0.5, -1, 0.004 };
  /* −1 + 0.5d − d² + 0.5d³ − d⁴ < 0 for every d > 0. */
  const double never[] = { -1, 0.5, -1, 0.5, -1 };
  double irr = 0;
  gboolean multiple = TRUE;

  g_assert_false (irr_of (beyond, G_N_ELEMENTS (beyond), 1.0, 0.09, &irr, &multiple));
  g_assert_true (isnan (irr));
  g_assert_false (multiple);
  g_assert_false (irr_of (never, G_N_ELEMENTS (never), 1.0, 0.09, &irr, &multiple));
  g_assert_true (isnan (irr));
  g_assert_false (multiple);
}

static void
test_irr_roots_both_sides (void)
{
  /* 1.6 − 2.8d + d² = (d − 2)(d − 0.8): r = −50 % and r = 25 %. */
  const double flows[] = { 1.6, -2.8, 1 };
  /* 1 − 3d + 2d² = (1 − d)(1 − 2d): r = 0 (the flows sum to 0) and 100 %. */
  const double at_zero[] = { 1, -3, 2 };
  double irr = NAN;
  gboolean multiple = FALSE;

  g_assert_true (irr_of (flows, 3, 1.0, 0.09, &irr, &multiple));
  g_assert_true (multiple);
  g_assert_cmpfloat_with_epsilon (irr, 0.25, 1e-12);
  multiple = FALSE;
  g_assert_true (irr_of (flows, 3, 1.0, -0.3, &irr, &multiple));
  g_assert_true (multiple);
  g_assert_cmpfloat_with_epsilon (irr, -0.5, 1e-12);

  multiple = FALSE;
  g_assert_true (irr_of (at_zero, 3, 1.0, 0.09, &irr, &multiple));
  g_assert_true (multiple);
  g_assert_cmpfloat_with_epsilon (irr, 0.0, 1e-12);
  g_assert_true (irr_of (at_zero, 3, 1.0, 0.8, &irr, &multiple));
  g_assert_cmpfloat_with_epsilon (irr, 1.0, 1e-12);
}

/* Every root of short random flows, found by a fine scan with bisection
 * on the NPV itself: the IRR is the one nearest the preferred rate and
 * "multiple" says whether there are several.  Cases with roots too close
 * for the reference to tell apart are skipped. */
static void
test_irr_random_against_scan (void)
{
  const guint grid = 20000;
  const double x_lo = log (0.01), x_hi = log (1001.0);
  g_autoptr(GRand) rand = g_rand_new_with_seed (13);
  guint checked = 0;

  for (guint i = 0; i < 3000; i++)
    {
      double flows[8];
      double roots[64];
      guint n_roots = 0;
      gsize n = g_rand_int_range (rand, 2, 9);
      double dt = i % 2 ? 1.0 : 0.25;
      double preferred = g_rand_double_range (rand, -0.5, 1.5);
      double prev_x = 0, prev_f = 0, irr = NAN, best = NAN, min_gap = INFINITY;
      gboolean multiple = FALSE, found;

      for (gsize t = 0; t < n; t++)
        flows[t] = g_rand_double_range (rand, -10, 10);

      for (guint k = 1; k <= grid; k++)
        {
          double x = x_lo + (x_hi - x_lo) * k / grid;
          double f = bk_finance_npv (expm1 (dt * x), flows, n);

          if (k > 1 && (f == 0 || (prev_f < 0) != (f < 0)) && n_roots < 64)
            {
              double a = prev_x, b = x, fa = prev_f;

              for (guint s = 0; s < 100; s++)
                {
                  double m = 0.5 * (a + b);
                  double fm = bk_finance_npv (expm1 (dt * m), flows, n);

                  if ((fm < 0) == (fa < 0))
                    {
                      a = m;
                      fa = fm;
                    }
                  else
                    b = m;
                }
              roots[n_roots++] = expm1 (0.5 * (a + b));
            }
          prev_x = x;
          prev_f = f;
        }

      for (guint r = 0; r < n_roots; r++)
        {
          if (r > 0)
            min_gap = MIN (min_gap, log1p (roots[r]) - log1p (roots[r - 1]));
          if (r == 0 || fabs (roots[r] - preferred) < fabs (best - preferred))
            best = roots[r];
        }
      /* Roots closer than a few grid steps may be hidden in one step. */
      if (min_gap < 1e-2)
        continue;

      found = irr_of (flows, n, dt, preferred, &irr, &multiple);
      g_assert_cmpint (found, ==, n_roots > 0);
      if (!found)
        continue;
      g_assert_cmpint (multiple, ==, n_roots > 1);
      g_assert_cmpfloat_with_epsilon (irr, best, 1e-9 * MAX (1, fabs (best)));
      checked++;
    }

  /* Most cases are clear enough to check. */
  g_assert_cmpuint (checked, >, 1000);
}

static void
test_payback_interpolation (void)
{
  const double a[] = { -10, 4, 4, 4 };      /* cum −10 −6 −2 2 */
  const double exact[] = { -10, 5, 5 };     /* cum reaches exactly 0 */
  const double b[] = { -10, 10.5 };
  const double late[] = { 5, -10, 8, 4 };   /* cum 5 −5 3 */
  const double first[] = { -10, 20, -30, 40 };
  double years = NAN;

  g_assert_true (bk_finance_payback (a, 4, 1.0, &years));
  g_assert_cmpfloat_with_epsilon (years, 3.5, 1e-12);
  g_assert_true (bk_finance_payback (a, 4, 0.25, &years));
  g_assert_cmpfloat_with_epsilon (years, 0.875, 1e-12);
  g_assert_true (bk_finance_payback (a, 4, 0.5, &years));
  g_assert_cmpfloat_with_epsilon (years, 1.75, 1e-12);

  g_assert_true (bk_finance_payback (exact, 3, 1.0, &years));
  g_assert_cmpfloat_with_epsilon (years, 3.0, 1e-12);

  g_assert_true (bk_finance_payback (b, 2, 1.0, &years));
  g_assert_cmpfloat_with_epsilon (years, 1 + 10 / 10.5, 1e-12);

  g_assert_true (bk_finance_payback (late, 4, 1.0, &years));
  g_assert_cmpfloat_with_epsilon (years, 2.625, 1e-12);

  /* The first recovery counts, not a later one. */
  g_assert_true (bk_finance_payback (first, 4, 1.0, &years));
  g_assert_cmpfloat_with_epsilon (years, 1.5, 1e-12);
}

static void
test_payback_never_negative (void)
{
  const double zero[] = { 0, 0 };
  const double pos[] = { 5, -3, 2 };        /* cum 5 2 4 */
  double years = NAN;

  g_assert_true (bk_finance_payback (NULL, 0, 1.0, &years));
  g_assert_cmpfloat (years, ==, 0.0);
  years = NAN;
  g_assert_true (bk_finance_payback (zero, 2, 1.0, &years));
  g_assert_cmpfloat (years, ==, 0.0);
  years = NAN;
  g_assert_true (bk_finance_payback (pos, 3, 1.0, &years));
  g_assert_cmpfloat (years, ==, 0.0);
  years = NAN;
  g_assert_true (bk_finance_discounted_payback (pos, 3, 1.0, 0.1, &years));
  g_assert_cmpfloat (years, ==, 0.0);
}

static void
test_payback_never_recovers (void)
{
  const double a[] = { -10, 3, 3 };
  const double b[] = { 5, -10, 3 };
  double nan_flows[] = { -10, NAN, 20 };
  double years = 0;

  g_assert_false (bk_finance_payback (a, 3, 1.0, &years));
  g_assert_true (isnan (years));
  g_assert_false (bk_finance_payback (b, 3, 1.0, &years));
  g_assert_false (bk_finance_discounted_payback (a, 3, 1.0, 0.1, &years));
  g_assert_false (bk_finance_payback (nan_flows, 3, 1.0, &years));
  g_assert_false (bk_finance_discounted_payback (nan_flows, 3, 1.0, 0.1, &years));
}

static void
test_payback_worked_example (void)
{
  double years = NAN;
  gsize n = G_N_ELEMENTS (worked_fcf);

  /* MODEL.md: 2.474542; on the rounded fcf 2 + 16.7493 / 35.2957. */
  g_assert_true (bk_finance_payback (worked_fcf, n, 1.0, &years));
  g_assert_cmpfloat_with_epsilon (years, 2.474542, 1e-4);
  g_assert_cmpfloat_with_epsilon (years, 2 + 16.7493 / 35.2957, 1e-12);

  /* MODEL.md: 2.545044; mpmath on the rounded fcf 2.54504477883. */
  g_assert_true (bk_finance_discounted_payback (worked_fcf, n, 1.0, 0.09, &years));
  g_assert_cmpfloat_with_epsilon (years, 2.545044, 1e-4);
  g_assert_cmpfloat_with_epsilon (years, 2.54504477883, 1e-9);
}

static void
test_discounted_payback (void)
{
  /* Discounted at 10 %: −90.909, 49.587, 45.079; cum −90.909 −41.322 3.757,
   * so 2 + (50 / 1.21) / (60 / 1.331) = 2 + 11/12. */
  const double a[] = { -100, 60, 60 };
  const double b[] = { -100, 50, 55 };
  const double c[] = { -10, 4, 4, 4 };
  double years = NAN, plain = NAN;

  g_assert_true (bk_finance_discounted_payback (a, 3, 1.0, 0.1, &years));
  g_assert_cmpfloat_with_epsilon (years, 35.0 / 12.0, 1e-12);
  g_assert_true (bk_finance_discounted_payback (a, 3, 0.5, 0.1, &years));
  g_assert_cmpfloat_with_epsilon (years, 35.0 / 24.0, 1e-12);

  /* Pays back undiscounted, not discounted. */
  g_assert_true (bk_finance_payback (b, 3, 1.0, &plain));
  g_assert_cmpfloat_with_epsilon (plain, 2 + 50.0 / 55.0, 1e-12);
  g_assert_false (bk_finance_discounted_payback (b, 3, 1.0, 0.1, &years));

  /* Rate 0 is the plain payback. */
  g_assert_true (bk_finance_discounted_payback (c, 4, 1.0, 0.0, &years));
  g_assert_cmpfloat_with_epsilon (years, 3.5, 1e-12);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/finance/npv/spreadsheet", test_npv_spreadsheet);
  g_test_add_func ("/finance/npv/edge", test_npv_edge);
  g_test_add_func ("/finance/npv/worked-example", test_npv_worked_example);
  g_test_add_func ("/finance/irr/spreadsheet", test_irr_spreadsheet);
  g_test_add_func ("/finance/irr/worked-example", test_irr_worked_example);
  g_test_add_func ("/finance/irr/sub-yearly", test_irr_sub_yearly);
  g_test_add_func ("/finance/irr/npv-zero", test_irr_npv_zero);
  g_test_add_func ("/finance/irr/no-sign-change", test_irr_no_sign_change);
  g_test_add_func ("/finance/irr/multiple", test_irr_multiple);
  g_test_add_func ("/finance/irr/multiple-in-range", test_irr_multiple_in_range);
  g_test_add_func ("/finance/irr/close-roots", test_irr_close_roots);
  g_test_add_func ("/finance/irr/out-of-range", test_irr_out_of_range);
  g_test_add_func ("/finance/irr/zeros", test_irr_zeros);
  g_test_add_func ("/finance/irr/non-finite", test_irr_non_finite);
  g_test_add_func ("/finance/irr/extreme", test_irr_extreme);
  g_test_add_func ("/finance/irr/sign-changes-one-root", test_irr_sign_changes_one_root);
  g_test_add_func ("/finance/irr/sign-changes-no-root", test_irr_sign_changes_no_root);
  g_test_add_func ("/finance/irr/roots-both-sides", test_irr_roots_both_sides);
  g_test_add_func ("/finance/irr/random-against-scan", test_irr_random_against_scan);
  g_test_add_func ("/finance/payback/interpolation", test_payback_interpolation);
  g_test_add_func ("/finance/payback/never-negative", test_payback_never_negative);
  g_test_add_func ("/finance/payback/never-recovers", test_payback_never_recovers);
  g_test_add_func ("/finance/payback/worked-example", test_payback_worked_example);
  g_test_add_func ("/finance/payback/discounted", test_discounted_payback);

  return g_test_run ();
}
