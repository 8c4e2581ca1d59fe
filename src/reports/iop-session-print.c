/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-session-print"

#include "config.h"

#include "iop-i18n.h"

#include "iop-date.h"
#include "iop-session-print.h"
#include "iop-store-people.h"
#include "iop-store-sessions.h"

/*
 * The printed forms of a session: the summary for the group's record, a
 * member's copy for one member's record, and the sign-in sheet. Every page
 * carries the 42 CFR Part 2 §2.32 notice. A member's copy holds only that
 * member's attendance and note, and the shared note with every other member's
 * name replaced (IopNameGuard), so one member's record never names another.
 * Each printout is recorded in the audit log.
 */

/* helpers */

static IopDocument *
new_document (const char *title,
              const char *program_name,
              gboolean    several_people)
{
  IopDocument *doc = iop_document_new (title);

  iop_document_set_program_name (doc, program_name != NULL && *program_name ? program_name : _("Circle IOP"));
  if (several_people)
    {
      g_autofree char *notice = g_strdup_printf ("%s\n%s", _(IOP_DOCUMENT_INTERNAL_NOTICE),
                                                 _(IOP_DOCUMENT_PART2_NOTICE));

      iop_document_set_footer_notice (doc, notice);
    }
  else
    iop_document_set_footer_notice (doc, _(IOP_DOCUMENT_PART2_NOTICE));
  return doc;
}

/* The participant's preferred language, when Circle has a translation into it. */
static IopCatalog *
member_catalog (IopStore *store,
                gint64    participant_id)
{
  g_autoptr(IopParticipant) participant = iop_store_get_participant (store, participant_id, NULL);
  g_autofree char *code = NULL;

  if (participant == NULL)
    return NULL;
  code = iop_language_code_from_name (iop_participant_get_primary_language (participant));
  return code != NULL ? iop_catalog_new_for_language (code) : NULL;
}

/* The language more than half of the members on the roster prefer, when
 * Circle has a translation into it; otherwise the counselor's. */
static IopCatalog *
roster_catalog (IopStore  *store,
                GPtrArray *attendance)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer code, count;
  guint members = 0;

  for (guint i = 0; i < attendance->len; i++)
    {
      IopAttendance *a = g_ptr_array_index (attendance, i);
      g_autoptr(IopParticipant) participant = NULL;
      char *member_code;

      if (!iop_attendance_get_on_roster (a))
        continue;
      members++;
      participant = iop_store_get_participant (store, iop_attendance_get_participant_id (a), NULL);
      member_code = participant != NULL
                    ? iop_language_code_from_name (iop_participant_get_primary_language (participant))
                    : NULL;
      if (member_code == NULL)
        continue;
      /* “es_MX” and “es” read the same sheet. */
      member_code[strcspn (member_code, "_")] = '\0';
      count = g_hash_table_lookup (counts, member_code);
      g_hash_table_replace (counts, member_code, GUINT_TO_POINTER (GPOINTER_TO_UINT (count) + 1));
    }

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &code, &count))
    if (GPOINTER_TO_UINT (count) * 2 > members)
      return iop_catalog_new_for_language (code);
  return NULL;
}

static char *
timestamp_label (const char *timestamp)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (timestamp == NULL || *timestamp == '\0')
    return g_strdup ("");
  utc = g_date_time_new_from_iso8601 (timestamp, NULL);
  if (utc == NULL)
    return g_strdup (timestamp);
  local = g_date_time_to_local (utc);
  /* Translators: the strftime() format of a date and time on printed documents.
   * xgettext:no-c-format */
  return g_date_time_format (local, C_("date and time format", "%x %H:%M"));
}

