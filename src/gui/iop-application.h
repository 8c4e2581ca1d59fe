/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "iop-store.h"

G_BEGIN_DECLS

#define IOP_TYPE_APPLICATION (iop_application_get_type ())
G_DECLARE_FINAL_TYPE (IopApplication, iop_application, IOP, APPLICATION, AdwApplication)

IopApplication *iop_application_new          (void);
GSettings      *iop_application_get_settings (IopApplication *self);
IopStore       *iop_application_get_store    (IopApplication *self);

G_END_DECLS
