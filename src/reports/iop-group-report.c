/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-group-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "iop-date.h"
#include "iop-group-report.h"
#include "iop-report-private.h"
#include "iop-store-people.h"
#include "iop-validation.h"

/* Thresholds documented in iop-group-report.h. */
#define LOW_PARTICIPATION_MEAN      1.0
#define LOW_PARTICIPATION_SESSIONS  3
#define OUTREACH_ABSENCES           2
#define LOW_CLIMATE_POSITIVE        2   /* cohesion, engagement at or below */
#define LOW_CLIMATE_NEGATIVE        4   /* avoidance, conflict at or above */
#define LOW_RATING_TOTAL            36  /* of 40 */

/* Helpers shared with iop-program-report.c */

/**
 * iop_report_options_init:
 * @options: options to fill
 * @from: (nullable): first day; %NULL for the default, eight weeks back
 * @to: (nullable): last day; %NULL for today
 *
 * Fills @options with the program's defaults: adult IOP 9 hours a week,
 * adolescent IOP 6, PHP 20, notes late after 3 days, due as of today.
 */
void
iop_report_options_init (IopReportOptions *options,
                         const char       *from,
                         const char       *to)
{
  g_autofree char *today = iop_date_today ();

  memset (options, 0, sizeof *options);
  options->to = g_strdup (to != NULL ? to : today);
  options->from = from != NULL ? g_strdup (from) : iop_report_default_from (options->to);
  if (options->from == NULL)
    options->from = g_strdup ("");
  options->as_of = g_strdup (today);
  options->hours_adult_iop = 9.0;
  options->hours_adolescent_iop = 6.0;
  options->hours_php = 20.0;
  options->late_signature_days = 3;
}

void
iop_report_options_clear (IopReportOptions *options)
{
  g_clear_pointer (&options->from, g_free);
  g_clear_pointer (&options->to, g_free);
  g_clear_pointer (&options->as_of, g_free);
}

/**
 * iop_report_options_copy:
 * @dest: options to fill (not cleared first)
 * @src: options to copy
 */
void
iop_report_options_copy (IopReportOptions       *dest,
                         const IopReportOptions *src)
{
  *dest = *src;
  dest->from = g_strdup (src->from);
  dest->to = g_strdup (src->to);
  dest->as_of = g_strdup (src->as_of);
}

/**
 * iop_report_options_validate:
 * @options: the options
 * @error: return location for a #GError
 *
 * Returns: %TRUE when the range is two real dates, in order
 */
gboolean
iop_report_options_validate (const IopReportOptions  *options,
                             GError                 **error)
{
  if (!iop_date_is_valid (options->from))
    return iop_validation_error (error, _("The start date is not a real date; use YYYY-MM-DD."));
  if (!iop_date_is_valid (options->to))
    return iop_validation_error (error, _("The end date is not a real date; use YYYY-MM-DD."));
  if (strcmp (options->from, options->to) > 0)
    return iop_validation_error (error, _("The start date is after the end date."));
  if (options->as_of == NULL || !iop_date_is_valid (options->as_of))
    return iop_validation_error (error, _("The report's reference day is not a real date."));
  if (options->late_signature_days < 0)
    return iop_validation_error (error, _("Days until a note is late cannot be negative."));
  if (options->hours_adult_iop < 0 || options->hours_adolescent_iop < 0 || options->hours_php < 0)
    return iop_validation_error (error, _("Weekly hours cannot be negative."));
  return TRUE;
}

/**
 * iop_report_default_from:
 * @today: the last day of the report
 *
 * Returns: (transfer full) (nullable): the Monday seven weeks before @today's week,
 *   so the default range is the last eight weeks, this one included
 */
char *
iop_report_default_from (const char *today)
{
  g_autofree char *monday = iop_date_week_start (today);

  if (monday == NULL)
    return NULL;
  return iop_date_add_days (monday, -7 * (IOP_REPORT_DEFAULT_WEEKS - 1));
}

/**
 * iop_report_minimum_minutes:
 * @options: the options
 * @level_of_care: adult-iop, adolescent-iop or php
 *
 * Returns: the weekly minimum in minutes, 0 for an unknown level
 */
int
iop_report_minimum_minutes (const IopReportOptions *options,
                            const char             *level_of_care)
{
  double hours = 0;

  if (g_strcmp0 (level_of_care, "adult-iop") == 0)
    hours = options->hours_adult_iop;
  else if (g_strcmp0 (level_of_care, "adolescent-iop") == 0)
    hours = options->hours_adolescent_iop;
  else if (g_strcmp0 (level_of_care, "php") == 0)
    hours = options->hours_php;
  return (int) lround (hours * 60.0);
}

const char *
iop_report_measure_instrument (IopReportMeasure measure)
{
  static const char *names[] = { "PHQ-9", "GAD-7", "BAM" };

  g_return_val_if_fail (measure < IOP_REPORT_N_MEASURES, NULL);
  return names[measure];
}

/**
 * iop_report_measure_threshold:
 * @measure: the instrument
 *
 * Returns: the drop that counts as a clinically significant improvement: 5 on the
 *   PHQ-9, 4 on the GAD-7; 0 when there is none (BAM)
 */
