/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "iop-store-people.h"
#include "iop-store-private.h"
#include "iop-store-sessions.h"
#include "iop-test-util.h"

/* Today, for every test here: a Sunday, after the January sessions. */
#define TODAY "2026-02-01"

typedef struct {
  IopStore *store;
  gint64 counselor;
  gint64 counselor2;
  gint64 supervisor;
  gint64 supervisor2;
  gint64 group;           /* Mon + Wed, 09:00, 120 min, from 2026-01-05 */
  gint64 adult;           /* Ana Adult, adult IOP, member from Jan 5 */
  gint64 teen;            /* Theo Thompson, adolescent IOP, from Jan 5 */
  gint64 php;             /* Paula Partial "Polly", PHP, from Jan 14 */
  gint64 teen_enrollment;
} Fixture;

static gint64
add_staff (IopStore   *store,
           const char *username,
           const char *name,
           const char *role)
{
  g_autoptr(IopStaff) staff = iop_staff_new ();
  g_autoptr(GError) error = NULL;

  iop_staff_set_username (staff, username);
  iop_staff_set_full_name (staff, name);
  iop_staff_set_role (staff, role);
  g_assert_true (iop_store_add_staff (store, staff, &error));
  g_assert_no_error (error);
  return iop_staff_get_id (staff);
}

static gint64
add_person (IopStore   *store,
            const char *record,
            const char *first,
            const char *last,
            const char *preferred,
            const char *level)
{
  g_autoptr(IopParticipant) p = iop_participant_new ();
  g_autoptr(GError) error = NULL;

  iop_participant_set_record_number (p, record);
  iop_participant_set_first_name (p, first);
  iop_participant_set_last_name (p, last);
  iop_participant_set_preferred_name (p, preferred);
  iop_participant_set_level_of_care (p, level);
  iop_participant_set_admission_date (p, "2026-01-02");
  iop_participant_set_date_of_birth (p, g_strcmp0 (level, "adolescent-iop") == 0 ? "2010-03-01" : "1985-03-01");
  g_assert_true (iop_store_add_participant (store, p, &error));
  g_assert_no_error (error);
  return iop_participant_get_id (p);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(IopGroup) g = iop_group_new ();
  g_autoptr(GError) error = NULL;
  static guint counter;
  g_autofree char *name = g_strdup_printf ("sessions-%u", ++counter);
  gint64 enrollment;

  f->store = iop_test_open_store (name);
  f->counselor = add_staff (f->store, "c1", "Casey Counselor", "counselor");
  f->counselor2 = add_staff (f->store, "c2", "Chris Second", "counselor");
  f->supervisor = add_staff (f->store, "s1", "Sam Supervisor", "supervisor");
  f->supervisor2 = add_staff (f->store, "s2", "Sky Reviewer", "supervisor");

  iop_group_set_name (g, "Skills");
  iop_group_set_group_type (g, "skills");
  iop_group_set_weekdays (g, 1 | 4);
  iop_group_set_start_time (g, "09:00");
  iop_group_set_duration_minutes (g, 120);
  iop_group_set_min_size (g, 1);
  iop_group_set_max_size (g, 10);
  iop_group_set_start_date (g, "2026-01-05");
  iop_group_set_facilitator_id (g, f->counselor);
  g_assert_true (iop_store_add_group (f->store, g, &error));
  g_assert_no_error (error);
  f->group = iop_group_get_id (g);

  f->adult = add_person (f->store, "T-1", "Ana", "Alvarez", "", "adult-iop");
  f->teen = add_person (f->store, "T-2", "Theo", "Thompson", "", "adolescent-iop");
  f->php = add_person (f->store, "T-3", "Paula", "Pereira", "Polly", "php");
  g_assert_true (iop_store_enroll (f->store, f->adult, f->group, "2026-01-05", IOP_ENROLL_NONE, &enrollment, &error));
  g_assert_true (iop_store_enroll (f->store, f->teen, f->group, "2026-01-05", IOP_ENROLL_NONE, &f->teen_enrollment, &error));
  g_assert_true (iop_store_enroll (f->store, f->php, f->group, "2026-01-14", IOP_ENROLL_NONE, &enrollment, &error));
  g_assert_no_error (error);

  g_assert_true (iop_store_generate_sessions (f->store, f->group, "2026-01-01", "2026-01-31", NULL, &error));
  g_assert_no_error (error);
  iop_store_set_actor (f->store, f->counselor);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
}

