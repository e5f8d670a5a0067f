/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-number.h — a double as the shortest text that reads back exactly */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Room for any text bk_number_format_shortest() writes, with its NUL
 * ("-2.2250738585072014e-308" is the longest kind: 24 characters). */
#define BK_NUMBER_BUF_SIZE 32

/* Writes into @buf the shortest decimal text that g_ascii_strtod() (or any
 * correct strtod) reads back as exactly @value, and returns its length.
 * Always the C locale: '.' as the decimal point, no grouping.  The style is
 * printf's %g with as many significant digits as needed and at least 15
 * before it switches to an exponent: "0.1", "145", "100000000000000",
 * "1e+15", "1.2345678901234568e+20", "0.0001", "1e-05", "5e-324".  Zero of
 * either sign is "0"; NaN is "nan" and the infinities are "inf" and "-inf"
 * (callers writing JSON or CSV check isfinite() first). */
gsize       bk_number_format_shortest (char    buf[BK_NUMBER_BUF_SIZE],
                                       double  value);

G_END_DECLS
