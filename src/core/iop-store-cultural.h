/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Cultural profiles, cultural-responsiveness notes, group composition and gaps. */

#include "iop-cultural-composition.h"
#include "iop-cultural-gap.h"
#include "iop-cultural-note-addendum.h"
#include "iop-cultural-note.h"
#include "iop-cultural-profile.h"
#include "iop-participant.h"
#include "iop-store.h"

G_BEGIN_DECLS

/* How long a profile stays current without a review, unless the program sets
 * the database setting "cultural-review-days". */
#define IOP_CULTURAL_REVIEW_DAYS 90

/* Profiles */
IopCulturalProfile     *iop_store_get_cultural_profile            (IopStore            *self,
                                                                   gint64               participant_id,
                                                                   GError             **error);
gboolean                iop_store_save_cultural_profile           (IopStore            *self,
                                                                   IopCulturalProfile  *profile,
                                                                   IopParticipant      *participant,
                                                                   GError             **error);
gboolean                iop_store_mark_cultural_profile_reviewed  (IopStore            *self,
                                                                   gint64               participant_id,
                                                                   const char          *date,
                                                                   GError             **error);

/* Notes */
gboolean                iop_store_add_cultural_note               (IopStore            *self,
                                                                   IopCulturalNote     *note,
                                                                   GError             **error);
gboolean                iop_store_update_cultural_note            (IopStore            *self,
                                                                   IopCulturalNote     *note,
                                                                   GError             **error);
gboolean                iop_store_sign_cultural_note              (IopStore            *self,
                                                                   gint64               note_id,
                                                                   GError             **error);
gboolean                iop_store_add_cultural_note_addendum      (IopStore            *self,
                                                                   gint64               note_id,
                                                                   const char          *text,
                                                                   gint64              *out_id,
                                                                   GError             **error);
IopCulturalNote        *iop_store_get_cultural_note               (IopStore            *self,
                                                                   gint64               note_id,
                                                                   GError             **error);
GListModel             *iop_store_list_cultural_notes_for_participant (IopStore        *self,
                                                                   gint64               participant_id,
                                                                   GError             **error);
GListModel             *iop_store_list_cultural_notes_for_group   (IopStore            *self,
                                                                   gint64               group_id,
                                                                   GError             **error);
GListModel             *iop_store_list_recent_cultural_notes      (IopStore            *self,
                                                                   guint                limit,
                                                                   GError             **error);
GListModel             *iop_store_list_cultural_note_addenda      (IopStore            *self,
                                                                   gint64               note_id,
                                                                   GError             **error);

/* The program */
IopCulturalComposition *iop_store_get_cultural_composition        (IopStore            *self,
                                                                   gint64               group_id,
                                                                   const char          *date,
                                                                   GError             **error);
GListModel             *iop_store_list_cultural_gaps              (IopStore            *self,
                                                                   const char          *today,
                                                                   int                  review_days,
                                                                   GError             **error);
int                     iop_store_get_cultural_review_days        (IopStore            *self);

/*
 * INTERNAL — ON SCREEN ONLY.
 *
 * Who has a schedule conflict with a group, by name, for the group page a
 * facilitator looks at. Never use this in anything printed, exported or
 * reported: those carry IopCulturalComposition's counts and no names.
 */
typedef struct {
  gint64  participant_id;
  char   *participant_name;
  char   *observances;
  char   *schedule;
} IopCulturalConflict;

void        iop_cultural_conflict_free                         (IopCulturalConflict *conflict);
GPtrArray  *iop_store_list_cultural_conflicts_for_screen       (IopStore            *self,
                                                                gint64               group_id,
                                                                const char          *date,
                                                                GError             **error);

G_END_DECLS
