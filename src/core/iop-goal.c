/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-goal"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "iop-goal.h"
#include "iop-entity-private.h"

/**
 * IopGoal:
 *
 * A goal of a treatment plan: the participant’s own words and a measurable statement.
 */
struct _IopGoal
{
  GObject parent_instance;

  gint64 id;
  gint64 plan_id;
  gint64 problem_id;
  int position;
  char *own_words;
  char *statement;
  char *target_date;
  char *status;
  gint64 carried_from_id;
};

G_DEFINE_FINAL_TYPE (IopGoal, iop_goal, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PLAN_ID,
  PROP_PROBLEM_ID,
  PROP_POSITION,
  PROP_OWN_WORDS,
  PROP_STATEMENT,
  PROP_TARGET_DATE,
  PROP_STATUS,
  PROP_CARRIED_FROM_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const IopField fields[] = {
  IOP_FIELD (IopGoal, id, IOP_FIELD_INT64),
  IOP_FIELD (IopGoal, plan_id, IOP_FIELD_INT64),
  IOP_FIELD (IopGoal, problem_id, IOP_FIELD_INT64),
  IOP_FIELD (IopGoal, position, IOP_FIELD_INT),
  IOP_FIELD (IopGoal, own_words, IOP_FIELD_STRING),
  IOP_FIELD (IopGoal, statement, IOP_FIELD_STRING),
  IOP_FIELD (IopGoal, target_date, IOP_FIELD_STRING),
  IOP_FIELD (IopGoal, status, IOP_FIELD_STRING),
  IOP_FIELD (IopGoal, carried_from_id, IOP_FIELD_INT64),
};

IOP_ENTITY_VALUE_ACCESSORS (IopGoal, iop_goal, gint64, id, PROP_ID)
IOP_ENTITY_VALUE_ACCESSORS (IopGoal, iop_goal, gint64, plan_id, PROP_PLAN_ID)
IOP_ENTITY_VALUE_ACCESSORS (IopGoal, iop_goal, gint64, problem_id, PROP_PROBLEM_ID)
IOP_ENTITY_VALUE_ACCESSORS (IopGoal, iop_goal, int, position, PROP_POSITION)
IOP_ENTITY_STRING_ACCESSORS (IopGoal, iop_goal, own_words, PROP_OWN_WORDS)
IOP_ENTITY_STRING_ACCESSORS (IopGoal, iop_goal, statement, PROP_STATEMENT)
IOP_ENTITY_STRING_ACCESSORS (IopGoal, iop_goal, target_date, PROP_TARGET_DATE)
IOP_ENTITY_STRING_ACCESSORS (IopGoal, iop_goal, status, PROP_STATUS)
IOP_ENTITY_VALUE_ACCESSORS (IopGoal, iop_goal, gint64, carried_from_id, PROP_CARRIED_FROM_ID)

static void
iop_goal_finalize (GObject *object)
{
  iop_entity_free_strings (object, fields, G_N_ELEMENTS (fields));

  G_OBJECT_CLASS (iop_goal_parent_class)->finalize (object);
}

static void
iop_goal_get_property (GObject    *object,
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
iop_goal_set_property (GObject      *object,
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
iop_goal_class_init (IopGoalClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = iop_goal_finalize;
  object_class->get_property = iop_goal_get_property;
  object_class->set_property = iop_goal_set_property;

  G_STATIC_ASSERT (G_N_ELEMENTS (fields) == N_PROPS - 1);
  iop_entity_install_properties (object_class, fields, G_N_ELEMENTS (fields), properties);
}

static void
iop_goal_init (IopGoal *self)
{
  self->status = g_strdup ("active");
}

IopGoal *
iop_goal_new (void)
{
  return g_object_new (IOP_TYPE_GOAL, NULL);
}

/**
 * iop_goal_copy:
 * @self: a #IopGoal
 *
 * Returns: (transfer full): an independent copy, for editing without touching @self
 */
IopGoal *
iop_goal_copy (IopGoal *self)
{
  IopGoal *copy = iop_goal_new ();

  copy->id = self->id;
  copy->plan_id = self->plan_id;
  copy->problem_id = self->problem_id;
  copy->position = self->position;
  copy->own_words = g_strdup (self->own_words);
  copy->statement = g_strdup (self->statement);
  copy->target_date = g_strdup (self->target_date);
  g_free (copy->status);
  copy->status = g_strdup (self->status);
  copy->carried_from_id = self->carried_from_id;
  return copy;
}

/**
 * iop_goal_status_values:
 *
 * Returns: (transfer none): the statuses of goals and objectives, as stored
 */
const char * const *
iop_goal_status_values (void)
{
  static const char * const values[] = { "active", "met", "partially-met", "not-met", "discontinued", NULL };

  return values;
}

const char *
iop_goal_status_label (const char *status)
{
  if (g_strcmp0 (status, "active") == 0)
    return C_("goal status", "Active");
  if (g_strcmp0 (status, "met") == 0)
    return C_("goal status", "Met");
  if (g_strcmp0 (status, "partially-met") == 0)
    return C_("goal status", "Partially met");
  if (g_strcmp0 (status, "not-met") == 0)
    return C_("goal status", "Not met");
  if (g_strcmp0 (status, "discontinued") == 0)
    return C_("goal status", "Discontinued");
  return status != NULL ? status : "";
}
