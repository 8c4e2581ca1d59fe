/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-sample"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "iop-access-private.h"
#include "iop-access.h"
#include "iop-date.h"
#include "iop-sample-private.h"
#include "iop-sample.h"
#include "iop-store-people.h"

/*
 * A fictional program, built through the same store functions as a person's
 * changes, so that everything it shows (lists, rosters, history, the audit log)
 * is what a real program would show. Every name here is invented.
 */

typedef struct {
  const char *record;
  const char *first;
  const char *last;
  const char *preferred;
  const char *pronouns;
  int         age;
  const char *language;
  const char *level;
  int         admitted_days_ago;
  int         counselor;       /* 0 or 1 */
  const char *diagnoses;
  gboolean    co_occurring;
  int         discharged_days_ago;  /* 0: still in the program */
  const char *discharge_reason;
} SampleParticipant;

static const SampleParticipant participants[IOP_SAMPLE_N_PARTICIPANTS] = {
  { "IOP-1001", "María", "López", "Mari", "she/her", 34, "Spanish", "adult-iop", 70, 0,
    "F10.20 Alcohol use disorder, moderate; F32.1 Major depressive disorder", TRUE, 0, NULL },
  { "IOP-1002", "James", "Whitfield", "Jim", "he/him", 52, "English", "adult-iop", 65, 0,
    "F10.20 Alcohol use disorder, severe", FALSE, 0, NULL },
  { "IOP-1003", "Aisha", "Rahman", "", "she/her", 29, "English", "adult-iop", 61, 1,
    "F11.20 Opioid use disorder, on buprenorphine; F41.1 Generalized anxiety disorder", TRUE, 0, NULL },
  { "IOP-1004", "Nguyen", "Van Thanh", "Thanh", "he/him", 41, "Vietnamese", "adult-iop", 60, 1,
    "F15.20 Stimulant use disorder (methamphetamine)", FALSE, 0, NULL },
  { "IOP-1005", "Keisha", "Washington", "", "she/her", 38, "English", "php", 21, 0,
    "F14.20 Cocaine use disorder; F43.10 Post-traumatic stress disorder", TRUE, 0, NULL },
  { "IOP-1006", "Robert", "Nakamura", "Bobby", "he/him", 45, "English", "adult-iop", 58, 0,
    "F10.20 Alcohol use disorder, moderate", FALSE, 0, NULL },
  { "IOP-1007", "Fatima", "Haddad", "", "she/her", 31, "Arabic", "adult-iop", 55, 1,
    "F13.20 Sedative use disorder; F41.0 Panic disorder", TRUE, 0, NULL },
  { "IOP-1008", "Dmitri", "Volkov", "Dima", "he/him", 36, "Russian", "adult-iop", 54, 0,
    "F10.20 Alcohol use disorder, severe", FALSE, 0, NULL },
  { "IOP-1009", "Grace", "Okafor", "", "she/her", 27, "English", "adult-iop", 50, 1,
    "F12.20 Cannabis use disorder; F31.81 Bipolar II disorder", TRUE, 0, NULL },
  { "IOP-1010", "Tomás", "Herrera", "Tommy", "he/him", 48, "Spanish", "adult-iop", 49, 0,
    "F10.20 Alcohol use disorder, moderate; F33.1 Major depressive disorder, recurrent", TRUE, 0, NULL },
  { "IOP-1011", "Samantha", "Reed", "Sam", "they/them", 24, "English", "adult-iop", 47, 1,
    "F11.20 Opioid use disorder; F43.10 Post-traumatic stress disorder", TRUE, 0, NULL },
  { "IOP-1012", "William", "Begay", "Will", "he/him", 39, "English", "adult-iop", 45, 0,
    "F10.20 Alcohol use disorder, severe", FALSE, 0, NULL },
  { "IOP-1013", "Priya", "Raman", "", "she/her", 33, "Tamil", "adult-iop", 44, 1,
    "F13.20 Sedative use disorder; F41.1 Generalized anxiety disorder", TRUE, 0, NULL },
  { "IOP-1014", "Marcus", "Johnson", "", "he/him", 57, "English", "adult-iop", 42, 0,
    "F14.20 Cocaine use disorder", FALSE, 0, NULL },
  { "IOP-1015", "Li", "Wei", "Lily", "she/her", 30, "Mandarin", "adult-iop", 40, 1,
    "F15.20 Stimulant use disorder; F32.1 Major depressive disorder", TRUE, 0, NULL },
  { "IOP-1016", "Hope", "Sandoval", "", "she/her", 42, "English", "adult-iop", 38, 0,
    "F10.20 Alcohol use disorder, moderate", FALSE, 0, NULL },
  { "IOP-1017", "Ahmed", "Osman", "", "he/him", 35, "Somali", "adult-iop", 36, 1,
    "F12.20 Cannabis use disorder; F20.9 Schizophrenia, stable on medication", TRUE, 0, NULL },
  { "IOP-1018", "Rebecca", "Stein", "Becca", "she/her", 46, "English", "adult-iop", 35, 0,
    "F13.20 Sedative use disorder", FALSE, 0, NULL },
  { "IOP-1019", "Joseph", "Tsosie", "Joe", "he/him", 61, "Navajo", "adult-iop", 33, 1,
    "F10.20 Alcohol use disorder, severe; F32.1 Major depressive disorder", TRUE, 0, NULL },
  { "IOP-1020", "Ana", "Silva", "", "she/her", 28, "Portuguese", "adult-iop", 31, 0,
    "F11.20 Opioid use disorder, on methadone", FALSE, 0, NULL },
  { "IOP-1021", "Daniel", "Cohen", "Danny", "he/him", 37, "English", "adult-iop", 30, 1,
    "F10.20 Alcohol use disorder, moderate; F90.0 ADHD", TRUE, 0, NULL },
  { "IOP-1022", "Rosa", "Martínez", "", "she/her", 55, "Spanish", "adult-iop", 28, 0,
    "F13.20 Sedative use disorder; F41.1 Generalized anxiety disorder", TRUE, 0, NULL },
  { "IOP-1023", "Kwame", "Mensah", "", "he/him", 44, "English", "php", 14, 1,
    "F10.20 Alcohol use disorder, severe; F33.2 Major depressive disorder, severe", TRUE, 0, NULL },
  { "IOP-1024", "Elena", "Popescu", "", "she/her", 40, "Romanian", "adult-iop", 26, 0,
    "F10.20 Alcohol use disorder, moderate", FALSE, 0, NULL },
  { "IOP-1025", "Hope", "Anderson", "", "she/her", 32, "English", "adult-iop", 90, 1,
    "F11.20 Opioid use disorder", FALSE, 12, "Completed the program; stepped down to outpatient" },
  { "IOP-1026", "Carlos", "Mendoza", "", "he/him", 43, "Spanish", "adult-iop", 85, 0,
    "F14.20 Cocaine use disorder", FALSE, 20, "Moved out of the area; referred to a program near home" },
  { "IOP-1027", "Jordan", "Baker", "Jo", "they/them", 26, "English", "adult-iop", 80, 1,
    "F15.20 Stimulant use disorder; F43.10 Post-traumatic stress disorder", TRUE, 6,
    "Stepped up to residential care" },
  { "IOP-1028", "Yusuf", "Demir", "", "he/him", 50, "Turkish", "adult-iop", 24, 1,
    "F10.20 Alcohol use disorder, moderate", FALSE, 0, NULL },
  { "IOP-1029", "Sofía", "Ramírez", "Sofi", "she/her", 16, "Spanish", "adolescent-iop", 52, 1,
    "F12.20 Cannabis use disorder; F32.1 Major depressive disorder", TRUE, 0, NULL },
  { "IOP-1030", "Tyler", "Brooks", "", "he/him", 17, "English", "adolescent-iop", 50, 1,
    "F12.20 Cannabis use disorder; F90.2 ADHD, combined", TRUE, 0, NULL },
  { "IOP-1031", "Amara", "Nwosu", "", "she/her", 15, "English", "adolescent-iop", 48, 1,
    "F10.10 Alcohol use disorder, mild; F41.1 Generalized anxiety disorder", TRUE, 0, NULL },
  { "IOP-1032", "Ethan", "Kowalski", "", "he/him", 16, "English", "adolescent-iop", 46, 1,
    "F12.20 Cannabis use disorder", FALSE, 0, NULL },
  { "IOP-1033", "Mia", "Thompson", "", "she/her", 17, "English", "adolescent-iop", 44, 1,
    "F13.10 Sedative use disorder, mild; F50.2 Bulimia nervosa", TRUE, 0, NULL },
  { "IOP-1034", "Diego", "Flores", "", "he/him", 15, "Spanish", "adolescent-iop", 43, 1,
    "F12.20 Cannabis use disorder; F91.3 Oppositional defiant disorder", TRUE, 0, NULL },
  { "IOP-1035", "Hana", "Kim", "", "she/her", 16, "Korean", "adolescent-iop", 41, 1,
    "F10.10 Alcohol use disorder, mild; F32.0 Major depressive disorder, mild", TRUE, 0, NULL },
  { "IOP-1036", "Noah", "Whitehorse", "", "he/him", 17, "English", "adolescent-iop", 40, 1,
    "F12.20 Cannabis use disorder", FALSE, 0, NULL },
  { "IOP-1037", "Patricia", "O'Neil", "Pat", "she/her", 63, "English", "adult-iop", 27, 0,
    "F10.20 Alcohol use disorder, severe; F41.1 Generalized anxiety disorder", TRUE, 0, NULL },
  { "IOP-1038", "Andre", "Dubois", "", "he/him", 34, "French", "adult-iop", 22, 1,
    "F15.20 Stimulant use disorder", FALSE, 0, NULL },
  { "IOP-1039", "Mercedes", "Cruz", "Mercy", "she/her", 47, "Spanish", "adult-iop", 18, 0,
    "F10.20 Alcohol use disorder, moderate; F43.10 Post-traumatic stress disorder", TRUE, 0, NULL },
  { "IOP-1040", "Victor", "Ivanov", "", "he/him", 39, "English", "adult-iop", 12, 0,
    "F11.20 Opioid use disorder, on buprenorphine", FALSE, 0, NULL },
};

