/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A child process commits sessions with attendance and member notes and
 * acknowledges each commit; the parent kills it with SIGKILL at random
 * moments. Every acknowledged commit must survive, whole, and the database
 * must pass its integrity checks after every kill.
 *
 * CIRCLE_DURABILITY_CYCLES overrides the number of kills (default 1000),
 * run as BATCHES batches (/durability/batch-N, each its own database) that
 * tests/meson.build runs as separate tests, so they fit CI's time limits
 * and use both cores. */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include "iop-access-private.h"
#include "iop-date.h"
#include "iop-store-people.h"
#include "iop-test-util.h"

#define BATCH 100
#define BATCHES 4

typedef struct {
  GArray  *acked;      /* gint64 indexes the child acknowledged */
  GString *partial;    /* an acknowledgement cut by the kill */
} Acks;

static sqlite3 *
open_raw (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  return db;
}

static char *
pragma_text (sqlite3    *db,
             const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

static gint64
query_int (sqlite3    *db,
           const char *sql,
           const char *arg,
           const char *arg2)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (arg != NULL)
    sqlite3_bind_text (stmt, 1, arg, -1, SQLITE_TRANSIENT);
  if (arg2 != NULL)
    sqlite3_bind_text (stmt, 2, arg2, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* An acknowledged session is there with all its attendance and notes. The
 * helper files session N under a date and time derived from N, which the
 * sessions' unique index finds at once. */
static void
assert_whole (sqlite3 *db,
              gint64   index)
{
  g_autofree char *date = iop_date_add_days ("2030-01-01", (int) (index / 1440));
  g_autofree char *time = g_strdup_printf ("%02d:%02d", (int) (index % 1440) / 60, (int) (index % 60));
  g_autofree char *topic = g_strdup_printf ("d%" G_GINT64_FORMAT, index);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT s.topic,"
                                       " (SELECT count(*) FROM attendance WHERE session_id = s.id),"
                                       " (SELECT count(*) FROM member_notes WHERE session_id = s.id)"
                                       " FROM sessions s WHERE s.group_id = 1 AND s.date = ?1 AND s.start_time = ?2",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, time, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, topic);
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 3);
  g_assert_cmpint (sqlite3_column_int (stmt, 2), ==, 3);
  sqlite3_finalize (stmt);
}

static void
read_acks (int   fd,
           Acks *acks)
{
  char buf[4096];
  ssize_t n;

  while ((n = read (fd, buf, sizeof buf)) != 0)
    {
      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          g_error ("read: %s", g_strerror (errno));
        }
      g_string_append_len (acks->partial, buf, n);
    }
  /* Whole lines only: a kill can cut an acknowledgement in two, and half an
   * acknowledgement acknowledges nothing. */
  {
    g_auto(GStrv) lines = g_strsplit (acks->partial->str, "\n", -1);
    guint n_lines = g_strv_length (lines);

    for (guint i = 0; i + 1 < n_lines; i++)
      {
        gint64 index;

        if (g_str_equal (lines[i], "open"))
          continue;
        index = g_ascii_strtoll (lines[i], NULL, 10);
        g_array_append_val (acks->acked, index);
      }
    g_string_truncate (acks->partial, 0);
  }
}

static guint
run_cycle (const char *helper,
           const char *path,
           gint64      start,
           Acks       *acks,
           guint      *waited)
{
  g_autofree char *start_text = g_strdup_printf ("%" G_GINT64_FORMAT, start);
  const char *argv[] = { helper, "commit", path, start_text, NULL };
  g_autoptr(GError) error = NULL;
  GPid pid;
  int out_fd;
  int status;
  guint before = acks->acked->len;

  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                           NULL, NULL, &pid, NULL, &out_fd, NULL, &error));
  g_assert_no_error (error);

  /* One kill in five lands anywhere from the start, while the child opens the
   * database and recovers its write-ahead log. The others wait for the child's
   * "open" and for up to two acknowledged commits, then land a moment later:
   * in the middle of the next commit, or between two. */
  if (g_test_rand_int_range (0, 5) == 0)
    g_usleep (g_test_rand_int_range (0, 40000));
  else
    {
      int wanted = 1 + g_test_rand_int_range (0, 3);   /* "open" and 0-2 acknowledgements */
      int newlines = 0;
      char c;

      while (newlines < wanted && read (out_fd, &c, 1) == 1)
        {
          g_string_append_c (acks->partial, c);
          newlines += c == '\n';
        }
      *waited += wanted - 1;
      g_usleep (g_test_rand_int_range (0, 10000));
    }
  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  read_acks (out_fd, acks);
  close (out_fd);
  return acks->acked->len - before;
}

