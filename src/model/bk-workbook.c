/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-workbook.c — the in-memory workbook */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "bk-distribution.h"
#include "bk-workbook-private.h"

struct _BkWorkbook
{
  GObject        parent_instance;

  char          *title;
  BkGranularity  granularity;
  gint64         first_period;
  guint          n_periods;

  GPtrArray     *markets;     /* BkEntity */
  GPtrArray     *companies;   /* BkEntity */
  GHashTable    *market_ids;  /* id → index + 1 */
  GHashTable    *company_ids; /* id → index + 1 */

  double         assumptions[BK_N_ASSUMPTIONS];  /* workbook level, NAN = unset */
  GPtrArray     *scenarios;   /* BkScenario; element 0 is the base */
  BkDistribution *distributions[BK_N_ASSUMPTIONS];  /* a driver's uncertainty, or NULL */
  char          *distribution_specs[BK_N_ASSUMPTIONS];  /* the same as text */

  char          *cell_error;  /* the last scenario cell error get_cell() returned */
};

G_DEFINE_FINAL_TYPE (BkWorkbook, bk_workbook, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
fill_nan (double *values,
          guint   n)
{
  for (guint i = 0; i < n; i++)
    values[i] = NAN;
}

static void
row_clear (BkRow *row,
           guint  n_periods)
{
  if (row->formulas != NULL)
    for (guint i = 0; i < n_periods; i++)
      g_clear_pointer (&row->formulas[i], bk_formula_free);
  if (row->notes != NULL)
    for (guint i = 0; i < n_periods; i++)
      g_free (row->notes[i]);
  if (row->errors != NULL)
    for (guint i = 0; i < n_periods; i++)
      g_free (row->errors[i]);
  g_clear_pointer (&row->values, g_free);
  g_clear_pointer (&row->formulas, g_free);
  g_clear_pointer (&row->notes, g_free);
  g_clear_pointer (&row->errors, g_free);
}

typedef struct
{
  BkEntity entity;
  guint    n_periods;
} EntityAlloc;

static void
entity_free (gpointer data)
{
  EntityAlloc *alloc = data;

  for (guint t = 0; t < BK_N_TABLES; t++)
    row_clear (&alloc->entity.rows[t], alloc->n_periods);
  g_free (alloc->entity.id);
  g_free (alloc->entity.name);
  g_free (alloc->entity.market);
  g_free (alloc);
}

static BkEntity *
entity_new (const char *id,
            const char *name,
            const char *market,
            guint       n_periods)
{
  EntityAlloc *alloc = g_new0 (EntityAlloc, 1);
  BkEntity *entity = &alloc->entity;

  alloc->n_periods = n_periods;
  entity->id = g_strdup (id);
  entity->name = g_strdup (name);
  entity->market = g_strdup (market);
  fill_nan (entity->assumptions, BK_N_ASSUMPTIONS);

  for (guint t = 0; t < BK_N_TABLES; t++)
    {
      if (bk_table_rows_are_markets ((BkTable) t) != (market == NULL))
        continue;
      entity->rows[t].values = g_new (double, MAX (n_periods, 1));
      fill_nan (entity->rows[t].values, n_periods);
    }

  return entity;
}

static void
override_free (gpointer data)
{
  BkOverride *override = data;

  g_clear_pointer (&override->formula, bk_formula_free);
  g_free (override);
}

static void
scenario_free (gpointer data)
{
  BkScenario *scenario = data;

  g_free (scenario->name);
  g_clear_pointer (&scenario->company_assumptions, g_hash_table_unref);
  g_clear_pointer (&scenario->cells, g_hash_table_unref);
  g_clear_pointer (&scenario->rows, g_hash_table_unref);
  g_free (scenario);
}

static BkScenario *
scenario_new (gint64      id,
              const char *name)
{
  BkScenario *scenario = g_new0 (BkScenario, 1);

  scenario->id = id;
  scenario->name = g_strdup (name);
  fill_nan (scenario->assumptions, BK_N_ASSUMPTIONS);
  scenario->company_assumptions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  scenario->cells = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, override_free);
  scenario->rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  return scenario;
}

static void
bk_workbook_clear (BkWorkbook *self)
{
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->markets, g_ptr_array_unref);
  g_clear_pointer (&self->companies, g_ptr_array_unref);
  g_clear_pointer (&self->market_ids, g_hash_table_unref);
  g_clear_pointer (&self->company_ids, g_hash_table_unref);
  g_clear_pointer (&self->scenarios, g_ptr_array_unref);
  g_clear_pointer (&self->cell_error, g_free);
  for (guint k = 0; k < BK_N_ASSUMPTIONS; k++)
    {
      g_clear_pointer (&self->distributions[k], bk_distribution_free);
      g_clear_pointer (&self->distribution_specs[k], g_free);
    }
}

static void
bk_workbook_init_contents (BkWorkbook *self)
{
  self->title = g_strdup ("");
  self->markets = g_ptr_array_new_with_free_func (entity_free);
  self->companies = g_ptr_array_new_with_free_func (entity_free);
  self->market_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->company_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->scenarios = g_ptr_array_new_with_free_func (scenario_free);
  g_ptr_array_add (self->scenarios, scenario_new (0, "Base"));
  fill_nan (self->assumptions, BK_N_ASSUMPTIONS);
}

