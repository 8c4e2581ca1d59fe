/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-audit"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "iop-access-private.h"
#include "iop-access.h"
#include "iop-audit.h"
#include "iop-entity-private.h"
#include "iop-store-private.h"

/**
 * IopAuditEntry:
 *
 * One entry of the append-only audit log: when, who, what, which record.
 */
struct _IopAuditEntry
{
  GObject parent_instance;

  gint64 id;
  char *at;
  gint64 staff_id;
  char *staff_username;
  char *action;
  char *kind;
  gint64 record_id;
  gint64 participant_id;
  char *record_number;
  char *detail;
};

G_DEFINE_FINAL_TYPE (IopAuditEntry, iop_audit_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_AT,
  PROP_STAFF_ID,
  PROP_STAFF_USERNAME,
  PROP_ACTION,
  PROP_KIND,
  PROP_RECORD_ID,
  PROP_PARTICIPANT_ID,
  PROP_RECORD_NUMBER,
  PROP_DETAIL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const IopField fields[] = {
  IOP_FIELD (IopAuditEntry, id, IOP_FIELD_INT64),
  IOP_FIELD (IopAuditEntry, at, IOP_FIELD_STRING),
  IOP_FIELD (IopAuditEntry, staff_id, IOP_FIELD_INT64),
  IOP_FIELD (IopAuditEntry, staff_username, IOP_FIELD_STRING),
  IOP_FIELD (IopAuditEntry, action, IOP_FIELD_STRING),
  IOP_FIELD (IopAuditEntry, kind, IOP_FIELD_STRING),
  IOP_FIELD (IopAuditEntry, record_id, IOP_FIELD_INT64),
  IOP_FIELD (IopAuditEntry, participant_id, IOP_FIELD_INT64),
  IOP_FIELD (IopAuditEntry, record_number, IOP_FIELD_STRING),
  IOP_FIELD (IopAuditEntry, detail, IOP_FIELD_STRING),
};

/* Read-only outside this file: entries are never edited. */
#define GETTER_STRING(member) \
  const char *iop_audit_entry_get_##member (IopAuditEntry *self) \
  { g_return_val_if_fail (IOP_IS_AUDIT_ENTRY (self), NULL); return self->member != NULL ? self->member : ""; }
#define GETTER_INT64(member) \
  gint64 iop_audit_entry_get_##member (IopAuditEntry *self) \
  { g_return_val_if_fail (IOP_IS_AUDIT_ENTRY (self), 0); return self->member; }

GETTER_INT64 (id)
GETTER_STRING (at)
GETTER_INT64 (staff_id)
GETTER_STRING (staff_username)
GETTER_STRING (action)
GETTER_STRING (kind)
GETTER_INT64 (record_id)
GETTER_INT64 (participant_id)
GETTER_STRING (record_number)
GETTER_STRING (detail)

#define ENTRY_SELECT \
  "SELECT a.id, a.at, a.staff_id, s.username, a.action, a.kind, a.record_id," \
  " a.participant_id, p.record_number, a.detail" \
  " FROM audit_log a LEFT JOIN staff s ON s.id = a.staff_id" \
  " LEFT JOIN participants p ON p.id = a.participant_id" \
  " WHERE (?1 = 0 OR a.staff_id = ?1) AND (?2 IS NULL OR a.action = ?2)" \
  "   AND (?3 = 0 OR a.participant_id = ?3)" \
  "   AND (?4 IS NULL OR a.at >= ?4) AND (?5 IS NULL OR a.at < ?5)"

/* Helpers */

static IopAuditEntry *
read_entry (sqlite3_stmt *stmt)
{
  IopAuditEntry *self = g_object_new (IOP_TYPE_AUDIT_ENTRY, NULL);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->at = g_strdup (iop_column_text (stmt, 1));
  self->staff_id = sqlite3_column_int64 (stmt, 2);
  self->staff_username = g_strdup (iop_column_text (stmt, 3));
  self->action = g_strdup (iop_column_text (stmt, 4));
  self->kind = g_strdup (iop_column_text (stmt, 5));
  self->record_id = sqlite3_column_int64 (stmt, 6);
  self->participant_id = sqlite3_column_int64 (stmt, 7);
  self->record_number = g_strdup (iop_column_text (stmt, 8));
  self->detail = g_strdup (iop_column_text (stmt, 9));
  return self;
}

/* Timestamps are UTC text; the filter's last day is inclusive, so compare
 * against the start of the next day. */
static void
bind_filter (sqlite3_stmt         *stmt,
             const IopAuditFilter *filter)
{
  static const IopAuditFilter all = { 0 };
  g_autofree char *next_day = NULL;

  if (filter == NULL)
    filter = &all;
  sqlite3_bind_int64 (stmt, 1, MAX (filter->staff_id, 0));
  iop_bind_text_or_null (stmt, 2, filter->action);
  sqlite3_bind_int64 (stmt, 3, MAX (filter->participant_id, 0));
  iop_bind_text_or_null (stmt, 4, filter->from);
  if (filter->to != NULL && *filter->to != '\0')
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_parse (&date, filter->to);
      if (g_date_valid (&date))
        {
          g_date_add_days (&date, 1);
          next_day = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date),
                                      g_date_get_month (&date), g_date_get_day (&date));
        }
    }
  iop_bind_text_or_null (stmt, 5, next_day);
}

