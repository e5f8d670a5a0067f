/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-input.h — the one parser for everything a person types into a cell */
#pragma once

#include "bk-types.h"

G_BEGIN_DECLS

typedef enum
{
  BK_INPUT_BLANK,    /* empty or only white space: clears the cell */
  BK_INPUT_NUMBER,   /* a number, converted to the table's canonical unit */
  BK_INPUT_FORMULA,  /* "=…" or growth shorthand "+39%" (stored as "=prev*1.39") */
} BkInputKind;

typedef struct
{
  BkInputKind kind;
  double      value;    /* BK_INPUT_NUMBER: value in the table's unit (share: fraction) */
  char       *formula;  /* BK_INPUT_FORMULA: normalised text starting with '=' (owned) */
} BkInput;

/* Decimal and grouping separators of the numbers a person types. */
typedef struct
{
  char decimal_point[8];
  char thousands_sep[8];
} BkNumberLocale;

/* The C locale: '.' and ','. */
void      bk_number_locale_init_c       (BkNumberLocale       *locale);
/* The process's LC_NUMERIC locale, as localeconv() reports it. */
void      bk_number_locale_init_current (BkNumberLocale       *locale);

/* Parses @text for a cell of @table.  @locale NULL means the current locale;
 * numbers in the C locale are always accepted too where unambiguous.
 * On failure returns FALSE with a BK_ERROR_INVALID_INPUT error whose message
 * says what was expected, and leaves @out cleared. */
gboolean  bk_input_parse                (const char           *text,
                                         BkTable               table,
                                         const BkNumberLocale *locale,
                                         BkInput              *out,
                                         GError              **error);
void      bk_input_clear                (BkInput              *input);

/* A driver's value or a target as a plain number: "0.6", "−5", "1e3", or a
 * percentage read as a fraction ("60%" is 0.6), in @locale (NULL: the
 * current one) with the C locale's numbers accepted too.  No scale suffix,
 * currency or formula.  FALSE (and *@value untouched) when @text is not
 * one; callers say what they expected. */
gboolean  bk_input_parse_plain_number   (const char           *text,
                                         const BkNumberLocale *locale,
                                         double               *value);

/* Whether @text starts with a Chinese scale word (万, 亿 or 万亿), which
 * callers that take no scale suffix refuse as they refuse K M B T. */
gboolean  bk_input_is_chinese_scale     (const char           *text);

G_END_DECLS
