/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-compare-table-model.c — a scenario comparison as a read-only
 * BkTableModel
 *
 * Rows go metric by metric (NPV, IRR, ROI, payback, discounted payback),
 * each listing every company and then the total, in bold.  Columns are
 * Base, then for each named scenario its value, its difference against
 * Base and that difference as a percentage of Base, side by side.
 * NPV is money, IRR and ROI percentages, paybacks years, each with its
 * unit as the KPI strip shows them; what does not exist shows "—". */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bk-compare-table-model.h"
#include "bk-format.h"

struct _BkCompareTableModel
{
  GObject       parent_instance;

  BkWorkbook   *workbook;
  BkComparison *comparison;
};

static void bk_compare_table_model_iface_init (BkTableModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BkCompareTableModel, bk_compare_table_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (BK_TYPE_TABLE_MODEL,
                                                      bk_compare_table_model_iface_init))

typedef enum
{
  COLUMN_VALUE,
  COLUMN_DIFF,
  COLUMN_FRACTION,
} ColumnKind;

static guint
rows_per_metric (BkCompareTableModel *self)
{
  return self->comparison != NULL ? self->comparison->n_companies + 1 : 0;
}

/* The metric and company (-1: total) of @row */
static void
row_info (BkCompareTableModel *self,
          guint                row,
          BkMetric            *metric,
          int                 *company)
{
  guint per = rows_per_metric (self);

  *metric = (BkMetric) (row / per);
  *company = row % per == per - 1 ? -1 : (int) (row % per);
}

/* The scenario and kind of @column */
static void
column_info (BkCompareTableModel *self,
             guint                column,
             guint               *scenario,
             ColumnKind          *kind)
{
  if (column == 0)
    {
      *scenario = BK_SCENARIO_BASE;
      *kind = COLUMN_VALUE;
      return;
    }
  column--;
  *scenario = 1 + column / 3;
  *kind = (ColumnKind) (column % 3);
}

static guint
bk_compare_table_model_get_n_rows (BkTableModel *model)
{
  BkCompareTableModel *self = BK_COMPARE_TABLE_MODEL (model);

  return rows_per_metric (self) * BK_N_METRICS;
}

static guint
bk_compare_table_model_get_n_columns (BkTableModel *model)
{
  BkCompareTableModel *self = BK_COMPARE_TABLE_MODEL (model);

  if (self->comparison == NULL)
    return 0;
  return 1 + 3 * (self->comparison->n_scenarios - 1);
}

static void
bk_compare_table_model_get_row_header (BkTableModel *model,
                                       guint         row,
                                       GString      *out)
{
  BkCompareTableModel *self = BK_COMPARE_TABLE_MODEL (model);
  BkMetric metric;
  int company;

  if (row >= bk_compare_table_model_get_n_rows (model))
    return;
  row_info (self, row, &metric, &company);
  /* TRANSLATORS: a row of the compare table: a metric, then a company or "Total" */
  g_string_append_printf (out, _("%s: %s"), bk_metric_get_title (metric),
                          company < 0 ? _("Total")
                                      : bk_workbook_get_company_name (self->workbook, (guint) company));
}

static void
bk_compare_table_model_get_column_header (BkTableModel *model,
                                          guint         column,
                                          GString      *out)
{
  BkCompareTableModel *self = BK_COMPARE_TABLE_MODEL (model);
  const char *name;
  guint scenario;
  ColumnKind kind;

  if (column >= bk_compare_table_model_get_n_columns (model))
    return;
  column_info (self, column, &scenario, &kind);
  name = bk_workbook_get_scenario_name (self->workbook, scenario);
  switch (kind)
    {
    case COLUMN_VALUE:
      g_string_append (out, name);
      break;
    case COLUMN_DIFF:
      /* TRANSLATORS: %s is a scenario; its difference against Base */
      g_string_append_printf (out, _("%s − Base"), name);
      break;
    case COLUMN_FRACTION:
    default:
      /* TRANSLATORS: %s is a scenario; its difference against Base in percent */
      g_string_append_printf (out, _("%s − Base (%%)"), name);
      break;
    }
}

static void
format_metric (GString  *out,
               BkMetric  metric,
               double    value,
               gboolean  signed_)
{
  if (!isfinite (value))
    {
      g_string_append (out, "—");
      return;
    }
  if (signed_ && value > 0)
    g_string_append_c (out, '+');
  switch (metric)
    {
    case BK_METRIC_IRR:
    case BK_METRIC_ROI:
      bk_format_percent (out, value, 1);
      break;
    case BK_METRIC_NPV:
      bk_format_money (out, value);
      break;
    case BK_METRIC_PAYBACK:
    case BK_METRIC_DISCOUNTED_PAYBACK:
    case BK_N_METRICS:
    default:
      bk_format_years (out, value);
      break;
    }
}

