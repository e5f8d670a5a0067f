/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-number-dc.cc — the shortest round-trip digits of a double, from
 * Google's double-conversion (Grisu with an exact bignum fallback); the
 * only C++ in Breakeven, wrapped so that bk-number.c stays C. */

#include <double-conversion/double-conversion.h>

#include "bk-number-dc.h"

using double_conversion::DoubleToStringConverter;

static_assert (BK_NUMBER_MAX_DIGITS == DoubleToStringConverter::kBase10MaximalLength,
               "BK_NUMBER_MAX_DIGITS must match double-conversion");

void
bk_number_shortest_digits (double  value,
                           char    digits[BK_NUMBER_MAX_DIGITS + 1],
                           int    *length,
                           int    *point)
{
  bool negative;

  DoubleToStringConverter::DoubleToAscii (value, DoubleToStringConverter::SHORTEST, 0,
                                          digits, BK_NUMBER_MAX_DIGITS + 1,
                                          &negative, length, point);
}
