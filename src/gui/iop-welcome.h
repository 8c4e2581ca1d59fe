/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "iop-store.h"

G_BEGIN_DECLS

#define IOP_TYPE_WELCOME (iop_welcome_get_type ())
G_DECLARE_FINAL_TYPE (IopWelcome, iop_welcome, IOP, WELCOME, AdwBin)

GtkWidget *iop_welcome_new (IopStore *store);

G_END_DECLS
