/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-chart-render.c — drawing a chart with cairo and pango, and hit tests */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "bk-chart-private.h"

#define FONT_FAMILY "Cantarell, Noto Sans, Noto Sans CJK SC, sans-serif"
#define DIM_STRENGTH 0.25      /* how much of a dimmed series' colour stays */
#define AREA_STRENGTH 0.80     /* fill of stacked areas against the background */
#define POINT_HIT_RADIUS 16.0
#define SIN45 0.70710678118654752

typedef struct
{
  guint32 background;
  guint32 text;
  guint32 secondary;
  guint32 grid;
  guint32 axis;
  guint32 increase;
  guint32 decrease;
  guint32 total;
  guint32 palette[8];
} Theme;

/* Okabe & Ito's colour-blind-safe palette; yellow last, it is faint on white. */
static const Theme themes[] = {
  [BK_CHART_THEME_LIGHT] = {
    0xffffff, 0x1e1e1e, 0x5e5e5e, 0xe6e6e6, 0x707070,
    0x009e73, 0xd55e00, 0x0072b2,
    { 0x0072b2, 0xe69f00, 0x009e73, 0xcc79a7,
      0x56b4e9, 0xd55e00, 0x000000, 0xf0e442 },
  },
  [BK_CHART_THEME_DARK] = {
    0x1e1e1e, 0xffffff, 0xbdbdbd, 0x363636, 0x9a9a9a,
    0x009e73, 0xd55e00, 0x56b4e9,
    { 0x0072b2, 0xe69f00, 0x009e73, 0xcc79a7,
      0x56b4e9, 0xd55e00, 0xbbbbbb, 0xf0e442 },
  },
};

typedef enum
{
  FONT_TITLE,
  FONT_SUBTITLE,
  FONT_LABEL,
  FONT_SMALL,
  FONT_SMALL_BOLD,
  FONT_CENTER,
  FONT_WRAP,     /* FONT_LABEL on up to two centred lines */
  N_FONTS
} FontRole;

static const struct {
  double      size;  /* px */
  PangoWeight weight;
} fonts[N_FONTS] = {
  [FONT_TITLE]      = { 17.0, PANGO_WEIGHT_BOLD },
  [FONT_SUBTITLE]   = { 13.0, PANGO_WEIGHT_NORMAL },
  [FONT_LABEL]      = { 12.0, PANGO_WEIGHT_NORMAL },
  [FONT_SMALL]      = { 11.0, PANGO_WEIGHT_NORMAL },
  [FONT_SMALL_BOLD] = { 11.0, PANGO_WEIGHT_BOLD },
  [FONT_CENTER]     = { 15.0, PANGO_WEIGHT_BOLD },
  [FONT_WRAP]       = { 12.0, PANGO_WEIGHT_NORMAL },
};

typedef enum
{
  LABELS_HORIZONTAL,
  LABELS_WRAPPED,
  LABELS_ROTATED,
} LabelMode;

typedef struct
{
  const char   *name;
  BkChartColor  color;
  gboolean      hidden;
  gboolean      line;    /* a line swatch rather than a square */
  guint         series;  /* G_MAXUINT: not clickable */
  double        text_width;
} LegendEntry;

typedef struct
{
  BkChart      *chart;
  cairo_t      *cr;
  const Theme  *theme;
  BkChartColor  background;
  BkChartColor  text;
  BkChartColor  secondary;
  PangoContext *pango;
  PangoLayout  *layouts[N_FONTS];
  double        width;
  double        height;
  gboolean      record;
  gboolean      any_highlight;
  double        line_height;  /* of FONT_LABEL */

  /* The plot, for the kinds with axes */
  double        px, py, pw, ph;
  guint         n_cat;
  gboolean      bands;        /* categories are bands (bars), not points */
  double        inset;        /* points: from the plot's sides */
  BkChartTicks  ticks;
  LabelMode     label_mode;
  guint         label_every;
  double        label_cap;    /* rotated labels: widest */
  double        wrap_width;   /* wrapped labels: line width */

  GArray       *marker_boxes; /* cairo_rectangle_t of placed marker labels */
} Ctx;

/* Colours */

static BkChartColor
rgb (guint32 hex)
{
  BkChartColor c = {
    ((hex >> 16) & 0xff) / 255.0,
    ((hex >> 8) & 0xff) / 255.0,
    (hex & 0xff) / 255.0,
  };
  return c;
}

static BkChartColor
mix (const BkChartColor *from,
     const BkChartColor *to,
     double              amount)
{
  BkChartColor c = {
    from->red + (to->red - from->red) * amount,
    from->green + (to->green - from->green) * amount,
    from->blue + (to->blue - from->blue) * amount,
  };
  return c;
}

static void
set_color (cairo_t            *cr,
           const BkChartColor *c)
{
  cairo_set_source_rgb (cr, c->red, c->green, c->blue);
}

void
bk_chart_palette_color (BkChartTheme  theme,
                        guint         index,
                        BkChartColor *color)
{
  g_return_if_fail (theme <= BK_CHART_THEME_DARK);
  g_return_if_fail (color != NULL);

  *color = rgb (themes[theme].palette[index % G_N_ELEMENTS (themes[theme].palette)]);
}

void
bk_chart_theme_background (BkChartTheme  theme,
                           BkChartColor *color)
{
  g_return_if_fail (theme <= BK_CHART_THEME_DARK);
  g_return_if_fail (color != NULL);

  *color = rgb (themes[theme].background);
}

static BkChartSeries *
series_at (Ctx   *ctx,
           guint  i)
{
  return g_ptr_array_index (ctx->chart->series, i);
}

/* The colour @series is drawn in: dimmed while others are highlighted. */
static BkChartColor
series_color (Ctx   *ctx,
              guint  i)
{
  BkChartSeries *s = series_at (ctx, i);
  BkChartColor c;

  if (s->has_color)
    c = s->color;
  else
    c = rgb (ctx->theme->palette[i % G_N_ELEMENTS (ctx->theme->palette)]);

  if (ctx->any_highlight && !s->highlighted)
    c = mix (&ctx->background, &c, DIM_STRENGTH);

  return c;
}

static double
luminance (const BkChartColor *c)
{
  return 0.2126 * c->red + 0.7152 * c->green + 0.0722 * c->blue;
}

/* Text */

static PangoLayout *
text_layout (Ctx        *ctx,
             FontRole    role,
             const char *text,
             double      max_width,
             double     *width,
             double     *height)
{
  PangoLayout *layout = ctx->layouts[role];
  PangoRectangle logical;

  pango_layout_set_width (layout, max_width > 0 ? (int) (max_width * PANGO_SCALE) : -1);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = logical.width / (double) PANGO_SCALE;
  if (height != NULL)
    *height = logical.height / (double) PANGO_SCALE;

  return layout;
}

