/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-enrollment"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "iop-enrollment.h"
#include "iop-entity-private.h"

/**
 * IopEnrollment:
 *
 * One stay of a participant in a group: joined, and left with a reason. participant_name, record_number and group_name are filled in by the store for display.
 */
struct _IopEnrollment
{
  GObject parent_instance;

  gint64 id;
  gint64 participant_id;
  gint64 group_id;
  char *joined;
  char *left_on;
  char *reason;
  gboolean capacity_override;
  gboolean closed_override;
  char *participant_name;
  char *record_number;
  char *group_name;
};

G_DEFINE_FINAL_TYPE (IopEnrollment, iop_enrollment, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PARTICIPANT_ID,
  PROP_GROUP_ID,
  PROP_JOINED,
  PROP_LEFT_ON,
  PROP_REASON,
  PROP_CAPACITY_OVERRIDE,
  PROP_CLOSED_OVERRIDE,
  PROP_PARTICIPANT_NAME,
  PROP_RECORD_NUMBER,
  PROP_GROUP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const IopField fields[] = {
  IOP_FIELD (IopEnrollment, id, IOP_FIELD_INT64),
  IOP_FIELD (IopEnrollment, participant_id, IOP_FIELD_INT64),
  IOP_FIELD (IopEnrollment, group_id, IOP_FIELD_INT64),
  IOP_FIELD (IopEnrollment, joined, IOP_FIELD_STRING),
  IOP_FIELD (IopEnrollment, left_on, IOP_FIELD_STRING),
  IOP_FIELD (IopEnrollment, reason, IOP_FIELD_STRING),
  IOP_FIELD (IopEnrollment, capacity_override, IOP_FIELD_BOOLEAN),
  IOP_FIELD (IopEnrollment, closed_override, IOP_FIELD_BOOLEAN),
  IOP_FIELD (IopEnrollment, participant_name, IOP_FIELD_STRING),
  IOP_FIELD (IopEnrollment, record_number, IOP_FIELD_STRING),
  IOP_FIELD (IopEnrollment, group_name, IOP_FIELD_STRING),
};

IOP_ENTITY_VALUE_ACCESSORS (IopEnrollment, iop_enrollment, gint64, id, PROP_ID)
IOP_ENTITY_VALUE_ACCESSORS (IopEnrollment, iop_enrollment, gint64, participant_id, PROP_PARTICIPANT_ID)
IOP_ENTITY_VALUE_ACCESSORS (IopEnrollment, iop_enrollment, gint64, group_id, PROP_GROUP_ID)
IOP_ENTITY_STRING_ACCESSORS (IopEnrollment, iop_enrollment, joined, PROP_JOINED)
IOP_ENTITY_STRING_ACCESSORS (IopEnrollment, iop_enrollment, left_on, PROP_LEFT_ON)
IOP_ENTITY_STRING_ACCESSORS (IopEnrollment, iop_enrollment, reason, PROP_REASON)
IOP_ENTITY_VALUE_ACCESSORS (IopEnrollment, iop_enrollment, gboolean, capacity_override, PROP_CAPACITY_OVERRIDE)
IOP_ENTITY_VALUE_ACCESSORS (IopEnrollment, iop_enrollment, gboolean, closed_override, PROP_CLOSED_OVERRIDE)
IOP_ENTITY_STRING_ACCESSORS (IopEnrollment, iop_enrollment, participant_name, PROP_PARTICIPANT_NAME)
IOP_ENTITY_STRING_ACCESSORS (IopEnrollment, iop_enrollment, record_number, PROP_RECORD_NUMBER)
IOP_ENTITY_STRING_ACCESSORS (IopEnrollment, iop_enrollment, group_name, PROP_GROUP_NAME)

static void
iop_enrollment_finalize (GObject *object)
{
  iop_entity_free_strings (object, fields, G_N_ELEMENTS (fields));

  G_OBJECT_CLASS (iop_enrollment_parent_class)->finalize (object);
}

static void
iop_enrollment_get_property (GObject    *object,
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
iop_enrollment_set_property (GObject      *object,
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
iop_enrollment_class_init (IopEnrollmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = iop_enrollment_finalize;
  object_class->get_property = iop_enrollment_get_property;
  object_class->set_property = iop_enrollment_set_property;

  G_STATIC_ASSERT (G_N_ELEMENTS (fields) == N_PROPS - 1);
  iop_entity_install_properties (object_class, fields, G_N_ELEMENTS (fields), properties);
}

static void
iop_enrollment_init (IopEnrollment *self)
{
}

IopEnrollment *
iop_enrollment_new (void)
{
  return g_object_new (IOP_TYPE_ENROLLMENT, NULL);
}

/**
 * iop_enrollment_copy:
 * @self: a #IopEnrollment
 *
 * Returns: (transfer full): an independent copy, for editing without touching @self
 */
IopEnrollment *
iop_enrollment_copy (IopEnrollment *self)
{
  IopEnrollment *copy = iop_enrollment_new ();

  copy->id = self->id;
  copy->participant_id = self->participant_id;
  copy->group_id = self->group_id;
  g_free (copy->joined);
  copy->joined = g_strdup (self->joined);
  g_free (copy->left_on);
  copy->left_on = g_strdup (self->left_on);
  g_free (copy->reason);
  copy->reason = g_strdup (self->reason);
  copy->capacity_override = self->capacity_override;
  copy->closed_override = self->closed_override;
  g_free (copy->participant_name);
  copy->participant_name = g_strdup (self->participant_name);
  g_free (copy->record_number);
  copy->record_number = g_strdup (self->record_number);
  g_free (copy->group_name);
  copy->group_name = g_strdup (self->group_name);
  return copy;
}

/**
 * iop_enrollment_is_current_on:
 * @self: an #IopEnrollment
 * @date: an ISO date
 *
 * A member belongs to the group from the day they join until the day before they leave.
 *
 * Returns: %TRUE when the participant was a member on @date
 */
gboolean
iop_enrollment_is_current_on (IopEnrollment *self,
                              const char    *date)
{
  if (g_strcmp0 (self->joined, date) > 0)
    return FALSE;
  return self->left_on == NULL || *self->left_on == '\0' || g_strcmp0 (date, self->left_on) < 0;
}
