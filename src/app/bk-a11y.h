/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-a11y.h — names for controls whose parts GTK 4.8 leaves unnamed */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Names @widget for assistive technologies; for an AdwSplitButton, its
 * menu part: GTK 4.8 reads those as "GtkMenuButton" otherwise. */
void bk_a11y_set_label         (GtkWidget  *widget,
                                const char *label);
/* Names every menu button under @root (itself included) after its label,
 * else its tooltip, and the menu part of every AdwSplitButton after its
 * dropdown tooltip: what a sighted user reads on or over them; a menu
 * button that shows a label of its own (the scenario) is described by
 * it.  Buttons
 * with a mnemonic label are named by that label alone ("Open", not
 * "_Open Open"). */
void bk_a11y_name_controls     (GtkWidget  *root);
/* Names a scrolled window's scroll bars "Horizontal" and "Vertical"
 * (screen readers add "scroll bar"): GTK 4.8 reads "GtkScrollbar". */
void bk_a11y_name_scrollbars   (GtkWidget  *scrolled_window);

G_END_DECLS
