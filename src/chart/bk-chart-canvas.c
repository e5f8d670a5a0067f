/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-chart-canvas.c — what every part of a render shares: fonts and text,
 * the colours series are drawn in, recording hits, the no-data notice */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "bk-chart-canvas-private.h"

#define FONT_FAMILY "Cantarell, Noto Sans, Noto Sans CJK SC, sans-serif"
#define DIM_STRENGTH 0.25      /* how much of a dimmed series' colour stays */

static const struct {
  double      size;  /* px */
  PangoWeight weight;
} fonts[BK_N_FONTS] = {
  [BK_FONT_TITLE]      = { 17.0, PANGO_WEIGHT_BOLD },
  [BK_FONT_SUBTITLE]   = { 13.0, PANGO_WEIGHT_NORMAL },
  [BK_FONT_LABEL]      = { 12.0, PANGO_WEIGHT_NORMAL },
  [BK_FONT_SMALL]      = { 11.0, PANGO_WEIGHT_NORMAL },
  [BK_FONT_SMALL_BOLD] = { 11.0, PANGO_WEIGHT_BOLD },
  [BK_FONT_CENTER]     = { 15.0, PANGO_WEIGHT_BOLD },
  [BK_FONT_WRAP]       = { 12.0, PANGO_WEIGHT_NORMAL },
  [BK_FONT_SMALL_WRAP] = { 11.0, PANGO_WEIGHT_NORMAL },
  [BK_FONT_TINY]       = { 9.5, PANGO_WEIGHT_NORMAL },
  [BK_FONT_TINY_BOLD]  = { 9.5, PANGO_WEIGHT_BOLD },
};

void
bk_canvas_init (BkCanvas    *c,
                BkChart     *chart,
                cairo_t     *cr,
                double       width,
                double       height,
                BkChartHits *hits)
{
  memset (c, 0, sizeof *c);
  c->chart = chart;
  c->cr = cr;
  c->hits = hits;
  c->theme = bk_chart_theme_colors (chart->theme);
  c->background = bk_chart_color_from_hex (c->theme->background);
  c->text = bk_chart_color_from_hex (c->theme->text);
  c->secondary = bk_chart_color_from_hex (c->theme->secondary);
  c->width = width;
  c->height = height;
  c->part = -1;
  cairo_get_matrix (cr, &c->base);

  for (guint i = 0; i < chart->series->len; i++)
    if (bk_canvas_series (c, i)->highlighted && !bk_canvas_series (c, i)->hidden)
      c->any_highlight = TRUE;
}

void
bk_canvas_setup_text (BkCanvas *c)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  c->pango = pango_cairo_create_context (c->cr);
  /* Unhinted metrics: the same layout on screen, in PNG, SVG and PDF. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (c->pango, options);
  pango_context_set_round_glyph_positions (c->pango, FALSE);
  cairo_font_options_destroy (options);

  for (guint i = 0; i < BK_N_FONTS; i++)
    {
      PangoFontDescription *desc = pango_font_description_from_string (FONT_FAMILY);

      pango_font_description_set_absolute_size (desc, fonts[i].size * PANGO_SCALE);
      pango_font_description_set_weight (desc, fonts[i].weight);
      c->layouts[i] = pango_layout_new (c->pango);
      pango_layout_set_font_description (c->layouts[i], desc);
      if (i == BK_FONT_CENTER)
        {
          pango_layout_set_wrap (c->layouts[i], PANGO_WRAP_WORD_CHAR);
          pango_layout_set_alignment (c->layouts[i], PANGO_ALIGN_CENTER);
          pango_layout_set_height (c->layouts[i], -3);
        }
      if (i == BK_FONT_WRAP || i == BK_FONT_SMALL_WRAP)
        {
          pango_layout_set_wrap (c->layouts[i], PANGO_WRAP_WORD);
          pango_layout_set_alignment (c->layouts[i], PANGO_ALIGN_CENTER);
        }
      else
        pango_layout_set_ellipsize (c->layouts[i], PANGO_ELLIPSIZE_END);
      pango_font_description_free (desc);
    }

  bk_canvas_text (c, BK_FONT_LABEL, "0", 0, NULL, &c->line_height);
}

void
bk_canvas_clear (BkCanvas *c)
{
  for (guint i = 0; i < BK_N_FONTS; i++)
    g_clear_object (&c->layouts[i]);
  g_clear_object (&c->pango);
}

/* Colours */

