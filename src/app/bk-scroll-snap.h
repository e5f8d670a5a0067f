/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-scroll-snap.h — scrolling a grid of charts comes to rest on a whole
 * row */
#pragma once

#include <gtk/gtk.h>

#include "bk-chart-grid.h"

G_BEGIN_DECLS

/* When scrolling @scroller stops (the wheel, the touchpad, the keys or the
 * scroll bar let go) with its top edge inside a row of @grid's charts, the
 * view glides to the start of that row going up, and going down to the
 * start of the next row (or of what follows the grid, or the end of what
 * scrolls): at rest, no chart is cut through its text.  Rows
 * taller than the view scroll freely.  Lasts as long as @scroller; @grid
 * is inside it. */
void      bk_scroll_snap_attach      (GtkScrolledWindow *scroller,
                                      BkChartGrid       *grid);
/* For tests: whether a snap is waiting or under way */
gboolean  bk_scroll_snap_is_pending  (GtkScrolledWindow *scroller);

G_END_DECLS
