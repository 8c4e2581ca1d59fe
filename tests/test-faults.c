/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Faults a desk meets: a full disk, a read-only database, a database held by
 * another program, a migration killed midway, a network filesystem. Each gives
 * a clear message and loses nothing already saved. */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

#include "iop-access-private.h"
#include "iop-store-people.h"
#include "iop-store-private.h"
#include "iop-test-util.h"

static IopParticipant *
make_participant (guint       n,
                  const char *address)
{
  IopParticipant *p = iop_participant_new ();
  g_autofree char *record = g_strdup_printf ("F-%05u", n);

  iop_participant_set_record_number (p, record);
  iop_participant_set_first_name (p, "Fault");
  iop_participant_set_last_name (p, "Tester");
  iop_participant_set_level_of_care (p, "adult-iop");
  iop_participant_set_admission_date (p, "2026-01-05");
  iop_participant_set_address (p, address);
  return p;
}

static char *
big_text (gsize len)
{
  char *text = g_malloc (len + 1);

  for (gsize i = 0; i < len; i++)
    text[i] = 'a' + (i * 7919) % 26;   /* does not compress into nothing */
  text[len] = '\0';
  return text;
}

static gboolean
mount_tmpfs (const char *dir,
             const char *options)
{
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  if (mount ("tmpfs", dir, "tmpfs", 0, options) != 0)
    {
      g_test_message ("cannot mount a tmpfs here (%s)", g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

static void
unmount (const char *dir)
{
  umount2 (dir, MNT_DETACH);
}

static void
test_full_disk_forced (void)
{
  g_autoptr(IopStore) store = iop_test_open_sample ("full-forced");
  g_autoptr(GError) error = NULL;
  g_autofree char *address = big_text (200000);
  g_autoptr(IopParticipant) p = make_participant (1, address);
  g_autofree char *before = NULL;
  g_autofree char *pages = NULL;
  sqlite3_stmt *stmt;

  stmt = iop_store_prepare (store, "PRAGMA page_count", &error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  pages = g_strdup_printf ("PRAGMA max_page_count = %d", sqlite3_column_int (stmt, 0) + 2);
  sqlite3_reset (stmt);
  g_assert_true (iop_store_exec (store, pages, &error));
  before = iop_test_checksum (store);

  g_assert_false (iop_store_add_participant (store, p, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_FULL);
  g_assert_nonnull (strstr (error->message, "disk is full"));
  g_clear_error (&error);
  iop_assert_unchanged (store, before);
  /* What the person typed is still there to save again. */
  g_assert_cmpint (iop_participant_get_id (p), ==, 0);
  g_assert_cmpstr (iop_participant_get_address (p), ==, address);

  /* Space again: the same record saves. */
  g_assert_true (iop_store_exec (store, "PRAGMA max_page_count = 1073741823", &error));
  g_assert_true (iop_store_add_participant (store, p, &error));
  g_assert_no_error (error);
}

static void
test_full_disk_filesystem (void)
{
  g_autofree char *dir = g_build_filename (iop_test_tmpdir (), "small-disk", NULL);
  g_autofree char *path = g_build_filename (dir, "circle.db", NULL);
  g_autofree char *filler = g_build_filename (dir, "filler", NULL);
  g_autofree char *address = big_text (40000);
  g_autoptr(GError) error = NULL;
  g_autofree char *chunk = big_text (200000);
  guint saved = 0;

  if (!mount_tmpfs (dir, "size=1536k,mode=0700"))
    {
      g_test_skip ("a small filesystem cannot be mounted here; SQLITE_FULL is forced in /faults/full-disk-forced");
      return;
    }
  g_assert_true (g_file_set_contents (filler, chunk, -1, &error));

  {
    g_autoptr(IopStore) store = iop_store_open (path, &error);

    g_assert_no_error (error);
    iop_store_trust_system_actor (store, TRUE);
    for (guint n = 1; n < 1000; n++)
      {
        g_autoptr(IopParticipant) p = make_participant (n, address);

        if (!iop_store_add_participant (store, p, &error))
          break;
        saved++;
      }
    g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_FULL);
    g_clear_error (&error);
    g_assert_cmpuint (saved, >, 3);

    /* Free some space: the next one saves. */
    g_unlink (filler);
    {
      g_autoptr(IopParticipant) p = make_participant (5000, "after freeing space");
      g_assert_true (iop_store_add_participant (store, p, &error));
      g_assert_no_error (error);
    }
  }

  /* Everything saved before the disk filled up is still there, intact. */
  {
    g_autoptr(IopStore) store = iop_store_open (path, &error);
    sqlite3_stmt *stmt;

    g_assert_no_error (error);
    stmt = iop_store_prepare (store, "SELECT count(*) FROM participants", &error);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, saved + 1);
    sqlite3_reset (stmt);
    stmt = iop_store_prepare (store, "PRAGMA integrity_check", &error);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
    sqlite3_reset (stmt);
  }
  unmount (dir);
}

static void
test_read_only_connection (void)
{
  g_autoptr(IopStore) store = iop_test_open_sample ("read-only-connection");
  g_autoptr(GError) error = NULL;
  g_autoptr(IopParticipant) p = make_participant (1, "");
  g_autofree char *before = iop_test_checksum (store);

  g_assert_true (iop_store_exec (store, "PRAGMA query_only = ON", &error));
  g_assert_false (iop_store_add_participant (store, p, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "read-only"));
  iop_assert_unchanged (store, before);
}

static void
test_read_only_filesystem (void)
{
  g_autofree char *dir = g_build_filename (iop_test_tmpdir (), "read-only-disk", NULL);
  g_autofree char *path = g_build_filename (dir, "circle.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;

  if (!mount_tmpfs (dir, "size=8m,mode=0700"))
    {
      g_test_skip ("a filesystem cannot be mounted read-only here; see /faults/read-only-connection");
      return;
    }
  {
    g_autoptr(IopStore) store = iop_store_open (path, &error);
    g_autoptr(IopParticipant) p = make_participant (1, "kept");

    g_assert_no_error (error);
    iop_store_trust_system_actor (store, TRUE);
    g_assert_true (iop_store_add_participant (store, p, &error));
    before = iop_test_checksum (store);
  }
  g_assert_cmpint (mount ("tmpfs", dir, "tmpfs", MS_REMOUNT | MS_RDONLY, "size=8m,mode=0700"), ==, 0);

  {
    g_autoptr(IopStore) store = iop_store_open (path, &error);

    if (store == NULL)
      {
        /* Refused at open, with a message that says why. */
        g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_READ_ONLY);
        g_assert_nonnull (strstr (error->message, "read-only"));
        g_clear_error (&error);
      }
    else
      {
        g_autoptr(IopParticipant) p = make_participant (2, "");

        iop_store_trust_system_actor (store, TRUE);
        g_assert_false (iop_store_add_participant (store, p, &error));
        g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_READ_ONLY);
        g_clear_error (&error);
        iop_assert_unchanged (store, before);
      }
  }

  g_assert_cmpint (mount ("tmpfs", dir, "tmpfs", MS_REMOUNT, "size=8m,mode=0700"), ==, 0);
  {
    g_autoptr(IopStore) store = iop_store_open (path, &error);

    g_assert_no_error (error);
    iop_assert_unchanged (store, before);
  }
  unmount (dir);
}

static void
test_locked_by_another_process (void)
{
  g_autoptr(IopStore) store = iop_test_open_sample ("locked");
  const char *helper = g_getenv ("CIRCLE_CRASH_HELPER");
  const char *argv[] = { helper, "hold", iop_store_get_path (store), NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *before = iop_test_checksum (store);
  char ready[16] = { 0 };
  GPid pid;
  int out_fd;
  int status;

  g_assert_nonnull (helper);
  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                           NULL, NULL, &pid, NULL, &out_fd, NULL, &error));
  g_assert_cmpint (read (out_fd, ready, 6), ==, 6);
  g_assert_cmpstr (ready, ==, "ready\n");

  /* Waiting five seconds is right for a person; a test waits less. */
  g_assert_true (iop_store_exec (store, "PRAGMA busy_timeout = 200", &error));
  g_assert_false (iop_store_set_setting (store, "program-name", "Blocked", &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "in use by another program"));
  g_clear_error (&error);

  /* Reading still works while the other program writes. */
  g_assert_cmpuint (iop_store_count_participants (store), ==, 40);

  kill (pid, SIGKILL);
  waitpid (pid, &status, 0);
  g_spawn_close_pid (pid);
  close (out_fd);

  /* The other program's unfinished change is gone; ours is untouched, and goes through now. */
  iop_assert_unchanged (store, before);
  g_assert_true (iop_store_set_setting (store, "program-name", "Through", &error));
  g_assert_no_error (error);
}

static GStrv
schema_of (const char *path)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT type || ' ' || name || ' ' || coalesce(sql, '')"
                                           " FROM sqlite_schema ORDER BY 1", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_strv_builder_add (b, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_strv_builder_end (b);
}

static int
version_of (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return version;
}

static void
test_migration_killed (void)
{
  const char *helper = g_getenv ("CIRCLE_CRASH_HELPER");
  guint latest = iop_store_latest_version ();
  g_autoptr(GPtrArray) reference = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  guint midway = 0;

  g_assert_nonnull (helper);
  /* What a database looks like at each version. */
  for (guint v = 0; v <= latest; v++)
    {
      g_autofree char *name = g_strdup_printf ("reference-%u", v);
      g_autofree char *path = iop_test_db_path (name);
      g_autoptr(GError) error = NULL;

      {
        g_autoptr(IopStore) store = iop_store_open_at_version (path, v, &error);
        g_assert_no_error (error);
      }
      g_ptr_array_add (reference, schema_of (path));
    }

  for (guint cycle = 0; cycle < 60; cycle++)
    {
      g_autofree char *name = g_strdup_printf ("killed-migration-%u", cycle);
      g_autofree char *path = iop_test_db_path (name);
      const char *argv[] = { helper, "migrate", path, NULL };
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) schema = NULL;
      char start[8] = { 0 };
      GPid pid;
      int out_fd;
      int status;
      int version;

      g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                               NULL, NULL, &pid, NULL, &out_fd, NULL, &error));
      /* Creating and migrating a new database takes some 80 ms from "start". */
      g_assert_cmpint (read (out_fd, start, 6), ==, 6);
      g_usleep (g_test_rand_int_range (0, 90000));
      kill (pid, SIGKILL);
      close (out_fd);
      waitpid (pid, &status, 0);
      g_spawn_close_pid (pid);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        continue;
      /* Killed anywhere, the database is whole and exactly at one version. */
      version = version_of (path);
      g_assert_cmpint (version, >=, 0);
      g_assert_cmpint (version, <=, (int) latest);
      schema = schema_of (path);
      g_assert_true (g_strv_equal ((const char * const *) schema,
                                   (const char * const *) g_ptr_array_index (reference, version)));
      if (version > 0 && version < (int) latest)
        midway++;

      /* And the next start finishes the job. */
      {
        g_autoptr(IopStore) store = iop_store_open (path, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (iop_store_get_version (store), ==, latest);
      }
    }
  g_test_message ("%u kills landed between migrations", midway);
}

