/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define IOP_TYPE_DISCLOSURE (iop_disclosure_get_type ())
G_DECLARE_FINAL_TYPE (IopDisclosure, iop_disclosure, IOP, DISCLOSURE, GObject)

IopDisclosure *iop_disclosure_new (void);

gint64 iop_disclosure_get_id (IopDisclosure *self);
void iop_disclosure_set_id (IopDisclosure *self, gint64 value);
gint64 iop_disclosure_get_participant_id (IopDisclosure *self);
void iop_disclosure_set_participant_id (IopDisclosure *self, gint64 value);
gint64 iop_disclosure_get_consent_id (IopDisclosure *self);
void iop_disclosure_set_consent_id (IopDisclosure *self, gint64 value);
const char *iop_disclosure_get_recipient (IopDisclosure *self);
void iop_disclosure_set_recipient (IopDisclosure *self, const char *value);
const char *iop_disclosure_get_what (IopDisclosure *self);
void iop_disclosure_set_what (IopDisclosure *self, const char *value);
const char *iop_disclosure_get_at (IopDisclosure *self);
void iop_disclosure_set_at (IopDisclosure *self, const char *value);
gint64 iop_disclosure_get_staff_id (IopDisclosure *self);
void iop_disclosure_set_staff_id (IopDisclosure *self, gint64 value);
const char *iop_disclosure_get_staff_name (IopDisclosure *self);
void iop_disclosure_set_staff_name (IopDisclosure *self, const char *value);

G_END_DECLS
