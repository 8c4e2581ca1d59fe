/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-staff-view"

#include "config.h"

#include <glib/gi18n.h>

#include "iop-access.h"
#include "iop-a11y.h"
#include "iop-staff-view.h"
#include "iop-store-people.h"
#include "iop-window.h"

/*
 * Staff management, for administrators: add staff with a first passphrase,
 * change roles, deactivate accounts, reset passphrases. The store refuses all
 * of it to anyone else; the window only offers this view to administrators.
 */

struct _IopStaffView
{
  AdwBin      parent_instance;

  /* template widgets */
  GtkListBox *list_box;

  /* owned */
  IopStore   *store;
  GListModel *model;
  gboolean    filling;
};

G_DEFINE_FINAL_TYPE (IopStaffView, iop_staff_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_NEW_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void reload (IopStaffView *self);

/* Helpers */

static void
report (IopStaffView *self,
        const GError *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (IOP_IS_WINDOW (root))
    iop_window_show_error (IOP_WINDOW (root), _("Not Changed"), error->message);
}

static GtkStringList *
role_labels (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);
  const char * const *roles = iop_staff_role_values ();

  for (guint i = 0; roles[i] != NULL; i++)
    gtk_string_list_append (list, iop_staff_role_label (roles[i]));
  return list;
}

static guint
role_position (const char *role)
{
  const char * const *roles = iop_staff_role_values ();

  for (guint i = 0; roles[i] != NULL; i++)
    if (g_strcmp0 (roles[i], role) == 0)
      return i;
  return 0;
}

/* Callbacks */

static void
role_selected_cb (GtkDropDown  *dropdown,
                  GParamSpec   *pspec,
                  IopStaffView *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dropdown), "staff-id"));
  const char *role = iop_staff_role_values ()[gtk_drop_down_get_selected (dropdown)];
  g_autoptr(GError) error = NULL;

  if (self->filling)
    return;
  if (!iop_access_set_role (self->store, id, role, &error))
    {
      report (self, error);
      reload (self);
    }
}

static void
active_cb (GtkSwitch    *sw,
           GParamSpec   *pspec,
           IopStaffView *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (sw), "staff-id"));
  g_autoptr(GError) error = NULL;

  if (self->filling)
    return;
  if (!iop_access_set_active (self->store, id, gtk_switch_get_active (sw), &error))
    {
      report (self, error);
      reload (self);
    }
}

static void
reset_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   IopStaffView     *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "staff-id"));
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "reset") != 0)
    return;
  if (!iop_access_set_passphrase (self->store, id, gtk_editable_get_text (entry), &error))
    report (self, error);
  else
    iop_widget_add_toast (GTK_WIDGET (self), _("Passphrase reset"));
  gtk_editable_set_text (entry, "");
}

