/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "iop-access.h"
#include "iop-audit.h"
#include "iop-backup.h"
#include "iop-date.h"
#include "iop-sample.h"
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

/* Edits the file the way someone with the sqlite3 tool would: drop the
 * triggers, change a row. */
static void
tamper (const char *path,
        const char *sql)
{
  g_autofree char *script = g_strconcat ("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; ",
                                         sql, NULL);
  g_autofree char *tool = g_find_program_in_path ("sqlite3");

  if (tool != NULL)
    {
      const char *argv[] = { tool, path, script, NULL };
      g_autoptr(GError) error = NULL;
      int status = 0;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                                   NULL, NULL, &status, &error));
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
    }
  else
    {
      sqlite3 *db = NULL;

      g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db, script, NULL, NULL, NULL), ==, SQLITE_OK);
      sqlite3_close (db);
    }
}

static void
test_triggers_refuse (void)
{
  g_autoptr(IopStore) store = iop_test_open_sample ("triggers");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = iop_test_checksum (store);

  g_assert_false (iop_store_exec (store, "UPDATE audit_log SET detail = 'nothing happened' WHERE id = 3", &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_false (iop_store_exec (store, "DELETE FROM audit_log WHERE id = 3", &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_false (iop_store_exec (store, "DELETE FROM audit_log", &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  /* Disclosures and consents keep their history too. */
  g_assert_false (iop_store_exec (store, "DELETE FROM disclosures", &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_false (iop_store_exec (store, "UPDATE consents SET recipient = 'Anyone' WHERE id = 1", &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_false (iop_store_exec (store, "DELETE FROM consents WHERE id = 1", &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_LOCKED);
  iop_assert_unchanged (store, before);
}

static void
test_chain_intact (void)
{
  g_autoptr(IopStore) store = iop_test_open_sample ("chain");
  g_autoptr(GError) error = NULL;
  IopAuditChainStatus status = { 0 };
  g_autoptr(GPtrArray) report = g_ptr_array_new_with_free_func (g_free);
  gboolean all_hold = FALSE;

  g_assert_true (iop_store_verify_audit (store, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status.n_entries, >, 50);
  g_assert_cmpint (status.first_broken, ==, 0);

  g_assert_true (iop_backup_check_database (iop_store_get_path (store), &all_hold, report, &error));
  g_assert_no_error (error);
  g_assert_true (all_hold);
  g_assert_cmpuint (report->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (report, 0), ==, "integrity_check: ok");
  g_assert_cmpstr (g_ptr_array_index (report, 1), ==, "foreign_key_check: ok");
  g_assert_true (g_str_has_prefix (g_ptr_array_index (report, 2), "audit chain: ok ("));
}

static void
assert_broken_at (const char *path,
                  gint64      expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IopStore) store = iop_store_open (path, &error);
  g_autoptr(GPtrArray) report = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *needle = g_strdup_printf ("broken at entry %" G_GINT64_FORMAT " of", expected);
  IopAuditChainStatus status = { 0 };
  gboolean all_hold = TRUE;

  g_assert_no_error (error);
  g_assert_true (iop_store_verify_audit (store, &status, &error));
  g_assert_cmpint (status.first_broken, ==, expected);

  g_assert_true (iop_backup_check_database (path, &all_hold, report, &error));
  g_assert_false (all_hold);
  g_assert_nonnull (strstr (g_ptr_array_index (report, 2), needle));
  /* The report names the entry, never what it says. */
  for (guint i = 0; i < report->len; i++)
    g_assert_null (strstr (g_ptr_array_index (report, i), "edited"));
}

static void
test_edited_row_detected (void)
{
  g_autofree char *path = NULL;

  {
    g_autoptr(IopStore) store = iop_test_open_sample ("edited");
    path = g_strdup (iop_store_get_path (store));
  }
  tamper (path, "UPDATE audit_log SET detail = 'edited' WHERE id = 7;");
  assert_broken_at (path, 7);
}

static void
test_removed_row_detected (void)
{
  g_autofree char *path = NULL;

  {
    g_autoptr(IopStore) store = iop_test_open_sample ("removed");
    path = g_strdup (iop_store_get_path (store));
  }
  tamper (path, "DELETE FROM audit_log WHERE id = 12;");
  assert_broken_at (path, 13);
}

static void
test_rehashed_row_detected (void)
{
  g_autofree char *path = NULL;

  {
    g_autoptr(IopStore) store = iop_test_open_sample ("rehashed");
    path = g_strdup (iop_store_get_path (store));
  }
  /* Someone who recomputes the edited entry's own hash still breaks the next link. */
  tamper (path, "UPDATE audit_log SET staff_id = NULL, hash = 'feed' WHERE id = 9;");
  assert_broken_at (path, 9);
}

static void
test_filters (void)
{
  g_autoptr(IopStore) store = open_sample_as ("filters", "supervisor");
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GListModel) creates = NULL;
  g_autoptr(GListModel) mine = NULL;
  g_autoptr(GListModel) one = NULL;
  g_autoptr(GListModel) future = NULL;
  g_autoptr(GListModel) today = NULL;
  g_autoptr(IopAuditEntry) newest = NULL;
  g_auto(GStrv) actions = NULL;
  g_autofree char *day = iop_timestamp_now ();
  IopAuditFilter filter = { 0 };

  day[10] = '\0';
  all = iop_store_list_audit (store, NULL, 0, &error);
  g_assert_no_error (error);
  newest = g_list_model_get_item (all, 0);
  g_assert_cmpstr (iop_audit_entry_get_action (newest), ==, "sign-in");
  g_assert_cmpstr (iop_audit_entry_get_staff_username (newest), ==, "supervisor");

  filter.action = "create";
  creates = iop_store_list_audit (store, &filter, 0, &error);
  g_assert_cmpuint (g_list_model_get_n_items (creates), >, 40);
  g_assert_cmpuint (g_list_model_get_n_items (creates), <, g_list_model_get_n_items (all));

  filter.action = NULL;
  filter.staff_id = iop_store_get_actor (store);
  mine = iop_store_list_audit (store, &filter, 0, &error);
  g_assert_cmpuint (g_list_model_get_n_items (mine), >=, 1);
  for (guint i = 0; i < g_list_model_get_n_items (mine); i++)
    {
      g_autoptr(IopAuditEntry) e = g_list_model_get_item (mine, i);
      g_assert_cmpstr (iop_audit_entry_get_staff_username (e), ==, "supervisor");
    }

  filter.staff_id = 0;
  filter.participant_id = 1;
  one = iop_store_list_audit (store, &filter, 0, &error);
  g_assert_cmpuint (g_list_model_get_n_items (one), >=, 2);
  for (guint i = 0; i < g_list_model_get_n_items (one); i++)
    {
      g_autoptr(IopAuditEntry) e = g_list_model_get_item (one, i);
      g_assert_cmpint (iop_audit_entry_get_participant_id (e), ==, 1);
      g_assert_cmpstr (iop_audit_entry_get_record_number (e), ==, "IOP-1001");
    }

  filter.participant_id = 0;
  filter.from = "2999-01-01";
  future = iop_store_list_audit (store, &filter, 0, &error);
  g_assert_cmpuint (g_list_model_get_n_items (future), ==, 0);
  filter.from = day;
  filter.to = day;
  today = iop_store_list_audit (store, &filter, 0, &error);
  g_assert_cmpuint (g_list_model_get_n_items (today), ==, g_list_model_get_n_items (all));

  filter.from = "yesterday";
  g_assert_null (iop_store_list_audit (store, &filter, 0, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  actions = iop_store_list_audit_actions (store, &error);
  g_assert_true (g_strv_contains ((const char * const *) actions, "create"));
  g_assert_true (g_strv_contains ((const char * const *) actions, "disclose"));
  g_assert_cmpstr (iop_audit_action_label ("sign-in-failed"), ==, "Failed sign-in");
}

static void
test_csv (void)
{
  g_autoptr(IopStore) store = open_sample_as ("csv", "admin");
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  gint64 total;
  IopAuditFilter filter = { .action = "export" };

  /* A detail with a comma, a quote and a leading formula sign. */
  g_assert_true (iop_store_set_setting (store, "=SUM(A1),\"x\"", "1", &error));
  g_assert_no_error (error);
  g_assert_true (iop_store_export_audit_csv (store, NULL, out, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, &error));
  g_output_stream_close (out, NULL, NULL);
  text = g_strdup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)));
  lines = g_strsplit (text, "\r\n", -1);

  total = 0;
  {
    g_autoptr(GListModel) all = iop_store_list_audit (store, NULL, 0, &error);
    total = g_list_model_get_n_items (all);
  }
  g_assert_cmpstr (lines[0], ==, "id,at,staff,action,kind,record,participant,detail");
  g_assert_cmpuint (g_strv_length (lines), ==, total + 2);  /* header, entries, final empty */
  g_assert_true (g_str_has_prefix (lines[1], "1,"));
  /* The export is in what it exports, and in the log once. */
  g_assert_true (g_str_has_suffix (lines[total], ",admin,export,audit,,,csv"));
  g_assert_cmpstr (lines[total + 1], ==, "");
  {
    g_autoptr(GListModel) exports = iop_store_list_audit (store, &filter, 0, &error);
    g_assert_cmpuint (g_list_model_get_n_items (exports), ==, 1);
  }
  /* Quoted per RFC 4180, and a spreadsheet will not run it as a formula. */
  g_assert_nonnull (strstr (text, ",admin,change,setting,,,\"'=SUM(A1),\"\"x\"\"\"\r\n"));
}

static void
test_csv_refused (void)
{
  g_autoptr(IopStore) store = open_sample_as ("csv-refused", "counselor1");
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autofree char *before = iop_test_checksum (store);

  g_assert_false (iop_store_export_audit_csv (store, NULL, out, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_PERMISSION);
  g_assert_cmpuint (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)), ==, 0);
  iop_assert_unchanged (store, before);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/audit/triggers-refuse", test_triggers_refuse);
  g_test_add_func ("/audit/chain-intact", test_chain_intact);
  g_test_add_func ("/audit/edited-row-detected", test_edited_row_detected);
  g_test_add_func ("/audit/removed-row-detected", test_removed_row_detected);
  g_test_add_func ("/audit/rehashed-row-detected", test_rehashed_row_detected);
  g_test_add_func ("/audit/filters", test_filters);
  g_test_add_func ("/audit/csv", test_csv);
  g_test_add_func ("/audit/csv-refused", test_csv_refused);
  return g_test_run ();
}
