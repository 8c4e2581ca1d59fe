/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-problem"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "iop-problem.h"
#include "iop-entity-private.h"

/**
 * IopProblem:
 *
 * A problem a treatment plan addresses, with its life area and optional ASAM dimension.
 */
struct _IopProblem
{
  GObject parent_instance;

  gint64 id;
  gint64 plan_id;
  int position;
  char *description;
  char *life_area;
  int asam_dimension;
};

G_DEFINE_FINAL_TYPE (IopProblem, iop_problem, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PLAN_ID,
  PROP_POSITION,
  PROP_DESCRIPTION,
  PROP_LIFE_AREA,
  PROP_ASAM_DIMENSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const IopField fields[] = {
  IOP_FIELD (IopProblem, id, IOP_FIELD_INT64),
  IOP_FIELD (IopProblem, plan_id, IOP_FIELD_INT64),
  IOP_FIELD (IopProblem, position, IOP_FIELD_INT),
  IOP_FIELD (IopProblem, description, IOP_FIELD_STRING),
  IOP_FIELD (IopProblem, life_area, IOP_FIELD_STRING),
  IOP_FIELD (IopProblem, asam_dimension, IOP_FIELD_INT),
};

IOP_ENTITY_VALUE_ACCESSORS (IopProblem, iop_problem, gint64, id, PROP_ID)
IOP_ENTITY_VALUE_ACCESSORS (IopProblem, iop_problem, gint64, plan_id, PROP_PLAN_ID)
IOP_ENTITY_VALUE_ACCESSORS (IopProblem, iop_problem, int, position, PROP_POSITION)
IOP_ENTITY_STRING_ACCESSORS (IopProblem, iop_problem, description, PROP_DESCRIPTION)
IOP_ENTITY_STRING_ACCESSORS (IopProblem, iop_problem, life_area, PROP_LIFE_AREA)
IOP_ENTITY_VALUE_ACCESSORS (IopProblem, iop_problem, int, asam_dimension, PROP_ASAM_DIMENSION)

static void
iop_problem_finalize (GObject *object)
{
  iop_entity_free_strings (object, fields, G_N_ELEMENTS (fields));

  G_OBJECT_CLASS (iop_problem_parent_class)->finalize (object);
}

static void
iop_problem_get_property (GObject    *object,
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
iop_problem_set_property (GObject      *object,
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
iop_problem_class_init (IopProblemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = iop_problem_finalize;
  object_class->get_property = iop_problem_get_property;
  object_class->set_property = iop_problem_set_property;

  G_STATIC_ASSERT (G_N_ELEMENTS (fields) == N_PROPS - 1);
  iop_entity_install_properties (object_class, fields, G_N_ELEMENTS (fields), properties);
}

static void
iop_problem_init (IopProblem *self)
{
}

IopProblem *
iop_problem_new (void)
{
  return g_object_new (IOP_TYPE_PROBLEM, NULL);
}

/**
 * iop_problem_copy:
 * @self: a #IopProblem
 *
 * Returns: (transfer full): an independent copy, for editing without touching @self
 */
IopProblem *
iop_problem_copy (IopProblem *self)
{
  IopProblem *copy = iop_problem_new ();

  copy->id = self->id;
  copy->plan_id = self->plan_id;
  copy->position = self->position;
  copy->description = g_strdup (self->description);
  copy->life_area = g_strdup (self->life_area);
  copy->asam_dimension = self->asam_dimension;
  return copy;
}

/**
 * iop_asam_dimension_label:
 * @dimension: 1–6, or 0 for none
 *
 * Returns: (transfer none): the ASAM Criteria dimension's name
 */
const char *
iop_asam_dimension_label (int dimension)
{
  switch (dimension)
    {
    case 1: return _("1 · Acute intoxication and withdrawal");
    case 2: return _("2 · Biomedical conditions");
    case 3: return _("3 · Emotional, behavioral or cognitive conditions");
    case 4: return _("4 · Readiness to change");
    case 5: return _("5 · Relapse, continued use or continued problem potential");
    case 6: return _("6 · Recovery environment");
    default: return _("None");
    }
}
