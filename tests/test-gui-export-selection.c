/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Registered as 'gui-export-selection' in gui_tests; runs under xvfb-run -a dbus-run-session. */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "iop-access-private.h"
#include "iop-access.h"
#include "iop-fhir.h"
#include "iop-participant-list.h"
#include "iop-participants-view.h"
#include "iop-plan-import.h"
#include "iop-plans-export-dialog.h"
#include "iop-store-people.h"
#include "iop-store-private.h"
#include "iop-test-util.h"
#include "iop-window.h"
#include "iop-xml-reader.h"

extern GResource *iop_gui_get_resource (void);

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

typedef struct
{
  gboolean   done;
  gboolean   ok;
  guint      n_exported;
  char     **skipped;
  GError    *error;
} ExportWait;

static void
export_wait_clear (ExportWait *wait)
{
  g_strfreev (wait->skipped);
  g_clear_error (&wait->error);
}

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  ExportWait *wait = user_data;

  wait->ok = iop_plans_export_finish (result, &wait->n_exported, &wait->skipped, &wait->error);
  wait->done = TRUE;
}

static void
wait_for (gboolean *flag)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!*flag)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static void
settle (void)
{
  for (int i = 0; i < 20; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

typedef struct
{
  IopStore            *store;
  GtkWindow           *window;
  IopParticipantsView *view;
} Fixture;

static void
fixture_open (Fixture    *f,
              const char *name)
{
  f->store = iop_test_open_sample (name);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 800, 900);
  f->view = IOP_PARTICIPANTS_VIEW (iop_participants_view_new (f->store));
  gtk_window_set_child (f->window, GTK_WIDGET (f->view));
  gtk_window_present (f->window);
  settle ();
}

static void
fixture_close (Fixture *f)
{
  gtk_window_destroy (f->window);
  settle ();
  g_clear_object (&f->store);
}

static guint
count_exports (IopStore *store,
               gint64    participant_id)
{
  sqlite3_stmt *stmt = iop_store_prepare (store,
                                          "SELECT count(*) FROM audit_log WHERE action = 'export'"
                                          " AND participant_id = ?1", NULL);
  guint n;

  g_assert_nonnull (stmt);
  sqlite3_bind_int64 (stmt, 1, participant_id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

static guint
count_all_exports (IopStore *store)
{
  sqlite3_stmt *stmt = iop_store_prepare (store, "SELECT count(*) FROM audit_log WHERE action = 'export'", NULL);
  guint n;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

/* Turns selection mode on the way a person does, and ticks rows 1, 4 and 7. */
static GPtrArray *
select_three (Fixture *f)
{
  GtkSelectionModel *selection;
  GPtrArray *records = g_ptr_array_new_with_free_func (g_free);
  const guint positions[] = { 1, 4, 7 };

  g_assert_false (iop_participants_view_get_selection_mode (f->view));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "view.selection-mode", NULL));
  g_assert_true (iop_participants_view_get_selection_mode (f->view));
  settle ();

  selection = iop_participants_view_get_selection (f->view);
  for (guint i = 0; i < G_N_ELEMENTS (positions); i++)
    {
      g_autoptr(IopParticipant) p = g_list_model_get_item (G_LIST_MODEL (selection), positions[i]);

      gtk_selection_model_select_item (selection, positions[i], FALSE);
      g_ptr_array_add (records, g_strdup (iop_participant_get_record_number (p)));
    }
  g_assert_cmpstr (iop_participants_view_get_selected_text (f->view), ==, "3 selected");
  g_ptr_array_sort (records, compare_strings);
  return records;
}

static void
assert_file_holds (const char *path,
                   GPtrArray  *records,
                   IopPlanFormat expected_format)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IopExchange) back = NULL;
  IopPlanFormat format = IOP_PLAN_FORMAT_NATIVE;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);

  /* The importer validates against the schema before it reads a thing. */
  back = iop_plan_import_read_file (path, &format, &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);
  g_assert_cmpint (format, ==, expected_format);
  g_assert_cmpuint (back->participants->len, ==, records->len);
  for (guint i = 0; i < back->participants->len; i++)
    {
      IopExchangeParticipant *p = g_ptr_array_index (back->participants, i);

      g_assert_cmpuint (p->plans->len, >, 0);
      g_ptr_array_add (found, g_strdup (p->record_number));
    }
  g_ptr_array_sort (found, compare_strings);
  for (guint i = 0; i < records->len; i++)
    g_assert_cmpstr (g_ptr_array_index (found, i), ==, g_ptr_array_index (records, i));
}

