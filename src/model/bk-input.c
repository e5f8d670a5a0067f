/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-input.c — the one parser for everything a person types into a cell
 *
 * The grid, the formula bar, `breakeven-cli set` and CSV import all go
 * through bk_input_parse().  It only parses: whether the value is allowed in
 * its table (say a negative capex or a share above 100 %) is checked by the
 * caller with bk_table_check_value().
 *
 * Units of the tables
 *   capex, backlog  US$ billion
 *   tokens          trillion tokens per day
 *   share           a fraction 0..1, typed and shown as percent
 *
 * What is accepted (after leading and trailing white space is dropped;
 * white space is anything g_unichar_isspace() accepts, which includes the
 * no-break spaces U+00A0 and U+202F, plus U+200B and U+FEFF):
 *
 *   ""                    blank: BK_INPUT_BLANK, clears the cell
 *   [sign][currency][sign]number[ws][suffix | %]
 *                         a number, at most one sign
 *   =formula              a formula, see bk-formula.c
 *
 * Signs are '+', '-' and U+2212 MINUS SIGN.
 *
 * Numbers.  Digits are ASCII.  Two sets of rules are tried, the user's
 * locale (@locale, or the process's LC_NUMERIC when NULL) first and the C
 * locale second; the first under which the whole text parses wins:
 *   - a decimal point: the locale's (e.g. ',' in de_DE) or '.' in the C rules;
 *     digits may be missing on one side of it (".5", "5.") but not both;
 *   - optional grouping of the integer part: a first group of 1–3 digits not
 *     starting with 0, then groups of exactly 3 digits, each after the same
 *     separator: the locale's thousands separator (',' in the C rules) or a
 *     space (U+0020, U+00A0, U+2007, U+2009 or U+202F, all alike, in any
 *     locale — the SI style, never ambiguous);
 *   - an optional exponent 'e' or 'E', an optional sign and digits.
 * So "1,234.5", "1 234.5" and "1e3" always work; in de_DE "1.234,5" works
 * too.  When both rule sets parse a text to different values the locale
 * wins: in de_DE "1.234" is 1234 and "1,234" is 1.234, as the user's
 * spreadsheet would read them, while "0.5" and "1,234.5" (which only the C
 * rules accept) are 0.5 and 1234.5.  Under the C rules "1,5" is rejected
 * because groups have three digits.  Callers that read machine-written text
 * (CSV import) should pass bk_number_locale_init_c() so that "1.234" stays
 * 1.234 whatever the user's locale.
 * "nan", "inf" and anything too large for a double ("1e999") are rejected;
 * numbers too small for a double become 0, and -0 becomes 0.
 *
 * Scale suffixes, with or without white space before them, convert the value
 * into the table's unit: K (10³), M (10⁶), B or bn (10⁹), T (10¹²), in any
 * case, and the Chinese 万 (10⁴), 亿 (10⁸) and 万亿 (10¹²) in every locale,
 * since under zh_CN the charts and the KPI strip count money in 亿美元 and
 * 万亿美元 while the tables stay in the document's unit.  Capex and
 * backlog: "180B" is 180, "1.2T" is 1200, "500M" is 0.5, "250K" is
 * 0.00025, "2500亿" is 250, "1.2万亿" is 1200, "5000万" is 0.05.  Tokens:
 * "500B" is 0.5, "2T" is 2, "5000亿" is 0.5.  A bare number is already in
 * the table's unit.  A share takes no suffix.
 * The scaling is done in decimal before the conversion to double, so every
 * value is the double nearest to what was typed ("1.1B" of tokens is exactly
 * the double 0.0011).
 *
 * Currency prefixes "$", "US$" and "USD" (any case, white space may follow),
 * and 美元 right after a Chinese scale ("2500亿美元", "$1.2万亿美元"), are
 * allowed in capex and backlog only: tokens and shares are not money.
 *
 * Share.  Like a spreadsheet cell formatted as percent, a number typed into
 * the share table is a percentage whether or not '%' follows: "47" and "47%"
 * are both 0.47, "0.47" is 0.47 % = 0.0047, "+5%" is 0.05.
 *
 * Growth shorthand.  In capex, backlog and tokens a signed percentage is
 * growth over the previous period: "+39%" is stored as the formula
 * "=prev*1.39", "-10%" as "=prev*0.9", "+0%" as "=prev*1".  The multiplier
 * is 1 + p/100 computed exactly in decimal, written as the shortest text
 * that reads back to the same double (bk_number_format_shortest()).  An
 * unsigned percentage ("5%") or one with a suffix or currency is rejected
 * there.
 *
 * Formulas start with '='; bk_formula_compile() (bk-formula.c, which has
 * the grammar) checks and normalises them: "= PREV * 1.3 " becomes
 * "=prev*1.3" (white space dropped, `prev` in lower case, − × ÷ as - * /,
 * numbers as typed).  They hold numbers, + - * / ^, postfix %, parentheses
 * `prev`, the previous period's value of the same row, and `base`, the
 * Base value of the same cell.  The parser takes `base` anywhere; only a
 * scenario's override may use it, so the workbook refuses it in a Base
 * cell where the scenario is known (bk_formula_check_in_base(): typed
 * cells, CSV import, JSON and the document file).
 *   - Numbers inside formulas use the C locale only ('.' decimal point, no
 *     grouping) so that ',' never has two meanings; they take the same
 *     suffixes as cells (=prev+5B in capex adds 5) but are never implicitly
 *     percent, not even in share (=prev+2% there adds 0.02).
 *   - Precedence as in LibreOffice Calc and Excel, highest first: unary
 *     minus, %, ^ (left-associative), * /, + -.  So =-2^2 is 4 and =2^3^2
 *     is 64.
 *   - At most 1000 characters and 64 nested parentheses.
 *   - Evaluation fails (BK_ERROR_FORMULA) on division by zero, on a result
 *     that is not finite and on a missing (non-finite) `prev`.
 * A formula that compiles is accepted even if it cannot be evaluated
 * ("=1/0"): that shows when the engine evaluates it.
 *
 * Input longer than 1000 characters and text that is not valid UTF-8 are
 * rejected.  Every rejection is a BK_ERROR_INVALID_INPUT error whose
 * translated message says what was expected.
 *
 * @out is written, not freed: on success it holds the result (free it with
 * bk_input_clear()); on failure it is cleared (BK_INPUT_BLANK, 0, NULL).
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "bk-formula.h"
#include "bk-input.h"
#include "bk-number.h"
#include "bk-text.h"

#define MAX_CHARS     1000    /* the longest input, in characters */
#define MAX_EXPONENT  100000  /* typed exponents are clamped to this */

/* How numbers are written under one set of rules. */
typedef struct
{
  const char *decimal_point;
  gsize       decimal_len;
  const char *group_sep;     /* "" for none besides the spaces */
  gsize       group_len;
} NumberRules;

typedef enum
{
  SEP_NONE,
  SEP_LOCALE,
  SEP_SPACE,
} SepClass;

/* A number as typed: digits × 10^exponent. */
typedef struct
{
  GString    *digits;
  int         exponent;
  const char *end;
} Decimal;

/* ---------------------------------------------------------------------- */
/* Locales                                                                 */

static void
copy_separator (char       *dest,
                gsize       dest_size,
                const char *src,
                const char *fallback)
{
  g_autofree char *utf8 = NULL;

  if (src != NULL && !g_utf8_validate (src, -1, NULL))
    src = utf8 = g_locale_to_utf8 (src, -1, NULL, NULL, NULL);

  if (src == NULL || strlen (src) >= dest_size)
    src = fallback;

  g_strlcpy (dest, src, dest_size);
}

void
bk_number_locale_init_c (BkNumberLocale *locale)
{
  g_return_if_fail (locale != NULL);

  g_strlcpy (locale->decimal_point, ".", sizeof locale->decimal_point);
  g_strlcpy (locale->thousands_sep, ",", sizeof locale->thousands_sep);
}

void
bk_number_locale_init_current (BkNumberLocale *locale)
{
  const struct lconv *lc;

  g_return_if_fail (locale != NULL);

  /* localeconv() is not thread safe; like setlocale() this belongs to the
   * main thread. */
  lc = localeconv ();

  copy_separator (locale->decimal_point, sizeof locale->decimal_point,
                  lc->decimal_point, ".");
  if (locale->decimal_point[0] == '\0')
    g_strlcpy (locale->decimal_point, ".", sizeof locale->decimal_point);

  copy_separator (locale->thousands_sep, sizeof locale->thousands_sep,
                  lc->thousands_sep, "");
  if (strcmp (locale->thousands_sep, locale->decimal_point) == 0)
    locale->thousands_sep[0] = '\0';
}

/* A separator from a BkNumberLocale filled in by hand: it must be a
 * NUL-terminated UTF-8 string without digits. */
static gboolean
separator_is_usable (const char *sep,
                     gsize       size)
{
  gsize len = strnlen (sep, size);

  if (len == size || !g_utf8_validate (sep, (gssize) len, NULL))
    return FALSE;

  for (gsize i = 0; i < len; i++)
    if (g_ascii_isdigit (sep[i]))
      return FALSE;

  return TRUE;
}

static void
number_rules_init_c (NumberRules *rules)
{
  rules->decimal_point = ".";
  rules->decimal_len = 1;
  rules->group_sep = ",";
  rules->group_len = 1;
}

static void
number_rules_init (NumberRules          *rules,
                   const BkNumberLocale *locale)
{
  number_rules_init_c (rules);

  if (!separator_is_usable (locale->decimal_point, sizeof locale->decimal_point)
      || locale->decimal_point[0] == '\0')
    return;

  rules->decimal_point = locale->decimal_point;
  rules->decimal_len = strlen (locale->decimal_point);
  rules->group_sep = "";
  rules->group_len = 0;

  if (separator_is_usable (locale->thousands_sep, sizeof locale->thousands_sep)
      && strcmp (locale->thousands_sep, locale->decimal_point) != 0)
    {
      rules->group_sep = locale->thousands_sep;
      rules->group_len = strlen (locale->thousands_sep);
    }
}

/* ---------------------------------------------------------------------- */
/* Scanning                                                                */

static gboolean
is_group_space (gunichar c)
{
  return c == ' ' || c == 0x00A0 || c == 0x2007 || c == 0x2009 || c == 0x202F;
}

/* Returns the length of the group separator at @p, or 0. */
static gsize
match_group_sep (const NumberRules *rules,
                 const char        *p,
                 SepClass          *sep_class)
{
  gunichar c = g_utf8_get_char (p);

  if (is_group_space (c))
    {
      *sep_class = SEP_SPACE;
      return (gsize) (g_utf8_next_char (p) - p);
    }

  if (rules->group_len > 0 && strncmp (p, rules->group_sep, rules->group_len) == 0)
    {
      *sep_class = SEP_LOCALE;
      return rules->group_len;
    }

  return 0;
}

/* Reads the longest number at @p under @rules.  FALSE if there is none. */
static gboolean
parse_decimal (const NumberRules *rules,
               const char        *p,
               Decimal           *d)
{
  SepClass used = SEP_NONE;
  int n_int;
  int n_frac = 0;
  int exponent = 0;

  g_string_truncate (d->digits, 0);

  n_int = bk_text_count_digits (p);
  g_string_append_len (d->digits, p, n_int);
  p += n_int;

  if (n_int >= 1 && n_int <= 3 && d->digits->str[0] != '0')
    {
      for (;;)
        {
          SepClass sep_class = SEP_NONE;
          gsize len = match_group_sep (rules, p, &sep_class);

          if (len == 0
              || (used != SEP_NONE && sep_class != used)
              || bk_text_count_digits (p + len) != 3)
            break;

          used = sep_class;
          g_string_append_len (d->digits, p + len, 3);
          n_int += 3;
          p += len + 3;
        }
    }

  if (strncmp (p, rules->decimal_point, rules->decimal_len) == 0)
    {
      n_frac = bk_text_count_digits (p + rules->decimal_len);
      if (n_int + n_frac > 0)
        {
          g_string_append_len (d->digits, p + rules->decimal_len, n_frac);
          p += rules->decimal_len + n_frac;
        }
    }

  if (n_int + n_frac == 0)
    return FALSE;

  if (*p == 'e' || *p == 'E')
    {
      const char *q = p + 1;
      gboolean negative = FALSE;

      if (*q == '+' || *q == '-')
        negative = *q++ == '-';

      if (g_ascii_isdigit (*q))
        {
          for (; g_ascii_isdigit (*q); q++)
            if (exponent < MAX_EXPONENT)
              exponent = exponent * 10 + (*q - '0');
          if (negative)
            exponent = -exponent;
          p = q;
        }
    }

  d->exponent = exponent - n_frac;
  d->end = p;
  return TRUE;
}

/* digits × 10^(exponent + shift), rounded once to the nearest double. */
static double
decimal_to_double (const Decimal *d,
                   gboolean       negative,
                   int            shift)
{
  g_autofree char *s = g_strdup_printf ("%s%se%d", negative ? "-" : "",
                                        d->digits->str, d->exponent + shift);

  return g_ascii_strtod (s, NULL);
}

/* A sign at @p: returns the text after it, or @p when there is none. */
static const char *
match_sign (const char *p,
            gboolean   *negative)
{
  gunichar c = g_utf8_get_char (p);

  if (c == '+' || c == '-' || c == 0x2212)
    {
      *negative = c != '+';
      return g_utf8_next_char (p);
    }

  return p;
}

static const char *
match_currency (const char *p)
{
  if (p[0] == '$')
    return p + 1;
  if (g_ascii_strncasecmp (p, "US$", 3) == 0)
    return p + 3;
  if (g_ascii_strncasecmp (p, "USD", 3) == 0 && !g_ascii_isalpha (p[3]))
    return p + 3;
  return NULL;
}

/* What may follow a number: nothing, a suffix or '%'. */
static gboolean
parse_tail (const char *p,
            gboolean   *has_suffix,
            int        *suffix_power,
            gboolean   *money,
            gboolean   *percent)
{
  gsize len;

  *has_suffix = FALSE;
  *money = FALSE;
  *percent = FALSE;

  p = bk_text_skip_blank (p);

  if (*p == '\0')
    return TRUE;

  if (p[0] == '%' && p[1] == '\0')
    {
      *percent = TRUE;
      return TRUE;
    }

  len = bk_text_match_suffix (p, suffix_power, money);
  *has_suffix = len > 0 && p[len] == '\0';
  return *has_suffix;
}

/* ---------------------------------------------------------------------- */
/* Errors                                                                  */

static gboolean
set_not_a_number (GError               **error,
                  const char            *text,
                  BkTable                table,
                  const BkNumberLocale  *locale)
{
  g_autofree char *quoted = bk_text_quote (text, -1);
  g_autofree char *example = NULL;
  NumberRules rules;

  number_rules_init (&rules, locale);
  example = g_strdup_printf ("12%s5", rules.decimal_point);

  switch (table)
    {
    case BK_TABLE_CAPEX:
    case BK_TABLE_BACKLOG:
      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                   /* Translators: the first %s is what was typed, the
                    * second a number such as 12.5 */
                   _("“%s” is not a number; type an amount in US$ billion like %s or 180B, or a formula like =prev*1.1"),
                   quoted, example);
      break;

    case BK_TABLE_TOKENS:
      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                   /* Translators: the first %s is what was typed, the
                    * second a number such as 12.5 */
                   _("“%s” is not a number; type trillion tokens per day like %s or 500B, or a formula like =prev*1.1"),
                   quoted, example);
      break;

    case BK_TABLE_SHARE:
    case BK_N_TABLES:
    default:
      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                   _("“%s” is not a number; type a percentage like 47 or 47%%, or a formula like =prev+1%%"),
                   quoted);
      break;
    }

  return FALSE;
}

