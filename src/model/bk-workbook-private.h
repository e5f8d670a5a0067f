/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-workbook-private.h — building and changing a workbook; shared by the
 * workbook, the document (SQLite) and the JSON reader.  Not for views. */
#pragma once

#include "bk-distribution.h"
#include "bk-formula.h"
#include "bk-input.h"
#include "bk-workbook.h"

G_BEGIN_DECLS

/* One row of one table. */
typedef struct
{
  double     *values;    /* n_periods; NAN = blank (or invalid formula) */
  BkFormula **formulas;  /* NULL, or n_periods entries */
  char      **notes;     /* NULL, or n_periods entries */
  char      **errors;    /* NULL, or n_periods: why a formula cell is invalid */
} BkRow;

/* A company or a market. */
typedef struct
{
  char   *id;
  char   *name;
  char   *market;        /* companies only */
  guint   market_index;  /* companies only, kept by bk_workbook_finish() */
  double  assumptions[BK_N_ASSUMPTIONS];  /* company overrides, NAN = unset */
  BkRow   rows[BK_N_TABLES];  /* companies: capex, backlog, share; markets: tokens */
} BkEntity;

typedef struct
{
  double     value;      /* NAN = blank */
  BkFormula *formula;    /* or NULL */
} BkOverride;

typedef struct
{
  gint64      id;        /* the document's key; 0 until stored */
  char       *name;
  double      assumptions[BK_N_ASSUMPTIONS];
  GHashTable *company_assumptions;  /* company id → double[BK_N_ASSUMPTIONS] */
  GHashTable *cells;     /* bk_override_key() → BkOverride */
  GHashTable *rows;      /* bk_override_row_key() → count of overrides */
} BkScenario;

static inline guint64
bk_override_key (BkTable table,
                 guint   row,
                 guint   period)
{
  return ((guint64) table << 56) | ((guint64) row << 24) | (guint64) period;
}

static inline guint64
bk_override_row_key (BkTable table,
                     guint   row)
{
  return ((guint64) table << 56) | ((guint64) row << 24) | 0xffffffu;
}

/* Building: a new workbook has the given calendar and no rows yet. */
BkWorkbook *bk_workbook_new                   (BkGranularity  granularity,
                                               gint64         first_period,
                                               guint          n_periods);
void        bk_workbook_set_title             (BkWorkbook    *self,
                                               const char    *title);
BkEntity   *bk_workbook_add_market            (BkWorkbook    *self,
                                               const char    *id,
                                               const char    *name);
BkEntity   *bk_workbook_add_company           (BkWorkbook    *self,
                                               const char    *id,
                                               const char    *name,
                                               const char    *market);
BkEntity   *bk_workbook_get_entity            (BkWorkbook    *self,
                                               BkTable        table,
                                               guint          row);
BkScenario *bk_workbook_add_scenario          (BkWorkbook    *self,
                                               gint64         id,
                                               const char    *name);
BkScenario *bk_workbook_get_scenario          (BkWorkbook    *self,
                                               guint          scenario);
/* Index of a scenario by its document id, or -1. */
int         bk_workbook_find_scenario_by_id   (BkWorkbook    *self,
                                               gint64         id);

/* Sets a base cell: @formula (owned by the workbook afterwards) or @value. */
void        bk_workbook_put_cell              (BkWorkbook    *self,
                                               BkTable        table,
                                               guint          row,
                                               guint          period,
                                               double         value,
                                               BkFormula     *formula);
void        bk_workbook_put_note              (BkWorkbook    *self,
                                               BkTable        table,
                                               guint          row,
                                               guint          period,
                                               const char    *text);
/* present FALSE removes the override */
void        bk_workbook_put_override          (BkWorkbook    *self,
                                               guint          scenario,
                                               BkTable        table,
                                               guint          row,
                                               guint          period,
                                               gboolean       present,
                                               double         value,
                                               BkFormula     *formula);
/* @value NAN removes the layer's value; @company -1 is the workbook level. */
void        bk_workbook_put_assumption        (BkWorkbook    *self,
                                               guint          scenario,
                                               int            company,
                                               BkAssumption   assumption,
                                               double         value);

/* Sets (a copy of) @distribution as the uncertainty of @assumption; NULL
 * removes it.  The caller has checked it (bk_distribution_parse()). */
void        bk_workbook_put_distribution      (BkWorkbook           *self,
                                               BkAssumption          assumption,
                                               const BkDistribution *distribution);

/* Evaluates the formulas of one base row left to right.  Cells whose formula
 * fails or whose result is out of range become invalid (value NAN, error). */
void        bk_workbook_recompute_row         (BkWorkbook    *self,
                                               BkTable        table,
                                               guint          row);
void        bk_workbook_recompute_all         (BkWorkbook    *self);

/* Evaluates a row given explicit per-period inputs: @values (NAN blank),
 * @formulas (may be NULL entries).  Writes the effective values to @out and,
 * where non-NULL, per-cell errors (g_free'd by the caller) to @errors.
 * This is the one place where `prev` is defined: the previous period's value
 * as the model sees it (carried forward for backlog, share and tokens; a
 * blank capex is 0); 0 before the first period.  `base` has no value
 * here: a formula that names it is invalid. */
void        bk_row_evaluate                   (BkTable             table,
                                               guint               n_periods,
                                               const double       *values,
                                               BkFormula * const  *formulas,
                                               double             *out,
                                               char              **errors);
/* The same for a scenario's row: @base is the Base row's values (NAN blank
 * or invalid), and `base` in period t is the Base cell's value as the model
 * sees it, read the same way as `prev` (carried forward for backlog, share
 * and tokens; a blank capex is 0; 0 before the first value).  @base NULL
 * is bk_row_evaluate(). */
void        bk_row_evaluate_with_base         (BkTable             table,
                                               guint               n_periods,
                                               const double       *values,
                                               BkFormula * const  *formulas,
                                               const double       *base,
                                               double             *out,
                                               char              **errors);

/* A scenario's override of one cell, or NULL (always NULL for the base). */
const BkOverride *bk_workbook_get_override    (BkWorkbook    *self,
                                               guint          scenario,
                                               BkTable        table,
                                               guint          row,
                                               guint          period);

/* Evaluates row @row of @table as @scenario would have it with @n_typed
 * texts typed into periods @period … (NULL or "" clears a cell).  Every
 * text goes through the cell input parser (@locale) and, for a formula, the
 * formula compiler; a formula typed now must give a valid value now (one
 * further along the row that stops working is kept, invalid).  On success
 * writes every period's effective value to @out (n_periods long) and
 * appends every period's formula text (or NULL) to @formulas, which frees
 * them (g_free).  Errors name the cell ("CapEx, Microsoft, 2024: …"). */
gboolean    bk_workbook_evaluate_typed_row    (BkWorkbook           *self,
                                               guint                 scenario,
                                               BkTable               table,
                                               guint                 row,
                                               guint                 period,
                                               guint                 n_typed,
                                               const char * const   *texts,
                                               const BkNumberLocale *locale,
                                               double               *out,
                                               GPtrArray            *formulas,
                                               GError              **error);

/* Moves the contents of @source into @self (emptying @source) and emits
 * ::changed with BK_CHANGE_STRUCTURE. */
void        bk_workbook_take_contents         (BkWorkbook    *self,
                                               BkWorkbook    *source);

void        bk_workbook_emit_changed          (BkWorkbook    *self,
                                               BkChangeFlags  flags,
                                               int            table,
                                               int            row,
                                               int            period,
                                               int            n_rows,
                                               int            n_periods);

G_END_DECLS
