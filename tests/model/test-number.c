/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-number.c — bk_number_format_shortest(): the shortest text that reads
 * back as exactly the same double, in the style the files have always had */

#include "config.h"

#include <float.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "bk-number.h"

static double
from_bits (guint64 bits)
{
  union { guint64 bits; double value; } u = { .bits = bits };

  return u.value;
}

static double
random_bits (void)
{
  return from_bits (((guint64) g_test_rand_int () << 32) | (guint32) g_test_rand_int ());
}

/* What Breakeven wrote before double-conversion: the first of %.15g, %.16g
 * and %.17g that reads back. */
static void
format_legacy (char   buf[G_ASCII_DTOSTR_BUF_SIZE],
               double value)
{
  static const char * const formats[] = { "%.15g", "%.16g", "%.17g" };

  if (value == 0)
    {
      strcpy (buf, "0");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buf, G_ASCII_DTOSTR_BUF_SIZE, formats[i], value);
      if (g_ascii_strtod (buf, NULL) == value)
        return;
    }
}

/* Reads back exactly, reports its length, and is what the old loop wrote,
 * or shorter. */
static void
check_value (double value)
{
  char buf[BK_NUMBER_BUF_SIZE];
  char legacy[G_ASCII_DTOSTR_BUF_SIZE];
  gsize len;

  memset (buf, 'x', sizeof buf);
  len = bk_number_format_shortest (buf, value);
  g_assert_cmpuint (len, ==, strlen (buf));
  g_assert_cmpuint (len, <, BK_NUMBER_BUF_SIZE);

  if (g_ascii_strtod (buf, NULL) != value)
    g_error ("%s does not read back as %.17g", buf, value);

  format_legacy (legacy, value);
  if (strcmp (buf, legacy) != 0 && len >= strlen (legacy))
    g_error ("%.17g: %s differs from %s and is not shorter", value, buf, legacy);
}

static void
check_text (double      value,
            const char *expected)
{
  char buf[BK_NUMBER_BUF_SIZE];

  bk_number_format_shortest (buf, value);
  g_assert_cmpstr (buf, ==, expected);
}

/* Moved from test-json.c, where bk_format_double_exact() used to live. */
static void
test_shortest_as_before (void)
{
  static const double values[] = {
    0.35, 0.1, 0.2, 0.3, 0.30000000000000004, 1.0 / 3, 2.0 / 3, 28.1, 64.55, 198.00000000000003,
    1e-7, 1e21, 123456789.123, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, -0.5, -1e-300,
    0.1 + 0.7, 100, 1234567890123456789.0, 4.35, 0.061, 0.148, 216.775,
  };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      char buf[BK_NUMBER_BUF_SIZE];
      char shortest[G_ASCII_DTOSTR_BUF_SIZE];

      bk_number_format_shortest (buf, values[i]);
      /* reads back exactly */
      g_assert_cmpfloat (g_ascii_strtod (buf, NULL), ==, values[i]);
      /* as short as %.17g can be while reading back exactly */
      for (int digits = 1; digits <= 17; digits++)
        {
          char format[8];

          g_snprintf (format, sizeof format, "%%.%dg", digits);
          g_ascii_formatd (shortest, sizeof shortest, format, values[i]);
          if (g_ascii_strtod (shortest, NULL) == values[i])
            break;
        }
      /* (subnormal numbers carry fewer digits; round-tripping is enough) */
      if (fabs (values[i]) >= DBL_MIN && strlen (buf) > strlen (shortest))
        g_error ("%s is longer than %s", buf, shortest);
      /* valid JSON number: no "inf", no locale comma */
      g_assert_null (strchr (buf, ','));
    }

  {
    char buf[BK_NUMBER_BUF_SIZE];

    bk_number_format_shortest (buf, 0.35);
    g_assert_cmpstr (buf, ==, "0.35");
    bk_number_format_shortest (buf, 0);
    g_assert_cmpstr (buf, ==, "0");
    bk_number_format_shortest (buf, 145);
    g_assert_cmpstr (buf, ==, "145");
  }
}

