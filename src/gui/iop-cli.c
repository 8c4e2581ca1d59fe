/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "iop-cli.h"
#include "iop-date.h"
#include "iop-report-render.h"
#include "iop-sample.h"
#include "iop-session-print.h"
#include "iop-store-people.h"
#include "iop-store-sessions.h"

/*
 * The command line is part of the application: every job that makes sense in
 * batch can be scripted. Output is tab-separated, one line per item, for
 * scripts; errors go to standard error with a non-zero exit status.
 */

static char *database_path;

static const GOptionEntry entries[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Use the database at PATH instead of the one in your data folder"), N_("PATH") },
  { "sample-data", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Load the sample program into an empty database and exit"), NULL },
  { "version", 'v', 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { "list-groups", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("List groups: ID, name, type, members (tab-separated)"), NULL },
  { "list-participants", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("List participants: record number, first, last, preferred name, status (tab-separated)"), NULL },
  { "list-sessions", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("List sessions: ID, date, group, state (tab-separated); with --group, one group's"), NULL },
  { "group", 0, 0, G_OPTION_ARG_INT64, NULL,
    N_("With --list-sessions: only the group with this ID"), N_("ID") },
  { "list-attendance", 0, 0, G_OPTION_ARG_INT64, NULL,
    N_("List a session's attendance: record number, first, last, preferred name, status, minutes"),
    N_("SESSION_ID") },
  { "session-summary", 0, 0, G_OPTION_ARG_INT64, NULL,
    N_("Write a session's summary as PDF (with --output); with --for, a member's copy"), N_("SESSION_ID") },
  { "for", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --session-summary: the member's copy for this record number"), N_("RECORD_NUMBER") },
  { "sign-in-sheet", 0, 0, G_OPTION_ARG_INT64, NULL,
    N_("Write a session's sign-in sheet as PDF (with --output)"), N_("SESSION_ID") },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("The file to write"), N_("FILE") },
  { "report", 0, 0, G_OPTION_ARG_INT64, NULL,
    N_("Write a group's dynamics report to --output FILE.pdf or FILE.csv, members by initials"), N_("GROUP_ID") },
  { "program-report", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Write the program report to --output FILE.pdf or FILE.csv, participants by initials"), NULL },
  { "from", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --report or --program-report: the first day (default: eight weeks back)"), N_("DATE") },
  { "to", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --report or --program-report: the last day (default: today)"), N_("DATE") },
  { NULL }
};

/* Tabs and newlines inside a field would break the one-line-per-item contract. */
static char *
field (const char *text)
{
  char *copy = g_strdup (text != NULL ? text : "");

  return g_strdelimit (copy, "\t\n\r", ' ');
}

static int
fail (const char *message)
{
  g_printerr ("circle: %s\n", message);
  return 1;
}

static IopStore *
open_store (GError **error)
{
  return iop_store_open (database_path, error);
}

static int
run_sample_data (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IopStore) store = open_store (&error);

  if (store == NULL || !iop_sample_load (store, &error))
    return fail (error->message);
  g_print (_("Loaded the sample program into %s\n"), iop_store_get_path (store));
  return 0;
}

static int
run_list_groups (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IopStore) store = open_store (&error);
  g_autoptr(GListModel) groups = NULL;

  if (store == NULL)
    return fail (error->message);
  groups = iop_store_list_groups (store, TRUE, &error);
  if (groups == NULL)
    return fail (error->message);

  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(IopGroup) g = g_list_model_get_item (groups, i);
      g_autofree char *name = field (iop_group_get_name (g));

      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%d\n", iop_group_get_id (g), name,
               iop_group_get_group_type (g), iop_group_get_member_count (g));
    }
  return 0;
}

static int
run_list_participants (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IopStore) store = open_store (&error);
  g_autoptr(GPtrArray) people = NULL;

  if (store == NULL)
    return fail (error->message);
  people = iop_store_list_participants (store, &error);
  if (people == NULL)
    return fail (error->message);

  for (guint i = 0; i < people->len; i++)
    {
      IopParticipant *p = g_ptr_array_index (people, i);
      g_autofree char *record = field (iop_participant_get_record_number (p));
      g_autofree char *first = field (iop_participant_get_first_name (p));
      g_autofree char *last = field (iop_participant_get_last_name (p));
      g_autofree char *preferred = field (iop_participant_get_preferred_name (p));

      g_print ("%s\t%s\t%s\t%s\t%s\n", record, first, last, preferred, iop_participant_get_status (p));
    }
  return 0;
}

