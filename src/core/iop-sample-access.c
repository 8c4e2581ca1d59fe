/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-sample-access"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>

#include "iop-access-private.h"
#include "iop-sample-private.h"
#include "iop-store-consents.h"

/*
 * The sample program's sign-in and consents. Every sample staff member signs
 * in with the passphrase "sample", as the first-run page and the README say;
 * the consents cover the cases a counselor meets: current, expiring, expired,
 * revoked, and disclosures made under them.
 */

#define SAMPLE_PASSPHRASE "sample"

typedef struct {
  int         participant;
  const char *recipient;
  const char *purpose;
  const char *scope;
  int         signed_days_ago;
  int         expires_in_days;   /* 0: no expiry; negative: already expired */
  int         revoked_days_ago;  /* 0: not revoked */
} SampleConsent;

static const SampleConsent consents[] = {
  { 0, "Dr. Alan Reyes, Riverside Family Medicine", N_("Coordination of care with primary care"),
    N_("Attendance, treatment plan goals and progress summaries"), 60, 305, 0 },
  { 0, "Lakeview County Drug Court", N_("Compliance monitoring"),
    N_("Attendance and participation only"), 55, -5, 0 },
  { 3, "Hope Anderson's employer assistance program (EAP)", N_("Return-to-work planning"),
    N_("Dates of attendance"), 40, 140, 0 },
  { 5, "Northside Sober Living", N_("Residence requirements"),
    N_("Attendance and participation only"), 50, 0, 12 },
  { 7, "Dr. Priya Natarajan, psychiatry", N_("Medication management"),
    N_("Diagnoses, treatment plan and measure scores (PHQ-9, GAD-7)"), 30, 335, 0 },
  { 12, "State Probation Office, District 4", N_("Conditions of probation"),
    N_("Attendance and participation only"), 25, 160, 0 },
};

typedef struct {
  guint       consent;        /* index in consents[] */
  const char *what;
} SampleDisclosure;

static const SampleDisclosure disclosures[] = {
  { 0, N_("Member copy of a session summary") },
  { 2, N_("Attendance letter") },
  { 4, N_("Treatment plan (member copy)") },
  { 5, N_("Attendance letter") },
};

/**
 * iop_sample_load_safety:
 * @store: the store, inside the sample program's transaction
 * @ctx: the sample context
 * @error: return location for a #GError
 *
 * Returns: %TRUE when loaded
 */
gboolean
iop_sample_load_safety (IopStore          *store,
                        IopSampleContext  *ctx,
                        GError           **error)
{
  const gint64 staff[] = { ctx->admin_id, ctx->supervisor_id, ctx->counselor_ids[0], ctx->counselor_ids[1] };
  gint64 consent_ids[G_N_ELEMENTS (consents)];
  g_autofree char *hash = NULL;
  gint64 actor;
  gboolean ok = TRUE;

  /* One Argon2id hash of the published sample passphrase serves all four. */
  hash = iop_access_hash_passphrase (SAMPLE_PASSPHRASE, error);
  if (hash == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (staff); i++)
    if (!iop_access_store_credentials (store, staff[i], hash, error))
      return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (consents); i++)
    {
      const SampleConsent *s = &consents[i];
      g_autoptr(IopConsent) c = iop_consent_new ();
      g_autofree char *signed_on = iop_sample_date (ctx, -s->signed_days_ago);
      g_autofree char *expires = s->expires_in_days != 0 ? iop_sample_date (ctx, s->expires_in_days) : NULL;

      iop_consent_set_participant_id (c, ctx->participant_ids[s->participant]);
      iop_consent_set_recipient (c, s->recipient);
      iop_consent_set_purpose (c, _(s->purpose));
      iop_consent_set_scope (c, _(s->scope));
      iop_consent_set_signed_on (c, signed_on);
      iop_consent_set_expires_on (c, expires);
      if (!iop_store_add_consent (store, c, error))
        return FALSE;
      consent_ids[i] = iop_consent_get_id (c);
    }

  /* Disclosures come before revocations, as they happened; the participants'
   * primary counselor made them. */
  actor = iop_store_get_actor (store);
  iop_store_set_actor (store, ctx->counselor_ids[0]);
  for (guint i = 0; ok && i < G_N_ELEMENTS (disclosures); i++)
    {
      const SampleConsent *s = &consents[disclosures[i].consent];

      if (s->expires_in_days < 0)
        continue;
      ok = iop_store_record_disclosure (store, ctx->participant_ids[s->participant],
                                        consent_ids[disclosures[i].consent], s->recipient,
                                        _(disclosures[i].what), NULL, error);
    }
  iop_store_set_actor (store, actor);
  if (!ok)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (consents); i++)
    {
      g_autofree char *revoked = NULL;

      if (consents[i].revoked_days_ago == 0)
        continue;
      revoked = iop_sample_date (ctx, -consents[i].revoked_days_ago);
      if (!iop_store_revoke_consent (store, consent_ids[i], revoked, error))
        return FALSE;
    }

  sodium_memzero (hash, strlen (hash));
  return TRUE;
}
