/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-analysis.c — the engine snapshot with driver overrides, scenario
 * comparison, the tornado, goal seek and the breakeven map, checked against
 * plain recalculations of the same workbooks. */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>

#include "bk-breakeven-map.h"
#include "bk-compare.h"
#include "bk-engine.h"
#include "bk-document.h"
#include "bk-goal-seek.h"
#include "bk-goal-seek-apply.h"
#include "bk-json.h"
#include "bk-sensitivity.h"
#include "bk-workbook-private.h"

static char *tmp_dir;

static BkWorkbook *
load_worked_example (void)
{
  g_autofree char *path = g_build_filename (TOP_SRCDIR, "tests", "data", "worked-example.json", NULL);
  g_autoptr(GError) error = NULL;
  BkWorkbook *wb = bk_json_read_workbook_file (path, &error);

  g_assert_no_error (error);
  return wb;
}

static BkWorkbook *
load_sample (void)
{
  g_autoptr(GError) error = NULL;
  BkWorkbook *wb = bk_json_read_sample (&error);

  g_assert_no_error (error);
  return wb;
}

/* @metric of @company (-1 total) after a plain recalculation */
static double
recalc (BkWorkbook *wb,
        guint       scenario,
        int         company,
        BkMetric    metric)
{
  g_autoptr(BkResults) results = bk_engine_compute (wb, scenario);

  return bk_metric_get (bk_metric_get_row (results, company), metric);
}

/* Equal, or both NAN */
static void
assert_same (double a,
             double b)
{
  if (!(a == b || (isnan (a) && isnan (b))))
    g_error ("expected %.17g, got %.17g", b, a);
}

static void
assert_same_metrics (const BkMetrics *a,
                     const BkMetrics *b,
                     guint            n_periods)
{
  for (guint k = 0; k < BK_N_METRICS; k++)
    assert_same (bk_metric_get (a, k), bk_metric_get (b, k));
  for (guint s = 0; s < BK_N_SERIES; s++)
    for (guint t = 0; t < n_periods; t++)
      assert_same (a->series[s][t], b->series[s][t]);
}

/* Engine snapshot */

static void
test_inputs_match_engine (void)
{
  g_autoptr(BkWorkbook) wb = load_sample ();

  for (guint s = 0; s <= bk_workbook_get_n_scenarios (wb); s++)
    {
      g_autoptr(BkResults) plain = bk_engine_compute (wb, s);
      g_autoptr(BkEngineInputs) inputs = bk_engine_inputs_new (wb, s);
      g_autoptr(BkResults) snap = bk_engine_compute_inputs_into (NULL, inputs, NULL, 0, BK_ENGINE_FLAGS_NONE);
      guint m = bk_results_get_n_periods (plain);

      g_assert_cmpuint (bk_results_get_n_periods (snap), ==, m);
      for (guint c = 0; c < bk_workbook_get_n_companies (wb); c++)
        assert_same_metrics (bk_results_get_company (snap, c), bk_results_get_company (plain, c), m);
      assert_same_metrics (bk_results_get_total (snap), bk_results_get_total (plain), m);
    }
}

/* Setting Bear's drivers on Base inputs gives Bear (it overrides no cells). */
static void
test_overrides_give_scenario (void)
{
  g_autoptr(BkWorkbook) wb = load_sample ();
  int bear = bk_workbook_find_scenario (wb, "Bear — short GPU life, price war");
  g_autoptr(BkEngineInputs) base = bk_engine_inputs_new (wb, BK_SCENARIO_BASE);
  g_autoptr(BkResults) plain = NULL;
  g_autoptr(BkResults) set = NULL;
  g_autoptr(BkResults) no_irr = NULL;
  BkDriverOverride o[4];

  g_assert_cmpint (bear, >, 0);
  g_assert_cmpuint (bk_workbook_get_n_overrides (wb, bear), ==, 0);
  o[0] = (BkDriverOverride) { BK_ASSUMPTION_IT_LIFE_YEARS, BK_DRIVER_SET, 3 };
  o[1] = (BkDriverOverride) { BK_ASSUMPTION_PRICE_DECLINE, BK_DRIVER_SET, 0.6 };
  /* 0.7 × (0.55 / 0.7) is not exactly 0.55: set it */
  o[2] = (BkDriverOverride) { BK_ASSUMPTION_UTILIZATION, BK_DRIVER_SET, 0.55 };
  o[3] = (BkDriverOverride) { BK_ASSUMPTION_TAIL_GROWTH, BK_DRIVER_SET, 0.1 };

  plain = bk_engine_compute (wb, bear);
  set = bk_engine_compute_inputs_into (NULL, base, o, 4, BK_ENGINE_FLAGS_NONE);
  assert_same_metrics (bk_results_get_total (set), bk_results_get_total (plain), bk_results_get_n_periods (plain));
  g_assert_false (bk_results_get_total (set)->npv == recalc (wb, BK_SCENARIO_BASE, -1, BK_METRIC_NPV));

  /* Without IRR everything else stays the same */
  no_irr = bk_engine_compute_inputs_into (NULL, base, o, 4, BK_ENGINE_NO_IRR);
  g_assert_true (isnan (bk_results_get_total (no_irr)->irr));
  g_assert_cmpfloat (bk_results_get_total (no_irr)->npv, ==, bk_results_get_total (plain)->npv);
  assert_same (bk_results_get_total (no_irr)->payback_years, bk_results_get_total (plain)->payback_years);
  assert_same (bk_results_get_total (no_irr)->roi, bk_results_get_total (plain)->roi);
}