static int
run_list_sessions (gint64 group_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IopStore) store = open_store (&error);
  g_autoptr(GListModel) sessions = NULL;
  IopSessionQuery query = { group_id, NULL, NULL, NULL };

  if (store == NULL)
    return fail (error->message);
  if (group_id > 0)
    {
      g_autoptr(IopGroup) group = iop_store_get_group (store, group_id, &error);

      if (group == NULL)
        return fail (error->message);
    }
  sessions = iop_store_list_sessions (store, &query, &error);
  if (sessions == NULL)
    return fail (error->message);

  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(IopSession) s = g_list_model_get_item (sessions, i);
      g_autofree char *group = field (iop_session_get_group_name (s));

      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\n", iop_session_get_id (s), iop_session_get_date (s),
               group, iop_session_get_state (s));
    }
  return 0;
}

static int
run_list_attendance (gint64 session_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IopStore) store = open_store (&error);
  g_autoptr(GPtrArray) attendance = NULL;

  if (store == NULL)
    return fail (error->message);
  attendance = iop_store_list_attendance (store, session_id, &error);
  if (attendance == NULL)
    return fail (error->message);

  for (guint i = 0; i < attendance->len; i++)
    {
      IopAttendance *a = g_ptr_array_index (attendance, i);
      g_autofree char *record = field (iop_attendance_get_record_number (a));
      g_autofree char *first = field (iop_attendance_get_first_name (a));
      g_autofree char *last = field (iop_attendance_get_last_name (a));
      g_autofree char *preferred = field (iop_attendance_get_preferred_name (a));

      /* unmarked members: an empty status and 0 minutes */
      g_print ("%s\t%s\t%s\t%s\t%s\t%d\n", record, first, last, preferred, iop_attendance_get_status (a),
               iop_attendance_is_marked (a) ? iop_attendance_get_minutes (a) : 0);
    }
  return 0;
}

/* The printouts follow the desk's settings, as in the window. */
static void
print_settings (char          **program_name,
                IopPrintNames  *names)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();

  *program_name = NULL;
  *names = IOP_PRINT_NAMES_SHORT;
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema != NULL)
    {
      g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
      g_autofree char *mode = g_settings_get_string (settings, "names-in-printouts");

      *program_name = g_settings_get_string (settings, "program-name");
      *names = g_strcmp0 (mode, "full") == 0 ? IOP_PRINT_NAMES_FULL : IOP_PRINT_NAMES_SHORT;
    }
}

static int
run_session_pdf (gint64      session_id,
                 const char *record_number,
                 const char *output,
                 gboolean    sign_in)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IopStore) store = NULL;
  g_autoptr(IopDocument) doc = NULL;
  g_autofree char *program_name = NULL;
  IopPrintNames names;

  if (output == NULL || *output == '\0')
    return fail (_("Say where to write the PDF with --output FILE.pdf."));
  store = open_store (&error);
  if (store == NULL)
    return fail (error->message);
  print_settings (&program_name, &names);

  if (sign_in)
    doc = iop_session_sign_in_document (store, session_id, program_name, &error);
  else if (record_number != NULL)
    {
      g_autoptr(IopParticipant) member = iop_store_find_participant (store, record_number, &error);

      if (member == NULL)
        return fail (error->message);
      doc = iop_session_member_copy_document (store, session_id, iop_participant_get_id (member),
                                              program_name, &error);
    }
  else
    doc = iop_session_summary_document (store, session_id, program_name, names, &error);
  if (doc == NULL || !iop_document_write_pdf (doc, output, &error))
    return fail (error->message);
  return 0;
}

/* Reports follow the desk's rules: weekly minimums and when a note is late. */
static void
report_settings (IopReportOptions *options)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema != NULL)
    {
      g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

      options->hours_adult_iop = g_settings_get_double (settings, "hours-adult-iop");
      options->hours_adolescent_iop = g_settings_get_double (settings, "hours-adolescent-iop");
      options->hours_php = g_settings_get_double (settings, "hours-php");
      options->late_signature_days = g_settings_get_int (settings, "late-signature-days");
    }
}

/*
 * --report GROUP_ID / --program-report with --from, --to and --output: the format
 * comes from the file's extension. Everything is checked and computed before the
 * file is written, so a bad date or group leaves no file behind.
 */