static void
add_session_fields (IopDocument *doc,
                    IopSession  *session)
{
  g_autofree char *date = iop_date_format (iop_session_get_date (session));
  g_autofree char *time = iop_session_dup_time_label (session);

  iop_document_add_field (doc, _("Group"), iop_session_get_group_name (session));
  iop_document_add_field (doc, _("Date"), date);
  iop_document_add_field (doc, _("Time"), time);
  if (*iop_session_get_location (session))
    iop_document_add_field (doc, _("Location"), iop_session_get_location (session));
  iop_document_add_field (doc, _("Facilitator"), iop_session_get_facilitator_name (session));
  if (*iop_session_get_co_facilitator_name (session))
    iop_document_add_field (doc, _("Co-facilitator"), iop_session_get_co_facilitator_name (session));
}

static void
add_signatures (IopDocument *doc,
                IopSession  *session)
{
  iop_document_add_heading (doc, 2, _("Signatures"));
  if (iop_session_is_locked (session))
    {
      g_autofree char *signed_at = timestamp_label (iop_session_get_signed_at (session));
      g_autofree char *signed_text = g_strdup_printf (_("%s, electronically signed %s"),
                                                      iop_session_get_signed_by_name (session), signed_at);

      iop_document_add_field (doc, _("Signed by"), signed_text);
      if (g_strcmp0 (iop_session_get_state (session), "cosigned") == 0)
        {
          g_autofree char *cosigned_at = timestamp_label (iop_session_get_cosigned_at (session));
          g_autofree char *cosigned_text = g_strdup_printf (_("%s, electronically co-signed %s"),
                                                            iop_session_get_cosigned_by_name (session), cosigned_at);

          iop_document_add_field (doc, _("Co-signed by"), cosigned_text);
        }
      else
        iop_document_add_field (doc, _("Co-signed by"), _("Awaiting supervisor review"));
    }
  else
    {
      iop_document_add_paragraph (doc, _("This note is not signed yet. It is a draft and not part of the record."));
      iop_document_add_signature_line (doc, _("Counselor"));
      iop_document_add_signature_line (doc, _("Clinical supervisor"));
    }
}

static void
add_events (IopDocument  *doc,
            GPtrArray    *events,
            IopNameGuard *guard,
            gint64        member_id,
            gboolean      member_copy)
{
  gboolean heading = FALSE;

  for (guint i = 0; i < events->len; i++)
    {
      IopSessionEvent *event = g_ptr_array_index (events, i);
      g_autofree char *at = timestamp_label (event->at);
      g_autofree char *label = NULL;
      g_autofree char *text = NULL;

      if (member_copy)
        {
          /* a member's copy carries addenda about them or the whole session, never reviews */
          if (g_strcmp0 (event->kind, "addendum") != 0)
            continue;
          if (event->participant_id != 0 && event->participant_id != member_id)
            continue;
        }
      if (!heading)
        {
          iop_document_add_heading (doc, 2, member_copy ? _("Addenda") : _("Addenda and reviews"));
          heading = TRUE;
        }
      if (g_strcmp0 (event->kind, "addendum") == 0)
        label = g_strdup_printf (_("Addendum, %s, %s"), at, event->author_name);
      else if (g_strcmp0 (event->kind, "cosign") == 0)
        label = g_strdup_printf (_("Co-signed, %s, %s"), at, event->author_name);
      else
        label = g_strdup_printf (_("Returned for changes, %s, %s"), at, event->author_name);
      text = member_copy ? iop_name_guard_redact (guard, event->text, member_id) : g_strdup (event->text);
      iop_document_add_field (doc, label, *text ? text : "—");
    }
}

static void
add_climate (IopDocument *doc,
             IopSession  *session)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  const char *headers[] = { _("Rating"), _("What it measures"), _("Score (0–6)") };
  const double widths[] = { 1.2, 3.0, 1.4 };

  for (guint i = 0; i < IOP_N_CLIMATE; i++)
    {
      GStrv row = g_new0 (char *, 4);

      row[0] = g_strdup (iop_climate_label (i));
      row[1] = g_strdup (iop_climate_description (i));
      row[2] = g_strdup (iop_climate_value_label (iop_session_get_climate (session, i)));
      g_ptr_array_add (rows, row);
    }
  iop_document_add_heading (doc, 2, _("Group climate"));
  iop_document_add_table (doc, 3, headers, widths, rows);
}

