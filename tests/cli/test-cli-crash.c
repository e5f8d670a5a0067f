/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-crash.c — breakeven-cli's edits killed with SIGKILL, hundreds of times
 *
 * Runs `breakeven-cli set` (base cells and scenario overrides) and
 * `breakeven-cli scenario set` (assumptions) on one document in a loop,
 * and kills each run after a random delay (from nothing to a little
 * longer than a run takes, so kills land at start-up, in the middle of
 * the SQLite transaction and after it).  A run that exits 0 has
 * acknowledged its edit.  After every run the document opens, passes
 * `PRAGMA integrity_check` and holds the old value or the new one, never
 * anything else (the new one when acknowledged); every tenth kill
 * `breakeven-cli check` looks at the file first, as it was left (it
 * refuses a file whose write was interrupted, and passes it once it was
 * opened for editing).  At the
 * end the undo history holds one step per edit that reached the file,
 * undoing them all gives back the original and redoing them the final
 * state.
 *
 * The randomness is seeded and the seed is printed; BK_CRASH_SEED=N
 * replays a run. */

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>

#include "bk-assumptions.h"
#include "bk-json.h"
#include "bk-test-crash.h"
#include "bk-test-files.h"

#define MIN_KILLS 200
#define MIN_ACKS  60
/* Below the journal's history limit (1,000 steps), so every step can be
 * undone back to the original */
#define MAX_RUNS  900

/* Drivers the loop sets: any positive number is valid for them */
static const BkAssumption drivers[] = {
  BK_ASSUMPTION_CAPEX_PER_MW,
  BK_ASSUMPTION_TOKENS_PER_JOULE,
};

/* One run of breakeven-cli, killed after @delay_usec unless it is done
 * by then (never when negative).  TRUE when it exited 0 (acknowledged),
 * FALSE when the kill got it. */
static gboolean
run_killed (const char * const *argv,
            gint64              delay_usec,
            gint64             *took_usec)
{
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

/* `breakeven-cli check` on the file as the kill left it: finds it sound
 * (TRUE), or, when the kill interrupted a write and left its rollback
 * journal, refuses the read-only check with the message that says so
 * (FALSE): only opening for editing recovers such a file */
static gboolean
cli_check (const char *path)
{
  const char *argv[] = { CLI_PATH, "check", path, NULL };
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  if (g_subprocess_get_exit_status (process) == 0)
    {
      g_assert_nonnull (strstr (out, "Integrity check: ok"));
      return TRUE;
    }
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 1);
  g_assert_true (g_file_test (journal, G_FILE_TEST_EXISTS));
  g_assert_nonnull (strstr (err, "a write to it was interrupted"));
  return FALSE;
}

/* A random edit of @wb and the command line that makes it */
static GStrv
random_edit (BkWorkbook *wb,
             const char *path,
             GRand      *rand,
             double      value,
             BkTestEdit *edit)
{
  g_autoptr(GStrvBuilder) argv = g_strv_builder_new ();
  g_autofree char *text = g_strdup_printf ("%g", value);
  guint n_scenarios = bk_workbook_get_n_scenarios (wb) + 1;
  guint scenario = g_rand_int_range (rand, 0, (gint32) n_scenarios);

  edit->value = value;
  edit->acknowledged = FALSE;
  g_strv_builder_add (argv, CLI_PATH);
  if (g_rand_int_range (rand, 0, 4) == 0)
    {
      BkAssumption driver = drivers[g_rand_int_range (rand, 0, G_N_ELEMENTS (drivers))];

      edit->index = bk_test_state_assumption_index (wb, scenario, driver);
      g_strv_builder_addv (argv, (const char *[]) { "scenario", "set", path,
                                                    bk_workbook_get_scenario_name (wb, scenario),
                                                    bk_assumption_get_key (driver), text, NULL });
    }
  else
    {
      guint row = g_rand_int_range (rand, 0, (gint32) bk_workbook_get_n_rows (wb, BK_TABLE_CAPEX));
      guint period = g_rand_int_range (rand, 0, (gint32) bk_workbook_get_n_periods (wb));
      g_autofree char *label = bk_workbook_dup_period_label (wb, period);

      edit->index = bk_test_state_cell_index (wb, scenario, row, period);
      g_strv_builder_addv (argv, (const char *[]) { "set", path, "capex",
                                                    bk_workbook_get_row_id (wb, BK_TABLE_CAPEX, row),
                                                    label, text, NULL });
      if (scenario > 0)
        g_strv_builder_addv (argv, (const char *[]) { "--scenario",
                                                      bk_workbook_get_scenario_name (wb, scenario),
                                                      NULL });
    }
  return g_strv_builder_end (argv);
}

