/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "iop-staff.h"
#include "iop-store.h"

G_BEGIN_DECLS

#define IOP_TYPE_STAFF_VIEW (iop_staff_view_get_type ())
G_DECLARE_FINAL_TYPE (IopStaffView, iop_staff_view, IOP, STAFF_VIEW, AdwBin)

GListModel *iop_staff_view_get_model  (IopStaffView *self);
GtkWindow  *iop_staff_view_add_dialog (IopStaffView *self);
gboolean    iop_staff_view_add        (IopStaffView *self,
                                       const char   *full_name,
                                       const char   *username,
                                       const char   *role,
                                       const char   *passphrase);

G_END_DECLS
