/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-delimited.h — delimited text (CSV and the clipboard's TSV): one quoter, one splitter */
#pragma once

#include "bk-types.h"

G_BEGIN_DECLS

typedef enum
{
  /* RFC 4180: fields separated by ',', every record ends in CRLF.  Reading
   * is strict (a quote in an unquoted field, text after a closing quote and
   * a quote never closed are errors) and skips empty lines. */
  BK_DELIMITED_CSV,
  /* Tab-separated cells as LibreOffice, Gnumeric and Excel put them on the
   * clipboard: rows separated by "\n".  Reading never fails: a cell that
   * starts with a quote but does not end with its closing quote is plain
   * text, and an empty line is a row of one empty cell. */
  BK_DELIMITED_TSV,
} BkDelimitedFormat;

/* One record (row) of delimited text. */
typedef struct
{
  guint      line;    /* the line of the text where the record starts, from 1 */
  GPtrArray *fields;  /* char *, unquoted */
  GArray    *lines;   /* guint: the line where each field starts */
} BkDelimitedRecord;

/* Appends @text (@length bytes, or up to its NUL when -1) as one field,
 * quoted when reading it back unquoted would not give the same text:
 * it holds the delimiter, CR or LF, or a quote (CSV) or starts with one
 * (TSV).  Quotes inside a quoted field are doubled. */
void          bk_delimited_append_field (GString                *out,
                                         BkDelimitedFormat       format,
                                         const char             *text,
                                         gssize                  length);

/* The text of a block of @n_rows × @n_columns @cells (row by row; NULL is
 * an empty field): CSV records each end in CRLF, TSV rows are separated by
 * "\n" without a final one. */
char         *bk_delimited_write        (BkDelimitedFormat       format,
                                         const char * const     *cells,
                                         guint                   n_rows,
                                         guint                   n_columns);

/* Splits @text (@length bytes, or up to its NUL when -1) into a GPtrArray
 * of BkDelimitedRecord.  Line ends may be CRLF, LF or a lone CR; a final
 * line end adds no record.  CSV errors (BK_ERROR_INVALID_INPUT) name the
 * line, a NUL byte among them; TSV never fails and ends at a NUL. */
GPtrArray    *bk_delimited_parse        (BkDelimitedFormat       format,
                                         const char             *text,
                                         gssize                  length,
                                         GError                **error);

/* Parsed records as a rectangular block of @n_rows × @n_columns (the widest
 * record): pointers into @records, NULL where a record is short.  NULL
 * (and zeros) when there are no records.  Free the array with g_free(). */
const char  **bk_delimited_to_block     (GPtrArray              *records,
                                         guint                  *n_rows,
                                         guint                  *n_columns);

/* The block a pasted block of @block_rows × @block_columns covers on a
 * selection of @selection_rows × @selection_columns, with @room_rows ×
 * @room_columns from the selection's corner to the table's end: the whole
 * selection when it is a multiple of the block (a single cell into a larger
 * selection included), otherwise the block clipped to the table. */
void          bk_delimited_paste_size   (guint                   block_rows,
                                         guint                   block_columns,
                                         guint                   selection_rows,
                                         guint                   selection_columns,
                                         guint                   room_rows,
                                         guint                   room_columns,
                                         guint                  *n_rows,
                                         guint                  *n_columns);

/* @n_rows × @n_columns copies of the cells of @block (@block_rows ×
 * @block_columns), repeated down and across: the pointers of @block, NULL
 * where it has NULL.  Fill down tiles one row, fill right one column.
 * Free the array with g_free(). */
const char  **bk_delimited_tile         (const char * const     *block,
                                         guint                   block_rows,
                                         guint                   block_columns,
                                         guint                   n_rows,
                                         guint                   n_columns);

G_END_DECLS
