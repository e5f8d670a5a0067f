/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-chart-view.c — a live BkChart on screen: hover values, legend toggles,
 * copy and export
 *
 * The chart draws itself with cairo (src/chart); the view wraps that
 * drawing in one cairo render node and keeps it until the chart changes or
 * the view is resized, so frames that only move the pointer mark, or come
 * from elsewhere in the window, cost nothing.  The node's recording is
 * replayed by GSK at the surface's scale, so text and lines stay sharp on
 * high-density screens.
 *
 * Hover highlights the series under the pointer (the chart dims the others)
 * and rings the point on lines and areas; the tooltip gives the exact value.
 * The view remembers the highlight it lit by its series' name, so that when
 * the series are made anew under a resting pointer (the donut following the
 * sheet's cursor to another market) it still puts it out when the pointer
 * leaves, and it looks again at what is under the pointer.
 * A click on a legend entry hides or shows its series.  Copy and export
 * render the chart off screen, without the hover highlight and, for export,
 * in the theme asked for; the chart is put back as it was before anyone
 * else can see it, and the view keeps its drawing.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bk-chart-export-dialog.h"
#include "bk-chart-view.h"

#define MIN_WIDTH      320
#define MIN_HEIGHT     200
#define NAT_WIDTH      640
#define NAT_HEIGHT     400
#define MARK_RADIUS    5.0
#define MARK_LINE      2.0
#define COPY_SCALE     2

struct _BkChartView
{
  GtkWidget      parent_instance;

  BkChart       *chart;
  GSignalGroup  *chart_signals;
  char          *accessible_label;
  char          *accessible_description;

  /* The last drawing, the size it was made at and where it drew what */
  GskRenderNode *node;
  int            node_width;
  int            node_height;
  BkChartHits   *hits;
  int            corner_width;      /* kept free of text, top right */
  int            corner_height;

  /* Pointer */
  gboolean       has_pointer;
  double         pointer_x;
  double         pointer_y;
  int            hit_series;        /* under the pointer, -1: nothing */
  int            hit_index;
  int            highlighted;       /* the series the view highlighted, -1 */
  char          *highlighted_name;  /* its name, to follow it when the
                                     * series are made anew */
  guint          rehover_id;        /* looks under the pointer after a new drawing */
  gboolean       over_legend;

  guint          offscreen;         /* > 0 while copy/export borrow the chart */
  guint          n_renders;
  guint          n_snapshots;
};

G_DEFINE_FINAL_TYPE (BkChartView, bk_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHART,
  N_PROPS
};

enum {
  EXPORTED,
  COPIED,
  ERROR_SIGNAL,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Geometry and state */

static gboolean
has_current_geometry (BkChartView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  return self->chart != NULL &&
         self->hits != NULL &&
         self->node_width == gtk_widget_get_width (widget) &&
         self->node_height == gtk_widget_get_height (widget);
}

static BkChartTheme
current_theme (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ())
         ? BK_CHART_THEME_DARK : BK_CHART_THEME_LIGHT;
}

static void
apply_theme (BkChartView *self)
{
  BkChartTheme theme = current_theme ();

  if (self->chart != NULL && bk_chart_get_theme (self->chart) != theme)
    bk_chart_set_theme (self->chart, theme);
}

/* The chart's title names it; its summary (title, values, extremes,
 * subtitle) describes it to screen readers, anew whenever it changes */
static void
update_accessible (BkChartView *self)
{
  const char *title = self->chart != NULL ? bk_chart_get_title (self->chart) : NULL;
  g_autofree char *summary = self->chart != NULL ? bk_chart_dup_summary (self->chart) : NULL;
  g_autofree char *label = NULL;

  label = g_strdup (title != NULL && *title != '\0' ? title : _("Chart"));
  if (g_strcmp0 (label, self->accessible_label) == 0 &&
      g_strcmp0 (summary, self->accessible_description) == 0)
    return;

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary != NULL ? summary : "",
                                  -1);
  g_free (self->accessible_label);
  self->accessible_label = g_steal_pointer (&label);
  g_free (self->accessible_description);
  self->accessible_description = g_steal_pointer (&summary);
}

