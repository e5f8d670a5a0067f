/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-window-private.h — shared by bk-window.c and bk-window-actions.c */
#pragma once

#include "bk-assumptions-table-model.h"
#include "bk-chart-builder.h"
#include "bk-input-table-model.h"
#include "bk-results-page.h"
#include "bk-window.h"

G_BEGIN_DECLS

typedef enum
{
  CHART_CAPEX,
  CHART_BACKLOG,
  CHART_TOKENS,
  CHART_SHARE,
  CHART_ASSUMPTIONS,
  CHART_CUMULATIVE_FCF,
  CHART_REVENUE,
  CHART_ROI,
  CHART_WATERFALL,
  N_CHARTS
} ChartSlot;

typedef struct
{
  const char  *key;
  BkChartSpec  spec;
  BkChart     *chart;
  GtkWidget   *view;
  GtkWidget   *frame;
} LiveChart;

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
  GMenu                    *recent_section;
  GMenu                    *scenario_section;
  GMenuModel               *sheet_menu;

  BkSettings               *settings;
  BkDocument               *document;
  BkEngine                 *engine;
  gulong                    changed_id;
  gulong                    invalidated_id;
  guint                     scenario;

  BkTablePage              *table_pages[BK_N_TABLES];
  BkInputTableModel        *table_models[BK_N_TABLES];
  BkTablePage              *assumptions_page;
  BkAssumptionsTableModel  *assumptions_model;
  BkResultsPage            *results_page;

  LiveChart                 charts[N_CHARTS];
  gboolean                  show_npv;
  guint                     charts_tick_id;

  GtkRecentManager         *recent;
  gulong                    recent_changed_id;

  char                     *last_toast;
  char                     *last_error;
};

/* bk-window-actions.c */
void       bk_window_class_init_actions (BkWindowClass *klass);
void       bk_window_update_actions     (BkWindow      *self);

/* bk-window.c */
int        bk_window_get_current_table  (BkWindow      *self);
void       bk_window_queue_charts       (BkWindow      *self);
void       bk_window_rebuild_scenarios  (BkWindow      *self);
void       bk_window_report_error       (BkWindow      *self,
                                         const char    *heading,
                                         const GError  *error);
LiveChart *bk_window_find_chart         (BkWindow      *self,
                                         const char    *key);

G_END_DECLS
