/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * --report and --program-report: the contracts, the errors, and the Done
 * criterion: the declining sample group's PDF names members only by initials.
 */

#include "config.h"

#include <string.h>

#include "iop-date.h"
#include "iop-store-people.h"
#include "iop-test-util.h"

static char *
sample_db (void)
{
  static char *path;

  if (path == NULL)
    {
      const char *args[] = { "--database", NULL, "--sample-data", NULL };
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      int status;

      path = iop_test_db_path ("report-cli-sample");
      args[1] = path;
      iop_test_run_circle (args, &out, &err, &status);
      g_assert_cmpint (status, ==, 0);
    }
  return path;
}

static gint64
group_id (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IopStore) store = iop_store_open (sample_db (), &error);
  g_autoptr(GListModel) groups = NULL;

  g_assert_no_error (error);
  groups = iop_store_list_groups (store, TRUE, &error);
  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(IopGroup) g = g_list_model_get_item (groups, i);

      if (g_strcmp0 (iop_group_get_name (g), name) == 0)
        return iop_group_get_id (g);
    }
  g_assert_not_reached ();
  return 0;
}

/* Every participant's first and last name, less those a staff member shares. */
static GPtrArray *
participant_names (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IopStore) store = iop_store_open (sample_db (), &error);
  g_autoptr(GPtrArray) people = iop_store_list_participants (store, &error);
  g_autoptr(GListModel) staff = iop_store_list_staff (store, &error);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  for (guint i = 0; i < people->len; i++)
    {
      IopParticipant *p = g_ptr_array_index (people, i);
      const char *parts[] = { iop_participant_get_first_name (p), iop_participant_get_last_name (p) };

      for (guint k = 0; k < G_N_ELEMENTS (parts); k++)
        {
          gboolean staff_name = FALSE;

          for (guint s = 0; s < g_list_model_get_n_items (staff); s++)
            {
              g_autoptr(IopStaff) member = g_list_model_get_item (staff, s);

              staff_name = staff_name || strstr (iop_staff_get_full_name (member), parts[k]) != NULL;
            }
          if (!staff_name)
            g_ptr_array_add (names, g_strdup (parts[k]));
        }
    }
  g_assert_cmpuint (names->len, >, 60);
  return names;
}

static gboolean
has_word (const char *text,
          const char *word)
{
  g_autofree char *escaped = g_regex_escape_string (word, -1);
  g_autofree char *pattern = g_strdup_printf ("(?<!\\w)%s(?!\\w)", escaped);

  return g_regex_match_simple (pattern, text, 0, 0);
}

static char *
pdf_text (const char *pdf)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

static void
run (const char **args,
     int         *status,
     char       **err)
{
  g_autofree char *out = NULL;

  iop_test_run_circle (args, &out, err, status);
}

static void
test_group_pdf_initials_only (void)
{
  g_autoptr(GPtrArray) names = participant_names ();
  g_autofree char *today = iop_date_today ();
  g_autofree char *from = iop_date_add_days (today, -55);
  g_autofree char *dual = g_strdup_printf ("%" G_GINT64_FORMAT, group_id ("Dual Diagnosis Skills"));
  g_autofree char *pdf = g_build_filename (iop_test_tmpdir (), "dual.pdf", NULL);
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;
  const char *args[] = { "--database", sample_db (), "--report", dual, "--from", from, "--to", today,
                         "--output", pdf, NULL };
  int status;

  run (args, &status, &err);
  g_assert_cmpint (status, ==, 0);
  text = pdf_text (pdf);
  g_assert_true (strstr (text, "Dual Diagnosis Skills") != NULL);
  /* The declining group shows what a supervisor should notice. */
  g_assert_true (strstr (text, "Falling attendance") != NULL);
  g_assert_true (strstr (text, "Falling cohesion") != NULL);
  g_assert_true (strstr (text, "Low member ratings") != NULL);
  g_assert_true (strstr (text, "Outreach:") != NULL);
  for (guint i = 0; i < names->len; i++)
    if (has_word (text, g_ptr_array_index (names, i)))
      g_error ("the report names %s", (const char *) g_ptr_array_index (names, i));
}

