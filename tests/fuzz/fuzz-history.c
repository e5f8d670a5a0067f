/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-history.c — a crafted undo history.  The sample gets a history of
 * every kind of edit; the input then rewrites fields of its history rows
 * (any SQLite type, any value), and undo and redo run over it.  Each step
 * either applies, leaving a document whose file reads back to what is in
 * memory, or is refused with a message and changes nothing. */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "bk-json.h"
#include "fuzz-common.h"
#include "fuzz-document.h"

static const char *const columns[] = {
  "tbl", "k1", "k2", "k3", "k4", "old_present", "o1", "o2", "o3", "new_present", "n1", "n2", "n3",
};

static void
make_history (BkDocument *document)
{
  g_autoptr(GError) error = NULL;
  const char *cells[] = { "250", "=prev*1.3", "+10%", "" };
  BkWorkbook *workbook = bk_document_get_workbook (document);

  g_assert_true (bk_document_set_cells (document, BK_SCENARIO_BASE, BK_TABLE_CAPEX,
                                        0, 0, 2, 2, cells, NULL, &error));
  g_assert_true (bk_document_set_note (document, BK_TABLE_CAPEX, 0, 0, "a note", &error));
  g_assert_true (bk_document_set_assumption (document, BK_SCENARIO_BASE, -1, BK_ASSUMPTION_PRICE_DECLINE, 0.3, &error));
  g_assert_true (bk_document_set_assumption (document, 1, 0, BK_ASSUMPTION_TAX_RATE, 0.2, &error));
  g_assert_true (bk_document_add_company (document, "fuzzco", "Fuzz Co",
                                          bk_workbook_get_market_id (workbook, 0), G_MAXUINT, &error));
  g_assert_true (bk_document_rename_row (document, FALSE, "fuzzco", "Fuzz Corp", &error));
  g_assert_true (bk_document_add_period (document, FALSE, &error));
  g_assert_true (bk_document_add_scenario (document, "Fuzz", 1, &error));
  g_assert_true (bk_document_set_title (document, "Fuzzed", &error));
  g_assert_true (bk_document_set_distribution (document, BK_ASSUMPTION_PRICE_DECLINE, "0.1 to 0.6", &error));
  g_assert_true (bk_document_remove_row (document, FALSE, "fuzzco", &error));
  g_assert_no_error (error);
}

/* Reads one value of the input: a type byte, then its bytes. */
static void
bind_value (sqlite3_stmt   *stmt,
            int             index,
            const uint8_t **p,
            const uint8_t  *end)
{
  guint8 type = *p < end ? *(*p)++ : 0;
  gsize available = (gsize) (end - *p);
  gsize length = MIN ((gsize) (type >> 3), available);

  switch (type & 7)
    {
    case 0:
      sqlite3_bind_null (stmt, index);
      break;
    case 1:
      {
        gint64 v = 0;
        memcpy (&v, *p, MIN (length, sizeof v));
        sqlite3_bind_int64 (stmt, index, v);
      }
      break;
    case 2:
      {
        double v = 0;
        memcpy (&v, *p, MIN (length, sizeof v));
        sqlite3_bind_double (stmt, index, v);
      }
      break;
    case 3: case 4:
      sqlite3_bind_text (stmt, index, (const char *) *p, (int) length, SQLITE_TRANSIENT);
      break;
    default:
      sqlite3_bind_blob (stmt, index, *p, (int) length, SQLITE_TRANSIENT);
      break;
    }
  *p += length;
}

static void
rewrite_history (const char    *path,
                 const uint8_t *data,
                 size_t         size)
{
  const uint8_t *p = data, *end = data + size;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  while (end - p >= 2)
    {
      g_autofree char *sql = NULL;
      sqlite3_stmt *stmt = NULL;
      guint8 row = *p++;
      guint8 column = *p++;

      if (column == 0xff)
        /* Flip an action between done and undone. */
        sql = g_strdup ("UPDATE actions SET undone = ?1 WHERE id = "
                        "(SELECT id FROM actions ORDER BY id LIMIT 1 "
                        "OFFSET ?2 % (SELECT max(count(*), 1) FROM actions))");
      else
        /* history is WITHOUT ROWID: the n-th row, addressed by its key. */
        sql = g_strdup_printf ("UPDATE history SET %s = ?1 WHERE (action, seq) = "
                               "(SELECT action, seq FROM history ORDER BY action, seq LIMIT 1 "
                               "OFFSET ?2 %% (SELECT max(count(*), 1) FROM history))",
                               columns[column % G_N_ELEMENTS (columns)]);
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      bind_value (stmt, 1, &p, end);
      sqlite3_bind_int (stmt, 2, row);
      /* A NOT NULL or key conflict is simply not written. */
      sqlite3_step (stmt);
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
}

static void
step (BkDocument *document,
      gboolean    undo)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = bk_json_write_workbook (bk_document_get_workbook (document));
  gboolean ok;

  ok = undo ? bk_document_undo (document, &error) : bk_document_redo (document, &error);
  if (!ok)
    {
      g_autofree char *after = bk_json_write_workbook (bk_document_get_workbook (document));

      g_assert (error == NULL || error->message[0] != '\0');
      bk_fuzz_assert_same_text ("the workbook", before, after);
    }
  bk_fuzz_assert_file_matches (document);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BkDocument) document = NULL;
  g_autofree char *path = NULL;
  guint n_undo;

  bk_fuzz_init ();
  if (size < 1)
    return 0;

  document = bk_fuzz_open_sample_copy ();
  make_history (document);
  path = g_strdup (bk_document_get_path (document));
  bk_document_close (document);
  g_clear_object (&document);

  n_undo = 1 + data[0] % 12;
  rewrite_history (path, data + 1, size - 1);

  document = bk_document_open (path, &error);
  if (document == NULL)
    {
      /* A history the document does not trust may refuse the whole file,
       * with a message. */
      g_assert (error != NULL && error->message[0] != '\0');
      return 0;
    }

  for (guint i = 0; i < n_undo; i++)
    step (document, TRUE);
  for (guint i = 0; i < n_undo; i++)
    step (document, FALSE);
  bk_document_close (document);
  return 0;
}
