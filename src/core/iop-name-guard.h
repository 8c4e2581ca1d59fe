/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * IopNameMatch:
 * @start: byte offset of the name in the text
 * @end: byte offset just after the name (a possessive "'s" is not included)
 * @participant_id: the participant the name belongs to (the first, when several share it)
 * @possessive: the name was followed by "'s" or "'"
 * @sentence_start: the name starts a sentence
 *
 * One participant's name found in a text.
 */
typedef struct {
  gsize    start;
  gsize    end;
  gint64   participant_id;
  gboolean possessive;
  gboolean sentence_start;
} IopNameMatch;

typedef const char *(*IopNameReplacementFunc) (const IopNameMatch *match,
                                               gpointer            user_data);

#define IOP_SIMILARITY_WARNING 0.9

#define IOP_TYPE_NAME_GUARD (iop_name_guard_get_type ())
G_DECLARE_FINAL_TYPE (IopNameGuard, iop_name_guard, IOP, NAME_GUARD, GObject)

IopNameGuard *iop_name_guard_new              (void);
void          iop_name_guard_add_participant  (IopNameGuard *self,
                                               gint64        participant_id,
                                               const char   *first_name,
                                               const char   *last_name,
                                               const char   *preferred_name);
gboolean      iop_name_guard_has_participant  (IopNameGuard *self,
                                               gint64        participant_id);
const char   *iop_name_guard_get_display_name (IopNameGuard *self,
                                               gint64        participant_id);
GArray       *iop_name_guard_find             (IopNameGuard *self,
                                               const char   *text,
                                               gint64        except_id);
char         *iop_name_guard_redact           (IopNameGuard *self,
                                               const char   *text,
                                               gint64        keep_id);
char         *iop_name_guard_replace          (IopNameGuard           *self,
                                               const char             *text,
                                               IopNameReplacementFunc  func,
                                               gpointer                user_data);

gboolean      iop_name_is_common_word         (const char   *name);
char         *iop_name_fold                   (const char   *text);
double        iop_text_similarity             (const char   *a,
                                               const char   *b);

G_END_DECLS
