/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window-crash.c — the window killed with SIGKILL while it writes, dozens of times
 *
 * Starts the real `breakeven` program on a copy of the sample again and
 * again, and types edits into its CapEx sheet with xdotool (real key
 * events through the sheet, its editor and the document, as a person
 * types them: a number, Return, the next number one row down), and kills
 * the program after a random delay: while it starts, between edits, in
 * the middle of a SQLite transaction or after the last edit.  Until the
 * kill the test reads the document from its own process every few
 * milliseconds: an edit it has read in the file is acknowledged, as a
 * second program reading the file would rely on it.  After every kill
 * the document opens for editing, passes `PRAGMA integrity_check` and
 * holds the run's edits up to some point, in order, and nothing else
 * (bk-test-crash.c): never a later edit without an earlier one, never a
 * half-written cell, always every acknowledged edit.  At the end the
 * undo history has one step per edit that reached the file, undoing them
 * all gives back the original and redoing them the final state.
 *
 * The randomness is seeded and the seed is printed; BK_CRASH_SEED=N
 * replays a run's choices (the moments the program is at differ with the
 * machine's load). */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <dlfcn.h>

#include "bk-json.h"
#include "bk-test-crash.h"

#define MIN_KILLS        30
/* Edits typed per run: one after another down a column, rows 0 to 5 */
#define EDITS_PER_RUN    6
/* Below the journal's history limit (1,000 steps) */
#define MAX_RUNS         120
#define WINDOW_TIMEOUT   (30 * G_USEC_PER_SEC)
#define POLL_USEC        (G_USEC_PER_SEC / 200)

typedef struct
{
  char        *dir;
  char        *path;
  char        *home;
  BkTestState  current;
  guint        next_value;
} Crash;

/* One run of the program, and how it went */
typedef struct
{
  BkTestEdit  edits[EDITS_PER_RUN];
  gint64      window_at;   /* from the start, or -1 */
  gint64      last_ack_at; /* when the last edit was read in the file, or -1 */
  gboolean    killed;
} Run;

static char *
run_capture (const char * const *argv)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&out);
}

/* The program's X window once it is visible, or NULL */
static char *
find_window (void)
{
  const char *argv[] = { "xdotool", "search", "--onlyvisible", "--name", "Breakeven", NULL };
  g_autofree char *out = run_capture (argv);
  char *newline;

  if (out == NULL || *out == '\0')
    return NULL;
  newline = strchr (out, '\n');
  if (newline != NULL)
    *newline = '\0';
  return g_steal_pointer (&out);
}

/* xdotool focusing @wid and typing @run's edits, from the cursor's cell
 * (the first company, the first period) @column cells to the right */
static GSubprocess *
start_typing (const char *wid,
              guint       column,
              const Run  *run)
{
  g_autoptr(GStrvBuilder) argv = g_strv_builder_new ();
  g_auto(GStrv) args = NULL;
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  /* One key press per character: xdotool's `type` does not send Return
   * for a newline */
  g_strv_builder_addv (argv, (const char *[]) { "xdotool", "windowfocus", "--sync", wid,
                                                "key", "--delay", "8", NULL });
  for (guint i = 0; i < column; i++)
    g_strv_builder_add (argv, "Right");
  for (guint e = 0; e < EDITS_PER_RUN; e++)
    {
      g_autofree char *digits = g_strdup_printf ("%u", (guint) run->edits[e].value);

      for (const char *d = digits; *d != '\0'; d++)
        {
          char key[2] = { *d, '\0' };

          g_strv_builder_add (argv, key);
        }
      g_strv_builder_add (argv, "Return");
    }
  args = g_strv_builder_end (argv);
  process = g_subprocess_newv ((const char * const *) args, G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error);
  g_assert_no_error (error);
  return process;
}

/* Kills @process (ours) and reaps it */
static void
kill_and_wait (GSubprocess *process)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_send_signal (process, SIGKILL);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
}

/* Marks the edits of @run the file shows as acknowledged.  A read that
 * finds a write under way (its hot journal) reads nothing: an edit is
 * acknowledged only when it was read. */
static void
poll_file (Crash *c,
           Run   *run,
           gint64 now)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BkDocument) reader = bk_document_open_read_only (c->path, &error);
  BkTestState seen;

  if (reader == NULL)
    return;
  bk_test_state_take (bk_document_get_workbook (reader), &seen);
  for (guint e = 0; e < EDITS_PER_RUN; e++)
    {
      BkTestEdit *edit = &run->edits[e];

      if (!edit->acknowledged && seen.values[edit->index] == edit->value && seen.formulas[edit->index] == NULL)
        {
          edit->acknowledged = TRUE;
          if (e == EDITS_PER_RUN - 1)
            run->last_ack_at = now;
        }
    }
  bk_test_state_clear (&seen);
}