static gint64
session_on (Fixture    *f,
            const char *date)
{
  IopSessionQuery query = { f->group, date, date, NULL };
  g_autoptr(GListModel) list = iop_store_list_sessions (f->store, &query, NULL);
  g_autoptr(IopSession) s = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  s = g_list_model_get_item (list, 0);
  return iop_session_get_id (s);
}

static IopAttendance *
find (GPtrArray *list,
      gint64     participant_id)
{
  for (guint i = 0; i < list->len; i++)
    if (iop_attendance_get_participant_id (g_ptr_array_index (list, i)) == participant_id)
      return g_ptr_array_index (list, i);
  return NULL;
}

static void
set_attendance (Fixture    *f,
                gint64      session,
                gint64      who,
                const char *status,
                int         minutes)
{
  g_autoptr(GError) error = NULL;

  iop_store_set_attendance (f->store, session, who, status, minutes,
                            iop_attendance_status_is_attending (status) ? 3 : -1, &error);
  g_assert_no_error (error);
}

static void
set_note (Fixture    *f,
          gint64      session,
          gint64      who,
          const char *text)
{
  g_autoptr(GError) error = NULL;
  const char *parts[] = { text, "Participated actively.", "Responded to the exercise.", "Progressing.", "Continue." };

  iop_store_set_member_note (f->store, session, who, parts, &error);
  g_assert_no_error (error);
}

/* Documents a session fully so it can be signed. */
static void
document (Fixture *f,
          gint64   session)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = iop_store_list_attendance (f->store, session, &error);
  const int climate[] = { 4, 4, 2, 1 };

  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      IopAttendance *a = g_ptr_array_index (list, i);
      g_autofree char *text = g_strdup_printf ("Arrived on time; note number %u about mood and sleep, which were %s.",
                                               i, i % 2 ? "better" : "unsettled");

      set_attendance (f, session, iop_attendance_get_participant_id (a), "present", -1);
      set_note (f, session, iop_attendance_get_participant_id (a), text);
    }
  g_assert_true (iop_store_set_shared_note (f->store, session, "Coping skills", "CBT", "The group practiced.", &error));
  g_assert_true (iop_store_set_climate (f->store, session, climate, &error));
  g_assert_no_error (error);
}