typedef struct {
  const char *name;
  const char *type;
  const char *enrollment;
  int         min_size;
  int         max_size;
  int         weekdays;
  const char *start_time;
  int         duration;
  const char *location;
  int         facilitator;      /* 0, 1: counselor1, counselor2 */
  int         co_facilitator;   /* -1: none */
  int         started_days_ago;
} SampleGroup;

#define MON (1 << 0)
#define TUE (1 << 1)
#define WED (1 << 2)
#define THU (1 << 3)
#define FRI (1 << 4)

static const SampleGroup groups[IOP_SAMPLE_N_GROUPS] = {
  { "Morning Process Group", "process", "open", 5, 14, MON | WED | FRI, "09:00", 180,
    "Room 2 (Cedar)", 0, 1, 400 },
  { "Relapse Prevention", "relapse-prevention", "open", 5, 12, TUE | THU, "13:00", 120,
    "Room 1 (Maple)", 1, -1, 300 },
  { "Dual Diagnosis Skills", "dual-diagnosis", "open", 5, 12, MON | WED, "18:00", 150,
    "Room 2 (Cedar)", 0, -1, 250 },
  { "Teen Coping Skills", "skills", "closed", 4, 8, TUE | THU, "16:00", 120,
    "Youth room", 1, 0, 35 },
  { "Mindfulness and Stress Management", "mindfulness", "open", 5, 15, FRI, "13:00", 90,
    "Room 3 (Willow)", 0, -1, 200 },
};

