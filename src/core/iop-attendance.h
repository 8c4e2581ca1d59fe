/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define IOP_TYPE_ATTENDANCE (iop_attendance_get_type ())
G_DECLARE_FINAL_TYPE (IopAttendance, iop_attendance, IOP, ATTENDANCE, GObject)

IopAttendance *iop_attendance_new (void);
IopAttendance *iop_attendance_copy (IopAttendance *self);

gint64 iop_attendance_get_session_id (IopAttendance *self);
void iop_attendance_set_session_id (IopAttendance *self, gint64 value);
gint64 iop_attendance_get_participant_id (IopAttendance *self);
void iop_attendance_set_participant_id (IopAttendance *self, gint64 value);
const char *iop_attendance_get_record_number (IopAttendance *self);
void iop_attendance_set_record_number (IopAttendance *self, const char *value);
const char *iop_attendance_get_first_name (IopAttendance *self);
void iop_attendance_set_first_name (IopAttendance *self, const char *value);
const char *iop_attendance_get_last_name (IopAttendance *self);
void iop_attendance_set_last_name (IopAttendance *self, const char *value);
const char *iop_attendance_get_preferred_name (IopAttendance *self);
void iop_attendance_set_preferred_name (IopAttendance *self, const char *value);
const char *iop_attendance_get_level_of_care (IopAttendance *self);
void iop_attendance_set_level_of_care (IopAttendance *self, const char *value);
const char *iop_attendance_get_status (IopAttendance *self);
void iop_attendance_set_status (IopAttendance *self, const char *value);
int iop_attendance_get_minutes (IopAttendance *self);
void iop_attendance_set_minutes (IopAttendance *self, int value);
int iop_attendance_get_participation (IopAttendance *self);
void iop_attendance_set_participation (IopAttendance *self, int value);
gboolean iop_attendance_get_on_roster (IopAttendance *self);
void iop_attendance_set_on_roster (IopAttendance *self, gboolean value);
gboolean iop_attendance_get_has_note (IopAttendance *self);
void iop_attendance_set_has_note (IopAttendance *self, gboolean value);
const char *iop_attendance_get_note_presentation (IopAttendance *self);
void iop_attendance_set_note_presentation (IopAttendance *self, const char *value);
const char *iop_attendance_get_note_participation (IopAttendance *self);
void iop_attendance_set_note_participation (IopAttendance *self, const char *value);
const char *iop_attendance_get_note_response (IopAttendance *self);
void iop_attendance_set_note_response (IopAttendance *self, const char *value);
const char *iop_attendance_get_note_progress (IopAttendance *self);
void iop_attendance_set_note_progress (IopAttendance *self, const char *value);
const char *iop_attendance_get_note_plan (IopAttendance *self);
void iop_attendance_set_note_plan (IopAttendance *self, const char *value);

#define IOP_PARTICIPATION_MAX 4

const char * const *iop_attendance_status_values (void);
const char  *iop_attendance_status_label      (const char     *status);
gboolean     iop_attendance_status_is_attending (const char   *status);
gboolean     iop_attendance_is_attending      (IopAttendance  *self);
gboolean     iop_attendance_is_marked         (IopAttendance  *self);
const char  *iop_participation_label          (int             level);
char        *iop_attendance_dup_short_name    (IopAttendance  *self);
char        *iop_attendance_dup_full_name     (IopAttendance  *self);
gboolean     iop_attendance_note_is_blank     (IopAttendance  *self);
char        *iop_attendance_dup_note_text     (IopAttendance  *self);

G_END_DECLS
