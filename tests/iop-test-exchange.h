/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* A fictional plan record built as structs, written through the store: test data
 * for the importers and exporters without SQL outside src/core. */

#include "iop-store-exchange.h"

static inline char *
iop_test_s (const char *text)
{
  return g_strdup (text);
}

static inline IopExchangeGoal *
iop_test_goal (const char *plan_key,
               int         n,
               const char *statement,
               const char *status,
               const char *carried_from)
{
  IopExchangeGoal *g = iop_exchange_goal_new ();
  IopExchangeObjective *o = iop_exchange_objective_new ();
  IopExchangeIntervention *iv = iop_exchange_intervention_new ();
  IopExchangeProgress *pe = iop_exchange_progress_new ();

  g->key = g_strdup_printf ("%s-g%d", plan_key, n);
  g->position = n;
  g->statement = iop_test_s (statement);
  g->own_words = iop_test_s ("I want my weekends back & my family's trust <3");
  g->status = iop_test_s (status);
  g->target_date = iop_test_s ("2026-06-30");
  g->problem = g_strdup_printf ("%s-pr1", plan_key);
  g->carried_from = carried_from != NULL ? g_strdup (carried_from) : NULL;

  o->key = g_strdup_printf ("%s-o1", g->key);
  o->position = 1;
  o->statement = iop_test_s ("Attend 3 groups a week\nand call a sponsor daily");
  o->status = iop_test_s ("active");
  o->target_date = iop_test_s ("2026-04-15");
  iv->description = iop_test_s ("Relapse prevention group, Tue/Thu");
  iv->responsible = iop_test_s ("Primary counselor");
  iv->frequency = iop_test_s ("Twice weekly");
  g_ptr_array_add (o->interventions, iv);
  g_ptr_array_add (g->objectives, o);

  pe->date = iop_test_s ("2026-03-02");
  pe->rating = 6;
  pe->note = iop_test_s ("Used coping card twice; “better week”.");
  pe->author = iop_test_s ("jrivera");
  pe->objective = g_strdup (o->key);
  g_ptr_array_add (g->progress, pe);
  return g;
}

static inline IopExchangePlan *
iop_test_plan (int         version,
               const char *state,
               const char *supersedes)
{
  IopExchangePlan *plan = iop_exchange_plan_new ();
  IopExchangeProblem *pr = iop_exchange_problem_new ();

  plan->version = version;
  plan->key = g_strdup_printf ("v%d", version);
  plan->state = iop_test_s (state);
  plan->created_at = g_strdup_printf ("2026-0%d-01T10:00:00Z", version);
  plan->created_by = iop_test_s ("jrivera");
  plan->effective_date = g_strdup_printf ("2026-0%d-02", version);
  plan->review_due = g_strdup_printf ("2026-0%d-02", version + 3);
  if (g_strcmp0 (state, "draft") != 0)
    {
      plan->signed_by = iop_test_s ("msupervisor");
      plan->signed_at = g_strdup_printf ("2026-0%d-03T09:30:00Z", version);
    }
  plan->participant_agreed = TRUE;
  plan->agreement_note = iop_test_s ("Reviewed together in session.");
  plan->supersedes = supersedes != NULL ? g_strdup (supersedes) : NULL;

  pr->key = g_strdup_printf ("%s-pr1", plan->key);
  pr->position = 1;
  pr->description = iop_test_s ("Alcohol use disorder, moderate; drinking after work");
  pr->life_area = iop_test_s ("Substance use");
  pr->asam_dimension = 5;
  g_ptr_array_add (plan->problems, pr);
  return plan;
}

