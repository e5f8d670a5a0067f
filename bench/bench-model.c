/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-model.c — how fast the model layer is: recalculation of the sample
 * and of a generated 200-company × 40-quarter workbook, and opening and
 * fully loading a document of one million cells.  Prints figures; asserts
 * nothing (ARCHITECTURE.md: benchmarks are not timed tests).
 *
 *   bench-model --phases FILE.breakeven
 * instead times what `breakeven-cli recalc --json FILE` does, phase by
 * phase: open and load, compute (and of that the IRRs), write the results
 * JSON. */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "bk-document.h"
#include "bk-engine.h"
#include "bk-finance.h"
#include "bk-json.h"
#include "bk-workbook-private.h"

static BkWorkbook *
load_sample (void)
{
  g_autoptr(GError) error = NULL;
  BkWorkbook *wb = bk_json_read_sample (&error);

  g_assert_no_error (error);
  return wb;
}

/* @companies companies in 4 markets, @periods periods, every cell filled
 * with plausible values and a growth formula in every tenth cell. */
static BkWorkbook *
generate (BkGranularity granularity,
          guint         companies,
          guint         periods)
{
  BkWorkbook *wb = bk_workbook_new (granularity, 2020 * bk_granularity_per_year (granularity), periods);
  GRand *rand = g_rand_new_with_seed (42);

  for (guint m = 0; m < 4; m++)
    {
      g_autofree char *id = g_strdup_printf ("m%u", m);
      bk_workbook_add_market (wb, id, id);
      for (guint p = 0; p < periods; p++)
        bk_workbook_put_cell (wb, BK_TABLE_TOKENS, m, p, 1 + p * 0.5, NULL);
    }

  for (guint c = 0; c < companies; c++)
    {
      g_autofree char *id = g_strdup_printf ("c%04u", c);
      g_autofree char *market = g_strdup_printf ("m%u", c % 4);

      bk_workbook_add_company (wb, id, id, market);
      for (guint p = 0; p < periods; p++)
        {
          if (p % 10 == 9)
            bk_workbook_put_cell (wb, BK_TABLE_CAPEX, c, p, NAN, bk_formula_compile ("=prev*1.05", BK_TABLE_CAPEX, NULL));
          else
            bk_workbook_put_cell (wb, BK_TABLE_CAPEX, c, p, g_rand_double_range (rand, 0.5, 20), NULL);
          bk_workbook_put_cell (wb, BK_TABLE_BACKLOG, c, p, g_rand_double_range (rand, 0, 100), NULL);
          bk_workbook_put_cell (wb, BK_TABLE_SHARE, c, p, 4.0 / companies, NULL);
        }
    }

  bk_workbook_recompute_all (wb);
  g_rand_free (rand);
  return wb;
}

static double
time_recalc (BkWorkbook *wb,
             guint       rounds)
{
  BkResults *results = bk_engine_compute (wb, BK_SCENARIO_BASE);
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < rounds; i++)
    results = bk_engine_compute_into (results, wb, BK_SCENARIO_BASE);

  bk_results_unref (results);
  return (double) (g_get_monotonic_time () - start) / rounds;
}

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

/* The phases of `recalc --json` on one document, each the best of
 * @rounds (the first open warms the page cache). */
static int
time_phases (const char *path,
             guint       rounds)
{
  double open_s = INFINITY, compute_s = INFINITY, irr_s = INFINITY, write_s = INFINITY;
  gsize length = 0;

  for (guint r = 0; r < rounds; r++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BkDocument) doc = NULL;
      g_autoptr(BkResults) results = NULL;
      g_autofree char *json = NULL;
      BkWorkbook *wb;
      guint n;
      gint64 start = g_get_monotonic_time ();

      doc = bk_document_open (path, &error);
      if (doc == NULL)
        {
          g_printerr ("bench-model: %s\n", error->message);
          return 1;
        }
      wb = bk_document_get_workbook (doc);
      open_s = MIN (open_s, seconds_since (start));

      start = g_get_monotonic_time ();
      results = bk_engine_compute (wb, BK_SCENARIO_BASE);
      compute_s = MIN (compute_s, seconds_since (start));

      /* The IRRs again on their own: every company and the total */
      n = bk_results_get_n_periods (results);
      start = g_get_monotonic_time ();
      for (guint c = 0; c <= bk_results_get_n_companies (results); c++)
        {
          const BkMetrics *m = c < bk_results_get_n_companies (results)
                               ? bk_results_get_company (results, c)
                               : bk_results_get_total (results);
          double irr;
          gboolean multiple;

          bk_finance_irr (m->series[BK_SERIES_FCF], n,
                          1.0 / bk_granularity_per_year (bk_workbook_get_granularity (wb)),
                          0.09, &irr, &multiple);
        }
      irr_s = MIN (irr_s, seconds_since (start));

      start = g_get_monotonic_time ();
      json = bk_json_write_results (wb, results);
      length = strlen (json);
      write_s = MIN (write_s, seconds_since (start));
    }

  printf ("recalc --json phases, best of %u:\n", rounds);
  printf ("  open and load the document: %8.3f s\n", open_s);
  printf ("  compute:                    %8.3f s (IRRs alone %.3f s)\n", compute_s, irr_s);
  printf ("  write results JSON:         %8.3f s (%.1f MB)\n", write_s, length / 1e6);
  return 0;
}

static int
time_all (void)
{
  g_autoptr(BkWorkbook) sample = load_sample ();
  g_autoptr(BkWorkbook) big = generate (BK_GRANULARITY_QUARTER, 200, 40);
  g_autoptr(BkWorkbook) huge = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bench-model-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "million.breakeven", NULL);
  gint64 start;
  double create_s, open_s;
  guint cells;

  printf ("Recalculation (all companies, total and metrics):\n");
  printf ("  sample (9 companies × 5 years + 6 extra): %8.1f µs\n", time_recalc (sample, 2000));
  printf ("  200 companies × 40 quarters (+24 extra):  %8.1f µs\n", time_recalc (big, 50));

  /* 1,000,000 cells: 2,500 companies × 3 tables × 133 periods ≈ 1,000,000 */
  huge = generate (BK_GRANULARITY_QUARTER, 2500, 133);
  cells = 2500 * 3 * 133 + 4 * 133;

  start = g_get_monotonic_time ();
  {
    g_autoptr(BkDocument) doc = bk_document_create (path, huge, TRUE, &error);
    g_assert_no_error (error);
  }
  create_s = (g_get_monotonic_time () - start) / 1e6;

  start = g_get_monotonic_time ();
  {
    g_autoptr(BkDocument) doc = bk_document_open (path, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (bk_workbook_get_n_companies (bk_document_get_workbook (doc)), ==, 2500);
  }
  open_s = (g_get_monotonic_time () - start) / 1e6;

  printf ("Document of %u cells:\n", cells);
  printf ("  create (write everything in one transaction): %6.2f s\n", create_s);
  printf ("  open and fully load:                          %6.2f s\n", open_s);

  g_unlink (path);
  g_rmdir (dir);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && strcmp (argv[1], "--phases") == 0)
    return time_phases (argv[2], 3);

  return time_all ();
}
