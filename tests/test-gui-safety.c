/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Sign-in, roles in the window, lock, the audit log, staff, consents and the
 * consent chooser, driven as a person would. Runs under xvfb-run. */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "iop-access.h"
#include "iop-audit-view.h"
#include "iop-backup.h"
#include "iop-consent-chooser.h"
#include "iop-consents-section.h"
#include "iop-date.h"
#include "iop-sign-in.h"
#include "iop-staff-view.h"
#include "iop-store-consents.h"
#include "iop-store-people.h"
#include "iop-store-private.h"
#include "iop-test-util.h"
#include "iop-window.h"

extern GResource *iop_gui_get_resource (void);

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static IopStore *
open_sample (const char *name)
{
  IopStore *store = iop_test_open_strict (name);

  iop_test_load_sample (store);
  return store;
}

static IopWindow *
new_window (IopStore *store)
{
  IopWindow *window = iop_window_new (NULL, store);

  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  return window;
}

static gboolean
sign_in (IopWindow  *window,
         const char *username,
         const char *passphrase)
{
  IopSignIn *page = IOP_SIGN_IN (iop_window_get_sign_in (window, FALSE));
  gboolean ok;

  iop_sign_in_fill (page, NULL, username, passphrase);
  ok = iop_sign_in_submit (page);
  iterate ();
  return ok;
}

