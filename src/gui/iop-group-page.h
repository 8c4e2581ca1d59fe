/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "iop-group.h"
#include "iop-store.h"

G_BEGIN_DECLS

#define IOP_TYPE_GROUP_PAGE (iop_group_page_get_type ())
G_DECLARE_FINAL_TYPE (IopGroupPage, iop_group_page, IOP, GROUP_PAGE, AdwBin)

GtkWidget  *iop_group_page_new               (IopStore     *store);
void        iop_group_page_set_store         (IopGroupPage *self,
                                              IopStore     *store);
void        iop_group_page_set_group_id      (IopGroupPage *self,
                                              gint64        group_id);
gint64      iop_group_page_get_group_id      (IopGroupPage *self);
IopGroup   *iop_group_page_get_group         (IopGroupPage *self);
const char *iop_group_page_get_title         (IopGroupPage *self);
GtkBox     *iop_group_page_get_sections_box  (IopGroupPage *self);

/* For tests: what a person sees. */
GListModel *iop_group_page_get_roster        (IopGroupPage *self);
GListModel *iop_group_page_get_history       (IopGroupPage *self);
const char *iop_group_page_get_warning_text  (IopGroupPage *self);

G_END_DECLS
