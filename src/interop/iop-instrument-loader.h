/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Reads instrument definitions (the XML files in data/instruments) through the safe XML
 * reader, validated against data/schemas/instrument.xsd. */

#include "iop-instrument.h"

G_BEGIN_DECLS

char                  *iop_instrument_data_dir          (void);
char                  *iop_instrument_user_dir          (void);
char                  *iop_instrument_schema_path       (void);

IopInstrument         *iop_instrument_load_file         (const char   *path,
                                                         const char   *xsd_path,
                                                         GError      **error);
IopInstrument         *iop_instrument_load_memory       (const char   *data,
                                                         gsize         len,
                                                         const char   *display_name,
                                                         const char   *xsd_path,
                                                         GError      **error);
IopInstrumentRegistry *iop_instrument_registry_load     (const char * const *dirs,
                                                         const char   *xsd_path,
                                                         GPtrArray   **out_refused,
                                                         GError      **error);
IopInstrumentRegistry *iop_instrument_registry_load_default (GPtrArray **out_refused,
                                                         GError      **error);
IopInstrumentRegistry *iop_instrument_registry_ensure_default (GPtrArray **out_refused,
                                                         GError      **error);
GStrv                  iop_instrument_registry_dup_default_refused (void);

G_END_DECLS
