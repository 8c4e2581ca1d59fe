/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-program-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "iop-date.h"
#include "iop-program-report.h"
#include "iop-report-private.h"
#include "iop-store-people.h"

static const char *levels[IOP_N_LEVELS_OF_CARE] = { "adult-iop", "adolescent-iop", "php" };

/**
 * iop_report_level_of_care:
 * @level: 0 … %IOP_N_LEVELS_OF_CARE − 1
 *
 * Returns: (transfer none): the level's identifier, as in participants.level_of_care
 */
const char *
iop_report_level_of_care (guint level)
{
  g_return_val_if_fail (level < IOP_N_LEVELS_OF_CARE, NULL);
  return levels[level];
}

static void
move_clear (gpointer data)
{
  IopProgramReportMove *m = data;

  g_free (m->date);
  g_free (m->reason);
}

static void
group_clear (gpointer data)
{
  IopProgramReportGroup *g = data;

  g_free (g->name);
}

static void
week_clear (gpointer data)
{
  IopProgramReportWeek *w = data;

  g_free (w->start);
}

static void
counselor_clear (gpointer data)
{
  IopProgramReportCounselor *c = data;

  g_free (c->name);
}

static gboolean
in_program_on (const IopReportPersonRow *p,
               const char               *date)
{
  return strcmp (p->admission_date, date) <= 0
         && (p->discharge_date == NULL || strcmp (p->discharge_date, date) >= 0);
}

static int
compare_moves (gconstpointer a,
               gconstpointer b)
{
  const IopProgramReportMove *x = a, *y = b;
  int c = strcmp (x->date, y->date);

  return c != 0 ? c : (int) x->member - (int) y->member;
}

static int
compare_gaps (gconstpointer a,
              gconstpointer b)
{
  const IopGroupReportHoursGap *x = a, *y = b;
  int c = strcmp (x->week_start, y->week_start);

  return c != 0 ? c : (int) x->member - (int) y->member;
}

static int
compare_groups (gconstpointer a,
                gconstpointer b)
{
  const IopProgramReportGroup *x = a, *y = b;

  return g_utf8_collate (x->name, y->name);
}

static int
compare_counselors (gconstpointer a,
                    gconstpointer b)
{
  const IopProgramReportCounselor *x = a, *y = b;

  /* Sessions without a facilitator last. */
  if ((x->staff_id == 0) != (y->staff_id == 0))
    return x->staff_id == 0 ? 1 : -1;
  return g_utf8_collate (x->name, y->name);
}

static guint
week_of (IopProgramReport *report,
         const char       *date)
{
  const IopProgramReportWeek *first = &g_array_index (report->weeks, IopProgramReportWeek, 0);
  int days = iop_date_diff_days (first->start, date);

  return days < 0 ? 0 : MIN ((guint) (days / 7), report->weeks->len - 1);
}

static void
compute_census (IopProgramReport *report,
                GArray           *people)
{
  const IopReportOptions *o = &report->options;

  for (guint i = 0; i < people->len; i++)
    {
      const IopReportPersonRow *p = &g_array_index (people, IopReportPersonRow, i);

      if (in_program_on (p, o->from))
        report->census_start++;
      if (in_program_on (p, o->to))
        {
          report->census_end++;
          for (guint l = 0; l < IOP_N_LEVELS_OF_CARE; l++)
            if (g_strcmp0 (p->level_of_care, levels[l]) == 0)
              report->census_end_by_level[l]++;
        }
      if (strcmp (p->admission_date, o->from) >= 0 && strcmp (p->admission_date, o->to) <= 0)
        {
          IopProgramReportMove m = { g_strdup (p->admission_date), i, NULL };

          g_array_append_val (report->admissions, m);
        }
      if (p->discharge_date != NULL && strcmp (p->discharge_date, o->from) >= 0
          && strcmp (p->discharge_date, o->to) <= 0)
        {
          IopProgramReportMove m = { g_strdup (p->discharge_date), i, g_strdup (p->discharge_reason) };

          g_array_append_val (report->discharges, m);
        }
    }
  g_array_sort (report->admissions, compare_moves);
  g_array_sort (report->discharges, compare_moves);

  for (guint w = 0; w < report->weeks->len; w++)
    {
      IopProgramReportWeek *week = &g_array_index (report->weeks, IopProgramReportWeek, w);
      const char *day = strcmp (week->start, o->from) < 0 ? o->from : week->start;

      for (guint i = 0; i < people->len; i++)
        if (in_program_on (&g_array_index (people, IopReportPersonRow, i), day))
          week->census++;
    }
}

