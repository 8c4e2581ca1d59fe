/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The program report against tests/iop-report-fixture.c, worked out by hand. */

#include "config.h"

#include "iop-date.h"
#include "iop-program-report.h"
#include "iop-report-fixture.h"
#include "iop-test-util.h"

#define EPS 1e-9

static IopProgramReport *
compute (IopStore *store)
{
  g_autoptr(GError) error = NULL;
  IopReportOptions options;
  IopProgramReport *report;

  iop_report_options_init (&options, IOP_FIXTURE_FROM, IOP_FIXTURE_TO);
  g_free (options.as_of);
  options.as_of = g_strdup ("2026-10-04");
  report = iop_program_report_compute (store, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  iop_report_options_clear (&options);
  return report;
}

static void
test_program_report (void)
{
  IopReportFixture f;
  g_autoptr(IopStore) store = iop_report_fixture_open ("program-report", &f);
  g_autoptr(IopProgramReport) report = compute (store);
  const IopProgramReportMove *move;
  const IopProgramReportGroup *g;
  const IopProgramReportCounselor *c;
  const IopProgramReportWeek *w;
  int census[] = { 5, 4, 5, 5 };
  int checked[] = { 4, 4, 5, 5 };
  int under[] = { 3, 3, 4, 5 };
  double rates[] = { 4.0 / 5, 3.0 / 4, 4.0 / 5, 4.0 / 5 };
  double phq[] = { 37.0 / 3, -1, 12, 9.5 };

  /* Census: Eve leaves on 09-12, Fay arrives on 09-15. */
  g_assert_cmpint (report->census_start, ==, 5);
  g_assert_cmpint (report->census_end, ==, 5);
  g_assert_cmpint (report->census_end_by_level[0], ==, 4);
  g_assert_cmpint (report->census_end_by_level[1], ==, 0);
  g_assert_cmpint (report->census_end_by_level[2], ==, 1);
  g_assert_cmpuint (report->admissions->len, ==, 1);
  move = &g_array_index (report->admissions, IopProgramReportMove, 0);
  g_assert_cmpstr (move->date, ==, "2026-09-15");
  g_assert_cmpstr (iop_program_report_member_name (report, move->member, FALSE), ==, "F.Z.");
  g_assert_cmpstr (iop_program_report_member_name (report, move->member, TRUE), ==, "Fay Zeta");
  g_assert_cmpuint (report->discharges->len, ==, 1);
  move = &g_array_index (report->discharges, IopProgramReportMove, 0);
  g_assert_cmpstr (move->date, ==, "2026-09-12");
  g_assert_cmpstr (move->reason, ==, "Moved away");

  /* Sessions due: four in each group; attendance 11/15 + 4/4. */
  g_assert_cmpint (report->n_sessions, ==, 8);
  g_assert_cmpfloat_with_epsilon (report->attendance_rate, 15.0 / 19.0, EPS);
  g_assert_cmpuint (report->groups->len, ==, 2);
  g = &g_array_index (report->groups, IopProgramReportGroup, 0);
  g_assert_cmpstr (g->name, ==, "Fixture Group");
  g_assert_cmpint (g->n_sessions, ==, 4);
  g_assert_cmpfloat_with_epsilon (g->attendance_rate, 11.0 / 15.0, EPS);
  g_assert_cmpint (g->n_unsigned, ==, 1);
  g = &g_array_index (report->groups, IopProgramReportGroup, 1);
  g_assert_cmpfloat_with_epsilon (g->attendance_rate, 1.0, EPS);
  g_assert_cmpint (g->n_unsigned, ==, 3);

  /* Backlog: Casey S3 unsigned, S2 late, three awaiting co-signature; Riley three
   * drafts, one signed 21 days late. */
  g_assert_cmpuint (report->counselors->len, ==, 2);
  c = &g_array_index (report->counselors, IopProgramReportCounselor, 0);
  g_assert_cmpstr (c->name, ==, "Casey Counselor");
  g_assert_cmpint (c->n_due, ==, 4);
  g_assert_cmpint (c->n_unsigned, ==, 1);
  g_assert_cmpint (c->n_signed_late, ==, 1);
  g_assert_cmpint (c->n_awaiting_cosign, ==, 3);
  c = &g_array_index (report->counselors, IopProgramReportCounselor, 1);
  g_assert_cmpstr (c->name, ==, "Riley Other");
  g_assert_cmpint (c->n_unsigned, ==, 3);
  g_assert_cmpint (c->n_signed_late, ==, 1);
  g_assert_cmpint (c->n_awaiting_cosign, ==, 1);
  g_assert_cmpint (report->n_unsigned, ==, 4);
  g_assert_cmpint (report->n_signed_late, ==, 2);
  g_assert_cmpint (report->n_awaiting_cosign, ==, 4);

  /* Weeks */
  g_assert_cmpuint (report->weeks->len, ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      w = &g_array_index (report->weeks, IopProgramReportWeek, i);
      g_assert_cmpint (w->census, ==, census[i]);
      g_assert_cmpfloat_with_epsilon (w->attendance_rate, rates[i], EPS);
      g_assert_cmpint (w->members_checked, ==, checked[i]);
      g_assert_cmpint (w->members_under, ==, under[i]);
      g_assert_cmpfloat_with_epsilon (w->measure_mean[IOP_REPORT_MEASURE_PHQ9], phq[i], EPS);
    }
  g_assert_cmpint (report->hours_checked, ==, 18);
  g_assert_cmpint (report->hours_under, ==, 15);
  g_assert_cmpuint (report->hours_gaps->len, ==, 15);

  /* Measures: as in the group report, everyone with two scores is in it. */
  g_assert_cmpint (report->measures[IOP_REPORT_MEASURE_PHQ9].n_members, ==, 2);
  g_assert_cmpfloat_with_epsilon (report->measures[IOP_REPORT_MEASURE_PHQ9].mean_change, -2.0, EPS);
  g_assert_cmpint (report->measures[IOP_REPORT_MEASURE_PHQ9].n_improved, ==, 1);
  g_assert_cmpfloat_with_epsilon (report->measures[IOP_REPORT_MEASURE_GAD7].mean_change, -3.5, EPS);
  g_assert_cmpfloat_with_epsilon (report->measures[IOP_REPORT_MEASURE_BAM].mean_change, -6.0, EPS);
  g_assert_cmpfloat_with_epsilon (report->measures[IOP_REPORT_MEASURE_BAM].share_improved, -1, EPS);
}

static void
test_bad_range (void)
{
  IopReportFixture f;
  g_autoptr(IopStore) store = iop_report_fixture_open ("program-report-bad", &f);
  g_autofree char *before = iop_test_checksum (store);
  g_autoptr(GError) error = NULL;
  IopReportOptions options;

  iop_report_options_init (&options, "2026-10-04", "2026-09-07");
  g_assert_null (iop_program_report_compute (store, &options, &error));
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
  iop_report_options_clear (&options);
  iop_assert_unchanged (store, before);
}

/* Cancel interrupts the report's queries: it fails as cancelled, writes
 * nothing, and the same connection makes the report once the cancellable is gone. */
static void
test_cancelled (void)
{
  g_autoptr(IopStore) store = iop_test_open_sample ("program-report-cancel");
  g_autofree char *before = iop_test_checksum (store);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(IopProgramReport) report = NULL;
  g_autofree char *today = iop_date_today ();
  g_autofree char *from = iop_date_add_days (today, -120);
  IopReportOptions options;

  iop_report_options_init (&options, from, today);
  iop_store_set_cancellable (store, cancellable);
  g_cancellable_cancel (cancellable);
  g_assert_null (iop_program_report_compute (store, &options, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  iop_store_set_cancellable (store, NULL);
  iop_assert_unchanged (store, before);

  g_clear_error (&error);
  report = iop_program_report_compute (store, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_cmpint (report->n_sessions, >, 0);
  iop_report_options_clear (&options);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/program-report/fixture", test_program_report);
  g_test_add_func ("/program-report/bad-range", test_bad_range);
  g_test_add_func ("/program-report/cancelled", test_cancelled);
  return g_test_run ();
}
