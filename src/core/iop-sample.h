/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "iop-store.h"

G_BEGIN_DECLS

gboolean iop_sample_load (IopStore  *store,
                          GError   **error);

G_END_DECLS