int
iop_report_measure_threshold (IopReportMeasure measure)
{
  switch (measure)
    {
    case IOP_REPORT_MEASURE_PHQ9: return 5;
    case IOP_REPORT_MEASURE_GAD7: return 4;
    case IOP_REPORT_MEASURE_BAM:
    case IOP_REPORT_N_MEASURES:
    default:
      return 0;
    }
}

static gunichar
first_letter (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalpha (c))
        return g_unichar_toupper (c);
    }
  return '?';
}

/**
 * iop_report_initials:
 * @first_name: the legal first name
 * @last_name: the last name
 *
 * Returns: (transfer full): "M.L." for María López; what reports print by default
 */
char *
iop_report_initials (const char *first_name,
                     const char *last_name)
{
  GString *s = g_string_new (NULL);

  g_string_append_unichar (s, first_letter (first_name));
  g_string_append_c (s, '.');
  g_string_append_unichar (s, first_letter (last_name));
  g_string_append_c (s, '.');
  return g_string_free (s, FALSE);
}

/**
 * iop_report_slope:
 * @x: (array length=n): abscissas
 * @y: (array length=n): ordinates
 * @n: number of points
 *
 * Returns: the least-squares slope of @y on @x; 0 with fewer than two distinct @x
 */
double
iop_report_slope (const double *x,
                  const double *y,
                  guint         n)
{
  double mx = 0, my = 0, sxx = 0, sxy = 0;

  if (n < 2)
    return 0;
  for (guint i = 0; i < n; i++)
    {
      mx += x[i];
      my += y[i];
    }
  mx /= n;
  my /= n;
  for (guint i = 0; i < n; i++)
    {
      sxx += (x[i] - mx) * (x[i] - mx);
      sxy += (x[i] - mx) * (y[i] - my);
    }
  return sxx > 0 ? sxy / sxx : 0;
}

/* Types */

static void
session_clear (gpointer data)
{
  IopGroupReportSession *s = data;

  g_free (s->date);
  g_free (s->start_time);
  g_free (s->state);
}

static void
member_clear (gpointer data)
{
  IopGroupReportMember *m = data;

  g_free (m->initials);
  g_free (m->full_name);
  g_free (m->first_name);
  g_free (m->last_name);
  g_free (m->preferred_name);
  g_free (m->level_of_care);
  for (int i = 0; i < IOP_REPORT_N_MEASURES; i++)
    {
      g_free (m->measures[i].first_date);
      g_free (m->measures[i].latest_date);
    }
}

static void
event_clear (gpointer data)
{
  IopGroupReportEvent *e = data;

  g_free (e->date);
  g_free (e->reason);
}

static void
week_clear (gpointer data)
{
  IopGroupReportWeek *w = data;

  g_free (w->start);
}

void
iop_report_gap_clear (gpointer data)
{
  IopGroupReportHoursGap *g = data;

  g_free (g->week_start);
}

GArray *
iop_report_new_array (gsize          size,
                      GDestroyNotify clear)
{
  GArray *a = g_array_new (FALSE, TRUE, size);

  g_array_set_clear_func (a, clear);
  return a;
}

gboolean
iop_report_status_attended (const char *status)
{
  return g_strcmp0 (status, "present") == 0 || g_strcmp0 (status, "late") == 0
         || g_strcmp0 (status, "left-early") == 0;
}

static gboolean
member_on (const IopReportEnrollmentRow *e,
           const char                   *date)
{
  return strcmp (e->joined, date) <= 0 && (e->left_on == NULL || strcmp (e->left_on, date) > 0);
}

static char *
full_name (const IopReportPersonRow *p)
{
  if (p->preferred_name[0] != '\0' && g_strcmp0 (p->preferred_name, p->first_name) != 0)
    /* Translators: first name, (preferred name), last name */
    return g_strdup_printf (_("%s (%s) %s"), p->first_name, p->preferred_name, p->last_name);
  return g_strdup_printf ("%s %s", p->first_name, p->last_name);
}

/* Shared with the program report: people rows → members with unique initials. */
GArray *
iop_report_members_from_people (GArray     *people,
                                GHashTable *index_by_id)
{
  GArray *members = iop_report_new_array (sizeof (IopGroupReportMember), member_clear);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < people->len; i++)
    {
      const IopReportPersonRow *p = &g_array_index (people, IopReportPersonRow, i);
      IopGroupReportMember m = { 0 };
      g_autofree char *initials = iop_report_initials (p->first_name, p->last_name);
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (seen, initials)) + 1;

      g_hash_table_replace (seen, g_strdup (initials), GUINT_TO_POINTER (count));
      m.participant_id = p->id;
      /* Two members with the same initials stay distinguishable. */
      m.initials = count > 1 ? g_strdup_printf ("%s %u", initials, count) : g_steal_pointer (&initials);
      m.full_name = full_name (p);
      m.first_name = g_strdup (p->first_name);
      m.last_name = g_strdup (p->last_name);
      m.preferred_name = g_strdup (p->preferred_name);
      m.level_of_care = g_strdup (p->level_of_care);
      m.attendance_rate = -1;
      m.participation_mean = -1;
      m.rating_total_mean = -1;
      for (int k = 0; k < IOP_REPORT_N_MEASURES; k++)
        m.measures[k].first = m.measures[k].latest = -1;
      g_array_append_val (members, m);
      g_hash_table_insert (index_by_id, GINT_TO_POINTER ((int) p->id), GUINT_TO_POINTER (i + 1));
    }
  return members;
}

