/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-chart-tornado.c — the tornado: a row a driver, in the order given
 * (as many as their names fit, from the first), bars from the base value
 * to the metric at the driver's low and high values, the drivers' names on
 * the left and a line at the base */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bk-chart-canvas-private.h"

#define LOW_COLOR  0  /* palette indices */
#define HIGH_COLOR 1
#define MAX_BAR    28.0

static double
base_of (BkCanvas *c)
{
  double base = c->chart->analysis.base_value;

  return isfinite (base) ? base : 0.0;
}

static BkChartSwing *
swing_at (BkCanvas *c,
          guint     i)
{
  return &g_array_index (c->chart->analysis.swings, BkChartSwing, i);
}

static BkChartColor
bar_color (BkCanvas *c,
           guint     side)
{
  return bk_chart_color_from_hex (c->theme->palette[side == 0 ? LOW_COLOR : HIGH_COLOR]);
}

static void
tornado_legend (BkCanvas *c,
                GArray   *entries)
{
  BkLegendEntry e = { 0 };

  if (c->chart->analysis.swings->len == 0)
    return;
  e.series = G_MAXUINT;
  e.name = _("Low value");
  e.color = bar_color (c, 0);
  g_array_append_val (entries, e);
  e.name = _("High value");
  e.color = bar_color (c, 1);
  g_array_append_val (entries, e);
}

/* The widest of the drivers' low and high value labels */
static double
input_labels_width (BkCanvas *c)
{
  double widest = 0;

  for (guint i = 0; i < c->chart->analysis.swings->len; i++)
    {
      BkChartSwing *s = swing_at (c, i);
      const char *labels[] = { s->low_label, s->high_label };

      for (guint k = 0; k < G_N_ELEMENTS (labels); k++)
        if (labels[k] != NULL && *labels[k] != '\0')
          {
            double w;

            bk_canvas_text (c, BK_FONT_SMALL, labels[k], 0, &w, NULL);
            widest = MAX (widest, w);
          }
    }
  return widest;
}

/* The values to show: the base and every bar's end */
static void
swing_range (BkCanvas *c,
             BkScale  *x)
{
  x->lo = x->hi = base_of (c);
  for (guint i = 0; i < c->chart->analysis.swings->len; i++)
    {
      BkChartSwing *s = swing_at (c, i);

      if (isfinite (s->low))
        {
          x->lo = MIN (x->lo, s->low);
          x->hi = MAX (x->hi, s->low);
        }
      if (isfinite (s->high))
        {
          x->lo = MIN (x->lo, s->high);
          x->hi = MAX (x->hi, s->high);
        }
    }
}

/* The width of the first @rows drivers' names on the left and their
 * *font: whole in the usual font within 35 % of the width, or 45 % where
 * they need it, else a font step smaller within 45 %; else cut with "…"
 * at 35 % */
static double
row_labels_width (BkCanvas   *c,
                  guint       rows,
                  BkFontRole *font)
{
  const BkFontRole roles[] = { BK_FONT_LABEL, BK_FONT_SMALL };
  double room = c->right - c->left;

  for (guint f = 0; f < G_N_ELEMENTS (roles); f++)
    {
      double widest = 0;

      for (guint i = 0; i < rows; i++)
        {
          double w;

          bk_canvas_text (c, roles[f], swing_at (c, i)->label, 0, &w, NULL);
          widest = MAX (widest, w);
        }
      if (widest <= room * 0.45)
        {
          *font = roles[f];
          return widest;
        }
    }
  *font = BK_FONT_LABEL;
  return room * 0.35;
}

/* One bar of row @row from the base to @v; its input label at its end
 * unless @label is NULL */
static void
draw_bar (BkCanvas   *c,
          BkScale    *x,
          guint       row,
          guint       side,
          double      v,
          double      yc,
          double      thickness,
          const char *label)
{
  cairo_t *cr = c->cr;
  BkChartColor color = bar_color (c, side);
  double x0 = bk_scale_x (c, x, base_of (c)), x1 = bk_scale_x (c, x, v);
  double left = MIN (x0, x1), w = fabs (x1 - x0);
  BkChartHitItem item = { 0 };

  bk_canvas_set_color (c, &color);
  cairo_rectangle (cr, left, yc - thickness / 2, MAX (w, 1.0), thickness);
  cairo_fill (cr);

  item.shape = BK_CHART_HIT_RECT;
  item.series = side;
  item.index = row;
  item.value = v;
  item.x = w < 6 ? left + w / 2 - 3 : left;
  item.w = MAX (w, 6);
  item.y = yc - thickness / 2;
  item.h = thickness;
  item.anchor_x = x1;
  item.anchor_y = yc;
  bk_canvas_hit (c, &item);

  if (label != NULL && *label != '\0')
    {
      double tw, th, lx;
      PangoLayout *layout = bk_canvas_text (c, BK_FONT_SMALL, label, 0, &tw, &th);

      lx = v >= base_of (c) ? x1 + 4 : x1 - 4 - tw;
      if (lx >= c->px && lx + tw <= c->px + c->pw)
        bk_canvas_show (c, layout, lx, yc - th / 2, &c->secondary);
    }
}

