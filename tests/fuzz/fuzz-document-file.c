/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-document-file.c — arbitrary bytes as a .breakeven file: opening it
 * either fails with a message or gives a document on which every read
 * command answers.  Never a crash, never code run from the file. */
#include "config.h"

#include <glib/gstdio.h>

#include "fuzz-common.h"
#include "fuzz-document.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BkDocument) document = NULL;
  g_autofree char *path = g_build_filename (bk_fuzz_scratch_dir (), "file.breakeven", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  bk_fuzz_init ();

  g_unlink (journal);
  g_unlink (wal);
  g_unlink (shm);
  g_file_set_contents (path, (const char *) data, size, &error);
  g_assert_no_error (error);

  document = bk_document_open (path, &error);
  if (document == NULL)
    {
      g_assert (error != NULL && error->message[0] != '\0');
      return 0;
    }

  bk_fuzz_read_everything (document);
  bk_document_close (document);
  return 0;
}
