/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "iop-store-exchange.h"

G_BEGIN_DECLS

typedef enum {
  IOP_PLAN_FORMAT_NATIVE,
  IOP_PLAN_FORMAT_FHIR,
} IopPlanFormat;

IopExchange *iop_plan_import_read_file    (const char     *path,
                                           IopPlanFormat  *format,
                                           GError        **error);
IopExchange *iop_plan_import_read_memory  (const char     *data,
                                           gsize           len,
                                           const char     *display_name,
                                           IopPlanFormat  *format,
                                           GError        **error);
const char  *iop_plan_format_to_string    (IopPlanFormat   format);

G_END_DECLS
