/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The generated administrator, "admin", signs in with this passphrase. */
#define BENCH_PASSPHRASE "bench-passphrase"

/* Sizes of a generated agency. The large one is twenty years of admissions. */
typedef struct {
  guint participants;
  guint groups;
  guint sessions_per_group;
  guint members_per_session;
  guint goals_per_participant;
  guint progress_per_goal_x10;   /* tenths, so 400,000 / 60,000 fits */
  guint measures_per_participant;
} BenchScale;

extern const BenchScale bench_scale_large;
extern const BenchScale bench_scale_small;

gboolean bench_generate (const char        *path,
                         const BenchScale  *scale,
                         GError           **error);

/* The group whose year the report benchmark reads: 15 members, sessions through one year. */
gint64   bench_report_group_id (void);
const char *bench_report_from  (void);
const char *bench_report_to    (void);

G_END_DECLS
