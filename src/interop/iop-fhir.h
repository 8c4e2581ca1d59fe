/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libxml/tree.h>

#include "iop-store-exchange.h"

G_BEGIN_DECLS

#define IOP_FHIR_NAMESPACE "http://hl7.org/fhir"

const char  *iop_fhir_schema_path   (void);
xmlDoc      *iop_fhir_build         (IopExchangeParticipant  *participant,
                                     GError                 **error);
xmlDoc      *iop_fhir_build_collection (IopExchange          *exchange,
                                     GError                 **error);
gboolean     iop_fhir_write_file    (IopExchange             *exchange,
                                     const char              *path,
                                     GError                 **error);
IopExchange *iop_fhir_parse         (xmlDoc                  *doc,
                                     GError                 **error);

G_END_DECLS
