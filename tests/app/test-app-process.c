/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-app-process.c — the installed-style program, from outside
 *
 * Runs the real `breakeven` binary on a document under the test's X
 * display, types into it with xdotool, reads the document with
 * `breakeven-cli get` while the window stays open, then kills the program
 * with SIGKILL and checks that nothing was lost and the file is sound;
 * and the program run by hand with no settings schema installed. */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "bk-document.h"
#include "bk-json.h"

#define TIMEOUT_USEC (30 * G_USEC_PER_SEC)

typedef struct
{
  char        *dir;
  char        *path;
  GSubprocess *app;
} Fixture;

static char *
run_capture (const char * const *argv,
             int                *status)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  if (status)
    *status = g_subprocess_get_exit_status (process);
  return g_steal_pointer (&out);
}

static void
sleep_a_little (void)
{
  g_usleep (G_USEC_PER_SEC / 10);
}

/* The X window of the app, by the title it shows for the document. */
static char *
wait_for_window (const char *title_part)
{
  gint64 deadline = g_get_monotonic_time () + TIMEOUT_USEC;

  while (g_get_monotonic_time () < deadline)
    {
      const char *argv[] = { "xdotool", "search", "--onlyvisible", "--name", title_part, NULL };
      g_autofree char *out = run_capture (argv, NULL);

      if (out != NULL && *out != '\0')
        {
          char *newline = strchr (out, '\n');

          if (newline)
            *newline = '\0';
          return g_strdup (out);
        }
      sleep_a_little ();
    }
  g_error ("The window “%s” did not appear", title_part);
  return NULL;
}

static void
xdotool (const char *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  int status;
  va_list ap;
  g_autofree char *out = NULL;

  g_ptr_array_add (argv, (gpointer) "xdotool");
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);
  out = run_capture ((const char * const *) argv->pdata, &status);
  g_assert_cmpint (status, ==, 0);
}

static char *
cli_get (Fixture    *f,
         const char *row,
         const char *period)
{
  const char *argv[] = { CLI_PATH, "get", f->path, "capex", row, period, NULL };
  int status;
  char *out = run_capture (argv, &status);

  g_assert_cmpint (status, ==, 0);
  return g_strstrip (out);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BkWorkbook) wb = bk_json_read_sample (&error);
  g_autoptr(BkDocument) doc = NULL;

  g_assert_no_error (error);
  f->dir = g_dir_make_tmp ("test-app-process-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "killme.breakeven", NULL);
  doc = bk_document_create (f->path, wb, FALSE, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  if (f->app != NULL)
    {
      g_subprocess_force_exit (f->app);
      g_subprocess_wait (f->app, NULL, NULL);
      g_clear_object (&f->app);
    }
  g_unlink (f->path);
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static GSubprocessLauncher *
new_launcher (Fixture         *f,
              GSubprocessFlags flags)
{
  GSubprocessLauncher *launcher = g_subprocess_launcher_new (flags);
  g_autofree char *home = g_build_filename (f->dir, "home", NULL);

  g_mkdir_with_parents (home, 0700);
  g_subprocess_launcher_setenv (launcher, "HOME", home, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", home, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", home, TRUE);
  return launcher;
}

static void
start_app (Fixture *f)
{
  g_autoptr(GSubprocessLauncher) launcher = new_launcher (f, G_SUBPROCESS_FLAGS_NONE);
  g_autoptr(GError) error = NULL;

  f->app = g_subprocess_launcher_spawn (launcher, &error, APP_PATH, f->path, NULL);
  g_assert_no_error (error);
}

static void
test_kill_after_edit (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *wid = NULL;
  g_autofree char *before = NULL;
  gint64 deadline;
  g_autoptr(GError) error = NULL;

  before = cli_get (f, "msft", "2023");
  g_assert_cmpstr (before, !=, "123");

  start_app (f);
  wid = wait_for_window ("Breakeven");
  xdotool ("windowfocus", "--sync", wid, NULL);
  /* The sheet has the keyboard on opening, the cursor on msft 2023 */
  xdotool ("type", "--delay", "20", "123", NULL);
  xdotool ("key", "Return", NULL);

  /* Written through at once: the command line reads it while the window
   * stays open */
  deadline = g_get_monotonic_time () + TIMEOUT_USEC;
  while (g_get_monotonic_time () < deadline)
    {
      g_autofree char *now = cli_get (f, "msft", "2023");

      if (g_strcmp0 (now, "123") == 0)
        break;
      sleep_a_little ();
    }
  {
    g_autofree char *now = cli_get (f, "msft", "2023");

    g_assert_cmpstr (now, ==, "123");
  }
  /* still running */
  g_assert_nonnull (g_subprocess_get_identifier (f->app));

  /* Right after the edit: no chance to clean up */
  g_subprocess_send_signal (f->app, SIGKILL);
  g_subprocess_wait (f->app, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (f->app));
  g_assert_cmpint (g_subprocess_get_term_sig (f->app), ==, SIGKILL);
  g_clear_object (&f->app);

  {
    g_autoptr(BkDocument) doc = bk_document_open (f->path, &error);
    g_autofree char *report = NULL;
    BkCell cell;

    g_assert_no_error (error);
    g_assert_true (bk_document_check_integrity (doc, &report, &error));
    g_assert_cmpstr (report, ==, "ok");
    bk_workbook_get_cell (bk_document_get_workbook (doc), 0, BK_TABLE_CAPEX, 0, 0, &cell);
    g_assert_cmpfloat (cell.value, ==, 123);
    /* and the edit is still one undo step away */
    g_assert_true (bk_document_can_undo (doc));
    g_assert_true (bk_document_undo (doc, &error));
    bk_workbook_get_cell (bk_document_get_workbook (doc), 0, BK_TABLE_CAPEX, 0, 0, &cell);
    g_assert_cmpfloat (cell.value, !=, 123);
  }
}

static guint
count_lines_with (const char *text,
                  const char *needle)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], needle) != NULL)
      n++;
  return n;
}

