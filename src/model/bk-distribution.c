/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-distribution.c — the uncertainty of a driver: parsing what a person
 * types, sampling, and writing it back as text.
 *
 * Two texts: the canonical spec ("3 to 7", C-locale numbers), which files,
 * JSON and the command line keep in every language, and the display form
 * in the user's language and numbers ("3 至 7" in zh_CN), which the window
 * shows.  The parser reads both, so what a cell shows can be typed back.
 *
 * Samples are drawn by inversion with one uniform number each: the
 * triangular and uniform distribution functions invert in closed form; the
 * truncated normal maps the uniform into [Φ(α), Φ(β)] and inverts Φ with
 * Acklam's rational approximation refined by one Halley step (relative
 * error about 1e-15).  When the truncation interval lies in the upper tail
 * it is reflected into the lower one, where Φ keeps its precision. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "bk-distribution.h"
#include "bk-engine-inputs.h"
#include "bk-format.h"
#include "bk-number.h"
#include "bk-text.h"

/* Parsing */

static void
set_syntax_error (GError     **error,
                  const char  *text)
{
  g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
               _("“%s” is not an uncertainty; type LOW to HIGH (triangular), N(MEAN, SD) (normal), "
                 "U(LOW, HIGH) (uniform) or none"),
               text);
}

/* One number in the driver's unit: "0.6", "60%", "−5%". */
static gboolean
parse_number (const char            *text,
              const BkNumberLocale  *locale,
              const char            *spec,
              double                *value,
              GError               **error)
{
  g_autofree char *s = bk_text_strip_blank (text);
  gboolean ok = bk_input_parse_plain_number (s, locale, value);

  if (!ok)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                   /* Translators: "“0.1 to x”: “x” is not a number; type a number like 0.25 or 25%" */
                   _("“%s”: “%s” is not a number; type a number like 0.25 or 25%%"),
                   spec, s);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_value (BkAssumption   driver,
             const char    *spec,
             double         value,
             GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  if (bk_assumption_check (driver, value, &local_error))
    return TRUE;

  g_set_error (error, BK_ERROR, BK_ERROR_OUT_OF_RANGE,
               /* Translators: "“0.5 to 1.2”: utilization: 1.2 is not valid; expected …" */
               _("“%s”: %s"), spec, local_error->message);
  return FALSE;
}

/* The word between the ends of a triangular range as the window shows it,
 * "to" in English */
static const char *
display_to (void)
{
  /* Translators: the word between the two ends of a driver's uncertainty
   * range, as the Assumptions page shows it and people type it: "3 to 7".
   * Files keep "to" in every language, and "to" is always understood too. */
  return C_("uncertainty range", "to");
}

static gboolean
is_blank_before (const char *s,
                 const char *p)
{
  return p > s && bk_text_is_blank (g_utf8_get_char (g_utf8_prev_char (p)));
}

/* "LOW to HIGH": where the separator between the ends is, with its length
 * in @len, or NULL.  A separator made of letters ("to", or the translated
 * word when it has letters) stands between blanks; the others (至 到 ~ ～ –)
 * need none: "3至7", "3~7", "3–7". */
static const char *
find_to (const char *s,
         gsize      *len)
{
  const char *words[] = { "to", display_to (), "至", "到", "~", "～", "–" };

  /* The first character is the low end's, even when it is a sign */
  for (const char *p = g_utf8_next_char (s); *p != '\0'; p = g_utf8_next_char (p))
    for (guint i = 0; i < G_N_ELEMENTS (words); i++)
      {
        gsize n = strlen (words[i]);
        gboolean letters = g_unichar_isalpha (g_utf8_get_char (words[i])) &&
                           !g_unichar_iswide (g_utf8_get_char (words[i]));

        if (n == 0 || g_ascii_strncasecmp (p, words[i], n) != 0)
          continue;
        if (letters && (!is_blank_before (s, p) || !bk_text_is_blank (g_utf8_get_char (p + n))))
          continue;
        if (p[n] == '\0')
          continue;
        *len = n;
        return p;
      }
  return NULL;
}

/* "none", "无" or the translation of "none" */
static gboolean
is_none (const char *s)
{
  return g_ascii_strcasecmp (s, "none") == 0 || g_str_equal (s, "无") ||
         g_str_equal (s, C_("uncertainty", "none"));
}