static void
test_overrides_clamp (void)
{
  g_autoptr(BkWorkbook) wb = load_worked_example ();
  g_autoptr(BkEngineInputs) inputs = bk_engine_inputs_new (wb, BK_SCENARIO_BASE);
  BkDriverOverride o[] = {
    { BK_ASSUMPTION_UTILIZATION, BK_DRIVER_SCALE, 2 },     /* 1.4 → 1 */
    { BK_ASSUMPTION_PUE, BK_DRIVER_SCALE, 0.5 },           /* 0.6 → 1 */
    { BK_ASSUMPTION_PRICE_DECLINE, BK_DRIVER_SET, 1.5 },   /* < 1 */
    { BK_ASSUMPTION_PRICE_PER_MTOK, BK_DRIVER_SCALE, 1.5 },
  };
  double a[BK_N_ASSUMPTIONS];
  g_autoptr(GError) error = NULL;

  bk_engine_inputs_get_assumptions (inputs, 0, o, G_N_ELEMENTS (o), a);
  g_assert_cmpfloat (a[BK_ASSUMPTION_UTILIZATION], ==, 1);
  g_assert_cmpfloat (a[BK_ASSUMPTION_PUE], ==, 1);
  g_assert_cmpfloat (a[BK_ASSUMPTION_PRICE_DECLINE], <, 1);
  g_assert_cmpfloat (a[BK_ASSUMPTION_PRICE_DECLINE], >, 0.999999);
  g_assert_cmpfloat (a[BK_ASSUMPTION_PRICE_PER_MTOK], ==, 3);
  g_assert_cmpfloat (a[BK_ASSUMPTION_TOKENS_PER_JOULE], ==, 4);
  g_assert_cmpfloat (bk_assumption_clamp (BK_ASSUMPTION_CAPEX_PER_MW, -5), >, 0);

  g_assert_true (bk_driver_check (BK_ASSUMPTION_TAIL_GROWTH, NULL));
  g_assert_false (bk_driver_check (BK_ASSUMPTION_EXTRA_YEARS, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "extra_years"));
}

/* A snapshot does not follow later changes of the workbook. */
static void
test_inputs_are_frozen (void)
{
  g_autoptr(BkWorkbook) wb = load_worked_example ();
  g_autoptr(BkEngineInputs) inputs = bk_engine_inputs_new (wb, BK_SCENARIO_BASE);
  double before = recalc (wb, BK_SCENARIO_BASE, 0, BK_METRIC_NPV);
  g_autoptr(BkResults) results = NULL;

  bk_workbook_put_assumption (wb, BK_SCENARIO_BASE, -1, BK_ASSUMPTION_PRICE_PER_MTOK, 5);
  bk_workbook_put_cell (wb, BK_TABLE_CAPEX, 0, 0, 99, NULL);
  g_assert_cmpfloat (recalc (wb, BK_SCENARIO_BASE, 0, BK_METRIC_NPV), !=, before);

  results = bk_engine_compute_inputs_into (NULL, inputs, NULL, 0, BK_ENGINE_FLAGS_NONE);
  g_assert_cmpfloat (bk_results_get_company (results, 0)->npv, ==, before);
}

/* Compare */

static void
test_compare (void)
{
  g_autoptr(BkWorkbook) wb = load_worked_example ();
  g_autoptr(BkComparison) cmp = NULL;
  const BkComparisonCell *cell;

  bk_workbook_add_scenario (wb, 0, "Cheap");
  bk_workbook_put_assumption (wb, 1, -1, BK_ASSUMPTION_PRICE_PER_MTOK, 1);
  bk_workbook_add_scenario (wb, 0, "Free");
  bk_workbook_put_assumption (wb, 2, -1, BK_ASSUMPTION_PRICE_PER_MTOK, 0);

  cmp = bk_comparison_new (wb);
  g_assert_cmpuint (cmp->n_scenarios, ==, 3);
  g_assert_cmpuint (cmp->n_companies, ==, 1);

  for (guint s = 0; s < 3; s++)
    for (int c = -1; c < 1; c++)
      for (guint k = 0; k < BK_N_METRICS; k++)
        {
          double value = recalc (wb, s, c, k);
          double base = recalc (wb, BK_SCENARIO_BASE, c, k);

          cell = bk_comparison_get (cmp, s, c, k);
          assert_same (cell->value, value);
          assert_same (cell->diff, value - base);
          if (isfinite (value) && isfinite (base) && base != 0)
            {
              g_assert_true (cell->has_fraction);
              g_assert_cmpfloat (cell->diff_fraction, ==, (value - base) / fabs (base));
            }
          else
            {
              g_assert_false (cell->has_fraction);
              g_assert_true (isnan (cell->diff_fraction));
            }
        }

  /* Base against itself */
  cell = bk_comparison_get (cmp, 0, -1, BK_METRIC_NPV);
  g_assert_cmpfloat (cell->diff, ==, 0);
  g_assert_cmpfloat (cell->diff_fraction, ==, 0);
  g_assert_cmpfloat_with_epsilon (cell->value, 48.765118, 1e-6);

  /* Half the price: worse NPV, negative difference */
  cell = bk_comparison_get (cmp, 1, 0, BK_METRIC_NPV);
  g_assert_cmpfloat (cell->diff, <, 0);
  g_assert_cmpfloat (cell->diff_fraction, <, 0);

  /* Free tokens: no revenue, no IRR and no payback — no difference either */
  cell = bk_comparison_get (cmp, 2, -1, BK_METRIC_IRR);
  g_assert_true (isnan (cell->value));
  g_assert_true (isnan (cell->diff));
  g_assert_false (cell->has_fraction);
  cell = bk_comparison_get (cmp, 2, -1, BK_METRIC_PAYBACK);
  g_assert_true (isnan (cell->value));
  g_assert_false (cell->has_fraction);
}

