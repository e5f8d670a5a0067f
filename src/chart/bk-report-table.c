/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-report-table.c — a table of the PDF report: measuring its columns and
 * rows for a width, and drawing whole rows under a repeated header */

#include "config.h"

#include <math.h>

#include "bk-report-table.h"

#define FONT_FAMILY "Cantarell, Noto Sans, Noto Sans CJK SC, sans-serif"
#define FONT_SIZE   8.5
#define MIN_TEXT_WIDTH 60.0
/* A text column never needs more than this for its widest word: a longer
 * word (a URL, Chinese without spaces) wraps between characters */
#define MAX_TEXT_MIN_WIDTH 140.0

typedef struct
{
  char               *title;
  BkReportColumnKind  kind;
  double              width;
} Column;

typedef struct
{
  char    **cells;   /* n_columns, NULL for blank */
  gboolean  bold;
  double    height;
} Row;

struct _BkReportTable
{
  guint   n_columns;
  Column *columns;
  GArray *rows;      /* of Row */
  double  header_height;
};

static void
row_clear (gpointer data)
{
  Row *row = data;

  g_clear_pointer (&row->cells, g_strfreev);
}

BkReportTable *
bk_report_table_new (guint n_columns)
{
  BkReportTable *table;

  g_return_val_if_fail (n_columns > 0, NULL);

  table = g_new0 (BkReportTable, 1);
  table->n_columns = n_columns;
  table->columns = g_new0 (Column, n_columns);
  table->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_array_set_clear_func (table->rows, row_clear);
  return table;
}

void
bk_report_table_free (BkReportTable *table)
{
  if (table == NULL)
    return;

  for (guint i = 0; i < table->n_columns; i++)
    g_free (table->columns[i].title);
  g_free (table->columns);
  g_array_unref (table->rows);
  g_free (table);
}

void
bk_report_table_set_column (BkReportTable      *table,
                            guint               column,
                            const char         *title,
                            BkReportColumnKind  kind)
{
  g_return_if_fail (table != NULL);
  g_return_if_fail (column < table->n_columns);

  g_free (table->columns[column].title);
  table->columns[column].title = g_strdup (title);
  table->columns[column].kind = kind;
}

guint
bk_report_table_get_n_columns (BkReportTable *table)
{
  g_return_val_if_fail (table != NULL, 0);

  return table->n_columns;
}

guint
bk_report_table_add_row (BkReportTable *table,
                         gboolean       bold)
{
  Row row = { 0 };

  g_return_val_if_fail (table != NULL, 0);

  /* n_columns + 1 pointers: a NULL-terminated vector, so g_strfreev() frees it */
  row.cells = g_new0 (char *, table->n_columns + 1);
  for (guint c = 0; c < table->n_columns; c++)
    row.cells[c] = g_strdup ("");
  row.bold = bold;
  g_array_append_val (table->rows, row);
  return table->rows->len - 1;
}

void
bk_report_table_set_cell (BkReportTable *table,
                          guint          row,
                          guint          column,
                          const char    *text)
{
  Row *r;

  g_return_if_fail (table != NULL);
  g_return_if_fail (row < table->rows->len);
  g_return_if_fail (column < table->n_columns);

  r = &g_array_index (table->rows, Row, row);
  /* A blank cell is "" rather than NULL: NULL would end the vector. */
  g_free (r->cells[column]);
  r->cells[column] = g_strdup (text != NULL ? text : "");
}

const char *
bk_report_table_get_cell (BkReportTable *table,
                          guint          row,
                          guint          column)
{
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (row < table->rows->len, NULL);
  g_return_val_if_fail (column < table->n_columns, NULL);

  return g_array_index (table->rows, Row, row).cells[column];
}

guint
bk_report_table_get_n_rows (BkReportTable *table)
{
  g_return_val_if_fail (table != NULL, 0);

  return table->rows->len;
}

