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

/* Whether @text fits on two lines of @width in @wrap (BK_FONT_WRAP or
 * BK_FONT_SMALL_WRAP), no word cut */
static gboolean
fits_two_lines (BkCanvas   *c,
                BkFontRole  wrap,
                const char *text,
                double      width)
{
  PangoLayout *layout = bk_canvas_text (c, wrap, text, width, NULL, NULL);
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
                BkFontRole  wrap,
                const char *text,
                double      width)
{
  double lo, hi = width, full;

  bk_canvas_text (c, wrap, text, 0, &full, NULL);
  if (full <= width || !fits_two_lines (c, wrap, text, width))
    return MIN (full, width);

  lo = full / 2;
  for (guint k = 0; k < 10 && hi - lo > 0.5; k++)
    {
      double mid = (lo + hi) / 2;

      if (fits_two_lines (c, wrap, text, mid))
        hi = mid;
      else
        lo = mid;
    }
  return hi;
}

/* The font of @role on two lines */
static BkFontRole
wrap_role (BkFontRole role)
{
  return role == BK_FONT_SMALL ? BK_FONT_SMALL_WRAP : BK_FONT_WRAP;
}

/* Rotated labels: how thick one of one line and one of two lines is
 * across its slant, in lines (its ink is a little less than its lines) */
#define THIN_LABEL  0.85
#define THICK_LABEL 1.85
/* The share of the room below the titles that rotated labels may take
 * when their names need it (the plot keeps the rest) */
#define ROTATED_SHARE 0.55

typedef struct
{
  double width;  /* on one line */
  double two;    /* the wider of its two balanced lines; G_MAXDOUBLE: none */
} LabelSize;

/* How a rotated label of @size is drawn when one line may be @cap long:
 * on one line, on two balanced lines (each a line shorter, as the two
 * lines reach further down-left), or (0) not whole; *length is how long */
static guint
rotated_lines (BkCanvas        *c,
               const LabelSize *size,
               double           cap,
               double          *length)
{
  if (size->width <= cap)
    {
      *length = size->width;
      return 1;
    }
  if (c->label_lines > 1 && size->two <= cap - c->label_lh)
    {
      *length = size->two;
      return 2;
    }
  *length = cap;
  return 0;
}

/* Whether the labels shown (every c->label_every-th) fit rotated, one
 * line at most c->label_cap long: each whole, none over the next one, the
 * first ones inside the canvas as the plot moves right by at most a fifth;
 * moves it, and sets *height, the room below the plot they take.  Not
 * @strict: the room they take cut with "…" where they do not fit. */
