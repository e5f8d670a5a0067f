/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-chart-map.c — the breakeven map: the grid as a heat map on a
 * diverging colour scale centred on the target, the contour traced over
 * it, labelled points, and the colour scale beside the plot with the
 * contour's key under it */

#include "config.h"

#include <string.h>

#include "bk-chart-canvas-private.h"

#define N_STOPS  9
#define SCALE_W  14.0   /* the colour scale's bar */
#define SCALE_GAP 18.0  /* between the plot and the bar */
#define LEVELS   64     /* colour steps on each side of the target */

/* ColorBrewer's RdBu, safe for colour-blind readers: red below the
 * target, blue above; on dark, the middle sinks to the background. */
static const guint32 stops[][N_STOPS] = {
  [BK_CHART_THEME_LIGHT] = { 0xb2182b, 0xd6604d, 0xf4a582, 0xfddbc7, 0xf7f7f7,
                             0xd1e5f0, 0x92c5de, 0x4393c3, 0x2166ac },
  [BK_CHART_THEME_DARK]  = { 0xf4846c, 0xcc5a4a, 0x99413a, 0x5e3330, 0x363636,
                             0x2b4257, 0x2f6690, 0x3f8cc4, 0x7ab8e6 },
};

/* The colour @t of the way from the scale's bottom (−1) to its top (1) */
static BkChartColor
scale_color (BkCanvas *c,
             double    t)
{
  const guint32 *s = stops[c->chart->theme];
  double f = (CLAMP (t, -1.0, 1.0) + 1.0) / 2.0 * (N_STOPS - 1);
  guint i = MIN ((guint) f, N_STOPS - 2);
  BkChartColor a = bk_chart_color_from_hex (s[i]);
  BkChartColor b = bk_chart_color_from_hex (s[i + 1]);

  return bk_chart_color_mix (&a, &b, f - i);
}

/* The colour scale: symmetric around the target, out to the farthest
 * value; *found FALSE when no cell has a value */
static void
value_scale (BkCanvas *c,
             BkScale  *s,
             gboolean *found)
{
  BkChartAnalysis *a = &c->chart->analysis;
  double dev = 0;

  *found = FALSE;
  for (guint k = 0; k < a->n_x * a->n_y; k++)
    if (isfinite (a->grid[k]))
      {
        dev = MAX (dev, fabs (a->grid[k] - a->target));
        *found = TRUE;
      }
  if (!(dev > 0))
    dev = MAX (fabs (a->target) * 0.1, 1.0);

  memset (s, 0, sizeof *s);
  s->unit = c->chart->unit;
  s->exact = TRUE;
  s->lo = s->min = a->target - dev;
  s->hi = s->max = a->target + dev;
}

/* An axis' range: the grid's points are the cells' centres */
static void
grid_scale (const double *values,
            guint         n,
            BkChartUnit   unit,
            BkScale      *s)
{
  memset (s, 0, sizeof *s);
  s->unit = unit;
  s->exact = TRUE;
  s->lo = values[0];
  s->hi = values[n - 1];
  if (n > 1)
    {
      s->lo -= (values[1] - values[0]) / 2;
      s->hi += (values[n - 1] - values[n - 2]) / 2;
    }
}

/* Whole-pixel edges of the cells along one axis */
static void
cell_edges (const double *values,
            guint         n,
            double        from,
            double        to,
            double        lo,
            double        hi,
            double       *edges)
{
  for (guint i = 0; i <= n; i++)
    {
      double v = i == 0 ? lo : i == n ? hi : (values[i - 1] + values[i]) / 2;

      edges[i] = round (from + (to - from) * (v - lo) / (hi - lo));
    }
}

/* Cells are drawn in 2 × LEVELS + 1 colours, finer steps than the eye
 * tells apart; G_MAXUINT: blank */
static guint *
cell_levels (BkCanvas *c,
             BkScale  *v)
{
  BkChartAnalysis *a = &c->chart->analysis;
  guint n = a->n_x * a->n_y;
  guint *level = g_new (guint, n);
  double dev = v->max - a->target;

  for (guint k = 0; k < n; k++)
    {
      double t = (a->grid[k] - a->target) / dev;

      level[k] = isfinite (t) ? (guint) lround ((CLAMP (t, -1, 1) + 1) * LEVELS) : G_MAXUINT;
    }
  return level;
}

