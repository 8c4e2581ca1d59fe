/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-form-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "iop-form-dialog.h"

/*
 * A modal form of AdwPreferences rows, built in code by the plan and measure
 * screens: each field is added under a key and read back by key. The save
 * function's error shows inline and the dialog stays open, so nothing typed
 * is lost.
 */

struct _IopFormDialog
{
  AdwWindow            parent_instance;

  /* template widgets */
  AdwWindowTitle      *window_title;
  GtkButton           *confirm_button;
  GtkBox              *groups_box;
  GtkLabel            *description_label;
  GtkLabel            *error_label;

  /* borrowed */
  AdwPreferencesGroup *group;        /* where new fields go */

  /* owned */
  GHashTable          *fields;       /* key → widget */
  IopFormFunc          func;
  gpointer             user_data;
  GDestroyNotify       destroy;
};

G_DEFINE_FINAL_TYPE (IopFormDialog, iop_form_dialog, ADW_TYPE_WINDOW)

static AdwPreferencesGroup *
current_group (IopFormDialog *self)
{
  if (self->group == NULL)
    iop_form_dialog_add_group (self, NULL, NULL);
  return self->group;
}

static void
confirm_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  iop_form_dialog_confirm (IOP_FORM_DIALOG (widget));
}

static void
iop_form_dialog_dispose (GObject *object)
{
  IopFormDialog *self = IOP_FORM_DIALOG (object);

  if (self->destroy != NULL)
    g_clear_pointer (&self->user_data, self->destroy);
  g_clear_pointer (&self->fields, g_hash_table_unref);

  G_OBJECT_CLASS (iop_form_dialog_parent_class)->dispose (object);
}

static void
iop_form_dialog_class_init (IopFormDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iop_form_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/iop/iop-form-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, IopFormDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, IopFormDialog, confirm_button);
  gtk_widget_class_bind_template_child (widget_class, IopFormDialog, groups_box);
  gtk_widget_class_bind_template_child (widget_class, IopFormDialog, description_label);
  gtk_widget_class_bind_template_child (widget_class, IopFormDialog, error_label);

  gtk_widget_class_install_action (widget_class, "form.confirm", NULL, confirm_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
iop_form_dialog_init (IopFormDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->confirm_button));
}

/**
 * iop_form_dialog_new:
 * @parent: (nullable): a widget in the window to stay above
 * @title: the dialog's title
 * @confirm_label: the confirm button's label, with a mnemonic
 * @func: saves the form
 * @user_data: for @func
 * @destroy: (nullable): frees @user_data with the dialog
 *
 * Returns: (transfer none): the dialog, not yet shown
 */
IopFormDialog *
iop_form_dialog_new (GtkWidget      *parent,
                     const char     *title,
                     const char     *confirm_label,
                     IopFormFunc     func,
                     gpointer        user_data,
                     GDestroyNotify  destroy)
{
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;
  IopFormDialog *self;

  self = g_object_new (IOP_TYPE_FORM_DIALOG, "transient-for", GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                       "title", title, NULL);
  adw_window_title_set_title (self->window_title, title);
  gtk_button_set_label (self->confirm_button, confirm_label);
  self->func = func;
  self->user_data = user_data;
  self->destroy = destroy;
  return self;
}

void
iop_form_dialog_set_description (IopFormDialog *self,
                                 const char    *description)
{
  g_return_if_fail (IOP_IS_FORM_DIALOG (self));

  gtk_label_set_text (self->description_label, description);
  gtk_widget_set_visible (GTK_WIDGET (self->description_label), description != NULL && *description);
}

/**
 * iop_form_dialog_add_group:
 * @self: an #IopFormDialog
 * @title: (nullable): the group's title
 * @description: (nullable): its description
 *
 * Fields added after this go into the new group.
 *
 * Returns: (transfer none): the group
 */
AdwPreferencesGroup *
iop_form_dialog_add_group (IopFormDialog *self,
                           const char    *title,
                           const char    *description)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  g_return_val_if_fail (IOP_IS_FORM_DIALOG (self), NULL);

  if (title != NULL)
    adw_preferences_group_set_title (group, title);
  if (description != NULL)
    adw_preferences_group_set_description (group, description);
  gtk_box_append (self->groups_box, GTK_WIDGET (group));
  self->group = group;
  return group;
}

static void
add_field (IopFormDialog *self,
           const char    *key,
           GtkWidget     *row,
           GtkWidget     *field)
{
  adw_preferences_group_add (current_group (self), row);
  g_hash_table_replace (self->fields, g_strdup (key), field);
}

