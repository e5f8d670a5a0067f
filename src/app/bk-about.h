/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-about.h — the About window */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Presents a new AdwAboutWindow, modal over @parent (may be NULL). */
void bk_about_show (GtkWindow *parent);

G_END_DECLS
