/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Nothing else is needed: register as 'gui-participants' in gui_tests; runs under xvfb-run -a dbus-run-session. */

#include "config.h"

#include <adwaita.h>

#include "iop-initials.h"
#include "iop-participant-editor.h"
#include "iop-participants-view.h"
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

static IopParticipantsView *
open_view (IopWindow *window)
{
  gtk_window_present (GTK_WINDOW (window));
  iop_window_show_view (window, "participants");
  return IOP_PARTICIPANTS_VIEW (iop_window_get_view (window, "participants"));
}

static void
type_filter (IopParticipantsView *view,
             const char          *text,
             guint                expected)
{
  CountWait wait = { iop_participants_view_get_model (view), expected };

  gtk_editable_set_text (GTK_EDITABLE (iop_participants_view_get_search_entry (view)), text);
  g_assert_true (wait_until (has_n_items, &wait));
}

static void
test_filter_narrows (void)
{
  g_autoptr(IopStore) store = iop_test_open_sample ("gui-participants-filter");
  IopWindow *window = iop_window_new (NULL, store);
  IopParticipantsView *view = open_view (window);
  GListModel *model = iop_participants_view_get_model (view);
  g_autoptr(IopParticipant) found = NULL;
  g_autofree char *name = NULL;
  guint everyone = g_list_model_get_n_items (model);

  g_assert_cmpuint (everyone, >, 1);
  g_assert_cmpstr (iop_participants_view_get_visible_page (view), ==, "list");

  type_filter (view, "maria lopez", 1);
  found = g_list_model_get_item (model, 0);
  name = iop_participant_dup_display_name (found);
  g_assert_true (strstr (name, "López") != NULL);
  g_assert_cmpstr (iop_participants_view_get_visible_page (view), ==, "list");

  type_filter (view, "nobody-is-called-this", 0);
  g_assert_cmpstr (iop_participants_view_get_visible_page (view), ==, "no-match");
  g_assert_cmpstr (adw_status_page_get_title (iop_participants_view_get_no_match_page (view)), ==,
                   "No participants match “nobody-is-called-this”");

  /* The empty result offers the next step: clearing the search brings everyone back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "view.clear-search", NULL));
  {
    CountWait wait = { model, everyone };
    g_assert_true (wait_until (has_n_items, &wait));
  }
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (iop_participants_view_get_search_entry (view))), ==, "");
  g_assert_cmpstr (iop_participants_view_get_visible_page (view), ==, "list");

  /* Discharged people join the list only when asked for, also from the empty result. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "view.show-discharged", NULL));
  g_assert_true (gtk_toggle_button_get_active (iop_participants_view_get_discharged_toggle (view)));
  g_assert_cmpuint (g_list_model_get_n_items (model), >, everyone);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_empty_state (void)
{
  g_autoptr(IopStore) store = iop_test_open_store ("gui-participants-empty");
  IopWindow *window = iop_window_new (NULL, store);
  IopParticipantsView *view = open_view (window);

  g_assert_cmpuint (g_list_model_get_n_items (iop_participants_view_get_model (view)), ==, 0);
  g_assert_cmpstr (iop_participants_view_get_visible_page (view), ==, "empty");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_create_participant (void)
{
  g_autoptr(IopStore) store = iop_test_open_sample ("gui-participants-create");
  g_autoptr(GError) error = NULL;
  g_autoptr(IopParticipant) saved = NULL;
  IopWindow *window = iop_window_new (NULL, store);
  IopParticipantsView *view = open_view (window);
  IopParticipantEditor *editor;

  editor = iop_participant_editor_new (store, NULL);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (editor));

  gtk_editable_set_text (GTK_EDITABLE (iop_participant_editor_get_row (editor, "record-number")), "GUI-0001");
  gtk_editable_set_text (GTK_EDITABLE (iop_participant_editor_get_row (editor, "first-name")), "Quinn");
  gtk_editable_set_text (GTK_EDITABLE (iop_participant_editor_get_row (editor, "last-name")), "Okafor-Test");
  gtk_editable_set_text (GTK_EDITABLE (iop_participant_editor_get_row (editor, "pronouns")), "they/them");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  g_assert_true (wait_until (pointer_cleared, &editor));

  saved = iop_store_find_participant (store, "GUI-0001", &error);
  g_assert_no_error (error);
  g_assert_nonnull (saved);
  g_assert_cmpstr (iop_participant_get_pronouns (saved), ==, "they/them");

  type_filter (view, "Okafor-Test", 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_invalid_participant_keeps_editor (void)
{
  g_autoptr(IopStore) store = iop_test_open_sample ("gui-participants-invalid");
  g_autofree char *before = iop_test_checksum (store);
  IopWindow *window = iop_window_new (NULL, store);
  IopParticipantEditor *editor;
  GtkLabel *error_label;

  open_view (window);
  editor = iop_participant_editor_new (store, NULL);
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (editor));

  /* No last name, and a birth date that does not exist. */
  gtk_editable_set_text (GTK_EDITABLE (iop_participant_editor_get_row (editor, "record-number")), "GUI-0002");
  gtk_editable_set_text (GTK_EDITABLE (iop_participant_editor_get_row (editor, "first-name")), "Robin");
  gtk_editable_set_text (GTK_EDITABLE (iop_participant_editor_get_row (editor, "date-of-birth")), "1990-02-30");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));

  error_label = iop_participant_editor_get_error_label (editor);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_cmpstr (gtk_label_get_text (error_label), ==, "Enter the participant's legal last name.");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (iop_participant_editor_get_row (editor, "first-name"))), ==, "Robin");
  iop_assert_unchanged (store, before);

  gtk_window_destroy (GTK_WINDOW (editor));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Initials on the list's discs: first and last word, accents and apostrophes kept. */
static void
test_initials (void)
{
  static const struct { const char *name; const char *initials; } cases[] = {
    { "Will Begay", "WB" },
    { "María “Mari” López", "ML" },
    { "Patricia O'Neil", "PO" },
    { "Ana-Lucía de la Cruz", "AC" },
    { "tomás herrera", "TH" },
    { "Cher", "C" },
    { "", "" },
    { NULL, "" },
  };
  GtkWidget *badge = g_object_ref_sink (gtk_label_new (NULL));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *initials = iop_initials_for (cases[i].name);

      g_assert_cmpstr (initials, ==, cases[i].initials);
    }

  /* The same name always gets the same colour, and only one. */
  iop_initials_set (GTK_LABEL (badge), "Will Begay");
  {
    g_auto(GStrv) first = gtk_widget_get_css_classes (badge);
    g_auto(GStrv) again = NULL;

    iop_initials_set (GTK_LABEL (badge), "Tyler Brooks");
    iop_initials_set (GTK_LABEL (badge), "Will Begay");
    again = gtk_widget_get_css_classes (badge);
    g_assert_cmpstrv (first, again);
    g_assert_cmpuint (g_strv_length (again), ==, 1);
  }
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (badge)), ==, "WB");
  g_object_unref (badge);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  g_resources_register (iop_gui_get_resource ());

  g_test_add_func ("/gui/participants/initials", test_initials);
  g_test_add_func ("/gui/participants/filter-narrows", test_filter_narrows);
  g_test_add_func ("/gui/participants/empty-state", test_empty_state);
  g_test_add_func ("/gui/participants/create", test_create_participant);
  g_test_add_func ("/gui/participants/invalid-keeps-editor", test_invalid_participant_keeps_editor);

  return g_test_run ();
}
