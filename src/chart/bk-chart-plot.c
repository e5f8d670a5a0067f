/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-chart-plot.c — what plots share: tick labels and grid lines on
 * numeric axes, axis titles, and the layout of the plots whose x axis is
 * numeric (tornado, breakeven map, histogram) */

#include "config.h"

#include "bk-chart-canvas-private.h"

#define TICK_GAP 8.0   /* between a tick label and the plot */

double
bk_canvas_ticks_width (BkCanvas           *c,
                       const BkChartTicks *ticks,
                       BkChartUnit         unit)
{
  double widest = 0;

  for (guint i = 0; i < ticks->n_ticks; i++)
    {
      g_autofree char *label = bk_chart_format_value (unit, ticks->min + i * ticks->step,
                                                      ticks->step);
      double w;

      bk_canvas_text (c, BK_FONT_LABEL, label, 0, &w, NULL);
      widest = MAX (widest, w);
    }
  return widest;
}

guint
bk_plot_tick_target (double length)
{
  return CLAMP ((guint) (MAX (length, 0) / 60.0), 2, 8);
}

/* The ticks inside the axis */
static guint
ticks_inside (const BkScale *s)
{
  double eps = (s->max - s->min) * 1e-9;
  guint n = 0;

  for (guint i = 0; i < s->ticks.n_ticks; i++)
    {
      double v = s->ticks.min + i * s->ticks.step;

      if (v >= s->min - eps && v <= s->max + eps)
        n++;
    }
  return n;
}

void
bk_scale_compute (BkScale *s,
                  guint    target)
{
  double lo = s->lo, hi = s->hi;

  if (!isfinite (lo) || !isfinite (hi))
    {
      lo = 0.0;
      hi = 1.0;
    }
  if (s->exact && hi - lo <= fabs (hi) * 1e-9)
    {
      double d = fabs (hi) > 0 ? fabs (hi) * 0.1 : 0.5;

      lo -= d;
      hi += d;
    }

  s->min = lo;
  s->max = hi;
  /* An axis ending between ticks shows at least two of them */
  for (target = MAX (target, 1); ; target++)
    {
      bk_chart_ticks_compute (lo, hi, target, &s->ticks);
      if (!s->exact || target >= 20 || ticks_inside (s) >= 2)
        break;
    }
  if (!s->exact)
    {
      s->min = s->ticks.min;
      s->max = s->ticks.max;
    }
}

/* The tick's value when it lies on the axis */
static gboolean
tick_value (const BkScale *s,
            guint          i,
            double        *v)
{
  double eps = (s->max - s->min) * 1e-9;

  *v = s->ticks.min + i * s->ticks.step;
  if (fabs (*v) < s->ticks.step * 1e-6)
    *v = 0.0;
  return *v >= s->min - eps && *v <= s->max + eps;
}

/* Titles */

void
bk_plot_reserve_titles (BkCanvas *c)
{
  BkChartAnalysis *a = &c->chart->analysis;
  double lh = c->line_height;

  c->x_title_y = c->y_title_x = 0;
  if (a->axes[BK_CHART_AXIS_X].title != NULL)
    {
      c->x_title_y = c->bottom - lh;
      c->bottom -= lh + 6;
    }
  if (a->axes[BK_CHART_AXIS_Y].title != NULL)
    {
      c->y_title_x = c->left;
      c->left += lh + 8;
    }
}

void
bk_plot_draw_titles (BkCanvas *c)
{
  BkChartAnalysis *a = &c->chart->analysis;
  PangoLayout *layout;
  double w, h;

  if (c->x_title_y > 0)
    {
      layout = bk_canvas_text (c, BK_FONT_LABEL, a->axes[BK_CHART_AXIS_X].title,
                               c->pw, &w, &h);
      bk_canvas_show (c, layout, c->px + (c->pw - w) / 2, c->x_title_y, &c->secondary);
    }
  if (c->y_title_x > 0)
    {
      layout = bk_canvas_text (c, BK_FONT_LABEL, a->axes[BK_CHART_AXIS_Y].title,
                               c->ph, &w, &h);
      cairo_save (c->cr);
      cairo_translate (c->cr, c->y_title_x, c->py + (c->ph + w) / 2);
      cairo_rotate (c->cr, -G_PI / 2);
      bk_canvas_show (c, layout, 0, 0, &c->secondary);
      cairo_restore (c->cr);
    }
}

/* Grids */

