/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * Include instead of <glib/gi18n-lib.h> in files whose strings end up on
 * printed documents (labels, document text). `_()`, `C_()` and
 * g_dngettext() then look strings up through iop_gettext() and friends:
 * in the counselor's language as usual, or in the language of the catalog
 * pushed with iop_catalog_push_thread_default() while a document for a
 * member is being made. xgettext still sees the usual keywords.
 */

#include <glib/gi18n-lib.h>
#include <string.h>

#include "iop-catalog.h"

#undef _
#define _(String) ((char *) iop_gettext (String))
#undef C_
#define C_(Context, String) iop_pgettext (Context "\004" String, strlen (Context) + 1)
#define g_dngettext(Domain, Msgid, Plural, N) iop_ngettext (Msgid, Plural, N)
