/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-sample-sessions"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "iop-date.h"
#include "iop-sample-private.h"
#include "iop-store-people.h"
#include "iop-store-sessions.h"

/*
 * About eight weeks of sessions for every sample group, up to today, plus two
 * weeks ahead. Most are documented, signed and co-signed; the most recent are
 * drafts, awaiting co-signature or not documented yet (the to-do list), and a
 * few were cancelled. Shared notes name members the way real notes do, so the
 * redaction of member copies runs on realistic text; individualized notes never
 * name anyone else and differ from member to member. Dual Diagnosis Skills
 * (group 2) loses attendance and cohesion week after week.
 *
 * The pseudo-random choices come from a fixed seed, so every sample program
 * looks the same relative to its day.
 */

#define SAMPLE_WEEKS 8

typedef struct {
  const char *long_text;
  const char *short_text;
} SampleIntervention;

static const char * const topics[IOP_SAMPLE_N_GROUPS][8] = {
  { N_("Weekend planning and unstructured time"), N_("Shame, guilt and self-compassion"),
    N_("Repairing trust with family"), N_("Anger and its early signs"),
    N_("Grief and loss in recovery"), N_("Building a sober support network"),
    N_("Boundaries at work"), N_("Looking back on the first month") },
  { N_("High-risk situations"), N_("Cravings and urge surfing"), N_("Refusal skills"),
    N_("Lapse versus relapse"), N_("Money as a trigger"), N_("Warning signs of relapse"),
    N_("Holidays and family gatherings"), N_("Writing a relapse prevention plan") },
  { N_("Mood and substance use: the cycle"), N_("Distress tolerance: TIPP skills"),
    N_("Medication questions for the prescriber"), N_("Anxiety and avoidance"),
    N_("Sleep and recovery"), N_("Checking the facts"), N_("Self-soothing with the five senses"),
    N_("Recognizing early warning signs of depression") },
  { N_("Stress at school"), N_("Peer pressure and refusal"), N_("Social media and mood"),
    N_("Coping with anger"), N_("Family communication"), N_("Healthy sleep for teens"),
    N_("Identifying values"), N_("Asking for help") },
  { N_("Body scan"), N_("Mindful breathing and cravings"), N_("Noticing thoughts without judgment"),
    N_("Mindful walking"), N_("Stress and the body"), N_("Loving-kindness practice"),
    N_("Mindfulness in daily routines"), N_("Responding instead of reacting") },
};

static const SampleIntervention interventions[IOP_SAMPLE_N_GROUPS][3] = {
  { { N_("Motivational interviewing (open questions, reflections, eliciting change talk); here-and-now process feedback."),
      N_("the reflective-listening exercise") },
    { N_("Cognitive restructuring of automatic thoughts; group feedback on alternative thoughts."),
      N_("the thought record") },
    { N_("Psychoeducation with discussion; values clarification exercise."),
      N_("the values exercise") } },
  { { N_("Relapse prevention: identifying high-risk situations and coping responses (worksheet)."),
      N_("the high-risk situations worksheet") },
    { N_("Urge surfing practice; cognitive-behavioral coping skills."),
      N_("urge surfing") },
    { N_("Refusal-skills role-play with structured peer feedback."),
      N_("the refusal-skills role-play") } },
  { { N_("DBT distress tolerance (TIPP, self-soothing); psychoeducation on co-occurring disorders."),
      N_("the distress tolerance skills") },
    { N_("Integrated dual-diagnosis psychoeducation; behavioral activation planning."),
      N_("behavioral activation planning") },
    { N_("DBT emotion regulation: checking the facts, opposite action."),
      N_("checking the facts") } },
  { { N_("CBT skills for adolescents: thought-feeling-behavior triangle; peer role-play."),
      N_("the thought-feeling-behavior triangle") },
    { N_("Coping-skills toolbox; guided relaxation."),
      N_("the coping-skills toolbox") },
    { N_("Communication skills practice (I-statements) with role-play."),
      N_("I-statements practice") } },
  { { N_("Guided mindfulness meditation (body scan); reflection in pairs."),
      N_("the body scan") },
    { N_("Mindful breathing and urge surfing; mindfulness-based relapse prevention."),
      N_("mindful breathing") },
    { N_("Loving-kindness meditation; discussion of self-criticism."),
      N_("the loving-kindness practice") } },
};