/* One run: the program started, edits typed once its window shows, the
 * file read until @delay_usec has passed (until every edit is read when
 * negative), then SIGKILL.  Returns how many edits reached the file. */
static guint
run_once (Crash     *c,
          GRand     *rand,
          gint64     delay_usec,
          Run       *run)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                                                              G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr(GSubprocess) app = NULL;
  g_autoptr(GSubprocess) typer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BkDocument) doc = bk_document_open_read_only (c->path, &error);
  BkWorkbook *wb;
  guint column, applied;
  gint64 start, now;

  g_assert_no_error (error);
  wb = bk_document_get_workbook (doc);
  /* Columns without formulas: 2023 to 2026 */
  column = g_rand_int_range (rand, 0, 4);
  g_assert_cmpuint (bk_workbook_get_n_rows (wb, BK_TABLE_CAPEX), >, EDITS_PER_RUN);
  for (guint e = 0; e < EDITS_PER_RUN; e++)
    {
      BkCell cell;

      run->edits[e].index = bk_test_state_cell_index (wb, 0, e, column);
      run->edits[e].value = c->next_value++;
      run->edits[e].acknowledged = FALSE;
      bk_workbook_get_cell (wb, 0, BK_TABLE_CAPEX, e, column, &cell);
      g_assert_null (cell.formula);
    }
  g_clear_object (&doc);
  run->window_at = run->last_ack_at = -1;

  g_subprocess_launcher_setenv (launcher, "HOME", c->home, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", c->home, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", c->home, TRUE);
  start = g_get_monotonic_time ();
  app = g_subprocess_launcher_spawn (launcher, &error, APP_PATH, c->path, NULL);
  g_assert_no_error (error);

  for (now = start;
       delay_usec < 0 ? run->last_ack_at < 0 : now - start < delay_usec;
       now = g_get_monotonic_time ())
    {
      if (delay_usec < 0 && now - start > WINDOW_TIMEOUT)
        g_error ("the program did not show its window and its edits in time");
      if (typer == NULL)
        {
          g_autofree char *wid = find_window ();

          if (wid != NULL)
            {
              run->window_at = g_get_monotonic_time () - start;
              typer = start_typing (wid, column, run);
            }
        }
      else
        poll_file (c, run, g_get_monotonic_time () - start);
      /* The program never exits by itself */
      g_assert_nonnull (g_subprocess_get_identifier (app));
      if (delay_usec >= 0)
        g_usleep (MIN (POLL_USEC, MAX (0, delay_usec - (g_get_monotonic_time () - start))));
      else
        g_usleep (POLL_USEC);
    }

  kill_and_wait (app);
  g_assert_true (g_subprocess_get_if_signaled (app));
  g_assert_cmpint (g_subprocess_get_term_sig (app), ==, SIGKILL);
  run->killed = delay_usec >= 0;
  if (typer != NULL)
    {
      const char *keyup[] = { "xdotool", "keyup", "Right", "Return", "0", "1", "2", "3", "4",
                              "5", "6", "7", "8", "9", NULL };

      /* Killed in the middle of a key press, xdotool would leave that key
       * down for the next window */
      kill_and_wait (typer);
      g_free (run_capture (keyup));
    }

  applied = bk_test_crash_check_run (c->path, &c->current, run->edits, EDITS_PER_RUN);
  return applied;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *file = g_build_filename (dir, name, NULL);

      if (g_file_test (file, G_FILE_TEST_IS_DIR))
        remove_dir (file);
      else
        g_unlink (file);
    }
  g_rmdir (dir);
}

