/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-format.c — how the app shows numbers
 *
 * Numbers are first written in the C locale with g_ascii_formatd() (so the
 * digits never depend on the locale), then the integer part is grouped as
 * localeconv()'s grouping and thousands separator say (in threes with ','
 * when the locale has none, as C.UTF-8) and '.' becomes the locale's
 * decimal point.  Like setlocale(), this belongs to the main thread.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <limits.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "bk-format.h"
#include "bk-input.h"
#include "bk-number.h"

#define DASH "—"

/* Room for "%.15f" of the largest double: 309 digits, a sign, a point and 15 */
#define FIXED_BUF_SIZE 400
#define MAX_DECIMALS   15

gboolean
bk_format_money_in_yi (void)
{
  /* Translators: "yi" if your language counts large sums of money in 亿
   * (10^8) and 万亿 (10^12), as Chinese does: charts and the KPI strip then
   * show US$ 250 billion as "2500亿美元" and US$ 1.2 trillion as
   * "1.2万亿美元" (see "%s%s hundred million US$").  Anything else keeps
   * "$250B" and "$1.2T". */
  return g_str_equal (C_("money units", "billions"), "yi");
}

static void
append_grouped (GString    *out,
                const char *digits,
                gsize       n_digits,
                const char *separator,
                const char *grouping)
{
  gboolean marks[FIXED_BUF_SIZE] = { FALSE, };
  const char *g = grouping;
  gsize pos = n_digits;

  g_assert (n_digits < FIXED_BUF_SIZE);

  if (separator[0] == '\0' || grouping == NULL || grouping[0] == '\0')
    {
      g_string_append_len (out, digits, (gssize) n_digits);
      return;
    }

  /* POSIX grouping: sizes from the right, the last one repeats, CHAR_MAX
   * (or a size ≤ 0) stops grouping. */
  for (;;)
    {
      int size = *g;

      if (size <= 0 || size == CHAR_MAX || pos <= (gsize) size)
        break;
      pos -= (gsize) size;
      marks[pos] = TRUE;
      if (g[1] != '\0')
        g++;
    }

  for (gsize i = 0; i < n_digits; i++)
    {
      if (marks[i])
        g_string_append (out, separator);
      g_string_append_c (out, digits[i]);
    }
}

/* @value with @decimals decimals; @trim drops trailing zeros of the
 * fraction (and the point when nothing is left of it). */
static void
append_fixed (GString  *out,
              double    value,
              int       decimals,
              gboolean  trim,
              gboolean  group)
{
  char format[16];
  char buf[FIXED_BUF_SIZE];
  const char *digits;
  const char *point;
  const char *end;
  gboolean negative;
  gboolean all_zero = TRUE;
  BkNumberLocale locale;

  if (!isfinite (value))
    {
      g_string_append (out, DASH);
      return;
    }

  decimals = CLAMP (decimals, 0, MAX_DECIMALS);
  g_snprintf (format, sizeof format, "%%.%df", decimals);
  g_ascii_formatd (buf, sizeof buf, format, value);

  negative = buf[0] == '-';
  digits = negative ? buf + 1 : buf;
  point = strchr (digits, '.');
  end = digits + strlen (digits);

  if (trim && point != NULL)
    {
      while (end > point + 1 && end[-1] == '0')
        end--;
      if (end == point + 1)
        end = point;
    }

  for (const char *p = digits; p < end; p++)
    if (*p >= '1' && *p <= '9')
      all_zero = FALSE;

  /* -0.04 with one decimal is "0.0", not "-0.0" */
  if (negative && !all_zero)
    g_string_append_c (out, '-');

  bk_number_locale_init_current (&locale);
  {
    const char *separator = locale.thousands_sep;
    const char *grouping = localeconv ()->grouping;

    /* A locale without grouping (C.UTF-8, POSIX) still groups thousands as
     * a reader of figures expects: "1,149.5" (its decimal point is '.') */
    if (separator[0] == '\0' && g_str_equal (locale.decimal_point, "."))
      {
        separator = ",";
        grouping = "\3";
      }
    append_grouped (out, digits, point != NULL ? (gsize) (point - digits) : (gsize) (end - digits),
                    group ? separator : "", grouping);
  }

  if (point != NULL && end > point)
    {
      g_string_append (out, locale.decimal_point);
      g_string_append_len (out, point + 1, end - (point + 1));
    }
}

