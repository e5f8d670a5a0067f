/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-chart.c — how long one chart render takes, per kind
 *
 *   bench-chart [--iterations N] [--width W] [--height H] [--samples DIR]
 *
 * Renders each kind N times on a W×H image surface and prints the mean
 * milliseconds per render.  With --samples, also writes each chart as PNG
 * (light and dark) and SVG into DIR to look at. */

#include "config.h"

#include <glib.h>
#include <math.h>
#include <stdio.h>

#include "bk-chart.h"
#include "bk-chart-export.h"

static const char * const years[] = {
  "2024", "2025", "2026", "2027", "2028", "2029", "2030", "2031", "2032", "2033", "2034", NULL
};
static const char * const companies[] = {
  "Microsoft", "Alphabet", "Amazon", "Meta", "Oracle", "CoreWeave", NULL
};

static BkChart *
make_chart (BkChartKind kind)
{
  BkChart *chart = bk_chart_new (kind);
  guint n_years = g_strv_length ((char **) years);

  bk_chart_set_source (chart, "Source: company filings, Breakeven model");

  switch (kind)
    {
    case BK_CHART_KIND_LINE:
      bk_chart_set_title (chart, "Cumulative free cash flow");
      bk_chart_set_subtitle (chart, "AI data-centre capex, base case");
      bk_chart_set_unit (chart, BK_CHART_UNIT_USD_BILLIONS);
      bk_chart_set_categories (chart, years);
      for (guint c = 0; c < 5; c++)
        {
          double values[16], cum = 0;
          guint series;

          for (guint y = 0; y < n_years; y++)
            {
              cum += -(60.0 + 15 * c) * exp (-0.25 * y) + (12.0 + 4 * c) * y * 0.9;
              values[y] = cum;
            }
          series = bk_chart_add_series (chart, companies[c], values, n_years);

          /* The payback point, where the line climbs through zero */
          for (guint y = 1; y < n_years; y++)
            if (values[y - 1] < 0 && values[y] >= 0)
              {
                double x = (y - 1) + -values[y - 1] / (values[y] - values[y - 1]);
                g_autofree char *label = g_strdup_printf ("Payback %.1f y", x + 1);

                bk_chart_add_marker (chart, series, x, label);
                break;
              }
        }
      break;

    case BK_CHART_KIND_BAR:
      {
        double npv[] = { 182.4, 141.0, 96.5, -38.2, -61.7, 12.3 };
        double roi[] = { 95.1, 77.0, 52.0, -18.0, -44.0, 8.5 };

        bk_chart_set_title (chart, "NPV and ROI by company");
        bk_chart_set_subtitle (chart, "2024–2034, 9% discount rate");
        bk_chart_set_unit (chart, BK_CHART_UNIT_USD_BILLIONS);
        bk_chart_set_categories (chart, companies);
        bk_chart_add_series (chart, "NPV", npv, G_N_ELEMENTS (npv));
        bk_chart_add_series (chart, "Cumulative FCF", roi, G_N_ELEMENTS (roi));
        bk_chart_set_legend_position (chart, BK_CHART_LEGEND_BOTTOM);
      }
      break;

    case BK_CHART_KIND_STACKED_BAR:
      bk_chart_set_title (chart, "AI capex by company");
      bk_chart_set_subtitle (chart, "US$ billion a year");
      bk_chart_set_unit (chart, BK_CHART_UNIT_USD_BILLIONS);
      bk_chart_set_categories (chart, years);
      for (guint c = 0; c < 6; c++)
        {
          double values[16];
          for (guint y = 0; y < n_years; y++)
            values[y] = (80.0 - 11 * c) * pow (1.18 - 0.01 * c, y) * (y > 6 ? 0.9 : 1.0);
          bk_chart_add_series (chart, companies[c], values, n_years);
        }
      break;

    case BK_CHART_KIND_STACKED_AREA:
      {
        const char *markets[] = { "Chat assistants", "Coding agents", "Enterprise search", "Media generation" };

        bk_chart_set_title (chart, "AI token demand by market");
        bk_chart_set_subtitle (chart, "trillion tokens a day");
        bk_chart_set_unit (chart, BK_CHART_UNIT_TOKENS_PER_DAY);
        bk_chart_set_categories (chart, years);
        for (guint m = 0; m < G_N_ELEMENTS (markets); m++)
          {
            double values[16];
            for (guint y = 0; y < n_years; y++)
              values[y] = (10.0 - 2 * m) * pow (1.45 - 0.06 * m, y);
            bk_chart_add_series (chart, markets[m], values, n_years);
          }
      }
      break;

    case BK_CHART_KIND_DONUT:
      {
        double shares[] = { 0.31, 0.24, 0.19, 0.12, 0.08, 0.06 };

        bk_chart_set_title (chart, "Share of coding-agent tokens, 2030");
        bk_chart_set_unit (chart, BK_CHART_UNIT_PERCENT);
        bk_chart_set_center_label (chart, "Coding agents");
        for (guint c = 0; c < G_N_ELEMENTS (shares); c++)
          bk_chart_add_series (chart, companies[c], &shares[c], 1);
      }
      break;

    case BK_CHART_KIND_WATERFALL:
      bk_chart_set_title (chart, "Microsoft: from revenue to free cash flow, 2030");
      bk_chart_set_unit (chart, BK_CHART_UNIT_USD_BILLIONS);
      bk_chart_add_step (chart, "Revenue", 142.0, TRUE);
      bk_chart_add_step (chart, "Power", -18.5, FALSE);
      bk_chart_add_step (chart, "Other opex", -24.0, FALSE);
      bk_chart_add_step (chart, "Depreciation", -31.2, FALSE);
      bk_chart_add_step (chart, "Tax", -14.1, FALSE);
      bk_chart_add_step (chart, "Depreciation add-back", 31.2, FALSE);
      bk_chart_add_step (chart, "Capex", -95.0, FALSE);
      bk_chart_add_step (chart, "FCF", NAN, TRUE);
      break;

    default:
      g_assert_not_reached ();
    }

  return chart;
}

