/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define IOP_TYPE_SESSION (iop_session_get_type ())
G_DECLARE_FINAL_TYPE (IopSession, iop_session, IOP, SESSION, GObject)

IopSession *iop_session_new (void);
IopSession *iop_session_copy (IopSession *self);

gint64 iop_session_get_id (IopSession *self);
void iop_session_set_id (IopSession *self, gint64 value);
gint64 iop_session_get_group_id (IopSession *self);
void iop_session_set_group_id (IopSession *self, gint64 value);
const char *iop_session_get_date (IopSession *self);
void iop_session_set_date (IopSession *self, const char *value);
const char *iop_session_get_start_time (IopSession *self);
void iop_session_set_start_time (IopSession *self, const char *value);
int iop_session_get_duration_minutes (IopSession *self);
void iop_session_set_duration_minutes (IopSession *self, int value);
const char *iop_session_get_topic (IopSession *self);
void iop_session_set_topic (IopSession *self, const char *value);
gint64 iop_session_get_facilitator_id (IopSession *self);
void iop_session_set_facilitator_id (IopSession *self, gint64 value);
gint64 iop_session_get_co_facilitator_id (IopSession *self);
void iop_session_set_co_facilitator_id (IopSession *self, gint64 value);
const char *iop_session_get_location (IopSession *self);
void iop_session_set_location (IopSession *self, const char *value);
const char *iop_session_get_state (IopSession *self);
void iop_session_set_state (IopSession *self, const char *value);
const char *iop_session_get_cancel_reason (IopSession *self);
void iop_session_set_cancel_reason (IopSession *self, const char *value);
gboolean iop_session_get_one_off (IopSession *self);
void iop_session_set_one_off (IopSession *self, gboolean value);
const char *iop_session_get_interventions (IopSession *self);
void iop_session_set_interventions (IopSession *self, const char *value);
const char *iop_session_get_group_process (IopSession *self);
void iop_session_set_group_process (IopSession *self, const char *value);
int iop_session_get_climate_cohesion (IopSession *self);
void iop_session_set_climate_cohesion (IopSession *self, int value);
int iop_session_get_climate_engagement (IopSession *self);
void iop_session_set_climate_engagement (IopSession *self, int value);
int iop_session_get_climate_avoidance (IopSession *self);
void iop_session_set_climate_avoidance (IopSession *self, int value);
int iop_session_get_climate_conflict (IopSession *self);
void iop_session_set_climate_conflict (IopSession *self, int value);
gint64 iop_session_get_signed_by (IopSession *self);
void iop_session_set_signed_by (IopSession *self, gint64 value);
const char *iop_session_get_signed_at (IopSession *self);
void iop_session_set_signed_at (IopSession *self, const char *value);
gint64 iop_session_get_cosigned_by (IopSession *self);
void iop_session_set_cosigned_by (IopSession *self, gint64 value);
const char *iop_session_get_cosigned_at (IopSession *self);
void iop_session_set_cosigned_at (IopSession *self, const char *value);
const char *iop_session_get_group_name (IopSession *self);
void iop_session_set_group_name (IopSession *self, const char *value);
const char *iop_session_get_facilitator_name (IopSession *self);
void iop_session_set_facilitator_name (IopSession *self, const char *value);
const char *iop_session_get_co_facilitator_name (IopSession *self);
void iop_session_set_co_facilitator_name (IopSession *self, const char *value);
const char *iop_session_get_signed_by_name (IopSession *self);
void iop_session_set_signed_by_name (IopSession *self, const char *value);
const char *iop_session_get_cosigned_by_name (IopSession *self);
void iop_session_set_cosigned_by_name (IopSession *self, const char *value);
int iop_session_get_roster_count (IopSession *self);
void iop_session_set_roster_count (IopSession *self, int value);
int iop_session_get_attended_count (IopSession *self);
void iop_session_set_attended_count (IopSession *self, int value);

typedef enum {
  IOP_CLIMATE_COHESION,
  IOP_CLIMATE_ENGAGEMENT,
  IOP_CLIMATE_AVOIDANCE,
  IOP_CLIMATE_CONFLICT,
  IOP_N_CLIMATE
} IopClimate;

#define IOP_CLIMATE_MAX 6

const char * const *iop_session_state_values  (void);
const char  *iop_session_state_label          (const char  *state);
gboolean     iop_session_is_locked            (IopSession  *self);
gboolean     iop_session_is_documentable      (IopSession  *self);
char        *iop_session_dup_time_label       (IopSession  *self);
int          iop_session_get_climate          (IopSession  *self,
                                               IopClimate   which);
void         iop_session_set_climate          (IopSession  *self,
                                               IopClimate   which,
                                               int          value);
const char  *iop_climate_label                (IopClimate   which);
const char  *iop_climate_description          (IopClimate   which);
const char  *iop_climate_key                  (IopClimate   which);
const char  *iop_climate_value_label          (int          value);

G_END_DECLS
