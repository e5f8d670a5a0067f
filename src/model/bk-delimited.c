/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-delimited.c — delimited text (CSV and the clipboard's TSV): one quoter, one splitter
 *
 * CSV files (bk-csv.c) and the grid's clipboard (bk-sheet-view.c) are the
 * same kind of text: fields separated by a delimiter, records by line ends,
 * a field that holds a delimiter, a line break or a quote written between
 * double quotes with its own quotes doubled.  The two differ only in what
 * each dialect below says: the delimiter, how records end, and how strict
 * reading is.  CSV is RFC 4180 and refuses what is malformed, with the line;
 * the clipboard takes whatever another spreadsheet put there, as they do:
 * a cell that starts with a quote but is not a well-formed quoted cell is
 * read as it stands.
 *
 * The block functions at the end are the arithmetic of pasting a block of
 * cells over a selection and of fill down/right, kept here so that it is
 * tested without a display.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bk-delimited.h"

typedef struct
{
  char        delimiter;
  const char *line_end;
  guint       terminated : 1;         /* every record ends with line_end */
  guint       strict : 1;             /* malformed quoting is an error */
  guint       skip_empty_lines : 1;
} Dialect;

static const Dialect dialects[] = {
  [BK_DELIMITED_CSV] = { ',', "\r\n", TRUE, TRUE, TRUE },
  [BK_DELIMITED_TSV] = { '\t', "\n", FALSE, FALSE, FALSE },
};

static const Dialect *
get_dialect (BkDelimitedFormat format)
{
  g_assert ((guint) format < G_N_ELEMENTS (dialects));

  return &dialects[format];
}

static gboolean
is_line_end (char c)
{
  return c == '\r' || c == '\n';
}

/* ---------------------------------------------------------------------- */
/* Writing                                                                 */

static gboolean
needs_quotes (const Dialect *dialect,
              const char    *text,
              gsize          length)
{
  if (length == 0)
    return FALSE;

  /* The lenient reader takes a quote inside a field as it stands. */
  if (text[0] == '"' || (dialect->strict && memchr (text, '"', length) != NULL))
    return TRUE;

  for (gsize i = 0; i < length; i++)
    if (text[i] == dialect->delimiter || is_line_end (text[i]))
      return TRUE;

  return FALSE;
}

void
bk_delimited_append_field (GString           *out,
                           BkDelimitedFormat  format,
                           const char        *text,
                           gssize             length)
{
  const Dialect *dialect;

  g_return_if_fail (out != NULL);
  g_return_if_fail (text != NULL || length == 0);
  g_return_if_fail ((guint) format < G_N_ELEMENTS (dialects));

  dialect = get_dialect (format);
  if (length < 0)
    length = (gssize) strlen (text);

  if (!needs_quotes (dialect, text, (gsize) length))
    {
      g_string_append_len (out, text, length);
      return;
    }

  g_string_append_c (out, '"');
  for (gssize i = 0; i < length; i++)
    {
      if (text[i] == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, text[i]);
    }
  g_string_append_c (out, '"');
}

char *
bk_delimited_write (BkDelimitedFormat   format,
                    const char * const *cells,
                    guint               n_rows,
                    guint               n_columns)
{
  const Dialect *dialect;
  GString *out;

  g_return_val_if_fail ((guint) format < G_N_ELEMENTS (dialects), NULL);
  g_return_val_if_fail (cells != NULL || n_rows == 0 || n_columns == 0, NULL);

  dialect = get_dialect (format);
  out = g_string_new (NULL);

  for (guint r = 0; r < n_rows; r++)
    {
      if (r > 0 && !dialect->terminated)
        g_string_append (out, dialect->line_end);

      for (guint c = 0; c < n_columns; c++)
        {
          const char *cell = cells[(gsize) r * n_columns + c];

          if (c > 0)
            g_string_append_c (out, dialect->delimiter);
          if (n_columns == 1 && (cell == NULL || *cell == '\0'))
            /* a row of one empty cell is "", not a blank line, which reads
             * back as no row at all */
            g_string_append (out, "\"\"");
          else if (cell != NULL)
            bk_delimited_append_field (out, format, cell, -1);
        }

      if (dialect->terminated)
        g_string_append (out, dialect->line_end);
    }

  return g_string_free (out, FALSE);
}

/* ---------------------------------------------------------------------- */
/* Reading                                                                 */

static BkDelimitedRecord *
record_new (guint line)
{
  BkDelimitedRecord *record = g_new0 (BkDelimitedRecord, 1);

  record->line = line;
  record->fields = g_ptr_array_new_with_free_func (g_free);
  record->lines = g_array_new (FALSE, FALSE, sizeof (guint));

  return record;
}

static void
record_free (BkDelimitedRecord *record)
{
  g_ptr_array_unref (record->fields);
  g_array_unref (record->lines);
  g_free (record);
}

/* Past the line end at @p: CRLF is one line end. */
static const char *
skip_line_end (const char *p,
               const char *end)
{
  g_assert (p < end && is_line_end (*p));

  if (*p == '\r' && p + 1 < end && p[1] == '\n')
    p++;

  return p + 1;
}

/* Reads the field at *@p into @field and leaves *@p at the delimiter, line
 * end or end of text after it; *@line counts the line breaks inside. */
static gboolean
read_field (const Dialect  *dialect,
            const char    **p,
            const char     *end,
            guint          *line,
            GString        *field,
            GError        **error)
{
  const char *s = *p;

  if (s < end && *s == '"')
    {
      const char *q = s + 1;
      guint breaks = 0;
      gboolean closed = FALSE;

      while (q < end)
        {
          if (*q == '"')
            {
              if (q + 1 < end && q[1] == '"')
                {
                  g_string_append_c (field, '"');
                  q += 2;
                  continue;
                }
              closed = TRUE;
              q++;
              break;
            }

          /* CRLF is one line break, so count it at the LF. */
          if (*q == '\n' || (*q == '\r' && (q + 1 >= end || q[1] != '\n')))
            breaks++;
          g_string_append_c (field, *q);
          q++;
        }

      if (closed && (q >= end || *q == dialect->delimiter || is_line_end (*q)))
        {
          *p = q;
          *line += breaks;
          return TRUE;
        }

      if (dialect->strict)
        {
          if (!closed)
            g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                         _("line %u: a quoted field is never closed; a quote inside a quoted field is written twice"),
                         *line);
          else
            g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                         _("line %u: unexpected text after the closing quote of a field; a quote inside a quoted field is written twice"),
                         *line + breaks);
          return FALSE;
        }

      /* Not a quoted field after all: read it as it stands. */
      g_string_truncate (field, 0);
    }

  while (s < end && *s != dialect->delimiter && !is_line_end (*s))
    {
      if (*s == '"' && dialect->strict)
        {
          g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                       _("line %u: a field that holds a quote must be enclosed in quotes, with the quote written twice"),
                       *line);
          return FALSE;
        }
      s++;
    }
  g_string_append_len (field, *p, s - *p);
  *p = s;

  return TRUE;
}

