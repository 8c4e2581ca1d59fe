/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <sqlite3.h>
#include <stdlib.h>

#include "iop-access-private.h"
#include "iop-store-people.h"
#include "iop-store-private.h"
#include "iop-test-util.h"

static int
count_rows (IopStore *store, const char *sql)
{
  sqlite3_stmt *stmt = iop_store_prepare (store, sql, NULL);
  int n;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

static void
assert_healthy (IopStore *store)
{
  sqlite3_stmt *stmt = iop_store_prepare (store, "PRAGMA integrity_check", NULL);

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_reset (stmt);
  stmt = iop_store_prepare (store, "PRAGMA foreign_key_check", NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_reset (stmt);
}

/* Upgrades a database of version - 1, holding records of that version, to the latest. */
static void
test_upgrade_from_previous (gconstpointer data)
{
  guint version = GPOINTER_TO_UINT (data);
  g_autofree char *name = g_strdup_printf ("upgrade-to-%u", version);
  g_autofree char *path = iop_test_db_path (name);
  g_autoptr(GError) error = NULL;
  g_autoptr(IopStore) store = NULL;

  {
    g_autoptr(IopStore) old = iop_store_open_at_version (path, version - 1, &error);
    if (old != NULL)
      iop_store_trust_system_actor (old, TRUE);

    g_assert_no_error (error);
    g_assert_cmpuint (iop_store_get_version (old), ==, version - 1);
    if (version - 1 >= 1)
      {
        /* Records as a database of that version holds them, through the store. */
        g_autoptr(IopParticipant) p = iop_participant_new ();
        g_autoptr(IopGroup) g = iop_group_new ();

        iop_participant_set_record_number (p, "MIG-1");
        iop_participant_set_first_name (p, "Ada");
        iop_participant_set_last_name (p, "Quill");
        iop_participant_set_admission_date (p, "2026-01-05");
        g_assert_true (iop_store_add_participant (old, p, &error));
        iop_group_set_name (g, "Process");
        iop_group_set_start_date (g, "2026-01-01");
        iop_group_set_weekdays (g, 1);
        g_assert_true (iop_store_add_group (old, g, &error));
        g_assert_true (iop_store_enroll (old, iop_participant_get_id (p), iop_group_get_id (g),
                                         "2026-01-05", IOP_ENROLL_NONE, NULL, &error));
        g_assert_no_error (error);
      }
  }

  store = iop_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (iop_store_get_version (store), ==, iop_store_latest_version ());
  assert_healthy (store);
  if (version - 1 >= 1)
    {
      g_assert_cmpint (count_rows (store, "SELECT count(*) FROM participants"), ==, 1);
      g_assert_cmpint (count_rows (store, "SELECT count(*) FROM enrollments"), ==, 1);
      /* Search still finds people added before the upgrade. */
      g_autoptr(GArray) ids = iop_store_search_participants (store, "qui", FALSE, &error);
      g_assert_cmpuint (ids->len, ==, 1);
    }
}

static int
compare_names (const void *a,
               const void *b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* A table named like the first thing the last migration creates, so it fails. */
static char *
last_migration_obstacle (void)
{
  g_auto(GStrv) names = g_resources_enumerate_children ("/org/example/iop/core/migrations", 0, NULL);
  g_autoptr(GBytes) sql = NULL;
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  guint n;

  g_assert_nonnull (names);
  n = g_strv_length (names);
  qsort (names, n, sizeof (char *), compare_names);
  path = g_strconcat ("/org/example/iop/core/migrations/", names[n - 1], NULL);
  sql = g_resources_lookup_data (path, 0, NULL);
  g_assert_nonnull (sql);
  regex = g_regex_new ("CREATE\\s+(?:VIRTUAL\\s+)?(?:TABLE|INDEX|TRIGGER|VIEW)\\s+(\\w+)", 0, 0, NULL);
  g_assert_true (g_regex_match_full (regex, g_bytes_get_data (sql, NULL), g_bytes_get_size (sql), 0, 0, &match, NULL));
  name = g_match_info_fetch (match, 1);
  return g_strdup_printf ("CREATE TABLE %s (x)", name);
}

/* A migration that fails halfway leaves the database at the old version, intact. */
static void
test_failed_migration_rolls_back (void)
{
  g_autofree char *path = iop_test_db_path ("failed-migration");
  g_autoptr(GError) error = NULL;
  g_autoptr(IopStore) reopened = NULL;
  g_autofree char *before = NULL;
  guint latest = iop_store_latest_version ();

  g_assert_cmpuint (latest, >=, 2);
  {
    g_autoptr(IopStore) old = iop_store_open_at_version (path, latest - 1, &error);
    g_assert_no_error (error);
    iop_store_trust_system_actor (old, TRUE);
    g_assert_true (iop_store_set_setting (old, "program-name", "Kept", &error));
    /* Something in the way of the last migration's first statement. */
    g_autofree char *obstacle = last_migration_obstacle ();
    g_assert_true (iop_store_exec (old, obstacle, &error));
    before = iop_test_checksum (old);
  }

  reopened = iop_store_open (path, &error);
  g_assert_null (reopened);
  g_assert_nonnull (error);
  g_clear_error (&error);

  {
    g_autoptr(IopStore) old = iop_store_open_at_version (path, latest - 1, &error);
    g_autofree char *name = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (iop_store_get_version (old), ==, latest - 1);
    iop_assert_unchanged (old, before);
    name = iop_store_get_setting (old, "program-name", NULL);
    g_assert_cmpstr (name, ==, "Kept");
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint v = 1; v <= iop_store_latest_version (); v++)
    {
      g_autofree char *name = g_strdup_printf ("/migrations/upgrade-to-%u", v);
      g_test_add_data_func (name, GUINT_TO_POINTER (v), test_upgrade_from_previous);
    }
  g_test_add_func ("/migrations/failed-migration-rolls-back", test_failed_migration_rolls_back);
  return g_test_run ();
}
