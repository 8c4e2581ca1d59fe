/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "iop-access.h"
#include "iop-date.h"
#include "iop-sample.h"
#include "iop-store-consents.h"
#include "iop-store-people.h"
#include "iop-store-private.h"
#include "iop-test-util.h"

static IopStore *
open_sample_as (const char *name,
                const char *username)
{
  g_autoptr(GError) error = NULL;
  IopStore *store = iop_test_open_strict (name);

  iop_test_load_sample (store);
  iop_test_sign_in (store, username);
  return store;
}

static gint64
count (IopStore   *store,
       const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (iop_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static IopConsent *
make_consent (gint64      participant_id,
              const char *recipient,
              const char *signed_on,
              const char *expires_on)
{
  IopConsent *c = iop_consent_new ();

  iop_consent_set_participant_id (c, participant_id);
  iop_consent_set_recipient (c, recipient);
  iop_consent_set_purpose (c, "Coordination of care");
  iop_consent_set_scope (c, "Attendance and progress");
  iop_consent_set_signed_on (c, signed_on);
  iop_consent_set_expires_on (c, expires_on);
  return c;
}

static void
test_validity (void)
{
  g_autoptr(IopConsent) c = make_consent (1, "Dr. Reyes", "2026-01-10", "2026-06-30");

  g_assert_false (iop_consent_is_valid_on (c, "2026-01-09"));
  g_assert_true (iop_consent_is_valid_on (c, "2026-01-10"));
  g_assert_true (iop_consent_is_valid_on (c, "2026-06-30"));   /* the expiry day still counts */
  g_assert_false (iop_consent_is_valid_on (c, "2026-07-01"));
  iop_consent_set_revoked_on (c, "2026-03-01");
  g_assert_true (iop_consent_is_valid_on (c, "2026-02-28"));
  g_assert_false (iop_consent_is_valid_on (c, "2026-03-01"));
  iop_consent_set_expires_on (c, NULL);
  iop_consent_set_revoked_on (c, NULL);
  g_assert_true (iop_consent_is_valid_on (c, "2099-01-01"));
}

static void
test_add_and_revoke (void)
{
  g_autoptr(IopStore) store = open_sample_as ("add-revoke", "counselor1");
  g_autoptr(GError) error = NULL;
  g_autoptr(IopConsent) c = make_consent (1, "  Dr. Alan Reyes  ", "2026-01-10", NULL);
  g_autoptr(IopConsent) bad = make_consent (1, "Dr. Reyes", "2026-01-10", "2025-12-31");
  g_autoptr(IopConsent) blank = make_consent (1, " ", "2026-01-10", NULL);
  g_autoptr(IopConsent) baddate = make_consent (1, "Dr. Reyes", "10/01/2026", NULL);
  g_autoptr(GListModel) list = NULL;
  g_autoptr(IopConsent) stored = NULL;
  g_autofree char *before = iop_test_checksum (store);
  gint64 revokes;
  guint n_before;

  /* Bad input changes nothing. */
  g_assert_false (iop_store_add_consent (store, bad, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (iop_store_add_consent (store, blank, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (iop_store_add_consent (store, baddate, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  iop_assert_unchanged (store, before);

  list = iop_store_list_consents (store, 1, &error);
  n_before = g_list_model_get_n_items (list);
  g_clear_object (&list);

  g_assert_true (iop_store_add_consent (store, c, &error));
  g_assert_no_error (error);
  g_assert_cmpint (iop_consent_get_id (c), >, 0);
  list = iop_store_list_consents (store, 1, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, n_before + 1);
  stored = iop_store_get_consent (store, iop_consent_get_id (c), &error);
  g_assert_cmpstr (iop_consent_get_recipient (stored), ==, "Dr. Alan Reyes");
  g_assert_cmpint (iop_consent_get_recorded_by (stored), ==, iop_store_get_actor (store));

  g_clear_pointer (&before, g_free);
  before = iop_test_checksum (store);
  g_assert_false (iop_store_revoke_consent (store, iop_consent_get_id (c), "2026-01-01", &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  iop_assert_unchanged (store, before);

  revokes = count (store, "SELECT count(*) FROM audit_log WHERE action = 'revoke'");
  g_assert_true (iop_store_revoke_consent (store, iop_consent_get_id (c), "2026-02-01", &error));
  g_assert_no_error (error);
  g_assert_false (iop_store_revoke_consent (store, iop_consent_get_id (c), "2026-02-02", &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
  g_assert_cmpint (count (store, "SELECT count(*) FROM audit_log WHERE action = 'revoke'"), ==, revokes + 1);
}

static void
test_consent_required (void)
{
  g_autoptr(IopStore) store = open_sample_as ("required", "counselor1");
  g_autoptr(GError) error = NULL;
  g_autofree char *today = iop_date_today ();
  g_autofree char *last_month = iop_date_add_days (today, -30);
  g_autofree char *yesterday = iop_date_add_days (today, -1);
  g_autofree char *next_year = iop_date_add_days (today, 365);
  g_autoptr(IopConsent) current = make_consent (1, "Dr. Alan Reyes", last_month, next_year);
  g_autoptr(IopConsent) expired = make_consent (1, "County Court", last_month, yesterday);
  g_autoptr(IopConsent) revoked = make_consent (1, "Sober House", last_month, NULL);
  g_autoptr(IopConsent) someone_else = make_consent (2, "Dr. Alan Reyes", last_month, NULL);
  g_autofree char *before = NULL;
  gint64 disclosure = 0;
  gint64 disclosures_before = count (store, "SELECT count(*) FROM disclosures");

  g_assert_true (iop_store_add_consent (store, current, &error));
  g_assert_true (iop_store_add_consent (store, expired, &error));
  g_assert_true (iop_store_add_consent (store, revoked, &error));
  g_assert_true (iop_store_add_consent (store, someone_else, &error));
  g_assert_true (iop_store_revoke_consent (store, iop_consent_get_id (revoked), yesterday, &error));
  g_assert_no_error (error);
  before = iop_test_checksum (store);

  /* Blocked: expired, revoked, another participant's, another recipient, no consent at all. */
  g_assert_false (iop_store_record_disclosure (store, 1, iop_consent_get_id (expired), "County Court",
                                               "Attendance letter", NULL, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_PERMISSION);
  g_assert_nonnull (strstr (error->message, "expired"));
  g_clear_error (&error);
  g_assert_false (iop_store_record_disclosure (store, 1, iop_consent_get_id (revoked), "Sober House",
                                               "Attendance letter", NULL, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_PERMISSION);
  g_assert_nonnull (strstr (error->message, "revoked"));
  g_clear_error (&error);
  g_assert_false (iop_store_record_disclosure (store, 1, iop_consent_get_id (someone_else), "Dr. Alan Reyes",
                                               "Attendance letter", NULL, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_false (iop_store_record_disclosure (store, 1, iop_consent_get_id (current), "A Journalist",
                                               "Attendance letter", NULL, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_false (iop_store_record_disclosure (store, 1, 99999, "Dr. Alan Reyes",
                                               "Attendance letter", NULL, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  iop_assert_unchanged (store, before);

  /* Allowed: recorded in the history and the audit log, once each. */
  g_assert_true (iop_store_record_disclosure (store, 1, iop_consent_get_id (current), "dr. alan reyes",
                                              "Member copy of a session summary", &disclosure, &error));
  g_assert_no_error (error);
  g_assert_cmpint (disclosure, >, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM disclosures"), ==, disclosures_before + 1);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM audit_log WHERE action = 'disclose'"
                                            " AND record_id = %" G_GINT64_FORMAT " AND participant_id = 1"
                                            " AND detail LIKE 'consent %" G_GINT64_FORMAT ";%%'",
                                            disclosure, iop_consent_get_id (current));
    g_assert_cmpint (count (store, sql), ==, 1);
  }
  {
    g_autoptr(GListModel) history = iop_store_list_disclosures (store, 1, &error);
    g_autoptr(IopDisclosure) newest = g_list_model_get_item (history, 0);

    g_assert_cmpint (iop_disclosure_get_consent_id (newest), ==, iop_consent_get_id (current));
    g_assert_cmpstr (iop_disclosure_get_what (newest), ==, "Member copy of a session summary");
    g_assert_cmpstr (iop_disclosure_get_staff_name (newest), ==, "Jordan Ellis, LADC");
  }
}

static void
test_counselor_scope (void)
{
  g_autoptr(IopStore) store = open_sample_as ("consent-scope", "counselor2");
  g_autoptr(GError) error = NULL;
  g_autoptr(IopConsent) c = make_consent (1, "Dr. Alan Reyes", "2026-01-10", NULL);
  g_autofree char *before = iop_test_checksum (store);
  gint64 caseload_of_counselor1 = count (store,
                                         "SELECT min(p.id) FROM participants p JOIN staff s ON s.id = p.primary_counselor_id"
                                         " WHERE s.username = 'counselor1' AND NOT EXISTS ("
                                         " SELECT 1 FROM enrollments e JOIN groups g ON g.id = e.group_id"
                                         " JOIN staff c ON c.username = 'counselor2' WHERE e.participant_id = p.id"
                                         " AND (g.facilitator_id = c.id OR g.co_facilitator_id = c.id))");

  iop_consent_set_participant_id (c, caseload_of_counselor1);
  g_assert_false (iop_store_add_consent (store, c, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_null (iop_store_list_consents (store, caseload_of_counselor1, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_null (iop_store_list_disclosures (store, caseload_of_counselor1, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_PERMISSION);
  iop_assert_unchanged (store, before);
}

static void
test_sample (void)
{
  g_autoptr(IopStore) store = open_sample_as ("consent-sample", "supervisor");
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) consents = iop_store_list_consents (store, 1, &error);
  g_autofree char *today = iop_date_today ();
  guint valid = 0, invalid = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (consents), ==, 2);
  for (guint i = 0; i < g_list_model_get_n_items (consents); i++)
    {
      g_autoptr(IopConsent) c = g_list_model_get_item (consents, i);
      if (iop_consent_is_valid_on (c, today))
        valid++;
      else
        invalid++;
    }
  g_assert_cmpuint (valid, ==, 1);
  g_assert_cmpuint (invalid, ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM disclosures"), >=, 3);
  g_assert_cmpint (count (store, "SELECT count(*) FROM consents WHERE revoked_on IS NOT NULL"), ==, 1);
  /* Each sample disclosure is in the audit log as a counselor's act. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM audit_log a JOIN staff s ON s.id = a.staff_id"
                                 " WHERE a.action = 'disclose' AND s.username = 'counselor1'"),
                   ==, count (store, "SELECT count(*) FROM disclosures"));
}

static void
test_notice (void)
{
  const char *notice = iop_disclosure_notice ();

  g_assert_true (g_str_has_prefix (notice, "This record which has been disclosed to you is protected by Federal confidentiality rules (42 CFR part 2)."));
  g_assert_nonnull (strstr (notice, "42 CFR 2.31"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/consents/validity", test_validity);
  g_test_add_func ("/consents/add-and-revoke", test_add_and_revoke);
  g_test_add_func ("/consents/required", test_consent_required);
  g_test_add_func ("/consents/counselor-scope", test_counselor_scope);
  g_test_add_func ("/consents/sample", test_sample);
  g_test_add_func ("/consents/notice", test_notice);
  return g_test_run ();
}
