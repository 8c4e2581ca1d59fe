/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-store-people"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "iop-date.h"
#include "iop-store-people.h"
#include "iop-store-private.h"
#include "iop-validation.h"

/* Column lists shared by the SELECTs and the row readers below. */
#define PARTICIPANT_COLUMNS \
  "p.id, p.record_number, p.first_name, p.last_name, p.preferred_name, p.pronouns," \
  " p.date_of_birth, p.primary_language, p.level_of_care, p.admission_date, p.discharge_date," \
  " p.discharge_reason, p.status, p.primary_counselor_id, p.diagnoses, p.co_occurring, p.phone," \
  " p.email, p.address, p.emergency_name, p.emergency_phone, p.emergency_relationship"

#define GROUP_COLUMNS \
  "g.id, g.name, g.type, g.enrollment, g.min_size, g.max_size, g.weekdays, g.start_time," \
  " g.duration_minutes, g.location, g.facilitator_id, g.co_facilitator_id, g.start_date," \
  " g.end_date, g.archived"

#define ENROLLMENT_COLUMNS \
  "e.id, e.participant_id, e.group_id, e.joined, e.left_on, e.reason, e.capacity_override," \
  " e.closed_override, p.first_name, p.last_name, p.preferred_name, p.record_number, g.name"

#define ENROLLMENT_FROM \
  " FROM enrollments e JOIN participants p ON p.id = e.participant_id" \
  " JOIN groups g ON g.id = e.group_id"

/* Members on a date: joined on or before it, not yet left. */
#define MEMBER_ON_DATE "e.joined <= ?2 AND (e.left_on IS NULL OR e.left_on > ?2)"

static gboolean
not_found (GError     **error,
           const char  *message)
{
  g_set_error_literal (error, IOP_STORE_ERROR, IOP_STORE_ERROR_NOT_FOUND, message);
  return FALSE;
}

static IopStaff *
read_staff (sqlite3_stmt *stmt)
{
  IopStaff *staff = iop_staff_new ();

  iop_staff_set_id (staff, sqlite3_column_int64 (stmt, 0));
  iop_staff_set_username (staff, iop_column_text (stmt, 1));
  iop_staff_set_full_name (staff, iop_column_text (stmt, 2));
  iop_staff_set_role (staff, iop_column_text (stmt, 3));
  iop_staff_set_active (staff, sqlite3_column_int (stmt, 4));
  return staff;
}

static IopParticipant *
read_participant (sqlite3_stmt *stmt)
{
  IopParticipant *p = iop_participant_new ();

  g_object_freeze_notify (G_OBJECT (p));
  iop_participant_set_id (p, sqlite3_column_int64 (stmt, 0));
  iop_participant_set_record_number (p, iop_column_text (stmt, 1));
  iop_participant_set_first_name (p, iop_column_text (stmt, 2));
  iop_participant_set_last_name (p, iop_column_text (stmt, 3));
  iop_participant_set_preferred_name (p, iop_column_text (stmt, 4));
  iop_participant_set_pronouns (p, iop_column_text (stmt, 5));
  iop_participant_set_date_of_birth (p, iop_column_text (stmt, 6));
  iop_participant_set_primary_language (p, iop_column_text (stmt, 7));
  iop_participant_set_level_of_care (p, iop_column_text (stmt, 8));
  iop_participant_set_admission_date (p, iop_column_text (stmt, 9));
  iop_participant_set_discharge_date (p, iop_column_text (stmt, 10));
  iop_participant_set_discharge_reason (p, iop_column_text (stmt, 11));
  iop_participant_set_status (p, iop_column_text (stmt, 12));
  iop_participant_set_primary_counselor_id (p, sqlite3_column_int64 (stmt, 13));
  iop_participant_set_diagnoses (p, iop_column_text (stmt, 14));
  iop_participant_set_co_occurring (p, sqlite3_column_int (stmt, 15));
  iop_participant_set_phone (p, iop_column_text (stmt, 16));
  iop_participant_set_email (p, iop_column_text (stmt, 17));
  iop_participant_set_address (p, iop_column_text (stmt, 18));
  iop_participant_set_emergency_name (p, iop_column_text (stmt, 19));
  iop_participant_set_emergency_phone (p, iop_column_text (stmt, 20));
  iop_participant_set_emergency_relationship (p, iop_column_text (stmt, 21));
  g_object_thaw_notify (G_OBJECT (p));
  return p;
}

static IopGroup *
read_group (sqlite3_stmt *stmt)
{
  IopGroup *g = iop_group_new ();

  g_object_freeze_notify (G_OBJECT (g));
  iop_group_set_id (g, sqlite3_column_int64 (stmt, 0));
  iop_group_set_name (g, iop_column_text (stmt, 1));
  iop_group_set_group_type (g, iop_column_text (stmt, 2));
  iop_group_set_enrollment (g, iop_column_text (stmt, 3));
  iop_group_set_min_size (g, sqlite3_column_int (stmt, 4));
  iop_group_set_max_size (g, sqlite3_column_int (stmt, 5));
  iop_group_set_weekdays (g, sqlite3_column_int (stmt, 6));
  iop_group_set_start_time (g, iop_column_text (stmt, 7));
  iop_group_set_duration_minutes (g, sqlite3_column_int (stmt, 8));
  iop_group_set_location (g, iop_column_text (stmt, 9));
  iop_group_set_facilitator_id (g, sqlite3_column_int64 (stmt, 10));
  iop_group_set_co_facilitator_id (g, sqlite3_column_int64 (stmt, 11));
  iop_group_set_start_date (g, iop_column_text (stmt, 12));
  iop_group_set_end_date (g, iop_column_text (stmt, 13));
  iop_group_set_archived (g, sqlite3_column_int (stmt, 14));
  g_object_thaw_notify (G_OBJECT (g));
  return g;
}

