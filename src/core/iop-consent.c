/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-consent"

#include "config.h"

#include "iop-consent.h"
#include "iop-entity-private.h"

/**
 * IopConsent:
 *
 * A participant's written consent to disclose part of their record to someone outside the program (42 CFR Part 2).
 */
struct _IopConsent
{
  GObject parent_instance;

  gint64 id;
  gint64 participant_id;
  char *recipient;
  char *purpose;
  char *scope;
  char *signed_on;
  char *expires_on;
  char *revoked_on;
  gint64 recorded_by;
};

G_DEFINE_FINAL_TYPE (IopConsent, iop_consent, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PARTICIPANT_ID,
  PROP_RECIPIENT,
  PROP_PURPOSE,
  PROP_SCOPE,
  PROP_SIGNED_ON,
  PROP_EXPIRES_ON,
  PROP_REVOKED_ON,
  PROP_RECORDED_BY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const IopField fields[] = {
  IOP_FIELD (IopConsent, id, IOP_FIELD_INT64),
  IOP_FIELD (IopConsent, participant_id, IOP_FIELD_INT64),
  IOP_FIELD (IopConsent, recipient, IOP_FIELD_STRING),
  IOP_FIELD (IopConsent, purpose, IOP_FIELD_STRING),
  IOP_FIELD (IopConsent, scope, IOP_FIELD_STRING),
  IOP_FIELD (IopConsent, signed_on, IOP_FIELD_STRING),
  IOP_FIELD (IopConsent, expires_on, IOP_FIELD_STRING),
  IOP_FIELD (IopConsent, revoked_on, IOP_FIELD_STRING),
  IOP_FIELD (IopConsent, recorded_by, IOP_FIELD_INT64),
};

IOP_ENTITY_VALUE_ACCESSORS (IopConsent, iop_consent, gint64, id, PROP_ID)
IOP_ENTITY_VALUE_ACCESSORS (IopConsent, iop_consent, gint64, participant_id, PROP_PARTICIPANT_ID)
IOP_ENTITY_STRING_ACCESSORS (IopConsent, iop_consent, recipient, PROP_RECIPIENT)
IOP_ENTITY_STRING_ACCESSORS (IopConsent, iop_consent, purpose, PROP_PURPOSE)
IOP_ENTITY_STRING_ACCESSORS (IopConsent, iop_consent, scope, PROP_SCOPE)
IOP_ENTITY_STRING_ACCESSORS (IopConsent, iop_consent, signed_on, PROP_SIGNED_ON)
IOP_ENTITY_STRING_ACCESSORS (IopConsent, iop_consent, expires_on, PROP_EXPIRES_ON)
IOP_ENTITY_STRING_ACCESSORS (IopConsent, iop_consent, revoked_on, PROP_REVOKED_ON)
IOP_ENTITY_VALUE_ACCESSORS (IopConsent, iop_consent, gint64, recorded_by, PROP_RECORDED_BY)

static void
iop_consent_finalize (GObject *object)
{
  iop_entity_free_strings (object, fields, G_N_ELEMENTS (fields));

  G_OBJECT_CLASS (iop_consent_parent_class)->finalize (object);
}

static void
iop_consent_get_property (GObject    *object,
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
iop_consent_set_property (GObject      *object,
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
iop_consent_class_init (IopConsentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = iop_consent_finalize;
  object_class->get_property = iop_consent_get_property;
  object_class->set_property = iop_consent_set_property;

  G_STATIC_ASSERT (G_N_ELEMENTS (fields) == N_PROPS - 1);
  iop_entity_install_properties (object_class, fields, G_N_ELEMENTS (fields), properties);
}

static void
iop_consent_init (IopConsent *self)
{
}

IopConsent *
iop_consent_new (void)
{
  return g_object_new (IOP_TYPE_CONSENT, NULL);
}

/**
 * iop_consent_is_valid_on:
 * @self: a #IopConsent
 * @date: an ISO date
 *
 * Returns: %TRUE when the consent was signed by @date, has not expired by then
 *   (the expiry day itself still counts) and was not revoked on or before it
 */
gboolean
iop_consent_is_valid_on (IopConsent *self,
                         const char *date)
{
  g_return_val_if_fail (IOP_IS_CONSENT (self), FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  if (self->signed_on == NULL || g_strcmp0 (self->signed_on, date) > 0)
    return FALSE;
  if (self->expires_on != NULL && *self->expires_on != '\0' && g_strcmp0 (self->expires_on, date) < 0)
    return FALSE;
  if (self->revoked_on != NULL && *self->revoked_on != '\0' && g_strcmp0 (self->revoked_on, date) <= 0)
    return FALSE;
  return TRUE;
}
