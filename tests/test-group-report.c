/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * The group report against tests/iop-report-fixture.c, every expected value
 * worked out by hand (the comments show the arithmetic).
 */

#include "config.h"

#include "iop-group-report.h"
#include "iop-report-fixture.h"
#include "iop-test-util.h"

#define EPS 1e-9

typedef struct {
  IopReportFixture f;
  IopStore *store;
  IopGroupReport *report;
} Fixture;

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  IopReportOptions options;
  g_autoptr(GError) error = NULL;
  static guint counter;
  g_autofree char *name = g_strdup_printf ("group-report-%u", counter++);

  fx->store = iop_report_fixture_open (name, &fx->f);
  iop_report_options_init (&options, IOP_FIXTURE_FROM, IOP_FIXTURE_TO);
  g_free (options.as_of);
  options.as_of = g_strdup ("2026-10-04");
  fx->report = iop_group_report_compute (fx->store, fx->f.group_id, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fx->report);
  iop_report_options_clear (&options);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_clear_pointer (&fx->report, iop_group_report_unref);
  g_clear_object (&fx->store);
}

static const IopGroupReportMember *
member (Fixture    *fx,
        const char *initials)
{
  for (guint i = 0; i < fx->report->members->len; i++)
    {
      const IopGroupReportMember *m = &g_array_index (fx->report->members, IopGroupReportMember, i);

      if (g_strcmp0 (m->initials, initials) == 0)
        return m;
    }
  g_assert_not_reached ();
  return NULL;
}

static const IopGroupReportSession *
session (Fixture *fx,
         guint    i)
{
  g_assert_cmpuint (i, <, fx->report->sessions->len);
  return &g_array_index (fx->report->sessions, IopGroupReportSession, i);
}

static void
test_sessions_in_range (Fixture *fx, gconstpointer data)
{
  /* S1-S4; S5 cancelled, S6 after the range, the 08-31 session before it. */
  g_assert_cmpuint (fx->report->sessions->len, ==, 4);
  g_assert_cmpint (fx->report->n_cancelled, ==, 1);
  g_assert_cmpstr (session (fx, 0)->date, ==, "2026-09-07");
  g_assert_cmpstr (session (fx, 3)->date, ==, "2026-09-28");
  g_assert_cmpstr (fx->report->group_name, ==, "Fixture Group");
}

static void
test_attendance (Fixture *fx, gconstpointer data)
{
  /* S1 3/4, S2 2/3, S3 3/4, S4 3/4 */
  g_assert_cmpfloat_with_epsilon (session (fx, 0)->attendance_rate, 0.75, EPS);
  g_assert_cmpfloat_with_epsilon (session (fx, 1)->attendance_rate, 2.0 / 3.0, EPS);
  g_assert_cmpint (session (fx, 1)->n_absent, ==, 1);
  g_assert_cmpfloat_with_epsilon (session (fx, 2)->attendance_rate, 0.75, EPS);
  g_assert_cmpfloat_with_epsilon (session (fx, 3)->attendance_rate, 0.75, EPS);
  /* mean (3 × 3/4 + 2/3) / 4 = 35/48 */
  g_assert_cmpfloat_with_epsilon (fx->report->mean_attendance_rate, 35.0 / 48.0, EPS);
  /* x = 0,1,2,3 weeks; Σ(x−x̄)(y−ȳ) = 1/24, Σ(x−x̄)² = 5 → 1/120 per week */
  g_assert_cmpfloat_with_epsilon (fx->report->attendance_slope, 1.0 / 120.0, EPS);

  g_assert_cmpint (member (fx, "A.A.")->n_attended, ==, 4);
  g_assert_cmpint (member (fx, "A.A.")->minutes, ==, 660);   /* 180+180+180+120 */
  g_assert_cmpfloat_with_epsilon (member (fx, "A.A.")->attendance_rate, 1.0, EPS);
  g_assert_cmpint (member (fx, "B.B.")->minutes, ==, 510);   /* 180+150+180 */
  g_assert_cmpint (member (fx, "B.B.")->n_absent, ==, 1);
  g_assert_cmpfloat_with_epsilon (member (fx, "C.G.")->attendance_rate, 0.25, EPS);
  g_assert_cmpint (member (fx, "C.G.")->minutes, ==, 180);
  g_assert_cmpint (member (fx, "D.D.")->minutes, ==, 360);
  g_assert_cmpint (member (fx, "E.E.")->minutes, ==, 180);
}

