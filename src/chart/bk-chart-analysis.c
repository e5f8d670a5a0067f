/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-chart-analysis.c — the data of the analysis kinds (tornado swings,
 * the breakeven map's grid, contour and points, fan percentiles,
 * histogram bins and markers, axis titles) and the words for their hits */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "bk-chart-private.h"

static void
swing_clear (gpointer data)
{
  BkChartSwing *swing = data;

  g_clear_pointer (&swing->label, g_free);
  g_clear_pointer (&swing->low_label, g_free);
  g_clear_pointer (&swing->high_label, g_free);
}

static void
point_clear (gpointer data)
{
  g_clear_pointer (&((BkChartPoint *) data)->label, g_free);
}

static void
value_marker_clear (gpointer data)
{
  g_clear_pointer (&((BkChartValueMarker *) data)->label, g_free);
}

void
bk_chart_analysis_init (BkChartAnalysis *a)
{
  memset (a, 0, sizeof *a);
  a->base_value = NAN;
  a->swings = g_array_new (FALSE, TRUE, sizeof (BkChartSwing));
  g_array_set_clear_func (a->swings, swing_clear);
  a->contour = g_array_new (FALSE, FALSE, sizeof (double));
  a->points = g_array_new (FALSE, TRUE, sizeof (BkChartPoint));
  g_array_set_clear_func (a->points, point_clear);
  a->value_markers = g_array_new (FALSE, TRUE, sizeof (BkChartValueMarker));
  g_array_set_clear_func (a->value_markers, value_marker_clear);
}

void
bk_chart_analysis_clear (BkChartAnalysis *a)
{
  for (guint i = 0; i < G_N_ELEMENTS (a->axes); i++)
    g_clear_pointer (&a->axes[i].title, g_free);
  g_clear_pointer (&a->swings, g_array_unref);
  g_clear_pointer (&a->grid_x, g_free);
  g_clear_pointer (&a->grid_y, g_free);
  g_clear_pointer (&a->grid, g_free);
  g_clear_pointer (&a->target_label, g_free);
  g_clear_pointer (&a->contour, g_array_unref);
  g_clear_pointer (&a->points, g_array_unref);
  for (guint p = 0; p < BK_CHART_N_PERCENTILES; p++)
    g_clear_pointer (&a->fan[p], g_free);
  g_clear_pointer (&a->edges, g_free);
  g_clear_pointer (&a->counts, g_free);
  g_clear_pointer (&a->value_markers, g_array_unref);
}

/* A copy of @n doubles, NULL for none */
static double *
copy_doubles (const double *values,
              gsize         n)
{
  return n > 0 ? g_memdup2 (values, sizeof (double) * n) : NULL;
}

static gboolean
ascending (const double *values,
           gsize         n)
{
  for (gsize i = 0; i < n; i++)
    if (!isfinite (values[i]) || (i > 0 && values[i] <= values[i - 1]))
      return FALSE;
  return TRUE;
}

/* Axes */

void
bk_chart_set_axis (BkChart     *chart,
                   BkChartAxis  axis,
                   const char  *title,
                   BkChartUnit  unit)
{
  BkChartAxisInfo *info;

  g_return_if_fail (BK_IS_CHART (chart));
  g_return_if_fail (axis <= BK_CHART_AXIS_Y);
  g_return_if_fail (unit <= BK_CHART_UNIT_YEARS);

  info = &chart->analysis.axes[axis];
  if (title != NULL && *title == '\0')
    title = NULL;
  if (g_strcmp0 (info->title, title) == 0 && info->unit == unit)
    return;
  g_free (info->title);
  info->title = g_strdup (title);
  info->unit = unit;
  bk_chart_emit_changed (chart);
}

const char *
bk_chart_get_axis_title (BkChart     *chart,
                         BkChartAxis  axis)
{
  g_return_val_if_fail (BK_IS_CHART (chart), NULL);
  g_return_val_if_fail (axis <= BK_CHART_AXIS_Y, NULL);

  return chart->analysis.axes[axis].title;
}

/* Tornado */

void
bk_chart_set_base_value (BkChart *chart,
                         double   value)
{
  g_return_if_fail (BK_IS_CHART (chart));

  if (!isfinite (value))
    value = NAN;
  if (value == chart->analysis.base_value ||
      (isnan (value) && isnan (chart->analysis.base_value)))
    return;
  chart->analysis.base_value = value;
  bk_chart_emit_changed (chart);
}

double
bk_chart_get_base_value (BkChart *chart)
{
  g_return_val_if_fail (BK_IS_CHART (chart), NAN);

  return chart->analysis.base_value;
}

