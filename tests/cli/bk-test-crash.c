/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-test-crash.c — checking a document after its writers were killed
 *
 * Shared by the command line's and the window's SIGKILL loops.  After
 * each run of a writer (finished or killed) the file opens, passes
 * `PRAGMA integrity_check`, and holds either what it held before or that
 * plus the run's edit — the old value or the new one, nothing else, and
 * the new one when the writer acknowledged it.  After all the kills the
 * undo history is consistent: undoing every step gives back the original
 * and redoing every step the final state. */

#include <math.h>

#include "bk-test-crash.h"

static guint
n_cells (BkWorkbook *wb)
{
  return bk_workbook_get_n_rows (wb, BK_TABLE_CAPEX) * bk_workbook_get_n_periods (wb);
}

guint
bk_test_state_cell_index (BkWorkbook *wb,
                          guint       scenario,
                          guint       row,
                          guint       period)
{
  g_assert_cmpuint (scenario, <=, bk_workbook_get_n_scenarios (wb));
  return scenario * n_cells (wb) + row * bk_workbook_get_n_periods (wb) + period;
}

guint
bk_test_state_assumption_index (BkWorkbook   *wb,
                                guint         scenario,
                                BkAssumption  assumption)
{
  guint n_scenarios = bk_workbook_get_n_scenarios (wb) + 1;

  g_assert_cmpuint (scenario, <, n_scenarios);
  return n_scenarios * n_cells (wb) + scenario * BK_N_ASSUMPTIONS + assumption;
}

void
bk_test_state_clear (BkTestState *s)
{
  for (guint i = 0; i < s->n; i++)
    g_free (s->formulas[i]);
  g_clear_pointer (&s->formulas, g_free);
  g_clear_pointer (&s->values, g_free);
  s->n = 0;
}

void
bk_test_state_take (BkWorkbook  *wb,
                    BkTestState *s)
{
  guint n_scenarios = bk_workbook_get_n_scenarios (wb) + 1;
  guint n_rows = bk_workbook_get_n_rows (wb, BK_TABLE_CAPEX);
  guint n_periods = bk_workbook_get_n_periods (wb);

  s->n = n_scenarios * (n_cells (wb) + BK_N_ASSUMPTIONS);
  s->values = g_new (double, s->n);
  s->formulas = g_new0 (char *, s->n);
  for (guint sc = 0; sc < n_scenarios; sc++)
    {
      for (guint r = 0; r < n_rows; r++)
        for (guint p = 0; p < n_periods; p++)
          {
            guint i = bk_test_state_cell_index (wb, sc, r, p);
            BkCell cell;

            bk_workbook_get_cell (wb, sc, BK_TABLE_CAPEX, r, p, &cell);
            if (sc > 0 && !(cell.flags & BK_CELL_OVERRIDDEN))
              s->values[i] = NAN;
            else if (cell.formula != NULL)
              {
                s->values[i] = NAN;
                s->formulas[i] = g_strdup (cell.formula);
              }
            else
              s->values[i] = cell.value;
          }
      for (guint a = 0; a < BK_N_ASSUMPTIONS; a++)
        s->values[bk_test_state_assumption_index (wb, sc, a)] =
          bk_workbook_get_assumption_layer (wb, sc, -1, a);
    }
}

static gboolean
same_entry (const BkTestState *a,
            guint              i,
            double             value,
            const char        *formula)
{
  if (g_strcmp0 (a->formulas[i], formula) != 0)
    return FALSE;
  return (isnan (a->values[i]) && isnan (value)) || a->values[i] == value;
}

/* The first entry where @a and @b differ, or -1 */
static int
first_difference (const BkTestState *a,
                  const BkTestState *b)
{
  g_assert_cmpuint (a->n, ==, b->n);
  for (guint i = 0; i < a->n; i++)
    if (!same_entry (a, i, b->values[i], b->formulas[i]))
      return (int) i;
  return -1;
}

