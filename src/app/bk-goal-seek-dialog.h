/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-goal-seek-dialog.h — Goal Seek: the value of a driver at which a
 * metric reaches a target, found and applied to the current scenario */
#pragma once

#include <adwaita.h>

#include "bk-goal-seek.h"
#include "bk-window.h"

G_BEGIN_DECLS

#define BK_TYPE_GOAL_SEEK_DIALOG (bk_goal_seek_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BkGoalSeekDialog, bk_goal_seek_dialog, BK, GOAL_SEEK_DIALOG, AdwWindow)

/* A modal dialog over @window for its current scenario: a metric, the
 * company (or the total), the target and the driver to vary.  Find (Enter
 * in the target) runs bk_goal_seek() on the window's workbook and shows the
 * value found, or why there is none, in the dialog.  Apply (enabled after a
 * successful Find until a field changes; Enter again) stores it with
 * bk_goal_seek_apply(), one undo step, and closes; Cancel and Escape change
 * nothing.  The dialog only watches the window: it goes with it. */
BkGoalSeekDialog *bk_goal_seek_dialog_new         (BkWindow          *window);

/* The fields, as a person sets them (each change forgets the answer) */
void              bk_goal_seek_dialog_set_metric  (BkGoalSeekDialog  *self,
                                                   BkMetric           metric);
BkMetric          bk_goal_seek_dialog_get_metric  (BkGoalSeekDialog  *self);
/* -1: the total */
void              bk_goal_seek_dialog_set_company (BkGoalSeekDialog  *self,
                                                   int                company);
int               bk_goal_seek_dialog_get_company (BkGoalSeekDialog  *self);
/* One of the drivers bk_driver_check() accepts */
void              bk_goal_seek_dialog_set_driver  (BkGoalSeekDialog  *self,
                                                   BkAssumption       driver);
BkAssumption      bk_goal_seek_dialog_get_driver  (BkGoalSeekDialog  *self);

/* Runs the search, as Find does: TRUE when a value was found. */
gboolean          bk_goal_seek_dialog_find        (BkGoalSeekDialog  *self);
/* The value Find found; NAN before, after a field changed, or when none */
double            bk_goal_seek_dialog_get_value   (BkGoalSeekDialog  *self);
/* What the dialog says under the fields: the value found with its unit,
 * the reason there is none, or "" */
const char       *bk_goal_seek_dialog_get_message (BkGoalSeekDialog  *self);
gboolean          bk_goal_seek_dialog_can_apply   (BkGoalSeekDialog  *self);

G_END_DECLS
