/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "iop-group.h"
#include "iop-store.h"

G_BEGIN_DECLS

#define IOP_TYPE_GROUP_EDITOR (iop_group_editor_get_type ())
G_DECLARE_FINAL_TYPE (IopGroupEditor, iop_group_editor, IOP, GROUP_EDITOR, AdwWindow)

IopGroupEditor *iop_group_editor_new                 (IopStore       *store,
                                                      IopGroup       *group);

/* For tests: the form's widgets. Saving is the "editor.save" action. */
AdwEntryRow    *iop_group_editor_get_name_row        (IopGroupEditor *self);
AdwComboRow    *iop_group_editor_get_type_row        (IopGroupEditor *self);
AdwComboRow    *iop_group_editor_get_enrollment_row  (IopGroupEditor *self);
GtkSpinButton  *iop_group_editor_get_min_size_spin   (IopGroupEditor *self);
GtkSpinButton  *iop_group_editor_get_max_size_spin   (IopGroupEditor *self);
GtkToggleButton *iop_group_editor_get_weekday_toggle (IopGroupEditor *self,
                                                      int             weekday);
AdwEntryRow    *iop_group_editor_get_start_time_row  (IopGroupEditor *self);
AdwEntryRow    *iop_group_editor_get_start_date_row  (IopGroupEditor *self);
AdwEntryRow    *iop_group_editor_get_end_date_row    (IopGroupEditor *self);
GtkLabel       *iop_group_editor_get_error_label     (IopGroupEditor *self);

G_END_DECLS