PangoFontDescription *
bk_report_font (double   size,
                gboolean bold)
{
  PangoFontDescription *desc = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_font_description_set_weight (desc, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  return desc;
}

/* A layout of @text in the table's font; @width < 0: no wrapping */
static PangoLayout *
cell_layout (PangoContext       *context,
             const char         *text,
             gboolean            bold,
             BkReportColumnKind  kind,
             double              width)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *desc = bk_report_font (FONT_SIZE, bold);

  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_alignment (layout, kind == BK_REPORT_COLUMN_NUMERIC ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
    }
  return layout;
}

static double
text_width (PangoContext *context,
            const char   *text,
            gboolean      bold)
{
  g_autoptr(PangoLayout) layout = cell_layout (context, text, bold, BK_REPORT_COLUMN_TEXT, -1);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return logical.width / (double) PANGO_SCALE;
}

/* The widest word of @text */
static double
word_width (PangoContext *context,
            const char   *text,
            gboolean      bold)
{
  g_auto(GStrv) words = g_strsplit_set (text != NULL ? text : "", " \n", -1);
  double widest = 0;

  for (guint i = 0; words[i] != NULL; i++)
    widest = MAX (widest, text_width (context, words[i], bold));
  return widest;
}

/* The widest line of @text */
static double
lines_width (PangoContext *context,
             const char   *text,
             gboolean      bold)
{
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);
  double widest = 0;

  for (guint l = 0; lines[l] != NULL; l++)
    widest = MAX (widest, text_width (context, lines[l], bold));
  return widest;
}

/* What @column needs: @words, the widest word of every cell (what a text
 * column can wrap down to); else the widest line of every cell.  A header
 * counts with its widest word only: it wraps rather than widen the column. */
static double
column_width (BkReportTable *table,
              PangoContext  *context,
              guint          column,
              gboolean       words)
{
  const Column *col = &table->columns[column];
  double widest = word_width (context, col->title, TRUE);

  for (guint r = 0; r < table->rows->len; r++)
    {
      const Row *row = &g_array_index (table->rows, Row, r);

      widest = MAX (widest, words ? word_width (context, row->cells[column], row->bold)
                                  : lines_width (context, row->cells[column], row->bold));
    }
  return ceil (widest) + 2 * BK_REPORT_TABLE_PADDING + 1;
}

double
bk_report_table_get_min_width (BkReportTable *table,
                               PangoContext  *context,
                               guint          column)
{
  g_return_val_if_fail (table != NULL, 0);
  g_return_val_if_fail (PANGO_IS_CONTEXT (context), 0);
  g_return_val_if_fail (column < table->n_columns, 0);

  if (table->columns[column].kind == BK_REPORT_COLUMN_TEXT)
    return CLAMP (column_width (table, context, column, TRUE), MIN_TEXT_WIDTH, MAX_TEXT_MIN_WIDTH);
  return column_width (table, context, column, FALSE);
}

/* A new table of @table's columns @columns (n of them), every row */
static BkReportTable *
table_copy_columns (BkReportTable *table,
                    const guint   *columns,
                    guint          n)
{
  BkReportTable *part = bk_report_table_new (n);

  for (guint c = 0; c < n; c++)
    bk_report_table_set_column (part, c, table->columns[columns[c]].title, table->columns[columns[c]].kind);
  for (guint r = 0; r < table->rows->len; r++)
    {
      const Row *row = &g_array_index (table->rows, Row, r);
      guint added = bk_report_table_add_row (part, row->bold);

      for (guint c = 0; c < n; c++)
        bk_report_table_set_cell (part, added, c, row->cells[columns[c]]);
    }
  return part;
}

