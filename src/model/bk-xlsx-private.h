/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-xlsx-private.h — what the XLSX exporter's files share: the export
 * context, the cell formats, where each sheet keeps what, and the helpers
 * that write one cell as a formula or a value. */
#pragma once

#include <xlsxwriter.h>

#include "bk-results.h"
#include "bk-workbook.h"

G_BEGIN_DECLS

/* Excel's limits for one sheet */
#define BK_XLSX_MAX_COLUMNS 16384u
#define BK_XLSX_MAX_ROWS    1048576u

/* Every sheet keeps a title in row 0 and its headers in row 1 (the
 * Assumptions sheet: rows 1 and 2); period t is in column 2 + t. */
#define BK_XLSX_TITLE_ROW   0
#define BK_XLSX_HEADER_ROW  1
#define BK_XLSX_PERIOD_COL  2

/* Input sheets: one row per company (tokens: market) from row 2 */
#define BK_XLSX_INPUT_ROW   2

/* Assumptions sheet: driver a in row 3 + a, then the derived values;
 * the workbook value in column D, company c's override and effective
 * value in columns 4 + 2c and 5 + 2c. */
typedef enum
{
  BK_XLSX_DERIVED_PERIOD_YEARS,
  BK_XLSX_DERIVED_LAG_PERIODS,
  BK_XLSX_DERIVED_IT_LIFE_PERIODS,
  BK_XLSX_DERIVED_FACILITY_LIFE_PERIODS,
  BK_XLSX_DERIVED_PERIOD_RATE,
  BK_XLSX_DERIVED_SECONDS_PER_PERIOD,
  BK_XLSX_N_DERIVED
} BkXlsxDerived;

#define BK_XLSX_ASSUMPTION_ROW  3
#define BK_XLSX_DERIVED_ROW     (BK_XLSX_ASSUMPTION_ROW + BK_N_ASSUMPTIONS + 1)
#define BK_XLSX_WORKBOOK_COL    3
#define BK_XLSX_OVERRIDE_COL(c) (4 + 2 * (c))
#define BK_XLSX_EFFECTIVE_COL(c) (5 + 2 * (c))

typedef enum
{
  BK_XLSX_FORMAT_TITLE,
  BK_XLSX_FORMAT_HEADER,
  BK_XLSX_FORMAT_TEXT,
  BK_XLSX_FORMAT_MONEY,     /* US$ billion: $1.23B */
  BK_XLSX_FORMAT_PERCENT,   /* fractions: 12.3% */
  BK_XLSX_FORMAT_TOKENS,    /* trillion tokens: 1,234.5 T */
  BK_XLSX_FORMAT_MW,
  BK_XLSX_FORMAT_PRICE,     /* US$ per million tokens */
  BK_XLSX_FORMAT_NUMBER,
  BK_XLSX_FORMAT_FACTOR,    /* 0.000000 */
  BK_XLSX_FORMAT_INTEGER,
  BK_XLSX_FORMAT_YEARS,
  BK_XLSX_N_FORMATS
} BkXlsxFormat;

typedef struct
{
  BkWorkbook     *workbook;
  guint           scenario;
  gboolean        values_only;
  BkResults      *results;
  lxw_workbook   *book;
  lxw_format     *formats[BK_XLSX_N_FORMATS];
  guint           n;            /* input periods */
  guint           m;            /* modelled periods */
  double          delta;        /* years a period */
  guint           n_companies;
  /* Sheets and their names quoted for references: 'CapEx' */
  lxw_worksheet  *results_sheet;
  lxw_worksheet  *assumptions_sheet;
  char           *assumptions_ref;
  lxw_worksheet  *input_sheets[BK_N_TABLES];
  char           *input_refs[BK_N_TABLES];
  lxw_worksheet **company_sheets;
  char          **company_names;  /* the sheet names, unquoted */
  char          **company_refs;
  lxw_error       status;       /* the first failed write, or LXW_NO_ERROR */
} BkXlsx;

/* Keeps the first failure of a libxlsxwriter call in x->status */
void   bk_xlsx_track           (BkXlsx         *x,
                                lxw_error       status);

