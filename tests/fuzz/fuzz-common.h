/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-common.h — what every fuzz target shares: the libFuzzer entry point's
 * prototype, a one-time set-up, and a scratch folder for documents. */
#pragma once

#include <glib.h>
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Silences the library's own warnings (hostile input is expected to make
 * some) and keeps criticals fatal, so a g_return_if_fail that fires is a
 * finding.  Idempotent. */
void         bk_fuzz_init          (void);

/* A per-process scratch folder on tmpfs where there is one. */
const char  *bk_fuzz_scratch_dir   (void);

/* Aborts, naming @what and the first place where they differ, unless
 * @expected and @actual are the same text (whole documents are too long
 * for g_assert_cmpstr's message). */
#define bk_fuzz_assert_same_text(what, expected, actual) \
  bk_fuzz_assert_same_text_impl (G_STRLOC, what, expected, actual)
void         bk_fuzz_assert_same_text_impl (const char *where,
                                            const char *what,
                                            const char *expected,
                                            const char *actual);

/* A NUL-terminated copy of @data. */
char        *bk_fuzz_strndup       (const uint8_t *data,
                                    size_t         size);