static void
text_show (Ctx                *ctx,
           PangoLayout        *layout,
           double              x,
           double              y,
           const BkChartColor *color)
{
  set_color (ctx->cr, color);
  cairo_move_to (ctx->cr, x, y);
  pango_cairo_show_layout (ctx->cr, layout);
}

static void
setup_text (Ctx *ctx)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  ctx->pango = pango_cairo_create_context (ctx->cr);
  /* Unhinted metrics: the same layout on screen, in PNG, SVG and PDF. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (ctx->pango, options);
  pango_context_set_round_glyph_positions (ctx->pango, FALSE);
  cairo_font_options_destroy (options);

  for (guint i = 0; i < N_FONTS; i++)
    {
      PangoFontDescription *desc = pango_font_description_from_string (FONT_FAMILY);

      pango_font_description_set_absolute_size (desc, fonts[i].size * PANGO_SCALE);
      pango_font_description_set_weight (desc, fonts[i].weight);
      ctx->layouts[i] = pango_layout_new (ctx->pango);
      pango_layout_set_font_description (ctx->layouts[i], desc);
      if (i == FONT_CENTER)
        {
          pango_layout_set_wrap (ctx->layouts[i], PANGO_WRAP_WORD_CHAR);
          pango_layout_set_alignment (ctx->layouts[i], PANGO_ALIGN_CENTER);
          pango_layout_set_height (ctx->layouts[i], -3);
        }
      if (i == FONT_WRAP)
        {
          pango_layout_set_wrap (ctx->layouts[i], PANGO_WRAP_WORD);
          pango_layout_set_alignment (ctx->layouts[i], PANGO_ALIGN_CENTER);
        }
      else
        pango_layout_set_ellipsize (ctx->layouts[i], PANGO_ELLIPSIZE_END);
      pango_font_description_free (desc);
    }

  text_layout (ctx, FONT_LABEL, "0", 0, NULL, &ctx->line_height);
}

static void
teardown_text (Ctx *ctx)
{
  for (guint i = 0; i < N_FONTS; i++)
    g_clear_object (&ctx->layouts[i]);
  g_clear_object (&ctx->pango);
}

/* Geometry helpers */

static double
snap (double v)
{
  return floor (v) + 0.5;
}

static double
y_of (Ctx    *ctx,
      double  v)
{
  return ctx->py + ctx->ph * (ctx->ticks.max - v) / (ctx->ticks.max - ctx->ticks.min);
}

static double
x_spacing (Ctx *ctx)
{
  if (ctx->bands || ctx->n_cat <= 1)
    return ctx->pw / MAX (ctx->n_cat, 1);
  return (ctx->pw - 2 * ctx->inset) / (ctx->n_cat - 1);
}

static double
x_of (Ctx    *ctx,
      double  i)
{
  if (ctx->bands || ctx->n_cat <= 1)
    return ctx->px + (i + 0.5) * ctx->pw / MAX (ctx->n_cat, 1);
  return ctx->px + ctx->inset + i * x_spacing (ctx);
}

static void
add_hit (Ctx                  *ctx,
         const BkChartHitItem *item)
{
  if (ctx->record)
    g_array_append_vals (ctx->chart->hits, item, 1);
}

static void
add_rect_hit (Ctx    *ctx,
              guint   series,
              guint   index,
              double  value,
              double  x,
              double  top,
              double  w,
              double  bottom,
              double  anchor_y)
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
  add_hit (ctx, &item);
}

static guint
count_visible (BkChart *chart)
{
  guint n = 0;

  for (guint i = 0; i < chart->series->len; i++)
    if (!((BkChartSeries *) g_ptr_array_index (chart->series, i))->hidden)
      n++;
  return n;
}

static double
series_value (BkChartSeries *s,
              guint          i)
{
  return i < s->n_values ? s->values[i] : NAN;
}

static const char *
category_label (Ctx   *ctx,
                guint  i)
{
  BkChart *chart = ctx->chart;

  if (chart->kind == BK_CHART_KIND_WATERFALL)
    return i < chart->steps->len ? g_array_index (chart->steps, BkChartStep, i).label : "";
  return i < chart->categories->len ? g_ptr_array_index (chart->categories, i) : "";
}

/* Notices */

static void
draw_notice (Ctx        *ctx,
             const char *message,
             double      left,
             double      top,
             double      right,
             double      bottom)
{
  PangoLayout *layout;
  double w, h;

  layout = text_layout (ctx, FONT_LABEL, message, MAX (right - left, 1), &w, &h);
  text_show (ctx, layout, (left + right - w) / 2, (top + bottom - h) / 2, &ctx->secondary);
}

/* Legend */

static GArray *
legend_entries (Ctx *ctx)
{
  BkChart *chart = ctx->chart;
  GArray *entries = g_array_new (FALSE, TRUE, sizeof (LegendEntry));

  if (chart->kind == BK_CHART_KIND_WATERFALL)
    {
      LegendEntry e = { 0 };

      if (chart->steps->len == 0)
        return entries;
      e.series = G_MAXUINT;
      e.name = _("Increase");
      e.color = rgb (ctx->theme->increase);
      g_array_append_val (entries, e);
      e.name = _("Decrease");
      e.color = rgb (ctx->theme->decrease);
      g_array_append_val (entries, e);
      e.name = _("Total");
      e.color = rgb (ctx->theme->total);
      g_array_append_val (entries, e);
      return entries;
    }

  if (chart->kind > BK_CHART_KIND_WATERFALL)
    return entries;

  for (guint i = 0; i < chart->series->len; i++)
    {
      BkChartSeries *s = series_at (ctx, i);
      LegendEntry e = { 0 };

      e.name = s->name;
      e.color = series_color (ctx, i);
      e.hidden = s->hidden;
      e.line = chart->kind == BK_CHART_KIND_LINE;
      e.series = i;
      g_array_append_val (entries, e);
    }

  return entries;
}

static void
draw_legend_entry (Ctx         *ctx,
                   LegendEntry *e,
                   double       x,
                   double       y,
                   double       w,
                   double       h)
{
  cairo_t *cr = ctx->cr;
  double sy = y + h / 2;
  PangoLayout *layout;
  double tw, th;

  if (e->hidden)
    {
      cairo_set_line_width (cr, 1.0);
      set_color (cr, &ctx->secondary);
      cairo_rectangle (cr, x + 1.5, sy - 5.5, 11, 11);
      cairo_stroke (cr);
    }
  else if (e->line)
    {
      set_color (cr, &e->color);
      cairo_rectangle (cr, x, sy - 1.5, 14, 3);
      cairo_fill (cr);
      cairo_arc (cr, x + 7, sy, 3.5, 0, 2 * G_PI);
      cairo_fill (cr);
    }
  else
    {
      set_color (cr, &e->color);
      cairo_rectangle (cr, x + 1, sy - 6, 12, 12);
      cairo_fill (cr);
    }

  layout = text_layout (ctx, FONT_LABEL, e->name, MAX (w - 20, 1), &tw, &th);
  text_show (ctx, layout, x + 20, sy - th / 2, e->hidden ? &ctx->secondary : &ctx->text);

  if (ctx->record && e->series != G_MAXUINT)
    {
      BkChartLegendItem item = { x - 2, y, MIN (w, 20 + tw) + 4, h, e->series };
      g_array_append_val (ctx->chart->legend_hits, item);
    }
}

