/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include "iop-access-private.h"
#include "iop-access.h"
#include "iop-backup.h"
#include "iop-sample.h"
#include "iop-store-people.h"
#include "iop-store-private.h"
#include "iop-test-util.h"

/* Each test gets its own data folder, so "only the expected files" is checkable. */
static char *
folder_for (const char *name)
{
  char *dir = g_build_filename (iop_test_tmpdir (), name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return dir;
}

static IopStore *
open_admin (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "circle.db", NULL);
  g_autoptr(GError) error = NULL;
  IopStore *store;

  iop_access_use_fast_hashing (TRUE);
  store = iop_store_open (path, &error);
  g_assert_no_error (error);
  iop_test_load_sample (store);
  iop_test_sign_in (store, "admin");
  return store;
}

static GStrv
list_folder (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  const char *name;

  while ((name = g_dir_read_name (d)) != NULL)
    g_strv_builder_add (b, name);
  return g_strv_builder_end (b);
}

/* The database, its write-ahead log companions, databases set aside by a
 * restore, and the named files: nothing else (no temporary files). */
static void
assert_only_expected_files (const char         *dir,
                            const char * const *names_expected)
{
  g_auto(GStrv) names = list_folder (dir);

  for (guint i = 0; names[i] != NULL; i++)
    {
      gboolean ok = g_strv_contains (names_expected, names[i])
                    || g_str_equal (names[i], "circle.db-wal") || g_str_equal (names[i], "circle.db-shm")
                    || g_regex_match_simple ("^circle\\.db\\.replaced-\\d{8}T\\d{6}Z$", names[i], 0, 0);

      if (!ok)
        g_error ("Unexpected file in the data folder: %s", names[i]);
    }
}

