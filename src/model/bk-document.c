/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-document.c — the document's commands: the calls views make, one per
 * user action (cells, notes, assumptions, the title, rows, periods,
 * scenarios, undo and redo).  Each checks its arguments against the
 * workbook, describes the change as row images and hands them to the
 * journal (bk-document-journal.c), which stores them in one transaction
 * with their undo record.  The history's state is kept here as the
 * can-undo, can-redo, undo-label and redo-label properties. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "bk-document-journal.h"
#include "bk-text.h"

enum
{
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (BkDocument, bk_document, G_TYPE_OBJECT)

static void
bk_document_finalize (GObject *object)
{
  BkDocument *self = BK_DOCUMENT (object);

  bk_document_close_db (self);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_object (&self->workbook);
  g_free (self->path);
  g_free (self->undo_label);
  g_free (self->redo_label);

  G_OBJECT_CLASS (bk_document_parent_class)->finalize (object);
}

static void
bk_document_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  BkDocument *self = BK_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, self->can_undo);
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, self->can_redo);
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, self->undo_label);
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, self->redo_label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_document_class_init (BkDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = bk_document_finalize;
  object_class->get_property = bk_document_get_property;

  /**
   * BkDocument:can-undo:
   *
   * Whether there is an action to undo (never in a read-only or closed
   * document).  Notified when it changes.
   */
  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, flags);
  /**
   * BkDocument:can-redo:
   *
   * Whether there is an undone action to redo.
   */
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, flags);
  /**
   * BkDocument:undo-label:
   *
   * The translated description of the action undo would revert, or NULL.
   */
  properties[PROP_UNDO_LABEL] = g_param_spec_string ("undo-label", NULL, NULL, NULL, flags);
  /**
   * BkDocument:redo-label:
   *
   * The translated description of the action redo would repeat, or NULL.
   */
  properties[PROP_REDO_LABEL] = g_param_spec_string ("redo-label", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  bk_journal_init ();
}

static void
bk_document_init (BkDocument *self)
{
  self->statements = bk_document_statements_new ();
  self->workbook = bk_workbook_new (BK_GRANULARITY_YEAR, 2024, 1);
}