static void
add_shared_note (IopDocument  *doc,
                 IopSession   *session,
                 IopNameGuard *guard,
                 gint64        member_id)
{
  g_autofree char *interventions = NULL;
  g_autofree char *process = NULL;
  g_autofree char *topic = NULL;

  if (guard != NULL)
    {
      topic = iop_name_guard_redact (guard, iop_session_get_topic (session), member_id);
      interventions = iop_name_guard_redact (guard, iop_session_get_interventions (session), member_id);
      process = iop_name_guard_redact (guard, iop_session_get_group_process (session), member_id);
    }
  else
    {
      topic = g_strdup (iop_session_get_topic (session));
      interventions = g_strdup (iop_session_get_interventions (session));
      process = g_strdup (iop_session_get_group_process (session));
    }

  iop_document_add_heading (doc, 2, _("Group note"));
  iop_document_add_field (doc, _("Topic"), *topic ? topic : "—");
  iop_document_add_field (doc, _("Interventions"), *interventions ? interventions : "—");
  iop_document_add_heading (doc, 3, _("Group process"));
  iop_document_add_paragraph (doc, *process ? process : "—");
}

static char *
minutes_text (IopAttendance *a)
{
  if (!iop_attendance_is_marked (a))
    return g_strdup ("");
  return g_strdup_printf ("%d", iop_attendance_get_minutes (a));
}

static const char *
participation_text (IopAttendance *a)
{
  if (!iop_attendance_is_attending (a))
    return "";
  return iop_participation_label (iop_attendance_get_participation (a));
}

/* public API */

/**
 * iop_session_summary_document:
 * @store: an #IopStore
 * @session_id: the session
 * @program_name: (nullable): the program's name for the page header
 * @names: how members are named (the names-in-printouts setting)
 * @error: return location for a #GError
 *
 * The session summary: details, attendance, the shared note, climate,
 * signatures, addenda and reviews. Individualized notes are not in it; each is
 * in its member's copy.
 *
 * Returns: (transfer full) (nullable): the document
 */
IopDocument *
iop_session_summary_document (IopStore       *store,
                              gint64          session_id,
                              const char     *program_name,
                              IopPrintNames   names,
                              GError        **error)
{
  g_autoptr(IopSession) session = NULL;
  g_autoptr(GPtrArray) attendance = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(IopDocument) doc = NULL;
  const char *headers[] = { _("Member"), _("Attendance"), _("Minutes"), _("Participation") };
  const double widths[] = { 2.6, 1.3, 0.9, 2.6 };

  g_return_val_if_fail (IOP_IS_STORE (store), NULL);

  session = iop_store_get_session (store, session_id, error);
  if (session == NULL)
    return NULL;
  attendance = iop_store_list_attendance (store, session_id, error);
  if (attendance == NULL)
    return NULL;
  events = iop_store_list_session_events (store, session_id, error);
  if (events == NULL)
    return NULL;

  doc = new_document (_("Session summary"), program_name, TRUE);
  iop_document_add_heading (doc, 1, _("Session summary"));
  add_session_fields (doc, session);
  iop_document_add_field (doc, _("State"), iop_session_state_label (iop_session_get_state (session)));
  if (g_strcmp0 (iop_session_get_state (session), "cancelled") == 0)
    iop_document_add_field (doc, _("Reason cancelled"), iop_session_get_cancel_reason (session));

  for (guint i = 0; i < attendance->len; i++)
    {
      IopAttendance *a = g_ptr_array_index (attendance, i);
      GStrv row = g_new0 (char *, 5);

      row[0] = names == IOP_PRINT_NAMES_FULL ? iop_attendance_dup_full_name (a) : iop_attendance_dup_short_name (a);
      row[1] = g_strdup (iop_attendance_status_label (iop_attendance_get_status (a)));
      row[2] = minutes_text (a);
      row[3] = g_strdup (participation_text (a));
      g_ptr_array_add (rows, row);
    }
  iop_document_add_heading (doc, 2, _("Attendance"));
  iop_document_add_table (doc, 4, headers, widths, rows);

  if (g_strcmp0 (iop_session_get_state (session), "cancelled") != 0)
    {
      add_shared_note (doc, session, NULL, 0);
      add_climate (doc, session);
      add_signatures (doc, session);
    }
  add_events (doc, events, NULL, 0, FALSE);

  if (!iop_store_audit (store, "print", IOP_KIND_SESSION, session_id, 0, "summary", error))
    return NULL;
  return g_steal_pointer (&doc);
}

