/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-cultural-profile"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "iop-cultural-profile.h"
#include "iop-date.h"
#include "iop-entity-private.h"
#include "iop-group.h"
#include "iop-validation.h"

/* Long enough for a conversation written down, short enough to catch a paste gone wrong. */
#define MAX_TEXT 8000

/**
 * IopCulturalProfile:
 *
 * How a participant describes themselves, their recovery and what helps them
 * take part, in their own words. Preferred name, pronouns and primary language
 * belong to the participant record and are not repeated here.
 */
struct _IopCulturalProfile
{
  GObject parent_instance;

  gint64 participant_id;
  gboolean interpreter_needed;
  gboolean interpreter_arranged;
  char *interpreter_details;
  char *communication;
  char *identity;
  char *family_roles;
  char *beliefs;
  char *spirituality;
  char *stigma_concerns;
  char *observances;
  int observance_weekdays;
  char *observance_start;
  char *observance_end;
  char *dietary_needs;
  char *accessibility;
  char *respected_in_group;
  char *created_at;
  char *updated_at;
  char *updated_by_name;
  char *reviewed_on;
  char *reviewed_by_name;

  char *cfi_answer[IOP_CFI_N_DOMAINS];
  char *cfi_recorded_on[IOP_CFI_N_DOMAINS];
  gint64 cfi_recorded_by[IOP_CFI_N_DOMAINS];
  char *cfi_recorded_by_name[IOP_CFI_N_DOMAINS];
};