/* Which series carries the view's highlight now: the one it lit, or the
 * series of that name when the series were made anew (bk_chart_update()
 * after a company or market changed keeps the highlight of a name, at
 * whatever index it now has); -1 while there is none of that name. */
static int
find_highlight (BkChartView *self)
{
  guint n_series;

  if (self->highlighted_name == NULL || self->chart == NULL)
    return -1;

  n_series = bk_chart_get_n_series (self->chart);
  if (self->highlighted >= 0 && (guint) self->highlighted < n_series &&
      bk_chart_get_series_highlighted (self->chart, self->highlighted) &&
      g_strcmp0 (bk_chart_get_series_name (self->chart, self->highlighted),
                 self->highlighted_name) == 0)
    return self->highlighted;

  for (guint i = 0; i < n_series; i++)
    if (bk_chart_get_series_highlighted (self->chart, i) &&
        g_strcmp0 (bk_chart_get_series_name (self->chart, i), self->highlighted_name) == 0)
      return (int) i;
  return -1;
}

/* Turns off the highlight the hover turned on, wherever its series went. */
static void
clear_highlight (BkChartView *self)
{
  int series = find_highlight (self);

  self->highlighted = -1;
  g_clear_pointer (&self->highlighted_name, g_free);
  if (series >= 0)
    bk_chart_set_series_highlighted (self->chart, series, FALSE);
}

static void
set_highlight (BkChartView *self,
               int          series)
{
  if (series >= 0 && series == self->highlighted)
    return;

  clear_highlight (self);
  if (series < 0 || self->chart == NULL || bk_chart_get_series_highlighted (self->chart, series))
    return;

  /* Before the call: the ::changed it emits must see the new state */
  self->highlighted = series;
  self->highlighted_name = g_strdup (bk_chart_get_series_name (self->chart, series));
  bk_chart_set_series_highlighted (self->chart, series, TRUE);
}

static void
update_hover (BkChartView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int series = -1, index = -1;
  gboolean over_legend = FALSE;

  if (self->has_pointer && has_current_geometry (self))
    {
      BkChartKind kind = bk_chart_get_kind (self->chart);
      BkChartHit hit;
      guint legend_series;

      if (bk_chart_hits_lookup_legend (self->hits, self->pointer_x, self->pointer_y, &legend_series))
        over_legend = TRUE;
      else if (bk_chart_hits_lookup (self->hits, self->pointer_x, self->pointer_y, &hit) &&
               kind != BK_CHART_KIND_WATERFALL &&
               hit.series < bk_chart_get_n_series (self->chart))
        {
          series = hit.series;
          index = hit.index;
        }
    }

  if (over_legend != self->over_legend)
    {
      self->over_legend = over_legend;
      gtk_widget_set_cursor_from_name (widget, over_legend ? "pointer" : NULL);
    }

  /* The same index may be another series after the chart changed */
  set_highlight (self, series);
  if (series != self->hit_series || index != self->hit_index)
    {
      self->hit_series = series;
      self->hit_index = index;
      gtk_widget_queue_draw (widget);
    }
}

/* The chart was drawn anew under a resting pointer: what is under it now
 * may be another series, or nothing */
static gboolean
rehover_cb (gpointer data)
{
  BkChartView *self = data;

  self->rehover_id = 0;
  if (self->has_pointer)
    {
      update_hover (self);
      gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
    }
  return G_SOURCE_REMOVE;
}

static void
forget_hover (BkChartView *self)
{
  g_clear_handle_id (&self->rehover_id, g_source_remove);
  clear_highlight (self);
  self->hit_series = self->hit_index = -1;
  if (self->over_legend)
    {
      self->over_legend = FALSE;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), NULL);
    }
}

