/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "iop-staff.h"
#include "iop-store.h"

G_BEGIN_DECLS

/* Who is using Circle and what their role lets them do. */

#define IOP_KIND_DATABASE "database"

/**
 * IopRole:
 * @IOP_ROLE_NONE: no one (not signed in, or an inactive account)
 * @IOP_ROLE_COUNSELOR: their groups and caseload; documents and signs
 * @IOP_ROLE_SUPERVISOR: reads all, co-signs and returns, reports, the audit log;
 *   documents and signs for the groups they facilitate and their own caseload
 * @IOP_ROLE_ADMINISTRATOR: all a supervisor may, plus staff, settings, backups
 */
typedef enum {
  IOP_ROLE_NONE,
  IOP_ROLE_COUNSELOR,
  IOP_ROLE_SUPERVISOR,
  IOP_ROLE_ADMINISTRATOR,
} IopRole;

/**
 * IopPermission:
 * @IOP_PERMISSION_NONE: anyone: signing in and out, locking, unlocking
 * @IOP_PERMISSION_VIEW_RECORD: view, print, export or disclose a participant's record
 * @IOP_PERMISSION_INTAKE: register a new participant
 * @IOP_PERMISSION_MANAGE_RECORDS: participants, groups, enrollments, consents, imports
 * @IOP_PERMISSION_DOCUMENT: session notes, plans, measures, cultural notes
 * @IOP_PERMISSION_SIGN: sign one's own documentation
 * @IOP_PERMISSION_COSIGN: co-sign or return documentation
 * @IOP_PERMISSION_REPORTS: group dynamics reports
 * @IOP_PERMISSION_AUDIT_LOG: read and export the audit log
 * @IOP_PERMISSION_MANAGE_STAFF: add staff, change roles, reset passphrases
 * @IOP_PERMISSION_SETTINGS: program-wide settings
 * @IOP_PERMISSION_BACKUP: back up and restore the database
 */
typedef enum {
  IOP_PERMISSION_NONE,
  IOP_PERMISSION_VIEW_RECORD,
  IOP_PERMISSION_INTAKE,
  IOP_PERMISSION_MANAGE_RECORDS,
  IOP_PERMISSION_DOCUMENT,
  IOP_PERMISSION_SIGN,
  IOP_PERMISSION_COSIGN,
  IOP_PERMISSION_REPORTS,
  IOP_PERMISSION_AUDIT_LOG,
  IOP_PERMISSION_MANAGE_STAFF,
  IOP_PERMISSION_SETTINGS,
  IOP_PERMISSION_BACKUP,
  IOP_N_PERMISSIONS
} IopPermission;

/**
 * IopGrant:
 * @IOP_GRANT_NO: refused
 * @IOP_GRANT_SCOPED: allowed for the staff member's own groups and caseload
 * @IOP_GRANT_ALL: allowed for every record
 */
typedef enum {
  IOP_GRANT_NO,
  IOP_GRANT_SCOPED,
  IOP_GRANT_ALL,
} IopGrant;

#define IOP_PASSPHRASE_MIN_LENGTH 8

IopRole        iop_role_from_string            (const char    *role);
IopGrant       iop_role_grant                  (IopRole        role,
                                                IopPermission  permission);
IopPermission  iop_access_permission_for       (const char    *action,
                                                const char    *kind);

IopRole        iop_access_get_role             (IopStore      *store);
gboolean       iop_access_may                  (IopStore      *store,
                                                IopPermission  permission);
gboolean       iop_store_require               (IopStore      *store,
                                                IopPermission  permission,
                                                gint64         participant_id,
                                                GError       **error);
gboolean       iop_access_may_see_participant  (IopStore      *store,
                                                gint64         participant_id);
GArray        *iop_access_list_visible_participants (IopStore *store,
                                                gboolean      *everyone,
                                                GError       **error);

gboolean       iop_access_has_staff            (IopStore      *store);
gboolean       iop_access_is_signed_in         (IopStore      *store);
IopStaff      *iop_access_create_first_administrator (IopStore *store,
                                                const char    *username,
                                                const char    *full_name,
                                                const char    *passphrase,
                                                GError       **error);
IopStaff      *iop_access_sign_in              (IopStore      *store,
                                                const char    *username,
                                                const char    *passphrase,
                                                GError       **error);
IopStaff      *iop_access_authenticate         (IopStore      *store,
                                                const char    *username,
                                                const char    *passphrase,
                                                GError       **error);
gboolean       iop_access_sign_out             (IopStore      *store,
                                                GError       **error);
gboolean       iop_access_lock                 (IopStore      *store,
                                                GError       **error);
gboolean       iop_access_unlock               (IopStore      *store,
                                                const char    *passphrase,
                                                GError       **error);
gboolean       iop_access_is_locked            (IopStore      *store);
gboolean       iop_access_idle_expired         (gint64         last_activity_us,
                                                gint64         now_us,
                                                guint          timeout_minutes);

gboolean       iop_access_add_staff            (IopStore      *store,
                                                IopStaff      *staff,
                                                const char    *passphrase,
                                                GError       **error);
gboolean       iop_access_set_role             (IopStore      *store,
                                                gint64         staff_id,
                                                const char    *role,
                                                GError       **error);
gboolean       iop_access_set_active           (IopStore      *store,
                                                gint64         staff_id,
                                                gboolean       active,
                                                GError       **error);
gboolean       iop_access_set_passphrase       (IopStore      *store,
                                                gint64         staff_id,
                                                const char    *passphrase,
                                                GError       **error);

G_END_DECLS
