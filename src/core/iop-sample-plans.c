/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-sample-plans"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "iop-date.h"
#include "iop-instrument.h"
#include "iop-sample-private.h"
#include "iop-store-measures.h"
#include "iop-store-people.h"
#include "iop-store-plans.h"

/*
 * Every sample participant's treatment plan, progress toward its goals and a
 * history of measures, built in the order it would have happened: a plan is
 * signed a few days after admission, reviewed about every four weeks (a few
 * reviews are overdue), progress is rated weekly, the PHQ-9 and GAD-7 are given
 * every two weeks and the BAM weekly. Some participants improve, some stay
 * where they were, a few get worse; one PHQ-9 has item 9 answered above 0 and
 * is waiting for a counselor to acknowledge it.
 */

/* How a participant's scores move over their stay. */
typedef enum {
  COURSE_IMPROVING,
  COURSE_FLAT,
  COURSE_WORSENING,
} Course;

typedef struct {
  const char *life_area;
  int         asam;
  const char *problem;
  const char *own_words;
  const char *statement;
  const char *objectives[2];
  const char *interventions[2][3];   /* what, who, how often */
} GoalTemplate;

/* Substance use goals, by the ICD-10 code of the primary diagnosis. */
static const struct {
  const char   *code;
  GoalTemplate  goal;
} substance_goals[] = {
  { "F10", { N_("Substance use"), 5,
             N_("Daily drinking to manage stress; two failed attempts to cut down on their own"),
             N_("“I want to stop drinking and be someone my family can count on.”"),
             N_("Abstinent from alcohol for 30 consecutive days, confirmed by breathalyzer at each group and self-report"),
             { N_("Name three personal triggers for drinking and one coping skill for each"),
               N_("Build a sober support network of at least three people and call one of them weekly") },
             { { N_("Relapse prevention group"), N_("Group counselor"), N_("2 times a week") },
               { N_("Individual counseling: trigger mapping"), N_("Primary counselor"), N_("Weekly") } } } },
  { "F11", { N_("Substance use"), 5,
             N_("Opioid use with two overdoses in the past year"),
             N_("“I want to stay alive and stay on my medication.”"),
             N_("No illicit opioid use, by weekly urine drug screens, while keeping every medication appointment"),
             { N_("Keep every medication for opioid use disorder appointment for 8 weeks"),
               N_("Carry naloxone and teach one family member to use it") },
             { { N_("Medication for opioid use disorder with counseling"), N_("Prescriber and primary counselor"), N_("Weekly") },
               { N_("Relapse prevention group"), N_("Group counselor"), N_("2 times a week") } } } },
  { "F12", { N_("Substance use"), 5,
             N_("Daily cannabis use affecting school, work and motivation"),
             N_("“I want a clear head and to finish what I start.”"),
             N_("Cannabis use on no more than 2 days in any 30, by self-report and urine screens"),
             { N_("Track use and urges daily in a log for 4 weeks"),
               N_("Replace evening use with one planned activity 4 nights a week") },
             { { N_("Coping skills group"), N_("Group counselor"), N_("2 times a week") },
               { N_("Motivational interviewing sessions"), N_("Primary counselor"), N_("Weekly") } } } },
  { "F13", { N_("Substance use"), 5,
             N_("Benzodiazepine misuse beyond prescription, tapering under medical supervision"),
             N_("“I want to get through the day without pills.”"),
             N_("Completes the supervised taper with no use beyond the prescribed dose, by pill counts and screens"),
             { N_("Attend every taper appointment and bring the pill count"),
               N_("Use a grounding skill instead of an extra dose at least 3 times a week") },
             { { N_("Medically supervised taper"), N_("Prescriber"), N_("Every 2 weeks") },
               { N_("Mindfulness and stress management group"), N_("Group counselor"), N_("Weekly") } } } },
  { "F14", { N_("Substance use"), 5,
             N_("Cocaine binges on paydays, with debt and missed work"),
             N_("“I want to keep my paycheck and my job.”"),
             N_("No cocaine use for 60 days, by urine screens, with paychecks deposited directly"),
             { N_("Set up direct deposit and a spending plan with a trusted person"),
               N_("Identify high-risk paydays and plan a sober activity for each") },
             { { N_("Relapse prevention group"), N_("Group counselor"), N_("3 times a week") },
               { N_("Contingency management: vouchers for negative screens"), N_("Program staff"), N_("2 times a week") } } } },
  { "F15", { N_("Substance use"), 5,
             N_("Methamphetamine use with sleep loss and paranoia"),
             N_("“I want to sleep, think straight and get my kids back.”"),
             N_("No stimulant use for 60 days, by twice-weekly urine screens"),
             { N_("Keep a regular sleep schedule, 6 or more hours on 5 nights a week"),
               N_("Complete the parenting class required by child protective services") },
             { { N_("Matrix-model early recovery group"), N_("Group counselor"), N_("3 times a week") },
               { N_("Case management with child protective services"), N_("Case manager"), N_("Every 2 weeks") } } } },
};