static void
test_sign_in_and_roles (void)
{
  g_autoptr(IopStore) store = open_sample ("gui-sign-in");
  IopWindow *window = new_window (store);
  IopSignIn *page = IOP_SIGN_IN (iop_window_get_sign_in (window, FALSE));

  /* Nothing shows before signing in. */
  g_assert_cmpstr (iop_window_get_visible_page (window), ==, "sign-in");
  g_assert_cmpint (iop_sign_in_get_mode (page), ==, IOP_SIGN_IN_MODE_SIGN_IN);

  g_assert_false (sign_in (window, "counselor1", "not it"));
  g_assert_cmpstr (iop_sign_in_get_error_text (page), ==, "The user name or passphrase is not right.");
  g_assert_cmpstr (iop_window_get_visible_page (window), ==, "sign-in");

  /* A counselor: no audit log, no staff, no backups. */
  g_assert_true (sign_in (window, "counselor1", "sample"));
  g_assert_cmpstr (iop_window_get_visible_page (window), ==, "views");
  g_assert_true (iop_window_is_view_offered (window, "groups"));
  g_assert_true (iop_window_is_view_offered (window, "participants"));
  g_assert_false (iop_window_is_view_offered (window, "audit"));
  g_assert_false (iop_window_is_view_offered (window, "staff"));
  g_assert_false (iop_access_may (store, IOP_PERMISSION_BACKUP));

  /* Signing out hides everything again and forgets the views. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.sign-out", NULL));
  iterate ();
  g_assert_cmpstr (iop_window_get_visible_page (window), ==, "sign-in");
  g_assert_cmpint (iop_store_get_actor (store), ==, 0);

  /* A supervisor: the audit log, still no staff. */
  g_assert_true (sign_in (window, "supervisor", "sample"));
  g_assert_true (iop_window_is_view_offered (window, "audit"));
  g_assert_false (iop_window_is_view_offered (window, "staff"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_first_start (void)
{
  g_autoptr(IopStore) store = iop_test_open_strict ("gui-first-start");
  IopWindow *window = new_window (store);
  IopSignIn *page = IOP_SIGN_IN (iop_window_get_sign_in (window, FALSE));

  /* A new database: the welcome page (sample program, or a program of one's own). */
  g_assert_cmpstr (iop_window_get_visible_page (window), ==, "welcome");
  g_assert_true (gtk_widget_activate_action (iop_window_get_welcome (window), "welcome.create-group", NULL));
  iterate ();
  g_assert_cmpstr (iop_window_get_visible_page (window), ==, "sign-in");
  g_assert_cmpint (iop_sign_in_get_mode (page), ==, IOP_SIGN_IN_MODE_SETUP);

  iop_sign_in_fill (page, "Lee Adams", "lead", "short");
  g_assert_false (iop_sign_in_submit (page));
  g_assert_nonnull (strstr (iop_sign_in_get_error_text (page), "at least 8"));

  iop_sign_in_fill (page, "Lee Adams", "lead", "correct horse battery");
  if (!iop_sign_in_submit (page))
    g_error ("%s", iop_sign_in_get_error_text (page));
  iterate ();
  g_assert_cmpint (iop_access_get_role (store), ==, IOP_ROLE_ADMINISTRATOR);
  /* Signed in, the program is still empty: the welcome page creates the first group. */
  g_assert_cmpstr (iop_window_get_visible_page (window), ==, "welcome");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_lock (void)
{
  g_autoptr(IopStore) store = open_sample ("gui-lock");
  IopWindow *window = new_window (store);
  IopSignIn *lock_page;
  GtkWidget *view;
  GtkWindow *dialog;

  g_assert_true (sign_in (window, "admin", "sample"));
  iop_window_show_view (window, "staff");
  view = iop_window_get_view (window, "staff");
  dialog = iop_staff_view_add_dialog (IOP_STAFF_VIEW (view));
  gtk_window_present (dialog);
  iterate ();

  /* Nine minutes idle: nothing; ten: locked, the dialog hidden, the view kept. */
  iop_window_check_idle (window, g_get_monotonic_time () + 9 * 60 * G_USEC_PER_SEC);
  g_assert_cmpstr (iop_window_get_visible_page (window), ==, "views");
  iop_window_check_idle (window, g_get_monotonic_time () + 10 * 60 * G_USEC_PER_SEC + 1);
  iterate ();
  g_assert_cmpstr (iop_window_get_visible_page (window), ==, "locked");
  g_assert_true (iop_access_is_locked (store));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_true (iop_window_get_view (window, "staff") == view);
  g_assert_false (iop_window_is_view_offered (window, "staff"));

  lock_page = IOP_SIGN_IN (iop_window_get_sign_in (window, TRUE));
  g_assert_cmpint (iop_sign_in_get_mode (lock_page), ==, IOP_SIGN_IN_MODE_LOCKED);
  iop_sign_in_fill (lock_page, NULL, NULL, "wrong");
  g_assert_false (iop_sign_in_submit (lock_page));
  g_assert_cmpstr (iop_window_get_visible_page (window), ==, "locked");

  iop_sign_in_fill (lock_page, NULL, NULL, "sample");
  g_assert_true (iop_sign_in_submit (lock_page));
  iterate ();
  g_assert_cmpstr (iop_window_get_visible_page (window), ==, "views");
  g_assert_cmpstr (iop_window_get_visible_view (window), ==, "staff");
  g_assert_true (iop_window_get_view (window, "staff") == view);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  gtk_window_destroy (dialog);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_audit_view (void)
{
  g_autoptr(IopStore) store = open_sample ("gui-audit");
  IopWindow *window = new_window (store);
  IopAuditView *view;
  g_autofree char *csv_path = iop_test_db_path ("gui-audit-export");
  g_autoptr(GFile) csv = g_file_new_for_path (csv_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GListModel *model;

  g_assert_true (sign_in (window, "supervisor", "sample"));
  iop_window_show_view (window, "audit");
  iterate ();
  view = IOP_AUDIT_VIEW (iop_window_get_view (window, "audit"));
  model = iop_audit_view_get_model (view);
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 100);
  g_assert_true (g_str_has_prefix (iop_audit_view_get_chain_status (view), "The audit log is intact"));

  /* The counselor's disclosures of member copies, with the consent they used. */
  iop_audit_view_set_filter (view, "counselor1", "disclose", NULL, NULL, NULL);
  model = iop_audit_view_get_model (view);
  g_assert_cmpuint (g_list_model_get_n_items (model), >=, 3);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(IopAuditEntry) e = g_list_model_get_item (model, i);
      g_assert_cmpstr (iop_audit_entry_get_action (e), ==, "disclose");
      g_assert_true (g_str_has_prefix (iop_audit_entry_get_detail (e), "consent "));
    }
  iop_audit_view_set_filter (view, NULL, NULL, "IOP-1001", NULL, NULL);
  model = iop_audit_view_get_model (view);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(IopAuditEntry) e = g_list_model_get_item (model, i);
      g_assert_cmpstr (iop_audit_entry_get_record_number (e), ==, "IOP-1001");
    }

  g_assert_true (iop_audit_view_export (view, csv, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv_path, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "id,at,staff,action,kind,record,participant,detail\r\n"));
  g_assert_nonnull (strstr (text, ",IOP-1001,"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_staff_view (void)
{
  g_autoptr(IopStore) store = open_sample ("gui-staff");
  IopWindow *window = new_window (store);
  IopStaffView *view;
  g_autoptr(IopStaff) added = NULL;
  g_autoptr(IopStaff) signed_in = NULL;
  g_autoptr(GError) error = NULL;
  guint before;

  g_assert_true (sign_in (window, "admin", "sample"));
  g_assert_true (iop_window_is_view_offered (window, "staff"));
  iop_window_show_view (window, "staff");
  view = IOP_STAFF_VIEW (iop_window_get_view (window, "staff"));
  before = g_list_model_get_n_items (iop_staff_view_get_model (view));

  g_assert_false (iop_staff_view_add (view, "Sam Rivera", "counselor3", "counselor", "short"));
  g_assert_cmpuint (g_list_model_get_n_items (iop_staff_view_get_model (view)), ==, before);
  g_assert_true (iop_staff_view_add (view, "Sam Rivera", "counselor3", "counselor", "a good passphrase"));
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (iop_staff_view_get_model (view)), ==, before + 1);
  added = iop_store_find_staff (store, "counselor3");
  g_assert_nonnull (added);
  g_assert_true (iop_access_set_role (store, iop_staff_get_id (added), "supervisor", &error));
  g_assert_no_error (error);

  g_assert_true (iop_access_sign_out (store, &error));
  signed_in = iop_access_sign_in (store, "counselor3", "a good passphrase", &error);
  g_assert_no_error (error);
  g_assert_cmpint (iop_access_get_role (store), ==, IOP_ROLE_SUPERVISOR);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_consents_section (void)
{
  g_autoptr(IopStore) store = open_sample ("gui-consents");
  IopConsentsSection *section = IOP_CONSENTS_SECTION (iop_consents_section_new (store));
  g_autofree char *today = iop_date_today ();
  GListModel *consents;
  guint before;

  g_object_ref_sink (section);
  iop_test_sign_in (store, "counselor1");
  iop_consents_section_set_participant_id (section, 1);
  consents = iop_consents_section_get_consents (section);
  before = g_list_model_get_n_items (consents);
  g_assert_cmpuint (before, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (iop_consents_section_get_disclosures (section)), >=, 1);

  g_assert_false (iop_consents_section_add (section, "", "Care", "Attendance", today, NULL));
  g_assert_true (iop_consents_section_add (section, "Dr. Ines Park", "Care coordination", "Attendance", today, NULL));
  consents = iop_consents_section_get_consents (section);
  g_assert_cmpuint (g_list_model_get_n_items (consents), ==, before + 1);
  {
    g_autoptr(IopConsent) newest = g_list_model_get_item (consents, 0);

    g_assert_cmpstr (iop_consent_get_recipient (newest), ==, "Dr. Ines Park");
    g_assert_true (iop_consents_section_revoke (section, iop_consent_get_id (newest), today));
  }
  {
    g_autoptr(IopConsent) revoked = g_list_model_get_item (iop_consents_section_get_consents (section), 0);
    g_assert_cmpstr (iop_consent_get_revoked_on (revoked), ==, today);
  }

  g_object_unref (section);
}

static void
test_consent_chooser (void)
{
  g_autoptr(IopStore) store = open_sample ("gui-chooser");
  g_autoptr(GError) error = NULL;
  IopConsentChooser *chooser;
  IopConsentChooser *none;
  g_autoptr(GListModel) history = NULL;
  gint64 valid_consent = 0;

  iop_test_sign_in (store, "counselor1");

  /* María López has one valid consent (Dr. Reyes) and one expired. */
  chooser = iop_consent_chooser_new (NULL, store, 1, "Member copy of a session summary");
  g_object_ref_sink (chooser);
  g_assert_cmpuint (iop_consent_chooser_get_n_consents (chooser), ==, 1);
  g_assert_cmpint (iop_consent_chooser_get_selected (chooser), ==, 0);
  g_assert_false (iop_consent_chooser_disclose (chooser, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_PERMISSION);
  g_clear_error (&error);

  {
    g_autoptr(GListModel) consents = iop_store_list_consents (store, 1, NULL);
    g_autofree char *today = iop_date_today ();

    for (guint i = 0; i < g_list_model_get_n_items (consents); i++)
      {
        g_autoptr(IopConsent) c = g_list_model_get_item (consents, i);
        if (iop_consent_is_valid_on (c, today))
          valid_consent = iop_consent_get_id (c);
      }
  }
  iop_consent_chooser_select (chooser, valid_consent);
  g_assert_cmpint (iop_consent_chooser_get_selected (chooser), ==, valid_consent);
  history = iop_store_list_disclosures (store, 1, NULL);
  {
    guint before = g_list_model_get_n_items (history);
    g_autoptr(GListModel) after = NULL;

    g_assert_true (iop_consent_chooser_disclose (chooser, &error));
    g_assert_no_error (error);
    g_assert_nonnull (strstr (iop_consent_chooser_get_notice (chooser), "42 CFR part 2"));
    g_assert_nonnull (strstr (iop_consent_chooser_get_notice (chooser), "Dr. Alan Reyes"));
    after = iop_store_list_disclosures (store, 1, NULL);
    g_assert_cmpuint (g_list_model_get_n_items (after), ==, before + 1);
  }
  gtk_window_destroy (GTK_WINDOW (chooser));
  g_object_unref (chooser);

  /* Without a valid consent there is nothing to choose and nothing to disclose. */
  none = iop_consent_chooser_new (NULL, store, 2, "Member copy of a session summary");
  g_object_ref_sink (none);
  g_assert_cmpuint (iop_consent_chooser_get_n_consents (none), ==, 0);
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (none), "disclose"));
  g_assert_false (iop_consent_chooser_disclose (none, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_PERMISSION);
  gtk_window_destroy (GTK_WINDOW (none));
  g_object_unref (none);
}


static AdwMessageDialog *
find_message_dialog (const char *heading)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data)
        && g_strcmp0 (adw_message_dialog_get_heading (l->data), heading) == 0)
      return l->data;
  return NULL;
}

/* The window's backup: administrators only, with an optional passphrase
 * entered twice that encrypts the file. */
static void
test_encrypted_backup (void)
{
  g_autoptr(IopStore) store = open_sample ("gui-backup");
  g_autoptr(GError) error = NULL;
  g_autofree char *plain = iop_test_db_path ("gui-backup-plain");
  g_autofree char *sealed = iop_test_db_path ("gui-backup-sealed");
  IopWindow *window = new_window (store);
  AdwMessageDialog *dialog;
  GtkEditable *first;
  GtkEditable *again;

  g_assert_true (sign_in (window, "counselor1", "sample"));
  /* A counselor's window does not back up: nothing opens. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.backup", NULL);
  iterate ();
  g_assert_null (find_message_dialog ("Back Up the Database"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.sign-out", NULL));
  iterate ();

  g_assert_true (sign_in (window, "admin", "sample"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.backup", NULL));
  iterate ();
  dialog = find_message_dialog ("Back Up the Database");
  g_assert_nonnull (dialog);
  first = g_object_get_data (G_OBJECT (dialog), "first");
  again = g_object_get_data (G_OBJECT (dialog), "again");
  /* Empty: a plain backup may go ahead. */
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "choose"));
  gtk_editable_set_text (first, "off site copy");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "choose"));
  gtk_editable_set_text (again, "off site cop");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "choose"));
  gtk_editable_set_text (again, "off site copy");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "choose"));
  gtk_editable_set_text (first, "short");
  gtk_editable_set_text (again, "short");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "choose"));
  adw_message_dialog_response (dialog, "cancel");
  iterate ();

  /* What the file chooser's answer runs. */
  g_assert_true (iop_window_write_backup (window, plain, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (iop_backup_is_encrypted_file (plain));
  g_assert_true (iop_window_write_backup (window, sealed, "off site copy", &error));
  g_assert_no_error (error);
  g_assert_true (iop_backup_is_encrypted_file (sealed));
  g_assert_false (iop_backup_verify_file (sealed, "wrong passphrase", NULL, &error));
  g_clear_error (&error);
  g_assert_true (iop_backup_verify_file (sealed, "off site copy", NULL, &error));
  g_assert_no_error (error);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_resources_register (iop_gui_get_resource ());

  g_test_add_func ("/gui-safety/sign-in-and-roles", test_sign_in_and_roles);
  g_test_add_func ("/gui-safety/first-start", test_first_start);
  g_test_add_func ("/gui-safety/lock", test_lock);
  g_test_add_func ("/gui-safety/audit-view", test_audit_view);
  g_test_add_func ("/gui-safety/staff-view", test_staff_view);
  g_test_add_func ("/gui-safety/consents-section", test_consents_section);
  g_test_add_func ("/gui-safety/consent-chooser", test_consent_chooser);
  g_test_add_func ("/gui-safety/encrypted-backup", test_encrypted_backup);
  return g_test_run ();
}
