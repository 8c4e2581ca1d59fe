/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Only for src/core: the statements behind the store's public functions. */

#include <sqlite3.h>

#include "iop-store.h"

G_BEGIN_DECLS

sqlite3      *iop_store_get_db            (IopStore      *self);
sqlite3_stmt *iop_store_prepare           (IopStore      *self,
                                           const char    *sql,
                                           GError       **error);
gboolean      iop_store_exec              (IopStore      *self,
                                           const char    *sql,
                                           GError       **error);
gboolean      iop_store_step_done         (IopStore      *self,
                                           sqlite3_stmt  *stmt,
                                           GError       **error);
void          iop_store_set_error         (IopStore      *self,
                                           GError       **error);
void          iop_store_mark_changed      (IopStore      *self,
                                           const char    *kind);

/* Binding helpers: NULL or empty optional text binds NULL where the column allows it. */
void          iop_bind_text               (sqlite3_stmt  *stmt,
                                           int            index,
                                           const char    *text);
void          iop_bind_text_or_null       (sqlite3_stmt  *stmt,
                                           int            index,
                                           const char    *text);
void          iop_bind_id_or_null         (sqlite3_stmt  *stmt,
                                           int            index,
                                           gint64         id);
const char   *iop_column_text             (sqlite3_stmt  *stmt,
                                           int            column);

/* Runs @body inside a transaction: commits when it returns TRUE, rolls back otherwise. */
typedef gboolean (*IopStoreTxnFunc) (IopStore  *self,
                                     gpointer   user_data,
                                     GError   **error);
gboolean      iop_store_transaction       (IopStore        *self,
                                           IopStoreTxnFunc  body,
                                           gpointer         user_data,
                                           GError         **error);

/* The text the audit chain hashes for one entry. */
char         *iop_audit_entry_content     (gint64         id,
                                           const char    *at,
                                           gint64         staff_id,
                                           const char    *action,
                                           const char    *kind,
                                           gint64         record_id,
                                           gint64         participant_id,
                                           const char    *detail,
                                           const char    *prev_hash);

G_END_DECLS
