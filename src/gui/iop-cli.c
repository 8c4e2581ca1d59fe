/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "iop-cli.h"
#include "iop-date.h"
#include "iop-sample.h"
#include "iop-store-people.h"
#include "iop-fhir.h"
#include "iop-native.h"
#include "iop-plan-import.h"
#include "iop-store-exchange.h"

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
  { "import-plan", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Import treatment plans from a Circle plan file or HL7 FHIR R4 XML (format detected)"), N_("FILE") },
  { "export-plan", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Export the plan record of RECORD_NUMBER, or of everyone with “all” (needs --output)"), N_("RECORD_NUMBER|all") },
  { "format", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Format for --export-plan: native (Circle’s own, the default) or fhir (HL7 FHIR R4 Bundle, one participant)"), N_("native|fhir") },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("File to write with --export-plan"), N_("FILE") },
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
run_import_plan (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IopStore) store = open_store (&error);
  g_autoptr(IopExchange) exchange = NULL;
  IopPlanFormat format = IOP_PLAN_FORMAT_NATIVE;
  g_autoptr(GArray) was_new = g_array_new (FALSE, FALSE, sizeof (gboolean));

  if (store == NULL)
    return fail (error->message);
  /* Parse and validate everything before the database is touched. */
  exchange = iop_plan_import_read_file (path, &format, &error);
  if (exchange == NULL)
    return fail (error->message);
  if (!iop_store_exchange_match (store, exchange, &error))
    {
      g_autofree char *message = g_strdup_printf ("%s: %s", path, error->message);
      return fail (message);
    }
  for (guint i = 0; i < exchange->participants->len; i++)
    {
      IopExchangeParticipant *p = g_ptr_array_index (exchange->participants, i);
      gboolean is_new = p->id == 0;

      g_array_append_val (was_new, is_new);
    }
  if (!iop_store_exchange_write (store, exchange, iop_plan_format_to_string (format), &error))
    {
      g_autofree char *message = g_strdup_printf ("%s: %s", path, error->message);
      return fail (message);
    }

  g_print ("format\t%s\n", iop_plan_format_to_string (format));
  for (guint i = 0; i < exchange->participants->len; i++)
    {
      IopExchangeParticipant *p = g_ptr_array_index (exchange->participants, i);
      g_autofree char *record = field (p->record_number);

      g_print ("participant\t%s\t%s\t%u\t%u\n", record,
               g_array_index (was_new, gboolean, i) ? "new" : "existing",
               p->plans->len, p->measures->len);
    }
  for (guint i = 0; i < exchange->messages->len; i++)
    {
      g_autofree char *message = field (g_ptr_array_index (exchange->messages, i));

      g_print ("note\t%s\n", message);
    }
  return 0;
}

static int
run_export_plan (const char *which,
                 const char *format,
                 const char *output)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IopStore) store = NULL;
  g_autoptr(IopExchange) exchange = NULL;
  gboolean all = g_strcmp0 (which, "all") == 0;
  gboolean ok;

  if (format == NULL)
    format = "native";
  if (!g_str_equal (format, "native") && !g_str_equal (format, "fhir"))
    return fail (_("--format must be native or fhir"));
  if (output == NULL)
    return fail (_("--export-plan needs --output FILE"));
  if (all && g_str_equal (format, "fhir"))
    return fail (_("A FHIR export holds one participant: give a record number, or export everyone with --format native"));

  store = open_store (&error);
  if (store == NULL)
    return fail (error->message);
  exchange = iop_store_exchange_read (store, all ? NULL : which, &error);
  if (exchange == NULL)
    return fail (error->message);

  if (g_str_equal (format, "fhir"))
    ok = iop_fhir_write_file (exchange, output, &error);
  else
    ok = iop_native_write_file (exchange, output, &error);
  if (!ok || !iop_store_exchange_log_export (store, exchange, format, &error))
    return fail (error->message);

  for (guint i = 0; i < exchange->participants->len; i++)
    {
      IopExchangeParticipant *p = g_ptr_array_index (exchange->participants, i);
      g_autofree char *record = field (p->record_number);

      g_print ("exported\t%s\t%u\t%u\n", record, p->plans->len, p->measures->len);
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
  else if (g_variant_dict_contains (options, "import-plan"))
    {
      g_autofree char *path = NULL;

      g_variant_dict_lookup (options, "import-plan", "^ay", &path);
      *exit_status = run_import_plan (path);
    }
  else if (g_variant_dict_contains (options, "export-plan"))
    {
      g_autofree char *which = NULL;
      g_autofree char *format = NULL;
      g_autofree char *output = NULL;

      g_variant_dict_lookup (options, "export-plan", "s", &which);
      g_variant_dict_lookup (options, "format", "s", &format);
      g_variant_dict_lookup (options, "output", "^ay", &output);
      *exit_status = run_export_plan (which, format, output);
    }
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
