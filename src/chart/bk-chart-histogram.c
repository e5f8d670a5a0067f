/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-chart-histogram.c — the histogram: contiguous bins as bars on a
 * numeric value axis, counts up the side, labelled vertical markers */

#include "config.h"

#include <stdlib.h>

#include "bk-chart-canvas-private.h"

#define BIN_COLOR 0  /* palette index */

static BkChartValueMarker *
marker_at (BkCanvas *c,
           guint     i)
{
  return &g_array_index (c->chart->analysis.value_markers, BkChartValueMarker, i);
}

static guint
labelled_markers (BkCanvas *c)
{
  guint n = 0;

  for (guint i = 0; i < c->chart->analysis.value_markers->len; i++)
    if (marker_at (c, i)->label != NULL && *marker_at (c, i)->label != '\0')
      n++;
  return n;
}

static void
bin_ranges (BkCanvas *c,
            BkScale  *x,
            BkScale  *y)
{
  BkChartAnalysis *a = &c->chart->analysis;

  x->unit = c->chart->unit;
  x->lo = a->edges[0];
  x->hi = a->edges[a->n_bins];
  for (guint i = 0; i < a->value_markers->len; i++)
    {
      x->lo = MIN (x->lo, marker_at (c, i)->value);
      x->hi = MAX (x->hi, marker_at (c, i)->value);
    }

  y->unit = BK_CHART_UNIT_NUMBER;
  y->lo = 0;
  y->hi = 0;
  for (guint i = 0; i < a->n_bins; i++)
    if (isfinite (a->counts[i]))
      y->hi = MAX (y->hi, a->counts[i]);
  if (y->hi <= 0)
    y->hi = 1;
}

static void
draw_bins (BkCanvas *c,
           BkScale  *x,
           BkScale  *y)
{
  cairo_t *cr = c->cr;
  BkChartAnalysis *a = &c->chart->analysis;
  BkChartColor color = bk_chart_color_from_hex (c->theme->palette[BIN_COLOR]);
  double bottom = bk_scale_y (c, y, 0);

  bk_canvas_set_color (c, &color);
  for (guint i = 0; i < a->n_bins; i++)
    {
      double x0 = bk_scale_x (c, x, a->edges[i]), x1 = bk_scale_x (c, x, a->edges[i + 1]);
      double count = a->counts[i], top;
      double gap = x1 - x0 > 5 ? 1 : 0;
      BkChartHitItem item = { 0 };

      if (!isfinite (count) || count < 0)
        continue;
      top = bk_scale_y (c, y, count);
      cairo_rectangle (cr, x0 + gap / 2, top, x1 - x0 - gap, bottom - top);

      /* The whole column, so that short bins are easy to point at */
      item.shape = BK_CHART_HIT_BAND;
      item.index = i;
      item.value = count;
      item.x = item.anchor_x = (x0 + x1) / 2;
      item.w = MAX ((x1 - x0) / 2, 3);
      item.y = c->py;
      item.h = c->ph;
      item.anchor_y = top;
      bk_canvas_hit (c, &item);
    }
  cairo_fill (cr);
}

static int
compare_markers (gconstpointer a,
                 gconstpointer b)
{
  const BkChartValueMarker *ma = *(BkChartValueMarker * const *) a;
  const BkChartValueMarker *mb = *(BkChartValueMarker * const *) b;

  return (ma->value > mb->value) - (ma->value < mb->value);
}

/* Dashed lines, their labels above the plot on up to two rows, placed
 * from left to right (P5 left of the mean finds its room too) */
static void
draw_markers (BkCanvas *c,
              BkScale  *x,
              double    label_row)
{
  double right_end[2] = { -G_MAXDOUBLE, -G_MAXDOUBLE };
  guint n = c->chart->analysis.value_markers->len;
  g_autofree BkChartValueMarker **order = g_new (BkChartValueMarker *, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    order[i] = marker_at (c, i);
  qsort (order, n, sizeof *order, compare_markers);

  for (guint i = 0; i < n; i++)
    {
      BkChartValueMarker *m = order[i];
      double mx = bk_scale_x (c, x, m->value);
      PangoLayout *layout;
      double tw, th, left;

      double top = c->py;

      if (m->label != NULL && *m->label != '\0')
        {
          layout = bk_canvas_text (c, BK_FONT_SMALL_BOLD, m->label, c->pw / 3, &tw, &th);
          left = CLAMP (mx - tw / 2, c->px, MAX (c->px + c->pw - tw, c->px));
          for (guint row = 0; row < 2; row++)
            if (left >= right_end[row] + 6)
              {
                top = c->py - (row + 1) * label_row;
                bk_canvas_show (c, layout, left, top, &c->text);
                right_end[row] = left + tw;
                top += th;
                break;
              }
        }
      bk_plot_vertical_line (c, mx, top, &c->text, TRUE);
    }
}

static void
draw_histogram (BkCanvas *c)
{
  BkChartAnalysis *a = &c->chart->analysis;
  BkChartColor axis = bk_chart_color_from_hex (c->theme->axis);
  BkScale x = { 0 }, y = { 0 };
  guint rows = MIN (labelled_markers (c), 2);
  double label_row = 0;

  if (a->n_bins == 0)
    {
      bk_canvas_no_data (c);
      return;
    }

  if (rows > 0)
    {
      bk_canvas_text (c, BK_FONT_SMALL_BOLD, "0", 0, NULL, &label_row);
      label_row += 2;
      c->top += rows * label_row;
    }
  bk_plot_reserve_titles (c);
  bin_ranges (c, &x, &y);
  if (!bk_plot_layout (c, &x, &y, 0))
    return;

  bk_plot_draw_x_grid (c, &x);
  bk_plot_draw_y_grid (c, &y, TRUE);
  bk_plot_draw_titles (c);
  draw_bins (c, &x, &y);

  /* The baseline */
  cairo_set_line_width (c->cr, 1.0);
  bk_canvas_set_color (c, &axis);
  cairo_move_to (c->cr, c->px, bk_canvas_snap (bk_scale_y (c, &y, 0)));
  cairo_line_to (c->cr, c->px + c->pw, bk_canvas_snap (bk_scale_y (c, &y, 0)));
  cairo_stroke (c->cr);

  draw_markers (c, &x, label_row);
}

const BkChartPainter bk_chart_histogram_painter = {
  .draw = draw_histogram,
};
