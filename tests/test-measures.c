/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "iop-date.h"
#include "iop-instrument-loader.h"
#include "iop-store-measures.h"
#include "iop-store-people.h"
#include "iop-store-private.h"
#include "iop-test-util.h"

typedef struct {
  IopStore              *store;
  IopInstrumentRegistry *registry;
  gint64                 counselor;
  gint64                 participant;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(IopStaff) staff = iop_staff_new ();
  g_autoptr(IopParticipant) p = iop_participant_new ();
  g_autoptr(GError) error = NULL;
  static guint n;
  g_autofree char *name = g_strdup_printf ("measures-%u", n++);

  f->store = iop_test_open_store (name);
  f->registry = iop_instrument_registry_load_default (NULL, &error);
  g_assert_no_error (error);
  iop_staff_set_username (staff, "camila");
  iop_staff_set_full_name (staff, "Camila Ortega");
  g_assert_true (iop_store_add_staff (f->store, staff, &error));
  f->counselor = iop_staff_get_id (staff);
  iop_store_set_actor (f->store, f->counselor);

  iop_participant_set_record_number (p, "M-1");
  iop_participant_set_first_name (p, "Aisha");
  iop_participant_set_last_name (p, "Rahman");
  iop_participant_set_admission_date (p, "2026-09-01");
  g_assert_true (iop_store_add_participant (f->store, p, &error));
  f->participant = iop_participant_get_id (p);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  g_clear_pointer (&f->registry, iop_instrument_registry_unref);
}

static gint64
add (Fixture *f, const char *instrument, const char *date, const int *answers, guint n)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  g_assert_true (iop_store_add_measure (f->store, iop_instrument_registry_lookup (f->registry, instrument),
                                        f->participant, date, answers, n, 0, &id, &error));
  g_assert_no_error (error);
  return id;
}

static void
test_record_and_list (Fixture *f, gconstpointer data)
{
  int phq[9] = { 2, 2, 1, 2, 1, 1, 1, 1, 0 };          /* 11: moderate */
  int phq_later[9] = { 1, 1, 0, 1, 0, 1, 0, 0, 0 };    /* 4: minimal */
  int gad[7] = { 3, 3, 3, 2, 2, 2, 1 };                /* 16: severe */
  int bam[17] = { 2, 3, 1, 1, 0, 2, 4, 3, 4, 3, 0, 2, 4, 4, 0, 1, 4 };
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) phq9 = NULL;
  g_autoptr(GArray) answers = NULL;
  g_autoptr(GError) error = NULL;
  IopMeasure *m;
  gint64 id;

  id = add (f, "PHQ-9", "2026-10-01", phq, 9);
  add (f, "GAD-7", "2026-10-01", gad, 7);
  add (f, "BAM", "2026-10-02", bam, 17);
  add (f, "PHQ-9", "2026-10-15", phq_later, 9);

  all = iop_store_list_measures (f->store, f->participant, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 4);
  phq9 = iop_store_list_measures (f->store, f->participant, "PHQ-9", &error);
  g_assert_cmpuint (phq9->len, ==, 2);
  m = g_ptr_array_index (phq9, 0);
  g_assert_cmpstr (iop_measure_get_date (m), ==, "2026-10-01");
  g_assert_cmpint (iop_measure_get_total (m), ==, 11);
  g_assert_cmpstr (iop_measure_get_severity (m), ==, "moderate");
  g_assert_true (iop_measure_get_complete (m));
  g_assert_false (iop_measure_get_safety_flag (m));
  g_assert_cmpint (iop_measure_get_entered_by (m), ==, f->counselor);
  m = g_ptr_array_index (phq9, 1);
  g_assert_cmpint (iop_measure_get_total (m), ==, 4);
  g_assert_cmpstr (iop_measure_get_severity (m), ==, "minimal");

  m = g_ptr_array_index (all, 1);
  g_assert_cmpstr (iop_measure_get_instrument (m), ==, "GAD-7");
  g_assert_cmpstr (iop_measure_get_severity (m), ==, "severe");
  m = g_ptr_array_index (all, 2);
  g_assert_cmpstr (iop_measure_get_instrument (m), ==, "BAM");
  g_assert_cmpint (iop_measure_get_total (m), ==, -1);
  g_assert_cmpstr (iop_measure_get_subscores (m), ==, "use=3 risk=9 protective=18");

  answers = iop_store_get_measure_answers (f->store, id, 9, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (answers->data, 9 * sizeof (int), phq, sizeof phq);
}