static void
draw_row (BkCanvas   *c,
          BkScale    *x,
          guint       row,
          double      yc,
          double      thickness,
          BkFontRole  font,
          double      label_width,
          gboolean    inputs)
{
  BkChartSwing *s = swing_at (c, row);
  double base = base_of (c);
  double values[2] = { s->low, s->high };
  const char *labels[2] = { s->low_label, s->high_label };
  gboolean same_side = (s->low - base) * (s->high - base) > 0;
  guint first = fabs (s->low - base) >= fabs (s->high - base) ? 0 : 1;
  PangoLayout *layout;
  PangoRectangle ink;
  double tw, th, corners[8];

  /* The driver's name, recorded as the row's category */
  layout = bk_canvas_text (c, font, s->label, label_width, &tw, &th);
  bk_canvas_show (c, layout, c->px - 10 - tw, yc - th / 2, &c->text);
  pango_layout_get_pixel_extents (layout, &ink, NULL);
  if (c->hits != NULL && bk_canvas_user_corners (c, c->px - 10 - tw + ink.x, yc - th / 2 + ink.y,
                                                 ink.width, ink.height, corners))
    bk_chart_hits_add_category (c->hits, row, corners, pango_layout_is_ellipsized (layout));

  /* The longer bar first, so that on one side the shorter shows over it;
   * there, only the longer one's end has room for a label */
  for (guint k = 0; k < 2; k++)
    {
      guint side = k == 0 ? first : 1 - first;

      if (isfinite (values[side]))
        draw_bar (c, x, row, side, values[side], yc, thickness,
                  !inputs || (same_side && k == 1) ? NULL : labels[side]);
    }
}

static void
draw_base (BkCanvas *c,
           BkScale  *x)
{
  BkChartColor axis = bk_chart_color_from_hex (c->theme->axis);
  double bx = bk_scale_x (c, x, base_of (c));
  g_autofree char *value = bk_chart_format_short (c->chart->unit, base_of (c));
  g_autofree char *text = NULL;
  PangoLayout *layout;
  double tw, th;

  bk_plot_vertical_line (c, bx, c->py, &axis, FALSE);
  if (!isfinite (c->chart->analysis.base_value))
    return;

  /* Translators: over a tornado's base line, "Base: $12.3B" */
  text = g_strdup_printf (_("Base: %s"), value);
  layout = bk_canvas_text (c, BK_FONT_SMALL_BOLD, text, 0, &tw, &th);
  bk_canvas_show (c, layout, CLAMP (bx - tw / 2, c->px, MAX (c->px + c->pw - tw, c->px)),
                  c->py - th - 2, &c->text);
}

static void
draw_tornado (BkCanvas *c)
{
  guint n = c->chart->analysis.swings->len, shown;
  BkScale x = { 0 };
  double label_width, inputs, rh, thickness;
  BkFontRole font;

  if (n == 0)
    {
      bk_canvas_no_data (c);
      return;
    }

  inputs = input_labels_width (c);
  if ((c->bottom - c->top) / n < 2 * c->line_height)
    inputs = 0;  /* rows too close for them */
  c->top += c->line_height + 2;  /* the base's label */
  bk_plot_reserve_titles (c);

  x.unit = c->chart->unit;
  swing_range (c, &x);
  if (!bk_plot_layout (c, &x, NULL, row_labels_width (c, n, &font)))
    return;

  /* As many rows as their names fit one above the other: the drivers that
   * move the metric most, as they come first; the names' column as wide
   * as theirs */
  shown = CLAMP ((guint) floor (c->ph / (c->line_height + 2)), 1, n);
  label_width = row_labels_width (c, shown, &font);
  bk_plot_layout (c, &x, NULL, label_width);

  /* Room at the ends for the input labels */
  if (inputs > 0 && c->pw <= 6 * (inputs + 6))
    inputs = 0;
  if (inputs > 0)
    {
      double pad = (inputs + 6) * (x.hi - x.lo) / (c->pw - 2 * (inputs + 6));

      x.lo -= pad;
      x.hi += pad;
      bk_plot_layout (c, &x, NULL, label_width);
    }

  rh = c->ph / shown;
  thickness = MIN (rh * 0.62, MAX_BAR);

  bk_plot_draw_x_grid (c, &x);
  bk_plot_draw_titles (c);
  for (guint i = 0; i < shown; i++)
    draw_row (c, &x, i, c->py + (i + 0.5) * rh, thickness, font, label_width, inputs > 0);
  draw_base (c, &x);
}

const BkChartPainter bk_chart_tornado_painter = {
  .legend = tornado_legend,
  .draw = draw_tornado,
};
