/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-engine.h — the ROI engine (MODEL.md) */
#pragma once

#include "bk-engine-inputs.h"
#include "bk-results.h"
#include "bk-workbook.h"

G_BEGIN_DECLS

typedef enum
{
  BK_ENGINE_FLAGS_NONE = 0,
  BK_ENGINE_NO_IRR     = 1 << 0,  /* leave IRR NAN: it is most of the cost */
} BkEngineFlags;

/* Computes every company and the total of @workbook in @scenario.
 * Pure: reads the workbook, allocates fresh results. */
BkResults  *bk_engine_compute             (BkWorkbook *workbook,
                                           guint       scenario);

/* Recomputes into @results, reusing its arrays when the shape is the same.
 * Returns @results or a new object when the shape changed (the old one is
 * unreffed). */
BkResults  *bk_engine_compute_into        (BkResults  *results,
                                           BkWorkbook *workbook,
                                           guint       scenario);

/* The same from a snapshot, with @overrides applied to every company and the
 * workbook level.  Thread-safe: reads only @inputs, writes only @results
 * (reused as in bk_engine_compute_into(); NULL allocates). */
BkResults  *bk_engine_compute_inputs_into (BkResults              *results,
                                           BkEngineInputs         *inputs,
                                           const BkDriverOverride *overrides,
                                           guint                   n_overrides,
                                           BkEngineFlags           flags);

#define BK_TYPE_ENGINE (bk_engine_get_type ())

G_DECLARE_FINAL_TYPE (BkEngine, bk_engine, BK, ENGINE, GObject)

/* A live engine follows a workbook and a scenario.  Every change marks the
 * results stale and emits ::invalidated once; bk_engine_get_results()
 * recomputes at most once per change, so views that pull results while
 * drawing get coalesced recalculation (once per frame). */
BkEngine   *bk_engine_new                 (BkWorkbook *workbook);
BkWorkbook *bk_engine_get_workbook        (BkEngine   *self);
guint       bk_engine_get_scenario        (BkEngine   *self);
void        bk_engine_set_scenario        (BkEngine   *self,
                                           guint       scenario);
gboolean    bk_engine_is_stale            (BkEngine   *self);
BkResults  *bk_engine_get_results         (BkEngine   *self);

G_END_DECLS
