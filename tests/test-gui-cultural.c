/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Registered as 'gui-cultural' in gui_tests; runs under xvfb-run -a dbus-run-session. */

#include "config.h"

#include <adwaita.h>

#include "iop-cultural-group-section.h"
#include "iop-cultural-note-editor.h"
#include "iop-cultural-note-row.h"
#include "iop-cultural-panel.h"
#include "iop-cultural-profile-editor.h"
#include "iop-cultural-profile-section.h"
#include "iop-cultural-view.h"
#include "iop-date.h"
#include "iop-groups-view.h"
#include "iop-participants-view.h"
#include "iop-session-editor.h"
#include "iop-sessions-view.h"
#include "iop-store-cultural.h"
#include "iop-store-people.h"
#include "iop-store-sessions.h"
#include "iop-test-util.h"
#include "iop-window.h"

extern GResource *iop_gui_get_resource (void);

typedef gboolean (*Condition) (gpointer data);

static gboolean
wait_until (Condition condition,
            gpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
    }
  return TRUE;
}

static gboolean
pointer_cleared (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
settle (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static GtkWidget *
find_descendant (GtkWidget *root,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_toplevel (GType type)
{
  g_autoptr(GListModel) toplevels = gtk_window_get_toplevels ();

  GtkWidget *found = NULL;

  /* The newest one: a dialog that just answered may still be on its way out. */
  g_object_ref (toplevels);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (window))
        found = window;
    }
  return found;
}

static gint64
participant_id (IopStore *store, const char *record)
{
  g_autoptr(IopParticipant) p = iop_store_find_participant (store, record, NULL);

  g_assert_nonnull (p);
  return iop_participant_get_id (p);
}

static IopCulturalProfileSection *
open_participant (IopWindow *window, gint64 id)
{
  IopParticipantsView *view;
  IopParticipantPage *page;

  iop_window_show_participant (window, id);
  view = IOP_PARTICIPANTS_VIEW (iop_window_get_view (window, "participants"));
  page = iop_participants_view_get_participant_page (view);
  g_assert_cmpint (iop_participant_page_get_participant_id (page), ==, id);
  settle ();
  return IOP_CULTURAL_PROFILE_SECTION (find_descendant (GTK_WIDGET (iop_participant_page_get_sections_box (page)),
                                                       IOP_TYPE_CULTURAL_PROFILE_SECTION));
}

static void
sign_in (IopStore *store, const char *username)
{
  g_autoptr(IopStaff) staff = iop_store_find_staff (store, username);

  g_assert_nonnull (staff);
  iop_store_set_actor (store, iop_staff_get_id (staff));
}

static void
set_text_view (GtkWidget *widget, const char *text)
{
  g_assert_true (GTK_IS_TEXT_VIEW (widget));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
}

static gboolean
has_gap (GListModel *gaps, gint64 id, IopCulturalGapKind kind)
{
  for (guint i = 0; i < g_list_model_get_n_items (gaps); i++)
    {
      g_autoptr(IopCulturalGap) gap = g_list_model_get_item (gaps, i);

      if (iop_cultural_gap_get_participant_id (gap) == id && iop_cultural_gap_get_kind (gap) == kind)
        return TRUE;
    }
  return FALSE;
}

static void
test_view_shows_gaps_and_notes (void)
{
  g_autoptr(IopStore) store = iop_test_open_sample ("gui-cultural-view");
  IopWindow *window = iop_window_new (NULL, store);
  IopCulturalView *view;
  GListModel *gaps, *notes;
  guint all_notes;

  gtk_window_present (GTK_WINDOW (window));
  iop_window_show_view (window, "cultural");
  g_assert_cmpstr (iop_window_get_visible_view (window), ==, "cultural");
  view = IOP_CULTURAL_VIEW (iop_window_get_view (window, "cultural"));
  gaps = iop_cultural_view_get_gaps (view);
  notes = iop_cultural_view_get_notes (view);

  /* The sample's deliberate gaps, most urgent first */
  g_assert_cmpuint (g_list_model_get_n_items (gaps), >=, 5);
  g_assert_true (has_gap (gaps, participant_id (store, "IOP-1017"), IOP_CULTURAL_GAP_INTERPRETER));
  g_assert_true (has_gap (gaps, participant_id (store, "IOP-1040"), IOP_CULTURAL_GAP_NOT_STARTED));
  g_assert_true (has_gap (gaps, participant_id (store, "IOP-1006"), IOP_CULTURAL_GAP_REVIEW_DUE));
  {
    g_autoptr(IopCulturalGap) first = g_list_model_get_item (gaps, 0);
    g_assert_cmpint (iop_cultural_gap_get_kind (first), ==, IOP_CULTURAL_GAP_INTERPRETER);
  }

  /* Recent notes on participants and groups */
  all_notes = g_list_model_get_n_items (notes);
  g_assert_cmpuint (all_notes, >=, 12);

  /* Search narrows both lists */
  gtk_editable_set_text (GTK_EDITABLE (iop_cultural_view_get_search_entry (view)), "osman");
  settle ();
  g_assert_cmpuint (g_list_model_get_n_items (gaps), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (iop_cultural_view_get_search_entry (view)), "");
  settle ();
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, all_notes);

  /* View's New Note asks whom the note is about, and refuses to guess */
  {
    g_autofree char *before = iop_test_checksum (store);
    IopCulturalNoteEditor *editor;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "view.new", NULL));
    editor = IOP_CULTURAL_NOTE_EDITOR (find_toplevel (IOP_TYPE_CULTURAL_NOTE_EDITOR));
    g_assert_nonnull (editor);
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (iop_cultural_note_editor_get_text_view (editor)),
                              "Used a story from the members' own communities.", -1);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
    g_assert_cmpstr (gtk_label_get_text (iop_cultural_note_editor_get_error_label (editor)), ==,
                     "Choose whom the note is about.");
    iop_assert_unchanged (store, before);

    adw_combo_row_set_selected (iop_cultural_note_editor_get_subject_row (editor), 1);   /* the first group */
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
    settle ();
    g_assert_cmpuint (g_list_model_get_n_items (notes), ==, all_notes + 1);
  }

  /* The gap's action opens the participant's page and the profile */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "cultural.open-gap", "x",
                                             participant_id (store, "IOP-1040")));
  g_assert_cmpstr (iop_window_get_visible_view (window), ==, "participants");
  {
    GtkWidget *editor = find_toplevel (IOP_TYPE_CULTURAL_PROFILE_EDITOR);

    g_assert_nonnull (editor);
    gtk_window_destroy (GTK_WINDOW (editor));
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_record_profile_through_editor (void)
{
  g_autoptr(IopStore) store = iop_test_open_sample ("gui-cultural-record");
  IopWindow *window = iop_window_new (NULL, store);
  gint64 victor = participant_id (store, "IOP-1040");
  IopCulturalProfileSection *section;
  IopCulturalProfileEditor *editor;
  g_autofree char *shown = NULL;
  g_autoptr(IopParticipant) p = NULL;
  GListModel *gaps;

  sign_in (store, "counselor1");
  gtk_window_present (GTK_WINDOW (window));
  section = open_participant (window, victor);
  g_assert_nonnull (section);
  g_assert_false (iop_cultural_profile_section_has_profile (section));
  shown = iop_cultural_profile_section_dup_text (section);
  g_assert_nonnull (strstr (shown, "No cultural profile yet"));
  g_clear_pointer (&shown, g_free);

  /* Start Profile */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (section), "cultural.edit-profile", NULL));
  editor = IOP_CULTURAL_PROFILE_EDITOR (find_toplevel (IOP_TYPE_CULTURAL_PROFILE_EDITOR));
  g_assert_nonnull (editor);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);

  gtk_editable_set_text (GTK_EDITABLE (iop_cultural_profile_editor_get_field (editor, "preferred-name")), "Vitya");
  set_text_view (iop_cultural_profile_editor_get_field (editor, "identity"), "“Ukrainian and Russian-speaking, a welder.”");
  set_text_view (iop_cultural_profile_editor_get_field (editor, "communication"), "Prefers Russian for hard topics.");
  gtk_switch_set_active (GTK_SWITCH (iop_cultural_profile_editor_get_field (editor, "interpreter-needed")), TRUE);
  set_text_view (iop_cultural_profile_editor_get_field (editor, "observances"), "Orthodox Christmas Eve");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (iop_cultural_profile_editor_get_field (editor, "weekday-4")), TRUE);
  set_text_view (iop_cultural_profile_editor_get_field (editor, "cfi-1"), "“I drink so I can sleep after shifts.”");

  /* An impossible time keeps the editor open and changes nothing */
  {
    g_autofree char *before = iop_test_checksum (store);
    GtkLabel *error_label = iop_cultural_profile_editor_get_error_label (editor);

    gtk_editable_set_text (GTK_EDITABLE (iop_cultural_profile_editor_get_field (editor, "observance-start")), "25:00");
    gtk_editable_set_text (GTK_EDITABLE (iop_cultural_profile_editor_get_field (editor, "observance-end")), "26:00");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
    g_assert_nonnull (strstr (gtk_label_get_text (error_label), "not a real time"));
    g_assert_nonnull (editor);
    iop_assert_unchanged (store, before);
    gtk_editable_set_text (GTK_EDITABLE (iop_cultural_profile_editor_get_field (editor, "observance-start")), "");
    gtk_editable_set_text (GTK_EDITABLE (iop_cultural_profile_editor_get_field (editor, "observance-end")), "");
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  g_assert_true (wait_until (pointer_cleared, &editor));
  settle ();

  /* The participant page shows what was recorded */
  g_assert_true (iop_cultural_profile_section_has_profile (section));
  shown = iop_cultural_profile_section_dup_text (section);
  g_assert_nonnull (strstr (shown, "Ukrainian and Russian-speaking, a welder."));
  g_assert_nonnull (strstr (shown, "Prefers Russian for hard topics."));
  g_assert_nonnull (strstr (shown, "Needed · not arranged yet"));
  g_assert_nonnull (strstr (shown, "Orthodox Christmas Eve (Fri)"));
  g_assert_nonnull (strstr (shown, "I drink so I can sleep after shifts."));
  g_assert_nonnull (strstr (shown, "Jordan Ellis, LADC"));

  /* The preferred name went to the participant record */
  p = iop_store_get_participant (store, victor, NULL);
  g_assert_cmpstr (iop_participant_get_preferred_name (p), ==, "Vitya");

  /* The gap moved from "not started" to "interpreter not arranged" */
  gaps = iop_cultural_view_get_gaps (IOP_CULTURAL_VIEW (iop_window_get_view (window, "cultural")));
  settle ();
  g_assert_false (has_gap (gaps, victor, IOP_CULTURAL_GAP_NOT_STARTED));
  g_assert_true (has_gap (gaps, victor, IOP_CULTURAL_GAP_INTERPRETER));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_participant_note_sign_and_addendum (void)
{
  g_autoptr(IopStore) store = iop_test_open_sample ("gui-cultural-notes");
  IopWindow *window = iop_window_new (NULL, store);
  gint64 mari = participant_id (store, "IOP-1001");
  IopCulturalProfileSection *section;
  IopCulturalNoteEditor *editor;
  IopCulturalNoteRow *row;
  GListModel *notes;
  AdwMessageDialog *dialog;
  guint before_count;

  sign_in (store, "counselor1");
  gtk_window_present (GTK_WINDOW (window));
  section = open_participant (window, mari);
  notes = iop_cultural_profile_section_get_notes (section);
  before_count = g_list_model_get_n_items (notes);

  /* An empty note is refused and nothing changes */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (section), "cultural.new-note", NULL));
  editor = IOP_CULTURAL_NOTE_EDITOR (find_toplevel (IOP_TYPE_CULTURAL_NOTE_EDITOR));
  g_assert_nonnull (editor);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  {
    g_autofree char *checksum = iop_test_checksum (store);

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
    g_assert_cmpstr (gtk_label_get_text (iop_cultural_note_editor_get_error_label (editor)), ==,
                     "Write the note before saving it.");
    gtk_editable_set_text (GTK_EDITABLE (iop_cultural_note_editor_get_date_row (editor)), "2026-02-30");
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (iop_cultural_note_editor_get_text_view (editor)),
                              "Used a family saying from her region to open the check-in.", -1);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
    g_assert_nonnull (strstr (gtk_label_get_text (iop_cultural_note_editor_get_error_label (editor)),
                              "not a real date"));
    iop_assert_unchanged (store, checksum);
  }
  {
    g_autofree char *today = iop_date_today ();

    gtk_editable_set_text (GTK_EDITABLE (iop_cultural_note_editor_get_date_row (editor)), today);
  }
  adw_combo_row_set_selected (iop_cultural_note_editor_get_kind_row (editor), 1);   /* adaptation */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (iop_cultural_note_editor_get_outcome_view (editor)),
                            "She laughed and shared first.", -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  g_assert_true (wait_until (pointer_cleared, &editor));
  settle ();
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, before_count + 1);

  /* The newest note is on top, a draft, and can be signed */
  row = IOP_CULTURAL_NOTE_ROW (find_descendant (GTK_WIDGET (section), IOP_TYPE_CULTURAL_NOTE_ROW));
  g_assert_nonnull (row);
  g_assert_cmpstr (iop_cultural_note_get_kind (iop_cultural_note_row_get_note (row)), ==, "adaptation");
  g_assert_cmpstr (iop_cultural_note_row_get_state_text (row), ==, "Draft, not signed");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "note.sign", NULL));
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "sign");
  settle ();

  row = IOP_CULTURAL_NOTE_ROW (find_descendant (GTK_WIDGET (section), IOP_TYPE_CULTURAL_NOTE_ROW));
  g_assert_true (iop_cultural_note_is_signed (iop_cultural_note_row_get_note (row)));
  g_assert_cmpstr (iop_cultural_note_row_get_state_text (row), ==, "Signed by Jordan Ellis, LADC");

  /* Add Addendum */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "note.addendum", NULL));
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));
  {
    GtkWidget *text_view = find_descendant (adw_message_dialog_get_extra_child (dialog), GTK_TYPE_TEXT_VIEW);

    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view)), "She asked to do it again.", -1);
  }
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "add"));
  adw_message_dialog_response (dialog, "add");
  settle ();
  row = IOP_CULTURAL_NOTE_ROW (find_descendant (GTK_WIDGET (section), IOP_TYPE_CULTURAL_NOTE_ROW));
  g_assert_cmpint (iop_cultural_note_get_n_addenda (iop_cultural_note_row_get_note (row)), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_group_page_composition (void)
{
  g_autoptr(IopStore) store = iop_test_open_sample ("gui-cultural-group");
  IopWindow *window = iop_window_new (NULL, store);
  g_autoptr(GListModel) groups = iop_store_list_groups (store, FALSE, NULL);
  g_autoptr(IopCulturalComposition) comp = NULL;
  IopGroupsView *view;
  IopGroupPage *page;
  IopCulturalGroupSection *section;
  g_autofree char *shown = NULL;
  g_autofree char *expected = NULL;
  gint64 group_id = 0;

  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(IopGroup) g = g_list_model_get_item (groups, i);

      if (g_strcmp0 (iop_group_get_name (g), "Mindfulness and Stress Management") == 0)
        group_id = iop_group_get_id (g);
    }
  g_assert_cmpint (group_id, >, 0);

  gtk_window_present (GTK_WINDOW (window));
  iop_window_show_group (window, group_id);
  view = IOP_GROUPS_VIEW (iop_window_get_view (window, "groups"));
  page = iop_groups_view_get_group_page (view);
  settle ();
  section = IOP_CULTURAL_GROUP_SECTION (find_descendant (GTK_WIDGET (iop_group_page_get_sections_box (page)),
                                                         IOP_TYPE_CULTURAL_GROUP_SECTION));
  g_assert_nonnull (section);

  comp = iop_store_get_cultural_composition (store, group_id, NULL, NULL);
  shown = iop_cultural_group_section_dup_text (section);
  expected = g_strdup_printf ("Profiles on File: %u of %u members", comp->n_profiles, comp->n_members);
  g_assert_nonnull (strstr (shown, expected));
  g_assert_nonnull (strstr (shown, "Schedule Conflicts With Observances: 1 member"));
  g_assert_cmpuint (iop_cultural_group_section_get_n_conflict_rows (section), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (iop_cultural_group_section_get_notes (section)), >=, 2);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Friday is the day the Mindfulness group meets at 13:00; Andre prays 12:30–14:00 on Fridays. */
static char *
next_friday (void)
{
  g_autofree char *today = iop_date_today ();
  int weekday = iop_date_weekday (today);

  return iop_date_add_days (today, (4 - weekday + 7) % 7);
}

static void
test_session_panel (void)
{
  g_autoptr(IopStore) store = iop_test_open_sample ("gui-cultural-panel");
  GtkWidget *window = gtk_window_new ();
  GtkWidget *panel = iop_cultural_panel_new (store);
  g_autofree char *friday = next_friday ();
  g_autofree char *shown = NULL;
  gint64 ids[3];

  ids[0] = participant_id (store, "IOP-1038");   /* Andre: Friday prayer, halal */
  ids[1] = participant_id (store, "IOP-1004");   /* Thanh: interpreter arranged */
  ids[2] = participant_id (store, "IOP-1040");   /* Victor: no profile yet */
  gtk_window_set_child (GTK_WINDOW (window), panel);
  gtk_window_present (GTK_WINDOW (window));

  shown = iop_cultural_panel_dup_text (IOP_CULTURAL_PANEL (panel));
  g_assert_true (g_str_has_prefix (shown, "Mark who attends"));
  g_clear_pointer (&shown, g_free);

  iop_cultural_panel_set_participants (IOP_CULTURAL_PANEL (panel), ids, G_N_ELEMENTS (ids));
  iop_cultural_panel_set_session_time (IOP_CULTURAL_PANEL (panel), friday, "13:00", 90);
  g_assert_cmpuint (iop_cultural_panel_get_n_members (IOP_CULTURAL_PANEL (panel)), ==, 3);
  shown = iop_cultural_panel_dup_text (IOP_CULTURAL_PANEL (panel));
  g_assert_true (g_str_has_prefix (shown, "3 attending · 1 has an observance during this session"));
  g_assert_nonnull (strstr (shown, "Andre Dubois (he/him) · French"));
  g_assert_nonnull (strstr (shown, "Observance during this session: Friday congregational prayer"));
  g_assert_nonnull (strstr (shown, "Dietary needs: Halal."));
  g_assert_nonnull (strstr (shown, "Interpreter: needed, arranged"));
  g_assert_nonnull (strstr (shown, "Communication: Understands conversational English"));
  g_assert_nonnull (strstr (shown, "Victor Ivanov (he/him) · English\nProfile: No cultural profile yet"));
  g_clear_pointer (&shown, g_free);

  /* A morning session on the same day: the prayer is after it */
  iop_cultural_panel_set_session_time (IOP_CULTURAL_PANEL (panel), friday, "09:00", 180);
  shown = iop_cultural_panel_dup_text (IOP_CULTURAL_PANEL (panel));
  g_assert_true (g_str_has_prefix (shown, "3 attending\n"));
  g_clear_pointer (&shown, g_free);

  /* It follows the record: a profile started elsewhere shows up */
  {
    g_autoptr(IopCulturalProfile) c = iop_cultural_profile_new (ids[2]);
    g_autoptr(GError) error = NULL;

    iop_cultural_profile_set_communication (c, "Prefers Russian for hard topics.");
    g_assert_true (iop_store_save_cultural_profile (store, c, NULL, &error));
    g_assert_no_error (error);
  }
  shown = iop_cultural_panel_dup_text (IOP_CULTURAL_PANEL (panel));
  g_assert_nonnull (strstr (shown, "Communication: Prefers Russian for hard topics."));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The panel follows a documented session of the sample's Friday afternoon group. */
static void
test_session_panel_follows_session (void)
{
  g_autoptr(IopStore) store = iop_test_open_sample ("gui-cultural-panel-session");
  g_autoptr(GListModel) groups = iop_store_list_groups (store, FALSE, NULL);
  g_autoptr(GListModel) sessions = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *panel = iop_cultural_panel_new (store);
  gint64 andre = participant_id (store, "IOP-1038");
  IopSessionQuery query = { 0 };
  gint64 session_id = 0;
  guint n_attending = 0;
  g_autofree char *shown = NULL;
  g_autofree char *expected = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(IopGroup) g = g_list_model_get_item (groups, i);

      if (g_strcmp0 (iop_group_get_name (g), "Mindfulness and Stress Management") == 0)
        query.group_id = iop_group_get_id (g);
    }
  sessions = iop_store_list_sessions (store, &query, NULL);
  g_assert_nonnull (sessions);
  for (guint i = 0; i < g_list_model_get_n_items (sessions) && session_id == 0; i++)
    {
      g_autoptr(IopSession) s = g_list_model_get_item (sessions, i);
      g_autoptr(GPtrArray) attendance = iop_store_list_attendance (store, iop_session_get_id (s), NULL);
      gboolean andre_attends = FALSE;

      n_attending = 0;
      for (guint k = 0; k < attendance->len; k++)
        {
          IopAttendance *a = g_ptr_array_index (attendance, k);

          if (!iop_attendance_is_attending (a))
            continue;
          n_attending++;
          andre_attends |= iop_attendance_get_participant_id (a) == andre;
        }
      if (andre_attends)
        session_id = iop_session_get_id (s);
    }
  g_assert_cmpint (session_id, >, 0);

  gtk_window_set_child (GTK_WINDOW (window), panel);
  gtk_window_present (GTK_WINDOW (window));
  iop_cultural_panel_set_session (IOP_CULTURAL_PANEL (panel), session_id);
  g_assert_cmpuint (iop_cultural_panel_get_n_members (IOP_CULTURAL_PANEL (panel)), ==, n_attending);
  shown = iop_cultural_panel_dup_text (IOP_CULTURAL_PANEL (panel));
  expected = g_strdup_printf ("%u attending · 1 has an observance during this session", n_attending);
  g_assert_true (g_str_has_prefix (shown, expected));
  g_assert_nonnull (strstr (shown, "Observance during this session: Friday congregational prayer"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The "done": record a profile, see it while documenting that person's session. */
static void
test_profile_shows_in_session_editor (void)
{
  g_autoptr(IopStore) store = iop_test_open_sample ("gui-cultural-session-editor");
  IopWindow *window = iop_window_new (NULL, store);
  gint64 victor = participant_id (store, "IOP-1040");
  g_autoptr(GListModel) sessions = NULL;
  IopSessionQuery query = { 0 };
  IopCulturalProfileSection *section;
  IopCulturalProfileEditor *editor;
  IopSessionsView *view;
  GtkWidget *panel;
  g_autofree char *shown = NULL;
  gint64 session_id = 0;

  sign_in (store, "counselor1");
  gtk_window_present (GTK_WINDOW (window));

  section = open_participant (window, victor);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (section), "cultural.edit-profile", NULL));
  editor = IOP_CULTURAL_PROFILE_EDITOR (find_toplevel (IOP_TYPE_CULTURAL_PROFILE_EDITOR));
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  set_text_view (iop_cultural_profile_editor_get_field (editor, "communication"), "Prefers Russian for hard topics.");
  set_text_view (iop_cultural_profile_editor_get_field (editor, "accessibility"), "Sits near the door.");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  g_assert_true (wait_until (pointer_cleared, &editor));

  /* A session Victor attended */
  sessions = iop_store_list_sessions (store, &query, NULL);
  for (guint i = g_list_model_get_n_items (sessions); i > 0 && session_id == 0; i--)
    {
      g_autoptr(IopSession) s = g_list_model_get_item (sessions, i - 1);
      g_autoptr(GPtrArray) attendance = iop_store_list_attendance (store, iop_session_get_id (s), NULL);

      for (guint k = 0; k < attendance->len; k++)
        {
          IopAttendance *a = g_ptr_array_index (attendance, k);

          if (iop_attendance_get_participant_id (a) == victor && iop_attendance_is_attending (a))
            session_id = iop_session_get_id (s);
        }
    }
  g_assert_cmpint (session_id, >, 0);

  iop_window_show_view (window, "sessions");
  view = IOP_SESSIONS_VIEW (iop_window_get_view (window, "sessions"));
  iop_sessions_view_show_session (view, session_id);
  settle ();
  panel = find_descendant (GTK_WIDGET (iop_sessions_view_get_editor (view)), IOP_TYPE_CULTURAL_PANEL);
  g_assert_nonnull (panel);
  shown = iop_cultural_panel_dup_text (IOP_CULTURAL_PANEL (panel));
  g_assert_nonnull (strstr (shown, "Victor Ivanov (he/him) · English\n"));
  g_assert_nonnull (strstr (shown, "Communication: Prefers Russian for hard topics."));
  g_assert_nonnull (strstr (shown, "Accessibility: Sits near the door."));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  g_resources_register (iop_gui_get_resource ());

  g_test_add_func ("/gui/cultural/view", test_view_shows_gaps_and_notes);
  g_test_add_func ("/gui/cultural/record-profile", test_record_profile_through_editor);
  g_test_add_func ("/gui/cultural/notes", test_participant_note_sign_and_addendum);
  g_test_add_func ("/gui/cultural/group-page", test_group_page_composition);
  g_test_add_func ("/gui/cultural/session-panel", test_session_panel);
  g_test_add_func ("/gui/cultural/session-panel-follows-session", test_session_panel_follows_session);
  g_test_add_func ("/gui/cultural/profile-in-session-editor", test_profile_shows_in_session_editor);

  return g_test_run ();
}
