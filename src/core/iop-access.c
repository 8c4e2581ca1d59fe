/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-access"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>

#include "iop-access-private.h"
#include "iop-access.h"
#include "iop-store-people.h"
#include "iop-store-private.h"
#include "iop-validation.h"

/*
 * Who may do what. Every change and every look at a participant's record is
 * written to the audit log through iop_store_audit(), which asks
 * iop_access_check_audited() first: the action and kind of record map to a
 * permission (actions[] below), the permission and the actor's role to a grant
 * (grants[] below), and a scoped grant to the counselor's own groups and
 * caseload. Reads that write no audit entry ask iop_store_require().
 */

/* Rows are tried in order; NULL matches any action or kind. */
static const struct {
  const char    *action;
  const char    *kind;
  IopPermission  permission;
} actions[] = {
  { "sign-in",         NULL,                  IOP_PERMISSION_NONE },
  { "sign-in-failed",  NULL,                  IOP_PERMISSION_NONE },
  { "sign-out",        NULL,                  IOP_PERMISSION_NONE },
  { "lock",            NULL,                  IOP_PERMISSION_NONE },
  { "unlock",          NULL,                  IOP_PERMISSION_NONE },
  { "unlock-failed",   NULL,                  IOP_PERMISSION_NONE },
  { "backup-auto",     NULL,                  IOP_PERMISSION_NONE },
  { "passphrase",      IOP_KIND_STAFF,        IOP_PERMISSION_NONE },  /* own: checked below */
  { NULL,              IOP_KIND_AUDIT,        IOP_PERMISSION_AUDIT_LOG },
  { "backup",          NULL,                  IOP_PERMISSION_BACKUP },
  { "restore",         NULL,                  IOP_PERMISSION_BACKUP },
  { NULL,              IOP_KIND_DATABASE,     IOP_PERMISSION_BACKUP },
  { "view",            NULL,                  IOP_PERMISSION_VIEW_RECORD },
  { "print",           NULL,                  IOP_PERMISSION_VIEW_RECORD },
  { "export",          NULL,                  IOP_PERMISSION_VIEW_RECORD },
  { "disclose",        NULL,                  IOP_PERMISSION_VIEW_RECORD },
  { "report",          NULL,                  IOP_PERMISSION_REPORTS },
  /* Importing records from another program is records work, like intake. */
  { "import",          NULL,                  IOP_PERMISSION_MANAGE_RECORDS },
  { "sign",            NULL,                  IOP_PERMISSION_SIGN },
  { "cosign",          NULL,                  IOP_PERMISSION_COSIGN },
  { "return",          NULL,                  IOP_PERMISSION_COSIGN },
  { NULL,              IOP_KIND_STAFF,        IOP_PERMISSION_MANAGE_STAFF },
  { NULL,              IOP_KIND_SETTING,      IOP_PERMISSION_SETTINGS },
  { "create",          IOP_KIND_PARTICIPANT,  IOP_PERMISSION_INTAKE },
  { NULL,              IOP_KIND_PARTICIPANT,  IOP_PERMISSION_MANAGE_RECORDS },
  { NULL,              IOP_KIND_GROUP,        IOP_PERMISSION_MANAGE_RECORDS },
  { NULL,              IOP_KIND_ENROLLMENT,   IOP_PERMISSION_MANAGE_RECORDS },
  { NULL,              IOP_KIND_CONSENT,      IOP_PERMISSION_MANAGE_RECORDS },
  { NULL,              IOP_KIND_SESSION,      IOP_PERMISSION_DOCUMENT },
  { NULL,              IOP_KIND_PLAN,         IOP_PERMISSION_DOCUMENT },
  { NULL,              IOP_KIND_MEASURE,      IOP_PERMISSION_DOCUMENT },
  { NULL,              IOP_KIND_CULTURAL,     IOP_PERMISSION_DOCUMENT },
  /* Anything else is a change to a record: the strictest clinical permission. */
  { NULL,              NULL,                  IOP_PERMISSION_DOCUMENT },
};

#define NO IOP_GRANT_NO
#define SCOPED IOP_GRANT_SCOPED
#define ALL IOP_GRANT_ALL

