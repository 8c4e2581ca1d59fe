/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * How long a year of one 15-member group takes to report, on databases where the
 * rest of the program grows from nothing to hundreds of groups. The report's
 * queries start from the group's and its members' indexes, so the time should
 * stay flat as the rest grows.
 *
 *   bench-reports [OTHER_GROUPS...]     (default: 0 50 200 800)
 *
 * Prints one line per database: other groups, rows in attendance, the group
 * report's CPU and wall time (median and best of 41 runs), and the program
 * report's wall time for scale.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <time.h>

#include "iop-group-report.h"
#include "iop-program-report.h"
#include "iop-store-private.h"

#define MEMBERS       15
#define YEAR_START    "2025-10-06"     /* a Monday */
#define YEAR_END      "2026-10-04"
#define RUNS          41

static sqlite3_stmt *
prepare (sqlite3    *db,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  return stmt;
}

static void
step (sqlite3_stmt *stmt)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    g_error ("insert failed: %s", sqlite3_errmsg (sqlite3_db_handle (stmt)));
  sqlite3_reset (stmt);
}

/* One group with @members members meeting @per_week times a week for a year,
 * everyone's attendance, ratings and monthly PHQ-9 and GAD-7. */
static gint64
add_group (sqlite3 *db,
           int      index,
           int      per_week,
           gint64  *next_participant)
{
  static const int weekday_offsets[] = { 0, 2, 4 };
  sqlite3_stmt *group = prepare (db, "INSERT INTO groups (name, type, min_size, max_size, weekdays, start_date)"
                                     " VALUES (?1, 'process', 5, 15, 21, '2025-01-01')");
  sqlite3_stmt *person = prepare (db, "INSERT INTO participants (id, record_number, first_name, last_name,"
                                      " level_of_care, admission_date) VALUES (?1, ?2, 'Bench', ?3, 'adult-iop', '2025-01-01')");
  sqlite3_stmt *enroll = prepare (db, "INSERT INTO enrollments (participant_id, group_id, joined) VALUES (?1, ?2, '2025-09-01')");
  sqlite3_stmt *session = prepare (db, "INSERT INTO sessions (group_id, date, start_time, duration_minutes, state,"
                                       " climate_cohesion, climate_engagement, climate_avoidance, climate_conflict)"
                                       " VALUES (?1, ?2, '09:00', 180, 'draft', 4, 4, 2, 1)");
  sqlite3_stmt *attend = prepare (db, "INSERT INTO attendance (session_id, participant_id, status, minutes, participation)"
                                      " VALUES (?1, ?2, ?3, ?4, ?5)");
  sqlite3_stmt *rate = prepare (db, "INSERT INTO session_ratings VALUES (?1, ?2, 9, 9, 9, 9)");
  sqlite3_stmt *measure = prepare (db, "INSERT INTO measures (participant_id, instrument, date, total) VALUES (?1, ?2, ?3, ?4)");
  g_autofree char *name = g_strdup_printf ("Bench group %d", index);
  gint64 first = *next_participant;
  gint64 group_id;

  sqlite3_bind_text (group, 1, name, -1, SQLITE_TRANSIENT);
  step (group);
  group_id = sqlite3_last_insert_rowid (db);

  for (int m = 0; m < MEMBERS; m++)
    {
      gint64 id = (*next_participant)++;
      g_autofree char *record = g_strdup_printf ("B-%" G_GINT64_FORMAT, id);
      g_autofree char *last = g_strdup_printf ("Member%" G_GINT64_FORMAT, id);

      sqlite3_bind_int64 (person, 1, id);
      sqlite3_bind_text (person, 2, record, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (person, 3, last, -1, SQLITE_TRANSIENT);
      step (person);
      sqlite3_bind_int64 (enroll, 1, id);
      sqlite3_bind_int64 (enroll, 2, group_id);
      step (enroll);
      for (int month = 0; month < 12; month++)
        {
          g_autofree char *date = g_strdup_printf ("%04d-%02d-15", month < 3 ? 2025 : 2026, (month + 9) % 12 + 1);

          sqlite3_bind_int64 (measure, 1, id);
          sqlite3_bind_text (measure, 2, "PHQ-9", -1, SQLITE_STATIC);
          sqlite3_bind_text (measure, 3, date, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int (measure, 4, 18 - month);
          step (measure);
          sqlite3_bind_text (measure, 2, "GAD-7", -1, SQLITE_STATIC);
          sqlite3_bind_int (measure, 4, 15 - month);
          step (measure);
        }
    }

  for (int week = 0; week < 52; week++)
    for (int k = 0; k < per_week; k++)
      {
        g_autoptr(GDate) d = g_date_new_dmy (6, G_DATE_OCTOBER, 2025);
        char date[16];
        gint64 session_id;

        g_date_add_days (d, week * 7 + weekday_offsets[k]);
        g_date_strftime (date, sizeof date, "%Y-%m-%d", d);
        sqlite3_bind_int64 (session, 1, group_id);
        sqlite3_bind_text (session, 2, date, -1, SQLITE_TRANSIENT);
        step (session);
        session_id = sqlite3_last_insert_rowid (db);
        for (int m = 0; m < MEMBERS; m++)
          {
            gboolean absent = (week + m * 3 + k) % 9 == 0;

            sqlite3_bind_int64 (attend, 1, session_id);
            sqlite3_bind_int64 (attend, 2, first + m);
            sqlite3_bind_text (attend, 3, absent ? "absent" : "present", -1, SQLITE_STATIC);
            sqlite3_bind_int (attend, 4, absent ? 0 : 180);
            if (absent)
              sqlite3_bind_null (attend, 5);
            else
              sqlite3_bind_int (attend, 5, (m + week) % 5);
            step (attend);
            if (!absent)
              {
                sqlite3_bind_int64 (rate, 1, session_id);
                sqlite3_bind_int64 (rate, 2, first + m);
                step (rate);
              }
          }
      }

  sqlite3_finalize (group);
  sqlite3_finalize (person);
  sqlite3_finalize (enroll);
  sqlite3_finalize (session);
  sqlite3_finalize (attend);
  sqlite3_finalize (rate);
  sqlite3_finalize (measure);
  return group_id;
}

/* CPU time of this process: on a shared machine wall time mostly measures the
 * neighbours; CPU time measures the report. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
bench (int other_groups)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("circle-bench-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "bench.db", NULL);
  g_autoptr(IopStore) store = iop_store_open (path, &error);
  sqlite3 *db;
  gint64 next_participant = 1;
  gint64 target;
  double times[RUNS];
  double cpu[RUNS];
  double program_ms;
  gint64 rows = 0;
  IopReportOptions options;

  g_assert_no_error (error);
  db = iop_store_get_db (store);
  iop_store_exec (store, "BEGIN", NULL);
  /* The target is created in the middle, so its rows are not all at one end. */
  for (int i = 0; i < other_groups / 2; i++)
    add_group (db, i, 2, &next_participant);
  target = add_group (db, -1, 3, &next_participant);
  for (int i = other_groups / 2; i < other_groups; i++)
    add_group (db, i, 2, &next_participant);
  iop_store_exec (store, "COMMIT", NULL);
  /* A program's database is not one enormous fresh write-ahead log: fold it in, as
   * SQLite does in daily use, so the measurement is of the tables and indexes. */
  iop_store_exec (store, "PRAGMA wal_checkpoint(TRUNCATE)", NULL);
  {
    sqlite3_stmt *count = prepare (db, "SELECT count(*) FROM attendance");

    if (sqlite3_step (count) == SQLITE_ROW)
      rows = sqlite3_column_int64 (count, 0);
    sqlite3_finalize (count);
  }

  iop_report_options_init (&options, YEAR_START, YEAR_END);
  g_free (options.as_of);
  options.as_of = g_strdup (YEAR_END);
  for (int run = 0; run < RUNS; run++)
    {
      double cpu_start = cpu_ms ();
      gint64 start = g_get_monotonic_time ();
      g_autoptr(IopGroupReport) report = iop_group_report_compute (store, target, &options, &error);

      times[run] = (g_get_monotonic_time () - start) / 1000.0;
      cpu[run] = cpu_ms () - cpu_start;
      g_assert_no_error (error);
      g_assert_cmpuint (report->sessions->len, ==, 156);
      g_assert_cmpuint (report->members->len, ==, MEMBERS);
    }
  {
    gint64 start = g_get_monotonic_time ();
    g_autoptr(IopProgramReport) program = iop_program_report_compute (store, &options, &error);

    g_assert_no_error (error);
    program_ms = (g_get_monotonic_time () - start) / 1000.0;
  }
  iop_report_options_clear (&options);
  qsort (times, RUNS, sizeof (double), compare_doubles);
  qsort (cpu, RUNS, sizeof (double), compare_doubles);
  g_print ("%d\t%" G_GINT64_FORMAT "\t%.2f\t%.2f\t%.2f\t%.2f\t%.1f\n", other_groups, rows,
           cpu[RUNS / 2], cpu[0], times[RUNS / 2], times[0], program_ms);

  iop_store_close (store);
  g_clear_object (&store);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);
        g_unlink (file);
      }
    g_rmdir (dir);
  }
}

int
main (int   argc,
      char *argv[])
{
  int defaults[] = { 0, 50, 200, 800 };

  g_print ("other groups\tattendance rows\tgroup report CPU ms (median, best)\t\twall ms (median, best)\t\tprogram report wall ms\n");
  if (argc > 1)
    for (int i = 1; i < argc; i++)
      bench (atoi (argv[i]));
  else
    for (guint i = 0; i < G_N_ELEMENTS (defaults); i++)
      bench (defaults[i]);
  return 0;
}