void
bk_canvas_set_color (BkCanvas           *c,
                     const BkChartColor *color)
{
  cairo_set_source_rgb (c->cr, color->red, color->green, color->blue);
}

BkChartColor
bk_canvas_series_color (BkCanvas *c,
                        guint     i)
{
  BkChartSeries *s = bk_canvas_series (c, i);
  BkChartColor color;

  if (s->has_color)
    color = s->color;
  else
    color = bk_chart_color_from_hex (c->theme->palette[i % G_N_ELEMENTS (c->theme->palette)]);

  if (c->any_highlight && !s->highlighted)
    color = bk_chart_color_mix (&c->background, &color, DIM_STRENGTH);

  return color;
}

/* Text */

void
bk_canvas_layout_size (PangoLayout *layout,
                       double      *width,
                       double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = logical.width / (double) PANGO_SCALE;
  if (height != NULL)
    *height = logical.height / (double) PANGO_SCALE;
}

PangoLayout *
bk_canvas_text (BkCanvas   *c,
                BkFontRole  role,
                const char *text,
                double      max_width,
                double     *width,
                double     *height)
{
  PangoLayout *layout = c->layouts[role];

  pango_layout_set_width (layout, max_width > 0 ? (int) (max_width * PANGO_SCALE) : -1);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  bk_canvas_layout_size (layout, width, height);

  return layout;
}

PangoLayout *
bk_canvas_text_wrapped (BkCanvas   *c,
                        BkFontRole  role,
                        const char *text,
                        double      max_width,
                        int         lines,
                        double     *width,
                        double     *height)
{
  PangoLayout *layout = pango_layout_copy (c->layouts[role]);

  g_assert (lines >= 1);

  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (layout, -lines);
  pango_layout_set_width (layout, max_width > 0 ? (int) (max_width * PANGO_SCALE) : -1);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  bk_canvas_layout_size (layout, width, height);
  return layout;
}

void
bk_canvas_show (BkCanvas           *c,
                PangoLayout        *layout,
                double              x,
                double              y,
                const BkChartColor *color)
{
  PangoRectangle ink;

  bk_canvas_set_color (c, color);
  cairo_move_to (c->cr, x, y);
  pango_cairo_show_layout (c->cr, layout);

  pango_layout_get_pixel_extents (layout, &ink, NULL);
  bk_canvas_mark_part (c, x + ink.x, y + ink.y, ink.width, ink.height);
}

/* "No data to show", or the chart's reason for drawing nothing wrapped
 * onto as many centred lines as the room holds */
void
bk_canvas_no_data (BkCanvas *c)
{
  const char *reason = c->chart->empty_text;
  double room = MAX (c->right - c->left, 1);
  PangoLayout *layout;
  double w, h, x, y;
  int lines;

  if (reason == NULL)
    {
      layout = bk_canvas_text (c, BK_FONT_LABEL, _("No data to show"), room, &w, &h);
      bk_canvas_show (c, layout, (c->left + c->right - w) / 2, (c->top + c->bottom - h) / 2, &c->secondary);
      return;
    }

  /* In the subtitle's font, on lines no wider than 36 of its line
   * heights (a reason reads as a paragraph), as many as the room holds */
  layout = bk_canvas_text (c, BK_FONT_SUBTITLE, "0", 0, NULL, &h);
  room = MIN (room, 36 * h);
  lines = MAX ((int) floor ((c->bottom - c->top) / h), 1);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_height (layout, -lines);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  bk_canvas_text (c, BK_FONT_SUBTITLE, reason, room, NULL, &h);
  x = (c->left + c->right - room) / 2;
  y = MAX ((c->top + c->bottom - h) / 2, c->top);
  bk_canvas_show (c, layout, x, y, &c->text);
  if (c->hits != NULL)
    bk_chart_hits_add_text (c->hits, x, y, room, h, pango_layout_is_ellipsized (layout));
  /* The layout is shared: one left-aligned line again for whoever is next */
  pango_layout_set_height (layout, -1);
  pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
}

