/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-store-consents"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "iop-access.h"
#include "iop-date.h"
#include "iop-store-consents.h"
#include "iop-store-private.h"
#include "iop-validation.h"

#define CONSENT_COLUMNS \
  "id, participant_id, recipient, purpose, scope, signed_on, expires_on, revoked_on, recorded_by"

/* Helpers */

static IopConsent *
read_consent (sqlite3_stmt *stmt)
{
  IopConsent *c = iop_consent_new ();

  iop_consent_set_id (c, sqlite3_column_int64 (stmt, 0));
  iop_consent_set_participant_id (c, sqlite3_column_int64 (stmt, 1));
  iop_consent_set_recipient (c, iop_column_text (stmt, 2));
  iop_consent_set_purpose (c, iop_column_text (stmt, 3));
  iop_consent_set_scope (c, iop_column_text (stmt, 4));
  iop_consent_set_signed_on (c, iop_column_text (stmt, 5));
  iop_consent_set_expires_on (c, iop_column_text (stmt, 6));
  iop_consent_set_revoked_on (c, iop_column_text (stmt, 7));
  iop_consent_set_recorded_by (c, sqlite3_column_int64 (stmt, 8));
  return c;
}

static gboolean
same_recipient (const char *a,
                const char *b)
{
  g_autofree char *x = g_utf8_casefold (a, -1);
  g_autofree char *y = g_utf8_casefold (b, -1);

  return g_strcmp0 (g_strstrip (x), g_strstrip (y)) == 0;
}

static gboolean
refuse (GError     **error,
        const char  *message)
{
  g_set_error_literal (error, IOP_STORE_ERROR, IOP_STORE_ERROR_PERMISSION, message);
  return FALSE;
}

/* Public API */

/**
 * iop_store_add_consent:
 * @self: an #IopStore
 * @consent: the consent; its id is set on success
 * @error: return location for a #GError
 *
 * Returns: %TRUE when saved
 */
