/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * The report queries: their rows, and their plans. A year of one group must cost
 * the same however large the rest of the database is, so every per-group and
 * per-participant query must start from an index, never scan a table.
 */

#include "config.h"

#include <string.h>

#include "iop-group-report.h"
#include "iop-report-fixture.h"
#include "iop-store-people.h"
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

static void
test_session_rating (void)
{
  IopReportFixture f;
  g_autoptr(IopStore) store = iop_report_fixture_open ("report-rating", &f);
  g_autofree char *before = iop_test_checksum (store);
  const int good[IOP_N_RATING] = { 8, -1, 9, 10 };
  const int too_high[IOP_N_RATING] = { 11, 9, 9, 9 };
  const int empty[IOP_N_RATING] = { -1, -1, -1, -1 };
  struct {
    gint64 session;
    gint64 participant;
    const int *items;
    int code;
  } bad[] = {
    { f.sessions[2], f.dan, too_high, IOP_STORE_ERROR_INVALID },     /* out of range */
    { f.sessions[2], f.dan, empty, IOP_STORE_ERROR_INVALID },        /* nothing rated */
    { f.sessions[2], f.cara, good, IOP_STORE_ERROR_INVALID },        /* absent */
    { f.sessions[4], f.ann, good, IOP_STORE_ERROR_INVALID },         /* cancelled */
    { 99999, f.ann, good, IOP_STORE_ERROR_NOT_FOUND },
    { f.sessions[0], f.ann, good, IOP_STORE_ERROR_LOCKED },          /* signed, already rated */
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (iop_store_add_session_rating (store, bad[i].session, bad[i].participant, bad[i].items, &error));
      g_assert_error (error, IOP_STORE_ERROR, bad[i].code);
      iop_assert_unchanged (store, before);
    }

  /* A member's first rating of a signed session is taken; a draft's may be redone. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GArray) ratings = NULL;

    g_assert_true (iop_store_add_session_rating (store, f.sessions[0], f.eve, good, &error));
    g_assert_no_error (error);
    g_assert_true (iop_store_add_session_rating (store, f.sessions[2], f.dan, good, &error));
    g_assert_true (iop_store_add_session_rating (store, f.sessions[2], f.dan, good, &error));
    g_assert_no_error (error);
    ratings = iop_store_report_group_ratings (store, f.group_id, IOP_FIXTURE_FROM, IOP_FIXTURE_TO, &error);
    g_assert_cmpuint (ratings->len, ==, 8);
  }
}

static void
test_sample_ratings_decline (void)
{
  g_autoptr(IopStore) store = iop_test_open_sample ("report-sample");
  g_autoptr(GListModel) groups = iop_store_list_groups (store, TRUE, NULL);
  gboolean seen_declining = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(IopGroup) g = g_list_model_get_item (groups, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(IopGroupReport) report = NULL;
      IopReportOptions options;
      int rated = 0;

      iop_report_options_init (&options, NULL, NULL);
      report = iop_group_report_compute (store, iop_group_get_id (g), &options, &error);
      g_assert_no_error (error);
      iop_report_options_clear (&options);
      for (guint k = 0; k < report->sessions->len; k++)
        if (g_array_index (report->sessions, IopGroupReportSession, k).n_ratings > 0)
          rated++;
      g_assert_cmpint (rated, >, 3);

      if (g_strcmp0 (iop_group_get_name (g), "Dual Diagnosis Skills") == 0)
        {
          seen_declining = TRUE;
          g_assert_cmpfloat (report->rating_slope, <, -0.5);
          g_assert_cmpint (report->n_low_rating_sessions, >, 2);
          g_assert_cmpfloat (report->cohesion_slope, <, -0.25);
        }
      else
        g_assert_cmpint (report->n_low_rating_sessions, ==, 0);
    }
  g_assert_true (seen_declining);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/report-store/query-plans-use-indexes", test_query_plans_use_indexes);
  g_test_add_func ("/report-store/rows", test_rows);
  g_test_add_func ("/report-store/session-rating", test_session_rating);
  g_test_add_func ("/report-store/sample-ratings-decline", test_sample_ratings_decline);
  return g_test_run ();
}