static inline IopExchangeParticipant *
iop_test_person (const char *record,
                 const char *first,
                 const char *last,
                 const char *dob)
{
  IopExchangeParticipant *p = iop_exchange_participant_new ();
  IopExchangePlan *v1 = iop_test_plan (1, "superseded", NULL);
  IopExchangePlan *v2 = iop_test_plan (2, "active", "v1");
  IopExchangeMeasure *m = iop_exchange_measure_new ();
  IopExchangeMeasure *m2 = iop_exchange_measure_new ();
  IopExchangeCfiAnswer *a = iop_exchange_cfi_answer_new ();

  p->record_number = iop_test_s (record);
  p->first_name = iop_test_s (first);
  p->last_name = iop_test_s (last);
  p->preferred_name = iop_test_s ("Mari");
  p->pronouns = iop_test_s ("she/her");
  p->date_of_birth = dob != NULL ? iop_test_s (dob) : NULL;
  p->primary_language = iop_test_s ("Spanish");
  p->level_of_care = iop_test_s ("adult-iop");
  p->admission_date = iop_test_s ("2026-01-05");
  p->discharge_reason = iop_test_s ("");
  p->status = iop_test_s ("active");
  p->primary_counselor = iop_test_s ("jrivera");
  p->diagnoses = iop_test_s ("F10.20");
  p->co_occurring = TRUE;
  p->phone = iop_test_s ("555-0100");
  p->email = iop_test_s ("");
  p->address = iop_test_s ("");
  p->emergency_name = iop_test_s ("");
  p->emergency_phone = iop_test_s ("");
  p->emergency_relationship = iop_test_s ("");

  g_ptr_array_add (v1->goals, iop_test_goal ("v1", 1, "Stay sober through the week", "partially-met", NULL));
  g_ptr_array_add (v2->goals, iop_test_goal ("v2", 1, "Stay sober through the week", "active", "v1-g1"));
  g_ptr_array_add (v2->goals, iop_test_goal ("v2", 2, "Sleep 7 hours a night", "met", NULL));
  g_ptr_array_add (p->plans, v1);
  g_ptr_array_add (p->plans, v2);

  m->instrument = iop_test_s ("GAD-7");
  m->date = iop_test_s ("2026-02-01");
  m->has_total = TRUE;
  m->total = 11;
  m->severity = iop_test_s ("moderate");
  m->subscores = iop_test_s ("");
  m->entered_by = iop_test_s ("jrivera");
  for (int i = 1; i <= 7; i++)
    {
      IopExchangeAnswer ans = { i, i % 3 };
      g_array_append_val (m->answers, ans);
    }
  m2->instrument = iop_test_s ("PHQ-9");
  m2->date = iop_test_s ("2026-02-01");
  m2->has_total = TRUE;
  m2->total = 14;
  m2->severity = iop_test_s ("moderate");
  m2->subscores = iop_test_s ("");
  m2->safety_flag = TRUE;
  m2->safety_ack_by = iop_test_s ("msupervisor");
  m2->safety_ack_at = iop_test_s ("2026-02-01T12:00:00Z");
  for (int i = 1; i <= 9; i++)
    {
      IopExchangeAnswer ans = { i, (i * 7) % 4 };
      g_array_append_val (m2->answers, ans);
    }
  g_ptr_array_add (p->measures, m);
  g_ptr_array_add (p->measures, m2);

  p->profile = iop_exchange_profile_new ();
  p->profile->interpreter_needed = TRUE;
  p->profile->interpreter_details = iop_test_s ("Spanish, in person");
  p->profile->communication = iop_test_s ("Prefers Spanish for feelings talk");
  p->profile->identity = iop_test_s ("");
  p->profile->family_roles = iop_test_s ("Eldest daughter; cares for mother");
  p->profile->beliefs = iop_test_s ("");
  p->profile->spirituality = iop_test_s ("Catholic");
  p->profile->stigma_concerns = iop_test_s ("");
  p->profile->observances = iop_test_s ("Sunday mass");
  p->profile->observance_weekdays = 64;
  p->profile->observance_start = iop_test_s ("09:00");
  p->profile->observance_end = iop_test_s ("11:30");
  p->profile->dietary_needs = iop_test_s ("");
  p->profile->accessibility = iop_test_s ("");
  p->profile->respected_in_group = iop_test_s ("Use her preferred name");
  p->profile->created_at = iop_test_s ("2026-01-06T08:00:00Z");
  p->profile->created_by = iop_test_s ("jrivera");
  p->profile->updated_at = iop_test_s ("2026-01-07T08:00:00Z");
  p->profile->updated_by = iop_test_s ("jrivera");
  p->profile->reviewed_on = iop_test_s ("2026-01-07");
  p->profile->reviewed_by = iop_test_s ("msupervisor");
  a->domain = 1;
  a->answer = iop_test_s ("Los nervios — the drinking calms them");
  a->recorded_on = iop_test_s ("2026-01-06");
  a->recorded_by = iop_test_s ("jrivera");
  g_ptr_array_add (p->profile->cfi, a);
  return p;
}

static inline IopExchange *
iop_test_exchange (guint n_people)
{
  IopExchange *e = iop_exchange_new ();
  IopExchangeStaff *s1 = iop_exchange_staff_new ();
  IopExchangeStaff *s2 = iop_exchange_staff_new ();

  s1->username = iop_test_s ("jrivera");
  s1->full_name = iop_test_s ("Jordan Rivera");
  s1->role = iop_test_s ("counselor");
  s1->credentials = iop_test_s ("LCSW");
  s2->username = iop_test_s ("msupervisor");
  s2->full_name = iop_test_s ("Morgan Lee");
  s2->role = iop_test_s ("supervisor");
  g_ptr_array_add (e->staff, s1);
  g_ptr_array_add (e->staff, s2);

  for (guint i = 0; i < n_people; i++)
    {
      g_autofree char *record = g_strdup_printf ("C-%05u", i + 1);
      g_autofree char *last = g_strdup_printf ("López %u", i + 1);
      g_ptr_array_add (e->participants, iop_test_person (record, "María", i == 0 ? "López" : last, "1988-04-12"));
    }
  return e;
}
