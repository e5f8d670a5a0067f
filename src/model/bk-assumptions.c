/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-assumptions.c — the driver assumptions of the ROI model */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "bk-assumptions.h"
#include "bk-types.h"

typedef enum
{
  RANGE_POSITIVE,          /* > 0 */
  RANGE_NON_NEGATIVE,      /* ≥ 0 */
  RANGE_FRACTION,          /* [0, 1] */
  RANGE_ABOVE_MINUS_ONE,   /* > −1 */
  RANGE_BELOW_ONE,         /* < 1 */
  RANGE_AT_LEAST_ONE,      /* ≥ 1 */
  RANGE_YEARS_0_50,        /* integer 0 … 50 */
} Range;

typedef struct
{
  const char       *key;
  double            default_value;
  Range             range;
  BkAssumptionKind  kind;
  const char       *name;
  const char       *unit;
  const char       *description;
} Info;

static const Info infos[BK_N_ASSUMPTIONS] = {
  { "capex_per_mw", 38, RANGE_POSITIVE, BK_ASSUMPTION_KIND_NUMBER,
    N_("CapEx per MW"), N_("US$ M/MW"),
    N_("Capital spending needed for one megawatt of IT power, in US$ million") },
  { "it_share", 0.6, RANGE_FRACTION, BK_ASSUMPTION_KIND_FRACTION,
    N_("IT share of CapEx"), "%",
    N_("Share of capex spent on IT equipment (GPUs, servers, network); the rest is buildings and power plant") },
  { "it_life_years", 6, RANGE_POSITIVE, BK_ASSUMPTION_KIND_YEARS,
    N_("IT useful life"), N_("years"),
    N_("Years over which IT equipment is depreciated and serves capacity") },
  { "facility_life_years", 15, RANGE_POSITIVE, BK_ASSUMPTION_KIND_YEARS,
    N_("Facility useful life"), N_("years"),
    N_("Years over which buildings and power plant are depreciated") },
  { "online_lag_years", 1, RANGE_NON_NEGATIVE, BK_ASSUMPTION_KIND_YEARS,
    N_("Online lag"), N_("years"),
    N_("Delay from spending to capacity in service") },
  { "tokens_per_joule", 2.0, RANGE_POSITIVE, BK_ASSUMPTION_KIND_NUMBER,
    N_("Tokens per joule"), N_("tokens/s/W"),
    N_("Tokens per second per watt of IT power of the first period's hardware") },
  { "efficiency_growth", 0.4, RANGE_ABOVE_MINUS_ONE, BK_ASSUMPTION_KIND_FRACTION,
    N_("Efficiency growth"), N_("%/year"),
    N_("Yearly gain in tokens per joule of each newer vintage of hardware") },
  { "utilization", 0.7, RANGE_FRACTION, BK_ASSUMPTION_KIND_FRACTION,
    N_("Utilization"), "%",
    N_("Share of capacity in use") },
  { "inference_share", 0.6, RANGE_FRACTION, BK_ASSUMPTION_KIND_FRACTION,
    N_("Inference share"), "%",
    N_("Share of used capacity serving paid inference") },
  { "price_per_mtok", 1.0, RANGE_NON_NEGATIVE, BK_ASSUMPTION_KIND_NUMBER,
    N_("Price per million tokens"), N_("US$"),
    N_("Price of a million tokens in the first period") },
  { "price_decline", 0.3, RANGE_BELOW_ONE, BK_ASSUMPTION_KIND_FRACTION,
    N_("Price decline"), N_("%/year"),
    N_("Yearly decline of the price per token") },
  { "power_price", 80, RANGE_NON_NEGATIVE, BK_ASSUMPTION_KIND_NUMBER,
    N_("Power price"), N_("US$/MWh"),
    N_("Price of electricity per megawatt-hour") },
  { "pue", 1.2, RANGE_AT_LEAST_ONE, BK_ASSUMPTION_KIND_NUMBER,
    N_("PUE"), "×",
    N_("Power usage effectiveness: facility power divided by IT power") },
  { "other_opex_share", 0.15, RANGE_FRACTION, BK_ASSUMPTION_KIND_FRACTION,
    N_("Other opex"),
    /* xgettext:no-c-format */
    N_("% of revenue"),
    N_("Other operating cost as a share of revenue") },
  { "tax_rate", 0.21, RANGE_FRACTION, BK_ASSUMPTION_KIND_FRACTION,
    N_("Tax rate"), "%",
    N_("Tax on positive operating profit (EBIT)") },
  { "discount_rate", 0.09, RANGE_ABOVE_MINUS_ONE, BK_ASSUMPTION_KIND_FRACTION,
    N_("Discount rate"), N_("%/year"),
    N_("Yearly discount rate (WACC) for NPV and discounted payback") },
  { "backlog_conversion", 0.25, RANGE_FRACTION, BK_ASSUMPTION_KIND_FRACTION,
    N_("Backlog conversion"), N_("%/year"),
    N_("Share of opening backlog recognised as revenue per year") },
  { "extra_years", 6, RANGE_YEARS_0_50, BK_ASSUMPTION_KIND_INTEGER_YEARS,
    N_("Extra years"), N_("years"),
    N_("Years modelled after the last input period: capex stops, assets keep earning") },
  { "tail_growth", 0.2, RANGE_ABOVE_MINUS_ONE, BK_ASSUMPTION_KIND_FRACTION,
    N_("Tail demand growth"), N_("%/year"),
    N_("Yearly token-demand growth after the last input period") },
};

const char *
bk_assumption_get_key (BkAssumption assumption)
{
  g_return_val_if_fail (assumption < BK_N_ASSUMPTIONS, NULL);
  return infos[assumption].key;
}

