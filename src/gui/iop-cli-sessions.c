/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "iop-cli-private.h"
#include "iop-session-print.h"
#include "iop-store-people.h"
#include "iop-store-sessions.h"

const GOptionEntry iop_cli_sessions_entries[] = {
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
  { NULL }
};

static int
run_list_sessions (gint64 group_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IopStore) store = iop_cli_open_store (&error);
  g_autoptr(GListModel) sessions = NULL;
  IopSessionQuery query = { group_id, NULL, NULL, NULL };

  if (store == NULL)
    return iop_cli_fail (error->message);
  if (group_id > 0)
    {
      g_autoptr(IopGroup) group = iop_store_get_group (store, group_id, &error);

      if (group == NULL)
        return iop_cli_fail (error->message);
    }
  sessions = iop_store_list_sessions (store, &query, &error);
  if (sessions == NULL)
    return iop_cli_fail (error->message);

  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(IopSession) s = g_list_model_get_item (sessions, i);
      g_autofree char *group = iop_cli_field (iop_session_get_group_name (s));

      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\n", iop_session_get_id (s), iop_session_get_date (s),
               group, iop_session_get_state (s));
    }
  return 0;
}

static int
run_list_attendance (gint64 session_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IopStore) store = iop_cli_open_store (&error);
  g_autoptr(GPtrArray) attendance = NULL;

  if (store == NULL)
    return iop_cli_fail (error->message);
  attendance = iop_store_list_attendance (store, session_id, &error);
  if (attendance == NULL)
    return iop_cli_fail (error->message);

  for (guint i = 0; i < attendance->len; i++)
    {
      IopAttendance *a = g_ptr_array_index (attendance, i);
      g_autofree char *record = iop_cli_field (iop_attendance_get_record_number (a));
      g_autofree char *first = iop_cli_field (iop_attendance_get_first_name (a));
      g_autofree char *last = iop_cli_field (iop_attendance_get_last_name (a));
      g_autofree char *preferred = iop_cli_field (iop_attendance_get_preferred_name (a));

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
    return iop_cli_fail (_("Say where to write the PDF with --output FILE.pdf."));
  store = iop_cli_open_store (&error);
  if (store == NULL)
    return iop_cli_fail (error->message);
  print_settings (&program_name, &names);

  if (sign_in)
    doc = iop_session_sign_in_document (store, session_id, program_name, &error);
  else if (record_number != NULL)
    {
      g_autoptr(IopParticipant) member = iop_store_find_participant (store, record_number, &error);

      if (member == NULL)
        return iop_cli_fail (error->message);
      doc = iop_session_member_copy_document (store, session_id, iop_participant_get_id (member),
                                              program_name, &error);
      /* For someone outside the program: a valid consent, a recorded disclosure, the §2.32 notice. */
      if (doc != NULL)
        {
          g_autofree char *notice = NULL;

          if (!iop_cli_check_disclosure (store, iop_participant_get_id (member),
                                         _("Member copy of a session summary"), &notice, &error))
            return iop_cli_fail (error->message);
          if (notice != NULL)
            iop_document_set_footer_notice (doc, notice);
        }
    }
  else if (iop_cli_is_disclosure ())
    return iop_cli_fail (_("A disclosure is of one participant’s record: add --for RECORD_NUMBER for their copy."));
  else
    doc = iop_session_summary_document (store, session_id, program_name, names, &error);
  if (doc == NULL || !iop_document_write_pdf (doc, output, &error))
    return iop_cli_fail (error->message);
  return 0;
}

gboolean
iop_cli_sessions_handle (GVariantDict *options,
                         int          *exit_status)
{
  g_autofree char *output = NULL;
  gint64 session_id = 0;

  if (g_variant_dict_contains (options, "list-sessions"))
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
      output = iop_cli_dup_output (options);
      *exit_status = run_session_pdf (session_id, record_number, output, FALSE);
    }
  else if (g_variant_dict_lookup (options, "sign-in-sheet", "x", &session_id))
    {
      output = iop_cli_dup_output (options);
      *exit_status = run_session_pdf (session_id, NULL, output, TRUE);
    }
  else
    return FALSE;
  return TRUE;
}
