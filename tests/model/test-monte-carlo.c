/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-monte-carlo.c — random streams, uncertainty specs and the Monte
 * Carlo simulation: reproducible whatever the thread count, exact when
 * nothing is uncertain, unbiased on a case with a known mean, cancellable. */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "bk-engine.h"
#include "bk-json.h"
#include "bk-metric.h"
#include "bk-monte-carlo.h"
#include "bk-test-simulation.h"
#include "bk-workbook-private.h"

static BkWorkbook *
load_worked_example (void)
{
  g_autofree char *path = g_build_filename (TOP_SRCDIR, "tests", "data", "worked-example.json", NULL);
  g_autoptr(GError) error = NULL;
  BkWorkbook *wb = bk_json_read_workbook_file (path, &error);

  g_assert_no_error (error);
  return wb;
}

static BkWorkbook *
load_sample (void)
{
  g_autoptr(GError) error = NULL;
  BkWorkbook *wb = bk_json_read_sample (&error);

  g_assert_no_error (error);
  return wb;
}

static BkDistribution *
parse_ok (const char   *text,
          BkAssumption  driver)
{
  g_autoptr(GError) error = NULL;
  BkDistribution *d = NULL;
  BkNumberLocale c;

  bk_number_locale_init_c (&c);
  g_assert_true (bk_distribution_parse (text, driver, &c, &d, &error));
  g_assert_no_error (error);
  return d;
}

/* Driver key → distribution, from "key", "spec", …, NULL */
static GHashTable *
distributions (const char *first,
               ...)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) bk_distribution_free);
  va_list ap;

  va_start (ap, first);
  for (const char *key = first; key != NULL; key = va_arg (ap, const char *))
    {
      const char *spec = va_arg (ap, const char *);
      BkAssumption a;

      g_assert_true (bk_assumption_from_key (key, &a));
      g_hash_table_insert (table, g_strdup (key), parse_ok (spec, a));
    }
  va_end (ap);

  return table;
}

