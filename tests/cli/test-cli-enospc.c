/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-enospc.c — breakeven-cli on a disk that fills up
 *
 * Runs each writing command under the ENOSPC shim (bk-test-enospc.c,
 * loaded with LD_PRELOAD) with the disk full after N more bytes, for N
 * from nothing up to the first N at which the command succeeds.  Every
 * run that does not succeed exits 1 saying the disk is full, leaves the
 * document byte for byte as it was (and sound: it opens and passes
 * `PRAGMA integrity_check`), creates no file it was asked for, and
 * leaves nothing behind: no journal, no temporary file. */

#include <glib/gstdio.h>
#include <string.h>

#include "bk-document.h"
#include "bk-json.h"
#include "bk-test-files.h"

static char *tmp_dir;
static char *doc_path;
static char *csv_path;
static char *out_path;
static GBytes *original;

/* One command to run; "DOC", "CSV" and "OUT" stand for the paths */
typedef struct
{
  const char *what;
  const char *argv[9];
  const char *creates;  /* "OUT" when the command makes a new file */
} Command;

static const Command commands[] = {
  { "set", { "set", "DOC", "capex", "msft", "2024", "777", NULL }, NULL },
  { "set --scenario", { "set", "DOC", "capex", "meta", "2025", "12", "--scenario", "FOMO CapEx", NULL }, NULL },
  { "scenario set", { "scenario", "set", "DOC", "Base", "capex_per_mw", "41", NULL }, NULL },
  { "scenario add", { "scenario", "add", "DOC", "Crunch", "--from", "FOMO CapEx", NULL }, NULL },
  { "import-csv", { "import-csv", "DOC", "capex", "CSV", NULL }, NULL },
  { "undo", { "undo", "DOC", NULL }, NULL },
  { "new --force", { "new", "--sample", "--force", "DOC", NULL }, NULL },
  { "new", { "new", "--sample", "OUT", NULL }, "OUT" },
  { "export-json -o", { "export-json", "DOC", "-o", "OUT", NULL }, "OUT" },
  { "export-xlsx -o", { "export-xlsx", "DOC", "-o", "OUT", NULL }, "OUT" },
  { "chart -o", { "chart", "DOC", "--kind", "npv", "-o", "OUT", "--format", "png", NULL }, "OUT" },
};

static GStrv
command_line (const Command *command)
{
  g_autoptr(GStrvBuilder) argv = g_strv_builder_new ();

  g_strv_builder_add (argv, CLI_PATH);
  for (guint i = 0; command->argv[i] != NULL; i++)
    {
      const char *arg = command->argv[i];

      g_strv_builder_add (argv, g_str_equal (arg, "DOC") ? doc_path :
                                g_str_equal (arg, "CSV") ? csv_path :
                                g_str_equal (arg, "OUT") ? out_path : arg);
    }
  return g_strv_builder_end (argv);
}

/* Runs @command with the disk full after @bytes more bytes; its exit
 * status, and its standard error in @err */
