/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-results-table-model.c — the engine's metrics as a read-only BkTableModel
 *
 * Results are pulled with bk_engine_get_results() while cells are read, so
 * a view that draws after a burst of changes makes the engine recompute once
 * (per frame), not once per change.  On BkEngine::invalidated every cell is
 * announced as changed; a different number of companies is a reset.
 *
 * Money is in US$ billion and payback in years, as the column headers say;
 * IRR and ROI are percentages.  A metric that does not exist shows "—" and a
 * tooltip says why; an IRR that is not unique is marked "*".
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bk-format.h"
#include "bk-results-table-model.h"

#define MIN_WIDTH_CHARS 9
/* Longer titles wrap onto the header row's second line */
#define MAX_WIDTH_CHARS 14

struct _BkResultsTableModel
{
  BkDocumentTableModel  parent_instance;

  BkEngine             *engine;    /* the base's, borrowed */
  BkWorkbook           *workbook;  /* the base's, borrowed */
  guint                 n_companies;
};

static void bk_results_table_model_iface_init (BkTableModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BkResultsTableModel, bk_results_table_model, BK_TYPE_DOCUMENT_TABLE_MODEL,
                               G_IMPLEMENT_INTERFACE (BK_TYPE_TABLE_MODEL,
                                                      bk_results_table_model_iface_init))

