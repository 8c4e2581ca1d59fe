/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "iop-access-private.h"
#include "iop-sample.h"
#include "iop-session-print.h"
#include "iop-store-people.h"
#include "iop-store-sessions.h"
#include "iop-instrument-loader.h"
#include "iop-test-util.h"

#define NOTICE "42 CFR part 2 prohibits unauthorized use or disclosure of these records."

static IopStore *sample;
static char *shm_db;

static char *
pdf_text (const char *path)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

/* pdftotext puts a form feed after every page: each page must carry the notice. */
static void
assert_notice_on_every_page (const char *text)
{
  g_auto(GStrv) pages = g_strsplit (text, "\f", -1);
  guint n = 0;

  for (guint i = 0; pages[i] != NULL; i++)
    {
      if (*g_strstrip (pages[i]) == '\0')
        continue;
      g_assert_nonnull (strstr (pages[i], NOTICE));
      n++;
    }
  g_assert_cmpuint (n, >=, 1);
}

/* Staff names are printed on purpose (facilitator, signatures); a staff member
 * may share a first name with a participant ("Jordan"), so they are taken out
 * before looking for participants' names. */
static char *
without_staff_names (IopStore   *store,
                     const char *text)
{
  g_autoptr(GListModel) staff = iop_store_list_staff (store, NULL);
  g_autoptr(GString) out = g_string_new (text);

  for (guint i = 0; i < g_list_model_get_n_items (staff); i++)
    {
      g_autoptr(IopStaff) s = g_list_model_get_item (staff, i);
      g_string_replace (out, iop_staff_get_full_name (s), "", 0);
    }
  return g_strdup (out->str);
}

/* pdftotext is the slow part: every member copy goes into one PDF,
 * rendered by the same IopDocument code as iop_document_write_pdf(), and the
 * text is split back into copies by their page counts. */
static GPtrArray *
copies_as_text (GPtrArray  *docs,
                const char *path)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, IOP_DOCUMENT_LETTER_WIDTH, IOP_DOCUMENT_LETTER_HEIGHT);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GArray) counts = g_array_new (FALSE, FALSE, sizeof (guint));
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *text = NULL;
  g_auto(GStrv) pages = NULL;
  guint page = 0;

  for (guint d = 0; d < docs->len; d++)
    {
      IopDocument *doc = g_ptr_array_index (docs, d);
      guint n = iop_document_paginate (doc, NULL, IOP_DOCUMENT_LETTER_WIDTH, IOP_DOCUMENT_LETTER_HEIGHT);

      for (guint i = 0; i < n; i++)
        {
          iop_document_render_page (doc, cr, i);
          cairo_show_page (cr);
        }
      g_array_append_val (counts, n);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  text = pdf_text (path);
  pages = g_strsplit (text, "\f", -1);
  for (guint d = 0; d < counts->len; d++)
    {
      g_autoptr(GString) copy = g_string_new (NULL);

      for (guint i = 0; i < g_array_index (counts, guint, d); i++, page++)
        {
          g_assert_nonnull (pages[page]);
          g_string_append (copy, pages[page]);
          g_string_append_c (copy, '\f');
        }
      g_ptr_array_add (texts, g_strdup (copy->str));
    }
  return texts;
}

typedef struct {
  gint64        session_id;
  IopAttendance *member;
  IopNameGuard  *guard;
} Copy;

static void
copy_free (gpointer data)
{
  Copy *copy = data;

  g_object_unref (copy->member);
  g_object_unref (copy->guard);
  g_free (copy);
}

