/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-series-table-model.c — the engine's series of one company (or the
 * total) as a read-only BkTableModel
 *
 * Rows are the BkSeries in order, columns the M modelled periods: the N
 * input periods, then the extra_years / Δ periods modelled after them
 * (model.md, "Time").  The cells of those extra periods carry the INHERITED
 * flag, so the view greys them a little: they are extrapolated (no capex,
 * backlog and share carried forward, demand growing at tail_growth), not
 * computed from typed inputs, and their tooltip says so.
 *
 * Results are pulled with bk_engine_get_results() while cells are read.
 * The number of columns is known without computing: M = N + extra_years ×
 * periods per year, as model.md defines it, so an invalidation that changes
 * M (extra_years edited, another scenario) is a reset and any other one
 * announces every cell as changed.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bk-format.h"
#include "bk-series-table-model.h"

struct _BkSeriesTableModel
{
  BkDocumentTableModel  parent_instance;

  BkEngine             *engine;    /* the base's, borrowed */
  BkWorkbook           *workbook;  /* the base's, borrowed */
  int                   company;
  guint                 n_periods;        /* M */
  guint                 n_input_periods;  /* N */
};

static void bk_series_table_model_iface_init (BkTableModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BkSeriesTableModel, bk_series_table_model, BK_TYPE_DOCUMENT_TABLE_MODEL,
                               G_IMPLEMENT_INTERFACE (BK_TYPE_TABLE_MODEL,
                                                      bk_series_table_model_iface_init))

