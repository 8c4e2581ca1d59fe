/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "iop-test-util.h"

static char *
sample_db (void)
{
  static char *path;

  if (path == NULL)
    {
      const char *args[4] = { "--database", NULL, "--sample-data", NULL };
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      int status;

      path = iop_test_db_path ("cli-sample");
      args[1] = path;
      iop_test_run_circle (args, &out, &err, &status);
      g_assert_cmpint (status, ==, 0);
    }
  return path;
}

static void
test_version (void)
{
  const char *args[] = { "--version", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  iop_test_run_circle (args, &out, &err, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (out, ==, "Circle " PACKAGE_VERSION "\n");
}

static void
test_list_groups (void)
{
  const char *args[] = { "--database", sample_db (), "--list-groups", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  int status;

  iop_test_run_circle (args, &out, &err, &status);
  g_assert_cmpint (status, ==, 0);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >=, 5);
  for (guint i = 0; lines[i] != NULL && *lines[i]; i++)
    {
      g_auto(GStrv) cols = g_strsplit (lines[i], "\t", -1);
      gint64 id;
      guint64 members;

      g_assert_cmpuint (g_strv_length (cols), ==, 4);
      g_assert_true (g_ascii_string_to_signed (cols[0], 10, 1, G_MAXINT64, &id, NULL));
      g_assert_cmpstr (cols[1], !=, "");
      g_assert_true (g_ascii_string_to_unsigned (cols[3], 10, 0, 1000, &members, NULL));
    }
  g_assert_nonnull (strstr (out, "\tMorning Process Group\tprocess\t"));
}

static void
test_list_participants (void)
{
  const char *args[] = { "--database", sample_db (), "--list-participants", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  int status;

  iop_test_run_circle (args, &out, &err, &status);
  g_assert_cmpint (status, ==, 0);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 41);  /* 40 and the final newline */
  for (guint i = 0; lines[i] != NULL && *lines[i]; i++)
    {
      g_auto(GStrv) cols = g_strsplit (lines[i], "\t", -1);
      g_assert_cmpuint (g_strv_length (cols), ==, 5);
      g_assert_true (g_str_equal (cols[4], "active") || g_str_equal (cols[4], "discharged")
                     || g_str_equal (cols[4], "on-hold"));
    }
  g_assert_nonnull (strstr (out, "IOP-1001\tMaría\tLópez\tMari\tactive\n"));
}

static void
test_errors (void)
{
  g_autofree char *garbage = iop_test_db_path ("cli-garbage");
  const char *args[] = { "--database", garbage, "--list-groups", NULL };
  const char *again[] = { "--database", sample_db (), "--sample-data", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  g_assert_true (g_file_set_contents (garbage, "not a database at all, but long enough to look like one\n", -1, NULL));
  iop_test_run_circle (args, &out, &err, &status);
  g_assert_cmpint (status, !=, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_true (g_str_has_prefix (err, "circle: "));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  iop_test_run_circle (again, &out, &err, &status);
  g_assert_cmpint (status, !=, 0);
  g_assert_nonnull (strstr (err, "empty"));
}

static int
run (const char * const *args,
     char              **out,
     char              **err)
{
  int status;

  g_clear_pointer (out, g_free);
  g_clear_pointer (err, g_free);
  iop_test_run_circle (args, out, err, &status);
  return status;
}

/* Without valid credentials every job refuses, except --version, --help,
 * --check and --sample-data on an empty database. */
static void
test_credentials (void)
{
  g_autofree char *empty = iop_test_db_path ("cli-empty");
  const char *list[] = { "--database", sample_db (), "--list-participants", NULL };
  const char *as_counselor[] = { "--database", sample_db (), "--user", "counselor1", "--list-participants", NULL };
  const char *check[] = { "--database", sample_db (), "--check", NULL };
  const char *help[] = { "--help", NULL };
  const char *sample[] = { "--database", empty, "--sample-data", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_unsetenv ("CIRCLE_USER");
  g_unsetenv ("CIRCLE_PASSPHRASE");

  g_assert_cmpint (run (list, &out, &err), !=, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_true (g_str_has_prefix (err, "circle: Sign in first"));

  /* A wrong passphrase, an unknown user: refused the same way. */
  g_setenv ("CIRCLE_USER", "admin", TRUE);
  g_setenv ("CIRCLE_PASSPHRASE", "not it", TRUE);
  g_assert_cmpint (run (list, &out, &err), !=, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, ==, "circle: The user name or passphrase is not right.\n");
  g_setenv ("CIRCLE_USER", "nobody", TRUE);
  g_setenv ("CIRCLE_PASSPHRASE", "sample", TRUE);
  g_assert_cmpint (run (list, &out, &err), !=, 0);
  g_assert_cmpstr (err, ==, "circle: The user name or passphrase is not right.\n");

  /* --user wins over CIRCLE_USER; a counselor sees their own people only. */
  g_assert_cmpint (run (as_counselor, &out, &err), ==, 0);
  {
    g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), >, 5);
    g_assert_cmpuint (g_strv_length (lines), <, 41);
  }

  g_unsetenv ("CIRCLE_USER");
  g_unsetenv ("CIRCLE_PASSPHRASE");
  g_assert_cmpint (run (check, &out, &err), ==, 0);
  g_assert_cmpint (run (help, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "--user"));
  g_assert_cmpint (run (sample, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "“sample”"));

  g_setenv ("CIRCLE_USER", "admin", TRUE);
  g_setenv ("CIRCLE_PASSPHRASE", "sample", TRUE);
}

static void
test_check_catches_edit (void)
{
  g_autofree char *path = iop_test_db_path ("cli-edited");
  g_autofree char *data = NULL;
  const char *check[] = { "--database", path, "--check", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  sqlite3 *db = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (sample_db (), &data, &len, NULL));
  g_assert_true (g_file_set_contents (path, data, len, NULL));
  g_assert_cmpint (run (check, &out, &err), ==, 0);
  g_assert_true (g_str_has_prefix (out, "integrity_check: ok\nforeign_key_check: ok\naudit chain: ok ("));

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DROP TRIGGER audit_log_no_update;"
                                     " UPDATE audit_log SET action = 'view' WHERE id = 20;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  g_assert_cmpint (run (check, &out, &err), !=, 0);
  g_assert_nonnull (strstr (out, "integrity_check: ok\nforeign_key_check: ok\naudit chain: FAILED: broken at entry 20 of "));
  g_assert_true (g_str_has_prefix (err, "circle: The database failed its check."));
}

static void
test_backup_restore (void)
{
  g_autofree char *path = iop_test_db_path ("cli-backup");
  g_autofree char *backup = iop_test_db_path ("cli-backup-file");
  g_autofree char *sealed = iop_test_db_path ("cli-backup-sealed");
  g_autofree char *data = NULL;
  const char *do_backup[] = { "--database", path, "--backup", backup, NULL };
  const char *do_sealed[] = { "--database", path, "--backup", sealed, "--encrypt", NULL };
  const char *do_restore[] = { "--database", path, "--restore", backup, NULL };
  const char *do_restore_sealed[] = { "--database", path, "--restore", sealed, NULL };
  const char *as_counselor[] = { "--database", path, "--user", "counselor1", "--backup", backup, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (sample_db (), &data, &len, NULL));
  g_assert_true (g_file_set_contents (path, data, len, NULL));

  g_assert_cmpint (run (as_counselor, &out, &err), !=, 0);
  g_assert_nonnull (strstr (err, "Only administrators"));
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));

  g_assert_cmpint (run (do_backup, &out, &err), ==, 0);
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (run (do_restore, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, ".replaced-"));

  g_setenv ("CIRCLE_FILE_PASSPHRASE", "file passphrase", TRUE);
  g_assert_cmpint (run (do_sealed, &out, &err), ==, 0);
  g_setenv ("CIRCLE_FILE_PASSPHRASE", "wrong one", TRUE);
  g_assert_cmpint (run (do_restore_sealed, &out, &err), !=, 0);
  g_assert_nonnull (strstr (err, "passphrase is not right"));
  g_setenv ("CIRCLE_FILE_PASSPHRASE", "file passphrase", TRUE);
  g_assert_cmpint (run (do_restore_sealed, &out, &err), ==, 0);
  g_unsetenv ("CIRCLE_FILE_PASSPHRASE");
}

static void
test_disclosure (void)
{
  const char *db = sample_db ();
  const char *inside[] = { "--database", db, "--user", "counselor1", "--export-participant", "IOP-1001", NULL };
  const char *no_consent[] = { "--database", db, "--user", "counselor1", "--export-participant", "IOP-1001",
                               "--disclose-to", "Dr. Alan Reyes, Riverside Family Medicine", NULL };
  const char *expired[] = { "--database", db, "--user", "counselor1", "--export-participant", "IOP-1001",
                            "--disclose-to", "Lakeview County Drug Court", "--consent", "2", NULL };
  const char *wrong_recipient[] = { "--database", db, "--user", "counselor1", "--export-participant", "IOP-1001",
                                    "--disclose-to", "A Newspaper", "--consent", "1", NULL };
  const char *valid[] = { "--database", db, "--user", "counselor1", "--export-participant", "IOP-1001",
                          "--disclose-to", "Dr. Alan Reyes, Riverside Family Medicine", "--consent", "1", NULL };
  const char *alone[] = { "--database", db, "--disclose-to", "Dr. Reyes", "--consent", "1", NULL };
  const char *consents[] = { "--database", db, "--list-consents", "IOP-1001", NULL };
  const char *audit[] = { "--database", db, "--user", "supervisor", "--export-audit", NULL, NULL };
  g_autofree char *csv_path = iop_test_db_path ("cli-audit-csv");
  g_autofree char *csv = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run (consents, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "1\tDr. Alan Reyes, Riverside Family Medicine\tCoordination of care with primary care\t"));
  g_assert_nonnull (strstr (out, "\tvalid\n"));
  g_assert_nonnull (strstr (out, "\texpired\n"));

  /* Inside the program: no notice. */
  g_assert_cmpint (run (inside, &out, &err), ==, 0);
  g_assert_true (g_str_has_prefix (out, "Face sheet — María López\n"));
  g_assert_null (strstr (out, "42 CFR"));

  /* Outside it: blocked without a valid consent, and nothing printed. */
  g_assert_cmpint (run (no_consent, &out, &err), !=, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "--consent"));
  g_assert_cmpint (run (expired, &out, &err), !=, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "expired"));
  g_assert_cmpint (run (wrong_recipient, &out, &err), !=, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpint (run (alone, &out, &err), !=, 0);

  /* With one: the §2.32 notice, and the disclosure on record. */
  g_assert_cmpint (run (valid, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "Disclosed to Dr. Alan Reyes, Riverside Family Medicine under consent 1"));
  g_assert_nonnull (strstr (out, "This record which has been disclosed to you is protected by Federal confidentiality rules (42 CFR part 2)."));

  audit[5] = csv_path;
  g_assert_cmpint (run (audit, &out, &err), ==, 0);
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
  g_assert_nonnull (strstr (csv, ",counselor1,disclose,consent,"));
  g_assert_nonnull (strstr (csv, "consent 1; to Dr. Alan Reyes, Riverside Family Medicine; Face sheet"));
  g_assert_nonnull (strstr (csv, ",,sign-in-failed,staff,"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* Most jobs act as the sample program's administrator. */
  g_setenv ("CIRCLE_USER", "admin", TRUE);
  g_setenv ("CIRCLE_PASSPHRASE", "sample", TRUE);
  g_test_add_func ("/cli/credentials", test_credentials);
  g_test_add_func ("/cli/check-catches-edit", test_check_catches_edit);
  g_test_add_func ("/cli/backup-restore", test_backup_restore);
  g_test_add_func ("/cli/disclosure", test_disclosure);
  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/list-groups", test_list_groups);
  g_test_add_func ("/cli/list-participants", test_list_participants);
  g_test_add_func ("/cli/errors", test_errors);
  return g_test_run ();
}
