/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-input.c — the cell input parser and the formula compiler */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "bk-formula.h"
#include "bk-input.h"

/* Written into @out before each parse: every parse must overwrite it. */
#define SENTINEL ((char *) "sentinel")

static BkNumberLocale locale_c;   /* '.' and ',' */
static BkNumberLocale locale_en;  /* en_US: '.' and ',' */
static BkNumberLocale locale_de;  /* de_DE: ',' and '.' */
static BkNumberLocale locale_fr;  /* fr_FR: ',' and U+202F */

static void
make_locale (BkNumberLocale *locale,
             const char     *decimal_point,
             const char     *thousands_sep)
{
  memset (locale, 0, sizeof *locale);
  g_strlcpy (locale->decimal_point, decimal_point, sizeof locale->decimal_point);
  g_strlcpy (locale->thousands_sep, thousands_sep, sizeof locale->thousands_sep);
}

static void
input_init_sentinel (BkInput *input)
{
  input->kind = BK_INPUT_NUMBER;
  input->value = 42;
  input->formula = SENTINEL;
}

static void
input_free (BkInput *input)
{
  if (input->formula != SENTINEL)
    bk_input_clear (input);
}

/* ---------------------------------------------------------------------- */
/* Checks                                                                  */

static void
check_number (const char           *text,
              BkTable               table,
              const BkNumberLocale *locale,
              double                expected)
{
  g_autoptr(GError) error = NULL;
  BkInput input;

  input_init_sentinel (&input);

  if (!bk_input_parse (text, table, locale, &input, &error))
    {
      g_test_fail_printf ("“%s” in %s: unexpected error: %s",
                          text, bk_table_to_string (table), error->message);
      input_free (&input);
      return;
    }

  if (input.kind != BK_INPUT_NUMBER || input.formula != NULL
      || input.value != expected || signbit (input.value) != signbit (expected))
    g_test_fail_printf ("“%s” in %s: got kind %d, value %.17g, formula %s; expected the number %.17g",
                        text, bk_table_to_string (table), input.kind, input.value,
                        input.formula == SENTINEL ? "(not written)"
                        : input.formula ? input.formula : "(none)",
                        expected);

  input_free (&input);
}

static void
check_formula (const char           *text,
               BkTable               table,
               const BkNumberLocale *locale,
               const char           *expected)
{
  g_autoptr(GError) error = NULL;
  BkInput input;

  input_init_sentinel (&input);

  if (!bk_input_parse (text, table, locale, &input, &error))
    {
      g_test_fail_printf ("“%s” in %s: unexpected error: %s",
                          text, bk_table_to_string (table), error->message);
      input_free (&input);
      return;
    }

  if (input.kind != BK_INPUT_FORMULA || input.formula == NULL
      || input.formula == SENTINEL || strcmp (input.formula, expected) != 0)
    g_test_fail_printf ("“%s” in %s: got kind %d, formula %s; expected the formula %s",
                        text, bk_table_to_string (table), input.kind,
                        input.formula == SENTINEL ? "(not written)"
                        : input.formula ? input.formula : "(none)",
                        expected);

  input_free (&input);
}

static void
check_blank (const char *text)
{
  g_autoptr(GError) error = NULL;
  BkInput input;

  input_init_sentinel (&input);

  if (!bk_input_parse (text, BK_TABLE_CAPEX, &locale_c, &input, &error))
    g_test_fail_printf ("“%s”: unexpected error: %s", text, error->message);
  else if (input.kind != BK_INPUT_BLANK || input.value != 0 || input.formula != NULL)
    g_test_fail_printf ("“%s”: expected a blank", text);

  input_free (&input);
}

/* The parse must fail with BK_ERROR_INVALID_INPUT, a message containing
 * @keyword (what was expected), and @out cleared. */
static void
check_rejected (const char           *text,
                BkTable               table,
                const BkNumberLocale *locale,
                const char           *keyword)
{
  g_autoptr(GError) error = NULL;
  BkInput input;

  input_init_sentinel (&input);

  if (bk_input_parse (text, table, locale, &input, &error))
    {
      g_test_fail_printf ("“%s” in %s was accepted (kind %d, value %.17g, formula %s)",
                          text, bk_table_to_string (table), input.kind, input.value,
                          input.formula && input.formula != SENTINEL ? input.formula : "(none)");
      input_free (&input);
      return;
    }

  if (!g_error_matches (error, BK_ERROR, BK_ERROR_INVALID_INPUT))
    g_test_fail_printf ("“%s” in %s: wrong error %s",
                        text, bk_table_to_string (table),
                        error ? error->message : "(none)");
  else if (!g_utf8_validate (error->message, -1, NULL))
    g_test_fail_printf ("“%s” in %s: the message is not UTF-8", text, bk_table_to_string (table));
  else if (strstr (error->message, keyword) == NULL)
    g_test_fail_printf ("“%s” in %s: message “%s” does not mention “%s”",
                        text, bk_table_to_string (table), error->message, keyword);

  if (input.kind != BK_INPUT_BLANK || input.value != 0 || input.formula != NULL)
    g_test_fail_printf ("“%s” in %s: @out not cleared on failure",
                        text, bk_table_to_string (table));
}

static BkFormula *
compile_or_fail (const char *text,
                 BkTable     table)
{
  g_autoptr(GError) error = NULL;
  BkFormula *formula = bk_formula_compile (text, table, &error);

  if (formula == NULL)
    g_test_fail_printf ("“%s” in %s does not compile: %s",
                        text, bk_table_to_string (table), error->message);

  return formula;
}

static void
check_eval (const char *text,
            BkTable     table,
            double      prev,
            double      expected)
{
  g_autoptr(BkFormula) formula = compile_or_fail (text, table);
  g_autoptr(GError) error = NULL;
  double result = -12345;

  if (formula == NULL)
    return;

  if (!bk_formula_eval (formula, prev, &result, &error))
    g_test_fail_printf ("“%s” with prev %.17g: unexpected error: %s",
                        text, prev, error->message);
  else if (result != expected || signbit (result) != signbit (expected))
    g_test_fail_printf ("“%s” with prev %.17g: got %.17g, expected %.17g",
                        text, prev, result, expected);
}

static void
check_eval_error (const char *text,
                  BkTable     table,
                  double      prev,
                  const char *keyword)
{
  g_autoptr(BkFormula) formula = compile_or_fail (text, table);
  g_autoptr(GError) error = NULL;
  double result = -12345;

  if (formula == NULL)
    return;

  if (bk_formula_eval (formula, prev, &result, &error))
    g_test_fail_printf ("“%s” with prev %.17g gave %.17g; expected an error",
                        text, prev, result);
  else if (!g_error_matches (error, BK_ERROR, BK_ERROR_FORMULA))
    g_test_fail_printf ("“%s”: wrong error %s", text, error->message);
  else if (strstr (error->message, keyword) == NULL)
    g_test_fail_printf ("“%s”: message “%s” does not mention “%s”",
                        text, error->message, keyword);
}

