/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-participant"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "iop-participant.h"
#include "iop-date.h"
#include "iop-entity-private.h"
#include "iop-validation.h"

/**
 * IopParticipant:
 *
 * A person in the program: identity, level of care, dates and contacts.
 */
struct _IopParticipant
{
  GObject parent_instance;

  gint64 id;
  char *record_number;
  char *first_name;
  char *last_name;
  char *preferred_name;
  char *pronouns;
  char *date_of_birth;
  char *primary_language;
  char *level_of_care;
  char *admission_date;
  char *discharge_date;
  char *discharge_reason;
  char *status;
  gint64 primary_counselor_id;
  char *diagnoses;
  gboolean co_occurring;
  char *phone;
  char *email;
  char *address;
  char *emergency_name;
  char *emergency_phone;
  char *emergency_relationship;
};

G_DEFINE_FINAL_TYPE (IopParticipant, iop_participant, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_RECORD_NUMBER,
  PROP_FIRST_NAME,
  PROP_LAST_NAME,
  PROP_PREFERRED_NAME,
  PROP_PRONOUNS,
  PROP_DATE_OF_BIRTH,
  PROP_PRIMARY_LANGUAGE,
  PROP_LEVEL_OF_CARE,
  PROP_ADMISSION_DATE,
  PROP_DISCHARGE_DATE,
  PROP_DISCHARGE_REASON,
  PROP_STATUS,
  PROP_PRIMARY_COUNSELOR_ID,
  PROP_DIAGNOSES,
  PROP_CO_OCCURRING,
  PROP_PHONE,
  PROP_EMAIL,
  PROP_ADDRESS,
  PROP_EMERGENCY_NAME,
  PROP_EMERGENCY_PHONE,
  PROP_EMERGENCY_RELATIONSHIP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const IopField fields[] = {
  IOP_FIELD (IopParticipant, id, IOP_FIELD_INT64),
  IOP_FIELD (IopParticipant, record_number, IOP_FIELD_STRING),
  IOP_FIELD (IopParticipant, first_name, IOP_FIELD_STRING),
  IOP_FIELD (IopParticipant, last_name, IOP_FIELD_STRING),
  IOP_FIELD (IopParticipant, preferred_name, IOP_FIELD_STRING),
  IOP_FIELD (IopParticipant, pronouns, IOP_FIELD_STRING),
  IOP_FIELD (IopParticipant, date_of_birth, IOP_FIELD_STRING),
  IOP_FIELD (IopParticipant, primary_language, IOP_FIELD_STRING),
  IOP_FIELD (IopParticipant, level_of_care, IOP_FIELD_STRING),
  IOP_FIELD (IopParticipant, admission_date, IOP_FIELD_STRING),
  IOP_FIELD (IopParticipant, discharge_date, IOP_FIELD_STRING),
  IOP_FIELD (IopParticipant, discharge_reason, IOP_FIELD_STRING),
  IOP_FIELD (IopParticipant, status, IOP_FIELD_STRING),
  IOP_FIELD (IopParticipant, primary_counselor_id, IOP_FIELD_INT64),
  IOP_FIELD (IopParticipant, diagnoses, IOP_FIELD_STRING),
  IOP_FIELD (IopParticipant, co_occurring, IOP_FIELD_BOOLEAN),
  IOP_FIELD (IopParticipant, phone, IOP_FIELD_STRING),
  IOP_FIELD (IopParticipant, email, IOP_FIELD_STRING),
  IOP_FIELD (IopParticipant, address, IOP_FIELD_STRING),
  IOP_FIELD (IopParticipant, emergency_name, IOP_FIELD_STRING),
  IOP_FIELD (IopParticipant, emergency_phone, IOP_FIELD_STRING),
  IOP_FIELD (IopParticipant, emergency_relationship, IOP_FIELD_STRING),
};

IOP_ENTITY_VALUE_ACCESSORS (IopParticipant, iop_participant, gint64, id, PROP_ID)
IOP_ENTITY_STRING_ACCESSORS (IopParticipant, iop_participant, record_number, PROP_RECORD_NUMBER)
IOP_ENTITY_STRING_ACCESSORS (IopParticipant, iop_participant, first_name, PROP_FIRST_NAME)
IOP_ENTITY_STRING_ACCESSORS (IopParticipant, iop_participant, last_name, PROP_LAST_NAME)
IOP_ENTITY_STRING_ACCESSORS (IopParticipant, iop_participant, preferred_name, PROP_PREFERRED_NAME)
IOP_ENTITY_STRING_ACCESSORS (IopParticipant, iop_participant, pronouns, PROP_PRONOUNS)
IOP_ENTITY_STRING_ACCESSORS (IopParticipant, iop_participant, date_of_birth, PROP_DATE_OF_BIRTH)
IOP_ENTITY_STRING_ACCESSORS (IopParticipant, iop_participant, primary_language, PROP_PRIMARY_LANGUAGE)
IOP_ENTITY_STRING_ACCESSORS (IopParticipant, iop_participant, level_of_care, PROP_LEVEL_OF_CARE)
IOP_ENTITY_STRING_ACCESSORS (IopParticipant, iop_participant, admission_date, PROP_ADMISSION_DATE)
IOP_ENTITY_STRING_ACCESSORS (IopParticipant, iop_participant, discharge_date, PROP_DISCHARGE_DATE)
IOP_ENTITY_STRING_ACCESSORS (IopParticipant, iop_participant, discharge_reason, PROP_DISCHARGE_REASON)
IOP_ENTITY_STRING_ACCESSORS (IopParticipant, iop_participant, status, PROP_STATUS)
IOP_ENTITY_VALUE_ACCESSORS (IopParticipant, iop_participant, gint64, primary_counselor_id, PROP_PRIMARY_COUNSELOR_ID)
IOP_ENTITY_STRING_ACCESSORS (IopParticipant, iop_participant, diagnoses, PROP_DIAGNOSES)
IOP_ENTITY_VALUE_ACCESSORS (IopParticipant, iop_participant, gboolean, co_occurring, PROP_CO_OCCURRING)
IOP_ENTITY_STRING_ACCESSORS (IopParticipant, iop_participant, phone, PROP_PHONE)
IOP_ENTITY_STRING_ACCESSORS (IopParticipant, iop_participant, email, PROP_EMAIL)
IOP_ENTITY_STRING_ACCESSORS (IopParticipant, iop_participant, address, PROP_ADDRESS)
IOP_ENTITY_STRING_ACCESSORS (IopParticipant, iop_participant, emergency_name, PROP_EMERGENCY_NAME)
IOP_ENTITY_STRING_ACCESSORS (IopParticipant, iop_participant, emergency_phone, PROP_EMERGENCY_PHONE)
IOP_ENTITY_STRING_ACCESSORS (IopParticipant, iop_participant, emergency_relationship, PROP_EMERGENCY_RELATIONSHIP)

static void
iop_participant_finalize (GObject *object)
{
  iop_entity_free_strings (object, fields, G_N_ELEMENTS (fields));

  G_OBJECT_CLASS (iop_participant_parent_class)->finalize (object);
}

static void
iop_participant_get_property (GObject    *object,
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
iop_participant_set_property (GObject      *object,
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
iop_participant_class_init (IopParticipantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = iop_participant_finalize;
  object_class->get_property = iop_participant_get_property;
  object_class->set_property = iop_participant_set_property;

  G_STATIC_ASSERT (G_N_ELEMENTS (fields) == N_PROPS - 1);
  iop_entity_install_properties (object_class, fields, G_N_ELEMENTS (fields), properties);
}

static void
iop_participant_init (IopParticipant *self)
{
  self->level_of_care = g_strdup ("adult-iop");
  self->status = g_strdup ("active");
}

IopParticipant *
iop_participant_new (void)
{
  return g_object_new (IOP_TYPE_PARTICIPANT, NULL);
}

/**
 * iop_participant_copy:
 * @self: a #IopParticipant
 *
 * Returns: (transfer full): an independent copy, for editing without touching @self
 */
IopParticipant *
iop_participant_copy (IopParticipant *self)
{
  IopParticipant *copy = iop_participant_new ();

  copy->id = self->id;
  g_free (copy->record_number);
  copy->record_number = g_strdup (self->record_number);
  g_free (copy->first_name);
  copy->first_name = g_strdup (self->first_name);
  g_free (copy->last_name);
  copy->last_name = g_strdup (self->last_name);
  g_free (copy->preferred_name);
  copy->preferred_name = g_strdup (self->preferred_name);
  g_free (copy->pronouns);
  copy->pronouns = g_strdup (self->pronouns);
  g_free (copy->date_of_birth);
  copy->date_of_birth = g_strdup (self->date_of_birth);
  g_free (copy->primary_language);
  copy->primary_language = g_strdup (self->primary_language);
  g_free (copy->level_of_care);
  copy->level_of_care = g_strdup (self->level_of_care);
  g_free (copy->admission_date);
  copy->admission_date = g_strdup (self->admission_date);
  g_free (copy->discharge_date);
  copy->discharge_date = g_strdup (self->discharge_date);
  g_free (copy->discharge_reason);
  copy->discharge_reason = g_strdup (self->discharge_reason);
  g_free (copy->status);
  copy->status = g_strdup (self->status);
  copy->primary_counselor_id = self->primary_counselor_id;
  g_free (copy->diagnoses);
  copy->diagnoses = g_strdup (self->diagnoses);
  copy->co_occurring = self->co_occurring;
  g_free (copy->phone);
  copy->phone = g_strdup (self->phone);
  g_free (copy->email);
  copy->email = g_strdup (self->email);
  g_free (copy->address);
  copy->address = g_strdup (self->address);
  g_free (copy->emergency_name);
  copy->emergency_name = g_strdup (self->emergency_name);
  g_free (copy->emergency_phone);
  copy->emergency_phone = g_strdup (self->emergency_phone);
  g_free (copy->emergency_relationship);
  copy->emergency_relationship = g_strdup (self->emergency_relationship);
  return copy;
}

/**
 * iop_participant_dup_display_name:
 * @self: an #IopParticipant
 *
 * Returns: (transfer full): the name the participant goes by, with their last name
 */
char *
iop_participant_dup_display_name (IopParticipant *self)
{
  const char *first = self->preferred_name != NULL && *self->preferred_name ? self->preferred_name
                                                                            : self->first_name;

  return g_strdup_printf ("%s %s", first != NULL ? first : "", self->last_name != NULL ? self->last_name : "");
}

/**
 * iop_participant_dup_short_name:
 * @self: an #IopParticipant
 *
 * What sign-in sheets and printouts show by default: the name the participant
 * goes by and the initial of their last name.
 *
 * Returns: (transfer full): for example “Mari L.”
 */
char *
iop_participant_dup_short_name (IopParticipant *self)
{
  const char *first = self->preferred_name != NULL && *self->preferred_name ? self->preferred_name
                                                                            : self->first_name;
  g_autofree char *initial = NULL;

  if (self->last_name != NULL && *self->last_name)
    initial = g_utf8_substring (self->last_name, 0, 1);
  return g_strdup_printf ("%s %s.", first != NULL ? first : "", initial != NULL ? initial : "");
}

/**
 * iop_participant_dup_initials:
 * @self: an #IopParticipant
 *
 * Returns: (transfer full): legal first and last initials, as reports show members
 */
char *
iop_participant_dup_initials (IopParticipant *self)
{
  g_autofree char *a = g_utf8_substring (self->first_name != NULL ? self->first_name : "", 0, 1);
  g_autofree char *b = g_utf8_substring (self->last_name != NULL ? self->last_name : "", 0, 1);

  return g_strdup_printf ("%s.%s.", a, b);
}

/**
 * iop_participant_validate:
 * @self: an #IopParticipant
 * @error: return location for a #GError
 *
 * Checks the rules a participant's record must meet before it is saved.
 *
 * Returns: %TRUE when the record may be saved
 */
gboolean
iop_participant_validate (IopParticipant  *self,
                          GError         **error)
{
  g_autofree char *today = iop_date_today ();

  g_return_val_if_fail (IOP_IS_PARTICIPANT (self), FALSE);

  if (iop_text_is_blank (self->record_number))
    return iop_validation_error (error, _("Enter a record number."));
  if (g_utf8_strlen (self->record_number, -1) > 64)
    return iop_validation_error (error, _("The record number is too long (64 characters at most)."));
  if (iop_text_is_blank (self->first_name))
    return iop_validation_error (error, _("Enter the participant's legal first name."));
  if (iop_text_is_blank (self->last_name))
    return iop_validation_error (error, _("Enter the participant's legal last name."));
  if (g_utf8_strlen (self->first_name, -1) > 200 || g_utf8_strlen (self->last_name, -1) > 200
      || g_utf8_strlen (self->preferred_name != NULL ? self->preferred_name : "", -1) > 200)
    return iop_validation_error (error, _("A name is too long (200 characters at most)."));
  if (!g_strv_contains (iop_level_of_care_values (), self->level_of_care != NULL ? self->level_of_care : ""))
    return iop_validation_error (error, _("Choose a level of care."));
  if (!g_strv_contains (iop_participant_status_values (), self->status != NULL ? self->status : ""))
    return iop_validation_error (error, _("Choose a status."));
  if (!iop_text_is_blank (self->date_of_birth))
    {
      if (!iop_date_is_valid (self->date_of_birth))
        return iop_validation_error (error, _("The date of birth is not a real date (use YYYY-MM-DD)."));
      if (g_strcmp0 (self->date_of_birth, today) > 0)
        return iop_validation_error (error, _("The date of birth is in the future."));
    }
  if (!iop_date_is_valid (self->admission_date))
    return iop_validation_error (error, _("The admission date is not a real date (use YYYY-MM-DD)."));
  if (!iop_text_is_blank (self->date_of_birth) && g_strcmp0 (self->admission_date, self->date_of_birth) < 0)
    return iop_validation_error (error, _("The admission date is before the date of birth."));
  if (!iop_text_is_blank (self->discharge_date))
    {
      if (!iop_date_is_valid (self->discharge_date))
        return iop_validation_error (error, _("The discharge date is not a real date (use YYYY-MM-DD)."));
      if (g_strcmp0 (self->discharge_date, self->admission_date) < 0)
        return iop_validation_error (error, _("The discharge date is before the admission date."));
    }
  if (g_strcmp0 (self->status, "discharged") == 0 && iop_text_is_blank (self->discharge_date))
    return iop_validation_error (error, _("A discharged participant needs a discharge date."));
  if (g_strcmp0 (self->status, "discharged") != 0 && !iop_text_is_blank (self->discharge_date))
    return iop_validation_error (error, _("Only a discharged participant has a discharge date."));

  return TRUE;
}

/**
 * iop_level_of_care_values:
 *
 * Returns: (transfer none): the levels of care, as stored
 */
const char * const *
iop_level_of_care_values (void)
{
  static const char * const values[] = { "adult-iop", "adolescent-iop", "php", NULL };

  return values;
}

const char *
iop_level_of_care_label (const char *level)
{
  if (g_strcmp0 (level, "adult-iop") == 0)
    return _("Adult IOP");
  if (g_strcmp0 (level, "adolescent-iop") == 0)
    return _("Adolescent IOP");
  if (g_strcmp0 (level, "php") == 0)
    return _("Partial hospitalization (PHP)");
  return level != NULL ? level : "";
}

/**
 * iop_level_of_care_default_hours:
 * @level: a level of care
 *
 * Returns: the weekly minimum of treatment hours (adult IOP 9, adolescent IOP 6, PHP 20)
 */
double
iop_level_of_care_default_hours (const char *level)
{
  if (g_strcmp0 (level, "adolescent-iop") == 0)
    return 6.0;
  if (g_strcmp0 (level, "php") == 0)
    return 20.0;
  return 9.0;
}

const char * const *
iop_participant_status_values (void)
{
  static const char * const values[] = { "active", "on-hold", "discharged", NULL };

  return values;
}

const char *
iop_participant_status_label (const char *status)
{
  if (g_strcmp0 (status, "active") == 0)
    return _("Active");
  if (g_strcmp0 (status, "on-hold") == 0)
    return _("On hold");
  if (g_strcmp0 (status, "discharged") == 0)
    return _("Discharged");
  return status != NULL ? status : "";
}