void
bk_document_update_history (BkDocument *self)
{
  g_autofree char *undo_label = NULL;
  g_autofree char *redo_label = NULL;
  gboolean can_undo = bk_journal_find_action (self, TRUE, &undo_label) != 0 && !self->read_only;
  gboolean can_redo = bk_journal_find_action (self, FALSE, &redo_label) != 0 && !self->read_only;

  g_object_freeze_notify (G_OBJECT (self));

  if (can_undo != self->can_undo)
    {
      self->can_undo = can_undo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
    }
  if (can_redo != self->can_redo)
    {
      self->can_redo = can_redo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
    }
  if (g_strcmp0 (undo_label, self->undo_label) != 0)
    {
      g_free (self->undo_label);
      self->undo_label = g_steal_pointer (&undo_label);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
    }
  if (g_strcmp0 (redo_label, self->redo_label) != 0)
    {
      g_free (self->redo_label);
      self->redo_label = g_steal_pointer (&redo_label);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

/* Reading */

BkWorkbook *
bk_document_get_workbook (BkDocument *self)
{
  g_return_val_if_fail (BK_IS_DOCUMENT (self), NULL);
  return self->workbook;
}

const char *
bk_document_get_path (BkDocument *self)
{
  g_return_val_if_fail (BK_IS_DOCUMENT (self), NULL);
  return self->path;
}

gboolean
bk_document_is_read_only (BkDocument *self)
{
  g_return_val_if_fail (BK_IS_DOCUMENT (self), TRUE);
  return self->read_only;
}

gboolean
bk_document_is_draft (BkDocument *self)
{
  g_return_val_if_fail (BK_IS_DOCUMENT (self), FALSE);
  return self->draft;
}

int
bk_document_get_opened_version (BkDocument *self)
{
  g_return_val_if_fail (BK_IS_DOCUMENT (self), -1);
  return self->opened_version;
}

/* Cells */

static gboolean
check_range (BkWorkbook  *wb,
             BkTable      table,
             guint        row,
             guint        period,
             guint        n_rows,
             guint        n_periods,
             GError     **error)
{
  if (table >= BK_N_TABLES)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_NOT_FOUND, _("No such table"));
      return FALSE;
    }
  if (n_rows == 0 || n_periods == 0 ||
      row >= bk_workbook_get_n_rows (wb, table) || n_rows > bk_workbook_get_n_rows (wb, table) - row ||
      period >= bk_workbook_get_n_periods (wb) || n_periods > bk_workbook_get_n_periods (wb) - period)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_NOT_FOUND, _("The cells are outside the table"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
same_double (double a,
             double b)
{
  return (isnan (a) && isnan (b)) || a == b;
}

gboolean
bk_document_set_cells (BkDocument            *self,
                       guint                  scenario,
                       BkTable                table,
                       guint                  row,
                       guint                  period,
                       guint                  n_rows,
                       guint                  n_periods,
                       const char * const    *texts,
                       const BkNumberLocale  *locale,
                       GError               **error)
{
  BkWorkbook *wb;
  g_autoptr(GArray) images = bk_row_images_new ();
  g_autofree double *out = NULL;
  g_autofree char *label = NULL;
  gint64 scenario_id;
  guint n;

  g_return_val_if_fail (BK_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (texts != NULL, FALSE);

  wb = self->workbook;
  if (!bk_document_check_writable (self, error) ||
      !check_range (wb, table, row, period, n_rows, n_periods, error))
    return FALSE;
  if (scenario > bk_workbook_get_n_scenarios (wb))
    {
      g_set_error (error, BK_ERROR, BK_ERROR_NOT_FOUND, _("No such scenario"));
      return FALSE;
    }

  n = bk_workbook_get_n_periods (wb);
  scenario_id = scenario == BK_SCENARIO_BASE ? 0 : bk_workbook_get_scenario (wb, scenario)->id;
  out = g_new (double, n);

  for (guint r = row; r < row + n_rows; r++)
    {
      g_autoptr(GPtrArray) formulas = g_ptr_array_new_with_free_func (g_free);
      const char *row_id = bk_workbook_get_row_id (wb, table, r);

      /* The row as this scenario has it with the typed texts in place */
      if (!bk_workbook_evaluate_typed_row (wb, scenario, table, r, period, n_periods,
                                           texts + (gsize) (r - row) * n_periods, locale,
                                           out, formulas, error))
        return FALSE;

      for (guint p = 0; p < n; p++)
        {
          g_autofree char *period_label = bk_workbook_dup_period_label (wb, p);
          const char *formula = formulas->pdata[p];
          gboolean typed = p >= period && p < period + n_periods;

          if (scenario == BK_SCENARIO_BASE)
            {
              BkCell old;

              /* An untyped cell is stored again only when it computes
               * something else now */
              bk_workbook_get_cell (wb, BK_SCENARIO_BASE, table, r, p, &old);
              if (!typed && same_double (out[p], old.value) && g_strcmp0 (formula, old.formula) == 0)
                continue;
              bk_row_images_add_cell (images, 0, table, row_id, period_label,
                                      formula != NULL || !isnan (out[p]), out[p], formula);
            }
          else if (typed)
            bk_row_images_add_cell (images, scenario_id, table, row_id, period_label, TRUE, out[p], formula);
        }
    }

  if (n_rows * n_periods == 1)
    {
      g_autofree char *where = bk_workbook_dup_cell_name (wb, table, row, period);
      label = g_strdup_printf (_("Edit %s"), where);
    }
  else
    label = g_strdup_printf (_("Edit %u cells"), n_rows * n_periods);

  return bk_journal_run_action (self, label, images, FALSE, (int) table, (int) row, (int) period,
                                (int) n_rows, (int) n_periods, error);
}

gboolean
bk_document_reset_cells (BkDocument  *self,
                         guint        scenario,
                         BkTable      table,
                         guint        row,
                         guint        period,
                         guint        n_rows,
                         guint        n_periods,
                         GError     **error)
{
  BkWorkbook *wb;
  g_autoptr(GArray) images = bk_row_images_new ();
  gint64 scenario_id;

  g_return_val_if_fail (BK_IS_DOCUMENT (self), FALSE);

  wb = self->workbook;
  if (!bk_document_check_writable (self, error) ||
      !check_range (wb, table, row, period, n_rows, n_periods, error))
    return FALSE;
  if (scenario == BK_SCENARIO_BASE || scenario > bk_workbook_get_n_scenarios (wb))
    {
      g_set_error (error, BK_ERROR, BK_ERROR_NOT_FOUND, _("Choose a scenario other than Base to reset cells to Base"));
      return FALSE;
    }

  scenario_id = bk_workbook_get_scenario (wb, scenario)->id;
  for (guint r = row; r < row + n_rows; r++)
    for (guint p = period; p < period + n_periods; p++)
      if (bk_workbook_get_override (wb, scenario, table, r, p) != NULL)
        {
          g_autofree char *label = bk_workbook_dup_period_label (wb, p);

          bk_row_images_add_cell (images, scenario_id, table, bk_workbook_get_row_id (wb, table, r),
                                  label, FALSE, NAN, NULL);
        }

  if (images->len == 0)
    return TRUE;

  return bk_journal_run_action (self, _("Reset to Base"), images, FALSE, (int) table, (int) row, (int) period,
                                (int) n_rows, (int) n_periods, error);
}

gboolean
bk_document_set_note (BkDocument  *self,
                      BkTable      table,
                      guint        row,
                      guint        period,
                      const char  *text,
                      GError     **error)
{
  g_autoptr(GArray) images = bk_row_images_new ();
  g_autofree char *label = NULL;
  gboolean present;
  BkRowImage *image;

  g_return_val_if_fail (BK_IS_DOCUMENT (self), FALSE);

  if (!bk_document_check_writable (self, error) ||
      !check_range (self->workbook, table, row, period, 1, 1, error))
    return FALSE;
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT, _("The note is not valid text"));
      return FALSE;
    }
  if (text != NULL && !bk_text_check_stored (text, -1, BK_TEXT_NOTE, error))
    return FALSE;

  present = text != NULL && *text != '\0';
  label = bk_workbook_dup_period_label (self->workbook, period);
  image = bk_row_images_add (images, BK_JOURNAL_NOTES, present);
  image->keys[0] = bk_db_value_text (bk_table_to_string (table));
  image->keys[1] = bk_db_value_text (bk_workbook_get_row_id (self->workbook, table, row));
  image->keys[2] = bk_db_value_text (label);
  if (present)
    image->values[0] = bk_db_value_text (text);

  return bk_journal_run_action (self, _("Edit note"), images, FALSE, (int) table, (int) row, (int) period, 1, 1, error);
}

gboolean
bk_document_set_distribution (BkDocument    *self,
                              BkAssumption   assumption,
                              const char    *spec,
                              GError       **error)
{
  g_autoptr(GArray) images = bk_row_images_new ();
  g_autoptr(BkDistribution) distribution = NULL;
  g_autofree char *text = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (BK_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (assumption < BK_N_ASSUMPTIONS, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!bk_document_check_writable (self, error))
    return FALSE;
  if (spec != NULL && !bk_distribution_parse (spec, assumption, NULL, &distribution, error))
    return FALSE;

  if (distribution != NULL)
    text = bk_distribution_to_string (distribution);
  bk_row_images_add_distribution (images, assumption, text);
  /* Translators: the undo step of setting a driver's uncertainty; %s is the driver's name */
  label = g_strdup_printf (_("Change uncertainty of %s"), bk_assumption_get_name (assumption));

  return bk_journal_run_action (self, label, images, FALSE, -1, -1, -1, -1, -1, error);
}

gboolean
bk_document_set_assumption (BkDocument    *self,
                            guint          scenario,
                            int            company,
                            BkAssumption   assumption,
                            double         value,
                            GError       **error)
{
  g_return_val_if_fail (BK_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (assumption < BK_N_ASSUMPTIONS, FALSE);

  /* A block of one: the same checks, the same "Change …" label */
  return bk_document_set_assumptions (self, scenario, 1, &company, &assumption, &value, error);
}

gboolean
bk_document_set_assumptions (BkDocument          *self,
                             guint                scenario,
                             guint                n,
                             const int           *companies,
                             const BkAssumption  *assumptions,
                             const double        *values,
                             GError             **error)
{
  BkWorkbook *wb;
  g_autoptr(GArray) images = bk_row_images_new ();
  g_autofree char *label = NULL;
  gint64 scenario_id;

  g_return_val_if_fail (BK_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (n == 0 || (companies != NULL && assumptions != NULL && values != NULL), FALSE);

  wb = self->workbook;
  if (!bk_document_check_writable (self, error))
    return FALSE;
  if (n == 0)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_NOTHING_TO_DO, _("Nothing to change"));
      return FALSE;
    }
  if (scenario > bk_workbook_get_n_scenarios (wb))
    {
      g_set_error (error, BK_ERROR, BK_ERROR_NOT_FOUND, _("No such scenario or company"));
      return FALSE;
    }

  scenario_id = scenario == BK_SCENARIO_BASE ? 0 : bk_workbook_get_scenario (wb, scenario)->id;
  for (guint i = 0; i < n; i++)
    {
      if (assumptions[i] >= BK_N_ASSUMPTIONS ||
          companies[i] < -1 || companies[i] >= (int) bk_workbook_get_n_companies (wb))
        {
          g_set_error (error, BK_ERROR, BK_ERROR_NOT_FOUND, _("No such scenario or company"));
          return FALSE;
        }
      if (companies[i] >= 0 && bk_assumption_is_workbook_only (assumptions[i]))
        {
          g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                       _("%s can only be set for the workbook or a scenario, not for one company"),
                       bk_assumption_get_key (assumptions[i]));
          return FALSE;
        }
      if (!isnan (values[i]) && !bk_assumption_check (assumptions[i], values[i], error))
        return FALSE;
      bk_row_images_add_assumption (images, scenario_id,
                                    companies[i] >= 0 ? bk_workbook_get_company_id (wb, (guint) companies[i]) : NULL,
                                    assumptions[i], values[i]);
    }

  if (n == 1)
    label = g_strdup_printf (_("Change %s"), bk_assumption_get_name (assumptions[0]));
  else
    label = g_strdup (_("Change assumptions"));

  return bk_journal_run_action (self, label, images, FALSE, -1, -1, -1, -1, -1, error);
}

gboolean
bk_document_set_title (BkDocument  *self,
                       const char  *title,
                       GError     **error)
{
  g_autoptr(GArray) images = bk_row_images_new ();

  g_return_val_if_fail (BK_IS_DOCUMENT (self), FALSE);

  if (title == NULL || !g_utf8_validate (title, -1, NULL))
    {
      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT, _("The title is not valid text"));
      return FALSE;
    }
  if (!bk_text_check_stored (title, -1, BK_TEXT_TITLE, error))
    return FALSE;

  bk_row_images_add_meta (images, "title", title);
  return bk_journal_run_action (self, _("Rename workbook"), images, FALSE, -1, -1, -1, -1, -1, error);
}