/* Series */

guint
bk_canvas_count_visible (BkCanvas *c)
{
  guint n = 0;

  for (guint i = 0; i < c->chart->series->len; i++)
    if (!bk_canvas_series (c, i)->hidden)
      n++;
  return n;
}

GArray *
bk_canvas_drawing_order (BkCanvas *c)
{
  GArray *order = g_array_new (FALSE, FALSE, sizeof (guint));

  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < c->chart->series->len; i++)
      {
        BkChartSeries *s = bk_canvas_series (c, i);
        gboolean dimmed = c->any_highlight && !s->highlighted;

        if (!s->hidden && dimmed == (pass == 0))
          g_array_append_val (order, i);
      }
  return order;
}

/* Hits */

void
bk_canvas_hit (BkCanvas             *c,
               const BkChartHitItem *item)
{
  if (c->hits != NULL)
    bk_chart_hits_add (c->hits, item);
}

gboolean
bk_canvas_user_corners (BkCanvas *c,
                        double    x,
                        double    y,
                        double    w,
                        double    h,
                        double    corners[8])
{
  cairo_matrix_t to_base = c->base;

  /* The corners through the current transformation (a rotated label),
   * back into the caller's user space */
  if (cairo_matrix_invert (&to_base) != CAIRO_STATUS_SUCCESS)
    return FALSE;
  for (guint i = 0; i < 4; i++)
    {
      /* Around: top left, top right, bottom right, bottom left */
      double px = x + (i == 1 || i == 2 ? w : 0), py = y + (i >= 2 ? h : 0);

      cairo_user_to_device (c->cr, &px, &py);
      cairo_matrix_transform_point (&to_base, &px, &py);
      corners[2 * i] = px;
      corners[2 * i + 1] = py;
    }
  return TRUE;
}

gboolean
bk_canvas_user_box (BkCanvas          *c,
                    double             x,
                    double             y,
                    double             w,
                    double             h,
                    cairo_rectangle_t *box)
{
  double corners[8];

  if (!bk_canvas_user_corners (c, x, y, w, h, corners))
    return FALSE;
  bk_chart_corners_box (corners, box);
  return TRUE;
}

void
bk_canvas_mark_part (BkCanvas *c,
                     double    x,
                     double    y,
                     double    w,
                     double    h)
{
  cairo_rectangle_t box;

  if (c->hits != NULL && c->part >= 0 && w > 0 && h > 0 && bk_canvas_user_box (c, x, y, w, h, &box))
    bk_chart_hits_add_to_part (c->hits, c->part, box.x, box.y, box.width, box.height);
}

void
bk_canvas_hit_rect (BkCanvas *c,
                    guint     series,
                    guint     index,
                    double    value,
                    double    x,
                    double    top,
                    double    w,
                    double    bottom,
                    double    anchor_y)
{
  BkChartHitItem item = { 0 };

  item.shape = BK_CHART_HIT_RECT;
  item.series = series;
  item.index = index;
  item.value = value;
  item.x = x;
  item.y = top;
  item.w = w;
  item.h = bottom - top;
  if (item.h < 6.0)
    {
      item.y -= (6.0 - item.h) / 2;
      item.h = 6.0;
    }
  item.anchor_x = x + w / 2;
  item.anchor_y = anchor_y;
  bk_canvas_hit (c, &item);
}