static BkMonteCarloResult *
simulate (BkEngineInputs *inputs,
          GHashTable     *dists,
          guint           trials,
          guint64         seed,
          guint           threads,
          int             company)
{
  g_autoptr(GError) error = NULL;
  BkMonteCarloParams params;
  BkMonteCarloResult *result;

  bk_monte_carlo_params_init (&params);
  params.trials = trials;
  params.seed = seed;
  params.threads = threads;
  params.company = company;
  result = bk_monte_carlo_run (inputs, dists, &params, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

/* Random streams */

static void
test_rng_reference (void)
{
  /* splitmix64 and xoshiro256** against their authors' reference code */
  static const guint64 splitmix[] = {
    G_GUINT64_CONSTANT (6457827717110365317), G_GUINT64_CONSTANT (3203168211198807973),
    G_GUINT64_CONSTANT (9817491932198370423), G_GUINT64_CONSTANT (4593380528125082431),
    G_GUINT64_CONSTANT (16408922859458223821),
  };
  static const guint64 xoshiro[] = {
    11520, 0, 1509978240, G_GUINT64_CONSTANT (1215971899390074240),
  };
  /* Stream 3 of seed 7, computed independently from the definition in bk-rng.c */
  static const guint64 stream[] = {
    G_GUINT64_CONSTANT (9247734648865198811), G_GUINT64_CONSTANT (4312161317441493479),
    G_GUINT64_CONSTANT (796828188192397589),
  };
  guint64 state = 1234567;
  BkRng rng = { { 1, 2, 3, 4 } };

  for (guint i = 0; i < G_N_ELEMENTS (splitmix); i++)
    g_assert_cmpuint (bk_splitmix64 (&state), ==, splitmix[i]);
  for (guint i = 0; i < G_N_ELEMENTS (xoshiro); i++)
    g_assert_cmpuint (bk_rng_next (&rng), ==, xoshiro[i]);
  bk_rng_init (&rng, 7, 3);
  for (guint i = 0; i < G_N_ELEMENTS (stream); i++)
    g_assert_cmpuint (bk_rng_next (&rng), ==, stream[i]);
}

static void
test_rng_streams (void)
{
  BkRng a, b;
  double sum = 0;

  bk_rng_init (&a, 42, 0);
  bk_rng_init (&b, 42, 0);
  for (guint i = 0; i < 100; i++)
    g_assert_cmpuint (bk_rng_next (&a), ==, bk_rng_next (&b));

  bk_rng_init (&a, 42, 0);
  bk_rng_init (&b, 42, 1);
  g_assert_cmpuint (bk_rng_next (&a), !=, bk_rng_next (&b));
  bk_rng_init (&b, 43, 0);
  bk_rng_init (&a, 42, 0);
  g_assert_cmpuint (bk_rng_next (&a), !=, bk_rng_next (&b));

  for (guint i = 0; i < 100000; i++)
    {
      double u = bk_rng_uniform (&a);

      g_assert_cmpfloat (u, >, 0);
      g_assert_cmpfloat (u, <, 1);
      sum += u;
    }
  /* mean 1/2, standard error 1/√(12 · 100000) ≈ 0.0009 */
  g_assert_cmpfloat (fabs (sum / 100000 - 0.5), <, 0.004);
}

/* Uncertainty specs */

static void
test_parse_accepts (void)
{
  struct {
    const char        *text;
    BkAssumption       driver;
    BkDistributionKind kind;
    double             a, b;
    const char        *written;
  } cases[] = {
    { "0.1 to 0.6", BK_ASSUMPTION_PRICE_DECLINE, BK_DISTRIBUTION_TRIANGULAR, 0.1, 0.6, "0.1 to 0.6" },
    { "  10% TO 60% ", BK_ASSUMPTION_PRICE_DECLINE, BK_DISTRIBUTION_TRIANGULAR, 0.1, 0.6, "0.1 to 0.6" },
    { "-5% to 0.2", BK_ASSUMPTION_TAIL_GROWTH, BK_DISTRIBUTION_TRIANGULAR, -0.05, 0.2, "-0.05 to 0.2" },
    { "4 to 8", BK_ASSUMPTION_IT_LIFE_YEARS, BK_DISTRIBUTION_TRIANGULAR, 4, 8, "4 to 8" },
    { "N(0.7, 0.1)", BK_ASSUMPTION_UTILIZATION, BK_DISTRIBUTION_NORMAL, 0.7, 0.1, "N(0.7, 0.1)" },
    { "n(70%;10%)", BK_ASSUMPTION_UTILIZATION, BK_DISTRIBUTION_NORMAL, 0.7, 0.1, "N(0.7, 0.1)" },
    { "N(1, 0)", BK_ASSUMPTION_PRICE_PER_MTOK, BK_DISTRIBUTION_NORMAL, 1, 0, "N(1, 0)" },
    { "U(40, 120)", BK_ASSUMPTION_POWER_PRICE, BK_DISTRIBUTION_UNIFORM, 40, 120, "U(40, 120)" },
    { "u( 1,000 ; 2,000 )", BK_ASSUMPTION_POWER_PRICE, BK_DISTRIBUTION_UNIFORM, 1000, 2000, "U(1000, 2000)" },
    { "U(0.35, 0.35)", BK_ASSUMPTION_UTILIZATION, BK_DISTRIBUTION_UNIFORM, 0.35, 0.35, "U(0.35, 0.35)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(BkDistribution) d = parse_ok (cases[i].text, cases[i].driver);
      g_autoptr(BkDistribution) again = NULL;
      g_autofree char *text = bk_distribution_to_string (d);

      g_assert_cmpint (d->kind, ==, cases[i].kind);
      g_assert_cmpfloat (d->a, ==, cases[i].a);
      g_assert_cmpfloat (d->b, ==, cases[i].b);
      g_assert_cmpstr (text, ==, cases[i].written);
      /* and it reads back */
      again = parse_ok (text, cases[i].driver);
      g_assert_cmpmem (again, sizeof *again, d, sizeof *d);
    }
}

static void
test_parse_none_and_locale (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BkDistribution) d = NULL;
  g_autofree char *none = bk_distribution_to_string (NULL);
  BkNumberLocale de = { ",", "." };
  const char *empty[] = { "", "  ", "none", " NONE " };

  g_assert_cmpstr (none, ==, "none");
  for (guint i = 0; i < G_N_ELEMENTS (empty); i++)
    {
      BkDistribution *nothing = (BkDistribution *) &error;  /* anything non-NULL */

      g_assert_true (bk_distribution_parse (empty[i], BK_ASSUMPTION_UTILIZATION, NULL, &nothing, &error));
      g_assert_no_error (error);
      g_assert_null (nothing);
    }

  /* Decimal commas in a German locale; ';' separates the arguments */
  g_assert_true (bk_distribution_parse ("0,1 to 0,6", BK_ASSUMPTION_PRICE_DECLINE, &de, &d, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (d->a, ==, 0.1);
  g_assert_cmpfloat (d->b, ==, 0.6);
  g_clear_pointer (&d, bk_distribution_free);
  g_assert_true (bk_distribution_parse ("N(0,5; 0,1)", BK_ASSUMPTION_UTILIZATION, &de, &d, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (d->a, ==, 0.5);
  g_assert_cmpfloat (d->b, ==, 0.1);
}

static void
test_parse_refuses (void)
{
  struct {
    const char   *text;
    BkAssumption  driver;
    int           code;
    const char   *reason;  /* part of the message */
  } cases[] = {
    { "0.6 to 0.1", BK_ASSUMPTION_PRICE_DECLINE, BK_ERROR_OUT_OF_RANGE, "low end is above the high end" },
    { "0.5 to 1.2", BK_ASSUMPTION_UTILIZATION, BK_ERROR_OUT_OF_RANGE, "utilization: 1.2 is not valid" },
    { "U(-1, 2)", BK_ASSUMPTION_POWER_PRICE, BK_ERROR_OUT_OF_RANGE, "power_price: -1 is not valid" },
    { "N(0.5, -0.1)", BK_ASSUMPTION_UTILIZATION, BK_ERROR_OUT_OF_RANGE, "standard deviation" },
    { "N(1.5, 0.1)", BK_ASSUMPTION_UTILIZATION, BK_ERROR_OUT_OF_RANGE, "1.5 is not valid" },
    { "U(1)", BK_ASSUMPTION_POWER_PRICE, BK_ERROR_INVALID_INPUT, "LOW to HIGH" },
    { "N(1, 2, 3)", BK_ASSUMPTION_POWER_PRICE, BK_ERROR_INVALID_INPUT, "N(MEAN, SD)" },
    { "cheap", BK_ASSUMPTION_POWER_PRICE, BK_ERROR_INVALID_INPUT, "is not an uncertainty" },
    { "1 to", BK_ASSUMPTION_POWER_PRICE, BK_ERROR_INVALID_INPUT, "is not an uncertainty" },
    { "1B to 2B", BK_ASSUMPTION_POWER_PRICE, BK_ERROR_INVALID_INPUT, "“1B” is not a number" },
    { "$1 to $2", BK_ASSUMPTION_POWER_PRICE, BK_ERROR_INVALID_INPUT, "is not a number" },
    { "=1 to 2", BK_ASSUMPTION_POWER_PRICE, BK_ERROR_INVALID_INPUT, "is not a number" },
    { "1 to 2", BK_ASSUMPTION_EXTRA_YEARS, BK_ERROR_INVALID_INPUT, "not a driver" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      BkDistribution *d = NULL;

      g_assert_false (bk_distribution_parse (cases[i].text, cases[i].driver, NULL, &d, &error));
      g_assert_null (d);
      g_assert_error (error, BK_ERROR, cases[i].code);
      if (strstr (error->message, cases[i].reason) == NULL)
        g_error ("“%s”: message “%s” does not say “%s”", cases[i].text, error->message, cases[i].reason);
    }
}

/* The display form (the window's) in the language of the moment, read back
 * to the same distribution there, with the file's spec unchanged */
typedef struct
{
  const char   *spec;     /* canonical, as files keep it */
  BkAssumption  driver;
  const char   *c;        /* shown in C */
  const char   *zh;       /* shown in zh_CN */
  const char   *de;       /* shown with German numbers */
} DisplayCase;

static const DisplayCase display_cases[] = {
  { "40 to 120", BK_ASSUMPTION_POWER_PRICE, "40 to 120", "40 至 120", "40 to 120" },
  { "0.1 to 0.6", BK_ASSUMPTION_UTILIZATION, "0.1 to 0.6", "0.1 至 0.6", "0,1 to 0,6" },
  { "-0.05 to 0.1", BK_ASSUMPTION_PRICE_DECLINE, "-0.05 to 0.1", "-0.05 至 0.1", "-0,05 to 0,1" },
  { "1.234 to 2", BK_ASSUMPTION_PRICE_PER_MTOK, "1.234 to 2", "1.234 至 2", "1,234 to 2" },
  { "N(0.7, 0.1)", BK_ASSUMPTION_UTILIZATION, "N(0.7, 0.1)", "N(0.7, 0.1)", "N(0,7; 0,1)" },
  { "U(1.5, 3)", BK_ASSUMPTION_PRICE_PER_MTOK, "U(1.5, 3)", "U(1.5, 3)", "U(1,5; 3)" },
  { "U(1000, 2000)", BK_ASSUMPTION_POWER_PRICE, "U(1000, 2000)", "U(1000, 2000)", "U(1000; 2000)" },
};

static void
check_display_round_trip (const char *language)
{
  for (guint i = 0; i < G_N_ELEMENTS (display_cases); i++)
    {
      const DisplayCase *c = &display_cases[i];
      g_autoptr(BkDistribution) d = parse_ok (c->spec, c->driver);
      g_autoptr(BkDistribution) again = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *shown = bk_distribution_to_display (d);
      g_autofree char *from_spec = bk_distribution_spec_to_display (c->spec, c->driver);
      g_autofree char *canonical = bk_distribution_to_string (d);
      const char *expected = g_str_equal (language, "zh_CN") ? c->zh : g_str_equal (language, "de") ? c->de : c->c;

      g_assert_cmpstr (shown, ==, expected);
      g_assert_cmpstr (from_spec, ==, expected);
      g_assert_cmpstr (canonical, ==, c->spec);
      /* typed back as shown, in the same language and numbers */
      g_assert_true (bk_distribution_parse (shown, c->driver, NULL, &again, &error));
      g_assert_no_error (error);
      g_assert_nonnull (again);
      g_assert_cmpmem (again, sizeof *again, d, sizeof *d);
    }
}

static void
test_display_c (void)
{
  g_autofree char *none = bk_distribution_to_display (NULL);

  check_display_round_trip ("C");
  g_assert_cmpstr (none, ==, "none");
  /* not a spec: shown as it is */
  {
    g_autofree char *odd = bk_distribution_spec_to_display ("cheap", BK_ASSUMPTION_POWER_PRICE);

    g_assert_cmpstr (odd, ==, "cheap");
  }
}

static void
test_display_zh_CN (void)
{
  g_autofree char *none = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) syntax = NULL;
  g_autoptr(GError) number = NULL;
  BkDistribution *nothing = (BkDistribution *) &error;  /* anything non-NULL */
  BkDistribution *d = NULL;

  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  g_assert_nonnull (setlocale (LC_ALL, "zh_CN.UTF-8"));
  check_display_round_trip ("zh_CN");
  none = bk_distribution_to_display (NULL);
  g_assert_true (bk_distribution_parse (none, BK_ASSUMPTION_UTILIZATION, NULL, &nothing, &error));
  g_assert_false (bk_distribution_parse ("便宜", BK_ASSUMPTION_POWER_PRICE, NULL, &d, &syntax));
  g_assert_false (bk_distribution_parse ("3 至 abc", BK_ASSUMPTION_POWER_PRICE, NULL, &d, &number));
  setlocale (LC_ALL, "C.UTF-8");
  g_unsetenv ("LANGUAGE");

  g_assert_cmpstr (none, ==, "无");
  g_assert_no_error (error);
  g_assert_null (nothing);
  g_assert_null (d);
  /* refusals in Chinese, with the form the window shows */
  g_assert_error (syntax, BK_ERROR, BK_ERROR_INVALID_INPUT);
  g_assert_cmpstr (syntax->message, ==,
                   "“便宜”不是有效的不确定性；请输入“下限 至 上限”（三角分布）、“N(均值, 标准差)”"
                   "（正态分布）、“U(下限, 上限)”（均匀分布）或“无”");
  g_assert_error (number, BK_ERROR, BK_ERROR_INVALID_INPUT);
  g_assert_cmpstr (number->message, ==, "“3 至 abc”：“abc”不是数字；请输入 0.25 或 25% 这样的数字");
}

static void
test_display_decimal_comma (void)
{
  g_autofree char *old = g_strdup (setlocale (LC_NUMERIC, NULL));

  /* build-aux/test generates this locale: its absence is a failure */
  g_assert_nonnull (setlocale (LC_NUMERIC, "de_DE.UTF-8"));
  check_display_round_trip ("de");
  setlocale (LC_NUMERIC, old);
}

/* What a Chinese analyst types between the ends, in any language */
static void
test_parse_separators (void)
{
  const char *forms[] = {
    "3 to 7", "3 TO 7", "3至7", "3 至 7", "3到7", "3 到 7", "3~7", "3 ~ 7", "3～7", "3 ～ 7",
    "3–7", "3 – 7", "\u30003 至\u30007\u3000", "300% 至 700%",
  };
  const char *refused[] = { "3至", "至7", "3 至 至 7", "3to7", "3 至 7 至 9", "3-7", "3—7" };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autoptr(BkDistribution) d = parse_ok (forms[i], BK_ASSUMPTION_PRICE_PER_MTOK);

      g_assert_cmpint (d->kind, ==, BK_DISTRIBUTION_TRIANGULAR);
      g_assert_cmpfloat (d->a, ==, 3);
      g_assert_cmpfloat (d->b, ==, 7);
    }

  {
    g_autoptr(BkDistribution) d = parse_ok ("\u22125%~5%", BK_ASSUMPTION_PRICE_DECLINE);
    g_autoptr(BkDistribution) e = parse_ok ("-0.1–-0.05", BK_ASSUMPTION_PRICE_DECLINE);
    g_autoptr(GError) error = NULL;
    BkDistribution *nothing = (BkDistribution *) &error;  /* anything non-NULL */

    g_assert_cmpfloat (d->a, ==, -0.05);
    g_assert_cmpfloat (d->b, ==, 0.05);
    g_assert_cmpfloat (e->a, ==, -0.1);
    g_assert_cmpfloat (e->b, ==, -0.05);
    /* "无" is none in every language, as "none" is */
    g_assert_true (bk_distribution_parse (" 无 ", BK_ASSUMPTION_UTILIZATION, NULL, &nothing, &error));
    g_assert_no_error (error);
    g_assert_null (nothing);
  }

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;
      BkDistribution *d = NULL;

      if (bk_distribution_parse (refused[i], BK_ASSUMPTION_PRICE_PER_MTOK, NULL, &d, &error))
        g_error ("“%s” was accepted", refused[i]);
      g_assert_null (d);
      g_assert_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT);
    }
}

/* Sampling */

static void
check_sample_mean (const char   *spec,
                   BkAssumption  driver,
                   double        current,
                   double        expected_mean)
{
  g_autoptr(BkDistribution) d = parse_ok (spec, driver);
  double lo, hi, sum = 0, squares = 0, mean, sd;
  guint n = 200000;
  BkRng rng;

  bk_assumption_get_range (driver, &lo, &hi, NULL, NULL);
  bk_rng_init (&rng, 1, 0);
  for (guint i = 0; i < n; i++)
    {
      double x = bk_distribution_sample (d, driver, current, &rng);

      g_assert_cmpfloat (x, >=, lo);
      g_assert_cmpfloat (x, <=, hi);
      if (d->kind != BK_DISTRIBUTION_NORMAL)
        {
          g_assert_cmpfloat (x, >=, d->a);
          g_assert_cmpfloat (x, <=, d->b);
        }
      sum += x;
      squares += x * x;
    }
  mean = sum / n;
  sd = sqrt (squares / n - mean * mean);

  g_assert_cmpfloat_with_epsilon (bk_distribution_get_mean (d, driver, current), expected_mean, 1e-9);
  /* within 5 standard errors */
  if (fabs (mean - expected_mean) > 5 * sd / sqrt (n))
    g_error ("%s: mean %.9g, expected %.9g (sd %.3g)", spec, mean, expected_mean, sd);
}

static void
test_sample (void)
{
  /* (a + b + c) / 3 with the mode at the current value, moved into [a, b] */
  check_sample_mean ("0.1 to 0.6", BK_ASSUMPTION_PRICE_DECLINE, 0.3, (0.1 + 0.6 + 0.3) / 3);
  check_sample_mean ("0.1 to 0.6", BK_ASSUMPTION_PRICE_DECLINE, 0.9, (0.1 + 0.6 + 0.6) / 3);
  check_sample_mean ("U(40, 120)", BK_ASSUMPTION_POWER_PRICE, 80, 80);
  /* Far from the bounds: the plain mean */
  check_sample_mean ("N(80, 5)", BK_ASSUMPTION_POWER_PRICE, 80, 80);
  /* Truncated to [0, 1]: mean + sd (φ(α) − φ(β)) / (Φ(β) − Φ(α)) */
  check_sample_mean ("N(0.9, 0.3)", BK_ASSUMPTION_UTILIZATION, 0.7, 0.7221807759532407);
  /* PUE ≥ 1 with a mean below it: the upper tail, reflected */
  check_sample_mean ("N(1, 0.2)", BK_ASSUMPTION_PUE, 1.2, 1 + 0.2 * sqrt (2 / G_PI));
}

static void
test_sample_degenerate (void)
{
  const char *specs[] = { "0.35 to 0.35", "N(0.35, 0)", "U(0.35, 0.35)" };
  BkRng rng;

  bk_rng_init (&rng, 9, 9);
  for (guint i = 0; i < G_N_ELEMENTS (specs); i++)
    {
      g_autoptr(BkDistribution) d = parse_ok (specs[i], BK_ASSUMPTION_UTILIZATION);

      for (guint k = 0; k < 1000; k++)
        g_assert_cmpfloat (bk_distribution_sample (d, BK_ASSUMPTION_UTILIZATION, 0.7, &rng), ==, 0.35);
    }
}

/* Simulation */

static void
test_reproducible (void)
{
  g_autoptr(BkWorkbook) wb = load_sample ();
  g_autoptr(BkEngineInputs) inputs = bk_engine_inputs_new (wb, BK_SCENARIO_BASE);
  g_autoptr(GHashTable) dists = distributions ("it_life_years", "4 to 8",
                                               "price_decline", "0.1 to 0.6",
                                               "utilization", "N(0.7, 0.15)",
                                               "tail_growth", "U(0, 0.4)", NULL);
  g_autoptr(BkMonteCarloResult) one = simulate (inputs, dists, 3000, 7, 1, -1);
  g_autoptr(BkMonteCarloResult) two = simulate (inputs, dists, 3000, 7, 2, -1);
  g_autoptr(BkMonteCarloResult) four = simulate (inputs, dists, 3000, 7, 4, -1);
  g_autoptr(BkMonteCarloResult) other = simulate (inputs, dists, 3000, 8, 2, -1);
  g_autoptr(BkMonteCarloResult) shorter = simulate (inputs, dists, 1000, 7, 2, -1);
  guint total = 0;

  g_assert_cmpuint (one->params.threads, ==, 1);
  g_assert_cmpuint (four->params.threads, ==, 4);
  bk_test_assert_same_simulation (one, two);
  bk_test_assert_same_simulation (one, four);

  /* Trial i is the same trial in a shorter run; another seed differs */
  g_assert_cmpmem (shorter->trial_npv, sizeof (double) * 1000, one->trial_npv, sizeof (double) * 1000);
  g_assert_cmpfloat (other->mean, !=, one->mean);
  g_assert_cmpfloat (other->trial_npv[0], !=, one->trial_npv[0]);

  /* Consistent statistics */
  g_assert_cmpfloat (one->sd, >, 0);
  g_assert_cmpfloat (one->npv[BK_PERCENTILE_5], <, one->npv[BK_PERCENTILE_25]);
  g_assert_cmpfloat (one->npv[BK_PERCENTILE_25], <, one->npv[BK_PERCENTILE_50]);
  g_assert_cmpfloat (one->npv[BK_PERCENTILE_50], <, one->npv[BK_PERCENTILE_75]);
  g_assert_cmpfloat (one->npv[BK_PERCENTILE_75], <, one->npv[BK_PERCENTILE_95]);
  g_assert_cmpfloat (one->prob_positive, >=, 0);
  g_assert_cmpfloat (one->prob_positive, <=, 1);
  g_assert_cmpuint (one->n_bins, ==, 50);
  for (guint b = 0; b < one->n_bins; b++)
    {
      total += one->histogram[b].count;
      if (b > 0)
        g_assert_cmpfloat (one->histogram[b].from, ==, one->histogram[b - 1].to);
    }
  g_assert_cmpuint (total, ==, 3000);
  for (guint t = 0; t < one->n_periods; t++)
    g_assert_cmpfloat (one->cum_fcf[BK_PERCENTILE_5][t], <=, one->cum_fcf[BK_PERCENTILE_95][t]);
}

/* Zero-width distributions at the current values: every trial is the
 * deterministic result, exactly. */
static void
test_degenerate_is_deterministic (void)
{
  g_autoptr(BkWorkbook) wb = load_sample ();
  int bull = bk_workbook_find_scenario (wb, "Bull — demand keeps compounding");
  g_autoptr(BkEngineInputs) inputs = bk_engine_inputs_new (wb, bull);
  g_autoptr(BkResults) plain = bk_engine_compute (wb, bull);
  g_autoptr(GHashTable) dists = distributions ("utilization", "0.8 to 0.8",
                                               "price_decline", "N(0.1, 0)",
                                               "it_life_years", "U(7, 7)", NULL);

  for (int company = -1; company < 2; company++)
    {
      g_autoptr(BkMonteCarloResult) r = simulate (inputs, dists, 500, 3, 2, company);
      const BkMetrics *m = bk_metric_get_row (plain, company);

      g_assert_cmpfloat (r->deterministic_npv, ==, m->npv);
      for (guint t = 0; t < 500; t++)
        g_assert_cmpfloat (r->trial_npv[t], ==, m->npv);
      g_assert_cmpfloat (r->mean, ==, m->npv);
      g_assert_cmpfloat (r->sd, ==, 0);
      for (guint p = 0; p < BK_N_PERCENTILES; p++)
        {
          g_assert_cmpfloat (r->npv[p], ==, m->npv);
          g_assert_cmpmem (r->cum_fcf[p], sizeof (double) * r->n_periods,
                           m->series[BK_SERIES_CUM_FCF], sizeof (double) * r->n_periods);
        }
      g_assert_cmpfloat (r->prob_positive, ==, m->npv > 0 ? 1 : 0);
      g_assert_cmpuint (r->n_bins, ==, 1);
      g_assert_cmpuint (r->histogram[0].count, ==, 500);
    }

  /* No distributions at all: the same */
  {
    g_autoptr(BkMonteCarloResult) r = simulate (inputs, NULL, 100, 3, 1, -1);

    g_assert_cmpfloat (r->mean, ==, bk_results_get_total (plain)->npv);
    g_assert_cmpfloat (r->sd, ==, 0);
  }
}

/* The worked example's NPV is linear in the power price (the power bill;
 * EBIT keeps its sign), so E[NPV] = NPV(E[power price]) and
 * sd[NPV] = |slope| · sd[power price]. */
static void
test_analytic_mean (void)
{
  g_autoptr(BkWorkbook) wb = load_worked_example ();
  g_autoptr(BkEngineInputs) inputs = bk_engine_inputs_new (wb, BK_SCENARIO_BASE);
  const char *specs[] = { "U(40, 120)", "40 to 120", "N(80, 20)" };
  double sds[] = { 80 / sqrt (12), sqrt ((40.0 * 40 + 120 * 120 + 80 * 80 - 40 * 120 - 40 * 80 - 120 * 80) / 18), 20 };
  double npv[3], slope;

  for (guint i = 0; i < 3; i++)
    {
      BkDriverOverride o = { BK_ASSUMPTION_POWER_PRICE, BK_DRIVER_SET, 40.0 + 40 * i };
      g_autoptr(BkResults) r = bk_engine_compute_inputs_into (NULL, inputs, &o, 1, BK_ENGINE_FLAGS_NONE);

      npv[i] = bk_results_get_total (r)->npv;
    }
  slope = (npv[2] - npv[0]) / 80;
  g_assert_cmpfloat (slope, <, 0);
  g_assert_cmpfloat_with_epsilon (npv[1], (npv[0] + npv[2]) / 2, 1e-9);

  for (guint i = 0; i < G_N_ELEMENTS (specs); i++)
    {
      g_autoptr(GHashTable) dists = distributions ("power_price", specs[i], NULL);
      g_autoptr(BkMonteCarloResult) r = simulate (inputs, dists, 20000, 11, 2, -1);
      double expected_sd = fabs (slope) * sds[i];
      double se = expected_sd / sqrt (20000);

      if (fabs (r->mean - npv[1]) > 4 * se)
        g_error ("%s: mean %.9g, expected %.9g ± %.3g", specs[i], r->mean, npv[1], se);
      g_assert_cmpfloat (fabs (r->sd / expected_sd - 1), <, 0.03);
      /* NPV stays positive over the whole range */
      g_assert_cmpfloat (fabs (r->prob_positive - 1), <, 1e-12);
    }
}

typedef struct
{
  GCancellable *cancellable;
  guint         calls;
  guint         last_done;
  guint         total;
  gboolean      cancel;
} Progress;

static void
on_progress (guint    done,
             guint    total,
             gpointer user_data)
{
  Progress *p = user_data;

  g_assert_cmpuint (done, >, p->last_done);
  g_assert_cmpuint (done, <=, total);
  p->calls++;
  p->last_done = done;
  p->total = total;
  if (p->cancel)
    g_cancellable_cancel (p->cancellable);
}

static void
test_progress_and_cancel (void)
{
  g_autoptr(BkWorkbook) wb = load_sample ();
  g_autoptr(BkEngineInputs) inputs = bk_engine_inputs_new (wb, BK_SCENARIO_BASE);
  g_autoptr(GHashTable) dists = distributions ("utilization", "0.5 to 0.9", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BkMonteCarloResult) done = NULL;
  BkMonteCarloResult *result;
  BkMonteCarloParams params;
  Progress progress = { cancellable, };

  bk_monte_carlo_params_init (&params);
  params.trials = 2000;
  params.threads = 2;

  /* A full run reports progress up to the end */
  done = bk_monte_carlo_run (inputs, dists, &params, cancellable, on_progress, &progress, &error);
  g_assert_no_error (error);
  g_assert_nonnull (done);
  g_assert_cmpuint (progress.calls, >=, 1);
  g_assert_cmpuint (progress.last_done, ==, 2000);
  g_assert_cmpuint (progress.total, ==, 2000);

  /* Cancelled at the first report: stops well before the end */
  params.trials = 200000;
  progress = (Progress) { cancellable, 0, 0, 0, TRUE };
  result = bk_monte_carlo_run (inputs, dists, &params, cancellable, on_progress, &progress, &error);
  g_assert_null (result);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (progress.calls, ==, 1);
  g_assert_cmpuint (progress.last_done, <, 10000);
  g_clear_error (&error);

  /* Already cancelled: nothing runs */
  progress = (Progress) { cancellable, };
  result = bk_monte_carlo_run (inputs, dists, &params, cancellable, on_progress, &progress, &error);
  g_assert_null (result);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (progress.calls, ==, 0);
}

static gpointer
cancel_soon (gpointer data)
{
  g_usleep (20000);
  g_cancellable_cancel (data);
  return NULL;
}

static void
test_cancel_from_thread (void)
{
  g_autoptr(BkWorkbook) wb = load_sample ();
  g_autoptr(BkEngineInputs) inputs = bk_engine_inputs_new (wb, BK_SCENARIO_BASE);
  g_autoptr(GHashTable) dists = distributions ("utilization", "0.5 to 0.9", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  BkMonteCarloParams params;
  BkMonteCarloResult *result;
  GThread *thread;
  Progress progress = { cancellable, };

  bk_monte_carlo_params_init (&params);
  params.trials = 400000;
  params.threads = 2;
  thread = g_thread_new ("cancel", cancel_soon, cancellable);
  result = bk_monte_carlo_run (inputs, dists, &params, cancellable, on_progress, &progress, &error);
  g_thread_join (thread);
  g_assert_null (result);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* 400,000 trials take seconds; it stopped after 20 ms */
  g_assert_cmpuint (progress.last_done, <, 400000);
}

static void
test_refuses (void)
{
  g_autoptr(BkWorkbook) wb = load_worked_example ();
  g_autoptr(BkEngineInputs) inputs = bk_engine_inputs_new (wb, BK_SCENARIO_BASE);
  g_autoptr(GHashTable) dists = distributions ("utilization", "0.5 to 0.9", NULL);
  g_autoptr(GError) error = NULL;
  BkMonteCarloParams params;
  BkMonteCarloResult *result;

  bk_monte_carlo_params_init (&params);
  params.trials = 0;
  result = bk_monte_carlo_run (inputs, dists, &params, NULL, NULL, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, BK_ERROR, BK_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);

  bk_monte_carlo_params_init (&params);
  params.threads = BK_MONTE_CARLO_MAX_THREADS + 1;
  result = bk_monte_carlo_run (inputs, dists, &params, NULL, NULL, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, BK_ERROR, BK_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);

  bk_monte_carlo_params_init (&params);
  g_hash_table_insert (dists, g_strdup ("gpu_magic"), parse_ok ("1 to 2", BK_ASSUMPTION_POWER_PRICE));
  result = bk_monte_carlo_run (inputs, dists, &params, NULL, NULL, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, BK_ERROR, BK_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "gpu_magic"));
  g_clear_error (&error);

  g_hash_table_remove (dists, "gpu_magic");
  g_hash_table_insert (dists, g_strdup ("extra_years"), parse_ok ("1 to 2", BK_ASSUMPTION_POWER_PRICE));
  result = bk_monte_carlo_run (inputs, dists, &params, NULL, NULL, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT);
}

int
main (int   argc,
      char *argv[])
{
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/monte-carlo/rng/reference", test_rng_reference);
  g_test_add_func ("/monte-carlo/rng/streams", test_rng_streams);
  g_test_add_func ("/monte-carlo/distribution/accepts", test_parse_accepts);
  g_test_add_func ("/monte-carlo/distribution/none-and-locale", test_parse_none_and_locale);
  g_test_add_func ("/monte-carlo/distribution/refuses", test_parse_refuses);
  g_test_add_func ("/monte-carlo/distribution/separators", test_parse_separators);
  g_test_add_func ("/monte-carlo/distribution/display/C", test_display_c);
  g_test_add_func ("/monte-carlo/distribution/display/zh_CN", test_display_zh_CN);
  g_test_add_func ("/monte-carlo/distribution/display/decimal-comma", test_display_decimal_comma);
  g_test_add_func ("/monte-carlo/distribution/sample", test_sample);
  g_test_add_func ("/monte-carlo/distribution/degenerate", test_sample_degenerate);
  g_test_add_func ("/monte-carlo/run/reproducible", test_reproducible);
  g_test_add_func ("/monte-carlo/run/degenerate", test_degenerate_is_deterministic);
  g_test_add_func ("/monte-carlo/run/analytic-mean", test_analytic_mean);
  g_test_add_func ("/monte-carlo/run/progress-and-cancel", test_progress_and_cancel);
  g_test_add_func ("/monte-carlo/run/cancel-from-thread", test_cancel_from_thread);
  g_test_add_func ("/monte-carlo/run/refuses", test_refuses);

  return g_test_run ();
}