/* 1 decimal from 10 up, 2 from 0.1, 3 below (0 itself: 1). */
static int
quantity_decimals (double value)
{
  double a = fabs (value);

  if (a == 0 || a >= 9.995)
    return 1;
  if (a >= 0.0995)
    return 2;
  return 3;
}

void
bk_format_number (GString *out,
                  double   value,
                  int      decimals)
{
  g_return_if_fail (out != NULL);

  append_fixed (out, value, decimals, FALSE, TRUE);
}

void
bk_format_number_exact (GString *out,
                        double   value)
{
  char buf[BK_NUMBER_BUF_SIZE];
  BkNumberLocale locale;

  g_return_if_fail (out != NULL);

  if (!isfinite (value))
    {
      g_string_append (out, DASH);
      return;
    }

  bk_number_format_shortest (buf, value);
  bk_number_locale_init_current (&locale);

  for (const char *p = buf; *p; p++)
    {
      if (*p == '.')
        g_string_append (out, locale.decimal_point);
      else
        g_string_append_c (out, *p);
    }
}

void
bk_format_percent_exact (GString *out,
                         double   fraction)
{
  g_return_if_fail (out != NULL);

  bk_format_number_exact (out, fraction * 100);
  if (isfinite (fraction))
    g_string_append_c (out, '%');
}

void
bk_format_percent (GString *out,
                   double   fraction,
                   int      decimals)
{
  g_return_if_fail (out != NULL);

  if (!isfinite (fraction))
    {
      g_string_append (out, DASH);
      return;
    }

  append_fixed (out, fraction * 100, decimals, FALSE, TRUE);
  g_string_append_c (out, '%');
}

void
bk_format_cell_value (GString *out,
                      BkTable  table,
                      double   value)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (table < BK_N_TABLES);

  if (table == BK_TABLE_SHARE)
    bk_format_percent (out, value, 1);
  else
    append_fixed (out, value, quantity_decimals (value), FALSE, TRUE);
}

int
bk_format_cell_decimals (BkTable table,
                         double  value)
{
  g_return_val_if_fail (table < BK_N_TABLES, 1);

  return table == BK_TABLE_SHARE ? 1 : quantity_decimals (value);
}

void
bk_format_cell_value_decimals (GString *out,
                               BkTable  table,
                               double   value,
                               int      decimals)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (table < BK_N_TABLES);

  if (table == BK_TABLE_SHARE)
    bk_format_percent (out, value, decimals);
  else
    append_fixed (out, value, decimals, FALSE, TRUE);
}

void
bk_format_money (GString *out,
                 double   billions)
{
  double a;

  g_return_if_fail (out != NULL);

  if (!isfinite (billions))
    {
      g_string_append (out, DASH);
      return;
    }

  a = fabs (billions);

  /* Chinese counts in 亿 (US$ 0.1 billion) and 万亿, as the charts do */
  if (bk_format_money_in_yi ())
    {
      g_autoptr(GString) number = g_string_new (NULL);

      if (a >= 999.95)
        {
          append_fixed (number, a / 1000, 2, FALSE, TRUE);
          g_string_append_printf (out, _("%s%s trillion US$"), billions < 0 ? "-" : "", number->str);
        }
      else
        {
          append_fixed (number, a * 10, a * 10 >= 99.95 || a == 0 ? 0 : 1, FALSE, TRUE);
          g_string_append_printf (out, _("%s%s hundred million US$"),
                                  billions < 0 && a * 10 >= 0.05 ? "-" : "", number->str);
        }
      return;
    }

  if (a >= 0.9995 || a == 0)
    {
      /* Rounds to at least $1.0B (or is zero): billions, 1 decimal */
      if (billions < 0)
        g_string_append_c (out, '-');
      g_string_append_c (out, '$');
      append_fixed (out, a, 1, FALSE, TRUE);
      g_string_append_c (out, 'B');
    }
  else
    {
      double millions = a * 1000;
      int decimals = millions >= 9.95 ? 0 : 1;

      if (billions < 0 && millions >= 0.05)
        g_string_append_c (out, '-');
      g_string_append_c (out, '$');
      append_fixed (out, millions, decimals, FALSE, TRUE);
      g_string_append_c (out, 'M');
    }
}