static gboolean
rotated_fit (BkCanvas        *c,
             const LabelSize *sizes,
             gboolean         strict,
             double          *height)
{
  double lh = c->label_lh, right = c->px + c->pw, px = c->px, d;
  double prev_thick = 0;

  *height = 0;
  for (guint i = 0; i < c->n_cat; i += c->label_every)
    {
      double length, f = (i + 0.5) / c->n_cat, reach;
      guint lines = rotated_lines (c, &sizes[i], c->label_cap, &length);

      if (lines == 0 && strict)
        return FALSE;
      lines = MAX (lines, 1);
      /* Its lowest left corner, (length + lines/2) × SIN45 left of its
       * bar, 2 px inside the canvas (as draw_category_labels cuts it) */
      reach = (length + lh * (lines - 0.5)) * SIN45 + 2;
      if (reach > px + f * (right - px))
        px = MAX (px, (reach - f * right) / (1 - f));
      *height = MAX (*height, (length + lh * lines) * SIN45 + 6);
    }
  if (px - c->px > c->pw * 0.2)
    {
      if (strict)
        return FALSE;
      px = c->px + c->pw * 0.2;
    }
  c->pw = right - px;
  c->px = px;
  if (!strict)
    return TRUE;

  /* Side by side, parallel: a label reaching back past the end of the one
   * before it must lie apart from it across the slant */
  d = c->label_every * bk_canvas_spacing (c) * SIN45;
  for (guint i = 0; i < c->n_cat; i += c->label_every)
    {
      double length;
      double thick = rotated_lines (c, &sizes[i], c->label_cap, &length) > 1 ? THICK_LABEL : THIN_LABEL;

      if (i > 0 && length > d && (prev_thick + thick) / 2 * lh > d)
        return FALSE;
      prev_thick = thick;
    }
  return TRUE;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The caps at which rotated labels of @sizes come whole in c->label_font
 * (a hair over, for rounding), from @cap up to @max_cap, shortest first */
static GArray *
rotated_caps (BkCanvas  *c,
              LabelSize *sizes,
              double     cap,
              double     max_cap)
{
  GArray *caps = g_array_new (FALSE, FALSE, sizeof (double));
  BkFontRole wrap = wrap_role (c->label_font);

  g_array_append_val (caps, cap);
  for (guint i = 0; i < c->n_cat; i++)
    {
      const char *text = category_label (c, i);
      double need[2];

      bk_canvas_text (c, c->label_font, text, 0, &sizes[i].width, NULL);
      sizes[i].two = G_MAXDOUBLE;
      /* (Those whole on one line at @cap never need two) */
      if (sizes[i].width > cap && fits_two_lines (c, wrap, text, sizes[i].width - 1))
        sizes[i].two = balanced_width (c, wrap, text, sizes[i].width - 1);
      need[0] = sizes[i].width + 0.01;
      need[1] = sizes[i].two + c->label_lh + 0.01;
      for (guint k = 0; k < G_N_ELEMENTS (need); k++)
        if (need[k] > cap && need[k] <= max_cap)
          g_array_append_val (caps, need[k]);
    }
  g_array_sort (caps, compare_doubles);
  return caps;
}

/* The fonts rotated labels try, the usual one first */
static const BkFontRole rotated_roles[] = { BK_FONT_LABEL, BK_FONT_SMALL };
#define N_ROTATED_ROLES G_N_ELEMENTS (rotated_roles)

/* The first of @caps at which the labels of @sizes fit rotated with at
 * most c->label_lines lines each; the plot as rotated_fit() moves it */
static gboolean
first_fit (BkCanvas        *c,
           const LabelSize *sizes,
           GArray          *caps,
           double          *height)
{
  double px = c->px, pw = c->pw;

  for (guint k = 0; k < caps->len; k++)
    {
      c->label_cap = g_array_index (caps, double, k);
      c->px = px;
      c->pw = pw;
      if (rotated_fit (c, sizes, TRUE, height))
        return TRUE;
    }
  c->px = px;
  c->pw = pw;
  return FALSE;
}

/* Tries every c->label_every-th label (then every 2nd, 5th… of them), in
 * each font of rotated_roles, at each of the caps from @cap to @max_cap:
 * whether they fit, on one line each or, where that takes more than a line
 * more of the height, on one or two.  The labels' @sizes and @caps in each
 * font, and its line height @lh, are measured when first needed. */
static gboolean
rotated_search (BkCanvas  *c,
                double     cap,
                double     max_cap,
                double     lh[N_ROTATED_ROLES],
                LabelSize *sizes,
                GArray    *caps[N_ROTATED_ROLES],
                double    *height)
{
  for (;; c->label_every = nice_every (c->label_every + 1))
    {
      for (guint f = 0; f < N_ROTATED_ROLES; f++)
        {
          double px = c->px, pw = c->pw, one_cap = 0, one_px = 0, one_height = 0;
          gboolean one;

          c->label_font = rotated_roles[f];
          if (caps[f] == NULL)
            {
              bk_canvas_text (c, rotated_roles[f], "0", 0, NULL, &lh[f]);
              c->label_lh = lh[f];
              caps[f] = rotated_caps (c, sizes + f * c->n_cat, cap, max_cap);
            }
          c->label_lh = lh[f];

          c->label_lines = 1;
          one = first_fit (c, sizes + f * c->n_cat, caps[f], &one_height);
          if (one)
            {
              one_cap = c->label_cap;
              one_px = c->px;
              c->px = px;
              c->pw = pw;
            }
          c->label_lines = 2;
          if (first_fit (c, sizes + f * c->n_cat, caps[f], height) &&
              (!one || *height + lh[f] < one_height))
            return TRUE;
          if (one)
            {
              c->label_lines = 1;
              c->label_cap = one_cap;
              c->pw = px + pw - one_px;
              c->px = one_px;
              *height = one_height;
              return TRUE;
            }
        }
      if (c->label_every >= c->n_cat)
        break;
    }
  return FALSE;
}

/* Rotated labels: the shortest line length (c->label_cap), from the
 * usual share of the room up to ROTATED_SHARE of @room, at which every
 * label shows whole on one line, or on one or two where that saves more
 * than a line of height; else the same a font step smaller; else every
 * 2nd, 5th… of them; else the usual cap, cut with "…".  Returns the
 * height they take. */
static double
layout_rotated (BkCanvas *c,
                double    room)
{
  g_autofree LabelSize *sizes = g_new (LabelSize, N_ROTATED_ROLES * c->n_cat);
  GArray *caps[N_ROTATED_ROLES] = { NULL };
  double lh[N_ROTATED_ROLES];
  double cap = c->label_cap, max_cap, height;
  guint every = nice_every (c->label_every);

  max_cap = MAX (cap, (room * ROTATED_SHARE - 6) / SIN45 - c->line_height);
  c->label_every = every;
  if (!rotated_search (c, cap, max_cap, lh, sizes, caps, &height))
    {
      /* As before: one line each, the longest cut */
      c->label_every = every;
      c->label_lines = 1;
      c->label_font = BK_FONT_LABEL;
      c->label_lh = lh[0];
      c->label_cap = cap;
      rotated_fit (c, sizes, FALSE, &height);
    }

  for (guint f = 0; f < N_ROTATED_ROLES; f++)
    g_clear_pointer (&caps[f], g_array_unref);
  return height;
}

/* Picks ticks, the plot rectangle and how category labels fit. */
static gboolean
layout_axes (BkCanvas *c)
{
  double lo, hi, label_w, max_label = 0, spacing, cat_h = 0, plot_top, wrap_h = 0;
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
  c->label_font = BK_FONT_LABEL;
  c->label_lh = lh;

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
      /* Else rotate them, on two lines where one is too long, then thin
       * them if still too close */
      c->label_mode = BK_LABELS_ROTATED;
      c->label_every = MAX (1, (guint) ceil (lh * 1.2 / spacing));
      cat_h = layout_rotated (c, bottom - plot_top);
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
  double corners[8];

  pango_layout_get_pixel_extents (layout, &ink, NULL);
  if (c->hits != NULL && bk_canvas_user_corners (c, x + ink.x, y + ink.y, ink.width, ink.height, corners))
    bk_chart_hits_add_category (c->hits, i, corners, cut);
}

static void
draw_category_labels (BkCanvas *c)
{
  cairo_t *cr = c->cr;
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
          w = balanced_width (c, BK_FONT_WRAP, text, c->wrap_width);
          layout = bk_canvas_text (c, BK_FONT_WRAP, text, w, NULL, NULL);
          bk_canvas_show (c, layout, x - w / 2, y, &c->secondary);
          mark_category (c, i, layout, x - w / 2, y, pango_layout_get_line_count (layout) > 2);
        }
      else
        {
          /* Ends under its bar, rising to the right at 45°, on two
           * lines a line shorter where one is too long (as
           * rotated_lines () decides) */
          BkFontRole wrap = wrap_role (c->label_font);
          double llh = c->label_lh;
          double cap = MIN (c->label_cap, MAX ((x - 2) / SIN45 - llh / 2, 10));

          layout = bk_canvas_text (c, c->label_font, text, 0, &w, &h);
          if (w > cap && c->label_lines > 1 && fits_two_lines (c, wrap, text, cap - llh))
            {
              PangoRectangle logical;

              layout = bk_canvas_text (c, wrap, text, balanced_width (c, wrap, text, cap - llh), NULL, NULL);
              pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
              pango_layout_get_pixel_extents (layout, NULL, &logical);
              w = logical.x + logical.width;
              h = logical.height;
            }
          else if (w > cap)
            layout = bk_canvas_text (c, c->label_font, text, cap, &w, &h);
          /* Its top corner on the row of labels */
          cairo_save (cr);
          cairo_translate (cr, x, y + h * 0.35);
          cairo_rotate (cr, -G_PI / 4);
          bk_canvas_show (c, layout, -w, -h / 2, &c->secondary);
          mark_category (c, i, layout, -w, -h / 2, pango_layout_is_ellipsized (layout));
          cairo_restore (cr);
          pango_layout_set_alignment (c->layouts[wrap], PANGO_ALIGN_CENTER);
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
