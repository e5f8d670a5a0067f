/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-number-dc.h — the C face of bk-number-dc.cc, for bk-number.c only */
#pragma once

#ifdef __cplusplus
extern "C" {
#endif

/* The most significant digits a double needs in decimal. */
#define BK_NUMBER_MAX_DIGITS 17

/* The shortest digits that read back as @value, which must be finite and
 * positive: 1 to BK_NUMBER_MAX_DIGITS ASCII digits and a NUL in @digits,
 * their count in @length; the value is 0.DIGITS × 10^@point.  Of several
 * shortest candidates, the one nearest to @value. */
void bk_number_shortest_digits (double  value,
                                char    digits[BK_NUMBER_MAX_DIGITS + 1],
                                int    *length,
                                int    *point);

#ifdef __cplusplus
}
#endif