static void
test_kill_loop (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BkWorkbook) sample = bk_json_read_sample (&error);
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GRand) rand = NULL;
  BkTestState original, current;
  guint32 seed;
  guint runs = 0, kills = 0, acks = 0, applied = 0, interrupted = 0;
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
    bk_test_state_take (bk_document_get_workbook (doc), &original);
    bk_test_state_take (bk_document_get_workbook (doc), &current);
  }
  g_assert_cmpuint (bk_workbook_get_n_scenarios (sample), >, 0);

  /* How long one run takes on this machine now: kills are spread up to a
   * little past it */
  for (; runs < 3; runs++)
    {
      BkTestEdit edit;
      g_auto(GStrv) argv = random_edit (sample, path, rand, 500 + runs, &edit);
      gint64 took;

      edit.acknowledged = run_killed ((const char * const *) argv, -1, &took);
      g_assert_true (edit.acknowledged);
      g_assert_true (bk_test_crash_check_step (path, &current, &edit));
      applied++;
      typical = MAX (typical, took);
    }
  g_test_message ("one run takes about %" G_GINT64_FORMAT " microseconds", typical);

  for (guint i = 0; (kills < MIN_KILLS || acks < MIN_ACKS) && i < MAX_RUNS; i++, runs++)
    {
      BkTestEdit edit;
      g_auto(GStrv) argv = random_edit (sample, path, rand, 1000 + i, &edit);
      gint64 delay, took;
      gboolean checked;

      /* every twentieth run unkilled, to follow the machine's load */
      delay = i % 20 == 19 ? -1 : g_rand_int_range (rand, 0, (gint32) (typical * 13 / 10) + 1);
      edit.acknowledged = run_killed ((const char * const *) argv, delay, &took);
      if (delay < 0)
        typical = (typical + took) / 2;
      if (edit.acknowledged)
        acks++;
      else
        kills++;
      checked = edit.acknowledged || kills % 10 != 0 || cli_check (path);
      if (!checked)
        interrupted++;
      if (bk_test_crash_check_step (path, &current, &edit))
        applied++;
      /* opening it for editing has recovered it */
      if (!checked)
        g_assert_true (cli_check (path));
    }
  g_test_message ("%u runs: %u acknowledged, %u killed, %u edits in the file; "
                  "check found %u of %u kills in the middle of a write",
                  runs - 3, acks, kills, applied, interrupted, kills / 10);
  g_assert_cmpuint (kills, >=, MIN_KILLS);
  g_assert_cmpuint (acks, >=, MIN_ACKS);

  bk_test_crash_check_history (path, &original, &current, applied, applied);
  bk_test_state_clear (&original);
  bk_test_state_clear (&current);
  bk_test_remove_tree (dir);
}

/* A writer killed before it synced its rollback journal leaves one that
 * starts with zeros where the header goes (SQLite writes the header last)
 * and an untouched file: `check` reads the file and passes it.  A journal
 * with a header is a write under way or interrupted: refused, with the
 * way out. */
static void
test_unsynced_journal (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BkWorkbook) sample = bk_json_read_sample (&error);
  g_autofree char *dir = g_dir_make_tmp ("test-cli-crash-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "journal.breakeven", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  guint8 page[1024] = { 0 };

  g_assert_no_error (error);
  {
    g_autoptr(BkDocument) doc = bk_document_create (path, sample, FALSE, &error);

    g_assert_no_error (error);
  }
  memset (page + 512, 0x0d, 512);
  g_file_set_contents (journal, (const char *) page, sizeof page, &error);
  g_assert_no_error (error);
  g_assert_true (cli_check (path));

  page[0] = 0xd9;
  g_file_set_contents (journal, (const char *) page, sizeof page, &error);
  g_assert_no_error (error);
  g_assert_false (cli_check (path));
  bk_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/crash/kill-loop", test_kill_loop);
  g_test_add_func ("/cli/crash/unsynced-journal", test_unsynced_journal);
  return g_test_run ();
}
