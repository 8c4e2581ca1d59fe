/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define IOP_TYPE_CONSENT (iop_consent_get_type ())
G_DECLARE_FINAL_TYPE (IopConsent, iop_consent, IOP, CONSENT, GObject)

IopConsent *iop_consent_new (void);

gint64 iop_consent_get_id (IopConsent *self);
void iop_consent_set_id (IopConsent *self, gint64 value);
gint64 iop_consent_get_participant_id (IopConsent *self);
void iop_consent_set_participant_id (IopConsent *self, gint64 value);
const char *iop_consent_get_recipient (IopConsent *self);
void iop_consent_set_recipient (IopConsent *self, const char *value);
const char *iop_consent_get_purpose (IopConsent *self);
void iop_consent_set_purpose (IopConsent *self, const char *value);
const char *iop_consent_get_scope (IopConsent *self);
void iop_consent_set_scope (IopConsent *self, const char *value);
const char *iop_consent_get_signed_on (IopConsent *self);
void iop_consent_set_signed_on (IopConsent *self, const char *value);
const char *iop_consent_get_expires_on (IopConsent *self);
void iop_consent_set_expires_on (IopConsent *self, const char *value);
const char *iop_consent_get_revoked_on (IopConsent *self);
void iop_consent_set_revoked_on (IopConsent *self, const char *value);
gint64 iop_consent_get_recorded_by (IopConsent *self);
void iop_consent_set_recorded_by (IopConsent *self, gint64 value);

gboolean iop_consent_is_valid_on (IopConsent *self, const char *date);

G_END_DECLS
