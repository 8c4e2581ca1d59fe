/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-date"

#include "config.h"

#include <string.h>

#include "iop-i18n.h"

#include "iop-date.h"

/**
 * iop_date_is_valid:
 * @iso: (nullable): text to check
 *
 * Returns: %TRUE when @iso is exactly `YYYY-MM-DD` and names a real day
 *   between the years 1900 and 2200
 */
gboolean
iop_date_is_valid (const char *iso)
{
  g_autoptr(GDate) date = iop_date_parse (iso);

  return date != NULL;
}

/**
 * iop_time_is_valid:
 * @hhmm: (nullable): text to check
 *
 * Returns: %TRUE when @hhmm is a 24-hour `HH:MM` time
 */
gboolean
iop_time_is_valid (const char *hhmm)
{
  if (hhmm == NULL || strlen (hhmm) != 5 || hhmm[2] != ':')
    return FALSE;
  for (int i = 0; i < 5; i++)
    if (i != 2 && !g_ascii_isdigit (hhmm[i]))
      return FALSE;
  return (hhmm[0] - '0') * 10 + (hhmm[1] - '0') < 24 && hhmm[3] - '0' < 6;
}

/**
 * iop_date_parse:
 * @iso: (nullable): an ISO date
 *
 * Returns: (transfer full) (nullable): the date, or %NULL when it is not a real date
 */
GDate *
iop_date_parse (const char *iso)
{
  guint y, m, d;

  if (iso == NULL || strlen (iso) != 10 || iso[4] != '-' || iso[7] != '-')
    return NULL;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (iso[i]))
      return NULL;

  y = (iso[0] - '0') * 1000 + (iso[1] - '0') * 100 + (iso[2] - '0') * 10 + (iso[3] - '0');
  m = (iso[5] - '0') * 10 + (iso[6] - '0');
  d = (iso[8] - '0') * 10 + (iso[9] - '0');

  if (y < 1900 || y > 2200 || !g_date_valid_dmy (d, m, y))
    return NULL;
  return g_date_new_dmy (d, m, y);
}

/**
 * iop_date_to_iso:
 * @date: a valid #GDate
 *
 * Returns: (transfer full): `YYYY-MM-DD`
 */
char *
iop_date_to_iso (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}

/**
 * iop_date_today:
 *
 * Honours `CIRCLE_TODAY` (an ISO date) so tests and demonstrations can pin the day.
 *
 * Returns: (transfer full): today's date in local time
 */
char *
iop_date_today (void)
{
  const char *pinned = g_getenv ("CIRCLE_TODAY");
  g_autoptr(GDateTime) now = NULL;

  if (pinned != NULL && iop_date_is_valid (pinned))
    return g_strdup (pinned);
  now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

/**
 * iop_date_add_days:
 * @iso: a valid ISO date
 * @days: days to add, may be negative
 *
 * Returns: (transfer full) (nullable): the new date, %NULL if @iso is invalid
 */
char *
iop_date_add_days (const char *iso,
                   int         days)
{
  g_autoptr(GDate) date = iop_date_parse (iso);

  if (date == NULL)
    return NULL;
  if (days >= 0)
    g_date_add_days (date, days);
  else
    g_date_subtract_days (date, -days);
  return iop_date_to_iso (date);
}

/**
 * iop_date_diff_days:
 * @from: a valid ISO date
 * @to: a valid ISO date
 *
 * Returns: days from @from to @to (negative when @to is earlier), 0 if either is invalid
 */
int
iop_date_diff_days (const char *from,
                    const char *to)
{
  g_autoptr(GDate) a = iop_date_parse (from);
  g_autoptr(GDate) b = iop_date_parse (to);

  if (a == NULL || b == NULL)
    return 0;
  return g_date_days_between (a, b);
}

/**
 * iop_date_weekday:
 * @iso: a valid ISO date
 *
 * Returns: 0 for Monday … 6 for Sunday (the bit in a group's weekday mask), -1 if invalid
 */
int
iop_date_weekday (const char *iso)
{
  g_autoptr(GDate) date = iop_date_parse (iso);

  if (date == NULL)
    return -1;
  return (int) g_date_get_weekday (date) - 1;
}

/**
 * iop_date_week_start:
 * @iso: a valid ISO date
 *
 * Returns: (transfer full) (nullable): the Monday of @iso's week
 */
char *
iop_date_week_start (const char *iso)
{
  int wd = iop_date_weekday (iso);

  if (wd < 0)
    return NULL;
  return iop_date_add_days (iso, -wd);
}

/**
 * iop_date_format:
 * @iso: (nullable): an ISO date
 *
 * Returns: (transfer full): the date in the user's locale, or "" for no date
 */
char *
iop_date_format (const char *iso)
{
  g_autoptr(GDate) date = iop_date_parse (iso);
  char buf[128];

  if (date == NULL)
    return g_strdup (iso != NULL ? iso : "");
  /* Translators: the strftime() format of a date in lists and on printed
   * documents; %x is the format of the user's locale, for example "%d/%m/%Y".
   * xgettext:no-c-format */
  if (g_date_strftime (buf, sizeof buf, C_("date format", "%x"), date) == 0)
    return iop_date_to_iso (date);
  return g_strdup (buf);
}

/**
 * iop_timestamp_now:
 *
 * Returns: (transfer full): the current UTC time, `YYYY-MM-DDTHH:MM:SSZ`
 */
char *
iop_timestamp_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/**
 * iop_age_on:
 * @birth: an ISO date of birth
 * @on: the ISO date to compute the age at
 *
 * Returns: completed years, or -1 if either date is invalid
 */
int
iop_age_on (const char *birth,
            const char *on)
{
  g_autoptr(GDate) b = iop_date_parse (birth);
  g_autoptr(GDate) o = iop_date_parse (on);
  int age;

  if (b == NULL || o == NULL)
    return -1;
  age = g_date_get_year (o) - g_date_get_year (b);
  if (g_date_get_month (o) < g_date_get_month (b)
      || (g_date_get_month (o) == g_date_get_month (b) && g_date_get_day (o) < g_date_get_day (b)))
    age--;
  return age;
}
