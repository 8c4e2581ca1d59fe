/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "iop-participant-page.h"
#include "iop-store.h"

G_BEGIN_DECLS

#define IOP_TYPE_CULTURAL_PROFILE_SECTION (iop_cultural_profile_section_get_type ())
G_DECLARE_FINAL_TYPE (IopCulturalProfileSection, iop_cultural_profile_section, IOP, CULTURAL_PROFILE_SECTION, GtkBox)

/* Adds the section to @page's sections, following its store and participant. */
IopCulturalProfileSection *iop_cultural_profile_section_attach (IopParticipantPage *page);

/* For tests: what a person sees. */
char       *iop_cultural_profile_section_dup_text    (IopCulturalProfileSection *self);
GListModel *iop_cultural_profile_section_get_notes   (IopCulturalProfileSection *self);
gboolean    iop_cultural_profile_section_has_profile (IopCulturalProfileSection *self);

G_END_DECLS