static void
test_member_copies_name_no_one_else (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) sessions = iop_store_list_sessions (sample, NULL, &error);
  /* memory-backed storage when there is some: hundreds of pages are written */
  g_autofree char *path = g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) && access ("/dev/shm", W_OK) == 0
                          ? g_strdup_printf ("/dev/shm/circle-test-%d.pdf", (int) getpid ())
                          : g_build_filename (iop_test_tmpdir (), "member-copies.pdf", NULL);
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func (copy_free);
  g_autoptr(GPtrArray) texts = NULL;
  guint documented = 0;
  guint named_in_shared_notes = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(IopSession) session = g_list_model_get_item (sessions, i);
      gint64 id = iop_session_get_id (session);
      g_autoptr(GPtrArray) attendance = NULL;
      g_autoptr(IopNameGuard) guard = NULL;

      if (g_strcmp0 (iop_session_get_state (session), "scheduled") == 0
          || g_strcmp0 (iop_session_get_state (session), "cancelled") == 0)
        continue;
      documented++;
      attendance = iop_store_list_attendance (sample, id, &error);
      guard = iop_store_dup_session_name_guard (sample, id, &error);
      g_assert_no_error (error);

      for (guint m = 0; m < attendance->len; m++)
        {
          IopAttendance *member = g_ptr_array_index (attendance, m);
          gint64 pid = iop_attendance_get_participant_id (member);
          g_autoptr(GArray) before = NULL;
          Copy *copy = g_new0 (Copy, 1);

          /* the shared note does name other members before redaction */
          before = iop_name_guard_find (guard, iop_session_get_group_process (session), pid);
          if (before->len > 0)
            named_in_shared_notes++;

          g_ptr_array_add (docs, iop_session_member_copy_document (sample, id, pid, "Circle IOP", &error));
          g_assert_no_error (error);
          copy->session_id = id;
          copy->member = g_object_ref (member);
          copy->guard = g_object_ref (guard);
          g_ptr_array_add (copies, copy);
        }
    }

  texts = copies_as_text (docs, path);
  for (guint c = 0; c < copies->len; c++)
    {
      Copy *copy = g_ptr_array_index (copies, c);
      gint64 pid = iop_attendance_get_participant_id (copy->member);
      const char *text = g_ptr_array_index (texts, c);
      g_autofree char *checked = NULL;
      g_autoptr(GArray) after = NULL;

      assert_notice_on_every_page (text);
      /* One member's copy may be disclosed under their consent. */
      g_assert_null (strstr (text, "for use inside the program"));
      g_assert_nonnull (strstr (text, iop_attendance_get_record_number (copy->member)));
      checked = without_staff_names (sample, text);
      after = iop_name_guard_find (copy->guard, checked, pid);
      if (after->len > 0)
        {
          const IopNameMatch *match = &g_array_index (after, IopNameMatch, 0);
          g_autofree char *name = g_strndup (checked + match->start, match->end - match->start);
          g_autofree char *own = iop_attendance_dup_full_name (copy->member);

          g_error ("member copy of session %" G_GINT64_FORMAT " for %s names “%s”", copy->session_id, own, name);
        }
    }
  g_unlink (path);
  g_test_message ("%u documented sessions, %u member copies", documented, copies->len);
  g_assert_cmpuint (documented, >=, 50);
  g_assert_cmpuint (named_in_shared_notes, >=, documented);
}

