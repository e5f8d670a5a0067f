/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-test-files.c — the command-line tests' temporary files: removing a
 * test's folder with everything in it; and the environment of a run
 * under an LD_PRELOAD shim */

#include <glib/gstdio.h>

#include "bk-test-files.h"

void
bk_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_return_if_fail (path != NULL);

  if (g_file_test (path, G_FILE_TEST_IS_SYMLINK) || !g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_unlink (path);
      return;
    }

  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      bk_test_remove_tree (child);
    }
  g_rmdir (path);
}

char *
bk_test_preload_asan_options (void)
{
  const char *options = g_getenv ("ASAN_OPTIONS");

  if (options == NULL || *options == '\0')
    return g_strdup ("verify_asan_link_order=0");
  return g_strconcat (options, ":verify_asan_link_order=0", NULL);
}