static gboolean
compute_sessions (IopProgramReport *report,
                  IopStore         *store,
                  GArray           *sessions,
                  GArray           *attendance,
                  GArray           *people,
                  GHashTable       *member_index,
                  GError          **error)
{
  const IopReportOptions *o = &report->options;
  g_autoptr(GHashTable) session_index = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) group_index = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) counselor_index = g_hash_table_new (NULL, NULL);
  g_autoptr(GListModel) groups = iop_store_list_groups (store, TRUE, error);
  g_autoptr(GArray) staff = NULL;
  g_autofree int *group_attended = NULL;
  g_autofree int *group_recorded = NULL;
  g_autofree int *minutes = NULL;
  g_autofree guint *session_week = NULL;
  int attended = 0, recorded = 0;

  if (groups == NULL)
    return FALSE;
  staff = iop_store_report_staff (store, error);
  if (staff == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(IopGroup) g = g_list_model_get_item (groups, i);
      IopProgramReportGroup row = { iop_group_get_id (g), g_strdup (iop_group_get_name (g)), 0, -1, 0 };

      g_array_append_val (report->groups, row);
      g_hash_table_insert (group_index, GINT_TO_POINTER ((int) row.group_id), GUINT_TO_POINTER (report->groups->len));
    }
  group_attended = g_new0 (int, report->groups->len);
  group_recorded = g_new0 (int, report->groups->len);

  for (guint i = 0; i < sessions->len; i++)
    {
      const IopReportSessionRow *s = &g_array_index (sessions, IopReportSessionRow, i);
      IopProgramReportCounselor *c;
      guint gi, ci;

      if (g_strcmp0 (s->state, "cancelled") == 0 || strcmp (s->date, o->as_of) > 0)
        continue;
      g_hash_table_insert (session_index, GINT_TO_POINTER ((int) s->id), GUINT_TO_POINTER (i + 1));
      report->n_sessions++;

      if (!iop_report_lookup_index (counselor_index, s->facilitator_id, &ci))
        {
          IopProgramReportCounselor row = { s->facilitator_id, NULL, 0, 0, 0, 0 };

          for (guint k = 0; k < staff->len; k++)
            if (g_array_index (staff, IopReportStaffRow, k).id == s->facilitator_id)
              row.name = g_strdup (g_array_index (staff, IopReportStaffRow, k).full_name);
          if (row.name == NULL)
            row.name = g_strdup (_("No facilitator"));
          g_array_append_val (report->counselors, row);
          ci = report->counselors->len - 1;
          g_hash_table_insert (counselor_index, GINT_TO_POINTER ((int) s->facilitator_id), GUINT_TO_POINTER (ci + 1));
        }
      c = &g_array_index (report->counselors, IopProgramReportCounselor, ci);
      c->n_due++;
      if (g_strcmp0 (s->state, "scheduled") == 0 || g_strcmp0 (s->state, "draft") == 0)
        {
          c->n_unsigned++;
          report->n_unsigned++;
          if (iop_report_lookup_index (group_index, s->group_id, &gi))
            g_array_index (report->groups, IopProgramReportGroup, gi).n_unsigned++;
        }
      else
        {
          if (g_strcmp0 (s->state, "signed") == 0)
            {
              c->n_awaiting_cosign++;
              report->n_awaiting_cosign++;
            }
          if (s->signed_at != NULL)
            {
              g_autofree char *day = g_strndup (s->signed_at, 10);

              if (iop_date_is_valid (day) && iop_date_diff_days (s->date, day) > o->late_signature_days)
                {
                  c->n_signed_late++;
                  report->n_signed_late++;
                }
            }
        }
      if (iop_report_lookup_index (group_index, s->group_id, &gi))
        g_array_index (report->groups, IopProgramReportGroup, gi).n_sessions++;
    }

  /* Attendance, and minutes per person per week for hours. Dates are parsed once
   * per session, not once per attendance row. */
  session_week = g_new0 (guint, sessions->len + 1);
  for (guint i = 0; i < sessions->len; i++)
    session_week[i] = week_of (report, g_array_index (sessions, IopReportSessionRow, i).date);
  minutes = g_new0 (int, (gsize) people->len * report->weeks->len);
  for (guint i = 0; i < attendance->len; i++)
    {
      const IopReportAttendanceRow *a = &g_array_index (attendance, IopReportAttendanceRow, i);
      const IopReportSessionRow *s;
      IopProgramReportWeek *week;
      guint si, gi, mi;
      gboolean was_recorded = a->status != NULL;
      gboolean did_attend = iop_report_status_attended (a->status);

      if (!iop_report_lookup_index (session_index, a->session_id, &si))
        continue;
      s = &g_array_index (sessions, IopReportSessionRow, si);
      week = &g_array_index (report->weeks, IopProgramReportWeek, session_week[si]);
      if (iop_report_lookup_index (member_index, a->participant_id, &mi))
        minutes[mi * report->weeks->len + session_week[si]] += a->minutes;
      if (!was_recorded)
        continue;
      recorded++;
      week->n_recorded++;
      if (did_attend)
        {
          attended++;
          week->n_attended++;
        }
      if (iop_report_lookup_index (group_index, s->group_id, &gi))
        {
          group_recorded[gi]++;
          if (did_attend)
            group_attended[gi]++;
        }
    }
  report->attendance_rate = recorded > 0 ? (double) attended / recorded : -1;
  for (guint gi = 0; gi < report->groups->len; gi++)
    if (group_recorded[gi] > 0)
      g_array_index (report->groups, IopProgramReportGroup, gi).attendance_rate = (double) group_attended[gi] / group_recorded[gi];
  for (guint w = 0; w < report->weeks->len; w++)
    {
      IopProgramReportWeek *week = &g_array_index (report->weeks, IopProgramReportWeek, w);

      week->attendance_rate = week->n_recorded > 0 ? (double) week->n_attended / week->n_recorded : -1;
    }

  /* Hours: whole weeks inside the range, people in the program all week. */
  for (guint w = 0; w < report->weeks->len; w++)
    {
      IopProgramReportWeek *week = &g_array_index (report->weeks, IopProgramReportWeek, w);
      g_autofree char *sunday = iop_date_add_days (week->start, 6);

      if (strcmp (week->start, o->from) < 0 || strcmp (sunday, o->to) > 0)
        continue;
      for (guint mi = 0; mi < people->len; mi++)
        {
          const IopReportPersonRow *p = &g_array_index (people, IopReportPersonRow, mi);
          int required = iop_report_minimum_minutes (o, p->level_of_care);
          int got = minutes[mi * report->weeks->len + w];

          if (strcmp (p->admission_date, week->start) > 0
              || (p->discharge_date != NULL && strcmp (p->discharge_date, sunday) <= 0))
            continue;
          week->members_checked++;
          report->hours_checked++;
          if (got < required)
            {
              IopGroupReportHoursGap gap = { mi, g_strdup (week->start), got, required };

              g_array_append_val (report->hours_gaps, gap);
              week->members_under++;
              report->hours_under++;
            }
        }
    }

  g_array_sort (report->groups, compare_groups);
  g_array_sort (report->counselors, compare_counselors);
  g_array_sort (report->hours_gaps, compare_gaps);
  return TRUE;
}