static void
bk_workbook_finalize (GObject *object)
{
  bk_workbook_clear (BK_WORKBOOK (object));

  G_OBJECT_CLASS (bk_workbook_parent_class)->finalize (object);
}

static void
bk_workbook_class_init (BkWorkbookClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bk_workbook_finalize;

  /**
   * BkWorkbook::changed:
   * @flags: #BkChangeFlags
   * @table: the table touched, or -1 for several or none
   * @row, @period, @n_rows, @n_periods: the touched range, or -1
   *
   * Emitted once per user action, after the document has stored it.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 6,
                  G_TYPE_UINT, G_TYPE_INT, G_TYPE_INT, G_TYPE_INT, G_TYPE_INT, G_TYPE_INT);
}

static void
bk_workbook_init (BkWorkbook *self)
{
  bk_workbook_init_contents (self);
}

BkWorkbook *
bk_workbook_new (BkGranularity granularity,
                 gint64        first_period,
                 guint         n_periods)
{
  BkWorkbook *self = g_object_new (BK_TYPE_WORKBOOK, NULL);

  self->granularity = granularity;
  self->first_period = first_period;
  self->n_periods = n_periods;

  return self;
}

void
bk_workbook_take_contents (BkWorkbook *self,
                           BkWorkbook *source)
{
  g_return_if_fail (BK_IS_WORKBOOK (self));
  g_return_if_fail (BK_IS_WORKBOOK (source));

  bk_workbook_clear (self);

#define TAKE(field) self->field = g_steal_pointer (&source->field)
  TAKE (title);
  TAKE (markets);
  TAKE (companies);
  TAKE (market_ids);
  TAKE (company_ids);
  TAKE (scenarios);
  for (guint k = 0; k < BK_N_ASSUMPTIONS; k++)
    {
      TAKE (distributions[k]);
      TAKE (distribution_specs[k]);
    }
#undef TAKE
  self->granularity = source->granularity;
  self->first_period = source->first_period;
  self->n_periods = source->n_periods;
  memcpy (self->assumptions, source->assumptions, sizeof self->assumptions);

  bk_workbook_init_contents (source);

  bk_workbook_emit_changed (self, BK_CHANGE_STRUCTURE, -1, -1, -1, -1, -1);
}

void
bk_workbook_emit_changed (BkWorkbook    *self,
                          BkChangeFlags  flags,
                          int            table,
                          int            row,
                          int            period,
                          int            n_rows,
                          int            n_periods)
{
  g_signal_emit (self, signals[CHANGED], 0, (guint) flags, table, row, period, n_rows, n_periods);
}

void
bk_workbook_set_title (BkWorkbook *self,
                       const char *title)
{
  g_return_if_fail (BK_IS_WORKBOOK (self));

  g_free (self->title);
  self->title = g_strdup (title ? title : "");
}

const char *
bk_workbook_get_title (BkWorkbook *self)
{
  g_return_val_if_fail (BK_IS_WORKBOOK (self), NULL);
  return self->title;
}

BkGranularity
bk_workbook_get_granularity (BkWorkbook *self)
{
  g_return_val_if_fail (BK_IS_WORKBOOK (self), BK_GRANULARITY_YEAR);
  return self->granularity;
}

gint64
bk_workbook_get_first_period (BkWorkbook *self)
{
  g_return_val_if_fail (BK_IS_WORKBOOK (self), 0);
  return self->first_period;
}

guint
bk_workbook_get_n_periods (BkWorkbook *self)
{
  g_return_val_if_fail (BK_IS_WORKBOOK (self), 0);
  return self->n_periods;
}

char *
bk_workbook_dup_period_label (BkWorkbook *self,
                              guint       index)
{
  g_return_val_if_fail (BK_IS_WORKBOOK (self), NULL);
  return bk_period_label (self->granularity, self->first_period + index);
}

int
bk_workbook_find_period (BkWorkbook *self,
                         const char *label)
{
  gint64 ordinal;

  g_return_val_if_fail (BK_IS_WORKBOOK (self), -1);

  if (!bk_period_parse (self->granularity, label, &ordinal))
    return -1;
  if (ordinal < self->first_period || ordinal >= self->first_period + self->n_periods)
    return -1;

  return (int) (ordinal - self->first_period);
}

/* Markets and companies */

static BkEntity *
add_entity (GPtrArray  *array,
            GHashTable *ids,
            BkEntity   *entity)
{
  g_ptr_array_add (array, entity);
  g_hash_table_insert (ids, entity->id, GUINT_TO_POINTER (array->len));
  return entity;
}

BkEntity *
bk_workbook_add_market (BkWorkbook *self,
                        const char *id,
                        const char *name)
{
  g_return_val_if_fail (BK_IS_WORKBOOK (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (!g_hash_table_contains (self->market_ids, id), NULL);

  return add_entity (self->markets, self->market_ids,
                     entity_new (id, name ? name : id, NULL, self->n_periods));
}

BkEntity *
bk_workbook_add_company (BkWorkbook *self,
                         const char *id,
                         const char *name,
                         const char *market)
{
  BkEntity *entity;
  int market_index;

  g_return_val_if_fail (BK_IS_WORKBOOK (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (market != NULL, NULL);
  g_return_val_if_fail (!g_hash_table_contains (self->company_ids, id), NULL);

  market_index = bk_workbook_find_market (self, market);
  g_return_val_if_fail (market_index >= 0, NULL);

  entity = entity_new (id, name ? name : id, market, self->n_periods);
  entity->market_index = (guint) market_index;

  return add_entity (self->companies, self->company_ids, entity);
}

guint
bk_workbook_get_n_markets (BkWorkbook *self)
{
  g_return_val_if_fail (BK_IS_WORKBOOK (self), 0);
  return self->markets->len;
}

const char *
bk_workbook_get_market_id (BkWorkbook *self,
                           guint       index)
{
  g_return_val_if_fail (BK_IS_WORKBOOK (self), NULL);
  g_return_val_if_fail (index < self->markets->len, NULL);
  return ((BkEntity *) self->markets->pdata[index])->id;
}

const char *
bk_workbook_get_market_name (BkWorkbook *self,
                             guint       index)
{
  g_return_val_if_fail (BK_IS_WORKBOOK (self), NULL);
  g_return_val_if_fail (index < self->markets->len, NULL);
  return ((BkEntity *) self->markets->pdata[index])->name;
}

int
bk_workbook_find_market (BkWorkbook *self,
                         const char *id)
{
  g_return_val_if_fail (BK_IS_WORKBOOK (self), -1);

  if (id == NULL)
    return -1;
  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (self->market_ids, id)) - 1;
}

guint
bk_workbook_get_n_companies (BkWorkbook *self)
{
  g_return_val_if_fail (BK_IS_WORKBOOK (self), 0);
  return self->companies->len;
}

const char *
bk_workbook_get_company_id (BkWorkbook *self,
                            guint       index)
{
  g_return_val_if_fail (BK_IS_WORKBOOK (self), NULL);
  g_return_val_if_fail (index < self->companies->len, NULL);
  return ((BkEntity *) self->companies->pdata[index])->id;
}

const char *
bk_workbook_get_company_name (BkWorkbook *self,
                              guint       index)
{
  g_return_val_if_fail (BK_IS_WORKBOOK (self), NULL);
  g_return_val_if_fail (index < self->companies->len, NULL);
  return ((BkEntity *) self->companies->pdata[index])->name;
}

guint
bk_workbook_get_company_market (BkWorkbook *self,
                                guint       index)
{
  g_return_val_if_fail (BK_IS_WORKBOOK (self), 0);
  g_return_val_if_fail (index < self->companies->len, 0);
  return ((BkEntity *) self->companies->pdata[index])->market_index;
}

int
bk_workbook_find_company (BkWorkbook *self,
                          const char *id)
{
  g_return_val_if_fail (BK_IS_WORKBOOK (self), -1);

  if (id == NULL)
    return -1;
  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (self->company_ids, id)) - 1;
}

static GPtrArray *
rows_of (BkWorkbook *self,
         BkTable     table)
{
  return bk_table_rows_are_markets (table) ? self->markets : self->companies;
}

guint
bk_workbook_get_n_rows (BkWorkbook *self,
                        BkTable     table)
{
  g_return_val_if_fail (BK_IS_WORKBOOK (self), 0);
  g_return_val_if_fail (table < BK_N_TABLES, 0);
  return rows_of (self, table)->len;
}

BkEntity *
bk_workbook_get_entity (BkWorkbook *self,
                        BkTable     table,
                        guint       row)
{
  GPtrArray *rows;

  g_return_val_if_fail (BK_IS_WORKBOOK (self), NULL);
  g_return_val_if_fail (table < BK_N_TABLES, NULL);

  rows = rows_of (self, table);
  g_return_val_if_fail (row < rows->len, NULL);

  return rows->pdata[row];
}

const char *
bk_workbook_get_row_id (BkWorkbook *self,
                        BkTable     table,
                        guint       row)
{
  BkEntity *entity = bk_workbook_get_entity (self, table, row);
  return entity ? entity->id : NULL;
}

const char *
bk_workbook_get_row_name (BkWorkbook *self,
                          BkTable     table,
                          guint       row)
{
  BkEntity *entity = bk_workbook_get_entity (self, table, row);
  return entity ? entity->name : NULL;
}

int
bk_workbook_find_row (BkWorkbook *self,
                      BkTable     table,
                      const char *id)
{
  g_return_val_if_fail (table < BK_N_TABLES, -1);

  return bk_table_rows_are_markets (table)
    ? bk_workbook_find_market (self, id)
    : bk_workbook_find_company (self, id);
}

/* Cells */

void
bk_row_evaluate (BkTable             table,
                 guint               n_periods,
                 const double       *values,
                 BkFormula * const  *formulas,
                 double             *out,
                 char              **errors)
{
  bk_row_evaluate_with_base (table, n_periods, values, formulas, NULL, out, errors);
}

void
bk_row_evaluate_with_base (BkTable             table,
                           guint               n_periods,
                           const double       *values,
                           BkFormula * const  *formulas,
                           const double       *base,
                           double             *out,
                           char              **errors)
{
  gboolean carry = bk_table_carries_forward (table);
  double prev = 0;
  double base_prev = 0;

  for (guint i = 0; i < n_periods; i++)
    {
      double value = values[i];
      double base_value = NAN;

      /* `base` as the model sees the Base cell, the same way as `prev`. */
      if (base != NULL)
        {
          if (!isnan (base[i]))
            base_prev = base[i];
          else if (!carry)
            base_prev = 0;
          base_value = base_prev;
        }

      if (errors != NULL)
        errors[i] = NULL;

      if (formulas != NULL && formulas[i] != NULL)
        {
          g_autoptr(GError) error = NULL;
          double result;

          /* The formula's own messages quote it; a value out of range
           * says which formula gave it */
          if (!bk_formula_eval_with_base (formulas[i], prev, base_value, &result, &error))
            {
              value = NAN;
              if (errors != NULL)
                errors[i] = g_strdup (error->message);
            }
          else if (!bk_table_check_value (table, result, &error))
            {
              value = NAN;
              if (errors != NULL)
                /* Translators: a formula, then why its result is refused,
                 * like "“=prev-10” gives no valid value: Backlog cannot be negative (got -5)" */
                errors[i] = g_strdup_printf (_("“%1$s” gives no valid value: %2$s"),
                                             bk_formula_get_text (formulas[i]), error->message);
            }
          else
            value = result;
        }

      out[i] = value;

      if (!isnan (value))
        prev = value;
      else if (!carry)
        prev = 0;
    }
}

void
bk_workbook_recompute_row (BkWorkbook *self,
                           BkTable     table,
                           guint       row)
{
  BkEntity *entity = bk_workbook_get_entity (self, table, row);
  BkRow *r;
  g_autofree char **errors = NULL;

  g_return_if_fail (entity != NULL);

  r = &entity->rows[table];
  if (r->formulas == NULL)
    {
      if (r->errors != NULL)
        {
          for (guint i = 0; i < self->n_periods; i++)
            g_free (r->errors[i]);
          g_clear_pointer (&r->errors, g_free);
        }
      return;
    }

  errors = g_new0 (char *, MAX (self->n_periods, 1));
  bk_row_evaluate (table, self->n_periods, r->values, r->formulas, r->values, errors);

  if (r->errors != NULL)
    for (guint i = 0; i < self->n_periods; i++)
      g_free (r->errors[i]);
  g_free (r->errors);
  r->errors = g_steal_pointer (&errors);
}

void
bk_workbook_recompute_all (BkWorkbook *self)
{
  g_return_if_fail (BK_IS_WORKBOOK (self));

  for (guint t = 0; t < BK_N_TABLES; t++)
    for (guint r = 0; r < bk_workbook_get_n_rows (self, (BkTable) t); r++)
      bk_workbook_recompute_row (self, (BkTable) t, r);
}

void
bk_workbook_put_cell (BkWorkbook *self,
                      BkTable     table,
                      guint       row,
                      guint       period,
                      double      value,
                      BkFormula  *formula)
{
  BkEntity *entity = bk_workbook_get_entity (self, table, row);
  BkRow *r;

  g_return_if_fail (entity != NULL);
  g_return_if_fail (period < self->n_periods);

  r = &entity->rows[table];
  if (r->formulas != NULL)
    g_clear_pointer (&r->formulas[period], bk_formula_free);

  if (formula != NULL)
    {
      if (r->formulas == NULL)
        r->formulas = g_new0 (BkFormula *, self->n_periods);
      r->formulas[period] = formula;
    }
  else if (r->errors != NULL)
    g_clear_pointer (&r->errors[period], g_free);

  r->values[period] = value;
}

void
bk_workbook_put_note (BkWorkbook *self,
                      BkTable     table,
                      guint       row,
                      guint       period,
                      const char *text)
{
  BkEntity *entity = bk_workbook_get_entity (self, table, row);
  BkRow *r;

  g_return_if_fail (entity != NULL);
  g_return_if_fail (period < self->n_periods);

  r = &entity->rows[table];
  if (r->notes == NULL)
    {
      if (text == NULL || *text == '\0')
        return;
      r->notes = g_new0 (char *, self->n_periods);
    }

  g_free (r->notes[period]);
  r->notes[period] = (text != NULL && *text != '\0') ? g_strdup (text) : NULL;
}

const double *
bk_workbook_get_row_values (BkWorkbook *self,
                            BkTable     table,
                            guint       row)
{
  BkEntity *entity = bk_workbook_get_entity (self, table, row);

  g_return_val_if_fail (entity != NULL, NULL);
  return entity->rows[table].values;
}

/* Scenarios */

BkScenario *
bk_workbook_add_scenario (BkWorkbook *self,
                          gint64      id,
                          const char *name)
{
  BkScenario *scenario;

  g_return_val_if_fail (BK_IS_WORKBOOK (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  scenario = scenario_new (id, name);
  g_ptr_array_add (self->scenarios, scenario);
  return scenario;
}

BkScenario *
bk_workbook_get_scenario (BkWorkbook *self,
                          guint       scenario)
{
  g_return_val_if_fail (BK_IS_WORKBOOK (self), NULL);
  g_return_val_if_fail (scenario < self->scenarios->len, NULL);
  return self->scenarios->pdata[scenario];
}

guint
bk_workbook_get_n_scenarios (BkWorkbook *self)
{
  g_return_val_if_fail (BK_IS_WORKBOOK (self), 0);
  return self->scenarios->len - 1;
}

const char *
bk_workbook_get_scenario_name (BkWorkbook *self,
                               guint       scenario)
{
  g_return_val_if_fail (BK_IS_WORKBOOK (self), NULL);
  g_return_val_if_fail (scenario < self->scenarios->len, NULL);

  if (scenario == BK_SCENARIO_BASE)
    return _("Base");
  return ((BkScenario *) self->scenarios->pdata[scenario])->name;
}

int
bk_workbook_find_scenario (BkWorkbook *self,
                           const char *name)
{
  g_return_val_if_fail (BK_IS_WORKBOOK (self), -1);

  if (name == NULL)
    return -1;
  if (g_ascii_strcasecmp (name, "Base") == 0 || g_strcmp0 (name, _("Base")) == 0)
    return BK_SCENARIO_BASE;

  for (guint i = 1; i < self->scenarios->len; i++)
    {
      BkScenario *scenario = self->scenarios->pdata[i];
      g_autofree char *a = g_utf8_casefold (scenario->name, -1);
      g_autofree char *b = g_utf8_casefold (name, -1);

      if (g_str_equal (a, b))
        return (int) i;
    }

  return -1;
}

int
bk_workbook_find_scenario_by_id (BkWorkbook *self,
                                 gint64      id)
{
  g_return_val_if_fail (BK_IS_WORKBOOK (self), -1);

  for (guint i = 1; i < self->scenarios->len; i++)
    if (((BkScenario *) self->scenarios->pdata[i])->id == id)
      return (int) i;

  return -1;
}

guint
bk_workbook_get_n_overrides (BkWorkbook *self,
                             guint       scenario)
{
  BkScenario *s = bk_workbook_get_scenario (self, scenario);

  return s ? g_hash_table_size (s->cells) : 0;
}

void
bk_workbook_put_override (BkWorkbook *self,
                          guint       scenario,
                          BkTable     table,
                          guint       row,
                          guint       period,
                          gboolean    present,
                          double      value,
                          BkFormula  *formula)
{
  BkScenario *s = bk_workbook_get_scenario (self, scenario);
  guint64 key = bk_override_key (table, row, period);
  guint64 row_key = bk_override_row_key (table, row);
  gboolean had;

  g_return_if_fail (s != NULL);
  g_return_if_fail (scenario != BK_SCENARIO_BASE);

  had = g_hash_table_remove (s->cells, &key);

  if (present)
    {
      BkOverride *override = g_new0 (BkOverride, 1);
      gint64 *k = g_new (gint64, 1);

      *k = (gint64) key;
      override->value = value;
      override->formula = formula;
      g_hash_table_insert (s->cells, k, override);
    }
  else if (formula != NULL)
    bk_formula_free (formula);

  if (had != present)
    {
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (s->rows, &row_key));

      count = present ? count + 1 : count - 1;
      if (count == 0)
        g_hash_table_remove (s->rows, &row_key);
      else
        {
          gint64 *k = g_new (gint64, 1);

          *k = (gint64) row_key;
          g_hash_table_replace (s->rows, k, GUINT_TO_POINTER (count));
        }
    }
}

gboolean
bk_workbook_scenario_overrides_row (BkWorkbook *self,
                                    guint       scenario,
                                    BkTable     table,
                                    guint       row)
{
  BkScenario *s;
  guint64 row_key = bk_override_row_key (table, row);

  if (scenario == BK_SCENARIO_BASE)
    return FALSE;

  s = bk_workbook_get_scenario (self, scenario);
  return s != NULL && g_hash_table_contains (s->rows, &row_key);
}

const BkOverride *
bk_workbook_get_override (BkWorkbook *self,
                          guint       scenario,
                          BkTable     table,
                          guint       row,
                          guint       period)
{
  BkScenario *s = bk_workbook_get_scenario (self, scenario);
  guint64 key = bk_override_key (table, row, period);

  g_return_val_if_fail (s != NULL, NULL);

  if (scenario == BK_SCENARIO_BASE)
    return NULL;
  return g_hash_table_lookup (s->cells, &key);
}

/* Fills @values and @formulas with the inputs of a row as @s sees them:
 * overridden cells replaced, everything else from the base (@s NULL: the
 * base itself). */
static void
scenario_row_inputs (BkWorkbook  *self,
                     BkScenario  *s,
                     BkTable      table,
                     guint        row,
                     double      *values,
                     BkFormula  **formulas)
{
  BkRow *r = &bk_workbook_get_entity (self, table, row)->rows[table];

  for (guint i = 0; i < self->n_periods; i++)
    {
      guint64 key = bk_override_key (table, row, i);
      BkOverride *override = s ? g_hash_table_lookup (s->cells, &key) : NULL;

      if (override != NULL)
        {
          values[i] = override->value;
          formulas[i] = override->formula;
        }
      else
        {
          values[i] = r->values[i];
          formulas[i] = r->formulas ? r->formulas[i] : NULL;
        }
    }
}

void
bk_workbook_get_scenario_row (BkWorkbook *self,
                              guint       scenario,
                              BkTable     table,
                              guint       row,
                              double     *out)
{
  BkEntity *entity = bk_workbook_get_entity (self, table, row);
  g_autofree double *values = NULL;
  g_autofree BkFormula **formulas = NULL;

  g_return_if_fail (entity != NULL);
  g_return_if_fail (out != NULL);

  if (!bk_workbook_scenario_overrides_row (self, scenario, table, row))
    {
      memcpy (out, entity->rows[table].values, sizeof (double) * self->n_periods);
      return;
    }

  values = g_new (double, self->n_periods);
  formulas = g_new (BkFormula *, self->n_periods);
  scenario_row_inputs (self, bk_workbook_get_scenario (self, scenario), table, row, values, formulas);
  bk_row_evaluate_with_base (table, self->n_periods, values, formulas,
                             entity->rows[table].values, out, NULL);
}

char *
bk_workbook_dup_cell_name (BkWorkbook *self,
                           BkTable     table,
                           guint       row,
                           guint       period)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (BK_IS_WORKBOOK (self), NULL);
  g_return_val_if_fail (table < BK_N_TABLES && row < bk_workbook_get_n_rows (self, table), NULL);

  label = bk_workbook_dup_period_label (self, period);
  /* Translators: a cell named in a message: the table's title, the
   * company's (or market's) name and the period, like "CapEx, Microsoft, 2024" */
  return g_strdup_printf (C_("cell name", "%1$s, %2$s, %3$s"), bk_table_get_title (table),
                          bk_workbook_get_row_name (self, table, row), label);
}

/* "CapEx, Microsoft, 2024: @message", in the user's language */
static char *
dup_cell_message (BkWorkbook *self,
                  BkTable     table,
                  guint       row,
                  guint       period,
                  const char *message)
{
  g_autofree char *where = bk_workbook_dup_cell_name (self, table, row, period);

  /* Translators: a message about one cell: the cell's name, then what is wrong */
  return g_strdup_printf (C_("cell message", "%s: %s"), where, message);
}

/* Sets @error to "CapEx, Microsoft, 2024: @message" for a typed cell; FALSE. */
static gboolean
cell_error (BkWorkbook  *self,
            BkTable      table,
            guint        row,
            guint        period,
            int          code,
            const char  *message,
            GError     **error)
{
  g_autofree char *text = dup_cell_message (self, table, row, period, message);

  g_set_error_literal (error, BK_ERROR, code, text);
  return FALSE;
}

gboolean
bk_workbook_evaluate_typed_row (BkWorkbook            *self,
                                guint                  scenario,
                                BkTable                table,
                                guint                  row,
                                guint                  period,
                                guint                  n_typed,
                                const char * const    *texts,
                                const BkNumberLocale  *locale,
                                double                *out,
                                GPtrArray             *formulas,
                                GError               **error)
{
  g_autofree double *values = NULL;
  g_autofree BkFormula **inputs = NULL;
  g_autofree char **errors = NULL;
  g_autoptr(GPtrArray) compiled = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_formula_free);
  gboolean ok = TRUE;
  guint n;

  g_return_val_if_fail (BK_IS_WORKBOOK (self), FALSE);
  g_return_val_if_fail (scenario < self->scenarios->len, FALSE);
  g_return_val_if_fail (table < BK_N_TABLES && row < bk_workbook_get_n_rows (self, table), FALSE);
  g_return_val_if_fail (period <= self->n_periods && n_typed <= self->n_periods - period, FALSE);
  g_return_val_if_fail (n_typed == 0 || texts != NULL, FALSE);
  g_return_val_if_fail (out != NULL && formulas != NULL, FALSE);

  n = self->n_periods;
  values = g_new (double, MAX (n, 1));
  inputs = g_new (BkFormula *, MAX (n, 1));
  errors = g_new0 (char *, MAX (n, 1));

  /* The row's inputs as this scenario has them … */
  scenario_row_inputs (self, scenario != BK_SCENARIO_BASE ? bk_workbook_get_scenario (self, scenario) : NULL,
                       table, row, values, inputs);

  /* … with the typed texts in place */
  for (guint p = period; p < period + n_typed; p++)
    {
      const char *text = texts[p - period];
      g_autoptr(GError) local_error = NULL;
      BkInput input = { 0, };

      if (!bk_input_parse (text ? text : "", table, locale, &input, &local_error) ||
          (input.kind == BK_INPUT_NUMBER && !bk_table_check_value (table, input.value, &local_error)))
        {
          bk_input_clear (&input);
          return cell_error (self, table, row, p, local_error->code, local_error->message, error);
        }

      values[p] = input.kind == BK_INPUT_NUMBER ? input.value : NAN;
      inputs[p] = NULL;
      if (input.kind == BK_INPUT_FORMULA)
        {
          inputs[p] = bk_formula_compile (input.formula, table, &local_error);
          if (inputs[p] == NULL)
            {
              bk_input_clear (&input);
              return cell_error (self, table, row, p, BK_ERROR_INVALID_INPUT, local_error->message, error);
            }
          g_ptr_array_add (compiled, inputs[p]);
          if (scenario == BK_SCENARIO_BASE && !bk_formula_check_in_base (inputs[p], &local_error))
            {
              bk_input_clear (&input);
              return cell_error (self, table, row, p, BK_ERROR_INVALID_INPUT, local_error->message, error);
            }
        }
      bk_input_clear (&input);
    }

  bk_row_evaluate_with_base (table, n, values, inputs,
                             scenario != BK_SCENARIO_BASE ? bk_workbook_get_entity (self, table, row)->rows[table].values : NULL,
                             out, errors);

  /* A formula typed now must work now; one further along the row that
   * stops working is kept and shown as invalid. */
  for (guint p = period; p < period + n_typed && ok; p++)
    if (errors[p] != NULL && inputs[p] != NULL)
      /* The evaluator's message quotes the formula already */
      ok = cell_error (self, table, row, p, BK_ERROR_FORMULA, errors[p], error);

  for (guint p = 0; p < n; p++)
    {
      g_free (errors[p]);
      if (ok)
        g_ptr_array_add (formulas, inputs[p] ? g_strdup (bk_formula_get_text (inputs[p])) : NULL);
    }

  return ok;
}

void
bk_workbook_get_cell (BkWorkbook *self,
                      guint       scenario,
                      BkTable     table,
                      guint       row,
                      guint       period,
                      BkCell     *cell)
{
  BkEntity *entity = bk_workbook_get_entity (self, table, row);
  BkRow *r;

  g_return_if_fail (entity != NULL);
  g_return_if_fail (period < self->n_periods);
  g_return_if_fail (cell != NULL);

  r = &entity->rows[table];
  memset (cell, 0, sizeof *cell);
  cell->note = r->notes ? r->notes[period] : NULL;
  if (cell->note != NULL)
    cell->flags |= BK_CELL_NOTE;

  if (bk_workbook_scenario_overrides_row (self, scenario, table, row))
    {
      BkScenario *s = bk_workbook_get_scenario (self, scenario);
      guint64 key = bk_override_key (table, row, period);
      BkOverride *override = g_hash_table_lookup (s->cells, &key);
      g_autofree double *values = g_new (double, self->n_periods);
      g_autofree double *out = g_new (double, self->n_periods);
      g_autofree BkFormula **formulas = g_new (BkFormula *, self->n_periods);
      g_autofree char **errors = g_new0 (char *, self->n_periods);

      scenario_row_inputs (self, s, table, row, values, formulas);
      bk_row_evaluate_with_base (table, self->n_periods, values, formulas, r->values, out, errors);

      cell->value = out[period];
      cell->formula = formulas[period] ? bk_formula_get_text (formulas[period]) : NULL;
      if (override != NULL)
        cell->flags |= BK_CELL_OVERRIDDEN;
      /* The message lives until the next call, like the other strings. */
      g_free (self->cell_error);
      self->cell_error = g_steal_pointer (&errors[period]);
      cell->error = self->cell_error;
      for (guint i = 0; i < self->n_periods; i++)
        g_free (errors[i]);
    }
  else
    {
      cell->value = r->values[period];
      cell->formula = (r->formulas && r->formulas[period]) ? bk_formula_get_text (r->formulas[period]) : NULL;
      cell->error = r->errors ? r->errors[period] : NULL;
    }

  if (cell->formula != NULL)
    cell->flags |= BK_CELL_FORMULA;
  if (cell->error != NULL)
    cell->flags |= BK_CELL_INVALID;
  if (isnan (cell->value))
    cell->flags |= BK_CELL_BLANK;
}

/* Assumptions */

static double *
layer_values (BkWorkbook *self,
              guint       scenario,
              int         company,
              gboolean    create)
{
  BkScenario *s;
  BkEntity *entity;
  double *values;

  if (company >= (int) self->companies->len)
    return NULL;

  if (scenario == BK_SCENARIO_BASE)
    {
      if (company < 0)
        return self->assumptions;
      return ((BkEntity *) self->companies->pdata[company])->assumptions;
    }

  s = bk_workbook_get_scenario (self, scenario);
  if (s == NULL)
    return NULL;
  if (company < 0)
    return s->assumptions;

  entity = self->companies->pdata[company];
  values = g_hash_table_lookup (s->company_assumptions, entity->id);
  if (values == NULL && create)
    {
      values = g_new (double, BK_N_ASSUMPTIONS);
      fill_nan (values, BK_N_ASSUMPTIONS);
      g_hash_table_insert (s->company_assumptions, g_strdup (entity->id), values);
    }

  return values;
}

double
bk_workbook_get_assumption_layer (BkWorkbook   *self,
                                  guint         scenario,
                                  int           company,
                                  BkAssumption  assumption)
{
  double *values;

  g_return_val_if_fail (BK_IS_WORKBOOK (self), NAN);
  g_return_val_if_fail (assumption < BK_N_ASSUMPTIONS, NAN);

  values = layer_values (self, scenario, company, FALSE);
  return values ? values[assumption] : NAN;
}

void
bk_workbook_put_assumption (BkWorkbook   *self,
                            guint         scenario,
                            int           company,
                            BkAssumption  assumption,
                            double        value)
{
  double *values;

  g_return_if_fail (BK_IS_WORKBOOK (self));
  g_return_if_fail (assumption < BK_N_ASSUMPTIONS);

  values = layer_values (self, scenario, company, TRUE);
  g_return_if_fail (values != NULL);
  values[assumption] = value;
}

void
bk_workbook_get_assumptions (BkWorkbook *self,
                             guint       scenario,
                             int         company,
                             double      values[BK_N_ASSUMPTIONS])
{
  double *layers[4] = { NULL, };

  g_return_if_fail (BK_IS_WORKBOOK (self));
  g_return_if_fail (scenario < self->scenarios->len);

  layers[0] = self->assumptions;
  if (company >= 0)
    layers[1] = layer_values (self, BK_SCENARIO_BASE, company, FALSE);
  if (scenario != BK_SCENARIO_BASE)
    {
      layers[2] = layer_values (self, scenario, -1, FALSE);
      if (company >= 0)
        layers[3] = layer_values (self, scenario, company, FALSE);
    }

  for (guint k = 0; k < BK_N_ASSUMPTIONS; k++)
    {
      values[k] = bk_assumption_get_default ((BkAssumption) k);
      for (guint l = 0; l < G_N_ELEMENTS (layers); l++)
        if (layers[l] != NULL && !isnan (layers[l][k]))
          values[k] = layers[l][k];
    }
}

double
bk_workbook_get_assumption (BkWorkbook   *self,
                            guint         scenario,
                            int           company,
                            BkAssumption  assumption)
{
  double values[BK_N_ASSUMPTIONS];

  g_return_val_if_fail (assumption < BK_N_ASSUMPTIONS, NAN);

  bk_workbook_get_assumptions (self, scenario, company, values);
  return values[assumption];
}

/* Uncertainties */

void
bk_workbook_put_distribution (BkWorkbook           *self,
                              BkAssumption          assumption,
                              const BkDistribution *distribution)
{
  g_return_if_fail (BK_IS_WORKBOOK (self));
  g_return_if_fail (assumption < BK_N_ASSUMPTIONS);

  g_clear_pointer (&self->distributions[assumption], bk_distribution_free);
  g_clear_pointer (&self->distribution_specs[assumption], g_free);
  if (distribution == NULL)
    return;
  self->distributions[assumption] = bk_distribution_copy (distribution);
  self->distribution_specs[assumption] = bk_distribution_to_string (distribution);
}

const char *
bk_workbook_get_distribution (BkWorkbook   *self,
                              BkAssumption  assumption)
{
  g_return_val_if_fail (BK_IS_WORKBOOK (self), NULL);
  g_return_val_if_fail (assumption < BK_N_ASSUMPTIONS, NULL);

  return self->distribution_specs[assumption];
}

guint
bk_workbook_get_n_distributions (BkWorkbook *self)
{
  guint n = 0;

  g_return_val_if_fail (BK_IS_WORKBOOK (self), 0);

  for (guint k = 0; k < BK_N_ASSUMPTIONS; k++)
    n += self->distributions[k] != NULL;
  return n;
}

GHashTable *
bk_workbook_dup_distributions (BkWorkbook *self)
{
  GHashTable *table;

  g_return_val_if_fail (BK_IS_WORKBOOK (self), NULL);

  table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) bk_distribution_free);
  for (guint k = 0; k < BK_N_ASSUMPTIONS; k++)
    if (self->distributions[k] != NULL)
      g_hash_table_insert (table, g_strdup (bk_assumption_get_key ((BkAssumption) k)),
                           bk_distribution_copy (self->distributions[k]));
  return table;
}