/* Rows */

static gboolean
check_id (const char  *id,
          GError     **error)
{
  if (id == NULL || *id == '\0' || strlen (id) > 64 || !g_utf8_validate (id, -1, NULL))
    {
      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT, _("An id must be 1 to 64 characters long"));
      return FALSE;
    }
  for (const char *p = id; *p; p++)
    if (g_ascii_iscntrl (*p) || g_ascii_isspace (*p) || *p == ',' || *p == '"')
      {
        g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                     _("“%s” is not a valid id: use letters, digits, '-', '_' or '.', without spaces"), id);
        return FALSE;
      }
  return TRUE;
}

static gboolean
check_name (const char  *name,
            GError     **error)
{
  g_autofree char *stripped = NULL;

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    {
      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT, _("The name is not valid text"));
      return FALSE;
    }
  stripped = g_strstrip (g_strdup (name));
  if (*stripped == '\0')
    {
      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT, _("A name cannot be empty"));
      return FALSE;
    }
  return bk_text_check_stored (name, -1, BK_TEXT_NAME, error);
}

/* Images that give the rows of @kind the positions of @order (ids). */
static void
position_images (GArray    *images,
                 BkWorkbook *wb,
                 gboolean   market,
                 GPtrArray *order,
                 const char *new_name,
                 const char *new_market)
{
  for (guint i = 0; i < order->len; i++)
    {
      const char *id = order->pdata[i];
      BkRowImage *image = bk_row_images_add (images, market ? BK_JOURNAL_MARKETS : BK_JOURNAL_COMPANIES, TRUE);
      int index = market ? bk_workbook_find_market (wb, id) : bk_workbook_find_company (wb, id);

      image->keys[0] = bk_db_value_text (id);
      if (index < 0)
        {
          image->values[0] = bk_db_value_text (new_name);
          if (!market)
            image->values[1] = bk_db_value_text (new_market);
        }
      else if (market)
        image->values[0] = bk_db_value_text (bk_workbook_get_market_name (wb, (guint) index));
      else
        {
          image->values[0] = bk_db_value_text (bk_workbook_get_company_name (wb, (guint) index));
          image->values[1] = bk_db_value_text (bk_workbook_get_market_id (wb, bk_workbook_get_company_market (wb, (guint) index)));
        }
      image->values[market ? 1 : 2] = bk_db_value_int (i);
    }
}

