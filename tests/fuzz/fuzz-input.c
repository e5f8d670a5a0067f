/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-input.c — the cell-input parser and formulas: whatever a person
 * types into any table, in the C locale or a comma-decimal one.  The first
 * byte picks the table and the locale; the rest is the text. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "bk-formula.h"
#include "bk-input.h"
#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  BkNumberLocale locale;
  BkInput input = { 0 };
  BkTable table;

  bk_fuzz_init ();
  if (size < 1)
    return 0;

  table = data[0] % BK_N_TABLES;
  if (data[0] & 0x80)
    {
      /* A German-style locale: ',' decimal, '.' grouping. */
      memset (&locale, 0, sizeof locale);
      strcpy (locale.decimal_point, ",");
      strcpy (locale.thousands_sep, ".");
    }
  else
    bk_number_locale_init_c (&locale);

  text = bk_fuzz_strndup (data + 1, size - 1);

  if (!bk_input_parse (text, table, &locale, &input, &error))
    {
      /* A refusal always says why, and leaves nothing behind. */
      g_assert (error != NULL && error->message != NULL && error->message[0] != '\0');
      g_assert (input.formula == NULL);
      return 0;
    }
  g_assert_no_error (error);

  switch (input.kind)
    {
    case BK_INPUT_BLANK:
      break;
    case BK_INPUT_NUMBER:
      g_assert (isfinite (input.value));
      break;
    case BK_INPUT_FORMULA:
      {
        g_autoptr(BkFormula) formula = NULL;
        static const double prevs[] = { 0.0, 1.0, -1.0, 1e300, 5e-324, NAN };

        g_assert (input.formula != NULL && input.formula[0] == '=');
        /* What the parser accepted, the formula compiler accepts too. */
        formula = bk_formula_compile (input.formula, table, &error);
        g_assert_no_error (error);
        g_assert (formula != NULL);
        for (guint i = 0; i < G_N_ELEMENTS (prevs); i++)
          {
            g_autoptr(GError) eval_error = NULL;
            double result = 0.0;

            if (bk_formula_eval (formula, prevs[i], &result, &eval_error))
              g_assert (isfinite (result));
            else
              g_assert (eval_error != NULL);
          }
      }
      break;
    default:
      g_assert_not_reached ();
    }

  bk_input_clear (&input);

  /* The formula compiler on the raw text too: it must never crash. */
  {
    g_autoptr(GError) compile_error = NULL;
    g_autoptr(BkFormula) raw = bk_formula_compile (text, table, &compile_error);

    g_assert ((raw != NULL) != (compile_error != NULL));
  }
  return 0;
}
