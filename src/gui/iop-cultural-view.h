/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "iop-store.h"

G_BEGIN_DECLS

#define IOP_TYPE_CULTURAL_VIEW (iop_cultural_view_get_type ())
G_DECLARE_FINAL_TYPE (IopCulturalView, iop_cultural_view, IOP, CULTURAL_VIEW, AdwBin)

GtkWidget      *iop_cultural_view_new              (IopStore        *store);
void            iop_cultural_view_reload           (IopCulturalView *self);

/* For tests: what a person sees. */
GListModel     *iop_cultural_view_get_gaps         (IopCulturalView *self);
GListModel     *iop_cultural_view_get_notes        (IopCulturalView *self);
GtkSearchEntry *iop_cultural_view_get_search_entry (IopCulturalView *self);
AdwViewStack   *iop_cultural_view_get_stack        (IopCulturalView *self);

G_END_DECLS
