/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-store-measures"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "iop-date.h"
#include "iop-store-measures.h"
#include "iop-store-private.h"
#include "iop-validation.h"

/*
 * A measure is scored when it is entered, with the instrument definition the
 * counselor saw; total, severity, sub-scores, completeness and the safety flag
 * are stored with the answers so a later change to an instrument file never
 * rewrites history. Measures are permanent (triggers in 0003-plans.sql): only a
 * safety flag's acknowledgment is written afterwards, once.
 */

#define MEASURE_COLUMNS \
  "m.id, m.participant_id, m.instrument, m.date, m.complete, m.total, m.severity, m.subscores," \
  " m.safety_flag, m.safety_ack_by, s.full_name, m.safety_ack_at, m.entered_by, m.session_id"

#define MEASURE_FROM " FROM measures m LEFT JOIN staff s ON s.id = m.safety_ack_by"

static IopMeasure *
read_measure (sqlite3_stmt *stmt)
{
  IopMeasure *m = iop_measure_new ();

  iop_measure_set_id (m, sqlite3_column_int64 (stmt, 0));
  iop_measure_set_participant_id (m, sqlite3_column_int64 (stmt, 1));
  iop_measure_set_instrument (m, iop_column_text (stmt, 2));
  iop_measure_set_date (m, iop_column_text (stmt, 3));
  iop_measure_set_complete (m, sqlite3_column_int (stmt, 4));
  iop_measure_set_total (m, sqlite3_column_type (stmt, 5) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 5));
  iop_measure_set_severity (m, iop_column_text (stmt, 6));
  iop_measure_set_subscores (m, iop_column_text (stmt, 7));
  iop_measure_set_safety_flag (m, sqlite3_column_int (stmt, 8));
  iop_measure_set_safety_ack_by (m, sqlite3_column_int64 (stmt, 9));
  iop_measure_set_safety_ack_by_name (m, iop_column_text (stmt, 10));
  iop_measure_set_safety_ack_at (m, iop_column_text (stmt, 11));
  iop_measure_set_entered_by (m, sqlite3_column_int64 (stmt, 12));
  iop_measure_set_session_id (m, sqlite3_column_int64 (stmt, 13));
  return m;
}

static GPtrArray *
collect_measures (IopStore      *self,
                  sqlite3_stmt  *stmt,
                  GError       **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, read_measure (stmt));
  if (rc != SQLITE_DONE)
    {
      iop_store_set_error (self, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&rows);
}

static int
compare_due (gconstpointer a,
             gconstpointer b)
{
  const IopMeasureDue *x = *(IopMeasureDue * const *) a;
  const IopMeasureDue *y = *(IopMeasureDue * const *) b;
  int c = g_strcmp0 (x->due_date, y->due_date);

  if (c == 0)
    c = g_utf8_collate (x->participant_name, y->participant_name);
  return c != 0 ? c : g_strcmp0 (x->instrument, y->instrument);
}

void
iop_measure_due_free (IopMeasureDue *due)
{
  if (due == NULL)
    return;
  g_free (due->participant_name);
  g_free (due->record_number);
  g_free (due->instrument);
  g_free (due->last_date);
  g_free (due->due_date);
  g_free (due);
}

/**
 * iop_store_add_measure:
 * @self: an #IopStore
 * @instrument: the definition the answers were given on
 * @participant_id: who answered
 * @date: the day they answered (not in the future)
 * @answers: (array length=n_answers): one per item, %IOP_ANSWER_MISSING for an unanswered item
 * @n_answers: the instrument's number of items
 * @session_id: the session it was given in, or 0
 * @out_measure_id: (out) (optional): the new measure's id
 * @error: return location for a #GError
 *
 * Scores and records a measure item by item. An answer outside its item's
 * range is refused and nothing is written; unanswered items are stored as
 * absent and the score is marked incomplete.
 *
 * Returns: %TRUE when recorded
 */
