/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Treatment plans (versions, problems, goals, objectives, interventions) and
 * progress toward goals. */

#include "iop-goal.h"
#include "iop-intervention.h"
#include "iop-objective.h"
#include "iop-problem.h"
#include "iop-progress-entry.h"
#include "iop-store.h"
#include "iop-treatment-plan.h"

G_BEGIN_DECLS

#define IOP_PLAN_REVIEW_DAYS_DEFAULT 30

/* Versions and lifecycle */
gboolean          iop_store_create_plan_version      (IopStore          *self,
                                                      gint64             participant_id,
                                                      gint64            *out_plan_id,
                                                      GError           **error);
gboolean          iop_store_delete_draft_plan        (IopStore          *self,
                                                      gint64             plan_id,
                                                      GError           **error);
gboolean          iop_store_sign_plan                (IopStore          *self,
                                                      gint64             plan_id,
                                                      const char        *effective_date,
                                                      gboolean           participant_agreed,
                                                      const char        *agreement_note,
                                                      GError           **error);
IopTreatmentPlan *iop_store_get_plan                 (IopStore          *self,
                                                      gint64             plan_id,
                                                      GError           **error);
IopTreatmentPlan *iop_store_get_current_plan         (IopStore          *self,
                                                      gint64             participant_id,
                                                      GError           **error);
IopTreatmentPlan *iop_store_get_draft_plan           (IopStore          *self,
                                                      gint64             participant_id,
                                                      GError           **error);
GPtrArray        *iop_store_list_plans               (IopStore          *self,
                                                      gint64             participant_id,
                                                      GError           **error);
GPtrArray        *iop_store_list_plans_due_for_review (IopStore         *self,
                                                      const char        *by_date,
                                                      GError           **error);

/* A draft's content */
gboolean          iop_store_add_problem              (IopStore          *self,
                                                      IopProblem        *problem,
                                                      GError           **error);
gboolean          iop_store_update_problem           (IopStore          *self,
                                                      IopProblem        *problem,
                                                      GError           **error);
gboolean          iop_store_remove_problem           (IopStore          *self,
                                                      gint64             problem_id,
                                                      GError           **error);
GPtrArray        *iop_store_list_problems            (IopStore          *self,
                                                      gint64             plan_id,
                                                      GError           **error);
gboolean          iop_store_add_goal                 (IopStore          *self,
                                                      IopGoal           *goal,
                                                      GError           **error);
gboolean          iop_store_update_goal              (IopStore          *self,
                                                      IopGoal           *goal,
                                                      GError           **error);
gboolean          iop_store_remove_goal              (IopStore          *self,
                                                      gint64             goal_id,
                                                      GError           **error);
IopGoal          *iop_store_get_goal                 (IopStore          *self,
                                                      gint64             goal_id,
                                                      GError           **error);
GPtrArray        *iop_store_list_goals               (IopStore          *self,
                                                      gint64             plan_id,
                                                      GError           **error);
GPtrArray        *iop_store_list_active_goals        (IopStore          *self,
                                                      gint64             participant_id,
                                                      GError           **error);
gboolean          iop_store_add_objective            (IopStore          *self,
                                                      IopObjective      *objective,
                                                      GError           **error);
gboolean          iop_store_update_objective         (IopStore          *self,
                                                      IopObjective      *objective,
                                                      GError           **error);
gboolean          iop_store_remove_objective         (IopStore          *self,
                                                      gint64             objective_id,
                                                      GError           **error);
GPtrArray        *iop_store_list_objectives          (IopStore          *self,
                                                      gint64             goal_id,
                                                      GError           **error);
gboolean          iop_store_add_intervention         (IopStore          *self,
                                                      IopIntervention   *intervention,
                                                      GError           **error);
gboolean          iop_store_update_intervention      (IopStore          *self,
                                                      IopIntervention   *intervention,
                                                      GError           **error);
gboolean          iop_store_remove_intervention      (IopStore          *self,
                                                      gint64             intervention_id,
                                                      GError           **error);
GPtrArray        *iop_store_list_interventions       (IopStore          *self,
                                                      gint64             objective_id,
                                                      GError           **error);

/* Progress */
gboolean          iop_store_add_progress             (IopStore          *self,
                                                      IopProgressEntry  *entry,
                                                      GError           **error);
gboolean          iop_store_add_session_progress     (IopStore          *self,
                                                      gint64             session_id,
                                                      gint64             participant_id,
                                                      GArray            *goal_ids,
                                                      int                rating,
                                                      const char        *note,
                                                      GError           **error);
GPtrArray        *iop_store_list_progress            (IopStore          *self,
                                                      gint64             goal_id,
                                                      GError           **error);
GPtrArray        *iop_store_list_session_progress    (IopStore          *self,
                                                      gint64             session_id,
                                                      gint64             participant_id,
                                                      GError           **error);

/**
 * IopSessionRef:
 * @session_id: a session
 * @date: its day
 * @group_name: its group
 */
typedef struct {
  gint64  session_id;
  char   *date;
  char   *group_name;
} IopSessionRef;

void              iop_session_ref_free               (IopSessionRef     *ref);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IopSessionRef, iop_session_ref_free)
GPtrArray        *iop_store_list_progress_sessions   (IopStore          *self,
                                                      gint64             participant_id,
                                                      GError           **error);

/* Program settings */
int               iop_store_get_plan_review_days     (IopStore          *self);
gboolean          iop_store_set_plan_review_days     (IopStore          *self,
                                                      int                days,
                                                      GError           **error);
gboolean          iop_store_get_require_plan_to_enroll (IopStore        *self);
gboolean          iop_store_set_require_plan_to_enroll (IopStore        *self,
                                                      gboolean           required,
                                                      GError           **error);

G_END_DECLS
