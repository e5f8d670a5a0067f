/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-chart-summary.c — a chart said in a few sentences, for screen readers
 *
 * What a sighted user takes in at a glance: the title, each series' value
 * (or its first and last), the highest and the lowest, then the subtitle
 * (unit and scenario).  Long lists stop after a dozen items.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "bk-chart-private.h"

#define MAX_ITEMS 12

typedef struct
{
  GString *text;
  guint    n_items;
} Items;

static void
add_item (Items      *items,
          const char *item)
{
  if (items->n_items < MAX_ITEMS)
    {
      if (items->n_items > 0)
        /* Translators: between the items of a chart's summary */
        g_string_append (items->text, _(", "));
      g_string_append (items->text, item);
    }
  items->n_items++;
}

static void
add_value (Items       *items,
           BkChartUnit  unit,
           const char  *name,
           double       value)
{
  g_autofree char *shown = bk_chart_format_short (unit, value);
  g_autofree char *item = NULL;

  /* Translators: one item of a chart's summary, "Microsoft $272B" */
  item = g_strdup_printf (_("%s %s"), name, shown);
  add_item (items, item);
}

static const char *
category (BkChart *chart,
          guint    index)
{
  return index < chart->categories->len ? g_ptr_array_index (chart->categories, index) : "";
}

static gboolean
visible_series (BkChart        *chart,
                guint           i,
                BkChartSeries **series)
{
  *series = g_ptr_array_index (chart->series, i);
  return !(*series)->hidden;
}

/* One value a series: its first that is a number */
static void
summarise_single (BkChart *chart,
                  Items   *items)
{
  for (guint i = 0; i < chart->series->len; i++)
    {
      BkChartSeries *series;

      if (!visible_series (chart, i, &series))
        continue;
      for (guint v = 0; v < series->n_values; v++)
        if (isfinite (series->values[v]))
          {
            add_value (items, chart->unit, series->name, series->values[v]);
            break;
          }
    }
}

/* Over the categories: each series from its first value to its last, or,
 * with one series, each category; then the extremes */
static void
summarise_over_categories (BkChart *chart,
                           Items   *items,
                           GString *extremes)
{
  const char *high_series = NULL, *low_series = NULL;
  guint high_index = 0, low_index = 0;
  double high = -INFINITY, low = INFINITY;
  guint n_visible = 0;

  for (guint i = 0; i < chart->series->len; i++)
    {
      BkChartSeries *series;

      if (visible_series (chart, i, &series))
        n_visible++;
    }

  for (guint i = 0; i < chart->series->len; i++)
    {
      BkChartSeries *series;
      int first = -1, last = -1;

      if (!visible_series (chart, i, &series))
        continue;
      for (guint v = 0; v < series->n_values; v++)
        {
          double value = series->values[v];

          if (!isfinite (value))
            continue;
          if (first < 0)
            first = v;
          last = v;
          if (value > high)
            high = value, high_series = series->name, high_index = v;
          if (value < low)
            low = value, low_series = series->name, low_index = v;
          if (n_visible == 1)
            add_value (items, chart->unit, category (chart, v), value);
        }
      if (n_visible > 1 && first >= 0)
        {
          g_autofree char *from = bk_chart_format_short (chart->unit, series->values[first]);
          g_autofree char *to = bk_chart_format_short (chart->unit, series->values[last]);
          g_autofree char *item = NULL;

          if (first == last)
            /* Translators: a series in a chart's summary, "Microsoft $80B in 2027" */
            item = g_strdup_printf (_("%s %s in %s"), series->name, from, category (chart, first));
          else
            /* Translators: a series in a chart's summary,
             * "Microsoft $28B in 2023 to $80B in 2027" */
            item = g_strdup_printf (_("%s %s in %s to %s in %s"), series->name,
                                    from, category (chart, first), to, category (chart, last));
          add_item (items, item);
        }
    }

  if (high_series != NULL && (high > low || n_visible > 1))
    {
      g_autofree char *high_text = bk_chart_format_short (chart->unit, high);
      g_autofree char *low_text = bk_chart_format_short (chart->unit, low);

      if (n_visible == 1)
        /* Translators: the extremes of a one-series chart,
         * "Highest: 2027, $80B. Lowest: 2023, $28B." */
        g_string_append_printf (extremes, _("Highest: %s, %s. Lowest: %s, %s."),
                                category (chart, high_index), high_text,
                                category (chart, low_index), low_text);
      else
        /* Translators: the extremes of a chart,
         * "Highest: Microsoft in 2027, $80B. Lowest: Oracle in 2023, $7B." */
        g_string_append_printf (extremes, _("Highest: %s in %s, %s. Lowest: %s in %s, %s."),
                                high_series, category (chart, high_index), high_text,
                                low_series, category (chart, low_index), low_text);
    }
}

