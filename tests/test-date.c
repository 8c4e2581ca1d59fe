/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "iop-date.h"

static void
test_valid_dates (void)
{
  g_assert_true (iop_date_is_valid ("2026-11-26"));
  g_assert_true (iop_date_is_valid ("2024-02-29"));
  g_assert_false (iop_date_is_valid ("2025-02-29"));
  g_assert_false (iop_date_is_valid ("2026-13-01"));
  g_assert_false (iop_date_is_valid ("2026-04-31"));
  g_assert_false (iop_date_is_valid ("2026-4-3"));
  g_assert_false (iop_date_is_valid ("26-11-2026"));
  g_assert_false (iop_date_is_valid ("1850-01-01"));
  g_assert_false (iop_date_is_valid (""));
  g_assert_false (iop_date_is_valid (NULL));
  g_assert_false (iop_date_is_valid ("2026-11-26x"));
}

static void
test_times (void)
{
  g_assert_true (iop_time_is_valid ("09:00"));
  g_assert_true (iop_time_is_valid ("23:59"));
  g_assert_false (iop_time_is_valid ("24:00"));
  g_assert_false (iop_time_is_valid ("9:00"));
  g_assert_false (iop_time_is_valid ("12:60"));
  g_assert_false (iop_time_is_valid (NULL));
}

static void
test_arithmetic (void)
{
  g_autofree char *a = iop_date_add_days ("2026-12-30", 3);
  g_autofree char *b = iop_date_add_days ("2024-03-01", -1);
  g_autofree char *monday = iop_date_week_start ("2026-11-29");

  g_assert_cmpstr (a, ==, "2027-01-02");
  g_assert_cmpstr (b, ==, "2024-02-29");
  g_assert_cmpint (iop_date_diff_days ("2026-11-01", "2026-11-26"), ==, 25);
  g_assert_cmpint (iop_date_diff_days ("2026-11-26", "2026-11-01"), ==, -25);
  /* 2026-11-26 is a Thursday; weeks start on Monday */
  g_assert_cmpint (iop_date_weekday ("2026-11-26"), ==, 3);
  g_assert_cmpint (iop_date_weekday ("2026-11-23"), ==, 0);
  g_assert_cmpint (iop_date_weekday ("2026-11-29"), ==, 6);
  g_assert_cmpstr (monday, ==, "2026-11-23");
  g_assert_cmpint (iop_age_on ("2000-11-27", "2026-11-26"), ==, 25);
  g_assert_cmpint (iop_age_on ("2000-11-26", "2026-11-26"), ==, 26);
}

static void
test_pinned_today (void)
{
  g_autofree char *today = NULL;

  g_setenv ("CIRCLE_TODAY", "2026-01-15", TRUE);
  today = iop_date_today ();
  g_assert_cmpstr (today, ==, "2026-01-15");
  g_unsetenv ("CIRCLE_TODAY");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/date/valid", test_valid_dates);
  g_test_add_func ("/date/times", test_times);
  g_test_add_func ("/date/arithmetic", test_arithmetic);
  g_test_add_func ("/date/pinned-today", test_pinned_today);
  return g_test_run ();
}
