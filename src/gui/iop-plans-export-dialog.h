/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "iop-store-exchange.h"

G_BEGIN_DECLS

#define IOP_TYPE_PLANS_EXPORT_DIALOG (iop_plans_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (IopPlansExportDialog, iop_plans_export_dialog, IOP, PLANS_EXPORT_DIALOG, AdwWindow)

IopPlansExportDialog *iop_plans_export_dialog_new          (IopStore             *store,
                                                            GArray               *ids,
                                                            GtkWidget            *toast_target);
const char           *iop_plans_export_dialog_get_format   (IopPlansExportDialog *self);
void                  iop_plans_export_dialog_set_format   (IopPlansExportDialog *self,
                                                            const char           *format);
void                  iop_plans_export_dialog_export_to_file (IopPlansExportDialog *self,
                                                            GFile                *file);
gboolean              iop_plans_export_dialog_get_running  (IopPlansExportDialog *self);
const char           *iop_plans_export_dialog_get_progress_text (IopPlansExportDialog *self);

/* The work itself, for the dialog and for tests. */
void      iop_plans_export_async  (IopStore                *store,
                                   GArray                  *ids,
                                   const char              *format,
                                   GFile                   *file,
                                   GCancellable            *cancellable,
                                   IopExchangeProgressFunc  progress,
                                   GObject                 *progress_target,
                                   GAsyncReadyCallback      callback,
                                   gpointer                 user_data);
gboolean  iop_plans_export_finish (GAsyncResult            *result,
                                   guint                   *n_exported,
                                   char                  ***skipped,
                                   GError                 **error);

G_END_DECLS
