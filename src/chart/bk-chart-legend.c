/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-chart-legend.c — the legend: its entries, where they go (right, or
 * rows at the bottom, or a key the kind places beside its plot) and their
 * clickable boxes */

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

/* One entry: its swatch, and its name on at most @lines lines of the
 * width left beside the swatch */
static void
draw_entry (BkCanvas      *c,
            BkLegendEntry *e,
            double         x,
            double         y,
            double         w,
            double         h,
            int            lines)
{
  cairo_t *cr = c->cr;
  double sy = y + h / 2;
  g_autoptr(PangoLayout) layout = NULL;
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

  bk_canvas_mark_part (c, x, sy - 6, 14, 12);
  layout = bk_canvas_text_wrapped (c, BK_FONT_LABEL, e->name, MAX (w - 20, 1), lines, &tw, &th);
  bk_canvas_show (c, layout, x + 20, sy - th / 2, e->hidden ? &c->secondary : &c->text);

  if (c->hits != NULL)
    bk_chart_hits_add_name (c->hits, e->name, x + 20, sy - th / 2, tw, th,
                            pango_layout_is_ellipsized (layout));
  if (c->hits != NULL && e->series != G_MAXUINT)
    bk_chart_hits_add_legend (c->hits, e->series, x - 2, y, MIN (w, 20 + tw) + 4, h);
}

#define ENTRY_GAP   18
#define MAX_ROWS    3
#define RIGHT_LINES 2  /* a long name in the column at the right wraps */

/* A row at the bottom; compact, with less room around the names */
static double
entry_height (BkCanvas *c)
{
  return MAX (c->line_height, 14.0) + (c->compact ? 2 : 6);
}

/* Between the rows at the bottom and what is above them */
static double
bottom_gap (BkCanvas *c)
{
  return c->compact ? 4 : 8;
}

/* The height of @e in the column at the right, @w wide: its name on up
 * to RIGHT_LINES lines */
static double
right_entry_height (BkCanvas      *c,
                    BkLegendEntry *e,
                    double         w)
{
  g_autoptr(PangoLayout) layout = NULL;
  double th;

  layout = bk_canvas_text_wrapped (c, BK_FONT_LABEL, e->name, MAX (w - 20, 1), RIGHT_LINES, NULL, &th);
  return MAX (th, 14.0) + 6;
}

/* The entries with their texts' widths, and the widest; NULL when there is
 * no legend to draw */
static GArray *
measured_entries (BkCanvas *c,
                  double   *max_text)
{
  g_autoptr(GArray) entries = NULL;

  *max_text = 0;
  if (c->chart->legend_position == BK_CHART_LEGEND_NONE)
    return NULL;
  entries = legend_entries (c);
  if (entries->len == 0)
    return NULL;

  for (guint i = 0; i < entries->len; i++)
    {
      BkLegendEntry *e = &g_array_index (entries, BkLegendEntry, i);

      bk_canvas_text (c, BK_FONT_LABEL, e->name, 0, &e->text_width, NULL);
      *max_text = MAX (*max_text, e->text_width);
    }
  return g_steal_pointer (&entries);
}

static double
right_width (BkCanvas *c,
             double    max_text)
{
  return 20 + MIN (max_text, (c->right - c->left) * 0.25);
}

/* Whether the entries go in a column at the right of a room
 * @room_height tall */
static gboolean
fits_right (BkCanvas *c,
            GArray   *entries,
            double    max_text,
            double    room_height)
{
  double w = right_width (c, max_text);
  double height = 0;

  if (c->chart->legend_position != BK_CHART_LEGEND_RIGHT || w > (c->right - c->left) * 0.3)
    return FALSE;
  for (guint i = 0; i < entries->len; i++)
    height += right_entry_height (c, &g_array_index (entries, BkLegendEntry, i), w);
  return height <= room_height + 1;
}

