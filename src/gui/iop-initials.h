/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

char *iop_initials_for   (const char *name);
void  iop_initials_set   (GtkLabel   *badge,
                          const char *name);

G_END_DECLS
