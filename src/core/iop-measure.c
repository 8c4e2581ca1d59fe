/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-measure"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "iop-measure.h"
#include "iop-entity-private.h"

/**
 * IopMeasure:
 *
 * One administration of an instrument (PHQ-9, GAD-7, BAM) with its computed score.
 */
struct _IopMeasure
{
  GObject parent_instance;

  gint64 id;
  gint64 participant_id;
  char *instrument;
  char *date;
  gboolean complete;
  int total;
  char *severity;
  char *subscores;
  gboolean safety_flag;
  gint64 safety_ack_by;
  char *safety_ack_by_name;
  char *safety_ack_at;
  gint64 entered_by;
  gint64 session_id;
};

G_DEFINE_FINAL_TYPE (IopMeasure, iop_measure, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PARTICIPANT_ID,
  PROP_INSTRUMENT,
  PROP_DATE,
  PROP_COMPLETE,
  PROP_TOTAL,
  PROP_SEVERITY,
  PROP_SUBSCORES,
  PROP_SAFETY_FLAG,
  PROP_SAFETY_ACK_BY,
  PROP_SAFETY_ACK_BY_NAME,
  PROP_SAFETY_ACK_AT,
  PROP_ENTERED_BY,
  PROP_SESSION_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const IopField fields[] = {
  IOP_FIELD (IopMeasure, id, IOP_FIELD_INT64),
  IOP_FIELD (IopMeasure, participant_id, IOP_FIELD_INT64),
  IOP_FIELD (IopMeasure, instrument, IOP_FIELD_STRING),
  IOP_FIELD (IopMeasure, date, IOP_FIELD_STRING),
  IOP_FIELD (IopMeasure, complete, IOP_FIELD_BOOLEAN),
  IOP_FIELD (IopMeasure, total, IOP_FIELD_INT),
  IOP_FIELD (IopMeasure, severity, IOP_FIELD_STRING),
  IOP_FIELD (IopMeasure, subscores, IOP_FIELD_STRING),
  IOP_FIELD (IopMeasure, safety_flag, IOP_FIELD_BOOLEAN),
  IOP_FIELD (IopMeasure, safety_ack_by, IOP_FIELD_INT64),
  IOP_FIELD (IopMeasure, safety_ack_by_name, IOP_FIELD_STRING),
  IOP_FIELD (IopMeasure, safety_ack_at, IOP_FIELD_STRING),
  IOP_FIELD (IopMeasure, entered_by, IOP_FIELD_INT64),
  IOP_FIELD (IopMeasure, session_id, IOP_FIELD_INT64),
};

IOP_ENTITY_VALUE_ACCESSORS (IopMeasure, iop_measure, gint64, id, PROP_ID)
IOP_ENTITY_VALUE_ACCESSORS (IopMeasure, iop_measure, gint64, participant_id, PROP_PARTICIPANT_ID)
IOP_ENTITY_STRING_ACCESSORS (IopMeasure, iop_measure, instrument, PROP_INSTRUMENT)
IOP_ENTITY_STRING_ACCESSORS (IopMeasure, iop_measure, date, PROP_DATE)
IOP_ENTITY_VALUE_ACCESSORS (IopMeasure, iop_measure, gboolean, complete, PROP_COMPLETE)
IOP_ENTITY_VALUE_ACCESSORS (IopMeasure, iop_measure, int, total, PROP_TOTAL)
IOP_ENTITY_STRING_ACCESSORS (IopMeasure, iop_measure, severity, PROP_SEVERITY)
IOP_ENTITY_STRING_ACCESSORS (IopMeasure, iop_measure, subscores, PROP_SUBSCORES)
IOP_ENTITY_VALUE_ACCESSORS (IopMeasure, iop_measure, gboolean, safety_flag, PROP_SAFETY_FLAG)
IOP_ENTITY_VALUE_ACCESSORS (IopMeasure, iop_measure, gint64, safety_ack_by, PROP_SAFETY_ACK_BY)
IOP_ENTITY_STRING_ACCESSORS (IopMeasure, iop_measure, safety_ack_by_name, PROP_SAFETY_ACK_BY_NAME)
IOP_ENTITY_STRING_ACCESSORS (IopMeasure, iop_measure, safety_ack_at, PROP_SAFETY_ACK_AT)
IOP_ENTITY_VALUE_ACCESSORS (IopMeasure, iop_measure, gint64, entered_by, PROP_ENTERED_BY)
IOP_ENTITY_VALUE_ACCESSORS (IopMeasure, iop_measure, gint64, session_id, PROP_SESSION_ID)

static void
iop_measure_finalize (GObject *object)
{
  iop_entity_free_strings (object, fields, G_N_ELEMENTS (fields));

  G_OBJECT_CLASS (iop_measure_parent_class)->finalize (object);
}

static void
iop_measure_get_property (GObject    *object,
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
iop_measure_set_property (GObject      *object,
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
iop_measure_class_init (IopMeasureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = iop_measure_finalize;
  object_class->get_property = iop_measure_get_property;
  object_class->set_property = iop_measure_set_property;

  G_STATIC_ASSERT (G_N_ELEMENTS (fields) == N_PROPS - 1);
  iop_entity_install_properties (object_class, fields, G_N_ELEMENTS (fields), properties);
}

static void
iop_measure_init (IopMeasure *self)
{
  self->complete = TRUE;
  self->total = -1;
}

IopMeasure *
iop_measure_new (void)
{
  return g_object_new (IOP_TYPE_MEASURE, NULL);
}

/**
 * iop_measure_copy:
 * @self: a #IopMeasure
 *
 * Returns: (transfer full): an independent copy, for editing without touching @self
 */
IopMeasure *
iop_measure_copy (IopMeasure *self)
{
  IopMeasure *copy = iop_measure_new ();

  copy->id = self->id;
  copy->participant_id = self->participant_id;
  copy->instrument = g_strdup (self->instrument);
  copy->date = g_strdup (self->date);
  copy->complete = self->complete;
  copy->total = self->total;
  copy->severity = g_strdup (self->severity);
  copy->subscores = g_strdup (self->subscores);
  copy->safety_flag = self->safety_flag;
  copy->safety_ack_by = self->safety_ack_by;
  copy->safety_ack_by_name = g_strdup (self->safety_ack_by_name);
  copy->safety_ack_at = g_strdup (self->safety_ack_at);
  copy->entered_by = self->entered_by;
  copy->session_id = self->session_id;
  return copy;
}

/**
 * iop_measure_needs_acknowledgment:
 * @self: an #IopMeasure
 *
 * Returns: %TRUE while a safety flag is raised and no counselor has acknowledged it
 */
gboolean
iop_measure_needs_acknowledgment (IopMeasure *self)
{
  g_return_val_if_fail (IOP_IS_MEASURE (self), FALSE);

  return self->safety_flag && self->safety_ack_by == 0 && (self->safety_ack_at == NULL || *self->safety_ack_at == '\0');
}
