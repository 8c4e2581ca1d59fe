/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "iop-report-fixture.h"
#include "iop-store-people.h"
#include "iop-store-private.h"
#include "iop-test-util.h"

void
iop_report_fixture_exec (IopStore   *store,
                         const char *format,
                         ...)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  iop_store_exec (store, sql, &error);
  if (error != NULL)
    g_error ("%s: %s", sql, error->message);
}

static gint64
add_person (IopStore   *store,
            const char *record,
            const char *first,
            const char *last,
            const char *level)
{
  g_autoptr(IopParticipant) p = iop_participant_new ();
  g_autoptr(GError) error = NULL;

  iop_participant_set_record_number (p, record);
  iop_participant_set_first_name (p, first);
  iop_participant_set_last_name (p, last);
  iop_participant_set_level_of_care (p, level);
  iop_participant_set_admission_date (p, "2026-08-01");
  iop_participant_set_date_of_birth (p, "1980-01-01");
  iop_store_add_participant (store, p, &error);
  g_assert_no_error (error);
  return iop_participant_get_id (p);
}

static gint64
add_group (IopStore   *store,
           const char *name,
           int         weekdays)
{
  g_autoptr(IopGroup) g = iop_group_new ();
  g_autoptr(GError) error = NULL;

  iop_group_set_name (g, name);
  iop_group_set_group_type (g, "process");
  iop_group_set_weekdays (g, weekdays);
  iop_group_set_min_size (g, 4);
  iop_group_set_max_size (g, 6);
  iop_group_set_start_date (g, "2026-08-01");
  iop_store_add_group (store, g, &error);
  g_assert_no_error (error);
  return iop_group_get_id (g);
}

static gint64
add_staff (IopStore   *store,
           const char *username,
           const char *name)
{
  g_autoptr(IopStaff) s = iop_staff_new ();
  g_autoptr(GError) error = NULL;

  iop_staff_set_username (s, username);
  iop_staff_set_full_name (s, name);
  iop_staff_set_role (s, "counselor");
  iop_store_add_staff (store, s, &error);
  g_assert_no_error (error);
  return iop_staff_get_id (s);
}

static gint64
enroll (IopStore   *store,
        gint64      participant,
        gint64      group,
        const char *joined)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  iop_store_enroll (store, participant, group, joined, IOP_ENROLL_NONE, &id, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
add_session (IopStore   *store,
             gint64      group,
             gint64      facilitator,
             const char *date,
             int         minutes,
             int         cohesion,
             int         engagement,
             int         avoidance,
             int         conflict)
{
  iop_report_fixture_exec (store,
                           "INSERT INTO sessions (group_id, date, start_time, duration_minutes, facilitator_id, state,"
                           " climate_cohesion, climate_engagement, climate_avoidance, climate_conflict)"
                           " VALUES (%" G_GINT64_FORMAT ", '%s', '09:00', %d, %" G_GINT64_FORMAT ", 'draft', %d, %d, %d, %d)",
                           group, date, minutes, facilitator, cohesion, engagement, avoidance, conflict);
  return sqlite3_last_insert_rowid (iop_store_get_db (store));
}

static void
attend (IopStore   *store,
        gint64      session,
        gint64      participant,
        const char *status,
        int         minutes,
        int         participation)
{
  g_autofree char *level = participation < 0 ? g_strdup ("NULL") : g_strdup_printf ("%d", participation);

  iop_report_fixture_exec (store,
                           "INSERT INTO attendance (session_id, participant_id, status, minutes, participation)"
                           " VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", '%s', %d, %s)",
                           session, participant, status, minutes, level);
}

static void
rate (IopStore *store,
      gint64    session,
      gint64    participant,
      int       relationship,
      int       goals,
      int       approach,
      int       overall)
{
  g_autofree char *g = goals < 0 ? g_strdup ("NULL") : g_strdup_printf ("%d", goals);

  iop_report_fixture_exec (store,
                           "INSERT INTO session_ratings VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", %d, %s, %d, %d)",
                           session, participant, relationship, g, approach, overall);
}

static void
sign (IopStore   *store,
      gint64      session,
      gint64      by,
      const char *at)
{
  iop_report_fixture_exec (store,
                           "UPDATE sessions SET state = 'signed', signed_by = %" G_GINT64_FORMAT ", signed_at = '%s'"
                           " WHERE id = %" G_GINT64_FORMAT, by, at, session);
}

static void
measure (IopStore   *store,
         gint64      participant,
         const char *instrument,
         const char *date,
         int         total,
         gboolean    complete)
{
  iop_report_fixture_exec (store,
                           "INSERT INTO measures (participant_id, instrument, date, complete, total)"
                           " VALUES (%" G_GINT64_FORMAT ", '%s', '%s', %d, %d)",
                           participant, instrument, date, complete, total);
}

