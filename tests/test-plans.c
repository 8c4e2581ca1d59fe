/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "iop-date.h"
#include "iop-store-people.h"
#include "iop-store-plans.h"
#include "iop-store-private.h"
#include "iop-test-util.h"

typedef struct {
  IopStore *store;
  gint64    counselor;
  gint64    participant;
  gint64    other;
  gint64    group;
} Fixture;

static gint64
add_person (IopStore *store, const char *record, const char *first)
{
  g_autoptr(IopParticipant) p = iop_participant_new ();
  g_autoptr(GError) error = NULL;

  iop_participant_set_record_number (p, record);
  iop_participant_set_first_name (p, first);
  iop_participant_set_last_name (p, "Tester");
  iop_participant_set_admission_date (p, "2026-09-01");
  g_assert_true (iop_store_add_participant (store, p, &error));
  g_assert_no_error (error);
  return iop_participant_get_id (p);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(IopStaff) staff = iop_staff_new ();
  g_autoptr(IopGroup) group = iop_group_new ();
  g_autoptr(GError) error = NULL;
  static guint n;
  g_autofree char *name = g_strdup_printf ("plans-%u", n++);

  f->store = iop_test_open_store (name);
  iop_staff_set_username (staff, "jordan");
  iop_staff_set_full_name (staff, "Jordan Ellis");
  g_assert_true (iop_store_add_staff (f->store, staff, &error));
  f->counselor = iop_staff_get_id (staff);
  iop_store_set_actor (f->store, f->counselor);
  f->participant = add_person (f->store, "P-1", "Mari");
  f->other = add_person (f->store, "P-2", "Tommy");

  iop_group_set_name (group, "Relapse Prevention");
  iop_group_set_group_type (group, "psychoeducation");
  iop_group_set_weekdays (group, 2 | 8);
  iop_group_set_min_size (group, 2);
  iop_group_set_max_size (group, 12);
  iop_group_set_start_date (group, "2026-09-01");
  g_assert_true (iop_store_add_group (f->store, group, &error));
  g_assert_no_error (error);
  f->group = iop_group_get_id (group);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
}

