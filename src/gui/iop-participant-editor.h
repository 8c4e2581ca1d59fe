/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "iop-participant.h"
#include "iop-store.h"

G_BEGIN_DECLS

#define IOP_TYPE_PARTICIPANT_EDITOR (iop_participant_editor_get_type ())
G_DECLARE_FINAL_TYPE (IopParticipantEditor, iop_participant_editor, IOP, PARTICIPANT_EDITOR, AdwWindow)

IopParticipantEditor *iop_participant_editor_new             (IopStore             *store,
                                                              IopParticipant       *participant);

/* For tests: the form's entry rows by field name ("record-number",
 * "first-name", "last-name", "preferred-name", "pronouns", "date-of-birth",
 * "primary-language", "admission-date", "discharge-date", "discharge-reason",
 * "diagnoses", "phone", "email", "address", "emergency-name",
 * "emergency-phone", "emergency-relationship"). Saving is "editor.save". */
AdwEntryRow          *iop_participant_editor_get_row         (IopParticipantEditor *self,
                                                              const char           *field);
AdwComboRow          *iop_participant_editor_get_level_row   (IopParticipantEditor *self);
AdwComboRow          *iop_participant_editor_get_status_row  (IopParticipantEditor *self);
GtkLabel             *iop_participant_editor_get_error_label (IopParticipantEditor *self);

G_END_DECLS
