/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <sqlite3.h>

#include "iop-date.h"
#include "iop-store-cultural.h"
#include "iop-store-people.h"
#include "iop-store-private.h"
#include "iop-test-util.h"

/* Every test runs on this day, so "today", "in the future" and the 90-day rule are fixed. */
#define TODAY "2026-11-20"

static gint64
add_staff (IopStore *store, const char *username, const char *name)
{
  g_autoptr(IopStaff) staff = iop_staff_new ();
  g_autoptr(GError) error = NULL;

  iop_staff_set_username (staff, username);
  iop_staff_set_full_name (staff, name);
  iop_staff_set_role (staff, "counselor");
  g_assert_true (iop_store_add_staff (store, staff, &error));
  g_assert_no_error (error);
  return iop_staff_get_id (staff);
}

static gint64
add_participant (IopStore *store, const char *record, const char *first, const char *language)
{
  g_autoptr(IopParticipant) p = iop_participant_new ();
  g_autoptr(GError) error = NULL;

  iop_participant_set_record_number (p, record);
  iop_participant_set_first_name (p, first);
  iop_participant_set_last_name (p, "Test");
  iop_participant_set_primary_language (p, language);
  iop_participant_set_admission_date (p, "2026-06-01");
  g_assert_true (iop_store_add_participant (store, p, &error));
  g_assert_no_error (error);
  return iop_participant_get_id (p);
}

static gint64
add_group (IopStore *store, int weekdays, const char *start, int duration)
{
  g_autoptr(IopGroup) g = iop_group_new ();
  g_autoptr(GError) error = NULL;

  iop_group_set_name (g, "Test group");
  iop_group_set_group_type (g, "process");
  iop_group_set_weekdays (g, weekdays);
  iop_group_set_start_time (g, start);
  iop_group_set_duration_minutes (g, duration);
  iop_group_set_min_size (g, 1);
  iop_group_set_max_size (g, 20);
  iop_group_set_start_date (g, "2026-05-01");
  g_assert_true (iop_store_add_group (store, g, &error));
  g_assert_no_error (error);
  return iop_group_get_id (g);
}

static void
enroll (IopStore *store, gint64 participant, gint64 group, const char *left_on)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_assert_true (iop_store_enroll (store, participant, group, "2026-06-01", IOP_ENROLL_NONE, &id, &error));
  g_assert_no_error (error);
  if (left_on != NULL)
    {
      g_assert_true (iop_store_end_enrollment (store, id, left_on, "moved", &error));
      g_assert_no_error (error);
    }
}

static void
save_profile (IopStore *store, IopCulturalProfile *profile)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (iop_store_save_cultural_profile (store, profile, NULL, &error));
  g_assert_no_error (error);
}

static int
raw_exec (IopStore *store, const char *sql)
{
  return sqlite3_exec (iop_store_get_db (store), sql, NULL, NULL, NULL) & 0xff;
}

