/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-text.c — scanning what a person typed: blanks, quoting in messages
 * and short forms of names, digits and scale suffixes (K M B T and the
 * Chinese 万 亿 万亿), shared by the cell parser and the formula lexer so
 * that both read a cell the same way. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bk-text.h"
#include "bk-types.h"

gboolean
bk_text_is_blank (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x200B || c == 0xFEFF;
}

const char *
bk_text_skip_blank (const char *text)
{
  const char *p = text;

  g_return_val_if_fail (text != NULL, NULL);

  while (*p != '\0' && bk_text_is_blank (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  return p;
}

char *
bk_text_strip_blank (const char *text)
{
  const char *start, *end;

  g_return_val_if_fail (text != NULL, NULL);

  start = bk_text_skip_blank (text);
  end = start + strlen (start);
  while (end > start)
    {
      const char *before = g_utf8_prev_char (end);

      if (!bk_text_is_blank (g_utf8_get_char (before)))
        break;
      end = before;
    }

  return g_strndup (start, (gsize) (end - start));
}

char *
bk_text_quote (const char *text,
               gssize      len)
{
  g_autofree char *copy = NULL;
  g_autofree char *head = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  copy = len < 0 ? g_strdup (text) : g_strndup (text, (gsize) len);
  if (g_utf8_strlen (copy, -1) <= BK_TEXT_MAX_QUOTED)
    return g_steal_pointer (&copy);

  head = g_utf8_substring (copy, 0, BK_TEXT_MAX_QUOTED);
  return g_strconcat (head, "…", NULL);
}

guint
bk_text_get_columns (const char *text)
{
  guint columns = 0;

  g_return_val_if_fail (text != NULL, 0);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    columns += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  return columns;
}

/* @len bytes of @text without trailing blanks and separators (, ; : / - – — ，：) */
static char *
dup_trimmed (const char *text,
             gsize       len)
{
  while (len > 0)
    {
      const char *last = g_utf8_find_prev_char (text, text + len);
      gunichar c = g_utf8_get_char (last);

      if (!bk_text_is_blank (c) && strchr (",;:/-", (int) c) == NULL &&
          c != 0x2013 && c != 0x2014 && c != 0xFF0C && c != 0xFF1A)
        break;
      len = (gsize) (last - text);
    }
  return g_strndup (text, len);
}

char *
bk_text_shorten (const char *name,
                 guint       max_columns)
{
  /* Where a name's parts meet, most telling first */
  static const char * const separators[] = { ", ", "; ", " — ", " – ", " - ", ": ", " (", " / ", "，", "：", "（" };
  g_autofree char *head = NULL;
  const char *word_end = name;
  const char *char_end = name;
  gsize best = 0;
  guint columns = 0;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (max_columns > 1, NULL);

  if (bk_text_get_columns (name) <= max_columns)
    return g_strdup (name);

  /* The longest part before a separator that fits */
  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    for (const char *at = strstr (name, separators[i]); at != NULL; at = strstr (at + 1, separators[i]))
      {
        g_autofree char *part = dup_trimmed (name, (gsize) (at - name));

        if (part[0] != '\0' && bk_text_get_columns (part) <= max_columns)
          best = MAX (best, strlen (part));
      }
  if (best > 0)
    return g_strndup (name, best);

  /* Else as many whole words as fit, or characters when one word does not
   * (Chinese has no spaces), then "…" */
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      guint width = g_unichar_iswide (c) ? 2 : 1;

      if (columns + width > max_columns - 1)
        break;
      if (bk_text_is_blank (c))
        word_end = p;
      columns += width;
      char_end = g_utf8_next_char (p);
    }
  head = dup_trimmed (name, (gsize) ((word_end > name ? word_end : char_end) - name));
  return g_strconcat (head, "…", NULL);
}

int
bk_text_count_digits (const char *text)
{
  int n = 0;

  g_return_val_if_fail (text != NULL, 0);

  while (g_ascii_isdigit (text[n]))
    n++;
  return n;
}

static gboolean
is_word_char (char c)
{
  return g_ascii_isalnum (c) || c == '_';
}

/* 万亿 before 万, so the longest word wins */
static const struct
{
  const char *word;
  int         power;
} chinese_scales[] = {
  { "万亿", 12 },
  { "亿",   8 },
  { "万",   4 },
};

gsize
bk_text_match_suffix (const char *text,
                      int        *power,
                      gboolean   *money)
{
  g_return_val_if_fail (text != NULL, 0);
  g_return_val_if_fail (power != NULL, 0);

  if (money != NULL)
    *money = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (chinese_scales); i++)
    if (g_str_has_prefix (text, chinese_scales[i].word))
      {
        gsize len = strlen (chinese_scales[i].word);

        *power = chinese_scales[i].power;
        if (g_str_has_prefix (text + len, "美元"))
          {
            len += strlen ("美元");
            if (money != NULL)
              *money = TRUE;
          }
        return len;
      }

  if (g_ascii_tolower (text[0]) == 'b' && g_ascii_tolower (text[1]) == 'n'
      && !is_word_char (text[2]))
    {
      *power = 9;
      return 2;
    }

  if (text[0] == '\0' || is_word_char (text[1]))
    return 0;

  switch (g_ascii_tolower (text[0]))
    {
    case 'k': *power = 3;  return 1;
    case 'm': *power = 6;  return 1;
    case 'b': *power = 9;  return 1;
    case 't': *power = 12; return 1;
    default:  return 0;
    }
}

