/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Runs under xvfb-run -a dbus-run-session, registered as 'gui-sessions' in gui_tests. */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "iop-date.h"
#include "iop-hours-section.h"
#include "iop-participant-page.h"
#include "iop-sessions-view.h"
#include "iop-store-people.h"
#include "iop-store-sessions.h"
#include "iop-access.h"
#include "iop-test-util.h"
#include "iop-window.h"

extern GResource *iop_gui_get_resource (void);

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gint64
staff_id (IopStore   *store,
          const char *username)
{
  g_autoptr(IopStaff) staff = iop_store_find_staff (store, username);

  g_assert_nonnull (staff);
  return iop_staff_get_id (staff);
}

/* The most recent past session of the sample that nobody documented yet. */
static IopSession *
undocumented_session (IopSessionsView *view)
{
  IopSession *found = NULL;
  g_autofree char *today = iop_date_today ();
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (view));
  IopStore *store = iop_window_get_store (IOP_WINDOW (root));
  g_autoptr(GListModel) pending = iop_store_list_sessions_to_document (store, 0, NULL, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (pending); i++)
    {
      g_autoptr(IopSession) s = g_list_model_get_item (pending, i);

      if (g_strcmp0 (iop_session_get_state (s), "scheduled") == 0)
        g_set_object (&found, s);
    }
  g_assert_nonnull (found);
  return found;
}

