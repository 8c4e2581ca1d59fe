/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * IopCulturalGapKind:
 * @IOP_CULTURAL_GAP_INTERPRETER: an interpreter is needed but not arranged
 * @IOP_CULTURAL_GAP_NOT_STARTED: an active participant has no profile yet
 * @IOP_CULTURAL_GAP_REVIEW_DUE: the profile has not been reviewed within the review period
 *
 * What is missing, most urgent first.
 */
typedef enum {
  IOP_CULTURAL_GAP_INTERPRETER,
  IOP_CULTURAL_GAP_NOT_STARTED,
  IOP_CULTURAL_GAP_REVIEW_DUE,
} IopCulturalGapKind;

#define IOP_TYPE_CULTURAL_GAP (iop_cultural_gap_get_type ())
G_DECLARE_FINAL_TYPE (IopCulturalGap, iop_cultural_gap, IOP, CULTURAL_GAP, GObject)

IopCulturalGap *iop_cultural_gap_new (IopCulturalGapKind kind);

IopCulturalGapKind iop_cultural_gap_get_kind (IopCulturalGap *self);
gint64 iop_cultural_gap_get_participant_id (IopCulturalGap *self);
void iop_cultural_gap_set_participant_id (IopCulturalGap *self, gint64 value);
const char *iop_cultural_gap_get_participant_name (IopCulturalGap *self);
void iop_cultural_gap_set_participant_name (IopCulturalGap *self, const char *value);
const char *iop_cultural_gap_get_record_number (IopCulturalGap *self);
void iop_cultural_gap_set_record_number (IopCulturalGap *self, const char *value);
const char *iop_cultural_gap_get_since (IopCulturalGap *self);
void iop_cultural_gap_set_since (IopCulturalGap *self, const char *value);

const char *iop_cultural_gap_kind_id     (IopCulturalGapKind kind);
const char *iop_cultural_gap_kind_label  (IopCulturalGapKind kind);
char       *iop_cultural_gap_dup_detail  (IopCulturalGap    *self);
const char *iop_cultural_gap_next_action (IopCulturalGap    *self);

G_END_DECLS