static void
test_incomplete_stored (Fixture *f, gconstpointer data)
{
  int phq[9] = { 3, 3, 3, 3, IOP_ANSWER_MISSING, 3, 3, 3, 0 };
  g_autoptr(IopMeasure) m = NULL;
  g_autoptr(GArray) answers = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = add (f, "PHQ-9", "2026-10-01", phq, 9);

  m = iop_store_get_measure (f->store, id, &error);
  g_assert_false (iop_measure_get_complete (m));
  g_assert_cmpint (iop_measure_get_total (m), ==, -1);
  g_assert_cmpstr (iop_measure_get_severity (m), ==, "");
  answers = iop_store_get_measure_answers (f->store, id, 9, &error);
  g_assert_cmpint (g_array_index (answers, int, 4), ==, IOP_ANSWER_MISSING);
  g_assert_cmpint (g_array_index (answers, int, 0), ==, 3);
}

static void
test_invalid_refused (Fixture *f, gconstpointer data)
{
  IopInstrument *phq9 = iop_instrument_registry_lookup (f->registry, "PHQ-9");
  int out_of_range[9] = { 0, 0, 0, 0, 0, 0, 0, 7, 0 };
  int ok[9] = { 0 };
  g_autofree char *before = iop_test_checksum (f->store);
  g_autofree char *today = iop_date_today ();
  g_autofree char *tomorrow = iop_date_add_days (today, 1);
  g_autoptr(GError) error = NULL;

  g_assert_false (iop_store_add_measure (f->store, phq9, f->participant, "2026-10-01", out_of_range, 9, 0, NULL, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Item 8"));
  g_clear_error (&error);
  g_assert_false (iop_store_add_measure (f->store, phq9, f->participant, "2026-10-01", ok, 8, 0, NULL, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (iop_store_add_measure (f->store, phq9, f->participant, "2026-10-32", ok, 9, 0, NULL, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (iop_store_add_measure (f->store, phq9, f->participant, tomorrow, ok, 9, 0, NULL, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (iop_store_add_measure (f->store, phq9, 4242, "2026-10-01", ok, 9, 0, NULL, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_NOT_FOUND);
  iop_assert_unchanged (f->store, before);
}

static void
test_safety_flag (Fixture *f, gconstpointer data)
{
  int flagged[9] = { 1, 1, 1, 1, 0, 0, 0, 0, 1 };
  g_autoptr(IopMeasure) m = NULL;
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *sql = NULL;
  char *message = NULL;
  gint64 id = add (f, "PHQ-9", "2026-10-01", flagged, 9);

  m = iop_store_get_measure (f->store, id, &error);
  g_assert_true (iop_measure_get_safety_flag (m));
  g_assert_true (iop_measure_needs_acknowledgment (m));
  open = iop_store_list_unacknowledged_flags (f->store, &error);
  g_assert_cmpuint (open->len, ==, 1);
  g_clear_object (&m);

  g_assert_true (iop_store_acknowledge_safety_flag (f->store, id, &error));
  g_assert_no_error (error);
  m = iop_store_get_measure (f->store, id, &error);
  g_assert_false (iop_measure_needs_acknowledgment (m));
  g_assert_true (iop_measure_get_safety_flag (m));
  g_assert_cmpint (iop_measure_get_safety_ack_by (m), ==, f->counselor);
  g_assert_cmpstr (iop_measure_get_safety_ack_by_name (m), ==, "Camila Ortega");
  g_assert_cmpstr (iop_measure_get_safety_ack_at (m), !=, "");
  g_clear_pointer (&open, g_ptr_array_unref);
  open = iop_store_list_unacknowledged_flags (f->store, &error);
  g_assert_cmpuint (open->len, ==, 0);

  /* Once only; and the record itself cannot be rewritten, even with raw SQL. */
  before = iop_test_checksum (f->store);
  g_assert_false (iop_store_acknowledge_safety_flag (f->store, id, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
  sql = g_strdup_printf ("UPDATE measures SET safety_flag = 0 WHERE id = %" G_GINT64_FORMAT, id);
  g_assert_cmpint (sqlite3_exec (iop_store_get_db (f->store), sql, NULL, NULL, &message), !=, SQLITE_OK);
  g_assert_nonnull (strstr (message, "permanent"));
  sqlite3_free (message);
  g_free (sql);
  sql = g_strdup_printf ("UPDATE measures SET safety_ack_at = NULL WHERE id = %" G_GINT64_FORMAT, id);
  g_assert_cmpint (sqlite3_exec (iop_store_get_db (f->store), sql, NULL, NULL, NULL), !=, SQLITE_OK);
  g_free (sql);
  sql = g_strdup_printf ("UPDATE measure_answers SET value = 0 WHERE measure_id = %" G_GINT64_FORMAT, id);
  g_assert_cmpint (sqlite3_exec (iop_store_get_db (f->store), sql, NULL, NULL, NULL), !=, SQLITE_OK);
  g_free (sql);
  sql = g_strdup_printf ("DELETE FROM measures WHERE id = %" G_GINT64_FORMAT, id);
  g_assert_cmpint (sqlite3_exec (iop_store_get_db (f->store), sql, NULL, NULL, NULL), !=, SQLITE_OK);
  iop_assert_unchanged (f->store, before);
}

static void
test_due (Fixture *f, gconstpointer data)
{
  const IopMeasureInterval intervals[] = { { "PHQ-9", 14 }, { "GAD-7", 14 }, { "BAM", 7 } };
  int phq[9] = { 0 };
  int bam[17] = { 0 };
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GError) error = NULL;
  IopMeasureDue *d;

  add (f, "PHQ-9", "2026-10-01", phq, 9);
  add (f, "BAM", "2026-10-10", bam, 17);

  /* On 2026-10-14: PHQ-9 not yet (due 10-15), GAD-7 never given (due since admission), BAM due 10-17. */
  due = iop_store_list_measures_due (f->store, 0, "2026-10-14", intervals, G_N_ELEMENTS (intervals), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 1);
  d = g_ptr_array_index (due, 0);
  g_assert_cmpstr (d->instrument, ==, "GAD-7");
  g_assert_null (d->last_date);
  g_assert_cmpstr (d->due_date, ==, "2026-09-01");
  g_clear_pointer (&due, g_ptr_array_unref);

  due = iop_store_list_measures_due (f->store, 0, "2026-10-17", intervals, G_N_ELEMENTS (intervals), &error);
  g_assert_cmpuint (due->len, ==, 3);
  g_assert_cmpstr (((IopMeasureDue *) g_ptr_array_index (due, 0))->instrument, ==, "GAD-7");
  g_assert_cmpstr (((IopMeasureDue *) g_ptr_array_index (due, 1))->instrument, ==, "PHQ-9");
  g_assert_cmpstr (((IopMeasureDue *) g_ptr_array_index (due, 1))->due_date, ==, "2026-10-15");
  g_assert_cmpstr (((IopMeasureDue *) g_ptr_array_index (due, 2))->instrument, ==, "BAM");
  g_assert_cmpstr (((IopMeasureDue *) g_ptr_array_index (due, 2))->record_number, ==, "M-1");
  g_clear_pointer (&due, g_ptr_array_unref);

  /* For one participant only; someone else's record is not listed. */
  due = iop_store_list_measures_due (f->store, f->participant, "2026-10-17", intervals, G_N_ELEMENTS (intervals), &error);
  g_assert_cmpuint (due->len, ==, 3);
  g_clear_pointer (&due, g_ptr_array_unref);
  due = iop_store_list_measures_due (f->store, f->participant + 100, "2026-10-17", intervals, G_N_ELEMENTS (intervals), &error);
  g_assert_cmpuint (due->len, ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/measures/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("record-and-list", test_record_and_list);
  ADD ("incomplete-stored", test_incomplete_stored);
  ADD ("invalid-refused", test_invalid_refused);
  ADD ("safety-flag", test_safety_flag);
  ADD ("due", test_due);
#undef ADD

  return g_test_run ();
}
