/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "iop-staff-row.h"
#include "iop-store-sessions.h"

G_BEGIN_DECLS

#define IOP_TYPE_SESSION_EDITOR (iop_session_editor_get_type ())
G_DECLARE_FINAL_TYPE (IopSessionEditor, iop_session_editor, IOP, SESSION_EDITOR, AdwBin)

GtkWidget     *iop_session_editor_new                   (IopStore         *store);
void           iop_session_editor_set_store             (IopSessionEditor *self,
                                                         IopStore         *store);
void           iop_session_editor_set_session_id        (IopSessionEditor *self,
                                                         gint64            session_id);
gint64         iop_session_editor_get_session_id        (IopSessionEditor *self);
IopSession    *iop_session_editor_get_session           (IopSessionEditor *self);
const char    *iop_session_editor_get_title             (IopSessionEditor *self);
void           iop_session_editor_flush                 (IopSessionEditor *self);

/* For tests: the widgets a person works with. */
GtkDropDown   *iop_session_editor_get_status_dropdown   (IopSessionEditor *self,
                                                         gint64            participant_id);
GtkSpinButton *iop_session_editor_get_minutes_spin      (IopSessionEditor *self,
                                                         gint64            participant_id);
GtkDropDown   *iop_session_editor_get_participation_dropdown (IopSessionEditor *self,
                                                         gint64            participant_id);
GtkTextBuffer *iop_session_editor_get_note_buffer       (IopSessionEditor *self,
                                                         gint64            participant_id,
                                                         guint             field);
GtkLabel      *iop_session_editor_get_name_warning      (IopSessionEditor *self,
                                                         gint64            participant_id);
GtkTextBuffer *iop_session_editor_get_interventions_buffer (IopSessionEditor *self);
GtkTextBuffer *iop_session_editor_get_process_buffer    (IopSessionEditor *self);
GtkEditable   *iop_session_editor_get_topic_editable    (IopSessionEditor *self);
GtkEditable   *iop_session_editor_get_location_editable (IopSessionEditor *self);
GtkEditable   *iop_session_editor_get_start_editable    (IopSessionEditor *self);
GtkSpinButton *iop_session_editor_get_duration_spin     (IopSessionEditor *self);
IopStaffRow   *iop_session_editor_get_facilitator_row   (IopSessionEditor *self,
                                                         gboolean          co);
AdwComboRow   *iop_session_editor_get_climate_row       (IopSessionEditor *self,
                                                         IopClimate        which);
const char    *iop_session_editor_get_state_text        (IopSessionEditor *self);

G_END_DECLS
