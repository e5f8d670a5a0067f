/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-engine-inputs.h — a frozen copy of what the ROI engine reads from a
 * workbook in one scenario, and driver overrides applied on top of it.
 *
 * Analyses run the engine hundreds or thousands of times on the same
 * inputs with a few drivers changed.  They take a snapshot once, on the
 * thread that owns the workbook, and then compute from it with
 * bk_engine_compute_inputs_into() on any thread: a snapshot is immutable
 * and may be shared by any number of threads; the workbook may change
 * meanwhile without affecting it. */
#pragma once

#include "bk-workbook.h"

G_BEGIN_DECLS

typedef enum
{
  BK_DRIVER_SET,    /* the driver is @value for every company and the workbook level */
  BK_DRIVER_SCALE,  /* each company's (and the workbook level's) effective value × @value */
} BkDriverChange;

/* A change of one driver.  The result is moved into the driver's valid
 * range (bk_assumption_clamp()).  extra_years is not a driver: it changes
 * the number of periods, so it cannot be overridden here. */
typedef struct
{
  BkAssumption    driver;
  BkDriverChange  change;
  double          value;
} BkDriverOverride;

/* TRUE when @driver may be overridden; otherwise a BK_ERROR_INVALID_INPUT
 * error that says why (extra_years). */
gboolean        bk_driver_check                    (BkAssumption            driver,
                                                    GError                **error);

#define BK_TYPE_ENGINE_INPUTS (bk_engine_inputs_get_type ())

typedef struct _BkEngineInputs BkEngineInputs;

GType           bk_engine_inputs_get_type          (void) G_GNUC_CONST;
/* Reads @workbook in @scenario.  Call it where the workbook lives (the main
 * thread in the app). */
BkEngineInputs *bk_engine_inputs_new               (BkWorkbook             *workbook,
                                                    guint                   scenario);
BkEngineInputs *bk_engine_inputs_ref               (BkEngineInputs         *self);
void            bk_engine_inputs_unref             (BkEngineInputs         *self);

guint           bk_engine_inputs_get_scenario      (BkEngineInputs         *self);
guint           bk_engine_inputs_get_n_companies   (BkEngineInputs         *self);
guint           bk_engine_inputs_get_n_markets     (BkEngineInputs         *self);
/* N, the input periods, and M, the modelled periods */
guint           bk_engine_inputs_get_n_input_periods (BkEngineInputs       *self);
guint           bk_engine_inputs_get_n_periods     (BkEngineInputs         *self);
double          bk_engine_inputs_get_delta         (BkEngineInputs         *self);
guint           bk_engine_inputs_get_company_market (BkEngineInputs        *self,
                                                    guint                   company);
/* One input row as the model sees it: capex N long with blanks as 0;
 * backlog and share M long, carried forward; tokens N long (@row is a
 * market), carried forward. */
const double   *bk_engine_inputs_get_row           (BkEngineInputs         *self,
                                                    BkTable                 table,
                                                    guint                   row);
/* Effective assumptions of @company (-1: the workbook level of the
 * scenario) with @overrides applied in order. */
void            bk_engine_inputs_get_assumptions   (BkEngineInputs         *self,
                                                    int                     company,
                                                    const BkDriverOverride *overrides,
                                                    guint                   n_overrides,
                                                    double                  values[BK_N_ASSUMPTIONS]);
/* One effective assumption, without overrides. */
double          bk_engine_inputs_get_assumption    (BkEngineInputs         *self,
                                                    int                     company,
                                                    BkAssumption            assumption);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkEngineInputs, bk_engine_inputs_unref)

G_END_DECLS
