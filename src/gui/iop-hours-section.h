/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "iop-store.h"

G_BEGIN_DECLS

#define IOP_TYPE_HOURS_SECTION (iop_hours_section_get_type ())
G_DECLARE_FINAL_TYPE (IopHoursSection, iop_hours_section, IOP, HOURS_SECTION, AdwBin)

GtkWidget *iop_hours_section_new             (void);
void       iop_hours_section_set_participant (IopHoursSection    *self,
                                              IopStore           *store,
                                              gint64              participant_id);
guint      iop_hours_section_get_n_weeks     (IopHoursSection    *self);

G_END_DECLS