static int
run_report (gint64      group_id,
            const char *from,
            const char *to,
            const char *output)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IopStore) store = NULL;
  g_autoptr(IopGroupReport) group_report = NULL;
  g_autoptr(IopProgramReport) program_report = NULL;
  g_autoptr(IopDocument) doc = NULL;
  g_autofree char *program_name = NULL;
  g_autofree char *lower = NULL;
  IopReportOptions options;
  IopPrintNames names;
  gboolean pdf, ok;

  if (output == NULL || *output == '\0')
    return fail (_("Say where to write the report with --output FILE.pdf or --output FILE.csv."));
  lower = g_ascii_strdown (output, -1);
  pdf = g_str_has_suffix (lower, ".pdf");
  if (!pdf && !g_str_has_suffix (lower, ".csv"))
    return fail (_("The output file must end in .pdf or .csv."));
  if (from != NULL && !iop_date_is_valid (from))
    return fail (_("The start date is not a real date; use YYYY-MM-DD."));
  if (to != NULL && !iop_date_is_valid (to))
    return fail (_("The end date is not a real date; use YYYY-MM-DD."));

  iop_report_options_init (&options, from, to);
  report_settings (&options);
  if (!iop_report_options_validate (&options, &error))
    {
      iop_report_options_clear (&options);
      return fail (error->message);
    }

  store = open_store (&error);
  if (store == NULL)
    {
      iop_report_options_clear (&options);
      return fail (error->message);
    }
  if (group_id != 0)
    group_report = iop_group_report_compute (store, group_id, &options, &error);
  else
    program_report = iop_program_report_compute (store, &options, &error);
  iop_report_options_clear (&options);
  if (group_report == NULL && program_report == NULL)
    return fail (error->message);

  /* The command line always prints initials: a full-name copy is chosen in the window. */
  print_settings (&program_name, &names);
  if (pdf)
    {
      doc = group_report != NULL ? iop_group_report_build_document (group_report, program_name, FALSE)
                                 : iop_program_report_build_document (program_report, program_name, FALSE);
      ok = iop_document_write_pdf (doc, output, &error);
    }
  else
    {
      g_autofree char *csv = group_report != NULL ? iop_group_report_to_csv (group_report, FALSE)
                                                  : iop_program_report_to_csv (program_report, FALSE);

      ok = iop_report_write_text (output, csv, &error);
    }
  if (!ok)
    return fail (error->message);
  return 0;
}

/**
 * iop_cli_add_options:
 * @app: the application
 *
 * Registers every command-line option.
 */
void
iop_cli_add_options (GApplication *app)
{
  g_application_add_main_option_entries (app, entries);
  g_application_set_option_context_summary (app, _("Circle keeps group therapy records for intensive outpatient programs. Without options it opens the application."));
}

/**
 * iop_cli_handle:
 * @app: the application
 * @options: the parsed options
 * @exit_status: (out): the status to exit with when %TRUE is returned
 *
 * Runs a command-line job when one was asked for.
 *
 * Returns: %TRUE when the process should exit with @exit_status, %FALSE to open the window
 */
gboolean
iop_cli_handle (GApplication *app,
                GVariantDict *options,
                int          *exit_status)
{
  g_autofree char *output = NULL;
  gint64 session_id = 0;

  g_clear_pointer (&database_path, g_free);
  g_variant_dict_lookup (options, "database", "^ay", &database_path);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      *exit_status = 0;
      return TRUE;
    }

  if (g_variant_dict_contains (options, "sample-data"))
    *exit_status = run_sample_data ();
  else if (g_variant_dict_contains (options, "list-groups"))
    *exit_status = run_list_groups ();
  else if (g_variant_dict_contains (options, "list-participants"))
    *exit_status = run_list_participants ();
  else if (g_variant_dict_contains (options, "list-sessions"))
    {
      gint64 group_id = 0;

      g_variant_dict_lookup (options, "group", "x", &group_id);
      *exit_status = run_list_sessions (group_id);
    }
  else if (g_variant_dict_lookup (options, "list-attendance", "x", &session_id))
    *exit_status = run_list_attendance (session_id);
  else if (g_variant_dict_lookup (options, "session-summary", "x", &session_id))
    {
      g_autofree char *record_number = NULL;

      g_variant_dict_lookup (options, "for", "s", &record_number);
      g_variant_dict_lookup (options, "output", "^ay", &output);
      *exit_status = run_session_pdf (session_id, record_number, output, FALSE);
    }
  else if (g_variant_dict_contains (options, "report") || g_variant_dict_contains (options, "program-report"))
    {
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;
      gint64 group_id = 0;

      g_variant_dict_lookup (options, "from", "s", &from);
      g_variant_dict_lookup (options, "to", "s", &to);
      g_variant_dict_lookup (options, "output", "^ay", &output);
      if (g_variant_dict_contains (options, "program-report"))
        *exit_status = g_variant_dict_contains (options, "report")
                       ? fail (_("Choose either --report GROUP_ID or --program-report, not both."))
                       : run_report (0, from, to, output);
      else if (!g_variant_dict_lookup (options, "report", "x", &group_id) || group_id <= 0)
        *exit_status = fail (_("This group does not exist."));
      else
        *exit_status = run_report (group_id, from, to, output);
    }
  else if (g_variant_dict_lookup (options, "sign-in-sheet", "x", &session_id))
    {
      g_variant_dict_lookup (options, "output", "^ay", &output);
      *exit_status = run_session_pdf (session_id, NULL, output, TRUE);
    }
  else
    return FALSE;

  return TRUE;
}

/**
 * iop_cli_get_database_path:
 *
 * Returns: (nullable): the database chosen with `--database`, or %NULL for the default
 */
const char *
iop_cli_get_database_path (void)
{
  return database_path;
}
