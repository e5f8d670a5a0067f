/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-test-crash.c — checking a document after its writers were killed
 *
 * Shared by the command line's and the window's SIGKILL loops: after the
 * kills, the file passes `PRAGMA integrity_check`, every acknowledged
 * edit is there (or a later one of the same cell that may have committed
 * before its kill), and the undo history is consistent: undoing every
 * step gives back the original table and redoing every step the final
 * one. */

#include <math.h>

#include "bk-test-crash.h"

void
bk_test_snapshot_clear (BkTestSnapshot *s)
{
  for (guint i = 0; i < s->n_rows * s->n_periods; i++)
    g_free (s->formulas[i]);
  g_clear_pointer (&s->formulas, g_free);
  g_clear_pointer (&s->values, g_free);
}

void
bk_test_snapshot_take (BkWorkbook     *wb,
                       BkTestSnapshot *s)
{
  s->n_rows = bk_workbook_get_n_rows (wb, BK_TABLE_CAPEX);
  s->n_periods = bk_workbook_get_n_periods (wb);
  s->values = g_new (double, s->n_rows * s->n_periods);
  s->formulas = g_new0 (char *, s->n_rows * s->n_periods);
  for (guint r = 0; r < s->n_rows; r++)
    for (guint p = 0; p < s->n_periods; p++)
      {
        BkCell cell;

        bk_workbook_get_cell (wb, 0, BK_TABLE_CAPEX, r, p, &cell);
        s->values[r * s->n_periods + p] = cell.value;
        s->formulas[r * s->n_periods + p] = g_strdup (cell.formula);
      }
}

static gboolean
same_value (double a,
            double b)
{
  return (isnan (a) && isnan (b)) || a == b;
}

static void
assert_same (const BkTestSnapshot *a,
             const BkTestSnapshot *b)
{
  g_assert_cmpuint (a->n_rows, ==, b->n_rows);
  g_assert_cmpuint (a->n_periods, ==, b->n_periods);
  for (guint i = 0; i < a->n_rows * a->n_periods; i++)
    {
      g_assert_true (same_value (a->values[i], b->values[i]));
      g_assert_cmpstr (a->formulas[i], ==, b->formulas[i]);
    }
}

/* Whether @value can be in the cell: its last acknowledged value, a later
 * killed edit's, or the original when no edit of it was acknowledged */
static gboolean
possible_value (const BkTestSnapshot *original,
                GArray               *edits,
                guint                 row,
                guint                 period,
                double                value)
{
  for (guint e = edits->len; e-- > 0;)
    {
      const BkTestEdit *edit = &g_array_index (edits, BkTestEdit, e);

      if (edit->row != row || edit->period != period)
        continue;
      if (value == edit->value)
        return TRUE;
      if (edit->acknowledged)
        return FALSE;
    }
  return same_value (original->values[row * original->n_periods + period], value);
}

void
bk_test_crash_verify (const char           *path,
                      const BkTestSnapshot *original,
                      GArray               *edits,
                      guint                 n_acks)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BkDocument) doc = bk_document_open (path, &error);
  g_autofree char *report = NULL;
  BkTestSnapshot final, undone, redone;
  BkWorkbook *wb;
  guint steps = 0, redos = 0;

  g_assert_no_error (error);
  g_assert_false (bk_document_is_read_only (doc));
  g_assert_true (bk_document_check_integrity (doc, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (report, ==, "ok");
  wb = bk_document_get_workbook (doc);

  bk_test_snapshot_take (wb, &final);
  g_assert_cmpuint (final.n_rows, ==, original->n_rows);
  g_assert_cmpuint (final.n_periods, ==, original->n_periods);
  for (guint r = 0; r < final.n_rows; r++)
    for (guint p = 0; p < final.n_periods; p++)
      {
        double value = final.values[r * final.n_periods + p];

        if (!possible_value (original, edits, r, p, value))
          g_error ("capex %s period %u holds %g, which no acknowledged edit left there",
                   bk_workbook_get_row_id (wb, BK_TABLE_CAPEX, r), p, value);
      }

  /* Undo every step back to the original, then redo every one */
  while (bk_document_can_undo (doc))
    {
      g_assert_true (bk_document_undo (doc, &error));
      g_assert_no_error (error);
      steps++;
    }
  g_test_message ("%u undo steps in the history", steps);
  g_assert_cmpuint (steps, >=, n_acks);
  g_assert_cmpuint (steps, <=, edits->len);
  bk_test_snapshot_take (wb, &undone);
  assert_same (original, &undone);
  while (bk_document_can_redo (doc))
    {
      g_assert_true (bk_document_redo (doc, &error));
      g_assert_no_error (error);
      redos++;
    }
  g_assert_cmpuint (redos, ==, steps);
  bk_test_snapshot_take (wb, &redone);
  assert_same (&final, &redone);

  bk_test_snapshot_clear (&final);
  bk_test_snapshot_clear (&undone);
  bk_test_snapshot_clear (&redone);
}
