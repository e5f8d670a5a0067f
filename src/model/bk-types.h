/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-types.h — shared enumerations (with the GType of the one used as a
 * property), the error domain and period labels */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The four input tables.  Rows of tokens are markets, the others companies. */
typedef enum
{
  BK_TABLE_CAPEX,    /* US$ billion spent in the period */
  BK_TABLE_BACKLOG,  /* US$ billion of contracted backlog (RPO) at period end */
  BK_TABLE_TOKENS,   /* trillion tokens per day, period average */
  BK_TABLE_SHARE,    /* fraction 0..1 of the market's token demand */
  BK_N_TABLES
} BkTable;

typedef enum
{
  BK_GRANULARITY_YEAR,
  BK_GRANULARITY_HALF,
  BK_GRANULARITY_QUARTER,
} BkGranularity;

/* An enum GType for properties; its nicks are bk_granularity_to_string()'s
 * names ("year", "half", "quarter"). */
#define BK_TYPE_GRANULARITY (bk_granularity_get_type ())
GType         bk_granularity_get_type  (void) G_GNUC_CONST;

#define BK_ERROR (bk_error_quark ())

typedef enum
{
  BK_ERROR_INVALID_INPUT,  /* a typed value, JSON or CSV that does not parse or validate */
  BK_ERROR_OUT_OF_RANGE,   /* a value outside what its table or assumption allows */
  BK_ERROR_NOT_FOUND,      /* unknown company, market, scenario, period, table */
  BK_ERROR_EXISTS,         /* an id or name that is already taken */
  BK_ERROR_FORMULA,        /* a formula that cannot be evaluated */
  BK_ERROR_FOREIGN,        /* a file that is not a Breakeven document */
  BK_ERROR_NEWER,          /* a document written by a newer Breakeven */
  BK_ERROR_DAMAGED,        /* a corrupt or inconsistent document */
  BK_ERROR_READ_ONLY,      /* a change to a document opened read-only */
  BK_ERROR_IO,             /* the file system or SQLite failed */
  BK_ERROR_NOTHING_TO_DO,  /* undo or redo with an empty history */
} BkError;

GQuark        bk_error_quark           (void);

const char   *bk_table_to_string       (BkTable        table);
gboolean      bk_table_from_string     (const char    *name,
                                        BkTable       *table);
/* Translated, human readable: "CapEx", "Backlog", … */
const char   *bk_table_get_title       (BkTable        table);
/* Translated unit: "US$ B", "T tokens/day", "%" */
const char   *bk_table_get_unit        (BkTable        table);
/* The power of ten of the table's unit, for scale suffixes: 9 for capex and
 * backlog (US$ billion), 12 for tokens (trillion), 0 for share */
int           bk_table_get_unit_power  (BkTable        table);
/* TRUE for tables whose rows are markets (tokens) */
gboolean      bk_table_rows_are_markets (BkTable       table);
/* TRUE when a blank cell carries the last known value forward */
gboolean      bk_table_carries_forward (BkTable        table);
/* Checks a value in canonical units against the table's range. */
gboolean      bk_table_check_value     (BkTable        table,
                                        double         value,
                                        GError       **error);

const char   *bk_granularity_to_string (BkGranularity  granularity);
gboolean      bk_granularity_from_string (const char  *name,
                                        BkGranularity *granularity);
/* Periods per year: 1, 2 or 4 */
guint         bk_granularity_per_year  (BkGranularity  granularity);
/* Δ, the length of a period in years: 1, 0.5 or 0.25 */
double        bk_granularity_delta     (BkGranularity  granularity);

/* A period is identified by its ordinal: year × periods_per_year + sub-period.
 * Labels are "2024", "2024H1" or "2024Q1". */
gboolean      bk_period_parse          (BkGranularity  granularity,
                                        const char    *label,
                                        gint64        *ordinal);
char         *bk_period_label          (BkGranularity  granularity,
                                        gint64         ordinal);

G_END_DECLS
