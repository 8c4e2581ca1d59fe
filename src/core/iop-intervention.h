/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define IOP_TYPE_INTERVENTION (iop_intervention_get_type ())
G_DECLARE_FINAL_TYPE (IopIntervention, iop_intervention, IOP, INTERVENTION, GObject)

IopIntervention *iop_intervention_new (void);
IopIntervention *iop_intervention_copy (IopIntervention *self);

gint64 iop_intervention_get_id (IopIntervention *self);
void iop_intervention_set_id (IopIntervention *self, gint64 value);
gint64 iop_intervention_get_objective_id (IopIntervention *self);
void iop_intervention_set_objective_id (IopIntervention *self, gint64 value);
int iop_intervention_get_position (IopIntervention *self);
void iop_intervention_set_position (IopIntervention *self, int value);
const char *iop_intervention_get_description (IopIntervention *self);
void iop_intervention_set_description (IopIntervention *self, const char *value);
const char *iop_intervention_get_responsible (IopIntervention *self);
void iop_intervention_set_responsible (IopIntervention *self, const char *value);
const char *iop_intervention_get_frequency (IopIntervention *self);
void iop_intervention_set_frequency (IopIntervention *self, const char *value);

G_END_DECLS
