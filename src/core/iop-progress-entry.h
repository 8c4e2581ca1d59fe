/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define IOP_TYPE_PROGRESS_ENTRY (iop_progress_entry_get_type ())
G_DECLARE_FINAL_TYPE (IopProgressEntry, iop_progress_entry, IOP, PROGRESS_ENTRY, GObject)

IopProgressEntry *iop_progress_entry_new (void);
IopProgressEntry *iop_progress_entry_copy (IopProgressEntry *self);

gint64 iop_progress_entry_get_id (IopProgressEntry *self);
void iop_progress_entry_set_id (IopProgressEntry *self, gint64 value);
gint64 iop_progress_entry_get_goal_id (IopProgressEntry *self);
void iop_progress_entry_set_goal_id (IopProgressEntry *self, gint64 value);
gint64 iop_progress_entry_get_objective_id (IopProgressEntry *self);
void iop_progress_entry_set_objective_id (IopProgressEntry *self, gint64 value);
const char *iop_progress_entry_get_date (IopProgressEntry *self);
void iop_progress_entry_set_date (IopProgressEntry *self, const char *value);
int iop_progress_entry_get_rating (IopProgressEntry *self);
void iop_progress_entry_set_rating (IopProgressEntry *self, int value);
const char *iop_progress_entry_get_note (IopProgressEntry *self);
void iop_progress_entry_set_note (IopProgressEntry *self, const char *value);
gint64 iop_progress_entry_get_author_id (IopProgressEntry *self);
void iop_progress_entry_set_author_id (IopProgressEntry *self, gint64 value);
const char *iop_progress_entry_get_author_name (IopProgressEntry *self);
void iop_progress_entry_set_author_name (IopProgressEntry *self, const char *value);
gint64 iop_progress_entry_get_session_id (IopProgressEntry *self);
void iop_progress_entry_set_session_id (IopProgressEntry *self, gint64 value);

G_END_DECLS