static void
check_compile_error (const char *text,
                     BkTable     table,
                     const char *keyword)
{
  g_autoptr(BkFormula) formula = NULL;
  g_autoptr(GError) error = NULL;

  formula = bk_formula_compile (text, table, &error);

  if (formula != NULL)
    g_test_fail_printf ("“%s” in %s compiled to %s; expected an error",
                        text, bk_table_to_string (table), bk_formula_get_text (formula));
  else if (!g_error_matches (error, BK_ERROR, BK_ERROR_INVALID_INPUT))
    g_test_fail_printf ("“%s”: wrong error %s", text, error ? error->message : "(none)");
  else if (strstr (error->message, keyword) == NULL)
    g_test_fail_printf ("“%s”: message “%s” does not mention “%s”",
                        text, error->message, keyword);

  /* The cell parser must reject it the same way. */
  if (text[strspn (text, " ")] == '=')
    check_rejected (text, table, &locale_c, keyword);
}

/* ---------------------------------------------------------------------- */
/* Blank and white space                                                   */

static void
test_blank (void)
{
  check_blank ("");
  check_blank (" ");
  check_blank ("\t\n\r ");
  check_blank ("\u00a0");
  check_blank ("\u202f \u2009");
  check_blank ("\ufeff");

  check_number ("  42\t", BK_TABLE_CAPEX, &locale_c, 42);
  check_number ("\u00a042\u202f", BK_TABLE_CAPEX, &locale_c, 42);
  check_number ("\n180B\n", BK_TABLE_CAPEX, &locale_c, 180);
  check_formula ("  =prev  ", BK_TABLE_CAPEX, &locale_c, "=prev");
}

/* ---------------------------------------------------------------------- */
/* Numbers and locales                                                     */

static void
test_numbers_c (void)
{
  const BkNumberLocale *locales[] = { &locale_c, &locale_en };

  for (guint i = 0; i < G_N_ELEMENTS (locales); i++)
    {
      const BkNumberLocale *l = locales[i];

      check_number ("0", BK_TABLE_CAPEX, l, 0);
      check_number ("180", BK_TABLE_CAPEX, l, 180);
      check_number ("1234.5", BK_TABLE_CAPEX, l, 1234.5);
      check_number ("1,234.5", BK_TABLE_CAPEX, l, 1234.5);
      check_number ("1,234", BK_TABLE_CAPEX, l, 1234);
      check_number ("1,234,567.25", BK_TABLE_CAPEX, l, 1234567.25);
      check_number ("123,456", BK_TABLE_CAPEX, l, 123456);
      check_number ("1e3", BK_TABLE_CAPEX, l, 1000);
      check_number ("1E3", BK_TABLE_CAPEX, l, 1000);
      check_number ("1.5e-3", BK_TABLE_CAPEX, l, 0.0015);
      check_number ("2.5E+2", BK_TABLE_CAPEX, l, 250);
      check_number ("1,000e3", BK_TABLE_CAPEX, l, 1e6);
      check_number ("+7", BK_TABLE_CAPEX, l, 7);
      check_number ("-7", BK_TABLE_CAPEX, l, -7);
      check_number ("\u22127", BK_TABLE_CAPEX, l, -7);
      check_number (".5", BK_TABLE_CAPEX, l, 0.5);
      check_number ("-.5", BK_TABLE_CAPEX, l, -0.5);
      check_number ("5.", BK_TABLE_CAPEX, l, 5);
      check_number ("007", BK_TABLE_CAPEX, l, 7);
      check_number ("0.1", BK_TABLE_CAPEX, l, 0.1);
      check_number ("1 234", BK_TABLE_CAPEX, l, 1234);
      check_number ("1\u00a0234.5", BK_TABLE_CAPEX, l, 1234.5);
      check_number ("1\u202f234\u202f567", BK_TABLE_CAPEX, l, 1234567);
      check_number ("123456789012345678901234567890", BK_TABLE_CAPEX, l,
                    123456789012345678901234567890.0);
      check_number ("0.1000000000000000055511151231257827", BK_TABLE_CAPEX, l, 0.1);
      check_number ("-0", BK_TABLE_CAPEX, l, 0.0);  /* not -0 */
      check_number ("1e-400", BK_TABLE_CAPEX, l, 0.0);
      check_number ("1.7976931348623157e308", BK_TABLE_CAPEX, l, G_MAXDOUBLE);

      /* groups have three digits; ',' is not a decimal point here */
      check_rejected ("1,5", BK_TABLE_CAPEX, l, "is not a number");
      check_rejected ("1,5", BK_TABLE_CAPEX, l, "12.5");
      check_rejected ("1,23", BK_TABLE_CAPEX, l, "is not a number");
      check_rejected ("1,2345", BK_TABLE_CAPEX, l, "is not a number");
      check_rejected ("1234,567", BK_TABLE_CAPEX, l, "is not a number");
      check_rejected ("0,500", BK_TABLE_CAPEX, l, "is not a number");
      check_rejected ("1,,234", BK_TABLE_CAPEX, l, "is not a number");
      check_rejected ("12,34,567", BK_TABLE_CAPEX, l, "is not a number");
      check_rejected ("1 23", BK_TABLE_CAPEX, l, "is not a number");
      check_rejected ("1 234,567", BK_TABLE_CAPEX, l, "is not a number");
      check_rejected ("1.2.3", BK_TABLE_CAPEX, l, "is not a number");
      check_rejected (",5", BK_TABLE_CAPEX, l, "is not a number");
      check_rejected ("1,234.5.6", BK_TABLE_CAPEX, l, "is not a number");
    }
}

static void
test_numbers_de (void)
{
  const BkNumberLocale *l = &locale_de;

  check_number ("1.234,5", BK_TABLE_CAPEX, l, 1234.5);
  check_number ("1,5", BK_TABLE_CAPEX, l, 1.5);
  check_number ("-1.234,5", BK_TABLE_CAPEX, l, -1234.5);
  check_number ("1.234.567", BK_TABLE_CAPEX, l, 1234567);
  check_number ("1.234.567,89", BK_TABLE_CAPEX, l, 1234567.89);
  check_number ("1,5e3", BK_TABLE_CAPEX, l, 1500);
  check_number ("1 234,5", BK_TABLE_CAPEX, l, 1234.5);
  check_number ("12,5B", BK_TABLE_CAPEX, l, 12.5);
  check_number ("1,2T", BK_TABLE_CAPEX, l, 1200);
  check_number ("0,5", BK_TABLE_CAPEX, l, 0.5);
  check_number (",5", BK_TABLE_CAPEX, l, 0.5);

  /* both rule sets read these; the user's locale wins */
  check_number ("1.234", BK_TABLE_CAPEX, l, 1234);
  check_number ("1,234", BK_TABLE_CAPEX, l, 1.234);
  check_number ("1.000", BK_TABLE_CAPEX, l, 1000);

  /* only the C rules read these */
  check_number ("0.5", BK_TABLE_CAPEX, l, 0.5);
  check_number ("0.500", BK_TABLE_CAPEX, l, 0.5);
  check_number ("1.5", BK_TABLE_CAPEX, l, 1.5);
  check_number ("1,234.5", BK_TABLE_CAPEX, l, 1234.5);
  check_number ("1234.5", BK_TABLE_CAPEX, l, 1234.5);

  check_rejected ("1.234,5.6", BK_TABLE_CAPEX, l, "is not a number");
  check_rejected ("1.23,4", BK_TABLE_CAPEX, l, "is not a number");
  check_rejected ("1,2,3", BK_TABLE_CAPEX, l, "is not a number");
  check_rejected ("1.234.5", BK_TABLE_CAPEX, l, "is not a number");
  /* the example in the message uses the locale's decimal point */
  check_rejected ("abc", BK_TABLE_CAPEX, l, "12,5");
  check_rejected ("abc", BK_TABLE_TOKENS, l, "12,5");
}