static gboolean
check_filter (const IopAuditFilter  *filter,
              GError               **error)
{
  if (filter == NULL)
    return TRUE;
  if ((filter->from != NULL && *filter->from != '\0' && !g_regex_match_simple ("^\\d{4}-\\d{2}-\\d{2}$", filter->from, 0, 0))
      || (filter->to != NULL && *filter->to != '\0' && !g_regex_match_simple ("^\\d{4}-\\d{2}-\\d{2}$", filter->to, 0, 0)))
    {
      g_set_error_literal (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID,
                           _("Enter dates as YYYY-MM-DD."));
      return FALSE;
    }
  return TRUE;
}

/* Spreadsheets run cells that start with these as formulas. */
static void
append_csv_field (GString    *out,
                  const char *text)
{
  gboolean quote;

  if (text == NULL)
    text = "";
  quote = strpbrk (text, ",\"\r\n") != NULL || (text[0] != '\0' && strchr ("=+-@", text[0]) != NULL);
  if (!quote)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  if (text[0] != '\0' && strchr ("=+-@", text[0]) != NULL)
    g_string_append_c (out, '\'');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_csv_id (GString *out,
               gint64   id)
{
  if (id > 0)
    g_string_append_printf (out, "%" G_GINT64_FORMAT, id);
}

/* GObject */

static void
iop_audit_entry_finalize (GObject *object)
{
  iop_entity_free_strings (object, fields, G_N_ELEMENTS (fields));

  G_OBJECT_CLASS (iop_audit_entry_parent_class)->finalize (object);
}

static void
iop_audit_entry_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  if (prop_id == 0 || prop_id >= N_PROPS)
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  else
    iop_entity_get_property (object, fields, prop_id, value);
}

static void
iop_audit_entry_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  if (prop_id == 0 || prop_id >= N_PROPS)
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  else
    iop_entity_set_property (object, fields, prop_id, value, pspec);
}

static void
iop_audit_entry_class_init (IopAuditEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = iop_audit_entry_finalize;
  object_class->get_property = iop_audit_entry_get_property;
  object_class->set_property = iop_audit_entry_set_property;

  G_STATIC_ASSERT (G_N_ELEMENTS (fields) == N_PROPS - 1);
  iop_entity_install_properties (object_class, fields, G_N_ELEMENTS (fields), properties);
}

static void
iop_audit_entry_init (IopAuditEntry *self)
{
}

/* Internal API */

