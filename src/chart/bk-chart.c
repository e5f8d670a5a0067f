/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-chart.c — the chart description: kind, texts, series, steps, markers,
 * and the words for what a hit on it points at (the analysis kinds' data
 * is bk-chart-analysis.c) */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "bk-chart-private.h"

G_DEFINE_ENUM_TYPE (BkChartKind, bk_chart_kind,
  G_DEFINE_ENUM_VALUE (BK_CHART_KIND_LINE, "line"),
  G_DEFINE_ENUM_VALUE (BK_CHART_KIND_BAR, "bar"),
  G_DEFINE_ENUM_VALUE (BK_CHART_KIND_STACKED_BAR, "stacked-bar"),
  G_DEFINE_ENUM_VALUE (BK_CHART_KIND_STACKED_AREA, "stacked-area"),
  G_DEFINE_ENUM_VALUE (BK_CHART_KIND_DONUT, "donut"),
  G_DEFINE_ENUM_VALUE (BK_CHART_KIND_WATERFALL, "waterfall"),
  G_DEFINE_ENUM_VALUE (BK_CHART_KIND_TORNADO, "tornado"),
  G_DEFINE_ENUM_VALUE (BK_CHART_KIND_BREAKEVEN_MAP, "breakeven-map"),
  G_DEFINE_ENUM_VALUE (BK_CHART_KIND_FAN, "fan"),
  G_DEFINE_ENUM_VALUE (BK_CHART_KIND_HISTOGRAM, "histogram"))

G_DEFINE_ENUM_TYPE (BkChartUnit, bk_chart_unit,
  G_DEFINE_ENUM_VALUE (BK_CHART_UNIT_NUMBER, "number"),
  G_DEFINE_ENUM_VALUE (BK_CHART_UNIT_USD_BILLIONS, "usd-billions"),
  G_DEFINE_ENUM_VALUE (BK_CHART_UNIT_TOKENS_PER_DAY, "tokens-per-day"),
  G_DEFINE_ENUM_VALUE (BK_CHART_UNIT_PERCENT, "percent"),
  G_DEFINE_ENUM_VALUE (BK_CHART_UNIT_YEARS, "years"))

G_DEFINE_ENUM_TYPE (BkChartLegendPosition, bk_chart_legend_position,
  G_DEFINE_ENUM_VALUE (BK_CHART_LEGEND_RIGHT, "right"),
  G_DEFINE_ENUM_VALUE (BK_CHART_LEGEND_BOTTOM, "bottom"),
  G_DEFINE_ENUM_VALUE (BK_CHART_LEGEND_NONE, "none"))

G_DEFINE_ENUM_TYPE (BkChartTheme, bk_chart_theme,
  G_DEFINE_ENUM_VALUE (BK_CHART_THEME_LIGHT, "light"),
  G_DEFINE_ENUM_VALUE (BK_CHART_THEME_DARK, "dark"))

