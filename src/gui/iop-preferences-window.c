/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "iop-preferences-window.h"

/*
 * Every preference is a key of the per-desk GSettings, bound to its row. One
 * rule is the program's rather than the desk's: whether a participant needs an
 * active treatment plan to join a group. The store enforces it from the
 * database setting of the same name, so the switch writes both.
 */

struct _IopPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* template widgets */
  AdwEntryRow          *program_name_row;
  AdwComboRow          *names_row;
  GtkSpinButton        *hours_adult_spin;
  GtkSpinButton        *hours_adolescent_spin;
  GtkSpinButton        *hours_php_spin;
  GtkSpinButton        *plan_review_spin;
  GtkSpinButton        *phq9_spin;
  GtkSpinButton        *gad7_spin;
  GtkSpinButton        *bam_spin;
  GtkSpinButton        *late_signature_spin;
  GtkSwitch            *require_plan_switch;
  GtkSpinButton        *lock_spin;
  GtkSpinButton        *backup_interval_spin;
  GtkSpinButton        *backups_kept_spin;

  /* owned */
  GSettings            *settings;
  IopStore             *store;
};

G_DEFINE_FINAL_TYPE (IopPreferencesWindow, iop_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

#define REQUIRE_PLAN_KEY "require-plan-to-enroll"

/* The combo row lists the choices of names-in-printouts in this order. */
static const char *name_choices[] = { "short", "full" };

static gboolean
names_get_mapping (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  const char *choice = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (name_choices); i++)
    if (g_strcmp0 (choice, name_choices[i]) == 0)
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
names_set_mapping (const GValue       *value,
                   const GVariantType *expected_type,
                   gpointer            user_data)
{
  guint selected = g_value_get_uint (value);

  if (selected >= G_N_ELEMENTS (name_choices))
    return NULL;
  return g_variant_new_string (name_choices[selected]);
}

static void
show_error (IopPreferencesWindow *self,
            const char           *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 0);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

/* Writes the desk's choice to the database, where iop_store_enroll() reads it. */
static void
sync_require_plan (IopPreferencesWindow *self)
{
  gboolean wanted = g_settings_get_boolean (self->settings, REQUIRE_PLAN_KEY);
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;
  if ((iop_store_get_setting_int (self->store, REQUIRE_PLAN_KEY, 0) != 0) == wanted)
    return;

  if (!iop_store_set_setting (self->store, REQUIRE_PLAN_KEY, wanted ? "1" : "0", &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not change the enrollment rule: %s"), error->message);

      show_error (self, message);
      /* Show the rule that is really in force. */
      g_settings_set_boolean (self->settings, REQUIRE_PLAN_KEY, !wanted);
    }
}

static void
bind_spin (IopPreferencesWindow *self,
           const char           *key,
           GtkSpinButton        *spin)
{
  g_settings_bind (self->settings, key, gtk_spin_button_get_adjustment (spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
}

static void
iop_preferences_window_dispose (GObject *object)
{
  IopPreferencesWindow *self = IOP_PREFERENCES_WINDOW (object);

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (iop_preferences_window_parent_class)->dispose (object);
}

static void
iop_preferences_window_class_init (IopPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iop_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/iop/iop-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, IopPreferencesWindow, program_name_row);
  gtk_widget_class_bind_template_child (widget_class, IopPreferencesWindow, names_row);
  gtk_widget_class_bind_template_child (widget_class, IopPreferencesWindow, hours_adult_spin);
  gtk_widget_class_bind_template_child (widget_class, IopPreferencesWindow, hours_adolescent_spin);
  gtk_widget_class_bind_template_child (widget_class, IopPreferencesWindow, hours_php_spin);
  gtk_widget_class_bind_template_child (widget_class, IopPreferencesWindow, plan_review_spin);
  gtk_widget_class_bind_template_child (widget_class, IopPreferencesWindow, phq9_spin);
  gtk_widget_class_bind_template_child (widget_class, IopPreferencesWindow, gad7_spin);
  gtk_widget_class_bind_template_child (widget_class, IopPreferencesWindow, bam_spin);
  gtk_widget_class_bind_template_child (widget_class, IopPreferencesWindow, late_signature_spin);
  gtk_widget_class_bind_template_child (widget_class, IopPreferencesWindow, require_plan_switch);
  gtk_widget_class_bind_template_child (widget_class, IopPreferencesWindow, lock_spin);
  gtk_widget_class_bind_template_child (widget_class, IopPreferencesWindow, backup_interval_spin);
  gtk_widget_class_bind_template_child (widget_class, IopPreferencesWindow, backups_kept_spin);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

/* libadwaita 1.2's search button is icon-only with a tooltip, which screen
 * readers do not announce as its name: give it one. */
static void
label_search_button (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      /* The view switcher's buttons are a subclass; the search button is plain. */
      if (G_OBJECT_TYPE (child) == GTK_TYPE_TOGGLE_BUTTON
          && gtk_widget_get_ancestor (child, ADW_TYPE_HEADER_BAR) != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        _("Search Preferences"), -1);
      label_search_button (child);
    }
}

static void
iop_preferences_window_init (IopPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  label_search_button (GTK_WIDGET (self));
}

/**
 * iop_preferences_window_new:
 * @parent: (nullable): the window to stay above
 * @settings: the application's settings
 * @store: (nullable): the open store, for the rules that live in the database
 *
 * Returns: (transfer full): a new preferences window
 */
IopPreferencesWindow *
iop_preferences_window_new (GtkWindow *parent,
                            GSettings *settings,
                            IopStore  *store)
{
  IopPreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (store == NULL || IOP_IS_STORE (store), NULL);

  self = g_object_new (IOP_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  self->settings = g_object_ref (settings);
  self->store = store != NULL ? g_object_ref (store) : NULL;

  /* The database holds the rule in force; the switch starts from it. */
  if (store != NULL)
    g_settings_set_boolean (settings, REQUIRE_PLAN_KEY,
                            iop_store_get_setting_int (store, REQUIRE_PLAN_KEY, 0) != 0);

  g_settings_bind (settings, "program-name", self->program_name_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (settings, "names-in-printouts", self->names_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, names_get_mapping, names_set_mapping,
                                NULL, NULL);
  bind_spin (self, "hours-adult-iop", self->hours_adult_spin);
  bind_spin (self, "hours-adolescent-iop", self->hours_adolescent_spin);
  bind_spin (self, "hours-php", self->hours_php_spin);
  bind_spin (self, "plan-review-days", self->plan_review_spin);
  bind_spin (self, "phq9-interval-days", self->phq9_spin);
  bind_spin (self, "gad7-interval-days", self->gad7_spin);
  bind_spin (self, "bam-interval-days", self->bam_spin);
  bind_spin (self, "late-signature-days", self->late_signature_spin);
  bind_spin (self, "lock-timeout-minutes", self->lock_spin);
  bind_spin (self, "backup-interval-hours", self->backup_interval_spin);
  bind_spin (self, "backups-kept", self->backups_kept_spin);
  g_settings_bind (settings, REQUIRE_PLAN_KEY, self->require_plan_switch, "active", G_SETTINGS_BIND_DEFAULT);

  g_signal_connect_object (settings, "changed::" REQUIRE_PLAN_KEY, G_CALLBACK (sync_require_plan),
                           self, G_CONNECT_SWAPPED);
  return self;
}
