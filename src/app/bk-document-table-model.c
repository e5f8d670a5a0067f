/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-document-table-model.c — the base of the table models over a document
 *
 * Holds what the input, assumptions, results and series models share: the
 * document and/or the engine, their workbook, the scenario shown, one signal
 * group on the workbook and one on the engine, and the rule that a scenario
 * removed by a change (or undone away) falls back to the base.  Subclasses
 * only say what a change means for their cells (pattern: Sysprof's
 * SysprofChartLayer, one abstract base and one subclass per kind). */

#include "config.h"

#include "bk-document-table-model.h"

typedef struct
{
  BkDocument   *document;
  BkEngine     *engine;
  BkWorkbook   *workbook;
  guint         scenario;
  GSignalGroup *workbook_signals;
  GSignalGroup *engine_signals;
} BkDocumentTableModelPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (BkDocumentTableModel, bk_document_table_model, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_ENGINE,
  PROP_SCENARIO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
workbook_changed_cb (BkWorkbook           *workbook,
                     guint                 flags,
                     int                   table,
                     int                   row,
                     int                   period,
                     int                   n_rows,
                     int                   n_periods,
                     BkDocumentTableModel *self)
{
  BkDocumentTableModelPrivate *priv = bk_document_table_model_get_instance_private (self);
  BkDocumentTableModelClass *klass = BK_DOCUMENT_TABLE_MODEL_GET_CLASS (self);

  /* The one place where a removed scenario falls back to the base */
  if ((flags & BK_CHANGE_STRUCTURE) && priv->scenario > bk_workbook_get_n_scenarios (workbook))
    {
      priv->scenario = BK_SCENARIO_BASE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCENARIO]);
    }

  if (klass->workbook_changed != NULL)
    klass->workbook_changed (self, flags, table, row, period, n_rows, n_periods);
}

static void
engine_invalidated_cb (BkEngine             *engine,
                       BkDocumentTableModel *self)
{
  BkDocumentTableModelClass *klass = BK_DOCUMENT_TABLE_MODEL_GET_CLASS (self);

  if (klass->engine_invalidated != NULL)
    klass->engine_invalidated (self);
}

static void
bk_document_table_model_real_scenario_changed (BkDocumentTableModel *self)
{
  bk_table_model_reset (BK_TABLE_MODEL (self));
}

/* GObject */

static void
bk_document_table_model_constructed (GObject *object)
{
  BkDocumentTableModel *self = BK_DOCUMENT_TABLE_MODEL (object);
  BkDocumentTableModelPrivate *priv = bk_document_table_model_get_instance_private (self);

  G_OBJECT_CLASS (bk_document_table_model_parent_class)->constructed (object);

  g_assert (BK_IS_TABLE_MODEL (self));
  g_assert (priv->document != NULL || priv->engine != NULL);

  priv->workbook = g_object_ref (priv->document != NULL ? bk_document_get_workbook (priv->document)
                                                        : bk_engine_get_workbook (priv->engine));
  g_assert (priv->engine == NULL || bk_engine_get_workbook (priv->engine) == priv->workbook);

  g_signal_group_set_target (priv->workbook_signals, priv->workbook);
  g_signal_group_set_target (priv->engine_signals, priv->engine);

  /* Results show the engine's scenario */
  if (priv->document == NULL)
    g_object_bind_property (priv->engine, "scenario", self, "scenario", G_BINDING_SYNC_CREATE);
}

static void
bk_document_table_model_dispose (GObject *object)
{
  BkDocumentTableModel *self = BK_DOCUMENT_TABLE_MODEL (object);
  BkDocumentTableModelPrivate *priv = bk_document_table_model_get_instance_private (self);

  g_signal_group_set_target (priv->workbook_signals, NULL);
  g_signal_group_set_target (priv->engine_signals, NULL);
  g_clear_object (&priv->workbook);
  g_clear_object (&priv->engine);
  g_clear_object (&priv->document);

  G_OBJECT_CLASS (bk_document_table_model_parent_class)->dispose (object);
}

static void
bk_document_table_model_finalize (GObject *object)
{
  BkDocumentTableModel *self = BK_DOCUMENT_TABLE_MODEL (object);
  BkDocumentTableModelPrivate *priv = bk_document_table_model_get_instance_private (self);

  g_clear_object (&priv->workbook_signals);
  g_clear_object (&priv->engine_signals);

  G_OBJECT_CLASS (bk_document_table_model_parent_class)->finalize (object);
}