static gint64
add_plan (IopStore *store,
          gint64    participant,
          int       version)
{
  iop_report_fixture_exec (store,
                           "INSERT INTO treatment_plans (participant_id, version, state, created_at)"
                           " VALUES (%" G_GINT64_FORMAT ", %d, 'draft', '2026-08-02T10:00:00Z')",
                           participant, version);
  return sqlite3_last_insert_rowid (iop_store_get_db (store));
}

static gint64
add_goal (IopStore   *store,
          gint64      plan,
          int         position,
          const char *status,
          gint64      carried_from)
{
  g_autofree char *from = carried_from > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, carried_from) : g_strdup ("NULL");

  iop_report_fixture_exec (store,
                           "INSERT INTO goals (plan_id, position, statement, status, carried_from_id)"
                           " VALUES (%" G_GINT64_FORMAT ", %d, 'Stay sober', '%s', %s)",
                           plan, position, status, from);
  return sqlite3_last_insert_rowid (iop_store_get_db (store));
}

static void
progress (IopStore   *store,
          gint64      goal,
          const char *date,
          int         rating)
{
  iop_report_fixture_exec (store,
                           "INSERT INTO progress_entries (goal_id, date, rating) VALUES (%" G_GINT64_FORMAT ", '%s', %d)",
                           goal, date, rating);
}

