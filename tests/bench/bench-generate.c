/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * A deterministic agency for the benchmark. It writes with the same INSERT
 * statements the schema's owners use, in one transaction, after opening the
 * database through IopStore (so the real migrations create the schema). The
 * audit log is left out: its cost belongs to people's edits, not to bulk history.
 */

#include "config.h"

#include <sodium.h>
#include <sqlite3.h>

#include "bench-generate.h"
#include "iop-date.h"
#include "iop-store-private.h"

#include <string.h>

const BenchScale bench_scale_large = { 20000, 400, 200, 10, 3, 67, 5 };
const BenchScale bench_scale_small = { 2000, 40, 200, 10, 3, 67, 5 };

#define REPORT_GROUP_MEMBERS 15
#define STAY_SESSIONS 44

static const char *first_names[] = {
  "Maria", "James", "Aisha", "Thanh", "Keisha", "Robert", "Fatima", "Dmitri", "Grace", "Tomas",
  "Samantha", "William", "Priya", "Marcus", "Li", "Hope", "Ahmed", "Rebecca", "Joseph", "Ana",
  "Daniel", "Rosa", "Kwame", "Elena", "Carlos", "Jordan", "Yusuf", "Sofia", "Tyler", "Amara",
  "Ethan", "Mia", "Diego", "Hana", "Noah", "Patricia", "Andre", "Mercedes", "Victor", "Lucia",
  "Omar", "Chloe", "Mateo", "Ingrid", "Kofi", "Leila", "Hiroshi", "Nadia", "Pedro", "Zainab",
  "Martin", "Martina", "Marta", "Mark", "Mario", "Marisol", "Marlon", "Maya", "Martha", "Marvin",
};

static const char *last_names[] = {
  "Lopez", "Whitfield", "Rahman", "Nguyen", "Washington", "Nakamura", "Haddad", "Volkov", "Okafor",
  "Herrera", "Reed", "Begay", "Raman", "Johnson", "Wei", "Sandoval", "Osman", "Stein", "Tsosie",
  "Silva", "Cohen", "Martinez", "Mensah", "Popescu", "Anderson", "Mendoza", "Baker", "Demir",
  "Ramirez", "Brooks", "Nwosu", "Kowalski", "Thompson", "Flores", "Kim", "Whitehorse", "ONeil",
  "Dubois", "Cruz", "Ivanov", "Garcia", "Smith", "Brown", "Davis", "Miller", "Wilson", "Moore",
  "Taylor", "Thomas", "Jackson", "White", "Harris", "Martin", "Martinelli", "Marquez", "Marsh",
  "Morales", "Ortiz", "Gutierrez", "Chavez", "Ruiz", "Alvarez", "Castillo", "Jimenez", "Moreno",
  "Romero", "Vargas", "Castro", "Guzman", "Medina", "Aguilar", "Delgado", "Vega", "Rios", "Soto",
  "Pena", "Campbell", "Parker", "Evans", "Edwards",
};

static const char *levels[] = { "adult-iop", "adult-iop", "adult-iop", "adolescent-iop", "php" };
static const char *statuses[] = { "present", "present", "present", "present", "late", "left-early",
                                  "absent", "excused" };

static guint32 rng_state;

static guint32
rng (void)
{
  /* xorshift32: the same agency on every machine */
  rng_state ^= rng_state << 13;
  rng_state ^= rng_state >> 17;
  rng_state ^= rng_state << 5;
  return rng_state;
}

static gboolean
step (sqlite3 *db, sqlite3_stmt *stmt, GError **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "generate: %s", sqlite3_errmsg (db));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static sqlite3_stmt *
prepare (sqlite3 *db, const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("generate: %s: %s", sql, sqlite3_errmsg (db));
  return stmt;
}

gint64
bench_report_group_id (void)
{
  return 1;
}

const char *
bench_report_from (void)
{
  return "2006-01-09";
}

const char *
bench_report_to (void)
{
  return "2007-01-08";
}

static char *
session_date (const char *group_start, guint s)
{
  /* Monday, Wednesday, Friday */
  static const int offsets[] = { 0, 2, 4 };

  return iop_date_add_days (group_start, (int) (s / 3) * 7 + offsets[s % 3]);
}