static void
test_export_native (void)
{
  Fixture f;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *path = g_build_filename (iop_test_tmpdir (), "selection-native.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  ExportWait wait = { 0 };
  guint before;

  fixture_open (&f, "gui-export-selection-native");
  g_unlink (path);
  records = select_three (&f);
  ids = iop_participants_view_get_selected_ids (f.view);
  g_assert_cmpuint (ids->len, ==, 3);
  before = count_all_exports (f.store);

  iop_participants_view_export_selection_to_file (f.view, "native", file, NULL, exported_cb, &wait);
  wait_for (&wait.done);
  g_assert_no_error (wait.error);
  g_assert_true (wait.ok);
  g_assert_cmpuint (wait.n_exported, ==, 3);
  g_assert_nonnull (wait.skipped);
  g_assert_null (wait.skipped[0]);
  assert_file_holds (path, records, IOP_PLAN_FORMAT_NATIVE);

  /* Once in the audit log per participant, and no one else. */
  for (guint i = 0; i < ids->len; i++)
    g_assert_cmpuint (count_exports (f.store, g_array_index (ids, gint64, i)), ==, 1);
  g_assert_cmpuint (count_all_exports (f.store), ==, before + 3);

  /* Leaving selection mode drops the selection and the check boxes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.view), "view.leave-selection", NULL));
  g_assert_false (iop_participants_view_get_selection_mode (f.view));
  g_assert_true (gtk_bitset_is_empty (gtk_selection_model_get_selection (iop_participants_view_get_selection (f.view))));

  export_wait_clear (&wait);
  fixture_close (&f);
}

static void
test_export_fhir_collection (void)
{
  Fixture f;
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *path = g_build_filename (iop_test_tmpdir (), "selection-fhir.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *text = NULL;
  ExportWait wait = { 0 };

  if (iop_fhir_schema_path () == NULL)
    {
      g_test_skip ("the official FHIR R4 schema (../shared/interop/fhir-r4) is not here");
      return;
    }
  fixture_open (&f, "gui-export-selection-fhir");
  g_unlink (path);
  records = select_three (&f);
  iop_participants_view_export_selection_to_file (f.view, "fhir", file, NULL, exported_cb, &wait);
  wait_for (&wait.done);
  g_assert_no_error (wait.error);
  g_assert_cmpuint (wait.n_exported, ==, 3);
  /* One Bundle of type collection, validated by the importer against the
   * official XSD, holding the three Patients and nobody else. */
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "<type value=\"collection\"/>"));
  assert_file_holds (path, records, IOP_PLAN_FORMAT_FHIR);

  export_wait_clear (&wait);
  fixture_close (&f);
}