/* One cell: @formula (without the "=" is not allowed: "=…"), with @value
 * as its cached result, or only @value when there is no formula or the
 * export is values only.  A NAN value is a blank (for a formula, its
 * result is the empty text). */
void   bk_xlsx_cell            (BkXlsx         *x,
                                lxw_worksheet  *sheet,
                                guint           row,
                                guint           col,
                                const char     *formula,
                                double          value,
                                BkXlsxFormat    format);
void   bk_xlsx_text            (BkXlsx         *x,
                                lxw_worksheet  *sheet,
                                guint           row,
                                guint           col,
                                const char     *text,
                                BkXlsxFormat    format);
/* "C5", "$C$5", or with @sheet_ref "'CapEx'!C5" */
char  *bk_xlsx_ref             (const char     *sheet_ref,
                                guint           row,
                                guint           col,
                                gboolean        absolute);
/* "$C$5:$X$5": columns @col … @col + @n − 1 of @row */
char  *bk_xlsx_row_range       (guint           row,
                                guint           col,
                                guint           n);
/* Column widths and frozen panes shared by the period sheets */
void   bk_xlsx_period_header   (BkXlsx         *x,
                                lxw_worksheet  *sheet,
                                guint           row,
                                guint           n_periods,
                                const char     *first,
                                const char     *second);

/* bk-xlsx-inputs.c */
void   bk_xlsx_write_inputs       (BkXlsx *x);
void   bk_xlsx_write_assumptions  (BkXlsx *x);
/* bk-xlsx-model-sheet.c */
void   bk_xlsx_write_model_sheet  (BkXlsx *x,
                                   guint   company);
/* The row of a company sheet that holds one of its metrics (column C) */
guint  bk_xlsx_model_metric_row   (int     metric);
/* The rows of a company sheet with its free cash flow and capex */
guint  bk_xlsx_model_fcf_row      (void);
guint  bk_xlsx_model_capex_row    (void);
/* bk-xlsx-results.c */
void   bk_xlsx_write_results      (BkXlsx *x);
/* The rows the Results sheet needs for @n_companies */
guint64 bk_xlsx_results_n_rows    (guint   n_companies);

/* bk-xlsx-cashflow.c: the rows that turn a free-cash-flow row into
 * cumulative and discounted flows and the payback crossings, and the
 * metric formulas over them. */
typedef struct
{
  guint t;             /* rows of the sheet: the period index t */
  guint fcf;
  guint capex;
  guint cum;
  guint factor;
  guint discounted;
  guint cum_discounted;
  guint crossing;
  guint crossing_years;
  guint discounted_crossing;
  guint discounted_crossing_years;
  guint next;          /* the first row after them */
} BkXlsxCashRows;

/* Writes the rows from @rows->cum on, from @fcf (m values) discounted
 * at @period_rate (the rate that period_rate names on the sheet); the
 * rows t, fcf, capex and cum must be set in @rows, the others are set. */
void   bk_xlsx_write_cash_rows    (BkXlsx          *x,
                                   lxw_worksheet   *sheet,
                                   BkXlsxCashRows  *rows,
                                   const double    *fcf,
                                   double           period_rate);
typedef enum
{
  BK_XLSX_METRIC_NPV,
  BK_XLSX_METRIC_IRR,
  BK_XLSX_METRIC_ROI,
  BK_XLSX_METRIC_PAYBACK,
  BK_XLSX_METRIC_DISCOUNTED_PAYBACK,
  BK_XLSX_N_METRICS
} BkXlsxMetric;

/* Translated: "NPV", "IRR (yearly)", … */
const char *bk_xlsx_metric_title  (BkXlsxMetric     metric);
BkXlsxFormat bk_xlsx_metric_format (BkXlsxMetric    metric);
double      bk_xlsx_metric_value  (const BkMetrics *metrics,
                                   BkXlsxMetric     metric);
/* The formula of @metric over @rows of the same sheet, with the names
 * period_rate and period_years in scope. */
char       *bk_xlsx_metric_formula (BkXlsx               *x,
                                    const BkXlsxCashRows *rows,
                                    BkXlsxMetric          metric);

G_END_DECLS
