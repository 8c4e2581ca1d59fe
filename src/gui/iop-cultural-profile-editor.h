/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "iop-store.h"

G_BEGIN_DECLS

#define IOP_TYPE_CULTURAL_PROFILE_EDITOR (iop_cultural_profile_editor_get_type ())
G_DECLARE_FINAL_TYPE (IopCulturalProfileEditor, iop_cultural_profile_editor, IOP, CULTURAL_PROFILE_EDITOR, AdwWindow)

GtkWidget *iop_cultural_profile_editor_new       (IopStore                 *store,
                                                  gint64                    participant_id,
                                                  GError                  **error);

/* For tests: the widget a person uses for @field — a GtkTextView for free text
 * (a profile property name such as "identity", or "cfi-1" … "cfi-4"), an
 * AdwEntryRow for "preferred-name", "pronouns", "primary-language",
 * "interpreter-details", "observance-start", "observance-end" and
 * "interview-date", a GtkSwitch for "interpreter-needed" and
 * "interpreter-arranged", a GtkToggleButton for "weekday-0" … "weekday-6". */
GtkWidget *iop_cultural_profile_editor_get_field (IopCulturalProfileEditor *self,
                                                  const char               *field);
GtkLabel  *iop_cultural_profile_editor_get_error_label (IopCulturalProfileEditor *self);

G_END_DECLS
