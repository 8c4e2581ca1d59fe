/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * Circle's benchmark at agency scale. Every figure is a ratio against a
 * baseline measured in the same run, or a time whose goal is absolute
 * (one frame at 60 Hz), because the machines it runs on are noisy.
 *
 *   circle-bench [--quick] [--json FILE] [--cache DIR] [--circle PATH] [--baseline PATH]
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "bench-generate.h"
#include "iop-access.h"
#include "iop-document.h"
#include "iop-group-report.h"
#include "iop-participant-list.h"
#include "iop-report-render.h"
#include "iop-session-print.h"
#include "iop-store-private.h"

typedef struct {
  double startup_ratio;
  double search_p95_ms;
  double report_scale_ratio;
  double report_sql_ratio;
  double import_xmllint_ratio;
  double export_xmllint_ratio;
  double rss_delta_mb;
  double pdf_pages_per_s;
  /* the raw figures behind the ratios, for the table */
  double startup_ms, baseline_startup_ms, rss_mb, baseline_rss_mb;
  double report_small_ms, report_large_ms, report_sql_ms;
  guint  pdf_pages;
} Figures;

static gboolean quick;
static char *json_path;
static char *cache_dir;
static char *circle_path;
static char *baseline_path;
static char *xml_bench_path;
static char *settings_dir;

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

static double
percentile (GArray *values, double p)
{
  guint index;

  g_array_sort (values, compare_doubles);
  index = (guint) ceil (p * values->len) - 1;
  return g_array_index (values, double, MIN (index, values->len - 1));
}

static double
median (GArray *values)
{
  return percentile (values, 0.5);
}

static char *
database_for (const BenchScale *scale, const char *name)
{
  g_autofree char *file = g_strdup_printf ("%s-schema%u-v2.db", name, iop_store_latest_version ());
  char *path = g_build_filename (cache_dir, file, NULL);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *tmp = g_strconcat (path, ".partial", NULL);
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();

      g_mkdir_with_parents (cache_dir, 0700);
      g_unlink (tmp);
      g_printerr ("Generating the %s database (once; cached in %s)…\n", name, cache_dir);
      if (!bench_generate (tmp, scale, &error))
        g_error ("%s", error->message);
      if (g_rename (tmp, path) != 0)
        g_error ("Could not move %s into place", tmp);
      g_printerr ("  done in %.1f s\n", (g_get_monotonic_time () - start) / 1e6);
    }
  return path;
}

/* Starts @argv with the first-frame probe and returns milliseconds to the first frame. */
static double
time_to_first_frame (const char * const *argv,
                     double             *out_peak_rss_mb)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                                                       | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  gint64 start, frame = 0;
  long rss_kb = 0;

  /* Signed in, on the participants view: settings from a keyfile saying so. */
  g_subprocess_launcher_setenv (launcher, "CIRCLE_BENCH_FIRST_FRAME", "1", TRUE);
  g_subprocess_launcher_setenv (launcher, "CIRCLE_USER", "admin", TRUE);
  g_subprocess_launcher_setenv (launcher, "CIRCLE_PASSPHRASE", BENCH_PASSPHRASE, TRUE);
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "keyfile", TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", settings_dir, TRUE);
  start = g_get_monotonic_time ();
  child = g_subprocess_launcher_spawnv (launcher, argv, &error);
  if (child == NULL)
    g_error ("%s", error->message);
  if (!g_subprocess_communicate_utf8 (child, NULL, NULL, &out, NULL, &error))
    g_error ("%s", error->message);
  if (out == NULL || sscanf (out, "first-frame %" G_GINT64_FORMAT " %ld", &frame, &rss_kb) != 2)
    g_error ("%s did not report its first frame (is there a display?): %s", argv[0], out ? out : "");
  *out_peak_rss_mb = rss_kb / 1024.0;
  return (frame - start) / 1000.0;
}

/* In-process figures act as the generated administrator, as a person would. */
static IopStore *
open_signed_in (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IopStore) store = iop_store_open_full (path, IOP_STORE_OPEN_DEFER_CHECK, &error);
  g_autoptr(IopStaff) staff = NULL;

  if (store == NULL)
    g_error ("%s", error->message);
  staff = iop_access_sign_in (store, "admin", BENCH_PASSPHRASE, &error);
  if (staff == NULL)
    g_error ("%s", error->message);
  return g_steal_pointer (&store);
}

