/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "iop-instrument.h"
#include "iop-store.h"

G_BEGIN_DECLS

#define IOP_TYPE_MEASURES_SECTION (iop_measures_section_get_type ())
G_DECLARE_FINAL_TYPE (IopMeasuresSection, iop_measures_section, IOP, MEASURES_SECTION, AdwBin)

GtkWidget *iop_measures_section_new                (void);
void       iop_measures_section_set_store          (IopMeasuresSection *self,
                                                    IopStore           *store);
void       iop_measures_section_set_participant_id (IopMeasuresSection *self,
                                                    gint64              participant_id);
GtkWidget *iop_measures_section_open_entry         (IopMeasuresSection *self,
                                                    const char         *instrument);
GtkListBox *iop_measures_section_get_flags_list    (IopMeasuresSection *self);
GtkListBox *iop_measures_section_get_entries_list  (IopMeasuresSection *self);
GtkLabel   *iop_measures_section_get_refused_label (IopMeasuresSection *self);
GtkLabel   *iop_measures_section_get_due_label     (IopMeasuresSection *self);
GtkBox     *iop_measures_section_get_charts_box    (IopMeasuresSection *self);

char      *iop_measure_dup_score_text              (const char         *instrument,
                                                    gboolean            complete,
                                                    int                 total,
                                                    const char         *severity,
                                                    const char         *subscores);

G_END_DECLS
