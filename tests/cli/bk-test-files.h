/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-test-files.h — the command-line tests' temporary files */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Removes @path and, when it is a folder, everything in it; a symbolic
 * link is removed, never followed.  Errors are ignored: it tidies up
 * after a test. */
void  bk_test_remove_tree           (const char *path);

/* ASAN_OPTIONS for a breakeven-cli that LD_PRELOADs one of the shims
 * (built without sanitizers): ours, with verify_asan_link_order=0, since
 * a sanitizer build's runtime wants to be loaded first and the shims
 * allocate nothing it must see.  Harmless in a plain build. */
char *bk_test_preload_asan_options  (void);

G_END_DECLS
