/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-engine.c — the ROI engine against MODEL.md's worked example and the
 * properties an analyst relies on. */

#include "config.h"

#include <math.h>
#include <string.h>

#include "bk-engine.h"
#include "bk-json.h"
#include "bk-workbook-private.h"

static BkWorkbook *
load (const char *name)
{
  g_autofree char *path = g_build_filename (TOP_SRCDIR, name, NULL);
  g_autoptr(GError) error = NULL;
  BkWorkbook *wb = bk_json_read_workbook_file (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (wb);
  return wb;
}

static BkWorkbook *
parse (const char *json)
{
  g_autoptr(GError) error = NULL;
  BkWorkbook *wb = bk_json_read_workbook (json, -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (wb);
  return wb;
}

static void
assert_rel (double actual,
            double expected,
            double tolerance)
{
  double scale = MAX (fabs (expected), 1.0);

  if (fabs (actual - expected) > tolerance * scale)
    g_error ("expected %.17g, got %.17g (tolerance %g)", expected, actual, tolerance);
}

/* Full-precision values from this engine's run of the MODEL.md formulas,
 * checked below against the rounded figures MODEL.md publishes. */
static const double golden_revenue[] = {
  0, 19.51912421052631, 51.92087039999999, 36.34460927999999, 25.44122649599999, 17.808858547199993,
};
static const double golden_fcf[] = {
  -10, -6.749289903157898, 35.29571904202105, 24.836259699941046, 17.51463816048505, 12.389503082865847,
};
static const double golden_capacity_tokens[] = {
  0, 13942.231578947367, 52980.479999999996, 52980.479999999996, 52980.479999999996, 52980.479999999996,
};

static void
test_worked_example (void)
{
  g_autoptr(BkWorkbook) wb = load ("tests/data/worked-example.json");
  g_autoptr(BkResults) results = bk_engine_compute (wb, BK_SCENARIO_BASE);
  const BkMetrics *m;
  /* MODEL.md's table, rounded as published */
  static const double price[] = { 2.0, 1.4, 0.98, 0.686, 0.4802, 0.33614 };
  static const double capacity_mw[] = { 0, 263.1579, 789.4737, 789.4737, 789.4737, 789.4737 };
  static const double capacity_tokens[] = { 0, 13942.2316, 52980.48, 52980.48, 52980.48, 52980.48 };
  static const double demand[] = { 9125, 36500, 116800, 140160, 168192, 201830.4 };
  static const double revenue[] = { 0, 19.5191, 51.9209, 36.3446, 25.4412, 17.8089 };
  static const double depreciation[] = { 0, 1.2667, 3.8, 3.8, 3.8, 3.8 };
  static const double fcf[] = { -10, -6.7493, 35.2957, 24.8363, 17.5146, 12.3895 };
  static const double cum_fcf[] = { -10, -16.7493, 18.5464, 43.3827, 60.8973, 73.2868 };

  g_assert_cmpuint (bk_results_get_n_periods (results), ==, 6);
  g_assert_cmpuint (bk_results_get_n_input_periods (results), ==, 3);
  m = bk_results_get_company (results, 0);

  for (guint t = 0; t < 6; t++)
    {
      g_assert_cmpfloat_with_epsilon (m->series[BK_SERIES_PRICE][t], price[t], 0.5e-5);
      g_assert_cmpfloat_with_epsilon (m->series[BK_SERIES_CAPACITY_MW][t], capacity_mw[t], 0.5e-4);
      g_assert_cmpfloat_with_epsilon (m->series[BK_SERIES_CAPACITY_TOKENS][t], capacity_tokens[t], 0.5e-4);
      g_assert_cmpfloat_with_epsilon (m->series[BK_SERIES_DEMAND_TOKENS][t], demand[t], 0.5e-4);
      g_assert_cmpfloat_with_epsilon (m->series[BK_SERIES_REVENUE][t], revenue[t], 0.5e-4);
      g_assert_cmpfloat_with_epsilon (m->series[BK_SERIES_DEPRECIATION][t], depreciation[t], 0.5e-4);
      g_assert_cmpfloat_with_epsilon (m->series[BK_SERIES_FCF][t], fcf[t], 0.5e-4);
      g_assert_cmpfloat_with_epsilon (m->series[BK_SERIES_CUM_FCF][t], cum_fcf[t], 0.5e-4);

      assert_rel (m->series[BK_SERIES_REVENUE][t], golden_revenue[t], 1e-9);
      assert_rel (m->series[BK_SERIES_FCF][t], golden_fcf[t], 1e-9);
      assert_rel (m->series[BK_SERIES_CAPACITY_TOKENS][t], golden_capacity_tokens[t], 1e-9);
    }

  g_assert_cmpfloat_with_epsilon (m->npv, 48.765118, 0.5e-6);
  g_assert_cmpfloat_with_epsilon (m->irr, 1.002390, 0.5e-6);
  g_assert_false (m->irr_multiple);
  g_assert_cmpfloat_with_epsilon (m->roi, 2.442894, 0.5e-6);
  g_assert_cmpfloat_with_epsilon (m->payback_years, 2.474542, 0.5e-6);
  g_assert_cmpfloat_with_epsilon (m->discounted_payback_years, 2.545044, 0.5e-6);

  /* One company: the total is that company. */
  for (guint t = 0; t < 6; t++)
    assert_rel (bk_results_get_total (results)->series[BK_SERIES_FCF][t], golden_fcf[t], 1e-12);
  assert_rel (bk_results_get_total (results)->npv, m->npv, 1e-12);
  assert_rel (bk_results_get_total (results)->irr, m->irr, 1e-9);
}

/* The worked example at half-year granularity: periods of 0.5 years, the
 * same yearly rates.  Checked against the formulas evaluated by hand for
 * the first periods. */
static const char half_json[] =
  "{\"format\":\"breakeven-workbook\",\"version\":1,\"granularity\":\"half\",\"first_period\":\"2024H1\","
  "\"periods\":4,\"markets\":[{\"id\":\"g\",\"name\":\"G\"}],"
  "\"companies\":[{\"id\":\"a\",\"name\":\"A\",\"market\":\"g\"}],"
  "\"series\":{\"capex\":{\"a\":[10,null,20]},\"backlog\":{\"a\":[30]},\"share\":{\"a\":[0.5]},"
  "\"tokens\":{\"g\":[50,100,200,400]}},"
  "\"assumptions\":{\"extra_years\":1,\"tokens_per_joule\":4,\"price_per_mtok\":2}}";

static void
test_half_year (void)
{
  g_autoptr(BkWorkbook) wb = parse (half_json);
  g_autoptr(BkResults) results = bk_engine_compute (wb, BK_SCENARIO_BASE);
  const BkMetrics *m = bk_results_get_company (results, 0);
  double delta = 0.5, s = 365 * delta * 86400;
  double mw0 = 10 * 1000 / 38.0;
  double cap2;

  /* M = 4 + 1 year × 2 */
  g_assert_cmpuint (bk_results_get_n_periods (results), ==, 6);

  /* L = round(1 / 0.5) = 2: vintage 0 serves from period 2 */
  g_assert_cmpfloat (m->series[BK_SERIES_CAPACITY_MW][1], ==, 0);
  assert_rel (m->series[BK_SERIES_CAPACITY_MW][2], mw0, 1e-12);
  cap2 = mw0 * 1e6 * 4 * 0.7 * 0.6 * s / 1e12;
  assert_rel (m->series[BK_SERIES_CAPACITY_TOKENS][2], cap2, 1e-12);

  /* price_t = 2 × 0.7^(t·0.5) */
  assert_rel (m->series[BK_SERIES_PRICE][3], 2 * pow (0.7, 1.5), 1e-12);

  /* demand: tokens × share × 365Δ; backlog 30 carried forward */
  assert_rel (m->series[BK_SERIES_DEMAND_TOKENS][1], 100 * 0.5 * 182.5, 1e-12);
  /* tail: 400 × 1.2^(j·0.5) */
  assert_rel (m->series[BK_SERIES_DEMAND_TOKENS][5], 400 * pow (1.2, 1.0) * 0.5 * 182.5, 1e-12);

  /* revenue in period 2: min(demand value + conversion × Δ × backlog, capacity value) */
  {
    double price = 2 * pow (0.7, 1.0);
    double want = MIN (200 * 0.5 * 182.5 * price / 1000 + 0.25 * 0.5 * 30, cap2 * price / 1000);

    assert_rel (m->series[BK_SERIES_REVENUE][2], want, 1e-12);
  }

  /* depreciation: n_it = 12 periods, n_fac = 30 */
  assert_rel (m->series[BK_SERIES_DEPRECIATION][2], 10 * 0.6 / 12 + 10 * 0.4 / 30, 1e-12);

  /* NPV uses the period rate (1.09)^0.5 − 1 */
  {
    double rp = pow (1.09, 0.5) - 1, npv = 0;

    for (guint t = 0; t < 6; t++)
      npv += m->series[BK_SERIES_FCF][t] / pow (1 + rp, t + 1);
    assert_rel (m->npv, npv, 1e-9);
  }

  /* IRR is yearly: discounting the flows at it gives zero */
  if (!isnan (m->irr))
    {
      double sum = 0;

      for (guint t = 0; t < 6; t++)
        sum += m->series[BK_SERIES_FCF][t] * pow (1 + m->irr, -(t + 1.0) * delta);
      g_assert_cmpfloat_with_epsilon (sum, 0, 1e-6);
    }
}

static void
test_quarter_labels_and_lag (void)
{
  g_autoptr(BkWorkbook) wb = parse (
    "{\"format\":\"breakeven-workbook\",\"version\":1,\"granularity\":\"quarter\",\"first_period\":\"2024Q3\","
    "\"periods\":3,\"markets\":[{\"id\":\"g\"}],\"companies\":[{\"id\":\"a\",\"market\":\"g\"}],"
    "\"series\":{\"capex\":{\"a\":[4]},\"share\":{\"a\":[1]},\"tokens\":{\"g\":[10]}},"
    "\"assumptions\":{\"extra_years\":2,\"online_lag_years\":0.5}}");
  g_autoptr(BkResults) results = bk_engine_compute (wb, BK_SCENARIO_BASE);
  g_autofree char *label = bk_workbook_dup_period_label (wb, 10);
  const BkMetrics *m = bk_results_get_company (results, 0);

  g_assert_cmpuint (bk_results_get_n_periods (results), ==, 3 + 8);
  g_assert_cmpstr (label, ==, "2027Q1");
  /* L = 2 quarters */
  g_assert_cmpfloat (m->series[BK_SERIES_CAPACITY_MW][1], ==, 0);
  g_assert_cmpfloat (m->series[BK_SERIES_CAPACITY_MW][2], >, 0);
  /* IT life 6 years = 24 quarters: still in service at the end */
  g_assert_cmpfloat (m->series[BK_SERIES_CAPACITY_MW][10], ==, m->series[BK_SERIES_CAPACITY_MW][2]);
}

static void
test_it_life_ends_capacity (void)
{
  g_autoptr(BkWorkbook) wb = parse (
    "{\"format\":\"breakeven-workbook\",\"version\":1,\"granularity\":\"year\",\"first_period\":\"2024\","
    "\"periods\":1,\"markets\":[{\"id\":\"g\"}],\"companies\":[{\"id\":\"a\",\"market\":\"g\"}],"
    "\"series\":{\"capex\":{\"a\":[10]},\"share\":{\"a\":[1]},\"tokens\":{\"g\":[1000]}},"
    "\"assumptions\":{\"extra_years\":6,\"it_life_years\":3,\"facility_life_years\":4}}");
  g_autoptr(BkResults) results = bk_engine_compute (wb, BK_SCENARIO_BASE);
  const BkMetrics *m = bk_results_get_company (results, 0);

  /* in service in 1 ≤ t < 4; facility depreciates in 1 ≤ t < 5 */
  g_assert_cmpfloat (m->series[BK_SERIES_CAPACITY_MW][0], ==, 0);
  g_assert_cmpfloat (m->series[BK_SERIES_CAPACITY_MW][3], >, 0);
  g_assert_cmpfloat (m->series[BK_SERIES_CAPACITY_MW][4], ==, 0);
  assert_rel (m->series[BK_SERIES_DEPRECIATION][3], 10 * 0.6 / 3 + 10 * 0.4 / 4, 1e-12);
  assert_rel (m->series[BK_SERIES_DEPRECIATION][4], 10 * 0.4 / 4, 1e-12);
  g_assert_cmpfloat (m->series[BK_SERIES_DEPRECIATION][5], ==, 0);
  g_assert_cmpfloat (m->series[BK_SERIES_REVENUE][4], ==, 0);
}

/* Properties on the sample workbook */

static void
test_raising_price_never_lowers_revenue (void)
{
  g_autoptr(BkWorkbook) wb = load ("data/sample.json");
  g_autoptr(BkResults) before = bk_engine_compute (wb, BK_SCENARIO_BASE);
  g_autoptr(BkResults) after = NULL;
  gboolean some_higher = FALSE;

  double price = bk_workbook_get_assumption (wb, BK_SCENARIO_BASE, -1, BK_ASSUMPTION_PRICE_PER_MTOK);

  bk_workbook_put_assumption (wb, BK_SCENARIO_BASE, -1, BK_ASSUMPTION_PRICE_PER_MTOK, 1.5 * price);
  after = bk_engine_compute (wb, BK_SCENARIO_BASE);

  for (guint c = 0; c < bk_results_get_n_companies (before); c++)
    for (guint t = 0; t < bk_results_get_n_periods (before); t++)
      {
        double a = bk_results_get_company (before, c)->series[BK_SERIES_REVENUE][t];
        double b = bk_results_get_company (after, c)->series[BK_SERIES_REVENUE][t];

        g_assert_cmpfloat (b, >=, a);
        some_higher |= b > a;
      }
  g_assert_true (some_higher);
}

static void
test_zero_capex_zero_capacity (void)
{
  g_autoptr(BkWorkbook) wb = load ("data/sample.json");
  g_autoptr(BkResults) results = NULL;
  guint n = bk_workbook_get_n_periods (wb);

  for (guint p = 0; p < n; p++)
    bk_workbook_put_cell (wb, BK_TABLE_CAPEX, 0, p, 0, NULL);
  results = bk_engine_compute (wb, BK_SCENARIO_BASE);

  for (guint t = 0; t < bk_results_get_n_periods (results); t++)
    {
      const BkMetrics *m = bk_results_get_company (results, 0);

      g_assert_cmpfloat (m->series[BK_SERIES_CAPACITY_MW][t], ==, 0);
      g_assert_cmpfloat (m->series[BK_SERIES_CAPACITY_TOKENS][t], ==, 0);
      g_assert_cmpfloat (m->series[BK_SERIES_REVENUE][t], ==, 0);
      g_assert_cmpfloat (m->series[BK_SERIES_DEPRECIATION][t], ==, 0);
    }
  g_assert_true (isnan (bk_results_get_company (results, 0)->roi));
}

static void
assert_results_equal (BkResults *a,
                      BkResults *b)
{
  g_assert_cmpuint (bk_results_get_n_periods (a), ==, bk_results_get_n_periods (b));
  for (guint c = 0; c <= bk_results_get_n_companies (a); c++)
    {
      const BkMetrics *ma = c < bk_results_get_n_companies (a) ? bk_results_get_company (a, c) : bk_results_get_total (a);
      const BkMetrics *mb = c < bk_results_get_n_companies (b) ? bk_results_get_company (b, c) : bk_results_get_total (b);

      for (guint s = 0; s < BK_N_SERIES; s++)
        for (guint t = 0; t < bk_results_get_n_periods (a); t++)
          g_assert_cmpfloat (ma->series[s][t], ==, mb->series[s][t]);
      g_assert_true (ma->npv == mb->npv);
      g_assert_true (ma->irr == mb->irr || (isnan (ma->irr) && isnan (mb->irr)));
      g_assert_true (ma->payback_years == mb->payback_years ||
                     (isnan (ma->payback_years) && isnan (mb->payback_years)));
    }
}

static void
test_empty_scenario_equals_base (void)
{
  g_autoptr(BkWorkbook) wb = load ("data/sample.json");
  g_autoptr(BkResults) base = NULL;
  g_autoptr(BkResults) empty = NULL;

  bk_workbook_add_scenario (wb, 99, "Nothing changed");
  base = bk_engine_compute (wb, BK_SCENARIO_BASE);
  empty = bk_engine_compute (wb, bk_workbook_get_n_scenarios (wb));
  assert_results_equal (base, empty);
}

static void
test_scenarios_of_the_sample (void)
{
  g_autoptr(BkWorkbook) wb = load ("data/sample.json");
  g_autoptr(BkResults) base = bk_engine_compute (wb, BK_SCENARIO_BASE);
  int bear = bk_workbook_find_scenario (wb, "Bear — short GPU life, price war");
  int bull = bk_workbook_find_scenario (wb, "Bull — demand keeps compounding");
  int fomo = bk_workbook_find_scenario (wb, "FOMO CapEx");
  g_autoptr(BkResults) bear_r = NULL;
  g_autoptr(BkResults) bull_r = NULL;
  g_autoptr(BkResults) fomo_r = NULL;
  int msft = bk_workbook_find_company (wb, "msft");
  int baba = bk_workbook_find_company (wb, "baba");

  g_assert_cmpint (bear, >, 0);
  g_assert_cmpint (bull, >, 0);
  g_assert_cmpint (fomo, >, 0);
  bear_r = bk_engine_compute (wb, (guint) bear);
  bull_r = bk_engine_compute (wb, (guint) bull);
  fomo_r = bk_engine_compute (wb, (guint) fomo);

  /* Bear is worse and Bull better than Base in total */
  g_assert_cmpfloat (bk_results_get_total (bear_r)->npv, <, bk_results_get_total (base)->npv);
  g_assert_cmpfloat (bk_results_get_total (bull_r)->npv, >, bk_results_get_total (base)->npv);

  /* FOMO raises 2026 capex of Microsoft by 30% and leaves Alibaba's alone */
  assert_rel (bk_results_get_company (fomo_r, (guint) msft)->series[BK_SERIES_CAPEX][3],
              1.3 * bk_results_get_company (base, (guint) msft)->series[BK_SERIES_CAPEX][3], 1e-12);
  g_assert_cmpfloat (bk_results_get_company (fomo_r, (guint) baba)->series[BK_SERIES_CAPEX][3], ==,
                     bk_results_get_company (base, (guint) baba)->series[BK_SERIES_CAPEX][3]);
}

static void
test_totals (void)
{
  g_autoptr(BkWorkbook) wb = load ("data/sample.json");
  g_autoptr(BkResults) results = bk_engine_compute (wb, BK_SCENARIO_BASE);
  const BkMetrics *total = bk_results_get_total (results);
  double npv = 0;

  for (guint c = 0; c < bk_results_get_n_companies (results); c++)
    npv += bk_results_get_company (results, c)->npv;
  assert_rel (total->npv, npv, 1e-12);

  for (guint t = 0; t < bk_results_get_n_periods (results); t++)
    {
      double revenue = 0, fcf = 0;

      for (guint c = 0; c < bk_results_get_n_companies (results); c++)
        {
          revenue += bk_results_get_company (results, c)->series[BK_SERIES_REVENUE][t];
          fcf += bk_results_get_company (results, c)->series[BK_SERIES_FCF][t];
        }
      assert_rel (total->series[BK_SERIES_REVENUE][t], revenue, 1e-12);
      assert_rel (total->series[BK_SERIES_FCF][t], fcf, 1e-12);
      /* the total's price is the workbook price, not a sum */
      assert_rel (total->series[BK_SERIES_PRICE][t], bk_results_get_company (results, 0)->series[BK_SERIES_PRICE][t], 1e-12);
      g_assert_cmpfloat (total->series[BK_SERIES_UTILIZATION][t], <=, 1 + 1e-12);
    }
}

static void
test_company_override_only_moves_that_company (void)
{
  g_autoptr(BkWorkbook) wb = load ("data/sample.json");
  g_autoptr(BkResults) before = bk_engine_compute (wb, BK_SCENARIO_BASE);
  g_autoptr(BkResults) after = NULL;
  int orcl = bk_workbook_find_company (wb, "orcl");

  bk_workbook_put_assumption (wb, BK_SCENARIO_BASE, orcl, BK_ASSUMPTION_IT_LIFE_YEARS, 3);
  after = bk_engine_compute (wb, BK_SCENARIO_BASE);

  for (guint c = 0; c < bk_results_get_n_companies (before); c++)
    {
      double a = bk_results_get_company (before, c)->npv;
      double b = bk_results_get_company (after, c)->npv;

      if ((int) c == orcl)
        g_assert_cmpfloat (a, !=, b);
      else
        g_assert_cmpfloat (a, ==, b);
    }
}

static void
test_payback_matches_cumulative_fcf (void)
{
  g_autoptr(BkWorkbook) wb = load ("data/sample.json");
  g_autoptr(BkResults) results = bk_engine_compute (wb, BK_SCENARIO_BASE);

  for (guint c = 0; c < bk_results_get_n_companies (results); c++)
    {
      const BkMetrics *m = bk_results_get_company (results, c);
      double *cum = m->series[BK_SERIES_CUM_FCF];

      if (isnan (m->payback_years))
        {
          /* never recovers: cumulative FCF below zero at the end */
          g_assert_cmpfloat (cum[bk_results_get_n_periods (results) - 1], <, 0);
          continue;
        }
      if (m->payback_years > 0)
        {
          guint t = (guint) floor (m->payback_years);

          g_assert_cmpfloat (cum[t], >=, 0);
          g_assert_true (t == 0 || cum[t - 1] < 0);
        }
    }
}

/* A company with nothing invested (a row just inserted) has no payback:
 * "—" in the window and null in results JSON, not "0 years" (model.md) */
static void
test_empty_company_has_no_payback (void)
{
  g_autoptr(BkWorkbook) wb = parse (
    "{\"format\": \"breakeven-workbook\", \"version\": 1, \"granularity\": \"year\","
    " \"first_period\": \"2024\", \"periods\": 3,"
    " \"markets\": [{\"id\": \"global\", \"name\": \"Global\"}],"
    " \"companies\": [{\"id\": \"acme\", \"name\": \"Acme\", \"market\": \"global\"},"
    "                {\"id\": \"empty\", \"name\": \"Empty\", \"market\": \"global\"}],"
    " \"series\": {\"capex\": {\"acme\": [10, 20, null]}, \"backlog\": {},"
    "            \"share\": {\"acme\": [0.5, 0.5, 0.4]}, \"tokens\": {\"global\": [50, 200, 800]}}}");
  g_autoptr(BkResults) results = bk_engine_compute (wb, BK_SCENARIO_BASE);
  const BkMetrics *acme = bk_results_get_company (results, 0);
  const BkMetrics *empty = bk_results_get_company (results, 1);
  g_autofree char *json = NULL;
  const char *entry;

  g_assert_true (isfinite (acme->payback_years));
  g_assert_cmpfloat (acme->payback_years, >, 0);
  g_assert_cmpfloat (empty->npv, ==, 0);
  g_assert_true (isnan (empty->payback_years));
  g_assert_true (isnan (empty->discounted_payback_years));
  g_assert_true (isnan (empty->roi));

  json = bk_json_write_results (wb, results);
  entry = strstr (json, "\"id\": \"empty\"");
  g_assert_nonnull (entry);
  g_assert_nonnull (strstr (entry, "\"payback_years\": null"));
  g_assert_nonnull (strstr (entry, "\"discounted_payback_years\": null"));
}

static void
test_recompute_into_reuses_and_matches (void)
{
  g_autoptr(BkWorkbook) wb = load ("data/sample.json");
  g_autoptr(BkResults) fresh = bk_engine_compute (wb, BK_SCENARIO_BASE);
  BkResults *reused = bk_engine_compute (wb, 1);
  const double *block = bk_results_get_company (reused, 0)->series[BK_SERIES_FCF];

  reused = bk_engine_compute_into (reused, wb, BK_SCENARIO_BASE);
  g_assert_true (bk_results_get_company (reused, 0)->series[BK_SERIES_FCF] == block);
  assert_results_equal (fresh, reused);
  bk_results_unref (reused);
}

/* Results are a boxed type whose copy is a reference: a copy held elsewhere
 * (a GValue, a signal argument) is never recomputed under its holder. */
static void
test_results_boxed_copy_is_shared (void)
{
  g_autoptr(BkWorkbook) wb = load ("data/sample.json");
  BkResults *results = bk_engine_compute (wb, BK_SCENARIO_BASE);
  g_auto(GValue) value = G_VALUE_INIT;
  BkResults *held;
  double npv = bk_results_get_total (results)->npv;

  g_assert_true (G_TYPE_IS_BOXED (BK_TYPE_RESULTS));
  g_assert_cmpstr (g_type_name (BK_TYPE_RESULTS), ==, "BkResults");

  g_value_init (&value, BK_TYPE_RESULTS);
  g_value_set_boxed (&value, results);
  held = g_value_get_boxed (&value);
  g_assert_true (held == results);

  bk_workbook_put_assumption (wb, BK_SCENARIO_BASE, -1, BK_ASSUMPTION_UTILIZATION, 0.9);
  results = bk_engine_compute_into (results, wb, BK_SCENARIO_BASE);
  g_assert_true (results != held);
  g_assert_cmpfloat (bk_results_get_total (held)->npv, ==, npv);
  g_assert_cmpfloat (bk_results_get_total (results)->npv, !=, npv);

  /* the last holder frees it; the new results are ours alone again */
  g_value_unset (&value);
  g_assert_true (bk_engine_compute_into (results, wb, BK_SCENARIO_BASE) == results);
  bk_results_unref (results);
}

static void
on_invalidated (BkEngine *engine,
                guint    *count)
{
  (*count)++;
}

static void
test_live_engine_coalesces (void)
{
  g_autoptr(BkWorkbook) wb = load ("data/sample.json");
  g_autoptr(BkEngine) engine = bk_engine_new (wb);
  BkResults *results;
  double npv;
  guint count = 0;

  g_signal_connect (engine, "invalidated", G_CALLBACK (on_invalidated), &count);
  results = bk_engine_get_results (engine);
  npv = bk_results_get_total (results)->npv;
  g_assert_false (bk_engine_is_stale (engine));

  bk_workbook_put_assumption (wb, BK_SCENARIO_BASE, -1, BK_ASSUMPTION_UTILIZATION, 0.9);
  bk_workbook_emit_changed (wb, BK_CHANGE_ASSUMPTIONS, -1, -1, -1, -1, -1);
  g_assert_cmpuint (count, ==, 1);
  g_assert_true (bk_engine_is_stale (engine));
  results = bk_engine_get_results (engine);
  g_assert_cmpfloat (bk_results_get_total (results)->npv, !=, npv);
  g_assert_false (bk_engine_is_stale (engine));

  bk_engine_set_scenario (engine, 1);
  g_assert_cmpuint (count, ==, 2);
  g_assert_cmpuint (bk_results_get_scenario (bk_engine_get_results (engine)), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/engine/worked-example", test_worked_example);
  g_test_add_func ("/engine/half-year", test_half_year);
  g_test_add_func ("/engine/quarter", test_quarter_labels_and_lag);
  g_test_add_func ("/engine/it-life", test_it_life_ends_capacity);
  g_test_add_func ("/engine/property/price-raises-revenue", test_raising_price_never_lowers_revenue);
  g_test_add_func ("/engine/property/zero-capex", test_zero_capex_zero_capacity);
  g_test_add_func ("/engine/property/empty-scenario-is-base", test_empty_scenario_equals_base);
  g_test_add_func ("/engine/sample-scenarios", test_scenarios_of_the_sample);
  g_test_add_func ("/engine/totals", test_totals);
  g_test_add_func ("/engine/company-override", test_company_override_only_moves_that_company);
  g_test_add_func ("/engine/payback", test_payback_matches_cumulative_fcf);
  g_test_add_func ("/engine/empty-company-no-payback", test_empty_company_has_no_payback);
  g_test_add_func ("/engine/compute-into", test_recompute_into_reuses_and_matches);
  g_test_add_func ("/engine/results-boxed", test_results_boxed_copy_is_shared);
  g_test_add_func ("/engine/live", test_live_engine_coalesces);

  return g_test_run ();
}
