/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-report-private.h — the blocks of a report, shared by the page layout
 * (bk-report.c) and what the report says (bk-report-content.c and its
 * Analysis section, bk-report-analysis.c) */
#pragma once

#include <pango/pangocairo.h>

#include "bk-breakeven-map.h"
#include "bk-chart.h"
#include "bk-compare.h"
#include "bk-monte-carlo.h"
#include "bk-report-table.h"
#include "bk-results.h"
#include "bk-workbook.h"

G_BEGIN_DECLS

typedef enum
{
  BK_BLOCK_TEXT,
  BK_BLOCK_TABLE,
  BK_BLOCK_CHART,
  BK_BLOCK_PAGE_BREAK,
} BkBlockKind;

typedef enum
{
  BK_TEXT_TITLE,
  BK_TEXT_SUBTITLE,
  BK_TEXT_HEADING,
  BK_TEXT_SUBHEADING,
  BK_TEXT_BODY,
} BkTextStyle;

typedef struct
{
  BkBlockKind    kind;
  BkTextStyle    style;   /* text */
  char          *text;    /* text */
  BkReportTable *table;   /* table */
  BkChart       *chart;   /* chart */
  double         share;   /* chart: its height as a share of the content
                           * area's, 0 for the usual half page */
} BkBlock;

/* What the report shows, computed once */
typedef struct
{
  BkWorkbook   *workbook;
  guint         scenario;
  BkResults    *results;
  BkComparison *comparison;
  GDateTime    *date;

  /* The Analysis section (a BkReportJob's): the tornado of
   * the total NPV, the breakeven map and, when a driver is uncertain, the
   * Monte Carlo simulation; NULL where there is none */
  GArray             *tornado;        /* BkSensitivityBar, largest swing first */
  double              tornado_base;   /* the total NPV unchanged */
  BkBreakevenMap     *map;
  BkMonteCarloResult *simulation;
} BkReportSource;

/* Appends the report's blocks (BkBlock *, owned by @blocks) for a content
 * area @width points wide, measured with @context. */
void           bk_report_content_build (GPtrArray      *blocks,
                                        BkReportSource *source,
                                        PangoContext   *context,
                                        double          width);
void           bk_block_free           (gpointer        block);

/* Appends a new block of @kind to @blocks and returns it */
BkBlock       *bk_report_add_block     (GPtrArray      *blocks,
                                        BkBlockKind     kind);
void           bk_report_add_text      (GPtrArray      *blocks,
                                        BkTextStyle     style,
                                        const char     *text);
/* @table (taken) as it is when it fits @width, else as column groups that
 * do, each repeating the first @n_key columns */
void           bk_report_add_table     (GPtrArray      *blocks,
                                        BkReportTable  *table,
                                        PangoContext   *context,
                                        double          width,
                                        guint           n_key);

/* The analyses of a workbook in a scenario: the tornado of the total NPV,
 * the breakeven map of the Analysis page's default drivers and, when some
 * driver has an uncertainty, @trials Monte Carlo trials from @seed.
 * bk_report_job_new() takes a snapshot of the workbook on the caller's
 * thread (the workbook may change afterwards); bk_report_job_run() does
 * the work on any thread, and fails only with G_IO_ERROR_CANCELLED. */
typedef struct _BkReportJob BkReportJob;

BkReportJob   *bk_report_job_new          (BkWorkbook     *workbook,
                                           guint           scenario,
                                           guint           trials,
                                           guint64         seed);
gboolean       bk_report_job_run          (BkReportJob    *job,
                                           GCancellable   *cancellable,
                                           GError        **error);
/* Moves what @job computed into @source's analyses */
void           bk_report_job_take         (BkReportJob    *job,
                                           BkReportSource *source);
void           bk_report_job_free         (BkReportJob    *job);
void           bk_report_analysis_clear   (BkReportSource *source);
/* The Analysis section's blocks */
void           bk_report_analysis_build   (GPtrArray      *blocks,
                                           BkReportSource *source,
                                           PangoContext   *context,
                                           double          width);

G_END_DECLS
