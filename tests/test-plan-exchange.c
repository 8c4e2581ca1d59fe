/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "iop-fhir.h"
#include "iop-native.h"
#include "iop-plan-import.h"
#include "iop-test-exchange.h"
#include "iop-test-util.h"
#include "iop-xml-reader.h"

static const char *
fhir_dir (void)
{
  static char *dir;
  const char *shared = g_getenv ("CIRCLE_SHARED_DIR");

  if (dir == NULL && shared != NULL)
    dir = g_build_filename (shared, "interop", "fhir-r4", NULL);
  return dir != NULL && g_file_test (dir, G_FILE_TEST_IS_DIR) ? dir : NULL;
}

static gboolean
need_fhir (void)
{
  if (fhir_dir () == NULL || iop_fhir_schema_path () == NULL)
    {
      g_test_skip ("The HL7 FHIR R4 schema and examples are not here: set CIRCLE_SHARED_DIR to the folder holding interop/fhir-r4");
      return FALSE;
    }
  return TRUE;
}

static IopStore *
store_with_records (const char *name,
                    guint       n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IopExchange) e = iop_test_exchange (n);
  IopStore *store = iop_test_open_store (name);

  g_assert_true (iop_store_exchange_write (store, e, "test", &error));
  g_assert_no_error (error);
  return store;
}

static char *
export_native (IopStore   *store,
               const char *record,
               const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IopExchange) e = iop_store_exchange_read (store, record, &error);
  char *path = g_build_filename (iop_test_tmpdir (), name, NULL);

  g_assert_no_error (error);
  g_assert_true (iop_native_write_file (e, path, &error));
  g_assert_no_error (error);
  return path;
}

static void
import_file (IopStore   *store,
             const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IopExchange) e = iop_plan_import_read_file (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (iop_store_exchange_write (store, e, "test", &error));
  g_assert_no_error (error);
}

