/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-chart-histogram.c — the histogram: contiguous bins as bars on a
 * numeric value axis, counts up the side, labelled vertical markers */

#include "config.h"

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

/* Where a marker's label goes: the row above the plot (0 nearest it) and
 * its left end */
typedef struct
{
  guint  marker;
  double left;
  double width;
  guint  row;
} Label;

static int
label_cmp (gconstpointer a,
           gconstpointer b)
{
  const Label *la = a, *lb = b;

  return (la->left > lb->left) - (la->left < lb->left);
}

/* Every labelled marker's label centred on its line (inside the plot's
 * width), left to right, each on the nearest row where it clears the
 * labels already there: no label is left out however close the markers
 * are (P5, the mean and NPV = 0 often are).  Returns how many rows they
 * take. */
static guint
place_labels (BkCanvas *c,
              BkScale  *x,
              GArray   *labels)
{
  g_autofree double *right_end = NULL;
  guint rows = 0;

  g_array_set_size (labels, 0);
  for (guint i = 0; i < c->chart->analysis.value_markers->len; i++)
    {
      BkChartValueMarker *m = marker_at (c, i);
      double mx = bk_scale_x (c, x, m->value);
      Label label = { i, 0, 0, 0 };

      if (m->label == NULL || *m->label == '\0')
        continue;
      bk_canvas_text (c, BK_FONT_SMALL_BOLD, m->label, c->pw / 3, &label.width, NULL);
      label.left = CLAMP (mx - label.width / 2, c->px, MAX (c->px + c->pw - label.width, c->px));
      g_array_append_val (labels, label);
    }
  g_array_sort (labels, label_cmp);

  right_end = g_new (double, MAX (labels->len, 1));
  for (guint i = 0; i < labels->len; i++)
    {
      Label *label = &g_array_index (labels, Label, i);

      for (label->row = 0; label->row < rows; label->row++)
        if (label->left >= right_end[label->row] + 6)
          break;
      if (label->row == rows)
        rows++;
      right_end[label->row] = label->left + label->width;
    }
  return rows;
}

/* Dashed lines, their labels above the plot on @rows rows */
static void
draw_markers (BkCanvas *c,
              BkScale  *x,
              GArray   *labels,
              guint     rows,
              double    label_row)
{
  for (guint i = 0; i < c->chart->analysis.value_markers->len; i++)
    {
      BkChartValueMarker *m = marker_at (c, i);
      double mx = bk_scale_x (c, x, m->value);
      double top = c->py;

      for (guint l = 0; l < labels->len; l++)
        {
          const Label *label = &g_array_index (labels, Label, l);
          PangoLayout *layout;
          double tw, th;

          if (label->marker != i)
            continue;
          layout = bk_canvas_text (c, BK_FONT_SMALL_BOLD, m->label, c->pw / 3, &tw, &th);
          top = c->py - (MIN (label->row, rows - 1) + 1) * label_row;
          bk_canvas_show (c, layout, label->left, top, &c->text);
          if (c->hits != NULL)
            bk_chart_hits_add_label (c->hits, i, label->left, top, tw, th);
          top += th;
          break;
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
  guint n_labels = labelled_markers (c);
  guint rows = MIN (n_labels, 2);
  g_autoptr(GArray) labels = g_array_new (FALSE, TRUE, sizeof (Label));
  double label_row = 0;
  double top;

  if (a->n_bins == 0)
    {
      bk_canvas_no_data (c);
      return;
    }

  if (n_labels > 0)
    {
      bk_canvas_text (c, BK_FONT_SMALL_BOLD, "0", 0, NULL, &label_row);
      label_row += 2;
    }
  bk_plot_reserve_titles (c);
  bin_ranges (c, &x, &y);

  /* The labels' rows depend on where the markers fall, which depends on
   * the plot: lay it out, place them, and lay it out again when they
   * need more or fewer rows than guessed (only the plot's height
   * changes, so they stay where they were placed) */
  top = c->top;
  c->top = top + rows * label_row;
  if (!bk_plot_layout (c, &x, &y, 0))
    return;
  if (n_labels > 0)
    {
      guint needed = place_labels (c, &x, labels);

      if (needed != rows)
        {
          rows = needed;
          c->top = top + rows * label_row;
          if (!bk_plot_layout (c, &x, &y, 0))
            return;
          place_labels (c, &x, labels);
        }
    }

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

  draw_markers (c, &x, labels, rows, label_row);
}

const BkChartPainter bk_chart_histogram_painter = {
  .draw = draw_histogram,
};
