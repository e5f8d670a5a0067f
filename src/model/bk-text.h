/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-text.h — scanning what a person typed: the helpers the cell parser
 * (bk-input.c) and the formula lexer (bk-formula.c) share, and the short
 * forms in which views quote it */
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
/* How wide @text shows, in columns: one per character, two for a wide
 * (CJK) one. */
guint       bk_text_get_columns      (const char  *text);
/* A name short enough to show whole in @max_columns (see above): @name
 * itself when it fits; else its longest part before a separator (", ",
 * " — ", ": ", " (" …) that fits, "Bear — short GPU life" for "Bear — short
 * GPU life, price war"; else cut after a word (or a character), then "…".
 * Valid UTF-8 only. */
char       *bk_text_shorten          (const char  *name,
                                      guint        max_columns);
/* How wide the window's header and KPI strip show a name, in columns */
#define BK_TEXT_SHORT_COLUMNS 24
/* The number of ASCII digits at the start of @text. */
int         bk_text_count_digits     (const char  *text);
/* A scale suffix at the start of @text: its length in bytes, with its
 * power of ten in @power; 0 when there is none.  Either K, M, B, bn or T
 * (any case) as a whole word (not followed by a letter, digit or '_'), or
 * the Chinese 万 (10⁴), 亿 (10⁸) or 万亿 (10¹²), the units the charts count
 * money in under zh_CN, optionally followed by 美元 (US dollars): then
 * *@money (may be NULL) is TRUE, else FALSE. */
gsize       bk_text_match_suffix     (const char  *text,
                                      int         *power,
                                      gboolean    *money);

/* The longest texts a document stores, in characters (docs/file-format.md):
 * bounded on input and on load, so no view is ever handed a text it cannot
 * lay out. */
typedef enum
{
  BK_TEXT_NAME,     /* company, market and scenario names, ids */
  BK_TEXT_TITLE,    /* the document's title */
  BK_TEXT_NOTE,     /* a cell's note */
  BK_TEXT_FORMULA,  /* a cell's formula */
} BkTextKind;

#define BK_TEXT_MAX_NAME     200
#define BK_TEXT_MAX_TITLE    500
#define BK_TEXT_MAX_NOTE     10000
#define BK_TEXT_MAX_FORMULA  1000

/* The most characters a text of @kind may have. */
gsize       bk_text_get_max_length   (BkTextKind   kind);
/* Whether @len bytes of @text (-1: up to its NUL) are valid UTF-8 without
 * NUL characters and no longer than @kind allows.  Otherwise FALSE with a
 * BK_ERROR_INVALID_INPUT or BK_ERROR_OUT_OF_RANGE error saying which. */
gboolean    bk_text_check_stored     (const char  *text,
                                      gssize       len,
                                      BkTextKind   kind,
                                      GError     **error);

G_END_DECLS