G_DEFINE_FINAL_TYPE (IopCulturalProfile, iop_cultural_profile, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PARTICIPANT_ID,
  PROP_INTERPRETER_NEEDED,
  PROP_INTERPRETER_ARRANGED,
  PROP_INTERPRETER_DETAILS,
  PROP_COMMUNICATION,
  PROP_IDENTITY,
  PROP_FAMILY_ROLES,
  PROP_BELIEFS,
  PROP_SPIRITUALITY,
  PROP_STIGMA_CONCERNS,
  PROP_OBSERVANCES,
  PROP_OBSERVANCE_WEEKDAYS,
  PROP_OBSERVANCE_START,
  PROP_OBSERVANCE_END,
  PROP_DIETARY_NEEDS,
  PROP_ACCESSIBILITY,
  PROP_RESPECTED_IN_GROUP,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_UPDATED_BY_NAME,
  PROP_REVIEWED_ON,
  PROP_REVIEWED_BY_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const IopField fields[] = {
  IOP_FIELD (IopCulturalProfile, participant_id, IOP_FIELD_INT64),
  IOP_FIELD (IopCulturalProfile, interpreter_needed, IOP_FIELD_BOOLEAN),
  IOP_FIELD (IopCulturalProfile, interpreter_arranged, IOP_FIELD_BOOLEAN),
  IOP_FIELD (IopCulturalProfile, interpreter_details, IOP_FIELD_STRING),
  IOP_FIELD (IopCulturalProfile, communication, IOP_FIELD_STRING),
  IOP_FIELD (IopCulturalProfile, identity, IOP_FIELD_STRING),
  IOP_FIELD (IopCulturalProfile, family_roles, IOP_FIELD_STRING),
  IOP_FIELD (IopCulturalProfile, beliefs, IOP_FIELD_STRING),
  IOP_FIELD (IopCulturalProfile, spirituality, IOP_FIELD_STRING),
  IOP_FIELD (IopCulturalProfile, stigma_concerns, IOP_FIELD_STRING),
  IOP_FIELD (IopCulturalProfile, observances, IOP_FIELD_STRING),
  IOP_FIELD (IopCulturalProfile, observance_weekdays, IOP_FIELD_INT),
  IOP_FIELD (IopCulturalProfile, observance_start, IOP_FIELD_STRING),
  IOP_FIELD (IopCulturalProfile, observance_end, IOP_FIELD_STRING),
  IOP_FIELD (IopCulturalProfile, dietary_needs, IOP_FIELD_STRING),
  IOP_FIELD (IopCulturalProfile, accessibility, IOP_FIELD_STRING),
  IOP_FIELD (IopCulturalProfile, respected_in_group, IOP_FIELD_STRING),
  IOP_FIELD (IopCulturalProfile, created_at, IOP_FIELD_STRING),
  IOP_FIELD (IopCulturalProfile, updated_at, IOP_FIELD_STRING),
  IOP_FIELD (IopCulturalProfile, updated_by_name, IOP_FIELD_STRING),
  IOP_FIELD (IopCulturalProfile, reviewed_on, IOP_FIELD_STRING),
  IOP_FIELD (IopCulturalProfile, reviewed_by_name, IOP_FIELD_STRING),
};

IOP_ENTITY_VALUE_ACCESSORS (IopCulturalProfile, iop_cultural_profile, gint64, participant_id, PROP_PARTICIPANT_ID)
IOP_ENTITY_VALUE_ACCESSORS (IopCulturalProfile, iop_cultural_profile, gboolean, interpreter_needed, PROP_INTERPRETER_NEEDED)
IOP_ENTITY_VALUE_ACCESSORS (IopCulturalProfile, iop_cultural_profile, gboolean, interpreter_arranged, PROP_INTERPRETER_ARRANGED)
IOP_ENTITY_STRING_ACCESSORS (IopCulturalProfile, iop_cultural_profile, interpreter_details, PROP_INTERPRETER_DETAILS)
IOP_ENTITY_STRING_ACCESSORS (IopCulturalProfile, iop_cultural_profile, communication, PROP_COMMUNICATION)
IOP_ENTITY_STRING_ACCESSORS (IopCulturalProfile, iop_cultural_profile, identity, PROP_IDENTITY)
IOP_ENTITY_STRING_ACCESSORS (IopCulturalProfile, iop_cultural_profile, family_roles, PROP_FAMILY_ROLES)
IOP_ENTITY_STRING_ACCESSORS (IopCulturalProfile, iop_cultural_profile, beliefs, PROP_BELIEFS)
IOP_ENTITY_STRING_ACCESSORS (IopCulturalProfile, iop_cultural_profile, spirituality, PROP_SPIRITUALITY)
IOP_ENTITY_STRING_ACCESSORS (IopCulturalProfile, iop_cultural_profile, stigma_concerns, PROP_STIGMA_CONCERNS)
IOP_ENTITY_STRING_ACCESSORS (IopCulturalProfile, iop_cultural_profile, observances, PROP_OBSERVANCES)
IOP_ENTITY_VALUE_ACCESSORS (IopCulturalProfile, iop_cultural_profile, int, observance_weekdays, PROP_OBSERVANCE_WEEKDAYS)
IOP_ENTITY_STRING_ACCESSORS (IopCulturalProfile, iop_cultural_profile, observance_start, PROP_OBSERVANCE_START)
IOP_ENTITY_STRING_ACCESSORS (IopCulturalProfile, iop_cultural_profile, observance_end, PROP_OBSERVANCE_END)
IOP_ENTITY_STRING_ACCESSORS (IopCulturalProfile, iop_cultural_profile, dietary_needs, PROP_DIETARY_NEEDS)
IOP_ENTITY_STRING_ACCESSORS (IopCulturalProfile, iop_cultural_profile, accessibility, PROP_ACCESSIBILITY)
IOP_ENTITY_STRING_ACCESSORS (IopCulturalProfile, iop_cultural_profile, respected_in_group, PROP_RESPECTED_IN_GROUP)
IOP_ENTITY_STRING_ACCESSORS (IopCulturalProfile, iop_cultural_profile, created_at, PROP_CREATED_AT)
IOP_ENTITY_STRING_ACCESSORS (IopCulturalProfile, iop_cultural_profile, updated_at, PROP_UPDATED_AT)
IOP_ENTITY_STRING_ACCESSORS (IopCulturalProfile, iop_cultural_profile, updated_by_name, PROP_UPDATED_BY_NAME)
IOP_ENTITY_STRING_ACCESSORS (IopCulturalProfile, iop_cultural_profile, reviewed_on, PROP_REVIEWED_ON)
IOP_ENTITY_STRING_ACCESSORS (IopCulturalProfile, iop_cultural_profile, reviewed_by_name, PROP_REVIEWED_BY_NAME)

static int
minutes_of (const char *hhmm)
{
  return ((hhmm[0] - '0') * 10 + (hhmm[1] - '0')) * 60 + (hhmm[3] - '0') * 10 + (hhmm[4] - '0');
}

static gboolean
too_long (const char *text)
{
  return text != NULL && g_utf8_strlen (text, -1) > MAX_TEXT;
}

static void
iop_cultural_profile_finalize (GObject *object)
{
  IopCulturalProfile *self = IOP_CULTURAL_PROFILE (object);

  for (guint d = 0; d < IOP_CFI_N_DOMAINS; d++)
    {
      g_free (self->cfi_answer[d]);
      g_free (self->cfi_recorded_on[d]);
      g_free (self->cfi_recorded_by_name[d]);
    }
  iop_entity_free_strings (object, fields, G_N_ELEMENTS (fields));

  G_OBJECT_CLASS (iop_cultural_profile_parent_class)->finalize (object);
}

static void
iop_cultural_profile_get_property (GObject    *object,
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
iop_cultural_profile_set_property (GObject      *object,
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
iop_cultural_profile_class_init (IopCulturalProfileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = iop_cultural_profile_finalize;
  object_class->get_property = iop_cultural_profile_get_property;
  object_class->set_property = iop_cultural_profile_set_property;

  G_STATIC_ASSERT (G_N_ELEMENTS (fields) == N_PROPS - 1);
  iop_entity_install_properties (object_class, fields, G_N_ELEMENTS (fields), properties);
}

static void
iop_cultural_profile_init (IopCulturalProfile *self)
{
}

IopCulturalProfile *
iop_cultural_profile_new (gint64 participant_id)
{
  return g_object_new (IOP_TYPE_CULTURAL_PROFILE, "participant-id", participant_id, NULL);
}

/**
 * iop_cultural_profile_copy:
 * @self: an #IopCulturalProfile
 *
 * Returns: (transfer full): an independent copy, for editing without touching @self
 */
IopCulturalProfile *
iop_cultural_profile_copy (IopCulturalProfile *self)
{
  IopCulturalProfile *copy;

  g_return_val_if_fail (IOP_IS_CULTURAL_PROFILE (self), NULL);

  copy = iop_cultural_profile_new (self->participant_id);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, properties[i + 1]->value_type);
      g_object_get_property (G_OBJECT (self), properties[i + 1]->name, &value);
      g_object_set_property (G_OBJECT (copy), properties[i + 1]->name, &value);
    }
  for (guint d = 0; d < IOP_CFI_N_DOMAINS; d++)
    {
      copy->cfi_answer[d] = g_strdup (self->cfi_answer[d]);
      copy->cfi_recorded_on[d] = g_strdup (self->cfi_recorded_on[d]);
      copy->cfi_recorded_by[d] = self->cfi_recorded_by[d];
      copy->cfi_recorded_by_name[d] = g_strdup (self->cfi_recorded_by_name[d]);
    }
  return copy;
}

const char *
iop_cultural_profile_get_cfi_answer (IopCulturalProfile *self,
                                     IopCfiDomain        domain)
{
  g_return_val_if_fail (IOP_IS_CULTURAL_PROFILE (self), "");
  g_return_val_if_fail (domain < IOP_CFI_N_DOMAINS, "");

  return self->cfi_answer[domain] != NULL ? self->cfi_answer[domain] : "";
}

void
iop_cultural_profile_set_cfi_answer (IopCulturalProfile *self,
                                     IopCfiDomain        domain,
                                     const char         *answer)
{
  g_return_if_fail (IOP_IS_CULTURAL_PROFILE (self));
  g_return_if_fail (domain < IOP_CFI_N_DOMAINS);

  g_free (self->cfi_answer[domain]);
  self->cfi_answer[domain] = g_strdup (answer);
}

/**
 * iop_cultural_profile_get_cfi_recorded_on:
 * @self: an #IopCulturalProfile
 * @domain: a domain
 *
 * Returns: the date the answer was recorded with the participant, or ""
 */
const char *
iop_cultural_profile_get_cfi_recorded_on (IopCulturalProfile *self,
                                          IopCfiDomain        domain)
{
  g_return_val_if_fail (IOP_IS_CULTURAL_PROFILE (self), "");
  g_return_val_if_fail (domain < IOP_CFI_N_DOMAINS, "");

  return self->cfi_recorded_on[domain] != NULL ? self->cfi_recorded_on[domain] : "";
}

/**
 * iop_cultural_profile_set_cfi_recorded_on:
 * @self: an #IopCulturalProfile
 * @domain: a domain
 * @date: (nullable): the date of the conversation; empty for today
 *
 * Only matters when the answer changes: the store stamps a changed answer with
 * this date (today when it is empty or still the previous date).
 */
void
iop_cultural_profile_set_cfi_recorded_on (IopCulturalProfile *self,
                                          IopCfiDomain        domain,
                                          const char         *date)
{
  g_return_if_fail (IOP_IS_CULTURAL_PROFILE (self));
  g_return_if_fail (domain < IOP_CFI_N_DOMAINS);

  g_free (self->cfi_recorded_on[domain]);
  self->cfi_recorded_on[domain] = g_strdup (date);
}

gint64
iop_cultural_profile_get_cfi_recorded_by (IopCulturalProfile *self,
                                          IopCfiDomain        domain)
{
  g_return_val_if_fail (IOP_IS_CULTURAL_PROFILE (self), 0);
  g_return_val_if_fail (domain < IOP_CFI_N_DOMAINS, 0);

  return self->cfi_recorded_by[domain];
}

const char *
iop_cultural_profile_get_cfi_recorded_by_name (IopCulturalProfile *self,
                                               IopCfiDomain        domain)
{
  g_return_val_if_fail (IOP_IS_CULTURAL_PROFILE (self), "");
  g_return_val_if_fail (domain < IOP_CFI_N_DOMAINS, "");

  return self->cfi_recorded_by_name[domain] != NULL ? self->cfi_recorded_by_name[domain] : "";
}

/**
 * iop_cultural_profile_set_cfi_recorder:
 * @self: an #IopCulturalProfile
 * @domain: a domain
 * @staff_id: the counselor who recorded the answer
 * @name: (nullable): their name, for display
 *
 * Set by the store when it reads a profile; saving stamps the acting counselor.
 */
void
iop_cultural_profile_set_cfi_recorder (IopCulturalProfile *self,
                                       IopCfiDomain        domain,
                                       gint64              staff_id,
                                       const char         *name)
{
  g_return_if_fail (IOP_IS_CULTURAL_PROFILE (self));
  g_return_if_fail (domain < IOP_CFI_N_DOMAINS);

  self->cfi_recorded_by[domain] = staff_id;
  g_free (self->cfi_recorded_by_name[domain]);
  self->cfi_recorded_by_name[domain] = g_strdup (name);
}

/**
 * iop_cultural_profile_validate:
 * @self: an #IopCulturalProfile
 * @error: return location for a #GError
 *
 * Returns: %TRUE when the profile may be saved
 */
gboolean
iop_cultural_profile_validate (IopCulturalProfile  *self,
                               GError             **error)
{
  g_autofree char *today = iop_date_today ();
  const char *texts[] = {
    self->interpreter_details, self->communication, self->identity, self->family_roles,
    self->beliefs, self->spirituality, self->stigma_concerns, self->observances,
    self->dietary_needs, self->accessibility, self->respected_in_group,
  };
  gboolean has_start, has_end;

  g_return_val_if_fail (IOP_IS_CULTURAL_PROFILE (self), FALSE);

  if (self->participant_id <= 0)
    return iop_validation_error (error, _("Choose the participant this profile belongs to."));
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (too_long (texts[i]))
      return iop_validation_error (error, _("An answer is too long (8000 characters at most)."));
  if (self->interpreter_arranged && !self->interpreter_needed)
    return iop_validation_error (error, _("An interpreter can only be arranged when one is needed."));
  if (self->observance_weekdays < 0 || self->observance_weekdays > 127)
    return iop_validation_error (error, _("Choose the days of the week the observance falls on."));
  if (self->observance_weekdays != 0 && iop_text_is_blank (self->observances))
    return iop_validation_error (error, _("Describe the observance that falls on the chosen days."));

  has_start = !iop_text_is_blank (self->observance_start);
  has_end = !iop_text_is_blank (self->observance_end);
  if (has_start || has_end)
    {
      if (!has_start || !has_end)
        return iop_validation_error (error, _("Give both the time the observance starts and the time it ends, or neither."));
      if (!iop_time_is_valid (self->observance_start) || !iop_time_is_valid (self->observance_end))
        return iop_validation_error (error, _("An observance time is not a real time (use HH:MM, 24-hour)."));
      if (minutes_of (self->observance_end) <= minutes_of (self->observance_start))
        return iop_validation_error (error, _("The observance ends before it starts."));
      if (self->observance_weekdays == 0)
        return iop_validation_error (error, _("Choose the days of the week the observance falls on."));
    }

  if (!iop_text_is_blank (self->reviewed_on))
    {
      if (!iop_date_is_valid (self->reviewed_on))
        return iop_validation_error (error, _("The review date is not a real date (use YYYY-MM-DD)."));
      if (g_strcmp0 (self->reviewed_on, today) > 0)
        return iop_validation_error (error, _("The review date is in the future."));
    }

  for (guint d = 0; d < IOP_CFI_N_DOMAINS; d++)
    {
      if (too_long (self->cfi_answer[d]))
        return iop_validation_error (error, _("An answer is too long (8000 characters at most)."));
      if (iop_text_is_blank (self->cfi_recorded_on[d]))
        continue;
      if (!iop_date_is_valid (self->cfi_recorded_on[d]))
        return iop_validation_error (error, _("The date an interview answer was recorded is not a real date (use YYYY-MM-DD)."));
      if (g_strcmp0 (self->cfi_recorded_on[d], today) > 0)
        return iop_validation_error (error, _("The date an interview answer was recorded is in the future."));
    }

  return TRUE;
}

/**
 * iop_cultural_profile_has_accommodations:
 * @self: an #IopCulturalProfile
 *
 * Returns: %TRUE when the participant asked for an observance to be respected,
 *   a dietary need during sessions, or an accessibility accommodation
 */
gboolean
iop_cultural_profile_has_accommodations (IopCulturalProfile *self)
{
  g_return_val_if_fail (IOP_IS_CULTURAL_PROFILE (self), FALSE);

  return !iop_text_is_blank (self->observances) || !iop_text_is_blank (self->dietary_needs)
         || !iop_text_is_blank (self->accessibility);
}

/**
 * iop_cultural_profile_conflicts_with:
 * @self: an #IopCulturalProfile
 * @group_weekdays: the group's meeting days (bit 0 Monday)
 * @group_start_time: (nullable): the group's start, HH:MM
 * @duration_minutes: how long the group meets
 *
 * An observance conflicts with a group when it falls on a day the group meets
 * and, when the observance has a time, that time overlaps the meeting.
 *
 * Returns: %TRUE on a conflict
 */
gboolean
iop_cultural_profile_conflicts_with (IopCulturalProfile *self,
                                     int                 group_weekdays,
                                     const char         *group_start_time,
                                     int                 duration_minutes)
{
  int start, end, group_start, group_end;

  g_return_val_if_fail (IOP_IS_CULTURAL_PROFILE (self), FALSE);

  if ((self->observance_weekdays & group_weekdays) == 0)
    return FALSE;
  if (!iop_time_is_valid (self->observance_start) || !iop_time_is_valid (self->observance_end)
      || !iop_time_is_valid (group_start_time))
    return TRUE;

  start = minutes_of (self->observance_start);
  end = minutes_of (self->observance_end);
  group_start = minutes_of (group_start_time);
  group_end = group_start + MAX (duration_minutes, 0);
  return start < group_end && group_start < end;
}

/**
 * iop_cultural_profile_dup_observance_schedule:
 * @self: an #IopCulturalProfile
 *
 * Returns: (transfer full): for example “Fri · 12:30–14:00”, or "" without days
 */
char *
iop_cultural_profile_dup_observance_schedule (IopCulturalProfile *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (IOP_IS_CULTURAL_PROFILE (self), NULL);

  for (int d = 0; d < 7; d++)
    if (self->observance_weekdays & (1 << d))
      {
        if (text->len > 0)
          g_string_append (text, ", ");
        g_string_append (text, iop_weekday_short_label (d));
      }
  if (text->len > 0 && iop_time_is_valid (self->observance_start) && iop_time_is_valid (self->observance_end))
    g_string_append_printf (text, " · %s–%s", self->observance_start, self->observance_end);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * iop_cfi_domain_label:
 * @domain: a domain of the Cultural Formulation Interview
 *
 * Returns: (transfer none): the domain's title
 */
const char *
iop_cfi_domain_label (IopCfiDomain domain)
{
  switch (domain)
    {
    case IOP_CFI_DEFINITION:
      return _("Cultural definition of the problem");
    case IOP_CFI_PERCEPTIONS:
      return _("Cultural perceptions of cause, context and support");
    case IOP_CFI_SELF_COPING:
      return _("Cultural factors affecting self-coping and past help seeking");
    case IOP_CFI_HELP_SEEKING:
      return _("Cultural factors affecting current help seeking");
    case IOP_CFI_N_DOMAINS:
    default:
      return "";
    }
}

/**
 * iop_cfi_domain_prompt:
 * @domain: a domain of the Cultural Formulation Interview
 *
 * Returns: (transfer none): a reminder of what the domain is about, for the editor
 */
const char *
iop_cfi_domain_prompt (IopCfiDomain domain)
{
  switch (domain)
    {
    case IOP_CFI_DEFINITION:
      return _("How they describe what brings them here, in their words and their family's or community's words.");
    case IOP_CFI_PERCEPTIONS:
      return _("What they think causes it, what makes it better or worse, and who supports them.");
    case IOP_CFI_SELF_COPING:
      return _("What they have done on their own, and help they sought before: what helped and what did not.");
    case IOP_CFI_HELP_SEEKING:
      return _("What they prefer now, and what might get in the way (cost, trust, language, stigma, differences with staff).");
    case IOP_CFI_N_DOMAINS:
    default:
      return "";
    }
}