gboolean
iop_report_lookup_index (GHashTable *table,
              gint64      id,
              guint      *out)
{
  guint v = GPOINTER_TO_UINT (g_hash_table_lookup (table, GINT_TO_POINTER ((int) id)));

  if (v == 0)
    return FALSE;
  *out = v - 1;
  return TRUE;
}

/* Computation, one concern at a time */

static void
compute_attendance (IopGroupReport *report,
                    GArray         *attendance,
                    GHashTable     *session_index,
                    GHashTable     *member_index)
{
  g_autoptr(GArray) x = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) y = g_array_new (FALSE, FALSE, sizeof (double));
  const char *first_date = NULL;
  double sum = 0;

  /* Rows come in session order, so each member's runs of absences read in order. */
  for (guint i = 0; i < attendance->len; i++)
    {
      const IopReportAttendanceRow *a = &g_array_index (attendance, IopReportAttendanceRow, i);
      IopGroupReportSession *s;
      IopGroupReportMember *m;
      guint si, mi;

      if (!iop_report_lookup_index (session_index, a->session_id, &si) || !iop_report_lookup_index (member_index, a->participant_id, &mi))
        continue;
      s = &g_array_index (report->sessions, IopGroupReportSession, si);
      m = &g_array_index (report->members, IopGroupReportMember, mi);

      if (iop_report_status_attended (a->status))
        {
          s->n_attended++;
          m->n_attended++;
          m->minutes += a->minutes;
          m->current_absence_run = 0;
          if (a->participation >= 0 && a->participation <= 4)
            {
              s->participation[a->participation]++;
              s->n_participation++;
              m->participation[a->participation]++;
              m->n_participation++;
            }
        }
      else if (g_strcmp0 (a->status, "absent") == 0)
        {
          s->n_absent++;
          m->n_absent++;
          m->current_absence_run++;
          m->longest_absence_run = MAX (m->longest_absence_run, m->current_absence_run);
        }
      else if (g_strcmp0 (a->status, "excused") == 0)
        {
          s->n_excused++;
          m->n_excused++;
        }
    }

  for (guint i = 0; i < report->sessions->len; i++)
    {
      IopGroupReportSession *s = &g_array_index (report->sessions, IopGroupReportSession, i);
      int recorded = s->n_attended + s->n_absent + s->n_excused;
      double xv, yv;

      if (recorded == 0)
        continue;
      s->attendance_rate = (double) s->n_attended / recorded;
      if (first_date == NULL)
        first_date = s->date;
      xv = iop_date_diff_days (first_date, s->date) / 7.0;
      yv = s->attendance_rate;
      g_array_append_val (x, xv);
      g_array_append_val (y, yv);
      sum += yv;
    }
  report->mean_attendance_rate = x->len > 0 ? sum / x->len : -1;
  report->attendance_slope = iop_report_slope ((double *) x->data, (double *) y->data, x->len);

  for (guint i = 0; i < report->members->len; i++)
    {
      IopGroupReportMember *m = &g_array_index (report->members, IopGroupReportMember, i);
      int recorded = m->n_attended + m->n_absent + m->n_excused;
      int weighted = 0;

      if (recorded > 0)
        m->attendance_rate = (double) m->n_attended / recorded;
      m->outreach = m->longest_absence_run >= OUTREACH_ABSENCES;
      if (m->outreach)
        report->n_outreach++;

      for (int level = 0; level <= 4; level++)
        weighted += level * m->participation[level];
      if (m->n_participation > 0)
        m->participation_mean = (double) weighted / m->n_participation;
      m->participation_low = m->n_participation >= LOW_PARTICIPATION_SESSIONS
                             && m->participation_mean <= LOW_PARTICIPATION_MEAN;
      if (m->participation_low)
        report->n_low_participation++;
    }
}

