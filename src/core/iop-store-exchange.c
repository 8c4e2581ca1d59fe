/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-store-exchange"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "iop-access.h"
#include "iop-date.h"
#include "iop-store-exchange.h"
#include "iop-store-private.h"
#include "iop-validation.h"

/*
 * Reading and writing a participant's whole plan record in one piece. Reads
 * come back in a canonical order (plans by version, problems/goals/objectives/
 * interventions by position then id, progress by date then id, measures by
 * date, instrument then id), so the same rows always give the same file.
 *
 * Writing is one transaction. A participant new to this database arrives with
 * its plans exactly as in the file (versions, states, signatures). A
 * participant already here keeps everything it has: each imported plan becomes
 * a new *draft* version for a counselor to review and sign here, measures it
 * already has (same instrument and date) are skipped, and a cultural profile
 * it already has is kept.
 */

/* Constructors and destructors */

static void
intervention_free (gpointer data)
{
  IopExchangeIntervention *i = data;

  g_free (i->description);
  g_free (i->responsible);
  g_free (i->frequency);
  g_free (i);
}

static void
objective_free (gpointer data)
{
  IopExchangeObjective *o = data;

  g_free (o->key);
  g_free (o->statement);
  g_free (o->target_date);
  g_free (o->status);
  g_free (o->carried_from);
  g_ptr_array_unref (o->interventions);
  g_free (o);
}

static void
progress_free (gpointer data)
{
  IopExchangeProgress *p = data;

  g_free (p->date);
  g_free (p->note);
  g_free (p->author);
  g_free (p->objective);
  g_free (p);
}

static void
goal_free (gpointer data)
{
  IopExchangeGoal *g = data;

  g_free (g->key);
  g_free (g->problem);
  g_free (g->own_words);
  g_free (g->statement);
  g_free (g->target_date);
  g_free (g->status);
  g_free (g->carried_from);
  g_ptr_array_unref (g->objectives);
  g_ptr_array_unref (g->progress);
  g_free (g);
}

static void
problem_free (gpointer data)
{
  IopExchangeProblem *p = data;

  g_free (p->key);
  g_free (p->description);
  g_free (p->life_area);
  g_free (p);
}

static void
plan_free (gpointer data)
{
  IopExchangePlan *p = data;

  g_free (p->key);
  g_free (p->state);
  g_free (p->created_at);
  g_free (p->created_by);
  g_free (p->effective_date);
  g_free (p->review_due);
  g_free (p->signed_by);
  g_free (p->signed_at);
  g_free (p->agreement_note);
  g_free (p->supersedes);
  g_ptr_array_unref (p->problems);
  g_ptr_array_unref (p->goals);
  g_free (p);
}

static void
measure_free (gpointer data)
{
  IopExchangeMeasure *m = data;

  g_free (m->instrument);
  g_free (m->date);
  g_free (m->severity);
  g_free (m->subscores);
  g_free (m->safety_ack_by);
  g_free (m->safety_ack_at);
  g_free (m->entered_by);
  g_array_unref (m->answers);
  g_free (m);
}

static void
cfi_free (gpointer data)
{
  IopExchangeCfiAnswer *a = data;

  g_free (a->answer);
  g_free (a->recorded_on);
  g_free (a->recorded_by);
  g_free (a);
}

static void
profile_free (IopExchangeProfile *p)
{
  if (p == NULL)
    return;
  g_free (p->interpreter_details);
  g_free (p->communication);
  g_free (p->identity);
  g_free (p->family_roles);
  g_free (p->beliefs);
  g_free (p->spirituality);
  g_free (p->stigma_concerns);
  g_free (p->observances);
  g_free (p->observance_start);
  g_free (p->observance_end);
  g_free (p->dietary_needs);
  g_free (p->accessibility);
  g_free (p->respected_in_group);
  g_free (p->created_at);
  g_free (p->created_by);
  g_free (p->updated_at);
  g_free (p->updated_by);
  g_free (p->reviewed_on);
  g_free (p->reviewed_by);
  g_ptr_array_unref (p->cfi);
  g_free (p);
}

static void
staff_free (gpointer data)
{
  IopExchangeStaff *s = data;

  g_free (s->username);
  g_free (s->full_name);
  g_free (s->role);
  g_free (s->credentials);
  g_free (s);
}

void
iop_exchange_participant_free (IopExchangeParticipant *p)
{
  if (p == NULL)
    return;
  g_free (p->record_number);
  g_ptr_array_unref (p->other_identifiers);
  g_free (p->first_name);
  g_free (p->last_name);
  g_free (p->preferred_name);
  g_free (p->pronouns);
  g_free (p->date_of_birth);
  g_free (p->primary_language);
  g_free (p->level_of_care);
  g_free (p->admission_date);
  g_free (p->discharge_date);
  g_free (p->discharge_reason);
  g_free (p->status);
  g_free (p->primary_counselor);
  g_free (p->diagnoses);
  g_free (p->phone);
  g_free (p->email);
  g_free (p->address);
  g_free (p->emergency_name);
  g_free (p->emergency_phone);
  g_free (p->emergency_relationship);
  g_ptr_array_unref (p->plans);
  g_ptr_array_unref (p->measures);
  profile_free (p->profile);
  g_free (p);
}

IopExchangeIntervention *
iop_exchange_intervention_new (void)
{
  return g_new0 (IopExchangeIntervention, 1);
}

IopExchangeObjective *
iop_exchange_objective_new (void)
{
  IopExchangeObjective *o = g_new0 (IopExchangeObjective, 1);

  o->interventions = g_ptr_array_new_with_free_func (intervention_free);
  return o;
}

IopExchangeProgress *
iop_exchange_progress_new (void)
{
  return g_new0 (IopExchangeProgress, 1);
}

IopExchangeGoal *
iop_exchange_goal_new (void)
{
  IopExchangeGoal *g = g_new0 (IopExchangeGoal, 1);

  g->objectives = g_ptr_array_new_with_free_func (objective_free);
  g->progress = g_ptr_array_new_with_free_func (progress_free);
  return g;
}

IopExchangeProblem *
iop_exchange_problem_new (void)
{
  return g_new0 (IopExchangeProblem, 1);
}

IopExchangePlan *
iop_exchange_plan_new (void)
{
  IopExchangePlan *p = g_new0 (IopExchangePlan, 1);

  p->problems = g_ptr_array_new_with_free_func (problem_free);
  p->goals = g_ptr_array_new_with_free_func (goal_free);
  return p;
}

IopExchangeMeasure *
iop_exchange_measure_new (void)
{
  IopExchangeMeasure *m = g_new0 (IopExchangeMeasure, 1);

  m->complete = TRUE;
  m->answers = g_array_new (FALSE, TRUE, sizeof (IopExchangeAnswer));
  return m;
}

IopExchangeCfiAnswer *
iop_exchange_cfi_answer_new (void)
{
  return g_new0 (IopExchangeCfiAnswer, 1);
}

IopExchangeProfile *
iop_exchange_profile_new (void)
{
  IopExchangeProfile *p = g_new0 (IopExchangeProfile, 1);

  p->cfi = g_ptr_array_new_with_free_func (cfi_free);
  return p;
}

IopExchangeStaff *
iop_exchange_staff_new (void)
{
  return g_new0 (IopExchangeStaff, 1);
}

IopExchangeParticipant *
iop_exchange_participant_new (void)
{
  IopExchangeParticipant *p = g_new0 (IopExchangeParticipant, 1);

  p->other_identifiers = g_ptr_array_new_with_free_func (g_free);
  p->plans = g_ptr_array_new_with_free_func (plan_free);
  p->measures = g_ptr_array_new_with_free_func (measure_free);
  return p;
}

IopExchange *
iop_exchange_new (void)
{
  IopExchange *e = g_new0 (IopExchange, 1);

  e->staff = g_ptr_array_new_with_free_func (staff_free);
  e->participants = g_ptr_array_new_with_free_func ((GDestroyNotify) iop_exchange_participant_free);
  e->messages = g_ptr_array_new_with_free_func (g_free);
  return e;
}

void
iop_exchange_free (IopExchange *exchange)
{
  if (exchange == NULL)
    return;
  g_ptr_array_unref (exchange->staff);
  g_ptr_array_unref (exchange->participants);
  g_ptr_array_unref (exchange->messages);
  g_free (exchange->notice);
  g_free (exchange);
}

