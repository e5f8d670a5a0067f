/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-document-common.c — documents for the fuzz targets that need one */
#include "config.h"

#include <glib/gstdio.h>

#include "bk-csv.h"
#include "bk-engine.h"
#include "bk-json.h"
#include "fuzz-common.h"
#include "fuzz-document.h"

BkDocument *
bk_fuzz_open_sample_copy (void)
{
  static char *template_path;
  static char *template_data;
  static gsize template_length;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (bk_fuzz_scratch_dir (), "input.breakeven", NULL);
  BkDocument *document;

  if (template_path == NULL)
    {
      g_autoptr(BkWorkbook) sample = bk_json_read_sample (&error);
      g_autoptr(BkDocument) made = NULL;

      g_assert_no_error (error);
      template_path = g_build_filename (bk_fuzz_scratch_dir (), "sample.breakeven", NULL);
      made = bk_document_create (template_path, sample, TRUE, &error);
      g_assert_no_error (error);
      bk_document_close (made);
      g_file_get_contents (template_path, &template_data, &template_length, &error);
      g_assert_no_error (error);
    }

  g_unlink (path);
  g_file_set_contents (path, template_data, template_length, &error);
  g_assert_no_error (error);
  document = bk_document_open (path, &error);
  g_assert_no_error (error);
  return document;
}

void
bk_fuzz_assert_file_matches (BkDocument *document)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BkDocument) reopened = bk_document_open (bk_document_get_path (document), &error);
  g_autofree char *in_memory = NULL;
  g_autofree char *on_disk = NULL;

  g_assert_no_error (error);
  in_memory = bk_json_write_workbook (bk_document_get_workbook (document));
  on_disk = bk_json_write_workbook (bk_document_get_workbook (reopened));
  bk_fuzz_assert_same_text ("the reopened file", in_memory, on_disk);
  bk_document_close (reopened);
}

void
bk_fuzz_read_everything (BkDocument *document)
{
  BkWorkbook *workbook = bk_document_get_workbook (document);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autofree char *report = NULL;
  g_autofree char *json = NULL;
  g_autofree char *undo_label = NULL;
  g_autofree char *redo_label = NULL;

  if (bk_document_check_integrity (document, &report, &error))
    g_assert (report != NULL);
  g_clear_error (&error);

  for (guint s = 0; s < bk_workbook_get_n_scenarios (workbook); s++)
    {
      g_autoptr(BkResults) results = bk_engine_compute (workbook, s);
      g_autofree char *results_json = bk_json_write_results (workbook, results);

      g_assert (results_json != NULL);
    }

  json = bk_json_write_workbook (workbook);
  g_assert (json != NULL);
  for (guint t = 0; t < BK_N_TABLES; t++)
    {
      g_autofree char *csv = bk_csv_write_table (workbook, t);
      g_assert (csv != NULL);
    }

  warnings = bk_workbook_get_warnings (workbook);
  g_assert (warnings != NULL);
  undo_label = bk_document_dup_undo_label (document);
  redo_label = bk_document_dup_redo_label (document);
}
