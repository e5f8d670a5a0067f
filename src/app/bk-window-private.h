/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-window-private.h — the window's struct, shared by bk-window.c,
 * bk-window-actions.c, bk-window-dnd.c and bk-window-report.c */
#pragma once

#include "bk-analysis-page.h"
#include "bk-simulation-panel.h"
#include "bk-assumptions-table-model.h"
#include "bk-chart-board.h"
#include "bk-input-table-model.h"
#include "bk-results-page.h"
#include "bk-session.h"
#include "bk-window.h"

G_BEGIN_DECLS

/* The pages, in order: the four tables (in BkTable order), then these */
#define PAGE_ASSUMPTIONS BK_N_TABLES
#define PAGE_RESULTS     (BK_N_TABLES + 1)
#define PAGE_ANALYSIS    (BK_N_TABLES + 2)
#define N_PAGES          (BK_N_TABLES + 3)

struct _BkWindow
{
  AdwApplicationWindow      parent_instance;

  /* template */
  AdwHeaderBar             *header_bar;
  AdwWindowTitle           *window_title;
  GtkWidget                *scenario_button;
  GtkWidget                *undo_button;
  GtkWidget                *redo_button;
  GtkLabel                 *scenario_label;
  GtkRevealer              *read_only_revealer;
  AdwViewStack             *stack;
  AdwToastOverlay          *toast_overlay;
  BkKpiStrip               *kpi_strip;
  GMenu                    *recent_menu;
  GMenu                    *scenario_section;
  GMenuModel               *sheet_menu;

  BkSettings               *settings;
  BkSession                *session;
  BkEngine                 *engine;      /* follows the session's document */
  guint                     scenario;    /* the one owner; bound to the engine and the input models */

  /* Following the document's workbook, the engine and the visible sheet */
  GSignalGroup             *workbook_signals;
  GSignalGroup             *document_signals;
  GBindingGroup            *engine_bindings;
  GSignalGroup             *sheet_signals;

  BkTablePage              *table_pages[BK_N_TABLES];
  BkInputTableModel        *table_models[BK_N_TABLES];
  BkTablePage              *assumptions_page;
  BkAssumptionsTableModel  *assumptions_model;
  BkResultsPage            *results_page;
  BkAnalysisPage           *analysis_page;
  BkSimulationPanel        *simulation_panel;
  BkChartBoard             *boards[N_PAGES];  /* NULL for the analysis page, whose charts are its own */

  char                     *last_toast;
  char                     *last_error;

  /* The report being prepared for Export → Report or Print… (its
   * analyses run in a worker thread), or NULL; cancelled on dispose */
  GCancellable             *report_cancellable;
};

/* bk-window-actions.c */
void          bk_window_class_init_actions (BkWindowClass *klass);
void          bk_window_update_actions     (BkWindow      *self);
/* Undo and Redo: enabled, and what they would do.  One place, so that it
 * can follow the document's history properties later. */
void          bk_window_update_history     (BkWindow      *self);

/* bk-window-dnd.c */
void          bk_window_init_dnd           (BkWindow      *self);

/* bk-window-report.c: stops preparing a report (the window closes) */
void          bk_window_cancel_report      (BkWindow      *self);

/* bk-window.c */
int           bk_window_get_current_table  (BkWindow      *self);
BkChartBoard *bk_window_get_current_board  (BkWindow      *self);
void          bk_window_rebuild_scenarios  (BkWindow      *self);
void          bk_window_report_error       (BkWindow      *self,
                                            const char    *heading,
                                            const GError  *error);
/* "Exported “NAME”" for the file at @path */
void          bk_window_toast_exported     (BkWindow      *self,
                                            const char    *path);
/* A toast with an Undo button */
void          bk_window_show_undo_toast    (BkWindow      *self,
                                            const char    *title);

G_END_DECLS