static void
test_profile_round_trip (void)
{
  g_autoptr(IopStore) store = iop_test_open_store ("profile-round-trip");
  gint64 counselor = add_staff (store, "c1", "Camila Ortega");
  gint64 pid = add_participant (store, "R-1", "María", "Spanish");
  g_autoptr(IopCulturalProfile) c = iop_cultural_profile_new (pid);
  g_autoptr(IopCulturalProfile) back = NULL;
  g_autoptr(IopParticipant) p = NULL;
  g_autoptr(IopParticipant) p_back = NULL;
  g_autoptr(GError) error = NULL;

  iop_store_set_actor (store, counselor);
  back = iop_store_get_cultural_profile (store, pid, &error);
  g_assert_no_error (error);
  g_assert_null (back);

  iop_cultural_profile_set_interpreter_needed (c, TRUE);
  iop_cultural_profile_set_interpreter_arranged (c, TRUE);
  iop_cultural_profile_set_interpreter_details (c, "Telephone interpreter");
  iop_cultural_profile_set_communication (c, "Ask directly");
  iop_cultural_profile_set_identity (c, "“Mexican-American, a mom first.”");
  iop_cultural_profile_set_family_roles (c, "Her sister");
  iop_cultural_profile_set_beliefs (c, "Willpower");
  iop_cultural_profile_set_spirituality (c, "Catholic");
  iop_cultural_profile_set_stigma_concerns (c, "Parish");
  iop_cultural_profile_set_observances (c, "Friday prayers");
  iop_cultural_profile_set_observance_weekdays (c, 1 << 4);
  iop_cultural_profile_set_observance_start (c, "12:30");
  iop_cultural_profile_set_observance_end (c, "14:00");
  iop_cultural_profile_set_dietary_needs (c, "Halal");
  iop_cultural_profile_set_accessibility (c, "Hearing aid");
  iop_cultural_profile_set_respected_in_group (c, "Ask, don't assume");
  iop_cultural_profile_set_cfi_answer (c, IOP_CFI_DEFINITION, "Los nervios");
  iop_cultural_profile_set_cfi_recorded_on (c, IOP_CFI_DEFINITION, "2026-11-02");
  iop_cultural_profile_set_cfi_answer (c, IOP_CFI_HELP_SEEKING, "A woman counselor");

  /* The participant's own fields are saved on the participant record, in the same transaction. */
  p = iop_store_get_participant (store, pid, &error);
  iop_participant_set_preferred_name (p, "Mari");
  iop_participant_set_pronouns (p, "she/her");
  iop_participant_set_primary_language (p, "Spanish (Mexico)");
  g_assert_true (iop_store_save_cultural_profile (store, c, p, &error));
  g_assert_no_error (error);

  p_back = iop_store_get_participant (store, pid, &error);
  g_assert_cmpstr (iop_participant_get_preferred_name (p_back), ==, "Mari");
  g_assert_cmpstr (iop_participant_get_pronouns (p_back), ==, "she/her");
  g_assert_cmpstr (iop_participant_get_primary_language (p_back), ==, "Spanish (Mexico)");

  back = iop_store_get_cultural_profile (store, pid, &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);
  g_assert_true (iop_cultural_profile_get_interpreter_needed (back));
  g_assert_true (iop_cultural_profile_get_interpreter_arranged (back));
  g_assert_cmpstr (iop_cultural_profile_get_interpreter_details (back), ==, "Telephone interpreter");
  g_assert_cmpstr (iop_cultural_profile_get_communication (back), ==, "Ask directly");
  g_assert_cmpstr (iop_cultural_profile_get_identity (back), ==, "“Mexican-American, a mom first.”");
  g_assert_cmpstr (iop_cultural_profile_get_family_roles (back), ==, "Her sister");
  g_assert_cmpstr (iop_cultural_profile_get_beliefs (back), ==, "Willpower");
  g_assert_cmpstr (iop_cultural_profile_get_spirituality (back), ==, "Catholic");
  g_assert_cmpstr (iop_cultural_profile_get_stigma_concerns (back), ==, "Parish");
  g_assert_cmpstr (iop_cultural_profile_get_observances (back), ==, "Friday prayers");
  g_assert_cmpint (iop_cultural_profile_get_observance_weekdays (back), ==, 1 << 4);
  g_assert_cmpstr (iop_cultural_profile_get_observance_start (back), ==, "12:30");
  g_assert_cmpstr (iop_cultural_profile_get_observance_end (back), ==, "14:00");
  g_assert_cmpstr (iop_cultural_profile_get_dietary_needs (back), ==, "Halal");
  g_assert_cmpstr (iop_cultural_profile_get_accessibility (back), ==, "Hearing aid");
  g_assert_cmpstr (iop_cultural_profile_get_respected_in_group (back), ==, "Ask, don't assume");
  g_assert_cmpstr (iop_cultural_profile_get_reviewed_on (back), ==, TODAY);
  g_assert_cmpstr (iop_cultural_profile_get_reviewed_by_name (back), ==, "Camila Ortega");
  g_assert_cmpstr (iop_cultural_profile_get_updated_by_name (back), ==, "Camila Ortega");
  g_assert_cmpstr (iop_cultural_profile_get_cfi_answer (back, IOP_CFI_DEFINITION), ==, "Los nervios");
  g_assert_cmpstr (iop_cultural_profile_get_cfi_recorded_on (back, IOP_CFI_DEFINITION), ==, "2026-11-02");
  g_assert_cmpint (iop_cultural_profile_get_cfi_recorded_by (back, IOP_CFI_DEFINITION), ==, counselor);
  g_assert_cmpstr (iop_cultural_profile_get_cfi_recorded_by_name (back, IOP_CFI_DEFINITION), ==, "Camila Ortega");
  g_assert_cmpstr (iop_cultural_profile_get_cfi_recorded_on (back, IOP_CFI_HELP_SEEKING), ==, TODAY);
  g_assert_cmpstr (iop_cultural_profile_get_cfi_answer (back, IOP_CFI_PERCEPTIONS), ==, "");

  /* Nothing of the participant record is duplicated in the profile tables. */
  {
    sqlite3_stmt *stmt = iop_store_prepare (store, "SELECT count(*) FROM pragma_table_info('cultural_profiles')"
                                            " WHERE name IN ('preferred_name', 'pronouns', 'primary_language')",
                                            NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
    sqlite3_reset (stmt);
  }

  /* A second counselor changes one answer: it is re-stamped, the others keep theirs. */
  {
    gint64 other = add_staff (store, "c2", "Jordan Ellis");
    g_autoptr(IopCulturalProfile) again = NULL;

    iop_store_set_actor (store, other);
    iop_cultural_profile_set_cfi_answer (back, IOP_CFI_HELP_SEEKING, "A woman counselor, and evening hours");
    iop_cultural_profile_set_cfi_answer (back, IOP_CFI_DEFINITION, "");
    iop_cultural_profile_set_reviewed_on (back, "2026-11-19");
    save_profile (store, back);
    again = iop_store_get_cultural_profile (store, pid, &error);
    g_assert_cmpstr (iop_cultural_profile_get_cfi_answer (again, IOP_CFI_DEFINITION), ==, "");
    g_assert_cmpstr (iop_cultural_profile_get_cfi_recorded_on (again, IOP_CFI_HELP_SEEKING), ==, TODAY);
    g_assert_cmpstr (iop_cultural_profile_get_cfi_recorded_by_name (again, IOP_CFI_HELP_SEEKING), ==, "Jordan Ellis");
    g_assert_cmpstr (iop_cultural_profile_get_reviewed_on (again), ==, "2026-11-19");
    g_assert_cmpstr (iop_cultural_profile_get_reviewed_by_name (again), ==, "Jordan Ellis");

    g_assert_true (iop_store_mark_cultural_profile_reviewed (store, pid, NULL, &error));
    g_assert_no_error (error);
    g_clear_object (&again);
    again = iop_store_get_cultural_profile (store, pid, &error);
    g_assert_cmpstr (iop_cultural_profile_get_reviewed_on (again), ==, TODAY);
  }
}

static void
expect_profile_invalid (IopStore *store, IopCulturalProfile *c, const char *fragment)
{
  g_autofree char *before = iop_test_checksum (store);
  g_autoptr(GError) error = NULL;

  g_assert_false (iop_store_save_cultural_profile (store, c, NULL, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, fragment));
  iop_assert_unchanged (store, before);
}

static void
test_profile_validation (void)
{
  g_autoptr(IopStore) store = iop_test_open_store ("profile-validation");
  gint64 pid = add_participant (store, "R-1", "Ana", "Portuguese");
  g_autoptr(IopCulturalProfile) c = iop_cultural_profile_new (pid);
  g_autoptr(GError) error = NULL;

  iop_cultural_profile_set_interpreter_arranged (c, TRUE);
  expect_profile_invalid (store, c, "arranged");
  iop_cultural_profile_set_interpreter_arranged (c, FALSE);

  iop_cultural_profile_set_reviewed_on (c, "2026-02-30");
  expect_profile_invalid (store, c, "not a real date");
  iop_cultural_profile_set_reviewed_on (c, "2026-11-21");
  expect_profile_invalid (store, c, "future");
  iop_cultural_profile_set_reviewed_on (c, NULL);

  iop_cultural_profile_set_observance_weekdays (c, 1 << 4);
  expect_profile_invalid (store, c, "Describe the observance");
  iop_cultural_profile_set_observances (c, "Prayer");
  iop_cultural_profile_set_observance_start (c, "14:00");
  iop_cultural_profile_set_observance_end (c, "13:00");
  expect_profile_invalid (store, c, "ends before it starts");
  iop_cultural_profile_set_observance_end (c, "25:00");
  expect_profile_invalid (store, c, "not a real time");
  iop_cultural_profile_set_observance_end (c, NULL);
  expect_profile_invalid (store, c, "or neither");
  iop_cultural_profile_set_observance_end (c, "15:00");

  iop_cultural_profile_set_cfi_answer (c, IOP_CFI_PERCEPTIONS, "Work stress");
  iop_cultural_profile_set_cfi_recorded_on (c, IOP_CFI_PERCEPTIONS, "2026-13-01");
  expect_profile_invalid (store, c, "not a real date");
  iop_cultural_profile_set_cfi_recorded_on (c, IOP_CFI_PERCEPTIONS, NULL);

  /* A participant that does not exist */
  {
    g_autoptr(IopCulturalProfile) ghost = iop_cultural_profile_new (9999);
    g_autofree char *before = iop_test_checksum (store);

    g_assert_false (iop_store_save_cultural_profile (store, ghost, NULL, &error));
    g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    iop_assert_unchanged (store, before);
  }

  /* A participant record the profile carries that breaks its own rules: nothing is written */
  {
    g_autoptr(IopParticipant) p = iop_store_get_participant (store, pid, NULL);
    g_autofree char *long_name = g_strnfill (201, 'a');
    g_autofree char *before = iop_test_checksum (store);

    iop_participant_set_preferred_name (p, long_name);
    g_assert_false (iop_store_save_cultural_profile (store, c, p, &error));
    g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
    g_clear_error (&error);
    iop_assert_unchanged (store, before);

    /* … nor for someone else's record */
    iop_participant_set_preferred_name (p, "Ana");
    iop_participant_set_id (p, pid + 1000);
    g_assert_false (iop_store_save_cultural_profile (store, c, p, &error));
    g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
    g_clear_error (&error);
    iop_assert_unchanged (store, before);
  }

  /* Reviewing a profile that was never started */
  {
    g_autofree char *before = iop_test_checksum (store);

    g_assert_false (iop_store_mark_cultural_profile_reviewed (store, pid, NULL, &error));
    g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    iop_assert_unchanged (store, before);
  }

  save_profile (store, c);
}

static gint64
add_note (IopStore *store, gint64 participant, gint64 group, const char *text)
{
  g_autoptr(IopCulturalNote) note = iop_cultural_note_new ();
  g_autoptr(GError) error = NULL;

  iop_cultural_note_set_participant_id (note, participant);
  iop_cultural_note_set_group_id (note, group);
  iop_cultural_note_set_date (note, "2026-11-18");
  iop_cultural_note_set_kind (note, "adaptation");
  iop_cultural_note_set_text (note, text);
  iop_cultural_note_set_outcome (note, "It worked");
  g_assert_true (iop_store_add_cultural_note (store, note, &error));
  g_assert_no_error (error);
  return iop_cultural_note_get_id (note);
}

static void
test_notes_sign_and_addenda (void)
{
  g_autoptr(IopStore) store = iop_test_open_store ("notes");
  gint64 counselor = add_staff (store, "c1", "Camila Ortega");
  gint64 pid = add_participant (store, "R-1", "Joe", "English");
  gint64 gid = add_group (store, 1, "09:00", 60);
  g_autoptr(IopCulturalNote) note = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GListModel) addenda = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  gint64 note_id, group_note_id, addendum_id = 0;

  iop_store_set_actor (store, counselor);
  note_id = add_note (store, pid, 0, "Story prompts instead of a go-round");
  group_note_id = add_note (store, 0, gid, "Music chosen by the members");

  note = iop_store_get_cultural_note (store, note_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (iop_cultural_note_get_text (note), ==, "Story prompts instead of a go-round");
  g_assert_cmpstr (iop_cultural_note_get_outcome (note), ==, "It worked");
  g_assert_cmpstr (iop_cultural_note_get_kind (note), ==, "adaptation");
  g_assert_cmpstr (iop_cultural_note_get_date (note), ==, "2026-11-18");
  g_assert_cmpstr (iop_cultural_note_get_author_name (note), ==, "Camila Ortega");
  g_assert_cmpstr (iop_cultural_note_get_subject_name (note), ==, "Joe Test");
  g_assert_false (iop_cultural_note_is_signed (note));

  /* Editable until signed */
  iop_cultural_note_set_text (note, "Story prompts instead of a go-round; he spoke for five minutes");
  g_assert_true (iop_store_update_cultural_note (store, note, &error));
  g_assert_no_error (error);

  list = iop_store_list_cultural_notes_for_group (store, gid, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_clear_object (&list);
  list = iop_store_list_recent_cultural_notes (store, 10, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  g_clear_object (&list);

  /* An addendum is only for a signed note */
  before = iop_test_checksum (store);
  g_assert_false (iop_store_add_cultural_note_addendum (store, note_id, "Later", NULL, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (raw_exec (store, "INSERT INTO cultural_note_addenda (note_id, created_at, text)"
                                    " SELECT id, 'x', 'raw' FROM cultural_notes"), ==, SQLITE_CONSTRAINT);
  iop_assert_unchanged (store, before);
  g_clear_pointer (&before, g_free);

  g_assert_true (iop_store_sign_cultural_note (store, note_id, &error));
  g_assert_no_error (error);
  g_clear_object (&note);
  note = iop_store_get_cultural_note (store, note_id, &error);
  g_assert_true (iop_cultural_note_is_signed (note));
  g_assert_cmpstr (iop_cultural_note_get_signed_by_name (note), ==, "Camila Ortega");

  /* Locked: through the store … */
  before = iop_test_checksum (store);
  iop_cultural_note_set_text (note, "Rewritten");
  g_assert_false (iop_store_update_cultural_note (store, note, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_false (iop_store_sign_cultural_note (store, note_id, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_LOCKED);
  g_clear_error (&error);

  /* … and by the database itself, for any SQL */
  g_assert_cmpint (raw_exec (store, "UPDATE cultural_notes SET text = 'raw' WHERE signed_at IS NOT NULL"), ==,
                   SQLITE_CONSTRAINT);
  g_assert_cmpint (raw_exec (store, "UPDATE cultural_notes SET signed_at = NULL, signed_by = NULL"
                                    " WHERE signed_at IS NOT NULL"), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (raw_exec (store, "DELETE FROM cultural_notes WHERE signed_at IS NOT NULL"), ==, SQLITE_CONSTRAINT);
  iop_assert_unchanged (store, before);
  g_clear_pointer (&before, g_free);

  /* The unsigned group note can still change */
  g_assert_cmpint (raw_exec (store, "UPDATE cultural_notes SET outcome = 'Still changing' WHERE signed_at IS NULL"),
                   ==, SQLITE_OK);
  g_assert_cmpint (group_note_id, >, 0);

  /* Addenda, permanent too */
  g_assert_true (iop_store_add_cultural_note_addendum (store, note_id, "He asked to do it again.", &addendum_id,
                                                       &error));
  g_assert_no_error (error);
  g_assert_cmpint (addendum_id, >, 0);
  addenda = iop_store_list_cultural_note_addenda (store, note_id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (addenda), ==, 1);
  {
    g_autoptr(IopCulturalNoteAddendum) a = g_list_model_get_item (addenda, 0);
    g_assert_cmpstr (iop_cultural_note_addendum_get_text (a), ==, "He asked to do it again.");
    g_assert_cmpstr (iop_cultural_note_addendum_get_author_name (a), ==, "Camila Ortega");
  }
  g_clear_object (&note);
  note = iop_store_get_cultural_note (store, note_id, &error);
  g_assert_cmpint (iop_cultural_note_get_n_addenda (note), ==, 1);

  before = iop_test_checksum (store);
  g_assert_cmpint (raw_exec (store, "UPDATE cultural_note_addenda SET text = 'raw'"), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (raw_exec (store, "DELETE FROM cultural_note_addenda"), ==, SQLITE_CONSTRAINT);
  g_assert_false (iop_store_add_cultural_note_addendum (store, note_id, "   ", NULL, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  iop_assert_unchanged (store, before);

  /* Signing needs someone signed in */
  {
    g_autofree char *unchanged = iop_test_checksum (store);

    iop_store_set_actor (store, 0);
    g_assert_false (iop_store_sign_cultural_note (store, group_note_id, &error));
    g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_PERMISSION);
    g_clear_error (&error);
    iop_assert_unchanged (store, unchanged);
  }
}

static void
expect_note_invalid (IopStore *store, IopCulturalNote *note, const char *fragment)
{
  g_autofree char *before = iop_test_checksum (store);
  g_autoptr(GError) error = NULL;

  g_assert_false (iop_store_add_cultural_note (store, note, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, fragment));
  iop_assert_unchanged (store, before);
}

static void
test_note_validation (void)
{
  g_autoptr(IopStore) store = iop_test_open_store ("note-validation");
  gint64 pid = add_participant (store, "R-1", "Ana", "Portuguese");
  gint64 gid = add_group (store, 1, "09:00", 60);
  g_autoptr(IopCulturalNote) note = iop_cultural_note_new ();
  g_autoptr(GError) error = NULL;

  iop_cultural_note_set_participant_id (note, pid);
  iop_cultural_note_set_date (note, "2026-11-01");
  iop_cultural_note_set_text (note, "  \n ");
  expect_note_invalid (store, note, "Write the note");
  iop_cultural_note_set_text (note, "Observed");
  iop_cultural_note_set_date (note, "2026-02-29");
  expect_note_invalid (store, note, "not a real date");
  iop_cultural_note_set_date (note, "2026-11-21");
  expect_note_invalid (store, note, "future");
  iop_cultural_note_set_date (note, "2026-11-20");
  iop_cultural_note_set_kind (note, "gossip");
  expect_note_invalid (store, note, "kind");
  iop_cultural_note_set_kind (note, "reflection");
  iop_cultural_note_set_group_id (note, gid);
  expect_note_invalid (store, note, "participant or a group");
  iop_cultural_note_set_group_id (note, 0);
  iop_cultural_note_set_participant_id (note, 0);
  expect_note_invalid (store, note, "participant or a group");

  /* Editing a saved note with an empty text is refused the same way */
  iop_cultural_note_set_participant_id (note, pid);
  g_assert_true (iop_store_add_cultural_note (store, note, &error));
  g_assert_no_error (error);
  {
    g_autofree char *before = iop_test_checksum (store);

    iop_cultural_note_set_text (note, "");
    g_assert_false (iop_store_update_cultural_note (store, note, &error));
    g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
    g_clear_error (&error);
    iop_cultural_note_set_text (note, "Moved");
    iop_cultural_note_set_participant_id (note, 0);
    iop_cultural_note_set_group_id (note, gid);
    g_assert_false (iop_store_update_cultural_note (store, note, &error));
    g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
    g_clear_error (&error);
    iop_assert_unchanged (store, before);
  }
}

static IopCulturalProfile *
observance (gint64 pid, int weekdays, const char *start, const char *end)
{
  IopCulturalProfile *c = iop_cultural_profile_new (pid);

  iop_cultural_profile_set_observances (c, "Prayer");
  iop_cultural_profile_set_observance_weekdays (c, weekdays);
  iop_cultural_profile_set_observance_start (c, start);
  iop_cultural_profile_set_observance_end (c, end);
  return c;
}

static void
test_conflict_rule (void)
{
  const int mon_wed_fri = 1 | 4 | 16;
  struct {
    int weekdays;
    const char *start, *end;
    gboolean conflict;
  } cases[] = {
    { 16, NULL, NULL, TRUE },            /* Friday, all day */
    { 2, NULL, NULL, FALSE },            /* Tuesday: the group does not meet */
    { 16, "12:30", "14:00", FALSE },     /* Friday after the group ends at 12:00 */
    { 16, "11:00", "13:00", TRUE },      /* overlaps the last hour */
    { 16, "08:00", "09:00", FALSE },     /* ends exactly when the group starts */
    { 16, "12:00", "13:00", FALSE },     /* starts exactly when the group ends */
    { 16, "08:59", "09:01", TRUE },      /* one minute inside */
    { 0x7f, "09:30", "09:45", TRUE },    /* every day, during */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(IopCulturalProfile) c = observance (1, cases[i].weekdays, cases[i].start, cases[i].end);

      g_assert_cmpint (iop_cultural_profile_conflicts_with (c, mon_wed_fri, "09:00", 180), ==, cases[i].conflict);
    }
}

static void
test_composition (void)
{
  g_autoptr(IopStore) store = iop_test_open_store ("composition");
  gint64 counselor = add_staff (store, "c1", "Camila Ortega");
  gint64 gid = add_group (store, 1 | 4 | 16, "09:00", 180);   /* Mon, Wed, Fri 09:00–12:00 */
  gint64 a = add_participant (store, "A", "Ana", "Spanish");
  gint64 b = add_participant (store, "B", "Beto", " spanish ");
  gint64 c = add_participant (store, "C", "Cal", "English");
  gint64 d = add_participant (store, "D", "Dee", "English");
  gint64 e = add_participant (store, "E", "Eli", "Vietnamese");
  gint64 f = add_participant (store, "F", "Fay", "English");
  gint64 g = add_participant (store, "G", "Gus", "");
  g_autoptr(IopCulturalComposition) comp = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *languages = NULL;

  iop_store_set_actor (store, counselor);
  enroll (store, a, gid, NULL);
  enroll (store, b, gid, NULL);
  enroll (store, c, gid, NULL);
  enroll (store, d, gid, NULL);
  enroll (store, e, gid, "2026-10-01");   /* left: not counted */
  enroll (store, f, gid, NULL);
  enroll (store, g, gid, NULL);

  {
    g_autoptr(IopCulturalProfile) pa = iop_cultural_profile_new (a);
    g_autoptr(IopCulturalProfile) pb = observance (b, 16, NULL, NULL);           /* conflict */
    g_autoptr(IopCulturalProfile) pc = observance (c, 16, "12:30", "14:00");     /* no conflict */
    g_autoptr(IopCulturalProfile) pf = observance (f, 16, "11:00", "13:00");     /* conflict */
    g_autoptr(IopCulturalProfile) pg = observance (g, 2, NULL, NULL);            /* Tuesday: none */
    g_autoptr(IopCulturalProfile) pe = observance (e, 16, NULL, NULL);           /* not a member now */

    iop_cultural_profile_set_interpreter_needed (pa, TRUE);
    iop_cultural_profile_set_interpreter_arranged (pa, TRUE);
    iop_cultural_profile_set_dietary_needs (pa, "Halal");
    iop_cultural_profile_set_interpreter_needed (pb, TRUE);
    iop_cultural_profile_set_accessibility (pf, "Wheelchair");
    iop_cultural_profile_set_interpreter_needed (pe, TRUE);
    save_profile (store, pa);
    save_profile (store, pb);
    save_profile (store, pc);
    save_profile (store, pf);
    save_profile (store, pg);
    save_profile (store, pe);
  }

  comp = iop_store_get_cultural_composition (store, gid, "2026-11-20", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (comp->n_members, ==, 6);
  g_assert_cmpuint (comp->n_profiles, ==, 5);
  g_assert_cmpuint (comp->languages->len, ==, 3);
  g_assert_cmpuint (iop_cultural_composition_count_language (comp, "English"), ==, 3);
  g_assert_cmpuint (iop_cultural_composition_count_language (comp, "Spanish"), ==, 2);
  g_assert_cmpuint (iop_cultural_composition_count_language (comp, ""), ==, 1);
  g_assert_cmpuint (iop_cultural_composition_count_language (comp, "Vietnamese"), ==, 0);
  languages = iop_cultural_composition_dup_languages_label (comp);
  g_assert_cmpstr (languages, ==, "English 3 · Spanish 2 · Not recorded 1");
  g_assert_cmpuint (comp->interpreter_needed, ==, 2);
  g_assert_cmpuint (comp->interpreter_arranged, ==, 1);
  g_assert_cmpuint (comp->n_observances, ==, 4);
  g_assert_cmpuint (comp->n_dietary, ==, 1);
  g_assert_cmpuint (comp->n_accessibility, ==, 1);
  g_assert_cmpuint (comp->n_accommodated, ==, 5);
  g_assert_cmpuint (comp->schedule_conflicts, ==, 2);

  /* Before E left, E counted too */
  {
    g_autoptr(IopCulturalComposition) earlier = iop_store_get_cultural_composition (store, gid, "2026-09-01", &error);
    g_assert_cmpuint (earlier->n_members, ==, 7);
    g_assert_cmpuint (earlier->schedule_conflicts, ==, 3);
    g_assert_cmpuint (earlier->interpreter_needed, ==, 3);
  }

  /* The on-screen list names exactly the counted members */
  conflicts = iop_store_list_cultural_conflicts_for_screen (store, gid, "2026-11-20", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 2);
  g_assert_cmpint (((IopCulturalConflict *) conflicts->pdata[0])->participant_id, ==, b);
  g_assert_cmpint (((IopCulturalConflict *) conflicts->pdata[1])->participant_id, ==, f);
  g_assert_cmpstr (((IopCulturalConflict *) conflicts->pdata[1])->schedule, ==, "Fri · 11:00–13:00");

  /* A group that does not exist */
  {
    g_autoptr(IopCulturalComposition) none = iop_store_get_cultural_composition (store, 999, NULL, &error);
    g_assert_null (none);
    g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_NOT_FOUND);
  }
}

static gboolean
has_gap (GListModel *gaps, gint64 participant, IopCulturalGapKind kind)
{
  for (guint i = 0; i < g_list_model_get_n_items (gaps); i++)
    {
      g_autoptr(IopCulturalGap) gap = g_list_model_get_item (gaps, i);

      if (iop_cultural_gap_get_participant_id (gap) == participant && iop_cultural_gap_get_kind (gap) == kind)
        return TRUE;
    }
  return FALSE;
}

static void
test_gaps (void)
{
  g_autoptr(IopStore) store = iop_test_open_store ("gaps");
  gint64 none = add_participant (store, "N", "Nia", "English");
  gint64 interp = add_participant (store, "I", "Ivo", "Somali");
  gint64 arranged = add_participant (store, "A", "Amy", "Arabic");
  gint64 day90 = add_participant (store, "R90", "Rae", "English");
  gint64 day91 = add_participant (store, "R91", "Ray", "English");
  gint64 gone = add_participant (store, "X", "Xan", "English");
  g_autoptr(GListModel) gaps = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *d90 = iop_date_add_days (TODAY, -90);
  g_autofree char *d91 = iop_date_add_days (TODAY, -91);

  {
    g_autoptr(IopCulturalProfile) pi = iop_cultural_profile_new (interp);
    g_autoptr(IopCulturalProfile) pa = iop_cultural_profile_new (arranged);
    g_autoptr(IopCulturalProfile) p90 = iop_cultural_profile_new (day90);
    g_autoptr(IopCulturalProfile) p91 = iop_cultural_profile_new (day91);

    iop_cultural_profile_set_interpreter_needed (pi, TRUE);
    iop_cultural_profile_set_interpreter_needed (pa, TRUE);
    iop_cultural_profile_set_interpreter_arranged (pa, TRUE);
    iop_cultural_profile_set_reviewed_on (p90, d90);
    iop_cultural_profile_set_reviewed_on (p91, d91);
    save_profile (store, pi);
    save_profile (store, pa);
    save_profile (store, p90);
    save_profile (store, p91);
  }
  g_assert_true (iop_store_discharge_participant (store, gone, "2026-11-01", "Completed", &error));
  g_assert_no_error (error);

  gaps = iop_store_list_cultural_gaps (store, TODAY, 90, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (gaps), ==, 3);
  g_assert_true (has_gap (gaps, interp, IOP_CULTURAL_GAP_INTERPRETER));
  g_assert_true (has_gap (gaps, none, IOP_CULTURAL_GAP_NOT_STARTED));
  g_assert_true (has_gap (gaps, day91, IOP_CULTURAL_GAP_REVIEW_DUE));
  g_assert_false (has_gap (gaps, day90, IOP_CULTURAL_GAP_REVIEW_DUE));
  g_assert_false (has_gap (gaps, arranged, IOP_CULTURAL_GAP_INTERPRETER));
  g_assert_false (has_gap (gaps, gone, IOP_CULTURAL_GAP_NOT_STARTED));
  /* Most urgent first */
  {
    g_autoptr(IopCulturalGap) first = g_list_model_get_item (gaps, 0);
    g_autofree char *detail = iop_cultural_gap_dup_detail (first);

    g_assert_cmpint (iop_cultural_gap_get_kind (first), ==, IOP_CULTURAL_GAP_INTERPRETER);
    g_assert_cmpstr (iop_cultural_gap_get_record_number (first), ==, "I");
    g_assert_cmpstr (iop_cultural_gap_kind_id (IOP_CULTURAL_GAP_INTERPRETER), ==, "interpreter");
    g_assert_nonnull (strstr (detail, "last updated"));
  }
  g_clear_object (&gaps);

  /* One day later the 90-day profile is due as well */
  gaps = iop_store_list_cultural_gaps (store, "2026-11-21", 90, &error);
  g_assert_true (has_gap (gaps, day90, IOP_CULTURAL_GAP_REVIEW_DUE));
  g_clear_object (&gaps);

  /* A review closes the gap; arranging the interpreter closes the other */
  {
    g_autoptr(IopCulturalProfile) pi = iop_store_get_cultural_profile (store, interp, &error);

    g_assert_true (iop_store_mark_cultural_profile_reviewed (store, day91, TODAY, &error));
    iop_cultural_profile_set_interpreter_arranged (pi, TRUE);
    save_profile (store, pi);
  }
  gaps = iop_store_list_cultural_gaps (store, TODAY, 90, &error);
  g_assert_cmpuint (g_list_model_get_n_items (gaps), ==, 1);
  g_assert_true (has_gap (gaps, none, IOP_CULTURAL_GAP_NOT_STARTED));
  g_clear_object (&gaps);

  /* The program's review period, from the database setting */
  g_assert_cmpint (iop_store_get_cultural_review_days (store), ==, 90);
  g_assert_true (iop_store_set_setting (store, "cultural-review-days", "30", &error));
  g_assert_cmpint (iop_store_get_cultural_review_days (store), ==, 30);

  gaps = iop_store_list_cultural_gaps (store, "2026-02-30", 90, &error);
  g_assert_null (gaps);
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
}

static void
test_sample (void)
{
  g_autoptr(IopStore) store = NULL;
  g_autoptr(GListModel) gaps = NULL;
  g_autoptr(GListModel) groups = NULL;
  g_autoptr(GError) error = NULL;
  guint kinds[3] = { 0 };
  guint total_conflicts = 0;

  /* The sample is built around the real today; judge it on the same day. */
  g_unsetenv ("CIRCLE_TODAY");
  store = iop_test_open_sample ("sample");

  gaps = iop_store_list_cultural_gaps (store, NULL, IOP_CULTURAL_REVIEW_DAYS, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (gaps); i++)
    {
      g_autoptr(IopCulturalGap) gap = g_list_model_get_item (gaps, i);
      kinds[iop_cultural_gap_get_kind (gap)]++;
    }
  g_assert_cmpuint (kinds[IOP_CULTURAL_GAP_INTERPRETER], ==, 1);
  g_assert_cmpuint (kinds[IOP_CULTURAL_GAP_NOT_STARTED], >=, 3);
  g_assert_cmpuint (kinds[IOP_CULTURAL_GAP_REVIEW_DUE], ==, 1);

  groups = iop_store_list_groups (store, FALSE, &error);
  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(IopGroup) g = g_list_model_get_item (groups, i);
      g_autoptr(GListModel) notes = iop_store_list_cultural_notes_for_group (store, iop_group_get_id (g), &error);
      g_autoptr(IopCulturalComposition) comp = iop_store_get_cultural_composition (store, iop_group_get_id (g),
                                                                                   NULL, &error);
      guint n_signed = 0;

      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (notes), >=, 2);
      for (guint k = 0; k < g_list_model_get_n_items (notes); k++)
        {
          g_autoptr(IopCulturalNote) note = g_list_model_get_item (notes, k);
          n_signed += iop_cultural_note_is_signed (note);
        }
      g_assert_cmpuint (n_signed, >=, 1);
      g_assert_cmpuint (comp->n_profiles, >, 0);
      g_assert_cmpuint (comp->n_members, ==, (guint) iop_group_get_member_count (g));
      total_conflicts += comp->schedule_conflicts;
    }
  g_assert_cmpuint (total_conflicts, >=, 2);
  g_setenv ("CIRCLE_TODAY", TODAY, TRUE);
}

int
main (int argc, char *argv[])
{
  g_setenv ("CIRCLE_TODAY", TODAY, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cultural/profile/round-trip", test_profile_round_trip);
  g_test_add_func ("/cultural/profile/validation", test_profile_validation);
  g_test_add_func ("/cultural/notes/sign-and-addenda", test_notes_sign_and_addenda);
  g_test_add_func ("/cultural/notes/validation", test_note_validation);
  g_test_add_func ("/cultural/composition/conflict-rule", test_conflict_rule);
  g_test_add_func ("/cultural/composition/counts", test_composition);
  g_test_add_func ("/cultural/gaps", test_gaps);
  g_test_add_func ("/cultural/sample", test_sample);

  return g_test_run ();
}