static void
compute_climate (IopGroupReport *report,
                 GArray         *ratings,
                 GHashTable     *session_index,
                 GHashTable     *member_index)
{
  g_autoptr(GArray) cx = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cy = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) rx = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ry = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree double *sums = g_new0 (double, report->sessions->len * (IOP_N_RATING + 1));
  g_autofree int *counts = g_new0 (int, report->sessions->len * (IOP_N_RATING + 1));
  g_autofree double *member_sums = g_new0 (double, report->members->len);
  g_autofree int *member_totals = g_new0 (int, report->members->len);
  const char *first_date = NULL;

  for (guint i = 0; i < ratings->len; i++)
    {
      const IopReportRatingRow *r = &g_array_index (ratings, IopReportRatingRow, i);
      IopGroupReportSession *s;
      gboolean complete = TRUE;
      int total = 0;
      guint si, mi;

      if (!iop_report_lookup_index (session_index, r->session_id, &si))
        continue;
      s = &g_array_index (report->sessions, IopGroupReportSession, si);
      s->n_ratings++;
      for (int k = 0; k < IOP_N_RATING; k++)
        {
          if (r->item[k] < 0)
            {
              complete = FALSE;
              continue;
            }
          sums[si * (IOP_N_RATING + 1) + k] += r->item[k];
          counts[si * (IOP_N_RATING + 1) + k]++;
          total += r->item[k];
        }
      if (!complete)
        continue;
      sums[si * (IOP_N_RATING + 1) + IOP_N_RATING] += total;
      counts[si * (IOP_N_RATING + 1) + IOP_N_RATING]++;
      if (total < LOW_RATING_TOTAL)
        s->n_low_ratings++;
      if (iop_report_lookup_index (member_index, r->participant_id, &mi))
        {
          IopGroupReportMember *m = &g_array_index (report->members, IopGroupReportMember, mi);

          m->n_ratings++;
          member_sums[mi] += total;
          member_totals[mi]++;
          if (total < LOW_RATING_TOTAL)
            m->n_low_ratings++;
        }
    }

  for (guint i = 0; i < report->members->len; i++)
    {
      IopGroupReportMember *m = &g_array_index (report->members, IopGroupReportMember, i);

      if (member_totals[i] > 0)
        m->rating_total_mean = member_sums[i] / member_totals[i];
    }

  for (guint i = 0; i < report->sessions->len; i++)
    {
      IopGroupReportSession *s = &g_array_index (report->sessions, IopGroupReportSession, i);
      double xv;

      for (int k = 0; k <= IOP_N_RATING; k++)
        {
          int c = counts[i * (IOP_N_RATING + 1) + k];
          double mean = c > 0 ? sums[i * (IOP_N_RATING + 1) + k] / c : -1;

          if (k < IOP_N_RATING)
            s->rating_mean[k] = mean;
          else
            s->rating_total_mean = mean;
        }
      s->ratings_low = s->rating_total_mean >= 0 && s->rating_total_mean < LOW_RATING_TOTAL;
      if (s->ratings_low)
        report->n_low_rating_sessions++;

      s->climate_low = (s->climate[IOP_CLIMATE_COHESION] >= 0 && s->climate[IOP_CLIMATE_COHESION] <= LOW_CLIMATE_POSITIVE)
                       || (s->climate[IOP_CLIMATE_ENGAGEMENT] >= 0 && s->climate[IOP_CLIMATE_ENGAGEMENT] <= LOW_CLIMATE_POSITIVE)
                       || s->climate[IOP_CLIMATE_AVOIDANCE] >= LOW_CLIMATE_NEGATIVE
                       || s->climate[IOP_CLIMATE_CONFLICT] >= LOW_CLIMATE_NEGATIVE;
      if (s->climate_low)
        report->n_low_climate++;

      if (first_date == NULL)
        first_date = s->date;
      xv = iop_date_diff_days (first_date, s->date) / 7.0;
      if (s->climate[IOP_CLIMATE_COHESION] >= 0)
        {
          double yv = s->climate[IOP_CLIMATE_COHESION];

          g_array_append_val (cx, xv);
          g_array_append_val (cy, yv);
        }
      if (s->rating_total_mean >= 0)
        {
          g_array_append_val (rx, xv);
          g_array_append_val (ry, s->rating_total_mean);
        }
    }
  report->cohesion_slope = iop_report_slope ((double *) cx->data, (double *) cy->data, cx->len);
  report->rating_slope = iop_report_slope ((double *) rx->data, (double *) ry->data, rx->len);
}

static int
size_on (GArray     *enrollments,
         const char *date)
{
  int n = 0;

  for (guint i = 0; i < enrollments->len; i++)
    if (member_on (&g_array_index (enrollments, IopReportEnrollmentRow, i), date))
      n++;
  return n;
}

static gboolean
in_range (const char             *date,
          const IopReportOptions *o)
{
  return date != NULL && strcmp (date, o->from) >= 0 && strcmp (date, o->to) <= 0;
}