static BkChartColor
level_color (BkCanvas *c,
             guint     level)
{
  return scale_color (c, (double) level / LEVELS - 1.0);
}

/* Every cell with a value as a hit */
static void
hit_cells (BkCanvas     *c,
           const guint  *level,
           const double *xe,
           const double *ye)
{
  BkChartAnalysis *a = &c->chart->analysis;

  for (guint k = 0; k < a->n_x * a->n_y; k++)
    {
      guint i = k % a->n_x, j = k / a->n_x;
      BkChartHitItem item = { 0 };

      if (level[k] == G_MAXUINT)
        continue;
      item.shape = BK_CHART_HIT_RECT;
      item.index = k;
      item.value = a->grid[k];
      item.x = xe[i];
      item.y = ye[j + 1];
      item.w = xe[i + 1] - xe[i];
      item.h = ye[j] - ye[j + 1];
      item.anchor_x = item.x + item.w / 2;
      item.anchor_y = item.y + item.h / 2;
      bk_canvas_hit (c, &item);
    }
}

/* On vector surfaces: a path of all the cells of a colour, filled at
 * once (a counting sort by level), a few dozen fills and a small SVG */
static void
fill_cells_as_paths (BkCanvas     *c,
                     const guint  *level,
                     const double *xe,
                     const double *ye)
{
  cairo_t *cr = c->cr;
  BkChartAnalysis *a = &c->chart->analysis;
  guint n = a->n_x * a->n_y;
  g_autofree guint *order = g_new (guint, n);
  guint start[2 * LEVELS + 2] = { 0 };

  for (guint k = 0; k < n; k++)
    if (level[k] != G_MAXUINT)
      start[level[k] + 1]++;
  for (guint l = 1; l < G_N_ELEMENTS (start); l++)
    start[l] += start[l - 1];
  for (guint k = 0; k < n; k++)
    if (level[k] != G_MAXUINT)
      order[start[level[k]]++] = k;

  cairo_new_path (cr);
  for (guint o = 0; o < start[2 * LEVELS]; o++)
    {
      guint k = order[o], i = k % a->n_x, j = k / a->n_x;

      cairo_rectangle (cr, xe[i], ye[j + 1], xe[i + 1] - xe[i], ye[j] - ye[j + 1]);
      if (o + 1 == start[2 * LEVELS] || level[order[o + 1]] != level[k])
        {
          BkChartColor color = level_color (c, level[k]);

          bk_canvas_set_color (c, &color);
          cairo_fill (cr);
        }
    }
}

/* On raster surfaces, for evenly spaced grids: a pixel a cell, scaled
 * up without smoothing; one composite instead of thousands of boxes */
static void
fill_cells_as_image (BkCanvas    *c,
                     const guint *level)
{
  cairo_t *cr = c->cr;
  BkChartAnalysis *a = &c->chart->analysis;
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, a->n_x, a->n_y);
  unsigned char *data = cairo_image_surface_get_data (image);
  int stride = cairo_image_surface_get_stride (image);
  cairo_pattern_t *pattern;
  cairo_matrix_t matrix;

  for (guint j = 0; j < a->n_y; j++)
    {
      guint32 *row = (guint32 *) (data + (a->n_y - 1 - j) * stride);

      for (guint i = 0; i < a->n_x; i++)
        {
          guint l = level[j * a->n_x + i];
          BkChartColor color;

          if (l == G_MAXUINT)
            {
              row[i] = 0;  /* transparent: blank */
              continue;
            }
          color = level_color (c, l);
          row[i] = 0xff000000u | (guint32) lround (color.red * 255) << 16 |
                   (guint32) lround (color.green * 255) << 8 | (guint32) lround (color.blue * 255);
        }
    }
  cairo_surface_mark_dirty (image);

  pattern = cairo_pattern_create_for_surface (image);
  cairo_pattern_set_filter (pattern, CAIRO_FILTER_NEAREST);
  cairo_matrix_init_scale (&matrix, a->n_x / c->pw, a->n_y / c->ph);
  cairo_matrix_translate (&matrix, -c->px, -c->py);
  cairo_pattern_set_matrix (pattern, &matrix);
  cairo_set_source (cr, pattern);
  cairo_rectangle (cr, c->px, c->py, c->pw, c->ph);
  cairo_fill (cr);
  cairo_pattern_destroy (pattern);
  cairo_surface_destroy (image);
}

