/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-chart-hits.c — the hit geometry of one render and "what is at x, y"
 *
 * bk_chart_render() returns one of these: the shapes it drew data as
 * (bars, points, bands, slices), its legend entries and its plot
 * rectangle.  It is a snapshot: later changes to the chart do not touch
 * it, and rendering elsewhere (export, copy) makes a new one or none.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "bk-chart-hits-private.h"

#define POINT_HIT_RADIUS 16.0

typedef struct
{
  double x, y, w, h;
  guint  series;
} LegendItem;

typedef struct
{
  cairo_rectangle_t area;
  gboolean          cut;
} TextItem;

typedef struct
{
  cairo_rectangle_t area;
  guint             marker;
} LabelItem;

/* A BkChartHitItem as kept: geometry in single precision (within a
 * thousandth of a pixel on a canvas up to 10,000 pixels), the value exact.  A stacked chart of
 * 1,000 companies over 200 quarters keeps 200,000 of them: 56 bytes each
 * instead of 88. */
typedef struct
{
  guint8 shape;     /* BkChartHitShape */
  guint  series;
  guint  index;
  double value;
  float  x, y, w, h;
  float  start, end;
  float  anchor_x, anchor_y;
} StoredItem;

typedef struct
{
  cairo_rectangle_t area;
  double            corners[8];
  guint             index;
  gboolean          cut;
} CategoryItem;
typedef struct
{
  char             *text;
  cairo_rectangle_t area;
  gboolean          cut;
} NameItem;

struct _BkChartHits
{
  GObject            parent_instance;

  double             width;
  double             height;
  gboolean           has_plot;
  cairo_rectangle_t  plot;
  GArray            *items;   /* StoredItem */
  GArray            *legend;  /* LegendItem */
  GArray            *texts;   /* TextItem */
  GArray            *labels;  /* LabelItem */
  GArray            *categories;  /* CategoryItem */
  GArray            *names;   /* NameItem */
  GArray            *marks;   /* cairo_rectangle_t */
  gboolean           has_part[BK_CHART_N_PARTS];
  cairo_rectangle_t  parts[BK_CHART_N_PARTS];
};

G_DEFINE_FINAL_TYPE (BkChartHits, bk_chart_hits, G_TYPE_OBJECT)

static void
bk_chart_hits_finalize (GObject *object)
{
  BkChartHits *self = (BkChartHits *) object;

  g_clear_pointer (&self->items, g_array_unref);
  g_clear_pointer (&self->legend, g_array_unref);
  g_clear_pointer (&self->texts, g_array_unref);
  g_clear_pointer (&self->labels, g_array_unref);
  g_clear_pointer (&self->categories, g_array_unref);
  g_clear_pointer (&self->names, g_array_unref);
  g_clear_pointer (&self->marks, g_array_unref);

  G_OBJECT_CLASS (bk_chart_hits_parent_class)->finalize (object);
}

static void
bk_chart_hits_class_init (BkChartHitsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bk_chart_hits_finalize;
}

static void
clear_name (gpointer data)
{
  g_free (((NameItem *) data)->text);
}

static void
bk_chart_hits_init (BkChartHits *self)
{
  self->items = g_array_new (FALSE, TRUE, sizeof (StoredItem));
  self->legend = g_array_new (FALSE, TRUE, sizeof (LegendItem));
  self->texts = g_array_new (FALSE, TRUE, sizeof (TextItem));
  self->labels = g_array_new (FALSE, TRUE, sizeof (LabelItem));
  self->categories = g_array_new (FALSE, TRUE, sizeof (CategoryItem));
  self->names = g_array_new (FALSE, TRUE, sizeof (NameItem));
  g_array_set_clear_func (self->names, clear_name);
  self->marks = g_array_new (FALSE, TRUE, sizeof (cairo_rectangle_t));
}

/* Recording (the renderer) */

BkChartHits *
bk_chart_hits_new (double width,
                   double height)
{
  BkChartHits *self = g_object_new (BK_TYPE_CHART_HITS, NULL);

  self->width = width;
  self->height = height;
  return self;
}

void
bk_chart_hits_add (BkChartHits          *self,
                   const BkChartHitItem *item)
{
  StoredItem stored;

  g_assert (BK_IS_CHART_HITS (self));
  g_assert (item != NULL);

  stored.shape = item->shape;
  stored.series = item->series;
  stored.index = item->index;
  stored.value = item->value;
  stored.x = (float) item->x;
  stored.y = (float) item->y;
  stored.w = (float) item->w;
  stored.h = (float) item->h;
  stored.start = (float) item->start;
  stored.end = (float) item->end;
  stored.anchor_x = (float) item->anchor_x;
  stored.anchor_y = (float) item->anchor_y;
  g_array_append_val (self->items, stored);
}