static void
test_known (void)
{
  check_text (0.1, "0.1");
  check_text (0.35, "0.35");
  check_text (0.1 + 0.2, "0.30000000000000004");
  check_text (1.0 / 3, "0.3333333333333333");
  check_text (198.00000000000003, "198.00000000000003");
  check_text (145, "145");
  check_text (-0.5, "-0.5");
  check_text (1.39, "1.39");
  check_text (0.9, "0.9");
  /* integers stay plain up to 15 digits, or as many as they need */
  check_text (100, "100");
  check_text (1e14, "100000000000000");
  check_text (123456789012345, "123456789012345");
  check_text (1234567890123456, "1234567890123456");
  check_text (9007199254740993.0, "9007199254740992");
  check_text (12345678901234567.0, "12345678901234568");
  /* then an exponent, as printf's %g writes it: a sign, two digits at least */
  check_text (1e15, "1e+15");
  check_text (1e21, "1e+21");
  check_text (123456789012345680000.0, "1.2345678901234568e+20");
  check_text (1e100, "1e+100");
  check_text (DBL_MAX, "1.7976931348623157e+308");
  check_text (-DBL_MAX, "-1.7976931348623157e+308");
  /* small numbers: plain down to 1e-4, then an exponent */
  check_text (0.0001, "0.0001");
  check_text (0.00012345, "0.00012345");
  check_text (1e-5, "1e-05");
  check_text (1e-7, "1e-07");
  check_text (DBL_MIN, "2.2250738585072014e-308");
  check_text (-DBL_MIN, "-2.2250738585072014e-308");
  /* subnormals: the shortest digits, where %.15g wrote 4.94065645841247e-324 */
  check_text (5e-324, "5e-324");
  check_text (from_bits (1), "5e-324");
  check_text (-from_bits (2), "-1e-323");
  check_text (from_bits (G_GUINT64_CONSTANT (0x000fffffffffffff)), "2.225073858507201e-308");
  /* both zeros are "0", never "-0" */
  check_text (0.0, "0");
  check_text (-0.0, "0");
}

/* The longest texts fit with room to spare. */
static void
test_longest (void)
{
  static const double values[] = {
    -2.2250738585072014e-308, -1.7976931348623157e308, -0.00012345678901234567,
    -1.2345678901234567e-100, -12345678901234568.0, -0.0001,
  };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    check_value (values[i]);
}

static void
test_round_trip_random (void)
{
  for (guint i = 0; i < 200000; i++)
    {
      double value = random_bits ();

      if (isfinite (value))
        check_value (value);
    }

  for (guint i = 0; i < 20000; i++)
    {
      check_value (g_test_rand_double ());
      check_value (g_test_rand_double_range (-1e6, 1e6));
      /* short decimals, the usual content of a workbook: 1 to 17 digits */
      {
        char text[G_ASCII_DTOSTR_BUF_SIZE];
        char format[8];
        double value = g_test_rand_double_range (0.5, 10) * pow (10, g_test_rand_int_range (-30, 30));

        g_snprintf (format, sizeof format, "%%.%dg", g_test_rand_int_range (1, 18));
        g_ascii_formatd (text, sizeof text, format, value);
        check_value (g_ascii_strtod (text, NULL));
      }
    }
}

