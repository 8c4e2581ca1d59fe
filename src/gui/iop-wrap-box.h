/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define IOP_TYPE_WRAP_BOX (iop_wrap_box_get_type ())
G_DECLARE_FINAL_TYPE (IopWrapBox, iop_wrap_box, IOP, WRAP_BOX, GtkWidget)

GtkWidget *iop_wrap_box_new    (int         spacing);
void       iop_wrap_box_append (IopWrapBox *self,
                                GtkWidget  *child);

G_END_DECLS
