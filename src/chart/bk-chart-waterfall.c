/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-chart-waterfall.c — the waterfall: the chart's steps as floating
 * bars from a running sum, totals from zero, dashed connectors, values */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bk-chart-canvas-private.h"

static void
waterfall_range (BkCanvas *c,
                 double   *lo,
                 double   *hi)
{
  BkChart *chart = c->chart;
  double running = 0, span;

  *lo = 0.0;
  *hi = 0.0;
  for (guint i = 0; i < chart->steps->len; i++)
    {
      BkChartStep *step = &g_array_index (chart->steps, BkChartStep, i);

      if (step->is_total)
        running = isfinite (step->value) ? step->value : running;
      else
        running += step->value;
      *lo = MIN (*lo, running);
      *hi = MAX (*hi, running);
    }

  /* Headroom for the value labels over (and under) the bars */
  span = *hi - *lo;
  if (*hi > 0)
    *hi += span * 0.08;
  if (*lo < 0)
    *lo -= span * 0.08;
}

static void
waterfall_legend (BkCanvas *c,
                  GArray   *entries)
{
  BkLegendEntry e = { 0 };

  if (c->chart->steps->len == 0)
    return;
  e.series = G_MAXUINT;
  e.name = _("Increase");
  e.color = bk_chart_color_from_hex (c->theme->increase);
  g_array_append_val (entries, e);
  e.name = _("Decrease");
  e.color = bk_chart_color_from_hex (c->theme->decrease);
  g_array_append_val (entries, e);
  e.name = _("Total");
  e.color = bk_chart_color_from_hex (c->theme->total);
  g_array_append_val (entries, e);
}

/* A dashed line at @y from the end of one bar to the next */
static void
draw_connector (BkCanvas *c,
                double    x0,
                double    x1,
                double    y)
{
  static const double dash[] = { 3.0, 3.0 };
  cairo_t *cr = c->cr;
  BkChartColor axis = bk_chart_color_from_hex (c->theme->axis);

  cairo_save (cr);
  cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  cairo_set_line_width (cr, 1.0);
  bk_canvas_set_color (c, &axis);
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_waterfall (BkCanvas *c)
{
  cairo_t *cr = c->cr;
  BkChart *chart = c->chart;
  double band = bk_canvas_spacing (c);
  double bar_w = band * 0.6;
  double running = 0;
  BkChartColor increase = bk_chart_color_from_hex (c->theme->increase);
  BkChartColor decrease = bk_chart_color_from_hex (c->theme->decrease);
  BkChartColor total = bk_chart_color_from_hex (c->theme->total);

  for (guint i = 0; i < chart->steps->len; i++)
    {
      BkChartStep *step = &g_array_index (chart->steps, BkChartStep, i);
      double from, to, x = bk_canvas_x (c, i) - bar_w / 2;
      double top, bottom, tw, th;
      g_autofree char *number = NULL;
      g_autofree char *label = NULL;
      const BkChartColor *color;
      PangoLayout *layout;

      if (step->is_total)
        {
          from = 0;
          to = isfinite (step->value) ? step->value : running;
          color = &total;
        }
      else
        {
          from = running;
          to = running + step->value;
          color = step->value >= 0 ? &increase : &decrease;
        }

      top = bk_canvas_y (c, MAX (from, to));
      bottom = bk_canvas_y (c, MIN (from, to));
      bk_canvas_set_color (c, color);
      cairo_rectangle (cr, x, top, bar_w, MAX (bottom - top, 1.0));
      cairo_fill (cr);
      bk_canvas_hit_rect (c, 0, i, step->is_total ? to : step->value,
                          x, top, bar_w, bottom, to >= from ? top : bottom);

      if (i + 1 < chart->steps->len)
        draw_connector (c, x + bar_w, x + band, bk_canvas_snap (bk_canvas_y (c, to)));

      /* The value over (or under) the bar, when it fits */
      number = bk_chart_format_short (chart->unit, step->is_total ? to : step->value);
      label = !step->is_total && step->value > 0 ? g_strconcat ("+", number, NULL)
                                                 : g_strdup (number);
      layout = bk_canvas_text (c, BK_FONT_SMALL_BOLD, label, 0, &tw, &th);
      if (tw <= band - 4)
        {
          double y = to >= from || (step->is_total && to >= 0) ? top - th - 2 : bottom + 2;
          bk_canvas_show (c, layout, x + bar_w / 2 - tw / 2, y, &c->text);
        }

      running = to;
    }
}

const BkChartPainter bk_chart_waterfall_painter = {
  .axes = TRUE,
  .bands = TRUE,
  .steps = TRUE,
  .range = waterfall_range,
  .legend = waterfall_legend,
  .draw = draw_waterfall,
};
