/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-chart-theme.c — the colours of the light and dark chart themes, the
 * colour-blind-safe palette, and mixing colours */

#include "config.h"

#include "bk-chart-canvas-private.h"

/* Okabe & Ito's colour-blind-safe palette; yellow last, it is faint on white. */
static const BkChartThemeColors themes[] = {
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

const BkChartThemeColors *
bk_chart_theme_colors (BkChartTheme theme)
{
  g_assert (theme < G_N_ELEMENTS (themes));

  return &themes[theme];
}

BkChartColor
bk_chart_color_from_hex (guint32 hex)
{
  BkChartColor c = {
    ((hex >> 16) & 0xff) / 255.0,
    ((hex >> 8) & 0xff) / 255.0,
    (hex & 0xff) / 255.0,
  };

  return c;
}

BkChartColor
bk_chart_color_mix (const BkChartColor *from,
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

double
bk_chart_color_luminance (const BkChartColor *c)
{
  return 0.2126 * c->red + 0.7152 * c->green + 0.0722 * c->blue;
}

void
bk_chart_palette_color (BkChartTheme  theme,
                        guint         index,
                        BkChartColor *color)
{
  g_return_if_fail (theme <= BK_CHART_THEME_DARK);
  g_return_if_fail (color != NULL);

  *color = bk_chart_color_from_hex (themes[theme].palette[index % G_N_ELEMENTS (themes[theme].palette)]);
}

void
bk_chart_theme_background (BkChartTheme  theme,
                           BkChartColor *color)
{
  g_return_if_fail (theme <= BK_CHART_THEME_DARK);
  g_return_if_fail (color != NULL);

  *color = bk_chart_color_from_hex (themes[theme].background);
}
