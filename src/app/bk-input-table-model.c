/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-input-table-model.c — one input table of a document as a BkTableModel
 *
 * Reads cells from the document's workbook as the chosen scenario sees them
 * and writes a typed or pasted block with one bk_document_set_cells() call
 * (one transaction, one undo step).  A blank cell of a table that carries
 * values forward (backlog, share, tokens) shows the carried value greyed
 * (BLANK | INHERITED), because that is the value the model uses; a blank
 * capex cell stays empty (it counts as nothing spent).
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bk-format.h"
#include "bk-input-table-model.h"
#include "bk-share-check.h"

/* Shown in a cell whose formula cannot be evaluated; the tooltip says why */
#define INVALID_TEXT "#ERR"

struct _BkInputTableModel
{
  BkDocumentTableModel  parent_instance;

  BkWorkbook           *workbook;  /* the base's, borrowed */
  BkTable               table;

  GArray               *scratch;   /* one scenario row of doubles */
  GArray               *decimals;  /* int per column, -1 until computed */
};

static void bk_input_table_model_iface_init (BkTableModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BkInputTableModel, bk_input_table_model, BK_TYPE_DOCUMENT_TABLE_MODEL,
                               G_IMPLEMENT_INTERFACE (BK_TYPE_TABLE_MODEL,
                                                      bk_input_table_model_iface_init))

enum {
  PROP_0,
  PROP_TABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static guint
scenario_of (BkInputTableModel *self)
{
  return bk_document_table_model_get_scenario (BK_DOCUMENT_TABLE_MODEL (self));
}

static BkDocument *
document_of (BkInputTableModel *self)
{
  return bk_document_table_model_get_document (BK_DOCUMENT_TABLE_MODEL (self));
}

static gboolean
in_table (BkInputTableModel *self,
          guint              row,
          guint              column)
{
  return row < bk_workbook_get_n_rows (self->workbook, self->table) &&
         column < bk_workbook_get_n_periods (self->workbook);
}

/* The value a blank cell stands for: the last value to its left, in tables
 * that carry values forward.  FALSE when there is none. */
static gboolean
find_carried_value (BkInputTableModel *self,
                    guint              row,
                    guint              column,
                    double            *value,
                    guint             *from)
{
  const double *values;

  if (!bk_table_carries_forward (self->table) || column == 0)
    return FALSE;

  if (scenario_of (self) == BK_SCENARIO_BASE)
    values = bk_workbook_get_row_values (self->workbook, self->table, row);
  else
    {
      g_array_set_size (self->scratch, bk_workbook_get_n_periods (self->workbook));
      bk_workbook_get_scenario_row (self->workbook, scenario_of (self), self->table, row,
                                    (double *) (gpointer) self->scratch->data);
      values = (const double *) (gpointer) self->scratch->data;
    }

  for (guint p = column; p-- > 0;)
    {
      if (!isnan (values[p]))
        {
          *value = values[p];
          *from = p;
          return TRUE;
        }
    }

  return FALSE;
}

static void
forget_decimals (BkInputTableModel *self)
{
  g_array_set_size (self->decimals, 0);
}

/* The value a cell shows (its own or the one it carries), FALSE for none */
static gboolean
shown_value (BkInputTableModel *self,
             guint              row,
             guint              column,
             double            *value)
{
  BkCell cell;
  guint from;

  bk_workbook_get_cell (self->workbook, scenario_of (self), self->table, row, column, &cell);
  if (cell.flags & BK_CELL_INVALID)
    return FALSE;
  if (cell.flags & BK_CELL_BLANK)
    return find_carried_value (self, row, column, value, &from);
  *value = cell.value;
  return TRUE;
}

/* One number of decimals per column, as a spreadsheet's number format: the
 * most any value shown in the column needs */
static int
column_decimals (BkInputTableModel *self,
                 guint              column)
{
  guint n_columns = bk_workbook_get_n_periods (self->workbook);

  if (self->decimals->len != n_columns)
    {
      g_array_set_size (self->decimals, n_columns);
      for (guint c = 0; c < n_columns; c++)
        g_array_index (self->decimals, int, c) = -1;
    }

  if (g_array_index (self->decimals, int, column) < 0)
    {
      int decimals = 1;

      for (guint r = 0; r < bk_workbook_get_n_rows (self->workbook, self->table); r++)
        {
          double value;

          if (shown_value (self, r, column, &value))
            decimals = MAX (decimals, bk_format_cell_decimals (self->table, value));
        }
      g_array_index (self->decimals, int, column) = decimals;
    }

  return g_array_index (self->decimals, int, column);
}

static void
format_value (BkInputTableModel *self,
              guint              column,
              double             value,
              GString           *out)
{
  bk_format_cell_value_decimals (out, self->table, value, column_decimals (self, column));
}

/* The share table: the sum of the shares of the market of @row's company
 * in @column, when it is past 100 % (else FALSE) */
static gboolean
share_excess (BkInputTableModel *self,
              guint              row,
              guint              column,
              double            *sum)
{
  guint market;

  if (self->table != BK_TABLE_SHARE)
    return FALSE;
  market = bk_workbook_get_company_market (self->workbook, row);
  *sum = bk_share_check_sum (self->workbook, scenario_of (self), market, column);
  return *sum > 1 + BK_SHARE_SLACK;
}

static char *
dup_share_warning (BkInputTableModel *self,
                   guint              market,
                   guint              period,
                   double             sum)
{
  g_autoptr(GString) percent = g_string_new (NULL);
  g_autofree char *label = bk_workbook_dup_period_label (self->workbook, period);

  bk_format_percent (percent, sum, 1);
  /* Translators: a share cell's warning, e.g. "The shares of China add up
   * to 155.0% in 2025, more than the whole market" */
  return g_strdup_printf (_("The shares of %s add up to %s in %s, more than the whole market"),
                          bk_workbook_get_market_name (self->workbook, market), percent->str, label);
}

/* What a person would type to get @value: the share table takes percent. */
static void
append_typed_value (BkTable  table,
                    double   value,
                    GString *out)
{
  if (table == BK_TABLE_SHARE)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      /* %.15g drops the binary noise of × 100 (0.47 × 100 = 47.000000000000007) */
      g_ascii_formatd (buf, sizeof buf, "%.15g", value * 100);
      bk_format_number_exact (out, g_ascii_strtod (buf, NULL));
    }
  else
    bk_format_number_exact (out, value);
}

