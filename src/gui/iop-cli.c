/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "iop-cli.h"
#include "iop-date.h"
#include "iop-instrument-loader.h"
#include "iop-sample.h"
#include "iop-store-measures.h"
#include "iop-store-people.h"
#include "iop-store-plans.h"

/*
 * The command line is part of the application: every job that makes sense in
 * batch can be scripted. Output is tab-separated, one line per item, for
 * scripts; errors go to standard error with a non-zero exit status.
 */

static char *database_path;

static const GOptionEntry entries[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Use the database at PATH instead of the one in your data folder"), N_("PATH") },
  { "sample-data", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Load the sample program into an empty database and exit"), NULL },
  { "version", 'v', 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { "list-groups", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("List groups: ID, name, type, members (tab-separated)"), NULL },
  { "list-participants", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("List participants: record number, first, last, preferred name, status (tab-separated)"), NULL },
  { "list-measures", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("List a participant's measures: date, instrument, score, severity (BAM: sub-scores) (tab-separated)"),
    N_("RECORD_NUMBER") },
  { "list-plans", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("List a participant's treatment plan versions: plan id, version, state, effective date, review due (tab-separated)"),
    N_("RECORD_NUMBER") },
  { NULL }
};

/* Tabs and newlines inside a field would break the one-line-per-item contract. */
static char *
field (const char *text)
{
  char *copy = g_strdup (text != NULL ? text : "");

  return g_strdelimit (copy, "\t\n\r", ' ');
}

static int
fail (const char *message)
{
  g_printerr ("circle: %s\n", message);
  return 1;
}

static IopStore *
open_store (GError **error)
{
  return iop_store_open (database_path, error);
}

static int
run_sample_data (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IopStore) store = open_store (&error);

  if (store == NULL
      || iop_instrument_registry_ensure_default (NULL, &error) == NULL
      || !iop_sample_load (store, &error))
    return fail (error->message);
  g_print (_("Loaded the sample program into %s\n"), iop_store_get_path (store));
  return 0;
}

static int
run_list_groups (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IopStore) store = open_store (&error);
  g_autoptr(GListModel) groups = NULL;

  if (store == NULL)
    return fail (error->message);
  groups = iop_store_list_groups (store, TRUE, &error);
  if (groups == NULL)
    return fail (error->message);

  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(IopGroup) g = g_list_model_get_item (groups, i);
      g_autofree char *name = field (iop_group_get_name (g));

      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%d\n", iop_group_get_id (g), name,
               iop_group_get_group_type (g), iop_group_get_member_count (g));
    }
  return 0;
}

static int
run_list_participants (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IopStore) store = open_store (&error);
  g_autoptr(GPtrArray) people = NULL;

  if (store == NULL)
    return fail (error->message);
  people = iop_store_list_participants (store, &error);
  if (people == NULL)
    return fail (error->message);

  for (guint i = 0; i < people->len; i++)
    {
      IopParticipant *p = g_ptr_array_index (people, i);
      g_autofree char *record = field (iop_participant_get_record_number (p));
      g_autofree char *first = field (iop_participant_get_first_name (p));
      g_autofree char *last = field (iop_participant_get_last_name (p));
      g_autofree char *preferred = field (iop_participant_get_preferred_name (p));

      g_print ("%s\t%s\t%s\t%s\t%s\n", record, first, last, preferred, iop_participant_get_status (p));
    }
  return 0;
}

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
  g_autoptr(IopStore) store = open_store (&error);
  g_autoptr(IopParticipant) p = NULL;
  g_autoptr(GPtrArray) measures = NULL;

  if (store == NULL || (p = find_participant (store, record_number, &error)) == NULL)
    return fail (error->message);
  measures = iop_store_list_measures (store, iop_participant_get_id (p), NULL, &error);
  if (measures == NULL)
    return fail (error->message);
  if (!iop_store_audit (store, "export", IOP_KIND_MEASURE, 0, iop_participant_get_id (p), "list-measures", &error))
    return fail (error->message);

  for (guint i = 0; i < measures->len; i++)
    {
      IopMeasure *m = g_ptr_array_index (measures, i);
      g_autofree char *instrument = field (iop_measure_get_instrument (m));
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
          severity = field (iop_measure_get_subscores (m));
        }
      else
        {
          score = g_strdup_printf ("%d", iop_measure_get_total (m));
          severity = field (iop_measure_get_severity (m));
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
  g_autoptr(IopStore) store = open_store (&error);
  g_autoptr(IopParticipant) p = NULL;
  g_autoptr(GPtrArray) plans = NULL;

  if (store == NULL || (p = find_participant (store, record_number, &error)) == NULL)
    return fail (error->message);
  plans = iop_store_list_plans (store, iop_participant_get_id (p), &error);
  if (plans == NULL)
    return fail (error->message);
  if (!iop_store_audit (store, "export", IOP_KIND_PLAN, 0, iop_participant_get_id (p), "list-plans", &error))
    return fail (error->message);

  for (guint i = plans->len; i > 0; i--)
    {
      IopTreatmentPlan *t = g_ptr_array_index (plans, i - 1);

      g_print ("%" G_GINT64_FORMAT "\t%d\t%s\t%s\t%s\n", iop_treatment_plan_get_id (t),
               iop_treatment_plan_get_version (t), iop_treatment_plan_get_display_state (t),
               iop_treatment_plan_get_effective_date (t), iop_treatment_plan_get_review_due (t));
    }
  return 0;
}

/**
 * iop_cli_add_options:
 * @app: the application
 *
 * Registers every command-line option.
 */
void
iop_cli_add_options (GApplication *app)
{
  g_application_add_main_option_entries (app, entries);
  g_application_set_option_context_summary (app, _("Circle keeps group therapy records for intensive outpatient programs. Without options it opens the application."));
}

/**
 * iop_cli_handle:
 * @app: the application
 * @options: the parsed options
 * @exit_status: (out): the status to exit with when %TRUE is returned
 *
 * Runs a command-line job when one was asked for.
 *
 * Returns: %TRUE when the process should exit with @exit_status, %FALSE to open the window
 */
gboolean
iop_cli_handle (GApplication *app,
                GVariantDict *options,
                int          *exit_status)
{
  const char *record_number = NULL;

  g_clear_pointer (&database_path, g_free);
  g_variant_dict_lookup (options, "database", "^ay", &database_path);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      *exit_status = 0;
      return TRUE;
    }

  if (g_variant_dict_contains (options, "sample-data"))
    *exit_status = run_sample_data ();
  else if (g_variant_dict_contains (options, "list-groups"))
    *exit_status = run_list_groups ();
  else if (g_variant_dict_contains (options, "list-participants"))
    *exit_status = run_list_participants ();
  else if (g_variant_dict_lookup (options, "list-measures", "&s", &record_number))
    *exit_status = run_list_measures (record_number);
  else if (g_variant_dict_lookup (options, "list-plans", "&s", &record_number))
    *exit_status = run_list_plans (record_number);
  else
    return FALSE;

  return TRUE;
}

/**
 * iop_cli_get_database_path:
 *
 * Returns: (nullable): the database chosen with `--database`, or %NULL for the default
 */
const char *
iop_cli_get_database_path (void)
{
  return database_path;
}
