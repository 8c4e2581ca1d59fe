/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-backup"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sodium.h>
#include <string.h>

#include "iop-access-private.h"
#include "iop-access.h"
#include "iop-backup.h"
#include "iop-store-people.h"
#include "iop-store-private.h"

/*
 * Backups are taken with SQLite's online backup API into memory and written
 * with one atomic, durable, 0600 file replacement, so a backup file is either
 * whole or absent and never passes through a plain temporary file. Restores
 * prove the backup whole (integrity_check, foreign_key_check, the audit chain)
 * on an in-memory copy before anything on disk is touched.
 *
 * Encrypted files: "CIRCLEv1" magic, 16-byte Argon2id salt, opslimit and
 * memlimit (little-endian 64-bit), the 24-byte secretstream header, then
 * XChaCha20-Poly1305 secretstream chunks of 64 KiB, the last one tagged FINAL
 * so a truncated file is detected.
 */

#define MAGIC "CIRCLEv1"
#define MAGIC_LEN 8
#define CHUNK 65536
#define HEADER_LEN (MAGIC_LEN + crypto_pwhash_SALTBYTES + 16 + crypto_secretstream_xchacha20poly1305_HEADERBYTES)
#define MAX_MEMLIMIT ((guint64) 1 << 30)
#define BACKUP_PREFIX "circle-"
#define BACKUP_SUFFIX ".backup"

G_DEFINE_QUARK (iop-backup-error-quark, iop_backup_error)

/* Helpers */

static gboolean
ensure_sodium (GError **error)
{
  if (sodium_init () < 0)
    {
      g_set_error_literal (error, IOP_BACKUP_ERROR, IOP_BACKUP_ERROR_FAILED,
                           _("The cryptography library could not start."));
      return FALSE;
    }
  return TRUE;
}

static void
put_u64 (guchar  *out,
         guint64  value)
{
  for (int i = 0; i < 8; i++)
    out[i] = (value >> (8 * i)) & 0xff;
}

static guint64
get_u64 (const guchar *in)
{
  guint64 value = 0;

  for (int i = 7; i >= 0; i--)
    value = (value << 8) | in[i];
  return value;
}

