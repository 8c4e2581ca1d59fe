/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "iop-participant-page.h"
#include "iop-plans-export-dialog.h"
#include "iop-store.h"

G_BEGIN_DECLS

#define IOP_TYPE_PARTICIPANTS_VIEW (iop_participants_view_get_type ())
G_DECLARE_FINAL_TYPE (IopParticipantsView, iop_participants_view, IOP, PARTICIPANTS_VIEW, AdwBin)

GtkWidget          *iop_participants_view_new                  (IopStore            *store);
void                iop_participants_view_show_participant     (IopParticipantsView *self,
                                                                gint64               participant_id);
void                iop_participants_view_show_list            (IopParticipantsView *self);

/* For tests: what a person sees and types into. */
GtkSearchEntry     *iop_participants_view_get_search_entry     (IopParticipantsView *self);
GtkToggleButton    *iop_participants_view_get_discharged_toggle (IopParticipantsView *self);
GListModel         *iop_participants_view_get_model            (IopParticipantsView *self);
const char         *iop_participants_view_get_visible_page     (IopParticipantsView *self);
AdwStatusPage      *iop_participants_view_get_no_match_page    (IopParticipantsView *self);
IopParticipantPage *iop_participants_view_get_participant_page (IopParticipantsView *self);

/* Selection mode: tick participants, then export their plans. */
gboolean            iop_participants_view_get_selection_mode   (IopParticipantsView *self);
void                iop_participants_view_set_selection_mode   (IopParticipantsView *self,
                                                                gboolean             selection_mode);
GtkSelectionModel  *iop_participants_view_get_selection        (IopParticipantsView *self);
GArray             *iop_participants_view_get_selected_ids     (IopParticipantsView *self);
const char         *iop_participants_view_get_selected_text    (IopParticipantsView *self);
IopPlansExportDialog *iop_participants_view_open_export_dialog (IopParticipantsView *self);
void                iop_participants_view_export_selection_to_file (IopParticipantsView *self,
                                                                const char          *format,
                                                                GFile               *file,
                                                                GCancellable        *cancellable,
                                                                GAsyncReadyCallback  callback,
                                                                gpointer             user_data);

G_END_DECLS