/* In row images made by position_images(), sets value @column of row @id. */
static void
set_row_value (GArray     *images,
               const char *id,
               guint       column,
               const char *text)
{
  for (guint i = 0; i < images->len; i++)
    {
      BkRowImage *image = &g_array_index (images, BkRowImage, i);

      if (g_str_equal (image->keys[0].s, id))
        {
          g_free (image->values[column].s);
          image->values[column] = bk_db_value_text (text);
        }
    }
}

static GPtrArray *
current_order (BkWorkbook *wb,
               gboolean    market)
{
  GPtrArray *order = g_ptr_array_new ();
  guint n = market ? bk_workbook_get_n_markets (wb) : bk_workbook_get_n_companies (wb);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (order, (gpointer) (market ? bk_workbook_get_market_id (wb, i)
                                               : bk_workbook_get_company_id (wb, i)));
  return order;
}

static gboolean
add_row (BkDocument  *self,
         gboolean     market,
         const char  *id,
         const char  *name,
         const char  *market_id,
         guint        position,
         GError     **error)
{
  BkWorkbook *wb = self->workbook;
  g_autoptr(GArray) images = bk_row_images_new ();
  g_autoptr(GPtrArray) order = NULL;
  g_autofree char *label = NULL;

  if (!bk_document_check_writable (self, error) || !check_id (id, error))
    return FALSE;
  if (name == NULL || *name == '\0')
    name = id;
  if (!check_name (name, error))
    return FALSE;
  if ((market ? bk_workbook_find_market (wb, id) : bk_workbook_find_company (wb, id)) >= 0)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_EXISTS,
                   market ? _("There is already a market “%s”") : _("There is already a company “%s”"), id);
      return FALSE;
    }
  if (!market && bk_workbook_find_market (wb, market_id) < 0)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_NOT_FOUND, _("Unknown market “%s”"), market_id ? market_id : "");
      return FALSE;
    }

  order = current_order (wb, market);
  g_ptr_array_insert (order, (int) MIN (position, order->len), (gpointer) id);
  position_images (images, wb, market, order, name, market_id);

  label = g_strdup_printf (market ? _("Add market %s") : _("Add company %s"), name);
  return bk_journal_run_action (self, label, images, TRUE, -1, -1, -1, -1, -1, error);
}

