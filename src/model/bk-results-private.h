/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-results-private.h — the storage of BkResults, shared by bk-results.c,
 * which owns it, and the engine, which fills it in place.  Not for views. */
#pragma once

#include "bk-results.h"

G_BEGIN_DECLS

struct _BkResults
{
  gatomicrefcount  ref_count;
  guint            scenario;
  guint            n_periods;       /* M */
  guint            n_input_periods; /* N */
  guint            n_companies;
  BkMetrics       *companies;
  BkMetrics        total;
  double          *block;
};

/* Results for @n_companies companies over @n_periods (M) periods, every
 * series zero; all series share one block of doubles. */
BkResults *bk_results_new       (guint      n_companies,
                                 guint      n_periods);
/* TRUE when @self has that shape and no one else holds it, so the engine
 * may recompute into it. */
gboolean   bk_results_can_reuse (BkResults *self,
                                 guint      n_companies,
                                 guint      n_periods);

G_END_DECLS
