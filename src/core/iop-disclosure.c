/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-disclosure"

#include "config.h"

#include "iop-disclosure.h"
#include "iop-entity-private.h"

/**
 * IopDisclosure:
 *
 * One disclosure of a participant's record outside the program: what, when, to whom, under which consent, by whom.
 */
struct _IopDisclosure
{
  GObject parent_instance;

  gint64 id;
  gint64 participant_id;
  gint64 consent_id;
  char *recipient;
  char *what;
  char *at;
  gint64 staff_id;
  char *staff_name;
};

G_DEFINE_FINAL_TYPE (IopDisclosure, iop_disclosure, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PARTICIPANT_ID,
  PROP_CONSENT_ID,
  PROP_RECIPIENT,
  PROP_WHAT,
  PROP_AT,
  PROP_STAFF_ID,
  PROP_STAFF_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const IopField fields[] = {
  IOP_FIELD (IopDisclosure, id, IOP_FIELD_INT64),
  IOP_FIELD (IopDisclosure, participant_id, IOP_FIELD_INT64),
  IOP_FIELD (IopDisclosure, consent_id, IOP_FIELD_INT64),
  IOP_FIELD (IopDisclosure, recipient, IOP_FIELD_STRING),
  IOP_FIELD (IopDisclosure, what, IOP_FIELD_STRING),
  IOP_FIELD (IopDisclosure, at, IOP_FIELD_STRING),
  IOP_FIELD (IopDisclosure, staff_id, IOP_FIELD_INT64),
  IOP_FIELD (IopDisclosure, staff_name, IOP_FIELD_STRING),
};

IOP_ENTITY_VALUE_ACCESSORS (IopDisclosure, iop_disclosure, gint64, id, PROP_ID)
IOP_ENTITY_VALUE_ACCESSORS (IopDisclosure, iop_disclosure, gint64, participant_id, PROP_PARTICIPANT_ID)
IOP_ENTITY_VALUE_ACCESSORS (IopDisclosure, iop_disclosure, gint64, consent_id, PROP_CONSENT_ID)
IOP_ENTITY_STRING_ACCESSORS (IopDisclosure, iop_disclosure, recipient, PROP_RECIPIENT)
IOP_ENTITY_STRING_ACCESSORS (IopDisclosure, iop_disclosure, what, PROP_WHAT)
IOP_ENTITY_STRING_ACCESSORS (IopDisclosure, iop_disclosure, at, PROP_AT)
IOP_ENTITY_VALUE_ACCESSORS (IopDisclosure, iop_disclosure, gint64, staff_id, PROP_STAFF_ID)
IOP_ENTITY_STRING_ACCESSORS (IopDisclosure, iop_disclosure, staff_name, PROP_STAFF_NAME)

static void
iop_disclosure_finalize (GObject *object)
{
  iop_entity_free_strings (object, fields, G_N_ELEMENTS (fields));

  G_OBJECT_CLASS (iop_disclosure_parent_class)->finalize (object);
}

static void
iop_disclosure_get_property (GObject    *object,
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
iop_disclosure_set_property (GObject      *object,
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
iop_disclosure_class_init (IopDisclosureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = iop_disclosure_finalize;
  object_class->get_property = iop_disclosure_get_property;
  object_class->set_property = iop_disclosure_set_property;

  G_STATIC_ASSERT (G_N_ELEMENTS (fields) == N_PROPS - 1);
  iop_entity_install_properties (object_class, fields, G_N_ELEMENTS (fields), properties);
}

static void
iop_disclosure_init (IopDisclosure *self)
{
}

IopDisclosure *
iop_disclosure_new (void)
{
  return g_object_new (IOP_TYPE_DISCLOSURE, NULL);
}
