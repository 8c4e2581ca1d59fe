/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define IOP_TYPE_CULTURAL_NOTE_ADDENDUM (iop_cultural_note_addendum_get_type ())
G_DECLARE_FINAL_TYPE (IopCulturalNoteAddendum, iop_cultural_note_addendum, IOP, CULTURAL_NOTE_ADDENDUM, GObject)

IopCulturalNoteAddendum *iop_cultural_note_addendum_new (void);

gint64 iop_cultural_note_addendum_get_id (IopCulturalNoteAddendum *self);
void iop_cultural_note_addendum_set_id (IopCulturalNoteAddendum *self, gint64 value);
gint64 iop_cultural_note_addendum_get_note_id (IopCulturalNoteAddendum *self);
void iop_cultural_note_addendum_set_note_id (IopCulturalNoteAddendum *self, gint64 value);
gint64 iop_cultural_note_addendum_get_author_id (IopCulturalNoteAddendum *self);
void iop_cultural_note_addendum_set_author_id (IopCulturalNoteAddendum *self, gint64 value);
const char *iop_cultural_note_addendum_get_author_name (IopCulturalNoteAddendum *self);
void iop_cultural_note_addendum_set_author_name (IopCulturalNoteAddendum *self, const char *value);
const char *iop_cultural_note_addendum_get_created_at (IopCulturalNoteAddendum *self);
void iop_cultural_note_addendum_set_created_at (IopCulturalNoteAddendum *self, const char *value);
const char *iop_cultural_note_addendum_get_text (IopCulturalNoteAddendum *self);
void iop_cultural_note_addendum_set_text (IopCulturalNoteAddendum *self, const char *value);

G_END_DECLS
