/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-chart-summary.c — the sentences a screen reader says of a chart
 * (bk_chart_dup_summary()): values, extremes, subtitle, hidden series
 * left out, long lists cut */

#include <glib.h>
#include <locale.h>
#include <math.h>

#include "bk-chart.h"

static const char * const years[] = { "2025", "2026", "2027", "2028", NULL };
static const double capex[] = { 20, 80, 40, 60 };
static const double opex[] = { NAN, 10, 30, 70 };

static void
assert_summary (BkChart    *chart,
                const char *expected)
{
  g_autofree char *summary = bk_chart_dup_summary (chart);

  g_assert_cmpstr (summary, ==, expected);
}

static void
test_series_over_periods (void)
{
  g_autoptr(BkChart) chart = bk_chart_new (BK_CHART_KIND_LINE);

  bk_chart_set_title (chart, "Spend");
  bk_chart_set_subtitle (chart, "US$ billion, Base");
  bk_chart_set_unit (chart, BK_CHART_UNIT_USD_BILLIONS);
  bk_chart_set_categories (chart, years);
  bk_chart_add_series (chart, "Capex", capex, G_N_ELEMENTS (capex));
  bk_chart_add_series (chart, "Opex", opex, G_N_ELEMENTS (opex));
  /* A gap starts the series later */
  assert_summary (chart, "Spend: Capex $20B in 2025 to $60B in 2028, Opex $10B in 2026 to $70B in 2028. "
                         "Highest: Capex in 2026, $80B. Lowest: Opex in 2026, $10B. US$ billion, Base");

  /* A hidden series is not said */
  bk_chart_set_series_hidden (chart, 1, TRUE);
  assert_summary (chart, "Spend: 2025 $20B, 2026 $80B, 2027 $40B, 2028 $60B. "
                         "Highest: 2026, $80B. Lowest: 2025, $20B. US$ billion, Base");
}

static void
test_one_value_each (void)
{
  static const char * const one[] = { "NPV", NULL };
  g_autoptr(BkChart) bar = bk_chart_new (BK_CHART_KIND_BAR);
  g_autoptr(BkChart) donut = bk_chart_new (BK_CHART_KIND_DONUT);
  double npv[] = { -3.1 }, more[] = { 272.4 };

  bk_chart_set_title (bar, "NPV by company");
  bk_chart_set_unit (bar, BK_CHART_UNIT_USD_BILLIONS);
  bk_chart_set_categories (bar, one);
  bk_chart_add_series (bar, "Microsoft", npv, 1);
  bk_chart_add_series (bar, "Alphabet", more, 1);
  assert_summary (bar, "NPV by company: Microsoft −$3.1B, Alphabet $272B.");

  bk_chart_set_title (donut, "Share");
  bk_chart_set_unit (donut, BK_CHART_UNIT_PERCENT);
  npv[0] = 0.3, more[0] = 0.7;
  bk_chart_add_series (donut, "Microsoft", npv, 1);
  bk_chart_add_series (donut, "Others", more, 1);
  assert_summary (donut, "Share: Microsoft 30%, Others 70%.");
}

static void
test_steps_and_swings (void)
{
  g_autoptr(BkChart) waterfall = bk_chart_new (BK_CHART_KIND_WATERFALL);
  g_autoptr(BkChart) tornado = bk_chart_new (BK_CHART_KIND_TORNADO);

  bk_chart_set_title (waterfall, "To free cash flow");
  bk_chart_set_unit (waterfall, BK_CHART_UNIT_USD_BILLIONS);
  bk_chart_add_step (waterfall, "Revenue", 100, FALSE);
  bk_chart_add_step (waterfall, "Opex", -40, FALSE);
  bk_chart_add_step (waterfall, "Free cash flow", 60, TRUE);
  assert_summary (waterfall, "To free cash flow: Revenue +$100B, Opex −$40B, Free cash flow $60B.");

  bk_chart_set_title (tornado, "NPV sensitivity");
  bk_chart_set_unit (tornado, BK_CHART_UNIT_USD_BILLIONS);
  bk_chart_set_base_value (tornado, 10);
  bk_chart_add_swing (tornado, "Price", -5, 30, NULL, NULL);
  assert_summary (tornado, "NPV sensitivity: Price −$5B to $30B.");
}

static void
test_long_and_empty (void)
{
  g_autoptr(BkChart) chart = bk_chart_new (BK_CHART_KIND_DONUT);
  g_autoptr(BkChart) empty = bk_chart_new (BK_CHART_KIND_BAR);
  g_autofree char *summary = NULL;

  bk_chart_set_title (chart, "Many");
  for (guint i = 0; i < 15; i++)
    {
      g_autofree char *name = g_strdup_printf ("S%u", i);
      double value = i;

      bk_chart_add_series (chart, name, &value, 1);
    }
  summary = bk_chart_dup_summary (chart);
  g_assert_true (g_str_has_prefix (summary, "Many: S0 0, S1 1, "));
  g_assert_true (g_str_has_suffix (summary, ", S11 11, and 3 more."));

  bk_chart_set_title (empty, "Nothing");
  assert_summary (empty, "Nothing: no data.");
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/summary/series-over-periods", test_series_over_periods);
  g_test_add_func ("/chart/summary/one-value-each", test_one_value_each);
  g_test_add_func ("/chart/summary/steps-and-swings", test_steps_and_swings);
  g_test_add_func ("/chart/summary/long-and-empty", test_long_and_empty);

  return g_test_run ();
}
