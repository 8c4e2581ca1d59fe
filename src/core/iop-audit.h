/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "iop-store.h"

G_BEGIN_DECLS

#define IOP_TYPE_AUDIT_ENTRY (iop_audit_entry_get_type ())
G_DECLARE_FINAL_TYPE (IopAuditEntry, iop_audit_entry, IOP, AUDIT_ENTRY, GObject)

gint64      iop_audit_entry_get_id             (IopAuditEntry *self);
const char *iop_audit_entry_get_at             (IopAuditEntry *self);
gint64      iop_audit_entry_get_staff_id       (IopAuditEntry *self);
const char *iop_audit_entry_get_staff_username (IopAuditEntry *self);
const char *iop_audit_entry_get_action         (IopAuditEntry *self);
const char *iop_audit_entry_get_kind           (IopAuditEntry *self);
gint64      iop_audit_entry_get_record_id      (IopAuditEntry *self);
gint64      iop_audit_entry_get_participant_id (IopAuditEntry *self);
const char *iop_audit_entry_get_record_number  (IopAuditEntry *self);
const char *iop_audit_entry_get_detail         (IopAuditEntry *self);

/**
 * IopAuditFilter:
 * @staff_id: only this staff member's entries, or 0
 * @action: (nullable): only this action
 * @participant_id: only entries about this participant, or 0
 * @from: (nullable): first day (ISO date, UTC), inclusive
 * @to: (nullable): last day (ISO date, UTC), inclusive
 *
 * Which audit entries to list; a zeroed filter lists all.
 */
typedef struct {
  gint64      staff_id;
  const char *action;
  gint64      participant_id;
  const char *from;
  const char *to;
} IopAuditFilter;

/**
 * IopAuditChainStatus:
 * @n_entries: how many entries were checked
 * @first_broken: the first entry whose hash or link does not hold, or 0
 */
typedef struct {
  gint64 n_entries;
  gint64 first_broken;
} IopAuditChainStatus;

GListModel *iop_store_list_audit      (IopStore              *store,
                                       const IopAuditFilter  *filter,
                                       guint                  limit,
                                       GError               **error);
GStrv       iop_store_list_audit_actions (IopStore           *store,
                                       GError               **error);
gboolean    iop_store_verify_audit    (IopStore              *store,
                                       IopAuditChainStatus   *status,
                                       GError               **error);
gboolean    iop_store_export_audit_csv (IopStore             *store,
                                       const IopAuditFilter  *filter,
                                       GOutputStream         *stream,
                                       GError               **error);
const char *iop_audit_action_label    (const char            *action);

G_END_DECLS
