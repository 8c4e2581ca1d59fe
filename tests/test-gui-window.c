/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Nothing else is needed: register as 'gui-window' in gui_tests; runs under xvfb-run -a dbus-run-session. */

#include "config.h"

#include <adwaita.h>

#include "iop-group.h"
#include "iop-groups-view.h"
#include "iop-test-util.h"
#include "iop-window.h"

extern GResource *iop_gui_get_resource (void);

typedef gboolean (*Condition) (gpointer data);

static gboolean
wait_until (Condition condition,
            gpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
    }
  return TRUE;
}

static gboolean
shows_views (gpointer data)
{
  return g_strcmp0 (iop_window_get_visible_page (data), "views") == 0;
}

static gboolean
model_lists_group (GListModel *model,
                   const char *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(IopGroup) group = g_list_model_get_item (model, i);

      if (g_strcmp0 (iop_group_get_name (group), name) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
test_empty_shows_welcome (void)
{
  g_autoptr(IopStore) store = iop_test_open_store ("gui-window-empty");
  IopWindow *window = iop_window_new (NULL, store);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpstr (iop_window_get_visible_page (window), ==, "welcome");
  g_assert_null (iop_window_get_visible_view (window));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_sample_shows_groups (void)
{
  g_autoptr(IopStore) store = iop_test_open_sample ("gui-window-sample");
  IopWindow *window = iop_window_new (NULL, store);
  GListModel *groups;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpstr (iop_window_get_visible_page (window), ==, "views");
  g_assert_cmpstr (iop_window_get_visible_view (window), ==, "groups");

  groups = iop_groups_view_get_model (IOP_GROUPS_VIEW (iop_window_get_view (window, "groups")));
  g_assert_cmpuint (g_list_model_get_n_items (groups), >=, 4);
  g_assert_true (model_lists_group (groups, "Morning Process Group"));
  g_assert_true (model_lists_group (groups, "Teen Coping Skills"));

  iop_window_show_view (window, "participants");
  g_assert_cmpstr (iop_window_get_visible_view (window), ==, "participants");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_welcome_loads_sample (void)
{
  g_autoptr(IopStore) store = iop_test_open_store ("gui-window-load");
  IopWindow *window = iop_window_new (NULL, store);
  GListModel *groups;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpstr (iop_window_get_visible_page (window), ==, "welcome");

  g_assert_true (gtk_widget_activate_action (iop_window_get_welcome (window), "welcome.load-sample", NULL));
  g_assert_true (wait_until (shows_views, window));
  g_assert_cmpstr (iop_window_get_visible_view (window), ==, "groups");

  groups = iop_groups_view_get_model (IOP_GROUPS_VIEW (iop_window_get_view (window, "groups")));
  g_assert_true (model_lists_group (groups, "Relapse Prevention"));

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

  g_test_add_func ("/gui/window/empty-shows-welcome", test_empty_shows_welcome);
  g_test_add_func ("/gui/window/sample-shows-groups", test_sample_shows_groups);
  g_test_add_func ("/gui/window/welcome-loads-sample", test_welcome_loads_sample);

  return g_test_run ();
}
