/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define IOP_STORE_ERROR (iop_store_error_quark ())

/**
 * IopStoreError:
 * @IOP_STORE_ERROR_FAILED: an unexpected database failure
 * @IOP_STORE_ERROR_NOT_FOUND: the record does not exist
 * @IOP_STORE_ERROR_INVALID: the input breaks a validation rule
 * @IOP_STORE_ERROR_DUPLICATE: a unique value (record number, user name) is taken
 * @IOP_STORE_ERROR_CAPACITY: a group is at its maximum size
 * @IOP_STORE_ERROR_CLOSED: a closed group would take a new member
 * @IOP_STORE_ERROR_LOCKED: the record is signed and can only get addenda
 * @IOP_STORE_ERROR_BUSY: another program holds the database
 * @IOP_STORE_ERROR_FULL: the disk is full
 * @IOP_STORE_ERROR_READ_ONLY: the database cannot be written
 * @IOP_STORE_ERROR_CORRUPT: the database failed its integrity check
 * @IOP_STORE_ERROR_PERMISSION: the signed-in staff member may not do this
 * @IOP_STORE_ERROR_NEWER: the database was written by a newer Circle
 * @IOP_STORE_ERROR_UNSAFE_LOCATION: the database is on a network filesystem
 */
typedef enum {
  IOP_STORE_ERROR_FAILED,
  IOP_STORE_ERROR_NOT_FOUND,
  IOP_STORE_ERROR_INVALID,
  IOP_STORE_ERROR_DUPLICATE,
  IOP_STORE_ERROR_CAPACITY,
  IOP_STORE_ERROR_CLOSED,
  IOP_STORE_ERROR_LOCKED,
  IOP_STORE_ERROR_BUSY,
  IOP_STORE_ERROR_FULL,
  IOP_STORE_ERROR_READ_ONLY,
  IOP_STORE_ERROR_CORRUPT,
  IOP_STORE_ERROR_PERMISSION,
  IOP_STORE_ERROR_NEWER,
  IOP_STORE_ERROR_UNSAFE_LOCATION,
} IopStoreError;

GQuark iop_store_error_quark (void);

#define IOP_TYPE_STORE (iop_store_get_type ())
G_DECLARE_FINAL_TYPE (IopStore, iop_store, IOP, STORE, GObject)

/* Kinds of record, used for the "changed" signal and the audit log. */
#define IOP_KIND_STAFF        "staff"
#define IOP_KIND_PARTICIPANT  "participant"
#define IOP_KIND_GROUP        "group"
#define IOP_KIND_ENROLLMENT   "enrollment"
#define IOP_KIND_SETTING      "setting"
#define IOP_KIND_SESSION      "session"
#define IOP_KIND_PLAN         "plan"
#define IOP_KIND_MEASURE      "measure"
#define IOP_KIND_CULTURAL     "cultural"
#define IOP_KIND_CONSENT      "consent"
#define IOP_KIND_AUDIT        "audit"

/**
 * IopStoreOpenFlags:
 * @IOP_STORE_OPEN_NONE: check the database's integrity before returning
 * @IOP_STORE_OPEN_DEFER_CHECK: leave the integrity check to the caller, who runs
 *   iop_store_check_integrity() off the main thread so a large database opens at once
 */
typedef enum {
  IOP_STORE_OPEN_NONE        = 0,
  IOP_STORE_OPEN_DEFER_CHECK = 1 << 0,
} IopStoreOpenFlags;

char       *iop_store_default_path        (void);
guint       iop_store_latest_version      (void);

IopStore   *iop_store_open                (const char  *path,
                                           GError     **error);
IopStore   *iop_store_open_full           (const char         *path,
                                           IopStoreOpenFlags   flags,
                                           GError            **error);
IopStore   *iop_store_open_at_version     (const char  *path,
                                           guint        version,
                                           GError     **error);
gboolean    iop_store_check_integrity     (const char  *path,
                                           GError     **error);
void        iop_store_close               (IopStore    *self);
const char *iop_store_get_path            (IopStore    *self);
guint       iop_store_get_version         (IopStore    *self);
gboolean    iop_store_is_empty            (IopStore    *self);

gboolean    iop_store_begin               (IopStore    *self,
                                           GError     **error);
gboolean    iop_store_commit              (IopStore    *self,
                                           GError     **error);
void        iop_store_rollback            (IopStore    *self);

void        iop_store_set_actor           (IopStore    *self,
                                           gint64       staff_id);
gint64      iop_store_get_actor           (IopStore    *self);

char       *iop_store_get_setting         (IopStore    *self,
                                           const char  *key,
                                           const char  *default_value);
gint64      iop_store_get_setting_int     (IopStore    *self,
                                           const char  *key,
                                           gint64       default_value);
gboolean    iop_store_set_setting         (IopStore    *self,
                                           const char  *key,
                                           const char  *value,
                                           GError     **error);

gboolean    iop_store_audit               (IopStore    *self,
                                           const char  *action,
                                           const char  *kind,
                                           gint64       record_id,
                                           gint64       participant_id,
                                           const char  *detail,
                                           GError     **error);

void        iop_store_emit_changed        (IopStore    *self,
                                           const char  *kind);

char       *iop_store_checksum            (IopStore    *self,
                                           GError     **error);

void        iop_store_set_cancellable     (IopStore     *self,
                                           GCancellable *cancellable);

G_END_DECLS
