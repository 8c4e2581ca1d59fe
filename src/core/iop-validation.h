/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Sets an IOP_STORE_ERROR_INVALID error with @message (already translated). Returns FALSE. */
gboolean iop_validation_error (GError     **error,
                               const char  *message);

gboolean iop_text_is_blank    (const char  *text);

G_END_DECLS
