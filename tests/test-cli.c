/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

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

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/list-groups", test_list_groups);
  g_test_add_func ("/cli/list-participants", test_list_participants);
  g_test_add_func ("/cli/errors", test_errors);
  return g_test_run ();
}
