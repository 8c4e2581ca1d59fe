/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "iop-store.h"

G_BEGIN_DECLS

void        iop_cli_add_options        (GApplication *app);
gboolean    iop_cli_handle             (GApplication *app,
                                        GVariantDict *options,
                                        int          *exit_status);
const char *iop_cli_get_database_path  (void);
void        iop_cli_sign_in_from_environment (IopStore *store);

G_END_DECLS
