/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-results-csv.h — the engine's results as CSV: the metrics of every
 * company and the total, or the per-period series of one of them
 * (docs/file-format.md, "Results as CSV") */
#pragma once

#include "bk-results.h"
#include "bk-workbook.h"

G_BEGIN_DECLS

/* The id of the total's row in both tables */
#define BK_RESULTS_CSV_TOTAL_ID "total"

/* RFC 4180 text, lines ending in CRLF, numbers in the C locale in the
 * shortest form that reads back exactly, blank for a metric that does not
 * exist.  The header is `id,name,npv,irr,irr_multiple,roi,payback_years,
 * discounted_payback_years,capex,revenue`: money in US$ billion (capex and
 * revenue summed over all M modelled periods), IRR and ROI as fractions,
 * paybacks in years, irr_multiple as TRUE or FALSE.  One row per company,
 * then the total (id "total", name "All companies"). */
char *bk_results_csv_write_metrics (BkWorkbook *workbook,
                                    BkResults  *results);

/* The series of @company (-1: the total): the header
 * `series,<period labels of the M modelled periods>`, then one row per
 * series named by its results JSON key (price, capacity_mw, … cum_fcf),
 * each in its results JSON unit. */
char *bk_results_csv_write_series  (BkWorkbook *workbook,
                                    BkResults  *results,
                                    int         company);

G_END_DECLS
