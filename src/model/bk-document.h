/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-document.h — a workbook kept in a SQLite file (FORMATS.md section 1).
 *
 * Every change is one call here, one SQLite transaction with its undo
 * record, and one BkWorkbook::changed emission.  Nothing is held open
 * between calls, so other programs can read the file while it is open. */
#pragma once

#include <gio/gio.h>

#include "bk-input.h"
#include "bk-workbook.h"

G_BEGIN_DECLS

/* PRAGMA application_id of every Breakeven document: "BRKV" */
#define BK_DOCUMENT_APPLICATION_ID 0x42524B56
/* PRAGMA user_version this program writes */
#define BK_DOCUMENT_SCHEMA_VERSION 2

#define BK_TYPE_DOCUMENT (bk_document_get_type ())

G_DECLARE_FINAL_TYPE (BkDocument, bk_document, BK, DOCUMENT, GObject)

/* Opens an existing document.  A read-only file opens read-only; an older
 * schema is migrated; a foreign, newer or damaged file is refused. */
BkDocument  *bk_document_open              (const char    *path,
                                            GError       **error);
/* Opens an existing document only to read it: the same checks, from a
 * private copy of the file, so that nothing (a migration, a journal, a
 * planted -wal file) ever changes the file.  The document is read-only. */
BkDocument  *bk_document_open_read_only    (const char    *path,
                                            GError       **error);
/* Whether bk_document_open() would open @path for writing. */
gboolean     bk_document_file_is_writable  (const char    *path);
/* Creates @path from @workbook (NULL: an empty yearly workbook).  Refuses an
 * existing file unless @overwrite.  The new document has no history. */
BkDocument  *bk_document_create            (const char    *path,
                                            BkWorkbook    *workbook,
                                            gboolean       overwrite,
                                            GError       **error);
/* A new, never saved document (@workbook, or NULL: an empty yearly
 * workbook) in a new, uniquely named file in @drafts_dir, which is created
 * (mode 0700) when missing.  The file carries the draft mark, so the
 * document is still a draft when it is opened again. */
BkDocument  *bk_document_new_draft         (const char    *drafts_dir,
                                            BkWorkbook    *workbook,
                                            GError       **error);
/* Copies the document to @path with SQLite's backup API and continues on
 * the copy.  A draft's copy is not a draft, and the draft's file is
 * removed. */
gboolean     bk_document_save_as           (BkDocument    *self,
                                            const char    *path,
                                            GError       **error);
/* Closes the file; the object can still be read but not changed. */
void         bk_document_close             (BkDocument    *self);

BkWorkbook  *bk_document_get_workbook      (BkDocument    *self);
const char  *bk_document_get_path          (BkDocument    *self);
gboolean     bk_document_is_read_only      (BkDocument    *self);
/* TRUE when the file carries the draft mark (bk_document_new_draft()) */
gboolean     bk_document_is_draft          (BkDocument    *self);
/* Schema version found in the file before any migration. */
int          bk_document_get_opened_version (BkDocument   *self);

/* Sets a block of cells from typed text (row-major, n_rows × n_periods; ""
 * clears).  Every text goes through the cell input parser; if any is
 * rejected nothing changes and the error names the cell.  In a scenario
 * other than the base the texts become that scenario's overrides. */
gboolean     bk_document_set_cells         (BkDocument    *self,
                                            guint          scenario,
                                            BkTable        table,
                                            guint          row,
                                            guint          period,
                                            guint          n_rows,
                                            guint          n_periods,
                                            const char * const *texts,
                                            const BkNumberLocale *locale,
                                            GError       **error);
/* Removes a scenario's overrides in a block ("Reset to Base"). */
gboolean     bk_document_reset_cells       (BkDocument    *self,
                                            guint          scenario,
                                            BkTable        table,
                                            guint          row,
                                            guint          period,
                                            guint          n_rows,
                                            guint          n_periods,
                                            GError       **error);
/* NULL or "" removes the note. */
gboolean     bk_document_set_note          (BkDocument    *self,
                                            BkTable        table,
                                            guint          row,
                                            guint          period,
                                            const char    *text,
                                            GError       **error);
