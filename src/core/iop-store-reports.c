/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-store-reports"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "iop-store-private.h"
#include "iop-store-reports.h"
#include "iop-validation.h"

/*
 * Every per-group and per-participant query starts from an index on the group or
 * the participant (sessions' UNIQUE (group_id, date, start_time), attendance's
 * primary key and attendance_participant, enrollments_group, measures_participant,
 * treatment_plans' UNIQUE (participant_id, version), progress_entries_goal), so a
 * group's report reads only that group's rows however large the rest of the
 * database is. CROSS JOIN pins the join order where the planner, without
 * statistics, could otherwise start from the date index and walk every group's
 * sessions. tests/test-report-store.c checks the plans.
 */

#define SESSION_COLUMNS \
  "s.id, s.group_id, s.date, s.start_time, s.duration_minutes, s.state, s.facilitator_id," \
  " s.climate_cohesion, s.climate_engagement, s.climate_avoidance, s.climate_conflict, s.signed_at"

static const char sql_group_sessions[] =
  "SELECT " SESSION_COLUMNS " FROM sessions s"
  " WHERE s.group_id = ?1 AND s.date >= ?2 AND s.date <= ?3"
  " ORDER BY s.date, s.start_time";

static const char sql_group_attendance[] =
  "SELECT a.session_id, a.participant_id, a.status, a.minutes, a.participation"
  " FROM sessions s CROSS JOIN attendance a ON a.session_id = s.id"
  " WHERE s.group_id = ?1 AND s.date >= ?2 AND s.date <= ?3"
  " ORDER BY s.date, s.start_time, a.participant_id";

static const char sql_group_ratings[] =
  "SELECT r.session_id, r.participant_id, r.relationship, r.goals_topics, r.approach, r.overall"
  " FROM sessions s CROSS JOIN session_ratings r ON r.session_id = s.id"
  " WHERE s.group_id = ?1 AND s.date >= ?2 AND s.date <= ?3"
  " ORDER BY s.date, s.start_time, r.participant_id";

static const char sql_group_enrollments[] =
  "SELECT e.id, e.participant_id, e.group_id, e.joined, e.left_on, e.reason"
  " FROM enrollments e WHERE e.group_id = ?1 ORDER BY e.joined, e.id";

#define PERSON_COLUMNS \
  "p.id, p.first_name, p.last_name, p.preferred_name, p.level_of_care, p.admission_date," \
  " p.discharge_date, p.discharge_reason, p.primary_counselor_id"

/* Members during the range, and anyone who attended a session in it. */
static const char sql_group_people[] =
  "SELECT " PERSON_COLUMNS " FROM participants p WHERE p.id IN ("
  "   SELECT e.participant_id FROM enrollments e"
  "   WHERE e.group_id = ?1 AND e.joined <= ?3 AND (e.left_on IS NULL OR e.left_on >= ?2)"
  "   UNION SELECT a.participant_id FROM sessions s CROSS JOIN attendance a ON a.session_id = s.id"
  "   WHERE s.group_id = ?1 AND s.date >= ?2 AND s.date <= ?3)"
  " ORDER BY p.last_name COLLATE NOCASE, p.first_name COLLATE NOCASE, p.id";

static const char sql_participant_minutes[] =
  "SELECT a.participant_id, s.date, a.minutes"
  " FROM attendance a CROSS JOIN sessions s ON s.id = a.session_id"
  " WHERE a.participant_id = ?1 AND s.date >= ?2 AND s.date <= ?3 AND s.state <> 'cancelled'"
  " ORDER BY s.date";

static const char sql_participant_measures[] =
  "SELECT m.participant_id, m.instrument, m.date, m.total FROM measures m"
  " WHERE m.participant_id = ?1 AND m.instrument IN ('PHQ-9', 'GAD-7', 'BAM')"
  " AND m.date >= ?2 AND m.date <= ?3 AND m.complete = 1 AND m.total IS NOT NULL"
  " ORDER BY m.instrument, m.date, m.id";

static const char sql_participant_goals[] =
  "SELECT g.id, t.participant_id, g.carried_from_id, g.status, t.state, t.version"
  " FROM treatment_plans t CROSS JOIN goals g ON g.plan_id = t.id"
  " WHERE t.participant_id = ?1 ORDER BY t.version, g.position, g.id";

