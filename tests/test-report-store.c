/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * The report queries: their rows, and their plans. A year of one group must cost
 * the same however large the rest of the database is, so every per-group and
 * per-participant query must start from an index, never scan a table.
 */

#include "config.h"

#include <string.h>

#include "iop-report-fixture.h"
#include "iop-store-reports.h"
#include "iop-test-util.h"

static void
test_query_plans_use_indexes (void)
{
  g_autoptr(IopStore) store = iop_test_open_store ("report-plans");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = iop_store_report_query_plans (store, &error);
  const char *expected[] = {
    "group-sessions: SEARCH s USING INDEX sqlite_autoindex_sessions_1 (group_id=? AND date>? AND date<?)",
    "group-attendance: SEARCH a USING PRIMARY KEY (session_id=?)",
    "group-ratings: SEARCH r USING PRIMARY KEY (session_id=?)",
    "group-enrollments: SEARCH e USING INDEX enrollments_group (group_id=?)",
    "participant-minutes: SEARCH a USING INDEX attendance_participant (participant_id=?)",
    "participant-minutes: SEARCH s USING INTEGER PRIMARY KEY (rowid=?)",
    "participant-measures: SEARCH m USING INDEX measures_participant (participant_id=? AND instrument=? AND date>? AND date<?)",
    "participant-goals: SEARCH t USING INDEX sqlite_autoindex_treatment_plans_1 (participant_id=?)",
    "participant-goals: SEARCH g USING INDEX goals_plan (plan_id=?)",
    "program-measures: SEARCH m USING INDEX measures_instrument_date (instrument=? AND date>? AND date<?)",
    "participant-progress: SEARCH e USING INDEX progress_entries_goal (goal_id=? AND date>? AND date<?)",
  };

  g_assert_no_error (error);
  g_assert_nonnull (plans);
  for (guint i = 0; i < plans->len; i++)
    {
      const char *line = g_ptr_array_index (plans, i);
      const char *detail = strstr (line, ": ") + 2;

      g_test_message ("%s", line);
      /* A SCAN is a walk over a whole table; only the plan's own temporary
       * b-trees (ORDER BY, UNION) are allowed. */
      if (g_str_has_prefix (detail, "SCAN "))
        g_assert_true (g_str_has_prefix (detail, "SCAN ") && strstr (detail, "SUBQUERY") != NULL);
    }
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      gboolean found = FALSE;

      for (guint k = 0; k < plans->len && !found; k++)
        found = g_str_has_prefix (g_ptr_array_index (plans, k), expected[i]);
      if (!found)
        g_error ("missing plan step: %s", expected[i]);
    }
}

static void
test_rows (void)
{
  IopReportFixture f;
  g_autoptr(IopStore) store = iop_report_fixture_open ("report-rows", &f);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) sessions = iop_store_report_group_sessions (store, f.group_id, IOP_FIXTURE_FROM, IOP_FIXTURE_TO, &error);
  g_autoptr(GArray) attendance = NULL;
  g_autoptr(GArray) people = NULL;
  g_autoptr(GArray) minutes = NULL;
  const IopReportSessionRow *s;

  g_assert_no_error (error);
  /* S1-S5 (the cancelled one too; the report decides what counts) */
  g_assert_cmpuint (sessions->len, ==, 5);
  s = &g_array_index (sessions, IopReportSessionRow, 1);
  g_assert_cmpstr (s->date, ==, "2026-09-14");
  g_assert_cmpstr (s->state, ==, "signed");
  g_assert_cmpstr (s->signed_at, ==, "2026-09-20T10:00:00Z");
  g_assert_cmpint (s->climate[IOP_CLIMATE_ENGAGEMENT], ==, 2);
  s = &g_array_index (sessions, IopReportSessionRow, 2);
  g_assert_null (s->signed_at);

  attendance = iop_store_report_group_attendance (store, f.group_id, IOP_FIXTURE_FROM, IOP_FIXTURE_TO, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (attendance->len, ==, 15);
  g_assert_cmpint (g_array_index (attendance, IopReportAttendanceRow, 2).participation, ==, -1);

  people = iop_store_report_group_people (store, f.group_id, IOP_FIXTURE_FROM, IOP_FIXTURE_TO, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 5);
  g_assert_cmpstr (g_array_index (people, IopReportPersonRow, 0).last_name, ==, "Alpha");

  /* Ann's minutes come from both groups. */
  minutes = iop_store_report_participant_minutes (store, f.ann, IOP_FIXTURE_FROM, IOP_FIXTURE_TO, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (minutes->len, ==, 8);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/report-store/query-plans-use-indexes", test_query_plans_use_indexes);
  g_test_add_func ("/report-store/rows", test_rows);
  return g_test_run ();
}
