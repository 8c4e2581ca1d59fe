/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "iop-date.h"
#include "iop-test-util.h"

static const char *
sample_db (void)
{
  static char *path;

  if (path == NULL)
    {
      const char *args[4] = { "--database", NULL, "--sample-data", NULL };
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      int status;

      path = iop_test_db_path ("cli-plans-sample");
      args[1] = path;
      iop_test_run_circle (args, &out, &err, &status);
      g_assert_cmpint (status, ==, 0);
    }
  return path;
}

static GStrv
run_lines (const char *option,
           const char *record)
{
  const char *args[] = { "--database", sample_db (), option, record, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  iop_test_run_circle (args, &out, &err, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_str_has_suffix (out, "\n"));
  out[strlen (out) - 1] = '\0';
  return g_strsplit (out, "\n", -1);
}

static gboolean
is_number (const char *text)
{
  guint64 value;

  return g_ascii_string_to_unsigned (text, 10, 0, 1000, &value, NULL);
}

static void
test_list_measures (void)
{
  /* Dmitri (IOP-1008) has every instrument and one incomplete PHQ-9. */
  g_auto(GStrv) lines = run_lines ("--list-measures", "IOP-1008");
  gboolean seen_phq9 = FALSE, seen_gad7 = FALSE, seen_bam = FALSE, seen_incomplete = FALSE;
  const char *previous = "";

  g_assert_cmpuint (g_strv_length (lines), >, 5);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cols = g_strsplit (lines[i], "\t", -1);

      g_assert_cmpuint (g_strv_length (cols), ==, 4);
      g_assert_true (iop_date_is_valid (cols[0]));
      g_assert_cmpstr (cols[0], >=, previous);
      previous = g_intern_string (cols[0]);
      if (g_str_equal (cols[3], "incomplete"))
        {
          g_assert_cmpstr (cols[2], ==, "");
          seen_incomplete = TRUE;
        }
      else if (g_str_equal (cols[1], "BAM"))
        {
          int use, risk, protective;

          g_assert_cmpstr (cols[2], ==, "");
          g_assert_cmpint (sscanf (cols[3], "use=%d risk=%d protective=%d", &use, &risk, &protective), ==, 3);
          g_assert_cmpint (use, <=, 12);
          g_assert_cmpint (risk, <=, 24);
          g_assert_cmpint (protective, <=, 24);
          seen_bam = TRUE;
        }
      else
        {
          static const char *severities[] = { "minimal", "mild", "moderate", "moderately severe", "severe", NULL };

          g_assert_true (g_str_equal (cols[1], "PHQ-9") || g_str_equal (cols[1], "GAD-7"));
          g_assert_true (is_number (cols[2]));
          g_assert_true (g_strv_contains (severities, cols[3]));
          seen_phq9 |= g_str_equal (cols[1], "PHQ-9");
          seen_gad7 |= g_str_equal (cols[1], "GAD-7");
        }
    }
  g_assert_true (seen_phq9 && seen_gad7 && seen_bam && seen_incomplete);
}

static void
test_list_plans (void)
{
  /* Jim (IOP-1002) has three signed versions and a fourth being drafted. */
  g_auto(GStrv) lines = run_lines ("--list-plans", "IOP-1002");
  static const char *states[] = { "draft", "active", "review-due", "superseded", NULL };
  guint active = 0, drafts = 0;

  g_assert_cmpuint (g_strv_length (lines), >=, 2);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cols = g_strsplit (lines[i], "\t", -1);

      g_assert_cmpuint (g_strv_length (cols), ==, 5);
      g_assert_true (is_number (cols[0]));
      g_assert_cmpint (atoi (cols[1]), ==, i + 1);
      g_assert_true (g_strv_contains (states, cols[2]));
      if (g_str_equal (cols[2], "draft"))
        {
          g_assert_cmpstr (cols[3], ==, "");
          g_assert_cmpstr (cols[4], ==, "");
          drafts++;
        }
      else
        {
          g_assert_true (iop_date_is_valid (cols[3]));
          g_assert_true (iop_date_is_valid (cols[4]));
          g_assert_cmpstr (cols[4], >, cols[3]);
        }
      active += g_str_equal (cols[2], "active") || g_str_equal (cols[2], "review-due");
    }
  g_assert_cmpuint (active, ==, 1);
  g_assert_cmpuint (drafts, ==, 1);
}

static void
test_review_due_state (void)
{
  /* Bobby (IOP-1006) is overdue for review. */
  g_auto(GStrv) lines = run_lines ("--list-plans", "IOP-1006");
  g_auto(GStrv) cols = g_strsplit (lines[g_strv_length (lines) - 1], "\t", -1);

  g_assert_cmpstr (cols[2], ==, "review-due");
}

static void
test_unknown_record (void)
{
  const char *options[] = { "--list-measures", "--list-plans" };

  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    {
      const char *args[] = { "--database", sample_db (), options[i], "NO-SUCH-RECORD", NULL };
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      int status;

      iop_test_run_circle (args, &out, &err, &status);
      g_assert_cmpint (status, !=, 0);
      g_assert_cmpstr (out, ==, "");
      g_assert_true (g_str_has_prefix (err, "circle: "));
      g_assert_nonnull (strstr (err, "NO-SUCH-RECORD"));
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* Every job signs in (see tests/test-cli.c); the administrator may read every record. */
  g_setenv ("CIRCLE_USER", "admin", TRUE);
  g_setenv ("CIRCLE_PASSPHRASE", "sample", TRUE);

  g_test_add_func ("/cli/list-measures", test_list_measures);
  g_test_add_func ("/cli/list-plans", test_list_plans);
  g_test_add_func ("/cli/review-due-state", test_review_due_state);
  g_test_add_func ("/cli/unknown-record", test_unknown_record);

  return g_test_run ();
}
