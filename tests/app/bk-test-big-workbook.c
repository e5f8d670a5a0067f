/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-test-big-workbook.c — a workbook far larger than the sample, for the
 * scale test and its benchmark
 *
 * Built in memory through the workbook's building API, then written in
 * one go: creating it cell by cell through document commands would take
 * one transaction each. */
#include "config.h"

#include <math.h>

#include "bk-formula.h"
#include "bk-test-big-workbook.h"
#include "bk-workbook-private.h"

BkWorkbook *
bk_test_big_workbook_new (guint companies,
                          guint quarters)
{
  BkWorkbook *wb = bk_workbook_new (BK_GRANULARITY_QUARTER,
                                    2020 * bk_granularity_per_year (BK_GRANULARITY_QUARTER),
                                    quarters);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);

  g_assert_cmpuint (companies, >, 0);
  bk_workbook_set_title (wb, "Scale");
  for (guint m = 0; m < 4; m++)
    {
      g_autofree char *id = g_strdup_printf ("m%u", m);
      g_autofree char *name = g_strdup_printf ("Market %u", m + 1);

      bk_workbook_add_market (wb, id, name);
      for (guint p = 0; p < quarters; p++)
        bk_workbook_put_cell (wb, BK_TABLE_TOKENS, m, p, 1 + p * 0.5, NULL);
    }

  for (guint c = 0; c < companies; c++)
    {
      g_autofree char *id = g_strdup_printf ("c%04u", c);
      g_autofree char *name = g_strdup_printf ("Company %u", c + 1);
      g_autofree char *market = g_strdup_printf ("m%u", c % 4);

      bk_workbook_add_company (wb, id, name, market);
      for (guint p = 0; p < quarters; p++)
        {
          if (p % 10 == 9)
            bk_workbook_put_cell (wb, BK_TABLE_CAPEX, c, p, NAN,
                                  bk_formula_compile ("=prev*1.05", BK_TABLE_CAPEX, NULL));
          else
            bk_workbook_put_cell (wb, BK_TABLE_CAPEX, c, p, g_rand_double_range (rand, 0.5, 20), NULL);
          bk_workbook_put_cell (wb, BK_TABLE_BACKLOG, c, p, g_rand_double_range (rand, 0, 100), NULL);
          /* every market's shares add up to 100 % */
          bk_workbook_put_cell (wb, BK_TABLE_SHARE, c, p, 1.0 / ((companies + 3 - c % 4) / 4), NULL);
        }
    }

  bk_workbook_recompute_all (wb);
  return wb;
}

BkDocument *
bk_test_big_document_create (const char  *path,
                             guint        companies,
                             guint        quarters,
                             GError     **error)
{
  g_autoptr(BkWorkbook) wb = bk_test_big_workbook_new (companies, quarters);

  return bk_document_create (path, wb, FALSE, error);
}