static IopEnrollment *
read_enrollment (sqlite3_stmt *stmt)
{
  IopEnrollment *e = iop_enrollment_new ();
  const char *preferred = iop_column_text (stmt, 10);
  g_autofree char *name = g_strdup_printf ("%s %s", *preferred ? preferred : iop_column_text (stmt, 8),
                                           iop_column_text (stmt, 9));

  g_object_freeze_notify (G_OBJECT (e));
  iop_enrollment_set_id (e, sqlite3_column_int64 (stmt, 0));
  iop_enrollment_set_participant_id (e, sqlite3_column_int64 (stmt, 1));
  iop_enrollment_set_group_id (e, sqlite3_column_int64 (stmt, 2));
  iop_enrollment_set_joined (e, iop_column_text (stmt, 3));
  iop_enrollment_set_left_on (e, iop_column_text (stmt, 4));
  iop_enrollment_set_reason (e, iop_column_text (stmt, 5));
  iop_enrollment_set_capacity_override (e, sqlite3_column_int (stmt, 6));
  iop_enrollment_set_closed_override (e, sqlite3_column_int (stmt, 7));
  iop_enrollment_set_participant_name (e, name);
  iop_enrollment_set_record_number (e, iop_column_text (stmt, 11));
  iop_enrollment_set_group_name (e, iop_column_text (stmt, 12));
  g_object_thaw_notify (G_OBJECT (e));
  return e;
}

static gboolean
staff_exists (IopStore *self,
              gint64    id)
{
  sqlite3_stmt *stmt;
  gboolean found;

  if (id <= 0)
    return TRUE;
  stmt = iop_store_prepare (self, "SELECT 1 FROM staff WHERE id = ?1", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

/* Staff */

/**
 * iop_store_add_staff:
 * @self: an #IopStore
 * @staff: the staff member; its id is set on success
 * @error: return location for a #GError
 *
 * Returns: %TRUE when saved
 */
gboolean
iop_store_add_staff (IopStore  *self,
                     IopStaff  *staff,
                     GError   **error)
{
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (IOP_IS_STORE (self), FALSE);
  g_return_val_if_fail (IOP_IS_STAFF (staff), FALSE);

  if (iop_text_is_blank (iop_staff_get_username (staff)))
    return iop_validation_error (error, _("Enter a user name."));
  if (iop_text_is_blank (iop_staff_get_full_name (staff)))
    return iop_validation_error (error, _("Enter the staff member's full name."));
  if (!g_strv_contains (iop_staff_role_values (), iop_staff_get_role (staff)))
    return iop_validation_error (error, _("Choose a role."));

  if (!iop_store_begin (self, error))
    return FALSE;
  stmt = iop_store_prepare (self,
                            "INSERT INTO staff (username, full_name, role, active) VALUES (?1, ?2, ?3, ?4)",
                            error);
  if (stmt == NULL)
    goto fail;
  iop_bind_text (stmt, 1, iop_staff_get_username (staff));
  iop_bind_text (stmt, 2, iop_staff_get_full_name (staff));
  iop_bind_text (stmt, 3, iop_staff_get_role (staff));
  sqlite3_bind_int (stmt, 4, iop_staff_get_active (staff));
  if (!iop_store_step_done (self, stmt, error))
    {
      if (g_error_matches (*error, IOP_STORE_ERROR, IOP_STORE_ERROR_DUPLICATE))
        {
          g_clear_error (error);
          g_set_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_DUPLICATE,
                       _("The user name “%s” is already taken."), iop_staff_get_username (staff));
        }
      goto fail;
    }
  id = sqlite3_last_insert_rowid (iop_store_get_db (self));
  if (!iop_store_audit (self, "create", IOP_KIND_STAFF, id, 0, iop_staff_get_role (staff), error))
    goto fail;
  if (!iop_store_commit (self, error))
    return FALSE;

  iop_staff_set_id (staff, id);
  iop_store_mark_changed (self, IOP_KIND_STAFF);
  return TRUE;

fail:
  iop_store_rollback (self);
  return FALSE;
}

/**
 * iop_store_get_staff:
 *
 * Returns: (transfer full) (nullable): the staff member
 */
IopStaff *
iop_store_get_staff (IopStore  *self,
                     gint64     id,
                     GError   **error)
{
  sqlite3_stmt *stmt;
  IopStaff *staff = NULL;

  g_return_val_if_fail (IOP_IS_STORE (self), NULL);

  stmt = iop_store_prepare (self, "SELECT id, username, full_name, role, active FROM staff WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    staff = read_staff (stmt);
  sqlite3_reset (stmt);
  if (staff == NULL)
    not_found (error, _("This staff member does not exist."));
  return staff;
}

/**
 * iop_store_find_staff:
 *
 * Returns: (transfer full) (nullable): the staff member with @username
 */
IopStaff *
iop_store_find_staff (IopStore   *self,
                      const char *username)
{
  sqlite3_stmt *stmt;
  IopStaff *staff = NULL;

  g_return_val_if_fail (IOP_IS_STORE (self), NULL);

  stmt = iop_store_prepare (self,
                            "SELECT id, username, full_name, role, active FROM staff WHERE username = ?1",
                            NULL);
  if (stmt == NULL)
    return NULL;
  iop_bind_text (stmt, 1, username);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    staff = read_staff (stmt);
  sqlite3_reset (stmt);
  return staff;
}

/**
 * iop_store_list_staff:
 *
 * Returns: (transfer full): a #GListModel of #IopStaff, by name
 */
GListModel *
iop_store_list_staff (IopStore  *self,
                      GError   **error)
{
  g_autoptr(GListStore) list = g_list_store_new (IOP_TYPE_STAFF);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (IOP_IS_STORE (self), NULL);

  stmt = iop_store_prepare (self,
                            "SELECT id, username, full_name, role, active FROM staff"
                            " ORDER BY full_name COLLATE NOCASE", error);
  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(IopStaff) staff = read_staff (stmt);
      g_list_store_append (list, staff);
    }
  sqlite3_reset (stmt);
  return G_LIST_MODEL (g_steal_pointer (&list));
}

/* Participants */

static void
bind_participant (sqlite3_stmt   *stmt,
                  IopParticipant *p)
{
  iop_bind_text (stmt, 1, iop_participant_get_record_number (p));
  iop_bind_text (stmt, 2, iop_participant_get_first_name (p));
  iop_bind_text (stmt, 3, iop_participant_get_last_name (p));
  iop_bind_text (stmt, 4, iop_participant_get_preferred_name (p));
  iop_bind_text (stmt, 5, iop_participant_get_pronouns (p));
  iop_bind_text_or_null (stmt, 6, iop_participant_get_date_of_birth (p));
  iop_bind_text (stmt, 7, iop_participant_get_primary_language (p));
  iop_bind_text (stmt, 8, iop_participant_get_level_of_care (p));
  iop_bind_text (stmt, 9, iop_participant_get_admission_date (p));
  iop_bind_text_or_null (stmt, 10, iop_participant_get_discharge_date (p));
  iop_bind_text (stmt, 11, iop_participant_get_discharge_reason (p));
  iop_bind_text (stmt, 12, iop_participant_get_status (p));
  iop_bind_id_or_null (stmt, 13, iop_participant_get_primary_counselor_id (p));
  iop_bind_text (stmt, 14, iop_participant_get_diagnoses (p));
  sqlite3_bind_int (stmt, 15, iop_participant_get_co_occurring (p));
  iop_bind_text (stmt, 16, iop_participant_get_phone (p));
  iop_bind_text (stmt, 17, iop_participant_get_email (p));
  iop_bind_text (stmt, 18, iop_participant_get_address (p));
  iop_bind_text (stmt, 19, iop_participant_get_emergency_name (p));
  iop_bind_text (stmt, 20, iop_participant_get_emergency_phone (p));
  iop_bind_text (stmt, 21, iop_participant_get_emergency_relationship (p));
}

static gboolean
check_participant (IopStore        *self,
                   IopParticipant  *p,
                   GError         **error)
{
  g_autoptr(IopParticipant) other = NULL;

  if (!iop_participant_validate (p, error))
    return FALSE;
  if (!staff_exists (self, iop_participant_get_primary_counselor_id (p)))
    return iop_validation_error (error, _("The primary counselor is not on the staff list."));

  other = iop_store_find_participant (self, iop_participant_get_record_number (p), NULL);
  if (other != NULL && iop_participant_get_id (other) != iop_participant_get_id (p))
    {
      g_set_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_DUPLICATE,
                   _("The record number “%s” already belongs to another participant."),
                   iop_participant_get_record_number (p));
      return FALSE;
    }
  return TRUE;
}

