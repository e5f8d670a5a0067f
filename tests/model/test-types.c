/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-types.c — the shared enumerations of bk-types.h: the granularity's
 * GType and the tables' units */

#include "config.h"

#include "bk-types.h"

/* The enum GType's nicks are the names the files use, so a property of this
 * type and a "year"/"half"/"quarter" setting mean the same. */
static void
test_granularity_type (void)
{
  static const BkGranularity all[] = {
    BK_GRANULARITY_YEAR, BK_GRANULARITY_HALF, BK_GRANULARITY_QUARTER,
  };
  g_autoptr(GEnumClass) klass = NULL;

  g_assert_true (G_TYPE_IS_ENUM (BK_TYPE_GRANULARITY));
  g_assert_cmpstr (g_type_name (BK_TYPE_GRANULARITY), ==, "BkGranularity");

  klass = g_type_class_ref (BK_TYPE_GRANULARITY);
  g_assert_cmpuint (klass->n_values, ==, G_N_ELEMENTS (all));
  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      GEnumValue *value = g_enum_get_value (klass, (int) all[i]);
      BkGranularity parsed;

      g_assert_nonnull (value);
      g_assert_cmpstr (value->value_nick, ==, bk_granularity_to_string (all[i]));
      g_assert_true (bk_granularity_from_string (value->value_nick, &parsed));
      g_assert_cmpint (parsed, ==, all[i]);
    }
}

static void
test_unit_power (void)
{
  g_assert_cmpint (bk_table_get_unit_power (BK_TABLE_CAPEX), ==, 9);
  g_assert_cmpint (bk_table_get_unit_power (BK_TABLE_BACKLOG), ==, 9);
  g_assert_cmpint (bk_table_get_unit_power (BK_TABLE_TOKENS), ==, 12);
  g_assert_cmpint (bk_table_get_unit_power (BK_TABLE_SHARE), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/types/granularity-type", test_granularity_type);
  g_test_add_func ("/types/unit-power", test_unit_power);

  return g_test_run ();
}