/* {a} and {b} are two members who attended, by the name the group uses. */
static const char * const processes[] = {
  N_("{a} shared that the weekend was the hardest stretch so far, and the group offered ideas for structuring Saturday mornings. Later, {b} described using a grounding exercise during a craving, and several members asked how it worked."),
  N_("Check-in focused on stress at work and at home. {a} and {b} role-played declining a drink at a family gathering; the group gave feedback on tone and body language."),
  N_("The group reviewed the worksheet together. {a}'s example about payday prompted a wider discussion of money as a trigger, and {b} shared a budgeting strategy that has helped."),
  N_("Members discussed shame and stigma. {a} spoke about telling a sibling about treatment; {b} said that hearing this made it easier to consider doing the same."),
  N_("Energy was lower than usual. The facilitator used a go-round to bring quieter members in; {a} and {b} both spoke for the first time in several sessions."),
  N_("The group practiced the skill together. Afterwards {a} noticed the urge peaked and passed in about ten minutes, which the group connected to the wave image, while {b} preferred the counting version."),
  N_("Discussion of sleep and recovery. {a} reported that the wind-down routine is working, and the group helped {b} plan around late shifts."),
  N_("Tension arose briefly when {a} interrupted another member; the facilitator named the pattern and the group agreed on a talking-piece norm, after which {b} gave feedback respectfully."),
  N_("Members reflected on progress since admission. {a} read a letter written to their younger self, and {b}'s response about forgiveness moved several members."),
  N_("Psychoeducation on the link between mood and substance use. {a} connected low mood on Sundays to past use, and {b} asked which questions to bring to the prescriber."),
};

static const char * const presentations[] = {
  N_("Casually dressed and alert; described mood as “tired but okay”, affect congruent."),
  N_("Presented neatly groomed with a bright affect; reported sleeping better since the medication change."),
  N_("Appeared fatigued, with slowed speech; rated mood 4/10 and denied thoughts of self-harm."),
  N_("Alert and oriented; mildly anxious at check-in and fidgeting, which eased as the session went on."),
  N_("Well groomed and engaged from check-in; reported twelve days of continuous sobriety."),
  N_("Quiet at check-in with a restricted affect; reported a stressful week at home."),
  N_("Euthymic and talkative; reported attending two mutual-help meetings since the last group."),
};

static const char * const participations[] = {
  N_("Offered feedback to peers during the check-in round."),
  N_("Spoke mainly when prompted but stayed attentive throughout."),
  N_("Volunteered an example from the past week during skills practice."),
  N_("Asked clarifying questions about the worksheet and completed it."),
  N_("Took part in the role-play and reflected on it afterwards."),
  N_("Listened closely and shared briefly near the end of group."),
  N_("Supported a peer who was struggling, without taking over the conversation."),
  N_("Needed redirection once for a side conversation, then re-engaged."),
};

/* %s: the intervention, as a short phrase */
static const char * const responses[] = {
  N_("Responded well to %s; identified two personal triggers and a coping response for each."),
  N_("Was receptive to %s and said it “made sense for evenings at home”."),
  N_("Initially skeptical of %s, then tried it in practice and rated distress lower afterwards."),
  N_("Engaged with %s and linked it to a recent high-risk situation at work."),
  N_("Found %s difficult to apply; the counselor modeled it and a second attempt went better."),
  N_("Used %s to reframe a recent argument with family and noted a calmer reaction."),
  N_("Showed understanding of %s by explaining it back in own words."),
  N_("Limited response to %s today; appeared preoccupied with housing concerns."),
  N_("Practiced %s twice and asked for a handout to use between sessions."),
};

static const char * const progresses[] = {
  N_("Progressing toward the abstinence goal: reports no use since the last session; urine screen pending."),
  N_("Partial progress on the coping-skills objective: used urge surfing once this week."),
  N_("Steady progress on the attendance goal; has attended every scheduled group this week."),
  N_("Limited progress this week; reported one lapse and discussed it openly."),
  N_("Progressing on the sleep objective; now keeps a regular bedtime four nights a week."),
  N_("Meeting the objective of calling a support person daily, per own log."),
  N_("Beginning to name emotions before cravings, an early step toward the emotion-regulation goal."),
  N_("Completed a draft relapse prevention plan; will review it with the primary counselor."),
  N_("Progress on the medication objective: reports taking medication as prescribed."),
  N_("Gradual progress on re-establishing a daily routine."),
};

