/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-store-cultural"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "iop-date.h"
#include "iop-store-cultural.h"
#include "iop-store-people.h"
#include "iop-store-private.h"
#include "iop-validation.h"

#define PROFILE_COLUMNS \
  "c.participant_id, c.interpreter_needed, c.interpreter_arranged, c.interpreter_details," \
  " c.communication, c.identity, c.family_roles, c.beliefs, c.spirituality, c.stigma_concerns," \
  " c.observances, c.observance_weekdays, c.observance_start, c.observance_end, c.dietary_needs," \
  " c.accessibility, c.respected_in_group, c.created_at, c.updated_at, u.full_name, c.reviewed_on," \
  " r.full_name"

/* The name the participant goes by, with their last name. */
#define DISPLAY_NAME(p) \
  "(CASE WHEN " p ".preferred_name <> '' THEN " p ".preferred_name ELSE " p ".first_name END" \
  " || ' ' || " p ".last_name)"

#define NOTE_COLUMNS \
  "n.id, n.participant_id, n.group_id," \
  " CASE WHEN n.participant_id IS NOT NULL THEN " DISPLAY_NAME ("p") " ELSE g.name END," \
  " n.date, n.author_id, a.full_name, n.kind, n.text, n.outcome, n.created_at, n.signed_at," \
  " s.full_name, (SELECT COUNT(*) FROM cultural_note_addenda x WHERE x.note_id = n.id)"

#define NOTE_FROM \
  " FROM cultural_notes n LEFT JOIN participants p ON p.id = n.participant_id" \
  " LEFT JOIN groups g ON g.id = n.group_id LEFT JOIN staff a ON a.id = n.author_id" \
  " LEFT JOIN staff s ON s.id = n.signed_by"

/* Members on a date: joined on or before it, not yet left. */
#define MEMBERS_ON_DATE \
  " FROM enrollments e JOIN participants p ON p.id = e.participant_id" \
  " LEFT JOIN cultural_profiles c ON c.participant_id = p.id" \
  " WHERE e.group_id = ?1 AND e.joined <= ?2 AND (e.left_on IS NULL OR e.left_on > ?2)"

static gboolean
not_found (GError     **error,
           const char  *message)
{
  g_set_error_literal (error, IOP_STORE_ERROR, IOP_STORE_ERROR_NOT_FOUND, message);
  return FALSE;
}

static gboolean
locked (GError **error)
{
  g_set_error_literal (error, IOP_STORE_ERROR, IOP_STORE_ERROR_LOCKED,
                       _("This note is signed and can no longer be changed; add an addendum instead."));
  return FALSE;
}

