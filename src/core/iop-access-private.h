/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Only for src/core (and tests): the access state kept by the store, the check
 * iop_store_audit() runs before every entry, and the audit chain over a raw
 * connection (for --check and for restores, before a file becomes a store). */

#include <sqlite3.h>

#include "iop-store.h"

G_BEGIN_DECLS

/* Circle itself acts (actor 0) only while loading the sample program into an empty
 * database and while creating the first administrator of a database with no staff.
 * Migrations write no audit entries and need no permission. */
void      iop_store_enter_system            (IopStore     *self);
void      iop_store_leave_system            (IopStore     *self);
gboolean  iop_store_in_system_mode          (IopStore     *self);

/* Tests of other areas' rules run without roles: actor 0 may write, and no
 * actor's role is checked. Never called outside tests/; tests/test-access.c
 * and the other safety tests open their stores without it. */
void      iop_store_trust_system_actor      (IopStore     *self,
                                             gboolean      trust);
gboolean  iop_store_get_trust_system_actor  (IopStore     *self);
void      iop_store_trust_system_actor_by_default (gboolean trust);

void      iop_store_set_locked              (IopStore     *self,
                                             gboolean      locked);
gboolean  iop_store_get_locked              (IopStore     *self);

guint     iop_access_count_staff            (IopStore     *self);

gboolean  iop_access_check_audited          (IopStore     *self,
                                             const char   *action,
                                             const char   *kind,
                                             gint64        record_id,
                                             gint64        participant_id,
                                             GError      **error);

/* Sets a passphrase hash without a permission check: the sample program only. */
char     *iop_access_hash_passphrase        (const char   *passphrase,
                                             GError      **error);
gboolean  iop_access_store_credentials      (IopStore     *self,
                                             gint64        staff_id,
                                             const char   *hash,
                                             GError      **error);

/* Tests only: Argon2id with libsodium's minimum limits, so tests stay fast. */
void      iop_access_use_fast_hashing       (gboolean      fast);
gboolean  iop_access_get_fast_hashing       (void);

/* Whether statfs()'s f_type names a network filesystem Circle refuses. */
gboolean  iop_store_fs_type_is_network      (unsigned long f_type);

gboolean  iop_store_replace_database        (IopStore     *self,
                                             GBytes       *contents,
                                             const char   *aside_path,
                                             GError      **error);

/* Walks the audit chain of @db. Returns FALSE with @error on a database error;
 * otherwise TRUE, with *@first_broken the first entry that fails (0: none). */
gboolean  iop_audit_verify_db               (sqlite3      *db,
                                             gint64       *n_entries,
                                             gint64       *first_broken,
                                             GError      **error);

G_END_DECLS
