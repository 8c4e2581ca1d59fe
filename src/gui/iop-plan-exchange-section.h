/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "iop-store.h"

G_BEGIN_DECLS

#define IOP_TYPE_PLAN_EXCHANGE_SECTION (iop_plan_exchange_section_get_type ())
G_DECLARE_FINAL_TYPE (IopPlanExchangeSection, iop_plan_exchange_section, IOP, PLAN_EXCHANGE_SECTION, AdwPreferencesGroup)

GtkWidget *iop_plan_exchange_section_new     (void);

/* The export itself, without dialogs: what the section runs after the file chooser. */
void       iop_plan_export_async             (IopStore            *store,
                                              const char          *record_number,
                                              const char          *format,
                                              GFile               *file,
                                              gint64               consent_id,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean   iop_plan_export_finish            (GAsyncResult        *result,
                                              GError             **error);

G_END_DECLS