/**
 * iop_store_add_participant:
 * @self: an #IopStore
 * @participant: the new participant; its id is set on success
 * @error: return location for a #GError
 *
 * Validates and saves a new participant. Nothing is written when a rule fails.
 *
 * Returns: %TRUE when saved
 */
gboolean
iop_store_add_participant (IopStore        *self,
                           IopParticipant  *participant,
                           GError         **error)
{
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (IOP_IS_STORE (self), FALSE);
  g_return_val_if_fail (IOP_IS_PARTICIPANT (participant), FALSE);

  if (!check_participant (self, participant, error))
    return FALSE;

  if (!iop_store_begin (self, error))
    return FALSE;
  stmt = iop_store_prepare (self,
                            "INSERT INTO participants (record_number, first_name, last_name,"
                            " preferred_name, pronouns, date_of_birth, primary_language, level_of_care,"
                            " admission_date, discharge_date, discharge_reason, status,"
                            " primary_counselor_id, diagnoses, co_occurring, phone, email, address,"
                            " emergency_name, emergency_phone, emergency_relationship)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
                            " ?15, ?16, ?17, ?18, ?19, ?20, ?21)", error);
  if (stmt == NULL)
    goto fail;
  bind_participant (stmt, participant);
  if (!iop_store_step_done (self, stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (iop_store_get_db (self));
  if (!iop_store_audit (self, "create", IOP_KIND_PARTICIPANT, id, id, NULL, error))
    goto fail;
  iop_store_mark_changed (self, IOP_KIND_PARTICIPANT);
  if (!iop_store_commit (self, error))
    return FALSE;

  iop_participant_set_id (participant, id);
  return TRUE;

fail:
  iop_store_rollback (self);
  return FALSE;
}

/**
 * iop_store_update_participant:
 * @self: an #IopStore
 * @participant: the participant, with its id
 * @error: return location for a #GError
 *
 * Returns: %TRUE when saved
 */
gboolean
iop_store_update_participant (IopStore        *self,
                              IopParticipant  *participant,
                              GError         **error)
{
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (IOP_IS_STORE (self), FALSE);
  g_return_val_if_fail (IOP_IS_PARTICIPANT (participant), FALSE);

  id = iop_participant_get_id (participant);
  if (!check_participant (self, participant, error))
    return FALSE;

  if (!iop_store_begin (self, error))
    return FALSE;
  stmt = iop_store_prepare (self,
                            "UPDATE participants SET record_number = ?1, first_name = ?2, last_name = ?3,"
                            " preferred_name = ?4, pronouns = ?5, date_of_birth = ?6,"
                            " primary_language = ?7, level_of_care = ?8, admission_date = ?9,"
                            " discharge_date = ?10, discharge_reason = ?11, status = ?12,"
                            " primary_counselor_id = ?13, diagnoses = ?14, co_occurring = ?15,"
                            " phone = ?16, email = ?17, address = ?18, emergency_name = ?19,"
                            " emergency_phone = ?20, emergency_relationship = ?21 WHERE id = ?22", error);
  if (stmt == NULL)
    goto fail;
  bind_participant (stmt, participant);
  sqlite3_bind_int64 (stmt, 22, id);
  if (!iop_store_step_done (self, stmt, error))
    goto fail;
  if (sqlite3_changes (iop_store_get_db (self)) == 0)
    {
      not_found (error, _("This participant no longer exists."));
      goto fail;
    }
  if (!iop_store_audit (self, "change", IOP_KIND_PARTICIPANT, id, id, NULL, error))
    goto fail;
  iop_store_mark_changed (self, IOP_KIND_PARTICIPANT);
  return iop_store_commit (self, error);

fail:
  iop_store_rollback (self);
  return FALSE;
}

/**
 * iop_store_discharge_participant:
 * @self: an #IopStore
 * @participant_id: who is discharged
 * @date: the discharge date
 * @reason: why (required)
 * @error: return location for a #GError
 *
 * Discharges the participant and ends every group membership open on @date,
 * in one transaction.
 *
 * Returns: %TRUE when saved
 */
gboolean
iop_store_discharge_participant (IopStore    *self,
                                 gint64       participant_id,
                                 const char  *date,
                                 const char  *reason,
                                 GError     **error)
{
  g_autoptr(IopParticipant) p = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (IOP_IS_STORE (self), FALSE);

  p = iop_store_get_participant (self, participant_id, error);
  if (p == NULL)
    return FALSE;
  if (g_strcmp0 (iop_participant_get_status (p), "discharged") == 0)
    return iop_validation_error (error, _("This participant is already discharged."));
  if (iop_text_is_blank (reason))
    return iop_validation_error (error, _("Enter the reason for the discharge."));

  iop_participant_set_status (p, "discharged");
  iop_participant_set_discharge_date (p, date);
  iop_participant_set_discharge_reason (p, reason);
  if (!iop_participant_validate (p, error))
    return FALSE;

  if (!iop_store_begin (self, error))
    return FALSE;

  /* A membership that began after the discharge date cannot end before it began. */
  stmt = iop_store_prepare (self,
                            "SELECT 1 FROM enrollments WHERE participant_id = ?1 AND left_on IS NULL"
                            " AND joined > ?2", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, participant_id);
  iop_bind_text (stmt, 2, date);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      iop_validation_error (error, _("The participant joined a group after this discharge date."));
      goto fail;
    }
  sqlite3_reset (stmt);

  stmt = iop_store_prepare (self,
                            "UPDATE enrollments SET left_on = ?2, reason = ?3"
                            " WHERE participant_id = ?1 AND left_on IS NULL", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, participant_id);
  iop_bind_text (stmt, 2, date);
  iop_bind_text (stmt, 3, _("Discharged from the program"));
  if (!iop_store_step_done (self, stmt, error))
    goto fail;

  if (!iop_store_update_participant (self, p, error)
      || !iop_store_audit (self, "discharge", IOP_KIND_PARTICIPANT, participant_id, participant_id,
                           NULL, error))
    goto fail;
  iop_store_mark_changed (self, IOP_KIND_ENROLLMENT);
  return iop_store_commit (self, error);

fail:
  iop_store_rollback (self);
  return FALSE;
}

/**
 * iop_store_get_participant:
 *
 * Returns: (transfer full) (nullable): the participant
 */
IopParticipant *
iop_store_get_participant (IopStore  *self,
                           gint64     id,
                           GError   **error)
{
  sqlite3_stmt *stmt;
  IopParticipant *p = NULL;

  g_return_val_if_fail (IOP_IS_STORE (self), NULL);

  stmt = iop_store_prepare (self, "SELECT " PARTICIPANT_COLUMNS " FROM participants p WHERE p.id = ?1",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    p = read_participant (stmt);
  sqlite3_reset (stmt);
  if (p == NULL)
    not_found (error, _("This participant does not exist."));
  return p;
}

/**
 * iop_store_find_participant:
 *
 * Returns: (transfer full) (nullable): the participant with @record_number
 */
IopParticipant *
iop_store_find_participant (IopStore    *self,
                            const char  *record_number,
                            GError     **error)
{
  sqlite3_stmt *stmt;
  IopParticipant *p = NULL;

  g_return_val_if_fail (IOP_IS_STORE (self), NULL);

  stmt = iop_store_prepare (self,
                            "SELECT " PARTICIPANT_COLUMNS " FROM participants p WHERE p.record_number = ?1",
                            error);
  if (stmt == NULL)
    return NULL;
  iop_bind_text (stmt, 1, record_number);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    p = read_participant (stmt);
  sqlite3_reset (stmt);
  if (p == NULL)
    g_set_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_NOT_FOUND,
                 _("No participant has the record number “%s”."), record_number);
  return p;
}

/**
 * iop_store_list_participants:
 *
 * Returns: (transfer full) (element-type IopParticipant): everyone, by last name
 */
GPtrArray *
iop_store_list_participants (IopStore  *self,
                             GError   **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (IOP_IS_STORE (self), NULL);

  stmt = iop_store_prepare (self,
                            "SELECT " PARTICIPANT_COLUMNS " FROM participants p"
                            " ORDER BY p.last_name COLLATE NOCASE, p.first_name COLLATE NOCASE, p.id",
                            error);
  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (list, read_participant (stmt));
  sqlite3_reset (stmt);
  return g_steal_pointer (&list);
}

/* Turns what a person typed into an FTS5 query: each word a quoted prefix term. */
static char *
fts_query_for (const char *text)
{
  g_autoptr(GString) query = g_string_new (NULL);
  g_auto(GStrv) words = NULL;
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);

  if (normal == NULL)
    return NULL;
  words = g_strsplit_set (normal, " \t\n,;", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autoptr(GString) word = g_string_new (NULL);

      for (const char *c = words[i]; *c; c = g_utf8_next_char (c))
        {
          gunichar ch = g_utf8_get_char (c);
          /* Keep letters and digits; FTS5's tokenizer drops the rest anyway. */
          if (g_unichar_isalnum (ch) || ch == '-' || ch == '\'')
            g_string_append_unichar (word, ch == '-' || ch == '\'' ? ' ' : ch);
        }
      g_strstrip (word->str);
      word->len = strlen (word->str);
      if (word->len == 0)
        continue;
      if (query->len > 0)
        g_string_append (query, " AND ");
      /* Within quotes, an inner space makes a phrase: "o neil"* matches O'Neil. */
      g_string_append_printf (query, "\"%s\"*", word->str);
    }
  return query->len > 0 ? g_string_free (g_steal_pointer (&query), FALSE) : NULL;
}