/* How many rows the entries take at the bottom, wrapping */
static guint
count_rows (BkCanvas *c,
            GArray   *entries)
{
  double avail = c->right - c->left;
  guint rows = 1;
  double x = 0;

  for (guint i = 0; i < entries->len; i++)
    {
      BkLegendEntry *e = &g_array_index (entries, BkLegendEntry, i);
      double w = MIN (20 + e->text_width, avail);

      if (x > 0 && x + w > avail)
        {
          rows++;
          x = 0;
        }
      x += w + ENTRY_GAP;
    }
  return rows;
}

/* The entries in a column @w wide from (@x, @y) down, drawn if @draw;
 * the height they take */
static double
column (BkCanvas *c,
        GArray   *entries,
        double    x,
        double    y,
        double    w,
        gboolean  draw)
{
  double top = y;

  for (guint i = 0; i < entries->len; i++)
    {
      BkLegendEntry *e = &g_array_index (entries, BkLegendEntry, i);
      double entry_h = right_entry_height (c, e, w);

      if (draw)
        draw_entry (c, e, x, y, w, entry_h, RIGHT_LINES);
      y += entry_h;
    }
  return y - top;
}

/* A column at the right */
static void
draw_right (BkCanvas *c,
            GArray   *entries,
            double    max_text)
{
  double legend_w = right_width (c, max_text);
  double x = c->right - legend_w;

  column (c, entries, x, c->top + c->line_height / 2, legend_w, TRUE);
  c->right = x - 16;
}

/* Rows of entries that wrap: at most three rows, and no more than the
 * room the render left for them (c->legend_room), one at least */
static void
draw_bottom (BkCanvas *c,
             GArray   *entries)
{
  double avail = c->right - c->left;
  double entry_h = entry_height (c);
  guint max_rows = (guint) CLAMP (floor ((c->legend_room - bottom_gap (c)) / entry_h), 1, MAX_ROWS);
  guint rows = MIN (count_rows (c, entries), max_rows);
  double x = 0;
  double y;

  y = c->bottom - rows * entry_h;
  c->bottom = y - bottom_gap (c);
  rows = 0;
  for (guint i = 0; i < entries->len; i++)
    {
      BkLegendEntry *e = &g_array_index (entries, BkLegendEntry, i);
      double w = MIN (20 + e->text_width, avail);

      if (x > 0 && x + w > avail)
        {
          if (++rows == max_rows)
            break;
          x = 0;
          y += entry_h;
        }
      draw_entry (c, e, c->left + x, y, w, entry_h, 1);
      x += w + ENTRY_GAP;
    }
}

/* Whether the kind draws the legend itself, as a key beside its plot */
static gboolean
in_plot (BkCanvas *c)
{
  return c->painter->key_in_plot && c->chart->legend_position == BK_CHART_LEGEND_RIGHT;
}

double
bk_chart_legend_key_width (BkCanvas *c)
{
  double max_text;
  g_autoptr(GArray) entries = in_plot (c) ? measured_entries (c, &max_text) : NULL;

  return entries != NULL ? 20 + max_text : 0;
}

double
bk_chart_legend_key (BkCanvas *c,
                     double    x,
                     double    y,
                     double    w,
                     gboolean  draw)
{
  double max_text;
  g_autoptr(GArray) entries = in_plot (c) ? measured_entries (c, &max_text) : NULL;

  if (entries == NULL)
    return 0;
  return column (c, entries, x, y, w, draw);
}

double
bk_chart_legend_height (BkCanvas *c,
                        double    room_height)
{
  double max_text;
  g_autoptr(GArray) entries = NULL;

  if (in_plot (c))
    return 0;
  entries = measured_entries (c, &max_text);
  if (entries == NULL || fits_right (c, entries, max_text, room_height))
    return 0;
  return MIN (count_rows (c, entries), MAX_ROWS) * entry_height (c) + bottom_gap (c);
}

void
bk_chart_legend_draw (BkCanvas *c)
{
  double max_text;
  g_autoptr(GArray) entries = in_plot (c) ? NULL : measured_entries (c, &max_text);

  if (entries == NULL)
    return;
  if (fits_right (c, entries, max_text, c->bottom - c->top))
    draw_right (c, entries, max_text);
  else
    draw_bottom (c, entries);
}
