/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-chart-grid.c — charts side by side in as many columns as fit
 *
 * One, two or four columns (never three for four charts, which would
 * leave the fourth alone on its row; three for three): as many as the
 * width gives each chart CELL_WIDTH.  The rows share the height and never go below their
 * children's minimum, so in a scrolled window the grid fills the view
 * when there is room and scrolls when there is not.  Scrolling, the rows
 * are sized so that a whole number of them fills the view: at the top a
 * chart is never cut through its text (bk_chart_grid_set_view_height()). */
#include "config.h"

#include "bk-chart-grid.h"

#define CELL_WIDTH 380
#define WIDE_CELL_WIDTH 500
#define SPACING    6

struct _BkChartGrid
{
  GtkWidget parent_instance;

  guint     n_children;
  guint     n_columns;
  guint     n_rows;       /* of the last allocation */
  int       row_height;
  int       view_height;
};

G_DEFINE_FINAL_TYPE (BkChartGrid, bk_chart_grid, GTK_TYPE_WIDGET)

static guint
columns_for (BkChartGrid *self,
             int          width)
{
  guint n = MAX (self->n_children, 1);

  if (n >= 4 && width >= 4 * CELL_WIDTH + 3 * SPACING)
    return 4;
  /* Three charts (the Analysis page) share one row when each keeps its
   * legend and labels whole */
  if (n == 3 && width >= 3 * WIDE_CELL_WIDTH + 2 * SPACING)
    return 3;
  if (n >= 2 && width >= 2 * CELL_WIDTH + SPACING)
    return 2;
  return 1;
}

/* The tallest minimum and natural height of the children at @width */
static void
child_heights (BkChartGrid *self,
               int          width,
               int         *minimum,
               int         *natural)
{
  *minimum = *natural = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self)); child;
       child = gtk_widget_get_next_sibling (child))
    {
      int min, nat;

      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, &min, &nat, NULL, NULL);
      *minimum = MAX (*minimum, min);
      *natural = MAX (*natural, nat);
    }
}

/* The height of the view the grid is scrolled in, else @height */
static int
view_height (BkChartGrid *self,
             int          height)
{
  return self->view_height >= 0 ? self->view_height : height;
}

/* The height of each of @rows rows of at least @min in a view @view tall:
 * sharing it when all fit, else as many whole rows as fit fill it */
static int
row_height (guint rows,
            int   min,
            int   view)
{
  guint per_view;

  rows = MAX (rows, 1);
  if (view < 0)
    return min;
  if ((int) rows * min + (int) (rows - 1) * SPACING <= view)
    return (view - (int) (rows - 1) * SPACING) / (int) rows;
  per_view = CLAMP ((guint) ((view + SPACING) / (min + SPACING)), 1, rows);
  return MAX (min, (view - (int) (per_view - 1) * SPACING) / (int) per_view);
}

static void
bk_chart_grid_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  BkChartGrid *self = BK_CHART_GRID (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 0;
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
           child = gtk_widget_get_next_sibling (child))
        {
          int min;

          gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
          *minimum = MAX (*minimum, min);
        }
      *natural = MAX (*minimum, (int) MIN (self->n_children, 2) * (CELL_WIDTH + SPACING));
    }
  else
    {
      int width = for_size >= 0 ? for_size : 2 * CELL_WIDTH + SPACING;
      guint columns = columns_for (self, width);
      guint rows = (self->n_children + columns - 1) / columns;
      int cell = (width - (int) (columns - 1) * SPACING) / (int) columns;
      int min, nat;

      child_heights (self, MAX (cell, 1), &min, &nat);
      /* Scrolled, rows of the height they will be allocated */
      if (for_size >= 0 && view_height (self, -1) >= 0)
        min = row_height (rows, min, view_height (self, -1));
      *minimum = (int) rows * min + (int) MAX (rows, 1) * SPACING - SPACING;
      *natural = MAX (*minimum, (int) rows * nat + (int) MAX (rows, 1) * SPACING - SPACING);
    }
}

static GtkSizeRequestMode
bk_chart_grid_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
bk_chart_grid_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  BkChartGrid *self = BK_CHART_GRID (widget);
  guint columns = columns_for (self, width);
  guint rows = MAX ((self->n_children + columns - 1) / columns, 1);
  int cell_w = (width - (int) (columns - 1) * SPACING) / (int) columns;
  int min, nat, cell_h;
  guint i = 0;

  self->n_columns = columns;
  self->n_rows = rows;
  child_heights (self, MAX (cell_w, 1), &min, &nat);
  cell_h = MAX (row_height (rows, min, view_height (self, height)),
                (height - (int) (rows - 1) * SPACING) / (int) rows);
  self->row_height = cell_h;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child), i++)
    {
      GtkAllocation box = {
        (int) (i % columns) * (cell_w + SPACING),
        (int) (i / columns) * (cell_h + SPACING),
        cell_w,
        cell_h,
      };

      gtk_widget_size_allocate (child, &box, -1);
    }
}

static void
bk_chart_grid_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (bk_chart_grid_parent_class)->dispose (object);
}

static void
bk_chart_grid_class_init (BkChartGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_chart_grid_dispose;
  widget_class->measure = bk_chart_grid_measure;
  widget_class->get_request_mode = bk_chart_grid_get_request_mode;
  widget_class->size_allocate = bk_chart_grid_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "chartgrid");
}

static void
bk_chart_grid_init (BkChartGrid *self)
{
  self->n_columns = 1;
  self->view_height = -1;
}

GtkWidget *
bk_chart_grid_new (void)
{
  return g_object_new (BK_TYPE_CHART_GRID, NULL);
}

void
bk_chart_grid_append (BkChartGrid *self,
                      GtkWidget   *child)
{
  g_return_if_fail (BK_IS_CHART_GRID (self));
  g_return_if_fail (GTK_IS_WIDGET (child));

  gtk_widget_set_parent (child, GTK_WIDGET (self));
  self->n_children++;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
bk_chart_grid_get_n_columns (BkChartGrid *self)
{
  g_return_val_if_fail (BK_IS_CHART_GRID (self), 1);

  return self->n_columns;
}

gboolean
bk_chart_grid_get_row_area (BkChartGrid *self,
                            guint        row,
                            int         *y,
                            int         *height)
{
  g_return_val_if_fail (BK_IS_CHART_GRID (self), FALSE);

  if (row >= self->n_rows || self->n_children == 0)
    return FALSE;
  if (y != NULL)
    *y = (int) row * (self->row_height + SPACING);
  if (height != NULL)
    *height = self->row_height;
  return TRUE;
}

void
bk_chart_grid_set_view_height (BkChartGrid *self,
                               int          height)
{
  g_return_if_fail (BK_IS_CHART_GRID (self));

  if (self->view_height == height)
    return;
  self->view_height = height;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

int
bk_chart_grid_get_row_minimum (BkChartGrid *self,
                               int          width)
{
  int cell, min, nat;
  guint columns;

  g_return_val_if_fail (BK_IS_CHART_GRID (self), 0);

  width = width >= 0 ? width : 2 * CELL_WIDTH + SPACING;
  columns = columns_for (self, width);
  cell = (width - (int) (columns - 1) * SPACING) / (int) columns;
  child_heights (self, MAX (cell, 1), &min, &nat);
  return min;
}
