/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-treatment-plan"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "iop-treatment-plan.h"
#include "iop-entity-private.h"

/**
 * IopTreatmentPlan:
 *
 * One version of a participant's treatment plan: draft, active (signed) or superseded.
 */
struct _IopTreatmentPlan
{
  GObject parent_instance;

  gint64 id;
  gint64 participant_id;
  int version;
  char *state;
  char *display_state;
  char *created_at;
  gint64 created_by;
  char *effective_date;
  char *review_due;
  gint64 signed_by;
  char *signed_by_name;
  char *signed_at;
  gboolean participant_agreed;
  char *agreement_note;
  gint64 supersedes_id;
  char *participant_name;
  char *record_number;
};

G_DEFINE_FINAL_TYPE (IopTreatmentPlan, iop_treatment_plan, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PARTICIPANT_ID,
  PROP_VERSION,
  PROP_STATE,
  PROP_DISPLAY_STATE,
  PROP_CREATED_AT,
  PROP_CREATED_BY,
  PROP_EFFECTIVE_DATE,
  PROP_REVIEW_DUE,
  PROP_SIGNED_BY,
  PROP_SIGNED_BY_NAME,
  PROP_SIGNED_AT,
  PROP_PARTICIPANT_AGREED,
  PROP_AGREEMENT_NOTE,
  PROP_SUPERSEDES_ID,
  PROP_PARTICIPANT_NAME,
  PROP_RECORD_NUMBER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const IopField fields[] = {
  IOP_FIELD (IopTreatmentPlan, id, IOP_FIELD_INT64),
  IOP_FIELD (IopTreatmentPlan, participant_id, IOP_FIELD_INT64),
  IOP_FIELD (IopTreatmentPlan, version, IOP_FIELD_INT),
  IOP_FIELD (IopTreatmentPlan, state, IOP_FIELD_STRING),
  IOP_FIELD (IopTreatmentPlan, display_state, IOP_FIELD_STRING),
  IOP_FIELD (IopTreatmentPlan, created_at, IOP_FIELD_STRING),
  IOP_FIELD (IopTreatmentPlan, created_by, IOP_FIELD_INT64),
  IOP_FIELD (IopTreatmentPlan, effective_date, IOP_FIELD_STRING),
  IOP_FIELD (IopTreatmentPlan, review_due, IOP_FIELD_STRING),
  IOP_FIELD (IopTreatmentPlan, signed_by, IOP_FIELD_INT64),
  IOP_FIELD (IopTreatmentPlan, signed_by_name, IOP_FIELD_STRING),
  IOP_FIELD (IopTreatmentPlan, signed_at, IOP_FIELD_STRING),
  IOP_FIELD (IopTreatmentPlan, participant_agreed, IOP_FIELD_BOOLEAN),
  IOP_FIELD (IopTreatmentPlan, agreement_note, IOP_FIELD_STRING),
  IOP_FIELD (IopTreatmentPlan, supersedes_id, IOP_FIELD_INT64),
  IOP_FIELD (IopTreatmentPlan, participant_name, IOP_FIELD_STRING),
  IOP_FIELD (IopTreatmentPlan, record_number, IOP_FIELD_STRING),
};

IOP_ENTITY_VALUE_ACCESSORS (IopTreatmentPlan, iop_treatment_plan, gint64, id, PROP_ID)
IOP_ENTITY_VALUE_ACCESSORS (IopTreatmentPlan, iop_treatment_plan, gint64, participant_id, PROP_PARTICIPANT_ID)
IOP_ENTITY_VALUE_ACCESSORS (IopTreatmentPlan, iop_treatment_plan, int, version, PROP_VERSION)
IOP_ENTITY_STRING_ACCESSORS (IopTreatmentPlan, iop_treatment_plan, state, PROP_STATE)
IOP_ENTITY_STRING_ACCESSORS (IopTreatmentPlan, iop_treatment_plan, display_state, PROP_DISPLAY_STATE)
IOP_ENTITY_STRING_ACCESSORS (IopTreatmentPlan, iop_treatment_plan, created_at, PROP_CREATED_AT)
IOP_ENTITY_VALUE_ACCESSORS (IopTreatmentPlan, iop_treatment_plan, gint64, created_by, PROP_CREATED_BY)
IOP_ENTITY_STRING_ACCESSORS (IopTreatmentPlan, iop_treatment_plan, effective_date, PROP_EFFECTIVE_DATE)
IOP_ENTITY_STRING_ACCESSORS (IopTreatmentPlan, iop_treatment_plan, review_due, PROP_REVIEW_DUE)
IOP_ENTITY_VALUE_ACCESSORS (IopTreatmentPlan, iop_treatment_plan, gint64, signed_by, PROP_SIGNED_BY)
IOP_ENTITY_STRING_ACCESSORS (IopTreatmentPlan, iop_treatment_plan, signed_by_name, PROP_SIGNED_BY_NAME)
IOP_ENTITY_STRING_ACCESSORS (IopTreatmentPlan, iop_treatment_plan, signed_at, PROP_SIGNED_AT)
IOP_ENTITY_VALUE_ACCESSORS (IopTreatmentPlan, iop_treatment_plan, gboolean, participant_agreed, PROP_PARTICIPANT_AGREED)
IOP_ENTITY_STRING_ACCESSORS (IopTreatmentPlan, iop_treatment_plan, agreement_note, PROP_AGREEMENT_NOTE)
IOP_ENTITY_VALUE_ACCESSORS (IopTreatmentPlan, iop_treatment_plan, gint64, supersedes_id, PROP_SUPERSEDES_ID)
IOP_ENTITY_STRING_ACCESSORS (IopTreatmentPlan, iop_treatment_plan, participant_name, PROP_PARTICIPANT_NAME)
IOP_ENTITY_STRING_ACCESSORS (IopTreatmentPlan, iop_treatment_plan, record_number, PROP_RECORD_NUMBER)

static void
iop_treatment_plan_finalize (GObject *object)
{
  iop_entity_free_strings (object, fields, G_N_ELEMENTS (fields));

  G_OBJECT_CLASS (iop_treatment_plan_parent_class)->finalize (object);
}

static void
iop_treatment_plan_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  if (prop_id == 0 || prop_id >= N_PROPS)
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  else
    iop_entity_get_property (object, fields, prop_id, value);
}

