/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-objective"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "iop-objective.h"
#include "iop-entity-private.h"

/**
 * IopObjective:
 *
 * A measurable step toward a goal.
 */
struct _IopObjective
{
  GObject parent_instance;

  gint64 id;
  gint64 goal_id;
  int position;
  char *statement;
  char *target_date;
  char *status;
  gint64 carried_from_id;
};

G_DEFINE_FINAL_TYPE (IopObjective, iop_objective, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_GOAL_ID,
  PROP_POSITION,
  PROP_STATEMENT,
  PROP_TARGET_DATE,
  PROP_STATUS,
  PROP_CARRIED_FROM_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const IopField fields[] = {
  IOP_FIELD (IopObjective, id, IOP_FIELD_INT64),
  IOP_FIELD (IopObjective, goal_id, IOP_FIELD_INT64),
  IOP_FIELD (IopObjective, position, IOP_FIELD_INT),
  IOP_FIELD (IopObjective, statement, IOP_FIELD_STRING),
  IOP_FIELD (IopObjective, target_date, IOP_FIELD_STRING),
  IOP_FIELD (IopObjective, status, IOP_FIELD_STRING),
  IOP_FIELD (IopObjective, carried_from_id, IOP_FIELD_INT64),
};

IOP_ENTITY_VALUE_ACCESSORS (IopObjective, iop_objective, gint64, id, PROP_ID)
IOP_ENTITY_VALUE_ACCESSORS (IopObjective, iop_objective, gint64, goal_id, PROP_GOAL_ID)
IOP_ENTITY_VALUE_ACCESSORS (IopObjective, iop_objective, int, position, PROP_POSITION)
IOP_ENTITY_STRING_ACCESSORS (IopObjective, iop_objective, statement, PROP_STATEMENT)
IOP_ENTITY_STRING_ACCESSORS (IopObjective, iop_objective, target_date, PROP_TARGET_DATE)
IOP_ENTITY_STRING_ACCESSORS (IopObjective, iop_objective, status, PROP_STATUS)
IOP_ENTITY_VALUE_ACCESSORS (IopObjective, iop_objective, gint64, carried_from_id, PROP_CARRIED_FROM_ID)

static void
iop_objective_finalize (GObject *object)
{
  iop_entity_free_strings (object, fields, G_N_ELEMENTS (fields));

  G_OBJECT_CLASS (iop_objective_parent_class)->finalize (object);
}

static void
iop_objective_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  if (prop_id == 0 || prop_id >= N_PROPS)
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  else
    iop_entity_get_property (object, fields, prop_id, value);
}

static void
iop_objective_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  if (prop_id == 0 || prop_id >= N_PROPS)
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  else
    iop_entity_set_property (object, fields, prop_id, value, pspec);
}

static void
iop_objective_class_init (IopObjectiveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = iop_objective_finalize;
  object_class->get_property = iop_objective_get_property;
  object_class->set_property = iop_objective_set_property;

  G_STATIC_ASSERT (G_N_ELEMENTS (fields) == N_PROPS - 1);
  iop_entity_install_properties (object_class, fields, G_N_ELEMENTS (fields), properties);
}

static void
iop_objective_init (IopObjective *self)
{
  self->status = g_strdup ("active");
}

IopObjective *
iop_objective_new (void)
{
  return g_object_new (IOP_TYPE_OBJECTIVE, NULL);
}

/**
 * iop_objective_copy:
 * @self: a #IopObjective
 *
 * Returns: (transfer full): an independent copy, for editing without touching @self
 */
IopObjective *
iop_objective_copy (IopObjective *self)
{
  IopObjective *copy = iop_objective_new ();

  copy->id = self->id;
  copy->goal_id = self->goal_id;
  copy->position = self->position;
  copy->statement = g_strdup (self->statement);
  copy->target_date = g_strdup (self->target_date);
  g_free (copy->status);
  copy->status = g_strdup (self->status);
  copy->carried_from_id = self->carried_from_id;
  return copy;
}
