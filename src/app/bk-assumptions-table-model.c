/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-assumptions-table-model.c — the driver assumptions as a BkTableModel
 *
 * A cell is one assumption layer (bk-workbook.h) of the scenario shown: the
 * workbook level in column 0, a company's override in the others.  A layer
 * that sets nothing shows the value the company inherits, greyed (BLANK |
 * INHERITED), and clearing a cell removes the layer's value.  In a scenario
 * other than the base, a value the scenario sets is OVERRIDDEN.
 *
 * Typing.  Fractions are typed and shown as percentages, as in the share
 * table and in spreadsheets: "60" and "60%" are both 0.6.  Other assumptions
 * take a plain number in their unit (no K/M/B/T suffix, no currency).  Both
 * go through the cell input parser (bk-input.h), so the user's decimal
 * point and digit grouping work as in every other cell.
 *
 * Uncertainty.  The last column holds each driver's uncertainty, the same
 * for every scenario ("0.1 to 0.6", "N(3, 0.5)", "U(2, 4)"), shown in the
 * user's language and numbers ("0.1 至 0.6" in zh_CN; the file keeps "0.1
 * to 0.6", bk-distribution.h): typing one, the shown form included, stores
 * it through bk_document_set_distribution(), one undo step; "" or "none"
 * removes it.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bk-assumptions-table-model.h"
#include "bk-distribution.h"
#include "bk-engine-inputs.h"
#include "bk-format.h"

#define MIN_WIDTH_CHARS 8

struct _BkAssumptionsTableModel
{
  BkDocumentTableModel  parent_instance;

  BkWorkbook           *workbook;  /* the base's, borrowed */
};

static void bk_assumptions_table_model_iface_init (BkTableModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BkAssumptionsTableModel, bk_assumptions_table_model, BK_TYPE_DOCUMENT_TABLE_MODEL,
                               G_IMPLEMENT_INTERFACE (BK_TYPE_TABLE_MODEL,
                                                      bk_assumptions_table_model_iface_init))

static guint
scenario_of (BkAssumptionsTableModel *self)
{
  return bk_document_table_model_get_scenario (BK_DOCUMENT_TABLE_MODEL (self));
}

static gboolean
in_table (BkAssumptionsTableModel *self,
          guint                    row,
          guint                    column)
{
  return row < BK_N_ASSUMPTIONS && column <= bk_workbook_get_n_companies (self->workbook);
}

/* The uncertainty column, after the companies */
static guint
uncertainty_column (BkAssumptionsTableModel *self)
{
  return 1 + bk_workbook_get_n_companies (self->workbook);
}

static gboolean
is_uncertainty (BkAssumptionsTableModel *self,
                guint                    row,
                guint                    column)
{
  return row < BK_N_ASSUMPTIONS && column == uncertainty_column (self);
}

/* extra_years is not a driver: it has no uncertainty */
static gboolean
has_uncertainty (BkAssumption assumption)
{
  return bk_driver_check (assumption, NULL);
}

/* Workbook-only assumptions cannot be set in a company column. */
static gboolean
is_read_only (BkAssumption assumption,
              int          company)
{
  return company >= 0 && bk_assumption_is_workbook_only (assumption);
}

static const char *
column_name (BkAssumptionsTableModel *self,
             int                      company)
{
  if (company < 0)
    return _("All companies");
  return bk_workbook_get_company_name (self->workbook, (guint) company);
}

/* What a person would type to get @value. */
static void
append_typed_value (BkAssumption  assumption,
                    double        value,
                    GString      *out)
{
  if (bk_assumption_get_kind (assumption) == BK_ASSUMPTION_KIND_FRACTION)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      /* %.15g drops the binary noise of × 100 */
      g_ascii_formatd (buf, sizeof buf, "%.15g", value * 100);
      bk_format_number_exact (out, g_ascii_strtod (buf, NULL));
    }
  else
    bk_format_number_exact (out, value);
}

/* A stored uncertainty as the person reads and types it: "3 至 7" in
 * zh_CN for the file's "3 to 7" */