static int
run_full (const Command  *command,
          long long       bytes,
          char          **err)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) argv = command_line (command);
  g_autofree char *after = g_strdup_printf ("%lld", bytes);
  g_autofree char *asan = bk_test_preload_asan_options ();

  g_subprocess_launcher_setenv (launcher, "LD_PRELOAD", ENOSPC_SHIM, TRUE);
  g_subprocess_launcher_setenv (launcher, "BK_ENOSPC_AFTER", after, TRUE);
  g_subprocess_launcher_setenv (launcher, "ASAN_OPTIONS", asan, TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  return g_subprocess_get_exit_status (process);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The names in the temporary folder, sorted, joined by spaces */
static char *
dir_listing (void)
{
  g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, (gpointer) name);
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static void
put_back_document (void)
{
  g_autoptr(GError) error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (original, &size);

  g_file_set_contents (doc_path, data, (gssize) size, &error);
  g_assert_no_error (error);
  g_unlink (out_path);
}

static void
assert_document_intact (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GMappedFile) now = g_mapped_file_new (doc_path, FALSE, &error);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(BkDocument) doc = NULL;
  g_autofree char *report = NULL;

  g_assert_no_error (error);
  bytes = g_mapped_file_get_bytes (now);
  g_assert_true (g_bytes_equal (bytes, original));
  doc = bk_document_open_read_only (doc_path, &error);
  g_assert_no_error (error);
  g_assert_true (bk_document_check_integrity (doc, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (report, ==, "ok");
}

static void
test_command (gconstpointer data)
{
  const Command *command = data;
  g_autofree char *listing = NULL;
  guint failures = 0;
  long long bytes;

  put_back_document ();
  listing = dir_listing ();
  /* up to 1 KiB in small steps, then a tenth more each time */
  for (bytes = 0; bytes < 16 * 1024 * 1024; bytes += bytes < 1024 ? 97 : 97 + bytes / 10)
    {
      g_autofree char *err = NULL;
      g_autofree char *after = NULL;
      int status = run_full (command, bytes, &err);

      if (status == 0)
        break;
      failures++;
      if (status != 1 || strstr (err, "disk is full") == NULL)
        g_error ("%s with %lld bytes free: exit %d, “%s”", command->what, bytes, status, err);
      assert_document_intact ();
      after = dir_listing ();
      g_assert_cmpstr (after, ==, listing);
    }
  g_test_message ("%s: %u runs failed on a full disk, the first success with %lld bytes free",
                  command->what, failures, bytes);
  g_assert_cmpuint (failures, >, 0);
  g_assert_cmpint (bytes, <, 16 * 1024 * 1024);
  if (command->creates != NULL)
    g_assert_true (g_file_test (out_path, G_FILE_TEST_IS_REGULAR));
  else
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GMappedFile) now = g_mapped_file_new (doc_path, FALSE, &error);
      g_autoptr(GBytes) bytes_now = NULL;

      g_assert_no_error (error);
      bytes_now = g_mapped_file_get_bytes (now);
      g_assert_false (g_bytes_equal (bytes_now, original));
    }
}

/* The document every command starts from: the sample with one edit, so
 * that there is a step to undo, and a CSV of changed capex */
static void
make_original (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BkWorkbook) sample = bk_json_read_sample (&error);
  g_autoptr(GMappedFile) file = NULL;
  const char *csv = "id,name,2023,2024\nmsft,Microsoft,29.5,45.5\ngoogl,Alphabet,33,53\n";

  g_assert_no_error (error);
  {
    g_autoptr(BkDocument) doc = bk_document_create (doc_path, sample, FALSE, &error);
    const char *texts[] = { "123" };

    g_assert_no_error (error);
    g_assert_true (bk_document_set_cells (doc, 0, BK_TABLE_CAPEX, 0, 0, 1, 1, texts, NULL, &error));
    g_assert_no_error (error);
  }
  file = g_mapped_file_new (doc_path, FALSE, &error);
  g_assert_no_error (error);
  original = g_mapped_file_get_bytes (file);
  g_file_set_contents (csv_path, csv, -1, &error);
  g_assert_no_error (error);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("test-cli-enospc-XXXXXX", &error);
  g_assert_no_error (error);
  doc_path = g_build_filename (tmp_dir, "full.breakeven", NULL);
  csv_path = g_build_filename (tmp_dir, "capex.csv", NULL);
  out_path = g_build_filename (tmp_dir, "out", NULL);
  make_original ();

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *name = g_strdup_printf ("/cli/enospc/%s", commands[i].what);

      g_strdelimit (name, " ", '-');
      /* "set --scenario" → "set-scenario" */
      for (char *dashes; (dashes = strstr (name, "--")) != NULL;)
        memmove (dashes, dashes + 1, strlen (dashes));
      g_test_add_data_func (name, &commands[i], test_command);
    }
  ret = g_test_run ();

  g_unlink (doc_path);
  g_unlink (csv_path);
  g_unlink (out_path);
  g_rmdir (tmp_dir);
  g_bytes_unref (original);
  g_free (doc_path);
  g_free (csv_path);
  g_free (out_path);
  g_free (tmp_dir);
  return ret;
}
