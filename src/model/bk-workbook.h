/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-workbook.h — the in-memory workbook: periods, markets, companies,
 * the four input tables, notes, assumptions and scenarios.
 *
 * A workbook is read through this API by views, the engine and exporters.
 * It is changed only through BkDocument (one call per user action), which
 * writes the change to SQLite and then updates the workbook, which emits
 * ::changed once. */
#pragma once

#include <glib-object.h>

#include "bk-assumptions.h"
#include "bk-types.h"

G_BEGIN_DECLS

#define BK_TYPE_WORKBOOK (bk_workbook_get_type ())

G_DECLARE_FINAL_TYPE (BkWorkbook, bk_workbook, BK, WORKBOOK, GObject)

/* Scenario index 0 is always the base; 1 … n are the named scenarios. */
#define BK_SCENARIO_BASE 0

typedef enum
{
  BK_CHANGE_CELLS       = 1 << 0,  /* values or formulas of input cells */
  BK_CHANGE_NOTES       = 1 << 1,
  BK_CHANGE_ASSUMPTIONS = 1 << 2,
  BK_CHANGE_OVERRIDES   = 1 << 3,  /* scenario cell overrides */
  BK_CHANGE_TITLE       = 1 << 4,
  BK_CHANGE_STRUCTURE   = 1 << 5,  /* periods, rows, scenarios: reread everything */
  BK_CHANGE_DISTRIBUTIONS = 1 << 6,  /* the drivers' uncertainties */
} BkChangeFlags;

typedef enum
{
  BK_CELL_BLANK      = 1 << 0,  /* no value (after formulas and overrides) */
  BK_CELL_FORMULA    = 1 << 1,  /* the value comes from a formula */
  BK_CELL_NOTE       = 1 << 2,  /* the cell has a note */
  BK_CELL_INVALID    = 1 << 3,  /* a formula that cannot be evaluated or is out of range */
  BK_CELL_OVERRIDDEN = 1 << 4,  /* the scenario overrides this cell */
} BkCellFlags;

typedef struct
{
  double       value;      /* canonical unit; NAN when blank or invalid */
  BkCellFlags  flags;
  const char  *formula;    /* "=…" or NULL; owned by the workbook */
  const char  *note;       /* or NULL; owned by the workbook */
  const char  *error;      /* why the cell is invalid, or NULL */
} BkCell;

const char    *bk_workbook_get_title            (BkWorkbook    *self);
BkGranularity  bk_workbook_get_granularity      (BkWorkbook    *self);
/* Ordinal of the first input period (see bk_period_parse()). */
gint64         bk_workbook_get_first_period     (BkWorkbook    *self);
guint          bk_workbook_get_n_periods        (BkWorkbook    *self);
/* Label of input period @index; indices past the inputs continue the labels. */
char          *bk_workbook_dup_period_label     (BkWorkbook    *self,
                                                 guint          index);
/* Index of a period label, or -1 when it is not an input period. */
int            bk_workbook_find_period          (BkWorkbook    *self,
                                                 const char    *label);

guint          bk_workbook_get_n_markets        (BkWorkbook    *self);
const char    *bk_workbook_get_market_id        (BkWorkbook    *self,
                                                 guint          index);
const char    *bk_workbook_get_market_name      (BkWorkbook    *self,
                                                 guint          index);
int            bk_workbook_find_market          (BkWorkbook    *self,
                                                 const char    *id);

guint          bk_workbook_get_n_companies      (BkWorkbook    *self);
const char    *bk_workbook_get_company_id       (BkWorkbook    *self,
                                                 guint          index);
const char    *bk_workbook_get_company_name     (BkWorkbook    *self,
                                                 guint          index);
/* Index of the company's market */
guint          bk_workbook_get_company_market   (BkWorkbook    *self,
                                                 guint          index);
int            bk_workbook_find_company         (BkWorkbook    *self,
                                                 const char    *id);

/* Rows of a table: companies, or markets for the tokens table. */
guint          bk_workbook_get_n_rows           (BkWorkbook    *self,
                                                 BkTable        table);
const char    *bk_workbook_get_row_id           (BkWorkbook    *self,
                                                 BkTable        table,
                                                 guint          row);
