/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "iop-store.h"

G_BEGIN_DECLS

#define IOP_TYPE_IMPORT_DIALOG (iop_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (IopImportDialog, iop_import_dialog, IOP, IMPORT_DIALOG, AdwMessageDialog)

void        iop_import_dialog_start      (GtkWindow       *parent,
                                          IopStore        *store,
                                          GFile           *file);
gboolean    iop_import_dialog_is_ready   (IopImportDialog *self);
const char *iop_import_dialog_get_details (IopImportDialog *self);

void        iop_import_plan_choose_file  (GtkWindow       *parent,
                                          IopStore        *store);

G_END_DECLS