/* Draws the legend and shrinks the area it took from. */
static void
draw_legend (Ctx    *ctx,
             double *left,
             double *top,
             double *right,
             double *bottom)
{
  g_autoptr(GArray) entries = legend_entries (ctx);
  BkChartLegendPosition position = ctx->chart->legend_position;
  double entry_h = MAX (ctx->line_height, 14.0) + 6;
  double max_text = 0;

  if (position == BK_CHART_LEGEND_NONE || entries->len == 0)
    return;

  for (guint i = 0; i < entries->len; i++)
    {
      LegendEntry *e = &g_array_index (entries, LegendEntry, i);
      text_layout (ctx, FONT_LABEL, e->name, 0, &e->text_width, NULL);
      max_text = MAX (max_text, e->text_width);
    }

  if (position == BK_CHART_LEGEND_RIGHT)
    {
      double avail = *right - *left;
      double legend_w = 20 + MIN (max_text, avail * 0.25);

      if (legend_w > avail * 0.3 || entry_h * entries->len > (*bottom - *top) + 1)
        position = BK_CHART_LEGEND_BOTTOM;
      else
        {
          double x = *right - legend_w;
          double y = *top + ctx->line_height / 2;

          for (guint i = 0; i < entries->len; i++)
            {
              draw_legend_entry (ctx, &g_array_index (entries, LegendEntry, i),
                                 x, y, legend_w, entry_h);
              y += entry_h;
            }
          *right = x - 16;
          return;
        }
    }

  /* Bottom: rows of entries that wrap, at most three rows */
  {
    double avail = *right - *left;
    double gap = 18;
    guint rows = 1;
    double x = 0;
    double y;

    for (guint i = 0; i < entries->len; i++)
      {
        LegendEntry *e = &g_array_index (entries, LegendEntry, i);
        double w = MIN (20 + e->text_width, avail);

        if (x > 0 && x + w > avail)
          {
            rows++;
            x = 0;
          }
        x += w + gap;
      }
    rows = MIN (rows, 3);

    y = *bottom - rows * entry_h;
    *bottom = y - 8;
    x = 0;
    rows = 0;
    for (guint i = 0; i < entries->len; i++)
      {
        LegendEntry *e = &g_array_index (entries, LegendEntry, i);
        double w = MIN (20 + e->text_width, avail);

        if (x > 0 && x + w > avail)
          {
            if (++rows == 3)
              break;
            x = 0;
            y += entry_h;
          }
        draw_legend_entry (ctx, e, *left + x, y, w, entry_h);
        x += w + gap;
      }
  }
}

/* Axes */

static void
value_range (Ctx    *ctx,
             double *lo,
             double *hi)
{
  BkChart *chart = ctx->chart;

  *lo = 0.0;
  *hi = 0.0;

  switch (chart->kind)
    {
    case BK_CHART_KIND_STACKED_BAR:
    case BK_CHART_KIND_STACKED_AREA:
      for (guint i = 0; i < ctx->n_cat; i++)
        {
          double pos = 0, neg = 0;

          for (guint j = 0; j < chart->series->len; j++)
            {
              BkChartSeries *s = series_at (ctx, j);
              double v = series_value (s, i);

              if (s->hidden || !isfinite (v))
                continue;
              if (v >= 0)
                pos += v;
              else
                neg += v;
            }
          *lo = MIN (*lo, neg);
          *hi = MAX (*hi, pos);
        }
      break;

    case BK_CHART_KIND_WATERFALL:
      {
        double running = 0;

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
        {
          double span = *hi - *lo;
          if (*hi > 0)
            *hi += span * 0.08;
          if (*lo < 0)
            *lo -= span * 0.08;
        }
      }
      break;

    case BK_CHART_KIND_LINE:
    case BK_CHART_KIND_BAR:
    case BK_CHART_KIND_DONUT:
    case BK_CHART_KIND_TORNADO:
    case BK_CHART_KIND_FAN:
    case BK_CHART_KIND_HISTOGRAM:
    default:
      for (guint j = 0; j < chart->series->len; j++)
        {
          BkChartSeries *s = series_at (ctx, j);

          if (s->hidden)
            continue;
          for (guint i = 0; i < s->n_values; i++)
            if (isfinite (s->values[i]))
              {
                *lo = MIN (*lo, s->values[i]);
                *hi = MAX (*hi, s->values[i]);
              }
        }
      break;
    }
}

static double
tick_labels_width (Ctx *ctx)
{
  double widest = 0;

  for (guint i = 0; i < ctx->ticks.n_ticks; i++)
    {
      g_autofree char *label = bk_chart_format_value (ctx->chart->unit,
                                                      ctx->ticks.min + i * ctx->ticks.step,
                                                      ctx->ticks.step);
      double w;

      text_layout (ctx, FONT_LABEL, label, 0, &w, NULL);
      widest = MAX (widest, w);
    }
  return widest;
}