static void
test_generate (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) all = iop_store_list_sessions (f->store, NULL, &error);
  g_autofree char *before = NULL;
  guint created = 99;

  /* Mon and Wed from Jan 5 to Jan 28 */
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 8);

  /* existing sessions are skipped */
  g_assert_true (iop_store_generate_sessions (f->store, f->group, "2026-01-01", "2026-02-04", &created, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (created, ==, 2);

  before = iop_test_checksum (f->store);
  g_assert_false (iop_store_generate_sessions (f->store, f->group, "2026-02-30", "2026-03-04", NULL, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (iop_store_generate_sessions (f->store, f->group, "2026-03-04", "2026-03-01", NULL, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  iop_assert_unchanged (f->store, before);
}

static void
test_one_off (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IopSession) s = iop_session_new ();
  g_autoptr(IopSession) dup = iop_session_new ();
  g_autoptr(IopSession) bad = iop_session_new ();
  g_autoptr(IopSession) loaded = NULL;
  g_autofree char *before = NULL;

  iop_session_set_group_id (s, f->group);
  iop_session_set_date (s, "2026-01-17");
  iop_session_set_start_time (s, "10:00");
  iop_session_set_duration_minutes (s, 60);
  iop_session_set_topic (s, "Family day");
  g_assert_true (iop_store_add_session (f->store, s, &error));
  g_assert_no_error (error);
  loaded = iop_store_get_session (f->store, iop_session_get_id (s), &error);
  g_assert_true (iop_session_get_one_off (loaded));
  g_assert_cmpstr (iop_session_get_state (loaded), ==, "scheduled");
  g_assert_cmpstr (iop_session_get_group_name (loaded), ==, "Skills");

  before = iop_test_checksum (f->store);
  iop_session_set_group_id (dup, f->group);
  iop_session_set_date (dup, "2026-01-17");
  iop_session_set_start_time (dup, "10:00");
  iop_session_set_duration_minutes (dup, 60);
  g_assert_false (iop_store_add_session (f->store, dup, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_DUPLICATE);
  g_clear_error (&error);

  iop_session_set_group_id (bad, f->group);
  iop_session_set_date (bad, "2026-02-29");
  iop_session_set_start_time (bad, "10:00");
  iop_session_set_duration_minutes (bad, 60);
  g_assert_false (iop_store_add_session (f->store, bad, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  iop_session_set_date (bad, "2026-02-20");
  iop_session_set_start_time (bad, "25:00");
  g_assert_false (iop_store_add_session (f->store, bad, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  iop_assert_unchanged (f->store, before);
}

static void
test_roster_on_date (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 jan12 = session_on (f, "2026-01-12");
  gint64 jan14 = session_on (f, "2026-01-14");
  gint64 jan21 = session_on (f, "2026-01-21");
  g_autoptr(GPtrArray) l12 = iop_store_list_attendance (f->store, jan12, &error);
  g_autoptr(GPtrArray) l14 = NULL;
  g_autoptr(GPtrArray) l21 = NULL;
  g_autoptr(GPtrArray) again = NULL;
  gint64 late_member;
  gint64 enrollment;

  /* Paula joined on the 14th; Theo left on the 20th */
  g_assert_cmpuint (l12->len, ==, 2);
  g_assert_null (find (l12, f->php));

  /* Theo's attendance and note on the 14th stay after he leaves */
  set_attendance (f, jan14, f->teen, "present", -1);
  set_note (f, jan14, f->teen, "Theo engaged well.");
  g_assert_true (iop_store_end_enrollment (f->store, f->teen_enrollment, "2026-01-20", "Moved", &error));
  g_assert_no_error (error);
  l21 = iop_store_list_attendance (f->store, jan21, &error);
  g_assert_cmpuint (l21->len, ==, 2);
  g_assert_null (find (l21, f->teen));
  g_assert_nonnull (find (l21, f->php));
  l14 = iop_store_list_attendance (f->store, jan14, &error);
  g_assert_cmpuint (l14->len, ==, 3);
  g_assert_cmpstr (iop_attendance_get_status (find (l14, f->teen)), ==, "present");
  g_assert_cmpint (iop_attendance_get_minutes (find (l14, f->teen)), ==, 120);
  g_assert_true (iop_attendance_get_has_note (find (l14, f->teen)));
  g_assert_true (iop_attendance_get_on_roster (find (l14, f->teen)));
  g_assert_false (iop_attendance_is_marked (find (l14, f->adult)));

  /* a member enrolled later, with an earlier joining date, appears unmarked */
  late_member = add_person (f->store, "T-4", "Lee", "Later", "", "adult-iop");
  g_assert_true (iop_store_enroll (f->store, late_member, f->group, "2026-01-05", IOP_ENROLL_NONE, &enrollment, &error));
  again = iop_store_list_attendance (f->store, jan14, &error);
  g_assert_cmpuint (again->len, ==, 4);
  g_assert_false (iop_attendance_is_marked (find (again, late_member)));
  g_assert_cmpstr (iop_attendance_get_status (find (again, late_member)), ==, "");
  g_assert_cmpstr (iop_attendance_get_status (find (again, f->teen)), ==, "present");
}

static void
test_attendance_rules (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 jan14 = session_on (f, "2026-01-14");
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *before = NULL;
  g_autoptr(IopSession) s = NULL;
  const char *parts[] = { "x", "", "", "", "" };

  set_attendance (f, jan14, f->adult, "present", -1);
  set_attendance (f, jan14, f->teen, "late", 90);
  set_attendance (f, jan14, f->php, "absent", -1);
  s = iop_store_get_session (f->store, jan14, &error);
  g_assert_cmpstr (iop_session_get_state (s), ==, "draft");
  list = iop_store_list_attendance (f->store, jan14, &error);
  g_assert_cmpint (iop_attendance_get_minutes (find (list, f->adult)), ==, 120);
  g_assert_cmpint (iop_attendance_get_minutes (find (list, f->teen)), ==, 90);
  g_assert_cmpint (iop_attendance_get_minutes (find (list, f->php)), ==, 0);
  g_assert_cmpint (iop_attendance_get_participation (find (list, f->php)), ==, -1);

  before = iop_test_checksum (f->store);
  /* late needs fewer minutes than the session */
  g_assert_false (iop_store_set_attendance (f->store, jan14, f->teen, "late", 120, 2, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (iop_store_set_attendance (f->store, jan14, f->teen, "left-early", -1, 2, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* minutes over the duration */
  g_assert_false (iop_store_set_attendance (f->store, jan14, f->adult, "present", 150, 2, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (iop_store_set_attendance (f->store, jan14, f->adult, "present", -1, 5, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (iop_store_set_attendance (f->store, jan14, f->adult, "asleep", -1, 2, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* a note for an absent member */
  g_assert_false (iop_store_set_member_note (f->store, jan14, f->php, parts, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* a session that has not happened yet */
  g_assert_true (iop_store_generate_sessions (f->store, f->group, "2026-02-02", "2026-02-02", NULL, &error));
  g_free (before);
  before = iop_test_checksum (f->store);
  g_assert_false (iop_store_set_attendance (f->store, session_on (f, "2026-02-02"), f->adult, "present", -1, 2, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  iop_assert_unchanged (f->store, before);

  /* a member with a written note cannot silently become absent */
  set_note (f, jan14, f->adult, "Engaged.");
  g_free (before);
  before = iop_test_checksum (f->store);
  g_assert_false (iop_store_set_attendance (f->store, jan14, f->adult, "absent", -1, -1, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  iop_assert_unchanged (f->store, before);
}

static void
test_weekly_hours (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IopSession) sunday = iop_session_new ();
  IopHoursMinimums minimums = IOP_HOURS_MINIMUMS_INIT;
  g_autoptr(GArray) weeks = NULL;
  g_autoptr(GPtrArray) under = NULL;
  gint64 jan12 = session_on (f, "2026-01-12");
  gint64 jan14 = session_on (f, "2026-01-14");
  gint64 jan19 = session_on (f, "2026-01-19");
  gint64 jan21 = session_on (f, "2026-01-21");

  /* a one-off on Sunday the 18th belongs to the week of Monday the 12th */
  iop_session_set_group_id (sunday, f->group);
  iop_session_set_date (sunday, "2026-01-18");
  iop_session_set_start_time (sunday, "10:00");
  iop_session_set_duration_minutes (sunday, 60);
  g_assert_true (iop_store_add_session (f->store, sunday, &error));

  set_attendance (f, jan12, f->adult, "present", -1);       /* 120 */
  set_attendance (f, jan14, f->adult, "late", 90);          /*  90 */
  set_attendance (f, iop_session_get_id (sunday), f->adult, "present", -1); /* 60 */
  set_attendance (f, jan19, f->adult, "left-early", 100);   /* next week */
  set_attendance (f, jan21, f->adult, "absent", -1);
  set_attendance (f, jan14, f->php, "present", -1);
  set_attendance (f, jan19, f->php, "excused", -1);
  g_assert_true (iop_store_cancel_session (f->store, jan21, "Snow", &error));
  g_assert_no_error (error);

  weeks = iop_store_list_weekly_hours (f->store, f->adult, "2026-01-10", "2026-01-25", &minimums, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (weeks->len, ==, 3);
  g_assert_cmpstr (g_array_index (weeks, IopWeekHours, 0).week_start, ==, "2026-01-05");
  g_assert_cmpint (g_array_index (weeks, IopWeekHours, 0).minutes, ==, 0);
  g_assert_cmpstr (g_array_index (weeks, IopWeekHours, 1).week_start, ==, "2026-01-12");
  g_assert_cmpint (g_array_index (weeks, IopWeekHours, 1).minutes, ==, 270);
  g_assert_cmpint (g_array_index (weeks, IopWeekHours, 1).days, ==, 3);
  g_assert_cmpint (g_array_index (weeks, IopWeekHours, 1).minimum_minutes, ==, 540);
  g_assert_cmpint (g_array_index (weeks, IopWeekHours, 2).minutes, ==, 100);
  g_assert_cmpint (g_array_index (weeks, IopWeekHours, 2).days, ==, 1);

  /* levels of care: adolescent 6 h, PHP 20 h */
  g_assert_cmpint (iop_hours_minimum_minutes (&minimums, "adolescent-iop"), ==, 360);
  g_assert_cmpint (iop_hours_minimum_minutes (&minimums, "php"), ==, 1200);
  g_clear_pointer (&weeks, g_array_unref);
  weeks = iop_store_list_weekly_hours (f->store, f->php, "2026-01-12", "2026-01-18", &minimums, &error);
  g_assert_cmpint (g_array_index (weeks, IopWeekHours, 0).minimum_minutes, ==, 1200);
  g_assert_cmpint (g_array_index (weeks, IopWeekHours, 0).minutes, ==, 120);

  /* who is under the minimum in the week of the 12th: all three, least first */
  under = iop_store_list_under_minimum (f->store, "2026-01-15", &minimums, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (under->len, ==, 3);
  g_assert_cmpint (((IopHoursShortfall *) g_ptr_array_index (under, 0))->participant_id, ==, f->teen);
  g_assert_cmpint (((IopHoursShortfall *) g_ptr_array_index (under, 1))->participant_id, ==, f->php);
  g_clear_pointer (&under, g_ptr_array_unref);

  /* with a 4-hour adult minimum, Ana's 4.5 hours are enough */
  minimums.adult_iop = 4;
  under = iop_store_list_under_minimum (f->store, "2026-01-12", &minimums, &error);
  g_assert_cmpuint (under->len, ==, 2);
}

static void
test_sign_and_review (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 jan12 = session_on (f, "2026-01-12");
  gint64 jan14 = session_on (f, "2026-01-14");
  g_autoptr(IopSession) s = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GListModel) queue = NULL;
  g_autofree char *before = NULL;
  const char *parts[] = { "Changed", "", "", "", "" };

  /* nothing documented yet */
  before = iop_test_checksum (f->store);
  g_assert_false (iop_store_sign_session (f->store, jan12, IOP_SIGN_NONE, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* an unmarked member */
  set_attendance (f, jan12, f->adult, "present", -1);
  set_note (f, jan12, f->adult, "Engaged and calm throughout the group today.");
  g_free (before);
  before = iop_test_checksum (f->store);
  g_assert_false (iop_store_sign_session (f->store, jan12, IOP_SIGN_NONE, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Theo T."));
  g_clear_error (&error);
  iop_assert_unchanged (f->store, before);

  document (f, jan12);
  /* no one signing */
  iop_store_set_actor (f->store, 0);
  g_free (before);
  before = iop_test_checksum (f->store);
  g_assert_false (iop_store_sign_session (f->store, jan12, IOP_SIGN_NONE, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  iop_store_set_actor (f->store, f->counselor);
  g_assert_true (iop_store_sign_session (f->store, jan12, IOP_SIGN_NONE, &error));
  g_assert_no_error (error);
  s = iop_store_get_session (f->store, jan12, &error);
  g_assert_cmpstr (iop_session_get_state (s), ==, "signed");
  g_assert_cmpint (iop_session_get_signed_by (s), ==, f->counselor);
  g_assert_cmpstr (iop_session_get_signed_by_name (s), ==, "Casey Counselor");

  /* signing twice, editing a signed note: refused, nothing changes */
  g_free (before);
  before = iop_test_checksum (f->store);
  g_assert_false (iop_store_sign_session (f->store, jan12, IOP_SIGN_NONE, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_false (iop_store_set_member_note (f->store, jan12, f->adult, parts, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_false (iop_store_set_attendance (f->store, jan12, f->adult, "late", 30, 1, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_false (iop_store_set_shared_note (f->store, jan12, "x", "y", "z", &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_false (iop_store_cancel_session (f->store, jan12, "oops", &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  /* addenda are for signed sessions only */
  g_assert_false (iop_store_add_session_addendum (f->store, jan14, 0, "Late entry", &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* a counselor cannot co-sign */
  g_assert_false (iop_store_cosign_session (f->store, jan12, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  iop_assert_unchanged (f->store, before);

  queue = iop_store_list_review_queue (f->store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (queue), ==, 1);

  /* return with a comment: back to draft, recorded */
  iop_store_set_actor (f->store, f->supervisor);
  g_assert_false (iop_store_return_session (f->store, jan12, "  ", &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (iop_store_return_session (f->store, jan12, "Add goal progress.", &error));
  g_assert_no_error (error);
  g_clear_object (&s);
  s = iop_store_get_session (f->store, jan12, &error);
  g_assert_cmpstr (iop_session_get_state (s), ==, "draft");
  g_assert_true (iop_store_set_member_note (f->store, jan12, f->adult, parts, &error));

  /* the supervisor signs it herself, so she cannot co-sign it */
  g_assert_true (iop_store_sign_session (f->store, jan12, IOP_SIGN_NONE, &error));
  g_assert_no_error (error);
  g_free (before);
  before = iop_test_checksum (f->store);
  g_assert_false (iop_store_cosign_session (f->store, jan12, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  iop_assert_unchanged (f->store, before);

  iop_store_set_actor (f->store, f->supervisor2);
  g_assert_true (iop_store_cosign_session (f->store, jan12, &error));
  g_assert_no_error (error);
  g_assert_false (iop_store_cosign_session (f->store, jan12, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_true (iop_store_add_session_addendum (f->store, jan12, f->adult, "Called after group.", &error));
  g_assert_no_error (error);

  events = iop_store_list_session_events (f->store, jan12, &error);
  g_assert_cmpuint (events->len, ==, 3);
  g_assert_cmpstr (((IopSessionEvent *) g_ptr_array_index (events, 0))->kind, ==, "return");
  g_assert_cmpstr (((IopSessionEvent *) g_ptr_array_index (events, 0))->text, ==, "Add goal progress.");
  g_assert_cmpstr (((IopSessionEvent *) g_ptr_array_index (events, 1))->kind, ==, "cosign");
  g_assert_cmpstr (((IopSessionEvent *) g_ptr_array_index (events, 2))->kind, ==, "addendum");
  g_assert_cmpint (((IopSessionEvent *) g_ptr_array_index (events, 2))->author_id, ==, f->supervisor2);
}

static void
test_locked_at_sql_level (Fixture       *f,
                          gconstpointer  data)
{
  static const char * const statements[] = {
    "UPDATE sessions SET group_process = 'rewritten' WHERE state = 'signed'",
    "UPDATE sessions SET topic = 'other' WHERE state = 'signed'",
    "UPDATE sessions SET climate_cohesion = 0 WHERE state = 'signed'",
    "UPDATE sessions SET state = 'draft' WHERE state = 'signed'",
    "UPDATE sessions SET state = 'scheduled' WHERE state = 'signed'",
    "UPDATE sessions SET signed_by = NULL WHERE state = 'signed'",
    "DELETE FROM sessions WHERE state = 'signed'",
    "UPDATE member_notes SET plan = 'other' WHERE session_id IN (SELECT id FROM sessions WHERE state = 'signed')",
    "DELETE FROM member_notes WHERE session_id IN (SELECT id FROM sessions WHERE state = 'signed')",
    "UPDATE attendance SET minutes = 1 WHERE session_id IN (SELECT id FROM sessions WHERE state = 'signed')",
    "DELETE FROM attendance WHERE session_id IN (SELECT id FROM sessions WHERE state = 'signed')",
    "INSERT INTO attendance (session_id, participant_id, status, minutes) SELECT id, 999, 'present', 1 FROM sessions WHERE state = 'signed'",
    "UPDATE session_addenda SET text = 'x'",
    "DELETE FROM session_addenda",
    "DELETE FROM session_reviews",
    "UPDATE sessions SET topic = 'other' WHERE state = 'cosigned'",
    "UPDATE sessions SET state = 'signed' WHERE state = 'cosigned'",
  };
  g_autoptr(GError) error = NULL;
  gint64 jan12 = session_on (f, "2026-01-12");
  gint64 jan14 = session_on (f, "2026-01-14");
  g_autofree char *before = NULL;

  document (f, jan12);
  document (f, jan14);
  g_assert_true (iop_store_sign_session (f->store, jan12, IOP_SIGN_NONE, &error));
  g_assert_true (iop_store_sign_session (f->store, jan14, IOP_SIGN_NONE, &error));
  iop_store_set_actor (f->store, f->supervisor);
  g_assert_true (iop_store_cosign_session (f->store, jan14, &error));
  g_assert_true (iop_store_add_session_addendum (f->store, jan14, 0, "Correction.", &error));
  g_assert_no_error (error);

  before = iop_test_checksum (f->store);
  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      g_test_message ("%s", statements[i]);
      g_assert_false (iop_store_exec (f->store, statements[i], &error));
      g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_LOCKED);
      g_clear_error (&error);
    }
  iop_assert_unchanged (f->store, before);
}

static void
test_names_and_similarity (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 jan14 = session_on (f, "2026-01-14");
  g_autoptr(IopSigningCheck) check = NULL;
  g_autoptr(IopSigningCheck) check2 = NULL;
  g_autofree char *before = NULL;
  const char *same[] = { "Presented calm and well groomed, reported good sleep and no cravings this week.",
                         "Participated actively in the role-play and gave feedback to peers.",
                         "Responded well to the refusal skills practice.", "Progressing toward goals.",
                         "Continue IOP as scheduled." };
  const int climate[] = { 4, 4, 2, 1 };

  document (f, jan14);
  /* Ana's note names Paula by her preferred name, possessive */
  set_note (f, jan14, f->adult, "Sat next to Polly's chair and was calm.");
  check = iop_store_check_session_notes (f->store, jan14, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (check->names->len, ==, 1);
  g_assert_cmpint (g_array_index (check->names, IopNameIssue, 0).participant_id, ==, f->adult);
  g_assert_cmpint (g_array_index (check->names, IopNameIssue, 0).named_id, ==, f->php);
  g_assert_cmpstr (g_array_index (check->names, IopNameIssue, 0).text, ==, "Polly");
  g_assert_cmpuint (check->similar->len, ==, 0);

  before = iop_test_checksum (f->store);
  g_assert_false (iop_store_sign_session (f->store, jan14, IOP_SIGN_NONE, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  iop_assert_unchanged (f->store, before);

  /* near-identical notes for two members */
  set_note (f, jan14, f->adult, "Sat calmly.");
  g_assert_true (iop_store_set_member_note (f->store, jan14, f->teen, same, &error));
  g_assert_true (iop_store_set_member_note (f->store, jan14, f->php, same, &error));
  g_assert_true (iop_store_set_climate (f->store, jan14, climate, &error));
  check2 = iop_store_check_session_notes (f->store, jan14, &error);
  g_assert_cmpuint (check2->names->len, ==, 0);
  g_assert_cmpuint (check2->similar->len, ==, 1);
  g_assert_cmpfloat (g_array_index (check2->similar, IopSimilarNotes, 0).similarity, >=, 0.9);
  g_free (before);
  before = iop_test_checksum (f->store);
  g_assert_false (iop_store_sign_session (f->store, jan14, IOP_SIGN_NONE, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  iop_assert_unchanged (f->store, before);

  /* the signer reviewed them and keeps them */
  g_assert_true (iop_store_sign_session (f->store, jan14, IOP_SIGN_ACCEPT_SIMILAR, &error));
  g_assert_no_error (error);
}

static void
test_to_document (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) mine = NULL;
  g_autoptr(GListModel) other = NULL;
  g_autoptr(GListModel) all = NULL;
  gint64 jan12 = session_on (f, "2026-01-12");
  gint64 jan26 = session_on (f, "2026-01-26");

  document (f, jan12);
  g_assert_true (iop_store_sign_session (f->store, jan12, IOP_SIGN_NONE, &error));
  g_assert_true (iop_store_cancel_session (f->store, jan26, "Holiday", &error));
  g_assert_no_error (error);

  /* 8 sessions before today: one signed and one cancelled leave six */
  mine = iop_store_list_sessions_to_document (f->store, f->counselor, NULL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (mine), ==, 6);
  other = iop_store_list_sessions_to_document (f->store, f->counselor2, NULL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (other), ==, 0);
  /* before the 15th: the 5th, 7th and 14th (the 12th is signed) */
  all = iop_store_list_sessions_to_document (f->store, 0, "2026-01-15", &error);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 3);
}

int
main (int argc, char **argv)
{
  g_setenv ("CIRCLE_TODAY", TODAY, TRUE);
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add ("/sessions/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("generate", test_generate);
  ADD ("one-off", test_one_off);
  ADD ("roster-on-date", test_roster_on_date);
  ADD ("attendance-rules", test_attendance_rules);
  ADD ("weekly-hours", test_weekly_hours);
  ADD ("sign-and-review", test_sign_and_review);
  ADD ("locked-at-sql-level", test_locked_at_sql_level);
  ADD ("names-and-similarity", test_names_and_similarity);
  ADD ("to-document", test_to_document);
  return g_test_run ();
}