static void
compute_measures (IopProgramReport *report,
                  GArray           *measures,
                  GHashTable       *member_index)
{
  g_autofree int *first = g_new0 (int, report->members->len * IOP_REPORT_N_MEASURES);
  g_autofree int *latest = g_new0 (int, report->members->len * IOP_REPORT_N_MEASURES);
  g_autofree int *count = g_new0 (int, report->members->len * IOP_REPORT_N_MEASURES);
  g_autofree double *sums = g_new0 (double, report->weeks->len * IOP_REPORT_N_MEASURES);

  /* Rows come by instrument, then date. */
  for (guint i = 0; i < measures->len; i++)
    {
      const IopReportMeasureRow *r = &g_array_index (measures, IopReportMeasureRow, i);
      guint w = week_of (report, r->date);
      guint mi;

      for (int k = 0; k < IOP_REPORT_N_MEASURES; k++)
        {
          IopProgramReportWeek *week = &g_array_index (report->weeks, IopProgramReportWeek, w);

          if (g_strcmp0 (r->instrument, iop_report_measure_instrument (k)) != 0)
            continue;
          sums[w * IOP_REPORT_N_MEASURES + k] += r->total;
          week->measure_count[k]++;
          if (iop_report_lookup_index (member_index, r->participant_id, &mi))
            {
              guint slot = mi * IOP_REPORT_N_MEASURES + k;

              if (count[slot] == 0)
                first[slot] = r->total;
              latest[slot] = r->total;
              count[slot]++;
            }
        }
    }

  for (guint w = 0; w < report->weeks->len; w++)
    {
      IopProgramReportWeek *week = &g_array_index (report->weeks, IopProgramReportWeek, w);

      for (int k = 0; k < IOP_REPORT_N_MEASURES; k++)
        week->measure_mean[k] = week->measure_count[k] > 0
                                ? sums[w * IOP_REPORT_N_MEASURES + k] / week->measure_count[k] : -1;
    }

  for (int k = 0; k < IOP_REPORT_N_MEASURES; k++)
    {
      IopReportMeasureSummary *sum = &report->measures[k];
      int threshold = iop_report_measure_threshold (k);
      double f = 0, l = 0;

      for (guint mi = 0; mi < report->members->len; mi++)
        {
          guint slot = mi * IOP_REPORT_N_MEASURES + k;

          if (count[slot] < 2)
            continue;
          sum->n_members++;
          f += first[slot];
          l += latest[slot];
          if (threshold > 0 && first[slot] - latest[slot] >= threshold)
            sum->n_improved++;
        }
      if (sum->n_members == 0)
        {
          sum->share_improved = -1;
          continue;
        }
      sum->mean_first = f / sum->n_members;
      sum->mean_latest = l / sum->n_members;
      sum->mean_change = sum->mean_latest - sum->mean_first;
      sum->share_improved = threshold > 0 ? (double) sum->n_improved / sum->n_members : -1;
    }
}