void
bk_plot_draw_y_grid (BkCanvas      *c,
                     const BkScale *y,
                     gboolean       skip_zero)
{
  cairo_t *cr = c->cr;
  BkChartColor grid = bk_chart_color_from_hex (c->theme->grid);
  double v;

  cairo_set_line_width (cr, 1.0);
  bk_canvas_set_color (c, &grid);
  for (guint i = 0; i < y->ticks.n_ticks; i++)
    {
      double py;

      if (!tick_value (y, i, &v) || (skip_zero && v == 0.0))
        continue;  /* the zero line is drawn over the data */
      py = bk_canvas_snap (bk_scale_y (c, y, v));
      cairo_move_to (cr, c->px, py);
      cairo_line_to (cr, c->px + c->pw, py);
    }
  cairo_stroke (cr);

  for (guint i = 0; i < y->ticks.n_ticks; i++)
    {
      g_autofree char *label = NULL;
      PangoLayout *layout;
      double w, h;

      if (!tick_value (y, i, &v))
        continue;
      label = bk_chart_format_value (y->unit, v, y->ticks.step);
      layout = bk_canvas_text (c, BK_FONT_LABEL, label, 0, &w, &h);
      bk_canvas_show (c, layout, c->px - TICK_GAP - w, bk_scale_y (c, y, v) - h / 2, &c->secondary);
    }
}

void
bk_plot_draw_x_grid (BkCanvas      *c,
                     const BkScale *x)
{
  cairo_t *cr = c->cr;
  BkChartColor grid = bk_chart_color_from_hex (c->theme->grid);
  double v, last_right = -G_MAXDOUBLE;

  cairo_set_line_width (cr, 1.0);
  bk_canvas_set_color (c, &grid);
  for (guint i = 0; i < x->ticks.n_ticks; i++)
    {
      double px;

      if (!tick_value (x, i, &v))
        continue;
      px = bk_canvas_snap (bk_scale_x (c, x, v));
      cairo_move_to (cr, px, c->py);
      cairo_line_to (cr, px, c->py + c->ph);
    }
  cairo_stroke (cr);

  for (guint i = 0; i < x->ticks.n_ticks; i++)
    {
      g_autofree char *label = NULL;
      PangoLayout *layout;
      double w, h, left;

      if (!tick_value (x, i, &v))
        continue;
      label = bk_chart_format_value (x->unit, v, x->ticks.step);
      layout = bk_canvas_text (c, BK_FONT_LABEL, label, 0, &w, &h);
      /* Within the room the plot was given: never under the legend */
      left = CLAMP (bk_scale_x (c, x, v) - w / 2, c->left, MAX (c->right - w, c->left));
      if (left < last_right + 6)
        continue;
      bk_canvas_show (c, layout, left, c->py + c->ph + 6, &c->secondary);
      last_right = left + w;
    }
}

void
bk_plot_vertical_line (BkCanvas           *c,
                       double              x,
                       double              top,
                       const BkChartColor *color,
                       gboolean            dashed)
{
  static const double dash[] = { 4.0, 3.0 };
  cairo_t *cr = c->cr;

  cairo_save (cr);
  if (dashed)
    cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  cairo_set_line_width (cr, 1.0);
  bk_canvas_set_color (c, color);
  cairo_move_to (cr, bk_canvas_snap (x), top);
  cairo_line_to (cr, bk_canvas_snap (x), c->py + c->ph);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* Layout */

/* As many x ticks as have room for their labels */
static void
fit_x_ticks (BkCanvas *c,
             BkScale  *x)
{
  for (guint target = CLAMP ((guint) (c->pw / 90), 2, 10); ; target--)
    {
      double widest;

      bk_scale_compute (x, target);
      widest = bk_canvas_ticks_width (c, &x->ticks, x->unit);
      if (target <= 2 ||
          (widest + 16) * (x->max - x->min) <= c->pw * x->ticks.step)
        return;
    }
}

gboolean
bk_plot_layout (BkCanvas *c,
                BkScale  *x,
                BkScale  *y,
                double    label_width)
{
  double lh = c->line_height;
  double left;

  c->py = c->top + lh / 2;
  c->ph = c->bottom - (lh + 6) - c->py;
  if (c->ph < 30)
    return FALSE;

  if (y != NULL)
    {
      bk_scale_compute (y, bk_plot_tick_target (c->ph));
      left = c->left + bk_canvas_ticks_width (c, &y->ticks, y->unit) + TICK_GAP;
    }
  else
    left = c->left + label_width + 10;

  c->px = left;
  c->pw = c->right - left;
  if (c->pw < 40)
    return FALSE;

  fit_x_ticks (c, x);
  if (c->hits != NULL)
    bk_chart_hits_set_plot (c->hits, c->px, c->py, c->pw, c->ph);
  return TRUE;
}