/* ---------------------------------------------------------------------- */
/* Growth shorthand                                                        */

/* 1 + sign × digits × 10^(exponent − 2), rounded once where it can be. */
static double
growth_multiplier (const Decimal *d,
                   gboolean       negative)
{
  const char *digits = d->digits->str;
  int k = d->exponent - 2;
  int n;

  while (*digits == '0')
    digits++;
  n = (int) strlen (digits);

  if (n == 0)
    return 1.0;

  if (n <= 18 && k >= -18 && n + MAX (k, 0) <= 18)
    {
      gint64 p = g_ascii_strtoll (digits, NULL, 10);
      gint64 one = 1;
      g_autofree char *s = NULL;

      for (int i = 0; i < k; i++)
        p *= 10;
      for (int i = 0; i < -k; i++)
        one *= 10;

      /* (one ± p) × 10^min(k, 0) is exact in decimal; strtod rounds once */
      s = g_strdup_printf ("%" G_GINT64_FORMAT "e%d",
                           negative ? one - p : one + p, MIN (k, 0));
      return g_ascii_strtod (s, NULL);
    }

  return 1.0 + decimal_to_double (d, negative, -2);
}

/* ---------------------------------------------------------------------- */
/* Numbers                                                                 */

static gboolean
parse_number_text (const char           *text,
                   BkTable               table,
                   const BkNumberLocale *locale,
                   BkInput              *out,
                   GError              **error)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  Decimal d = { digits, 0, NULL };
  NumberRules rules[2];
  const char *p = text;
  const char *after;
  gboolean negative = FALSE;
  gboolean has_sign;
  gboolean has_currency = FALSE;
  gboolean has_suffix = FALSE;
  gboolean suffix_money = FALSE;
  gboolean percent = FALSE;
  gboolean found = FALSE;
  int suffix_power = 0;
  int shift;
  double value;

  p = match_sign (text, &negative);
  has_sign = p != text;

  if ((after = match_currency (p)) != NULL)
    {
      has_currency = TRUE;
      p = bk_text_skip_blank (after);
      if (!has_sign)
        {
          after = match_sign (p, &negative);
          has_sign = after != p;
          p = after;
        }
    }

  number_rules_init (&rules[0], locale);
  number_rules_init_c (&rules[1]);

  for (guint i = 0; i < G_N_ELEMENTS (rules) && !found; i++)
    found = parse_decimal (&rules[i], p, &d)
            && parse_tail (d.end, &has_suffix, &suffix_power, &suffix_money, &percent);

  if (!found)
    return set_not_a_number (error, text, table, locale);

  /* "2500亿美元": the currency follows the scale */
  has_currency = has_currency || suffix_money;

  if (has_currency && (table == BK_TABLE_TOKENS || table == BK_TABLE_SHARE))
    {
      if (table == BK_TABLE_TOKENS)
        g_set_error_literal (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                             _("Tokens are not money; type trillion tokens per day without a currency sign, like 2.5 or 500B"));
      else
        g_set_error_literal (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                             _("A share is not money; type a percentage without a currency sign, like 47 or 47%"));
      return FALSE;
    }

  if (has_suffix && table == BK_TABLE_SHARE)
    {
      g_set_error_literal (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                           _("A share takes no K, M, B or T suffix; type a percentage like 47 or 47%"));
      return FALSE;
    }

  if (table == BK_TABLE_SHARE)
    shift = -2;
  else if (percent)
    {
      double multiplier;
      char buf[BK_NUMBER_BUF_SIZE];

      if (has_currency)
        return set_not_a_number (error, text, table, locale);

      if (!has_sign)
        {
          g_autofree char *quoted = bk_text_quote (text, -1);

          g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                       _("“%s” needs a sign to mean growth over the previous period, like +39%% or -10%%; a plain amount takes no %%"),
                       quoted);
          return FALSE;
        }

      multiplier = growth_multiplier (&d, negative);
      if (!isfinite (multiplier))
        {
          g_autofree char *quoted = bk_text_quote (text, -1);

          g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                       _("“%s” is too large; type a growth rate like +39%%"),
                       quoted);
          return FALSE;
        }

      bk_number_format_shortest (buf, multiplier);
      out->kind = BK_INPUT_FORMULA;
      out->formula = g_strconcat ("=prev*", buf, NULL);
      return TRUE;
    }
  else if (has_suffix)
    shift = suffix_power - bk_table_get_unit_power (table);
  else
    shift = 0;

  value = decimal_to_double (&d, negative, shift);
  if (!isfinite (value))
    {
      g_autofree char *quoted = bk_text_quote (text, -1);

      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                   _("“%s” is too large; type a smaller number"), quoted);
      return FALSE;
    }

  out->kind = BK_INPUT_NUMBER;
  out->value = value == 0 ? 0.0 : value;
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Public API                                                              */

