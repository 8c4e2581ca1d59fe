/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "iop-store.h"

G_BEGIN_DECLS

#define IOP_TYPE_GOALS_VIEW (iop_goals_view_get_type ())
G_DECLARE_FINAL_TYPE (IopGoalsView, iop_goals_view, IOP, GOALS_VIEW, AdwBin)

GtkWidget  *iop_goals_view_new                 (IopStore     *store);
void        iop_goals_view_show_participant    (IopGoalsView *self,
                                                gint64        participant_id);
gint64      iop_goals_view_get_participant_id  (IopGoalsView *self);
GtkBox     *iop_goals_view_get_goals_box       (IopGoalsView *self);
GListModel *iop_goals_view_get_due_plans       (IopGoalsView *self);
GListModel *iop_goals_view_get_participants    (IopGoalsView *self);

G_END_DECLS
