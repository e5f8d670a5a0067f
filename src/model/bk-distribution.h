/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-distribution.h — the uncertainty of a driver: parsing what a person
 * types, sampling, and writing it back as text */
#pragma once

#include "bk-assumptions.h"
#include "bk-input.h"
#include "bk-rng.h"

G_BEGIN_DECLS

typedef enum
{
  BK_DISTRIBUTION_TRIANGULAR,  /* "LOW to HIGH", mode at the driver's current value */
  BK_DISTRIBUTION_NORMAL,      /* "N(MEAN, SD)", truncated to the driver's valid range */
  BK_DISTRIBUTION_UNIFORM,     /* "U(LOW, HIGH)" */
} BkDistributionKind;

typedef struct
{
  BkDistributionKind kind;
  double             a;  /* low, or the mean */
  double             b;  /* high, or the standard deviation */
} BkDistribution;

/* Parses @text for @driver.  Numbers are in the driver's own unit through
 * the cell-input parser (in @locale, NULL: the current one, C-locale
 * numbers accepted too): a plain number as it is ("0.6"), a percentage as a
 * fraction ("60%" is 0.6); no suffixes.  Arguments of N() and U() are
 * separated by ',' or, when numbers have decimal commas, ';'.  Letters and
 * the word "to" in any case.  Between the ends of a triangular range, in
 * every language: "to" between blanks, the translated word the window
 * shows (bk_distribution_to_display()), and 至, 到, ~, ～ or an en dash –
 * with or without blanks ("3至7", "3–7").  "", "none", 无 and the
 * translation of "none" give *@out = NULL (no distribution).  Every bound
 * and the mean must be a valid value of the driver, LOW ≤ HIGH and SD ≥ 0.  On failure returns FALSE with a
 * BK_ERROR_INVALID_INPUT or BK_ERROR_OUT_OF_RANGE error that says why. */
gboolean        bk_distribution_parse     (const char            *text,
                                           BkAssumption           driver,
                                           const BkNumberLocale  *locale,
                                           BkDistribution       **out,
                                           GError               **error);
/* "0.1 to 0.6", "N(0.5, 0.1)", "U(0.1, 0.6)" in the C locale, numbers in
 * the shortest form that reads back exactly; "none" for NULL. */
char           *bk_distribution_to_string (const BkDistribution  *self);
/* The spec as the window shows it, in the user's language and numbers:
 * "3 to 7" in English, "3 至 7" in zh_CN, "N(0,5; 0,1)" with decimal
 * commas; the translation of "none" for NULL.  bk_distribution_parse()
 * reads it back to the same distribution in the same locale.  Files keep
 * bk_distribution_to_string(). */
char           *bk_distribution_to_display (const BkDistribution *self);
/* A canonical @spec (as the workbook stores it) in its display form; @spec
 * itself when it does not parse for @driver. */
char           *bk_distribution_spec_to_display (const char   *spec,
                                                 BkAssumption  driver);
BkDistribution *bk_distribution_copy      (const BkDistribution  *self);
void            bk_distribution_free      (BkDistribution        *self);
/* One draw for @driver whose current value is @current (the triangular
 * mode, moved inside [LOW, HIGH] when it lies outside).  Uses exactly one
 * uniform number of @rng, by inversion of the distribution function, so a
 * distribution of zero width returns its value exactly. */
double          bk_distribution_sample    (const BkDistribution  *self,
                                           BkAssumption           driver,
                                           double                 current,
                                           BkRng                 *rng);
/* The mean of what bk_distribution_sample() draws (truncation included). */
double          bk_distribution_get_mean  (const BkDistribution  *self,
                                           BkAssumption           driver,
                                           double                 current);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkDistribution, bk_distribution_free)

G_END_DECLS