GPtrArray *
bk_delimited_parse (BkDelimitedFormat   format,
                    const char         *text,
                    gssize              length,
                    GError            **error)
{
  g_autoptr(GPtrArray) records = NULL;
  const Dialect *dialect;
  const char *p, *end;
  guint line = 1;

  g_return_val_if_fail ((guint) format < G_N_ELEMENTS (dialects), NULL);
  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  dialect = get_dialect (format);
  if (text == NULL)
    text = "";
  if (length < 0)
    length = (gssize) strlen (text);
  else
    {
      /* Fields are C strings: a NUL would cut one short without a word.
       * A CSV file holding one is damaged; clipboard text ends there. */
      const char *nul = memchr (text, '\0', (size_t) length);

      if (nul != NULL && format == BK_DELIMITED_CSV)
        {
          guint nul_line = 1;

          for (const char *q = text; q < nul; q++)
            if (*q == '\n' || (*q == '\r' && q + 1 < nul && q[1] != '\n'))
              nul_line++;
          g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                       _("line %u: the text holds a NUL character, which CSV cannot hold"),
                       nul_line);
          return NULL;
        }
      if (nul != NULL)
        length = nul - text;
    }

  records = g_ptr_array_new_with_free_func ((GDestroyNotify) record_free);
  p = text;
  end = text + length;

  while (p < end)
    {
      BkDelimitedRecord *record;

      if (dialect->skip_empty_lines && is_line_end (*p))
        {
          p = skip_line_end (p, end);
          line++;
          continue;
        }

      record = record_new (line);
      g_ptr_array_add (records, record);

      for (;;)
        {
          g_autoptr(GString) field = g_string_new (NULL);
          guint field_line = line;

          if (!read_field (dialect, &p, end, &line, field, error))
            return NULL;

          g_ptr_array_add (record->fields, g_string_free (g_steal_pointer (&field), FALSE));
          g_array_append_val (record->lines, field_line);

          if (p >= end)
            break;

          if (*p == dialect->delimiter)
            {
              p++;
              continue;
            }

          /* The end of the record */
          p = skip_line_end (p, end);
          line++;
          break;
        }
    }

  return g_steal_pointer (&records);
}

