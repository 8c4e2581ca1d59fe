/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-enroll-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "iop-date.h"
#include "iop-enroll-dialog.h"
#include "iop-participant-list.h"
#include "iop-store-people.h"
#include "iop-window.h"

struct _IopEnrollDialog
{
  AdwWindow           parent_instance;

  /* template widgets */
  AdwWindowTitle     *window_title;
  GtkButton          *add_button;
  GtkSearchEntry     *search_entry;
  GtkListView        *list_view;
  GtkLabel           *error_label;
  AdwEntryRow        *joined_row;

  /* borrowed */
  AdwMessageDialog   *override_dialog;

  /* owned */
  IopStore           *store;
  IopGroup           *group;
  IopParticipantList *participants;
  GtkSingleSelection *selection;
  GHashTable         *member_ids;   /* gint64* of today's members */
  IopEnrollFlags      flags;
};

G_DEFINE_FINAL_TYPE (IopEnrollDialog, iop_enroll_dialog, ADW_TYPE_WINDOW)

static void try_enroll (IopEnrollDialog *self);

static gboolean
is_member (IopEnrollDialog *self,
           IopParticipant  *participant)
{
  gint64 id = iop_participant_get_id (participant);

  return g_hash_table_contains (self->member_ids, &id);
}

static void
show_error (IopEnrollDialog *self,
            const char      *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
update_actions (IopEnrollDialog *self)
{
  IopParticipant *participant = gtk_single_selection_get_selected_item (self->selection);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "enroll.add",
                                 participant != NULL && !is_member (self, participant));
}

static void
load_members (IopEnrollDialog *self)
{
  g_autofree char *today = iop_date_today ();
  g_autoptr(GPtrArray) roster = iop_store_list_roster (self->store, iop_group_get_id (self->group), today, NULL);

  g_hash_table_remove_all (self->member_ids);
  for (guint i = 0; roster != NULL && i < roster->len; i++)
    {
      gint64 *id = g_new (gint64, 1);

      *id = iop_enrollment_get_participant_id (g_ptr_array_index (roster, i));
      g_hash_table_add (self->member_ids, id);
    }
}

static void
search_changed_cb (IopEnrollDialog *self)
{
  iop_participant_list_set_filter (self->participants, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  update_actions (self);
}

static void
selection_changed_cb (IopEnrollDialog *self)
{
  show_error (self, NULL);
  update_actions (self);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              IopEnrollDialog          *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_list_item_set_child (item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             IopEnrollDialog          *self)
{
  IopParticipant *participant = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *detail = gtk_widget_get_next_sibling (name);
  g_autofree char *display = iop_participant_dup_display_name (participant);
  g_autofree char *text = NULL;
  gboolean member = is_member (self, participant);

  if (member)
    text = g_strdup_printf (_("%s · Already in this group"), iop_participant_get_record_number (participant));
  else
    text = g_strdup_printf ("%s · %s", iop_participant_get_record_number (participant),
                            iop_level_of_care_label (iop_participant_get_level_of_care (participant)));

  gtk_label_set_text (GTK_LABEL (name), display);
  gtk_label_set_text (GTK_LABEL (detail), text);
  gtk_widget_set_sensitive (box, !member);
  gtk_list_item_set_selectable (item, !member);
}

static gboolean
retry_enroll_cb (gpointer data)
{
  IopEnrollDialog *self = data;

  if (gtk_widget_get_visible (GTK_WIDGET (self)))
    try_enroll (self);
  return G_SOURCE_REMOVE;
}

static void
override_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      IopEnrollDialog  *self)
{
  IopEnrollFlags flag = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "flag"));

  self->override_dialog = NULL;
  if (g_strcmp0 (response, "add") != 0)
    return;

  /* Retry once the question has closed: success closes this dialog, its parent. */
  self->flags |= flag;
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, retry_enroll_cb, g_object_ref (self), g_object_unref);
}

