/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "iop-document.h"
#include "iop-store.h"

G_BEGIN_DECLS

/**
 * IopPrintNames:
 * @IOP_PRINT_NAMES_SHORT: preferred (or first) name and last initial, “Mari L.”
 * @IOP_PRINT_NAMES_FULL: full legal names with the preferred name
 *
 * How members are named in a session summary (the names-in-printouts setting).
 */
typedef enum {
  IOP_PRINT_NAMES_SHORT,
  IOP_PRINT_NAMES_FULL,
} IopPrintNames;

IopDocument *iop_session_summary_document     (IopStore       *store,
                                               gint64          session_id,
                                               const char     *program_name,
                                               IopPrintNames   names,
                                               GError        **error);
IopDocument *iop_session_member_copy_document (IopStore       *store,
                                               gint64          session_id,
                                               gint64          participant_id,
                                               const char     *program_name,
                                               GError        **error);
IopDocument *iop_session_sign_in_document     (IopStore       *store,
                                               gint64          session_id,
                                               const char     *program_name,
                                               GError        **error);

G_END_DECLS
