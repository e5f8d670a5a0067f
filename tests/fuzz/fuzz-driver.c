/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-driver.c — runs a fuzz target over files without libFuzzer, so the
 * seed corpora and every input that once crashed replay as ordinary tests
 * in any build (gcc included).  Arguments are files or folders of files. */
#include "config.h"

#include <stdio.h>

#include "fuzz-common.h"

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static int
run_file (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  guint n_inputs = 0;

  for (int i = 1; i < argc; i++)
    {
      if (g_file_test (argv[i], G_FILE_TEST_IS_DIR))
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(GDir) dir = g_dir_open (argv[i], 0, &error);
          g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
          const char *name;

          if (dir == NULL)
            {
              fprintf (stderr, "%s\n", error->message);
              return 1;
            }
          while ((name = g_dir_read_name (dir)) != NULL)
            g_ptr_array_add (names, g_build_filename (argv[i], name, NULL));
          /* A stable order, so a failure reproduces the same way. */
          g_ptr_array_sort (names, compare_paths);
          for (guint j = 0; j < names->len; j++, n_inputs++)
            if (run_file (names->pdata[j]) != 0)
              return 1;
        }
      else
        {
          if (run_file (argv[i]) != 0)
            return 1;
          n_inputs++;
        }
    }

  if (n_inputs == 0)
    {
      fprintf (stderr, "no input ran: name files or folders of inputs\n");
      return 1;
    }
  printf ("%u inputs ran without a finding\n", n_inputs);
  return 0;
}