void
bk_format_years (GString *out,
                 double   years)
{
  g_autoptr(GString) number = NULL;

  g_return_if_fail (out != NULL);

  if (!isfinite (years))
    {
      g_string_append (out, DASH);
      return;
    }

  number = g_string_new (NULL);
  append_fixed (number, years, 1, FALSE, TRUE);
  /* Translators: a duration, e.g. "4.2 years" (payback); %s is the number */
  g_string_append_printf (out, _("%s years"), number->str);
}

void
bk_format_assumption (GString      *out,
                      BkAssumption  assumption,
                      double        value)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (assumption < BK_N_ASSUMPTIONS);

  if (!isfinite (value))
    {
      g_string_append (out, DASH);
      return;
    }

  switch (bk_assumption_get_kind (assumption))
    {
    case BK_ASSUMPTION_KIND_FRACTION:
      append_fixed (out, value * 100, 2, TRUE, TRUE);
      g_string_append_c (out, '%');
      break;
    case BK_ASSUMPTION_KIND_YEARS:
      append_fixed (out, value, 2, TRUE, TRUE);
      break;
    case BK_ASSUMPTION_KIND_INTEGER_YEARS:
      append_fixed (out, value, 0, FALSE, TRUE);
      break;
    case BK_ASSUMPTION_KIND_NUMBER:
    default:
      append_fixed (out, value, 3, TRUE, TRUE);
      break;
    }
}

void
bk_format_assumption_with_unit (GString      *out,
                                BkAssumption  assumption,
                                double        value)
{
  const char *unit;

  g_return_if_fail (out != NULL);
  g_return_if_fail (assumption < BK_N_ASSUMPTIONS);

  bk_format_assumption (out, assumption, value);
  if (!isfinite (value))
    return;

  unit = bk_assumption_get_unit (assumption);
  if (unit == NULL || unit[0] == '\0')
    return;

  if (bk_assumption_get_kind (assumption) == BK_ASSUMPTION_KIND_FRACTION)
    {
      /* "40%" and "%/year" make "40%/year"; "% of revenue" "15% of revenue" */
      if (unit[0] == '%')
        unit++;
      g_string_append (out, unit);
    }
  else if (g_str_equal (unit, "×"))
    g_string_append (out, unit);
  else
    {
      g_string_append_c (out, ' ');
      g_string_append (out, unit);
    }
}

void
bk_format_series_value (GString  *out,
                        BkSeries  series,
                        double    value)
{
  double a = fabs (value);

  g_return_if_fail (out != NULL);
  g_return_if_fail (series < BK_N_SERIES);

  switch (series)
    {
    case BK_SERIES_UTILIZATION:
      bk_format_percent (out, value, 1);
      break;
    case BK_SERIES_PRICE:
      append_fixed (out, value, a >= 0.995 || a == 0 ? 2 : a >= 0.0995 ? 3 : 4, FALSE, TRUE);
      break;
    case BK_SERIES_CAPACITY_MW:
    case BK_SERIES_CAPACITY_TOKENS:
    case BK_SERIES_DEMAND_TOKENS:
    case BK_SERIES_REVENUE:
    case BK_SERIES_POWER_COST:
    case BK_SERIES_DEPRECIATION:
    case BK_SERIES_OTHER_OPEX:
    case BK_SERIES_EBIT:
    case BK_SERIES_TAX:
    case BK_SERIES_NOPAT:
    case BK_SERIES_CAPEX:
    case BK_SERIES_FCF:
    case BK_SERIES_CUM_FCF:
    case BK_N_SERIES:
    default:
      append_fixed (out, value, quantity_decimals (value), FALSE, TRUE);
      break;
    }
}

void
bk_format_metric_plain (GString  *out,
                        BkMetric  metric,
                        double    value)
{
  gsize start;

  g_return_if_fail (out != NULL);

  if (!isfinite (value))
    {
      g_string_append (out, "—");
      return;
    }

  start = out->len;
  if (metric == BK_METRIC_IRR || metric == BK_METRIC_ROI)
    g_string_append_printf (out, "%.1f%%", value * 100);
  else
    g_string_append_printf (out, "%.2f", value);

  /* "0.00", not "-0.00" */
  if (out->str[start] == '-' && strspn (out->str + start + 1, "0.,%") == out->len - start - 1)
    g_string_erase (out, start, 1);
}
