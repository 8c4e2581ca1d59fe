/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-entity"

#include "config.h"

#include "iop-entity-private.h"

#define FIELD_PTR(obj, field) ((gpointer) (((guint8 *) (obj)) + (field)->offset))

void
iop_entity_install_properties (GObjectClass   *klass,
                               const IopField *fields,
                               guint           n_fields,
                               GParamSpec    **pspecs)
{
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  for (guint i = 0; i < n_fields; i++)
    {
      /* G_PARAM_STATIC_STRINGS needs a name that lives forever: intern it. */
      g_autofree char *dashed = g_strdelimit (g_strdup (fields[i].name), "_", '-');
      const char *nick = g_intern_string (dashed);
      GParamSpec *pspec = NULL;

      switch (fields[i].type)
        {
        case IOP_FIELD_STRING:
          pspec = g_param_spec_string (nick, NULL, NULL, NULL, flags);
          break;
        case IOP_FIELD_INT64:
          pspec = g_param_spec_int64 (nick, NULL, NULL, 0, G_MAXINT64, 0, flags);
          break;
        case IOP_FIELD_INT:
          pspec = g_param_spec_int (nick, NULL, NULL, G_MININT, G_MAXINT, 0, flags);
          break;
        case IOP_FIELD_BOOLEAN:
          pspec = g_param_spec_boolean (nick, NULL, NULL, FALSE, flags);
          break;
        default:
          g_assert_not_reached ();
        }
      pspecs[i + 1] = pspec;
      g_object_class_install_property (klass, i + 1, pspec);
    }
}

void
iop_entity_get_property (GObject        *object,
                         const IopField *fields,
                         guint           prop_id,
                         GValue         *value)
{
  const IopField *field = &fields[prop_id - 1];
  gpointer ptr = FIELD_PTR (object, field);

  switch (field->type)
    {
    case IOP_FIELD_STRING:
      g_value_set_string (value, *(char **) ptr);
      break;
    case IOP_FIELD_INT64:
      g_value_set_int64 (value, *(gint64 *) ptr);
      break;
    case IOP_FIELD_INT:
      g_value_set_int (value, *(int *) ptr);
      break;
    case IOP_FIELD_BOOLEAN:
      g_value_set_boolean (value, *(gboolean *) ptr);
      break;
    default:
      g_assert_not_reached ();
    }
}

void
iop_entity_set_property (GObject        *object,
                         const IopField *fields,
                         guint           prop_id,
                         const GValue   *value,
                         GParamSpec     *pspec)
{
  const IopField *field = &fields[prop_id - 1];
  gpointer ptr = FIELD_PTR (object, field);
  gboolean changed = FALSE;

  switch (field->type)
    {
    case IOP_FIELD_STRING:
      {
        const char *text = g_value_get_string (value);
        char **slot = ptr;

        if (g_strcmp0 (*slot, text) != 0)
          {
            g_free (*slot);
            *slot = g_strdup (text);
            changed = TRUE;
          }
      }
      break;
    case IOP_FIELD_INT64:
      changed = *(gint64 *) ptr != g_value_get_int64 (value);
      *(gint64 *) ptr = g_value_get_int64 (value);
      break;
    case IOP_FIELD_INT:
      changed = *(int *) ptr != g_value_get_int (value);
      *(int *) ptr = g_value_get_int (value);
      break;
    case IOP_FIELD_BOOLEAN:
      changed = *(gboolean *) ptr != g_value_get_boolean (value);
      *(gboolean *) ptr = g_value_get_boolean (value);
      break;
    default:
      g_assert_not_reached ();
    }

  if (changed)
    g_object_notify_by_pspec (object, pspec);
}

void
iop_entity_free_strings (GObject        *object,
                         const IopField *fields,
                         guint           n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    if (fields[i].type == IOP_FIELD_STRING)
      g_clear_pointer ((char **) FIELD_PTR (object, &fields[i]), g_free);
}

void
iop_entity_set_string (GObject     *object,
                       char       **field,
                       const char  *value,
                       GParamSpec  *pspec)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (object, pspec);
}