static const char * const plans[] = {
  N_("Continue IOP as scheduled; practice the skill daily and report back next session."),
  N_("Follow up with the prescriber about sleep; continue group as scheduled."),
  N_("Complete the triggers worksheet before the next group."),
  N_("Primary counselor to review the safety plan in this week's individual session."),
  N_("Attend at least two mutual-help meetings and bring the attendance sheet."),
  N_("Continue the current plan; repeat the PHQ-9 at the next scheduled interval."),
  N_("Practice the breathing exercise twice daily and log urges."),
  N_("Coordinate with case management about transportation to reduce late arrivals."),
  N_("Continue group; counselor to check in about the housing application."),
  N_("Rehearse the refusal script with a sponsor before the family event."),
  N_("Keep the daily mood log and review it at the next individual session."),
};

/* What happens to a group's past sessions, counted back from the most recent (0). */
typedef enum {
  FATE_COSIGNED,
  FATE_SIGNED,
  FATE_DRAFT,
  FATE_RETURNED,
  FATE_UNDOCUMENTED,
  FATE_CANCELLED,
} Fate;

typedef struct {
  int         group;
  int         back;
  Fate        fate;
  const char *text;       /* cancel reason or return comment */
} SampleFate;

static const SampleFate fates[] = {
  { 0, 0, FATE_UNDOCUMENTED, NULL },
  { 0, 1, FATE_DRAFT, NULL },
  { 0, 2, FATE_SIGNED, NULL },
  { 0, 3, FATE_SIGNED, NULL },
  { 0, 9, FATE_CANCELLED, N_("Facilitator out sick and no coverage was available.") },
  { 1, 0, FATE_DRAFT, NULL },
  { 1, 1, FATE_SIGNED, NULL },
  { 1, 3, FATE_RETURNED, N_("Please add each member's progress toward their treatment plan goals before signing again.") },
  { 1, 5, FATE_CANCELLED, N_("Building closed after a power outage.") },
  { 2, 0, FATE_UNDOCUMENTED, NULL },
  { 2, 1, FATE_SIGNED, NULL },
  { 2, 6, FATE_CANCELLED, N_("Facilitator at mandatory training; members were called the day before.") },
  { 3, 0, FATE_DRAFT, NULL },
  { 3, 1, FATE_SIGNED, NULL },
  { 4, 0, FATE_SIGNED, NULL },
  { 4, 4, FATE_CANCELLED, N_("Program closed for the holiday.") },
};

static Fate
fate_for (int          group,
          int          back,
          const char **text)
{
  for (guint i = 0; i < G_N_ELEMENTS (fates); i++)
    if (fates[i].group == group && fates[i].back == back)
      {
        *text = fates[i].text;
        return fates[i].fate;
      }
  *text = NULL;
  return FATE_COSIGNED;
}

static char *
fill_names (const char *template,
            const char *a,
            const char *b)
{
  g_autoptr(GString) text = g_string_new (template);

  g_string_replace (text, "{a}", a, 0);
  g_string_replace (text, "{b}", b, 0);
  return g_strdup (text->str);
}

static const char *
group_name_for (IopAttendance *a)
{
  const char *preferred = iop_attendance_get_preferred_name (a);

  return *preferred ? preferred : iop_attendance_get_first_name (a);
}

static int
clamp_rating (double value)
{
  return CLAMP ((int) (value + 0.5), 0, IOP_CLIMATE_MAX);
}