static BkTableCellFlags
bk_compare_table_model_get_cell (BkTableModel *model,
                                 guint         row,
                                 guint         column,
                                 GString      *display)
{
  BkCompareTableModel *self = BK_COMPARE_TABLE_MODEL (model);
  BkTableCellFlags flags = BK_TABLE_CELL_READ_ONLY;
  const BkComparisonCell *cell;
  guint scenario;
  ColumnKind kind;
  BkMetric metric;
  int company;

  if (row >= bk_compare_table_model_get_n_rows (model)
      || column >= bk_compare_table_model_get_n_columns (model))
    return flags | BK_TABLE_CELL_BLANK;

  row_info (self, row, &metric, &company);
  column_info (self, column, &scenario, &kind);
  if (company < 0)
    flags |= BK_TABLE_CELL_TOTAL;
  if (kind != COLUMN_VALUE)
    flags |= BK_TABLE_CELL_INHERITED;
  if (display == NULL)
    return flags;

  cell = bk_comparison_get (self->comparison, scenario, company, metric);
  switch (kind)
    {
    case COLUMN_VALUE:
      format_metric (display, metric, cell->value, FALSE);
      break;
    case COLUMN_DIFF:
      format_metric (display, metric, cell->diff, TRUE);
      break;
    case COLUMN_FRACTION:
    default:
      if (!cell->has_fraction)
        g_string_append (display, "—");
      else
        {
          if (cell->diff_fraction > 0)
            g_string_append_c (display, '+');
          bk_format_percent (display, cell->diff_fraction, 1);
        }
      break;
    }

  return flags;
}

static void
bk_compare_table_model_get_edit_text (BkTableModel *model,
                                      guint         row,
                                      guint         column,
                                      GString      *out)
{
  bk_compare_table_model_get_cell (model, row, column, out);
}

static void
bk_compare_table_model_get_tooltip (BkTableModel *model,
                                    guint         row,
                                    guint         column,
                                    GString      *out)
{
  BkCompareTableModel *self = BK_COMPARE_TABLE_MODEL (model);
  BkMetric metric;
  int company;
  guint scenario;
  ColumnKind kind;

  if (row >= bk_compare_table_model_get_n_rows (model)
      || column >= bk_compare_table_model_get_n_columns (model))
    return;
  row_info (self, row, &metric, &company);
  column_info (self, column, &scenario, &kind);
  if (kind == COLUMN_DIFF)
    g_string_append (out, _("Difference against Base"));
  else if (kind == COLUMN_FRACTION)
    g_string_append (out, _("Difference against Base, as a percentage of the Base value"));
  else if (metric == BK_METRIC_PAYBACK || metric == BK_METRIC_DISCOUNTED_PAYBACK)
    g_string_append (out, _("— when it never pays back within the modelled horizon"));
}

static guint
bk_compare_table_model_get_column_width_hint (BkTableModel *model,
                                              guint         column)
{
  return 12;
}

static void
bk_compare_table_model_iface_init (BkTableModelInterface *iface)
{
  iface->get_n_rows = bk_compare_table_model_get_n_rows;
  iface->get_n_columns = bk_compare_table_model_get_n_columns;
  iface->get_row_header = bk_compare_table_model_get_row_header;
  iface->get_column_header = bk_compare_table_model_get_column_header;
  iface->get_cell = bk_compare_table_model_get_cell;
  iface->get_edit_text = bk_compare_table_model_get_edit_text;
  iface->get_tooltip = bk_compare_table_model_get_tooltip;
  iface->get_column_width_hint = bk_compare_table_model_get_column_width_hint;
}

static void
bk_compare_table_model_finalize (GObject *object)
{
  BkCompareTableModel *self = BK_COMPARE_TABLE_MODEL (object);

  g_clear_pointer (&self->comparison, bk_comparison_free);
  g_clear_object (&self->workbook);

  G_OBJECT_CLASS (bk_compare_table_model_parent_class)->finalize (object);
}

static void
bk_compare_table_model_class_init (BkCompareTableModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bk_compare_table_model_finalize;
}

static void
bk_compare_table_model_init (BkCompareTableModel *self)
{
}

BkCompareTableModel *
bk_compare_table_model_new (void)
{
  return g_object_new (BK_TYPE_COMPARE_TABLE_MODEL, NULL);
}

void
bk_compare_table_model_set (BkCompareTableModel *self,
                            BkWorkbook          *workbook,
                            BkComparison        *comparison)
{
  BkTableModel *model = BK_TABLE_MODEL (self);
  guint n_rows, n_columns;
  gboolean same_shape;

  g_return_if_fail (BK_IS_COMPARE_TABLE_MODEL (self));
  g_return_if_fail (comparison == NULL || BK_IS_WORKBOOK (workbook));

  n_rows = bk_table_model_get_n_rows (model);
  n_columns = bk_table_model_get_n_columns (model);
  g_set_object (&self->workbook, workbook);
  g_clear_pointer (&self->comparison, bk_comparison_free);
  self->comparison = comparison;

  same_shape = n_rows == bk_table_model_get_n_rows (model)
               && n_columns == bk_table_model_get_n_columns (model);
  if (same_shape && n_rows > 0)
    bk_table_model_cells_changed (model, 0, 0, n_rows, n_columns);
  else if (!same_shape)
    bk_table_model_reset (model);
}

BkComparison *
bk_compare_table_model_get_comparison (BkCompareTableModel *self)
{
  g_return_val_if_fail (BK_IS_COMPARE_TABLE_MODEL (self), NULL);

  return self->comparison;
}