static void
test_numbers_fr (void)
{
  const BkNumberLocale *l = &locale_fr;

  check_number ("1\u202f234,5", BK_TABLE_CAPEX, l, 1234.5);
  check_number ("1 234,5", BK_TABLE_CAPEX, l, 1234.5);
  check_number ("1\u00a0234,5", BK_TABLE_CAPEX, l, 1234.5);
  check_number ("1\u202f234\u202f567", BK_TABLE_CAPEX, l, 1234567);
  check_number ("1,5", BK_TABLE_CAPEX, l, 1.5);
  check_number ("1,234", BK_TABLE_CAPEX, l, 1.234);  /* the locale wins */
  check_number ("1.5", BK_TABLE_CAPEX, l, 1.5);      /* C rules */
  check_number ("1,234.5", BK_TABLE_CAPEX, l, 1234.5);
  check_number ("12,5\u00a0B", BK_TABLE_CAPEX, l, 12.5);
  check_number ("47,5 %", BK_TABLE_SHARE, l, 0.475);
  check_number ("47\u202f%", BK_TABLE_SHARE, l, 0.47);

  check_rejected ("1.234,5", BK_TABLE_CAPEX, l, "is not a number");
  check_rejected ("1\u202f23,5", BK_TABLE_CAPEX, l, "is not a number");
  /* one kind of separator per number */
  check_rejected ("1\u202f234,567.5", BK_TABLE_CAPEX, l, "is not a number");
}

static void
test_numbers_odd_locales (void)
{
  BkNumberLocale l;

  /* a hand-filled locale with no decimal point falls back to '.' */
  make_locale (&l, "", "");
  check_number ("1.5", BK_TABLE_CAPEX, &l, 1.5);
  check_number ("1,234.5", BK_TABLE_CAPEX, &l, 1234.5);

  /* a thousands separator equal to the decimal point is ignored */
  make_locale (&l, ",", ",");
  check_number ("1,5", BK_TABLE_CAPEX, &l, 1.5);

  /* de_CH: '.' and an apostrophe */
  make_locale (&l, ".", "\u2019");
  check_number ("1\u2019234.5", BK_TABLE_CAPEX, &l, 1234.5);
  check_number ("1,234.5", BK_TABLE_CAPEX, &l, 1234.5);

  /* a locale with no grouping at all */
  make_locale (&l, ",", "");
  check_number ("1234,5", BK_TABLE_CAPEX, &l, 1234.5);
  check_number ("1 234,5", BK_TABLE_CAPEX, &l, 1234.5);
}

/* Every double written with 17 digits reads back exactly. */
static void
test_numbers_round_trip (void)
{
  for (guint i = 0; i < 3000; i++)
    {
      union { guint64 bits; double value; } u;
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      g_autofree char *de = NULL;

      u.bits = ((guint64) g_test_rand_int () << 32) | (guint32) g_test_rand_int ();
      if (!isfinite (u.value) || u.value == 0)
        continue;

      g_ascii_formatd (buf, sizeof buf, "%.17g", u.value);
      check_number (buf, BK_TABLE_CAPEX, &locale_c, u.value);
      check_number (buf, BK_TABLE_CAPEX, &locale_fr, u.value);

      de = g_strdelimit (g_strdup (buf), ".", ',');
      check_number (de, BK_TABLE_CAPEX, &locale_de, u.value);
    }
}

static void
test_numbers_rejected (void)
{
  static const char * const texts[] = {
    "abc", "five", "12abc", "0x10", "1_000", "e5", "1e", "1e+", "1e5e5",
    "--5", "+-5", "-+5", "5-", "5+", "5 5", "+ 5", "- 5", ".", "-", "+",
    "$", "B", "%", "5BB", "5B B", "5 %%", "5%5", "5B%", "B5", "5KB", "5x",
    "nan", "NaN", "-nan", "inf", "-inf", "Infinity", "1/2", "½", "(5)",
    "\uff11\uff12", "\u0661\u0662", "5€", "€5", "1.5.", "=", "5=",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      if (texts[i][0] == '=')
        continue;
      check_rejected (texts[i], BK_TABLE_CAPEX, &locale_c, "180B");
      check_rejected (texts[i], BK_TABLE_BACKLOG, &locale_c, "is not a number");
      check_rejected (texts[i], BK_TABLE_TOKENS, &locale_c, "500B");
      check_rejected (texts[i], BK_TABLE_SHARE, &locale_c, "47%");
      check_rejected (texts[i], BK_TABLE_CAPEX, &locale_de, "is not a number");
    }

  /* the message quotes what was typed */
  check_rejected ("abc", BK_TABLE_CAPEX, &locale_c, "“abc”");
  check_rejected ("abc", BK_TABLE_CAPEX, &locale_c, "=prev*1.1");
  check_rejected ("abc", BK_TABLE_SHARE, &locale_c, "=prev+1%");

  /* beyond what a double holds */
  check_rejected ("1e999", BK_TABLE_CAPEX, &locale_c, "too large");
  check_rejected ("-1e999", BK_TABLE_CAPEX, &locale_c, "too large");
  check_rejected ("1e308T", BK_TABLE_CAPEX, &locale_c, "too large");
  check_rejected ("1e999", BK_TABLE_SHARE, &locale_c, "too large");

  /* long text is quoted only in part */
  {
    g_autofree char *junk = g_strnfill (500, 'x');
    g_autoptr(GError) error = NULL;
    BkInput input;

    g_assert_false (bk_input_parse (junk, BK_TABLE_CAPEX, &locale_c, &input, &error));
    g_assert_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT);
    g_assert_cmpuint (strlen (error->message), <, 300);
    g_assert_nonnull (strstr (error->message, "…"));
  }
}

static void
test_length_limit (void)
{
  g_autofree char *zeros = g_strnfill (999, '0');
  g_autofree char *ok = g_strconcat ("1", zeros, NULL);           /* 1000 characters */
  g_autofree char *too_long = g_strconcat ("12", zeros, NULL);    /* 1001 characters */
  g_autofree char *padded = g_strconcat ("   ", ok, "   ", NULL);

  check_rejected (ok, BK_TABLE_CAPEX, &locale_c, "too large");
  check_rejected (too_long, BK_TABLE_CAPEX, &locale_c, "too long");
  check_rejected (too_long, BK_TABLE_CAPEX, &locale_c, "1000");
  /* white space around does not count */
  check_rejected (padded, BK_TABLE_CAPEX, &locale_c, "too large");
}

/* ---------------------------------------------------------------------- */
/* Suffixes and currency                                                   */

