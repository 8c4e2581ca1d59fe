/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A member's documents are printed in the member's preferred language when
 * Circle has a translation into it, whatever the counselor's own language,
 * and without changing the language of anything else.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "iop-catalog.h"
#include "iop-session-print.h"
#include "iop-store-people.h"
#include "iop-store-sessions.h"
#include "iop-test-util.h"

static IopStore *sample;

static char *
document_text (IopDocument *doc,
               const char  *name)
{
  g_autofree char *path = g_build_filename (iop_test_tmpdir (), name, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status = 0;
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };

  g_assert_true (iop_document_write_pdf (doc, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&out);
}

static void
test_language_names (void)
{
  struct { const char *name; const char *code; } cases[] = {
    { "Spanish", "es" }, { "Español", "es" }, { " español ", "es" }, { "Spanish (Mexico)", "es" },
    { "Castellano", "es" }, { "es", "es" }, { "es-mx", "es_MX" }, { "es_MX", "es_MX" },
    { "English", "en" }, { "Inglés", "en" }, { "Vietnamese", NULL }, { "", NULL }, { NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *code = iop_language_code_from_name (cases[i].name);
      g_assert_cmpstr (code, ==, cases[i].code);
    }
}

static void
test_catalog_lookup (void)
{
  g_autoptr(IopCatalog) es = iop_catalog_new_for_language ("es");
  g_autoptr(IopCatalog) es_mx = iop_catalog_new_for_language ("es_MX");
  g_autoptr(IopCatalog) en = iop_catalog_new_for_language ("en_US");
  g_autoptr(IopCatalog) fr = iop_catalog_new_for_language ("fr");

  g_assert_nonnull (es);
  g_assert_cmpstr (iop_catalog_get_language (es), ==, "es");
  g_assert_cmpstr (iop_catalog_lookup (es, "Groups"), ==, "Grupos");
  g_assert_cmpstr (iop_catalog_lookup (es, "attendance\004Present"), ==, "Presente");
  g_assert_null (iop_catalog_lookup (es, "A string Circle never had"));
  g_assert_cmpstr (iop_catalog_lookup_plural (es, "%u group", "%u groups", 1), ==, "%u grupo");
  g_assert_cmpstr (iop_catalog_lookup_plural (es, "%u group", "%u groups", 3), ==, "%u grupos");
  g_assert_cmpstr (iop_catalog_lookup_plural (es, "%u thing", "%u things", 3), ==, "%u things");

  /* A regional variant reads the language's catalog. */
  g_assert_nonnull (es_mx);
  g_assert_cmpstr (iop_catalog_lookup (es_mx, "Groups"), ==, "Grupos");

  /* English is the source language: nothing to look up, the originals are printed. */
  g_assert_nonnull (en);
  g_assert_null (iop_catalog_lookup (en, "Groups"));
  g_assert_cmpstr (iop_catalog_lookup_plural (en, "%u group", "%u groups", 1), ==, "%u group");

  /* No translation: the counselor's language is used. */
  g_assert_null (fr);
}

static void
test_damaged_catalog (void)
{
  g_autofree char *path = g_build_filename (iop_test_tmpdir (), "damaged.mo", NULL);
  g_autoptr(GError) error = NULL;
  IopCatalog *catalog;
  /* The right magic number, then tables that point past the end of the file. */
  const guint8 data[] = { 0xde, 0x12, 0x04, 0x95, 0, 0, 0, 0, 0xff, 0xff, 0, 0, 28, 0, 0, 0,
                          0xff, 0xff, 0xff, 0, 0, 0, 0, 0, 0, 0, 0, 0 };

  g_assert_true (g_file_set_contents (path, (const char *) data, sizeof data, NULL));
  catalog = iop_catalog_new_from_file (path, "xx", &error);
  g_assert_null (catalog);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (path, "not a catalog", -1, NULL));
  g_assert_null (iop_catalog_new_from_file (path, "xx", &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL);
}

static gpointer
other_thread_gettext (gpointer data)
{
  return g_strdup (iop_gettext ("Groups"));
}

static void
test_thread_default (void)
{
  g_autoptr(IopCatalog) es = iop_catalog_new_for_language ("es");
  g_autofree char *elsewhere = NULL;
  GThread *thread;

  g_assert_cmpstr (iop_gettext ("Groups"), ==, "Groups");
  iop_catalog_push_thread_default (es);
  g_assert_cmpstr (iop_gettext ("Groups"), ==, "Grupos");
  g_assert_cmpstr (iop_pgettext ("attendance\004Absent", strlen ("attendance") + 1), ==, "Ausente");
  g_assert_cmpstr (iop_ngettext ("%u group", "%u groups", 2), ==, "%u grupos");

  /* Only this thread: the window keeps speaking the counselor's language. */
  thread = g_thread_new ("other", other_thread_gettext, NULL);
  elsewhere = g_thread_join (thread);
  g_assert_cmpstr (elsewhere, ==, "Groups");

  iop_catalog_pop_thread_default (es);
  g_assert_cmpstr (iop_gettext ("Groups"), ==, "Groups");
}

/* A session that @record_number attended and that is signed. */
static gint64
attended_session (const char *record_number,
                  gint64     *participant_id)
{
  g_autoptr(IopParticipant) p = iop_store_find_participant (sample, record_number, NULL);
  IopSessionQuery query = { 0, NULL, NULL, "cosigned" };
  g_autoptr(GListModel) sessions = iop_store_list_sessions (sample, &query, NULL);

  g_assert_nonnull (p);
  *participant_id = iop_participant_get_id (p);
  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(IopSession) session = g_list_model_get_item (sessions, i);
      g_autoptr(GPtrArray) attendance = iop_store_list_attendance (sample, iop_session_get_id (session), NULL);

      for (guint j = 0; j < attendance->len; j++)
        {
          IopAttendance *a = g_ptr_array_index (attendance, j);

          if (iop_attendance_get_participant_id (a) == *participant_id && iop_attendance_is_attending (a))
            return iop_session_get_id (session);
        }
    }
  g_assert_not_reached ();
  return 0;
}

static void
test_member_copy_in_member_language (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IopDocument) spanish = NULL;
  g_autoptr(IopDocument) english = NULL;
  g_autoptr(IopParticipant) maria = iop_store_find_participant (sample, "IOP-1001", NULL);
  g_autofree char *spanish_text = NULL;
  g_autofree char *english_text = NULL;
  gint64 maria_id, other_id, session_id, other_session;

  /* María López prefers Spanish; the counselor here reads English. */
  g_assert_cmpstr (iop_participant_get_primary_language (maria), ==, "Spanish");
  session_id = attended_session ("IOP-1001", &maria_id);
  spanish = iop_session_member_copy_document (sample, session_id, maria_id, "Riverside IOP", &error);
  g_assert_no_error (error);
  g_assert_nonnull (iop_document_get_catalog (spanish));
  spanish_text = document_text (spanish, "maria.pdf");
  g_assert_nonnull (strstr (spanish_text, "Nota de sesión de grupo"));
  g_assert_nonnull (strstr (spanish_text, "Asistencia"));
  g_assert_nonnull (strstr (spanish_text, "Nota individualizada"));
  g_assert_nonnull (strstr (spanish_text, "La norma 42 CFR parte 2"));
  g_assert_nonnull (strstr (spanish_text, "Página 1 de"));
  g_assert_null (strstr (spanish_text, "Individualized note"));

  /* The rest of the application still speaks the counselor's language. */
  g_assert_cmpstr (iop_gettext ("Groups"), ==, "Groups");
  g_assert_null (iop_catalog_get_thread_default ());

  /* A member who prefers English gets English. */
  other_session = attended_session ("IOP-1012", &other_id);
  english = iop_session_member_copy_document (sample, other_session, other_id, "Riverside IOP", &error);
  g_assert_no_error (error);
  english_text = document_text (english, "english.pdf");
  g_assert_nonnull (strstr (english_text, "Group session note"));
  g_assert_nonnull (strstr (english_text, "Page 1 of"));
}

