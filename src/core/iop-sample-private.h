/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What each part of the sample program needs from the parts loaded before it. */

#include "iop-store.h"

G_BEGIN_DECLS

#define IOP_SAMPLE_N_PARTICIPANTS 40
#define IOP_SAMPLE_N_GROUPS 5

typedef struct {
  char   *today;                                   /* the day the sample is built around */
  gint64  admin_id;
  gint64  supervisor_id;
  gint64  counselor_ids[2];                        /* counselor1, counselor2 */
  gint64  group_ids[IOP_SAMPLE_N_GROUPS];
  gint64  participant_ids[IOP_SAMPLE_N_PARTICIPANTS];
} IopSampleContext;

/* The sample program is always about the recent past: dates are relative to today. */
char *iop_sample_date (IopSampleContext *ctx,
                       int               days_from_today);

gboolean iop_sample_load_sessions (IopStore          *store,
                                   IopSampleContext  *ctx,
                                   GError           **error);
/* Each area's part of the sample program, called in order by iop_sample_load(). */
gboolean iop_sample_load_plans (IopStore          *store,
                                IopSampleContext  *ctx,
                                GError           **error);
gboolean iop_sample_load_cultural (IopStore          *store,
                                   IopSampleContext  *ctx,
                                   GError           **error);
gboolean iop_sample_load_reports  (IopStore          *store,
                                   IopSampleContext  *ctx,
                                   GError           **error);
gboolean iop_sample_load_safety (IopStore          *store,
                                 IopSampleContext  *ctx,
                                 GError           **error);

G_END_DECLS