static void
test_suffixes_money (void)
{
  const BkTable tables[] = { BK_TABLE_CAPEX, BK_TABLE_BACKLOG };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      BkTable t = tables[i];

      check_number ("180", t, &locale_c, 180);
      check_number ("180B", t, &locale_c, 180);
      check_number ("180b", t, &locale_c, 180);
      check_number ("180bn", t, &locale_c, 180);
      check_number ("180BN", t, &locale_c, 180);
      check_number ("180Bn", t, &locale_c, 180);
      check_number ("180 B", t, &locale_c, 180);
      check_number ("180\u00a0bn", t, &locale_c, 180);
      check_number ("1.2T", t, &locale_c, 1200);
      check_number ("1.2t", t, &locale_c, 1200);
      check_number ("0.25T", t, &locale_c, 250);
      check_number ("500M", t, &locale_c, 0.5);
      check_number ("500m", t, &locale_c, 0.5);
      check_number ("250K", t, &locale_c, 0.00025);
      check_number ("250k", t, &locale_c, 0.00025);
      check_number ("1,234.5M", t, &locale_c, 1.2345);
      check_number ("1.5e3M", t, &locale_c, 1.5);
      check_number ("-5B", t, &locale_c, -5);

      check_number ("$180B", t, &locale_c, 180);
      check_number ("$180", t, &locale_c, 180);
      check_number ("$ 180", t, &locale_c, 180);
      check_number ("US$180B", t, &locale_c, 180);
      check_number ("us$ 1.2T", t, &locale_c, 1200);
      check_number ("USD 500M", t, &locale_c, 0.5);
      check_number ("usd500m", t, &locale_c, 0.5);
      check_number ("-$5B", t, &locale_c, -5);
      check_number ("$-5B", t, &locale_c, -5);
      check_number ("+$5", t, &locale_c, 5);
      check_number ("$1.234,5M", t, &locale_de, 1.2345);

      check_rejected ("$$5", t, &locale_c, "is not a number");
      check_rejected ("-$-5", t, &locale_c, "is not a number");
      check_rejected ("5$", t, &locale_c, "is not a number");
      check_rejected ("USDX5", t, &locale_c, "is not a number");
      check_rejected ("5 B$", t, &locale_c, "is not a number");
    }
}

static void
test_suffixes_tokens (void)
{
  check_number ("2", BK_TABLE_TOKENS, &locale_c, 2);
  check_number ("500B", BK_TABLE_TOKENS, &locale_c, 0.5);
  check_number ("500 bn", BK_TABLE_TOKENS, &locale_c, 0.5);
  check_number ("2T", BK_TABLE_TOKENS, &locale_c, 2);
  check_number ("1.5t", BK_TABLE_TOKENS, &locale_c, 1.5);
  check_number ("3000B", BK_TABLE_TOKENS, &locale_c, 3);
  check_number ("3,000B", BK_TABLE_TOKENS, &locale_c, 3);
  check_number ("1.1B", BK_TABLE_TOKENS, &locale_c, 0.0011);
  check_number ("750M", BK_TABLE_TOKENS, &locale_c, 0.00075);
  check_number ("5K", BK_TABLE_TOKENS, &locale_c, 5e-9);

  /* tokens are not money */
  check_rejected ("$5", BK_TABLE_TOKENS, &locale_c, "not money");
  check_rejected ("US$5", BK_TABLE_TOKENS, &locale_c, "not money");
  check_rejected ("USD 5", BK_TABLE_TOKENS, &locale_c, "not money");
  check_rejected ("$500B", BK_TABLE_TOKENS, &locale_c, "not money");
  check_rejected ("-$5", BK_TABLE_TOKENS, &locale_c, "500B");
}

/* The Chinese scales the zh_CN charts count money in: 万 (10⁴), 亿 (10⁸),
 * 万亿 (10¹²), with or without 美元, $ or US$, in every locale */
static void
test_suffixes_chinese (void)
{
  const BkTable tables[] = { BK_TABLE_CAPEX, BK_TABLE_BACKLOG };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      BkTable t = tables[i];

      check_number ("2500亿", t, &locale_c, 250);
      check_number ("2500 亿", t, &locale_c, 250);
      check_number ("2500\u00a0亿", t, &locale_c, 250);
      check_number ("2,500亿", t, &locale_c, 250);
      check_number ("2.500,5亿", t, &locale_de, 250.05);
      check_number ("1800亿", t, &locale_fr, 180);
      check_number ("1亿", t, &locale_c, 0.1);
      check_number ("1.2万亿", t, &locale_c, 1200);
      check_number ("0.25万亿", t, &locale_c, 250);
      check_number ("5000万", t, &locale_c, 0.05);
      check_number ("2500亿美元", t, &locale_c, 250);
      check_number ("1.2万亿美元", t, &locale_c, 1200);
      check_number ("5000万美元", t, &locale_c, 0.05);
      check_number ("$2500亿", t, &locale_c, 250);
      check_number ("US$2500亿", t, &locale_c, 250);
      check_number ("us$ 1.2万亿", t, &locale_c, 1200);
      check_number ("USD 2500亿美元", t, &locale_c, 250);
      check_number ("-2500亿", t, &locale_c, -250);
      check_number ("\u22122500亿美元", t, &locale_c, -250);
      check_number ("-$1.2万亿", t, &locale_c, -1200);
      check_number ("1.5e3亿", t, &locale_c, 150);

      check_rejected ("2500亿元", t, &locale_c, "is not a number");
      check_rejected ("亿2500", t, &locale_c, "is not a number");
      check_rejected ("2500美元", t, &locale_c, "is not a number");
      check_rejected ("2500亿亿", t, &locale_c, "is not a number");
      check_rejected ("2500B亿", t, &locale_c, "is not a number");
      check_rejected ("2500 美元亿", t, &locale_c, "is not a number");
      check_rejected ("+5亿%", t, &locale_c, "is not a number");

      /* in formulas too, stored in the table's unit (ASCII, as every
       * reader of the file knows it) */
      check_formula ("=prev+500亿", t, &locale_c, "=prev+50");
      check_formula ("= prev + 500 亿美元", t, &locale_c, "=prev+50");
      check_formula ("=1.2万亿*2", t, &locale_c, "=1200*2");
      check_formula ("=-5000万", t, &locale_c, "=-0.05");
      check_formula ("=0.5万", t, &locale_c, "=0.000005");
      check_formula ("=1e20亿", t, &locale_c, "=10000000000000000000");
      check_formula ("=5e-30亿", t, &locale_c, "=5e-31");
      check_formula ("=000.0亿", t, &locale_c, "=0");
      check_eval ("=prev+500亿", t, 100, 150);
      check_eval ("=prev-1.2万亿美元", t, 1300, 100);
      check_eval ("=2500亿/prev", t, 5, 50);
    }

  /* tokens: the same scales of a token count, never money */
  check_number ("5000亿", BK_TABLE_TOKENS, &locale_c, 0.5);
  check_number ("1.2万亿", BK_TABLE_TOKENS, &locale_c, 1.2);
  check_number ("-2万亿", BK_TABLE_TOKENS, &locale_c, -2);
  check_number ("1000万", BK_TABLE_TOKENS, &locale_c, 0.00001);
  check_rejected ("5000亿美元", BK_TABLE_TOKENS, &locale_c, "not money");
  check_rejected ("$5000亿", BK_TABLE_TOKENS, &locale_c, "not money");
  check_formula ("=prev+5000亿", BK_TABLE_TOKENS, &locale_c, "=prev+0.5");
  check_eval ("=prev*2+1万亿", BK_TABLE_TOKENS, 1, 3);
  check_compile_error ("=prev+5000亿美元", BK_TABLE_TOKENS, "not money");

  /* a share takes no scale */
  check_rejected ("5亿", BK_TABLE_SHARE, &locale_c, "suffix");
  check_rejected ("5 万", BK_TABLE_SHARE, &locale_c, "suffix");
  check_compile_error ("=prev+5亿", BK_TABLE_SHARE, "suffix");

  /* nor does a driver's plain number */
  {
    double value = 42;

    g_assert_false (bk_input_parse_plain_number ("5亿", &locale_c, &value));
    g_assert_false (bk_input_parse_plain_number ("1.2万亿", &locale_c, &value));
    g_assert_false (bk_input_parse_plain_number ("3万", &locale_c, &value));
    g_assert_cmpfloat (value, ==, 42);
    g_assert_true (bk_input_parse_plain_number ("3", &locale_c, &value));
    g_assert_cmpfloat (value, ==, 3);
  }
}

