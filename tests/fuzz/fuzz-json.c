/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-json.c — workbook JSON import: any bytes either give a workbook that
 * writes back to JSON which reads again to the same JSON, or an error. */
#include "config.h"

#include "bk-engine.h"
#include "bk-json.h"
#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BkWorkbook) workbook = NULL;
  g_autoptr(BkWorkbook) again = NULL;
  g_autoptr(BkResults) results = NULL;
  g_autofree char *json = NULL;
  g_autofree char *json_again = NULL;

  bk_fuzz_init ();

  workbook = bk_json_read_workbook ((const char *) data, size, &error);
  if (workbook == NULL)
    {
      g_assert (error != NULL && error->message[0] != '\0');
      return 0;
    }

  /* Every scenario of an accepted workbook computes. */
  for (guint s = 0; s < bk_workbook_get_n_scenarios (workbook); s++)
    {
      g_clear_pointer (&results, bk_results_unref);
      results = bk_engine_compute (workbook, s);
      g_assert (results != NULL);
    }

  json = bk_json_write_workbook (workbook);
  again = bk_json_read_workbook (json, -1, &error);
  g_assert_no_error (error);
  json_again = bk_json_write_workbook (again);
  bk_fuzz_assert_same_text ("the JSON written back", json, json_again);
  return 0;
}
