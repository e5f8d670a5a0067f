/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-goal-seek-apply.h — storing a goal-seek answer as a scenario's overrides */
#pragma once

#include "bk-document.h"

G_BEGIN_DECLS

/* Stores @value of @driver in @scenario of @document so that a fresh
 * recalculation gives what bk_goal_seek() found for @company, in one action
 * (one undo step):
 *
 * - for one company, that company's layer of the scenario, so the other
 *   companies keep their values;
 * - for the total (-1), the scenario's workbook-level layer, and every
 *   company layer that would otherwise win over it for that driver: in
 *   Base the company overrides of the workbook, in another scenario that
 *   scenario's company overrides (a Base company override already gives way
 *   to the scenario's value, so it stays as it is).
 *
 * Fails, changing nothing, like bk_document_set_assumptions(). */
gboolean  bk_goal_seek_apply (BkDocument    *document,
                              guint          scenario,
                              int            company,
                              BkAssumption   driver,
                              double         value,
                              GError       **error);

G_END_DECLS
