/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-text.h — scanning what a person typed: the helpers the cell parser
 * (bk-input.c) and the formula lexer (bk-formula.c) share */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The longest quotation of typed text in a message, in characters. */
#define BK_TEXT_MAX_QUOTED 40

/* White space as the user sees it: Unicode spaces, zero-width space and the
 * byte order mark. */
gboolean    bk_text_is_blank         (gunichar     c);
/* The first character of @text that is not blank.  @text is valid UTF-8. */
const char *bk_text_skip_blank       (const char  *text);
/* A copy of @text without leading and trailing blanks.  Valid UTF-8 only. */
char       *bk_text_strip_blank      (const char  *text);
/* @len bytes of @text (-1: all of it) for quoting in a message: at most
 * BK_TEXT_MAX_QUOTED characters, then "…". */
char       *bk_text_quote            (const char  *text,
                                      gssize       len);
/* The number of ASCII digits at the start of @text. */
int         bk_text_count_digits     (const char  *text);
/* A scale suffix K, M, B, bn or T (any case) at the start of @text that is a
 * whole word (not followed by a letter, digit or '_'): its length in bytes,
 * with its power of ten in @power; 0 when there is none. */
gsize       bk_text_match_suffix     (const char  *text,
                                      int         *power);

G_END_DECLS