IopStore *
iop_report_fixture_open (const char       *name,
                         IopReportFixture *f)
{
  IopStore *store = iop_test_open_store (name);
  g_autoptr(GError) error = NULL;
  gint64 *s = f->sessions;
  gint64 eve_enrollment, plan1, plan2, plan3, g1, g2, g3, g4;
  const char *other_dates[] = { "2026-09-09", "2026-09-16", "2026-09-23", "2026-09-30" };

  f->counselor_id = add_staff (store, "fixture1", "Casey Counselor");
  f->other_counselor_id = add_staff (store, "fixture2", "Riley Other");
  f->group_id = add_group (store, "Fixture Group", 1);
  f->other_group_id = add_group (store, "Other Group", 4);
  f->ann = add_person (store, "F-1", "Ann", "Alpha", "adult-iop");
  f->bob = add_person (store, "F-2", "Bob", "Beta", "adult-iop");
  f->cara = add_person (store, "F-3", "Cara", "Gamma", "adult-iop");
  f->dan = add_person (store, "F-4", "Dan", "Delta", "php");
  f->eve = add_person (store, "F-5", "Eve", "Epsilon", "adult-iop");

  enroll (store, f->ann, f->group_id, "2026-08-03");
  enroll (store, f->bob, f->group_id, "2026-08-03");
  enroll (store, f->cara, f->group_id, "2026-08-03");
  eve_enrollment = enroll (store, f->eve, f->group_id, "2026-08-10");
  iop_store_end_enrollment (store, eve_enrollment, "2026-09-11", "Moved away", &error);
  g_assert_no_error (error);
  enroll (store, f->dan, f->group_id, "2026-09-21");
  iop_store_discharge_participant (store, f->eve, "2026-09-12", "Moved away", &error);
  g_assert_no_error (error);
  {
    g_autoptr(IopParticipant) fay = iop_participant_new ();

    iop_participant_set_record_number (fay, "F-6");
    iop_participant_set_first_name (fay, "Fay");
    iop_participant_set_last_name (fay, "Zeta");
    iop_participant_set_level_of_care (fay, "adult-iop");
    iop_participant_set_admission_date (fay, "2026-09-15");
    iop_store_add_participant (store, fay, &error);
    g_assert_no_error (error);
    f->fay = iop_participant_get_id (fay);
  }
  enroll (store, f->ann, f->other_group_id, "2026-08-05");

  s[0] = add_session (store, f->group_id, f->counselor_id, "2026-09-07", 180, 5, 5, 1, 0);
  s[1] = add_session (store, f->group_id, f->counselor_id, "2026-09-14", 180, 4, 2, 1, 1);
  s[2] = add_session (store, f->group_id, f->counselor_id, "2026-09-21", 180, 3, 4, 4, 1);
  s[3] = add_session (store, f->group_id, f->counselor_id, "2026-09-28", 180, 2, 3, 2, 2);
  s[4] = add_session (store, f->group_id, f->counselor_id, "2026-10-01", 180, 0, 0, 6, 6);
  s[5] = add_session (store, f->group_id, f->counselor_id, "2026-10-05", 180, 0, 0, 6, 6);
  /* Before the range: must not count. */
  {
    gint64 before = add_session (store, f->group_id, f->counselor_id, "2026-08-31", 180, 0, 0, 6, 6);

    attend (store, before, f->cara, "absent", 0, -1);
  }

  attend (store, s[0], f->ann, "present", 180, 3);
  attend (store, s[0], f->bob, "present", 180, 1);
  attend (store, s[0], f->cara, "absent", 0, -1);
  attend (store, s[0], f->eve, "present", 180, 2);

  attend (store, s[1], f->ann, "present", 180, 4);
  attend (store, s[1], f->bob, "late", 150, 1);
  attend (store, s[1], f->cara, "absent", 0, -1);

  attend (store, s[2], f->ann, "present", 180, 3);
  attend (store, s[2], f->bob, "present", 180, 0);
  attend (store, s[2], f->cara, "absent", 0, -1);
  attend (store, s[2], f->dan, "present", 180, 2);

  attend (store, s[3], f->ann, "left-early", 120, 3);
  attend (store, s[3], f->bob, "absent", 0, -1);
  attend (store, s[3], f->cara, "present", 180, 2);
  attend (store, s[3], f->dan, "present", 180, 2);

  attend (store, s[5], f->cara, "absent", 0, -1);

  rate (store, s[0], f->ann, 10, 10, 9, 10);
  rate (store, s[0], f->bob, 9, 9, 9, 9);
  rate (store, s[1], f->ann, 9, 9, 9, 9);
  rate (store, s[1], f->bob, 8, 8, 8, 8);
  rate (store, s[3], f->ann, 10, 10, 10, 10);
  rate (store, s[3], f->cara, 7, -1, 7, 7);

  for (guint i = 0; i < G_N_ELEMENTS (other_dates); i++)
    {
      gint64 o = add_session (store, f->other_group_id, f->other_counselor_id, other_dates[i], 360, 5, 5, 1, 1);

      attend (store, o, f->ann, "present", 360, 3);
      if (i == 0)
        sign (store, o, f->other_counselor_id, "2026-09-30T09:00:00Z");
    }

  sign (store, s[0], f->counselor_id, "2026-09-08T10:00:00Z");
  sign (store, s[1], f->counselor_id, "2026-09-20T10:00:00Z");
  sign (store, s[3], f->counselor_id, "2026-09-28T20:00:00Z");
  iop_report_fixture_exec (store, "UPDATE sessions SET state = 'cancelled' WHERE id = %" G_GINT64_FORMAT, s[4]);

  /* Plans: Ann's goal carried from version 1 into version 2 and met there. */
  plan1 = add_plan (store, f->ann, 1);
  g1 = add_goal (store, plan1, 1, "active", 0);
  iop_report_fixture_exec (store, "UPDATE treatment_plans SET state = 'active' WHERE id = %" G_GINT64_FORMAT, plan1);
  plan2 = add_plan (store, f->ann, 2);
  g2 = add_goal (store, plan2, 1, "met", g1);
  g3 = add_goal (store, plan2, 2, "active", 0);
  iop_report_fixture_exec (store, "UPDATE treatment_plans SET state = 'superseded' WHERE id = %" G_GINT64_FORMAT, plan1);
  iop_report_fixture_exec (store, "UPDATE treatment_plans SET state = 'active' WHERE id = %" G_GINT64_FORMAT, plan2);
  plan3 = add_plan (store, f->bob, 1);
  g4 = add_goal (store, plan3, 1, "active", 0);
  iop_report_fixture_exec (store, "UPDATE treatment_plans SET state = 'active' WHERE id = %" G_GINT64_FORMAT, plan3);

  progress (store, g1, "2026-09-08", 3);
  progress (store, g2, "2026-09-22", 6);
  progress (store, g2, "2026-10-01", 8);
  progress (store, g3, "2026-09-10", 2);
  progress (store, g4, "2026-08-20", 1);
  progress (store, g4, "2026-09-09", 5);
  progress (store, g4, "2026-09-30", 4);

  measure (store, f->ann, "PHQ-9", "2026-09-08", 15, TRUE);
  measure (store, f->ann, "PHQ-9", "2026-09-22", 12, TRUE);
  measure (store, f->ann, "PHQ-9", "2026-10-02", 9, TRUE);
  measure (store, f->ann, "GAD-7", "2026-09-08", 10, TRUE);
  measure (store, f->ann, "GAD-7", "2026-10-02", 7, TRUE);
  measure (store, f->ann, "BAM", "2026-09-08", 20, TRUE);
  measure (store, f->ann, "BAM", "2026-10-02", 14, TRUE);
  measure (store, f->bob, "PHQ-9", "2026-08-25", 20, TRUE);
  measure (store, f->bob, "PHQ-9", "2026-09-09", 8, TRUE);
  measure (store, f->bob, "PHQ-9", "2026-09-20", 3, FALSE);
  measure (store, f->bob, "PHQ-9", "2026-10-01", 10, TRUE);
  measure (store, f->bob, "GAD-7", "2026-09-09", 12, TRUE);
  measure (store, f->bob, "GAD-7", "2026-10-01", 8, TRUE);
  measure (store, f->cara, "PHQ-9", "2026-09-10", 14, TRUE);

  return store;
}