static void
test_outreach (Fixture *fx, gconstpointer data)
{
  /* Cara: absent S1-S3 (the absence before the range does not count), present S4. */
  g_assert_cmpint (member (fx, "C.G.")->longest_absence_run, ==, 3);
  g_assert_cmpint (member (fx, "C.G.")->current_absence_run, ==, 0);
  g_assert_true (member (fx, "C.G.")->outreach);
  /* Bob: a single absence at the end. */
  g_assert_cmpint (member (fx, "B.B.")->longest_absence_run, ==, 1);
  g_assert_false (member (fx, "B.B.")->outreach);
  g_assert_cmpint (fx->report->n_outreach, ==, 1);
}

static void
test_participation (Fixture *fx, gconstpointer data)
{
  const IopGroupReportSession *s1 = session (fx, 0);

  /* S1: Ann 3, Bob 1, Eve 2 */
  g_assert_cmpint (s1->n_participation, ==, 3);
  g_assert_cmpint (s1->participation[0], ==, 0);
  g_assert_cmpint (s1->participation[1], ==, 1);
  g_assert_cmpint (s1->participation[2], ==, 1);
  g_assert_cmpint (s1->participation[3], ==, 1);
  /* Ann 3,4,3,3 → 13/4; Bob 1,1,0 → 2/3 over three sessions: persistently low */
  g_assert_cmpfloat_with_epsilon (member (fx, "A.A.")->participation_mean, 3.25, EPS);
  g_assert_false (member (fx, "A.A.")->participation_low);
  g_assert_cmpfloat_with_epsilon (member (fx, "B.B.")->participation_mean, 2.0 / 3.0, EPS);
  g_assert_true (member (fx, "B.B.")->participation_low);
  /* Cara rated once (2): too few sessions to call persistent */
  g_assert_cmpint (member (fx, "C.G.")->n_participation, ==, 1);
  g_assert_false (member (fx, "C.G.")->participation_low);
  g_assert_cmpint (fx->report->n_low_participation, ==, 1);
}

static void
test_climate (Fixture *fx, gconstpointer data)
{
  /* S1 fine; S2 engagement 2; S3 avoidance 4; S4 cohesion 2 */
  g_assert_false (session (fx, 0)->climate_low);
  g_assert_true (session (fx, 1)->climate_low);
  g_assert_true (session (fx, 2)->climate_low);
  g_assert_true (session (fx, 3)->climate_low);
  g_assert_cmpint (fx->report->n_low_climate, ==, 3);
  g_assert_cmpint (session (fx, 2)->climate[IOP_CLIMATE_AVOIDANCE], ==, 4);
  /* cohesion 5,4,3,2 → −1 per week */
  g_assert_cmpfloat_with_epsilon (fx->report->cohesion_slope, -1.0, EPS);

  /* Member ratings: S1 39 and 36 → 37.5; S2 36 and 32 → 34 (low); S3 none;
   * S4 Ann 40, Cara incomplete → 40. */
  g_assert_cmpfloat_with_epsilon (session (fx, 0)->rating_total_mean, 37.5, EPS);
  g_assert_false (session (fx, 0)->ratings_low);
  g_assert_cmpfloat_with_epsilon (session (fx, 1)->rating_total_mean, 34.0, EPS);
  g_assert_true (session (fx, 1)->ratings_low);
  g_assert_cmpint (session (fx, 1)->n_low_ratings, ==, 1);
  g_assert_cmpfloat_with_epsilon (session (fx, 2)->rating_total_mean, -1, EPS);
  g_assert_cmpint (session (fx, 3)->n_ratings, ==, 2);
  g_assert_cmpfloat_with_epsilon (session (fx, 3)->rating_total_mean, 40.0, EPS);
  g_assert_cmpfloat_with_epsilon (session (fx, 3)->rating_mean[IOP_RATING_RELATIONSHIP], 8.5, EPS);
  g_assert_cmpfloat_with_epsilon (session (fx, 3)->rating_mean[IOP_RATING_GOALS_TOPICS], 10.0, EPS);
  g_assert_cmpint (fx->report->n_low_rating_sessions, ==, 1);
  /* points (0, 37.5), (1, 34), (3, 40): Sxy = 16/3, Sxx = 14/3 → 8/7 */
  g_assert_cmpfloat_with_epsilon (fx->report->rating_slope, 8.0 / 7.0, EPS);
  /* Ann (39+36+40)/3; Bob (36+32)/2 with one low; Cara none complete */
  g_assert_cmpfloat_with_epsilon (member (fx, "A.A.")->rating_total_mean, 115.0 / 3.0, EPS);
  g_assert_cmpfloat_with_epsilon (member (fx, "B.B.")->rating_total_mean, 34.0, EPS);
  g_assert_cmpint (member (fx, "B.B.")->n_low_ratings, ==, 1);
  g_assert_cmpfloat_with_epsilon (member (fx, "C.G.")->rating_total_mean, -1, EPS);
}