/* [permission][role]: none, counselor, supervisor, administrator */
static const IopGrant grants[IOP_N_PERMISSIONS][4] = {
  [IOP_PERMISSION_NONE]           = { ALL, ALL,    ALL, ALL },
  [IOP_PERMISSION_VIEW_RECORD]    = { NO,  SCOPED, ALL, ALL },
  [IOP_PERMISSION_INTAKE]         = { NO,  ALL,    ALL, ALL },
  [IOP_PERMISSION_MANAGE_RECORDS] = { NO,  SCOPED, ALL, ALL },
  [IOP_PERMISSION_DOCUMENT]       = { NO,  SCOPED, SCOPED, SCOPED },
  [IOP_PERMISSION_SIGN]           = { NO,  SCOPED, SCOPED, SCOPED },
  [IOP_PERMISSION_COSIGN]         = { NO,  NO,     ALL, ALL },
  [IOP_PERMISSION_REPORTS]        = { NO,  SCOPED, ALL, ALL },
  [IOP_PERMISSION_AUDIT_LOG]      = { NO,  NO,     ALL, ALL },
  [IOP_PERMISSION_MANAGE_STAFF]   = { NO,  NO,     NO,  ALL },
  [IOP_PERMISSION_SETTINGS]       = { NO,  NO,     NO,  ALL },
  [IOP_PERMISSION_BACKUP]         = { NO,  NO,     NO,  ALL },
};

#undef NO
#undef SCOPED
#undef ALL

static const char * const refusals[IOP_N_PERMISSIONS] = {
  [IOP_PERMISSION_NONE]           = NULL,
  [IOP_PERMISSION_VIEW_RECORD]    = N_("Your role does not give you access to this participant's record."),
  [IOP_PERMISSION_INTAKE]         = N_("Your role does not allow registering participants."),
  [IOP_PERMISSION_MANAGE_RECORDS] = N_("Your role does not allow changing this record."),
  [IOP_PERMISSION_DOCUMENT]       = N_("Your role does not allow writing documentation for this record."),
  [IOP_PERMISSION_SIGN]           = N_("Your role does not allow signing this documentation."),
  [IOP_PERMISSION_COSIGN]         = N_("Only supervisors and administrators co-sign or return documentation."),
  [IOP_PERMISSION_REPORTS]        = N_("Your role does not give you access to this report."),
  [IOP_PERMISSION_AUDIT_LOG]      = N_("Only supervisors and administrators read the audit log."),
  [IOP_PERMISSION_MANAGE_STAFF]   = N_("Only administrators manage staff."),
  [IOP_PERMISSION_SETTINGS]       = N_("Only administrators change the program's settings."),
  [IOP_PERMISSION_BACKUP]         = N_("Only administrators back up and restore the database."),
};

static gboolean fast_hashing;

/* Helpers */

static gboolean
ensure_sodium (GError **error)
{
  static gsize initialized;
  static gboolean ok;

  if (g_once_init_enter (&initialized))
    {
      ok = sodium_init () >= 0;
      g_once_init_leave (&initialized, 1);
    }
  if (!ok)
    g_set_error_literal (error, IOP_STORE_ERROR, IOP_STORE_ERROR_FAILED,
                         _("The cryptography library could not start."));
  return ok;
}

static gboolean
refuse (GError     **error,
        const char  *message)
{
  g_set_error_literal (error, IOP_STORE_ERROR, IOP_STORE_ERROR_PERMISSION, message);
  return FALSE;
}

