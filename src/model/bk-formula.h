/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-formula.h — cell formulas: compiled once, evaluated along a row */
#pragma once

#include "bk-types.h"

G_BEGIN_DECLS

/* A compiled formula: numbers (with scale suffixes, converted to the table's
 * unit, and '%'), + - * / ^, unary minus, parentheses and `prev`. */
typedef struct _BkFormula BkFormula;

BkFormula  *bk_formula_compile          (const char           *text,
                                         BkTable               table,
                                         GError              **error);
/* Evaluates with @prev as the value of `prev`.  Fails (BK_ERROR_FORMULA) on
 * division by zero or any non-finite result. */
gboolean    bk_formula_eval             (const BkFormula      *formula,
                                         double                prev,
                                         double               *result,
                                         GError              **error);
const char *bk_formula_get_text         (const BkFormula      *formula);
gboolean    bk_formula_uses_prev        (const BkFormula      *formula);
void        bk_formula_free             (BkFormula            *formula);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkFormula, bk_formula_free)

G_END_DECLS
