/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libxml/tree.h>

#include "iop-store-exchange.h"

G_BEGIN_DECLS

#define IOP_NATIVE_NAMESPACE "urn:example:iop:plan:1"

const char  *iop_native_schema_path  (void);
xmlDoc      *iop_native_build        (IopExchange  *exchange,
                                      GError      **error);
gboolean     iop_native_write_file   (IopExchange  *exchange,
                                      const char   *path,
                                      GError      **error);
IopExchange *iop_native_parse        (xmlDoc       *doc,
                                      GError      **error);

G_END_DECLS
