/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The window adapts down to 360 pixels wide: no view, and no page a view
 * opens, asks for more. The views come from the window's own table, so
 * areas added later are measured too.
 */

#include "config.h"

#include <adwaita.h>

#include "iop-sessions-view.h"
#include "iop-store-people.h"
#include "iop-store-sessions.h"
#include "iop-test-util.h"
#include "iop-window.h"

extern GResource *iop_gui_get_resource (void);

#define NARROWEST 360

static void
settle (void)
{
  for (int i = 0; i < 50; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static int
minimum_width (GtkWidget *widget)
{
  int minimum = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  return minimum;
}

/* The widest descendants, to say what to fix: down the chain of widgets that
 * need too much, then the parts of the last one, which add up to too much. */
static void
report_widest (GtkWidget *widget,
               int        depth)
{
  gboolean descended = FALSE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_child_visible (child) && gtk_widget_get_visible (child)
        && minimum_width (child) > NARROWEST - 24)
      {
        g_printerr ("%*s%s needs %d px\n", depth * 2, "", G_OBJECT_TYPE_NAME (child), minimum_width (child));
        report_widest (child, depth + 1);
        descended = TRUE;
      }

  if (!descended)
    for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
         child = gtk_widget_get_next_sibling (child))
      if (gtk_widget_get_visible (child))
        g_printerr ("%*s· %s %s needs %d px\n", depth * 2, "", G_OBJECT_TYPE_NAME (child),
                    GTK_IS_LABEL (child) ? gtk_label_get_text (GTK_LABEL (child)) : "",
                    minimum_width (child));
}

static gboolean
fits (IopWindow  *window,
      const char *where)
{
  int width;

  settle ();
  /* The content: the window adds its frame and shadow around it. */
  width = minimum_width (adw_application_window_get_content (ADW_APPLICATION_WINDOW (window)));
  g_test_message ("%s: at least %d px", where, width);
  if (width <= NARROWEST)
    return TRUE;
  g_printerr ("%s needs %d px, more than %d:\n", where, width, NARROWEST);
  report_widest (adw_application_window_get_content (ADW_APPLICATION_WINDOW (window)), 1);
  return FALSE;
}

static GtkWidget *
find_search_entry (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_SEARCH_ENTRY (child) && gtk_widget_is_drawable (child))
        return child;
      found = find_search_entry (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_every_view (void)
{
  g_autoptr(IopStore) store = iop_test_open_sample ("narrow-views");
  IopWindow *window = iop_window_new (NULL, store);
  g_auto(GStrv) names = iop_window_dup_view_names (window);
  guint too_wide = 0;
  GtkWidget *search;

  gtk_window_set_default_size (GTK_WINDOW (window), NARROWEST, 720);
  gtk_window_present (GTK_WINDOW (window));

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *where = g_strdup_printf ("view “%s”", names[i]);

      iop_window_show_view (window, names[i]);
      too_wide += !fits (window, where);

      /* And the view's empty result, when it can search. */
      search = find_search_entry (iop_window_get_view (window, names[i]));
      if (search != NULL)
        {
          g_autofree char *empty = g_strdup_printf ("view “%s” finding nothing", names[i]);

          gtk_editable_set_text (GTK_EDITABLE (search), "no such thing 7@q");
          too_wide += !fits (window, empty);
          gtk_editable_set_text (GTK_EDITABLE (search), "");
        }
    }
  g_assert_cmpuint (too_wide, ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A session of each state, opened in the session editor. */
static gboolean
sessions_fit (IopWindow *window,
              IopStore  *store)
{
  const char *states[] = { "scheduled", "draft", "signed", "cosigned", "cancelled" };
  gboolean all_fit = TRUE;

  iop_window_show_view (window, "sessions");
  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    {
      IopSessionQuery query = { 0, NULL, NULL, states[i] };
      g_autoptr(GListModel) sessions = iop_store_list_sessions (store, &query, NULL);
      g_autoptr(IopSession) session = NULL;
      g_autofree char *where = NULL;

      if (sessions == NULL || g_list_model_get_n_items (sessions) == 0)
        continue;
      session = g_list_model_get_item (sessions, 0);
      where = g_strdup_printf ("%s session %" G_GINT64_FORMAT, states[i], iop_session_get_id (session));
      iop_sessions_view_show_session (IOP_SESSIONS_VIEW (iop_window_get_view (window, "sessions")),
                                      iop_session_get_id (session));
      all_fit &= fits (window, where);
    }
  return all_fit;
}

static void
test_pages (void)
{
  g_autoptr(IopStore) store = iop_test_open_sample ("narrow-pages");
  g_autoptr(GListModel) groups = iop_store_list_groups (store, FALSE, NULL);
  g_autoptr(GPtrArray) people = iop_store_list_participants (store, NULL);
  IopWindow *window = iop_window_new (NULL, store);
  guint too_wide = 0;

  gtk_window_set_default_size (GTK_WINDOW (window), NARROWEST, 720);
  gtk_window_present (GTK_WINDOW (window));

  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(IopGroup) group = g_list_model_get_item (groups, i);
      g_autofree char *where = g_strdup_printf ("group page “%s”", iop_group_get_name (group));

      iop_window_show_group (window, iop_group_get_id (group));
      too_wide += !fits (window, where);
    }
  for (guint i = 0; i < people->len; i += 7)
    {
      IopParticipant *p = g_ptr_array_index (people, i);
      g_autofree char *where = g_strdup_printf ("participant page %s", iop_participant_get_record_number (p));

      iop_window_show_participant (window, iop_participant_get_id (p));
      too_wide += !fits (window, where);
    }
  too_wide += !sessions_fit (window, store);
  g_assert_cmpuint (too_wide, ==, 0);

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
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/gui/narrow/every-view", test_every_view);
  g_test_add_func ("/gui/narrow/pages", test_pages);

  return g_test_run ();
}
