/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "iop-cli-private.h"
#include "iop-instrument-loader.h"
#include "iop-store-measures.h"
#include "iop-store-people.h"
#include "iop-store-plans.h"

const GOptionEntry iop_cli_plans_entries[] = {
  { "list-measures", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("List a participant's measures: date, instrument, score, severity (BAM: sub-scores) (tab-separated)"),
    N_("RECORD_NUMBER") },
  { "list-plans", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("List a participant's treatment plan versions: plan id, version, state, effective date, review due (tab-separated)"),
    N_("RECORD_NUMBER") },
  { NULL }
};

static IopParticipant *
find_participant (IopStore    *store,
                  const char  *record_number,
                  GError     **error)
{
  IopParticipant *p = iop_store_find_participant (store, record_number, error);

  if (p == NULL && error != NULL && *error == NULL)
    g_set_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_NOT_FOUND,
                 _("No participant has the record number “%s”."), record_number);
  return p;
}

/* DATE, INSTRUMENT, SCORE, SEVERITY. The BAM has no total: its SCORE is empty
 * and SEVERITY holds its sub-scores ("use=3 risk=9 protective=14"). An
 * incomplete administration has an empty SCORE and SEVERITY "incomplete". */
static int
run_list_measures (const char *record_number)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IopStore) store = iop_cli_open_store (&error);
  g_autoptr(IopParticipant) p = NULL;
  g_autoptr(GPtrArray) measures = NULL;

  if (store == NULL || (p = find_participant (store, record_number, &error)) == NULL)
    return iop_cli_fail (error->message);
  measures = iop_store_list_measures (store, iop_participant_get_id (p), NULL, &error);
  if (measures == NULL)
    return iop_cli_fail (error->message);
  if (!iop_store_audit (store, "export", IOP_KIND_MEASURE, 0, iop_participant_get_id (p), "list-measures", &error))
    return iop_cli_fail (error->message);

  for (guint i = 0; i < measures->len; i++)
    {
      IopMeasure *m = g_ptr_array_index (measures, i);
      g_autofree char *instrument = iop_cli_field (iop_measure_get_instrument (m));
      g_autofree char *score = NULL;
      g_autofree char *severity = NULL;

      if (!iop_measure_get_complete (m))
        {
          score = g_strdup ("");
          severity = g_strdup ("incomplete");
        }
      else if (*iop_measure_get_subscores (m) && iop_measure_get_total (m) < 0)
        {
          score = g_strdup ("");
          severity = iop_cli_field (iop_measure_get_subscores (m));
        }
      else
        {
          score = g_strdup_printf ("%d", iop_measure_get_total (m));
          severity = iop_cli_field (iop_measure_get_severity (m));
        }
      g_print ("%s\t%s\t%s\t%s\n", iop_measure_get_date (m), instrument, score, severity);
    }
  return 0;
}

/* PLAN_ID, VERSION, STATE (draft, active, review-due, superseded), EFFECTIVE,
 * REVIEW_DUE; a draft's dates are empty. Oldest version first. */
static int
run_list_plans (const char *record_number)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IopStore) store = iop_cli_open_store (&error);
  g_autoptr(IopParticipant) p = NULL;
  g_autoptr(GPtrArray) plans = NULL;

  if (store == NULL || (p = find_participant (store, record_number, &error)) == NULL)
    return iop_cli_fail (error->message);
  plans = iop_store_list_plans (store, iop_participant_get_id (p), &error);
  if (plans == NULL)
    return iop_cli_fail (error->message);
  if (!iop_store_audit (store, "export", IOP_KIND_PLAN, 0, iop_participant_get_id (p), "list-plans", &error))
    return iop_cli_fail (error->message);

  for (guint i = plans->len; i > 0; i--)
    {
      IopTreatmentPlan *t = g_ptr_array_index (plans, i - 1);

      g_print ("%" G_GINT64_FORMAT "\t%d\t%s\t%s\t%s\n", iop_treatment_plan_get_id (t),
               iop_treatment_plan_get_version (t), iop_treatment_plan_get_display_state (t),
               iop_treatment_plan_get_effective_date (t), iop_treatment_plan_get_review_due (t));
    }
  return 0;
}

gboolean
iop_cli_plans_handle (GVariantDict *options,
                      int          *exit_status)
{
  const char *record_number = NULL;

  if (g_variant_dict_lookup (options, "list-measures", "&s", &record_number))
    *exit_status = run_list_measures (record_number);
  else if (g_variant_dict_lookup (options, "list-plans", "&s", &record_number))
    *exit_status = run_list_plans (record_number);
  else
    return FALSE;
  return TRUE;
}