static gboolean
evenly_spaced (const double *values,
               guint         n)
{
  double step = n > 1 ? (values[n - 1] - values[0]) / (n - 1) : 0;

  for (guint i = 1; i + 1 < n; i++)
    if (fabs (values[i] - (values[0] + i * step)) > step * 1e-6)
      return FALSE;
  return TRUE;
}

static void
draw_cells (BkCanvas *c,
            BkScale  *x,
            BkScale  *y,
            BkScale  *v)
{
  cairo_t *cr = c->cr;
  BkChartAnalysis *a = &c->chart->analysis;
  g_autofree double *xe = g_new (double, a->n_x + 1);
  g_autofree double *ye = g_new (double, a->n_y + 1);
  g_autofree guint *level = cell_levels (c, v);
  cairo_surface_type_t target = cairo_surface_get_type (cairo_get_target (cr));

  cell_edges (a->grid_x, a->n_x, c->px, c->px + c->pw, x->min, x->max, xe);
  cell_edges (a->grid_y, a->n_y, c->py + c->ph, c->py, y->min, y->max, ye);
  hit_cells (c, level, xe, ye);

  /* Whole pixels without antialiasing: no seams between cells */
  cairo_save (cr);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
  if ((target == CAIRO_SURFACE_TYPE_IMAGE || target == CAIRO_SURFACE_TYPE_RECORDING) &&
      evenly_spaced (a->grid_x, a->n_x) && evenly_spaced (a->grid_y, a->n_y))
    fill_cells_as_image (c, level);
  else
    fill_cells_as_paths (c, level, xe, ye);
  cairo_restore (cr);
}

static void
draw_contour (BkCanvas *c,
              BkScale  *x,
              BkScale  *y)
{
  cairo_t *cr = c->cr;
  GArray *contour = c->chart->analysis.contour;
  gboolean down = FALSE;

  if (contour->len < 4)
    return;

  cairo_new_path (cr);
  for (guint k = 0; k + 1 < contour->len; k += 2)
    {
      double px = g_array_index (contour, double, k);
      double py = g_array_index (contour, double, k + 1);

      if (!isfinite (px) || !isfinite (py))
        {
          down = FALSE;
          continue;
        }
      if (down)
        cairo_line_to (cr, bk_scale_x (c, x, px), bk_scale_y (c, y, py));
      else
        cairo_move_to (cr, bk_scale_x (c, x, px), bk_scale_y (c, y, py));
      down = TRUE;
    }

  /* A halo of the background keeps the line readable on any cell */
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_width (cr, 5.0);
  bk_canvas_set_color (c, &c->background);
  cairo_stroke_preserve (cr);
  cairo_set_line_width (cr, 2.5);
  bk_canvas_set_color (c, &c->text);
  cairo_stroke (cr);
}

static gboolean
overlaps_any (GArray                  *placed,
              const cairo_rectangle_t *box)
{
  for (guint i = 0; i < placed->len; i++)
    {
      const cairo_rectangle_t *b = &g_array_index (placed, cairo_rectangle_t, i);

      if (box->x < b->x + b->width && b->x < box->x + box->width &&
          box->y < b->y + b->height && b->y < box->y + box->height)
        return TRUE;
    }
  return FALSE;
}

/* Whether @box lies in the plot, off every box of @placed */
static gboolean
free_box (BkCanvas                *c,
          GArray                  *placed,
          const cairo_rectangle_t *box)
{
  return box->x >= c->px && box->x + box->width <= c->px + c->pw &&
         box->y >= c->py && box->y + box->height <= c->py + c->ph && !overlaps_any (placed, box);
}

#define LABEL_GAP 9.0  /* from a point's centre to its label */