/* Memberships: participant index, group index, joined (days after admission), left (days
 * ago, 0: still a member), reason. */
typedef struct {
  int         participant;
  int         group;
  int         joined_after_admission;
  int         left_days_ago;
  const char *reason;
} SampleEnrollment;

static const SampleEnrollment enrollments[] = {
  /* Morning Process Group: most adult IOP members */
  { 0, 0, 0, 0, NULL }, { 1, 0, 0, 0, NULL }, { 2, 0, 1, 0, NULL }, { 3, 0, 0, 0, NULL },
  { 4, 0, 0, 0, NULL }, { 5, 0, 2, 0, NULL }, { 7, 0, 0, 0, NULL }, { 9, 0, 0, 0, NULL },
  { 11, 0, 1, 0, NULL }, { 13, 0, 0, 0, NULL }, { 15, 0, 0, 0, NULL },
  { 24, 0, 0, 12, N_("Completed the program") },
  { 25, 0, 0, 20, N_("Moved out of the area") },
  { 19, 0, 0, 10, N_("Schedule conflict with a new job; moved to the evening group") },
  /* Relapse Prevention */
  { 0, 1, 7, 0, NULL }, { 1, 1, 7, 0, NULL }, { 6, 1, 0, 0, NULL }, { 8, 1, 0, 0, NULL },
  { 10, 1, 0, 0, NULL }, { 12, 1, 0, 0, NULL }, { 14, 1, 0, 0, NULL }, { 17, 1, 0, 0, NULL },
  { 21, 1, 0, 0, NULL }, { 27, 1, 0, 0, NULL }, { 36, 1, 0, 0, NULL },
  { 26, 1, 0, 6, N_("Stepped up to residential care") },
  /* Dual Diagnosis Skills: the evening group, where attendance is slipping */
  { 2, 2, 3, 0, NULL }, { 6, 2, 3, 0, NULL }, { 8, 2, 2, 0, NULL }, { 10, 2, 1, 0, NULL },
  { 16, 2, 0, 0, NULL }, { 18, 2, 0, 0, NULL }, { 19, 2, 14, 0, NULL }, { 20, 2, 0, 0, NULL },
  { 22, 2, 0, 0, NULL }, { 38, 2, 0, 0, NULL },
  { 26, 2, 0, 6, N_("Stepped up to residential care") },
  /* Teen Coping Skills: closed group, all adolescents */
  { 28, 3, 0, 0, NULL }, { 29, 3, 0, 0, NULL }, { 30, 3, 0, 0, NULL }, { 31, 3, 0, 0, NULL },
  { 32, 3, 0, 0, NULL }, { 33, 3, 0, 0, NULL }, { 34, 3, 0, 0, NULL }, { 35, 3, 0, 0, NULL },
  /* Mindfulness and Stress Management */
  { 3, 4, 5, 0, NULL }, { 5, 4, 5, 0, NULL }, { 9, 4, 3, 0, NULL }, { 12, 4, 2, 0, NULL },
  { 15, 4, 2, 0, NULL }, { 21, 4, 0, 0, NULL }, { 23, 4, 0, 0, NULL }, { 37, 4, 0, 0, NULL },
  { 39, 4, 0, 0, NULL }, { 13, 4, 0, 0, NULL },
  { 24, 4, 10, 12, N_("Completed the program") },
};

