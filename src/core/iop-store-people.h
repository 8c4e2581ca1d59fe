/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Staff, participants, groups and enrollments: the foundation's records. */

#include "iop-enrollment.h"
#include "iop-group.h"
#include "iop-participant.h"
#include "iop-staff.h"
#include "iop-store.h"

G_BEGIN_DECLS

typedef enum {
  IOP_ENROLL_NONE               = 0,
  IOP_ENROLL_OVERRIDE_CAPACITY  = 1 << 0,  /* the user confirmed going past the maximum */
  IOP_ENROLL_OVERRIDE_CLOSED    = 1 << 1,  /* the user confirmed joining a closed group */
} IopEnrollFlags;

/* Staff */
gboolean        iop_store_add_staff                   (IopStore        *self,
                                                       IopStaff        *staff,
                                                       GError         **error);
IopStaff       *iop_store_get_staff                   (IopStore        *self,
                                                       gint64           id,
                                                       GError         **error);
IopStaff       *iop_store_find_staff                  (IopStore        *self,
                                                       const char      *username);
GListModel     *iop_store_list_staff                  (IopStore        *self,
                                                       GError         **error);

/* Participants */
gboolean        iop_store_add_participant             (IopStore        *self,
                                                       IopParticipant  *participant,
                                                       GError         **error);
gboolean        iop_store_update_participant          (IopStore        *self,
                                                       IopParticipant  *participant,
                                                       GError         **error);
gboolean        iop_store_discharge_participant       (IopStore        *self,
                                                       gint64           participant_id,
                                                       const char      *date,
                                                       const char      *reason,
                                                       GError         **error);
IopParticipant *iop_store_get_participant             (IopStore        *self,
                                                       gint64           id,
                                                       GError         **error);
IopParticipant *iop_store_find_participant            (IopStore        *self,
                                                       const char      *record_number,
                                                       GError         **error);
GPtrArray      *iop_store_list_participants           (IopStore        *self,
                                                       GError         **error);
GArray         *iop_store_search_participants         (IopStore        *self,
                                                       const char      *text,
                                                       gboolean         active_only,
                                                       GError         **error);
guint           iop_store_count_participants          (IopStore        *self);

/* For list models that sort once and filter many times. */
typedef struct {
  gint64    id;
  gboolean  discharged;
} IopParticipantKey;

GArray         *iop_store_list_participant_keys       (IopStore        *self,
                                                       GError         **error);
GArray         *iop_store_match_participants          (IopStore        *self,
                                                       const char      *text,
                                                       GError         **error);

/* Groups */
gboolean        iop_store_add_group                   (IopStore        *self,
                                                       IopGroup        *group,
                                                       GError         **error);
gboolean        iop_store_update_group                (IopStore        *self,
                                                       IopGroup        *group,
                                                       GError         **error);
gboolean        iop_store_set_group_archived          (IopStore        *self,
                                                       gint64           group_id,
                                                       gboolean         archived,
                                                       GError         **error);
IopGroup       *iop_store_get_group                   (IopStore        *self,
                                                       gint64           id,
                                                       GError         **error);
GListModel     *iop_store_list_groups                 (IopStore        *self,
                                                       gboolean         include_archived,
                                                       GError         **error);

/* Enrollments and rosters */
gboolean        iop_store_enroll                      (IopStore        *self,
                                                       gint64           participant_id,
                                                       gint64           group_id,
                                                       const char      *joined,
                                                       IopEnrollFlags   flags,
                                                       gint64          *out_enrollment_id,
                                                       GError         **error);
gboolean        iop_store_end_enrollment              (IopStore        *self,
                                                       gint64           enrollment_id,
                                                       const char      *left_on,
                                                       const char      *reason,
                                                       GError         **error);
gboolean        iop_store_reopen_enrollment           (IopStore        *self,
                                                       gint64           enrollment_id,
                                                       GError         **error);
IopEnrollment  *iop_store_get_enrollment              (IopStore        *self,
                                                       gint64           id,
                                                       GError         **error);
GPtrArray      *iop_store_list_roster                 (IopStore        *self,
                                                       gint64           group_id,
                                                       const char      *date,
                                                       GError         **error);
GPtrArray      *iop_store_list_group_enrollments      (IopStore        *self,
                                                       gint64           group_id,
                                                       GError         **error);
GPtrArray      *iop_store_list_participant_enrollments (IopStore       *self,
                                                       gint64           participant_id,
                                                       GError         **error);
guint           iop_store_count_members               (IopStore        *self,
                                                       gint64           group_id,
                                                       const char      *date);

G_END_DECLS