static void
test_retention (Fixture *fx, gconstpointer data)
{
  const IopGroupReportEvent *e0, *e1;
  const IopGroupReportWeek *w;

  g_assert_cmpint (fx->report->n_joins, ==, 1);
  g_assert_cmpint (fx->report->n_exits, ==, 1);
  g_assert_cmpuint (fx->report->events->len, ==, 2);
  e0 = &g_array_index (fx->report->events, IopGroupReportEvent, 0);
  e1 = &g_array_index (fx->report->events, IopGroupReportEvent, 1);
  g_assert_cmpstr (e0->date, ==, "2026-09-11");
  g_assert_cmpint (e0->kind, ==, IOP_REPORT_EVENT_LEFT);
  g_assert_cmpstr (e0->reason, ==, "Moved away");
  g_assert_cmpstr (iop_group_report_member_name (fx->report, e0->member, FALSE), ==, "E.E.");
  g_assert_cmpstr (e1->date, ==, "2026-09-21");
  g_assert_cmpint (e1->kind, ==, IOP_REPORT_EVENT_JOINED);
  /* Eve 08-10 → 09-11: 32 days; at 10-04 Ann, Bob, Cara 62 days, Dan 13 → 199/4 */
  g_assert_cmpfloat_with_epsilon (fx->report->mean_stay_days_left, 32.0, EPS);
  g_assert_cmpfloat_with_epsilon (fx->report->mean_stay_days_current, 49.75, EPS);
  g_assert_cmpint (fx->report->size_start, ==, 4);
  g_assert_cmpint (fx->report->size_end, ==, 4);
  /* Weeks of 09-07, 09-14, 09-21, 09-28: 4, 3, 4, 4 members; the minimum is 4. */
  g_assert_cmpuint (fx->report->weeks->len, ==, 4);
  w = &g_array_index (fx->report->weeks, IopGroupReportWeek, 1);
  g_assert_cmpstr (w->start, ==, "2026-09-14");
  g_assert_cmpint (w->size, ==, 3);
  g_assert_cmpint (g_array_index (fx->report->weeks, IopGroupReportWeek, 0).exits, ==, 1);
  g_assert_cmpint (g_array_index (fx->report->weeks, IopGroupReportWeek, 2).joins, ==, 1);
  g_assert_cmpint (fx->report->weeks_below_min, ==, 1);
  g_assert_cmpint (fx->report->weeks_above_max, ==, 0);
}