static void
test_kill_cycles (gconstpointer data)
{
  const char *helper = g_getenv ("CIRCLE_CRASH_HELPER");
  const char *override = g_getenv ("CIRCLE_DURABILITY_CYCLES");
  guint total = override != NULL ? (guint) g_ascii_strtoull (override, NULL, 10) : 1000;
  guint cycles = (total + BATCHES - 1) / BATCHES;
  guint batch = GPOINTER_TO_UINT (data);
  g_autofree char *path = NULL;
  g_autofree char *shm_dir = NULL;
  Acks acks = { g_array_new (FALSE, FALSE, sizeof (gint64)), g_string_new (NULL) };
  guint checked = 0;
  guint cycles_with_commits = 0;
  guint waited = 0;

  g_assert_nonnull (helper);
  {
    /* A small program: one group, three members. The child opens the database
     * (and checks it) every cycle, so a small file keeps cycles short. */
    g_autoptr(IopStore) store = NULL;
    g_autoptr(IopGroup) group = iop_group_new ();
    g_autoptr(GError) error = NULL;

    /* A SIGKILL ends the process, not the machine: what the kernel accepted
     * survives it either way, so memory-backed storage tests the same thing
     * without waiting on the disk for every commit. */
    if (g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) && access ("/dev/shm", W_OK) == 0)
      {
        shm_dir = g_build_filename ("/dev/shm", "circle-durability-XXXXXX", NULL);
        if (g_mkdtemp_full (shm_dir, 0700) == NULL)
          g_clear_pointer (&shm_dir, g_free);
      }
    if (shm_dir != NULL)
      {
        g_autofree char *db = g_build_filename (shm_dir, "durability.db", NULL);

        store = iop_store_open (db, &error);
        g_assert_no_error (error);
        iop_store_trust_system_actor (store, TRUE);
      }
    else
      {
        g_autofree char *name = g_strdup_printf ("durability-%u", batch);
        store = iop_test_open_store (name);
      }

    iop_group_set_name (group, "Morning Process Group");
    iop_group_set_group_type (group, "process");
    iop_group_set_start_date (group, "2026-01-05");
    g_assert_true (iop_store_add_group (store, group, &error));
    g_assert_cmpint (iop_group_get_id (group), ==, 1);
    for (guint i = 1; i <= 3; i++)
      {
        g_autoptr(IopParticipant) p = iop_participant_new ();
        g_autofree char *record = g_strdup_printf ("D-%u", i);

        iop_participant_set_record_number (p, record);
        iop_participant_set_first_name (p, "Member");
        iop_participant_set_last_name (p, record);
        iop_participant_set_level_of_care (p, "adult-iop");
        iop_participant_set_admission_date (p, "2026-01-05");
        g_assert_true (iop_store_add_participant (store, p, &error));
        g_assert_cmpint (iop_participant_get_id (p), ==, i);
      }
    path = g_strdup (iop_store_get_path (store));
  }

  for (guint cycle = 0; cycle < cycles; cycle++)
    {
      /* Every child starts at a fresh range, so a commit that landed without
       * its acknowledgement never collides with the next child's. */
      guint got = run_cycle (helper, path, ((gint64) batch * 10000 + cycle) * 100000, &acks, &waited);
      sqlite3 *db = open_raw (path);
      g_autofree char *quick = pragma_text (db, "PRAGMA quick_check");

      if (got > 0)
        cycles_with_commits++;
      g_assert_cmpstr (quick, ==, "ok");
      for (; checked < acks.acked->len; checked++)
        assert_whole (db, g_array_index (acks.acked, gint64, checked));

      if ((cycle + 1) % BATCH == 0 || cycle + 1 == cycles)
        {
          g_autofree char *integrity = pragma_text (db, "PRAGMA integrity_check");
          gint64 n_entries = 0, first_broken = -1;
          g_autoptr(GError) error = NULL;

          g_assert_cmpstr (integrity, ==, "ok");
          g_assert_cmpint (query_int (db, "SELECT count(*) FROM pragma_foreign_key_check", NULL, NULL), ==, 0);
          /* Atomic: no session without all of its rows, acknowledged or not. */
          g_assert_cmpint (query_int (db, "SELECT count(*) FROM sessions s WHERE s.topic LIKE 'd%'"
                                          " AND ((SELECT count(*) FROM attendance WHERE session_id = s.id) <> 3"
                                          "   OR (SELECT count(*) FROM member_notes WHERE session_id = s.id) <> 3)",
                                      NULL, NULL), ==, 0);
          g_assert_true (iop_audit_verify_db (db, &n_entries, &first_broken, &error));
          g_assert_no_error (error);
          g_assert_cmpint (first_broken, ==, 0);
          /* Everything acknowledged so far, once more, after the batch. */
          for (guint i = 0; i < acks.acked->len; i++)
            assert_whole (db, g_array_index (acks.acked, gint64, i));
          g_test_message ("batch %u: %u kills, %u acknowledged commits, %u kills after at least one commit",
                          batch, cycle + 1, acks.acked->len, cycles_with_commits);
        }
      sqlite3_close (db);
    }

  /* The kills landed while commits were going on: every commit the parent
   * waited for was acknowledged (and found whole above). */
  g_assert_cmpuint (acks.acked->len, >=, waited);
  g_array_unref (acks.acked);
  g_string_free (acks.partial, TRUE);
  if (shm_dir != NULL)
    {
      g_autofree char *db = g_build_filename (shm_dir, "durability.db", NULL);
      g_autofree char *wal = g_strconcat (db, "-wal", NULL);
      g_autofree char *shm = g_strconcat (db, "-shm", NULL);

      g_unlink (db);
      g_unlink (wal);
      g_unlink (shm);
      g_rmdir (shm_dir);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  for (guint i = 1; i <= BATCHES; i++)
    {
      g_autofree char *path = g_strdup_printf ("/durability/batch-%u", i);
      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_kill_cycles);
    }
  return g_test_run ();
}
