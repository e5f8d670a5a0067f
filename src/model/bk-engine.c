/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-engine.c — the ROI engine: MODEL.md's formulas, per company and total.
 *
 * Each company is independent, so a recalculation is O(companies × M × W)
 * where W is the number of vintages in service (at most the IT life in
 * periods).  All series are written into one preallocated block of doubles
 * that charts read without copying. */

#include "config.h"

#include <math.h>
#include <string.h>

#include "bk-engine.h"
#include "bk-finance.h"
#include "bk-results-private.h"

/* Scratch space and values shared by all companies of one computation. */
typedef struct
{
  BkEngineInputs         *inputs;
  const BkDriverOverride *overrides;
  guint                   n_overrides;
  BkEngineFlags           flags;
  guint                   n;          /* input periods */
  guint                   m;          /* modelled periods */
  double                  delta;
  double                 *mw;         /* n: MW per vintage */
  double                 *mw_tpj;     /* n: MW × tokens per joule per vintage */
} Context;

static void
compute_metrics (BkMetrics *metrics,
                 Context   *ctx,
                 double     discount_rate)
{
  const double *fcf = metrics->series[BK_SERIES_FCF];
  const double *capex = metrics->series[BK_SERIES_CAPEX];
  double period_rate = pow (1 + discount_rate, ctx->delta) - 1;
  double sum_fcf = 0, sum_capex = 0, irr, years;
  gboolean multiple = FALSE;

  for (guint t = 0; t < ctx->m; t++)
    {
      sum_fcf += fcf[t];
      sum_capex += capex[t];
    }

  /* Metrics that do not exist are NAN (null in JSON). */
  metrics->npv = bk_finance_npv (period_rate, fcf, ctx->m);
  metrics->irr = NAN;
  metrics->irr_multiple = FALSE;
  if ((ctx->flags & BK_ENGINE_NO_IRR) == 0 &&
      bk_finance_irr (fcf, ctx->m, ctx->delta, discount_rate, &irr, &multiple))
    {
      metrics->irr = irr;
      metrics->irr_multiple = multiple;
    }
  metrics->roi = sum_capex != 0 ? sum_fcf / sum_capex : NAN;
  /* Payback is how long an investment takes to come back: with nothing
   * invested (an empty company) there is none, not "0 years" (model.md). */
  metrics->payback_years = NAN;
  metrics->discounted_payback_years = NAN;
  if (sum_capex == 0)
    return;
  if (bk_finance_payback (fcf, ctx->m, ctx->delta, &years))
    metrics->payback_years = years;
  if (bk_finance_discounted_payback (fcf, ctx->m, ctx->delta, period_rate, &years))
    metrics->discounted_payback_years = years;
}