enum {
  PROP_0,
  PROP_COMPANY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The unit a row header adds to the series' title; NULL when the title
 * already has it ("Capacity (MW)"). */
static const char *
series_unit (BkSeries series)
{
  switch (series)
    {
    case BK_SERIES_PRICE:
      /* Translators: the unit of the price per million tokens */
      return _("US$");
    case BK_SERIES_CAPACITY_MW:
    case BK_SERIES_CAPACITY_TOKENS:
    case BK_SERIES_DEMAND_TOKENS:
      return NULL;
    case BK_SERIES_UTILIZATION:
      return "%";
    case BK_SERIES_REVENUE:
    case BK_SERIES_POWER_COST:
    case BK_SERIES_DEPRECIATION:
    case BK_SERIES_OTHER_OPEX:
    case BK_SERIES_EBIT:
    case BK_SERIES_TAX:
    case BK_SERIES_NOPAT:
    case BK_SERIES_CAPEX:
    case BK_SERIES_FCF:
    case BK_SERIES_CUM_FCF:
      return _("US$ B");
    case BK_N_SERIES:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* M, as the engine will compute it (model.md: N + extra_years / Δ) */
static guint
predict_n_periods (BkSeriesTableModel *self)
{
  double extra = bk_workbook_get_assumption (self->workbook, bk_engine_get_scenario (self->engine),
                                             -1, BK_ASSUMPTION_EXTRA_YEARS);

  return bk_workbook_get_n_periods (self->workbook)
    + (guint) extra * bk_granularity_per_year (bk_workbook_get_granularity (self->workbook));
}

/* The series value of a cell; FALSE outside the results. */
static gboolean
cell_value (BkSeriesTableModel *self,
            guint               row,
            guint               column,
            double             *value)
{
  BkResults *results;
  const BkMetrics *metrics;

  if (row >= BK_N_SERIES)
    return FALSE;

  results = bk_engine_get_results (self->engine);
  if (column >= bk_results_get_n_periods (results))
    return FALSE;

  if (self->company >= 0 && (guint) self->company < bk_results_get_n_companies (results))
    metrics = bk_results_get_company (results, (guint) self->company);
  else
    metrics = bk_results_get_total (results);

  *value = metrics->series[row][column];
  return TRUE;
}

/* BkTableModel */

static guint
bk_series_table_model_get_n_rows (BkTableModel *model)
{
  return BK_N_SERIES;
}

static guint
bk_series_table_model_get_n_columns (BkTableModel *model)
{
  return BK_SERIES_TABLE_MODEL (model)->n_periods;
}

static void
bk_series_table_model_get_row_header (BkTableModel *model,
                                      guint         row,
                                      GString      *out)
{
  const char *unit;

  if (row >= BK_N_SERIES)
    return;

  g_string_append (out, bk_series_get_title ((BkSeries) row));
  unit = series_unit ((BkSeries) row);
  if (unit != NULL)
    g_string_append_printf (out, " (%s)", unit);
}

static void
bk_series_table_model_get_column_header (BkTableModel *model,
                                         guint         column,
                                         GString      *out)
{
  BkSeriesTableModel *self = BK_SERIES_TABLE_MODEL (model);
  g_autofree char *label = NULL;

  if (column >= self->n_periods)
    return;

  /* Labels continue past the input periods: 2027, 2028, … */
  label = bk_workbook_dup_period_label (self->workbook, column);
  g_string_append (out, label);
}

static BkTableCellFlags
bk_series_table_model_get_cell (BkTableModel *model,
                                guint         row,
                                guint         column,
                                GString      *display)
{
  BkSeriesTableModel *self = BK_SERIES_TABLE_MODEL (model);
  BkTableCellFlags flags = BK_TABLE_CELL_READ_ONLY;
  double value;

  if (column >= self->n_input_periods)
    flags |= BK_TABLE_CELL_INHERITED;

  if (display == NULL)
    return flags;

  if (!cell_value (self, row, column, &value))
    return flags | BK_TABLE_CELL_BLANK;

  bk_format_series_value (display, (BkSeries) row, value);

  return flags;
}

/* What Copy puts on the clipboard: every digit, utilization with "%" */
static void
bk_series_table_model_get_edit_text (BkTableModel *model,
                                     guint         row,
                                     guint         column,
                                     GString      *out)
{
  BkSeriesTableModel *self = BK_SERIES_TABLE_MODEL (model);
  double value;

  if (!cell_value (self, row, column, &value) || !isfinite (value))
    return;
  if (row == BK_SERIES_UTILIZATION)
    bk_format_percent_exact (out, value);
  else
    bk_format_number_exact (out, value);
}

static void
bk_series_table_model_get_tooltip (BkTableModel *model,
                                   guint         row,
                                   guint         column,
                                   GString      *out)
{
  BkSeriesTableModel *self = BK_SERIES_TABLE_MODEL (model);

  if (row < BK_N_SERIES && column >= self->n_input_periods && column < self->n_periods)
    g_string_append (out, _("Modelled after the last input period: no new capex, backlog and share carried forward, token demand growing at the tail growth rate"));
}

static void
bk_series_table_model_iface_init (BkTableModelInterface *iface)
{
  iface->get_n_rows = bk_series_table_model_get_n_rows;
  iface->get_n_columns = bk_series_table_model_get_n_columns;
  iface->get_row_header = bk_series_table_model_get_row_header;
  iface->get_column_header = bk_series_table_model_get_column_header;
  iface->get_cell = bk_series_table_model_get_cell;
  iface->get_edit_text = bk_series_table_model_get_edit_text;
  iface->get_tooltip = bk_series_table_model_get_tooltip;
  /* no set_range: read-only */
}

/* The engine */

/* TRUE when the shape changed (and was updated). */
static gboolean
update_shape (BkSeriesTableModel *self)
{
  guint n_periods = predict_n_periods (self);
  guint n_input_periods = bk_workbook_get_n_periods (self->workbook);
  gboolean changed = n_periods != self->n_periods || n_input_periods != self->n_input_periods;

  self->n_periods = n_periods;
  self->n_input_periods = n_input_periods;

  /* The company may be gone */
  if (self->company >= (int) bk_workbook_get_n_companies (self->workbook))
    {
      self->company = -1;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPANY]);
      changed = TRUE;
    }

  return changed;
}

static void
bk_series_table_model_engine_invalidated (BkDocumentTableModel *base)
{
  BkSeriesTableModel *self = BK_SERIES_TABLE_MODEL (base);

  if (update_shape (self))
    bk_table_model_reset (BK_TABLE_MODEL (self));
  else
    bk_table_model_cells_changed (BK_TABLE_MODEL (self), 0, 0, BK_N_SERIES, self->n_periods);
}

static void
bk_series_table_model_workbook_changed (BkDocumentTableModel *base,
                                        BkChangeFlags         flags,
                                        int                   table,
                                        int                   row,
                                        int                   period,
                                        int                   n_rows,
                                        int                   n_periods)
{
  BkSeriesTableModel *self = BK_SERIES_TABLE_MODEL (base);

  /* Periods added at the start relabel every column */
  if (flags & BK_CHANGE_STRUCTURE)
    {
      update_shape (self);
      bk_table_model_reset (BK_TABLE_MODEL (self));
    }
}

/* GObject */

static void
bk_series_table_model_constructed (GObject *object)
{
  BkSeriesTableModel *self = BK_SERIES_TABLE_MODEL (object);
  BkDocumentTableModel *base = BK_DOCUMENT_TABLE_MODEL (object);

  G_OBJECT_CLASS (bk_series_table_model_parent_class)->constructed (object);

  self->engine = bk_document_table_model_get_engine (base);
  self->workbook = bk_document_table_model_get_workbook (base);
  g_assert (BK_IS_ENGINE (self->engine));
  update_shape (self);
}

static void
bk_series_table_model_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  BkSeriesTableModel *self = BK_SERIES_TABLE_MODEL (object);