static void
test_hours (Fixture *fx, gconstpointer data)
{
  const IopGroupReportHoursGap *gap;
  int expected_checked[] = { 3, 3, 4, 4 };
  int expected_under[] = { 2, 2, 3, 4 };

  /* Ann: 540 a week with the Other Group, 480 in the last week (left early).
   * Bob 180/150/180/0, Cara 0/0/0/180 (adult, 540 needed): under every week.
   * Dan (PHP, 1200 needed) from the week of 09-21: 180, 180. Eve left in week 1. */
  g_assert_cmpint (member (fx, "A.A.")->weeks_checked, ==, 4);
  g_assert_cmpint (member (fx, "A.A.")->weeks_under_hours, ==, 1);
  g_assert_cmpint (member (fx, "B.B.")->weeks_under_hours, ==, 4);
  g_assert_cmpint (member (fx, "C.G.")->weeks_under_hours, ==, 4);
  g_assert_cmpint (member (fx, "D.D.")->weeks_checked, ==, 2);
  g_assert_cmpint (member (fx, "D.D.")->weeks_under_hours, ==, 2);
  g_assert_cmpint (member (fx, "E.E.")->weeks_checked, ==, 0);
  g_assert_cmpuint (fx->report->hours_gaps->len, ==, 11);
  for (guint i = 0; i < 4; i++)
    {
      const IopGroupReportWeek *w = &g_array_index (fx->report->weeks, IopGroupReportWeek, i);

      g_assert_cmpint (w->members_checked, ==, expected_checked[i]);
      g_assert_cmpint (w->members_under, ==, expected_under[i]);
    }
  /* The last gap: week of 09-28, by member order (Alpha, Beta, Delta, Epsilon, Gamma) */
  gap = &g_array_index (fx->report->hours_gaps, IopGroupReportHoursGap, 7);
  g_assert_cmpstr (gap->week_start, ==, "2026-09-28");
  g_assert_cmpstr (iop_group_report_member_name (fx->report, gap->member, FALSE), ==, "A.A.");
  g_assert_cmpint (gap->minutes, ==, 480);
  g_assert_cmpint (gap->required_minutes, ==, 540);
  gap = &g_array_index (fx->report->hours_gaps, IopGroupReportHoursGap, 9);
  g_assert_cmpstr (iop_group_report_member_name (fx->report, gap->member, FALSE), ==, "D.D.");
  g_assert_cmpint (gap->required_minutes, ==, 1200);
}

static void
test_hours_minimums_passed_in (void)
{
  IopReportFixture f;
  g_autoptr(IopStore) store = iop_report_fixture_open ("group-report-minimums", &f);
  g_autoptr(IopGroupReport) report = NULL;
  g_autoptr(GError) error = NULL;
  IopReportOptions options;

  /* With an adult minimum of 8 hours, Ann's 480 minutes are enough. */
  iop_report_options_init (&options, IOP_FIXTURE_FROM, IOP_FIXTURE_TO);
  options.hours_adult_iop = 8.0;
  report = iop_group_report_compute (store, f.group_id, &options, &error);
  g_assert_no_error (error);
  iop_report_options_clear (&options);
  for (guint i = 0; i < report->members->len; i++)
    {
      const IopGroupReportMember *m = &g_array_index (report->members, IopGroupReportMember, i);

      if (g_strcmp0 (m->initials, "A.A.") == 0)
        g_assert_cmpint (m->weeks_under_hours, ==, 0);
    }
}