gboolean
bench_generate (const char        *path,
                const BenchScale  *scale,
                GError           **error)
{
  g_autoptr(IopStore) store = NULL;
  sqlite3 *db;
  sqlite3_stmt *staff, *participant, *group, *enroll, *session, *attend, *plan, *problem, *goal,
               *progress, *measure;
  guint per_group;
  gint64 next_goal = 1;

  rng_state = 2463534242u;

  store = iop_store_open (path, error);
  if (store == NULL)
    return FALSE;
  db = iop_store_get_db (store);

  if (sqlite3_exec (db, "PRAGMA synchronous = OFF; BEGIN", NULL, NULL, NULL) != SQLITE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "generate: %s", sqlite3_errmsg (db));
      return FALSE;
    }

  staff = prepare (db, "INSERT INTO staff (id, username, full_name, role) VALUES (?1, ?2, ?3, ?4)");
  participant = prepare (db, "INSERT INTO participants (id, record_number, first_name, last_name,"
                             " preferred_name, date_of_birth, primary_language, level_of_care,"
                             " admission_date, discharge_date, discharge_reason, status,"
                             " primary_counselor_id) VALUES (?1, ?2, ?3, ?4, '', ?5, 'English', ?6, ?7,"
                             " ?8, ?9, ?10, ?11)");
  group = prepare (db, "INSERT INTO groups (id, name, type, min_size, max_size, weekdays, start_time,"
                       " duration_minutes, facilitator_id, start_date, archived)"
                       " VALUES (?1, ?2, 'process', 5, 15, 21, '09:00', 180, ?3, ?4, ?5)");
  enroll = prepare (db, "INSERT INTO enrollments (participant_id, group_id, joined, left_on, reason)"
                        " VALUES (?1, ?2, ?3, ?4, ?5)");
  session = prepare (db, "INSERT INTO sessions (id, group_id, date, start_time, duration_minutes, topic,"
                         " facilitator_id, state, interventions, group_process, climate_cohesion,"
                         " climate_engagement, climate_avoidance, climate_conflict)"
                         " VALUES (?1, ?2, ?3, '09:00', 180, 'Coping with cravings', ?4, 'draft',"
                         " 'Motivational interviewing; CBT skills practice', 'Members engaged.',"
                         " ?5, ?6, ?7, ?8)");
  attend = prepare (db, "INSERT INTO attendance (session_id, participant_id, status, minutes, participation)"
                        " VALUES (?1, ?2, ?3, ?4, ?5)");
  plan = prepare (db, "INSERT INTO treatment_plans (id, participant_id, version, state, created_at,"
                      " effective_date, review_due, participant_agreed) VALUES (?1, ?1, 1, 'draft', ?2, ?2,"
                      " ?3, 1)");
  problem = prepare (db, "INSERT INTO problems (id, plan_id, position, description, life_area, asam_dimension)"
                         " VALUES (?1, ?1, 1, 'Alcohol use affecting work and family', 'Substance use', 5)");
  goal = prepare (db, "INSERT INTO goals (id, plan_id, problem_id, position, own_words, statement,"
                      " target_date, status) VALUES (?1, ?2, ?2, ?3, 'I want to stay sober for my kids',"
                      " 'Abstinent from alcohol for 90 consecutive days', ?4, ?5)");
  progress = prepare (db, "INSERT INTO progress_entries (goal_id, date, rating, note) VALUES (?1, ?2, ?3,"
                          " 'Reports using coping skills')");
  measure = prepare (db, "INSERT INTO measures (participant_id, instrument, date, complete, total, severity)"
                         " VALUES (?1, ?2, ?3, 1, ?4, ?5)");

  /* The benchmark signs in as this administrator. The hash uses libsodium's
   * smallest limits so signing in does not dominate start-up or memory figures;
   * real staff get interactive limits. */
  {
    char hash[crypto_pwhash_STRBYTES];
    sqlite3_stmt *credentials;

    if (sodium_init () < 0
        || crypto_pwhash_str (hash, BENCH_PASSPHRASE, strlen (BENCH_PASSPHRASE),
                              crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN) != 0)
      {
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "generate: could not hash the passphrase");
        goto fail;
      }
    sqlite3_bind_int (staff, 1, 41);
    sqlite3_bind_text (staff, 2, "admin", -1, SQLITE_STATIC);
    sqlite3_bind_text (staff, 3, "Bench Administrator", -1, SQLITE_STATIC);
    sqlite3_bind_text (staff, 4, "administrator", -1, SQLITE_STATIC);
    if (!step (db, staff, error))
      goto fail;
    credentials = prepare (db, "UPDATE staff SET credentials = ?1 WHERE id = 41");
    sqlite3_bind_text (credentials, 1, hash, -1, SQLITE_TRANSIENT);
    if (!step (db, credentials, error))
      {
        sqlite3_finalize (credentials);
        goto fail;
      }
    sqlite3_finalize (credentials);
  }

  for (int i = 1; i <= 40; i++)
    {
      g_autofree char *user = g_strdup_printf ("counselor%d", i);
      g_autofree char *name = g_strdup_printf ("Counselor %d", i);

      sqlite3_bind_int (staff, 1, i);
      sqlite3_bind_text (staff, 2, user, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (staff, 3, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (staff, 4, "counselor", -1, SQLITE_STATIC);
      if (!step (db, staff, error))
        goto fail;
    }

  per_group = scale->participants / scale->groups;

  for (guint g = 0; g < scale->groups; g++)
    {
      /* Groups start 18 days apart across twenty years. */
      g_autofree char *start = iop_date_add_days ("2006-01-09", (int) (g * 7300 / MAX (scale->groups, 1) / 7) * 7);
      g_autofree char *name = g_strdup_printf ("Group %u", g + 1);
      gint64 group_id = g + 1;
      gint64 counselor = 1 + g % 40;
      gboolean report_group = g == 0;

      sqlite3_bind_int64 (group, 1, group_id);
      sqlite3_bind_text (group, 2, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (group, 3, counselor);
      sqlite3_bind_text (group, 4, start, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (group, 5, g + 20 < scale->groups);
      if (!step (db, group, error))
        goto fail;

      /* Participants of this group, with their admission and enrollment. */
      for (guint j = 0; j < per_group; j++)
        {
          gint64 pid = (gint64) g * per_group + j + 1;
          /* The report group keeps 15 members all year; the others roll over. */
          guint join_s = report_group ? (j < REPORT_GROUP_MEMBERS ? 0 : 200) : j * 4;
          guint leave_s = report_group ? 200 : j * 4 + STAY_SESSIONS;
          g_autofree char *joined = session_date (start, MIN (join_s, scale->sessions_per_group));
          g_autofree char *left = session_date (start, MIN (leave_s, scale->sessions_per_group + 2));
          g_autofree char *record = g_strdup_printf ("A%06" G_GINT64_FORMAT, pid);
          g_autofree char *born = iop_date_add_days (joined, -(int) (365 * (18 + rng () % 50)));
          const char *first = first_names[rng () % G_N_ELEMENTS (first_names)];
          const char *last = last_names[rng () % G_N_ELEMENTS (last_names)];
          gboolean discharged = g + 20 < scale->groups;

          sqlite3_bind_int64 (participant, 1, pid);
          sqlite3_bind_text (participant, 2, record, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (participant, 3, first, -1, SQLITE_STATIC);
          sqlite3_bind_text (participant, 4, last, -1, SQLITE_STATIC);
          sqlite3_bind_text (participant, 5, born, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (participant, 6, levels[pid % G_N_ELEMENTS (levels)], -1, SQLITE_STATIC);
          sqlite3_bind_text (participant, 7, joined, -1, SQLITE_TRANSIENT);
          if (discharged)
            {
              sqlite3_bind_text (participant, 8, left, -1, SQLITE_TRANSIENT);
              sqlite3_bind_text (participant, 9, "Completed the program", -1, SQLITE_STATIC);
              sqlite3_bind_text (participant, 10, "discharged", -1, SQLITE_STATIC);
            }
          else
            {
              sqlite3_bind_null (participant, 8);
              sqlite3_bind_text (participant, 9, "", -1, SQLITE_STATIC);
              sqlite3_bind_text (participant, 10, "active", -1, SQLITE_STATIC);
            }
          sqlite3_bind_int64 (participant, 11, counselor);
          if (!step (db, participant, error))
            goto fail;

          sqlite3_bind_int64 (enroll, 1, pid);
          sqlite3_bind_int64 (enroll, 2, group_id);
          sqlite3_bind_text (enroll, 3, joined, -1, SQLITE_TRANSIENT);
          if (discharged || !report_group)
            {
              sqlite3_bind_text (enroll, 4, left, -1, SQLITE_TRANSIENT);
              sqlite3_bind_text (enroll, 5, "Completed the program", -1, SQLITE_STATIC);
            }
          else
            {
              sqlite3_bind_null (enroll, 4);
              sqlite3_bind_text (enroll, 5, "", -1, SQLITE_STATIC);
            }
          if (!step (db, enroll, error))
            goto fail;

          /* A plan, its goals and their progress; and measures over the stay. */
          sqlite3_bind_int64 (plan, 1, pid);
          sqlite3_bind_text (plan, 2, joined, -1, SQLITE_TRANSIENT);
          {
            g_autofree char *due = iop_date_add_days (joined, 30);
            sqlite3_bind_text (plan, 3, due, -1, SQLITE_TRANSIENT);
          }
          if (!step (db, plan, error))
            goto fail;
          sqlite3_bind_int64 (problem, 1, pid);
          if (!step (db, problem, error))
            goto fail;

          for (guint k = 0; k < scale->goals_per_participant; k++)
            {
              g_autofree char *target = iop_date_add_days (joined, 90);
              guint n_progress = (scale->progress_per_goal_x10 + (rng () % 10)) / 10;

              sqlite3_bind_int64 (goal, 1, next_goal);
              sqlite3_bind_int64 (goal, 2, pid);
              sqlite3_bind_int (goal, 3, k + 1);
              sqlite3_bind_text (goal, 4, target, -1, SQLITE_TRANSIENT);
              sqlite3_bind_text (goal, 5, rng () % 4 == 0 ? "met" : "active", -1, SQLITE_STATIC);
              if (!step (db, goal, error))
                goto fail;
              for (guint e = 0; e < n_progress; e++)
                {
                  g_autofree char *when = iop_date_add_days (joined, 7 * (int) e + 3);
                  sqlite3_bind_int64 (progress, 1, next_goal);
                  sqlite3_bind_text (progress, 2, when, -1, SQLITE_TRANSIENT);
                  sqlite3_bind_int (progress, 3, MIN (10, 2 + (int) e + (int) (rng () % 3)));
                  if (!step (db, progress, error))
                    goto fail;
                }
              next_goal++;
            }

          for (guint m = 0; m < scale->measures_per_participant; m++)
            {
              g_autofree char *when = iop_date_add_days (joined, 14 * (int) m);
              gboolean phq = m % 2 == 0;
              int total = MAX (0, 18 - (int) m * 2 - (int) (rng () % 4));

              sqlite3_bind_int64 (measure, 1, pid);
              sqlite3_bind_text (measure, 2, phq ? "PHQ-9" : "GAD-7", -1, SQLITE_STATIC);
              sqlite3_bind_text (measure, 3, when, -1, SQLITE_TRANSIENT);
              sqlite3_bind_int (measure, 4, MIN (total, phq ? 27 : 21));
              sqlite3_bind_text (measure, 5, total >= 10 ? "moderate" : "mild", -1, SQLITE_STATIC);
              if (!step (db, measure, error))
                goto fail;
            }
        }

      /* Sessions with attendance from the roster of the day. */
      for (guint s = 0; s < scale->sessions_per_group; s++)
        {
          gint64 sid = (gint64) g * scale->sessions_per_group + s + 1;
          g_autofree char *date = session_date (start, s);
          guint first_member, n_members;

          sqlite3_bind_int64 (session, 1, sid);
          sqlite3_bind_int64 (session, 2, group_id);
          sqlite3_bind_text (session, 3, date, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int64 (session, 4, counselor);
          for (int c = 5; c <= 8; c++)
            sqlite3_bind_int (session, c, rng () % 7);
          if (!step (db, session, error))
            goto fail;

          /* Members on the day: joined at session 4j, leave at session 4j + STAY_SESSIONS. */
          if (report_group)
            first_member = 0, n_members = REPORT_GROUP_MEMBERS;
          else
            {
              first_member = s >= STAY_SESSIONS ? (s - STAY_SESSIONS) / 4 + 1 : 0;
              n_members = MIN (s / 4 - first_member + 1, scale->members_per_session + 1);
            }

          for (guint m = 0; m < n_members && first_member + m < per_group; m++)
            {
              gint64 pid = (gint64) g * per_group + first_member + m + 1;
              const char *status = statuses[rng () % G_N_ELEMENTS (statuses)];
              int minutes = g_str_equal (status, "present") ? 180
                            : g_str_equal (status, "absent") || g_str_equal (status, "excused") ? 0 : 120;

              sqlite3_bind_int64 (attend, 1, sid);
              sqlite3_bind_int64 (attend, 2, pid);
              sqlite3_bind_text (attend, 3, status, -1, SQLITE_STATIC);
              sqlite3_bind_int (attend, 4, minutes);
              if (minutes > 0)
                sqlite3_bind_int (attend, 5, rng () % 5);
              else
                sqlite3_bind_null (attend, 5);
              if (!step (db, attend, error))
                goto fail;
            }
        }
    }

  /* Everything older than a few weeks is signed, as in a real program. */
  if (sqlite3_exec (db,
                    "UPDATE sessions SET state = 'signed', signed_by = facilitator_id,"
                    " signed_at = date || 'T17:00:00Z' WHERE date < '2026-10-01';"
                    "UPDATE treatment_plans SET state = 'active', signed_at = created_at;"
                    "COMMIT; PRAGMA synchronous = FULL; ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);",
                    NULL, NULL, NULL) != SQLITE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "generate: %s", sqlite3_errmsg (db));
      goto fail;
    }

  sqlite3_finalize (staff);
  sqlite3_finalize (participant);
  sqlite3_finalize (group);
  sqlite3_finalize (enroll);
  sqlite3_finalize (session);
  sqlite3_finalize (attend);
  sqlite3_finalize (plan);
  sqlite3_finalize (problem);
  sqlite3_finalize (goal);
  sqlite3_finalize (progress);
  sqlite3_finalize (measure);
  return TRUE;

fail:
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}