/* Co-occurring conditions, by ICD-10 code. */
static const struct {
  const char   *code;
  GoalTemplate  goal;
} mental_health_goals[] = {
  { "F3", { N_("Mental health"), 3,
            N_("Depressed mood, poor sleep and withdrawal from family"),
            N_("“I want to feel like myself again and enjoy things.”"),
            N_("PHQ-9 total below 10 on two administrations in a row"),
            { N_("Schedule and complete one pleasant activity every day for 2 weeks"),
              N_("Take antidepressant as prescribed and report side effects at each visit") },
            { { N_("Behavioral activation in individual sessions"), N_("Primary counselor"), N_("Weekly") },
              { N_("Psychiatric medication management"), N_("Psychiatrist"), N_("Monthly") } } } },
  { "F41", { N_("Mental health"), 3,
             N_("Constant worry and panic that lead to using"),
             N_("“I want to handle my anxiety without a drink or a pill.”"),
             N_("GAD-7 total below 10, and uses a coping skill instead of a substance when anxious, by weekly self-report"),
             { N_("Practice paced breathing twice a day and log it"),
               N_("Face one avoided situation a week from a fear ladder") },
             { { N_("Mindfulness and stress management group"), N_("Group counselor"), N_("Weekly") },
               { N_("Cognitive behavioral therapy for anxiety"), N_("Primary counselor"), N_("Weekly") } } } },
  { "F43", { N_("Mental health"), 3,
             N_("Trauma memories and nightmares that trigger use"),
             N_("“I want the nightmares to stop running my life.”"),
             N_("Uses a grounding skill during trauma reminders instead of using, by self-report, 4 of 5 times"),
             { N_("Learn and practice three grounding skills"),
               N_("Complete Seeking Safety topics 1–8") },
             { { N_("Seeking Safety group"), N_("Group counselor"), N_("2 times a week") },
               { N_("Trauma-informed individual counseling"), N_("Primary counselor"), N_("Weekly") } } } },
  { "F9", { N_("Mental health"), 3,
            N_("Impulsivity and trouble following through, at school and at home"),
            N_("“I want to stop getting in trouble for things I didn't plan to do.”"),
            N_("Completes 4 of 5 school days a week without a behavior referral, by school report"),
            { N_("Use a stop-and-think card in two situations a week"),
              N_("Meet with the school counselor every other week") },
            { { N_("Family sessions"), N_("Primary counselor"), N_("Every 2 weeks") },
              { N_("Coordination with the school counselor"), N_("Primary counselor"), N_("Every 2 weeks") } } } },
};

static const GoalTemplate adult_life_goal = {
  N_("Relationships and recovery environment"), 6,
  N_("Few sober supports; most friends still use"),
  N_("“I need people around me who aren't using.”"),
  N_("Attends at least 2 mutual-help meetings a week and names a sponsor or mentor, by attendance sheets"),
  { N_("Try three different mutual-help meetings and choose a home group"), NULL },
  { { N_("Linkage to mutual-help groups (AA, NA, SMART Recovery)"), N_("Peer recovery specialist"), N_("Weekly") },
    { NULL, NULL, NULL } },
};

static const GoalTemplate teen_life_goal = {
  N_("School and family"), 6,
  N_("Falling grades and conflict at home about use"),
  N_("“I want my parents off my back and to pass my classes.”"),
  N_("Attends school 90% of days and passes all classes this term, by school records"),
  { N_("Attend a weekly family session with a parent or guardian"), NULL },
  { { N_("Multidimensional family therapy"), N_("Family therapist"), N_("Weekly") }, { NULL, NULL, NULL } },
};

static const char *progress_notes[] = {
  N_("Discussed triggers from the week; identified a new high-risk situation."),
  N_("Used a coping skill from group when urges came up over the weekend."),
  N_("Reported a hard week; reviewed the plan and recommitted to goals."),
  N_("Shared progress in group and received support from peers."),
  N_("Completed the homework and practiced the skill twice."),
  N_("Missed a meeting but called a support person instead of using."),
};

