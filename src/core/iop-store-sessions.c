/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-store-sessions"

#include "config.h"

#include "iop-i18n.h"
#include <string.h>

#include "iop-date.h"
#include "iop-store-people.h"
#include "iop-store-private.h"
#include "iop-store-sessions.h"
#include "iop-validation.h"

/*
 * A session moves scheduled → draft (on its first edit) → signed → co-signed, or
 * is cancelled with a reason. A supervisor may return a signed session to draft
 * with a comment. Signed and co-signed sessions are locked by triggers in
 * migration 0002: the checks here give the person a clear message first, and
 * the database refuses whatever slips past them.
 */

#define SESSION_COLUMNS \
  "s.id, s.group_id, s.date, s.start_time, s.duration_minutes, s.topic, s.facilitator_id," \
  " s.co_facilitator_id, s.location, s.state, s.cancel_reason, s.one_off, s.interventions," \
  " s.group_process, s.climate_cohesion, s.climate_engagement, s.climate_avoidance," \
  " s.climate_conflict, s.signed_by, s.signed_at, s.cosigned_by, s.cosigned_at, g.name," \
  " f.full_name, cf.full_name, sb.full_name, cb.full_name," \
  " (SELECT count(*) FROM enrollments e WHERE e.group_id = s.group_id AND e.joined <= s.date" \
  "   AND (e.left_on IS NULL OR e.left_on > s.date))," \
  " (SELECT count(*) FROM attendance a WHERE a.session_id = s.id" \
  "   AND a.status IN ('present', 'late', 'left-early'))"

#define SESSION_FROM \
  " FROM sessions s JOIN groups g ON g.id = s.group_id" \
  " LEFT JOIN staff f ON f.id = s.facilitator_id LEFT JOIN staff cf ON cf.id = s.co_facilitator_id" \
  " LEFT JOIN staff sb ON sb.id = s.signed_by LEFT JOIN staff cb ON cb.id = s.cosigned_by"

#define ATTENDING "('present', 'late', 'left-early')"

/* helpers */

static gboolean
not_found (GError **error)
{
  g_set_error_literal (error, IOP_STORE_ERROR, IOP_STORE_ERROR_NOT_FOUND,
                       _("The session does not exist; it may have been removed."));
  return FALSE;
}

static gboolean
locked_error (GError **error)
{
  g_set_error_literal (error, IOP_STORE_ERROR, IOP_STORE_ERROR_LOCKED,
                       _("This session is signed and its notes are locked. Add an addendum instead."));
  return FALSE;
}

static gboolean
permission_error (GError     **error,
                  const char  *message)
{
  g_set_error_literal (error, IOP_STORE_ERROR, IOP_STORE_ERROR_PERMISSION, message);
  return FALSE;
}

static int
column_rating (sqlite3_stmt *stmt,
               int           column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, column);
}

static void
bind_rating (sqlite3_stmt *stmt,
             int           index,
             int           value)
{
  if (value < 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int (stmt, index, value);
}

static IopSession *
read_session (sqlite3_stmt *stmt)
{
  IopSession *s = iop_session_new ();

  g_object_freeze_notify (G_OBJECT (s));
  iop_session_set_id (s, sqlite3_column_int64 (stmt, 0));
  iop_session_set_group_id (s, sqlite3_column_int64 (stmt, 1));
  iop_session_set_date (s, iop_column_text (stmt, 2));
  iop_session_set_start_time (s, iop_column_text (stmt, 3));
  iop_session_set_duration_minutes (s, sqlite3_column_int (stmt, 4));
  iop_session_set_topic (s, iop_column_text (stmt, 5));
  iop_session_set_facilitator_id (s, sqlite3_column_int64 (stmt, 6));
  iop_session_set_co_facilitator_id (s, sqlite3_column_int64 (stmt, 7));
  iop_session_set_location (s, iop_column_text (stmt, 8));
  iop_session_set_state (s, iop_column_text (stmt, 9));
  iop_session_set_cancel_reason (s, iop_column_text (stmt, 10));
  iop_session_set_one_off (s, sqlite3_column_int (stmt, 11));
  iop_session_set_interventions (s, iop_column_text (stmt, 12));
  iop_session_set_group_process (s, iop_column_text (stmt, 13));
  iop_session_set_climate_cohesion (s, column_rating (stmt, 14));
  iop_session_set_climate_engagement (s, column_rating (stmt, 15));
  iop_session_set_climate_avoidance (s, column_rating (stmt, 16));
  iop_session_set_climate_conflict (s, column_rating (stmt, 17));
  iop_session_set_signed_by (s, sqlite3_column_int64 (stmt, 18));
  iop_session_set_signed_at (s, iop_column_text (stmt, 19));
  iop_session_set_cosigned_by (s, sqlite3_column_int64 (stmt, 20));
  iop_session_set_cosigned_at (s, iop_column_text (stmt, 21));
  iop_session_set_group_name (s, iop_column_text (stmt, 22));
  iop_session_set_facilitator_name (s, iop_column_text (stmt, 23));
  iop_session_set_co_facilitator_name (s, iop_column_text (stmt, 24));
  iop_session_set_signed_by_name (s, iop_column_text (stmt, 25));
  iop_session_set_cosigned_by_name (s, iop_column_text (stmt, 26));
  iop_session_set_roster_count (s, sqlite3_column_int (stmt, 27));
  iop_session_set_attended_count (s, sqlite3_column_int (stmt, 28));
  g_object_thaw_notify (G_OBJECT (s));
  return s;
}

static GListModel *
collect_sessions (IopStore      *self,
                  sqlite3_stmt  *stmt,
                  GError       **error)
{
  GListStore *list = g_list_store_new (IOP_TYPE_SESSION);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(IopSession) s = read_session (stmt);
      g_list_store_append (list, s);
    }
  if (rc != SQLITE_DONE)
    {
      iop_store_set_error (self, error);
      sqlite3_reset (stmt);
      g_object_unref (list);
      return NULL;
    }
  sqlite3_reset (stmt);
  return G_LIST_MODEL (list);
}

/* Loads a session that may still be documented; the error says why not. */
static IopSession *
get_documentable (IopStore  *self,
                  gint64     session_id,
                  gboolean   must_have_happened,
                  GError   **error)
{
  g_autoptr(IopSession) session = iop_store_get_session (self, session_id, error);
  g_autofree char *today = NULL;

  if (session == NULL)
    return NULL;
  if (iop_session_is_locked (session))
    {
      locked_error (error);
      return NULL;
    }
  if (g_strcmp0 (iop_session_get_state (session), "cancelled") == 0)
    {
      iop_validation_error (error, _("This session was cancelled; there is nothing to document."));
      return NULL;
    }
  today = iop_date_today ();
  if (must_have_happened && g_strcmp0 (iop_session_get_date (session), today) > 0)
    {
      iop_validation_error (error, _("This session has not happened yet. Document it on or after its date."));
      return NULL;
    }
  return g_steal_pointer (&session);
}

/* The first edit of a scheduled session makes it a draft. */
static gboolean
touch_draft (IopStore  *self,
             gint64     session_id,
             GError   **error)
{
  sqlite3_stmt *stmt = iop_store_prepare (self,
                                          "UPDATE sessions SET state = 'draft' WHERE id = ?1 AND state = 'scheduled'",
                                          error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, session_id);
  return iop_store_step_done (self, stmt, error);
}

static IopAttendance *
find_member (GPtrArray *attendance,
             gint64     participant_id)
{
  for (guint i = 0; i < attendance->len; i++)
    {
      IopAttendance *a = g_ptr_array_index (attendance, i);

      if (iop_attendance_get_participant_id (a) == participant_id)
        return a;
    }
  return NULL;
}

static IopStaff *
get_actor_staff (IopStore  *self,
                 GError   **error)
{
  gint64 actor = iop_store_get_actor (self);

  if (actor <= 0)
    {
      permission_error (error, _("Choose who is signing before signing or reviewing a session."));
      return NULL;
    }
  return iop_store_get_staff (self, actor, error);
}

static gboolean
is_reviewer (IopStaff *staff)
{
  return g_strcmp0 (iop_staff_get_role (staff), "supervisor") == 0
         || g_strcmp0 (iop_staff_get_role (staff), "administrator") == 0;
}

