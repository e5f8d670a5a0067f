/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-tsv.c — pasted text: whatever a clipboard holds splits into a block
 * that writes back to text which splits into the same block, and tiles
 * over any selection.  The first two bytes size the selection; the third
 * picks TSV or CSV. */
#include "config.h"

#include "bk-delimited.h"
#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autofree const char **block = NULL;
  g_autofree const char **block_again = NULL;
  g_autofree const char **tiled = NULL;
  g_autofree char *text = NULL;
  BkDelimitedFormat format;
  guint n_rows, n_columns, rows_again, columns_again;
  guint sel_rows, sel_columns, out_rows, out_columns;

  bk_fuzz_init ();
  if (size < 3)
    return 0;
  sel_rows = 1 + data[0] % 16;
  sel_columns = 1 + data[1] % 16;
  format = (data[2] & 1) ? BK_DELIMITED_CSV : BK_DELIMITED_TSV;
  data += 3;
  size -= 3;

  records = bk_delimited_parse (format, (const char *) data, (gssize) size, &error);
  if (records == NULL)
    {
      g_assert (format == BK_DELIMITED_CSV);
      g_assert (error != NULL && error->message[0] != '\0');
      return 0;
    }
  g_assert_no_error (error);

  block = bk_delimited_to_block (records, &n_rows, &n_columns);
  if (block == NULL)
    {
      g_assert_cmpuint (n_rows, ==, 0);
      return 0;
    }

  /* What is copied out pastes back as the same cells. */
  text = bk_delimited_write (format, block, n_rows, n_columns);
  again = bk_delimited_parse (format, text, -1, &error);
  g_assert_no_error (error);
  block_again = bk_delimited_to_block (again, &rows_again, &columns_again);
  g_assert_cmpuint (rows_again, ==, n_rows);
  g_assert_cmpuint (columns_again, ==, n_columns);
  for (guint i = 0; i < n_rows * n_columns; i++)
    bk_fuzz_assert_same_text ("a cell written back",
                              block[i] ? block[i] : "", block_again[i] ? block_again[i] : "");

  /* Tiling over a selection stays inside the block and the selection. */
  bk_delimited_paste_size (n_rows, n_columns, sel_rows, sel_columns, 64, 64,
                           &out_rows, &out_columns);
  g_assert_cmpuint (out_rows, <=, MAX (n_rows, sel_rows));
  g_assert_cmpuint (out_columns, <=, MAX (n_columns, sel_columns));
  if (out_rows > 0 && out_columns > 0)
    {
      tiled = bk_delimited_tile (block, n_rows, n_columns, out_rows, out_columns);
      for (guint r = 0; r < out_rows; r++)
        for (guint c = 0; c < out_columns; c++)
          g_assert (tiled[r * out_columns + c] == block[(r % n_rows) * n_columns + c % n_columns]);
    }

  return 0;
}
