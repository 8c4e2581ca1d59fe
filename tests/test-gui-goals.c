/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Registered as 'gui-goals' in gui_tests; runs under xvfb-run -a dbus-run-session. */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "iop-chart.h"
#include "iop-date.h"
#include "iop-form-dialog.h"
#include "iop-goals-view.h"
#include "iop-measures-section.h"
#include "iop-participant-page.h"
#include "iop-participants-view.h"
#include "iop-plan-section.h"
#include "iop-store-measures.h"
#include "iop-store-people.h"
#include "iop-store-plans.h"
#include "iop-test-util.h"
#include "iop-window.h"

extern GResource *iop_gui_get_resource (void);

static void
spin (void)
{
  for (guint i = 0; i < 50 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

static GPtrArray *
find_all (GtkWidget *root,
          GType      type)
{
  GPtrArray *found = g_ptr_array_new ();

  collect (root, type, found);
  return found;
}

static IopFormDialog *
open_form_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  spin ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);
      if (IOP_IS_FORM_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return IOP_FORM_DIALOG (window);
    }
  return NULL;
}

static gint64
participant_id (IopStore *store, const char *record)
{
  g_autoptr(IopParticipant) p = iop_store_find_participant (store, record, NULL);

  g_assert_nonnull (p);
  return iop_participant_get_id (p);
}

static gint64
counselor_of (IopStore *store, gint64 participant)
{
  g_autoptr(IopParticipant) p = iop_store_get_participant (store, participant, NULL);

  return iop_participant_get_primary_counselor_id (p);
}