char *
iop_sample_date (IopSampleContext *ctx,
                 int               days_from_today)
{
  return iop_date_add_days (ctx->today, days_from_today);
}

static int
sort_strings (const char **a,
              const char **b)
{
  return strcmp (*a, *b);
}

static gboolean
add_staff (IopStore    *store,
           const char  *username,
           const char  *full_name,
           const char  *role,
           gint64      *out_id,
           GError     **error)
{
  g_autoptr(IopStaff) staff = iop_staff_new ();

  iop_staff_set_username (staff, username);
  iop_staff_set_full_name (staff, full_name);
  iop_staff_set_role (staff, role);
  if (!iop_store_add_staff (store, staff, error))
    return FALSE;
  *out_id = iop_staff_get_id (staff);
  return TRUE;
}

static gboolean
load_people (IopStore          *store,
             IopSampleContext  *ctx,
             GError           **error)
{
  if (!add_staff (store, "admin", "Program Administrator", "administrator", &ctx->admin_id, error)
      || !add_staff (store, "supervisor", "Dr. Renée Albright", "supervisor", &ctx->supervisor_id, error)
      || !add_staff (store, "counselor1", "Jordan Ellis, LADC", "counselor", &ctx->counselor_ids[0], error)
      || !add_staff (store, "counselor2", "Camila Ortega, LCSW", "counselor", &ctx->counselor_ids[1], error))
    return FALSE;

  for (guint i = 0; i < IOP_SAMPLE_N_GROUPS; i++)
    {
      const SampleGroup *s = &groups[i];
      g_autoptr(IopGroup) g = iop_group_new ();
      g_autofree char *start = iop_sample_date (ctx, -s->started_days_ago);

      iop_group_set_name (g, s->name);
      iop_group_set_group_type (g, s->type);
      iop_group_set_enrollment (g, s->enrollment);
      iop_group_set_min_size (g, s->min_size);
      iop_group_set_max_size (g, s->max_size);
      iop_group_set_weekdays (g, s->weekdays);
      iop_group_set_start_time (g, s->start_time);
      iop_group_set_duration_minutes (g, s->duration);
      iop_group_set_location (g, s->location);
      iop_group_set_facilitator_id (g, ctx->counselor_ids[s->facilitator]);
      iop_group_set_co_facilitator_id (g, s->co_facilitator >= 0 ? ctx->counselor_ids[s->co_facilitator] : 0);
      iop_group_set_start_date (g, start);
      if (!iop_store_add_group (store, g, error))
        return FALSE;
      ctx->group_ids[i] = iop_group_get_id (g);
    }

  for (guint i = 0; i < IOP_SAMPLE_N_PARTICIPANTS; i++)
    {
      const SampleParticipant *s = &participants[i];
      g_autoptr(IopParticipant) p = iop_participant_new ();
      g_autofree char *admitted = iop_sample_date (ctx, -s->admitted_days_ago);
      /* Birthdays spread over the year so ages read naturally. */
      g_autofree char *born = iop_sample_date (ctx, -(s->age * 365 + s->age / 4 + (int) (i * 37 % 300) + 20));
      g_autofree char *phone = g_strdup_printf ("555-01%02u", i + 10);

      iop_participant_set_record_number (p, s->record);
      iop_participant_set_first_name (p, s->first);
      iop_participant_set_last_name (p, s->last);
      iop_participant_set_preferred_name (p, s->preferred);
      iop_participant_set_pronouns (p, s->pronouns);
      iop_participant_set_date_of_birth (p, born);
      iop_participant_set_primary_language (p, s->language);
      iop_participant_set_level_of_care (p, s->level);
      iop_participant_set_admission_date (p, admitted);
      iop_participant_set_primary_counselor_id (p, ctx->counselor_ids[s->counselor]);
      iop_participant_set_diagnoses (p, s->diagnoses);
      iop_participant_set_co_occurring (p, s->co_occurring);
      iop_participant_set_phone (p, phone);
      iop_participant_set_emergency_name (p, "Emergency contact on file");
      iop_participant_set_emergency_relationship (p, i % 3 == 0 ? "Spouse" : i % 3 == 1 ? "Parent" : "Sibling");
      if (!iop_store_add_participant (store, p, error))
        return FALSE;
      ctx->participant_ids[i] = iop_participant_get_id (p);
    }

  /* Join in the order it happened, so capacity is checked as it was on each day. */
  {
    g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_free);

    for (guint i = 0; i < G_N_ELEMENTS (enrollments); i++)
      {
        const SampleEnrollment *s = &enrollments[i];
        const SampleParticipant *sp = &participants[s->participant];
        g_autofree char *joined = iop_sample_date (ctx, -sp->admitted_days_ago + s->joined_after_admission);
        g_autofree char *group_start = iop_sample_date (ctx, -groups[s->group].started_days_ago);

        /* "date|index": sorting the strings sorts by date */
        g_ptr_array_add (order, g_strdup_printf ("%s|%03u",
                                                 g_strcmp0 (joined, group_start) < 0 ? group_start : joined, i));
      }
    g_ptr_array_sort (order, (GCompareFunc) sort_strings);

    for (guint k = 0; k < order->len; k++)
      {
        const char *key = g_ptr_array_index (order, k);
        g_autofree char *joined = g_strndup (key, 10);
        const SampleEnrollment *s = &enrollments[atoi (key + 11)];
        gint64 enrollment_id;

        if (!iop_store_enroll (store, ctx->participant_ids[s->participant], ctx->group_ids[s->group], joined,
                               IOP_ENROLL_NONE, &enrollment_id, error))
          return FALSE;
        if (s->left_days_ago > 0)
          {
            g_autofree char *left = iop_sample_date (ctx, -s->left_days_ago);
            if (!iop_store_end_enrollment (store, enrollment_id, left, _(s->reason), error))
              return FALSE;
          }
      }
  }

  /* Discharges come last: they end whatever memberships are still open. */
  for (guint i = 0; i < IOP_SAMPLE_N_PARTICIPANTS; i++)
    {
      const SampleParticipant *s = &participants[i];
      g_autofree char *date = NULL;

      if (s->discharged_days_ago == 0)
        continue;
      date = iop_sample_date (ctx, -s->discharged_days_ago);
      if (!iop_store_discharge_participant (store, ctx->participant_ids[i], date, s->discharge_reason, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * iop_sample_load:
 * @store: an empty store
 * @error: return location for a #GError
 *
 * Loads the sample program: staff, groups, participants and their history,
 * in one transaction, through the store's own functions.
 *
 * Returns: %TRUE when loaded; on failure nothing is written
 */
gboolean
iop_sample_load (IopStore  *store,
                 GError   **error)
{
  IopSampleContext ctx = { 0 };
  gint64 actor;
  gboolean ok;

  g_return_val_if_fail (IOP_IS_STORE (store), FALSE);

  if (!iop_store_is_empty (store) || iop_access_count_staff (store) > 0)
    {
      g_set_error_literal (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID,
                           _("The sample program can only be loaded into an empty database."));
      return FALSE;
    }

  ctx.today = iop_date_today ();
  actor = iop_store_get_actor (store);

  /* Loading the sample into an empty database is Circle's own act (actor 0),
   * one of the two it is allowed; see iop-access-private.h. */
  iop_store_set_actor (store, 0);
  iop_store_enter_system (store);
  if (!iop_store_begin (store, error))
    {
      iop_store_leave_system (store);
      iop_store_set_actor (store, actor);
      g_free (ctx.today);
      return FALSE;
    }

  /* Each area builds on the ones before it: plans link progress to sessions,
   * members rate the sessions they attended. */
  ok = load_people (store, &ctx, error)
       && iop_sample_load_sessions (store, &ctx, error)
       && iop_sample_load_plans (store, &ctx, error)
       && iop_sample_load_cultural (store, &ctx, error)
       && iop_sample_load_reports (store, &ctx, error)
       && iop_sample_load_safety (store, &ctx, error);

  if (ok)
    ok = iop_store_commit (store, error);
  else
    iop_store_rollback (store);

  iop_store_leave_system (store);
  iop_store_set_actor (store, actor);
  g_free (ctx.today);
  return ok;
}
