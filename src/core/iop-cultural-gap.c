/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-cultural-gap"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "iop-cultural-gap.h"
#include "iop-date.h"
#include "iop-entity-private.h"

/**
 * IopCulturalGap:
 *
 * One open gap in a participant's cultural profile, for the program's gap list.
 */
struct _IopCulturalGap
{
  GObject parent_instance;

  int kind;
  gint64 participant_id;
  char *participant_name;
  char *record_number;
  char *since;
};

G_DEFINE_FINAL_TYPE (IopCulturalGap, iop_cultural_gap, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_PARTICIPANT_ID,
  PROP_PARTICIPANT_NAME,
  PROP_RECORD_NUMBER,
  PROP_SINCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const IopField fields[] = {
  IOP_FIELD (IopCulturalGap, kind, IOP_FIELD_INT),
  IOP_FIELD (IopCulturalGap, participant_id, IOP_FIELD_INT64),
  IOP_FIELD (IopCulturalGap, participant_name, IOP_FIELD_STRING),
  IOP_FIELD (IopCulturalGap, record_number, IOP_FIELD_STRING),
  IOP_FIELD (IopCulturalGap, since, IOP_FIELD_STRING),
};

IOP_ENTITY_VALUE_ACCESSORS (IopCulturalGap, iop_cultural_gap, gint64, participant_id, PROP_PARTICIPANT_ID)
IOP_ENTITY_STRING_ACCESSORS (IopCulturalGap, iop_cultural_gap, participant_name, PROP_PARTICIPANT_NAME)
IOP_ENTITY_STRING_ACCESSORS (IopCulturalGap, iop_cultural_gap, record_number, PROP_RECORD_NUMBER)
IOP_ENTITY_STRING_ACCESSORS (IopCulturalGap, iop_cultural_gap, since, PROP_SINCE)

static void
iop_cultural_gap_finalize (GObject *object)
{
  iop_entity_free_strings (object, fields, G_N_ELEMENTS (fields));

  G_OBJECT_CLASS (iop_cultural_gap_parent_class)->finalize (object);
}

static void
iop_cultural_gap_get_property (GObject    *object,
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
iop_cultural_gap_set_property (GObject      *object,
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
iop_cultural_gap_class_init (IopCulturalGapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = iop_cultural_gap_finalize;
  object_class->get_property = iop_cultural_gap_get_property;
  object_class->set_property = iop_cultural_gap_set_property;

  G_STATIC_ASSERT (G_N_ELEMENTS (fields) == N_PROPS - 1);
  iop_entity_install_properties (object_class, fields, G_N_ELEMENTS (fields), properties);
}

static void
iop_cultural_gap_init (IopCulturalGap *self)
{
}

IopCulturalGap *
iop_cultural_gap_new (IopCulturalGapKind kind)
{
  return g_object_new (IOP_TYPE_CULTURAL_GAP, "kind", (int) kind, NULL);
}

IopCulturalGapKind
iop_cultural_gap_get_kind (IopCulturalGap *self)
{
  g_return_val_if_fail (IOP_IS_CULTURAL_GAP (self), IOP_CULTURAL_GAP_NOT_STARTED);

  return (IopCulturalGapKind) self->kind;
}

/**
 * iop_cultural_gap_kind_id:
 * @kind: a kind of gap
 *
 * Returns: (transfer none): the stable name scripts see (`interpreter`, `not-started`, `review-due`)
 */
const char *
iop_cultural_gap_kind_id (IopCulturalGapKind kind)
{
  switch (kind)
    {
    case IOP_CULTURAL_GAP_INTERPRETER:
      return "interpreter";
    case IOP_CULTURAL_GAP_NOT_STARTED:
      return "not-started";
    case IOP_CULTURAL_GAP_REVIEW_DUE:
      return "review-due";
    default:
      return "";
    }
}

const char *
iop_cultural_gap_kind_label (IopCulturalGapKind kind)
{
  switch (kind)
    {
    case IOP_CULTURAL_GAP_INTERPRETER:
      return _("Interpreter not arranged");
    case IOP_CULTURAL_GAP_NOT_STARTED:
      return _("Profile not started");
    case IOP_CULTURAL_GAP_REVIEW_DUE:
      return _("Review overdue");
    default:
      return "";
    }
}

/**
 * iop_cultural_gap_dup_detail:
 * @self: an #IopCulturalGap
 *
 * Returns: (transfer full): the gap in words, with its date
 */
char *
iop_cultural_gap_dup_detail (IopCulturalGap *self)
{
  g_autofree char *since = NULL;

  g_return_val_if_fail (IOP_IS_CULTURAL_GAP (self), NULL);

  since = iop_date_format (self->since);
  switch (self->kind)
    {
    case IOP_CULTURAL_GAP_INTERPRETER:
      return g_strdup_printf (_("Profile last updated %s"), since);
    case IOP_CULTURAL_GAP_NOT_STARTED:
      return g_strdup_printf (_("Admitted %s, no cultural profile yet"), since);
    case IOP_CULTURAL_GAP_REVIEW_DUE:
      return g_strdup_printf (_("Profile last reviewed %s"), since);
    default:
      return g_strdup ("");
    }
}

/**
 * iop_cultural_gap_next_action:
 * @self: an #IopCulturalGap
 *
 * Returns: (transfer none): what closes the gap, as a button label
 */
const char *
iop_cultural_gap_next_action (IopCulturalGap *self)
{
  g_return_val_if_fail (IOP_IS_CULTURAL_GAP (self), "");

  switch (self->kind)
    {
    case IOP_CULTURAL_GAP_INTERPRETER:
      return _("Arrange Interpreter");
    case IOP_CULTURAL_GAP_NOT_STARTED:
      return _("Start Profile");
    case IOP_CULTURAL_GAP_REVIEW_DUE:
      return _("Review Profile");
    default:
      return "";
    }
}
