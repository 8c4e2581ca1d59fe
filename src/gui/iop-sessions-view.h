/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "iop-session-editor.h"
#include "iop-store.h"

G_BEGIN_DECLS

#define IOP_TYPE_SESSIONS_VIEW (iop_sessions_view_get_type ())
G_DECLARE_FINAL_TYPE (IopSessionsView, iop_sessions_view, IOP, SESSIONS_VIEW, AdwBin)

GtkWidget        *iop_sessions_view_new               (IopStore        *store);
void              iop_sessions_view_show_session      (IopSessionsView *self,
                                                       gint64           session_id);
void              iop_sessions_view_show_list         (IopSessionsView *self);
const char       *iop_sessions_view_get_signer_text   (IopSessionsView *self);
IopSessionEditor *iop_sessions_view_get_editor        (IopSessionsView *self);
GListModel       *iop_sessions_view_get_model         (IopSessionsView *self);
guint             iop_sessions_view_get_pending_count (IopSessionsView *self);
guint             iop_sessions_view_get_review_count  (IopSessionsView *self);
const char       *iop_sessions_view_get_visible_tab   (IopSessionsView *self);

G_END_DECLS