static void
assert_same (const BkTestState *a,
             const BkTestState *b,
             const char        *what)
{
  int i = first_difference (a, b);

  if (i >= 0)
    g_error ("%s: entry %d is %g (%s) instead of %g (%s)", what, i,
             a->values[i], a->formulas[i] ? a->formulas[i] : "no formula",
             b->values[i], b->formulas[i] ? b->formulas[i] : "no formula");
}

static BkDocument *
open_checked (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BkDocument) doc = bk_document_open (path, &error);
  g_autofree char *report = NULL;

  g_assert_no_error (error);
  g_assert_false (bk_document_is_read_only (doc));
  g_assert_true (bk_document_check_integrity (doc, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (report, ==, "ok");
  return g_steal_pointer (&doc);
}

guint
bk_test_crash_check_run (const char       *path,
                         BkTestState      *current,
                         const BkTestEdit *edits,
                         guint             n_edits)
{
  g_autoptr(BkDocument) doc = open_checked (path);
  BkTestState now;
  guint applied = 0;

  bk_test_state_take (bk_document_get_workbook (doc), &now);
  g_assert_cmpuint (now.n, ==, current->n);
  for (guint e = 0; e < n_edits; e++)
    {
      const BkTestEdit *edit = &edits[e];

      g_assert_cmpuint (edit->index, <, now.n);
      for (guint before = 0; before < e; before++)
        g_assert_cmpuint (edits[before].index, !=, edit->index);
      if (same_entry (&now, edit->index, edit->value, NULL))
        {
          if (applied < e)
            g_error ("entry %u: edit %u of the run (to %g) is in the file, edit %u (entry %u) is not",
                     edit->index, e + 1, edit->value, applied + 1, edits[applied].index);
          applied++;
        }
      else if (!same_entry (&now, edit->index, current->values[edit->index],
                            current->formulas[edit->index]))
        g_error ("entry %u holds %g, neither the old %g nor the new %g", edit->index,
                 now.values[edit->index], current->values[edit->index], edit->value);
      else if (edit->acknowledged)
        g_error ("entry %u: the acknowledged edit to %g is lost", edit->index, edit->value);
    }
  /* everything else as it was */
  for (guint e = 0; e < n_edits; e++)
    {
      guint i = edits[e].index;

      g_free (current->formulas[i]);
      current->formulas[i] = g_strdup (now.formulas[i]);
      current->values[i] = now.values[i];
    }
  assert_same (&now, current, "after a kill");
  bk_test_state_clear (&now);
  return applied;
}

gboolean
bk_test_crash_check_step (const char       *path,
                          BkTestState      *current,
                          const BkTestEdit *edit)
{
  return bk_test_crash_check_run (path, current, edit, 1) == 1;
}

void
bk_test_crash_check_history (const char        *path,
                             const BkTestState *original,
                             const BkTestState *current,
                             guint              min_steps,
                             guint              max_steps)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BkDocument) doc = open_checked (path);
  BkWorkbook *wb = bk_document_get_workbook (doc);
  BkTestState undone, redone;
  guint steps = 0, redos = 0;

  while (bk_document_can_undo (doc))
    {
      g_assert_true (bk_document_undo (doc, &error));
      g_assert_no_error (error);
      steps++;
    }
  g_test_message ("%u undo steps in the history", steps);
  g_assert_cmpuint (steps, >=, min_steps);
  g_assert_cmpuint (steps, <=, max_steps);
  bk_test_state_take (wb, &undone);
  assert_same (&undone, original, "after undoing every step");
  while (bk_document_can_redo (doc))
    {
      g_assert_true (bk_document_redo (doc, &error));
      g_assert_no_error (error);
      redos++;
    }
  g_assert_cmpuint (redos, ==, steps);
  bk_test_state_take (wb, &redone);
  assert_same (&redone, current, "after redoing every step");
  bk_test_state_clear (&undone);
  bk_test_state_clear (&redone);
}