static guint
tick_target (double plot_height)
{
  return CLAMP ((guint) (MAX (plot_height, 0) / 60.0), 2, 8);
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
labels_wrap (Ctx    *ctx,
             double  width,
             double *height)
{
  *height = 0;
  if (width < 20)
    return FALSE;

  for (guint i = 0; i < ctx->n_cat; i++)
    {
      PangoLayout *layout;
      PangoRectangle ink, logical;

      layout = text_layout (ctx, FONT_WRAP, category_label (ctx, i), width, NULL, NULL);
      pango_layout_get_pixel_extents (layout, &ink, &logical);
      if (pango_layout_get_line_count (layout) > 2 || logical.x < 0 ||
          logical.x + logical.width > width + 1)
        return FALSE;
      *height = MAX (*height, logical.height);
    }
  return TRUE;
}

/* Picks ticks, the plot rectangle and how category labels fit. */
static gboolean
layout_axes (Ctx    *ctx,
             double  left,
             double  top,
             double  right,
             double  bottom)
{
  double lo, hi, label_w, max_label = 0, spacing, cat_h, plot_top, wrap_h = 0;
  double lh = ctx->line_height;

  value_range (ctx, &lo, &hi);

  plot_top = top + lh / 2;
  bk_chart_ticks_compute (lo, hi, tick_target (bottom - plot_top - lh - 8), &ctx->ticks);
  label_w = tick_labels_width (ctx);

  ctx->px = left + label_w + 8;
  ctx->pw = right - ctx->px;
  if (ctx->pw < 40 || ctx->n_cat == 0)
    return FALSE;

  for (guint i = 0; i < ctx->n_cat; i++)
    {
      double w;

      text_layout (ctx, FONT_LABEL, category_label (ctx, i), 0, &w, NULL);
      max_label = MAX (max_label, w);
    }

  ctx->inset = MIN (ctx->pw / 4, MAX (8.0, max_label / 2));
  spacing = x_spacing (ctx);
  ctx->label_cap = MAX ((bottom - top) * 0.3 / SIN45 - lh, 20.0);

  if (max_label + 10 <= spacing)
    {
      ctx->label_mode = LABELS_HORIZONTAL;
      ctx->label_every = 1;
    }
  else if (ctx->bands && labels_wrap (ctx, spacing - 8, &wrap_h))
    {
      /* Names under bars: on two lines if they fit */
      ctx->label_mode = LABELS_WRAPPED;
      ctx->label_every = 1;
      ctx->wrap_width = spacing - 8;
    }
  else if (ctx->bands)
    {
      /* Else rotate them, then thin them if still too close */
      ctx->label_mode = LABELS_ROTATED;
      ctx->label_every = MAX (1, (guint) ceil (lh * 1.2 / spacing));
    }
  else
    {
      /* Periods along a line: show every k-th */
      ctx->label_mode = LABELS_HORIZONTAL;
      ctx->label_every = MAX (1, (guint) ceil ((max_label + 10) / spacing));
    }

  ctx->label_every = nice_every (ctx->label_every);

  if (ctx->label_mode == LABELS_HORIZONTAL)
    cat_h = lh + 6;
  else if (ctx->label_mode == LABELS_WRAPPED)
    cat_h = wrap_h + 6;
  else
    {
      /* Room on the left for the first label, which reaches down-left */
      double need = MIN (max_label, ctx->label_cap) * SIN45 + 4 - spacing / 2;
      double shift = MIN (need - ctx->px, ctx->pw * 0.2);

      if (shift > 0)
        {
          ctx->px += shift;
          ctx->pw -= shift;
        }
      cat_h = (MIN (max_label, ctx->label_cap) + lh) * SIN45 + 6;
    }

  ctx->py = plot_top;
  ctx->ph = bottom - cat_h - plot_top;
  if (ctx->ph < 30)
    return FALSE;

  /* With the real height the tick count may change, and so the labels */
  bk_chart_ticks_compute (lo, hi, tick_target (ctx->ph), &ctx->ticks);
  {
    double w = tick_labels_width (ctx);
    if (w > label_w)
      {
        ctx->px += w - label_w;
        ctx->pw -= w - label_w;
      }
  }

  return TRUE;
}

static void
draw_grid (Ctx *ctx)
{
  cairo_t *cr = ctx->cr;
  BkChartColor grid = rgb (ctx->theme->grid);

  cairo_set_line_width (cr, 1.0);
  set_color (cr, &grid);
  for (guint i = 0; i < ctx->ticks.n_ticks; i++)
    {
      double v = ctx->ticks.min + i * ctx->ticks.step;
      double y = snap (y_of (ctx, v));

      if (fabs (v) < ctx->ticks.step * 1e-6)
        continue;  /* the zero line is drawn over the data */
      cairo_move_to (cr, ctx->px, y);
      cairo_line_to (cr, ctx->px + ctx->pw, y);
    }
  cairo_stroke (cr);

  for (guint i = 0; i < ctx->ticks.n_ticks; i++)
    {
      double v = ctx->ticks.min + i * ctx->ticks.step;
      g_autofree char *label = bk_chart_format_value (ctx->chart->unit, v, ctx->ticks.step);
      PangoLayout *layout;
      double w, h;

      layout = text_layout (ctx, FONT_LABEL, label, 0, &w, &h);
      text_show (ctx, layout, ctx->px - 8 - w, y_of (ctx, v) - h / 2, &ctx->secondary);
    }
}

static void
draw_category_labels (Ctx *ctx)
{
  cairo_t *cr = ctx->cr;
  double lh = ctx->line_height;
  double y = ctx->py + ctx->ph + 6;

  for (guint i = 0; i < ctx->n_cat; i += ctx->label_every)
    {
      const char *text = category_label (ctx, i);
      double x = x_of (ctx, i);
      PangoLayout *layout;
      double w, h;

      if (text == NULL || *text == '\0')
        continue;

      if (ctx->label_mode == LABELS_HORIZONTAL)
        {
          layout = text_layout (ctx, FONT_LABEL, text, 0, &w, &h);
          x = CLAMP (x - w / 2, 0, MAX (ctx->width - w, 0));
          text_show (ctx, layout, x, y, &ctx->secondary);
        }
      else if (ctx->label_mode == LABELS_WRAPPED)
        {
          layout = text_layout (ctx, FONT_WRAP, text, ctx->wrap_width, NULL, NULL);
          text_show (ctx, layout, x - ctx->wrap_width / 2, y, &ctx->secondary);
        }
      else
        {
          /* Ends under its bar, rising to the right at 45° */
          double cap = MIN (ctx->label_cap, MAX ((x - 2) / SIN45 - lh, 10));

          layout = text_layout (ctx, FONT_LABEL, text, 0, &w, &h);
          if (w > cap)
            layout = text_layout (ctx, FONT_LABEL, text, cap, &w, &h);
          cairo_save (cr);
          cairo_translate (cr, x, y + h * 0.35);
          cairo_rotate (cr, -G_PI / 4);
          text_show (ctx, layout, -w, -h / 2, &ctx->secondary);
          cairo_restore (cr);
        }
    }
}

static void
draw_zero_line (Ctx *ctx)
{
  cairo_t *cr = ctx->cr;
  BkChartColor axis = rgb (ctx->theme->axis);
  double y = snap (y_of (ctx, 0.0));

  cairo_set_line_width (cr, 1.0);
  set_color (cr, &axis);
  cairo_move_to (cr, ctx->px, y);
  cairo_line_to (cr, ctx->px + ctx->pw, y);
  cairo_stroke (cr);
}

/* Visible series, dimmed ones first so highlighted ones are drawn on top. */
static GArray *
drawing_order (Ctx *ctx)
{
  GArray *order = g_array_new (FALSE, FALSE, sizeof (guint));

  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < ctx->chart->series->len; i++)
      {
        BkChartSeries *s = series_at (ctx, i);
        gboolean dimmed = ctx->any_highlight && !s->highlighted;

        if (!s->hidden && dimmed == (pass == 0))
          g_array_append_val (order, i);
      }
  return order;
}

