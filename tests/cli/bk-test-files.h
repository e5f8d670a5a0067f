/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-test-files.h — the command-line tests' temporary files */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Removes @path and, when it is a folder, everything in it; a symbolic
 * link is removed, never followed.  Errors are ignored: it tidies up
 * after a test. */
void bk_test_remove_tree (const char *path);

G_END_DECLS
