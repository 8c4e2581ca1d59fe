/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "iop-application.h"
#include "iop-store.h"

G_BEGIN_DECLS

#define IOP_TYPE_WINDOW (iop_window_get_type ())
G_DECLARE_FINAL_TYPE (IopWindow, iop_window, IOP, WINDOW, AdwApplicationWindow)

IopWindow  *iop_window_new                (IopApplication *application,
                                           IopStore       *store);
IopStore   *iop_window_get_store          (IopWindow      *self);
void        iop_window_show_view          (IopWindow      *self,
                                           const char     *name);
GtkWidget  *iop_window_get_view           (IopWindow      *self,
                                           const char     *name);
const char *iop_window_get_visible_view   (IopWindow      *self);
const char *iop_window_get_visible_page   (IopWindow      *self);
GtkWidget  *iop_window_get_welcome        (IopWindow      *self);
void        iop_window_add_toast          (IopWindow      *self,
                                           AdwToast       *toast);
AdwToast   *iop_window_get_last_toast     (IopWindow      *self);
GStrv       iop_window_dup_view_names     (IopWindow      *self);
void        iop_window_show_participant   (IopWindow      *self,
                                           gint64          participant_id);
void        iop_window_show_group         (IopWindow      *self,
                                           gint64          group_id);

void        iop_window_lock               (IopWindow      *self);
void        iop_window_check_idle         (IopWindow      *self,
                                           gint64          now);
GtkWidget  *iop_window_get_sign_in        (IopWindow      *self,
                                           gboolean        locked);
gboolean    iop_window_is_view_offered    (IopWindow      *self,
                                           const char     *name);
void        iop_window_show_error         (IopWindow      *self,
                                           const char     *heading,
                                           const char     *message);

/* For any widget inside the window: a toast with @message, or nothing when unrooted. */
void        iop_widget_add_toast          (GtkWidget      *widget,
                                           const char     *message);

gboolean      iop_window_write_backup (IopWindow   *self,
                                       const char  *path,
                                       const char  *passphrase,
                                       GError     **error);

G_END_DECLS
