/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-csv.c — CSV import into a real document: any bytes either change the
 * document in one undoable step that the file keeps, or are refused with a
 * message and change nothing.  The first byte picks the table. */
#include "config.h"

#include "bk-csv.h"
#include "bk-json.h"
#include "fuzz-common.h"
#include "fuzz-document.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BkDocument) document = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  BkTable table;

  bk_fuzz_init ();
  if (size < 1)
    return 0;
  table = data[0] % BK_N_TABLES;

  document = bk_fuzz_open_sample_copy ();
  before = bk_json_write_workbook (bk_document_get_workbook (document));

  if (!bk_csv_import_table (document, BK_SCENARIO_BASE, table,
                            (const char *) data + 1, size - 1, &error))
    {
      g_assert (error != NULL && error->message[0] != '\0');
      after = bk_json_write_workbook (bk_document_get_workbook (document));
      bk_fuzz_assert_same_text ("the workbook", before, after);
      bk_fuzz_assert_file_matches (document);
      return 0;
    }

  /* Accepted: the file holds it, and one undo brings the old state back. */
  bk_fuzz_assert_file_matches (document);
  if (bk_document_can_undo (document))
    {
      g_assert_true (bk_document_undo (document, &error));
      g_assert_no_error (error);
      after = bk_json_write_workbook (bk_document_get_workbook (document));
      bk_fuzz_assert_same_text ("the workbook", before, after);
    }
  return 0;
}
