/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-number.c — a double as the shortest text that reads back exactly
 *
 * The digits come from double-conversion (bk-number-dc.cc) in one pass;
 * this file lays them out the way printf's %g would with just enough
 * precision: an exponent when the decimal exponent X is below -4 or at
 * least max(15, digits), plain decimals otherwise.  That is what the
 * earlier "%.15g, else %.16g, else %.17g" loop printed for every normal
 * double whose correctly rounded 15 or 16 digits read back, so documents,
 * JSON and CSV look as before; where that loop needed more digits than
 * necessary (subnormals, a few 16-digit values) the text is now shorter. */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "bk-number-dc.h"
#include "bk-number.h"

/* %g switches to an exponent at this many digits before the point. */
#define MIN_PRECISION 15

gsize
bk_number_format_shortest (char   buf[BK_NUMBER_BUF_SIZE],
                           double value)
{
  char digits[BK_NUMBER_MAX_DIGITS + 1];
  char *p = buf;
  int n, point, exponent;

  g_return_val_if_fail (buf != NULL, 0);

  if (isnan (value))
    return g_strlcpy (buf, "nan", BK_NUMBER_BUF_SIZE);
  if (isinf (value))
    return g_strlcpy (buf, value > 0 ? "inf" : "-inf", BK_NUMBER_BUF_SIZE);
  if (value == 0)
    return g_strlcpy (buf, "0", BK_NUMBER_BUF_SIZE);

  if (value < 0)
    *p++ = '-';

  bk_number_shortest_digits (fabs (value), digits, &n, &point);
  g_assert (n >= 1 && n <= BK_NUMBER_MAX_DIGITS);
  exponent = point - 1;

  if (exponent < -4 || exponent >= MAX (MIN_PRECISION, n))
    {
      /* d[.ddd]e±XX, the exponent with at least two digits */
      *p++ = digits[0];
      if (n > 1)
        {
          *p++ = '.';
          memcpy (p, digits + 1, (gsize) n - 1);
          p += n - 1;
        }
      p += snprintf (p, BK_NUMBER_BUF_SIZE - (gsize) (p - buf), "e%c%02d",
                     exponent < 0 ? '-' : '+', ABS (exponent));
    }
  else if (point <= 0)
    {
      /* 0.000ddd */
      *p++ = '0';
      *p++ = '.';
      memset (p, '0', (gsize) -point);
      p += -point;
      memcpy (p, digits, (gsize) n);
      p += n;
    }
  else if (point >= n)
    {
      /* ddd000 */
      memcpy (p, digits, (gsize) n);
      p += n;
      memset (p, '0', (gsize) (point - n));
      p += point - n;
    }
  else
    {
      /* ddd.ddd */
      memcpy (p, digits, (gsize) point);
      p += point;
      *p++ = '.';
      memcpy (p, digits + point, (gsize) (n - point));
      p += n - point;
    }

  *p = '\0';
  g_assert (p - buf < BK_NUMBER_BUF_SIZE);
  return (gsize) (p - buf);
}
