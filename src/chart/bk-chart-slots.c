/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-chart-slots.c — colour slots that stay with a company or a market
 * (see the header for the rule) */
#include "config.h"

#include <string.h>

#include "bk-chart-slots.h"

guint
bk_chart_slots_preferred (const char *id)
{
  guint32 hash = 2166136261u;  /* FNV-1a: the same slot on every platform */

  g_return_val_if_fail (id != NULL, 0);

  for (const guchar *p = (const guchar *) id; *p != '\0'; p++)
    hash = (hash ^ *p) * 16777619u;
  return hash % BK_CHART_N_PALETTE_SLOTS;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b,
             gpointer      user_data)
{
  const char * const *ids = user_data;

  return strcmp (ids[*(const guint *) a], ids[*(const guint *) b]);
}

void
bk_chart_slots_assign (const char * const *ids,
                       guint               n_ids,
                       guint              *slots)
{
  gboolean taken[BK_CHART_N_SLOTS] = { FALSE };
  g_autofree guint *order = NULL;

  g_return_if_fail (n_ids == 0 || (ids != NULL && slots != NULL));

  order = g_new (guint, MAX (n_ids, 1));
  for (guint i = 0; i < n_ids; i++)
    order[i] = i;
  g_qsort_with_data (order, (gint) n_ids, sizeof (guint), compare_ids, (gpointer) ids);

  for (guint k = 0; k < n_ids; k++)
    {
      guint i = order[k];
      guint preferred = bk_chart_slots_preferred (ids[i]);
      guint slot = preferred;

      /* The rest of the palette from the preferred slot on, then the
       * further colours; when all are taken, the preferred one is shared */
      for (guint step = 0; step < BK_CHART_N_SLOTS; step++)
        {
          guint candidate = step < BK_CHART_N_PALETTE_SLOTS
                            ? (preferred + step) % BK_CHART_N_PALETTE_SLOTS
                            : step;

          if (!taken[candidate])
            {
              slot = candidate;
              taken[candidate] = TRUE;
              break;
            }
        }
      slots[i] = slot;
    }
}

static gboolean
contains (const char * const *ids,
          guint               n_ids,
          const char         *id)
{
  for (guint i = 0; i < n_ids; i++)
    if (g_strcmp0 (ids[i], id) == 0)
      return TRUE;
  return FALSE;
}

char *
bk_chart_slots_choose_id (const char * const *ids,
                          guint               n_ids,
                          const char         *stem)
{
  gboolean taken[BK_CHART_N_SLOTS] = { FALSE };
  g_autofree guint *slots = g_new (guint, MAX (n_ids, 1));
  gboolean any_free = FALSE;

  g_return_val_if_fail (stem != NULL && *stem != '\0', NULL);

  bk_chart_slots_assign (ids, n_ids, slots);
  for (guint i = 0; i < n_ids; i++)
    taken[slots[i]] = TRUE;
  for (guint s = 0; s < BK_CHART_N_PALETTE_SLOTS; s++)
    any_free |= !taken[s];

  for (guint n = 1; ; n++)
    {
      g_autofree char *id = n == 1 ? g_strdup (stem) : g_strdup_printf ("%s-%u", stem, n);

      if (contains (ids, n_ids, id))
        continue;
      /* Each palette slot is some id's preferred one: a free slot is
       * found within a few hundred tries */
      if (!any_free || !taken[bk_chart_slots_preferred (id)] || n > 1000)
        return g_steal_pointer (&id);
    }
}