/**
 * iop_store_search_participants:
 * @self: an #IopStore
 * @text: (nullable): what the person typed; empty or %NULL lists everyone
 * @active_only: leave out discharged participants
 * @error: return location for a #GError
 *
 * Searches names, preferred names and record numbers by word prefix, accents
 * folded.
 *
 * Returns: (transfer full) (element-type gint64): matching participant ids, by last name
 */
GArray *
iop_store_search_participants (IopStore    *self,
                               const char  *text,
                               gboolean     active_only,
                               GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *query = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (IOP_IS_STORE (self), NULL);

  if (text != NULL)
    query = fts_query_for (text);

  if (query == NULL)
    stmt = iop_store_prepare (self,
                              "SELECT p.id FROM participants p"
                              " WHERE (?1 = 0 OR p.status <> 'discharged')"
                              " ORDER BY p.last_name COLLATE NOCASE, p.first_name COLLATE NOCASE, p.id",
                              error);
  else
    stmt = iop_store_prepare (self,
                              "SELECT p.id FROM participants_fts f JOIN participants p ON p.id = f.rowid"
                              " WHERE participants_fts MATCH ?2 AND (?1 = 0 OR p.status <> 'discharged')"
                              " ORDER BY p.last_name COLLATE NOCASE, p.first_name COLLATE NOCASE, p.id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, active_only);
  if (query != NULL)
    iop_bind_text (stmt, 2, query);

  for (;;)
    {
      int rc = sqlite3_step (stmt);
      gint64 id;

      if (rc == SQLITE_DONE)
        break;
      if (rc != SQLITE_ROW)
        {
          iop_store_set_error (self, error);
          sqlite3_reset (stmt);
          return NULL;
        }
      id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&ids);
}

/**
 * iop_store_list_participant_keys:
 * @self: an #IopStore
 * @error: return location for a #GError
 *
 * Everyone's id in display order (last name, first name), with whether they are
 * discharged: what a list needs to sort once and filter by set membership after.
 *
 * Returns: (transfer full) (element-type IopParticipantKey): the keys
 */
GArray *
iop_store_list_participant_keys (IopStore  *self,
                                 GError   **error)
{
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (IopParticipantKey));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (IOP_IS_STORE (self), NULL);

  stmt = iop_store_prepare (self,
                            "SELECT id, status = 'discharged' FROM participants INDEXED BY participants_sort"
                            " ORDER BY last_name COLLATE NOCASE, first_name COLLATE NOCASE", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      IopParticipantKey key = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int (stmt, 1) };
      g_array_append_val (keys, key);
    }
  if (rc != SQLITE_DONE)
    {
      iop_store_set_error (self, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&keys);
}