static void
compute_retention (IopGroupReport *report,
                   GArray         *enrollments,
                   GHashTable     *member_index)
{
  const IopReportOptions *o = &report->options;
  g_autofree char *monday = iop_date_week_start (o->from);
  double left_days = 0, current_days = 0;
  int n_left = 0, n_current = 0;

  for (guint i = 0; i < enrollments->len; i++)
    {
      const IopReportEnrollmentRow *e = &g_array_index (enrollments, IopReportEnrollmentRow, i);
      guint mi;

      if (!iop_report_lookup_index (member_index, e->participant_id, &mi))
        continue;
      if (in_range (e->joined, o))
        {
          IopGroupReportEvent ev = { g_strdup (e->joined), IOP_REPORT_EVENT_JOINED, mi, NULL };

          g_array_append_val (report->events, ev);
          report->n_joins++;
        }
      if (in_range (e->left_on, o))
        {
          IopGroupReportEvent ev = { g_strdup (e->left_on), IOP_REPORT_EVENT_LEFT, mi, g_strdup (e->reason) };

          g_array_append_val (report->events, ev);
          report->n_exits++;
          left_days += iop_date_diff_days (e->joined, e->left_on);
          n_left++;
        }
      if (member_on (e, o->to))
        {
          current_days += iop_date_diff_days (e->joined, o->to);
          n_current++;
        }
    }
  report->mean_stay_days_left = n_left > 0 ? left_days / n_left : -1;
  report->mean_stay_days_current = n_current > 0 ? current_days / n_current : -1;
  report->size_start = size_on (enrollments, o->from);
  report->size_end = size_on (enrollments, o->to);

  /* Events by date, joins before exits on the same day. */
  for (guint i = 1; i < report->events->len; i++)
    for (guint j = i; j > 0; j--)
      {
        IopGroupReportEvent *a = &g_array_index (report->events, IopGroupReportEvent, j - 1);
        IopGroupReportEvent *b = &g_array_index (report->events, IopGroupReportEvent, j);
        int c = strcmp (a->date, b->date);
        IopGroupReportEvent t;

        if (c < 0 || (c == 0 && a->kind <= b->kind))
          break;
        t = *a; *a = *b; *b = t;
      }

  while (strcmp (monday, o->to) <= 0)
    {
      g_autofree char *next = iop_date_add_days (monday, 7);
      const char *counted_from = strcmp (monday, o->from) < 0 ? o->from : monday;
      IopGroupReportWeek w = { g_strdup (monday), size_on (enrollments, counted_from), 0, 0, 0, 0 };

      for (guint i = 0; i < report->events->len; i++)
        {
          const IopGroupReportEvent *ev = &g_array_index (report->events, IopGroupReportEvent, i);

          if (strcmp (ev->date, monday) >= 0 && strcmp (ev->date, next) < 0)
            {
              if (ev->kind == IOP_REPORT_EVENT_JOINED)
                w.joins++;
              else
                w.exits++;
            }
        }
      if (w.size < report->min_size)
        report->weeks_below_min++;
      if (w.size > report->max_size)
        report->weeks_above_max++;
      g_array_append_val (report->weeks, w);
      g_free (monday);
      monday = g_steal_pointer (&next);
    }
}

static gboolean
compute_hours (IopGroupReport *report,
               IopStore       *store,
               GArray         *people,
               GArray         *enrollments,
               GError        **error)
{
  const IopReportOptions *o = &report->options;

  for (guint mi = 0; mi < report->members->len; mi++)
    {
      IopGroupReportMember *m = &g_array_index (report->members, IopGroupReportMember, mi);
      const IopReportPersonRow *p = &g_array_index (people, IopReportPersonRow, mi);
      int required = iop_report_minimum_minutes (o, p->level_of_care);
      g_autoptr(GArray) minutes = NULL;
      guint next_row = 0;

      minutes = iop_store_report_participant_minutes (store, m->participant_id, o->from, o->to, error);
      if (minutes == NULL)
        return FALSE;

      for (guint wi = 0; wi < report->weeks->len; wi++)
        {
          IopGroupReportWeek *w = &g_array_index (report->weeks, IopGroupReportWeek, wi);
          g_autofree char *sunday = iop_date_add_days (w->start, 6);
          gboolean in_group = FALSE;
          int total = 0;

          /* Only whole weeks inside the range, for members there all week. */
          if (strcmp (w->start, o->from) < 0 || strcmp (sunday, o->to) > 0)
            continue;
          if (strcmp (p->admission_date, w->start) > 0
              || (p->discharge_date != NULL && strcmp (p->discharge_date, sunday) <= 0))
            continue;
          for (guint ei = 0; ei < enrollments->len && !in_group; ei++)
            {
              const IopReportEnrollmentRow *e = &g_array_index (enrollments, IopReportEnrollmentRow, ei);

              in_group = e->participant_id == m->participant_id && strcmp (e->joined, w->start) <= 0
                         && (e->left_on == NULL || strcmp (e->left_on, sunday) > 0);
            }
          if (!in_group)
            continue;

          /* Rows and weeks both run by date: walk them together. */
          while (next_row < minutes->len
                 && strcmp (g_array_index (minutes, IopReportMinutesRow, next_row).date, w->start) < 0)
            next_row++;
          for (guint k = next_row; k < minutes->len; k++)
            {
              const IopReportMinutesRow *r = &g_array_index (minutes, IopReportMinutesRow, k);

              if (strcmp (r->date, sunday) > 0)
                break;
              total += r->minutes;
            }
          w->members_checked++;
          m->weeks_checked++;
          if (total < required)
            {
              IopGroupReportHoursGap gap = { mi, g_strdup (w->start), total, required };

              g_array_append_val (report->hours_gaps, gap);
              w->members_under++;
              m->weeks_under_hours++;
            }
        }
    }

  /* By week, then by member. */
  for (guint i = 1; i < report->hours_gaps->len; i++)
    for (guint j = i; j > 0; j--)
      {
        IopGroupReportHoursGap *a = &g_array_index (report->hours_gaps, IopGroupReportHoursGap, j - 1);
        IopGroupReportHoursGap *b = &g_array_index (report->hours_gaps, IopGroupReportHoursGap, j);
        int c = strcmp (a->week_start, b->week_start);
        IopGroupReportHoursGap t;

        if (c < 0 || (c == 0 && a->member <= b->member))
          break;
        t = *a; *a = *b; *b = t;
      }
  return TRUE;
}

static gint64
goal_root (GHashTable *carried_from,
           gint64      id)
{
  /* Bounded: a chain longer than the table is a cycle in bad data. */
  for (guint guard = 0; guard <= g_hash_table_size (carried_from); guard++)
    {
      gpointer parent;

      if (!g_hash_table_lookup_extended (carried_from, GINT_TO_POINTER ((int) id), NULL, &parent)
          || GPOINTER_TO_INT (parent) == 0)
        break;
      id = GPOINTER_TO_INT (parent);
    }
  return id;
}

