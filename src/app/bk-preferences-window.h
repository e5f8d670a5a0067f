/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-preferences-window.h — the Preferences window, a view of BkSettings */
#pragma once

#include <adwaita.h>

#include "bk-settings.h"

G_BEGIN_DECLS

#define BK_TYPE_PREFERENCES_WINDOW (bk_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (BkPreferencesWindow, bk_preferences_window, BK, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* A modal window over @parent (may be NULL) whose rows read and change
 * @settings immediately. */
GtkWidget  *bk_preferences_window_new          (GtkWindow           *parent,
                                                BkSettings          *settings);
BkSettings *bk_preferences_window_get_settings (BkPreferencesWindow *self);

G_END_DECLS