static void
assert_private (const char *path)
{
  struct stat st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

/* The checksum of a backup file, read from a copy so the file itself stays as written. */
static char *
checksum_of_file (const char *path,
                  gboolean    drop_last_audit_entry)
{
  g_autofree char *copy = g_strconcat (path, ".probe", NULL);
  g_autofree char *wal = g_strconcat (copy, "-wal", NULL);
  g_autofree char *shm = g_strconcat (copy, "-shm", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize len;
  char *sum;

  g_assert_true (g_file_get_contents (path, &data, &len, &error));
  g_assert_true (g_file_set_contents (copy, data, len, &error));
  if (drop_last_audit_entry)
    {
      sqlite3 *db = NULL;
      g_assert_cmpint (sqlite3_open (copy, &db), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db, "DROP TRIGGER audit_log_no_delete;"
                                         " DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log);"
                                         " CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN"
                                         " SELECT RAISE (ABORT, 'the audit log is append-only'); END;",
                                     NULL, NULL, NULL), ==, SQLITE_OK);
      sqlite3_close (db);
    }
  {
    g_autoptr(IopStore) store = iop_store_open (copy, &error);
    g_assert_no_error (error);
    sum = iop_test_checksum (store);
  }
  g_unlink (copy);
  g_unlink (wal);
  g_unlink (shm);
  return sum;
}

static void
test_drill (void)
{
  g_autofree char *dir = folder_for ("drill");
  g_autofree char *backup = g_build_filename (dir, "monday.backup", NULL);
  g_autoptr(IopStore) store = open_admin (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) report = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *at_backup = NULL;
  g_autofree char *of_file = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *restored = NULL;
  g_autofree char *after_restore = NULL;
  g_autoptr(IopParticipant) late = iop_participant_new ();
  const char * const expected[] = { "circle.db", "monday.backup", NULL };

  g_assert_true (iop_backup_write (store, backup, NULL, &error));
  g_assert_no_error (error);
  assert_private (backup);
  at_backup = iop_test_checksum (store);
  of_file = checksum_of_file (backup, FALSE);
  g_assert_cmpstr (of_file, ==, at_backup);
  g_assert_true (iop_backup_verify_file (backup, NULL, report, &error));
  g_assert_cmpuint (report->len, ==, 3);
  assert_only_expected_files (dir, expected);

  /* Work continues after the backup... */
  iop_participant_set_record_number (late, "IOP-2001");
  iop_participant_set_first_name (late, "Later");
  iop_participant_set_last_name (late, "Arrival");
  iop_participant_set_level_of_care (late, "adult-iop");
  iop_participant_set_admission_date (late, "2026-01-05");
  g_assert_true (iop_store_add_participant (store, late, &error));
  {
    g_autofree char *changed = iop_test_checksum (store);
    g_assert_cmpstr (changed, !=, at_backup);
  }

  /* ...and the backup is restored. */
  g_assert_true (iop_backup_restore (store, backup, NULL, &aside, &error));
  g_assert_no_error (error);
  g_assert_nonnull (aside);
  g_assert_true (g_str_has_prefix (aside, iop_store_get_path (store)));
  g_assert_true (strstr (aside, ".replaced-") != NULL);
  assert_private (aside);
  assert_private (iop_store_get_path (store));
  g_assert_null (iop_store_find_participant (store, "IOP-2001", NULL));
  {
    /* The replaced database is whole, with what was added after the backup. */
    g_autoptr(IopStore) old = iop_store_open (aside, &error);
    g_autoptr(IopParticipant) kept = NULL;

    g_assert_no_error (error);
    kept = iop_store_find_participant (old, "IOP-2001", &error);
    g_assert_nonnull (kept);
  }
  {
    const char * const after[] = { "circle.db", "monday.backup", NULL };
    assert_only_expected_files (dir, after);
  }

  /* Identical content, apart from the one entry that records the restore. */
  g_assert_true (iop_store_exec (store, "PRAGMA wal_checkpoint(TRUNCATE)", &error));
  after_restore = iop_test_checksum (store);
  restored = checksum_of_file (iop_store_get_path (store), TRUE);
  g_assert_cmpstr (restored, ==, at_backup);
  {
    gboolean all_hold = FALSE;
    g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

    g_assert_true (iop_backup_check_database (iop_store_get_path (store), &all_hold, lines, &error));
    g_assert_true (all_hold);
  }
  /* Still signed in as the administrator, who may keep working. */
  g_assert_cmpint (iop_access_get_role (store), ==, IOP_ROLE_ADMINISTRATOR);
  g_assert_true (iop_store_set_setting (store, "program-name", "After the drill", &error));
  g_assert_no_error (error);
}

static void
test_encrypted (void)
{
  g_autofree char *dir = folder_for ("encrypted");
  g_autofree char *backup = g_build_filename (dir, "sealed.backup", NULL);
  g_autoptr(IopStore) store = open_admin (dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *before = NULL;
  gsize len;

  g_assert_true (iop_backup_write (store, backup, "backup passphrase", &error));
  g_assert_no_error (error);
  assert_private (backup);
  g_assert_true (iop_backup_is_encrypted_file (backup));
  g_assert_true (g_file_get_contents (backup, &data, &len, &error));
  g_assert_null (g_strstr_len (data, len, "SQLite format 3"));
  g_assert_null (g_strstr_len (data, len, "López"));

  before = iop_test_checksum (store);
  g_assert_false (iop_backup_restore (store, backup, NULL, NULL, &error));
  g_assert_error (error, IOP_BACKUP_ERROR, IOP_BACKUP_ERROR_NEEDS_PASSPHRASE);
  g_clear_error (&error);
  g_assert_false (iop_backup_restore (store, backup, "not the passphrase", NULL, &error));
  g_assert_error (error, IOP_BACKUP_ERROR, IOP_BACKUP_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  iop_assert_unchanged (store, before);

  g_assert_true (iop_backup_verify_file (backup, "backup passphrase", NULL, &error));
  g_assert_true (iop_backup_restore (store, backup, "backup passphrase", NULL, &error));
  g_assert_no_error (error);
}

static void
test_crypt_roundtrip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GByteArray) big = g_byte_array_new ();
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GBytes) sealed = NULL;
  g_autoptr(GBytes) opened = NULL;
  g_autoptr(GBytes) cut = NULL;
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GBytes) sealed_empty = NULL;
  g_autoptr(GBytes) opened_empty = NULL;
  GBytes *flipped;
  guchar *copy;
  gsize len;

  iop_access_use_fast_hashing (TRUE);
  /* Several chunks and a partial last one. */
  for (guint i = 0; i < 200000; i++)
    {
      guint8 b = i * 7;
      g_byte_array_append (big, &b, 1);
    }
  plain = g_byte_array_free_to_bytes (g_steal_pointer (&big));
  sealed = iop_backup_encrypt (plain, "pass phrase", &error);
  g_assert_no_error (error);
  opened = iop_backup_decrypt (sealed, "pass phrase", &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (plain, opened));

  /* Cut short at a chunk boundary: detected. */
  cut = g_bytes_new_from_bytes (sealed, 0, g_bytes_get_size (sealed) - (200000 - 3 * 65536) - 17);
  g_assert_null (iop_backup_decrypt (cut, "pass phrase", &error));
  g_assert_error (error, IOP_BACKUP_ERROR, IOP_BACKUP_ERROR_DAMAGED);
  g_clear_error (&error);

  /* One bit changed: detected. */
  copy = g_bytes_unref_to_data (g_bytes_ref (sealed), &len);
  copy[len / 2] ^= 1;
  flipped = g_bytes_new_take (copy, len);
  g_assert_null (iop_backup_decrypt (flipped, "pass phrase", &error));
  g_assert_error (error, IOP_BACKUP_ERROR, IOP_BACKUP_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  g_bytes_unref (flipped);

  sealed_empty = iop_backup_encrypt (empty, "pass phrase", &error);
  opened_empty = iop_backup_decrypt (sealed_empty, "pass phrase", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (opened_empty), ==, 0);
}

