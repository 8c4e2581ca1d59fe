/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "iop-store.h"

G_BEGIN_DECLS

#define IOP_TYPE_CULTURAL_PANEL (iop_cultural_panel_get_type ())
G_DECLARE_FINAL_TYPE (IopCulturalPanel, iop_cultural_panel, IOP, CULTURAL_PANEL, AdwBin)

/*
 * A compact panel for documenting a session: each attending member's
 * communication preferences and accommodations, and any observance that
 * falls during this session.
 */
GtkWidget *iop_cultural_panel_new              (IopStore         *store);
void       iop_cultural_panel_set_store        (IopCulturalPanel *self,
                                                IopStore         *store);
void       iop_cultural_panel_set_participants (IopCulturalPanel *self,
                                                const gint64     *participant_ids,
                                                guint             n_participants);
void       iop_cultural_panel_set_session      (IopCulturalPanel *self,
                                                gint64            session_id);
void       iop_cultural_panel_set_session_time (IopCulturalPanel *self,
                                                const char       *date,
                                                const char       *start_time,
                                                int               duration_minutes);

/* For tests: what a person reads, one member's block per paragraph. */
char      *iop_cultural_panel_dup_text         (IopCulturalPanel *self);
guint      iop_cultural_panel_get_n_members    (IopCulturalPanel *self);

G_END_DECLS