/* Where a label box @w × @h goes by the point at (@px, @py): right of it,
 * else left, above or below, centred on the point or slid along that side
 * (still level with the point, or over or under it) towards the free
 * room, where it overlaps no other label nor point and stays in the plot;
 * FALSE where none is free */
static gboolean
place_label (BkCanvas          *c,
             GArray            *placed,
             double             px,
             double             py,
             double             w,
             double             h,
             cairo_rectangle_t *box)
{
  box->width = w;
  box->height = h;
  for (guint k = 0; k < 4; k++)
    {
      gboolean side = k < 2;
      /* How far the box may slide off centre and still be by the point */
      double reach = MAX ((side ? h : w) / 2 - 4, 0);

      /* Off centre by 0, +2, −2, +4, −4… px */
      for (guint n = 0; (n + 1) / 2 * 2.0 <= reach; n++)
        {
          double d = (n + 1) / 2 * 2.0 * (n % 2 == 1 ? 1 : -1);

          box->x = k == 0 ? px + LABEL_GAP : k == 1 ? px - LABEL_GAP - w : px - w / 2 + (side ? 0 : d);
          box->y = side ? py - h / 2 + d : k == 2 ? py - LABEL_GAP - h : py + LABEL_GAP;
          if (free_box (c, placed, box))
            return TRUE;
        }
    }
  return FALSE;
}

/* @text in @role wrapped at words onto lines at most @max_width wide (0:
 * one line); NULL when a word would not fit or it takes more than
 * MAX_LABEL_LINES lines.  The caller unrefs it. */
#define MAX_LABEL_LINES 4
static PangoLayout *
label_layout (BkCanvas   *c,
              BkFontRole  role,
              const char *text,
              double      max_width,
              double     *width,
              double     *height)
{
  g_autoptr(PangoLayout) layout = pango_layout_copy (c->layouts[role]);
  const PangoLogAttr *attrs;
  int n_attrs;

  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_width (layout, max_width > 0 ? (int) (max_width * PANGO_SCALE) : -1);
  pango_layout_set_text (layout, text, -1);
  if (pango_layout_get_line_count (layout) > MAX_LABEL_LINES)
    return NULL;
  /* Every line but the first begins where a line may break: no word is
   * broken inside */
  attrs = pango_layout_get_log_attrs_readonly (layout, &n_attrs);
  for (int l = 1; l < pango_layout_get_line_count (layout); l++)
    {
      PangoLayoutLine *line = pango_layout_get_line_readonly (layout, l);
      glong offset = g_utf8_pointer_to_offset (text, text + line->start_index);

      if (offset >= n_attrs || !attrs[offset].is_line_break)
        return NULL;
    }
  bk_canvas_layout_size (layout, width, height);
  if (max_width > 0 && *width > max_width + 0.5)
    return NULL;
  return g_steal_pointer (&layout);
}

/* A point's label, whole: on one line where that fits somewhere by the
 * point, else on more lines (up to MAX_LABEL_LINES, the fewest first),
 * else all that a font step smaller; cut with "…" on two lines a third
 * of the plot wide only when none of these fits anywhere; none where
 * nothing fits */
static void
draw_point_label (BkCanvas     *c,
                  GArray       *placed,
                  BkChartPoint *p,
                  double        px,
                  double        py)
{
  const BkFontRole roles[] = {
    p->is_current ? BK_FONT_SMALL_BOLD : BK_FONT_SMALL,
    p->is_current ? BK_FONT_TINY_BOLD : BK_FONT_TINY,
  };
  /* The share of its one line's width a wrapped label tries */
  static const double shares[] = { 1.0, 0.75, 0.62, 0.5, 0.42, 0.36, 0.31, 0.27 };
  g_autoptr(PangoLayout) layout = NULL;
  cairo_rectangle_t box;
  gboolean found = FALSE;
  double tw, th;

  if (p->label == NULL || *p->label == '\0')
    return;

  for (guint f = 0; f < G_N_ELEMENTS (roles) && !found; f++)
    {
      double one;

      bk_canvas_text (c, roles[f], p->label, 0, &one, NULL);
      for (guint k = 0; k < G_N_ELEMENTS (shares) && !found; k++)
        {
          g_clear_object (&layout);
          layout = label_layout (c, roles[f], p->label, k == 0 ? 0 : one * shares[k], &tw, &th);
          found = layout != NULL && place_label (c, placed, px, py, tw + 8, th + 2, &box);
        }
    }
  if (!found)
    {
      g_clear_object (&layout);
      layout = bk_canvas_text_wrapped (c, roles[0], p->label, c->pw / 3, 2, &tw, &th);
      found = place_label (c, placed, px, py, tw + 8, th + 2, &box);
    }
  if (!found)
    return;

  g_array_append_val (placed, box);
  cairo_set_source_rgba (c->cr, c->background.red, c->background.green,
                         c->background.blue, 0.85);
  cairo_rectangle (c->cr, box.x, box.y, box.width, box.height);
  cairo_fill (c->cr);
  bk_canvas_show (c, layout, box.x + 4, box.y + 1, &c->text);
  if (c->hits != NULL)
    bk_chart_hits_add_name (c->hits, p->label, box.x, box.y, box.width, box.height,
                            pango_layout_is_ellipsized (layout));
}

