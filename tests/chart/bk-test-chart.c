/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-test-chart.c — colours as the chart tests compare them with pixels */
#include "config.h"

#include <math.h>

#include "bk-test-chart.h"

guint32
bk_test_chart_rgb (const BkChartColor *c)
{
  return ((guint32) lround (c->red * 255) << 16) |
         ((guint32) lround (c->green * 255) << 8) |
         (guint32) lround (c->blue * 255);
}

guint32
bk_test_chart_palette (BkChartTheme theme,
                       guint        i)
{
  BkChartColor c;

  bk_chart_palette_color (theme, i, &c);
  return bk_test_chart_rgb (&c);
}

guint32
bk_test_chart_background (BkChartTheme theme)
{
  BkChartColor c;

  bk_chart_theme_background (theme, &c);
  return bk_test_chart_rgb (&c);
}

guint32
bk_test_chart_mix (guint32 from,
                   guint32 to,
                   double  amount)
{
  guint32 out = 0;

  for (int shift = 0; shift <= 16; shift += 8)
    {
      double a = (from >> shift) & 0xff, b = (to >> shift) & 0xff;
      out |= (guint32) lround (a + (b - a) * amount) << shift;
    }
  return out;
}

void
bk_test_chart_assert_plot_text (BkChartHits *hits)
{
  cairo_rectangle_t plot, text;
  gboolean found = FALSE;

  g_assert_nonnull (hits);
  g_assert_true (bk_chart_hits_get_part (hits, BK_CHART_PART_PLOT, &plot));
  for (guint i = 0; i < bk_chart_hits_get_n_texts (hits); i++)
    {
      gboolean cut = TRUE;

      g_assert_true (bk_chart_hits_get_text (hits, i, &text, &cut));
      /* The text's box holds the ink of the plot part */
      if (text.x <= plot.x && text.y <= plot.y + 1 &&
          text.x + text.width >= plot.x + plot.width &&
          text.y + text.height + 1 >= plot.y + plot.height)
        {
          g_assert_false (cut);
          found = TRUE;
        }
    }
  g_assert_true (found);
}
