/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-chart.c — how long one chart render takes, per kind
 *
 *   bench-chart [--iterations N] [--width W] [--height H] [--samples DIR]
 *
 * Renders each kind N times on a W×H image surface and prints the mean
 * milliseconds per render, on the clock and of CPU time (which a busy
 * machine does not inflate); the breakeven map is a 50 × 50 grid.  With --samples, also writes each chart as PNG
 * (light and dark) and SVG into DIR to look at. */

#include "config.h"

#include <glib.h>
#include <math.h>
#include <stdio.h>
#include <time.h>

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

    case BK_CHART_KIND_TORNADO:
      {
        static const struct {
          const char *driver, *low, *high;
          double at_low, at_high;
        } swings[] = {
          { "Price per million tokens", "$1.60", "$2.40", -212.0, 168.0 },
          { "Price decline a year", "24%", "36%", 121.0, -143.0 },
          { "GPU utilization", "48%", "72%", -131.0, 95.0 },
          { "Token demand tail growth", "16%", "24%", -74.0, 88.0 },
          { "GPU useful life", "4 y", "6 y", -69.0, 52.0 },
          { "Power cost per MWh", "$64", "$96", 31.0, -29.0 },
          { "Discount rate", "7.2%", "10.8%", 24.0, -22.0 },
          { "Tax rate", "17%", "25%", 9.0, -8.5 },
        };

        bk_chart_set_title (chart, "What moves total NPV");
        bk_chart_set_subtitle (chart, "Base case, each driver ±20%");
        bk_chart_set_unit (chart, BK_CHART_UNIT_USD_BILLIONS);
        bk_chart_set_base_value (chart, -18.4);
        bk_chart_set_axis (chart, BK_CHART_AXIS_X, "Total NPV", BK_CHART_UNIT_USD_BILLIONS);
        for (guint i = 0; i < G_N_ELEMENTS (swings); i++)
          bk_chart_add_swing (chart, swings[i].driver, -18.4 + swings[i].at_low,
                              -18.4 + swings[i].at_high, swings[i].low, swings[i].high);
      }
      break;

    case BK_CHART_KIND_BREAKEVEN_MAP:
      {
        enum { N = 50 };
        double xs[N], ys[N], grid[N * N], contour[2 * N];
        guint n_contour = 0;

        /* NPV = 900 (price − 1.4) (util − 0.25) − 120, in US$ billion */
        for (guint i = 0; i < N; i++)
          {
            xs[i] = 1.0 + 2.0 * i / (N - 1);
            ys[i] = 0.3 + 0.6 * i / (N - 1);
          }
        for (guint j = 0; j < N; j++)
          for (guint i = 0; i < N; i++)
            grid[j * N + i] = 900 * (xs[i] - 1.4) * (ys[j] - 0.25) - 120;
        for (guint i = 0; i < N; i++)
          {
            double y = 0.25 + 120 / (900 * (xs[i] - 1.4));

            if (xs[i] > 1.4 && y >= 0.3 && y <= 0.9)
              {
                contour[2 * n_contour] = xs[i];
                contour[2 * n_contour + 1] = y;
                n_contour++;
              }
          }

        bk_chart_set_title (chart, "Where total NPV breaks even");
        bk_chart_set_subtitle (chart, "Price per million tokens × GPU utilization, base case");
        bk_chart_set_unit (chart, BK_CHART_UNIT_USD_BILLIONS);
        bk_chart_set_axis (chart, BK_CHART_AXIS_X, "Price per million tokens (US$)", BK_CHART_UNIT_NUMBER);
        bk_chart_set_axis (chart, BK_CHART_AXIS_Y, "GPU utilization", BK_CHART_UNIT_PERCENT);
        bk_chart_set_grid (chart, N, xs, N, ys, grid);
        bk_chart_set_target (chart, 0, "NPV = 0");
        bk_chart_add_contour (chart, n_contour, contour);
        bk_chart_add_point (chart, 1.6, 0.45, "Bear", FALSE);
        bk_chart_add_point (chart, 2.0, 0.6, "Base", TRUE);
        bk_chart_add_point (chart, 2.5, 0.75, "Bull", FALSE);
        bk_chart_add_point (chart, 2.1, 0.5, "FOMO CapEx", FALSE);
      }
      break;

    case BK_CHART_KIND_FAN:
      {
        double p[BK_CHART_N_PERCENTILES][16];
        const double z[BK_CHART_N_PERCENTILES] = { -1.645, -0.674, 0, 0.674, 1.645 };

        for (guint y = 0; y < n_years; y++)
          for (guint k = 0; k < BK_CHART_N_PERCENTILES; k++)
            p[k][y] = -120.0 * (1 - exp (-0.6 * y)) + 28.0 * y + z[k] * 18.0 * sqrt (y + 0.2);

        bk_chart_set_title (chart, "Cumulative free cash flow, 10,000 trials");
        bk_chart_set_subtitle (chart, "All companies, Monte Carlo on four drivers");
        bk_chart_set_unit (chart, BK_CHART_UNIT_USD_BILLIONS);
        bk_chart_set_categories (chart, years);
        bk_chart_set_fan (chart, n_years, p[0], p[1], p[2], p[3], p[4]);
      }
      break;

    case BK_CHART_KIND_HISTOGRAM:
      {
        enum { N_BINS = 40 };
        double edges[N_BINS + 1], counts[N_BINS];

        for (guint i = 0; i <= N_BINS; i++)
          edges[i] = -300.0 + 15.0 * i;
        for (guint i = 0; i < N_BINS; i++)
          {
            double mid = (edges[i] + edges[i + 1]) / 2;
            counts[i] = round (10000 * 15.0 / (90 * sqrt (2 * G_PI)) *
                               exp (-0.5 * pow ((mid + 20) / 90, 2)));
          }

        bk_chart_set_title (chart, "Total NPV over 10,000 trials");
        bk_chart_set_subtitle (chart, "P(NPV > 0) = 41%");
        bk_chart_set_unit (chart, BK_CHART_UNIT_USD_BILLIONS);
        bk_chart_set_axis (chart, BK_CHART_AXIS_X, "Total NPV", BK_CHART_UNIT_USD_BILLIONS);
        bk_chart_set_axis (chart, BK_CHART_AXIS_Y, "Trials", BK_CHART_UNIT_NUMBER);
        bk_chart_set_bins (chart, N_BINS, edges, counts);
        bk_chart_add_value_marker (chart, -168, "P5");
        bk_chart_add_value_marker (chart, -20, "Mean");
        bk_chart_add_value_marker (chart, 0, "NPV = 0");
        bk_chart_add_value_marker (chart, 128, "P95");
      }
      break;

    default:
      g_assert_not_reached ();
    }

  return chart;
}

static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
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

  for (BkChartKind kind = BK_CHART_KIND_LINE; kind <= BK_CHART_KIND_HISTOGRAM; kind++)
    {
      g_autoptr(BkChart) chart = make_chart (kind);
      cairo_t *cr = cairo_create (surface);
      gint64 start;
      double ms, cpu;

      g_object_unref (bk_chart_render (chart, cr, width, height));  /* warm the font caches */
      start = g_get_monotonic_time ();
      cpu = cpu_ms ();
      for (int i = 0; i < iterations; i++)
        g_object_unref (bk_chart_render (chart, cr, width, height));
      cairo_surface_flush (surface);
      ms = (g_get_monotonic_time () - start) / 1000.0 / iterations;
      cpu = (cpu_ms () - cpu) / iterations;
      cairo_destroy (cr);

      printf ("%-14s %7.3f ms/render %7.3f ms CPU\n", kind_name (kind), ms, cpu);

      if (samples != NULL)
        write_samples (samples, chart, kind, width, height);
    }

  cairo_surface_destroy (surface);
  return 0;
}
