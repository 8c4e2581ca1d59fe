/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/*
 * Asks for a date (today by default) and a required reason, for endings:
 * removing a member from a group, discharging a participant. The callback
 * does the work; when it fails, its message shows in the dialog, which stays
 * open with what was typed.
 */
typedef gboolean (*IopReasonFunc) (const char  *date,
                                   const char  *reason,
                                   gpointer     user_data,
                                   GError     **error);

#define IOP_TYPE_REASON_DIALOG (iop_reason_dialog_get_type ())
G_DECLARE_FINAL_TYPE (IopReasonDialog, iop_reason_dialog, IOP, REASON_DIALOG, AdwWindow)

IopReasonDialog *iop_reason_dialog_new            (GtkWindow       *parent,
                                                   const char      *title,
                                                   const char      *description,
                                                   const char      *confirm_label,
                                                   IopReasonFunc    func,
                                                   gpointer         user_data,
                                                   GDestroyNotify   destroy);
AdwEntryRow     *iop_reason_dialog_get_date_row   (IopReasonDialog *self);
AdwEntryRow     *iop_reason_dialog_get_reason_row (IopReasonDialog *self);
GtkLabel        *iop_reason_dialog_get_error_label (IopReasonDialog *self);

G_END_DECLS