static void
test_outcomes (Fixture *fx, gconstpointer data)
{
  const IopReportMeasureSummary *phq = &fx->report->measures[IOP_REPORT_MEASURE_PHQ9];
  const IopReportMeasureSummary *gad = &fx->report->measures[IOP_REPORT_MEASURE_GAD7];
  const IopReportMeasureSummary *bam = &fx->report->measures[IOP_REPORT_MEASURE_BAM];

  /* Goals in active plans: Ann 2 (one met), Bob 1 */
  g_assert_cmpint (member (fx, "A.A.")->goals_total, ==, 2);
  g_assert_cmpint (member (fx, "A.A.")->goals_met, ==, 1);
  g_assert_cmpint (fx->report->goals_total, ==, 3);
  g_assert_cmpint (fx->report->goals_met, ==, 1);
  /* Ann's goal across versions 3 → 8 (+5); her other goal rated once; Bob 5 → 4 (−1,
   * the 08-20 rating is before the range) */
  g_assert_cmpint (member (fx, "A.A.")->n_progress_goals, ==, 1);
  g_assert_cmpfloat_with_epsilon (member (fx, "A.A.")->progress_change, 5.0, EPS);
  g_assert_cmpfloat_with_epsilon (member (fx, "B.B.")->progress_change, -1.0, EPS);
  g_assert_cmpint (fx->report->n_progress_goals, ==, 2);
  g_assert_cmpfloat_with_epsilon (fx->report->progress_change, 2.0, EPS);

  /* PHQ-9: Ann 15 → 9 (improved), Bob 8 → 10 (the incomplete 3 and the 20 before
   * the range do not count), Cara one score only */
  g_assert_cmpint (member (fx, "A.A.")->measures[IOP_REPORT_MEASURE_PHQ9].n_scores, ==, 3);
  g_assert_cmpint (member (fx, "B.B.")->measures[IOP_REPORT_MEASURE_PHQ9].first, ==, 8);
  g_assert_cmpint (member (fx, "B.B.")->measures[IOP_REPORT_MEASURE_PHQ9].latest, ==, 10);
  g_assert_cmpint (phq->n_members, ==, 2);
  g_assert_cmpfloat_with_epsilon (phq->mean_first, 11.5, EPS);
  g_assert_cmpfloat_with_epsilon (phq->mean_latest, 9.5, EPS);
  g_assert_cmpfloat_with_epsilon (phq->mean_change, -2.0, EPS);
  g_assert_cmpint (phq->n_improved, ==, 1);
  g_assert_cmpfloat_with_epsilon (phq->share_improved, 0.5, EPS);
  /* GAD-7: Ann 10 → 7 (−3, not enough), Bob 12 → 8 (−4, improved) */
  g_assert_cmpfloat_with_epsilon (gad->mean_change, -3.5, EPS);
  g_assert_cmpint (gad->n_improved, ==, 1);
  g_assert_cmpfloat_with_epsilon (gad->share_improved, 0.5, EPS);
  /* BAM: Ann 20 → 14; no threshold */
  g_assert_cmpint (bam->n_members, ==, 1);
  g_assert_cmpfloat_with_epsilon (bam->mean_change, -6.0, EPS);
  g_assert_cmpfloat_with_epsilon (bam->share_improved, -1, EPS);
}

static void
test_documentation (Fixture *fx, gconstpointer data)
{
  /* S3 draft; S2 signed six days later (late after 3); S1 one day; S4 same day */
  g_assert_cmpint (fx->report->n_unsigned, ==, 1);
  g_assert_true (session (fx, 2)->unsigned_note);
  g_assert_cmpint (session (fx, 0)->signature_days, ==, 1);
  g_assert_cmpint (session (fx, 1)->signature_days, ==, 6);
  g_assert_true (session (fx, 1)->signed_late);
  g_assert_cmpint (session (fx, 3)->signature_days, ==, 0);
  g_assert_cmpint (fx->report->n_signed_late, ==, 1);
}

static void
test_late_days_passed_in (void)
{
  IopReportFixture f;
  g_autoptr(IopStore) store = iop_report_fixture_open ("group-report-late", &f);
  g_autoptr(IopGroupReport) report = NULL;
  g_autoptr(GError) error = NULL;
  IopReportOptions options;

  iop_report_options_init (&options, IOP_FIXTURE_FROM, IOP_FIXTURE_TO);
  options.late_signature_days = 0;
  report = iop_group_report_compute (store, f.group_id, &options, &error);
  g_assert_no_error (error);
  iop_report_options_clear (&options);
  /* S1 (one day) and S2 (six days) are late when notes are due the same day. */
  g_assert_cmpint (report->n_signed_late, ==, 2);
}

