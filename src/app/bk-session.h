/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-session.h — the document a window shows and how documents come and
 * go: opening, new workbooks, drafts, Save As, import, export and the
 * recent documents.  No widgets: the window asks, shows and reports. */
#pragma once

#include <gtk/gtk.h>

#include "bk-document.h"
#include "bk-report.h"
#include "bk-settings.h"

G_BEGIN_DECLS

#define BK_TYPE_SESSION (bk_session_get_type ())

G_DECLARE_FINAL_TYPE (BkSession, bk_session, BK, SESSION, GObject)

/* @settings (may be NULL) remembers the last document and gives the new
 * workbook's granularity; @recent (may be NULL: none) lists the saved
 * documents. */
BkSession  *bk_session_new                 (BkSettings        *settings,
                                            GtkRecentManager  *recent);

/* The document shown ("document", notified when another one comes). */
BkDocument *bk_session_get_document        (BkSession         *self);
/* Shows @document instead: an untouched draft that was shown is deleted,
 * a saved document joins the recent ones and becomes the last document. */
void        bk_session_set_document        (BkSession         *self,
                                            BkDocument        *document);

/* Each of these returns FALSE with an error, and changes nothing, when the
 * file cannot be used.  The new document of the first four is a draft,
 * except for an opened .breakeven file. */
gboolean    bk_session_open_file           (BkSession         *self,
                                            GFile             *file,
                                            GError           **error);
gboolean    bk_session_open_sample         (BkSession         *self,
                                            GError           **error);
/* Six years from last year and one market, built directly. */
gboolean    bk_session_new_workbook        (BkSession         *self,
                                            GError           **error);
gboolean    bk_session_import_json         (BkSession         *self,
                                            const char        *path,
                                            GError           **error);
/* Adds ".breakeven" when @path has no such suffix; a draft saved elsewhere
 * leaves no file behind. */
gboolean    bk_session_save_as             (BkSession         *self,
                                            const char        *path,
                                            GError           **error);
/* Into @table as @scenario sees it: one undoable action. */
gboolean    bk_session_import_csv          (BkSession         *self,
                                            guint              scenario,
                                            BkTable            table,
                                            const char        *path,
                                            GError           **error);
gboolean    bk_session_export_json         (BkSession         *self,
                                            const char        *path,
                                            GError           **error);
gboolean    bk_session_export_csv          (BkSession         *self,
                                            BkTable            table,
                                            const char        *path,
                                            GError           **error);
/* The whole model as @scenario sees it, as XLSX with live formulas
 * (bk_xlsx_export()) */
gboolean    bk_session_export_xlsx         (BkSession         *self,
                                            guint              scenario,
                                            const char        *path,
                                            GError           **error);

/* Drafts: documents never saved by name, kept until saved elsewhere. */
gboolean    bk_session_is_draft            (BkSession         *self);
/* Whether the session shows nothing a person would miss, so another
 * document may take its place: no document, or a draft nobody edited. */
gboolean    bk_session_is_replaceable      (BkSession         *self);
/* The window closes: a draft nobody edited is deleted. */
void        bk_session_close               (BkSession         *self);

/* The recent documents, newest first, as "app.open-recent" items. */
GMenuModel *bk_session_get_recent_menu     (BkSession         *self);

G_END_DECLS
