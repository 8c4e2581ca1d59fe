/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Sessions, attendance, notes, signing and review, and IOP weekly hours. */

#include "iop-attendance.h"
#include "iop-name-guard.h"
#include "iop-session.h"
#include "iop-store.h"

G_BEGIN_DECLS

/**
 * IopSessionQuery:
 * @group_id: only this group's sessions, or 0 for all
 * @from: (nullable): first date, inclusive
 * @to: (nullable): last date, inclusive
 * @state: (nullable): only sessions in this state
 *
 * Which sessions iop_store_list_sessions() returns.
 */
typedef struct {
  gint64      group_id;
  const char *from;
  const char *to;
  const char *state;
} IopSessionQuery;

/**
 * IopSignFlags:
 * @IOP_SIGN_NONE: refuse when a note names another member or two notes are near-identical
 * @IOP_SIGN_ACCEPT_NAMES: the signer reviewed the marked names and keeps them
 * @IOP_SIGN_ACCEPT_SIMILAR: the signer reviewed the near-identical notes and keeps them
 */
typedef enum {
  IOP_SIGN_NONE            = 0,
  IOP_SIGN_ACCEPT_NAMES    = 1 << 0,
  IOP_SIGN_ACCEPT_SIMILAR  = 1 << 1,
} IopSignFlags;

/**
 * IopNameIssue:
 * @participant_id: whose individualized note
 * @named_id: whose name it contains
 * @field: which part of the note (0 presentation … 4 plan)
 * @text: (transfer full): the name as written
 *
 * One other member's name in a member's individualized note.
 */
typedef struct {
  gint64  participant_id;
  gint64  named_id;
  guint   field;
  char   *text;
} IopNameIssue;

/**
 * IopSimilarNotes:
 * @a: one member
 * @b: another member
 * @similarity: 0 to 1
 */
typedef struct {
  gint64 a;
  gint64 b;
  double similarity;
} IopSimilarNotes;

/**
 * IopSigningCheck:
 * @names: (element-type IopNameIssue): names of other members in notes
 * @similar: (element-type IopSimilarNotes): pairs of near-identical notes
 * @guard: the session's name guard, for naming people in the question
 */
typedef struct {
  GArray       *names;
  GArray       *similar;
  IopNameGuard *guard;
} IopSigningCheck;

void iop_signing_check_free (IopSigningCheck *check);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IopSigningCheck, iop_signing_check_free)

/**
 * IopSessionEvent:
 * @kind: "addendum", "cosign" or "return"
 * @at: UTC timestamp
 * @author_id: the staff member
 * @author_name: their full name
 * @participant_id: for an addendum about one member, that member; else 0
 * @text: the addendum, or the reviewer's comment
 */
typedef struct {
  char   *kind;
  char   *at;
  gint64  author_id;
  char   *author_name;
  gint64  participant_id;
  char   *text;
} IopSessionEvent;

void iop_session_event_free (IopSessionEvent *event);

/**
 * IopHoursMinimums:
 * @adult_iop: hours a week for adult IOP (9 by default)
 * @adolescent_iop: hours a week for adolescent IOP (6)
 * @php: hours a week for partial hospitalization (20)
 *
 * The weekly minimums, from the preferences (passed in; core reads no GSettings).
 */
typedef struct {
  double adult_iop;
  double adolescent_iop;
  double php;
} IopHoursMinimums;

#define IOP_HOURS_MINIMUMS_INIT { 9.0, 6.0, 20.0 }

/**
 * IopWeekHours:
 * @week_start: the Monday the week starts on
 * @minutes: minutes attended that week
 * @days: days with any attendance that week
 * @minimum_minutes: the level of care's weekly minimum
 */
typedef struct {
  char week_start[11];
  int  minutes;
  int  days;
  int  minimum_minutes;
} IopWeekHours;

/**
 * IopHoursShortfall:
 * A participant under the weekly minimum.
 */
typedef struct {
  gint64  participant_id;
  char   *record_number;
  char   *name;
  char   *level_of_care;
  int     minutes;
  int     days;
  int     minimum_minutes;
} IopHoursShortfall;

