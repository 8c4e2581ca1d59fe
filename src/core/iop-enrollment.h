/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define IOP_TYPE_ENROLLMENT (iop_enrollment_get_type ())
G_DECLARE_FINAL_TYPE (IopEnrollment, iop_enrollment, IOP, ENROLLMENT, GObject)

IopEnrollment *iop_enrollment_new (void);
IopEnrollment *iop_enrollment_copy (IopEnrollment *self);

gint64 iop_enrollment_get_id (IopEnrollment *self);
void iop_enrollment_set_id (IopEnrollment *self, gint64 value);
gint64 iop_enrollment_get_participant_id (IopEnrollment *self);
void iop_enrollment_set_participant_id (IopEnrollment *self, gint64 value);
gint64 iop_enrollment_get_group_id (IopEnrollment *self);
void iop_enrollment_set_group_id (IopEnrollment *self, gint64 value);
const char *iop_enrollment_get_joined (IopEnrollment *self);
void iop_enrollment_set_joined (IopEnrollment *self, const char *value);
const char *iop_enrollment_get_left_on (IopEnrollment *self);
void iop_enrollment_set_left_on (IopEnrollment *self, const char *value);
const char *iop_enrollment_get_reason (IopEnrollment *self);
void iop_enrollment_set_reason (IopEnrollment *self, const char *value);
gboolean iop_enrollment_get_capacity_override (IopEnrollment *self);
void iop_enrollment_set_capacity_override (IopEnrollment *self, gboolean value);
gboolean iop_enrollment_get_closed_override (IopEnrollment *self);
void iop_enrollment_set_closed_override (IopEnrollment *self, gboolean value);
const char *iop_enrollment_get_participant_name (IopEnrollment *self);
void iop_enrollment_set_participant_name (IopEnrollment *self, const char *value);
const char *iop_enrollment_get_record_number (IopEnrollment *self);
void iop_enrollment_set_record_number (IopEnrollment *self, const char *value);
const char *iop_enrollment_get_group_name (IopEnrollment *self);
void iop_enrollment_set_group_name (IopEnrollment *self, const char *value);

gboolean     iop_enrollment_is_current_on     (IopEnrollment *self,
                                               const char    *date);

G_END_DECLS