void
iop_exchange_add_message (IopExchange *exchange,
                          const char  *format,
                          ...)
{
  va_list args;
  char *message;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  /* Matching runs for the preview and again for the write: say things once. */
  for (guint i = 0; i < exchange->messages->len; i++)
    if (g_str_equal (g_ptr_array_index (exchange->messages, i), message))
      {
        g_free (message);
        return;
      }
  g_ptr_array_add (exchange->messages, message);
}

/* Reading */

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup (iop_column_text (stmt, column));
}

static char *
dup_column_or_null (sqlite3_stmt *stmt,
                    int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;
  return g_strdup (iop_column_text (stmt, column));
}

static char *
id_key (const char *kind,
        gint64      id)
{
  return g_strdup_printf ("%s:%" G_GINT64_FORMAT, kind, id);
}

typedef struct
{
  GHashTable *keys;      /* "goal:ID" → key in the file */
  GHashTable *staff;     /* user names referenced */
} ReadContext;

static void
note_staff (ReadContext *ctx,
            const char  *username)
{
  if (username != NULL)
    g_hash_table_add (ctx->staff, g_strdup (username));
}

static char *
lookup_key (ReadContext *ctx,
            const char  *kind,
            sqlite3_stmt *stmt,
            int          column)
{
  g_autofree char *k = NULL;

  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;
  k = id_key (kind, sqlite3_column_int64 (stmt, column));
  return g_strdup (g_hash_table_lookup (ctx->keys, k));
}