static void
append_uncertainty (BkAssumption  assumption,
                    const char   *spec,
                    GString      *out)
{
  g_autofree char *shown = bk_distribution_spec_to_display (spec, assumption);

  g_string_append (out, shown);
}

/* Parses what was typed for @assumption; "" gives NAN (no value). */
static gboolean
parse_text (BkAssumption           assumption,
            const char            *text,
            const BkNumberLocale  *locale,
            double                *value,
            GError               **error)
{
  gboolean fraction = bk_assumption_get_kind (assumption) == BK_ASSUMPTION_KIND_FRACTION;
  g_autoptr(GError) local_error = NULL;
  gboolean ok = TRUE;
  BkInput input = { 0, };

  /* No scale suffixes, currencies or formulas: only the exponent's 'e' */
  for (const char *p = text; *p != '\0' && ok; p++)
    {
      if ((g_ascii_isalpha (*p) && *p != 'e' && *p != 'E') ||
          *p == '$' || *p == '=' || (*p == '%' && !fraction) || bk_input_is_chinese_scale (p))
        ok = FALSE;
    }

  /* The share table's rules are exactly the percentage rules; the tokens
   * table's (without suffixes, excluded above) those of a plain number. */
  if (ok)
    ok = bk_input_parse (text, fraction ? BK_TABLE_SHARE : BK_TABLE_TOKENS,
                         locale, &input, &local_error);
  if (ok && input.kind == BK_INPUT_FORMULA)
    ok = FALSE;

  if (!ok)
    {
      /* The parser's own message speaks of cells and tables: say it here */
      if (fraction)
        g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                     _("“%s” is not a percentage; type a number like 60 or 60%%"), text);
      else
        g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                     _("“%s” is not a number; type a plain number without a unit or a K, M, B or T suffix"),
                     text);
      bk_input_clear (&input);
      return FALSE;
    }

  if (input.kind == BK_INPUT_BLANK)
    {
      *value = NAN;
      return TRUE;
    }

  *value = input.value;
  bk_input_clear (&input);

  if (!bk_assumption_check (assumption, *value, &local_error))
    {
      g_set_error (error, BK_ERROR, local_error->code,
                   /* Translators: "“150” is out of range: utilization: 1.5 is not valid; …" */
                   _("“%s” is out of range: %s"), text, local_error->message);
      return FALSE;
    }

  return TRUE;
}

/* BkTableModel */

static guint
bk_assumptions_table_model_get_n_rows (BkTableModel *model)
{
  return BK_N_ASSUMPTIONS;
}

static guint
bk_assumptions_table_model_get_n_columns (BkTableModel *model)
{
  BkAssumptionsTableModel *self = BK_ASSUMPTIONS_TABLE_MODEL (model);

  return 2 + bk_workbook_get_n_companies (self->workbook);
}

static void
bk_assumptions_table_model_get_row_header (BkTableModel *model,
                                           guint         row,
                                           GString      *out)
{
  const char *unit;

  if (row >= BK_N_ASSUMPTIONS)
    return;

  g_string_append (out, bk_assumption_get_name ((BkAssumption) row));
  unit = bk_assumption_get_unit ((BkAssumption) row);
  if (unit != NULL && unit[0] != '\0')
    g_string_append_printf (out, " (%s)", unit);
}

static void
bk_assumptions_table_model_get_column_header (BkTableModel *model,
                                              guint         column,
                                              GString      *out)
{
  BkAssumptionsTableModel *self = BK_ASSUMPTIONS_TABLE_MODEL (model);

  if (column <= bk_workbook_get_n_companies (self->workbook))
    g_string_append (out, column_name (self, (int) column - 1));
  else if (column == uncertainty_column (self))
    g_string_append (out, _("Uncertainty"));
}