static void
measure_startup (const char *large, Figures *f)
{
  const char *circle_argv[] = { circle_path, "--database", large, NULL };
  const char *baseline_argv[] = { baseline_path, NULL };
  g_autoptr(GArray) circle = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) baseline = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) circle_rss = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) baseline_rss = g_array_new (FALSE, FALSE, sizeof (double));
  guint runs = quick ? 5 : 9;

  /* Interleave the two programs so a burst of noise hits both alike. */
  time_to_first_frame (circle_argv, &(double){0});
  time_to_first_frame (baseline_argv, &(double){0});
  for (guint i = 0; i < runs; i++)
    {
      double rss, ms;

      ms = time_to_first_frame (baseline_argv, &rss);
      g_array_append_val (baseline, ms);
      g_array_append_val (baseline_rss, rss);
      ms = time_to_first_frame (circle_argv, &rss);
      g_array_append_val (circle, ms);
      g_array_append_val (circle_rss, rss);
    }

  f->startup_ms = median (circle);
  f->baseline_startup_ms = median (baseline);
  f->startup_ratio = f->startup_ms / f->baseline_startup_ms;
  f->rss_mb = median (circle_rss);
  f->baseline_rss_mb = median (baseline_rss);
  f->rss_delta_mb = f->rss_mb - f->baseline_rss_mb;
}

/* A person typing names into the participant filter, one keystroke at a time. The
 * model settles when the filter call returns and the rows a list shows are read. */
static void
measure_search (const char *large, Figures *f)
{
  static const char *typed[] = {
    "martinez", "maria lopez", "hope", "grace okafor", "a00123", "martin", "thanh nguyen",
    "ruiz", "sam", "whitehorse", "zainab", "li wei", "ivanov", "castillo",
  };
  g_autoptr(IopStore) store = open_signed_in (large);
  g_autoptr(IopParticipantList) list = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  list = iop_participant_list_new (store);

  for (guint w = 0; w < G_N_ELEMENTS (typed); w++)
    {
      glong len = g_utf8_strlen (typed[w], -1);

      for (glong k = 0; k <= len; k++)
        {
          g_autofree char *prefix = g_utf8_substring (typed[w], 0, k);
          gint64 start = g_get_monotonic_time ();
          guint visible;
          double ms;

          iop_participant_list_set_filter (list, prefix);
          visible = MIN (g_list_model_get_n_items (G_LIST_MODEL (list)), 30);
          for (guint i = 0; i < visible; i++)
            g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));
          ms = (g_get_monotonic_time () - start) / 1000.0;
          g_array_append_val (times, ms);
        }
    }
  f->search_p95_ms = percentile (times, 0.95);
}

/* The report of one 15-member group over a year: computed RUNS times, median. */
static double
time_group_report (IopStore *store)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  IopReportOptions options;

  iop_report_options_init (&options, bench_report_from (), bench_report_to ());
  for (guint run = 0; run < (quick ? 15 : 31); run++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(IopGroupReport) report = NULL;
      gint64 start = g_get_monotonic_time ();
      double ms;

      report = iop_group_report_compute (store, bench_report_group_id (), &options, &error);
      if (report == NULL)
        g_error ("%s", error->message);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (times, ms);
    }
  iop_report_options_clear (&options);
  return median (times);
}

static int
trace_cb (unsigned type, void *data, void *p, void *x)
{
  GPtrArray *statements = data;
  char *sql = sqlite3_expanded_sql (p);

  /* Each statement once, with its bound values, as the report ran it. */
  if (sql != NULL && !g_ptr_array_find_with_equal_func (statements, sql, g_str_equal, NULL))
    g_ptr_array_add (statements, g_strdup (sql));
  sqlite3_free (sql);
  return 0;
}

/* The baseline for report_sql_ratio: the very statements the report ran, with the
 * same values bound, stepped to their last row through sqlite3 directly. */
static double
time_report_sql (IopStore *store, GPtrArray *statements)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  sqlite3 *db = iop_store_get_db (store);

  for (guint run = 0; run < (quick ? 15 : 31); run++)
    {
      gint64 start = g_get_monotonic_time ();
      double ms;

      for (guint i = 0; i < statements->len; i++)
        {
          sqlite3_stmt *stmt = NULL;

          if (sqlite3_prepare_v2 (db, g_ptr_array_index (statements, i), -1, &stmt, NULL) != SQLITE_OK)
            g_error ("replay: %s", sqlite3_errmsg (db));
          while (sqlite3_step (stmt) == SQLITE_ROW)
            ;
          sqlite3_finalize (stmt);
        }
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (times, ms);
    }
  return median (times);
}

