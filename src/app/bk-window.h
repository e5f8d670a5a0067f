/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-window.h — a document window: header bar, pages, charts, KPI strip */
#pragma once

#include <adwaita.h>

#include "bk-document.h"
#include "bk-engine.h"
#include "bk-kpi-strip.h"
#include "bk-session.h"
#include "bk-settings.h"
#include "bk-table-page.h"

G_BEGIN_DECLS

typedef struct _BkApplication BkApplication;

#define BK_TYPE_WINDOW (bk_window_get_type ())

G_DECLARE_FINAL_TYPE (BkWindow, bk_window, BK, WINDOW, AdwApplicationWindow)

BkWindow     *bk_window_new                (BkApplication *app,
                                            BkSettings    *settings);

/* Documents.  Each returns FALSE with an error, and changes nothing in the
 * window, when the file cannot be used. */
gboolean      bk_window_open_file          (BkWindow      *self,
                                            GFile         *file,
                                            GError       **error);
gboolean      bk_window_load_sample        (BkWindow      *self,
                                            GError       **error);
gboolean      bk_window_new_workbook       (BkWindow      *self,
                                            GError       **error);
/* Shows @document (the window takes a reference). */
void          bk_window_set_document       (BkWindow      *self,
                                            BkDocument    *document);
BkDocument   *bk_window_get_document       (BkWindow      *self);
BkEngine     *bk_window_get_engine         (BkWindow      *self);
/* Where the document comes from and goes to. */
BkSession    *bk_window_get_session        (BkWindow      *self);
/* Whether another document may take this window's place: it shows nothing a
 * person would miss (no document, or a draft nobody edited). */
gboolean      bk_window_is_replaceable     (BkWindow      *self);

/* What the file choosers end in; for tests too. */
gboolean      bk_window_save_as_path       (BkWindow      *self,
                                            const char    *path,
                                            GError       **error);
gboolean      bk_window_import_json_path   (BkWindow      *self,
                                            const char    *path,
                                            GError       **error);
gboolean      bk_window_import_csv_path    (BkWindow      *self,
                                            const char    *path,
                                            GError       **error);
gboolean      bk_window_export_json_path   (BkWindow      *self,
                                            const char    *path,
                                            GError       **error);
gboolean      bk_window_export_csv_path    (BkWindow      *self,
                                            const char    *path,
                                            GError       **error);

/* Pages: "capex", "backlog", "tokens", "share", "assumptions", "results", "analysis" */
const char   *bk_window_get_page           (BkWindow      *self);
void          bk_window_set_page           (BkWindow      *self,
                                            const char    *page);
GtkWidget    *bk_window_get_page_widget    (BkWindow      *self,
                                            const char    *page);
/* The sheet of the visible page (the metrics sheet on Results). */
BkSheetView  *bk_window_get_sheet          (BkWindow      *self);
BkKpiStrip   *bk_window_get_kpi_strip      (BkWindow      *self);

/* Charts by key: "capex", "backlog", "tokens", "share", "npv" (beside the
 * assumptions), "cumulative-fcf", "revenue", "roi", "waterfall". */
GObject      *bk_window_get_chart          (BkWindow      *self,
                                            const char    *key);
GtkWidget    *bk_window_get_chart_view     (BkWindow      *self,
                                            const char    *key);

/* Scenarios: "scenario", 0 the base.  A scenario that goes away (deleted,
 * or its creation undone) falls back to the base. */
guint         bk_window_get_scenario       (BkWindow      *self);
void          bk_window_set_scenario       (BkWindow      *self,
                                            guint          scenario);
gboolean      bk_window_add_scenario       (BkWindow      *self,
                                            const char    *name,
                                            GError       **error);
gboolean      bk_window_rename_scenario    (BkWindow      *self,
                                            const char    *name,
                                            GError       **error);
gboolean      bk_window_remove_scenario    (BkWindow      *self,
                                            GError       **error);
/* Removes the current scenario's overrides in the selection. */
gboolean      bk_window_reset_to_base      (BkWindow      *self,
                                            GError       **error);

/* Messages */
void          bk_window_show_toast         (BkWindow      *self,
                                            const char    *title);
void          bk_window_show_error         (BkWindow      *self,
                                            const char    *heading,
                                            const char    *body);
void          bk_window_show_open_error    (BkWindow      *self,
                                            GFile         *file,
                                            const GError  *error);
gboolean      bk_window_get_read_only_banner_visible (BkWindow *self);
/* For tests: the last toast and the last error shown. */
const char   *bk_window_get_last_toast     (BkWindow      *self);
const char   *bk_window_get_last_error     (BkWindow      *self);

G_END_DECLS