static void
summarise_steps (BkChart *chart,
                 Items   *items)
{
  for (guint i = 0; i < chart->steps->len; i++)
    {
      const BkChartStep *step = &g_array_index (chart->steps, BkChartStep, i);
      g_autofree char *shown = bk_chart_format_short (chart->unit, step->value);
      g_autofree char *item = NULL;

      if (!step->is_total && step->value > 0)
        {
          char *with_sign = g_strconcat ("+", shown, NULL);

          g_free (shown);
          shown = with_sign;
        }
      item = g_strdup_printf (_("%s %s"), step->label, shown);
      add_item (items, item);
    }
}

static void
summarise_swings (BkChart *chart,
                  Items   *items)
{
  BkChartUnit unit = chart->unit;

  for (guint i = 0; i < chart->analysis.swings->len; i++)
    {
      const BkChartSwing *swing = &g_array_index (chart->analysis.swings, BkChartSwing, i);
      g_autofree char *low = bk_chart_format_short (unit, swing->low);
      g_autofree char *high = bk_chart_format_short (unit, swing->high);
      g_autofree char *item = NULL;

      /* Translators: a driver in a tornado chart's summary, "Price $12B to $40B" */
      item = g_strdup_printf (_("%s %s to %s"), swing->label, low, high);
      add_item (items, item);
    }
}

char *
bk_chart_dup_summary (BkChart *chart)
{
  g_autoptr(GString) extremes = g_string_new (NULL);
  Items items = { g_string_new (NULL), 0 };
  const char *title;
  GString *text;

  g_return_val_if_fail (BK_IS_CHART (chart), NULL);

  title = chart->title != NULL && *chart->title != '\0' ? chart->title : _("Chart");
  switch (chart->kind)
    {
    case BK_CHART_KIND_DONUT:
      summarise_single (chart, &items);
      break;
    case BK_CHART_KIND_LINE:
    case BK_CHART_KIND_BAR:
    case BK_CHART_KIND_STACKED_BAR:
    case BK_CHART_KIND_STACKED_AREA:
      if (chart->categories->len <= 1)
        summarise_single (chart, &items);
      else
        summarise_over_categories (chart, &items, extremes);
      break;
    case BK_CHART_KIND_WATERFALL:
      summarise_steps (chart, &items);
      break;
    case BK_CHART_KIND_TORNADO:
      summarise_swings (chart, &items);
      break;
    case BK_CHART_KIND_BREAKEVEN_MAP:
    case BK_CHART_KIND_FAN:
    case BK_CHART_KIND_HISTOGRAM:
    default:
      break;
    }

  text = g_string_new (NULL);
  if (items.n_items > MAX_ITEMS)
    g_string_append_printf (items.text,
                            /* Translators: after the first items of a chart's summary */
                            ngettext (", and %u more", ", and %u more", items.n_items - MAX_ITEMS),
                            items.n_items - MAX_ITEMS);
  if (chart->empty_text != NULL)
    /* Translators: a chart's summary: its title, then its values */
    g_string_printf (text, _("%s: %s."), title, chart->empty_text);
  else if (items.n_items > 0)
    /* Translators: a chart's summary: its title, then its values */
    g_string_printf (text, _("%s: %s."), title, items.text->str);
  else if (chart->kind < BK_CHART_KIND_TORNADO)
    /* Translators: the summary of a chart with nothing to draw */
    g_string_printf (text, _("%s: no data."), title);
  else
    g_string_assign (text, title);
  if (extremes->len > 0 && chart->empty_text == NULL)
    g_string_append_printf (text, " %s", extremes->str);
  if (chart->subtitle != NULL && *chart->subtitle != '\0')
    g_string_append_printf (text, " %s", chart->subtitle);
  g_string_free (items.text, TRUE);
  return g_string_free (text, FALSE);
}
