/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-text.c — the scanning helpers the cell parser and the formula lexer
 * share (bk-text.c): blanks, quoting, short names, digits and scale
 * suffixes */

#include "config.h"

#include <string.h>

#include "bk-text.h"

static void
test_blank (void)
{
  g_autofree char *stripped = NULL;
  g_autofree char *empty = NULL;
  g_autofree char *inner = NULL;

  /* ASCII and Unicode spaces, zero-width space and the byte order mark */
  g_assert_true (bk_text_is_blank (' '));
  g_assert_true (bk_text_is_blank ('\t'));
  g_assert_true (bk_text_is_blank (0x00A0));
  g_assert_true (bk_text_is_blank (0x202F));
  g_assert_true (bk_text_is_blank (0x200B));
  g_assert_true (bk_text_is_blank (0xFEFF));
  g_assert_false (bk_text_is_blank ('x'));
  g_assert_false (bk_text_is_blank ('0'));

  g_assert_cmpstr (bk_text_skip_blank ("\xef\xbb\xbf \t\xc2\xa0" "12 "), ==, "12 ");
  g_assert_cmpstr (bk_text_skip_blank ("12"), ==, "12");
  g_assert_cmpstr (bk_text_skip_blank (" \xe2\x80\x8b "), ==, "");

  stripped = bk_text_strip_blank ("\xe2\x80\xaf 1 2\xe2\x80\x8b\n");
  g_assert_cmpstr (stripped, ==, "1 2");
  empty = bk_text_strip_blank ("  \xc2\xa0 ");
  g_assert_cmpstr (empty, ==, "");
  /* a multi-byte character that is not blank stays whole */
  inner = bk_text_strip_blank (" \xe2\x88\x92" "5 ");
  g_assert_cmpstr (inner, ==, "\xe2\x88\x92" "5");
}

static void
test_quote (void)
{
  g_autofree char *short_text = bk_text_quote ("12,5x", -1);
  g_autofree char *span = bk_text_quote ("abcdef", 3);
  g_autofree char *long_text = NULL;
  g_autofree char *quoted = NULL;
  g_autofree char *exact = NULL;
  g_autofree char *forty = NULL;
  GString *s = g_string_new (NULL);

  g_assert_cmpstr (short_text, ==, "12,5x");
  g_assert_cmpstr (span, ==, "abc");

  /* forty characters are quoted whole, more are cut at forty with "…",
   * counted in characters, not bytes */
  for (guint i = 0; i < BK_TEXT_MAX_QUOTED; i++)
    g_string_append (s, "\xc3\xa9");  /* é */
  forty = g_strdup (s->str);
  exact = bk_text_quote (forty, -1);
  g_assert_cmpstr (exact, ==, forty);

  g_string_append (s, "tail");
  long_text = g_string_free (s, FALSE);
  quoted = bk_text_quote (long_text, -1);
  g_assert_cmpuint (g_utf8_strlen (quoted, -1), ==, BK_TEXT_MAX_QUOTED + 1);
  g_assert_true (g_str_has_prefix (quoted, forty));
  g_assert_true (g_str_has_suffix (quoted, "…"));
}

static void
test_digits (void)
{
  g_assert_cmpint (bk_text_count_digits ("12345.6"), ==, 5);
  g_assert_cmpint (bk_text_count_digits ("x1"), ==, 0);
  g_assert_cmpint (bk_text_count_digits (""), ==, 0);
  /* only ASCII digits: U+0663 ARABIC-INDIC DIGIT THREE is not one */
  g_assert_cmpint (bk_text_count_digits ("7\xd9\xa3"), ==, 1);
}

