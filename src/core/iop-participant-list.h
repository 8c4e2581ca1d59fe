/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "iop-participant.h"
#include "iop-store.h"

G_BEGIN_DECLS

#define IOP_TYPE_PARTICIPANT_LIST (iop_participant_list_get_type ())
G_DECLARE_FINAL_TYPE (IopParticipantList, iop_participant_list, IOP, PARTICIPANT_LIST, GObject)

IopParticipantList *iop_participant_list_new          (IopStore           *store);
void                iop_participant_list_set_filter   (IopParticipantList *self,
                                                       const char         *text);
const char         *iop_participant_list_get_filter   (IopParticipantList *self);
void                iop_participant_list_set_active_only (IopParticipantList *self,
                                                       gboolean            active_only);
gboolean            iop_participant_list_get_active_only (IopParticipantList *self);
void                iop_participant_list_reload       (IopParticipantList *self);
guint               iop_participant_list_count_in_scope (IopParticipantList *self);
guint               iop_participant_list_find         (IopParticipantList *self,
                                                       gint64              participant_id);
gint64              iop_participant_list_get_id       (IopParticipantList *self,
                                                       guint               position);

G_END_DECLS
