/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-chart-axes.c — the plot of the kinds with axes: its rectangle, value
 * ticks, grid, zero line and category labels, and the kind's data drawn
 * on it (the tick maths itself is bk-chart-axis.c) */

#include "config.h"

#include "bk-chart-canvas-private.h"

#define SIN45 0.70710678118654752

static const char *
category_label (BkCanvas *c,
                guint     i)
{
  BkChart *chart = c->chart;

  if (c->painter->steps)
    return i < chart->steps->len ? g_array_index (chart->steps, BkChartStep, i).label : "";
  return i < chart->categories->len ? g_ptr_array_index (chart->categories, i) : "";
}

/* The range of the visible values, and zero */
static void
series_range (BkCanvas *c,
              double   *lo,
              double   *hi)
{
  BkChart *chart = c->chart;

  *lo = 0.0;
  *hi = 0.0;
  for (guint j = 0; j < chart->series->len; j++)
    {
      BkChartSeries *s = bk_canvas_series (c, j);

      if (s->hidden)
        continue;
      for (guint i = 0; i < s->n_values; i++)
        if (isfinite (s->values[i]))
          {
            *lo = MIN (*lo, s->values[i]);
            *hi = MAX (*hi, s->values[i]);
          }
    }
}

/* Thinned labels: every 1st, 2nd, 5th, 10th, 20th… */
static guint
nice_every (guint k)
{
  guint nice = 1;

  while (nice < k)
    {
      if (nice * 2 >= k)
        return nice * 2;
      if (nice * 5 >= k)
        return nice * 5;
      nice *= 10;
    }
  return nice;
}

/* Whether every category label fits on two lines of @width; *height is
 * the tallest. */
static gboolean
labels_wrap (BkCanvas *c,
             double    width,
             double   *height)
{
  *height = 0;
  if (width < 20)
    return FALSE;

  for (guint i = 0; i < c->n_cat; i++)
    {
      PangoLayout *layout;
      PangoRectangle ink, logical;

      layout = bk_canvas_text (c, BK_FONT_WRAP, category_label (c, i), width, NULL, NULL);
      pango_layout_get_pixel_extents (layout, &ink, &logical);
      if (pango_layout_get_line_count (layout) > 2 || logical.x < 0 ||
          logical.x + logical.width > width + 1)
        return FALSE;
      *height = MAX (*height, logical.height);
    }
  return TRUE;
}

/* Whether @text fits on two lines of @width, no word cut */
static gboolean
fits_two_lines (BkCanvas   *c,
                const char *text,
                double      width)
{
  PangoLayout *layout = bk_canvas_text (c, BK_FONT_WRAP, text, width, NULL, NULL);
  PangoRectangle logical;

  pango_layout_get_pixel_extents (layout, NULL, &logical);
  return pango_layout_get_line_count (layout) <= 2 && logical.x >= 0 &&
         logical.x + logical.width <= width + 1;
}

/* The narrowest width up to @width that holds @text on two lines, so
 * its lines come out about even ("Depreciation / added back", "加回 /
 * 折旧", not "加回折 / 旧"); @width when it does not fit at all */
static double
balanced_width (BkCanvas   *c,
                const char *text,
                double      width)
{
  double lo, hi = width, full;

  bk_canvas_text (c, BK_FONT_WRAP, text, 0, &full, NULL);
  if (full <= width || !fits_two_lines (c, text, width))
    return MIN (full, width);

  lo = full / 2;
  for (guint k = 0; k < 10 && hi - lo > 0.5; k++)
    {
      double mid = (lo + hi) / 2;

      if (fits_two_lines (c, text, mid))
        hi = mid;
      else
        lo = mid;
    }
  return hi;
}