GPtrArray *
bk_report_table_split_columns (BkReportTable *table,
                               PangoContext  *context,
                               double         width,
                               guint          n_key)
{
  GPtrArray *parts = g_ptr_array_new ();
  g_autofree guint *columns = NULL;
  g_autofree double *needs = NULL;
  double key_width = 0;
  guint next;

  g_return_val_if_fail (table != NULL, parts);
  g_return_val_if_fail (PANGO_IS_CONTEXT (context), parts);
  g_return_val_if_fail (n_key < table->n_columns, parts);

  columns = g_new (guint, table->n_columns);
  needs = g_new (double, table->n_columns);
  for (guint c = 0; c < table->n_columns; c++)
    needs[c] = bk_report_table_get_min_width (table, context, c);
  for (guint c = 0; c < n_key; c++)
    {
      columns[c] = c;
      key_width += needs[c];
    }

  /* Each group: the key columns, then at least one more, then as many as fit */
  next = n_key;
  while (next < table->n_columns)
    {
      double used = key_width + needs[next];
      guint n = n_key;

      columns[n++] = next++;
      while (next < table->n_columns && used + needs[next] <= width)
        {
          used += needs[next];
          columns[n++] = next++;
        }
      g_ptr_array_add (parts, table_copy_columns (table, columns, n));
    }
  return parts;
}

static double
cell_height (PangoContext       *context,
             const char         *text,
             gboolean            bold,
             BkReportColumnKind  kind,
             double              width)
{
  g_autoptr(PangoLayout) layout = cell_layout (context, text, bold, kind,
                                               width - 2 * BK_REPORT_TABLE_PADDING);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return ceil (logical.height / (double) PANGO_SCALE) + 2 * BK_REPORT_TABLE_PADDING;
}

void
bk_report_table_layout (BkReportTable *table,
                        PangoContext  *context,
                        double         width)
{
  double numeric_width = 0, text_natural = 0;
  guint n_text = 0;

  g_return_if_fail (table != NULL);
  g_return_if_fail (PANGO_IS_CONTEXT (context));

  /* Numeric and label columns take their width; text columns share the
   * rest: each its natural width when they all fit, else the narrow ones
   * keep theirs and the wide ones share what is left equally (but never
   * below what they can wrap to). */
  for (guint c = 0; c < table->n_columns; c++)
    {
      Column *col = &table->columns[c];

      if (col->kind == BK_REPORT_COLUMN_TEXT)
        {
          col->width = column_width (table, context, c, FALSE);
          text_natural += col->width;
          n_text++;
        }
      else
        {
          col->width = column_width (table, context, c, FALSE);
          numeric_width += col->width;
        }
    }

  if (n_text == 0)
    {
      /* No text column: spread what is left evenly */
      double extra = MAX (0, width - numeric_width) / table->n_columns;

      for (guint c = 0; c < table->n_columns; c++)
        table->columns[c].width += extra;
    }
  else if (numeric_width + text_natural <= width)
    {
      /* Room to spare: the text columns share it, the table spans @width */
      double extra = (width - numeric_width - text_natural) / n_text;

      for (guint c = 0; c < table->n_columns; c++)
        if (table->columns[c].kind == BK_REPORT_COLUMN_TEXT)
          table->columns[c].width += extra;
    }
  else
    {
      double room = width - numeric_width;
      guint n_wide = n_text;
      gboolean settled = FALSE;

      /* Water-filling: a column narrower than its share keeps its width */
      for (guint c = 0; c < table->n_columns; c++)
        table->columns[c].width = table->columns[c].kind == BK_REPORT_COLUMN_TEXT
                                  ? -column_width (table, context, c, FALSE)
                                  : table->columns[c].width;
      while (!settled && n_wide > 0)
        {
          double share = room / n_wide;

          settled = TRUE;
          for (guint c = 0; c < table->n_columns; c++)
            {
              Column *col = &table->columns[c];

              if (col->width < 0 && -col->width <= share)
                {
                  col->width = -col->width;
                  room -= col->width;
                  n_wide--;
                  settled = FALSE;
                }
            }
        }
      for (guint c = 0; c < table->n_columns; c++)
        {
          Column *col = &table->columns[c];

          if (col->width < 0)
            col->width = MAX (bk_report_table_get_min_width (table, context, c),
                              room / MAX (1, n_wide));
        }
    }

  table->header_height = 0;
  for (guint c = 0; c < table->n_columns; c++)
    table->header_height = MAX (table->header_height,
                                cell_height (context, table->columns[c].title, TRUE,
                                             table->columns[c].kind, table->columns[c].width));

  for (guint r = 0; r < table->rows->len; r++)
    {
      Row *row = &g_array_index (table->rows, Row, r);

      row->height = 0;
      for (guint c = 0; c < table->n_columns; c++)
        row->height = MAX (row->height,
                           cell_height (context, row->cells[c], row->bold,
                                        table->columns[c].kind, table->columns[c].width));
    }
}

