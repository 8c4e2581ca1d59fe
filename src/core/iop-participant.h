/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define IOP_TYPE_PARTICIPANT (iop_participant_get_type ())
G_DECLARE_FINAL_TYPE (IopParticipant, iop_participant, IOP, PARTICIPANT, GObject)

IopParticipant *iop_participant_new (void);
IopParticipant *iop_participant_copy (IopParticipant *self);

gint64 iop_participant_get_id (IopParticipant *self);
void iop_participant_set_id (IopParticipant *self, gint64 value);
const char *iop_participant_get_record_number (IopParticipant *self);
void iop_participant_set_record_number (IopParticipant *self, const char *value);
const char *iop_participant_get_first_name (IopParticipant *self);
void iop_participant_set_first_name (IopParticipant *self, const char *value);
const char *iop_participant_get_last_name (IopParticipant *self);
void iop_participant_set_last_name (IopParticipant *self, const char *value);
const char *iop_participant_get_preferred_name (IopParticipant *self);
void iop_participant_set_preferred_name (IopParticipant *self, const char *value);
const char *iop_participant_get_pronouns (IopParticipant *self);
void iop_participant_set_pronouns (IopParticipant *self, const char *value);
const char *iop_participant_get_date_of_birth (IopParticipant *self);
void iop_participant_set_date_of_birth (IopParticipant *self, const char *value);
const char *iop_participant_get_primary_language (IopParticipant *self);
void iop_participant_set_primary_language (IopParticipant *self, const char *value);
const char *iop_participant_get_level_of_care (IopParticipant *self);
void iop_participant_set_level_of_care (IopParticipant *self, const char *value);
const char *iop_participant_get_admission_date (IopParticipant *self);
void iop_participant_set_admission_date (IopParticipant *self, const char *value);
const char *iop_participant_get_discharge_date (IopParticipant *self);
void iop_participant_set_discharge_date (IopParticipant *self, const char *value);
const char *iop_participant_get_discharge_reason (IopParticipant *self);
void iop_participant_set_discharge_reason (IopParticipant *self, const char *value);
const char *iop_participant_get_status (IopParticipant *self);
void iop_participant_set_status (IopParticipant *self, const char *value);
gint64 iop_participant_get_primary_counselor_id (IopParticipant *self);
void iop_participant_set_primary_counselor_id (IopParticipant *self, gint64 value);
const char *iop_participant_get_diagnoses (IopParticipant *self);
void iop_participant_set_diagnoses (IopParticipant *self, const char *value);
gboolean iop_participant_get_co_occurring (IopParticipant *self);
void iop_participant_set_co_occurring (IopParticipant *self, gboolean value);
const char *iop_participant_get_phone (IopParticipant *self);
void iop_participant_set_phone (IopParticipant *self, const char *value);
const char *iop_participant_get_email (IopParticipant *self);
void iop_participant_set_email (IopParticipant *self, const char *value);
const char *iop_participant_get_address (IopParticipant *self);
void iop_participant_set_address (IopParticipant *self, const char *value);
const char *iop_participant_get_emergency_name (IopParticipant *self);
void iop_participant_set_emergency_name (IopParticipant *self, const char *value);
const char *iop_participant_get_emergency_phone (IopParticipant *self);
void iop_participant_set_emergency_phone (IopParticipant *self, const char *value);
const char *iop_participant_get_emergency_relationship (IopParticipant *self);
void iop_participant_set_emergency_relationship (IopParticipant *self, const char *value);

char        *iop_participant_dup_display_name (IopParticipant *self);
char        *iop_participant_dup_short_name   (IopParticipant *self);
char        *iop_participant_dup_initials     (IopParticipant *self);
gboolean     iop_participant_validate         (IopParticipant *self,
                                               GError        **error);

const char * const *iop_level_of_care_values  (void);
const char  *iop_level_of_care_label          (const char     *level);
double       iop_level_of_care_default_hours  (const char     *level);
const char * const *iop_participant_status_values (void);
const char  *iop_participant_status_label     (const char     *status);

G_END_DECLS
