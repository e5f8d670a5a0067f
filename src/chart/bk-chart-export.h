/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-chart-export.h — a chart as PNG, SVG or PDF */
#pragma once

#include <gio/gio.h>

#include "bk-chart.h"

G_BEGIN_DECLS

typedef enum
{
  BK_CHART_FORMAT_PNG,  /* width × scale by height × scale pixels */
  BK_CHART_FORMAT_SVG,  /* vectors: paths and glyph outlines, no bitmap */
  BK_CHART_FORMAT_PDF,  /* vectors with real text; 1 px = 1 pt */
} BkChartFormat;

#define BK_CHART_EXPORT_MAX_SIZE 10000
#define BK_CHART_EXPORT_MAX_SCALE 3

/* From the extension of @path (.png, .svg, .pdf, any case). */
gboolean  bk_chart_format_from_path (const char     *path,
                                     BkChartFormat  *format);

/* Renders @chart at @width × @height (1..10000) and, for PNG, @scale (1..3)
 * device pixels per unit.  Invalid sizes fail with
 * G_IO_ERROR_INVALID_ARGUMENT.  Does not change the geometry that the hit
 * tests use. */
GBytes   *bk_chart_export_bytes     (BkChart        *chart,
                                     BkChartFormat   format,
                                     int             width,
                                     int             height,
                                     int             scale,
                                     GError        **error);

/* The same, written to @path through a temporary file in the same folder
 * that is renamed over it, so that a failed export leaves nothing behind. */
gboolean  bk_chart_export           (BkChart        *chart,
                                     const char     *path,
                                     BkChartFormat   format,
                                     int             width,
                                     int             height,
                                     int             scale,
                                     GError        **error);

G_END_DECLS
