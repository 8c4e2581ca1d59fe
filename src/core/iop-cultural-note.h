/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define IOP_TYPE_CULTURAL_NOTE (iop_cultural_note_get_type ())
G_DECLARE_FINAL_TYPE (IopCulturalNote, iop_cultural_note, IOP, CULTURAL_NOTE, GObject)

IopCulturalNote *iop_cultural_note_new  (void);
IopCulturalNote *iop_cultural_note_copy (IopCulturalNote *self);

gint64 iop_cultural_note_get_id (IopCulturalNote *self);
void iop_cultural_note_set_id (IopCulturalNote *self, gint64 value);
gint64 iop_cultural_note_get_participant_id (IopCulturalNote *self);
void iop_cultural_note_set_participant_id (IopCulturalNote *self, gint64 value);
gint64 iop_cultural_note_get_group_id (IopCulturalNote *self);
void iop_cultural_note_set_group_id (IopCulturalNote *self, gint64 value);
const char *iop_cultural_note_get_subject_name (IopCulturalNote *self);
void iop_cultural_note_set_subject_name (IopCulturalNote *self, const char *value);
const char *iop_cultural_note_get_date (IopCulturalNote *self);
void iop_cultural_note_set_date (IopCulturalNote *self, const char *value);
gint64 iop_cultural_note_get_author_id (IopCulturalNote *self);
void iop_cultural_note_set_author_id (IopCulturalNote *self, gint64 value);
const char *iop_cultural_note_get_author_name (IopCulturalNote *self);
void iop_cultural_note_set_author_name (IopCulturalNote *self, const char *value);
const char *iop_cultural_note_get_kind (IopCulturalNote *self);
void iop_cultural_note_set_kind (IopCulturalNote *self, const char *value);
const char *iop_cultural_note_get_text (IopCulturalNote *self);
void iop_cultural_note_set_text (IopCulturalNote *self, const char *value);
const char *iop_cultural_note_get_outcome (IopCulturalNote *self);
void iop_cultural_note_set_outcome (IopCulturalNote *self, const char *value);
const char *iop_cultural_note_get_created_at (IopCulturalNote *self);
void iop_cultural_note_set_created_at (IopCulturalNote *self, const char *value);
const char *iop_cultural_note_get_signed_at (IopCulturalNote *self);
void iop_cultural_note_set_signed_at (IopCulturalNote *self, const char *value);
const char *iop_cultural_note_get_signed_by_name (IopCulturalNote *self);
void iop_cultural_note_set_signed_by_name (IopCulturalNote *self, const char *value);
int iop_cultural_note_get_n_addenda (IopCulturalNote *self);
void iop_cultural_note_set_n_addenda (IopCulturalNote *self, int value);

gboolean     iop_cultural_note_is_signed       (IopCulturalNote  *self);
char        *iop_cultural_note_dup_state_label (IopCulturalNote  *self);
gboolean     iop_cultural_note_validate        (IopCulturalNote  *self,
                                                GError          **error);

const char * const *iop_cultural_note_kind_values (void);
const char  *iop_cultural_note_kind_label      (const char       *kind);

G_END_DECLS