static void
test_summary_and_sign_in (void)
{
  g_autoptr(GError) error = NULL;
  IopSessionQuery query = { 0, NULL, NULL, "cosigned" };
  g_autoptr(GListModel) sessions = iop_store_list_sessions (sample, &query, &error);
  g_autoptr(IopSession) session = g_list_model_get_item (sessions, 0);
  gint64 id = iop_session_get_id (session);
  g_autoptr(GPtrArray) attendance = iop_store_list_attendance (sample, id, &error);
  g_autofree char *path = g_build_filename (iop_test_tmpdir (), "summary.pdf", NULL);
  g_autoptr(IopDocument) shortdoc = NULL;
  g_autoptr(IopDocument) fulldoc = NULL;
  g_autoptr(IopDocument) sheet = NULL;
  g_autofree char *short_text = NULL;
  g_autofree char *full_text = NULL;
  g_autofree char *sheet_text = NULL;

  shortdoc = iop_session_summary_document (sample, id, "Riverside IOP", IOP_PRINT_NAMES_SHORT, &error);
  g_assert_no_error (error);
  g_assert_true (iop_document_write_pdf (shortdoc, path, &error));
  short_text = pdf_text (path);
  fulldoc = iop_session_summary_document (sample, id, "Riverside IOP", IOP_PRINT_NAMES_FULL, &error);
  g_assert_true (iop_document_write_pdf (fulldoc, path, &error));
  full_text = pdf_text (path);
  sheet = iop_session_sign_in_document (sample, id, "Riverside IOP", &error);
  g_assert_true (iop_document_write_pdf (sheet, path, &error));
  sheet_text = pdf_text (path);
  g_assert_no_error (error);

  assert_notice_on_every_page (short_text);
  assert_notice_on_every_page (full_text);
  assert_notice_on_every_page (sheet_text);
  /* Several members' records: for use inside the program only. */
  g_assert_nonnull (strstr (short_text, "for use inside the program; not for disclosure"));
  g_assert_nonnull (strstr (sheet_text, "for use inside the program; not for disclosure"));
  g_assert_nonnull (strstr (short_text, "Riverside IOP"));
  g_assert_nonnull (strstr (short_text, iop_session_get_group_name (session)));
  g_assert_nonnull (strstr (short_text, "Co-signed by"));
  g_assert_nonnull (strstr (short_text, "Group climate"));
  g_assert_nonnull (strstr (sheet_text, "Signature"));

  for (guint i = 0; i < attendance->len; i++)
    {
      IopAttendance *a = g_ptr_array_index (attendance, i);
      g_autofree char *short_name = iop_attendance_dup_short_name (a);

      g_assert_nonnull (strstr (short_text, short_name));
      g_assert_null (strstr (short_text, iop_attendance_get_last_name (a)));
      g_assert_nonnull (strstr (full_text, iop_attendance_get_last_name (a)));
      if (iop_attendance_get_on_roster (a))
        g_assert_nonnull (strstr (sheet_text, short_name));
      g_assert_null (strstr (sheet_text, iop_attendance_get_last_name (a)));
    }
}

static void
test_missing_session (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IopDocument) doc = iop_session_summary_document (sample, 999999, NULL, IOP_PRINT_NAMES_SHORT, &error);

  g_assert_null (doc);
  g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_NOT_FOUND);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  /* Every printout is audited, a commit each: keep the database in memory-backed
   * storage when there is some, so hundreds of commits do not wait on the disk. */
  if (g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) && access ("/dev/shm", W_OK) == 0)
    {
      g_autoptr(GError) error = NULL;

      shm_db = g_strdup_printf ("/dev/shm/circle-test-%d.db", (int) getpid ());
      sample = iop_store_open (shm_db, &error);
      g_assert_no_error (error);
      /* As iop_test_open_store() does: these tests are not about roles. */
      iop_store_trust_system_actor (sample, TRUE);
      g_assert_nonnull (iop_instrument_registry_ensure_default (NULL, &error));
      g_assert_true (iop_sample_load (sample, &error));
      g_assert_no_error (error);
    }
  else
    sample = iop_test_open_sample ("session-print");
  g_test_add_func ("/session-print/member-copies-name-no-one-else", test_member_copies_name_no_one_else);
  g_test_add_func ("/session-print/summary-and-sign-in", test_summary_and_sign_in);
  g_test_add_func ("/session-print/missing-session", test_missing_session);
  status = g_test_run ();
  g_clear_object (&sample);
  if (shm_db != NULL)
    {
      g_autofree char *wal = g_strconcat (shm_db, "-wal", NULL);
      g_autofree char *shm = g_strconcat (shm_db, "-shm", NULL);

      g_unlink (shm_db);
      g_unlink (wal);
      g_unlink (shm);
      g_free (shm_db);
    }
  return status;
}
