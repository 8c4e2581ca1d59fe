/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-sample-reports"

#include "config.h"

#include <string.h>

#include "iop-date.h"
#include "iop-sample-private.h"
#include "iop-store-reports.h"

/*
 * Members' ratings of the sample sessions, so the group report's climate charts
 * show something real. Most members rate most sessions they attend, high (a
 * total of 35-40 of 40, the way alliance ratings usually run); in Dual Diagnosis
 * Skills (group 2) the ratings slide week after week, from about 37 to about 27,
 * alongside the facilitator's falling cohesion, for a supervisor to notice.
 *
 * Choices come from a hash of the session's and member's positions, not from a
 * clock, so every sample program looks the same relative to its day.
 */

#define SAMPLE_DAYS_BACK 70
#define DECLINING_GROUP  2

static guint
mix (guint a,
     guint b,
     guint c)
{
  guint h = 2166136261u;

  h = (h ^ a) * 16777619u;
  h = (h ^ b) * 16777619u;
  h = (h ^ c) * 16777619u;
  return h ^ (h >> 13);
}

static gboolean
rate_group (IopStore         *store,
            IopSampleContext *ctx,
            guint             group,
            const char       *from,
            GError          **error)
{
  g_autoptr(GArray) sessions = NULL;
  g_autoptr(GArray) attendance = NULL;
  guint n_held = 0, held = 0;

  sessions = iop_store_report_group_sessions (store, ctx->group_ids[group], from, ctx->today, error);
  if (sessions == NULL)
    return FALSE;
  attendance = iop_store_report_group_attendance (store, ctx->group_ids[group], from, ctx->today, error);
  if (attendance == NULL)
    return FALSE;

  for (guint i = 0; i < sessions->len; i++)
    {
      const char *state = g_array_index (sessions, IopReportSessionRow, i).state;

      if (g_strcmp0 (state, "cancelled") != 0 && g_strcmp0 (state, "scheduled") != 0)
        n_held++;
    }

  for (guint i = 0; i < sessions->len; i++)
    {
      const IopReportSessionRow *s = &g_array_index (sessions, IopReportSessionRow, i);
      /* 0 at the first documented session, 1 at the last */
      double progress;

      if (g_strcmp0 (s->state, "cancelled") == 0 || g_strcmp0 (s->state, "scheduled") == 0)
        continue;
      progress = n_held > 1 ? (double) held / (n_held - 1) : 0;
      held++;

      for (guint k = 0; k < attendance->len; k++)
        {
          const IopReportAttendanceRow *a = &g_array_index (attendance, IopReportAttendanceRow, k);
          int items[IOP_N_RATING];
          guint h;
          double base;

          if (a->session_id != s->id || g_strcmp0 (a->status, "absent") == 0
              || g_strcmp0 (a->status, "excused") == 0 || a->status == NULL)
            continue;
          h = mix ((guint) s->id, (guint) a->participant_id, group);
          /* About one member in six does not hand in a rating. */
          if (h % 6 == 0)
            continue;

          base = group == DECLINING_GROUP ? 9.8 - 3.0 * progress : 9.5;
          for (int item = 0; item < IOP_N_RATING; item++)
            {
              int noise = (int) ((h >> (4 + 3 * item)) % 3) - 1;     /* -1, 0 or +1 */

              items[item] = CLAMP ((int) (base + 0.5) + noise, 0, 10);
            }
          /* Now and then a member leaves the goals item blank. */
          if ((h >> 20) % 23 == 0)
            items[IOP_RATING_GOALS_TOPICS] = -1;
          if (!iop_store_add_session_rating (store, s->id, a->participant_id, items, error))
            return FALSE;
        }
    }
  return TRUE;
}

/**
 * iop_sample_load_reports:
 * @store: the store, inside the sample's transaction
 * @ctx: what the earlier parts of the sample created
 * @error: return location for a #GError
 *
 * Adds members' session ratings to the sample sessions (after
 * iop_sample_load_sessions()).
 *
 * Returns: %TRUE on success
 */
gboolean
iop_sample_load_reports (IopStore          *store,
                         IopSampleContext  *ctx,
                         GError           **error)
{
  g_autofree char *from = iop_sample_date (ctx, -SAMPLE_DAYS_BACK);

  for (guint group = 0; group < IOP_SAMPLE_N_GROUPS; group++)
    if (!rate_group (store, ctx, group, from, error))
      return FALSE;
  return TRUE;
}
