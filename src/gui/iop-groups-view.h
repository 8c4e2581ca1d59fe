/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "iop-group-page.h"
#include "iop-store.h"

G_BEGIN_DECLS

#define IOP_TYPE_GROUPS_VIEW (iop_groups_view_get_type ())
G_DECLARE_FINAL_TYPE (IopGroupsView, iop_groups_view, IOP, GROUPS_VIEW, AdwBin)

GtkWidget    *iop_groups_view_new              (IopStore      *store);
void          iop_groups_view_show_group       (IopGroupsView *self,
                                                gint64         group_id);
void          iop_groups_view_show_list        (IopGroupsView *self);
void          iop_groups_view_set_show_archived (IopGroupsView *self,
                                                gboolean       show_archived);

/* For tests: what a person sees. */
GListModel   *iop_groups_view_get_model        (IopGroupsView *self);
const char   *iop_groups_view_get_visible_page (IopGroupsView *self);
IopGroupPage *iop_groups_view_get_group_page   (IopGroupsView *self);

G_END_DECLS