static gboolean
derive_key (guchar        key[crypto_secretstream_xchacha20poly1305_KEYBYTES],
            const char   *passphrase,
            const guchar *salt,
            guint64       opslimit,
            guint64       memlimit,
            GError      **error)
{
  if (crypto_pwhash (key, crypto_secretstream_xchacha20poly1305_KEYBYTES,
                     passphrase, strlen (passphrase), salt, opslimit, memlimit,
                     crypto_pwhash_ALG_ARGON2ID13) != 0)
    {
      g_set_error_literal (error, IOP_BACKUP_ERROR, IOP_BACKUP_ERROR_FAILED,
                           _("There is not enough memory to derive the encryption key."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
is_sealed (const guchar *data,
           gsize         len)
{
  return len >= MAGIC_LEN && memcmp (data, MAGIC, MAGIC_LEN) == 0;
}

static gboolean
is_database_image (GBytes *image)
{
  gsize len;
  const guchar *data = g_bytes_get_data (image, &len);

  return len >= 100 && memcmp (data, "SQLite format 3", 16) == 0;
}

static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf sa, sb;

  if (g_stat (a, &sa) != 0 || g_stat (b, &sb) != 0)
    return FALSE;
  return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

static void
report_line (GPtrArray  *report,
             const char *format,
             ...) G_GNUC_PRINTF (2, 3);

static void
report_line (GPtrArray  *report,
             const char *format,
             ...)
{
  va_list args;

  if (report == NULL)
    return;
  va_start (args, format);
  g_ptr_array_add (report, g_strdup_vprintf (format, args));
  va_end (args);
}

/* The three checks every database must pass before Circle trusts it. The report
 * names tables and entry numbers only, never the content of a record. */
static gboolean
check_connection (sqlite3   *db,
                  GPtrArray *report)
{
  sqlite3_stmt *stmt = NULL;
  gboolean all = TRUE;
  gint64 n_entries = 0;
  gint64 first_broken = 0;
  g_autoptr(GError) error = NULL;
  int rc;

  /* integrity_check */
  if (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL) != SQLITE_OK)
    {
      report_line (report, "integrity_check: FAILED: %s", _("the file is not a readable database"));
      return FALSE;
    }
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0)
    report_line (report, "integrity_check: %s", _("ok"));
  else
    {
      guint problems = rc == SQLITE_ROW ? 1 : 0;
      g_autofree char *what = NULL;

      while (sqlite3_step (stmt) == SQLITE_ROW)
        problems++;
      if (problems > 0)
        what = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u problem in the database structure",
                                             "%u problems in the database structure", problems),
                                problems);
      else
        what = g_strdup (_("the file is not a readable database"));
      report_line (report, "integrity_check: FAILED: %s", what);
      all = FALSE;
    }
  sqlite3_finalize (stmt);
  if (!all)
    return FALSE;

  /* foreign_key_check */
  if (sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check", -1, &stmt, NULL) != SQLITE_OK)
    {
      report_line (report, "foreign_key_check: FAILED: %s", _("the check could not run"));
      return FALSE;
    }
  {
    guint broken = 0;
    g_autofree char *first_table = NULL;

    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        if (broken++ == 0)
          first_table = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      }
    if (broken == 0)
      report_line (report, "foreign_key_check: %s", _("ok"));
    else
      {
        g_autofree char *what = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "%u row refers to a record that does not exist (first in table %s)",
                                                              "%u rows refer to records that do not exist (first in table %s)",
                                                              broken),
                                                 broken, first_table);
        report_line (report, "foreign_key_check: FAILED: %s", what);
        all = FALSE;
      }
  }
  sqlite3_finalize (stmt);

  /* the audit chain */
  if (!iop_audit_verify_db (db, &n_entries, &first_broken, &error))
    {
      report_line (report, "audit chain: FAILED: %s", error->message);
      return FALSE;
    }
  if (first_broken == 0)
    {
      g_autofree char *what = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "ok (%" G_GINT64_FORMAT " entry)",
                                                            "ok (%" G_GINT64_FORMAT " entries)", n_entries),
                                               n_entries);
      report_line (report, "audit chain: %s", what);
    }
  else
    {
      g_autofree char *what = g_strdup_printf (_("FAILED: broken at entry %" G_GINT64_FORMAT " of %" G_GINT64_FORMAT
                                                 ": it was changed, removed or inserted after it was written"),
                                               first_broken, n_entries);
      report_line (report, "audit chain: %s", what);
      all = FALSE;
    }
  return all;
}

static int
user_version (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) != SQLITE_OK)
    return -1;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return version;
}

/* Opens a private in-memory copy of @image; nothing touches the disk. */
static sqlite3 *
open_image (GBytes  *image,
            GError **error)
{
  gsize len;
  const guchar *data = g_bytes_get_data (image, &len);
  sqlite3 *db = NULL;
  guchar *copy;

  if (!is_database_image (image))
    {
      g_set_error_literal (error, IOP_BACKUP_ERROR, IOP_BACKUP_ERROR_DAMAGED,
                           _("This file is not a Circle database or backup."));
      return NULL;
    }
  if (sqlite3_open (":memory:", &db) != SQLITE_OK)
    {
      sqlite3_close (db);
      g_set_error_literal (error, IOP_BACKUP_ERROR, IOP_BACKUP_ERROR_FAILED,
                           _("There is not enough memory to check the backup."));
      return NULL;
    }
  copy = sqlite3_malloc64 (len);
  if (copy == NULL)
    {
      sqlite3_close (db);
      g_set_error_literal (error, IOP_BACKUP_ERROR, IOP_BACKUP_ERROR_FAILED,
                           _("There is not enough memory to check the backup."));
      return NULL;
    }
  memcpy (copy, data, len);
  /* Bytes 18 and 19 say "write-ahead log"; memory has none, so read it as a
   * rollback-journal database. */
  copy[18] = copy[19] = 1;
  if (sqlite3_deserialize (db, "main", copy, len, len,
                           SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE) != SQLITE_OK)
    {
      sqlite3_close (db);
      g_set_error_literal (error, IOP_BACKUP_ERROR, IOP_BACKUP_ERROR_DAMAGED,
                           _("This file is not a Circle database or backup."));
      return NULL;
    }
  return db;
}

