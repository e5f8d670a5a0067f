/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-application.h — the Breakeven application: windows, app-wide actions,
 * settings, command line */
#pragma once

#include <adwaita.h>

#include "bk-settings.h"

G_BEGIN_DECLS

#define BK_TYPE_APPLICATION (bk_application_get_type ())

G_DECLARE_FINAL_TYPE (BkApplication, bk_application, BK, APPLICATION, AdwApplication)

BkApplication *bk_application_new           (void);
BkSettings    *bk_application_get_settings  (BkApplication *self);

/* Opens @file (a .breakeven document, or a workbook .json imported into a
 * new document) in a window: the active one when it holds nothing worth
 * keeping on screen, else a new one.  Failures are shown in a window. */
void           bk_application_open_file     (BkApplication *self,
                                             GFile         *file);
/* A new window on a fresh copy of the sample workbook. */
void           bk_application_open_sample   (BkApplication *self);

/* Where never-saved documents live until they are saved elsewhere, so an
 * edit to an untitled workbook survives a crash or a restart. */
char          *bk_application_dup_drafts_dir (void);

G_END_DECLS
