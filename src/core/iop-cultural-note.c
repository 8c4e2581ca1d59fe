/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-cultural-note"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "iop-cultural-note.h"
#include "iop-date.h"
#include "iop-entity-private.h"
#include "iop-validation.h"

#define MAX_TEXT 8000

/**
 * IopCulturalNote:
 *
 * A dated, authored note on a participant or on a group: an observation, an
 * adaptation tried (and how it worked) or a facilitator's reflection. Editable
 * until signed; after that only addenda are added.
 */
struct _IopCulturalNote
{
  GObject parent_instance;

  gint64 id;
  gint64 participant_id;
  gint64 group_id;
  char *subject_name;
  char *date;
  gint64 author_id;
  char *author_name;
  char *kind;
  char *text;
  char *outcome;
  char *created_at;
  char *signed_at;
  char *signed_by_name;
  int n_addenda;
};

G_DEFINE_FINAL_TYPE (IopCulturalNote, iop_cultural_note, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PARTICIPANT_ID,
  PROP_GROUP_ID,
  PROP_SUBJECT_NAME,
  PROP_DATE,
  PROP_AUTHOR_ID,
  PROP_AUTHOR_NAME,
  PROP_KIND,
  PROP_TEXT,
  PROP_OUTCOME,
  PROP_CREATED_AT,
  PROP_SIGNED_AT,
  PROP_SIGNED_BY_NAME,
  PROP_N_ADDENDA,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const IopField fields[] = {
  IOP_FIELD (IopCulturalNote, id, IOP_FIELD_INT64),
  IOP_FIELD (IopCulturalNote, participant_id, IOP_FIELD_INT64),
  IOP_FIELD (IopCulturalNote, group_id, IOP_FIELD_INT64),
  IOP_FIELD (IopCulturalNote, subject_name, IOP_FIELD_STRING),
  IOP_FIELD (IopCulturalNote, date, IOP_FIELD_STRING),
  IOP_FIELD (IopCulturalNote, author_id, IOP_FIELD_INT64),
  IOP_FIELD (IopCulturalNote, author_name, IOP_FIELD_STRING),
  IOP_FIELD (IopCulturalNote, kind, IOP_FIELD_STRING),
  IOP_FIELD (IopCulturalNote, text, IOP_FIELD_STRING),
  IOP_FIELD (IopCulturalNote, outcome, IOP_FIELD_STRING),
  IOP_FIELD (IopCulturalNote, created_at, IOP_FIELD_STRING),
  IOP_FIELD (IopCulturalNote, signed_at, IOP_FIELD_STRING),
  IOP_FIELD (IopCulturalNote, signed_by_name, IOP_FIELD_STRING),
  IOP_FIELD (IopCulturalNote, n_addenda, IOP_FIELD_INT),
};

IOP_ENTITY_VALUE_ACCESSORS (IopCulturalNote, iop_cultural_note, gint64, id, PROP_ID)
IOP_ENTITY_VALUE_ACCESSORS (IopCulturalNote, iop_cultural_note, gint64, participant_id, PROP_PARTICIPANT_ID)
IOP_ENTITY_VALUE_ACCESSORS (IopCulturalNote, iop_cultural_note, gint64, group_id, PROP_GROUP_ID)
IOP_ENTITY_STRING_ACCESSORS (IopCulturalNote, iop_cultural_note, subject_name, PROP_SUBJECT_NAME)
IOP_ENTITY_STRING_ACCESSORS (IopCulturalNote, iop_cultural_note, date, PROP_DATE)
IOP_ENTITY_VALUE_ACCESSORS (IopCulturalNote, iop_cultural_note, gint64, author_id, PROP_AUTHOR_ID)
IOP_ENTITY_STRING_ACCESSORS (IopCulturalNote, iop_cultural_note, author_name, PROP_AUTHOR_NAME)
IOP_ENTITY_STRING_ACCESSORS (IopCulturalNote, iop_cultural_note, kind, PROP_KIND)
IOP_ENTITY_STRING_ACCESSORS (IopCulturalNote, iop_cultural_note, text, PROP_TEXT)
IOP_ENTITY_STRING_ACCESSORS (IopCulturalNote, iop_cultural_note, outcome, PROP_OUTCOME)
IOP_ENTITY_STRING_ACCESSORS (IopCulturalNote, iop_cultural_note, created_at, PROP_CREATED_AT)
IOP_ENTITY_STRING_ACCESSORS (IopCulturalNote, iop_cultural_note, signed_at, PROP_SIGNED_AT)
IOP_ENTITY_STRING_ACCESSORS (IopCulturalNote, iop_cultural_note, signed_by_name, PROP_SIGNED_BY_NAME)
IOP_ENTITY_VALUE_ACCESSORS (IopCulturalNote, iop_cultural_note, int, n_addenda, PROP_N_ADDENDA)

static void
iop_cultural_note_finalize (GObject *object)
{
  iop_entity_free_strings (object, fields, G_N_ELEMENTS (fields));

  G_OBJECT_CLASS (iop_cultural_note_parent_class)->finalize (object);
}

static void
iop_cultural_note_get_property (GObject    *object,
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
iop_cultural_note_set_property (GObject      *object,
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
iop_cultural_note_class_init (IopCulturalNoteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = iop_cultural_note_finalize;
  object_class->get_property = iop_cultural_note_get_property;
  object_class->set_property = iop_cultural_note_set_property;

  G_STATIC_ASSERT (G_N_ELEMENTS (fields) == N_PROPS - 1);
  iop_entity_install_properties (object_class, fields, G_N_ELEMENTS (fields), properties);
}

static void
iop_cultural_note_init (IopCulturalNote *self)
{
  self->kind = g_strdup ("observation");
}

IopCulturalNote *
iop_cultural_note_new (void)
{
  return g_object_new (IOP_TYPE_CULTURAL_NOTE, NULL);
}

/**
 * iop_cultural_note_copy:
 * @self: an #IopCulturalNote
 *
 * Returns: (transfer full): an independent copy, for editing without touching @self
 */
IopCulturalNote *
iop_cultural_note_copy (IopCulturalNote *self)
{
  IopCulturalNote *copy;

  g_return_val_if_fail (IOP_IS_CULTURAL_NOTE (self), NULL);

  copy = iop_cultural_note_new ();
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, properties[i + 1]->value_type);
      g_object_get_property (G_OBJECT (self), properties[i + 1]->name, &value);
      g_object_set_property (G_OBJECT (copy), properties[i + 1]->name, &value);
    }
  return copy;
}

gboolean
iop_cultural_note_is_signed (IopCulturalNote *self)
{
  g_return_val_if_fail (IOP_IS_CULTURAL_NOTE (self), FALSE);

  return !iop_text_is_blank (self->signed_at);
}

/**
 * iop_cultural_note_dup_state_label:
 * @self: an #IopCulturalNote
 *
 * The signed state in words, so that it never depends on an icon or a colour.
 *
 * Returns: (transfer full): for example “Signed by Camila Ortega, LCSW” or “Draft, not signed”
 */
char *
iop_cultural_note_dup_state_label (IopCulturalNote *self)
{
  g_return_val_if_fail (IOP_IS_CULTURAL_NOTE (self), NULL);

  if (!iop_cultural_note_is_signed (self))
    return g_strdup (_("Draft, not signed"));
  if (iop_text_is_blank (self->signed_by_name))
    return g_strdup (_("Signed"));
  return g_strdup_printf (_("Signed by %s"), self->signed_by_name);
}

/**
 * iop_cultural_note_validate:
 * @self: an #IopCulturalNote
 * @error: return location for a #GError
 *
 * Returns: %TRUE when the note may be saved
 */
gboolean
iop_cultural_note_validate (IopCulturalNote  *self,
                            GError          **error)
{
  g_autofree char *today = iop_date_today ();

  g_return_val_if_fail (IOP_IS_CULTURAL_NOTE (self), FALSE);

  if ((self->participant_id > 0) == (self->group_id > 0))
    return iop_validation_error (error, _("Choose whether the note is about a participant or a group."));
  if (iop_text_is_blank (self->text))
    return iop_validation_error (error, _("Write the note before saving it."));
  if (g_utf8_strlen (self->text, -1) > MAX_TEXT
      || (self->outcome != NULL && g_utf8_strlen (self->outcome, -1) > MAX_TEXT))
    return iop_validation_error (error, _("The note is too long (8000 characters at most)."));
  if (!g_strv_contains (iop_cultural_note_kind_values (), self->kind != NULL ? self->kind : ""))
    return iop_validation_error (error, _("Choose what kind of note this is."));
  if (!iop_date_is_valid (self->date))
    return iop_validation_error (error, _("The note's date is not a real date (use YYYY-MM-DD)."));
  if (g_strcmp0 (self->date, today) > 0)
    return iop_validation_error (error, _("The note's date is in the future."));
  return TRUE;
}

/**
 * iop_cultural_note_kind_values:
 *
 * Returns: (transfer none): the kinds of note, as stored
 */
const char * const *
iop_cultural_note_kind_values (void)
{
  static const char * const values[] = { "observation", "adaptation", "reflection", NULL };

  return values;
}

const char *
iop_cultural_note_kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "observation") == 0)
    return _("Observation");
  if (g_strcmp0 (kind, "adaptation") == 0)
    return _("Adaptation tried");
  if (g_strcmp0 (kind, "reflection") == 0)
    return _("Reflection");
  return kind != NULL ? kind : "";
}
