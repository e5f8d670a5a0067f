/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-test-table-model.c — an in-memory BkTableModel for tests, demos and benchmarks */

#include "config.h"

#include <math.h>

#include "bk-test-table-model.h"
#include "bk-types.h"

typedef struct
{
  char        *edit;     /* what was typed, NULL: blank */
  char        *note;
  BkTableCellFlags  extra;
} Cell;

struct _BkTestTableModel
{
  GObject      parent_instance;

  guint        n_rows;
  guint        n_columns;
  gboolean     filled;
  GHashTable  *cells;      /* row * n_columns + column → Cell */
  GHashTable  *row_names;  /* row → name */

  guint        n_set_range_calls;
  guint        last_row;
  guint        last_column;
  guint        last_n_rows;
  guint        last_n_columns;
  GStrv        last_texts;
};

static void bk_test_table_model_iface_init (BkTableModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BkTestTableModel, bk_test_table_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (BK_TYPE_TABLE_MODEL,
                                                      bk_test_table_model_iface_init))

static void
cell_free (gpointer data)
{
  Cell *cell = data;

  g_free (cell->edit);
  g_free (cell->note);
  g_free (cell);
}

static inline guint64
cell_key (BkTestTableModel *self,
          guint             row,
          guint             column)
{
  return (guint64) row * self->n_columns + column;
}

static Cell *
lookup_cell (BkTestTableModel *self,
             guint             row,
             guint             column)
{
  guint64 key = cell_key (self, row, column);

  return g_hash_table_lookup (self->cells, &key);
}

static Cell *
ensure_cell (BkTestTableModel *self,
             guint             row,
             guint             column)
{
  Cell *cell = lookup_cell (self, row, column);

  if (cell == NULL)
    {
      guint64 *key = g_new (guint64, 1);

      *key = cell_key (self, row, column);
      cell = g_new0 (Cell, 1);
      if (self->filled)
        cell->edit = g_strdup_printf ("%g", ((row * 37 + column * 11) % 997) * 0.5);
      g_hash_table_insert (self->cells, key, cell);
    }

  return cell;
}

static gboolean
parse_number (const char *text,
              double     *value)
{
  char *end = NULL;

  if (text == NULL || *text == '\0')
    return FALSE;

  *value = g_ascii_strtod (text, &end);

  return end != text && *end == '\0' && isfinite (*value);
}

/* Returns FALSE when the cell shows an error. */
static gboolean
cell_value (BkTestTableModel *self,
            guint             row,
            guint             column,
            double           *value,
            gboolean         *blank,
            int               depth)
{
  Cell *cell = lookup_cell (self, row, column);
  const char *edit;

  *blank = FALSE;

  if (cell == NULL)
    {
      if (!self->filled)
        {
          *blank = TRUE;
          *value = 0;
          return TRUE;
        }
      *value = ((row * 37 + column * 11) % 997) * 0.5;
      return TRUE;
    }

  edit = cell->edit;
  if (edit == NULL)
    {
      *blank = TRUE;
      *value = 0;
      return TRUE;
    }

  if (edit[0] != '=')
    return parse_number (edit, value);

  {
    const char *f = edit + 1;
    double prev = 0, k;
    gboolean prev_blank;

    if (!g_str_has_prefix (f, "prev"))
      return parse_number (f, value);

    if (column == 0 || depth > 1000 ||
        !cell_value (self, row, column - 1, &prev, &prev_blank, depth + 1))
      return FALSE;

    f += 4;
    if (*f == '\0')
      *value = prev;
    else if (*f == '*' && parse_number (f + 1, &k))
      *value = prev * k;
    else if (*f == '+' && parse_number (f + 1, &k))
      *value = prev + k;
    else
      return FALSE;

    return TRUE;
  }
}

static guint
bk_test_table_model_get_n_rows (BkTableModel *model)
{
  return BK_TEST_TABLE_MODEL (model)->n_rows;
}

static guint
bk_test_table_model_get_n_columns (BkTableModel *model)
{
  return BK_TEST_TABLE_MODEL (model)->n_columns;
}

static void
bk_test_table_model_get_row_header (BkTableModel *model,
                                    guint         row,
                                    GString      *out)
{
  BkTestTableModel *self = BK_TEST_TABLE_MODEL (model);
  const char *name = g_hash_table_lookup (self->row_names, GUINT_TO_POINTER (row + 1));

  if (name != NULL)
    g_string_append (out, name);
  else
    g_string_append_printf (out, "Company %u", row + 1);
}