static void
test_every_group_and_program_initials_only (void)
{
  g_autoptr(GPtrArray) names = participant_names ();
  const char *groups[] = { "Morning Process Group", "Relapse Prevention", "Teen Coping Skills",
                           "Mindfulness and Stress Management", NULL };

  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      g_autofree char *id = groups[g] != NULL ? g_strdup_printf ("%" G_GINT64_FORMAT, group_id (groups[g])) : NULL;
      g_autofree char *pdf = g_build_filename (iop_test_tmpdir (), "each.pdf", NULL);
      g_autofree char *csv = g_build_filename (iop_test_tmpdir (), "each.csv", NULL);
      g_autofree char *err = NULL;
      g_autofree char *err2 = NULL;
      g_autofree char *text = NULL;
      g_autofree char *csv_text = NULL;
      const char *pdf_args[] = { "--database", sample_db (), id != NULL ? "--report" : "--program-report", id,
                                 "--output", pdf, NULL };
      const char *csv_args[] = { "--database", sample_db (), id != NULL ? "--report" : "--program-report", id,
                                 "--output", csv, NULL };
      int status;

      /* Without --from and --to: the last eight weeks. */
      if (id == NULL)
        {
          pdf_args[3] = "--output";
          pdf_args[4] = pdf;
          pdf_args[5] = NULL;
          csv_args[3] = "--output";
          csv_args[4] = csv;
          csv_args[5] = NULL;
        }
      run (pdf_args, &status, &err);
      g_assert_cmpint (status, ==, 0);
      run (csv_args, &status, &err2);
      g_assert_cmpint (status, ==, 0);
      text = pdf_text (pdf);
      g_assert_true (g_file_get_contents (csv, &csv_text, NULL, NULL));
      g_assert_true (g_str_has_prefix (csv_text, "section,date,member,metric,value,flag\r\n"));
      for (guint i = 0; i < names->len; i++)
        {
          const char *name = g_ptr_array_index (names, i);

          if (has_word (text, name) || has_word (csv_text, name))
            g_error ("%s names %s", groups[g] != NULL ? groups[g] : "the program report", name);
        }
    }
}

static void
test_errors (void)
{
  g_autofree char *dual = g_strdup_printf ("%" G_GINT64_FORMAT, group_id ("Dual Diagnosis Skills"));
  g_autofree char *pdf = g_build_filename (iop_test_tmpdir (), "never.pdf", NULL);
  g_autofree char *txt = g_build_filename (iop_test_tmpdir (), "never.txt", NULL);
  struct {
    const char *args[12];
    const char *message;
  } cases[] = {
    { { "--report", dual, "--from", "2026-02-30", "--to", "2026-03-30", "--output", pdf, NULL },
      "circle: The start date is not a real date; use YYYY-MM-DD.\n" },
    { { "--report", dual, "--from", "2026-01-01", "--to", "2026-13-01", "--output", pdf, NULL },
      "circle: The end date is not a real date; use YYYY-MM-DD.\n" },
    { { "--report", dual, "--from", "2026-05-01", "--to", "2026-04-01", "--output", pdf, NULL },
      "circle: The start date is after the end date.\n" },
    { { "--program-report", "--from", "2026-05-01", "--to", "2026-04-01", "--output", pdf, NULL },
      "circle: The start date is after the end date.\n" },
    { { "--report", "9999", "--output", pdf, NULL },
      "circle: This group does not exist.\n" },
    { { "--report", dual, "--output", txt, NULL },
      "circle: The output file must end in .pdf or .csv.\n" },
    { { "--report", dual, NULL },
      "circle: Say where to write the report with --output FILE.pdf or --output FILE.csv.\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) argv = g_ptr_array_new ();
      g_autofree char *err = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      int status;

      {
        g_autoptr(IopStore) store = iop_store_open (sample_db (), NULL);
        before = iop_test_checksum (store);
      }
      g_ptr_array_add (argv, (gpointer) "--database");
      g_ptr_array_add (argv, sample_db ());
      for (guint k = 0; cases[i].args[k] != NULL; k++)
        g_ptr_array_add (argv, (gpointer) cases[i].args[k]);
      g_ptr_array_add (argv, NULL);
      run ((const char **) argv->pdata, &status, &err);
      g_assert_cmpint (status, !=, 0);
      g_assert_cmpstr (err, ==, cases[i].message);
      g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (txt, G_FILE_TEST_EXISTS));
      {
        g_autoptr(IopStore) store = iop_store_open (sample_db (), NULL);
        after = iop_test_checksum (store);
      }
      g_assert_cmpstr (before, ==, after);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* Every job signs in (see tests/test-cli.c); the administrator may read every record. */
  g_setenv ("CIRCLE_USER", "admin", TRUE);
  g_setenv ("CIRCLE_PASSPHRASE", "sample", TRUE);
  g_test_add_func ("/report-cli/group-pdf-initials-only", test_group_pdf_initials_only);
  g_test_add_func ("/report-cli/every-group-and-program-initials-only", test_every_group_and_program_initials_only);
  g_test_add_func ("/report-cli/errors", test_errors);
  return g_test_run ();
}