/* @company -1 is the workbook level; @value NAN removes the layer's value. */
gboolean     bk_document_set_assumption    (BkDocument    *self,
                                            guint          scenario,
                                            int            company,
                                            BkAssumption   assumption,
                                            double         value,
                                            GError       **error);
/* Sets @n assumption layers in one action (one undo step): entry i sets
 * @assumptions[i] for @companies[i] (-1: the workbook level) to @values[i]
 * (NAN removes it).  All or nothing. */
gboolean     bk_document_set_assumptions   (BkDocument    *self,
                                            guint          scenario,
                                            guint          n,
                                            const int     *companies,
                                            const BkAssumption *assumptions,
                                            const double  *values,
                                            GError       **error);
/* Sets the uncertainty of driver @assumption (workbook-level) from @spec as
 * a person types it ("0.1 to 0.6", "N(0.5, 0.1)", "U(0.1, 0.6)", in the
 * current locale, see bk_distribution_parse()); NULL, "" or "none" removes
 * it.  One undo step; a bad spec is refused with the parser's reason and
 * nothing changes.  The file keeps the spec in the C locale. */
gboolean     bk_document_set_distribution  (BkDocument    *self,
                                            BkAssumption   assumption,
                                            const char    *spec,
                                            GError       **error);
gboolean     bk_document_set_title         (BkDocument    *self,
                                            const char    *title,
                                            GError       **error);

/* Rows.  @kind_is_market selects markets, else companies.  Positions are
 * 0-based; G_MAXUINT appends. */
gboolean     bk_document_add_company       (BkDocument    *self,
                                            const char    *id,
                                            const char    *name,
                                            const char    *market,
                                            guint          position,
                                            GError       **error);
gboolean     bk_document_add_market        (BkDocument    *self,
                                            const char    *id,
                                            const char    *name,
                                            guint          position,
                                            GError       **error);
gboolean     bk_document_rename_row        (BkDocument    *self,
                                            gboolean       market,
                                            const char    *id,
                                            const char    *name,
                                            GError       **error);
gboolean     bk_document_set_company_market (BkDocument   *self,
                                            const char    *id,
                                            const char    *market,
                                            GError       **error);
gboolean     bk_document_move_row          (BkDocument    *self,
                                            gboolean       market,
                                            const char    *id,
                                            guint          position,
                                            GError       **error);
gboolean     bk_document_remove_row        (BkDocument    *self,
                                            gboolean       market,
                                            const char    *id,
                                            GError       **error);

/* Periods at either end. */
gboolean     bk_document_add_period        (BkDocument    *self,
                                            gboolean       at_start,
                                            GError       **error);
gboolean     bk_document_remove_period     (BkDocument    *self,
                                            gboolean       at_start,
                                            GError       **error);

/* Scenarios: a new one copies @copy_from's assumptions and overrides
 * (BK_SCENARIO_BASE: a scenario with no overrides). */
gboolean     bk_document_add_scenario      (BkDocument    *self,
                                            const char    *name,
                                            guint          copy_from,
                                            GError       **error);
gboolean     bk_document_rename_scenario   (BkDocument    *self,
                                            guint          scenario,
                                            const char    *name,
                                            GError       **error);
gboolean     bk_document_remove_scenario   (BkDocument    *self,
                                            guint          scenario,
                                            GError       **error);

/* History, stored in the document.  The same as the properties can-undo,
 * can-redo, undo-label and redo-label, which notify when they change (after
 * a command, undo, redo, Save As, opening or closing). */
gboolean     bk_document_can_undo          (BkDocument    *self);
gboolean     bk_document_can_redo          (BkDocument    *self);
/* Label of the action undo/redo would revert/repeat, or NULL. */
char        *bk_document_dup_undo_label    (BkDocument    *self);
char        *bk_document_dup_redo_label    (BkDocument    *self);
gboolean     bk_document_undo              (BkDocument    *self,
                                            GError       **error);
gboolean     bk_document_redo              (BkDocument    *self,
                                            GError       **error);

/* PRAGMA integrity_check; the rows it returned, "ok" when healthy. */
gboolean     bk_document_check_integrity   (BkDocument    *self,
                                            char         **report,
                                            GError       **error);

G_END_DECLS
