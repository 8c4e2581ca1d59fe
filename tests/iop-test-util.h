/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "iop-store.h"

G_BEGIN_DECLS

/* A private temporary folder per test process, removed at exit. */
const char *iop_test_tmpdir        (void);
char       *iop_test_db_path       (const char *name);
IopStore   *iop_test_open_store    (const char *name);
IopStore   *iop_test_open_strict   (const char *name);
void        iop_test_load_sample   (IopStore   *store);
void        iop_test_add_admin     (IopStore   *store);
void        iop_test_sign_in       (IopStore   *store,
                                    const char *username);
IopStore   *iop_test_open_sample   (const char *name);
char       *iop_test_checksum      (IopStore   *store);
gboolean    iop_test_run_circle    (const char * const *args,
                                    char       **out_stdout,
                                    char       **out_stderr,
                                    int         *out_status);

#define iop_assert_unchanged(store, before) \
  G_STMT_START { g_autofree char *__after = iop_test_checksum (store); \
                 g_assert_cmpstr (__after, ==, before); } G_STMT_END

G_END_DECLS
