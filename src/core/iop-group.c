/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-group"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "iop-group.h"
#include "iop-date.h"
#include "iop-entity-private.h"
#include "iop-validation.h"

/**
 * IopGroup:
 *
 * A therapy group: its kind, size limits, schedule and facilitators. member_count is filled in by the store with the members enrolled today.
 */
struct _IopGroup
{
  GObject parent_instance;

  gint64 id;
  char *name;
  char *group_type;
  char *enrollment;
  int min_size;
  int max_size;
  int weekdays;
  char *start_time;
  int duration_minutes;
  char *location;
  gint64 facilitator_id;
  gint64 co_facilitator_id;
  char *start_date;
  char *end_date;
  gboolean archived;
  int member_count;
};

G_DEFINE_FINAL_TYPE (IopGroup, iop_group, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_GROUP_TYPE,
  PROP_ENROLLMENT,
  PROP_MIN_SIZE,
  PROP_MAX_SIZE,
  PROP_WEEKDAYS,
  PROP_START_TIME,
  PROP_DURATION_MINUTES,
  PROP_LOCATION,
  PROP_FACILITATOR_ID,
  PROP_CO_FACILITATOR_ID,
  PROP_START_DATE,
  PROP_END_DATE,
  PROP_ARCHIVED,
  PROP_MEMBER_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const IopField fields[] = {
  IOP_FIELD (IopGroup, id, IOP_FIELD_INT64),
  IOP_FIELD (IopGroup, name, IOP_FIELD_STRING),
  IOP_FIELD (IopGroup, group_type, IOP_FIELD_STRING),
  IOP_FIELD (IopGroup, enrollment, IOP_FIELD_STRING),
  IOP_FIELD (IopGroup, min_size, IOP_FIELD_INT),
  IOP_FIELD (IopGroup, max_size, IOP_FIELD_INT),
  IOP_FIELD (IopGroup, weekdays, IOP_FIELD_INT),
  IOP_FIELD (IopGroup, start_time, IOP_FIELD_STRING),
  IOP_FIELD (IopGroup, duration_minutes, IOP_FIELD_INT),
  IOP_FIELD (IopGroup, location, IOP_FIELD_STRING),
  IOP_FIELD (IopGroup, facilitator_id, IOP_FIELD_INT64),
  IOP_FIELD (IopGroup, co_facilitator_id, IOP_FIELD_INT64),
  IOP_FIELD (IopGroup, start_date, IOP_FIELD_STRING),
  IOP_FIELD (IopGroup, end_date, IOP_FIELD_STRING),
  IOP_FIELD (IopGroup, archived, IOP_FIELD_BOOLEAN),
  IOP_FIELD (IopGroup, member_count, IOP_FIELD_INT),
};

IOP_ENTITY_VALUE_ACCESSORS (IopGroup, iop_group, gint64, id, PROP_ID)
IOP_ENTITY_STRING_ACCESSORS (IopGroup, iop_group, name, PROP_NAME)
IOP_ENTITY_STRING_ACCESSORS (IopGroup, iop_group, group_type, PROP_GROUP_TYPE)
IOP_ENTITY_STRING_ACCESSORS (IopGroup, iop_group, enrollment, PROP_ENROLLMENT)
IOP_ENTITY_VALUE_ACCESSORS (IopGroup, iop_group, int, min_size, PROP_MIN_SIZE)
IOP_ENTITY_VALUE_ACCESSORS (IopGroup, iop_group, int, max_size, PROP_MAX_SIZE)
IOP_ENTITY_VALUE_ACCESSORS (IopGroup, iop_group, int, weekdays, PROP_WEEKDAYS)
IOP_ENTITY_STRING_ACCESSORS (IopGroup, iop_group, start_time, PROP_START_TIME)
IOP_ENTITY_VALUE_ACCESSORS (IopGroup, iop_group, int, duration_minutes, PROP_DURATION_MINUTES)
IOP_ENTITY_STRING_ACCESSORS (IopGroup, iop_group, location, PROP_LOCATION)
IOP_ENTITY_VALUE_ACCESSORS (IopGroup, iop_group, gint64, facilitator_id, PROP_FACILITATOR_ID)
IOP_ENTITY_VALUE_ACCESSORS (IopGroup, iop_group, gint64, co_facilitator_id, PROP_CO_FACILITATOR_ID)
IOP_ENTITY_STRING_ACCESSORS (IopGroup, iop_group, start_date, PROP_START_DATE)
IOP_ENTITY_STRING_ACCESSORS (IopGroup, iop_group, end_date, PROP_END_DATE)
IOP_ENTITY_VALUE_ACCESSORS (IopGroup, iop_group, gboolean, archived, PROP_ARCHIVED)
IOP_ENTITY_VALUE_ACCESSORS (IopGroup, iop_group, int, member_count, PROP_MEMBER_COUNT)

static void
iop_group_finalize (GObject *object)
{
  iop_entity_free_strings (object, fields, G_N_ELEMENTS (fields));

  G_OBJECT_CLASS (iop_group_parent_class)->finalize (object);
}

static void
iop_group_get_property (GObject    *object,
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
iop_group_set_property (GObject      *object,
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
iop_group_class_init (IopGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = iop_group_finalize;
  object_class->get_property = iop_group_get_property;
  object_class->set_property = iop_group_set_property;

  G_STATIC_ASSERT (G_N_ELEMENTS (fields) == N_PROPS - 1);
  iop_entity_install_properties (object_class, fields, G_N_ELEMENTS (fields), properties);
}

static void
iop_group_init (IopGroup *self)
{
  self->group_type = g_strdup ("process");
  self->enrollment = g_strdup ("open");
  self->min_size = 5;
  self->max_size = 15;
  self->start_time = g_strdup ("09:00");
  self->duration_minutes = 180;
}

IopGroup *
iop_group_new (void)
{
  return g_object_new (IOP_TYPE_GROUP, NULL);
}

/**
 * iop_group_copy:
 * @self: a #IopGroup
 *
 * Returns: (transfer full): an independent copy, for editing without touching @self
 */
IopGroup *
iop_group_copy (IopGroup *self)
{
  IopGroup *copy = iop_group_new ();

  copy->id = self->id;
  g_free (copy->name);
  copy->name = g_strdup (self->name);
  g_free (copy->group_type);
  copy->group_type = g_strdup (self->group_type);
  g_free (copy->enrollment);
  copy->enrollment = g_strdup (self->enrollment);
  copy->min_size = self->min_size;
  copy->max_size = self->max_size;
  copy->weekdays = self->weekdays;
  g_free (copy->start_time);
  copy->start_time = g_strdup (self->start_time);
  copy->duration_minutes = self->duration_minutes;
  g_free (copy->location);
  copy->location = g_strdup (self->location);
  copy->facilitator_id = self->facilitator_id;
  copy->co_facilitator_id = self->co_facilitator_id;
  g_free (copy->start_date);
  copy->start_date = g_strdup (self->start_date);
  g_free (copy->end_date);
  copy->end_date = g_strdup (self->end_date);
  copy->archived = self->archived;
  copy->member_count = self->member_count;
  return copy;
}

/**
 * iop_group_validate:
 * @self: an #IopGroup
 * @error: return location for a #GError
 *
 * Returns: %TRUE when the group may be saved
 */
gboolean
iop_group_validate (IopGroup  *self,
                    GError   **error)
{
  g_return_val_if_fail (IOP_IS_GROUP (self), FALSE);

  if (iop_text_is_blank (self->name))
    return iop_validation_error (error, _("Enter a name for the group."));
  if (g_utf8_strlen (self->name, -1) > 200)
    return iop_validation_error (error, _("The group's name is too long (200 characters at most)."));
  if (!g_strv_contains (iop_group_type_values (), self->group_type != NULL ? self->group_type : ""))
    return iop_validation_error (error, _("Choose the kind of group."));
  if (g_strcmp0 (self->enrollment, "open") != 0 && g_strcmp0 (self->enrollment, "closed") != 0)
    return iop_validation_error (error, _("Choose open or closed enrollment."));
  if (self->min_size < 1)
    return iop_validation_error (error, _("The minimum size must be at least 1."));
  if (self->max_size < self->min_size)
    return iop_validation_error (error, _("The maximum size is smaller than the minimum size."));
  if (self->max_size > 100)
    return iop_validation_error (error, _("The maximum size is too large (100 at most)."));
  if (self->weekdays < 0 || self->weekdays > 127)
    return iop_validation_error (error, _("The meeting days are not valid."));
  if (!iop_time_is_valid (self->start_time))
    return iop_validation_error (error, _("The start time is not a real time (use HH:MM, 24-hour)."));
  if (self->duration_minutes < 15 || self->duration_minutes > 600)
    return iop_validation_error (error, _("A session lasts between 15 minutes and 10 hours."));
  if (!iop_date_is_valid (self->start_date))
    return iop_validation_error (error, _("The start date is not a real date (use YYYY-MM-DD)."));
  if (self->end_date != NULL && *self->end_date)
    {
      if (!iop_date_is_valid (self->end_date))
        return iop_validation_error (error, _("The end date is not a real date (use YYYY-MM-DD)."));
      if (g_strcmp0 (self->end_date, self->start_date) < 0)
        return iop_validation_error (error, _("The end date is before the start date."));
    }
  if (self->facilitator_id > 0 && self->facilitator_id == self->co_facilitator_id)
    return iop_validation_error (error, _("The co-facilitator must be someone other than the facilitator."));

  return TRUE;
}

const char *
iop_weekday_short_label (int weekday)
{
  switch (weekday)
    {
    case 0: return C_("weekday", "Mon");
    case 1: return C_("weekday", "Tue");
    case 2: return C_("weekday", "Wed");
    case 3: return C_("weekday", "Thu");
    case 4: return C_("weekday", "Fri");
    case 5: return C_("weekday", "Sat");
    case 6: return C_("weekday", "Sun");
    default: return "";
    }
}

/**
 * iop_group_dup_schedule_label:
 * @self: an #IopGroup
 *
 * Returns: (transfer full): for example “Mon, Wed, Fri · 09:00 · 3 h”
 */
char *
iop_group_dup_schedule_label (IopGroup *self)
{
  g_autoptr(GString) days = g_string_new (NULL);
  g_autofree char *length = NULL;

  for (int d = 0; d < 7; d++)
    if (self->weekdays & (1 << d))
      {
        if (days->len > 0)
          g_string_append (days, ", ");
        g_string_append (days, iop_weekday_short_label (d));
      }
  if (days->len == 0)
    g_string_append (days, _("No regular days"));

  if (self->duration_minutes % 60 == 0)
    length = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d hour", "%d hours", self->duration_minutes / 60),
                              self->duration_minutes / 60);
  else
    length = g_strdup_printf (_("%d min"), self->duration_minutes);

  return g_strdup_printf ("%s · %s · %s", days->str, self->start_time != NULL ? self->start_time : "", length);
}

/**
 * iop_group_meets_on:
 * @self: an #IopGroup
 * @date: an ISO date
 *
 * Returns: %TRUE when the group's schedule has a session on @date
 */
gboolean
iop_group_meets_on (IopGroup   *self,
                    const char *date)
{
  int wd = iop_date_weekday (date);

  if (wd < 0 || !(self->weekdays & (1 << wd)))
    return FALSE;
  if (g_strcmp0 (date, self->start_date) < 0)
    return FALSE;
  if (self->end_date != NULL && *self->end_date && g_strcmp0 (date, self->end_date) > 0)
    return FALSE;
  return TRUE;
}

const char * const *
iop_group_type_values (void)
{
  static const char * const values[] = {
    "process", "psychoeducation", "skills", "cbt", "motivational-interviewing",
    "relapse-prevention", "mindfulness", "trauma-focused", "dual-diagnosis", "family", "other", NULL
  };

  return values;
}

const char *
iop_group_type_label (const char *type)
{
  static const struct { const char *value; const char *label; } labels[] = {
    { "process", N_("Process") },
    { "psychoeducation", N_("Psychoeducation") },
    { "skills", N_("Skills") },
    { "cbt", N_("Cognitive behavioral therapy") },
    { "motivational-interviewing", N_("Motivational interviewing") },
    { "relapse-prevention", N_("Relapse prevention") },
    { "mindfulness", N_("Mindfulness and stress management") },
    { "trauma-focused", N_("Trauma-focused") },
    { "dual-diagnosis", N_("Dual diagnosis") },
    { "family", N_("Family") },
    { "other", N_("Other") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (type, labels[i].value) == 0)
      return _(labels[i].label);
  return type != NULL ? type : "";
}