guint
bk_chart_add_swing (BkChart    *chart,
                    const char *label,
                    double      metric_at_low,
                    double      metric_at_high,
                    const char *low_label,
                    const char *high_label)
{
  BkChartSwing swing = { 0 };

  g_return_val_if_fail (BK_IS_CHART (chart), 0);

  swing.label = g_strdup (label != NULL ? label : "");
  swing.low = metric_at_low;
  swing.high = metric_at_high;
  swing.low_label = g_strdup (low_label);
  swing.high_label = g_strdup (high_label);
  g_array_append_val (chart->analysis.swings, swing);
  bk_chart_emit_changed (chart);

  return chart->analysis.swings->len - 1;
}

void
bk_chart_clear_swings (BkChart *chart)
{
  g_return_if_fail (BK_IS_CHART (chart));

  if (chart->analysis.swings->len == 0)
    return;
  g_array_set_size (chart->analysis.swings, 0);
  bk_chart_emit_changed (chart);
}

guint
bk_chart_get_n_swings (BkChart *chart)
{
  g_return_val_if_fail (BK_IS_CHART (chart), 0);

  return chart->analysis.swings->len;
}

/* Breakeven map */

void
bk_chart_set_grid (BkChart      *chart,
                   guint         n_x,
                   const double *x_values,
                   guint         n_y,
                   const double *y_values,
                   const double *values)
{
  BkChartAnalysis *a;

  g_return_if_fail (BK_IS_CHART (chart));
  g_return_if_fail (n_x == 0 || n_y == 0 || (x_values != NULL && y_values != NULL && values != NULL));
  g_return_if_fail (n_x == 0 || n_y == 0 || n_x <= G_MAXUINT / n_y);
  g_return_if_fail (n_x == 0 || n_y == 0 || (ascending (x_values, n_x) && ascending (y_values, n_y)));

  a = &chart->analysis;
  if (n_x == 0 || n_y == 0)
    n_x = n_y = 0;
  g_free (a->grid_x);
  g_free (a->grid_y);
  g_free (a->grid);
  a->n_x = n_x;
  a->n_y = n_y;
  a->grid_x = copy_doubles (x_values, n_x);
  a->grid_y = copy_doubles (y_values, n_y);
  a->grid = copy_doubles (values, (gsize) n_x * n_y);
  bk_chart_emit_changed (chart);
}

gboolean
bk_chart_get_grid_cell (BkChart *chart,
                        guint    index,
                        double  *x,
                        double  *y,
                        double  *value)
{
  BkChartAnalysis *a;

  g_return_val_if_fail (BK_IS_CHART (chart), FALSE);

  a = &chart->analysis;
  if (a->n_x == 0 || index >= a->n_x * a->n_y)
    return FALSE;
  if (x != NULL)
    *x = a->grid_x[index % a->n_x];
  if (y != NULL)
    *y = a->grid_y[index / a->n_x];
  if (value != NULL)
    *value = a->grid[index];
  return TRUE;
}

void
bk_chart_set_target (BkChart    *chart,
                     double      target,
                     const char *label)
{
  BkChartAnalysis *a;

  g_return_if_fail (BK_IS_CHART (chart));
  g_return_if_fail (isfinite (target));

  a = &chart->analysis;
  if (a->target == target && g_strcmp0 (a->target_label, label) == 0)
    return;
  a->target = target;
  g_free (a->target_label);
  a->target_label = g_strdup (label);
  bk_chart_emit_changed (chart);
}

void
bk_chart_add_contour (BkChart      *chart,
                      gsize         n_points,
                      const double *xy)
{
  GArray *contour;
  const double gap[2] = { NAN, NAN };

  g_return_if_fail (BK_IS_CHART (chart));
  g_return_if_fail (xy != NULL || n_points == 0);
  g_return_if_fail (n_points <= G_MAXUINT / 4);

  if (n_points == 0)
    return;
  contour = chart->analysis.contour;
  if (contour->len > 0)
    g_array_append_vals (contour, gap, 2);
  g_array_append_vals (contour, xy, (guint) n_points * 2);
  bk_chart_emit_changed (chart);
}

void
bk_chart_clear_contours (BkChart *chart)
{
  g_return_if_fail (BK_IS_CHART (chart));

  if (chart->analysis.contour->len == 0)
    return;
  g_array_set_size (chart->analysis.contour, 0);
  bk_chart_emit_changed (chart);
}

