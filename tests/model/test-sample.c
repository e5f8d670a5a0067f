/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sample.c — the bundled sample shows where the spending breaks even:
 * Bull pays off, Bear does not, Base lies between them, FOMO CapEx's capex
 * follows Base (=base*1.3) and the debated drivers carry uncertainties that
 * give Monte Carlo a spread on both sides of zero. */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>

#include "bk-document.h"
#include "bk-engine.h"
#include "bk-engine-inputs.h"
#include "bk-json.h"
#include "bk-monte-carlo.h"
#include "bk-input.h"
#include "bk-results.h"
#include "bk-workbook.h"

#define BEAR "Bear — short GPU life, price war"
#define BULL "Bull — demand keeps compounding"
#define FOMO "FOMO CapEx"

static BkWorkbook *
load_sample (void)
{
  g_autoptr(GError) error = NULL;
  BkWorkbook *wb = bk_json_read_sample (&error);

  g_assert_no_error (error);
  g_assert_nonnull (wb);
  return wb;
}

static double
total_npv (BkWorkbook *wb,
           const char *scenario)
{
  int s = bk_workbook_find_scenario (wb, scenario);
  g_autoptr(BkResults) results = NULL;

  g_assert_cmpint (s, >=, 0);
  results = bk_engine_compute (wb, (guint) s);
  return bk_results_get_total (results)->npv;
}

/* Bear < FOMO < Base < Bull, with Bull above and Bear below zero, and Base
 * near breakeven: closer to zero than to either of them. */
static void
test_brackets_breakeven (void)
{
  g_autoptr(BkWorkbook) wb = load_sample ();
  double base = total_npv (wb, "Base");
  double bear = total_npv (wb, BEAR);
  double bull = total_npv (wb, BULL);
  double fomo = total_npv (wb, FOMO);

  g_assert_cmpfloat (bull, >, 0);
  g_assert_cmpfloat (bear, <, 0);
  g_assert_cmpfloat (bear, <, fomo);
  g_assert_cmpfloat (fomo, <, base);
  g_assert_cmpfloat (base, <, bull);
  g_assert_cmpfloat (fabs (base), <, bull / 4);
  g_assert_cmpfloat (fabs (base), <, -bear / 4);
}

/* Every US hyperscaler's 2026 and 2027 capex in FOMO CapEx is =base*1.3:
 * it follows an edit of the Base cell; Alibaba's is not overridden. */
static void
test_fomo_follows_base (void)
{
  g_autoptr(BkWorkbook) sample = load_sample ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-sample-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(BkDocument) doc = NULL;
  const char *us[] = { "msft", "googl", "amzn", "meta", "orcl" };
  const char *texts[] = { "100" };
  BkNumberLocale locale;
  BkWorkbook *wb;
  int fomo, msft, baba;
  BkCell cell;

  g_assert_no_error (error);
  path = g_build_filename (dir, "sample.breakeven", NULL);
  doc = bk_document_create (path, sample, TRUE, &error);
  g_assert_no_error (error);
  wb = bk_document_get_workbook (doc);
  fomo = bk_workbook_find_scenario (wb, FOMO);
  msft = bk_workbook_find_company (wb, "msft");
  baba = bk_workbook_find_company (wb, "baba");
  g_assert_cmpint (fomo, >, 0);

  for (guint i = 0; i < G_N_ELEMENTS (us); i++)
    for (guint period = 3; period <= 4; period++)
      {
        int row = bk_workbook_find_company (wb, us[i]);
        BkCell base;

        g_assert_cmpint (row, >=, 0);
        bk_workbook_get_cell (wb, BK_SCENARIO_BASE, BK_TABLE_CAPEX, (guint) row, period, &base);
        bk_workbook_get_cell (wb, (guint) fomo, BK_TABLE_CAPEX, (guint) row, period, &cell);
        g_assert_true (cell.flags & BK_CELL_OVERRIDDEN);
        g_assert_true (cell.flags & BK_CELL_FORMULA);
        g_assert_cmpstr (cell.formula, ==, "=base*1.3");
        g_assert_cmpfloat (cell.value, ==, base.value * 1.3);
      }
  bk_workbook_get_cell (wb, (guint) fomo, BK_TABLE_CAPEX, (guint) baba, 3, &cell);
  g_assert_false (cell.flags & BK_CELL_OVERRIDDEN);

  /* Microsoft's Base 2026 capex becomes 100: FOMO's is 130, and its 2027
   * (=base*1.3 of Base's =prev*1.15) follows too */
  bk_number_locale_init_c (&locale);
  g_assert_true (bk_document_set_cells (doc, BK_SCENARIO_BASE, BK_TABLE_CAPEX, (guint) msft, 3,
                                        1, 1, texts, &locale, &error));
  g_assert_no_error (error);
  bk_workbook_get_cell (wb, (guint) fomo, BK_TABLE_CAPEX, (guint) msft, 3, &cell);
  g_assert_cmpfloat (cell.value, ==, 100 * 1.3);
  bk_workbook_get_cell (wb, (guint) fomo, BK_TABLE_CAPEX, (guint) msft, 4, &cell);
  g_assert_cmpfloat (fabs (cell.value - 100 * 1.15 * 1.3), <, 1e-9);

  g_clear_object (&doc);
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* The most debated drivers carry an uncertainty, and 10,000 trials give a
 * spread with NPV > 0 in some trials and < 0 in others. */
static void
test_uncertainties (void)
{
  g_autoptr(BkWorkbook) wb = load_sample ();
  BkAssumption debated[] = {
    BK_ASSUMPTION_IT_LIFE_YEARS, BK_ASSUMPTION_PRICE_DECLINE, BK_ASSUMPTION_UTILIZATION,
    BK_ASSUMPTION_TAIL_GROWTH, BK_ASSUMPTION_PRICE_PER_MTOK,
  };
  g_autoptr(GHashTable) dists = bk_workbook_dup_distributions (wb);
  g_autoptr(BkEngineInputs) inputs = bk_engine_inputs_new (wb, BK_SCENARIO_BASE);
  g_autoptr(BkMonteCarloResult) r = NULL;
  g_autoptr(GError) error = NULL;
  BkMonteCarloParams params;

  for (guint i = 0; i < G_N_ELEMENTS (debated); i++)
    g_assert_nonnull (bk_workbook_get_distribution (wb, debated[i]));
  g_assert_cmpuint (bk_workbook_get_n_distributions (wb), ==, G_N_ELEMENTS (debated));

  bk_monte_carlo_params_init (&params);
  params.trials = 10000;
  params.seed = 7;
  params.threads = 2;
  r = bk_monte_carlo_run (inputs, dists, &params, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (r->prob_positive, >, 0.05);
  g_assert_cmpfloat (r->prob_positive, <, 0.95);
  g_assert_cmpfloat (r->npv[BK_PERCENTILE_5], <, 0);
  g_assert_cmpfloat (r->npv[BK_PERCENTILE_95], >, 0);
  g_assert_cmpfloat (r->sd, >, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sample/brackets-breakeven", test_brackets_breakeven);
  g_test_add_func ("/sample/fomo-follows-base", test_fomo_follows_base);
  g_test_add_func ("/sample/uncertainties", test_uncertainties);
  return g_test_run ();
}