/* Kinds */

static void
draw_lines (Ctx *ctx)
{
  cairo_t *cr = ctx->cr;
  g_autoptr(GArray) order = drawing_order (ctx);
  gboolean dots = x_spacing (ctx) >= 28;

  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  for (guint o = 0; o < order->len; o++)
    {
      guint si = g_array_index (order, guint, o);
      BkChartSeries *s = series_at (ctx, si);
      BkChartColor color = series_color (ctx, si);
      gboolean down = FALSE;

      set_color (cr, &color);
      cairo_set_line_width (cr, 2.5);
      for (guint i = 0; i < s->n_values && i < ctx->n_cat; i++)
        {
          double v = s->values[i];

          if (!isfinite (v))
            {
              down = FALSE;
              continue;
            }
          if (down)
            cairo_line_to (cr, x_of (ctx, i), y_of (ctx, v));
          else
            cairo_move_to (cr, x_of (ctx, i), y_of (ctx, v));
          down = TRUE;
        }
      cairo_stroke (cr);

      for (guint i = 0; i < s->n_values && i < ctx->n_cat; i++)
        {
          double v = s->values[i];
          gboolean isolated;
          BkChartHitItem item = { 0 };

          if (!isfinite (v))
            continue;

          isolated = (i == 0 || !isfinite (s->values[i - 1])) &&
                     (i + 1 >= s->n_values || !isfinite (s->values[i + 1]));
          if (dots || isolated)
            {
              cairo_new_sub_path (cr);
              cairo_arc (cr, x_of (ctx, i), y_of (ctx, v), 3.5, 0, 2 * G_PI);
            }

          item.shape = BK_CHART_HIT_POINT;
          item.series = si;
          item.index = i;
          item.value = v;
          item.x = item.anchor_x = x_of (ctx, i);
          item.y = item.anchor_y = y_of (ctx, v);
          add_hit (ctx, &item);
        }
      cairo_fill (cr);
    }
}

static void
draw_bars (Ctx *ctx)
{
  cairo_t *cr = ctx->cr;
  guint n_visible = count_visible (ctx->chart);
  double band = x_spacing (ctx);
  double group = band * (n_visible > 1 ? 0.78 : 0.6);
  double bar_w = group / MAX (n_visible, 1);
  double gap = bar_w > 8 ? 2 : 0;
  guint slot = 0;

  for (guint si = 0; si < ctx->chart->series->len; si++)
    {
      BkChartSeries *s = series_at (ctx, si);
      BkChartColor color;

      if (s->hidden)
        continue;

      color = series_color (ctx, si);
      set_color (cr, &color);
      for (guint i = 0; i < s->n_values && i < ctx->n_cat; i++)
        {
          double v = s->values[i];
          double x = x_of (ctx, i) - group / 2 + slot * bar_w + gap / 2;
          double top, bottom;

          if (!isfinite (v))
            continue;
          top = y_of (ctx, MAX (v, 0));
          bottom = y_of (ctx, MIN (v, 0));
          cairo_rectangle (cr, x, top, bar_w - gap, bottom - top);
          add_rect_hit (ctx, si, i, v, x, top, bar_w - gap, bottom, v >= 0 ? top : bottom);
        }
      cairo_fill (cr);
      slot++;
    }
}

static void
draw_stacked_bars (Ctx *ctx)
{
  cairo_t *cr = ctx->cr;
  double bar_w = x_spacing (ctx) * 0.6;

  for (guint i = 0; i < ctx->n_cat; i++)
    {
      double pos = 0, neg = 0;
      double x = x_of (ctx, i) - bar_w / 2;

      for (guint si = 0; si < ctx->chart->series->len; si++)
        {
          BkChartSeries *s = series_at (ctx, si);
          double v = series_value (s, i);
          double top, bottom;
          BkChartColor color;

          if (s->hidden || !isfinite (v) || v == 0)
            continue;

          if (v > 0)
            {
              top = y_of (ctx, pos + v);
              bottom = y_of (ctx, pos);
              if (pos > 0 && bottom - top > 3)
                bottom -= 1;  /* a hairline between segments */
              pos += v;
            }
          else
            {
              top = y_of (ctx, neg);
              bottom = y_of (ctx, neg + v);
              if (neg < 0 && bottom - top > 3)
                top += 1;
              neg += v;
            }

          color = series_color (ctx, si);
          set_color (cr, &color);
          cairo_rectangle (cr, x, top, bar_w, bottom - top);
          cairo_fill (cr);
          add_rect_hit (ctx, si, i, v, x, top, bar_w, bottom, v > 0 ? top : bottom);
        }
    }
}

static void
draw_stacked_areas (Ctx *ctx)
{
  cairo_t *cr = ctx->cr;
  guint n = ctx->n_cat;
  g_autofree double *pos = g_new0 (double, n);
  g_autofree double *neg = g_new0 (double, n);
  g_autofree double *lower = g_new0 (double, n);
  g_autofree double *upper = g_new0 (double, n);
  double half = x_spacing (ctx) / 2;

  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  for (guint si = 0; si < ctx->chart->series->len; si++)
    {
      BkChartSeries *s = series_at (ctx, si);
      BkChartColor color, fill;

      if (s->hidden)
        continue;

      for (guint i = 0; i < n; i++)
        {
          double v = series_value (s, i);

          if (!isfinite (v))
            v = 0;
          if (v >= 0)
            {
              lower[i] = pos[i];
              upper[i] = pos[i] += v;
            }
          else
            {
              lower[i] = neg[i];
              upper[i] = neg[i] += v;
            }
        }

      color = series_color (ctx, si);
      fill = mix (&ctx->background, &color, AREA_STRENGTH);

      if (n == 1)
        {
          /* One period: a column rather than an invisible sliver */
          cairo_rectangle (cr, x_of (ctx, 0) - half / 2, y_of (ctx, MAX (upper[0], lower[0])),
                           half, fabs (y_of (ctx, upper[0]) - y_of (ctx, lower[0])));
          set_color (cr, &fill);
          cairo_fill (cr);
        }
      else
        {
          for (guint i = 0; i < n; i++)
            cairo_line_to (cr, x_of (ctx, i), y_of (ctx, upper[i]));
          for (guint i = n; i-- > 0;)
            cairo_line_to (cr, x_of (ctx, i), y_of (ctx, lower[i]));
          cairo_close_path (cr);
          set_color (cr, &fill);
          cairo_fill (cr);

          for (guint i = 0; i < n; i++)
            cairo_line_to (cr, x_of (ctx, i), y_of (ctx, upper[i]));
          set_color (cr, &color);
          cairo_set_line_width (cr, 1.5);
          cairo_stroke (cr);
        }

      for (guint i = 0; i < n; i++)
        {
          BkChartHitItem item = { 0 };
          double a = y_of (ctx, upper[i]), b = y_of (ctx, lower[i]);

          if (!isfinite (series_value (s, i)))
            continue;
          item.shape = BK_CHART_HIT_BAND;
          item.series = si;
          item.index = i;
          item.value = series_value (s, i);
          item.x = x_of (ctx, i);
          item.w = half;
          item.y = MIN (a, b);
          item.h = fabs (a - b);
          item.anchor_x = item.x;
          item.anchor_y = a;
          add_hit (ctx, &item);
        }
    }
}

