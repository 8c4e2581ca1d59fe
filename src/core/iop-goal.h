/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define IOP_TYPE_GOAL (iop_goal_get_type ())
G_DECLARE_FINAL_TYPE (IopGoal, iop_goal, IOP, GOAL, GObject)

IopGoal *iop_goal_new (void);
IopGoal *iop_goal_copy (IopGoal *self);

gint64 iop_goal_get_id (IopGoal *self);
void iop_goal_set_id (IopGoal *self, gint64 value);
gint64 iop_goal_get_plan_id (IopGoal *self);
void iop_goal_set_plan_id (IopGoal *self, gint64 value);
gint64 iop_goal_get_problem_id (IopGoal *self);
void iop_goal_set_problem_id (IopGoal *self, gint64 value);
int iop_goal_get_position (IopGoal *self);
void iop_goal_set_position (IopGoal *self, int value);
const char *iop_goal_get_own_words (IopGoal *self);
void iop_goal_set_own_words (IopGoal *self, const char *value);
const char *iop_goal_get_statement (IopGoal *self);
void iop_goal_set_statement (IopGoal *self, const char *value);
const char *iop_goal_get_target_date (IopGoal *self);
void iop_goal_set_target_date (IopGoal *self, const char *value);
const char *iop_goal_get_status (IopGoal *self);
void iop_goal_set_status (IopGoal *self, const char *value);
gint64 iop_goal_get_carried_from_id (IopGoal *self);
void iop_goal_set_carried_from_id (IopGoal *self, gint64 value);

const char * const *iop_goal_status_values     (void);
const char  *iop_goal_status_label             (const char *status);

G_END_DECLS