static gboolean
compute_outcomes (IopGroupReport *report,
                  IopStore       *store,
                  GError        **error)
{
  const IopReportOptions *o = &report->options;
  double measure_first[IOP_REPORT_N_MEASURES] = { 0 };
  double measure_latest[IOP_REPORT_N_MEASURES] = { 0 };
  double progress_sum = 0;

  for (guint mi = 0; mi < report->members->len; mi++)
    {
      IopGroupReportMember *m = &g_array_index (report->members, IopGroupReportMember, mi);
      g_autoptr(GArray) goals = iop_store_report_participant_goals (store, m->participant_id, error);
      g_autoptr(GArray) progress = NULL;
      g_autoptr(GArray) measures = NULL;
      g_autoptr(GHashTable) carried_from = NULL;
      g_autoptr(GHashTable) first = NULL;
      g_autoptr(GHashTable) latest = NULL;
      g_autoptr(GHashTable) count = NULL;
      GHashTableIter iter;
      gpointer key, value;
      double member_sum = 0;
      int active_version = -1;

      if (goals == NULL)
        return FALSE;
      progress = iop_store_report_participant_progress (store, m->participant_id, o->from, o->to, error);
      if (progress == NULL)
        return FALSE;
      measures = iop_store_report_participant_measures (store, m->participant_id, o->from, o->to, error);
      if (measures == NULL)
        return FALSE;

      /* Goals met: in the member's active plan. */
      carried_from = g_hash_table_new (NULL, NULL);
      for (guint i = 0; i < goals->len; i++)
        {
          const IopReportGoalRow *g = &g_array_index (goals, IopReportGoalRow, i);

          g_hash_table_insert (carried_from, GINT_TO_POINTER ((int) g->id), GINT_TO_POINTER ((int) g->carried_from_id));
          if (g_strcmp0 (g->plan_state, "active") == 0)
            active_version = g->plan_version;
        }
      for (guint i = 0; i < goals->len; i++)
        {
          const IopReportGoalRow *g = &g_array_index (goals, IopReportGoalRow, i);

          if (g->plan_version != active_version || g_strcmp0 (g->plan_state, "active") != 0)
            continue;
          m->goals_total++;
          if (g_strcmp0 (g->status, "met") == 0)
            m->goals_met++;
        }
      report->goals_total += m->goals_total;
      report->goals_met += m->goals_met;

      /* Progress: first and latest rating of each goal, followed across plan versions. */
      first = g_hash_table_new (NULL, NULL);
      latest = g_hash_table_new (NULL, NULL);
      count = g_hash_table_new (NULL, NULL);
      for (guint i = 0; i < progress->len; i++)
        {
          const IopReportProgressRow *r = &g_array_index (progress, IopReportProgressRow, i);
          gpointer root = GINT_TO_POINTER ((int) goal_root (carried_from, r->goal_id));

          if (!g_hash_table_contains (first, root))
            g_hash_table_insert (first, root, GINT_TO_POINTER (r->rating));
          g_hash_table_insert (latest, root, GINT_TO_POINTER (r->rating));
          g_hash_table_insert (count, root, GINT_TO_POINTER (GPOINTER_TO_INT (g_hash_table_lookup (count, root)) + 1));
        }
      g_hash_table_iter_init (&iter, count);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          int change;

          if (GPOINTER_TO_INT (value) < 2)
            continue;
          change = GPOINTER_TO_INT (g_hash_table_lookup (latest, key))
                   - GPOINTER_TO_INT (g_hash_table_lookup (first, key));
          member_sum += change;
          progress_sum += change;
          m->n_progress_goals++;
          report->n_progress_goals++;
        }
      m->progress_change = m->n_progress_goals > 0 ? member_sum / m->n_progress_goals : 0;

      /* Measures: first and latest score in range. */
      for (guint i = 0; i < measures->len; i++)
        {
          const IopReportMeasureRow *r = &g_array_index (measures, IopReportMeasureRow, i);

          for (int k = 0; k < IOP_REPORT_N_MEASURES; k++)
            {
              IopReportMemberMeasure *mm = &m->measures[k];

              if (g_strcmp0 (r->instrument, iop_report_measure_instrument (k)) != 0)
                continue;
              if (mm->n_scores == 0)
                {
                  mm->first = r->total;
                  mm->first_date = g_strdup (r->date);
                }
              mm->latest = r->total;
              g_free (mm->latest_date);
              mm->latest_date = g_strdup (r->date);
              mm->n_scores++;
            }
        }
      for (int k = 0; k < IOP_REPORT_N_MEASURES; k++)
        {
          const IopReportMemberMeasure *mm = &m->measures[k];
          IopReportMeasureSummary *sum = &report->measures[k];
          int threshold = iop_report_measure_threshold (k);

          if (mm->n_scores < 2)
            continue;
          sum->n_members++;
          measure_first[k] += mm->first;
          measure_latest[k] += mm->latest;
          if (threshold > 0 && mm->first - mm->latest >= threshold)
            sum->n_improved++;
        }
    }

  report->progress_change = report->n_progress_goals > 0 ? progress_sum / report->n_progress_goals : 0;
  for (int k = 0; k < IOP_REPORT_N_MEASURES; k++)
    {
      IopReportMeasureSummary *sum = &report->measures[k];

      if (sum->n_members == 0)
        {
          sum->mean_first = sum->mean_latest = sum->mean_change = 0;
          sum->share_improved = -1;
          continue;
        }
      sum->mean_first = measure_first[k] / sum->n_members;
      sum->mean_latest = measure_latest[k] / sum->n_members;
      sum->mean_change = sum->mean_latest - sum->mean_first;
      sum->share_improved = iop_report_measure_threshold (k) > 0 ? (double) sum->n_improved / sum->n_members : -1;
    }
  return TRUE;
}