/* BkTableModel */

static guint
bk_input_table_model_get_n_rows (BkTableModel *model)
{
  BkInputTableModel *self = BK_INPUT_TABLE_MODEL (model);

  return bk_workbook_get_n_rows (self->workbook, self->table);
}

static guint
bk_input_table_model_get_n_columns (BkTableModel *model)
{
  BkInputTableModel *self = BK_INPUT_TABLE_MODEL (model);

  return bk_workbook_get_n_periods (self->workbook);
}

static void
bk_input_table_model_get_row_header (BkTableModel *model,
                                     guint         row,
                                     GString      *out)
{
  BkInputTableModel *self = BK_INPUT_TABLE_MODEL (model);

  if (row < bk_workbook_get_n_rows (self->workbook, self->table))
    g_string_append (out, bk_workbook_get_row_name (self->workbook, self->table, row));
}

static void
bk_input_table_model_get_column_header (BkTableModel *model,
                                        guint         column,
                                        GString      *out)
{
  BkInputTableModel *self = BK_INPUT_TABLE_MODEL (model);
  g_autofree char *label = NULL;

  if (column >= bk_workbook_get_n_periods (self->workbook))
    return;

  label = bk_workbook_dup_period_label (self->workbook, column);
  g_string_append (out, label);
}

static BkTableCellFlags
bk_input_table_model_get_cell (BkTableModel *model,
                               guint         row,
                               guint         column,
                               GString      *display)
{
  BkInputTableModel *self = BK_INPUT_TABLE_MODEL (model);
  BkTableCellFlags flags = BK_TABLE_CELL_NONE;
  BkCell cell;

  if (!in_table (self, row, column))
    return BK_TABLE_CELL_BLANK | BK_TABLE_CELL_READ_ONLY;

  bk_workbook_get_cell (self->workbook, scenario_of (self), self->table, row, column, &cell);

  if (cell.flags & BK_CELL_FORMULA)
    flags |= BK_TABLE_CELL_FORMULA;
  if (cell.flags & BK_CELL_NOTE)
    flags |= BK_TABLE_CELL_NOTE;
  if (cell.flags & BK_CELL_OVERRIDDEN)
    flags |= BK_TABLE_CELL_OVERRIDDEN;
  {
    double sum;

    if (share_excess (self, row, column, &sum))
      flags |= BK_TABLE_CELL_WARNING;
  }

  if (cell.flags & BK_CELL_INVALID)
    {
      if (display != NULL)
        g_string_append (display, INVALID_TEXT);
      return flags | BK_TABLE_CELL_INVALID | BK_TABLE_CELL_TEXT;
    }

  if (cell.flags & BK_CELL_BLANK)
    {
      double carried;
      guint from;

      flags |= BK_TABLE_CELL_BLANK;
      if (find_carried_value (self, row, column, &carried, &from))
        {
          flags |= BK_TABLE_CELL_INHERITED;
          if (display != NULL)
            format_value (self, column, carried, display);
        }
      return flags;
    }

  if (display != NULL)
    format_value (self, column, cell.value, display);

  return flags;
}

