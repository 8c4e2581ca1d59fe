/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define IOP_TYPE_MEASURE (iop_measure_get_type ())
G_DECLARE_FINAL_TYPE (IopMeasure, iop_measure, IOP, MEASURE, GObject)

IopMeasure *iop_measure_new (void);
IopMeasure *iop_measure_copy (IopMeasure *self);

gint64 iop_measure_get_id (IopMeasure *self);
void iop_measure_set_id (IopMeasure *self, gint64 value);
gint64 iop_measure_get_participant_id (IopMeasure *self);
void iop_measure_set_participant_id (IopMeasure *self, gint64 value);
const char *iop_measure_get_instrument (IopMeasure *self);
void iop_measure_set_instrument (IopMeasure *self, const char *value);
const char *iop_measure_get_date (IopMeasure *self);
void iop_measure_set_date (IopMeasure *self, const char *value);
gboolean iop_measure_get_complete (IopMeasure *self);
void iop_measure_set_complete (IopMeasure *self, gboolean value);
int iop_measure_get_total (IopMeasure *self);
void iop_measure_set_total (IopMeasure *self, int value);
const char *iop_measure_get_severity (IopMeasure *self);
void iop_measure_set_severity (IopMeasure *self, const char *value);
const char *iop_measure_get_subscores (IopMeasure *self);
void iop_measure_set_subscores (IopMeasure *self, const char *value);
gboolean iop_measure_get_safety_flag (IopMeasure *self);
void iop_measure_set_safety_flag (IopMeasure *self, gboolean value);
gint64 iop_measure_get_safety_ack_by (IopMeasure *self);
void iop_measure_set_safety_ack_by (IopMeasure *self, gint64 value);
const char *iop_measure_get_safety_ack_by_name (IopMeasure *self);
void iop_measure_set_safety_ack_by_name (IopMeasure *self, const char *value);
const char *iop_measure_get_safety_ack_at (IopMeasure *self);
void iop_measure_set_safety_ack_at (IopMeasure *self, const char *value);
gint64 iop_measure_get_entered_by (IopMeasure *self);
void iop_measure_set_entered_by (IopMeasure *self, gint64 value);
gint64 iop_measure_get_session_id (IopMeasure *self);
void iop_measure_set_session_id (IopMeasure *self, gint64 value);

gboolean     iop_measure_needs_acknowledgment  (IopMeasure *self);

G_END_DECLS
