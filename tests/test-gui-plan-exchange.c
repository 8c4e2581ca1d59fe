/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Registered as 'gui-plan-exchange' in gui_tests; runs under xvfb-run -a dbus-run-session. */

#include "config.h"

#include <adwaita.h>

#include "iop-consent-chooser.h"
#include "iop-import-dialog.h"
#include "iop-store-consents.h"
#include "iop-xml-reader.h"
#include "iop-native.h"
#include "iop-participant-page.h"
#include "iop-plan-exchange-section.h"
#include "iop-store-people.h"
#include "iop-test-exchange.h"
#include "iop-test-util.h"
#include "iop-window.h"

extern GResource *iop_gui_get_resource (void);

typedef gboolean (*Condition) (gpointer data);

static gboolean
wait_until (Condition condition,
            gpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
    }
  return TRUE;
}

static GtkWidget *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type) && gtk_widget_get_visible (w))
        return w;
    }
  return NULL;
}

static gboolean
preview_shown (gpointer data)
{
  return find_toplevel (IOP_TYPE_IMPORT_DIALOG) != NULL;
}

static gboolean
error_shown (gpointer data)
{
  GtkWidget *dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  return dialog != NULL && g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), data) == 0;
}

static gboolean
no_dialog (gpointer data)
{
  return find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL;
}

static gboolean
participant_exists (gpointer data)
{
  IopStore *store = data;
  g_autoptr(IopParticipant) p = iop_store_find_participant (store, "C-00001", NULL);

  return p != NULL;
}

static char *
native_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IopExchange) e = iop_test_exchange (1);
  g_autoptr(IopStore) source = iop_test_open_store ("gui-source.db");
  g_autoptr(IopExchange) back = NULL;
  char *path = g_build_filename (iop_test_tmpdir (), "gui-plan.xml", NULL);

  g_assert_true (iop_store_exchange_write (source, e, "test", &error));
  back = iop_store_exchange_read (source, NULL, &error);
  g_assert_true (iop_native_write_file (back, path, &error));
  g_assert_no_error (error);
  return path;
}

static void
test_import_previews_then_writes (void)
{
  g_autoptr(IopStore) store = iop_test_open_sample ("gui-import");
  g_autofree char *path = native_file ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *before = iop_test_checksum (store);
  IopWindow *window = iop_window_new (NULL, store);
  GtkWidget *dialog;

  gtk_window_present (GTK_WINDOW (window));
  iop_import_dialog_start (GTK_WINDOW (window), store, file);
  g_assert_true (wait_until (preview_shown, NULL));
  dialog = find_toplevel (IOP_TYPE_IMPORT_DIALOG);
  g_assert_true (iop_import_dialog_is_ready (IOP_IMPORT_DIALOG (dialog)));
  g_assert_nonnull (strstr (iop_import_dialog_get_details (IOP_IMPORT_DIALOG (dialog)), "C-00001 María López"));
  g_assert_nonnull (strstr (iop_import_dialog_get_details (IOP_IMPORT_DIALOG (dialog)), "new participant"));

  /* Nothing is written before the person says so. */
  iop_assert_unchanged (store, before);

  /* What the Import button does: respond, then close. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "import");
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (wait_until (participant_exists, store));
  /* The progress dialog goes away once the models were told. */
  g_assert_true (wait_until (no_dialog, NULL));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_import_hostile_refused (void)
{
  g_autoptr(IopStore) store = iop_test_open_sample ("gui-hostile");
  g_autofree char *path = g_build_filename (iop_test_tmpdir (), "gui-hostile.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *before = iop_test_checksum (store);
  IopWindow *window = iop_window_new (NULL, store);
  GtkWidget *dialog;

  g_assert_true (g_file_set_contents (path, "<?xml version='1.0'?>\n<!DOCTYPE a [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>\n<a>&x;</a>", -1, NULL));
  gtk_window_present (GTK_WINDOW (window));
  iop_import_dialog_start (GTK_WINDOW (window), store, file);
  g_assert_true (wait_until (error_shown, (gpointer) "Cannot Import This File"));
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "gui-hostile.xml:2:"));
  iop_assert_unchanged (store, before);
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct
{
  gboolean done;
  gboolean ok;
} ExportWait;

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  ExportWait *wait = user_data;
  g_autoptr(GError) error = NULL;

  wait->ok = iop_plan_export_finish (result, &error);
  if (error != NULL)
    g_test_message ("export failed: %s", error->message);
  wait->done = TRUE;
}

static gboolean
export_done (gpointer data)
{
  return ((ExportWait *) data)->done;
}

static void
test_page_has_export_section (void)
{
  g_autoptr(IopStore) store = iop_test_open_sample ("gui-export");
  g_autoptr(GError) error = NULL;
  g_autoptr(IopExchange) e = iop_test_exchange (1);
  IopWindow *window = iop_window_new (NULL, store);
  GtkWidget *page = iop_participant_page_new (store);
  GtkWidget *section;
  g_autofree char *path = g_build_filename (iop_test_tmpdir (), "gui-export.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  ExportWait wait = { FALSE, FALSE };
  g_autofree char *text = NULL;

  g_assert_true (iop_store_exchange_write (store, e, "test", &error));
  g_object_ref_sink (page);
  for (section = gtk_widget_get_first_child (GTK_WIDGET (iop_participant_page_get_sections_box (IOP_PARTICIPANT_PAGE (page))));
       section != NULL && !IOP_IS_PLAN_EXCHANGE_SECTION (section);
       section = gtk_widget_get_next_sibling (section))
    ;
  g_assert_nonnull (section);
  g_object_unref (page);

  iop_plan_export_async (store, "C-00001", "native", file, 0, NULL, exported_cb, &wait);
  g_assert_true (wait_until (export_done, &wait));
  g_assert_true (wait.ok);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "record-number=\"C-00001\""));
  gtk_window_destroy (GTK_WINDOW (window));
}