/* Deterministic spread, so the sample reads the same every time. */
static int
spread (int a,
        int b,
        int modulo)
{
  return (int) (((guint) a * 2654435761u + (guint) b * 40503u) >> 7) % modulo;
}

static Course
course_of (int index)
{
  if (index % 7 == 4)
    return COURSE_WORSENING;
  if (index % 5 == 3)
    return COURSE_FLAT;
  return COURSE_IMPROVING;
}

static const GoalTemplate *
substance_template (const char *diagnoses)
{
  for (guint i = 0; i < G_N_ELEMENTS (substance_goals); i++)
    if (g_str_has_prefix (diagnoses, substance_goals[i].code))
      return &substance_goals[i].goal;
  return &substance_goals[0].goal;
}

/* The first co-occurring condition listed after the substance use diagnosis. */
static const GoalTemplate *
mental_health_template (const char *diagnoses)
{
  const char *second = strstr (diagnoses, "; ");

  if (second == NULL)
    return NULL;
  second += 2;
  for (guint i = 0; i < G_N_ELEMENTS (mental_health_goals); i++)
    if (g_str_has_prefix (second, mental_health_goals[i].code))
      return &mental_health_goals[i].goal;
  return NULL;
}

static gboolean
add_goal_from_template (IopStore            *store,
                        gint64               plan_id,
                        const GoalTemplate  *t,
                        const char          *target_date,
                        GError             **error)
{
  g_autoptr(IopProblem) problem = iop_problem_new ();
  g_autoptr(IopGoal) goal = iop_goal_new ();

  iop_problem_set_plan_id (problem, plan_id);
  iop_problem_set_description (problem, _(t->problem));
  iop_problem_set_life_area (problem, _(t->life_area));
  iop_problem_set_asam_dimension (problem, t->asam);
  if (!iop_store_add_problem (store, problem, error))
    return FALSE;

  iop_goal_set_plan_id (goal, plan_id);
  iop_goal_set_problem_id (goal, iop_problem_get_id (problem));
  iop_goal_set_own_words (goal, _(t->own_words));
  iop_goal_set_statement (goal, _(t->statement));
  iop_goal_set_target_date (goal, target_date);
  if (!iop_store_add_goal (store, goal, error))
    return FALSE;

  for (guint k = 0; k < G_N_ELEMENTS (t->objectives) && t->objectives[k] != NULL; k++)
    {
      g_autoptr(IopObjective) objective = iop_objective_new ();
      g_autoptr(IopIntervention) intervention = iop_intervention_new ();

      iop_objective_set_goal_id (objective, iop_goal_get_id (goal));
      iop_objective_set_statement (objective, _(t->objectives[k]));
      iop_objective_set_target_date (objective, target_date);
      if (!iop_store_add_objective (store, objective, error))
        return FALSE;
      if (t->interventions[k][0] == NULL)
        continue;
      iop_intervention_set_objective_id (intervention, iop_objective_get_id (objective));
      iop_intervention_set_description (intervention, _(t->interventions[k][0]));
      iop_intervention_set_responsible (intervention, _(t->interventions[k][1]));
      iop_intervention_set_frequency (intervention, _(t->interventions[k][2]));
      if (!iop_store_add_intervention (store, intervention, error))
        return FALSE;
    }
  return TRUE;
}

/* A review: the next version marks the first objective met and adds a step. */
static gboolean
revise_draft (IopStore  *store,
              gint64     plan_id,
              int        version,
              GError   **error)
{
  g_autoptr(GPtrArray) goals = iop_store_list_goals (store, plan_id, error);
  g_autoptr(GPtrArray) objectives = NULL;
  g_autoptr(IopObjective) next = iop_objective_new ();
  IopObjective *first;
  static const char *steps[] = {
    N_("Write a relapse prevention plan and review it with a support person"),
    N_("Lead one check-in in group about a coping skill that works"),
    N_("Welcome a newer group member and share one thing that helped early on"),
  };

  if (goals == NULL)
    return FALSE;
  objectives = iop_store_list_objectives (store, iop_goal_get_id (g_ptr_array_index (goals, 0)), error);
  if (objectives == NULL)
    return FALSE;
  first = g_ptr_array_index (objectives, 0);
  if (g_strcmp0 (iop_objective_get_status (first), "met") != 0)
    {
      iop_objective_set_status (first, "met");
      if (!iop_store_update_objective (store, first, error))
        return FALSE;
    }
  iop_objective_set_goal_id (next, iop_goal_get_id (g_ptr_array_index (goals, 0)));
  iop_objective_set_statement (next, _(steps[MIN ((guint) MAX (version - 2, 0), G_N_ELEMENTS (steps) - 1)]));
  return iop_store_add_objective (store, next, error);
}

