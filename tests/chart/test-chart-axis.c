/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-chart-axis.c — nice ticks and unit-aware labels, on their own */

#include <glib.h>
#include <locale.h>
#include <math.h>

#include "bk-chart-axis.h"

/* 1, 2 or 5 × 10^k */
static gboolean
is_nice_step (double step)
{
  double mag = pow (10.0, floor (log10 (step) + 1e-9));
  double f = step / mag;

  return fabs (f - 1) < 1e-9 || fabs (f - 2) < 1e-9 || fabs (f - 5) < 1e-9;
}

static gboolean
is_multiple (double v,
             double step)
{
  double q = v / step;
  return fabs (q - round (q)) < 1e-6;
}

static void
test_ticks_examples (void)
{
  BkChartTicks t;

  bk_chart_ticks_compute (0, 187, 4, &t);
  g_assert_cmpfloat_with_epsilon (t.min, 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (t.max, 200, 1e-9);
  g_assert_cmpfloat_with_epsilon (t.step, 50, 1e-9);
  g_assert_cmpuint (t.n_ticks, ==, 5);

  bk_chart_ticks_compute (0, 187, 8, &t);
  g_assert_cmpfloat_with_epsilon (t.step, 20, 1e-9);
  g_assert_cmpfloat_with_epsilon (t.max, 200, 1e-9);
  g_assert_cmpuint (t.n_ticks, ==, 11);

  /* Spanning zero: zero is a tick */
  bk_chart_ticks_compute (-61.7, 182.4, 5, &t);
  g_assert_cmpfloat_with_epsilon (t.step, 50, 1e-9);
  g_assert_cmpfloat_with_epsilon (t.min, -100, 1e-9);
  g_assert_cmpfloat_with_epsilon (t.max, 200, 1e-9);

  /* Fractions (market share) */
  bk_chart_ticks_compute (0, 0.37, 4, &t);
  g_assert_cmpfloat_with_epsilon (t.step, 0.1, 1e-12);
  g_assert_cmpfloat_with_epsilon (t.max, 0.4, 1e-12);

  /* Degenerate ranges widen instead of dividing by zero */
  bk_chart_ticks_compute (0, 0, 5, &t);
  g_assert_cmpfloat (t.max, >, t.min);
  bk_chart_ticks_compute (42, 42, 5, &t);
  g_assert_cmpfloat (t.min, <=, 42);
  g_assert_cmpfloat (t.max, >=, 42);
  g_assert_cmpfloat (t.max, >, t.min);
  bk_chart_ticks_compute (NAN, 3, 5, &t);
  g_assert_true (isfinite (t.min) && isfinite (t.max) && t.max > t.min);
}

static void
test_ticks_properties (void)
{
  GRand *rand = g_rand_new_with_seed (20240601);

  for (guint i = 0; i < 5000; i++)
    {
      double scale = pow (10.0, g_rand_double_range (rand, -3, 6));
      double a = g_rand_double_range (rand, -1, 1) * scale;
      double b = g_rand_double_range (rand, -1, 1) * scale;
      double lo = MIN (a, b), hi = MAX (a, b);
      guint target = g_rand_int_range (rand, 2, 11);
      BkChartTicks t;

      bk_chart_ticks_compute (lo, hi, target, &t);

      g_assert_true (is_nice_step (t.step));
      g_assert_cmpfloat (t.min, <=, lo + fabs (lo) * 1e-12);
      g_assert_cmpfloat (t.max, >=, hi - fabs (hi) * 1e-12);
      g_assert_true (is_multiple (t.min, t.step));
      g_assert_true (is_multiple (t.max, t.step));
      g_assert_cmpuint (t.n_ticks, ==, (guint) lround ((t.max - t.min) / t.step) + 1);
      /* Not absurdly many or few: within the 1-2-5 ladder of the target */
      g_assert_cmpuint (t.n_ticks, >=, 2);
      g_assert_cmpuint (t.n_ticks, <=, 2 * target + 3);
      if (lo < 0 && hi > 0)
        g_assert_true (is_multiple (0 - t.min, t.step));
    }

  g_rand_free (rand);
}

static void
check_format (BkChartUnit  unit,
              double       value,
              double       step,
              const char  *expected)
{
  g_autofree char *s = bk_chart_format_value (unit, value, step);
  g_assert_cmpstr (s, ==, expected);
}

static void
test_format_values (void)
{
  check_format (BK_CHART_UNIT_USD_BILLIONS, 120, 20, "$120B");
  check_format (BK_CHART_UNIT_USD_BILLIONS, 1500, 500, "$1.5T");
  check_format (BK_CHART_UNIT_USD_BILLIONS, 1000, 200, "$1T");
  check_format (BK_CHART_UNIT_USD_BILLIONS, 1200, 200, "$1.2T");
  check_format (BK_CHART_UNIT_USD_BILLIONS, 2.5, 0.5, "$2.5B");
  check_format (BK_CHART_UNIT_USD_BILLIONS, 3, 0.5, "$3.0B");
  check_format (BK_CHART_UNIT_USD_BILLIONS, -50, 50, "\xe2\x88\x92$50B");
  check_format (BK_CHART_UNIT_USD_BILLIONS, 0, 50, "$0");
  check_format (BK_CHART_UNIT_TOKENS_PER_DAY, 40, 10, "40T/day");
  check_format (BK_CHART_UNIT_TOKENS_PER_DAY, 2.5, 0.5, "2.5T/day");
  check_format (BK_CHART_UNIT_PERCENT, 0.35, 0.05, "35%");
  check_format (BK_CHART_UNIT_PERCENT, 0.355, 0.005, "35.5%");
  check_format (BK_CHART_UNIT_PERCENT, -0.1, 0.1, "\xe2\x88\x92" "10%");
  check_format (BK_CHART_UNIT_YEARS, 2.5, 0.5, "2.5 y");
  check_format (BK_CHART_UNIT_NUMBER, 0.30000000000000004, 0.1, "0.3");
  /* A tick computed as 1e-17 instead of zero has no sign */
  check_format (BK_CHART_UNIT_NUMBER, -1e-17, 0.1, "0");
}

static void
test_format_short_exact (void)
{
  struct {
    BkChartUnit unit;
    double      value;
    const char *short_text;
    const char *exact_text;
  } cases[] = {
    { BK_CHART_UNIT_USD_BILLIONS, 142.0, "$142B", "$142B" },
    { BK_CHART_UNIT_USD_BILLIONS, -18.5, "\xe2\x88\x92$18.5B", "\xe2\x88\x92$18.5B" },
    { BK_CHART_UNIT_USD_BILLIONS, 123.456, "$123B", "$123.46B" },
    { BK_CHART_UNIT_USD_BILLIONS, 1234.5, "$1.23T", "$1.2345T" },
    { BK_CHART_UNIT_PERCENT, 0.31, "31%", "31%" },
    { BK_CHART_UNIT_PERCENT, 0.3527, "35.3%", "35.27%" },
    { BK_CHART_UNIT_TOKENS_PER_DAY, 40, "40T/day", "40T/day" },
    { BK_CHART_UNIT_YEARS, 6.25, "6.25 y", "6.25 y" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *s = bk_chart_format_short (cases[i].unit, cases[i].value);
      g_autofree char *e = bk_chart_format_exact (cases[i].unit, cases[i].value);

      g_assert_cmpstr (s, ==, cases[i].short_text);
      g_assert_cmpstr (e, ==, cases[i].exact_text);
    }
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/axis/ticks-examples", test_ticks_examples);
  g_test_add_func ("/chart/axis/ticks-properties", test_ticks_properties);
  g_test_add_func ("/chart/axis/format-values", test_format_values);
  g_test_add_func ("/chart/axis/format-short-exact", test_format_short_exact);

  return g_test_run ();
}