static void
measure_reports (const char *small, const char *large, Figures *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IopStore) small_store = open_signed_in (small);
  g_autoptr(IopStore) large_store = open_signed_in (large);
  g_autoptr(GPtrArray) statements = g_ptr_array_new_with_free_func (g_free);
  IopReportOptions options;
  double small_ms, large_ms, sql_ms;

  /* Warm both caches alike, then capture what the report asks of SQLite. */
  time_group_report (small_store);
  time_group_report (large_store);
  sqlite3_trace_v2 (iop_store_get_db (large_store), SQLITE_TRACE_STMT, trace_cb, statements);
  iop_report_options_init (&options, bench_report_from (), bench_report_to ());
  {
    g_autoptr(IopGroupReport) once = iop_group_report_compute (large_store, bench_report_group_id (),
                                                              &options, &error);
    if (once == NULL)
      g_error ("%s", error->message);
  }
  iop_report_options_clear (&options);
  sqlite3_trace_v2 (iop_store_get_db (large_store), 0, NULL, NULL);

  small_ms = time_group_report (small_store);
  large_ms = time_group_report (large_store);
  sql_ms = time_report_sql (large_store, statements);

  f->report_small_ms = small_ms;
  f->report_large_ms = large_ms;
  f->report_sql_ms = sql_ms;
  f->report_scale_ratio = large_ms / small_ms;
  f->report_sql_ratio = large_ms / sql_ms;
}

/* The XML figures come from bench-xml, which times export and import of 1,000
 * plans against xmllint --schema on the same file in the same run. */
static void
measure_xml (Figures *f)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { xml_bench_path, NULL };
  g_auto(GStrv) lines = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                     &status, &error)
      || !g_spawn_check_wait_status (status, &error))
    g_error ("bench-xml: %s", error->message);

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cols = g_strsplit (lines[i], "\t", -1);
      guint n = g_strv_length (cols);

      if (n < 3 || !g_str_has_suffix (cols[n - 1], "x xmllint"))
        continue;
      if (g_str_has_prefix (cols[0], "export"))
        f->export_xmllint_ratio = g_ascii_strtod (cols[n - 1], NULL);
      else if (g_str_has_prefix (cols[0], "import (parse, validate, map, write"))
        f->import_xmllint_ratio = g_ascii_strtod (cols[n - 1], NULL);
    }
  if (f->export_xmllint_ratio == 0 || f->import_xmllint_ratio == 0)
    g_error ("bench-xml printed no ratios:\n%s", out);
}

/* Pages per second: session summaries, then group reports, written as PDF files. */
static void
measure_pdf (const char *small, Figures *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IopStore) store = open_signed_in (small);
  g_autofree char *dir = g_dir_make_tmp ("circle-bench-XXXXXX", &error);
  g_autofree char *path = NULL;
  IopReportOptions options;
  guint pages = 0;
  gint64 start;

  if (dir == NULL)
    g_error ("%s", error->message);
  path = g_build_filename (dir, "out.pdf", NULL);
  iop_report_options_init (&options, bench_report_from (), bench_report_to ());

  start = g_get_monotonic_time ();
  for (gint64 session_id = 1; session_id <= (quick ? 40 : 100); session_id++)
    {
      g_autoptr(IopDocument) doc = iop_session_summary_document (store, session_id, "Circle IOP",
                                                                 IOP_PRINT_NAMES_SHORT, &error);
      if (doc == NULL || !iop_document_write_pdf (doc, path, &error))
        g_error ("%s", error->message);
      pages += iop_document_get_n_pages (doc);
    }
  for (guint i = 0; i < (quick ? 4 : 10); i++)
    {
      g_autoptr(IopGroupReport) report = iop_group_report_compute (store, bench_report_group_id (),
                                                                   &options, &error);
      g_autoptr(IopDocument) doc = NULL;

      if (report == NULL)
        g_error ("%s", error->message);
      doc = iop_group_report_build_document (report, "Circle IOP", FALSE);
      if (!iop_document_write_pdf (doc, path, &error))
        g_error ("%s", error->message);
      pages += iop_document_get_n_pages (doc);
    }
  f->pdf_pages = pages;
  f->pdf_pages_per_s = pages / ((g_get_monotonic_time () - start) / 1e6);

  iop_report_options_clear (&options);
  g_unlink (path);
  g_rmdir (dir);
}

static void
write_json (const Figures *f)
{
  g_autoptr(GString) json = g_string_new ("{");
  g_autoptr(GError) error = NULL;
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  struct { const char *key; double value; } items[] = {
    { "startup_ratio", f->startup_ratio },
    { "search_p95_ms", f->search_p95_ms },
    { "report_scale_ratio", f->report_scale_ratio },
    { "report_sql_ratio", f->report_sql_ratio },
    { "import_xmllint_ratio", f->import_xmllint_ratio },
    { "export_xmllint_ratio", f->export_xmllint_ratio },
    { "rss_delta_mb", f->rss_delta_mb },
    { "pdf_pages_per_s", f->pdf_pages_per_s },
  };

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_ascii_formatd (buf, sizeof buf, "%.4f", items[i].value);
      g_string_append_printf (json, "%s\"%s\": %s", i > 0 ? ", " : "", items[i].key, buf);
    }
  g_string_append (json, "}\n");
  if (!g_file_set_contents (json_path, json->str, -1, &error))
    g_error ("%s", error->message);
}

