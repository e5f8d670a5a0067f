/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-chart-legend.c — the legend: its entries, where they go (right, or
 * rows at the bottom) and their clickable boxes */

#include "config.h"

#include "bk-chart-canvas-private.h"

static GArray *
legend_entries (BkCanvas *c)
{
  BkChart *chart = c->chart;
  GArray *entries = g_array_new (FALSE, TRUE, sizeof (BkLegendEntry));

  if (c->painter->legend != NULL)
    {
      c->painter->legend (c, entries);
      return entries;
    }

  for (guint i = 0; i < chart->series->len; i++)
    {
      BkChartSeries *s = bk_canvas_series (c, i);
      BkLegendEntry e = { 0 };

      e.name = s->name;
      e.color = bk_canvas_series_color (c, i);
      e.hidden = s->hidden;
      e.line = c->painter->line_swatch;
      e.series = i;
      g_array_append_val (entries, e);
    }

  return entries;
}

static void
draw_entry (BkCanvas      *c,
            BkLegendEntry *e,
            double         x,
            double         y,
            double         w,
            double         h)
{
  cairo_t *cr = c->cr;
  double sy = y + h / 2;
  PangoLayout *layout;
  double tw, th;

  if (e->hidden)
    {
      cairo_set_line_width (cr, 1.0);
      bk_canvas_set_color (c, &c->secondary);
      cairo_rectangle (cr, x + 1.5, sy - 5.5, 11, 11);
      cairo_stroke (cr);
    }
  else if (e->line)
    {
      bk_canvas_set_color (c, &e->color);
      cairo_rectangle (cr, x, sy - 1.5, 14, 3);
      cairo_fill (cr);
      cairo_arc (cr, x + 7, sy, 3.5, 0, 2 * G_PI);
      cairo_fill (cr);
    }
  else
    {
      bk_canvas_set_color (c, &e->color);
      cairo_rectangle (cr, x + 1, sy - 6, 12, 12);
      cairo_fill (cr);
    }

  layout = bk_canvas_text (c, BK_FONT_LABEL, e->name, MAX (w - 20, 1), &tw, &th);
  bk_canvas_show (c, layout, x + 20, sy - th / 2, e->hidden ? &c->secondary : &c->text);

  if (c->hits != NULL && e->series != G_MAXUINT)
    bk_chart_hits_add_legend (c->hits, e->series, x - 2, y, MIN (w, 20 + tw) + 4, h);
}

/* A column at the right; FALSE when it would not fit */
static gboolean
draw_right (BkCanvas *c,
            GArray   *entries,
            double    entry_h,
            double    max_text)
{
  double avail = c->right - c->left;
  double legend_w = 20 + MIN (max_text, avail * 0.25);
  double x, y;

  if (legend_w > avail * 0.3 || entry_h * entries->len > (c->bottom - c->top) + 1)
    return FALSE;

  x = c->right - legend_w;
  y = c->top + c->line_height / 2;
  for (guint i = 0; i < entries->len; i++)
    {
      draw_entry (c, &g_array_index (entries, BkLegendEntry, i), x, y, legend_w, entry_h);
      y += entry_h;
    }
  c->right = x - 16;
  return TRUE;
}

/* Rows of entries that wrap, at most three rows */
static void
draw_bottom (BkCanvas *c,
             GArray   *entries,
             double    entry_h)
{
  double avail = c->right - c->left;
  double gap = 18;
  guint rows = 1;
  double x = 0;
  double y;

  for (guint i = 0; i < entries->len; i++)
    {
      BkLegendEntry *e = &g_array_index (entries, BkLegendEntry, i);
      double w = MIN (20 + e->text_width, avail);

      if (x > 0 && x + w > avail)
        {
          rows++;
          x = 0;
        }
      x += w + gap;
    }
  rows = MIN (rows, 3);

  y = c->bottom - rows * entry_h;
  c->bottom = y - 8;
  x = 0;
  rows = 0;
  for (guint i = 0; i < entries->len; i++)
    {
      BkLegendEntry *e = &g_array_index (entries, BkLegendEntry, i);
      double w = MIN (20 + e->text_width, avail);

      if (x > 0 && x + w > avail)
        {
          if (++rows == 3)
            break;
          x = 0;
          y += entry_h;
        }
      draw_entry (c, e, c->left + x, y, w, entry_h);
      x += w + gap;
    }
}

void
bk_chart_legend_draw (BkCanvas *c)
{
  g_autoptr(GArray) entries = legend_entries (c);
  BkChartLegendPosition position = c->chart->legend_position;
  double entry_h = MAX (c->line_height, 14.0) + 6;
  double max_text = 0;

  if (position == BK_CHART_LEGEND_NONE || entries->len == 0)
    return;

  for (guint i = 0; i < entries->len; i++)
    {
      BkLegendEntry *e = &g_array_index (entries, BkLegendEntry, i);
      bk_canvas_text (c, BK_FONT_LABEL, e->name, 0, &e->text_width, NULL);
      max_text = MAX (max_text, e->text_width);
    }

  if (position == BK_CHART_LEGEND_RIGHT && draw_right (c, entries, entry_h, max_text))
    return;

  draw_bottom (c, entries, entry_h);
}