static void
invalidate (BkChartView *self)
{
  g_clear_pointer (&self->node, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
chart_changed_cb (BkChartView *self)
{
  /* Copy and export put everything back before they return */
  if (self->offscreen > 0)
    return;

  /* The view keeps its highlight's name while the series are made anew */
  self->highlighted = find_highlight (self);

  invalidate (self);
  update_accessible (self);
}

static void
dark_changed_cb (BkChartView *self)
{
  apply_theme (self);
}

/* Off-screen rendering: the chart without the hover highlight, in @theme */

typedef struct
{
  BkChartTheme theme;
  int          unhighlighted;  /* the hover highlight taken off, -1 */
} Borrowed;

static void
borrow_chart (BkChartView  *self,
              BkChartTheme  theme,
              Borrowed     *borrowed)
{
  self->offscreen++;
  borrowed->theme = bk_chart_get_theme (self->chart);
  borrowed->unhighlighted = -1;
  if (self->highlighted >= 0 &&
      (guint) self->highlighted < bk_chart_get_n_series (self->chart) &&
      bk_chart_get_series_highlighted (self->chart, self->highlighted))
    {
      borrowed->unhighlighted = self->highlighted;
      bk_chart_set_series_highlighted (self->chart, self->highlighted, FALSE);
    }
  if (theme != borrowed->theme)
    bk_chart_set_theme (self->chart, theme);
}

static void
return_chart (BkChartView *self,
              Borrowed    *borrowed)
{
  if (bk_chart_get_theme (self->chart) != borrowed->theme)
    bk_chart_set_theme (self->chart, borrowed->theme);
  if (borrowed->unhighlighted >= 0)
    bk_chart_set_series_highlighted (self->chart, borrowed->unhighlighted, TRUE);
  g_assert (self->offscreen > 0);
  self->offscreen--;
}

static gboolean
copy_to_clipboard (BkChartView  *self,
                   GError      **error)
{
  GtkWidget *widget = GTK_WIDGET (self);
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GdkContentProvider *providers[3];
  g_autoptr(GdkContentProvider) provider = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  Borrowed borrowed;

  if (width < 1 || height < 1)
    {
      width = BK_CHART_EXPORT_DEFAULT_WIDTH;
      height = BK_CHART_EXPORT_DEFAULT_HEIGHT;
    }
  width = MIN (width, BK_CHART_EXPORT_MAX_SIZE);
  height = MIN (height, BK_CHART_EXPORT_MAX_SIZE);

  borrow_chart (self, bk_chart_get_theme (self->chart), &borrowed);
  png = bk_chart_export_bytes (self->chart, BK_CHART_FORMAT_PNG, width, height, COPY_SCALE, error);
  if (png != NULL)
    svg = bk_chart_export_bytes (self->chart, BK_CHART_FORMAT_SVG, width, height, 1, error);
  return_chart (self, &borrowed);

  if (svg == NULL)
    return FALSE;

  texture = gdk_texture_new_from_bytes (png, error);
  if (texture == NULL)
    return FALSE;

  /* The PNG first: applications asking for image/png get these bytes, not
   * GTK's encoding of the texture */
  providers[0] = gdk_content_provider_new_for_bytes ("image/png", png);
  providers[1] = gdk_content_provider_new_typed (GDK_TYPE_TEXTURE, texture);
  providers[2] = gdk_content_provider_new_for_bytes ("image/svg+xml", svg);
  provider = gdk_content_provider_new_union (providers, G_N_ELEMENTS (providers));

  return gdk_clipboard_set_content (gtk_widget_get_clipboard (widget), provider);
}

/* Public API */

BkChartView *
bk_chart_view_new (void)
{
  return g_object_new (BK_TYPE_CHART_VIEW, NULL);
}

BkChart *
bk_chart_view_get_chart (BkChartView *self)
{
  g_return_val_if_fail (BK_IS_CHART_VIEW (self), NULL);

  return self->chart;
}

void
bk_chart_view_set_chart (BkChartView *self,
                         BkChart     *chart)
{
  g_return_if_fail (BK_IS_CHART_VIEW (self));
  g_return_if_fail (chart == NULL || BK_IS_CHART (chart));

  if (self->chart == chart)
    return;

  forget_hover (self);
  g_set_object (&self->chart, chart);
  g_signal_group_set_target (self->chart_signals, chart);
  g_clear_object (&self->hits);

  apply_theme (self);
  invalidate (self);
  update_accessible (self);
  update_hover (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.copy", chart != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.export", chart != NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
}

void
bk_chart_view_copy (BkChartView *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (BK_IS_CHART_VIEW (self));

  if (self->chart == NULL)
    return;

  if (!copy_to_clipboard (self, &error))
    {
      g_autofree char *message = NULL;

      /* Translators: %s says why, e.g. "Out of memory" */
      message = g_strdup_printf (_("Could not copy the chart: %s"), error->message);
      g_signal_emit (self, signals[ERROR_SIGNAL], 0, message);
      return;
    }

  g_signal_emit (self, signals[COPIED], 0);
}

gboolean
bk_chart_view_export (BkChartView    *self,
                      const char     *path,
                      BkChartFormat   format,
                      int             width,
                      int             height,
                      int             scale,
                      BkChartTheme    theme,
                      GError        **error)
{
  Borrowed borrowed;
  gboolean ok;

  g_return_val_if_fail (BK_IS_CHART_VIEW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->chart == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("There is no chart to export"));
      return FALSE;
    }

  borrow_chart (self, theme, &borrowed);
  ok = bk_chart_export (self->chart, path, format, width, height, scale, error);
  return_chart (self, &borrowed);

  if (ok)
    g_signal_emit (self, signals[EXPORTED], 0, path);

  return ok;
}

char *
bk_chart_view_dup_tooltip_text (BkChartView *self,
                                double       x,
                                double       y)
{
  BkChartHit hit;
  guint series;

  g_return_val_if_fail (BK_IS_CHART_VIEW (self), NULL);

  if (!has_current_geometry (self))
    return NULL;

  if (bk_chart_hits_lookup_legend (self->hits, x, y, &series))
    {
      if (bk_chart_get_series_hidden (self->chart, series))
        return g_strdup (_("Click to show this series"));
      return g_strdup (_("Click to hide this series"));
    }

  if (bk_chart_hits_lookup (self->hits, x, y, &hit))
    return bk_chart_describe_hit (self->chart, &hit);

  return NULL;
}

gboolean
bk_chart_view_toggle_series_at (BkChartView *self,
                                double       x,
                                double       y)
{
  guint series;

  g_return_val_if_fail (BK_IS_CHART_VIEW (self), FALSE);

  if (!has_current_geometry (self) ||
      !bk_chart_hits_lookup_legend (self->hits, x, y, &series))
    return FALSE;

  bk_chart_set_series_hidden (self->chart, series,
                              !bk_chart_get_series_hidden (self->chart, series));
  return TRUE;
}

BkChartHits *
bk_chart_view_get_hits (BkChartView *self)
{
  g_return_val_if_fail (BK_IS_CHART_VIEW (self), NULL);

  return self->hits;
}

guint
bk_chart_view_get_n_renders (BkChartView *self)
{
  g_return_val_if_fail (BK_IS_CHART_VIEW (self), 0);

  return self->n_renders;
}

guint
bk_chart_view_get_n_snapshots (BkChartView *self)
{
  g_return_val_if_fail (BK_IS_CHART_VIEW (self), 0);

  return self->n_snapshots;
}

/* Drawing */

static void
snapshot_mark (BkChartView *self,
               GtkSnapshot *snapshot)
{
  BkChartKind kind;
  BkChartHit hit;
  BkChartColor color, background;
  GdkRGBA ring, fill;
  GskRoundedRect circle;
  const float widths[4] = { MARK_LINE, MARK_LINE, MARK_LINE, MARK_LINE };
  GdkRGBA colors[4];

  if (!self->has_pointer || self->hit_series < 0)
    return;

  /* Bars and slices are highlighted whole; lines and areas get a ring on
   * the point */
  kind = bk_chart_get_kind (self->chart);
  if (kind != BK_CHART_KIND_LINE && kind != BK_CHART_KIND_STACKED_AREA)
    return;

  if (!bk_chart_hits_lookup (self->hits, self->pointer_x, self->pointer_y, &hit) ||
      (int) hit.series != self->hit_series)
    return;

  bk_chart_get_series_color (self->chart, hit.series, &color);
  bk_chart_theme_background (bk_chart_get_theme (self->chart), &background);
  ring = (GdkRGBA) { color.red, color.green, color.blue, 1.0 };
  fill = (GdkRGBA) { background.red, background.green, background.blue, 1.0 };
  for (guint i = 0; i < G_N_ELEMENTS (colors); i++)
    colors[i] = ring;

  gsk_rounded_rect_init_from_rect (&circle,
                                   &GRAPHENE_RECT_INIT (hit.x - MARK_RADIUS, hit.y - MARK_RADIUS,
                                                        2 * MARK_RADIUS, 2 * MARK_RADIUS),
                                   MARK_RADIUS);
  gtk_snapshot_push_rounded_clip (snapshot, &circle);
  gtk_snapshot_append_color (snapshot, &fill, &circle.bounds);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_append_border (snapshot, &circle, widths, colors);
}

static void
bk_chart_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  BkChartView *self = BK_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  self->n_snapshots++;

  if (self->chart == NULL || width < 1 || height < 1)
    return;

  if (self->node == NULL || self->node_width != width || self->node_height != height)
    {
      GtkSnapshot *chart_snapshot = gtk_snapshot_new ();
      cairo_t *cr;

      cr = gtk_snapshot_append_cairo (chart_snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
      g_clear_object (&self->hits);
      self->hits = bk_chart_render_around (self->chart, cr, width, height,
                                           self->corner_width, self->corner_height);
      cairo_destroy (cr);

      g_clear_pointer (&self->node, gsk_render_node_unref);
      self->node = gtk_snapshot_free_to_node (chart_snapshot);
      self->node_width = width;
      self->node_height = height;
      self->n_renders++;

      if (self->has_pointer && self->rehover_id == 0)
        self->rehover_id = g_idle_add (rehover_cb, self);
    }

  if (self->node != NULL)
    gtk_snapshot_append_node (snapshot, self->node);

  snapshot_mark (self, snapshot);
}

static void
bk_chart_view_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = NAT_WIDTH;
    }
  else
    {
      *minimum = MIN_HEIGHT;
      *natural = NAT_HEIGHT;
    }
}

