/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-chart-slots.c — colour slots that stay with their ids */
#include "config.h"

#include <glib-object.h>
#include <string.h>

#include "bk-chart-slots.h"

static const char * const sample[] = {
  "msft", "googl", "amzn", "meta", "orcl", "baba", "tcehy", "bytedance", "bidu",
};
#define N_SAMPLE G_N_ELEMENTS (sample)

static guint
slot_of (const char * const *ids,
         const guint        *slots,
         guint               n,
         const char         *id)
{
  for (guint i = 0; i < n; i++)
    if (g_str_equal (ids[i], id))
      return slots[i];
  g_assert_not_reached ();
}

/* Distinct while there are colours, and the row order does not matter */
static void
test_assign (void)
{
  const char *reversed[N_SAMPLE];
  guint slots[N_SAMPLE], again[N_SAMPLE];

  bk_chart_slots_assign (sample, N_SAMPLE, slots);
  for (guint i = 0; i < N_SAMPLE; i++)
    {
      g_assert_cmpuint (slots[i], <, BK_CHART_N_SLOTS);
      for (guint j = i + 1; j < N_SAMPLE; j++)
        g_assert_cmpuint (slots[i], !=, slots[j]);
      reversed[N_SAMPLE - 1 - i] = sample[i];
    }
  /* Nine ids, eight palette colours: the palette is used up first */
  for (guint s = 0; s < BK_CHART_N_PALETTE_SLOTS; s++)
    {
      gboolean used = FALSE;

      for (guint i = 0; i < N_SAMPLE; i++)
        used |= slots[i] == s;
      g_assert_true (used);
    }

  bk_chart_slots_assign (reversed, N_SAMPLE, again);
  for (guint i = 0; i < N_SAMPLE; i++)
    g_assert_cmpuint (slot_of (reversed, again, N_SAMPLE, sample[i]), ==, slots[i]);

  g_assert_cmpuint (bk_chart_slots_preferred ("msft"), ==, bk_chart_slots_preferred ("msft"));
  g_assert_cmpuint (bk_chart_slots_preferred ("msft"), <, BK_CHART_N_PALETTE_SLOTS);
}

/* A chosen id moves no one, even computed afresh, and has its own colour */
static void
test_choose_id (void)
{
  const char *ids[BK_CHART_N_SLOTS + 4];
  guint before[BK_CHART_N_SLOTS + 4], after[BK_CHART_N_SLOTS + 4];
  guint n = N_SAMPLE;

  memcpy (ids, sample, sizeof sample);
  /* Two more companies than the palette has colours */
  while (n < BK_CHART_N_PALETTE_SLOTS + 3)
    {
      g_autofree char *id = bk_chart_slots_choose_id (ids, n, "company");

      for (guint i = 0; i < n; i++)
        g_assert_cmpstr (ids[i], !=, id);
      bk_chart_slots_assign (ids, n, before);
      ids[n] = id;
      bk_chart_slots_assign (ids, n + 1, after);
      g_assert_cmpmem (before, n * sizeof (guint), after, n * sizeof (guint));
      for (guint i = 0; i < n; i++)
        g_assert_cmpuint (after[i], !=, after[n]);
      ids[n] = g_intern_string (id);
      n++;
    }
}

/* Remembered slots survive a removal; a new id takes a free one */
static void
test_remembered (void)
{
  g_autoptr(GObject) owner = g_object_new (G_TYPE_OBJECT, NULL);
  const char *ids[N_SAMPLE + 1];
  guint first[N_SAMPLE + 1], later[N_SAMPLE + 1];
  guint n = 0;

  bk_chart_slots_assign_remembered (owner, "companies", sample, N_SAMPLE, first);
  /* Without the first id, every other keeps its slot */
  for (guint i = 1; i < N_SAMPLE; i++)
    ids[n++] = sample[i];
  bk_chart_slots_assign_remembered (owner, "companies", ids, n, later);
  for (guint i = 0; i < n; i++)
    g_assert_cmpuint (later[i], ==, first[i + 1]);

  /* A newcomer takes the slot that came free, moving no one */
  ids[n++] = "coreweave";
  bk_chart_slots_assign_remembered (owner, "companies", ids, n, later);
  for (guint i = 0; i + 1 < n; i++)
    {
      g_assert_cmpuint (later[i], ==, first[i + 1]);
      g_assert_cmpuint (later[i], !=, later[n - 1]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart-slots/assign", test_assign);
  g_test_add_func ("/chart-slots/choose-id", test_choose_id);
  g_test_add_func ("/chart-slots/remembered", test_remembered);
  return g_test_run ();
}
