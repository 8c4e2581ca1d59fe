/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "iop-group.h"

G_BEGIN_DECLS

/* One line of the groups list. */
#define IOP_TYPE_GROUP_ROW (iop_group_row_get_type ())
G_DECLARE_FINAL_TYPE (IopGroupRow, iop_group_row, IOP, GROUP_ROW, GtkWidget)

GtkWidget  *iop_group_row_new             (void);
void        iop_group_row_set_group       (IopGroupRow *self,
                                           IopGroup    *group,
                                           const char  *facilitator_name);
const char *iop_group_row_get_count_text  (IopGroupRow *self);
const char *iop_group_row_get_status_text (IopGroupRow *self);

/* Shared with the group page: a short note on the group's size, or NULL. */
char       *iop_group_dup_size_note       (IopGroup    *group);

G_END_DECLS