static BkTableCellFlags
bk_assumptions_table_model_get_cell (BkTableModel *model,
                                     guint         row,
                                     guint         column,
                                     GString      *display)
{
  BkAssumptionsTableModel *self = BK_ASSUMPTIONS_TABLE_MODEL (model);
  BkAssumption assumption = (BkAssumption) row;
  int company = (int) column - 1;
  double layer;

  if (is_uncertainty (self, row, column))
    {
      const char *spec;

      if (!has_uncertainty (assumption))
        return BK_TABLE_CELL_BLANK | BK_TABLE_CELL_READ_ONLY;
      spec = bk_workbook_get_distribution (self->workbook, assumption);
      if (spec == NULL)
        return BK_TABLE_CELL_BLANK;
      if (display != NULL)
        append_uncertainty (assumption, spec, display);
      return BK_TABLE_CELL_NONE;
    }

  if (!in_table (self, row, column))
    return BK_TABLE_CELL_BLANK | BK_TABLE_CELL_READ_ONLY;

  if (is_read_only (assumption, company))
    return BK_TABLE_CELL_BLANK | BK_TABLE_CELL_READ_ONLY;

  layer = bk_workbook_get_assumption_layer (self->workbook, scenario_of (self), company, assumption);
  if (!isnan (layer))
    {
      if (display != NULL)
        bk_format_assumption (display, assumption, layer);
      return scenario_of (self) != BK_SCENARIO_BASE ? BK_TABLE_CELL_OVERRIDDEN : BK_TABLE_CELL_NONE;
    }

  if (display != NULL)
    bk_format_assumption (display, assumption,
                          bk_workbook_get_assumption (self->workbook, scenario_of (self), company, assumption));

  return BK_TABLE_CELL_BLANK | BK_TABLE_CELL_INHERITED;
}

static void
bk_assumptions_table_model_get_edit_text (BkTableModel *model,
                                          guint         row,
                                          guint         column,
                                          GString      *out)
{
  BkAssumptionsTableModel *self = BK_ASSUMPTIONS_TABLE_MODEL (model);
  BkAssumption assumption = (BkAssumption) row;
  int company = (int) column - 1;
  double layer;

  if (is_uncertainty (self, row, column))
    {
      const char *spec = bk_workbook_get_distribution (self->workbook, assumption);

      if (spec != NULL)
        append_uncertainty (assumption, spec, out);
      return;
    }

  if (!in_table (self, row, column) || is_read_only (assumption, company))
    return;

  layer = bk_workbook_get_assumption_layer (self->workbook, scenario_of (self), company, assumption);
  if (!isnan (layer))
    append_typed_value (assumption, layer, out);
}

static gboolean
layer_is_set (BkAssumptionsTableModel *self,
              guint                    scenario,
              int                      company,
              BkAssumption             assumption)
{
  return !isnan (bk_workbook_get_assumption_layer (self->workbook, scenario, company, assumption));
}

static void
bk_assumptions_table_model_get_tooltip (BkTableModel *model,
                                        guint         row,
                                        guint         column,
                                        GString      *out)
{
  BkAssumptionsTableModel *self = BK_ASSUMPTIONS_TABLE_MODEL (model);
  BkAssumption assumption = (BkAssumption) row;
  int company = (int) column - 1;
  gboolean in_scenario = scenario_of (self) != BK_SCENARIO_BASE;
  g_autofree char *line = NULL;

  if (is_uncertainty (self, row, column))
    {
      if (has_uncertainty (assumption))
        g_string_append (out, _("How uncertain this driver is, for Monte Carlo: "
                                "“0.1 to 0.6” (triangular around the value), "
                                "“N(3, 0.5)” (normal) or “U(2, 4)” (uniform); "
                                "empty or “none” for no uncertainty"));
      else
        g_string_append (out, _("Not a driver: it has no uncertainty"));
      return;
    }

  if (!in_table (self, row, column))
    return;

  g_string_append (out, bk_assumption_get_description (assumption));

  if (is_read_only (assumption, company))
    line = g_strdup (_("Set for all companies or in a scenario, not for one company"));
  else if (layer_is_set (self, scenario_of (self), company, assumption))
    {
      if (in_scenario)
        {
          g_autoptr(GString) value = g_string_new (NULL);

          bk_format_assumption (value, assumption,
                                bk_workbook_get_assumption (self->workbook, BK_SCENARIO_BASE,
                                                            company, assumption));
          /* Translators: the tooltip of a value a scenario overrides, e.g. "Base: 70%" */
          line = g_strdup_printf (_("Base: %s"), value->str);
        }
    }
  /* Where the inherited value comes from; later layers win:
   * default → workbook → workbook company → scenario → scenario company */
  else if (in_scenario && company >= 0 && layer_is_set (self, scenario_of (self), -1, assumption))
    line = g_strdup (_("Inherited from this scenario’s value for all companies"));
  else if (in_scenario && company >= 0 && layer_is_set (self, BK_SCENARIO_BASE, company, assumption))
    line = g_strdup_printf (_("Inherited from the base value for %s"),
                            bk_workbook_get_company_name (self->workbook, (guint) company));
  else if ((in_scenario || company >= 0) && layer_is_set (self, BK_SCENARIO_BASE, -1, assumption))
    line = g_strdup (_("Inherited from the base value for all companies"));
  else
    line = g_strdup (_("The built-in default"));

  if (line != NULL)
    {
      g_string_append_c (out, '\n');
      g_string_append (out, line);
    }
}