G_DEFINE_FINAL_TYPE (BkChart, bk_chart, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_SOURCE,
  PROP_CENTER_LABEL,
  PROP_EMPTY_TEXT,
  PROP_UNIT,
  PROP_LEGEND_POSITION,
  PROP_THEME,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
series_free (gpointer data)
{
  BkChartSeries *series = data;

  g_free (series->name);
  g_free (series->values);
  g_free (series);
}

static void
marker_clear (gpointer data)
{
  BkChartMarker *marker = data;

  g_clear_pointer (&marker->label, g_free);
}

static void
step_clear (gpointer data)
{
  BkChartStep *step = data;

  g_clear_pointer (&step->label, g_free);
}

void
bk_chart_emit_changed (BkChart *chart)
{
  g_signal_emit (chart, signals[CHANGED], 0);
}

static BkChartSeries *
get_series (BkChart *chart,
            guint    series)
{
  if (series >= chart->series->len)
    return NULL;
  return g_ptr_array_index (chart->series, series);
}

static void
bk_chart_finalize (GObject *object)
{
  BkChart *chart = (BkChart *) object;

  g_clear_pointer (&chart->title, g_free);
  g_clear_pointer (&chart->subtitle, g_free);
  g_clear_pointer (&chart->source, g_free);
  g_clear_pointer (&chart->center_label, g_free);
  g_clear_pointer (&chart->empty_text, g_free);
  g_clear_pointer (&chart->categories, g_ptr_array_unref);
  g_clear_pointer (&chart->series, g_ptr_array_unref);
  g_clear_pointer (&chart->markers, g_array_unref);
  g_clear_pointer (&chart->steps, g_array_unref);
  bk_chart_analysis_clear (&chart->analysis);

  G_OBJECT_CLASS (bk_chart_parent_class)->finalize (object);
}

static void
bk_chart_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  BkChart *chart = BK_CHART (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, chart->kind);
      break;
    case PROP_TITLE:
      g_value_set_string (value, chart->title);
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, chart->subtitle);
      break;
    case PROP_SOURCE:
      g_value_set_string (value, chart->source);
      break;
    case PROP_CENTER_LABEL:
      g_value_set_string (value, chart->center_label);
      break;
    case PROP_EMPTY_TEXT:
      g_value_set_string (value, chart->empty_text);
      break;
    case PROP_UNIT:
      g_value_set_enum (value, chart->unit);
      break;
    case PROP_LEGEND_POSITION:
      g_value_set_enum (value, chart->legend_position);
      break;
    case PROP_THEME:
      g_value_set_enum (value, chart->theme);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_chart_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  BkChart *chart = BK_CHART (object);

  switch (prop_id)
    {
    case PROP_KIND:
      bk_chart_set_kind (chart, g_value_get_enum (value));
      break;
    case PROP_TITLE:
      bk_chart_set_title (chart, g_value_get_string (value));
      break;
    case PROP_SUBTITLE:
      bk_chart_set_subtitle (chart, g_value_get_string (value));
      break;
    case PROP_SOURCE:
      bk_chart_set_source (chart, g_value_get_string (value));
      break;
    case PROP_CENTER_LABEL:
      bk_chart_set_center_label (chart, g_value_get_string (value));
      break;
    case PROP_EMPTY_TEXT:
      bk_chart_set_empty_text (chart, g_value_get_string (value));
      break;
    case PROP_UNIT:
      bk_chart_set_unit (chart, g_value_get_enum (value));
      break;
    case PROP_LEGEND_POSITION:
      bk_chart_set_legend_position (chart, g_value_get_enum (value));
      break;
    case PROP_THEME:
      bk_chart_set_theme (chart, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_chart_class_init (BkChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bk_chart_finalize;
  object_class->get_property = bk_chart_get_property;
  object_class->set_property = bk_chart_set_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       BK_TYPE_CHART_KIND, BK_CHART_KIND_LINE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CENTER_LABEL] =
    g_param_spec_string ("center-label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMPTY_TEXT] =
    g_param_spec_string ("empty-text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNIT] =
    g_param_spec_enum ("unit", NULL, NULL,
                       BK_TYPE_CHART_UNIT, BK_CHART_UNIT_NUMBER,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LEGEND_POSITION] =
    g_param_spec_enum ("legend-position", NULL, NULL,
                       BK_TYPE_CHART_LEGEND_POSITION, BK_CHART_LEGEND_RIGHT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_THEME] =
    g_param_spec_enum ("theme", NULL, NULL,
                       BK_TYPE_CHART_THEME, BK_CHART_THEME_LIGHT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BkChart::changed:
   *
   * Something that the chart draws changed: redraw it.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
bk_chart_init (BkChart *chart)
{
  chart->kind = BK_CHART_KIND_LINE;
  chart->unit = BK_CHART_UNIT_NUMBER;
  chart->legend_position = BK_CHART_LEGEND_RIGHT;
  chart->theme = BK_CHART_THEME_LIGHT;
  chart->categories = g_ptr_array_new_with_free_func (g_free);
  chart->series = g_ptr_array_new_with_free_func (series_free);
  chart->markers = g_array_new (FALSE, TRUE, sizeof (BkChartMarker));
  g_array_set_clear_func (chart->markers, marker_clear);
  chart->steps = g_array_new (FALSE, TRUE, sizeof (BkChartStep));
  g_array_set_clear_func (chart->steps, step_clear);
  bk_chart_analysis_init (&chart->analysis);
}

BkChart *
bk_chart_new (BkChartKind kind)
{
  return g_object_new (BK_TYPE_CHART, "kind", kind, NULL);
}

BkChartKind
bk_chart_get_kind (BkChart *chart)
{
  g_return_val_if_fail (BK_IS_CHART (chart), BK_CHART_KIND_LINE);
  return chart->kind;
}

void
bk_chart_set_kind (BkChart     *chart,
                   BkChartKind  kind)
{
  g_return_if_fail (BK_IS_CHART (chart));
  g_return_if_fail (kind <= BK_CHART_KIND_HISTOGRAM);

  if (chart->kind == kind)
    return;
  chart->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (chart), properties[PROP_KIND]);
  bk_chart_emit_changed (chart);
}

static void
set_text (BkChart   *chart,
          char     **field,
          const char *text,
          guint      prop_id)
{
  if (g_strcmp0 (*field, text) == 0)
    return;
  g_free (*field);
  *field = g_strdup (text);
  g_object_notify_by_pspec (G_OBJECT (chart), properties[prop_id]);
  bk_chart_emit_changed (chart);
}

const char *
bk_chart_get_title (BkChart *chart)
{
  g_return_val_if_fail (BK_IS_CHART (chart), NULL);
  return chart->title;
}

void
bk_chart_set_title (BkChart    *chart,
                    const char *title)
{
  g_return_if_fail (BK_IS_CHART (chart));
  set_text (chart, &chart->title, title, PROP_TITLE);
}

const char *
bk_chart_get_subtitle (BkChart *chart)
{
  g_return_val_if_fail (BK_IS_CHART (chart), NULL);
  return chart->subtitle;
}

void
bk_chart_set_subtitle (BkChart    *chart,
                       const char *subtitle)
{
  g_return_if_fail (BK_IS_CHART (chart));
  set_text (chart, &chart->subtitle, subtitle, PROP_SUBTITLE);
}

const char *
bk_chart_get_source (BkChart *chart)
{
  g_return_val_if_fail (BK_IS_CHART (chart), NULL);
  return chart->source;
}

void
bk_chart_set_source (BkChart    *chart,
                     const char *source)
{
  g_return_if_fail (BK_IS_CHART (chart));
  set_text (chart, &chart->source, source, PROP_SOURCE);
}

const char *
bk_chart_get_empty_text (BkChart *chart)
{
  g_return_val_if_fail (BK_IS_CHART (chart), NULL);
  return chart->empty_text;
}

void
bk_chart_set_empty_text (BkChart    *chart,
                         const char *text)
{
  g_return_if_fail (BK_IS_CHART (chart));
  set_text (chart, &chart->empty_text, text != NULL && *text != '\0' ? text : NULL, PROP_EMPTY_TEXT);
}

const char *
bk_chart_get_center_label (BkChart *chart)
{
  g_return_val_if_fail (BK_IS_CHART (chart), NULL);
  return chart->center_label;
}

void
bk_chart_set_center_label (BkChart    *chart,
                           const char *label)
{
  g_return_if_fail (BK_IS_CHART (chart));
  set_text (chart, &chart->center_label, label, PROP_CENTER_LABEL);
}

BkChartUnit
bk_chart_get_unit (BkChart *chart)
{
  g_return_val_if_fail (BK_IS_CHART (chart), BK_CHART_UNIT_NUMBER);
  return chart->unit;
}

void
bk_chart_set_unit (BkChart     *chart,
                   BkChartUnit  unit)
{
  g_return_if_fail (BK_IS_CHART (chart));
  g_return_if_fail (unit <= BK_CHART_UNIT_YEARS);

  if (chart->unit == unit)
    return;
  chart->unit = unit;
  g_object_notify_by_pspec (G_OBJECT (chart), properties[PROP_UNIT]);
  bk_chart_emit_changed (chart);
}

BkChartLegendPosition
bk_chart_get_legend_position (BkChart *chart)
{
  g_return_val_if_fail (BK_IS_CHART (chart), BK_CHART_LEGEND_RIGHT);
  return chart->legend_position;
}

void
bk_chart_set_legend_position (BkChart               *chart,
                              BkChartLegendPosition  position)
{
  g_return_if_fail (BK_IS_CHART (chart));
  g_return_if_fail (position <= BK_CHART_LEGEND_NONE);

  if (chart->legend_position == position)
    return;
  chart->legend_position = position;
  g_object_notify_by_pspec (G_OBJECT (chart), properties[PROP_LEGEND_POSITION]);
  bk_chart_emit_changed (chart);
}

BkChartTheme
bk_chart_get_theme (BkChart *chart)
{
  g_return_val_if_fail (BK_IS_CHART (chart), BK_CHART_THEME_LIGHT);
  return chart->theme;
}

void
bk_chart_set_theme (BkChart      *chart,
                    BkChartTheme  theme)
{
  g_return_if_fail (BK_IS_CHART (chart));
  g_return_if_fail (theme <= BK_CHART_THEME_DARK);

  if (chart->theme == theme)
    return;
  chart->theme = theme;
  g_object_notify_by_pspec (G_OBJECT (chart), properties[PROP_THEME]);
  bk_chart_emit_changed (chart);
}

void
bk_chart_set_categories (BkChart            *chart,
                         const char * const *labels)
{
  g_return_if_fail (BK_IS_CHART (chart));

  g_ptr_array_set_size (chart->categories, 0);
  for (guint i = 0; labels != NULL && labels[i] != NULL; i++)
    g_ptr_array_add (chart->categories, g_strdup (labels[i]));
  bk_chart_emit_changed (chart);
}

guint
bk_chart_get_n_categories (BkChart *chart)
{
  guint n;

  g_return_val_if_fail (BK_IS_CHART (chart), 0);

  n = chart->categories->len;
  for (guint i = 0; i < chart->series->len; i++)
    n = MAX (n, ((BkChartSeries *) g_ptr_array_index (chart->series, i))->n_values);
  return n;
}

static void
copy_values (BkChartSeries *series,
             const double  *values,
             gsize          n_values)
{
  g_free (series->values);
  series->n_values = (guint) MIN (n_values, G_MAXUINT);
  series->values = series->n_values > 0
    ? g_memdup2 (values, sizeof (double) * series->n_values)
    : NULL;
}

guint
bk_chart_add_series (BkChart      *chart,
                     const char   *name,
                     const double *values,
                     gsize         n_values)
{
  BkChartSeries *series;

  g_return_val_if_fail (BK_IS_CHART (chart), 0);
  g_return_val_if_fail (values != NULL || n_values == 0, 0);

  series = g_new0 (BkChartSeries, 1);
  series->name = g_strdup (name != NULL ? name : "");
  copy_values (series, values, n_values);
  g_ptr_array_add (chart->series, series);
  bk_chart_emit_changed (chart);

  return chart->series->len - 1;
}

void
bk_chart_set_series_values (BkChart      *chart,
                            guint         series,
                            const double *values,
                            gsize         n_values)
{
  BkChartSeries *s;

  g_return_if_fail (BK_IS_CHART (chart));
  g_return_if_fail (values != NULL || n_values == 0);
  g_return_if_fail (series < chart->series->len);

  s = get_series (chart, series);
  copy_values (s, values, n_values);
  bk_chart_emit_changed (chart);
}

void
bk_chart_clear_series (BkChart *chart)
{
  g_return_if_fail (BK_IS_CHART (chart));

  if (chart->series->len == 0 && chart->markers->len == 0)
    return;
  g_ptr_array_set_size (chart->series, 0);
  g_array_set_size (chart->markers, 0);
  bk_chart_emit_changed (chart);
}

guint
bk_chart_get_n_series (BkChart *chart)
{
  g_return_val_if_fail (BK_IS_CHART (chart), 0);
  return chart->series->len;
}

const char *
bk_chart_get_series_name (BkChart *chart,
                          guint    series)
{
  g_return_val_if_fail (BK_IS_CHART (chart), NULL);
  g_return_val_if_fail (series < chart->series->len, NULL);
  return get_series (chart, series)->name;
}

void
bk_chart_set_series_color (BkChart            *chart,
                           guint               series,
                           const BkChartColor *color)
{
  BkChartSeries *s;

  g_return_if_fail (BK_IS_CHART (chart));
  g_return_if_fail (series < chart->series->len);

  s = get_series (chart, series);
  s->has_color = color != NULL;
  if (color != NULL)
    s->color = *color;
  bk_chart_emit_changed (chart);
}

void
bk_chart_get_series_color (BkChart      *chart,
                           guint         series,
                           BkChartColor *color)
{
  BkChartSeries *s;

  g_return_if_fail (BK_IS_CHART (chart));
  g_return_if_fail (color != NULL);
  g_return_if_fail (series < chart->series->len);

  s = get_series (chart, series);
  if (s->has_color)
    *color = s->color;
  else
    bk_chart_palette_color (chart->theme, series, color);
}

void
bk_chart_set_series_hidden (BkChart  *chart,
                            guint     series,
                            gboolean  hidden)
{
  BkChartSeries *s;

  g_return_if_fail (BK_IS_CHART (chart));
  g_return_if_fail (series < chart->series->len);

  s = get_series (chart, series);
  if (s->hidden == !!hidden)
    return;
  s->hidden = !!hidden;
  bk_chart_emit_changed (chart);
}

gboolean
bk_chart_get_series_hidden (BkChart *chart,
                            guint    series)
{
  g_return_val_if_fail (BK_IS_CHART (chart), FALSE);
  g_return_val_if_fail (series < chart->series->len, FALSE);
  return get_series (chart, series)->hidden;
}

void
bk_chart_set_series_highlighted (BkChart  *chart,
                                 guint     series,
                                 gboolean  highlighted)
{
  BkChartSeries *s;

  g_return_if_fail (BK_IS_CHART (chart));
  g_return_if_fail (series < chart->series->len);

  s = get_series (chart, series);
  if (s->highlighted == !!highlighted)
    return;
  s->highlighted = !!highlighted;
  bk_chart_emit_changed (chart);
}

gboolean
bk_chart_get_series_highlighted (BkChart *chart,
                                 guint    series)
{
  g_return_val_if_fail (BK_IS_CHART (chart), FALSE);
  g_return_val_if_fail (series < chart->series->len, FALSE);
  return get_series (chart, series)->highlighted;
}

void
bk_chart_add_marker (BkChart    *chart,
                     guint       series,
                     double      x,
                     const char *label)
{
  BkChartMarker marker = { 0 };

  g_return_if_fail (BK_IS_CHART (chart));
  g_return_if_fail (isfinite (x));

  marker.series = series;
  marker.x = x;
  marker.label = g_strdup (label);
  g_array_append_val (chart->markers, marker);
  bk_chart_emit_changed (chart);
}

void
bk_chart_clear_markers (BkChart *chart)
{
  g_return_if_fail (BK_IS_CHART (chart));

  if (chart->markers->len == 0)
    return;
  g_array_set_size (chart->markers, 0);
  bk_chart_emit_changed (chart);
}

void
bk_chart_add_step (BkChart    *chart,
                   const char *label,
                   double      value,
                   gboolean    is_total)
{
  BkChartStep step = { 0 };

  g_return_if_fail (BK_IS_CHART (chart));
  g_return_if_fail (is_total || isfinite (value));

  step.label = g_strdup (label != NULL ? label : "");
  step.value = value;
  step.is_total = !!is_total;
  g_array_append_val (chart->steps, step);
  bk_chart_emit_changed (chart);
}

void
bk_chart_clear_steps (BkChart *chart)
{
  g_return_if_fail (BK_IS_CHART (chart));

  if (chart->steps->len == 0)
    return;
  g_array_set_size (chart->steps, 0);
  bk_chart_emit_changed (chart);
}

guint
bk_chart_get_n_steps (BkChart *chart)
{
  g_return_val_if_fail (BK_IS_CHART (chart), 0);
  return chart->steps->len;
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

  if (chart->kind >= BK_CHART_KIND_TORNADO)
    return bk_chart_analysis_describe (chart, hit);

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