gboolean
bk_document_add_company (BkDocument  *self,
                         const char  *id,
                         const char  *name,
                         const char  *market,
                         guint        position,
                         GError     **error)
{
  g_return_val_if_fail (BK_IS_DOCUMENT (self), FALSE);
  return add_row (self, FALSE, id, name, market, position, error);
}

gboolean
bk_document_add_market (BkDocument  *self,
                        const char  *id,
                        const char  *name,
                        guint        position,
                        GError     **error)
{
  g_return_val_if_fail (BK_IS_DOCUMENT (self), FALSE);
  return add_row (self, TRUE, id, name, NULL, position, error);
}

static int
find_row_or_fail (BkWorkbook  *wb,
                  gboolean     market,
                  const char  *id,
                  GError     **error)
{
  int index = market ? bk_workbook_find_market (wb, id) : bk_workbook_find_company (wb, id);

  if (index < 0)
    g_set_error (error, BK_ERROR, BK_ERROR_NOT_FOUND,
                 market ? _("Unknown market “%s”") : _("Unknown company “%s”"), id ? id : "");
  return index;
}

/* The checks a change to an existing row starts with: the document may be
 * written and the row exists.  Returns its index, or -1. */
static int
find_writable_row (BkDocument  *self,
                   gboolean     market,
                   const char  *id,
                   GError     **error)
{
  if (!bk_document_check_writable (self, error))
    return -1;
  return find_row_or_fail (self->workbook, market, id, error);
}

/* One action that gives the rows the positions of @order (ids) and, when
 * @id is not NULL, sets value @column of row @id to @text. */
static gboolean
store_rows (BkDocument  *self,
            gboolean     market,
            GPtrArray   *order,
            const char  *id,
            guint        column,
            const char  *text,
            const char  *label,
            GError     **error)
{
  g_autoptr(GArray) images = bk_row_images_new ();

  position_images (images, self->workbook, market, order, NULL, NULL);
  if (id != NULL)
    set_row_value (images, id, column, text);

  return bk_journal_run_action (self, label, images, TRUE, -1, -1, -1, -1, -1, error);
}

gboolean
bk_document_rename_row (BkDocument  *self,
                        gboolean     market,
                        const char  *id,
                        const char  *name,
                        GError     **error)
{
  g_autoptr(GPtrArray) order = NULL;
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (BK_IS_DOCUMENT (self), FALSE);

  if (find_writable_row (self, market, id, error) < 0 || !check_name (name, error))
    return FALSE;

  stripped = g_strstrip (g_strdup (name));
  order = current_order (self->workbook, market);
  return store_rows (self, market, order, id, 0, stripped, _("Rename"), error);
}

gboolean
bk_document_set_company_market (BkDocument  *self,
                                const char  *id,
                                const char  *market,
                                GError     **error)
{
  g_autoptr(GPtrArray) order = NULL;

  g_return_val_if_fail (BK_IS_DOCUMENT (self), FALSE);

  if (find_writable_row (self, FALSE, id, error) < 0 ||
      find_row_or_fail (self->workbook, TRUE, market, error) < 0)
    return FALSE;

  order = current_order (self->workbook, FALSE);
  return store_rows (self, FALSE, order, id, 1, market, _("Change market"), error);
}

gboolean
bk_document_move_row (BkDocument  *self,
                      gboolean     market,
                      const char  *id,
                      guint        position,
                      GError     **error)
{
  g_autoptr(GPtrArray) order = NULL;
  gpointer moved;
  int index;

  g_return_val_if_fail (BK_IS_DOCUMENT (self), FALSE);

  if ((index = find_writable_row (self, market, id, error)) < 0)
    return FALSE;

  order = current_order (self->workbook, market);
  moved = g_ptr_array_steal_index (order, (guint) index);
  g_ptr_array_insert (order, (int) MIN (position, order->len), moved);
  return store_rows (self, market, order, NULL, 0, NULL, _("Move row"), error);
}