/* The rows of the plan tables, in id order, without audit timestamps. */
static char *
dump_rows (IopStore *store)
{
  static const char *queries[] = {
    "SELECT id, username, full_name, role, credentials, active FROM staff ORDER BY id",
    "SELECT * FROM participants ORDER BY id",
    "SELECT * FROM treatment_plans ORDER BY id",
    "SELECT * FROM problems ORDER BY id",
    "SELECT * FROM goals ORDER BY id",
    "SELECT * FROM objectives ORDER BY id",
    "SELECT * FROM interventions ORDER BY id",
    "SELECT * FROM progress_entries ORDER BY id",
    "SELECT * FROM measures ORDER BY id",
    "SELECT * FROM measure_answers ORDER BY measure_id, item",
    "SELECT * FROM cultural_profiles ORDER BY participant_id",
    "SELECT * FROM cfi_answers ORDER BY participant_id, domain",
  };
  GString *out = g_string_new (NULL);
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open_v2 (iop_store_get_path (store), &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      sqlite3_stmt *stmt;

      g_assert_cmpint (sqlite3_prepare_v2 (db, queries[q], -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            g_string_append_printf (out, "%s|", sqlite3_column_type (stmt, c) == SQLITE_NULL
                                                 ? "NULL" : (const char *) sqlite3_column_text (stmt, c));
          g_string_append_c (out, '\n');
        }
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
  return g_string_free (out, FALSE);
}

static void
test_native_round_trip (void)
{
  g_autoptr(IopStore) a = store_with_records ("rt-a.db", 3);
  g_autoptr(IopStore) b = iop_test_open_store ("rt-b.db");
  g_autofree char *first = export_native (a, NULL, "first.xml");
  g_autofree char *second = NULL;
  g_autofree char *bytes1 = NULL;
  g_autofree char *bytes2 = NULL;
  g_autofree char *rows_a = NULL;
  g_autofree char *rows_b = NULL;

  import_file (b, first);
  second = export_native (b, NULL, "second.xml");
  g_assert_true (g_file_get_contents (first, &bytes1, NULL, NULL));
  g_assert_true (g_file_get_contents (second, &bytes2, NULL, NULL));
  g_assert_cmpstr (bytes1, ==, bytes2);
  g_assert_nonnull (strstr (bytes1, "xmlns=\"urn:example:iop:plan:1\""));
  g_assert_nonnull (strstr (bytes1, "carried-from=\"v1-g1\""));

  rows_a = dump_rows (a);
  rows_b = dump_rows (b);
  g_assert_cmpstr (rows_a, ==, rows_b);
}

static void
test_native_existing_gets_new_version (void)
{
  g_autoptr(IopStore) a = store_with_records ("ex-a.db", 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *file = export_native (a, "C-00001", "one.xml");
  g_autoptr(IopExchange) e = iop_plan_import_read_file (file, NULL, &error);
  g_autoptr(IopExchange) after = NULL;
  IopExchangeParticipant *p;

  g_assert_no_error (error);
  g_assert_true (iop_store_exchange_write (a, e, "native", &error));
  g_assert_no_error (error);
  /* Same person: the file's latest plan is added as draft version 3; the older
   * version, the measures and the profile already here are skipped, and said. */
  g_assert_cmpuint (e->messages->len, >=, 4);

  after = iop_store_exchange_read (a, "C-00001", &error);
  g_assert_no_error (error);
  p = g_ptr_array_index (after->participants, 0);
  g_assert_cmpuint (p->plans->len, ==, 3);
  g_assert_cmpstr (((IopExchangePlan *) g_ptr_array_index (p->plans, 2))->state, ==, "draft");
  g_assert_cmpstr (((IopExchangePlan *) g_ptr_array_index (p->plans, 2))->supersedes, ==, "v2");
  g_assert_cmpuint (((IopExchangePlan *) g_ptr_array_index (p->plans, 2))->goals->len, ==, 2);
  g_assert_cmpuint (p->measures->len, ==, 2);

  /* A second import would make a second draft: refused, nothing written. */
  {
    g_autoptr(IopExchange) again = iop_plan_import_read_file (file, NULL, &error);
    g_autofree char *before = iop_test_checksum (a);

    g_assert_no_error (error);
    g_assert_false (iop_store_exchange_write (a, again, "native", &error));
    g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "draft"));
    iop_assert_unchanged (a, before);
  }
}

static void
test_refuses_wrong_person (void)
{
  g_autoptr(IopStore) a = store_with_records ("wp-a.db", 1);
  g_autoptr(IopStore) b = store_with_records ("wp-b.db", 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(IopExchange) e = iop_test_exchange (1);
  g_autoptr(IopExchange) e2 = iop_test_exchange (1);
  g_autofree char *before = iop_test_checksum (a);
  IopExchangeParticipant *p = g_ptr_array_index (e->participants, 0);
  IopExchangeParticipant *p2 = g_ptr_array_index (e2->participants, 0);

  /* The record number belongs to María López here; the file says someone else. */
  g_free (p->first_name);
  p->first_name = g_strdup ("Hope");
  g_assert_false (iop_store_exchange_write (a, e, "native", &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "C-00001"));
  iop_assert_unchanged (a, before);
  g_clear_error (&error);

  /* Same name and birth date under another record number: refuse to guess. */
  g_free (p2->record_number);
  p2->record_number = g_strdup ("X-9");
  g_assert_false (iop_store_exchange_write (a, e2, "native", &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "X-9"));
  iop_assert_unchanged (a, before);
}

static void
test_native_invalid_refused (void)
{
  g_autoptr(IopStore) a = store_with_records ("inv-a.db", 1);
  g_autofree char *file = export_native (a, NULL, "valid.xml");
  g_autofree char *text = NULL;
  g_autoptr(GString) bad = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IopExchange) e = NULL;

  g_assert_true (g_file_get_contents (file, &text, NULL, NULL));
  bad = g_string_new (text);
  g_string_replace (bad, "state=\"active\"", "state=\"finished\"", 1);
  e = iop_plan_import_read_memory (bad->str, bad->len, "bad.xml", NULL, &error);
  g_assert_null (e);
  g_assert_error (error, IOP_XML_ERROR, IOP_XML_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "bad.xml:"));
  g_clear_error (&error);

  g_string_assign (bad, text);
  g_string_replace (bad, "2026-06-30", "2026-02-30", 1);
  e = iop_plan_import_read_memory (bad->str, bad->len, "baddate.xml", NULL, &error);
  g_assert_null (e);
  g_assert_error (error, IOP_XML_ERROR, IOP_XML_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2026-02-30"));
}

/* What the database holds but the format cannot say is refused, and no file appears. */
static void
test_export_refuses_invalid (void)
{
  g_autoptr(IopStore) store = iop_test_open_store ("export-invalid.db");
  g_autoptr(IopExchange) e = iop_test_exchange (1);
  g_autoptr(IopExchange) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (iop_test_tmpdir (), "never.xml", NULL);
  IopExchangeParticipant *p = g_ptr_array_index (e->participants, 0);
  IopExchangeGoal *g = g_ptr_array_index (((IopExchangePlan *) g_ptr_array_index (p->plans, 0))->goals, 0);

  g_free (g->target_date);
  g->target_date = g_strdup ("soon");
  g_assert_true (iop_store_exchange_write (store, e, "test", &error));
  back = iop_store_exchange_read (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (iop_native_write_file (back, path, &error));
  g_assert_error (error, IOP_XML_ERROR, IOP_XML_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "soon"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  if (iop_fhir_schema_path () != NULL)
    {
      g_assert_false (iop_fhir_write_file (back, path, &error));
      g_assert_error (error, IOP_XML_ERROR, IOP_XML_ERROR_INVALID);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }
}

static void
test_fhir_round_trip (void)
{
  g_autoptr(IopStore) a = NULL;
  g_autoptr(IopStore) c = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IopExchange) e = NULL;
  g_autoptr(IopExchange) imported = NULL;
  g_autoptr(IopExchange) back = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  IopPlanFormat format;
  IopExchangeParticipant *p;
  IopExchangePlan *v2;
  IopExchangeGoal *g;

  if (!need_fhir ())
    return;
  a = store_with_records ("fhir-a.db", 1);
  c = iop_test_open_store ("fhir-c.db");
  e = iop_store_exchange_read (a, "C-00001", &error);
  g_assert_no_error (error);
  path = g_build_filename (iop_test_tmpdir (), "fhir.xml", NULL);
  g_assert_true (iop_fhir_write_file (e, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "44261-6"));
  g_assert_nonnull (strstr (text, "70274-6"));
  g_assert_nonnull (strstr (text, "<CarePlan>"));

  imported = iop_plan_import_read_file (path, &format, &error);
  g_assert_no_error (error);
  g_assert_cmpint (format, ==, IOP_PLAN_FORMAT_FHIR);
  g_assert_true (iop_store_exchange_write (c, imported, "fhir", &error));
  g_assert_no_error (error);

  back = iop_store_exchange_read (c, "C-00001", &error);
  g_assert_no_error (error);
  p = g_ptr_array_index (back->participants, 0);
  g_assert_cmpstr (p->first_name, ==, "María");
  g_assert_cmpstr (p->last_name, ==, "López");
  g_assert_cmpstr (p->preferred_name, ==, "Mari");
  g_assert_cmpstr (p->date_of_birth, ==, "1988-04-12");
  g_assert_cmpuint (p->plans->len, ==, 2);
  v2 = g_ptr_array_index (p->plans, 1);
  g_assert_cmpstr (v2->state, ==, "draft");
  g_assert_cmpuint (v2->problems->len, ==, 1);
  g_assert_cmpstr (((IopExchangeProblem *) g_ptr_array_index (v2->problems, 0))->life_area, ==, "Substance use");
  g_assert_cmpuint (v2->goals->len, ==, 2);
  g = g_ptr_array_index (v2->goals, 1);
  g_assert_cmpstr (g->statement, ==, "Sleep 7 hours a night");
  g_assert_cmpstr (g->status, ==, "met");
  g_assert_cmpstr (g->target_date, ==, "2026-06-30");
  g_assert_cmpstr (g->problem, ==, "v2-pr1");
  g_assert_cmpuint (g->objectives->len, ==, 1);
  g_assert_cmpstr (((IopExchangeObjective *) g_ptr_array_index (g->objectives, 0))->statement, ==,
                   "Attend 3 groups a week\nand call a sponsor daily");
  g_assert_cmpuint (((IopExchangeObjective *) g_ptr_array_index (g->objectives, 0))->interventions->len, ==, 1);
  g_assert_cmpuint (p->measures->len, ==, 2);
  g_assert_cmpint (((IopExchangeMeasure *) g_ptr_array_index (p->measures, 1))->total, ==, 14);
  g_assert_cmpuint (((IopExchangeMeasure *) g_ptr_array_index (p->measures, 1))->answers->len, ==, 9);
}

static void
test_fhir_official_examples (void)
{
  static const char *files[] = { "patient-example.xml", "careplan-example.xml", "goal-example.xml",
                                 "condition-example.xml", "bundle-transaction.xml" };
  if (!need_fhir ())
    return;
  /* Each into an empty database: the transaction bundle names Peter Chalmers
   * under another identifier than the Patient example, which is refused below. */
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *db = g_strdup_printf ("official-%u.db", i);
      g_autoptr(IopStore) store = iop_test_open_store (db);
      g_autofree char *path = g_build_filename (fhir_dir (), "examples", files[i], NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(IopExchange) e = iop_plan_import_read_file (path, NULL, &error);

      g_assert_no_error (error);
      iop_store_exchange_write (store, e, "fhir", &error);
      g_assert_no_error (error);
      if (i > 0 && i < 4)
        g_assert_cmpuint (e->messages->len, >, 0);  /* no patient in the file: said plainly */
    }

  /* The same person under two identifiers across files: refused, nothing written. */
  {
    g_autoptr(IopStore) store = iop_test_open_store ("official-both.db");
    g_autofree char *patient = g_build_filename (fhir_dir (), "examples", "patient-example.xml", NULL);
    g_autofree char *bundle = g_build_filename (fhir_dir (), "examples", "bundle-transaction.xml", NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(IopExchange) e = NULL;
    g_autofree char *before = NULL;

    import_file (store, patient);
    before = iop_test_checksum (store);
    e = iop_plan_import_read_file (bundle, NULL, &error);
    g_assert_no_error (error);
    g_assert_false (iop_store_exchange_write (store, e, "fhir", &error));
    g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "12345"));
    iop_assert_unchanged (store, before);
  }
}

/* The official Patient and CarePlan examples together in one Bundle: the plan lands. */
static void
test_fhir_official_bundle (void)
{
  g_autoptr(IopStore) store = NULL;
  g_autoptr(GString) bundle = g_string_new ("<Bundle xmlns=\"http://hl7.org/fhir\"><type value=\"collection\"/>");
  static const char *files[] = { "patient-example.xml", "careplan-example.xml", "goal-example.xml", "condition-example.xml" };
  g_autoptr(GError) error = NULL;
  g_autoptr(IopExchange) e = NULL;
  g_autoptr(IopExchange) back = NULL;
  IopExchangeParticipant *p;
  IopExchangePlan *plan;

  if (!need_fhir ())
    return;
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (fhir_dir (), "examples", files[i], NULL);
      g_autofree char *text = NULL;
      const char *start;

      g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
      start = strstr (text, "?>") + 2;
      g_string_append_printf (bundle, "<entry><fullUrl value=\"http://example.org/fhir/%s\"/><resource>%s</resource></entry>",
                              i == 0 ? "Patient/example" : i == 1 ? "CarePlan/example" : i == 2 ? "Goal/example" : "Condition/example",
                              start);
    }
  g_string_append (bundle, "</Bundle>");

  store = iop_test_open_store ("official-bundle.db");
  e = iop_plan_import_read_memory (bundle->str, bundle->len, "bundle.xml", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (iop_store_exchange_write (store, e, "fhir", &error));
  g_assert_no_error (error);

  back = iop_store_exchange_read (store, "12345", &error);
  g_assert_no_error (error);
  p = g_ptr_array_index (back->participants, 0);
  g_assert_cmpstr (p->first_name, ==, "Peter");
  g_assert_cmpstr (p->last_name, ==, "Chalmers");
  g_assert_cmpstr (p->preferred_name, ==, "Jim");
  g_assert_cmpuint (p->plans->len, >=, 1);
  plan = g_ptr_array_index (p->plans, 0);
  g_assert_cmpuint (plan->goals->len, ==, 1);
  g_assert_cmpstr (((IopExchangeGoal *) g_ptr_array_index (plan->goals, 0))->statement, ==, "Target weight is 160 to 180 lbs.");
  g_assert_cmpstr (((IopExchangeGoal *) g_ptr_array_index (plan->goals, 0))->target_date, ==, "2016-04-05");
  g_assert_cmpuint (plan->problems->len, ==, 1);
  g_assert_cmpstr (((IopExchangeProblem *) g_ptr_array_index (plan->problems, 0))->description, ==, "Obesity");
}

static void
test_fhir_ambiguous_identifiers (void)
{
  g_autoptr(IopStore) store = store_with_records ("amb.db", 2);
  g_autofree char *before = iop_test_checksum (store);
  const char *xml =
    "<Patient xmlns=\"http://hl7.org/fhir\">"
    "<identifier><system value=\"urn:example:iop:record-number\"/><value value=\"C-00001\"/></identifier>"
    "<identifier><system value=\"urn:other\"/><value value=\"C-00002\"/></identifier>"
    "<name><family value=\"López\"/><given value=\"María\"/></name><birthDate value=\"1988-04-12\"/></Patient>";
  g_autoptr(GError) error = NULL;
  g_autoptr(IopExchange) e = iop_plan_import_read_memory (xml, strlen (xml), "amb.xml", NULL, &error);

  g_assert_no_error (error);
  g_assert_false (iop_store_exchange_write (store, e, "fhir", &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "C-00002"));
  iop_assert_unchanged (store, before);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/plan-exchange/native/round-trip", test_native_round_trip);
  g_test_add_func ("/plan-exchange/native/existing", test_native_existing_gets_new_version);
  g_test_add_func ("/plan-exchange/native/invalid", test_native_invalid_refused);
  g_test_add_func ("/plan-exchange/match/wrong-person", test_refuses_wrong_person);
  g_test_add_func ("/plan-exchange/export/invalid", test_export_refuses_invalid);
  g_test_add_func ("/plan-exchange/fhir/round-trip", test_fhir_round_trip);
  g_test_add_func ("/plan-exchange/fhir/official-examples", test_fhir_official_examples);
  g_test_add_func ("/plan-exchange/fhir/official-bundle", test_fhir_official_bundle);
  g_test_add_func ("/plan-exchange/fhir/ambiguous", test_fhir_ambiguous_identifiers);
  return g_test_run ();
}
