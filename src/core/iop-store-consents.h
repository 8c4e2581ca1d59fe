/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Consents and disclosures (42 CFR Part 2): what a participant allowed to be
 * disclosed to whom, and every disclosure made under such a consent. */

#include "iop-consent.h"
#include "iop-disclosure.h"
#include "iop-store.h"

G_BEGIN_DECLS

gboolean    iop_store_add_consent        (IopStore    *self,
                                          IopConsent  *consent,
                                          GError     **error);
gboolean    iop_store_revoke_consent     (IopStore    *self,
                                          gint64       consent_id,
                                          const char  *date,
                                          GError     **error);
IopConsent *iop_store_get_consent        (IopStore    *self,
                                          gint64       consent_id,
                                          GError     **error);
GListModel *iop_store_list_consents      (IopStore    *self,
                                          gint64       participant_id,
                                          GError     **error);
gboolean    iop_store_check_consent      (IopStore    *self,
                                          gint64       consent_id,
                                          gint64       participant_id,
                                          const char  *recipient,
                                          const char  *date,
                                          GError     **error);
gboolean    iop_store_record_disclosure  (IopStore    *self,
                                          gint64       participant_id,
                                          gint64       consent_id,
                                          const char  *recipient,
                                          const char  *what,
                                          gint64      *out_id,
                                          GError     **error);
GListModel *iop_store_list_disclosures   (IopStore    *self,
                                          gint64       participant_id,
                                          GError     **error);

const char *iop_disclosure_notice        (void);
char       *iop_disclosure_notice_for    (const char  *recipient,
                                          gint64       consent_id);

G_END_DECLS
