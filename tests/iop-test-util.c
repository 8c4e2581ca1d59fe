/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <sys/wait.h>

#include "iop-access-private.h"
#include "iop-access.h"
#include "iop-instrument-loader.h"
#include "iop-sample.h"
#include "iop-store-people.h"
#include "iop-test-util.h"

static char *tmpdir;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
          remove_tree (child);
        else
          g_unlink (child);
      }
  g_rmdir (path);
}

static void
cleanup (void)
{
  if (tmpdir != NULL)
    remove_tree (tmpdir);
  g_clear_pointer (&tmpdir, g_free);
}

const char *
iop_test_tmpdir (void)
{
  if (tmpdir == NULL)
    {
      tmpdir = g_dir_make_tmp ("circle-test-XXXXXX", NULL);
      g_assert_nonnull (tmpdir);
      atexit (cleanup);
    }
  return tmpdir;
}

char *
iop_test_db_path (const char *name)
{
  g_autofree char *file = g_strdup_printf ("%s.db", name);

  return g_build_filename (iop_test_tmpdir (), file, NULL);
}

IopStore *
iop_test_open_strict (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = iop_test_db_path (name);
  IopStore *store;

  /* Passphrase hashes with libsodium's minimum limits keep tests fast. */
  iop_access_use_fast_hashing (TRUE);
  store = iop_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  /* Strict: whatever stores other tests in this process opened. */
  iop_store_trust_system_actor (store, FALSE);
  return store;
}

IopStore *
iop_test_open_store (const char *name)
{
  IopStore *store = iop_test_open_strict (name);

  /* Tests of other areas' rules act as Circle itself, without signing in;
   * tests/test-access.c covers the roles on stores opened strictly. */
  iop_store_trust_system_actor (store, TRUE);
  /* Their worker threads open their own connections: those run without roles too. */
  iop_store_trust_system_actor_by_default (TRUE);
  return store;
}

void
iop_test_load_sample (IopStore *store)
{
  g_autoptr(GError) error = NULL;

  /* The sample's measures are scored with the shipped instrument definitions. */
  iop_instrument_registry_ensure_default (NULL, &error);
  g_assert_no_error (error);
  g_assert_true (iop_sample_load (store, &error));
  g_assert_no_error (error);
}

void
iop_test_add_admin (IopStore *store)
{
  g_autoptr(IopStaff) admin = iop_staff_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = NULL;

  /* As the sample program's administrator: admin / "sample", for command-line tests. */
  iop_staff_set_username (admin, "admin");
  iop_staff_set_full_name (admin, "Test Administrator");
  iop_staff_set_role (admin, "administrator");
  g_assert_true (iop_store_add_staff (store, admin, &error));
  hash = iop_access_hash_passphrase ("sample", &error);
  g_assert_nonnull (hash);
  g_assert_true (iop_access_store_credentials (store, iop_staff_get_id (admin), hash, &error));
  g_assert_no_error (error);
}

void
iop_test_sign_in (IopStore   *store,
                  const char *username)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IopStaff) staff = iop_access_sign_in (store, username, "sample", &error);

  g_assert_no_error (error);
  g_assert_nonnull (staff);
}

IopStore *
iop_test_open_sample (const char *name)
{
  g_autoptr(GError) error = NULL;
  IopStore *store = iop_test_open_store (name);

  /* The sample's measures are scored with the shipped instrument definitions. */
  iop_instrument_registry_ensure_default (NULL, &error);
  g_assert_no_error (error);
  iop_sample_load (store, &error);
  g_assert_no_error (error);
  return store;
}

char *
iop_test_checksum (IopStore *store)
{
  g_autoptr(GError) error = NULL;
  char *sum = iop_store_checksum (store, &error);

  g_assert_no_error (error);
  g_assert_nonnull (sum);
  return sum;
}

gboolean
iop_test_run_circle (const char * const  *args,
                     char               **out_stdout,
                     char               **out_stderr,
                     int                 *out_status)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *bin = g_getenv ("CIRCLE_BIN");
  int wait_status = 0;
  gboolean ok;

  g_assert_nonnull (bin);
  g_ptr_array_add (argv, (gpointer) bin);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  ok = g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                     out_stdout, out_stderr, &wait_status, &error);
  g_assert_no_error (error);
  *out_status = g_spawn_check_wait_status (wait_status, NULL) ? 0 : WEXITSTATUS (wait_status);
  return ok;
}