static const char sql_participant_progress[] =
  "SELECT e.goal_id, e.date, e.rating"
  " FROM treatment_plans t CROSS JOIN goals g ON g.plan_id = t.id"
  " CROSS JOIN progress_entries e ON e.goal_id = g.id"
  " WHERE t.participant_id = ?1 AND e.date >= ?2 AND e.date <= ?3"
  " ORDER BY e.date, e.id";

static const char sql_program_people[] =
  "SELECT " PERSON_COLUMNS " FROM participants p"
  " WHERE p.admission_date <= ?2 AND (p.discharge_date IS NULL OR p.discharge_date >= ?1)"
  " ORDER BY p.id";

static const char sql_program_sessions[] =
  "SELECT " SESSION_COLUMNS " FROM sessions s"
  " WHERE s.date >= ?1 AND s.date <= ?2 ORDER BY s.date, s.start_time, s.group_id";

/* No ORDER BY: the program report only counts, and sorting a year of every
 * group's attendance would cost more than reading it. */
static const char sql_program_attendance[] =
  "SELECT a.session_id, a.participant_id, a.status, a.minutes, a.participation"
  " FROM sessions s CROSS JOIN attendance a ON a.session_id = s.id"
  " WHERE s.date >= ?1 AND s.date <= ?2";

static const char sql_program_measures[] =
  "SELECT m.participant_id, m.instrument, m.date, m.total FROM measures m"
  " WHERE m.instrument IN ('PHQ-9', 'GAD-7', 'BAM') AND m.date >= ?1 AND m.date <= ?2"
  " AND m.complete = 1 AND m.total IS NOT NULL ORDER BY m.instrument, m.date, m.id";

static const char sql_staff[] =
  "SELECT id, full_name, role FROM staff ORDER BY id";

typedef void (*ReadRow) (sqlite3_stmt *stmt,
                         gpointer      row);

