/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "iop-cli-private.h"
#include "iop-store-cultural.h"

const GOptionEntry iop_cli_cultural_entries[] = {
  { "cultural-gaps", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("List open gaps in cultural profiles: record number, gap (interpreter, not-started, review-due), date (tab-separated)"), NULL },
  { "cultural-summary", 0, 0, G_OPTION_ARG_INT64, NULL,
    N_("Print a group's cultural composition as counts, never names: item, count (tab-separated)"), N_("GROUP_ID") },
  { NULL }
};

/* RECORD_NUMBER, GAP, DATE: the date is the admission (not-started), the last
 * review (review-due) or the profile's last update (interpreter). */
static int
run_cultural_gaps (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IopStore) store = iop_cli_open_store (&error);
  g_autoptr(GListModel) gaps = NULL;

  if (store == NULL)
    return iop_cli_fail (error->message);
  gaps = iop_store_list_cultural_gaps (store, NULL, iop_store_get_cultural_review_days (store), &error);
  if (gaps == NULL)
    return iop_cli_fail (error->message);
  if (!iop_store_audit (store, "export", IOP_KIND_CULTURAL, 0, 0, "cultural-gaps", &error))
    return iop_cli_fail (error->message);

  for (guint i = 0; i < g_list_model_get_n_items (gaps); i++)
    {
      g_autoptr(IopCulturalGap) gap = g_list_model_get_item (gaps, i);
      g_autofree char *record = iop_cli_field (iop_cultural_gap_get_record_number (gap));

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
  g_autoptr(IopStore) store = iop_cli_open_store (&error);
  g_autoptr(IopCulturalComposition) comp = NULL;

  if (store == NULL)
    return iop_cli_fail (error->message);
  comp = iop_store_get_cultural_composition (store, group_id, NULL, &error);
  if (comp == NULL)
    return iop_cli_fail (error->message);
  if (!iop_store_audit (store, "export", IOP_KIND_CULTURAL, group_id, 0, "cultural-summary", &error))
    return iop_cli_fail (error->message);

  g_print ("members\t%u\n", comp->n_members);
  g_print ("profiles\t%u\n", comp->n_profiles);
  for (guint i = 0; i < comp->languages->len; i++)
    {
      const IopCulturalCount *count = g_ptr_array_index (comp->languages, i);
      g_autofree char *language = iop_cli_field (*count->label ? count->label : "not recorded");

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

gboolean
iop_cli_cultural_handle (GVariantDict *options,
                         int          *exit_status)
{
  gint64 group_id = 0;

  if (g_variant_dict_contains (options, "cultural-gaps"))
    *exit_status = run_cultural_gaps ();
  else if (g_variant_dict_lookup (options, "cultural-summary", "x", &group_id))
    *exit_status = run_cultural_summary (group_id);
  else
    return FALSE;
  return TRUE;
}