static void
compute_documentation (IopGroupReport *report)
{
  for (guint i = 0; i < report->sessions->len; i++)
    {
      IopGroupReportSession *s = &g_array_index (report->sessions, IopGroupReportSession, i);

      s->signature_days = -1;
      if (g_strcmp0 (s->state, "scheduled") == 0 || g_strcmp0 (s->state, "draft") == 0)
        {
          s->unsigned_note = TRUE;
          report->n_unsigned++;
        }
    }
}

static void
apply_signatures (IopGroupReport *report,
                  GArray         *session_rows,
                  GHashTable     *session_index)
{
  for (guint i = 0; i < session_rows->len; i++)
    {
      const IopReportSessionRow *row = &g_array_index (session_rows, IopReportSessionRow, i);
      IopGroupReportSession *s;
      g_autofree char *day = NULL;
      guint si;

      if (row->signed_at == NULL || !iop_report_lookup_index (session_index, row->id, &si))
        continue;
      s = &g_array_index (report->sessions, IopGroupReportSession, si);
      if (s->unsigned_note)
        continue;
      day = g_strndup (row->signed_at, 10);
      if (!iop_date_is_valid (day))
        continue;
      s->signature_days = iop_date_diff_days (s->date, day);
      s->signed_late = s->signature_days > report->options.late_signature_days;
      if (s->signed_late)
        report->n_signed_late++;
    }
}

/* Public API */

/* Everything, once the snapshot is open. */
static IopGroupReport *
compute_in_snapshot (IopStore                *store,
                     gint64                   group_id,
                     const IopReportOptions  *options,
                     GError                 **error)
{
  g_autoptr(IopGroupReport) report = NULL;
  g_autoptr(IopGroup) group = NULL;
  g_autoptr(GArray) session_rows = NULL;
  g_autoptr(GArray) attendance = NULL;
  g_autoptr(GArray) ratings = NULL;
  g_autoptr(GArray) enrollments = NULL;
  g_autoptr(GArray) people = NULL;
  g_autoptr(GHashTable) session_index = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) member_index = g_hash_table_new (NULL, NULL);
  const IopReportOptions *o;

  group = iop_store_get_group (store, group_id, error);
  if (group == NULL)
    return NULL;

  report = g_rc_box_new0 (IopGroupReport);
  report->group_id = group_id;
  report->group_name = g_strdup (iop_group_get_name (group));
  report->min_size = iop_group_get_min_size (group);
  report->max_size = iop_group_get_max_size (group);
  iop_report_options_copy (&report->options, options);
  o = &report->options;
  report->sessions = iop_report_new_array (sizeof (IopGroupReportSession), session_clear);
  report->events = iop_report_new_array (sizeof (IopGroupReportEvent), event_clear);
  report->weeks = iop_report_new_array (sizeof (IopGroupReportWeek), week_clear);
  report->hours_gaps = iop_report_new_array (sizeof (IopGroupReportHoursGap), iop_report_gap_clear);

  if ((session_rows = iop_store_report_group_sessions (store, group_id, o->from, o->to, error)) == NULL
      || (attendance = iop_store_report_group_attendance (store, group_id, o->from, o->to, error)) == NULL
      || (ratings = iop_store_report_group_ratings (store, group_id, o->from, o->to, error)) == NULL
      || (enrollments = iop_store_report_group_enrollments (store, group_id, error)) == NULL
      || (people = iop_store_report_group_people (store, group_id, o->from, o->to, error)) == NULL)
    return NULL;

  for (guint i = 0; i < session_rows->len; i++)
    {
      const IopReportSessionRow *row = &g_array_index (session_rows, IopReportSessionRow, i);
      IopGroupReportSession s = { 0 };

      if (g_strcmp0 (row->state, "cancelled") == 0)
        {
          report->n_cancelled++;
          continue;
        }
      if (strcmp (row->date, o->as_of) > 0)
        continue;
      s.id = row->id;
      s.date = g_strdup (row->date);
      s.start_time = g_strdup (row->start_time);
      s.state = g_strdup (row->state);
      s.duration_minutes = row->duration_minutes;
      s.attendance_rate = -1;
      memcpy (s.climate, row->climate, sizeof s.climate);
      g_array_append_val (report->sessions, s);
      g_hash_table_insert (session_index, GINT_TO_POINTER ((int) row->id), GUINT_TO_POINTER (report->sessions->len));
    }

  report->members = iop_report_members_from_people (people, member_index);
  report->names = iop_report_name_guard_new (report->members);

  compute_attendance (report, attendance, session_index, member_index);
  compute_climate (report, ratings, session_index, member_index);
  compute_retention (report, enrollments, member_index);
  if (!compute_hours (report, store, people, enrollments, error))
    return NULL;
  if (!compute_outcomes (report, store, error))
    return NULL;
  compute_documentation (report);
  apply_signatures (report, session_rows, session_index);

  return g_steal_pointer (&report);
}