static void
test_round_trip_edges (void)
{
  static const double values[] = {
    DBL_MAX, -DBL_MAX, DBL_MIN, -DBL_MIN, DBL_EPSILON, 1 + DBL_EPSILON, 1 - DBL_EPSILON / 2,
    0.1 + 0.2, 0.1 + 0.7, 1e23, 8.41e21, 5e-324, 2.2250738585072011e-308,
    9007199254740991.0, 9007199254740992.0, 9007199254740994.0, 4.35, 0.061, 216.775,
  };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      check_value (values[i]);
      check_value (-values[i]);
      check_value (nextafter (values[i], 0));
      check_value (nextafter (values[i], INFINITY));
    }

  /* every subnormal size, every power of two and its neighbours */
  for (int bit = 0; bit < 52; bit++)
    {
      check_value (from_bits (G_GUINT64_CONSTANT (1) << bit));
      check_value (from_bits ((G_GUINT64_CONSTANT (1) << bit) - 1 + (bit == 0)));
      check_value (from_bits (g_test_rand_int_range (1, G_MAXINT32) & ((G_GUINT64_CONSTANT (1) << bit) | 1)));
    }
  for (int e = -1074; e <= 1023; e++)
    {
      double p = ldexp (1, e);

      check_value (p);
      check_value (nextafter (p, 0));
      check_value (nextafter (p, INFINITY));
    }

  /* integers */
  for (gint64 n = -100000; n <= 100000; n++)
    check_value ((double) n);
  for (int k = 0; k <= 62; k++)
    {
      check_value ((double) (G_GINT64_CONSTANT (1) << k));
      check_value ((double) ((G_GINT64_CONSTANT (1) << k) + 1));
      check_value (pow (10, k));
      check_value (pow (10, k) - 1);
    }

  /* the negative zero reads back as a zero */
  {
    char buf[BK_NUMBER_BUF_SIZE];

    bk_number_format_shortest (buf, -0.0);
    g_assert_cmpfloat (g_ascii_strtod (buf, NULL), ==, 0.0);
  }
}

/* Callers writing JSON or CSV check isfinite() first; the text of the
 * non-finite values still reads back as what it was. */
static void
test_not_finite (void)
{
  char buf[BK_NUMBER_BUF_SIZE];

  g_assert_cmpuint (bk_number_format_shortest (buf, NAN), ==, 3);
  g_assert_cmpstr (buf, ==, "nan");
  g_assert_true (isnan (g_ascii_strtod (buf, NULL)));
  bk_number_format_shortest (buf, -NAN);
  g_assert_cmpstr (buf, ==, "nan");
  g_assert_cmpuint (bk_number_format_shortest (buf, INFINITY), ==, 3);
  g_assert_cmpstr (buf, ==, "inf");
  g_assert_cmpfloat (g_ascii_strtod (buf, NULL), ==, INFINITY);
  g_assert_cmpuint (bk_number_format_shortest (buf, -INFINITY), ==, 4);
  g_assert_cmpstr (buf, ==, "-inf");
  g_assert_cmpfloat (g_ascii_strtod (buf, NULL), ==, -INFINITY);
}

/* A locale with a decimal comma changes nothing. */
static void
test_locale (void)
{
  static const char * const locales[] = { "de_DE.UTF-8", "fr_FR.UTF-8" };
  guint tried = 0;

  for (guint i = 0; i < G_N_ELEMENTS (locales); i++)
    {
      char buf[BK_NUMBER_BUF_SIZE];

      if (setlocale (LC_ALL, locales[i]) == NULL)
        continue;
      tried++;

      check_text (1234.5, "1234.5");
      check_text (-0.25, "-0.25");
      check_text (1.5e-7, "1.5e-07");
      bk_number_format_shortest (buf, 1e6 + 0.5);
      g_assert_null (strchr (buf, ','));
      g_assert_cmpstr (buf, ==, "1000000.5");
    }
  setlocale (LC_ALL, "C");

  if (tried == 0)
    g_test_skip ("neither de_DE.UTF-8 nor fr_FR.UTF-8 is installed");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/number/shortest/as-before", test_shortest_as_before);
  g_test_add_func ("/number/shortest/known", test_known);
  g_test_add_func ("/number/shortest/longest", test_longest);
  g_test_add_func ("/number/shortest/round-trip-random", test_round_trip_random);
  g_test_add_func ("/number/shortest/round-trip-edges", test_round_trip_edges);
  g_test_add_func ("/number/shortest/not-finite", test_not_finite);
  g_test_add_func ("/number/shortest/locale", test_locale);

  return g_test_run ();
}