static void
bk_test_table_model_get_column_header (BkTableModel *model,
                                       guint         column,
                                       GString      *out)
{
  g_string_append_printf (out, "%u", 2020 + column);
}

static BkTableCellFlags
bk_test_table_model_get_cell (BkTableModel *model,
                              guint         row,
                              guint         column,
                              GString      *display)
{
  BkTestTableModel *self = BK_TEST_TABLE_MODEL (model);
  Cell *cell = lookup_cell (self, row, column);
  BkTableCellFlags flags = BK_TABLE_CELL_NONE;
  gboolean blank;
  double value;

  if (cell != NULL)
    {
      flags |= cell->extra;
      if (cell->note != NULL)
        flags |= BK_TABLE_CELL_NOTE;
      if (cell->edit != NULL && cell->edit[0] == '=')
        flags |= BK_TABLE_CELL_FORMULA;
    }

  if (!cell_value (self, row, column, &value, &blank, 0))
    {
      flags |= BK_TABLE_CELL_INVALID | BK_TABLE_CELL_TEXT;
      if (display != NULL)
        g_string_append (display, "#ERR");
      return flags;
    }

  if (blank)
    return flags | BK_TABLE_CELL_BLANK;

  if (display != NULL)
    g_string_append_printf (display, "%.1f", value);

  return flags;
}

static void
bk_test_table_model_get_edit_text (BkTableModel *model,
                                   guint         row,
                                   guint         column,
                                   GString      *out)
{
  BkTestTableModel *self = BK_TEST_TABLE_MODEL (model);
  Cell *cell = lookup_cell (self, row, column);

  if (cell != NULL)
    {
      if (cell->edit != NULL)
        g_string_append (out, cell->edit);
    }
  else if (self->filled)
    g_string_append_printf (out, "%g", ((row * 37 + column * 11) % 997) * 0.5);
}

static void
bk_test_table_model_get_tooltip (BkTableModel *model,
                                 guint         row,
                                 guint         column,
                                 GString      *out)
{
  Cell *cell = lookup_cell (BK_TEST_TABLE_MODEL (model), row, column);

  if (cell != NULL && cell->note != NULL)
    g_string_append (out, cell->note);
}

static gboolean
bk_test_table_model_set_range (BkTableModel       *model,
                               guint               row,
                               guint               column,
                               guint               n_rows,
                               guint               n_columns,
                               const char * const *texts,
                               GError            **error)
{
  BkTestTableModel *self = BK_TEST_TABLE_MODEL (model);
  GStrvBuilder *builder;
  gsize n = (gsize) n_rows * n_columns;

  self->n_set_range_calls++;
  self->last_row = row;
  self->last_column = column;
  self->last_n_rows = n_rows;
  self->last_n_columns = n_columns;
  builder = g_strv_builder_new ();
  for (gsize i = 0; i < n; i++)
    g_strv_builder_add (builder, texts[i]);
  g_strfreev (self->last_texts);
  self->last_texts = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  if (row + n_rows > self->n_rows || column + n_columns > self->n_columns)
    {
      g_set_error_literal (error, BK_ERROR, BK_ERROR_OUT_OF_RANGE,
                           "The block does not fit in the table");
      return FALSE;
    }

  /* Check everything first: all or nothing. */
  for (guint r = 0; r < n_rows; r++)
    for (guint c = 0; c < n_columns; c++)
      {
        const char *text = texts[(gsize) r * n_columns + c];
        Cell *cell = lookup_cell (self, row + r, column + c);
        double value;

        if (cell != NULL && (cell->extra & BK_TABLE_CELL_READ_ONLY))
          {
            g_set_error_literal (error, BK_ERROR, BK_ERROR_READ_ONLY,
                                 "This cell is computed and cannot be changed");
            return FALSE;
          }

        if (text[0] != '\0' && !(text[0] == '=' && text[1] != '\0') &&
            !parse_number (text, &value))
          {
            g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                         "Expected a number or a formula starting with “=”, not “%s”", text);
            return FALSE;
          }
      }

  for (guint r = 0; r < n_rows; r++)
    for (guint c = 0; c < n_columns; c++)
      {
        const char *text = texts[(gsize) r * n_columns + c];
        Cell *cell = ensure_cell (self, row + r, column + c);

        g_free (cell->edit);
        cell->edit = text[0] ? g_strdup (text) : NULL;
      }

  /* Formulas to the right may depend on these cells. */
  bk_table_model_cells_changed (model, row, column, n_rows, self->n_columns - column);

  return TRUE;
}

