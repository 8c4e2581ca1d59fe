/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Entity types carry many plain fields. Rather than a hand-written switch per
 * property, each type describes its fields once in a table, and these helpers
 * install the GParamSpecs and move values in and out by struct offset. */

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  IOP_FIELD_STRING,
  IOP_FIELD_INT64,
  IOP_FIELD_INT,
  IOP_FIELD_BOOLEAN,
} IopFieldType;

typedef struct {
  const char   *name;
  IopFieldType  type;
  gsize         offset;
} IopField;

void iop_entity_install_properties (GObjectClass   *klass,
                                    const IopField *fields,
                                    guint           n_fields,
                                    GParamSpec    **pspecs);
void iop_entity_get_property       (GObject        *object,
                                    const IopField *fields,
                                    guint           prop_id,
                                    GValue         *value);
void iop_entity_set_property       (GObject        *object,
                                    const IopField *fields,
                                    guint           prop_id,
                                    const GValue   *value,
                                    GParamSpec     *pspec);
void iop_entity_free_strings       (GObject        *object,
                                    const IopField *fields,
                                    guint           n_fields);
void iop_entity_set_string         (GObject        *object,
                                    char          **field,
                                    const char     *value,
                                    GParamSpec     *pspec);

#define IOP_FIELD(Struct, member, kind) { #member, kind, G_STRUCT_OFFSET (Struct, member) }

/* Accessors for a field described in the type's table; PROP is its property id. */
#define IOP_ENTITY_STRING_ACCESSORS(Type, type, member, PROP)                   \
  const char *type##_get_##member (Type *self)                                  \
  {                                                                             \
    g_return_val_if_fail (self != NULL, NULL);                                  \
    return self->member != NULL ? self->member : "";                            \
  }                                                                             \
  void type##_set_##member (Type *self, const char *value)                      \
  {                                                                             \
    g_return_if_fail (self != NULL);                                            \
    iop_entity_set_string (G_OBJECT (self), &self->member, value, properties[PROP]); \
  }

#define IOP_ENTITY_VALUE_ACCESSORS(Type, type, ctype, member, PROP)            \
  ctype type##_get_##member (Type *self)                                        \
  {                                                                             \
    g_return_val_if_fail (self != NULL, 0);                                     \
    return self->member;                                                        \
  }                                                                             \
  void type##_set_##member (Type *self, ctype value)                            \
  {                                                                             \
    g_return_if_fail (self != NULL);                                            \
    if (self->member == value)                                                  \
      return;                                                                   \
    self->member = value;                                                       \
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);               \
  }

G_END_DECLS