/* A Base of 0: difference, but no percentage */
static void
test_compare_zero_base (void)
{
  g_autoptr(BkWorkbook) wb = load_worked_example ();
  g_autoptr(BkComparison) cmp = NULL;
  const BkComparisonCell *cell;

  for (guint p = 0; p < bk_workbook_get_n_periods (wb); p++)
    bk_workbook_put_cell (wb, BK_TABLE_CAPEX, 0, p, NAN, NULL);
  bk_workbook_recompute_all (wb);
  bk_workbook_add_scenario (wb, 0, "Spend");
  bk_workbook_put_override (wb, 1, BK_TABLE_CAPEX, 0, 0, TRUE, 10, NULL);

  cmp = bk_comparison_new (wb);
  cell = bk_comparison_get (cmp, 0, 0, BK_METRIC_NPV);
  g_assert_cmpfloat (cell->value, ==, 0);
  cell = bk_comparison_get (cmp, 1, 0, BK_METRIC_NPV);
  g_assert_cmpfloat (cell->value, !=, 0);
  g_assert_cmpfloat (cell->diff, ==, cell->value);
  g_assert_false (cell->has_fraction);
  g_assert_true (isnan (cell->diff_fraction));
  /* ROI without capex does not exist */
  g_assert_true (isnan (bk_comparison_get (cmp, 0, 0, BK_METRIC_ROI)->value));
  g_assert_true (isnan (bk_comparison_get (cmp, 1, 0, BK_METRIC_ROI)->diff));
}

/* Sensitivity */

static gboolean
has_bar (GArray       *bars,
         BkAssumption  driver)
{
  for (guint i = 0; i < bars->len; i++)
    if (g_array_index (bars, BkSensitivityBar, i).driver == driver)
      return TRUE;
  return FALSE;
}

static const BkSensitivityBar *
find_bar (GArray       *bars,
          BkAssumption  driver)
{
  static BkSensitivityBar missing;

  for (guint i = 0; i < bars->len; i++)
    if (g_array_index (bars, BkSensitivityBar, i).driver == driver)
      return &g_array_index (bars, BkSensitivityBar, i);
  g_error ("no bar for %s", bk_assumption_get_key (driver));
  return &missing;
}

/* In the worked example every period is bound by capacity, so revenue is
 * capacity × price: inference share moves NPV more than utilization (which
 * also moves the power bill against it), while backlog conversion, tail
 * growth and the online lag (1 ± 20 % still rounds to one year) do not move
 * it at all. */
static void
test_sensitivity_ranking (void)
{
  g_autoptr(BkWorkbook) wb = load_worked_example ();
  g_autoptr(BkEngineInputs) inputs = bk_engine_inputs_new (wb, BK_SCENARIO_BASE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) bars = NULL;
  const BkSensitivityBar *bar, *last;
  double base = 0;

  bars = bk_sensitivity_run (inputs, BK_METRIC_NPV, -1, BK_SENSITIVITY_DEFAULT_SWING, &base, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bars->len, ==, BK_N_ASSUMPTIONS - 1);
  g_assert_false (has_bar (bars, BK_ASSUMPTION_EXTRA_YEARS));
  g_assert_cmpfloat (base, ==, recalc (wb, BK_SCENARIO_BASE, -1, BK_METRIC_NPV));

  for (guint i = 1; i < bars->len; i++)
    g_assert_cmpfloat (g_array_index (bars, BkSensitivityBar, i - 1).swing, >=,
                       g_array_index (bars, BkSensitivityBar, i).swing);

  g_assert_cmpfloat (find_bar (bars, BK_ASSUMPTION_INFERENCE_SHARE)->swing, >,
                     find_bar (bars, BK_ASSUMPTION_UTILIZATION)->swing);
  g_assert_cmpfloat (find_bar (bars, BK_ASSUMPTION_UTILIZATION)->swing, >, 0);

  last = &g_array_index (bars, BkSensitivityBar, bars->len - 1);
  g_assert_cmpint (last[-2].driver, ==, BK_ASSUMPTION_ONLINE_LAG_YEARS);
  g_assert_cmpint (last[-1].driver, ==, BK_ASSUMPTION_BACKLOG_CONVERSION);
  g_assert_cmpint (last[0].driver, ==, BK_ASSUMPTION_TAIL_GROWTH);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpfloat (last[-(int) i].swing, ==, 0);
  g_assert_cmpfloat (bars->len > 3 ? last[-3].swing : 0, >, 0);

  /* Values moved by ±20 %, clamped: PUE 1.2 × 0.8 is below 1 */
  bar = find_bar (bars, BK_ASSUMPTION_UTILIZATION);
  g_assert_cmpfloat_with_epsilon (bar->low_value, 0.56, 1e-15);
  g_assert_cmpfloat_with_epsilon (bar->high_value, 0.84, 1e-15);
  bar = find_bar (bars, BK_ASSUMPTION_PUE);
  g_assert_cmpfloat (bar->low_value, ==, 1);

  /* Every end is the recalculation with the driver set there */
  for (guint i = 0; i < bars->len; i++)
    {
      double layer;

      bar = &g_array_index (bars, BkSensitivityBar, i);
      layer = bk_workbook_get_assumption_layer (wb, BK_SCENARIO_BASE, -1, bar->driver);
      bk_workbook_put_assumption (wb, BK_SCENARIO_BASE, -1, bar->driver, bar->low_value);
      assert_same (bar->metric_at_low, recalc (wb, BK_SCENARIO_BASE, -1, BK_METRIC_NPV));
      bk_workbook_put_assumption (wb, BK_SCENARIO_BASE, -1, bar->driver, bar->high_value);
      assert_same (bar->metric_at_high, recalc (wb, BK_SCENARIO_BASE, -1, BK_METRIC_NPV));
      bk_workbook_put_assumption (wb, BK_SCENARIO_BASE, -1, bar->driver, layer);
    }
}