static void
set_note (IopSessionEditor *editor,
          gint64            pid,
          guint             n)
{
  static const char * const presentations[] = {
    "Calm and well groomed; mood described as steady, sleeping six hours.",
    "Tired after a night shift, yawning, but attentive once the check-in began.",
    "Anxious at first, tapping a foot; settled after the breathing exercise.",
    "Bright and talkative; reported a good week with no cravings.",
    "Quiet, short answers; said the weekend with family was hard.",
    "Arrived with coffee and a list of questions about the handout.",
  };

  for (guint f = 0; f < IOP_MEMBER_NOTE_N_FIELDS; f++)
    {
      GtkTextBuffer *buffer = iop_session_editor_get_note_buffer (editor, pid, f);
      g_autofree char *text = f == 0 ? g_strdup (presentations[n % G_N_ELEMENTS (presentations)])
                                     : g_strdup_printf ("Part %u for member %u: specific observation number %u.", f, n, n * 7 + f);

      g_assert_nonnull (buffer);
      gtk_text_buffer_set_text (buffer, text, -1);
    }
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static void
test_document_and_sign (void)
{
  g_autoptr(IopStore) store = iop_test_open_sample ("gui-sessions");
  g_autoptr(GError) error = NULL;
  IopWindow *window = iop_window_new (NULL, store);
  IopSessionsView *view;
  IopSessionEditor *editor;
  g_autoptr(IopSession) session = NULL;
  g_autoptr(IopSession) after = NULL;
  g_autoptr(GPtrArray) members = NULL;
  gint64 sid;
  gint64 named_pid = 0;
  const char *named = NULL;
  gint64 writer_pid = 0;
  guint n_attending = 0;
  AdwMessageDialog *dialog;

  gtk_window_present (GTK_WINDOW (window));
  iop_window_show_view (window, "sessions");
  view = IOP_SESSIONS_VIEW (iop_window_get_view (window, "sessions"));
  spin ();
  g_assert_cmpuint (iop_sessions_view_get_pending_count (view), >, 0);
  g_assert_cmpuint (iop_sessions_view_get_review_count (view), >, 0);
  g_assert_cmpstr (iop_sessions_view_get_visible_tab (view), ==, "pending");
  g_assert_cmpuint (g_list_model_get_n_items (iop_sessions_view_get_model (view)), >, 0);

  session = undocumented_session (view);
  sid = iop_session_get_id (session);
  iop_sessions_view_show_session (view, sid);
  editor = iop_sessions_view_get_editor (view);
  g_assert_cmpstr (iop_sessions_view_get_visible_tab (view), ==, "session");
  g_assert_cmpint (iop_session_editor_get_session_id (editor), ==, sid);

  /* attendance: one late, one absent, the rest present */
  members = iop_store_list_attendance (store, sid, &error);
  g_assert_cmpuint (members->len, >=, 4);
  for (guint i = 0; i < members->len; i++)
    {
      IopAttendance *a = g_ptr_array_index (members, i);
      gint64 pid = iop_attendance_get_participant_id (a);
      GtkDropDown *status = iop_session_editor_get_status_dropdown (editor, pid);

      g_assert_nonnull (status);
      gtk_drop_down_set_selected (status, i == 0 ? 2 /* late */ : i == 1 ? 4 /* absent */ : 1 /* present */);
      if (i != 1)
        gtk_drop_down_set_selected (iop_session_editor_get_participation_dropdown (editor, pid), 1 + 2 + i % 3);
    }
  gtk_spin_button_set_value (iop_session_editor_get_minutes_spin (editor, iop_attendance_get_participant_id (g_ptr_array_index (members, 0))),
                             iop_session_get_duration_minutes (session) - 30);
  iop_session_editor_flush (editor);
  spin ();

  /* the absent member has no note; the others have one each */
  g_assert_null (iop_session_editor_get_note_buffer (editor, iop_attendance_get_participant_id (g_ptr_array_index (members, 1)), 0));
  for (guint i = 0; i < members->len; i++)
    {
      IopAttendance *a = g_ptr_array_index (members, i);

      if (i == 1)
        continue;
      set_note (editor, iop_attendance_get_participant_id (a), n_attending++);
      if (writer_pid == 0)
        writer_pid = iop_attendance_get_participant_id (a);
      else if (named_pid == 0)
        {
          named_pid = iop_attendance_get_participant_id (a);
          named = *iop_attendance_get_preferred_name (a) ? iop_attendance_get_preferred_name (a)
                                                          : iop_attendance_get_first_name (a);
        }
    }

  /* another member's name in a note is marked as it is typed */
  {
    GtkTextBuffer *buffer = iop_session_editor_get_note_buffer (editor, writer_pid, 1);
    GtkLabel *warning = iop_session_editor_get_name_warning (editor, writer_pid);
    g_autofree char *text = g_strdup_printf ("Gave feedback to %s during the role-play.", named);
    GtkTextIter start;

    gtk_text_buffer_set_text (buffer, text, -1);
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (warning)));
    g_assert_nonnull (strstr (gtk_label_get_text (warning), named));
    gtk_text_buffer_get_iter_at_offset (buffer, &start, (int) strlen ("Gave feedback to "));
    g_assert_true (gtk_text_iter_has_tag (&start, gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "other-name")));
  }

  /* the shared note names members, as real notes do */
  {
    g_autofree char *process = g_strdup_printf ("%s shared a plan for the weekend and the group responded warmly.", named);

    gtk_editable_set_text (iop_session_editor_get_topic_editable (editor), "Weekend planning");
    gtk_editable_set_text (iop_session_editor_get_location_editable (editor), "Room 4 (Birch)");
    gtk_text_buffer_set_text (iop_session_editor_get_interventions_buffer (editor), "Motivational interviewing.", -1);
    gtk_text_buffer_set_text (iop_session_editor_get_process_buffer (editor), process, -1);
  }
  for (guint c = 0; c < IOP_N_CLIMATE; c++)
    adw_combo_row_set_selected (iop_session_editor_get_climate_row (editor, c), 1 + 3);
  iop_session_editor_flush (editor);

  /* signing as the facilitator: the name in the note is asked about */
  iop_store_set_actor (store, iop_session_get_facilitator_id (session));
  g_assert_cmpint (iop_store_get_actor (store), ==, iop_session_get_facilitator_id (session));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "session.sign", NULL));
  spin ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), named));
  /* the counselor goes back and fixes the note */
  adw_message_dialog_response (dialog, "review");
  gtk_window_destroy (GTK_WINDOW (dialog));    /* as clicking the button does */
  spin ();
  {
    GtkTextBuffer *buffer = iop_session_editor_get_note_buffer (editor, writer_pid, 1);

    gtk_text_buffer_set_text (buffer, "Gave feedback to a peer during the role-play.", -1);
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (iop_session_editor_get_name_warning (editor, writer_pid))));
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "session.sign", NULL));
  spin ();
  dialog = find_dialog ();
  if (dialog != NULL)
    g_error ("unexpected question: %s: %s", adw_message_dialog_get_heading (dialog), adw_message_dialog_get_body (dialog));

  after = iop_store_get_session (store, sid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (iop_session_get_state (after), ==, "signed");
  g_assert_cmpstr (iop_session_editor_get_state_text (editor), ==, "Signed, awaiting co-signature");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (iop_session_editor_get_status_dropdown (
    editor, iop_attendance_get_participant_id (g_ptr_array_index (members, 2))))));
  {
    g_autoptr(GPtrArray) saved = iop_store_list_attendance (store, sid, &error);
    IopAttendance *late = g_ptr_array_index (saved, 0);

    g_assert_cmpstr (iop_attendance_get_status (late), ==, "late");
    g_assert_cmpint (iop_attendance_get_minutes (late), ==, iop_session_get_duration_minutes (session) - 30);
    g_assert_cmpstr (iop_attendance_get_status (g_ptr_array_index (saved, 1)), ==, "absent");
    g_assert_false (iop_attendance_get_has_note (g_ptr_array_index (saved, 1)));
    g_assert_cmpstr (iop_attendance_get_note_participation (late), ==, "Gave feedback to a peer during the role-play.");
  }
  g_assert_cmpstr (iop_session_get_group_process (after), !=, "");
  g_assert_cmpstr (iop_session_get_location (after), ==, "Room 4 (Birch)");
  g_assert_cmpstr (iop_session_get_topic (after), ==, "Weekend planning");

  /* the supervisor co-signs */
  iop_store_set_actor (store, staff_id (store, "supervisor"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "session.cosign", NULL));
  spin ();
  g_clear_object (&after);
  after = iop_store_get_session (store, sid, &error);
  g_assert_cmpstr (iop_session_get_state (after), ==, "cosigned");
  g_assert_cmpstr (iop_session_editor_get_state_text (editor), ==, "Co-signed");

  gtk_widget_activate_action (GTK_WIDGET (view), "view.back", NULL);
  g_assert_cmpstr (iop_sessions_view_get_visible_tab (view), !=, "session");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_hours_section (void)
{
  g_autoptr(IopStore) store = iop_test_open_sample ("gui-hours");
  g_autoptr(IopParticipant) p = iop_store_find_participant (store, "IOP-1001", NULL);
  GtkWidget *page = iop_participant_page_new (store);
  GtkBox *box;
  GtkWidget *child;
  IopHoursSection *section = NULL;

  g_object_ref_sink (page);
  iop_participant_page_set_participant_id (IOP_PARTICIPANT_PAGE (page), iop_participant_get_id (p));
  box = iop_participant_page_get_sections_box (IOP_PARTICIPANT_PAGE (page));
  for (child = gtk_widget_get_first_child (GTK_WIDGET (box)); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (IOP_IS_HOURS_SECTION (child))
      section = IOP_HOURS_SECTION (child);
  g_assert_nonnull (section);
  g_assert_cmpuint (iop_hours_section_get_n_weeks (section), >=, 8);
  g_object_unref (page);
}


/* Who signs is whoever signed in: shown, not chosen; a counselor's to-do list
 * is their own, a supervisor's everyone's. */
static void
test_signer_is_signed_in (void)
{
  const char *users[] = { "counselor1", "supervisor" };

  for (guint u = 0; u < G_N_ELEMENTS (users); u++)
    {
      g_autofree char *name = g_strdup_printf ("gui-signer-%s", users[u]);
      g_autoptr(IopStore) store = iop_test_open_strict (name);
      g_autoptr(GListModel) expected = NULL;
      g_autoptr(IopStaff) me = NULL;
      IopWindow *window;
      IopSessionsView *view;

      iop_test_load_sample (store);
      iop_test_sign_in (store, users[u]);
      me = iop_store_get_staff (store, iop_store_get_actor (store), NULL);
      window = iop_window_new (NULL, store);
      gtk_window_present (GTK_WINDOW (window));
      iop_window_show_view (window, "sessions");
      view = IOP_SESSIONS_VIEW (iop_window_get_view (window, "sessions"));
      spin ();
      g_assert_nonnull (strstr (iop_sessions_view_get_signer_text (view), iop_staff_get_full_name (me)));
      expected = iop_store_list_sessions_to_document (store, u == 0 ? iop_store_get_actor (store) : 0, NULL, NULL);
      g_assert_cmpuint (iop_sessions_view_get_pending_count (view), ==, g_list_model_get_n_items (expected));
      if (u == 0)
        {
          g_autoptr(GListModel) everyone = iop_store_list_sessions_to_document (store, 0, NULL, NULL);

          g_assert_cmpuint (iop_sessions_view_get_pending_count (view), <, g_list_model_get_n_items (everyone));
        }
      gtk_window_destroy (GTK_WINDOW (window));
      spin ();
    }
}

/* Start time, duration and facilitators are edited in the session's Details;
 * a time still being typed is marked and not saved. */
static void
test_edit_details (void)
{
  g_autoptr(IopStore) store = iop_test_open_sample ("gui-session-details");
  IopWindow *window = iop_window_new (NULL, store);
  IopSessionsView *view;
  IopSessionEditor *editor;
  g_autoptr(IopSession) session = NULL;
  g_autoptr(IopSession) after = NULL;
  g_autoptr(IopSession) kept = NULL;
  g_autoptr(GListModel) staff = NULL;
  IopStaffRow *facilitator, *co_facilitator;
  gint64 new_facilitator = 0;

  gtk_window_present (GTK_WINDOW (window));
  iop_window_show_view (window, "sessions");
  view = IOP_SESSIONS_VIEW (iop_window_get_view (window, "sessions"));
  spin ();
  session = undocumented_session (view);
  iop_sessions_view_show_session (view, iop_session_get_id (session));
  editor = iop_sessions_view_get_editor (view);
  spin ();

  g_assert_cmpstr (gtk_editable_get_text (iop_session_editor_get_start_editable (editor)), ==,
                   iop_session_get_start_time (session));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (iop_session_editor_get_duration_spin (editor)), ==,
                   iop_session_get_duration_minutes (session));
  facilitator = iop_session_editor_get_facilitator_row (editor, FALSE);
  co_facilitator = iop_session_editor_get_facilitator_row (editor, TRUE);
  g_assert_cmpint (iop_staff_row_get_staff_id (facilitator), ==, iop_session_get_facilitator_id (session));
  g_assert_cmpint (iop_staff_row_get_staff_id (co_facilitator), ==, iop_session_get_co_facilitator_id (session));
  staff = iop_store_list_staff (store, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (staff) && new_facilitator == 0; i++)
    {
      g_autoptr(IopStaff) member = g_list_model_get_item (staff, i);
      gint64 id = iop_staff_get_id (member);

      if (iop_staff_get_active (member) && id != iop_session_get_facilitator_id (session)
          && id != iop_session_get_co_facilitator_id (session))
        new_facilitator = id;
    }
  g_assert_cmpint (new_facilitator, >, 0);

  gtk_editable_set_text (iop_session_editor_get_start_editable (editor), "10:30");
  gtk_spin_button_set_value (iop_session_editor_get_duration_spin (editor), 90);
  iop_staff_row_set_staff_id (facilitator, new_facilitator);
  iop_staff_row_set_staff_id (co_facilitator, 0);
  iop_session_editor_flush (editor);
  spin ();
  after = iop_store_get_session (store, iop_session_get_id (session), NULL);
  g_assert_cmpstr (iop_session_get_start_time (after), ==, "10:30");
  g_assert_cmpint (iop_session_get_duration_minutes (after), ==, 90);
  g_assert_cmpint (iop_session_get_facilitator_id (after), ==, new_facilitator);
  g_assert_cmpint (iop_session_get_co_facilitator_id (after), ==, 0);

  /* Half-typed: marked as an error, and the saved time stays. */
  gtk_editable_set_text (iop_session_editor_get_start_editable (editor), "25:7");
  iop_session_editor_flush (editor);
  spin ();
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (iop_session_editor_get_start_editable (editor)), "error"));
  kept = iop_store_get_session (store, iop_session_get_id (session), NULL);
  g_assert_cmpstr (iop_session_get_start_time (kept), ==, "10:30");

  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}