static gboolean
verify_image (GBytes     *image,
              GPtrArray  *report,
              GError    **error)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db;
  gboolean ok;
  int version;

  db = open_image (image, error);
  if (db == NULL)
    return FALSE;

  ok = check_connection (db, lines);
  version = user_version (db);
  sqlite3_close (db);

  if (ok && (version < 1 || (guint) version > iop_store_latest_version ()))
    {
      g_set_error (error, IOP_BACKUP_ERROR, IOP_BACKUP_ERROR_DAMAGED,
                   version < 1 ? _("This file is not a Circle database or backup.")
                               : _("This backup was made by a newer version of Circle (schema %d); update Circle to restore it."),
                   version);
      ok = FALSE;
    }
  else if (!ok)
    {
      const char *failed = "";

      for (guint i = 0; i < lines->len; i++)
        if (strstr (g_ptr_array_index (lines, i), ": ok") == NULL)
          {
            failed = g_ptr_array_index (lines, i);
            break;
          }
      g_set_error (error, IOP_BACKUP_ERROR, IOP_BACKUP_ERROR_DAMAGED,
                   _("The backup is not whole, so nothing was restored (%s)."), failed);
    }

  if (report != NULL)
    for (guint i = 0; i < lines->len; i++)
      g_ptr_array_add (report, g_strdup (g_ptr_array_index (lines, i)));
  return ok;
}

static GBytes *
snapshot (IopStore  *store,
          GError   **error)
{
  sqlite3 *mem = NULL;
  sqlite3_backup *backup;
  sqlite3_int64 size = 0;
  unsigned char *data;
  int rc;

  if (sqlite3_open (":memory:", &mem) != SQLITE_OK)
    {
      sqlite3_close (mem);
      g_set_error_literal (error, IOP_BACKUP_ERROR, IOP_BACKUP_ERROR_FAILED,
                           _("There is not enough memory to make the backup."));
      return NULL;
    }
  backup = sqlite3_backup_init (mem, "main", iop_store_get_db (store), "main");
  if (backup == NULL)
    {
      g_set_error (error, IOP_BACKUP_ERROR, IOP_BACKUP_ERROR_FAILED,
                   _("The backup could not start: %s"), sqlite3_errmsg (mem));
      sqlite3_close (mem);
      return NULL;
    }
  /* One step copies everything from one consistent read snapshot. */
  rc = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, IOP_BACKUP_ERROR, IOP_BACKUP_ERROR_FAILED,
                   _("The backup could not be made: %s"), sqlite3_errstr (rc));
      sqlite3_close (mem);
      return NULL;
    }
  data = sqlite3_serialize (mem, "main", &size, 0);
  sqlite3_close (mem);
  if (data == NULL)
    {
      g_set_error_literal (error, IOP_BACKUP_ERROR, IOP_BACKUP_ERROR_FAILED,
                           _("There is not enough memory to make the backup."));
      return NULL;
    }
  /* A backup is a self-contained rollback-journal file; Circle turns the
   * write-ahead log back on when it opens a restored database. */
  data[18] = data[19] = 1;
  return g_bytes_new_with_free_func (data, size, sqlite3_free, data);
}

static gboolean
write_private (const char  *path,
               GBytes      *bytes,
               GError     **error)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  g_autoptr(GError) local_error = NULL;

  if (!g_file_set_contents_full (path, data, len,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &local_error))
    {
      g_set_error (error, IOP_BACKUP_ERROR, IOP_BACKUP_ERROR_FAILED,
                   _("Could not write “%s”: %s"), path, local_error->message);
      return FALSE;
    }
  return TRUE;
}