static void
bk_input_table_model_get_edit_text (BkTableModel *model,
                                    guint         row,
                                    guint         column,
                                    GString      *out)
{
  BkInputTableModel *self = BK_INPUT_TABLE_MODEL (model);
  BkCell cell;

  if (!in_table (self, row, column))
    return;

  bk_workbook_get_cell (self->workbook, scenario_of (self), self->table, row, column, &cell);

  if (cell.formula != NULL)
    g_string_append (out, cell.formula);
  else if (!isnan (cell.value))
    append_typed_value (self->table, cell.value, out);
}

static void
append_line (GString    *out,
             const char *text)
{
  if (out->len > 0)
    g_string_append_c (out, '\n');
  g_string_append (out, text);
}

static void
bk_input_table_model_get_tooltip (BkTableModel *model,
                                  guint         row,
                                  guint         column,
                                  GString      *out)
{
  BkInputTableModel *self = BK_INPUT_TABLE_MODEL (model);
  BkCell cell;
  double carried;
  guint from;

  if (!in_table (self, row, column))
    return;

  bk_workbook_get_cell (self->workbook, scenario_of (self), self->table, row, column, &cell);

  if (cell.note != NULL)
    append_line (out, cell.note);
  /* cell.error lives until the next bk_workbook_get_cell() call */
  if (cell.error != NULL)
    append_line (out, cell.error);
  {
    double sum;

    if (share_excess (self, row, column, &sum))
      {
        g_autofree char *warning = dup_share_warning (self, bk_workbook_get_company_market (self->workbook, row),
                                                      column, sum);

        append_line (out, warning);
      }
  }

  if ((cell.flags & BK_CELL_BLANK) && !(cell.flags & BK_CELL_INVALID) &&
      find_carried_value (self, row, column, &carried, &from))
    {
      g_autoptr(GString) value = g_string_new (NULL);
      g_autofree char *label = bk_workbook_dup_period_label (self->workbook, from);
      g_autofree char *line = NULL;

      bk_format_cell_value (value, self->table, carried);
      /* Translators: the tooltip of a blank cell, e.g. "Blank: 625.0 carried forward from 2025" */
      line = g_strdup_printf (_("Blank: %s carried forward from %s"), value->str, label);
      append_line (out, line);
    }

  if (cell.flags & BK_CELL_OVERRIDDEN)
    {
      g_autoptr(GString) value = g_string_new (NULL);
      g_autofree char *line = NULL;
      BkCell base;

      bk_workbook_get_cell (self->workbook, BK_SCENARIO_BASE, self->table, row, column, &base);
      if (base.flags & BK_CELL_INVALID)
        g_string_append (value, INVALID_TEXT);
      else
        bk_format_cell_value (value, self->table, base.value);
      /* Translators: the tooltip of a cell a scenario overrides, e.g. "Base: 145.0" */
      line = g_strdup_printf (_("Base: %s"), value->str);
      append_line (out, line);
    }
}

/* The share table: every market and period past 100 %, a line each */
static void
bk_input_table_model_get_warning (BkTableModel *model,
                                  GString      *out)
{
  BkInputTableModel *self = BK_INPUT_TABLE_MODEL (model);
  g_autoptr(GArray) excesses = NULL;

  if (self->table != BK_TABLE_SHARE)
    return;
  excesses = bk_share_check_excesses (self->workbook, scenario_of (self));
  if (excesses->len == 0)
    return;

  for (guint i = 0; i < excesses->len; i++)
    {
      const BkShareExcess *e = &g_array_index (excesses, BkShareExcess, i);
      g_autoptr(GString) percent = g_string_new (NULL);
      g_autofree char *label = bk_workbook_dup_period_label (self->workbook, e->period);
      g_autofree char *line = NULL;

      bk_format_percent (percent, e->sum, 1);
      /* Translators: the share table's warning in the formula bar, short:
       * market, period, the sum of its shares ("China 2025: shares add up
       * to 155.0%") */
      line = g_strdup_printf (_("%s %s: shares add up to %s"),
                              bk_workbook_get_market_name (self->workbook, e->market), label, percent->str);
      append_line (out, line);
    }
}