static void
iop_treatment_plan_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  if (prop_id == 0 || prop_id >= N_PROPS)
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  else
    iop_entity_set_property (object, fields, prop_id, value, pspec);
}

static void
iop_treatment_plan_class_init (IopTreatmentPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = iop_treatment_plan_finalize;
  object_class->get_property = iop_treatment_plan_get_property;
  object_class->set_property = iop_treatment_plan_set_property;

  G_STATIC_ASSERT (G_N_ELEMENTS (fields) == N_PROPS - 1);
  iop_entity_install_properties (object_class, fields, G_N_ELEMENTS (fields), properties);
}

static void
iop_treatment_plan_init (IopTreatmentPlan *self)
{
  self->version = 1;
  self->state = g_strdup ("draft");
  self->display_state = g_strdup ("draft");
}

IopTreatmentPlan *
iop_treatment_plan_new (void)
{
  return g_object_new (IOP_TYPE_TREATMENT_PLAN, NULL);
}

/**
 * iop_treatment_plan_copy:
 * @self: a #IopTreatmentPlan
 *
 * Returns: (transfer full): an independent copy, for editing without touching @self
 */
IopTreatmentPlan *
iop_treatment_plan_copy (IopTreatmentPlan *self)
{
  IopTreatmentPlan *copy = iop_treatment_plan_new ();

  copy->id = self->id;
  copy->participant_id = self->participant_id;
  copy->version = self->version;
  g_free (copy->state);
  copy->state = g_strdup (self->state);
  g_free (copy->display_state);
  copy->display_state = g_strdup (self->display_state);
  copy->created_at = g_strdup (self->created_at);
  copy->created_by = self->created_by;
  copy->effective_date = g_strdup (self->effective_date);
  copy->review_due = g_strdup (self->review_due);
  copy->signed_by = self->signed_by;
  copy->signed_by_name = g_strdup (self->signed_by_name);
  copy->signed_at = g_strdup (self->signed_at);
  copy->participant_agreed = self->participant_agreed;
  copy->agreement_note = g_strdup (self->agreement_note);
  copy->supersedes_id = self->supersedes_id;
  copy->participant_name = g_strdup (self->participant_name);
  copy->record_number = g_strdup (self->record_number);
  return copy;
}

/**
 * iop_treatment_plan_is_draft:
 * @self: an #IopTreatmentPlan
 *
 * Returns: %TRUE while the plan may still be edited
 */
gboolean
iop_treatment_plan_is_draft (IopTreatmentPlan *self)
{
  g_return_val_if_fail (IOP_IS_TREATMENT_PLAN (self), FALSE);

  return g_strcmp0 (self->state, "draft") == 0;
}

/**
 * iop_plan_state_label:
 * @display_state: `draft`, `active`, `review-due` or `superseded`
 *
 * Returns: (transfer none): the state as a counselor reads it
 */
const char *
iop_plan_state_label (const char *display_state)
{
  if (g_strcmp0 (display_state, "draft") == 0)
    return _("Draft");
  if (g_strcmp0 (display_state, "active") == 0)
    return _("Active");
  if (g_strcmp0 (display_state, "review-due") == 0)
    return _("Review due");
  if (g_strcmp0 (display_state, "superseded") == 0)
    return _("Superseded");
  return display_state != NULL ? display_state : "";
}