static void
test_suffix (void)
{
  static const struct { const char *text; gsize len; int power; } cases[] = {
    { "K", 1, 3 }, { "k", 1, 3 }, { "M", 1, 6 }, { "B", 1, 9 }, { "b", 1, 9 },
    { "bn", 2, 9 }, { "BN", 2, 9 }, { "T", 1, 12 }, { "t", 1, 12 },
    { "B+1", 1, 9 }, { "bn)", 2, 9 }, { "T %", 1, 12 },
    /* not whole words, or no suffix at all */
    { "", 0, -1 }, { "x", 0, -1 }, { "Kb", 0, -1 }, { "bnx", 0, -1 },
    { "T2", 0, -1 }, { "b_", 0, -1 }, { "prev", 0, -1 }, { "%", 0, -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int power = -1;
      gsize len = bk_text_match_suffix (cases[i].text, &power, NULL);

      g_assert_cmpuint (len, ==, cases[i].len);
      g_assert_cmpint (power, ==, cases[i].power);
    }
}

/* 万 亿 万亿, the longest first, and 美元 after them marks money */
static void
test_suffix_chinese (void)
{
  static const struct { const char *text; gsize len; int power; gboolean money; } cases[] = {
    { "万", 3, 4, FALSE }, { "亿", 3, 8, FALSE }, { "万亿", 6, 12, FALSE },
    { "亿美元", 9, 8, TRUE }, { "万亿美元", 12, 12, TRUE }, { "万美元", 9, 4, TRUE },
    { "亿+1", 3, 8, FALSE }, { "亿元", 3, 8, FALSE }, { "B", 1, 9, FALSE },
    /* no scale: a currency alone, other words */
    { "美元", 0, -1, FALSE }, { "元", 0, -1, FALSE }, { "千", 0, -1, FALSE }, { " 亿", 0, -1, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int power = -1;
      gboolean money = !cases[i].money;
      gsize len = bk_text_match_suffix (cases[i].text, &power, &money);

      g_assert_cmpuint (len, ==, cases[i].len);
      g_assert_cmpint (power, ==, cases[i].power);
      g_assert_true (money == cases[i].money);
    }
}

static void
check_shorten (const char *name,
               guint       max_columns,
               const char *expected)
{
  g_autofree char *got = bk_text_shorten (name, max_columns);

  g_assert_cmpstr (got, ==, expected);
  g_assert_cmpuint (bk_text_get_columns (got), <=, max_columns);
}

/* Short forms of names a view cannot show whole: the whole name when it
 * fits, else its longest leading part, else whole words then "…"; never
 * wider than asked, in columns (two for a Chinese character) */
static void
test_shorten (void)
{
  g_assert_cmpuint (bk_text_get_columns ("Bear"), ==, 4);
  g_assert_cmpuint (bk_text_get_columns ("熊市 — 价格战"), ==, 13);

  check_shorten ("FOMO CapEx", 24, "FOMO CapEx");
  check_shorten ("Bear — short GPU life, price war", 40, "Bear — short GPU life, price war");
  check_shorten ("Bear — short GPU life, price war", 24, "Bear — short GPU life");
  check_shorten ("Bear — short GPU life, price war", 16, "Bear");
  check_shorten ("Bull — demand keeps compounding", 24, "Bull");
  check_shorten ("Acme (US), cloud and chips", 12, "Acme (US)");
  /* no part fits: whole words, then "…" */
  check_shorten ("Demand keeps compounding for years", 24, "Demand keeps…");
  check_shorten ("Supercalifragilisticexpialidocious", 12, "Supercalifr…");
  /* Chinese: two columns a character, cut between characters */
  check_shorten ("熊市 — 显卡寿命短，价格战", 24, "熊市 — 显卡寿命短");
  check_shorten ("需求持续复合增长的乐观情景假设", 12, "需求持续复…");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/blank", test_blank);
  g_test_add_func ("/text/quote", test_quote);
  g_test_add_func ("/text/shorten", test_shorten);
  g_test_add_func ("/text/digits", test_digits);
  g_test_add_func ("/text/suffix", test_suffix);
  g_test_add_func ("/text/suffix/chinese", test_suffix_chinese);

  return g_test_run ();
}