static guint
bk_assumptions_table_model_get_column_width_hint (BkTableModel *model,
                                                  guint         column)
{
  BkAssumptionsTableModel *self = BK_ASSUMPTIONS_TABLE_MODEL (model);
  const char *name;

  if (column == uncertainty_column (self))
    return MAX (MIN_WIDTH_CHARS, (guint) g_utf8_strlen (_("Uncertainty"), -1) + 2) + 4;
  if (column > bk_workbook_get_n_companies (self->workbook))
    return 0;

  name = column_name (self, (int) column - 1);
  return MAX (MIN_WIDTH_CHARS, (guint) g_utf8_strlen (name, -1) + 2);
}

/* Checks a block and collects the layers to change (only those that
 * change).  For @texts NULL every layer is removed. */
static gboolean
collect_changes (BkAssumptionsTableModel  *self,
                 guint                     row,
                 guint                     column,
                 guint                     n_rows,
                 guint                     n_columns,
                 const char * const       *texts,
                 GArray                   *companies,
                 GArray                   *assumptions,
                 GArray                   *values,
                 GError                  **error)
{
  BkNumberLocale locale;

  if (row >= BK_N_ASSUMPTIONS || n_rows > BK_N_ASSUMPTIONS - row ||
      column > bk_workbook_get_n_companies (self->workbook) ||
      n_columns > bk_workbook_get_n_companies (self->workbook) + 1 - column)
    {
      g_set_error_literal (error, BK_ERROR, BK_ERROR_NOT_FOUND, _("The cells are outside the table"));
      return FALSE;
    }

  bk_number_locale_init_current (&locale);

  for (guint r = row; r < row + n_rows; r++)
    for (guint c = column; c < column + n_columns; c++)
      {
        BkAssumption assumption = (BkAssumption) r;
        int company = (int) c - 1;
        const char *text = texts ? texts[(gsize) (r - row) * n_columns + (c - column)] : NULL;
        double old_value, value = NAN;

        if (text == NULL)
          text = "";

        if (is_read_only (assumption, company))
          {
            g_autofree char *stripped = g_strstrip (g_strdup (text));

            if (stripped[0] == '\0')
              continue;
            g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                         /* Translators: "Extra years, Microsoft: set …" */
                         _("%s, %s: set it for all companies or in a scenario, not for one company"),
                         bk_assumption_get_name (assumption), column_name (self, company));
            return FALSE;
          }

        if (texts != NULL)
          {
            g_autoptr(GError) local_error = NULL;

            if (!parse_text (assumption, text, &locale, &value, &local_error))
              {
                g_set_error (error, BK_ERROR, local_error->code,
                             /* Translators: driver, column and what is wrong, e.g.
                              * "Utilization, Microsoft: “abc” is not a percentage; …" */
                             _("%s, %s: %s"),
                             bk_assumption_get_name (assumption), column_name (self, company),
                             local_error->message);
                return FALSE;
              }
          }

        old_value = bk_workbook_get_assumption_layer (self->workbook, scenario_of (self), company, assumption);
        if ((isnan (old_value) && isnan (value)) || old_value == value)
          continue;

        g_array_append_val (companies, company);
        g_array_append_val (assumptions, assumption);
        g_array_append_val (values, value);
      }

  return TRUE;
}