static void
reset_clicked_cb (GtkButton    *button,
                  IopStaffView *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "staff-id"));
  g_autoptr(IopStaff) staff = iop_store_get_staff (self->store, id, NULL);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *entry = adw_password_entry_row_new ();

  if (staff == NULL)
    return;
  body = g_strdup_printf (_("%s signs in with the new passphrase from now on. Tell them in person, not by e-mail."),
                          iop_staff_get_full_name (staff));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Reset Passphrase?"), body));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _("New Passphrase"));
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), entry);
  adw_message_dialog_set_extra_child (dialog, list);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "reset", _("_Reset"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "reset", ADW_RESPONSE_SUGGESTED);
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_object_set_data (G_OBJECT (dialog), "staff-id", GSIZE_TO_POINTER (id));
  g_signal_connect_object (dialog, "response", G_CALLBACK (reset_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
create_row (IopStaffView *self,
            IopStaff     *staff)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GtkStringList) roles = role_labels ();
  GtkWidget *dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (roles)), NULL);
  GtkWidget *sw = gtk_switch_new ();
  GtkWidget *reset = gtk_button_new_from_icon_name ("dialog-password-symbolic");
  gpointer id = GSIZE_TO_POINTER (iop_staff_get_id (staff));
  gboolean me = iop_staff_get_id (staff) == iop_store_get_actor (self->store);
  g_autofree char *subtitle = NULL;

  subtitle = g_strdup_printf (me ? _("%s · you") : "%s", iop_staff_get_username (staff));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), iop_staff_get_full_name (staff));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), role_position (iop_staff_get_role (staff)));
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (dropdown, _("Role"));
  iop_a11y_label_drop_down (GTK_DROP_DOWN (dropdown), _("Role"));
  g_object_set_data (G_OBJECT (dropdown), "staff-id", id);
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (role_selected_cb), self, 0);

  gtk_switch_set_active (GTK_SWITCH (sw), iop_staff_get_active (staff));
  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (sw, _("May sign in"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (sw), GTK_ACCESSIBLE_PROPERTY_LABEL, _("May sign in"), -1);
  gtk_widget_set_sensitive (sw, !me);
  g_object_set_data (G_OBJECT (sw), "staff-id", id);
  g_signal_connect_object (sw, "notify::active", G_CALLBACK (active_cb), self, 0);

  gtk_widget_set_valign (reset, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (reset, _("Reset Passphrase…"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (reset), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reset Passphrase…"), -1);
  gtk_widget_add_css_class (reset, "flat");
  g_object_set_data (G_OBJECT (reset), "staff-id", id);
  g_signal_connect_object (reset, "clicked", G_CALLBACK (reset_clicked_cb), self, 0);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), dropdown);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), reset);
  return row;
}

static void
reload (IopStaffView *self)
{
  GtkWidget *child;

  g_clear_object (&self->model);
  self->model = iop_store_list_staff (self->store, NULL);
  self->filling = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
  for (guint i = 0; self->model != NULL && i < g_list_model_get_n_items (self->model); i++)
    {
      g_autoptr(IopStaff) staff = g_list_model_get_item (self->model, i);
      gtk_list_box_append (self->list_box, create_row (self, staff));
    }
  self->filling = FALSE;
}

static void
store_changed_cb (IopStaffView *self,
                  const char   *kind)
{
  if (g_strcmp0 (kind, IOP_KIND_STAFF) == 0)
    reload (self);
}

static void
add_response_cb (AdwMessageDialog *dialog,
                 const char       *response,
                 IopStaffView     *self)
{
  GtkEditable *full_name = g_object_get_data (G_OBJECT (dialog), "full-name");
  GtkEditable *username = g_object_get_data (G_OBJECT (dialog), "username");
  AdwComboRow *role = g_object_get_data (G_OBJECT (dialog), "role");
  GtkEditable *passphrase = g_object_get_data (G_OBJECT (dialog), "passphrase");

  if (g_strcmp0 (response, "add") != 0)
    return;
  iop_staff_view_add (self, gtk_editable_get_text (full_name), gtk_editable_get_text (username),
                      iop_staff_role_values ()[adw_combo_row_get_selected (role)],
                      gtk_editable_get_text (passphrase));
  gtk_editable_set_text (passphrase, "");
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  gtk_window_present (iop_staff_view_add_dialog (IOP_STAFF_VIEW (widget)));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_widget_child_focus (GTK_WIDGET (IOP_STAFF_VIEW (widget)->list_box), GTK_DIR_TAB_FORWARD);
}

/* GObject */

static void
iop_staff_view_constructed (GObject *object)
{
  IopStaffView *self = IOP_STAFF_VIEW (object);

  G_OBJECT_CLASS (iop_staff_view_parent_class)->constructed (object);

  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  reload (self);
}

static void
iop_staff_view_dispose (GObject *object)
{
  IopStaffView *self = IOP_STAFF_VIEW (object);

  g_clear_object (&self->model);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (iop_staff_view_parent_class)->dispose (object);
}