/* A block past the edge is refused (bk_table_model_set_range()): say what
 * to add first.  Rows are not added for a paste, since a new company needs a
 * name and a market; periods could be, but adding them and pasting would be
 * two undo steps, so the paste is refused whole as well. */
static void
bk_input_table_model_get_overflow_hint (BkTableModel *model,
                                        guint         rows_over,
                                        guint         columns_over,
                                        GString      *out)
{
  BkInputTableModel *self = BK_INPUT_TABLE_MODEL (model);

  if (rows_over > 0 && bk_table_rows_are_markets (self->table))
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                              "A new market needs a name: add %u market with Insert Row first.",
                                              "New markets need names: add %u markets with Insert Row first.",
                                              rows_over), rows_over);
  else if (rows_over > 0)
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                              "A new company needs a name and a market: add %u company with Insert Row first.",
                                              "New companies need names and markets: add %u companies with Insert Row first.",
                                              rows_over), rows_over);
  if (columns_over > 0)
    {
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                                "Add %u period with Add Period at End first.",
                                                "Add %u periods with Add Period at End first.",
                                                columns_over), columns_over);
    }
}

static gboolean
bk_input_table_model_set_range (BkTableModel       *model,
                                guint               row,
                                guint               column,
                                guint               n_rows,
                                guint               n_columns,
                                const char * const *texts,
                                GError            **error)
{
  BkInputTableModel *self = BK_INPUT_TABLE_MODEL (model);
  BkNumberLocale locale;

  bk_number_locale_init_current (&locale);

  return bk_document_set_cells (document_of (self), scenario_of (self), self->table,
                                row, column, n_rows, n_columns, texts, &locale, error);
}

static void
bk_input_table_model_iface_init (BkTableModelInterface *iface)
{
  iface->get_n_rows = bk_input_table_model_get_n_rows;
  iface->get_n_columns = bk_input_table_model_get_n_columns;
  iface->get_row_header = bk_input_table_model_get_row_header;
  iface->get_column_header = bk_input_table_model_get_column_header;
  iface->get_cell = bk_input_table_model_get_cell;
  iface->get_edit_text = bk_input_table_model_get_edit_text;
  iface->get_tooltip = bk_input_table_model_get_tooltip;
  iface->get_overflow_hint = bk_input_table_model_get_overflow_hint;
  iface->get_warning = bk_input_table_model_get_warning;
  iface->set_range = bk_input_table_model_set_range;
}

/* The workbook */

static void
bk_input_table_model_workbook_changed (BkDocumentTableModel *base,
                                       BkChangeFlags         flags,
                                       int                   table,
                                       int                   row,
                                       int                   period,
                                       int                   n_rows,
                                       int                   n_periods)
{
  BkInputTableModel *self = BK_INPUT_TABLE_MODEL (base);
  BkTableModel *model = BK_TABLE_MODEL (self);
  guint total_rows, total_columns;
  BkChangeFlags relevant;

  forget_decimals (self);

  if (flags & BK_CHANGE_STRUCTURE)
    {
      bk_table_model_reset (model);
      return;
    }

  /* Base cells show through in every scenario; overrides only matter in the
   * scenario shown, but the signal does not say which scenario changed. */
  relevant = BK_CHANGE_CELLS | BK_CHANGE_NOTES;
  if (scenario_of (self) != BK_SCENARIO_BASE)
    relevant |= BK_CHANGE_OVERRIDES;
  if ((flags & relevant) == 0)
    return;

  if (table >= 0 && (BkTable) table != self->table)
    return;

  total_rows = bk_workbook_get_n_rows (self->workbook, self->table);
  total_columns = bk_workbook_get_n_periods (self->workbook);
  if (total_rows == 0 || total_columns == 0)
    return;

  if (table < 0 || row < 0 || period < 0 || n_rows <= 0 || n_periods <= 0 ||
      (guint) row >= total_rows || (guint) period >= total_columns)
    {
      bk_table_model_cells_changed (model, 0, 0, total_rows, total_columns);
      return;
    }

  n_rows = MIN ((guint) n_rows, total_rows - (guint) row);
  /* One share moves its whole market's sum: every row's warning mark */
  if (self->table == BK_TABLE_SHARE && (flags & (BK_CHANGE_CELLS | BK_CHANGE_OVERRIDES)))
    {
      row = 0;
      n_rows = (int) total_rows;
    }
  if (flags & (BK_CHANGE_CELLS | BK_CHANGE_OVERRIDES))
    {
      /* Formulas and carried values further along the row follow */
      bk_table_model_cells_changed (model, (guint) row, (guint) period,
                                    (guint) n_rows, total_columns - (guint) period);
    }
  else
    {
      bk_table_model_cells_changed (model, (guint) row, (guint) period, (guint) n_rows,
                                    MIN ((guint) n_periods, total_columns - (guint) period));
    }
}