static void
ask_override (IopEnrollDialog *self,
              const GError    *error,
              const char      *joined)
{
  g_autofree char *body = NULL;
  const char *heading;
  IopEnrollFlags flag;
  GtkWidget *dialog;

  if (g_error_matches (error, IOP_STORE_ERROR, IOP_STORE_ERROR_CAPACITY))
    {
      int members = iop_store_count_members (self->store, iop_group_get_id (self->group), joined);

      heading = _("This Group Is Full");
      body = g_strdup_printf (_("This group is full (%d of %d). Add anyway? The override is recorded."),
                              members, iop_group_get_max_size (self->group));
      flag = IOP_ENROLL_OVERRIDE_CAPACITY;
    }
  else
    {
      heading = _("This Group Is Closed");
      body = g_strdup_printf (_("“%s” is a closed group with a fixed cohort. Add anyway? The override is recorded."),
                              iop_group_get_name (self->group));
      flag = IOP_ENROLL_OVERRIDE_CLOSED;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "add", _("Add _Anyway"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "flag", GUINT_TO_POINTER (flag));
  g_signal_connect_object (dialog, "response", G_CALLBACK (override_response_cb), self, 0);

  self->override_dialog = ADW_MESSAGE_DIALOG (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
try_enroll (IopEnrollDialog *self)
{
  IopParticipant *participant = gtk_single_selection_get_selected_item (self->selection);
  g_autofree char *joined = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->joined_row))));
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  if (participant == NULL)
    {
      show_error (self, _("Choose a participant to add."));
      return;
    }

  if (!iop_store_enroll (self->store, iop_participant_get_id (participant), iop_group_get_id (self->group),
                         joined, self->flags, NULL, &error))
    {
      if (g_error_matches (error, IOP_STORE_ERROR, IOP_STORE_ERROR_CAPACITY)
          || g_error_matches (error, IOP_STORE_ERROR, IOP_STORE_ERROR_CLOSED))
        ask_override (self, error, joined);
      else
        show_error (self, error->message);
      return;
    }

  name = iop_participant_dup_display_name (participant);
  message = g_strdup_printf (_("Added %s to “%s”"), name, iop_group_get_name (self->group));
  iop_widget_add_toast (GTK_WIDGET (self), message);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  IopEnrollDialog *self = IOP_ENROLL_DIALOG (widget);

  /* Each attempt starts without overrides: the person confirms each one. */
  self->flags = IOP_ENROLL_NONE;
  show_error (self, NULL);
  try_enroll (self);
}

static void
iop_enroll_dialog_dispose (GObject *object)
{
  IopEnrollDialog *self = IOP_ENROLL_DIALOG (object);

  g_clear_object (&self->selection);
  g_clear_object (&self->participants);
  g_clear_object (&self->group);
  g_clear_object (&self->store);
  g_clear_pointer (&self->member_ids, g_hash_table_unref);

  G_OBJECT_CLASS (iop_enroll_dialog_parent_class)->dispose (object);
}

static void
iop_enroll_dialog_class_init (IopEnrollDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iop_enroll_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/iop/iop-enroll-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, IopEnrollDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, IopEnrollDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, IopEnrollDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, IopEnrollDialog, list_view);
  gtk_widget_class_bind_template_child (widget_class, IopEnrollDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, IopEnrollDialog, joined_row);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);

  gtk_widget_class_install_action (widget_class, "enroll.add", NULL, add_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
iop_enroll_dialog_init (IopEnrollDialog *self)
{
  g_autofree char *today = iop_date_today ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->member_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->joined_row), today);
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->add_button));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "enroll.add", FALSE);
}

/**
 * iop_enroll_dialog_new:
 * @store: the store
 * @group: the group that takes the new member
 *
 * Returns: (transfer none): the dialog, not yet shown
 */
IopEnrollDialog *
iop_enroll_dialog_new (IopStore *store,
                       IopGroup *group)
{
  IopEnrollDialog *self;
  GtkListItemFactory *factory;

  g_return_val_if_fail (IOP_IS_STORE (store), NULL);
  g_return_val_if_fail (IOP_IS_GROUP (group), NULL);

  self = g_object_new (IOP_TYPE_ENROLL_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->group = g_object_ref (group);
  adw_window_title_set_subtitle (self->window_title, iop_group_get_name (group));
  load_members (self);

  self->participants = iop_participant_list_new (store);
  iop_participant_list_set_active_only (self->participants, TRUE);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->participants)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->selection, "notify::selected-item", G_CALLBACK (selection_changed_cb),
                           self, G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  return self;
}

GtkSearchEntry *
iop_enroll_dialog_get_search_entry (IopEnrollDialog *self)
{
  g_return_val_if_fail (IOP_IS_ENROLL_DIALOG (self), NULL);
  return self->search_entry;
}

GtkSingleSelection *
iop_enroll_dialog_get_selection (IopEnrollDialog *self)
{
  g_return_val_if_fail (IOP_IS_ENROLL_DIALOG (self), NULL);
  return self->selection;
}

AdwEntryRow *
iop_enroll_dialog_get_joined_row (IopEnrollDialog *self)
{
  g_return_val_if_fail (IOP_IS_ENROLL_DIALOG (self), NULL);
  return self->joined_row;
}

GtkLabel *
iop_enroll_dialog_get_error_label (IopEnrollDialog *self)
{
  g_return_val_if_fail (IOP_IS_ENROLL_DIALOG (self), NULL);
  return self->error_label;
}

/**
 * iop_enroll_dialog_get_override_dialog:
 * @self: an #IopEnrollDialog
 *
 * Returns: (transfer none) (nullable): the open “Add anyway?” question, if any
 */
AdwMessageDialog *
iop_enroll_dialog_get_override_dialog (IopEnrollDialog *self)
{
  g_return_val_if_fail (IOP_IS_ENROLL_DIALOG (self), NULL);
  return self->override_dialog;
}