static void
iop_staff_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  IopStaffView *self = IOP_STAFF_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_NEW_LABEL:
      g_value_set_string (value, _("Add Staff Member"));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iop_staff_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  IopStaffView *self = IOP_STAFF_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iop_staff_view_class_init (IopStaffViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = iop_staff_view_constructed;
  object_class->dispose = iop_staff_view_dispose;
  object_class->get_property = iop_staff_view_get_property;
  object_class->set_property = iop_staff_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, IOP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NEW_LABEL] =
    g_param_spec_string ("new-label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/iop/iop-staff-view.ui");
  gtk_widget_class_bind_template_child (widget_class, IopStaffView, list_box);

  gtk_widget_class_install_action (widget_class, "view.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "view.search", NULL, search_action);
}

static void
iop_staff_view_init (IopStaffView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

/**
 * iop_staff_view_get_model:
 * @self: an #IopStaffView
 *
 * Returns: (transfer none): the staff shown
 */
GListModel *
iop_staff_view_get_model (IopStaffView *self)
{
  g_return_val_if_fail (IOP_IS_STAFF_VIEW (self), NULL);

  return self->model;
}

/**
 * iop_staff_view_add_dialog:
 * @self: an #IopStaffView
 *
 * Returns: (transfer none): a new "Add Staff Member" dialog, not yet shown
 */
GtkWindow *
iop_staff_view_add_dialog (IopStaffView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *full_name = adw_entry_row_new ();
  GtkWidget *username = adw_entry_row_new ();
  GtkWidget *role = adw_combo_row_new ();
  GtkWidget *passphrase = adw_password_entry_row_new ();
  g_autoptr(GtkStringList) roles = role_labels ();

  g_return_val_if_fail (IOP_IS_STAFF_VIEW (self), NULL);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Add Staff Member"),
                                                       _("They sign in with this user name and passphrase, and can change the passphrase afterwards.")));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (full_name), _("Full Name"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (username), _("User Name"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (role), _("Role"));
  adw_combo_row_set_model (ADW_COMBO_ROW (role), G_LIST_MODEL (roles));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (passphrase), _("First Passphrase"));
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), full_name);
  gtk_list_box_append (GTK_LIST_BOX (list), username);
  gtk_list_box_append (GTK_LIST_BOX (list), role);
  gtk_list_box_append (GTK_LIST_BOX (list), passphrase);
  adw_message_dialog_set_extra_child (dialog, list);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "add", _("_Add"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "add");
  g_object_set_data (G_OBJECT (dialog), "full-name", full_name);
  g_object_set_data (G_OBJECT (dialog), "username", username);
  g_object_set_data (G_OBJECT (dialog), "role", role);
  g_object_set_data (G_OBJECT (dialog), "passphrase", passphrase);
  g_signal_connect_object (dialog, "response", G_CALLBACK (add_response_cb), self, 0);
  return GTK_WINDOW (dialog);
}

/**
 * iop_staff_view_add:
 * @self: an #IopStaffView
 * @full_name: the full name
 * @username: the user name
 * @role: `counselor`, `supervisor` or `administrator`
 * @passphrase: the first passphrase
 *
 * Adds a staff member; a refusal is shown to the person.
 *
 * Returns: %TRUE when added
 */
gboolean
iop_staff_view_add (IopStaffView *self,
                    const char   *full_name,
                    const char   *username,
                    const char   *role,
                    const char   *passphrase)
{
  g_autoptr(IopStaff) staff = iop_staff_new ();
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (IOP_IS_STAFF_VIEW (self), FALSE);

  iop_staff_set_full_name (staff, full_name);
  iop_staff_set_username (staff, username);
  iop_staff_set_role (staff, role);
  if (!iop_access_add_staff (self->store, staff, passphrase, &error))
    {
      report (self, error);
      return FALSE;
    }
  {
    g_autofree char *message = g_strdup_printf (_("%s can sign in now"), full_name);
    iop_widget_add_toast (GTK_WIDGET (self), message);
  }
  return TRUE;
}