static GBytes *
load_image (const char  *path,
            const char  *passphrase,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) raw = NULL;
  char *data = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &data, &len, &local_error))
    {
      g_set_error (error, IOP_BACKUP_ERROR, IOP_BACKUP_ERROR_FAILED,
                   _("Could not read “%s”: %s"), path, local_error->message);
      return NULL;
    }
  raw = g_bytes_new_take (data, len);
  if (!is_sealed ((const guchar *) data, len))
    return g_steal_pointer (&raw);
  if (passphrase == NULL || *passphrase == '\0')
    {
      g_set_error_literal (error, IOP_BACKUP_ERROR, IOP_BACKUP_ERROR_NEEDS_PASSPHRASE,
                           _("This backup is encrypted; enter its passphrase."));
      return NULL;
    }
  return iop_backup_decrypt (raw, passphrase, error);
}

static char *
timestamp_compact (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y%m%dT%H%M%SZ");
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* Public API */

/**
 * iop_backup_default_folder:
 *
 * Returns: (transfer full): where automatic backups go: a `backups` folder
 *   next to the default database
 */
char *
iop_backup_default_folder (void)
{
  return g_build_filename (g_get_user_data_dir (), APPLICATION_ID, "backups", NULL);
}

/**
 * iop_backup_write:
 * @store: an #IopStore
 * @path: the backup file to write (replaced atomically if it exists)
 * @passphrase: (nullable): encrypt the backup with this passphrase
 * @error: return location for a #GError
 *
 * Administrators only. The backup is logged first, so it contains its own entry.
 *
 * Returns: %TRUE when the whole backup is on disk
 */
gboolean
iop_backup_write (IopStore    *store,
                  const char  *path,
                  const char  *passphrase,
                  GError     **error)
{
  g_autoptr(GBytes) image = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (IOP_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (same_file (path, iop_store_get_path (store)))
    {
      g_set_error_literal (error, IOP_BACKUP_ERROR, IOP_BACKUP_ERROR_FAILED,
                           _("Choose another file: a backup cannot replace the database itself."));
      return FALSE;
    }

  name = g_path_get_basename (path);
  if (!iop_store_audit (store, "backup", IOP_KIND_DATABASE, 0, 0,
                        passphrase != NULL && *passphrase ? "encrypted" : "", error))
    return FALSE;
  image = snapshot (store, error);
  if (image == NULL)
    return FALSE;
  if (passphrase != NULL && *passphrase != '\0')
    {
      GBytes *sealed = iop_backup_encrypt (image, passphrase, error);

      if (sealed == NULL)
        return FALSE;
      g_bytes_unref (image);
      image = sealed;
    }
  return write_private (path, image, error);
}

/**
 * iop_backup_run_automatic:
 * @store: an #IopStore
 * @folder: where automatic backups are kept (created 0700)
 * @interval_hours: make a backup when the newest is at least this old
 * @keep: how many automatic backups to keep (at least 1)
 * @error: return location for a #GError
 *
 * Called by the window from a timer, whoever is signed in: Circle itself keeps
 * the backups. Files are named `circle-YYYYMMDDTHHMMSSZ.backup`; only those
 * are ever pruned.
 *
 * Returns: (transfer full) (nullable): the new backup, or %NULL when none was
 *   due (@error unset) or on failure (@error set)
 */
char *
iop_backup_run_automatic (IopStore    *store,
                          const char  *folder,
                          guint        interval_hours,
                          guint        keep,
                          GError     **error)
{
  g_autoptr(GPtrArray) existing = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GBytes) image = NULL;
  const char *entry;

  g_return_val_if_fail (IOP_IS_STORE (store), NULL);
  g_return_val_if_fail (folder != NULL, NULL);

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, IOP_BACKUP_ERROR, IOP_BACKUP_ERROR_FAILED,
                   _("Could not create the folder “%s”: %s"), folder, g_strerror (saved));
      return NULL;
    }
  g_chmod (folder, 0700);

  dir = g_dir_open (folder, 0, error);
  if (dir == NULL)
    return NULL;
  while ((entry = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (entry, BACKUP_PREFIX) && g_str_has_suffix (entry, BACKUP_SUFFIX)
        && strlen (entry) == strlen (BACKUP_PREFIX "YYYYMMDDTHHMMSSZ" BACKUP_SUFFIX))
      g_ptr_array_add (existing, g_strdup (entry));
  g_ptr_array_sort (existing, compare_strings);

  stamp = timestamp_compact ();
  if (existing->len > 0 && interval_hours > 0)
    {
      const char *newest = g_ptr_array_index (existing, existing->len - 1);
      g_autofree char *when = g_strndup (newest + strlen (BACKUP_PREFIX), 16);
      g_autofree char *iso = g_strdup_printf ("%.4s-%.2s-%.2sT%.2s:%.2s:%.2sZ", when, when + 4, when + 6,
                                              when + 9, when + 11, when + 13);
      g_autoptr(GDateTime) then = g_date_time_new_from_iso8601 (iso, NULL);
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      if (then != NULL && g_date_time_difference (now, then) < (GTimeSpan) interval_hours * G_TIME_SPAN_HOUR)
        return NULL;
    }

  name = g_strconcat (BACKUP_PREFIX, stamp, BACKUP_SUFFIX, NULL);
  path = g_build_filename (folder, name, NULL);

  if (!iop_store_audit (store, "backup-auto", IOP_KIND_DATABASE, 0, 0, "", error))
    return NULL;
  image = snapshot (store, error);
  if (image == NULL || !write_private (path, image, error))
    return NULL;

  if (!g_ptr_array_find_with_equal_func (existing, name, g_str_equal, NULL))
    g_ptr_array_add (existing, g_strdup (name));
  g_ptr_array_sort (existing, compare_strings);
  keep = MAX (keep, 1);
  for (guint i = 0; i + keep < existing->len; i++)
    {
      g_autofree char *old = g_build_filename (folder, g_ptr_array_index (existing, i), NULL);
      g_unlink (old);
    }
  return g_steal_pointer (&path);
}

