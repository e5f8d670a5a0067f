/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-chart-markers.c — labelled points on a series (a payback point),
 * their labels placed where they overlap nothing */

#include "config.h"

#include "bk-chart-canvas-private.h"

#define DOT_RADIUS 5.5
/* The swatch dots in a label, one per series the label names */
#define SWATCH_STEP 9.0

/* A marker's point as drawn */
typedef struct
{
  guint        marker;
  double       x, y;
  BkChartColor color;
  const char  *label;
  guint        group;   /* the label it shares: markers of equal text */
} Dot;

static gboolean
rect_overlaps (const cairo_rectangle_t *a,
               const cairo_rectangle_t *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

/* Whether the segment (x0, y0)–(x1, y1) passes through @r (Liang–Barsky) */
static gboolean
segment_crosses (const cairo_rectangle_t *r,
                 double                   x0,
                 double                   y0,
                 double                   x1,
                 double                   y1)
{
  double dx = x1 - x0, dy = y1 - y0;
  double p[4] = { -dx, dx, -dy, dy };
  double q[4] = { x0 - r->x, r->x + r->width - x0, y0 - r->y, r->y + r->height - y0 };
  double t0 = 0, t1 = 1;

  for (guint i = 0; i < 4; i++)
    {
      if (p[i] == 0)
        {
          if (q[i] < 0)
            return FALSE;
          continue;
        }
      if (p[i] < 0)
        t0 = MAX (t0, q[i] / p[i]);
      else
        t1 = MIN (t1, q[i] / p[i]);
      if (t0 > t1)
        return FALSE;
    }
  return TRUE;
}

/* How many segments of the visible lines pass through @box */
static guint
count_crossings (BkCanvas                *c,
                 const cairo_rectangle_t *box)
{
  guint n = 0;

  for (guint i = 0; i < c->chart->series->len; i++)
    {
      BkChartSeries *s = bk_canvas_series (c, i);

      if (s->hidden)
        continue;
      for (guint k = 0; k + 1 < MIN (s->n_values, c->n_cat); k++)
        {
          double a = bk_chart_series_value (s, k), b = bk_chart_series_value (s, k + 1);

          if (isfinite (a) && isfinite (b) &&
              segment_crosses (box, bk_canvas_x (c, k), bk_canvas_y (c, a),
                               bk_canvas_x (c, k + 1), bk_canvas_y (c, b)))
            n++;
        }
    }
  return n;
}

/* Above the points (@top the highest, @bottom the lowest), else below,
 * further up or down, or to a side: of the places inside the plot free of
 * @placed (cairo_rectangle_t), the one the fewest lines cross, the nearest
 * of those.  FALSE when no place is free. */
static gboolean
place_label (BkCanvas          *c,
             GArray            *placed,
             double             x,
             double             top,
             double             bottom,
             double             w,
             double             h,
             cairo_rectangle_t *box)
{
  static const double rows[] = { -1, 1, -2, 2, -3, 3, -4, 4 };
  static const double sides[] = { 0, -0.5, 0.5 };
  guint best = G_MAXUINT;

  for (guint k = 0; k < G_N_ELEMENTS (rows); k++)
    for (guint j = 0; j < G_N_ELEMENTS (sides); j++)
      {
        cairo_rectangle_t r = { 0, 0, w, h };
        gboolean free = TRUE;
        guint score;

        r.x = CLAMP (x - w / 2 + sides[j] * w, c->px, c->px + c->pw - w);
        r.y = rows[k] < 0
          ? top - DOT_RADIUS - 3 - h + (rows[k] + 1) * (h + 1)
          : bottom + DOT_RADIUS + 3 + (rows[k] - 1) * (h + 1);
        if (r.y < c->py - c->line_height / 2 || r.y + r.height > c->py + c->ph)
          continue;
        for (guint b = 0; b < placed->len && free; b++)
          free = !rect_overlaps (&r, &g_array_index (placed, cairo_rectangle_t, b));
        if (!free)
          continue;

        /* Lines crossing the label weigh more than its distance */
        score = count_crossings (c, &r) * 100 + k * G_N_ELEMENTS (sides) + j;
        if (score < best)
          {
            best = score;
            *box = r;
          }
      }
  return best != G_MAXUINT;
}

/* Where each marker's point is; markers off the plot or on a
 * hidden series are left out */
static GArray *
collect_dots (BkCanvas *c)
{
  BkChart *chart = c->chart;
  GArray *dots = g_array_new (FALSE, TRUE, sizeof (Dot));

  for (guint m = 0; m < chart->markers->len; m++)
    {
      BkChartMarker *marker = &g_array_index (chart->markers, BkChartMarker, m);
      BkChartSeries *s;
      Dot dot = { 0 };
      double lo, hi;
      guint i0, i1;

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

      dot.marker = m;
      dot.x = bk_canvas_x (c, marker->x);
      dot.y = bk_canvas_y (c, lo + (hi - lo) * (marker->x - i0));
      dot.color = bk_canvas_series_color (c, marker->series);
      dot.label = marker->label != NULL && *marker->label != '\0' ? marker->label : NULL;
      dot.group = dots->len;
      /* Equal labels (two paybacks of 6.1 years) are one label naming both */
      for (guint d = 0; d < dots->len && dot.label != NULL; d++)
        if (g_strcmp0 (g_array_index (dots, Dot, d).label, dot.label) == 0)
          {
            dot.group = g_array_index (dots, Dot, d).group;
            break;
          }
      g_array_append_val (dots, dot);
    }
  return dots;
}

static void
draw_label (BkCanvas *c,
            GArray   *dots,
            guint     group,
            GArray   *placed)
{
  cairo_t *cr = c->cr;
  const Dot *first = NULL;
  double x = 0, top = G_MAXDOUBLE, bottom = -G_MAXDOUBLE, tw = 0, th = 0, swatches;
  guint n = 0;
  PangoLayout *layout;
  cairo_rectangle_t box = { 0 };

  for (guint d = 0; d < dots->len; d++)
    {
      const Dot *dot = &g_array_index (dots, Dot, d);

      if (dot->group != group)
        continue;
      if (first == NULL)
        first = dot;
      x += dot->x;
      top = MIN (top, dot->y);
      bottom = MAX (bottom, dot->y);
      n++;
    }
  g_assert (first != NULL && first->label != NULL);
  x /= n;
  swatches = 3 + n * SWATCH_STEP;

  layout = bk_canvas_text (c, BK_FONT_SMALL_BOLD, first->label, c->pw / 3, &tw, &th);
  if (!place_label (c, placed, x, top, bottom, tw + swatches + 4, th + 2, &box))
    return;

  g_array_append_val (placed, box);
  if (c->hits != NULL)
    bk_chart_hits_add_label (c->hits, first->marker, box.x, box.y, box.width, box.height);

  cairo_set_source_rgba (cr, c->background.red, c->background.green,
                         c->background.blue, 0.85);
  cairo_rectangle (cr, box.x, box.y, box.width, box.height);
  cairo_fill (cr);
  /* A dot of each series' colour says whose point this is */
  for (guint d = 0, k = 0; d < dots->len; d++)
    {
      const Dot *dot = &g_array_index (dots, Dot, d);

      if (dot->group != group)
        continue;
      bk_canvas_set_color (c, &dot->color);
      cairo_arc (cr, box.x + 5.5 + k++ * SWATCH_STEP, box.y + box.height / 2, 3, 0, 2 * G_PI);
      cairo_fill (cr);
    }
  bk_canvas_show (c, layout, box.x + swatches + 2, box.y + 1, &c->text);
}

void
bk_chart_markers_draw (BkCanvas *c)
{
  cairo_t *cr = c->cr;
  g_autoptr(GArray) dots = collect_dots (c);
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));

  /* The points first: no label may cover one */
  for (guint d = 0; d < dots->len; d++)
    {
      const Dot *dot = &g_array_index (dots, Dot, d);
      cairo_rectangle_t r = { dot->x - DOT_RADIUS - 1, dot->y - DOT_RADIUS - 1,
                              2 * DOT_RADIUS + 2, 2 * DOT_RADIUS + 2 };

      cairo_new_path (cr);
      cairo_arc (cr, dot->x, dot->y, DOT_RADIUS, 0, 2 * G_PI);
      bk_canvas_set_color (c, &dot->color);
      cairo_fill_preserve (cr);
      bk_canvas_set_color (c, &c->background);
      cairo_set_line_width (cr, 2.0);
      cairo_stroke (cr);
      g_array_append_val (placed, r);
    }

  for (guint d = 0; d < dots->len; d++)
    {
      const Dot *dot = &g_array_index (dots, Dot, d);

      if (dot->label != NULL && dot->group == d)
        draw_label (c, dots, d, placed);
    }
}
