/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "iop-store.h"

G_BEGIN_DECLS

/*
 * A small hand-computed program for the report tests (the expected values are
 * worked out in tests/test-group-report.c). Range 2026-09-07 .. 2026-10-04,
 * four whole weeks. Group "Fixture Group" (min 4, max 6) meets Mondays; group
 * "Other Group" meets Wednesdays. Members: Ann Alpha, Bob Beta, Cara Gamma
 * (all adult IOP), Dan Delta (PHP, joins 09-21), Eve Epsilon (leaves 09-11, discharged
 * 09-12); Fay Zeta is admitted 09-15 and in no group.
 */
typedef struct {
  gint64 group_id;
  gint64 other_group_id;
  gint64 counselor_id;
  gint64 other_counselor_id;
  gint64 ann, bob, cara, dan, eve, fay;
  gint64 sessions[6];           /* S1-S4 in range, S5 cancelled, S6 after the range */
} IopReportFixture;

#define IOP_FIXTURE_FROM "2026-09-07"
#define IOP_FIXTURE_TO   "2026-10-04"

IopStore *iop_report_fixture_open (const char       *name,
                                   IopReportFixture *fixture);
void      iop_report_fixture_exec (IopStore         *store,
                                   const char       *format,
                                   ...) G_GNUC_PRINTF (2, 3);

G_END_DECLS