/**
 * iop_backup_verify_file:
 * @path: a backup (or database) file
 * @passphrase: (nullable): its passphrase, when encrypted
 * @report: (nullable) (element-type utf8): receives one line per check
 * @error: return location for a #GError
 *
 * Proves a backup whole without restoring it.
 *
 * Returns: %TRUE when every check holds
 */
gboolean
iop_backup_verify_file (const char  *path,
                        const char  *passphrase,
                        GPtrArray   *report,
                        GError     **error)
{
  g_autoptr(GBytes) image = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  image = load_image (path, passphrase, error);
  if (image == NULL)
    return FALSE;
  return verify_image (image, report, error);
}

/**
 * iop_backup_restore:
 * @store: the open store to restore into
 * @path: the backup file
 * @passphrase: (nullable): its passphrase, when encrypted
 * @out_aside_path: (out) (optional) (transfer full): where the replaced database was kept
 * @error: return location for a #GError
 *
 * Administrators only. Checks the backup first (integrity, references, audit
 * chain) and replaces nothing unless it is whole; the replaced database is kept
 * next to it as `circle.db.replaced-YYYYMMDDTHHMMSSZ`. Both databases record
 * the restore in their audit logs.
 *
 * Returns: %TRUE when the backup is now the open database
 */
gboolean
iop_backup_restore (IopStore    *store,
                    const char  *path,
                    const char  *passphrase,
                    char       **out_aside_path,
                    GError     **error)
{
  g_autoptr(GBytes) image = NULL;
  g_autoptr(IopStaff) actor = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *aside_name = NULL;
  g_autofree char *backup_name = NULL;
  g_autofree char *detail = NULL;
  g_autoptr(GError) audit_error = NULL;
  static const char * const kinds[] = {
    IOP_KIND_STAFF, IOP_KIND_PARTICIPANT, IOP_KIND_GROUP, IOP_KIND_ENROLLMENT, IOP_KIND_SETTING,
    IOP_KIND_SESSION, IOP_KIND_PLAN, IOP_KIND_MEASURE, IOP_KIND_CULTURAL, IOP_KIND_CONSENT,
    IOP_KIND_AUDIT, IOP_KIND_DATABASE,
  };
  gboolean audited;

  g_return_val_if_fail (IOP_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!iop_store_require (store, IOP_PERMISSION_BACKUP, 0, error))
    return FALSE;
  if (same_file (path, iop_store_get_path (store)))
    {
      g_set_error_literal (error, IOP_BACKUP_ERROR, IOP_BACKUP_ERROR_FAILED,
                           _("This is the open database itself, not a backup."));
      return FALSE;
    }

  image = load_image (path, passphrase, error);
  if (image == NULL || !verify_image (image, NULL, error))
    return FALSE;

  stamp = timestamp_compact ();
  aside = g_strconcat (iop_store_get_path (store), ".replaced-", stamp, NULL);
  aside_name = g_path_get_basename (aside);
  backup_name = g_path_get_basename (path);

  detail = g_strdup_printf ("replaced by a backup; kept as %s", aside_name);
  if (!iop_store_audit (store, "restore", IOP_KIND_DATABASE, 0, 0, detail, error))
    return FALSE;
  if (iop_store_get_actor (store) > 0)
    actor = iop_store_get_staff (store, iop_store_get_actor (store), NULL);

  if (!iop_store_replace_database (store, image, aside, error))
    return FALSE;

  /* The restored database has its own staff: act as the same person there if
   * they exist, otherwise record the restore as Circle's own act. */
  g_clear_pointer (&detail, g_free);
  detail = g_strdup_printf ("restored from a backup; previous database kept as %s", aside_name);
  {
    g_autoptr(IopStaff) there = actor != NULL ? iop_store_find_staff (store, iop_staff_get_username (actor)) : NULL;

    if (there != NULL && iop_staff_get_active (there)
        && iop_role_from_string (iop_staff_get_role (there)) == IOP_ROLE_ADMINISTRATOR)
      {
        iop_store_set_actor (store, iop_staff_get_id (there));
        audited = iop_store_audit (store, "restore", IOP_KIND_DATABASE, 0, 0, detail, &audit_error);
      }
    else
      {
        iop_store_set_actor (store, 0);
        iop_store_enter_system (store);
        audited = iop_store_audit (store, "restore", IOP_KIND_DATABASE, 0, 0, detail, &audit_error);
        iop_store_leave_system (store);
      }
  }
  if (!audited)
    g_warning ("Could not record the restore in the restored database: %s", audit_error->message);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    iop_store_emit_changed (store, kinds[i]);

  if (out_aside_path != NULL)
    *out_aside_path = g_steal_pointer (&aside);
  return TRUE;
}