void
bk_chart_add_point (BkChart    *chart,
                    double      x,
                    double      y,
                    const char *label,
                    gboolean    is_current)
{
  BkChartPoint point = { 0 };

  g_return_if_fail (BK_IS_CHART (chart));
  g_return_if_fail (isfinite (x) && isfinite (y));

  point.x = x;
  point.y = y;
  point.label = g_strdup (label);
  point.is_current = !!is_current;
  g_array_append_val (chart->analysis.points, point);
  bk_chart_emit_changed (chart);
}

void
bk_chart_clear_points (BkChart *chart)
{
  g_return_if_fail (BK_IS_CHART (chart));

  if (chart->analysis.points->len == 0)
    return;
  g_array_set_size (chart->analysis.points, 0);
  bk_chart_emit_changed (chart);
}

/* Fan */

void
bk_chart_set_fan (BkChart      *chart,
                  gsize         n_values,
                  const double *p5,
                  const double *p25,
                  const double *p50,
                  const double *p75,
                  const double *p95)
{
  const double *given[BK_CHART_N_PERCENTILES] = { p5, p25, p50, p75, p95 };
  BkChartAnalysis *a;

  g_return_if_fail (BK_IS_CHART (chart));
  g_return_if_fail (n_values == 0 || (p5 != NULL && p25 != NULL && p50 != NULL &&
                                      p75 != NULL && p95 != NULL));
  g_return_if_fail (n_values <= G_MAXUINT);

  a = &chart->analysis;
  a->n_fan = (guint) n_values;
  for (guint p = 0; p < BK_CHART_N_PERCENTILES; p++)
    {
      g_free (a->fan[p]);
      a->fan[p] = copy_doubles (given[p], n_values);
    }
  bk_chart_emit_changed (chart);
}

double
bk_chart_get_fan_value (BkChart           *chart,
                        BkChartPercentile  p,
                        guint              index)
{
  g_return_val_if_fail (BK_IS_CHART (chart), NAN);
  g_return_val_if_fail (p < BK_CHART_N_PERCENTILES, NAN);

  if (index >= chart->analysis.n_fan)
    return NAN;
  return chart->analysis.fan[p][index];
}

/* Histogram */

void
bk_chart_set_bins (BkChart      *chart,
                   gsize         n_bins,
                   const double *edges,
                   const double *counts)
{
  BkChartAnalysis *a;

  g_return_if_fail (BK_IS_CHART (chart));
  g_return_if_fail (n_bins == 0 || (edges != NULL && counts != NULL));
  g_return_if_fail (n_bins < G_MAXUINT);
  g_return_if_fail (n_bins == 0 || ascending (edges, n_bins + 1));

  a = &chart->analysis;
  g_free (a->edges);
  g_free (a->counts);
  a->n_bins = (guint) n_bins;
  a->edges = n_bins > 0 ? copy_doubles (edges, n_bins + 1) : NULL;
  a->counts = copy_doubles (counts, n_bins);
  bk_chart_emit_changed (chart);
}

guint
bk_chart_get_n_bins (BkChart *chart)
{
  g_return_val_if_fail (BK_IS_CHART (chart), 0);

  return chart->analysis.n_bins;
}

void
bk_chart_add_value_marker (BkChart    *chart,
                           double      value,
                           const char *label)
{
  BkChartValueMarker marker = { 0 };

  g_return_if_fail (BK_IS_CHART (chart));
  g_return_if_fail (isfinite (value));

  marker.value = value;
  marker.label = g_strdup (label);
  g_array_append_val (chart->analysis.value_markers, marker);
  bk_chart_emit_changed (chart);
}

void
bk_chart_clear_value_markers (BkChart *chart)
{
  g_return_if_fail (BK_IS_CHART (chart));

  if (chart->analysis.value_markers->len == 0)
    return;
  g_array_set_size (chart->analysis.value_markers, 0);
  bk_chart_emit_changed (chart);
}

/* Hits */

static char *
describe_swing (BkChart          *chart,
                const BkChartHit *hit)
{
  BkChartSwing *swing;
  g_autofree char *value = bk_chart_format_exact (chart->unit, hit->value);
  const char *input;

  if (hit->index >= chart->analysis.swings->len)
    return NULL;
  swing = &g_array_index (chart->analysis.swings, BkChartSwing, hit->index);
  input = hit->series == 0 ? swing->low_label : swing->high_label;

  if (input != NULL && *input != '\0')
    /* Translators: a tornado tooltip, "Price per M tokens\nAt $1.60: −$12.3B" */
    return g_strdup_printf (_("%s\nAt %s: %s"), swing->label, input, value);
  if (hit->series == 0)
    /* Translators: a tornado tooltip, "GPU life\nLow value: −$12.3B" */
    return g_strdup_printf (_("%s\nLow value: %s"), swing->label, value);
  /* Translators: a tornado tooltip, "GPU life\nHigh value: $8.1B" */
  return g_strdup_printf (_("%s\nHigh value: %s"), swing->label, value);
}

