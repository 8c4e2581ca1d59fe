/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "iop-store.h"

G_BEGIN_DECLS

/* A combo row over the program's active staff, with “Not assigned” first. */
#define IOP_TYPE_STAFF_ROW (iop_staff_row_get_type ())
G_DECLARE_FINAL_TYPE (IopStaffRow, iop_staff_row, IOP, STAFF_ROW, AdwComboRow)

GtkWidget *iop_staff_row_new          (IopStore    *store);
void       iop_staff_row_set_store    (IopStaffRow *self,
                                       IopStore    *store);
gint64     iop_staff_row_get_staff_id (IopStaffRow *self);
void       iop_staff_row_set_staff_id (IopStaffRow *self,
                                       gint64       staff_id);

G_END_DECLS
