/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-chart-slots.c — colour slots that stay with a company or a market
 * (see the header for the rule) */
#include "config.h"

#include <glib-object.h>
#include <string.h>

#include "bk-chart-slots.h"

#define MAX_TRIES 64

/* FNV-1a from @basis: the same on every platform */
static guint32
hash_id (const char *id,
         guint32     basis)
{
  guint32 hash = basis;

  for (const guchar *p = (const guchar *) id; *p != '\0'; p++)
    hash = (hash ^ *p) * 16777619u;
  return hash;
}

guint
bk_chart_slots_preferred (const char *id)
{
  g_return_val_if_fail (id != NULL, 0);

  return hash_id (id, 2166136261u) % BK_CHART_N_PALETTE_SLOTS;
}

/* Who chooses first: an order of the ids' own (a second hash, then the
 * id), so that no row's place matters, and a new id can be found that
 * chooses after every other */
static guint32
priority (const char *id)
{
  return hash_id (id, 0x9e3779b9u);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b,
             gpointer      user_data)
{
  const char * const *ids = user_data;
  const char *x = ids[*(const guint *) a];
  const char *y = ids[*(const guint *) b];
  guint32 px = priority (x), py = priority (y);

  if (px != py)
    return px < py ? -1 : 1;
  return strcmp (x, y);
}

/* The preferred slot, else the rest of the palette from there on, then the
 * further colours; when all are taken, the preferred one is shared */
static guint
first_free (gboolean *taken,
            guint     preferred)
{
  for (guint step = 0; step < BK_CHART_N_SLOTS; step++)
    {
      guint candidate = step < BK_CHART_N_PALETTE_SLOTS
                        ? (preferred + step) % BK_CHART_N_PALETTE_SLOTS
                        : step;

      if (!taken[candidate])
        {
          taken[candidate] = TRUE;
          return candidate;
        }
    }
  return preferred;
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

      slots[i] = first_free (taken, bk_chart_slots_preferred (ids[i]));
    }
}

static gboolean
slot_taken (const guint *slots,
            guint        n_slots,
            guint        slot)
{
  for (guint i = 0; i < n_slots; i++)
    if (slots[i] == slot)
      return TRUE;
  return FALSE;
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

/* Whether adding @id to @ids leaves every slot of @ids as in @slots */
static gboolean
moves_no_one (const char * const *ids,
              guint               n_ids,
              const guint        *slots,
              const char         *id,
              const char        **with,
              guint              *with_slots)
{
  memcpy (with, ids, n_ids * sizeof (char *));
  with[n_ids] = id;
  bk_chart_slots_assign (with, n_ids + 1, with_slots);
  return memcmp (slots, with_slots, n_ids * sizeof (guint)) == 0;
}

char *
bk_chart_slots_choose_id (const char * const *ids,
                          guint               n_ids,
                          const char         *stem)
{
  g_autofree guint *slots = g_new (guint, n_ids + 1);
  g_autofree guint *with_slots = g_new (guint, n_ids + 1);
  g_autofree const char **with = g_new (const char *, n_ids + 1);
  g_autofree char *first = NULL;

  g_return_val_if_fail (stem != NULL && *stem != '\0', NULL);

  bk_chart_slots_assign (ids, n_ids, slots);
  for (guint n = 1, tries = 0; tries < MAX_TRIES; n++)
    {
      g_autofree char *id = n == 1 ? g_strdup (stem) : g_strdup_printf ("%s-%u", stem, n);

      if (contains (ids, n_ids, id))
        continue;
      tries++;
      if (first == NULL)
        first = g_strdup (id);
      /* A colour of its own (while any is left) that moves no one; an id
       * whose preferred slot is free always does */
      if (moves_no_one (ids, n_ids, slots, id, with, with_slots) &&
          (n_ids >= BK_CHART_N_SLOTS || !slot_taken (slots, n_ids, with_slots[n_ids])))
        return g_steal_pointer (&id);
    }
  /* Every palette colour taken and none of the tries fits: the first free
   * id (a window remembers its slots anyway) */
  return g_steal_pointer (&first);
}

void
bk_chart_slots_assign_remembered (gpointer            owner,
                                  const char         *key,
                                  const char * const *ids,
                                  guint               n_ids,
                                  guint              *slots)
{
  GHashTable *memory;
  g_autoptr(GHashTable) kept = NULL;
  gboolean taken[BK_CHART_N_SLOTS] = { FALSE };
  g_autofree guint *order = NULL;

  g_return_if_fail (G_IS_OBJECT (owner));
  g_return_if_fail (key != NULL);
  g_return_if_fail (n_ids == 0 || (ids != NULL && slots != NULL));

  memory = g_object_get_data (owner, key);
  if (memory == NULL)
    {
      bk_chart_slots_assign (ids, n_ids, slots);
    }
  else
    {
      /* The ids seen before keep their slots; new ones choose among the
       * rest, in their order */
      for (guint i = 0; i < n_ids; i++)
        {
          gpointer slot;

          slots[i] = G_MAXUINT;
          if (g_hash_table_lookup_extended (memory, ids[i], NULL, &slot))
            {
              slots[i] = GPOINTER_TO_UINT (slot);
              taken[slots[i]] = TRUE;
            }
        }
      order = g_new (guint, MAX (n_ids, 1));
      for (guint i = 0; i < n_ids; i++)
        order[i] = i;
      g_qsort_with_data (order, (gint) n_ids, sizeof (guint), compare_ids, (gpointer) ids);
      for (guint k = 0; k < n_ids; k++)
        if (slots[order[k]] == G_MAXUINT)
          slots[order[k]] = first_free (taken, bk_chart_slots_preferred (ids[order[k]]));
    }

  kept = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < n_ids; i++)
    g_hash_table_insert (kept, g_strdup (ids[i]), GUINT_TO_POINTER (slots[i]));
  g_object_set_data_full (owner, key, g_steal_pointer (&kept), (GDestroyNotify) g_hash_table_unref);
}