static const char *
kind_name (BkChartKind kind)
{
  GEnumClass *klass = g_type_class_ref (BK_TYPE_CHART_KIND);
  const char *name = g_enum_get_value (klass, kind)->value_nick;

  g_type_class_unref (klass);
  return name;
}

static void
write_samples (const char *dir,
               BkChart    *chart,
               BkChartKind kind,
               int         width,
               int         height)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *light = g_strdup_printf ("%s/%s-light.png", dir, kind_name (kind));
  g_autofree char *dark = g_strdup_printf ("%s/%s-dark.png", dir, kind_name (kind));
  g_autofree char *svg = g_strdup_printf ("%s/%s.svg", dir, kind_name (kind));

  bk_chart_set_theme (chart, BK_CHART_THEME_LIGHT);
  if (!bk_chart_export (chart, light, BK_CHART_FORMAT_PNG, width, height, 1, &error) ||
      !bk_chart_export (chart, svg, BK_CHART_FORMAT_SVG, width, height, 1, &error))
    g_printerr ("%s\n", error->message);
  bk_chart_set_theme (chart, BK_CHART_THEME_DARK);
  if (!bk_chart_export (chart, dark, BK_CHART_FORMAT_PNG, width, height, 1, &error))
    g_printerr ("%s\n", error->message);
  bk_chart_set_theme (chart, BK_CHART_THEME_LIGHT);
}

int
main (int    argc,
      char **argv)
{
  int iterations = 200, width = 1200, height = 700;
  g_autofree char *samples = NULL;
  GOptionEntry entries[] = {
    { "iterations", 'n', 0, G_OPTION_ARG_INT, &iterations, "Renders per kind", "N" },
    { "width", 'w', 0, G_OPTION_ARG_INT, &width, "Width in pixels", "W" },
    { "height", 'h', 0, G_OPTION_ARG_INT, &height, "Height in pixels", "H" },
    { "samples", 's', 0, G_OPTION_ARG_FILENAME, &samples, "Write sample renders into DIR", "DIR" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— chart render benchmark");
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  iterations = MAX (iterations, 1);

  if (samples != NULL)
    g_mkdir_with_parents (samples, 0755);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  printf ("# %d renders per kind at %d×%d on an image surface\n", iterations, width, height);

  for (BkChartKind kind = BK_CHART_KIND_LINE; kind <= BK_CHART_KIND_WATERFALL; kind++)
    {
      g_autoptr(BkChart) chart = make_chart (kind);
      cairo_t *cr = cairo_create (surface);
      gint64 start;
      double ms;

      g_object_unref (bk_chart_render (chart, cr, width, height));  /* warm the font caches */
      start = g_get_monotonic_time ();
      for (int i = 0; i < iterations; i++)
        g_object_unref (bk_chart_render (chart, cr, width, height));
      cairo_surface_flush (surface);
      ms = (g_get_monotonic_time () - start) / 1000.0 / iterations;
      cairo_destroy (cr);

      printf ("%-14s %7.3f ms/render\n", kind_name (kind), ms);

      if (samples != NULL)
        write_samples (samples, chart, kind, width, height);
    }

  cairo_surface_destroy (surface);
  return 0;
}