/* Under zh_CN the refusal of a non-number says that 亿 works */
static void
test_suffixes_chinese_message (void)
{
  g_autoptr(GError) money = NULL;
  g_autoptr(GError) tokens = NULL;
  g_autoptr(GError) english = NULL;
  BkInput input = { 0, };

  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  g_assert_nonnull (setlocale (LC_ALL, "zh_CN.UTF-8"));
  g_assert_false (bk_input_parse ("abc", BK_TABLE_CAPEX, &locale_c, &input, &money));
  g_assert_false (bk_input_parse ("abc", BK_TABLE_TOKENS, &locale_c, &input, &tokens));
  setlocale (LC_ALL, "C.UTF-8");
  g_unsetenv ("LANGUAGE");
  g_assert_false (bk_input_parse ("abc", BK_TABLE_CAPEX, &locale_c, &input, &english));

  g_assert_cmpstr (money->message, ==,
                   "“abc”不是数字；请输入以十亿美元为单位的金额（如 12.5 或 180B，也可用亿或万亿：1800亿），"
                   "或类似 =prev*1.1 的公式");
  g_assert_nonnull (strstr (tokens->message, "5000亿"));
  g_assert_cmpstr (english->message, ==,
                   "“abc” is not a number; type an amount in US$ billion like 12.5 or 180B, or a formula like =prev*1.1");
}

/* ---------------------------------------------------------------------- */
/* Share                                                                   */

static void
test_share (void)
{
  const BkTable t = BK_TABLE_SHARE;

  check_number ("47", t, &locale_c, 0.47);
  check_number ("47%", t, &locale_c, 0.47);
  check_number ("47 %", t, &locale_c, 0.47);
  check_number ("0.47", t, &locale_c, 0.0047);
  check_number ("0.47%", t, &locale_c, 0.0047);
  check_number ("100", t, &locale_c, 1);
  check_number ("100%", t, &locale_c, 1);
  check_number ("12.5", t, &locale_c, 0.125);
  check_number ("3", t, &locale_c, 0.03);
  check_number ("0", t, &locale_c, 0);
  check_number ("1e2", t, &locale_c, 1);
  check_number ("12,5", t, &locale_de, 0.125);
  check_number ("12,5 %", t, &locale_de, 0.125);
  /* no growth shorthand in share: a signed percentage is just a value */
  check_number ("+5%", t, &locale_c, 0.05);
  check_number ("+5", t, &locale_c, 0.05);
  check_number ("-5%", t, &locale_c, -0.05);
  check_number ("150", t, &locale_c, 1.5);  /* the range is the caller's check */

  check_rejected ("5B", t, &locale_c, "suffix");
  check_rejected ("5k", t, &locale_c, "suffix");
  check_rejected ("47 bn", t, &locale_c, "suffix");
  check_rejected ("1T", t, &locale_c, "47%");
  check_rejected ("$5", t, &locale_c, "not money");
  check_rejected ("US$ 47", t, &locale_c, "not money");
  check_rejected ("5%%", t, &locale_c, "is not a number");
  check_rejected ("%5", t, &locale_c, "is not a number");

  /* no implicit percent inside formulas */
  check_formula ("=0.5", t, &locale_c, "=0.5");
  check_eval ("=0.5", t, 0, 0.5);
  check_eval ("=prev+2%", t, 0.4, 0.4 + 0.02);
  check_eval ("=47%", t, 0, 0.47);
  check_compile_error ("=5B", t, "suffix");
  check_compile_error ("=prev+5 t", t, "suffix");
}

/* ---------------------------------------------------------------------- */
/* Growth shorthand                                                        */

static void
check_growth (const char           *text,
              BkTable               table,
              const BkNumberLocale *locale,
              const char           *multiplier)
{
  g_autofree char *expected = g_strconcat ("=prev*", multiplier, NULL);
  g_autoptr(BkFormula) formula = NULL;

  check_formula (text, table, locale, expected);

  /* the stored formula compiles to itself and multiplies */
  formula = compile_or_fail (expected, table);
  if (formula != NULL)
    {
      g_assert_cmpstr (bk_formula_get_text (formula), ==, expected);
      g_assert_true (bk_formula_uses_prev (formula));
      check_eval (expected, table, 200, 200 * g_ascii_strtod (multiplier, NULL));
    }
}

static void
test_growth (void)
{
  const BkTable tables[] = { BK_TABLE_CAPEX, BK_TABLE_BACKLOG, BK_TABLE_TOKENS };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      BkTable t = tables[i];

      check_growth ("+39%", t, &locale_c, "1.39");
      check_growth ("-10%", t, &locale_c, "0.9");
      check_growth ("+0%", t, &locale_c, "1");
      check_growth ("-0%", t, &locale_c, "1");
      check_growth ("+7%", t, &locale_c, "1.07");
      check_growth ("+100%", t, &locale_c, "2");
      check_growth ("-100%", t, &locale_c, "0");
      check_growth ("-150%", t, &locale_c, "-0.5");
      check_growth ("+12.5%", t, &locale_c, "1.125");
      check_growth ("+0.1%", t, &locale_c, "1.001");
      check_growth ("+33.3%", t, &locale_c, "1.333");
      check_growth ("+1e3%", t, &locale_c, "11");
      check_growth ("+1,000%", t, &locale_c, "11");
      check_growth ("\u221210%", t, &locale_c, "0.9");
      check_growth ("+39 %", t, &locale_c, "1.39");
      check_growth ("  +39%  ", t, &locale_c, "1.39");
      check_growth ("+12,5%", t, &locale_de, "1.125");
      check_growth ("+12,5\u202f%", t, &locale_fr, "1.125");
      check_growth ("+1e-30%", t, &locale_c, "1");
      check_growth ("+33.33333333333333333333%", t, &locale_c, "1.3333333333333333");

      check_rejected ("5%", t, &locale_c, "needs a sign");
      check_rejected ("5%", t, &locale_c, "+39%");
      check_rejected ("5 %", t, &locale_c, "growth");
      check_rejected ("$5%", t, &locale_c,
                      t == BK_TABLE_TOKENS ? "not money" : "is not a number");
      check_rejected ("+$5%", t, &locale_c,
                      t == BK_TABLE_TOKENS ? "not money" : "is not a number");
      check_rejected ("+5B%", t, &locale_c, "is not a number");
      check_rejected ("+5%%", t, &locale_c, "is not a number");
      check_rejected ("+1e999%", t, &locale_c, "too large");
    }

  /* every whole and tenth percentage gives the shortest exact multiplier */
  for (int tenths = -2000; tenths <= 20000; tenths += (tenths < 1000 ? 1 : 7))
    {
      int magnitude = ABS (tenths);
      int scaled = 1000 + tenths;  /* the multiplier × 1000 */
      g_autofree char *text = g_strdup_printf ("%c%d.%d%%", tenths < 0 ? '-' : '+',
                                               magnitude / 10, magnitude % 10);
      g_autofree char *multiplier = NULL;
      g_autofree char *expected = NULL;
      char *end;

      multiplier = g_strdup_printf ("%s%d.%03d", scaled < 0 ? "-" : "",
                                    ABS (scaled) / 1000, ABS (scaled) % 1000);
      /* strip trailing zeros and a bare point */
      end = multiplier + strlen (multiplier) - 1;
      while (*end == '0')
        *end-- = '\0';
      if (*end == '.')
        *end = '\0';
      expected = g_strconcat ("=prev*", multiplier, NULL);
      check_formula (text, BK_TABLE_CAPEX, &locale_c, expected);
    }
}

