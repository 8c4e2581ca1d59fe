/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-reason-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "iop-date.h"
#include "iop-reason-dialog.h"

struct _IopReasonDialog
{
  AdwWindow       parent_instance;

  /* template widgets */
  AdwWindowTitle *window_title;
  GtkButton      *confirm_button;
  GtkLabel       *description_label;
  GtkLabel       *error_label;
  AdwEntryRow    *date_row;
  AdwEntryRow    *reason_row;

  /* owned */
  IopReasonFunc   func;
  gpointer        user_data;
  GDestroyNotify  destroy;
};

G_DEFINE_FINAL_TYPE (IopReasonDialog, iop_reason_dialog, ADW_TYPE_WINDOW)

static void
show_error (IopReasonDialog *self,
            const char      *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static void
confirm_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  IopReasonDialog *self = IOP_REASON_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *date = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_row))));
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason_row))));

  if (*reason == '\0')
    {
      show_error (self, _("Enter a reason."));
      gtk_widget_grab_focus (GTK_WIDGET (self->reason_row));
      return;
    }

  if (!self->func (date, reason, self->user_data, &error))
    {
      show_error (self, error->message);
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
iop_reason_dialog_dispose (GObject *object)
{
  IopReasonDialog *self = IOP_REASON_DIALOG (object);

  if (self->destroy != NULL)
    g_clear_pointer (&self->user_data, self->destroy);

  G_OBJECT_CLASS (iop_reason_dialog_parent_class)->dispose (object);
}

static void
iop_reason_dialog_class_init (IopReasonDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iop_reason_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/iop/iop-reason-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, IopReasonDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, IopReasonDialog, confirm_button);
  gtk_widget_class_bind_template_child (widget_class, IopReasonDialog, description_label);
  gtk_widget_class_bind_template_child (widget_class, IopReasonDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, IopReasonDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, IopReasonDialog, reason_row);
  gtk_widget_class_bind_template_callback (widget_class, gtk_widget_grab_focus);

  gtk_widget_class_install_action (widget_class, "reason.confirm", NULL, confirm_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
iop_reason_dialog_init (IopReasonDialog *self)
{
  g_autofree char *today = iop_date_today ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->confirm_button));
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
}

/**
 * iop_reason_dialog_new:
 * @parent: (nullable): the window to stay above
 * @title: the dialog's title
 * @description: what will happen
 * @confirm_label: the confirm button's label, with a mnemonic
 * @func: does the work
 * @user_data: for @func
 * @destroy: (nullable): frees @user_data
 *
 * Returns: (transfer none): the dialog, not yet shown
 */
IopReasonDialog *
iop_reason_dialog_new (GtkWindow      *parent,
                       const char     *title,
                       const char     *description,
                       const char     *confirm_label,
                       IopReasonFunc   func,
                       gpointer        user_data,
                       GDestroyNotify  destroy)
{
  IopReasonDialog *self;

  g_return_val_if_fail (func != NULL, NULL);

  self = g_object_new (IOP_TYPE_REASON_DIALOG, "transient-for", parent, "title", title, NULL);
  adw_window_title_set_title (self->window_title, title);
  gtk_label_set_text (self->description_label, description);
  gtk_button_set_label (self->confirm_button, confirm_label);
  self->func = func;
  self->user_data = user_data;
  self->destroy = destroy;
  gtk_widget_grab_focus (GTK_WIDGET (self->reason_row));
  return self;
}

AdwEntryRow *
iop_reason_dialog_get_date_row (IopReasonDialog *self)
{
  g_return_val_if_fail (IOP_IS_REASON_DIALOG (self), NULL);
  return self->date_row;
}

AdwEntryRow *
iop_reason_dialog_get_reason_row (IopReasonDialog *self)
{
  g_return_val_if_fail (IOP_IS_REASON_DIALOG (self), NULL);
  return self->reason_row;
}

GtkLabel *
iop_reason_dialog_get_error_label (IopReasonDialog *self)
{
  g_return_val_if_fail (IOP_IS_REASON_DIALOG (self), NULL);
  return self->error_label;
}