static void
test_as_of (void)
{
  IopReportFixture f;
  g_autoptr(IopStore) store = iop_report_fixture_open ("group-report-as-of", &f);
  g_autoptr(IopGroupReport) report = NULL;
  g_autoptr(GError) error = NULL;
  IopReportOptions options;

  /* On 09-20 the sessions of 09-21 and 09-28 are not due yet. */
  iop_report_options_init (&options, IOP_FIXTURE_FROM, IOP_FIXTURE_TO);
  g_free (options.as_of);
  options.as_of = g_strdup ("2026-09-20");
  report = iop_group_report_compute (store, f.group_id, &options, &error);
  g_assert_no_error (error);
  iop_report_options_clear (&options);
  g_assert_cmpuint (report->sessions->len, ==, 2);
  g_assert_cmpint (report->n_unsigned, ==, 0);
}

static void
test_bad_input (void)
{
  const char *bad[][2] = {
    { "2026-02-30", "2026-03-10" },
    { "2026-09-07", "yesterday" },
    { "2026-10-04", "2026-09-07" },
    { "", "2026-09-07" },
  };
  IopReportFixture f;
  g_autoptr(IopStore) store = iop_report_fixture_open ("group-report-bad", &f);
  g_autofree char *before = iop_test_checksum (store);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      IopGroupReport *report;
      IopReportOptions options;

      iop_report_options_init (&options, bad[i][0], bad[i][1]);
      report = iop_group_report_compute (store, f.group_id, &options, &error);
      g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID);
      g_assert_null (report);
      iop_report_options_clear (&options);
    }

  {
    g_autoptr(GError) error = NULL;
    IopReportOptions options;

    iop_report_options_init (&options, IOP_FIXTURE_FROM, IOP_FIXTURE_TO);
    g_assert_null (iop_group_report_compute (store, 9999, &options, &error));
    g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_NOT_FOUND);
    iop_report_options_clear (&options);
  }
  iop_assert_unchanged (store, before);
}

static void
test_helpers (void)
{
  double x[] = { 1, 2, 3 };
  double y[] = { 2, 4, 6 };
  g_autofree char *initials = iop_report_initials ("Ñandú", "élan");
  g_autofree char *apostrophe = iop_report_initials ("Patricia", "O'Neil");
  g_autofree char *from = iop_report_default_from ("2026-10-01");
  IopReportOptions options;

  g_assert_cmpfloat_with_epsilon (iop_report_slope (x, y, 3), 2.0, EPS);
  g_assert_cmpfloat_with_epsilon (iop_report_slope (x, y, 1), 0.0, EPS);
  g_assert_cmpstr (initials, ==, "Ñ.É.");
  g_assert_cmpstr (apostrophe, ==, "P.O.");
  /* Thursday 10-01: this week's Monday 09-28, seven weeks before: 08-10 */
  g_assert_cmpstr (from, ==, "2026-08-10");
  iop_report_options_init (&options, NULL, "2026-10-01");
  g_assert_cmpstr (options.from, ==, "2026-08-10");
  g_assert_cmpint (iop_report_minimum_minutes (&options, "adult-iop"), ==, 540);
  g_assert_cmpint (iop_report_minimum_minutes (&options, "adolescent-iop"), ==, 360);
  g_assert_cmpint (iop_report_minimum_minutes (&options, "php"), ==, 1200);
  g_assert_cmpint (options.late_signature_days, ==, 3);
  iop_report_options_clear (&options);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/group-report/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("sessions-in-range", test_sessions_in_range);
  ADD ("attendance", test_attendance);
  ADD ("outreach", test_outreach);
  ADD ("participation", test_participation);
  ADD ("climate", test_climate);
  ADD ("retention", test_retention);
  ADD ("hours", test_hours);
  ADD ("outcomes", test_outcomes);
  ADD ("documentation", test_documentation);
#undef ADD
  g_test_add_func ("/group-report/hours-minimums-passed-in", test_hours_minimums_passed_in);
  g_test_add_func ("/group-report/late-days-passed-in", test_late_days_passed_in);
  g_test_add_func ("/group-report/as-of", test_as_of);
  g_test_add_func ("/group-report/bad-input", test_bad_input);
  g_test_add_func ("/group-report/helpers", test_helpers);

  return g_test_run ();
}