gsize
bk_text_get_max_length (BkTextKind kind)
{
  switch (kind)
    {
    case BK_TEXT_NAME:    return BK_TEXT_MAX_NAME;
    case BK_TEXT_TITLE:   return BK_TEXT_MAX_TITLE;
    case BK_TEXT_NOTE:    return BK_TEXT_MAX_NOTE;
    case BK_TEXT_FORMULA: return BK_TEXT_MAX_FORMULA;
    default:              g_return_val_if_reached (0);
    }
}

gboolean
bk_text_check_stored (const char  *text,
                      gssize       len,
                      BkTextKind   kind,
                      GError     **error)
{
  gsize max = bk_text_get_max_length (kind);
  gsize bytes, chars;

  g_return_val_if_fail (text != NULL, FALSE);

  bytes = len < 0 ? strlen (text) : (gsize) len;
  if (memchr (text, '\0', bytes) != NULL)
    {
      g_set_error_literal (error, BK_ERROR, BK_ERROR_INVALID_INPUT, _("The text contains a NUL character"));
      return FALSE;
    }
  if (!g_utf8_validate (text, (gssize) bytes, NULL))
    {
      g_set_error_literal (error, BK_ERROR, BK_ERROR_INVALID_INPUT, _("The text is not valid UTF-8"));
      return FALSE;
    }

  chars = (gsize) g_utf8_strlen (text, (gssize) bytes);
  if (chars > max)
    {
      switch (kind)
        {
        case BK_TEXT_NAME:
          g_set_error (error, BK_ERROR, BK_ERROR_OUT_OF_RANGE,
                       _("A name can have at most %u characters (this one has %u)"), (guint) max, (guint) MIN (chars, G_MAXUINT));
          break;
        case BK_TEXT_TITLE:
          g_set_error (error, BK_ERROR, BK_ERROR_OUT_OF_RANGE,
                       _("A title can have at most %u characters (this one has %u)"), (guint) max, (guint) MIN (chars, G_MAXUINT));
          break;
        case BK_TEXT_NOTE:
          g_set_error (error, BK_ERROR, BK_ERROR_OUT_OF_RANGE,
                       _("A note can have at most %u characters (this one has %u)"), (guint) max, (guint) MIN (chars, G_MAXUINT));
          break;
        case BK_TEXT_FORMULA:
        default:
          g_set_error (error, BK_ERROR, BK_ERROR_OUT_OF_RANGE,
                       _("A formula can have at most %u characters (this one has %u)"), (guint) max, (guint) MIN (chars, G_MAXUINT));
          break;
        }
      return FALSE;
    }

  return TRUE;
}
