/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Measures: instruments answered item by item, scored on entry. */

#include "iop-instrument.h"
#include "iop-measure.h"
#include "iop-store.h"

G_BEGIN_DECLS

/**
 * IopMeasureInterval:
 * @instrument: an instrument id ("PHQ-9")
 * @days: how often it is given (from the per-desk settings)
 */
typedef struct {
  const char *instrument;
  int         days;
} IopMeasureInterval;

/**
 * IopMeasureDue:
 * @participant_id: who
 * @participant_name: the name they go by and their last name
 * @record_number: their record number
 * @instrument: what is due
 * @last_date: (nullable): when it was last given, %NULL if never
 * @due_date: when it is (or was) due: the last date plus the interval, or the
 *   admission date if never given
 */
typedef struct {
  gint64  participant_id;
  char   *participant_name;
  char   *record_number;
  char   *instrument;
  char   *last_date;
  char   *due_date;
} IopMeasureDue;

void        iop_measure_due_free                (IopMeasureDue            *due);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IopMeasureDue, iop_measure_due_free)

gboolean    iop_store_add_measure               (IopStore                 *self,
                                                 IopInstrument            *instrument,
                                                 gint64                    participant_id,
                                                 const char               *date,
                                                 const int                *answers,
                                                 guint                     n_answers,
                                                 gint64                    session_id,
                                                 gint64                   *out_measure_id,
                                                 GError                  **error);
IopMeasure *iop_store_get_measure               (IopStore                 *self,
                                                 gint64                    measure_id,
                                                 GError                  **error);
GPtrArray  *iop_store_list_measures             (IopStore                 *self,
                                                 gint64                    participant_id,
                                                 const char               *instrument,
                                                 GError                  **error);
GArray     *iop_store_get_measure_answers       (IopStore                 *self,
                                                 gint64                    measure_id,
                                                 guint                     n_items,
                                                 GError                  **error);
gboolean    iop_store_acknowledge_safety_flag   (IopStore                 *self,
                                                 gint64                    measure_id,
                                                 GError                  **error);
GPtrArray  *iop_store_list_unacknowledged_flags (IopStore                 *self,
                                                 GError                  **error);
GPtrArray  *iop_store_list_measures_due         (IopStore                 *self,
                                                 gint64                    participant_id,
                                                 const char               *today,
                                                 const IopMeasureInterval *intervals,
                                                 guint                     n_intervals,
                                                 GError                  **error);

G_END_DECLS