static void
draw_waterfall (Ctx *ctx)
{
  cairo_t *cr = ctx->cr;
  BkChart *chart = ctx->chart;
  double band = x_spacing (ctx);
  double bar_w = band * 0.6;
  double running = 0;
  BkChartColor increase = rgb (ctx->theme->increase);
  BkChartColor decrease = rgb (ctx->theme->decrease);
  BkChartColor total = rgb (ctx->theme->total);
  static const double dash[] = { 3.0, 3.0 };

  for (guint i = 0; i < chart->steps->len; i++)
    {
      BkChartStep *step = &g_array_index (chart->steps, BkChartStep, i);
      double from, to, x = x_of (ctx, i) - bar_w / 2;
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

      top = y_of (ctx, MAX (from, to));
      bottom = y_of (ctx, MIN (from, to));
      set_color (cr, color);
      cairo_rectangle (cr, x, top, bar_w, MAX (bottom - top, 1.0));
      cairo_fill (cr);
      add_rect_hit (ctx, 0, i, step->is_total ? to : step->value,
                    x, top, bar_w, bottom, to >= from ? top : bottom);

      /* A dashed connector from this bar's end to the next bar */
      if (i + 1 < chart->steps->len)
        {
          double y = snap (y_of (ctx, to));
          BkChartColor grid = rgb (ctx->theme->axis);

          cairo_save (cr);
          cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
          cairo_set_line_width (cr, 1.0);
          set_color (cr, &grid);
          cairo_move_to (cr, x + bar_w, y);
          cairo_line_to (cr, x + band, y);
          cairo_stroke (cr);
          cairo_restore (cr);
        }

      /* The value over (or under) the bar, when it fits */
      number = bk_chart_format_short (chart->unit, step->is_total ? to : step->value);
      label = !step->is_total && step->value > 0 ? g_strconcat ("+", number, NULL)
                                                 : g_strdup (number);
      layout = text_layout (ctx, FONT_SMALL_BOLD, label, 0, &tw, &th);
      if (tw <= band - 4)
        {
          double y = to >= from || (step->is_total && to >= 0) ? top - th - 2 : bottom + 2;
          text_show (ctx, layout, x + bar_w / 2 - tw / 2, y, &ctx->text);
        }

      running = to;
    }
}

