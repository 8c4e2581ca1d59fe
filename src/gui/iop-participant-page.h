/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "iop-participant.h"
#include "iop-store.h"

G_BEGIN_DECLS

#define IOP_TYPE_PARTICIPANT_PAGE (iop_participant_page_get_type ())
G_DECLARE_FINAL_TYPE (IopParticipantPage, iop_participant_page, IOP, PARTICIPANT_PAGE, AdwBin)

GtkWidget      *iop_participant_page_new                (IopStore           *store);
void            iop_participant_page_set_store          (IopParticipantPage *self,
                                                         IopStore           *store);
void            iop_participant_page_set_participant_id (IopParticipantPage *self,
                                                         gint64              participant_id);
gint64          iop_participant_page_get_participant_id (IopParticipantPage *self);
IopParticipant *iop_participant_page_get_participant    (IopParticipantPage *self);
const char     *iop_participant_page_get_title          (IopParticipantPage *self);

/* Later areas (sessions, hours, plan, measures, cultural profile) append an
 * AdwPreferencesGroup to this box, and listen to "notify::participant-id". */
GtkBox         *iop_participant_page_get_sections_box   (IopParticipantPage *self);

/* For tests: the participant's groups, as #IopEnrollment items. */
GListModel     *iop_participant_page_get_enrollments    (IopParticipantPage *self);

G_END_DECLS
