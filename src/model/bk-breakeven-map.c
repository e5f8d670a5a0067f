/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-breakeven-map.c — a metric over a grid of two drivers, and the contour
 * where it equals a target (NPV = 0 by default).
 *
 * The contour is traced with marching squares: every grid cell whose four
 * corners have the metric is classified by which corners are at or above
 * the target; each edge between a corner above and one below is crossed at
 * the point found by linear interpolation of the metric along it.  A cell
 * with two crossed edges holds one segment; a saddle (four crossed edges) is
 * resolved by the mean of its corners, the value at its centre.  Segments
 * are then joined into polylines through the edges they share; a crossing
 * is computed from its edge alone, so joined ends are the same point. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "bk-breakeven-map.h"
#include "bk-engine.h"

void
bk_breakeven_map_params_init (BkBreakevenMapParams *params,
                              BkAssumption          x,
                              BkAssumption          y)
{
  g_return_if_fail (params != NULL);

  params->x = x;
  params->y = y;
  params->x_min = params->x_max = NAN;
  params->y_min = params->y_max = NAN;
  params->steps = BK_BREAKEVEN_MAP_DEFAULT_STEPS;
  params->metric = BK_METRIC_NPV;
  params->target = 0;
  params->company = -1;
}

void
bk_breakeven_map_get_default_range (BkEngineInputs *inputs,
                                    int             company,
                                    BkAssumption    driver,
                                    double         *min,
                                    double         *max)
{
  double v, half;

  g_return_if_fail (inputs != NULL);
  g_return_if_fail (driver < BK_N_ASSUMPTIONS);
  g_return_if_fail (min != NULL && max != NULL);

  v = bk_engine_inputs_get_assumption (inputs, company, driver);
  half = v != 0 ? fabs (v) / 2 : 0.5;
  *min = bk_assumption_clamp (driver, v - half);
  *max = bk_assumption_clamp (driver, v + half);
}

static gboolean
check_range (BkAssumption   driver,
             double         min,
             double         max,
             GError       **error)
{
  if (isfinite (min) && isfinite (max) && min < max &&
      bk_assumption_clamp (driver, min) == min && bk_assumption_clamp (driver, max) == max)
    return TRUE;

  {
    g_autofree char *lo = bk_assumption_format (driver, min);
    g_autofree char *hi = bk_assumption_format (driver, max);

    g_set_error (error, BK_ERROR, BK_ERROR_OUT_OF_RANGE,
                 _("%s: [%s, %s] is not a range of valid values"),
                 bk_assumption_get_name (driver), lo, hi);
  }
  return FALSE;
}

/* Marching squares */

typedef struct
{
  const BkBreakevenMap *map;
  guint                 n;
  double                target;
  GArray               *segments;  /* pairs of edge ids */
} Tracer;

/* Edge ids: 2 (j n + i) is the edge from (i, j) to (i + 1, j), 2 (j n + i) + 1
 * the one from (i, j) to (i, j + 1). */
static guint
h_edge (guint n, guint i, guint j)
{
  return 2 * (j * n + i);
}

static guint
v_edge (guint n, guint i, guint j)
{
  return 2 * (j * n + i) + 1;
}

static BkPoint
edge_point (const Tracer *tr,
            guint         edge)
{
  const BkBreakevenMap *map = tr->map;
  guint n = tr->n, cell = edge / 2, i = cell % n, j = cell / n;
  gboolean vertical = edge % 2;
  guint i1 = vertical ? i : i + 1, j1 = vertical ? j + 1 : j;
  double s0 = map->grid[j * n + i] - tr->target;
  double s1 = map->grid[j1 * n + i1] - tr->target;
  double t = s0 / (s0 - s1);
  BkPoint p;

  p.x = map->x_values[i] + t * (map->x_values[i1] - map->x_values[i]);
  p.y = map->y_values[j] + t * (map->y_values[j1] - map->y_values[j]);
  return p;
}

static void
add_segment (Tracer *tr,
             guint   a,
             guint   b)
{
  guint pair[2] = { a, b };

  g_array_append_vals (tr->segments, pair, 2);
}