/* A facilitator whose account was deactivated stays chosen in a staff row,
 * so saving something else does not unassign them. */
static void
test_staff_row_keeps_inactive (void)
{
  g_autoptr(IopStore) store = iop_test_open_sample ("gui-staff-row-inactive");
  g_autoptr(GError) error = NULL;
  gint64 counselor = staff_id (store, "counselor2");
  GtkWidget *row = g_object_ref_sink (iop_staff_row_new (store));

  g_assert_true (iop_access_set_active (store, counselor, FALSE, &error));
  g_assert_no_error (error);
  iop_staff_row_set_store (IOP_STAFF_ROW (row), store);
  iop_staff_row_set_staff_id (IOP_STAFF_ROW (row), counselor);
  g_assert_cmpint (iop_staff_row_get_staff_id (IOP_STAFF_ROW (row)), ==, counselor);
  iop_staff_row_set_staff_id (IOP_STAFF_ROW (row), 0);
  g_assert_cmpint (iop_staff_row_get_staff_id (IOP_STAFF_ROW (row)), ==, 0);
  g_object_unref (row);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  g_resources_register (iop_gui_get_resource ());

  g_test_add_func ("/gui/sessions/document-and-sign", test_document_and_sign);
  g_test_add_func ("/gui/sessions/hours-section", test_hours_section);
  g_test_add_func ("/gui/sessions/signer-is-signed-in", test_signer_is_signed_in);
  g_test_add_func ("/gui/sessions/edit-details", test_edit_details);
  g_test_add_func ("/gui/sessions/staff-row-keeps-inactive", test_staff_row_keeps_inactive);
  return g_test_run ();
}