static char *
describe_cell (BkChart          *chart,
               const BkChartHit *hit)
{
  BkChartAnalysis *a = &chart->analysis;
  g_autofree char *xs = NULL;
  g_autofree char *ys = NULL;
  g_autofree char *vs = NULL;
  double x, y, v;

  if (!bk_chart_get_grid_cell (chart, hit->index, &x, &y, &v))
    return NULL;
  xs = bk_chart_format_exact (a->axes[BK_CHART_AXIS_X].unit, x);
  ys = bk_chart_format_exact (a->axes[BK_CHART_AXIS_Y].unit, y);
  vs = bk_chart_format_exact (chart->unit, v);

  /* Translators: a breakeven map tooltip: the two drivers and the metric,
   * "Price: 2.5\nUtilization: 60%\n$12.3B" */
  return g_strdup_printf (_("%s: %s\n%s: %s\n%s"),
                          a->axes[BK_CHART_AXIS_X].title ? a->axes[BK_CHART_AXIS_X].title : "x", xs,
                          a->axes[BK_CHART_AXIS_Y].title ? a->axes[BK_CHART_AXIS_Y].title : "y", ys,
                          vs);
}

static char *
describe_period (BkChart          *chart,
                 const BkChartHit *hit)
{
  char *v[BK_CHART_N_PERCENTILES];
  const char *category = hit->index < chart->categories->len
    ? g_ptr_array_index (chart->categories, hit->index) : "";
  char *text;

  if (hit->index >= chart->analysis.n_fan)
    return NULL;
  for (guint p = 0; p < BK_CHART_N_PERCENTILES; p++)
    v[p] = bk_chart_format_exact (chart->unit, chart->analysis.fan[p][hit->index]);

  /* Translators: a fan chart tooltip: a period, its median and the two
   * percentile ranges */
  text = g_strdup_printf (_("%s\nMedian: %s\n25th–75th percentile: %s to %s\n"
                            "5th–95th percentile: %s to %s"),
                          category, v[BK_CHART_P50], v[BK_CHART_P25], v[BK_CHART_P75],
                          v[BK_CHART_P5], v[BK_CHART_P95]);
  for (guint p = 0; p < BK_CHART_N_PERCENTILES; p++)
    g_free (v[p]);
  return text;
}

static char *
describe_bin (BkChart          *chart,
              const BkChartHit *hit)
{
  BkChartAnalysis *a = &chart->analysis;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *count = NULL;
  const char *what = a->axes[BK_CHART_AXIS_Y].title;

  if (hit->index >= a->n_bins)
    return NULL;
  from = bk_chart_format_exact (chart->unit, a->edges[hit->index]);
  to = bk_chart_format_exact (chart->unit, a->edges[hit->index + 1]);
  count = bk_chart_format_exact (BK_CHART_UNIT_NUMBER, a->counts[hit->index]);

  if (what != NULL)
    /* Translators: a histogram tooltip, "$10B to $20B\nTrials: 412" */
    return g_strdup_printf (_("%s to %s\n%s: %s"), from, to, what, count);
  /* Translators: a histogram tooltip, "$10B to $20B\nCount: 412" */
  return g_strdup_printf (_("%s to %s\nCount: %s"), from, to, count);
}

char *
bk_chart_analysis_describe (BkChart          *chart,
                            const BkChartHit *hit)
{
  switch (chart->kind)
    {
    case BK_CHART_KIND_TORNADO:
      return describe_swing (chart, hit);
    case BK_CHART_KIND_BREAKEVEN_MAP:
      return describe_cell (chart, hit);
    case BK_CHART_KIND_FAN:
      return describe_period (chart, hit);
    case BK_CHART_KIND_HISTOGRAM:
      return describe_bin (chart, hit);
    case BK_CHART_KIND_LINE:
    case BK_CHART_KIND_BAR:
    case BK_CHART_KIND_STACKED_BAR:
    case BK_CHART_KIND_STACKED_AREA:
    case BK_CHART_KIND_DONUT:
    case BK_CHART_KIND_WATERFALL:
    default:
      g_assert_not_reached ();
    }
}
