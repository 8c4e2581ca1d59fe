/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "iop-cultural-note.h"
#include "iop-store.h"

G_BEGIN_DECLS

#define IOP_TYPE_CULTURAL_NOTE_EDITOR (iop_cultural_note_editor_get_type ())
G_DECLARE_FINAL_TYPE (IopCulturalNoteEditor, iop_cultural_note_editor, IOP, CULTURAL_NOTE_EDITOR, AdwWindow)

/* A new note about a participant or a group chosen in the editor. */
GtkWidget   *iop_cultural_note_editor_new                 (IopStore              *store);
GtkWidget   *iop_cultural_note_editor_new_for_participant (IopStore              *store,
                                                           gint64                 participant_id);
GtkWidget   *iop_cultural_note_editor_new_for_group       (IopStore              *store,
                                                           gint64                 group_id);
GtkWidget   *iop_cultural_note_editor_new_for_note        (IopStore              *store,
                                                           IopCulturalNote       *note);

/* For tests: the fields a person fills in. */
GtkTextView *iop_cultural_note_editor_get_text_view       (IopCulturalNoteEditor *self);
GtkTextView *iop_cultural_note_editor_get_outcome_view    (IopCulturalNoteEditor *self);
AdwEntryRow *iop_cultural_note_editor_get_date_row        (IopCulturalNoteEditor *self);
AdwComboRow *iop_cultural_note_editor_get_kind_row        (IopCulturalNoteEditor *self);
AdwComboRow *iop_cultural_note_editor_get_subject_row     (IopCulturalNoteEditor *self);
GtkLabel    *iop_cultural_note_editor_get_error_label     (IopCulturalNoteEditor *self);

G_END_DECLS
