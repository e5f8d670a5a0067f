/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-breakeven-map.h — a metric over a grid of two drivers, and the contour
 * where it equals a target (NPV = 0 by default) */
#pragma once

#include "bk-engine-inputs.h"
#include "bk-metric.h"

G_BEGIN_DECLS

#define BK_BREAKEVEN_MAP_DEFAULT_STEPS 21
#define BK_BREAKEVEN_MAP_MAX_STEPS     1000

typedef struct
{
  BkAssumption  x;
  BkAssumption  y;
  double        x_min, x_max;  /* NAN: the default range (bk_breakeven_map_get_default_range()) */
  double        y_min, y_max;
  guint         steps;         /* points per axis, 2 … 1000 */
  BkMetric      metric;
  double        target;
  int           company;       /* -1: the total */
} BkBreakevenMapParams;

typedef struct
{
  double x;
  double y;
} BkPoint;

typedef struct
{
  BkBreakevenMapParams  params;        /* as run: ranges filled in */
  double               *x_values;      /* steps, evenly spaced from x_min to x_max */
  double               *y_values;      /* steps */
  double               *grid;          /* steps × steps, rows follow y: grid[j * steps + i] at (x_values[i], y_values[j]); NAN where the metric does not exist */
  /* The contour metric = target, traced by marching squares with linear
   * interpolation along the cell edges and joined into polylines: polyline k
   * is contour[starts[k]] … contour[starts[k + 1] − 1] (starts has
   * n_polylines + 1 entries).  A polyline that closes on itself repeats its
   * first point at the end.  Written as one flat list of points (JSON
   * "contour") it is exact when there is one polyline, the usual frontier. */
  BkPoint              *contour;
  guint                 n_contour;
  guint                *starts;
  guint                 n_polylines;
  BkPoint               current;       /* the drivers' current values */
  double                current_metric;
} BkBreakevenMap;

/* Metric NPV, target 0, the total, default ranges and steps. */
void            bk_breakeven_map_params_init       (BkBreakevenMapParams *params,
                                                    BkAssumption          x,
                                                    BkAssumption          y);
/* Around the current value v of @company (-1: the workbook level):
 * [v / 2, 3v / 2] (or [v − 0.5, v + 0.5] when v is 0) moved into the valid
 * range. */
void            bk_breakeven_map_get_default_range (BkEngineInputs       *inputs,
                                                    int                   company,
                                                    BkAssumption          driver,
                                                    double               *min,
                                                    double               *max);
/* steps² recalculations, each driver set for every company.  Fails with
 * BK_ERROR_INVALID_INPUT for extra_years or x = y, BK_ERROR_OUT_OF_RANGE for
 * a range that is empty or outside the valid values or a bad step count. */
BkBreakevenMap *bk_breakeven_map_new               (BkEngineInputs       *inputs,
                                                    const BkBreakevenMapParams *params,
                                                    GError              **error);
void            bk_breakeven_map_free              (BkBreakevenMap       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkBreakevenMap, bk_breakeven_map_free)

G_END_DECLS