gboolean
bk_input_parse (const char           *text,
                BkTable               table,
                const BkNumberLocale *locale,
                BkInput              *out,
                GError              **error)
{
  g_autofree char *stripped = NULL;
  BkNumberLocale current;
  glong n_chars;
  gboolean ok;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (table < BK_N_TABLES, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  out->kind = BK_INPUT_BLANK;
  out->value = 0;
  out->formula = NULL;

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                           _("The text is not valid UTF-8; type a number like 12.5 or a formula like =prev*1.1"));
      return FALSE;
    }

  stripped = bk_text_strip_blank (text);
  if (stripped[0] == '\0')
    return TRUE;

  n_chars = g_utf8_strlen (stripped, -1);
  if (n_chars > MAX_CHARS)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                   _("The text is too long (%ld characters); type at most %d characters"),
                   n_chars, MAX_CHARS);
      return FALSE;
    }

  if (locale == NULL)
    {
      bk_number_locale_init_current (&current);
      locale = &current;
    }

  if (stripped[0] == '=')
    {
      g_autoptr(BkFormula) formula = bk_formula_compile (stripped, table, error);

      if (formula == NULL)
        return FALSE;

      out->kind = BK_INPUT_FORMULA;
      out->formula = g_strdup (bk_formula_get_text (formula));
      return TRUE;
    }

  ok = parse_number_text (stripped, table, locale, out, error);
  if (!ok)
    bk_input_clear (out);

  return ok;
}