gboolean
iop_audit_verify_db (sqlite3  *db,
                     gint64   *n_entries,
                     gint64   *first_broken,
                     GError  **error)
{
  g_autofree char *prev = g_strdup ("");
  sqlite3_stmt *stmt = NULL;
  gint64 expected_id = 1;
  gint64 count = 0;
  gint64 broken = 0;
  int rc;

  if (sqlite3_prepare_v2 (db,
                          "SELECT id, at, staff_id, action, kind, record_id, participant_id, detail,"
                          " prev_hash, hash FROM audit_log ORDER BY id", -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_CORRUPT,
                   _("The audit log cannot be read: %s"), sqlite3_errmsg (db));
      return FALSE;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *prev_hash = iop_column_text (stmt, 8);
      const char *hash = iop_column_text (stmt, 9);
      g_autofree char *content = NULL;
      g_autofree char *computed = NULL;

      count++;
      if (broken != 0)
        continue;

      content = iop_audit_entry_content (id, iop_column_text (stmt, 1), sqlite3_column_int64 (stmt, 2),
                                         iop_column_text (stmt, 3), iop_column_text (stmt, 4),
                                         sqlite3_column_int64 (stmt, 5), sqlite3_column_int64 (stmt, 6),
                                         iop_column_text (stmt, 7), prev_hash);
      computed = g_compute_checksum_for_string (G_CHECKSUM_SHA256, content, -1);

      /* A removed entry leaves a gap; an edited one no longer matches its hash; a
       * replaced one no longer links to the entry before it. */
      if (id != expected_id || g_strcmp0 (prev_hash, prev) != 0 || g_strcmp0 (computed, hash) != 0)
        broken = id;
      expected_id = id + 1;
      g_free (prev);
      prev = g_strdup (hash);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      g_set_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_CORRUPT,
                   _("The audit log cannot be read: %s"), sqlite3_errmsg (db));
      return FALSE;
    }
  if (n_entries != NULL)
    *n_entries = count;
  if (first_broken != NULL)
    *first_broken = broken;
  return TRUE;
}

/* Public API */

/**
 * iop_store_list_audit:
 * @store: an #IopStore
 * @filter: (nullable): which entries
 * @limit: at most this many, newest first; 0 for all
 * @error: return location for a #GError
 *
 * Supervisors and administrators only.
 *
 * Returns: (transfer full) (nullable): a #GListModel of #IopAuditEntry, newest first
 */
GListModel *
iop_store_list_audit (IopStore              *store,
                      const IopAuditFilter  *filter,
                      guint                  limit,
                      GError               **error)
{
  g_autoptr(GListStore) list = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (IOP_IS_STORE (store), NULL);

  if (!iop_store_require (store, IOP_PERMISSION_AUDIT_LOG, 0, error) || !check_filter (filter, error))
    return NULL;

  stmt = iop_store_prepare (store, ENTRY_SELECT " ORDER BY a.id DESC LIMIT ?6", error);
  if (stmt == NULL)
    return NULL;
  bind_filter (stmt, filter);
  sqlite3_bind_int64 (stmt, 6, limit > 0 ? (gint64) limit : -1);

  list = g_list_store_new (IOP_TYPE_AUDIT_ENTRY);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(IopAuditEntry) entry = read_entry (stmt);
      g_list_store_append (list, entry);
    }
  sqlite3_reset (stmt);
  return G_LIST_MODEL (g_steal_pointer (&list));
}

/**
 * iop_store_list_audit_actions:
 * @store: an #IopStore
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the actions present in the log, sorted
 */