static int
rating_on (Course course,
           int    index,
           int    week)
{
  int start = 2 + spread (index, 1, 2);
  int r;

  switch (course)
    {
    case COURSE_IMPROVING:
      r = start + week;
      break;
    case COURSE_FLAT:
      r = start + 1 + (week % 2);
      break;
    case COURSE_WORSENING:
    default:
      r = start + 2 - week / 2;
      break;
    }
  return CLAMP (r, 0, 9);
}

/* Weekly progress on every active goal of the active plan, from @from up to (not including) @until. */
static gboolean
add_progress (IopStore          *store,
              IopSampleContext  *ctx,
              int                index,
              gint64             participant_id,
              const char        *plan_start,
              const char        *from,
              const char        *until,
              GError           **error)
{
  g_autoptr(GPtrArray) goals = iop_store_list_active_goals (store, participant_id, error);
  g_autoptr(GPtrArray) sessions = NULL;
  Course course = course_of (index);

  if (goals == NULL)
    return FALSE;
  sessions = iop_store_list_progress_sessions (store, participant_id, error);
  if (sessions == NULL)
    return FALSE;

  for (int day = 4; ; day += 7)
    {
      g_autofree char *date = iop_date_add_days (plan_start, day);
      g_autofree char *week_start = iop_date_add_days (date, -6);
      IopSessionRef *session = NULL;
      int week = day / 7;

      if (g_strcmp0 (date, from) < 0)
        continue;
      if (g_strcmp0 (date, until) >= 0 || g_strcmp0 (date, ctx->today) > 0)
        break;

      /* The golden thread: the week's rating comes from the latest documented
       * session the participant attended that week, when there was one. */
      for (guint k = 0; k < sessions->len && session == NULL; k++)
        {
          IopSessionRef *ref = g_ptr_array_index (sessions, k);

          if (g_strcmp0 (ref->date, date) <= 0 && g_strcmp0 (ref->date, week_start) >= 0
              && g_strcmp0 (ref->date, from) >= 0)
            session = ref;
        }

      for (guint g = 0; g < goals->len; g++)
        {
          g_autoptr(IopProgressEntry) entry = iop_progress_entry_new ();

          iop_progress_entry_set_goal_id (entry, iop_goal_get_id (g_ptr_array_index (goals, g)));
          iop_progress_entry_set_date (entry, session != NULL ? session->date : date);
          iop_progress_entry_set_session_id (entry, session != NULL ? session->session_id : 0);
          iop_progress_entry_set_rating (entry, CLAMP (rating_on (course, index + (int) g, week) - (int) g, 0, 10));
          iop_progress_entry_set_note (entry, _(progress_notes[spread (index, week + (int) g, G_N_ELEMENTS (progress_notes))]));
          if (!iop_store_add_progress (store, entry, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
sign (IopStore    *store,
      gint64       plan_id,
      const char  *date,
      int          index,
      GError     **error)
{
  static const char *notes[] = {
    N_("Participant signed the plan"),
    N_("Participant signed; copy given"),
    N_("Verbal agreement; signature on the paper copy in the chart"),
  };

  return iop_store_sign_plan (store, plan_id, date, TRUE, _(notes[index % G_N_ELEMENTS (notes)]), error);
}

static gboolean
load_plan (IopStore          *store,
           IopSampleContext  *ctx,
           int                index,
           IopParticipant    *p,
           GError           **error)
{
  const char *admitted = iop_participant_get_admission_date (p);
  const char *diagnoses = iop_participant_get_diagnoses (p);
  gboolean teen = g_strcmp0 (iop_participant_get_level_of_care (p), "adolescent-iop") == 0;
  gint64 participant_id = iop_participant_get_id (p);
  /* A few reviews are overdue; the newest admission has only a draft; one
   * participant's next version is being drafted. */
  gboolean overdue = index == 5 || index == 13 || index == 17 || index == 30;
  gboolean draft_only = index == IOP_SAMPLE_N_PARTICIPANTS - 1;
  gboolean pending_draft = index == 1;
  const GoalTemplate *mental = mental_health_template (diagnoses);
  g_autofree char *effective = iop_date_add_days (admitted, 3);
  g_autofree char *target = iop_date_add_days (admitted, 90);
  gint64 plan_id;
  int version = 1;

  iop_store_set_actor (store, iop_participant_get_primary_counselor_id (p));

  if (!iop_store_create_plan_version (store, participant_id, &plan_id, error)
      || !add_goal_from_template (store, plan_id, substance_template (diagnoses), target, error)
      || (mental != NULL && !add_goal_from_template (store, plan_id, mental, target, error))
      || ((teen || index % 3 == 0) && !add_goal_from_template (store, plan_id, teen ? &teen_life_goal : &adult_life_goal,
                                                               target, error)))
    return FALSE;
  if (draft_only)
    return TRUE;
  if (!sign (store, plan_id, effective, index, error))
    return FALSE;

  /* Reviewed every 28 days, each review a new version signed on the day. */
  for (;;)
    {
      g_autofree char *next = iop_date_add_days (effective, 28);
      const char *discharged = iop_participant_get_discharge_date (p);
      gboolean review = !overdue && version < 3 && g_strcmp0 (next, ctx->today) <= 0
                        && (*discharged == '\0' || g_strcmp0 (next, discharged) < 0);

      if (!add_progress (store, ctx, index, participant_id, admitted, effective,
                         review ? next : (*discharged ? discharged : "9999-12-31"), error))
        return FALSE;
      if (!review)
        break;
      version++;
      if (!iop_store_create_plan_version (store, participant_id, &plan_id, error)
          || !revise_draft (store, plan_id, version, error)
          || !sign (store, plan_id, next, index, error))
        return FALSE;
      g_free (effective);
      effective = g_steal_pointer (&next);
    }

  if (pending_draft)
    {
      if (!iop_store_create_plan_version (store, participant_id, &plan_id, error)
          || !revise_draft (store, plan_id, version + 1, error))
        return FALSE;
    }
  return TRUE;
}

/* Answers adding up to @total, spread over the items from a deterministic start. */
static void
answers_for_total (int *answers,
                   guint n,
                   int   max_per_item,
                   int   total,
                   int   seed,
                   guint reserved)
{
  guint i = spread (seed, total, n);

  memset (answers, 0, n * sizeof (int));
  total = CLAMP (total, 0, (int) (n - (reserved > 0 ? 1 : 0)) * max_per_item);
  while (total > 0)
    {
      if (i + 1 != reserved && answers[i] < max_per_item)
        {
          answers[i]++;
          total--;
        }
      i = (i + 4) % n;   /* steps of 4 visit every item when n is 7 or 9 */
    }
}

static int
score_on (Course course,
          int    start,
          int    step)
{
  switch (course)
    {
    case COURSE_IMPROVING:
      return start - 3 * step;
    case COURSE_FLAT:
      return start + (step % 2 == 0 ? 0 : 1);
    case COURSE_WORSENING:
    default:
      return start + 2 * step;
    }
}

static gboolean
load_measures (IopStore               *store,
               IopSampleContext       *ctx,
               IopInstrumentRegistry  *registry,
               int                     index,
               IopParticipant         *p,
               GError                **error)
{
  IopInstrument *phq9 = iop_instrument_registry_lookup (registry, "PHQ-9");
  IopInstrument *gad7 = iop_instrument_registry_lookup (registry, "GAD-7");
  IopInstrument *bam = iop_instrument_registry_lookup (registry, "BAM");
  const char *admitted = iop_participant_get_admission_date (p);
  const char *discharged = iop_participant_get_discharge_date (p);
  const char *diagnoses = iop_participant_get_diagnoses (p);
  gint64 participant_id = iop_participant_get_id (p);
  Course course = course_of (index);
  gboolean depressed = strstr (diagnoses, "F32") != NULL || strstr (diagnoses, "F33") != NULL;
  gboolean anxious = strstr (diagnoses, "F41") != NULL || strstr (diagnoses, "F43") != NULL;
  int phq_start = (depressed ? 17 : 9) + spread (index, 2, 4);
  int gad_start = (anxious ? 15 : 7) + spread (index, 3, 4);
  gint64 flagged_id = 0;

  if (phq9 == NULL || gad7 == NULL || bam == NULL)
    {
      g_set_error_literal (error, IOP_STORE_ERROR, IOP_STORE_ERROR_FAILED,
                           _("The sample program needs the PHQ-9, GAD-7 and BAM definitions."));
      return FALSE;
    }

  iop_store_set_actor (store, iop_participant_get_primary_counselor_id (p));

  for (int day = 1, step = 0; ; day += 7, step++)
    {
      g_autofree char *date = iop_date_add_days (admitted, day);
      int b[17];

      if (g_strcmp0 (date, ctx->today) > 0 || (*discharged && g_strcmp0 (date, discharged) > 0))
        break;

      /* PHQ-9 and GAD-7 every other week. */
      if (step % 2 == 0)
        {
          int phq[9], gad[7];
          int total = CLAMP (score_on (course, phq_start, step / 2), 1, 26);
          gint64 id = 0;
          /* Kwame (PHP, severe depression) answers item 9 on his latest PHQ-9;
           * Joe did weeks ago, and his counselor acknowledged it. */
          g_autofree char *next = iop_date_add_days (date, 14);
          gboolean latest = g_strcmp0 (next, ctx->today) > 0;
          gboolean item9 = (index == 22 && latest) || (index == 18 && step == 2);

          answers_for_total (phq, 9, 3, total - (item9 ? 1 : 0), index * 31 + step, 9);
          if (item9)
            phq[8] = 1;
          /* One questionnaire came back with an item skipped. */
          if (index == 7 && step == 2)
            phq[4] = IOP_ANSWER_MISSING;
          if (!iop_store_add_measure (store, phq9, participant_id, date, phq, 9, 0, &id, error))
            return FALSE;
          if (index == 18 && step == 2)
            flagged_id = id;

          answers_for_total (gad, 7, 3, CLAMP (score_on (course, gad_start, step / 2), 0, 21), index * 17 + step, 0);
          if (!iop_store_add_measure (store, gad7, participant_id, date, gad, 7, 0, NULL, error))
            return FALSE;
        }

      /* BAM weekly: use falls and protective factors grow when things go well. */
      for (guint i = 0; i < 17; i++)
        b[i] = spread (index + (int) i, step, 3);
      {
        int use = course == COURSE_IMPROVING ? MAX (0, 3 - step) : course == COURSE_FLAT ? 2 : MIN (4, 1 + step / 2);
        int protect = course == COURSE_IMPROVING ? MIN (4, 1 + step / 2) : course == COURSE_FLAT ? 2 : MAX (0, 2 - step / 2);

        b[3] = use;                                   /* days drinking */
        b[4] = MAX (0, use - 1);                      /* heavy drinking */
        b[5] = use > 0 ? use - spread (index, step, 2) : 0;   /* drug use */
        b[5] = MAX (0, b[5]);
        b[6] = b[5];                                  /* elaborates item 6 */
        b[7] = MIN (4, use + 1);                      /* cravings */
        b[8] = protect;                               /* confidence */
        b[9] = protect;                               /* self-help meetings */
        b[11] = MIN (4, protect + spread (index, 5, 2));
        b[12] = MIN (4, protect + 1);
        b[13] = protect >= 2 ? 4 : 0;                 /* enough income: no 0, yes 4 */
        b[15] = MIN (4, protect + 1);
        b[16] = protect;                              /* satisfaction */
      }
      if (!iop_store_add_measure (store, bam, participant_id, date, b, 17, 0, NULL, error))
        return FALSE;
    }

  if (flagged_id > 0 && !iop_store_acknowledge_safety_flag (store, flagged_id, error))
    return FALSE;
  return TRUE;
}

/**
 * iop_sample_load_plans:
 * @store: the store, inside the sample's transaction
 * @ctx: what the earlier parts created
 * @error: return location for a #GError
 *
 * Needs the instrument definitions (iop_instrument_registry_ensure_default()
 * in src/interop loads them at start-up).
 *
 * Returns: %TRUE when every plan, progress entry and measure was written
 */
gboolean
iop_sample_load_plans (IopStore          *store,
                       IopSampleContext  *ctx,
                       GError           **error)
{
  IopInstrumentRegistry *registry = iop_instrument_registry_get_default ();

  if (registry == NULL)
    {
      g_set_error_literal (error, IOP_STORE_ERROR, IOP_STORE_ERROR_FAILED,
                           _("The rating instruments are not loaded, so the sample measures cannot be scored."));
      return FALSE;
    }

  for (int i = 0; i < IOP_SAMPLE_N_PARTICIPANTS; i++)
    {
      g_autoptr(IopParticipant) p = iop_store_get_participant (store, ctx->participant_ids[i], error);

      if (p == NULL || !load_plan (store, ctx, i, p, error) || !load_measures (store, ctx, registry, i, p, error))
        return FALSE;
    }
  return TRUE;
}