static IopRole
role_of (IopStore *store,
         gint64    staff_id)
{
  sqlite3_stmt *stmt;
  IopRole role = IOP_ROLE_NONE;

  if (staff_id <= 0)
    return IOP_ROLE_NONE;
  stmt = iop_store_prepare (store, "SELECT role FROM staff WHERE id = ?1 AND active = 1", NULL);
  if (stmt == NULL)
    return IOP_ROLE_NONE;
  sqlite3_bind_int64 (stmt, 1, staff_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    role = iop_role_from_string (iop_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return role;
}

static gboolean
query_flag (IopStore   *store,
            const char *sql,
            gint64      id,
            gint64      actor)
{
  sqlite3_stmt *stmt = iop_store_prepare (store, sql, NULL);
  gboolean yes;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, actor);
  yes = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  return yes;
}

/* A counselor's caseload: participants they are primary counselor for, and the
 * members (past or present) of the groups they facilitate or co-facilitate. */
static gboolean
participant_in_scope (IopStore *store,
                      gint64    participant_id,
                      gint64    actor)
{
  return query_flag (store,
                     "SELECT EXISTS (SELECT 1 FROM participants WHERE id = ?1 AND primary_counselor_id = ?2)"
                     " OR EXISTS (SELECT 1 FROM enrollments e JOIN groups g ON g.id = e.group_id"
                     "            WHERE e.participant_id = ?1"
                     "              AND (g.facilitator_id = ?2 OR g.co_facilitator_id = ?2))",
                     participant_id, actor);
}

static gboolean
group_in_scope (IopStore *store,
                gint64    group_id,
                gint64    actor)
{
  return query_flag (store,
                     "SELECT EXISTS (SELECT 1 FROM groups WHERE id = ?1"
                     " AND (facilitator_id = ?2 OR co_facilitator_id = ?2))",
                     group_id, actor);
}

static gboolean
record_in_scope (IopStore   *store,
                 const char *kind,
                 gint64      record_id,
                 gint64      participant_id,
                 gint64      actor)
{
  if (participant_id > 0)
    return participant_in_scope (store, participant_id, actor);
  if (record_id <= 0)
    return FALSE;

  if (g_strcmp0 (kind, IOP_KIND_GROUP) == 0)
    return group_in_scope (store, record_id, actor);
  if (g_strcmp0 (kind, IOP_KIND_PARTICIPANT) == 0)
    return participant_in_scope (store, record_id, actor);
  if (g_strcmp0 (kind, IOP_KIND_SESSION) == 0)
    return query_flag (store,
                       "SELECT EXISTS (SELECT 1 FROM sessions s JOIN groups g ON g.id = s.group_id"
                       " WHERE s.id = ?1 AND (s.facilitator_id = ?2 OR s.co_facilitator_id = ?2"
                       "   OR g.facilitator_id = ?2 OR g.co_facilitator_id = ?2))",
                       record_id, actor);
  if (g_strcmp0 (kind, IOP_KIND_ENROLLMENT) == 0)
    return query_flag (store,
                       "SELECT EXISTS (SELECT 1 FROM enrollments e JOIN groups g ON g.id = e.group_id"
                       " WHERE e.id = ?1 AND (g.facilitator_id = ?2 OR g.co_facilitator_id = ?2))",
                       record_id, actor);
  if (g_strcmp0 (kind, IOP_KIND_CULTURAL) == 0)
    return query_flag (store,
                       "SELECT EXISTS (SELECT 1 FROM cultural_notes n JOIN groups g ON g.id = n.group_id"
                       " WHERE n.id = ?1 AND (g.facilitator_id = ?2 OR g.co_facilitator_id = ?2))",
                       record_id, actor);
  return FALSE;
}

static gboolean
check_permission (IopStore       *store,
                  IopPermission   permission,
                  const char     *kind,
                  gint64          record_id,
                  gint64          participant_id,
                  GError        **error)
{
  gint64 actor = iop_store_get_actor (store);
  IopGrant grant;

  if (permission == IOP_PERMISSION_NONE || iop_store_in_system_mode (store))
    return TRUE;

  /* Tests of other areas' rules (iop_test_open_store()) do not exercise roles. */
  if (iop_store_get_trust_system_actor (store))
    return TRUE;

  if (actor <= 0)
    {
      return refuse (error, _("Sign in first: Circle records who does what, and no one is signed in."));
    }

  if (iop_store_get_locked (store))
    return refuse (error, _("Circle is locked. Unlock it with your passphrase to continue."));

  grant = iop_role_grant (role_of (store, actor), permission);
  if (grant == IOP_GRANT_ALL)
    return TRUE;
  if (grant == IOP_GRANT_SCOPED && record_in_scope (store, kind, record_id, participant_id, actor))
    return TRUE;
  return refuse (error, _(refusals[permission]));
}

static gboolean
count_positive (IopStore   *store,
                const char *sql)
{
  sqlite3_stmt *stmt = iop_store_prepare (store, sql, NULL);
  gboolean yes;

  if (stmt == NULL)
    return FALSE;
  yes = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int64 (stmt, 0) > 0;
  sqlite3_reset (stmt);
  return yes;
}

static char *
stored_credentials (IopStore *store,
                    gint64    staff_id)
{
  sqlite3_stmt *stmt;
  char *hash = NULL;

  stmt = iop_store_prepare (store, "SELECT credentials FROM staff WHERE id = ?1 AND active = 1", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, staff_id);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) == SQLITE_TEXT)
    hash = g_strdup (iop_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return hash;
}

static gboolean
verify_passphrase (const char *hash,
                   const char *passphrase)
{
  if (hash == NULL || passphrase == NULL || !ensure_sodium (NULL))
    return FALSE;
  return crypto_pwhash_str_verify (hash, passphrase, strlen (passphrase)) == 0;
}

static gboolean
check_new_passphrase (const char  *passphrase,
                      GError     **error)
{
  if (passphrase == NULL || g_utf8_strlen (passphrase, -1) < IOP_PASSPHRASE_MIN_LENGTH)
    {
      g_set_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "Choose a passphrase of at least %d character.",
                                "Choose a passphrase of at least %d characters.",
                                IOP_PASSPHRASE_MIN_LENGTH),
                   IOP_PASSPHRASE_MIN_LENGTH);
      return FALSE;
    }
  return TRUE;
}

static gboolean
is_last_active_administrator (IopStore *store,
                              gint64    staff_id)
{
  return query_flag (store,
                     "SELECT (SELECT role FROM staff WHERE id = ?1) = 'administrator'"
                     " AND (SELECT active FROM staff WHERE id = ?1) = 1"
                     " AND (SELECT count(*) FROM staff WHERE role = 'administrator' AND active = 1"
                     "      AND id <> ?1) = 0",
                     staff_id, 0);
}