static void
test_kill_loop (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BkWorkbook) sample = bk_json_read_sample (&error);
  g_autoptr(GRand) rand = NULL;
  Crash c = { 0 };
  BkTestState original;
  const char *seed_env = g_getenv ("BK_CRASH_SEED");
  guint32 seed;
  guint runs = 0, kills = 0, applied = 0, acks = 0, mid_run = 0;
  gint64 window_at = 0, done_at = 0;

  g_assert_no_error (error);
  seed = seed_env ? (guint32) g_ascii_strtoull (seed_env, NULL, 10) : g_random_int ();
  g_test_message ("seed %u (BK_CRASH_SEED=%u replays it)", seed, seed);
  rand = g_rand_new_with_seed (seed);

  c.dir = g_dir_make_tmp ("test-window-crash-XXXXXX", &error);
  g_assert_no_error (error);
  c.path = g_build_filename (c.dir, "crash.breakeven", NULL);
  c.home = g_build_filename (c.dir, "home", NULL);
  g_mkdir_with_parents (c.home, 0700);
  c.next_value = 5001;
  {
    g_autoptr(BkDocument) doc = bk_document_create (c.path, sample, FALSE, &error);

    g_assert_no_error (error);
    bk_test_state_take (bk_document_get_workbook (doc), &original);
    bk_test_state_take (bk_document_get_workbook (doc), &c.current);
  }

  /* How long the program takes on this machine now to show its window
   * and to have every edit in the file: the kills are spread over that */
  for (; runs < 2; runs++)
    {
      Run run;

      g_assert_cmpuint (run_once (&c, rand, -1, &run), ==, EDITS_PER_RUN);
      applied += EDITS_PER_RUN;
      window_at = MAX (window_at, run.window_at);
      done_at = MAX (done_at, run.last_ack_at);
    }
  g_test_message ("the window shows after %" G_GINT64_FORMAT " microseconds, the last edit is in the file after %"
                  G_GINT64_FORMAT " microseconds", window_at, done_at);

  for (guint i = 0; kills < MIN_KILLS && i < MAX_RUNS; i++, runs++)
    {
      Run run;
      gint64 delay;
      guint n;

      /* a quarter of the kills while the program starts, the rest while
       * it takes the edits and a little after; every tenth run unkilled,
       * to follow the machine's load */
      if (i % 10 == 9)
        delay = -1;
      else if (g_rand_int_range (rand, 0, 4) == 0)
        delay = g_rand_int_range (rand, 0, (gint32) window_at + 1);
      else
        delay = g_rand_int_range (rand, (gint32) window_at, (gint32) (done_at * 11 / 10) + 1);
      n = run_once (&c, rand, delay, &run);
      applied += n;
      for (guint e = 0; e < EDITS_PER_RUN; e++)
        acks += run.edits[e].acknowledged;
      if (run.killed)
        kills++;
      if (run.killed && n > 0 && n < EDITS_PER_RUN)
        mid_run++;
      if (!run.killed)
        {
          g_assert_cmpuint (n, ==, EDITS_PER_RUN);
          window_at = (window_at + run.window_at) / 2;
          done_at = (done_at + run.last_ack_at) / 2;
        }
    }
  g_test_message ("%u runs: %u killed (%u between the first and the last edit), "
                  "%u edits in the file, %u of them read before the kill",
                  runs, kills, mid_run, applied, acks);
  g_assert_cmpuint (kills, >=, MIN_KILLS);
  /* The kills did land among the edits, not only before or after them */
  g_assert_cmpuint (mid_run, >, 0);

  bk_test_crash_check_history (c.path, &original, &c.current, applied, applied);
  bk_test_state_clear (&original);
  bk_test_state_clear (&c.current);
  remove_dir (c.dir);
  g_free (c.dir);
  g_free (c.path);
  g_free (c.home);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  void *libx11, *display;
  void *(*open_display) (const char *);
  int (*close_display) (void *);
  int status;

  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("DISPLAY") == NULL || xdotool == NULL)
    {
      /* build-aux/test provides Xvfb and xdotool: their absence is a failure */
      g_printerr ("needs an X11 display and xdotool\n");
      return 1;
    }

  /* An X server resets when its last client leaves, and refuses
   * connections meanwhile: between a killed program and the next one
   * this process stays connected (libX11 loaded at run time: the
   * build needs no X library of its own) */
  libx11 = dlopen ("libX11.so.6", RTLD_NOW);
  g_assert_nonnull (libx11);
  open_display = (void *(*) (const char *)) dlsym (libx11, "XOpenDisplay");
  close_display = (int (*) (void *)) dlsym (libx11, "XCloseDisplay");
  g_assert_nonnull (open_display);
  g_assert_nonnull (close_display);
  display = open_display (NULL);
  g_assert_nonnull (display);
  g_test_add_func ("/window-crash/kill-loop", test_kill_loop);
  status = g_test_run ();
  /* The connection is ours to close (LeakSanitizer counts it) */
  close_display (display);
  return status;
}
