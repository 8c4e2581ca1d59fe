/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "iop-cli-private.h"
#include "iop-date.h"
#include "iop-report-render.h"

/*
 * --report GROUP_ID and --program-report, with --from, --to and --output
 * FILE.pdf|FILE.csv: the group dynamics and program reports, always by initials.
 */

const GOptionEntry iop_cli_reports_entries[] = {
  { "report", 0, 0, G_OPTION_ARG_INT64, NULL,
    N_("Write a group's dynamics report to --output FILE.pdf or FILE.csv, members by initials"), N_("GROUP_ID") },
  { "program-report", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Write the program report to --output FILE.pdf or FILE.csv, participants by initials"), NULL },
  { "from", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --report or --program-report: the first day (default: eight weeks back)"), N_("DATE") },
  { "to", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --report or --program-report: the last day (default: today)"), N_("DATE") },
  { NULL }
};

static GSettings *
desk_settings (void)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  return schema != NULL ? g_settings_new (APPLICATION_ID) : NULL;
}

static char *
report_program_name (void)
{
  g_autoptr(GSettings) settings = desk_settings ();

  return settings != NULL ? g_settings_get_string (settings, "program-name") : NULL;
}

/* Reports follow the desk's rules: weekly minimums and when a note is late. */
static void
report_settings (IopReportOptions *options)
{
  g_autoptr(GSettings) settings = desk_settings ();

  if (settings != NULL)
    {
      options->hours_adult_iop = g_settings_get_double (settings, "hours-adult-iop");
      options->hours_adolescent_iop = g_settings_get_double (settings, "hours-adolescent-iop");
      options->hours_php = g_settings_get_double (settings, "hours-php");
      options->late_signature_days = g_settings_get_int (settings, "late-signature-days");
    }
}

/*
 * --report GROUP_ID / --program-report with --from, --to and --output: the format
 * comes from the file's extension. Everything is checked and computed before the
 * file is written, so a bad date or group leaves no file behind.
 */
static int
run_report (gint64      group_id,
            const char *from,
            const char *to,
            const char *output)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IopStore) store = NULL;
  g_autoptr(IopGroupReport) group_report = NULL;
  g_autoptr(IopProgramReport) program_report = NULL;
  g_autoptr(IopDocument) doc = NULL;
  g_autofree char *program_name = NULL;
  g_autofree char *lower = NULL;
  IopReportOptions options;
  gboolean pdf, ok;

  if (output == NULL || *output == '\0')
    return iop_cli_fail (_("Say where to write the report with --output FILE.pdf or --output FILE.csv."));
  lower = g_ascii_strdown (output, -1);
  pdf = g_str_has_suffix (lower, ".pdf");
  if (!pdf && !g_str_has_suffix (lower, ".csv"))
    return iop_cli_fail (_("The output file must end in .pdf or .csv."));
  if (from != NULL && !iop_date_is_valid (from))
    return iop_cli_fail (_("The start date is not a real date; use YYYY-MM-DD."));
  if (to != NULL && !iop_date_is_valid (to))
    return iop_cli_fail (_("The end date is not a real date; use YYYY-MM-DD."));

  iop_report_options_init (&options, from, to);
  report_settings (&options);
  if (!iop_report_options_validate (&options, &error))
    {
      iop_report_options_clear (&options);
      return iop_cli_fail (error->message);
    }

  store = iop_cli_open_store (&error);
  if (store == NULL)
    {
      iop_report_options_clear (&options);
      return iop_cli_fail (error->message);
    }
  if (group_id != 0)
    group_report = iop_group_report_compute (store, group_id, &options, &error);
  else
    program_report = iop_program_report_compute (store, &options, &error);
  iop_report_options_clear (&options);
  if (group_report == NULL && program_report == NULL)
    return iop_cli_fail (error->message);

  /* The command line always prints initials: a full-name copy is chosen in the window. */
  program_name = report_program_name ();
  if (pdf)
    {
      doc = group_report != NULL ? iop_group_report_build_document (group_report, program_name, FALSE)
                                 : iop_program_report_build_document (program_report, program_name, FALSE);
      ok = iop_document_write_pdf (doc, output, &error);
    }
  else
    {
      g_autofree char *csv = group_report != NULL ? iop_group_report_to_csv (group_report, FALSE)
                                                  : iop_program_report_to_csv (program_report, FALSE);

      ok = iop_report_write_text (output, csv, &error);
    }
  if (!ok)
    return iop_cli_fail (error->message);
  return 0;
}

gboolean
iop_cli_reports_handle (GVariantDict *options,
                        int          *exit_status)
{
  g_autofree char *output = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  gint64 group_id = 0;

  if (!g_variant_dict_contains (options, "report") && !g_variant_dict_contains (options, "program-report"))
    return FALSE;

  g_variant_dict_lookup (options, "from", "s", &from);
  g_variant_dict_lookup (options, "to", "s", &to);
  output = iop_cli_dup_output (options);
  if (g_variant_dict_contains (options, "program-report"))
    *exit_status = g_variant_dict_contains (options, "report")
                   ? iop_cli_fail (_("Choose either --report GROUP_ID or --program-report, not both."))
                   : run_report (0, from, to, output);
  else if (!g_variant_dict_lookup (options, "report", "x", &group_id) || group_id <= 0)
    *exit_status = iop_cli_fail (_("This group does not exist."));
  else
    *exit_status = run_report (group_id, from, to, output);
  return TRUE;
}
