/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "iop-store-people.h"
#include "iop-test-util.h"

static IopParticipant *
make_participant (const char *record, const char *first, const char *last)
{
  IopParticipant *p = iop_participant_new ();

  iop_participant_set_record_number (p, record);
  iop_participant_set_first_name (p, first);
  iop_participant_set_last_name (p, last);
  iop_participant_set_admission_date (p, "2026-09-01");
  iop_participant_set_date_of_birth (p, "1990-05-17");
  return p;
}

static IopGroup *
make_group (const char *name, int max_size)
{
  IopGroup *g = iop_group_new ();

  iop_group_set_name (g, name);
  iop_group_set_group_type (g, "process");
  iop_group_set_weekdays (g, 1 | 4 | 16);
  iop_group_set_min_size (g, 2);
  iop_group_set_max_size (g, max_size);
  iop_group_set_start_date (g, "2026-08-01");
  return g;
}

static gint64
add_participant (IopStore *store, const char *record, const char *first, const char *last)
{
  g_autoptr(IopParticipant) p = make_participant (record, first, last);
  g_autoptr(GError) error = NULL;

  g_assert_true (iop_store_add_participant (store, p, &error));
  g_assert_no_error (error);
  return iop_participant_get_id (p);
}

static void
test_participant_round_trip (void)
{
  g_autoptr(IopStore) store = iop_test_open_store ("participant-round-trip");
  g_autoptr(IopParticipant) p = make_participant ("R-1", "Zoë", "Ng");
  g_autoptr(IopParticipant) back = NULL;
  g_autoptr(GError) error = NULL;

  iop_participant_set_preferred_name (p, "Zo");
  iop_participant_set_pronouns (p, "she/her");
  iop_participant_set_level_of_care (p, "php");
  iop_participant_set_co_occurring (p, TRUE);
  iop_participant_set_diagnoses (p, "F10.20");
  iop_participant_set_emergency_name (p, "Kim Ng");
  g_assert_true (iop_store_add_participant (store, p, &error));
  g_assert_cmpint (iop_participant_get_id (p), >, 0);

  back = iop_store_find_participant (store, "R-1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (iop_participant_get_first_name (back), ==, "Zoë");
  g_assert_cmpstr (iop_participant_get_preferred_name (back), ==, "Zo");
  g_assert_cmpstr (iop_participant_get_level_of_care (back), ==, "php");
  g_assert_true (iop_participant_get_co_occurring (back));
  g_assert_cmpstr (iop_participant_get_emergency_name (back), ==, "Kim Ng");
  g_assert_cmpstr (iop_participant_get_discharge_date (back), ==, "");

  iop_participant_set_pronouns (back, "they/them");
  g_assert_true (iop_store_update_participant (store, back, &error));
  g_clear_object (&p);
  p = iop_store_get_participant (store, iop_participant_get_id (back), &error);
  g_assert_cmpstr (iop_participant_get_pronouns (p), ==, "they/them");

  {
    g_autofree char *shown = iop_participant_dup_short_name (p);
    g_autofree char *initials = iop_participant_dup_initials (p);
    g_assert_cmpstr (shown, ==, "Zo N.");
    g_assert_cmpstr (initials, ==, "Z.N.");
  }
}

typedef void (*Breaker) (IopParticipant *p);

static void break_record (IopParticipant *p) { iop_participant_set_record_number (p, "  "); }
static void break_first (IopParticipant *p) { iop_participant_set_first_name (p, ""); }
static void break_last (IopParticipant *p) { iop_participant_set_last_name (p, NULL); }
static void break_dob (IopParticipant *p) { iop_participant_set_date_of_birth (p, "1990-02-30"); }
static void break_future_dob (IopParticipant *p) { iop_participant_set_date_of_birth (p, "2199-01-01"); }
static void break_admission (IopParticipant *p) { iop_participant_set_admission_date (p, "yesterday"); }
static void break_level (IopParticipant *p) { iop_participant_set_level_of_care (p, "residential"); }
static void break_discharge_order (IopParticipant *p)
{
  iop_participant_set_status (p, "discharged");
  iop_participant_set_discharge_date (p, "2026-08-01");
}
static void break_discharge_without_date (IopParticipant *p) { iop_participant_set_status (p, "discharged"); }
static void break_admission_before_birth (IopParticipant *p) { iop_participant_set_admission_date (p, "1980-01-01"); }
static void break_counselor (IopParticipant *p) { iop_participant_set_primary_counselor_id (p, 9999); }

static void
test_participant_validation (void)
{
  static const Breaker breakers[] = {
    break_record, break_first, break_last, break_dob, break_future_dob, break_admission,
    break_level, break_discharge_order, break_discharge_without_date,
    break_admission_before_birth, break_counselor,
  };
  g_autoptr(IopStore) store = iop_test_open_store ("participant-validation");
  g_autofree char *before = NULL;

  add_participant (store, "V-0", "Already", "Here");
  before = iop_test_checksum (store);

  for (guint i = 0; i < G_N_ELEMENTS (breakers); i++)
    {
      g_autoptr(IopParticipant) p = make_participant ("V-1", "Ok", "Person");
      g_autoptr(GError) error = NULL;

      breakers[i] (p);
      g_assert_false (iop_store_add_participant (store, p, &error));
      g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
      g_assert_cmpstr (error->message, !=, "");
      g_assert_cmpint (iop_participant_get_id (p), ==, 0);
      iop_assert_unchanged (store, before);
    }
}

static void
test_duplicate_record_number (void)
{
  g_autoptr(IopStore) store = iop_test_open_store ("participant-duplicate");
  g_autoptr(IopParticipant) twin = make_participant ("D-1", "Other", "Person");
  g_autoptr(IopParticipant) first = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  gint64 id = add_participant (store, "D-1", "First", "Person");

  before = iop_test_checksum (store);
  g_assert_false (iop_store_add_participant (store, twin, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "D-1"));
  iop_assert_unchanged (store, before);

  /* Renaming someone else to a taken number is refused too. */
  g_clear_error (&error);
  add_participant (store, "D-2", "Second", "Person");
  g_free (before);
  before = iop_test_checksum (store);
  first = iop_store_find_participant (store, "D-2", NULL);
  iop_participant_set_record_number (first, "D-1");
  g_assert_false (iop_store_update_participant (store, first, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_DUPLICATE);
  iop_assert_unchanged (store, before);
  g_assert_cmpint (id, >, 0);
}

static void
test_search (void)
{
  g_autoptr(IopStore) store = iop_test_open_store ("participant-search");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  gint64 maria = add_participant (store, "S-100", "María", "López");
  gint64 pat = add_participant (store, "S-200", "Patricia", "O'Neil");
  gint64 mark = add_participant (store, "S-300", "Mark", "Marquez");

  ids = iop_store_search_participants (store, "mar", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 2);  /* María (accent folded) and Mark Marquez */
  g_clear_pointer (&ids, g_array_unref);

  ids = iop_store_search_participants (store, "MARIA LOP", FALSE, &error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, maria);
  g_clear_pointer (&ids, g_array_unref);

  ids = iop_store_search_participants (store, "o'neil", FALSE, &error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, pat);
  g_clear_pointer (&ids, g_array_unref);

  ids = iop_store_search_participants (store, "S-300", FALSE, &error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, mark);
  g_clear_pointer (&ids, g_array_unref);

  /* Query syntax typed by a person is text, not FTS operators. */
  ids = iop_store_search_participants (store, "\" OR * NEAR(", FALSE, &error);
  g_assert_no_error (error);
  g_clear_pointer (&ids, g_array_unref);

  ids = iop_store_search_participants (store, "", FALSE, &error);
  g_assert_cmpuint (ids->len, ==, 3);
  g_clear_pointer (&ids, g_array_unref);

  /* A renamed participant is found by the new name only. */
  {
    g_autoptr(IopParticipant) p = iop_store_get_participant (store, mark, &error);
    iop_participant_set_first_name (p, "Zebulon");
    g_assert_true (iop_store_update_participant (store, p, &error));
  }
  ids = iop_store_search_participants (store, "zeb", FALSE, &error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_clear_pointer (&ids, g_array_unref);
  ids = iop_store_search_participants (store, "mark", FALSE, &error);
  g_assert_cmpuint (ids->len, ==, 0);
}

static void
test_group_validation (void)
{
  g_autoptr(IopStore) store = iop_test_open_store ("group-validation");
  g_autofree char *before = iop_test_checksum (store);
  struct { const char *prop; int ivalue; const char *svalue; } cases[] = {
    { "name", 0, "   " },
    { "group-type", 0, "yoga" },
    { "enrollment", 0, "rolling" },
    { "min-size", 0, NULL },
    { "max-size", 1, NULL },
    { "start-time", 0, "25:00" },
    { "duration-minutes", 5, NULL },
    { "start-date", 0, "2026-02-30" },
    { "end-date", 0, "2026-07-01" },
    { "facilitator-id", 4242, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(IopGroup) g = make_group ("Valid", 10);
      g_autoptr(GError) error = NULL;

      if (cases[i].svalue != NULL)
        g_object_set (g, cases[i].prop, cases[i].svalue, NULL);
      else if (g_str_has_suffix (cases[i].prop, "-id"))
        g_object_set (g, cases[i].prop, (gint64) cases[i].ivalue, NULL);
      else
        g_object_set (g, cases[i].prop, cases[i].ivalue, NULL);
      g_assert_false (iop_store_add_group (store, g, &error));
      g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
      iop_assert_unchanged (store, before);
    }
}

static void
test_group_round_trip_and_archive (void)
{
  g_autoptr(IopStore) store = iop_test_open_store ("group-archive");
  g_autoptr(IopGroup) g = make_group ("Relapse Prevention", 10);
  g_autoptr(GListModel) active = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *schedule = NULL;

  iop_group_set_group_type (g, "relapse-prevention");
  g_assert_true (iop_store_add_group (store, g, &error));
  schedule = iop_group_dup_schedule_label (g);
  g_assert_nonnull (strstr (schedule, "09:00"));
  g_assert_true (iop_group_meets_on (g, "2026-11-23"));   /* a Monday */
  g_assert_false (iop_group_meets_on (g, "2026-11-24"));  /* a Tuesday */
  g_assert_false (iop_group_meets_on (g, "2026-07-27"));  /* before it starts */

  g_assert_true (iop_store_set_group_archived (store, iop_group_get_id (g), TRUE, &error));
  active = iop_store_list_groups (store, FALSE, &error);
  all = iop_store_list_groups (store, TRUE, &error);
  g_assert_cmpuint (g_list_model_get_n_items (active), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 1);
}

static void
test_enrollment_rules (void)
{
  g_autoptr(IopStore) store = iop_test_open_store ("enrollment-rules");
  g_autoptr(IopGroup) g = make_group ("Small", 2);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  gint64 a, b, c, e_a;
  g_autoptr(GPtrArray) history = NULL;

  g_assert_true (iop_store_add_group (store, g, &error));
  a = add_participant (store, "E-1", "Ana", "One");
  b = add_participant (store, "E-2", "Ben", "Two");
  c = add_participant (store, "E-3", "Cy", "Three");

  g_assert_true (iop_store_enroll (store, a, iop_group_get_id (g), "2026-09-02", 0, &e_a, &error));
  g_assert_true (iop_store_enroll (store, b, iop_group_get_id (g), "2026-09-03", 0, NULL, &error));
  before = iop_test_checksum (store);

  /* Already a member */
  g_assert_false (iop_store_enroll (store, a, iop_group_get_id (g), "2026-09-10", 0, NULL, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* Before admission */
  g_assert_false (iop_store_enroll (store, c, iop_group_get_id (g), "2026-08-20", 0, NULL, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* Impossible date */
  g_assert_false (iop_store_enroll (store, c, iop_group_get_id (g), "2026-09-31", 0, NULL, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* Full: refused unless the user confirms the override */
  g_assert_false (iop_store_enroll (store, c, iop_group_get_id (g), "2026-09-10", 0, NULL, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_CAPACITY);
  g_clear_error (&error);
  iop_assert_unchanged (store, before);

  g_assert_true (iop_store_enroll (store, c, iop_group_get_id (g), "2026-09-10",
                                   IOP_ENROLL_OVERRIDE_CAPACITY, NULL, &error));
  history = iop_store_list_group_enrollments (store, iop_group_get_id (g), &error);
  g_assert_cmpuint (history->len, ==, 3);
  g_assert_true (iop_enrollment_get_capacity_override (g_ptr_array_index (history, 0)));
  g_assert_cmpuint (iop_store_count_members (store, iop_group_get_id (g), "2026-09-10"), ==, 3);

  /* Leaving needs a date on or after joining, and a reason */
  g_free (before);
  before = iop_test_checksum (store);
  g_assert_false (iop_store_end_enrollment (store, e_a, "2026-09-01", "Moved", &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (iop_store_end_enrollment (store, e_a, "2026-10-01", " ", &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  iop_assert_unchanged (store, before);
  g_assert_true (iop_store_end_enrollment (store, e_a, "2026-10-01", "Completed the program", &error));

  /* History is never deleted at the SQL level. */
  g_assert_cmpuint (iop_store_count_members (store, iop_group_get_id (g), "2026-10-01"), ==, 2);
}

/* Undo of “Remove from group”: the stay continues from its first day. */
static void
test_reopen_enrollment (void)
{
  g_autoptr(IopStore) store = iop_test_open_store ("reopen-enrollment");
  g_autoptr(IopGroup) g = make_group ("Process", 10);
  g_autoptr(IopEnrollment) e = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  gint64 a, first, second;

  g_assert_true (iop_store_add_group (store, g, &error));
  a = add_participant (store, "R-1", "Ana", "Ruiz");
  g_assert_true (iop_store_enroll (store, a, iop_group_get_id (g), "2026-09-02", 0, &first, &error));

  /* An open membership has nothing to undo. */
  before = iop_test_checksum (store);
  g_assert_false (iop_store_reopen_enrollment (store, first, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (iop_store_reopen_enrollment (store, 999, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  iop_assert_unchanged (store, before);

  g_assert_true (iop_store_end_enrollment (store, first, "2026-10-01", "Moved away", &error));
  g_assert_cmpuint (iop_store_count_members (store, iop_group_get_id (g), "2026-10-02"), ==, 0);
  g_assert_true (iop_store_reopen_enrollment (store, first, &error));
  g_assert_no_error (error);
  e = iop_store_get_enrollment (store, first, &error);
  g_assert_cmpstr (iop_enrollment_get_joined (e), ==, "2026-09-02");
  g_assert_cmpstr (iop_enrollment_get_left_on (e), ==, "");
  g_assert_cmpstr (iop_enrollment_get_reason (e), ==, "");
  g_assert_cmpuint (iop_store_count_members (store, iop_group_get_id (g), "2026-10-02"), ==, 1);

  /* Once the participant has joined again, only the latest stay can be reopened. */
  g_assert_true (iop_store_end_enrollment (store, first, "2026-10-01", "Moved away", &error));
  g_assert_true (iop_store_enroll (store, a, iop_group_get_id (g), "2026-10-05", 0, &second, &error));
  g_free (before);
  before = iop_test_checksum (store);
  g_assert_false (iop_store_reopen_enrollment (store, first, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  iop_assert_unchanged (store, before);

  /* An archived group takes nobody back. */
  g_assert_true (iop_store_end_enrollment (store, second, "2026-10-20", "Completed", &error));
  g_assert_true (iop_store_set_group_archived (store, iop_group_get_id (g), TRUE, &error));
  g_free (before);
  before = iop_test_checksum (store);
  g_assert_false (iop_store_reopen_enrollment (store, second, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  iop_assert_unchanged (store, before);
}

static void
test_closed_group (void)
{
  g_autoptr(IopStore) store = iop_test_open_store ("closed-group");
  g_autoptr(IopGroup) g = make_group ("Cohort", 10);
  g_autoptr(GError) error = NULL;
  gint64 a, b;

  iop_group_set_enrollment (g, "closed");
  iop_group_set_start_date (g, "2026-09-05");
  g_assert_true (iop_store_add_group (store, g, &error));
  a = add_participant (store, "C-1", "Ana", "One");
  b = add_participant (store, "C-2", "Ben", "Two");

  /* Members join a closed group up to its first day */
  g_assert_true (iop_store_enroll (store, a, iop_group_get_id (g), "2026-09-05", 0, NULL, &error));
  g_assert_false (iop_store_enroll (store, b, iop_group_get_id (g), "2026-09-12", 0, NULL, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_CLOSED);
  g_clear_error (&error);
  g_assert_true (iop_store_enroll (store, b, iop_group_get_id (g), "2026-09-12",
                                   IOP_ENROLL_OVERRIDE_CLOSED, NULL, &error));
  g_assert_no_error (error);
}

static void
test_roster_on_date (void)
{
  g_autoptr(IopStore) store = iop_test_open_store ("roster-on-date");
  g_autoptr(IopGroup) g = make_group ("History", 10);
  g_autoptr(GError) error = NULL;
  gint64 a, b, e_a;
  g_autoptr(GPtrArray) early = NULL;
  g_autoptr(GPtrArray) middle = NULL;
  g_autoptr(GPtrArray) late = NULL;

  g_assert_true (iop_store_add_group (store, g, &error));
  a = add_participant (store, "H-1", "Ana", "Alpha");
  b = add_participant (store, "H-2", "Ben", "Beta");
  g_assert_true (iop_store_enroll (store, a, iop_group_get_id (g), "2026-09-01", 0, &e_a, &error));
  g_assert_true (iop_store_enroll (store, b, iop_group_get_id (g), "2026-09-15", 0, NULL, &error));
  g_assert_true (iop_store_end_enrollment (store, e_a, "2026-10-01", "Completed", &error));

  early = iop_store_list_roster (store, iop_group_get_id (g), "2026-09-10", &error);
  middle = iop_store_list_roster (store, iop_group_get_id (g), "2026-09-30", &error);
  late = iop_store_list_roster (store, iop_group_get_id (g), "2026-10-01", &error);
  g_assert_cmpuint (early->len, ==, 1);
  g_assert_cmpuint (middle->len, ==, 2);
  g_assert_cmpuint (late->len, ==, 1);
  g_assert_cmpint (iop_enrollment_get_participant_id (g_ptr_array_index (late, 0)), ==, b);

  /* Coming back is a new stay; the old one stays in the history. */
  g_assert_true (iop_store_enroll (store, a, iop_group_get_id (g), "2026-10-20", 0, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) stays = iop_store_list_participant_enrollments (store, a, &error);
    g_assert_cmpuint (stays->len, ==, 2);
  }
}

static void
test_discharge (void)
{
  g_autoptr(IopStore) store = iop_test_open_store ("discharge");
  g_autoptr(IopGroup) g = make_group ("Discharge", 10);
  g_autoptr(GError) error = NULL;
  g_autoptr(IopParticipant) p = NULL;
  g_autofree char *before = NULL;
  gint64 a;

  g_assert_true (iop_store_add_group (store, g, &error));
  a = add_participant (store, "X-1", "Ana", "Alpha");
  g_assert_true (iop_store_enroll (store, a, iop_group_get_id (g), "2026-09-02", 0, NULL, &error));

  before = iop_test_checksum (store);
  g_assert_false (iop_store_discharge_participant (store, a, "2026-08-01", "Done", &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (iop_store_discharge_participant (store, a, "2026-10-01", "", &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  iop_assert_unchanged (store, before);

  g_assert_true (iop_store_discharge_participant (store, a, "2026-10-01", "Completed the program", &error));
  p = iop_store_get_participant (store, a, &error);
  g_assert_cmpstr (iop_participant_get_status (p), ==, "discharged");
  g_assert_cmpstr (iop_participant_get_discharge_date (p), ==, "2026-10-01");
  g_assert_cmpuint (iop_store_count_members (store, iop_group_get_id (g), "2026-10-01"), ==, 0);
  g_assert_cmpuint (iop_store_count_members (store, iop_group_get_id (g), "2026-09-30"), ==, 1);

  /* A discharged participant cannot join a group */
  g_assert_false (iop_store_enroll (store, a, iop_group_get_id (g), "2026-10-05", 0, NULL, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
}

static void
test_staff (void)
{
  g_autoptr(IopStore) store = iop_test_open_store ("staff");
  g_autoptr(IopStaff) s = iop_staff_new ();
  g_autoptr(IopStaff) twin = iop_staff_new ();
  g_autoptr(IopStaff) found = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GError) error = NULL;

  iop_staff_set_username (s, "counselor9");
  iop_staff_set_full_name (s, "Casey Nine");
  g_assert_true (iop_store_add_staff (store, s, &error));
  found = iop_store_find_staff (store, "COUNSELOR9");
  g_assert_nonnull (found);
  g_assert_cmpstr (iop_staff_get_role (found), ==, "counselor");

  iop_staff_set_username (twin, "counselor9");
  iop_staff_set_full_name (twin, "Other");
  g_assert_false (iop_store_add_staff (store, twin, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_DUPLICATE);

  all = iop_store_list_staff (store, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 1);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/people/participant-round-trip", test_participant_round_trip);
  g_test_add_func ("/people/participant-validation", test_participant_validation);
  g_test_add_func ("/people/duplicate-record-number", test_duplicate_record_number);
  g_test_add_func ("/people/search", test_search);
  g_test_add_func ("/people/group-validation", test_group_validation);
  g_test_add_func ("/people/group-archive", test_group_round_trip_and_archive);
  g_test_add_func ("/people/enrollment-rules", test_enrollment_rules);
  g_test_add_func ("/people/reopen-enrollment", test_reopen_enrollment);
  g_test_add_func ("/people/closed-group", test_closed_group);
  g_test_add_func ("/people/roster-on-date", test_roster_on_date);
  g_test_add_func ("/people/discharge", test_discharge);
  g_test_add_func ("/people/staff", test_staff);
  return g_test_run ();
}