static void
bk_chart_view_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  BkChartView *self = BK_CHART_VIEW (widget);

  /* The drawing is made anew at the new size on the next frame */
  if (width != self->node_width || height != self->node_height)
    gtk_widget_queue_draw (widget);
}

static gboolean
bk_chart_view_query_tooltip (GtkWidget  *widget,
                             int         x,
                             int         y,
                             gboolean    keyboard_mode,
                             GtkTooltip *tooltip)
{
  BkChartView *self = BK_CHART_VIEW (widget);
  g_autofree char *text = NULL;

  if (keyboard_mode)
    return FALSE;

  text = bk_chart_view_dup_tooltip_text (self, x, y);
  if (text == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* Input */

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           BkChartView              *self)
{
  self->has_pointer = TRUE;
  self->pointer_x = x;
  self->pointer_y = y;
  update_hover (self);
}

static void
leave_cb (GtkEventControllerMotion *controller,
          BkChartView              *self)
{
  self->has_pointer = FALSE;
  forget_hover (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
click_pressed_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  BkChartView     *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));

  /* Every press toggles: two quick clicks hide and show again, they are
   * not a double click */
  if (bk_chart_view_toggle_series_at (self, x, y))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

/* Actions */

static void
action_copy (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  bk_chart_view_copy (BK_CHART_VIEW (widget));
}

static void
action_export (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BkChartView *self = BK_CHART_VIEW (widget);

  if (self->chart == NULL)
    return;

  gtk_window_present (GTK_WINDOW (bk_chart_export_dialog_new (self)));
}

/* GObject */

static void
bk_chart_view_dispose (GObject *object)
{
  BkChartView *self = BK_CHART_VIEW (object);

  forget_hover (self);
  if (self->chart_signals != NULL)
    g_signal_group_set_target (self->chart_signals, NULL);
  g_clear_object (&self->chart_signals);
  g_clear_object (&self->chart);
  g_clear_pointer (&self->node, gsk_render_node_unref);
  g_clear_object (&self->hits);

  G_OBJECT_CLASS (bk_chart_view_parent_class)->dispose (object);
}

static void
bk_chart_view_finalize (GObject *object)
{
  BkChartView *self = BK_CHART_VIEW (object);

  g_free (self->accessible_label);
  g_free (self->accessible_description);
  g_free (self->highlighted_name);

  G_OBJECT_CLASS (bk_chart_view_parent_class)->finalize (object);
}

static void
bk_chart_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  BkChartView *self = BK_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_object (value, self->chart);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_chart_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  BkChartView *self = BK_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      bk_chart_view_set_chart (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_chart_view_class_init (BkChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_chart_view_dispose;
  object_class->finalize = bk_chart_view_finalize;
  object_class->get_property = bk_chart_view_get_property;
  object_class->set_property = bk_chart_view_set_property;

  widget_class->snapshot = bk_chart_view_snapshot;
  widget_class->measure = bk_chart_view_measure;
  widget_class->size_allocate = bk_chart_view_size_allocate;
  widget_class->query_tooltip = bk_chart_view_query_tooltip;

  properties[PROP_CHART] =
    g_param_spec_object ("chart", NULL, NULL,
                         BK_TYPE_CHART,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BkChartView::exported:
   * @path: the file written
   *
   * The chart was exported (from the export dialog or
   * bk_chart_view_export()).
   */
  signals[EXPORTED] =
    g_signal_new ("exported",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * BkChartView::copied:
   *
   * The chart is on the clipboard.
   */
  signals[COPIED] =
    g_signal_new ("copied",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * BkChartView::error:
   * @message: what went wrong, for people
   */
  signals[ERROR_SIGNAL] =
    g_signal_new ("error",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "chart.copy", NULL, action_copy);
  gtk_widget_class_install_action (widget_class, "chart.export", NULL, action_export);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "chart.copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Insert, GDK_CONTROL_MASK, "chart.copy", NULL);

  gtk_widget_class_set_css_name (widget_class, "chartview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
bk_chart_view_init (BkChartView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkEventController *controller;
  GtkGesture *gesture;

  self->hit_series = self->hit_index = -1;
  self->highlighted = -1;

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (widget, TRUE);

  self->chart_signals = g_signal_group_new (BK_TYPE_CHART);
  g_signal_group_connect_object (self->chart_signals, "changed",
                                 G_CALLBACK (chart_changed_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "enter", G_CALLBACK (motion_cb), self);
  g_signal_connect (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (widget, controller);

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "pressed", G_CALLBACK (click_pressed_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gtk_widget_action_set_enabled (widget, "chart.copy", FALSE);
  gtk_widget_action_set_enabled (widget, "chart.export", FALSE);
  update_accessible (self);
}

void
bk_chart_view_set_corner (BkChartView *self,
                          int          width,
                          int          height)
{
  g_return_if_fail (BK_IS_CHART_VIEW (self));
  g_return_if_fail (width >= 0 && height >= 0);

  if (self->corner_width == width && self->corner_height == height)
    return;
  self->corner_width = width;
  self->corner_height = height;
  g_clear_pointer (&self->node, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