static void
test_export_skips_without_plan (void)
{
  Fixture f;
  g_autoptr(IopParticipant) p = iop_participant_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(IopParticipant) first = NULL;
  g_autofree char *path = g_build_filename (iop_test_tmpdir (), "selection-skip.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  ExportWait wait = { 0 };
  gint64 id;

  fixture_open (&f, "gui-export-selection-skip");
  g_unlink (path);
  iop_participant_set_record_number (p, "Z-00001");
  iop_participant_set_first_name (p, "Noel");
  iop_participant_set_last_name (p, "Planless");
  iop_participant_set_admission_date (p, "2026-09-01");
  g_assert_true (iop_store_add_participant (f.store, p, &error));
  g_assert_no_error (error);
  id = iop_participant_get_id (p);
  first = g_list_model_get_item (iop_participants_view_get_model (f.view), 0);
  g_array_append_val (ids, id);
  id = iop_participant_get_id (first);
  g_array_append_val (ids, id);

  iop_plans_export_async (f.store, ids, "native", file, NULL, NULL, NULL, exported_cb, &wait);
  wait_for (&wait.done);
  g_assert_no_error (wait.error);
  g_assert_cmpuint (wait.n_exported, ==, 1);
  g_assert_cmpuint (g_strv_length (wait.skipped), ==, 1);
  g_assert_cmpstr (wait.skipped[0], ==, "Noel Planless (Z-00001)");
  g_assert_cmpuint (count_exports (f.store, iop_participant_get_id (p)), ==, 0);
  export_wait_clear (&wait);

  /* Only people without a plan: nothing to write, and it says so. */
  g_unlink (path);
  g_array_set_size (ids, 1);
  memset (&wait, 0, sizeof wait);
  iop_plans_export_async (f.store, ids, "native", file, NULL, NULL, NULL, exported_cb, &wait);
  wait_for (&wait.done);
  g_assert_false (wait.ok);
  g_assert_error (wait.error, IOP_STORE_ERROR, IOP_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (wait.error->message, "no treatment plan"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  export_wait_clear (&wait);
  fixture_close (&f);
}

static void
test_export_cancelled_writes_nothing (void)
{
  Fixture f;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *path = g_build_filename (iop_test_tmpdir (), "selection-cancelled.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  ExportWait wait = { 0 };
  guint before;

  fixture_open (&f, "gui-export-selection-cancel");
  g_unlink (path);
  records = select_three (&f);
  before = count_all_exports (f.store);
  /* Cancelled before the worker reaches the commit, the point of no return:
   * here before it starts, so the outcome does not depend on thread timing. */
  g_cancellable_cancel (cancellable);
  iop_participants_view_export_selection_to_file (f.view, "native", file, cancellable, exported_cb, &wait);
  wait_for (&wait.done);
  g_assert_false (wait.ok);
  g_assert_error (wait.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_all_exports (f.store), ==, before);
  export_wait_clear (&wait);
  fixture_close (&f);
}

static void
test_export_unwritable_folder (void)
{
  Fixture f;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  /* A folder that is a file: no one, not even root, can write in it. */
  g_autofree char *blocker = g_build_filename (iop_test_tmpdir (), "selection-not-a-folder", NULL);
  g_autofree char *path = g_build_filename (blocker, "plans.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *checksum = NULL;
  ExportWait wait = { 0 };
  guint before;

  g_assert_true (g_file_set_contents (blocker, "", 0, &error));
  fixture_open (&f, "gui-export-selection-unwritable");
  records = select_three (&f);
  before = count_all_exports (f.store);
  checksum = iop_test_checksum (f.store);
  iop_participants_view_export_selection_to_file (f.view, "native", file, NULL, exported_cb, &wait);
  wait_for (&wait.done);
  g_assert_false (wait.ok);
  g_assert_error (wait.error, G_FILE_ERROR, G_FILE_ERROR_NOTDIR);
  /* The message names the file a person chose. */
  g_assert_nonnull (strstr (wait.error->message, "plans.xml"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  /* No audit entry claims an export that did not happen. */
  g_assert_cmpuint (count_all_exports (f.store), ==, before);
  iop_assert_unchanged (f.store, checksum);
  export_wait_clear (&wait);
  fixture_close (&f);
}

static void
test_export_refused_outside_caseload (void)
{
  Fixture f;
  GListModel *model;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *path = g_build_filename (iop_test_tmpdir (), "selection-refused.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *outside_record = NULL;
  ExportWait wait = { 0 };
  gint64 inside = 0, outside = 0;
  guint before;

  fixture_open (&f, "gui-export-selection-refused");
  g_unlink (path);
  /* Roles for real, here and in the worker's own connection. */
  iop_store_trust_system_actor (f.store, FALSE);
  iop_store_trust_system_actor_by_default (FALSE);
  iop_test_sign_in (f.store, "counselor1");
  g_assert_cmpint (iop_access_get_role (f.store), ==, IOP_ROLE_COUNSELOR);

  model = iop_participants_view_get_model (f.view);
  for (guint i = 0; i < g_list_model_get_n_items (model) && (inside == 0 || outside == 0); i++)
    {
      g_autoptr(IopParticipant) p = g_list_model_get_item (model, i);
      gint64 id = iop_participant_get_id (p);

      if (iop_access_may_see_participant (f.store, id))
        inside = inside != 0 ? inside : id;
      else if (outside == 0)
        {
          outside = id;
          outside_record = g_strdup (iop_participant_get_record_number (p));
        }
    }
  g_assert_cmpint (inside, >, 0);
  g_assert_cmpint (outside, >, 0);
  g_array_append_val (ids, inside);
  g_array_append_val (ids, outside);
  before = count_all_exports (f.store);

  iop_plans_export_async (f.store, ids, "native", file, NULL, NULL, NULL, exported_cb, &wait);
  wait_for (&wait.done);
  g_assert_false (wait.ok);
  g_assert_error (wait.error, IOP_STORE_ERROR, IOP_STORE_ERROR_PERMISSION);
  /* Says whom, and that nothing left. */
  g_assert_nonnull (strstr (wait.error->message, outside_record));
  g_assert_nonnull (strstr (wait.error->message, "Nothing was exported"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_all_exports (f.store), ==, before);
  export_wait_clear (&wait);

  /* The one in the caseload alone goes through. */
  g_array_set_size (ids, 1);
  memset (&wait, 0, sizeof wait);
  iop_plans_export_async (f.store, ids, "native", file, NULL, NULL, NULL, exported_cb, &wait);
  wait_for (&wait.done);
  g_assert_no_error (wait.error);
  g_assert_cmpuint (wait.n_exported, ==, 1);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  export_wait_clear (&wait);

  iop_store_trust_system_actor_by_default (TRUE);
  fixture_close (&f);
}

static gboolean
dialog_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
test_dialog_exports_with_progress (void)
{
  Fixture f;
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *path = g_build_filename (iop_test_tmpdir (), "selection-dialog.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  IopPlansExportDialog *dialog;
  gint64 deadline;
  guint before;

  fixture_open (&f, "gui-export-selection-dialog");
  g_unlink (path);
  g_assert_null (iop_participants_view_open_export_dialog (f.view));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (f.view), "view.export-selection", NULL)
                  && iop_participants_view_get_selection_mode (f.view));
  records = select_three (&f);

  dialog = iop_participants_view_open_export_dialog (f.view);
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_cmpstr (iop_plans_export_dialog_get_format (dialog), ==, "native");
  iop_plans_export_dialog_set_format (dialog, "native");
  iop_plans_export_dialog_export_to_file (dialog, file);
  g_assert_true (iop_plans_export_dialog_get_running (dialog));
  g_assert_nonnull (strstr (iop_plans_export_dialog_get_progress_text (dialog), "Exporting"));

  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (!dialog_gone (&dialog))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  assert_file_holds (path, records, IOP_PLAN_FORMAT_NATIVE);

  /* Cancel from the dialog: it closes, and what is on disk agrees with the
   * audit log. The worker may have committed before the Cancel arrived (three
   * plans take milliseconds); then the file is whole and logged, otherwise
   * there is neither file nor entry. */
  g_unlink (path);
  before = count_all_exports (f.store);
  dialog = iop_participants_view_open_export_dialog (f.view);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  iop_plans_export_dialog_export_to_file (dialog, file);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.cancel", NULL));
  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (!dialog_gone (&dialog))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_test_message ("the Cancel %s", g_file_test (path, G_FILE_TEST_EXISTS) ? "came after the commit" : "stopped the export");
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      assert_file_holds (path, records, IOP_PLAN_FORMAT_NATIVE);
      g_assert_cmpuint (count_all_exports (f.store), ==, before + records->len);
    }
  else
    g_assert_cmpuint (count_all_exports (f.store), ==, before);
  fixture_close (&f);
}

static void
test_selection_survives_search (void)
{
  Fixture f;
  GtkSelectionModel *selection;
  g_autoptr(IopParticipant) p = NULL;
  g_autoptr(GArray) ids = NULL;
  gint64 id;

  fixture_open (&f, "gui-export-selection-search");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.view), "view.selection-mode", NULL));
  selection = iop_participants_view_get_selection (f.view);
  p = g_list_model_get_item (G_LIST_MODEL (selection), 2);
  id = iop_participant_get_id (p);
  gtk_selection_model_select_item (selection, 2, FALSE);

  /* Search for someone else, then clear: the first tick is still there. */
  gtk_editable_set_text (GTK_EDITABLE (iop_participants_view_get_search_entry (f.view)), "zzzz-nobody");
  settle ();
  g_assert_cmpstr (iop_participants_view_get_selected_text (f.view), ==, "No participants selected");
  gtk_editable_set_text (GTK_EDITABLE (iop_participants_view_get_search_entry (f.view)), "");
  settle ();
  ids = iop_participants_view_get_selected_ids (f.view);
  g_assert_cmpuint (ids->len, ==, 0);
  g_clear_pointer (&ids, g_array_unref);

  gtk_selection_model_select_item (selection, 2, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (iop_participants_view_get_search_entry (f.view)), iop_participant_get_last_name (p));
  settle ();
  ids = iop_participants_view_get_selected_ids (f.view);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, id);

  /* Select All takes everyone listed; the action bar counts them. */
  gtk_editable_set_text (GTK_EDITABLE (iop_participants_view_get_search_entry (f.view)), "");
  settle ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.view), "view.select-all", NULL));
  g_clear_pointer (&ids, g_array_unref);
  ids = iop_participants_view_get_selected_ids (f.view);
  g_assert_cmpuint (ids->len, ==, g_list_model_get_n_items (G_LIST_MODEL (selection)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.view), "view.select-none", NULL));
  g_assert_cmpstr (iop_participants_view_get_selected_text (f.view), ==, "No participants selected");
  fixture_close (&f);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  g_resources_register (iop_gui_get_resource ());

  g_test_add_func ("/gui/export-selection/native", test_export_native);
  g_test_add_func ("/gui/export-selection/fhir", test_export_fhir_collection);
  g_test_add_func ("/gui/export-selection/skips-without-plan", test_export_skips_without_plan);
  g_test_add_func ("/gui/export-selection/cancelled", test_export_cancelled_writes_nothing);
  g_test_add_func ("/gui/export-selection/unwritable", test_export_unwritable_folder);
  g_test_add_func ("/gui/export-selection/outside-caseload", test_export_refused_outside_caseload);
  g_test_add_func ("/gui/export-selection/dialog", test_dialog_exports_with_progress);
  g_test_add_func ("/gui/export-selection/search", test_selection_survives_search);

  return g_test_run ();
}