static void
compute_company (Context   *ctx,
                 guint      company,
                 BkMetrics *metrics)
{
  const guint n = ctx->n, m = ctx->m;
  const double delta = ctx->delta;
  double a[BK_N_ASSUMPTIONS];
  const double *capex, *backlog, *share, *tokens;
  double tail_factor, tokens_last;
  double tpj, tpj_growth, token_scale, price_factor, power_scale;
  int lag, n_it, n_fac;
  double cum = 0;
  double **s = metrics->series;
  guint market = bk_engine_inputs_get_company_market (ctx->inputs, company);

  bk_engine_inputs_get_assumptions (ctx->inputs, (int) company, ctx->overrides, ctx->n_overrides, a);

  lag = (int) round (a[BK_ASSUMPTION_ONLINE_LAG_YEARS] / delta);
  n_it = MAX (1, (int) round (a[BK_ASSUMPTION_IT_LIFE_YEARS] / delta));
  n_fac = MAX (1, (int) round (a[BK_ASSUMPTION_FACILITY_LIFE_YEARS] / delta));

  /* Inputs as the model sees them */
  capex = bk_engine_inputs_get_row (ctx->inputs, BK_TABLE_CAPEX, company);
  backlog = bk_engine_inputs_get_row (ctx->inputs, BK_TABLE_BACKLOG, company);
  share = bk_engine_inputs_get_row (ctx->inputs, BK_TABLE_SHARE, company);
  tokens = bk_engine_inputs_get_row (ctx->inputs, BK_TABLE_TOKENS, market);
  tokens_last = n > 0 ? tokens[n - 1] : 0;
  tail_factor = 1 + a[BK_ASSUMPTION_TAIL_GROWTH];

  /* Vintages */
  tpj = a[BK_ASSUMPTION_TOKENS_PER_JOULE];
  tpj_growth = 1 + a[BK_ASSUMPTION_EFFICIENCY_GROWTH];
  for (guint v = 0; v < n; v++)
    {
      ctx->mw[v] = capex[v] * 1000 / a[BK_ASSUMPTION_CAPEX_PER_MW];
      ctx->mw_tpj[v] = ctx->mw[v] * (tpj * pow (tpj_growth, v * delta));
    }

  token_scale = 1e6 * a[BK_ASSUMPTION_UTILIZATION] * a[BK_ASSUMPTION_INFERENCE_SHARE]
                * (365 * delta * 86400) / 1e12;
  price_factor = 1 - a[BK_ASSUMPTION_PRICE_DECLINE];
  power_scale = a[BK_ASSUMPTION_PUE] * a[BK_ASSUMPTION_UTILIZATION] * 8760 * delta
                * a[BK_ASSUMPTION_POWER_PRICE] / 1e9;

  for (guint t = 0; t < m; t++)
    {
      int first_it = (int) t - lag - n_it + 1;
      int first_fac = (int) t - lag - n_fac + 1;
      int last = MIN ((int) t - lag, (int) n - 1);
      double cap_mw = 0, cap_tok = 0, dep = 0;
      double price, demand, opening, capacity_value, revenue, tokens_t;
      double power, other, ebit, tax, capex_t;

      for (int v = MAX (first_it, 0); v <= last; v++)
        {
          cap_mw += ctx->mw[v];
          cap_tok += ctx->mw_tpj[v];
          dep += capex[v] * a[BK_ASSUMPTION_IT_SHARE] / n_it;
        }
      for (int v = MAX (first_fac, 0); v <= last; v++)
        dep += capex[v] * (1 - a[BK_ASSUMPTION_IT_SHARE]) / n_fac;
      cap_tok *= token_scale;

      price = a[BK_ASSUMPTION_PRICE_PER_MTOK] * pow (price_factor, t * delta);
      tokens_t = t < n ? tokens[t] : tokens_last * pow (tail_factor, (t - n + 1) * delta);
      demand = tokens_t * share[t] * 365 * delta;
      opening = t == 0 ? backlog[0] : backlog[t - 1];
      capacity_value = cap_tok * price / 1000;
      revenue = MIN (demand * price / 1000 + a[BK_ASSUMPTION_BACKLOG_CONVERSION] * delta * opening,
                     capacity_value);
      power = cap_mw * power_scale;
      other = a[BK_ASSUMPTION_OTHER_OPEX_SHARE] * revenue;
      ebit = revenue - power - other - dep;
      tax = a[BK_ASSUMPTION_TAX_RATE] * MAX (0, ebit);
      capex_t = t < n ? capex[t] : 0;

      s[BK_SERIES_PRICE][t] = price;
      s[BK_SERIES_CAPACITY_MW][t] = cap_mw;
      s[BK_SERIES_CAPACITY_TOKENS][t] = cap_tok;
      s[BK_SERIES_DEMAND_TOKENS][t] = demand;
      s[BK_SERIES_REVENUE][t] = revenue;
      s[BK_SERIES_UTILIZATION][t] = capacity_value != 0 ? revenue / capacity_value : 0;
      s[BK_SERIES_POWER_COST][t] = power;
      s[BK_SERIES_DEPRECIATION][t] = dep;
      s[BK_SERIES_OTHER_OPEX][t] = other;
      s[BK_SERIES_EBIT][t] = ebit;
      s[BK_SERIES_TAX][t] = tax;
      s[BK_SERIES_NOPAT][t] = ebit - tax;
      s[BK_SERIES_CAPEX][t] = capex_t;
      s[BK_SERIES_FCF][t] = ebit - tax + dep - capex_t;
      cum += s[BK_SERIES_FCF][t];
      s[BK_SERIES_CUM_FCF][t] = cum;
    }

  compute_metrics (metrics, ctx, a[BK_ASSUMPTION_DISCOUNT_RATE]);
}

