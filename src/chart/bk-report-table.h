/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-report-table.h — a table of the PDF report: columns, rows of wrapped
 * text, measured for one width, drawn a run of whole rows at a time under a
 * repeated header row (cairo + pango only) */
#pragma once

#include <pango/pangocairo.h>

G_BEGIN_DECLS

typedef struct _BkReportTable BkReportTable;

typedef enum
{
  BK_REPORT_COLUMN_TEXT,     /* left-aligned, wraps to the width it gets */
  BK_REPORT_COLUMN_LABEL,    /* left-aligned, never wraps (short labels) */
  BK_REPORT_COLUMN_NUMERIC,  /* right-aligned, never wraps */
} BkReportColumnKind;

/* Space around a cell's text, in points */
#define BK_REPORT_TABLE_PADDING 3.0

/* @n_columns columns, all text until bk_report_table_set_column() says. */
BkReportTable *bk_report_table_new             (guint           n_columns);
void           bk_report_table_free            (BkReportTable  *table);

/* Numeric and label columns take the width of their widest cell (a header
 * may wrap between words); text columns share what they leave and wrap. */
void           bk_report_table_set_column      (BkReportTable      *table,
                                                guint               column,
                                                const char         *title,
                                                BkReportColumnKind  kind);
guint          bk_report_table_get_n_columns   (BkReportTable  *table);
/* A new row of blank cells; returns its index.  A @bold row (a total)
 * is drawn in bold over a light band. */
guint          bk_report_table_add_row         (BkReportTable  *table,
                                                gboolean        bold);
void           bk_report_table_set_cell        (BkReportTable  *table,
                                                guint           row,
                                                guint           column,
                                                const char     *text);
const char    *bk_report_table_get_cell        (BkReportTable  *table,
                                                guint           row,
                                                guint           column);
guint          bk_report_table_get_n_rows      (BkReportTable  *table);

/* Column widths and row heights for a table @width points wide, with the
 * fonts of @context. */
void           bk_report_table_layout          (BkReportTable  *table,
                                                PangoContext   *context,
                                                double          width);
/* After a layout: in points. */
double         bk_report_table_get_header_height (BkReportTable *table);
double         bk_report_table_get_row_height  (BkReportTable  *table,
                                                guint           row);
/* The width of all columns, as laid out last */
double         bk_report_table_get_width       (BkReportTable  *table);
/* The width @column needs at least: the widest cell of a numeric or label
 * column, the widest word (or MIN_TEXT_WIDTH) of a text column. */
double         bk_report_table_get_min_width   (BkReportTable  *table,
                                                PangoContext   *context,
                                                guint           column);

/* The table as column groups that each fit @width: the first @n_key
 * columns repeated in every group, then as many of the others as fit.
 * Returns new tables (free them with bk_report_table_free()); a single
 * copy when the table fits as it is. */
GPtrArray     *bk_report_table_split_columns   (BkReportTable  *table,
                                                PangoContext   *context,
                                                double          width,
                                                guint           n_key);

/* Draws the header and rows @first … @first + @n_rows − 1 with the top left
 * corner at @x, @y, as laid out last. */
void           bk_report_table_draw            (BkReportTable  *table,
                                                cairo_t        *cr,
                                                PangoContext   *context,
                                                double          x,
                                                double          y,
                                                guint           first,
                                                guint           n_rows);

/* The font of the report's body text and tables: @size points, @bold. */
PangoFontDescription *bk_report_font           (double          size,
                                                gboolean        bold);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkReportTable, bk_report_table_free)

G_END_DECLS
