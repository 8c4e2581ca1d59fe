/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define IOP_TYPE_OBJECTIVE (iop_objective_get_type ())
G_DECLARE_FINAL_TYPE (IopObjective, iop_objective, IOP, OBJECTIVE, GObject)

IopObjective *iop_objective_new (void);
IopObjective *iop_objective_copy (IopObjective *self);

gint64 iop_objective_get_id (IopObjective *self);
void iop_objective_set_id (IopObjective *self, gint64 value);
gint64 iop_objective_get_goal_id (IopObjective *self);
void iop_objective_set_goal_id (IopObjective *self, gint64 value);
int iop_objective_get_position (IopObjective *self);
void iop_objective_set_position (IopObjective *self, int value);
const char *iop_objective_get_statement (IopObjective *self);
void iop_objective_set_statement (IopObjective *self, const char *value);
const char *iop_objective_get_target_date (IopObjective *self);
void iop_objective_set_target_date (IopObjective *self, const char *value);
const char *iop_objective_get_status (IopObjective *self);
void iop_objective_set_status (IopObjective *self, const char *value);
gint64 iop_objective_get_carried_from_id (IopObjective *self);
void iop_objective_set_carried_from_id (IopObjective *self, gint64 value);

G_END_DECLS
