/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define IOP_TYPE_FORM_DIALOG (iop_form_dialog_get_type ())
G_DECLARE_FINAL_TYPE (IopFormDialog, iop_form_dialog, IOP, FORM_DIALOG, AdwWindow)

/* Saves the form; on error the dialog stays open and shows the message. */
typedef gboolean (*IopFormFunc) (IopFormDialog  *dialog,
                                 gpointer        user_data,
                                 GError        **error);

IopFormDialog *iop_form_dialog_new            (GtkWidget      *parent,
                                               const char     *title,
                                               const char     *confirm_label,
                                               IopFormFunc     func,
                                               gpointer        user_data,
                                               GDestroyNotify  destroy);
void           iop_form_dialog_set_description (IopFormDialog *self,
                                               const char     *description);
AdwPreferencesGroup *iop_form_dialog_add_group (IopFormDialog  *self,
                                               const char     *title,
                                               const char     *description);
AdwEntryRow   *iop_form_dialog_add_entry      (IopFormDialog  *self,
                                               const char     *key,
                                               const char     *title,
                                               const char     *text);
AdwComboRow   *iop_form_dialog_add_combo      (IopFormDialog  *self,
                                               const char     *key,
                                               const char     *title,
                                               const char * const *labels,
                                               guint           selected);
GtkSwitch     *iop_form_dialog_add_switch     (IopFormDialog  *self,
                                               const char     *key,
                                               const char     *title,
                                               const char     *subtitle,
                                               gboolean        active);
GtkSpinButton *iop_form_dialog_add_spin       (IopFormDialog  *self,
                                               const char     *key,
                                               const char     *title,
                                               const char     *subtitle,
                                               int             min,
                                               int             max,
                                               int             value);
AdwActionRow  *iop_form_dialog_add_info       (IopFormDialog  *self,
                                               const char     *key,
                                               const char     *title,
                                               const char     *subtitle);
GtkWidget     *iop_form_dialog_get_widget     (IopFormDialog  *self,
                                               const char     *key);
char          *iop_form_dialog_dup_text       (IopFormDialog  *self,
                                               const char     *key);
guint          iop_form_dialog_get_selected   (IopFormDialog  *self,
                                               const char     *key);
gboolean       iop_form_dialog_get_active     (IopFormDialog  *self,
                                               const char     *key);
int            iop_form_dialog_get_int        (IopFormDialog  *self,
                                               const char     *key);
void           iop_form_dialog_show_error     (IopFormDialog  *self,
                                               const char     *message);
gboolean       iop_form_dialog_confirm        (IopFormDialog  *self);

G_END_DECLS