static gboolean
row_exists (IopStore   *self,
            const char *sql,
            gint64      id)
{
  sqlite3_stmt *stmt = iop_store_prepare (self, sql, NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

static IopCulturalProfile *
read_profile (sqlite3_stmt *stmt)
{
  IopCulturalProfile *c = iop_cultural_profile_new (sqlite3_column_int64 (stmt, 0));

  g_object_freeze_notify (G_OBJECT (c));
  iop_cultural_profile_set_interpreter_needed (c, sqlite3_column_int (stmt, 1));
  iop_cultural_profile_set_interpreter_arranged (c, sqlite3_column_int (stmt, 2));
  iop_cultural_profile_set_interpreter_details (c, iop_column_text (stmt, 3));
  iop_cultural_profile_set_communication (c, iop_column_text (stmt, 4));
  iop_cultural_profile_set_identity (c, iop_column_text (stmt, 5));
  iop_cultural_profile_set_family_roles (c, iop_column_text (stmt, 6));
  iop_cultural_profile_set_beliefs (c, iop_column_text (stmt, 7));
  iop_cultural_profile_set_spirituality (c, iop_column_text (stmt, 8));
  iop_cultural_profile_set_stigma_concerns (c, iop_column_text (stmt, 9));
  iop_cultural_profile_set_observances (c, iop_column_text (stmt, 10));
  iop_cultural_profile_set_observance_weekdays (c, sqlite3_column_int (stmt, 11));
  iop_cultural_profile_set_observance_start (c, iop_column_text (stmt, 12));
  iop_cultural_profile_set_observance_end (c, iop_column_text (stmt, 13));
  iop_cultural_profile_set_dietary_needs (c, iop_column_text (stmt, 14));
  iop_cultural_profile_set_accessibility (c, iop_column_text (stmt, 15));
  iop_cultural_profile_set_respected_in_group (c, iop_column_text (stmt, 16));
  iop_cultural_profile_set_created_at (c, iop_column_text (stmt, 17));
  iop_cultural_profile_set_updated_at (c, iop_column_text (stmt, 18));
  iop_cultural_profile_set_updated_by_name (c, iop_column_text (stmt, 19));
  iop_cultural_profile_set_reviewed_on (c, iop_column_text (stmt, 20));
  iop_cultural_profile_set_reviewed_by_name (c, iop_column_text (stmt, 21));
  g_object_thaw_notify (G_OBJECT (c));
  return c;
}

static IopCulturalNote *
read_note (sqlite3_stmt *stmt)
{
  IopCulturalNote *n = iop_cultural_note_new ();

  g_object_freeze_notify (G_OBJECT (n));
  iop_cultural_note_set_id (n, sqlite3_column_int64 (stmt, 0));
  iop_cultural_note_set_participant_id (n, sqlite3_column_int64 (stmt, 1));
  iop_cultural_note_set_group_id (n, sqlite3_column_int64 (stmt, 2));
  iop_cultural_note_set_subject_name (n, iop_column_text (stmt, 3));
  iop_cultural_note_set_date (n, iop_column_text (stmt, 4));
  iop_cultural_note_set_author_id (n, sqlite3_column_int64 (stmt, 5));
  iop_cultural_note_set_author_name (n, iop_column_text (stmt, 6));
  iop_cultural_note_set_kind (n, iop_column_text (stmt, 7));
  iop_cultural_note_set_text (n, iop_column_text (stmt, 8));
  iop_cultural_note_set_outcome (n, iop_column_text (stmt, 9));
  iop_cultural_note_set_created_at (n, iop_column_text (stmt, 10));
  iop_cultural_note_set_signed_at (n, iop_column_text (stmt, 11));
  iop_cultural_note_set_signed_by_name (n, iop_column_text (stmt, 12));
  iop_cultural_note_set_n_addenda (n, sqlite3_column_int (stmt, 13));
  g_object_thaw_notify (G_OBJECT (n));
  return n;
}

static GListModel *
list_notes (IopStore    *self,
            const char  *sql,
            gint64       param,
            GError     **error)
{
  g_autoptr(GListStore) list = g_list_store_new (IOP_TYPE_CULTURAL_NOTE);
  sqlite3_stmt *stmt = iop_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, param);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(IopCulturalNote) note = read_note (stmt);
      g_list_store_append (list, note);
    }
  if (rc != SQLITE_DONE)
    {
      iop_store_set_error (self, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return G_LIST_MODEL (g_steal_pointer (&list));
}

/* Profiles */

/**
 * iop_store_get_cultural_profile:
 * @self: an #IopStore
 * @participant_id: the participant
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the participant's profile with its
 *   interview answers, or %NULL with @error unset when none was started
 */
IopCulturalProfile *
iop_store_get_cultural_profile (IopStore  *self,
                                gint64     participant_id,
                                GError   **error)
{
  sqlite3_stmt *stmt;
  IopCulturalProfile *profile = NULL;
  int rc;

  g_return_val_if_fail (IOP_IS_STORE (self), NULL);

  stmt = iop_store_prepare (self,
                            "SELECT " PROFILE_COLUMNS " FROM cultural_profiles c"
                            " LEFT JOIN staff u ON u.id = c.updated_by"
                            " LEFT JOIN staff r ON r.id = c.reviewed_by"
                            " WHERE c.participant_id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, participant_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    profile = read_profile (stmt);
  else if (rc != SQLITE_DONE)
    iop_store_set_error (self, error);
  sqlite3_reset (stmt);
  if (profile == NULL)
    return NULL;

  stmt = iop_store_prepare (self,
                            "SELECT a.domain, a.answer, a.recorded_on, a.recorded_by, s.full_name"
                            " FROM cfi_answers a LEFT JOIN staff s ON s.id = a.recorded_by"
                            " WHERE a.participant_id = ?1", error);
  if (stmt == NULL)
    {
      g_object_unref (profile);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, participant_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      IopCfiDomain domain = sqlite3_column_int (stmt, 0) - 1;

      if (domain >= IOP_CFI_N_DOMAINS)
        continue;
      iop_cultural_profile_set_cfi_answer (profile, domain, iop_column_text (stmt, 1));
      iop_cultural_profile_set_cfi_recorded_on (profile, domain, iop_column_text (stmt, 2));
      iop_cultural_profile_set_cfi_recorder (profile, domain, sqlite3_column_int64 (stmt, 3),
                                             iop_column_text (stmt, 4));
    }
  sqlite3_reset (stmt);
  return profile;
}

static gboolean
save_cfi_answers (IopStore            *self,
                  IopCulturalProfile  *profile,
                  IopCulturalProfile  *stored,
                  const char          *today,
                  GError             **error)
{
  gint64 pid = iop_cultural_profile_get_participant_id (profile);

  for (IopCfiDomain d = 0; d < IOP_CFI_N_DOMAINS; d++)
    {
      const char *answer = iop_cultural_profile_get_cfi_answer (profile, d);
      const char *before = stored != NULL ? iop_cultural_profile_get_cfi_answer (stored, d) : "";
      const char *date = iop_cultural_profile_get_cfi_recorded_on (profile, d);
      const char *date_before = stored != NULL ? iop_cultural_profile_get_cfi_recorded_on (stored, d) : "";
      sqlite3_stmt *stmt;

      if (g_strcmp0 (answer, before) == 0)
        continue;

      if (iop_text_is_blank (answer))
        {
          stmt = iop_store_prepare (self, "DELETE FROM cfi_answers WHERE participant_id = ?1 AND domain = ?2",
                                    error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, pid);
          sqlite3_bind_int (stmt, 2, d + 1);
          if (!iop_store_step_done (self, stmt, error))
            return FALSE;
          continue;
        }

      /* A changed answer is stamped with the date given for it; a date still
       * carried over from the previous answer means "today". */
      if (iop_text_is_blank (date) || (*date_before && g_strcmp0 (date, date_before) == 0))
        date = today;

      stmt = iop_store_prepare (self,
                                "INSERT INTO cfi_answers (participant_id, domain, answer, recorded_on, recorded_by)"
                                " VALUES (?1, ?2, ?3, ?4, ?5)"
                                " ON CONFLICT (participant_id, domain) DO UPDATE SET answer = excluded.answer,"
                                " recorded_on = excluded.recorded_on, recorded_by = excluded.recorded_by",
                                error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, pid);
      sqlite3_bind_int (stmt, 2, d + 1);
      iop_bind_text (stmt, 3, answer);
      iop_bind_text (stmt, 4, date);
      iop_bind_id_or_null (stmt, 5, iop_store_get_actor (self));
      if (!iop_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * iop_store_save_cultural_profile:
 * @self: an #IopStore
 * @profile: the profile, new or changed
 * @participant: (nullable): the participant record, when the preferred name,
 *   pronouns or primary language were edited with the profile
 * @error: return location for a #GError
 *
 * Saves the profile (and the participant record, when given) in one
 * transaction. A profile without a review date counts as reviewed today.
 * Interview answers that changed are stamped with the acting counselor.
 *
 * Returns: %TRUE when saved; on failure nothing is written
 */
gboolean
iop_store_save_cultural_profile (IopStore            *self,
                                 IopCulturalProfile  *profile,
                                 IopParticipant      *participant,
                                 GError             **error)
{
  g_autoptr(IopCulturalProfile) stored = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *today = iop_date_today ();
  g_autofree char *now = iop_timestamp_now ();
  gint64 pid;
  const char *reviewed;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (IOP_IS_STORE (self), FALSE);
  g_return_val_if_fail (IOP_IS_CULTURAL_PROFILE (profile), FALSE);
  g_return_val_if_fail (participant == NULL || IOP_IS_PARTICIPANT (participant), FALSE);

  if (!iop_cultural_profile_validate (profile, error))
    return FALSE;
  pid = iop_cultural_profile_get_participant_id (profile);
  if (participant != NULL && iop_participant_get_id (participant) != pid)
    return iop_validation_error (error, _("The profile and the participant record do not belong to the same person."));
  if (!row_exists (self, "SELECT 1 FROM participants WHERE id = ?1", pid))
    return not_found (error, _("This participant does not exist."));

  stored = iop_store_get_cultural_profile (self, pid, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  reviewed = iop_cultural_profile_get_reviewed_on (profile);
  if (iop_text_is_blank (reviewed))
    reviewed = today;

  if (!iop_store_begin (self, error))
    return FALSE;
  if (participant != NULL && !iop_store_update_participant (self, participant, error))
    goto fail;

  stmt = iop_store_prepare (self,
                            "INSERT INTO cultural_profiles (participant_id, interpreter_needed,"
                            " interpreter_arranged, interpreter_details, communication, identity, family_roles,"
                            " beliefs, spirituality, stigma_concerns, observances, observance_weekdays,"
                            " observance_start, observance_end, dietary_needs, accessibility,"
                            " respected_in_group, created_at, created_by, updated_at, updated_by, reviewed_on,"
                            " reviewed_by)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,"
                            " ?17, ?18, ?19, ?18, ?19, ?20, ?19)"
                            " ON CONFLICT (participant_id) DO UPDATE SET"
                            " interpreter_needed = excluded.interpreter_needed,"
                            " interpreter_arranged = excluded.interpreter_arranged,"
                            " interpreter_details = excluded.interpreter_details,"
                            " communication = excluded.communication, identity = excluded.identity,"
                            " family_roles = excluded.family_roles, beliefs = excluded.beliefs,"
                            " spirituality = excluded.spirituality, stigma_concerns = excluded.stigma_concerns,"
                            " observances = excluded.observances,"
                            " observance_weekdays = excluded.observance_weekdays,"
                            " observance_start = excluded.observance_start,"
                            " observance_end = excluded.observance_end, dietary_needs = excluded.dietary_needs,"
                            " accessibility = excluded.accessibility,"
                            " respected_in_group = excluded.respected_in_group,"
                            " updated_at = excluded.updated_at, updated_by = excluded.updated_by,"
                            " reviewed_by = CASE WHEN reviewed_on = excluded.reviewed_on THEN reviewed_by"
                            "   ELSE excluded.reviewed_by END,"
                            " reviewed_on = excluded.reviewed_on", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, pid);
  sqlite3_bind_int (stmt, 2, iop_cultural_profile_get_interpreter_needed (profile));
  sqlite3_bind_int (stmt, 3, iop_cultural_profile_get_interpreter_arranged (profile));
  iop_bind_text (stmt, 4, iop_cultural_profile_get_interpreter_details (profile));
  iop_bind_text (stmt, 5, iop_cultural_profile_get_communication (profile));
  iop_bind_text (stmt, 6, iop_cultural_profile_get_identity (profile));
  iop_bind_text (stmt, 7, iop_cultural_profile_get_family_roles (profile));
  iop_bind_text (stmt, 8, iop_cultural_profile_get_beliefs (profile));
  iop_bind_text (stmt, 9, iop_cultural_profile_get_spirituality (profile));
  iop_bind_text (stmt, 10, iop_cultural_profile_get_stigma_concerns (profile));
  iop_bind_text (stmt, 11, iop_cultural_profile_get_observances (profile));
  sqlite3_bind_int (stmt, 12, iop_cultural_profile_get_observance_weekdays (profile));
  iop_bind_text_or_null (stmt, 13, iop_cultural_profile_get_observance_start (profile));
  iop_bind_text_or_null (stmt, 14, iop_cultural_profile_get_observance_end (profile));
  iop_bind_text (stmt, 15, iop_cultural_profile_get_dietary_needs (profile));
  iop_bind_text (stmt, 16, iop_cultural_profile_get_accessibility (profile));
  iop_bind_text (stmt, 17, iop_cultural_profile_get_respected_in_group (profile));
  iop_bind_text (stmt, 18, now);
  iop_bind_id_or_null (stmt, 19, iop_store_get_actor (self));
  iop_bind_text (stmt, 20, reviewed);
  if (!iop_store_step_done (self, stmt, error))
    goto fail;

  if (!save_cfi_answers (self, profile, stored, today, error))
    goto fail;
  if (!iop_store_audit (self, stored == NULL ? "create" : "change", IOP_KIND_CULTURAL, pid, pid,
                        "cultural profile", error))
    goto fail;
  iop_store_mark_changed (self, IOP_KIND_CULTURAL);
  return iop_store_commit (self, error);

fail:
  iop_store_rollback (self);
  return FALSE;
}

/**
 * iop_store_mark_cultural_profile_reviewed:
 * @self: an #IopStore
 * @participant_id: the participant
 * @date: (nullable): the day it was reviewed with the participant; %NULL for today
 * @error: return location for a #GError
 *
 * Records that the profile was gone over with the participant and still holds.
 *
 * Returns: %TRUE when recorded
 */
gboolean
iop_store_mark_cultural_profile_reviewed (IopStore    *self,
                                          gint64       participant_id,
                                          const char  *date,
                                          GError     **error)
{
  g_autofree char *today = iop_date_today ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (IOP_IS_STORE (self), FALSE);

  if (date == NULL)
    date = today;
  if (!iop_date_is_valid (date))
    return iop_validation_error (error, _("The review date is not a real date (use YYYY-MM-DD)."));
  if (g_strcmp0 (date, today) > 0)
    return iop_validation_error (error, _("The review date is in the future."));
  if (!row_exists (self, "SELECT 1 FROM cultural_profiles WHERE participant_id = ?1", participant_id))
    return not_found (error, _("This participant has no cultural profile yet."));

  if (!iop_store_begin (self, error))
    return FALSE;
  stmt = iop_store_prepare (self,
                            "UPDATE cultural_profiles SET reviewed_on = ?2, reviewed_by = ?3"
                            " WHERE participant_id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, participant_id);
  iop_bind_text (stmt, 2, date);
  iop_bind_id_or_null (stmt, 3, iop_store_get_actor (self));
  if (!iop_store_step_done (self, stmt, error))
    goto fail;
  if (!iop_store_audit (self, "review", IOP_KIND_CULTURAL, participant_id, participant_id,
                        "cultural profile", error))
    goto fail;
  iop_store_mark_changed (self, IOP_KIND_CULTURAL);
  return iop_store_commit (self, error);

fail:
  iop_store_rollback (self);
  return FALSE;
}

/* Notes */

static gboolean
check_subject (IopStore         *self,
               IopCulturalNote  *note,
               GError          **error)
{
  gint64 pid = iop_cultural_note_get_participant_id (note);
  gint64 gid = iop_cultural_note_get_group_id (note);

  if (pid > 0 && !row_exists (self, "SELECT 1 FROM participants WHERE id = ?1", pid))
    return not_found (error, _("This participant does not exist."));
  if (gid > 0 && !row_exists (self, "SELECT 1 FROM groups WHERE id = ?1", gid))
    return not_found (error, _("This group does not exist."));
  return TRUE;
}

/**
 * iop_store_add_cultural_note:
 * @self: an #IopStore
 * @note: the new note; its id, author and creation time are set on success
 * @error: return location for a #GError
 *
 * Saves a new, unsigned note written by the acting staff member.
 *
 * Returns: %TRUE when saved
 */
gboolean
iop_store_add_cultural_note (IopStore         *self,
                             IopCulturalNote  *note,
                             GError          **error)
{
  g_autofree char *now = iop_timestamp_now ();
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (IOP_IS_STORE (self), FALSE);
  g_return_val_if_fail (IOP_IS_CULTURAL_NOTE (note), FALSE);

  if (!iop_cultural_note_validate (note, error) || !check_subject (self, note, error))
    return FALSE;

  if (!iop_store_begin (self, error))
    return FALSE;
  stmt = iop_store_prepare (self,
                            "INSERT INTO cultural_notes (participant_id, group_id, date, author_id, kind, text,"
                            " outcome, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
  if (stmt == NULL)
    goto fail;
  iop_bind_id_or_null (stmt, 1, iop_cultural_note_get_participant_id (note));
  iop_bind_id_or_null (stmt, 2, iop_cultural_note_get_group_id (note));
  iop_bind_text (stmt, 3, iop_cultural_note_get_date (note));
  iop_bind_id_or_null (stmt, 4, iop_store_get_actor (self));
  iop_bind_text (stmt, 5, iop_cultural_note_get_kind (note));
  iop_bind_text (stmt, 6, iop_cultural_note_get_text (note));
  iop_bind_text (stmt, 7, iop_cultural_note_get_outcome (note));
  iop_bind_text (stmt, 8, now);
  if (!iop_store_step_done (self, stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (iop_store_get_db (self));
  if (!iop_store_audit (self, "create", IOP_KIND_CULTURAL, id, iop_cultural_note_get_participant_id (note),
                        iop_cultural_note_get_group_id (note) > 0 ? "cultural note on a group" : "cultural note",
                        error))
    goto fail;
  iop_store_mark_changed (self, IOP_KIND_CULTURAL);
  if (!iop_store_commit (self, error))
    return FALSE;

  iop_cultural_note_set_id (note, id);
  iop_cultural_note_set_author_id (note, iop_store_get_actor (self));
  iop_cultural_note_set_created_at (note, now);
  return TRUE;

fail:
  iop_store_rollback (self);
  return FALSE;
}

/**
 * iop_store_update_cultural_note:
 * @self: an #IopStore
 * @note: the changed note
 * @error: return location for a #GError
 *
 * Changes an unsigned note's date, kind, text and outcome. A signed note is
 * refused with %IOP_STORE_ERROR_LOCKED (and the database refuses it too).
 *
 * Returns: %TRUE when saved
 */
gboolean
iop_store_update_cultural_note (IopStore         *self,
                                IopCulturalNote  *note,
                                GError          **error)
{
  g_autoptr(IopCulturalNote) stored = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (IOP_IS_STORE (self), FALSE);
  g_return_val_if_fail (IOP_IS_CULTURAL_NOTE (note), FALSE);

  id = iop_cultural_note_get_id (note);
  stored = iop_store_get_cultural_note (self, id, error);
  if (stored == NULL)
    return FALSE;
  if (iop_cultural_note_is_signed (stored))
    return locked (error);
  if (iop_cultural_note_get_participant_id (note) != iop_cultural_note_get_participant_id (stored)
      || iop_cultural_note_get_group_id (note) != iop_cultural_note_get_group_id (stored))
    return iop_validation_error (error, _("A note stays with the participant or group it was written about."));
  if (!iop_cultural_note_validate (note, error))
    return FALSE;

  if (!iop_store_begin (self, error))
    return FALSE;
  stmt = iop_store_prepare (self,
                            "UPDATE cultural_notes SET date = ?2, kind = ?3, text = ?4, outcome = ?5"
                            " WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  iop_bind_text (stmt, 2, iop_cultural_note_get_date (note));
  iop_bind_text (stmt, 3, iop_cultural_note_get_kind (note));
  iop_bind_text (stmt, 4, iop_cultural_note_get_text (note));
  iop_bind_text (stmt, 5, iop_cultural_note_get_outcome (note));
  if (!iop_store_step_done (self, stmt, error))
    goto fail;
  if (!iop_store_audit (self, "change", IOP_KIND_CULTURAL, id, iop_cultural_note_get_participant_id (stored),
                        "cultural note", error))
    goto fail;
  iop_store_mark_changed (self, IOP_KIND_CULTURAL);
  return iop_store_commit (self, error);

fail:
  iop_store_rollback (self);
  return FALSE;
}

/**
 * iop_store_sign_cultural_note:
 * @self: an #IopStore
 * @note_id: the note
 * @error: return location for a #GError
 *
 * Signs the note as the acting staff member. From then on it is permanent.
 *
 * Returns: %TRUE when signed
 */
gboolean
iop_store_sign_cultural_note (IopStore  *self,
                              gint64     note_id,
                              GError   **error)
{
  g_autoptr(IopCulturalNote) stored = NULL;
  g_autofree char *now = iop_timestamp_now ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (IOP_IS_STORE (self), FALSE);

  stored = iop_store_get_cultural_note (self, note_id, error);
  if (stored == NULL)
    return FALSE;
  if (iop_cultural_note_is_signed (stored))
    return locked (error);
  if (iop_store_get_actor (self) <= 0)
    {
      g_set_error_literal (error, IOP_STORE_ERROR, IOP_STORE_ERROR_PERMISSION,
                           _("Only a signed-in staff member can sign a note."));
      return FALSE;
    }

  if (!iop_store_begin (self, error))
    return FALSE;
  stmt = iop_store_prepare (self, "UPDATE cultural_notes SET signed_at = ?2, signed_by = ?3 WHERE id = ?1",
                            error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, note_id);
  iop_bind_text (stmt, 2, now);
  sqlite3_bind_int64 (stmt, 3, iop_store_get_actor (self));
  if (!iop_store_step_done (self, stmt, error))
    goto fail;
  if (!iop_store_audit (self, "sign", IOP_KIND_CULTURAL, note_id, iop_cultural_note_get_participant_id (stored),
                        "cultural note", error))
    goto fail;
  iop_store_mark_changed (self, IOP_KIND_CULTURAL);
  return iop_store_commit (self, error);

fail:
  iop_store_rollback (self);
  return FALSE;
}

/**
 * iop_store_add_cultural_note_addendum:
 * @self: an #IopStore
 * @note_id: a signed note
 * @text: the addendum
 * @out_id: (out) (optional): the new addendum's id
 * @error: return location for a #GError
 *
 * Returns: %TRUE when saved
 */
gboolean
iop_store_add_cultural_note_addendum (IopStore    *self,
                                      gint64       note_id,
                                      const char  *text,
                                      gint64      *out_id,
                                      GError     **error)
{
  g_autoptr(IopCulturalNote) stored = NULL;
  g_autofree char *now = iop_timestamp_now ();
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (IOP_IS_STORE (self), FALSE);

  if (iop_text_is_blank (text))
    return iop_validation_error (error, _("Write the addendum before saving it."));
  if (g_utf8_strlen (text, -1) > 8000)
    return iop_validation_error (error, _("The addendum is too long (8000 characters at most)."));
  stored = iop_store_get_cultural_note (self, note_id, error);
  if (stored == NULL)
    return FALSE;
  if (!iop_cultural_note_is_signed (stored))
    return iop_validation_error (error, _("This note is not signed yet: change the note itself instead of adding an addendum."));

  if (!iop_store_begin (self, error))
    return FALSE;
  stmt = iop_store_prepare (self,
                            "INSERT INTO cultural_note_addenda (note_id, author_id, created_at, text)"
                            " VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, note_id);
  iop_bind_id_or_null (stmt, 2, iop_store_get_actor (self));
  iop_bind_text (stmt, 3, now);
  iop_bind_text (stmt, 4, text);
  if (!iop_store_step_done (self, stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (iop_store_get_db (self));
  if (!iop_store_audit (self, "addendum", IOP_KIND_CULTURAL, note_id,
                        iop_cultural_note_get_participant_id (stored), "cultural note addendum", error))
    goto fail;
  iop_store_mark_changed (self, IOP_KIND_CULTURAL);
  if (!iop_store_commit (self, error))
    return FALSE;
  if (out_id != NULL)
    *out_id = id;
  return TRUE;

fail:
  iop_store_rollback (self);
  return FALSE;
}

/**
 * iop_store_get_cultural_note:
 *
 * Returns: (transfer full) (nullable): the note
 */
IopCulturalNote *
iop_store_get_cultural_note (IopStore  *self,
                             gint64     note_id,
                             GError   **error)
{
  sqlite3_stmt *stmt;
  IopCulturalNote *note = NULL;

  g_return_val_if_fail (IOP_IS_STORE (self), NULL);

  stmt = iop_store_prepare (self, "SELECT " NOTE_COLUMNS NOTE_FROM " WHERE n.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, note_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    note = read_note (stmt);
  sqlite3_reset (stmt);
  if (note == NULL)
    not_found (error, _("This note does not exist."));
  return note;
}

/**
 * iop_store_list_cultural_notes_for_participant:
 *
 * Returns: (transfer full): #IopCulturalNote items, newest first
 */
GListModel *
iop_store_list_cultural_notes_for_participant (IopStore  *self,
                                               gint64     participant_id,
                                               GError   **error)
{
  g_return_val_if_fail (IOP_IS_STORE (self), NULL);

  return list_notes (self, "SELECT " NOTE_COLUMNS NOTE_FROM " WHERE n.participant_id = ?1"
                     " ORDER BY n.date DESC, n.id DESC", participant_id, error);
}

/**
 * iop_store_list_cultural_notes_for_group:
 *
 * Returns: (transfer full): #IopCulturalNote items, newest first
 */
GListModel *
iop_store_list_cultural_notes_for_group (IopStore  *self,
                                         gint64     group_id,
                                         GError   **error)
{
  g_return_val_if_fail (IOP_IS_STORE (self), NULL);

  return list_notes (self, "SELECT " NOTE_COLUMNS NOTE_FROM " WHERE n.group_id = ?1"
                     " ORDER BY n.date DESC, n.id DESC", group_id, error);
}

/**
 * iop_store_list_recent_cultural_notes:
 * @limit: how many notes at most
 *
 * Returns: (transfer full): #IopCulturalNote items on participants and groups, newest first
 */
GListModel *
iop_store_list_recent_cultural_notes (IopStore  *self,
                                      guint      limit,
                                      GError   **error)
{
  g_return_val_if_fail (IOP_IS_STORE (self), NULL);

  return list_notes (self, "SELECT " NOTE_COLUMNS NOTE_FROM " ORDER BY n.date DESC, n.id DESC LIMIT ?1",
                     limit, error);
}

/**
 * iop_store_list_cultural_note_addenda:
 *
 * Returns: (transfer full): #IopCulturalNoteAddendum items, oldest first
 */
GListModel *
iop_store_list_cultural_note_addenda (IopStore  *self,
                                      gint64     note_id,
                                      GError   **error)
{
  g_autoptr(GListStore) list = g_list_store_new (IOP_TYPE_CULTURAL_NOTE_ADDENDUM);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (IOP_IS_STORE (self), NULL);

  stmt = iop_store_prepare (self,
                            "SELECT x.id, x.note_id, x.author_id, s.full_name, x.created_at, x.text"
                            " FROM cultural_note_addenda x LEFT JOIN staff s ON s.id = x.author_id"
                            " WHERE x.note_id = ?1 ORDER BY x.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, note_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(IopCulturalNoteAddendum) a = iop_cultural_note_addendum_new ();

      iop_cultural_note_addendum_set_id (a, sqlite3_column_int64 (stmt, 0));
      iop_cultural_note_addendum_set_note_id (a, sqlite3_column_int64 (stmt, 1));
      iop_cultural_note_addendum_set_author_id (a, sqlite3_column_int64 (stmt, 2));
      iop_cultural_note_addendum_set_author_name (a, iop_column_text (stmt, 3));
      iop_cultural_note_addendum_set_created_at (a, iop_column_text (stmt, 4));
      iop_cultural_note_addendum_set_text (a, iop_column_text (stmt, 5));
      g_list_store_append (list, a);
    }
  sqlite3_reset (stmt);
  return G_LIST_MODEL (g_steal_pointer (&list));
}

/* The program */

/* The columns MEMBERS_ON_DATE queries read into a partial profile. */
#define MEMBER_PROFILE_COLUMNS \
  "p.id, " DISPLAY_NAME ("p") ", p.primary_language, c.participant_id IS NOT NULL," \
  " c.interpreter_needed, c.interpreter_arranged, c.observances, c.observance_weekdays," \
  " c.observance_start, c.observance_end, c.dietary_needs, c.accessibility"

static IopCulturalProfile *
read_member_profile (sqlite3_stmt *stmt)
{
  IopCulturalProfile *c;

  if (!sqlite3_column_int (stmt, 3))
    return NULL;
  c = iop_cultural_profile_new (sqlite3_column_int64 (stmt, 0));
  iop_cultural_profile_set_interpreter_needed (c, sqlite3_column_int (stmt, 4));
  iop_cultural_profile_set_interpreter_arranged (c, sqlite3_column_int (stmt, 5));
  iop_cultural_profile_set_observances (c, iop_column_text (stmt, 6));
  iop_cultural_profile_set_observance_weekdays (c, sqlite3_column_int (stmt, 7));
  iop_cultural_profile_set_observance_start (c, iop_column_text (stmt, 8));
  iop_cultural_profile_set_observance_end (c, iop_column_text (stmt, 9));
  iop_cultural_profile_set_dietary_needs (c, iop_column_text (stmt, 10));
  iop_cultural_profile_set_accessibility (c, iop_column_text (stmt, 11));
  return c;
}

/**
 * iop_store_get_cultural_composition:
 * @self: an #IopStore
 * @group_id: the group
 * @date: (nullable): whose membership to count; %NULL for today
 * @error: return location for a #GError
 *
 * Counts the group's members by language, interpreter need, accommodation and
 * schedule conflict with an observance. The result holds no names.
 *
 * Returns: (transfer full) (nullable): the composition
 */
IopCulturalComposition *
iop_store_get_cultural_composition (IopStore    *self,
                                    gint64       group_id,
                                    const char  *date,
                                    GError     **error)
{
  g_autoptr(IopGroup) group = NULL;
  g_autoptr(IopCulturalComposition) result = NULL;
  g_autofree char *today = iop_date_today ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (IOP_IS_STORE (self), NULL);

  if (date == NULL)
    date = today;
  if (!iop_date_is_valid (date))
    {
      iop_validation_error (error, _("The date is not a real date (use YYYY-MM-DD)."));
      return NULL;
    }
  group = iop_store_get_group (self, group_id, error);
  if (group == NULL)
    return NULL;

  result = iop_cultural_composition_new (group_id, date);
  stmt = iop_store_prepare (self, "SELECT " MEMBER_PROFILE_COLUMNS MEMBERS_ON_DATE " GROUP BY p.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, group_id);
  iop_bind_text (stmt, 2, date);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(IopCulturalProfile) c = read_member_profile (stmt);

      result->n_members++;
      iop_cultural_composition_add_language (result, iop_column_text (stmt, 2));
      if (c == NULL)
        continue;
      result->n_profiles++;
      if (iop_cultural_profile_get_interpreter_needed (c))
        result->interpreter_needed++;
      if (iop_cultural_profile_get_interpreter_arranged (c))
        result->interpreter_arranged++;
      if (!iop_text_is_blank (iop_cultural_profile_get_observances (c)))
        result->n_observances++;
      if (!iop_text_is_blank (iop_cultural_profile_get_dietary_needs (c)))
        result->n_dietary++;
      if (!iop_text_is_blank (iop_cultural_profile_get_accessibility (c)))
        result->n_accessibility++;
      if (iop_cultural_profile_has_accommodations (c))
        result->n_accommodated++;
      if (iop_cultural_profile_conflicts_with (c, iop_group_get_weekdays (group), iop_group_get_start_time (group),
                                               iop_group_get_duration_minutes (group)))
        result->schedule_conflicts++;
    }
  if (rc != SQLITE_DONE)
    {
      iop_store_set_error (self, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&result);
}

void
iop_cultural_conflict_free (IopCulturalConflict *conflict)
{
  if (conflict == NULL)
    return;
  g_free (conflict->participant_name);
  g_free (conflict->observances);
  g_free (conflict->schedule);
  g_free (conflict);
}

/**
 * iop_store_list_cultural_conflicts_for_screen:
 * @self: an #IopStore
 * @group_id: the group
 * @date: (nullable): whose membership; %NULL for today
 * @error: return location for a #GError
 *
 * INTERNAL, for the group page on screen only: the members whose observance
 * falls when the group meets, by name. Printed and exported forms use
 * iop_store_get_cultural_composition(), which counts without naming.
 *
 * Returns: (transfer full) (element-type IopCulturalConflict) (nullable): the conflicts, by name
 */
GPtrArray *
iop_store_list_cultural_conflicts_for_screen (IopStore    *self,
                                              gint64       group_id,
                                              const char  *date,
                                              GError     **error)
{
  g_autoptr(IopGroup) group = NULL;
  g_autoptr(GPtrArray) result = NULL;
  g_autofree char *today = iop_date_today ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (IOP_IS_STORE (self), NULL);

  if (date == NULL)
    date = today;
  group = iop_store_get_group (self, group_id, error);
  if (group == NULL)
    return NULL;

  result = g_ptr_array_new_with_free_func ((GDestroyNotify) iop_cultural_conflict_free);
  stmt = iop_store_prepare (self, "SELECT " MEMBER_PROFILE_COLUMNS MEMBERS_ON_DATE
                            " GROUP BY p.id ORDER BY p.last_name COLLATE NOCASE, p.first_name COLLATE NOCASE",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, group_id);
  iop_bind_text (stmt, 2, date);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(IopCulturalProfile) c = read_member_profile (stmt);
      IopCulturalConflict *conflict;

      if (c == NULL || !iop_cultural_profile_conflicts_with (c, iop_group_get_weekdays (group),
                                                             iop_group_get_start_time (group),
                                                             iop_group_get_duration_minutes (group)))
        continue;
      conflict = g_new0 (IopCulturalConflict, 1);
      conflict->participant_id = sqlite3_column_int64 (stmt, 0);
      conflict->participant_name = g_strdup (iop_column_text (stmt, 1));
      conflict->observances = g_strdup (iop_cultural_profile_get_observances (c));
      conflict->schedule = iop_cultural_profile_dup_observance_schedule (c);
      g_ptr_array_add (result, conflict);
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&result);
}

static gboolean
append_gaps (IopStore            *self,
             GListStore          *list,
             IopCulturalGapKind   kind,
             const char          *sql,
             const char          *cutoff,
             GError             **error)
{
  sqlite3_stmt *stmt = iop_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (cutoff != NULL)
    iop_bind_text (stmt, 1, cutoff);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(IopCulturalGap) gap = iop_cultural_gap_new (kind);

      iop_cultural_gap_set_participant_id (gap, sqlite3_column_int64 (stmt, 0));
      iop_cultural_gap_set_participant_name (gap, iop_column_text (stmt, 1));
      iop_cultural_gap_set_record_number (gap, iop_column_text (stmt, 2));
      iop_cultural_gap_set_since (gap, iop_column_text (stmt, 3));
      g_list_store_append (list, gap);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      iop_store_set_error (self, error);
      return FALSE;
    }
  return TRUE;
}

/**
 * iop_store_list_cultural_gaps:
 * @self: an #IopStore
 * @today: (nullable): the day to judge on; %NULL for today
 * @review_days: how many days a review stays current (see iop_store_get_cultural_review_days())
 * @error: return location for a #GError
 *
 * The program's open gaps, for active participants: an interpreter needed but
 * not arranged; no profile started; a profile last reviewed more than
 * @review_days days before @today (reviewed exactly @review_days days ago is
 * still current). Most urgent kind first, then by name.
 *
 * Returns: (transfer full) (nullable): #IopCulturalGap items
 */
GListModel *
iop_store_list_cultural_gaps (IopStore    *self,
                              const char  *today,
                              int          review_days,
                              GError     **error)
{
  g_autoptr(GListStore) list = g_list_store_new (IOP_TYPE_CULTURAL_GAP);
  g_autofree char *now = iop_date_today ();
  g_autofree char *cutoff = NULL;

  g_return_val_if_fail (IOP_IS_STORE (self), NULL);

  if (today == NULL)
    today = now;
  if (!iop_date_is_valid (today))
    {
      iop_validation_error (error, _("The date is not a real date (use YYYY-MM-DD)."));
      return NULL;
    }
  if (review_days < 1)
    {
      iop_validation_error (error, _("The review period must be at least one day."));
      return NULL;
    }
  cutoff = iop_date_add_days (today, -review_days);

  if (!append_gaps (self, list, IOP_CULTURAL_GAP_INTERPRETER,
                    "SELECT p.id, " DISPLAY_NAME ("p") ", p.record_number, substr(c.updated_at, 1, 10)"
                    " FROM cultural_profiles c JOIN participants p ON p.id = c.participant_id"
                    " WHERE p.status = 'active' AND c.interpreter_needed = 1 AND c.interpreter_arranged = 0"
                    " ORDER BY p.last_name COLLATE NOCASE, p.first_name COLLATE NOCASE", NULL, error)
      || !append_gaps (self, list, IOP_CULTURAL_GAP_NOT_STARTED,
                       "SELECT p.id, " DISPLAY_NAME ("p") ", p.record_number, p.admission_date"
                       " FROM participants p WHERE p.status = 'active' AND NOT EXISTS"
                       " (SELECT 1 FROM cultural_profiles c WHERE c.participant_id = p.id)"
                       " ORDER BY p.last_name COLLATE NOCASE, p.first_name COLLATE NOCASE", NULL, error)
      || !append_gaps (self, list, IOP_CULTURAL_GAP_REVIEW_DUE,
                       "SELECT p.id, " DISPLAY_NAME ("p") ", p.record_number, c.reviewed_on"
                       " FROM cultural_profiles c JOIN participants p ON p.id = c.participant_id"
                       " WHERE p.status = 'active' AND c.reviewed_on < ?1"
                       " ORDER BY c.reviewed_on, p.last_name COLLATE NOCASE", cutoff, error))
    return NULL;

  return G_LIST_MODEL (g_steal_pointer (&list));
}

/**
 * iop_store_get_cultural_review_days:
 * @self: an #IopStore
 *
 * Returns: the program's review period for cultural profiles, in days
 */
int
iop_store_get_cultural_review_days (IopStore *self)
{
  gint64 days = iop_store_get_setting_int (self, "cultural-review-days", IOP_CULTURAL_REVIEW_DAYS);

  return days >= 1 && days <= 3650 ? (int) days : IOP_CULTURAL_REVIEW_DAYS;
}
