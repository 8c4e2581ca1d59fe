/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "iop-cli.h"
#include "iop-date.h"
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