/* Picks ticks, the plot rectangle and how category labels fit. */
static gboolean
layout_axes (BkCanvas *c)
{
  double lo, hi, label_w, max_label = 0, spacing, cat_h, plot_top, wrap_h = 0, longest;
  double lh = c->line_height;
  double left = c->left, top = c->top, right = c->right, bottom = c->bottom;
  gboolean bands = c->painter->bands;

  if (c->painter->range != NULL)
    c->painter->range (c, &lo, &hi);
  else
    series_range (c, &lo, &hi);

  plot_top = top + lh / 2;
  bk_chart_ticks_compute (lo, hi, bk_plot_tick_target (bottom - plot_top - lh - 8), &c->ticks);
  label_w = bk_canvas_ticks_width (c, &c->ticks, c->chart->unit);

  c->px = left + label_w + 8;
  c->pw = right - c->px;
  if (c->pw < 40 || c->n_cat == 0)
    return FALSE;

  for (guint i = 0; i < c->n_cat; i++)
    {
      double w;

      bk_canvas_text (c, BK_FONT_LABEL, category_label (c, i), 0, &w, NULL);
      max_label = MAX (max_label, w);
    }

  c->inset = MIN (c->pw / 4, MAX (8.0, max_label / 2));
  spacing = bk_canvas_spacing (c);
  /* Rotated labels may take up to 40 % of the height: whole names rather
   * than a taller plot */
  c->label_cap = MAX ((bottom - top) * 0.4 / SIN45 - lh, 20.0);
  c->label_lines = 1;

  if (max_label + 10 <= spacing)
    {
      c->label_mode = BK_LABELS_HORIZONTAL;
      c->label_every = 1;
    }
  else if (bands && labels_wrap (c, spacing - 8, &wrap_h))
    {
      /* Names under bars: on two lines if they fit */
      c->label_mode = BK_LABELS_WRAPPED;
      c->label_every = 1;
      c->wrap_width = spacing - 8;
    }
  else if (bands)
    {
      /* Else rotate them, then thin them if still too close */
      c->label_mode = BK_LABELS_ROTATED;
      c->label_every = MAX (1, (guint) ceil (lh * 1.2 / spacing));
      /* Too long for the room below the plot: on two lines, before "…",
       * where the thicker labels need not be thinned out */
      if (max_label > c->label_cap && labels_wrap (c, c->label_cap, &wrap_h) &&
          MAX (1, (guint) ceil (lh * 2.6 / spacing)) == c->label_every)
        c->label_lines = 2;
    }
  else
    {
      /* Periods along a line: show every k-th */
      c->label_mode = BK_LABELS_HORIZONTAL;
      c->label_every = MAX (1, (guint) ceil ((max_label + 10) / spacing));
    }

  c->label_every = nice_every (c->label_every);

  if (c->label_mode == BK_LABELS_HORIZONTAL)
    cat_h = lh + 6;
  else if (c->label_mode == BK_LABELS_WRAPPED)
    cat_h = wrap_h + 6;
  else
    {
      /* Room on the left for the first label, which reaches down-left */
      double need, shift;

      longest = MIN (max_label, c->label_cap);
      need = (longest + lh * (c->label_lines - 1)) * SIN45 + 4 - spacing / 2;
      shift = MIN (need - c->px, c->pw * 0.2);
      if (shift > 0)
        {
          c->px += shift;
          c->pw -= shift;
        }
      cat_h = (longest + lh * c->label_lines) * SIN45 + 6;
    }

  c->py = plot_top;
  c->ph = bottom - cat_h - plot_top;
  if (c->ph < 30)
    return FALSE;

  /* With the real height the tick count may change, and so the labels */
  bk_chart_ticks_compute (lo, hi, bk_plot_tick_target (c->ph), &c->ticks);
  {
    double w = bk_canvas_ticks_width (c, &c->ticks, c->chart->unit);
    if (w > label_w)
      {
        c->px += w - label_w;
        c->pw -= w - label_w;
      }
  }

  return TRUE;
}

static void
draw_grid (BkCanvas *c)
{
  BkScale y = { 0 };

  y.unit = c->chart->unit;
  y.min = c->ticks.min;
  y.max = c->ticks.max;
  y.ticks = c->ticks;
  bk_plot_draw_y_grid (c, &y, TRUE);
}

/* Records category @i's label, drawn at @x, @y in the current user space */
static void
mark_category (BkCanvas    *c,
               guint        i,
               PangoLayout *layout,
               double       x,
               double       y,
               gboolean     cut)
{
  PangoRectangle ink;
  cairo_rectangle_t box;

  pango_layout_get_pixel_extents (layout, &ink, NULL);
  if (c->hits != NULL && bk_canvas_user_box (c, x + ink.x, y + ink.y, ink.width, ink.height, &box))
    bk_chart_hits_add_category (c->hits, i, &box, cut);
}