static gboolean
apply_block (BkAssumptionsTableModel  *self,
             guint                     row,
             guint                     column,
             guint                     n_rows,
             guint                     n_columns,
             const char * const       *texts,
             GError                  **error)
{
  g_autoptr(GArray) companies = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) assumptions = g_array_new (FALSE, FALSE, sizeof (BkAssumption));
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));

  if (!collect_changes (self, row, column, n_rows, n_columns, texts,
                        companies, assumptions, values, error))
    return FALSE;

  if (values->len == 0)
    return TRUE;

  /* One call: one transaction and one undo step for the whole block */
  return bk_document_set_assumptions (bk_document_table_model_get_document (BK_DOCUMENT_TABLE_MODEL (self)),
                                      scenario_of (self), values->len,
                                      (const int *) (gpointer) companies->data,
                                      (const BkAssumption *) (gpointer) assumptions->data,
                                      (const double *) (gpointer) values->data,
                                      error);
}

/* One driver's uncertainty from @text (NULL or "" removes it) */
static gboolean
set_uncertainty (BkAssumptionsTableModel  *self,
                 BkAssumption              assumption,
                 const char               *text,
                 GError                  **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(BkDistribution) typed = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));
  g_autofree char *spec = NULL;
  const char *old = bk_workbook_get_distribution (self->workbook, assumption);

  if (!has_uncertainty (assumption))
    {
      if (stripped[0] == '\0')
        return TRUE;
      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                   /* Translators: "Extra years: not a driver, …" */
                   _("%s: not a driver, it cannot have an uncertainty"),
                   bk_assumption_get_name (assumption));
      return FALSE;
    }
  /* What was typed, in the user's language and numbers, as the file keeps
   * it; the same as before: nothing to do, no undo step.  The document
   * parses the typed text itself, in the same locale. */
  if (bk_distribution_parse (stripped, assumption, NULL, &typed, &local_error))
    {
      spec = typed != NULL ? bk_distribution_to_string (typed) : NULL;
      if (g_strcmp0 (old, spec) == 0)
        return TRUE;
    }

  if (local_error != NULL ||
      !bk_document_set_distribution (bk_document_table_model_get_document (BK_DOCUMENT_TABLE_MODEL (self)),
                                     assumption, stripped, &local_error))
    {
      g_set_error (error, BK_ERROR, local_error->code,
                   /* Translators: driver, then what is wrong with its uncertainty */
                   _("%s, %s: %s"), bk_assumption_get_name (assumption), _("Uncertainty"),
                   local_error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
bk_assumptions_table_model_set_range (BkTableModel       *model,
                                      guint               row,
                                      guint               column,
                                      guint               n_rows,
                                      guint               n_columns,
                                      const char * const *texts,
                                      GError            **error)
{
  BkAssumptionsTableModel *self = BK_ASSUMPTIONS_TABLE_MODEL (model);
  guint last = uncertainty_column (self);

  if (n_columns > 0 && column <= last && column + n_columns > last)
    {
      /* One uncertainty per command: each is its own undo step */
      if (n_rows != 1 || n_columns != 1)
        {
          g_set_error_literal (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                               _("Set one uncertainty at a time"));
          return FALSE;
        }
      return set_uncertainty (self, (BkAssumption) row, texts ? texts[0] : NULL, error);
    }

  return apply_block (self, row, column, n_rows, n_columns, texts, error);
}

static void
bk_assumptions_table_model_iface_init (BkTableModelInterface *iface)
{
  iface->get_n_rows = bk_assumptions_table_model_get_n_rows;
  iface->get_n_columns = bk_assumptions_table_model_get_n_columns;
  iface->get_row_header = bk_assumptions_table_model_get_row_header;
  iface->get_column_header = bk_assumptions_table_model_get_column_header;
  iface->get_cell = bk_assumptions_table_model_get_cell;
  iface->get_edit_text = bk_assumptions_table_model_get_edit_text;
  iface->get_tooltip = bk_assumptions_table_model_get_tooltip;
  iface->get_column_width_hint = bk_assumptions_table_model_get_column_width_hint;
  iface->set_range = bk_assumptions_table_model_set_range;
}

/* The workbook */

static void
bk_assumptions_table_model_workbook_changed (BkDocumentTableModel *base,
                                             BkChangeFlags         flags,
                                             int                   table,
                                             int                   row,
                                             int                   period,
                                             int                   n_rows,
                                             int                   n_periods)
{
  BkAssumptionsTableModel *self = BK_ASSUMPTIONS_TABLE_MODEL (base);

  /* Companies may have come or gone */
  if (flags & BK_CHANGE_STRUCTURE)
    bk_table_model_reset (BK_TABLE_MODEL (self));
  else if (flags & (BK_CHANGE_ASSUMPTIONS | BK_CHANGE_DISTRIBUTIONS))
    {
      /* Any layer shows through in other cells: all of them */
      bk_table_model_cells_changed (BK_TABLE_MODEL (self), 0, 0, BK_N_ASSUMPTIONS,
                                    2 + bk_workbook_get_n_companies (self->workbook));
    }
}

/* GObject */

static void
bk_assumptions_table_model_constructed (GObject *object)
{
  BkAssumptionsTableModel *self = BK_ASSUMPTIONS_TABLE_MODEL (object);

  G_OBJECT_CLASS (bk_assumptions_table_model_parent_class)->constructed (object);

  g_assert (BK_IS_DOCUMENT (bk_document_table_model_get_document (BK_DOCUMENT_TABLE_MODEL (self))));

  self->workbook = bk_document_table_model_get_workbook (BK_DOCUMENT_TABLE_MODEL (self));
}

static void
bk_assumptions_table_model_class_init (BkAssumptionsTableModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  BkDocumentTableModelClass *model_class = BK_DOCUMENT_TABLE_MODEL_CLASS (klass);

  object_class->constructed = bk_assumptions_table_model_constructed;
  model_class->workbook_changed = bk_assumptions_table_model_workbook_changed;
}

static void
bk_assumptions_table_model_init (BkAssumptionsTableModel *self)
{
}

/* Public API */

BkAssumptionsTableModel *
bk_assumptions_table_model_new (BkDocument *document)
{
  g_return_val_if_fail (BK_IS_DOCUMENT (document), NULL);

  return g_object_new (BK_TYPE_ASSUMPTIONS_TABLE_MODEL,
                       "document", document,
                       NULL);
}

BkAssumption
bk_assumptions_table_model_get_assumption (BkAssumptionsTableModel *self,
                                           guint                    row)
{
  g_return_val_if_fail (BK_IS_ASSUMPTIONS_TABLE_MODEL (self), BK_ASSUMPTION_CAPEX_PER_MW);
  g_return_val_if_fail (row < BK_N_ASSUMPTIONS, BK_ASSUMPTION_CAPEX_PER_MW);

  return (BkAssumption) row;
}

int
bk_assumptions_table_model_get_company (BkAssumptionsTableModel *self,
                                        guint                    column)
{
  g_return_val_if_fail (BK_IS_ASSUMPTIONS_TABLE_MODEL (self), -1);
  g_return_val_if_fail (column <= bk_workbook_get_n_companies (self->workbook), -1);

  return (int) column - 1;
}

gboolean
bk_assumptions_table_model_reset_range (BkAssumptionsTableModel  *self,
                                        guint                     row,
                                        guint                     column,
                                        guint                     n_rows,
                                        guint                     n_columns,
                                        GError                  **error)
{
  g_return_val_if_fail (BK_IS_ASSUMPTIONS_TABLE_MODEL (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Uncertainties are not a scenario's: Reset to Base leaves them */
  if (column + n_columns > uncertainty_column (self))
    n_columns = column < uncertainty_column (self) ? uncertainty_column (self) - column : 0;
  if (n_rows == 0 || n_columns == 0)
    return TRUE;

  return apply_block (self, row, column, n_rows, n_columns, NULL, error);
}