static gboolean
document_session (IopStore          *store,
                  IopSampleContext  *ctx,
                  GRand             *rand,
                  IopSession        *session,
                  int                group,
                  int                week,      /* 0: the oldest week */
                  int                serial,
                  GError           **error)
{
  gint64 id = iop_session_get_id (session);
  int duration = iop_session_get_duration_minutes (session);
  g_autoptr(GPtrArray) attendance = NULL;
  g_autoptr(GPtrArray) attended = g_ptr_array_new ();
  const SampleIntervention *intervention = &interventions[group][serial % 3];
  g_autofree char *process = NULL;
  int climate[IOP_N_CLIMATE];
  /* Dual Diagnosis Skills: fewer members come, week after week */
  double absent_chance = group == 2 ? 0.03 + 0.08 * week : 0.08;

  attendance = iop_store_list_attendance (store, id, error);
  if (attendance == NULL)
    return FALSE;

  for (guint i = 0; i < attendance->len; i++)
    {
      IopAttendance *a = g_ptr_array_index (attendance, i);
      gint64 pid = iop_attendance_get_participant_id (a);
      double roll = g_rand_double (rand);
      const char *status;
      int minutes = -1;
      int participation = -1;

      if (roll < absent_chance)
        status = "absent";
      else if (roll < absent_chance + 0.04)
        status = "excused";
      else if (roll < absent_chance + 0.11)
        {
          status = "late";
          minutes = duration - g_rand_int_range (rand, 10, 41);
        }
      else if (roll < absent_chance + 0.16)
        {
          status = "left-early";
          minutes = duration - g_rand_int_range (rand, 20, 61);
        }
      else
        status = "present";

      if (iop_attendance_status_is_attending (status))
        {
          /* CLAMP evaluates its argument more than once: draw first */
          participation = (int) (pid % 3) + 1 + g_rand_int_range (rand, -1, 2) - (group == 2 && week > 4 ? 1 : 0);
          participation = CLAMP (participation, 1, IOP_PARTICIPATION_MAX);
          g_ptr_array_add (attended, a);
        }
      if (!iop_store_set_attendance (store, id, pid, status, minutes, participation, error))
        return FALSE;
      iop_attendance_set_status (a, status);
      iop_attendance_set_minutes (a, minutes);
      iop_attendance_set_participation (a, participation);
    }

  for (guint i = 0; i < attended->len; i++)
    {
      IopAttendance *a = g_ptr_array_index (attended, i);
      gint64 pid = iop_attendance_get_participant_id (a);
      guint k = (guint) (pid + 1000);
      g_autofree char *presentation = NULL;
      g_autofree char *participation = NULL;
      g_autofree char *response = NULL;
      const char *parts[IOP_MEMBER_NOTE_N_FIELDS];

      /* Each part comes from a bank of a different size, so two members'
       * notes in one session never share more than one part. */
      presentation = g_strdup (_(presentations[(k + serial * 3) % G_N_ELEMENTS (presentations)]));
      if (g_strcmp0 (iop_attendance_get_status (a), "late") == 0)
        {
          g_autofree char *late = g_strdup_printf (_("Arrived %d minutes late (transportation). "),
                                                   duration - iop_attendance_get_minutes (a));
          g_autofree char *tmp = g_steal_pointer (&presentation);
          presentation = g_strconcat (late, tmp, NULL);
        }
      else if (g_strcmp0 (iop_attendance_get_status (a), "left-early") == 0)
        {
          g_autofree char *early = g_strdup_printf (_(" Left %d minutes early for a medical appointment."),
                                                    duration - iop_attendance_get_minutes (a));
          g_autofree char *tmp = g_steal_pointer (&presentation);
          presentation = g_strconcat (tmp, early, NULL);
        }
      participation = g_strdup_printf ("%s. %s", iop_participation_label (iop_attendance_get_participation (a)),
                                       _(participations[(k + serial * 5) % G_N_ELEMENTS (participations)]));
      response = g_strdup_printf (_(responses[(k + serial * 7) % G_N_ELEMENTS (responses)]),
                                  _(intervention->short_text));
      parts[0] = presentation;
      parts[1] = participation;
      parts[2] = response;
      parts[3] = _(progresses[(k + serial * 3) % G_N_ELEMENTS (progresses)]);
      parts[4] = _(plans[(k + serial * 2) % G_N_ELEMENTS (plans)]);
      if (!iop_store_set_member_note (store, id, pid, parts, error))
        return FALSE;
    }

  if (attended->len >= 2)
    {
      guint first = (guint) serial % attended->len;
      guint second = (first + 1 + (guint) serial % (attended->len - 1)) % attended->len;

      if (second == first)
        second = (first + 1) % attended->len;
      process = fill_names (_(processes[serial % G_N_ELEMENTS (processes)]),
                            group_name_for (g_ptr_array_index (attended, first)),
                            group_name_for (g_ptr_array_index (attended, second)));
    }
  else
    process = g_strdup (_("Only one member attended; the session was used for individual skills review within the group format."));
  if (group == 2 && week >= 4)
    {
      g_autofree char *tmp = g_steal_pointer (&process);
      process = g_strconcat (tmp, " ",
                             _("Attendance was low again; the group talked about what gets in the way of coming in the evening, and members were quieter with one another than in earlier weeks."),
                             NULL);
    }
  if (!iop_store_set_shared_note (store, id, _(topics[group][serial % 8]), _(intervention->long_text), process, error))
    return FALSE;

  if (group == 2)
    {
      climate[IOP_CLIMATE_COHESION] = clamp_rating (5.2 - 0.55 * week + g_rand_double_range (rand, -0.4, 0.4));
      climate[IOP_CLIMATE_ENGAGEMENT] = clamp_rating (5.0 - 0.45 * week + g_rand_double_range (rand, -0.5, 0.5));
      climate[IOP_CLIMATE_AVOIDANCE] = clamp_rating (1.0 + 0.45 * week + g_rand_double_range (rand, -0.4, 0.4));
      climate[IOP_CLIMATE_CONFLICT] = clamp_rating (1.0 + 0.25 * week + g_rand_double_range (rand, -0.5, 0.5));
    }
  else
    {
      climate[IOP_CLIMATE_COHESION] = clamp_rating (4.4 + 0.08 * week + g_rand_double_range (rand, -0.8, 0.8));
      climate[IOP_CLIMATE_ENGAGEMENT] = clamp_rating (4.3 + g_rand_double_range (rand, -0.9, 0.9));
      climate[IOP_CLIMATE_AVOIDANCE] = clamp_rating (1.8 + g_rand_double_range (rand, -1.0, 1.0));
      climate[IOP_CLIMATE_CONFLICT] = clamp_rating (1.0 + g_rand_double_range (rand, -1.0, 1.0));
    }
  return iop_store_set_climate (store, id, climate, error);
}