static void
test_network_filesystem (void)
{
  g_autoptr(IopStore) local = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (iop_store_fs_type_is_network (0x6969));      /* NFS */
  g_assert_true (iop_store_fs_type_is_network (0xFF534D42));  /* CIFS */
  g_assert_true (iop_store_fs_type_is_network (0xFE534D42));  /* SMB2 */
  g_assert_true (iop_store_fs_type_is_network (0x65735546));  /* FUSE */
  g_assert_false (iop_store_fs_type_is_network (0xEF53));     /* ext4 */
  g_assert_false (iop_store_fs_type_is_network (0x01021994)); /* tmpfs */
  g_assert_false (iop_store_fs_type_is_network (0x9123683E)); /* btrfs */

  local = iop_test_open_store ("local-disk");
  g_assert_nonnull (local);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/faults/full-disk-forced", test_full_disk_forced);
  g_test_add_func ("/faults/full-disk-filesystem", test_full_disk_filesystem);
  g_test_add_func ("/faults/read-only-connection", test_read_only_connection);
  g_test_add_func ("/faults/read-only-filesystem", test_read_only_filesystem);
  g_test_add_func ("/faults/locked-by-another-process", test_locked_by_another_process);
  g_test_add_func ("/faults/migration-killed", test_migration_killed);
  g_test_add_func ("/faults/network-filesystem", test_network_filesystem);
  return g_test_run ();
}
