/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Nothing else is needed: register as 'gui-groups' in gui_tests; runs under xvfb-run -a dbus-run-session. */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "iop-date.h"
#include "iop-enroll-dialog.h"
#include "iop-group-editor.h"
#include "iop-group-page.h"
#include "iop-groups-view.h"
#include "iop-participant-list.h"
#include "iop-reason-dialog.h"
#include "iop-store-people.h"
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

static IopGroup *
find_group (GListModel *model,
            const char *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(IopGroup) group = g_list_model_get_item (model, i);

      if (g_strcmp0 (iop_group_get_name (group), name) == 0)
        return g_steal_pointer (&group);
    }
  return NULL;
}

static IopGroup *
add_small_group (IopStore   *store,
                 const char *name,
                 int         max_size)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *today = iop_date_today ();
  IopGroup *group = iop_group_new ();

  iop_group_set_name (group, name);
  iop_group_set_min_size (group, 1);
  iop_group_set_max_size (group, max_size);
  iop_group_set_weekdays (group, 1);
  iop_group_set_start_date (group, today);
  iop_store_add_group (store, group, &error);
  g_assert_no_error (error);
  return group;
}

/* The nth active participant, as the enroll dialog would list them. */
static IopParticipant *
active_participant (IopStore *store,
                    guint     n)
{
  g_autoptr(IopParticipantList) list = iop_participant_list_new (store);

  iop_participant_list_set_active_only (list, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), >, n);
  return g_list_model_get_item (G_LIST_MODEL (list), n);
}

typedef struct {
  GListModel *model;
  guint       n;
} CountWait;

static gboolean
has_n_items (gpointer data)
{
  CountWait *wait = data;

  return g_list_model_get_n_items (wait->model) == wait->n;
}

/* Types the participant's record number into the dialog's search and selects them. */
static void
choose_participant (IopEnrollDialog *dialog,
                    IopParticipant  *participant)
{
  GtkSingleSelection *selection = iop_enroll_dialog_get_selection (dialog);
  CountWait wait = { G_LIST_MODEL (selection), 1 };
  g_autoptr(IopParticipant) listed = NULL;

  gtk_editable_set_text (GTK_EDITABLE (iop_enroll_dialog_get_search_entry (dialog)),
                         iop_participant_get_record_number (participant));
  g_assert_true (wait_until (has_n_items, &wait));
  gtk_single_selection_set_selected (selection, 0);
  listed = g_list_model_get_item (G_LIST_MODEL (selection), 0);
  g_assert_cmpint (iop_participant_get_id (listed), ==, iop_participant_get_id (participant));
}

