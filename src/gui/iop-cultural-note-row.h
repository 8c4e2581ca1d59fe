/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "iop-cultural-note.h"
#include "iop-store.h"

G_BEGIN_DECLS

#define IOP_TYPE_CULTURAL_NOTE_ROW (iop_cultural_note_row_get_type ())
G_DECLARE_FINAL_TYPE (IopCulturalNoteRow, iop_cultural_note_row, IOP, CULTURAL_NOTE_ROW, AdwBin)

GtkWidget       *iop_cultural_note_row_new          (IopStore           *store,
                                                     gboolean            show_subject);
void             iop_cultural_note_row_set_note     (IopCulturalNoteRow *self,
                                                     IopCulturalNote    *note);
IopCulturalNote *iop_cultural_note_row_get_note     (IopCulturalNoteRow *self);

/* For tests: what a person reads. */
const char      *iop_cultural_note_row_get_state_text (IopCulturalNoteRow *self);

/* Asks for confirmation, then signs; errors go to a dialog over @parent. */
void             iop_cultural_note_confirm_sign     (GtkWidget          *parent,
                                                     IopStore           *store,
                                                     gint64              note_id);
void             iop_cultural_note_ask_addendum     (GtkWidget          *parent,
                                                     IopStore           *store,
                                                     gint64              note_id);
void             iop_cultural_show_error            (GtkWidget          *widget,
                                                     const char         *heading,
                                                     const char         *message);

G_END_DECLS