static IopProgramReport *
compute_in_snapshot (IopStore                *store,
                     const IopReportOptions  *options,
                     GError                 **error)
{
  g_autoptr(IopProgramReport) report = NULL;
  g_autoptr(GArray) people = NULL;
  g_autoptr(GArray) sessions = NULL;
  g_autoptr(GArray) attendance = NULL;
  g_autoptr(GArray) measures = NULL;
  g_autoptr(GHashTable) member_index = g_hash_table_new (NULL, NULL);
  g_autofree char *monday = NULL;
  const IopReportOptions *o;

  report = g_rc_box_new0 (IopProgramReport);
  iop_report_options_copy (&report->options, options);
  o = &report->options;
  report->admissions = iop_report_new_array (sizeof (IopProgramReportMove), move_clear);
  report->discharges = iop_report_new_array (sizeof (IopProgramReportMove), move_clear);
  report->groups = iop_report_new_array (sizeof (IopProgramReportGroup), group_clear);
  report->weeks = iop_report_new_array (sizeof (IopProgramReportWeek), week_clear);
  report->counselors = iop_report_new_array (sizeof (IopProgramReportCounselor), counselor_clear);
  report->hours_gaps = iop_report_new_array (sizeof (IopGroupReportHoursGap), iop_report_gap_clear);

  if ((people = iop_store_report_program_people (store, o->from, o->to, error)) == NULL
      || (sessions = iop_store_report_program_sessions (store, o->from, o->to, error)) == NULL
      || (attendance = iop_store_report_program_attendance (store, o->from, o->to, error)) == NULL
      || (measures = iop_store_report_program_measures (store, o->from, o->to, error)) == NULL)
    return NULL;

  report->members = iop_report_members_from_people (people, member_index);
  report->names = iop_report_name_guard_new (report->members);

  for (monday = iop_date_week_start (o->from); strcmp (monday, o->to) <= 0; )
    {
      IopProgramReportWeek w = { g_strdup (monday), 0, 0, 0, -1, 0, 0, { -1, -1, -1 }, { 0, 0, 0 } };
      char *next = iop_date_add_days (monday, 7);

      g_array_append_val (report->weeks, w);
      g_free (monday);
      monday = next;
    }

  compute_census (report, people);
  if (!compute_sessions (report, store, sessions, attendance, people, member_index, error))
    return NULL;
  compute_measures (report, measures, member_index);
  return g_steal_pointer (&report);
}

/**
 * iop_program_report_compute:
 * @store: an #IopStore
 * @options: range and thresholds
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the program report, or %NULL with @error set
 */
IopProgramReport *
iop_program_report_compute (IopStore                *store,
                            const IopReportOptions  *options,
                            GError                 **error)
{
  IopProgramReport *report;
  gboolean started;

  g_return_val_if_fail (IOP_IS_STORE (store), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (!iop_report_options_validate (options, error))
    return NULL;
  if (!iop_store_report_begin_snapshot (store, &started, error))
    return NULL;
  report = compute_in_snapshot (store, options, error);
  iop_store_report_end_snapshot (store, started);
  return report;
}

static void
program_report_clear (gpointer data)
{
  IopProgramReport *report = data;

  g_clear_object (&report->names);
  iop_report_options_clear (&report->options);
  g_clear_pointer (&report->members, g_array_unref);
  g_clear_pointer (&report->admissions, g_array_unref);
  g_clear_pointer (&report->discharges, g_array_unref);
  g_clear_pointer (&report->groups, g_array_unref);
  g_clear_pointer (&report->weeks, g_array_unref);
  g_clear_pointer (&report->counselors, g_array_unref);
  g_clear_pointer (&report->hours_gaps, g_array_unref);
}

/**
 * iop_program_report_ref:
 * @report: a report
 *
 * Returns: (transfer full): @report
 */
IopProgramReport *
iop_program_report_ref (IopProgramReport *report)
{
  return g_rc_box_acquire (report);
}

void
iop_program_report_unref (IopProgramReport *report)
{
  if (report != NULL)
    g_rc_box_release_full (report, program_report_clear);
}

/**
 * iop_program_report_member_name:
 * @report: a report
 * @member: index into the report's members
 * @full_names: %TRUE only for an internal copy
 *
 * Returns: (transfer none): the participant's initials, or full name when asked for
 */
const char *
iop_program_report_member_name (const IopProgramReport *report,
                                guint                   member,
                                gboolean                full_names)
{
  return iop_report_member_label (report->members, member, full_names);
}
