/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-cultural-note-addendum"

#include "config.h"

#include "iop-cultural-note-addendum.h"
#include "iop-entity-private.h"

/**
 * IopCulturalNoteAddendum:
 *
 * Text added to a signed cultural note. Permanent, like the note itself.
 */
struct _IopCulturalNoteAddendum
{
  GObject parent_instance;

  gint64 id;
  gint64 note_id;
  gint64 author_id;
  char *author_name;
  char *created_at;
  char *text;
};

G_DEFINE_FINAL_TYPE (IopCulturalNoteAddendum, iop_cultural_note_addendum, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NOTE_ID,
  PROP_AUTHOR_ID,
  PROP_AUTHOR_NAME,
  PROP_CREATED_AT,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const IopField fields[] = {
  IOP_FIELD (IopCulturalNoteAddendum, id, IOP_FIELD_INT64),
  IOP_FIELD (IopCulturalNoteAddendum, note_id, IOP_FIELD_INT64),
  IOP_FIELD (IopCulturalNoteAddendum, author_id, IOP_FIELD_INT64),
  IOP_FIELD (IopCulturalNoteAddendum, author_name, IOP_FIELD_STRING),
  IOP_FIELD (IopCulturalNoteAddendum, created_at, IOP_FIELD_STRING),
  IOP_FIELD (IopCulturalNoteAddendum, text, IOP_FIELD_STRING),
};

IOP_ENTITY_VALUE_ACCESSORS (IopCulturalNoteAddendum, iop_cultural_note_addendum, gint64, id, PROP_ID)
IOP_ENTITY_VALUE_ACCESSORS (IopCulturalNoteAddendum, iop_cultural_note_addendum, gint64, note_id, PROP_NOTE_ID)
IOP_ENTITY_VALUE_ACCESSORS (IopCulturalNoteAddendum, iop_cultural_note_addendum, gint64, author_id, PROP_AUTHOR_ID)
IOP_ENTITY_STRING_ACCESSORS (IopCulturalNoteAddendum, iop_cultural_note_addendum, author_name, PROP_AUTHOR_NAME)
IOP_ENTITY_STRING_ACCESSORS (IopCulturalNoteAddendum, iop_cultural_note_addendum, created_at, PROP_CREATED_AT)
IOP_ENTITY_STRING_ACCESSORS (IopCulturalNoteAddendum, iop_cultural_note_addendum, text, PROP_TEXT)

static void
iop_cultural_note_addendum_finalize (GObject *object)
{
  iop_entity_free_strings (object, fields, G_N_ELEMENTS (fields));

  G_OBJECT_CLASS (iop_cultural_note_addendum_parent_class)->finalize (object);
}

static void
iop_cultural_note_addendum_get_property (GObject    *object,
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
iop_cultural_note_addendum_set_property (GObject      *object,
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
iop_cultural_note_addendum_class_init (IopCulturalNoteAddendumClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = iop_cultural_note_addendum_finalize;
  object_class->get_property = iop_cultural_note_addendum_get_property;
  object_class->set_property = iop_cultural_note_addendum_set_property;

  G_STATIC_ASSERT (G_N_ELEMENTS (fields) == N_PROPS - 1);
  iop_entity_install_properties (object_class, fields, G_N_ELEMENTS (fields), properties);
}

static void
iop_cultural_note_addendum_init (IopCulturalNoteAddendum *self)
{
}

IopCulturalNoteAddendum *
iop_cultural_note_addendum_new (void)
{
  return g_object_new (IOP_TYPE_CULTURAL_NOTE_ADDENDUM, NULL);
}
