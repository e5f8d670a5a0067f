/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-engine-inputs.c — a frozen copy of what the ROI engine reads from a
 * workbook in one scenario, and driver overrides applied on top of it.
 *
 * Everything lives in one block of doubles: per company capex (N),
 * backlog (M) and share (M), per market tokens (N), then the effective
 * assumptions of every company and of the workbook level. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "bk-engine-inputs.h"

struct _BkEngineInputs
{
  gatomicrefcount  ref_count;
  guint            scenario;
  guint            n;             /* input periods */
  guint            m;             /* modelled periods */
  double           delta;
  guint            n_companies;
  guint            n_markets;
  guint           *markets;       /* n_companies */
  double          *capex;         /* n_companies × n */
  double          *backlog;       /* n_companies × m */
  double          *share;         /* n_companies × m */
  double          *tokens;        /* n_markets × n */
  double          *assumptions;   /* (n_companies + 1) × BK_N_ASSUMPTIONS, workbook level last */
  double          *block;
};

G_DEFINE_BOXED_TYPE (BkEngineInputs, bk_engine_inputs, bk_engine_inputs_ref, bk_engine_inputs_unref)

gboolean
bk_driver_check (BkAssumption   driver,
                 GError       **error)
{
  g_return_val_if_fail (driver < BK_N_ASSUMPTIONS, FALSE);

  if (driver == BK_ASSUMPTION_EXTRA_YEARS)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                   /* Translators: %s is the key "extra_years" */
                   _("%s is not a driver: it sets how many periods are modelled"),
                   bk_assumption_get_key (driver));
      return FALSE;
    }

  return TRUE;
}

static void
carry_forward (const double *in,
               guint         n_in,
               double       *out,
               guint         n_out)
{
  double last = 0;

  for (guint i = 0; i < n_out; i++)
    {
      if (i < n_in && !isnan (in[i]))
        last = in[i];
      out[i] = last;
    }
}

BkEngineInputs *
bk_engine_inputs_new (BkWorkbook *workbook,
                      guint       scenario)
{
  BkEngineInputs *self;
  g_autofree double *row = NULL;
  double *p;
  guint n, m, nc, nm;
  double extra;

  g_return_val_if_fail (BK_IS_WORKBOOK (workbook), NULL);
  g_return_val_if_fail (scenario <= bk_workbook_get_n_scenarios (workbook), NULL);

  n = bk_workbook_get_n_periods (workbook);
  extra = bk_workbook_get_assumption (workbook, scenario, -1, BK_ASSUMPTION_EXTRA_YEARS);
  m = n + (guint) extra * bk_granularity_per_year (bk_workbook_get_granularity (workbook));
  nc = bk_workbook_get_n_companies (workbook);
  nm = bk_workbook_get_n_markets (workbook);

  self = g_new0 (BkEngineInputs, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->scenario = scenario;
  self->n = n;
  self->m = m;
  self->delta = bk_granularity_delta (bk_workbook_get_granularity (workbook));
  self->n_companies = nc;
  self->n_markets = nm;
  self->markets = g_new0 (guint, MAX (nc, 1));
  self->block = g_new0 (double, (gsize) nc * (n + 2 * m) + (gsize) nm * n
                                + (gsize) (nc + 1) * BK_N_ASSUMPTIONS);

  p = self->block;
  self->capex = p;
  p += (gsize) nc * n;
  self->backlog = p;
  p += (gsize) nc * m;
  self->share = p;
  p += (gsize) nc * m;
  self->tokens = p;
  p += (gsize) nm * n;
  self->assumptions = p;

  row = g_new (double, MAX (n, 1));
  for (guint c = 0; c < nc; c++)
    {
      double *capex = &self->capex[(gsize) c * n];

      self->markets[c] = bk_workbook_get_company_market (workbook, c);
      bk_workbook_get_scenario_row (workbook, scenario, BK_TABLE_CAPEX, c, row);
      for (guint v = 0; v < n; v++)
        capex[v] = isnan (row[v]) ? 0 : row[v];
      bk_workbook_get_scenario_row (workbook, scenario, BK_TABLE_BACKLOG, c, row);
      carry_forward (row, n, &self->backlog[(gsize) c * m], m);
      bk_workbook_get_scenario_row (workbook, scenario, BK_TABLE_SHARE, c, row);
      carry_forward (row, n, &self->share[(gsize) c * m], m);
      bk_workbook_get_assumptions (workbook, scenario, (int) c,
                                   &self->assumptions[(gsize) c * BK_N_ASSUMPTIONS]);
    }
  bk_workbook_get_assumptions (workbook, scenario, -1,
                               &self->assumptions[(gsize) nc * BK_N_ASSUMPTIONS]);

  for (guint k = 0; k < nm; k++)
    {
      bk_workbook_get_scenario_row (workbook, scenario, BK_TABLE_TOKENS, k, row);
      carry_forward (row, n, &self->tokens[(gsize) k * n], n);
    }

  return self;
}

BkEngineInputs *
bk_engine_inputs_ref (BkEngineInputs *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
bk_engine_inputs_unref (BkEngineInputs *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_free (self->markets);
      g_free (self->block);
      g_free (self);
    }
}

guint
bk_engine_inputs_get_scenario (BkEngineInputs *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->scenario;
}

guint
bk_engine_inputs_get_n_companies (BkEngineInputs *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_companies;
}

guint
bk_engine_inputs_get_n_markets (BkEngineInputs *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_markets;
}

guint
bk_engine_inputs_get_n_input_periods (BkEngineInputs *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n;
}

guint
bk_engine_inputs_get_n_periods (BkEngineInputs *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->m;
}

double
bk_engine_inputs_get_delta (BkEngineInputs *self)
{
  g_return_val_if_fail (self != NULL, 1);
  return self->delta;
}

guint
bk_engine_inputs_get_company_market (BkEngineInputs *self,
                                     guint           company)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (company < self->n_companies, 0);
  return self->markets[company];
}

