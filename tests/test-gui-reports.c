/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Reports view on the sample program; runs under xvfb-run -a dbus-run-session. */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "iop-reports-view.h"
#include "iop-store-people.h"
#include "iop-test-util.h"
#include "iop-window.h"

extern GResource *iop_gui_get_resource (void);

static gboolean
settled (IopReportsView *view)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (iop_reports_view_is_busy (view))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
    }
  /* Let the widgets settle after the report arrived. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  return TRUE;
}

static gint64
group_id (IopStore   *store,
          const char *name)
{
  g_autoptr(GListModel) groups = iop_store_list_groups (store, TRUE, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(IopGroup) g = g_list_model_get_item (groups, i);

      if (g_strcmp0 (iop_group_get_name (g), name) == 0)
        return iop_group_get_id (g);
    }
  g_assert_not_reached ();
  return 0;
}

static gboolean
any_flag_starts (GPtrArray  *flags,
                 const char *prefix)
{
  for (guint i = 0; i < flags->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (flags, i), prefix))
      return TRUE;
  return FALSE;
}

static gboolean
has_word (const char *text,
          const char *word)
{
  g_autofree char *escaped = g_regex_escape_string (word, -1);
  g_autofree char *pattern = g_strdup_printf ("(?<!\\w)%s(?!\\w)", escaped);

  return g_regex_match_simple (pattern, text, 0, 0);
}

static void
test_declining_group_shows_flags (void)
{
  g_autoptr(IopStore) store = iop_test_open_sample ("gui-reports");
  g_autoptr(GPtrArray) people = iop_store_list_participants (store, NULL);
  g_autofree char *before = iop_test_checksum (store);
  GtkWidget *window = gtk_window_new ();
  IopReportsView *view = IOP_REPORTS_VIEW (iop_reports_view_new (store));
  g_autoptr(GPtrArray) flags = NULL;
  g_autofree char *text = NULL;
  g_autofree char *internal = NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 800);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));

  /* It opens on the whole program, last eight weeks. */
  g_assert_true (settled (view));
  g_assert_cmpstr (iop_reports_view_get_visible_page (view), ==, "report");
  g_assert_nonnull (iop_reports_view_get_program_report (view));
  flags = iop_reports_view_dup_flags (view);
  g_assert_true (any_flag_starts (flags, "Low attendance: Dual Diagnosis Skills"));
  g_clear_pointer (&flags, g_ptr_array_unref);

  /* The supervisor picks the group that stood out. */
  g_assert_true (iop_reports_view_select_group (view, group_id (store, "Dual Diagnosis Skills")));
  g_assert_true (settled (view));
  g_assert_nonnull (iop_reports_view_get_group_report (view));
  g_assert_cmpstr (iop_reports_view_get_group_report (view)->group_name, ==, "Dual Diagnosis Skills");
  flags = iop_reports_view_dup_flags (view);
  g_assert_true (any_flag_starts (flags, "Falling attendance"));
  g_assert_true (any_flag_starts (flags, "Falling cohesion"));
  g_assert_true (any_flag_starts (flags, "Low member ratings"));
  g_assert_true (any_flag_starts (flags, "Outreach:"));

  /* By initials only, unless the internal copy is asked for. */
  text = iop_reports_view_dup_text (view);
  for (guint i = 0; i < people->len; i++)
    {
      IopParticipant *p = g_ptr_array_index (people, i);

      g_assert_false (has_word (text, iop_participant_get_last_name (p)));
    }
  iop_reports_view_set_full_names (view, TRUE);
  g_assert_true (settled (view));
  internal = iop_reports_view_dup_text (view);
  g_assert_true (strstr (internal, "internal copy") != NULL);
  {
    gboolean named = FALSE;

    for (guint i = 0; i < people->len && !named; i++)
      named = has_word (internal, iop_participant_get_last_name (g_ptr_array_index (people, i)));
    g_assert_true (named);
  }
  iop_reports_view_set_full_names (view, FALSE);

  /* A backwards range is refused where it is typed, and nothing changes. */
  iop_reports_view_set_range (view, "2026-05-01", "2026-04-01");
  g_assert_true (settled (view));
  g_assert_cmpstr (iop_reports_view_get_group_report (view)->group_name, ==, "Dual Diagnosis Skills");
  g_assert_cmpstr (iop_reports_view_get_group_report (view)->options.from, !=, "2026-05-01");
  iop_assert_unchanged (store, before);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Cancel on the busy page: the report stops, the view says so and offers to
 * make it again; a result that arrives late is dropped. */
static void
test_cancel_and_again (void)
{
  g_autoptr(IopStore) store = iop_test_open_sample ("gui-reports-cancel");
  g_autofree char *before = iop_test_checksum (store);
  GtkWidget *window = gtk_window_new ();
  IopReportsView *view = IOP_REPORTS_VIEW (iop_reports_view_new (store));
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 800);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));

  /* One main-loop step at a time: the worker's result can only arrive in a
   * later step than the one that started it. */
  while (g_strcmp0 (iop_reports_view_get_visible_page (view), "busy") != 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "view.cancel", NULL));
  g_assert_false (iop_reports_view_is_busy (view));
  g_assert_cmpstr (iop_reports_view_get_visible_page (view), ==, "message");

  /* Whatever the worker still returns does not replace the message. */
  deadline = g_get_monotonic_time () + G_USEC_PER_SEC / 2;
  while (g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpstr (iop_reports_view_get_visible_page (view), ==, "message");
  g_assert_null (iop_reports_view_get_program_report (view));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "view.recompute", NULL));
  g_assert_true (settled (view));
  g_assert_cmpstr (iop_reports_view_get_visible_page (view), ==, "report");
  g_assert_nonnull (iop_reports_view_get_program_report (view));
  iop_assert_unchanged (store, before);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_has_reports (void)
{
  g_autoptr(IopStore) store = iop_test_open_sample ("gui-reports-window");
  IopWindow *window = iop_window_new (NULL, store);

  gtk_window_present (GTK_WINDOW (window));
  iop_window_show_view (window, "reports");
  while (g_main_context_iteration (NULL, FALSE))
    ;
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  g_resources_register (iop_gui_get_resource ());

  g_test_add_func ("/gui/reports/declining-group-shows-flags", test_declining_group_shows_flags);
  g_test_add_func ("/gui/reports/cancel-and-again", test_cancel_and_again);
  g_test_add_func ("/gui/reports/window-has-reports", test_window_has_reports);
  return g_test_run ();
}
