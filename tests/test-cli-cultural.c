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

      path = iop_test_db_path ("cli-cultural-sample");
      args[1] = path;
      iop_test_run_circle (args, &out, &err, &status);
      g_assert_cmpint (status, ==, 0);
    }
  return path;
}

static void
test_gaps (void)
{
  const char *args[] = { "--database", sample_db (), "--cultural-gaps", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  gboolean interpreter = FALSE, review = FALSE;
  guint not_started = 0;
  int status;

  iop_test_run_circle (args, &out, &err, &status);
  g_assert_cmpint (status, ==, 0);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL && *lines[i]; i++)
    {
      g_auto(GStrv) cols = g_strsplit (lines[i], "\t", -1);

      g_assert_cmpuint (g_strv_length (cols), ==, 3);
      g_assert_true (g_str_has_prefix (cols[0], "IOP-"));
      g_assert_cmpuint (strlen (cols[2]), ==, 10);
      if (g_strcmp0 (cols[1], "interpreter") == 0)
        interpreter = g_strcmp0 (cols[0], "IOP-1017") == 0;
      else if (g_strcmp0 (cols[1], "not-started") == 0)
        not_started++;
      else if (g_strcmp0 (cols[1], "review-due") == 0)
        review = g_strcmp0 (cols[0], "IOP-1006") == 0;
      else
        g_assert_not_reached ();
    }
  g_assert_true (interpreter);
  g_assert_true (review);
  g_assert_cmpuint (not_started, >=, 3);
}

static void
test_summary_counts_only (void)
{
  const char *list_args[] = { "--database", sample_db (), "--list-groups", NULL };
  g_autofree char *groups = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) group_lines = NULL;
  int status;

  iop_test_run_circle (list_args, &groups, &err, &status);
  g_assert_cmpint (status, ==, 0);
  group_lines = g_strsplit (groups, "\n", -1);
  for (guint i = 0; group_lines[i] != NULL && *group_lines[i]; i++)
    {
      g_auto(GStrv) cols = g_strsplit (group_lines[i], "\t", -1);
      const char *args[] = { "--database", sample_db (), "--cultural-summary", cols[0], NULL };
      g_autofree char *out = NULL;
      g_autofree char *summary_err = NULL;
      g_auto(GStrv) lines = NULL;
      guint members = 0, language_total = 0;

      iop_test_run_circle (args, &out, &summary_err, &status);
      g_assert_cmpint (status, ==, 0);
      /* Counts, never names: no sample participant's name may appear. */
      g_assert_null (strstr (out, "Osman"));
      g_assert_null (strstr (out, "Dubois"));
      g_assert_null (strstr (out, "Tsosie"));
      lines = g_strsplit (out, "\n", -1);
      for (guint k = 0; lines[k] != NULL && *lines[k]; k++)
        {
          g_auto(GStrv) item = g_strsplit (lines[k], "\t", -1);

          if (g_strcmp0 (item[0], "members") == 0)
            members = atoi (item[1]);
          else if (g_strcmp0 (item[0], "language") == 0)
            {
              g_assert_cmpuint (g_strv_length (item), ==, 3);
              language_total += atoi (item[2]);
            }
          else
            g_assert_cmpuint (g_strv_length (item), ==, 2);
        }
      g_assert_cmpuint (members, ==, (guint) atoi (cols[3]));
      g_assert_cmpuint (language_total, ==, members);
      if (g_strcmp0 (cols[1], "Mindfulness and Stress Management") == 0)
        g_assert_nonnull (strstr (out, "schedule-conflicts\t1\n"));
    }
}

static void
test_summary_unknown_group (void)
{
  const char *args[] = { "--database", sample_db (), "--cultural-summary", "9999", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  iop_test_run_circle (args, &out, &err, &status);
  g_assert_cmpint (status, !=, 0);
  g_assert_true (g_str_has_prefix (err, "circle: "));
  g_assert_cmpstr (out, ==, "");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* Every job signs in (see tests/test-cli.c); the administrator may read every record. */
  g_setenv ("CIRCLE_USER", "admin", TRUE);
  g_setenv ("CIRCLE_PASSPHRASE", "sample", TRUE);

  g_test_add_func ("/cli/cultural/gaps", test_gaps);
  g_test_add_func ("/cli/cultural/summary-counts-only", test_summary_counts_only);
  g_test_add_func ("/cli/cultural/summary-unknown-group", test_summary_unknown_group);

  return g_test_run ();
}
