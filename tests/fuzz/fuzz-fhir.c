/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "iop-fuzz.h"

/* libFuzzer target for the import of HL7 FHIR R4 XML. */
int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  return iop_fuzz_import (data, size, IOP_PLAN_FORMAT_FHIR);
}