gboolean
bk_assumption_from_key (const char   *key,
                        BkAssumption *assumption)
{
  g_return_val_if_fail (assumption != NULL, FALSE);

  if (key == NULL)
    return FALSE;

  for (guint i = 0; i < BK_N_ASSUMPTIONS; i++)
    {
      if (g_str_equal (key, infos[i].key))
        {
          *assumption = (BkAssumption) i;
          return TRUE;
        }
    }

  return FALSE;
}

double
bk_assumption_get_default (BkAssumption assumption)
{
  g_return_val_if_fail (assumption < BK_N_ASSUMPTIONS, NAN);
  return infos[assumption].default_value;
}

BkAssumptionKind
bk_assumption_get_kind (BkAssumption assumption)
{
  g_return_val_if_fail (assumption < BK_N_ASSUMPTIONS, BK_ASSUMPTION_KIND_NUMBER);
  return infos[assumption].kind;
}

const char *
bk_assumption_get_name (BkAssumption assumption)
{
  g_return_val_if_fail (assumption < BK_N_ASSUMPTIONS, NULL);
  return _(infos[assumption].name);
}

const char *
bk_assumption_get_unit (BkAssumption assumption)
{
  g_return_val_if_fail (assumption < BK_N_ASSUMPTIONS, NULL);
  return _(infos[assumption].unit);
}

const char *
bk_assumption_get_description (BkAssumption assumption)
{
  g_return_val_if_fail (assumption < BK_N_ASSUMPTIONS, NULL);
  return _(infos[assumption].description);
}

gboolean
bk_assumption_is_workbook_only (BkAssumption assumption)
{
  return assumption == BK_ASSUMPTION_EXTRA_YEARS;
}

gboolean
bk_assumption_check (BkAssumption   assumption,
                     double         value,
                     GError       **error)
{
  const Info *info;
  const char *expected = NULL;
  gboolean ok;

  g_return_val_if_fail (assumption < BK_N_ASSUMPTIONS, FALSE);

  info = &infos[assumption];

  switch (info->range)
    {
    case RANGE_POSITIVE:
      ok = value > 0;
      expected = _("greater than 0");
      break;
    case RANGE_NON_NEGATIVE:
      ok = value >= 0;
      expected = _("0 or more");
      break;
    case RANGE_FRACTION:
      ok = value >= 0 && value <= 1;
      expected = _("a fraction between 0 and 1");
      break;
    case RANGE_ABOVE_MINUS_ONE:
      ok = value > -1;
      expected = _("greater than −1 (−100%)");
      break;
    case RANGE_BELOW_ONE:
      ok = value < 1;
      expected = _("less than 1 (100%)");
      break;
    case RANGE_AT_LEAST_ONE:
      ok = value >= 1;
      expected = _("1 or more");
      break;
    case RANGE_YEARS_0_50:
      ok = value >= 0 && value <= 50 && value == floor (value);
      expected = _("a whole number of years from 0 to 50");
      break;
    default:
      g_assert_not_reached ();
    }

  if (!isfinite (value))
    ok = FALSE;

  if (!ok)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      g_set_error (error, BK_ERROR, BK_ERROR_OUT_OF_RANGE,
                   /* Translators: "utilization: 1.5 is not valid; expected a fraction between 0 and 1" */
                   _("%s: %s is not valid; expected %s"),
                   info->key,
                   isfinite (value) ? g_ascii_formatd (buf, sizeof buf, "%.15g", value) : "NaN",
                   expected);
      return FALSE;
    }

  return TRUE;
}

void
bk_assumption_get_range (BkAssumption  assumption,
                         double       *min,
                         double       *max,
                         gboolean     *min_open,
                         gboolean     *max_open)
{
  double lo = -INFINITY, hi = INFINITY;
  gboolean lo_open = FALSE, hi_open = FALSE;

  g_return_if_fail (assumption < BK_N_ASSUMPTIONS);

  switch (infos[assumption].range)
    {
    case RANGE_POSITIVE:        lo = 0; lo_open = TRUE;  break;
    case RANGE_NON_NEGATIVE:    lo = 0;                  break;
    case RANGE_FRACTION:        lo = 0; hi = 1;          break;
    case RANGE_ABOVE_MINUS_ONE: lo = -1; lo_open = TRUE; break;
    case RANGE_BELOW_ONE:       hi = 1; hi_open = TRUE;  break;
    case RANGE_AT_LEAST_ONE:    lo = 1;                  break;
    case RANGE_YEARS_0_50:      lo = 0; hi = 50;         break;
    default:
      g_assert_not_reached ();
    }

  if (min != NULL)
    *min = lo;
  if (max != NULL)
    *max = hi;
  if (min_open != NULL)
    *min_open = lo_open;
  if (max_open != NULL)
    *max_open = hi_open;
}

double
bk_assumption_clamp (BkAssumption assumption,
                     double       value)
{
  double lo, hi;
  gboolean lo_open, hi_open;

  g_return_val_if_fail (assumption < BK_N_ASSUMPTIONS, value);

  bk_assumption_get_range (assumption, &lo, &hi, &lo_open, &hi_open);
  if (lo_open)
    lo += 1e-9 * MAX (1, fabs (lo));
  if (hi_open)
    hi -= 1e-9 * MAX (1, fabs (hi));

  return CLAMP (value, lo, hi);
}

char *
bk_assumption_format (BkAssumption assumption,
                      double       value)
{
  g_return_val_if_fail (assumption < BK_N_ASSUMPTIONS, NULL);

  if (infos[assumption].kind == BK_ASSUMPTION_KIND_FRACTION && isfinite (value))
    return g_strdup_printf ("%.6g%%", value * 100);
  return g_strdup_printf ("%.6g", value);
}