static gboolean
read_objectives (IopStore         *self,
                 ReadContext      *ctx,
                 IopExchangeGoal  *goal,
                 gint64            goal_id,
                 GError          **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  stmt = iop_store_prepare (self,
                            "SELECT id, position, statement, target_date, status, carried_from_id"
                            " FROM objectives WHERE goal_id = ?1 ORDER BY position, id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, goal_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      IopExchangeObjective *o = iop_exchange_objective_new ();
      gint64 id = sqlite3_column_int64 (stmt, 0);

      o->key = g_strdup_printf ("%s-o%u", goal->key, goal->objectives->len + 1);
      o->position = sqlite3_column_int (stmt, 1);
      o->statement = dup_column (stmt, 2);
      o->target_date = dup_column_or_null (stmt, 3);
      o->status = dup_column (stmt, 4);
      o->carried_from = lookup_key (ctx, "objective", stmt, 5);
      g_hash_table_insert (ctx->keys, id_key ("objective", id), g_strdup (o->key));
      g_ptr_array_add (goal->objectives, o);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      iop_store_set_error (self, error);
      return FALSE;
    }

  for (guint i = 0; i < ids->len; i++)
    {
      IopExchangeObjective *o = g_ptr_array_index (goal->objectives, i);

      stmt = iop_store_prepare (self,
                                "SELECT description, responsible, frequency FROM interventions"
                                " WHERE objective_id = ?1 ORDER BY position, id", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          IopExchangeIntervention *iv = iop_exchange_intervention_new ();

          iv->description = dup_column (stmt, 0);
          iv->responsible = dup_column (stmt, 1);
          iv->frequency = dup_column (stmt, 2);
          g_ptr_array_add (o->interventions, iv);
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          iop_store_set_error (self, error);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
read_progress (IopStore         *self,
               ReadContext      *ctx,
               IopExchangeGoal  *goal,
               gint64            goal_id,
               GError          **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = iop_store_prepare (self,
                            "SELECT e.date, e.rating, e.note, s.username, e.objective_id"
                            " FROM progress_entries e LEFT JOIN staff s ON s.id = e.author_id"
                            " WHERE e.goal_id = ?1 ORDER BY e.date, e.id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, goal_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      IopExchangeProgress *p = iop_exchange_progress_new ();

      p->date = dup_column (stmt, 0);
      p->rating = sqlite3_column_int (stmt, 1);
      p->note = dup_column (stmt, 2);
      p->author = dup_column_or_null (stmt, 3);
      p->objective = lookup_key (ctx, "objective", stmt, 4);
      note_staff (ctx, p->author);
      g_ptr_array_add (goal->progress, p);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      iop_store_set_error (self, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_plan_content (IopStore         *self,
                   ReadContext      *ctx,
                   IopExchangePlan  *plan,
                   gint64            plan_id,
                   GError          **error)
{
  g_autoptr(GArray) goal_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  stmt = iop_store_prepare (self,
                            "SELECT id, position, description, life_area, asam_dimension"
                            " FROM problems WHERE plan_id = ?1 ORDER BY position, id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      IopExchangeProblem *p = iop_exchange_problem_new ();

      p->key = g_strdup_printf ("%s-pr%u", plan->key, plan->problems->len + 1);
      p->position = sqlite3_column_int (stmt, 1);
      p->description = dup_column (stmt, 2);
      p->life_area = dup_column (stmt, 3);
      p->asam_dimension = sqlite3_column_int (stmt, 4);
      g_hash_table_insert (ctx->keys, id_key ("problem", sqlite3_column_int64 (stmt, 0)), g_strdup (p->key));
      g_ptr_array_add (plan->problems, p);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    goto sql_fail;

  stmt = iop_store_prepare (self,
                            "SELECT id, problem_id, position, own_words, statement, target_date, status,"
                            " carried_from_id FROM goals WHERE plan_id = ?1 ORDER BY position, id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      IopExchangeGoal *g = iop_exchange_goal_new ();
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g->key = g_strdup_printf ("%s-g%u", plan->key, plan->goals->len + 1);
      g->problem = lookup_key (ctx, "problem", stmt, 1);
      g->position = sqlite3_column_int (stmt, 2);
      g->own_words = dup_column (stmt, 3);
      g->statement = dup_column (stmt, 4);
      g->target_date = dup_column_or_null (stmt, 5);
      g->status = dup_column (stmt, 6);
      g->carried_from = lookup_key (ctx, "goal", stmt, 7);
      g_hash_table_insert (ctx->keys, id_key ("goal", id), g_strdup (g->key));
      g_ptr_array_add (plan->goals, g);
      g_array_append_val (goal_ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    goto sql_fail;

  for (guint i = 0; i < goal_ids->len; i++)
    {
      IopExchangeGoal *g = g_ptr_array_index (plan->goals, i);
      gint64 id = g_array_index (goal_ids, gint64, i);

      if (!read_objectives (self, ctx, g, id, error) || !read_progress (self, ctx, g, id, error))
        return FALSE;
    }
  return TRUE;

sql_fail:
  iop_store_set_error (self, error);
  return FALSE;
}

static gboolean
read_plans (IopStore                *self,
            ReadContext             *ctx,
            IopExchangeParticipant  *person,
            GError                 **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  stmt = iop_store_prepare (self,
                            "SELECT p.id, p.version, p.state, p.created_at, c.username, p.effective_date,"
                            " p.review_due, s.username, p.signed_at, p.participant_agreed, p.agreement_note,"
                            " p.supersedes_id"
                            " FROM treatment_plans p LEFT JOIN staff c ON c.id = p.created_by"
                            " LEFT JOIN staff s ON s.id = p.signed_by"
                            " WHERE p.participant_id = ?1 ORDER BY p.version", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      IopExchangePlan *plan = iop_exchange_plan_new ();
      gint64 id = sqlite3_column_int64 (stmt, 0);

      plan->version = sqlite3_column_int (stmt, 1);
      plan->key = g_strdup_printf ("v%d", plan->version);
      plan->state = dup_column (stmt, 2);
      plan->created_at = dup_column (stmt, 3);
      plan->created_by = dup_column_or_null (stmt, 4);
      plan->effective_date = dup_column_or_null (stmt, 5);
      plan->review_due = dup_column_or_null (stmt, 6);
      plan->signed_by = dup_column_or_null (stmt, 7);
      plan->signed_at = dup_column_or_null (stmt, 8);
      plan->participant_agreed = sqlite3_column_int (stmt, 9) != 0;
      plan->agreement_note = dup_column (stmt, 10);
      plan->supersedes = lookup_key (ctx, "plan", stmt, 11);
      note_staff (ctx, plan->created_by);
      note_staff (ctx, plan->signed_by);
      g_hash_table_insert (ctx->keys, id_key ("plan", id), g_strdup (plan->key));
      g_ptr_array_add (person->plans, plan);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      iop_store_set_error (self, error);
      return FALSE;
    }

  for (guint i = 0; i < ids->len; i++)
    if (!read_plan_content (self, ctx, g_ptr_array_index (person->plans, i), g_array_index (ids, gint64, i), error))
      return FALSE;
  return TRUE;
}

static gboolean
read_measures (IopStore                *self,
               ReadContext             *ctx,
               IopExchangeParticipant  *person,
               GError                 **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  stmt = iop_store_prepare (self,
                            "SELECT m.id, m.instrument, m.date, m.complete, m.total, m.severity, m.subscores,"
                            " m.safety_flag, a.username, m.safety_ack_at, e.username"
                            " FROM measures m LEFT JOIN staff a ON a.id = m.safety_ack_by"
                            " LEFT JOIN staff e ON e.id = m.entered_by"
                            " WHERE m.participant_id = ?1 ORDER BY m.date, m.instrument, m.id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      IopExchangeMeasure *m = iop_exchange_measure_new ();
      gint64 id = sqlite3_column_int64 (stmt, 0);

      m->instrument = dup_column (stmt, 1);
      m->date = dup_column (stmt, 2);
      m->complete = sqlite3_column_int (stmt, 3) != 0;
      m->has_total = sqlite3_column_type (stmt, 4) != SQLITE_NULL;
      m->total = sqlite3_column_int (stmt, 4);
      m->severity = dup_column (stmt, 5);
      m->subscores = dup_column (stmt, 6);
      m->safety_flag = sqlite3_column_int (stmt, 7) != 0;
      m->safety_ack_by = dup_column_or_null (stmt, 8);
      m->safety_ack_at = dup_column_or_null (stmt, 9);
      m->entered_by = dup_column_or_null (stmt, 10);
      note_staff (ctx, m->safety_ack_by);
      note_staff (ctx, m->entered_by);
      g_ptr_array_add (person->measures, m);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      iop_store_set_error (self, error);
      return FALSE;
    }

  for (guint i = 0; i < ids->len; i++)
    {
      IopExchangeMeasure *m = g_ptr_array_index (person->measures, i);

      stmt = iop_store_prepare (self,
                                "SELECT item, value FROM measure_answers WHERE measure_id = ?1 ORDER BY item",
                                error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          IopExchangeAnswer a = { sqlite3_column_int (stmt, 0), sqlite3_column_int (stmt, 1) };

          g_array_append_val (m->answers, a);
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          iop_store_set_error (self, error);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
read_profile (IopStore                *self,
              ReadContext             *ctx,
              IopExchangeParticipant  *person,
              GError                 **error)
{
  IopExchangeProfile *p = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = iop_store_prepare (self,
                            "SELECT c.interpreter_needed, c.interpreter_arranged, c.interpreter_details,"
                            " c.communication, c.identity, c.family_roles, c.beliefs, c.spirituality,"
                            " c.stigma_concerns, c.observances, c.observance_weekdays, c.observance_start,"
                            " c.observance_end, c.dietary_needs, c.accessibility, c.respected_in_group,"
                            " c.created_at, cb.username, c.updated_at, ub.username, c.reviewed_on, rb.username"
                            " FROM cultural_profiles c LEFT JOIN staff cb ON cb.id = c.created_by"
                            " LEFT JOIN staff ub ON ub.id = c.updated_by LEFT JOIN staff rb ON rb.id = c.reviewed_by"
                            " WHERE c.participant_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person->id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      p = iop_exchange_profile_new ();
      p->interpreter_needed = sqlite3_column_int (stmt, 0) != 0;
      p->interpreter_arranged = sqlite3_column_int (stmt, 1) != 0;
      p->interpreter_details = dup_column (stmt, 2);
      p->communication = dup_column (stmt, 3);
      p->identity = dup_column (stmt, 4);
      p->family_roles = dup_column (stmt, 5);
      p->beliefs = dup_column (stmt, 6);
      p->spirituality = dup_column (stmt, 7);
      p->stigma_concerns = dup_column (stmt, 8);
      p->observances = dup_column (stmt, 9);
      p->observance_weekdays = sqlite3_column_int (stmt, 10);
      p->observance_start = dup_column_or_null (stmt, 11);
      p->observance_end = dup_column_or_null (stmt, 12);
      p->dietary_needs = dup_column (stmt, 13);
      p->accessibility = dup_column (stmt, 14);
      p->respected_in_group = dup_column (stmt, 15);
      p->created_at = dup_column (stmt, 16);
      p->created_by = dup_column_or_null (stmt, 17);
      p->updated_at = dup_column (stmt, 18);
      p->updated_by = dup_column_or_null (stmt, 19);
      p->reviewed_on = dup_column (stmt, 20);
      p->reviewed_by = dup_column_or_null (stmt, 21);
      note_staff (ctx, p->created_by);
      note_staff (ctx, p->updated_by);
      note_staff (ctx, p->reviewed_by);
      person->profile = p;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      iop_store_set_error (self, error);
      return FALSE;
    }

  /* CFI answers may exist without the rest of the profile. */
  stmt = iop_store_prepare (self,
                            "SELECT a.domain, a.answer, a.recorded_on, s.username FROM cfi_answers a"
                            " LEFT JOIN staff s ON s.id = a.recorded_by"
                            " WHERE a.participant_id = ?1 ORDER BY a.domain", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      IopExchangeCfiAnswer *a = iop_exchange_cfi_answer_new ();

      a->domain = sqlite3_column_int (stmt, 0);
      a->answer = dup_column (stmt, 1);
      a->recorded_on = dup_column (stmt, 2);
      a->recorded_by = dup_column_or_null (stmt, 3);
      note_staff (ctx, a->recorded_by);
      if (person->profile == NULL)
        {
          /* An answer with no profile row: keep it, with an empty profile around it. */
          person->profile = iop_exchange_profile_new ();
          person->profile->created_at = g_strconcat (a->recorded_on, "T00:00:00Z", NULL);
          person->profile->updated_at = g_strdup (person->profile->created_at);
          person->profile->reviewed_on = g_strdup (a->recorded_on);
        }
      g_ptr_array_add (person->profile->cfi, a);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      iop_store_set_error (self, error);
      return FALSE;
    }
  return TRUE;
}

static int
compare_staff (gconstpointer a,
               gconstpointer b)
{
  const IopExchangeStaff *sa = *(IopExchangeStaff **) a;
  const IopExchangeStaff *sb = *(IopExchangeStaff **) b;

  return strcmp (sa->username, sb->username);
}

static gboolean
read_staff (IopStore     *self,
            ReadContext  *ctx,
            IopExchange  *exchange,
            GError      **error)
{
  GHashTableIter iter;
  gpointer username;

  g_hash_table_iter_init (&iter, ctx->staff);
  while (g_hash_table_iter_next (&iter, &username, NULL))
    {
      sqlite3_stmt *stmt = iop_store_prepare (self,
                                              "SELECT username, full_name, role, credentials FROM staff"
                                              " WHERE username = ?1", error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      iop_bind_text (stmt, 1, username);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          IopExchangeStaff *s = iop_exchange_staff_new ();

          s->username = dup_column (stmt, 0);
          s->full_name = dup_column (stmt, 1);
          s->role = dup_column (stmt, 2);
          s->credentials = dup_column_or_null (stmt, 3);
          g_ptr_array_add (exchange->staff, s);
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          iop_store_set_error (self, error);
          return FALSE;
        }
    }
  g_ptr_array_sort (exchange->staff, compare_staff);
  return TRUE;
}

#define PARTICIPANT_COLUMNS \
  "SELECT p.id, p.record_number, p.first_name, p.last_name, p.preferred_name," \
  " p.pronouns, p.date_of_birth, p.primary_language, p.level_of_care," \
  " p.admission_date, p.discharge_date, p.discharge_reason, p.status, s.username," \
  " p.diagnoses, p.co_occurring, p.phone, p.email, p.address, p.emergency_name," \
  " p.emergency_phone, p.emergency_relationship" \
  " FROM participants p LEFT JOIN staff s ON s.id = p.primary_counselor_id"

/* One row of PARTICIPANT_COLUMNS. */
static IopExchangeParticipant *
participant_from_row (sqlite3_stmt *stmt)
{
  IopExchangeParticipant *p = iop_exchange_participant_new ();

  p->id = sqlite3_column_int64 (stmt, 0);
  p->record_number = dup_column (stmt, 1);
  p->first_name = dup_column (stmt, 2);
  p->last_name = dup_column (stmt, 3);
  p->preferred_name = dup_column (stmt, 4);
  p->pronouns = dup_column (stmt, 5);
  p->date_of_birth = dup_column_or_null (stmt, 6);
  p->primary_language = dup_column (stmt, 7);
  p->level_of_care = dup_column (stmt, 8);
  p->admission_date = dup_column (stmt, 9);
  p->discharge_date = dup_column_or_null (stmt, 10);
  p->discharge_reason = dup_column (stmt, 11);
  p->status = dup_column (stmt, 12);
  p->primary_counselor = dup_column_or_null (stmt, 13);
  p->diagnoses = dup_column (stmt, 14);
  p->co_occurring = sqlite3_column_int (stmt, 15) != 0;
  p->phone = dup_column (stmt, 16);
  p->email = dup_column (stmt, 17);
  p->address = dup_column (stmt, 18);
  p->emergency_name = dup_column (stmt, 19);
  p->emergency_phone = dup_column (stmt, 20);
  p->emergency_relationship = dup_column (stmt, 21);

  return p;
}

/**
 * iop_store_exchange_list_records:
 * @self: an #IopStore
 * @error: return location for a #GError
 *
 * Returns: (transfer full): every participant's record number, sorted
 */
char **
iop_store_exchange_list_records (IopStore  *self,
                                 GError   **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = iop_store_prepare (self, "SELECT record_number FROM participants ORDER BY record_number", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (records, dup_column (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      iop_store_set_error (self, error);
      return NULL;
    }
  g_ptr_array_add (records, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&records), FALSE);
}

/**
 * iop_store_exchange_read:
 * @self: an #IopStore
 * @record_number: (nullable): one participant's record number, or %NULL for everyone
 * @error: return location for a #GError
 *
 * Reads whole plan records in canonical order, with the staff they mention.
 *
 * Returns: (transfer full) (nullable): the records, or %NULL with @error set
 *   (%IOP_STORE_ERROR_NOT_FOUND when @record_number is unknown)
 */
IopExchange *
iop_store_exchange_read (IopStore    *self,
                         const char  *record_number,
                         GError     **error)
{
  g_autoptr(IopExchange) exchange = iop_exchange_new ();
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) staff = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ReadContext ctx = { keys, staff };
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (IOP_IS_STORE (self), NULL);

  /* A consistent snapshot even while another connection writes. */
  if (!iop_store_begin (self, error))
    return NULL;

  stmt = iop_store_prepare (self,
                            PARTICIPANT_COLUMNS
                            " WHERE ?1 IS NULL OR p.record_number = ?1 ORDER BY p.record_number", error);
  if (stmt == NULL)
    goto fail;
  iop_bind_text_or_null (stmt, 1, record_number);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      IopExchangeParticipant *p = participant_from_row (stmt);

      note_staff (&ctx, p->primary_counselor);
      g_ptr_array_add (exchange->participants, p);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      iop_store_set_error (self, error);
      goto fail;
    }

  if (record_number != NULL && exchange->participants->len == 0)
    {
      g_set_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_NOT_FOUND,
                   _("No participant has the record number “%s”"), record_number);
      goto fail;
    }

  for (guint i = 0; i < exchange->participants->len; i++)
    {
      IopExchangeParticipant *p = g_ptr_array_index (exchange->participants, i);

      if (!read_plans (self, &ctx, p, error) || !read_measures (self, &ctx, p, error)
          || !read_profile (self, &ctx, p, error))
        goto fail;
    }
  if (!read_staff (self, &ctx, exchange, error))
    goto fail;

  if (!iop_store_commit (self, error))
    return NULL;
  return g_steal_pointer (&exchange);

fail:
  iop_store_rollback (self);
  return NULL;
}

static IopExchangeParticipant *
read_participant_row (IopStore     *self,
                      gint64        id,
                      GError      **error)
{
  sqlite3_stmt *stmt = iop_store_prepare (self, PARTICIPANT_COLUMNS " WHERE p.id = ?1", error);
  IopExchangeParticipant *p = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    p = participant_from_row (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    g_set_error_literal (error, IOP_STORE_ERROR, IOP_STORE_ERROR_NOT_FOUND,
                         _("A selected participant is no longer in the program’s records (removed since the list was shown)."));
  else if (rc != SQLITE_ROW)
    iop_store_set_error (self, error);
  return p;
}

static int
compare_record_numbers (gconstpointer a,
                        gconstpointer b)
{
  const IopExchangeParticipant *pa = *(IopExchangeParticipant **) a;
  const IopExchangeParticipant *pb = *(IopExchangeParticipant **) b;

  return strcmp (pa->record_number, pb->record_number);
}

/* Everyone refused, named by record number, in one sentence: refused before
 * anything is read, so a counselor never gets half an export. */
static void
set_refusal (GError    **error,
             GPtrArray  *refused,
             GError     *first)
{
  g_autoptr(GString) list = g_string_new (NULL);
  const guint shown = MIN (refused->len, 5);

  for (guint i = 0; i < shown; i++)
    {
      IopExchangeParticipant *p = g_ptr_array_index (refused, i);

      if (i > 0)
        g_string_append (list, ", ");
      g_string_append (list, p->record_number);
    }
  if (refused->len > shown)
    {
      /* TRANSLATORS: after a list of record numbers: "C-00001, C-00002 and 3 more" */
      g_string_append_printf (list, ngettext (" and %u more", " and %u more", refused->len - shown),
                              refused->len - shown);
    }
  g_set_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_PERMISSION,
               ngettext ("%s Refused: %s. Nothing was exported; unselect this participant and export again.",
                         "%s Refused: %s. Nothing was exported; unselect these participants and export again.",
                         refused->len),
               first->message, list->str);
}

/**
 * iop_store_exchange_read_selection:
 * @self: an #IopStore
 * @ids: (array length=n_ids): the participants, by id
 * @n_ids: how many
 * @cancellable: (nullable): to stop between participants
 * @progress: (scope call) (nullable): called after each participant is read
 * @user_data: for @progress
 * @error: return location for a #GError
 *
 * Reads the whole plan records of a selection, like iop_store_exchange_read(),
 * sorted by record number. The signed-in staff member must be allowed to see
 * every one of them: otherwise nothing is read and the error
 * (%IOP_STORE_ERROR_PERMISSION) names the record numbers refused. Each
 * participant is read in a transaction of its own, so a long export does not
 * keep other connections from writing.
 *
 * Returns: (transfer full) (nullable): the records, or %NULL with @error set
 */
IopExchange *
iop_store_exchange_read_selection (IopStore                *self,
                                   const gint64            *ids,
                                   guint                    n_ids,
                                   GCancellable            *cancellable,
                                   IopExchangeProgressFunc  progress,
                                   gpointer                 user_data,
                                   GError                 **error)
{
  g_autoptr(IopExchange) exchange = iop_exchange_new ();
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) staff = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) refused = g_ptr_array_new_with_free_func ((GDestroyNotify) iop_exchange_participant_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GError) first_refusal = NULL;
  ReadContext ctx = { keys, staff };

  g_return_val_if_fail (IOP_IS_STORE (self), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  for (guint i = 0; i < n_ids; i++)
    {
      g_autoptr(GError) refusal = NULL;
      IopExchangeParticipant *p;
      gint64 *key;

      if (g_hash_table_contains (seen, &ids[i]))
        continue;
      key = g_new (gint64, 1);
      *key = ids[i];
      g_hash_table_add (seen, key);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      p = read_participant_row (self, ids[i], error);
      if (p == NULL)
        return NULL;
      if (!iop_store_require (self, IOP_PERMISSION_VIEW_RECORD, p->id, &refusal))
        {
          if (first_refusal == NULL)
            first_refusal = g_steal_pointer (&refusal);
          g_ptr_array_add (refused, p);
          continue;
        }
      g_ptr_array_add (exchange->participants, p);
    }
  if (refused->len > 0)
    {
      g_ptr_array_sort (refused, compare_record_numbers);
      set_refusal (error, refused, first_refusal);
      return NULL;
    }
  g_ptr_array_sort (exchange->participants, compare_record_numbers);

  for (guint i = 0; i < exchange->participants->len; i++)
    {
      IopExchangeParticipant *p = g_ptr_array_index (exchange->participants, i);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      /* One person's record is read as one consistent snapshot. */
      if (!iop_store_begin (self, error))
        return NULL;
      note_staff (&ctx, p->primary_counselor);
      if (!read_plans (self, &ctx, p, error) || !read_measures (self, &ctx, p, error)
          || !read_profile (self, &ctx, p, error))
        {
          iop_store_rollback (self);
          return NULL;
        }
      if (!iop_store_commit (self, error))
        return NULL;
      if (progress != NULL)
        progress (i + 1, exchange->participants->len, user_data);
    }
  if (!read_staff (self, &ctx, exchange, error))
    return NULL;
  return g_steal_pointer (&exchange);
}

/**
 * iop_store_exchange_log_export:
 * @self: an #IopStore
 * @exchange: records that were just written to a file
 * @format: "native" or "fhir"
 * @error: return location for a #GError
 *
 * Records in the audit log that each participant's record left the program.
 */
gboolean
iop_store_exchange_log_export (IopStore     *self,
                               IopExchange  *exchange,
                               const char   *format,
                               GError      **error)
{
  g_autofree char *detail = g_strdup_printf ("format=%s", format);

  if (!iop_store_begin (self, error))
    return FALSE;
  for (guint i = 0; i < exchange->participants->len; i++)
    {
      IopExchangeParticipant *p = g_ptr_array_index (exchange->participants, i);

      if (!iop_store_audit (self, "export", IOP_KIND_PLAN, 0, p->id, detail, error))
        {
          iop_store_rollback (self);
          return FALSE;
        }
    }
  return iop_store_commit (self, error);
}

/* Matching */

static gboolean G_GNUC_PRINTF (2, 3)
refuse (GError     **error,
        const char  *format,
        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  return iop_validation_error (error, message);
}

static char *
fold (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text != NULL ? text : "", -1, G_NORMALIZE_ALL);
  g_autofree char *stripped = g_strstrip (g_strdup (normal != NULL ? normal : ""));

  return g_utf8_casefold (stripped, -1);
}

static gboolean
same_name (const char *a,
           const char *b)
{
  g_autofree char *fa = fold (a);
  g_autofree char *fb = fold (b);

  return g_strcmp0 (fa, fb) == 0;
}

static char *
describe_person (const char *first,
                 const char *last,
                 const char *dob)
{
  if (dob != NULL && *dob != '\0')
    return g_strdup_printf (_("%s %s, born %s"), first, last, dob);
  return g_strdup_printf ("%s %s", first, last);
}

/**
 * iop_store_exchange_match:
 * @self: an #IopStore
 * @exchange: records read from a file
 * @error: return location for a #GError
 *
 * Finds each participant of @exchange in this database by record number and
 * sets its id (0: a new participant). Refuses with %IOP_STORE_ERROR_INVALID,
 * saying why, whenever the match is not certain: the record number belongs to
 * someone with another name or birth date; no one has the record number but
 * someone with the same name and birth date exists; the file repeats a record
 * number; or a new participant lacks the identity Circle needs.
 * Writes nothing.
 */
gboolean
iop_store_exchange_match (IopStore     *self,
                          IopExchange  *exchange,
                          GError      **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (IOP_IS_STORE (self), FALSE);

  for (guint i = 0; i < exchange->participants->len; i++)
    {
      IopExchangeParticipant *p = g_ptr_array_index (exchange->participants, i);
      g_autofree char *in_file = NULL;
      sqlite3_stmt *stmt;
      int rc;

      if (p->record_number == NULL || *p->record_number == '\0')
        return refuse (error, _("A participant in the file has no record number; Circle matches people by record number and will not guess"));
      if (p->first_name == NULL || *p->first_name == '\0' || p->last_name == NULL || *p->last_name == '\0')
        return refuse (error, _("The participant with record number “%s” has no first and last name in the file"),
                                     p->record_number);
      if (!g_hash_table_add (seen, p->record_number))
        return refuse (error, _("The file holds the record number “%s” twice; refusing to guess which is right"),
                                     p->record_number);
      in_file = describe_person (p->first_name, p->last_name, p->date_of_birth);

      for (guint k = 0; k < p->other_identifiers->len; k++)
        {
          const char *other = g_ptr_array_index (p->other_identifiers, k);

          stmt = iop_store_prepare (self, "SELECT EXISTS (SELECT 1 FROM participants WHERE record_number = ?1)"
                                    " AND NOT EXISTS (SELECT 1 FROM participants WHERE record_number = ?2)"
                                    " OR (SELECT id FROM participants WHERE record_number = ?1)"
                                    " <> (SELECT id FROM participants WHERE record_number = ?2)", error);
          if (stmt == NULL)
            return FALSE;
          iop_bind_text (stmt, 1, other);
          iop_bind_text (stmt, 2, p->record_number);
          rc = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0);
          sqlite3_reset (stmt);
          if (rc)
            return refuse (error,
                           _("%s is identified by both “%s” and “%s”, which do not lead to the same participant here; refusing to guess which record is theirs"),
                           in_file, p->record_number, other);
        }

      stmt = iop_store_prepare (self,
                                "SELECT id, first_name, last_name, date_of_birth FROM participants"
                                " WHERE record_number = ?1", error);
      if (stmt == NULL)
        return FALSE;
      iop_bind_text (stmt, 1, p->record_number);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          g_autofree char *here = describe_person (iop_column_text (stmt, 1), iop_column_text (stmt, 2),
                                                   (const char *) sqlite3_column_text (stmt, 3));
          gboolean names = same_name (iop_column_text (stmt, 1), p->first_name)
                           && same_name (iop_column_text (stmt, 2), p->last_name);
          const char *dob = (const char *) sqlite3_column_text (stmt, 3);
          gboolean birth = dob == NULL || p->date_of_birth == NULL || g_strcmp0 (dob, p->date_of_birth) == 0;

          p->id = sqlite3_column_int64 (stmt, 0);
          sqlite3_reset (stmt);
          if (!names || !birth)
            return refuse (error,
                                         _("Record number “%s” belongs to %s here, but the file describes %s; refusing to add one person’s plan to another’s record"),
                                         p->record_number, here, in_file);
          if (p->plans->len > 0)
            {
              gboolean has_draft;

              /* The imported plan arrives as a draft, and a participant has one draft at a time. */
              stmt = iop_store_prepare (self,
                                        "SELECT EXISTS (SELECT 1 FROM treatment_plans WHERE participant_id = ?1"
                                        " AND state = 'draft')", error);
              if (stmt == NULL)
                return FALSE;
              sqlite3_bind_int64 (stmt, 1, p->id);
              has_draft = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0);
              sqlite3_reset (stmt);
              if (has_draft)
                return refuse (error,
                               _("%s already has an unsigned draft plan here; sign or discard it before importing another plan"),
                               here);
            }
          continue;
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          iop_store_set_error (self, error);
          return FALSE;
        }

      p->id = 0;
      /* Nobody has the record number: someone with the same name and birth date may
       * still be the same person under another number. Refuse rather than guess. */
      if (p->date_of_birth != NULL)
        {
          stmt = iop_store_prepare (self,
                                    "SELECT record_number, first_name, last_name FROM participants"
                                    " WHERE date_of_birth = ?1 ORDER BY record_number", error);
          if (stmt == NULL)
            return FALSE;
          iop_bind_text (stmt, 1, p->date_of_birth);
          while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
            {
              if (same_name (iop_column_text (stmt, 1), p->first_name)
                  && same_name (iop_column_text (stmt, 2), p->last_name))
                {
                  g_autofree char *other = g_strdup (iop_column_text (stmt, 0));

                  sqlite3_reset (stmt);
                  return refuse (error,
                                               _("No participant has record number “%s”, but %s is here as record number “%s”; refusing to guess whether they are the same person — give the file the same record number, or change one of them"),
                                               p->record_number, in_file, other);
                }
            }
          sqlite3_reset (stmt);
          if (rc != SQLITE_DONE)
            {
              iop_store_set_error (self, error);
              return FALSE;
            }
        }

      if (p->admission_date == NULL || !iop_date_is_valid (p->admission_date))
        return refuse (error, _("The participant with record number “%s” has no valid admission date"),
                                     p->record_number);
      if (p->level_of_care == NULL || *p->level_of_care == '\0')
        return refuse (error, _("The participant with record number “%s” has no level of care"),
                                     p->record_number);
      if (p->identity_defaulted)
        iop_exchange_add_message (exchange,
                                  _("%s (%s) is new here: added with level of care adult IOP and admission date %s (today); correct them on the participant page"),
                                  p->record_number, in_file, p->admission_date);
    }
  return TRUE;
}

/* Writing */

typedef struct
{
  IopExchange *exchange;
  const char  *format;
  GHashTable  *staff_ids;   /* user name → id (GSIZE) */
  GHashTable  *ids;         /* key in the file → id (GSIZE), per participant */
  /* per participant, for its one audit entry */
  guint        n_plans;
  gint64       last_plan_id;
  guint        n_measures;
  guint        n_profiles;
} WriteContext;

static gint64
staff_id (WriteContext *ctx,
          const char   *username)
{
  if (username == NULL)
    return 0;
  return (gint64) GPOINTER_TO_SIZE (g_hash_table_lookup (ctx->staff_ids, username));
}

static gint64
key_id (WriteContext *ctx,
        const char   *key)
{
  if (key == NULL)
    return 0;
  return (gint64) GPOINTER_TO_SIZE (g_hash_table_lookup (ctx->ids, key));
}

static gboolean
ensure_staff (IopStore      *self,
              WriteContext  *ctx,
              GError       **error)
{
  GPtrArray *staff = ctx->exchange->staff;

  for (guint i = 0; i < staff->len; i++)
    {
      IopExchangeStaff *s = g_ptr_array_index (staff, i);
      sqlite3_stmt *stmt;
      gint64 id = 0;
      int rc;

      stmt = iop_store_prepare (self, "SELECT id FROM staff WHERE username = ?1", error);
      if (stmt == NULL)
        return FALSE;
      iop_bind_text (stmt, 1, s->username);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          iop_store_set_error (self, error);
          return FALSE;
        }

      if (id == 0)
        {
          /* Authorship is kept: someone who wrote part of the record elsewhere is
           * added as an inactive staff entry (no role to act here). */
          stmt = iop_store_prepare (self,
                                    "INSERT INTO staff (username, full_name, role, credentials, active)"
                                    " VALUES (?1, ?2, ?3, ?4, 0)", error);
          if (stmt == NULL)
            return FALSE;
          iop_bind_text (stmt, 1, s->username);
          iop_bind_text (stmt, 2, s->full_name);
          iop_bind_text (stmt, 3, s->role);
          iop_bind_text_or_null (stmt, 4, s->credentials);
          if (!iop_store_step_done (self, stmt, error))
            return FALSE;
          id = sqlite3_last_insert_rowid (iop_store_get_db (self));
          if (!iop_store_audit (self, "import", IOP_KIND_STAFF, id, 0, "inactive author from an imported record", error))
            return FALSE;
          iop_store_mark_changed (self, IOP_KIND_STAFF);
        }
      g_hash_table_insert (ctx->staff_ids, s->username, GSIZE_TO_POINTER ((gsize) id));
    }
  return TRUE;
}

static gboolean
insert_participant (IopStore                *self,
                    WriteContext            *ctx,
                    IopExchangeParticipant  *p,
                    GError                 **error)
{
  sqlite3_stmt *stmt;

  stmt = iop_store_prepare (self,
                            "INSERT INTO participants (record_number, first_name, last_name, preferred_name,"
                            " pronouns, date_of_birth, primary_language, level_of_care, admission_date,"
                            " discharge_date, discharge_reason, status, primary_counselor_id, diagnoses,"
                            " co_occurring, phone, email, address, emergency_name, emergency_phone,"
                            " emergency_relationship)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,"
                            " ?17, ?18, ?19, ?20, ?21)", error);
  if (stmt == NULL)
    return FALSE;
  iop_bind_text (stmt, 1, p->record_number);
  iop_bind_text (stmt, 2, p->first_name);
  iop_bind_text (stmt, 3, p->last_name);
  iop_bind_text (stmt, 4, p->preferred_name);
  iop_bind_text (stmt, 5, p->pronouns);
  iop_bind_text_or_null (stmt, 6, p->date_of_birth);
  iop_bind_text (stmt, 7, p->primary_language);
  iop_bind_text (stmt, 8, p->level_of_care);
  iop_bind_text (stmt, 9, p->admission_date);
  iop_bind_text_or_null (stmt, 10, p->discharge_date);
  iop_bind_text (stmt, 11, p->discharge_reason);
  iop_bind_text (stmt, 12, p->status != NULL ? p->status : "active");
  iop_bind_id_or_null (stmt, 13, staff_id (ctx, p->primary_counselor));
  iop_bind_text (stmt, 14, p->diagnoses);
  sqlite3_bind_int (stmt, 15, p->co_occurring ? 1 : 0);
  iop_bind_text (stmt, 16, p->phone);
  iop_bind_text (stmt, 17, p->email);
  iop_bind_text (stmt, 18, p->address);
  iop_bind_text (stmt, 19, p->emergency_name);
  iop_bind_text (stmt, 20, p->emergency_phone);
  iop_bind_text (stmt, 21, p->emergency_relationship);
  if (!iop_store_step_done (self, stmt, error))
    return FALSE;
  p->id = sqlite3_last_insert_rowid (iop_store_get_db (self));
  iop_store_mark_changed (self, IOP_KIND_PARTICIPANT);
  return TRUE;
}

static gboolean
insert_goal (IopStore         *self,
             WriteContext     *ctx,
             gint64            plan_id,
             IopExchangeGoal  *g,
             GError          **error)
{
  sqlite3_stmt *stmt;
  gint64 goal_id;

  stmt = iop_store_prepare (self,
                            "INSERT INTO goals (plan_id, problem_id, position, own_words, statement,"
                            " target_date, status, carried_from_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  iop_bind_id_or_null (stmt, 2, key_id (ctx, g->problem));
  sqlite3_bind_int (stmt, 3, g->position);
  iop_bind_text (stmt, 4, g->own_words);
  iop_bind_text (stmt, 5, g->statement);
  iop_bind_text_or_null (stmt, 6, g->target_date);
  iop_bind_text (stmt, 7, g->status != NULL ? g->status : "active");
  iop_bind_id_or_null (stmt, 8, key_id (ctx, g->carried_from));
  if (!iop_store_step_done (self, stmt, error))
    return FALSE;
  goal_id = sqlite3_last_insert_rowid (iop_store_get_db (self));
  if (g->key != NULL)
    g_hash_table_insert (ctx->ids, g->key, GSIZE_TO_POINTER ((gsize) goal_id));

  for (guint i = 0; i < g->objectives->len; i++)
    {
      IopExchangeObjective *o = g_ptr_array_index (g->objectives, i);
      gint64 objective_id;

      stmt = iop_store_prepare (self,
                                "INSERT INTO objectives (goal_id, position, statement, target_date, status,"
                                " carried_from_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, goal_id);
      sqlite3_bind_int (stmt, 2, o->position);
      iop_bind_text (stmt, 3, o->statement);
      iop_bind_text_or_null (stmt, 4, o->target_date);
      iop_bind_text (stmt, 5, o->status != NULL ? o->status : "active");
      iop_bind_id_or_null (stmt, 6, key_id (ctx, o->carried_from));
      if (!iop_store_step_done (self, stmt, error))
        return FALSE;
      objective_id = sqlite3_last_insert_rowid (iop_store_get_db (self));
      if (o->key != NULL)
        g_hash_table_insert (ctx->ids, o->key, GSIZE_TO_POINTER ((gsize) objective_id));

      for (guint j = 0; j < o->interventions->len; j++)
        {
          IopExchangeIntervention *iv = g_ptr_array_index (o->interventions, j);

          stmt = iop_store_prepare (self,
                                    "INSERT INTO interventions (objective_id, position, description,"
                                    " responsible, frequency) VALUES (?1, ?2, ?3, ?4, ?5)", error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, objective_id);
          sqlite3_bind_int (stmt, 2, (int) j + 1);
          iop_bind_text (stmt, 3, iv->description);
          iop_bind_text (stmt, 4, iv->responsible);
          iop_bind_text (stmt, 5, iv->frequency);
          if (!iop_store_step_done (self, stmt, error))
            return FALSE;
        }
    }

  for (guint i = 0; i < g->progress->len; i++)
    {
      IopExchangeProgress *pe = g_ptr_array_index (g->progress, i);

      stmt = iop_store_prepare (self,
                                "INSERT INTO progress_entries (goal_id, objective_id, date, rating, note,"
                                " author_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, goal_id);
      iop_bind_id_or_null (stmt, 2, key_id (ctx, pe->objective));
      iop_bind_text (stmt, 3, pe->date);
      sqlite3_bind_int (stmt, 4, pe->rating);
      iop_bind_text (stmt, 5, pe->note);
      iop_bind_id_or_null (stmt, 6, staff_id (ctx, pe->author));
      if (!iop_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_plans (IopStore                *self,
              WriteContext            *ctx,
              IopExchangeParticipant  *p,
              gboolean                 existing,
              GError                 **error)
{
  gint64 previous_id = 0;
  int base_version = 0;
  guint last_draft = G_MAXUINT;
  sqlite3_stmt *stmt;

  if (existing)
    {
      for (guint i = 0; i + 1 < p->plans->len; i++)
        iop_exchange_add_message (ctx->exchange,
                                  _("%s: plan version %d of the file was not imported; someone already here gets only the file’s latest plan, as a new draft"),
                                  p->record_number, ((IopExchangePlan *) g_ptr_array_index (p->plans, i))->version);
    }
  if (existing)
    {
      stmt = iop_store_prepare (self,
                                "SELECT id, version FROM treatment_plans WHERE participant_id = ?1"
                                " ORDER BY version DESC LIMIT 1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, p->id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          previous_id = sqlite3_column_int64 (stmt, 0);
          base_version = sqlite3_column_int (stmt, 1);
        }
      sqlite3_reset (stmt);
    }

  /* A participant has at most one draft. Into someone already here only the
   * file's latest plan comes, as the new draft version; for someone new, an
   * unsigned earlier version (FHIR has no signatures) is kept as history. */
  for (guint i = 0; i < p->plans->len; i++)
    {
      IopExchangePlan *plan = g_ptr_array_index (p->plans, i);

      if (!existing && g_strcmp0 (plan->state, "draft") == 0)
        last_draft = i;
    }

  for (guint i = existing && p->plans->len > 0 ? p->plans->len - 1 : 0; i < p->plans->len; i++)
    {
      IopExchangePlan *plan = g_ptr_array_index (p->plans, i);
      gint64 plan_id;
      int version = existing ? base_version + 1 : plan->version;
      gint64 supersedes = existing ? previous_id : key_id (ctx, plan->supersedes);
      const char *state = plan->state;
      g_autofree char *now = iop_timestamp_now ();

      if (existing && g_strcmp0 (plan->state, "draft") != 0)
        iop_exchange_add_message (ctx->exchange,
                                  _("%s: plan version %d of the file was signed elsewhere; it was added as draft version %d here, for review and signing"),
                                  p->record_number, plan->version, version);
      if (!existing && g_strcmp0 (state, "draft") == 0 && i != last_draft)
        {
          state = "superseded";
          iop_exchange_add_message (ctx->exchange,
                                    _("%s: the unsigned plan version %d of the file was kept as a superseded version; only the latest one is a draft"),
                                    p->record_number, plan->version);
        }

      /* Children may only be added while a plan is a draft: insert it as one,
       * fill it, then give it its state. */
      stmt = iop_store_prepare (self,
                                "INSERT INTO treatment_plans (participant_id, version, state, created_at,"
                                " created_by, effective_date, review_due, participant_agreed, agreement_note,"
                                " supersedes_id) VALUES (?1, ?2, 'draft', ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, p->id);
      sqlite3_bind_int (stmt, 2, version);
      iop_bind_text (stmt, 3, plan->created_at != NULL ? plan->created_at : now);
      iop_bind_id_or_null (stmt, 4, existing ? iop_store_get_actor (self) : staff_id (ctx, plan->created_by));
      iop_bind_text_or_null (stmt, 5, plan->effective_date);
      iop_bind_text_or_null (stmt, 6, plan->review_due);
      sqlite3_bind_int (stmt, 7, plan->participant_agreed ? 1 : 0);
      iop_bind_text (stmt, 8, plan->agreement_note);
      iop_bind_id_or_null (stmt, 9, supersedes);
      if (!iop_store_step_done (self, stmt, error))
        return FALSE;
      plan_id = sqlite3_last_insert_rowid (iop_store_get_db (self));
      if (plan->key != NULL)
        g_hash_table_insert (ctx->ids, plan->key, GSIZE_TO_POINTER ((gsize) plan_id));
      previous_id = plan_id;

      for (guint j = 0; j < plan->problems->len; j++)
        {
          IopExchangeProblem *pr = g_ptr_array_index (plan->problems, j);

          stmt = iop_store_prepare (self,
                                    "INSERT INTO problems (plan_id, position, description, life_area,"
                                    " asam_dimension) VALUES (?1, ?2, ?3, ?4, ?5)", error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, plan_id);
          sqlite3_bind_int (stmt, 2, pr->position);
          iop_bind_text (stmt, 3, pr->description);
          iop_bind_text (stmt, 4, pr->life_area);
          if (pr->asam_dimension > 0)
            sqlite3_bind_int (stmt, 5, pr->asam_dimension);
          else
            sqlite3_bind_null (stmt, 5);
          if (!iop_store_step_done (self, stmt, error))
            return FALSE;
          if (pr->key != NULL)
            g_hash_table_insert (ctx->ids, pr->key,
                                 GSIZE_TO_POINTER ((gsize) sqlite3_last_insert_rowid (iop_store_get_db (self))));
        }
      for (guint j = 0; j < plan->goals->len; j++)
        if (!insert_goal (self, ctx, plan_id, g_ptr_array_index (plan->goals, j), error))
          return FALSE;

      if (!existing && g_strcmp0 (state, "draft") != 0)
        {
          stmt = iop_store_prepare (self,
                                    "UPDATE treatment_plans SET state = ?2, signed_by = ?3, signed_at = ?4"
                                    " WHERE id = ?1", error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, plan_id);
          iop_bind_text (stmt, 2, state);
          iop_bind_id_or_null (stmt, 3, staff_id (ctx, plan->signed_by));
          iop_bind_text_or_null (stmt, 4, plan->signed_at);
          if (!iop_store_step_done (self, stmt, error))
            return FALSE;
        }
      else if (!existing)
        {
          stmt = iop_store_prepare (self,
                                    "UPDATE treatment_plans SET signed_by = ?2, signed_at = ?3 WHERE id = ?1",
                                    error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, plan_id);
          iop_bind_id_or_null (stmt, 2, staff_id (ctx, plan->signed_by));
          iop_bind_text_or_null (stmt, 3, plan->signed_at);
          if (!iop_store_step_done (self, stmt, error))
            return FALSE;
        }

      ctx->n_plans++;
      ctx->last_plan_id = plan_id;
      iop_store_mark_changed (self, IOP_KIND_PLAN);
    }
  return TRUE;
}

static gboolean
insert_measures (IopStore                *self,
                 WriteContext            *ctx,
                 IopExchangeParticipant  *p,
                 gboolean                 existing,
                 GError                 **error)
{
  for (guint i = 0; i < p->measures->len; i++)
    {
      IopExchangeMeasure *m = g_ptr_array_index (p->measures, i);
      sqlite3_stmt *stmt;
      gint64 measure_id;

      if (existing)
        {
          gboolean have;

          stmt = iop_store_prepare (self,
                                    "SELECT EXISTS (SELECT 1 FROM measures WHERE participant_id = ?1"
                                    " AND instrument = ?2 AND date = ?3)", error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, p->id);
          iop_bind_text (stmt, 2, m->instrument);
          iop_bind_text (stmt, 3, m->date);
          have = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0);
          sqlite3_reset (stmt);
          if (have)
            {
              iop_exchange_add_message (ctx->exchange,
                                        _("%s: the %s of %s is already recorded here; the file’s copy was skipped"),
                                        p->record_number, m->instrument, m->date);
              continue;
            }
        }

      stmt = iop_store_prepare (self,
                                "INSERT INTO measures (participant_id, instrument, date, complete, total, severity,"
                                " subscores, safety_flag, safety_ack_by, safety_ack_at, entered_by)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, p->id);
      iop_bind_text (stmt, 2, m->instrument);
      iop_bind_text (stmt, 3, m->date);
      sqlite3_bind_int (stmt, 4, m->complete ? 1 : 0);
      if (m->has_total)
        sqlite3_bind_int (stmt, 5, m->total);
      else
        sqlite3_bind_null (stmt, 5);
      iop_bind_text (stmt, 6, m->severity);
      iop_bind_text (stmt, 7, m->subscores);
      sqlite3_bind_int (stmt, 8, m->safety_flag ? 1 : 0);
      iop_bind_id_or_null (stmt, 9, staff_id (ctx, m->safety_ack_by));
      iop_bind_text_or_null (stmt, 10, m->safety_ack_at);
      iop_bind_id_or_null (stmt, 11, staff_id (ctx, m->entered_by));
      if (!iop_store_step_done (self, stmt, error))
        return FALSE;
      measure_id = sqlite3_last_insert_rowid (iop_store_get_db (self));

      for (guint j = 0; j < m->answers->len; j++)
        {
          IopExchangeAnswer *a = &g_array_index (m->answers, IopExchangeAnswer, j);

          stmt = iop_store_prepare (self,
                                    "INSERT INTO measure_answers (measure_id, item, value) VALUES (?1, ?2, ?3)",
                                    error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, measure_id);
          sqlite3_bind_int (stmt, 2, a->item);
          sqlite3_bind_int (stmt, 3, a->value);
          if (!iop_store_step_done (self, stmt, error))
            return FALSE;
        }
      ctx->n_measures++;
      iop_store_mark_changed (self, IOP_KIND_MEASURE);
    }
  return TRUE;
}

static gboolean
insert_profile (IopStore                *self,
                WriteContext            *ctx,
                IopExchangeParticipant  *p,
                GError                 **error)
{
  IopExchangeProfile *c = p->profile;
  sqlite3_stmt *stmt;
  gboolean have;

  if (c == NULL)
    return TRUE;

  stmt = iop_store_prepare (self,
                            "SELECT EXISTS (SELECT 1 FROM cultural_profiles WHERE participant_id = ?1)"
                            " OR EXISTS (SELECT 1 FROM cfi_answers WHERE participant_id = ?1)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, p->id);
  have = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  if (have)
    {
      iop_exchange_add_message (ctx->exchange,
                                _("%s: a cultural profile is already recorded here; the file’s profile was skipped"),
                                p->record_number);
      return TRUE;
    }

  stmt = iop_store_prepare (self,
                            "INSERT INTO cultural_profiles (participant_id, interpreter_needed, interpreter_arranged,"
                            " interpreter_details, communication, identity, family_roles, beliefs, spirituality,"
                            " stigma_concerns, observances, observance_weekdays, observance_start, observance_end,"
                            " dietary_needs, accessibility, respected_in_group, created_at, created_by, updated_at,"
                            " updated_by, reviewed_on, reviewed_by)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,"
                            " ?18, ?19, ?20, ?21, ?22, ?23)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, p->id);
  sqlite3_bind_int (stmt, 2, c->interpreter_needed ? 1 : 0);
  sqlite3_bind_int (stmt, 3, c->interpreter_arranged ? 1 : 0);
  iop_bind_text (stmt, 4, c->interpreter_details);
  iop_bind_text (stmt, 5, c->communication);
  iop_bind_text (stmt, 6, c->identity);
  iop_bind_text (stmt, 7, c->family_roles);
  iop_bind_text (stmt, 8, c->beliefs);
  iop_bind_text (stmt, 9, c->spirituality);
  iop_bind_text (stmt, 10, c->stigma_concerns);
  iop_bind_text (stmt, 11, c->observances);
  sqlite3_bind_int (stmt, 12, c->observance_weekdays);
  iop_bind_text_or_null (stmt, 13, c->observance_start);
  iop_bind_text_or_null (stmt, 14, c->observance_end);
  iop_bind_text (stmt, 15, c->dietary_needs);
  iop_bind_text (stmt, 16, c->accessibility);
  iop_bind_text (stmt, 17, c->respected_in_group);
  iop_bind_text (stmt, 18, c->created_at);
  iop_bind_id_or_null (stmt, 19, staff_id (ctx, c->created_by));
  iop_bind_text (stmt, 20, c->updated_at);
  iop_bind_id_or_null (stmt, 21, staff_id (ctx, c->updated_by));
  iop_bind_text (stmt, 22, c->reviewed_on);
  iop_bind_id_or_null (stmt, 23, staff_id (ctx, c->reviewed_by));
  if (!iop_store_step_done (self, stmt, error))
    return FALSE;

  for (guint i = 0; i < c->cfi->len; i++)
    {
      IopExchangeCfiAnswer *a = g_ptr_array_index (c->cfi, i);

      stmt = iop_store_prepare (self,
                                "INSERT INTO cfi_answers (participant_id, domain, answer, recorded_on, recorded_by)"
                                " VALUES (?1, ?2, ?3, ?4, ?5)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, p->id);
      sqlite3_bind_int (stmt, 2, a->domain);
      iop_bind_text (stmt, 3, a->answer);
      iop_bind_text (stmt, 4, a->recorded_on);
      iop_bind_id_or_null (stmt, 5, staff_id (ctx, a->recorded_by));
      if (!iop_store_step_done (self, stmt, error))
        return FALSE;
    }
  iop_store_mark_changed (self, IOP_KIND_CULTURAL);
  ctx->n_profiles++;
  return TRUE;
}

static gboolean
write_body (IopStore  *self,
            gpointer   user_data,
            GError   **error)
{
  WriteContext *ctx = user_data;
  GPtrArray *people = ctx->exchange->participants;

  if (!ensure_staff (self, ctx, error))
    return FALSE;

  for (guint i = 0; i < people->len; i++)
    {
      IopExchangeParticipant *p = g_ptr_array_index (people, i);
      gboolean existing = p->id != 0;

      g_autofree char *detail = NULL;

      g_hash_table_remove_all (ctx->ids);
      ctx->n_plans = ctx->n_measures = ctx->n_profiles = 0;
      ctx->last_plan_id = 0;
      if (!existing && !insert_participant (self, ctx, p, error))
        return FALSE;
      if (!insert_plans (self, ctx, p, existing, error)
          || !insert_measures (self, ctx, p, existing, error)
          || !insert_profile (self, ctx, p, error))
        return FALSE;
      /* One entry per person and import, with counts only — no clinical content
       * in the log; the record id is the newest plan written. */
      detail = g_strdup_printf ("format=%s participant=%s plans=%u measures=%u cultural-profile=%u",
                                ctx->format, existing ? "existing" : "new",
                                ctx->n_plans, ctx->n_measures, ctx->n_profiles);
      if (!iop_store_audit (self, "import", IOP_KIND_PLAN, ctx->last_plan_id, p->id, detail, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * iop_store_exchange_write:
 * @self: an #IopStore
 * @exchange: records read from a file (messages about what was skipped are appended to it)
 * @format: "native" or "fhir", for the audit log
 * @error: return location for a #GError
 *
 * Matches (see iop_store_exchange_match()) and writes every record of
 * @exchange in one transaction, with audit entries. On any error nothing is
 * written.
 *
 * Returns: %TRUE when everything was written
 */
gboolean
iop_store_exchange_write (IopStore     *self,
                          IopExchange  *exchange,
                          const char   *format,
                          GError      **error)
{
  g_autoptr(GHashTable) staff_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  WriteContext ctx = { exchange, format, staff_ids, ids, 0, 0, 0, 0 };
  guint n_messages = exchange->messages->len;

  g_return_val_if_fail (IOP_IS_STORE (self), FALSE);

  if (!iop_store_begin (self, error))
    return FALSE;
  if (!iop_store_exchange_match (self, exchange, error) || !write_body (self, &ctx, error))
    {
      iop_store_rollback (self);
      /* Nothing was written, so nothing was skipped either. */
      g_ptr_array_remove_range (exchange->messages, n_messages, exchange->messages->len - n_messages);
      return FALSE;
    }
  return iop_store_commit (self, error);
}