static const char *
column_title (BkResultsColumn column)
{
  switch (column)
    {
    case BK_RESULTS_COLUMN_NPV:                return _("NPV (US$ B)");
    case BK_RESULTS_COLUMN_IRR:                return _("IRR");
    case BK_RESULTS_COLUMN_ROI:                return _("ROI");
    case BK_RESULTS_COLUMN_PAYBACK:            return _("Payback (years)");
    case BK_RESULTS_COLUMN_DISCOUNTED_PAYBACK: return _("Discounted payback (years)");
    case BK_RESULTS_COLUMN_CAPEX:              return _("CapEx (US$ B)");
    case BK_RESULTS_COLUMN_REVENUE:            return _("Revenue (US$ B)");
    case BK_RESULTS_N_COLUMNS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static double
sum_series (BkResults       *results,
            const BkMetrics *metrics,
            BkSeries         series)
{
  guint n = bk_results_get_n_periods (results);
  double sum = 0;

  for (guint i = 0; i < n; i++)
    sum += metrics->series[series][i];

  return sum;
}

/* The metrics of a row, or NULL outside the results. */
static const BkMetrics *
row_metrics (BkResultsTableModel  *self,
             guint                 row,
             BkResults           **results_out)
{
  BkResults *results = bk_engine_get_results (self->engine);
  guint n_companies = bk_results_get_n_companies (results);

  *results_out = results;

  if (row < n_companies)
    return bk_results_get_company (results, row);
  if (row == n_companies)
    return bk_results_get_total (results);

  return NULL;
}

static double
column_value (BkResults       *results,
              const BkMetrics *metrics,
              BkResultsColumn  column)
{
  switch (column)
    {
    case BK_RESULTS_COLUMN_NPV:                return metrics->npv;
    case BK_RESULTS_COLUMN_IRR:                return metrics->irr;
    case BK_RESULTS_COLUMN_ROI:                return metrics->roi;
    case BK_RESULTS_COLUMN_PAYBACK:            return metrics->payback_years;
    case BK_RESULTS_COLUMN_DISCOUNTED_PAYBACK: return metrics->discounted_payback_years;
    case BK_RESULTS_COLUMN_CAPEX:              return sum_series (results, metrics, BK_SERIES_CAPEX);
    case BK_RESULTS_COLUMN_REVENUE:            return sum_series (results, metrics, BK_SERIES_REVENUE);
    case BK_RESULTS_N_COLUMNS:
    default:
      g_return_val_if_reached (NAN);
    }
}

/* BkTableModel */

static guint
bk_results_table_model_get_n_rows (BkTableModel *model)
{
  return BK_RESULTS_TABLE_MODEL (model)->n_companies + 1;
}

static guint
bk_results_table_model_get_n_columns (BkTableModel *model)
{
  return BK_RESULTS_N_COLUMNS;
}

static void
bk_results_table_model_get_row_header (BkTableModel *model,
                                       guint         row,
                                       GString      *out)
{
  BkResultsTableModel *self = BK_RESULTS_TABLE_MODEL (model);

  if (row < self->n_companies && row < bk_workbook_get_n_companies (self->workbook))
    g_string_append (out, bk_workbook_get_company_name (self->workbook, row));
  else if (row == self->n_companies)
    g_string_append (out, _("Total"));
}

static void
bk_results_table_model_get_column_header (BkTableModel *model,
                                          guint         column,
                                          GString      *out)
{
  if (column < BK_RESULTS_N_COLUMNS)
    g_string_append (out, column_title ((BkResultsColumn) column));
}

static BkTableCellFlags
bk_results_table_model_get_cell (BkTableModel *model,
                                 guint         row,
                                 guint         column,
                                 GString      *display)
{
  BkResultsTableModel *self = BK_RESULTS_TABLE_MODEL (model);
  BkTableCellFlags flags = BK_TABLE_CELL_READ_ONLY;
  const BkMetrics *metrics;
  BkResults *results;
  double value;

  if (column >= BK_RESULTS_N_COLUMNS)
    return flags | BK_TABLE_CELL_BLANK;

  if (row == self->n_companies)
    flags |= BK_TABLE_CELL_TOTAL;

  metrics = row_metrics (self, row, &results);
  if (metrics == NULL)
    return flags | BK_TABLE_CELL_BLANK;

  if (display == NULL)
    return flags;

  value = column_value (results, metrics, (BkResultsColumn) column);
  switch ((BkResultsColumn) column)
    {
    case BK_RESULTS_COLUMN_IRR:
      bk_format_percent (display, value, 1);
      if (metrics->irr_multiple && isfinite (value))
        g_string_append_c (display, '*');
      break;
    case BK_RESULTS_COLUMN_ROI:
      bk_format_percent (display, value, 1);
      break;
    case BK_RESULTS_COLUMN_PAYBACK:
    case BK_RESULTS_COLUMN_DISCOUNTED_PAYBACK:
      bk_format_number (display, value, 1);
      break;
    case BK_RESULTS_COLUMN_NPV:
    case BK_RESULTS_COLUMN_CAPEX:
    case BK_RESULTS_COLUMN_REVENUE:
    case BK_RESULTS_N_COLUMNS:
    default:
      bk_format_number (display, value, 1);
      break;
    }

  return flags;
}

/* What Copy puts on the clipboard: every digit, percentages with "%" (a
 * spreadsheet reads them as percent), blank where the metric does not
 * exist */
static void
bk_results_table_model_get_edit_text (BkTableModel *model,
                                      guint         row,
                                      guint         column,
                                      GString      *out)
{
  BkResultsTableModel *self = BK_RESULTS_TABLE_MODEL (model);
  const BkMetrics *metrics;
  BkResults *results;
  double value;

  if (column >= BK_RESULTS_N_COLUMNS)
    return;
  metrics = row_metrics (self, row, &results);
  if (metrics == NULL)
    return;
  value = column_value (results, metrics, (BkResultsColumn) column);
  if (!isfinite (value))
    return;
  if (column == BK_RESULTS_COLUMN_IRR || column == BK_RESULTS_COLUMN_ROI)
    bk_format_percent_exact (out, value);
  else
    bk_format_number_exact (out, value);
}

static void
bk_results_table_model_get_tooltip (BkTableModel *model,
                                    guint         row,
                                    guint         column,
                                    GString      *out)
{
  BkResultsTableModel *self = BK_RESULTS_TABLE_MODEL (model);
  const BkMetrics *metrics;
  BkResults *results;
  double value;

  if (column >= BK_RESULTS_N_COLUMNS)
    return;

  metrics = row_metrics (self, row, &results);
  if (metrics == NULL)
    return;

  value = column_value (results, metrics, (BkResultsColumn) column);

  switch ((BkResultsColumn) column)
    {
    case BK_RESULTS_COLUMN_IRR:
      if (!isfinite (value))
        /* xgettext:no-c-format */
        g_string_append (out, _("No IRR: the cash flows never change sign, or no yearly rate between −99% and 100,000% makes their NPV zero"));
      else if (metrics->irr_multiple)
        g_string_append (out, _("The IRR is not unique: several rates make the NPV zero; the one nearest the discount rate is shown"));
      break;
    case BK_RESULTS_COLUMN_ROI:
      if (!isfinite (value))
        g_string_append (out, _("No ROI: nothing is spent on capex"));
      break;
    case BK_RESULTS_COLUMN_PAYBACK:
    case BK_RESULTS_COLUMN_DISCOUNTED_PAYBACK:
      if (isfinite (value))
        break;
      if (sum_series (results, metrics, BK_SERIES_CAPEX) == 0)
        g_string_append (out, _("No payback: nothing is invested (no capex)"));
      else if (column == BK_RESULTS_COLUMN_PAYBACK)
        g_string_append (out, _("Never pays back within the modelled horizon"));
      else
        g_string_append (out, _("Never pays back within the modelled horizon once cash flows are discounted"));
      break;
    case BK_RESULTS_COLUMN_NPV:
    case BK_RESULTS_COLUMN_CAPEX:
    case BK_RESULTS_COLUMN_REVENUE:
      if (!isfinite (value))
        g_string_append (out, _("Cannot be computed from these inputs"));
      break;
    case BK_RESULTS_N_COLUMNS:
    default:
      break;
    }
}

static guint
bk_results_table_model_get_column_width_hint (BkTableModel *model,
                                              guint         column)
{
  guint chars;

  if (column >= BK_RESULTS_N_COLUMNS)
    return 0;

  chars = (guint) g_utf8_strlen (column_title ((BkResultsColumn) column), -1) + 2;

  return CLAMP (chars, MIN_WIDTH_CHARS, MAX_WIDTH_CHARS);
}

static void
bk_results_table_model_iface_init (BkTableModelInterface *iface)
{
  iface->get_n_rows = bk_results_table_model_get_n_rows;
  iface->get_n_columns = bk_results_table_model_get_n_columns;
  iface->get_row_header = bk_results_table_model_get_row_header;
  iface->get_column_header = bk_results_table_model_get_column_header;
  iface->get_cell = bk_results_table_model_get_cell;
  iface->get_edit_text = bk_results_table_model_get_edit_text;
  iface->get_tooltip = bk_results_table_model_get_tooltip;
  iface->get_column_width_hint = bk_results_table_model_get_column_width_hint;
  /* no set_range: read-only */
}

/* The engine */

static void
bk_results_table_model_engine_invalidated (BkDocumentTableModel *base)
{
  BkResultsTableModel *self = BK_RESULTS_TABLE_MODEL (base);
  guint n_companies = bk_workbook_get_n_companies (self->workbook);

  if (n_companies != self->n_companies)
    {
      self->n_companies = n_companies;
      bk_table_model_reset (BK_TABLE_MODEL (self));
      return;
    }

  bk_table_model_cells_changed (BK_TABLE_MODEL (self), 0, 0, n_companies + 1, BK_RESULTS_N_COLUMNS);
}

static void
bk_results_table_model_workbook_changed (BkDocumentTableModel *base,
                                         BkChangeFlags         flags,
                                         int                   table,
                                         int                   row,
                                         int                   period,
                                         int                   n_rows,
                                         int                   n_periods)
{
  BkResultsTableModel *self = BK_RESULTS_TABLE_MODEL (base);

  /* Companies renamed, added, moved or removed: the row headers */
  if (flags & BK_CHANGE_STRUCTURE)
    {
      self->n_companies = bk_workbook_get_n_companies (self->workbook);
      bk_table_model_reset (BK_TABLE_MODEL (self));
    }
}

/* GObject */

static void
bk_results_table_model_constructed (GObject *object)
{
  BkResultsTableModel *self = BK_RESULTS_TABLE_MODEL (object);
  BkDocumentTableModel *base = BK_DOCUMENT_TABLE_MODEL (object);

  G_OBJECT_CLASS (bk_results_table_model_parent_class)->constructed (object);

  self->engine = bk_document_table_model_get_engine (base);
  self->workbook = bk_document_table_model_get_workbook (base);
  g_assert (BK_IS_ENGINE (self->engine));
  self->n_companies = bk_workbook_get_n_companies (self->workbook);
}

static void
bk_results_table_model_class_init (BkResultsTableModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  BkDocumentTableModelClass *model_class = BK_DOCUMENT_TABLE_MODEL_CLASS (klass);

  object_class->constructed = bk_results_table_model_constructed;
  model_class->workbook_changed = bk_results_table_model_workbook_changed;
  model_class->engine_invalidated = bk_results_table_model_engine_invalidated;
  /* Another scenario: the engine's ::invalidated brings the new results */
  model_class->scenario_changed = NULL;
}

static void
bk_results_table_model_init (BkResultsTableModel *self)
{
}

/* Public API */

BkResultsTableModel *
bk_results_table_model_new (BkEngine *engine)
{
  g_return_val_if_fail (BK_IS_ENGINE (engine), NULL);

  return g_object_new (BK_TYPE_RESULTS_TABLE_MODEL,
                       "engine", engine,
                       NULL);
}

int
bk_results_table_model_get_company (BkResultsTableModel *self,
                                    guint                row)
{
  g_return_val_if_fail (BK_IS_RESULTS_TABLE_MODEL (self), -1);
  g_return_val_if_fail (row <= self->n_companies, -1);

  return row < self->n_companies ? (int) row : -1;
}