/**
 * iop_store_match_participants:
 * @self: an #IopStore
 * @text: what the person typed
 * @error: return location for a #GError
 *
 * The ids matching @text by word prefix (names, preferred name, record number,
 * accents folded), in no particular order. Sorting is left to the caller, who
 * already holds the order; that keeps a keystroke well inside one frame.
 *
 * Returns: (transfer full) (nullable) (element-type gint64): the ids, or %NULL
 *   with no error when @text has no words (everyone matches)
 */
GArray *
iop_store_match_participants (IopStore    *self,
                              const char  *text,
                              GError     **error)
{
  g_autoptr(GArray) ids = NULL;
  g_autofree char *query = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (IOP_IS_STORE (self), NULL);

  query = text != NULL ? fts_query_for (text) : NULL;
  if (query == NULL)
    return NULL;

  stmt = iop_store_prepare (self, "SELECT rowid FROM participants_fts WHERE participants_fts MATCH ?1",
                            error);
  if (stmt == NULL)
    return NULL;
  iop_bind_text (stmt, 1, query);
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      iop_store_set_error (self, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&ids);
}

guint
iop_store_count_participants (IopStore *self)
{
  sqlite3_stmt *stmt;
  guint n = 0;

  g_return_val_if_fail (IOP_IS_STORE (self), 0);

  stmt = iop_store_prepare (self, "SELECT count(*) FROM participants", NULL);
  if (stmt == NULL)
    return 0;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

/* Groups */

static void
bind_group (sqlite3_stmt *stmt,
            IopGroup     *g)
{
  iop_bind_text (stmt, 1, iop_group_get_name (g));
  iop_bind_text (stmt, 2, iop_group_get_group_type (g));
  iop_bind_text (stmt, 3, iop_group_get_enrollment (g));
  sqlite3_bind_int (stmt, 4, iop_group_get_min_size (g));
  sqlite3_bind_int (stmt, 5, iop_group_get_max_size (g));
  sqlite3_bind_int (stmt, 6, iop_group_get_weekdays (g));
  iop_bind_text (stmt, 7, iop_group_get_start_time (g));
  sqlite3_bind_int (stmt, 8, iop_group_get_duration_minutes (g));
  iop_bind_text (stmt, 9, iop_group_get_location (g));
  iop_bind_id_or_null (stmt, 10, iop_group_get_facilitator_id (g));
  iop_bind_id_or_null (stmt, 11, iop_group_get_co_facilitator_id (g));
  iop_bind_text (stmt, 12, iop_group_get_start_date (g));
  iop_bind_text_or_null (stmt, 13, iop_group_get_end_date (g));
  sqlite3_bind_int (stmt, 14, iop_group_get_archived (g));
}

static gboolean
check_group (IopStore  *self,
             IopGroup  *g,
             GError   **error)
{
  if (!iop_group_validate (g, error))
    return FALSE;
  if (!staff_exists (self, iop_group_get_facilitator_id (g))
      || !staff_exists (self, iop_group_get_co_facilitator_id (g)))
    return iop_validation_error (error, _("A facilitator is not on the staff list."));
  return TRUE;
}

/**
 * iop_store_add_group:
 * @self: an #IopStore
 * @group: the new group; its id is set on success
 * @error: return location for a #GError
 *
 * Returns: %TRUE when saved
 */
gboolean
iop_store_add_group (IopStore  *self,
                     IopGroup  *group,
                     GError   **error)
{
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (IOP_IS_STORE (self), FALSE);
  g_return_val_if_fail (IOP_IS_GROUP (group), FALSE);

  if (!check_group (self, group, error))
    return FALSE;

  if (!iop_store_begin (self, error))
    return FALSE;
  stmt = iop_store_prepare (self,
                            "INSERT INTO groups (name, type, enrollment, min_size, max_size, weekdays,"
                            " start_time, duration_minutes, location, facilitator_id, co_facilitator_id,"
                            " start_date, end_date, archived)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)", error);
  if (stmt == NULL)
    goto fail;
  bind_group (stmt, group);
  if (!iop_store_step_done (self, stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (iop_store_get_db (self));
  if (!iop_store_audit (self, "create", IOP_KIND_GROUP, id, 0, NULL, error))
    goto fail;
  iop_store_mark_changed (self, IOP_KIND_GROUP);
  if (!iop_store_commit (self, error))
    return FALSE;

  iop_group_set_id (group, id);
  return TRUE;

fail:
  iop_store_rollback (self);
  return FALSE;
}

/**
 * iop_store_update_group:
 *
 * Returns: %TRUE when saved
 */
gboolean
iop_store_update_group (IopStore  *self,
                        IopGroup  *group,
                        GError   **error)
{
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (IOP_IS_STORE (self), FALSE);
  g_return_val_if_fail (IOP_IS_GROUP (group), FALSE);

  id = iop_group_get_id (group);
  if (!check_group (self, group, error))
    return FALSE;

  if (!iop_store_begin (self, error))
    return FALSE;
  stmt = iop_store_prepare (self,
                            "UPDATE groups SET name = ?1, type = ?2, enrollment = ?3, min_size = ?4,"
                            " max_size = ?5, weekdays = ?6, start_time = ?7, duration_minutes = ?8,"
                            " location = ?9, facilitator_id = ?10, co_facilitator_id = ?11,"
                            " start_date = ?12, end_date = ?13, archived = ?14 WHERE id = ?15", error);
  if (stmt == NULL)
    goto fail;
  bind_group (stmt, group);
  sqlite3_bind_int64 (stmt, 15, id);
  if (!iop_store_step_done (self, stmt, error))
    goto fail;
  if (sqlite3_changes (iop_store_get_db (self)) == 0)
    {
      not_found (error, _("This group no longer exists."));
      goto fail;
    }
  if (!iop_store_audit (self, "change", IOP_KIND_GROUP, id, 0, NULL, error))
    goto fail;
  iop_store_mark_changed (self, IOP_KIND_GROUP);
  return iop_store_commit (self, error);

fail:
  iop_store_rollback (self);
  return FALSE;
}

/**
 * iop_store_set_group_archived:
 *
 * Archiving keeps the group and its history but takes it off the active list.
 *
 * Returns: %TRUE when saved
 */
gboolean
iop_store_set_group_archived (IopStore  *self,
                              gint64     group_id,
                              gboolean   archived,
                              GError   **error)
{
  g_autoptr(IopGroup) group = NULL;

  g_return_val_if_fail (IOP_IS_STORE (self), FALSE);

  group = iop_store_get_group (self, group_id, error);
  if (group == NULL)
    return FALSE;
  iop_group_set_archived (group, archived);
  return iop_store_update_group (self, group, error);
}

static guint
count_members (IopStore   *self,
               gint64      group_id,
               const char *date)
{
  sqlite3_stmt *stmt;
  guint n = 0;

  stmt = iop_store_prepare (self,
                            "SELECT count(*) FROM enrollments e WHERE e.group_id = ?1 AND " MEMBER_ON_DATE,
                            NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, group_id);
  iop_bind_text (stmt, 2, date);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

/**
 * iop_store_get_group:
 *
 * Returns: (transfer full) (nullable): the group, with today's member count
 */
IopGroup *
iop_store_get_group (IopStore  *self,
                     gint64     id,
                     GError   **error)
{
  g_autofree char *today = iop_date_today ();
  sqlite3_stmt *stmt;
  IopGroup *g = NULL;

  g_return_val_if_fail (IOP_IS_STORE (self), NULL);

  stmt = iop_store_prepare (self, "SELECT " GROUP_COLUMNS " FROM groups g WHERE g.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    g = read_group (stmt);
  sqlite3_reset (stmt);
  if (g == NULL)
    {
      not_found (error, _("This group does not exist."));
      return NULL;
    }
  iop_group_set_member_count (g, count_members (self, id, today));
  return g;
}

/**
 * iop_store_list_groups:
 * @self: an #IopStore
 * @include_archived: also list archived groups
 * @error: return location for a #GError
 *
 * Returns: (transfer full): a #GListModel of #IopGroup by name, each with today's member count
 */
GListModel *
iop_store_list_groups (IopStore  *self,
                       gboolean   include_archived,
                       GError   **error)
{
  g_autoptr(GListStore) list = g_list_store_new (IOP_TYPE_GROUP);
  g_autofree char *today = iop_date_today ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (IOP_IS_STORE (self), NULL);

  stmt = iop_store_prepare (self,
                            "SELECT " GROUP_COLUMNS ","
                            " (SELECT count(*) FROM enrollments e WHERE e.group_id = g.id AND "
                            MEMBER_ON_DATE ")"
                            " FROM groups g WHERE (?1 OR NOT g.archived)"
                            " ORDER BY g.archived, g.name COLLATE NOCASE", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, include_archived);
  iop_bind_text (stmt, 2, today);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(IopGroup) g = read_group (stmt);

      iop_group_set_member_count (g, sqlite3_column_int (stmt, 15));
      g_list_store_append (list, g);
    }
  sqlite3_reset (stmt);
  return G_LIST_MODEL (g_steal_pointer (&list));
}

/* Enrollments */

static gboolean
is_member_on (IopStore   *self,
              gint64      participant_id,
              gint64      group_id,
              const char *date)
{
  sqlite3_stmt *stmt;
  gboolean member;

  /* Any stay that overlaps a new one starting on @date: still open, or ending after it. */
  stmt = iop_store_prepare (self,
                            "SELECT 1 FROM enrollments e WHERE e.participant_id = ?1 AND e.group_id = ?3"
                            " AND (e.left_on IS NULL OR e.left_on > ?2)", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, participant_id);
  iop_bind_text (stmt, 2, date);
  sqlite3_bind_int64 (stmt, 3, group_id);
  member = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return member;
}

/**
 * iop_store_enroll:
 * @self: an #IopStore
 * @participant_id: who joins
 * @group_id: the group
 * @joined: the first day of membership
 * @flags: overrides the user confirmed
 * @out_enrollment_id: (out) (optional): the new enrollment
 * @error: return location for a #GError
 *
 * Adds a participant to a group's roster. A full group fails with
 * %IOP_STORE_ERROR_CAPACITY and a closed one with %IOP_STORE_ERROR_CLOSED
 * unless the matching override is given; overrides are recorded.
 *
 * Returns: %TRUE when saved
 */
gboolean
iop_store_enroll (IopStore        *self,
                  gint64           participant_id,
                  gint64           group_id,
                  const char      *joined,
                  IopEnrollFlags   flags,
                  gint64          *out_enrollment_id,
                  GError         **error)
{
  g_autoptr(IopParticipant) p = NULL;
  g_autoptr(IopGroup) g = NULL;
  gboolean over_capacity, closed;
  sqlite3_stmt *stmt;
  gint64 id;
  guint members;

  g_return_val_if_fail (IOP_IS_STORE (self), FALSE);

  if (!iop_date_is_valid (joined))
    return iop_validation_error (error, _("The joining date is not a real date (use YYYY-MM-DD)."));
  p = iop_store_get_participant (self, participant_id, error);
  if (p == NULL)
    return FALSE;
  g = iop_store_get_group (self, group_id, error);
  if (g == NULL)
    return FALSE;

  if (iop_group_get_archived (g))
    return iop_validation_error (error, _("This group is archived; restore it before adding members."));
  if (g_strcmp0 (iop_participant_get_status (p), "discharged") == 0)
    return iop_validation_error (error, _("A discharged participant cannot join a group."));
  if (g_strcmp0 (joined, iop_participant_get_admission_date (p)) < 0)
    return iop_validation_error (error, _("The joining date is before the participant's admission."));
  if (g_strcmp0 (joined, iop_group_get_start_date (g)) < 0)
    return iop_validation_error (error, _("The joining date is before the group starts."));
  if (*iop_group_get_end_date (g) && g_strcmp0 (joined, iop_group_get_end_date (g)) > 0)
    return iop_validation_error (error, _("The joining date is after the group ends."));
  if (is_member_on (self, participant_id, group_id, joined))
    return iop_validation_error (error, _("This participant is already a member of the group."));

  if (iop_store_get_setting_int (self, "require-plan-to-enroll", 0) != 0)
    {
      stmt = iop_store_prepare (self,
                                "SELECT 1 FROM treatment_plans WHERE participant_id = ?1 AND state = 'active'",
                                error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, participant_id);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          sqlite3_reset (stmt);
          return iop_validation_error (error, _("This program requires an active treatment plan before a participant joins a group."));
        }
      sqlite3_reset (stmt);
    }

  members = count_members (self, group_id, joined);
  over_capacity = members >= (guint) iop_group_get_max_size (g);
  /* A closed group takes its members until it begins, then no one new. */
  closed = g_strcmp0 (iop_group_get_enrollment (g), "closed") == 0
           && g_strcmp0 (joined, iop_group_get_start_date (g)) > 0;

  if (over_capacity && !(flags & IOP_ENROLL_OVERRIDE_CAPACITY))
    {
      g_set_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_CAPACITY,
                   _("“%s” is full (%u of %d members)."), iop_group_get_name (g), members,
                   iop_group_get_max_size (g));
      return FALSE;
    }
  if (closed && !(flags & IOP_ENROLL_OVERRIDE_CLOSED))
    {
      g_set_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_CLOSED,
                   _("“%s” has closed enrollment and has already begun, so it does not take new members."),
                   iop_group_get_name (g));
      return FALSE;
    }

  if (!iop_store_begin (self, error))
    return FALSE;
  stmt = iop_store_prepare (self,
                            "INSERT INTO enrollments (participant_id, group_id, joined, capacity_override,"
                            " closed_override, created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, participant_id);
  sqlite3_bind_int64 (stmt, 2, group_id);
  iop_bind_text (stmt, 3, joined);
  sqlite3_bind_int (stmt, 4, over_capacity);
  sqlite3_bind_int (stmt, 5, closed);
  iop_bind_id_or_null (stmt, 6, iop_store_get_actor (self));
  if (!iop_store_step_done (self, stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (iop_store_get_db (self));
  if (!iop_store_audit (self, "create", IOP_KIND_ENROLLMENT, id, participant_id,
                        over_capacity ? "capacity-override" : closed ? "closed-override" : NULL, error))
    goto fail;
  iop_store_mark_changed (self, IOP_KIND_ENROLLMENT);
  if (!iop_store_commit (self, error))
    return FALSE;

  if (out_enrollment_id != NULL)
    *out_enrollment_id = id;
  return TRUE;

fail:
  iop_store_rollback (self);
  return FALSE;
}

/**
 * iop_store_end_enrollment:
 * @self: an #IopStore
 * @enrollment_id: the membership
 * @left_on: the first day the participant is no longer a member
 * @reason: why (required)
 * @error: return location for a #GError
 *
 * Ends a membership. The row stays as history; notes already written are untouched.
 *
 * Returns: %TRUE when saved
 */
gboolean
iop_store_end_enrollment (IopStore    *self,
                          gint64       enrollment_id,
                          const char  *left_on,
                          const char  *reason,
                          GError     **error)
{
  g_autoptr(IopEnrollment) e = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (IOP_IS_STORE (self), FALSE);

  e = iop_store_get_enrollment (self, enrollment_id, error);
  if (e == NULL)
    return FALSE;
  if (*iop_enrollment_get_left_on (e))
    return iop_validation_error (error, _("This membership has already ended."));
  if (!iop_date_is_valid (left_on))
    return iop_validation_error (error, _("The leaving date is not a real date (use YYYY-MM-DD)."));
  if (g_strcmp0 (left_on, iop_enrollment_get_joined (e)) < 0)
    return iop_validation_error (error, _("The leaving date is before the joining date."));
  if (iop_text_is_blank (reason))
    return iop_validation_error (error, _("Enter the reason the participant is leaving the group."));

  if (!iop_store_begin (self, error))
    return FALSE;
  stmt = iop_store_prepare (self, "UPDATE enrollments SET left_on = ?2, reason = ?3 WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, enrollment_id);
  iop_bind_text (stmt, 2, left_on);
  iop_bind_text (stmt, 3, reason);
  if (!iop_store_step_done (self, stmt, error)
      || !iop_store_audit (self, "change", IOP_KIND_ENROLLMENT, enrollment_id,
                           iop_enrollment_get_participant_id (e), "left", error))
    goto fail;
  iop_store_mark_changed (self, IOP_KIND_ENROLLMENT);
  return iop_store_commit (self, error);

fail:
  iop_store_rollback (self);
  return FALSE;
}

/**
 * iop_store_reopen_enrollment:
 * @self: an #IopStore
 * @enrollment_id: a membership that has ended
 * @error: return location for a #GError
 *
 * Undoes iop_store_end_enrollment(): the stay continues from its original joining
 * date, as if it had never ended. Only the participant's most recent stay in the
 * group can be reopened, and only while the group takes members.
 *
 * Returns: %TRUE when saved
 */
gboolean
iop_store_reopen_enrollment (IopStore  *self,
                             gint64     enrollment_id,
                             GError   **error)
{
  g_autoptr(IopEnrollment) e = NULL;
  g_autoptr(IopGroup) g = NULL;
  sqlite3_stmt *stmt;
  gboolean later_stay;

  g_return_val_if_fail (IOP_IS_STORE (self), FALSE);

  e = iop_store_get_enrollment (self, enrollment_id, error);
  if (e == NULL)
    return FALSE;
  if (!*iop_enrollment_get_left_on (e))
    return iop_validation_error (error, _("This membership has not ended."));
  g = iop_store_get_group (self, iop_enrollment_get_group_id (e), error);
  if (g == NULL)
    return FALSE;
  if (iop_group_get_archived (g))
    return iop_validation_error (error, _("This group is archived; restore it before adding members."));

  stmt = iop_store_prepare (self,
                            "SELECT 1 FROM enrollments WHERE participant_id = ?1 AND group_id = ?2"
                            " AND id <> ?3 AND (left_on IS NULL OR joined >= ?4)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, iop_enrollment_get_participant_id (e));
  sqlite3_bind_int64 (stmt, 2, iop_enrollment_get_group_id (e));
  sqlite3_bind_int64 (stmt, 3, enrollment_id);
  iop_bind_text (stmt, 4, iop_enrollment_get_joined (e));
  later_stay = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (later_stay)
    return iop_validation_error (error, _("The participant has joined this group again since; only the latest membership can be restored."));

  if (!iop_store_begin (self, error))
    return FALSE;
  stmt = iop_store_prepare (self, "UPDATE enrollments SET left_on = NULL, reason = '' WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, enrollment_id);
  if (!iop_store_step_done (self, stmt, error)
      || !iop_store_audit (self, "change", IOP_KIND_ENROLLMENT, enrollment_id,
                           iop_enrollment_get_participant_id (e), "reopened", error))
    goto fail;
  iop_store_mark_changed (self, IOP_KIND_ENROLLMENT);
  return iop_store_commit (self, error);

fail:
  iop_store_rollback (self);
  return FALSE;
}

/**
 * iop_store_get_enrollment:
 *
 * Returns: (transfer full) (nullable): the enrollment
 */
IopEnrollment *
iop_store_get_enrollment (IopStore  *self,
                          gint64     id,
                          GError   **error)
{
  sqlite3_stmt *stmt;
  IopEnrollment *e = NULL;

  g_return_val_if_fail (IOP_IS_STORE (self), NULL);

  stmt = iop_store_prepare (self, "SELECT " ENROLLMENT_COLUMNS ENROLLMENT_FROM " WHERE e.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    e = read_enrollment (stmt);
  sqlite3_reset (stmt);
  if (e == NULL)
    not_found (error, _("This membership does not exist."));
  return e;
}

static GPtrArray *
collect_enrollments (IopStore      *self,
                     sqlite3_stmt  *stmt,
                     GError       **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, read_enrollment (stmt));
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
 * iop_store_list_roster:
 * @self: an #IopStore
 * @group_id: the group
 * @date: (nullable): the day; %NULL for today
 * @error: return location for a #GError
 *
 * The roster as it was on @date, from the enrollment history.
 *
 * Returns: (transfer full) (element-type IopEnrollment): the members, by last name
 */
GPtrArray *
iop_store_list_roster (IopStore    *self,
                       gint64       group_id,
                       const char  *date,
                       GError     **error)
{
  g_autofree char *today = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (IOP_IS_STORE (self), NULL);

  if (date == NULL)
    date = today = iop_date_today ();

  stmt = iop_store_prepare (self,
                            "SELECT " ENROLLMENT_COLUMNS ENROLLMENT_FROM
                            " WHERE e.group_id = ?1 AND " MEMBER_ON_DATE
                            " ORDER BY p.last_name COLLATE NOCASE, p.first_name COLLATE NOCASE, p.id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, group_id);
  iop_bind_text (stmt, 2, date);
  return collect_enrollments (self, stmt, error);
}

/**
 * iop_store_list_group_enrollments:
 *
 * Returns: (transfer full) (element-type IopEnrollment): the group's whole history, newest first
 */
GPtrArray *
iop_store_list_group_enrollments (IopStore  *self,
                                  gint64     group_id,
                                  GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (IOP_IS_STORE (self), NULL);

  stmt = iop_store_prepare (self,
                            "SELECT " ENROLLMENT_COLUMNS ENROLLMENT_FROM
                            " WHERE e.group_id = ?1 ORDER BY e.joined DESC, e.id DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, group_id);
  return collect_enrollments (self, stmt, error);
}

/**
 * iop_store_list_participant_enrollments:
 *
 * Returns: (transfer full) (element-type IopEnrollment): the participant's memberships, newest first
 */
GPtrArray *
iop_store_list_participant_enrollments (IopStore  *self,
                                        gint64     participant_id,
                                        GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (IOP_IS_STORE (self), NULL);

  stmt = iop_store_prepare (self,
                            "SELECT " ENROLLMENT_COLUMNS ENROLLMENT_FROM
                            " WHERE e.participant_id = ?1 ORDER BY e.joined DESC, e.id DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, participant_id);
  return collect_enrollments (self, stmt, error);
}

/**
 * iop_store_count_members:
 * @self: an #IopStore
 * @group_id: the group
 * @date: (nullable): the day; %NULL for today
 *
 * Returns: how many members the group had on @date
 */
guint
iop_store_count_members (IopStore   *self,
                         gint64      group_id,
                         const char *date)
{
  g_autofree char *today = NULL;

  g_return_val_if_fail (IOP_IS_STORE (self), 0);

  if (date == NULL)
    date = today = iop_date_today ();
  return count_members (self, group_id, date);
}