gboolean
bk_distribution_parse (const char            *text,
                       BkAssumption           driver,
                       const BkNumberLocale  *locale,
                       BkDistribution       **out,
                       GError               **error)
{
  g_autofree char *s = NULL;
  g_autoptr(BkDistribution) d = NULL;
  const char *to;
  gsize len, to_len = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (driver < BK_N_ASSUMPTIONS, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *out = NULL;

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                           _("The text is not valid UTF-8"));
      return FALSE;
    }

  if (!bk_driver_check (driver, error))
    return FALSE;

  s = bk_text_strip_blank (text);
  len = strlen (s);
  if (len == 0 || is_none (s))
    return TRUE;

  d = g_new0 (BkDistribution, 1);

  if (len > 3 && (s[0] == 'N' || s[0] == 'n' || s[0] == 'U' || s[0] == 'u') &&
      s[1] == '(' && s[len - 1] == ')')
    {
      g_autofree char *args = g_strndup (s + 2, len - 3);
      g_auto(GStrv) parts = g_strsplit (args, strchr (args, ';') ? ";" : ",", -1);

      if (g_strv_length (parts) != 2)
        {
          set_syntax_error (error, s);
          return FALSE;
        }
      if (!parse_number (parts[0], locale, s, &d->a, error) ||
          !parse_number (parts[1], locale, s, &d->b, error))
        return FALSE;

      d->kind = g_ascii_tolower (s[0]) == 'n' ? BK_DISTRIBUTION_NORMAL : BK_DISTRIBUTION_UNIFORM;
    }
  else if ((to = find_to (s, &to_len)) != NULL)
    {
      g_autofree char *low = g_strndup (s, to - s);

      if (!parse_number (low, locale, s, &d->a, error) ||
          !parse_number (to + to_len, locale, s, &d->b, error))
        return FALSE;
      d->kind = BK_DISTRIBUTION_TRIANGULAR;
    }
  else
    {
      set_syntax_error (error, s);
      return FALSE;
    }

  if (!check_value (driver, s, d->a, error))
    return FALSE;

  if (d->kind == BK_DISTRIBUTION_NORMAL)
    {
      if (!(d->b >= 0))
        {
          g_set_error (error, BK_ERROR, BK_ERROR_OUT_OF_RANGE,
                       _("“%s”: the standard deviation must be 0 or more"), s);
          return FALSE;
        }
    }
  else
    {
      if (!check_value (driver, s, d->b, error))
        return FALSE;
      if (d->a > d->b)
        {
          g_set_error (error, BK_ERROR, BK_ERROR_OUT_OF_RANGE,
                       _("“%s”: the low end is above the high end"), s);
          return FALSE;
        }
    }

  *out = g_steal_pointer (&d);
  return TRUE;
}

char *
bk_distribution_to_string (const BkDistribution *self)
{
  char a[BK_NUMBER_BUF_SIZE], b[BK_NUMBER_BUF_SIZE];

  if (self == NULL)
    return g_strdup ("none");

  bk_number_format_shortest (a, self->a);
  bk_number_format_shortest (b, self->b);

  switch (self->kind)
    {
    case BK_DISTRIBUTION_TRIANGULAR: return g_strdup_printf ("%s to %s", a, b);
    case BK_DISTRIBUTION_NORMAL:     return g_strdup_printf ("N(%s, %s)", a, b);
    case BK_DISTRIBUTION_UNIFORM:    return g_strdup_printf ("U(%s, %s)", a, b);
    default:
      g_return_val_if_reached (NULL);
    }
}

char *
bk_distribution_to_display (const BkDistribution *self)
{
  g_autoptr(GString) a = g_string_new (NULL);
  g_autoptr(GString) b = g_string_new (NULL);
  BkNumberLocale locale;
  const char *comma;

  if (self == NULL)
    return g_strdup (C_("uncertainty", "none"));

  bk_format_number_exact (a, self->a);
  bk_format_number_exact (b, self->b);
  /* With decimal commas the arguments are separated by ';', as typed */
  bk_number_locale_init_current (&locale);
  comma = strchr (locale.decimal_point, ',') != NULL ? "; " : ", ";

  switch (self->kind)
    {
    case BK_DISTRIBUTION_TRIANGULAR: return g_strdup_printf ("%s %s %s", a->str, display_to (), b->str);
    case BK_DISTRIBUTION_NORMAL:     return g_strdup_printf ("N(%s%s%s)", a->str, comma, b->str);
    case BK_DISTRIBUTION_UNIFORM:    return g_strdup_printf ("U(%s%s%s)", a->str, comma, b->str);
    default:
      g_return_val_if_reached (NULL);
    }
}

