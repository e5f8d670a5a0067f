/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-kpi-strip.h — the always-visible row of ROI figures at the bottom of
 * the window: the total and the company under the cursor */
#pragma once

#include <gtk/gtk.h>

#include "bk-engine.h"

G_BEGIN_DECLS

#define BK_TYPE_KPI_STRIP (bk_kpi_strip_get_type ())

G_DECLARE_FINAL_TYPE (BkKpiStrip, bk_kpi_strip, BK, KPI_STRIP, GtkWidget)

GtkWidget *bk_kpi_strip_new         (void);
BkEngine  *bk_kpi_strip_get_engine  (BkKpiStrip *self);
void       bk_kpi_strip_set_engine  (BkKpiStrip *self,
                                     BkEngine   *engine);
/* The company shown beside the total; -1 shows none. */
int        bk_kpi_strip_get_company (BkKpiStrip *self);
void       bk_kpi_strip_set_company (BkKpiStrip *self,
                                     int         company);
/* The shown text of one figure, for tests: @company -1 is the total;
 * @metric 0 NPV, 1 IRR, 2 ROI, 3 payback. */
const char *bk_kpi_strip_get_text   (BkKpiStrip *self,
                                     gboolean    total,
                                     guint       metric);
/* How many times the figures were refreshed (once per frame at most). */
guint      bk_kpi_strip_get_n_updates (BkKpiStrip *self);

G_END_DECLS
