/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "iop-group-page.h"
#include "iop-store.h"

G_BEGIN_DECLS

#define IOP_TYPE_CULTURAL_GROUP_SECTION (iop_cultural_group_section_get_type ())
G_DECLARE_FINAL_TYPE (IopCulturalGroupSection, iop_cultural_group_section, IOP, CULTURAL_GROUP_SECTION, GtkBox)

/* Adds the section to @page's sections, following its store and group. */
IopCulturalGroupSection *iop_cultural_group_section_attach (IopGroupPage *page);

/* For tests: what a person sees. */
char       *iop_cultural_group_section_dup_text     (IopCulturalGroupSection *self);
GListModel *iop_cultural_group_section_get_notes    (IopCulturalGroupSection *self);
guint       iop_cultural_group_section_get_n_conflict_rows (IopCulturalGroupSection *self);

G_END_DECLS
