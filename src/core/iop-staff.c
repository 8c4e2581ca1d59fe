/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-staff"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "iop-staff.h"
#include "iop-entity-private.h"

/**
 * IopStaff:
 *
 * A member of staff: counselor, supervisor or administrator.
 */
struct _IopStaff
{
  GObject parent_instance;

  gint64 id;
  char *username;
  char *full_name;
  char *role;
  gboolean active;
};

G_DEFINE_FINAL_TYPE (IopStaff, iop_staff, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_USERNAME,
  PROP_FULL_NAME,
  PROP_ROLE,
  PROP_ACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const IopField fields[] = {
  IOP_FIELD (IopStaff, id, IOP_FIELD_INT64),
  IOP_FIELD (IopStaff, username, IOP_FIELD_STRING),
  IOP_FIELD (IopStaff, full_name, IOP_FIELD_STRING),
  IOP_FIELD (IopStaff, role, IOP_FIELD_STRING),
  IOP_FIELD (IopStaff, active, IOP_FIELD_BOOLEAN),
};

IOP_ENTITY_VALUE_ACCESSORS (IopStaff, iop_staff, gint64, id, PROP_ID)
IOP_ENTITY_STRING_ACCESSORS (IopStaff, iop_staff, username, PROP_USERNAME)
IOP_ENTITY_STRING_ACCESSORS (IopStaff, iop_staff, full_name, PROP_FULL_NAME)
IOP_ENTITY_STRING_ACCESSORS (IopStaff, iop_staff, role, PROP_ROLE)
IOP_ENTITY_VALUE_ACCESSORS (IopStaff, iop_staff, gboolean, active, PROP_ACTIVE)

static void
iop_staff_finalize (GObject *object)
{
  iop_entity_free_strings (object, fields, G_N_ELEMENTS (fields));

  G_OBJECT_CLASS (iop_staff_parent_class)->finalize (object);
}

static void
iop_staff_get_property (GObject    *object,
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
iop_staff_set_property (GObject      *object,
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
iop_staff_class_init (IopStaffClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = iop_staff_finalize;
  object_class->get_property = iop_staff_get_property;
  object_class->set_property = iop_staff_set_property;

  G_STATIC_ASSERT (G_N_ELEMENTS (fields) == N_PROPS - 1);
  iop_entity_install_properties (object_class, fields, G_N_ELEMENTS (fields), properties);
}

static void
iop_staff_init (IopStaff *self)
{
  self->role = g_strdup ("counselor");
  self->active = TRUE;
}

IopStaff *
iop_staff_new (void)
{
  return g_object_new (IOP_TYPE_STAFF, NULL);
}

/**
 * iop_staff_copy:
 * @self: a #IopStaff
 *
 * Returns: (transfer full): an independent copy, for editing without touching @self
 */
IopStaff *
iop_staff_copy (IopStaff *self)
{
  IopStaff *copy = iop_staff_new ();

  copy->id = self->id;
  g_free (copy->username);
  copy->username = g_strdup (self->username);
  g_free (copy->full_name);
  copy->full_name = g_strdup (self->full_name);
  g_free (copy->role);
  copy->role = g_strdup (self->role);
  copy->active = self->active;
  return copy;
}

const char * const *
iop_staff_role_values (void)
{
  static const char * const values[] = { "counselor", "supervisor", "administrator", NULL };

  return values;
}

const char *
iop_staff_role_label (const char *role)
{
  if (g_strcmp0 (role, "counselor") == 0)
    return _("Counselor");
  if (g_strcmp0 (role, "supervisor") == 0)
    return _("Supervisor");
  if (g_strcmp0 (role, "administrator") == 0)
    return _("Administrator");
  return role != NULL ? role : "";
}
