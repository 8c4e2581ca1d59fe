/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#include "iop-access-private.h"
#include "iop-core-resources.h"
#include "iop-date.h"
#include "iop-store-private.h"

#define MIGRATIONS_PATH "/org/example/iop/core/migrations"

struct _IopStore
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  GHashTable *statements;      /* SQL text → sqlite3_stmt, prepared once */
  guint       txn_depth;
  GHashTable *pending_changes; /* kinds changed inside the open transaction */
  gint64      actor;
  guint       version;
  guint       system_depth;    /* > 0 while Circle itself acts (sample data, first administrator) */
  gboolean    trust_system;    /* tests only: actor 0 may write outside system mode */
  gboolean    locked;          /* the window is locked: nothing but unlocking and signing out */
  GCancellable *cancellable;   /* interrupts long reads (reports) when cancelled */
};

G_DEFINE_FINAL_TYPE (IopStore, iop_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (iop-store-error-quark, iop_store_error)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Tests only: stores opened later in the process (worker threads) inherit it. */
static gboolean default_trust;

/* Helpers */

static int
compare_names (const void *a,
               const void *b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static char **
list_migrations (void)
{
  g_autoptr(GError) error = NULL;
  char **names;

  names = g_resource_enumerate_children (iop_core_get_resource (), MIGRATIONS_PATH,
                                         G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (names == NULL)
    g_error ("Circle was built without its schema migrations: %s", error->message);

  /* The file names start with a zero-padded number, so sorting orders them. */
  qsort (names, g_strv_length (names), sizeof (char *), compare_names);
  return names;
}

gboolean
iop_store_fs_type_is_network (unsigned long f_type)
{
  switch (f_type)
    {
    case 0x6969UL:      /* NFS */
    case 0xFF534D42UL:  /* CIFS */
    case 0xFE534D42UL:  /* SMB2 */
    case 0x517BUL:      /* SMB */
    case 0x65735546UL:  /* FUSE (sshfs and friends) */
    case 0x564CUL:     /* NCP */
    case 0x6B414653UL:  /* AFS */
    case 0x01021997UL:  /* 9P */
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_network_filesystem (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  struct statfs fs;

  if (statfs (dir, &fs) != 0)
    return FALSE;

  return iop_store_fs_type_is_network ((unsigned long) fs.f_type);
}

void
iop_store_set_error (IopStore  *self,
                     GError   **error)
{
  int code = sqlite3_extended_errcode (self->db);
  const char *msg = sqlite3_errmsg (self->db);

  if ((code & 0xff) == SQLITE_INTERRUPT && g_cancellable_is_cancelled (self->cancellable))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled."));
      return;
    }

  switch (code & 0xff)
    {
    case SQLITE_FULL:
      g_set_error_literal (error, IOP_STORE_ERROR, IOP_STORE_ERROR_FULL,
                           _("The disk is full. Nothing was saved; free some space and try again."));
      return;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error_literal (error, IOP_STORE_ERROR, IOP_STORE_ERROR_BUSY,
                           _("The database is in use by another program. Nothing was saved; try again in a moment."));
      return;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      g_set_error_literal (error, IOP_STORE_ERROR, IOP_STORE_ERROR_READ_ONLY,
                           _("The database cannot be written (it is read-only). Nothing was saved."));
      return;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error_literal (error, IOP_STORE_ERROR, IOP_STORE_ERROR_CORRUPT,
                           _("The database is damaged. Restore it from a backup."));
      return;
    case SQLITE_IOERR:
      g_set_error_literal (error, IOP_STORE_ERROR, IOP_STORE_ERROR_FAILED,
                           _("The database could not be read or written (input/output error). Nothing was saved."));
      return;
    case SQLITE_CONSTRAINT:
      if (strstr (msg, "signed notes are locked") != NULL)
        g_set_error_literal (error, IOP_STORE_ERROR, IOP_STORE_ERROR_LOCKED,
                             _("This note is signed and can no longer be changed; add an addendum instead."));
      else if (strstr (msg, "signed plans are locked") != NULL)
        g_set_error_literal (error, IOP_STORE_ERROR, IOP_STORE_ERROR_LOCKED,
                             _("This treatment plan is signed and can no longer be changed; start a new version instead."));
      else if (strstr (msg, "append-only") != NULL || strstr (msg, "permanent") != NULL
               || strstr (msg, "history is kept") != NULL)
        g_set_error_literal (error, IOP_STORE_ERROR, IOP_STORE_ERROR_LOCKED,
                             _("This entry is part of the permanent record and cannot be changed or removed."));
      else if (code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY)
        g_set_error_literal (error, IOP_STORE_ERROR, IOP_STORE_ERROR_DUPLICATE,
                             _("Another record already uses this value."));
      else
        g_set_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID,
                     _("The change breaks a rule of the record (%s). Nothing was saved."), msg);
      return;
    default:
      g_set_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_FAILED,
                   _("Database error: %s"), msg);
      return;
    }
}

static int
progress_cb (void *data)
{
  IopStore *self = data;

  /* Non-zero interrupts the statement: SQLITE_INTERRUPT, reported as cancelled. */
  return g_cancellable_is_cancelled (self->cancellable);
}

/**
 * iop_store_set_cancellable:
 * @self: an #IopStore
 * @cancellable: (nullable): a #GCancellable, or %NULL for none
 *
 * While @cancellable is set, cancelling it interrupts the statement running on
 * this connection within a few thousand virtual-machine steps; the function
 * that ran it fails with %G_IO_ERROR_CANCELLED and writes nothing (an open
 * transaction is rolled back by its caller as for any error). Meant for
 * connections that worker threads open for long reads such as reports; the
 * cancellable may be cancelled from any thread.
 */
void
iop_store_set_cancellable (IopStore     *self,
                           GCancellable *cancellable)
{
  g_return_if_fail (IOP_IS_STORE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  g_set_object (&self->cancellable, cancellable);
  if (self->db != NULL)
    sqlite3_progress_handler (self->db, cancellable != NULL ? 1000 : 0,
                              cancellable != NULL ? progress_cb : NULL, self);
}

sqlite3 *
iop_store_get_db (IopStore *self)
{
  return self->db;
}

sqlite3_stmt *
iop_store_prepare (IopStore    *self,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (IOP_IS_STORE (self), NULL);
  g_return_val_if_fail (self->db != NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      /* A statement that does not prepare is a programming error, except when the
       * database itself is unreadable; report both the same way. */
      g_warning ("Could not prepare statement: %s", sqlite3_errmsg (self->db));
      iop_store_set_error (self, error);
      return NULL;
    }

  /* Statements are keyed by their (static) SQL text. */
  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

gboolean
iop_store_exec (IopStore    *self,
                const char  *sql,
                GError     **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      iop_store_set_error (self, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
iop_store_step_done (IopStore      *self,
                     sqlite3_stmt  *stmt,
                     GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      iop_store_set_error (self, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

void
iop_bind_text (sqlite3_stmt *stmt,
               int           index,
               const char   *text)
{
  sqlite3_bind_text (stmt, index, text != NULL ? text : "", -1, SQLITE_TRANSIENT);
}

void
iop_bind_text_or_null (sqlite3_stmt *stmt,
                       int           index,
                       const char   *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

void
iop_bind_id_or_null (sqlite3_stmt *stmt,
                     int           index,
                     gint64        id)
{
  if (id <= 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, id);
}

const char *
iop_column_text (sqlite3_stmt *stmt,
                 int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

char *
iop_audit_entry_content (gint64      id,
                         const char *at,
                         gint64      staff_id,
                         const char *action,
                         const char *kind,
                         gint64      record_id,
                         gint64      participant_id,
                         const char *detail,
                         const char *prev_hash)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT "\x1f%s\x1f%" G_GINT64_FORMAT "\x1f%s\x1f%s\x1f%"
                          G_GINT64_FORMAT "\x1f%" G_GINT64_FORMAT "\x1f%s\x1f%s",
                          id, at, MAX (staff_id, 0), action, kind, MAX (record_id, 0),
                          MAX (participant_id, 0), detail != NULL ? detail : "", prev_hash);
}

void
iop_store_mark_changed (IopStore   *self,
                        const char *kind)
{
  if (self->txn_depth > 0)
    g_hash_table_add (self->pending_changes, (gpointer) g_intern_string (kind));
  else
    g_signal_emit (self, signals[CHANGED], 0, kind);
}

static gboolean
run_migration (IopStore    *self,
               const char  *name,
               guint        version,
               GError     **error)
{
  g_autofree char *path = g_build_path ("/", MIGRATIONS_PATH, name, NULL);
  g_autofree char *pragma = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sql = NULL;
  const char *data;
  gsize len;

  bytes = g_resource_lookup_data (iop_core_get_resource (), path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &len);
  sql = g_strndup (data, len);

  /* Each migration is one transaction: killed midway, the database stays at the old version. */
  if (!iop_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  pragma = g_strdup_printf ("PRAGMA user_version = %u", version);
  if (!iop_store_exec (self, sql, error) || !iop_store_exec (self, pragma, error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      g_prefix_error (error, _("Could not update the database to version %u: "), version);
      return FALSE;
    }
  if (!iop_store_exec (self, "COMMIT", error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

static gboolean
migrate (IopStore  *self,
         guint      target,
         GError   **error)
{
  g_auto(GStrv) names = list_migrations ();
  guint latest = g_strv_length (names);
  sqlite3_stmt *stmt;

  stmt = iop_store_prepare (self, "PRAGMA user_version", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      iop_store_set_error (self, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  self->version = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  if (self->version > latest)
    {
      g_set_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_NEWER,
                   _("This database was written by a newer version of Circle (schema %u; this version knows %u). Update Circle to open it."),
                   self->version, latest);
      return FALSE;
    }

  for (guint v = self->version + 1; v <= target && v <= latest; v++)
    {
      if (!run_migration (self, names[v - 1], v, error))
        return FALSE;
      self->version = v;
    }

  return TRUE;
}

static gboolean
quick_check (IopStore  *self,
             GError   **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  stmt = iop_store_prepare (self, "PRAGMA quick_check", error);
  if (stmt == NULL)
    return FALSE;
  ok = sqlite3_step (stmt) == SQLITE_ROW && g_strcmp0 (iop_column_text (stmt, 0), "ok") == 0;
  sqlite3_reset (stmt);
  if (!ok)
    {
      g_set_error_literal (error, IOP_STORE_ERROR, IOP_STORE_ERROR_CORRUPT,
                           _("The database failed its integrity check. Restore it from a backup."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
ensure_private_file (const char  *path,
                     GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_READ_ONLY,
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved));
      return FALSE;
    }

  /* Create the file ourselves so it is private from the first byte; SQLite gives its
   * -wal and -shm companions the same permissions. */
  fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      if (saved == EACCES || saved == EROFS)
        {
          fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
          if (fd >= 0)
            {
              close (fd);
              return TRUE;  /* SQLite will report the read-only state on first write */
            }
        }
      g_set_error (error, IOP_STORE_ERROR,
                   saved == EACCES || saved == EROFS ? IOP_STORE_ERROR_READ_ONLY : IOP_STORE_ERROR_FAILED,
                   _("Could not open the database “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

static gboolean
open_connection (IopStore  *self,
                 guint      version,
                 gboolean   check,
                 GError   **error)
{
  if (sqlite3_open_v2 (self->path, &self->db,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOFOLLOW,
                       NULL) != SQLITE_OK)
    {
      iop_store_set_error (self, error);
      return FALSE;
    }

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);

  if (!iop_store_exec (self, "PRAGMA foreign_keys = ON", error)
      || !iop_store_exec (self, "PRAGMA journal_mode = WAL", error)
      || !iop_store_exec (self, "PRAGMA synchronous = FULL", error)
      || !iop_store_exec (self, "PRAGMA secure_delete = ON", error)
      || !iop_store_exec (self, "PRAGMA temp_store = MEMORY", error))
    return FALSE;

  if (check && !quick_check (self, error))
    return FALSE;

  return migrate (self, version, error);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

/* GObject */

static void
iop_store_finalize (GObject *object)
{
  IopStore *self = (IopStore *) object;

  iop_store_close (self);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->pending_changes, g_hash_table_unref);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (iop_store_parent_class)->finalize (object);
}

static void
iop_store_class_init (IopStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = iop_store_finalize;

  /**
   * IopStore::changed:
   * @kind: the kind of record that changed (`IOP_KIND_*`)
   *
   * Emitted after a change is committed, once per kind, so models can reload.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
iop_store_init (IopStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                            finalize_statement);
  self->pending_changes = g_hash_table_new (NULL, NULL);
  self->trust_system = default_trust;
}

/* Public API */

/**
 * iop_store_default_path:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/org.example.iop/circle.db`
 */
char *
iop_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), APPLICATION_ID, "circle.db", NULL);
}

/**
 * iop_store_latest_version:
 *
 * Returns: the schema version this build migrates databases to
 */
guint
iop_store_latest_version (void)
{
  g_auto(GStrv) names = list_migrations ();

  return g_strv_length (names);
}

/**
 * iop_store_open:
 * @path: (nullable): the database file, or %NULL for the default
 * @error: return location for a #GError
 *
 * Opens (creating if needed) and migrates the database, then checks it.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
IopStore *
iop_store_open (const char  *path,
                GError     **error)
{
  return iop_store_open_full (path, IOP_STORE_OPEN_NONE, error);
}

static IopStore *
open_internal (const char         *path,
               guint               version,
               IopStoreOpenFlags   flags,
               GError            **error);

/**
 * iop_store_open_full:
 * @path: (nullable): the database file, or %NULL for the default
 * @flags: how to open it
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
IopStore *
iop_store_open_full (const char         *path,
                     IopStoreOpenFlags   flags,
                     GError            **error)
{
  return open_internal (path, G_MAXUINT, flags, error);
}

/**
 * iop_store_check_integrity:
 * @path: the database file
 * @error: return location for a #GError
 *
 * Runs SQLite's quick_check on its own read-only connection, so it may run in a
 * worker thread while the application uses the database.
 *
 * Returns: %TRUE when the database is whole
 */
gboolean
iop_store_check_integrity (const char  *path,
                           GError     **error)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) == SQLITE_OK
      && sqlite3_busy_timeout (db, 5000) == SQLITE_OK
      && sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    ok = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;

  sqlite3_finalize (stmt);
  sqlite3_close (db);
  if (!ok)
    g_set_error_literal (error, IOP_STORE_ERROR, IOP_STORE_ERROR_CORRUPT,
                         _("The database failed its integrity check. Restore it from a backup."));
  return ok;
}

/**
 * iop_store_open_at_version:
 * @path: (nullable): the database file
 * @version: migrate no further than this schema version (for tests of migrations)
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
IopStore *
iop_store_open_at_version (const char  *path,
                           guint        version,
                           GError     **error)
{
  return open_internal (path, version, IOP_STORE_OPEN_NONE, error);
}

static IopStore *
open_internal (const char         *path,
               guint               version,
               IopStoreOpenFlags   flags,
               GError            **error)
{
  g_autoptr(IopStore) self = NULL;
  g_autofree char *default_path = NULL;

  if (path == NULL)
    path = default_path = iop_store_default_path ();

  if (is_network_filesystem (path))
    {
      g_set_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_UNSAFE_LOCATION,
                   _("“%s” is on a network filesystem. Circle keeps its database on this computer's own disk only, because locking over a network is unreliable and records could be lost."),
                   path);
      return NULL;
    }

  if (!ensure_private_file (path, error))
    return NULL;

  self = g_object_new (IOP_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  if (!open_connection (self, version, !(flags & IOP_STORE_OPEN_DEFER_CHECK), error))
    {
      g_autofree char *dir = g_path_get_dirname (path);

      /* SQLite says "unable to open database file" when it cannot create its
       * write-ahead log next to a database on a read-only disk: say what it is. */
      if (g_access (path, W_OK) != 0 || g_access (dir, W_OK) != 0)
        {
          g_clear_error (error);
          g_set_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_READ_ONLY,
                       _("The database “%s” is on a read-only disk or in a folder Circle may not write to. Nothing can be saved there; move it to a writable folder."),
                       path);
        }
      return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * iop_store_close:
 * @self: an #IopStore
 *
 * Finalizes the statements and closes the connection. Further calls fail.
 */
void
iop_store_close (IopStore *self)
{
  g_return_if_fail (IOP_IS_STORE (self));

  if (self->db == NULL)
    return;

  g_hash_table_remove_all (self->statements);
  sqlite3_close_v2 (self->db);
  self->db = NULL;
}

const char *
iop_store_get_path (IopStore *self)
{
  g_return_val_if_fail (IOP_IS_STORE (self), NULL);

  return self->path;
}

guint
iop_store_get_version (IopStore *self)
{
  g_return_val_if_fail (IOP_IS_STORE (self), 0);

  return self->version;
}

/**
 * iop_store_is_empty:
 * @self: an #IopStore
 *
 * Returns: %TRUE when the program has no groups and no participants yet
 */
gboolean
iop_store_is_empty (IopStore *self)
{
  sqlite3_stmt *stmt;
  gboolean empty;

  g_return_val_if_fail (IOP_IS_STORE (self), TRUE);

  stmt = iop_store_prepare (self,
                            "SELECT NOT EXISTS (SELECT 1 FROM participants)"
                            " AND NOT EXISTS (SELECT 1 FROM groups)", NULL);
  if (stmt == NULL)
    return TRUE;
  empty = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return empty;
}

/**
 * iop_store_begin:
 * @self: an #IopStore
 * @error: return location for a #GError
 *
 * Starts a transaction, or a savepoint inside one already open. Every
 * multi-row change runs inside one, so it commits whole or not at all.
 */
gboolean
iop_store_begin (IopStore  *self,
                 GError   **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (IOP_IS_STORE (self), FALSE);

  if (self->txn_depth == 0)
    {
      if (!iop_store_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;
    }
  else
    {
      sql = g_strdup_printf ("SAVEPOINT sp%u", self->txn_depth);
      if (!iop_store_exec (self, sql, error))
        return FALSE;
    }
  self->txn_depth++;
  return TRUE;
}

gboolean
iop_store_commit (IopStore  *self,
                  GError   **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (IOP_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->txn_depth > 0, FALSE);

  if (self->txn_depth > 1)
    {
      sql = g_strdup_printf ("RELEASE sp%u", self->txn_depth - 1);
      if (!iop_store_exec (self, sql, error))
        return FALSE;
      self->txn_depth--;
      return TRUE;
    }

  if (!iop_store_exec (self, "COMMIT", error))
    {
      /* A failed COMMIT (full disk) leaves the transaction open: undo it whole. */
      iop_store_rollback (self);
      return FALSE;
    }
  self->txn_depth = 0;

  {
    g_autoptr(GPtrArray) kinds = g_ptr_array_new ();
    GHashTableIter iter;
    gpointer kind;

    /* Handlers may start new transactions: collect first, then emit. */
    g_hash_table_iter_init (&iter, self->pending_changes);
    while (g_hash_table_iter_next (&iter, &kind, NULL))
      g_ptr_array_add (kinds, kind);
    g_hash_table_remove_all (self->pending_changes);
    for (guint i = 0; i < kinds->len; i++)
      g_signal_emit (self, signals[CHANGED], 0, g_ptr_array_index (kinds, i));
  }
  return TRUE;
}

void
iop_store_rollback (IopStore *self)
{
  g_return_if_fail (IOP_IS_STORE (self));
  g_return_if_fail (self->txn_depth > 0);

  if (self->txn_depth > 1)
    {
      g_autofree char *sql = g_strdup_printf ("ROLLBACK TO sp%u; RELEASE sp%u",
                                              self->txn_depth - 1, self->txn_depth - 1);
      sqlite3_exec (self->db, sql, NULL, NULL, NULL);
      self->txn_depth--;
      return;
    }

  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  self->txn_depth = 0;
  g_hash_table_remove_all (self->pending_changes);
}

gboolean
iop_store_transaction (IopStore         *self,
                       IopStoreTxnFunc   body,
                       gpointer          user_data,
                       GError          **error)
{
  if (!iop_store_begin (self, error))
    return FALSE;
  if (!body (self, user_data, error))
    {
      iop_store_rollback (self);
      return FALSE;
    }
  return iop_store_commit (self, error);
}

/**
 * iop_store_set_actor:
 * @self: an #IopStore
 * @staff_id: the staff member acting, or 0 for Circle itself
 *
 * Sets who the following changes and audit entries are attributed to.
 */
void
iop_store_set_actor (IopStore *self,
                     gint64    staff_id)
{
  g_return_if_fail (IOP_IS_STORE (self));

  self->actor = staff_id;
}

gint64
iop_store_get_actor (IopStore *self)
{
  g_return_val_if_fail (IOP_IS_STORE (self), 0);

  return self->actor;
}

/**
 * iop_store_get_setting:
 * @self: an #IopStore
 * @key: the setting
 * @default_value: (nullable): returned when the setting was never stored
 *
 * Program-wide settings live in the database so every desk shares them.
 *
 * Returns: (transfer full) (nullable): the value
 */
char *
iop_store_get_setting (IopStore   *self,
                       const char *key,
                       const char *default_value)
{
  sqlite3_stmt *stmt;
  char *value = NULL;

  g_return_val_if_fail (IOP_IS_STORE (self), NULL);

  stmt = iop_store_prepare (self, "SELECT value FROM settings WHERE key = ?1", NULL);
  if (stmt == NULL)
    return g_strdup (default_value);
  iop_bind_text (stmt, 1, key);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup (iop_column_text (stmt, 0));
  sqlite3_reset (stmt);

  return value != NULL ? value : g_strdup (default_value);
}

gint64
iop_store_get_setting_int (IopStore   *self,
                           const char *key,
                           gint64      default_value)
{
  g_autofree char *text = iop_store_get_setting (self, key, NULL);
  gint64 value;

  if (text == NULL || !g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &value, NULL))
    return default_value;
  return value;
}

gboolean
iop_store_set_setting (IopStore    *self,
                       const char  *key,
                       const char  *value,
                       GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (IOP_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL && value != NULL, FALSE);

  if (!iop_store_begin (self, error))
    return FALSE;
  stmt = iop_store_prepare (self,
                            "INSERT INTO settings (key, value) VALUES (?1, ?2)"
                            " ON CONFLICT (key) DO UPDATE SET value = excluded.value", error);
  if (stmt == NULL)
    goto fail;
  iop_bind_text (stmt, 1, key);
  iop_bind_text (stmt, 2, value);
  if (!iop_store_step_done (self, stmt, error)
      || !iop_store_audit (self, "change", IOP_KIND_SETTING, 0, 0, key, error))
    goto fail;
  iop_store_mark_changed (self, IOP_KIND_SETTING);
  return iop_store_commit (self, error);

fail:
  iop_store_rollback (self);
  return FALSE;
}

/**
 * iop_store_audit:
 * @self: an #IopStore
 * @action: what happened: `view`, `create`, `change`, `delete`, `sign`, `print`, …
 * @kind: the kind of record (`IOP_KIND_*`)
 * @record_id: the record, or 0
 * @participant_id: whose record it is, or 0
 * @detail: (nullable): a short description, never clinical content
 * @error: return location for a #GError
 *
 * Appends an entry to the audit log. Each entry carries a SHA-256 over its own
 * content and the previous entry's hash, so an edited entry breaks the chain.
 */
gboolean
iop_store_audit (IopStore    *self,
                 const char  *action,
                 const char  *kind,
                 gint64       record_id,
                 gint64       participant_id,
                 const char  *detail,
                 GError     **error)
{
  g_autofree char *at = NULL;
  g_autofree char *prev = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *content = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (IOP_IS_STORE (self), FALSE);

  if (!iop_store_begin (self, error))
    return FALSE;

  /* Every change and every look at a record passes here, so this is the one place
   * where the signed-in staff member's role is enforced. Refused, the caller rolls
   * its whole transaction back. */
  if (!iop_access_check_audited (self, action, kind, record_id, participant_id, error))
    goto fail;

  stmt = iop_store_prepare (self, "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1", error);
  if (stmt == NULL)
    goto fail;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0) + 1;
      prev = g_strdup (iop_column_text (stmt, 1));
    }
  else
    {
      id = 1;
      prev = g_strdup ("");
    }
  sqlite3_reset (stmt);

  at = iop_timestamp_now ();
  content = iop_audit_entry_content (id, at, self->actor, action, kind, record_id,
                                     participant_id, detail, prev);
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, content, -1);

  stmt = iop_store_prepare (self,
                            "INSERT INTO audit_log (id, at, staff_id, action, kind, record_id,"
                            " participant_id, detail, prev_hash, hash)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  iop_bind_text (stmt, 2, at);
  iop_bind_id_or_null (stmt, 3, self->actor);
  iop_bind_text (stmt, 4, action);
  iop_bind_text (stmt, 5, kind);
  iop_bind_id_or_null (stmt, 6, record_id);
  iop_bind_id_or_null (stmt, 7, participant_id);
  iop_bind_text (stmt, 8, detail);
  iop_bind_text (stmt, 9, prev);
  iop_bind_text (stmt, 10, hash);
  if (!iop_store_step_done (self, stmt, error))
    goto fail;

  iop_store_mark_changed (self, IOP_KIND_AUDIT);
  return iop_store_commit (self, error);

fail:
  iop_store_rollback (self);
  return FALSE;
}

/**
 * iop_store_emit_changed:
 * @self: an #IopStore
 * @kind: the kind of record
 *
 * Tells models that records of @kind changed (after a transaction commits).
 */
void
iop_store_emit_changed (IopStore   *self,
                        const char *kind)
{
  g_return_if_fail (IOP_IS_STORE (self));

  iop_store_mark_changed (self, kind);
}

/**
 * iop_store_checksum:
 * @self: an #IopStore
 * @error: return location for a #GError
 *
 * A SHA-256 over every row of every table, in a stable order. Tests use it to
 * prove that a refused change left the database exactly as it was.
 *
 * Returns: (transfer full) (nullable): the hex digest
 */
char *
iop_store_checksum (IopStore  *self,
                    GError   **error)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (IOP_IS_STORE (self), NULL);

  stmt = iop_store_prepare (self,
                            "SELECT name FROM sqlite_schema WHERE type = 'table'"
                            " AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%'"
                            " ORDER BY name", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup (iop_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      iop_store_set_error (self, error);
      return NULL;
    }

  for (guint i = 0; i < tables->len; i++)
    {
      /* Table names come from sqlite_schema, never from input. */
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"", (char *) g_ptr_array_index (tables, i));
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
      sqlite3_stmt *select;

      if (sqlite3_prepare_v2 (self->db, sql, -1, &select, NULL) != SQLITE_OK)
        {
          iop_store_set_error (self, error);
          return NULL;
        }
      /* Hash each row, then the sorted row hashes: independent of storage order. */
      while ((rc = sqlite3_step (select)) == SQLITE_ROW)
        {
          g_autoptr(GChecksum) row = g_checksum_new (G_CHECKSUM_SHA256);

          for (int c = 0; c < sqlite3_column_count (select); c++)
            {
              const guchar *text = sqlite3_column_text (select, c);
              g_checksum_update (row, text != NULL ? text : (const guchar *) "\x01NULL", -1);
              g_checksum_update (row, (const guchar *) "\x1f", 1);
            }
          g_ptr_array_add (rows, g_strdup (g_checksum_get_string (row)));
        }
      /* A read that stopped early (busy, I/O error, cancelled) is no checksum. */
      if (rc != SQLITE_DONE)
        {
          iop_store_set_error (self, error);
          sqlite3_finalize (select);
          return NULL;
        }
      sqlite3_finalize (select);
      g_ptr_array_sort (rows, compare_names);
      g_checksum_update (sum, (const guchar *) sql, -1);
      for (guint r = 0; r < rows->len; r++)
        g_checksum_update (sum, g_ptr_array_index (rows, r), -1);
    }

  return g_strdup (g_checksum_get_string (sum));
}

/* Access state, for src/core/iop-access.c (iop-access-private.h) */

void
iop_store_enter_system (IopStore *self)
{
  g_return_if_fail (IOP_IS_STORE (self));

  self->system_depth++;
}

void
iop_store_leave_system (IopStore *self)
{
  g_return_if_fail (IOP_IS_STORE (self));
  g_return_if_fail (self->system_depth > 0);

  self->system_depth--;
}

gboolean
iop_store_in_system_mode (IopStore *self)
{
  return self->system_depth > 0;
}

void
iop_store_trust_system_actor (IopStore *self,
                              gboolean  trust)
{
  g_return_if_fail (IOP_IS_STORE (self));

  self->trust_system = trust;
}

void
iop_store_trust_system_actor_by_default (gboolean trust)
{
  default_trust = trust;
}

gboolean
iop_store_get_trust_system_actor (IopStore *self)
{
  return self->trust_system;
}

void
iop_store_set_locked (IopStore *self,
                      gboolean  locked)
{
  g_return_if_fail (IOP_IS_STORE (self));

  self->locked = locked;
}

gboolean
iop_store_get_locked (IopStore *self)
{
  return self->locked;
}

static gboolean
sync_directory (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  gboolean ok;

  if (fd < 0)
    return FALSE;
  ok = fsync (fd) == 0;
  close (fd);
  return ok;
}

/**
 * iop_store_replace_database:
 * @self: an #IopStore with no open transaction
 * @contents: the complete, already verified database file
 * @aside_path: where the current database is kept
 * @error: return location for a #GError
 *
 * Closes the connection, moves the current database to @aside_path, writes
 * @contents in its place (0600, durably) and opens it again, migrating it if it
 * is older. On any failure the current database is put back and reopened.
 */
gboolean
iop_store_replace_database (IopStore    *self,
                            GBytes      *contents,
                            const char  *aside_path,
                            GError     **error)
{
  g_autoptr(GError) reopen_error = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *shm = NULL;
  const char *data;
  gsize len;

  g_return_val_if_fail (IOP_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->txn_depth == 0, FALSE);
  g_return_val_if_fail (self->db != NULL, FALSE);

  /* Fold the write-ahead log into the file, so the file alone is the whole database. */
  if (!iop_store_exec (self, "PRAGMA wal_checkpoint(TRUNCATE)", error))
    return FALSE;
  iop_store_close (self);

  wal = g_strconcat (self->path, "-wal", NULL);
  shm = g_strconcat (self->path, "-shm", NULL);
  g_unlink (wal);
  g_unlink (shm);

  if (g_rename (self->path, aside_path) != 0)
    {
      int saved = errno;

      g_set_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_FAILED,
                   _("Could not set the current database aside: %s"), g_strerror (saved));
      open_connection (self, G_MAXUINT, TRUE, NULL);
      return FALSE;
    }
  g_chmod (aside_path, 0600);

  data = g_bytes_get_data (contents, &len);
  if (!g_file_set_contents_full (self->path, data, len,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, error)
      || !open_connection (self, G_MAXUINT, TRUE, &reopen_error))
    {
      if (reopen_error != NULL)
        g_propagate_error (error, g_steal_pointer (&reopen_error));
      if (self->db != NULL)
        {
          sqlite3_close_v2 (self->db);
          self->db = NULL;
        }
      g_hash_table_remove_all (self->statements);
      g_unlink (wal);
      g_unlink (shm);
      g_unlink (self->path);
      g_rename (aside_path, self->path);
      sync_directory (self->path);
      open_connection (self, G_MAXUINT, TRUE, NULL);
      return FALSE;
    }

  sync_directory (self->path);
  return TRUE;
}
