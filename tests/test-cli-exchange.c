/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include <sqlite3.h>

#include "iop-fhir.h"
#include "iop-native.h"
#include "iop-store-consents.h"
#include "iop-store-people.h"
#include "iop-xml-reader.h"
#include "iop-test-exchange.h"
#include "iop-test-util.h"

static char *
records_db (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IopExchange) e = iop_test_exchange (2);
  g_autoptr(IopStore) store = iop_test_open_store (name);

  /* Command-line jobs sign in (tests/test-cli.c): the administrator imports and exports. */
  iop_test_add_admin (store);
  g_assert_true (iop_store_exchange_write (store, e, "test", &error));
  g_assert_no_error (error);
  return g_strdup (iop_store_get_path (store));
}

static char *
tmp (const char *name)
{
  return g_build_filename (iop_test_tmpdir (), name, NULL);
}

static void
test_native_export_import (void)
{
  g_autofree char *a = records_db ("cli-a.db");
  g_autofree char *b = iop_test_db_path ("cli-b");
  g_autoptr(IopStore) empty = iop_test_open_store ("cli-b");
  g_autofree char *file = tmp ("cli-all.xml");
  g_autofree char *again = tmp ("cli-again.xml");
  g_autofree char *out = NULL, *err = NULL, *bytes1 = NULL, *bytes2 = NULL;
  int status;

  iop_test_add_admin (empty);
  g_clear_object (&empty);
  {
    const char *args[] = { "--database", a, "--export-plan", "all", "--format", "native", "--output", file, NULL };
    iop_test_run_circle (args, &out, &err, &status);
    g_assert_cmpstr (err, ==, "");
    g_assert_cmpint (status, ==, 0);
    g_assert_cmpstr (out, ==, "exported\tC-00001\t2\t2\nexported\tC-00002\t2\t2\n");
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  {
    const char *args[] = { "--database", b, "--import-plan", file, NULL };
    iop_test_run_circle (args, &out, &err, &status);
    g_assert_cmpint (status, ==, 0);
    g_assert_true (g_str_has_prefix (out, "format\tnative\nparticipant\tC-00001\tnew\t2\t2\nparticipant\tC-00002\tnew\t2\t2\n"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  {
    const char *args[] = { "--database", b, "--export-plan", "all", "--output", again, NULL };
    iop_test_run_circle (args, &out, &err, &status);
    g_assert_cmpint (status, ==, 0);
  }
  g_assert_true (g_file_get_contents (file, &bytes1, NULL, NULL));
  g_assert_true (g_file_get_contents (again, &bytes2, NULL, NULL));
  g_assert_cmpstr (bytes1, ==, bytes2);
}

static void
test_fhir_export_import (void)
{
  g_autofree char *a = NULL;
  g_autofree char *c = NULL;
  g_autofree char *file = tmp ("cli-fhir.xml");
  g_autofree char *out = NULL, *err = NULL;
  int status;

  if (iop_fhir_schema_path () == NULL)
    {
      g_test_skip ("The HL7 FHIR R4 schema is not here: set CIRCLE_SHARED_DIR to the folder holding interop/fhir-r4");
      return;
    }
  a = records_db ("cli-fa.db");
  c = iop_test_db_path ("cli-fc");
  {
    g_autoptr(IopStore) empty = iop_test_open_store ("cli-fc");
    iop_test_add_admin (empty);
  }
  {
    const char *args[] = { "--database", a, "--export-plan", "C-00002", "--format", "fhir", "--output", file, NULL };
    iop_test_run_circle (args, &out, &err, &status);
    g_assert_cmpstr (err, ==, "");
    g_assert_cmpint (status, ==, 0);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  {
    const char *args[] = { "--database", c, "--import-plan", file, NULL };
    iop_test_run_circle (args, &out, &err, &status);
    g_assert_cmpint (status, ==, 0);
    g_assert_true (g_str_has_prefix (out, "format\tfhir\nparticipant\tC-00002\tnew\t2\t2\n"));
    g_assert_nonnull (strstr (out, "note\tC-00002"));  /* the defaulted admission date is said */
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }

  /* Everyone at once: one collection Bundle, which imports as everyone. */
  {
    g_autofree char *all_file = tmp ("cli-fhir-all.xml");
    g_autofree char *d = iop_test_db_path ("cli-fd");
    g_autoptr(GPtrArray) people = NULL;
    const char *export_args[] = { "--database", a, "--export-plan", "all", "--format", "fhir", "--output", all_file, NULL };
    const char *import_args[] = { "--database", d, "--import-plan", all_file, NULL };
    g_auto(GStrv) lines = NULL;
    guint n_new = 0;

    {
      g_autoptr(IopStore) source = iop_store_open (a, NULL);
      people = iop_store_list_participants (source, NULL);
    }
    {
      g_autoptr(IopStore) empty = iop_test_open_store ("cli-fd");
      iop_test_add_admin (empty);
    }
    iop_test_run_circle (export_args, &out, &err, &status);
    g_assert_cmpstr (err, ==, "");
    g_assert_cmpint (status, ==, 0);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    iop_test_run_circle (import_args, &out, &err, &status);
    g_assert_cmpint (status, ==, 0);
    g_assert_true (g_str_has_prefix (out, "format\tfhir\n"));
    lines = g_strsplit (out, "\n", -1);
    for (guint i = 0; lines[i] != NULL; i++)
      if (g_str_has_prefix (lines[i], "participant\t") && strstr (lines[i], "\tnew\t") != NULL)
        n_new++;
    g_assert_cmpuint (people->len, >, 1);
    g_assert_cmpuint (n_new, ==, people->len);
  }
}

static void
test_refusals (void)
{
  g_autofree char *a = records_db ("cli-r.db");
  g_autofree char *bad = tmp ("cli-bad.xml");
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *before = NULL;
  int status;

  {
    g_autoptr(IopStore) store = iop_store_open (a, NULL);
    before = iop_test_checksum (store);
  }
  g_assert_true (g_file_set_contents (bad, "<?xml version='1.0'?>\n<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>\n<x>&e;</x>", -1, NULL));
  {
    const char *args[] = { "--database", a, "--import-plan", bad, NULL };
    g_autofree char *prefix = g_strdup_printf ("circle: %s:2: ", bad);

    iop_test_run_circle (args, &out, &err, &status);
    g_assert_cmpint (status, !=, 0);
    g_assert_true (g_str_has_prefix (err, prefix));
    g_assert_cmpstr (out, ==, "");
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  {
    const char *args[] = { "--database", a, "--export-plan", "all", "--format", "hl7v2", "--output", bad, NULL };
    iop_test_run_circle (args, &out, &err, &status);
    g_assert_cmpint (status, !=, 0);
    g_assert_cmpstr (err, ==, "circle: --format must be native or fhir\n");
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  {
    const char *args[] = { "--database", a, "--export-plan", "NOPE-1", "--output", bad, NULL };
    iop_test_run_circle (args, &out, &err, &status);
    g_assert_cmpint (status, !=, 0);
    g_assert_nonnull (strstr (err, "NOPE-1"));
  }
  {
    g_autoptr(IopStore) store = iop_store_open (a, NULL);
    iop_assert_unchanged (store, before);
  }
}


static guint
count_rows (const char *db,
            const char *sql)
{
  sqlite3 *conn = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n = 0;

  g_assert_cmpint (sqlite3_open_v2 (db, &conn, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (conn, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (conn);
  return n;
}

static char *
checksum_of (const char *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IopStore) store = iop_store_open (db, &error);

  g_assert_no_error (error);
  return iop_test_checksum (store);
}

/* --export-plan RECORD --disclose-to RECIPIENT --consent ID: refused without
 * a valid consent (nothing written, nothing changed); with one, the file
 * carries the § 2.32 notice, still validates and imports, and the disclosure
 * is recorded once. */
static void
test_plan_disclosure (void)
{
  g_autofree char *db = iop_test_db_path ("cli-disclose");
  g_autofree char *file = tmp ("cli-disclosed.xml");
  g_autofree char *fhir = tmp ("cli-disclosed-fhir.xml");
  g_autofree char *out = NULL, *err = NULL, *before = NULL, *xml = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_unlink (db);
  {
    const char *args[] = { "--database", db, "--sample-data", NULL };
    iop_test_run_circle (args, &out, &err, &status);
    g_assert_cmpint (status, ==, 0);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  g_setenv ("CIRCLE_USER", "counselor1", TRUE);
  before = checksum_of (db);

  {
    /* No consent named. */
    const char *args[] = { "--database", db, "--export-plan", "IOP-1001", "--output", file,
                           "--disclose-to", "Dr. Alan Reyes, Riverside Family Medicine", NULL };
    iop_test_run_circle (args, &out, &err, &status);
    g_assert_cmpint (status, !=, 0);
    g_assert_nonnull (strstr (err, "--consent"));
    g_assert_false (g_file_test (file, G_FILE_TEST_EXISTS));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  {
    /* An expired consent (the sample's consent 2). */
    const char *args[] = { "--database", db, "--export-plan", "IOP-1001", "--output", file,
                           "--disclose-to", "Lakeview County Drug Court", "--consent", "2", NULL };
    iop_test_run_circle (args, &out, &err, &status);
    g_assert_cmpint (status, !=, 0);
    g_assert_nonnull (strstr (err, "expired"));
    g_assert_false (g_file_test (file, G_FILE_TEST_EXISTS));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  {
    /* A disclosure is of one participant. */
    const char *args[] = { "--database", db, "--export-plan", "all", "--output", file,
                           "--disclose-to", "Dr. Alan Reyes, Riverside Family Medicine", "--consent", "1", NULL };
    iop_test_run_circle (args, &out, &err, &status);
    g_assert_cmpint (status, !=, 0);
    g_assert_nonnull (strstr (err, "one participant"));
    g_assert_false (g_file_test (file, G_FILE_TEST_EXISTS));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  {
    g_autofree char *after = checksum_of (db);
    g_assert_cmpstr (after, ==, before);
  }

  {
    const char *args[] = { "--database", db, "--export-plan", "IOP-1001", "--output", file,
                           "--disclose-to", "Dr. Alan Reyes, Riverside Family Medicine", "--consent", "1", NULL };
    iop_test_run_circle (args, &out, &err, &status);
    g_assert_cmpstr (err, ==, "");
    g_assert_cmpint (status, ==, 0);
    g_assert_true (g_str_has_prefix (out, "exported\tIOP-1001\t"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  g_assert_true (g_file_get_contents (file, &xml, NULL, NULL));
  /* The notice comes first, before the records. */
  {
    const char *notice = strstr (xml, "<!--");
    const char *root = strstr (xml, "<plans");

    g_assert_nonnull (notice);
    g_assert_true (root == NULL || notice < root);
    g_assert_nonnull (strstr (xml, "Disclosed to Dr. Alan Reyes, Riverside Family Medicine under consent 1"));
    g_assert_nonnull (strstr (xml, "42 CFR part 2"));
  }
  {
    g_autoptr(xmlDoc) doc = iop_xml_read_file (file, &error);

    g_assert_no_error (error);
    g_assert_true (iop_xml_validate (doc, iop_native_schema_path (), &error));
    g_assert_no_error (error);
  }
  g_assert_cmpuint (count_rows (db, "SELECT count(*) FROM disclosures d JOIN participants p ON p.id = d.participant_id"
                                    " WHERE p.record_number = 'IOP-1001' AND d.what = 'Treatment plan' AND d.consent_id = 1"), ==, 1);
  g_assert_cmpuint (count_rows (db, "SELECT count(*) FROM audit_log a JOIN participants p ON p.id = a.participant_id"
                                    " WHERE p.record_number = 'IOP-1001' AND a.action = 'disclose'"
                                    " AND a.detail LIKE '%Treatment plan%'"), ==, 1);

  /* FHIR carries it the same way (where the FHIR schema is here to check it). */
  if (iop_fhir_schema_path () == NULL)
    g_test_message ("The HL7 FHIR R4 schema is not here: the FHIR disclosure is not checked");
  else
    {
      g_autofree char *fhir_xml = NULL;
      const char *args[] = { "--database", db, "--export-plan", "IOP-1001", "--format", "fhir", "--output", fhir,
                             "--disclose-to", "Dr. Alan Reyes, Riverside Family Medicine", "--consent", "1", NULL };
      iop_test_run_circle (args, &out, &err, &status);
      g_assert_cmpint (status, ==, 0);
      g_assert_true (g_file_get_contents (fhir, &fhir_xml, NULL, NULL));
      g_assert_nonnull (strstr (fhir_xml, "42 CFR part 2"));
      {
        g_autoptr(xmlDoc) doc = iop_xml_read_file (fhir, &error);

        g_assert_no_error (error);
        g_assert_true (iop_xml_validate (doc, iop_fhir_schema_path (), &error));
        g_assert_no_error (error);
      }
      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);
    }

  /* The disclosed file imports into another program's Circle. */
  g_setenv ("CIRCLE_USER", "admin", TRUE);
  {
    g_autofree char *b = iop_test_db_path ("cli-disclose-b");
    g_autoptr(IopStore) empty = iop_test_open_store ("cli-disclose-b");
    const char *args[] = { "--database", b, "--import-plan", file, NULL };

    iop_test_add_admin (empty);
    g_clear_object (&empty);
    iop_test_run_circle (args, &out, &err, &status);
    g_assert_cmpint (status, ==, 0);
    g_assert_nonnull (strstr (out, "participant\tIOP-1001\tnew\t"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* Every job signs in (see tests/test-cli.c); the administrator may read every record. */
  g_setenv ("CIRCLE_USER", "admin", TRUE);
  g_setenv ("CIRCLE_PASSPHRASE", "sample", TRUE);
  g_test_add_func ("/cli-exchange/native", test_native_export_import);
  g_test_add_func ("/cli-exchange/fhir", test_fhir_export_import);
  g_test_add_func ("/cli-exchange/refusals", test_refusals);
  g_test_add_func ("/cli-exchange/plan-disclosure", test_plan_disclosure);
  return g_test_run ();
}