static gboolean
validate_session_fields (IopStore    *self,
                         IopSession  *session,
                         GError     **error)
{
  g_autoptr(IopGroup) group = NULL;
  int duration = iop_session_get_duration_minutes (session);

  if (!iop_date_is_valid (iop_session_get_date (session)))
    return iop_validation_error (error, _("The session date is not a real date (use YYYY-MM-DD)."));
  if (!iop_time_is_valid (iop_session_get_start_time (session)))
    return iop_validation_error (error, _("The start time is not a time of day (use HH:MM, 24-hour)."));
  if (duration <= 0 || duration > 720)
    return iop_validation_error (error, _("The session must last between 1 minute and 12 hours."));
  if (iop_session_get_facilitator_id (session) > 0
      && iop_session_get_facilitator_id (session) == iop_session_get_co_facilitator_id (session))
    return iop_validation_error (error, _("The co-facilitator must be someone other than the facilitator."));
  group = iop_store_get_group (self, iop_session_get_group_id (session), error);
  return group != NULL;
}

/* public helpers */

void
iop_signing_check_free (IopSigningCheck *check)
{
  if (check == NULL)
    return;
  g_clear_pointer (&check->names, g_array_unref);
  g_clear_pointer (&check->similar, g_array_unref);
  g_clear_object (&check->guard);
  g_free (check);
}

void
iop_session_event_free (IopSessionEvent *event)
{
  if (event == NULL)
    return;
  g_free (event->kind);
  g_free (event->at);
  g_free (event->author_name);
  g_free (event->text);
  g_free (event);
}

void
iop_hours_shortfall_free (IopHoursShortfall *shortfall)
{
  if (shortfall == NULL)
    return;
  g_free (shortfall->record_number);
  g_free (shortfall->name);
  g_free (shortfall->level_of_care);
  g_free (shortfall);
}

/**
 * iop_hours_minimum_minutes:
 * @minimums: the program's weekly minimums, in hours
 * @level_of_care: adult-iop, adolescent-iop or php
 *
 * Returns: the weekly minimum for the level of care, in minutes
 */
int
iop_hours_minimum_minutes (const IopHoursMinimums *minimums,
                           const char             *level_of_care)
{
  g_return_val_if_fail (minimums != NULL, 0);

  if (g_strcmp0 (level_of_care, "adolescent-iop") == 0)
    return (int) (minimums->adolescent_iop * 60 + 0.5);
  if (g_strcmp0 (level_of_care, "php") == 0)
    return (int) (minimums->php * 60 + 0.5);
  return (int) (minimums->adult_iop * 60 + 0.5);
}

/**
 * iop_member_note_field_label:
 * @field: 0 to 4
 *
 * Returns: (transfer none): the heading of one part of an individualized note
 */
const char *
iop_member_note_field_label (guint field)
{
  switch (field)
    {
    case 0: return _("Presentation");
    case 1: return _("Participation");
    case 2: return _("Response to interventions");
    case 3: return _("Progress toward goals");
    case 4: return _("Plan");
    default: g_return_val_if_reached ("");
    }
}

/* Sessions */

/**
 * iop_store_generate_sessions:
 * @self: an #IopStore
 * @group_id: the group, or 0 for every group that is not archived
 * @from: the first day
 * @to: the last day (at most a year after @from)
 * @out_created: (out) (optional): how many sessions were added
 * @error: return location for a #GError
 *
 * Adds the scheduled sessions of the group's weekly schedule between @from and
 * @to. Sessions that already exist (same group, date and start time, including
 * cancelled ones) are left as they are.
 *
 * Returns: %TRUE on success
 */
gboolean
iop_store_generate_sessions (IopStore    *self,
                             gint64       group_id,
                             const char  *from,
                             const char  *to,
                             guint       *out_created,
                             GError     **error)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  guint created = 0;
  int span;

  g_return_val_if_fail (IOP_IS_STORE (self), FALSE);

  if (!iop_date_is_valid (from) || !iop_date_is_valid (to))
    return iop_validation_error (error, _("The range has a date that is not a real date (use YYYY-MM-DD)."));
  span = iop_date_diff_days (from, to);
  if (span < 0)
    return iop_validation_error (error, _("The range ends before it starts."));
  if (span > 366)
    return iop_validation_error (error, _("Generate at most a year of sessions at a time."));

  if (group_id > 0)
    {
      IopGroup *group = iop_store_get_group (self, group_id, error);

      if (group == NULL)
        return FALSE;
      g_ptr_array_add (groups, group);
    }
  else
    {
      g_autoptr(GListModel) all = iop_store_list_groups (self, FALSE, error);

      if (all == NULL)
        return FALSE;
      for (guint i = 0; i < g_list_model_get_n_items (all); i++)
        g_ptr_array_add (groups, g_list_model_get_item (all, i));
    }

  if (!iop_store_begin (self, error))
    return FALSE;

  for (guint g = 0; g < groups->len; g++)
    {
      IopGroup *group = g_ptr_array_index (groups, g);
      guint for_group = 0;
      g_autofree char *detail = NULL;

      for (int d = 0; d <= span; d++)
        {
          g_autofree char *date = iop_date_add_days (from, d);

          if (!iop_group_meets_on (group, date))
            continue;
          stmt = iop_store_prepare (self,
                                    "INSERT INTO sessions (group_id, date, start_time, duration_minutes, location,"
                                    " facilitator_id, co_facilitator_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
                                    " ON CONFLICT (group_id, date, start_time) DO NOTHING",
                                    error);
          if (stmt == NULL)
            goto fail;
          sqlite3_bind_int64 (stmt, 1, iop_group_get_id (group));
          iop_bind_text (stmt, 2, date);
          iop_bind_text (stmt, 3, iop_group_get_start_time (group));
          sqlite3_bind_int (stmt, 4, iop_group_get_duration_minutes (group));
          iop_bind_text (stmt, 5, iop_group_get_location (group));
          iop_bind_id_or_null (stmt, 6, iop_group_get_facilitator_id (group));
          iop_bind_id_or_null (stmt, 7, iop_group_get_co_facilitator_id (group));
          if (!iop_store_step_done (self, stmt, error))
            goto fail;
          for_group += sqlite3_changes (iop_store_get_db (self));
        }
      if (for_group == 0)
        continue;
      detail = g_strdup_printf ("generated %u", for_group);
      if (!iop_store_audit (self, "create", IOP_KIND_SESSION, iop_group_get_id (group), 0, detail, error))
        goto fail;
      created += for_group;
    }

  if (created > 0)
    iop_store_mark_changed (self, IOP_KIND_SESSION);
  if (!iop_store_commit (self, error))
    return FALSE;
  if (out_created != NULL)
    *out_created = created;
  return TRUE;

fail:
  iop_store_rollback (self);
  return FALSE;
}

/**
 * iop_store_add_session:
 * @self: an #IopStore
 * @session: a one-off session: group, date, start time, duration, and optionally
 *   topic, location and facilitators; its id is set on success
 * @error: return location for a #GError
 *
 * Returns: %TRUE when added
 */
gboolean
iop_store_add_session (IopStore    *self,
                       IopSession  *session,
                       GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (IOP_IS_STORE (self), FALSE);
  g_return_val_if_fail (IOP_IS_SESSION (session), FALSE);

  if (!validate_session_fields (self, session, error))
    return FALSE;

  if (!iop_store_begin (self, error))
    return FALSE;
  stmt = iop_store_prepare (self,
                            "INSERT INTO sessions (group_id, date, start_time, duration_minutes, topic, location,"
                            " facilitator_id, co_facilitator_id, one_off) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 1)",
                            error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, iop_session_get_group_id (session));
  iop_bind_text (stmt, 2, iop_session_get_date (session));
  iop_bind_text (stmt, 3, iop_session_get_start_time (session));
  sqlite3_bind_int (stmt, 4, iop_session_get_duration_minutes (session));
  iop_bind_text (stmt, 5, iop_session_get_topic (session));
  iop_bind_text (stmt, 6, iop_session_get_location (session));
  iop_bind_id_or_null (stmt, 7, iop_session_get_facilitator_id (session));
  iop_bind_id_or_null (stmt, 8, iop_session_get_co_facilitator_id (session));
  if (!iop_store_step_done (self, stmt, error))
    {
      if (g_error_matches (*error, IOP_STORE_ERROR, IOP_STORE_ERROR_DUPLICATE))
        {
          g_clear_error (error);
          g_set_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_DUPLICATE,
                       _("This group already has a session on %s at %s."),
                       iop_session_get_date (session), iop_session_get_start_time (session));
        }
      goto fail;
    }
  id = sqlite3_last_insert_rowid (iop_store_get_db (self));
  if (!iop_store_audit (self, "create", IOP_KIND_SESSION, id, 0, "one-off", error))
    goto fail;
  iop_store_mark_changed (self, IOP_KIND_SESSION);
  if (!iop_store_commit (self, error))
    return FALSE;
  iop_session_set_id (session, id);
  iop_session_set_one_off (session, TRUE);
  return TRUE;