GStrv
iop_store_list_audit_actions (IopStore  *store,
                              GError   **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (IOP_IS_STORE (store), NULL);

  if (!iop_store_require (store, IOP_PERMISSION_AUDIT_LOG, 0, error))
    return NULL;
  stmt = iop_store_prepare (store, "SELECT DISTINCT action FROM audit_log ORDER BY action", error);
  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_strv_builder_add (builder, iop_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return g_strv_builder_end (builder);
}

/**
 * iop_store_verify_audit:
 * @store: an #IopStore
 * @status: (out caller-allocates): how many entries, and the first broken one
 * @error: return location for a #GError
 *
 * Recomputes every entry's SHA-256 and its link to the entry before it.
 *
 * Returns: %TRUE when the log could be read (check @status for the verdict)
 */
gboolean
iop_store_verify_audit (IopStore             *store,
                        IopAuditChainStatus  *status,
                        GError              **error)
{
  g_return_val_if_fail (IOP_IS_STORE (store), FALSE);
  g_return_val_if_fail (status != NULL, FALSE);

  return iop_audit_verify_db (iop_store_get_db (store), &status->n_entries, &status->first_broken, error);
}

/**
 * iop_store_export_audit_csv:
 * @store: an #IopStore
 * @filter: (nullable): which entries
 * @stream: where the CSV goes (UTF-8, RFC 4180, oldest first)
 * @error: return location for a #GError
 *
 * Columns: id, at, staff, action, kind, record, participant (record number),
 * detail. The export itself is logged first, so it appears in what it exports.
 *
 * Returns: %TRUE when written
 */
gboolean
iop_store_export_audit_csv (IopStore              *store,
                            const IopAuditFilter  *filter,
                            GOutputStream         *stream,
                            GError               **error)
{
  g_autoptr(GString) out = g_string_new ("id,at,staff,action,kind,record,participant,detail\r\n");
  sqlite3_stmt *stmt;

  g_return_val_if_fail (IOP_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  if (!check_filter (filter, error)
      || !iop_store_audit (store, "export", IOP_KIND_AUDIT, 0,
                           filter != NULL ? filter->participant_id : 0, "csv", error))
    return FALSE;

  stmt = iop_store_prepare (store, ENTRY_SELECT " ORDER BY a.id LIMIT ?6", error);
  if (stmt == NULL)
    return FALSE;
  bind_filter (stmt, filter);
  sqlite3_bind_int64 (stmt, 6, -1);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(IopAuditEntry) e = read_entry (stmt);

      append_csv_id (out, e->id);
      g_string_append_c (out, ',');
      append_csv_field (out, e->at);
      g_string_append_c (out, ',');
      append_csv_field (out, e->staff_username);
      g_string_append_c (out, ',');
      append_csv_field (out, e->action);
      g_string_append_c (out, ',');
      append_csv_field (out, e->kind);
      g_string_append_c (out, ',');
      append_csv_id (out, e->record_id);
      g_string_append_c (out, ',');
      append_csv_field (out, e->record_number);
      g_string_append_c (out, ',');
      append_csv_field (out, e->detail);
      g_string_append (out, "\r\n");
    }
  sqlite3_reset (stmt);

  return g_output_stream_write_all (stream, out->str, out->len, NULL, NULL, error);
}

/**
 * iop_audit_action_label:
 * @action: an audited action
 *
 * Returns: a translated, human-readable name for @action
 */
const char *
iop_audit_action_label (const char *action)
{
  static const struct { const char *action; const char *label; } labels[] = {
    { "view", N_("Viewed") },
    { "create", N_("Created") },
    { "change", N_("Changed") },
    { "delete", N_("Deleted") },
    { "discharge", N_("Discharged") },
    { "sign", N_("Signed") },
    { "cosign", N_("Co-signed") },
    { "return", N_("Returned") },
    { "print", N_("Printed") },
    { "export", N_("Exported") },
    { "import", N_("Imported") },
    { "disclose", N_("Disclosed") },
    { "revoke", N_("Revoked") },
    { "report", N_("Report") },
    { "sign-in", N_("Signed in") },
    { "sign-in-failed", N_("Failed sign-in") },
    { "sign-out", N_("Signed out") },
    { "lock", N_("Locked") },
    { "unlock", N_("Unlocked") },
    { "unlock-failed", N_("Failed unlock") },
    { "role", N_("Role changed") },
    { "passphrase", N_("Passphrase set") },
    { "activate", N_("Account activated") },
    { "deactivate", N_("Account deactivated") },
    { "backup", N_("Backed up") },
    { "backup-auto", N_("Automatic backup") },
    { "restore", N_("Restored") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].action, action) == 0)
      return _(labels[i].label);
  return action != NULL ? action : "";
}
