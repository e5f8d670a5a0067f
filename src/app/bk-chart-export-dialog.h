/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-chart-export-dialog.h — export a chart view's chart as PNG, SVG or PDF */
#pragma once

#include <adwaita.h>

#include "bk-chart-view.h"

G_BEGIN_DECLS

#define BK_CHART_EXPORT_DEFAULT_WIDTH  1200
#define BK_CHART_EXPORT_DEFAULT_HEIGHT 700

#define BK_TYPE_CHART_EXPORT_DIALOG (bk_chart_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BkChartExportDialog, bk_chart_export_dialog, BK, CHART_EXPORT_DIALOG, AdwWindow)

/* A modal dialog, transient for @view's window.  Export asks for a file
 * and writes it through bk_chart_view_export(), so the view emits
 * ::exported; a failure is shown in the dialog, which stays open. */
BkChartExportDialog *bk_chart_export_dialog_new        (BkChartView          *view);

BkChartView         *bk_chart_export_dialog_get_view   (BkChartExportDialog  *self);

BkChartFormat        bk_chart_export_dialog_get_format (BkChartExportDialog  *self);
void                 bk_chart_export_dialog_set_format (BkChartExportDialog  *self,
                                                        BkChartFormat         format);
/* 1..BK_CHART_EXPORT_MAX_SIZE; pixels, points in PDF.  Default 1200 × 700. */
void                 bk_chart_export_dialog_get_size   (BkChartExportDialog  *self,
                                                        int                  *width,
                                                        int                  *height);
void                 bk_chart_export_dialog_set_size   (BkChartExportDialog  *self,
                                                        int                   width,
                                                        int                   height);
/* 1..BK_CHART_EXPORT_MAX_SCALE, PNG only.  Default 1. */
int                  bk_chart_export_dialog_get_scale  (BkChartExportDialog  *self);
void                 bk_chart_export_dialog_set_scale  (BkChartExportDialog  *self,
                                                        int                   scale);
/* Default light: reports are light. */
BkChartTheme         bk_chart_export_dialog_get_theme  (BkChartExportDialog  *self);
void                 bk_chart_export_dialog_set_theme  (BkChartExportDialog  *self,
                                                        BkChartTheme          theme);

/* The file name the file chooser suggests: the chart's title and the
 * format's extension. */
char                *bk_chart_export_dialog_dup_suggested_name (BkChartExportDialog *self);

/* Writes the file with the dialog's settings, as the Export button does
 * once a file is chosen (but leaves the dialog open).  On failure the
 * message is shown in the dialog and nothing is written. */
gboolean             bk_chart_export_dialog_export_to  (BkChartExportDialog  *self,
                                                        const char           *path,
                                                        GError              **error);
/* The message the dialog shows, NULL while there is none. */
const char          *bk_chart_export_dialog_get_error  (BkChartExportDialog  *self);

G_END_DECLS
