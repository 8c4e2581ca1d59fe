/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "iop-audit.h"

G_BEGIN_DECLS

#define IOP_TYPE_AUDIT_VIEW (iop_audit_view_get_type ())
G_DECLARE_FINAL_TYPE (IopAuditView, iop_audit_view, IOP, AUDIT_VIEW, AdwBin)

GListModel *iop_audit_view_get_model        (IopAuditView *self);
void        iop_audit_view_set_filter       (IopAuditView *self,
                                             const char   *username,
                                             const char   *action,
                                             const char   *record_number,
                                             const char   *from,
                                             const char   *to);
const char *iop_audit_view_get_chain_status (IopAuditView *self);
gboolean    iop_audit_view_export           (IopAuditView *self,
                                             GFile        *file,
                                             GError      **error);

G_END_DECLS