static void
trace_cell (Tracer *tr,
            guint   i,
            guint   j)
{
  const double *g = tr->map->grid;
  guint n = tr->n;
  double s[4] = {
    g[j * n + i] - tr->target,
    g[j * n + i + 1] - tr->target,
    g[(j + 1) * n + i + 1] - tr->target,
    g[(j + 1) * n + i] - tr->target,
  };
  /* Edges: bottom p0–p1, right p1–p2, top p3–p2, left p0–p3 */
  guint e[4] = { h_edge (n, i, j), v_edge (n, i + 1, j), h_edge (n, i, j + 1), v_edge (n, i, j) };
  guint code = 0, crossed[4], n_crossed = 0;

  for (guint k = 0; k < 4; k++)
    {
      if (isnan (s[k]))
        return;
      if (s[k] >= 0)
        code |= 1u << k;
    }

  if (code == 5 || code == 10)
    {
      gboolean centre_above = (s[0] + s[1] + s[2] + s[3]) / 4 >= 0;

      /* Cut off the two corners that are not joined through the centre. */
      if ((code == 5) == centre_above)
        {
          add_segment (tr, e[0], e[1]);  /* around p1 */
          add_segment (tr, e[2], e[3]);  /* around p3 */
        }
      else
        {
          add_segment (tr, e[3], e[0]);  /* around p0 */
          add_segment (tr, e[1], e[2]);  /* around p2 */
        }
      return;
    }

  for (guint k = 0; k < 4; k++)
    {
      guint a = k, b = (k + 1) % 4;

      if (((code >> a) & 1) != ((code >> b) & 1))
        crossed[n_crossed++] = e[k];
    }
  g_assert (n_crossed == 0 || n_crossed == 2);
  if (n_crossed == 2)
    add_segment (tr, crossed[0], crossed[1]);
}

/* Follows segments from @edge, appending the far edge of each to @chain. */
static void
walk (const guint *ends,
      const guint *seg,
      gboolean    *used,
      guint        edge,
      GArray      *chain)
{
  for (;;)
    {
      guint next = G_MAXUINT;

      for (guint k = 0; k < 2; k++)
        {
          guint s = ends[2 * edge + k];

          if (s != G_MAXUINT && !used[s])
            {
              next = s;
              break;
            }
        }
      if (next == G_MAXUINT)
        return;
      used[next] = TRUE;
      edge = seg[2 * next] == edge ? seg[2 * next + 1] : seg[2 * next];
      g_array_append_val (chain, edge);
    }
}

static void
trace_contour (BkBreakevenMap *map)
{
  guint n = map->params.steps, n_edges = 2 * n * n, n_segments;
  Tracer tr = { map, n, map->params.target, g_array_new (FALSE, FALSE, sizeof (guint)) };
  g_autofree guint *ends = NULL;
  g_autofree gboolean *used = NULL;
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (BkPoint));
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint));
  const guint *seg;

  for (guint j = 0; j + 1 < n; j++)
    for (guint i = 0; i + 1 < n; i++)
      trace_cell (&tr, i, j);

  seg = (const guint *) tr.segments->data;
  n_segments = tr.segments->len / 2;
  ends = g_new (guint, 2 * (gsize) n_edges);
  for (gsize k = 0; k < 2 * (gsize) n_edges; k++)
    ends[k] = G_MAXUINT;
  for (guint s = 0; s < n_segments; s++)
    for (guint k = 0; k < 2; k++)
      {
        guint edge = seg[2 * s + k];

        ends[2 * edge + (ends[2 * edge] == G_MAXUINT ? 0 : 1)] = s;
      }

  used = g_new0 (gboolean, MAX (n_segments, 1));
  for (guint s = 0; s < n_segments; s++)
    {
      g_autoptr(GArray) forward = NULL;
      g_autoptr(GArray) backward = NULL;
      guint start = points->len;

      if (used[s])
        continue;
      used[s] = TRUE;
      forward = g_array_new (FALSE, FALSE, sizeof (guint));
      backward = g_array_new (FALSE, FALSE, sizeof (guint));
      g_array_append_val (forward, seg[2 * s + 1]);
      walk (ends, seg, used, seg[2 * s + 1], forward);
      walk (ends, seg, used, seg[2 * s], backward);

      for (guint k = backward->len; k > 0; k--)
        {
          BkPoint p = edge_point (&tr, g_array_index (backward, guint, k - 1));
          g_array_append_val (points, p);
        }
      {
        BkPoint p = edge_point (&tr, seg[2 * s]);
        g_array_append_val (points, p);
      }
      for (guint k = 0; k < forward->len; k++)
        {
          BkPoint p = edge_point (&tr, g_array_index (forward, guint, k));
          g_array_append_val (points, p);
        }
      g_array_append_val (starts, start);
    }

  map->n_polylines = starts->len;
  g_array_append_val (starts, points->len);
  map->n_contour = points->len;
  map->contour = (BkPoint *) g_array_free (g_steal_pointer (&points), FALSE);
  map->starts = (guint *) g_array_free (g_steal_pointer (&starts), FALSE);
  g_array_free (tr.segments, TRUE);
}