/* ---------------------------------------------------------------------- */
/* Formulas                                                                */

static void
test_formula_normalise (void)
{
  static const struct { const char *text; const char *expected; } cases[] = {
    { "= PREV * 1.3 ",          "=prev*1.3" },
    { "=Prev*(1 + 5%)",         "=prev*(1+5%)" },
    { "=prev × 2",              "=prev*2" },
    { "=prev ÷ 2",              "=prev/2" },
    { "=prev − 1",              "=prev-1" },
    { "=5 bn",                  "=5bn" },
    { "=1.2T+prev",             "=1.2T+prev" },
    { "=2 ^ 3",                 "=2^3" },
    { "=\tprev\u00a0*\u202f2",  "=prev*2" },
    { "=1E3",                   "=1E3" },
    { "=.5",                    "=.5" },
    { "=--5",                   "=--5" },
    { "=((prev))",              "=((prev))" },
    { "=prev*1.10",             "=prev*1.10" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(BkFormula) formula = compile_or_fail (cases[i].text, BK_TABLE_CAPEX);
      g_autoptr(BkFormula) again = NULL;

      if (formula == NULL)
        continue;

      g_assert_cmpstr (bk_formula_get_text (formula), ==, cases[i].expected);
      check_formula (cases[i].text, BK_TABLE_CAPEX, &locale_c, cases[i].expected);
      check_formula (cases[i].text, BK_TABLE_CAPEX, &locale_de, cases[i].expected);

      /* normalising is idempotent */
      again = compile_or_fail (bk_formula_get_text (formula), BK_TABLE_CAPEX);
      g_assert_nonnull (again);
      g_assert_cmpstr (bk_formula_get_text (again), ==, cases[i].expected);
    }
}

static void
test_formula_eval (void)
{
  const BkTable c = BK_TABLE_CAPEX;

  /* precedence and associativity, as in spreadsheets */
  check_eval ("=1+2*3", c, 0, 7);
  check_eval ("=(1+2)*3", c, 0, 9);
  check_eval ("=2+3*4^2/8-1", c, 0, 7);
  check_eval ("=2*3^2", c, 0, 18);
  check_eval ("=10-2-3", c, 0, 5);
  check_eval ("=12/3/2", c, 0, 2);
  check_eval ("=2^3^2", c, 0, 64);          /* left-associative */
  check_eval ("=2^(3^2)", c, 0, 512);
  check_eval ("=-2^2", c, 0, 4);            /* negation binds tighter */
  check_eval ("=-(2^2)", c, 0, -4);
  check_eval ("=0-2^2", c, 0, -4);
  check_eval ("=2^-1", c, 0, 0.5);
  check_eval ("=2*-3", c, 0, -6);
  check_eval ("=2--3", c, 0, 5);
  check_eval ("=--5", c, 0, 5);
  check_eval ("=+5", c, 0, 5);
  check_eval ("=-prev^2", c, 3, 9);
  check_eval ("=prev^2", c, -3, 9);

  /* percent */
  check_eval ("=50%", c, 0, 0.5);
  check_eval ("=-5%", c, 0, -0.05);
  check_eval ("=5%%", c, 0, 0.0005);
  check_eval ("=(1+1)%", c, 0, 0.02);
  check_eval ("=prev%", c, 100, 1);
  check_eval ("=2^50%", c, 0, pow (2, 0.5));  /* % before ^ */
  check_eval ("=50%^2", c, 0, 0.25);
  check_eval ("=prev*(1+39%)", c, 100, 100 * 1.39);
  check_eval ("=0.1%", c, 0, 0.001);          /* exact, not 0.1 / 100 */

  /* prev */
  check_eval ("=prev", c, 123.5, 123.5);
  check_eval ("=PREV*1.1", c, 100, 100 * 1.1);
  check_eval ("=-prev", c, 100, -100);
  check_eval ("=prev/4", c, 100, 25);
  check_eval ("=prev*0", c, -5, 0.0);  /* not -0 */
  check_eval ("=(prev)", c, 7, 7);

  /* numbers and suffixes */
  check_eval ("=.5", c, 0, 0.5);
  check_eval ("=5.", c, 0, 5);
  check_eval ("=1e3", c, 0, 1000);
  check_eval ("=1E-3", c, 0, 0.001);
  check_eval ("=2.5e+2", c, 0, 250);
  check_eval ("=prev+5B", c, 100, 105);
  check_eval ("=prev+5 bn", c, 100, 105);
  check_eval ("=prev+500M", c, 100, 100.5);
  check_eval ("=1.2T", c, 0, 1200);
  check_eval ("=250K", c, 0, 0.00025);
  check_eval ("=1.2T", BK_TABLE_BACKLOG, 0, 1200);
  check_eval ("=prev+500B", BK_TABLE_TOKENS, 1, 1.5);
  check_eval ("=2T", BK_TABLE_TOKENS, 0, 2);
  check_eval ("=1.1B", BK_TABLE_TOKENS, 0, 0.0011);
  check_eval ("=47", BK_TABLE_SHARE, 0, 47);

  /* a constant formula does not need prev */
  check_eval ("=2*3", c, NAN, 6);
}

static void
test_formula_uses_prev (void)
{
  static const struct { const char *text; gboolean uses; } cases[] = {
    { "=prev*2", TRUE }, { "=(PREV)", TRUE }, { "=1+2*prev^2", TRUE },
    { "=2*3", FALSE }, { "=5B", FALSE }, { "=-(1)", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(BkFormula) formula = compile_or_fail (cases[i].text, BK_TABLE_CAPEX);

      g_assert_nonnull (formula);
      g_assert_cmpint (bk_formula_uses_prev (formula), ==, cases[i].uses);
    }
}

static void
test_formula_eval_errors (void)
{
  const BkTable c = BK_TABLE_CAPEX;

  check_eval_error ("=prev/0", c, 100, "Division by zero");
  check_eval_error ("=1/(prev-prev)", c, 100, "Division by zero");
  check_eval_error ("=1/0", c, 100, "Division by zero");
  check_eval_error ("=1/0", c, 100, "=1/0");  /* names the formula */
  check_eval_error ("=0^-1", c, 100, "Division by zero");
  check_eval_error ("=prev^1000", c, 1e10, "too large");
  check_eval_error ("=10^400", c, 0, "too large");
  check_eval_error ("=1/10^400", c, 0, "too large");  /* an intermediate overflow */
  check_eval_error ("=1e308*10", c, 0, "too large");
  check_eval_error ("=prev*prev", c, 1e200, "too large");
  check_eval_error ("=(-8)^(1/3)", c, 0, "whole exponent");
  check_eval_error ("=prev^0.5", c, -4, "whole exponent");
  check_eval_error ("=prev*2", c, NAN, "previous period");
  check_eval_error ("=prev*2", c, INFINITY, "previous period");

  /* a formula that fails to evaluate is still a valid cell input */
  check_formula ("=1/0", c, &locale_c, "=1/0");
}

static void
test_formula_syntax_errors (void)
{
  const BkTable c = BK_TABLE_CAPEX;

  check_compile_error ("=", c, "empty");
  check_compile_error ("=   ", c, "empty");
  check_compile_error ("=1+", c, "ends too early");
  check_compile_error ("=-", c, "ends too early");
  check_compile_error ("=(1+2))", c, "Unexpected “)” at position 7");
  check_compile_error ("=1+2)", c, "Unexpected “)” at position 5");
  check_compile_error ("=(1+2", c, "Missing “)”");
  check_compile_error ("=1*(2+(3", c, "position 7");
  check_compile_error ("=foo", c, "Unknown name “foo”");
  check_compile_error ("=foo", c, "only prev and base are allowed");
  check_compile_error ("=prevx", c, "Unknown name “prevx”");
  check_compile_error ("=5kg", c, "Unknown name “kg”");
  check_compile_error ("=1e", c, "Unknown name “e”");
  check_compile_error ("=prev*1,5", c, "“,” at position 8");
  check_compile_error ("=prev*1,5", c, "decimal point");
  check_compile_error ("=1,234", c, "thousands");
  check_compile_error ("=$5", c, "currency");
  check_compile_error ("=1 2", c, "Unexpected “2” at position 4");
  check_compile_error ("=1 2", c, "expected an operator");
  check_compile_error ("=prev prev", c, "Unexpected “prev” at position 7");
  check_compile_error ("=*2", c, "Unexpected “*” at position 2");
  check_compile_error ("=*2", c, "expected a number, prev or “(”");
  check_compile_error ("=2**3", c, "Unexpected “*” at position 4");
  check_compile_error ("=prev*()", c, "Unexpected “)” at position 8");
  check_compile_error ("=(1 2)", c, "or “)”");
  check_compile_error ("=#", c, "Unexpected “#” at position 2");
  check_compile_error ("=€5", c, "Unexpected “€” at position 2");
  check_compile_error ("=2×)", c, "position 4");  /* characters, not bytes */
  check_compile_error ("=1.2.3", c, "Unexpected “.3” at position 5");
  check_compile_error ("=5%5", c, "Unexpected “5” at position 4");
  check_compile_error ("=1e999", c, "too large");
  check_compile_error ("=1e999", c, "“1e999”");
  check_compile_error ("= 1 + 1e400T", c, "too large");
  check_compile_error ("=prev==1", c, "Unexpected “=” at position 6");

  /* a formula needs its '=' */
  check_compile_error ("prev*2", c, "starts with “=”");
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(BkFormula) formula = bk_formula_compile ("1.5", c, &error);

    g_assert_null (formula);
    g_assert_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT);
  }
}

