/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * The group dynamics report: plain numbers computed from the store, for one group
 * over a date range. Rendering lives in iop-report-render.h.
 *
 * Definitions (the thresholds are in IopReportOptions and below):
 *  - A session counts when it is not cancelled and falls on or before the report's
 *    "as of" day. Attended: present, late or left-early. Missed: absent or excused.
 *    The attendance rate of a session is attended / (attended + missed); sessions
 *    with no attendance recorded have no rate.
 *  - Trend: the least-squares slope of the per-session rate against weeks since
 *    the first rated session (rate per week; negative means falling).
 *  - Outreach: two or more consecutive *absent* sessions of that member (excused
 *    absences neither count nor break the run; attending does).
 *  - Persistently low participation: mean level ≤ 1.0 (of 0–4) over at least three
 *    rated sessions.
 *  - Low climate (facilitator, 0–6): cohesion or engagement ≤ 2, or avoidance or
 *    conflict ≥ 4. Low member rating: total of the four 0–10 items < 36 of 40 (the
 *    Session Rating Scale's usual cut-off for talking about the alliance); a
 *    session's member ratings are low when their mean total is below 36.
 *  - Measures: per member, the first and the latest complete score in the range
 *    (members with two or more). Change = latest − first (negative is better on all
 *    three). Improved: a drop of ≥ 5 on PHQ-9, ≥ 4 on GAD-7; none for BAM.
 *  - Weekly hours: Monday-to-Sunday weeks wholly inside the range, for members who
 *    were in this group and in the program the whole week; minutes from every group
 *    they attended, against their level of care's minimum.
 *  - Documentation: sessions held but not signed (scheduled or draft); notes signed
 *    more than late_signature_days after the session date.
 */

#include "iop-name-guard.h"
#include "iop-store.h"
#include "iop-store-reports.h"

G_BEGIN_DECLS

#define IOP_REPORT_DEFAULT_WEEKS 8

typedef enum {
  IOP_REPORT_MEASURE_PHQ9,
  IOP_REPORT_MEASURE_GAD7,
  IOP_REPORT_MEASURE_BAM,
  IOP_REPORT_N_MEASURES,
} IopReportMeasure;

typedef struct {
  char   *from;                      /* first day, inclusive */
  char   *to;                        /* last day, inclusive */
  char   *as_of;                     /* sessions after this day are not due yet */
  double  hours_adult_iop;           /* weekly minimums by level of care */
  double  hours_adolescent_iop;
  double  hours_php;
  int     late_signature_days;
} IopReportOptions;

void        iop_report_options_init           (IopReportOptions *options,
                                               const char       *from,
                                               const char       *to);
void        iop_report_options_clear          (IopReportOptions *options);
void        iop_report_options_copy           (IopReportOptions *dest,
                                               const IopReportOptions *src);
gboolean    iop_report_options_validate       (const IopReportOptions *options,
                                               GError          **error);
char       *iop_report_default_from           (const char       *today);
int         iop_report_minimum_minutes        (const IopReportOptions *options,
                                               const char       *level_of_care);

const char *iop_report_measure_instrument     (IopReportMeasure  measure);
int         iop_report_measure_threshold      (IopReportMeasure  measure);
char       *iop_report_initials               (const char       *first_name,
                                               const char       *last_name);
double      iop_report_slope                  (const double     *x,
                                               const double     *y,
                                               guint             n);

typedef struct {
  gint64   id;
  char    *date;
  char    *start_time;
  char    *state;
  int      duration_minutes;
  int      n_attended;               /* present, late, left-early */
  int      n_absent;
  int      n_excused;
  double   attendance_rate;          /* -1 when nothing recorded */
  int      participation[5];         /* members at each level 0-4 */
  int      n_participation;
  int      climate[IOP_N_CLIMATE];   /* -1 when not rated */
  gboolean climate_low;
  int      n_ratings;
  double   rating_mean[IOP_N_RATING];    /* -1 without ratings */
  double   rating_total_mean;            /* -1 without complete ratings */
  int      n_low_ratings;
  gboolean ratings_low;
  gboolean unsigned_note;            /* held, note not signed */
  int      signature_days;           /* days from session to signature, -1 unsigned */
  gboolean signed_late;
} IopGroupReportSession;

typedef struct {
  int      first;
  int      latest;
  char    *first_date;
  char    *latest_date;
  int      n_scores;
} IopReportMemberMeasure;

typedef struct {
  gint64   participant_id;
  char    *initials;                 /* what reports print by default */
  char    *full_name;                /* only for an internal copy */
  char    *first_name;               /* to keep names out of free text */
  char    *last_name;
  char    *preferred_name;
  char    *level_of_care;
  int      n_attended;
  int      n_absent;
  int      n_excused;
  int      minutes;                  /* in this group's sessions */
  double   attendance_rate;          /* -1 when nothing recorded */
  int      longest_absence_run;
  int      current_absence_run;
  gboolean outreach;
  int      participation[5];
  int      n_participation;
  double   participation_mean;       /* -1 when never rated */
  gboolean participation_low;
  int      n_ratings;
  double   rating_total_mean;        /* -1 without complete ratings */
  int      n_low_ratings;
  int      goals_total;
  int      goals_met;
  int      n_progress_goals;         /* goals with two or more ratings in range */
  double   progress_change;          /* mean latest − first rating, 0 when none */
  IopReportMemberMeasure measures[IOP_REPORT_N_MEASURES];
  int      weeks_checked;
  int      weeks_under_hours;
} IopGroupReportMember;

typedef enum {
  IOP_REPORT_EVENT_JOINED,
  IOP_REPORT_EVENT_LEFT,
} IopReportEventKind;

typedef struct {
  char              *date;
  IopReportEventKind kind;
  guint              member;         /* index into members */
  char              *reason;         /* exits only */
} IopGroupReportEvent;

typedef struct {
  char    *start;                    /* Monday */
  int      size;                     /* members on Monday */
  int      joins;
  int      exits;
  int      members_checked;          /* for hours; 0 for partial weeks */
  int      members_under;
} IopGroupReportWeek;

typedef struct {
  guint    member;
  char    *week_start;
  int      minutes;
  int      required_minutes;
} IopGroupReportHoursGap;

typedef struct {
  int      n_members;                /* with two or more scores */
  double   mean_first;
  double   mean_latest;
  double   mean_change;
  int      n_improved;
  double   share_improved;           /* -1 for BAM (no threshold) or no members */
} IopReportMeasureSummary;

typedef struct {
  gint64   group_id;
  char    *group_name;
  int      min_size;
  int      max_size;
  IopReportOptions options;

  GArray  *sessions;                 /* IopGroupReportSession, by date */
  GArray  *members;                  /* IopGroupReportMember, by name */
  IopNameGuard *names;               /* the members' names, to keep them out of free text */
  GArray  *events;                   /* IopGroupReportEvent, by date */
  GArray  *weeks;                    /* IopGroupReportWeek */
  GArray  *hours_gaps;               /* IopGroupReportHoursGap, by week then member */

  int      n_cancelled;
  double   mean_attendance_rate;     /* -1 without rated sessions */
  double   attendance_slope;         /* rate per week */
  double   cohesion_slope;           /* points per week */
  double   rating_slope;             /* mean total per week */
  int      n_outreach;
  int      n_low_participation;
  int      n_low_climate;
  int      n_low_rating_sessions;
  int      n_joins;
  int      n_exits;
  double   mean_stay_days_left;      /* members who left in range; -1 none */
  double   mean_stay_days_current;   /* members at the end of range; -1 none */
  int      size_start;
  int      size_end;
  int      weeks_below_min;
  int      weeks_above_max;
  int      goals_total;
  int      goals_met;
  double   progress_change;          /* mean over goals with two ratings; 0 none */
  int      n_progress_goals;
  IopReportMeasureSummary measures[IOP_REPORT_N_MEASURES];
  int      n_unsigned;
  int      n_signed_late;
} IopGroupReport;

IopGroupReport *iop_group_report_compute      (IopStore               *store,
                                               gint64                  group_id,
                                               const IopReportOptions *options,
                                               GError                **error);
IopGroupReport *iop_group_report_ref          (IopGroupReport         *report);
void            iop_group_report_unref        (IopGroupReport         *report);
const char     *iop_group_report_member_name  (const IopGroupReport   *report,
                                               guint                   member,
                                               gboolean                full_names);
IopNameGuard   *iop_report_name_guard_new     (GArray                 *members);
char           *iop_report_redact_names       (IopNameGuard           *names,
                                               const char             *text,
                                               gboolean                full_names);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IopGroupReport, iop_group_report_unref)

G_END_DECLS