AdwEntryRow *
iop_form_dialog_add_entry (IopFormDialog *self,
                           const char    *key,
                           const char    *title,
                           const char    *text)
{
  GtkWidget *row = adw_entry_row_new ();

  g_return_val_if_fail (IOP_IS_FORM_DIALOG (self), NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  add_field (self, key, row, row);
  return ADW_ENTRY_ROW (row);
}

AdwComboRow *
iop_form_dialog_add_combo (IopFormDialog      *self,
                           const char         *key,
                           const char         *title,
                           const char * const *labels,
                           guint               selected)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (labels);

  g_return_val_if_fail (IOP_IS_FORM_DIALOG (self), NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  add_field (self, key, row, row);
  return ADW_COMBO_ROW (row);
}

GtkSwitch *
iop_form_dialog_add_switch (IopFormDialog *self,
                            const char    *key,
                            const char    *title,
                            const char    *subtitle,
                            gboolean       active)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *sw = gtk_switch_new ();

  g_return_val_if_fail (IOP_IS_FORM_DIALOG (self), NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_switch_set_active (GTK_SWITCH (sw), active);
  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
  add_field (self, key, row, sw);
  return GTK_SWITCH (sw);
}

GtkSpinButton *
iop_form_dialog_add_spin (IopFormDialog *self,
                          const char    *key,
                          const char    *title,
                          const char    *subtitle,
                          int            min,
                          int            max,
                          int            value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (min, max, 1);

  g_return_val_if_fail (IOP_IS_FORM_DIALOG (self), NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  add_field (self, key, row, spin);
  return GTK_SPIN_BUTTON (spin);
}

/**
 * iop_form_dialog_add_info:
 * @self: an #IopFormDialog
 * @key: the row's key
 * @title: its title
 * @subtitle: (nullable): the text shown, updated by the caller as the form changes
 *
 * Returns: (transfer none): a read-only row
 */
AdwActionRow *
iop_form_dialog_add_info (IopFormDialog *self,
                          const char    *key,
                          const char    *title,
                          const char    *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  g_return_val_if_fail (IOP_IS_FORM_DIALOG (self), NULL);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle != NULL ? subtitle : "");
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  add_field (self, key, row, row);
  return ADW_ACTION_ROW (row);
}

/**
 * iop_form_dialog_get_widget:
 * @self: an #IopFormDialog
 * @key: a field's key
 *
 * Returns: (transfer none) (nullable): the field's widget: the entry or combo
 *   row, the switch, the spin button
 */
GtkWidget *
iop_form_dialog_get_widget (IopFormDialog *self,
                            const char    *key)
{
  g_return_val_if_fail (IOP_IS_FORM_DIALOG (self), NULL);
  return g_hash_table_lookup (self->fields, key);
}

/**
 * iop_form_dialog_dup_text:
 * @self: an #IopFormDialog
 * @key: an entry field's key
 *
 * Returns: (transfer full): the text, without leading or trailing space
 */
char *
iop_form_dialog_dup_text (IopFormDialog *self,
                          const char    *key)
{
  GtkWidget *w = iop_form_dialog_get_widget (self, key);

  g_return_val_if_fail (GTK_IS_EDITABLE (w), g_strdup (""));
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (w))));
}

guint
iop_form_dialog_get_selected (IopFormDialog *self,
                              const char    *key)
{
  GtkWidget *w = iop_form_dialog_get_widget (self, key);

  g_return_val_if_fail (ADW_IS_COMBO_ROW (w), 0);
  return adw_combo_row_get_selected (ADW_COMBO_ROW (w));
}

gboolean
iop_form_dialog_get_active (IopFormDialog *self,
                            const char    *key)
{
  GtkWidget *w = iop_form_dialog_get_widget (self, key);

  g_return_val_if_fail (GTK_IS_SWITCH (w), FALSE);
  return gtk_switch_get_active (GTK_SWITCH (w));
}

int
iop_form_dialog_get_int (IopFormDialog *self,
                         const char    *key)
{
  GtkWidget *w = iop_form_dialog_get_widget (self, key);

  g_return_val_if_fail (GTK_IS_SPIN_BUTTON (w), 0);
  gtk_spin_button_update (GTK_SPIN_BUTTON (w));
  return gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (w));
}

void
iop_form_dialog_show_error (IopFormDialog *self,
                            const char    *message)
{
  g_return_if_fail (IOP_IS_FORM_DIALOG (self));

  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL && *message);
}

/**
 * iop_form_dialog_confirm:
 * @self: an #IopFormDialog
 *
 * What the confirm button does: saves, and closes the dialog on success.
 *
 * Returns: %TRUE when saved (the dialog is then destroyed)
 */
gboolean
iop_form_dialog_confirm (IopFormDialog *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (IOP_IS_FORM_DIALOG (self), FALSE);

  if (!self->func (self, self->user_data, &error))
    {
      iop_form_dialog_show_error (self, error != NULL ? error->message : _("Nothing was saved."));
      return FALSE;
    }
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}