static gboolean
rect_overlaps (const cairo_rectangle_t *a,
               const cairo_rectangle_t *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

static void
draw_markers (Ctx *ctx)
{
  cairo_t *cr = ctx->cr;
  BkChart *chart = ctx->chart;

  for (guint m = 0; m < chart->markers->len; m++)
    {
      BkChartMarker *marker = &g_array_index (chart->markers, BkChartMarker, m);
      BkChartSeries *s;
      BkChartColor color;
      double lo, hi, v, x, y, tw = 0, th = 0;
      guint i0, i1;
      PangoLayout *layout = NULL;

      if (marker->series >= chart->series->len)
        continue;
      s = series_at (ctx, marker->series);
      if (s->hidden || marker->x < 0 || marker->x > ctx->n_cat - 1 || s->n_values == 0)
        continue;

      i0 = (guint) floor (marker->x);
      i1 = MIN (i0 + 1, s->n_values - 1);
      lo = series_value (s, i0);
      hi = series_value (s, i1);
      if (!isfinite (lo) || !isfinite (hi))
        continue;
      v = lo + (hi - lo) * (marker->x - i0);
      x = x_of (ctx, marker->x);
      y = y_of (ctx, v);

      color = series_color (ctx, marker->series);
      cairo_new_path (cr);
      cairo_arc (cr, x, y, 5.5, 0, 2 * G_PI);
      set_color (cr, &color);
      cairo_fill_preserve (cr);
      set_color (cr, &ctx->background);
      cairo_set_line_width (cr, 2.0);
      cairo_stroke (cr);

      if (marker->label == NULL || *marker->label == '\0')
        continue;

      layout = text_layout (ctx, FONT_SMALL_BOLD, marker->label, ctx->pw / 3, &tw, &th);

      /* Above the point, else below, else further up or down */
      {
        static const double offsets[] = { -1, 1, -2, 2, -3, 3 };
        cairo_rectangle_t box = { 0 };
        gboolean placed = FALSE;

        for (guint k = 0; k < G_N_ELEMENTS (offsets) && !placed; k++)
          {
            box.width = tw + 16;
            box.height = th + 2;
            box.x = CLAMP (x - box.width / 2, ctx->px, ctx->px + ctx->pw - box.width);
            box.y = offsets[k] < 0
              ? y - 8 - box.height + (offsets[k] + 1) * box.height
              : y + 8 + (offsets[k] - 1) * box.height;
            if (box.y < ctx->py - ctx->line_height / 2 || box.y + box.height > ctx->py + ctx->ph)
              continue;

            placed = TRUE;
            for (guint b = 0; b < ctx->marker_boxes->len; b++)
              if (rect_overlaps (&box, &g_array_index (ctx->marker_boxes, cairo_rectangle_t, b)))
                placed = FALSE;
          }

        if (!placed)
          continue;

        g_array_append_val (ctx->marker_boxes, box);
        cairo_set_source_rgba (cr, ctx->background.red, ctx->background.green,
                               ctx->background.blue, 0.85);
        cairo_rectangle (cr, box.x, box.y, box.width, box.height);
        cairo_fill (cr);
        /* A dot of the series' colour says whose point this is */
        set_color (cr, &color);
        cairo_arc (cr, box.x + 5.5, box.y + box.height / 2, 3, 0, 2 * G_PI);
        cairo_fill (cr);
        text_show (ctx, layout, box.x + 12, box.y + 1, &ctx->text);
      }
    }
}

static void
draw_axis_chart (Ctx    *ctx,
                 double  left,
                 double  top,
                 double  right,
                 double  bottom)
{
  BkChart *chart = ctx->chart;
  gboolean empty;

  if (chart->kind == BK_CHART_KIND_WATERFALL)
    {
      ctx->n_cat = chart->steps->len;
      empty = ctx->n_cat == 0;
    }
  else
    {
      ctx->n_cat = bk_chart_get_n_categories (chart);
      empty = ctx->n_cat == 0 || count_visible (chart) == 0;
    }
  ctx->bands = chart->kind != BK_CHART_KIND_LINE && chart->kind != BK_CHART_KIND_STACKED_AREA;

  if (empty)
    {
      draw_notice (ctx, _("No data to show"), left, top, right, bottom);
      return;
    }

  if (!layout_axes (ctx, left, top, right, bottom))
    return;

  if (ctx->record)
    {
      chart->has_plot = TRUE;
      chart->plot.x = ctx->px;
      chart->plot.y = ctx->py;
      chart->plot.width = ctx->pw;
      chart->plot.height = ctx->ph;
    }

  draw_grid (ctx);
  draw_category_labels (ctx);

  cairo_save (ctx->cr);
  /* Keep data inside the plot (and its labels a little above it) */
  cairo_rectangle (ctx->cr, ctx->px - 8, ctx->py - ctx->line_height / 2,
                   ctx->pw + 16, ctx->ph + ctx->line_height / 2 + 5);
  cairo_clip (ctx->cr);

  switch (chart->kind)
    {
    case BK_CHART_KIND_LINE:
      draw_lines (ctx);
      break;
    case BK_CHART_KIND_BAR:
      draw_bars (ctx);
      break;
    case BK_CHART_KIND_STACKED_BAR:
      draw_stacked_bars (ctx);
      break;
    case BK_CHART_KIND_STACKED_AREA:
      draw_stacked_areas (ctx);
      break;
    case BK_CHART_KIND_WATERFALL:
      draw_waterfall (ctx);
      break;
    case BK_CHART_KIND_DONUT:
    case BK_CHART_KIND_TORNADO:
    case BK_CHART_KIND_FAN:
    case BK_CHART_KIND_HISTOGRAM:
    default:
      g_assert_not_reached ();
    }

  draw_zero_line (ctx);
  draw_markers (ctx);
  cairo_restore (ctx->cr);
}

static void
draw_donut (Ctx    *ctx,
            double  left,
            double  top,
            double  right,
            double  bottom)
{
  cairo_t *cr = ctx->cr;
  BkChart *chart = ctx->chart;
  double cx = (left + right) / 2, cy = (top + bottom) / 2;
  double outer = MIN (right - left, bottom - top) / 2 - 4;
  double inner = outer * 0.58;
  double total = 0, angle = -G_PI / 2;
  guint n_slices = 0;

  for (guint si = 0; si < chart->series->len; si++)
    {
      BkChartSeries *s = series_at (ctx, si);
      double v = series_value (s, 0);

      if (!s->hidden && isfinite (v) && v > 0)
        {
          total += v;
          n_slices++;
        }
    }

  if (total <= 0 || outer < 20)
    {
      draw_notice (ctx, _("No data to show"), left, top, right, bottom);
      return;
    }

  if (ctx->record)
    {
      chart->has_plot = TRUE;
      chart->plot.x = cx - outer;
      chart->plot.y = cy - outer;
      chart->plot.width = chart->plot.height = 2 * outer;
    }

  for (guint si = 0; si < chart->series->len; si++)
    {
      BkChartSeries *s = series_at (ctx, si);
      double v = series_value (s, 0);
      double sweep, mid, rm, tw, th;
      BkChartColor color, ink;
      BkChartHitItem item = { 0 };
      g_autofree char *label = NULL;
      PangoLayout *layout;

      if (s->hidden || !isfinite (v) || v <= 0)
        continue;

      sweep = 2 * G_PI * v / total;
      color = series_color (ctx, si);

      cairo_new_path (cr);
      cairo_arc (cr, cx, cy, outer, angle, angle + sweep);
      cairo_arc_negative (cr, cx, cy, inner, angle + sweep, angle);
      cairo_close_path (cr);
      set_color (cr, &color);
      if (n_slices > 1)
        {
          cairo_fill_preserve (cr);
          set_color (cr, &ctx->background);
          cairo_set_line_width (cr, 1.5);
          cairo_set_line_join (cr, CAIRO_LINE_JOIN_BEVEL);
          cairo_stroke (cr);
        }
      else
        cairo_fill (cr);

      mid = angle + sweep / 2;
      rm = (outer + inner) / 2;

      item.shape = BK_CHART_HIT_SLICE;
      item.series = si;
      item.index = 0;
      item.value = v;
      item.x = cx;
      item.y = cy;
      item.w = inner;
      item.h = outer;
      item.start = angle + G_PI / 2;
      item.end = angle + G_PI / 2 + sweep;
      item.anchor_x = cx + rm * cos (mid);
      item.anchor_y = cy + rm * sin (mid);
      add_hit (ctx, &item);

      /* The value inside the ring when there is room */
      label = bk_chart_format_short (chart->unit, v);
      layout = text_layout (ctx, FONT_SMALL_BOLD, label, 0, &tw, &th);
      if (sweep * rm > tw + 8 && outer - inner > th + 4 && (sweep > 0.5 || sweep * rm > 2 * tw))
        {
          ink = luminance (&color) > 0.55 ? rgb (0x1e1e1e) : rgb (0xffffff);
          text_show (ctx, layout, item.anchor_x - tw / 2, item.anchor_y - th / 2, &ink);
        }

      angle += sweep;
    }

  if (chart->center_label != NULL && *chart->center_label != '\0')
    {
      PangoLayout *layout;
      double w = inner * 1.5, tw, th;

      layout = text_layout (ctx, FONT_CENTER, chart->center_label, w, &tw, &th);
      text_show (ctx, layout, cx - w / 2, cy - th / 2, &ctx->text);
    }
}

void
bk_chart_render_full (BkChart  *chart,
                      cairo_t  *cr,
                      double    width,
                      double    height,
                      gboolean  record)
{
  Ctx ctx = { 0 };
  double pad = CLAMP (MIN (width, height) * 0.03, 8.0, 20.0);
  double left = pad, top = pad, right = width - pad, bottom = height - pad;

  ctx.chart = chart;
  ctx.cr = cr;
  ctx.theme = &themes[chart->theme];
  ctx.background = rgb (ctx.theme->background);
  ctx.text = rgb (ctx.theme->text);
  ctx.secondary = rgb (ctx.theme->secondary);
  ctx.width = width;
  ctx.height = height;
  ctx.record = record;

  for (guint i = 0; i < chart->series->len; i++)
    if (series_at (&ctx, i)->highlighted && !series_at (&ctx, i)->hidden)
      ctx.any_highlight = TRUE;

  if (record)
    {
      chart->has_plot = FALSE;
      g_array_set_size (chart->hits, 0);
      g_array_set_size (chart->legend_hits, 0);
    }

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  set_color (cr, &ctx.background);
  cairo_paint (cr);

  if (width < 2 * pad + 20 || height < 2 * pad + 20)
    {
      cairo_restore (cr);
      return;
    }

  setup_text (&ctx);
  ctx.marker_boxes = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));

  /* Title and subtitle, top left */
  if (chart->title != NULL && *chart->title != '\0')
    {
      double w, h;
      PangoLayout *layout = text_layout (&ctx, FONT_TITLE, chart->title, right - left, &w, &h);

      text_show (&ctx, layout, left, top, &ctx.text);
      top += h + 2;
    }
  if (chart->subtitle != NULL && *chart->subtitle != '\0')
    {
      double w, h;
      PangoLayout *layout = text_layout (&ctx, FONT_SUBTITLE, chart->subtitle, right - left, &w, &h);

      text_show (&ctx, layout, left, top, &ctx.secondary);
      top += h;
    }
  if (top > pad)
    top += 10;

  /* Source line, bottom left */
  if (chart->source != NULL && *chart->source != '\0')
    {
      double w, h;
      PangoLayout *layout = text_layout (&ctx, FONT_SMALL, chart->source, right - left, &w, &h);

      text_show (&ctx, layout, left, bottom - h, &ctx.secondary);
      bottom -= h + 8;
    }

  if (chart->kind >= BK_CHART_KIND_TORNADO)
    {
      draw_notice (&ctx, _("This kind of chart is not available yet"), left, top, right, bottom);
    }
  else
    {
      draw_legend (&ctx, &left, &top, &right, &bottom);

      if (right - left > 20 && bottom - top > 20)
        {
          if (chart->kind == BK_CHART_KIND_DONUT)
            draw_donut (&ctx, left, top, right, bottom);
          else
            draw_axis_chart (&ctx, left, top, right, bottom);
        }
    }

  g_array_unref (ctx.marker_boxes);
  teardown_text (&ctx);
  cairo_restore (cr);
}

