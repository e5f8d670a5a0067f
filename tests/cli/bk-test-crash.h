/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-test-crash.h — checking a document after its writers were killed */
#pragma once

#include "bk-document.h"

G_BEGIN_DECLS

/* One edit of a capex cell, and whether its writer acknowledged it */
typedef struct
{
  guint    row;
  guint    period;
  double   value;
  gboolean acknowledged;
} BkTestEdit;

/* The capex table of Base: values and formulas */
typedef struct
{
  guint   n_rows;
  guint   n_periods;
  double *values;
  char  **formulas;
} BkTestSnapshot;

void bk_test_snapshot_take  (BkWorkbook           *wb,
                             BkTestSnapshot       *s);
void bk_test_snapshot_clear (BkTestSnapshot       *s);

void bk_test_crash_verify   (const char           *path,
                             const BkTestSnapshot *original,
                             GArray               *edits,
                             guint                 n_acks);

G_END_DECLS