static void
compute_total (BkResults *results,
               Context   *ctx)
{
  BkMetrics *total = &results->total;
  double a[BK_N_ASSUMPTIONS];
  g_autofree double *capacity_value = g_new0 (double, MAX (ctx->m, 1));
  double cum = 0;

  bk_engine_inputs_get_assumptions (ctx->inputs, -1, ctx->overrides, ctx->n_overrides, a);

  for (guint s = 0; s < BK_N_SERIES; s++)
    memset (total->series[s], 0, sizeof (double) * ctx->m);

  total->npv = 0;
  for (guint c = 0; c < results->n_companies; c++)
    {
      const BkMetrics *cm = &results->companies[c];

      total->npv += cm->npv;
      for (guint s = 0; s < BK_N_SERIES; s++)
        {
          if (s == BK_SERIES_PRICE || s == BK_SERIES_UTILIZATION || s == BK_SERIES_CUM_FCF)
            continue;
          for (guint t = 0; t < ctx->m; t++)
            total->series[s][t] += cm->series[s][t];
        }
      for (guint t = 0; t < ctx->m; t++)
        capacity_value[t] += cm->series[BK_SERIES_CAPACITY_TOKENS][t] * cm->series[BK_SERIES_PRICE][t] / 1000;
    }

  /* Price and utilization are not summed: the price is the workbook-level
   * price of the scenario; utilization is total revenue over the total value
   * of the capacity. */
  for (guint t = 0; t < ctx->m; t++)
    {
      total->series[BK_SERIES_PRICE][t] = a[BK_ASSUMPTION_PRICE_PER_MTOK]
        * pow (1 - a[BK_ASSUMPTION_PRICE_DECLINE], t * ctx->delta);
      total->series[BK_SERIES_UTILIZATION][t] = capacity_value[t] != 0
        ? total->series[BK_SERIES_REVENUE][t] / capacity_value[t] : 0;
      cum += total->series[BK_SERIES_FCF][t];
      total->series[BK_SERIES_CUM_FCF][t] = cum;
    }

  {
    double npv = total->npv;

    compute_metrics (total, ctx, a[BK_ASSUMPTION_DISCOUNT_RATE]);
    total->npv = npv;
  }
}

BkResults *
bk_engine_compute_inputs_into (BkResults              *results,
                               BkEngineInputs         *inputs,
                               const BkDriverOverride *overrides,
                               guint                   n_overrides,
                               BkEngineFlags           flags)
{
  Context ctx = { 0, };
  guint n_companies;

  g_return_val_if_fail (inputs != NULL, results);
  g_return_val_if_fail (overrides != NULL || n_overrides == 0, results);

  n_companies = bk_engine_inputs_get_n_companies (inputs);

  ctx.inputs = inputs;
  ctx.overrides = overrides;
  ctx.n_overrides = n_overrides;
  ctx.flags = flags;
  ctx.n = bk_engine_inputs_get_n_input_periods (inputs);
  ctx.m = bk_engine_inputs_get_n_periods (inputs);
  ctx.delta = bk_engine_inputs_get_delta (inputs);

  if (results == NULL || !bk_results_can_reuse (results, n_companies, ctx.m))
    {
      g_clear_pointer (&results, bk_results_unref);
      results = bk_results_new (n_companies, ctx.m);
    }

  results->scenario = bk_engine_inputs_get_scenario (inputs);
  results->n_input_periods = ctx.n;

  ctx.mw = g_new (double, 2 * (gsize) MAX (ctx.n, 1));
  ctx.mw_tpj = ctx.mw + MAX (ctx.n, 1);

  for (guint c = 0; c < n_companies; c++)
    compute_company (&ctx, c, &results->companies[c]);

  compute_total (results, &ctx);

  g_free (ctx.mw);

  return results;
}

BkResults *
bk_engine_compute_into (BkResults  *results,
                        BkWorkbook *workbook,
                        guint       scenario)
{
  g_autoptr(BkEngineInputs) inputs = NULL;

  g_return_val_if_fail (BK_IS_WORKBOOK (workbook), results);
  g_return_val_if_fail (scenario <= bk_workbook_get_n_scenarios (workbook), results);

  inputs = bk_engine_inputs_new (workbook, scenario);
  return bk_engine_compute_inputs_into (results, inputs, NULL, 0, BK_ENGINE_FLAGS_NONE);
}

