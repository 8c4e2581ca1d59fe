/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-validation"

#include "config.h"

#include "iop-store.h"
#include "iop-validation.h"

gboolean
iop_validation_error (GError     **error,
                      const char  *message)
{
  g_set_error_literal (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID, message);
  return FALSE;
}

/**
 * iop_text_is_blank:
 * @text: (nullable): text
 *
 * Returns: %TRUE when @text is %NULL, empty or only white space
 */
gboolean
iop_text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}
