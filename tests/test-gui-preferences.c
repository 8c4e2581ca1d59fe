/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The preferences window edits the desk's settings and the one rule kept in the database. */

#include "config.h"

#include <adwaita.h>

#include "iop-preferences-window.h"
#include "iop-test-util.h"

extern GResource *iop_gui_get_resource (void);

static gpointer
find_widget (GtkWidget *root,
             GType      type,
             const char *accessible_label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gpointer found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        {
          GtkWidget *row = gtk_widget_get_ancestor (child, ADW_TYPE_PREFERENCES_ROW);

          if (accessible_label == NULL
              || (row != NULL && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                                            accessible_label) == 0))
            return child;
        }
      found = find_widget (child, type, accessible_label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_settings_bound (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  IopPreferencesWindow *window = iop_preferences_window_new (NULL, settings, NULL);
  GtkSpinButton *adult, *phq9, *backups;
  AdwComboRow *names;
  AdwEntryRow *program;
  g_autofree char *names_value = NULL;
  g_autofree char *name = NULL;

  gtk_window_present (GTK_WINDOW (window));

  adult = find_widget (GTK_WIDGET (window), GTK_TYPE_SPIN_BUTTON, "Adult IOP");
  phq9 = find_widget (GTK_WIDGET (window), GTK_TYPE_SPIN_BUTTON, "PHQ-9 (Depression)");
  backups = find_widget (GTK_WIDGET (window), GTK_TYPE_SPIN_BUTTON, "Backups Kept");
  names = find_widget (GTK_WIDGET (window), ADW_TYPE_COMBO_ROW, NULL);
  program = find_widget (GTK_WIDGET (window), ADW_TYPE_ENTRY_ROW, NULL);
  g_assert_nonnull (adult);
  g_assert_nonnull (phq9);
  g_assert_nonnull (backups);
  g_assert_nonnull (names);
  g_assert_nonnull (program);

  /* The rows show the settings… */
  g_assert_cmpfloat (gtk_spin_button_get_value (adult), ==, 9.0);
  g_assert_cmpfloat (gtk_spin_button_get_value (phq9), ==, 14);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (program)), ==, "Circle IOP");
  g_assert_cmpuint (adw_combo_row_get_selected (names), ==, 0);

  /* …and write them back. */
  gtk_spin_button_set_value (adult, 10.5);
  g_assert_cmpfloat (g_settings_get_double (settings, "hours-adult-iop"), ==, 10.5);
  gtk_spin_button_set_value (phq9, 28);
  g_assert_cmpint (g_settings_get_int (settings, "phq9-interval-days"), ==, 28);
  gtk_spin_button_set_value (backups, 30);
  g_assert_cmpint (g_settings_get_int (settings, "backups-kept"), ==, 30);
  adw_combo_row_set_selected (names, 1);
  names_value = g_settings_get_string (settings, "names-in-printouts");
  g_assert_cmpstr (names_value, ==, "full");
  gtk_editable_set_text (GTK_EDITABLE (program), "Riverside IOP");
  name = g_settings_get_string (settings, "program-name");
  g_assert_cmpstr (name, ==, "Riverside IOP");

  /* A spin button keeps a value within the key's range. */
  gtk_spin_button_set_value (phq9, 5000);
  g_assert_cmpint (g_settings_get_int (settings, "phq9-interval-days"), ==, 365);

  g_settings_reset (settings, "hours-adult-iop");
  g_assert_cmpfloat (gtk_spin_button_get_value (adult), ==, 9.0);

  gtk_window_destroy (GTK_WINDOW (window));
  for (const char *const *key = (const char *const[]) { "phq9-interval-days", "backups-kept",
                                                         "names-in-printouts", "program-name", NULL };
       *key != NULL; key++)
    g_settings_reset (settings, *key);
}

/* The store enforces “require a plan to enroll” from the database setting. */
static void
test_require_plan_synced (void)
{
  g_autoptr(IopStore) store = iop_test_open_store ("preferences-require-plan");
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  IopPreferencesWindow *window;
  GtkSwitch *toggle;

  g_assert_cmpint (iop_store_get_setting_int (store, "require-plan-to-enroll", 0), ==, 0);

  /* The switch starts from the rule in force, not from a stale desk setting. */
  g_settings_set_boolean (settings, "require-plan-to-enroll", TRUE);
  window = iop_preferences_window_new (NULL, settings, store);
  gtk_window_present (GTK_WINDOW (window));
  toggle = find_widget (GTK_WIDGET (window), GTK_TYPE_SWITCH, NULL);
  g_assert_nonnull (toggle);
  g_assert_false (gtk_switch_get_active (toggle));

  gtk_switch_set_active (toggle, TRUE);
  g_assert_true (g_settings_get_boolean (settings, "require-plan-to-enroll"));
  g_assert_cmpint (iop_store_get_setting_int (store, "require-plan-to-enroll", 0), ==, 1);

  gtk_switch_set_active (toggle, FALSE);
  g_assert_cmpint (iop_store_get_setting_int (store, "require-plan-to-enroll", 1), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "require-plan-to-enroll");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  g_resources_register (iop_gui_get_resource ());

  g_test_add_func ("/gui/preferences/settings-bound", test_settings_bound);
  g_test_add_func ("/gui/preferences/require-plan-synced", test_require_plan_synced);

  return g_test_run ();
}
