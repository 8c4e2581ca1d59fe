/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-store-plans"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "iop-date.h"
#include "iop-store-plans.h"
#include "iop-store-private.h"
#include "iop-validation.h"

/*
 * A treatment plan is kept as versions. Only a draft changes; signing makes it
 * active and supersedes the version before it, in one transaction. The database
 * refuses any change to a signed version (triggers in 0003-plans.sql), so the
 * checks here give clear messages and the triggers are the guarantee.
 *
 * A new version copies the current one; each copied goal and objective points
 * back to the one it came from (carried_from_id), so progress recorded against
 * an earlier version still reads on the goal in the current one.
 */

/* ?1 is always today: "review due" is derived, never stored. */
#define PLAN_COLUMNS \
  "t.id, t.participant_id, t.version, t.state," \
  " CASE WHEN t.state = 'active' AND t.review_due <= ?1 THEN 'review-due' ELSE t.state END," \
  " t.created_at, t.created_by, t.effective_date, t.review_due, t.signed_by, s.full_name," \
  " t.signed_at, t.participant_agreed, t.agreement_note, t.supersedes_id," \
  " CASE WHEN p.preferred_name <> '' THEN p.preferred_name ELSE p.first_name END || ' ' || p.last_name," \
  " p.record_number"

#define PLAN_FROM \
  " FROM treatment_plans t JOIN participants p ON p.id = t.participant_id" \
  " LEFT JOIN staff s ON s.id = t.signed_by"

#define GOAL_COLUMNS \
  "g.id, g.plan_id, g.problem_id, g.position, g.own_words, g.statement, g.target_date," \
  " g.status, g.carried_from_id"

#define PROGRESS_COLUMNS \
  "e.id, e.goal_id, e.objective_id, e.date, e.rating, e.note, e.author_id, s.full_name, e.session_id"

/* Helpers */

static gboolean
not_found (GError     **error,
           const char  *message)
{
  g_set_error_literal (error, IOP_STORE_ERROR, IOP_STORE_ERROR_NOT_FOUND, message);
  return FALSE;
}

static gboolean
locked (GError **error)
{
  g_set_error_literal (error, IOP_STORE_ERROR, IOP_STORE_ERROR_LOCKED,
                       _("This treatment plan is signed and can no longer be changed; start a new version instead."));
  return FALSE;
}

static IopTreatmentPlan *
read_plan (sqlite3_stmt *stmt)
{
  IopTreatmentPlan *t = iop_treatment_plan_new ();

  g_object_freeze_notify (G_OBJECT (t));
  iop_treatment_plan_set_id (t, sqlite3_column_int64 (stmt, 0));
  iop_treatment_plan_set_participant_id (t, sqlite3_column_int64 (stmt, 1));
  iop_treatment_plan_set_version (t, sqlite3_column_int (stmt, 2));
  iop_treatment_plan_set_state (t, iop_column_text (stmt, 3));
  iop_treatment_plan_set_display_state (t, iop_column_text (stmt, 4));
  iop_treatment_plan_set_created_at (t, iop_column_text (stmt, 5));
  iop_treatment_plan_set_created_by (t, sqlite3_column_int64 (stmt, 6));
  iop_treatment_plan_set_effective_date (t, iop_column_text (stmt, 7));
  iop_treatment_plan_set_review_due (t, iop_column_text (stmt, 8));
  iop_treatment_plan_set_signed_by (t, sqlite3_column_int64 (stmt, 9));
  iop_treatment_plan_set_signed_by_name (t, iop_column_text (stmt, 10));
  iop_treatment_plan_set_signed_at (t, iop_column_text (stmt, 11));
  iop_treatment_plan_set_participant_agreed (t, sqlite3_column_int (stmt, 12));
  iop_treatment_plan_set_agreement_note (t, iop_column_text (stmt, 13));
  iop_treatment_plan_set_supersedes_id (t, sqlite3_column_int64 (stmt, 14));
  iop_treatment_plan_set_participant_name (t, iop_column_text (stmt, 15));
  iop_treatment_plan_set_record_number (t, iop_column_text (stmt, 16));
  g_object_thaw_notify (G_OBJECT (t));
  return t;
}

static IopProblem *
read_problem (sqlite3_stmt *stmt)
{
  IopProblem *p = iop_problem_new ();

  iop_problem_set_id (p, sqlite3_column_int64 (stmt, 0));
  iop_problem_set_plan_id (p, sqlite3_column_int64 (stmt, 1));
  iop_problem_set_position (p, sqlite3_column_int (stmt, 2));
  iop_problem_set_description (p, iop_column_text (stmt, 3));
  iop_problem_set_life_area (p, iop_column_text (stmt, 4));
  iop_problem_set_asam_dimension (p, sqlite3_column_int (stmt, 5));
  return p;
}

static IopGoal *
read_goal (sqlite3_stmt *stmt)
{
  IopGoal *g = iop_goal_new ();

  iop_goal_set_id (g, sqlite3_column_int64 (stmt, 0));
  iop_goal_set_plan_id (g, sqlite3_column_int64 (stmt, 1));
  iop_goal_set_problem_id (g, sqlite3_column_int64 (stmt, 2));
  iop_goal_set_position (g, sqlite3_column_int (stmt, 3));
  iop_goal_set_own_words (g, iop_column_text (stmt, 4));
  iop_goal_set_statement (g, iop_column_text (stmt, 5));
  iop_goal_set_target_date (g, iop_column_text (stmt, 6));
  iop_goal_set_status (g, iop_column_text (stmt, 7));
  iop_goal_set_carried_from_id (g, sqlite3_column_int64 (stmt, 8));
  return g;
}

static IopObjective *
read_objective (sqlite3_stmt *stmt)
{
  IopObjective *o = iop_objective_new ();

  iop_objective_set_id (o, sqlite3_column_int64 (stmt, 0));
  iop_objective_set_goal_id (o, sqlite3_column_int64 (stmt, 1));
  iop_objective_set_position (o, sqlite3_column_int (stmt, 2));
  iop_objective_set_statement (o, iop_column_text (stmt, 3));
  iop_objective_set_target_date (o, iop_column_text (stmt, 4));
  iop_objective_set_status (o, iop_column_text (stmt, 5));
  iop_objective_set_carried_from_id (o, sqlite3_column_int64 (stmt, 6));
  return o;
}

static IopIntervention *
read_intervention (sqlite3_stmt *stmt)
{
  IopIntervention *i = iop_intervention_new ();

  iop_intervention_set_id (i, sqlite3_column_int64 (stmt, 0));
  iop_intervention_set_objective_id (i, sqlite3_column_int64 (stmt, 1));
  iop_intervention_set_position (i, sqlite3_column_int (stmt, 2));
  iop_intervention_set_description (i, iop_column_text (stmt, 3));
  iop_intervention_set_responsible (i, iop_column_text (stmt, 4));
  iop_intervention_set_frequency (i, iop_column_text (stmt, 5));
  return i;
}

static IopProgressEntry *
read_progress (sqlite3_stmt *stmt)
{
  IopProgressEntry *e = iop_progress_entry_new ();

  iop_progress_entry_set_id (e, sqlite3_column_int64 (stmt, 0));
  iop_progress_entry_set_goal_id (e, sqlite3_column_int64 (stmt, 1));
  iop_progress_entry_set_objective_id (e, sqlite3_column_int64 (stmt, 2));
  iop_progress_entry_set_date (e, iop_column_text (stmt, 3));
  iop_progress_entry_set_rating (e, sqlite3_column_int (stmt, 4));
  iop_progress_entry_set_note (e, iop_column_text (stmt, 5));
  iop_progress_entry_set_author_id (e, sqlite3_column_int64 (stmt, 6));
  iop_progress_entry_set_author_name (e, iop_column_text (stmt, 7));
  iop_progress_entry_set_session_id (e, sqlite3_column_int64 (stmt, 8));
  return e;
}

typedef gpointer (*RowReader) (sqlite3_stmt *stmt);

/* Runs a prepared, bound SELECT and reads every row. */
static GPtrArray *
collect (IopStore      *self,
         sqlite3_stmt  *stmt,
         RowReader      reader,
         GError       **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, reader (stmt));
  if (rc != SQLITE_DONE)
    {
      iop_store_set_error (self, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&rows);
}

/* The plan a row of one of the plan's tables belongs to, and its state. */
typedef enum {
  OWNER_PLAN,
  OWNER_PROBLEM,
  OWNER_GOAL,
  OWNER_OBJECTIVE,
  OWNER_INTERVENTION,
} OwnerKind;