static void
bk_test_table_model_iface_init (BkTableModelInterface *iface)
{
  iface->get_n_rows = bk_test_table_model_get_n_rows;
  iface->get_n_columns = bk_test_table_model_get_n_columns;
  iface->get_row_header = bk_test_table_model_get_row_header;
  iface->get_column_header = bk_test_table_model_get_column_header;
  iface->get_cell = bk_test_table_model_get_cell;
  iface->get_edit_text = bk_test_table_model_get_edit_text;
  iface->get_tooltip = bk_test_table_model_get_tooltip;
  iface->set_range = bk_test_table_model_set_range;
}

static void
bk_test_table_model_finalize (GObject *object)
{
  BkTestTableModel *self = BK_TEST_TABLE_MODEL (object);

  g_clear_pointer (&self->cells, g_hash_table_unref);
  g_clear_pointer (&self->row_names, g_hash_table_unref);
  g_clear_pointer (&self->last_texts, g_strfreev);

  G_OBJECT_CLASS (bk_test_table_model_parent_class)->finalize (object);
}

static void
bk_test_table_model_class_init (BkTestTableModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bk_test_table_model_finalize;
}

static void
bk_test_table_model_init (BkTestTableModel *self)
{
  self->cells = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, cell_free);
  self->row_names = g_hash_table_new_full (NULL, NULL, NULL, g_free);
}

BkTestTableModel *
bk_test_table_model_new (guint    n_rows,
                         guint    n_columns,
                         gboolean filled)
{
  BkTestTableModel *self = g_object_new (BK_TYPE_TEST_TABLE_MODEL, NULL);

  self->n_rows = n_rows;
  self->n_columns = n_columns;
  self->filled = filled;

  return self;
}

void
bk_test_table_model_set_flags (BkTestTableModel *self,
                               guint             row,
                               guint             column,
                               BkTableCellFlags       flags)
{
  g_return_if_fail (BK_IS_TEST_TABLE_MODEL (self));
  g_return_if_fail (row < self->n_rows && column < self->n_columns);

  ensure_cell (self, row, column)->extra = flags;
  bk_table_model_cells_changed (BK_TABLE_MODEL (self), row, column, 1, 1);
}

void
bk_test_table_model_set_note (BkTestTableModel *self,
                              guint             row,
                              guint             column,
                              const char       *note)
{
  Cell *cell;

  g_return_if_fail (BK_IS_TEST_TABLE_MODEL (self));
  g_return_if_fail (row < self->n_rows && column < self->n_columns);

  cell = ensure_cell (self, row, column);
  g_free (cell->note);
  cell->note = g_strdup (note);
  bk_table_model_cells_changed (BK_TABLE_MODEL (self), row, column, 1, 1);
}

void
bk_test_table_model_set_row_name (BkTestTableModel *self,
                                  guint             row,
                                  const char       *name)
{
  g_return_if_fail (BK_IS_TEST_TABLE_MODEL (self));

  g_hash_table_insert (self->row_names, GUINT_TO_POINTER (row + 1), g_strdup (name));
  bk_table_model_reset (BK_TABLE_MODEL (self));
}

void
bk_test_table_model_set_shape (BkTestTableModel *self,
                               guint             n_rows,
                               guint             n_columns)
{
  g_return_if_fail (BK_IS_TEST_TABLE_MODEL (self));

  g_hash_table_remove_all (self->cells);
  self->n_rows = n_rows;
  self->n_columns = n_columns;
  bk_table_model_reset (BK_TABLE_MODEL (self));
}

guint
bk_test_table_model_get_n_set_range_calls (BkTestTableModel *self)
{
  g_return_val_if_fail (BK_IS_TEST_TABLE_MODEL (self), 0);

  return self->n_set_range_calls;
}

void
bk_test_table_model_get_last_range (BkTestTableModel *self,
                                    guint            *row,
                                    guint            *column,
                                    guint            *n_rows,
                                    guint            *n_columns)
{
  g_return_if_fail (BK_IS_TEST_TABLE_MODEL (self));

  *row = self->last_row;
  *column = self->last_column;
  *n_rows = self->last_n_rows;
  *n_columns = self->last_n_columns;
}

const char * const *
bk_test_table_model_get_last_texts (BkTestTableModel *self)
{
  g_return_val_if_fail (BK_IS_TEST_TABLE_MODEL (self), NULL);

  return (const char * const *) self->last_texts;
}
