/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * The program report, for the supervisor's weekly meeting: every group over a
 * date range. Definitions follow iop-group-report.h; in addition:
 *  - Census: participants admitted on or before the day and not discharged
 *    before it (a discharge on the day still counts them), at each end of the range.
 *  - Weekly hours: everyone in the program the whole week (admitted by Monday,
 *    not discharged before Sunday), minutes from every group, whole weeks only.
 *  - Documentation backlog: per session facilitator, sessions due and not signed,
 *    notes signed late, notes signed but not yet co-signed.
 *  - Measures trend: the mean score of the administrations in each week.
 */

#include "iop-group-report.h"

G_BEGIN_DECLS

#define IOP_N_LEVELS_OF_CARE 3

typedef struct {
  char    *date;
  guint    member;                   /* index into members */
  char    *reason;                   /* discharges only */
} IopProgramReportMove;

typedef struct {
  gint64   group_id;
  char    *name;
  int      n_sessions;
  double   attendance_rate;          /* attended / recorded; -1 when none */
  int      n_unsigned;
} IopProgramReportGroup;

typedef struct {
  char    *start;                    /* Monday */
  int      census;                   /* in the program on Monday (or the range's first day) */
  int      n_attended;
  int      n_recorded;
  double   attendance_rate;          /* -1 when nothing recorded */
  int      members_checked;          /* hours; 0 for partial weeks */
  int      members_under;
  double   measure_mean[IOP_REPORT_N_MEASURES];  /* -1 without scores */
  int      measure_count[IOP_REPORT_N_MEASURES];
} IopProgramReportWeek;

typedef struct {
  gint64   staff_id;                 /* 0: sessions without a facilitator */
  char    *name;
  int      n_due;
  int      n_unsigned;
  int      n_signed_late;
  int      n_awaiting_cosign;
} IopProgramReportCounselor;

typedef struct {
  IopReportOptions options;

  GArray  *members;                  /* IopGroupReportMember: names only */
  IopNameGuard *names;               /* the members' names, to keep them out of free text */
  int      census_start;
  int      census_end;
  int      census_end_by_level[IOP_N_LEVELS_OF_CARE];   /* adult IOP, adolescent IOP, PHP */
  GArray  *admissions;               /* IopProgramReportMove */
  GArray  *discharges;               /* IopProgramReportMove */
  GArray  *groups;                   /* IopProgramReportGroup, by name */
  GArray  *weeks;                    /* IopProgramReportWeek */
  GArray  *counselors;               /* IopProgramReportCounselor, by name */
  GArray  *hours_gaps;               /* IopGroupReportHoursGap, by week then member */

  int      n_sessions;
  double   attendance_rate;          /* -1 when nothing recorded */
  int      hours_checked;            /* member-weeks */
  int      hours_under;
  int      n_unsigned;
  int      n_signed_late;
  int      n_awaiting_cosign;
  IopReportMeasureSummary measures[IOP_REPORT_N_MEASURES];
} IopProgramReport;

const char       *iop_report_level_of_care     (guint                   level);

IopProgramReport *iop_program_report_compute   (IopStore               *store,
                                                const IopReportOptions *options,
                                                GError                **error);
IopProgramReport *iop_program_report_ref       (IopProgramReport       *report);
void              iop_program_report_unref     (IopProgramReport       *report);
const char       *iop_program_report_member_name (const IopProgramReport *report,
                                                  guint                   member,
                                                  gboolean                full_names);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IopProgramReport, iop_program_report_unref)

G_END_DECLS
