/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "iop-cli-private.h"
#include "iop-cli.h"
#include "iop-date.h"
#include "iop-instrument-loader.h"
#include "iop-sample.h"
#include "iop-store-people.h"

/*
 * The command line is part of the application: every job that makes sense in
 * batch can be scripted. Output is tab-separated, one line per item, for
 * scripts; errors go to standard error with a non-zero exit status. Each area
 * keeps its options in its own iop-cli-<area>.c, listed in `areas` below.
 */

static char *database_path;

static const GOptionEntry entries[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Use the database at PATH instead of the one in your data folder"), N_("PATH") },
  { "sample-data", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Load the sample program into an empty database and exit"), NULL },
  { "version", 'v', 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("The file to write"), N_("FILE") },
  { "list-groups", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("List groups: ID, name, type, members (tab-separated)"), NULL },
  { "list-participants", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("List participants: record number, first, last, preferred name, status (tab-separated)"), NULL },
  { NULL }
};

static const IopCliArea areas[] = {
  { iop_cli_sessions_entries, iop_cli_sessions_handle },
  { iop_cli_plans_entries, iop_cli_plans_handle },
  { iop_cli_exchange_entries, iop_cli_exchange_handle },
  { iop_cli_cultural_entries, iop_cli_cultural_handle },
  { iop_cli_reports_entries, iop_cli_reports_handle },
};

char *
iop_cli_field (const char *text)
{
  char *copy = g_strdup (text != NULL ? text : "");

  return g_strdelimit (copy, "\t\n\r", ' ');
}

int
iop_cli_fail (const char *message)
{
  g_printerr ("circle: %s\n", message);
  return 1;
}

IopStore *
iop_cli_open_store (GError **error)
{
  return iop_store_open (database_path, error);
}

static int
run_sample_data (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IopStore) store = iop_cli_open_store (&error);

  /* The sample's measures are scored with the shipped instrument definitions. */
  if (store == NULL
      || iop_instrument_registry_ensure_default (NULL, &error) == NULL
      || !iop_sample_load (store, &error))
    return iop_cli_fail (error->message);
  g_print (_("Loaded the sample program into %s\n"), iop_store_get_path (store));
  return 0;
}

static int
run_list_groups (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IopStore) store = iop_cli_open_store (&error);
  g_autoptr(GListModel) groups = NULL;

  if (store == NULL)
    return iop_cli_fail (error->message);
  groups = iop_store_list_groups (store, TRUE, &error);
  if (groups == NULL)
    return iop_cli_fail (error->message);

  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(IopGroup) g = g_list_model_get_item (groups, i);
      g_autofree char *name = iop_cli_field (iop_group_get_name (g));

      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%d\n", iop_group_get_id (g), name,
               iop_group_get_group_type (g), iop_group_get_member_count (g));
    }
  return 0;
}

static int
run_list_participants (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IopStore) store = iop_cli_open_store (&error);
  g_autoptr(GPtrArray) people = NULL;

  if (store == NULL)
    return iop_cli_fail (error->message);
  people = iop_store_list_participants (store, &error);
  if (people == NULL)
    return iop_cli_fail (error->message);

  for (guint i = 0; i < people->len; i++)
    {
      IopParticipant *p = g_ptr_array_index (people, i);
      g_autofree char *record = iop_cli_field (iop_participant_get_record_number (p));
      g_autofree char *first = iop_cli_field (iop_participant_get_first_name (p));
      g_autofree char *last = iop_cli_field (iop_participant_get_last_name (p));
      g_autofree char *preferred = iop_cli_field (iop_participant_get_preferred_name (p));

      g_print ("%s\t%s\t%s\t%s\t%s\n", record, first, last, preferred, iop_participant_get_status (p));
    }
  return 0;
}

/**
 * iop_cli_dup_output:
 * @options: the parsed options
 *
 * Returns: (transfer full) (nullable): the file given with `--output`
 */
char *
iop_cli_dup_output (GVariantDict *options)
{
  char *output = NULL;

  g_variant_dict_lookup (options, "output", "^ay", &output);
  return output;
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
  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    g_application_add_main_option_entries (app, areas[i].entries);
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
  g_clear_pointer (&database_path, g_free);
  g_variant_dict_lookup (options, "database", "^ay", &database_path);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      *exit_status = 0;
      return TRUE;
    }

  if (g_variant_dict_contains (options, "sample-data"))
    {
      *exit_status = run_sample_data ();
      return TRUE;
    }
  if (g_variant_dict_contains (options, "list-groups"))
    {
      *exit_status = run_list_groups ();
      return TRUE;
    }
  if (g_variant_dict_contains (options, "list-participants"))
    {
      *exit_status = run_list_participants ();
      return TRUE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    if (areas[i].handle (options, exit_status))
      return TRUE;

  return FALSE;
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