static void
test_create_group (void)
{
  g_autoptr(IopStore) store = iop_test_open_sample ("gui-groups-create");
  IopWindow *window = iop_window_new (NULL, store);
  IopGroupsView *view;
  IopGroupEditor *editor;
  g_autoptr(IopGroup) created = NULL;
  guint before;

  gtk_window_present (GTK_WINDOW (window));
  view = IOP_GROUPS_VIEW (iop_window_get_view (window, "groups"));
  before = g_list_model_get_n_items (iop_groups_view_get_model (view));

  editor = iop_group_editor_new (store, NULL);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (editor));

  gtk_editable_set_text (GTK_EDITABLE (iop_group_editor_get_name_row (editor)), "Thursday Evening Skills");
  gtk_spin_button_set_value (iop_group_editor_get_min_size_spin (editor), 3);
  gtk_spin_button_set_value (iop_group_editor_get_max_size_spin (editor), 10);
  gtk_toggle_button_set_active (iop_group_editor_get_weekday_toggle (editor, 3), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (iop_group_editor_get_start_time_row (editor)), "18:00");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));

  g_assert_true (wait_until (pointer_cleared, &editor));
  g_assert_cmpuint (g_list_model_get_n_items (iop_groups_view_get_model (view)), ==, before + 1);
  created = find_group (iop_groups_view_get_model (view), "Thursday Evening Skills");
  g_assert_nonnull (created);
  g_assert_cmpint (iop_group_get_max_size (created), ==, 10);
  g_assert_cmpint (iop_group_get_weekdays (created) & (1 << 3), !=, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_invalid_group_keeps_editor (void)
{
  g_autoptr(IopStore) store = iop_test_open_sample ("gui-groups-invalid");
  g_autofree char *before = iop_test_checksum (store);
  IopWindow *window = iop_window_new (NULL, store);
  IopGroupEditor *editor;
  GtkLabel *error_label;

  gtk_window_present (GTK_WINDOW (window));
  editor = iop_group_editor_new (store, NULL);
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (editor));

  /* No name, and an impossible start time. */
  gtk_editable_set_text (GTK_EDITABLE (iop_group_editor_get_start_time_row (editor)), "25:99");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));

  error_label = iop_group_editor_get_error_label (editor);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_cmpstr (gtk_label_get_text (error_label), !=, "");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (iop_group_editor_get_start_time_row (editor))), ==, "25:99");
  iop_assert_unchanged (store, before);

  gtk_window_destroy (GTK_WINDOW (editor));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_enroll_shows_in_roster (void)
{
  g_autoptr(IopStore) store = iop_test_open_sample ("gui-groups-enroll");
  g_autoptr(IopGroup) group = add_small_group (store, "Small Group", 5);
  g_autoptr(IopParticipant) participant = active_participant (store, 0);
  IopWindow *window = iop_window_new (NULL, store);
  IopGroupsView *view;
  IopGroupPage *page;
  IopEnrollDialog *dialog;
  g_autoptr(IopEnrollment) member = NULL;
  CountWait wait;

  gtk_window_present (GTK_WINDOW (window));
  iop_window_show_group (window, iop_group_get_id (group));
  view = IOP_GROUPS_VIEW (iop_window_get_view (window, "groups"));
  g_assert_cmpstr (iop_groups_view_get_visible_page (view), ==, "page");
  page = iop_groups_view_get_group_page (view);
  g_assert_cmpuint (g_list_model_get_n_items (iop_group_page_get_roster (page)), ==, 0);
  g_assert_cmpstr (iop_group_page_get_warning_text (page), ==, "Below the minimum size (0 of 1)");

  dialog = iop_enroll_dialog_new (store, group);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (dialog));
  choose_participant (dialog, participant);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "enroll.add", NULL));

  wait = (CountWait) { iop_group_page_get_roster (page), 1 };
  g_assert_true (wait_until (has_n_items, &wait));
  g_assert_true (wait_until (pointer_cleared, &dialog));
  member = g_list_model_get_item (iop_group_page_get_roster (page), 0);
  g_assert_cmpint (iop_enrollment_get_participant_id (member), ==, iop_participant_get_id (participant));
  g_assert_cmpstr (iop_enrollment_get_record_number (member), ==, iop_participant_get_record_number (participant));
  g_assert_null (iop_group_page_get_warning_text (page));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_capacity_override (void)
{
  g_autoptr(IopStore) store = iop_test_open_sample ("gui-groups-capacity");
  g_autoptr(IopGroup) group = add_small_group (store, "Tiny Group", 1);
  g_autoptr(IopParticipant) first = active_participant (store, 0);
  g_autoptr(IopParticipant) second = active_participant (store, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *today = iop_date_today ();
  g_autofree char *before = NULL;
  IopWindow *window = iop_window_new (NULL, store);
  IopGroupPage *page;
  IopEnrollDialog *dialog;
  AdwMessageDialog *question;
  gboolean overridden = FALSE;
  GListModel *history;
  CountWait wait;

  iop_store_enroll (store, iop_participant_get_id (first), iop_group_get_id (group), today, 0, NULL, &error);
  g_assert_no_error (error);

  gtk_window_present (GTK_WINDOW (window));
  iop_window_show_group (window, iop_group_get_id (group));
  page = iop_groups_view_get_group_page (IOP_GROUPS_VIEW (iop_window_get_view (window, "groups")));
  g_assert_cmpstr (iop_group_page_get_warning_text (page), ==, "Full (1 of 1)");

  dialog = iop_enroll_dialog_new (store, group);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (dialog));
  choose_participant (dialog, second);

  /* Cancelling the question adds nobody. */
  before = iop_test_checksum (store);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "enroll.add", NULL));
  question = iop_enroll_dialog_get_override_dialog (dialog);
  g_assert_nonnull (question);
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (question), "This group is full (1 of 1)."));
  adw_message_dialog_response (question, "cancel");
  g_assert_null (iop_enroll_dialog_get_override_dialog (dialog));
  iop_assert_unchanged (store, before);
  g_assert_cmpuint (g_list_model_get_n_items (iop_group_page_get_roster (page)), ==, 1);

  /* “Add Anyway” records the override. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "enroll.add", NULL));
  question = iop_enroll_dialog_get_override_dialog (dialog);
  g_assert_nonnull (question);
  adw_message_dialog_response (question, "add");

  wait = (CountWait) { iop_group_page_get_roster (page), 2 };
  g_assert_true (wait_until (has_n_items, &wait));
  g_assert_true (wait_until (pointer_cleared, &dialog));
  g_assert_cmpstr (iop_group_page_get_warning_text (page), ==, "Over capacity (2 of 1)");

  history = iop_group_page_get_history (page);
  for (guint i = 0; i < g_list_model_get_n_items (history); i++)
    {
      g_autoptr(IopEnrollment) enrollment = g_list_model_get_item (history, i);

      if (iop_enrollment_get_participant_id (enrollment) == iop_participant_get_id (second))
        overridden = iop_enrollment_get_capacity_override (enrollment);
    }
  g_assert_true (overridden);

  gtk_window_destroy (GTK_WINDOW (window));
}

static IopReasonDialog *
find_reason_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (IOP_IS_REASON_DIALOG (window))
        return IOP_REASON_DIALOG (window);
    }
  return NULL;
}

/* Removing a member shows a toast whose Undo brings the same stay back. */
static void
test_remove_member_undo (void)
{
  g_autoptr(IopStore) store = iop_test_open_sample ("gui-groups-remove-undo");
  g_autoptr(IopGroup) group = add_small_group (store, "Undo Group", 5);
  g_autoptr(IopParticipant) participant = active_participant (store, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(IopEnrollment) back = NULL;
  g_autofree char *today = iop_date_today ();
  IopWindow *window = iop_window_new (NULL, store);
  IopGroupPage *page;
  IopReasonDialog *dialog;
  AdwToast *toast;
  gint64 enrollment_id;
  CountWait wait;

  iop_store_enroll (store, iop_participant_get_id (participant), iop_group_get_id (group), today, 0,
                    &enrollment_id, &error);
  g_assert_no_error (error);

  gtk_window_present (GTK_WINDOW (window));
  iop_window_show_group (window, iop_group_get_id (group));
  page = iop_groups_view_get_group_page (IOP_GROUPS_VIEW (iop_window_get_view (window, "groups")));
  g_assert_cmpuint (g_list_model_get_n_items (iop_group_page_get_roster (page)), ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "group.remove-member", "x", enrollment_id));
  dialog = find_reason_dialog ();
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_editable_set_text (GTK_EDITABLE (iop_reason_dialog_get_date_row (dialog)), today);
  gtk_editable_set_text (GTK_EDITABLE (iop_reason_dialog_get_reason_row (dialog)), "Moved away");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "reason.confirm", NULL));
  g_assert_true (wait_until (pointer_cleared, &dialog));

  wait = (CountWait) { iop_group_page_get_roster (page), 0 };
  g_assert_true (wait_until (has_n_items, &wait));
  toast = iop_window_get_last_toast (window);
  g_assert_nonnull (toast);
  g_assert_nonnull (strstr (adw_toast_get_title (toast), "removed from the group"));
  g_assert_cmpstr (adw_toast_get_button_label (toast), ==, "_Undo");

  g_signal_emit_by_name (toast, "button-clicked");
  wait = (CountWait) { iop_group_page_get_roster (page), 1 };
  g_assert_true (wait_until (has_n_items, &wait));
  back = iop_store_get_enrollment (store, enrollment_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (iop_enrollment_get_joined (back), ==, today);
  g_assert_cmpstr (iop_enrollment_get_left_on (back), ==, "");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Archiving a group shows a toast whose Undo lists it again. */
static void
test_archive_undo (void)
{
  g_autoptr(IopStore) store = iop_test_open_sample ("gui-groups-archive-undo");
  g_autoptr(IopGroup) group = add_small_group (store, "Archived Group", 5);
  g_autoptr(IopGroup) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  IopWindow *window = iop_window_new (NULL, store);
  IopGroupsView *view;
  IopGroupPage *page;
  AdwToast *toast;

  gtk_window_present (GTK_WINDOW (window));
  iop_window_show_group (window, iop_group_get_id (group));
  view = IOP_GROUPS_VIEW (iop_window_get_view (window, "groups"));
  page = iop_groups_view_get_group_page (view);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "group.archive", NULL));
  reloaded = iop_store_get_group (store, iop_group_get_id (group), &error);
  g_assert_true (iop_group_get_archived (reloaded));
  g_clear_object (&reloaded);
  g_assert_null (find_group (iop_groups_view_get_model (view), "Archived Group"));

  toast = iop_window_get_last_toast (window);
  g_assert_nonnull (toast);
  g_signal_emit_by_name (toast, "button-clicked");
  reloaded = iop_store_get_group (store, iop_group_get_id (group), &error);
  g_assert_false (iop_group_get_archived (reloaded));
  g_clear_object (&reloaded);
  reloaded = find_group (iop_groups_view_get_model (view), "Archived Group");
  g_assert_nonnull (reloaded);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* With every group archived, the empty state offers to show the archived ones. */
