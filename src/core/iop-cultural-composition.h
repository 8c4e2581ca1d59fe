/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * IopCulturalCount:
 * @label: what is counted (a language)
 * @count: how many members
 */
typedef struct {
  char  *label;
  guint  count;
} IopCulturalCount;

/**
 * IopCulturalComposition:
 * @group_id: the group
 * @date: the day the membership was taken on
 * @n_members: current members
 * @n_profiles: members with a cultural profile
 * @languages: (element-type IopCulturalCount): primary languages, most spoken first;
 *   a member without a recorded language counts under ""
 * @interpreter_needed: members who need an interpreter
 * @interpreter_arranged: of those, members whose interpreter is arranged
 * @n_observances: members with an observance to respect
 * @n_dietary: members with dietary needs during sessions
 * @n_accessibility: members with an accessibility accommodation
 * @n_accommodated: members with at least one accommodation of any kind
 * @schedule_conflicts: members whose observance falls when the group meets
 *
 * A group's cultural composition: counts only, never names, so that it can be
 * printed or exported without naming anyone.
 */
typedef struct {
  gint64      group_id;
  char       *date;
  guint       n_members;
  guint       n_profiles;
  GPtrArray  *languages;
  guint       interpreter_needed;
  guint       interpreter_arranged;
  guint       n_observances;
  guint       n_dietary;
  guint       n_accessibility;
  guint       n_accommodated;
  guint       schedule_conflicts;
} IopCulturalComposition;

#define IOP_TYPE_CULTURAL_COMPOSITION (iop_cultural_composition_get_type ())

GType                   iop_cultural_composition_get_type     (void) G_GNUC_CONST;
IopCulturalComposition *iop_cultural_composition_new          (gint64                  group_id,
                                                               const char             *date);
IopCulturalComposition *iop_cultural_composition_copy         (IopCulturalComposition *self);
void                    iop_cultural_composition_free         (IopCulturalComposition *self);
void                    iop_cultural_composition_add_language (IopCulturalComposition *self,
                                                               const char             *language);
guint                   iop_cultural_composition_count_language (IopCulturalComposition *self,
                                                               const char             *language);
char                   *iop_cultural_composition_dup_languages_label (IopCulturalComposition *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IopCulturalComposition, iop_cultural_composition_free)

G_END_DECLS