fail:
  iop_store_rollback (self);
  return FALSE;
}

/**
 * iop_store_update_session_details:
 * @self: an #IopStore
 * @session: the session with its new start time, duration, topic, location and
 *   facilitators
 * @error: return location for a #GError
 *
 * Only sessions not yet signed can change. A scheduled session becomes a draft.
 *
 * Returns: %TRUE when saved
 */
gboolean
iop_store_update_session_details (IopStore    *self,
                                  IopSession  *session,
                                  GError     **error)
{
  g_autoptr(IopSession) current = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (IOP_IS_STORE (self), FALSE);
  g_return_val_if_fail (IOP_IS_SESSION (session), FALSE);

  id = iop_session_get_id (session);
  current = get_documentable (self, id, FALSE, error);
  if (current == NULL)
    return FALSE;
  iop_session_set_group_id (session, iop_session_get_group_id (current));
  iop_session_set_date (session, iop_session_get_date (current));
  if (!validate_session_fields (self, session, error))
    return FALSE;

  /* Shortening a session must not leave anyone with more minutes than it lasted. */
  stmt = iop_store_prepare (self, "SELECT max(minutes) FROM attendance WHERE session_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) > iop_session_get_duration_minutes (session))
    {
      sqlite3_reset (stmt);
      return iop_validation_error (error, _("Someone attended longer than the new duration. Correct their minutes first."));
    }
  sqlite3_reset (stmt);

  if (!iop_store_begin (self, error))
    return FALSE;
  stmt = iop_store_prepare (self,
                            "UPDATE sessions SET start_time = ?2, duration_minutes = ?3, topic = ?4, location = ?5,"
                            " facilitator_id = ?6, co_facilitator_id = ?7,"
                            " state = CASE state WHEN 'scheduled' THEN 'draft' ELSE state END WHERE id = ?1",
                            error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  iop_bind_text (stmt, 2, iop_session_get_start_time (session));
  sqlite3_bind_int (stmt, 3, iop_session_get_duration_minutes (session));
  iop_bind_text (stmt, 4, iop_session_get_topic (session));
  iop_bind_text (stmt, 5, iop_session_get_location (session));
  iop_bind_id_or_null (stmt, 6, iop_session_get_facilitator_id (session));
  iop_bind_id_or_null (stmt, 7, iop_session_get_co_facilitator_id (session));
  if (!iop_store_step_done (self, stmt, error))
    {
      if (g_error_matches (*error, IOP_STORE_ERROR, IOP_STORE_ERROR_DUPLICATE))
        {
          g_clear_error (error);
          iop_validation_error (error, _("This group already has a session at that time on that day."));
        }
      goto fail;
    }
  if (!iop_store_audit (self, "change", IOP_KIND_SESSION, id, 0, "details", error))
    goto fail;
  iop_store_mark_changed (self, IOP_KIND_SESSION);
  return iop_store_commit (self, error);

fail:
  iop_store_rollback (self);
  return FALSE;
}

/**
 * iop_store_get_session:
 *
 * Returns: (transfer full) (nullable): the session, or %NULL with a NOT_FOUND error
 */
IopSession *
iop_store_get_session (IopStore  *self,
                       gint64     id,
                       GError   **error)
{
  sqlite3_stmt *stmt;
  IopSession *session = NULL;
  int rc;

  g_return_val_if_fail (IOP_IS_STORE (self), NULL);

  stmt = iop_store_prepare (self, "SELECT " SESSION_COLUMNS SESSION_FROM " WHERE s.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    session = read_session (stmt);
  else if (rc == SQLITE_DONE)
    not_found (error);
  else
    iop_store_set_error (self, error);
  sqlite3_reset (stmt);
  return session;
}

/**
 * iop_store_list_sessions:
 * @self: an #IopStore
 * @query: (nullable): which sessions; %NULL for all
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type IopSession): the sessions by date and time
 */
GListModel *
iop_store_list_sessions (IopStore               *self,
                         const IopSessionQuery  *query,
                         GError                **error)
{
  IopSessionQuery all = { 0 };
  sqlite3_stmt *stmt;

  g_return_val_if_fail (IOP_IS_STORE (self), NULL);

  if (query == NULL)
    query = &all;
  stmt = iop_store_prepare (self,
                            "SELECT " SESSION_COLUMNS SESSION_FROM
                            " WHERE (?1 = 0 OR s.group_id = ?1) AND (?2 IS NULL OR s.date >= ?2)"
                            " AND (?3 IS NULL OR s.date <= ?3) AND (?4 IS NULL OR s.state = ?4)"
                            " ORDER BY s.date, s.start_time, g.name COLLATE NOCASE",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, query->group_id);
  iop_bind_text_or_null (stmt, 2, query->from);
  iop_bind_text_or_null (stmt, 3, query->to);
  iop_bind_text_or_null (stmt, 4, query->state);
  return collect_sessions (self, stmt, error);
}

/**
 * iop_store_list_review_queue:
 *
 * Returns: (transfer full) (element-type IopSession): signed sessions awaiting a
 *   co-signature, oldest signature first
 */
GListModel *
iop_store_list_review_queue (IopStore  *self,
                             GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (IOP_IS_STORE (self), NULL);

  stmt = iop_store_prepare (self,
                            "SELECT " SESSION_COLUMNS SESSION_FROM
                            " WHERE s.state = 'signed' ORDER BY s.signed_at, s.date, s.start_time",
                            error);
  if (stmt == NULL)
    return NULL;
  return collect_sessions (self, stmt, error);
}

/**
 * iop_store_list_sessions_to_document:
 * @self: an #IopStore
 * @staff_id: the counselor, or 0 for everyone
 * @today: (nullable): today; %NULL for the real today
 * @error: return location for a #GError
 *
 * A counselor's to-do: sessions before today that they facilitate or
 * co-facilitate and that are not yet documented (scheduled) or not yet signed (draft).
 *
 * Returns: (transfer full) (element-type IopSession): oldest first
 */
GListModel *
iop_store_list_sessions_to_document (IopStore    *self,
                              gint64       staff_id,
                              const char  *today,
                              GError     **error)
{
  g_autofree char *real_today = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (IOP_IS_STORE (self), NULL);

  if (today == NULL)
    today = real_today = iop_date_today ();
  stmt = iop_store_prepare (self,
                            "SELECT " SESSION_COLUMNS SESSION_FROM
                            " WHERE s.date < ?2 AND s.state IN ('scheduled', 'draft')"
                            " AND (?1 = 0 OR s.facilitator_id = ?1 OR s.co_facilitator_id = ?1)"
                            " ORDER BY s.date, s.start_time",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, staff_id);
  iop_bind_text (stmt, 2, today);
  return collect_sessions (self, stmt, error);
}

/**
 * iop_store_cancel_session:
 * @self: an #IopStore
 * @session_id: a scheduled or draft session
 * @reason: why it did not take place
 * @error: return location for a #GError
 *
 * Returns: %TRUE when cancelled
 */
gboolean
iop_store_cancel_session (IopStore    *self,
                          gint64       session_id,
                          const char  *reason,
                          GError     **error)
{
  g_autoptr(IopSession) session = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (IOP_IS_STORE (self), FALSE);

  session = get_documentable (self, session_id, FALSE, error);
  if (session == NULL)
    return FALSE;
  if (iop_text_is_blank (reason))
    return iop_validation_error (error, _("Enter the reason the session is cancelled."));

  if (!iop_store_begin (self, error))
    return FALSE;
  stmt = iop_store_prepare (self, "UPDATE sessions SET state = 'cancelled', cancel_reason = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, session_id);
  iop_bind_text (stmt, 2, reason);
  if (!iop_store_step_done (self, stmt, error)
      || !iop_store_audit (self, "cancel", IOP_KIND_SESSION, session_id, 0, NULL, error))
    goto fail;
  iop_store_mark_changed (self, IOP_KIND_SESSION);
  return iop_store_commit (self, error);

fail:
  iop_store_rollback (self);
  return FALSE;
}

/* Attendance and notes */

/**
 * iop_store_list_attendance:
 * @self: an #IopStore
 * @session_id: the session
 * @error: return location for a #GError
 *
 * The attendance list: the group's roster on the session's date, from the
 * enrollment history, plus anyone with attendance or a note in this session
 * (a member who left later keeps their line). Members added since the session
 * was documented appear unmarked.
 *
 * Returns: (transfer full) (element-type IopAttendance): by last name
 */
GPtrArray *
iop_store_list_attendance (IopStore  *self,
                           gint64     session_id,
                           GError   **error)
{
  g_autoptr(IopSession) session = NULL;
  g_autoptr(GPtrArray) list = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (IOP_IS_STORE (self), NULL);

  session = iop_store_get_session (self, session_id, error);
  if (session == NULL)
    return NULL;

  stmt = iop_store_prepare (self,
                            "WITH ids (pid) AS ("
                            "  SELECT participant_id FROM enrollments WHERE group_id = ?2 AND joined <= ?3"
                            "    AND (left_on IS NULL OR left_on > ?3)"
                            "  UNION SELECT participant_id FROM attendance WHERE session_id = ?1"
                            "  UNION SELECT participant_id FROM member_notes WHERE session_id = ?1)"
                            " SELECT p.id, p.record_number, p.first_name, p.last_name, p.preferred_name,"
                            "  p.level_of_care, a.status, a.minutes, a.participation,"
                            "  EXISTS (SELECT 1 FROM enrollments e WHERE e.participant_id = p.id AND e.group_id = ?2"
                            "    AND e.joined <= ?3 AND (e.left_on IS NULL OR e.left_on > ?3)),"
                            "  n.session_id IS NOT NULL, n.presentation, n.participation, n.response, n.progress, n.plan"
                            " FROM ids JOIN participants p ON p.id = ids.pid"
                            " LEFT JOIN attendance a ON a.session_id = ?1 AND a.participant_id = p.id"
                            " LEFT JOIN member_notes n ON n.session_id = ?1 AND n.participant_id = p.id"
                            " ORDER BY p.last_name COLLATE NOCASE, p.first_name COLLATE NOCASE, p.id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, session_id);
  sqlite3_bind_int64 (stmt, 2, iop_session_get_group_id (session));
  iop_bind_text (stmt, 3, iop_session_get_date (session));

  list = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      IopAttendance *a = iop_attendance_new ();

      g_object_freeze_notify (G_OBJECT (a));
      iop_attendance_set_session_id (a, session_id);
      iop_attendance_set_participant_id (a, sqlite3_column_int64 (stmt, 0));
      iop_attendance_set_record_number (a, iop_column_text (stmt, 1));
      iop_attendance_set_first_name (a, iop_column_text (stmt, 2));
      iop_attendance_set_last_name (a, iop_column_text (stmt, 3));
      iop_attendance_set_preferred_name (a, iop_column_text (stmt, 4));
      iop_attendance_set_level_of_care (a, iop_column_text (stmt, 5));
      iop_attendance_set_status (a, iop_column_text (stmt, 6));
      iop_attendance_set_minutes (a, sqlite3_column_int (stmt, 7));
      iop_attendance_set_participation (a, column_rating (stmt, 8));
      iop_attendance_set_on_roster (a, sqlite3_column_int (stmt, 9));
      iop_attendance_set_has_note (a, sqlite3_column_int (stmt, 10));
      iop_attendance_set_note_presentation (a, iop_column_text (stmt, 11));
      iop_attendance_set_note_participation (a, iop_column_text (stmt, 12));
      iop_attendance_set_note_response (a, iop_column_text (stmt, 13));
      iop_attendance_set_note_progress (a, iop_column_text (stmt, 14));
      iop_attendance_set_note_plan (a, iop_column_text (stmt, 15));
      g_object_thaw_notify (G_OBJECT (a));
      g_ptr_array_add (list, a);
    }
  if (rc != SQLITE_DONE)
    {
      iop_store_set_error (self, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&list);
}

/**
 * iop_store_set_attendance:
 * @self: an #IopStore
 * @session_id: the session
 * @participant_id: a member on the session's attendance list
 * @status: present, late, left-early, absent or excused
 * @minutes: minutes attended; -1 for the session's duration when present. Late and
 *   left early need fewer minutes than the session lasted; absent and excused have none.
 * @participation: 0 to 4, or -1 when not rated (absent and excused: -1)
 * @error: return location for a #GError
 *
 * Returns: %TRUE when saved
 */
gboolean
iop_store_set_attendance (IopStore    *self,
                          gint64       session_id,
                          gint64       participant_id,
                          const char  *status,
                          int          minutes,
                          int          participation,
                          GError     **error)
{
  g_autoptr(IopSession) session = NULL;
  g_autoptr(GPtrArray) attendance = NULL;
  IopAttendance *member;
  sqlite3_stmt *stmt;
  int duration;
  g_autofree char *name = NULL;

  g_return_val_if_fail (IOP_IS_STORE (self), FALSE);

  session = get_documentable (self, session_id, TRUE, error);
  if (session == NULL)
    return FALSE;
  if (!g_strv_contains (iop_attendance_status_values (), status != NULL ? status : ""))
    return iop_validation_error (error, _("Choose present, late, left early, absent or excused."));
  attendance = iop_store_list_attendance (self, session_id, error);
  if (attendance == NULL)
    return FALSE;
  member = find_member (attendance, participant_id);
  if (member == NULL)
    return iop_validation_error (error, _("This participant was not a member of the group on the session's date."));
  name = iop_attendance_dup_short_name (member);

  duration = iop_session_get_duration_minutes (session);
  if (g_strcmp0 (status, "present") == 0)
    {
      if (minutes < 0)
        minutes = duration;
    }
  else if (g_strcmp0 (status, "late") == 0 || g_strcmp0 (status, "left-early") == 0)
    {
      if (minutes <= 0)
        return iop_validation_error (error, _("Enter the minutes attended by a member who came late or left early."));
      if (minutes >= duration)
        {
          g_autofree char *message =
            g_strdup_printf (_("A member who came late or left early attended fewer than the session’s %d minutes."),
                             duration);
          return iop_validation_error (error, message);
        }
    }
  else
    {
      if (minutes > 0)
        return iop_validation_error (error, _("A member who was absent or excused has no minutes attended."));
      if (participation >= 0)
        return iop_validation_error (error, _("A member who was absent or excused has no participation level."));
      if (iop_attendance_get_has_note (member) && !iop_attendance_note_is_blank (member))
        {
          g_autofree char *message =
            g_strdup_printf (_("%s has an individualized note for this session. Clear the note before marking them absent or excused."),
                             name);
          return iop_validation_error (error, message);
        }
      minutes = 0;
    }
  if (minutes > duration)
    {
      g_autofree char *message = g_strdup_printf (_("Minutes attended cannot be more than the session’s %d minutes."),
                                                  duration);
      return iop_validation_error (error, message);
    }
  if (participation < -1 || participation > IOP_PARTICIPATION_MAX)
    return iop_validation_error (error, _("Participation is rated from 0 to 4."));

  if (!iop_store_begin (self, error))
    return FALSE;
  if (iop_attendance_get_has_note (member) && !iop_attendance_status_is_attending (status))
    {
      /* the note is blank (checked above): absent and excused members have none */
      stmt = iop_store_prepare (self, "DELETE FROM member_notes WHERE session_id = ?1 AND participant_id = ?2", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, session_id);
      sqlite3_bind_int64 (stmt, 2, participant_id);
      if (!iop_store_step_done (self, stmt, error))
        goto fail;
    }
  stmt = iop_store_prepare (self,
                            "INSERT INTO attendance (session_id, participant_id, status, minutes, participation)"
                            " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (session_id, participant_id) DO UPDATE"
                            " SET status = excluded.status, minutes = excluded.minutes,"
                            " participation = excluded.participation",
                            error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, session_id);
  sqlite3_bind_int64 (stmt, 2, participant_id);
  iop_bind_text (stmt, 3, status);
  sqlite3_bind_int (stmt, 4, minutes);
  bind_rating (stmt, 5, participation);
  if (!iop_store_step_done (self, stmt, error)
      || !touch_draft (self, session_id, error)
      || !iop_store_audit (self, "change", IOP_KIND_SESSION, session_id, participant_id, "attendance", error))
    goto fail;
  iop_store_mark_changed (self, IOP_KIND_SESSION);
  return iop_store_commit (self, error);

fail:
  iop_store_rollback (self);
  return FALSE;
}

/**
 * iop_store_set_shared_note:
 * @self: an #IopStore
 * @session_id: the session
 * @topic: the session's topic
 * @interventions: the interventions used
 * @group_process: how the group went
 * @error: return location for a #GError
 *
 * Returns: %TRUE when saved
 */
gboolean
iop_store_set_shared_note (IopStore    *self,
                           gint64       session_id,
                           const char  *topic,
                           const char  *interventions,
                           const char  *group_process,
                           GError     **error)
{
  g_autoptr(IopSession) session = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (IOP_IS_STORE (self), FALSE);

  session = get_documentable (self, session_id, FALSE, error);
  if (session == NULL)
    return FALSE;

  if (!iop_store_begin (self, error))
    return FALSE;
  stmt = iop_store_prepare (self,
                            "UPDATE sessions SET topic = ?2, interventions = ?3, group_process = ?4,"
                            " state = CASE state WHEN 'scheduled' THEN 'draft' ELSE state END WHERE id = ?1",
                            error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, session_id);
  iop_bind_text (stmt, 2, topic != NULL ? topic : "");
  iop_bind_text (stmt, 3, interventions != NULL ? interventions : "");
  iop_bind_text (stmt, 4, group_process != NULL ? group_process : "");
  if (!iop_store_step_done (self, stmt, error)
      || !iop_store_audit (self, "change", IOP_KIND_SESSION, session_id, 0, "shared note", error))
    goto fail;
  iop_store_mark_changed (self, IOP_KIND_SESSION);
  return iop_store_commit (self, error);

fail:
  iop_store_rollback (self);
  return FALSE;
}

/**
 * iop_store_set_climate:
 * @self: an #IopStore
 * @session_id: the session
 * @ratings: (array fixed-size=4): cohesion, engagement, avoidance and conflict,
 *   each 0 to 6 or -1 when not rated (index by #IopClimate)
 * @error: return location for a #GError
 *
 * Returns: %TRUE when saved
 */
gboolean
iop_store_set_climate (IopStore   *self,
                       gint64      session_id,
                       const int  *ratings,
                       GError    **error)
{
  g_autoptr(IopSession) session = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (IOP_IS_STORE (self), FALSE);
  g_return_val_if_fail (ratings != NULL, FALSE);

  session = get_documentable (self, session_id, TRUE, error);
  if (session == NULL)
    return FALSE;
  for (guint i = 0; i < IOP_N_CLIMATE; i++)
    if (ratings[i] < -1 || ratings[i] > IOP_CLIMATE_MAX)
      return iop_validation_error (error, _("Climate ratings go from 0 (not at all) to 6 (very much)."));

  if (!iop_store_begin (self, error))
    return FALSE;
  stmt = iop_store_prepare (self,
                            "UPDATE sessions SET climate_cohesion = ?2, climate_engagement = ?3,"
                            " climate_avoidance = ?4, climate_conflict = ?5,"
                            " state = CASE state WHEN 'scheduled' THEN 'draft' ELSE state END WHERE id = ?1",
                            error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, session_id);
  for (guint i = 0; i < IOP_N_CLIMATE; i++)
    bind_rating (stmt, 2 + i, ratings[i]);
  if (!iop_store_step_done (self, stmt, error)
      || !iop_store_audit (self, "change", IOP_KIND_SESSION, session_id, 0, "climate", error))
    goto fail;
  iop_store_mark_changed (self, IOP_KIND_SESSION);
  return iop_store_commit (self, error);

fail:
  iop_store_rollback (self);
  return FALSE;
}

/**
 * iop_store_set_member_note:
 * @self: an #IopStore
 * @session_id: the session
 * @participant_id: a member who attended (present, late or left early)
 * @parts: (array fixed-size=5): presentation, participation, response to
 *   interventions, progress toward goals, plan
 * @error: return location for a #GError
 *
 * Absent and excused members get no note, only their attendance.
 *
 * Returns: %TRUE when saved
 */
gboolean
iop_store_set_member_note (IopStore           *self,
                           gint64              session_id,
                           gint64              participant_id,
                           const char * const *parts,
                           GError            **error)
{
  g_autoptr(IopSession) session = NULL;
  g_autoptr(GPtrArray) attendance = NULL;
  g_autofree char *name = NULL;
  IopAttendance *member;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (IOP_IS_STORE (self), FALSE);
  g_return_val_if_fail (parts != NULL, FALSE);

  session = get_documentable (self, session_id, TRUE, error);
  if (session == NULL)
    return FALSE;
  attendance = iop_store_list_attendance (self, session_id, error);
  if (attendance == NULL)
    return FALSE;
  member = find_member (attendance, participant_id);
  if (member == NULL)
    return iop_validation_error (error, _("This participant was not a member of the group on the session's date."));
  name = iop_attendance_dup_short_name (member);
  if (!iop_attendance_is_marked (member))
    {
      g_autofree char *message = g_strdup_printf (_("Mark %s’s attendance before writing their note."), name);
      return iop_validation_error (error, message);
    }
  if (!iop_attendance_is_attending (member))
    {
      g_autofree char *message =
        g_strdup_printf (_("%s did not attend this session, so there is no individualized note; their attendance is recorded."),
                         name);
      return iop_validation_error (error, message);
    }

  if (!iop_store_begin (self, error))
    return FALSE;
  stmt = iop_store_prepare (self,
                            "INSERT INTO member_notes (session_id, participant_id, presentation, participation,"
                            " response, progress, plan) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
                            " ON CONFLICT (session_id, participant_id) DO UPDATE SET"
                            " presentation = excluded.presentation, participation = excluded.participation,"
                            " response = excluded.response, progress = excluded.progress, plan = excluded.plan",
                            error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, session_id);
  sqlite3_bind_int64 (stmt, 2, participant_id);
  for (guint i = 0; i < IOP_MEMBER_NOTE_N_FIELDS; i++)
    iop_bind_text (stmt, 3 + i, parts[i] != NULL ? parts[i] : "");
  if (!iop_store_step_done (self, stmt, error)
      || !touch_draft (self, session_id, error)
      || !iop_store_audit (self, "change", IOP_KIND_SESSION, session_id, participant_id, "member note", error))
    goto fail;
  iop_store_mark_changed (self, IOP_KIND_SESSION);
  return iop_store_commit (self, error);

fail:
  iop_store_rollback (self);
  return FALSE;
}

/**
 * iop_store_dup_session_name_guard:
 * @self: an #IopStore
 * @session_id: the session
 * @error: return location for a #GError
 *
 * A name guard with everyone who could be named in this session's notes: the
 * group's members past and present and anyone on its attendance list.
 *
 * Returns: (transfer full) (nullable): the guard
 */
IopNameGuard *
iop_store_dup_session_name_guard (IopStore  *self,
                                  gint64     session_id,
                                  GError   **error)
{
  g_autoptr(IopSession) session = NULL;
  g_autoptr(IopNameGuard) guard = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (IOP_IS_STORE (self), NULL);

  session = iop_store_get_session (self, session_id, error);
  if (session == NULL)
    return NULL;
  stmt = iop_store_prepare (self,
                            "SELECT p.id, p.first_name, p.last_name, p.preferred_name FROM participants p"
                            " WHERE p.id IN (SELECT participant_id FROM enrollments WHERE group_id = ?2"
                            "  UNION SELECT participant_id FROM attendance WHERE session_id = ?1"
                            "  UNION SELECT participant_id FROM member_notes WHERE session_id = ?1)",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, session_id);
  sqlite3_bind_int64 (stmt, 2, iop_session_get_group_id (session));
  guard = iop_name_guard_new ();
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    iop_name_guard_add_participant (guard, sqlite3_column_int64 (stmt, 0), iop_column_text (stmt, 1),
                                    iop_column_text (stmt, 2), iop_column_text (stmt, 3));
  if (rc != SQLITE_DONE)
    {
      iop_store_set_error (self, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&guard);
}

/* Signing and review */

static void
clear_name_issue (gpointer data)
{
  IopNameIssue *issue = data;

  g_clear_pointer (&issue->text, g_free);
}

static const char *
note_part (IopAttendance *a,
           guint          field)
{
  switch (field)
    {
    case 0: return iop_attendance_get_note_presentation (a);
    case 1: return iop_attendance_get_note_participation (a);
    case 2: return iop_attendance_get_note_response (a);
    case 3: return iop_attendance_get_note_progress (a);
    case 4: return iop_attendance_get_note_plan (a);
    default: g_return_val_if_reached ("");
    }
}

/**
 * iop_store_check_session_notes:
 * @self: an #IopStore
 * @session_id: the session
 * @error: return location for a #GError
 *
 * What signing will ask about: other members' names in each individualized note,
 * and pairs of individualized notes at least %IOP_SIMILARITY_WARNING alike.
 *
 * Returns: (transfer full) (nullable): the findings
 */
IopSigningCheck *
iop_store_check_session_notes (IopStore  *self,
                               gint64     session_id,
                               GError   **error)
{
  g_autoptr(GPtrArray) attendance = NULL;
  g_autoptr(IopSigningCheck) check = g_new0 (IopSigningCheck, 1);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (IOP_IS_STORE (self), NULL);

  check->names = g_array_new (FALSE, FALSE, sizeof (IopNameIssue));
  g_array_set_clear_func (check->names, clear_name_issue);
  check->similar = g_array_new (FALSE, FALSE, sizeof (IopSimilarNotes));
  check->guard = iop_store_dup_session_name_guard (self, session_id, error);
  if (check->guard == NULL)
    return NULL;
  attendance = iop_store_list_attendance (self, session_id, error);
  if (attendance == NULL)
    return NULL;

  for (guint i = 0; i < attendance->len; i++)
    {
      IopAttendance *a = g_ptr_array_index (attendance, i);
      gint64 pid = iop_attendance_get_participant_id (a);

      if (!iop_attendance_get_has_note (a) || iop_attendance_note_is_blank (a))
        continue;
      for (guint f = 0; f < IOP_MEMBER_NOTE_N_FIELDS; f++)
        {
          const char *text = note_part (a, f);
          g_autoptr(GArray) matches = iop_name_guard_find (check->guard, text, pid);

          for (guint m = 0; m < matches->len; m++)
            {
              const IopNameMatch *match = &g_array_index (matches, IopNameMatch, m);
              IopNameIssue issue = { pid, match->participant_id, f,
                                     g_strndup (text + match->start, match->end - match->start) };

              g_array_append_val (check->names, issue);
            }
        }
      g_ptr_array_add (texts, iop_attendance_dup_note_text (a));
      g_array_append_val (ids, pid);
    }

  for (guint i = 0; i < texts->len; i++)
    for (guint j = i + 1; j < texts->len; j++)
      {
        double similarity = iop_text_similarity (g_ptr_array_index (texts, i), g_ptr_array_index (texts, j));

        if (similarity >= IOP_SIMILARITY_WARNING)
          {
            IopSimilarNotes pair = { g_array_index (ids, gint64, i), g_array_index (ids, gint64, j), similarity };
            g_array_append_val (check->similar, pair);
          }
      }

  return g_steal_pointer (&check);
}

/**
 * iop_store_sign_session:
 * @self: an #IopStore
 * @session_id: a draft session
 * @flags: what the signer has reviewed and accepted
 * @error: return location for a #GError
 *
 * Signs the session as the acting staff member and locks its notes. Every
 * member must have their attendance marked, every member who attended an
 * individualized note, and the shared note a topic and group process. Unless
 * @flags accept them, names of other members in individualized notes and
 * near-identical notes refuse the signature (see iop_store_check_session_notes()).
 *
 * Returns: %TRUE when signed
 */
gboolean
iop_store_sign_session (IopStore      *self,
                        gint64         session_id,
                        IopSignFlags   flags,
                        GError       **error)
{
  g_autoptr(IopSession) session = NULL;
  g_autoptr(IopStaff) signer = NULL;
  g_autoptr(GPtrArray) attendance = NULL;
  g_autoptr(IopSigningCheck) check = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (IOP_IS_STORE (self), FALSE);

  session = iop_store_get_session (self, session_id, error);
  if (session == NULL)
    return FALSE;
  if (iop_session_is_locked (session))
    {
      g_set_error_literal (error, IOP_STORE_ERROR, IOP_STORE_ERROR_LOCKED,
                           _("This session is already signed. Add an addendum to change it."));
      return FALSE;
    }
  g_clear_object (&session);
  session = get_documentable (self, session_id, TRUE, error);
  if (session == NULL)
    return FALSE;
  if (g_strcmp0 (iop_session_get_state (session), "scheduled") == 0)
    return iop_validation_error (error, _("Record the attendance and the group note before signing."));
  signer = get_actor_staff (self, error);
  if (signer == NULL)
    return FALSE;

  attendance = iop_store_list_attendance (self, session_id, error);
  if (attendance == NULL)
    return FALSE;
  for (guint i = 0; i < attendance->len; i++)
    {
      IopAttendance *a = g_ptr_array_index (attendance, i);
      g_autofree char *name = iop_attendance_dup_short_name (a);

      if (!iop_attendance_is_marked (a))
        {
          g_autofree char *message = g_strdup_printf (_("Mark attendance for every member before signing: %s is not marked."),
                                                      name);
          return iop_validation_error (error, message);
        }
      if (iop_attendance_is_attending (a) && iop_attendance_note_is_blank (a))
        {
          g_autofree char *message = g_strdup_printf (_("Write the individualized note for %s before signing."), name);
          return iop_validation_error (error, message);
        }
    }
  if (iop_text_is_blank (iop_session_get_topic (session)) || iop_text_is_blank (iop_session_get_group_process (session)))
    return iop_validation_error (error, _("Write the shared group note (topic and group process) before signing."));

  check = iop_store_check_session_notes (self, session_id, error);
  if (check == NULL)
    return FALSE;
  if (check->names->len > 0 && !(flags & IOP_SIGN_ACCEPT_NAMES))
    return iop_validation_error (error, _("An individualized note names another group member. Review the marked names before signing."));
  if (check->similar->len > 0 && !(flags & IOP_SIGN_ACCEPT_SIMILAR))
    return iop_validation_error (error, _("Two individualized notes are nearly identical. Make each note about its member before signing."));

  now = iop_timestamp_now ();
  if (!iop_store_begin (self, error))
    return FALSE;
  stmt = iop_store_prepare (self,
                            "UPDATE sessions SET state = 'signed', signed_by = ?2, signed_at = ?3,"
                            " cosigned_by = NULL, cosigned_at = NULL WHERE id = ?1 AND state = 'draft'",
                            error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, session_id);
  sqlite3_bind_int64 (stmt, 2, iop_staff_get_id (signer));
  iop_bind_text (stmt, 3, now);
  if (!iop_store_step_done (self, stmt, error)
      || !iop_store_audit (self, "sign", IOP_KIND_SESSION, session_id, 0, NULL, error))
    goto fail;
  iop_store_mark_changed (self, IOP_KIND_SESSION);
  return iop_store_commit (self, error);

fail:
  iop_store_rollback (self);
  return FALSE;
}

static gboolean
record_review (IopStore    *self,
               gint64       session_id,
               gint64       reviewer_id,
               const char  *at,
               const char  *action,
               const char  *comment,
               GError     **error)
{
  sqlite3_stmt *stmt = iop_store_prepare (self,
                                          "INSERT INTO session_reviews (session_id, reviewer_id, at, action, comment)"
                                          " VALUES (?1, ?2, ?3, ?4, ?5)",
                                          error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, session_id);
  sqlite3_bind_int64 (stmt, 2, reviewer_id);
  iop_bind_text (stmt, 3, at);
  iop_bind_text (stmt, 4, action);
  iop_bind_text (stmt, 5, comment != NULL ? comment : "");
  return iop_store_step_done (self, stmt, error);
}

static IopStaff *
check_reviewable (IopStore    *self,
                  IopSession  *session,
                  GError     **error)
{
  g_autoptr(IopStaff) reviewer = NULL;

  if (g_strcmp0 (iop_session_get_state (session), "signed") != 0)
    {
      if (g_strcmp0 (iop_session_get_state (session), "cosigned") == 0)
        g_set_error_literal (error, IOP_STORE_ERROR, IOP_STORE_ERROR_LOCKED,
                             _("This session is already co-signed."));
      else
        iop_validation_error (error, _("Only a signed session can be reviewed."));
      return NULL;
    }
  reviewer = get_actor_staff (self, error);
  if (reviewer == NULL)
    return NULL;
  if (!is_reviewer (reviewer))
    {
      permission_error (error, _("Only a supervisor can co-sign or return a session."));
      return NULL;
    }
  if (iop_staff_get_id (reviewer) == iop_session_get_signed_by (session))
    {
      permission_error (error, _("You signed this session; another supervisor must review it."));
      return NULL;
    }
  return g_steal_pointer (&reviewer);
}

/**
 * iop_store_cosign_session:
 * @self: an #IopStore
 * @session_id: a signed session
 * @error: return location for a #GError
 *
 * Co-signs as the acting staff member, who must be a supervisor and not the signer.
 *
 * Returns: %TRUE when co-signed
 */
gboolean
iop_store_cosign_session (IopStore  *self,
                          gint64     session_id,
                          GError   **error)
{
  g_autoptr(IopSession) session = NULL;
  g_autoptr(IopStaff) reviewer = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (IOP_IS_STORE (self), FALSE);

  session = iop_store_get_session (self, session_id, error);
  if (session == NULL)
    return FALSE;
  reviewer = check_reviewable (self, session, error);
  if (reviewer == NULL)
    return FALSE;

  now = iop_timestamp_now ();
  if (!iop_store_begin (self, error))
    return FALSE;
  if (!record_review (self, session_id, iop_staff_get_id (reviewer), now, "cosign", NULL, error))
    goto fail;
  stmt = iop_store_prepare (self,
                            "UPDATE sessions SET state = 'cosigned', cosigned_by = ?2, cosigned_at = ?3"
                            " WHERE id = ?1 AND state = 'signed'",
                            error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, session_id);
  sqlite3_bind_int64 (stmt, 2, iop_staff_get_id (reviewer));
  iop_bind_text (stmt, 3, now);
  if (!iop_store_step_done (self, stmt, error)
      || !iop_store_audit (self, "cosign", IOP_KIND_SESSION, session_id, 0, NULL, error))
    goto fail;
  iop_store_mark_changed (self, IOP_KIND_SESSION);
  return iop_store_commit (self, error);

fail:
  iop_store_rollback (self);
  return FALSE;
}

/**
 * iop_store_return_session:
 * @self: an #IopStore
 * @session_id: a signed session
 * @comment: what needs to change
 * @error: return location for a #GError
 *
 * A supervisor returns a signed session to its author: it becomes a draft
 * again, and the return and its comment are recorded for good.
 *
 * Returns: %TRUE when returned
 */
gboolean
iop_store_return_session (IopStore    *self,
                          gint64       session_id,
                          const char  *comment,
                          GError     **error)
{
  g_autoptr(IopSession) session = NULL;
  g_autoptr(IopStaff) reviewer = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (IOP_IS_STORE (self), FALSE);

  session = iop_store_get_session (self, session_id, error);
  if (session == NULL)
    return FALSE;
  reviewer = check_reviewable (self, session, error);
  if (reviewer == NULL)
    return FALSE;
  if (iop_text_is_blank (comment))
    return iop_validation_error (error, _("Say what needs to change before returning the session."));

  now = iop_timestamp_now ();
  if (!iop_store_begin (self, error))
    return FALSE;
  /* The review comes first: the lock trigger lets a signed session back to
   * draft only when a return is on record. */
  if (!record_review (self, session_id, iop_staff_get_id (reviewer), now, "return", comment, error))
    goto fail;
  stmt = iop_store_prepare (self,
                            "UPDATE sessions SET state = 'draft', signed_by = NULL, signed_at = NULL"
                            " WHERE id = ?1 AND state = 'signed'",
                            error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, session_id);
  if (!iop_store_step_done (self, stmt, error)
      || !iop_store_audit (self, "return", IOP_KIND_SESSION, session_id, 0, NULL, error))
    goto fail;
  iop_store_mark_changed (self, IOP_KIND_SESSION);
  return iop_store_commit (self, error);

fail:
  iop_store_rollback (self);
  return FALSE;
}

/**
 * iop_store_add_session_addendum:
 * @self: an #IopStore
 * @session_id: a signed or co-signed session
 * @participant_id: the member it concerns, or 0 for the session as a whole
 * @text: the addendum
 * @error: return location for a #GError
 *
 * The only way to add to a signed session; addenda are permanent.
 *
 * Returns: %TRUE when added
 */
gboolean
iop_store_add_session_addendum (IopStore    *self,
                                gint64       session_id,
                                gint64       participant_id,
                                const char  *text,
                                GError     **error)
{
  g_autoptr(IopSession) session = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (IOP_IS_STORE (self), FALSE);

  session = iop_store_get_session (self, session_id, error);
  if (session == NULL)
    return FALSE;
  if (!iop_session_is_locked (session))
    return iop_validation_error (error, _("Addenda are for signed sessions. Edit the draft instead."));
  if (iop_text_is_blank (text))
    return iop_validation_error (error, _("Write the addendum."));
  if (iop_store_get_actor (self) <= 0)
    return permission_error (error, _("Choose who is signing before adding an addendum."));
  if (participant_id > 0)
    {
      g_autoptr(GPtrArray) attendance = iop_store_list_attendance (self, session_id, error);

      if (attendance == NULL)
        return FALSE;
      if (find_member (attendance, participant_id) == NULL)
        return iop_validation_error (error, _("This participant was not a member of the group on the session's date."));
    }

  now = iop_timestamp_now ();
  if (!iop_store_begin (self, error))
    return FALSE;
  stmt = iop_store_prepare (self,
                            "INSERT INTO session_addenda (session_id, participant_id, author_id, created_at, text)"
                            " VALUES (?1, ?2, ?3, ?4, ?5)",
                            error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, session_id);
  iop_bind_id_or_null (stmt, 2, participant_id);
  iop_bind_id_or_null (stmt, 3, iop_store_get_actor (self));
  iop_bind_text (stmt, 4, now);
  iop_bind_text (stmt, 5, text);
  if (!iop_store_step_done (self, stmt, error)
      || !iop_store_audit (self, "addendum", IOP_KIND_SESSION, session_id, participant_id, NULL, error))
    goto fail;
  iop_store_mark_changed (self, IOP_KIND_SESSION);
  return iop_store_commit (self, error);

fail:
  iop_store_rollback (self);
  return FALSE;
}

/**
 * iop_store_list_session_events:
 * @self: an #IopStore
 * @session_id: the session
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type IopSessionEvent): addenda, co-signatures
 *   and returns, oldest first
 */
GPtrArray *
iop_store_list_session_events (IopStore  *self,
                               gint64     session_id,
                               GError   **error)
{
  g_autoptr(GPtrArray) events = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (IOP_IS_STORE (self), NULL);

  stmt = iop_store_prepare (self,
                            "SELECT kind, at, author_id, author_name, participant_id, text FROM ("
                            " SELECT 'addendum' AS kind, a.created_at AS at, a.author_id AS author_id,"
                            "  st.full_name AS author_name, a.participant_id AS participant_id, a.text AS text,"
                            "  a.id AS id"
                            " FROM session_addenda a LEFT JOIN staff st ON st.id = a.author_id WHERE a.session_id = ?1"
                            " UNION ALL"
                            " SELECT r.action, r.at, r.reviewer_id, st.full_name, NULL, r.comment, r.id"
                            " FROM session_reviews r LEFT JOIN staff st ON st.id = r.reviewer_id WHERE r.session_id = ?1)"
                            /* within one second: a return, then a co-signature, then addenda */
                            " ORDER BY at, CASE kind WHEN 'return' THEN 0 WHEN 'cosign' THEN 1 ELSE 2 END, id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, session_id);
  events = g_ptr_array_new_with_free_func ((GDestroyNotify) iop_session_event_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      IopSessionEvent *event = g_new0 (IopSessionEvent, 1);

      event->kind = g_strdup (iop_column_text (stmt, 0));
      event->at = g_strdup (iop_column_text (stmt, 1));
      event->author_id = sqlite3_column_int64 (stmt, 2);
      event->author_name = g_strdup (iop_column_text (stmt, 3));
      event->participant_id = sqlite3_column_int64 (stmt, 4);
      event->text = g_strdup (iop_column_text (stmt, 5));
      g_ptr_array_add (events, event);
    }
  if (rc != SQLITE_DONE)
    {
      iop_store_set_error (self, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&events);
}

/* IOP hours */

/**
 * iop_store_list_weekly_hours:
 * @self: an #IopStore
 * @participant_id: the participant
 * @from: the first day; its week is the first week
 * @to: the last day
 * @minimums: the weekly minimums for each level of care
 * @error: return location for a #GError
 *
 * Minutes and days attended per week (weeks start on Monday), from attendance in
 * sessions that were not cancelled, with the participant's weekly minimum.
 * Every week of the range is listed, weeks without attendance too.
 *
 * Returns: (transfer full) (element-type IopWeekHours): oldest week first
 */
GArray *
iop_store_list_weekly_hours (IopStore               *self,
                             gint64                  participant_id,
                             const char             *from,
                             const char             *to,
                             const IopHoursMinimums *minimums,
                             GError                **error)
{
  g_autoptr(IopParticipant) participant = NULL;
  g_autoptr(GArray) weeks = NULL;
  g_autofree char *first_week = NULL;
  g_autofree char *last_day = NULL;
  g_autofree char *previous_date = NULL;
  sqlite3_stmt *stmt;
  int minimum;
  int n_weeks;
  int rc;

  g_return_val_if_fail (IOP_IS_STORE (self), NULL);
  g_return_val_if_fail (minimums != NULL, NULL);

  if (!iop_date_is_valid (from) || !iop_date_is_valid (to))
    {
      iop_validation_error (error, _("The range has a date that is not a real date (use YYYY-MM-DD)."));
      return NULL;
    }
  if (g_strcmp0 (from, to) > 0)
    {
      iop_validation_error (error, _("The range ends before it starts."));
      return NULL;
    }
  participant = iop_store_get_participant (self, participant_id, error);
  if (participant == NULL)
    return NULL;
  minimum = iop_hours_minimum_minutes (minimums, iop_participant_get_level_of_care (participant));

  first_week = iop_date_week_start (from);
  n_weeks = iop_date_diff_days (first_week, to) / 7 + 1;
  weeks = g_array_sized_new (FALSE, TRUE, sizeof (IopWeekHours), n_weeks);
  for (int w = 0; w < n_weeks; w++)
    {
      IopWeekHours week = { { 0 }, 0, 0, minimum };
      g_autofree char *start = iop_date_add_days (first_week, 7 * w);

      g_strlcpy (week.week_start, start, sizeof week.week_start);
      g_array_append_val (weeks, week);
    }

  stmt = iop_store_prepare (self,
                            "SELECT s.date, a.minutes FROM attendance a JOIN sessions s ON s.id = a.session_id"
                            " WHERE a.participant_id = ?1 AND s.state <> 'cancelled' AND a.status IN " ATTENDING
                            " AND s.date >= ?2 AND s.date <= ?3 ORDER BY s.date",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, participant_id);
  iop_bind_text (stmt, 2, first_week);
  iop_bind_text (stmt, 3, to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *date = iop_column_text (stmt, 0);
      int w = iop_date_diff_days (first_week, date) / 7;
      IopWeekHours *week;

      if (w < 0 || w >= n_weeks)
        continue;
      week = &g_array_index (weeks, IopWeekHours, w);
      week->minutes += sqlite3_column_int (stmt, 1);
      if (g_strcmp0 (previous_date, date) != 0)
        week->days++;
      g_free (previous_date);
      previous_date = g_strdup (date);
    }
  if (rc != SQLITE_DONE)
    {
      iop_store_set_error (self, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&weeks);
}

static int
compare_shortfall (gconstpointer a,
                   gconstpointer b)
{
  const IopHoursShortfall *sa = *(const IopHoursShortfall **) a;
  const IopHoursShortfall *sb = *(const IopHoursShortfall **) b;
  double ra = sa->minimum_minutes > 0 ? (double) sa->minutes / sa->minimum_minutes : 1;
  double rb = sb->minimum_minutes > 0 ? (double) sb->minutes / sb->minimum_minutes : 1;

  if (ra != rb)
    return ra < rb ? -1 : 1;
  return g_utf8_collate (sa->name, sb->name);
}

/**
 * iop_store_list_under_minimum:
 * @self: an #IopStore
 * @week_start: (nullable): any day of the week; %NULL for this week
 * @minimums: the weekly minimums for each level of care
 * @error: return location for a #GError
 *
 * Participants in the program that week (admitted by its end, not discharged
 * before it began, not on hold) who attended less than their level of care's
 * weekly minimum. For the current week the hours are those so far.
 *
 * Returns: (transfer full) (element-type IopHoursShortfall): furthest below first
 */
GPtrArray *
iop_store_list_under_minimum (IopStore               *self,
                              const char             *week_start,
                              const IopHoursMinimums *minimums,
                              GError                **error)
{
  g_autofree char *today = NULL;
  g_autofree char *monday = NULL;
  g_autofree char *sunday = NULL;
  g_autoptr(GPtrArray) list = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (IOP_IS_STORE (self), NULL);
  g_return_val_if_fail (minimums != NULL, NULL);

  if (week_start == NULL)
    week_start = today = iop_date_today ();
  if (!iop_date_is_valid (week_start))
    {
      iop_validation_error (error, _("The week is not a real date (use YYYY-MM-DD)."));
      return NULL;
    }
  monday = iop_date_week_start (week_start);
  sunday = iop_date_add_days (monday, 6);

  stmt = iop_store_prepare (self,
                            "SELECT p.id, p.record_number, p.first_name, p.last_name, p.preferred_name, p.level_of_care,"
                            " (SELECT coalesce (sum (a.minutes), 0) FROM attendance a JOIN sessions s ON s.id = a.session_id"
                            "   WHERE a.participant_id = p.id AND s.state <> 'cancelled' AND a.status IN " ATTENDING
                            "   AND s.date BETWEEN ?1 AND ?2),"
                            " (SELECT count (DISTINCT s.date) FROM attendance a JOIN sessions s ON s.id = a.session_id"
                            "   WHERE a.participant_id = p.id AND s.state <> 'cancelled' AND a.status IN " ATTENDING
                            "   AND s.date BETWEEN ?1 AND ?2)"
                            " FROM participants p WHERE p.admission_date <= ?2"
                            " AND (p.discharge_date IS NULL OR p.discharge_date > ?1) AND p.status <> 'on-hold'",
                            error);
  if (stmt == NULL)
    return NULL;
  iop_bind_text (stmt, 1, monday);
  iop_bind_text (stmt, 2, sunday);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) iop_hours_shortfall_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *level = iop_column_text (stmt, 5);
      int minimum = iop_hours_minimum_minutes (minimums, level);
      int minutes = sqlite3_column_int (stmt, 6);
      const char *preferred = iop_column_text (stmt, 4);
      IopHoursShortfall *s;

      if (minutes >= minimum)
        continue;
      s = g_new0 (IopHoursShortfall, 1);
      s->participant_id = sqlite3_column_int64 (stmt, 0);
      s->record_number = g_strdup (iop_column_text (stmt, 1));
      s->name = g_strdup_printf ("%s %s", *preferred ? preferred : iop_column_text (stmt, 2), iop_column_text (stmt, 3));
      s->level_of_care = g_strdup (level);
      s->minutes = minutes;
      s->days = sqlite3_column_int (stmt, 7);
      s->minimum_minutes = minimum;
      g_ptr_array_add (list, s);
    }
  if (rc != SQLITE_DONE)
    {
      iop_store_set_error (self, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  g_ptr_array_sort (list, compare_shortfall);
  return g_steal_pointer (&list);
}