/* Warnings */

GPtrArray *
bk_workbook_get_warnings (BkWorkbook *self)
{
  GPtrArray *warnings = g_ptr_array_new_with_free_func (g_free);
  g_autofree double *sums = NULL;

  g_return_val_if_fail (BK_IS_WORKBOOK (self), warnings);

  /* Shares carry forward, so sum the effective values per market. */
  sums = g_new0 (double, (gsize) MAX (self->markets->len, 1) * MAX (self->n_periods, 1));
  for (guint c = 0; c < self->companies->len; c++)
    {
      BkEntity *company = self->companies->pdata[c];
      const double *values = company->rows[BK_TABLE_SHARE].values;
      double last = 0;

      for (guint p = 0; p < self->n_periods; p++)
        {
          if (!isnan (values[p]))
            last = values[p];
          sums[company->market_index * self->n_periods + p] += last;
        }
    }

  for (guint m = 0; m < self->markets->len; m++)
    for (guint p = 0; p < self->n_periods; p++)
      if (sums[m * self->n_periods + p] > 1 + 1e-9)
        {
          g_autofree char *label = bk_workbook_dup_period_label (self, p);
          char buf[32];

          g_snprintf (buf, sizeof buf, "%.1f", sums[m * self->n_periods + p] * 100);
          g_ptr_array_add (warnings,
                           g_strdup_printf (_("Market %s, %s: market shares add up to %s%%, more than 100%%"),
                                            bk_workbook_get_market_name (self, m), label, buf));
        }

  for (guint t = 0; t < BK_N_TABLES; t++)
    for (guint r = 0; r < bk_workbook_get_n_rows (self, (BkTable) t); r++)
      {
        BkRow *row = &bk_workbook_get_entity (self, (BkTable) t, r)->rows[t];

        if (row->errors == NULL)
          continue;
        for (guint p = 0; p < self->n_periods; p++)
          if (row->errors[p] != NULL)
            {
              /* The evaluator's message quotes the formula already */
              g_ptr_array_add (warnings, dup_cell_message (self, (BkTable) t, r, p, row->errors[p]));
            }
      }

  return warnings;
}