/* GObject */

static void
bk_input_table_model_constructed (GObject *object)
{
  BkInputTableModel *self = BK_INPUT_TABLE_MODEL (object);

  G_OBJECT_CLASS (bk_input_table_model_parent_class)->constructed (object);

  g_assert (BK_IS_DOCUMENT (document_of (self)));

  self->workbook = bk_document_table_model_get_workbook (BK_DOCUMENT_TABLE_MODEL (self));
}

static void
bk_input_table_model_scenario_changed (BkDocumentTableModel *base)
{
  forget_decimals (BK_INPUT_TABLE_MODEL (base));
  BK_DOCUMENT_TABLE_MODEL_CLASS (bk_input_table_model_parent_class)->scenario_changed (base);
}

static void
bk_input_table_model_finalize (GObject *object)
{
  BkInputTableModel *self = BK_INPUT_TABLE_MODEL (object);

  g_clear_pointer (&self->scratch, g_array_unref);
  g_clear_pointer (&self->decimals, g_array_unref);

  G_OBJECT_CLASS (bk_input_table_model_parent_class)->finalize (object);
}

static void
bk_input_table_model_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  BkInputTableModel *self = BK_INPUT_TABLE_MODEL (object);

  switch (prop_id)
    {
    case PROP_TABLE:
      g_value_set_uint (value, self->table);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_input_table_model_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  BkInputTableModel *self = BK_INPUT_TABLE_MODEL (object);

  switch (prop_id)
    {
    case PROP_TABLE:
      self->table = (BkTable) g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_input_table_model_class_init (BkInputTableModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  BkDocumentTableModelClass *model_class = BK_DOCUMENT_TABLE_MODEL_CLASS (klass);

  object_class->constructed = bk_input_table_model_constructed;
  object_class->finalize = bk_input_table_model_finalize;
  object_class->get_property = bk_input_table_model_get_property;
  object_class->set_property = bk_input_table_model_set_property;
  model_class->workbook_changed = bk_input_table_model_workbook_changed;
  model_class->scenario_changed = bk_input_table_model_scenario_changed;

  /* A BkTable */
  properties[PROP_TABLE] =
    g_param_spec_uint ("table", NULL, NULL,
                       0, BK_N_TABLES - 1, BK_TABLE_CAPEX,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bk_input_table_model_init (BkInputTableModel *self)
{
  self->scratch = g_array_new (FALSE, TRUE, sizeof (double));
  self->decimals = g_array_new (FALSE, TRUE, sizeof (int));
}

/* Public API */

BkInputTableModel *
bk_input_table_model_new (BkDocument *document,
                          BkTable     table)
{
  g_return_val_if_fail (BK_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (table < BK_N_TABLES, NULL);

  return g_object_new (BK_TYPE_INPUT_TABLE_MODEL,
                       "document", document,
                       "table", (guint) table,
                       NULL);
}

BkTable
bk_input_table_model_get_table (BkInputTableModel *self)
{
  g_return_val_if_fail (BK_IS_INPUT_TABLE_MODEL (self), BK_TABLE_CAPEX);

  return self->table;
}

gboolean
bk_input_table_model_reset_range (BkInputTableModel  *self,
                                  guint               row,
                                  guint               column,
                                  guint               n_rows,
                                  guint               n_columns,
                                  GError            **error)
{
  g_return_val_if_fail (BK_IS_INPUT_TABLE_MODEL (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_rows == 0 || n_columns == 0)
    return TRUE;

  return bk_document_reset_cells (document_of (self), scenario_of (self), self->table,
                                  row, column, n_rows, n_columns, error);
}

char *
bk_input_table_model_dup_cell_address (BkInputTableModel *self,
                                       guint              row,
                                       guint              column)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (BK_IS_INPUT_TABLE_MODEL (self), NULL);
  g_return_val_if_fail (in_table (self, row, column), NULL);

  label = bk_workbook_dup_period_label (self->workbook, column);

  /* Translators: a cell's address in the formula bar: row name, period label,
   * e.g. "Microsoft · 2024" */
  return g_strdup_printf (_("%s · %s"),
                          bk_workbook_get_row_name (self->workbook, self->table, row),
                          label);
}