/* Internal API (iop-access-private.h) */

guint
iop_access_count_staff (IopStore *self)
{
  sqlite3_stmt *stmt = iop_store_prepare (self, "SELECT count(*) FROM staff", NULL);
  guint n = 0;

  if (stmt == NULL)
    return 0;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

gboolean
iop_access_check_audited (IopStore    *self,
                          const char  *action,
                          const char  *kind,
                          gint64       record_id,
                          gint64       participant_id,
                          GError     **error)
{
  IopPermission permission = iop_access_permission_for (action, kind);

  /* Anyone may change their own passphrase; someone else's takes an administrator. */
  if (g_strcmp0 (action, "passphrase") == 0 && record_id != iop_store_get_actor (self))
    permission = IOP_PERMISSION_MANAGE_STAFF;

  return check_permission (self, permission, kind, record_id, participant_id, error);
}

void
iop_access_use_fast_hashing (gboolean fast)
{
  fast_hashing = fast;
}

gboolean
iop_access_get_fast_hashing (void)
{
  return fast_hashing;
}

char *
iop_access_hash_passphrase (const char  *passphrase,
                            GError     **error)
{
  char hash[crypto_pwhash_STRBYTES];

  if (!ensure_sodium (error))
    return NULL;
  if (crypto_pwhash_str (hash, passphrase, strlen (passphrase),
                         fast_hashing ? crypto_pwhash_OPSLIMIT_MIN : crypto_pwhash_OPSLIMIT_INTERACTIVE,
                         fast_hashing ? crypto_pwhash_MEMLIMIT_MIN : crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    {
      g_set_error_literal (error, IOP_STORE_ERROR, IOP_STORE_ERROR_FAILED,
                           _("There is not enough memory to protect the passphrase."));
      return NULL;
    }
  return g_strdup (hash);
}

gboolean
iop_access_store_credentials (IopStore    *self,
                              gint64       staff_id,
                              const char  *hash,
                              GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = iop_store_prepare (self, "UPDATE staff SET credentials = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, staff_id);
  iop_bind_text (stmt, 2, hash);
  if (!iop_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (iop_store_get_db (self)) != 1)
    {
      g_set_error_literal (error, IOP_STORE_ERROR, IOP_STORE_ERROR_NOT_FOUND,
                           _("This staff member does not exist."));
      return FALSE;
    }
  return TRUE;
}

/* Public API */

IopRole
iop_role_from_string (const char *role)
{
  if (g_strcmp0 (role, "counselor") == 0)
    return IOP_ROLE_COUNSELOR;
  if (g_strcmp0 (role, "supervisor") == 0)
    return IOP_ROLE_SUPERVISOR;
  if (g_strcmp0 (role, "administrator") == 0)
    return IOP_ROLE_ADMINISTRATOR;
  return IOP_ROLE_NONE;
}

/**
 * iop_role_grant:
 * @role: a role
 * @permission: a permission
 *
 * Returns: whether @role has @permission: for every record, for the staff
 *   member's own groups and caseload only, or not at all
 */
IopGrant
iop_role_grant (IopRole       role,
                IopPermission permission)
{
  g_return_val_if_fail (permission < IOP_N_PERMISSIONS, IOP_GRANT_NO);
  g_return_val_if_fail (role <= IOP_ROLE_ADMINISTRATOR, IOP_GRANT_NO);

  return grants[permission][role];
}

/**
 * iop_access_permission_for:
 * @action: an audited action (`view`, `create`, `sign`, …)
 * @kind: an `IOP_KIND_*`
 *
 * Returns: the permission an audited action on a kind of record needs
 */
IopPermission
iop_access_permission_for (const char *action,
                           const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    if ((actions[i].action == NULL || g_strcmp0 (actions[i].action, action) == 0)
        && (actions[i].kind == NULL || g_strcmp0 (actions[i].kind, kind) == 0))
      return actions[i].permission;
  g_assert_not_reached ();
}

/**
 * iop_access_get_role:
 * @store: an #IopStore
 *
 * Returns: the role of the signed-in staff member, or %IOP_ROLE_NONE
 */
IopRole
iop_access_get_role (IopStore *store)
{
  g_return_val_if_fail (IOP_IS_STORE (store), IOP_ROLE_NONE);

  return role_of (store, iop_store_get_actor (store));
}

/**
 * iop_access_may:
 * @store: an #IopStore
 * @permission: a permission
 *
 * Whether the signed-in staff member has @permission for at least some
 * records: the window shows an action only when this holds.
 *
 * Returns: %TRUE when the role grants @permission, scoped or whole
 */
gboolean
iop_access_may (IopStore      *store,
                IopPermission  permission)
{
  g_return_val_if_fail (IOP_IS_STORE (store), FALSE);

  if (iop_store_get_locked (store))
    return FALSE;
  if (iop_store_get_trust_system_actor (store))
    return TRUE;
  return iop_role_grant (iop_access_get_role (store), permission) != IOP_GRANT_NO;
}

/**
 * iop_store_require:
 * @store: an #IopStore
 * @permission: the permission needed
 * @participant_id: whose record is read, or 0 for none in particular
 * @error: return location for a #GError
 *
 * The permission check for reads that write no audit entry.
 *
 * Returns: %TRUE when allowed; otherwise %FALSE with %IOP_STORE_ERROR_PERMISSION
 */
gboolean
iop_store_require (IopStore       *store,
                   IopPermission   permission,
                   gint64          participant_id,
                   GError        **error)
{
  g_return_val_if_fail (IOP_IS_STORE (store), FALSE);
  g_return_val_if_fail (permission < IOP_N_PERMISSIONS, FALSE);

  if (participant_id <= 0 && iop_role_grant (iop_access_get_role (store), permission) == IOP_GRANT_SCOPED)
    {
      /* A scoped grant with no particular record: the role may, within its scope. */
      if (iop_store_get_actor (store) > 0 && !iop_store_get_locked (store))
        return TRUE;
    }
  return check_permission (store, permission, IOP_KIND_PARTICIPANT, participant_id, participant_id, error);
}

/**
 * iop_access_may_see_participant:
 * @store: an #IopStore
 * @participant_id: a participant
 *
 * Returns: %TRUE when the signed-in staff member may open this participant's record
 */
gboolean
iop_access_may_see_participant (IopStore *store,
                                gint64    participant_id)
{
  g_return_val_if_fail (IOP_IS_STORE (store), FALSE);

  return iop_store_require (store, IOP_PERMISSION_VIEW_RECORD, participant_id, NULL);
}

/**
 * iop_access_list_visible_participants:
 * @store: an #IopStore
 * @everyone: (out): set to %TRUE when the signed-in staff member may see every participant
 * @error: return location for a #GError
 *
 * The participants whose records the signed-in staff member may open, in one
 * query, for lists that must show only those: a counselor's caseload (their
 * primary clients and the members, past or present, of the groups they
 * facilitate or co-facilitate), the same rule iop_access_may_see_participant()
 * applies one record at a time. Supervisors and administrators see everyone;
 * no one signed in sees no one.
 *
 * Returns: (transfer full) (nullable) (element-type gint64): the ids in
 *   ascending order, or %NULL when @everyone is set or on error
 */
GArray *
iop_access_list_visible_participants (IopStore  *store,
                                      gboolean  *everyone,
                                      GError   **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  gint64 actor;
  IopGrant grant;
  int rc;

  g_return_val_if_fail (IOP_IS_STORE (store), NULL);
  g_return_val_if_fail (everyone != NULL, NULL);

  *everyone = FALSE;
  if (iop_store_in_system_mode (store) || iop_store_get_trust_system_actor (store))
    {
      *everyone = TRUE;
      return NULL;
    }

  actor = iop_store_get_actor (store);
  if (actor <= 0 || iop_store_get_locked (store))
    return g_steal_pointer (&ids);

  grant = iop_role_grant (role_of (store, actor), IOP_PERMISSION_VIEW_RECORD);
  if (grant == IOP_GRANT_ALL)
    {
      *everyone = TRUE;
      return NULL;
    }
  if (grant == IOP_GRANT_NO)
    return g_steal_pointer (&ids);

  stmt = iop_store_prepare (store,
                            "SELECT id FROM participants WHERE primary_counselor_id = ?1"
                            " UNION"
                            " SELECT e.participant_id FROM enrollments e JOIN groups g ON g.id = e.group_id"
                            " WHERE g.facilitator_id = ?1 OR g.co_facilitator_id = ?1"
                            " ORDER BY 1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, actor);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      iop_store_set_error (store, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&ids);
}

/**
 * iop_access_has_staff:
 * @store: an #IopStore
 *
 * Returns: %TRUE when at least one staff member can sign in
 */
gboolean
iop_access_has_staff (IopStore *store)
{
  g_return_val_if_fail (IOP_IS_STORE (store), FALSE);

  return count_positive (store,
                         "SELECT count(*) FROM staff WHERE active = 1 AND credentials IS NOT NULL");
}

/**
 * iop_access_is_signed_in:
 * @store: an #IopStore
 *
 * Returns: %TRUE when a staff member is signed in (locked or not), or when a
 *   test acts as Circle itself
 */
gboolean
iop_access_is_signed_in (IopStore *store)
{
  g_return_val_if_fail (IOP_IS_STORE (store), FALSE);

  return iop_store_get_actor (store) > 0 || iop_store_get_trust_system_actor (store);
}

/**
 * iop_access_create_first_administrator:
 * @store: an #IopStore without staff
 * @username: the user name
 * @full_name: the full name
 * @passphrase: the passphrase
 * @error: return location for a #GError
 *
 * The first start of Circle on a database without staff creates its
 * administrator, who then signs in and adds everyone else.
 *
 * Returns: (transfer full) (nullable): the administrator
 */
IopStaff *
iop_access_create_first_administrator (IopStore    *store,
                                       const char  *username,
                                       const char  *full_name,
                                       const char  *passphrase,
                                       GError     **error)
{
  g_autoptr(IopStaff) staff = NULL;
  g_autofree char *hash = NULL;
  gint64 actor;
  gboolean ok;

  g_return_val_if_fail (IOP_IS_STORE (store), NULL);

  if (iop_access_count_staff (store) > 0)
    {
      refuse (error, _("This database already has staff; an administrator adds new staff members."));
      return NULL;
    }
  if (!check_new_passphrase (passphrase, error))
    return NULL;
  hash = iop_access_hash_passphrase (passphrase, error);
  if (hash == NULL)
    return NULL;

  staff = iop_staff_new ();
  iop_staff_set_username (staff, username);
  iop_staff_set_full_name (staff, full_name);
  iop_staff_set_role (staff, "administrator");

  actor = iop_store_get_actor (store);
  iop_store_set_actor (store, 0);
  iop_store_enter_system (store);
  ok = iop_store_begin (store, error);
  if (ok)
    {
      ok = iop_store_add_staff (store, staff, error)
           && iop_access_store_credentials (store, iop_staff_get_id (staff), hash, error);
      if (ok)
        ok = iop_store_commit (store, error);
      else
        iop_store_rollback (store);
    }
  iop_store_leave_system (store);
  iop_store_set_actor (store, actor);

  sodium_memzero (hash, strlen (hash));
  return ok ? g_steal_pointer (&staff) : NULL;
}

/**
 * iop_access_sign_in:
 * @store: an #IopStore
 * @username: the user name
 * @passphrase: the passphrase
 * @error: return location for a #GError
 *
 * Checks the passphrase against its Argon2id hash. Success makes the staff
 * member the store's actor; both success and failure are in the audit log.
 *
 * Returns: (transfer full) (nullable): the staff member signed in
 */
static IopStaff *
sign_in (IopStore    *store,
         const char  *username,
         const char  *passphrase,
         gboolean     record,
         GError     **error);

IopStaff *
iop_access_sign_in (IopStore    *store,
                    const char  *username,
                    const char  *passphrase,
                    GError     **error)
{
  return sign_in (store, username, passphrase, TRUE, error);
}

/**
 * iop_access_authenticate:
 * @store: an #IopStore
 * @username: the user name
 * @passphrase: the passphrase
 * @error: return location for a #GError
 *
 * As iop_access_sign_in() for one command-line job: a failed attempt is in the
 * audit log, a successful one is not (every entry the job writes names the
 * staff member), so a job that changes nothing leaves the database as it was.
 *
 * Returns: (transfer full) (nullable): the staff member acting
 */
IopStaff *
iop_access_authenticate (IopStore    *store,
                         const char  *username,
                         const char  *passphrase,
                         GError     **error)
{
  return sign_in (store, username, passphrase, FALSE, error);
}

static IopStaff *
sign_in (IopStore    *store,
         const char  *username,
         const char  *passphrase,
         gboolean     record,
         GError     **error)
{
  g_autoptr(IopStaff) staff = NULL;
  g_autofree char *hash = NULL;

  g_return_val_if_fail (IOP_IS_STORE (store), NULL);

  staff = iop_store_find_staff (store, username != NULL ? username : "");
  if (staff != NULL && iop_staff_get_active (staff))
    hash = stored_credentials (store, iop_staff_get_id (staff));

  if (!verify_passphrase (hash, passphrase))
    {
      g_autoptr(GError) audit_error = NULL;
      gint64 actor = iop_store_get_actor (store);

      /* The attempt is recorded against the account tried, never with what was typed. */
      iop_store_set_actor (store, 0);
      if (!iop_store_audit (store, "sign-in-failed", IOP_KIND_STAFF,
                            staff != NULL ? iop_staff_get_id (staff) : 0, 0,
                            staff != NULL ? "" : "unknown user name", &audit_error))
        g_warning ("Could not record a failed sign-in: %s", audit_error->message);
      iop_store_set_actor (store, actor);
      refuse (error, _("The user name or passphrase is not right."));
      return NULL;
    }

  iop_store_set_actor (store, iop_staff_get_id (staff));
  iop_store_set_locked (store, FALSE);
  if (record && !iop_store_audit (store, "sign-in", IOP_KIND_STAFF, iop_staff_get_id (staff), 0, NULL, error))
    {
      iop_store_set_actor (store, 0);
      return NULL;
    }
  return g_steal_pointer (&staff);
}

/**
 * iop_access_sign_out:
 * @store: an #IopStore
 * @error: return location for a #GError
 *
 * Returns: %TRUE when signed out (the sign-out is in the audit log)
 */
gboolean
iop_access_sign_out (IopStore  *store,
                     GError   **error)
{
  gint64 actor;

  g_return_val_if_fail (IOP_IS_STORE (store), FALSE);

  actor = iop_store_get_actor (store);
  if (actor > 0 && !iop_store_audit (store, "sign-out", IOP_KIND_STAFF, actor, 0, NULL, error))
    return FALSE;
  iop_store_set_actor (store, 0);
  iop_store_set_locked (store, FALSE);
  return TRUE;
}

/**
 * iop_access_lock:
 * @store: an #IopStore
 * @error: return location for a #GError
 *
 * Locks Circle for the signed-in staff member: until iop_access_unlock(), the
 * store refuses every change and every record view.
 *
 * Returns: %TRUE when locked
 */
gboolean
iop_access_lock (IopStore  *store,
                 GError   **error)
{
  gint64 actor;

  g_return_val_if_fail (IOP_IS_STORE (store), FALSE);

  actor = iop_store_get_actor (store);
  if (iop_store_get_locked (store) || actor <= 0)
    return TRUE;
  if (!iop_store_audit (store, "lock", IOP_KIND_STAFF, actor, 0, NULL, error))
    return FALSE;
  iop_store_set_locked (store, TRUE);
  return TRUE;
}

/**
 * iop_access_unlock:
 * @store: a locked #IopStore
 * @passphrase: the signed-in staff member's passphrase
 * @error: return location for a #GError
 *
 * Returns: %TRUE when the passphrase is right and Circle is unlocked
 */
gboolean
iop_access_unlock (IopStore    *store,
                   const char  *passphrase,
                   GError     **error)
{
  g_autofree char *hash = NULL;
  gint64 actor;

  g_return_val_if_fail (IOP_IS_STORE (store), FALSE);

  actor = iop_store_get_actor (store);
  if (actor <= 0)
    return refuse (error, _("Sign in first: Circle records who does what, and no one is signed in."));
  if (!iop_store_get_locked (store))
    return TRUE;

  hash = stored_credentials (store, actor);
  if (!verify_passphrase (hash, passphrase))
    {
      g_autoptr(GError) audit_error = NULL;

      if (!iop_store_audit (store, "unlock-failed", IOP_KIND_STAFF, actor, 0, NULL, &audit_error))
        g_warning ("Could not record a failed unlock: %s", audit_error->message);
      return refuse (error, _("The passphrase is not right."));
    }
  if (!iop_store_audit (store, "unlock", IOP_KIND_STAFF, actor, 0, NULL, error))
    return FALSE;
  iop_store_set_locked (store, FALSE);
  return TRUE;
}

gboolean
iop_access_is_locked (IopStore *store)
{
  g_return_val_if_fail (IOP_IS_STORE (store), FALSE);

  return iop_store_get_locked (store);
}

/**
 * iop_access_idle_expired:
 * @last_activity_us: monotonic time of the last input
 * @now_us: monotonic time now
 * @timeout_minutes: the lock timeout; 0 never locks
 *
 * Returns: %TRUE when the window should lock
 */
gboolean
iop_access_idle_expired (gint64 last_activity_us,
                         gint64 now_us,
                         guint  timeout_minutes)
{
  if (timeout_minutes == 0)
    return FALSE;
  return now_us - last_activity_us >= (gint64) timeout_minutes * 60 * G_USEC_PER_SEC;
}

/**
 * iop_access_add_staff:
 * @store: an #IopStore
 * @staff: the new staff member; its id is set on success
 * @passphrase: their first passphrase
 * @error: return location for a #GError
 *
 * Returns: %TRUE when added (administrators only)
 */
gboolean
iop_access_add_staff (IopStore    *store,
                      IopStaff    *staff,
                      const char  *passphrase,
                      GError     **error)
{
  g_autofree char *hash = NULL;

  g_return_val_if_fail (IOP_IS_STORE (store), FALSE);

  if (!check_permission (store, IOP_PERMISSION_MANAGE_STAFF, IOP_KIND_STAFF, 0, 0, error)
      || !check_new_passphrase (passphrase, error))
    return FALSE;
  hash = iop_access_hash_passphrase (passphrase, error);
  if (hash == NULL)
    return FALSE;

  if (!iop_store_begin (store, error))
    return FALSE;
  if (!iop_store_add_staff (store, staff, error)
      || !iop_access_store_credentials (store, iop_staff_get_id (staff), hash, error))
    {
      iop_store_rollback (store);
      return FALSE;
    }
  return iop_store_commit (store, error);
}

/**
 * iop_access_set_role:
 * @store: an #IopStore
 * @staff_id: the staff member
 * @role: `counselor`, `supervisor` or `administrator`
 * @error: return location for a #GError
 *
 * Changes a role (administrators only; audited as `role`). The last active
 * administrator keeps the role, so someone can always manage staff.
 *
 * Returns: %TRUE when changed
 */
gboolean
iop_access_set_role (IopStore    *store,
                     gint64       staff_id,
                     const char  *role,
                     GError     **error)
{
  g_autoptr(IopStaff) staff = NULL;
  g_autofree char *detail = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (IOP_IS_STORE (store), FALSE);

  if (!g_strv_contains (iop_staff_role_values (), role != NULL ? role : ""))
    return iop_validation_error (error, _("Choose a role."));
  staff = iop_store_get_staff (store, staff_id, error);
  if (staff == NULL)
    return FALSE;
  if (g_strcmp0 (iop_staff_get_role (staff), role) == 0)
    return TRUE;
  if (is_last_active_administrator (store, staff_id))
    return iop_validation_error (error, _("Circle needs at least one active administrator; make someone else administrator first."));

  detail = g_strdup_printf ("%s → %s", iop_staff_get_role (staff), role);
  if (!iop_store_begin (store, error))
    return FALSE;
  stmt = iop_store_prepare (store, "UPDATE staff SET role = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, staff_id);
  iop_bind_text (stmt, 2, role);
  if (!iop_store_step_done (store, stmt, error)
      || !iop_store_audit (store, "role", IOP_KIND_STAFF, staff_id, 0, detail, error))
    goto fail;
  iop_store_mark_changed (store, IOP_KIND_STAFF);
  return iop_store_commit (store, error);

fail:
  iop_store_rollback (store);
  return FALSE;
}

/**
 * iop_access_set_active:
 * @store: an #IopStore
 * @staff_id: the staff member
 * @active: %FALSE to stop the account from signing in
 * @error: return location for a #GError
 *
 * Returns: %TRUE when changed (administrators only)
 */
gboolean
iop_access_set_active (IopStore    *store,
                       gint64       staff_id,
                       gboolean     active,
                       GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (IOP_IS_STORE (store), FALSE);

  if (!active && staff_id == iop_store_get_actor (store))
    return iop_validation_error (error, _("You cannot deactivate your own account."));
  if (!active && is_last_active_administrator (store, staff_id))
    return iop_validation_error (error, _("Circle needs at least one active administrator; make someone else administrator first."));

  if (!iop_store_begin (store, error))
    return FALSE;
  stmt = iop_store_prepare (store, "UPDATE staff SET active = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, staff_id);
  sqlite3_bind_int (stmt, 2, active ? 1 : 0);
  if (!iop_store_step_done (store, stmt, error))
    goto fail;
  if (sqlite3_changes (iop_store_get_db (store)) != 1)
    {
      g_set_error_literal (error, IOP_STORE_ERROR, IOP_STORE_ERROR_NOT_FOUND,
                           _("This staff member does not exist."));
      goto fail;
    }
  if (!iop_store_audit (store, active ? "activate" : "deactivate", IOP_KIND_STAFF, staff_id, 0, NULL, error))
    goto fail;
  iop_store_mark_changed (store, IOP_KIND_STAFF);
  return iop_store_commit (store, error);

fail:
  iop_store_rollback (store);
  return FALSE;
}

/**
 * iop_access_set_passphrase:
 * @store: an #IopStore
 * @staff_id: the staff member
 * @passphrase: the new passphrase
 * @error: return location for a #GError
 *
 * Staff change their own passphrase; administrators reset anyone's.
 *
 * Returns: %TRUE when changed
 */
gboolean
iop_access_set_passphrase (IopStore    *store,
                           gint64       staff_id,
                           const char  *passphrase,
                           GError     **error)
{
  g_autofree char *hash = NULL;
  gboolean ok;

  g_return_val_if_fail (IOP_IS_STORE (store), FALSE);

  if (!iop_access_check_audited (store, "passphrase", IOP_KIND_STAFF, staff_id, 0, error)
      || !check_new_passphrase (passphrase, error))
    return FALSE;
  hash = iop_access_hash_passphrase (passphrase, error);
  if (hash == NULL)
    return FALSE;

  if (!iop_store_begin (store, error))
    return FALSE;
  ok = iop_access_store_credentials (store, staff_id, hash, error)
       && iop_store_audit (store, "passphrase", IOP_KIND_STAFF, staff_id, 0, NULL, error);
  sodium_memzero (hash, strlen (hash));
  if (!ok)
    {
      iop_store_rollback (store);
      return FALSE;
    }
  return iop_store_commit (store, error);
}
