/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "iop-store.h"

G_BEGIN_DECLS

#define IOP_TYPE_CONSENTS_SECTION (iop_consents_section_get_type ())
G_DECLARE_FINAL_TYPE (IopConsentsSection, iop_consents_section, IOP, CONSENTS_SECTION, AdwBin)

GtkWidget  *iop_consents_section_new               (IopStore           *store);
void        iop_consents_section_set_participant_id (IopConsentsSection *self,
                                                    gint64              participant_id);
GListModel *iop_consents_section_get_consents      (IopConsentsSection *self);
GListModel *iop_consents_section_get_disclosures   (IopConsentsSection *self);
GtkWindow  *iop_consents_section_add_dialog        (IopConsentsSection *self);
gboolean    iop_consents_section_add               (IopConsentsSection *self,
                                                    const char         *recipient,
                                                    const char         *purpose,
                                                    const char         *scope,
                                                    const char         *signed_on,
                                                    const char         *expires_on);
gboolean    iop_consents_section_revoke            (IopConsentsSection *self,
                                                    gint64              consent_id,
                                                    const char         *date);

G_END_DECLS
