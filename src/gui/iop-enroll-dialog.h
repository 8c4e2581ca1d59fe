/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "iop-group.h"
#include "iop-store.h"

G_BEGIN_DECLS

#define IOP_TYPE_ENROLL_DIALOG (iop_enroll_dialog_get_type ())
G_DECLARE_FINAL_TYPE (IopEnrollDialog, iop_enroll_dialog, IOP, ENROLL_DIALOG, AdwWindow)

IopEnrollDialog    *iop_enroll_dialog_new                (IopStore        *store,
                                                          IopGroup        *group);

/* For tests: the dialog's widgets. Adding is the "enroll.add" action. */
GtkSearchEntry     *iop_enroll_dialog_get_search_entry   (IopEnrollDialog *self);
GtkSingleSelection *iop_enroll_dialog_get_selection      (IopEnrollDialog *self);
AdwEntryRow        *iop_enroll_dialog_get_joined_row     (IopEnrollDialog *self);
GtkLabel           *iop_enroll_dialog_get_error_label    (IopEnrollDialog *self);
AdwMessageDialog   *iop_enroll_dialog_get_override_dialog (IopEnrollDialog *self);

G_END_DECLS