static void
test_damaged_refused (void)
{
  g_autofree char *dir = folder_for ("damaged");
  g_autofree char *backup = g_build_filename (dir, "good.backup", NULL);
  g_autofree char *truncated = g_build_filename (dir, "truncated.backup", NULL);
  g_autofree char *garbage = g_build_filename (dir, "garbage.backup", NULL);
  g_autofree char *edited = g_build_filename (dir, "edited.backup", NULL);
  g_autoptr(IopStore) store = open_admin (dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *before = NULL;
  gsize len;

  g_assert_true (iop_backup_write (store, backup, NULL, &error));
  g_assert_true (g_file_get_contents (backup, &data, &len, &error));
  g_assert_true (g_file_set_contents (truncated, data, len / 2, &error));
  g_assert_true (g_file_set_contents (garbage, "not a database, not even close", -1, &error));
  g_assert_true (g_file_set_contents (edited, data, len, &error));
  {
    sqlite3 *db = NULL;
    g_assert_cmpint (sqlite3_open (edited, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "DROP TRIGGER audit_log_no_update;"
                                       " UPDATE audit_log SET detail = 'x' WHERE id = 4;",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }

  before = iop_test_checksum (store);
  g_assert_false (iop_backup_restore (store, truncated, NULL, NULL, &error));
  g_assert_error (error, IOP_BACKUP_ERROR, IOP_BACKUP_ERROR_DAMAGED);
  g_clear_error (&error);
  g_assert_false (iop_backup_restore (store, garbage, NULL, NULL, &error));
  g_assert_error (error, IOP_BACKUP_ERROR, IOP_BACKUP_ERROR_DAMAGED);
  g_clear_error (&error);
  g_assert_false (iop_backup_restore (store, edited, NULL, NULL, &error));
  g_assert_error (error, IOP_BACKUP_ERROR, IOP_BACKUP_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "audit chain"));
  g_clear_error (&error);
  g_assert_false (iop_backup_restore (store, iop_store_get_path (store), NULL, NULL, &error));
  g_assert_error (error, IOP_BACKUP_ERROR, IOP_BACKUP_ERROR_FAILED);
  g_clear_error (&error);
  iop_assert_unchanged (store, before);
  {
    const char * const expected[] = { "circle.db", "good.backup", "truncated.backup", "garbage.backup",
                                      "edited.backup", NULL };
    assert_only_expected_files (dir, expected);
  }
}

static void
test_counselor_refused (void)
{
  g_autofree char *dir = folder_for ("counselor");
  g_autofree char *backup = g_build_filename (dir, "b.backup", NULL);
  g_autoptr(IopStore) store = open_admin (dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;

  g_assert_true (iop_backup_write (store, backup, NULL, &error));
  g_assert_true (iop_access_sign_out (store, &error));
  iop_test_sign_in (store, "counselor1");
  before = iop_test_checksum (store);
  g_assert_false (iop_backup_restore (store, backup, NULL, NULL, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_PERMISSION);
  iop_assert_unchanged (store, before);
}

static void
test_automatic (void)
{
  g_autofree char *dir = folder_for ("automatic");
  g_autofree char *folder = g_build_filename (dir, "backups", NULL);
  g_autoptr(IopStore) store = open_admin (dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_auto(GStrv) names = NULL;
  const char *old[] = { "circle-20200101T000000Z.backup", "circle-20200102T000000Z.backup",
                        "circle-20200103T000000Z.backup", "circle-20200104T000000Z.backup" };
  struct stat st;

  /* Automatic backups run whoever is signed in: Circle keeps them. */
  g_assert_true (iop_access_sign_out (store, &error));
  iop_test_sign_in (store, "counselor2");

  first = iop_backup_run_automatic (store, folder, 24, 3, &error);
  g_assert_no_error (error);
  g_assert_nonnull (first);
  assert_private (first);
  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_true (iop_backup_verify_file (first, NULL, NULL, &error));

  /* Not due again within the interval. */
  second = iop_backup_run_automatic (store, folder, 24, 3, &error);
  g_assert_no_error (error);
  g_assert_null (second);

  /* Older ones beyond the last N are removed; other files are never touched. */
  g_unlink (first);
  for (guint i = 0; i < G_N_ELEMENTS (old); i++)
    {
      g_autofree char *p = g_build_filename (folder, old[i], NULL);
      g_assert_true (g_file_set_contents (p, "old", -1, &error));
    }
  {
    g_autofree char *mine = g_build_filename (folder, "my-own-copy.backup", NULL);
    g_assert_true (g_file_set_contents (mine, "mine", -1, &error));
  }
  third = iop_backup_run_automatic (store, folder, 24, 3, &error);
  g_assert_no_error (error);
  g_assert_nonnull (third);
  names = list_folder (folder);
  g_assert_cmpuint (g_strv_length (names), ==, 4);
  g_assert_true (g_strv_contains ((const char * const *) names, "my-own-copy.backup"));
  g_assert_true (g_strv_contains ((const char * const *) names, "circle-20200104T000000Z.backup"));
  g_assert_true (g_strv_contains ((const char * const *) names, "circle-20200103T000000Z.backup"));
  g_assert_false (g_strv_contains ((const char * const *) names, "circle-20200102T000000Z.backup"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/backup/drill", test_drill);
  g_test_add_func ("/backup/encrypted", test_encrypted);
  g_test_add_func ("/backup/crypt-roundtrip", test_crypt_roundtrip);
  g_test_add_func ("/backup/damaged-refused", test_damaged_refused);
  g_test_add_func ("/backup/counselor-refused", test_counselor_refused);
  g_test_add_func ("/backup/automatic", test_automatic);
  return g_test_run ();
}
