/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "iop-store.h"

G_BEGIN_DECLS

#define IOP_TYPE_PLAN_SECTION (iop_plan_section_get_type ())
G_DECLARE_FINAL_TYPE (IopPlanSection, iop_plan_section, IOP, PLAN_SECTION, AdwBin)

GtkWidget *iop_plan_section_new                (void);
void       iop_plan_section_set_store          (IopPlanSection *self,
                                                IopStore       *store);
void       iop_plan_section_set_participant_id (IopPlanSection *self,
                                                gint64          participant_id);
gint64     iop_plan_section_get_shown_plan_id  (IopPlanSection *self);
void       iop_plan_section_show_plan          (IopPlanSection *self,
                                                gint64          plan_id);
GtkListBox *iop_plan_section_get_tree          (IopPlanSection *self);

/* Dialogs the Goals view shares. */
void       iop_plan_record_progress            (GtkWidget      *parent,
                                                IopStore       *store,
                                                gint64          goal_id);

G_END_DECLS