static void
draw_category_labels (BkCanvas *c)
{
  cairo_t *cr = c->cr;
  double lh = c->line_height;
  double y = c->py + c->ph + 6;

  for (guint i = 0; i < c->n_cat; i += c->label_every)
    {
      const char *text = category_label (c, i);
      double x = bk_canvas_x (c, i);
      PangoLayout *layout;
      double w, h;

      if (text == NULL || *text == '\0')
        continue;

      if (c->label_mode == BK_LABELS_HORIZONTAL)
        {
          layout = bk_canvas_text (c, BK_FONT_LABEL, text, 0, &w, &h);
          x = CLAMP (x - w / 2, 0, MAX (c->width - w, 0));
          bk_canvas_show (c, layout, x, y, &c->secondary);
          mark_category (c, i, layout, x, y, FALSE);
        }
      else if (c->label_mode == BK_LABELS_WRAPPED)
        {
          w = balanced_width (c, text, c->wrap_width);
          layout = bk_canvas_text (c, BK_FONT_WRAP, text, w, NULL, NULL);
          bk_canvas_show (c, layout, x - w / 2, y, &c->secondary);
          mark_category (c, i, layout, x - w / 2, y, pango_layout_get_line_count (layout) > 2);
        }
      else
        {
          /* Ends under its bar, rising to the right at 45° */
          double cap = MIN (c->label_cap, MAX ((x - 2) / SIN45 - lh * c->label_lines, 10));
          gboolean wrapped = FALSE;

          layout = bk_canvas_text (c, BK_FONT_LABEL, text, 0, &w, &h);
          if (w > cap && c->label_lines > 1 && fits_two_lines (c, text, cap))
            {
              /* Two lines ending under the bar */
              PangoRectangle logical;

              layout = bk_canvas_text (c, BK_FONT_WRAP, text, balanced_width (c, text, cap), NULL, NULL);
              pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
              pango_layout_get_pixel_extents (layout, NULL, &logical);
              w = logical.x + logical.width;
              h = logical.height;
              wrapped = TRUE;
            }
          else if (w > cap)
            layout = bk_canvas_text (c, BK_FONT_LABEL, text, cap, &w, &h);
          cairo_save (cr);
          cairo_translate (cr, x, y + (wrapped ? lh : h) * 0.35);
          cairo_rotate (cr, -G_PI / 4);
          bk_canvas_show (c, layout, -w, wrapped ? -lh / 2 : -h / 2, &c->secondary);
          mark_category (c, i, layout, -w, wrapped ? -lh / 2 : -h / 2,
                         pango_layout_is_ellipsized (layout));
          cairo_restore (cr);
          if (wrapped)
            pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
        }
    }
}

static void
draw_zero_line (BkCanvas *c)
{
  cairo_t *cr = c->cr;
  BkChartColor axis = bk_chart_color_from_hex (c->theme->axis);
  double y = bk_canvas_snap (bk_canvas_y (c, 0.0));

  cairo_set_line_width (cr, 1.0);
  bk_canvas_set_color (c, &axis);
  cairo_move_to (cr, c->px, y);
  cairo_line_to (cr, c->px + c->pw, y);
  cairo_stroke (cr);
}

void
bk_chart_axes_draw (BkCanvas *c)
{
  BkChart *chart = c->chart;
  gboolean empty;

  if (c->painter->count != NULL)
    {
      c->n_cat = c->painter->count (c);
      empty = c->n_cat == 0;
    }
  else if (c->painter->steps)
    {
      c->n_cat = chart->steps->len;
      empty = c->n_cat == 0;
    }
  else
    {
      c->n_cat = bk_chart_get_n_categories (chart);
      empty = c->n_cat == 0 || bk_canvas_count_visible (c) == 0;
    }

  if (empty)
    {
      bk_canvas_no_data (c);
      return;
    }

  bk_plot_reserve_titles (c);
  if (!layout_axes (c))
    return;

  if (c->hits != NULL)
    bk_chart_hits_set_plot (c->hits, c->px, c->py, c->pw, c->ph);

  draw_grid (c);
  draw_category_labels (c);
  bk_plot_draw_titles (c);

  cairo_save (c->cr);
  /* Keep data inside the plot (and its labels a little above it) */
  cairo_rectangle (c->cr, c->px - 8, c->py - c->line_height / 2,
                   c->pw + 16, c->ph + c->line_height / 2 + 5);
  cairo_clip (c->cr);

  c->painter->draw (c);

  draw_zero_line (c);
  bk_chart_markers_draw (c);
  cairo_restore (c->cr);
}
