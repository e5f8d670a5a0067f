/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-report-private.h — the blocks of a report, shared by the page layout
 * (bk-report.c) and what the report says (bk-report-content.c) */
#pragma once

#include <pango/pangocairo.h>

#include "bk-chart.h"
#include "bk-compare.h"
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
} BkBlock;

/* What the report shows, computed once */
typedef struct
{
  BkWorkbook   *workbook;
  guint         scenario;
  BkResults    *results;
  BkComparison *comparison;
  GDateTime    *date;
} BkReportSource;

/* Appends the report's blocks (BkBlock *, owned by @blocks) for a content
 * area @width points wide, measured with @context. */
void           bk_report_content_build (GPtrArray      *blocks,
                                        BkReportSource *source,
                                        PangoContext   *context,
                                        double          width);
void           bk_block_free           (gpointer        block);

G_END_DECLS
