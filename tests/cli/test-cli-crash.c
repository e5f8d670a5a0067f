/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-crash.c — breakeven-cli set killed with SIGKILL, hundreds of times
 *
 * Runs `breakeven-cli set` on many cells of one document in a loop, and
 * kills each run after a random delay (from nothing to a little longer
 * than a run takes, so kills land at start-up, in the middle of the SQLite
 * transaction and after it).  A run that exits 0 has acknowledged its
 * edit.  Afterwards every acknowledged edit is in the file (or a later
 * edit of the same cell that may have committed before its kill),
 * `PRAGMA integrity_check` says ok, and the undo history is consistent:
 * undoing every step gives back the original workbook, and redoing every
 * step gives back the final one.
 *
 * The randomness is seeded and the seed is printed; BK_CRASH_SEED=N
 * replays a run. */

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>

#include "bk-json.h"
#include "bk-test-crash.h"

#define MIN_KILLS 300
#define MIN_ACKS  100
/* Below the journal's history limit (1,000 steps), so every step can be
 * undone back to the original */
#define MAX_RUNS  900

/* One `set`, killed after @delay_usec unless it is done by then.  TRUE
 * when it exited 0 (acknowledged), FALSE when the kill got it. */
static gboolean
run_set (const char *path,
         const char *row,
         const char *period,
         const char *value,
         gint64      delay_usec,
         gint64     *took_usec)
{
  const char *argv[] = { CLI_PATH, "set", path, "capex", row, period, value, NULL };
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error);
  g_assert_no_error (error);
  if (delay_usec >= 0)
    {
      g_usleep ((gulong) delay_usec);
      /* A process that has already exited is a zombie until waited for:
       * the signal cannot reach anything else */
      g_subprocess_send_signal (process, SIGKILL);
    }
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  *took_usec = g_get_monotonic_time () - start;

  if (g_subprocess_get_if_signaled (process))
    {
      g_assert_cmpint (g_subprocess_get_term_sig (process), ==, SIGKILL);
      return FALSE;
    }
  /* Never a failure: a kill before never leaves the file unusable */
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  return TRUE;
}

static void
test_kill_loop (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BkWorkbook) sample = bk_json_read_sample (&error);
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GArray) edits = g_array_new (FALSE, FALSE, sizeof (BkTestEdit));
  g_autoptr(GRand) rand = NULL;
  g_auto(GStrv) row_ids = NULL;
  g_auto(GStrv) period_labels = NULL;
  BkTestSnapshot original;
  guint32 seed;
  guint n_rows, n_periods, kills = 0, acks = 0;
  gint64 typical = 0;
  const char *seed_env = g_getenv ("BK_CRASH_SEED");

  g_assert_no_error (error);
  seed = seed_env ? (guint32) g_ascii_strtoull (seed_env, NULL, 10) : g_random_int ();
  g_test_message ("seed %u (BK_CRASH_SEED=%u replays it)", seed, seed);
  rand = g_rand_new_with_seed (seed);

  dir = g_dir_make_tmp ("test-cli-crash-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "crash.breakeven", NULL);
  {
    g_autoptr(BkDocument) doc = bk_document_create (path, sample, FALSE, &error);

    g_assert_no_error (error);
    bk_test_snapshot_take (bk_document_get_workbook (doc), &original);
  }
  n_rows = original.n_rows;
  n_periods = original.n_periods;
  row_ids = g_new0 (char *, n_rows + 1);
  for (guint r = 0; r < n_rows; r++)
    row_ids[r] = g_strdup (bk_workbook_get_row_id (sample, BK_TABLE_CAPEX, r));
  period_labels = g_new0 (char *, n_periods + 1);
  for (guint p = 0; p < n_periods; p++)
    period_labels[p] = bk_workbook_dup_period_label (sample, p);

  /* How long one run takes on this machine now: kills are spread up to a
   * little past it */
  for (guint i = 0; i < 3; i++)
    {
      gint64 took;
      BkTestEdit edit = { 0, 0, 500 + i, TRUE };
      g_autofree char *text = g_strdup_printf ("%g", edit.value);

      g_assert_true (run_set (path, row_ids[0], period_labels[0], text, -1, &took));
      g_array_append_val (edits, edit);
      typical = MAX (typical, took);
    }
  g_test_message ("one run takes about %" G_GINT64_FORMAT " microseconds", typical);

  for (guint i = 0; (kills < MIN_KILLS || acks < MIN_ACKS) && i < MAX_RUNS; i++)
    {
      BkTestEdit edit;
      g_autofree char *text = NULL;
      gint64 delay, took;

      edit.row = g_rand_int_range (rand, 0, (gint32) n_rows);
      edit.period = g_rand_int_range (rand, 0, (gint32) n_periods);
      edit.value = 1000 + i;
      text = g_strdup_printf ("%g", edit.value);
      /* every twentieth run unkilled, to follow the machine's load */
      delay = i % 20 == 19 ? -1 : g_rand_int_range (rand, 0, (gint32) (typical * 13 / 10) + 1);
      edit.acknowledged = run_set (path, row_ids[edit.row], period_labels[edit.period], text, delay, &took);
      g_array_append_val (edits, edit);
      if (delay < 0)
        typical = (typical + took) / 2;
      if (edit.acknowledged)
        acks++;
      else
        kills++;
    }
  g_test_message ("%u runs: %u acknowledged, %u killed", edits->len - 3, acks, kills);
  g_assert_cmpuint (kills, >=, MIN_KILLS);
  g_assert_cmpuint (acks, >=, MIN_ACKS);

  bk_test_crash_verify (path, &original, edits, acks + 3);
  bk_test_snapshot_clear (&original);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);

        g_unlink (file);
      }
  }
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/crash/kill-loop", test_kill_loop);
  return g_test_run ();
}
