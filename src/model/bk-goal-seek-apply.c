/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-goal-seek-apply.c — storing a goal-seek answer as a scenario's
 * overrides, in the layers the workbook reads it from (bk-workbook.c:
 * default → workbook → workbook company → scenario → scenario company). */

#include "config.h"

#include <math.h>

#include "bk-goal-seek-apply.h"

gboolean
bk_goal_seek_apply (BkDocument    *document,
                    guint          scenario,
                    int            company,
                    BkAssumption   driver,
                    double         value,
                    GError       **error)
{
  BkWorkbook *wb;
  guint n_companies, n = 0;
  g_autofree int *companies = NULL;
  g_autofree BkAssumption *drivers = NULL;
  g_autofree double *values = NULL;

  g_return_val_if_fail (BK_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (driver < BK_N_ASSUMPTIONS, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  wb = bk_document_get_workbook (document);
  n_companies = bk_workbook_get_n_companies (wb);
  g_return_val_if_fail (company >= -1 && company < (int) n_companies, FALSE);

  companies = g_new (int, n_companies + 1);
  drivers = g_new (BkAssumption, n_companies + 1);
  values = g_new (double, n_companies + 1);

  companies[n++] = company;
  if (company < 0 && scenario <= bk_workbook_get_n_scenarios (wb))
    for (guint c = 0; c < n_companies; c++)
      if (!isnan (bk_workbook_get_assumption_layer (wb, scenario, (int) c, driver)))
        companies[n++] = (int) c;

  for (guint i = 0; i < n; i++)
    {
      drivers[i] = driver;
      values[i] = value;
    }

  return bk_document_set_assumptions (document, scenario, n, companies, drivers, values, error);
}
