/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * IopCfiDomain:
 * @IOP_CFI_DEFINITION: the cultural definition of the problem
 * @IOP_CFI_PERCEPTIONS: cultural perceptions of cause, context and support
 * @IOP_CFI_SELF_COPING: cultural factors affecting self-coping and past help seeking
 * @IOP_CFI_HELP_SEEKING: cultural factors affecting current help seeking
 *
 * The four domains of the DSM-5 Cultural Formulation Interview.
 */
typedef enum {
  IOP_CFI_DEFINITION,
  IOP_CFI_PERCEPTIONS,
  IOP_CFI_SELF_COPING,
  IOP_CFI_HELP_SEEKING,
  IOP_CFI_N_DOMAINS
} IopCfiDomain;

#define IOP_TYPE_CULTURAL_PROFILE (iop_cultural_profile_get_type ())
G_DECLARE_FINAL_TYPE (IopCulturalProfile, iop_cultural_profile, IOP, CULTURAL_PROFILE, GObject)

IopCulturalProfile *iop_cultural_profile_new  (gint64 participant_id);
IopCulturalProfile *iop_cultural_profile_copy (IopCulturalProfile *self);

gint64 iop_cultural_profile_get_participant_id (IopCulturalProfile *self);
void iop_cultural_profile_set_participant_id (IopCulturalProfile *self, gint64 value);
gboolean iop_cultural_profile_get_interpreter_needed (IopCulturalProfile *self);
void iop_cultural_profile_set_interpreter_needed (IopCulturalProfile *self, gboolean value);
gboolean iop_cultural_profile_get_interpreter_arranged (IopCulturalProfile *self);
void iop_cultural_profile_set_interpreter_arranged (IopCulturalProfile *self, gboolean value);
const char *iop_cultural_profile_get_interpreter_details (IopCulturalProfile *self);
void iop_cultural_profile_set_interpreter_details (IopCulturalProfile *self, const char *value);
const char *iop_cultural_profile_get_communication (IopCulturalProfile *self);
void iop_cultural_profile_set_communication (IopCulturalProfile *self, const char *value);
const char *iop_cultural_profile_get_identity (IopCulturalProfile *self);
void iop_cultural_profile_set_identity (IopCulturalProfile *self, const char *value);
const char *iop_cultural_profile_get_family_roles (IopCulturalProfile *self);
void iop_cultural_profile_set_family_roles (IopCulturalProfile *self, const char *value);
const char *iop_cultural_profile_get_beliefs (IopCulturalProfile *self);
void iop_cultural_profile_set_beliefs (IopCulturalProfile *self, const char *value);
const char *iop_cultural_profile_get_spirituality (IopCulturalProfile *self);
void iop_cultural_profile_set_spirituality (IopCulturalProfile *self, const char *value);
const char *iop_cultural_profile_get_stigma_concerns (IopCulturalProfile *self);
void iop_cultural_profile_set_stigma_concerns (IopCulturalProfile *self, const char *value);
const char *iop_cultural_profile_get_observances (IopCulturalProfile *self);
void iop_cultural_profile_set_observances (IopCulturalProfile *self, const char *value);
int iop_cultural_profile_get_observance_weekdays (IopCulturalProfile *self);
void iop_cultural_profile_set_observance_weekdays (IopCulturalProfile *self, int value);
const char *iop_cultural_profile_get_observance_start (IopCulturalProfile *self);
void iop_cultural_profile_set_observance_start (IopCulturalProfile *self, const char *value);
const char *iop_cultural_profile_get_observance_end (IopCulturalProfile *self);
void iop_cultural_profile_set_observance_end (IopCulturalProfile *self, const char *value);
const char *iop_cultural_profile_get_dietary_needs (IopCulturalProfile *self);
void iop_cultural_profile_set_dietary_needs (IopCulturalProfile *self, const char *value);
const char *iop_cultural_profile_get_accessibility (IopCulturalProfile *self);
void iop_cultural_profile_set_accessibility (IopCulturalProfile *self, const char *value);
const char *iop_cultural_profile_get_respected_in_group (IopCulturalProfile *self);
void iop_cultural_profile_set_respected_in_group (IopCulturalProfile *self, const char *value);
const char *iop_cultural_profile_get_created_at (IopCulturalProfile *self);
void iop_cultural_profile_set_created_at (IopCulturalProfile *self, const char *value);
const char *iop_cultural_profile_get_updated_at (IopCulturalProfile *self);
void iop_cultural_profile_set_updated_at (IopCulturalProfile *self, const char *value);
const char *iop_cultural_profile_get_updated_by_name (IopCulturalProfile *self);
void iop_cultural_profile_set_updated_by_name (IopCulturalProfile *self, const char *value);
const char *iop_cultural_profile_get_reviewed_on (IopCulturalProfile *self);
void iop_cultural_profile_set_reviewed_on (IopCulturalProfile *self, const char *value);
const char *iop_cultural_profile_get_reviewed_by_name (IopCulturalProfile *self);
void iop_cultural_profile_set_reviewed_by_name (IopCulturalProfile *self, const char *value);

/* The Cultural Formulation Interview answers, one per domain. */
const char *iop_cultural_profile_get_cfi_answer         (IopCulturalProfile *self,
                                                         IopCfiDomain        domain);
void        iop_cultural_profile_set_cfi_answer         (IopCulturalProfile *self,
                                                         IopCfiDomain        domain,
                                                         const char         *answer);
const char *iop_cultural_profile_get_cfi_recorded_on    (IopCulturalProfile *self,
                                                         IopCfiDomain        domain);
void        iop_cultural_profile_set_cfi_recorded_on    (IopCulturalProfile *self,
                                                         IopCfiDomain        domain,
                                                         const char         *date);
gint64      iop_cultural_profile_get_cfi_recorded_by    (IopCulturalProfile *self,
                                                         IopCfiDomain        domain);
const char *iop_cultural_profile_get_cfi_recorded_by_name (IopCulturalProfile *self,
                                                         IopCfiDomain        domain);
void        iop_cultural_profile_set_cfi_recorder       (IopCulturalProfile *self,
                                                         IopCfiDomain        domain,
                                                         gint64              staff_id,
                                                         const char         *name);

gboolean    iop_cultural_profile_validate               (IopCulturalProfile *self,
                                                         GError            **error);
gboolean    iop_cultural_profile_has_accommodations     (IopCulturalProfile *self);
gboolean    iop_cultural_profile_conflicts_with         (IopCulturalProfile *self,
                                                         int                 group_weekdays,
                                                         const char         *group_start_time,
                                                         int                 duration_minutes);
char       *iop_cultural_profile_dup_observance_schedule (IopCulturalProfile *self);

const char *iop_cfi_domain_label                        (IopCfiDomain        domain);
const char *iop_cfi_domain_prompt                       (IopCfiDomain        domain);

G_END_DECLS