/**
 * iop_group_report_compute:
 * @store: an #IopStore
 * @group_id: the group
 * @options: range and thresholds
 * @error: return location for a #GError
 *
 * Reads the group's sessions, attendance, ratings, roster history, members' plans
 * and measures in the range, from one snapshot, and computes the group dynamics
 * report.
 *
 * Returns: (transfer full) (nullable): the report, or %NULL with @error set
 */
IopGroupReport *
iop_group_report_compute (IopStore                *store,
                          gint64                   group_id,
                          const IopReportOptions  *options,
                          GError                 **error)
{
  IopGroupReport *report;
  gboolean started;

  g_return_val_if_fail (IOP_IS_STORE (store), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (!iop_report_options_validate (options, error))
    return NULL;
  if (!iop_store_report_begin_snapshot (store, &started, error))
    return NULL;
  report = compute_in_snapshot (store, group_id, options, error);
  iop_store_report_end_snapshot (store, started);
  return report;
}

static void
group_report_clear (gpointer data)
{
  IopGroupReport *report = data;

  g_free (report->group_name);
  g_clear_object (&report->names);
  iop_report_options_clear (&report->options);
  g_clear_pointer (&report->sessions, g_array_unref);
  g_clear_pointer (&report->members, g_array_unref);
  g_clear_pointer (&report->events, g_array_unref);
  g_clear_pointer (&report->weeks, g_array_unref);
  g_clear_pointer (&report->hours_gaps, g_array_unref);
}

/**
 * iop_group_report_ref:
 * @report: a report
 *
 * Reports are shared by the screen, the printer and the charts in a document.
 *
 * Returns: (transfer full): @report
 */
IopGroupReport *
iop_group_report_ref (IopGroupReport *report)
{
  return g_rc_box_acquire (report);
}

void
iop_group_report_unref (IopGroupReport *report)
{
  if (report != NULL)
    g_rc_box_release_full (report, group_report_clear);
}

/**
 * iop_group_report_member_name:
 * @report: a report
 * @member: index into the report's members
 * @full_names: %TRUE only for an internal copy
 *
 * Returns: (transfer none): the member's initials, or full name when asked for
 */
const char *
iop_group_report_member_name (const IopGroupReport *report,
                              guint                 member,
                              gboolean              full_names)
{
  return iop_report_member_label (report->members, member, full_names);
}

/* The one place a member's name is chosen for a report: initials unless the
 * copy is for use inside the program. */
const char *
iop_report_member_label (GArray   *members,
                         guint     member,
                         gboolean  full_names)
{
  const IopGroupReportMember *m;

  g_return_val_if_fail (member < members->len, "");
  m = &g_array_index (members, IopGroupReportMember, member);
  return full_names ? m->full_name : m->initials;
}

/**
 * iop_report_name_guard_new:
 * @members: (element-type IopGroupReportMember): a report's members
 *
 * Returns: (transfer full): a name guard that knows every member's first, last
 *   and preferred name
 */
IopNameGuard *
iop_report_name_guard_new (GArray *members)
{
  IopNameGuard *names = iop_name_guard_new ();
  GHashTable *initials = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  for (guint i = 0; i < members->len; i++)
    {
      const IopGroupReportMember *m = &g_array_index (members, IopGroupReportMember, i);

      iop_name_guard_add_participant (names, m->participant_id, m->first_name, m->last_name,
                                      m->preferred_name);
      g_hash_table_insert (initials, g_memdup2 (&m->participant_id, sizeof (gint64)), g_strdup (m->initials));
    }
  /* What each name becomes, looked up once per name found. */
  g_object_set_data_full (G_OBJECT (names), "iop-report-initials", initials, (GDestroyNotify) g_hash_table_unref);
  return names;
}

static const char *
member_initials (const IopNameMatch *match,
                 gpointer            user_data)
{
  const char *initials = g_hash_table_lookup (user_data, &match->participant_id);

  return initials != NULL ? initials : C_("redaction", "another group member");
}

/**
 * iop_report_redact_names:
 * @names: the report's name guard (iop_report_name_guard_new())
 * @text: free text written by staff (an exit reason, a discharge reason)
 * @full_names: %TRUE for an internal copy: @text is returned as it is
 *
 * Free text may name a member; a report that prints initials must not print a
 * name there either. Every member's first, last and preferred name becomes
 * their initials, found as the note guard finds them (any case, accents
 * folded, possessives). The guard indexes names by their first letter, so
 * this stays quick for a program report with thousands of members.
 *
 * Returns: (transfer full): the text to print
 */
char *
iop_report_redact_names (IopNameGuard *names,
                         const char   *text,
                         gboolean      full_names)
{
  if (full_names || text == NULL)
    return g_strdup (text != NULL ? text : "");

  return iop_name_guard_replace (names, text, member_initials,
                                 g_object_get_data (G_OBJECT (names), "iop-report-initials"));
}