gboolean
iop_store_add_measure (IopStore       *self,
                       IopInstrument  *instrument,
                       gint64          participant_id,
                       const char     *date,
                       const int      *answers,
                       guint           n_answers,
                       gint64          session_id,
                       gint64         *out_measure_id,
                       GError        **error)
{
  g_autoptr(IopScore) score = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *today = iop_date_today ();
  g_autofree char *detail = NULL;
  sqlite3_stmt *stmt;
  gint64 id;
  gboolean exists;

  g_return_val_if_fail (IOP_IS_STORE (self), FALSE);
  g_return_val_if_fail (instrument != NULL, FALSE);

  if (!iop_date_is_valid (date))
    return iop_validation_error (error, _("The date is not a real date (use YYYY-MM-DD)."));
  if (g_strcmp0 (date, today) > 0)
    return iop_validation_error (error, _("The date is in the future."));
  score = iop_instrument_score (instrument, answers, n_answers, &local_error);
  if (score == NULL)
    return iop_validation_error (error, local_error->message);

  stmt = iop_store_prepare (self, "SELECT 1 FROM participants WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, participant_id);
  exists = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (!exists)
    {
      g_set_error_literal (error, IOP_STORE_ERROR, IOP_STORE_ERROR_NOT_FOUND,
                           _("This participant's record no longer exists."));
      return FALSE;
    }

  if (!iop_store_begin (self, error))
    return FALSE;
  stmt = iop_store_prepare (self,
                            "INSERT INTO measures (participant_id, instrument, date, complete, total, severity,"
                            " subscores, safety_flag, entered_by, session_id)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, participant_id);
  iop_bind_text (stmt, 2, iop_instrument_get_id (instrument));
  iop_bind_text (stmt, 3, date);
  sqlite3_bind_int (stmt, 4, score->complete);
  if (score->total >= 0)
    sqlite3_bind_int (stmt, 5, score->total);
  else
    sqlite3_bind_null (stmt, 5);
  iop_bind_text (stmt, 6, score->severity);
  iop_bind_text (stmt, 7, score->subscores);
  sqlite3_bind_int (stmt, 8, score->safety_flag);
  iop_bind_id_or_null (stmt, 9, iop_store_get_actor (self));
  iop_bind_id_or_null (stmt, 10, session_id);
  if (!iop_store_step_done (self, stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (iop_store_get_db (self));

  stmt = iop_store_prepare (self, "INSERT INTO measure_answers (measure_id, item, value) VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    goto fail;
  for (guint i = 0; i < n_answers; i++)
    {
      if (answers[i] == IOP_ANSWER_MISSING)
        continue;
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, i + 1);
      sqlite3_bind_int (stmt, 3, answers[i]);
      if (!iop_store_step_done (self, stmt, error))
        goto fail;
    }

  detail = g_strdup_printf ("%s entered", iop_instrument_get_id (instrument));
  if (!iop_store_audit (self, "create", IOP_KIND_MEASURE, id, participant_id, detail, error))
    goto fail;
  iop_store_mark_changed (self, IOP_KIND_MEASURE);
  if (!iop_store_commit (self, error))
    return FALSE;
  if (out_measure_id != NULL)
    *out_measure_id = id;
  return TRUE;

fail:
  iop_store_rollback (self);
  return FALSE;
}

/**
 * iop_store_get_measure:
 * @self: an #IopStore
 * @measure_id: a measure
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the measure, or %NULL with @error set
 */
IopMeasure *
iop_store_get_measure (IopStore  *self,
                       gint64     measure_id,
                       GError   **error)
{
  sqlite3_stmt *stmt;
  IopMeasure *m = NULL;
  int rc;

  g_return_val_if_fail (IOP_IS_STORE (self), NULL);

  stmt = iop_store_prepare (self, "SELECT " MEASURE_COLUMNS MEASURE_FROM " WHERE m.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, measure_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    m = read_measure (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error_literal (error, IOP_STORE_ERROR, IOP_STORE_ERROR_NOT_FOUND, _("This measure no longer exists."));
  else
    iop_store_set_error (self, error);
  sqlite3_reset (stmt);
  return m;
}

/**
 * iop_store_list_measures:
 * @self: an #IopStore
 * @participant_id: a participant
 * @instrument: (nullable): only this instrument ("PHQ-9"), or %NULL for all
 * @error: return location for a #GError
 *
 * A participant's measures oldest first: the order a trend is drawn in.
 *
 * Returns: (transfer container) (element-type IopMeasure): the measures
 */
GPtrArray *
iop_store_list_measures (IopStore    *self,
                         gint64       participant_id,
                         const char  *instrument,
                         GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (IOP_IS_STORE (self), NULL);

  stmt = iop_store_prepare (self, "SELECT " MEASURE_COLUMNS MEASURE_FROM
                            " WHERE m.participant_id = ?1 AND (?2 IS NULL OR m.instrument = ?2)"
                            " ORDER BY m.date, m.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, participant_id);
  iop_bind_text_or_null (stmt, 2, instrument);
  return collect_measures (self, stmt, error);
}

/**
 * iop_store_get_measure_answers:
 * @self: an #IopStore
 * @measure_id: a measure
 * @n_items: the instrument's number of items
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type int): @n_items answers, %IOP_ANSWER_MISSING where none was given
 */
GArray *
iop_store_get_measure_answers (IopStore  *self,
                               gint64     measure_id,
                               guint      n_items,
                               GError   **error)
{
  g_autoptr(GArray) answers = g_array_sized_new (FALSE, FALSE, sizeof (int), n_items);
  sqlite3_stmt *stmt;
  int missing = IOP_ANSWER_MISSING;
  int rc;

  g_return_val_if_fail (IOP_IS_STORE (self), NULL);

  for (guint i = 0; i < n_items; i++)
    g_array_append_val (answers, missing);
  stmt = iop_store_prepare (self, "SELECT item, value FROM measure_answers WHERE measure_id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, measure_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int item = sqlite3_column_int (stmt, 0);
      if (item >= 1 && (guint) item <= n_items)
        g_array_index (answers, int, item - 1) = sqlite3_column_int (stmt, 1);
    }
  if (rc != SQLITE_DONE)
    {
      iop_store_set_error (self, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&answers);
}

/**
 * iop_store_acknowledge_safety_flag:
 * @self: an #IopStore
 * @measure_id: a measure with a safety flag
 * @error: return location for a #GError
 *
 * Records that the acting counselor has seen the flag and acted on it. The
 * flag stays on the measure; it is no longer shown as needing attention.
 *
 * Returns: %TRUE when recorded
 */
gboolean
iop_store_acknowledge_safety_flag (IopStore  *self,
                                   gint64     measure_id,
                                   GError   **error)
{
  g_autoptr(IopMeasure) measure = NULL;
  g_autofree char *now = iop_timestamp_now ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (IOP_IS_STORE (self), FALSE);

  measure = iop_store_get_measure (self, measure_id, error);
  if (measure == NULL)
    return FALSE;
  if (!iop_measure_get_safety_flag (measure))
    return iop_validation_error (error, _("This measure raised no safety flag."));
  if (!iop_measure_needs_acknowledgment (measure))
    return iop_validation_error (error, _("This safety flag was already acknowledged."));
  if (iop_store_get_actor (self) <= 0)
    return iop_validation_error (error, _("A safety flag is acknowledged by a staff member; sign in first."));

  if (!iop_store_begin (self, error))
    return FALSE;
  stmt = iop_store_prepare (self, "UPDATE measures SET safety_ack_by = ?2, safety_ack_at = ?3"
                            " WHERE id = ?1 AND safety_ack_at IS NULL", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, measure_id);
  sqlite3_bind_int64 (stmt, 2, iop_store_get_actor (self));
  iop_bind_text (stmt, 3, now);
  if (!iop_store_step_done (self, stmt, error)
      || !iop_store_audit (self, "acknowledge", IOP_KIND_MEASURE, measure_id,
                           iop_measure_get_participant_id (measure), "safety flag acknowledged", error))
    goto fail;
  iop_store_mark_changed (self, IOP_KIND_MEASURE);
  return iop_store_commit (self, error);

fail:
  iop_store_rollback (self);
  return FALSE;
}

/**
 * iop_store_list_unacknowledged_flags:
 * @self: an #IopStore
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type IopMeasure): measures whose safety
 *   flag no counselor has acknowledged yet, oldest first
 */
GPtrArray *
iop_store_list_unacknowledged_flags (IopStore  *self,
                                     GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (IOP_IS_STORE (self), NULL);

  stmt = iop_store_prepare (self, "SELECT " MEASURE_COLUMNS MEASURE_FROM
                            " WHERE m.safety_flag = 1 AND m.safety_ack_at IS NULL ORDER BY m.date, m.id", error);
  if (stmt == NULL)
    return NULL;
  return collect_measures (self, stmt, error);
}

/**
 * iop_store_list_measures_due:
 * @self: an #IopStore
 * @participant_id: one participant, or 0 for the whole caseload
 * @today: (nullable): the day to compare with; %NULL for today
 * @intervals: (array length=n_intervals): which instruments, how often
 * @n_intervals: how many
 * @error: return location for a #GError
 *
 * For participants in the program (not discharged): each instrument whose last
 * administration is at least its interval ago, or that was never given.
 *
 * Returns: (transfer container) (element-type IopMeasureDue): what is due, most overdue first
 */
GPtrArray *
iop_store_list_measures_due (IopStore                  *self,
                             gint64                     participant_id,
                             const char                *today,
                             const IopMeasureInterval  *intervals,
                             guint                      n_intervals,
                             GError                   **error)
{
  g_autoptr(GPtrArray) due = g_ptr_array_new_with_free_func ((GDestroyNotify) iop_measure_due_free);
  g_autofree char *now = today != NULL ? g_strdup (today) : iop_date_today ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (IOP_IS_STORE (self), NULL);

  stmt = iop_store_prepare (self,
                            "SELECT p.id,"
                            " CASE WHEN p.preferred_name <> '' THEN p.preferred_name ELSE p.first_name END"
                            " || ' ' || p.last_name, p.record_number, p.admission_date, MAX (m.date)"
                            " FROM participants p LEFT JOIN measures m"
                            "  ON m.participant_id = p.id AND m.instrument = ?1"
                            " WHERE p.status <> 'discharged' AND (?2 = 0 OR p.id = ?2) GROUP BY p.id", error);
  if (stmt == NULL)
    return NULL;

  for (guint k = 0; k < n_intervals; k++)
    {
      int rc;

      sqlite3_reset (stmt);
      iop_bind_text (stmt, 1, intervals[k].instrument);
      sqlite3_bind_int64 (stmt, 2, participant_id);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const char *last = (const char *) sqlite3_column_text (stmt, 4);
          g_autofree char *due_date = last != NULL ? iop_date_add_days (last, intervals[k].days)
                                                   : g_strdup (iop_column_text (stmt, 3));
          IopMeasureDue *d;

          if (g_strcmp0 (due_date, now) > 0)
            continue;
          d = g_new0 (IopMeasureDue, 1);
          d->participant_id = sqlite3_column_int64 (stmt, 0);
          d->participant_name = g_strdup (iop_column_text (stmt, 1));
          d->record_number = g_strdup (iop_column_text (stmt, 2));
          d->instrument = g_strdup (intervals[k].instrument);
          d->last_date = g_strdup (last);
          d->due_date = g_steal_pointer (&due_date);
          g_ptr_array_add (due, d);
        }
      if (rc != SQLITE_DONE)
        {
          iop_store_set_error (self, error);
          sqlite3_reset (stmt);
          return NULL;
        }
    }
  sqlite3_reset (stmt);

  g_ptr_array_sort (due, compare_due);
  return g_steal_pointer (&due);
}
