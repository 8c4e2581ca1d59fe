/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * The rows behind the group dynamics and program reports. Each function is one
 * indexed query; src/reports turns the rows into metrics. Every function returns
 * a #GArray that frees its rows' strings when it is freed.
 */

#include "iop-session.h"     /* IopClimate: the facilitator's ratings, in column order */
#include "iop-store.h"

G_BEGIN_DECLS

/* Member session ratings, in the order of the columns in session_ratings. */
typedef enum {
  IOP_RATING_RELATIONSHIP,
  IOP_RATING_GOALS_TOPICS,
  IOP_RATING_APPROACH,
  IOP_RATING_OVERALL,
  IOP_N_RATING,
} IopRatingItem;

typedef struct {
  gint64  id;
  gint64  group_id;
  char   *date;
  char   *start_time;
  int     duration_minutes;
  char   *state;                     /* scheduled, draft, signed, cosigned, cancelled */
  gint64  facilitator_id;
  int     climate[IOP_N_CLIMATE];    /* 0-6, -1 when not rated */
  char   *signed_at;                 /* UTC timestamp, NULL when not signed */
} IopReportSessionRow;

typedef struct {
  gint64  session_id;
  gint64  participant_id;
  char   *status;                    /* NULL when not recorded */
  int     minutes;
  int     participation;             /* 0-4, -1 when not rated */
} IopReportAttendanceRow;

typedef struct {
  gint64  session_id;
  gint64  participant_id;
  int     item[IOP_N_RATING];        /* 0-10, -1 when left blank */
} IopReportRatingRow;

typedef struct {
  gint64  id;
  gint64  participant_id;
  gint64  group_id;
  char   *joined;
  char   *left_on;                   /* NULL while a member */
  char   *reason;
} IopReportEnrollmentRow;

typedef struct {
  gint64  id;
  char   *first_name;
  char   *last_name;
  char   *preferred_name;
  char   *level_of_care;
  char   *admission_date;
  char   *discharge_date;            /* NULL while in the program */
  char   *discharge_reason;
  gint64  primary_counselor_id;
} IopReportPersonRow;

typedef struct {
  gint64  participant_id;
  char   *date;
  int     minutes;
} IopReportMinutesRow;

typedef struct {
  gint64  participant_id;
  char   *instrument;                /* PHQ-9, GAD-7, BAM */
  char   *date;
  int     total;
} IopReportMeasureRow;

typedef struct {
  gint64  id;
  gint64  participant_id;
  gint64  carried_from_id;           /* 0 when new in its plan */
  char   *status;
  char   *plan_state;
  int     plan_version;
} IopReportGoalRow;

typedef struct {
  gint64  goal_id;
  char   *date;
  int     rating;                    /* 0-10 */
} IopReportProgressRow;

typedef struct {
  gint64  id;
  char   *full_name;
  char   *role;
} IopReportStaffRow;

/* All of one report's queries read one snapshot (and take the file lock once). */
gboolean   iop_store_report_begin_snapshot       (IopStore    *self,
                                                  gboolean    *out_started,
                                                  GError     **error);
void       iop_store_report_end_snapshot         (IopStore    *self,
                                                  gboolean     started);

/* One group over a date range. */
GArray    *iop_store_report_group_sessions       (IopStore    *self,
                                                  gint64       group_id,
                                                  const char  *from,
                                                  const char  *to,
                                                  GError     **error);
GArray    *iop_store_report_group_attendance     (IopStore    *self,
                                                  gint64       group_id,
                                                  const char  *from,
                                                  const char  *to,
                                                  GError     **error);
GArray    *iop_store_report_group_ratings        (IopStore    *self,
                                                  gint64       group_id,
                                                  const char  *from,
                                                  const char  *to,
                                                  GError     **error);
GArray    *iop_store_report_group_enrollments    (IopStore    *self,
                                                  gint64       group_id,
                                                  GError     **error);
GArray    *iop_store_report_group_people         (IopStore    *self,
                                                  gint64       group_id,
                                                  const char  *from,
                                                  const char  *to,
                                                  GError     **error);

/* One participant, across every group. */
GArray    *iop_store_report_participant_minutes  (IopStore    *self,
                                                  gint64       participant_id,
                                                  const char  *from,
                                                  const char  *to,
                                                  GError     **error);
GArray    *iop_store_report_participant_measures (IopStore    *self,
                                                  gint64       participant_id,
                                                  const char  *from,
                                                  const char  *to,
                                                  GError     **error);
GArray    *iop_store_report_participant_goals    (IopStore    *self,
                                                  gint64       participant_id,
                                                  GError     **error);
GArray    *iop_store_report_participant_progress (IopStore    *self,
                                                  gint64       participant_id,
                                                  const char  *from,
                                                  const char  *to,
                                                  GError     **error);

/* The whole program over a date range. */
GArray    *iop_store_report_program_people       (IopStore    *self,
                                                  const char  *from,
                                                  const char  *to,
                                                  GError     **error);
GArray    *iop_store_report_program_sessions     (IopStore    *self,
                                                  const char  *from,
                                                  const char  *to,
                                                  GError     **error);
GArray    *iop_store_report_program_attendance   (IopStore    *self,
                                                  const char  *from,
                                                  const char  *to,
                                                  GError     **error);
GArray    *iop_store_report_program_measures     (IopStore    *self,
                                                  const char  *from,
                                                  const char  *to,
                                                  GError     **error);
GArray    *iop_store_report_staff                (IopStore    *self,
                                                  GError     **error);

/* Members' ratings of a session (0-10 each, -1 for an item left blank). */
gboolean   iop_store_add_session_rating          (IopStore    *self,
                                                  gint64       session_id,
                                                  gint64       participant_id,
                                                  const int   *items,
                                                  GError     **error);

/* For tests and benchmarks: "name: plan detail" lines of the per-group queries. */
GPtrArray *iop_store_report_query_plans          (IopStore    *self,
                                                  GError     **error);

G_END_DECLS