/* Images that delete the cells and the notes two queries select (their key
 * columns, with @param as ?1): what goes with a row or a period. */
static gboolean
delete_cells_and_notes (BkDocument  *self,
                        GArray      *images,
                        const char  *cells_sql,
                        const char  *notes_sql,
                        const char  *param,
                        GError     **error)
{
  return bk_row_images_add_deletions (self, images, BK_JOURNAL_CELLS, cells_sql, param, error) &&
         bk_row_images_add_deletions (self, images, BK_JOURNAL_NOTES, notes_sql, param, error);
}

gboolean
bk_document_remove_row (BkDocument  *self,
                        gboolean     market,
                        const char  *id,
                        GError     **error)
{
  BkWorkbook *wb;
  g_autoptr(GArray) images = bk_row_images_new ();
  g_autoptr(GPtrArray) order = NULL;
  g_autofree char *label = NULL;
  int index;

  g_return_val_if_fail (BK_IS_DOCUMENT (self), FALSE);

  wb = self->workbook;
  if ((index = find_writable_row (self, market, id, error)) < 0)
    return FALSE;

  if (market)
    for (guint c = 0; c < bk_workbook_get_n_companies (wb); c++)
      if (bk_workbook_get_company_market (wb, c) == (guint) index)
        {
          g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                       _("The market “%s” still has companies; move or remove them first"), id);
          return FALSE;
        }

  if (market)
    {
      if (!delete_cells_and_notes (self, images,
                                   "SELECT scenario, tbl, row, period FROM cells WHERE tbl = 'tokens' AND row = ?1",
                                   "SELECT tbl, row, period FROM notes WHERE tbl = 'tokens' AND row = ?1",
                                   id, error))
        return FALSE;
    }
  else
    {
      if (!delete_cells_and_notes (self, images,
                                   "SELECT scenario, tbl, row, period FROM cells WHERE tbl <> 'tokens' AND row = ?1",
                                   "SELECT tbl, row, period FROM notes WHERE tbl <> 'tokens' AND row = ?1",
                                   id, error) ||
          !bk_row_images_add_deletions (self, images, BK_JOURNAL_ASSUMPTIONS,
                                        "SELECT scenario, company, key FROM assumptions WHERE company = ?1",
                                        id, error))
        return FALSE;
    }

  {
    BkRowImage *image = bk_row_images_add (images, market ? BK_JOURNAL_MARKETS : BK_JOURNAL_COMPANIES, FALSE);
    image->keys[0] = bk_db_value_text (id);
  }

  order = current_order (wb, market);
  g_ptr_array_remove_index (order, (guint) index);
  position_images (images, wb, market, order, NULL, NULL);

  label = g_strdup_printf (market ? _("Remove market %s") : _("Remove company %s"), id);
  return bk_journal_run_action (self, label, images, TRUE, -1, -1, -1, -1, -1, error);
}

/* Periods */

/* Adds (@add) or removes one period at the start or the end.  The cells
 * and notes of a removed period go with it; formulas are recomputed. */
static gboolean
change_periods (BkDocument  *self,
                gboolean     add,
                gboolean     at_start,
                GError     **error)
{
  BkWorkbook *wb;
  BkGranularity granularity;
  g_autoptr(GArray) images = bk_row_images_new ();
  g_autofree char *first = NULL;
  g_autofree char *periods = NULL;
  gint64 first_period;
  guint n;

  wb = self->workbook;
  if (!bk_document_check_writable (self, error))
    return FALSE;

  granularity = bk_workbook_get_granularity (wb);
  first_period = bk_workbook_get_first_period (wb);
  n = bk_workbook_get_n_periods (wb);

  if (add)
    {
      g_autofree char *edge = bk_period_label (granularity, at_start ? first_period - 1 : first_period + n);
      gint64 check;

      if (n >= 1000)
        {
          g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT, _("A workbook can have at most 1000 periods"));
          return FALSE;
        }
      if (!bk_period_parse (granularity, edge, &check))
        {
          g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT, _("Periods must lie between 1900 and 2999"));
          return FALSE;
        }
    }
  else
    {
      g_autofree char *gone = NULL;

      if (n <= 1)
        {
          g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT, _("A workbook needs at least one period"));
          return FALSE;
        }

      gone = bk_workbook_dup_period_label (wb, at_start ? 0 : n - 1);
      if (!delete_cells_and_notes (self, images,
                                   "SELECT scenario, tbl, row, period FROM cells WHERE period = ?1",
                                   "SELECT tbl, row, period FROM notes WHERE period = ?1",
                                   gone, error))
        return FALSE;
    }

  /* At the start the first period moves; the rest is the count */
  first = bk_period_label (granularity, first_period + (at_start ? (add ? -1 : 1) : 0));
  periods = g_strdup_printf ("%u", add ? n + 1 : n - 1);
  bk_row_images_add_meta (images, "first_period", first);
  bk_row_images_add_meta (images, "periods", periods);

  return bk_journal_run_action (self, add ? _("Add period") : _("Remove period"), images, TRUE,
                                -1, -1, -1, -1, -1, error);
}

