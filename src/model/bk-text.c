/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-text.c — scanning what a person typed: blanks, quoting in messages,
 * digits and scale suffixes, shared by the cell parser and the formula
 * lexer so that both read a cell the same way. */

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

gsize
bk_text_match_suffix (const char *text,
                      int        *power)
{
  g_return_val_if_fail (text != NULL, 0);
  g_return_val_if_fail (power != NULL, 0);

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
