/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-simulation-panel.h — the Monte Carlo panel: Simulate, progress and
 * Cancel, the NPV summary, the histogram and the cumulative FCF fan */

#pragma once

#include <gtk/gtk.h>

#include "bk-engine.h"
#include "bk-simulation.h"

G_BEGIN_DECLS

/* The trials a new panel runs */
#define BK_SIMULATION_PANEL_DEFAULT_TRIALS 10000
/* The most the trials field takes */
#define BK_SIMULATION_PANEL_MAX_TRIALS     1000000
/* The largest seed the seed field takes */
#define BK_SIMULATION_PANEL_MAX_SEED       G_MAXUINT32

/* The figures of the summary, in the order shown */
typedef enum
{
  BK_SIMULATION_FIGURE_MEAN,
  BK_SIMULATION_FIGURE_SD,
  BK_SIMULATION_FIGURE_P5,
  BK_SIMULATION_FIGURE_P50,
  BK_SIMULATION_FIGURE_P95,
  BK_SIMULATION_FIGURE_PROB_POSITIVE,
  BK_SIMULATION_N_FIGURES
} BkSimulationFigure;

#define BK_TYPE_SIMULATION_PANEL (bk_simulation_panel_get_type ())
G_DECLARE_FINAL_TYPE (BkSimulationPanel, bk_simulation_panel, BK, SIMULATION_PANEL, GtkBox)

BkSimulationPanel  *bk_simulation_panel_new             (void);

/* What the panel simulates: the engine's workbook in the engine's
 * scenario, with the uncertainties the workbook keeps.  While a run is in
 * progress every change of the inputs (cells, assumptions, scenario,
 * uncertainties) restarts it on a fresh snapshot; a finished result is
 * marked stale (:stale) until the next run.  NULL stops a run. */
BkEngine           *bk_simulation_panel_get_engine      (BkSimulationPanel *self);
void                bk_simulation_panel_set_engine      (BkSimulationPanel *self,
                                                         BkEngine          *engine);
/* The company simulated (-1: the total, the default), also chosen in the
 * panel's dropdown */
int                 bk_simulation_panel_get_company     (BkSimulationPanel *self);
void                bk_simulation_panel_set_company     (BkSimulationPanel *self,
                                                         int                company);
/* The trials of the next run (the panel's field; default 10,000) */
guint               bk_simulation_panel_get_trials      (BkSimulationPanel *self);
void                bk_simulation_panel_set_trials      (BkSimulationPanel *self,
                                                         guint              trials);
/* The seed of every run: the panel's field (default 0, as
 * breakeven-cli simulate; at most BK_SIMULATION_PANEL_MAX_SEED) */
guint64             bk_simulation_panel_get_seed        (BkSimulationPanel *self);
void                bk_simulation_panel_set_seed        (BkSimulationPanel *self,
                                                         guint64            seed);

/* What the Simulate and Cancel buttons do.  Simulate does nothing
 * without an engine or an uncertain driver. */
void                bk_simulation_panel_simulate        (BkSimulationPanel *self);
void                bk_simulation_panel_cancel          (BkSimulationPanel *self);

/* The run behind the panel (its :running, :progress, :result and
 * ::finished) */
BkSimulation       *bk_simulation_panel_get_simulation  (BkSimulationPanel *self);
/* TRUE when the result shown was computed from inputs that have changed */
gboolean            bk_simulation_panel_get_stale       (BkSimulationPanel *self);

/* For tests: the text a summary figure shows ("—" without a result), and
 * the panel's parts by name: "simulate", "cancel" (buttons), "trials",
 * "seed" (GtkSpinButton), "progress" (GtkProgressBar), "company" (GtkDropDown),
 * "status" (GtkLabel), "histogram", "fan" (BkChartView). */
const char         *bk_simulation_panel_get_figure_text (BkSimulationPanel *self,
                                                         BkSimulationFigure figure);
GtkWidget          *bk_simulation_panel_get_part        (BkSimulationPanel *self,
                                                         const char        *name);

G_END_DECLS
