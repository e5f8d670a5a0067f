/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-test-crash.h — checking a document after its writers were killed */
#pragma once

#include "bk-document.h"

G_BEGIN_DECLS

/* What a crash test edits and checks, as one flat vector: the base capex
 * cells, every scenario's capex overrides (NAN where it has none) and
 * every scenario's workbook-level assumptions (NAN where it sets none).
 * A cell that holds a formula is compared by its formula. */
typedef struct
{
  guint    n;
  double  *values;
  char   **formulas;
} BkTestState;

/* One edit of one entry of the state, and whether its writer
 * acknowledged it (exited 0, or another process read it in the file
 * before the writer was killed) */
typedef struct
{
  guint    index;
  double   value;
  gboolean acknowledged;
} BkTestEdit;

void  bk_test_state_take             (BkWorkbook        *wb,
                                      BkTestState       *s);
void  bk_test_state_clear            (BkTestState       *s);
guint bk_test_state_cell_index       (BkWorkbook        *wb,
                                      guint              scenario,
                                      guint              row,
                                      guint              period);
guint bk_test_state_assumption_index (BkWorkbook        *wb,
                                      guint              scenario,
                                      BkAssumption       assumption);

/* Opens @path after one edit's writer ran (and maybe was killed): the
 * document opens for writing, `PRAGMA integrity_check` says ok, and the
 * state is @current or @current with @edit applied, never anything else
 * (with @edit applied when it was acknowledged).  @current becomes what
 * is in the file.  Returns whether the edit is in the file. */
gboolean bk_test_crash_check_step    (const char        *path,
                                      BkTestState       *current,
                                      const BkTestEdit  *edit);

/* The same after a writer that made @n_edits edits in this order, each
 * of its own entry (a window typing into one cell after another): the
 * file holds the first k of them, never a later one without every
 * earlier one, and every acknowledged one among them.  Returns k. */
guint bk_test_crash_check_run        (const char        *path,
                                      BkTestState       *current,
                                      const BkTestEdit  *edits,
                                      guint              n_edits);

/* The undo history after all the kills: between @min_steps and
 * @max_steps steps, undoing each one gives back @original and redoing
 * each one @current. */
void  bk_test_crash_check_history    (const char        *path,
                                      const BkTestState *original,
                                      const BkTestState *current,
                                      guint              min_steps,
                                      guint              max_steps);

G_END_DECLS