/**
 * iop_backup_check_database:
 * @path: a database file
 * @all_hold: (out): %TRUE when integrity_check, foreign_key_check and the audit chain all hold
 * @report: (element-type utf8): receives one line per check
 * @error: return location for a #GError
 *
 * The `--check` job: reads the database without migrating or changing it.
 *
 * Returns: %FALSE with @error when the file cannot be opened at all
 */
gboolean
iop_backup_check_database (const char  *path,
                           gboolean    *all_hold,
                           GPtrArray   *report,
                           GError     **error)
{
  sqlite3 *db = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (all_hold != NULL, FALSE);

  *all_hold = FALSE;
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, IOP_BACKUP_ERROR, IOP_BACKUP_ERROR_FAILED,
                   _("There is no database at “%s”."), path);
      return FALSE;
    }

  /* Read-write only so SQLite can recover a write-ahead log left by a crash and
   * remove its companions on close; nothing is written. */
  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc != SQLITE_OK)
    {
      sqlite3_close (db);
      db = NULL;
      rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW, NULL);
    }
  if (rc != SQLITE_OK)
    {
      g_set_error (error, IOP_BACKUP_ERROR, IOP_BACKUP_ERROR_FAILED,
                   _("Could not open “%s”: %s"), path, sqlite3_errmsg (db));
      sqlite3_close (db);
      return FALSE;
    }
  sqlite3_busy_timeout (db, 5000);
  sqlite3_exec (db, "PRAGMA query_only = ON", NULL, NULL, NULL);
  *all_hold = check_connection (db, report);
  sqlite3_close (db);
  return TRUE;
}

