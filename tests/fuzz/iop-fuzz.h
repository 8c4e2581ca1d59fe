/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <stddef.h>

#include "iop-plan-import.h"
#include "iop-xml-reader.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

/*
 * One input through the importer: safe parse, format detection, schema
 * validation, mapping. Anything may be refused; nothing may crash, leak or
 * read outside the input. An input of the other format is still parsed (the
 * reader is shared), just not mapped.
 */
static inline int
iop_fuzz_import (const guint8  *data,
                 size_t         size,
                 IopPlanFormat  wanted)
{
  g_autoptr(GError) error = NULL;
  IopPlanFormat format = wanted;
  IopExchange *exchange;

  exchange = iop_plan_import_read_memory ((const char *) data, size, "fuzz.xml", &format, &error);
  if (exchange != NULL)
    {
      /* Touch what a preview would show. */
      for (guint i = 0; i < exchange->participants->len; i++)
        g_assert_nonnull (((IopExchangeParticipant *) g_ptr_array_index (exchange->participants, i))->record_number);
      iop_exchange_free (exchange);
    }
  else
    g_assert_nonnull (error);
  return 0;
}