const double *
bk_engine_inputs_get_row (BkEngineInputs *self,
                          BkTable         table,
                          guint           row)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (row < (table == BK_TABLE_TOKENS ? self->n_markets : self->n_companies), NULL);

  switch (table)
    {
    case BK_TABLE_CAPEX:   return &self->capex[(gsize) row * self->n];
    case BK_TABLE_BACKLOG: return &self->backlog[(gsize) row * self->m];
    case BK_TABLE_SHARE:   return &self->share[(gsize) row * self->m];
    case BK_TABLE_TOKENS:  return &self->tokens[(gsize) row * self->n];
    case BK_N_TABLES:
    default:
      g_return_val_if_reached (NULL);
    }
}

void
bk_engine_inputs_get_assumptions (BkEngineInputs         *self,
                                  int                     company,
                                  const BkDriverOverride *overrides,
                                  guint                   n_overrides,
                                  double                  values[BK_N_ASSUMPTIONS])
{
  guint row;

  g_return_if_fail (self != NULL);
  g_return_if_fail (company < (int) self->n_companies);
  g_return_if_fail (overrides != NULL || n_overrides == 0);

  row = company < 0 ? self->n_companies : (guint) company;
  memcpy (values, &self->assumptions[(gsize) row * BK_N_ASSUMPTIONS], sizeof (double) * BK_N_ASSUMPTIONS);

  for (guint i = 0; i < n_overrides; i++)
    {
      const BkDriverOverride *o = &overrides[i];
      double v;

      g_return_if_fail (o->driver < BK_N_ASSUMPTIONS && o->driver != BK_ASSUMPTION_EXTRA_YEARS);

      v = o->change == BK_DRIVER_SCALE ? values[o->driver] * o->value : o->value;
      values[o->driver] = bk_assumption_clamp (o->driver, v);
    }
}

double
bk_engine_inputs_get_assumption (BkEngineInputs *self,
                                 int             company,
                                 BkAssumption    assumption)
{
  g_return_val_if_fail (self != NULL, NAN);
  g_return_val_if_fail (company < (int) self->n_companies, NAN);
  g_return_val_if_fail (assumption < BK_N_ASSUMPTIONS, NAN);

  return self->assumptions[(gsize) (company < 0 ? self->n_companies : (guint) company) * BK_N_ASSUMPTIONS
                           + assumption];
}