/* Errors go to the counselor, in the counselor's language, even about a
 * member who prefers Spanish. */
static void
test_errors_stay_in_counselor_language (void)
{
  const char *spanish_speakers[] = { "IOP-1022", "IOP-1026", "IOP-1029", "IOP-1034", "IOP-1039" };
  gint64 maria_id;
  gint64 session_id = attended_session ("IOP-1001", &maria_id);
  guint refused = 0;

  for (guint i = 0; i < G_N_ELEMENTS (spanish_speakers); i++)
    {
      g_autoptr(IopParticipant) p = iop_store_find_participant (sample, spanish_speakers[i], NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(IopDocument) doc = NULL;

      doc = iop_session_member_copy_document (sample, session_id, iop_participant_get_id (p), NULL, &error);
      if (doc != NULL)
        continue;
      g_assert_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_NOT_FOUND);
      g_assert_cmpstr (error->message, ==, "This participant was not a member of the group on the session's date.");
      refused++;
    }
  g_assert_cmpuint (refused, >, 0);
  g_assert_null (iop_catalog_get_thread_default ());
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("CIRCLE_LOCALEDIR");
  int status;

  g_assert_nonnull (localedir);
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_init (&argc, &argv, NULL);
  sample = iop_test_open_sample ("member-language");

  g_test_add_func ("/member-language/names", test_language_names);
  g_test_add_func ("/member-language/catalog", test_catalog_lookup);
  g_test_add_func ("/member-language/damaged-catalog", test_damaged_catalog);
  g_test_add_func ("/member-language/thread-default", test_thread_default);
  g_test_add_func ("/member-language/member-copy", test_member_copy_in_member_language);
  g_test_add_func ("/member-language/errors", test_errors_stay_in_counselor_language);

  status = g_test_run ();
  g_object_unref (sample);
  return status;
}
