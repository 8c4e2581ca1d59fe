/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <sqlite3.h>

#include "iop-sample.h"
#include "iop-store-people.h"
#include "iop-store-private.h"
#include "iop-test-util.h"

static int
count (IopStore *store, const char *sql)
{
  sqlite3_stmt *stmt = iop_store_prepare (store, sql, NULL);
  int n;

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

static void
test_sample_program (void)
{
  g_autoptr(IopStore) store = iop_test_open_sample ("sample");
  g_autoptr(GListModel) groups = iop_store_list_groups (store, FALSE, NULL);
  g_autoptr(GHashTable) types = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_false (iop_store_is_empty (store));
  g_assert_cmpuint (iop_store_count_participants (store), >=, 40);
  g_assert_cmpuint (g_list_model_get_n_items (groups), >=, 4);
  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(IopGroup) g = g_list_model_get_item (groups, i);
      g_hash_table_add (types, (gpointer) g_intern_string (iop_group_get_group_type (g)));
      g_assert_cmpint (iop_group_get_member_count (g), >, 0);
      g_assert_cmpint (iop_group_get_member_count (g), <=, iop_group_get_max_size (g));
    }
  g_assert_cmpuint (g_hash_table_size (types), >=, 4);

  /* Staff the first-run page names */
  for (guint i = 0; i < 4; i++)
    {
      static const char *names[] = { "admin", "supervisor", "counselor1", "counselor2" };
      g_autoptr(IopStaff) staff = iop_store_find_staff (store, names[i]);
      g_assert_nonnull (staff);
    }
  g_assert_cmpint (count (store, "SELECT count(*) FROM staff WHERE role = 'counselor'"), ==, 2);
  g_assert_cmpint (count (store, "SELECT count(*) FROM staff WHERE role = 'supervisor'"), ==, 1);

  /* Varied levels of care, languages, and a real enrollment history */
  g_assert_cmpint (count (store, "SELECT count(DISTINCT level_of_care) FROM participants"), ==, 3);
  g_assert_cmpint (count (store, "SELECT count(DISTINCT primary_language) FROM participants"), >=, 8);
  g_assert_cmpint (count (store, "SELECT count(*) FROM enrollments WHERE left_on IS NOT NULL"), >=, 4);
  g_assert_cmpint (count (store, "SELECT count(*) FROM participants WHERE status = 'discharged'"), ==, 3);

  /* Loaded through the store's own functions: each creation is in the audit log */
  g_assert_cmpint (count (store, "SELECT count(*) FROM audit_log WHERE action = 'create'"
                                 " AND kind = 'participant'"), ==, 40);
}

static void
test_sample_refuses_non_empty (void)
{
  g_autoptr(IopStore) store = iop_test_open_sample ("sample-twice");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = iop_test_checksum (store);

  g_assert_false (iop_sample_load (store, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
  iop_assert_unchanged (store, before);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sample/program", test_sample_program);
  g_test_add_func ("/sample/refuses-non-empty", test_sample_refuses_non_empty);
  return g_test_run ();
}
