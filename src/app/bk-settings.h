/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-settings.h — the application's settings as a GObject, injected into windows */
#pragma once

#include <adwaita.h>

#include "bk-types.h"

G_BEGIN_DECLS

#define BK_TYPE_SETTINGS (bk_settings_get_type ())

G_DECLARE_FINAL_TYPE (BkSettings, bk_settings, BK, SETTINGS, GObject)

/* @settings NULL: g_settings_new (APPLICATION_ID), or in-memory settings
 * over the bundled schema when none is installed. */
BkSettings    *bk_settings_new                     (GSettings       *settings);
GSettings     *bk_settings_get_gsettings           (BkSettings      *self);

int            bk_settings_get_window_width        (BkSettings      *self);
void           bk_settings_set_window_width        (BkSettings      *self,
                                                    int              width);
int            bk_settings_get_window_height       (BkSettings      *self);
void           bk_settings_set_window_height       (BkSettings      *self,
                                                    int              height);
gboolean       bk_settings_get_window_maximized    (BkSettings      *self);
void           bk_settings_set_window_maximized    (BkSettings      *self,
                                                    gboolean         maximized);
/* "default", "light" or "dark" */
const char    *bk_settings_get_color_scheme        (BkSettings      *self);
void           bk_settings_set_color_scheme        (BkSettings      *self,
                                                    const char      *color_scheme);
/* A path or URI; "" when there is none. */
const char    *bk_settings_get_last_document       (BkSettings      *self);
void           bk_settings_set_last_document       (BkSettings      *self,
                                                    const char      *last_document);
BkGranularity  bk_settings_get_default_granularity (BkSettings      *self);
void           bk_settings_set_default_granularity (BkSettings      *self,
                                                    BkGranularity    granularity);

/* Call before the window is first presented: restores its default size and
 * maximized state, then saves them as they change and when it closes.  The
 * size saved is the unmaximized one.  The window keeps @self alive. */
void           bk_settings_attach_window           (BkSettings      *self,
                                                    GtkWindow       *window);
/* Applies color-scheme to @manager now and whenever it changes. */
void           bk_settings_attach_style_manager    (BkSettings      *self,
                                                    AdwStyleManager *manager);

G_END_DECLS