static gint64
new_version (Fixture *f, gint64 participant)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  g_assert_true (iop_store_create_plan_version (f->store, participant, &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* A plan with one problem, one goal, one objective and one intervention. */
static gint64
fill_plan (Fixture *f, gint64 plan_id, gint64 *out_goal)
{
  g_autoptr(IopProblem) problem = iop_problem_new ();
  g_autoptr(IopGoal) goal = iop_goal_new ();
  g_autoptr(IopObjective) objective = iop_objective_new ();
  g_autoptr(IopIntervention) intervention = iop_intervention_new ();
  g_autoptr(GError) error = NULL;

  iop_problem_set_plan_id (problem, plan_id);
  iop_problem_set_description (problem, "Drinking daily to cope with stress");
  iop_problem_set_life_area (problem, "Substance use");
  iop_problem_set_asam_dimension (problem, 5);
  g_assert_true (iop_store_add_problem (f->store, problem, &error));
  g_assert_no_error (error);

  iop_goal_set_plan_id (goal, plan_id);
  iop_goal_set_problem_id (goal, iop_problem_get_id (problem));
  iop_goal_set_own_words (goal, "I want to stop drinking and be there for my kids.");
  iop_goal_set_statement (goal, "Abstinent from alcohol for 30 consecutive days, by breathalyzer and self-report.");
  iop_goal_set_target_date (goal, "2026-12-31");
  g_assert_true (iop_store_add_goal (f->store, goal, &error));
  g_assert_no_error (error);

  iop_objective_set_goal_id (objective, iop_goal_get_id (goal));
  iop_objective_set_statement (objective, "Name three triggers and a coping skill for each.");
  g_assert_true (iop_store_add_objective (f->store, objective, &error));
  g_assert_no_error (error);

  iop_intervention_set_objective_id (intervention, iop_objective_get_id (objective));
  iop_intervention_set_description (intervention, "Relapse prevention group");
  iop_intervention_set_responsible (intervention, "Jordan Ellis, LADC");
  iop_intervention_set_frequency (intervention, "2 times a week");
  g_assert_true (iop_store_add_intervention (f->store, intervention, &error));
  g_assert_no_error (error);

  if (out_goal != NULL)
    *out_goal = iop_goal_get_id (goal);
  return iop_objective_get_id (objective);
}

static void
sign (Fixture *f, gint64 plan_id, const char *date)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (iop_store_sign_plan (f->store, plan_id, date, TRUE, "Signed on paper", &error));
  g_assert_no_error (error);
}

static void
test_lifecycle (Fixture *f, gconstpointer data)
{
  g_autoptr(IopTreatmentPlan) plan = NULL;
  g_autoptr(IopTreatmentPlan) current = NULL;
  g_autoptr(GPtrArray) goals = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  gint64 plan_id, goal_id;

  plan_id = new_version (f, f->participant);
  plan = iop_store_get_plan (f->store, plan_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (iop_treatment_plan_get_version (plan), ==, 1);
  g_assert_cmpstr (iop_treatment_plan_get_display_state (plan), ==, "draft");
  g_assert_cmpstr (iop_treatment_plan_get_effective_date (plan), ==, "");
  g_clear_object (&plan);

  /* Only one draft at a time. */
  before = iop_test_checksum (f->store);
  g_assert_false (iop_store_create_plan_version (f->store, f->participant, NULL, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  iop_assert_unchanged (f->store, before);

  /* An empty plan cannot be signed, nor one without the participant's agreement. */
  g_assert_false (iop_store_sign_plan (f->store, plan_id, "2026-10-01", TRUE, NULL, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  fill_plan (f, plan_id, &goal_id);
  g_free (before);
  before = iop_test_checksum (f->store);
  g_assert_false (iop_store_sign_plan (f->store, plan_id, "2026-10-01", FALSE, NULL, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "agreement"));
  g_clear_error (&error);
  g_assert_false (iop_store_sign_plan (f->store, plan_id, "2026-02-30", TRUE, NULL, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  iop_assert_unchanged (f->store, before);

  sign (f, plan_id, "2026-10-01");
  current = iop_store_get_current_plan (f->store, f->participant, &error);
  g_assert_no_error (error);
  g_assert_cmpint (iop_treatment_plan_get_id (current), ==, plan_id);
  g_assert_cmpstr (iop_treatment_plan_get_state (current), ==, "active");
  g_assert_cmpstr (iop_treatment_plan_get_effective_date (current), ==, "2026-10-01");
  g_assert_cmpstr (iop_treatment_plan_get_review_due (current), ==, "2026-10-31");
  g_assert_cmpint (iop_treatment_plan_get_signed_by (current), ==, f->counselor);
  g_assert_cmpstr (iop_treatment_plan_get_signed_by_name (current), ==, "Jordan Ellis");
  g_assert_true (iop_treatment_plan_get_participant_agreed (current));
  g_assert_cmpstr (iop_treatment_plan_get_agreement_note (current), ==, "Signed on paper");

  goals = iop_store_list_active_goals (f->store, f->participant, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (goals->len, ==, 1);
  g_assert_cmpint (iop_goal_get_id (g_ptr_array_index (goals, 0)), ==, goal_id);
}

static void
test_review_days_setting (Fixture *f, gconstpointer data)
{
  g_autoptr(IopTreatmentPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  gint64 plan_id;

  g_assert_cmpint (iop_store_get_plan_review_days (f->store), ==, 30);
  g_assert_true (iop_store_set_plan_review_days (f->store, 90, &error));
  g_assert_false (iop_store_set_plan_review_days (f->store, 0, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  plan_id = new_version (f, f->participant);
  fill_plan (f, plan_id, NULL);
  sign (f, plan_id, "2026-10-01");
  plan = iop_store_get_plan (f->store, plan_id, &error);
  g_assert_cmpstr (iop_treatment_plan_get_review_due (plan), ==, "2026-12-30");
}

static void
test_versions (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GPtrArray) goals2 = NULL;
  g_autoptr(GPtrArray) objectives2 = NULL;
  g_autoptr(GPtrArray) interventions2 = NULL;
  g_autoptr(GPtrArray) problems2 = NULL;
  g_autoptr(GPtrArray) progress = NULL;
  g_autoptr(IopProgressEntry) entry = iop_progress_entry_new ();
  g_autoptr(IopProgressEntry) later = iop_progress_entry_new ();
  g_autoptr(GError) error = NULL;
  gint64 v1, v2, goal1;
  IopGoal *goal2;

  v1 = new_version (f, f->participant);
  fill_plan (f, v1, &goal1);
  sign (f, v1, "2026-09-05");

  iop_progress_entry_set_goal_id (entry, goal1);
  iop_progress_entry_set_date (entry, "2026-09-20");
  iop_progress_entry_set_rating (entry, 3);
  iop_progress_entry_set_note (entry, "Named two triggers.");
  g_assert_true (iop_store_add_progress (f->store, entry, &error));
  g_assert_no_error (error);

  /* Version 2 is a copy of version 1, linked goal by goal. */
  v2 = new_version (f, f->participant);
  problems2 = iop_store_list_problems (f->store, v2, &error);
  goals2 = iop_store_list_goals (f->store, v2, &error);
  g_assert_cmpuint (problems2->len, ==, 1);
  g_assert_cmpuint (goals2->len, ==, 1);
  goal2 = g_ptr_array_index (goals2, 0);
  g_assert_cmpint (iop_goal_get_carried_from_id (goal2), ==, goal1);
  g_assert_cmpint (iop_goal_get_problem_id (goal2), ==, iop_problem_get_id (g_ptr_array_index (problems2, 0)));
  g_assert_cmpstr (iop_goal_get_own_words (goal2), ==, "I want to stop drinking and be there for my kids.");
  objectives2 = iop_store_list_objectives (f->store, iop_goal_get_id (goal2), &error);
  g_assert_cmpuint (objectives2->len, ==, 1);
  g_assert_cmpint (iop_objective_get_carried_from_id (g_ptr_array_index (objectives2, 0)), >, 0);
  interventions2 = iop_store_list_interventions (f->store,
                                                 iop_objective_get_id (g_ptr_array_index (objectives2, 0)), &error);
  g_assert_cmpuint (interventions2->len, ==, 1);
  g_assert_cmpstr (iop_intervention_get_frequency (g_ptr_array_index (interventions2, 0)), ==, "2 times a week");

  /* Progress is not recorded on a draft's goals... */
  iop_progress_entry_set_goal_id (later, iop_goal_get_id (goal2));
  iop_progress_entry_set_date (later, "2026-10-02");
  iop_progress_entry_set_rating (later, 6);
  g_assert_false (iop_store_add_progress (f->store, later, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* ...but once signed, version 1 is superseded in the same step, and the
   * progress recorded on version 1 reads on version 2's goal. */
  sign (f, v2, "2026-10-01");
  g_assert_true (iop_store_add_progress (f->store, later, &error));
  g_assert_no_error (error);
  plans = iop_store_list_plans (f->store, f->participant, &error);
  g_assert_cmpuint (plans->len, ==, 2);
  g_assert_cmpint (iop_treatment_plan_get_version (g_ptr_array_index (plans, 0)), ==, 2);
  g_assert_cmpstr (iop_treatment_plan_get_state (g_ptr_array_index (plans, 0)), ==, "active");
  g_assert_cmpstr (iop_treatment_plan_get_state (g_ptr_array_index (plans, 1)), ==, "superseded");
  g_assert_cmpint (iop_treatment_plan_get_supersedes_id (g_ptr_array_index (plans, 0)), ==, v1);

  progress = iop_store_list_progress (f->store, iop_goal_get_id (goal2), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (progress->len, ==, 2);
  g_assert_cmpint (iop_progress_entry_get_rating (g_ptr_array_index (progress, 0)), ==, 3);
  g_assert_cmpint (iop_progress_entry_get_rating (g_ptr_array_index (progress, 1)), ==, 6);
  g_assert_cmpstr (iop_progress_entry_get_author_name (g_ptr_array_index (progress, 0)), ==, "Jordan Ellis");
}

static void
raw_sql_refused (IopStore *store, const char *sql)
{
  char *message = NULL;
  g_autofree char *before = iop_test_checksum (store);
  int rc = sqlite3_exec (iop_store_get_db (store), sql, NULL, NULL, &message);

  if (rc == SQLITE_OK)
    g_error ("The database accepted: %s", sql);
  g_assert_nonnull (strstr (message, "locked"));
  sqlite3_free (message);
  iop_assert_unchanged (store, before);
}

static void
test_immutable (Fixture *f, gconstpointer data)
{
  g_autoptr(IopGoal) goal = NULL;
  g_autoptr(IopProblem) problem = iop_problem_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *sql = NULL;
  gint64 plan_id, goal_id, objective_id;

  plan_id = new_version (f, f->participant);
  objective_id = fill_plan (f, plan_id, &goal_id);
  sign (f, plan_id, "2026-10-01");

  /* Through the store: a clear LOCKED error, nothing changed. */
  before = iop_test_checksum (f->store);
  goal = iop_store_get_goal (f->store, goal_id, &error);
  iop_goal_set_statement (goal, "Something else");
  g_assert_false (iop_store_update_goal (f->store, goal, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  iop_problem_set_plan_id (problem, plan_id);
  iop_problem_set_description (problem, "A late addition");
  g_assert_false (iop_store_add_problem (f->store, problem, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_false (iop_store_remove_goal (f->store, goal_id, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_false (iop_store_delete_draft_plan (f->store, plan_id, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  iop_assert_unchanged (f->store, before);

  /* Around the store, with raw SQL: the database itself refuses. */
  sql = g_strdup_printf ("UPDATE goals SET statement = 'changed' WHERE id = %" G_GINT64_FORMAT, goal_id);
  raw_sql_refused (f->store, sql);
  g_free (sql);
  sql = g_strdup_printf ("DELETE FROM goals WHERE id = %" G_GINT64_FORMAT, goal_id);
  raw_sql_refused (f->store, sql);
  g_free (sql);
  sql = g_strdup_printf ("INSERT INTO goals (plan_id, position, statement) VALUES (%" G_GINT64_FORMAT ", 9, 'x')",
                         plan_id);
  raw_sql_refused (f->store, sql);
  g_free (sql);
  sql = g_strdup_printf ("UPDATE objectives SET status = 'met' WHERE id = %" G_GINT64_FORMAT, objective_id);
  raw_sql_refused (f->store, sql);
  g_free (sql);
  sql = g_strdup_printf ("UPDATE interventions SET frequency = 'daily' WHERE objective_id = %" G_GINT64_FORMAT,
                         objective_id);
  raw_sql_refused (f->store, sql);
  g_free (sql);
  sql = g_strdup_printf ("UPDATE problems SET description = 'x' WHERE plan_id = %" G_GINT64_FORMAT, plan_id);
  raw_sql_refused (f->store, sql);
  g_free (sql);
  sql = g_strdup_printf ("UPDATE treatment_plans SET review_due = '2099-01-01' WHERE id = %" G_GINT64_FORMAT, plan_id);
  raw_sql_refused (f->store, sql);
  g_free (sql);
  sql = g_strdup_printf ("UPDATE treatment_plans SET state = 'draft' WHERE id = %" G_GINT64_FORMAT, plan_id);
  raw_sql_refused (f->store, sql);
  g_free (sql);
  sql = g_strdup_printf ("DELETE FROM treatment_plans WHERE id = %" G_GINT64_FORMAT, plan_id);
  raw_sql_refused (f->store, sql);
}

static void
test_draft_editing (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) goals = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(IopGoal) goal = NULL;
  g_autoptr(IopGoal) bad = iop_goal_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  gint64 plan_id, goal_id;

  plan_id = new_version (f, f->participant);
  fill_plan (f, plan_id, &goal_id);

  goal = iop_store_get_goal (f->store, goal_id, &error);
  iop_goal_set_status (goal, "partially-met");
  iop_goal_set_target_date (goal, "2027-01-15");
  g_assert_true (iop_store_update_goal (f->store, goal, &error));
  g_assert_no_error (error);
  g_clear_object (&goal);
  goal = iop_store_get_goal (f->store, goal_id, &error);
  g_assert_cmpstr (iop_goal_get_status (goal), ==, "partially-met");
  g_assert_cmpstr (iop_goal_get_target_date (goal), ==, "2027-01-15");

  before = iop_test_checksum (f->store);
  iop_goal_set_plan_id (bad, plan_id);
  iop_goal_set_statement (bad, "   ");
  g_assert_false (iop_store_add_goal (f->store, bad, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  iop_goal_set_statement (bad, "Attend 3 groups a week");
  iop_goal_set_target_date (bad, "2026-13-01");
  g_assert_false (iop_store_add_goal (f->store, bad, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  iop_goal_set_target_date (bad, NULL);
  iop_goal_set_status (bad, "sort-of");
  g_assert_false (iop_store_add_goal (f->store, bad, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  iop_assert_unchanged (f->store, before);

  /* Removing a problem keeps its goals, untied. */
  problems = iop_store_list_problems (f->store, plan_id, &error);
  g_assert_true (iop_store_remove_problem (f->store, iop_problem_get_id (g_ptr_array_index (problems, 0)), &error));
  g_assert_no_error (error);
  goals = iop_store_list_goals (f->store, plan_id, &error);
  g_assert_cmpuint (goals->len, ==, 1);
  g_assert_cmpint (iop_goal_get_problem_id (g_ptr_array_index (goals, 0)), ==, 0);

  /* A draft can be discarded whole. */
  g_assert_true (iop_store_delete_draft_plan (f->store, plan_id, &error));
  g_assert_no_error (error);
  g_clear_pointer (&goals, g_ptr_array_unref);
  goals = iop_store_list_goals (f->store, plan_id, &error);
  g_assert_cmpuint (goals->len, ==, 0);
}

static void
test_review_due (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GPtrArray) later = NULL;
  g_autoptr(IopTreatmentPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = iop_date_today ();
  g_autofree char *long_ago = iop_date_add_days (today, -40);
  g_autofree char *recent = iop_date_add_days (today, -5);
  gint64 p1, p2;

  p1 = new_version (f, f->participant);
  fill_plan (f, p1, NULL);
  sign (f, p1, long_ago);
  p2 = new_version (f, f->other);
  fill_plan (f, p2, NULL);
  sign (f, p2, recent);

  plan = iop_store_get_plan (f->store, p1, &error);
  g_assert_cmpstr (iop_treatment_plan_get_display_state (plan), ==, "review-due");
  g_assert_cmpstr (iop_treatment_plan_get_state (plan), ==, "active");
  g_clear_object (&plan);
  plan = iop_store_get_plan (f->store, p2, &error);
  g_assert_cmpstr (iop_treatment_plan_get_display_state (plan), ==, "active");

  due = iop_store_list_plans_due_for_review (f->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 1);
  g_assert_cmpint (iop_treatment_plan_get_id (g_ptr_array_index (due, 0)), ==, p1);
  g_assert_cmpstr (iop_treatment_plan_get_record_number (g_ptr_array_index (due, 0)), ==, "P-1");

  {
    g_autofree char *in_month = iop_date_add_days (today, 30);
    later = iop_store_list_plans_due_for_review (f->store, in_month, &error);
    g_assert_cmpuint (later->len, ==, 2);
  }
}

static gint64
add_session (Fixture *f, const char *date, gint64 attendee, const char *status)
{
  sqlite3_stmt *stmt;
  gint64 id;

  /* The sessions feature owns these tables; a row written directly stands in for it. */
  stmt = iop_store_prepare (f->store, "INSERT INTO sessions (group_id, date, start_time, duration_minutes, state)"
                            " VALUES (?1, ?2, '13:00', 120, 'draft')", NULL);
  sqlite3_bind_int64 (stmt, 1, f->group);
  iop_bind_text (stmt, 2, date);
  g_assert_true (iop_store_step_done (f->store, stmt, NULL));
  id = sqlite3_last_insert_rowid (iop_store_get_db (f->store));
  stmt = iop_store_prepare (f->store, "INSERT INTO attendance (session_id, participant_id, status, minutes)"
                            " VALUES (?1, ?2, ?3, 120)", NULL);
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, attendee);
  iop_bind_text (stmt, 3, status);
  g_assert_true (iop_store_step_done (f->store, stmt, NULL));
  return id;
}

static void
test_session_progress (Fixture *f, gconstpointer data)
{
  g_autoptr(GArray) goal_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(IopGoal) second = iop_goal_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  gint64 plan_id, goal_id, other_plan, other_goal, session, absent_session;

  plan_id = new_version (f, f->participant);
  fill_plan (f, plan_id, &goal_id);
  iop_goal_set_plan_id (second, plan_id);
  iop_goal_set_own_words (second, "Sleep through the night");
  iop_goal_set_statement (second, "Sleeps 6+ hours on 5 of 7 nights, by sleep log.");
  g_assert_true (iop_store_add_goal (f->store, second, &error));
  sign (f, plan_id, "2026-10-01");
  other_plan = new_version (f, f->other);
  fill_plan (f, other_plan, &other_goal);
  sign (f, other_plan, "2026-10-01");

  session = add_session (f, "2026-10-06", f->participant, "present");
  absent_session = add_session (f, "2026-10-08", f->participant, "absent");

  /* Ticking two goals in the note creates two linked entries, on the session's day. */
  g_array_append_val (goal_ids, goal_id);
  g_array_append_val (goal_ids, (gint64) { iop_goal_get_id (second) });
  g_assert_true (iop_store_add_session_progress (f->store, session, f->participant, goal_ids, 5,
                                                 "Practiced urge surfing in group.", &error));
  g_assert_no_error (error);
  entries = iop_store_list_session_progress (f->store, session, f->participant, &error);
  g_assert_cmpuint (entries->len, ==, 2);
  for (guint i = 0; i < entries->len; i++)
    {
      IopProgressEntry *e = g_ptr_array_index (entries, i);
      g_assert_cmpint (iop_progress_entry_get_session_id (e), ==, session);
      g_assert_cmpstr (iop_progress_entry_get_date (e), ==, "2026-10-06");
      g_assert_cmpint (iop_progress_entry_get_rating (e), ==, 5);
      g_assert_cmpint (iop_progress_entry_get_author_id (e), ==, f->counselor);
    }

  /* All or nothing: another participant's goal among them refuses the whole note. */
  before = iop_test_checksum (f->store);
  g_array_append_val (goal_ids, other_goal);
  g_assert_false (iop_store_add_session_progress (f->store, session, f->participant, goal_ids, 5, NULL, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  iop_assert_unchanged (f->store, before);

  /* Not attended, no session, bad rating, nothing ticked: refused, unchanged. */
  g_array_set_size (goal_ids, 1);
  g_assert_false (iop_store_add_session_progress (f->store, absent_session, f->participant, goal_ids, 5, NULL, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (iop_store_add_session_progress (f->store, 99999, f->participant, goal_ids, 5, NULL, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (iop_store_add_session_progress (f->store, session, f->participant, goal_ids, 11, NULL, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_array_set_size (goal_ids, 0);
  g_assert_false (iop_store_add_session_progress (f->store, session, f->participant, goal_ids, 5, NULL, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  iop_assert_unchanged (f->store, before);
}

static void
test_require_plan_to_enroll (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  gint64 plan_id;

  g_assert_false (iop_store_get_require_plan_to_enroll (f->store));
  g_assert_true (iop_store_set_require_plan_to_enroll (f->store, TRUE, &error));
  g_assert_true (iop_store_get_require_plan_to_enroll (f->store));

  before = iop_test_checksum (f->store);
  g_assert_false (iop_store_enroll (f->store, f->participant, f->group, "2026-10-01", IOP_ENROLL_NONE, NULL, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  iop_assert_unchanged (f->store, before);

  /* A draft is not enough; a signed plan is. */
  plan_id = new_version (f, f->participant);
  fill_plan (f, plan_id, NULL);
  g_assert_false (iop_store_enroll (f->store, f->participant, f->group, "2026-10-01", IOP_ENROLL_NONE, NULL, &error));
  g_clear_error (&error);
  sign (f, plan_id, "2026-09-28");
  g_assert_true (iop_store_enroll (f->store, f->participant, f->group, "2026-10-01", IOP_ENROLL_NONE, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (iop_store_set_require_plan_to_enroll (f->store, FALSE, &error));
  g_assert_true (iop_store_enroll (f->store, f->other, f->group, "2026-10-01", IOP_ENROLL_NONE, NULL, &error));
  g_assert_no_error (error);
}

static int
count (IopStore *store, const char *sql)
{
  sqlite3_stmt *stmt = iop_store_prepare (store, sql, NULL);
  int n;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

static void
test_sample (void)
{
  g_autoptr(IopStore) store = iop_test_open_sample ("plans-sample");
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GError) error = NULL;
  int participants = count (store, "SELECT COUNT(*) FROM participants");

  /* Every participant has a plan, most of them signed; a few have several versions. */
  g_assert_cmpint (count (store, "SELECT COUNT(DISTINCT participant_id) FROM treatment_plans"), ==, participants);
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM treatment_plans WHERE state = 'active'"), >=, participants - 2);
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM treatment_plans WHERE state = 'draft'"), >=, 1);
  g_assert_cmpint (count (store, "SELECT COUNT(DISTINCT participant_id) FROM treatment_plans WHERE version >= 2"), >=, 3);
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM goals WHERE own_words <> '' AND statement <> ''"), >=, participants);
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM interventions WHERE frequency LIKE '%times a week'"), >, 0);
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM problems WHERE asam_dimension BETWEEN 1 AND 6"), >=, participants);
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM goals WHERE carried_from_id IS NOT NULL"), >, 0);

  /* Some reviews are due. */
  due = iop_store_list_plans_due_for_review (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, >=, 2);
  g_assert_cmpuint (due->len, <, (guint) participants / 2);

  /* Progress and a history of measures, with one unacknowledged PHQ-9 safety flag. */
  g_assert_cmpint (count (store, "SELECT COUNT(DISTINCT goal_id) FROM progress_entries"), >, participants);
  /* Most progress comes from documented sessions the participant attended, on the session's day. */
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM progress_entries WHERE session_id IS NOT NULL") * 2, >,
                   count (store, "SELECT COUNT(*) FROM progress_entries"));
  g_assert_cmpint (count (store,
                          "SELECT COUNT(*) FROM progress_entries e JOIN goals g ON g.id = e.goal_id"
                          " JOIN treatment_plans t ON t.id = g.plan_id JOIN sessions s ON s.id = e.session_id"
                          " LEFT JOIN attendance a ON a.session_id = s.id AND a.participant_id = t.participant_id"
                          "  AND a.status IN ('present', 'late', 'left-early')"
                          " LEFT JOIN member_notes n ON n.session_id = s.id AND n.participant_id = t.participant_id"
                          " WHERE a.session_id IS NULL OR n.session_id IS NULL OR e.date <> s.date"), ==, 0);
  g_assert_cmpint (count (store, "SELECT COUNT(DISTINCT participant_id) FROM measures WHERE instrument = 'PHQ-9'"),
                   ==, participants);
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM measures WHERE instrument = 'BAM'"), >, participants * 2);
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM measures WHERE safety_flag = 1 AND safety_ack_at IS NULL"), ==, 1);
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM measures WHERE safety_flag = 1 AND safety_ack_at IS NOT NULL"), ==, 1);
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM measures WHERE complete = 0"), ==, 1);
  /* Some improve: a first PHQ-9 at least 5 points above the last. */
  g_assert_cmpint (count (store,
                          "SELECT COUNT(*) FROM (SELECT participant_id,"
                          " (SELECT total FROM measures f WHERE f.participant_id = m.participant_id AND f.instrument = 'PHQ-9'"
                          "  ORDER BY date LIMIT 1) - (SELECT total FROM measures l WHERE l.participant_id = m.participant_id"
                          "  AND l.instrument = 'PHQ-9' AND l.complete ORDER BY date DESC LIMIT 1) AS change"
                          " FROM measures m GROUP BY participant_id) WHERE change >= 5"), >=, 10);
  /* ...and some do not. */
  g_assert_cmpint (count (store,
                          "SELECT COUNT(*) FROM (SELECT participant_id,"
                          " (SELECT total FROM measures f WHERE f.participant_id = m.participant_id AND f.instrument = 'PHQ-9'"
                          "  ORDER BY date LIMIT 1) - (SELECT total FROM measures l WHERE l.participant_id = m.participant_id"
                          "  AND l.instrument = 'PHQ-9' AND l.complete ORDER BY date DESC LIMIT 1) AS change"
                          " FROM measures m GROUP BY participant_id) WHERE change <= 0"), >=, 5);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/plans/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("lifecycle", test_lifecycle);
  ADD ("review-days-setting", test_review_days_setting);
  ADD ("versions", test_versions);
  ADD ("immutable", test_immutable);
  ADD ("draft-editing", test_draft_editing);
  ADD ("review-due", test_review_due);
  ADD ("session-progress", test_session_progress);
  ADD ("require-plan-to-enroll", test_require_plan_to_enroll);
#undef ADD
  g_test_add_func ("/plans/sample", test_sample);

  return g_test_run ();
}