  switch (prop_id)
    {
    case PROP_COMPANY:
      g_value_set_int (value, self->company);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_series_table_model_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  BkSeriesTableModel *self = BK_SERIES_TABLE_MODEL (object);

  switch (prop_id)
    {
    case PROP_COMPANY:
      if (self->workbook == NULL)
        self->company = g_value_get_int (value);  /* during construction */
      else
        bk_series_table_model_set_company (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_series_table_model_class_init (BkSeriesTableModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  BkDocumentTableModelClass *model_class = BK_DOCUMENT_TABLE_MODEL_CLASS (klass);

  object_class->constructed = bk_series_table_model_constructed;
  object_class->get_property = bk_series_table_model_get_property;
  object_class->set_property = bk_series_table_model_set_property;
  model_class->workbook_changed = bk_series_table_model_workbook_changed;
  model_class->engine_invalidated = bk_series_table_model_engine_invalidated;
  /* Another scenario: the engine's ::invalidated brings the new shape */
  model_class->scenario_changed = NULL;

  /* A company index, -1 for the total */
  properties[PROP_COMPANY] =
    g_param_spec_int ("company", NULL, NULL,
                      -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bk_series_table_model_init (BkSeriesTableModel *self)
{
  self->company = -1;
}

/* Public API */

BkSeriesTableModel *
bk_series_table_model_new (BkEngine *engine)
{
  g_return_val_if_fail (BK_IS_ENGINE (engine), NULL);

  return g_object_new (BK_TYPE_SERIES_TABLE_MODEL,
                       "engine", engine,
                       NULL);
}

int
bk_series_table_model_get_company (BkSeriesTableModel *self)
{
  g_return_val_if_fail (BK_IS_SERIES_TABLE_MODEL (self), -1);

  return self->company;
}

void
bk_series_table_model_set_company (BkSeriesTableModel *self,
                                   int                 company)
{
  g_return_if_fail (BK_IS_SERIES_TABLE_MODEL (self));
  g_return_if_fail (company >= -1 && company < (int) bk_workbook_get_n_companies (self->workbook));

  if (self->company == company)
    return;

  self->company = company;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPANY]);
  bk_table_model_reset (BK_TABLE_MODEL (self));
}
