/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-chart-slots.h — colour slots that stay with a company or a market
 *
 * A series' colour comes from its row's id, never from its position: the
 * id's hash picks a preferred slot among the eight colour-blind-safe
 * (Okabe–Ito) colours, and when two ids want the same slot the one that
 * sorts first by id keeps it while the other takes the next free one (the
 * rest of the eight, then BK_CHART_N_SLOTS - 8 further colours; past
 * those, colours are shared).  So inserting, removing or moving a row does
 * not recolour the others, except that a removed row's slot goes back to a
 * row that had wanted it.  A new id whose preferred slot is free takes it
 * and moves no one: bk_chart_slots_choose_id() finds one. */
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
/* "@stem", else "@stem-2", "@stem-3", …: the first that is not among @ids
 * and whose preferred slot no id in @ids holds, or, when every palette
 * slot is taken, the first that is not among @ids. */
char  *bk_chart_slots_choose_id  (const char * const *ids,
                                  guint               n_ids,
                                  const char         *stem);

G_END_DECLS