gboolean
iop_store_add_consent (IopStore    *self,
                       IopConsent  *consent,
                       GError     **error)
{
  g_autofree char *recipient = NULL;
  const char *expires;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (IOP_IS_STORE (self), FALSE);
  g_return_val_if_fail (IOP_IS_CONSENT (consent), FALSE);

  recipient = g_strstrip (g_strdup (iop_consent_get_recipient (consent)));
  expires = iop_consent_get_expires_on (consent);
  if (iop_consent_get_participant_id (consent) <= 0)
    return iop_validation_error (error, _("Choose the participant who gave consent."));
  if (iop_text_is_blank (iop_consent_get_recipient (consent)))
    return iop_validation_error (error, _("Enter who may receive the information."));
  if (iop_text_is_blank (iop_consent_get_purpose (consent)))
    return iop_validation_error (error, _("Enter the purpose of the disclosure."));
  if (iop_text_is_blank (iop_consent_get_scope (consent)))
    return iop_validation_error (error, _("Enter what information may be disclosed."));
  if (!iop_date_is_valid (iop_consent_get_signed_on (consent)))
    return iop_validation_error (error, _("Enter the date the consent was signed (YYYY-MM-DD)."));
  if (*expires != '\0' && !iop_date_is_valid (expires))
    return iop_validation_error (error, _("Enter the expiry date as YYYY-MM-DD, or leave it empty."));
  if (*expires != '\0' && g_strcmp0 (expires, iop_consent_get_signed_on (consent)) < 0)
    return iop_validation_error (error, _("A consent cannot expire before it was signed."));

  if (!iop_store_begin (self, error))
    return FALSE;
  stmt = iop_store_prepare (self,
                            "INSERT INTO consents (participant_id, recipient, purpose, scope, signed_on,"
                            " expires_on, recorded_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, iop_consent_get_participant_id (consent));
  iop_bind_text (stmt, 2, recipient);
  iop_bind_text (stmt, 3, iop_consent_get_purpose (consent));
  iop_bind_text (stmt, 4, iop_consent_get_scope (consent));
  iop_bind_text (stmt, 5, iop_consent_get_signed_on (consent));
  iop_bind_text_or_null (stmt, 6, expires);
  iop_bind_id_or_null (stmt, 7, iop_store_get_actor (self));
  if (!iop_store_step_done (self, stmt, error))
    {
      if (g_error_matches (*error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID))
        {
          g_clear_error (error);
          g_set_error_literal (error, IOP_STORE_ERROR, IOP_STORE_ERROR_NOT_FOUND,
                               _("This participant does not exist."));
        }
      goto fail;
    }
  id = sqlite3_last_insert_rowid (iop_store_get_db (self));
  if (!iop_store_audit (self, "create", IOP_KIND_CONSENT, id, iop_consent_get_participant_id (consent),
                        NULL, error))
    goto fail;
  iop_store_mark_changed (self, IOP_KIND_CONSENT);
  if (!iop_store_commit (self, error))
    return FALSE;

  iop_consent_set_id (consent, id);
  iop_consent_set_recorded_by (consent, iop_store_get_actor (self));
  return TRUE;

fail:
  iop_store_rollback (self);
  return FALSE;
}

/**
 * iop_store_revoke_consent:
 * @self: an #IopStore
 * @consent_id: the consent
 * @date: the day the participant revoked it
 * @error: return location for a #GError
 *
 * Returns: %TRUE when revoked
 */
gboolean
iop_store_revoke_consent (IopStore    *self,
                          gint64       consent_id,
                          const char  *date,
                          GError     **error)
{
  g_autoptr(IopConsent) consent = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (IOP_IS_STORE (self), FALSE);

  if (!iop_date_is_valid (date))
    return iop_validation_error (error, _("Enter the date the consent was revoked (YYYY-MM-DD)."));
  consent = iop_store_get_consent (self, consent_id, error);
  if (consent == NULL)
    return FALSE;
  if (*iop_consent_get_revoked_on (consent) != '\0')
    return iop_validation_error (error, _("This consent is already revoked."));
  if (g_strcmp0 (date, iop_consent_get_signed_on (consent)) < 0)
    return iop_validation_error (error, _("A consent cannot be revoked before it was signed."));

  if (!iop_store_begin (self, error))
    return FALSE;
  stmt = iop_store_prepare (self, "UPDATE consents SET revoked_on = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, consent_id);
  iop_bind_text (stmt, 2, date);
  if (!iop_store_step_done (self, stmt, error)
      || !iop_store_audit (self, "revoke", IOP_KIND_CONSENT, consent_id,
                           iop_consent_get_participant_id (consent), NULL, error))
    goto fail;
  iop_store_mark_changed (self, IOP_KIND_CONSENT);
  return iop_store_commit (self, error);

fail:
  iop_store_rollback (self);
  return FALSE;
}

/**
 * iop_store_get_consent:
 *
 * Returns: (transfer full) (nullable): the consent
 */
IopConsent *
iop_store_get_consent (IopStore  *self,
                       gint64     consent_id,
                       GError   **error)
{
  sqlite3_stmt *stmt;
  IopConsent *consent = NULL;

  g_return_val_if_fail (IOP_IS_STORE (self), NULL);

  stmt = iop_store_prepare (self, "SELECT " CONSENT_COLUMNS " FROM consents WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, consent_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    consent = read_consent (stmt);
  sqlite3_reset (stmt);
  if (consent == NULL)
    {
      g_set_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_NOT_FOUND,
                   _("There is no consent number %" G_GINT64_FORMAT "."), consent_id);
      return NULL;
    }
  if (!iop_store_require (self, IOP_PERMISSION_VIEW_RECORD, iop_consent_get_participant_id (consent), error))
    g_clear_object (&consent);
  return consent;
}

/**
 * iop_store_list_consents:
 * @self: an #IopStore
 * @participant_id: the participant
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): a #GListModel of #IopConsent, newest first
 */
GListModel *
iop_store_list_consents (IopStore  *self,
                         gint64     participant_id,
                         GError   **error)
{
  g_autoptr(GListStore) list = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (IOP_IS_STORE (self), NULL);

  if (!iop_store_require (self, IOP_PERMISSION_VIEW_RECORD, participant_id, error))
    return NULL;
  stmt = iop_store_prepare (self,
                            "SELECT " CONSENT_COLUMNS " FROM consents WHERE participant_id = ?1"
                            " ORDER BY signed_on DESC, id DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, participant_id);
  list = g_list_store_new (IOP_TYPE_CONSENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(IopConsent) c = read_consent (stmt);
      g_list_store_append (list, c);
    }
  sqlite3_reset (stmt);
  return G_LIST_MODEL (g_steal_pointer (&list));
}

/**
 * iop_store_check_consent:
 * @self: an #IopStore
 * @consent_id: the consent a disclosure relies on
 * @participant_id: whose record is disclosed
 * @recipient: (nullable): who receives it; must be the recipient the consent names
 * @date: the day of the disclosure
 * @error: return location for a #GError
 *
 * Returns: %TRUE when the consent allows disclosing this participant's record
 *   to @recipient on @date; otherwise %FALSE with %IOP_STORE_ERROR_PERMISSION
 *   saying why
 */
gboolean
iop_store_check_consent (IopStore    *self,
                         gint64       consent_id,
                         gint64       participant_id,
                         const char  *recipient,
                         const char  *date,
                         GError     **error)
{
  g_autoptr(IopConsent) consent = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (IOP_IS_STORE (self), FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  consent = iop_store_get_consent (self, consent_id, &local_error);
  if (consent == NULL)
    {
      if (g_error_matches (local_error, IOP_STORE_ERROR, IOP_STORE_ERROR_NOT_FOUND))
        {
          g_set_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_PERMISSION,
                       _("There is no consent number %" G_GINT64_FORMAT "; nothing was disclosed."),
                       consent_id);
          return FALSE;
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (iop_consent_get_participant_id (consent) != participant_id)
    return refuse (error, _("This consent was given by another participant; it does not cover this record."));
  if (recipient != NULL && !same_recipient (recipient, iop_consent_get_recipient (consent)))
    {
      g_set_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_PERMISSION,
                   _("This consent names “%s” as the recipient, not “%s”."),
                   iop_consent_get_recipient (consent), recipient);
      return FALSE;
    }
  if (*iop_consent_get_revoked_on (consent) != '\0' && g_strcmp0 (iop_consent_get_revoked_on (consent), date) <= 0)
    {
      g_autofree char *day = iop_date_format (iop_consent_get_revoked_on (consent));
      g_set_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_PERMISSION,
                   _("This consent was revoked on %s."), day);
      return FALSE;
    }
  if (*iop_consent_get_expires_on (consent) != '\0' && g_strcmp0 (iop_consent_get_expires_on (consent), date) < 0)
    {
      g_autofree char *day = iop_date_format (iop_consent_get_expires_on (consent));
      g_set_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_PERMISSION,
                   _("This consent expired on %s."), day);
      return FALSE;
    }
  if (g_strcmp0 (iop_consent_get_signed_on (consent), date) > 0)
    return refuse (error, _("This consent was not yet signed on that day."));
  return TRUE;
}

/**
 * iop_store_record_disclosure:
 * @self: an #IopStore
 * @participant_id: whose record is disclosed
 * @consent_id: the consent it relies on
 * @recipient: who receives it (the consent's recipient)
 * @what: what is disclosed, e.g. "Session summary, 2026-11-20" (no clinical content)
 * @out_id: (out) (optional): the disclosure's id
 * @error: return location for a #GError
 *
 * Checks the consent for today and records the disclosure in the participant's
 * disclosure history and in the audit log. The output disclosed must carry
 * iop_disclosure_notice().
 *
 * Returns: %TRUE when recorded; %FALSE (nothing recorded) when the consent does
 *   not allow it
 */
gboolean
iop_store_record_disclosure (IopStore    *self,
                             gint64       participant_id,
                             gint64       consent_id,
                             const char  *recipient,
                             const char  *what,
                             gint64      *out_id,
                             GError     **error)
{
  g_autofree char *today = iop_date_today ();
  g_autofree char *at = iop_timestamp_now ();
  g_autofree char *detail = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (IOP_IS_STORE (self), FALSE);

  if (iop_text_is_blank (recipient))
    return iop_validation_error (error, _("Enter who receives the information."));
  if (iop_text_is_blank (what))
    return iop_validation_error (error, _("Describe what is disclosed."));
  if (!iop_store_check_consent (self, consent_id, participant_id, recipient, today, error))
    return FALSE;

  if (!iop_store_begin (self, error))
    return FALSE;
  stmt = iop_store_prepare (self,
                            "INSERT INTO disclosures (participant_id, consent_id, recipient, what, at, staff_id)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, participant_id);
  sqlite3_bind_int64 (stmt, 2, consent_id);
  iop_bind_text (stmt, 3, recipient);
  iop_bind_text (stmt, 4, what);
  iop_bind_text (stmt, 5, at);
  iop_bind_id_or_null (stmt, 6, iop_store_get_actor (self));
  if (!iop_store_step_done (self, stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (iop_store_get_db (self));
  detail = g_strdup_printf ("consent %" G_GINT64_FORMAT "; to %s; %s", consent_id, recipient, what);
  if (!iop_store_audit (self, "disclose", IOP_KIND_CONSENT, id, participant_id, detail, error))
    goto fail;
  iop_store_mark_changed (self, IOP_KIND_CONSENT);
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
 * iop_store_list_disclosures:
 * @self: an #IopStore
 * @participant_id: the participant
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): a #GListModel of #IopDisclosure, newest first
 */
GListModel *
iop_store_list_disclosures (IopStore  *self,
                            gint64     participant_id,
                            GError   **error)
{
  g_autoptr(GListStore) list = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (IOP_IS_STORE (self), NULL);

  if (!iop_store_require (self, IOP_PERMISSION_VIEW_RECORD, participant_id, error))
    return NULL;
  stmt = iop_store_prepare (self,
                            "SELECT d.id, d.participant_id, d.consent_id, d.recipient, d.what, d.at,"
                            " d.staff_id, s.full_name FROM disclosures d"
                            " LEFT JOIN staff s ON s.id = d.staff_id"
                            " WHERE d.participant_id = ?1 ORDER BY d.at DESC, d.id DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, participant_id);
  list = g_list_store_new (IOP_TYPE_DISCLOSURE);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(IopDisclosure) d = iop_disclosure_new ();

      iop_disclosure_set_id (d, sqlite3_column_int64 (stmt, 0));
      iop_disclosure_set_participant_id (d, sqlite3_column_int64 (stmt, 1));
      iop_disclosure_set_consent_id (d, sqlite3_column_int64 (stmt, 2));
      iop_disclosure_set_recipient (d, iop_column_text (stmt, 3));
      iop_disclosure_set_what (d, iop_column_text (stmt, 4));
      iop_disclosure_set_at (d, iop_column_text (stmt, 5));
      iop_disclosure_set_staff_id (d, sqlite3_column_int64 (stmt, 6));
      iop_disclosure_set_staff_name (d, iop_column_text (stmt, 7));
      g_list_store_append (list, d);
    }
  sqlite3_reset (stmt);
  return G_LIST_MODEL (g_steal_pointer (&list));
}

/**
 * iop_disclosure_notice_for:
 * @recipient: who receives the record
 * @consent_id: the consent the disclosure relies on
 *
 * Returns: (transfer full): the line an output disclosed under @consent_id
 *   opens with: to whom, under which consent, and the 42 CFR § 2.32 notice
 */
char *
iop_disclosure_notice_for (const char *recipient,
                           gint64      consent_id)
{
  return g_strdup_printf (_("Disclosed to %s under consent No. %" G_GINT64_FORMAT ". %s"),
                          recipient, consent_id, iop_disclosure_notice ());
}

/**
 * iop_disclosure_notice:
 *
 * The written statement that must accompany every disclosure made with a
 * participant's consent (42 CFR § 2.32(a)(1)).
 *
 * Returns: the translated notice
 */
const char *
iop_disclosure_notice (void)
{
  return _("This record which has been disclosed to you is protected by Federal confidentiality "
           "rules (42 CFR part 2). These rules prohibit you from using or disclosing this record, "
           "or testimony that describes the information contained in this record, in any civil, "
           "criminal, administrative, or legislative proceedings by any Federal, State, or local "
           "authority, against the patient, unless authorized by the consent of the patient, except "
           "as provided at 42 CFR 2.12(c)(5) or as authorized by a court in accordance with 42 CFR "
           "2.64 or 2.65. In addition, the Federal rules prohibit you from making any other use or "
           "disclosure of this record unless at least one of the following applies: (i) Further use "
           "or disclosure is expressly permitted by the written consent of the individual whose "
           "information is being disclosed in this record or as otherwise permitted by 42 CFR part 2. "
           "(ii) You are a covered entity or business associate and have received the record for "
           "treatment, payment, or health care operations, or (iii) You have received the record "
           "from a covered entity or business associate as permitted by 45 CFR part 164, subparts A "
           "and E. A general authorization for the release of medical or other information is NOT "
           "sufficient to meet the required elements of written consent to further use or redisclose "
           "the record (see 42 CFR 2.31).");
}
