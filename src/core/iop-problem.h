/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define IOP_TYPE_PROBLEM (iop_problem_get_type ())
G_DECLARE_FINAL_TYPE (IopProblem, iop_problem, IOP, PROBLEM, GObject)

IopProblem *iop_problem_new (void);
IopProblem *iop_problem_copy (IopProblem *self);

gint64 iop_problem_get_id (IopProblem *self);
void iop_problem_set_id (IopProblem *self, gint64 value);
gint64 iop_problem_get_plan_id (IopProblem *self);
void iop_problem_set_plan_id (IopProblem *self, gint64 value);
int iop_problem_get_position (IopProblem *self);
void iop_problem_set_position (IopProblem *self, int value);
const char *iop_problem_get_description (IopProblem *self);
void iop_problem_set_description (IopProblem *self, const char *value);
const char *iop_problem_get_life_area (IopProblem *self);
void iop_problem_set_life_area (IopProblem *self, const char *value);
int iop_problem_get_asam_dimension (IopProblem *self);
void iop_problem_set_asam_dimension (IopProblem *self, int value);

const char  *iop_asam_dimension_label          (int dimension);

G_END_DECLS
