/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "iop-store.h"

G_BEGIN_DECLS

#define IOP_TYPE_CONSENT_CHOOSER (iop_consent_chooser_get_type ())
G_DECLARE_FINAL_TYPE (IopConsentChooser, iop_consent_chooser, IOP, CONSENT_CHOOSER, AdwMessageDialog)

IopConsentChooser *iop_consent_chooser_new          (GtkWindow          *parent,
                                                     IopStore           *store,
                                                     gint64              participant_id,
                                                     const char         *what);
guint              iop_consent_chooser_get_n_consents (IopConsentChooser *self);
void               iop_consent_chooser_select       (IopConsentChooser  *self,
                                                     gint64              consent_id);
gint64             iop_consent_chooser_get_selected (IopConsentChooser  *self);
gboolean           iop_consent_chooser_disclose     (IopConsentChooser  *self,
                                                     GError            **error);
const char        *iop_consent_chooser_get_notice   (IopConsentChooser  *self);
void               iop_consent_chooser_set_deferred (IopConsentChooser  *self,
                                                     gboolean            deferred);

G_END_DECLS