static void
draw_points (BkCanvas *c,
             BkScale  *x,
             BkScale  *y)
{
  cairo_t *cr = c->cr;
  GArray *points = c->chart->analysis.points;
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));

  /* Others first, the current one on top */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < points->len; i++)
      {
        BkChartPoint *p = &g_array_index (points, BkChartPoint, i);
        double px = bk_scale_x (c, x, p->x), py = bk_scale_y (c, y, p->y), r;
        cairo_rectangle_t mark;

        if (p->is_current != (pass == 1) ||
            px < c->px || px > c->px + c->pw || py < c->py || py > c->py + c->ph)
          continue;

        r = p->is_current ? 6.5 : 4.5;
        cairo_new_path (cr);
        cairo_arc (cr, px, py, r, 0, 2 * G_PI);
        bk_canvas_set_color (c, p->is_current ? &c->text : &c->background);
        cairo_fill_preserve (cr);
        cairo_set_line_width (cr, 2.0);
        bk_canvas_set_color (c, p->is_current ? &c->background : &c->text);
        cairo_stroke (cr);
        /* With its 2 px outline; labels keep off it */
        mark.x = px - r - 1;
        mark.y = py - r - 1;
        mark.width = mark.height = 2 * r + 2;
        g_array_append_val (placed, mark);
        if (c->hits != NULL)
          bk_chart_hits_add_mark (c->hits, mark.x, mark.y, mark.width, mark.height);
      }

  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < points->len; i++)
      {
        BkChartPoint *p = &g_array_index (points, BkChartPoint, i);

        if (p->is_current == (pass == 0))
          draw_point_label (c, placed, p, bk_scale_x (c, x, p->x), bk_scale_y (c, y, p->y));
      }
}

/* The colour scale right of the plot, its ticks, the target marked, and
 * under it, level with the x axis' labels, the key to the contour (@key_w
 * wide, above @bottom) */
