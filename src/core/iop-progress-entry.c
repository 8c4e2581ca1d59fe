/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-progress-entry"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "iop-progress-entry.h"
#include "iop-entity-private.h"

/**
 * IopProgressEntry:
 *
 * A dated rating (0–10) of progress toward a goal, optionally from a session.
 */
struct _IopProgressEntry
{
  GObject parent_instance;

  gint64 id;
  gint64 goal_id;
  gint64 objective_id;
  char *date;
  int rating;
  char *note;
  gint64 author_id;
  char *author_name;
  gint64 session_id;
};

G_DEFINE_FINAL_TYPE (IopProgressEntry, iop_progress_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_GOAL_ID,
  PROP_OBJECTIVE_ID,
  PROP_DATE,
  PROP_RATING,
  PROP_NOTE,
  PROP_AUTHOR_ID,
  PROP_AUTHOR_NAME,
  PROP_SESSION_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const IopField fields[] = {
  IOP_FIELD (IopProgressEntry, id, IOP_FIELD_INT64),
  IOP_FIELD (IopProgressEntry, goal_id, IOP_FIELD_INT64),
  IOP_FIELD (IopProgressEntry, objective_id, IOP_FIELD_INT64),
  IOP_FIELD (IopProgressEntry, date, IOP_FIELD_STRING),
  IOP_FIELD (IopProgressEntry, rating, IOP_FIELD_INT),
  IOP_FIELD (IopProgressEntry, note, IOP_FIELD_STRING),
  IOP_FIELD (IopProgressEntry, author_id, IOP_FIELD_INT64),
  IOP_FIELD (IopProgressEntry, author_name, IOP_FIELD_STRING),
  IOP_FIELD (IopProgressEntry, session_id, IOP_FIELD_INT64),
};

IOP_ENTITY_VALUE_ACCESSORS (IopProgressEntry, iop_progress_entry, gint64, id, PROP_ID)
IOP_ENTITY_VALUE_ACCESSORS (IopProgressEntry, iop_progress_entry, gint64, goal_id, PROP_GOAL_ID)
IOP_ENTITY_VALUE_ACCESSORS (IopProgressEntry, iop_progress_entry, gint64, objective_id, PROP_OBJECTIVE_ID)
IOP_ENTITY_STRING_ACCESSORS (IopProgressEntry, iop_progress_entry, date, PROP_DATE)
IOP_ENTITY_VALUE_ACCESSORS (IopProgressEntry, iop_progress_entry, int, rating, PROP_RATING)
IOP_ENTITY_STRING_ACCESSORS (IopProgressEntry, iop_progress_entry, note, PROP_NOTE)
IOP_ENTITY_VALUE_ACCESSORS (IopProgressEntry, iop_progress_entry, gint64, author_id, PROP_AUTHOR_ID)
IOP_ENTITY_STRING_ACCESSORS (IopProgressEntry, iop_progress_entry, author_name, PROP_AUTHOR_NAME)
IOP_ENTITY_VALUE_ACCESSORS (IopProgressEntry, iop_progress_entry, gint64, session_id, PROP_SESSION_ID)

static void
iop_progress_entry_finalize (GObject *object)
{
  iop_entity_free_strings (object, fields, G_N_ELEMENTS (fields));

  G_OBJECT_CLASS (iop_progress_entry_parent_class)->finalize (object);
}

static void
iop_progress_entry_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  if (prop_id == 0 || prop_id >= N_PROPS)
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  else
    iop_entity_get_property (object, fields, prop_id, value);
}

static void
iop_progress_entry_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  if (prop_id == 0 || prop_id >= N_PROPS)
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  else
    iop_entity_set_property (object, fields, prop_id, value, pspec);
}

static void
iop_progress_entry_class_init (IopProgressEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = iop_progress_entry_finalize;
  object_class->get_property = iop_progress_entry_get_property;
  object_class->set_property = iop_progress_entry_set_property;

  G_STATIC_ASSERT (G_N_ELEMENTS (fields) == N_PROPS - 1);
  iop_entity_install_properties (object_class, fields, G_N_ELEMENTS (fields), properties);
}

static void
iop_progress_entry_init (IopProgressEntry *self)
{
}

IopProgressEntry *
iop_progress_entry_new (void)
{
  return g_object_new (IOP_TYPE_PROGRESS_ENTRY, NULL);
}

/**
 * iop_progress_entry_copy:
 * @self: a #IopProgressEntry
 *
 * Returns: (transfer full): an independent copy, for editing without touching @self
 */
IopProgressEntry *
iop_progress_entry_copy (IopProgressEntry *self)
{
  IopProgressEntry *copy = iop_progress_entry_new ();

  copy->id = self->id;
  copy->goal_id = self->goal_id;
  copy->objective_id = self->objective_id;
  copy->date = g_strdup (self->date);
  copy->rating = self->rating;
  copy->note = g_strdup (self->note);
  copy->author_id = self->author_id;
  copy->author_name = g_strdup (self->author_name);
  copy->session_id = self->session_id;
  return copy;
}