/* ---------------------------------------------------------------------- */
/* Blocks                                                                  */

const char **
bk_delimited_to_block (GPtrArray *records,
                       guint     *n_rows,
                       guint     *n_columns)
{
  const char **block;
  guint width = 0;

  g_return_val_if_fail (records != NULL, NULL);
  g_return_val_if_fail (n_rows != NULL && n_columns != NULL, NULL);

  for (guint r = 0; r < records->len; r++)
    width = MAX (width, ((BkDelimitedRecord *) records->pdata[r])->fields->len);

  *n_rows = width > 0 ? records->len : 0;
  *n_columns = width;
  if (width == 0)
    return NULL;

  block = g_new0 (const char *, (gsize) records->len * width);
  for (guint r = 0; r < records->len; r++)
    {
      GPtrArray *fields = ((BkDelimitedRecord *) records->pdata[r])->fields;

      for (guint c = 0; c < fields->len; c++)
        block[(gsize) r * width + c] = fields->pdata[c];
    }

  return block;
}

void
bk_delimited_paste_size (guint  block_rows,
                         guint  block_columns,
                         guint  selection_rows,
                         guint  selection_columns,
                         guint  room_rows,
                         guint  room_columns,
                         guint *n_rows,
                         guint *n_columns)
{
  g_return_if_fail (block_rows > 0 && block_columns > 0);
  g_return_if_fail (n_rows != NULL && n_columns != NULL);

  if (selection_rows % block_rows == 0 && selection_columns % block_columns == 0)
    {
      *n_rows = selection_rows;
      *n_columns = selection_columns;
    }
  else
    {
      *n_rows = MIN (block_rows, room_rows);
      *n_columns = MIN (block_columns, room_columns);
    }
}

const char **
bk_delimited_tile (const char * const *block,
                   guint               block_rows,
                   guint               block_columns,
                   guint               n_rows,
                   guint               n_columns)
{
  const char **cells;

  g_return_val_if_fail (block != NULL, NULL);
  g_return_val_if_fail (block_rows > 0 && block_columns > 0, NULL);

  cells = g_new (const char *, MAX ((gsize) n_rows * n_columns, 1));
  for (guint r = 0; r < n_rows; r++)
    for (guint c = 0; c < n_columns; c++)
      cells[(gsize) r * n_columns + c] =
        block[(gsize) (r % block_rows) * block_columns + c % block_columns];

  return cells;
}