/**
 * iop_session_member_copy_document:
 * @store: an #IopStore
 * @session_id: the session
 * @participant_id: the member
 * @program_name: (nullable): the program's name for the page header
 * @error: return location for a #GError
 *
 * A member's copy: only this member's attendance and individualized note, the
 * shared note with every other participant's name replaced by “another group
 * member”, the signatures and the addenda that concern them.
 *
 * Returns: (transfer full) (nullable): the document
 */
IopDocument *
iop_session_member_copy_document (IopStore    *store,
                                  gint64       session_id,
                                  gint64       participant_id,
                                  const char  *program_name,
                                  GError     **error)
{
  g_autoptr(IopSession) session = NULL;
  g_autoptr(GPtrArray) attendance = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(IopNameGuard) guard = NULL;
  g_autoptr(IopDocument) doc = NULL;
  g_autofree char *name = NULL;
  g_autofree char *minutes = NULL;
  g_autoptr(IopCatalog) catalog = NULL;
  IopAttendance *member = NULL;

  g_return_val_if_fail (IOP_IS_STORE (store), NULL);

  session = iop_store_get_session (store, session_id, error);
  if (session == NULL)
    return NULL;
  attendance = iop_store_list_attendance (store, session_id, error);
  if (attendance == NULL)
    return NULL;
  for (guint i = 0; i < attendance->len; i++)
    if (iop_attendance_get_participant_id (g_ptr_array_index (attendance, i)) == participant_id)
      member = g_ptr_array_index (attendance, i);
  if (member == NULL)
    {
      g_set_error_literal (error, IOP_STORE_ERROR, IOP_STORE_ERROR_NOT_FOUND,
                           _("This participant was not a member of the group on the session's date."));
      return NULL;
    }
  guard = iop_store_dup_session_name_guard (store, session_id, error);
  if (guard == NULL)
    return NULL;
  events = iop_store_list_session_events (store, session_id, error);
  if (events == NULL)
    return NULL;

  /* The member reads their copy in their own language when Circle has it;
   * errors above stay in the counselor's. */
  catalog = member_catalog (store, participant_id);
  if (catalog != NULL)
    iop_catalog_push_thread_default (catalog);

  name = iop_attendance_dup_full_name (member);
  doc = new_document (_("Group session note — member's copy"), program_name, FALSE);
  iop_document_set_catalog (doc, catalog);
  iop_document_add_heading (doc, 1, _("Group session note"));
  iop_document_add_field (doc, _("Member"), name);
  iop_document_add_field (doc, _("Record number"), iop_attendance_get_record_number (member));
  add_session_fields (doc, session);

  iop_document_add_heading (doc, 2, _("Attendance"));
  iop_document_add_field (doc, _("Attendance"), iop_attendance_status_label (iop_attendance_get_status (member)));
  minutes = minutes_text (member);
  if (iop_attendance_is_attending (member))
    {
      iop_document_add_field (doc, _("Minutes attended"), minutes);
      iop_document_add_field (doc, _("Participation"), participation_text (member));
    }

  if (g_strcmp0 (iop_session_get_state (session), "cancelled") == 0)
    iop_document_add_field (doc, _("Reason cancelled"), iop_session_get_cancel_reason (session));
  else
    {
      if (iop_attendance_is_attending (member))
        {
          const char *parts[IOP_MEMBER_NOTE_N_FIELDS] = {
            iop_attendance_get_note_presentation (member),
            iop_attendance_get_note_participation (member),
            iop_attendance_get_note_response (member),
            iop_attendance_get_note_progress (member),
            iop_attendance_get_note_plan (member),
          };

          iop_document_add_heading (doc, 2, _("Individualized note"));
          for (guint f = 0; f < IOP_MEMBER_NOTE_N_FIELDS; f++)
            {
              /* the individualized note is the member's own; redact it too, so a
               * name kept at signing never reaches the member's record */
              g_autofree char *text = iop_name_guard_redact (guard, parts[f], participant_id);

              iop_document_add_field (doc, iop_member_note_field_label (f), *text ? text : "—");
            }
        }
      add_shared_note (doc, session, guard, participant_id);
      add_signatures (doc, session);
    }
  add_events (doc, events, guard, participant_id, TRUE);
  if (catalog != NULL)
    iop_catalog_pop_thread_default (catalog);

  if (!iop_store_audit (store, "print", IOP_KIND_SESSION, session_id, participant_id, "member copy", error))
    return NULL;
  return g_steal_pointer (&doc);
}