static void
test_formula_limits (void)
{
  GString *text = g_string_new ("=");
  g_autofree char *ok = NULL;
  g_autofree char *deep = NULL;
  g_autofree char *stack = NULL;
  g_autofree char *long_ok = NULL;
  g_autofree char *too_long = NULL;
  g_autofree char *signs = NULL;
  g_autofree char *many_signs = NULL;

  /* 64 nested parentheses are fine, 65 are not */
  for (int i = 0; i < 64; i++)
    g_string_append_c (text, '(');
  g_string_append (text, "prev");
  for (int i = 0; i < 64; i++)
    g_string_append_c (text, ')');
  ok = g_strdup (text->str);
  check_eval (ok, BK_TABLE_CAPEX, 3, 3);

  g_string_assign (text, "=");
  for (int i = 0; i < 65; i++)
    g_string_append_c (text, '(');
  g_string_append (text, "1");
  for (int i = 0; i < 65; i++)
    g_string_append_c (text, ')');
  deep = g_strdup (text->str);
  check_compile_error (deep, BK_TABLE_CAPEX, "64");
  check_compile_error (deep, BK_TABLE_CAPEX, "deep");

  /* unbalanced deep nesting fails cleanly too */
  g_string_assign (text, "=");
  for (int i = 0; i < 900; i++)
    g_string_append_c (text, '(');
  check_compile_error (text->str, BK_TABLE_CAPEX, "deep");

  /* the deepest evaluation stack: 3 pending operands at each level */
  g_string_assign (text, "=");
  for (int i = 0; i < 64; i++)
    g_string_append (text, "1+prev*prev^(");
  g_string_append (text, "prev");
  for (int i = 0; i < 64; i++)
    g_string_append_c (text, ')');
  stack = g_strdup (text->str);
  g_assert_cmpuint (strlen (stack), <=, 1000);
  check_eval (stack, BK_TABLE_CAPEX, 1, 2);

  /* 1000 characters are fine, 1001 are not */
  g_string_assign (text, "=");
  for (int i = 0; i < 499; i++)
    g_string_append (text, "1+");
  g_string_append (text, "1");
  long_ok = g_strdup (text->str);
  g_assert_cmpuint (strlen (long_ok), ==, 1000);
  check_eval (long_ok, BK_TABLE_CAPEX, 0, 500);
  check_formula (long_ok, BK_TABLE_CAPEX, &locale_c, long_ok);

  g_string_append (text, "+");
  too_long = g_string_free (text, FALSE);
  check_compile_error (too_long, BK_TABLE_CAPEX, "too long");

  /* a long run of signs is not a recursion */
  signs = g_strnfill (998, '-');
  many_signs = g_strconcat ("=", signs, "5", NULL);
  check_eval (many_signs, BK_TABLE_CAPEX, 0, 5);
}

/* ---------------------------------------------------------------------- */
/* UTF-8, clearing, locales of the process                                 */

static void
test_invalid_utf8 (void)
{
  static const char * const texts[] = {
    "\xff", "12\xc3", "\xc0\xaf", "=\xff", "=prev*\xe2\x88", "180B\x80",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    for (BkTable t = 0; t < BK_N_TABLES; t++)
      check_rejected (texts[i], t, &locale_c, "UTF-8");

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(BkFormula) formula = bk_formula_compile ("=\xff", BK_TABLE_CAPEX, &error);

    g_assert_null (formula);
    g_assert_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT);
    g_assert_nonnull (strstr (error->message, "UTF-8"));
  }
}