void
bk_chart_render (BkChart *chart,
                 cairo_t *cr,
                 double   width,
                 double   height)
{
  g_return_if_fail (BK_IS_CHART (chart));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (width >= 0 && height >= 0);

  bk_chart_render_full (chart, cr, width, height, TRUE);
}

/* Hit tests */

static gboolean
hit_item (const BkChartHitItem *item,
          double                x,
          double                y,
          double               *distance)
{
  *distance = 0;

  switch (item->shape)
    {
    case BK_CHART_HIT_RECT:
      return x >= item->x && x < item->x + item->w && y >= item->y && y < item->y + item->h;

    case BK_CHART_HIT_POINT:
      *distance = hypot (x - item->x, y - item->y);
      return *distance <= POINT_HIT_RADIUS;

    case BK_CHART_HIT_BAND:
      return fabs (x - item->x) <= item->w && y >= item->y && y <= item->y + item->h;

    case BK_CHART_HIT_SLICE:
      {
        double d = hypot (x - item->x, y - item->y);
        double a = atan2 (y - item->y, x - item->x) + G_PI / 2;

        if (d < item->w || d > item->h)
          return FALSE;
        a = fmod (a + 4 * G_PI, 2 * G_PI);
        return a >= item->start && a < item->end;
      }

    default:
      return FALSE;
    }
}

gboolean
bk_chart_hit_test (BkChart    *chart,
                   double      x,
                   double      y,
                   BkChartHit *hit)
{
  const BkChartHitItem *best = NULL;
  double best_distance = G_MAXDOUBLE;

  g_return_val_if_fail (BK_IS_CHART (chart), FALSE);

  for (guint i = 0; i < chart->hits->len; i++)
    {
      const BkChartHitItem *item = &g_array_index (chart->hits, BkChartHitItem, i);
      double d;

      if (hit_item (item, x, y, &d) && d < best_distance)
        {
          best = item;
          best_distance = d;
        }
    }

  if (best == NULL)
    return FALSE;

  if (hit != NULL)
    {
      hit->series = best->series;
      hit->index = best->index;
      hit->value = best->value;
      hit->x = best->anchor_x;
      hit->y = best->anchor_y;
    }
  return TRUE;
}

gboolean
bk_chart_legend_hit_test (BkChart *chart,
                          double   x,
                          double   y,
                          guint   *series)
{
  g_return_val_if_fail (BK_IS_CHART (chart), FALSE);

  for (guint i = 0; i < chart->legend_hits->len; i++)
    {
      const BkChartLegendItem *item = &g_array_index (chart->legend_hits, BkChartLegendItem, i);

      if (x >= item->x && x < item->x + item->w && y >= item->y && y < item->y + item->h)
        {
          if (series != NULL)
            *series = item->series;
          return TRUE;
        }
    }
  return FALSE;
}

char *
bk_chart_describe_hit (BkChart          *chart,
                       const BkChartHit *hit)
{
  g_autofree char *value = NULL;
  const char *category = NULL;
  const char *name = NULL;

  g_return_val_if_fail (BK_IS_CHART (chart), NULL);
  g_return_val_if_fail (hit != NULL, NULL);

  value = bk_chart_format_exact (chart->unit, hit->value);

  if (chart->kind == BK_CHART_KIND_WATERFALL)
    {
      if (hit->index >= chart->steps->len)
        return NULL;
      name = g_array_index (chart->steps, BkChartStep, hit->index).label;
      if (!g_array_index (chart->steps, BkChartStep, hit->index).is_total && hit->value > 0)
        {
          char *signed_value = g_strconcat ("+", value, NULL);
          g_free (value);
          value = signed_value;
        }
      return g_strdup_printf ("%s\n%s", name, value);
    }

  if (hit->series >= chart->series->len)
    return NULL;
  name = ((BkChartSeries *) g_ptr_array_index (chart->series, hit->series))->name;

  if (chart->kind != BK_CHART_KIND_DONUT && hit->index < chart->categories->len)
    category = g_ptr_array_index (chart->categories, hit->index);

  if (category != NULL && *category != '\0')
    /* Translators: a chart tooltip's second line, "2027: $123.4B" */
    return g_strdup_printf (_("%s\n%s: %s"), name, category, value);
  return g_strdup_printf ("%s\n%s", name, value);
}

gboolean
bk_chart_get_plot_area (BkChart           *chart,
                        cairo_rectangle_t *area)
{
  g_return_val_if_fail (BK_IS_CHART (chart), FALSE);

  if (!chart->has_plot)
    return FALSE;
  if (area != NULL)
    *area = chart->plot;
  return TRUE;
}