/**
 * iop_session_sign_in_document:
 * @store: an #IopStore
 * @session_id: the session
 * @program_name: (nullable): the program's name for the page header
 * @error: return location for a #GError
 *
 * The sign-in sheet for the members on the roster that day: preferred name and
 * last initial only, with room to sign.
 *
 * Returns: (transfer full) (nullable): the document
 */
IopDocument *
iop_session_sign_in_document (IopStore    *store,
                              gint64       session_id,
                              const char  *program_name,
                              GError     **error)
{
  g_autoptr(IopSession) session = NULL;
  g_autoptr(GPtrArray) attendance = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(IopDocument) doc = NULL;
  g_autoptr(IopCatalog) catalog = NULL;
  const char *headers[4];
  const double widths[] = { 1.6, 3.2, 0.9, 0.9 };

  g_return_val_if_fail (IOP_IS_STORE (store), NULL);

  session = iop_store_get_session (store, session_id, error);
  if (session == NULL)
    return NULL;
  attendance = iop_store_list_attendance (store, session_id, error);
  if (attendance == NULL)
    return NULL;

  /* The sheet is read by the members: in their language when most share one. */
  catalog = roster_catalog (store, attendance);
  if (catalog != NULL)
    iop_catalog_push_thread_default (catalog);

  headers[0] = _("Member");
  headers[1] = _("Signature");
  headers[2] = _("Time in");
  headers[3] = _("Time out");
  doc = new_document (_("Sign-in sheet"), program_name, TRUE);
  iop_document_set_catalog (doc, catalog);
  iop_document_add_heading (doc, 1, _("Sign-in sheet"));
  add_session_fields (doc, session);
  iop_document_add_paragraph (doc, _("Please sign next to your name when you arrive."));
  for (guint i = 0; i < attendance->len; i++)
    {
      IopAttendance *a = g_ptr_array_index (attendance, i);
      GStrv row;

      if (!iop_attendance_get_on_roster (a))
        continue;
      row = g_new0 (char *, 5);
      row[0] = iop_attendance_dup_short_name (a);
      row[1] = g_strdup ("");
      row[2] = g_strdup ("");
      row[3] = g_strdup ("");
      g_ptr_array_add (rows, row);
    }
  iop_document_add_form_table (doc, 4, headers, widths, rows, 30.0);
  iop_document_add_signature_line (doc, _("Facilitator"));
  if (catalog != NULL)
    iop_catalog_pop_thread_default (catalog);

  if (!iop_store_audit (store, "print", IOP_KIND_SESSION, session_id, 0, "sign-in sheet", error))
    return NULL;
  return g_steal_pointer (&doc);
}