static void
test_goals_view (void)
{
  g_autoptr(IopStore) store = iop_test_open_sample ("gui-goals");
  IopWindow *window = iop_window_new (NULL, store);
  IopGoalsView *view;
  GListModel *due;
  g_autoptr(IopTreatmentPlan) first = NULL;
  g_autoptr(GPtrArray) charts = NULL;
  g_autoptr(GPtrArray) goals = NULL;
  gint64 someone;

  gtk_window_present (GTK_WINDOW (window));
  iop_window_show_view (window, "goals");
  view = IOP_GOALS_VIEW (iop_window_get_view (window, "goals"));
  g_assert_nonnull (view);
  spin ();

  /* It opens on the caseload: who is due for a plan review, and everyone to search. */
  due = iop_goals_view_get_due_plans (view);
  g_assert_cmpuint (g_list_model_get_n_items (due), >=, 2);
  g_assert_cmpuint (g_list_model_get_n_items (iop_goals_view_get_participants (view)), >, 30);
  g_assert_null (gtk_widget_get_first_child (GTK_WIDGET (iop_goals_view_get_goals_box (view))));

  /* Choosing a participant shows a chart per active goal, with the progress recorded. */
  someone = participant_id (store, "IOP-1001");
  iop_goals_view_show_participant (view, someone);
  spin ();
  goals = iop_store_list_active_goals (store, someone, NULL);
  charts = find_all (GTK_WIDGET (iop_goals_view_get_goals_box (view)), IOP_TYPE_CHART);
  g_assert_cmpuint (goals->len, >=, 1);
  g_assert_cmpuint (charts->len, ==, goals->len);
  for (guint i = 0; i < charts->len; i++)
    g_assert_cmpuint (iop_chart_get_n_points (g_ptr_array_index (charts, i), 0), >, 2);

  /* A plan due for review leads to its participant. */
  first = g_list_model_get_item (due, 0);
  g_assert_cmpstr (iop_treatment_plan_get_display_state (first), ==, "review-due");
  iop_goals_view_show_participant (view, iop_treatment_plan_get_participant_id (first));
  g_assert_cmpint (iop_goals_view_get_participant_id (view), ==, iop_treatment_plan_get_participant_id (first));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_record_progress (void)
{
  g_autoptr(IopStore) store = iop_test_open_sample ("gui-goals-progress");
  IopWindow *window = iop_window_new (NULL, store);
  IopGoalsView *view;
  IopFormDialog *dialog;
  g_autoptr(GPtrArray) goals = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) charts = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  gint64 someone = participant_id (store, "IOP-1003");
  gint64 goal_id;

  gtk_window_present (GTK_WINDOW (window));
  iop_window_show_view (window, "goals");
  view = IOP_GOALS_VIEW (iop_window_get_view (window, "goals"));
  iop_goals_view_show_participant (view, someone);
  goals = iop_store_list_active_goals (store, someone, NULL);
  goal_id = iop_goal_get_id (g_ptr_array_index (goals, 0));
  before = iop_store_list_progress (store, goal_id, NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "goals.record-progress", "x", goal_id));
  dialog = open_form_dialog ();
  g_assert_nonnull (dialog);

  /* A rating out of range is clamped by the control; a bad date keeps the dialog open. */
  gtk_editable_set_text (GTK_EDITABLE (iop_form_dialog_get_widget (dialog, "date")), "2026-02-30");
  g_assert_false (iop_form_dialog_confirm (dialog));
  g_assert_true (open_form_dialog () == dialog);

  {
    g_autofree char *today = iop_date_today ();
    gtk_editable_set_text (GTK_EDITABLE (iop_form_dialog_get_widget (dialog, "date")), today);
  }
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (iop_form_dialog_get_widget (dialog, "rating")), 8);
  gtk_editable_set_text (GTK_EDITABLE (iop_form_dialog_get_widget (dialog, "note")), "Shared a coping plan in group.");
  /* From the note of the latest session attended: linked, and dated on its day. */
  sessions = iop_store_list_progress_sessions (store, someone, NULL);
  g_assert_cmpuint (sessions->len, >, 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (iop_form_dialog_get_widget (dialog, "session")), 1);
  g_assert_true (iop_form_dialog_confirm (dialog));
  spin ();

  after = iop_store_list_progress (store, goal_id, NULL);
  g_assert_cmpuint (after->len, ==, before->len + 1);
  {
    g_autoptr(GPtrArray) linked = iop_store_list_session_progress (store,
                                                                   ((IopSessionRef *) g_ptr_array_index (sessions, 0))->session_id,
                                                                   someone, NULL);
    IopProgressEntry *added = NULL;

    for (guint i = 0; i < linked->len; i++)
      if (iop_progress_entry_get_rating (g_ptr_array_index (linked, i)) == 8
          && g_strcmp0 (iop_progress_entry_get_note (g_ptr_array_index (linked, i)), "Shared a coping plan in group.") == 0)
        added = g_ptr_array_index (linked, i);
    g_assert_nonnull (added);
    g_assert_cmpstr (iop_progress_entry_get_date (added), ==, ((IopSessionRef *) g_ptr_array_index (sessions, 0))->date);
  }
  /* The view redrew with the new point. */
  charts = find_all (GTK_WIDGET (iop_goals_view_get_goals_box (view)), IOP_TYPE_CHART);
  g_assert_cmpuint (iop_chart_get_n_points (g_ptr_array_index (charts, 0), 0), ==, after->len);

  gtk_window_destroy (GTK_WINDOW (window));
}

static IopParticipantPage *
open_page (IopWindow *window,
           gint64     participant)
{
  IopParticipantsView *view;

  gtk_window_present (GTK_WINDOW (window));
  iop_window_show_view (window, "participants");
  view = IOP_PARTICIPANTS_VIEW (iop_window_get_view (window, "participants"));
  iop_participants_view_show_participant (view, participant);
  spin ();
  return iop_participants_view_get_participant_page (view);
}