gboolean
bk_input_is_chinese_scale (const char *text)
{
  int power;

  g_return_val_if_fail (text != NULL, FALSE);

  /* K M B T are ASCII letters; only the Chinese words start with a lead byte */
  return (guchar) text[0] >= 0x80 && bk_text_match_suffix (text, &power, NULL) > 0;
}

void
bk_input_clear (BkInput *input)
{
  g_return_if_fail (input != NULL);

  input->kind = BK_INPUT_BLANK;
  input->value = 0;
  g_clear_pointer (&input->formula, g_free);
}

gboolean
bk_input_parse_plain_number (const char           *text,
                             const BkNumberLocale *locale,
                             double               *value)
{
  g_autofree char *s = NULL;
  BkInput input = { 0, };
  gboolean percent;
  gboolean ok;
  gsize len;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  s = g_strstrip (g_strdup (text));
  len = strlen (s);
  percent = len > 0 && s[len - 1] == '%';
  ok = len > 0;

  /* The share table reads "60%" as 0.6; the tokens table a plain number.
   * Neither may carry a scale suffix, a currency or a formula here. */
  for (const char *p = s; *p != '\0' && ok; p++)
    if ((g_ascii_isalpha (*p) && *p != 'e' && *p != 'E') || *p == '$' || *p == '=' ||
        (*p == '%' && p != s + len - 1) || bk_input_is_chinese_scale (p))
      ok = FALSE;

  ok = ok && bk_input_parse (s, percent ? BK_TABLE_SHARE : BK_TABLE_TOKENS, locale, &input, NULL)
          && input.kind == BK_INPUT_NUMBER;
  if (ok)
    *value = input.value;
  bk_input_clear (&input);

  return ok;
}
