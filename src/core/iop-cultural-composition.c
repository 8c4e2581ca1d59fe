/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-cultural-composition"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "iop-cultural-composition.h"

G_DEFINE_BOXED_TYPE (IopCulturalComposition, iop_cultural_composition,
                     iop_cultural_composition_copy, iop_cultural_composition_free)

static void
count_free (gpointer data)
{
  IopCulturalCount *count = data;

  g_free (count->label);
  g_free (count);
}

/* Most spoken first; ties by name; an unrecorded language last. */
static int
compare_counts (gconstpointer a,
                gconstpointer b)
{
  const IopCulturalCount *x = *(IopCulturalCount * const *) a;
  const IopCulturalCount *y = *(IopCulturalCount * const *) b;

  if ((*x->label == '\0') != (*y->label == '\0'))
    return *x->label == '\0' ? 1 : -1;
  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return g_utf8_collate (x->label, y->label);
}

IopCulturalComposition *
iop_cultural_composition_new (gint64      group_id,
                              const char *date)
{
  IopCulturalComposition *self = g_new0 (IopCulturalComposition, 1);

  self->group_id = group_id;
  self->date = g_strdup (date);
  self->languages = g_ptr_array_new_with_free_func (count_free);
  return self;
}

/**
 * iop_cultural_composition_copy:
 *
 * Returns: (transfer full): a copy
 */
IopCulturalComposition *
iop_cultural_composition_copy (IopCulturalComposition *self)
{
  IopCulturalComposition *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = iop_cultural_composition_new (self->group_id, self->date);
  for (guint i = 0; i < self->languages->len; i++)
    {
      const IopCulturalCount *c = g_ptr_array_index (self->languages, i);
      IopCulturalCount *dup = g_new0 (IopCulturalCount, 1);

      dup->label = g_strdup (c->label);
      dup->count = c->count;
      g_ptr_array_add (copy->languages, dup);
    }
  copy->n_members = self->n_members;
  copy->n_profiles = self->n_profiles;
  copy->interpreter_needed = self->interpreter_needed;
  copy->interpreter_arranged = self->interpreter_arranged;
  copy->n_observances = self->n_observances;
  copy->n_dietary = self->n_dietary;
  copy->n_accessibility = self->n_accessibility;
  copy->n_accommodated = self->n_accommodated;
  copy->schedule_conflicts = self->schedule_conflicts;
  return copy;
}

void
iop_cultural_composition_free (IopCulturalComposition *self)
{
  if (self == NULL)
    return;
  g_free (self->date);
  g_ptr_array_unref (self->languages);
  g_free (self);
}

/**
 * iop_cultural_composition_add_language:
 * @self: a composition
 * @language: (nullable): a member's primary language
 *
 * Counts one member. Spellings that differ only in case or surrounding
 * spaces count as one language, under the first spelling seen.
 */
void
iop_cultural_composition_add_language (IopCulturalComposition *self,
                                       const char             *language)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (language != NULL ? language : ""));
  g_autofree char *key = g_utf8_casefold (trimmed, -1);
  IopCulturalCount *count;

  for (guint i = 0; i < self->languages->len; i++)
    {
      IopCulturalCount *c = g_ptr_array_index (self->languages, i);
      g_autofree char *other = g_utf8_casefold (c->label, -1);

      if (g_strcmp0 (other, key) == 0)
        {
          c->count++;
          g_ptr_array_sort (self->languages, compare_counts);
          return;
        }
    }
  count = g_new0 (IopCulturalCount, 1);
  count->label = g_steal_pointer (&trimmed);
  count->count = 1;
  g_ptr_array_add (self->languages, count);
  g_ptr_array_sort (self->languages, compare_counts);
}

/**
 * iop_cultural_composition_count_language:
 *
 * Returns: how many members speak @language ("" for not recorded)
 */
guint
iop_cultural_composition_count_language (IopCulturalComposition *self,
                                         const char             *language)
{
  g_autofree char *key = g_utf8_casefold (language != NULL ? language : "", -1);

  for (guint i = 0; i < self->languages->len; i++)
    {
      const IopCulturalCount *c = g_ptr_array_index (self->languages, i);
      g_autofree char *other = g_utf8_casefold (c->label, -1);

      if (g_strcmp0 (other, key) == 0)
        return c->count;
    }
  return 0;
}

/**
 * iop_cultural_composition_dup_languages_label:
 *
 * Returns: (transfer full): for example “English 6 · Spanish 3 · Not recorded 1”
 */
char *
iop_cultural_composition_dup_languages_label (IopCulturalComposition *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < self->languages->len; i++)
    {
      const IopCulturalCount *c = g_ptr_array_index (self->languages, i);

      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append_printf (text, "%s %u", *c->label ? c->label : _("Not recorded"), c->count);
    }
  if (text->len == 0)
    g_string_append (text, _("No members"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}
