/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-chart-axis.c — nice axis ticks and unit-aware number labels */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "bk-chart-axis.h"
#include "bk-format.h"

#define MINUS_SIGN "\xe2\x88\x92"  /* U+2212 */

void
bk_chart_ticks_compute (double        lo,
                        double        hi,
                        guint         target,
                        BkChartTicks *ticks)
{
  double raw, mag, f, nice, step;

  g_return_if_fail (ticks != NULL);

  if (!isfinite (lo) || !isfinite (hi))
    {
      lo = 0.0;
      hi = 1.0;
    }
  if (lo > hi)
    {
      double t = lo;
      lo = hi;
      hi = t;
    }
  if (hi - lo <= fabs (hi) * 1e-12)
    {
      if (hi == 0.0)
        hi = 1.0;
      else if (hi > 0.0)
        lo = 0.0;
      else
        hi = 0.0;
    }

  target = CLAMP (target, 1, 20);
  raw = (hi - lo) / target;
  mag = pow (10.0, floor (log10 (raw)));
  f = raw / mag;
  /* The 1-2-5 step nearest the raw one (Heckbert's nice numbers) */
  if (f < 1.5)
    nice = 1.0;
  else if (f < 3.0)
    nice = 2.0;
  else if (f < 7.0)
    nice = 5.0;
  else
    nice = 10.0;
  step = nice * mag;

  ticks->step = step;
  ticks->min = floor (lo / step + 1e-9) * step;
  ticks->max = ceil (hi / step - 1e-9) * step;
  if (ticks->max <= ticks->min)
    ticks->max = ticks->min + step;
  ticks->n_ticks = (guint) lround ((ticks->max - ticks->min) / step) + 1;
}

/* The fewest decimals that show multiples of @step exactly (at most 6). */
static int
decimals_for_step (double step)
{
  double scaled = step;

  for (int d = 0; d < 6; d++)
    {
      if (fabs (scaled - round (scaled)) <= scaled * 1e-6)
        return d;
      scaled *= 10.0;
    }
  return 6;
}

/* Three significant digits of @value. */
static double
auto_step (double value)
{
  double a = fabs (value);

  if (!(a > 0.0) || !isfinite (a))
    return 1.0;
  return pow (10.0, floor (log10 (a)) - 2.0);
}

static char *
format_number (double   value,
               double   step,
               gboolean strip_zeros)
{
  char *s = g_strdup_printf ("%.*f", decimals_for_step (step), value);

  if (strip_zeros && strpbrk (s, "eE") == NULL)
    {
      gsize len = strlen (s);
      const char *point = NULL;

      /* Only strip after a decimal separator: any non-digit past the first digit. */
      for (const char *p = s; *p != '\0'; p++)
        if (!g_ascii_isdigit (*p) && p != s)
          {
            point = p;
            break;
          }

      if (point != NULL)
        {
          while (len > 0 && s[len - 1] == '0')
            s[--len] = '\0';
          while (len > 0 && !g_ascii_isdigit (s[len - 1]))
            s[--len] = '\0';
        }
    }

  return s;
}

gboolean
bk_chart_money_in_yi (void)
{
  return bk_format_money_in_yi ();
}

/* @a US$ billion in 亿美元 (×10), or in 万亿美元 from 10,000亿 (÷1000) */
static char *
format_yi (const char *sign,
           double      a,
           double      step,
           gboolean    strip_zeros)
{
  g_autofree char *number = NULL;

  if (a >= 1000.0 - step * 1e-6)
    {
      number = format_number (a / 1000.0, step / 1000.0, TRUE);
      /* Translators: trillions of US dollars where money counts in 亿 and
       * 万亿 (see "money units"): "1.2万亿美元" */
      return g_strdup_printf (_("%s%s trillion US$"), sign, number);
    }
  number = format_number (a * 10.0, step * 10.0, strip_zeros);
  /* Translators: hundreds of millions of US dollars where money counts in
   * 亿 and 万亿 (see "money units"): "2500亿美元" */
  return g_strdup_printf (_("%s%s hundred million US$"), sign, number);
}

static char *
format_value (BkChartUnit unit,
              double      value,
              double      step,
              gboolean    strip_zeros)
{
  g_autofree char *number = NULL;
  const char *sign;
  double a;

  if (!isfinite (value))
    return g_strdup ("\xe2\x80\x94");  /* em dash */

  step = fabs (step);
  if (!(step > 0.0) || !isfinite (step))
    step = auto_step (value);

  if (fabs (value) < step * 1e-6)
    value = 0.0;

  sign = value < 0.0 ? MINUS_SIGN : "";
  a = fabs (value);

  /* Zero needs no unit, except the ones written before or right after it */
  if (a == 0.0)
    {
      if (unit == BK_CHART_UNIT_USD_BILLIONS)
        return g_strdup (bk_chart_money_in_yi () ? "0" : "$0");
      if (unit == BK_CHART_UNIT_PERCENT)
        return g_strdup ("0%");
      return g_strdup ("0");
    }

  switch (unit)
    {
    case BK_CHART_UNIT_USD_BILLIONS:
      if (bk_chart_money_in_yi ())
        return format_yi (sign, a, step, strip_zeros);
      if (a >= 1000.0 - step * 1e-6)
        {
          number = format_number (a / 1000.0, step / 1000.0, TRUE);
          return g_strdup_printf ("%s$%sT", sign, number);
        }
      number = format_number (a, step, strip_zeros);
      return g_strdup_printf ("%s$%sB", sign, number);

    case BK_CHART_UNIT_TOKENS_PER_DAY:
      number = format_number (a, step, strip_zeros);
      /* Translators: trillion tokens a day on a chart axis, "40T/day" */
      return g_strdup_printf (_("%s%sT/day"), sign, number);

    case BK_CHART_UNIT_PERCENT:
      number = format_number (a * 100.0, step * 100.0, strip_zeros);
      return g_strdup_printf ("%s%s%%", sign, number);

    case BK_CHART_UNIT_YEARS:
      number = format_number (a, step, strip_zeros);
      /* Translators: a number of years on a chart axis, "2.5 y" */
      return g_strdup_printf (_("%s%s y"), sign, number);

    case BK_CHART_UNIT_NUMBER:
    default:
      number = format_number (a, step, strip_zeros);
      return g_strdup_printf ("%s%s", sign, number);
    }
}

char *
bk_chart_format_value (BkChartUnit unit,
                       double      value,
                       double      step)
{
  return format_value (unit, value, step, FALSE);
}

char *
bk_chart_format_short (BkChartUnit unit,
                       double      value)
{
  return format_value (unit, value, auto_step (value), TRUE);
}

char *
bk_chart_format_exact (BkChartUnit unit,
                       double      value)
{
  double step = 0.01;

  if (unit == BK_CHART_UNIT_PERCENT)
    step = 0.0001;
  else if (unit == BK_CHART_UNIT_NUMBER && fabs (value) < 1.0)
    step = 0.0001;

  return format_value (unit, value, step, TRUE);
}