/**
 * iop_sample_load_sessions:
 * @store: the store being filled, inside the sample's transaction
 * @ctx: the people and groups loaded before
 * @error: return location for a #GError
 *
 * Returns: %TRUE when the sessions were loaded
 */
gboolean
iop_sample_load_sessions (IopStore          *store,
                          IopSampleContext  *ctx,
                          GError           **error)
{
  g_autofree char *from = iop_sample_date (ctx, -7 * SAMPLE_WEEKS + 1);
  g_autofree char *to = iop_sample_date (ctx, 13);
  g_autofree char *yesterday = iop_sample_date (ctx, -1);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240611);
  int serial = 0;

  if (!iop_store_generate_sessions (store, 0, from, to, NULL, error))
    return FALSE;

  for (int g = 0; g < IOP_SAMPLE_N_GROUPS; g++)
    {
      IopSessionQuery query = { ctx->group_ids[g], from, yesterday, NULL };
      g_autoptr(GListModel) sessions = iop_store_list_sessions (store, &query, error);
      guint n;

      if (sessions == NULL)
        return FALSE;
      n = g_list_model_get_n_items (sessions);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(IopSession) session = g_list_model_get_item (sessions, i);
          gint64 id = iop_session_get_id (session);
          int week = (iop_date_diff_days (from, iop_session_get_date (session))) / 7;
          const char *text;
          Fate fate = fate_for (g, (int) (n - 1 - i), &text);

          serial++;
          if (fate == FATE_UNDOCUMENTED)
            continue;
          if (fate == FATE_CANCELLED)
            {
              if (!iop_store_cancel_session (store, id, _(text), error))
                return FALSE;
              continue;
            }

          if (!document_session (store, ctx, rand, session, g, week, serial, error))
            return FALSE;
          if (fate == FATE_DRAFT)
            continue;

          iop_store_set_actor (store, iop_session_get_facilitator_id (session));
          if (!iop_store_sign_session (store, id, IOP_SIGN_ACCEPT_NAMES | IOP_SIGN_ACCEPT_SIMILAR, error))
            return FALSE;
          iop_store_set_actor (store, ctx->supervisor_id);
          if (fate == FATE_RETURNED)
            {
              if (!iop_store_return_session (store, id, _(text), error))
                return FALSE;
              continue;
            }
          if (fate == FATE_COSIGNED && !iop_store_cosign_session (store, id, error))
            return FALSE;

          /* A couple of late entries, as addenda after signing. */
          if (g == 0 && n - 1 - i == 6)
            {
              g_autoptr(GPtrArray) attendance = iop_store_list_attendance (store, id, error);

              if (attendance == NULL)
                return FALSE;
              iop_store_set_actor (store, iop_session_get_facilitator_id (session));
              for (guint a = 0; a < attendance->len; a++)
                if (iop_attendance_is_attending (g_ptr_array_index (attendance, a)))
                  {
                    if (!iop_store_add_session_addendum (store, id,
                                                         iop_attendance_get_participant_id (g_ptr_array_index (attendance, a)),
                                                         _("Late entry: called the program after group to say the coping plan discussed in session helped avoid a lapse that evening."),
                                                         error))
                      return FALSE;
                    break;
                  }
            }
          else if (g == 3 && n - 1 - i == 4)
            {
              iop_store_set_actor (store, iop_session_get_facilitator_id (session));
              if (!iop_store_add_session_addendum (store, id, 0,
                                                   _("Correction: the handout used in this session was the coping-skills toolbox, second edition."),
                                                   error))
                return FALSE;
            }
        }
    }

  return TRUE;
}