/**
 * iop_backup_is_encrypted_file:
 * @path: a file
 *
 * Returns: %TRUE when @path starts like a file encrypted by Circle
 */
gboolean
iop_backup_is_encrypted_file (const char *path)
{
  guchar head[MAGIC_LEN];
  FILE *f = g_fopen (path, "rb");
  gboolean sealed;

  if (f == NULL)
    return FALSE;
  sealed = fread (head, 1, MAGIC_LEN, f) == MAGIC_LEN && is_sealed (head, MAGIC_LEN);
  fclose (f);
  return sealed;
}

/**
 * iop_backup_encrypt:
 * @plain: the bytes to protect
 * @passphrase: the passphrase
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the encrypted bytes
 */
GBytes *
iop_backup_encrypt (GBytes      *plain,
                    const char  *passphrase,
                    GError     **error)
{
  guchar key[crypto_secretstream_xchacha20poly1305_KEYBYTES];
  crypto_secretstream_xchacha20poly1305_state state;
  guint64 opslimit, memlimit;
  const guchar *in;
  gsize len, n_chunks, out_len, pos = 0, written;
  guchar *out;

  g_return_val_if_fail (plain != NULL, NULL);
  g_return_val_if_fail (passphrase != NULL && *passphrase != '\0', NULL);

  if (!ensure_sodium (error))
    return NULL;

  in = g_bytes_get_data (plain, &len);
  n_chunks = len / CHUNK + 1;
  out_len = HEADER_LEN + len + n_chunks * crypto_secretstream_xchacha20poly1305_ABYTES;
  out = g_malloc (out_len);

  opslimit = iop_access_get_fast_hashing () ? crypto_pwhash_OPSLIMIT_MIN : crypto_pwhash_OPSLIMIT_INTERACTIVE;
  memlimit = iop_access_get_fast_hashing () ? crypto_pwhash_MEMLIMIT_MIN : crypto_pwhash_MEMLIMIT_INTERACTIVE;
  memcpy (out, MAGIC, MAGIC_LEN);
  randombytes_buf (out + MAGIC_LEN, crypto_pwhash_SALTBYTES);
  put_u64 (out + MAGIC_LEN + crypto_pwhash_SALTBYTES, opslimit);
  put_u64 (out + MAGIC_LEN + crypto_pwhash_SALTBYTES + 8, memlimit);

  if (!derive_key (key, passphrase, out + MAGIC_LEN, opslimit, memlimit, error))
    {
      g_free (out);
      return NULL;
    }
  crypto_secretstream_xchacha20poly1305_init_push (&state, out + HEADER_LEN - crypto_secretstream_xchacha20poly1305_HEADERBYTES, key);
  sodium_memzero (key, sizeof key);

  written = HEADER_LEN;
  for (gsize i = 0; i < n_chunks; i++)
    {
      gsize take = MIN ((gsize) CHUNK, len - pos);
      unsigned long long clen = 0;
      guchar tag = i + 1 == n_chunks ? crypto_secretstream_xchacha20poly1305_TAG_FINAL
                                     : crypto_secretstream_xchacha20poly1305_TAG_MESSAGE;

      crypto_secretstream_xchacha20poly1305_push (&state, out + written, &clen, in + pos, take, NULL, 0, tag);
      pos += take;
      written += clen;
    }
  g_assert (written == out_len);
  return g_bytes_new_take (out, out_len);
}

/**
 * iop_backup_decrypt:
 * @sealed: bytes made by iop_backup_encrypt()
 * @passphrase: the passphrase
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the original bytes; %NULL when the
 *   passphrase is wrong or the file was altered or cut short
 */