void
bk_chart_hits_add_legend (BkChartHits *self,
                          guint        series,
                          double       x,
                          double       y,
                          double       w,
                          double       h)
{
  LegendItem item = { x, y, w, h, series };

  g_assert (BK_IS_CHART_HITS (self));

  g_array_append_val (self->legend, item);
}

void
bk_chart_hits_add_name (BkChartHits *self,
                        const char  *text,
                        double       x,
                        double       y,
                        double       w,
                        double       h,
                        gboolean     cut)
{
  NameItem item = { g_strdup (text), { x, y, w, h }, cut };

  g_assert (BK_IS_CHART_HITS (self));

  g_array_append_val (self->names, item);
}

void
bk_chart_hits_add_mark (BkChartHits *self,
                        double       x,
                        double       y,
                        double       w,
                        double       h)
{
  cairo_rectangle_t item = { x, y, w, h };

  g_assert (BK_IS_CHART_HITS (self));

  g_array_append_val (self->marks, item);
}

void
bk_chart_hits_add_text (BkChartHits *self,
                        double       x,
                        double       y,
                        double       w,
                        double       h,
                        gboolean     cut)
{
  TextItem item = { { x, y, w, h }, cut };

  g_assert (BK_IS_CHART_HITS (self));

  g_array_append_val (self->texts, item);
}

void
bk_chart_hits_add_label (BkChartHits *self,
                         guint        marker,
                         double       x,
                         double       y,
                         double       w,
                         double       h)
{
  LabelItem item = { { x, y, w, h }, marker };

  g_assert (BK_IS_CHART_HITS (self));

  g_array_append_val (self->labels, item);
}

void
bk_chart_corners_box (const double       corners[8],
                      cairo_rectangle_t *box)
{
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;

  for (guint i = 0; i < 4; i++)
    {
      x0 = MIN (x0, corners[2 * i]);
      y0 = MIN (y0, corners[2 * i + 1]);
      x1 = MAX (x1, corners[2 * i]);
      y1 = MAX (y1, corners[2 * i + 1]);
    }
  *box = (cairo_rectangle_t) { x0, y0, x1 - x0, y1 - y0 };
}

void
bk_chart_hits_add_category (BkChartHits  *self,
                            guint         index,
                            const double  corners[8],
                            gboolean      cut)
{
  CategoryItem item = { .index = index, .cut = cut };

  g_assert (BK_IS_CHART_HITS (self));

  memcpy (item.corners, corners, sizeof item.corners);
  bk_chart_corners_box (corners, &item.area);
  g_array_append_val (self->categories, item);
}

void
bk_chart_hits_add_to_part (BkChartHits *self,
                           BkChartPart  part,
                           double       x,
                           double       y,
                           double       w,
                           double       h)
{
  cairo_rectangle_t *box;
  double x1, y1;

  g_assert (BK_IS_CHART_HITS (self));
  g_assert (part < BK_CHART_N_PARTS);

  if (w <= 0 || h <= 0)
    return;

  box = &self->parts[part];
  if (!self->has_part[part])
    {
      self->has_part[part] = TRUE;
      *box = (cairo_rectangle_t) { x, y, w, h };
      return;
    }
  x1 = MAX (box->x + box->width, x + w);
  y1 = MAX (box->y + box->height, y + h);
  box->x = MIN (box->x, x);
  box->y = MIN (box->y, y);
  box->width = x1 - box->x;
  box->height = y1 - box->y;
}

void
bk_chart_hits_set_plot (BkChartHits *self,
                        double       x,
                        double       y,
                        double       w,
                        double       h)
{
  g_assert (BK_IS_CHART_HITS (self));

  self->has_plot = TRUE;
  self->plot = (cairo_rectangle_t) { x, y, w, h };
}

/* Queries */

double
bk_chart_hits_get_width (BkChartHits *self)
{
  g_return_val_if_fail (BK_IS_CHART_HITS (self), 0);

  return self->width;
}

double
bk_chart_hits_get_height (BkChartHits *self)
{
  g_return_val_if_fail (BK_IS_CHART_HITS (self), 0);

  return self->height;
}