gboolean
bk_document_add_period (BkDocument  *self,
                        gboolean     at_start,
                        GError     **error)
{
  g_return_val_if_fail (BK_IS_DOCUMENT (self), FALSE);
  return change_periods (self, TRUE, at_start, error);
}

gboolean
bk_document_remove_period (BkDocument  *self,
                           gboolean     at_start,
                           GError     **error)
{
  g_return_val_if_fail (BK_IS_DOCUMENT (self), FALSE);
  return change_periods (self, FALSE, at_start, error);
}

/* Scenarios */

static gboolean
check_scenario_name (BkWorkbook  *wb,
                     const char  *name,
                     int          except,
                     GError     **error)
{
  g_autofree char *stripped = NULL;
  int found;

  if (!check_name (name, error))
    return FALSE;

  stripped = g_strstrip (g_strdup (name));
  found = bk_workbook_find_scenario (wb, stripped);
  if (found >= 0 && found != except)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_EXISTS, _("There is already a scenario called “%s”"), stripped);
      return FALSE;
    }
  return TRUE;
}

/* A named scenario as the scenarios table holds it */
typedef struct
{
  const char *name;
  gint64      id;
} ScenarioRow;

/* The named scenarios in order, as ScenarioRow */
static GArray *
current_scenarios (BkWorkbook *wb)
{
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (ScenarioRow));

  for (guint s = 1; s <= bk_workbook_get_n_scenarios (wb); s++)
    {
      ScenarioRow row = { bk_workbook_get_scenario_name (wb, s), bk_workbook_get_scenario (wb, s)->id };

      g_array_append_val (rows, row);
    }
  return rows;
}

/* Images that store @rows as the named scenarios, in that order */
static void
scenario_images (GArray *images,
                 GArray *rows)
{
  for (guint i = 0; i < rows->len; i++)
    {
      const ScenarioRow *row = &g_array_index (rows, ScenarioRow, i);
      BkRowImage *image = bk_row_images_add (images, BK_JOURNAL_SCENARIOS, TRUE);

      image->keys[0] = bk_db_value_int (row->id);
      image->values[0] = bk_db_value_text (row->name);
      image->values[1] = bk_db_value_int (i + 1);
    }
}

/* The checks a change to a named scenario starts with; @message says why
 * the base (or an unknown scenario) cannot be changed so. */
static gboolean
check_named_scenario (BkDocument  *self,
                      guint        scenario,
                      const char  *message,
                      GError     **error)
{
  if (!bk_document_check_writable (self, error))
    return FALSE;
  if (scenario == BK_SCENARIO_BASE || scenario > bk_workbook_get_n_scenarios (self->workbook))
    {
      g_set_error_literal (error, BK_ERROR, BK_ERROR_NOT_FOUND, message);
      return FALSE;
    }
  return TRUE;
}

gboolean
bk_document_add_scenario (BkDocument  *self,
                          const char  *name,
                          guint        copy_from,
                          GError     **error)
{
  BkWorkbook *wb;
  g_autoptr(GArray) images = bk_row_images_new ();
  g_autoptr(GArray) rows = NULL;
  g_autofree char *stripped = NULL;
  g_autofree char *label = NULL;
  ScenarioRow added = { NULL, 1 };

  g_return_val_if_fail (BK_IS_DOCUMENT (self), FALSE);

  wb = self->workbook;
  if (!bk_document_check_writable (self, error) || !check_scenario_name (wb, name, -1, error))
    return FALSE;
  if (copy_from > bk_workbook_get_n_scenarios (wb))
    {
      g_set_error (error, BK_ERROR, BK_ERROR_NOT_FOUND, _("No such scenario"));
      return FALSE;
    }

  stripped = g_strstrip (g_strdup (name));
  rows = current_scenarios (wb);
  for (guint i = 0; i < rows->len; i++)
    added.id = MAX (added.id, g_array_index (rows, ScenarioRow, i).id + 1);
  added.name = stripped;
  g_array_append_val (rows, added);
  scenario_images (images, rows);

  if (copy_from != BK_SCENARIO_BASE)
    {
      guint n = bk_workbook_get_n_periods (wb);

      bk_row_images_add_assumption_layers (images, wb, copy_from, added.id);

      for (guint t = 0; t < BK_N_TABLES; t++)
        for (guint r = 0; r < bk_workbook_get_n_rows (wb, (BkTable) t); r++)
          for (guint p = 0; p < n; p++)
            {
              const BkOverride *override = bk_workbook_get_override (wb, copy_from, (BkTable) t, r, p);

              if (override != NULL)
                {
                  g_autofree char *period_label = bk_workbook_dup_period_label (wb, p);

                  bk_row_images_add_cell (images, added.id, (BkTable) t, bk_workbook_get_row_id (wb, (BkTable) t, r),
                                          period_label, TRUE, override->value,
                                          override->formula ? bk_formula_get_text (override->formula) : NULL);
                }
            }
    }

  label = g_strdup_printf (_("Add scenario %s"), stripped);
  return bk_journal_run_action (self, label, images, TRUE, -1, -1, -1, -1, -1, error);
}

