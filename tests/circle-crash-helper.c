/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A small program the durability and fault tests start and kill:
 *   commit DB START   say "open" once the database is open, then commit sessions
 *                     with attendance and member notes, one transaction each,
 *                     and acknowledge each on stdout after its COMMIT returned,
 *                     until killed
 *   hold DB           take the database's write lock (BEGIN EXCLUSIVE), say
 *                     "ready", and hold it until killed
 *   migrate DB        say "start", open (and so migrate) DB, say "done" */

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "iop-access-private.h"
#include "iop-date.h"
#include "iop-store-private.h"

#define MEMBERS 3

static void
say (const char *line)
{
  size_t len = strlen (line);

  /* write(2), not stdio: the acknowledgement leaves the process at once. */
  if (write (STDOUT_FILENO, line, len) != (ssize_t) len)
    exit (3);
}

static gboolean
commit_one (IopStore  *store,
            gint64     index,
            GError   **error)
{
  g_autofree char *date = iop_date_add_days ("2030-01-01", (int) (index / 1440));
  g_autofree char *time = g_strdup_printf ("%02d:%02d", (int) (index % 1440) / 60, (int) (index % 60));
  g_autofree char *topic = g_strdup_printf ("d%" G_GINT64_FORMAT, index);
  sqlite3_stmt *stmt;
  gint64 session;

  if (!iop_store_begin (store, error))
    return FALSE;
  stmt = iop_store_prepare (store,
                            "INSERT INTO sessions (group_id, date, start_time, duration_minutes, topic, state,"
                            " interventions, group_process) VALUES (1, ?1, ?2, 120, ?3, 'draft', ?4, ?5)", error);
  if (stmt == NULL)
    goto fail;
  iop_bind_text (stmt, 1, date);
  iop_bind_text (stmt, 2, time);
  iop_bind_text (stmt, 3, topic);
  iop_bind_text (stmt, 4, "Psychoeducation on relapse warning signs; role play of refusal skills.");
  iop_bind_text (stmt, 5, "Members built on each other's examples; cohesion improved after the break.");
  if (!iop_store_step_done (store, stmt, error))
    goto fail;
  session = sqlite3_last_insert_rowid (iop_store_get_db (store));

  for (int m = 1; m <= MEMBERS; m++)
    {
      stmt = iop_store_prepare (store,
                                "INSERT INTO attendance (session_id, participant_id, status, minutes, participation)"
                                " VALUES (?1, ?2, 'present', 120, 3)", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, session);
      sqlite3_bind_int64 (stmt, 2, m);
      if (!iop_store_step_done (store, stmt, error))
        goto fail;
      stmt = iop_store_prepare (store,
                                "INSERT INTO member_notes (session_id, participant_id, presentation, participation,"
                                " response, progress, plan) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, session);
      sqlite3_bind_int64 (stmt, 2, m);
      iop_bind_text (stmt, 3, "Alert, oriented, engaged.");
      iop_bind_text (stmt, 4, "Shared a recent high-risk situation.");
      iop_bind_text (stmt, 5, "Identified two coping strategies.");
      iop_bind_text (stmt, 6, "Progressing toward goal 1.");
      iop_bind_text (stmt, 7, "Continue group; practise refusal skills.");
      if (!iop_store_step_done (store, stmt, error))
        goto fail;
    }
  if (!iop_store_audit (store, "create", IOP_KIND_SESSION, session, 0, NULL, error))
    goto fail;
  return iop_store_commit (store, error);

fail:
  iop_store_rollback (store);
  return FALSE;
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;

  if (argc < 3)
    return 2;

  if (g_str_equal (argv[1], "commit") && argc == 4)
    {
      g_autoptr(IopStore) store = iop_store_open (argv[2], &error);
      gint64 index = g_ascii_strtoll (argv[3], NULL, 10);

      if (store == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      iop_store_trust_system_actor (store, TRUE);
      say ("open\n");
      for (;; index++)
        {
          g_autofree char *ack = NULL;

          if (!commit_one (store, index, &error))
            {
              g_printerr ("%s\n", error->message);
              return 1;
            }
          ack = g_strdup_printf ("%" G_GINT64_FORMAT "\n", index);
          say (ack);
        }
    }

  if (g_str_equal (argv[1], "hold"))
    {
      sqlite3 *db = NULL;

      if (sqlite3_open (argv[2], &db) != SQLITE_OK
          || sqlite3_exec (db, "PRAGMA journal_mode = WAL; BEGIN EXCLUSIVE;"
                               " INSERT INTO settings (key, value) VALUES ('held', 'yes')",
                           NULL, NULL, NULL) != SQLITE_OK)
        return 1;
      say ("ready\n");
      for (;;)
        pause ();
    }

  if (g_str_equal (argv[1], "migrate"))
    {
      g_autoptr(IopStore) store = NULL;

      say ("start\n");
      store = iop_store_open (argv[2], &error);
      if (store == NULL)
        return 1;
      say ("done\n");
      return 0;
    }

  return 2;
}