char *
bk_distribution_spec_to_display (const char   *spec,
                                 BkAssumption  driver)
{
  g_autoptr(BkDistribution) d = NULL;
  BkNumberLocale c_locale;

  g_return_val_if_fail (spec != NULL, NULL);

  bk_number_locale_init_c (&c_locale);
  if (!bk_distribution_parse (spec, driver, &c_locale, &d, NULL))
    return g_strdup (spec);
  return bk_distribution_to_display (d);
}

BkDistribution *
bk_distribution_copy (const BkDistribution *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_memdup2 (self, sizeof *self);
}

void
bk_distribution_free (BkDistribution *self)
{
  g_free (self);
}

/* Sampling */

static double
phi (double z)
{
  return 0.5 * erfc (-z * G_SQRT2 / 2);
}

static double
density (double z)
{
  return isfinite (z) ? exp (-0.5 * z * z) / sqrt (2 * G_PI) : 0;
}

/* Φ⁻¹(p) for p in (0, 1) */
static double
phi_inverse (double p)
{
  static const double a[] = { -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                              1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00 };
  static const double b[] = { -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                              6.680131188771972e+01, -1.328068155288572e+01 };
  static const double c[] = { -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                              -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00 };
  static const double d[] = { 7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                              3.754408661907416e+00 };
  const double p_low = 0.02425;
  double x, e, u;

  if (p < p_low || p > 1 - p_low)
    {
      double q = sqrt (-2 * log (p < p_low ? p : 1 - p));

      x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
          ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
      if (p > 1 - p_low)
        x = -x;
    }
  else
    {
      double q = p - 0.5, r = q * q;

      x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
          (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }

  /* One Halley step on Φ(x) − p */
  e = phi (x) - p;
  u = e * sqrt (2 * G_PI) * exp (x * x / 2);
  return x - u / (1 + x * u / 2);
}

/* The truncation interval of N(mean, sd) in standard units. */
static void
normal_bounds (const BkDistribution *self,
               BkAssumption          driver,
               double               *alpha,
               double               *beta)
{
  double lo, hi;

  bk_assumption_get_range (driver, &lo, &hi, NULL, NULL);
  *alpha = (lo - self->a) / self->b;
  *beta = (hi - self->a) / self->b;
}

static double
sample_normal (const BkDistribution *self,
               BkAssumption          driver,
               double                u)
{
  double alpha, beta, p_lo, p_hi, z;
  gboolean flip;

  if (self->b == 0)
    return self->a;

  normal_bounds (self, driver, &alpha, &beta);
  flip = alpha > 0;
  if (flip)
    {
      double t = alpha;

      alpha = -beta;
      beta = -t;
    }
  p_lo = phi (alpha);
  p_hi = phi (beta);
  z = phi_inverse (p_lo + u * (p_hi - p_lo));
  z = CLAMP (z, alpha, beta);
  if (flip)
    z = -z;

  return bk_assumption_clamp (driver, self->a + self->b * z);
}

double
bk_distribution_sample (const BkDistribution *self,
                        BkAssumption          driver,
                        double                current,
                        BkRng                *rng)
{
  double u, a, b, c;

  g_return_val_if_fail (self != NULL, NAN);
  g_return_val_if_fail (rng != NULL, NAN);

  u = bk_rng_uniform (rng);
  a = self->a;
  b = self->b;

  switch (self->kind)
    {
    case BK_DISTRIBUTION_TRIANGULAR:
      if (a == b)
        return a;
      c = CLAMP (current, a, b);
      if (u < (c - a) / (b - a))
        return a + sqrt (u * (b - a) * (c - a));
      return b - sqrt ((1 - u) * (b - a) * (b - c));

    case BK_DISTRIBUTION_UNIFORM:
      return a + u * (b - a);

    case BK_DISTRIBUTION_NORMAL:
      return sample_normal (self, driver, u);

    default:
      g_return_val_if_reached (NAN);
    }
}

double
bk_distribution_get_mean (const BkDistribution *self,
                          BkAssumption          driver,
                          double                current)
{
  double alpha, beta;

  g_return_val_if_fail (self != NULL, NAN);

  switch (self->kind)
    {
    case BK_DISTRIBUTION_TRIANGULAR:
      return (self->a + self->b + CLAMP (current, self->a, self->b)) / 3;

    case BK_DISTRIBUTION_UNIFORM:
      return (self->a + self->b) / 2;

    case BK_DISTRIBUTION_NORMAL:
      if (self->b == 0)
        return self->a;
      normal_bounds (self, driver, &alpha, &beta);
      return self->a + self->b * (density (alpha) - density (beta)) / (phi (beta) - phi (alpha));

    default:
      g_return_val_if_reached (NAN);
    }
}