void iop_hours_shortfall_free (IopHoursShortfall *shortfall);

int  iop_hours_minimum_minutes (const IopHoursMinimums *minimums,
                                const char             *level_of_care);

/* Sessions */
gboolean         iop_store_generate_sessions      (IopStore               *self,
                                                   gint64                  group_id,
                                                   const char             *from,
                                                   const char             *to,
                                                   guint                  *out_created,
                                                   GError                **error);
gboolean         iop_store_add_session            (IopStore               *self,
                                                   IopSession             *session,
                                                   GError                **error);
gboolean         iop_store_update_session_details (IopStore               *self,
                                                   IopSession             *session,
                                                   GError                **error);
IopSession      *iop_store_get_session            (IopStore               *self,
                                                   gint64                  id,
                                                   GError                **error);
GListModel      *iop_store_list_sessions          (IopStore               *self,
                                                   const IopSessionQuery  *query,
                                                   GError                **error);
GListModel      *iop_store_list_review_queue      (IopStore               *self,
                                                   GError                **error);
GListModel      *iop_store_list_sessions_to_document     (IopStore               *self,
                                                   gint64                  staff_id,
                                                   const char             *today,
                                                   GError                **error);
gboolean         iop_store_cancel_session         (IopStore               *self,
                                                   gint64                  session_id,
                                                   const char             *reason,
                                                   GError                **error);

/* Attendance and notes */
GPtrArray       *iop_store_list_attendance        (IopStore               *self,
                                                   gint64                  session_id,
                                                   GError                **error);
gboolean         iop_store_set_attendance         (IopStore               *self,
                                                   gint64                  session_id,
                                                   gint64                  participant_id,
                                                   const char             *status,
                                                   int                     minutes,
                                                   int                     participation,
                                                   GError                **error);
gboolean         iop_store_set_shared_note        (IopStore               *self,
                                                   gint64                  session_id,
                                                   const char             *topic,
                                                   const char             *interventions,
                                                   const char             *group_process,
                                                   GError                **error);
gboolean         iop_store_set_climate            (IopStore               *self,
                                                   gint64                  session_id,
                                                   const int              *ratings,
                                                   GError                **error);
gboolean         iop_store_set_member_note        (IopStore               *self,
                                                   gint64                  session_id,
                                                   gint64                  participant_id,
                                                   const char * const     *parts,
                                                   GError                **error);
IopNameGuard    *iop_store_dup_session_name_guard (IopStore               *self,
                                                   gint64                  session_id,
                                                   GError                **error);

/* Signing and review */
IopSigningCheck *iop_store_check_session_notes    (IopStore               *self,
                                                   gint64                  session_id,
                                                   GError                **error);
gboolean         iop_store_sign_session           (IopStore               *self,
                                                   gint64                  session_id,
                                                   IopSignFlags            flags,
                                                   GError                **error);
gboolean         iop_store_cosign_session         (IopStore               *self,
                                                   gint64                  session_id,
                                                   GError                **error);
gboolean         iop_store_return_session         (IopStore               *self,
                                                   gint64                  session_id,
                                                   const char             *comment,
                                                   GError                **error);
gboolean         iop_store_add_session_addendum   (IopStore               *self,
                                                   gint64                  session_id,
                                                   gint64                  participant_id,
                                                   const char             *text,
                                                   GError                **error);
GPtrArray       *iop_store_list_session_events    (IopStore               *self,
                                                   gint64                  session_id,
                                                   GError                **error);

/* IOP hours */
GArray          *iop_store_list_weekly_hours      (IopStore               *self,
                                                   gint64                  participant_id,
                                                   const char             *from,
                                                   const char             *to,
                                                   const IopHoursMinimums *minimums,
                                                   GError                **error);
GPtrArray       *iop_store_list_under_minimum     (IopStore               *self,
                                                   const char             *week_start,
                                                   const IopHoursMinimums *minimums,
                                                   GError                **error);

const char      *iop_member_note_field_label      (guint                   field);

#define IOP_MEMBER_NOTE_N_FIELDS 5

G_END_DECLS
