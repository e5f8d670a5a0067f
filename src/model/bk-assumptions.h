/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-assumptions.h — the driver assumptions of the ROI model */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* In the order MODEL.md lists them; the order is also the display order. */
typedef enum
{
  BK_ASSUMPTION_CAPEX_PER_MW,
  BK_ASSUMPTION_IT_SHARE,
  BK_ASSUMPTION_IT_LIFE_YEARS,
  BK_ASSUMPTION_FACILITY_LIFE_YEARS,
  BK_ASSUMPTION_ONLINE_LAG_YEARS,
  BK_ASSUMPTION_TOKENS_PER_JOULE,
  BK_ASSUMPTION_EFFICIENCY_GROWTH,
  BK_ASSUMPTION_UTILIZATION,
  BK_ASSUMPTION_INFERENCE_SHARE,
  BK_ASSUMPTION_PRICE_PER_MTOK,
  BK_ASSUMPTION_PRICE_DECLINE,
  BK_ASSUMPTION_POWER_PRICE,
  BK_ASSUMPTION_PUE,
  BK_ASSUMPTION_OTHER_OPEX_SHARE,
  BK_ASSUMPTION_TAX_RATE,
  BK_ASSUMPTION_DISCOUNT_RATE,
  BK_ASSUMPTION_BACKLOG_CONVERSION,
  BK_ASSUMPTION_EXTRA_YEARS,
  BK_ASSUMPTION_TAIL_GROWTH,
  BK_N_ASSUMPTIONS
} BkAssumption;

/* How a value is shown and typed: fractions as percent, the rest as numbers. */
typedef enum
{
  BK_ASSUMPTION_KIND_NUMBER,
  BK_ASSUMPTION_KIND_FRACTION,
  BK_ASSUMPTION_KIND_YEARS,
  BK_ASSUMPTION_KIND_INTEGER_YEARS,
} BkAssumptionKind;

const char       *bk_assumption_get_key          (BkAssumption  assumption);
gboolean          bk_assumption_from_key         (const char   *key,
                                                  BkAssumption *assumption);
double            bk_assumption_get_default      (BkAssumption  assumption);
BkAssumptionKind  bk_assumption_get_kind         (BkAssumption  assumption);
/* Translated display name, unit and one-sentence description. */
const char       *bk_assumption_get_name         (BkAssumption  assumption);
const char       *bk_assumption_get_unit         (BkAssumption  assumption);
const char       *bk_assumption_get_description  (BkAssumption  assumption);
/* extra_years may only be set for the workbook or a scenario, not a company. */
gboolean          bk_assumption_is_workbook_only (BkAssumption  assumption);
/* Range check with a message that names the assumption and what is valid. */
gboolean          bk_assumption_check            (BkAssumption  assumption,
                                                  double        value,
                                                  GError      **error);
/* The valid range: [*min, *max], ±INFINITY where unbounded; *min_open or
 * *max_open (each may be NULL) says that the bound itself is excluded
 * ("> 0").  extra_years reports [0, 50]. */
void              bk_assumption_get_range        (BkAssumption  assumption,
                                                  double       *min,
                                                  double       *max,
                                                  gboolean     *min_open,
                                                  gboolean     *max_open);
/* @value moved into the valid range: to the bound when it is closed, just
 * inside it (by 1e-9 of max (1, |bound|)) when it is open. */
double            bk_assumption_clamp            (BkAssumption  assumption,
                                                  double        value);
/* @value for a person to read in messages, in the current locale: fractions
 * as percent ("60%"), the rest with up to 6 significant digits. */
char             *bk_assumption_format           (BkAssumption  assumption,
                                                  double        value);

G_END_DECLS
