/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-chart-slots.h — colour slots that stay with a company or a market
 *
 * A series' colour comes from its row's id, never from its position: the
 * id's hash picks a preferred slot among the eight colour-blind-safe
 * (Okabe–Ito) colours, and when two ids want the same slot the one that
 * comes first (by a second hash of the id) keeps it while the other takes
 * the next free one: the rest of the eight, then BK_CHART_N_SLOTS - 8
 * further colours; past those, colours are shared.  So inserting, removing
 * or moving a row does not recolour the others, except that a removed
 * row's slot could go back to a row that had wanted it: so that it does
 * not, bk_chart_slots_assign_remembered() keeps the slots it gave for as
 * long as their owner (a workbook) lives.  bk_chart_slots_choose_id()
 * finds a new id that moves no one even when computed afresh (on the
 * command line, or when the file is opened again) whenever one of its
 * first tries does, as it always does while a palette colour is free. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BK_CHART_N_PALETTE_SLOTS 8   /* Okabe–Ito */
#define BK_CHART_N_SLOTS         12  /* and four further colours */

/* The slot @id would take if no other id wanted it (< BK_CHART_N_PALETTE_SLOTS) */
guint  bk_chart_slots_preferred  (const char         *id);
/* The slot of each of @n_ids distinct @ids, into @slots (< BK_CHART_N_SLOTS) */
void   bk_chart_slots_assign     (const char * const *ids,
                                  guint               n_ids,
                                  guint              *slots);
/* The same, but ids that @owner's @key remembers keep the slot they had;
 * new ids take the first free slot from their preferred one, and ids gone
 * are forgotten */
void   bk_chart_slots_assign_remembered (gpointer            owner,
                                         const char         *key,
                                         const char * const *ids,
                                         guint               n_ids,
                                         guint              *slots);
/* "@stem", else "@stem-2", "@stem-3", …: the first that is not among @ids
 * and that, added to them, takes a slot of its own (while any is left) and
 * moves none of theirs; failing that within 64 tries, the first that is
 * not among @ids. */
char  *bk_chart_slots_choose_id  (const char * const *ids,
                                  guint               n_ids,
                                  const char         *stem);

G_END_DECLS
