/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-test-app.h — the application a window test runs its windows in, in a
 * private home of its own */
#pragma once

#include "bk-application.h"

G_BEGIN_DECLS

/* g_test_init(), GTK and libadwaita, with HOME and the XDG data, config
 * and cache folders in a new temporary home for the whole run (the
 * recent-files manager is a singleton that keeps the data folder it first
 * saw), and a registered, non-unique BkApplication.  @name names the
 * temporary home. */
BkApplication *bk_test_app_init (int          *argc,
                                 char       ***argv,
                                 const char   *name);

/* Runs the tests, then drops @app and removes the private home. */
int            bk_test_app_run  (BkApplication *app);

G_END_DECLS