static gboolean
hit_item (const StoredItem *item,
          double            x,
          double            y,
          double           *distance)
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
bk_chart_hits_lookup (BkChartHits *self,
                      double       x,
                      double       y,
                      BkChartHit  *hit)
{
  const StoredItem *best = NULL;
  double best_distance = G_MAXDOUBLE;

  g_return_val_if_fail (BK_IS_CHART_HITS (self), FALSE);

  for (guint i = 0; i < self->items->len; i++)
    {
      const StoredItem *item = &g_array_index (self->items, StoredItem, i);
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
bk_chart_hits_lookup_legend (BkChartHits *self,
                             double       x,
                             double       y,
                             guint       *series)
{
  g_return_val_if_fail (BK_IS_CHART_HITS (self), FALSE);

  for (guint i = 0; i < self->legend->len; i++)
    {
      const LegendItem *item = &g_array_index (self->legend, LegendItem, i);

      if (x >= item->x && x < item->x + item->w && y >= item->y && y < item->y + item->h)
        {
          if (series != NULL)
            *series = item->series;
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
bk_chart_hits_get_plot_area (BkChartHits       *self,
                             cairo_rectangle_t *area)
{
  g_return_val_if_fail (BK_IS_CHART_HITS (self), FALSE);

  if (!self->has_plot)
    return FALSE;
  if (area != NULL)
    *area = self->plot;
  return TRUE;
}

gboolean
bk_chart_hits_get_part (BkChartHits       *self,
                        BkChartPart        part,
                        cairo_rectangle_t *area)
{
  g_return_val_if_fail (BK_IS_CHART_HITS (self), FALSE);
  g_return_val_if_fail (part < BK_CHART_N_PARTS, FALSE);

  if (!self->has_part[part])
    return FALSE;
  if (area != NULL)
    *area = self->parts[part];
  return TRUE;
}

guint
bk_chart_hits_get_n_texts (BkChartHits *self)
{
  g_return_val_if_fail (BK_IS_CHART_HITS (self), 0);

  return self->texts->len;
}

gboolean
bk_chart_hits_get_text (BkChartHits       *self,
                        guint              i,
                        cairo_rectangle_t *area,
                        gboolean          *cut)
{
  const TextItem *item;

  g_return_val_if_fail (BK_IS_CHART_HITS (self), FALSE);

  if (i >= self->texts->len)
    return FALSE;
  item = &g_array_index (self->texts, TextItem, i);
  if (area != NULL)
    *area = item->area;
  if (cut != NULL)
    *cut = item->cut;
  return TRUE;
}

guint
bk_chart_hits_get_n_labels (BkChartHits *self)
{
  g_return_val_if_fail (BK_IS_CHART_HITS (self), 0);

  return self->labels->len;
}

gboolean
bk_chart_hits_get_label (BkChartHits       *self,
                         guint              i,
                         guint             *marker,
                         cairo_rectangle_t *area)
{
  const LabelItem *item;

  g_return_val_if_fail (BK_IS_CHART_HITS (self), FALSE);

  if (i >= self->labels->len)
    return FALSE;
  item = &g_array_index (self->labels, LabelItem, i);
  if (marker != NULL)
    *marker = item->marker;
  if (area != NULL)
    *area = item->area;
  return TRUE;
}

guint
bk_chart_hits_get_n_categories (BkChartHits *self)
{
  g_return_val_if_fail (BK_IS_CHART_HITS (self), 0);

  return self->categories->len;
}

gboolean
bk_chart_hits_get_category (BkChartHits       *self,
                            guint              i,
                            guint             *index,
                            cairo_rectangle_t *area,
                            gboolean          *cut)
{
  const CategoryItem *item;

  g_return_val_if_fail (BK_IS_CHART_HITS (self), FALSE);

  if (i >= self->categories->len)
    return FALSE;
  item = &g_array_index (self->categories, CategoryItem, i);
  if (index != NULL)
    *index = item->index;
  if (area != NULL)
    *area = item->area;
  if (cut != NULL)
    *cut = item->cut;
  return TRUE;
}

gboolean
bk_chart_hits_get_category_corners (BkChartHits *self,
                                    guint        i,
                                    double       corners[8])
{
  g_return_val_if_fail (BK_IS_CHART_HITS (self), FALSE);
  g_return_val_if_fail (corners != NULL, FALSE);

  if (i >= self->categories->len)
    return FALSE;
  memcpy (corners, g_array_index (self->categories, CategoryItem, i).corners, 8 * sizeof (double));
  return TRUE;
}

guint
bk_chart_hits_get_n_names (BkChartHits *self)
{
  g_return_val_if_fail (BK_IS_CHART_HITS (self), 0);

  return self->names->len;
}

gboolean
bk_chart_hits_get_name (BkChartHits       *self,
                        guint              i,
                        const char       **text,
                        cairo_rectangle_t *area,
                        gboolean          *cut)
{
  const NameItem *item;

  g_return_val_if_fail (BK_IS_CHART_HITS (self), FALSE);

  if (i >= self->names->len)
    return FALSE;
  item = &g_array_index (self->names, NameItem, i);
  if (text != NULL)
    *text = item->text;
  if (area != NULL)
    *area = item->area;
  if (cut != NULL)
    *cut = item->cut;
  return TRUE;
}

guint
bk_chart_hits_get_n_marks (BkChartHits *self)
{
  g_return_val_if_fail (BK_IS_CHART_HITS (self), 0);

  return self->marks->len;
}

gboolean
bk_chart_hits_get_mark (BkChartHits       *self,
                        guint              i,
                        cairo_rectangle_t *area)
{
  g_return_val_if_fail (BK_IS_CHART_HITS (self), FALSE);

  if (i >= self->marks->len)
    return FALSE;
  if (area != NULL)
    *area = g_array_index (self->marks, cairo_rectangle_t, i);
  return TRUE;
}