typedef struct {
  ExportWait *wait;
  IopStore   *store;
  GFile      *file;
} DiscloseCtx;

static void
plan_chosen_cb (IopConsentChooser *chooser,
                gint64             consent_id,
                DiscloseCtx       *ctx)
{
  iop_plan_export_async (ctx->store, "IOP-1001", "native", ctx->file, consent_id, NULL, exported_cb, ctx->wait);
}

/* A plan for someone outside the program: the export dialog asks who it is
 * for; the consent chooser records the disclosure and the file carries the
 * notice, still valid against the schema. */
static void
test_export_disclosure (void)
{
  g_autoptr(IopStore) store = iop_test_open_strict ("gui-export-disclose");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (iop_test_tmpdir (), "gui-export-disclose.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GListModel) before = NULL;
  g_autoptr(GListModel) after = NULL;
  ExportWait wait = { FALSE, FALSE };
  DiscloseCtx ctx = { &wait, store, file };
  g_autofree char *text = NULL;
  IopConsentChooser *chooser;
  IopWindow *window;
  GtkWidget *page;
  GtkWidget *section;
  GtkWidget *dialog = NULL;

  iop_test_load_sample (store);
  iop_test_sign_in (store, "counselor1");
  window = iop_window_new (NULL, store);
  page = iop_participant_page_new (store);

  /* The dialog the page's Export… opens offers "outside the program". */
  g_object_ref_sink (page);
  iop_participant_page_set_participant_id (IOP_PARTICIPANT_PAGE (page), 1);
  for (section = gtk_widget_get_first_child (GTK_WIDGET (iop_participant_page_get_sections_box (IOP_PARTICIPANT_PAGE (page))));
       section != NULL && !IOP_IS_PLAN_EXCHANGE_SECTION (section);
       section = gtk_widget_get_next_sibling (section))
    ;
  g_assert_nonnull (section);
  g_assert_true (gtk_widget_activate_action (section, "section.export-plan", NULL));
  {
    g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

    for (GList *l = toplevels; l != NULL; l = l->next)
      if (ADW_IS_MESSAGE_DIALOG (l->data) && !IOP_IS_CONSENT_CHOOSER (l->data))
        dialog = l->data;
  }
  g_assert_nonnull (dialog);
  g_assert_nonnull (g_object_get_data (G_OBJECT (dialog), "outside"));
  g_assert_false (gtk_check_button_get_active (g_object_get_data (G_OBJECT (dialog), "outside")));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (page);

  before = iop_store_list_disclosures (store, 1, &error);
  g_assert_no_error (error);

  chooser = iop_consent_chooser_new (NULL, store, 1, "Treatment plan");
  g_object_ref_sink (chooser);
  iop_consent_chooser_set_deferred (chooser, TRUE);
  g_signal_connect (chooser, "chosen", G_CALLBACK (plan_chosen_cb), &ctx);
  g_assert_cmpuint (iop_consent_chooser_get_n_consents (chooser), ==, 1);
  /* Nothing chosen: nothing disclosed, nothing written. */
  g_assert_false (iop_consent_chooser_disclose (chooser, &error));
  g_clear_error (&error);
  g_assert_false (g_file_query_exists (file, NULL));

  iop_consent_chooser_select (chooser, 1);
  g_assert_true (iop_consent_chooser_disclose (chooser, &error));
  g_assert_no_error (error);
  g_assert_true (wait_until (export_done, &wait));
  g_assert_true (wait.ok);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_true (strstr (text, "<!--") < strstr (text, "record-number=\"IOP-1001\""));
  g_assert_nonnull (strstr (text, "42 CFR part 2"));
  g_assert_nonnull (strstr (text, "Dr. Alan Reyes"));
  {
    g_autoptr(xmlDoc) doc = iop_xml_read_file (path, &error);

    g_assert_no_error (error);
    g_assert_true (iop_xml_validate (doc, iop_native_schema_path (), &error));
    g_assert_no_error (error);
  }
  after = iop_store_list_disclosures (store, 1, &error);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, g_list_model_get_n_items (before) + 1);

  /* A file that cannot be written is no disclosure: nothing is recorded. */
  {
    g_autofree char *bad_path = g_build_filename (iop_test_tmpdir (), "no-such-folder", "plan.xml", NULL);
    g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
    g_autoptr(GListModel) unchanged = NULL;
    g_autofree char *sum = iop_test_checksum (store);
    ExportWait failed = { FALSE, FALSE };

    iop_plan_export_async (store, "IOP-1001", "native", bad, 1, NULL, exported_cb, &failed);
    g_assert_true (wait_until (export_done, &failed));
    g_assert_false (failed.ok);
    g_assert_false (g_file_query_exists (bad, NULL));
    unchanged = iop_store_list_disclosures (store, 1, &error);
    g_assert_cmpuint (g_list_model_get_n_items (unchanged), ==, g_list_model_get_n_items (after));
    iop_assert_unchanged (store, sum);
  }

  gtk_window_destroy (GTK_WINDOW (chooser));
  g_object_unref (chooser);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  g_resources_register (iop_gui_get_resource ());

  g_test_add_func ("/gui/plan-exchange/import", test_import_previews_then_writes);
  g_test_add_func ("/gui/plan-exchange/hostile", test_import_hostile_refused);
  g_test_add_func ("/gui/plan-exchange/export", test_page_has_export_section);
  g_test_add_func ("/gui/plan-exchange/export-disclosure", test_export_disclosure);

  return g_test_run ();
}
