/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "iop-access-private.h"
#include "iop-access.h"
#include "iop-audit.h"
#include "iop-backup.h"
#include "iop-sample.h"
#include "iop-store-people.h"
#include "iop-store-sessions.h"
#include "iop-store-private.h"
#include "iop-test-util.h"

static gint64
query_int (IopStore   *store,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (iop_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static gint64
count_audit (IopStore   *store,
             const char *action)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (iop_store_get_db (store),
                                       "SELECT count(*) FROM audit_log WHERE action = ?1", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, action, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static gint64
staff_id (IopStore   *store,
          const char *username)
{
  g_autoptr(IopStaff) s = iop_store_find_staff (store, username);

  g_assert_nonnull (s);
  return iop_staff_get_id (s);
}

/* A participant of counselor1's caseload, and one outside it (counselor2's,
 * in none of counselor1's groups). */
static gint64
own_participant (IopStore *store)
{
  return query_int (store,
                    "SELECT p.id FROM participants p JOIN staff s ON s.id = p.primary_counselor_id"
                    " WHERE s.username = 'counselor1' ORDER BY p.id LIMIT 1");
}

static gint64
foreign_participant (IopStore *store)
{
  return query_int (store,
                    "SELECT p.id FROM participants p JOIN staff s ON s.id = p.primary_counselor_id"
                    " WHERE s.username = 'counselor2' AND NOT EXISTS ("
                    "   SELECT 1 FROM enrollments e JOIN groups g ON g.id = e.group_id"
                    "   JOIN staff c ON c.username = 'counselor1'"
                    "   WHERE e.participant_id = p.id"
                    "     AND (g.facilitator_id = c.id OR g.co_facilitator_id = c.id))"
                    " ORDER BY p.id LIMIT 1");
}

static IopStore *
open_signed_in (const char *name,
                const char *username)
{
  g_autoptr(GError) error = NULL;
  IopStore *store = iop_test_open_strict (name);

  iop_test_load_sample (store);
  if (username != NULL)
    iop_test_sign_in (store, username);
  return store;
}

static void
assert_refused (IopStore    *store,
                const char  *before,
                GError      *error)
{
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_PERMISSION);
  g_assert_cmpstr (error->message, !=, "");
  iop_assert_unchanged (store, before);
}

static void
test_permission_table (void)
{
  g_assert_cmpint (iop_access_permission_for ("view", IOP_KIND_PARTICIPANT), ==, IOP_PERMISSION_VIEW_RECORD);
  g_assert_cmpint (iop_access_permission_for ("print", IOP_KIND_SESSION), ==, IOP_PERMISSION_VIEW_RECORD);
  g_assert_cmpint (iop_access_permission_for ("export", IOP_KIND_PLAN), ==, IOP_PERMISSION_VIEW_RECORD);
  g_assert_cmpint (iop_access_permission_for ("export", IOP_KIND_AUDIT), ==, IOP_PERMISSION_AUDIT_LOG);
  g_assert_cmpint (iop_access_permission_for ("create", IOP_KIND_SESSION), ==, IOP_PERMISSION_DOCUMENT);
  g_assert_cmpint (iop_access_permission_for ("change", IOP_KIND_PLAN), ==, IOP_PERMISSION_DOCUMENT);
  g_assert_cmpint (iop_access_permission_for ("import", IOP_KIND_PLAN), ==, IOP_PERMISSION_MANAGE_RECORDS);
  g_assert_cmpint (iop_access_permission_for ("sign", IOP_KIND_SESSION), ==, IOP_PERMISSION_SIGN);
  g_assert_cmpint (iop_access_permission_for ("cosign", IOP_KIND_PLAN), ==, IOP_PERMISSION_COSIGN);
  g_assert_cmpint (iop_access_permission_for ("return", IOP_KIND_SESSION), ==, IOP_PERMISSION_COSIGN);
  g_assert_cmpint (iop_access_permission_for ("create", IOP_KIND_PARTICIPANT), ==, IOP_PERMISSION_INTAKE);
  g_assert_cmpint (iop_access_permission_for ("change", IOP_KIND_PARTICIPANT), ==, IOP_PERMISSION_MANAGE_RECORDS);
  g_assert_cmpint (iop_access_permission_for ("create", IOP_KIND_CONSENT), ==, IOP_PERMISSION_MANAGE_RECORDS);
  g_assert_cmpint (iop_access_permission_for ("role", IOP_KIND_STAFF), ==, IOP_PERMISSION_MANAGE_STAFF);
  g_assert_cmpint (iop_access_permission_for ("change", IOP_KIND_SETTING), ==, IOP_PERMISSION_SETTINGS);
  g_assert_cmpint (iop_access_permission_for ("backup", IOP_KIND_DATABASE), ==, IOP_PERMISSION_BACKUP);
  g_assert_cmpint (iop_access_permission_for ("sign-in", IOP_KIND_STAFF), ==, IOP_PERMISSION_NONE);
  /* An action no one planned for is treated as a change to a clinical record. */
  g_assert_cmpint (iop_access_permission_for ("frobnicate", "widget"), ==, IOP_PERMISSION_DOCUMENT);

  g_assert_cmpint (iop_role_grant (IOP_ROLE_COUNSELOR, IOP_PERMISSION_DOCUMENT), ==, IOP_GRANT_SCOPED);
  g_assert_cmpint (iop_role_grant (IOP_ROLE_SUPERVISOR, IOP_PERMISSION_DOCUMENT), ==, IOP_GRANT_SCOPED);
  g_assert_cmpint (iop_role_grant (IOP_ROLE_COUNSELOR, IOP_PERMISSION_INTAKE), ==, IOP_GRANT_ALL);
  g_assert_cmpint (iop_role_grant (IOP_ROLE_SUPERVISOR, IOP_PERMISSION_VIEW_RECORD), ==, IOP_GRANT_ALL);
  g_assert_cmpint (iop_role_grant (IOP_ROLE_ADMINISTRATOR, IOP_PERMISSION_COSIGN), ==, IOP_GRANT_ALL);
  g_assert_cmpint (iop_role_grant (IOP_ROLE_ADMINISTRATOR, IOP_PERMISSION_BACKUP), ==, IOP_GRANT_ALL);
  g_assert_cmpint (iop_role_grant (IOP_ROLE_NONE, IOP_PERMISSION_VIEW_RECORD), ==, IOP_GRANT_NO);
  /* An administrator may do everything a supervisor may. */
  for (IopPermission p = 0; p < IOP_N_PERMISSIONS; p++)
    if (iop_role_grant (IOP_ROLE_SUPERVISOR, p) != IOP_GRANT_NO)
      g_assert_cmpint (iop_role_grant (IOP_ROLE_ADMINISTRATOR, p), !=, IOP_GRANT_NO);
}

static void
test_nobody_signed_in (void)
{
  g_autoptr(IopStore) store = open_signed_in ("nobody", NULL);
  g_autoptr(IopParticipant) p = iop_participant_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = iop_test_checksum (store);

  /* Circle itself may not act outside loading the sample program. */
  iop_participant_set_record_number (p, "IOP-9001");
  iop_participant_set_first_name (p, "Nobody");
  iop_participant_set_last_name (p, "Signed");
  iop_participant_set_level_of_care (p, "adult-iop");
  iop_participant_set_admission_date (p, "2026-01-05");
  g_assert_false (iop_store_add_participant (store, p, &error));
  assert_refused (store, before, error);
  g_clear_error (&error);

  g_assert_false (iop_store_audit (store, "view", IOP_KIND_PARTICIPANT, 1, 1, NULL, &error));
  assert_refused (store, before, error);
  g_clear_error (&error);

  g_assert_false (iop_store_set_setting (store, "program-name", "X", &error));
  assert_refused (store, before, error);
  g_clear_error (&error);

  g_assert_false (iop_store_require (store, IOP_PERMISSION_VIEW_RECORD, 1, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_PERMISSION);
}

static void
test_counselor (void)
{
  g_autoptr(IopStore) store = open_signed_in ("counselor", "counselor1");
  g_autoptr(GError) error = NULL;
  g_autoptr(IopParticipant) mine = NULL;
  g_autoptr(IopParticipant) theirs = NULL;
  g_autoptr(IopStaff) newcomer = iop_staff_new ();
  g_autofree char *before = NULL;
  g_autofree char *backup = iop_test_db_path ("counselor-backup");
  gint64 own = own_participant (store);
  gint64 other = foreign_participant (store);

  g_assert_cmpint (own, >, 0);
  g_assert_cmpint (other, >, 0);
  g_assert_cmpint (iop_access_get_role (store), ==, IOP_ROLE_COUNSELOR);

  /* Their caseload: view, change, document, sign. */
  g_assert_true (iop_store_audit (store, "view", IOP_KIND_PARTICIPANT, own, own, NULL, &error));
  g_assert_no_error (error);
  mine = iop_store_get_participant (store, own, &error);
  iop_participant_set_pronouns (mine, "they/them");
  g_assert_true (iop_store_update_participant (store, mine, &error));
  g_assert_no_error (error);
  g_assert_true (iop_store_audit (store, "create", IOP_KIND_PLAN, 1, own, NULL, &error));
  g_assert_true (iop_store_audit (store, "sign", IOP_KIND_PLAN, 1, own, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (iop_access_may_see_participant (store, own));

  /* Someone else's: refused, nothing changes. */
  before = iop_test_checksum (store);
  g_assert_false (iop_access_may_see_participant (store, other));
  g_assert_false (iop_store_audit (store, "view", IOP_KIND_PARTICIPANT, other, other, NULL, &error));
  assert_refused (store, before, error);
  g_clear_error (&error);
  theirs = iop_store_get_participant (store, other, &error);
  iop_participant_set_pronouns (theirs, "he/him");
  g_assert_false (iop_store_update_participant (store, theirs, &error));
  assert_refused (store, before, error);
  g_clear_error (&error);

  /* Not a counselor's job: co-signing, the audit log, staff, settings, backups. */
  g_assert_false (iop_store_audit (store, "cosign", IOP_KIND_SESSION, 1, own, NULL, &error));
  assert_refused (store, before, error);
  g_clear_error (&error);
  g_assert_null (iop_store_list_audit (store, NULL, 0, &error));
  assert_refused (store, before, error);
  g_clear_error (&error);
  iop_staff_set_username (newcomer, "newcomer");
  iop_staff_set_full_name (newcomer, "New Comer");
  g_assert_false (iop_access_add_staff (store, newcomer, "long enough passphrase", &error));
  assert_refused (store, before, error);
  g_clear_error (&error);
  g_assert_false (iop_store_set_setting (store, "program-name", "Mine", &error));
  assert_refused (store, before, error);
  g_clear_error (&error);
  g_assert_false (iop_backup_write (store, backup, NULL, &error));
  assert_refused (store, before, error);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_true (iop_access_may (store, IOP_PERMISSION_DOCUMENT));
  g_assert_false (iop_access_may (store, IOP_PERMISSION_COSIGN));
  g_assert_false (iop_access_may (store, IOP_PERMISSION_AUDIT_LOG));
  g_assert_false (iop_access_may (store, IOP_PERMISSION_BACKUP));
}

static void
test_supervisor (void)
{
  g_autoptr(IopStore) store = open_signed_in ("supervisor", "supervisor");
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) audit = NULL;
  g_autofree char *before = NULL;
  gint64 other = foreign_participant (store);

  g_assert_cmpint (iop_access_get_role (store), ==, IOP_ROLE_SUPERVISOR);
  g_assert_true (iop_store_audit (store, "view", IOP_KIND_PARTICIPANT, other, other, NULL, &error));
  g_assert_true (iop_store_audit (store, "cosign", IOP_KIND_SESSION, 1, other, NULL, &error));
  g_assert_true (iop_store_audit (store, "report", IOP_KIND_GROUP, 1, 0, NULL, &error));
  g_assert_no_error (error);
  audit = iop_store_list_audit (store, NULL, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (audit), ==, 10);

  before = iop_test_checksum (store);
  g_assert_false (iop_store_audit (store, "create", IOP_KIND_SESSION, 1, other, NULL, &error));
  assert_refused (store, before, error);
  g_clear_error (&error);
  g_assert_false (iop_access_set_role (store, staff_id (store, "counselor1"), "supervisor", &error));
  assert_refused (store, before, error);
  g_clear_error (&error);
  g_assert_false (iop_store_set_setting (store, "program-name", "Ours", &error));
  assert_refused (store, before, error);
}

static void
test_administrator (void)
{
  g_autoptr(IopStore) store = open_signed_in ("administrator", "admin");
  g_autoptr(GError) error = NULL;
  g_autoptr(IopStaff) newcomer = iop_staff_new ();
  g_autoptr(IopStaff) signed_in = NULL;
  g_autofree char *before = NULL;
  g_autofree char *backup = iop_test_db_path ("admin-backup");
  gint64 counselor2 = staff_id (store, "counselor2");
  gint64 admin = staff_id (store, "admin");
  gint64 roles_before = count_audit (store, "role");

  g_assert_true (iop_store_set_setting (store, "program-name", "Riverside IOP", &error));
  iop_staff_set_username (newcomer, "counselor3");
  iop_staff_set_full_name (newcomer, "Sam Rivera, CADC");
  g_assert_true (iop_access_add_staff (store, newcomer, "a long passphrase", &error));
  g_assert_no_error (error);
  g_assert_true (iop_backup_write (store, backup, NULL, &error));
  g_assert_no_error (error);

  /* Role changes are audited, once each, with what changed. */
  g_assert_true (iop_access_set_role (store, counselor2, "supervisor", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_audit (store, "role"), ==, roles_before + 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit_log WHERE action = 'role'"
                                     " AND detail = 'counselor → supervisor'"), ==, 1);

  /* Nobody may leave the program without an administrator. */
  before = iop_test_checksum (store);
  g_assert_false (iop_access_set_role (store, admin, "counselor", &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
  iop_assert_unchanged (store, before);
  g_clear_error (&error);
  g_assert_false (iop_access_set_active (store, admin, FALSE, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
  iop_assert_unchanged (store, before);
  g_clear_error (&error);

  /* Documentation is for one's own groups and caseload; the administrator has none. */
  g_assert_false (iop_store_audit (store, "create", IOP_KIND_SESSION, 1, 1, NULL, &error));
  assert_refused (store, before, error);
  g_clear_error (&error);

  /* The new staff member signs in with the passphrase they were given. */
  g_assert_true (iop_access_sign_out (store, &error));
  signed_in = iop_access_sign_in (store, "counselor3", "a long passphrase", &error);
  g_assert_no_error (error);
  g_assert_nonnull (signed_in);
  g_assert_cmpint (iop_access_get_role (store), ==, IOP_ROLE_COUNSELOR);
}

static void
test_deactivated (void)
{
  g_autoptr(IopStore) store = open_signed_in ("deactivated", "admin");
  g_autoptr(GError) error = NULL;
  g_autoptr(IopStaff) staff = NULL;

  g_assert_true (iop_access_set_active (store, staff_id (store, "counselor2"), FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (iop_access_sign_out (store, &error));
  staff = iop_access_sign_in (store, "counselor2", "sample", &error);
  g_assert_null (staff);
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_PERMISSION);
}

static void
test_sign_in (void)
{
  g_autoptr(IopStore) store = open_signed_in ("sign-in", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(IopStaff) staff = NULL;
  g_autofree char *hash = NULL;

  /* Hashes are Argon2id, never the passphrase. */
  {
    sqlite3_stmt *stmt = NULL;

    sqlite3_prepare_v2 (iop_store_get_db (store), "SELECT credentials FROM staff WHERE username = 'admin'",
                        -1, &stmt, NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    hash = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    sqlite3_finalize (stmt);
  }
  g_assert_true (g_str_has_prefix (hash, "$argon2id$"));
  g_assert_null (strstr (hash, "sample"));

  g_assert_null (iop_access_sign_in (store, "admin", "wrong", &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_null (iop_access_sign_in (store, "nobody-here", "sample", &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_cmpint (iop_store_get_actor (store), ==, 0);
  g_assert_cmpint (count_audit (store, "sign-in-failed"), ==, 2);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit_log WHERE detail LIKE '%wrong%'"
                                     " OR detail LIKE '%nobody-here%'"), ==, 0);

  staff = iop_access_sign_in (store, "ADMIN", "sample", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (iop_staff_get_username (staff), ==, "admin");
  g_assert_cmpint (iop_store_get_actor (store), ==, iop_staff_get_id (staff));
  g_assert_cmpint (count_audit (store, "sign-in"), ==, 1);

  g_assert_true (iop_access_sign_out (store, &error));
  g_assert_cmpint (iop_store_get_actor (store), ==, 0);
  g_assert_cmpint (count_audit (store, "sign-out"), ==, 1);
}

static void
test_first_administrator (void)
{
  g_autoptr(IopStore) store = iop_test_open_strict ("first-admin");
  g_autoptr(GError) error = NULL;
  g_autoptr(IopStaff) admin = NULL;
  g_autoptr(IopStaff) again = NULL;
  g_autoptr(IopStaff) signed_in = NULL;

  g_assert_false (iop_access_has_staff (store));
  g_assert_null (iop_access_create_first_administrator (store, "lead", "Lee Adams", "short", &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  admin = iop_access_create_first_administrator (store, "lead", "Lee Adams", "correct horse battery", &error);
  g_assert_no_error (error);
  g_assert_nonnull (admin);
  g_assert_true (iop_access_has_staff (store));
  g_assert_cmpint (iop_store_get_actor (store), ==, 0);

  /* Only once: afterwards an administrator adds staff. */
  again = iop_access_create_first_administrator (store, "sneaky", "Sneaky", "correct horse battery", &error);
  g_assert_null (again);
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_PERMISSION);
  g_clear_error (&error);

  signed_in = iop_access_sign_in (store, "lead", "correct horse battery", &error);
  g_assert_no_error (error);
  g_assert_cmpint (iop_access_get_role (store), ==, IOP_ROLE_ADMINISTRATOR);

  /* A database with staff refuses the sample program. */
  g_assert_false (iop_sample_load (store, &error));
  g_assert_nonnull (error);
}

static void
test_passphrases (void)
{
  g_autoptr(IopStore) store = open_signed_in ("passphrases", "counselor1");
  g_autoptr(GError) error = NULL;
  g_autoptr(IopStaff) staff = NULL;
  g_autofree char *before = NULL;
  gint64 me = staff_id (store, "counselor1");
  gint64 colleague = staff_id (store, "counselor2");

  before = iop_test_checksum (store);
  g_assert_false (iop_access_set_passphrase (store, me, "short", &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
  iop_assert_unchanged (store, before);
  g_clear_error (&error);
  g_assert_false (iop_access_set_passphrase (store, colleague, "taking over now", &error));
  assert_refused (store, before, error);
  g_clear_error (&error);

  g_assert_true (iop_access_set_passphrase (store, me, "my own new passphrase", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_audit (store, "passphrase"), ==, 1);

  /* An administrator resets anyone's. */
  g_assert_true (iop_access_sign_out (store, &error));
  iop_test_sign_in (store, "admin");
  g_assert_true (iop_access_set_passphrase (store, colleague, "reset by the admin", &error));
  g_assert_no_error (error);
  g_assert_true (iop_access_sign_out (store, &error));

  staff = iop_access_sign_in (store, "counselor1", "sample", &error);
  g_assert_null (staff);
  g_clear_error (&error);
  staff = iop_access_sign_in (store, "counselor1", "my own new passphrase", &error);
  g_assert_no_error (error);
  g_clear_object (&staff);
  g_assert_true (iop_access_sign_out (store, &error));
  staff = iop_access_sign_in (store, "counselor2", "reset by the admin", &error);
  g_assert_no_error (error);
}

static void
test_lock (void)
{
  g_autoptr(IopStore) store = open_signed_in ("lock", "counselor1");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  gint64 own = own_participant (store);
  gint64 me = iop_store_get_actor (store);

  g_assert_true (iop_access_lock (store, &error));
  g_assert_true (iop_access_is_locked (store));
  g_assert_false (iop_access_may (store, IOP_PERMISSION_VIEW_RECORD));
  before = iop_test_checksum (store);
  g_assert_false (iop_store_audit (store, "view", IOP_KIND_PARTICIPANT, own, own, NULL, &error));
  assert_refused (store, before, error);
  g_clear_error (&error);
  g_assert_false (iop_store_require (store, IOP_PERMISSION_VIEW_RECORD, own, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_PERMISSION);
  g_clear_error (&error);

  g_assert_false (iop_access_unlock (store, "not it", &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_true (iop_access_is_locked (store));

  g_assert_true (iop_access_unlock (store, "sample", &error));
  g_assert_no_error (error);
  g_assert_false (iop_access_is_locked (store));
  g_assert_cmpint (iop_store_get_actor (store), ==, me);
  g_assert_true (iop_store_audit (store, "view", IOP_KIND_PARTICIPANT, own, own, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpint (count_audit (store, "lock"), ==, 1);
  g_assert_cmpint (count_audit (store, "unlock-failed"), ==, 1);
  g_assert_cmpint (count_audit (store, "unlock"), ==, 1);

  g_assert_false (iop_access_idle_expired (0, 9 * 60 * G_USEC_PER_SEC, 10));
  g_assert_true (iop_access_idle_expired (0, 10 * 60 * G_USEC_PER_SEC, 10));
  g_assert_false (iop_access_idle_expired (0, G_MAXINT64 / 2, 0));
}

/* Each audited action appears exactly once per act. */
static void
test_audited_once (void)
{
  g_autoptr(IopStore) store = open_signed_in ("audited-once", "counselor1");
  g_autoptr(GError) error = NULL;
  g_autoptr(IopParticipant) p = NULL;
  gint64 own = own_participant (store);
  gint64 total = query_int (store, "SELECT count(*) FROM audit_log");

  p = iop_store_get_participant (store, own, &error);
  g_assert_true (iop_store_audit (store, "view", IOP_KIND_PARTICIPANT, own, own, NULL, &error));
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit_log"), ==, total + 1);
  iop_participant_set_phone (p, "555-0199");
  g_assert_true (iop_store_update_participant (store, p, &error));
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit_log"), ==, total + 2);
  g_assert_true (iop_store_audit (store, "print", IOP_KIND_PARTICIPANT, own, own, "member copy", &error));
  g_assert_true (iop_store_audit (store, "export", IOP_KIND_PLAN, 1, own, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit_log"), ==, total + 4);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit_log WHERE action = 'print'"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit_log WHERE action = 'export'"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit_log WHERE action = 'view'"), ==, 1);
}


static gboolean
session_involves (IopStore   *store,
                  IopSession *session,
                  gint64      staff)
{
  g_autoptr(IopGroup) group = iop_store_get_group (store, iop_session_get_group_id (session), NULL);

  return iop_session_get_facilitator_id (session) == staff || iop_session_get_co_facilitator_id (session) == staff
         || (group != NULL && (iop_group_get_facilitator_id (group) == staff
                               || iop_group_get_co_facilitator_id (group) == staff));
}

/* A signature is always the signed-in staff member's (iop_store_sign_session()
 * takes no signer; tests/test-sessions.c checks signed_by is the actor): a
 * counselor at the desk cannot sign or document a colleague's session. */
static void
test_sign_as_self (void)
{
  g_autoptr(IopStore) store = open_signed_in ("sign-self", "counselor1");
  g_autoptr(GListModel) pending = NULL;
  g_autoptr(GError) error = NULL;
  gint64 me = iop_store_get_actor (store);
  gint64 other = 0;
  guint tried = 0;

  {
    g_autoptr(IopStaff) c2 = iop_store_find_staff (store, "counselor2");

    g_assert_nonnull (c2);
    other = iop_staff_get_id (c2);
  }
  pending = iop_store_list_sessions_to_document (store, me, NULL, &error);
  g_assert_no_error (error);
  iop_store_set_actor (store, other);
  for (guint i = 0; i < g_list_model_get_n_items (pending); i++)
    {
      g_autoptr(IopSession) s = g_list_model_get_item (pending, i);
      gint64 sid = iop_session_get_id (s);
      g_autofree char *before = NULL;

      if (session_involves (store, s, other))
        continue;
      before = iop_test_checksum (store);
      g_assert_false (iop_store_sign_session (store, sid, IOP_SIGN_ACCEPT_NAMES | IOP_SIGN_ACCEPT_SIMILAR, &error));
      g_assert_nonnull (error);
      g_clear_error (&error);
      /* Nor write its documentation: the note would be signed by someone else. */
      g_assert_false (iop_store_set_shared_note (store, sid, "Topic", "Interventions", "Group process", &error));
      g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_PERMISSION);
      g_clear_error (&error);
      iop_assert_unchanged (store, before);
      tried++;
    }
  g_assert_cmpuint (tried, >, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/access/permission-table", test_permission_table);
  g_test_add_func ("/access/nobody-signed-in", test_nobody_signed_in);
  g_test_add_func ("/access/counselor", test_counselor);
  g_test_add_func ("/access/sign-as-self", test_sign_as_self);
  g_test_add_func ("/access/supervisor", test_supervisor);
  g_test_add_func ("/access/administrator", test_administrator);
  g_test_add_func ("/access/deactivated", test_deactivated);
  g_test_add_func ("/access/sign-in", test_sign_in);
  g_test_add_func ("/access/first-administrator", test_first_administrator);
  g_test_add_func ("/access/passphrases", test_passphrases);
  g_test_add_func ("/access/lock", test_lock);
  g_test_add_func ("/access/audited-once", test_audited_once);
  return g_test_run ();
}