static void
bk_document_table_model_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  BkDocumentTableModel *self = BK_DOCUMENT_TABLE_MODEL (object);
  BkDocumentTableModelPrivate *priv = bk_document_table_model_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, priv->document);
      break;
    case PROP_ENGINE:
      g_value_set_object (value, priv->engine);
      break;
    case PROP_SCENARIO:
      g_value_set_uint (value, priv->scenario);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_document_table_model_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  BkDocumentTableModel *self = BK_DOCUMENT_TABLE_MODEL (object);
  BkDocumentTableModelPrivate *priv = bk_document_table_model_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      priv->document = g_value_dup_object (value);
      break;
    case PROP_ENGINE:
      priv->engine = g_value_dup_object (value);
      break;
    case PROP_SCENARIO:
      if (priv->workbook == NULL)
        priv->scenario = g_value_get_uint (value);  /* during construction */
      else
        bk_document_table_model_set_scenario (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_document_table_model_class_init (BkDocumentTableModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = bk_document_table_model_constructed;
  object_class->dispose = bk_document_table_model_dispose;
  object_class->finalize = bk_document_table_model_finalize;
  object_class->get_property = bk_document_table_model_get_property;
  object_class->set_property = bk_document_table_model_set_property;

  klass->scenario_changed = bk_document_table_model_real_scenario_changed;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         BK_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ENGINE] =
    g_param_spec_object ("engine", NULL, NULL,
                         BK_TYPE_ENGINE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* 0 is the base */
  properties[PROP_SCENARIO] =
    g_param_spec_uint ("scenario", NULL, NULL,
                       0, G_MAXUINT, BK_SCENARIO_BASE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bk_document_table_model_init (BkDocumentTableModel *self)
{
  BkDocumentTableModelPrivate *priv = bk_document_table_model_get_instance_private (self);

  priv->workbook_signals = g_signal_group_new (BK_TYPE_WORKBOOK);
  g_signal_group_connect (priv->workbook_signals, "changed", G_CALLBACK (workbook_changed_cb), self);
  priv->engine_signals = g_signal_group_new (BK_TYPE_ENGINE);
  g_signal_group_connect (priv->engine_signals, "invalidated", G_CALLBACK (engine_invalidated_cb), self);
}

/* Public API */

BkDocument *
bk_document_table_model_get_document (BkDocumentTableModel *self)
{
  BkDocumentTableModelPrivate *priv = bk_document_table_model_get_instance_private (self);

  g_return_val_if_fail (BK_IS_DOCUMENT_TABLE_MODEL (self), NULL);

  return priv->document;
}

BkEngine *
bk_document_table_model_get_engine (BkDocumentTableModel *self)
{
  BkDocumentTableModelPrivate *priv = bk_document_table_model_get_instance_private (self);

  g_return_val_if_fail (BK_IS_DOCUMENT_TABLE_MODEL (self), NULL);

  return priv->engine;
}

BkWorkbook *
bk_document_table_model_get_workbook (BkDocumentTableModel *self)
{
  BkDocumentTableModelPrivate *priv = bk_document_table_model_get_instance_private (self);

  g_return_val_if_fail (BK_IS_DOCUMENT_TABLE_MODEL (self), NULL);

  return priv->workbook;
}

guint
bk_document_table_model_get_scenario (BkDocumentTableModel *self)
{
  BkDocumentTableModelPrivate *priv = bk_document_table_model_get_instance_private (self);

  g_return_val_if_fail (BK_IS_DOCUMENT_TABLE_MODEL (self), BK_SCENARIO_BASE);

  return priv->scenario;
}

void
bk_document_table_model_set_scenario (BkDocumentTableModel *self,
                                      guint                 scenario)
{
  BkDocumentTableModelPrivate *priv = bk_document_table_model_get_instance_private (self);
  BkDocumentTableModelClass *klass;

  g_return_if_fail (BK_IS_DOCUMENT_TABLE_MODEL (self));
  g_return_if_fail (scenario <= bk_workbook_get_n_scenarios (priv->workbook));

  if (priv->scenario == scenario)
    return;

  priv->scenario = scenario;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCENARIO]);
  klass = BK_DOCUMENT_TABLE_MODEL_GET_CLASS (self);
  if (klass->scenario_changed != NULL)
    klass->scenario_changed (self);
}
