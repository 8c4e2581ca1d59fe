/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define IOP_TYPE_TREATMENT_PLAN (iop_treatment_plan_get_type ())
G_DECLARE_FINAL_TYPE (IopTreatmentPlan, iop_treatment_plan, IOP, TREATMENT_PLAN, GObject)

IopTreatmentPlan *iop_treatment_plan_new (void);
IopTreatmentPlan *iop_treatment_plan_copy (IopTreatmentPlan *self);

gint64 iop_treatment_plan_get_id (IopTreatmentPlan *self);
void iop_treatment_plan_set_id (IopTreatmentPlan *self, gint64 value);
gint64 iop_treatment_plan_get_participant_id (IopTreatmentPlan *self);
void iop_treatment_plan_set_participant_id (IopTreatmentPlan *self, gint64 value);
int iop_treatment_plan_get_version (IopTreatmentPlan *self);
void iop_treatment_plan_set_version (IopTreatmentPlan *self, int value);
const char *iop_treatment_plan_get_state (IopTreatmentPlan *self);
void iop_treatment_plan_set_state (IopTreatmentPlan *self, const char *value);
const char *iop_treatment_plan_get_display_state (IopTreatmentPlan *self);
void iop_treatment_plan_set_display_state (IopTreatmentPlan *self, const char *value);
const char *iop_treatment_plan_get_created_at (IopTreatmentPlan *self);
void iop_treatment_plan_set_created_at (IopTreatmentPlan *self, const char *value);
gint64 iop_treatment_plan_get_created_by (IopTreatmentPlan *self);
void iop_treatment_plan_set_created_by (IopTreatmentPlan *self, gint64 value);
const char *iop_treatment_plan_get_effective_date (IopTreatmentPlan *self);
void iop_treatment_plan_set_effective_date (IopTreatmentPlan *self, const char *value);
const char *iop_treatment_plan_get_review_due (IopTreatmentPlan *self);
void iop_treatment_plan_set_review_due (IopTreatmentPlan *self, const char *value);
gint64 iop_treatment_plan_get_signed_by (IopTreatmentPlan *self);
void iop_treatment_plan_set_signed_by (IopTreatmentPlan *self, gint64 value);
const char *iop_treatment_plan_get_signed_by_name (IopTreatmentPlan *self);
void iop_treatment_plan_set_signed_by_name (IopTreatmentPlan *self, const char *value);
const char *iop_treatment_plan_get_signed_at (IopTreatmentPlan *self);
void iop_treatment_plan_set_signed_at (IopTreatmentPlan *self, const char *value);
gboolean iop_treatment_plan_get_participant_agreed (IopTreatmentPlan *self);
void iop_treatment_plan_set_participant_agreed (IopTreatmentPlan *self, gboolean value);
const char *iop_treatment_plan_get_agreement_note (IopTreatmentPlan *self);
void iop_treatment_plan_set_agreement_note (IopTreatmentPlan *self, const char *value);
gint64 iop_treatment_plan_get_supersedes_id (IopTreatmentPlan *self);
void iop_treatment_plan_set_supersedes_id (IopTreatmentPlan *self, gint64 value);
const char *iop_treatment_plan_get_participant_name (IopTreatmentPlan *self);
void iop_treatment_plan_set_participant_name (IopTreatmentPlan *self, const char *value);
const char *iop_treatment_plan_get_record_number (IopTreatmentPlan *self);
void iop_treatment_plan_set_record_number (IopTreatmentPlan *self, const char *value);

gboolean     iop_treatment_plan_is_draft        (IopTreatmentPlan *self);
const char  *iop_plan_state_label               (const char       *display_state);

G_END_DECLS
