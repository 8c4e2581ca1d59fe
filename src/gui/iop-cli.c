/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "iop-cli.h"
#include "iop-date.h"
#include "iop-sample.h"
#include "iop-store-cultural.h"
#include "iop-store-people.h"

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
  { "cultural-gaps", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("List open gaps in cultural profiles: record number, gap (interpreter, not-started, review-due), date (tab-separated)"), NULL },
  { "cultural-summary", 0, 0, G_OPTION_ARG_INT64, NULL,
    N_("Print a group's cultural composition as counts, never names: item, count (tab-separated)"), N_("GROUP-ID") },
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

  if (store == NULL || !iop_sample_load (store, &error))
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

static int
run_cultural_gaps (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IopStore) store = open_store (&error);
  g_autoptr(GListModel) gaps = NULL;

  if (store == NULL)
    return fail (error->message);
  gaps = iop_store_list_cultural_gaps (store, NULL, iop_store_get_cultural_review_days (store), &error);
  if (gaps == NULL)
    return fail (error->message);

  for (guint i = 0; i < g_list_model_get_n_items (gaps); i++)
    {
      g_autoptr(IopCulturalGap) gap = g_list_model_get_item (gaps, i);
      g_autofree char *record = field (iop_cultural_gap_get_record_number (gap));

      g_print ("%s\t%s\t%s\n", record, iop_cultural_gap_kind_id (iop_cultural_gap_get_kind (gap)),
               iop_cultural_gap_get_since (gap));
    }
  return 0;
}

/* Counts only: this output can leave the program, so it never names anyone. */
static int
run_cultural_summary (gint64 group_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IopStore) store = open_store (&error);
  g_autoptr(IopCulturalComposition) comp = NULL;

  if (store == NULL)
    return fail (error->message);
  comp = iop_store_get_cultural_composition (store, group_id, NULL, &error);
  if (comp == NULL)
    return fail (error->message);

  g_print ("members\t%u\n", comp->n_members);
  g_print ("profiles\t%u\n", comp->n_profiles);
  for (guint i = 0; i < comp->languages->len; i++)
    {
      const IopCulturalCount *count = g_ptr_array_index (comp->languages, i);
      g_autofree char *language = field (*count->label ? count->label : "not recorded");

      g_print ("language\t%s\t%u\n", language, count->count);
    }
  g_print ("interpreter-needed\t%u\n", comp->interpreter_needed);
  g_print ("interpreter-arranged\t%u\n", comp->interpreter_arranged);
  g_print ("observances\t%u\n", comp->n_observances);
  g_print ("dietary-needs\t%u\n", comp->n_dietary);
  g_print ("accessibility\t%u\n", comp->n_accessibility);
  g_print ("schedule-conflicts\t%u\n", comp->schedule_conflicts);
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
  gint64 group_id = 0;

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
  else if (g_variant_dict_contains (options, "cultural-gaps"))
    *exit_status = run_cultural_gaps ();
  else if (g_variant_dict_lookup (options, "cultural-summary", "x", &group_id))
    *exit_status = run_cultural_summary (group_id);
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