/* build/src/app/breakeven run by hand: no schema installed anywhere it
 * looks.  It opens its window on in-memory settings and says so once. */
static void
test_no_schema (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GSubprocessLauncher) launcher = new_launcher (f, G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autofree char *empty = g_build_filename (f->dir, "no-schemas", NULL);
  g_autofree char *wid = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;

  if (g_file_test ("/usr/share/glib-2.0/schemas/" APPLICATION_ID ".gschema.xml", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("Breakeven's schema is installed on this machine");
      return;
    }
  g_mkdir_with_parents (empty, 0700);
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_SCHEMA_DIR", empty, TRUE);
  /* The system's data folders only, not the build tree's */
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_DIRS", "/usr/share", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "GSETTINGS_BACKEND");
  f->app = g_subprocess_launcher_spawn (launcher, &error, APP_PATH, f->path, NULL);
  g_assert_no_error (error);

  /* The window of the document, not an abort */
  wid = wait_for_window ("Breakeven");
  g_assert_nonnull (g_subprocess_get_identifier (f->app));

  g_subprocess_send_signal (f->app, SIGTERM);
  g_subprocess_communicate_utf8 (f->app, NULL, NULL, NULL, &err, &error);
  g_assert_no_error (error);
  g_clear_object (&f->app);

  g_test_message ("stderr: %s", err);
  g_assert_cmpuint (count_lines_with (err, "settings schema " APPLICATION_ID " is not installed"), ==, 1);
  g_assert_null (strstr (err, "CRITICAL"));
  g_assert_null (strstr (err, "ERROR"));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *xdotool = NULL;

  g_test_init (&argc, &argv, NULL);

  xdotool = g_find_program_in_path ("xdotool");
  if (g_getenv ("DISPLAY") == NULL || xdotool == NULL)
    {
      /* build-aux/test provides Xvfb and xdotool: their absence is a failure */
      g_printerr ("needs an X11 display and xdotool\n");
      return 1;
    }

  g_test_add ("/app-process/kill-after-edit", Fixture, NULL, fixture_setup, test_kill_after_edit, fixture_teardown);
  g_test_add ("/app-process/no-schema", Fixture, NULL, fixture_setup, test_no_schema, fixture_teardown);
  return g_test_run ();
}