double
bk_report_table_get_header_height (BkReportTable *table)
{
  g_return_val_if_fail (table != NULL, 0);

  return table->header_height;
}

double
bk_report_table_get_row_height (BkReportTable *table,
                                guint          row)
{
  g_return_val_if_fail (table != NULL, 0);
  g_return_val_if_fail (row < table->rows->len, 0);

  return g_array_index (table->rows, Row, row).height;
}

static void
draw_cells (BkReportTable      *table,
            cairo_t            *cr,
            PangoContext       *context,
            double              x,
            double              y,
            const char * const *cells,
            gboolean            bold)
{
  for (guint c = 0; c < table->n_columns; c++)
    {
      const Column *col = &table->columns[c];
      g_autoptr(PangoLayout) layout = cell_layout (context, cells[c], bold, col->kind,
                                                   col->width - 2 * BK_REPORT_TABLE_PADDING);

      cairo_move_to (cr, x + BK_REPORT_TABLE_PADDING, y + BK_REPORT_TABLE_PADDING);
      pango_cairo_show_layout (cr, layout);
      x += col->width;
    }
}

double
bk_report_table_get_width (BkReportTable *table)
{
  double width = 0;

  g_return_val_if_fail (table != NULL, 0);

  for (guint c = 0; c < table->n_columns; c++)
    width += table->columns[c].width;
  return width;
}

void
bk_report_table_draw (BkReportTable *table,
                      cairo_t       *cr,
                      PangoContext  *context,
                      double         x,
                      double         y,
                      guint          first,
                      guint          n_rows)
{
  g_autofree const char **titles = NULL;
  double width;

  g_return_if_fail (table != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (first + n_rows <= table->rows->len);

  width = bk_report_table_get_width (table);
  titles = g_new0 (const char *, table->n_columns + 1);
  for (guint c = 0; c < table->n_columns; c++)
    titles[c] = table->columns[c].title;

  cairo_save (cr);

  /* The header: bold on a grey band, a rule below */
  cairo_set_source_rgb (cr, 0.92, 0.93, 0.95);
  cairo_rectangle (cr, x, y, width, table->header_height);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.12);
  draw_cells (table, cr, context, x, y, titles, TRUE);
  y += table->header_height;
  cairo_set_line_width (cr, 0.8);
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x + width, y);
  cairo_stroke (cr);

  for (guint r = first; r < first + n_rows; r++)
    {
      const Row *row = &g_array_index (table->rows, Row, r);

      if (row->bold)
        {
          cairo_set_source_rgb (cr, 0.96, 0.96, 0.97);
          cairo_rectangle (cr, x, y, width, row->height);
          cairo_fill (cr);
        }
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.12);
      draw_cells (table, cr, context, x, y, (const char * const *) row->cells, row->bold);
      y += row->height;
      cairo_set_source_rgb (cr, 0.8, 0.8, 0.83);
      cairo_set_line_width (cr, 0.4);
      cairo_move_to (cr, x, y);
      cairo_line_to (cr, x + width, y);
      cairo_stroke (cr);
    }

  cairo_restore (cr);
}
