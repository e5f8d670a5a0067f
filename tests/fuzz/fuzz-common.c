/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-common.c — set-up shared by the fuzz targets */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>

#include "fuzz-common.h"

static char *scratch_dir;

static GLogWriterOutput
quiet_writer (GLogLevelFlags   level,
              const GLogField *fields,
              gsize            n_fields,
              gpointer         user_data)
{
  /* Criticals and errors are bugs: let them abort so the fuzzer sees them. */
  if (level & (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_ERROR))
    return g_log_writer_standard_streams (level, fields, n_fields, user_data);
  return G_LOG_WRITER_HANDLED;
}

static void
remove_scratch_dir (void)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (scratch_dir == NULL)
    return;
  dir = g_dir_open (scratch_dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (scratch_dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (scratch_dir);
}

void
bk_fuzz_init (void)
{
  static gboolean done;

  if (done)
    return;
  done = TRUE;

  setlocale (LC_ALL, "C.UTF-8");
  g_log_set_writer_func (quiet_writer, NULL, NULL);
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_ERROR);
}

const char *
bk_fuzz_scratch_dir (void)
{
  if (scratch_dir == NULL)
    {
      const char *base = g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) ? "/dev/shm" : g_get_tmp_dir ();
      g_autofree char *template = g_build_filename (base, "bk-fuzz-XXXXXX", NULL);

      scratch_dir = g_mkdtemp (template);
      g_assert (scratch_dir != NULL);
      template = NULL;
      atexit (remove_scratch_dir);
    }
  return scratch_dir;
}

void
bk_fuzz_assert_same_text_impl (const char *where,
                               const char *what,
                               const char *expected,
                               const char *actual)
{
  gsize i = 0;

  g_assert (expected != NULL && actual != NULL);
  while (expected[i] != '\0' && expected[i] == actual[i])
    i++;
  if (expected[i] == actual[i])
    return;

  {
    gsize from = i > 60 ? i - 60 : 0;
    g_autofree char *want = g_strndup (expected + from, 120);
    g_autofree char *got = g_strndup (actual + from, 120);

    g_error ("%s: %s differs at byte %" G_GSIZE_FORMAT ":\n  expected …%s…\n  actual   …%s…",
             where, what, i, want, got);
  }
}

char *
bk_fuzz_strndup (const uint8_t *data,
                 size_t         size)
{
  char *copy = g_malloc (size + 1);

  memcpy (copy, data, size);
  copy[size] = '\0';
  return copy;
}