static void
test_clear (void)
{
  g_autoptr(GError) error = NULL;
  BkInput input = { 0 };

  g_assert_true (bk_input_parse ("=prev*2", BK_TABLE_CAPEX, &locale_c, &input, &error));
  g_assert_no_error (error);
  g_assert_cmpint (input.kind, ==, BK_INPUT_FORMULA);
  g_assert_cmpstr (input.formula, ==, "=prev*2");

  bk_input_clear (&input);
  g_assert_cmpint (input.kind, ==, BK_INPUT_BLANK);
  g_assert_null (input.formula);
  g_assert_cmpfloat (input.value, ==, 0);

  /* a failed parse of a formula leaves @out cleared too */
  input_init_sentinel (&input);
  g_assert_false (bk_input_parse ("=prev*", BK_TABLE_CAPEX, &locale_c, &input, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT);
  g_assert_cmpint (input.kind, ==, BK_INPUT_BLANK);
  g_assert_null (input.formula);
}

static void
test_locale_init (void)
{
  BkNumberLocale l;
  char *old = g_strdup (setlocale (LC_NUMERIC, NULL));

  bk_number_locale_init_c (&l);
  g_assert_cmpstr (l.decimal_point, ==, ".");
  g_assert_cmpstr (l.thousands_sep, ==, ",");

  g_assert_nonnull (setlocale (LC_NUMERIC, "C"));
  memset (&l, 'x', sizeof l);
  bk_number_locale_init_current (&l);
  g_assert_cmpstr (l.decimal_point, ==, ".");
  g_assert_cmpstr (l.thousands_sep, ==, "");

  /* NULL means the current locale; C numbers still group with ',' */
  check_number ("1,234.5", BK_TABLE_CAPEX, NULL, 1234.5);
  check_number ("1.5", BK_TABLE_CAPEX, NULL, 1.5);
  check_rejected ("1,5", BK_TABLE_CAPEX, NULL, "12.5");
  check_formula ("+39%", BK_TABLE_CAPEX, NULL, "=prev*1.39");

  if (setlocale (LC_NUMERIC, "de_DE.UTF-8") != NULL)
    {
      bk_number_locale_init_current (&l);
      g_assert_cmpstr (l.decimal_point, ==, ",");
      check_number ("1,5", BK_TABLE_CAPEX, NULL, 1.5);
      check_number ("1.234,5", BK_TABLE_CAPEX, NULL, 1234.5);
      /* the formula text does not depend on the locale */
      check_formula ("+39%", BK_TABLE_CAPEX, NULL, "=prev*1.39");
      check_eval ("=prev*1.5", BK_TABLE_CAPEX, 2, 3);
    }
  else
    {
      /* build-aux/test generates this locale: its absence is a failure. */
      g_test_message ("de_DE.UTF-8 is not installed (run build-aux/test, which generates it)");
      g_test_fail ();
    }

  if (setlocale (LC_NUMERIC, "fr_FR.UTF-8") != NULL)
    {
      bk_number_locale_init_current (&l);
      g_assert_cmpstr (l.decimal_point, ==, ",");
      g_assert_true (g_utf8_validate (l.thousands_sep, -1, NULL));
      check_number ("1\u202f234,5", BK_TABLE_CAPEX, NULL, 1234.5);
      check_number ("1 234,5", BK_TABLE_CAPEX, NULL, 1234.5);
      check_number ("47,5", BK_TABLE_SHARE, NULL, 0.475);
    }
  else
    {
      /* build-aux/test generates this locale: its absence is a failure. */
      g_test_message ("fr_FR.UTF-8 is not installed (run build-aux/test, which generates it)");
      g_test_fail ();
    }

  setlocale (LC_NUMERIC, old);
  g_free (old);
}

/* ---------------------------------------------------------------------- */
/* Robustness                                                              */

static void
test_fuzz (void)
{
  static const char * const pieces[] = {
    "0", "1", "5", "9", "12", "123", ".", ",", " ", "\u00a0", "\u202f", "+", "-",
    "\u2212", "e", "E", "k", "M", "B", "bn", "T", "%", "$", "US$", "USD", "=",
    "prev", "PREV", "(", ")", "*", "/", "^", "×", "x", "\xff", "\xc3", "€",
    "1e999", "nan", "inf", "\t", "亿", "万", "万亿", "美元",
  };
  const BkNumberLocale *locales[] = { &locale_c, &locale_de, &locale_fr, NULL };

  for (guint i = 0; i < 20000; i++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GError) error = NULL;
      guint n = (guint) g_test_rand_int_range (0, 12);
      BkTable table = (BkTable) g_test_rand_int_range (0, BK_N_TABLES);
      const BkNumberLocale *locale = locales[g_test_rand_int_range (0, G_N_ELEMENTS (locales))];
      BkInput input;

      if (g_test_rand_bit ())
        g_string_append_c (text, '=');
      for (guint j = 0; j < n; j++)
        g_string_append (text, pieces[g_test_rand_int_range (0, G_N_ELEMENTS (pieces))]);

      input_init_sentinel (&input);
      if (!bk_input_parse (text->str, table, locale, &input, &error))
        {
          g_assert_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT);
          g_assert_true (g_utf8_validate (error->message, -1, NULL));
          g_assert_cmpint (input.kind, ==, BK_INPUT_BLANK);
          g_assert_null (input.formula);
          continue;
        }

      switch (input.kind)
        {
        case BK_INPUT_BLANK:
          g_assert_null (input.formula);
          break;

        case BK_INPUT_NUMBER:
          g_assert_null (input.formula);
          g_assert_true (isfinite (input.value));
          break;

        case BK_INPUT_FORMULA:
          {
            g_autoptr(BkFormula) formula = NULL;
            double result;

            g_assert_nonnull (input.formula);
            g_assert_true (input.formula[0] == '=');
            formula = bk_formula_compile (input.formula, table, &error);
            g_assert_no_error (error);
            g_assert_cmpstr (bk_formula_get_text (formula), ==, input.formula);
            if (bk_formula_eval (formula, 1.5, &result, &error))
              g_assert_true (isfinite (result));
            else
              g_assert_error (error, BK_ERROR, BK_ERROR_FORMULA);
          }
          break;

        default:
          g_assert_not_reached ();
        }

      bk_input_clear (&input);
    }
}

int
main (int    argc,
      char **argv)
{
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_test_init (&argc, &argv, NULL);

  make_locale (&locale_c, ".", ",");
  make_locale (&locale_en, ".", ",");
  make_locale (&locale_de, ",", ".");
  make_locale (&locale_fr, ",", "\u202f");

  g_test_add_func ("/input/blank", test_blank);
  g_test_add_func ("/input/numbers/c", test_numbers_c);
  g_test_add_func ("/input/numbers/de", test_numbers_de);
  g_test_add_func ("/input/numbers/fr", test_numbers_fr);
  g_test_add_func ("/input/numbers/odd-locales", test_numbers_odd_locales);
  g_test_add_func ("/input/numbers/round-trip", test_numbers_round_trip);
  g_test_add_func ("/input/numbers/rejected", test_numbers_rejected);
  g_test_add_func ("/input/length-limit", test_length_limit);
  g_test_add_func ("/input/suffixes/money", test_suffixes_money);
  g_test_add_func ("/input/suffixes/tokens", test_suffixes_tokens);
  g_test_add_func ("/input/suffixes/chinese", test_suffixes_chinese);
  g_test_add_func ("/input/suffixes/chinese-message", test_suffixes_chinese_message);
  g_test_add_func ("/input/share", test_share);
  g_test_add_func ("/input/growth", test_growth);
  g_test_add_func ("/input/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/input/clear", test_clear);
  g_test_add_func ("/input/locale-init", test_locale_init);
  g_test_add_func ("/input/fuzz", test_fuzz);
  g_test_add_func ("/formula/normalise", test_formula_normalise);
  g_test_add_func ("/formula/eval", test_formula_eval);
  g_test_add_func ("/formula/uses-prev", test_formula_uses_prev);
  g_test_add_func ("/formula/eval-errors", test_formula_eval_errors);
  g_test_add_func ("/formula/syntax-errors", test_formula_syntax_errors);
  g_test_add_func ("/formula/limits", test_formula_limits);

  return g_test_run ();
}
