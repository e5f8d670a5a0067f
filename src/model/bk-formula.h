/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-formula.h — cell formulas: compiled once, evaluated along a row */
#pragma once

#include "bk-types.h"

G_BEGIN_DECLS

/* A compiled formula: numbers (with scale suffixes, converted to the table's
 * unit, and '%'), + - * / ^, unary minus, parentheses, `prev` and `base`
 * (the Base value of the same cell: only in a scenario's override). */
typedef struct _BkFormula BkFormula;

BkFormula  *bk_formula_compile          (const char           *text,
                                         BkTable               table,
                                         GError              **error);
/* Evaluates with @prev as the value of `prev` and no value for `base`.
 * Fails (BK_ERROR_FORMULA) on division by zero or any non-finite result. */
gboolean    bk_formula_eval             (const BkFormula      *formula,
                                         double                prev,
                                         double               *result,
                                         GError              **error);
/* The same with @base as the value of `base` (NAN: none, which fails when
 * the formula names it). */
gboolean    bk_formula_eval_with_base   (const BkFormula      *formula,
                                         double                prev,
                                         double                base,
                                         double               *result,
                                         GError              **error);
const char *bk_formula_get_text         (const BkFormula      *formula);
gboolean    bk_formula_uses_prev        (const BkFormula      *formula);
gboolean    bk_formula_uses_base        (const BkFormula      *formula);
/* FALSE with a BK_ERROR_INVALID_INPUT error (translated, naming the
 * formula) when @formula names `base`: a Base cell has no Base value. */
gboolean    bk_formula_check_in_base    (const BkFormula      *formula,
                                         GError              **error);
void        bk_formula_free             (BkFormula            *formula);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkFormula, bk_formula_free)

G_END_DECLS