static void
draw_color_scale (BkCanvas *c,
                  BkScale  *v,
                  double    bar_x,
                  double    key_w,
                  double    bottom)
{
  cairo_t *cr = c->cr;
  cairo_pattern_t *gradient;
  BkScale ticks = *v;
  double target = c->chart->analysis.target;
  double key_h = bk_chart_legend_key (c, bar_x, 0, key_w, FALSE);

  /* Clear of the lowest tick label */
  if (key_h > 0)
    bk_chart_legend_key (c, bar_x, MIN (c->py + c->ph + c->line_height / 2 + 2, bottom - key_h),
                         key_w, TRUE);

  gradient = cairo_pattern_create_linear (0, c->py, 0, c->py + c->ph);
  for (guint k = 0; k < N_STOPS; k++)
    {
      double t = 1.0 - 2.0 * k / (N_STOPS - 1);
      BkChartColor color = scale_color (c, t);

      cairo_pattern_add_color_stop_rgb (gradient, (double) k / (N_STOPS - 1),
                                        color.red, color.green, color.blue);
    }
  cairo_rectangle (cr, bar_x, c->py, SCALE_W, c->ph);
  cairo_set_source (cr, gradient);
  cairo_fill (cr);
  cairo_pattern_destroy (gradient);

  bk_scale_compute (&ticks, bk_plot_tick_target (c->ph));
  for (guint i = 0; i < ticks.ticks.n_ticks; i++)
    {
      double value = ticks.ticks.min + i * ticks.ticks.step;
      double ty = bk_scale_y (c, v, value);
      g_autofree char *label = NULL;
      PangoLayout *layout;
      double w, h;

      if (ty < c->py - 0.5 || ty > c->py + c->ph + 0.5)
        continue;
      label = bk_chart_format_value (v->unit, value, ticks.ticks.step);
      layout = bk_canvas_text (c, BK_FONT_SMALL, label, 0, &w, &h);
      if (fabs (ty - bk_scale_y (c, v, target)) < h + 2)
        continue;  /* the target's own label is drawn below, in bold */
      bk_canvas_show (c, layout, bar_x + SCALE_W + 5, ty - h / 2, &c->secondary);
    }

  /* The target: a line across the bar and its value in bold */
  {
    g_autofree char *label = bk_chart_format_short (v->unit, target);
    double ty = bk_scale_y (c, v, target), w, h;
    PangoLayout *layout = bk_canvas_text (c, BK_FONT_SMALL_BOLD, label, 0, &w, &h);

    bk_canvas_set_color (c, &c->text);
    cairo_rectangle (cr, bar_x - 3, round (ty) - 1, SCALE_W + 6, 2);
    cairo_fill (cr);
    bk_canvas_show (c, layout, bar_x + SCALE_W + 5, ty - h / 2, &c->text);
  }
}

static double
color_scale_width (BkCanvas *c,
                   BkScale  *v)
{
  BkScale ticks = *v;
  double w;

  bk_scale_compute (&ticks, 8);
  w = bk_canvas_ticks_width (c, &ticks.ticks, v->unit);
  return SCALE_GAP + SCALE_W + 5 + w + 4;
}

static void
map_legend (BkCanvas *c,
            GArray   *entries)
{
  BkChartAnalysis *a = &c->chart->analysis;
  BkLegendEntry e = { 0 };

  if (a->n_x == 0 || a->contour->len == 0 || a->target_label == NULL || *a->target_label == '\0')
    return;
  e.series = G_MAXUINT;
  e.name = a->target_label;
  e.color = c->text;
  e.line = TRUE;
  g_array_append_val (entries, e);
}

static void
draw_map (BkCanvas *c)
{
  BkChartAnalysis *a = &c->chart->analysis;
  BkScale x, y, v;
  gboolean found = FALSE;
  double bar_x, column_w, bottom = c->bottom;

  if (a->n_x > 0)
    value_scale (c, &v, &found);
  if (!found)
    {
      bk_canvas_no_data (c);
      return;
    }

  /* The colour scale and the key to the contour under it, in a column
   * as wide as the wider */
  column_w = MAX (color_scale_width (c, &v), SCALE_GAP + bk_chart_legend_key_width (c) + 4);
  c->right -= column_w;
  bar_x = c->right + SCALE_GAP;
  bk_plot_reserve_titles (c);
  grid_scale (a->grid_x, a->n_x, a->axes[BK_CHART_AXIS_X].unit, &x);
  grid_scale (a->grid_y, a->n_y, a->axes[BK_CHART_AXIS_Y].unit, &y);
  if (!bk_plot_layout (c, &x, &y, 0))
    return;

  bk_plot_draw_x_grid (c, &x);
  bk_plot_draw_y_grid (c, &y, FALSE);
  bk_plot_draw_titles (c);

  cairo_save (c->cr);
  cairo_rectangle (c->cr, c->px, c->py, c->pw, c->ph);
  cairo_clip (c->cr);
  draw_cells (c, &x, &y, &v);
  draw_contour (c, &x, &y);
  draw_points (c, &x, &y);
  cairo_restore (c->cr);

  draw_color_scale (c, &v, bar_x, column_w - SCALE_GAP - 4, bottom);
}

const BkChartPainter bk_chart_map_painter = {
  .line_swatch = TRUE,
  .key_in_plot = TRUE,
  .legend = map_legend,
  .draw = draw_map,
};