static void
test_empty_state_archived (void)
{
  g_autoptr(IopStore) store = iop_test_open_store ("gui-groups-empty-archived");
  g_autoptr(IopGroup) group = add_small_group (store, "Old Group", 5);
  g_autoptr(GError) error = NULL;
  IopWindow *window;
  IopGroupsView *view;

  g_assert_true (iop_store_set_group_archived (store, iop_group_get_id (group), TRUE, &error));
  window = iop_window_new (NULL, store);
  gtk_window_present (GTK_WINDOW (window));
  view = IOP_GROUPS_VIEW (iop_window_get_view (window, "groups"));
  g_assert_cmpstr (iop_groups_view_get_visible_page (view), ==, "empty");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "view.show-archived", NULL));
  g_assert_cmpstr (iop_groups_view_get_visible_page (view), ==, "groups");
  g_assert_cmpuint (g_list_model_get_n_items (iop_groups_view_get_model (view)), ==, 1);

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

  g_test_add_func ("/gui/groups/create", test_create_group);
  g_test_add_func ("/gui/groups/invalid-keeps-editor", test_invalid_group_keeps_editor);
  g_test_add_func ("/gui/groups/enroll-shows-in-roster", test_enroll_shows_in_roster);
  g_test_add_func ("/gui/groups/capacity-override", test_capacity_override);
  g_test_add_func ("/gui/groups/remove-member-undo", test_remove_member_undo);
  g_test_add_func ("/gui/groups/archive-undo", test_archive_undo);
  g_test_add_func ("/gui/groups/empty-state-archived", test_empty_state_archived);

  return g_test_run ();
}
