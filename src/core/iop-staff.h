/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define IOP_TYPE_STAFF (iop_staff_get_type ())
G_DECLARE_FINAL_TYPE (IopStaff, iop_staff, IOP, STAFF, GObject)

IopStaff *iop_staff_new (void);
IopStaff *iop_staff_copy (IopStaff *self);

gint64 iop_staff_get_id (IopStaff *self);
void iop_staff_set_id (IopStaff *self, gint64 value);
const char *iop_staff_get_username (IopStaff *self);
void iop_staff_set_username (IopStaff *self, const char *value);
const char *iop_staff_get_full_name (IopStaff *self);
void iop_staff_set_full_name (IopStaff *self, const char *value);
const char *iop_staff_get_role (IopStaff *self);
void iop_staff_set_role (IopStaff *self, const char *value);
gboolean iop_staff_get_active (IopStaff *self);
void iop_staff_set_active (IopStaff *self, gboolean value);

const char * const *iop_staff_role_values     (void);
const char  *iop_staff_role_label             (const char *role);

G_END_DECLS