BkBreakevenMap *
bk_breakeven_map_new (BkEngineInputs             *inputs,
                      const BkBreakevenMapParams *params,
                      GError                    **error)
{
  g_autoptr(BkBreakevenMap) map = NULL;
  g_autoptr(BkResults) results = NULL;
  BkBreakevenMapParams p;
  BkEngineFlags flags;
  guint n;

  g_return_val_if_fail (inputs != NULL, NULL);
  g_return_val_if_fail (params != NULL, NULL);
  g_return_val_if_fail (params->x < BK_N_ASSUMPTIONS && params->y < BK_N_ASSUMPTIONS, NULL);
  g_return_val_if_fail (params->metric < BK_N_METRICS, NULL);
  g_return_val_if_fail (params->company < (int) bk_engine_inputs_get_n_companies (inputs), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  p = *params;
  if (!bk_driver_check (p.x, error) || !bk_driver_check (p.y, error))
    return NULL;
  if (p.x == p.y)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                   _("A breakeven map needs two different drivers, not %s twice"),
                   bk_assumption_get_key (p.x));
      return NULL;
    }
  if (p.steps < 2 || p.steps > BK_BREAKEVEN_MAP_MAX_STEPS)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_OUT_OF_RANGE,
                   _("A breakeven map has from 2 to %d steps per axis, not %u"),
                   BK_BREAKEVEN_MAP_MAX_STEPS, p.steps);
      return NULL;
    }
  if (!isfinite (p.target))
    {
      g_set_error_literal (error, BK_ERROR, BK_ERROR_OUT_OF_RANGE,
                           _("The target must be a finite number"));
      return NULL;
    }

  {
    double lo, hi;

    bk_breakeven_map_get_default_range (inputs, p.company, p.x, &lo, &hi);
    p.x_min = isnan (p.x_min) ? lo : p.x_min;
    p.x_max = isnan (p.x_max) ? hi : p.x_max;
    bk_breakeven_map_get_default_range (inputs, p.company, p.y, &lo, &hi);
    p.y_min = isnan (p.y_min) ? lo : p.y_min;
    p.y_max = isnan (p.y_max) ? hi : p.y_max;
  }
  if (!check_range (p.x, p.x_min, p.x_max, error) ||
      !check_range (p.y, p.y_min, p.y_max, error))
    return NULL;

  n = p.steps;
  map = g_new0 (BkBreakevenMap, 1);
  map->params = p;
  map->x_values = g_new (double, n);
  map->y_values = g_new (double, n);
  map->grid = g_new (double, (gsize) n * n);
  for (guint i = 0; i < n; i++)
    {
      /* The last point is the bound itself. */
      map->x_values[i] = i + 1 == n ? p.x_max : p.x_min + (p.x_max - p.x_min) * i / (n - 1);
      map->y_values[i] = i + 1 == n ? p.y_max : p.y_min + (p.y_max - p.y_min) * i / (n - 1);
    }

  flags = p.metric == BK_METRIC_IRR ? BK_ENGINE_FLAGS_NONE : BK_ENGINE_NO_IRR;
  for (guint j = 0; j < n; j++)
    for (guint i = 0; i < n; i++)
      {
        BkDriverOverride o[2] = {
          { p.x, BK_DRIVER_SET, map->x_values[i] },
          { p.y, BK_DRIVER_SET, map->y_values[j] },
        };

        results = bk_engine_compute_inputs_into (results, inputs, o, 2, flags);
        map->grid[(gsize) j * n + i] = bk_metric_get (bk_metric_get_row (results, p.company), p.metric);
      }

  results = bk_engine_compute_inputs_into (results, inputs, NULL, 0, flags);
  map->current_metric = bk_metric_get (bk_metric_get_row (results, p.company), p.metric);
  map->current.x = bk_engine_inputs_get_assumption (inputs, p.company, p.x);
  map->current.y = bk_engine_inputs_get_assumption (inputs, p.company, p.y);

  trace_contour (map);

  return g_steal_pointer (&map);
}

void
bk_breakeven_map_free (BkBreakevenMap *self)
{
  if (self == NULL)
    return;

  g_free (self->x_values);
  g_free (self->y_values);
  g_free (self->grid);
  g_free (self->contour);
  g_free (self->starts);
  g_free (self);
}
