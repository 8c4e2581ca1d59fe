/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "iop-store.h"

G_BEGIN_DECLS

#define IOP_BACKUP_ERROR (iop_backup_error_quark ())

/**
 * IopBackupError:
 * @IOP_BACKUP_ERROR_FAILED: the file could not be read or written
 * @IOP_BACKUP_ERROR_NEEDS_PASSPHRASE: the file is encrypted and no passphrase was given
 * @IOP_BACKUP_ERROR_WRONG_PASSPHRASE: the passphrase does not open the file (or it was altered)
 * @IOP_BACKUP_ERROR_DAMAGED: the file is not a whole, consistent Circle database
 */
typedef enum {
  IOP_BACKUP_ERROR_FAILED,
  IOP_BACKUP_ERROR_NEEDS_PASSPHRASE,
  IOP_BACKUP_ERROR_WRONG_PASSPHRASE,
  IOP_BACKUP_ERROR_DAMAGED,
} IopBackupError;

GQuark    iop_backup_error_quark        (void);

char     *iop_backup_default_folder     (void);
gboolean  iop_backup_write              (IopStore     *store,
                                         const char   *path,
                                         const char   *passphrase,
                                         GError      **error);
char     *iop_backup_run_automatic      (IopStore     *store,
                                         const char   *folder,
                                         guint         interval_hours,
                                         guint         keep,
                                         GError      **error);
gboolean  iop_backup_verify_file        (const char   *path,
                                         const char   *passphrase,
                                         GPtrArray    *report,
                                         GError      **error);
gboolean  iop_backup_restore            (IopStore     *store,
                                         const char   *path,
                                         const char   *passphrase,
                                         char        **out_aside_path,
                                         GError      **error);
gboolean  iop_backup_check_database     (const char   *path,
                                         gboolean     *all_hold,
                                         GPtrArray    *report,
                                         GError      **error);

gboolean  iop_backup_is_encrypted_file  (const char   *path);
GBytes   *iop_backup_encrypt            (GBytes       *plain,
                                         const char   *passphrase,
                                         GError      **error);
GBytes   *iop_backup_decrypt            (GBytes       *sealed,
                                         const char   *passphrase,
                                         GError      **error);
gboolean  iop_backup_encrypt_file       (const char   *path,
                                         const char   *passphrase,
                                         GError      **error);

G_END_DECLS