static gboolean
lookup_plan_of (IopStore    *self,
                OwnerKind    kind,
                gint64       id,
                gint64      *out_plan_id,
                gint64      *out_participant_id,
                char       **out_state,
                GError     **error)
{
  static const char *sql[] = {
    "SELECT t.id, t.participant_id, t.state FROM treatment_plans t WHERE t.id = ?1",
    "SELECT t.id, t.participant_id, t.state FROM problems x"
    " JOIN treatment_plans t ON t.id = x.plan_id WHERE x.id = ?1",
    "SELECT t.id, t.participant_id, t.state FROM goals x"
    " JOIN treatment_plans t ON t.id = x.plan_id WHERE x.id = ?1",
    "SELECT t.id, t.participant_id, t.state FROM objectives x JOIN goals g ON g.id = x.goal_id"
    " JOIN treatment_plans t ON t.id = g.plan_id WHERE x.id = ?1",
    "SELECT t.id, t.participant_id, t.state FROM interventions x JOIN objectives o ON o.id = x.objective_id"
    " JOIN goals g ON g.id = o.goal_id JOIN treatment_plans t ON t.id = g.plan_id WHERE x.id = ?1",
  };
  sqlite3_stmt *stmt = iop_store_prepare (self, sql[kind], error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (out_plan_id != NULL)
        *out_plan_id = sqlite3_column_int64 (stmt, 0);
      if (out_participant_id != NULL)
        *out_participant_id = sqlite3_column_int64 (stmt, 1);
      if (out_state != NULL)
        *out_state = g_strdup (iop_column_text (stmt, 2));
      sqlite3_reset (stmt);
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    iop_store_set_error (self, error);
  else
    not_found (error, _("This part of the treatment plan no longer exists."));
  sqlite3_reset (stmt);
  return FALSE;
}

/* For edits: the owning plan must exist and still be a draft. */
static gboolean
require_draft (IopStore  *self,
               OwnerKind  kind,
               gint64     id,
               gint64    *out_plan_id,
               gint64    *out_participant_id,
               GError   **error)
{
  g_autofree char *state = NULL;

  if (!lookup_plan_of (self, kind, id, out_plan_id, out_participant_id, &state, error))
    return FALSE;
  if (g_strcmp0 (state, "draft") != 0)
    return locked (error);
  return TRUE;
}

static gboolean
check_optional_date (const char  *date,
                     GError     **error)
{
  if (!iop_text_is_blank (date) && !iop_date_is_valid (date))
    return iop_validation_error (error, _("The target date is not a real date (use YYYY-MM-DD)."));
  return TRUE;
}

static gboolean
check_status (const char  *status,
              GError     **error)
{
  if (!g_strv_contains (iop_goal_status_values (), status != NULL ? status : ""))
    return iop_validation_error (error, _("Choose a status: active, met, partially met, not met or discontinued."));
  return TRUE;
}

static int
next_position (IopStore   *self,
               const char *sql,
               gint64      parent_id)
{
  sqlite3_stmt *stmt = iop_store_prepare (self, sql, NULL);
  int pos = 1;

  if (stmt == NULL)
    return 1;
  sqlite3_bind_int64 (stmt, 1, parent_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    pos = sqlite3_column_int (stmt, 0) + 1;
  sqlite3_reset (stmt);
  return pos;
}

/* Writes one row: begin, @stmt (already bound), audit, commit. */
static gboolean
write_row (IopStore      *self,
           sqlite3_stmt  *stmt,
           const char    *action,
           gint64         participant_id,
           const char    *detail,
           gint64        *out_id,
           GError       **error)
{
  gint64 id;

  if (!iop_store_step_done (self, stmt, error))
    return FALSE;
  id = sqlite3_last_insert_rowid (iop_store_get_db (self));
  if (!iop_store_audit (self, action, IOP_KIND_PLAN, out_id != NULL ? id : 0, participant_id, detail, error))
    return FALSE;
  iop_store_mark_changed (self, IOP_KIND_PLAN);
  if (out_id != NULL)
    *out_id = id;
  return TRUE;
}

static gint64
insert_problem (IopStore    *self,
                gint64       plan_id,
                int          position,
                const char  *description,
                const char  *life_area,
                int          asam,
                GError     **error)
{
  sqlite3_stmt *stmt = iop_store_prepare (self,
                                          "INSERT INTO problems (plan_id, position, description, life_area, asam_dimension)"
                                          " VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  sqlite3_bind_int (stmt, 2, position);
  iop_bind_text (stmt, 3, description);
  iop_bind_text (stmt, 4, life_area);
  if (asam >= 1 && asam <= 6)
    sqlite3_bind_int (stmt, 5, asam);
  else
    sqlite3_bind_null (stmt, 5);
  if (!iop_store_step_done (self, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (iop_store_get_db (self));
}

static gint64
insert_goal (IopStore    *self,
             IopGoal     *goal,
             int          position,
             GError     **error)
{
  sqlite3_stmt *stmt = iop_store_prepare (self,
                                          "INSERT INTO goals (plan_id, problem_id, position, own_words, statement,"
                                          " target_date, status, carried_from_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                          error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, iop_goal_get_plan_id (goal));
  iop_bind_id_or_null (stmt, 2, iop_goal_get_problem_id (goal));
  sqlite3_bind_int (stmt, 3, position);
  iop_bind_text (stmt, 4, iop_goal_get_own_words (goal));
  iop_bind_text (stmt, 5, iop_goal_get_statement (goal));
  iop_bind_text_or_null (stmt, 6, iop_goal_get_target_date (goal));
  iop_bind_text (stmt, 7, iop_goal_get_status (goal));
  iop_bind_id_or_null (stmt, 8, iop_goal_get_carried_from_id (goal));
  if (!iop_store_step_done (self, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (iop_store_get_db (self));
}

static gint64
insert_objective (IopStore      *self,
                  IopObjective  *objective,
                  int            position,
                  GError       **error)
{
  sqlite3_stmt *stmt = iop_store_prepare (self,
                                          "INSERT INTO objectives (goal_id, position, statement, target_date, status,"
                                          " carried_from_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, iop_objective_get_goal_id (objective));
  sqlite3_bind_int (stmt, 2, position);
  iop_bind_text (stmt, 3, iop_objective_get_statement (objective));
  iop_bind_text_or_null (stmt, 4, iop_objective_get_target_date (objective));
  iop_bind_text (stmt, 5, iop_objective_get_status (objective));
  iop_bind_id_or_null (stmt, 6, iop_objective_get_carried_from_id (objective));
  if (!iop_store_step_done (self, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (iop_store_get_db (self));
}

static gint64
insert_intervention (IopStore         *self,
                     IopIntervention  *intervention,
                     int               position,
                     GError          **error)
{
  sqlite3_stmt *stmt = iop_store_prepare (self,
                                          "INSERT INTO interventions (objective_id, position, description, responsible,"
                                          " frequency) VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, iop_intervention_get_objective_id (intervention));
  sqlite3_bind_int (stmt, 2, position);
  iop_bind_text (stmt, 3, iop_intervention_get_description (intervention));
  iop_bind_text (stmt, 4, iop_intervention_get_responsible (intervention));
  iop_bind_text (stmt, 5, iop_intervention_get_frequency (intervention));
  if (!iop_store_step_done (self, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (iop_store_get_db (self));
}

/* Copies @from_plan's content into the draft @to_plan, linking each goal and
 * objective to the one it was copied from. */
static gboolean
copy_plan_content (IopStore  *self,
                   gint64     from_plan,
                   gint64     to_plan,
                   GError   **error)
{
  g_autoptr(GHashTable) problem_map = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GPtrArray) problems = iop_store_list_problems (self, from_plan, error);
  g_autoptr(GPtrArray) goals = NULL;

  if (problems == NULL)
    return FALSE;
  for (guint i = 0; i < problems->len; i++)
    {
      IopProblem *p = g_ptr_array_index (problems, i);
      gint64 id = insert_problem (self, to_plan, iop_problem_get_position (p), iop_problem_get_description (p),
                                  iop_problem_get_life_area (p), iop_problem_get_asam_dimension (p), error);
      if (id == 0)
        return FALSE;
      g_hash_table_insert (problem_map, g_memdup2 (&(gint64) { iop_problem_get_id (p) }, sizeof (gint64)),
                           g_memdup2 (&id, sizeof id));
    }

  goals = iop_store_list_goals (self, from_plan, error);
  if (goals == NULL)
    return FALSE;
  for (guint i = 0; i < goals->len; i++)
    {
      IopGoal *g = g_ptr_array_index (goals, i);
      g_autoptr(IopGoal) copy = iop_goal_copy (g);
      g_autoptr(GPtrArray) objectives = NULL;
      gint64 old_problem = iop_goal_get_problem_id (g);
      gint64 *new_problem = old_problem > 0 ? g_hash_table_lookup (problem_map, &old_problem) : NULL;
      gint64 goal_id;

      iop_goal_set_plan_id (copy, to_plan);
      iop_goal_set_problem_id (copy, new_problem != NULL ? *new_problem : 0);
      iop_goal_set_carried_from_id (copy, iop_goal_get_id (g));
      goal_id = insert_goal (self, copy, iop_goal_get_position (g), error);
      if (goal_id == 0)
        return FALSE;

      objectives = iop_store_list_objectives (self, iop_goal_get_id (g), error);
      if (objectives == NULL)
        return FALSE;
      for (guint k = 0; k < objectives->len; k++)
        {
          IopObjective *o = g_ptr_array_index (objectives, k);
          g_autoptr(IopObjective) ocopy = iop_objective_copy (o);
          g_autoptr(GPtrArray) interventions = NULL;
          gint64 objective_id;

          iop_objective_set_goal_id (ocopy, goal_id);
          iop_objective_set_carried_from_id (ocopy, iop_objective_get_id (o));
          objective_id = insert_objective (self, ocopy, iop_objective_get_position (o), error);
          if (objective_id == 0)
            return FALSE;

          interventions = iop_store_list_interventions (self, iop_objective_get_id (o), error);
          if (interventions == NULL)
            return FALSE;
          for (guint n = 0; n < interventions->len; n++)
            {
              IopIntervention *iv = g_ptr_array_index (interventions, n);
              g_autoptr(IopIntervention) icopy = iop_intervention_copy (iv);

              iop_intervention_set_objective_id (icopy, objective_id);
              if (insert_intervention (self, icopy, iop_intervention_get_position (iv), error) == 0)
                return FALSE;
            }
        }
    }
  return TRUE;
}

static gboolean
participant_exists (IopStore  *self,
                    gint64     participant_id,
                    GError   **error)
{
  sqlite3_stmt *stmt = iop_store_prepare (self, "SELECT 1 FROM participants WHERE id = ?1", error);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, participant_id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (!found)
    return not_found (error, _("This participant's record no longer exists."));
  return TRUE;
}

static IopTreatmentPlan *
get_plan_where (IopStore    *self,
                const char  *sql,
                gint64       id,
                GError     **error)
{
  g_autofree char *today = iop_date_today ();
  sqlite3_stmt *stmt = iop_store_prepare (self, sql, error);
  IopTreatmentPlan *plan = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  iop_bind_text (stmt, 1, today);
  sqlite3_bind_int64 (stmt, 2, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    plan = read_plan (stmt);
  else if (rc != SQLITE_DONE)
    iop_store_set_error (self, error);
  sqlite3_reset (stmt);
  return plan;
}

/* Public API: versions */

/**
 * iop_store_create_plan_version:
 * @self: an #IopStore
 * @participant_id: whose plan
 * @out_plan_id: (out) (optional): the new draft's id
 * @error: return location for a #GError
 *
 * Starts a draft: version 1 when the participant has no plan, otherwise the
 * next version, copied from the current (active) one with each goal and
 * objective linked to the one it came from. A participant has at most one
 * draft at a time.
 *
 * Returns: %TRUE when the draft was created
 */
gboolean
iop_store_create_plan_version (IopStore  *self,
                               gint64     participant_id,
                               gint64    *out_plan_id,
                               GError   **error)
{
  g_autoptr(IopTreatmentPlan) draft = NULL;
  g_autoptr(IopTreatmentPlan) current = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *now = iop_timestamp_now ();
  g_autofree char *detail = NULL;
  sqlite3_stmt *stmt;
  gint64 plan_id;
  int version = 1;

  g_return_val_if_fail (IOP_IS_STORE (self), FALSE);

  if (!participant_exists (self, participant_id, error))
    return FALSE;
  draft = iop_store_get_draft_plan (self, participant_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (draft != NULL)
    return iop_validation_error (error, _("This participant already has a draft plan; edit or sign it first."));

  if (!iop_store_begin (self, error))
    return FALSE;

  current = iop_store_get_current_plan (self, participant_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      goto fail;
    }

  stmt = iop_store_prepare (self, "SELECT COALESCE (MAX (version), 0) FROM treatment_plans WHERE participant_id = ?1",
                            error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, participant_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0) + 1;
  sqlite3_reset (stmt);

  stmt = iop_store_prepare (self,
                            "INSERT INTO treatment_plans (participant_id, version, state, created_at, created_by,"
                            " supersedes_id) VALUES (?1, ?2, 'draft', ?3, ?4, ?5)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, participant_id);
  sqlite3_bind_int (stmt, 2, version);
  iop_bind_text (stmt, 3, now);
  iop_bind_id_or_null (stmt, 4, iop_store_get_actor (self));
  iop_bind_id_or_null (stmt, 5, current != NULL ? iop_treatment_plan_get_id (current) : 0);
  if (!iop_store_step_done (self, stmt, error))
    goto fail;
  plan_id = sqlite3_last_insert_rowid (iop_store_get_db (self));

  if (current != NULL && !copy_plan_content (self, iop_treatment_plan_get_id (current), plan_id, error))
    goto fail;

  detail = g_strdup_printf ("draft version %d", version);
  if (!iop_store_audit (self, "create", IOP_KIND_PLAN, plan_id, participant_id, detail, error))
    goto fail;
  iop_store_mark_changed (self, IOP_KIND_PLAN);
  if (!iop_store_commit (self, error))
    return FALSE;
  if (out_plan_id != NULL)
    *out_plan_id = plan_id;
  return TRUE;

fail:
  iop_store_rollback (self);
  return FALSE;
}

/**
 * iop_store_delete_draft_plan:
 * @self: an #IopStore
 * @plan_id: a draft
 * @error: return location for a #GError
 *
 * Discards a draft and everything in it. Signed versions cannot be deleted.
 *
 * Returns: %TRUE when deleted
 */
gboolean
iop_store_delete_draft_plan (IopStore  *self,
                             gint64     plan_id,
                             GError   **error)
{
  static const char *sql[] = {
    "DELETE FROM interventions WHERE objective_id IN"
    " (SELECT o.id FROM objectives o JOIN goals g ON g.id = o.goal_id WHERE g.plan_id = ?1)",
    "DELETE FROM objectives WHERE goal_id IN (SELECT id FROM goals WHERE plan_id = ?1)",
    "DELETE FROM goals WHERE plan_id = ?1",
    "DELETE FROM problems WHERE plan_id = ?1",
    "DELETE FROM treatment_plans WHERE id = ?1",
  };
  gint64 participant_id;

  g_return_val_if_fail (IOP_IS_STORE (self), FALSE);

  if (!require_draft (self, OWNER_PLAN, plan_id, NULL, &participant_id, error))
    return FALSE;
  if (!iop_store_begin (self, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
    {
      sqlite3_stmt *stmt = iop_store_prepare (self, sql[i], error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, plan_id);
      if (!iop_store_step_done (self, stmt, error))
        goto fail;
    }
  if (!iop_store_audit (self, "delete", IOP_KIND_PLAN, plan_id, participant_id, "draft discarded", error))
    goto fail;
  iop_store_mark_changed (self, IOP_KIND_PLAN);
  return iop_store_commit (self, error);

fail:
  iop_store_rollback (self);
  return FALSE;
}

/**
 * iop_store_sign_plan:
 * @self: an #IopStore
 * @plan_id: a draft
 * @effective_date: the day the plan takes effect
 * @participant_agreed: the participant agreed to the plan (required)
 * @agreement_note: (nullable): how the agreement was given ("signed on paper", "verbal, by phone")
 * @error: return location for a #GError
 *
 * Signs a draft as the acting staff member: it becomes the active version, due
 * for review after the program's "plan-review-days" setting (30 by default),
 * and the version it replaces becomes superseded — in one transaction.
 *
 * Returns: %TRUE when signed
 */
gboolean
iop_store_sign_plan (IopStore    *self,
                     gint64       plan_id,
                     const char  *effective_date,
                     gboolean     participant_agreed,
                     const char  *agreement_note,
                     GError     **error)
{
  g_autofree char *review_due = NULL;
  g_autofree char *now = iop_timestamp_now ();
  g_autofree char *detail = NULL;
  g_autoptr(IopTreatmentPlan) plan = NULL;
  g_autoptr(GPtrArray) goals = NULL;
  sqlite3_stmt *stmt;
  gint64 participant_id;

  g_return_val_if_fail (IOP_IS_STORE (self), FALSE);

  if (!require_draft (self, OWNER_PLAN, plan_id, NULL, &participant_id, error))
    return FALSE;
  if (!iop_date_is_valid (effective_date))
    return iop_validation_error (error, _("The effective date is not a real date (use YYYY-MM-DD)."));
  if (!participant_agreed)
    return iop_validation_error (error, _("Record the participant's agreement to the plan before signing it."));
  if (iop_store_get_actor (self) <= 0)
    return iop_validation_error (error, _("A plan is signed by a staff member; sign in first."));
  goals = iop_store_list_goals (self, plan_id, error);
  if (goals == NULL)
    return FALSE;
  if (goals->len == 0)
    return iop_validation_error (error, _("Add at least one goal before signing the plan."));
  plan = iop_store_get_plan (self, plan_id, error);
  if (plan == NULL)
    return FALSE;

  review_due = iop_date_add_days (effective_date, iop_store_get_plan_review_days (self));

  if (!iop_store_begin (self, error))
    return FALSE;
  stmt = iop_store_prepare (self,
                            "UPDATE treatment_plans SET state = 'superseded'"
                            " WHERE participant_id = ?1 AND state = 'active'", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, participant_id);
  if (!iop_store_step_done (self, stmt, error))
    goto fail;

  stmt = iop_store_prepare (self,
                            "UPDATE treatment_plans SET state = 'active', effective_date = ?2, review_due = ?3,"
                            " signed_by = ?4, signed_at = ?5, participant_agreed = 1, agreement_note = ?6"
                            " WHERE id = ?1 AND state = 'draft'", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  iop_bind_text (stmt, 2, effective_date);
  iop_bind_text (stmt, 3, review_due);
  sqlite3_bind_int64 (stmt, 4, iop_store_get_actor (self));
  iop_bind_text (stmt, 5, now);
  iop_bind_text (stmt, 6, agreement_note != NULL ? agreement_note : "");
  if (!iop_store_step_done (self, stmt, error))
    goto fail;

  detail = g_strdup_printf ("version %d signed", iop_treatment_plan_get_version (plan));
  if (!iop_store_audit (self, "sign", IOP_KIND_PLAN, plan_id, participant_id, detail, error))
    goto fail;
  iop_store_mark_changed (self, IOP_KIND_PLAN);
  return iop_store_commit (self, error);

fail:
  iop_store_rollback (self);
  return FALSE;
}

/**
 * iop_store_get_plan:
 * @self: an #IopStore
 * @plan_id: a plan version
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the plan, or %NULL with @error set
 */
IopTreatmentPlan *
iop_store_get_plan (IopStore  *self,
                    gint64     plan_id,
                    GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  IopTreatmentPlan *plan;

  g_return_val_if_fail (IOP_IS_STORE (self), NULL);

  plan = get_plan_where (self, "SELECT " PLAN_COLUMNS PLAN_FROM " WHERE t.id = ?2", plan_id, &local_error);
  if (plan == NULL && local_error == NULL)
    not_found (&local_error, _("This treatment plan no longer exists."));
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return plan;
}

/**
 * iop_store_get_current_plan:
 * @self: an #IopStore
 * @participant_id: a participant
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the active (signed) version, or %NULL
 *   without an error when the participant has none
 */
IopTreatmentPlan *
iop_store_get_current_plan (IopStore  *self,
                            gint64     participant_id,
                            GError   **error)
{
  g_return_val_if_fail (IOP_IS_STORE (self), NULL);

  return get_plan_where (self, "SELECT " PLAN_COLUMNS PLAN_FROM " WHERE t.participant_id = ?2 AND t.state = 'active'",
                         participant_id, error);
}

/**
 * iop_store_get_draft_plan:
 * @self: an #IopStore
 * @participant_id: a participant
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the draft, or %NULL without an error when there is none
 */
IopTreatmentPlan *
iop_store_get_draft_plan (IopStore  *self,
                          gint64     participant_id,
                          GError   **error)
{
  g_return_val_if_fail (IOP_IS_STORE (self), NULL);

  return get_plan_where (self, "SELECT " PLAN_COLUMNS PLAN_FROM " WHERE t.participant_id = ?2 AND t.state = 'draft'",
                         participant_id, error);
}

/**
 * iop_store_list_plans:
 * @self: an #IopStore
 * @participant_id: a participant
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type IopTreatmentPlan): every version, newest first
 */
GPtrArray *
iop_store_list_plans (IopStore  *self,
                      gint64     participant_id,
                      GError   **error)
{
  g_autofree char *today = iop_date_today ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (IOP_IS_STORE (self), NULL);

  stmt = iop_store_prepare (self, "SELECT " PLAN_COLUMNS PLAN_FROM
                            " WHERE t.participant_id = ?2 ORDER BY t.version DESC", error);
  if (stmt == NULL)
    return NULL;
  iop_bind_text (stmt, 1, today);
  sqlite3_bind_int64 (stmt, 2, participant_id);
  return collect (self, stmt, (RowReader) read_plan, error);
}

/**
 * iop_store_list_plans_due_for_review:
 * @self: an #IopStore
 * @by_date: (nullable): list plans due on or before this day; %NULL for today
 * @error: return location for a #GError
 *
 * The caseload's active plans whose review is due or overdue, most overdue
 * first, for participants still in the program.
 *
 * Returns: (transfer container) (element-type IopTreatmentPlan): the plans
 */
GPtrArray *
iop_store_list_plans_due_for_review (IopStore    *self,
                                     const char  *by_date,
                                     GError     **error)
{
  g_autofree char *today = iop_date_today ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (IOP_IS_STORE (self), NULL);

  if (by_date != NULL && !iop_date_is_valid (by_date))
    {
      iop_validation_error (error, _("The date is not a real date (use YYYY-MM-DD)."));
      return NULL;
    }
  stmt = iop_store_prepare (self, "SELECT " PLAN_COLUMNS PLAN_FROM
                            " WHERE t.state = 'active' AND t.review_due <= ?2 AND p.status <> 'discharged'"
                            " ORDER BY t.review_due, p.last_name, p.first_name", error);
  if (stmt == NULL)
    return NULL;
  iop_bind_text (stmt, 1, today);
  iop_bind_text (stmt, 2, by_date != NULL ? by_date : today);
  return collect (self, stmt, (RowReader) read_plan, error);
}

/* Public API: problems */

static gboolean
validate_problem (IopProblem  *problem,
                  GError     **error)
{
  if (iop_text_is_blank (iop_problem_get_description (problem)))
    return iop_validation_error (error, _("Describe the problem."));
  if (iop_problem_get_asam_dimension (problem) < 0 || iop_problem_get_asam_dimension (problem) > 6)
    return iop_validation_error (error, _("The ASAM dimension is a number from 1 to 6."));
  return TRUE;
}

/**
 * iop_store_add_problem:
 * @self: an #IopStore
 * @problem: the problem, with its plan id set; its id and position are set on success
 * @error: return location for a #GError
 *
 * Returns: %TRUE when added to the draft
 */
gboolean
iop_store_add_problem (IopStore    *self,
                       IopProblem  *problem,
                       GError     **error)
{
  gint64 participant_id, id;
  int position;

  g_return_val_if_fail (IOP_IS_STORE (self), FALSE);
  g_return_val_if_fail (IOP_IS_PROBLEM (problem), FALSE);

  if (!validate_problem (problem, error)
      || !require_draft (self, OWNER_PLAN, iop_problem_get_plan_id (problem), NULL, &participant_id, error))
    return FALSE;
  if (!iop_store_begin (self, error))
    return FALSE;
  position = next_position (self, "SELECT COALESCE (MAX (position), 0) FROM problems WHERE plan_id = ?1",
                            iop_problem_get_plan_id (problem));
  id = insert_problem (self, iop_problem_get_plan_id (problem), position, iop_problem_get_description (problem),
                       iop_problem_get_life_area (problem), iop_problem_get_asam_dimension (problem), error);
  if (id == 0
      || !iop_store_audit (self, "create", IOP_KIND_PLAN, iop_problem_get_plan_id (problem), participant_id,
                           "problem added", error))
    {
      iop_store_rollback (self);
      return FALSE;
    }
  iop_store_mark_changed (self, IOP_KIND_PLAN);
  if (!iop_store_commit (self, error))
    return FALSE;
  iop_problem_set_id (problem, id);
  iop_problem_set_position (problem, position);
  return TRUE;
}

gboolean
iop_store_update_problem (IopStore    *self,
                          IopProblem  *problem,
                          GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 plan_id, participant_id;

  g_return_val_if_fail (IOP_IS_STORE (self), FALSE);
  g_return_val_if_fail (IOP_IS_PROBLEM (problem), FALSE);

  if (!validate_problem (problem, error)
      || !require_draft (self, OWNER_PROBLEM, iop_problem_get_id (problem), &plan_id, &participant_id, error))
    return FALSE;
  if (!iop_store_begin (self, error))
    return FALSE;
  stmt = iop_store_prepare (self, "UPDATE problems SET description = ?2, life_area = ?3, asam_dimension = ?4"
                            " WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, iop_problem_get_id (problem));
  iop_bind_text (stmt, 2, iop_problem_get_description (problem));
  iop_bind_text (stmt, 3, iop_problem_get_life_area (problem));
  if (iop_problem_get_asam_dimension (problem) > 0)
    sqlite3_bind_int (stmt, 4, iop_problem_get_asam_dimension (problem));
  else
    sqlite3_bind_null (stmt, 4);
  if (!write_row (self, stmt, "change", participant_id, "problem changed", NULL, error))
    goto fail;
  return iop_store_commit (self, error);

fail:
  iop_store_rollback (self);
  return FALSE;
}

/**
 * iop_store_remove_problem:
 * @self: an #IopStore
 * @problem_id: a problem in a draft
 * @error: return location for a #GError
 *
 * Removes the problem; its goals stay in the plan, no longer tied to a problem.
 *
 * Returns: %TRUE when removed
 */
gboolean
iop_store_remove_problem (IopStore  *self,
                          gint64     problem_id,
                          GError   **error)
{
  sqlite3_stmt *stmt;
  gint64 participant_id;

  g_return_val_if_fail (IOP_IS_STORE (self), FALSE);

  if (!require_draft (self, OWNER_PROBLEM, problem_id, NULL, &participant_id, error))
    return FALSE;
  if (!iop_store_begin (self, error))
    return FALSE;
  stmt = iop_store_prepare (self, "UPDATE goals SET problem_id = NULL WHERE problem_id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, problem_id);
  if (!iop_store_step_done (self, stmt, error))
    goto fail;
  stmt = iop_store_prepare (self, "DELETE FROM problems WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, problem_id);
  if (!write_row (self, stmt, "delete", participant_id, "problem removed", NULL, error))
    goto fail;
  return iop_store_commit (self, error);

fail:
  iop_store_rollback (self);
  return FALSE;
}

/**
 * iop_store_list_problems:
 * @self: an #IopStore
 * @plan_id: a plan version
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type IopProblem): the problems, in order
 */
GPtrArray *
iop_store_list_problems (IopStore  *self,
                         gint64     plan_id,
                         GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (IOP_IS_STORE (self), NULL);

  stmt = iop_store_prepare (self, "SELECT id, plan_id, position, description, life_area, asam_dimension"
                            " FROM problems WHERE plan_id = ?1 ORDER BY position, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  return collect (self, stmt, (RowReader) read_problem, error);
}

/* Public API: goals */

static gboolean
validate_goal (IopStore  *self,
               IopGoal   *goal,
               GError   **error)
{
  if (iop_text_is_blank (iop_goal_get_statement (goal)))
    return iop_validation_error (error, _("Write the goal as a measurable statement."));
  if (!check_optional_date (iop_goal_get_target_date (goal), error) || !check_status (iop_goal_get_status (goal), error))
    return FALSE;
  if (iop_goal_get_problem_id (goal) > 0)
    {
      gint64 problem_plan = 0;

      if (!lookup_plan_of (self, OWNER_PROBLEM, iop_goal_get_problem_id (goal), &problem_plan, NULL, NULL, error))
        return FALSE;
      if (problem_plan != iop_goal_get_plan_id (goal))
        return iop_validation_error (error, _("The goal's problem belongs to another plan."));
    }
  return TRUE;
}

/**
 * iop_store_add_goal:
 * @self: an #IopStore
 * @goal: the goal, with its plan (a draft) and optionally its problem set;
 *   its id and position are set on success
 * @error: return location for a #GError
 *
 * Returns: %TRUE when added
 */
gboolean
iop_store_add_goal (IopStore  *self,
                    IopGoal   *goal,
                    GError   **error)
{
  gint64 participant_id, id;
  int position;

  g_return_val_if_fail (IOP_IS_STORE (self), FALSE);
  g_return_val_if_fail (IOP_IS_GOAL (goal), FALSE);

  if (!require_draft (self, OWNER_PLAN, iop_goal_get_plan_id (goal), NULL, &participant_id, error)
      || !validate_goal (self, goal, error))
    return FALSE;
  if (!iop_store_begin (self, error))
    return FALSE;
  position = next_position (self, "SELECT COALESCE (MAX (position), 0) FROM goals WHERE plan_id = ?1",
                            iop_goal_get_plan_id (goal));
  id = insert_goal (self, goal, position, error);
  if (id == 0
      || !iop_store_audit (self, "create", IOP_KIND_PLAN, iop_goal_get_plan_id (goal), participant_id,
                           "goal added", error))
    {
      iop_store_rollback (self);
      return FALSE;
    }
  iop_store_mark_changed (self, IOP_KIND_PLAN);
  if (!iop_store_commit (self, error))
    return FALSE;
  iop_goal_set_id (goal, id);
  iop_goal_set_position (goal, position);
  return TRUE;
}

gboolean
iop_store_update_goal (IopStore  *self,
                       IopGoal   *goal,
                       GError   **error)
{
  sqlite3_stmt *stmt;
  gint64 plan_id, participant_id;

  g_return_val_if_fail (IOP_IS_STORE (self), FALSE);
  g_return_val_if_fail (IOP_IS_GOAL (goal), FALSE);

  if (!require_draft (self, OWNER_GOAL, iop_goal_get_id (goal), &plan_id, &participant_id, error))
    return FALSE;
  iop_goal_set_plan_id (goal, plan_id);
  if (!validate_goal (self, goal, error))
    return FALSE;
  if (!iop_store_begin (self, error))
    return FALSE;
  stmt = iop_store_prepare (self, "UPDATE goals SET problem_id = ?2, own_words = ?3, statement = ?4,"
                            " target_date = ?5, status = ?6 WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, iop_goal_get_id (goal));
  iop_bind_id_or_null (stmt, 2, iop_goal_get_problem_id (goal));
  iop_bind_text (stmt, 3, iop_goal_get_own_words (goal));
  iop_bind_text (stmt, 4, iop_goal_get_statement (goal));
  iop_bind_text_or_null (stmt, 5, iop_goal_get_target_date (goal));
  iop_bind_text (stmt, 6, iop_goal_get_status (goal));
  if (!write_row (self, stmt, "change", participant_id, "goal changed", NULL, error))
    goto fail;
  return iop_store_commit (self, error);

fail:
  iop_store_rollback (self);
  return FALSE;
}

/**
 * iop_store_remove_goal:
 * @self: an #IopStore
 * @goal_id: a goal in a draft
 * @error: return location for a #GError
 *
 * Removes the goal with its objectives and their interventions.
 *
 * Returns: %TRUE when removed
 */
gboolean
iop_store_remove_goal (IopStore  *self,
                       gint64     goal_id,
                       GError   **error)
{
  static const char *sql[] = {
    "DELETE FROM interventions WHERE objective_id IN (SELECT id FROM objectives WHERE goal_id = ?1)",
    "DELETE FROM objectives WHERE goal_id = ?1",
    "DELETE FROM goals WHERE id = ?1",
  };
  gint64 participant_id;

  g_return_val_if_fail (IOP_IS_STORE (self), FALSE);

  if (!require_draft (self, OWNER_GOAL, goal_id, NULL, &participant_id, error))
    return FALSE;
  if (!iop_store_begin (self, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
    {
      sqlite3_stmt *stmt = iop_store_prepare (self, sql[i], error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, goal_id);
      if (!iop_store_step_done (self, stmt, error))
        goto fail;
    }
  if (!iop_store_audit (self, "delete", IOP_KIND_PLAN, goal_id, participant_id, "goal removed", error))
    goto fail;
  iop_store_mark_changed (self, IOP_KIND_PLAN);
  return iop_store_commit (self, error);

fail:
  iop_store_rollback (self);
  return FALSE;
}

/**
 * iop_store_get_goal:
 * @self: an #IopStore
 * @goal_id: a goal
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the goal, or %NULL with @error set
 */
IopGoal *
iop_store_get_goal (IopStore  *self,
                    gint64     goal_id,
                    GError   **error)
{
  sqlite3_stmt *stmt;
  IopGoal *goal = NULL;
  int rc;

  g_return_val_if_fail (IOP_IS_STORE (self), NULL);

  stmt = iop_store_prepare (self, "SELECT " GOAL_COLUMNS " FROM goals g WHERE g.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, goal_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    goal = read_goal (stmt);
  else if (rc == SQLITE_DONE)
    not_found (error, _("This goal no longer exists."));
  else
    iop_store_set_error (self, error);
  sqlite3_reset (stmt);
  return goal;
}

/**
 * iop_store_list_goals:
 * @self: an #IopStore
 * @plan_id: a plan version
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type IopGoal): the plan's goals, in order
 */
GPtrArray *
iop_store_list_goals (IopStore  *self,
                      gint64     plan_id,
                      GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (IOP_IS_STORE (self), NULL);

  stmt = iop_store_prepare (self, "SELECT " GOAL_COLUMNS " FROM goals g WHERE g.plan_id = ?1"
                            " ORDER BY g.position, g.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  return collect (self, stmt, (RowReader) read_goal, error);
}

/**
 * iop_store_list_active_goals:
 * @self: an #IopStore
 * @participant_id: a participant
 * @error: return location for a #GError
 *
 * The goals a session note can address: those still being worked on in the
 * participant's active plan.
 *
 * Returns: (transfer container) (element-type IopGoal): the goals, in order (empty without an active plan)
 */
GPtrArray *
iop_store_list_active_goals (IopStore  *self,
                             gint64     participant_id,
                             GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (IOP_IS_STORE (self), NULL);

  stmt = iop_store_prepare (self, "SELECT " GOAL_COLUMNS " FROM goals g JOIN treatment_plans t ON t.id = g.plan_id"
                            " WHERE t.participant_id = ?1 AND t.state = 'active' AND g.status = 'active'"
                            " ORDER BY g.position, g.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, participant_id);
  return collect (self, stmt, (RowReader) read_goal, error);
}

/* Public API: objectives */

static gboolean
validate_objective (IopObjective  *objective,
                    GError       **error)
{
  if (iop_text_is_blank (iop_objective_get_statement (objective)))
    return iop_validation_error (error, _("Write the objective as a measurable step."));
  return check_optional_date (iop_objective_get_target_date (objective), error)
         && check_status (iop_objective_get_status (objective), error);
}

/**
 * iop_store_add_objective:
 * @self: an #IopStore
 * @objective: the objective, with its goal (in a draft) set; its id and position are set on success
 * @error: return location for a #GError
 *
 * Returns: %TRUE when added
 */
gboolean
iop_store_add_objective (IopStore      *self,
                         IopObjective  *objective,
                         GError       **error)
{
  gint64 participant_id, id;
  int position;

  g_return_val_if_fail (IOP_IS_STORE (self), FALSE);
  g_return_val_if_fail (IOP_IS_OBJECTIVE (objective), FALSE);

  if (!validate_objective (objective, error)
      || !require_draft (self, OWNER_GOAL, iop_objective_get_goal_id (objective), NULL, &participant_id, error))
    return FALSE;
  if (!iop_store_begin (self, error))
    return FALSE;
  position = next_position (self, "SELECT COALESCE (MAX (position), 0) FROM objectives WHERE goal_id = ?1",
                            iop_objective_get_goal_id (objective));
  id = insert_objective (self, objective, position, error);
  if (id == 0
      || !iop_store_audit (self, "create", IOP_KIND_PLAN, iop_objective_get_goal_id (objective), participant_id,
                           "objective added", error))
    {
      iop_store_rollback (self);
      return FALSE;
    }
  iop_store_mark_changed (self, IOP_KIND_PLAN);
  if (!iop_store_commit (self, error))
    return FALSE;
  iop_objective_set_id (objective, id);
  iop_objective_set_position (objective, position);
  return TRUE;
}

gboolean
iop_store_update_objective (IopStore      *self,
                            IopObjective  *objective,
                            GError       **error)
{
  sqlite3_stmt *stmt;
  gint64 participant_id;

  g_return_val_if_fail (IOP_IS_STORE (self), FALSE);
  g_return_val_if_fail (IOP_IS_OBJECTIVE (objective), FALSE);

  if (!validate_objective (objective, error)
      || !require_draft (self, OWNER_OBJECTIVE, iop_objective_get_id (objective), NULL, &participant_id, error))
    return FALSE;
  if (!iop_store_begin (self, error))
    return FALSE;
  stmt = iop_store_prepare (self, "UPDATE objectives SET statement = ?2, target_date = ?3, status = ?4 WHERE id = ?1",
                            error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, iop_objective_get_id (objective));
  iop_bind_text (stmt, 2, iop_objective_get_statement (objective));
  iop_bind_text_or_null (stmt, 3, iop_objective_get_target_date (objective));
  iop_bind_text (stmt, 4, iop_objective_get_status (objective));
  if (!write_row (self, stmt, "change", participant_id, "objective changed", NULL, error))
    goto fail;
  return iop_store_commit (self, error);

fail:
  iop_store_rollback (self);
  return FALSE;
}

gboolean
iop_store_remove_objective (IopStore  *self,
                            gint64     objective_id,
                            GError   **error)
{
  sqlite3_stmt *stmt;
  gint64 participant_id;

  g_return_val_if_fail (IOP_IS_STORE (self), FALSE);

  if (!require_draft (self, OWNER_OBJECTIVE, objective_id, NULL, &participant_id, error))
    return FALSE;
  if (!iop_store_begin (self, error))
    return FALSE;
  stmt = iop_store_prepare (self, "DELETE FROM interventions WHERE objective_id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, objective_id);
  if (!iop_store_step_done (self, stmt, error))
    goto fail;
  stmt = iop_store_prepare (self, "DELETE FROM objectives WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, objective_id);
  if (!write_row (self, stmt, "delete", participant_id, "objective removed", NULL, error))
    goto fail;
  return iop_store_commit (self, error);

fail:
  iop_store_rollback (self);
  return FALSE;
}

/**
 * iop_store_list_objectives:
 * @self: an #IopStore
 * @goal_id: a goal
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type IopObjective): the goal's objectives, in order
 */
GPtrArray *
iop_store_list_objectives (IopStore  *self,
                           gint64     goal_id,
                           GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (IOP_IS_STORE (self), NULL);

  stmt = iop_store_prepare (self, "SELECT id, goal_id, position, statement, target_date, status, carried_from_id"
                            " FROM objectives WHERE goal_id = ?1 ORDER BY position, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, goal_id);
  return collect (self, stmt, (RowReader) read_objective, error);
}

/* Public API: interventions */

/**
 * iop_store_add_intervention:
 * @self: an #IopStore
 * @intervention: what, who and how often, with its objective (in a draft) set;
 *   its id and position are set on success
 * @error: return location for a #GError
 *
 * Returns: %TRUE when added
 */
gboolean
iop_store_add_intervention (IopStore         *self,
                            IopIntervention  *intervention,
                            GError          **error)
{
  gint64 participant_id, id;
  int position;

  g_return_val_if_fail (IOP_IS_STORE (self), FALSE);
  g_return_val_if_fail (IOP_IS_INTERVENTION (intervention), FALSE);

  if (iop_text_is_blank (iop_intervention_get_description (intervention)))
    return iop_validation_error (error, _("Describe the intervention."));
  if (!require_draft (self, OWNER_OBJECTIVE, iop_intervention_get_objective_id (intervention), NULL,
                      &participant_id, error))
    return FALSE;
  if (!iop_store_begin (self, error))
    return FALSE;
  position = next_position (self, "SELECT COALESCE (MAX (position), 0) FROM interventions WHERE objective_id = ?1",
                            iop_intervention_get_objective_id (intervention));
  id = insert_intervention (self, intervention, position, error);
  if (id == 0
      || !iop_store_audit (self, "create", IOP_KIND_PLAN, iop_intervention_get_objective_id (intervention),
                           participant_id, "intervention added", error))
    {
      iop_store_rollback (self);
      return FALSE;
    }
  iop_store_mark_changed (self, IOP_KIND_PLAN);
  if (!iop_store_commit (self, error))
    return FALSE;
  iop_intervention_set_id (intervention, id);
  iop_intervention_set_position (intervention, position);
  return TRUE;
}

gboolean
iop_store_update_intervention (IopStore         *self,
                               IopIntervention  *intervention,
                               GError          **error)
{
  sqlite3_stmt *stmt;
  gint64 participant_id;

  g_return_val_if_fail (IOP_IS_STORE (self), FALSE);
  g_return_val_if_fail (IOP_IS_INTERVENTION (intervention), FALSE);

  if (iop_text_is_blank (iop_intervention_get_description (intervention)))
    return iop_validation_error (error, _("Describe the intervention."));
  if (!require_draft (self, OWNER_INTERVENTION, iop_intervention_get_id (intervention), NULL, &participant_id, error))
    return FALSE;
  if (!iop_store_begin (self, error))
    return FALSE;
  stmt = iop_store_prepare (self, "UPDATE interventions SET description = ?2, responsible = ?3, frequency = ?4"
                            " WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, iop_intervention_get_id (intervention));
  iop_bind_text (stmt, 2, iop_intervention_get_description (intervention));
  iop_bind_text (stmt, 3, iop_intervention_get_responsible (intervention));
  iop_bind_text (stmt, 4, iop_intervention_get_frequency (intervention));
  if (!write_row (self, stmt, "change", participant_id, "intervention changed", NULL, error))
    goto fail;
  return iop_store_commit (self, error);

fail:
  iop_store_rollback (self);
  return FALSE;
}

gboolean
iop_store_remove_intervention (IopStore  *self,
                               gint64     intervention_id,
                               GError   **error)
{
  sqlite3_stmt *stmt;
  gint64 participant_id;

  g_return_val_if_fail (IOP_IS_STORE (self), FALSE);

  if (!require_draft (self, OWNER_INTERVENTION, intervention_id, NULL, &participant_id, error))
    return FALSE;
  if (!iop_store_begin (self, error))
    return FALSE;
  stmt = iop_store_prepare (self, "DELETE FROM interventions WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, intervention_id);
  if (!write_row (self, stmt, "delete", participant_id, "intervention removed", NULL, error))
    goto fail;
  return iop_store_commit (self, error);

fail:
  iop_store_rollback (self);
  return FALSE;
}

/**
 * iop_store_list_interventions:
 * @self: an #IopStore
 * @objective_id: an objective
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type IopIntervention): the interventions, in order
 */
GPtrArray *
iop_store_list_interventions (IopStore  *self,
                              gint64     objective_id,
                              GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (IOP_IS_STORE (self), NULL);

  stmt = iop_store_prepare (self, "SELECT id, objective_id, position, description, responsible, frequency"
                            " FROM interventions WHERE objective_id = ?1 ORDER BY position, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, objective_id);
  return collect (self, stmt, (RowReader) read_intervention, error);
}

/* Public API: progress */

static gboolean
session_date (IopStore    *self,
              gint64       session_id,
              char       **out_date,
              GError     **error)
{
  sqlite3_stmt *stmt = iop_store_prepare (self, "SELECT date, state FROM sessions WHERE id = ?1", error);
  gboolean found = FALSE;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, session_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = g_strcmp0 (iop_column_text (stmt, 1), "cancelled") != 0;
      if (found && out_date != NULL)
        *out_date = g_strdup (iop_column_text (stmt, 0));
    }
  sqlite3_reset (stmt);
  if (!found)
    return not_found (error, _("The session does not exist or was cancelled."));
  return TRUE;
}

static gboolean
insert_progress (IopStore          *self,
                 IopProgressEntry  *entry,
                 gint64             participant_id,
                 GError           **error)
{
  g_autofree char *today = iop_date_today ();
  g_autofree char *state = NULL;
  g_autofree char *detail = NULL;
  sqlite3_stmt *stmt;
  gint64 goal_participant;
  gint64 id;

  if (!iop_date_is_valid (iop_progress_entry_get_date (entry)))
    return iop_validation_error (error, _("The progress date is not a real date (use YYYY-MM-DD)."));
  if (g_strcmp0 (iop_progress_entry_get_date (entry), today) > 0)
    return iop_validation_error (error, _("The progress date is in the future."));
  if (iop_progress_entry_get_rating (entry) < 0 || iop_progress_entry_get_rating (entry) > 10)
    return iop_validation_error (error, _("Rate progress from 0 (none) to 10 (goal reached)."));
  if (!lookup_plan_of (self, OWNER_GOAL, iop_progress_entry_get_goal_id (entry), NULL, &goal_participant, &state, error))
    return FALSE;
  if (participant_id > 0 && goal_participant != participant_id)
    return iop_validation_error (error, _("This goal belongs to another participant's plan."));
  if (g_strcmp0 (state, "active") != 0)
    return iop_validation_error (error, _("Progress is recorded on the goals of the active (signed) plan."));
  if (iop_progress_entry_get_objective_id (entry) > 0)
    {
      g_autoptr(GPtrArray) objectives = iop_store_list_objectives (self, iop_progress_entry_get_goal_id (entry), error);
      gboolean found = FALSE;

      if (objectives == NULL)
        return FALSE;
      for (guint i = 0; i < objectives->len && !found; i++)
        found = iop_objective_get_id (g_ptr_array_index (objectives, i)) == iop_progress_entry_get_objective_id (entry);
      if (!found)
        return iop_validation_error (error, _("The objective does not belong to this goal."));
    }
  if (iop_progress_entry_get_session_id (entry) > 0
      && !session_date (self, iop_progress_entry_get_session_id (entry), NULL, error))
    return FALSE;

  stmt = iop_store_prepare (self, "INSERT INTO progress_entries (goal_id, objective_id, date, rating, note,"
                            " author_id, session_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, iop_progress_entry_get_goal_id (entry));
  iop_bind_id_or_null (stmt, 2, iop_progress_entry_get_objective_id (entry));
  iop_bind_text (stmt, 3, iop_progress_entry_get_date (entry));
  sqlite3_bind_int (stmt, 4, iop_progress_entry_get_rating (entry));
  iop_bind_text (stmt, 5, iop_progress_entry_get_note (entry));
  iop_bind_id_or_null (stmt, 6, iop_store_get_actor (self));
  iop_bind_id_or_null (stmt, 7, iop_progress_entry_get_session_id (entry));
  if (!iop_store_step_done (self, stmt, error))
    return FALSE;
  id = sqlite3_last_insert_rowid (iop_store_get_db (self));
  detail = iop_progress_entry_get_session_id (entry) > 0
           ? g_strdup_printf ("progress on goal %" G_GINT64_FORMAT " from session %" G_GINT64_FORMAT,
                              iop_progress_entry_get_goal_id (entry), iop_progress_entry_get_session_id (entry))
           : g_strdup_printf ("progress on goal %" G_GINT64_FORMAT, iop_progress_entry_get_goal_id (entry));
  if (!iop_store_audit (self, "create", IOP_KIND_PLAN, id, goal_participant, detail, error))
    return FALSE;
  iop_progress_entry_set_id (entry, id);
  iop_progress_entry_set_author_id (entry, iop_store_get_actor (self));
  return TRUE;
}

/**
 * iop_store_add_progress:
 * @self: an #IopStore
 * @entry: goal (of an active plan), optional objective, date, rating 0–10, note,
 *   optional session; written by the acting staff member. Its id is set on success.
 * @error: return location for a #GError
 *
 * Returns: %TRUE when recorded
 */
gboolean
iop_store_add_progress (IopStore          *self,
                        IopProgressEntry  *entry,
                        GError           **error)
{
  g_return_val_if_fail (IOP_IS_STORE (self), FALSE);
  g_return_val_if_fail (IOP_IS_PROGRESS_ENTRY (entry), FALSE);

  if (!iop_store_begin (self, error))
    return FALSE;
  if (!insert_progress (self, entry, 0, error))
    {
      iop_store_rollback (self);
      return FALSE;
    }
  iop_store_mark_changed (self, IOP_KIND_PLAN);
  return iop_store_commit (self, error);
}

/**
 * iop_store_add_session_progress:
 * @self: an #IopStore
 * @session_id: the session whose individualized note addressed the goals
 * @participant_id: the member the note is about
 * @goal_ids: (element-type gint64): the goals ticked in the note; each must be a
 *   goal of the participant's active plan
 * @rating: progress toward the goals, 0–10
 * @note: (nullable): a short progress note
 * @error: return location for a #GError
 *
 * The "golden thread": called by the session note editor when a counselor ticks
 * the goals a member's note addressed. Creates one progress entry per goal,
 * dated on the session's day, linked to the session and written by the acting
 * staff member — all in one transaction: if one goal is refused, none is
 * recorded. The participant must have attended (present, late or left early).
 *
 * Returns: %TRUE when every entry was recorded
 */
gboolean
iop_store_add_session_progress (IopStore    *self,
                                gint64       session_id,
                                gint64       participant_id,
                                GArray      *goal_ids,
                                int          rating,
                                const char  *note,
                                GError     **error)
{
  g_autofree char *date = NULL;
  sqlite3_stmt *stmt;
  gboolean attended;

  g_return_val_if_fail (IOP_IS_STORE (self), FALSE);
  g_return_val_if_fail (goal_ids != NULL, FALSE);

  if (goal_ids->len == 0)
    return iop_validation_error (error, _("Tick at least one goal the note addressed."));
  if (!participant_exists (self, participant_id, error) || !session_date (self, session_id, &date, error))
    return FALSE;

  stmt = iop_store_prepare (self, "SELECT 1 FROM attendance WHERE session_id = ?1 AND participant_id = ?2"
                            " AND status IN ('present', 'late', 'left-early')", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, session_id);
  sqlite3_bind_int64 (stmt, 2, participant_id);
  attended = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (!attended)
    return iop_validation_error (error, _("The participant was not recorded as attending this session."));

  if (!iop_store_begin (self, error))
    return FALSE;
  for (guint i = 0; i < goal_ids->len; i++)
    {
      g_autoptr(IopProgressEntry) entry = iop_progress_entry_new ();

      iop_progress_entry_set_goal_id (entry, g_array_index (goal_ids, gint64, i));
      iop_progress_entry_set_date (entry, date);
      iop_progress_entry_set_rating (entry, rating);
      iop_progress_entry_set_note (entry, note);
      iop_progress_entry_set_session_id (entry, session_id);
      if (!insert_progress (self, entry, participant_id, error))
        {
          iop_store_rollback (self);
          return FALSE;
        }
    }
  iop_store_mark_changed (self, IOP_KIND_PLAN);
  return iop_store_commit (self, error);
}

/**
 * iop_store_list_progress:
 * @self: an #IopStore
 * @goal_id: a goal
 * @error: return location for a #GError
 *
 * Progress on the goal and on the goals it was carried from in earlier plan
 * versions, oldest first.
 *
 * Returns: (transfer container) (element-type IopProgressEntry): the entries
 */
GPtrArray *
iop_store_list_progress (IopStore  *self,
                         gint64     goal_id,
                         GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (IOP_IS_STORE (self), NULL);

  stmt = iop_store_prepare (self,
                            "WITH RECURSIVE lineage (id, from_id) AS ("
                            "  SELECT id, carried_from_id FROM goals WHERE id = ?1"
                            "  UNION SELECT g.id, g.carried_from_id FROM goals g JOIN lineage l ON g.id = l.from_id)"
                            " SELECT " PROGRESS_COLUMNS " FROM progress_entries e"
                            " LEFT JOIN staff s ON s.id = e.author_id"
                            " WHERE e.goal_id IN (SELECT id FROM lineage) ORDER BY e.date, e.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, goal_id);
  return collect (self, stmt, (RowReader) read_progress, error);
}

/**
 * iop_store_list_session_progress:
 * @self: an #IopStore
 * @session_id: a session
 * @participant_id: a member
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type IopProgressEntry): the progress
 *   entries a member's note in that session created
 */
GPtrArray *
iop_store_list_session_progress (IopStore  *self,
                                 gint64     session_id,
                                 gint64     participant_id,
                                 GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (IOP_IS_STORE (self), NULL);

  stmt = iop_store_prepare (self, "SELECT " PROGRESS_COLUMNS " FROM progress_entries e"
                            " JOIN goals g ON g.id = e.goal_id JOIN treatment_plans t ON t.id = g.plan_id"
                            " LEFT JOIN staff s ON s.id = e.author_id"
                            " WHERE e.session_id = ?1 AND t.participant_id = ?2 ORDER BY e.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, session_id);
  sqlite3_bind_int64 (stmt, 2, participant_id);
  return collect (self, stmt, (RowReader) read_progress, error);
}

void
iop_session_ref_free (IopSessionRef *ref)
{
  if (ref == NULL)
    return;
  g_free (ref->date);
  g_free (ref->group_name);
  g_free (ref);
}

/**
 * iop_store_list_progress_sessions:
 * @self: an #IopStore
 * @participant_id: a participant
 * @error: return location for a #GError
 *
 * The sessions progress can come from: those the participant attended
 * (present, late or left early), not cancelled, with their individualized
 * note written.
 *
 * Returns: (transfer container) (element-type IopSessionRef): newest first
 */
GPtrArray *
iop_store_list_progress_sessions (IopStore  *self,
                                  gint64     participant_id,
                                  GError   **error)
{
  g_autoptr(GPtrArray) refs = g_ptr_array_new_with_free_func ((GDestroyNotify) iop_session_ref_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (IOP_IS_STORE (self), NULL);

  stmt = iop_store_prepare (self,
                            "SELECT s.id, s.date, g.name FROM sessions s JOIN groups g ON g.id = s.group_id"
                            " JOIN attendance a ON a.session_id = s.id AND a.participant_id = ?1"
                            " JOIN member_notes n ON n.session_id = s.id AND n.participant_id = ?1"
                            " WHERE s.state <> 'cancelled' AND a.status IN ('present', 'late', 'left-early')"
                            " ORDER BY s.date DESC, s.id DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, participant_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      IopSessionRef *ref = g_new0 (IopSessionRef, 1);

      ref->session_id = sqlite3_column_int64 (stmt, 0);
      ref->date = g_strdup (iop_column_text (stmt, 1));
      ref->group_name = g_strdup (iop_column_text (stmt, 2));
      g_ptr_array_add (refs, ref);
    }
  if (rc != SQLITE_DONE)
    {
      iop_store_set_error (self, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&refs);
}

/* Public API: settings */

/**
 * iop_store_get_plan_review_days:
 * @self: an #IopStore
 *
 * Returns: days from a plan's effective date to its review (setting
 *   "plan-review-days", 30 by default)
 */
int
iop_store_get_plan_review_days (IopStore *self)
{
  gint64 days = iop_store_get_setting_int (self, "plan-review-days", IOP_PLAN_REVIEW_DAYS_DEFAULT);

  return days >= 1 && days <= 366 ? (int) days : IOP_PLAN_REVIEW_DAYS_DEFAULT;
}

gboolean
iop_store_set_plan_review_days (IopStore  *self,
                                int        days,
                                GError   **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (IOP_IS_STORE (self), FALSE);

  if (days < 1 || days > 366)
    return iop_validation_error (error, _("Plans are reviewed every 1 to 366 days."));
  text = g_strdup_printf ("%d", days);
  return iop_store_set_setting (self, "plan-review-days", text, error);
}

/**
 * iop_store_get_require_plan_to_enroll:
 * @self: an #IopStore
 *
 * Returns: %TRUE when a participant needs an active plan before joining a group
 */
gboolean
iop_store_get_require_plan_to_enroll (IopStore *self)
{
  return iop_store_get_setting_int (self, "require-plan-to-enroll", 0) != 0;
}

/**
 * iop_store_set_require_plan_to_enroll:
 * @self: an #IopStore
 * @required: whether joining a group needs an active plan (off by default)
 * @error: return location for a #GError
 *
 * Returns: %TRUE when saved
 */
gboolean
iop_store_set_require_plan_to_enroll (IopStore  *self,
                                      gboolean   required,
                                      GError   **error)
{
  g_return_val_if_fail (IOP_IS_STORE (self), FALSE);

  return iop_store_set_setting (self, "require-plan-to-enroll", required ? "1" : "0", error);
}
