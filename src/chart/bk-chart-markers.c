/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-chart-markers.c — labelled points on a series (a payback point),
 * their labels placed where they overlap nothing */

#include "config.h"

#include "bk-chart-canvas-private.h"

static gboolean
rect_overlaps (const cairo_rectangle_t *a,
               const cairo_rectangle_t *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

/* Above the point, else below, else further up or down; FALSE when no
 * place is free of @placed (cairo_rectangle_t) inside the plot. */
static gboolean
place_label (BkCanvas          *c,
             GArray            *placed,
             double             x,
             double             y,
             double             tw,
             double             th,
             cairo_rectangle_t *box)
{
  static const double offsets[] = { -1, 1, -2, 2, -3, 3 };

  for (guint k = 0; k < G_N_ELEMENTS (offsets); k++)
    {
      gboolean free = TRUE;

      box->width = tw + 16;
      box->height = th + 2;
      box->x = CLAMP (x - box->width / 2, c->px, c->px + c->pw - box->width);
      box->y = offsets[k] < 0
        ? y - 8 - box->height + (offsets[k] + 1) * box->height
        : y + 8 + (offsets[k] - 1) * box->height;
      if (box->y < c->py - c->line_height / 2 || box->y + box->height > c->py + c->ph)
        continue;

      for (guint b = 0; b < placed->len; b++)
        if (rect_overlaps (box, &g_array_index (placed, cairo_rectangle_t, b)))
          free = FALSE;
      if (free)
        return TRUE;
    }
  return FALSE;
}

void
bk_chart_markers_draw (BkCanvas *c)
{
  cairo_t *cr = c->cr;
  BkChart *chart = c->chart;
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));

  for (guint m = 0; m < chart->markers->len; m++)
    {
      BkChartMarker *marker = &g_array_index (chart->markers, BkChartMarker, m);
      BkChartSeries *s;
      BkChartColor color;
      double lo, hi, v, x, y, tw = 0, th = 0;
      guint i0, i1;
      PangoLayout *layout = NULL;
      cairo_rectangle_t box = { 0 };

      if (marker->series >= chart->series->len)
        continue;
      s = bk_canvas_series (c, marker->series);
      if (s->hidden || marker->x < 0 || marker->x > c->n_cat - 1 || s->n_values == 0)
        continue;

      i0 = (guint) floor (marker->x);
      i1 = MIN (i0 + 1, s->n_values - 1);
      lo = bk_chart_series_value (s, i0);
      hi = bk_chart_series_value (s, i1);
      if (!isfinite (lo) || !isfinite (hi))
        continue;
      v = lo + (hi - lo) * (marker->x - i0);
      x = bk_canvas_x (c, marker->x);
      y = bk_canvas_y (c, v);

      color = bk_canvas_series_color (c, marker->series);
      cairo_new_path (cr);
      cairo_arc (cr, x, y, 5.5, 0, 2 * G_PI);
      bk_canvas_set_color (c, &color);
      cairo_fill_preserve (cr);
      bk_canvas_set_color (c, &c->background);
      cairo_set_line_width (cr, 2.0);
      cairo_stroke (cr);

      if (marker->label == NULL || *marker->label == '\0')
        continue;

      layout = bk_canvas_text (c, BK_FONT_SMALL_BOLD, marker->label, c->pw / 3, &tw, &th);
      if (!place_label (c, placed, x, y, tw, th, &box))
        continue;

      g_array_append_val (placed, box);
      cairo_set_source_rgba (cr, c->background.red, c->background.green,
                             c->background.blue, 0.85);
      cairo_rectangle (cr, box.x, box.y, box.width, box.height);
      cairo_fill (cr);
      /* A dot of the series' colour says whose point this is */
      bk_canvas_set_color (c, &color);
      cairo_arc (cr, box.x + 5.5, box.y + box.height / 2, 3, 0, 2 * G_PI);
      cairo_fill (cr);
      bk_canvas_show (c, layout, box.x + 12, box.y + 1, &c->text);
    }
}