static void
test_plan_section (void)
{
  g_autoptr(IopStore) store = iop_test_open_sample ("gui-plan-section");
  IopWindow *window = iop_window_new (NULL, store);
  IopParticipantPage *page;
  IopPlanSection *section;
  IopFormDialog *dialog;
  g_autoptr(GPtrArray) sections = NULL;
  g_autoptr(IopTreatmentPlan) current = NULL;
  g_autoptr(IopTreatmentPlan) draft = NULL;
  g_autoptr(GPtrArray) goals_before = NULL;
  g_autoptr(GPtrArray) goals_after = NULL;
  gint64 someone = participant_id (store, "IOP-1004");

  page = open_page (window, someone);
  sections = find_all (GTK_WIDGET (page), IOP_TYPE_PLAN_SECTION);
  g_assert_cmpuint (sections->len, ==, 1);
  section = g_ptr_array_index (sections, 0);

  /* The current version shows, problems to interventions. */
  current = iop_store_get_current_plan (store, someone, NULL);
  g_assert_cmpint (iop_plan_section_get_shown_plan_id (section), ==, iop_treatment_plan_get_id (current));
  {
    g_autoptr(GPtrArray) rows = find_all (GTK_WIDGET (iop_plan_section_get_tree (section)), ADW_TYPE_EXPANDER_ROW);
    g_assert_cmpuint (rows->len, >=, 1);
  }

  /* New Version: a draft copied from the current plan, shown for editing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (section), "plan.new-version", NULL));
  spin ();
  draft = iop_store_get_draft_plan (store, someone, NULL);
  g_assert_nonnull (draft);
  g_assert_cmpint (iop_plan_section_get_shown_plan_id (section), ==, iop_treatment_plan_get_id (draft));
  goals_before = iop_store_list_goals (store, iop_treatment_plan_get_id (draft), NULL);

  /* Add a goal from the editor. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (section), "plan.add-goal", "x", (gint64) 0));
  dialog = open_form_dialog ();
  g_assert_nonnull (dialog);
  g_assert_false (iop_form_dialog_confirm (dialog));   /* no statement yet */
  gtk_editable_set_text (GTK_EDITABLE (iop_form_dialog_get_widget (dialog, "own-words")), "Get back to work");
  gtk_editable_set_text (GTK_EDITABLE (iop_form_dialog_get_widget (dialog, "statement")),
                         "Returns to work 3 days a week by the end of the month, by pay stubs");
  g_assert_true (iop_form_dialog_confirm (dialog));
  spin ();
  goals_after = iop_store_list_goals (store, iop_treatment_plan_get_id (draft), NULL);
  g_assert_cmpuint (goals_after->len, ==, goals_before->len + 1);

  /* Sign: refused without the participant's agreement, the dialog stays. */
  iop_store_set_actor (store, counselor_of (store, someone));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (section), "plan.sign", NULL));
  dialog = open_form_dialog ();
  g_assert_nonnull (dialog);
  g_assert_false (iop_form_dialog_confirm (dialog));
  g_assert_true (open_form_dialog () == dialog);
  gtk_switch_set_active (GTK_SWITCH (iop_form_dialog_get_widget (dialog, "agreed")), TRUE);
  g_assert_true (iop_form_dialog_confirm (dialog));
  spin ();
  g_clear_object (&current);
  current = iop_store_get_current_plan (store, someone, NULL);
  g_assert_cmpint (iop_treatment_plan_get_id (current), ==, iop_treatment_plan_get_id (draft));
  g_assert_cmpint (iop_plan_section_get_shown_plan_id (section), ==, iop_treatment_plan_get_id (draft));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_measures_section (void)
{
  g_autoptr(IopStore) store = iop_test_open_sample ("gui-measures");
  IopWindow *window = iop_window_new (NULL, store);
  IopParticipantPage *page;
  IopMeasuresSection *section;
  IopFormDialog *dialog;
  g_autoptr(GPtrArray) sections = NULL;
  g_autoptr(GPtrArray) flags = NULL;
  g_autoptr(GPtrArray) measures = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  IopMeasure *latest;
  gint64 someone = participant_id (store, "IOP-1002");

  page = open_page (window, someone);
  sections = find_all (GTK_WIDGET (page), IOP_TYPE_MEASURES_SECTION);
  g_assert_cmpuint (sections->len, ==, 1);
  section = g_ptr_array_index (sections, 0);

  /* The program's broken instrument file is named, with the reason, where measures are entered. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (iop_measures_section_get_refused_label (section))));
  g_assert_nonnull (strstr (gtk_label_get_text (iop_measures_section_get_refused_label (section)), "broken.xml"));
  g_assert_nonnull (strstr (gtk_label_get_text (iop_measures_section_get_refused_label (section)), "schema"));

  /* A trend chart per instrument given. */
  {
    g_autoptr(GPtrArray) charts = find_all (GTK_WIDGET (iop_measures_section_get_charts_box (section)), IOP_TYPE_CHART);
    g_assert_cmpuint (charts->len, ==, 3);
  }

  /* Enter a PHQ-9 item by item, with item 9 above 0. */
  dialog = IOP_FORM_DIALOG (iop_measures_section_open_entry (section, "PHQ-9"));
  g_assert_nonnull (dialog);
  for (guint i = 1; i <= 9; i++)
    {
      g_autofree char *key = g_strdup_printf ("item-%u", i);
      /* choice 0 is "Not answered"; choice k is the value k - 1 */
      adw_combo_row_set_selected (ADW_COMBO_ROW (iop_form_dialog_get_widget (dialog, key)), i == 9 ? 2 : 3);
    }
  {
    const char *score = adw_action_row_get_subtitle (ADW_ACTION_ROW (iop_form_dialog_get_widget (dialog, "score")));
    /* 8 items at 2 and item 9 at 1: 17, moderately severe, with the flag. */
    g_assert_nonnull (strstr (score, "17"));
    g_assert_nonnull (strstr (score, "moderately severe"));
    g_assert_nonnull (strstr (score, "Safety flag"));
  }
  g_assert_true (iop_form_dialog_confirm (dialog));
  spin ();

  measures = iop_store_list_measures (store, someone, "PHQ-9", NULL);
  latest = g_ptr_array_index (measures, measures->len - 1);
  g_assert_cmpint (iop_measure_get_total (latest), ==, 17);
  g_assert_true (iop_measure_needs_acknowledgment (latest));

  /* The flag shows until acknowledged. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (iop_measures_section_get_flags_list (section))));
  flags = find_all (GTK_WIDGET (iop_measures_section_get_flags_list (section)), ADW_TYPE_ACTION_ROW);
  g_assert_cmpuint (flags->len, ==, 1);
  rows = find_all (GTK_WIDGET (iop_measures_section_get_entries_list (section)), ADW_TYPE_ACTION_ROW);
  g_assert_cmpuint (rows->len, >=, 3);

  iop_store_set_actor (store, counselor_of (store, someone));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (section), "measures.acknowledge", "x",
                                             iop_measure_get_id (latest)));
  spin ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (iop_measures_section_get_flags_list (section))));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* A program's own instrument folder holding a file that breaks the schema. */
  {
    g_autofree char *data = g_build_filename (iop_test_tmpdir (), "data", NULL);
    g_autofree char *dir = g_build_filename (data, "org.example.iop", "instruments", NULL);
    g_autofree char *file = g_build_filename (dir, "broken.xml", NULL);

    g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
    g_assert_true (g_file_set_contents (file, "<instrument id=\"X\" format=\"1\"><name>X</name></instrument>", -1, NULL));
    g_setenv ("XDG_DATA_HOME", data, TRUE);
  }
  gtk_init ();
  adw_init ();
  g_resources_register (iop_gui_get_resource ());

  g_test_add_func ("/gui/goals/view", test_goals_view);
  g_test_add_func ("/gui/goals/record-progress", test_record_progress);
  g_test_add_func ("/gui/goals/plan-section", test_plan_section);
  g_test_add_func ("/gui/goals/measures-section", test_measures_section);

  return g_test_run ();
}