static void
test_sensitivity_company_and_errors (void)
{
  g_autoptr(BkWorkbook) wb = load_sample ();
  int bull = bk_workbook_find_scenario (wb, "Bull — demand keeps compounding");
  g_autoptr(BkEngineInputs) inputs = bk_engine_inputs_new (wb, bull);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) bars = NULL;
  GArray *none;
  double base;

  bars = bk_sensitivity_run (inputs, BK_METRIC_IRR, 0, 0.1, &base, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (base, ==, recalc (wb, bull, 0, BK_METRIC_IRR));
  /* Bull's utilization is 0.8: ±10 % */
  g_assert_cmpfloat_with_epsilon (find_bar (bars, BK_ASSUMPTION_UTILIZATION)->high_value, 0.88, 1e-15);

  none = bk_sensitivity_run (inputs, BK_METRIC_NPV, -1, 0, NULL, &error);
  g_assert_null (none);
  g_assert_error (error, BK_ERROR, BK_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  none = bk_sensitivity_run (inputs, BK_METRIC_NPV, -1, 1.5, NULL, &error);
  g_assert_null (none);
  g_assert_error (error, BK_ERROR, BK_ERROR_OUT_OF_RANGE);
}

/* Goal seek */

static void
test_goal_seek_price (void)
{
  g_autoptr(BkWorkbook) wb = load_sample ();
  g_autoptr(BkEngineInputs) inputs = bk_engine_inputs_new (wb, BK_SCENARIO_BASE);
  g_autoptr(GError) error = NULL;
  double price = NAN, npv, scale;

  g_assert_true (bk_goal_seek (inputs, BK_METRIC_NPV, -1, 0, BK_ASSUMPTION_PRICE_PER_MTOK, NAN, NAN, &price, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (price, >, 0);

  /* Re-run the engine with the answer */
  scale = fabs (recalc (wb, BK_SCENARIO_BASE, -1, BK_METRIC_NPV));
  bk_workbook_put_assumption (wb, BK_SCENARIO_BASE, -1, BK_ASSUMPTION_PRICE_PER_MTOK, price);
  npv = recalc (wb, BK_SCENARIO_BASE, -1, BK_METRIC_NPV);
  g_assert_cmpfloat (fabs (npv), <=, 1e-12 * MAX (scale, 1));
  /* … and one ulp either way straddles it: full precision */
  bk_workbook_put_assumption (wb, BK_SCENARIO_BASE, -1, BK_ASSUMPTION_PRICE_PER_MTOK, nextafter (price, 0) - 4 * DBL_EPSILON * price);
  g_assert_cmpfloat (recalc (wb, BK_SCENARIO_BASE, -1, BK_METRIC_NPV), <, 0);
  bk_workbook_put_assumption (wb, BK_SCENARIO_BASE, -1, BK_ASSUMPTION_PRICE_PER_MTOK, price + 4 * DBL_EPSILON * price);
  g_assert_cmpfloat (recalc (wb, BK_SCENARIO_BASE, -1, BK_METRIC_NPV), >, 0);
}

static void
test_goal_seek_company_roi (void)
{
  g_autoptr(BkWorkbook) wb = load_worked_example ();
  g_autoptr(BkEngineInputs) inputs = bk_engine_inputs_new (wb, BK_SCENARIO_BASE);
  g_autoptr(GError) error = NULL;
  double u = NAN, life = NAN, roi;

  /* The utilization at which ROI is 1 */
  g_assert_true (bk_goal_seek (inputs, BK_METRIC_ROI, 0, 1, BK_ASSUMPTION_UTILIZATION, NAN, NAN, &u, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (u, >, 0);
  g_assert_cmpfloat (u, <, 0.7);
  bk_workbook_put_assumption (wb, BK_SCENARIO_BASE, -1, BK_ASSUMPTION_UTILIZATION, u);
  roi = recalc (wb, BK_SCENARIO_BASE, 0, BK_METRIC_ROI);
  g_assert_cmpfloat_with_epsilon (roi, 1, 1e-12);
  bk_workbook_put_assumption (wb, BK_SCENARIO_BASE, -1, BK_ASSUMPTION_UTILIZATION, NAN);

  /* The IT life at which ROI reaches 1: lives round to whole years, so ROI
   * jumps there; just below, it is short of the target, at it not. */
  g_assert_true (bk_goal_seek (inputs, BK_METRIC_ROI, 0, 1, BK_ASSUMPTION_IT_LIFE_YEARS, NAN, NAN, &life, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (fabs (life - floor (life) - 0.5), <, 1e-9);
  bk_workbook_put_assumption (wb, BK_SCENARIO_BASE, -1, BK_ASSUMPTION_IT_LIFE_YEARS, life * (1 - 1e-9));
  roi = recalc (wb, BK_SCENARIO_BASE, 0, BK_METRIC_ROI);
  bk_workbook_put_assumption (wb, BK_SCENARIO_BASE, -1, BK_ASSUMPTION_IT_LIFE_YEARS, life * (1 + 1e-9));
  g_assert_true ((roi - 1) * (recalc (wb, BK_SCENARIO_BASE, 0, BK_METRIC_ROI) - 1) < 0);
}

static void
test_goal_seek_payback (void)
{
  g_autoptr(BkWorkbook) wb = load_worked_example ();
  g_autoptr(BkEngineInputs) inputs = bk_engine_inputs_new (wb, BK_SCENARIO_BASE);
  g_autoptr(GError) error = NULL;
  double price = NAN;

  /* Payback in 3 years instead of 2.47: a lower price; where it never pays
   * back counts as longer than 3 years */
  g_assert_true (bk_goal_seek (inputs, BK_METRIC_PAYBACK, -1, 3, BK_ASSUMPTION_PRICE_PER_MTOK, NAN, NAN, &price, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (price, <, 2);
  bk_workbook_put_assumption (wb, BK_SCENARIO_BASE, -1, BK_ASSUMPTION_PRICE_PER_MTOK, price);
  g_assert_cmpfloat_with_epsilon (recalc (wb, BK_SCENARIO_BASE, -1, BK_METRIC_PAYBACK), 3, 1e-9);
}

static void
test_goal_seek_no_solution (void)
{
  g_autoptr(BkWorkbook) wb = load_worked_example ();
  g_autoptr(BkEngineInputs) inputs = bk_engine_inputs_new (wb, BK_SCENARIO_BASE);
  g_autoptr(GError) error = NULL;
  double value = 42, lo, hi;

  /* No utilization gives an NPV of 1,000 */
  g_assert_false (bk_goal_seek (inputs, BK_METRIC_NPV, -1, 1000, BK_ASSUMPTION_UTILIZATION, NAN, NAN, &value, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_OUT_OF_RANGE);
  g_assert_nonnull (strstr (error->message, "Utilization"));
  g_assert_nonnull (strstr (error->message, "[0%, 100%]"));
  g_assert_nonnull (strstr (error->message, "1000"));
  g_assert_cmpfloat (value, ==, 42);
  g_clear_error (&error);

  /* A price exists, but not in the range asked */
  g_assert_false (bk_goal_seek (inputs, BK_METRIC_NPV, -1, 0, BK_ASSUMPTION_PRICE_PER_MTOK, 1.5, 3, &value, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_OUT_OF_RANGE);
  g_assert_nonnull (strstr (error->message, "[1.5, 3]"));
  g_clear_error (&error);
  g_assert_true (bk_goal_seek (inputs, BK_METRIC_NPV, -1, 0, BK_ASSUMPTION_PRICE_PER_MTOK, 0, 3, &value, &error));
  g_assert_no_error (error);

  /* Bad ranges and extra_years */
  g_assert_false (bk_goal_seek (inputs, BK_METRIC_NPV, -1, 0, BK_ASSUMPTION_UTILIZATION, 0.5, 1.2, &value, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  g_assert_false (bk_goal_seek (inputs, BK_METRIC_NPV, -1, 0, BK_ASSUMPTION_UTILIZATION, 0.6, 0.5, &value, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  g_assert_false (bk_goal_seek (inputs, BK_METRIC_NPV, -1, 0, BK_ASSUMPTION_EXTRA_YEARS, NAN, NAN, &value, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  /* Default ranges: valid values, 100 × beyond the current where unbounded */
  bk_goal_seek_get_default_range (inputs, -1, BK_ASSUMPTION_PRICE_PER_MTOK, &lo, &hi);
  g_assert_cmpfloat (lo, ==, 0);
  g_assert_cmpfloat (hi, ==, 202);
  bk_goal_seek_get_default_range (inputs, -1, BK_ASSUMPTION_PRICE_DECLINE, &lo, &hi);
  g_assert_cmpfloat (lo, ==, 0.3 - 100);
  g_assert_cmpfloat (hi, <, 1);
}


/* Goal seek, applied to a document */

#define N_LAYERS_MAX 256

/* Every layer of @driver: (scenario, company) for every scenario and
 * company (-1 included), in a fixed order */
static guint
get_layers (BkWorkbook   *wb,
            BkAssumption  driver,
            double        layers[N_LAYERS_MAX])
{
  guint n = 0;

  for (guint s = 0; s <= bk_workbook_get_n_scenarios (wb); s++)
    for (int c = -1; c < (int) bk_workbook_get_n_companies (wb); c++)
      {
        g_assert_cmpuint (n, <, N_LAYERS_MAX);
        layers[n++] = bk_workbook_get_assumption_layer (wb, s, c, driver);
      }

  return n;
}

static void
assert_same_layers (BkWorkbook   *wb,
                    BkAssumption  driver,
                    const double *expected,
                    guint         n_expected)
{
  double layers[N_LAYERS_MAX];
  guint n = get_layers (wb, driver, layers);

  g_assert_cmpuint (n, ==, n_expected);
  for (guint i = 0; i < n; i++)
    assert_same (layers[i], expected[i]);
}

/* The sample as a document in which Microsoft has its own price in Base
 * and Alphabet its own price in Bear */
static BkDocument *
create_overridden_sample (const char *name,
                          guint      *bear)
{
  g_autoptr(BkWorkbook) wb = load_sample ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  BkDocument *doc;
  int s = bk_workbook_find_scenario (wb, "Bear — short GPU life, price war");

  g_assert_cmpint (s, >, 0);
  *bear = (guint) s;
  bk_workbook_put_assumption (wb, BK_SCENARIO_BASE, bk_workbook_find_company (wb, "msft"), BK_ASSUMPTION_PRICE_PER_MTOK, 4.5);
  bk_workbook_put_assumption (wb, *bear, bk_workbook_find_company (wb, "googl"), BK_ASSUMPTION_PRICE_PER_MTOK, 2.5);

  doc = bk_document_create (path, wb, TRUE, &error);
  g_assert_no_error (error);
  return doc;
}

static BkDocument *
reopen (BkDocument *doc)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup (bk_document_get_path (doc));
  BkDocument *again;

  bk_document_close (doc);
  g_object_unref (doc);
  again = bk_document_open (path, &error);
  g_assert_no_error (error);
  return again;
}

static void
test_goal_seek_apply_total (void)
{
  guint bear;
  BkDocument *doc = create_overridden_sample ("apply-total.breakeven", &bear);
  guint scenarios[2] = { BK_SCENARIO_BASE, bear };

  for (guint k = 0; k < G_N_ELEMENTS (scenarios); k++)
    {
      guint s = scenarios[k];
      BkWorkbook *wb = bk_document_get_workbook (doc);
      g_autoptr(BkEngineInputs) inputs = bk_engine_inputs_new (wb, s);
      g_autoptr(GError) error = NULL;
      double before[N_LAYERS_MAX], npv_before, scale, price = NAN, npv;
      guint n = get_layers (wb, BK_ASSUMPTION_PRICE_PER_MTOK, before);
      int msft = bk_workbook_find_company (wb, "msft");
      int googl = bk_workbook_find_company (wb, "googl");

      npv_before = recalc (wb, s, -1, BK_METRIC_NPV);
      scale = fabs (npv_before);
      g_assert_cmpfloat (scale, >, 1);
      g_assert_true (bk_goal_seek (inputs, BK_METRIC_NPV, -1, 0, BK_ASSUMPTION_PRICE_PER_MTOK, NAN, NAN, &price, &error));
      g_assert_no_error (error);

      /* Without the company layers the total would miss the target */
      g_assert_true (bk_goal_seek_apply (doc, s, -1, BK_ASSUMPTION_PRICE_PER_MTOK, price, &error));
      g_assert_no_error (error);

      doc = reopen (doc);
      wb = bk_document_get_workbook (doc);
      npv = recalc (wb, s, -1, BK_METRIC_NPV);
      g_assert_cmpfloat (fabs (npv), <=, 1e-6 * scale);
      for (int c = 0; c < (int) bk_workbook_get_n_companies (wb); c++)
        g_assert_cmpfloat (bk_workbook_get_assumption (wb, s, c, BK_ASSUMPTION_PRICE_PER_MTOK), ==, price);

      /* The layers written: the scenario's, and the company layers that
       * would win over it; a Base company override gives way to a
       * scenario's value by itself, so Bear leaves Microsoft's alone */
      assert_same (bk_workbook_get_assumption_layer (wb, s, -1, BK_ASSUMPTION_PRICE_PER_MTOK), price);
      if (s == BK_SCENARIO_BASE)
        {
          assert_same (bk_workbook_get_assumption_layer (wb, s, msft, BK_ASSUMPTION_PRICE_PER_MTOK), price);
          assert_same (bk_workbook_get_assumption_layer (wb, bear, googl, BK_ASSUMPTION_PRICE_PER_MTOK), 2.5);
        }
      else
        {
          assert_same (bk_workbook_get_assumption_layer (wb, s, googl, BK_ASSUMPTION_PRICE_PER_MTOK), price);
          assert_same (bk_workbook_get_assumption_layer (wb, s, msft, BK_ASSUMPTION_PRICE_PER_MTOK), NAN);
          assert_same (bk_workbook_get_assumption_layer (wb, BK_SCENARIO_BASE, msft, BK_ASSUMPTION_PRICE_PER_MTOK), 4.5);
        }

      /* One undo step restores every layer exactly */
      g_assert_true (bk_document_undo (doc, &error));
      g_assert_no_error (error);
      g_assert_false (bk_document_can_undo (doc));
      assert_same_layers (wb, BK_ASSUMPTION_PRICE_PER_MTOK, before, n);
      g_assert_cmpfloat (recalc (wb, s, -1, BK_METRIC_NPV), ==, npv_before);
    }

  bk_document_close (doc);
  g_object_unref (doc);
}

static void
test_goal_seek_apply_company (void)
{
  guint bear;
  g_autoptr(BkDocument) doc = create_overridden_sample ("apply-company.breakeven", &bear);
  BkWorkbook *wb = bk_document_get_workbook (doc);
  g_autoptr(BkEngineInputs) inputs = bk_engine_inputs_new (wb, bear);
  g_autoptr(BkResults) before = bk_engine_compute (wb, bear);
  g_autoptr(BkResults) after = NULL;
  g_autoptr(GError) error = NULL;
  double layers[N_LAYERS_MAX], price = NAN, scale;
  guint n = get_layers (wb, BK_ASSUMPTION_PRICE_PER_MTOK, layers), i = 0;
  int msft = bk_workbook_find_company (wb, "msft");

  /* Microsoft's NPV 0 in Bear: its Base override gives way to Bear's
   * price, so the answer goes into Bear's layer for Microsoft alone */
  scale = fabs (recalc (wb, bear, msft, BK_METRIC_NPV));
  g_assert_true (bk_goal_seek (inputs, BK_METRIC_NPV, msft, 0, BK_ASSUMPTION_PRICE_PER_MTOK, NAN, NAN, &price, &error));
  g_assert_no_error (error);
  g_assert_true (bk_goal_seek_apply (doc, bear, msft, BK_ASSUMPTION_PRICE_PER_MTOK, price, &error));
  g_assert_no_error (error);

  doc = reopen (g_steal_pointer (&doc));
  wb = bk_document_get_workbook (doc);
  after = bk_engine_compute (wb, bear);
  g_assert_cmpfloat (fabs (bk_metric_get (bk_metric_get_row (after, msft), BK_METRIC_NPV)), <=, 1e-6 * scale);
  for (int c = 0; c < (int) bk_results_get_n_companies (after); c++)
    if (c != msft)
      assert_same_metrics (bk_metric_get_row (after, c), bk_metric_get_row (before, c), bk_results_get_n_periods (after));

  /* Only that one layer changed */
  for (guint s = 0; s <= bk_workbook_get_n_scenarios (wb); s++)
    for (int c = -1; c < (int) bk_workbook_get_n_companies (wb); c++, i++)
      assert_same (bk_workbook_get_assumption_layer (wb, s, c, BK_ASSUMPTION_PRICE_PER_MTOK),
                   s == bear && c == msft ? price : layers[i]);
  g_assert_cmpuint (i, ==, n);

  g_assert_true (bk_document_undo (doc, &error));
  g_assert_no_error (error);
  g_assert_false (bk_document_can_undo (doc));
  assert_same_layers (wb, BK_ASSUMPTION_PRICE_PER_MTOK, layers, n);
}

/* Breakeven map */

static void
test_map_grid (void)
{
  g_autoptr(BkWorkbook) wb = load_sample ();
  g_autoptr(BkEngineInputs) inputs = bk_engine_inputs_new (wb, BK_SCENARIO_BASE);
  g_autoptr(BkBreakevenMap) map = NULL;
  g_autoptr(GError) error = NULL;
  BkBreakevenMapParams params;
  guint n = 7;

  bk_breakeven_map_params_init (&params, BK_ASSUMPTION_PRICE_PER_MTOK, BK_ASSUMPTION_UTILIZATION);
  params.steps = n;
  params.x_max = 10;
  map = bk_breakeven_map_new (inputs, &params, &error);
  g_assert_no_error (error);

  g_assert_cmpfloat (map->params.x_min, ==, 1.7);
  g_assert_cmpfloat (map->params.x_max, ==, 10);
  g_assert_cmpfloat (map->params.y_min, ==, 0.35);
  g_assert_cmpfloat_with_epsilon (map->params.y_max, 1, 1e-15);
  g_assert_cmpfloat (map->x_values[0], ==, 1.7);
  g_assert_cmpfloat (map->x_values[n - 1], ==, 10);
  g_assert_cmpfloat (map->current.x, ==, 3.4);
  g_assert_cmpfloat (map->current.y, ==, 0.7);
  g_assert_cmpfloat (map->current_metric, ==, recalc (wb, BK_SCENARIO_BASE, -1, BK_METRIC_NPV));

  /* Rows follow y: each cell is the recalculation at its point */
  for (guint j = 0; j < n; j++)
    for (guint i = 0; i < n; i++)
      {
        bk_workbook_put_assumption (wb, BK_SCENARIO_BASE, -1, BK_ASSUMPTION_PRICE_PER_MTOK, map->x_values[i]);
        bk_workbook_put_assumption (wb, BK_SCENARIO_BASE, -1, BK_ASSUMPTION_UTILIZATION, map->y_values[j]);
        assert_same (map->grid[j * n + i], recalc (wb, BK_SCENARIO_BASE, -1, BK_METRIC_NPV));
      }

  /* The contour lies on grid lines, between nodes on either side of 0 */
  g_assert_cmpuint (map->n_contour, >, 0);
  g_assert_cmpuint (map->starts[map->n_polylines], ==, map->n_contour);
  for (guint k = 0; k < map->n_contour; k++)
    {
      BkPoint p = map->contour[k];
      gboolean on_line = FALSE;

      for (guint i = 0; i + 1 < n && !on_line; i++)
        for (guint j = 0; j < n && !on_line; j++)
          {
            /* on the horizontal edge (i, j)–(i + 1, j) or the vertical (j, i)–(j, i + 1) */
            if (p.y == map->y_values[j] && p.x >= map->x_values[i] && p.x <= map->x_values[i + 1])
              on_line = (map->grid[j * n + i] >= 0) != (map->grid[j * n + i + 1] >= 0);
            if (!on_line && p.x == map->x_values[j] && p.y >= map->y_values[i] && p.y <= map->y_values[i + 1])
              on_line = (map->grid[i * n + j] >= 0) != (map->grid[(i + 1) * n + j] >= 0);
          }
      g_assert_true (on_line);
    }
}

/* NPV of the worked example is bilinear in power price × PUE (the power
 * bill), so interpolation along grid lines is exact: every contour point
 * recalculates to the target. */
static void
test_map_contour_exact (void)
{
  g_autoptr(BkWorkbook) wb = load_worked_example ();
  g_autoptr(BkEngineInputs) inputs = bk_engine_inputs_new (wb, BK_SCENARIO_BASE);
  g_autoptr(BkBreakevenMap) map = NULL;
  g_autoptr(BkBreakevenMap) none = NULL;
  g_autoptr(GError) error = NULL;
  BkBreakevenMapParams params;

  bk_breakeven_map_params_init (&params, BK_ASSUMPTION_POWER_PRICE, BK_ASSUMPTION_PUE);
  params.target = recalc (wb, BK_SCENARIO_BASE, -1, BK_METRIC_NPV);
  params.steps = 9;
  map = bk_breakeven_map_new (inputs, &params, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (map->params.x_min, ==, 40);
  g_assert_cmpfloat (map->params.y_min, ==, 1);

  g_assert_cmpuint (map->n_polylines, ==, 1);
  g_assert_cmpuint (map->n_contour, >=, 9);
  for (guint k = 0; k < map->n_contour; k++)
    {
      bk_workbook_put_assumption (wb, BK_SCENARIO_BASE, -1, BK_ASSUMPTION_POWER_PRICE, map->contour[k].x);
      bk_workbook_put_assumption (wb, BK_SCENARIO_BASE, -1, BK_ASSUMPTION_PUE, map->contour[k].y);
      g_assert_cmpfloat_with_epsilon (recalc (wb, BK_SCENARIO_BASE, -1, BK_METRIC_NPV), params.target, 1e-9);
      /* one polyline, walked in order: neighbours share a grid cell */
      if (k > 0)
        g_assert_cmpfloat (hypot ((map->contour[k].x - map->contour[k - 1].x) / 10,
                                  (map->contour[k].y - map->contour[k - 1].y) / 0.1), <=, 1.5);
    }

  /* A target no point reaches has no contour */
  params.target = 1e6;
  none = bk_breakeven_map_new (inputs, &params, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->n_contour, ==, 0);
  g_assert_cmpuint (none->n_polylines, ==, 0);
}

/* Polylines: consecutive points cross the same grid cell, and together the
 * polylines hold every contour point once. */
static void
test_map_polylines (void)
{
  g_autoptr(BkWorkbook) wb = load_worked_example ();
  g_autoptr(BkEngineInputs) inputs = bk_engine_inputs_new (wb, BK_SCENARIO_BASE);
  g_autoptr(BkBreakevenMap) map = NULL;
  g_autoptr(GError) error = NULL;
  BkBreakevenMapParams params;
  double dx, dy;

  bk_breakeven_map_params_init (&params, BK_ASSUMPTION_PRICE_PER_MTOK, BK_ASSUMPTION_UTILIZATION);
  params.steps = 12;
  params.target = recalc (wb, BK_SCENARIO_BASE, -1, BK_METRIC_NPV);
  map = bk_breakeven_map_new (inputs, &params, &error);
  g_assert_no_error (error);
  dx = map->x_values[1] - map->x_values[0];
  dy = map->y_values[1] - map->y_values[0];

  g_assert_cmpuint (map->n_polylines, >=, 1);
  g_assert_cmpuint (map->starts[0], ==, 0);
  g_assert_cmpuint (map->starts[map->n_polylines], ==, map->n_contour);
  for (guint k = 0; k < map->n_polylines; k++)
    {
      g_assert_cmpuint (map->starts[k + 1] - map->starts[k], >=, 2);
      for (guint i = map->starts[k] + 1; i < map->starts[k + 1]; i++)
        {
          g_assert_cmpfloat (fabs (map->contour[i].x - map->contour[i - 1].x), <=, dx * (1 + 1e-12));
          g_assert_cmpfloat (fabs (map->contour[i].y - map->contour[i - 1].y), <=, dy * (1 + 1e-12));
        }
    }
}

static void
test_map_errors (void)
{
  g_autoptr(BkWorkbook) wb = load_worked_example ();
  g_autoptr(BkEngineInputs) inputs = bk_engine_inputs_new (wb, BK_SCENARIO_BASE);
  g_autoptr(GError) error = NULL;
  BkBreakevenMapParams params;
  BkBreakevenMap *map;

  bk_breakeven_map_params_init (&params, BK_ASSUMPTION_UTILIZATION, BK_ASSUMPTION_UTILIZATION);
  map = bk_breakeven_map_new (inputs, &params, &error);
  g_assert_null (map);
  g_assert_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  bk_breakeven_map_params_init (&params, BK_ASSUMPTION_UTILIZATION, BK_ASSUMPTION_EXTRA_YEARS);
  map = bk_breakeven_map_new (inputs, &params, &error);
  g_assert_null (map);
  g_assert_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  bk_breakeven_map_params_init (&params, BK_ASSUMPTION_UTILIZATION, BK_ASSUMPTION_PRICE_PER_MTOK);
  params.x_max = 1.5;
  map = bk_breakeven_map_new (inputs, &params, &error);
  g_assert_null (map);
  g_assert_error (error, BK_ERROR, BK_ERROR_OUT_OF_RANGE);
  g_assert_nonnull (strstr (error->message, "Utilization"));
  g_clear_error (&error);

  bk_breakeven_map_params_init (&params, BK_ASSUMPTION_UTILIZATION, BK_ASSUMPTION_PRICE_PER_MTOK);
  params.y_min = 3;
  params.y_max = 2;
  map = bk_breakeven_map_new (inputs, &params, &error);
  g_assert_null (map);
  g_assert_error (error, BK_ERROR, BK_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);

  bk_breakeven_map_params_init (&params, BK_ASSUMPTION_UTILIZATION, BK_ASSUMPTION_PRICE_PER_MTOK);
  params.steps = 1;
  map = bk_breakeven_map_new (inputs, &params, &error);
  g_assert_null (map);
  g_assert_error (error, BK_ERROR, BK_ERROR_OUT_OF_RANGE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  tmp_dir = g_dir_make_tmp ("breakeven-test-analysis-XXXXXX", &error);
  g_assert_no_error (error);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/analysis/inputs/match-engine", test_inputs_match_engine);
  g_test_add_func ("/analysis/inputs/overrides-give-scenario", test_overrides_give_scenario);
  g_test_add_func ("/analysis/inputs/clamp", test_overrides_clamp);
  g_test_add_func ("/analysis/inputs/frozen", test_inputs_are_frozen);
  g_test_add_func ("/analysis/compare/scenarios", test_compare);
  g_test_add_func ("/analysis/compare/zero-base", test_compare_zero_base);
  g_test_add_func ("/analysis/sensitivity/ranking", test_sensitivity_ranking);
  g_test_add_func ("/analysis/sensitivity/company-and-errors", test_sensitivity_company_and_errors);
  g_test_add_func ("/analysis/goal-seek/price", test_goal_seek_price);
  g_test_add_func ("/analysis/goal-seek/company-roi", test_goal_seek_company_roi);
  g_test_add_func ("/analysis/goal-seek/payback", test_goal_seek_payback);
  g_test_add_func ("/analysis/goal-seek/no-solution", test_goal_seek_no_solution);
  g_test_add_func ("/analysis/goal-seek/apply-total", test_goal_seek_apply_total);
  g_test_add_func ("/analysis/goal-seek/apply-company", test_goal_seek_apply_company);
  g_test_add_func ("/analysis/map/grid", test_map_grid);
  g_test_add_func ("/analysis/map/contour-exact", test_map_contour_exact);
  g_test_add_func ("/analysis/map/polylines", test_map_polylines);
  g_test_add_func ("/analysis/map/errors", test_map_errors);

  ret = g_test_run ();
  for (guint i = 0; i < 2; i++)
    {
      static const char * const names[] = { "apply-total.breakeven", "apply-company.breakeven" };
      g_autofree char *path = g_build_filename (tmp_dir, names[i], NULL);

      g_remove (path);
    }
  g_rmdir (tmp_dir);
  g_free (tmp_dir);
  return ret;
}
