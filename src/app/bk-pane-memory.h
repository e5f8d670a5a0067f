/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-pane-memory.h — dividers that fit the sheet, or stay where the
 * person put them */
#pragma once

#include <gtk/gtk.h>

#include "bk-sheet-view.h"

G_BEGIN_DECLS

/* Until the person moves it, @paned's divider sits where its start child
 * (a sheet) ends: at the start child's natural size, but at most
 * @max_share of the paned and within what the end child needs at least;
 * it follows as the window is resized (bk_pane_memory_fit()).  With
 * @settings, a divider the person moved is written to the "pane-positions"
 * key under @name, and read back from there the next time.  Lasts as long
 * as @paned. */
void      bk_pane_memory_attach         (GtkPaned   *paned,
                                         GSettings  *settings,
                                         const char *name,
                                         double      max_share);
/* Called by the paned's page in its size_allocate, before it allocates
 * the paned: @room is the paned's length along its orientation, @other
 * its size across (or -1).  Does nothing once the person moved it. */
void      bk_pane_memory_fit            (GtkPaned   *paned,
                                         int         room,
                                         int         other);
/* While the divider fits itself and the start child does not fit whole,
 * it stops @offset plus a whole number of @step from the start: a sheet
 * (its title and column headers @offset tall) shows whole rows of @step.
 * A @step of 0 lets it stop anywhere. */
void      bk_pane_memory_set_steps      (GtkPaned   *paned,
                                         int         offset,
                                         int         step);
/* While the divider fits itself, it leaves the end child at least @room
 * (more than the end child's minimum: what it needs to show something
 * whole) as long as the start child keeps its minimum; the window's
 * least size is not changed by it.  0 for the end child's minimum. */
void      bk_pane_memory_set_end_room   (GtkPaned   *paned,
                                         int         room);
/* The steps for a sheet under @title, as bk_pane_memory_set_steps(): the
 * title (its height at @title_width, or -1 for its least width) and the
 * sheet's column headers, then rows of @sheet's row height.  Steps of 0
 * while the sheet has no rows or no @title. */
void      bk_pane_memory_set_sheet_steps (GtkPaned    *paned,
                                          GtkWidget   *title,
                                          BkSheetView *sheet,
                                          int          title_width);
/* Whether the divider still fits itself to the start child */
gboolean  bk_pane_memory_is_automatic   (GtkPaned   *paned);

G_END_DECLS