BkResults *
bk_engine_compute (BkWorkbook *workbook,
                   guint       scenario)
{
  return bk_engine_compute_into (NULL, workbook, scenario);
}

/* The live engine */

struct _BkEngine
{
  GObject     parent_instance;

  BkWorkbook *workbook;
  gulong      changed_id;
  guint       scenario;
  BkResults  *results;
  gboolean    stale;
};

G_DEFINE_FINAL_TYPE (BkEngine, bk_engine, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SCENARIO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  INVALIDATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
bk_engine_invalidate (BkEngine *self)
{
  self->stale = TRUE;
  g_signal_emit (self, signals[INVALIDATED], 0);
}

static void
on_workbook_changed (BkWorkbook *workbook,
                     guint       flags,
                     int         table,
                     int         row,
                     int         period,
                     int         n_rows,
                     int         n_periods,
                     BkEngine   *self)
{
  if (flags == BK_CHANGE_TITLE || flags == BK_CHANGE_NOTES || flags == BK_CHANGE_DISTRIBUTIONS)
    return;

  /* A structural change can remove the selected scenario. */
  if (self->scenario > bk_workbook_get_n_scenarios (workbook))
    {
      self->scenario = BK_SCENARIO_BASE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCENARIO]);
    }

  bk_engine_invalidate (self);
}

static void
bk_engine_dispose (GObject *object)
{
  BkEngine *self = BK_ENGINE (object);

  if (self->workbook != NULL)
    g_clear_signal_handler (&self->changed_id, self->workbook);
  g_clear_object (&self->workbook);
  g_clear_pointer (&self->results, bk_results_unref);

  G_OBJECT_CLASS (bk_engine_parent_class)->dispose (object);
}

static void
bk_engine_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  BkEngine *self = BK_ENGINE (object);

  switch (prop_id)
    {
    case PROP_SCENARIO:
      g_value_set_uint (value, self->scenario);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_engine_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  BkEngine *self = BK_ENGINE (object);

  switch (prop_id)
    {
    case PROP_SCENARIO:
      bk_engine_set_scenario (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_engine_class_init (BkEngineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bk_engine_dispose;
  object_class->get_property = bk_engine_get_property;
  object_class->set_property = bk_engine_set_property;

  properties[PROP_SCENARIO] =
    g_param_spec_uint ("scenario", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BkEngine::invalidated:
   *
   * The results are stale; pull them again with bk_engine_get_results().
   */
  signals[INVALIDATED] =
    g_signal_new ("invalidated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
bk_engine_init (BkEngine *self)
{
  self->stale = TRUE;
}

BkEngine *
bk_engine_new (BkWorkbook *workbook)
{
  BkEngine *self;

  g_return_val_if_fail (BK_IS_WORKBOOK (workbook), NULL);

  self = g_object_new (BK_TYPE_ENGINE, NULL);
  self->workbook = g_object_ref (workbook);
  self->changed_id = g_signal_connect (workbook, "changed", G_CALLBACK (on_workbook_changed), self);

  return self;
}

BkWorkbook *
bk_engine_get_workbook (BkEngine *self)
{
  g_return_val_if_fail (BK_IS_ENGINE (self), NULL);
  return self->workbook;
}

guint
bk_engine_get_scenario (BkEngine *self)
{
  g_return_val_if_fail (BK_IS_ENGINE (self), 0);
  return self->scenario;
}

void
bk_engine_set_scenario (BkEngine *self,
                        guint     scenario)
{
  g_return_if_fail (BK_IS_ENGINE (self));
  g_return_if_fail (scenario <= bk_workbook_get_n_scenarios (self->workbook));

  if (self->scenario == scenario)
    return;

  self->scenario = scenario;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCENARIO]);
  bk_engine_invalidate (self);
}

gboolean
bk_engine_is_stale (BkEngine *self)
{
  g_return_val_if_fail (BK_IS_ENGINE (self), TRUE);
  return self->stale;
}

BkResults *
bk_engine_get_results (BkEngine *self)
{
  g_return_val_if_fail (BK_IS_ENGINE (self), NULL);

  if (self->stale || self->results == NULL)
    {
      self->results = bk_engine_compute_into (self->results, self->workbook, self->scenario);
      self->stale = FALSE;
    }

  return self->results;
}
