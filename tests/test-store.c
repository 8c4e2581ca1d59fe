/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "iop-store-people.h"
#include "iop-store-private.h"
#include "iop-test-util.h"

static char *
pragma_text (IopStore *store, const char *sql)
{
  sqlite3_stmt *stmt = iop_store_prepare (store, sql, NULL);
  char *value;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return value;
}

static void
test_open_settings (void)
{
  g_autoptr(IopStore) store = iop_test_open_store ("pragmas");
  g_autofree char *journal = pragma_text (store, "PRAGMA journal_mode");
  g_autofree char *sync = pragma_text (store, "PRAGMA synchronous");
  g_autofree char *fk = pragma_text (store, "PRAGMA foreign_keys");
  g_autofree char *timeout = pragma_text (store, "PRAGMA busy_timeout");

  g_assert_cmpstr (journal, ==, "wal");
  g_assert_cmpstr (sync, ==, "2");  /* FULL */
  g_assert_cmpstr (fk, ==, "1");
  g_assert_cmpint (atoi (timeout), >=, 5000);
  g_assert_cmpuint (iop_store_get_version (store), ==, iop_store_latest_version ());
  g_assert_true (iop_store_is_empty (store));
}

static void
test_private_files (void)
{
  g_autofree char *dir = g_build_filename (iop_test_tmpdir (), "nested", "org.example.iop", NULL);
  g_autofree char *path = g_build_filename (dir, "circle.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(IopStore) store = iop_store_open (path, &error);
  struct stat st;

  g_assert_no_error (error);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
test_default_path (void)
{
  g_autofree char *path = iop_store_default_path ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "org.example.iop", "circle.db", NULL);

  g_assert_cmpstr (path, ==, expected);
}

static void
test_transactions_nest (void)
{
  g_autoptr(IopStore) store = iop_test_open_store ("txn");
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  g_autofree char *outer = NULL;

  g_assert_true (iop_store_begin (store, &error));
  g_assert_true (iop_store_set_setting (store, "program-name", "Outer", &error));
  g_assert_true (iop_store_begin (store, &error));
  g_assert_true (iop_store_set_setting (store, "program-name", "Inner", &error));
  iop_store_rollback (store);  /* only the savepoint */
  g_assert_true (iop_store_commit (store, &error));
  g_assert_no_error (error);

  outer = iop_store_get_setting (store, "program-name", NULL);
  g_assert_cmpstr (outer, ==, "Outer");

  g_assert_true (iop_store_begin (store, &error));
  g_assert_true (iop_store_set_setting (store, "program-name", "Rolled back", &error));
  iop_store_rollback (store);
  value = iop_store_get_setting (store, "program-name", NULL);
  g_assert_cmpstr (value, ==, "Outer");
}

static void
changed_cb (IopStore *store, const char *kind, GPtrArray *seen)
{
  g_ptr_array_add (seen, g_strdup (kind));
}

static void
test_changed_after_commit (void)
{
  g_autoptr(IopStore) store = iop_test_open_store ("changed");
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  g_signal_connect (store, "changed", G_CALLBACK (changed_cb), seen);
  g_assert_true (iop_store_begin (store, &error));
  g_assert_true (iop_store_set_setting (store, "a", "1", &error));
  g_assert_cmpuint (seen->len, ==, 0);  /* nothing announced inside the transaction */
  g_assert_true (iop_store_commit (store, &error));
  g_assert_true (g_ptr_array_find_with_equal_func (seen, IOP_KIND_SETTING, g_str_equal, NULL));

  g_ptr_array_set_size (seen, 0);
  g_assert_true (iop_store_begin (store, &error));
  g_assert_true (iop_store_set_setting (store, "a", "2", &error));
  iop_store_rollback (store);
  g_assert_cmpuint (seen->len, ==, 0);  /* a rolled back change is never announced */
}

static void
test_settings (void)
{
  g_autoptr(IopStore) store = iop_test_open_store ("settings");
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = iop_store_get_setting (store, "nothing", "default");

  g_assert_cmpstr (missing, ==, "default");
  g_assert_cmpint (iop_store_get_setting_int (store, "n", 42), ==, 42);
  g_assert_true (iop_store_set_setting (store, "n", "7", &error));
  g_assert_cmpint (iop_store_get_setting_int (store, "n", 42), ==, 7);
}

static void
test_audit_chain (void)
{
  g_autoptr(IopStore) store = iop_test_open_store ("audit");
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  g_autofree char *prev = g_strdup ("");
  int rows = 0;

  iop_store_set_actor (store, 0);
  g_assert_true (iop_store_audit (store, "view", IOP_KIND_PARTICIPANT, 3, 3, NULL, &error));
  g_assert_true (iop_store_audit (store, "print", IOP_KIND_SESSION, 9, 3, "member copy", &error));
  g_assert_no_error (error);

  stmt = iop_store_prepare (store,
                            "SELECT id, at, coalesce(staff_id, 0), action, kind, coalesce(record_id, 0),"
                            " coalesce(participant_id, 0), detail, prev_hash, hash FROM audit_log ORDER BY id",
                            &error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *content = iop_audit_entry_content (sqlite3_column_int64 (stmt, 0),
                                                          iop_column_text (stmt, 1),
                                                          sqlite3_column_int64 (stmt, 2),
                                                          iop_column_text (stmt, 3),
                                                          iop_column_text (stmt, 4),
                                                          sqlite3_column_int64 (stmt, 5),
                                                          sqlite3_column_int64 (stmt, 6),
                                                          iop_column_text (stmt, 7),
                                                          iop_column_text (stmt, 8));
      g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, content, -1);

      g_assert_cmpstr (iop_column_text (stmt, 8), ==, prev);
      g_assert_cmpstr (iop_column_text (stmt, 9), ==, hash);
      g_free (prev);
      prev = g_strdup (hash);
      rows++;
    }
  sqlite3_reset (stmt);
  g_assert_cmpint (rows, ==, 2);

  /* The log is append-only at the SQL level. */
  g_assert_false (iop_store_exec (store, "UPDATE audit_log SET detail = 'x'", &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_false (iop_store_exec (store, "DELETE FROM audit_log", &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_LOCKED);
}

static void
test_newer_database_refused (void)
{
  g_autofree char *path = iop_test_db_path ("newer");
  g_autoptr(GError) error = NULL;
  g_autoptr(IopStore) reopened = NULL;
  sqlite3 *db;

  {
    g_autoptr(IopStore) store = iop_test_open_store ("newer");
  }
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 999", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  reopened = iop_store_open (path, &error);
  g_assert_null (reopened);
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_NEWER);
}

static void
test_not_a_database (void)
{
  g_autofree char *path = iop_test_db_path ("garbage");
  g_autoptr(GError) error = NULL;
  g_autoptr(IopStore) store = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (g_file_set_contents (path, "This is not a database, it is a letter.\n"
                                      "Dear counselor, please keep this file intact.\n", -1, NULL));
  g_file_get_contents (path, &before, NULL, NULL);
  store = iop_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_CORRUPT);
  g_file_get_contents (path, &after, NULL, NULL);
  g_assert_cmpstr (before, ==, after);
}

static void
test_busy_database (void)
{
  g_autoptr(IopStore) store = iop_test_open_store ("busy");
  g_autofree char *path = iop_test_db_path ("busy");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = iop_test_checksum (store);
  sqlite3 *other;

  /* Another program holds the write lock; our wait is shortened for the test. */
  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (iop_store_get_db (store), 50);

  g_assert_false (iop_store_set_setting (store, "program-name", "Blocked", &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_BUSY);

  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);
  iop_assert_unchanged (store, before);
}

static void
test_read_only_database (void)
{
  g_autofree char *path = iop_test_db_path ("readonly");
  g_autoptr(GError) error = NULL;
  g_autoptr(IopStore) store = NULL;
  g_autofree char *before = NULL;

  {
    g_autoptr(IopStore) setup = iop_test_open_store ("readonly");
    g_assert_true (iop_store_set_setting (setup, "program-name", "Kept", &error));
  }
  store = iop_test_open_store ("readonly");
  before = iop_test_checksum (store);
  /* Ask SQLite itself for read-only behaviour: root ignores file permissions. */
  g_assert_true (iop_store_exec (store, "PRAGMA query_only = ON", &error));
  g_assert_false (iop_store_set_setting (store, "program-name", "Lost", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (iop_store_exec (store, "PRAGMA query_only = OFF", &error));
  iop_assert_unchanged (store, before);
}

static void
test_checksum_detects_change (void)
{
  g_autoptr(IopStore) store = iop_test_open_store ("checksum");
  g_autoptr(GError) error = NULL;
  g_autofree char *a = iop_test_checksum (store);
  g_autofree char *b = NULL;

  g_assert_true (iop_store_set_setting (store, "x", "y", &error));
  b = iop_test_checksum (store);
  g_assert_cmpstr (a, !=, b);
}

static void
test_deferred_integrity_check (void)
{
  g_autofree char *path = iop_test_db_path ("integrity");
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  {
    g_autoptr(IopStore) store = iop_test_open_sample ("integrity");
    g_autoptr(IopStore) deferred = NULL;

    g_assert_true (iop_store_exec (store, "PRAGMA wal_checkpoint(TRUNCATE)", &error));
    g_assert_true (iop_store_check_integrity (path, &error));
    g_assert_no_error (error);
    deferred = iop_store_open_full (path, IOP_STORE_OPEN_DEFER_CHECK, &error);
    g_assert_no_error (error);
    g_assert_nonnull (deferred);
  }

  /* Scribble over the middle of the file, as a failing disk might. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 16384);
  for (gsize i = 8192; i < 12288; i++)
    contents[i] = (char) (i * 7);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));

  g_assert_false (iop_store_check_integrity (path, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_CORRUPT);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store/open-settings", test_open_settings);
  g_test_add_func ("/store/private-files", test_private_files);
  g_test_add_func ("/store/default-path", test_default_path);
  g_test_add_func ("/store/transactions-nest", test_transactions_nest);
  g_test_add_func ("/store/changed-after-commit", test_changed_after_commit);
  g_test_add_func ("/store/settings", test_settings);
  g_test_add_func ("/store/audit-chain", test_audit_chain);
  g_test_add_func ("/store/newer-database-refused", test_newer_database_refused);
  g_test_add_func ("/store/not-a-database", test_not_a_database);
  g_test_add_func ("/store/busy", test_busy_database);
  g_test_add_func ("/store/read-only", test_read_only_database);
  g_test_add_func ("/store/checksum", test_checksum_detects_change);
  g_test_add_func ("/store/deferred-integrity-check", test_deferred_integrity_check);
  return g_test_run ();
}