const char    *bk_workbook_get_row_name         (BkWorkbook    *self,
                                                 BkTable        table,
                                                 guint          row);
int            bk_workbook_find_row             (BkWorkbook    *self,
                                                 BkTable        table,
                                                 const char    *id);
/* How messages name a cell, in the user's words and language: table title,
 * company or market name, period label ("CapEx, Microsoft, 2024"). */
char          *bk_workbook_dup_cell_name        (BkWorkbook    *self,
                                                 BkTable        table,
                                                 guint          row,
                                                 guint          period);

/* A cell as seen in @scenario: the base value, or the scenario's override,
 * with formulas evaluated along the row in that scenario. */
void           bk_workbook_get_cell             (BkWorkbook    *self,
                                                 guint          scenario,
                                                 BkTable        table,
                                                 guint          row,
                                                 guint          period,
                                                 BkCell        *cell);
/* The base values of one row (NAN = blank or invalid), n_periods long. */
const double  *bk_workbook_get_row_values       (BkWorkbook    *self,
                                                 BkTable        table,
                                                 guint          row);
/* Effective values of one row in @scenario, written into @out (n_periods). */
void           bk_workbook_get_scenario_row     (BkWorkbook    *self,
                                                 guint          scenario,
                                                 BkTable        table,
                                                 guint          row,
                                                 double        *out);
/* TRUE when the scenario overrides at least one cell of the row. */
gboolean       bk_workbook_scenario_overrides_row (BkWorkbook  *self,
                                                 guint          scenario,
                                                 BkTable        table,
                                                 guint          row);

/* Scenarios: 0 is the base, 1 … get_n_scenarios() the named ones. */
guint          bk_workbook_get_n_scenarios      (BkWorkbook    *self);
/* "Base" for index 0 */
const char    *bk_workbook_get_scenario_name    (BkWorkbook    *self,
                                                 guint          scenario);
/* Case-insensitive; "Base" (any case) is 0. Returns -1 when unknown. */
int            bk_workbook_find_scenario        (BkWorkbook    *self,
                                                 const char    *name);
/* Number of cell overrides in a scenario (0 for the base). */
guint          bk_workbook_get_n_overrides      (BkWorkbook    *self,
                                                 guint          scenario);

/* Assumption layers.  @company is a company index or -1 for the workbook
 * level; @scenario 0 is the base.  Returns the value set on exactly that
 * layer, or NAN when the layer does not set it. */
double         bk_workbook_get_assumption_layer (BkWorkbook    *self,
                                                 guint          scenario,
                                                 int            company,
                                                 BkAssumption   assumption);
/* The effective value, later wins: default → workbook → workbook company
 * override → scenario → scenario company override. */
double         bk_workbook_get_assumption       (BkWorkbook    *self,
                                                 guint          scenario,
                                                 int            company,
                                                 BkAssumption   assumption);
/* Effective values of all assumptions at once. */
void           bk_workbook_get_assumptions      (BkWorkbook    *self,
                                                 guint          scenario,
                                                 int            company,
                                                 double         values[BK_N_ASSUMPTIONS]);

/* Uncertainties of the drivers, workbook-level: the spec of @assumption in
 * the C locale as bk_distribution_to_string() writes it ("0.1 to 0.6",
 * "N(0.5, 0.1)", "U(0.1, 0.6)"), or NULL when the driver has none. */
const char    *bk_workbook_get_distribution     (BkWorkbook    *self,
                                                 BkAssumption   assumption);
/* How many drivers carry an uncertainty. */
guint          bk_workbook_get_n_distributions  (BkWorkbook    *self);
/* Driver key (char *) → BkDistribution *, copies the caller owns: what
 * bk_monte_carlo_run() takes.  Empty when no driver has an uncertainty. */
GHashTable    *bk_workbook_dup_distributions    (BkWorkbook    *self);

/* Validation warnings a person should see (markets whose shares add up to
 * more than 100% in a period, invalid formula cells), translated. */
GPtrArray     *bk_workbook_get_warnings         (BkWorkbook    *self);

G_END_DECLS
