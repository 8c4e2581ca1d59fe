/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-session"

#include "config.h"

#include "iop-i18n.h"
#include <stdio.h>

#include "iop-session.h"
#include "iop-entity-private.h"

/**
 * IopSession:
 *
 * One group session: when, who facilitates, its state (scheduled, draft, signed, co-signed or cancelled), the shared group note and the facilitator's climate ratings (0-6, -1 when not rated). group_name, the staff names and the counts are filled in by the store for display.
 */
struct _IopSession
{
  GObject parent_instance;

  gint64 id;
  gint64 group_id;
  char *date;
  char *start_time;
  int duration_minutes;
  char *topic;
  gint64 facilitator_id;
  gint64 co_facilitator_id;
  char *location;
  char *state;
  char *cancel_reason;
  gboolean one_off;
  char *interventions;
  char *group_process;
  int climate_cohesion;
  int climate_engagement;
  int climate_avoidance;
  int climate_conflict;
  gint64 signed_by;
  char *signed_at;
  gint64 cosigned_by;
  char *cosigned_at;
  char *group_name;
  char *facilitator_name;
  char *co_facilitator_name;
  char *signed_by_name;
  char *cosigned_by_name;
  int roster_count;
  int attended_count;
};

G_DEFINE_FINAL_TYPE (IopSession, iop_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_GROUP_ID,
  PROP_DATE,
  PROP_START_TIME,
  PROP_DURATION_MINUTES,
  PROP_TOPIC,
  PROP_FACILITATOR_ID,
  PROP_CO_FACILITATOR_ID,
  PROP_LOCATION,
  PROP_STATE,
  PROP_CANCEL_REASON,
  PROP_ONE_OFF,
  PROP_INTERVENTIONS,
  PROP_GROUP_PROCESS,
  PROP_CLIMATE_COHESION,
  PROP_CLIMATE_ENGAGEMENT,
  PROP_CLIMATE_AVOIDANCE,
  PROP_CLIMATE_CONFLICT,
  PROP_SIGNED_BY,
  PROP_SIGNED_AT,
  PROP_COSIGNED_BY,
  PROP_COSIGNED_AT,
  PROP_GROUP_NAME,
  PROP_FACILITATOR_NAME,
  PROP_CO_FACILITATOR_NAME,
  PROP_SIGNED_BY_NAME,
  PROP_COSIGNED_BY_NAME,
  PROP_ROSTER_COUNT,
  PROP_ATTENDED_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const IopField fields[] = {
  IOP_FIELD (IopSession, id, IOP_FIELD_INT64),
  IOP_FIELD (IopSession, group_id, IOP_FIELD_INT64),
  IOP_FIELD (IopSession, date, IOP_FIELD_STRING),
  IOP_FIELD (IopSession, start_time, IOP_FIELD_STRING),
  IOP_FIELD (IopSession, duration_minutes, IOP_FIELD_INT),
  IOP_FIELD (IopSession, topic, IOP_FIELD_STRING),
  IOP_FIELD (IopSession, facilitator_id, IOP_FIELD_INT64),
  IOP_FIELD (IopSession, co_facilitator_id, IOP_FIELD_INT64),
  IOP_FIELD (IopSession, location, IOP_FIELD_STRING),
  IOP_FIELD (IopSession, state, IOP_FIELD_STRING),
  IOP_FIELD (IopSession, cancel_reason, IOP_FIELD_STRING),
  IOP_FIELD (IopSession, one_off, IOP_FIELD_BOOLEAN),
  IOP_FIELD (IopSession, interventions, IOP_FIELD_STRING),
  IOP_FIELD (IopSession, group_process, IOP_FIELD_STRING),
  IOP_FIELD (IopSession, climate_cohesion, IOP_FIELD_INT),
  IOP_FIELD (IopSession, climate_engagement, IOP_FIELD_INT),
  IOP_FIELD (IopSession, climate_avoidance, IOP_FIELD_INT),
  IOP_FIELD (IopSession, climate_conflict, IOP_FIELD_INT),
  IOP_FIELD (IopSession, signed_by, IOP_FIELD_INT64),
  IOP_FIELD (IopSession, signed_at, IOP_FIELD_STRING),
  IOP_FIELD (IopSession, cosigned_by, IOP_FIELD_INT64),
  IOP_FIELD (IopSession, cosigned_at, IOP_FIELD_STRING),
  IOP_FIELD (IopSession, group_name, IOP_FIELD_STRING),
  IOP_FIELD (IopSession, facilitator_name, IOP_FIELD_STRING),
  IOP_FIELD (IopSession, co_facilitator_name, IOP_FIELD_STRING),
  IOP_FIELD (IopSession, signed_by_name, IOP_FIELD_STRING),
  IOP_FIELD (IopSession, cosigned_by_name, IOP_FIELD_STRING),
  IOP_FIELD (IopSession, roster_count, IOP_FIELD_INT),
  IOP_FIELD (IopSession, attended_count, IOP_FIELD_INT),
};

IOP_ENTITY_VALUE_ACCESSORS (IopSession, iop_session, gint64, id, PROP_ID)
IOP_ENTITY_VALUE_ACCESSORS (IopSession, iop_session, gint64, group_id, PROP_GROUP_ID)
IOP_ENTITY_STRING_ACCESSORS (IopSession, iop_session, date, PROP_DATE)
IOP_ENTITY_STRING_ACCESSORS (IopSession, iop_session, start_time, PROP_START_TIME)
IOP_ENTITY_VALUE_ACCESSORS (IopSession, iop_session, int, duration_minutes, PROP_DURATION_MINUTES)
IOP_ENTITY_STRING_ACCESSORS (IopSession, iop_session, topic, PROP_TOPIC)
IOP_ENTITY_VALUE_ACCESSORS (IopSession, iop_session, gint64, facilitator_id, PROP_FACILITATOR_ID)
IOP_ENTITY_VALUE_ACCESSORS (IopSession, iop_session, gint64, co_facilitator_id, PROP_CO_FACILITATOR_ID)
IOP_ENTITY_STRING_ACCESSORS (IopSession, iop_session, location, PROP_LOCATION)
IOP_ENTITY_STRING_ACCESSORS (IopSession, iop_session, state, PROP_STATE)
IOP_ENTITY_STRING_ACCESSORS (IopSession, iop_session, cancel_reason, PROP_CANCEL_REASON)
IOP_ENTITY_VALUE_ACCESSORS (IopSession, iop_session, gboolean, one_off, PROP_ONE_OFF)
IOP_ENTITY_STRING_ACCESSORS (IopSession, iop_session, interventions, PROP_INTERVENTIONS)
IOP_ENTITY_STRING_ACCESSORS (IopSession, iop_session, group_process, PROP_GROUP_PROCESS)
IOP_ENTITY_VALUE_ACCESSORS (IopSession, iop_session, int, climate_cohesion, PROP_CLIMATE_COHESION)
IOP_ENTITY_VALUE_ACCESSORS (IopSession, iop_session, int, climate_engagement, PROP_CLIMATE_ENGAGEMENT)
IOP_ENTITY_VALUE_ACCESSORS (IopSession, iop_session, int, climate_avoidance, PROP_CLIMATE_AVOIDANCE)
IOP_ENTITY_VALUE_ACCESSORS (IopSession, iop_session, int, climate_conflict, PROP_CLIMATE_CONFLICT)
IOP_ENTITY_VALUE_ACCESSORS (IopSession, iop_session, gint64, signed_by, PROP_SIGNED_BY)
IOP_ENTITY_STRING_ACCESSORS (IopSession, iop_session, signed_at, PROP_SIGNED_AT)
IOP_ENTITY_VALUE_ACCESSORS (IopSession, iop_session, gint64, cosigned_by, PROP_COSIGNED_BY)
IOP_ENTITY_STRING_ACCESSORS (IopSession, iop_session, cosigned_at, PROP_COSIGNED_AT)
IOP_ENTITY_STRING_ACCESSORS (IopSession, iop_session, group_name, PROP_GROUP_NAME)
IOP_ENTITY_STRING_ACCESSORS (IopSession, iop_session, facilitator_name, PROP_FACILITATOR_NAME)
IOP_ENTITY_STRING_ACCESSORS (IopSession, iop_session, co_facilitator_name, PROP_CO_FACILITATOR_NAME)
IOP_ENTITY_STRING_ACCESSORS (IopSession, iop_session, signed_by_name, PROP_SIGNED_BY_NAME)
IOP_ENTITY_STRING_ACCESSORS (IopSession, iop_session, cosigned_by_name, PROP_COSIGNED_BY_NAME)
IOP_ENTITY_VALUE_ACCESSORS (IopSession, iop_session, int, roster_count, PROP_ROSTER_COUNT)
IOP_ENTITY_VALUE_ACCESSORS (IopSession, iop_session, int, attended_count, PROP_ATTENDED_COUNT)

static void
iop_session_finalize (GObject *object)
{
  iop_entity_free_strings (object, fields, G_N_ELEMENTS (fields));

  G_OBJECT_CLASS (iop_session_parent_class)->finalize (object);
}

static void
iop_session_get_property (GObject    *object,
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
iop_session_set_property (GObject      *object,
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
iop_session_class_init (IopSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = iop_session_finalize;
  object_class->get_property = iop_session_get_property;
  object_class->set_property = iop_session_set_property;

  G_STATIC_ASSERT (G_N_ELEMENTS (fields) == N_PROPS - 1);
  iop_entity_install_properties (object_class, fields, G_N_ELEMENTS (fields), properties);
}

static void
iop_session_init (IopSession *self)
{
  self->state = g_strdup ("scheduled");
  self->climate_cohesion = -1;
  self->climate_engagement = -1;
  self->climate_avoidance = -1;
  self->climate_conflict = -1;
}

IopSession *
iop_session_new (void)
{
  return g_object_new (IOP_TYPE_SESSION, NULL);
}

/**
 * iop_session_copy:
 * @self: a #IopSession
 *
 * Returns: (transfer full): an independent copy, for editing without touching @self
 */
IopSession *
iop_session_copy (IopSession *self)
{
  IopSession *copy = iop_session_new ();

  copy->id = self->id;
  copy->group_id = self->group_id;
  copy->date = g_strdup (self->date);
  copy->start_time = g_strdup (self->start_time);
  copy->duration_minutes = self->duration_minutes;
  copy->topic = g_strdup (self->topic);
  copy->facilitator_id = self->facilitator_id;
  copy->co_facilitator_id = self->co_facilitator_id;
  copy->location = g_strdup (self->location);
  g_free (copy->state);    /* the new session starts "scheduled" */
  copy->state = g_strdup (self->state);
  copy->cancel_reason = g_strdup (self->cancel_reason);
  copy->one_off = self->one_off;
  copy->interventions = g_strdup (self->interventions);
  copy->group_process = g_strdup (self->group_process);
  copy->climate_cohesion = self->climate_cohesion;
  copy->climate_engagement = self->climate_engagement;
  copy->climate_avoidance = self->climate_avoidance;
  copy->climate_conflict = self->climate_conflict;
  copy->signed_by = self->signed_by;
  copy->signed_at = g_strdup (self->signed_at);
  copy->cosigned_by = self->cosigned_by;
  copy->cosigned_at = g_strdup (self->cosigned_at);
  copy->group_name = g_strdup (self->group_name);
  copy->facilitator_name = g_strdup (self->facilitator_name);
  copy->co_facilitator_name = g_strdup (self->co_facilitator_name);
  copy->signed_by_name = g_strdup (self->signed_by_name);
  copy->cosigned_by_name = g_strdup (self->cosigned_by_name);
  copy->roster_count = self->roster_count;
  copy->attended_count = self->attended_count;
  return copy;
}

const char * const *
iop_session_state_values (void)
{
  static const char * const values[] = { "scheduled", "draft", "signed", "cosigned", "cancelled", NULL };

  return values;
}

/**
 * iop_session_state_label:
 * @state: a state value
 *
 * Returns: (transfer none): the state in words, for lists and headers
 */
const char *
iop_session_state_label (const char *state)
{
  if (g_strcmp0 (state, "scheduled") == 0)
    return C_("session state", "Scheduled");
  if (g_strcmp0 (state, "draft") == 0)
    return C_("session state", "Draft");
  if (g_strcmp0 (state, "signed") == 0)
    return C_("session state", "Signed, awaiting co-signature");
  if (g_strcmp0 (state, "cosigned") == 0)
    return C_("session state", "Co-signed");
  if (g_strcmp0 (state, "cancelled") == 0)
    return C_("session state", "Cancelled");
  return state != NULL ? state : "";
}

/**
 * iop_session_is_locked:
 *
 * Returns: %TRUE when the session is signed or co-signed: only addenda may follow
 */
gboolean
iop_session_is_locked (IopSession *self)
{
  g_return_val_if_fail (IOP_IS_SESSION (self), FALSE);
  return g_strcmp0 (self->state, "signed") == 0 || g_strcmp0 (self->state, "cosigned") == 0;
}

/**
 * iop_session_is_documentable:
 *
 * Returns: %TRUE while attendance and notes may still be written (scheduled or draft)
 */
gboolean
iop_session_is_documentable (IopSession *self)
{
  g_return_val_if_fail (IOP_IS_SESSION (self), FALSE);
  return g_strcmp0 (self->state, "scheduled") == 0 || g_strcmp0 (self->state, "draft") == 0;
}

/**
 * iop_session_dup_time_label:
 *
 * Returns: (transfer full): for example “09:00–12:00”
 */
char *
iop_session_dup_time_label (IopSession *self)
{
  int h = 0;
  int m = 0;
  int end;

  g_return_val_if_fail (IOP_IS_SESSION (self), NULL);
  if (self->start_time == NULL || sscanf (self->start_time, "%d:%d", &h, &m) != 2)
    return g_strdup ("");
  end = h * 60 + m + self->duration_minutes;
  return g_strdup_printf ("%s–%02d:%02d", self->start_time, (end / 60) % 24, end % 60);
}

int
iop_session_get_climate (IopSession *self,
                         IopClimate  which)
{
  g_return_val_if_fail (IOP_IS_SESSION (self), -1);
  switch (which)
    {
    case IOP_CLIMATE_COHESION: return self->climate_cohesion;
    case IOP_CLIMATE_ENGAGEMENT: return self->climate_engagement;
    case IOP_CLIMATE_AVOIDANCE: return self->climate_avoidance;
    case IOP_CLIMATE_CONFLICT: return self->climate_conflict;
    default: g_return_val_if_reached (-1);
    }
}

void
iop_session_set_climate (IopSession *self,
                         IopClimate  which,
                         int         value)
{
  g_return_if_fail (IOP_IS_SESSION (self));
  switch (which)
    {
    case IOP_CLIMATE_COHESION: iop_session_set_climate_cohesion (self, value); break;
    case IOP_CLIMATE_ENGAGEMENT: iop_session_set_climate_engagement (self, value); break;
    case IOP_CLIMATE_AVOIDANCE: iop_session_set_climate_avoidance (self, value); break;
    case IOP_CLIMATE_CONFLICT: iop_session_set_climate_conflict (self, value); break;
    default: g_return_if_reached ();
    }
}

/**
 * iop_climate_label:
 *
 * Returns: (transfer none): the short name of a climate rating
 */
const char *
iop_climate_label (IopClimate which)
{
  switch (which)
    {
    case IOP_CLIMATE_COHESION: return _("Cohesion");
    case IOP_CLIMATE_ENGAGEMENT: return _("Engagement");
    case IOP_CLIMATE_AVOIDANCE: return _("Avoidance");
    case IOP_CLIMATE_CONFLICT: return _("Conflict");
    default: g_return_val_if_reached ("");
    }
}

/**
 * iop_climate_description:
 *
 * Returns: (transfer none): what the facilitator rates, in our own short wording
 */
const char *
iop_climate_description (IopClimate which)
{
  switch (which)
    {
    case IOP_CLIMATE_COHESION: return _("Members felt connected and supported one another");
    case IOP_CLIMATE_ENGAGEMENT: return _("Members worked on the session's task together");
    case IOP_CLIMATE_AVOIDANCE: return _("Members steered away from difficult topics");
    case IOP_CLIMATE_CONFLICT: return _("Tension or friction between members");
    default: g_return_val_if_reached ("");
    }
}

/**
 * iop_climate_key:
 *
 * Returns: (transfer none): a stable key: cohesion, engagement, avoidance, conflict
 */
const char *
iop_climate_key (IopClimate which)
{
  static const char * const keys[] = { "cohesion", "engagement", "avoidance", "conflict" };

  g_return_val_if_fail (which < IOP_N_CLIMATE, "");
  return keys[which];
}

/**
 * iop_climate_value_label:
 * @value: 0 to 6, or -1
 *
 * Returns: (transfer none): the rating in words
 */
const char *
iop_climate_value_label (int value)
{
  switch (value)
    {
    case 0: return C_("climate", "0 – Not at all");
    case 1: return C_("climate", "1 – Barely");
    case 2: return C_("climate", "2 – A little");
    case 3: return C_("climate", "3 – Somewhat");
    case 4: return C_("climate", "4 – Quite a bit");
    case 5: return C_("climate", "5 – A lot");
    case 6: return C_("climate", "6 – Very much");
    default: return C_("climate", "Not rated");
    }
}