GBytes *
iop_backup_decrypt (GBytes      *sealed,
                    const char  *passphrase,
                    GError     **error)
{
  guchar key[crypto_secretstream_xchacha20poly1305_KEYBYTES];
  crypto_secretstream_xchacha20poly1305_state state;
  const gsize block = CHUNK + crypto_secretstream_xchacha20poly1305_ABYTES;
  guint64 opslimit, memlimit;
  const guchar *in;
  gsize len, pos, written = 0;
  guchar *out;
  gboolean final = FALSE;

  g_return_val_if_fail (sealed != NULL, NULL);
  g_return_val_if_fail (passphrase != NULL, NULL);

  if (!ensure_sodium (error))
    return NULL;

  in = g_bytes_get_data (sealed, &len);
  if (!is_sealed (in, len) || len < HEADER_LEN + crypto_secretstream_xchacha20poly1305_ABYTES)
    {
      g_set_error_literal (error, IOP_BACKUP_ERROR, IOP_BACKUP_ERROR_DAMAGED,
                           _("This file is not encrypted by Circle, or it was cut short."));
      return NULL;
    }
  opslimit = get_u64 (in + MAGIC_LEN + crypto_pwhash_SALTBYTES);
  memlimit = get_u64 (in + MAGIC_LEN + crypto_pwhash_SALTBYTES + 8);
  if (opslimit < crypto_pwhash_OPSLIMIT_MIN || opslimit > crypto_pwhash_OPSLIMIT_SENSITIVE
      || memlimit < crypto_pwhash_MEMLIMIT_MIN || memlimit > MAX_MEMLIMIT)
    {
      g_set_error_literal (error, IOP_BACKUP_ERROR, IOP_BACKUP_ERROR_DAMAGED,
                           _("This file is not encrypted by Circle, or it was altered."));
      return NULL;
    }
  if (!derive_key (key, passphrase, in + MAGIC_LEN, opslimit, memlimit, error))
    return NULL;
  if (crypto_secretstream_xchacha20poly1305_init_pull (&state, in + HEADER_LEN - crypto_secretstream_xchacha20poly1305_HEADERBYTES, key) != 0)
    {
      sodium_memzero (key, sizeof key);
      g_set_error_literal (error, IOP_BACKUP_ERROR, IOP_BACKUP_ERROR_DAMAGED,
                           _("This file is not encrypted by Circle, or it was altered."));
      return NULL;
    }
  sodium_memzero (key, sizeof key);

  out = g_malloc (len);
  for (pos = HEADER_LEN; pos < len && !final;)
    {
      gsize take = MIN (block, len - pos);
      unsigned long long mlen = 0;
      guchar tag = 0;

      if (crypto_secretstream_xchacha20poly1305_pull (&state, out + written, &mlen, &tag,
                                                      in + pos, take, NULL, 0) != 0)
        {
          sodium_memzero (out, len);
          g_free (out);
          g_set_error_literal (error, IOP_BACKUP_ERROR, IOP_BACKUP_ERROR_WRONG_PASSPHRASE,
                               _("The passphrase is not right, or the file was altered."));
          return NULL;
        }
      final = tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL;
      pos += take;
      written += mlen;
    }
  if (!final || pos != len)
    {
      sodium_memzero (out, len);
      g_free (out);
      g_set_error_literal (error, IOP_BACKUP_ERROR, IOP_BACKUP_ERROR_DAMAGED,
                           _("This encrypted file was cut short or has extra data; it cannot be trusted."));
      return NULL;
    }
  return g_bytes_new_take (g_realloc (out, MAX (written, 1)), written);
}

/**
 * iop_backup_encrypt_file:
 * @path: a file Circle wrote (a backup or an export)
 * @passphrase: the passphrase
 * @error: return location for a #GError
 *
 * Replaces @path with its encrypted form, atomically and 0600.
 *
 * Returns: %TRUE when encrypted
 */
gboolean
iop_backup_encrypt_file (const char  *path,
                         const char  *passphrase,
                         GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GBytes) sealed = NULL;
  char *data = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &data, &len, &local_error))
    {
      g_set_error (error, IOP_BACKUP_ERROR, IOP_BACKUP_ERROR_FAILED,
                   _("Could not read “%s”: %s"), path, local_error->message);
      return FALSE;
    }
  plain = g_bytes_new_take (data, len);
  sealed = iop_backup_encrypt (plain, passphrase, error);
  if (sealed == NULL)
    return FALSE;
  return write_private (path, sealed, error);
}