static char *
dup_or_null (sqlite3_stmt *stmt,
             int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static int
int_or_unset (sqlite3_stmt *stmt,
              int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return -1;
  return sqlite3_column_int (stmt, column);
}

/* Steps a bound statement to the end, appending one row per result. */
static GArray *
collect (IopStore      *self,
         sqlite3_stmt  *stmt,
         gsize          row_size,
         GDestroyNotify clear_row,
         ReadRow        read_row,
         GError       **error)
{
  g_autoptr(GArray) rows = g_array_sized_new (FALSE, TRUE, row_size, 16);
  int rc;

  g_array_set_clear_func (rows, clear_row);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_array_set_size (rows, rows->len + 1);
      read_row (stmt, rows->data + (rows->len - 1) * row_size);
    }
  if (rc != SQLITE_DONE)
    {
      iop_store_set_error (self, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&rows);
}

static sqlite3_stmt *
prepare_range (IopStore    *self,
               const char  *sql,
               gint64       id,
               const char  *from,
               const char  *to,
               GError     **error)
{
  sqlite3_stmt *stmt = iop_store_prepare (self, sql, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  iop_bind_text (stmt, 2, from);
  iop_bind_text (stmt, 3, to);
  return stmt;
}

static sqlite3_stmt *
prepare_program_range (IopStore    *self,
                       const char  *sql,
                       const char  *from,
                       const char  *to,
                       GError     **error)
{
  sqlite3_stmt *stmt = iop_store_prepare (self, sql, error);

  if (stmt == NULL)
    return NULL;
  iop_bind_text (stmt, 1, from);
  iop_bind_text (stmt, 2, to);
  return stmt;
}

/* Row readers and clearers */

static void
session_row_clear (gpointer data)
{
  IopReportSessionRow *row = data;

  g_free (row->date);
  g_free (row->start_time);
  g_free (row->state);
  g_free (row->signed_at);
}

static void
read_session (sqlite3_stmt *stmt,
              gpointer      data)
{
  IopReportSessionRow *row = data;

  row->id = sqlite3_column_int64 (stmt, 0);
  row->group_id = sqlite3_column_int64 (stmt, 1);
  row->date = g_strdup (iop_column_text (stmt, 2));
  row->start_time = g_strdup (iop_column_text (stmt, 3));
  row->duration_minutes = sqlite3_column_int (stmt, 4);
  row->state = g_strdup (iop_column_text (stmt, 5));
  row->facilitator_id = sqlite3_column_int64 (stmt, 6);
  for (int i = 0; i < IOP_N_CLIMATE; i++)
    row->climate[i] = int_or_unset (stmt, 7 + i);
  row->signed_at = dup_or_null (stmt, 11);
}

static void
attendance_row_clear (gpointer data)
{
  IopReportAttendanceRow *row = data;

  g_free (row->status);
}

static void
read_attendance (sqlite3_stmt *stmt,
                 gpointer      data)
{
  IopReportAttendanceRow *row = data;

  row->session_id = sqlite3_column_int64 (stmt, 0);
  row->participant_id = sqlite3_column_int64 (stmt, 1);
  row->status = dup_or_null (stmt, 2);
  row->minutes = sqlite3_column_int (stmt, 3);
  row->participation = int_or_unset (stmt, 4);
}

static void
read_rating (sqlite3_stmt *stmt,
             gpointer      data)
{
  IopReportRatingRow *row = data;

  row->session_id = sqlite3_column_int64 (stmt, 0);
  row->participant_id = sqlite3_column_int64 (stmt, 1);
  for (int i = 0; i < IOP_N_RATING; i++)
    row->item[i] = int_or_unset (stmt, 2 + i);
}

static void
enrollment_row_clear (gpointer data)
{
  IopReportEnrollmentRow *row = data;

  g_free (row->joined);
  g_free (row->left_on);
  g_free (row->reason);
}

static void
read_enrollment (sqlite3_stmt *stmt,
                 gpointer      data)
{
  IopReportEnrollmentRow *row = data;

  row->id = sqlite3_column_int64 (stmt, 0);
  row->participant_id = sqlite3_column_int64 (stmt, 1);
  row->group_id = sqlite3_column_int64 (stmt, 2);
  row->joined = g_strdup (iop_column_text (stmt, 3));
  row->left_on = dup_or_null (stmt, 4);
  row->reason = g_strdup (iop_column_text (stmt, 5));
}

static void
person_row_clear (gpointer data)
{
  IopReportPersonRow *row = data;

  g_free (row->first_name);
  g_free (row->last_name);
  g_free (row->preferred_name);
  g_free (row->level_of_care);
  g_free (row->admission_date);
  g_free (row->discharge_date);
  g_free (row->discharge_reason);
}

static void
read_person (sqlite3_stmt *stmt,
             gpointer      data)
{
  IopReportPersonRow *row = data;

  row->id = sqlite3_column_int64 (stmt, 0);
  row->first_name = g_strdup (iop_column_text (stmt, 1));
  row->last_name = g_strdup (iop_column_text (stmt, 2));
  row->preferred_name = g_strdup (iop_column_text (stmt, 3));
  row->level_of_care = g_strdup (iop_column_text (stmt, 4));
  row->admission_date = g_strdup (iop_column_text (stmt, 5));
  row->discharge_date = dup_or_null (stmt, 6);
  row->discharge_reason = g_strdup (iop_column_text (stmt, 7));
  row->primary_counselor_id = sqlite3_column_int64 (stmt, 8);
}

static void
minutes_row_clear (gpointer data)
{
  IopReportMinutesRow *row = data;

  g_free (row->date);
}

static void
read_minutes (sqlite3_stmt *stmt,
              gpointer      data)
{
  IopReportMinutesRow *row = data;

  row->participant_id = sqlite3_column_int64 (stmt, 0);
  row->date = g_strdup (iop_column_text (stmt, 1));
  row->minutes = sqlite3_column_int (stmt, 2);
}

static void
measure_row_clear (gpointer data)
{
  IopReportMeasureRow *row = data;

  g_free (row->instrument);
  g_free (row->date);
}

static void
read_measure (sqlite3_stmt *stmt,
              gpointer      data)
{
  IopReportMeasureRow *row = data;

  row->participant_id = sqlite3_column_int64 (stmt, 0);
  row->instrument = g_strdup (iop_column_text (stmt, 1));
  row->date = g_strdup (iop_column_text (stmt, 2));
  row->total = sqlite3_column_int (stmt, 3);
}

static void
goal_row_clear (gpointer data)
{
  IopReportGoalRow *row = data;

  g_free (row->status);
  g_free (row->plan_state);
}

static void
read_goal (sqlite3_stmt *stmt,
           gpointer      data)
{
  IopReportGoalRow *row = data;

  row->id = sqlite3_column_int64 (stmt, 0);
  row->participant_id = sqlite3_column_int64 (stmt, 1);
  row->carried_from_id = sqlite3_column_int64 (stmt, 2);
  row->status = g_strdup (iop_column_text (stmt, 3));
  row->plan_state = g_strdup (iop_column_text (stmt, 4));
  row->plan_version = sqlite3_column_int (stmt, 5);
}

static void
progress_row_clear (gpointer data)
{
  IopReportProgressRow *row = data;

  g_free (row->date);
}

static void
read_progress (sqlite3_stmt *stmt,
               gpointer      data)
{
  IopReportProgressRow *row = data;

  row->goal_id = sqlite3_column_int64 (stmt, 0);
  row->date = g_strdup (iop_column_text (stmt, 1));
  row->rating = sqlite3_column_int (stmt, 2);
}

static void
staff_row_clear (gpointer data)
{
  IopReportStaffRow *row = data;

  g_free (row->full_name);
  g_free (row->role);
}

static void
read_staff (sqlite3_stmt *stmt,
            gpointer      data)
{
  IopReportStaffRow *row = data;

  row->id = sqlite3_column_int64 (stmt, 0);
  row->full_name = g_strdup (iop_column_text (stmt, 1));
  row->role = g_strdup (iop_column_text (stmt, 2));
}

#define COLLECT(self, stmt, Type, clear, read, error) \
  ((stmt) == NULL ? NULL : collect ((self), (stmt), sizeof (Type), (clear), (read), (error)))

/* Public API */

/**
 * iop_store_report_begin_snapshot:
 * @self: an #IopStore
 * @out_started: (out): whether a read transaction was started, for
 *   iop_store_report_end_snapshot()
 * @error: return location for a #GError
 *
 * A report runs a dozen queries; inside one read transaction they all see the
 * same data, and SQLite locks the file once instead of once per query. Inside a
 * transaction already open on this connection, nothing is started.
 *
 * Returns: %TRUE on success
 */
gboolean
iop_store_report_begin_snapshot (IopStore  *self,
                                 gboolean  *out_started,
                                 GError   **error)
{
  g_return_val_if_fail (IOP_IS_STORE (self), FALSE);

  *out_started = FALSE;
  if (!sqlite3_get_autocommit (iop_store_get_db (self)))
    return TRUE;
  if (!iop_store_exec (self, "BEGIN DEFERRED", error))
    return FALSE;
  *out_started = TRUE;
  return TRUE;
}

void
iop_store_report_end_snapshot (IopStore *self,
                               gboolean  started)
{
  g_return_if_fail (IOP_IS_STORE (self));

  /* Nothing was written: ending the read can only fail if the connection is gone. */
  if (started && !iop_store_exec (self, "COMMIT", NULL))
    iop_store_exec (self, "ROLLBACK", NULL);
}

/**
 * iop_store_report_group_sessions:
 * @self: an #IopStore
 * @group_id: the group
 * @from: first ISO date, inclusive
 * @to: last ISO date, inclusive
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type IopReportSessionRow) (nullable): the group's
 *   sessions in the range, every state, by date and time
 */
GArray *
iop_store_report_group_sessions (IopStore    *self,
                                 gint64       group_id,
                                 const char  *from,
                                 const char  *to,
                                 GError     **error)
{
  g_return_val_if_fail (IOP_IS_STORE (self), NULL);
  return COLLECT (self, prepare_range (self, sql_group_sessions, group_id, from, to, error),
                  IopReportSessionRow, session_row_clear, read_session, error);
}

/**
 * iop_store_report_group_attendance:
 * @self: an #IopStore
 * @group_id: the group
 * @from: first ISO date, inclusive
 * @to: last ISO date, inclusive
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type IopReportAttendanceRow) (nullable): the
 *   attendance rows of the group's sessions in the range, in session order
 */
GArray *
iop_store_report_group_attendance (IopStore    *self,
                                   gint64       group_id,
                                   const char  *from,
                                   const char  *to,
                                   GError     **error)
{
  g_return_val_if_fail (IOP_IS_STORE (self), NULL);
  return COLLECT (self, prepare_range (self, sql_group_attendance, group_id, from, to, error),
                  IopReportAttendanceRow, attendance_row_clear, read_attendance, error);
}

/**
 * iop_store_report_group_ratings:
 * @self: an #IopStore
 * @group_id: the group
 * @from: first ISO date, inclusive
 * @to: last ISO date, inclusive
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type IopReportRatingRow) (nullable): members'
 *   ratings of the group's sessions in the range
 */
GArray *
iop_store_report_group_ratings (IopStore    *self,
                                gint64       group_id,
                                const char  *from,
                                const char  *to,
                                GError     **error)
{
  g_return_val_if_fail (IOP_IS_STORE (self), NULL);
  return COLLECT (self, prepare_range (self, sql_group_ratings, group_id, from, to, error),
                  IopReportRatingRow, NULL, read_rating, error);
}

/**
 * iop_store_report_group_enrollments:
 * @self: an #IopStore
 * @group_id: the group
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type IopReportEnrollmentRow) (nullable): the
 *   group's whole enrollment history, by join date
 */
GArray *
iop_store_report_group_enrollments (IopStore  *self,
                                    gint64     group_id,
                                    GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (IOP_IS_STORE (self), NULL);
  stmt = iop_store_prepare (self, sql_group_enrollments, error);
  if (stmt != NULL)
    sqlite3_bind_int64 (stmt, 1, group_id);
  return COLLECT (self, stmt, IopReportEnrollmentRow, enrollment_row_clear, read_enrollment, error);
}

/**
 * iop_store_report_group_people:
 * @self: an #IopStore
 * @group_id: the group
 * @from: first ISO date, inclusive
 * @to: last ISO date, inclusive
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type IopReportPersonRow) (nullable): everyone
 *   who was a member during the range or attended one of its sessions, by name
 */
GArray *
iop_store_report_group_people (IopStore    *self,
                               gint64       group_id,
                               const char  *from,
                               const char  *to,
                               GError     **error)
{
  g_return_val_if_fail (IOP_IS_STORE (self), NULL);
  return COLLECT (self, prepare_range (self, sql_group_people, group_id, from, to, error),
                  IopReportPersonRow, person_row_clear, read_person, error);
}

/**
 * iop_store_report_participant_minutes:
 * @self: an #IopStore
 * @participant_id: the participant
 * @from: first ISO date, inclusive
 * @to: last ISO date, inclusive
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type IopReportMinutesRow) (nullable): minutes
 *   attended in every group, by session date, for weekly hours
 */
GArray *
iop_store_report_participant_minutes (IopStore    *self,
                                      gint64       participant_id,
                                      const char  *from,
                                      const char  *to,
                                      GError     **error)
{
  g_return_val_if_fail (IOP_IS_STORE (self), NULL);
  return COLLECT (self, prepare_range (self, sql_participant_minutes, participant_id, from, to, error),
                  IopReportMinutesRow, minutes_row_clear, read_minutes, error);
}

/**
 * iop_store_report_participant_measures:
 * @self: an #IopStore
 * @participant_id: the participant
 * @from: first ISO date, inclusive
 * @to: last ISO date, inclusive
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type IopReportMeasureRow) (nullable): complete
 *   PHQ-9, GAD-7 and BAM totals in the range, by instrument then date
 */
GArray *
iop_store_report_participant_measures (IopStore    *self,
                                       gint64       participant_id,
                                       const char  *from,
                                       const char  *to,
                                       GError     **error)
{
  g_return_val_if_fail (IOP_IS_STORE (self), NULL);
  return COLLECT (self, prepare_range (self, sql_participant_measures, participant_id, from, to, error),
                  IopReportMeasureRow, measure_row_clear, read_measure, error);
}

/**
 * iop_store_report_participant_goals:
 * @self: an #IopStore
 * @participant_id: the participant
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type IopReportGoalRow) (nullable): the goals of
 *   every version of the participant's plan, by version
 */
GArray *
iop_store_report_participant_goals (IopStore  *self,
                                    gint64     participant_id,
                                    GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (IOP_IS_STORE (self), NULL);
  stmt = iop_store_prepare (self, sql_participant_goals, error);
  if (stmt != NULL)
    sqlite3_bind_int64 (stmt, 1, participant_id);
  return COLLECT (self, stmt, IopReportGoalRow, goal_row_clear, read_goal, error);
}

/**
 * iop_store_report_participant_progress:
 * @self: an #IopStore
 * @participant_id: the participant
 * @from: first ISO date, inclusive
 * @to: last ISO date, inclusive
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type IopReportProgressRow) (nullable): progress
 *   ratings on any of the participant's goals in the range, by date
 */
GArray *
iop_store_report_participant_progress (IopStore    *self,
                                       gint64       participant_id,
                                       const char  *from,
                                       const char  *to,
                                       GError     **error)
{
  g_return_val_if_fail (IOP_IS_STORE (self), NULL);
  return COLLECT (self, prepare_range (self, sql_participant_progress, participant_id, from, to, error),
                  IopReportProgressRow, progress_row_clear, read_progress, error);
}

/**
 * iop_store_report_program_people:
 * @self: an #IopStore
 * @from: first ISO date, inclusive
 * @to: last ISO date, inclusive
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type IopReportPersonRow) (nullable): everyone in
 *   the program at some point of the range
 */
GArray *
iop_store_report_program_people (IopStore    *self,
                                 const char  *from,
                                 const char  *to,
                                 GError     **error)
{
  g_return_val_if_fail (IOP_IS_STORE (self), NULL);
  return COLLECT (self, prepare_program_range (self, sql_program_people, from, to, error),
                  IopReportPersonRow, person_row_clear, read_person, error);
}

/**
 * iop_store_report_program_sessions:
 * @self: an #IopStore
 * @from: first ISO date, inclusive
 * @to: last ISO date, inclusive
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type IopReportSessionRow) (nullable): every
 *   group's sessions in the range
 */
GArray *
iop_store_report_program_sessions (IopStore    *self,
                                   const char  *from,
                                   const char  *to,
                                   GError     **error)
{
  g_return_val_if_fail (IOP_IS_STORE (self), NULL);
  return COLLECT (self, prepare_program_range (self, sql_program_sessions, from, to, error),
                  IopReportSessionRow, session_row_clear, read_session, error);
}

/**
 * iop_store_report_program_attendance:
 * @self: an #IopStore
 * @from: first ISO date, inclusive
 * @to: last ISO date, inclusive
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type IopReportAttendanceRow) (nullable): the
 *   attendance of every session in the range
 */
GArray *
iop_store_report_program_attendance (IopStore    *self,
                                     const char  *from,
                                     const char  *to,
                                     GError     **error)
{
  g_return_val_if_fail (IOP_IS_STORE (self), NULL);
  return COLLECT (self, prepare_program_range (self, sql_program_attendance, from, to, error),
                  IopReportAttendanceRow, attendance_row_clear, read_attendance, error);
}

/**
 * iop_store_report_program_measures:
 * @self: an #IopStore
 * @from: first ISO date, inclusive
 * @to: last ISO date, inclusive
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type IopReportMeasureRow) (nullable): complete
 *   PHQ-9, GAD-7 and BAM totals of everyone in the range
 */
GArray *
iop_store_report_program_measures (IopStore    *self,
                                   const char  *from,
                                   const char  *to,
                                   GError     **error)
{
  g_return_val_if_fail (IOP_IS_STORE (self), NULL);
  return COLLECT (self, prepare_program_range (self, sql_program_measures, from, to, error),
                  IopReportMeasureRow, measure_row_clear, read_measure, error);
}

/**
 * iop_store_report_staff:
 * @self: an #IopStore
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type IopReportStaffRow) (nullable): every staff
 *   member, for the documentation backlog by counselor
 */
GArray *
iop_store_report_staff (IopStore  *self,
                        GError   **error)
{
  g_return_val_if_fail (IOP_IS_STORE (self), NULL);
  return COLLECT (self, iop_store_prepare (self, sql_staff, error),
                  IopReportStaffRow, staff_row_clear, read_staff, error);
}

/**
 * iop_store_add_session_rating:
 * @self: an #IopStore
 * @session_id: the session
 * @participant_id: a member who attended it
 * @items: (array fixed-size=4): relationship, goals and topics, approach, overall;
 *   0-10 each, -1 for an item the member left blank
 * @error: return location for a #GError
 *
 * Records a member's rating of a session, given when it ends. The rating is the
 * member's own record, so it may be entered after the note is signed, but like
 * everything of a signed session it never changes afterwards: a second rating of
 * a signed session fails with %IOP_STORE_ERROR_LOCKED.
 *
 * Returns: %TRUE when saved
 */
gboolean
iop_store_add_session_rating (IopStore   *self,
                              gint64      session_id,
                              gint64      participant_id,
                              const int  *items,
                              GError    **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *state = NULL;
  g_autofree char *status = NULL;
  gboolean exists;
  gboolean any = FALSE;

  g_return_val_if_fail (IOP_IS_STORE (self), FALSE);
  g_return_val_if_fail (items != NULL, FALSE);

  for (guint i = 0; i < IOP_N_RATING; i++)
    {
      if (items[i] < -1 || items[i] > 10)
        return iop_validation_error (error, _("Session ratings go from 0 to 10."));
      any = any || items[i] >= 0;
    }
  if (!any)
    return iop_validation_error (error, _("The rating is empty."));

  stmt = iop_store_prepare (self,
                            "SELECT s.state, a.status, r.session_id IS NOT NULL FROM sessions s"
                            " LEFT JOIN attendance a ON a.session_id = s.id AND a.participant_id = ?2"
                            " LEFT JOIN session_ratings r ON r.session_id = s.id AND r.participant_id = ?2"
                            " WHERE s.id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, session_id);
  sqlite3_bind_int64 (stmt, 2, participant_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error_literal (error, IOP_STORE_ERROR, IOP_STORE_ERROR_NOT_FOUND, _("This session does not exist."));
      return FALSE;
    }
  state = g_strdup (iop_column_text (stmt, 0));
  status = g_strdup (iop_column_text (stmt, 1));
  exists = sqlite3_column_int (stmt, 2);
  sqlite3_reset (stmt);

  if (g_strcmp0 (state, "cancelled") == 0)
    return iop_validation_error (error, _("A cancelled session cannot be rated."));
  if (g_strcmp0 (status, "present") != 0 && g_strcmp0 (status, "late") != 0 && g_strcmp0 (status, "left-early") != 0)
    return iop_validation_error (error, _("Only a member who attended the session can rate it."));
  if (exists && (g_strcmp0 (state, "signed") == 0 || g_strcmp0 (state, "cosigned") == 0))
    {
      g_set_error_literal (error, IOP_STORE_ERROR, IOP_STORE_ERROR_LOCKED,
                           _("This member's rating of a signed session cannot change."));
      return FALSE;
    }

  if (!iop_store_begin (self, error))
    return FALSE;
  stmt = iop_store_prepare (self,
                            "INSERT OR REPLACE INTO session_ratings"
                            " (session_id, participant_id, relationship, goals_topics, approach, overall)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, session_id);
  sqlite3_bind_int64 (stmt, 2, participant_id);
  for (guint i = 0; i < IOP_N_RATING; i++)
    {
      if (items[i] < 0)
        sqlite3_bind_null (stmt, 3 + i);
      else
        sqlite3_bind_int (stmt, 3 + i, items[i]);
    }
  if (!iop_store_step_done (self, stmt, error)
      || !iop_store_audit (self, "rate", IOP_KIND_SESSION, session_id, participant_id, "member session rating", error))
    goto fail;
  iop_store_mark_changed (self, IOP_KIND_SESSION);
  return iop_store_commit (self, error);

fail:
  iop_store_rollback (self);
  return FALSE;
}

/**
 * iop_store_report_query_plans:
 * @self: an #IopStore
 * @error: return location for a #GError
 *
 * Explains the queries whose cost must not grow with the rest of the database.
 *
 * Returns: (transfer full) (element-type utf8) (nullable): one "name: detail" line
 *   per step of each query plan
 */
GPtrArray *
iop_store_report_query_plans (IopStore  *self,
                              GError   **error)
{
  static const struct { const char *name; const char *sql; } queries[] = {
    { "group-sessions", sql_group_sessions },
    { "group-attendance", sql_group_attendance },
    { "group-ratings", sql_group_ratings },
    { "group-enrollments", sql_group_enrollments },
    { "group-people", sql_group_people },
    { "participant-minutes", sql_participant_minutes },
    { "participant-measures", sql_participant_measures },
    { "participant-goals", sql_participant_goals },
    { "participant-progress", sql_participant_progress },
    { "program-measures", sql_program_measures },
  };
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (IOP_IS_STORE (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autofree char *sql = g_strconcat ("EXPLAIN QUERY PLAN ", queries[i].sql, NULL);
      sqlite3_stmt *stmt = NULL;
      int rc;

      /* Not cached: each is run once, and its text is built here. */
      if (sqlite3_prepare_v2 (iop_store_get_db (self), sql, -1, &stmt, NULL) != SQLITE_OK)
        {
          iop_store_set_error (self, error);
          return NULL;
        }
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_ptr_array_add (lines, g_strdup_printf ("%s: %s", queries[i].name,
                                                 (const char *) sqlite3_column_text (stmt, 3)));
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        {
          iop_store_set_error (self, error);
          return NULL;
        }
    }
  return g_steal_pointer (&lines);
}
