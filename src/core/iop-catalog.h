/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * IopCatalog:
 *
 * Circle's translations for one language, read from its compiled message
 * catalog, for documents printed in a language other than the counselor's
 * (a member's copy in the member's preferred language). While a catalog is
 * the thread's default, iop_gettext() and friends — and with them `_()` and
 * `C_()` in files that include iop-i18n.h — answer in its language; other
 * threads and the rest of the application are unaffected.
 */
typedef struct _IopCatalog IopCatalog;

#define IOP_TYPE_CATALOG (iop_catalog_get_type ())
GType        iop_catalog_get_type                   (void) G_GNUC_CONST;

IopCatalog  *iop_catalog_new_for_language           (const char  *language);
IopCatalog  *iop_catalog_new_from_file              (const char  *path,
                                                     const char  *language,
                                                     GError     **error);
IopCatalog  *iop_catalog_ref                        (IopCatalog  *self);
void         iop_catalog_unref                      (IopCatalog  *self);
const char  *iop_catalog_get_language               (IopCatalog  *self);
const char  *iop_catalog_lookup                     (IopCatalog  *self,
                                                     const char  *msgid);
const char  *iop_catalog_lookup_plural              (IopCatalog  *self,
                                                     const char  *msgid,
                                                     const char  *msgid_plural,
                                                     gulong       n);

char        *iop_language_code_from_name            (const char  *name);

void         iop_catalog_push_thread_default        (IopCatalog  *self);
void         iop_catalog_pop_thread_default         (IopCatalog  *self);
IopCatalog  *iop_catalog_get_thread_default         (void);

const char  *iop_gettext                            (const char  *msgid);
const char  *iop_pgettext                           (const char  *msgctxt_id,
                                                     gsize        msgid_offset);
const char  *iop_ngettext                           (const char  *msgid,
                                                     const char  *msgid_plural,
                                                     gulong       n);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IopCatalog, iop_catalog_unref)

G_END_DECLS
