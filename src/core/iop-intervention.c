/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-intervention"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "iop-intervention.h"
#include "iop-entity-private.h"

/**
 * IopIntervention:
 *
 * What the program does for an objective: what, who, and how often.
 */
struct _IopIntervention
{
  GObject parent_instance;

  gint64 id;
  gint64 objective_id;
  int position;
  char *description;
  char *responsible;
  char *frequency;
};

G_DEFINE_FINAL_TYPE (IopIntervention, iop_intervention, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_OBJECTIVE_ID,
  PROP_POSITION,
  PROP_DESCRIPTION,
  PROP_RESPONSIBLE,
  PROP_FREQUENCY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const IopField fields[] = {
  IOP_FIELD (IopIntervention, id, IOP_FIELD_INT64),
  IOP_FIELD (IopIntervention, objective_id, IOP_FIELD_INT64),
  IOP_FIELD (IopIntervention, position, IOP_FIELD_INT),
  IOP_FIELD (IopIntervention, description, IOP_FIELD_STRING),
  IOP_FIELD (IopIntervention, responsible, IOP_FIELD_STRING),
  IOP_FIELD (IopIntervention, frequency, IOP_FIELD_STRING),
};

IOP_ENTITY_VALUE_ACCESSORS (IopIntervention, iop_intervention, gint64, id, PROP_ID)
IOP_ENTITY_VALUE_ACCESSORS (IopIntervention, iop_intervention, gint64, objective_id, PROP_OBJECTIVE_ID)
IOP_ENTITY_VALUE_ACCESSORS (IopIntervention, iop_intervention, int, position, PROP_POSITION)
IOP_ENTITY_STRING_ACCESSORS (IopIntervention, iop_intervention, description, PROP_DESCRIPTION)
IOP_ENTITY_STRING_ACCESSORS (IopIntervention, iop_intervention, responsible, PROP_RESPONSIBLE)
IOP_ENTITY_STRING_ACCESSORS (IopIntervention, iop_intervention, frequency, PROP_FREQUENCY)

static void
iop_intervention_finalize (GObject *object)
{
  iop_entity_free_strings (object, fields, G_N_ELEMENTS (fields));

  G_OBJECT_CLASS (iop_intervention_parent_class)->finalize (object);
}

static void
iop_intervention_get_property (GObject    *object,
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
iop_intervention_set_property (GObject      *object,
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
iop_intervention_class_init (IopInterventionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = iop_intervention_finalize;
  object_class->get_property = iop_intervention_get_property;
  object_class->set_property = iop_intervention_set_property;

  G_STATIC_ASSERT (G_N_ELEMENTS (fields) == N_PROPS - 1);
  iop_entity_install_properties (object_class, fields, G_N_ELEMENTS (fields), properties);
}

static void
iop_intervention_init (IopIntervention *self)
{
}

IopIntervention *
iop_intervention_new (void)
{
  return g_object_new (IOP_TYPE_INTERVENTION, NULL);
}

/**
 * iop_intervention_copy:
 * @self: a #IopIntervention
 *
 * Returns: (transfer full): an independent copy, for editing without touching @self
 */
IopIntervention *
iop_intervention_copy (IopIntervention *self)
{
  IopIntervention *copy = iop_intervention_new ();

  copy->id = self->id;
  copy->objective_id = self->objective_id;
  copy->position = self->position;
  copy->description = g_strdup (self->description);
  copy->responsible = g_strdup (self->responsible);
  copy->frequency = g_strdup (self->frequency);
  return copy;
}
