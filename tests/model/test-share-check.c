/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-share-check.c — where a market's shares add up past 100 %: carried
 * values count, scenarios count, and it agrees with `check`'s warnings */

#include "config.h"

#include <math.h>

#include "bk-json.h"
#include "bk-share-check.h"

static BkWorkbook *
parse (const char *json)
{
  g_autoptr(GError) error = NULL;
  BkWorkbook *wb = bk_json_read_workbook (json, -1, &error);

  g_assert_no_error (error);
  return wb;
}

#define WORKBOOK \
  "{\"format\": \"breakeven-workbook\", \"version\": 1, \"granularity\": \"year\"," \
  " \"first_period\": \"2024\", \"periods\": 4," \
  " \"markets\": [{\"id\": \"us\", \"name\": \"US\"}, {\"id\": \"cn\", \"name\": \"China\"}]," \
  " \"companies\": [{\"id\": \"a\", \"name\": \"A\", \"market\": \"us\"}," \
  "                {\"id\": \"b\", \"name\": \"B\", \"market\": \"us\"}," \
  "                {\"id\": \"c\", \"name\": \"C\", \"market\": \"cn\"}]," \
  " \"series\": {\"capex\": {}, \"backlog\": {}, \"tokens\": {}," \
  "            \"share\": {\"a\": [0.5, 0.8, null, 0.4], \"b\": [0.5, 0.75, null, null]," \
  "                      \"c\": [1, null, null, null]}}," \
  " \"scenarios\": [{\"name\": \"Fixed\", \"cells\": [{\"table\": \"share\", \"row\": \"b\", \"period\": 1, \"value\": 0.2}]}]}"

static void
test_sums_and_excesses (void)
{
  g_autoptr(BkWorkbook) wb = parse (WORKBOOK);
  g_autoptr(GArray) base = bk_share_check_excesses (wb, 0);
  g_autoptr(GArray) fixed = NULL;
  g_autoptr(GPtrArray) warnings = bk_workbook_get_warnings (wb);

  /* Exactly 100 % is fine, carried values count */
  g_assert_cmpfloat_with_epsilon (bk_share_check_sum (wb, 0, 0, 0), 1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (bk_share_check_sum (wb, 0, 0, 1), 1.55, 1e-12);
  g_assert_cmpfloat_with_epsilon (bk_share_check_sum (wb, 0, 0, 2), 1.55, 1e-12);
  g_assert_cmpfloat_with_epsilon (bk_share_check_sum (wb, 0, 0, 3), 1.15, 1e-12);
  g_assert_cmpfloat_with_epsilon (bk_share_check_sum (wb, 0, 1, 3), 1.0, 1e-12);

  g_assert_cmpuint (base->len, ==, 3);
  for (guint i = 0; i < base->len; i++)
    {
      BkShareExcess *e = &g_array_index (base, BkShareExcess, i);

      g_assert_cmpuint (e->market, ==, 0);
      g_assert_cmpuint (e->period, ==, i + 1);
      g_assert_cmpfloat (e->sum, >, 1);
    }
  /* The same places breakeven-cli check warns about */
  g_assert_cmpuint (warnings->len, ==, base->len);

  /* A scenario's override counts and carries: 0.8 + 0.2 is the whole
   * market, 0.4 + 0.2 less */
  fixed = bk_share_check_excesses (wb, 1);
  g_assert_cmpuint (fixed->len, ==, 0);
  g_assert_cmpfloat_with_epsilon (bk_share_check_sum (wb, 1, 0, 2), 1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (bk_share_check_sum (wb, 1, 0, 3), 0.6, 1e-12);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/share-check/sums-and-excesses", test_sums_and_excesses);
  return g_test_run ();
}
