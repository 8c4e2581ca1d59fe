/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "iop-participant.h"

G_BEGIN_DECLS

/* One line of the participants list. */
#define IOP_TYPE_PARTICIPANT_ROW (iop_participant_row_get_type ())
G_DECLARE_FINAL_TYPE (IopParticipantRow, iop_participant_row, IOP, PARTICIPANT_ROW, GtkWidget)

GtkWidget *iop_participant_row_new             (void);
void       iop_participant_row_set_participant (IopParticipantRow *self,
                                                IopParticipant    *participant);
void       iop_participant_row_set_selection_mode (IopParticipantRow *self,
                                                   gboolean           selecting);

/* Shared with the participant page: the style class that goes with a status. */
const char *iop_participant_status_style       (const char        *status);

G_END_DECLS