static void
print_table (const Figures *f)
{
  printf ("\n%-24s %12s %10s  %s\n", "figure", "value", "goal", "measured against");
  printf ("%-24s %12.2f %10s  %.0f ms vs %.0f ms for a minimal libadwaita window\n", "startup_ratio",
          f->startup_ratio, "≤ 1.5", f->startup_ms, f->baseline_startup_ms);
  printf ("%-24s %12.2f %10s  p95 of every keystroke typing 14 names\n", "search_p95_ms",
          f->search_p95_ms, "≤ 16.7");
  printf ("%-24s %12.2f %10s  %.2f ms on the large database vs %.2f ms on the small\n",
          "report_scale_ratio", f->report_scale_ratio, "≤ 1.2", f->report_large_ms, f->report_small_ms);
  printf ("%-24s %12.2f %10s  %.2f ms vs %.2f ms running its statements directly\n", "report_sql_ratio",
          f->report_sql_ratio, "≤ 2", f->report_large_ms, f->report_sql_ms);
  printf ("%-24s %12.2f %10s  1,000 plans, over xmllint --schema\n", "import_xmllint_ratio",
          f->import_xmllint_ratio, "≤ 2");
  printf ("%-24s %12.2f %10s  1,000 plans, over xmllint --schema\n", "export_xmllint_ratio",
          f->export_xmllint_ratio, "≤ 2");
  printf ("%-24s %12.1f %10s  %.0f MB vs %.0f MB peak resident\n", "rss_delta_mb", f->rss_delta_mb,
          "≤ 60", f->rss_mb, f->baseline_rss_mb);
  printf ("%-24s %12.1f %10s  %u pages of session summaries and group reports\n", "pdf_pages_per_s",
          f->pdf_pages_per_s, "—", f->pdf_pages);
}

int
main (int argc, char *argv[])
{
  const GOptionEntry entries[] = {
    { "quick", 0, 0, G_OPTION_ARG_NONE, &quick, "Use the small database for the large one's figures", NULL },
    { "json", 0, 0, G_OPTION_ARG_FILENAME, &json_path, "Write the figures as JSON to FILE", "FILE" },
    { "cache", 0, 0, G_OPTION_ARG_FILENAME, &cache_dir, "Where generated databases are kept", "DIR" },
    { "circle", 0, 0, G_OPTION_ARG_FILENAME, &circle_path, "The circle executable", "PATH" },
    { "baseline", 0, 0, G_OPTION_ARG_FILENAME, &baseline_path, "The minimal window program", "PATH" },
    { "xml-bench", 0, 0, G_OPTION_ARG_FILENAME, &xml_bench_path, "The XML benchmark program", "PATH" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— Circle's benchmark");
  g_autoptr(GError) error = NULL;
  g_autofree char *large = NULL;
  g_autofree char *small = NULL;
  Figures f = { 0 };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (cache_dir == NULL)
    cache_dir = g_build_filename (g_get_user_cache_dir (), "circle-bench", NULL);
  if (circle_path == NULL || baseline_path == NULL || xml_bench_path == NULL)
    {
      g_printerr ("--circle, --baseline and --xml-bench are required (build-aux/bench passes them)\n");
      return 2;
    }

  settings_dir = g_dir_make_tmp ("circle-bench-settings-XXXXXX", &error);
  if (settings_dir == NULL)
    g_error ("%s", error->message);
  {
    g_autofree char *folder = g_build_filename (settings_dir, "glib-2.0", "settings", NULL);
    g_autofree char *keyfile = g_build_filename (folder, "keyfile", NULL);

    g_mkdir_with_parents (folder, 0700);
    if (!g_file_set_contents (keyfile, "[org/example/iop]\nlast-view='participants'\n", -1, &error))
      g_error ("%s", error->message);
  }

  small = database_for (&bench_scale_small, "small");
  large = quick ? g_strdup (small) : database_for (&bench_scale_large, "large");

  measure_startup (large, &f);
  measure_search (large, &f);
  measure_reports (small, large, &f);
  measure_xml (&f);
  measure_pdf (small, &f);

  {
    g_autofree char *keyfile = g_build_filename (settings_dir, "glib-2.0", "settings", "keyfile", NULL);
    g_autofree char *folder = g_path_get_dirname (keyfile);
    g_autofree char *glib = g_path_get_dirname (folder);

    g_unlink (keyfile);
    g_rmdir (folder);
    g_rmdir (glib);
    g_rmdir (settings_dir);
  }

  print_table (&f);
  if (json_path != NULL)
    write_json (&f);
  return 0;
}