gboolean
bk_document_rename_scenario (BkDocument  *self,
                             guint        scenario,
                             const char  *name,
                             GError     **error)
{
  g_autoptr(GArray) images = bk_row_images_new ();
  g_autoptr(GArray) rows = NULL;
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (BK_IS_DOCUMENT (self), FALSE);

  if (!check_named_scenario (self, scenario, _("The base scenario cannot be renamed"), error) ||
      !check_scenario_name (self->workbook, name, (int) scenario, error))
    return FALSE;

  stripped = g_strstrip (g_strdup (name));
  rows = current_scenarios (self->workbook);
  g_array_index (rows, ScenarioRow, scenario - 1).name = stripped;
  scenario_images (images, rows);

  return bk_journal_run_action (self, _("Rename scenario"), images, TRUE, -1, -1, -1, -1, -1, error);
}

gboolean
bk_document_remove_scenario (BkDocument  *self,
                             guint        scenario,
                             GError     **error)
{
  BkWorkbook *wb;
  g_autoptr(GArray) images = bk_row_images_new ();
  g_autoptr(GArray) rows = NULL;
  g_autofree char *id_text = NULL;
  g_autofree char *label = NULL;
  gint64 id;

  g_return_val_if_fail (BK_IS_DOCUMENT (self), FALSE);

  wb = self->workbook;
  if (!check_named_scenario (self, scenario, _("The base scenario cannot be removed"), error))
    return FALSE;

  id = bk_workbook_get_scenario (wb, scenario)->id;
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  label = g_strdup_printf (_("Remove scenario %s"), bk_workbook_get_scenario_name (wb, scenario));

  if (!bk_row_images_add_deletions (self, images, BK_JOURNAL_CELLS,
                                    "SELECT scenario, tbl, row, period FROM cells WHERE scenario = CAST(?1 AS INTEGER)",
                                    id_text, error) ||
      !bk_row_images_add_deletions (self, images, BK_JOURNAL_ASSUMPTIONS,
                                    "SELECT scenario, company, key FROM assumptions WHERE scenario = CAST(?1 AS INTEGER)",
                                    id_text, error))
    return FALSE;

  {
    BkRowImage *image = bk_row_images_add (images, BK_JOURNAL_SCENARIOS, FALSE);
    image->keys[0] = bk_db_value_int (id);
  }

  rows = current_scenarios (wb);
  g_array_remove_index (rows, scenario - 1);
  scenario_images (images, rows);

  return bk_journal_run_action (self, label, images, TRUE, -1, -1, -1, -1, -1, error);
}

/* History */

gboolean
bk_document_can_undo (BkDocument *self)
{
  g_return_val_if_fail (BK_IS_DOCUMENT (self), FALSE);
  return self->can_undo;
}

gboolean
bk_document_can_redo (BkDocument *self)
{
  g_return_val_if_fail (BK_IS_DOCUMENT (self), FALSE);
  return self->can_redo;
}

char *
bk_document_dup_undo_label (BkDocument *self)
{
  g_return_val_if_fail (BK_IS_DOCUMENT (self), NULL);
  return g_strdup (self->undo_label);
}

char *
bk_document_dup_redo_label (BkDocument *self)
{
  g_return_val_if_fail (BK_IS_DOCUMENT (self), NULL);
  return g_strdup (self->redo_label);
}

gboolean
bk_document_undo (BkDocument  *self,
                  GError     **error)
{
  g_return_val_if_fail (BK_IS_DOCUMENT (self), FALSE);
  return bk_journal_step (self, TRUE, error);
}

gboolean
bk_document_redo (BkDocument  *self,
                  GError     **error)
{
  g_return_val_if_fail (BK_IS_DOCUMENT (self), FALSE);
  return bk_journal_step (self, FALSE, error);
}
