/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "iop-cli-private.h"
#include "iop-fhir.h"
#include "iop-native.h"
#include "iop-plan-import.h"
#include "iop-store-exchange.h"

/*
 * Plans in and out as XML:
 *
 *   --import-plan FILE
 *       format<TAB>native|fhir
 *       participant<TAB>RECORD_NUMBER<TAB>new|existing<TAB>PLANS<TAB>MEASURES   (one per person)
 *       note<TAB>MESSAGE                                                         (what was skipped or defaulted)
 *   --export-plan RECORD_NUMBER|all [--format native|fhir] --output FILE
 *       exported<TAB>RECORD_NUMBER<TAB>PLANS<TAB>MEASURES
 *   --export-plan RECORD_NUMBER --disclose-to RECIPIENT --consent ID ...
 *       the same, for someone outside the program: one participant only, under
 *       their valid consent; the disclosure is recorded and the file opens with
 *       the 42 CFR § 2.32 notice in a comment
 *
 * A refused import writes nothing and exits 1 with "circle: FILE:LINE: message".
 */

const GOptionEntry iop_cli_exchange_entries[] = {
  { "import-plan", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Import treatment plans from a Circle plan file or HL7 FHIR R4 XML (format detected)"), N_("FILE") },
  { "export-plan", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Export the plan record of RECORD_NUMBER, or of everyone with “all” (needs --output)"), N_("RECORD_NUMBER|all") },
  { "format", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Format for --export-plan: native (Circle’s own, the default) or fhir (HL7 FHIR R4 Bundle; with all, one collection Bundle)"), N_("native|fhir") },
  { NULL }
};

static int
run_import_plan (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IopStore) store = iop_cli_open_store (&error);
  g_autoptr(IopExchange) exchange = NULL;
  g_autoptr(GArray) was_new = g_array_new (FALSE, FALSE, sizeof (gboolean));
  IopPlanFormat format = IOP_PLAN_FORMAT_NATIVE;

  if (store == NULL)
    return iop_cli_fail (error->message);
  /* Parse and validate everything before the database is touched. */
  exchange = iop_plan_import_read_file (path, &format, &error);
  if (exchange == NULL)
    return iop_cli_fail (error->message);
  if (!iop_store_exchange_match (store, exchange, &error))
    {
      g_autofree char *message = g_strdup_printf ("%s: %s", path, error->message);
      return iop_cli_fail (message);
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
      return iop_cli_fail (message);
    }

  g_print ("format\t%s\n", iop_plan_format_to_string (format));
  for (guint i = 0; i < exchange->participants->len; i++)
    {
      IopExchangeParticipant *p = g_ptr_array_index (exchange->participants, i);
      g_autofree char *record = iop_cli_field (p->record_number);

      g_print ("participant\t%s\t%s\t%u\t%u\n", record,
               g_array_index (was_new, gboolean, i) ? "new" : "existing",
               p->plans->len, p->measures->len);
    }
  for (guint i = 0; i < exchange->messages->len; i++)
    {
      g_autofree char *message = iop_cli_field (g_ptr_array_index (exchange->messages, i));

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
  gboolean written = FALSE;
  gboolean ok;

  if (format == NULL)
    format = "native";
  if (!g_str_equal (format, "native") && !g_str_equal (format, "fhir"))
    return iop_cli_fail (_("--format must be native or fhir"));
  if (output == NULL)
    return iop_cli_fail (_("--export-plan needs --output FILE"));
  /* A disclosure is of one person's record, under that person's consent. */
  if (all && iop_cli_is_disclosure ())
    return iop_cli_fail (_("A disclosure outside the program is of one participant: give a record number, not all."));

  store = iop_cli_open_store (&error);
  if (store == NULL)
    return iop_cli_fail (error->message);
  exchange = iop_store_exchange_read (store, all ? NULL : which, &error);
  if (exchange == NULL)
    return iop_cli_fail (error->message);

  /* The disclosure is recorded and the file written together, or neither. */
  if (!iop_store_begin (store, &error))
    return iop_cli_fail (error->message);
  ok = TRUE;
  if (iop_cli_is_disclosure ())
    {
      IopExchangeParticipant *p;

      g_assert (exchange->participants->len == 1);
      p = g_ptr_array_index (exchange->participants, 0);
      ok = iop_cli_check_disclosure (store, p->id, _("Treatment plan"), &exchange->notice, &error);
    }
  if (ok && g_str_equal (format, "fhir"))
    written = ok = iop_fhir_write_file (exchange, output, &error);
  else if (ok)
    written = ok = iop_native_write_file (exchange, output, &error);
  if (!ok || !iop_store_exchange_log_export (store, exchange, format, &error)
      || !iop_store_commit (store, &error))
    {
      iop_store_rollback (store);
      /* Not recorded, so not out: a file no log accounts for must not stay. */
      if (written)
        g_unlink (output);
      return iop_cli_fail (error->message);
    }

  for (guint i = 0; i < exchange->participants->len; i++)
    {
      IopExchangeParticipant *p = g_ptr_array_index (exchange->participants, i);
      g_autofree char *record = iop_cli_field (p->record_number);

      g_print ("exported\t%s\t%u\t%u\n", record, p->plans->len, p->measures->len);
    }
  return 0;
}

gboolean
iop_cli_exchange_handle (GVariantDict *options,
                         int          *exit_status)
{
  if (g_variant_dict_contains (options, "import-plan"))
    {
      g_autofree char *path = NULL;

      g_variant_dict_lookup (options, "import-plan", "^ay", &path);
      *exit_status = run_import_plan (path);
      return TRUE;
    }
  if (g_variant_dict_contains (options, "export-plan"))
    {
      g_autofree char *which = NULL;
      g_autofree char *format = NULL;
      g_autofree char *output = iop_cli_dup_output (options);

      g_variant_dict_lookup (options, "export-plan", "s", &which);
      g_variant_dict_lookup (options, "format", "s", &format);
      *exit_status = run_export_plan (which, format, output);
      return TRUE;
    }
  return FALSE;
}
